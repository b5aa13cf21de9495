"""Any text a user typed prints literally: markup is not obeyed, nothing is fetched, every
script the font has is readable, and text of any length flows over pages."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from tests.domain.packs_for_tests import flag, make_pack
from tests.reports.conftest import document, final, flat, pages, read, report, text
from vastgoedcheck.domain.check import Answer, Check
from vastgoedcheck.domain.pack import FlagValue, Role
from vastgoedcheck.packs.registry import PackRegistry

HOSTILE = '<b>Jan & Zonen</b> <img src="/etc/passwd"/>'
NAMES = [
    "Zażółć Gęślą-Jaźń",  # Polish
    "Şükrü Öztürk Çağlayan",  # Turkish
    "Ștefan Țăranu",  # Romanian
    "Γιώργος Παπαδόπουλος",  # Greek
    "Дмитрий Иванов",  # Cyrillic
]
STANDARD_FONTS = {
    "Courier",
    "Helvetica",
    "Times-Roman",
    "Symbol",
    "ZapfDingbats",
}


def _landlord(registry: PackRegistry, names: list[str], note: str = "") -> bytes:
    data = document("landlord-residential-hemp-signs")
    data["parties"] = [{"role": "tenant", "kind": "person", "name": name} for name in names]
    if note:
        data["answers"]["RES-19"]["note"] = note
    check, pack = read(data, registry)
    return report(final(check), pack, "police")


def test_markup_in_a_name_prints_literally_and_nothing_is_read(registry: PackRegistry) -> None:
    pdf = _landlord(registry, [HOSTILE, "Plain & <i>simple</i>"])
    content = flat(text(pdf))
    assert HOSTILE in content
    assert "Plain & <i>simple</i>" in content
    assert b"/Subtype /Image" not in pdf  # no image was fetched for the <img> tag


def test_names_in_other_scripts_and_the_euro_sign_are_readable(registry: PackRegistry) -> None:
    pdf = _landlord(registry, NAMES, note="Betaalt € 2.500 contant per maand.")
    content = text(pdf)
    for name in NAMES:
        assert name in content
    assert "€ 2.500" in content


def test_characters_the_font_lacks_do_not_stop_the_report(registry: PackRegistry) -> None:
    pdf = _landlord(registry, ["王小明 🏠 Bakker", "\u200b\u2060Tsotsi"])
    assert "Bakker" in text(pdf)


def test_only_the_embedded_dejavu_family_is_used(registry: PackRegistry) -> None:
    pdf = _landlord(registry, NAMES)
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else {}
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts, "the report uses no font at all"
    for name, embedded in fonts.items():
        assert "DejaVuSans" in name and embedded, name
        assert not any(standard in name for standard in STANDARD_FONTS)


def test_line_breaks_in_a_note_are_kept(registry: PackRegistry) -> None:
    pdf = _landlord(registry, ["Daan Bakker"], note="First line of the note\nSecond line")
    lines = [line.strip() for line in text(pdf).splitlines()]
    assert any(line.endswith("First line of the note") for line in lines)
    assert "Second line" in lines


def test_a_note_of_100000_characters_flows_over_pages(registry: PackRegistry) -> None:
    sentence = "De huurder kwam om 23:15 met een bestelbus vol potgrond en lampen. "
    note = (sentence * (100_000 // len(sentence) + 1))[:99_990] + " EINDE-NOTE"
    check, pack = read(document("landlord-residential-hemp-signs"), registry)
    # Notes are stored up to 20,000 characters; the report does not rely on that limit.
    answers = {**check.answers, "RES-19": Answer(FlagValue.YES, note)}
    pdf = report(final(dataclasses.replace(check, answers=answers)), pack, "dossier")
    texts = pages(pdf)
    assert len(texts) > 20
    assert "EINDE-NOTE" in flat("\n".join(texts))
    # The whole note, after its start in the signals in brief on the first page.
    brief = texts[0].count("potgrond")
    assert sum(page.count("potgrond") for page in texts) == note.count("potgrond") + brief


@pytest.mark.parametrize("spaces", [True, False], ids=["words", "one-long-word"])
def test_a_huge_single_value_never_raises_a_layout_error(
    registry: PackRegistry, spaces: bool
) -> None:
    unit = "woord " if spaces else "x"
    data = document("landlord-residential-hemp-signs")
    data["property"]["intended_use"] = (unit * 1000)[:999]
    data["property"]["prior_enforcement"] = (unit * 20_000)[:19_990] + " SLOT"
    data["parties"][0]["name"] = "N" * 300
    check, pack = read(data, registry)
    pdf = report(final(check), pack, "dossier")
    assert "SLOT" in text(pdf)


def test_a_long_text_answer_flows_under_its_question() -> None:
    description = {
        "id": "TST-02",
        "type": "text",
        "label": {"nl": "Wat zag u?", "en": "What did you see?"},
        "guidance": {"nl": "Feiten.", "en": "Facts."},
    }
    pack = make_pack([flag("TST-01"), description])
    seen = ("Op de zolder stonden veertig potten en zes lampen. " * 2000) + "EINDE-ANTWOORD"
    check = Check(
        id="5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
        pack_id=pack.id,
        pack_version=pack.version,
        role=Role.BROKER,
        answers={"TST-01": Answer(FlagValue.YES), "TST-02": Answer(seen)},
    )
    texts = pages(report(check, pack, "dossier"))
    content = flat("\n".join(texts))
    assert "(see below)" in content and "EINDE-ANTWOORD" in content
    assert len(texts) > 5


def test_an_amount_never_breaks_from_its_currency_sign() -> None:
    """A line break between "€" and "10.000" makes an amount hard to read in a report."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from vastgoedcheck.reports.escaping import escape

    paragraph = Paragraph(escape("xxxxxxxxxxxx € 10.000 contant"), ParagraphStyle("narrow"))
    paragraph.wrap(75, 1000)
    lines = [" ".join(line[1]) for line in paragraph.blPara.lines]
    assert not any(line.rstrip().endswith("€") for line in lines), lines
