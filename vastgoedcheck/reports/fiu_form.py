"""What FIU-Nederland's reporting form asks, filled from a check, field by field.

The order is that of Wwft art. 16 lid 2, which the reporting portal (goAML) follows: who
reports, the indicators, the transaction (its nature, time and place; the amounts, and for cash
where it comes from and where it goes), the parties and their identity documents, and why the
transaction is unusual. The same content serves the PDF for FIU-Nederland and the JSON file for
the portal's upload route; the JSON keys use goAML's terms where one fits (docs/fiu-export.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from vastgoedcheck.domain.assessment import Assessment
from vastgoedcheck.domain.check import Check, Party
from vastgoedcheck.domain.pack import ORGANISATION_FIELDS as ALL_ORGANISATION_FIELDS
from vastgoedcheck.domain.pack import PERSON_FIELDS as ALL_PERSON_FIELDS
from vastgoedcheck.domain.pack import Kind, Pack
from vastgoedcheck.domain.scope import transaction
from vastgoedcheck.exchange.writing import examiner_json, json_value
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.field_labels import field_label, field_text, party_role_label
from vastgoedcheck.i18n.labels import answer_text

FORMAT = "vastgoedcheck-fiu"
FORMAT_VERSION = 1

# The transaction as the form asks for it: goAML's element name → our property field.
TRANSACTION_FIELDS = (
    ("transaction_description", "transaction"),
    ("date_transaction", "transaction_date"),
    ("transaction_location", "transaction_place"),
    ("amount_local", "price"),
    ("rent_monthly", "rent_monthly"),
    ("payment_method", "payment_method"),
    ("from_account", "payer_iban"),
    ("from_name", "payer_name"),
    ("financing_type", "financing_type"),
    ("lender", "lender"),
)
CASH_FIELDS = (
    ("amount_local", "cash_amount"),
    ("from_funds_origin", "cash_origin"),
    ("to_funds_destination", "cash_destination"),
)
PROPERTY_FIELDS = (
    ("address", "address"),
    ("zip", "postcode"),
    ("city", "city"),
    ("bag_id", "bag_id"),
    ("cadastral_designation", "cadastral_designation"),
    ("object_type", "object_type"),
)
# A party's data as the checklists order it, identity first (art. 16 lid 2 sub a and b), without
# what the report does not ask for (household, income, certificate of conduct).
_NOT_ASKED = frozenset({"household_size", "net_monthly_income", "vog"})
PERSON_FIELDS = tuple(name for name in ALL_PERSON_FIELDS if name not in _NOT_ASKED)
ORGANISATION_FIELDS = tuple(name for name in ALL_ORGANISATION_FIELDS if name not in _NOT_ASKED)


@dataclass(frozen=True)
class FormLine:
    """One field of the form: its label and the text to copy into it."""

    label: str
    text: str


@dataclass(frozen=True)
class FormSection:
    title: str
    lines: tuple[FormLine, ...]


@dataclass(frozen=True)
class Indicator:
    kind: Kind  # objective or subjective (a signal)
    question_id: str
    text: str  # the question as asked
    answer: str
    note: str


def indicators(check: Check, pack: Pack, result: Assessment, language: str) -> list[Indicator]:
    """The objective indicators met first, then the signals behind the subjective indicator."""
    found = []
    for kind in (Kind.OBJECTIVE, Kind.SIGNAL):
        for item in result.items:
            if not item.signal or item.kind is not kind:
                continue
            question = pack.question(item.question_id)
            if question is None:
                continue
            answer = check.answers.get(item.question_id)
            found.append(
                Indicator(
                    kind,
                    item.question_id,
                    question.label.get(language),
                    answer_text(question, item.answer),
                    answer.note if answer is not None else "",
                )
            )
    return found


def _present(data: Mapping[str, object], name: str) -> bool:
    value = data.get(name)
    return value is not None and value != "" and value != [] and value != {}


def _lines(
    data: Mapping[str, object], names: tuple[str, ...], allowed: frozenset[str]
) -> list[FormLine]:
    return [
        FormLine(field_label(name), field_text(name, data[name]))
        for name in names
        if name in allowed and _present(data, name)
    ]


def form_sections(
    check: Check,
    pack: Pack,
    result: Assessment,
    language: str,
    party_fields: frozenset[str],
    statement: str = "",
) -> list[FormSection]:
    """The form's sections in its order, each with the lines that have a value."""
    examiner = check.examiner
    reporter = [
        FormLine(_("Reported by"), examiner.name),
        FormLine(_("Organisation"), examiner.organisation),
        FormLine(_("Phone"), examiner.phone),
        FormLine(_("E-mail"), examiner.email),
        FormLine(_("Own reference"), check.reference),
    ]
    found = indicators(check, pack, result, language)
    kinds = {Kind.OBJECTIVE: _("Objective indicator"), Kind.SIGNAL: _("Subjective indicator")}
    indicator_lines = [
        FormLine(kinds[item.kind], f"{item.question_id} · {item.text} — {item.answer}")
        for item in found
    ]
    data = dict(check.property)
    if transaction(pack, data) and "transaction" not in data:
        data["transaction"] = transaction(pack, data)
    property_names = tuple(name for _key, name in PROPERTY_FIELDS)
    deal_names = tuple(name for _key, name in TRANSACTION_FIELDS)
    cash_names = tuple(name for _key, name in CASH_FIELDS)
    everything = frozenset(data)
    sections = [
        FormSection(_("Who reports"), tuple(line for line in reporter if line.text)),
        FormSection(_("Indicators"), tuple(indicator_lines)),
        FormSection(
            _("Transaction: nature, time and place"),
            tuple(
                _lines(data, deal_names[:3], everything) + _lines(data, property_names, everything)
            ),
        ),
        FormSection(
            _("Amounts, and for cash its origin and destination"),
            tuple(_lines(data, deal_names[3:], everything) + _lines(data, cash_names, everything)),
        ),
    ]
    for party in check.parties:
        names = PERSON_FIELDS if party.kind.value == "person" else ORGANISATION_FIELDS
        title = _("Party: {role}").format(role=party_role_label(party.role))
        sections.append(FormSection(title, tuple(_lines(party.data, names, party_fields))))
    reasons = [FormLine(_("Statement of facts"), statement)] if statement.strip() else []
    reasons += [
        FormLine(item.question_id, item.note) for item in found if item.note and item.note.strip()
    ]
    sections.append(FormSection(_("Why the transaction is unusual"), tuple(reasons)))
    return [section for section in sections if section.lines]


