"""Every documented example check gives a report for every recipient it may go to, and a
one-sentence refusal for the others."""

from __future__ import annotations

import pytest

from tests.reports.conftest import EXAMPLES, document, final, pages, read, report
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.escaping import escape
from vastgoedcheck.reports.report import ReportRefused

NAMES = sorted(p.stem for p in EXAMPLES.glob("*.json") if p.stem != "expected-outcomes")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("recipient", ["dossier", "police", "municipality", "fiu"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_example_reports_or_is_refused_in_one_sentence(
    registry: PackRegistry, name: str, recipient: str, language: str
) -> None:
    check, pack = read(document(name), registry)
    check = final(check)
    try:
        pdf = report(check, pack, recipient, language)
    except ReportRefused as refused:
        assert recipient == "fiu"
        assert check.role is Role.LANDLORD or check.role is Role.BROKER
        message = str(refused)
        assert "\n" not in message and "FIU-Nederland" in message
        return
    texts = pages(pdf)
    first = texts[0]
    # Page 1 is the case: the property; the ids are in the record at the end.
    assert str(check.property["city"]) in first
    assert check.id not in first and check.id in texts[-1]
    assert ("VERTROUWELIJK" if language == "nl" else "CONFIDENTIAL") in first


def test_text_that_is_no_text_is_replaced_not_passed_to_the_pdf() -> None:
    markup = escape("a\x00b\x1bc\ud800d <e> & f\r\ng")
    assert markup == "a\ufffdb\ufffdc\ufffdd &lt;e&gt; &amp; f<br/>g"
