"""A landlord's report says that an ID-document number is only its last characters, or that
the number kept earlier cannot be used; an agent's report gives the whole number."""

from __future__ import annotations

from tests.reports.conftest import document, final, flat, read, report, text
from vastgoedcheck.packs.registry import PackRegistry


def test_a_landlords_dossier_names_the_last_four_characters(registry: PackRegistry) -> None:
    data = document("landlord-residential-all-clear")
    data["parties"][0]["id_document"]["number"] = "NW1K2L3M4"
    check, pack = read(data, registry)
    content = flat(text(report(final(check), pack, "dossier")))
    assert "identity card, last 4 characters L3M4" in content
    assert "NW1K" not in content


def test_a_number_marked_unusable_is_said_to_be_so(registry: PackRegistry) -> None:
    data = document("landlord-residential-all-clear")
    data["parties"][0]["id_document"].pop("number")
    data["parties"][0]["id_document"]["number_unusable"] = True
    check, pack = read(data, registry)
    content = flat(text(report(final(check), pack, "dossier")))
    assert "identity card, number unusable (shortened at the wrong end before)" in content


def test_an_agent_keeps_and_prints_the_whole_number(registry: PackRegistry) -> None:
    check, pack = read(document("broker-buyer-cash-deposit"), registry)
    content = flat(text(report(final(check), pack, "dossier")))
    assert "SPECI2014" in content and "last 4 characters" not in content
