"""Checklist packs: sections, questions, conditions and the data a pack asks for."""

from __future__ import annotations

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
    """The four answers of a flag question; "yes" is always the risk signal."""

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


class Cluster(StrEnum):
    ID = "ID"
    MON = "MON"
    STR = "STR"
    PRC = "PRC"
    USE = "USE"
    CON = "CON"
    CTX = "CTX"


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

    @property
    def scored(self) -> bool:
        return self.type is QuestionType.FLAG

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
    "payment_method",
    "payer_iban",
    "payer_name",
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
DATE_FIELDS = frozenset({"birth_date", "registration_date"})
AMOUNT_FIELDS = frozenset({"net_monthly_income", "price", "rent_monthly", "woz_value", "valuation"})
FIELD_CATALOGUE: Mapping[str, tuple[str, ...]] = {
    "person": PERSON_FIELDS,
    "organisation": ORGANISATION_FIELDS,
    "property": PROPERTY_FIELDS,
}
# Data a landlord has no lawful reason to collect (AVG art. 9/10, Wgv, AP guidance).
LANDLORD_FORBIDDEN_FIELDS = frozenset(
    {"nationality", "bsn", "birth_place", "source_of_funds", "ubos", "ubo_register_reference"}
)
# Monthly rent from which a rental intermediary falls under the Wwft.
WWFT_RENT_THRESHOLD = Decimal("10000")


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
