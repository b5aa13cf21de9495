"""Printing a blank checklist from the app: choose the checklist and its language, then where to
save the PDF, to fill in on paper on site (as ``vastgoedcheck templates print`` does)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.pack import Pack, Role
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage.atomic import write_atomically
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.backup_actions import documents_folder
from vastgoedcheck.ui.cloud_warning import saving_there_is_fine
from vastgoedcheck.ui.exchange_actions import refuse_inside_data_folder
from vastgoedcheck.ui.failure_dialogs import busy_cursor
from vastgoedcheck.ui.feedback import sentence, show_problem
from vastgoedcheck.ui.issued_reports import LANGUAGE_NAMES
from vastgoedcheck.ui.new_check_wizard import FIRST_PACKS
from vastgoedcheck.ui.plain_file_note import plain_file_note
from vastgoedcheck.ui.text_label import text_label


def blank_file_name(pack: Pack, day: dt.date) -> str:
    return f"{pack.id}-{pack.version}-blank-{day.isoformat()}.pdf"


def _fitting_pack(store: Store) -> str | None:
    """The checklist that fits the role of the user's latest check, as the new-check wizard
    offers it first; None before any check exists."""
    latest = store.summaries()
    if not latest:
        return None
    try:
        return FIRST_PACKS.get(Role(latest[0].role))
    except ValueError:
        return None


class BlankChecklistDialog(QDialog):
    """Which checklist, in which language; Save asks where and writes the PDF at once."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.written: Path | None = None
        self.setObjectName("blankChecklistDialog")
        self.setWindowTitle(_("Print a blank checklist"))
        language = current_language()

        self.pack_box = QComboBox()
        self.pack_box.setObjectName("blankChecklistPack")
        for pack in sorted(store.registry.latest(), key=lambda pack: pack.title.get(language)):
            self.pack_box.addItem(pack.title.get(language), pack)
        fitting = _fitting_pack(store)
        for index in range(self.pack_box.count()):
            if self.pack_box.itemData(index).id == fitting:
                self.pack_box.setCurrentIndex(index)
        self.language_box = QComboBox()
        self.language_box.setObjectName("blankChecklistLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))

        form = QFormLayout()
        for text, field in (
            (_("&Checklist:"), self.pack_box),
            (_("&Language:"), self.language_box),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            _("&Save as PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveBlankChecklist")
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(
            text_label(
                _(
                    "A checklist to fill in on paper on site: the data to note and every "
                    "question with its answer boxes. Enter the answers in the app afterwards."
                ),
                "blankChecklistIntro",
            )
        )
        layout.addLayout(form)
        layout.addWidget(plain_file_note(blank=True))
        layout.addWidget(buttons)
        self.pack_box.setFocus()

    def pack(self) -> Pack:
        chosen = self.pack_box.currentData()
        assert isinstance(chosen, Pack)
        return chosen

    def save(self) -> None:
        """Ask where, write the PDF (all of it or nothing), say where it went and close."""
        pack, language = self.pack(), str(self.language_box.currentData())
        suggested = documents_folder() / blank_file_name(pack, dt.date.today())
        name, _chosen_filter = QFileDialog.getSaveFileName(
            self, _("Save the blank checklist as"), str(suggested), _("PDF files (*.pdf)")
        )
        if not name:
            return
        target = Path(name)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        if refuse_inside_data_folder(self, self.store, target):
            return
        if not saving_there_is_fine(self, target):
            return
        from vastgoedcheck.reports.blank import build_blank_checklist  # reportlab: only here

        try:
            with busy_cursor():
                write_atomically(target, build_blank_checklist(pack, language, dt.date.today()))
        except OSError as error:
            show_problem(
                self,
                _("{file} cannot be written ({reason})").format(
                    file=target, reason=os_reason(error)
                ),
                _("Print a blank checklist"),
            )
            return
        self.written = target
        QMessageBox.information(
            self,
            _("Print a blank checklist"),
            sentence(
                _("Blank checklist {id} {version} written to {file}").format(
                    id=pack.id, version=pack.version, file=target
                )
            ),
        )
        self.accept()