def _raw(data: Mapping[str, object], pairs: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    return {key: json_value(data[name]) for key, name in pairs if _present(data, name)}


def _party_json(party: Party, party_fields: frozenset[str]) -> dict[str, Any]:
    names = PERSON_FIELDS if party.kind.value == "person" else ORGANISATION_FIELDS
    details = {
        name: json_value(party.data[name])
        for name in names
        if name in party_fields and _present(party.data, name)
    }
    return {
        "role": party.role,
        "role_label": party_role_label(party.role),
        ("person" if party.kind.value == "person" else "entity"): details,
    }


def form_json(
    check: Check,
    pack: Pack,
    result: Assessment,
    language: str,
    party_fields: frozenset[str],
    issued_at: dt.datetime,
    statement: str = "",
) -> dict[str, Any]:
    """The same content as ``form_sections``, as data for the portal's upload route."""
    data = dict(check.property)
    deal = transaction(pack, data)
    found = indicators(check, pack, result, language)
    transaction_data = _raw(data, TRANSACTION_FIELDS)
    if deal is not None:
        transaction_data["transaction_description"] = deal
    cash = _raw(data, CASH_FIELDS)
    if cash:
        transaction_data["cash"] = cash
    transaction_data["property"] = _raw(data, PROPERTY_FIELDS)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "language": language,
        "submission_date": issued_at.isoformat(),
        "entity_reference": check.reference,
        "reporting_person": examiner_json(check.examiner),
        "report_indicators": [
            {
                "kind": item.kind.value,
                "question": item.question_id,
                "text": item.text,
                "answer": item.answer,
                **({"note": item.note} if item.note else {}),
            }
            for item in found
        ],
        "transaction": transaction_data,
        "parties": [_party_json(party, party_fields) for party in check.parties],
        "reason": statement,
        "check": {
            "id": check.id,
            "revision": check.revision,
            "status": check.status.value,
            "pack": {"id": check.pack_id, "version": check.pack_version},
            **({"fingerprint": check.fingerprint} if check.fingerprint else {}),
        },
    }
