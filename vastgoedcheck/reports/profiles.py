"""Recipient profiles: what a report for the dossier, the police, the municipality or
FIU-Nederland contains and what it leaves out (DOMAIN §1.2, §2 and §4)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from vastgoedcheck.domain.pack import (
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    PROPERTY_FIELDS,
    Cluster,
)
from vastgoedcheck.i18n import N_, _


class Recipient(StrEnum):
    DOSSIER = "dossier"
    POLICE = "police"
    MUNICIPALITY = "municipality"
    FIU = "fiu"


class Items(StrEnum):
    """Which answers a report shows."""

    ALL = "all"  # every question that was asked
    FLAGGED = "flagged"  # the signals answered "yes", with the details asked after them


@dataclass(frozen=True)
class Profile:
    recipient: Recipient
    title: str  # N_ message
    name: str  # N_ message: the recipient in a sentence, e.g. "the police"
    contains: tuple[str, ...]  # N_ messages, printed on the first page
    omits: tuple[str, ...]
    party_fields: frozenset[str]
    property_fields: frozenset[str]
    items: Items
    left_out_clusters: frozenset[Cluster] = frozenset()
    outcome: bool = False  # the advice, its reasons and the score
    decision: bool = False  # the recorded decision and its reasoning
    indicators: bool = False  # the Wwft indicators met, objective and subjective
    minimise_notes: bool = False  # amounts, account and document numbers removed from notes
    wwft_only: bool = False  # only for Wwft institutions (FIU-Nederland)
    needs_final: bool = True  # a finalized check only: the report shows its fingerprint


ALL_PARTY_FIELDS = frozenset(PERSON_FIELDS) | frozenset(ORGANISATION_FIELDS)
ALL_PROPERTY_FIELDS = frozenset(PROPERTY_FIELDS)
_WHERE = frozenset(
    (
        "address",
        "postcode",
        "city",
        "bag_id",
        "cadastral_designation",
        "object_type",
        "intended_use",
        "transaction",
        "utilities_holder",
        "prior_enforcement",
    )
)
_COMPANY = frozenset(("trade_names", "legal_form", "kvk", "establishment_number", "sbi_activity"))

PROFILES = {
    Recipient.DOSSIER: Profile(
        Recipient.DOSSIER,
        name=N_("your own dossier"),
        title=N_("Dossier report"),
        contains=(
            N_(
                "Everything recorded in this check: the parties and the property, every answer "
                "with its note, the photos and other attachments, the outcome with its reasons "
                "and score, your decision and its reasoning, and the sources of the signals."
            ),
            N_("It is meant for your own file, as evidence of due care."),
        ),
        omits=(
            N_("Nothing is left out. Do not give this report to the client or to third parties."),
        ),
        party_fields=ALL_PARTY_FIELDS,
        property_fields=ALL_PROPERTY_FIELDS,
        items=Items.ALL,
        outcome=True,
        decision=True,
        needs_final=False,
    ),
    Recipient.POLICE: Profile(
        Recipient.POLICE,
        name=N_("the police"),
        title=N_("Report for the police"),
        contains=(
            N_(
                "The facts for a police report or a tip to Meld Misdaad Anoniem: who is involved "
                "(names, addresses, phone numbers, companies), what was observed (the signals "
                "answered 'yes', with their notes and photos), where (the property) and when "
                "(the dates of the check)."
            ),
            N_(
                "Payment details of the property (rent or price, payment method, payer's account) "
                "are included."
            ),
        ),
        omits=(
            N_(
                "Left out: the internal score and advice, your decision, answers that are not "
                "signals, ID-document numbers, income and household size, PEP and sanctions "
                "screening results."
            ),
            N_(
                "When you tip Meld Misdaad Anoniem, do not hand over this document: use it to tell "
                "the facts, and leave out anything only you could know."
            ),
        ),
        party_fields=frozenset(
            (
                "name",
                "birth_date",
                "address",
                "postcode",
                "city",
                "phone",
                "email",
                "iban",
                "representatives",
                *_COMPANY,
            )
        ),
        property_fields=ALL_PROPERTY_FIELDS - {"woz_value", "valuation"},
        items=Items.FLAGGED,
    ),
    Recipient.MUNICIPALITY: Profile(
        Recipient.MUNICIPALITY,
        name=N_("the municipality or RIEC"),
        title=N_("Report for the municipality or RIEC"),
        contains=(
            N_(
                "Data-minimised for the municipality or the RIEC: the property and what was "
                "observed about its use (the signals answered 'yes', with their notes and "
                "photos), and the names and addresses of the parties."
            ),
        ),
        omits=(
            N_(
                "Left out: all financial data (accounts, amounts, income, payment details, signals "
                "about money), ID-document numbers, dates of birth, the internal score and advice, "
                "and your decision. Amounts, account numbers and document numbers in notes are "
                "replaced by [removed]."
            ),
        ),
        party_fields=frozenset(("name", "address", "postcode", "city", "representatives"))
        | (_COMPANY - {"establishment_number"}),
        property_fields=_WHERE,
        items=Items.FLAGGED,
        left_out_clusters=frozenset({Cluster.MON}),
        minimise_notes=True,
    ),
    Recipient.FIU: Profile(
        Recipient.FIU,
        name=N_("FIU-Nederland"),
        title=N_("Details for a report to FIU-Nederland"),
        contains=(
            N_(
                "What a report of an unusual transaction needs: the identity of the client and the "
                "other parties, including the type and number of their ID documents, the "
                "transaction (property, price, payment and financing), the indicators met "
                "(objective and subjective) with the notes that say why, and your reasoning."
            ),
            N_("Enter these details in FIU-Nederland's reporting portal; this app sends nothing."),
        ),
        omits=(
            N_("Left out: the internal score and answers that are not indicators."),
            N_(
                "Keep this report apart from the client file and never put it in documents for "
                "the client."
            ),
        ),
        party_fields=ALL_PARTY_FIELDS,
        property_fields=ALL_PROPERTY_FIELDS,
        items=Items.FLAGGED,
        decision=True,
        indicators=True,
        wwft_only=True,
    ),
}


def recipient_name(value: str) -> str:
    """The recipient in a sentence ("the police"); an unknown value as it is."""
    try:
        return _(PROFILES[Recipient(value)].name)
    except ValueError:
        return value
