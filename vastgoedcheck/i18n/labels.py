"""The words for the fixed vocabulary of packs: roles, severities, kinds and question types."""

from __future__ import annotations

from vastgoedcheck.domain.pack import Kind, QuestionType, Role, Severity
from vastgoedcheck.i18n import N_, _

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


def role_label(role: Role) -> str:
    return _(ROLE_LABELS[role])


def severity_label(severity: Severity) -> str:
    return _(SEVERITY_LABELS[severity])


def kind_label(kind: Kind) -> str:
    return _(KIND_LABELS[kind])


def type_label(question_type: QuestionType) -> str:
    return _(TYPE_LABELS[question_type])
