"""Restoring, in the app, a backup made in another data folder: its passphrase is asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QWidget

from tests.storage.conftest import new_draft
from tests.stores import CHEAP_KDF, open_store
from tests.ui.conftest import Dialogs
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.ui.backup_actions import restore_backup

OLD_PASSPHRASE = "de oude laptop op kantoor"


def test_the_app_asks_for_the_passphrase_of_a_backup_of_another_folder(
    qtbot, dialogs: Dialogs, tmp_path: Path, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old"
    old.mkdir()
    key, _recovery = folder_key.create(old, OLD_PASSPHRASE, CHEAP_KDF)
    with open_store(old, registry, key=key) as store:
        check = new_draft(store, "Anna Smit")
        backup = tmp_path / "backup.zip"
        store.backup(backup)
    typed = iter([("niet goed", True), (OLD_PASSPHRASE, True)])
    questions: list[str] = []

    def get_text(parent: object, title: str, label: str, *args: object) -> tuple[str, bool]:
        questions.append(label)
        return next(typed)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    dialogs.answer = dialogs.answer.Yes
    parent = QWidget()
    qtbot.addWidget(parent)
    with open_store(tmp_path / "new", registry) as store:
        assert restore_backup(parent, store, backup)
        assert store.get(check.id).parties[0].data["name"] == "Anna Smit"
    assert len(questions) == 2 and "made in another data folder" in questions[0]
    assert dialogs.said("is neither the passphrase nor the recovery key")
    assert dialogs.said("1 check was restored from backup.zip.")

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a: ("", False)))
    with open_store(tmp_path / "third", registry) as store:
        assert not restore_backup(parent, store, backup)
        assert store.summaries() == []
    assert dialogs.said("passphrase was given for backup.zip; nothing was changed")
