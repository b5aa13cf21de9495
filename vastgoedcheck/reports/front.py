"""The first page of a report, as a recipient reads it: who reports and how to reach them, what
the matter is, the signals in a few lines and the reporter's own statement of facts."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.pack import Kind, Question
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.field_labels import field_label, field_text, party_role_label
from vastgoedcheck.i18n.formatting import format_date, format_datetime
from vastgoedcheck.i18n.labels import answer_text
from vastgoedcheck.reports.content import ReportContext, label_table
from vastgoedcheck.reports.escaping import escape, text_paragraphs
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.reports.styles import WIDTH, grid

SIGNAL_ICON = "⚠"
GAP = 5 * mm
HALF = (WIDTH - GAP) / 2
BRIEF_NOTE = 160  # characters of a note in the signals in brief; the whole note is below
BRIEF_SIGNALS = 3  # signals in brief on page 1; all of them are in the details
MISSING = "–"
# The order of the kinds in the signals in brief: the objective indicator first.
KIND_ORDER = {Kind.OBJECTIVE: 0, Kind.SIGNAL: 1, Kind.DUTY: 2}


def check_reference(check: Check) -> str:
    """The user's own file or dossier number of the check, "" when none."""
    return check.reference.strip()


def reporter(context: ReportContext) -> list[Flowable]:
    """Who reports, how to reach them, their own reference and the date of the report."""
    person = context.reporter
    rows = [
        (_("Reported by"), person.name or _("(name not given)")),
        (_("Organisation"), person.organisation or MISSING),
        (_("Phone"), person.phone or MISSING),
        (_("E-mail"), person.email or MISSING),
    ]
    reference = check_reference(context.check)
    if reference:
        rows.append((_("Own reference"), reference))
    rows.append((_("Date of this report"), format_datetime(context.issued_at)))
    return [context.heading(_("Who reports")), *label_table(rows, context.styles, 0.4, HALF)]


def _address(data: dict[str, object]) -> str:
    street = str(data.get("address") or "").strip()
    place = " ".join(str(data.get(key) or "").strip() for key in ("postcode", "city")).strip()
    return ", ".join(part for part in (street, place) if part)


def _when(check: Check) -> str:
    if check.created_at is None:
        return MISSING
    started = format_date(check.created_at.date())
    ended = check.finalized_at or check.updated_at
    if ended is None or ended.date() == check.created_at.date():
        return started
    return _("{start} to {end}").format(start=started, end=format_date(ended.date()))


def matter(context: ReportContext) -> list[Flowable]:
    """The property, the parties by role and name, and when and where the check was done."""
    check, profile = context.check, context.profile
    data = dict(check.property)
    rows = [(_("Property"), context.note_text(_address(data)) or _("(no address recorded)"))]
    for name in ("object_type", "transaction", "transaction_date", "transaction_place"):
        if name in profile.property_fields and data.get(name) not in (None, ""):
            rows.append((field_label(name), context.note_text(field_text(name, data[name]))))
    names = [
        _("{role}: {name}").format(
            role=party_role_label(party.role), name=party.name or _("(no name)")
        )
        for party in check.parties
    ]
    rows.append((_("Parties"), "; ".join(names) or _("No party is named in this check.")))
    rows.append((_("Date of the check"), _when(check)))
    return [
        context.heading(_("What the matter is")),
        *label_table(rows, context.styles, 0.4, HALF),
    ]


def case(context: ReportContext) -> list[Flowable]:
    """Who reports beside what the matter is: both at a glance, at the top of page 1."""
    cell = grid(
        [[reporter(context), matter(context)]],
        [HALF + GAP, HALF],
        [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, 0), GAP)],
    )
    return [cell]


def _brief_note(context: ReportContext, question: Question) -> str:
    answer = context.check.answers.get(question.id)
    if answer is None or not answer.note.strip() or not context.may_show_notes(question):
        return ""  # no note, or this recipient gets the answer only
    note = " ".join(context.note_text(answer.note).split())
    if len(note) > BRIEF_NOTE:
        note = note[:BRIEF_NOTE].rsplit(" ", 1)[0] + " … " + _("(the whole note is below)")
    return note


def signals(context: ReportContext) -> list[Flowable]:
    """Each signal this report shows in a line or two: the question, the answer, the details
    asked after it (amounts, dates) and the start of the note."""
    styles = context.styles
    flowables: list[Flowable] = [context.heading(_("The signals in brief"))]
    flagged = [q for q in context.shown if q.id in context.flagged]
    flagged.sort(key=lambda q: KIND_ORDER.get(context.flagged[q.id].kind, 3))
    if not flagged:
        empty = (
            _("No signal was answered 'yes' in this check.")
            if context.profile.recipient is Recipient.DOSSIER
            else _("This report shows no signal.")
        )
        return [*flowables, Paragraph(escape(empty), styles.body)]
    for question in flagged[:BRIEF_SIGNALS]:
        answer = answer_text(question, context.values.get(question.id)).upper()
        line = f"{SIGNAL_ICON} {question.id}  {question.label.get(context.language)}: {answer}"
        flowables.append(Paragraph(escape(line), styles.cell_bold))
        details = [
            _("{question}: {answer}").format(
                question=detail.label.get(context.language),
                answer=context.note_text(answer_text(detail, context.values.get(detail.id))),
            )
            for detail in context.details_of(question.id)
        ]
        note = _brief_note(context, question)
        if note:
            details.append(_("Note: {note}").format(note=note))
        for detail in details:
            flowables.append(Paragraph(escape(detail), styles.note))
    more = len(flagged) - BRIEF_SIGNALS
    if more > 0:
        text = ngettext(
            "{count} more signal is in the details below.",
            "{count} more signals are in the details below.",
            more,
        ).format(count=more)
        flowables.append(Paragraph(escape(text), styles.cell_bold))
    return flowables


def statement(context: ReportContext) -> list[Flowable]:
    """The reporter's own account of the facts for this recipient, as they wrote it."""
    styles = context.styles
    flowables: list[Flowable] = [context.heading(_("Statement of facts by the reporter"))]
    text = context.statement.strip()
    if not text:
        missing = _("The reporter has written no statement of facts for this report.")
        return [*flowables, Paragraph(escape(missing), styles.small)]
    return [*flowables, *text_paragraphs(context.note_text(text), styles.body)]
