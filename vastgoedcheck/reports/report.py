"""A check's report for one recipient: the cover, what the report holds, the parts the profile
allows, the signature block, in the report's own language."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from vastgoedcheck.domain.assessment import Assessment, Channel, assess_check
from vastgoedcheck.domain.check import Check, Examiner, Status
from vastgoedcheck.domain.pack import Pack, Role
from vastgoedcheck.domain.report_record import ReportRecord
from vastgoedcheck.i18n import _, language_scope
from vastgoedcheck.i18n.formatting import babel_locale, format_datetime
from vastgoedcheck.i18n.labels import role_label, status_label
from vastgoedcheck.i18n.outcome_text import channel_label
from vastgoedcheck.i18n.pack_review import legal_position_text, review_text
from vastgoedcheck.reports import (
    advice,
    answers,
    evidence,
    facts,
    fiu_section,
    front,
    records_section,
)
from vastgoedcheck.reports.archival import ArchiveMetadata, archival
from vastgoedcheck.reports.choice import from_draft_allowed
from vastgoedcheck.reports.content import ReportContext, label_table
from vastgoedcheck.reports.escaping import escape
from vastgoedcheck.reports.fiu_form import form_json
from vastgoedcheck.reports.legal_basis import legal_basis
from vastgoedcheck.reports.origin import Origin, origin_keywords
from vastgoedcheck.reports.pages import Metadata, PageFrame, render
from vastgoedcheck.reports.profiles import PROFILES, Recipient
from vastgoedcheck.reports.qr import QrCode
from vastgoedcheck.reports.styles import RULE, WIDTH, grid, make_styles

QR_SIZE = 32 * mm
OPEN_CHANNELS = (Channel.POLICE, Channel.ANONYMOUS, Channel.MUNICIPALITY)


class ReportRefused(Exception):
    """This report cannot be made for this check; the message is one sentence saying why."""


def _refusal(check: Check, recipient: Recipient, result: Assessment) -> str | None:
    profile = PROFILES[recipient]
    if profile.wwft_only and not result.wwft:
        channels = "; ".join(channel_label(c) for c in OPEN_CHANNELS)
        if check.role is Role.LANDLORD:
            why = _(
                "FIU-Nederland only takes reports from Wwft institutions (estate agents and "
                "notaries), not from landlords"
            )
        else:
            why = _(
                "your mediation in a rental below €10,000 a month falls outside the Wwft, so "
                "FIU-Nederland is not open to you for this check"
            )
        return _(
            "This check cannot be reported to FIU-Nederland: {why}; report instead to: {channels}"
        ).format(why=why, channels=channels)
    if (
        profile.needs_final
        and check.status is Status.DRAFT
        and not from_draft_allowed(recipient, result)
    ):
        if recipient is Recipient.FIU:
            return _(
                "The check {id} is a draft without a recorded indicator: a report for "
                "FIU-Nederland can be made from a draft once the objective or the subjective "
                "indicator is answered 'yes'; otherwise finalize it first"
            ).format(id=check.id)
        return _(
            "The check {id} is a draft: finalize it first, because a report for {recipient} "
            "must show a fixed record with its fingerprint"
        ).format(id=check.id, recipient=_(profile.name))
    return None


def _qr_value(check: Check) -> str:
    return f"vastgoedcheck:{check.id}:{check.revision}:{check.fingerprint}"


def _when(moment: dt.datetime | None) -> str:
    return format_datetime(moment) if moment is not None else "–"


def _record(context: ReportContext) -> list[Flowable]:
    """The record this report was made of, for whoever needs to trace or verify it: ids,
    revision, checklist version, time stamps and the digital fingerprint as a QR code."""
    check, pack, styles = context.check, context.pack, context.styles
    rows = [
        (_("Check ID"), check.id),
        (_("Revision"), str(check.revision)),
        (
            _("Checklist"),
            _("{title} ({id}, version {version})").format(
                title=pack.title.get(context.language), id=pack.id, version=pack.version
            ),
        ),
        (_("Role"), role_label(check.role)),
        (_("Examiner"), check.examiner.name or "–"),
        (_("Organisation"), check.examiner.organisation or "–"),
        (_("Started"), _when(check.created_at)),
        (_("Last changed"), _when(check.updated_at)),
        (_("Finalized"), _when(check.finalized_at)),
        (_("Status"), status_label(check.status)),
        (_("Report made"), format_datetime(context.issued_at)),
    ]
    if check.fingerprint:
        rows.append((_("Digital fingerprint (SHA-256)"), check.fingerprint))
    if check.amends is not None:
        rows.insert(
            2,
            (
                _("Corrects"),
                _(
                    "revision {revision} (digital fingerprint {fingerprint}), because: {reason}"
                ).format(
                    revision=check.amends.revision,
                    fingerprint=check.amends.fingerprint,
                    reason=check.amends.reason,
                ),
            ),
        )
    heading = context.heading(_("Record of this report"))
    if not check.fingerprint:
        return [heading, *label_table(rows, styles, label_width=0.3)]
    details = label_table(rows, styles, label_width=0.3, width=WIDTH - QR_SIZE - 6 * mm)
    caption = Paragraph(escape(_("Digital fingerprint of the check, as a QR code")), styles.small)
    block = grid(
        [[details, [QrCode(_qr_value(check), QR_SIZE), caption]]],
        [WIDTH - QR_SIZE - 6 * mm, QR_SIZE + 6 * mm],
        [("LEFTPADDING", (0, 0), (-1, -1), 0)],
    )
    return [KeepTogether([heading, block])]


def _scope(context: ReportContext) -> list[Flowable]:
    """What this report contains and what it leaves out, stated on its first page."""
    profile, styles = context.profile, context.styles
    flowables: list[Flowable] = [context.heading(_("About this report"))]
    # In smaller print than the case above it, so that page 1 holds both in most reports.
    small = ParagraphStyle("scope", parent=styles.bullet, fontSize=8.5, leading=11)
    flowables.extend(Paragraph(escape(_(line)), small, bulletText="•") for line in profile.contains)
    left_out = profile.left_out(context.assessment.wwft, context.pack)
    if left_out:
        flowables.append(Paragraph(escape(_("Left out:")), styles.cell_bold))
        flowables.extend(Paragraph(escape(line), small, bulletText="•") for line in left_out)
    else:
        flowables.append(Paragraph(escape(_("Nothing is left out.")), styles.cell_bold))
    # How to handle the report: after the list, not read as one more thing left out.
    handling = ParagraphStyle("handling", parent=styles.body, fontSize=8.5, leading=11)
    flowables.extend(Paragraph(escape(_(line)), handling) for line in profile.omits)
    basis = legal_basis(profile.recipient, context.check, context.assessment.wwft)
    flowables.append(Paragraph(escape(basis), handling))
    # The checklist's legal position is for the user's own file; an authority reads the case.
    # That the checklist is overdue for review is said to every reader.
    own_file = profile.recipient is Recipient.DOSSIER
    position = legal_position_text(context.pack, context.language)
    if position and own_file:
        text = _("Legal position: {text}").format(text=position)
        flowables.append(Paragraph(escape(text), styles.small))
    due = context.pack.review_due(dt.date.today())
    review = review_text(context.pack, dt.date.today())
    if review and (own_file or due):
        flowables.append(Paragraph(escape(review), styles.cell_bold if due else styles.small))
    return flowables


def _signature(context: ReportContext) -> list[Flowable]:
    styles = context.styles
    examiner = context.check.examiner
    blank = "_" * 40
    rows: list[list[Flowable]] = [
        [
            Paragraph(escape(_("Name")), styles.label),
            Paragraph(escape(examiner.name or blank), styles.cell),
        ],
        [
            Paragraph(escape(_("Organisation")), styles.label),
            Paragraph(escape(examiner.organisation or blank), styles.cell),
        ],
        [Paragraph(escape(_("Place and date")), styles.label), Paragraph(blank, styles.cell)],
        [Paragraph(escape(_("Signature")), styles.label), Spacer(1, 16 * mm)],
    ]
    table = grid(rows, [WIDTH * 0.3, WIDTH * 0.7], [("LINEBELOW", (1, 3), (1, 3), 0.6, RULE)])
    statement = _("The examiner confirms that this report reflects the check as it was recorded.")
    return [
        KeepTogether(
            [context.heading(_("Signature")), Paragraph(escape(statement), styles.body), table]
        )
    ]


def _opening(context: ReportContext) -> list[Flowable]:
    """The title and the warnings a reader must see before anything else."""
    styles, pack = context.styles, context.pack
    story: list[Flowable] = [
        Paragraph(escape(_(context.profile.title)), styles.title),
        Paragraph(escape(pack.title.get(context.language)), styles.subtitle),
    ]
    if context.check.status is Status.DRAFT:
        lines = [
            _("Draft: this check is not finalized."),
            _("Its answers can still change and it has no digital fingerprint yet."),
        ]
        if context.profile.indicators:
            lines = [
                _("Made from a draft: the check is not finalized yet."),
                _(
                    "An unusual transaction is reported without delay (Wwft art. 16), so this "
                    "report was made before every question was answered. Its answers can still "
                    "change; the finalized check follows."
                ),
            ]
        story += [Spacer(1, 2 * mm), advice.warning_box(context, lines)]
    if advice.needs_tipping_off_warning(context):
        story += [
            Spacer(1, 2 * mm),
            advice.warning_box(
                context, [_("Duty of confidentiality (art. 23 Wwft)"), advice.tipping_off_text()]
            ),
        ]
    return story


def _story(context: ReportContext, workers: ThreadPoolExecutor) -> list[Flowable]:
    """Page 1 is the case (who reports, the matter, the signals, the statement, what the report
    holds and why it may be made); then the details; the record of the report comes last."""
    profile = context.profile
    story = _opening(context)
    story += front.case(context)
    story += front.signals(context)
    story += front.statement(context)
    story += _scope(context)
    evidence_items = evidence.collect_evidence(context, workers)
    numbers = evidence.photo_numbers(evidence_items)
    if profile.recipient is Recipient.FIU:
        story += fiu_section.reporting_form(context, context.statement)
    else:
        story += facts.parties(context)
        story += facts.property_block(context)
    if profile.outcome:
        story += advice.outcome(context)
    if profile.decision:
        story += advice.decision(context)
    if context.internal:
        story += records_section.records(context)
    story += answers.answers(context, numbers)
    story += evidence.attachments(context, evidence_items)
    if profile.recipient is Recipient.DOSSIER:
        # Press articles and blogs behind the checklist are for the user's own file; an
        # authority reads the facts.
        story += evidence.sources(context)
    story += _signature(context)
    story += _record(context)
    return story


def build_report(
    check: Check,
    pack: Pack,
    recipient: Recipient,
    language: str,
    attachment_content: Callable[[str], bytes],
    issued_at: dt.datetime,
    *,
    internal: bool = False,
    records: Sequence[ReportRecord] = (),
    reporter: Examiner | None = None,
    statement: str = "",
) -> bytes:
    """The PDF for ``recipient`` in ``language`` (``nl`` or ``en``), made by ``reporter``
    (default: the check's examiner) with the reporter's ``statement`` of facts. ReportRefused
    says why a report cannot be made (FIU-Nederland for a landlord, a draft for an authority).

    ``internal``: the dossier with FIU decisions and the report ``records``, marked on every
    page as not for the client (art. 23 Wwft); only the dossier has an internal version."""
    result = assess_check(pack, check)
    refusal = _refusal(check, recipient, result)  # in the language of the messages
    if refusal is None and internal and recipient is not Recipient.DOSSIER:
        refusal = _("Only the dossier report has an internal version")
    if refusal is not None:
        raise ReportRefused(refusal)
    with language_scope(language):
        profile = PROFILES[recipient]
        made_by = reporter if reporter is not None else check.examiner
        context = ReportContext(
            check,
            pack,
            profile,
            result,
            make_styles(),
            language,
            attachment_content,
            issued_at,
            internal=internal,
            records=tuple(records) if internal else (),
            reporter=made_by,
            statement=statement,
        )
        title = _(profile.title)
        reference = front.check_reference(check)
        marking = _("Confidential")
        if check.status is Status.DRAFT:
            draft = _("Made from a draft") if profile.indicators else _("Draft")
            marking = draft + " · " + marking
        if internal:
            marking = _("Internal — not for the client") + " · " + marking
        frame = PageFrame(
            title=f"{title} · {pack.title.get(language)}",
            marking=marking.upper(),
            # The ids and the fingerprint are in the record at the end, not on every page.
            footer=_("Own reference: {reference}").format(reference=reference) if reference else "",
            footer_detail=_("Report made {when}").format(when=format_datetime(issued_at)),
            warning=advice.tipping_off_text() if profile.indicators else "",
        )
        author = ", ".join(part for part in (made_by.name, made_by.organisation) if part)
        metadata = Metadata(
            title=f"{title}: {pack.title.get(language)} ({check.id})",
            author=author or "vastgoedcheck",
            subject=" ".join(_(line) for line in profile.contains),
            keywords=origin_keywords(Origin(check.id, check.revision, recipient.value)),
            language=babel_locale(language).replace("_", "-"),
        )
        with evidence.photo_workers() as workers:
            pdf = render(_story(context, workers), frame, metadata)
        archive = ArchiveMetadata(
            title=metadata.title,
            language=metadata.language,
            identifier=f"vastgoedcheck:check:{check.id}:revision:{check.revision}",
        )
        return archival(pdf, archive)


def build_fiu_json(
    check: Check, pack: Pack, language: str, issued_at: dt.datetime, statement: str = ""
) -> bytes:
    """The content of the report for FIU-Nederland as JSON, for the reporting portal's upload
    route; refused (ReportRefused) exactly when the PDF for FIU-Nederland would be."""
    result = assess_check(pack, check)
    refusal = _refusal(check, Recipient.FIU, result)
    if refusal is not None:
        raise ReportRefused(refusal)
    with language_scope(language):
        party_fields = PROFILES[Recipient.FIU].party_fields
        document = form_json(check, pack, result, language, party_fields, issued_at, statement)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
