"""One running copy per data folder: a second one is refused, waits, or takes over after a crash.

Another process holds the folder as a second copy of the app would; the lock must keep the test
process out while it runs, let it in once it closes, and never block after it was killed.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import run_subprocess
from tests.storage.conftest import new_draft
from tests.stores import open_store
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreLocked

# Opens the store in the folder given, makes a check, prints "ready <check id>" and holds the
# folder until it reads a line or its stdin is closed. Then it closes the store.
HOLDER = """
import sys
from pathlib import Path

from vastgoedcheck.domain.pack import Role
from vastgoedcheck.packs.registry import PackRegistry
from tests.stores import open_store

folder = sys.argv[1]
registry = PackRegistry.builtin()
store = open_store(Path(folder), registry, actor="other copy", wait=0.0)
check = store.create(registry.get("landlord-residential"), Role.LANDLORD)
print("ready", check.id, flush=True)
sys.stdin.readline()
store.close()
"""

# Tries to open the store in the folder given without waiting; prints "opened" or "locked".
PROBE = """
import sys
from pathlib import Path

from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreLocked
from vastgoedcheck.storage.store import Store
from tests.stores import open_store

try:
    open_store(Path(sys.argv[1]), PackRegistry.builtin(), actor="probe", wait=0.0).close()
except StoreLocked:
    print("locked")
else:
    print("opened")
"""


def start_holder(folder: Path) -> tuple[subprocess.Popen[str], str]:
    """A second copy holding ``folder``, and the id of the check it made, once it holds it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert holder.stdout is not None
    word, _space, check_id = holder.stdout.readline().strip().partition(" ")
    if word != "ready":
        holder.kill()
        _out, errors = holder.communicate()
        pytest.fail(f"the holding process did not start: {errors}")
    return holder, check_id


