"""A backup made in another data folder (an old computer) is restored into this one with that
folder's passphrase or recovery key: opened with its key, sealed with this folder's key."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.storage.conftest import new_draft
from tests.storage.test_sealed_at_rest import PHOTO, _every_byte, _secrets
from tests.stores import CHEAP_KDF, key_for, open_store, recover
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.sealing import DataKey

OLD_PASSPHRASE = "de oude laptop op kantoor"
NAME = "Wilhelmina Zoutendijk-Ünal"


def _old_computer(tmp_path: Path, registry: PackRegistry) -> tuple[Path, str, str]:
    """A backup of a folder with its own passphrase; its path, check id and recovery key."""
    old = tmp_path / "old"
    old.mkdir()
    key, recovery_key = folder_key.create(old, OLD_PASSPHRASE, CHEAP_KDF)
    with open_store(old, registry, key=key) as store:
        check = new_draft(store, NAME)
        photo = tmp_path / "zolder.jpg"
        photo.write_bytes(PHOTO)
        store.add_attachment(check.id, "RES-19", photo)
        backup = tmp_path / "usb" / "backup.zip"
        store.backup(backup)
    return backup, check.id, recovery_key


def _with(text: str) -> object:
    def unlock(key_file: folder_key.KeyFile) -> DataKey:
        try:
            return key_file.unlock(text)
        except folder_key.WrongPassphrase:
            return key_file.unlock_with_recovery_key(text)

    return unlock


@pytest.mark.parametrize("secret", ["passphrase", "recovery key"])
def test_a_backup_of_another_folder_is_restored_with_its_passphrase_or_recovery_key(
    secret: str, tmp_path: Path, registry: PackRegistry
) -> None:
    backup, check_id, recovery_key = _old_computer(tmp_path, registry)
    new = tmp_path / "new"
    asked: list[str] = []

    def unlock(key_file: folder_key.KeyFile) -> DataKey:
        asked.append(key_file.key_id)
        text = OLD_PASSPHRASE if secret == "passphrase" else recovery_key
        return _with(text)(key_file)  # type: ignore[operator]

    with open_store(new, registry) as store:
        assert store.restore(backup, unlock) == 1
        assert store.get(check_id).parties[0].data["name"] == NAME
        assert [store.attachment_content(p.name) for p in new.glob("attachments/??/*")] == [PHOTO]
    assert len(asked) == 1
    ours = key_for(new)
    for path in [new / "meta.json", *new.glob("checks/*"), *new.glob("attachments/??/*")]:
        ours.open(path.read_bytes(), path.name)  # sealed with this folder's key
    for name, data in _every_byte(new).items():
        assert not any(s in data for s in _secrets()), name
    assert folder_key.KeyFile.read(new).key_id == ours.key_id  # the folder keeps its own key


def test_a_wrong_passphrase_for_the_backup_changes_nothing(
    tmp_path: Path, registry: PackRegistry
) -> None:
    backup, _check_id, _recovery_key = _old_computer(tmp_path, registry)
    new = tmp_path / "new"
    with open_store(new, registry) as store:
        kept = new_draft(store, "Anna Smit")
    before = {p: p.read_bytes() for p in new.rglob("*") if p.is_file() and "lock" not in p.name}
    with open_store(new, registry) as store:
        with pytest.raises(StoreError, match="nothing was changed"):
            store.restore(backup, _with("niet de goede wachtwoordzin"))  # type: ignore[arg-type]
        with pytest.raises(StoreError, match="another data folder's key"):
            store.restore(backup)  # nobody to ask: refused, as before
        assert [s.id for s in store.summaries()] == [kept.id]
    after = {p: p.read_bytes() for p in new.rglob("*") if p.is_file() and "lock" not in p.name}
    assert after.keys() == before.keys()
    assert not (new / "restore.tmp").exists()


def test_a_damaged_folder_is_recovered_from_a_backup_of_another_folder(
    tmp_path: Path, registry: PackRegistry
) -> None:
    backup, check_id, _recovery_key = _old_computer(tmp_path, registry)
    new = tmp_path / "new"
    with open_store(new, registry) as store:
        new_draft(store, "Anna Smit")
    (new / "meta.json").write_bytes(b"garbled")
    assert recover(new, backup, backup_key=_with(OLD_PASSPHRASE)) == 1
    with open_store(new, registry) as store:
        assert store.get(check_id).parties[0].data["name"] == NAME
    with zipfile.ZipFile(backup) as archive:
        assert folder_key.KEY_FILE in archive.namelist()
