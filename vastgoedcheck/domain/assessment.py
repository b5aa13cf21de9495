"""The risk rules (DOMAIN §3): from a pack, a role and answers to an explained outcome.

The assessment advises; a person decides. It returns codes and item ids only; the words shown to
a user are made from them in ``vastgoedcheck.i18n.outcome_text``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum, StrEnum

from vastgoedcheck.domain.check import AnswerValue, Check
from vastgoedcheck.domain.completeness import deciding_questions, open_questions
from vastgoedcheck.domain.conditions import group_holds, visible_question_ids
from vastgoedcheck.domain.form_facts import answer_contradictions, form_contradictions
from vastgoedcheck.domain.pack import (
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
from vastgoedcheck.domain.scope import Scope, transaction, wwft_applies

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
    SANCTIONS = "sanctions"  # the authorities for a sanctions hit, for those without the FIU


@dataclass(frozen=True)
class Reason:
    """Why the outcome is what it is: a rule ``code``, the level it leads to, and its item."""

    code: str
    level: Outcome
    question_id: str | None = None
    value: Decimal | None = None  # the score, for score rules
    cluster: Cluster | None = None  # for pattern rules
    # For contradictions: the index of the pack's contradiction, or the form's field and value.
    detail: tuple[str, ...] = ()


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
    signal: bool  # the answer is the question's risk signal
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
    open_questions: tuple[str, ...] = ()  # shown questions that decide the outcome, unanswered
    deciding: int = 0  # how many shown questions decide the outcome

    @property
    def complete(self) -> bool:
        """Whether every shown question that decides the outcome is answered."""
        return not self.open_questions

    @property
    def undecided(self) -> bool:
        """Too early for advice: questions that decide the outcome are open, and nothing
        answered so far calls for more than "proceed". "Proceed" is then no advice at all; a
        stop or a stronger level found already stands, with the rest still open beside it."""
        return not self.complete and self.outcome is Outcome.PROCEED and not self.stop


def _read_item(
    question: Question, answer: FlagValue, values: Mapping[str, AnswerValue | None]
) -> ItemResult:
    assert question.severity is not None and question.kind is not None
    severity, kind, knockout, applied = question.severity, question.kind, question.knockout, []
    signal = answer is question.signal_answer
    if signal:
        for index, escalation in enumerate(question.escalations):
            if group_holds(escalation.when, values):
                applied.append(index)
                knockout = knockout or escalation.knockout
                if escalation.kind is not None:
                    kind = escalation.kind
                if escalation.severity is not None:
                    severity = max(severity, escalation.severity, key=lambda s: s.weight)
    weight = Decimal(severity.weight)
    if signal:
        points = weight
    elif answer is FlagValue.UNKNOWN:
        points = weight if kind is Kind.DUTY or knockout else weight / 2
    else:
        points = Decimal(0)
    return ItemResult(question.id, answer, signal, severity, kind, knockout, points, tuple(applied))


@dataclass
class _Tally:
    """What the answers add up to while the items are read one by one."""

    wwft: bool
    reasons: list[Reason] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    items: list[ItemResult] = field(default_factory=list)
    by_cluster: dict[Cluster, list[str]] = field(default_factory=lambda: defaultdict(list))
    stop: bool = False
    cdd_gaps: set[str] = field(default_factory=set)  # CDD steps that failed or are unknown
    strong_signals: set[str] = field(default_factory=set)  # high/critical signals given
    observed_crime: bool = False  # a serious observation of crime at the property itself
    sanctions_safe: list[str] = field(default_factory=list)  # sanctions items answered "no hit"
    dangers: list[str] = field(default_factory=list)  # items that describe acute danger now

    @property
    def report_level(self) -> Outcome:
        """How strong the report advice for a legal trigger is: a duty for a Wwft institution."""
        return Outcome.MUST_REPORT if self.wwft else Outcome.REPORT_RECOMMENDED

    def unknown(self, question: Question, item: ItemResult) -> None:
        qid = question.id
        self.follow_ups.append(FollowUp("find_out", qid))
        if item.knockout and question.unknown_stops:
            self.stop = True
            self.reasons.append(Reason("knockout_unknown", Outcome.EXTRA_CHECKS, qid))
        elif item.severity in (Severity.HIGH, Severity.CRITICAL):
            self.reasons.append(Reason("unknown_serious", Outcome.EXTRA_CHECKS, qid))
        if question.duty_type is DutyType.CDD:
            self.cdd_gaps.add(qid)

    def safe(self, question: Question) -> None:
        if question.duty_type is DutyType.SANCTIONS:
            self.sanctions_safe.append(question.id)

    def signal(self, question: Question, item: ItemResult) -> None:
        qid = question.id
        if question.cluster is not None:
            self.by_cluster[question.cluster].append(qid)
        if question.duty_type is DutyType.SANCTIONS and item.kind is Kind.DUTY:
            self.sanctions_hit("sanctions_hit", qid)
            return
        if item.knockout:
            self.stop = True
            self.reasons.append(Reason("knockout", Outcome.PROCEED, qid))
        if item.kind is Kind.OBJECTIVE:
            if self.wwft:
                self.reasons.append(Reason("objective", Outcome.MUST_REPORT, qid))
            else:
                self.reasons.append(Reason("objective_no_wwft", Outcome.REPORT_RECOMMENDED, qid))
        if item.kind is Kind.DUTY:
            self.duty(question, qid)
        if item.kind is Kind.SIGNAL or question.also_signal:
            if item.severity is Severity.CRITICAL:
                self.strong_signals.add(qid)
                self.reasons.append(Reason("critical_signal", Outcome.REPORT_RECOMMENDED, qid))
            elif item.severity is Severity.HIGH:
                self.strong_signals.add(qid)
                self.reasons.append(Reason("high_signal", Outcome.ESCALATE, qid))
            if item.severity is Severity.CRITICAL and question.cluster is Cluster.USE:
                self.observed_crime = True
        if question.safety:
            self.observed_crime = True
            self.dangers.append(qid)

    def duty(self, question: Question, qid: str) -> None:
        if question.duty_type is DutyType.UBO_DISCREPANCY:
            self.reasons.append(Reason("duty_ubo_discrepancy", Outcome.PROCEED, qid))
            self.follow_ups.append(FollowUp("ubo_discrepancy", qid))
            return
        self.reasons.append(Reason(f"duty_{question.duty_type}", Outcome.EXTRA_CHECKS, qid))
        if question.duty_type is DutyType.CDD:
            self.cdd_gaps.add(qid)
        else:
            self.follow_ups.append(FollowUp(str(question.duty_type), qid))

    def sanctions_hit(self, code: str, qid: str | None = None) -> None:
        """A sanctions hit stops the matter for every role; it is reported by another route."""
        self.stop = True
        self.reasons.append(Reason(code, self.report_level, qid))
        audience = "wwft" if self.wwft else "private"
        self.follow_ups.append(FollowUp(f"sanctions_{audience}"))

    def screenings(self, results: Sequence[str]) -> None:
        """The sanctions screenings recorded with the parties, held against the answers."""
        if "hit" in results:
            self.sanctions_hit("sanctions_recorded_hit")
            for qid in self.sanctions_safe:
                self.reasons.append(Reason("sanctions_contradiction", self.report_level, qid))
        elif "possible_hit" in results:
            self.stop = True
            self.reasons.append(Reason("sanctions_possible_hit", Outcome.EXTRA_CHECKS))
            self.follow_ups.append(FollowUp("sanctions_verify"))


def assess(
    pack: Pack,
    role: Role,
    answers: Mapping[str, AnswerValue | None],
    property_data: Mapping[str, object] | None = None,
    screenings: Sequence[str] = (),
) -> Assessment:
    """Apply the rule set to the visible answers of one check.

    ``screenings`` are the results of the sanctions screenings recorded with the parties
    (``no_hit``, ``possible_hit`` or ``hit``).
    """
    property_data = property_data or {}
    wwft = wwft_applies(pack, role, property_data)
    visible = visible_question_ids(pack, answers, Scope(role, wwft))
    values = {qid: value for qid, value in answers.items() if qid in visible}
    tally = _Tally(wwft)
    for question in pack.questions:
        value = values.get(question.id)
        if question.id not in visible or value is None:
            continue
        if question.scored and isinstance(value, FlagValue) and value is not FlagValue.NA:
            item = _read_item(question, value, values)
            tally.items.append(item)
            if value is FlagValue.UNKNOWN:
                tally.unknown(question, item)
            elif item.signal:
                tally.signal(question, item)
            else:
                tally.safe(question)
    tally.screenings(screenings)
    reasons, follow_ups = tally.reasons, tally.follow_ups
    # Answers that cannot all be true: the advice is not clear until they are corrected.
    for qid, index in answer_contradictions(pack, values, visible):
        reasons.append(Reason("contradiction", Outcome.EXTRA_CHECKS, qid, detail=(str(index),)))
    for found in form_contradictions(pack, property_data, values):
        if found.question_id in visible:
            detail = (found.field, found.value)
            reasons.append(
                Reason("form_contradiction", Outcome.EXTRA_CHECKS, found.question_id, detail=detail)
            )
    if tally.dangers:  # one safety step, however many items describe the danger
        follow_ups.insert(0, FollowUp("safety", ", ".join(tally.dangers)))

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
            reasons.append(Reason("cdd_incomplete_with_signals", tally.report_level))

    outcome = max((reason.level for reason in reasons), default=Outcome.PROCEED)
    if not wwft and any(
        r.code in ("objective_no_wwft", "cdd_incomplete_with_signals") for r in reasons
    ):
        reasons.append(Reason("fiu_not_open", Outcome.REPORT_RECOMMENDED))

    still_open = open_questions(pack, visible, values)
    if still_open:
        follow_ups.append(FollowUp("unanswered", count=len(still_open)))
    deal = transaction(pack, property_data)
    if role is Role.BROKER and deal == "rental" and "rent_monthly" not in property_data:
        follow_ups.append(FollowUp("record_rent"))
    if role is not Role.LANDLORD and pack.deal is Deal.ANY and deal is None:
        follow_ups.append(FollowUp("record_transaction"))
    running = _running(pack, answers)
    follow_ups.extend(_level_follow_ups(outcome, tally.stop, wwft, role, running))
    channels = _channels(
        outcome,
        wwft,
        danger=any(f.code == "safety" for f in follow_ups),
        crime=tally.observed_crime,
        sanctions=any(f.code == "sanctions_private" for f in follow_ups),
    )
    # Knock-outs first (they stop the matter), then the strongest reasons.
    reasons.sort(
        key=lambda reason: (
            not reason.code.startswith(("knockout", "sanctions")),
            -reason.level,
        )
    )
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
        open_questions=still_open,
        deciding=len(deciding_questions(pack, visible)),
    )


def screening_results(check: Check) -> tuple[str, ...]:
    """The results of every sanctions screening recorded with the check's parties and UBOs."""
    results: list[str] = []
    for party in check.parties:
        records = [party.data.get("sanctions_screening")]
        ubos = party.data.get("ubos")
        if isinstance(ubos, list | tuple):
            records += [u.get("sanctions_screening") for u in ubos if isinstance(u, Mapping)]
        results += [str(r["result"]) for r in records if isinstance(r, Mapping) and r.get("result")]
    return tuple(results)


