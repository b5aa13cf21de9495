"""Recipient profiles: what a report for the dossier, the police, the municipality or
FIU-Nederland contains and what it leaves out (DOMAIN §1.2, §2 and §4)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from babel.lists import format_list

from vastgoedcheck.domain.pack import (
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    PROPERTY_FIELDS,
    WWFT_ONLY_FIELDS,
    DataKind,
    Pack,
    Question,
)
from vastgoedcheck.i18n import N_, _
from vastgoedcheck.i18n.field_labels import field_label
from vastgoedcheck.i18n.formatting import babel_locale
from vastgoedcheck.reports.redaction import redact


class Recipient(StrEnum):
    DOSSIER = "dossier"
    POLICE = "police"
    MUNICIPALITY = "municipality"
    FIU = "fiu"


class Items(StrEnum):
    """Which answers a report shows."""

    ALL = "all"  # every question that was asked
    FLAGGED = "flagged"  # the signals answered "yes", with the details asked after them


class Share(IntEnum):
    """How much of an answer about a kind of data a report holds."""

    NONE = 0  # left out entirely
    ANSWER = 1  # the answer, without its note and attachments
    FULL = 2  # the answer with its note and attachments


@dataclass(frozen=True)
class Profile:
    recipient: Recipient
    title: str  # N_ message
    name: str  # N_ message: the recipient in a sentence, e.g. "the police"
    contains: tuple[str, ...]  # N_ messages, printed on the first page
    omits: tuple[str, ...]  # N_ messages: how to handle the report, after what it leaves out
    party_fields: frozenset[str]
    property_fields: frozenset[str]
    items: Items
    # Answers about a kind of personal data: how much of them the report holds (not listed:
    # all of it). Free text that is shown loses the numbers and amounts of each kind not held
    # in full (reports/redaction.py).
    data: Mapping[DataKind, Share] = field(default_factory=dict)
    outcome: bool = False  # the advice, its reasons and the score
    decision: bool = False  # the recorded decision and its reasoning
    indicators: bool = False  # the Wwft indicators met, objective and subjective
    # Whether the recipient may learn of a Wwft matter (art. 23 Wwft): the reporting indicators,
    # the client due diligence findings and the duty of confidentiality that comes with them.
    wwft_matter: bool = False
    sources: bool = False  # the press and guidance the pack cites for each signal
    wwft_only: bool = False  # only for Wwft institutions (FIU-Nederland)
    needs_final: bool = True  # a finalized check only: the report shows its fingerprint

    def share(self, question: Question) -> Share:
        """How much of the answer to ``question`` this report holds, by what it is about."""
        return min(
            (self.data.get(kind, Share.FULL) for kind in question.data_kinds), default=Share.FULL
        )

    @property
    def redacted(self) -> frozenset[DataKind]:
        """The kinds of data whose numbers and amounts are removed from free text."""
        return frozenset(kind for kind, share in self.data.items() if share is not Share.FULL)

    def redact(self, text: str) -> str:
        """Free text as this report may show it (the pattern filter, second line of defence)."""
        return redact(text, self.redacted) if self.redacted else text

    def withholds_wwft_findings(self, wwft: bool) -> bool:
        """Whether a check under the Wwft loses its indicators and due diligence findings here."""
        return wwft and not self.wwft_matter

    def shown_property_fields(self, wwft: bool) -> frozenset[str]:
        """The property fields shown; of a Wwft check, not the cash amount, which would tell
        whether the objective indicator for cash was met."""
        if self.withholds_wwft_findings(wwft):
            return self.property_fields - WWFT_INDICATOR_FIELDS
        return self.property_fields

    def left_out(self, wwft: bool, pack: Pack | None = None) -> list[str]:
        """What this report leaves out, one line each, in the active language; generated from
        the profile itself, so the first page says exactly what the report holds back. With a
        ``pack``, only the fields it asks for are named. Empty when nothing is left out."""
        lines: list[str] = []
        for title, everything, shown, categories in (
            (
                N_("Of the parties: {fields}."),
                ALL_PARTY_FIELDS_ORDERED,
                self.party_fields,
                ("person", "organisation"),
            ),
            (
                N_("Of the property: {fields}."),
                PROPERTY_FIELDS,
                self.property_fields,
                ("property",),
            ),
        ):
            missing = [
                field_label(name)
                for name in everything
                if name not in shown
                and (pack is None or any(pack.field_need(c, name) for c in categories))
                and (wwft or name not in WWFT_ONLY_FIELDS)  # never recorded outside the Wwft
            ]
            if missing:
                lines.append(_(title).format(fields=", ".join(missing)))
        for kind in DataKind:
            share = self.data.get(kind, Share.FULL)
            if share is Share.NONE:
                lines.append(_(ANSWERS_LEFT_OUT[kind]))
            elif share is Share.ANSWER:
                lines.append(_(NOTES_LEFT_OUT[kind]))
        if self.withholds_wwft_findings(wwft):
            lines.append(
                _(
                    "Client due diligence findings and reporting indicators under the Wwft: they "
                    "serve only the prevention of money laundering and terrorist financing."
                )
            )
        if self.items is Items.FLAGGED:
            lines.append(_("Answers that are not signals."))
        if not self.outcome:
            lines.append(_("The outcome, the score and the advice of the check."))
        if not self.decision:
            lines.append(_("Your decision and its reasoning."))
        if not self.sources:
            lines.append(_("The sources of the signals (press and guidance)."))
        if self.redacted:
            removed = [
                _(text)
                for kind, texts in REMOVED_FROM_TEXT.items()
                if kind in self.redacted
                for text in texts
            ]
            lines.append(
                _(
                    "In the notes, answers, details and file names that are shown, {things} are "
                    "replaced by [removed]."
                ).format(things=format_list(removed, locale=babel_locale()))
            )
        return lines


ANSWERS_LEFT_OUT = {
    DataKind.IDENTITY_DOCUMENT: N_("Answers about identity documents, with their notes."),
    DataKind.INCOME: N_("Answers about income, with their notes."),
    DataKind.FINANCIAL: N_(
        "Answers about money, payments and accounts (signals about money), with their notes."
    ),
    DataKind.SCREENING: N_("PEP and sanctions screening results."),
}
NOTES_LEFT_OUT = {
    DataKind.IDENTITY_DOCUMENT: N_(
        "The notes and attachments of answers about identity documents (the answer is shown)."
    ),
    DataKind.INCOME: N_("The notes and attachments of answers about income (the answer is shown)."),
    DataKind.FINANCIAL: N_(
        "The notes and attachments of answers about money and payments (the answer is shown)."
    ),
    DataKind.SCREENING: N_(
        "The notes and attachments of PEP and sanctions screening answers (the answer is shown)."
    ),
}
REMOVED_FROM_TEXT = {
    DataKind.IDENTITY_DOCUMENT: (N_("ID-document numbers (or parts of them)"), N_("BSNs")),
    DataKind.INCOME: (N_("income amounts"),),
    DataKind.FINANCIAL: (N_("amounts"), N_("account numbers")),
}


ALL_PARTY_FIELDS_ORDERED = (
    *PERSON_FIELDS,
    *(name for name in ORGANISATION_FIELDS if name not in PERSON_FIELDS),
)
ALL_PARTY_FIELDS = frozenset(ALL_PARTY_FIELDS_ORDERED)
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
        "transaction_date",
        "transaction_place",
        "utilities_holder",
        "prior_enforcement",
    )
)
# What an FIU report states about cash (Wwft art. 16 lid 2): for FIU-Nederland and the own file.
FIU_FORM_FIELDS = frozenset(("cash_origin", "cash_destination"))
# Property fields that show whether a Wwft indicator was met.
WWFT_INDICATOR_FIELDS = frozenset(("cash_amount",)) | FIU_FORM_FIELDS
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
        omits=(N_("Do not give this report to the client or to third parties."),),
        party_fields=ALL_PARTY_FIELDS,
        property_fields=ALL_PROPERTY_FIELDS,
        items=Items.ALL,
        outcome=True,
        decision=True,
        wwft_matter=True,
        sources=True,
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
        property_fields=ALL_PROPERTY_FIELDS - {"woz_value", "valuation"} - FIU_FORM_FIELDS,
        items=Items.FLAGGED,
        data={
            DataKind.IDENTITY_DOCUMENT: Share.ANSWER,
            DataKind.INCOME: Share.ANSWER,
            DataKind.SCREENING: Share.NONE,
        },
    ),
    Recipient.MUNICIPALITY: Profile(
        Recipient.MUNICIPALITY,
        name=N_("the municipality"),
        title=N_("Report for the municipality"),
        contains=(
            N_(
                "Data-minimised for the municipality (its reporting point for undermining or "
                "housing fraud, which brings signals to the RIEC where needed): the property and "
                "what was observed about its use (the signals answered 'yes', with their notes "
                "and photos), and the names and addresses of the parties."
            ),
        ),
        omits=(),
        party_fields=frozenset(("name", "address", "postcode", "city", "representatives"))
        | (_COMPANY - {"establishment_number"}),
        property_fields=_WHERE,
        items=Items.FLAGGED,
        data={
            DataKind.IDENTITY_DOCUMENT: Share.ANSWER,
            DataKind.INCOME: Share.NONE,
            DataKind.FINANCIAL: Share.NONE,
            DataKind.SCREENING: Share.NONE,
        },
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
        wwft_matter=True,
        wwft_only=True,
    ),
}


# How the store log names the internal version of the dossier (with the report records).
INTERNAL_DOSSIER = "dossier_internal"


def recipient_name(value: str) -> str:
    """The recipient in a sentence ("the police"); an unknown value as it is."""
    if value == INTERNAL_DOSSIER:
        return _("your own dossier (internal version, not for the client)")
    try:
        return _(PROFILES[Recipient(value)].name)
    except ValueError:
        return value
