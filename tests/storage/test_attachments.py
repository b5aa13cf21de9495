"""Photos and scans kept with an answer: stored once by content, removed when nobody uses them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.storage.conftest import complete_draft, new_draft
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "schuur achterzijde.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    return path


def test_an_attachment_is_stored_once_under_its_sha256(store: Store, photo: Path) -> None:
    first, second = new_draft(store, "A"), new_draft(store, "B")
    attachment = store.add_attachment(first.id, "RES-19", photo)
    assert attachment.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert attachment.name == "schuur achterzijde.jpg"
    assert attachment.media_type == "image/jpeg" and attachment.size == photo.stat().st_size
    store.add_attachment(second.id, "RES-20", photo)
    assert [p.name for p in store.layout.attachments.rglob("*") if p.is_file()] == [
        attachment.sha256
    ]
    assert store.get(first.id).answers["RES-19"].attachments == (attachment,)
    photo.unlink()  # the store has its own copy
    assert store.attachment_content(attachment.sha256).startswith(b"\xff\xd8")
    [event] = [e for e in store.events(first.id) if e.action == "attachment_added"]
    assert event.new["sha256"] == attachment.sha256


def test_content_nobody_refers_to_any_more_is_removed(store: Store, photo: Path) -> None:
    first, second = new_draft(store, "A"), new_draft(store, "B")
    sha = store.add_attachment(first.id, "RES-19", photo).sha256
    store.add_attachment(second.id, "RES-19", photo)
    store.remove_attachment(first.id, "RES-19", sha)
    assert store.attachments.path(sha).exists()  # the second check still uses it
    store.delete(second.id, "Entered twice")
    assert not store.attachments.path(sha).exists()
    assert store.get(first.id).answers.get("RES-19") is None


def test_an_attachment_of_a_finalized_revision_is_kept_after_amending(
    store: Store, photo: Path
) -> None:
    check = complete_draft(store)
    sha = store.add_attachment(check.id, "RES-03", photo).sha256
    store.finalize(check.id)
    store.amend(check.id, "Photo belonged to another address")
    store.remove_attachment(check.id, "RES-03", sha)
    assert store.attachments.path(sha).exists()  # revision 1 still shows it
    assert store.get(check.id, revision=1).answers["RES-03"].attachments[0].sha256 == sha


def test_a_missing_or_unreadable_file_is_one_sentence(store: Store, tmp_path: Path) -> None:
    check = new_draft(store)
    with pytest.raises(StoreError, match="does not exist"):
        store.add_attachment(check.id, "RES-19", tmp_path / "nowhere.jpg")
    with pytest.raises(StoreError, match="is not a file"):
        store.add_attachment(check.id, "RES-19", tmp_path)
    assert store.get(check.id).answers == {}


def test_a_damaged_or_lost_attachment_is_never_handed_out(store: Store, photo: Path) -> None:
    check = new_draft(store)
    sha = store.add_attachment(check.id, "RES-19", photo).sha256
    stored = store.attachments.path(sha)
    stored.write_bytes(stored.read_bytes()[:-1] + b"\x00")  # one byte changed on disk
    with pytest.raises(StoreError, match="is damaged in the store"):
        store.export_document(check.id)
    stored.unlink()
    with pytest.raises(StoreError, match="is missing from the store"):
        store.export_document(check.id)
