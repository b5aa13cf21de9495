"""Data folders as an earlier version (before encryption) left them, for the conversion tests."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.storage.test_sealed_at_rest import NAME, _filled_store
from tests.stores import key_for, open_store, open_to_read
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.backups import MANIFEST, manifest_of
from vastgoedcheck.storage.sealing import is_sealed

OWN_ZIP = "my-own-copy.zip"


@dataclass(frozen=True)
class PlainFolder:
    folder: Path
    check_id: str
    checks: int


def _unseal_file(path: Path, key: object) -> None:
    data = path.read_bytes()
    if is_sealed(data):
        path.write_bytes(key.open(data, path.name))  # type: ignore[attr-defined]


def _unseal_backup(path: Path, key: object) -> None:
    """Rewrite an app backup as an earlier version wrote it: plain members, no key file."""
    manifest = manifest_of(path)
    assert manifest is not None
    del manifest["key_id"]
    members = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename in (MANIFEST, folder_key.KEY_FILE):
                continue
            name = info.filename.rsplit("/", 1)[-1]
            members[info.filename] = key.open(archive.read(info), name)  # type: ignore[attr-defined]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest))
        for name, content in members.items():
            archive.writestr(name, content)


def make_plain_folder(folder: Path, registry: PackRegistry, tmp_path: Path) -> PlainFolder:
    """A folder of an earlier version: checks with names, a note, an IBAN and a photo, a report
    record, a file handed out by a reader (pending), a damaged file set aside, a plain index,
    the app's backups (plain) and a zip of the user's own in backups/; no key file."""
    (tmp_path / "outside").mkdir(exist_ok=True)
    with open_store(folder, registry) as store:
        check_id = _filled_store(store, tmp_path)
        checks = len(store.summaries())
    with open_to_read(folder, registry) as reader:
        reader.issue_file(
            reader.get(check_id),
            tmp_path / "outside" / "export.json",
            b"{}",
            kind="export",
            recipient="dossier",
            language="nl",
        )
    key = key_for(folder)
    assert list((folder / "pending").glob("*.json"))
    for path in [folder / "meta.json", *folder.glob("checks/*"), *folder.glob("attachments/??/*")]:
        _unseal_file(path, key)
    for path in folder.glob("pending/*.json"):
        _unseal_file(path, key)
    for path in folder.glob("backups/*.zip"):
        _unseal_backup(path, key)
    for cache in ("index.json", "index.journal"):
        (folder / cache).unlink(missing_ok=True)
    (folder / "index.json").write_text(
        json.dumps({"rows": {"1": {"parties": [NAME]}}}), encoding="utf-8"
    )
    (folder / "damaged").mkdir(mode=0o700)
    (folder / "damaged" / f"20261101-120000-{check_id}.json").write_text(
        json.dumps({"parties": [NAME], "cut": "short"})[:-3], encoding="utf-8"
    )
    with zipfile.ZipFile(folder / "backups" / OWN_ZIP, "w") as own:
        own.writestr("notes.txt", "a copy the user made by hand")
    (folder / folder_key.KEY_FILE).unlink()
    return PlainFolder(folder, check_id, checks)
