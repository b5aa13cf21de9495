"""The check editor: the sections on the left, the questions of one section in the middle, the
guidance for the focused question on the right and the advice so far on top. Every answer is
stored as it is given; the editor keeps the shown questions, the progress and the advice in
step with what is stored."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.conditions import visible_in_check
from vastgoedcheck.domain.pack import Pack, Section
from vastgoedcheck.i18n import _, current_language, ngettext
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.i18n.pack_review import review_text
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import attempt, sentence
from vastgoedcheck.ui.guidance_panel import GuidancePanel
from vastgoedcheck.ui.outcome_strip import OutcomeStrip
from vastgoedcheck.ui.question_card import QuestionCard
from vastgoedcheck.ui.reference_field import ReferenceField
from vastgoedcheck.ui.related_panel import RelatedPanel

DETAILS_ROW = 0  # the first entry of the section list: the parties and the property


def section_progress(answered: int, total: int) -> str:
    """How far a section is, in words (a ✓ with words when complete, never colour alone)."""
    if total == 0:
        return _("No questions apply")
    if answered >= total:
        return _("✓ Complete ({count} of {count})").format(count=total)
    return _("{answered} of {total} answered").format(answered=answered, total=total)


def details_progress(check: Check) -> str:
    named = sum(1 for party in check.parties if party.name.strip())
    if not named:
        return _("Nobody is named yet")
    return ngettext("✓ {count} party named", "✓ {count} parties named", named).format(count=named)


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
        self._pages: list[QScrollArea] = []
        self._empty_notes: dict[str, QLabel] = {}
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
        self.outcome = OutcomeStrip()
        self.outcome.question_requested.connect(self.show_question)
        layout.addWidget(self.outcome)

        self.sections = QListWidget()
        self.sections.setObjectName("sectionList")
        self.sections.setAccessibleName(_("Sections"))
        self.sections.setWordWrap(True)
        self.sections.setSpacing(3)
        self.sections.addItem(QListWidgetItem(_("Parties and property")))
        self.pages = QStackedWidget()
        self.pages.setObjectName("sectionPages")
        self._details_holder = QWidget()
        self._details_holder.setObjectName("detailsPage")
        holder_layout = QVBoxLayout(self._details_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self._details_holder)
        for section in self.pack.sections:
            self.sections.addItem(QListWidgetItem(section.title.get(current_language())))
            page = self._section_page(section, len(self._pages) + 1)
            self._pages.append(page)
            self.pages.addWidget(page)
        self.sections.currentRowChanged.connect(self._section_chosen)

        self.guidance = GuidancePanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("editorSplitter")
        splitter.setChildrenCollapsible(False)
        for index, (widget, stretch) in enumerate(
            ((self.sections, 1), (self.pages, 3), (self.guidance, 2))
        ):
            splitter.addWidget(widget)
            splitter.setStretchFactor(index, stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        splitter.setSizes([16 * em, 44 * em, 26 * em])  # proportions; scaled to the window
        layout.addWidget(splitter, 1)
        layout.addWidget(RelatedPanel(self.store, self.check_id))

        self.review_button = QPushButton(
            _("Review") if self.read_only else _("Review and finalize")
        )
        self.review_button.setObjectName("reviewButton")
        self.review_button.clicked.connect(self._review)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.review_button)
        layout.addLayout(bottom)

    def _section_page(self, section: Section, row: int) -> QScrollArea:
        assert self.check is not None
        scroll = QScrollArea()
        scroll.setObjectName(f"sectionPage-{section.id}")
        scroll.setAccessibleName(section.title.get(current_language()))
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the questions
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        layout = QVBoxLayout(content)
        language = current_language()
        title = QLabel(section.title.get(language))
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        layout.addWidget(title)
        if section.intro is not None:
            intro = QLabel(section.intro.get(language))
            intro.setWordWrap(True)
            layout.addWidget(intro)
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
            card.answered_by_key.connect(self._step_forward)
            card.step_requested.connect(self._step)
            layout.addWidget(card)  # parented before it is shown or hidden: never a window
            card.setVisible(question.id in self._visible)
            self._cards[question.id] = card
            self._row_of[question.id] = row
        empty = QLabel(_("None of these questions apply to the answers so far."))
        empty.setObjectName("sectionEmpty")
        empty.setWordWrap(True)
        layout.addWidget(empty)
        empty.setVisible(not any(q.id in self._visible for q in section.questions))
        self._empty_notes[section.id] = empty
        layout.addStretch(1)
        scroll.setWidget(content)
        return scroll

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
        item = self.sections.item(row)
        return item.text().split("\n", 1)[-1] if item else ""

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
        """To the next (+1) or previous (-1) shown question, across sections."""
        order = self.visible_questions()
        if question_id not in order:
            return
        index = order.index(question_id) + step
        if 0 <= index < len(order):
            self.show_question(order[index])

    def _step_forward(self, question_id: str) -> None:
        self._step(question_id, 1)

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
            for question_id, card in self._cards.items():
                if card.isHidden() == (question_id in visible):
                    card.setVisible(question_id in visible)
            for section in self.pack.sections:
                self._empty_notes[section.id].setVisible(
                    not any(q.id in visible for q in section.questions)
                )
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
        self._set_row(DETAILS_ROW, _("Parties and property"), details_progress(check))
        for row, section in enumerate(pack.sections, start=1):
            shown = [q.id for q in section.questions if q.id in self._visible]
            done = sum(1 for qid in shown if answered.get(qid) is not None)
            self._set_row(
                row, section.title.get(current_language()), section_progress(done, len(shown))
            )
        self.outcome.show_assessment(assess_check(pack, check), pack)

    def _set_row(self, row: int, title: str, progress: str) -> None:
        item = self.sections.item(row)
        text = f"{title}\n{progress}"
        if item.text() != text:
            item.setText(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {progress}")

    def _review(self) -> None:
        self.flush()
        self.review_requested.emit()
