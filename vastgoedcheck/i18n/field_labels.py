"""The words for party and property data: party roles, field names and their fixed values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from vastgoedcheck.domain.pack import AMOUNT_FIELDS, NUMBER_UNUSABLE
from vastgoedcheck.i18n import N_, _
from vastgoedcheck.i18n.formatting import format_amount, format_date, format_number

PARTY_ROLE_LABELS = {
    "tenant": N_("tenant"),
    "co_tenant": N_("co-tenant"),
    "guarantor": N_("guarantor"),
    "signatory": N_("signatory"),
    "intermediary": N_("intermediary"),
    "buyer": N_("buyer"),
    "seller": N_("seller"),
    "client": N_("client"),
    "counterparty": N_("counterparty"),
    "representative": N_("representative"),
    "ubo": N_("ultimate beneficial owner (UBO)"),
    "financier": N_("financier"),
    "operator": N_("operator"),
}
PARTY_KIND_LABELS = {"person": N_("person"), "organisation": N_("organisation")}

FIELD_LABELS = {
    # people
    "name": N_("Name"),
    "birth_date": N_("Date of birth"),
    "birth_place": N_("Place of birth"),
    "nationality": N_("Nationality"),
    "country_of_residence": N_("Country of residence"),
    "address": N_("Address"),
    "postcode": N_("Postcode"),
    "city": N_("Town"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "id_document": N_("ID document"),
    "household_size": N_("Household size"),
    "net_monthly_income": N_("Net monthly income"),
    "iban": N_("IBAN"),
    "source_of_funds": N_("Source of funds"),
    "pep": N_("Politically exposed person (PEP)"),
    "sanctions_screening": N_("Sanctions screening"),
    "vog": N_("Certificate of conduct (VOG)"),
    "bsn": N_("BSN"),
    # organisations
    "trade_names": N_("Trade names"),
    "legal_form": N_("Legal form"),
    "kvk": N_("KVK number"),
    "establishment_number": N_("Establishment number"),
    "rsin": N_("RSIN"),
    "btw": N_("VAT number"),
    "registration_date": N_("Registered on"),
    "sbi_activity": N_("Activity (SBI)"),
    "representatives": N_("Authorised representatives"),
    "ubos": N_("Ultimate beneficial owners (UBOs)"),
    "parent_entities": N_("Group and parent entities"),
    "ubo_register_reference": N_("UBO register extract"),
    # the property and the transaction
    "bag_id": N_("BAG id"),
    "cadastral_designation": N_("Cadastral designation"),
    "object_type": N_("Type of object"),
    "intended_use": N_("Intended use"),
    "transaction": N_("Transaction"),
    "price": N_("Price"),
    "rent_monthly": N_("Monthly rent"),
    "woz_value": N_("WOZ value"),
    "valuation": N_("Valuation"),
    "transaction_date": N_("Date of the transaction"),
    "transaction_place": N_("Place of the transaction"),
    "payment_method": N_("Payment method"),
    "payer_iban": N_("Payer's IBAN"),
    "payer_name": N_("Payer's name"),
    "cash_amount": N_("Amount paid in cash"),
    "cash_origin": N_("Where the cash comes from"),
    "cash_destination": N_("Where the cash goes to"),
    "financing_type": N_("Financing"),
    "lender": N_("Lender"),
    "utilities_holder": N_("Energy and water contracts in the name of"),
    "prior_enforcement": N_("Earlier closures or enforcement"),
}

# The parts of an ID document, a sanctions screening, a VOG and a UBO, in the order shown.
PART_LABELS = {
    "type": N_("document"),
    "number": N_("document number"),
    "issuing_country": N_("issued by"),
    "issue_date": N_("issued on"),
    "issue_place": N_("issued at"),
    "expiry": N_("valid until"),
    "verified_on": N_("verified on"),
    "verified_by": N_("verified by"),
    "date": N_("date"),
    "list": N_("list"),
    "result": N_("result"),
    "presented": N_("presented"),
    "birth_date": N_("born"),
    "residence": N_("residence"),
    "interest": N_("interest"),
}

VALUE_LABELS: Mapping[str, Mapping[str, str]] = {
    "object_type": {
        "house": N_("house"),
        "apartment": N_("apartment"),
        "business_unit": N_("business unit"),
        "warehouse": N_("warehouse or shed"),
        "agricultural": N_("agricultural building"),
        "recreational": N_("recreational home or chalet"),
        "hotel": N_("hotel"),
        "short_stay": N_("short-stay accommodation"),
        "other": N_("other"),
    },
    "transaction": {
        "rental": N_("rental"),
        "sale": N_("sale"),
        "mortgage": N_("mortgage"),
        "incorporation": N_("incorporation"),
        "share_transfer": N_("share transfer"),
        "financing": N_("financing"),
        "operation": N_("operation"),
    },
    "payment_method": {
        "bank_transfer": N_("bank transfer"),
        "cash": N_("cash"),
        "mixed": N_("partly cash, partly by bank"),
        "crypto": N_("crypto-assets"),
        "other": N_("other"),
    },
    "financing_type": {
        "own_funds": N_("own funds"),
        "bank_mortgage": N_("mortgage from a bank"),
        "private_loan": N_("private loan"),
        "foreign_loan": N_("loan from abroad"),
        "company_funds": N_("company funds"),
        "other": N_("other"),
    },
    "type": {
        "passport": N_("passport"),
        "id_card": N_("identity card"),
        "driving_licence": N_("driving licence"),
        "residence_permit": N_("residence permit"),
        "other": N_("other document"),
    },
    "result": {
        "no_hit": N_("no hit"),
        "possible_hit": N_("possible hit"),
        "hit": N_("hit"),
    },
}


def party_role_label(role: str) -> str:
    label = PARTY_ROLE_LABELS.get(role)
    return role.replace("_", " ") if label is None else _(label)


def party_kind_label(kind: str) -> str:
    return _(PARTY_KIND_LABELS.get(kind, kind))


def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return name.replace("_", " ") if label is None else _(label)


def _plain(name: str, value: object) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_amount(value) if name in AMOUNT_FIELDS else format_number(value)
    if isinstance(value, int):
        return format_number(value)
    text = str(value)
    label = VALUE_LABELS.get(name, {}).get(text)
    return text if label is None else _(label)


def _parts(value: Mapping[str, object], skip: tuple[str, ...] = ()) -> str:
    shown = []
    for key, label in PART_LABELS.items():
        if key in value and key not in skip:
            shown.append(f"{_(label)}: {_plain(key, value[key])}")
    return "; ".join(shown)


def _document_number(value: Mapping[str, object], number_end: bool) -> str:
    """How an ID document's number reads: whole, as its last characters, or as unusable."""
    number = value.get("number")
    if value.get(NUMBER_UNUSABLE) and not number:
        return _("number unusable (shortened at the wrong end before)")
    if not number:
        return ""
    if number_end:  # a landlord's record: only the end of the number, and it says so
        return _("last {count} characters {number}").format(count=len(str(number)), number=number)
    return str(number)


def field_text(name: str, value: object, *, number_end: bool = False) -> str:
    """A party or property value as a person reads it, in the active language.

    ``number_end``: an ID document's number is only its last characters (a landlord's record).
    """
    if isinstance(value, Mapping):
        if "name" in value:  # a UBO
            lead, details = str(value["name"]), _parts(value, ("name",))
        elif {"type", "number", NUMBER_UNUSABLE} & set(value):  # "passport X1234567"
            kind = _plain("type", value["type"]) if "type" in value else ""
            number = _document_number(value, number_end)
            plain = not number_end and not value.get(NUMBER_UNUSABLE)
            lead = (" " if plain else ", ").join(part for part in (kind, number) if part)
            details = _parts(value, ("type", "number"))
        else:
            return _parts(value)
        return f"{lead} ({details})" if details else lead
    if isinstance(value, list | tuple):
        return "\n".join(field_text(name, item, number_end=number_end) for item in value)
    return _plain(name, value)