def tell_to_close(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.write("close\n")
    holder.stdin.flush()


def release(holder: subprocess.Popen[str]) -> None:
    """Let the holder close the store and end; it must end cleanly."""
    _out, errors = holder.communicate(timeout=30)  # closes its stdin
    assert holder.returncode == 0, errors


def probe(folder: Path) -> str:
    """What another process finds when it tries to open ``folder``: "opened" or "locked"."""
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


def test_a_second_copy_is_refused_while_another_process_has_the_folder_open(
    folder: Path, registry: PackRegistry
) -> None:
    holder, check_id = start_holder(folder)
    try:
        with pytest.raises(StoreLocked) as caught:
            open_store(folder, registry, actor="tester", wait=0.0)
        message = str(caught.value)
        assert "already open on this data folder" in message
        assert f"process {holder.pid}" in message  # says which copy to close
        assert "\n" not in message
    finally:
        release(holder)
    with open_store(folder, registry, actor="tester", wait=0.0) as store:
        assert [summary.id for summary in store.summaries()] == [check_id]
        assert store.problems == []  # the other copy closed normally: nothing to report


def test_a_copy_that_may_wait_gets_the_folder_once_the_other_closes(
    folder: Path, registry: PackRegistry
) -> None:
    holder, check_id = start_holder(folder)
    closing = threading.Timer(0.5, tell_to_close, [holder])  # the other copy closes in 0.5 s
    try:
        with pytest.raises(StoreLocked):
            open_store(folder, registry, actor="tester", wait=0.0)
        started = time.monotonic()
        closing.start()
        with open_store(folder, registry, actor="tester", wait=10.0) as store:
            waited = time.monotonic() - started
            assert store.get(check_id).id == check_id
    finally:
        closing.cancel()
        release(holder)
    assert 0.4 < waited < 10.0  # it waited for the other copy, and not for the whole 10 s


def test_the_command_line_says_in_one_line_that_the_folder_is_in_use(folder: Path) -> None:
    holder, check_id = start_holder(folder)
    try:  # a command that changes the folder (one that only reads it is not refused)
        result = run_subprocess("--lang", "en", "--data-dir", str(folder), "finalize", check_id)
    finally:
        release(holder)
    assert result.code == 1
    assert "already open" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert result.out == ""


def test_a_copy_that_was_killed_does_not_keep_the_folder_locked(
    folder: Path, registry: PackRegistry
) -> None:
    holder, check_id = start_holder(folder)
    holder.kill()  # SIGKILL: no chance to close the store or unlock
    holder.communicate(timeout=30)
    assert holder.returncode != 0
    with open_store(folder, registry, actor="tester", wait=0.0) as store:
        assert [summary.id for summary in store.summaries()] == [check_id]
        # The user is told that the other session did not end cleanly, and which it was.
        [notice] = store.problems
        assert "did not close normally" in notice and str(holder.pid) in notice


def test_the_same_process_cannot_open_a_folder_twice(folder: Path, registry: PackRegistry) -> None:
    with open_store(folder, registry, actor="tester") as store:
        check = new_draft(store)
        with pytest.raises(StoreLocked, match="already open on this data folder"):
            open_store(folder, registry, actor="tester", wait=0.0)
        # The refused attempt did not take the lock away from the copy that has the folder.
        assert probe(folder) == "locked"
        store.set_answer(check.id, "RES-03", FlagValue.YES)
    assert probe(folder) == "opened"
    with open_store(folder, registry, actor="tester", wait=0.0) as store:
        assert store.get(check.id).answers["RES-03"].value is FlagValue.YES


# Holds the folder like HOLDER; on the line "write" it tries to delete the check it made and
# prints "wrote" or "refused: <message>", then waits for another line and closes.
HOLDER_THAT_WRITES_LATER = HOLDER.replace(
    "sys.stdin.readline()\nstore.close()",
    """sys.stdin.readline()
from vastgoedcheck.storage.errors import StoreError
try:
    store.delete(check.id, "made twice")
except StoreError as error:
    print("refused:", error, flush=True)
else:
    print("wrote", flush=True)
sys.stdin.readline()
store.close()""",
)


def test_a_removed_lock_file_does_not_let_two_copies_write(
    folder: Path, registry: PackRegistry
) -> None:
    assert "made twice" in HOLDER_THAT_WRITES_LATER
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER_THAT_WRITES_LATER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        word, _space, first_id = holder.stdout.readline().strip().partition(" ")
        assert word == "ready", holder.stderr.read() if holder.stderr else ""
        (folder / "vastgoedcheck.lock").unlink()  # a clean-up tool removes the "stale" file
        # A second copy now gets in (the lock file it finds is new) and does its work.
        with open_store(folder, registry, actor="second copy", wait=0.0) as second:
            second_check = new_draft(second, "Zofia Nowak")
            second.delete(second_check.id, "a test entry in the store log")
            tell_to_close(holder)  # now the first copy writes: it must refuse, not overwrite
            answer = holder.stdout.readline().strip()
        assert answer.startswith("refused:"), answer
        assert "lock file" in answer and "nothing was saved" in answer
    finally:
        release(holder)
    with open_store(folder, registry, actor="tester", wait=0.0) as store:
        # The second copy's log entry survived, and the first copy's check was not deleted.
        deleted = [entry["check"] for entry in store.log() if entry["action"] == "deleted"]
        assert deleted == [second_check.id]
        assert store.get(first_id).id == first_id


def test_a_lock_file_that_is_merely_removed_is_taken_again(
    folder: Path, registry: PackRegistry
) -> None:
    with open_store(folder, registry, actor="tester") as store:
        (folder / "vastgoedcheck.lock").unlink()
        check = new_draft(store)  # nobody else took the folder: the work goes on
        assert probe(folder) == "locked"  # and the new lock file keeps others out
    with open_store(folder, registry, actor="tester", wait=0.0) as store:
        assert store.get(check.id).id == check.id
