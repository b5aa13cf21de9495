"""A check: one use of a pack about one matter, with its parties, property and answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from vastgoedcheck.domain.pack import FlagValue, Role

# What an answer can hold, by question type: flag → FlagValue, text/identifier/choice → str,
# number/amount → Decimal, date → date, multi_choice → tuple of str.
AnswerValue = FlagValue | str | Decimal | dt.date | tuple[str, ...]


class Status(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class PartyKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


# The largest attachment a check may carry, however it arrives (added in the app or imported).
MAX_ATTACHMENT_BYTES = 50_000_000


@dataclass(frozen=True)
class Attachment:
    """A file kept with an answer (a photo, a scan), identified by the SHA-256 of its content."""

    sha256: str
    name: str
    size: int
    media_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Answer:
    value: AnswerValue | None
    note: str = ""
    attachments: tuple[Attachment, ...] = ()
    # The property field whose value gave this answer (pre-filled from the parties and property
    # form, not yet changed by the person); None for an answer the person gave.
    from_form: str | None = None


@dataclass(frozen=True)
class Party:
    """A person or organisation in the check; ``data`` holds the fields the pack asks for."""

    role: str
    kind: PartyKind
    data: Mapping[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        value = self.data.get("name", "")
        return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Examiner:
    """Who does the check and reports it, and how a recipient of a report reaches them."""

    name: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Decision:
    """What the person decided after reading the advice, and why."""

    outcome: str
    reasoning: str
    decided_at: dt.datetime | None = None


@dataclass(frozen=True)
class Amendment:
    """The link from an amended revision to the finalized revision it corrects, and why."""

    revision: int
    fingerprint: str
    reason: str


@dataclass(frozen=True)
class Check:
    id: str
    pack_id: str
    pack_version: str
    role: Role
    language: str = "nl"
    reference: str = ""  # the user's own file or dossier number, shown on every report
    parties: tuple[Party, ...] = ()
    property: Mapping[str, object] = field(default_factory=dict)
    answers: Mapping[str, Answer] = field(default_factory=dict)
    examiner: Examiner = field(default_factory=Examiner)
    decision: Decision | None = None
    status: Status = Status.DRAFT
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    revision: int = 1
    amends: Amendment | None = None
    finalized_at: dt.datetime | None = None
    fingerprint: str | None = None  # SHA-256 of the canonical document, set when finalized

    def answer_value(self, question_id: str) -> AnswerValue | None:
        answer = self.answers.get(question_id)
        return None if answer is None else answer.value

    def answer_values(self) -> dict[str, AnswerValue | None]:
        """Every answer's value by question id, as the rules and conditions read them."""
        return {question_id: answer.value for question_id, answer in self.answers.items()}
