"""Starting the app asks for what the data folder needs: a new folder is set up with a passphrase
and its recovery key; an encrypted one is unlocked (a wrong passphrase may be typed again, quitting
changes nothing); a folder of an earlier version is encrypted only after the user agrees."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QWidget

from tests.ui.conftest import Dialogs
from tests.ui.test_app import close_window_when_shown
from vastgoedcheck.cli import main
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.folder_key import KdfParameters
from vastgoedcheck.ui.folder_setup import FolderSetupDialog
from vastgoedcheck.ui.folder_unlocking import PASSPHRASE_VARIABLE, _converter
from vastgoedcheck.ui.unlock_dialog import UnlockDialog

PASSPHRASE = "groene deur aan de gracht"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_key, "DEFAULT_KDF", KdfParameters(64, 1, 1))
    monkeypatch.delenv(PASSPHRASE_VARIABLE, raising=False)  # a person at the keyboard


def when_shown(kind: type[QWidget], *steps: Callable[[QWidget], None]) -> list[str]:
    """Each time a ``kind`` window is on screen, take the next of ``steps`` on it; returns the
    texts of its problem lines as they were before each step."""
    seen: list[str] = []
    remaining = list(steps)
    polls = [500]  # 15 seconds at most: never left behind to answer a later test's dialog

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible() and remaining:
                problems = [label.text() for label in widget.findChildren(QLabel, "unlockProblem")]
                seen.append(" ".join(text for text in problems if text))
                remaining.pop(0)(widget)
                break
        polls[0] -= 1
        if remaining and polls[0] > 0:
            QTimer.singleShot(30, poll)

    QTimer.singleShot(30, poll)
    return seen


def unlock_with(passphrase: str) -> Callable[[QWidget], None]:
    def step(widget: QWidget) -> None:
        assert isinstance(widget, UnlockDialog)
        widget.passphrase.setText(passphrase)
        widget.findChild(QPushButton, "unlockButton").click()

    return step


def quit_dialog(widget: QWidget) -> None:
    widget.findChild(QPushButton, "quitButton").click()


def set_up_with(passphrase: str, shown_keys: list[str]) -> Callable[[QWidget], None]:
    def step(widget: QWidget) -> None:
        assert isinstance(widget, FolderSetupDialog)
        widget.fields.first.setText(passphrase)
        widget.fields.second.setText(passphrase)
        widget.findChild(QPushButton, "saveButton").click()
        shown_keys.append("-".join(widget.findChild(QLabel, "recoveryKey").text().split()))
        widget.findChild(QCheckBox, "recoveryKeyKept").setChecked(True)
        widget.findChild(QPushButton, "continueButton").click()

    return step


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the data folder but the app's own log (which notes that it started)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.parent.name != "logs"
    }


def set_up_through_the_app(folder: Path) -> None:
    """Start the app on ``folder``: the set-up dialog is answered with PASSPHRASE, the window
    closes once shown, and the key then opens with the passphrase and the recovery key shown."""
    shown_keys: list[str] = []
    when_shown(FolderSetupDialog, set_up_with(PASSPHRASE, shown_keys))
    seen: list[str] = []
    close_window_when_shown(seen)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 0
    assert seen == ["vastgoedcheck"]
    key = folder_key.unlock(folder, PASSPHRASE)
    assert folder_key.KeyFile.read(folder).unlock_with_recovery_key(shown_keys[0]) == key


def test_the_first_start_sets_up_the_folder_with_a_passphrase_and_a_recovery_key(
    qtbot, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    set_up_through_the_app(folder)


def test_quitting_the_first_start_leaves_no_folder_behind(
    qtbot, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    when_shown(FolderSetupDialog, quit_dialog)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 1
    assert not folder_key.has_key_file(folder)


def test_an_encrypted_folder_opens_after_a_wrong_then_the_right_passphrase(
    qtbot, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    folder.mkdir()
    folder_key.create(folder, PASSPHRASE)
    problems = when_shown(UnlockDialog, unlock_with("groene deur"), unlock_with(PASSPHRASE))
    seen: list[str] = []
    close_window_when_shown(seen)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 0
    assert seen == ["vastgoedcheck"]
    assert problems[1] == (
        "The passphrase is not right, so the data folder stays locked; nothing was changed."
    )
    assert dialogs.messages == []


def test_without_the_passphrase_the_app_ends_and_changes_nothing(
    qtbot, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    folder.mkdir()
    folder_key.create(folder, PASSPHRASE)
    before = snapshot(folder)
    when_shown(UnlockDialog, unlock_with("wrong passphrase"), quit_dialog)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 1
    assert snapshot(folder) == before


def test_a_folder_of_an_earlier_version_is_left_as_it_was_unless_the_user_agrees(
    qtbot, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    (folder / "checks").mkdir(parents=True)
    (folder / "meta.json").write_text('{"store_version": 2}\n', encoding="utf-8")
    (folder / "checks" / "a.json").write_text('{"name": "Ayşe Çelik"}\n', encoding="utf-8")
    before = snapshot(folder)
    intro: list[str] = []

    def decline(widget: QWidget) -> None:
        intro.append(widget.findChild(QLabel, "setupIntro").text())
        widget.findChild(QPushButton, "quitButton").click()

    if _converter() is not None:
        when_shown(FolderSetupDialog, decline)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 1
    if _converter() is None:  # this version cannot encrypt it yet: refused in one sentence
        assert intro == [] and dialogs.said("made by an earlier version and is not encrypted")
    else:  # offered, and declined
        assert "made by an earlier version of vastgoedcheck and is not encrypted" in intro[0]
    assert snapshot(folder) == before
    assert not folder_key.has_key_file(folder)


def test_a_scripted_start_opens_with_the_command_line_variable_and_asks_when_it_is_wrong(
    qtbot, tmp_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    folder.mkdir()
    folder_key.create(folder, PASSPHRASE)
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
    seen: list[str] = []
    close_window_when_shown(seen)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 0  # no dialog
    assert seen == ["vastgoedcheck"]
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "not the passphrase")
    asked = when_shown(UnlockDialog, unlock_with(PASSPHRASE))
    close_window_when_shown(seen)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 0
    assert asked == [""] and seen == ["vastgoedcheck", "vastgoedcheck"]


def test_a_folder_of_an_earlier_version_is_encrypted_once_the_user_agrees(
    qtbot, tmp_path: Path, dialogs: Dialogs, registry
) -> None:  # type: ignore[no-untyped-def]
    from tests.storage.plain_folders import OWN_ZIP, make_plain_folder
    from tests.storage.test_sealed_at_rest import _every_byte, _secrets

    folder = make_plain_folder(tmp_path / "data", registry, tmp_path).folder
    set_up_through_the_app(folder)
    for name, data in _every_byte(folder).items():
        if OWN_ZIP not in name and "logs" not in name:
            assert not any(secret in data for secret in _secrets()), name
    assert dialogs.said(OWN_ZIP) and dialogs.said("not encrypted")
