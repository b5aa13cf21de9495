"""A stored check's retention facts: what the rules of ``domain.retention`` look at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.decisions import REPORT_UNSPECIFIED, DecisionCode, current_code
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.domain.report_record import (
    RecordKind,
    ReportChannel,
    ReportRecord,
    current_records,
)
from vastgoedcheck.domain.retention import RetentionFacts, RetentionStatus, retention_status
from vastgoedcheck.domain.scope import transaction, wwft_applies

# Decisions that record a suspicion (criminal-nature data, art. 33 UAVG).
SUSPICION_DECISIONS = frozenset(
    {
        DecisionCode.REPORT_POLICE.value,
        DecisionCode.REPORT_MUNICIPALITY.value,
        DecisionCode.REPORT_FIU.value,
        DecisionCode.ESCALATE.value,
        REPORT_UNSPECIFIED,
    }
)


def local_day(moment: dt.datetime | None) -> dt.date | None:
    return None if moment is None else moment.astimezone().date()


def iso_day(value: object) -> dt.date | None:
    """A date stored as a date or as ISO text (a date or a moment); None otherwise."""
    if isinstance(value, dt.datetime):
        return local_day(value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def rejected_applicant(check: Check, pack: Pack, wwft: bool) -> bool:
    """Whether the check turned an applicant down: a decision not to proceed, taken before the
    lease runs (a tenant's check during the tenancy is about a tenant, not an applicant)."""
    if check.decision is None:
        return False
    if current_code(check.decision.outcome, wwft) != DecisionCode.DO_NOT_PROCEED.value:
        return False
    stages = pack.stages
    if stages is None or stages.running_from is None:
        return True
    stage = pack.stage(check.answer_values())
    return stages.position(stage) < stages.position(stages.running_from)


def signal_noted(check: Check, pack: Pack) -> bool:
    """Whether a note was written with an answer that is a risk signal: an observation about a
    possible offence, criminal-nature data (art. 10 AVG; DOMAIN §1.6 guardrail 5)."""
    noted = {qid for qid, answer in check.answers.items() if answer.note.strip()}
    if not noted:
        return False
    assessment = assess_check(pack, check)
    return any(item.signal and item.question_id in noted for item in assessment.items)


def retention_facts(
    check: Check,
    pack: Pack,
    records: Sequence[ReportRecord],
    settings: Mapping[str, Any],
    first_finalized: dt.date | None,
) -> RetentionFacts:
    """The facts of ``check`` (its latest revision) with its report records, the user's
    retention ``settings`` (the check file's ``retention`` table) and the day its first
    revision was finalized (None when none was)."""
    wwft = wwft_applies(pack, check.role, check.property)
    finalized = first_finalized
    if finalized is None and check.status is Status.FINAL:
        finalized = local_day(check.finalized_at)
    standing = [r for r in current_records(records) if r.kind is RecordKind.REPORTED]
    reported = [r.on for r in standing]
    decided = None
    if check.decision is not None and current_code(check.decision.outcome, wwft) in (
        SUSPICION_DECISIONS
    ):
        decided = local_day(check.decision.decided_at) or finalized
    noted = finalized if finalized is not None and signal_noted(check, pack) else None
    suspicion = max(
        [*reported, *([decided] if decided else []), *([noted] if noted else [])], default=None
    )
    fiu = max((r.on for r in standing if r.channel is ReportChannel.FIU), default=None)
    changed = local_day(check.updated_at or check.created_at) or dt.date.today()
    return RetentionFacts(
        pack_id=check.pack_id,
        role=check.role.value,
        wwft=wwft,
        finalized_on=finalized,
        changed_on=changed,
        rejected=rejected_applicant(check, pack, wwft),
        letting=transaction(pack, check.property) == "rental",
        suspicion_on=suspicion,
        fiu_report_on=fiu,
        transaction_on=iso_day(check.property.get("transaction_date")),
        relationship_end=iso_day(settings.get("relationship_end")),
        adjusted_erase_on=iso_day(settings.get("erase_on")),
        adjusted_reason=settings.get("reason") if isinstance(settings.get("reason"), str) else None,
        adjusted_review_on=iso_day(settings.get("review_on")),
        review_reason=_text(settings.get("review_reason")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def status_of(
    check: Check,
    pack: Pack,
    records: Sequence[ReportRecord],
    settings: Mapping[str, Any],
    first_finalized: dt.date | None,
) -> RetentionStatus:
    return retention_status(retention_facts(check, pack, records, settings, first_finalized))


def row_dates(status: RetentionStatus) -> dict[str, str | None]:
    """The summary row's retention fields (ISO dates or None)."""
    return {
        "erase_on": None if status.erase_on is None else status.erase_on.isoformat(),
        "review_on": None if status.review_on is None else status.review_on.isoformat(),
    }
