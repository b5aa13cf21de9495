"""The Dutch of the program and of its checklists keeps to the team's glossary: the terms it
says to avoid appear nowhere a user or a recipient reads them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from tests.conftest import REPO

PO = REPO / "translations" / "nl" / "LC_MESSAGES" / "vastgoedcheck.po"
# The current version of each built-in pack; the versions in previous/ stay as they were issued.
PACKS = sorted((REPO / "resources" / "checklists").glob("*.json"))


@dataclass(frozen=True)
class Avoid:
    """A term to avoid, the pattern that finds it, the term to use instead, and text that shows
    the pattern finds the term (``bad``) and leaves the right words alone (``good``)."""

    term: str
    pattern: str
    use: str
    bad: str
    good: str


# The "Avoid" column of the glossary in the Dutch style guide (STYLE-nl.md, "Dutch style and
# terminology"). The guide is prose, so its terms are written out here; keep the two in step.
# Terms the guide names only as context ("opschalen", "ernst") are the right words, not listed;
# "Controle" beside a check id is a report label, held by the report tests ("Controle-id").
AVOID = (
    Avoid("sectie", r"\bsectie", "onderdeel", "de sectie-id", "het onderdeel"),
    Avoid("opslag", r"\bopslag\b", "gegevensmap", "in deze opslag", "opgeslagen om 14:32"),
    Avoid("opslagversie", r"opslagversie", "versie van de gegevensmap", "opslagversie 3", ""),
    Avoid(
        "Sla de controle op", r"\bsla de controle\b", "definitief maken", "Sla de controle op", ""
    ),
    Avoid(
        "afronden (a check)",
        r"beoordelen en afronden|\bcontrole (afronden|af te ronden)",
        "definitief maken",
        "Beoordelen en afronden",
        "het cliëntenonderzoek is niet afgerond",
    ),
    Avoid(
        "Wilt u iets verbeteren",
        r"wilt u iets verbeteren",
        "corrigeren",
        "Wilt u iets verbeteren",
        "",
    ),
    Avoid(
        "vingerafdruk",
        r"(?<!digitale )vingerafdruk",
        "digitale vingerafdruk",
        "Vingerafdruk (SHA-256)",
        "Digitale vingerafdruk (SHA-256)",
    ),
    Avoid(
        "geschiedenis",
        r"\bgeschiedenis\b",
        "wijzigingsgeschiedenis",
        "in de geschiedenis van de controle",
        "in de wijzigingsgeschiedenis",
    ),
    Avoid(
        "gecontroleerd (verify)",
        r"\bgecontroleerd (op|door|als)\b|pdf\S* dat wordt gecontroleerd",
        "geverifieerd / nagaan",
        "het PDF-bestand dat wordt gecontroleerd",
        "geverifieerd op",
    ),
    Avoid(
        "extra controles",
        r"\bextra controles?\b",
        "aanvullend onderzoek",
        "Alleen door na extra controles",
        "Alleen doorgaan na aanvullend onderzoek",
    ),
    Avoid("Pauzeren", r"\bpauze", "Opschalen", "Pauzeer: laat", "Opschalen: laat"),
    Avoid("second opinion", r"second opinion", "tweede oordeel", "vraag een second opinion", ""),
    Avoid("knock-out", r"knock-out(?!vraag)", "stopvraag", "Knock-out RES-01", "knock-outvraag"),
    Avoid(
        "waarschuwingssignalen",
        r"waarschuwingssignaal|waarschuwingssignalen",
        "signaal / risicosignaal",
        "geen waarschuwingssignalen",
        "geen signalen",
    ),
    Avoid("Gewicht", r"\bgewicht:", "Ernst:", "Gewicht: kritiek", "Ernst: kritiek"),
    Avoid(
        "de zaak als ongebruikelijke transactie",
        r"\bzaak aan(merken)? als ongebruikelijke",
        "de transactie aanmerken als ongebruikelijk",
        "Merk de zaak aan als ongebruikelijke transactie",
        "Merk de transactie aan als ongebruikelijk",
    ),
    Avoid("zonder vertraging", r"zonder vertraging", "onverwijld", "meld zonder vertraging", ""),
    Avoid(
        "tipping-off",
        r"tipping-off|\bwwft art\.",
        "geheimhoudingsplicht (art. 23 Wwft)",
        "verbod op tipping-off (Wwft art. 23)",
        "geheimhoudingsplicht (art. 23 Wwft)",
    ),
    Avoid("de FIU", r"\bde FIU\b(?!-)", "FIU-Nederland", "meld bij de FIU.", "bij FIU-Nederland"),
    Avoid(
        "een sanctietreffer (a person)",
        r"\bis een\b[^.?]* een sanctietreffer\?",
        "op een sanctielijst",
        "Is een partij, UBO of financier een sanctietreffer?",
        "Staat een partij op een sanctielijst?",
    ),
    Avoid(
        "hoog-risico derde land",
        r"hoog-risico",
        "derde land met een hoog risico",
        "een hoog-risico derde land",
        "een derde land met een hoog risico",
    ),
    Avoid("gegadigde", r"\bgegadigde", "kandidaat-huurder", "de gegadigde", "de kandidaat"),
    Avoid("(aspirant-)huurder", r"aspirant-", "kandidaat-huurder", "(aspirant-)huurder", ""),
    Avoid(
        "waarborg (deposit)",
        r"\bwaarborg\b",
        "waarborgsom",
        "huur en waarborg",
        "huur en waarborgsom",
    ),
    # "borg" is the guarantor; as the deposit it is only found where it stands beside the rent.
    Avoid(
        "borg (deposit)",
        r"\bhuur,? (en )?borg\b",
        "waarborgsom",
        "huur, borg of kosten",
        "huur, waarborgsom of kosten; de borg tekent mee",
    ),
    Avoid("verhuurmakelaar", r"verhuurmakelaar", "verhuurbemiddelaar", "als verhuurmakelaar", ""),
    Avoid("KvK", r"(?-i:KvK)", "KVK", "een KvK-uittreksel", "een KVK-uittreksel"),
    Avoid("VOG-RP/VOG-NP", r"(?-i:VOG-(RP|NP))", "VOG RP / VOG NP", "een VOG-RP", "een VOG RP"),
    Avoid(
        "handelsregister",
        r"(?-i:\bhandelsregister)",
        "Handelsregister",
        "volgens het handelsregister",
        "volgens het Handelsregister",
    ),
    Avoid("u hebt", r"\bhebt\b", "u heeft", "wat u hebt besloten", "wat u heeft besloten"),
    Avoid(
        "artikel 13b Opiumwet",
        r"\b(artikel|art\.) \d+[a-z]* opiumwet",
        "artikel 13b van de Opiumwet",
        "een sluitingsbesluit (artikel 13b Opiumwet)",
        "een sluitingsbesluit (artikel 13b van de Opiumwet); de Opiumwet (artikelen 10a en 11a)",
    ),
    # The rules: one quotation style, '…', for answers and for quoted words alike.
    Avoid("quotes other than '…'", r"[‘’“”\"]", "'…'", 'bij ‘ja’ of "opslag"', "bij 'ja'"),
)

# Where a word to avoid has its other meaning: (the pack's question or section id, the term).
# In the checklists "opslag" is storage space and "geschiedenis" the past of a building.
ALLOWED = {
    ("COM-06", "opslag"),
    ("COM-18", "opslag"),
    ("SEL-10", "opslag"),
    ("STAY-10", "opslag"),
    ("RES-12", "opslag"),
    ("RES-18", "opslag"),
    ("RES-22", "opslag"),
    ("AGR-05", "opslag"),
    ("SEL-08", "geschiedenis"),
}


def _found(text: str) -> list[str]:
    return [a.term for a in AVOID if re.search(a.pattern, text, re.IGNORECASE)]


def _catalogue_texts() -> Iterator[tuple[str, str]]:
    with PO.open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    for message in catalogue:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            yield msgid, text


def _dutch_texts(node: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every Dutch text in a pack (labels, guidance, intros, choices, reasons, titles,
    descriptions), with the id of the question, section or pack it belongs to."""
    if isinstance(node, dict):
        here = node["id"] if isinstance(node.get("id"), str) else where
        for key, value in node.items():
            if key == "nl" and isinstance(value, str):
                yield here, value
            else:
                yield from _dutch_texts(value, here)
    elif isinstance(node, list):
        for value in node:
            yield from _dutch_texts(value, where)


@pytest.mark.parametrize("avoid", AVOID, ids=lambda a: a.term)
def test_each_pattern_finds_its_term_and_spares_the_right_word(avoid: Avoid) -> None:
    assert re.search(avoid.pattern, avoid.bad, re.IGNORECASE), avoid.bad
    if avoid.good:
        assert not re.search(avoid.pattern, avoid.good, re.IGNORECASE), avoid.good


def test_the_dutch_catalogue_keeps_to_the_glossary() -> None:
    offending = [(msgid, term) for msgid, text in _catalogue_texts() for term in _found(text)]
    assert offending == []


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.stem)
def test_the_dutch_checklist_texts_keep_to_the_glossary(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    offending = [
        (where, term, text)
        for where, text in _dutch_texts(document, document["id"])
        for term in _found(text)
        if (where, term) not in ALLOWED
    ]
    assert offending == []
