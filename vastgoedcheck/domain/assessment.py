"""The risk rules (DOMAIN §3): from a pack, a role and answers to an explained outcome.

The assessment advises; a person decides. It returns codes and item ids only; the words shown to
a user are made from them in ``vastgoedcheck.i18n.outcome_text``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum, StrEnum

from vastgoedcheck.domain.check import AnswerValue, Check
from vastgoedcheck.domain.conditions import group_holds, visible_question_ids
from vastgoedcheck.domain.pack import (
    WWFT_RENT_THRESHOLD,
    Cluster,
    Deal,
    DutyType,
    FlagValue,
    Kind,
    Pack,
    Question,
    Role,
    Severity,
)

CLUSTER_PATTERN_SIZE = 3
CLUSTER_PATTERN_BONUS = Decimal(6)


class Outcome(IntEnum):
    """The outcome ladder; a higher value is a stronger advice."""

    PROCEED = 0
    EXTRA_CHECKS = 1
    ESCALATE = 2
    REPORT_RECOMMENDED = 3
    MUST_REPORT = 4

    @property
    def code(self) -> str:
        return self.name.lower()


# Score thresholds of the outcome ladder, highest first.
SCORE_LEVELS = (
    (Decimal(25), Outcome.REPORT_RECOMMENDED),
    (Decimal(15), Outcome.ESCALATE),
    (Decimal(6), Outcome.EXTRA_CHECKS),
)


class Channel(StrEnum):
    FIU = "fiu"
    POLICE = "police"
    ANONYMOUS = "anonymous"  # Meld Misdaad Anoniem
    MUNICIPALITY = "municipality"
    EMERGENCY = "emergency"  # 112


@dataclass(frozen=True)
class Reason:
    """Why the outcome is what it is: a rule ``code``, the level it leads to, and its item."""

    code: str
    level: Outcome
    question_id: str | None = None
    value: Decimal | None = None  # the score, for score rules
    cluster: Cluster | None = None  # for pattern rules


@dataclass(frozen=True)
class FollowUp:
    code: str
    question_id: str | None = None
    count: int = 0


@dataclass(frozen=True)
class Pattern:
    cluster: Cluster
    question_ids: tuple[str, ...]


@dataclass(frozen=True)
class ItemResult:
    """How one answered flag was read: its effective kind and knock-out, and its points."""

    question_id: str
    answer: FlagValue
    severity: Severity
    kind: Kind
    knockout: bool
    points: Decimal
    escalated_by: tuple[int, ...] = ()  # indexes into the question's escalations


@dataclass(frozen=True)
class Assessment:
    outcome: Outcome
    stop: bool
    score: Decimal
    wwft: bool
    reasons: tuple[Reason, ...]
    follow_ups: tuple[FollowUp, ...]
    report_channels: tuple[Channel, ...]
    patterns: tuple[Pattern, ...]
    items: tuple[ItemResult, ...]


def _as_decimal(value: object) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            return Decimal(value)
        except ArithmeticError:
            return None
    return None


def wwft_applies(pack: Pack, role: Role, property_data: Mapping[str, object]) -> bool:
    """Whether the user is a Wwft institution for this matter (DOMAIN §1.2, §3 rule 5).

    A notary always is; a broker is in a sale or purchase, and in a rental only from €10,000
    monthly rent; a landlord never is.
    """
    if role is Role.NOTARY:
        return True
    if role is not Role.BROKER:
        return False
    if not _is_rental(pack, property_data):
        return True
    rent = _as_decimal(property_data.get("rent_monthly"))
    return rent is not None and rent >= WWFT_RENT_THRESHOLD


def _is_rental(pack: Pack, property_data: Mapping[str, object]) -> bool:
    return pack.deal is Deal.RENTAL or (
        pack.deal is Deal.ANY and property_data.get("transaction") == "rental"
    )


def _read_item(
    question: Question, answer: FlagValue, values: Mapping[str, AnswerValue | None]
) -> ItemResult:
    assert question.severity is not None and question.kind is not None
    kind, knockout, applied = question.kind, question.knockout, []
    if answer is FlagValue.YES:
        for index, escalation in enumerate(question.escalations):
            if group_holds(escalation.when, values):
                applied.append(index)
                knockout = knockout or escalation.knockout
                if escalation.kind is not None:
                    kind = escalation.kind
    weight = Decimal(question.severity.weight)
    if answer is FlagValue.YES:
        points = weight
    elif answer is FlagValue.UNKNOWN:
        points = weight if kind is Kind.DUTY or knockout else weight / 2
    else:
        points = Decimal(0)
    return ItemResult(
        question.id, answer, question.severity, kind, knockout, points, tuple(applied)
    )


@dataclass
class _Tally:
    """What the answers add up to while the items are read one by one."""

    reasons: list[Reason] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    items: list[ItemResult] = field(default_factory=list)
    by_cluster: dict[Cluster, list[str]] = field(default_factory=lambda: defaultdict(list))
    stop: bool = False
    cdd_gaps: set[str] = field(default_factory=set)  # CDD steps that failed or are unknown
    strong_signals: set[str] = field(default_factory=set)  # high/critical signals answered yes
    unanswered: int = 0

    def unknown(self, question: Question, item: ItemResult) -> None:
        qid = question.id
        self.follow_ups.append(FollowUp("find_out", qid))
        if item.knockout:
            self.stop = True
            self.reasons.append(Reason("knockout_unknown", Outcome.EXTRA_CHECKS, qid))
        elif item.severity in (Severity.HIGH, Severity.CRITICAL):
            self.reasons.append(Reason("unknown_serious", Outcome.EXTRA_CHECKS, qid))
        if question.duty_type is DutyType.CDD:
            self.cdd_gaps.add(qid)

    def yes(self, question: Question, item: ItemResult, wwft: bool) -> None:
        qid = question.id
        if question.cluster is not None:
            self.by_cluster[question.cluster].append(qid)
        if item.knockout:
            self.stop = True
            self.reasons.append(Reason("knockout", Outcome.PROCEED, qid))
        if item.kind is Kind.OBJECTIVE:
            if wwft:
                self.reasons.append(Reason("objective", Outcome.MUST_REPORT, qid))
            else:
                self.reasons.append(Reason("objective_no_wwft", Outcome.REPORT_RECOMMENDED, qid))
        if item.kind is Kind.DUTY:
            self.reasons.append(Reason(f"duty_{question.duty_type}", Outcome.EXTRA_CHECKS, qid))
            if question.duty_type is DutyType.CDD:
                self.cdd_gaps.add(qid)
            else:  # EDD or sanctions
                self.follow_ups.append(FollowUp(str(question.duty_type), qid))
        if item.kind is Kind.SIGNAL or question.also_signal:
            if item.severity is Severity.CRITICAL:
                self.strong_signals.add(qid)
                self.reasons.append(Reason("critical_signal", Outcome.REPORT_RECOMMENDED, qid))
            elif item.severity is Severity.HIGH:
                self.strong_signals.add(qid)
                self.reasons.append(Reason("high_signal", Outcome.ESCALATE, qid))
        if question.safety:
            self.follow_ups.append(FollowUp("safety", qid))


def assess(
    pack: Pack,
    role: Role,
    answers: Mapping[str, AnswerValue | None],
    property_data: Mapping[str, object] | None = None,
) -> Assessment:
    """Apply the rule set to the visible answers of one check."""
    property_data = property_data or {}
    wwft = wwft_applies(pack, role, property_data)
    visible = visible_question_ids(pack, answers)
    values = {qid: value for qid, value in answers.items() if qid in visible}
    tally = _Tally()
    for question in pack.questions:
        value = values.get(question.id)
        if question.id not in visible:
            continue
        if value is None:
            tally.unanswered += question.required
        elif question.scored and isinstance(value, FlagValue) and value is not FlagValue.NA:
            item = _read_item(question, value, values)
            tally.items.append(item)
            if value is FlagValue.UNKNOWN:
                tally.unknown(question, item)
            elif value is FlagValue.YES:
                tally.yes(question, item, wwft)
    reasons, follow_ups = tally.reasons, tally.follow_ups

    score = sum((item.points for item in tally.items), Decimal(0))
    patterns = tuple(
        Pattern(cluster, tuple(ids))
        for cluster, ids in tally.by_cluster.items()
        if len(ids) >= CLUSTER_PATTERN_SIZE
    )
    for pattern in patterns:
        score += CLUSTER_PATTERN_BONUS
        reasons.append(Reason("pattern", Outcome.PROCEED, cluster=pattern.cluster))
    for threshold, level in SCORE_LEVELS:
        if score >= threshold:
            reasons.append(Reason("score", level, value=score))
            break

    if tally.cdd_gaps:
        follow_ups.append(FollowUp("cdd_incomplete"))
        # "CDD incomplete and indications": the indication must be another item than the gap
        # itself (a DUTY+SOFT item such as BUY-23 alone is not both).
        if any(signal != gap for signal in tally.strong_signals for gap in tally.cdd_gaps):
            level = Outcome.MUST_REPORT if wwft else Outcome.REPORT_RECOMMENDED
            reasons.append(Reason("cdd_incomplete_with_signals", level))

    outcome = max((reason.level for reason in reasons), default=Outcome.PROCEED)
    if not wwft and any(
        r.code in ("objective_no_wwft", "cdd_incomplete_with_signals") for r in reasons
    ):
        reasons.append(Reason("fiu_not_open", Outcome.REPORT_RECOMMENDED))

    if tally.unanswered:
        follow_ups.append(FollowUp("unanswered", count=tally.unanswered))
    if (
        role is Role.BROKER
        and _is_rental(pack, property_data)
        and "rent_monthly" not in property_data
    ):
        follow_ups.append(FollowUp("record_rent"))
    follow_ups.extend(_level_follow_ups(outcome, tally.stop, wwft, role))
    channels = _channels(outcome, wwft, any(f.code == "safety" for f in follow_ups))
    # Knock-outs first (they stop the matter), then the strongest reasons.
    reasons.sort(key=lambda reason: (not reason.code.startswith("knockout"), -reason.level))
    return Assessment(
        outcome=outcome,
        stop=tally.stop,
        score=score,
        wwft=wwft,
        reasons=tuple(reasons),
        follow_ups=tuple(dict.fromkeys(follow_ups)),
        report_channels=channels,
        patterns=patterns,
        items=tuple(tally.items),
    )


def assess_check(pack: Pack, check: Check) -> Assessment:
    """The assessment of a recorded check: its answers, role and property."""
    return assess(pack, check.role, check.answer_values(), check.property)


def _level_follow_ups(outcome: Outcome, stop: bool, wwft: bool, role: Role) -> list[FollowUp]:
    audience = "wwft" if wwft else "private"
    steps: list[FollowUp] = []
    if stop:
        steps.append(FollowUp(f"stop_{role.value}"))
    steps.append(FollowUp(f"{outcome.code}_{audience}"))
    if outcome is Outcome.MUST_REPORT:
        steps.extend([FollowUp("report_content"), FollowUp("tipping_off"), FollowUp("retention")])
    steps.append(FollowUp("record_decision"))
    return steps


def _channels(outcome: Outcome, wwft: bool, danger: bool) -> tuple[Channel, ...]:
    channels: list[Channel] = []
    if danger:
        channels.append(Channel.EMERGENCY)
    if outcome >= Outcome.REPORT_RECOMMENDED:
        if wwft:
            channels.append(Channel.FIU)
            if danger:
                channels.append(Channel.POLICE)
        else:
            channels.extend([Channel.POLICE, Channel.ANONYMOUS, Channel.MUNICIPALITY])
    return tuple(channels)
