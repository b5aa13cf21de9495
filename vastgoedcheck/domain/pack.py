"""Checklist packs: sections, questions, conditions and the data a pack asks for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from vastgoedcheck.domain.text import LocalizedText


class Role(StrEnum):
    LANDLORD = "landlord"
    BROKER = "broker"
    NOTARY = "notary"


class Deal(StrEnum):
    RENTAL = "rental"
    SALE = "sale"
    ANY = "any"


class QuestionType(StrEnum):
    FLAG = "flag"
    TEXT = "text"
    NUMBER = "number"
    AMOUNT = "amount"
    DATE = "date"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    IDENTIFIER = "identifier"


class FlagValue(StrEnum):
    """The four answers of a flag question; which of yes and no is the risk signal is said per
    question (``Question.signal_answer``), so no question needs a double negative."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"
    NA = "na"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def weight(self) -> int:
        return SEVERITY_WEIGHTS[self]


SEVERITY_WEIGHTS: Mapping[Severity, int] = {
    Severity.LOW: 1,
    Severity.MEDIUM: 3,
    Severity.HIGH: 6,
    Severity.CRITICAL: 10,
}


class Kind(StrEnum):
    OBJECTIVE = "objective"  # a Wwft reporting indicator: report, no suspicion needed
    DUTY = "duty"  # a legal duty (CDD, EDD, freeze), not by itself a reason to report
    SIGNAL = "signal"  # a subjective red flag


class DutyType(StrEnum):
    CDD = "cdd"  # a client-due-diligence step that failed: no service until it is complete
    EDD = "edd"  # a trigger for enhanced due diligence (PEP, high-risk third country)
    SANCTIONS = "sanctions"  # a sanctions hit: making property or funds available is prohibited
    # The UBO register differs from one's own findings: report it back to the KVK (art. 10c
    # Wwft) and carry on with one's own due diligence; not a stop, not a reason to report.
    UBO_DISCREPANCY = "ubo_discrepancy"


class Cluster(StrEnum):
    ID = "ID"
    MON = "MON"
    STR = "STR"
    PRC = "PRC"
    USE = "USE"
    CON = "CON"
    CTX = "CTX"


class DataKind(StrEnum):
    """Kinds of personal data a question is about, so a report can leave them out by kind."""

    IDENTITY_DOCUMENT = "identity_document"  # ID documents, their numbers and verification
    INCOME = "income"  # income, payslips, employer statements
    FINANCIAL = "financial"  # payments, amounts, accounts, funds (also: cluster MON)
    SCREENING = "screening"  # PEP and sanctions screening (also: duty types edd, sanctions)


class Validator(StrEnum):
    KVK = "kvk"
    POSTCODE = "postcode"
    IBAN = "iban"
    BTW = "btw"
    ID_DOCUMENT = "id-document"


class Operator(StrEnum):
    EQ = "="
    NE = "!="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    EXISTS = "exists"


class FieldNeed(StrEnum):
    REQUIRED = "required"
    OPTIONAL = "optional"
    CONDITIONAL = "conditional"


ConditionValue = str | Decimal | bool | None


@dataclass(frozen=True)
class Condition:
    question: str
    operator: Operator
    answer: ConditionValue = None


@dataclass(frozen=True)
class ConditionGroup:
    behavior: str  # "all" or "any"
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class Escalation:
    """A stronger reading of a flag when another answer (usually an amount) meets a threshold."""

    when: ConditionGroup
    kind: Kind | None = None
    knockout: bool = False
    reason: LocalizedText | None = None
    severity: Severity | None = None


@dataclass(frozen=True)
class FormFact:
    """A fact from the parties and property form that answers a question: when the property
    field ``field`` holds one of ``values``, the question is pre-filled with ``answer`` (a flag
    or choice value) or with the amount in the property field ``answer_from``."""

    field: str
    values: tuple[str, ...]
    answer: str | None = None
    answer_from: str | None = None


@dataclass(frozen=True)
class Contradiction:
    """Answers that cannot both be true (a "yes" to "€10,000 or more in cash?" with an amount of
    €9,000): while ``when`` holds, the advice says so in ``reason``."""

    when: ConditionGroup
    reason: LocalizedText