def assess_check(pack: Pack, check: Check) -> Assessment:
    """The assessment of a recorded check: its answers, role, property and screenings."""
    return assess(pack, check.role, check.answer_values(), check.property, screening_results(check))


def _running(pack: Pack, answers: Mapping[str, AnswerValue | None]) -> bool:
    """Whether the lease or relationship already runs: no "do not sign yet" then."""
    stages = pack.stages
    if stages is None or stages.running_from is None:
        return False
    return stages.position(pack.stage(answers)) >= stages.position(stages.running_from)


def _level_follow_ups(
    outcome: Outcome, stop: bool, wwft: bool, role: Role, running: bool
) -> list[FollowUp]:
    """What to do at this level, worded for this role; nothing that contradicts a stop."""
    audience = "wwft" if wwft else "private"
    steps: list[FollowUp] = []
    if stop:
        steps.append(FollowUp(f"stop_{role.value}_running" if running else f"stop_{role.value}"))
    elif outcome is Outcome.ESCALATE and wwft:
        steps.append(FollowUp(f"escalate_{role.value}"))
    elif outcome <= Outcome.ESCALATE:
        suffix = "_running" if running and outcome is not Outcome.PROCEED else ""
        steps.append(FollowUp(f"{outcome.code}_{audience}{suffix}"))
    if outcome >= Outcome.REPORT_RECOMMENDED:
        steps.append(FollowUp(f"{outcome.code}_{audience}"))
    if outcome is Outcome.MUST_REPORT:
        steps.extend([FollowUp("report_content"), FollowUp("tipping_off"), FollowUp("retention")])
        steps.append(FollowUp("record_decision_must_report"))
    else:
        steps.append(FollowUp("record_decision"))
    return steps


def _channels(
    outcome: Outcome, wwft: bool, *, danger: bool, crime: bool, sanctions: bool
) -> tuple[Channel, ...]:
    """Where to report: 112 only for acute danger; the police first for a crime seen at the
    property, whatever the role; FIU-Nederland only for a Wwft institution's own transaction."""
    channels: list[Channel] = []
    if danger:
        channels.append(Channel.EMERGENCY)
    if sanctions:
        channels.append(Channel.SANCTIONS)
    if outcome >= Outcome.REPORT_RECOMMENDED:
        if wwft:
            if crime:
                channels.append(Channel.POLICE)
            channels.append(Channel.FIU)
        else:
            channels.extend([Channel.POLICE, Channel.ANONYMOUS, Channel.MUNICIPALITY])
    return tuple(channels)
