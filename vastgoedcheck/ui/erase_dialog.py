"""Erasing one check at the request of the person it is about (art. 17 AVG): what goes, what
stays, and why; refused for a Wwft record within its legal period, with the date it ends."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.check import Check
from vastgoedcheck.i18n import _
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.failure_dialogs import busy_cursor
from vastgoedcheck.ui.feedback import sentence
from vastgoedcheck.ui.retention_words import legal_hold
from vastgoedcheck.ui.text_label import text_label

WIDTH_IN_CHARACTERS = 72


def check_label(check: Check) -> str:
    """The parties' names and the address: how the user knows the check."""
    names = "; ".join(party.name for party in check.parties if party.name)
    place = ", ".join(
        str(check.property[key]) for key in ("address", "city") if check.property.get(key)
    )
    return " — ".join(part for part in (names, place) if part) or check.id


def what_is_erased() -> str:
    """The list of what an erasure removes and what it keeps, as the dialogs say it."""
    return "\n".join(
        (
            _("Erased:"),
            "• " + _("the check with every revision, answer, note and decision;"),
            "• " + _("its attachments that no other check uses;"),
            "• " + _("the check in the backups the app keeps;"),
            "• " + _("the names and other personal data in the list of reports made of it."),
            "",
            _("Kept:"),
            "• "
            + _(
                "a record without personal data: the check's id, its checklist, your role and "
                "the dates, so that you can show that it was erased and why (for a rejected "
                "applicant also the decision and the questions that led to it)."
            ),
            _(
                "The reason you give is asked so that you weigh it; it is not kept, as it may "
                "name the person."
            ),
            "",
            _(
                "Reports and exports you saved elsewhere are not touched: delete those "
                "yourself. Erasing cannot be undone."
            ),
        )
    )


def _missing_label(store: Store, check_id: str) -> str:
    """How the overview last knew a check whose file is missing: its parties and address."""
    for summary in store.missing_checks():
        if summary.id == check_id:
            place = ", ".join(part for part in (summary.address, summary.city) if part)
            return " — ".join(part for part in ("; ".join(summary.parties), place) if part)
    return check_id


class EraseDialog(QDialog):
    """Asks for the reason and erases the check on "Erase"; ``erased`` tells whether it was."""

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.setWindowTitle(_("Erase this check on request"))
        self.store, self.check_id = store, check_id
        self.erased = False
        self.missing = ""  # why the check's file cannot be read: erased from its last row
        try:
            label = check_label(store.get(check_id))
            self.hold_text = legal_hold(store.retention(check_id), dt.date.today())
        except StoreError as error:
            label, self.hold_text = _missing_label(store, check_id), ""
            self.missing = _(
                "The check's file cannot be read ({reason}); its last known details are erased "
                "and its copies in the backups."
            ).format(reason=str(error).rstrip("."))

        question = text_label(
            _(
                "Erase the check of {label}, at the request of the person it is about "
                "(art. 17 AVG)?"
            ).format(label=label),
            "eraseQuestion",
        )
        font = question.font()
        font.setBold(True)
        question.setFont(font)
        explanation = text_label(what_is_erased(), "eraseExplanation")
        self.hold = text_label(self.hold_text, "eraseHold")
        hold_font = self.hold.font()
        hold_font.setBold(True)
        self.hold.setFont(hold_font)
        self.hold.setVisible(bool(self.hold_text))
        self.problem = text_label(self.missing, "eraseProblem")
        self.problem.setVisible(bool(self.missing))

        self.reason = QLineEdit()
        self.reason.setObjectName("eraseReason")
        self.reason.setPlaceholderText(_("e.g. request by e-mail of 3 December 2026"))
        self.reason.textChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(_("&Reason (required)"), self.reason)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = QPushButton(_("&Erase permanently"))
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setAutoDefault(False)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter never erases
        self.erase_button.clicked.connect(self.erase)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.hold)  # first: why nothing can be erased yet
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if self.hold_text:
            self.reason.setEnabled(False)
            self.erase_button.setToolTip(self.hold_text)
            self.erase_button.setAccessibleDescription(self.hold_text)
        self._update()
        width = self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARACTERS
        self.resize(max(self.sizeHint().width(), width), self.sizeHint().height())

    def _update(self) -> None:
        self.erase_button.setEnabled(not self.hold_text and bool(self.reason.text().strip()))

    def erase(self) -> None:
        if self.hold_text or not self.reason.text().strip():
            return
        try:
            with busy_cursor():  # every backup is rewritten: seconds in a large folder
                self.store.erase(self.check_id, reason=self.reason.text().strip(), on_request=True)
        except StoreError as error:  # e.g. a Wwft record whose end is not filled in yet
            self.problem.setText(sentence(str(error)))
            self.problem.show()
            return
        self.erased = True
        self.accept()