@dataclass(frozen=True)
class Choice:
    value: str
    label: LocalizedText


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    label: LocalizedText
    guidance: LocalizedText
    severity: Severity | None = None
    kind: Kind | None = None
    also_signal: bool = False
    duty_type: DutyType | None = None
    knockout: bool = False
    safety: bool = False  # an observation of an ongoing crime or acute danger (DOMAIN R3)
    cluster: Cluster | None = None
    sources: tuple[str, ...] = ()
    required: bool = False
    enable_when: ConditionGroup | None = None
    escalations: tuple[Escalation, ...] = ()
    choices: tuple[Choice, ...] = ()
    validator: Validator | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    max_length: int | None = None
    signal_answer: FlagValue = FlagValue.YES  # the flag answer that is the risk signal
    stops_when_unknown: bool | None = None  # None: as ``knockout`` (the pack's "unknown_stops")
    roles: tuple[Role, ...] = ()  # asked only for these roles; empty: for every role
    wwft: bool | None = None  # asked only when the Wwft applies (True) or only when not (False)
    data: tuple[DataKind, ...] = ()  # the pack's own "data" key; see ``data_kinds``
    from_form: tuple[FormFact, ...] = ()  # facts from the form that answer it
    contradictions: tuple[Contradiction, ...] = ()

    @property
    def scored(self) -> bool:
        return self.type is QuestionType.FLAG

    @property
    def unknown_stops(self) -> bool:
        """Whether "unknown" stops the matter: only on a knock-out whose fact must be known."""
        return self.knockout if self.stops_when_unknown is None else self.stops_when_unknown

    @property
    def safe_answer(self) -> FlagValue:
        """The flag answer that is not the signal: what a careful professional can answer."""
        return FlagValue.NO if self.signal_answer is FlagValue.YES else FlagValue.YES

    def asked_for(self, role: Role, wwft: bool) -> bool:
        """Whether this question is asked of this role, in or outside the Wwft's scope."""
        return (not self.roles or role in self.roles) and self.wwft in (None, wwft)

    @property
    def data_kinds(self) -> frozenset[DataKind]:
        """The kinds of personal data this question is about: those the pack names, and those
        its other metadata implies (a money cluster, an amount, an IBAN, an ID-document number,
        a PEP or sanctions screening)."""
        kinds = set(self.data)
        if (
            self.cluster is Cluster.MON
            or self.type is QuestionType.AMOUNT
            or self.validator is Validator.IBAN
        ):
            kinds.add(DataKind.FINANCIAL)
        if self.validator is Validator.ID_DOCUMENT:
            kinds.add(DataKind.IDENTITY_DOCUMENT)
        if self.duty_type in (DutyType.EDD, DutyType.SANCTIONS):
            kinds.add(DataKind.SCREENING)
        return frozenset(kinds)

    @property
    def may_be_objective(self) -> bool:
        """Whether a "yes" can be a Wwft objective indicator: by itself or when escalated."""
        return self.kind is Kind.OBJECTIVE or any(
            escalation.kind is Kind.OBJECTIVE for escalation in self.escalations
        )

    def choice_values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    def choice_label(self, value: str, language: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label.get(language)
        return value


@dataclass(frozen=True)
class Section:
    id: str
    title: LocalizedText
    questions: tuple[Question, ...]
    intro: LocalizedText | None = None


# The party and property data a pack may ask for (ARCHITECTURE / DOMAIN §4). Anything not listed
# here cannot be collected at all: no religion, health, ethnicity or criminal-record fields exist.
PERSON_FIELDS = (
    "name",
    "birth_date",
    "birth_place",
    "nationality",
    "country_of_residence",
    "address",
    "postcode",
    "city",
    "phone",
    "email",
    "id_document",
    "household_size",
    "net_monthly_income",
    "iban",
    "source_of_funds",
    "pep",
    "sanctions_screening",
    "vog",
    "bsn",
)
ORGANISATION_FIELDS = (
    "name",
    "trade_names",
    "legal_form",
    "kvk",
    "establishment_number",
    "rsin",
    "btw",
    "address",
    "postcode",
    "city",
    "registration_date",
    "sbi_activity",
    "representatives",
    "ubos",
    "parent_entities",
    "ubo_register_reference",
    "iban",
    "pep",
    "sanctions_screening",
    "vog",
)
PROPERTY_FIELDS = (
    "address",
    "postcode",
    "city",
    "bag_id",
    "cadastral_designation",
    "object_type",
    "intended_use",
    "transaction",
    "price",
    "rent_monthly",
    "woz_value",
    "valuation",
    "transaction_date",
    "transaction_place",
    "payment_method",
    "payer_iban",
    "payer_name",
    "cash_amount",
    "cash_origin",
    "cash_destination",
    "financing_type",
    "lender",
    "utilities_holder",
    "prior_enforcement",
)
# The fields whose values are of one kind, checked and shown alike wherever they appear:
# identifiers (by the check of that kind), dates and amounts in euros.
IDENTIFIER_FIELDS: Mapping[str, str] = {
    "postcode": "postcode",
    "iban": "iban",
    "payer_iban": "iban",
    "kvk": "kvk",
    "establishment_number": "establishment_number",
    "rsin": "rsin",
    "btw": "btw",
    "bsn": "bsn",
    "bag_id": "bag_id",
}
DATE_FIELDS = frozenset({"birth_date", "registration_date", "transaction_date"})
AMOUNT_FIELDS = frozenset(
    {"net_monthly_income", "price", "rent_monthly", "woz_value", "valuation", "cash_amount"}
)
FIELD_CATALOGUE: Mapping[str, tuple[str, ...]] = {
    "person": PERSON_FIELDS,
    "organisation": ORGANISATION_FIELDS,
    "property": PROPERTY_FIELDS,
}
# Data only a Wwft institution has a lawful reason to collect for the matter at hand (Wwft art. 3
# and 8; DOMAIN §4.1–§4.2). A landlord, or a letting agent below the Wwft's rent threshold, has
# none (AVG art. 5(1)(c), 9 and 10; Wgv; AP guidance): nationality, place of birth, PEP status,
# UBOs and source of funds are refused for them. A pack that only landlords use may not even ask.
WWFT_ONLY_FIELDS = frozenset(
    {
        "nationality",
        "bsn",
        "birth_place",
        "source_of_funds",
        "ubos",
        "ubo_register_reference",
        "pep",
        # where cash comes from and goes to: what an FIU report states (Wwft art. 16 lid 2 sub d)
        "cash_origin",
        "cash_destination",
    }
)
# A BSN may only be processed where a law prescribes it (UAVG art. 46): for a notary, no one else.
NOTARY_ONLY_FIELDS = frozenset({"bsn"})
# Parts of an identity document a landlord may not keep: of the document itself only its type,
# its expiry, its verification and the last 4 characters of its number (DOMAIN §4.1). The place
# and country of issue are moreover a proxy for nationality.
WWFT_ONLY_ID_DOCUMENT_PARTS = frozenset({"issue_date", "issue_place", "issuing_country"})
# Characters a landlord may keep of an ID-document number: its last 4 (DOMAIN §4.1), never its
# first ones.
LANDLORD_ID_NUMBER_CHARS = 4
# Marks an ID-document number that an earlier version cut to its first characters instead of
# its last: the whole number is no longer known, so the stored characters were dropped.
NUMBER_UNUSABLE = "number_unusable"


def id_number_end(number: str) -> str:
    """The part of an ID-document number a landlord keeps: its last characters, no spaces."""
    return number.replace(" ", "").upper()[-LANDLORD_ID_NUMBER_CHARS:]


# Monthly rent from which a rental intermediary falls under the Wwft.
WWFT_RENT_THRESHOLD = Decimal("10000")


@dataclass(frozen=True)
class Stages:
    """The stages a check can be made in (the value of one choice question), in order."""

    question: str
    order: tuple[str, ...]
    # Fields asked only from a stage on: {stage: {category: (field, ...)}}.
    fields_from: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    running_from: str | None = None  # the stage from which the lease or relationship runs

    def position(self, stage: object) -> int:
        """The stage's place in the order; before the first one when not (yet) known."""
        return self.order.index(stage) if isinstance(stage, str) and stage in self.order else -1

    def field_stage(self, category: str, name: str) -> str | None:
        for stage, categories in self.fields_from.items():
            if name in categories.get(category, ()):
                return stage
        return None


@dataclass(frozen=True)
class Pack:
    id: str
    code: str
    version: str
    roles: tuple[Role, ...]
    deal: Deal
    party_roles: tuple[str, ...]
    title: LocalizedText
    description: LocalizedText
    fields: Mapping[str, Mapping[str, FieldNeed]]
    references: Mapping[str, str]
    sections: tuple[Section, ...]
    legal_position: LocalizedText | None = None
    review_by: dt.date | None = None
    stages: Stages | None = None
    _index: Mapping[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {q.id: q for section in self.sections for q in section.questions}
        object.__setattr__(self, "_index", index)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for section in self.sections for q in section.questions)

    def question(self, question_id: str) -> Question | None:
        return self._index.get(question_id)

    def field_need(self, category: str, name: str) -> FieldNeed | None:
        return self.fields.get(category, {}).get(name)

    def stage(self, answers: Mapping[str, object]) -> str | None:
        """The stage the check is in, from the answer to the pack's stage question."""
        if self.stages is None:
            return None
        value = answers.get(self.stages.question)
        return value if isinstance(value, str) and value in self.stages.order else None

    def field_asked_at(self, category: str, name: str, stage: str | None) -> bool:
        """Whether a field is asked at this stage: some only from the contract stage on."""
        if self.stages is None:
            return True
        from_stage = self.stages.field_stage(category, name)
        return from_stage is None or self.stages.position(stage) >= self.stages.position(from_stage)

    def review_due(self, today: dt.date) -> bool:
        """Whether the date by which the pack's legal position must be reviewed has passed."""
        return self.review_by is not None and today > self.review_by
