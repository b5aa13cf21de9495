"""A pack as a printable paper checklist, for use on site without a laptop: the data to note,
every question with its answer boxes, and when a conditional question is to be answered."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, Paragraph

from vastgoedcheck.domain.pack import FieldNeed, Pack, Question, QuestionType
from vastgoedcheck.i18n import _, language_scope
from vastgoedcheck.i18n.field_labels import field_label, party_role_label
from vastgoedcheck.i18n.formatting import babel_locale, format_date
from vastgoedcheck.i18n.labels import FLAG_LABELS, kind_label, role_label, severity_label
from vastgoedcheck.i18n.pack_text import condition_text
from vastgoedcheck.reports.escaping import escape
from vastgoedcheck.reports.pages import Metadata, PageFrame, render
from vastgoedcheck.reports.styles import RULE, WIDTH, Styles, grid, make_styles

BOX = "☐"
WRITING_LINE = "_" * 60
COLUMNS = (WIDTH * 0.12, WIDTH * 0.88)


def _answer_line(question: Question, language: str) -> str:
    if question.type is QuestionType.FLAG:
        options = [_(FLAG_LABELS[value]) for value in FLAG_LABELS]
    elif question.type in (QuestionType.CHOICE, QuestionType.MULTI_CHOICE):
        options = [choice.label.get(language) for choice in question.choices]
    else:
        return WRITING_LINE
    return "\u00a0\u00a0\u00a0 ".join(f"{BOX}\u00a0{option}" for option in options)


def _question(question: Question, pack: Pack, styles: Styles, language: str) -> Flowable:
    cells: list[Flowable] = []
    label = question.label.get(language) + (" *" if question.required else "")
    cells.append(Paragraph(escape(label), styles.cell_bold))
    if question.enable_when is not None:
        condition = condition_text(pack, question.enable_when, language)
        cells.append(Paragraph(escape("→ " + condition), styles.small))
    if question.severity is not None and question.kind is not None:
        words = (
            _("If yes: {severity} · {kind} · knock-out")
            if question.knockout
            else _("If yes: {severity} · {kind}")
        )
        reading = words.format(
            severity=severity_label(question.severity), kind=kind_label(question.kind)
        )
        cells.append(Paragraph(escape(reading), styles.small))
    cells.append(Paragraph(escape(_answer_line(question, language)), styles.cell))
    if question.type is QuestionType.MULTI_CHOICE:
        cells.append(Paragraph(escape(_("(tick all that apply)")), styles.small))
    cells.append(Paragraph(escape(_("Note:") + " " + WRITING_LINE), styles.cell))
    table = grid(
        [[Paragraph(escape(question.id), styles.cell_bold), cells]],
        COLUMNS,
        [
            ("LINEABOVE", (0, 0), (-1, 0), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ],
    )
    return table


def _data_to_note(pack: Pack, styles: Styles) -> list[Flowable]:
    flowables: list[Flowable] = [Paragraph(escape(_("Details to note")), styles.heading)]
    roles = ", ".join(party_role_label(role) for role in pack.party_roles)
    flowables.append(Paragraph(escape(_("Parties: {roles}").format(roles=roles)), styles.body))
    groups = (
        ("person", _("For each person")),
        ("organisation", _("For each organisation")),
        ("property", _("The property and the transaction")),
    )
    for category, title in groups:
        fields = pack.fields.get(category, {})
        if not fields:
            continue
        flowables.append(Paragraph(escape(title), styles.subheading))
        rows = [
            [
                Paragraph(
                    escape(field_label(name) + (" *" if need is FieldNeed.REQUIRED else "")),
                    styles.label,
                ),
                "",
            ]
            for name, need in fields.items()
        ]
        commands = [
            ("LINEBELOW", (1, 0), (1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ]
        flowables.append(grid(rows, [WIDTH * 0.38, WIDTH * 0.62], commands))
    return flowables


def build_blank_checklist(pack: Pack, language: str, printed_on: dt.date) -> bytes:
    """The paper version of ``pack`` in ``language``."""
    with language_scope(language):
        styles = make_styles()
        title = pack.title.get(language)
        roles = ", ".join(role_label(role) for role in pack.roles)
        story: list[Flowable] = [
            Paragraph(escape(title), styles.title),
            Paragraph(
                escape(
                    _("Blank checklist {id}, version {version}, for: {roles}").format(
                        id=pack.id, version=pack.version, roles=roles
                    )
                ),
                styles.subtitle,
            ),
            Paragraph(escape(pack.description.get(language)), styles.body),
            Paragraph(
                escape(
                    _(
                        "Questions marked * must be answered. A question with an arrow is only "
                        "answered when its condition holds. Enter the answers in vastgoedcheck "
                        "afterwards; once filled in, this paper is confidential."
                    )
                ),
                styles.small,
            ),
            *_data_to_note(pack, styles),
        ]
        for section in pack.sections:
            # The title and introduction keep with the first question (never alone at a foot).
            story.append(Paragraph(escape(section.title.get(language)), styles.heading))
            if section.intro is not None:
                story.append(Paragraph(escape(section.intro.get(language)), styles.legend))
            story.extend(_question(q, pack, styles, language) for q in section.questions)
        story.append(Paragraph(escape(_("Date, place and signature")), styles.heading))
        story.append(Paragraph(escape(WRITING_LINE), styles.body))
        frame = PageFrame(
            title=_("Blank checklist") + " · " + title,
            marking=_("Confidential once filled in").upper(),
            footer=_("Checklist {id}, version {version}").format(id=pack.id, version=pack.version),
            footer_detail=_("Printed {date}").format(date=format_date(printed_on)),
        )
        metadata = Metadata(
            title=_("Blank checklist") + ": " + title,
            author="vastgoedcheck",
            subject=pack.description.get(language),
            keywords=f"vastgoedcheck-checklist pack={pack.id} version={pack.version}",
            language=babel_locale(language).replace("_", "-"),
        )
        return render(story, frame, metadata)
