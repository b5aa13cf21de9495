"""The key file: a passphrase and a recovery key open the folder; nothing else does."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import REAL_DEFAULT_KDF
from vastgoedcheck.storage import folder_key, sealing
from vastgoedcheck.storage.errors import StoreDamaged, StoreError
from vastgoedcheck.storage.folder_key import KdfParameters, KeyFile
from vastgoedcheck.storage.sealing import SealBroken

CHEAP = KdfParameters(memory_kib=64, iterations=1, lanes=1)


def test_the_passphrase_opens_the_key_and_a_wrong_one_changes_nothing(tmp_path: Path) -> None:
    key, _recovery = folder_key.create(tmp_path, "correct horse battery", CHEAP)
    before = folder_key.key_file(tmp_path).read_bytes()
    assert folder_key.unlock(tmp_path, "correct horse battery") == key
    with pytest.raises(folder_key.WrongPassphrase, match="passphrase is not right"):
        folder_key.unlock(tmp_path, "correct horse batterY")
    assert folder_key.key_file(tmp_path).read_bytes() == before


def test_the_recovery_key_opens_the_folder_as_printed_or_typed_loosely(tmp_path: Path) -> None:
    key, recovery = folder_key.create(tmp_path, "correct horse battery", CHEAP)
    typed = recovery.lower().replace("-", " ").replace("0", "o")
    assert KeyFile.read(tmp_path).unlock_with_recovery_key(typed) == key
    other_tmp = tmp_path / "other"
    other_tmp.mkdir()
    _other_key, other_recovery = folder_key.create(other_tmp, "another passphrase", CHEAP)
    with pytest.raises(folder_key.WrongRecoveryKey, match="not the one of this data folder"):
        KeyFile.read(tmp_path).unlock_with_recovery_key(other_recovery)
    with pytest.raises(folder_key.WrongRecoveryKey, match="32 letters and digits"):
        KeyFile.read(tmp_path).unlock_with_recovery_key("1234-5678")


def test_a_lost_passphrase_is_replaced_after_the_recovery_key_and_the_data_key_stays(
    tmp_path: Path,
) -> None:
    key, recovery = folder_key.create(tmp_path, "correct horse battery", CHEAP)
    sealed = key.seal(b"a check", "check.json")
    recovered = KeyFile.read(tmp_path).unlock_with_recovery_key(recovery)
    folder_key.set_passphrase(tmp_path, recovered, "a brand new passphrase", CHEAP)
    with pytest.raises(folder_key.WrongPassphrase):
        folder_key.unlock(tmp_path, "correct horse battery")
    assert folder_key.unlock(tmp_path, "a brand new passphrase").open(sealed, "check.json") == (
        b"a check"
    )


def test_a_new_recovery_key_retires_the_old_one(tmp_path: Path) -> None:
    key, old = folder_key.create(tmp_path, "correct horse battery", CHEAP)
    new = folder_key.replace_recovery_key(tmp_path, key)
    assert KeyFile.read(tmp_path).unlock_with_recovery_key(new) == key
    with pytest.raises(folder_key.WrongRecoveryKey):
        KeyFile.read(tmp_path).unlock_with_recovery_key(old)


def test_short_passphrases_and_a_second_key_are_refused(tmp_path: Path) -> None:
    with pytest.raises(folder_key.PassphraseTooShort, match="at least 10 characters"):
        folder_key.create(tmp_path, "short", CHEAP)
    assert not folder_key.has_key_file(tmp_path)
    folder_key.create(tmp_path, "correct horse battery", CHEAP)
    with pytest.raises(StoreError, match="already encrypted"):
        folder_key.create(tmp_path, "correct horse battery", CHEAP)


def test_the_key_derivation_parameters_are_kept_per_folder(tmp_path: Path) -> None:
    folder_key.create(tmp_path, "correct horse battery", CHEAP)
    stored = json.loads(folder_key.key_file(tmp_path).read_text())["passphrase"]["kdf"]
    assert stored == {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}
    # A new folder gets the strong default: RFC 9106's 64 MiB, three passes, four lanes.
    assert KdfParameters(memory_kib=65_536, iterations=3, lanes=4) == REAL_DEFAULT_KDF


@pytest.mark.parametrize(
    "change",
    [
        lambda content: content["passphrase"]["kdf"].update(memory_kib=2**40),
        lambda content: content.update(format="something else"),
        lambda content: content.pop("recovery"),
    ],
)
def test_a_damaged_or_hostile_key_file_is_refused_in_one_sentence(tmp_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    folder_key.create(tmp_path, "correct horse battery", CHEAP)
    path = folder_key.key_file(tmp_path)
    content = json.loads(path.read_text())
    change(content)
    path.write_text(json.dumps(content))
    with pytest.raises(StoreDamaged, match=r"key file .* is damaged"):
        folder_key.unlock(tmp_path, "correct horse battery")


def test_a_missing_key_file_says_the_folder_is_not_encrypted(tmp_path: Path) -> None:
    with pytest.raises(folder_key.KeyFileMissing, match="not an encrypted data folder"):
        folder_key.unlock(tmp_path, "correct horse battery")


def test_sealed_content_opens_only_unchanged_under_its_own_name_and_key(tmp_path: Path) -> None:
    key, _ = folder_key.create(tmp_path, "correct horse battery", CHEAP)
    sealed = key.seal(b'{"name": "J. de Vries"}', "a.json")
    assert b"de Vries" not in sealed
    assert key.open(sealed, "a.json") == b'{"name": "J. de Vries"}'
    flipped = sealed[:-1] + bytes([sealed[-1] ^ 1])
    for content, name in ((flipped, "a.json"), (sealed, "b.json"), (sealed[:20], "a.json")):
        with pytest.raises(SealBroken):
            key.open(content, name)
    (tmp_path / "other").mkdir()
    other, _ = folder_key.create(tmp_path / "other", "correct horse battery", CHEAP)
    with pytest.raises(SealBroken):
        other.open(sealed, "a.json")


def test_json_is_compressed_before_it_is_sealed_and_a_photo_is_not(tmp_path: Path) -> None:
    key, _ = folder_key.create(tmp_path, "correct horse battery", CHEAP)
    check = json.dumps(
        {"answers": [{"id": f"RES-{n:02d}", "value": "yes", "note": "Contant"} for n in range(30)]}
    ).encode()
    sealed = key.seal(check, "c.json")
    assert len(sealed) < len(check) / 3  # backups and the folder stay small
    assert key.open(sealed, "c.json") == check
    photo = os.urandom(200_000)  # already compressed content does not shrink
    assert len(key.seal(photo, "p")) == len(photo) + sealing.OVERHEAD


def test_the_packing_byte_is_authenticated_and_unpacking_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key, _ = folder_key.create(tmp_path, "correct horse battery", CHEAP)
    sealed = key.seal(b"a" * 5_000, "c.json")
    position = len(sealing.MAGIC)
    for packing in (sealing.AS_IS, b"\x07"):
        changed = sealed[:position] + packing + sealed[position + 1 :]
        with pytest.raises(SealBroken):
            key.open(changed, "c.json")
    monkeypatch.setattr(sealing, "MAX_CONTENT_BYTES", 1_000)
    with pytest.raises(SealBroken, match="not unpacked whole"):
        key.open(sealed, "c.json")
