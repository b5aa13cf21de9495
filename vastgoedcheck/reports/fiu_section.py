"""The report for FIU-Nederland's form part: the fields of the reporting form, in its order."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from vastgoedcheck.i18n import _
from vastgoedcheck.reports.content import ReportContext, label_table
from vastgoedcheck.reports.escaping import escape
from vastgoedcheck.reports.fiu_form import form_sections


def reporting_form(context: ReportContext, statement: str = "") -> list[Flowable]:
    """Each section of the form with the values to copy into it, field by field."""
    flowables: list[Flowable] = [
        context.heading(_("For the reporting form of FIU-Nederland")),
        Paragraph(
            escape(
                _(
                    "The fields below follow the order of the reporting form (Wwft art. 16 "
                    "lid 2): copy them field by field into the reporting portal."
                )
            ),
            context.styles.legend,
        ),
    ]
    sections = form_sections(
        context.check,
        context.pack,
        context.assessment,
        context.language,
        context.profile.party_fields,
        statement,
    )
    for section in sections:
        flowables.append(context.subheading(section.title))
        flowables.extend(
            label_table([(line.label, line.text) for line in section.lines], context.styles)
        )
    return flowables
