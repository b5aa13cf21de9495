"""One question of a check in the editor: its label and badges, the answer input for its type
(answer_inputs), a note and attachments. Every change is stored as it happens: choices at once,
typed values 500 ms after the last keystroke and when the input is left. The question that holds
the keyboard focus is marked, so a key never answers a question the user does not see as the
current one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.check import Answer, AnswerValue
from vastgoedcheck.domain.pack import Pack, Question
from vastgoedcheck.exchange.writing import answer_json
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.i18n.labels import kind_label, severity_label
from vastgoedcheck.storage.errors import StoreError, StoreWriteError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.answer_input_factory import answer_input
from vastgoedcheck.ui.answer_inputs import (
    BY_KEY,
    BY_MOUSE,
    FLAG_KEYS,
    NEXT_KEYS,
    ChoiceInput,
    FlagInput,
)
from vastgoedcheck.ui.answer_marks import form_mark_text, read_back_text
from vastgoedcheck.ui.attachment_list import AttachmentList
from vastgoedcheck.ui.feedback import attempt, sentence, show_problem
from vastgoedcheck.ui.problem_label import ProblemLabel
from vastgoedcheck.ui.typed_values import InputProblem
from vastgoedcheck.values import BadValue, parse_answer

AUTOSAVE_DELAY_MS = 500


class QuestionCard(QFrame):
    """One question with its answer, note and attachments, stored as they change.

    ``stored`` carries the check after each stored change; ``focused`` the question id when
    the card or one of its inputs gets the focus; ``answered`` (id, BY_KEY or BY_MOUSE) when an
    answer was given whole, by a key, Enter or a click (the editor moves on); ``step_requested``
    (id, -1/+1) for Up and Down on a flag group; ``reveal_requested`` (id) when a key came to a
    question not wholly in sight; ``key_for_next`` (id, flag value) when an answer key was
    pressed on the note or attach button, meant for the next question.
    """

    stored = Signal(object)
    focused = Signal(str)
    answered = Signal(str, str)
    step_requested = Signal(str, int)
    reveal_requested = Signal(str)
    key_for_next = Signal(str, object)

    def __init__(
        self,
        store: Store,
        check_id: str,
        pack: Pack,
        question: Question,
        answer: Answer | None = None,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.check_id = check_id
        self.pack = pack
        self.question = question
        self.read_only = read_only
        answer = answer or Answer(None)
        self._stored_value: AnswerValue | None = answer.value
        self._stored_note = answer.note
        self._answer_dirty = False
        self._note_dirty = False
        self._descriptions: dict[QWidget, str] = {}
        self.current = False  # holds the keyboard focus: drawn with a marked frame
        self.setObjectName(f"questionCard-{question.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(not read_only)
        text = question.label.get(current_language())

        self.input = answer_input(question, text)
        self.input.show_value(answer.value)
        self.input.set_editable(not read_only)
        self.input.edited.connect(self._answer_edited)
        self.input.finished.connect(self._store_answer)
        if isinstance(self.input, FlagInput):
            self.input.step_requested.connect(self._step_requested)
            self.input.reveal_requested.connect(lambda: self.reveal_requested.emit(question.id))

        self.label = QLabel(f"{text} *" if question.required else text)
        self.label.setObjectName("questionLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        if question.required:
            self.label.setToolTip(_("Required question"))
        target = self.input.focus_target()
        if target is not None:
            self.label.setBuddy(target)
            target.setAccessibleName(text)
            if isinstance(self.input, FlagInput):
                self.input.set_required(question.required)
            elif question.required:
                target.setAccessibleDescription(
                    " ".join(filter(None, [_("Required."), target.accessibleDescription()]))
                )
        if read_only and target is None:
            # Choices are disabled when final: the card itself is the tab stop.
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setAccessibleName(text)

        self.problem = ProblemLabel("answerProblem")
        self.read_back = QLabel()
        self.read_back.setObjectName("answerReadBack")
        self.read_back.setWordWrap(True)
        self.form_mark = QLabel()  # the answer came from the parties and property form
        self.form_mark.setObjectName("fromFormMark")
        self.form_mark.setWordWrap(True)
        self._from_form = answer.from_form
        if not isinstance(self.input, FlagInput | ChoiceInput):
            # Its line is kept while empty: a read-back that comes moves nothing below it.
            policy = self.read_back.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.read_back.setSizePolicy(policy)

        self.note_toggle = QToolButton()
        self.note_toggle.setObjectName("noteToggle")
        self.note_toggle.setText(_("Add a note"))
        self.note_toggle.setAutoRaise(True)
        self.note_toggle.clicked.connect(self.open_note)
        self.note_label = QLabel(_("Note"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName(_("Note on {id}").format(id=question.id))
        self.note_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.note_edit.setPlainText(answer.note)
        self.note_edit.setReadOnly(read_only)
        self.note_edit.textChanged.connect(self._note_edited)
        self.note_label.setBuddy(self.note_edit)
        self.note_problem = ProblemLabel("noteProblem")

        self.attachments = AttachmentList(
            store, check_id, question.id, answer.attachments, read_only=read_only
        )
        self.attachments.stored.connect(self.stored)

        self._answer_timer = self._timer(self._store_answer)
        self._note_timer = self._timer(self._store_note)
        # Every part is parented by the layout, in reading order, before any is shown: the tab
        # order follows the layout and no part ever opens as a window of its own.
        self._build_layout()
        self._show_note(bool(answer.note))
        self._update_read_back()
        self._update_form_mark()
        if self.form_mark.text():  # answering it hides the mark, but keeps its room
            policy = self.form_mark.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.form_mark.setSizePolicy(policy)
        for widget in self.findChildren(QWidget):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.installEventFilter(self)

    # -- building --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        identifier = QLabel(self.question.id)
        identifier.setObjectName("questionId")
        small = identifier.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        identifier.setFont(small)
        header.addWidget(identifier)
        for name, text in self._badges():
            badge = QLabel(text)
            badge.setObjectName(name)
            badge.setFont(small)
            badge.setFrameShape(QFrame.Shape.Box)
            header.addWidget(badge)
        header.addStretch(1)

        actions = QHBoxLayout()
        actions.addWidget(self.note_toggle)
        actions.addWidget(self.attachments.attach_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.label)
        layout.addWidget(self.input)
        layout.addWidget(self.problem)
        layout.addWidget(self.read_back)
        layout.addWidget(self.form_mark)
        layout.addLayout(actions)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.note_problem)
        layout.addWidget(self.attachments)

    def _badges(self) -> list[tuple[str, str]]:
        question = self.question
        badges = []
        if question.scored and question.severity is not None and question.kind is not None:
            badges.append(
                (
                    "questionBadge",
                    _("{severity} · {kind}").format(
                        severity=severity_label(question.severity), kind=kind_label(question.kind)
                    ),
                )
            )
        if question.knockout:
            badges.append(("knockoutBadge", _("knock-out")))
        return badges

    def _timer(self, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(AUTOSAVE_DELAY_MS)
        timer.timeout.connect(slot)
        return timer

    # -- reading ---------------------------------------------------------------------------

    @property
    def question_id(self) -> str:
        return self.question.id

    def has_pending(self) -> bool:
        """Whether an edit has not been stored yet (waiting, or refused)."""
        return self._answer_dirty or self._note_dirty

    def problem_text(self) -> str:
        return self.problem.text() if self.problem.isVisibleTo(self) else ""

    # -- focus -----------------------------------------------------------------------------

    def focus_input(self) -> None:
        target = self.input.focus_target()
        if target is None and self.focusPolicy() != Qt.FocusPolicy.NoFocus:
            target = self
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit(self.question.id)
        elif event.type() == QEvent.Type.FocusOut:
            if watched is self.note_edit:
                self._store_note()
            elif watched is self.input.focus_target() and not self.input.immediate:
                self._store_answer()
        return False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.question.id)

    def _step_requested(self, step: int) -> None:
        self.step_requested.emit(self.question.id, step)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.focused.emit(self.question.id)
        super().mousePressEvent(event)

    def set_current(self, current: bool) -> None:
        """Mark the card as the one that holds the keyboard focus (or no longer)."""
        if current != self.current:
            self.current = current
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.current:  # a frame and a bar in the highlight colour: not a shade alone
            painter = QPainter(self)
            colour = self.palette().color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(colour, 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
            painter.fillRect(0, 0, 5, self.height(), colour)
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the parts of the card leave alone: Enter in the answer stores it and moves on
        (as an answer key does on a yes/no question); an answer key on the note or attach
        button is meant for the next question."""
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        focus = QApplication.focusWidget()
        if self.read_only or not plain or focus is None:
            super().keyPressEvent(event)
            return
        enter = event.key() in NEXT_KEYS or event.key() == Qt.Key.Key_Enter
        if enter and self.input.isAncestorOf(focus):
            event.accept()
            if self._store_answer():
                self.answered.emit(self.question.id, BY_KEY)
            return
        value = FLAG_KEYS.get(event.text().lower())
        if value is not None and focus in (self.note_toggle, self.attachments.attach_button):
            event.accept()
            self.key_for_next.emit(self.question.id, value)
            return
        super().keyPressEvent(event)

    # -- storing ---------------------------------------------------------------------------

    def flush(self) -> bool:
        """Store every pending edit now; False when a value is refused (it stays marked)."""
        answer_stored = self._store_answer()
        note_stored = self._store_note()
        return answer_stored and note_stored

    def _answer_edited(self) -> None:
        self._answer_dirty = True
        if self.input.immediate:
            self._store_answer()
        else:
            self._answer_timer.start()

    def _checked(self, value: AnswerValue | None) -> AnswerValue | None:
        """``value`` as the store will keep it, or InputProblem saying why it cannot be."""
        if value is None:
            return None
        try:
            return parse_answer(self.question, answer_json(self.pack, self.question.id, value))
        except BadValue as error:
            raise InputProblem(str(error)) from None

    def _store_answer(self) -> bool:
        self._answer_timer.stop()
        how, self.input.how = self.input.how, None
        if not self._answer_dirty:
            return True
        try:
            value = self._checked(self.input.value())
        except InputProblem as problem:
            self._show(self.problem, str(problem))
            return False
        if value != self._stored_value:
            check = self._write(self.problem, self.store.set_answer, value)
            if check is None:
                if self.input.immediate:  # the choice on screen must be the stored one
                    self.input.show_value(self._stored_value)
                    self._answer_dirty = False
                return False
            self._stored_value = value
            self._answer_dirty = False
            self._from_form = None  # the person's own answer now
            self._show(self.problem, "")
            self._update_read_back()
            self._update_form_mark()
            self.stored.emit(check)
        else:
            self._answer_dirty = False
            self._show(self.problem, "")
            self._update_read_back()
        if how is not None and value is not None:
            self.answered.emit(self.question.id, how)
        elif how == BY_MOUSE:  # cleared by a click: the keys answer this question now
            self.focus_input()
        return True

    def _note_edited(self) -> None:
        if self.read_only or self.note_edit.toPlainText() == self._stored_note:
            return
        self._note_dirty = True
        self._note_timer.start()

    def _store_note(self) -> bool:
        self._note_timer.stop()
        if not self._note_dirty:
            return True
        note = self.note_edit.toPlainText()
        if note != self._stored_note:
            check = self._write(self.note_problem, self.store.set_note, note)
            if check is None:
                return False
            self._stored_note = note
            self.stored.emit(check)
        self._note_dirty = False
        self._show(self.note_problem, "")
        return True

    def _write(self, problem: QLabel, action: Callable[..., object], value: object) -> object:
        """Store through ``action``; a refused value is said under the input, a failed write
        in a message box (as ``feedback.attempt`` does for choices)."""
        if self.input.immediate and problem is self.problem:
            return attempt(self, action, self.check_id, self.question.id, value)
        try:
            return action(self.check_id, self.question.id, value)
        except StoreWriteError as error:
            show_problem(self, str(error))
        except StoreError as error:
            message = str(error).removeprefix(f"{self.question.id}: ")
            self._show(problem, message)
        return None

    def _show(self, label: QLabel, problem: str) -> None:
        label.setText(f"⚠ {sentence(problem)}" if problem else "")
        label.setVisible(bool(problem))
        target = self.note_edit if label is self.note_problem else self.input.focus_target()
        if target is not None:  # a screen reader hears the problem with the input
            base = self._descriptions.setdefault(target, target.accessibleDescription())
            target.setAccessibleDescription(
                " ".join(filter(None, [base, sentence(problem) if problem else ""]))
            )

    def _update_read_back(self) -> None:
        """Say how a typed amount, date or identifier was stored, so a misreading shows."""
        typed = not isinstance(self.input, FlagInput | ChoiceInput)
        text = read_back_text(self.question, self._stored_value) if typed else ""
        self.read_back.setText(text)
        self.read_back.setVisible(bool(text))

    def show_stored(self, answer: Answer | None) -> None:
        """Show an answer stored by another page (one the parties and property form gave or
        took back), unless the person is changing this one."""
        answer = answer or Answer(None)
        if self._answer_dirty or (
            answer.value == self._stored_value and answer.from_form == self._from_form
        ):
            return
        self._stored_value, self._from_form = answer.value, answer.from_form
        self.input.show_value(answer.value)
        self._update_read_back()
        self._update_form_mark()

    def _update_form_mark(self) -> None:
        """Say that the answer was taken from the form, and that it can be changed."""
        text = form_mark_text(self._stored_value, self._from_form)
        self.form_mark.setText(text)
        self.form_mark.setVisible(bool(text))
        target = self.input.focus_target()
        if target is not None:  # a screen reader hears where the answer came from
            base = self._descriptions.setdefault(target, target.accessibleDescription())
            target.setAccessibleDescription(" ".join(filter(None, [base, text])))

    # -- the note --------------------------------------------------------------------------

    def open_note(self) -> None:
        self._show_note(True)
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_note(self, shown: bool) -> None:
        self.note_toggle.setVisible(not shown and not self.read_only)
        self.note_label.setVisible(shown)
        self.note_edit.setVisible(shown)

    # -- dropped files ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if not self.read_only and mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if self.read_only or not mime.hasUrls():
            event.ignore()
            return
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.attachments.add_files(paths)
