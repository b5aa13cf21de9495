"""How the store behaves where Windows and macOS differ from Linux, simulated on Linux.

A virus scanner or a viewer holding a file makes renames and deletes fail for a moment; a read
can fail for a moment (a sharing violation, an offline cloud placeholder); Windows needs
MoveFileExW with write-through for a durable rename; some volumes cannot lock at all. Each
behaviour is reproduced by making the system call fail as it would there.
"""

from __future__ import annotations

import ctypes
import errno
import os
import stat
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.storage.conftest import complete_draft, new_draft
from tests.stores import open_store
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import backups, fileops
from vastgoedcheck.storage.atomic import write_atomically
from vastgoedcheck.storage.errors import StoreDamaged, StoreError, StoreLocked, StoreWriteError
from vastgoedcheck.storage.store import Store

BUSY = "close the file in the other program"


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same number of attempts as in the app, without the waiting."""
    monkeypatch.setattr(fileops, "PAUSES", (0.0,) * len(fileops.PAUSES))


def failing(
    real: Callable[..., Any],
    times: int,
    error: OSError,
    only: Callable[..., bool] = lambda *a: True,
) -> tuple[Callable[..., Any], list[object]]:
    """``real``, failing with ``error`` the first ``times`` calls that ``only`` picks."""
    calls: list[object] = []

    def call(*args: Any, **kwargs: Any) -> Any:
        if only(*args):
            calls.append(args)
            if times < 0 or len(calls) <= times:
                raise error
        return real(*args, **kwargs)

    return call, calls


def sharing_violation() -> PermissionError:
    return PermissionError(errno.EACCES, "Permission denied")


# -- renames and deletes held up by another program ---------------------------------------------


def test_a_save_waits_for_a_file_another_program_holds_for_a_moment(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = new_draft(store)
    replace, calls = failing(os.replace, 3, sharing_violation())
    monkeypatch.setattr(os, "replace", replace)
    store.set_answer(check.id, "RES-03", FlagValue.YES)
    monkeypatch.undo()
    assert len(calls) == 4  # three refusals, then the rename went through
    store.checks.forget(check.id)
    assert store.get(check.id).answers["RES-03"].value is FlagValue.YES


def test_a_file_that_stays_held_ends_in_one_sentence_naming_the_other_program(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = new_draft(store)
    replace, calls = failing(os.replace, -1, sharing_violation())
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(StoreWriteError) as caught:
        store.set_answer(check.id, "RES-03", FlagValue.YES)
    monkeypatch.undo()
    assert BUSY in str(caught.value) and "\n" not in str(caught.value)
    assert len(calls) == len(fileops.PAUSES) + 1
    store.checks.forget(check.id)
    assert "RES-03" not in store.get(check.id).answers  # nothing was changed


def test_a_delete_waits_for_a_held_file_and_logs_only_what_happened(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, gone = new_draft(store, "Jan Smit"), new_draft(store, "Zofia Nowak")
    check_files = store.layout.checks
    unlink, _calls = failing(
        Path.unlink, -1, sharing_violation(), only=lambda path, *a: path.parent == check_files
    )
    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(StoreWriteError, match=BUSY):
        store.delete(kept.id, "made twice")
    monkeypatch.undo()
    assert store.layout.check_file(kept.id).exists()
    assert [entry for entry in store.log() if entry["action"] == "deleted"] == []

    unlink, calls = failing(
        Path.unlink, 2, sharing_violation(), only=lambda path, *a: path.parent == check_files
    )
    monkeypatch.setattr(Path, "unlink", unlink)
    store.delete(gone.id, "made twice")
    monkeypatch.undo()
    assert len(calls) == 3 and not store.layout.check_file(gone.id).exists()
    [deleted] = [entry for entry in store.log() if entry["action"] == "deleted"]
    assert deleted["check"] == gone.id


def test_rotation_waits_for_an_old_backup_a_viewer_holds(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_draft(store)
    for day in range(1, backups.KEEP_DAILY + 2):  # one more than is kept
        target = store.layout.backups / f"backup-2026-01-0{day}.zip"
        backups.write_backup(store.layout, target, backups.DAILY)
    oldest = store.layout.backups / "backup-2026-01-01.zip"
    unlink, calls = failing(
        Path.unlink, 2, sharing_violation(), only=lambda path, *a: path == oldest
    )
    monkeypatch.setattr(Path, "unlink", unlink)
    backups.rotate(store.layout)
    assert len(calls) == 3 and not oldest.exists()


def test_moving_a_damaged_file_aside_waits_for_a_held_file(
    store: Store, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = new_draft(store)
    store.close()
    store.layout.check_file(check.id).write_text("{garbled", encoding="utf-8")
    replace, calls = failing(os.replace, 2, sharing_violation())
    monkeypatch.setattr(os, "replace", replace)
    with open_store(store.layout.root, registry, actor="M. Jansen") as reopened:
        assert any("moved to" in problem for problem in reopened.problems)
    assert len(calls) >= 3 and not store.layout.check_file(check.id).exists()


# -- a read that fails for a moment is not damage -----------------------------------------------


def _reads_of(path: Path) -> Callable[..., bool]:
    return lambda candidate, *a: candidate == path


def test_a_check_file_that_cannot_be_read_is_reported_and_left_in_place(
    store: Store, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = new_draft(store)
    store.close()
    path = store.layout.check_file(check.id)
    before = path.read_bytes()
    read, calls = failing(Path.read_bytes, -1, sharing_violation(), only=_reads_of(path))
    monkeypatch.setattr(Path, "read_bytes", read)
    with open_store(store.layout.root, registry, actor="M. Jansen") as reopened:
        with pytest.raises(StoreError, match=r"cannot be read.*nothing was moved") as caught:
            reopened.get(check.id)
        assert "\n" not in str(caught.value)
        assert len(calls) == len(fileops.PAUSES) + 1  # tried again before giving up
        assert not reopened.layout.damaged.exists()
        assert not any("moved" in entry["action"] for entry in reopened.log())
    monkeypatch.undo()
    assert path.read_bytes() == before


def test_a_read_that_fails_twice_then_works_is_just_a_read(
    store: Store, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = new_draft(store)
    store.close()
    path = store.layout.check_file(check.id)
    read, calls = failing(Path.read_bytes, 2, OSError(errno.EIO, "I/O error"), _reads_of(path))
    monkeypatch.setattr(Path, "read_bytes", read)
    with open_store(store.layout.root, registry, actor="M. Jansen") as reopened:
        assert reopened.get(check.id).id == check.id
        assert reopened.problems == []
    assert len(calls) == 3


def test_an_unreadable_meta_file_is_not_treated_as_damaged(
    store: Store, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_draft(store)
    store.close()
    meta = store.layout.meta
    before = meta.read_bytes()
    read, _calls = failing(Path.read_bytes, -1, sharing_violation(), only=_reads_of(meta))
    monkeypatch.setattr(Path, "read_bytes", read)
    with pytest.raises(StoreError, match=r"meta\.json cannot be read") as caught:
        open_store(store.layout.root, registry, actor="M. Jansen")
    assert not isinstance(caught.value, StoreDamaged)  # no recovery flow: nothing is damaged
    monkeypatch.undo()
    assert meta.read_bytes() == before and not store.layout.damaged.exists()


# -- Windows: a rename that is on disk when it returns ------------------------------------------


class FakeKernel32:
    """Stands in for kernel32.MoveFileExW: records the call and renames, or fails."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[str, str, int]] = []
        self.fail = fail

    def MoveFileExW(self, source: str, target: str, flags: int) -> int:
        self.calls.append((source, target, flags))
        if self.fail:
            return 0
        os.replace(source, target)
        return 1


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeKernel32]:
    kernel32 = FakeKernel32()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error: kernel32, raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: 32, raising=False)
    monkeypatch.setattr(
        ctypes,
        "WinError",
        lambda code: OSError(errno.EACCES, "The process cannot access the file", None, code),
        raising=False,
    )
    yield kernel32


