"""Nothing a report says it leaves out appears anywhere in it: a check holds every kind of data
in every place (party and property fields, answers, notes, attachment names), and each
recipient's PDF, in Dutch and in English, is read for it as its recipient would read it."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.reports.conftest import Files, document, final, flat, pages, read, report, text
from vastgoedcheck.domain.check import Answer, Attachment, Check, Party, PartyKind
from vastgoedcheck.domain.pack import (
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    PROPERTY_FIELDS,
    WWFT_ONLY_FIELDS,
    FlagValue,
    Pack,
    QuestionType,
    Role,
)
from vastgoedcheck.i18n import language_scope
from vastgoedcheck.i18n.field_labels import field_label
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.profiles import PROFILES, Recipient

# Sensitive text typed where it does not belong: into the note of an observation about the use
# of the home (RES-19), and into the name of a file attached to it.
PASSPORT = "SPECI2014"
CARD_END = "7K2D"
BSN = "111222333"  # passes the elfproef
PAYSLIP = "2.450"
IBAN = "NL91ABNA0417164300"
CASH = "17.350"
FREE_TEXT = (
    f"Paspoort {PASSPORT} gezien; ID-kaart eindigt op {CARD_END}; BSN {BSN}. "
    f"Volgens de loonstrook {PAYSLIP} netto per maand. Huur komt van rekening {IBAN}, "
    f"daarnaast € {CASH} contant aangeboden. Het ruikt naar hennep."
)
FILE_NAME = f"kopie paspoort {PASSPORT}.pdf"

# The questions of the residential pack by what they are about (DOMAIN §4.1; docs/reports.md).
IDENTITY = ("RES-01", "RES-08")
INCOME = ("RES-07", "RES-08")
MONEY = ("RES-03", "RES-03a", "RES-04", "RES-05", "RES-17")
SCREENING = ("RES-31",)
OBSERVED = ("RES-12", "RES-19", "RES-20", "RES-22")  # the use of the home: for every recipient

# What each recipient may not have, as docs/reports.md promises it.
PARTY_FIELDS_LEFT_OUT = {
    "police": {
        "birth_place",
        "nationality",
        "country_of_residence",
        "id_document",
        "household_size",
        "net_monthly_income",
        "source_of_funds",
        "pep",
        "sanctions_screening",
        "vog",
        "bsn",
        "rsin",
        "btw",
        "registration_date",
        "ubos",
        "parent_entities",
        "ubo_register_reference",
    },
    "municipality": set(PERSON_FIELDS + ORGANISATION_FIELDS)
    - {"name", "address", "postcode", "city", "representatives"}
    - {"trade_names", "legal_form", "kvk", "sbi_activity"},
}
PROPERTY_FIELDS_LEFT_OUT = {
    "police": {"woz_value", "valuation", "cash_origin", "cash_destination"},
    "municipality": set(PROPERTY_FIELDS)
    - {
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
    },
}
# Questions left out whole, and questions shown without their note and attachments.
LEFT_OUT = {"police": SCREENING, "municipality": (*INCOME, *MONEY, *SCREENING)}
ANSWER_ONLY = {"police": (*IDENTITY, *INCOME), "municipality": IDENTITY}
TEXT_LEFT_OUT = {
    "police": (PASSPORT, CARD_END, BSN, PAYSLIP),
    "municipality": (PASSPORT, CARD_END, BSN, PAYSLIP, IBAN, CASH),
}


def marker(name: str) -> str:
    """A value no report prints unless it shows this very field."""
    return "ZQ" + name.upper().replace("_", "")


def note_marker(question_id: str) -> str:
    return "ZQNOTE" + question_id.replace("-", "")


def file_marker(question_id: str) -> str:
    return "ZQFILE" + question_id.replace("-", "") + ".pdf"


def everything(registry: PackRegistry, files: Files) -> tuple[Check, Pack]:
    """A tenant's check with every field filled, every signal answered 'yes', and a note and a
    file with every answer; the sensitive free text with an observation."""
    check, pack = read(document("landlord-residential-hemp-signs"), registry)
    person = {name: marker(name) for name in PERSON_FIELDS}
    organisation = {name: marker(name) for name in ORGANISATION_FIELDS}
    parties = (
        Party("tenant", PartyKind.PERSON, {**person, "name": "Daan Bakker"}),
        Party("guarantor", PartyKind.ORGANISATION, {**organisation, "name": "Bakker Holding"}),
    )
    answers: dict[str, Answer] = {"RES-00": Answer("tenancy")}
    for question in pack.questions:
        if question.id == "RES-00":
            continue
        if question.type is QuestionType.FLAG:
            value: object = question.signal_answer
        elif question.type is QuestionType.AMOUNT:
            value = Decimal("4321")
        elif question.type is QuestionType.DATE:
            value = check.created_at.date() if check.created_at else None
        else:
            continue
        note = note_marker(question.id)
        attachments: tuple[Attachment, ...] = (
            files.add(question.id.encode(), file_marker(question.id), "application/pdf"),
        )
        if question.id == "RES-19":
            note = f"{note} {FREE_TEXT}"
            attachments += (files.add(b"scan", FILE_NAME, "application/pdf"),)
        answers[question.id] = Answer(value, note, attachments)  # type: ignore[arg-type]
    property_data = {name: marker(name) for name in PROPERTY_FIELDS}
    property_data["rent_monthly"] = Decimal("1450")
    check = dataclasses.replace(check, parties=parties, property=property_data, answers=answers)
    return final(check), pack


@pytest.fixture
def tenant(registry: PackRegistry, files: Files) -> tuple[Check, Pack]:
    return everything(registry, files)


def _report(tenant: tuple[Check, Pack], files: Files, recipient: str, language: str) -> str:
    return flat(text(report(*tenant, recipient, language, files)))


def _has_question(content: str, question_id: str) -> bool:
    return f"{question_id} " in content or content.endswith(question_id)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("recipient", ["police", "municipality"])
def test_nothing_left_out_appears_anywhere_in_the_report(
    tenant: tuple[Check, Pack], files: Files, recipient: str, language: str
) -> None:
    content = _report(tenant, files, recipient, language)
    left_out_fields = PARTY_FIELDS_LEFT_OUT[recipient] | PROPERTY_FIELDS_LEFT_OUT[recipient]
    for name in left_out_fields:
        assert marker(name) not in content, name
    for question_id in LEFT_OUT[recipient]:
        assert not _has_question(content, question_id), question_id
        assert note_marker(question_id) not in content, question_id
        assert file_marker(question_id) not in content, question_id
    for question_id in ANSWER_ONLY[recipient]:
        if question_id not in LEFT_OUT[recipient]:
            assert _has_question(content, question_id), question_id
        assert note_marker(question_id) not in content, question_id
        assert file_marker(question_id) not in content, question_id
    for value in TEXT_LEFT_OUT[recipient]:
        assert value not in content, value
    # ... while what the recipient may have is there: the test reads a full report.
    shown = {*PERSON_FIELDS, *ORGANISATION_FIELDS, *PROPERTY_FIELDS} - left_out_fields
    for name in shown - {"name", "rent_monthly"}:
        assert marker(name) in content, name
    for question_id in OBSERVED:
        assert note_marker(question_id) in content and file_marker(question_id) in content
    assert "Het ruikt naar hennep." in content
    assert ("[verwijderd]" if language == "nl" else "[removed]") in content


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("recipient", ["police", "municipality"])
def test_the_first_page_names_every_field_of_the_checklist_left_out(
    tenant: tuple[Check, Pack], files: Files, recipient: str, language: str
) -> None:
    check, pack = tenant
    first = flat(pages(report(check, pack, recipient, language, files))[0])
    asked = {
        name
        for category in ("person", "organisation", "property")
        for name in (*PERSON_FIELDS, *ORGANISATION_FIELDS, *PROPERTY_FIELDS)
        if pack.field_need(category, name) and name not in WWFT_ONLY_FIELDS  # a landlord's
    }
    left_out = PARTY_FIELDS_LEFT_OUT[recipient] | PROPERTY_FIELDS_LEFT_OUT[recipient]
    assert left_out & asked
    with language_scope(language):
        for name in left_out & asked:  # the fields this checklist asks for
            assert field_label(name) in first, name


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("recipient", ["dossier", "fiu"])
def test_the_dossier_and_fiu_leave_nothing_of_it_out(
    registry: PackRegistry, files: Files, recipient: str, language: str
) -> None:
    if recipient == "fiu":  # an estate agent's letting of €10,000 a month: under the Wwft
        check, pack = everything(registry, files)
        rent = {**check.property, "rent_monthly": Decimal("12000")}
        check = dataclasses.replace(check, role=Role.BROKER, property=rent)
    else:
        check, pack = everything(registry, files)
    content = flat(text(report(check, pack, recipient, language, files)))
    for value in (PASSPORT, CARD_END, BSN, PAYSLIP, IBAN, CASH, FILE_NAME):
        assert value in content, value
    for question_id in (*IDENTITY, *INCOME, "RES-03"):
        assert note_marker(question_id) in content, question_id


def _only_signals(registry: PackRegistry, signals: tuple[str, ...]) -> tuple[Check, Pack]:
    """A tenancy check whose only signals answered 'yes' are ``signals``."""
    check, pack = read(document("landlord-residential-hemp-signs"), registry)
    answers: dict[str, Answer] = {"RES-00": Answer("tenancy")}
    for question in pack.questions:
        if question.type is QuestionType.FLAG:
            value = question.signal_answer if question.id in signals else question.safe_answer
            answers[question.id] = Answer(value)
    return final(dataclasses.replace(check, answers=answers)), pack


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("recipient", "signals"),
    [("municipality", ("RES-07", "RES-03")), ("police", ("RES-31",))],
)
def test_no_report_says_no_signal_was_answered_when_it_left_signals_out(
    registry: PackRegistry, recipient: str, signals: tuple[str, ...], language: str
) -> None:
    content = flat(text(report(*_only_signals(registry, signals), recipient, language)))
    for question_id in signals:
        assert not _has_question(content, question_id)
    claim = {
        "en": "No signal was answered 'yes'",
        "nl": "Er is geen signaal met 'ja' beantwoord",
    }[language]
    assert claim not in content
    none_shown = {
        "en": "This report shows no signal",
        "nl": "Dit rapport toont geen signaal",
    }[language]
    assert none_shown in content


def test_the_same_words_when_nothing_was_left_out(registry: PackRegistry) -> None:
    """A recipient cannot tell from the wording whether signals were withheld."""
    withheld = flat(text(report(*_only_signals(registry, ("RES-07",)), "municipality")))
    clean = flat(text(report(*_only_signals(registry, ()), "municipality")))
    assert "This report shows no signal" in withheld and "This report shows no signal" in clean


def test_a_clean_dossier_still_says_no_signal_was_answered(registry: PackRegistry) -> None:
    check, pack = _only_signals(registry, ())
    assert "This report shows no signal" not in flat(text(report(check, pack, "dossier")))


def test_the_note_on_an_identity_question_never_reaches_the_police(
    tenant: tuple[Check, Pack], files: Files
) -> None:
    check, pack = tenant
    answers = dict(check.answers)
    answers["RES-01"] = Answer(FlagValue.YES, "Origineel paspoort bekeken, nummer onleesbaar.")
    check = dataclasses.replace(check, answers=answers)
    content = flat(text(report(check, pack, "police", "nl", files)))
    assert "Origineel paspoort bekeken" not in content


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Paspoort SPECI2014 gezien.", "Paspoort [removed] gezien."),
        ("ID-kaart eindigt op 7K2D, origineel.", "ID-kaart eindigt op [removed], origineel."),
        ("Driving licence number 5123456789.", "Driving licence number [removed]."),
        ("Schreef BSN 111222333 op.", "Schreef BSN [removed] op."),
        # An amount near a document stays whole for a recipient that may have amounts.
        (
            "Toonde paspoort SPECI2014 en betaalde € 2.900 contant.",
            "Toonde paspoort [removed] en betaalde € 2.900 contant.",
        ),
        ("Loonstrook: 2.450 netto per maand.", "Loonstrook: [removed] netto per maand."),
        ("Bezoek om 21.30 uur, 12 auto's.", "Bezoek om 21.30 uur, 12 auto's."),
    ],
)
def test_the_pattern_filter_for_the_police(typed: str, shown: str) -> None:
    """The second line of defence, as it reads free text for the police."""
    assert PROFILES[Recipient.POLICE].redact(typed) == shown
