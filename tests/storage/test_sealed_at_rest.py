"""Encryption at rest: nothing in a data folder or its backups can be read without the key.

The store holds suspicions about named people (criminal-nature data, art. 10 AVG / art. 33
UAVG); whoever copies the folder, or a backup, must find nothing readable in it (art. 32 AVG).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.storage.conftest import complete_draft, new_draft
from tests.storage.test_report_records import entry
from tests.stores import key_for, open_store, read_plain, recover
from vastgoedcheck.domain.check import Party, PartyKind
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.backups import MANIFEST
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.folder_state import (
    FolderNotSetUp,
    FolderState,
    PlainFolder,
    WrongKey,
    folder_state,
)
from vastgoedcheck.storage.sealing import MAGIC, DataKey
from vastgoedcheck.storage.store import Store

NAME = "Wilhelmina Zoutendijk-Ünal"
NOTE = "Huurder betaalde de borg contant uit een sporttas vol briefjes van 50"
IBAN = "NL91ABNA0417164300"
PHOTO = b"\xff\xd8\xff\xe0 foto van de zolder met kweekapparatuur " + b"Q" * 200


def _secrets() -> list[bytes]:
    """The strings as they would appear in a file: plain, and as JSON escapes them."""
    found = []
    for text in (NAME, NOTE, IBAN, "Zoutendijk", "sporttas", "kweekapparatuur"):
        found += [text.encode("utf-8"), json.dumps(text)[1:-1].encode("ascii")]
    return found


def _every_byte(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, with the members of every zip as files of their own."""
    contents = {}
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        contents[str(path.relative_to(root))] = data
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in archive.infolist():
                    contents[f"{path.name}!{info.filename}"] = archive.read(info)
    return contents


def _filled_store(store: Store, tmp_path: Path) -> str:
    """Checks with a party's name, an IBAN, a note, a photo, a report record, a handed-out
    report, a deleted draft and a backup."""
    pack = store.registry.get("landlord-residential")
    assert pack is not None
    tenant = Party("tenant", PartyKind.PERSON, {"name": NAME})
    place = {"address": "Oudegracht 101", "postcode": "3511 AD", "city": "Utrecht"}
    check = store.create(
        pack, Role.LANDLORD, parties=[tenant], property_data={**place, "payer_iban": IBAN}
    )
    question = pack.questions[0].id
    store.set_note(check.id, question, NOTE)
    photo = tmp_path / "zolder.jpg"
    photo.write_bytes(PHOTO)
    store.add_attachment(check.id, question, photo)
    photo.unlink()
    gone = new_draft(store, NAME)
    store.delete(gone.id, f"twice entered: {NAME}")
    final = complete_draft(store)
    store.record_report(final.id, entry(reference=f"PL-2026-118 over {NAME}"))
    store.issue_file(
        store.get(check.id),
        tmp_path / "outside" / "rapport.pdf",
        b"%PDF-1.7 the report the user asked for",
        kind="report",
        recipient="dossier",
        language="nl",
    )
    store.backup(store.layout.backups / "requested.zip")
    store.daily_backup()
    return check.id


