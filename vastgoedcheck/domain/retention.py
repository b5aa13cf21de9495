"""How long a check is kept: the retention rule per pack, role and outcome, and its dates.

The rules and their legal sources (docs/retention.md says the same for users):

* **Wwft record** — an estate agent or notary who is a Wwft institution for the matter
  (``domain.scope``) keeps the client due diligence and transaction data for five years after
  the end of the business relationship or after the transaction (art. 33 lid 3 Wwft), and the
  data of a report to FIU-Nederland for five years after the report (art. 34 lid 2 Wwft).
  Before that date the record may not be erased (``legal_until``); after it, art. 34a Wwft
  has the personal data destroyed. While the end of the relationship is not known, the legal
  end is not known either and the record stays. The
  notary keeps only the check here; notarial deeds are kept under the Wna, not in this app.
* **Rejected applicant** — a landlord (or a letting agent outside the Wwft, who screens for
  the landlord) erases a turned-down applicant's screening data four weeks after the selection
  is final: storage limitation (art. 5 lid 1 sub e AVG), with the four weeks taken by analogy
  from the Dutch Data Protection Authority's line for job applicants (a recommendation, not a
  statutory period). Only a non-identifying record of the selection criteria and the reason is
  kept, which the Wet goed verhuurderschap asks for (art. 2 lid 2 sub a and art. 3 lid 1
  Wgv: published, objective selection criteria and a reason for the rejected applicant; the
  erasure record).
* **Tenant** — the screening and inspection record of a tenant is kept for the tenancy plus two
  years, as evidence of due care should the mayor close the premises (art. 13b Opiumwet) or a
  facilitation charge be brought (art. 11a Opiumwet). This is a recommendation (DOMAIN §4.4);
  no statute fixes it. The same rule serves an owner or operator's other relationships
  (hospitality, a notary or agent outside the Wwft): the end of the matter plus two years.
* **Suspicion** — a decision to report, a report to the police, Meld Misdaad Anoniem or the
  municipality, an escalation, or a note written with an answer that is a risk signal (an
  observation of a possible offence) is criminal-nature data (art. 10 AVG; art. 33 UAVG allows it
  only while needed to protect the user's interests). Outside the Wwft such a check is
  reviewed 12 months after the report or decision (a recommendation); a rejected applicant
  with a report is not erased after four weeks but at that review.
* **Draft** — a check that was never finalized holds no decision and is reviewed 12 months
  after its last change; the user then finishes or deletes it.

Where DOMAIN.md and the law differ the law wins: the Wwft period runs from the end of the
relationship or the transaction and, for a report, from the report (art. 34 Wwft) — not from
the check's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

REJECTED_APPLICANT_WEEKS = 4
TENANT_YEARS = 2
WWFT_YEARS = 5
REVIEW_MONTHS = 12


class Rule(StrEnum):
    """Which retention rule applies (stored in erasure records and shown in ``--json``)."""

    WWFT = "wwft"
    WWFT_NOTARY = "wwft_notary"
    REJECTED_APPLICANT = "rejected_applicant"
    TENANT = "tenant"
    RELATIONSHIP = "relationship"  # outside the Wwft and not a letting: the matter + 2 years
    SUSPICION = "suspicion"  # a rejected applicant with a report: reviewed, not erased at once
    DRAFT = "draft"


# The sentence for each rule (English msgid; i18n/retention_text.py marks the same sentences
# for translation and a test keeps the two in step).
BASIS: dict[Rule, str] = {
    Rule.WWFT: (
        "Wwft record: kept for 5 years after the end of the business relationship or the "
        "transaction, and a report to FIU-Nederland for 5 years after the report "
        "(art. 33 and 34 Wwft)"
    ),
    Rule.WWFT_NOTARY: (
        "Wwft record of the notary: kept for 5 years after the end of the business relationship "
        "or the transaction (art. 33 and 34 Wwft); the deeds themselves are not kept in this app"
    ),
    Rule.REJECTED_APPLICANT: (
        "Rejected applicant: erased 4 weeks after the selection is final (storage limitation, "
        "art. 5 GDPR); only a record of the selection criteria and the reason is kept"
    ),
    Rule.TENANT: (
        "Tenant: kept for the tenancy and 2 more years as evidence of due care "
        "(recommendation; art. 13b Opium Act)"
    ),
    Rule.RELATIONSHIP: (
        "Kept for 2 years after the end of the relationship or the matter (recommendation; "
        "storage limitation, art. 5 GDPR)"
    ),
    Rule.SUSPICION: (
        "Suspicion or report: criminal-nature data, reviewed 12 months after the report or "
        "decision and erased when no longer needed (art. 33 UAVG; recommendation)"
    ),
    Rule.DRAFT: (
        "Draft never finalized: reviewed 12 months after its last change (storage limitation, "
        "art. 5 GDPR)"
    ),
}
# The review of criminal-nature data in a check kept on another rule (a tenant, a matter).
REVIEW_BASIS = BASIS[Rule.SUSPICION]


@dataclass(frozen=True)
class RetentionFacts:
    """What the rules look at, gathered by the store from a check and its records."""

    pack_id: str
    role: str  # a domain.pack.Role value
    wwft: bool  # a Wwft institution for this matter (domain.scope.wwft_applies)
    finalized_on: dt.date | None  # the first finalization; None for a draft never finalized
    changed_on: dt.date  # the last change
    rejected: bool = False  # an applicant turned down (decision not to proceed before letting)
    letting: bool = False  # the screening of an applicant or tenant for a letting
    # the latest report, decision to report or escalation, or (the day the check was
    # finalized) a note written with a risk signal
    suspicion_on: dt.date | None = None
    fiu_report_on: dt.date | None = None  # latest report to FIU-Nederland
    transaction_on: dt.date | None = None  # the transaction date recorded with the property
    relationship_end: dt.date | None = None  # set by the user
    adjusted_erase_on: dt.date | None = None  # set by the user, with a reason
    adjusted_reason: str | None = None
    # after a review the user keeps the check until another review (with a reason)
    adjusted_review_on: dt.date | None = None
    review_reason: str | None = None


@dataclass(frozen=True)
class RetentionStatus:
    """A check's retention: when it is erased or reviewed, and until when the law keeps it."""

    rule: Rule
    basis: str  # English sentence of the rule (translated by i18n.retention_text)
    erase_on: dt.date | None  # None: not known yet (e.g. the end of the tenancy is not set)
    review_on: dt.date | None  # criminal-nature data: reviewed then
    legal_until: dt.date | None  # a Wwft record may not be erased before this date
    relationship_end: dt.date | None
    adjusted_reason: str | None
    needs_relationship_end: bool
    review_basis: str | None = None  # the sentence of the review, when it has its own rule
    rule_erase_on: dt.date | None = None  # the rule's own date, before any adjustment
    review_reason: str | None = None  # why the review was put off, after the last review

    @property
    def legal_hold(self) -> bool:
        """Whether erasure is refused whatever the date: a Wwft record whose end is unknown."""
        return self.rule in (Rule.WWFT, Rule.WWFT_NOTARY) and self.legal_until is None

    def held_on(self, day: dt.date) -> bool:
        """Whether the law forbids erasing the check on ``day``."""
        return self.legal_hold or (self.legal_until is not None and day < self.legal_until)

    def due_on(self, day: dt.date) -> str | None:
        """``"erase"`` when the check is due for erasure on ``day``, ``"review"`` when for a
        review, else None."""
        if self.erase_on is not None and self.erase_on <= day and not self.held_on(day):
            return "erase"
        if self.review_on is not None and self.review_on <= day:
            return "review"
        return None


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` so many years later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _later(*days: dt.date | None) -> dt.date | None:
    known = [day for day in days if day is not None]
    return max(known) if known else None


def retention_status(facts: RetentionFacts) -> RetentionStatus:
    """The retention of a check from its facts (see the module's docstring for the rules)."""
    status = _by_rule(facts)
    if facts.adjusted_erase_on is not None and not status.legal_hold:
        status = _adjusted(status, facts)
    if facts.adjusted_review_on is not None and status.review_on is not None:
        # kept after a review: looked at again then, or later when a newer suspicion asks so
        review_on = max(status.review_on, facts.adjusted_review_on)
        status = replace(status, review_on=review_on, review_reason=facts.review_reason)
    return status


def _adjusted(status: RetentionStatus, facts: RetentionFacts) -> RetentionStatus:
    assert facts.adjusted_erase_on is not None
    erase_on = facts.adjusted_erase_on
    if status.legal_until is not None:
        erase_on = max(erase_on, status.legal_until)  # never before the law allows
    return RetentionStatus(
        status.rule,
        status.basis,
        erase_on,
        status.review_on,
        status.legal_until,
        status.relationship_end,
        facts.adjusted_reason,
        False,
        status.review_basis,
        status.rule_erase_on,
    )


def _by_rule(facts: RetentionFacts) -> RetentionStatus:
    end = facts.relationship_end
    if facts.finalized_on is None:
        draft_review = add_months(facts.changed_on, REVIEW_MONTHS)
        return _status(Rule.DRAFT, None, draft_review, None, end, needs_end=False)
    if facts.wwft:
        rule = Rule.WWFT_NOTARY if facts.role == "notary" else Rule.WWFT
        ended = end or facts.transaction_on
        report_until = (
            None if facts.fiu_report_on is None else add_years(facts.fiu_report_on, WWFT_YEARS)
        )
        if ended is None:
            return _status(rule, None, None, None, end, needs_end=True)
        legal = _later(add_years(ended, WWFT_YEARS), report_until)
        return _status(rule, legal, None, legal, end, needs_end=False)
    review = None if facts.suspicion_on is None else add_months(facts.suspicion_on, REVIEW_MONTHS)
    if facts.letting and facts.rejected:
        if review is not None:  # kept to support the report, until its review
            return _status(Rule.SUSPICION, None, review, None, end, needs_end=False)
        final = end or facts.finalized_on
        assert final is not None  # finalized: checked above
        erase_after = final + dt.timedelta(weeks=REJECTED_APPLICANT_WEEKS)
        return _status(Rule.REJECTED_APPLICANT, erase_after, None, None, end, needs_end=False)
    rule = Rule.TENANT if facts.letting else Rule.RELATIONSHIP
    erase = None if end is None else add_years(end, TENANT_YEARS)
    return _status(rule, erase, review, None, end, needs_end=end is None)


def _status(
    rule: Rule,
    erase_on: dt.date | None,
    review_on: dt.date | None,
    legal_until: dt.date | None,
    end: dt.date | None,
    *,
    needs_end: bool,
) -> RetentionStatus:
    review_basis = REVIEW_BASIS if review_on is not None and rule is not Rule.SUSPICION else None
    if rule is Rule.DRAFT:
        review_basis = None
    return RetentionStatus(
        rule=rule,
        basis=BASIS[rule],
        erase_on=erase_on,
        review_on=review_on,
        legal_until=legal_until,
        relationship_end=end,
        adjusted_reason=None,
        needs_relationship_end=needs_end,
        review_basis=review_basis,
        rule_erase_on=erase_on,
    )


@dataclass(frozen=True)
class DueCheck:
    """A check due for erasure or for a review on a given day."""

    check_id: str
    label: str  # how the user knows it: the parties' names or the address (never logged)
    pack_id: str
    due_on: dt.date
    kind: str  # "erase" or "review"
