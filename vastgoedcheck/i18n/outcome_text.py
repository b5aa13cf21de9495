"""The words for an assessment: outcome, reasons, follow-ups and report channels."""

from __future__ import annotations

from vastgoedcheck.domain.assessment import Assessment, Channel, FollowUp, Outcome, Reason
from vastgoedcheck.domain.decisions import REPORT_UNSPECIFIED, DecisionCode, current_code
from vastgoedcheck.domain.pack import Cluster, Kind, Pack, Question
from vastgoedcheck.i18n import N_, _, current_language, ngettext
from vastgoedcheck.i18n.field_labels import field_label, field_text
from vastgoedcheck.i18n.formatting import format_number
from vastgoedcheck.i18n.labels import flag_label

OUTCOME_LABELS = {
    Outcome.PROCEED: N_("Proceed"),
    Outcome.EXTRA_CHECKS: N_("Proceed only after extra checks"),
    Outcome.ESCALATE: N_("Escalate: get a second opinion"),
    Outcome.REPORT_RECOMMENDED: N_("Report recommended"),
    Outcome.MUST_REPORT: N_("Must report to FIU-Nederland without delay"),
}
STOP_LABEL = N_("STOP: do not proceed")
# A stop and a report advice together, said in one sentence.
STOP_AND_REPORT = {
    Outcome.REPORT_RECOMMENDED: N_("STOP: do not proceed; a report is recommended"),
    Outcome.MUST_REPORT: N_("STOP: do not proceed, and report to FIU-Nederland without delay"),
}

# Decisions are worded as what the user decided, not as advice levels.
DECISION_LABELS = {
    DecisionCode.PROCEED: N_("Proceed"),
    DecisionCode.PROCEED_WITH_CONDITIONS: N_("Proceed with conditions"),
    DecisionCode.ESCALATE: N_("Escalate: decide after a second opinion"),
    DecisionCode.DO_NOT_PROCEED: N_("Do not proceed: refuse"),
    DecisionCode.REPORT_POLICE: N_("Report to the police or Meld Misdaad Anoniem"),
    DecisionCode.REPORT_MUNICIPALITY: N_("Report to the municipality"),
    DecisionCode.REPORT_FIU: N_("Report to FIU-Nederland"),
}
# An old report decision whose channel was not recorded with it.
REPORT_UNSPECIFIED_LABEL = N_("Report (channel not recorded)")

CLUSTER_LABELS = {
    Cluster.ID: N_("identity and accountability"),
    Cluster.MON: N_("money and payments"),
    Cluster.STR: N_("ownership and structure"),
    Cluster.PRC: N_("price and valuation"),
    Cluster.USE: N_("use of the premises"),
    Cluster.CON: N_("concealment and obstruction"),
    Cluster.CTX: N_("context"),
}

CHANNEL_LABELS = {
    Channel.EMERGENCY: N_("112, when there is acute danger"),
    Channel.FIU: N_("FIU-Nederland, through its reporting portal"),
    Channel.POLICE: N_("Police: 0900-8844, or a report at a police station"),
    Channel.ANONYMOUS: N_("Meld Misdaad Anoniem: 0800-7000 or the online form"),
    Channel.MUNICIPALITY: N_("The municipality (meldpunt ondermijning or woonfraude)"),
    Channel.SANCTIONS: N_(
        "A sanctions hit: the Ministry of the Interior (BZK) for real estate of a listed person, "
        "and the police for a possible violation"
    ),
}

