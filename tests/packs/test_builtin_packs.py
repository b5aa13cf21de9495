"""The seven built-in packs hold every item of the domain brief, correctly classified."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from vastgoedcheck.domain.pack import WWFT_ONLY_FIELDS, FlagValue, QuestionType, Role
from vastgoedcheck.packs.loading import InvalidPack, load_pack_file, validate_pack_file
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.paths import checklists_dir

# From DOMAIN §2: the item ranges of each checklist, and the knock-outs listed in §3 (with the
# sanctions question every role must have, DOMAIN §3 rule 5a: SEL-19 on the seller side).
DOMAIN_ITEMS = {"RES": 27, "COM": 23, "AGR": 18, "BUY": 26, "SEL": 16, "NOT": 23, "STAY": 18}
DOMAIN_KNOCKOUTS = {
    "RES-01", "RES-02", "RES-08", "RES-27", "COM-04", "AGR-03", "AGR-04", "AGR-17",
    "BUY-01", "BUY-02", "BUY-06", "SEL-01", "SEL-02", "SEL-19", "NOT-01", "NOT-02", "NOT-18",
    "NOT-23",
}  # fmt: skip
DOMAIN_OBJECTIVE = {"BUY-07", "BUY-08", "NOT-04"}


def test_every_builtin_pack_file_is_valid() -> None:
    files = sorted(checklists_dir().glob("*.json"))
    assert len(files) == 7
    for path in files:
        assert validate_pack_file(path) == [], path.name


def test_seven_packs_cover_landlord_broker_and_notary(registry: PackRegistry) -> None:
    packs = registry.latest()
    assert sorted(p.code for p in packs) == sorted(DOMAIN_ITEMS)
    roles = {role for pack in packs for role in pack.roles}
    assert roles == {Role.LANDLORD, Role.BROKER, Role.NOTARY}
    assert sum(len(p.questions) for p in packs) >= 150


@pytest.mark.parametrize(("code", "count"), sorted(DOMAIN_ITEMS.items()))
def test_every_domain_item_is_a_flag_question(
    registry: PackRegistry, code: str, count: int
) -> None:
    pack = next(p for p in registry.latest() if p.code == code)
    for number in range(1, count + 1):
        question = pack.question(f"{code}-{number:02d}")
        assert question is not None, f"{code}-{number:02d} is missing"
        assert question.type is QuestionType.FLAG
        assert question.severity is not None and question.sources
        assert question.label.nl.strip() and question.label.en.strip()
        assert question.guidance.nl.strip() and question.guidance.en.strip()
        assert question.label.nl != question.label.en


def test_knockouts_are_exactly_those_of_the_domain_brief(registry: PackRegistry) -> None:
    # Besides the knock-outs of DOMAIN §3, every pack stops on its sanctions question (§3 rule
    # 5a), and a pack serving Wwft institutions stops on failed client due diligence (§3 rule 5).
    questions = [q for p in registry.latest() for q in p.questions]
    sanctions = {q.id for q in questions if q.duty_type and q.duty_type.value == "sanctions"}
    wwft_cdd = {q.id for q in questions if q.wwft and q.duty_type and q.duty_type.value == "cdd"}
    knockouts = {q.id for q in questions if q.knockout}
    assert sanctions <= knockouts
    assert knockouts - sanctions - wwft_cdd == DOMAIN_KNOCKOUTS - sanctions


def test_objective_indicators_are_those_of_the_uitvoeringsbesluit(registry: PackRegistry) -> None:
    objective = {
        q.id
        for p in registry.latest()
        for q in p.questions
        if q.kind and q.kind.value == "objective"
    }
    assert objective == DOMAIN_OBJECTIVE


def test_cash_amounts_make_the_mixed_items_objective(registry: PackRegistry) -> None:
    for item in ("SEL-05", "NOT-03", "STAY-03", "AGR-03"):
        pack = next(p for p in registry.latest() if p.question(item))
        question = pack.question(item)
        assert question is not None
        kinds = {e.kind.value for e in question.escalations if e.kind}
        assert kinds == {"objective"}, item
    notary_cash = next(p for p in registry.latest() if p.code == "NOT").question("NOT-03")
    assert notary_cash is not None and any(e.knockout for e in notary_cash.escalations)


def test_packs_for_landlords_alone_never_ask_for_data_only_the_wwft_allows(
    registry: PackRegistry,
) -> None:
    for pack in registry.latest():
        asked = {name for fields in pack.fields.values() for name in fields}
        if pack.roles == (Role.LANDLORD,):
            assert not asked & WWFT_ONLY_FIELDS, pack.id
        if pack.roles != (Role.NOTARY,):
            assert "bsn" not in asked, pack.id


def test_every_text_of_every_pack_exists_in_both_languages(registry: PackRegistry) -> None:
    for pack in registry.latest():
        texts = [pack.title, pack.description]
        for section in pack.sections:
            texts.append(section.title)
            for question in section.questions:
                texts += [question.label, question.guidance]
                texts += [choice.label for choice in question.choices]
        for text in texts:
            assert text.nl.strip() and text.en.strip(), pack.id


def test_two_files_with_the_same_pack_version_are_refused(registry: PackRegistry) -> None:
    path = checklists_dir() / "notary-transaction.json"
    copy = PackRegistry()
    copy.add(load_pack_file(path), path)
    with pytest.raises(InvalidPack) as refused:
        copy.add(load_pack_file(path), path.with_name("notary-copy.json"))
    message = refused.value.problems[0].describe("notary-copy.json")
    version = load_pack_file(path).version
    assert message == (
        f"notary-copy.json: $.version: notary-transaction.json already holds version {version} "
        "of the pack notary-transaction"
    )


def test_checks_made_with_an_earlier_pack_version_keep_that_version(
    registry: PackRegistry,
) -> None:
    for pack in registry.latest():
        earlier = [v for v in registry.versions(pack.id) if v != pack.version]
        assert earlier, pack.id
        old = registry.get(pack.id, earlier[0])
        assert old is not None and old.version == earlier[0]
        assert registry.get(pack.id) is pack


# A label whose signal is "yes" may not contain a negation: a careful professional's natural
# answer must be the safe one, so "Was the identity NOT established?" becomes "Did you establish
# the identity …?" with "no" as its signal.
NEGATION = {
    "nl": re.compile(r"\b(niet|geen|nooit|níet|onvoldoende)\b", re.IGNORECASE),
    "en": re.compile(r"\b(not|no|never|cannot|unable)\b|n't", re.IGNORECASE),
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_question_whose_yes_is_the_signal_is_a_double_negative(
    registry: PackRegistry, language: str
) -> None:
    negated = [
        question.id
        for pack in registry.latest()
        for question in pack.questions
        if question.scored
        and question.signal_answer is FlagValue.YES
        and NEGATION[language].search(question.label.get(language))
    ]
    assert negated == []


def test_every_pack_states_its_law_and_is_reviewed_before_the_eu_aml_regulation(
    registry: PackRegistry,
) -> None:
    """Regulation (EU) 2024/1624 applies from 10 July 2027 and changes thresholds and UBO rules."""
    for pack in registry.latest():
        assert pack.review_by is not None and pack.review_by <= dt.date(2027, 7, 10), pack.id
        assert pack.legal_position is not None, pack.id
        assert "1 december 2026" in pack.legal_position.nl, pack.id  # the date it reflects


def test_a_damaged_earlier_version_is_set_aside_not_a_crash(tmp_path: Path) -> None:
    current = checklists_dir() / "notary-transaction.json"
    damaged = tmp_path / "notary-transaction-2025.1.json"
    damaged.write_text('{"format": "vastgoedcheck-pack", "id": ', encoding="utf-8")
    registry = PackRegistry()
    registry.add(load_pack_file(current), current)
    registry._unread = [damaged]
    assert registry.get("notary-transaction", "2025.1") is None
    assert registry.versions("notary-transaction") == [load_pack_file(current).version]
    assert len(registry.problems) == 1 and "notary-transaction-2025.1.json" in registry.problems[0]
