"""`vastgoedcheck init`, and the passphrase every command needs for an encrypted data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_subprocess
from tests.stores import TEST_PASSPHRASE
from vastgoedcheck.cli import main
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.folder_state import FolderState, folder_state


def test_init_sets_up_a_new_folder_and_shows_the_recovery_key_once(
    cli: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    result = cli("--data-dir", str(data), "init")
    assert result.code == 0, result.err
    assert folder_state(data) is FolderState.ENCRYPTED
    [line] = [line.strip() for line in result.out.splitlines() if line.count("-") == 7]
    key = folder_key.KeyFile.read(data).unlock_with_recovery_key(line)  # the key shown works
    assert key.key_id == folder_key.KeyFile.read(data).key_id
    assert "Print it, and keep it apart from this computer" in result.out
    listed = cli("--data-dir", str(data), "list")
    assert listed.code == 0, listed.err


def test_init_on_a_folder_that_is_set_up_or_plain_refuses_and_changes_nothing(
    cli: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert cli("--data-dir", str(data), "init").code == 0
    key_file = (data / folder_key.KEY_FILE).read_bytes()
    again = cli("--data-dir", str(data), "init")
    assert again.code == 1 and again.out == ""
    assert "already set up with its own passphrase; nothing was changed" in again.err
    assert (data / folder_key.KEY_FILE).read_bytes() == key_file

    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "meta.json").write_text('{"meta": {}}', encoding="utf-8")
    refused = cli("--data-dir", str(plain), "init")
    assert refused.code == 1 and "not encrypted" in refused.err
    assert not folder_key.has_key_file(plain)


def test_init_refuses_a_short_passphrase(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VASTGOEDCHECK_PASSPHRASE", "kort")
    result = cli("--data-dir", str(tmp_path / "data"), "init")
    assert result.code == 1 and "at least" in result.err
    assert not folder_key.has_key_file(tmp_path / "data")


def test_without_a_passphrase_a_command_fails_in_one_sentence_with_code_2(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    assert run_subprocess("--lang", "en", "--data-dir", str(data), "list").code == 0  # set up
    result = run_subprocess(
        "--lang", "en", "--data-dir", str(data), "list", env={"VASTGOEDCHECK_PASSPHRASE": ""}
    )
    assert result.code == 2 and result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert "VASTGOEDCHECK_PASSPHRASE" in result.err and "Traceback" not in result.err


def test_a_wrong_passphrase_is_one_sentence_and_changes_nothing(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    assert cli("--data-dir", str(data), "list").code == 0
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    monkeypatch.setenv("VASTGOEDCHECK_PASSPHRASE", TEST_PASSPHRASE + " maar anders")
    result = cli("--data-dir", str(data), "list")
    assert result.code == 1 and result.out == ""
    assert "passphrase is not right" in result.err
    assert {path: path.read_bytes() for path in data.rglob("*") if path.is_file()} == before


def test_a_folder_never_set_up_points_to_init(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--lang", "en", "--data-dir", str(data), "list"]) == 1  # no fixture set-up
    err = capsys.readouterr().err
    assert "has not been set up yet: run vastgoedcheck init" in err
    assert len(err.strip().splitlines()) == 1
    assert folder_state(data) is FolderState.NEW


def test_a_plain_folder_of_an_earlier_version_is_refused_in_one_sentence(
    cli: Any, tmp_path: Path
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "meta.json").write_text('{"meta": {}}', encoding="utf-8")
    result = cli("--data-dir", str(plain), "list")
    assert result.code == 1 and result.out == ""
    assert "made by an earlier version and is not encrypted yet" in result.err
    assert (plain / "meta.json").read_text(encoding="utf-8") == '{"meta": {}}'
