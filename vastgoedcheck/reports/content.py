"""What one report is about (check, pack, profile, assessment) and the building blocks its
parts share: label/value tables, bullet lists, notes with data minimisation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from reportlab.platypus import Flowable, Paragraph

from vastgoedcheck.domain.assessment import Assessment, ItemResult
from vastgoedcheck.domain.check import AnswerValue, Check, Examiner
from vastgoedcheck.domain.conditions import visible_in_check
from vastgoedcheck.domain.pack import Kind, Pack, Question
from vastgoedcheck.domain.report_record import ReportRecord
from vastgoedcheck.i18n import _
from vastgoedcheck.reports.escaping import escape, text_paragraphs
from vastgoedcheck.reports.profiles import Items, Profile, Share
from vastgoedcheck.reports.styles import RULE, SHADE, WIDTH, Styles, grid

# Label/value rows longer than this are printed as flowing paragraphs under the table.
LONG_VALUE = 600


@dataclass(frozen=True)
class ReportContext:
    check: Check
    pack: Pack
    profile: Profile
    assessment: Assessment
    styles: Styles
    language: str
    attachment_content: Callable[[str], bytes]  # the plain content of a stored attachment
    issued_at: dt.datetime
    # The internal version of the dossier: FIU decisions and the report records included.
    internal: bool = False
    records: tuple[ReportRecord, ...] = ()
    reporter: Examiner = field(default_factory=Examiner)  # who makes this report
    statement: str = ""  # the reporter's own statement of facts for this recipient

    @cached_property
    def values(self) -> dict[str, AnswerValue | None]:
        return self.check.answer_values()

    @cached_property
    def visible(self) -> set[str]:
        return visible_in_check(self.pack, self.check)

    @cached_property
    def items(self) -> dict[str, ItemResult]:
        """How the assessment read each answered flag question."""
        return {item.question_id: item for item in self.assessment.items}

    @cached_property
    def flagged(self) -> dict[str, ItemResult]:
        """The items answered with their signal answer, as the assessment read them, that this
        report may show."""
        return {
            qid: item
            for qid, item in self.items.items()
            if item.signal and self.may_show(self._question(qid))
        }

    @cached_property
    def withheld(self) -> list[str]:
        """The signals answered "yes" that this report leaves out (by what they are about)."""
        return [qid for qid, item in self.items.items() if item.signal and qid not in self.flagged]

    @cached_property
    def shown(self) -> list[Question]:
        """The questions this report shows, in pack order."""
        if self.profile.items is Items.ALL:
            return [q for q in self.pack.questions if q.id in self.visible and self.may_show(q)]
        return [q for q in self.pack.questions if q.id in self.flagged or self._is_detail(q)]

    def may_show(self, question: Question) -> bool:
        """Whether this report may hold the answer to ``question`` at all: decided by the kinds
        of data it is about and, for a check under the Wwft, by whether the recipient may learn
        of the indicators and the due diligence (art. 23 and 34a Wwft)."""
        if self.profile.share(question) is Share.NONE:
            return False
        if self.profile.withholds_wwft_findings(self.assessment.wwft):
            return not (question.may_be_objective or question.kind is Kind.DUTY)
        return True

    def may_show_notes(self, question: Question) -> bool:
        """Whether the note and the attachments of a shown answer are shown too."""
        return self.profile.share(question) is Share.FULL

    def _question(self, question_id: str) -> Question:
        question = self.pack.question(question_id)
        assert question is not None
        return question

    def _is_detail(self, question: Question) -> bool:
        """An answered question asked because a shown signal was "yes" (e.g. the cash amount)."""
        if question.enable_when is None or question.id not in self.visible:
            return False
        if self.values.get(question.id) is None or not self.may_show(question):
            return False
        return any(c.question in self.flagged for c in question.enable_when.conditions)

    def details_of(self, question_id: str) -> list[Question]:
        """The shown questions asked because ``question_id`` was answered with its signal (the
        cash amount after "paid in cash"), in pack order."""
        return [
            q
            for q in self.shown
            if q.id not in self.flagged
            and q.enable_when is not None
            and any(c.question == question_id for c in q.enable_when.conditions)
        ]

    def note_text(self, text: str) -> str:
        """User text (a note, an answer, a detail, a file name) as this report may show it."""
        return self.profile.redact(text)

    def heading(self, text: str) -> Paragraph:
        return Paragraph(escape(text), self.styles.heading)

    def subheading(self, text: str) -> Paragraph:
        return Paragraph(escape(text), self.styles.subheading)


def bullets(lines: Iterable[str], styles: Styles) -> list[Flowable]:
    return [Paragraph(escape(line), styles.bullet, bulletText="•") for line in lines]


def label_table(
    rows: Sequence[tuple[str, str]],
    styles: Styles,
    label_width: float = 0.32,
    width: float = WIDTH,
) -> list[Flowable]:
    """Label/value rows as a table; very long values follow it as paragraphs, so no row can
    grow taller than a page."""
    cells: list[list[Flowable | list[Paragraph]]] = []
    long_rows: list[tuple[str, str]] = []
    for label, value in rows:
        if len(value) > LONG_VALUE:
            long_rows.append((label, value))
            value = _("(see below)")
        cells.append([Paragraph(escape(label), styles.label), text_paragraphs(value, styles.cell)])
    flowables: list[Flowable] = []
    if cells:
        commands = [
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("BACKGROUND", (0, 0), (0, -1), SHADE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        widths = [width * label_width, width * (1 - label_width)]
        flowables.append(grid(cells, widths, commands, split_rows=True))
    for label, value in long_rows:
        flowables.append(Paragraph(escape(label), styles.cell_bold))
        flowables.extend(text_paragraphs(value, styles.body))
    return flowables