def test_on_windows_a_save_renames_with_write_through(
    tmp_path: Path, windows: FakeKernel32
) -> None:
    target = tmp_path / "check.json"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    [(source, destination, flags)] = windows.calls
    assert destination == str(target)
    assert flags == fileops.MOVEFILE_REPLACE_EXISTING | fileops.MOVEFILE_WRITE_THROUGH == 0x9
    assert target.read_bytes() == b"new" and not Path(source).exists()


def test_on_windows_a_rename_that_keeps_failing_names_the_other_program(
    tmp_path: Path, windows: FakeKernel32
) -> None:
    windows.fail = True
    target = tmp_path / "check.json"
    target.write_bytes(b"old")
    with pytest.raises(StoreWriteError, match=BUSY):
        write_atomically(target, b"new")
    assert len(windows.calls) == len(fileops.PAUSES) + 1
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["check.json"]  # no temporary left


# -- locks that cannot be taken at all ----------------------------------------------------------


def test_a_volume_that_cannot_lock_is_one_sentence_not_already_open(
    folder: Path, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    def unsupported(descriptor: int, operation: int) -> None:
        raise OSError(errno.ENOTSUP, "Operation not supported")

    monkeypatch.setattr(fcntl, "flock", unsupported)
    with pytest.raises(StoreError) as caught:
        open_store(folder, registry, actor="M. Jansen")
    assert not isinstance(caught.value, StoreLocked)
    assert "cannot be locked" in str(caught.value) and "local disk" in str(caught.value)


@pytest.mark.parametrize(
    ("code", "locked"), [(errno.EACCES, True), (errno.EDEADLOCK, True), (errno.EINVAL, False)]
)
def test_on_windows_only_a_held_lock_reads_as_already_open(
    folder: Path,
    registry: PackRegistry,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    locked: bool,
) -> None:
    def locking(descriptor: int, mode: int, size: int) -> None:
        raise OSError(code, os.strerror(code))

    msvcrt = types.SimpleNamespace(locking=locking, LK_NBLCK=2)
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(StoreError) as caught:
        open_store(folder, registry, actor="M. Jansen")
    assert isinstance(caught.value, StoreLocked) is locked
    if not locked:
        assert "cannot be locked" in str(caught.value)


# -- temporary files nobody else can predict or redirect ----------------------------------------


def test_temporary_files_are_private_and_not_predictable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rapport.pdf"
    created: list[tuple[str, int]] = []
    real_replace = os.replace

    def watch(source: str, destination: str) -> None:
        created.append((os.path.basename(source), stat.S_IMODE(os.stat(source).st_mode)))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", watch)
    write_atomically(target, b"%PDF-1 first")
    write_atomically(target, b"%PDF-1 second")
    [(first, first_mode), (second, second_mode)] = created
    assert first_mode == second_mode == 0o600
    assert first != second and str(os.getpid()) not in first
    assert first.startswith(".rapport.pdf.") and first.endswith(".tmp")


def test_a_file_planted_under_the_old_temporary_name_is_neither_used_nor_followed(
    store: Store, tmp_path: Path
) -> None:
    """Another local user who may write to the output folder plants a symbolic link where the
    old code put its temporary file: the report must not be written through it."""
    complete_draft(store)
    outside = tmp_path / "victim.txt"
    outside.write_bytes(b"keep me")
    target = tmp_path / "out" / "backup.zip"
    target.parent.mkdir()
    planted = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    planted.symlink_to(outside)
    store.backup(target)
    assert outside.read_bytes() == b"keep me"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert outside.is_file() and not outside.is_symlink()
    assert not planted.exists() and not planted.is_symlink()  # removed as a leftover, unfollowed


def test_an_attachment_on_its_way_in_is_private(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = new_draft(store)
    photo = tmp_path / "scan.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    modes: list[int] = []
    real_replace = os.replace

    def watch(source: str, destination: str) -> None:
        modes.append(stat.S_IMODE(os.stat(source).st_mode))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", watch)
    store.add_attachment(check.id, "RES-03", photo)
    assert modes and set(modes) == {0o600}
    incoming = [p.name for p in store.layout.attachments.iterdir() if p.name.startswith(".")]
    assert incoming == []


def test_an_attachment_held_by_another_program_is_not_called_missing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = new_draft(store)
    photo = tmp_path / "scan.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    attachment = store.add_attachment(check.id, "RES-03", photo)
    stored = store.attachments.path(attachment.sha256)
    read, calls = failing(Path.read_bytes, 2, sharing_violation(), only=_reads_of(stored))
    monkeypatch.setattr(Path, "read_bytes", read)
    document = store.export_document(check.id)  # waited for it
    assert len(calls) == 3
    [embedded] = document["answers"]["RES-03"]["attachments"]
    assert embedded["content"]
    read, _calls = failing(Path.read_bytes, -1, sharing_violation(), only=_reads_of(stored))
    monkeypatch.setattr(Path, "read_bytes", read)
    with pytest.raises(StoreError, match="cannot be read") as caught:
        store.export_document(check.id)
    assert "missing" not in str(caught.value)


# -- a restore: the same waiting, and the same lock guard -----------------------------------------


def test_a_restore_waits_for_a_folder_another_program_holds_for_a_moment(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = new_draft(store, "Anna Smit")
    backup = tmp_path / "earlier.zip"
    store.backup(backup)
    later = new_draft(store, "Piet Klaassen")
    root = store.layout.root
    replace, calls = failing(
        os.replace, 2, sharing_violation(), only=lambda source, *a: Path(source).name == "checks"
    )
    monkeypatch.setattr(os, "replace", replace)
    assert store.restore(backup) == 1
    monkeypatch.undo()
    assert len(calls) >= 3  # moving checks/ out was refused twice, then went through
    assert [s.id for s in store.summaries()] == [kept.id]
    assert not store.layout.check_file(later.id).exists()
    assert not (root / "restore.journal").exists() and not (root / "replaced.tmp").exists()


def test_a_restore_after_the_lock_file_was_replaced_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    new_draft(store, "Anna Smit")
    backup = tmp_path / "earlier.zip"
    store.backup(backup)
    later = new_draft(store, "Piet Klaassen")
    lock = store.layout.lock
    lock.unlink()
    lock.write_text("{}", encoding="utf-8")  # another copy's lock file, as far as we can tell
    before = sorted(p.name for p in store.layout.root.iterdir())
    with pytest.raises(StoreLocked, match="lock file"):
        store.restore(backup)
    assert sorted(p.name for p in store.layout.root.iterdir()) == before
    assert store.layout.check_file(later.id).exists()


def test_a_restore_whose_clean_up_is_held_up_is_finished_not_turned_back_at_the_next_start(
    store: Store, registry: PackRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old check file in replaced.tmp held by a virus scanner through every try: the journal
    stays, so the next start completes the restore instead of putting the old files back."""
    kept = new_draft(store, "Anna Smit")
    backup = tmp_path / "earlier.zip"
    store.backup(backup)
    later = new_draft(store, "Piet Klaassen")
    old_check = f"{later.id}.json"
    unlink, calls = failing(os.unlink, -1, sharing_violation(), only=lambda p, *a: p == old_check)
    monkeypatch.setattr(os, "unlink", unlink)
    store.restore(backup)
    monkeypatch.undo()
    assert calls and (store.layout.root / "restore.journal").exists()
    store.close()
    with open_store(store.layout.root, registry, actor="M. Jansen") as reopened:
        assert [s.id for s in reopened.summaries()] == [kept.id]
        assert not (reopened.layout.root / "replaced.tmp").exists()
        assert not (reopened.layout.root / "restore.journal").exists()