REASONS = {
    "knockout": N_("Knock-out {id}: {label}"),
    "knockout_unknown": N_(
        "The answer to knock-out {id} is unknown; find it out before you continue: {label}"
    ),
    "unknown_serious": N_("{id} is unknown on a serious item: {label}"),
    "objective": N_("{id} meets an objective Wwft reporting indicator: {label}"),
    "objective_no_wwft": N_("{id} would be an objective indicator for a Wwft institution: {label}"),
    "duty_cdd": N_("{id}: client due diligence is not complete: {label}"),
    "duty_edd": N_("{id}: enhanced due diligence is required: {label}"),
    "duty_ubo_discrepancy": N_("{id}: the UBO register differs from your own findings: {label}"),
    "sanctions_hit": N_("{id}: a party is on a sanctions list: {label}"),
    "sanctions_recorded_hit": N_("The sanctions screening recorded for a party is a hit."),
    "sanctions_contradiction": N_(
        "{id} is answered as no hit, but the sanctions screening recorded for a party is a hit: "
        "the answer contradicts the screening."
    ),
    "sanctions_possible_hit": N_(
        "The sanctions screening recorded for a party is a possible hit that is not resolved yet."
    ),
    "contradiction": N_("{id} contradicts another answer: {reason}"),
    "form_contradiction": N_(
        "{id} is answered {answer}, but the parties and property form gives {field} {value}: "
        "correct the answer or the form."
    ),
    "critical_signal": N_("{id} is a critical signal: {label}"),
    "high_signal": N_("{id} is a high-risk signal: {label}"),
    "pattern": N_("Coherent pattern: {count} signals point the same way ({cluster})"),
    "score": N_(
        "Score {score}, which leads to '{level}' (from 6: '{extra}'; from 15: '{escalate}'; "
        "from 25: '{report}')"
    ),
    # The outcome is higher than the score alone: the score did not decide it.
    "score_not_deciding": N_(
        "Score {score}, which on its own would lead to '{level}'; the outcome '{outcome}' "
        "follows from the other reasons, not from the score"
    ),
    "cdd_incomplete_with_signals": N_(
        "Client due diligence is incomplete and there are serious signals"
    ),
    "fiu_not_open": N_(
        "FIU-Nederland is not open to you for this matter: only Wwft institutions "
        "report there. Report to the police or Meld Misdaad Anoniem instead."
    ),
}

