"""The advice and the decision: outcome with reasons, follow-ups and channels, the recorded
human decision, and the tipping-off warning of reports about Wwft matters."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from vastgoedcheck.domain.assessment import Outcome
from vastgoedcheck.domain.decisions import fiu_decision
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.completeness_text import advice_headline, open_text
from vastgoedcheck.i18n.formatting import format_datetime, format_number
from vastgoedcheck.i18n.outcome_text import (
    FOLLOW_UPS,
    advice_parts,
    decision_label,
)
from vastgoedcheck.reports.content import ReportContext, bullets
from vastgoedcheck.reports.escaping import escape, text_paragraphs
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.reports.styles import SIGNAL, WARNING_FILL, WIDTH, grid


def tipping_off_text() -> str:
    return _(FOLLOW_UPS["tipping_off"])


def warning_box(context: ReportContext, lines: list[str]) -> Flowable:
    """A framed warning that stands out by its frame, its icon and its bold words."""
    styles = context.styles
    cells = [[Paragraph(escape("⚠ " + lines[0]), styles.warning)]]
    cells += [[Paragraph(escape(line), styles.body)] for line in lines[1:]]
    return grid(
        cells,
        [WIDTH],
        [
            ("BOX", (0, 0), (-1, -1), 1.5, SIGNAL),
            ("BACKGROUND", (0, 0), (-1, -1), WARNING_FILL),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (0, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ],
    )


def needs_tipping_off_warning(context: ReportContext) -> bool:
    """Reports about a Wwft matter that calls for a report to FIU-Nederland carry the warning;
    never one for a recipient outside the exceptions of art. 23 Wwft, to whom even the warning
    would tell that there is such a matter."""
    if not context.profile.wwft_matter:
        return False
    if context.profile.indicators:
        return True
    return context.assessment.wwft and context.assessment.outcome >= Outcome.REPORT_RECOMMENDED


def outcome(context: ReportContext) -> list[Flowable]:
    styles = context.styles
    result = context.assessment
    flowables: list[Flowable] = [context.heading(_("Outcome of the check"))]
    # One sentence, as on the review page: a stop with a report advice is said together; while
    # questions that decide the outcome are open, the report says which.
    flowables.append(Paragraph(escape(advice_headline(result)), styles.warning))
    if not result.complete:
        flowables.append(Paragraph(escape(open_text(result)), styles.warning))
    score = _("Score: {score}").format(score=format_number(result.score))
    flowables.append(Paragraph(escape(score), styles.small))
    for title, lines in advice_parts(result, context.pack):
        flowables.append(context.subheading(title))
        flowables.extend(bullets(lines, styles))
    return flowables


def decision(context: ReportContext) -> list[Flowable]:
    styles = context.styles
    recorded = context.check.decision
    title = (
        _("Why the transaction is deemed unusual")
        if context.profile.indicators
        else _("Decision recorded by the examiner")
    )
    flowables: list[Flowable] = [context.heading(title)]
    if context.profile.recipient is Recipient.DOSSIER and not context.internal:
        # Never in the client-facing dossier (art. 23 Wwft): said the same way for every
        # Wwft check, whether or not such a decision exists.
        if context.assessment.wwft:
            note = _(
                "Decisions and records about reporting to FIU-Nederland are never in this "
                "version; they are only in the internal version."
            )
            flowables.append(Paragraph(escape(note), styles.small))
        if recorded is not None and fiu_decision(recorded.outcome, context.assessment.wwft):
            return flowables
    if recorded is None:
        text = _("No decision has been recorded yet.")
        return [*flowables, Paragraph(escape(text), styles.body)]
    decision = decision_label(recorded.outcome, context.assessment.wwft)
    if recorded.decided_at is None:
        line = _("Decision: {decision}").format(decision=decision)
    else:
        line = _("Decision: {decision} ({date})").format(
            decision=decision, date=format_datetime(recorded.decided_at)
        )
    flowables.append(Paragraph(escape(line), styles.cell_bold))
    prefix = "<b>" + escape(_("Reasoning:")) + "</b> "
    flowables.extend(text_paragraphs(recorded.reasoning, styles.body, prefix))
    return flowables
