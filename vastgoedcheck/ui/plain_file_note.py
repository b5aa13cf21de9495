"""The line beside Save that says the file written there is not encrypted, as the data folder is."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from vastgoedcheck.i18n import _
from vastgoedcheck.ui.text_label import text_label


def plain_report_text() -> str:
    return _(
        "The file you save is not encrypted, unlike your data folder and its backups: handle "
        "it as confidential."
    )


def plain_file_note(*, blank: bool = False) -> QLabel:
    """One line for a dialog that saves a report or an export (``blank``: a blank checklist,
    which holds personal data only once it is filled in on paper)."""
    text = (
        _(
            "The PDF is not encrypted. Once filled in on paper it holds personal data: keep it "
            "as confidential as your checks."
        )
        if blank
        else plain_report_text()
    )
    return text_label(text, "plainFileNote")
