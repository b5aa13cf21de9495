"""The words for report records: channels, indicators, one record as a line, the status."""

from __future__ import annotations

from vastgoedcheck.domain.assessment import Assessment, Outcome
from vastgoedcheck.domain.report_record import (
    Indicator,
    RecordKind,
    ReportChannel,
    ReportRecord,
)
from vastgoedcheck.i18n import N_, _
from vastgoedcheck.i18n.formatting import format_date, format_datetime

CHANNEL_NAMES = {
    ReportChannel.FIU: N_("FIU-Nederland"),
    ReportChannel.POLICE: N_("the police"),
    ReportChannel.ANONYMOUS: N_("Meld Misdaad Anoniem"),
    ReportChannel.MUNICIPALITY: N_("the municipality"),
}
# The channels as a list offers them (the names above are for use in a sentence).
CHANNEL_CHOICES = {
    ReportChannel.FIU: N_("FIU-Nederland (reporting portal)"),
    ReportChannel.POLICE: N_("Police"),
    ReportChannel.ANONYMOUS: N_("Meld Misdaad Anoniem"),
    ReportChannel.MUNICIPALITY: N_("Municipality"),
}
INDICATOR_NAMES = {
    Indicator.OBJECTIVE: N_("objective indicator"),
    Indicator.SUBJECTIVE: N_("subjective indicator"),
}
STATUS_NAMES = {
    "open": N_("open"),
    "reported": N_("reported"),
    "not_reporting": N_("decided not to report"),
}


def channel_name(channel: ReportChannel) -> str:
    return _(CHANNEL_NAMES[channel])


def channel_choice(channel: ReportChannel) -> str:
    return _(CHANNEL_CHOICES[channel])


def indicator_name(indicator: Indicator) -> str:
    return _(INDICATOR_NAMES[indicator])


def status_name(status: str) -> str:
    return _(STATUS_NAMES.get(status, status))


def indicator_suggestion(assessment: Assessment) -> tuple[Indicator | None, str]:
    """The indicator the advice points to, and the items that meet it, as a first entry."""
    objective = [r.question_id for r in assessment.reasons if r.code == "objective"]
    if objective:
        return Indicator.OBJECTIVE, ", ".join(filter(None, objective))
    if assessment.wwft and assessment.outcome >= Outcome.REPORT_RECOMMENDED:
        signals = [
            r.question_id
            for r in assessment.reasons
            if r.code in ("critical_signal", "high_signal") and r.question_id
        ]
        return Indicator.SUBJECTIVE, ", ".join(signals)
    return None, ""


def record_line(record: ReportRecord) -> str:
    """One record in a sentence: what, where, when, with which reference."""
    if record.kind is RecordKind.NOT_REPORTING:
        return _("On {date}: decided not to report. Reasoning: {reasoning}").format(
            date=format_date(record.on), reasoning=record.reasoning
        )
    assert record.channel is not None
    line = _("On {date}: reported to {channel}").format(
        date=format_date(record.on), channel=channel_name(record.channel)
    )
    details = []
    if record.reference:
        details.append(_("reference {reference}").format(reference=record.reference))
    if record.indicator is not None:
        which = f" ({record.indicator_detail})" if record.indicator_detail else ""
        details.append(indicator_name(record.indicator) + which)
    if record.acknowledgement:
        details.append(
            _("acknowledgement: {acknowledgement}").format(acknowledgement=record.acknowledgement)
        )
    if record.reasoning:
        details.append(_("reasoning: {reasoning}").format(reasoning=record.reasoning))
    return "; ".join([line, *details])


def recorded_by(record: ReportRecord) -> str:
    """Who recorded it when, and what it corrects."""
    text = _("Recorded on {when} by {actor}").format(
        when=format_datetime(record.recorded_at), actor=record.actor or "–"
    )
    if record.corrects:
        text += " · " + _("corrects an earlier record, because: {reason}").format(
            reason=record.correction_reason
        )
    return text
