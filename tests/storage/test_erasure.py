"""Erasing a check: on request or at the end of its retention, from the folder and from every
backup the app manages, leaving only a record without personal data; a Wwft record is kept."""

from __future__ import annotations

import contextlib
import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.storage.conftest import complete_draft, new_draft
from tests.storage.test_retention import imported, rejected
from tests.stores import key_for, open_store, open_to_read, read_plain, recover, write_plain
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.verifying import verdict
from vastgoedcheck.storage import backup_erasure
from vastgoedcheck.storage.errors import RetentionHold, StoreDamaged, StoreError
from vastgoedcheck.storage.sealing import DataKey, SealBroken, is_sealed
from vastgoedcheck.storage.store import Store

NAME = "Daan Bakker"  # the tenant of the example check
NOTE = "Rook hennep bij de achterdeur op 3 december"
IBAN = "NL91ABNA0417164300"
PERSONAL = (NAME, NOTE, IBAN, "daan.bakker@example.nl")


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "voordeur.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    return path


def every_byte(folder: Path, key: DataKey | None) -> Iterator[tuple[str, bytes]]:
    """Every file under ``folder``, and every member of every zip, as bytes — and the content
    of each sealed one, opened with the folder's ``key`` (so that the search means something
    in an encrypted folder: the data is gone, not only unreadable)."""

    def opened(name: str, content: bytes) -> bytes:
        if key is not None and is_sealed(content):
            with contextlib.suppress(SealBroken):
                return key.open(content, name)
        return content

    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        content = path.read_bytes()
        yield str(path), opened(path.name, content)
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    yield f"{path}!{name}", opened(Path(name).name, archive.read(name))


def found(folder: Path, texts: tuple[str, ...] = PERSONAL) -> list[str]:
    key = key_for(folder)
    return [
        f"{where}: {text}"
        for where, content in every_byte(folder, key)
        for text in texts
        if text.encode("utf-8") in content or text.encode("unicode_escape") in content
    ]


def personal_check(store: Store, tmp_path: Path) -> str:
    """A finalized landlord check with a name, a note with an IBAN, and an issued file."""
    check = complete_draft(store)
    store.set_note(check.id, "RES-03", f"{NOTE}; betaalde vanaf {IBAN}")
    final = store.finalize(check.id)
    target = tmp_path / f"Rapport {NAME}.json"
    store.issue_file(final, target, b"{}", kind="export", recipient="own", language="nl")
    return final.id


def test_an_erased_check_leaves_no_personal_data_in_the_folder_or_its_backups(
    store: Store, tmp_path: Path
) -> None:
    check_id = personal_check(store, tmp_path)
    other = new_draft(store, "Eva de Vries")
    store.daily_backup(dt.date(2026, 12, 1))
    store.daily_backup(dt.date(2026, 12, 2))
    assert found(store.layout.root)  # the test can see the data while it is there
    record = store.erase(check_id, reason="The tenant asked us to", on_request=True)
    assert found(store.layout.root) == []
    assert found(store.layout.root, ("The tenant asked us to",)) == []  # the reason may name
    assert (record.check_id, record.basis, record.pack_id) == (
        check_id,
        "request (AVG art. 17)",
        "landlord-residential",
    )
    assert [s.id for s in store.summaries()] == [other.id]
    with pytest.raises(StoreError, match="no check"):
        store.get(check_id)
    [entry] = [e for e in store.log() if e["action"] == "erased"]
    assert entry["check"] == check_id and entry["actor"] == "M. Jansen"
    assert "pending" not in entry and "reason" not in entry
    [issued] = [e for e in store.log() if e["action"] == "issued"]
    assert issued["check"] == check_id and len(issued["sha256"]) == 64
    assert "file" not in issued and "recipient" not in issued
    for backup in store.layout.backups.glob("*.zip"):
        with zipfile.ZipFile(backup) as archive:
            assert f"checks/{check_id}.json" not in archive.namelist()
            assert f"checks/{other.id}.json" in archive.namelist()
            assert archive.testzip() is None


def test_an_attachment_shared_with_another_check_is_kept(store: Store, photo: Path) -> None:
    first, second = new_draft(store, "A"), new_draft(store, "B")
    shared = store.add_attachment(first.id, "RES-19", photo).sha256
    store.add_attachment(second.id, "RES-19", photo)
    only = tmp = photo.with_name("alleen.jpg")
    tmp.write_bytes(b"\xff\xd8\xff\xe1 only this check")
    own = store.add_attachment(first.id, "RES-20", only).sha256
    store.daily_backup(dt.date(2026, 12, 1))
    store.erase(first.id, reason="Entered for the wrong address", on_request=True)
    assert store.layout.attachment_file(shared).exists()
    assert not store.layout.attachment_file(own).exists()
    with zipfile.ZipFile(store.layout.backups / "backup-2026-12-01.zip") as archive:
        names = archive.namelist()
    assert f"attachments/{shared[:2]}/{shared}" in names
    assert f"attachments/{own[:2]}/{own}" not in names


