"""Reading a check document (exchange format v1) into a ``Check`` that fits its pack exactly."""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import uuid
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any

from vastgoedcheck.domain.check import (
    MAX_ATTACHMENT_BYTES,
    Amendment,
    Answer,
    Attachment,
    Check,
    Decision,
    Examiner,
    Party,
    PartyKind,
    Status,
)
from vastgoedcheck.domain.pack import (
    AMOUNT_FIELDS,
    DATE_FIELDS,
    IDENTIFIER_FIELDS,
    LANDLORD_ID_NUMBER_CHARS,
    Pack,
    Role,
    id_number_end,
)
from vastgoedcheck.domain.scope import Scope, field_allowed, id_document_part_allowed, scope_of
from vastgoedcheck.file_types import without_bidi
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.identifiers import find_bsn_like
from vastgoedcheck.jsonfiles import Problem, UnreadableFile, json_path, read_json_file
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.schema_messages import schema_problems
from vastgoedcheck.values import (
    BadValue,
    parse_amount,
    parse_answer,
    parse_date,
    parse_datetime,
    parse_identifier,
)

CHECK_SCHEMA = "check.schema.json"
# Large enough for a check with its photos embedded (base64 adds a third).
MAX_CHECK_FILE_BYTES = 250_000_000
DUTCH_ID_TYPES = ("passport", "id_card")  # the documents python-stdnum can check

# Fields whose own validator decides what they hold; every other text is scanned.
_NOT_SCANNED = {
    *IDENTIFIER_FIELDS,
    "phone",
    "email",
    "number",
    "content",
    "sha256",
    "media_type",
    "fingerprint",
}
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Embeddings, overrides and isolates reorder what is shown: "scan\u202efdp.exe" shows as
# "scanexe.pdf". The plain direction marks (U+200E, U+200F) stay allowed for names in Arabic or
# Hebrew script.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def text_problems(text: str, *, bidi: bool = True) -> list[str]:
    """Why a free text may not be stored: control characters (``bidi``: direction controls
    too), or a number that is a BSN."""
    problems = []
    if _CONTROL_CHARACTERS.search(text):
        problems.append(_("the text contains control characters"))
    if bidi and BIDI_CONTROLS.search(text):
        problems.append(
            _(
                "the text contains a control character that changes the direction of the text "
                "(U+202A–U+202E, U+2066–U+2069), which can disguise what it says"
            )
        )
    problems += [
        _(
            "{number} looks like a BSN (citizen service number); remove it: only a notary "
            "records a BSN, and only in its own field"
        ).format(number=number)
        for number in find_bsn_like(text)
    ]
    return problems


