"""A checklist says which legal position it reflects and when it is due for review; once that
date has passed, the advice says so wherever it is shown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.domain.packs_for_tests import flag, pack_document
from tests.stores import open_store
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.i18n import set_language
from vastgoedcheck.i18n.pack_review import legal_position_text, review_text
from vastgoedcheck.packs.loading import pack_from_dict, pack_problems
from vastgoedcheck.packs.registry import PackRegistry

TODAY = dt.date(2027, 8, 1)


def reviewed_pack(review_by: str):  # type: ignore[no-untyped-def]
    document = pack_document([flag("TST-01")], ("landlord",), "rental")
    document["review_by"] = review_by
    document["legal_position"] = {
        "nl": "Wwft zoals geldend op 1 december 2026.",
        "en": "The Wwft as in force on 1 December 2026.",
    }
    assert pack_problems(document) == []
    return pack_from_dict(document)


def test_the_review_date_is_stated_and_an_overdue_one_is_a_warning() -> None:
    set_language("en")
    current = reviewed_pack("2027-12-31")
    assert review_text(current, TODAY) == "Legal position to be reviewed by 31 December 2027."
    overdue = reviewed_pack("2027-07-10")
    assert overdue.review_due(TODAY) and not current.review_due(TODAY)
    assert "was due for review on 10 July 2027" in review_text(overdue, TODAY)
    assert legal_position_text(overdue, "nl") == "Wwft zoals geldend op 1 december 2026."


def test_an_impossible_review_date_is_refused() -> None:
    document = pack_document([flag("TST-01")])
    document["review_by"] = "2027-02-30"
    assert any("is not a date" in p.message for p in pack_problems(document))


def test_the_editor_warns_on_a_check_made_with_an_overdue_checklist(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from vastgoedcheck.ui.editor import CheckEditor

    set_language("en")
    registry = PackRegistry()
    pack = reviewed_pack("2020-01-01")
    registry.add(pack, tmp_path / "test-pack.json")
    store = open_store(tmp_path / "data", registry, actor="M. Jansen")
    try:
        check = store.create(pack, Role.LANDLORD)
        editor = CheckEditor(store, check.id)
        qtbot.addWidget(editor)
        banner = editor.findChild(QLabel, "reviewDueBanner")
        assert banner is not None and "was due for review" in banner.text()
    finally:
        store.close()
