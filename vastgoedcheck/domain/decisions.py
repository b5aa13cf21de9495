"""The decisions a person can record, per role and scope, and how older decision codes read.

A decision is what *this* user can decide, not an advice level: a landlord cannot report to
FIU-Nederland (only Wwft institutions can, art. 16 Wwft), so that decision is offered only to an
estate agent or notary who is a Wwft institution for this matter (see ``domain.scope``).
"""

from __future__ import annotations

from enum import StrEnum

from vastgoedcheck.domain.assessment import Assessment, Outcome


class DecisionCode(StrEnum):
    PROCEED = "proceed"
    PROCEED_WITH_CONDITIONS = "proceed_with_conditions"
    ESCALATE = "escalate"  # not decided yet: a second opinion first
    DO_NOT_PROCEED = "do_not_proceed"
    REPORT_POLICE = "report_police"  # the police or Meld Misdaad Anoniem
    REPORT_MUNICIPALITY = "report_municipality"
    REPORT_FIU = "report_fiu"  # only for a Wwft institution in a Wwft matter


# Codes that earlier versions stored: the advice levels themselves. They are still read, and
# shown as the decision they meant; stored revisions are never rewritten, because a finalized
# revision's digital fingerprint covers its decision.
LEGACY_CODES = ("extra_checks", "report_recommended", "must_report", "stop")
# What an old report decision meant when the channel was not recorded with it.
REPORT_UNSPECIFIED = "report"


def decisions_for(wwft: bool) -> tuple[DecisionCode, ...]:
    """The decisions offered to a user: FIU-Nederland only within the Wwft."""
    return tuple(code for code in DecisionCode if wwft or code is not DecisionCode.REPORT_FIU)


def current_code(code: str, wwft: bool) -> str:
    """The decision a stored code means today: a ``DecisionCode`` value, or ``"report"`` for an
    old report decision whose channel cannot be told (or an unknown code, unchanged)."""
    if code in DecisionCode.__members__.values():
        return code
    if code == "extra_checks":
        return DecisionCode.PROCEED_WITH_CONDITIONS.value
    if code == "stop":
        return DecisionCode.DO_NOT_PROCEED.value
    if code == "must_report":
        # Only a Wwft institution has a duty to report; it reports to FIU-Nederland.
        return DecisionCode.REPORT_FIU.value if wwft else REPORT_UNSPECIFIED
    if code == "report_recommended":
        return REPORT_UNSPECIFIED
    return code


def fiu_decision(code: str, wwft: bool) -> bool:
    """Whether a recorded decision is about reporting to FIU-Nederland: restricted, never in
    client-facing output (art. 23 Wwft). An old report decision of a Wwft matter counts."""
    meaning = current_code(code, wwft)
    return meaning == DecisionCode.REPORT_FIU or (wwft and meaning == REPORT_UNSPECIFIED)


def advised(assessment: Assessment) -> tuple[DecisionCode, ...]:
    """The decisions the advice points to: the report first where one is due, then the course."""
    found: list[DecisionCode] = []
    if assessment.outcome >= Outcome.REPORT_RECOMMENDED:
        found.append(DecisionCode.REPORT_FIU if assessment.wwft else DecisionCode.REPORT_POLICE)
    if assessment.stop:
        found.append(DecisionCode.DO_NOT_PROCEED)
    elif assessment.outcome is Outcome.ESCALATE:
        found.append(DecisionCode.ESCALATE)
    elif assessment.outcome is Outcome.EXTRA_CHECKS:
        found.append(DecisionCode.PROCEED_WITH_CONDITIONS)
    elif assessment.outcome is Outcome.PROCEED:
        found.append(DecisionCode.PROCEED)
    return tuple(found)


def duty_to_report(assessment: Assessment) -> bool:
    """Whether a report to FIU-Nederland is a duty here, not a choice: an objective indicator
    (art. 4 Uitvoeringsbesluit Wwft 2018 and its annex) or incomplete client due diligence with
    indications (art. 16 lid 4 Wwft), for a Wwft institution. Not reporting is then no lawful
    decision."""
    return assessment.wwft and assessment.outcome is Outcome.MUST_REPORT