FOLLOW_UPS = {
    "find_out": N_("Find out and record: {label} ({id})"),
    "edd": N_(
        "{id}: perform and document enhanced due diligence: source of wealth and of funds, "
        "approval by senior management, closer monitoring."
    ),
    "sanctions_wwft": N_(
        "Sanctions hit: do not carry out the transaction and make no funds or property available, "
        "directly or indirectly; freeze what you hold (EU sanctions regulations, Sanctiewet 1977). "
        "Report the intended transaction to FIU-Nederland as an unusual transaction."
    ),
    "sanctions_private": N_(
        "Sanctions hit: do not let, sell or hand over anything and accept no money, directly or "
        "indirectly; freeze what you hold (EU sanctions regulations, Sanctiewet 1977). "
        "FIU-Nederland is not open to you: report real estate of a listed person to the Ministry "
        "of the Interior (BZK) and a possible violation to the police."
    ),
    "sanctions_verify": N_(
        "Possible sanctions hit: first establish whether the party is the listed person (date of "
        "birth, address, other details of the listing); until then make nothing available."
    ),
    "ubo_discrepancy": N_(
        "{id}: report the difference to the KVK (terugmeldplicht, art. 10c Wwft), record your own "
        "findings and carry on with your due diligence."
    ),
    "safety": N_(
        "{id}: acute danger: do not confront anyone, do not go in and touch nothing; keep your "
        "distance (at least 25 m from drug waste, with the wind at your back) and call 112."
    ),
    "cdd_incomplete": N_(
        "Client due diligence is not complete: do not enter into the relationship and do not "
        "carry out the transaction, and end an existing relationship (art. 5 lid 3 Wwft). If "
        "there are indications of money laundering, report to FIU-Nederland (art. 16 lid 4 Wwft)."
    ),
    "stop_landlord": N_("Do not proceed: do not sign the lease and do not hand over the keys."),
    "stop_broker": N_(
        "Do not proceed: do not let the purchase or lease agreement be signed and do not continue "
        "your service."
    ),
    "stop_landlord_running": N_(
        "Stop: do not extend or change the lease and accept no cash. Record what you saw, report "
        "it, and take legal advice on ending the lease (art. 7:231 BW); never enter the home "
        "without the tenant's consent."
    ),
    "stop_broker_running": N_(
        "Stop: end your service for this lease; record what you saw and report it."
    ),
    "stop_notary": N_(
        "Do not proceed: do not pass the deed. Where only the cash is the problem, refuse the cash "
        "and have the amount paid through a bank."
    ),
    "proceed_wwft": N_(
        "Finalize the check and plan when you will update the client due diligence."
    ),
    "proceed_private": N_("Finalize the check and plan the first inspection."),
    "extra_checks_wwft": N_("Complete and document the checks listed here before you continue."),
    "extra_checks_private": N_(
        "Ask for the missing documents, plan a second meeting and include "
        "an inspection clause before you sign."
    ),
    "extra_checks_private_running": N_(
        "Ask the tenant for the missing information and plan an inspection with the tenant's "
        "consent and in the tenant's presence."
    ),
    "escalate_broker": N_(
        "Escalate within your own office: you or your compliance officer decide whether the "
        "subjective indicator is met and, if so, report to FIU-Nederland yourself (art. 16 Wwft). "
        "Do not discuss a possible report with the notary, the client or the counterparty "
        "(geheimhoudingsplicht, art. 23 Wwft)."
    ),
    "escalate_notary": N_(
        "Escalate within your own office: you or your compliance officer decide whether the "
        "subjective indicator is met and, if so, report to FIU-Nederland yourself (art. 16 Wwft). "
        "Do not discuss a possible report with the estate agent, the lender or the parties "
        "(geheimhoudingsplicht, art. 23 Wwft)."
    ),
    "escalate_private_running": N_(
        "Do not extend or change the lease yet. Record what you see and, if needed, consult the "
        "municipality or the police liaison, sharing no more personal data than needed."
    ),
    "escalate_private": N_(
        "Do not sign yet. If needed, consult the municipality or the police "
        "liaison, sharing no more personal data than needed."
    ),
    "report_recommended_wwft": N_(
        "Mark the transaction as unusual and report it to "
        "FIU-Nederland (subjective indicator). If in doubt, report."
    ),
    "report_recommended_private": N_(
        "Report to the police, to Meld Misdaad Anoniem or to the "
        "municipality. Do not confront anyone; you do not need "
        "proof."
    ),
    "must_report_wwft": N_("Report to FIU-Nederland without delay through its reporting portal."),
    "report_content": N_(
        "Put in the report (art. 16 lid 2 Wwft): the identity of the client, of the UBOs and of "
        "anyone for whom the transaction is carried out; the type and number of their identity "
        "documents; the nature, time and place of the transaction; the amount, origin and "
        "destination of all funds involved, cash included; and why the transaction is unusual."
    ),
    "tipping_off": N_(
        "Do not tell the client or anyone else that you report or have reported "
        "(duty of confidentiality, art. 23 Wwft)."
    ),
    "retention": N_(
        "Keep a copy of the report and FIU-Nederland's acknowledgement for five years."
    ),
    "record_rent": N_(
        "Record the monthly rent: from €10,000 a month the Wwft applies to your mediation and "
        "you report unusual transactions to FIU-Nederland."
    ),
    "record_transaction": N_(
        "Record the transaction (purchase or sale, rental, operation, financing): whether the "
        "Wwft applies to you depends on it."
    ),
    "record_decision": N_(
        "Record your decision and your reasoning, also when you decide not to report."
    ),
    # Under a duty to report, not reporting is no lawful choice, so the clause is left out.
    "record_decision_must_report": N_("Record your decision and your reasoning."),
}


def outcome_label(outcome: Outcome) -> str:
    return _(OUTCOME_LABELS[outcome])


def stop_label() -> str:
    return _(STOP_LABEL)


def level_headline(outcome: Outcome, stop: bool) -> str:
    """The advice in one line: a stop with a report advice is one sentence, not two labels."""
    if not stop:
        return outcome_label(outcome)
    combined = STOP_AND_REPORT.get(outcome)
    return _(combined) if combined is not None else stop_label()


def headline(assessment: Assessment) -> str:
    return level_headline(assessment.outcome, assessment.stop)


def decision_label(decided: str, wwft: bool) -> str:
    """A recorded decision in words; a code of an earlier version as the decision it meant."""
    code = current_code(decided, wwft)
    if code == REPORT_UNSPECIFIED:
        return _(REPORT_UNSPECIFIED_LABEL)
    try:
        return _(DECISION_LABELS[DecisionCode(code)])
    except ValueError:
        return decided  # not a code of any version: shown as stored


