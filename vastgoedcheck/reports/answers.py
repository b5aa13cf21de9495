"""The answers, section by section, with signals marked by an icon and words, never by colour
alone, and each answer's note and attachments."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph

from vastgoedcheck.domain.assessment import ItemResult
from vastgoedcheck.domain.pack import FlagValue, Kind, Question
from vastgoedcheck.file_types import without_bidi
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.labels import answer_text, kind_label, severity_label
from vastgoedcheck.reports.content import LONG_VALUE, ReportContext
from vastgoedcheck.reports.escaping import escape, text_paragraphs
from vastgoedcheck.reports.profiles import Items, Share
from vastgoedcheck.reports.styles import RULE, SIGNAL, WIDTH, grid

SIGNAL_ICON = "⚠"
UNKNOWN_ICON = "?"
COLUMNS = (WIDTH * 0.12, WIDTH * 0.56, WIDTH * 0.32)


def _reading(item: ItemResult) -> str:
    """How the assessment read a flagged item, e.g. "high · signal · knock-out" (the order of
    the question card in the app)."""
    words = _("{severity} · {kind} · knock-out") if item.knockout else _("{severity} · {kind}")
    return words.format(severity=severity_label(item.severity), kind=kind_label(item.kind))


def _answer_cell(
    context: ReportContext, question: Question, text: str
) -> tuple[list[Flowable], bool]:
    """The answer ``text`` as cell content, and whether it is marked as a signal."""
    styles = context.styles
    item = context.items.get(question.id)
    if item is not None and item.signal:
        mark = f"{SIGNAL_ICON} {text.upper()}"
        return [
            Paragraph(escape(mark), styles.flag),
            Paragraph(escape(_reading(item)), styles.small),
        ], True
    if item is not None and item.answer is FlagValue.UNKNOWN:
        mark = f"{UNKNOWN_ICON} {text.upper()}"
        reading = _("unknown, severity {severity}: find out").format(
            severity=severity_label(item.severity)
        )
        return [
            Paragraph(escape(mark), styles.cell_bold),
            Paragraph(escape(reading), styles.small),
        ], True
    return [Paragraph(escape(text), styles.cell)], False


def _question_block(
    context: ReportContext, question: Question, photo_numbers: dict[str, int]
) -> list[Flowable]:
    styles = context.styles
    text = context.note_text(answer_text(question, context.values.get(question.id)))
    long_answer = len(text) > LONG_VALUE  # flows under the question instead of in the cell
    answer_cell, marked = _answer_cell(context, question, _("(see below)") if long_answer else text)
    label = question.label.get(context.language)
    commands: list[tuple[Any, ...]] = [
        ("LINEABOVE", (0, 0), (-1, 0), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if marked:
        commands.append(("LINEBEFORE", (0, 0), (0, 0), 2.5, SIGNAL))
    row = [
        Paragraph(escape(question.id), styles.cell_bold),
        Paragraph(escape(label), styles.cell),
        answer_cell,
    ]
    table = grid([row], COLUMNS, commands, split_rows=True)
    rest: list[Flowable] = []
    answer = context.check.answers.get(question.id)
    if answer is not None and not context.may_show_notes(question):
        answer = None  # the answer only: its note and attachments are left out (the profile)
    if long_answer:
        rest.extend(text_paragraphs(text, styles.note))
    if answer is not None and answer.note.strip():
        prefix = "<b>" + escape(_("Note:")) + "</b> "
        rest.extend(text_paragraphs(context.note_text(answer.note.strip()), styles.note, prefix))
    if answer is not None and answer.attachments:
        names = []
        for attachment in answer.attachments:
            number = photo_numbers.get(attachment.sha256)
            # In the order it is, not reordered; a file name is free text like a note.
            shown = context.note_text(without_bidi(attachment.name))
            names.append(
                _("{name} (photo {number})").format(name=shown, number=number)
                if number is not None
                else shown
            )
        line = ngettext("Attachment: {names}", "Attachments: {names}", len(names)).format(
            names=", ".join(names)
        )
        rest.append(Paragraph(escape(line), styles.note))
    # The question and the start of its note stay on one page; a long note flows on.
    table.keepWithNext = bool(rest)
    return [table, *rest]


def _summary_line(context: ReportContext, questions: list[Question]) -> str:
    answered = sum(1 for q in questions if context.values.get(q.id) is not None)
    signals = sum(1 for q in questions if q.id in context.flagged)
    return ngettext(
        "{answered} of {total} answered, {count} signal",
        "{answered} of {total} answered, {count} signals",
        signals,
    ).format(answered=answered, total=len(questions), count=signals)


def _may_leave_out_signals(context: ReportContext) -> bool:
    """Whether this report can leave out a signal answered "yes": it never claims that no
    signal was answered when it may have withheld one."""
    profile = context.profile
    return (
        bool(context.withheld)
        or any(share is Share.NONE for share in profile.data.values())
        or profile.withholds_wwft_findings(context.assessment.wwft)
    )


def answers(context: ReportContext, photo_numbers: dict[str, int]) -> list[Flowable]:
    """The shown answers, grouped by the pack's sections; every answer in the dossier, the
    observations in the reports for the police and the municipality, the indicators for FIU."""
    if context.profile.indicators:
        return indicators(context, photo_numbers)
    styles = context.styles
    complete = context.profile.items is Items.ALL
    flowables: list[Flowable] = [
        context.heading(_("Answers") if complete else _("What was observed"))
    ]
    if complete:
        legend = _(
            "{icon} marks an answer that is a signal; {unknown} an unknown answer on a "
            "serious item."
        ).format(icon=SIGNAL_ICON, unknown=UNKNOWN_ICON)
        flowables.append(Paragraph(escape(legend), styles.legend))
    if not context.shown:
        if complete:
            empty = _("No question of this checklist has been answered.")
        elif _may_leave_out_signals(context):
            # The same words whether or not a signal was left out: a recipient cannot tell.
            empty = _(
                "This report shows no signal: none of the kinds it may hold was answered 'yes'."
            )
        else:
            empty = _("No signal was answered 'yes' in this check.")
        flowables.append(Paragraph(escape(empty), styles.body))
    shown = {q.id for q in context.shown}
    for section in context.pack.sections:
        questions = [q for q in section.questions if q.id in shown]
        if not questions:
            continue
        section_title = section.title.get(context.language)
        if complete:
            section_title += "  (" + _summary_line(context, questions) + ")"
        flowables.append(context.subheading(section_title))
        for question in questions:
            flowables.extend(_question_block(context, question, photo_numbers))
    return flowables


def indicators(context: ReportContext, photo_numbers: dict[str, int]) -> list[Flowable]:
    """The Wwft indicators met, objective first, then the subjective signals and the due
    diligence findings, each with the details and notes that say why."""
    styles = context.styles
    groups = (
        (Kind.OBJECTIVE, _("Objective indicators met")),
        (Kind.SIGNAL, _("Signals for the subjective indicator")),
        (Kind.DUTY, _("Client due diligence findings")),
    )
    flowables: list[Flowable] = [context.heading(_("Indicators met and why"))]
    details = [q for q in context.shown if q.id not in context.flagged]
    if not context.flagged:
        empty = (
            _("This report shows no signal: none of the kinds it may hold was answered 'yes'.")
            if _may_leave_out_signals(context)
            else _("No indicator or signal was answered 'yes' in this check.")
        )
        flowables.append(Paragraph(escape(empty), styles.body))
    for kind, title in groups:
        questions = [
            q
            for q in context.shown
            if context.flagged.get(q.id) and context.flagged[q.id].kind is kind
        ]
        if not questions:
            continue
        flowables.append(context.subheading(title))
        for question in questions:
            flowables.extend(_question_block(context, question, photo_numbers))
    if details:
        flowables.append(context.subheading(_("Details recorded with these items")))
        for question in details:
            flowables.extend(_question_block(context, question, photo_numbers))
    return flowables
