"""Every message the program can show has a finished Dutch translation that keeps its fields."""

from __future__ import annotations

import re

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import REPO
from vastgoedcheck.i18n import _, detect_language, ngettext, set_language

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PO = REPO / "translations" / "nl" / "LC_MESSAGES" / "vastgoedcheck.po"


def _catalogue():  # type: ignore[no-untyped-def]
    with PO.open("rb") as handle:
        return read_po(handle, locale="nl")


def test_every_message_in_the_code_has_a_finished_dutch_translation() -> None:
    catalogue = _catalogue()
    missing = []
    for _file, _line, message, _comments, _context in extract_from_dir(
        REPO / "vastgoedcheck", keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        entry = catalogue.get(msgid)
        strings = (
            entry.string if entry and isinstance(entry.string, tuple) else (entry and entry.string,)
        )
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(msgid)
    assert missing == []


def test_translations_keep_every_placeholder() -> None:
    for entry in _catalogue():
        if not entry.id:
            continue
        msgid = entry.id[0] if isinstance(entry.id, tuple) else entry.id
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        wanted = set(re.findall(r"\{\w+\}", msgid))
        for text in strings:
            assert set(re.findall(r"\{\w+\}", text)) == wanted, msgid


def test_the_pot_template_is_committed_next_to_the_catalogue() -> None:
    assert (REPO / "translations" / "vastgoedcheck.pot").is_file()


def test_dutch_and_english_switch_the_words() -> None:
    set_language("nl")
    assert _("Report recommended") == "Melding aanbevolen"
    assert ngettext("{count} question", "{count} questions", 2).format(count=2) == "2 vragen"
    set_language("en")
    assert _("Report recommended") == "Report recommended"


def test_language_follows_the_system_and_falls_back_to_dutch() -> None:
    assert detect_language({"LANG": "en_US.UTF-8"}) == "en"
    assert detect_language({"LANG": "nl_BE.UTF-8"}) == "nl"
    assert detect_language({"LANG": "de_DE.UTF-8"}) == "nl"
    assert detect_language({"LANG": "C.UTF-8"}) == "nl"
    assert detect_language({}) == "nl"
    assert detect_language({"LANGUAGE": "en_GB:nl", "LANG": "nl_NL.UTF-8"}) == "en"