def channel_label(channel: Channel) -> str:
    return _(CHANNEL_LABELS[channel])


def cluster_label(cluster: Cluster) -> str:
    return _(CLUSTER_LABELS[cluster])


def _label(pack: Pack, question_id: str | None) -> str:
    question = pack.question(question_id) if question_id else None
    return question.label.get(current_language()) if question else ""


def reason_text(reason: Reason, pack: Pack, assessment: Assessment) -> str:
    """One reason as a sentence, with the escalation that applied to its item, if any."""
    if reason.code == "score":
        levels = {
            "extra": outcome_label(Outcome.EXTRA_CHECKS),
            "escalate": outcome_label(Outcome.ESCALATE),
            "report": outcome_label(Outcome.REPORT_RECOMMENDED),
        }
        score, level = format_number(reason.value or 0), outcome_label(reason.level)
        if assessment.outcome > reason.level:
            return _(REASONS["score_not_deciding"]).format(
                score=score, level=level, outcome=outcome_label(assessment.outcome)
            )
        return _(REASONS["score"]).format(score=score, level=level, **levels)
    if reason.code == "pattern":
        assert reason.cluster is not None
        count = next(
            len(p.question_ids) for p in assessment.patterns if p.cluster == reason.cluster
        )
        return _(REASONS["pattern"]).format(count=count, cluster=cluster_label(reason.cluster))
    question = pack.question(reason.question_id) if reason.question_id else None
    if reason.code in ("contradiction", "form_contradiction") and question is not None:
        return _contradiction_text(reason, question, assessment)
    text = _(REASONS[reason.code]).format(
        id=reason.question_id, label=_label(pack, reason.question_id)
    )
    item = next((i for i in assessment.items if i.question_id == reason.question_id), None)
    if question is not None and item is not None and reason.code in ("knockout", "objective"):
        for index in item.escalated_by:
            escalation = question.escalations[index]
            # Each line gives only the escalation that made it: the knock-out line the one that
            # stops, the indicator line the one that makes the item objective.
            made_it = (
                escalation.knockout
                if reason.code == "knockout"
                else escalation.kind is Kind.OBJECTIVE
            )
            if escalation.reason is not None and made_it:
                text += " (" + escalation.reason.get(current_language()) + ")"
    return text


def _contradiction_text(reason: Reason, question: Question, assessment: Assessment) -> str:
    """Two answers, or an answer and the form, that cannot both be true, as one sentence."""
    if reason.code == "contradiction":
        contradiction = question.contradictions[int(reason.detail[0])]
        return _(REASONS["contradiction"]).format(
            id=question.id, reason=contradiction.reason.get(current_language())
        )
    field, value = reason.detail
    item = next((i for i in assessment.items if i.question_id == question.id), None)
    answer = flag_label(item.answer) if item is not None else ""
    return _(REASONS["form_contradiction"]).format(
        id=question.id,
        answer=f"'{answer}'",
        field=field_label(field),
        value=f"'{field_text(field, value)}'",
    )


def follow_up_text(follow_up: FollowUp, pack: Pack) -> str:
    if follow_up.code == "unanswered":
        return ngettext(
            "{count} required question is not answered yet.",
            "{count} required questions are not answered yet.",
            follow_up.count,
        ).format(count=follow_up.count)
    return _(FOLLOW_UPS[follow_up.code]).format(
        id=follow_up.question_id, label=_label(pack, follow_up.question_id)
    )


def advice_parts(assessment: Assessment, pack: Pack) -> list[tuple[str, list[str]]]:
    """The advice in words, by part: why, what to do next, where to report (empty parts left
    out)."""
    parts = [
        (_("Why"), [reason_text(r, pack, assessment) for r in assessment.reasons]),
        (_("What to do next"), [follow_up_text(f, pack) for f in assessment.follow_ups]),
        (_("Where to report"), [channel_label(c) for c in assessment.report_channels]),
    ]
    return [(title, lines) for title, lines in parts if lines]
