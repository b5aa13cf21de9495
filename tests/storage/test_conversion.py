"""A folder of an earlier version is encrypted crash-safe: a stop at any moment leaves the plain
folder or the encrypted one usable, never neither and never a mix, and no plain copy stays."""

from __future__ import annotations

import errno
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.storage.plain_folders import OWN_ZIP, make_plain_folder
from tests.storage.stopped_steps import stopped_at
from tests.storage.test_sealed_at_rest import PHOTO, _every_byte, _secrets
from tests.stores import CHEAP_KDF, TEST_PASSPHRASE, open_store, open_to_read
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.backups import manifest_of
from vastgoedcheck.storage.conversion import (
    conversion_under_way,
    convert_plain_folder,
    unencrypted_zips_note,
)
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.folder_state import FolderState, folder_state
from vastgoedcheck.storage.sealing import is_sealed

State = dict[str, Any]


def _plain_view(folder: Path) -> State:
    """What an earlier version would read: the plain files of the folder, as they are."""
    files = {}
    for base in ("checks", "attachments"):
        for path in sorted((folder / base).rglob("*")):
            if path.is_file():
                files[str(path.relative_to(folder))] = path.read_bytes()
    return files


def _opened(folder: Path, registry: PackRegistry) -> tuple[State, list[str]]:
    """What a user sees after opening the folder with its key, and what the opening said."""
    with open_store(folder, registry, actor="tester") as store:
        checks = {
            summary.id: store.get(summary.id).parties[0].data["name"]
            for summary in store.summaries()
        }
        photos = sorted(
            store.attachment_content(path.name)
            for path in (folder / "attachments").rglob("*")
            if path.is_file()
        )
        issued = len(store.issued())
        said = list(store.problems)
    return {"checks": checks, "photos": photos, "issued": issued}, said


def _readable_leftovers(folder: Path) -> list[str]:
    """Files (and members of the app's backups) in which personal data can still be read."""
    found = []
    for name, data in _every_byte(folder).items():
        if name.startswith(OWN_ZIP) or name == f"backups/{OWN_ZIP}":
            continue
        if any(secret in data for secret in _secrets()):
            found.append(name)
    return found


@pytest.fixture
def plain(tmp_path: Path, registry: PackRegistry) -> Path:
    made = make_plain_folder(tmp_path / "template", registry, tmp_path)
    assert folder_state(made.folder) is FolderState.PLAIN
    return made.folder


def _set_up_key(folder: Path) -> Any:
    key, _recovery = folder_key.create(folder, TEST_PASSPHRASE, CHEAP_KDF)
    return key


def test_a_plain_folder_is_converted_and_nothing_readable_remains(
    plain: Path, registry: PackRegistry
) -> None:
    before = _plain_view(plain)
    assert _readable_leftovers(plain)  # the fixture is truly plain
    key = _set_up_key(plain)
    assert conversion_under_way(plain)
    assert convert_plain_folder(plain, key, "M. Jansen") == 2
    assert not conversion_under_way(plain)
    assert folder_state(plain) is FolderState.ENCRYPTED
    assert _readable_leftovers(plain) == []
    after, said = _opened(plain, registry)
    assert sorted(after["checks"].values()) == ["Daan Bakker", "Wilhelmina Zoutendijk-Ünal"]
    assert after["photos"] == [PHOTO]
    assert after["issued"] == 2  # the file handed out by a reader was entered
    assert not any("interrupted" in sentence for sentence in said)
    assert len(before) == len(_plain_view(plain))
    for path in plain.rglob("*"):
        if path.is_file() and path.suffix != ".zip" and path.name not in ("vastgoedcheck.key",):
            data = path.read_bytes()
            assert data == b"" or is_sealed(data) or path.name in ("vastgoedcheck.lock",), path
    with open_store(plain, registry) as store:
        assert any(entry["action"] == "converted" for entry in store.log())
        for backup in store.backup_files(plain):
            if backup.name != OWN_ZIP:
                assert "key_id" in (manifest_of(backup) or {})
                assert store.restore(backup) == 2  # the rewritten backup restores


