"""The parties and the property, with the fields the recipient may receive."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from vastgoedcheck.domain.pack import ORGANISATION_FIELDS, PERSON_FIELDS, PROPERTY_FIELDS, Role
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.field_labels import (
    field_label,
    field_text,
    party_kind_label,
    party_role_label,
)
from vastgoedcheck.reports.content import ReportContext, label_table
from vastgoedcheck.reports.escaping import escape


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rows(
    context: ReportContext, data: dict[str, object], order: tuple[str, ...], allowed: frozenset[str]
) -> list[tuple[str, str]]:
    rows = []
    for name in order:
        value = data.get(name)
        if name not in allowed or value is None or value == "" or value == []:
            continue
        # A landlord keeps only the end of an ID-document number: the report says so.
        text = field_text(name, value, number_end=context.check.role is Role.LANDLORD)
        rows.append((field_label(name), context.note_text(text)))
    return rows


def parties(context: ReportContext) -> list[Flowable]:
    styles = context.styles
    flowables: list[Flowable] = [context.heading(_("Parties"))]
    if not context.check.parties:
        flowables.append(Paragraph(escape(_("No party is named in this check.")), styles.body))
    for number, party in enumerate(context.check.parties, start=1):
        order = PERSON_FIELDS if party.kind.value == "person" else ORGANISATION_FIELDS
        # Translators: the heading of one party in a report, e.g. "1. Tenant (person): Daan
        # Bakker". {role} is given with a capital first letter.
        title = _("{number}. {role} ({kind}): {name}").format(
            number=number,
            role=_capitalised(party_role_label(party.role)),
            kind=party_kind_label(party.kind.value),
            name=party.name or _("(no name)"),
        )
        flowables.append(context.subheading(title))
        rows = _rows(context, dict(party.data), order, context.profile.party_fields - {"name"})
        if rows:
            flowables.extend(label_table(rows, styles))
    return flowables


def property_block(context: ReportContext) -> list[Flowable]:
    flowables: list[Flowable] = [context.heading(_("Property and transaction"))]
    rows = _rows(
        context,
        dict(context.check.property),
        PROPERTY_FIELDS,
        context.profile.shown_property_fields(context.assessment.wwft),
    )
    if rows:
        flowables.extend(label_table(rows, context.styles))
    else:
        flowables.append(
            Paragraph(escape(_("No details of the property are recorded.")), context.styles.body)
        )
    return flowables
