"""The check editor: the sections on the left, the questions of one section in the middle, and on
the right the advice over the guidance for the focused question. Every answer is stored as it is
given; the editor keeps the shown questions, the progress and the advice in step with what is
stored, and moves the keyboard on after each answer.

Nothing moves under the pointer after an answer: the advice scrolls in its own place, the section
rows keep their height, and an answer given by the mouse moves the keyboard focus on without
scrolling or changing the section (a key does both: the keyboard user follows the focus)."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.conditions import visible_in_check
from vastgoedcheck.domain.pack import FlagValue, Pack, Section
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.i18n.pack_review import review_text
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.advice_panel import AdvicePanel
from vastgoedcheck.ui.answer_inputs import BY_KEY, FlagInput
from vastgoedcheck.ui.feedback import attempt, sentence
from vastgoedcheck.ui.guidance_panel import GuidancePanel
from vastgoedcheck.ui.question_card import QuestionCard
from vastgoedcheck.ui.reference_field import ReferenceField
from vastgoedcheck.ui.related_panel import RelatedPanel
from vastgoedcheck.ui.section_list import (
    SectionList,
    details_progress,
    details_variants,
    section_progress,
    section_variants,
)
from vastgoedcheck.ui.section_page import MarkedButton, SectionPage

DETAILS_ROW = 0  # the first entry of the section list: the parties and the property


def _tab_stops(page: QWidget) -> list[QWidget]:
    """The widgets inside ``page`` that Tab reaches, in the order it reaches them."""
    found: list[QWidget] = []
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:  # the whole chain: it may be in pieces
        if page.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


class CheckEditor(QWidget):
    """Edits one check (read-only when it is finalized).

    ``saved`` after every successful store write, ``changed`` after any stored change,
    ``review_requested`` from the "Review and finalize" button.
    """

    saved = Signal()
    changed = Signal()
    review_requested = Signal()

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.check_id = check_id
        self.setObjectName("checkEditor")
        self._cards: dict[str, QuestionCard] = {}
        self._row_of: dict[str, int] = {}  # question id → its row in the section list
        self._pages: list[SectionPage] = []
        self._current: QuestionCard | None = None  # the card that holds the keyboard focus
        self._details: QWidget | None = None
        self._resumed = False  # the first showing puts the focus where the user left off
        self._navigated = False  # … unless a question was asked for before that
        self.check: Check | None = None
        layout = QVBoxLayout(self)
        try:
            check = store.get(check_id)
            pack = store.pack_of(check)
        except StoreError as error:
            unreadable = QLabel(
                _("This check cannot be opened: {reason}").format(reason=sentence(str(error)))
            )
            unreadable.setObjectName("editorProblem")
            unreadable.setWordWrap(True)
            layout.addWidget(unreadable)
            return
        self.check = check
        self.pack: Pack = pack
        self.read_only = check.status is Status.FINAL
        self._visible = visible_in_check(pack, check)
        self._build(layout)
        self._refresh()
        self._update_next_buttons()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        target = self.resume_question()
        self.sections.setCurrentRow(self._row_of[target] if target else self.sections.count() - 1)

    # -- building --------------------------------------------------------------------------

    def _build(self, layout: QVBoxLayout) -> None:
        assert self.check is not None
        if self.read_only:
            finalized = self.check.finalized_at or self.check.updated_at
            when = format_date(finalized.astimezone().date()) if finalized else ""
            banner = QLabel(_("Finalized on {date}. To correct it, use Amend.").format(date=when))
            banner.setObjectName("finalBanner")
            banner.setWordWrap(True)
            banner.setFrameShape(QFrame.Shape.StyledPanel)
            banner.setMargin(6)
            layout.addWidget(banner)
        if self.pack.review_due(dt.date.today()):
            overdue = QLabel(review_text(self.pack, dt.date.today()))
            overdue.setObjectName("reviewDueBanner")
            overdue.setWordWrap(True)
            overdue.setFrameShape(QFrame.Shape.StyledPanel)
            overdue.setMargin(6)
            layout.addWidget(overdue)

        layout.addWidget(
            ReferenceField(
                self.store, self.check_id, read_only=self.read_only, on_saved=self.saved.emit
            )
        )
        self.outcome = AdvicePanel(final=self.read_only)
        self.outcome.question_requested.connect(self.show_question)

        self.sections = SectionList()
        self.sections.add_row(_("Parties and property"), details_variants())
        self.pages = QStackedWidget()
        self.pages.setObjectName("sectionPages")
        self._details_holder = QWidget()
        self._details_holder.setObjectName("detailsPage")
        holder_layout = QVBoxLayout(self._details_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self._details_holder)
        for section in self.pack.sections:
            self.sections.add_row(
                section.title.get(current_language()), section_variants(len(section.questions))
            )
            page = self._section_page(section, len(self._pages) + 1)
            self._pages.append(page)
            self.pages.addWidget(page)
            page.show_questions(self._visible)
        self.sections.currentRowChanged.connect(self._section_chosen)

        self.guidance = GuidancePanel()
        # The advice sits above the guidance in a place of its own: however long it grows, it
        # scrolls there and never pushes the questions.
        side = QSplitter(Qt.Orientation.Vertical)
        side.setObjectName("adviceSplitter")
        side.setChildrenCollapsible(False)
        side.addWidget(self.outcome)
        side.addWidget(self.guidance)
        line = self.fontMetrics().lineSpacing()
        side.setSizes([12 * line, 18 * line])  # proportions; scaled to the window
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("editorSplitter")
        splitter.setChildrenCollapsible(False)
        for index, (widget, stretch) in enumerate(((self.sections, 1), (self.pages, 3), (side, 2))):
            splitter.addWidget(widget)
            splitter.setStretchFactor(index, stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        splitter.setSizes([16 * em, 44 * em, 28 * em])  # proportions; scaled to the window
        layout.addWidget(splitter, 1)
        layout.addWidget(RelatedPanel(self.store, self.check_id))

        self.review_button = MarkedButton(
            _("Review") if self.read_only else _("Review and finalize")
        )
        self.review_button.setObjectName("reviewButton")
        self.review_button.clicked.connect(self._review)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.review_button)
        layout.addLayout(bottom)

    def _section_page(self, section: Section, row: int) -> SectionPage:
        assert self.check is not None
        cards = []
        for question in section.questions:
            card = QuestionCard(
                self.store,
                self.check_id,
                self.pack,
                question,
                self.check.answers.get(question.id),
                read_only=self.read_only,
            )
            card.stored.connect(self._stored)
            card.focused.connect(self._question_focused)
            card.answered.connect(self._answered)
            card.step_requested.connect(self._step)
            card.reveal_requested.connect(self._scroll_to)
            card.key_for_next.connect(self._key_for_next)
            cards.append(card)
            self._cards[question.id] = card
            self._row_of[question.id] = row
        page = SectionPage(section, cards, final=self.read_only)
        page.next_requested.connect(self._open_section)
        page.next_answer.connect(lambda row, value: self._answer_at(self._first_shown(row), value))
        return page

    def _details_page(self) -> QWidget:
        """The parties and property page, made when first shown."""
        if self._details is None:
            from vastgoedcheck.ui.details_editor import DetailsEditor

            details = DetailsEditor(self.store, self.check_id)
            details.saved.connect(self._details_saved)
            holder_layout = self._details_holder.layout()
            assert holder_layout is not None
            holder_layout.addWidget(details)
            self._details = details
            self._tab_after_sections(details)
        return self._details

    def _tab_after_sections(self, page: QWidget) -> None:
        """Put the controls of a page made later right after the section list in the tab
        order (a widget added later joins the end of the chain)."""
        previous: QWidget = self.sections
        for widget in _tab_stops(page):
            QWidget.setTabOrder(previous, widget)
            previous = widget

    # -- reading ---------------------------------------------------------------------------

    def card(self, question_id: str) -> QuestionCard | None:
        return self._cards.get(question_id)

    def visible_questions(self) -> list[str]:
        """The ids of the questions shown for the stored answers, in pack order."""
        if self.check is None:
            return []
        return [q.id for q in self.pack.questions if q.id in self._visible]

    def resume_question(self) -> str | None:
        """The first shown question without an answer, in pack order (where the user left)."""
        if self.check is None:
            return None
        answered = self.check.answer_values()
        return next((qid for qid in self.visible_questions() if answered.get(qid) is None), None)

    def progress_text(self, row: int) -> str:
        return self.sections.progress_text(row)

    # -- navigation ------------------------------------------------------------------------

    def show_question(self, question_id: str) -> None:
        """Select the question's section, scroll to it and focus its input."""
        card = self._cards.get(question_id)
        if card is None:
            return
        self._navigated = True
        self.sections.setCurrentRow(self._row_of[question_id])
        card.focus_input()
        self.guidance.show_question(self.pack, card.question)
        self._scroll_to(question_id)
        QTimer.singleShot(0, self, partial(self._scroll_to, question_id))

    def show_details(self) -> None:
        """Show the parties and property page."""
        if self.check is None:
            return
        self._navigated = True
        self.sections.setCurrentRow(DETAILS_ROW)
        details = self._details_page()
        for widget in _tab_stops(details):
            if widget.isEnabled() and not isinstance(widget, QAbstractScrollArea):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def _scroll_to(self, question_id: str) -> None:
        card = self._cards.get(question_id)
        if card is None or not card.isVisibleTo(self):
            return
        page = self._pages[self._row_of[question_id] - 1]
        page.ensureWidgetVisible(card, 0, self.fontMetrics().height())

    def _section_chosen(self, row: int) -> None:
        if row < 0:
            return
        if row == DETAILS_ROW:
            self._details_page()
            self.guidance.show_details()
        elif self.guidance.question_id not in {q.id for q in self.pack.sections[row - 1].questions}:
            self.guidance.show_hint()
        self.pages.setCurrentIndex(row)

    def _question_focused(self, question_id: str) -> None:
        question = self.pack.question(question_id)
        if question is not None:
            self.guidance.show_question(self.pack, question)

    def _step(self, question_id: str, step: int) -> None:
        """To the next (+1) or previous (-1) shown question, across sections; after the last
        one, to the review button."""
        order = self.visible_questions()
        if question_id not in order:
            return
        index = order.index(question_id) + step
        if 0 <= index < len(order):
            self.show_question(order[index])
        elif index == len(order):
            self.review_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _answered(self, question_id: str, how: str) -> None:
        """An answer was given whole: the keyboard moves on, so the next key answers the next
        question and never changes this one again by accident."""
        if how == BY_KEY:
            self._step(question_id, 1)
        else:
            self._advance_quietly(question_id)

    def _advance_quietly(self, question_id: str) -> None:
        """After a click: the focus to the next question of the same section, without scrolling
        or changing the section under the pointer; after the section's last one, to its button
        on to the next section (or to the review)."""
        row = self._row_of.get(question_id)
        if row is None:
            return
        shown = self._pages[row - 1].shown_ids(self._visible)
        after = shown[shown.index(question_id) + 1 :] if question_id in shown else []
        if after:
            self._cards[after[0]].focus_input()
            return
        following = self._pages[row - 1].next_button
        target = following if not following.isHidden() else self.review_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _key_for_next(self, question_id: str, value: FlagValue) -> None:
        """An answer key pressed beside a question (on its note or attach button): for the
        next question."""
        order = self.visible_questions()
        if question_id in order and order.index(question_id) + 1 < len(order):
            self._answer_at(order[order.index(question_id) + 1], value)

    def _answer_at(self, question_id: str | None, value: FlagValue) -> None:
        """Go to a question and answer it with ``value`` if it is a yes/no question without an
        answer; an answer given before is only shown, never changed by a key meant elsewhere."""
        card = self._cards.get(question_id) if question_id else None
        if card is None or question_id is None:
            return
        self.show_question(question_id)
        if isinstance(card.input, FlagInput) and not self.read_only and card.input.value() is None:
            card.input.choose(value, by_key=True)

    def _first_shown(self, row: int) -> str | None:
        if not 1 <= row <= len(self._pages):
            return None
        return next(iter(self._pages[row - 1].shown_ids(self._visible)), None)

    def _open_section(self, row: int) -> None:
        first = self._first_shown(row)
        if first is not None:
            self.show_question(first)
        elif row >= 0:
            self.sections.setCurrentRow(row)

    def _update_next_buttons(self) -> None:
        """Each section's button goes on to the next section that has questions for these
        answers; the last such section has none (the review button follows)."""
        rows = range(1, len(self._pages) + 1)
        with_questions = [row for row in rows if self._first_shown(row) is not None]
        for row, page in enumerate(self._pages, start=1):
            target = next((later for later in with_questions if later > row), -1)
            title = (
                self.pack.sections[target - 1].title.get(current_language()) if target > 0 else ""
            )
            page.set_next(target, title)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Mark the question that holds the keyboard focus, so the user sees what a key
        answers."""
        if not isValid(self):  # the editor is being closed: nothing to mark
            return
        if self._current is not None and not isValid(self._current):
            self._current = None  # its section page was rebuilt
        card = None
        widget = new
        while widget is not None and widget is not self:
            if isinstance(widget, QuestionCard):
                card = widget
                break
            widget = widget.parentWidget()
        if widget is None:  # the focus left the editor (a menu, a dialog): the mark stays
            return
        if self._current is not None and self._current is not card:
            self._current.set_current(False)
        self._current = card
        if card is not None:
            card.set_current(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._resumed and self.check is not None:
            self._resumed = True
            QTimer.singleShot(0, self, self._resume)

    def _resume(self) -> None:
        target = self.resume_question()
        if target is not None and not self._navigated:
            self.show_question(target)

    # -- storing ---------------------------------------------------------------------------

    def flush(self) -> bool:
        """Store every pending edit now; False when some typed value was refused."""
        stored = [card.flush() for card in self._cards.values()]
        flush_details = getattr(self._details, "flush", None)
        if flush_details is not None:
            flush_details()
        return all(stored)

    def _stored(self, check: Check) -> None:
        """After a write by a card: shown questions, progress and advice follow the answers."""
        self.check = check
        details_form = getattr(self._details, "form", None)
        if details_form is not None:  # the details follow the stage (income from the contract on)
            details_form.set_stage(self.pack.stage(check.answer_values()))
        visible = visible_in_check(self.pack, check)
        if visible != self._visible:
            self._visible = visible
            for page in self._pages:
                page.show_questions(visible)
            self._update_next_buttons()
        self._refresh()
        self.saved.emit()
        self.changed.emit()

    def _details_saved(self) -> None:
        check = attempt(self, self.store.get, self.check_id)
        if check is None:
            self.saved.emit()
            self.changed.emit()
            return
        for question_id, card in self._cards.items():  # answers the form gave or took back
            card.show_stored(check.answers.get(question_id))
        self._stored(check)

    def _refresh(self) -> None:
        """The progress of every section and the advice, from the stored check."""
        assert self.check is not None
        check, pack = self.check, self.pack
        answered = check.answer_values()
        self.sections.set_row(DETAILS_ROW, _("Parties and property"), details_progress(check))
        for row, section in enumerate(pack.sections, start=1):
            shown = [q.id for q in section.questions if q.id in self._visible]
            done = sum(1 for qid in shown if answered.get(qid) is not None)
            self.sections.set_row(
                row, section.title.get(current_language()), section_progress(done, len(shown))
            )
        self.outcome.show_assessment(assess_check(pack, check), pack)

    def _review(self) -> None:
        self.flush()
        self.review_requested.emit()
