"""The New check wizard: who you are in the matter, which checklist, at which stage, the parties
and property."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from vastgoedcheck.domain.pack import Pack, Role
from vastgoedcheck.i18n import N_, _, current_language
from vastgoedcheck.i18n.labels import role_label
from vastgoedcheck.i18n.pack_review import review_text
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.details_form import DetailsForm
from vastgoedcheck.ui.feedback import attempt
from vastgoedcheck.ui.field_inputs import ProblemLine, capitalised
from vastgoedcheck.ui.preferences import Preferences, examiner_of
from vastgoedcheck.ui.reference_field import ReferenceInput

ROLE_PAGE, PACK_PAGE, STAGE_PAGE, DETAILS_PAGE = range(4)
# The checklist that fits each role best, offered first and chosen already: a landlord most
# often lets a home, an estate agent most often acts for a buyer.
FIRST_PACKS = {
    Role.LANDLORD: "landlord-residential",
    Role.BROKER: "broker-buyer",
    Role.NOTARY: "notary-transaction",
}
ROLE_EXPLANATIONS = {
    Role.LANDLORD: N_(
        "You let a home, business premises or another building, or manage it for its owner."
    ),
    Role.BROKER: N_(
        "You act for a buyer, a seller or a tenant as estate agent (makelaar); the Wwft "
        "applies to you (for lettings only from €10,000 rent a month)."
    ),
    Role.NOTARY: N_("You prepare and pass a deed: a transfer, a mortgage or an incorporation."),
}
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 1


class RolePage(QWizardPage):
    """Landlord, estate agent or notary: each choice with one line saying what it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Who are you in this matter?"))
        self.setSubTitle(_("The checklists and what you may record depend on your role."))
        self.buttons = QButtonGroup(self)
        self.radios: dict[Role, QRadioButton] = {}
        layout = QVBoxLayout(self)
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) * 2
        for role in Role:
            explanation = _(ROLE_EXPLANATIONS[role])
            radio = QRadioButton(capitalised(role_label(role)))
            radio.setObjectName(f"role_{role.value}")
            radio.setAccessibleDescription(explanation)
            line = QLabel(explanation)
            line.setWordWrap(True)
            line.setContentsMargins(indent, 0, 0, 0)
            self.buttons.addButton(radio)
            self.radios[role] = radio
            layout.addWidget(radio)
            layout.addWidget(line)
            layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addStretch(1)
        self.buttons.buttonToggled.connect(self.completeChanged)

    def role(self) -> Role | None:
        return next((role for role, radio in self.radios.items() if radio.isChecked()), None)

    def isComplete(self) -> bool:
        return self.role() is not None