def test_a_wwft_record_is_refused_for_erasure_within_its_period(store: Store) -> None:
    check_id = imported(store, "broker-buyer-cash-deposit")
    with pytest.raises(RetentionHold, match="not set yet"):
        store.erase(check_id, reason="Client asked", on_request=True)
    store.set_relationship_end(check_id, dt.date(2026, 2, 1))
    with pytest.raises(RetentionHold) as refused:
        store.delete(check_id, "Client asked")
    assert "must be kept until 1 February 2031" in str(refused.value)
    assert store.get(check_id).id == check_id
    assert not [e for e in store.log() if e["action"] == "erased"]


def test_a_finalized_landlord_check_is_erased_on_request_with_delete(store: Store) -> None:
    check_id = store.finalize(complete_draft(store).id).id
    store.delete(check_id, "The tenant asked us to erase it")
    assert len(store) == 0
    [entry] = [e for e in store.log() if e["action"] == "erased"]
    assert entry["basis"] == "request (AVG art. 17)" and entry["rule"] == "tenant"


def test_erasure_at_the_end_of_the_retention(store: Store) -> None:
    check_id = rejected(store)
    with pytest.raises(StoreError, match="not due for erasure before"):
        store.erase(check_id, reason="retention", on_request=False)
    store.set_relationship_end(check_id, dt.date.today() - dt.timedelta(days=40))
    [due] = store.due(dt.date.today())
    assert due.check_id == check_id
    record = store.erase(check_id, reason="retention period ended", on_request=False)
    assert (record.basis, record.rule, record.decision) == (
        "retention",
        "rejected_applicant",
        "do_not_proceed",
    )
    assert record.role == "landlord" and record.finalized == dt.date.today()
    assert store.due(dt.date.today()) == []
    [entry] = [e for e in store.log() if e["action"] == "erased"]
    assert set(entry) <= {
        *("at", "actor", "action", "check", "pack", "role", "created", "finalized", "erased"),
        *("basis", "rule", "decision", "questions"),
    }


def test_an_erased_check_cannot_be_restored_from_an_outside_backup(
    store: Store, tmp_path: Path
) -> None:
    check_id = personal_check(store, tmp_path)
    other = new_draft(store, "Eva de Vries")
    stick = tmp_path / "usb" / "backup.zip"
    store.backup(stick)
    store.erase(check_id, reason="The tenant asked us to", on_request=True)
    assert store.restore(stick) == 1
    assert [s.id for s in store.summaries()] == [other.id]
    assert [e["check"] for e in store.log() if e["action"] == "erased"] == [check_id]
    assert found(store.layout.root, (NAME, NOTE, IBAN)) == []
    # and once more: the restored log keeps the record, so it stays out next time too
    assert store.restore(stick) == 1 and len(store) == 1