def test_nothing_in_the_folder_or_its_backups_is_readable(
    folder: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    (tmp_path / "outside").mkdir()
    with open_store(folder, registry) as store:
        check_id = _filled_store(store, tmp_path)
        assert store.get(check_id).parties[0].data["name"] == NAME  # readable with the key
        assert store.summaries(search="Zoutendijk")[0].id == check_id  # searched once opened
    contents = _every_byte(folder)
    assert any(name.endswith(".zip!meta.json") for name in contents)  # backups were looked in
    assert any("attachments" in name for name in contents)
    for name, data in contents.items():
        for secret in _secrets():
            assert secret not in data, f"{secret!r} readable in {name}"
    plain = {
        name
        for name, data in contents.items()
        if not data.startswith(MAGIC)
        and not all(line.startswith(b"VkdD") for line in data.splitlines())  # sealed lines
    }
    # What stays plain holds no personal data: the key file (wrapped keys), the lock, the
    # backups' zip structure and manifests, an emptied journal.
    assert {Path(name.split("!")[-1]).name for name in plain} <= {
        "vastgoedcheck.key",
        "vastgoedcheck.lock",
        MANIFEST,
        "requested.zip",
        f"backup-{dt.date.today().isoformat()}.zip",
        "index.journal",
    }


def test_a_changed_byte_in_a_sealed_check_file_is_damage_reported_and_kept(
    store: Store, registry: PackRegistry
) -> None:
    good, bad = new_draft(store, "Anna Smit"), new_draft(store, "Piet Klaassen")
    store.close()
    path = store.layout.check_file(bad.id)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, in the middle of the ciphertext
    path.write_bytes(bytes(data))
    with open_store(store.layout.root, registry) as reopened:
        assert [s.id for s in reopened.summaries()] == [good.id]
        assert any(bad.id in problem and "damaged" in problem for problem in reopened.problems)
        [moved] = list((store.layout.root / "damaged").iterdir())
        assert moved.read_bytes() == bytes(data)  # kept for inspection, as it was


def test_a_sealed_file_copied_over_another_does_not_open_as_that_file(
    store: Store, registry: PackRegistry
) -> None:
    first, second = new_draft(store, "Anna Smit"), new_draft(store, "Piet Klaassen")
    store.close()
    source, target = store.layout.check_file(first.id), store.layout.check_file(second.id)
    target.write_bytes(source.read_bytes())  # sealed under another name
    with open_store(store.layout.root, registry) as reopened:
        assert [s.id for s in reopened.summaries()] == [first.id]
        assert any(second.id in problem for problem in reopened.problems)


def test_the_key_of_another_folder_is_refused_and_nothing_changes(
    folder: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    with open_store(folder, registry) as store:
        new_draft(store)
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    other = key_for(tmp_path / "other")
    with pytest.raises(WrongKey, match="another data folder"):
        Store.open(folder, registry, key=other, actor="M. Jansen")
    with pytest.raises(WrongKey):
        Store.open_to_read(folder, registry, key=other, actor="M. Jansen")
    with pytest.raises(WrongKey):
        Store.recover(folder, tmp_path / "any.zip", key=other, actor="M. Jansen")
    after = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    assert after == before


def test_a_folder_that_was_never_set_up_or_is_plain_is_refused(
    tmp_path: Path, registry: PackRegistry
) -> None:
    key = DataKey.generate()
    new = tmp_path / "new"
    assert folder_state(new) is FolderState.NEW
    with pytest.raises(FolderNotSetUp, match="has not been set up yet"):
        Store.open(new, registry, key=key, actor="M. Jansen")
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "meta.json").write_text('{"meta": {}}', encoding="utf-8")
    assert folder_state(plain) is FolderState.PLAIN
    with pytest.raises(PlainFolder, match="not encrypted yet"):
        Store.open(plain, registry, key=key, actor="M. Jansen")
    assert (plain / "meta.json").read_text(encoding="utf-8") == '{"meta": {}}'


def _plain_backup(store: Store, target: Path) -> None:
    """A backup as an earlier version wrote it: every member plain, no key file."""
    layout = store.layout
    manifest = {"app": "vastgoedcheck", "kind": "requested", "created_at": "2026-11-01T10:00:00"}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest))
        archive.writestr("meta.json", read_plain(layout.meta))
        for path in layout.checks.glob("*.json"):
            archive.writestr(f"checks/{path.name}", read_plain(path))
        for path in layout.attachments.glob("??/*"):
            archive.writestr(f"attachments/{path.parent.name}/{path.name}", read_plain(path))


def test_a_backup_of_an_earlier_version_is_restored_sealed(
    store: Store, registry: PackRegistry, tmp_path: Path
) -> None:
    check = new_draft(store, NAME)
    photo = tmp_path / "zolder.jpg"
    photo.write_bytes(PHOTO)
    attachment = store.add_attachment(check.id, "RES-19", photo)
    legacy = tmp_path / "earlier-version.zip"
    _plain_backup(store, legacy)
    with zipfile.ZipFile(legacy) as archive:
        assert NAME.encode() in archive.read(f"checks/{check.id}.json")  # truly plain
    store.delete(check.id, "entered by mistake")

    assert store.restore(legacy) == 1
    assert store.get(check.id).parties[0].data["name"] == NAME
    assert store.attachment_content(attachment.sha256) == PHOTO
    for path in [
        store.layout.meta,
        *store.layout.checks.iterdir(),
        *store.layout.attachments.rglob("*"),
    ]:
        if path.is_file():
            assert path.read_bytes().startswith(MAGIC), path


def test_a_backup_made_with_another_folders_key_is_refused(
    store: Store, registry: PackRegistry, tmp_path: Path
) -> None:
    with open_store(tmp_path / "other", registry) as other:
        new_draft(other, NAME)
        backup = tmp_path / "other.zip"
        other.backup(backup)
    new_draft(store, "Anna Smit")
    with pytest.raises(StoreError, match="another data folder's key"):
        store.restore(backup)
    assert [s.parties for s in store.summaries()] == [("Anna Smit",)]
    store.close()
    with pytest.raises(StoreError, match="another data folder's key"):
        recover(store.layout.root, backup)


def test_a_backup_holds_the_key_file_and_its_members_unpacked_as_stored(
    store: Store, tmp_path: Path
) -> None:
    new_draft(store, NAME)
    backup = tmp_path / "backup.zip"
    store.backup(backup)
    with zipfile.ZipFile(backup) as archive:
        key_file = folder_key.KeyFile.parse(backup, archive.read(folder_key.KEY_FILE))
        assert key_file.key_id == key_for(store.layout.root).key_id
        manifest = json.loads(archive.read(MANIFEST))
        assert manifest["key_id"] == key_file.key_id
        for info in archive.infolist():
            if info.filename.startswith(("checks/", "attachments/", "meta.json")):
                assert info.compress_type == zipfile.ZIP_STORED  # ciphertext does not deflate
                assert archive.read(info).startswith(MAGIC)