def test_the_users_own_zip_is_left_and_named(plain: Path) -> None:
    own = (plain / "backups" / OWN_ZIP).read_bytes()
    convert_plain_folder(plain, _set_up_key(plain), "M. Jansen")
    assert (plain / "backups" / OWN_ZIP).read_bytes() == own
    note = unencrypted_zips_note(plain)
    assert note is not None and OWN_ZIP in note and "not encrypted" in note


def test_another_key_or_no_key_file_is_refused_and_nothing_changes(
    plain: Path, tmp_path: Path
) -> None:
    before = {path: path.read_bytes() for path in plain.rglob("*") if path.is_file()}
    other = folder_key.create(tmp_path, TEST_PASSPHRASE, CHEAP_KDF)[0]
    with pytest.raises(StoreError, match="key file"):
        convert_plain_folder(plain, other, "M. Jansen")
    _set_up_key(plain)
    with pytest.raises(StoreError, match="another data folder"):
        convert_plain_folder(plain, other, "M. Jansen")
    after = {path: path.read_bytes() for path in plain.rglob("*") if path.is_file()}
    del after[plain / folder_key.KEY_FILE]
    assert after == before


def _convert_stopped_at(folder: Path, step: int, failure: BaseException | None = None) -> bool:
    """Convert, with the ``step``-th file-system change (rename, delete) never happening; True
    when the conversion got that far. The change raises ``failure`` (default: killed).
    The kernel releases the lock of a killed process; the lock file stays as it was."""
    key = folder_key.KeyFile.read(folder).unlock(TEST_PASSPHRASE)
    with stopped_at(step, failure) as stop:
        convert_plain_folder(folder, key, "M. Jansen")
    return stop.reached