class PackDelegate(QStyledItemDelegate):
    """A checklist in the list: its title in bold, its one-line description under it."""

    MARGIN = 6

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _texts(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        return str(index.data(Qt.ItemDataRole.DisplayRole)), str(index.data(DESCRIPTION_ROLE))

    def _fonts(self, font: QFont) -> tuple[QFont, QFont]:
        bold = QFont(font)
        bold.setBold(True)
        return bold, font

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        title, description = self._texts(index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        colour = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        bold, plain = self._fonts(item.font)
        area = item.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.save()
        painter.setPen(item.palette.color(colour))
        painter.setFont(bold)
        used = painter.boundingRect(area, flags, title)
        painter.drawText(area, flags, title)
        painter.setFont(plain)
        painter.drawText(
            area.adjusted(0, used.height() + self.MARGIN // 2, 0, 0), flags, description
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, description = self._texts(index)
        width = max(self.view.viewport().width() - 2 * self.MARGIN, 100)
        bold, plain = self._fonts(option.font)
        bounds = QRect(0, 0, width, 100_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = (
            QFontMetrics(bold).boundingRect(bounds, flags, title).height()
            + QFontMetrics(plain).boundingRect(bounds, flags, description).height()
            + 2 * self.MARGIN
            + self.MARGIN // 2
        )
        return QSize(width, height)


class PackPage(QWizardPage):
    """The checklists for the chosen role; a double-click goes on to the next page."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.packs: list[Pack] = []
        self.setTitle(_("Which checklist?"))
        self.list = QListWidget()
        self.list.setObjectName("packList")
        self.list.setAccessibleName(_("Checklists"))
        self.list.setItemDelegate(PackDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.currentRowChanged.connect(self.completeChanged)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, NewCheckWizard)
        role, previous = wizard.role(), self.pack()
        language = current_language()
        first = FIRST_PACKS.get(role) if role is not None else None
        self.packs = sorted(
            (pack for pack in self.store.registry.latest() if role in pack.roles),
            # The one that fits the role best, then the specific ones, then by title.
            key=lambda pack: (pack.id != first, len(pack.roles), pack.title.get(language)),
        )
        self.setSubTitle(
            _("The checklists for your role: {role}.").format(role=role_label(role)) if role else ""
        )
        self.list.clear()
        for pack in self.packs:
            item = QListWidgetItem(pack.title.get(language))
            description = " ".join(
                part
                for part in (pack.description.get(language), review_text(pack, dt.date.today()))
                if part
            )
            item.setData(DESCRIPTION_ROLE, description)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, description)
            item.setToolTip(description)
            self.list.addItem(item)
        ids = [pack.id for pack in self.packs]
        if previous is not None and previous.id in ids:  # the choice stays when still offered
            self.list.setCurrentRow(ids.index(previous.id))
        else:  # the one that fits the role, already chosen
            self.list.setCurrentRow(0 if ids else -1)
        self.completeChanged.emit()

    def nextId(self) -> int:
        """The stage first when the checklist has stages: what is asked depends on it."""
        pack = self.pack()
        return STAGE_PAGE if pack is not None and pack.stages is not None else DETAILS_PAGE

    def cleanupPage(self) -> None:
        """Going back keeps the choice (the default would forget it)."""

    def pack(self) -> Pack | None:
        row = self.list.currentRow()
        return self.packs[row] if 0 <= row < len(self.packs) and self.list.currentItem() else None

    def isComplete(self) -> bool:
        return self.pack() is not None

    def _double_clicked(self) -> None:
        wizard = self.wizard()
        if wizard is not None and self.isComplete():
            wizard.next()


class StagePage(QWizardPage):
    """At which stage the check is made, for a checklist with stages: the parties and property
    page then asks only what may be asked at that stage (income only at the contract)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("At which stage are you?"))
        self.setSubTitle(
            _(
                "What you may ask and record depends on the stage: some details, such as "
                "income and the household, only when the contract is near."
            )
        )
        self.buttons = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.made_for: str | None = None
        self.box = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.box)
        layout.addStretch(1)
        self.buttons.buttonToggled.connect(self.completeChanged)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, NewCheckWizard)
        pack = wizard.pack()
        assert pack is not None and pack.stages is not None
        key = f"{pack.id} {pack.version}"
        if key == self.made_for:
            return  # back and forth: the choice stays
        previous = self.stage()
        for radio in self.radios.values():
            self.buttons.removeButton(radio)
            radio.deleteLater()
        self.radios = {}
        question = pack.question(pack.stages.question)
        language = current_language()
        for stage in pack.stages.order:
            text = question.choice_label(stage, language) if question else stage
            radio = QRadioButton(text)
            radio.setObjectName(f"stage_{stage}")
            self.buttons.addButton(radio)
            self.box.addWidget(radio)
            self.radios[stage] = radio
        if previous in self.radios:
            self.radios[previous].setChecked(True)
        self.made_for = key
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        """Going back keeps the choice (the default would forget it)."""

    def stage(self) -> str | None:
        return next((stage for stage, radio in self.radios.items() if radio.isChecked()), None)

    def isComplete(self) -> bool:
        return self.stage() is not None


class DetailsPage(QWizardPage):
    """The parties and the property; Finish waits for a named party and no problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Parties and property"))
        self.setSubTitle(
            _("Enter at least the name of one party. You can complete the rest in the check.")
        )
        self.form: DetailsForm | None = None
        self.made_for: tuple[str, str, Role] | None = None
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        # Not a Tab stop of its own: Tab goes straight to the fields, which scroll into view.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.missing = ProblemLine()
        self.missing.setObjectName("missingLine")
        self.reference = ReferenceInput()  # the user's own file number, kept with the check
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.reference)
        layout.addWidget(self.missing)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, NewCheckWizard)
        pack, role, stage = wizard.pack(), wizard.role(), wizard.stage()
        assert pack is not None and role is not None
        made_for = (pack.id, pack.version, role)
        if self.form is not None and made_for == self.made_for:
            self.form.set_stage(stage)  # another stage: the fields it asks come and go
            self._focus_first_party()
            return  # back and forth without a change: everything typed stays
        kept = None
        if self.form is not None and self.made_for and self.made_for[:2] == made_for[:2]:
            kept = self.form.details()  # same checklist, other role: the entries come along
        form = DetailsForm(pack, role, stage=stage)
        if kept is not None:
            form.set_details(*kept)
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll_area.setWidget(form)
        self.form, self.made_for = form, made_for
        form.changed.connect(self._update)
        self._update()
        self._focus_first_party()

    def _focus_first_party(self) -> None:
        """Typing starts in the first party's name: the one thing needed to create the check
        (else the focus stays on the disabled button, and Qt moves it past the parties)."""
        if self.form is not None and self.form.party_blocks:
            name = self.form.party_blocks[0].input("name")
            # Bound to the field: a page torn down first cancels it.
            QTimer.singleShot(0, name, lambda: name.setFocus(Qt.FocusReason.TabFocusReason))

    def cleanupPage(self) -> None:
        """Going back keeps what was typed (the default would forget it)."""

    def missing_text(self) -> str:
        """What stands in the way of creating the check ("" when nothing)."""
        if self.form is None:
            return ""
        problems = self.form.problems()
        if problems:
            if len(problems) == 1:
                return _("Correct this first: {problem}").format(problem=problems[0])
            return _("Correct {count} fields first, starting with: {problem}").format(
                count=len(problems), problem=problems[0]
            )
        if not self.form.has_named_party():
            return _("To create the check, enter the name of at least one party.")
        return ""

    def _update(self) -> None:
        self.missing.show_problem(self.missing_text())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.form is not None and not self.missing_text()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, NewCheckWizard)
        if self.form is not None:
            self.form.reveal_problems()
        return self.isComplete() and wizard.create_check()


class NewCheckWizard(QWizard):
    """Makes a new draft; ``created_id`` is its id once Finish succeeded, else None."""

    def __init__(
        self, store: Store, preferences: Preferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.preferences = store, preferences
        self.created_id: str | None = None
        self.setObjectName("newCheckWizard")
        self.setWindowTitle(_("New check"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Create check"))
        self.role_page = RolePage()
        self.pack_page = PackPage(store)
        self.stage_page = StagePage()
        self.details_page = DetailsPage()
        self.setPage(ROLE_PAGE, self.role_page)
        self.setPage(PACK_PAGE, self.pack_page)
        self.setPage(STAGE_PAGE, self.stage_page)
        self.setPage(DETAILS_PAGE, self.details_page)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 120, metrics.height() * 44)

    def role(self) -> Role | None:
        return self.role_page.role()

    def pack(self) -> Pack | None:
        return self.pack_page.pack()

    def stage(self) -> str | None:
        """The stage chosen, for a checklist with stages; None otherwise."""
        pack = self.pack()
        return self.stage_page.stage() if pack is not None and pack.stages is not None else None

    def create_check(self) -> bool:
        """Store the new draft; on a refusal the reason is shown and the wizard stays open."""
        pack, role, form = self.pack(), self.role(), self.details_page.form
        if pack is None or role is None or form is None:
            return False
        parties, property_data = form.details()
        stage = self.stage()
        # The stage is the answer to the checklist's first question: given here, not twice.
        answers = {pack.stages.question: stage} if pack.stages is not None and stage else {}
        check = attempt(
            self,
            self.store.create,
            pack,
            role,
            language=self.preferences.report_language or current_language(),
            examiner=examiner_of(self.preferences),
            parties=parties,
            property_data=property_data,
            answers=answers,
            reference=self.details_page.reference.text(),
        )
        if check is None:
            return False
        self.created_id = check.id
        return True
