"""The retention of one check: fill in when the tenancy or relationship ended, or adjust the date
until which the check is kept, with a reason (both audited by the store)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.pack import Role
from vastgoedcheck.domain.retention import RetentionStatus
from vastgoedcheck.i18n import _
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import sentence
from vastgoedcheck.ui.retention_words import (
    basis_text,
    kept_until,
    legal_hold,
    review_basis_text,
    review_line,
)
from vastgoedcheck.ui.text_label import text_label
from vastgoedcheck.ui.typed_values import InputProblem, date_pattern, parse_typed_date, show_date

WIDTH_IN_CHARACTERS = 70


class DateField(QLineEdit):
    """A date typed as everywhere in the app (dd-mm-yyyy, 1-2-2030 or 2030-02-01)."""

    def __init__(self, day: dt.date | None, name: str) -> None:
        super().__init__(show_date(day) if day is not None else "")
        self.setObjectName(name)
        self.setPlaceholderText(date_pattern())
        self.setMaxLength(20)
        width = self.fontMetrics().horizontalAdvance("00-00-00000") + 16
        self.setMaximumWidth(width * 2)

    def day(self) -> dt.date:
        """The date typed; InputProblem (one sentence) when it is none."""
        return parse_typed_date(self.text())

    def set_day(self, day: dt.date) -> None:
        self.setText(show_date(day))


class RetentionDialog(QDialog):
    """Shows how long the check is kept and why; ``changed`` after each stored change."""

    changed = Signal()

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(_("Retention period"))
        self.store, self.check_id = store, check_id
        self.role = store.get(check_id).role
        status = store.retention(check_id)
        today = dt.date.today()

        self.summary = text_label("", "retentionSummary")
        self.problem = text_label("", "retentionProblem")
        self.problem.hide()

        landlord = Role(self.role) is Role.LANDLORD
        ending = QGroupBox(
            _("End of the tenancy") if landlord else _("End of the business relationship")
        )
        self.end_date = DateField(status.relationship_end or today, "relationshipEnd")
        self.end_date.setAccessibleName(
            _("End date of the tenancy") if landlord else _("End date of the relationship")
        )
        self.end_unknown = QCheckBox(_("Not &known yet"))
        self.end_unknown.setObjectName("relationshipEndUnknown")
        self.end_unknown.setChecked(status.relationship_end is None)
        self.end_unknown.toggled.connect(lambda unknown: self.end_date.setEnabled(not unknown))
        self.end_date.setEnabled(status.relationship_end is not None)
        self.save_end = QPushButton(_("&Save the end date"))
        self.save_end.setObjectName("saveRelationshipEnd")
        self.save_end.setAutoDefault(False)
        self.save_end.clicked.connect(self.store_end)
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_date)
        end_row.addWidget(self.end_unknown)
        end_row.addStretch(1)
        end_row.addWidget(self.save_end)
        end_hint = text_label(
            _("The retention period counts from this date; the rule above says for how long.")
        )
        ending_layout = QVBoxLayout(ending)
        ending_layout.addLayout(end_row)
        ending_layout.addWidget(end_hint)

        adjusting = QGroupBox(_("Adjust the retention date"))
        self.adjust_date = DateField(status.erase_on or today, "adjustedEraseOn")
        self.adjust_reason = QLineEdit()
        self.adjust_reason.setObjectName("adjustReason")
        self.adjust_reason.setPlaceholderText(
            _("Required: why this check is kept longer or shorter")
        )
        self.adjust = QPushButton(_("A&djust"))
        self.adjust.setObjectName("adjustRetention")
        self.adjust.setAutoDefault(False)
        self.adjust.clicked.connect(self.store_adjustment)
        self.hold = text_label("", "retentionHold")
        form = QFormLayout(adjusting)
        form.addRow(_("Keep &until"), self.adjust_date)
        form.addRow(_("&Why"), self.adjust_reason)
        form.addRow(self.hold)
        adjust_row = QHBoxLayout()
        adjust_row.addStretch(1)
        adjust_row.addWidget(self.adjust)
        form.addRow(adjust_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(ending)
        layout.addWidget(adjusting)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._show(status)
        width = self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARACTERS
        self.resize(max(self.sizeHint().width(), width), self.sizeHint().height())

    def _show(self, status: RetentionStatus) -> None:
        lines = [kept_until(status, self.role)]
        review = review_line(status)
        if review:
            lines.append(review)
        review_basis = review_basis_text(status)
        if review_basis:
            lines.append(review_basis)
        basis = basis_text(status)
        if status.adjusted_reason and basis:
            lines.append(_("The rule: {basis}").format(basis=basis))
        self.summary.setText("\n".join(lines))
        self.hold.setText(legal_hold(status, dt.date.today()))
        self.hold.setVisible(bool(self.hold.text()))
        self._fit()

    def _fit(self) -> None:
        """As high as the sentences now need: a longer one never hides the fields."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _said(self, text: str) -> None:
        self.problem.setText(sentence(text))
        self.problem.setVisible(bool(text))
        self._fit()

    def store_end(self) -> None:
        try:
            end = None if self.end_unknown.isChecked() else self.end_date.day()
            status = self.store.set_relationship_end(self.check_id, end)
        except (InputProblem, StoreError) as error:
            self._said(str(error))
            return
        self._said("")
        self._show(status)
        if status.erase_on is not None:
            self.adjust_date.set_day(status.erase_on)
        self.changed.emit()

    def store_adjustment(self) -> None:
        reason = self.adjust_reason.text().strip()
        if not reason:
            self._said(_("Say why the retention date is adjusted"))
            self.adjust_reason.setFocus()
            return
        try:
            status = self.store.adjust_retention(self.check_id, self.adjust_date.day(), reason)
        except (
            InputProblem,
            StoreError,
        ) as error:  # a Wwft record before its legal end: the store says so
            self._said(str(error))
            return
        self._said("")
        self.adjust_reason.clear()
        self._show(status)
        self.changed.emit()