def test_a_conversion_stopped_after_any_step_is_finished_at_the_next_opening(
    plain: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    _set_up_key(plain)
    before = _plain_view(plain)
    done = tmp_path / "done"
    shutil.copytree(plain, done)
    assert not _convert_stopped_at(done, 100_000)
    after, _said = _opened(done, registry)
    steps = 0
    outcomes: list[bool] = []
    for step in range(1, 100_000):
        folder = tmp_path / f"stopped-{step}"
        shutil.copytree(plain, folder)
        if not _convert_stopped_at(folder, step):
            break
        steps += 1
        # Right after the stop, the earlier version's files are whole, or all sealed, or the
        # switch's journal is there to finish it: never a mix without a way forwards.
        journal = (folder / "restore.journal").exists()
        sealed = all(is_sealed(data) for data in _plain_view(folder).values())
        assert journal or sealed or _plain_view(folder) == before, step
        under_way = conversion_under_way(folder)
        state, said = _opened(folder, registry)
        assert state == after, f"not converted whole after a stop at step {step}"
        assert _readable_leftovers(folder) == [], step
        told = [sentence for sentence in said if "has now been completed" in sentence]
        assert len(told) == (1 if under_way else 0), step
        outcomes.append(under_way)
        shutil.rmtree(folder)
    assert steps > 10  # every rename and removal of the conversion was a stopping point
    assert all(outcomes)  # the list of backups goes last: every stop is finished, and said


def test_a_conversion_that_fails_at_any_step_leaves_the_checks_as_they_were(
    plain: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    """A full disk or a refused rename: turned back at once, and said; the next opening with
    the passphrase converts it."""
    _set_up_key(plain)
    before = _plain_view(plain)
    full = OSError(errno.ENOSPC, "No space left on device")
    turned_back = 0
    for step in range(1, 100_000):
        folder = tmp_path / f"failed-{step}"
        shutil.copytree(plain, folder)
        if not _convert_stopped_at(folder, step, failure=full):
            break
        if not is_sealed((folder / "meta.json").read_bytes()):
            assert _plain_view(folder) == before, step  # turned back: the plain files
            assert not (folder / "restore.tmp").exists(), step
            turned_back += 1
        state, _said = _opened(folder, registry)
        assert len(state["checks"]) == 2 and state["photos"] == [PHOTO], step
        assert _readable_leftovers(folder) == [], step
        shutil.rmtree(folder)
    assert turned_back > 3


# Sets up the key and converts, in a separate process that the test kills at a random moment.
CONVERTER = """
import sys
from pathlib import Path

from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.conversion import convert_plain_folder
from tests.stores import CHEAP_KDF, TEST_PASSPHRASE

folder = Path(sys.argv[1])
print("ready", flush=True)
key, _recovery = folder_key.create(folder, TEST_PASSPHRASE, CHEAP_KDF)
convert_plain_folder(folder, key, "converter")
print("done", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_conversion_killed_at_random_moments_leaves_the_old_or_the_new_folder(
    plain: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    before = _plain_view(plain)
    done = tmp_path / "done"
    shutil.copytree(plain, done)
    script = tmp_path / "converter.py"
    where = f"import sys\nsys.path.insert(0, {str(REPO)!r})  # tests.stores\n"
    script.write_text(where + CONVERTER, encoding="utf-8")
    started = time.monotonic()
    subprocess.run([sys.executable, str(script), str(done)], check=True)
    duration = time.monotonic() - started
    after, _said = _opened(done, registry)

    rng = random.Random(17)
    seen = set()
    for run in range(10):
        folder = tmp_path / f"killed-{run}"
        shutil.copytree(plain, folder)
        process = subprocess.Popen(
            [sys.executable, str(script), str(folder)],
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        if folder_state(folder) is FolderState.PLAIN:  # killed before the key file
            assert _plain_view(folder) == before, run
            seen.add("before")
        else:
            state, said = _opened(folder, registry)
            assert state == after, f"a mix in run {run}: {said}"
            assert _readable_leftovers(folder) == [], run
            seen.add("after")
        shutil.rmtree(folder)
    assert seen


def test_a_plain_backup_left_by_a_stop_is_restorable_and_converted_next_time(
    plain: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    _set_up_key(plain)
    for step in range(1, 100_000):
        folder = tmp_path / f"stopped-{step}"
        shutil.copytree(plain, folder)
        if not _convert_stopped_at(folder, step):
            pytest.fail("no stop while the backups were rewritten")
        left = [
            path
            for path in (folder / "backups").glob("*.zip")
            if "key_id" not in (manifest_of(path) or {"key_id": "the user's own"})
        ]
        meta = folder / "meta.json"
        switched = meta.exists() and is_sealed(meta.read_bytes())
        if left and switched and not (folder / "restore.journal").exists():
            break  # switched: stopped while the backups were being rewritten
        shutil.rmtree(folder)
    kept = tmp_path / "kept-plain.zip"
    shutil.copy2(left[0], kept)
    with open_store(folder, registry) as store:
        assert any("has now been completed" in sentence for sentence in store.problems)
    for path in (folder / "backups").glob("*.zip"):
        assert path.name == OWN_ZIP or "key_id" in (manifest_of(path) or {})
    assert _readable_leftovers(folder) == []
    with open_store(tmp_path / "elsewhere", registry) as store:
        assert store.restore(kept) == 2  # a plain backup of its time restores as it is


def test_a_reader_or_a_recovery_on_a_folder_being_converted_finishes_it_first(
    plain: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    _set_up_key(plain)
    with open_to_read(plain, registry) as reader:
        assert len(reader.summaries()) == 2
        assert any("has now been completed" in sentence for sentence in reader.problems)
    assert not conversion_under_way(plain)
    assert _readable_leftovers(plain) == []


@pytest.mark.parametrize("content", ["{", '{"revisions": [1, 2]}', ""])
def test_a_damaged_meta_file_in_an_encrypted_folder_is_not_taken_for_a_conversion(
    tmp_path: Path, registry: PackRegistry, content: str
) -> None:
    folder = tmp_path / "data"
    with open_store(folder, registry):
        pass  # an encrypted folder without checks
    (folder / "meta.json").write_text(content, encoding="utf-8")
    assert not conversion_under_way(folder)
    with pytest.raises(StoreError, match="restore a backup"):
        open_store(folder, registry)
