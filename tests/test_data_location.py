"""Where the data lives on Windows and macOS: Local (not Roaming) AppData, moved there from where
earlier versions kept it; never in a folder that OneDrive or iCloud uploads; and a new data
folder that only its user can read, also where 0700 means nothing (Windows)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.storage.conftest import new_draft
from tests.stores import open_store
from vastgoedcheck import folder_access
from vastgoedcheck.cloud_folders import synced_by, upload_warning
from vastgoedcheck.data_location import RefusedFolder, settle_data_folder
from vastgoedcheck.folder_access import make_private_folder
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.paths import config_dir


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """A Windows user's environment; icacls succeeds, and what it was asked is recorded."""
    monkeypatch.setattr(sys, "platform", "win32")
    for name in ("VASTGOEDCHECK_DATA_DIR", "VASTGOEDCHECK_CONFIG_DIR", "OneDrive"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("APPDATA", str(tmp_path / "AppData" / "Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    monkeypatch.setenv("USERDOMAIN", "KANTOOR")
    monkeypatch.setenv("USERNAME", "anna")
    return icacls_answers(monkeypatch, lambda command: subprocess.CompletedProcess(command, 0))


def icacls_answers(
    monkeypatch: pytest.MonkeyPatch, answer: Callable[[list[str]], Any]
) -> list[list[str]]:
    calls: list[list[str]] = []

    def run(command: list[str], **kwargs: object) -> Any:
        calls.append(command)
        return answer(command)

    monkeypatch.setattr(folder_access.subprocess, "run", run)
    return calls


def roaming_store(tmp_path: Path, registry: PackRegistry) -> str:
    """A data folder where earlier versions kept it on Windows, with one draft."""
    with open_store(tmp_path / "AppData" / "Roaming" / "vastgoedcheck", registry, actor="a") as s:
        return new_draft(s).id


# -- item 8: where the data lives -----------------------------------------------------------


def test_windows_data_moves_from_roaming_to_local_app_data_beside_the_settings(
    tmp_path: Path, registry: PackRegistry, windows: list[list[str]]
) -> None:
    check_id = roaming_store(tmp_path, registry)
    settled = settle_data_folder(None)
    local = tmp_path / "AppData" / "Local" / "vastgoedcheck"
    assert settled.path == local / "data"
    assert config_dir() == local  # settings.ini beside the data folder
    assert "was moved from" in settled.notes[0]
    assert not (tmp_path / "AppData" / "Roaming" / "vastgoedcheck").exists()
    with open_store(settled.path, registry, actor="a") as store:
        assert store.get(check_id).id == check_id
    assert settle_data_folder(None) == type(settled)(local / "data")  # once only, silently


def test_a_data_folder_in_use_stays_where_it_is_until_it_can_be_moved(
    tmp_path: Path,
    registry: PackRegistry,
    windows: list[list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    check_id = roaming_store(tmp_path, registry)
    roaming = tmp_path / "AppData" / "Roaming" / "vastgoedcheck"

    def held_open(source: object, target: object) -> None:
        raise PermissionError(13, "The process cannot access the file", str(source))

    with monkeypatch.context() as antivirus:
        antivirus.setattr(os, "rename", held_open)
        settled = settle_data_folder(None)
    assert settled.path == roaming
    assert "stays in" in settled.notes[0] and "cannot access the file" in settled.notes[0]
    assert not (tmp_path / "AppData" / "Local" / "vastgoedcheck" / "data").exists()
    moved = settle_data_folder(None)
    with open_store(moved.path, registry, actor="a") as store:
        assert store.get(check_id).id == check_id


def test_a_chosen_folder_is_not_moved(
    tmp_path: Path, registry: PackRegistry, windows: list[list[str]]
) -> None:
    roaming_store(tmp_path, registry)
    chosen = tmp_path / "D" / "vastgoedcheck"
    assert settle_data_folder(chosen).path == chosen
    assert (tmp_path / "AppData" / "Roaming" / "vastgoedcheck" / "meta.json").exists()


# -- item 9: cloud-synced folders ----------------------------------------------------------


def test_onedrive_and_icloud_folders_are_recognised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    work = {"OneDriveCommercial": "C:\\Users\\anna\\OneDrive - Makelaardij Jansen"}
    assert synced_by("c:\\users\\anna\\onedrive - makelaardij jansen\\Documenten", work)
    assert synced_by("C:\\Users\\anna\\OneDrive - Makelaardij Jansen", work) == "OneDrive"
    assert synced_by("C:\\Users\\anna\\OneDrive - Makelaardij Jansen 2\\x", work) is None
    assert synced_by("C:\\Users\\anna\\Documents\\rapport.pdf", work) is None
    monkeypatch.setattr(sys, "platform", "darwin")
    home = tmp_path / "Users" / "anna"
    icloud = home / "Library" / "Mobile Documents" / "com~apple~CloudDocs" / "rapport.pdf"
    assert synced_by(icloud, {}, home) == "iCloud Drive"
    dropbox = home / "Library" / "CloudStorage" / "Dropbox-Kantoor" / "backup.zip"
    assert synced_by(dropbox, {}, home) == "Dropbox"
    assert synced_by(home / "Documents" / "rapport.pdf", {}, home) is None


def test_a_data_folder_in_onedrive_is_refused_in_one_sentence(onedrive: Path, cli: Any) -> None:
    inside = onedrive / "Documents" / "vastgoedcheck"
    with pytest.raises(RefusedFolder):
        settle_data_folder(inside)
    result = cli("--data-dir", str(inside), "list")
    assert result.code == 1 and result.out == ""
    assert "is in OneDrive, which uploads it to the cloud" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not inside.exists()


def test_saving_a_backup_in_onedrive_warns_first(onedrive: Path, tmp_path: Path, cli: Any) -> None:
    target = onedrive / "Documents" / "backup.zip"
    assert upload_warning(tmp_path / "backup.zip") is None
    result = cli("--data-dir", str(tmp_path / "data"), "backup", "-o", str(target))
    assert result.code == 0
    assert "backup.zip is in OneDrive, which uploads it to the cloud" in result.err
    assert target.exists()  # a note: the command line cannot ask


# -- item 10: permissions of a new data folder on Windows ------------------------------------


def test_a_new_data_folder_on_windows_gets_an_access_list_of_its_own(
    tmp_path: Path, windows: list[list[str]]
) -> None:
    folder = tmp_path / "C" / "vastgoedcheck"  # would inherit "Authenticated Users: Modify"
    settled = settle_data_folder(folder)
    assert settled.notes == () and folder.is_dir()
    [command] = windows
    assert command[:4] == ["icacls", str(folder), "/inheritance:r", "/grant:r"]
    assert command[4:] == [
        "KANTOOR\\anna:(OI)(CI)F",
        "*S-1-5-18:(OI)(CI)F",  # SYSTEM
        "*S-1-5-32-544:(OI)(CI)F",  # Administrators
    ]
    settle_data_folder(folder)
    assert len(windows) == 1  # only a folder the app makes


def test_when_the_access_list_cannot_be_set_the_user_is_warned(
    tmp_path: Path, windows: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    icacls_answers(
        monkeypatch,
        lambda command: subprocess.CompletedProcess(command, 5, b"", b"Access is denied.\r\n"),
    )
    [warning] = settle_data_folder(tmp_path / "shared" / "vastgoedcheck").notes
    assert "could not be limited to you (Access is denied.)" in warning
    assert "other users of this computer may be able to read it" in warning

    def missing(command: list[str]) -> Any:
        raise FileNotFoundError(2, "No such file or directory", "icacls")

    icacls_answers(monkeypatch, missing)
    assert "No such file or directory" in str(make_private_folder(tmp_path / "elsewhere"))


def test_elsewhere_a_new_folder_is_private_without_an_access_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = icacls_answers(monkeypatch, lambda command: subprocess.CompletedProcess(command, 0))
    folder = tmp_path / "new"
    assert make_private_folder(folder) is None
    assert calls == [] and folder.stat().st_mode & 0o077 == 0


def test_a_damaged_data_folder_is_moved_too(
    tmp_path: Path, registry: PackRegistry, windows: list[list[str]]
) -> None:
    """Without its meta.json the folder still holds checks: they must not be left behind
    while the app starts an empty folder elsewhere."""
    check_id = roaming_store(tmp_path, registry)
    (tmp_path / "AppData" / "Roaming" / "vastgoedcheck" / "meta.json").unlink()
    settled = settle_data_folder(None)
    assert (settled.path / "checks" / f"{check_id}.json").exists()