def test_a_stop_while_backups_are_rewritten_is_finished_at_the_next_opening(
    folder: Path, registry: PackRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(folder, registry)
    check_id = personal_check(store, tmp_path)
    new_draft(store, "Eva de Vries")
    for day in (1, 2, 3):
        store.daily_backup(dt.date(2026, 12, day))
    written = []
    real_write = backup_erasure._write_without

    def killed_on_the_second(path: Path, *args: object) -> None:
        if written:  # the process is stopped half-way through writing the second
            _temporary, handle = backup_erasure.private_temporary(path)
            with handle:
                handle.write(b"PK\x03\x04 half")
            raise KeyboardInterrupt
        real_write(path, *args)  # type: ignore[arg-type]
        written.append(path)

    monkeypatch.setattr(backup_erasure, "_write_without", killed_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        store.erase(check_id, reason="The tenant asked us to", on_request=True)
    store.close()
    monkeypatch.undo()
    backups = sorted(store.layout.backups.glob("*.zip"))
    for backup in backups:  # every backup is whole: the old one or the new one
        with zipfile.ZipFile(backup) as archive:
            assert archive.testzip() is None
    assert not store.layout.check_file(check_id).exists()
    assert len(written) == 1 and list(store.layout.backups.glob(".*.tmp"))
    reopened = open_store(folder, registry)
    try:
        [entry] = [e for e in reopened.log() if e["action"] == "erased"]
        assert "pending" not in entry
        assert found(folder, (NAME, NOTE, IBAN)) == []
        assert sorted(store.layout.backups.glob("*.zip")) == backups
        assert not list(store.layout.backups.glob(".*.tmp"))
    finally:
        reopened.close()


def test_a_draft_erased_on_request_is_gone_with_its_record(store: Store) -> None:
    check = new_draft(store)
    store.set_decision(check.id, Decision("escalate", "Unclear"))
    store.erase(check.id, reason="Entered by mistake", on_request=True)
    assert len(store) == 0
    assert [e["rule"] for e in store.log() if e["action"] == "erased"] == ["draft"]


def test_when_one_check_is_refused_none_is_erased(store: Store) -> None:
    landlord = store.finalize(complete_draft(store).id).id
    wwft = imported(store, "broker-buyer-cash-deposit")
    with pytest.raises(RetentionHold):
        store.erase_many([landlord, wwft], reason="Cleaning up", on_request=True)
    assert len(store) == 2 and not store.erasures()


def test_a_report_of_an_erased_check_is_still_recognised(store: Store, tmp_path: Path) -> None:
    final = store.finalize(complete_draft(store).id)
    target = tmp_path / f"Rapport {NAME}.pdf"
    payload = b"%PDF-1.4 a report"
    store.issue_file(final, target, payload, kind="report", recipient="police", language="nl")
    store.erase(final.id, reason="The tenant asked us to", on_request=True)
    issued, [line] = verdict(store.issued(), target, payload)
    assert issued and final.id in line and "erased since" in line
    said = line.removeprefix(str(target))  # the file named on the command line, and then:
    assert NAME not in said and "police" not in said


def test_a_file_issued_by_a_reader_leaves_nothing_once_the_check_is_erased(
    store: Store, folder: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    final = store.finalize(complete_draft(store).id)
    reader = open_to_read(folder, registry)
    try:
        target = tmp_path / f"Rapport {NAME}.json"
        reader.issue_file(final, target, b"{}", kind="export", recipient="own", language="nl")
    finally:
        reader.close()
    assert list(store.layout.pending.glob("*.json"))
    store.erase(final.id, reason="The tenant asked us to", on_request=True)
    store.enter_pending()
    assert not list(store.layout.pending.glob("*.json"))
    assert found(folder, (NAME,)) == []


def test_copies_set_aside_as_damaged_are_erased_too(store: Store) -> None:
    check_id = store.finalize(complete_draft(store).id).id
    store.layout.damaged.mkdir(exist_ok=True)
    index_copy = store.layout.damaged / "20261201-101010-index.json"
    index_copy.write_bytes(store.layout.index.read_bytes() if store.layout.index.exists() else b"x")
    check_copy = store.layout.damaged / f"20261201-101011-{check_id}.json"
    check_copy.write_bytes(store.layout.check_file(check_id).read_bytes())
    store.erase(check_id, reason="The tenant asked us to", on_request=True)
    assert not index_copy.exists() and not check_copy.exists()


def test_a_damaged_store_log_set_aside_forgets_the_erased_check_too(
    folder: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    """A damaged meta.json is set aside when the folder is opened, and stays in damaged/ after
    the folder is recovered from a backup: it names the check's issued files."""
    with open_store(folder, registry) as store:
        check_id = personal_check(store, tmp_path)
        store.daily_backup(dt.date(2026, 12, 1))
    backup = next(folder.joinpath("backups").glob("*.zip"))
    log = read_plain(folder / "meta.json")
    write_plain(folder / "meta.json", log[: len(log) - 3])  # cut short
    with pytest.raises(StoreDamaged):
        open_store(folder, registry)
    recover(folder, backup)
    [log_copy] = folder.joinpath("damaged").glob("*-meta.json")
    key = key_for(folder)
    assert NAME.encode() in key.open(log_copy.read_bytes(), "meta.json")
    with open_store(folder, registry) as store:
        store.erase(check_id, reason="The tenant asked us to", on_request=True)
    assert not log_copy.exists()
    assert found(folder) == []


def test_a_landlords_check_whose_file_is_missing_can_still_be_erased_on_request(
    folder: Path, registry: PackRegistry
) -> None:
    store = open_store(folder, registry)
    check_id = store.finalize(complete_draft(store).id).id
    store.daily_backup(dt.date(2026, 12, 1))
    store.close()
    (folder / "checks" / f"{check_id}.json").unlink()  # gone, behind the app's back
    store = open_store(folder, registry)
    try:
        assert [s.missing for s in store.missing_checks()] == ["gone"]
        store.erase(check_id, reason="The tenant asked us to", on_request=True)
        assert store.missing_checks() == []
        assert found(folder) == []
    finally:
        store.close()


def test_a_wwft_check_whose_file_is_missing_is_not_erased_blind(
    folder: Path, registry: PackRegistry
) -> None:
    store = open_store(folder, registry)
    check_id = imported(store, "broker-buyer-cash-deposit")
    store.close()
    (folder / "checks" / f"{check_id}.json").unlink()
    store = open_store(folder, registry)
    try:
        with pytest.raises(StoreError, match="restore it from a backup first"):
            store.erase(check_id, reason="Client asked", on_request=True)
    finally:
        store.close()
