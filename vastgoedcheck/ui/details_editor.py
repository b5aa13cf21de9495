"""The parties and property of one stored draft: the details form, saved a moment after each
change (a final check is shown read-only)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from vastgoedcheck.domain.check import Status
from vastgoedcheck.i18n import _
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.details_form import DetailsForm
from vastgoedcheck.ui.field_inputs import ProblemLine

AUTOSAVE_DELAY_MS = 400


class DetailsEditor(QWidget):
    """The details form of one stored draft, saved a moment after each change.

    Saves through ``store.set_parties``/``set_property`` once the parties (or the property)
    have no problems; until then a line says what is not saved. ``flush()`` saves at once.
    A final check is shown read-only.
    """

    saved = Signal()

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsEditor")
        self.store, self.check_id = store, check_id
        check = store.get(check_id)
        pack = store.pack_of(check)
        self.form = DetailsForm(pack, check.role, stage=pack.stage(check.answer_values()))
        self.form.set_details(check.parties, check.property)
        self._stored_parties = list(check.parties)
        self._stored_property = dict(check.property)
        self.read_only = check.status is Status.FINAL

        self.notice = QLabel(
            _(
                "This check is final: its details can no longer be changed. "
                "To correct them, amend the check."
            )
        )
        self.notice.setObjectName("readOnlyNotice")
        self.notice.setWordWrap(True)
        self.status = ProblemLine()
        self.status.setObjectName("saveStatus")
        scroll = QScrollArea()
        scroll.setObjectName("detailsScroll")
        scroll.setWidgetResizable(True)
        # Not a Tab stop of its own: Tab goes straight to the fields, which scroll into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.notice.setHidden(not self.read_only)  # in the layout first: never a window

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self._autosave)
        self.form.changed.connect(self.timer.start)
        self.form.set_read_only(self.read_only)

    def _autosave(self) -> None:  # a slot returns nothing: PySide mishandles a returned bool
        self.flush()

    def pending(self) -> bool:
        """Whether a change is waiting to be saved."""
        return self.timer.isActive()

    def flush(self) -> bool:
        """Save what can be saved now; True when everything shown is stored."""
        self.timer.stop()
        if self.read_only:
            return True
        parties, property_data = self.form.details()
        parties_clean = not self.form.party_problems()
        property_clean = not self.form.property_problems()
        wrote = False
        try:
            if parties_clean and parties != self._stored_parties:
                check = self.store.set_parties(self.check_id, parties)
                self._stored_parties, wrote = list(check.parties), True
            if property_clean and property_data != self._stored_property:
                check = self.store.set_property(self.check_id, property_data)
                self._stored_property, wrote = dict(check.property), True
        except StoreError as error:
            self.status.show_problem(_("Not saved: {reason}").format(reason=error))
            return False
        finally:
            if wrote:
                self.saved.emit()
        if not (parties_clean and property_clean):
            self.form.reveal_problems(skip_focused=True)
            self.status.show_problem(_("Not saved yet: correct the marked fields."))
            return False
        self.status.show_problem("")
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        if self.pending():  # leaving the page: keep what was typed
            self.flush()
        super().hideEvent(event)
