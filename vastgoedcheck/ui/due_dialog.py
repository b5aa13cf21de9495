"""At start: the checks whose retention period has passed or whose notes are due for a review.
The user erases them all, erases the ones chosen, keeps chosen ones with a new date and a reason,
or postpones; nothing is erased without a second, explicit confirmation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.retention import DueCheck, add_months
from vastgoedcheck.i18n import _, current_language, ngettext
from vastgoedcheck.i18n.formatting import format_number, format_short_date
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.erase_dialog import check_label, what_is_erased
from vastgoedcheck.ui.failure_dialogs import busy_cursor
from vastgoedcheck.ui.feedback import sentence, show_problem
from vastgoedcheck.ui.retention_dialog import DateField
from vastgoedcheck.ui.retention_words import DUE_LABELS, ERASE
from vastgoedcheck.ui.text_label import text_label
from vastgoedcheck.ui.typed_values import InputProblem

WIDTH_IN_CHARACTERS = 130
KEEP_MONTHS = 12  # a kept check is looked at again after a year, unless the user says otherwise


class DueDialog(QDialog):
    """Lists ``due`` (from ``Store.due``); ``erased`` and ``kept`` name what was done."""

    def __init__(
        self, store: Store, due: Sequence[DueCheck], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dueDialog")
        self.setWindowTitle(_("Checks due for erasure or review"))
        self.store = store
        self.due = list(due)
        self.erased: list[str] = []
        self.kept: list[str] = []
        self.keep_dialog: KeepDialog | None = None

        intro = text_label(
            _(
                "The retention period of these checks has passed, or the notes about a "
                "suspicion in them are due for a review. Erase what is no longer needed; keep a "
                "check only with a reason. Nothing is erased until you confirm."
            ),
            "dueIntro",
        )
        self.table = QTreeWidget()
        self.table.setObjectName("dueTable")
        self.table.setAccessibleName(_("Checks due"))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setHeaderLabels([_("Check"), _("Checklist"), _("Due since"), _("What is due")])
        language = current_language()
        for found in self.due:
            pack = store.registry.get(found.pack_id)
            title = pack.title.get(language) if pack is not None else found.pack_id
            item = QTreeWidgetItem(
                [
                    _label(store, found),
                    title,
                    format_short_date(found.due_on),
                    _(DUE_LABELS[found.kind]),
                ]
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setData(0, Qt.ItemDataRole.UserRole, found.check_id)
            self.table.addTopLevelItem(item)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)  # the keys start at the top
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._update)

        self.erase_all = QPushButton(_("Erase &all shown…"))
        self.erase_all.setObjectName("eraseAllDue")
        self.erase_chosen = QPushButton(_("&Erase chosen…"))
        self.erase_chosen.setObjectName("eraseChosenDue")
        self.keep_chosen = QPushButton(_("&Keep chosen…"))
        self.keep_chosen.setObjectName("keepChosenDue")
        self.later = QPushButton(_("&Later"))
        self.later.setObjectName("postponeDue")
        self.later.setDefault(True)  # Enter or Escape postpones: nothing happens
        buttons = QDialogButtonBox()
        buttons.addButton(self.erase_all, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.erase_chosen, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_chosen, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.later, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.erase_all, self.erase_chosen, self.keep_chosen):
            button.setAutoDefault(False)
        self.erase_all.clicked.connect(lambda: self.erase(self.due))
        self.erase_chosen.clicked.connect(lambda: self.erase(self.chosen()))
        self.keep_chosen.clicked.connect(self.keep)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            text_label(
                _("Tick the checks to erase or keep (Space ticks the current row)."), "dueHint"
            )
        )
        layout.addWidget(buttons)
        self._update()
        metrics = self.fontMetrics()
        rows = min(len(self.due), 12) + 2
        self.resize(
            metrics.averageCharWidth() * WIDTH_IN_CHARACTERS,
            self.sizeHint().height() + rows * metrics.lineSpacing(),
        )

    def chosen(self) -> list[DueCheck]:
        """The rows the user ticked."""
        ticked = []
        for row, found in enumerate(self.due):
            item = self.table.topLevelItem(row)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                ticked.append(found)
        return ticked

    def _update(self) -> None:
        some = bool(self.chosen())
        self.erase_chosen.setEnabled(some)
        self.keep_chosen.setEnabled(some)
        self.erase_all.setEnabled(bool(self.due))

    def _remove(self, check_ids: set[str]) -> None:
        """Take the handled checks off the list; close when none is left."""
        for row in reversed(range(len(self.due))):
            if self.due[row].check_id in check_ids:
                del self.due[row]
                self.table.takeTopLevelItem(row)
        self._update()
        if not self.due:
            self.accept()

    # -- erasing ---------------------------------------------------------------------------

    def erase(self, which: Sequence[DueCheck]) -> None:
        """Ask once more, naming how many, then erase ``which``."""
        if not which:
            return
        count = len(which)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("Erase checks"),
            ngettext(
                "Erase {count} check permanently?",
                "Erase {count} checks permanently?",
                count,
            ).format(count=format_number(count)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmDueErasure")
        box.setInformativeText(what_is_erased())
        box.button(QMessageBox.StandardButton.Yes).setText(_("&Erase"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter never erases
        if box.exec() != QMessageBox.StandardButton.Yes.value:
            return
        reason = _("Due for erasure or review; erased after confirmation")
        done: set[str] = set()
        problems: list[str] = []
        with busy_cursor():  # every backup is rewritten: seconds in a large folder
            try:  # all at once: each backup is rewritten once
                self.store.erase_many(
                    [found.check_id for found in which], reason=reason, on_request=False
                )
                done = {found.check_id for found in which}
            except StoreError:  # one was refused, so none was erased: each on its own
                for found in which:
                    try:
                        self.store.erase(found.check_id, reason=reason, on_request=False)
                    except StoreError as error:
                        problems.append(f"{found.label}: {sentence(str(error))}")
                        continue
                    done.add(found.check_id)
        self.erased.extend(found.check_id for found in which if found.check_id in done)
        if problems:
            show_problem(self, "\n".join(problems))
        self._remove(done)

    # -- keeping ---------------------------------------------------------------------------

    def keep(self) -> None:
        """Ask until when the ticked checks are kept and why, then keep them (audited)."""
        which = self.chosen()
        if not which:
            return
        self.keep_dialog = KeepDialog(len(which), self)
        self.keep_dialog.accepted.connect(lambda: self._keep(which))
        self.keep_dialog.open()

    def _keep(self, which: Sequence[DueCheck]) -> None:
        ask = self.keep_dialog
        assert ask is not None
        done: set[str] = set()
        problems: list[str] = []
        for found in which:
            try:
                keep_until(self.store, found, ask.day(), ask.reason.text().strip())
            except StoreError as error:
                problems.append(f"{found.label}: {sentence(str(error))}")
                continue
            done.add(found.check_id)
            self.kept.append(found.check_id)
        self.keep_dialog = None
        if problems:
            show_problem(self, "\n".join(problems))
        self._remove(done)


def _label(store: Store, found: DueCheck) -> str:
    """The parties and the address: two checks of one name are told apart."""
    try:
        return check_label(store.get(found.check_id))
    except StoreError:
        return found.label


def keep_until(store: Store, found: DueCheck, day: dt.date, reason: str) -> None:
    """Keep a due check until ``day``: a new review date for a review, a new erasure date for a
    check whose retention period passed (both with the reason, in the audit trail)."""
    if found.kind == ERASE:
        store.adjust_retention(found.check_id, day, reason)
    else:
        store.adjust_review(found.check_id, day, reason)


class KeepDialog(QDialog):
    """Asks until when the chosen checks are kept, and why."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keepDialog")
        self.setWindowTitle(_("Keep checks"))
        question = text_label(
            ngettext(
                "Keep {count} check until a new date. Why is it still needed?",
                "Keep {count} checks until a new date. Why are they still needed?",
                count,
            ).format(count=format_number(count))
        )
        self.date = DateField(add_months(dt.date.today(), KEEP_MONTHS), "keepUntil")
        self.reason = QLineEdit()
        self.reason.setObjectName("keepReason")
        self.reason.setPlaceholderText(_("Required: e.g. the police asked us to keep it"))
        form = QFormLayout()
        form.addRow(_("Look at it again &on"), self.date)
        form.addRow(_("&Why"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("&Keep"))
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.problem = text_label("", "keepProblem")
        self.problem.hide()
        buttons.accepted.connect(self._accept_date)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _accept_date(self) -> None:
        """Close only with a date that is one."""
        try:
            self.date.day()
        except InputProblem as error:
            self.problem.setText(sentence(str(error)))
            self.problem.show()
            self.date.setFocus()
            return
        self.accept()

    def day(self) -> dt.date:
        return self.date.day()
