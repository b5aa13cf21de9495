"""One open check: a header saying what it is, the questions, and the review page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.i18n.formatting import format_datetime
from vastgoedcheck.i18n.labels import status_label
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.editor import CheckEditor
from vastgoedcheck.ui.feedback import show_problem
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.report_dialog import ReportDialog
from vastgoedcheck.ui.retention_bar import RetentionBar
from vastgoedcheck.ui.review_page import ReviewPage

QUESTIONS_TAB, REVIEW_TAB = 0, 1


def check_title(check: Check, pack_title: str) -> str:
    """ "Checklist: party names", as the header and the window title show a check."""
    names = "; ".join(party.name for party in check.parties if party.name)
    return f"{pack_title}: {names}" if names else pack_title


class CheckPage(QWidget):
    """The check editor and its review page under one header; ``back_requested`` returns to
    the overview, ``saved`` reports every stored change."""

    back_requested = Signal()
    saved = Signal()
    changed = Signal()

    def __init__(
        self, store: Store, check_id: str, preferences: Preferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.check_id = check_id
        self.preferences = preferences
        self.setObjectName("checkPage")

        back = QPushButton(_("← All checks"))
        back.setObjectName("backButton")
        back.setToolTip(_("Back to the overview (Ctrl+W)"))
        back.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("checkTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("checkSubtitle")
        self.subtitle.setWordWrap(True)
        self.report_button = QPushButton(_("Make a report…"))
        self.report_button.setObjectName("reportButton")
        self.report_button.clicked.connect(self.make_report)

        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.addWidget(back)
        header.addSpacing(12)
        header.addLayout(heading, 1)
        header.addWidget(self.report_button)

        self.report_dialog: ReportDialog | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("checkTabs")
        self.tabs.setDocumentMode(True)
        # until when the check is kept, beside the tabs: it takes no room from the questions
        self.retention = RetentionBar(store, check_id)
        self.tabs.setCornerWidget(self.retention, Qt.Corner.TopRightCorner)
        self.editor: CheckEditor
        self.review: ReviewPage
        self._build_pages()
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.refresh_header()

    # -- building -----------------------------------------------------------------------

    def _build_pages(self) -> None:
        """(Re)build the editor and the review page for the check as it is stored now."""
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()
        self.editor = CheckEditor(self.store, self.check_id)
        self.review = ReviewPage(self.store, self.check_id, preferences=self.preferences)
        self.tabs.addTab(self.editor, _("&1 Questions"))
        self.tabs.addTab(self.review, _("&2 Review and finalize"))
        self.editor.saved.connect(self.saved)
        self.editor.changed.connect(self.refresh_header)
        self.editor.review_requested.connect(self.show_review)
        self.review.saved.connect(self.saved)
        self.review.saved.connect(self.retention.refresh)  # a decision can change the rule
        self.review.jump_requested.connect(self.jump_to)
        self.review.finalized.connect(self._lifecycle_changed)
        self.review.amended.connect(self._lifecycle_changed)
        self.tabs.setCurrentIndex(max(current, 0))
        self.tabs.blockSignals(False)

    def check(self) -> Check:
        return self.store.get(self.check_id)

    def refresh_header(self) -> None:
        try:
            check = self.check()
            pack = self.store.pack_of(check)
        except StoreError as error:
            show_problem(self, str(error))
            return
        title = check_title(check, pack.title.get(current_language()))
        self.title.setText(title)
        self.setWindowTitle(title)
        parts = [status_label(check.status), _("revision {number}").format(number=check.revision)]
        if check.status is Status.FINAL and check.finalized_at is not None:
            parts.append(_("finalized {when}").format(when=format_datetime(check.finalized_at)))
        elif check.updated_at is not None:
            parts.append(_("last change {when}").format(when=format_datetime(check.updated_at)))
        place = ", ".join(
            str(check.property[key]) for key in ("address", "city") if check.property.get(key)
        )
        if place:
            parts.append(place)
        self.subtitle.setText(" · ".join(parts))
        self.changed.emit()

    # -- navigation -----------------------------------------------------------------------

    def show_questions(self) -> None:
        self.tabs.setCurrentIndex(QUESTIONS_TAB)

    def show_review(self) -> None:
        self.tabs.setCurrentIndex(REVIEW_TAB)

    def jump_to(self, target: str) -> None:
        """Show a question (or "details": the parties and property) in the editor."""
        self.show_questions()
        if target == "details":
            self.editor.show_details()
        else:
            self.editor.show_question(target)

    def _tab_changed(self, index: int) -> None:
        if index == REVIEW_TAB:
            self.editor.flush()
            self.review.refresh()
        else:
            self.review.flush()

    def _lifecycle_changed(self) -> None:
        """Finalized or amended: the editor's lock and the header change with it."""
        self._build_pages()
        self.refresh_header()
        self.retention.refresh()
        self.saved.emit()

    # -- actions --------------------------------------------------------------------------

    def make_report(self) -> None:
        self.flush()
        self.report_dialog = ReportDialog(self.store, self.check_id, self.preferences, self)
        self.report_dialog.finished.connect(self._report_dialog_closed)
        self.report_dialog.open()

    def amend(self) -> None:
        """Correct the finalized check: the review page asks why, then opens a new revision."""
        self.show_review()
        self.review.amend()

    def _report_dialog_closed(self) -> None:
        self.review.refresh()

    def flush(self) -> None:
        """Store every pending edit now (before closing, switching checks, or a report)."""
        self.editor.flush()
        self.review.flush()