class InvalidCheck(Exception):
    """A check document that does not fit the format or its pack; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.describe("") for p in problems))
        self.problems = problems

    def headline(self) -> str:
        """The first problem, and how many more there are."""
        text = self.problems[0].describe("").lstrip(": ")
        more = len(self.problems) - 1
        if more:
            text += " " + ngettext(
                "(and {count} more problem)", "(and {count} more problems)", more
            ).format(count=more)
        return text


def _refused_field(name: str) -> str:
    if name == "bsn":
        return _("only a notary may record a BSN (UAVG art. 46); leave it out")
    return _(
        "{field} may only be recorded by a Wwft institution (an estate agent in a sale or in a "
        "let from €10,000 a month, or a notary); a landlord has no lawful reason to keep it, so "
        "leave it out"
    ).format(field=repr(name))


class _Reader:
    def __init__(self, data: dict[str, Any], pack: Pack, role: Role) -> None:
        self.data, self.pack, self.role = data, pack, role
        self.problems: list[Problem] = []
        self.contents: dict[str, bytes] = {}  # attachment content found in the file, by SHA-256

    def add(self, path: list[str | int], message: str) -> None:
        self.problems.append(Problem(json_path(path), message))

    def attempt(self, path: list[str | int], parse: Callable[..., Any], *args: Any) -> Any:
        """``parse(*args)``, or None with the problem recorded at ``path``."""
        try:
            return parse(*args)
        except BadValue as error:
            self.add(path, str(error))
            return None

    def scan_texts(self, value: Any, path: list[str | int]) -> None:
        """Every free text: no control characters, and nothing that looks like a BSN."""
        if isinstance(value, dict):
            for key, child in value.items():
                if key not in _NOT_SCANNED:
                    self.scan_texts(child, [*path, key])
        elif isinstance(value, list):
            for index, child in enumerate(value):
                self.scan_texts(child, [*path, index])
        elif isinstance(value, str):
            # An attachment's name is cleaned where it is read, not refused.
            attachment_name = len(path) >= 3 and path[-3] == "attachments" and path[-1] == "name"
            for message in text_problems(value, bidi=not attachment_name):
                self.add(path, message)

    @cached_property
    def scope(self) -> Scope:
        """The role, and whether the Wwft applies to it for the property as recorded."""
        raw = self.data.get("property")
        return scope_of(self.pack, self.role, raw if isinstance(raw, dict) else {})

    def fields(
        self, category: str, values: dict[str, Any], path: list[str | int]
    ) -> dict[str, Any]:
        """Check one party's or the property's fields against what the pack asks for."""
        result: dict[str, Any] = {}
        for name, value in values.items():
            if name in ("role", "kind"):
                continue
            f_path = [*path, name]
            if self.pack.field_need(category, name) is None:
                self.add(
                    f_path,
                    _("the pack {pack} does not ask for {field}; leave it out").format(
                        pack=self.pack.id, field=repr(name)
                    ),
                )
                continue
            if not field_allowed(self.scope, name):
                self.add(f_path, _refused_field(name))
                continue
            result[name] = self.field_value(name, value, f_path)
        return result

    def field_value(self, name: str, value: Any, path: list[str | int]) -> Any:
        if name in IDENTIFIER_FIELDS:
            return self.attempt(path, parse_identifier, IDENTIFIER_FIELDS[name], value)
        if name in DATE_FIELDS:
            return self.attempt(path, parse_date, value)
        if name in AMOUNT_FIELDS:
            return self.attempt(path, parse_amount, value)
        if name == "id_document":
            return self.id_document(value, path)
        if name in ("sanctions_screening", "vog") and isinstance(value, dict) and "date" in value:
            return {**value, "date": self.attempt([*path, "date"], parse_date, value["date"])}
        if name == "ubos" and isinstance(value, list):
            return [self.ubo(ubo, [*path, index]) for index, ubo in enumerate(value)]
        return value

    def ubo(self, value: dict[str, Any], path: list[str | int]) -> dict[str, Any]:
        if "birth_date" not in value:
            return value
        return {
            **value,
            "birth_date": self.attempt([*path, "birth_date"], parse_date, value["birth_date"]),
        }

    def id_document(self, value: dict[str, Any], path: list[str | int]) -> dict[str, Any]:
        document = dict(value)
        for part in list(document):
            if not id_document_part_allowed(self.scope, part):
                self.add([*path, part], _refused_field(f"id_document.{part}"))
                del document[part]
        for key in ("issue_date", "expiry", "verified_on"):
            if key in document:
                document[key] = self.attempt([*path, key], parse_date, document[key])
        number = document.get("number")
        if not isinstance(number, str):
            return document
        compact = number.replace(" ", "").upper()
        if self.role is Role.LANDLORD:  # only the end is kept; shortened_id_numbers says so
            document["number"] = id_number_end(compact)
        elif document.get("issuing_country") == "NL" and document.get("type") in DUTCH_ID_TYPES:
            document["number"] = self.attempt(
                [*path, "number"], parse_identifier, "id-document", number
            )
        else:  # a foreign document has its own format: kept as written, without spaces
            document["number"] = compact
        return document

    def parties(self) -> tuple[Party, ...]:
        parties = []
        for index, raw in enumerate(self.data.get("parties", [])):
            path: list[str | int] = ["parties", index]
            if raw["role"] not in self.pack.party_roles:
                self.add(
                    [*path, "role"],
                    _("{role} is not a party role of this pack ({roles})").format(
                        role=repr(raw["role"]), roles=", ".join(self.pack.party_roles)
                    ),
                )
            kind = PartyKind(raw["kind"])
            parties.append(Party(raw["role"], kind, self.fields(kind.value, raw, path)))
        return tuple(parties)

    def answers(self) -> dict[str, Answer]:
        answers = {}
        for question_id, raw in self.data.get("answers", {}).items():
            path: list[str | int] = ["answers", question_id]
            question = self.pack.question(question_id)
            if question is None:
                self.add(
                    path,
                    _("the pack {pack} {version} has no question {id}").format(
                        pack=self.pack.id, version=self.pack.version, id=question_id
                    ),
                )
                continue
            value = self.attempt([*path, "value"], parse_answer, question, raw["value"])
            attachments = tuple(
                self.attachment(item, [*path, "attachments", index])
                for index, item in enumerate(raw.get("attachments", []))
            )
            from_form = raw.get("from_form")
            if from_form is not None and self.pack.field_need("property", from_form) is None:
                self.add(
                    [*path, "from_form"],
                    _("the pack {pack} does not ask for {field}; leave it out").format(
                        pack=self.pack.id, field=repr(from_form)
                    ),
                )
            answers[question_id] = Answer(value, raw.get("note", ""), attachments, from_form)
        return answers

    def attachment(self, raw: dict[str, Any], path: list[str | int]) -> Attachment:
        name = raw["name"]
        if self.data.get("status", "draft") == "draft":  # a finalized name is fingerprinted
            name = without_bidi(name)  # shown as it is, not reordered
        attachment = Attachment(
            sha256=raw["sha256"],
            name=name,
            size=raw["size"],
            media_type=raw.get("media_type", Attachment.media_type),
        )
        if attachment.size > MAX_ATTACHMENT_BYTES:
            self.add(
                [*path, "size"],
                _("{name} is larger than {limit} MB; attach a smaller copy").format(
                    name=repr(attachment.name), limit=MAX_ATTACHMENT_BYTES // 1_000_000
                ),
            )
            return attachment
        if "content" in raw:
            try:
                content = base64.b64decode(raw["content"], validate=True)
            except (binascii.Error, ValueError):
                self.add([*path, "content"], _("the attachment content is not valid base64"))
                return attachment
            if len(content) != attachment.size or (
                hashlib.sha256(content).hexdigest() != attachment.sha256
            ):
                self.add(
                    path,
                    _("the content of {name} does not match its size and SHA-256").format(
                        name=repr(attachment.name)
                    ),
                )
            else:
                self.contents[attachment.sha256] = content
        return attachment

    def amendment(self) -> Amendment | None:
        raw = self.data.get("amends")
        if raw is None:
            return None
        if raw["revision"] >= self.data.get("revision", 1):
            self.add(["amends", "revision"], _("an amendment must follow the revision it amends"))
        return Amendment(raw["revision"], raw["fingerprint"], raw["reason"])

    def decision(self) -> Decision | None:
        raw = self.data.get("decision")
        if raw is None:
            return None
        decided_at = None
        if "decided_at" in raw:
            decided_at = self.attempt(["decision", "decided_at"], parse_datetime, raw["decided_at"])
        return Decision(raw["outcome"], raw["reasoning"], decided_at)

    def read(self) -> Check:
        scanned = ("reference", "parties", "property", "answers", "decision", "examiner", "amends")
        for key in scanned:
            if key in self.data:
                self.scan_texts(self.data[key], [key])
        parties = self.parties()
        property_data = self.fields("property", self.data.get("property", {}), ["property"])
        answers = self.answers()
        decision = self.decision()
        amends = self.amendment()
        stamps = {
            key: self.attempt([key], parse_datetime, self.data[key])
            for key in ("created_at", "updated_at", "finalized_at")
            if key in self.data
        }
        examiner = self.data.get("examiner", {})
        if self.problems:
            raise InvalidCheck(self.problems)
        return Check(
            id=self.data.get("id") or str(uuid.uuid4()),
            pack_id=self.pack.id,
            pack_version=self.pack.version,
            role=self.role,
            language=self.data.get("language", "nl"),
            reference=self.data.get("reference", ""),
            parties=parties,
            property=property_data,
            answers=answers,
            examiner=Examiner(
                examiner.get("name", ""),
                examiner.get("organisation", ""),
                examiner.get("phone", ""),
                examiner.get("email", ""),
            ),
            decision=decision,
            status=Status(self.data.get("status", "draft")),
            created_at=stamps.get("created_at"),
            updated_at=stamps.get("updated_at"),
            revision=self.data.get("revision", 1),
            amends=amends,
            finalized_at=stamps.get("finalized_at"),
            fingerprint=self.data.get("fingerprint"),
        )


def shortened_id_numbers(data: object) -> list[str]:
    """The JSON paths of the ID-document numbers in a landlord's check document that are longer
    than a landlord may keep: reading keeps only their last characters."""
    if not isinstance(data, dict) or data.get("role") != Role.LANDLORD.value:
        return []
    found = []
    for index, party in enumerate(data.get("parties") or []):
        document = party.get("id_document") if isinstance(party, dict) else None
        number = document.get("number") if isinstance(document, dict) else None
        if isinstance(number, str) and len(number.replace(" ", "")) > LANDLORD_ID_NUMBER_CHARS:
            found.append(json_path(["parties", index, "id_document", "number"]))
    return found


def check_from_document(data: object, registry: PackRegistry) -> tuple[Check, Pack]:
    """The Check in ``data`` and its pack; raises InvalidCheck naming every problem found."""
    check, pack, _contents = check_with_attachments(data, registry)
    return check, pack


def check_with_attachments(
    data: object, registry: PackRegistry, *, check_form: bool = True
) -> tuple[Check, Pack, dict[str, bytes]]:
    """Like ``check_from_document``, plus the attachment content embedded in ``data``.

    ``check_form=False`` skips the JSON Schema (most of the time spent here): only for a
    document this app wrote itself and that has not changed since. Such a document that is
    nevertheless malformed raises KeyError, TypeError or ValueError instead of InvalidCheck.
    """
    problems = schema_problems(data, CHECK_SCHEMA) if check_form else []
    if problems:
        raise InvalidCheck(problems)
    assert isinstance(data, dict)
    pack_id, version = data["pack"]["id"], data["pack"]["version"]
    pack = registry.get(pack_id, version)
    if pack is None:
        known = registry.versions(pack_id)
        if known:
            message = _(
                "this installation has no version {version} of the pack {pack} (it has {versions})"
            ).format(version=repr(version), pack=pack_id, versions=", ".join(known))
        else:
            message = _("there is no pack {pack} on this installation").format(pack=repr(pack_id))
        raise InvalidCheck([Problem(json_path(["pack"]), message)])
    role = Role(data["role"])
    if role not in pack.roles:
        raise InvalidCheck(
            [
                Problem(
                    json_path(["role"]),
                    _("the pack {pack} is not meant for a {role}; it is for: {roles}").format(
                        pack=pack.id, role=role.value, roles=", ".join(pack.roles)
                    ),
                )
            ]
        )
    reader = _Reader(data, pack, role)
    return reader.read(), pack, reader.contents


def read_check_file(path: Path, registry: PackRegistry) -> tuple[Check, Pack]:
    try:
        data = read_json_file(path, MAX_CHECK_FILE_BYTES)
    except UnreadableFile as error:
        raise InvalidCheck([error.problem]) from None
    return check_from_document(data, registry)
