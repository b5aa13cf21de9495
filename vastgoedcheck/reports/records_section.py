"""The report records in the internal version of the dossier: every report made and every
decision not to report, the corrected ones marked."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from vastgoedcheck.domain.report_record import current_records, report_status
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.record_text import record_line, recorded_by, status_name
from vastgoedcheck.reports.content import ReportContext
from vastgoedcheck.reports.escaping import escape


def records(context: ReportContext) -> list[Flowable]:
    styles = context.styles
    flowables: list[Flowable] = [context.heading(_("Report records (internal)"))]
    status = _("Status: {status}").format(status=status_name(report_status(context.records)))
    flowables.append(Paragraph(escape(status), styles.cell_bold))
    if not context.records:
        text = _("No report and no decision not to report has been recorded.")
        return [*flowables, Paragraph(escape(text), styles.body)]
    standing = {record.id for record in current_records(context.records)}
    for record in context.records:
        line = record_line(record)
        if record.id not in standing:
            line = _("Corrected later: {record}").format(record=line)
        flowables.append(Paragraph(escape(line), styles.body))
        flowables.append(Paragraph(escape(recorded_by(record)), styles.small))
    return flowables
