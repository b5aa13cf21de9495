"""The words for the fixed vocabulary of packs and checks: roles, severities, kinds, question
types, statuses and answers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from vastgoedcheck.domain.check import AnswerValue, Status
from vastgoedcheck.domain.pack import FlagValue, Kind, Question, QuestionType, Role, Severity
from vastgoedcheck.i18n import N_, _, current_language
from vastgoedcheck.i18n.formatting import format_amount, format_date, format_number

ROLE_LABELS = {
    Role.LANDLORD: N_("landlord"),
    Role.BROKER: N_("estate agent"),
    Role.NOTARY: N_("notary"),
}
SEVERITY_LABELS = {
    Severity.LOW: N_("low"),
    Severity.MEDIUM: N_("medium"),
    Severity.HIGH: N_("high"),
    Severity.CRITICAL: N_("critical"),
}
KIND_LABELS = {
    Kind.OBJECTIVE: N_("objective indicator"),
    Kind.DUTY: N_("legal duty"),
    Kind.SIGNAL: N_("signal"),
}
TYPE_LABELS = {
    QuestionType.FLAG: N_("yes/no"),
    QuestionType.TEXT: N_("text"),
    QuestionType.NUMBER: N_("number"),
    QuestionType.AMOUNT: N_("amount"),
    QuestionType.DATE: N_("date"),
    QuestionType.CHOICE: N_("choice"),
    QuestionType.MULTI_CHOICE: N_("multiple choice"),
    QuestionType.IDENTIFIER: N_("identifier"),
}

FLAG_LABELS = {
    FlagValue.YES: N_("yes"),
    FlagValue.NO: N_("no"),
    FlagValue.UNKNOWN: N_("unknown"),
    FlagValue.NA: N_("not applicable"),
}
STATUS_LABELS = {Status.DRAFT: N_("draft"), Status.FINAL: N_("final")}
# What an audit event records, by its action code (see storage/audit.py).
ACTION_LABELS = {
    "created": N_("created"),
    "imported": N_("imported"),
    "answer": N_("answer changed"),
    "note": N_("note changed"),
    "attachment_added": N_("attachment added"),
    "attachment_removed": N_("attachment removed"),
    "parties": N_("parties changed"),
    "property": N_("property changed"),
    "examiner": N_("examiner changed"),
    "reference": N_("own reference changed"),
    "language": N_("language changed"),
    "decision": N_("decision recorded"),
    "finalized": N_("finalized"),
    "amended": N_("amendment started"),
    "issued": N_("file issued"),
    # A finalized check whose ID-document number an earlier version may have cut at the wrong
    # end (store version 2).
    "id_number_doubtful": N_(
        "the ID-document number may have been cut at the wrong end: amend the check to record "
        "its last 4 characters"
    ),
    "report_recorded": N_("report record added"),
    "report_record_corrected": N_("report record corrected"),
    "relationship_end": N_("end of the relationship set"),
    "retention_adjusted": N_("erasure date changed"),
    "review_adjusted": N_("kept after a review"),
}


def role_label(role: Role) -> str:
    return _(ROLE_LABELS[role])


def severity_label(severity: Severity) -> str:
    return _(SEVERITY_LABELS[severity])


def flag_label(value: FlagValue) -> str:
    return _(FLAG_LABELS[value])


def kind_label(kind: Kind) -> str:
    return _(KIND_LABELS[kind])


def type_label(question_type: QuestionType) -> str:
    return _(TYPE_LABELS[question_type])


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return action if label is None else _(label)


def status_label(status: Status) -> str:
    return _(STATUS_LABELS[status])


def answer_text(question: Question, value: AnswerValue | None) -> str:
    """An answer as a person reads it, in the active language."""
    language = current_language()
    if value is None:
        return _("(no answer)")
    if isinstance(value, FlagValue):
        return _(FLAG_LABELS[value])
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        if question.type is QuestionType.AMOUNT:
            return format_amount(value)
        return format_number(value)
    if isinstance(value, tuple):
        return ", ".join(question.choice_label(choice, language) for choice in value)
    if question.type is QuestionType.CHOICE:
        return question.choice_label(value, language)
    return value
