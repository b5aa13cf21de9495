"""`vastgoedcheck init` on a folder of an earlier version, and `vastgoedcheck passphrase`."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

from tests.storage.conftest import new_draft
from tests.storage.plain_folders import OWN_ZIP, make_plain_folder
from tests.storage.test_sealed_at_rest import _every_byte, _secrets
from tests.stores import TEST_PASSPHRASE, open_store
from vastgoedcheck.cli import passphrase_source
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.folder_state import FolderState, folder_state

NEW_PASSPHRASE = "zes kleine eendjes in de sloot"


def _files(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _recovery_key_in(out: str) -> str:
    [line] = [line.strip() for line in out.splitlines() if line.strip().count("-") == 7]
    return line


@pytest.fixture
def plain(tmp_path: Path, registry: PackRegistry) -> Path:
    return make_plain_folder(tmp_path / "data", registry, tmp_path).folder


def test_init_with_yes_encrypts_a_folder_of_an_earlier_version(cli: Any, plain: Path) -> None:
    result = cli("--data-dir", str(plain), "init", "--yes")
    assert result.code == 0, result.err
    assert "The 2 checks in" in result.out and "are encrypted" in result.out
    recovery_key = _recovery_key_in(result.out)
    assert folder_key.KeyFile.read(plain).unlock_with_recovery_key(recovery_key)
    assert OWN_ZIP in result.err and "not encrypted" in result.err  # the user's own zip: said
    for name, data in _every_byte(plain).items():
        if OWN_ZIP not in name:
            assert not any(secret in data for secret in _secrets()), name
    listed = cli("--data-dir", str(plain), "list")
    assert listed.code == 0 and "Zoutendijk" in listed.out


def test_init_on_a_plain_folder_asks_first_and_a_no_changes_nothing(
    cli: Any, plain: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _files(plain)
    refused = cli("--data-dir", str(plain), "init")  # no terminal, no --yes
    assert refused.code == 1 and "--yes" in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    monkeypatch.setattr(passphrase_source, "_on_terminal", lambda: True)
    questions = []

    def answer(text: str) -> str:
        questions.append(text)
        return "n"

    monkeypatch.setattr(builtins, "input", answer)
    declined = cli("--data-dir", str(plain), "init")
    assert declined.code == 1 and "nothing was encrypted" in declined.err
    assert "Encrypt them now" in questions[0]
    assert _files(plain) == before and folder_state(plain) is FolderState.PLAIN
    monkeypatch.setattr(builtins, "input", lambda text: "y")
    agreed = cli("--data-dir", str(plain), "init")
    assert agreed.code == 0, agreed.err
    assert folder_state(plain) is FolderState.ENCRYPTED


def test_a_passphrase_change_rewraps_the_key_and_leaves_every_data_file_as_it_is(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, registry: PackRegistry
) -> None:
    data = tmp_path / "data"
    assert cli("--data-dir", str(data), "init").code == 0
    with open_store(data, registry) as store:
        new_draft(store, "Anna Smit")
    before = {p: b for p, b in _files(data).items() if p.name != folder_key.KEY_FILE}
    monkeypatch.setenv("VASTGOEDCHECK_NEW_PASSPHRASE", NEW_PASSPHRASE)
    result = cli("--data-dir", str(data), "passphrase")
    assert result.code == 0, result.err
    assert "the checks were not encrypted again" in result.out
    after = {p: b for p, b in _files(data).items() if p.name != folder_key.KEY_FILE}
    assert after == before
    key_file = folder_key.KeyFile.read(data)
    assert key_file.unlock(NEW_PASSPHRASE).key_id == key_file.key_id
    with pytest.raises(folder_key.WrongPassphrase):
        key_file.unlock(TEST_PASSPHRASE)
    monkeypatch.setenv("VASTGOEDCHECK_PASSPHRASE", NEW_PASSPHRASE)
    assert cli("--data-dir", str(data), "list").code == 0


def test_a_wrong_passphrase_or_recovery_key_is_one_sentence_code_2_and_changes_nothing(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    assert cli("--data-dir", str(data), "init").code == 0
    before = _files(data)
    monkeypatch.setenv("VASTGOEDCHECK_NEW_PASSPHRASE", NEW_PASSPHRASE)
    monkeypatch.setenv("VASTGOEDCHECK_PASSPHRASE", TEST_PASSPHRASE + " maar anders")
    wrong = cli("--data-dir", str(data), "passphrase")
    assert wrong.code == 2 and wrong.out == "" and len(wrong.err.strip().splitlines()) == 1
    assert "passphrase is not right" in wrong.err
    monkeypatch.setenv(
        "VASTGOEDCHECK_RECOVERY_KEY", "ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH"
    )
    recovered = cli("--data-dir", str(data), "passphrase", "--recover")
    assert recovered.code == 2 and len(recovered.err.strip().splitlines()) == 1
    assert "recovery key" in recovered.err
    monkeypatch.delenv("VASTGOEDCHECK_PASSPHRASE")
    missing = cli("--data-dir", str(data), "passphrase", "--new-recovery-key")
    assert missing.code == 2 and "VASTGOEDCHECK_PASSPHRASE" in missing.err
    assert _files(data) == before


def test_the_recovery_key_sets_a_new_passphrase_and_a_new_recovery_key_replaces_it(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    set_up = cli("--data-dir", str(data), "init")
    first = _recovery_key_in(set_up.out)
    monkeypatch.setenv("VASTGOEDCHECK_PASSPHRASE", "vergeten, helaas")
    monkeypatch.setenv("VASTGOEDCHECK_RECOVERY_KEY", first.lower())  # typed as it comes
    monkeypatch.setenv("VASTGOEDCHECK_NEW_PASSPHRASE", NEW_PASSPHRASE)
    recovered = cli("--data-dir", str(data), "passphrase", "--recover")
    assert recovered.code == 0, recovered.err
    assert folder_key.unlock(data, NEW_PASSPHRASE)

    monkeypatch.setenv("VASTGOEDCHECK_PASSPHRASE", NEW_PASSPHRASE)
    renewed = cli("--data-dir", str(data), "passphrase", "--new-recovery-key")
    assert renewed.code == 0, renewed.err
    second = _recovery_key_in(renewed.out)
    key_file = folder_key.KeyFile.read(data)
    assert key_file.unlock_with_recovery_key(second).key_id == key_file.key_id
    with pytest.raises(folder_key.WrongRecoveryKey):
        key_file.unlock_with_recovery_key(first)


def test_without_a_new_passphrase_and_no_terminal_the_change_fails_with_code_2(
    cli: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert cli("--data-dir", str(data), "init").code == 0
    key_file = (data / folder_key.KEY_FILE).read_bytes()
    result = cli("--data-dir", str(data), "passphrase")
    assert result.code == 2 and "VASTGOEDCHECK_NEW_PASSPHRASE" in result.err
    assert (data / folder_key.KEY_FILE).read_bytes() == key_file


def test_restore_asks_for_the_passphrase_of_a_backup_made_in_another_folder(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, registry: PackRegistry
) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    monkeypatch.setenv("VASTGOEDCHECK_PASSPHRASE", NEW_PASSPHRASE)  # the old laptop's
    set_up = cli("--data-dir", str(old), "init")
    old_recovery_key = _recovery_key_in(set_up.out)
    key = folder_key.unlock(old, NEW_PASSPHRASE)
    with open_store(old, registry, key=key) as store:
        check = new_draft(store, "Wilhelmina Zoutendijk-Ünal")
    backup = tmp_path / "usb" / "backup.zip"
    assert cli("--data-dir", str(old), "backup", "-o", str(backup)).code == 0

    monkeypatch.setenv("VASTGOEDCHECK_PASSPHRASE", TEST_PASSPHRASE)  # the new laptop's
    assert cli("--data-dir", str(new), "init").code == 0
    refused = cli("--data-dir", str(new), "restore", str(backup))
    assert refused.code == 2 and "VASTGOEDCHECK_BACKUP_PASSPHRASE" in refused.err
    monkeypatch.setenv("VASTGOEDCHECK_BACKUP_PASSPHRASE", "niet de goede wachtwoordzin")
    wrong = cli("--data-dir", str(new), "restore", str(backup))
    assert wrong.code == 2 and len(wrong.err.strip().splitlines()) == 1
    assert "is not right; nothing was changed" in wrong.err
    monkeypatch.setenv("VASTGOEDCHECK_BACKUP_PASSPHRASE", old_recovery_key)
    restored = cli("--data-dir", str(new), "restore", str(backup))
    assert restored.code == 0, restored.err
    shown = cli("--data-dir", str(new), "show", check.id)
    assert shown.code == 0 and "Zoutendijk" in shown.out


def test_init_finishes_a_conversion_that_was_stopped_after_the_key_file(
    cli: Any, plain: Path
) -> None:
    folder_key.create(plain, TEST_PASSPHRASE)  # a stop right after the key file was written
    result = cli("--data-dir", str(plain), "init")
    assert result.code == 0, result.err
    assert "was interrupted; it is now complete (2 checks)" in result.out
    listed = cli("--data-dir", str(plain), "list")
    assert listed.code == 0 and "Zoutendijk" in listed.out
