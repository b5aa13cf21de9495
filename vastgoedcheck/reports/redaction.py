"""The pattern filter: free text (notes, text answers, field values, file names) with the numbers
and amounts of the kinds of data a report leaves out replaced by [removed].

It is the second line of defence. What a report may hold is decided first by field and by
question (reports/profiles.py); this filter catches what a user typed where it does not belong,
such as a passport number in a note about the tenant's story."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from stdnum.nl import bsn

from vastgoedcheck.domain.pack import DataKind
from vastgoedcheck.i18n import _

Rule = Callable[[str, str], str]  # (text, marker) -> text

# An IBAN, with or without spaces in groups of four.
_IBAN = re.compile(r"\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.I)
# An amount in euros, with the sign or the word before or after it.
_AMOUNTS = (
    re.compile(
        r"(?:€|\bEUR\b|\beuro\b)\s?[0-9][0-9.,]*(?:\s?(?:k|mln|miljoen|million)\b)?(?:,-)?", re.I
    ),
    re.compile(r"\b[0-9][0-9.,]*\s?(?:k\s?)?(?:€|EUR\b|euros?\b|,-)", re.I),
)
# A Dutch passport or identity-card number: 2 letters, 6 letters or digits, 1 digit.
_DOCUMENT_NUMBER = re.compile(r"\b[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]\b")
# Words that introduce an ID document or its number; what follows them within a few words and
# holds a digit (a number, the last characters of one) is the number or a part of it.
_DOCUMENT_WORDS = re.compile(
    r"\b(?:paspoort\w*|passports?|id[- ]?(?:kaart|card|bewijs)\w*|identiteits\w*|identity\s+"
    r"(?:card|document)s?|rijbewijs\w*|driving\s+licen[cs]es?|driver'?s\s+licen[cs]es?|"
    r"verblijfs(?:vergunning|document)\w*|residence\s+(?:permit|card)s?|documentnummer\w*|"
    r"document\s+numbers?|mrz|bsn|burgerservicenummer\w*)\b",
    re.I,
)
_FOLLOWING = re.compile(r"[^\w;!?\n]*(?:[^\W_]+[^\w;!?\n]*){0,5}")
# A word with a digit in it that is not part of an amount ("€ 2.900", "1.450,00").
_HAS_DIGIT = re.compile(r"(?<![.,€\d])(?<!€ )\b(?=[^\W_]*\d)[^\W_]{3,}\b(?![.,]\d)")
# A nine-digit number that passes the BSN's "elfproef" (with or without dots or spaces).
_NINE_DIGITS = re.compile(r"\b\d{4}[. ]?\d{2}[. ]?\d{3}\b|\b\d{9}\b")
# Words that make the amounts and figures of a sentence income.
_INCOME_WORDS = re.compile(
    r"\b(?:inkomen\w*|inkomsten|salaris\w*|loon\w*|netto|bruto|verdien\w*|werkgever\w*|"
    r"income|salary|salaries|wages?|payslips?|earn\w*|employer\w*|net\s+pay|gross\s+pay)\b",
    re.I,
)
_SENTENCE = re.compile(r"(?:[^.;!?\n]|[.](?=\d))+[.;!?\n]*")
_FIGURE = re.compile(r"\b\d[\d.,]*\d\b|\b\d{3,}\b")


def _document_numbers(text: str, marker: str) -> str:
    text = _DOCUMENT_NUMBER.sub(marker, text)
    spans: set[tuple[int, int]] = set()
    for found in _DOCUMENT_WORDS.finditer(text):
        following = _FOLLOWING.match(text, found.end())
        end = following.end() if following is not None else found.end()
        spans.update(token.span() for token in _HAS_DIGIT.finditer(text, found.end(), end))
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + marker + text[end:]
    return text


def _bsns(text: str, marker: str) -> str:
    def replace(found: re.Match[str]) -> str:
        return marker if bsn.is_valid(re.sub(r"[. ]", "", found[0])) else found[0]

    return _NINE_DIGITS.sub(replace, text)


def _amounts(text: str, marker: str) -> str:
    for pattern in _AMOUNTS:
        text = pattern.sub(marker, text)
    return text


def _accounts(text: str, marker: str) -> str:
    return _IBAN.sub(marker, text)


def _income(text: str, marker: str) -> str:
    """In a sentence about income, every amount and figure."""

    def sentence(found: re.Match[str]) -> str:
        part = found[0]
        if not _INCOME_WORDS.search(part):
            return part
        return _FIGURE.sub(marker, _amounts(part, marker))

    return _SENTENCE.sub(sentence, text)


# What is removed from free text when a report leaves a kind of data out, and the words that
# say so on the first page.
RULES: dict[DataKind, tuple[Rule, ...]] = {
    DataKind.IDENTITY_DOCUMENT: (_document_numbers, _bsns),
    DataKind.INCOME: (_income,),
    DataKind.FINANCIAL: (_accounts, _amounts),
    DataKind.SCREENING: (),
}
# BSNs are never shown outside the user's own file (UAVG art. 46): caught in every other report.
ALWAYS: tuple[Rule, ...] = (_bsns,)


def removed_marker() -> str:
    return _("[removed]")


def redact(text: str, kinds: Iterable[DataKind]) -> str:
    """``text`` without the numbers and amounts of ``kinds`` (and without BSNs)."""
    marker = removed_marker()
    rules: list[Rule] = list(ALWAYS)
    for kind in kinds:
        rules.extend(rule for rule in RULES[kind] if rule not in rules)
    for rule in rules:
        text = rule(text, marker)
    return text
