"""The retention rules on their own: the dates each rule gives, at the edges."""

from __future__ import annotations

import datetime as dt

from vastgoedcheck.domain.retention import (
    BASIS,
    RetentionFacts,
    Rule,
    add_months,
    add_years,
    retention_status,
)
from vastgoedcheck.i18n.retention_text import BASIS_TEXT

FINAL = dt.date(2026, 3, 2)


def facts(**given: object) -> RetentionFacts:
    values: dict[str, object] = {
        "pack_id": "landlord-residential",
        "role": "landlord",
        "wwft": False,
        "finalized_on": FINAL,
        "changed_on": FINAL,
        "letting": True,
    }
    return RetentionFacts(**{**values, **given})  # type: ignore[arg-type]


def test_the_rejected_applicant_is_erased_28_days_after_the_selection() -> None:
    status = retention_status(facts(rejected=True))
    assert (status.rule, status.erase_on) == (Rule.REJECTED_APPLICANT, dt.date(2026, 3, 30))
    assert status.due_on(dt.date(2026, 3, 29)) is None
    assert status.due_on(dt.date(2026, 3, 30)) == "erase"


def test_a_tenancy_ending_on_a_leap_day_is_kept_until_the_28th() -> None:
    status = retention_status(facts(relationship_end=dt.date(2028, 2, 29)))
    assert status.erase_on == dt.date(2030, 2, 28)


def test_the_wwft_period_runs_from_the_transaction_or_the_later_report() -> None:
    wwft = {"role": "broker", "wwft": True, "letting": False}
    on_transaction = retention_status(facts(**wwft, transaction_on=dt.date(2026, 4, 1)))
    assert on_transaction.legal_until == dt.date(2031, 4, 1)
    reported = retention_status(
        facts(**wwft, relationship_end=dt.date(2026, 4, 1), fiu_report_on=dt.date(2026, 9, 9))
    )
    assert reported.legal_until == reported.erase_on == dt.date(2031, 9, 9)
    assert reported.held_on(dt.date(2031, 9, 8)) and not reported.held_on(dt.date(2031, 9, 9))
    unknown = retention_status(facts(**wwft))
    assert unknown.legal_hold and unknown.held_on(dt.date(2099, 1, 1))


def test_an_adjusted_date_never_comes_before_the_legal_end() -> None:
    status = retention_status(
        facts(
            role="notary",
            wwft=True,
            letting=False,
            relationship_end=dt.date(2026, 1, 1),
            adjusted_erase_on=dt.date(2027, 1, 1),
            adjusted_reason="asked",
        )
    )
    assert status.rule is Rule.WWFT_NOTARY and status.erase_on == dt.date(2031, 1, 1)


def test_outside_a_letting_the_matter_is_kept_two_years_and_a_suspicion_reviewed() -> None:
    status = retention_status(
        facts(
            pack_id="hospitality-leisure",
            letting=False,
            relationship_end=dt.date(2026, 6, 30),
            suspicion_on=dt.date(2026, 1, 31),
        )
    )
    assert status.rule is Rule.RELATIONSHIP and status.erase_on == dt.date(2028, 6, 30)
    assert status.review_on == dt.date(2027, 1, 31) and status.review_basis is not None
    assert status.due_on(dt.date(2027, 2, 1)) == "review"


def test_a_draft_is_only_reviewed() -> None:
    status = retention_status(facts(finalized_on=None, changed_on=dt.date(2026, 8, 31)))
    assert (status.rule, status.erase_on, status.review_on) == (
        Rule.DRAFT,
        None,
        dt.date(2027, 8, 31),
    )


def test_date_arithmetic() -> None:
    assert add_years(dt.date(2024, 2, 29), 5) == dt.date(2029, 2, 28)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 12) == dt.date(2027, 11, 15)


def test_every_rule_has_its_sentence_marked_for_translation() -> None:
    assert set(BASIS) == set(Rule) == set(BASIS_TEXT)
    assert all(BASIS[rule] == BASIS_TEXT[rule] for rule in Rule)
