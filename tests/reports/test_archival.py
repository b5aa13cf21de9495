"""Every report is a PDF/A-2b a notary can archive: its identification, title, language and
check id in XMP metadata that agrees with the document information, an sRGB output intent,
every font embedded, and a file qpdf finds no fault in."""

from __future__ import annotations

import io

import pikepdf
import pytest

from tests.reports.conftest import document, final, read, report
from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.origin import claimed_origin


@pytest.fixture(scope="module")
def broker(registry: PackRegistry) -> tuple[Check, Pack]:
    check, pack = read(document("broker-buyer-cash-deposit"), registry)
    return final(check), pack


def _open(pdf: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(pdf))


@pytest.mark.parametrize(
    ("recipient", "language", "bcp47"),
    [("dossier", "nl", "nl-NL"), ("police", "en", "en-GB"), ("fiu", "nl", "nl-NL")],
)
def test_the_report_says_it_is_pdfa_2b_with_title_language_and_check(
    broker: tuple[Check, Pack], recipient: str, language: str, bcp47: str
) -> None:
    check, _pack = broker
    with _open(report(*broker, recipient, language)) as pdf:
        xmp = pdf.open_metadata()
        assert xmp["pdfaid:part"] == "2" and xmp["pdfaid:conformance"] == "B"
        assert check.id in xmp["dc:title"]
        assert str(pdf.docinfo["/Title"]) == xmp["dc:title"]  # both say the same
        assert set(xmp["dc:language"]) == {bcp47} and str(pdf.Root.Lang) == bcp47
        assert xmp["dc:identifier"] == f"vastgoedcheck:check:{check.id}:revision:1"
        assert xmp["pdf:Keywords"] == str(pdf.docinfo["/Keywords"])


def test_colours_are_srgb_by_an_output_intent(broker: tuple[Check, Pack]) -> None:
    with _open(report(*broker, "dossier")) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1
        assert "sRGB" in str(intent.OutputConditionIdentifier)
        profile = intent.DestOutputProfile
        assert profile.N == 3
        icc = profile.read_bytes()
        assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB "  # an ICC profile for RGB


def test_every_font_is_embedded(broker: tuple[Check, Pack]) -> None:
    with _open(report(*broker, "dossier")) as pdf:
        fonts = {}
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                fonts[str(font.BaseFont)] = font
        assert fonts
        for name, font in fonts.items():
            descriptor = font.FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name


@pytest.mark.parametrize("recipient", ["dossier", "police", "municipality", "fiu"])
def test_qpdf_finds_no_fault_and_the_origin_stays_readable(
    broker: tuple[Check, Pack], recipient: str
) -> None:
    check, _pack = broker
    pdf = report(*broker, recipient)
    with _open(pdf) as document_:
        assert document_.check_pdf_syntax() == []  # what `qpdf --check` checks
    origin = claimed_origin(pdf)  # what `vastgoedcheck verify` reads from the raw bytes
    assert origin is not None and origin.check_id == check.id and origin.recipient == recipient
