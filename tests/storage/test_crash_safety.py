"""Crash safety: a writer killed at any moment loses no acknowledged write, and the store opens.

A separate process edits checks and prints ``ack`` after every change the store has returned
from; the test kills it with SIGKILL at random moments and then opens the folder itself. A
change that was under way when the writer died may or may not be there, but nothing else may
differ. Writes that fail (a full disk) must leave the check file exactly as it was.
"""

from __future__ import annotations

import errno
import os
import random
import selectors
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.storage.conftest import new_draft
from tests.stores import open_store
from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.pack import FlagValue, Pack
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreWriteError
from vastgoedcheck.storage.store import Store

PACK = "landlord-residential"

# Edits checks until killed. Arguments: data folder, first step number, "create" or "edit",
# "lazy" (open as the command line does: the index is not read) or "eager", check ids. Prints
# "try <step> …" before and "ack <step> …" after every change; a change is acknowledged only
# once the store call has returned. With "create", every 20th step makes a new check.
WRITER = """
import sys
from pathlib import Path

from vastgoedcheck.domain.check import Party, PartyKind
from vastgoedcheck.domain.pack import FlagValue, Role
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.store import Store
from tests.stores import open_store

folder, first, mode, lazy, *check_ids = sys.argv[1:]
registry = PackRegistry.builtin()
pack = registry.get("landlord-residential")
flags = [q.id for q in pack.questions if q.type.value == "flag"][:10]
values = [FlagValue.YES, FlagValue.NO, None, FlagValue.UNKNOWN, FlagValue.NA]
store = open_store(Path(folder), registry, actor="writer", wait=0.0, lazy_index=lazy == "lazy")
print("ready", flush=True)
step = int(first)
while True:
    if mode == "create" and step % 20 == 0:
        print(f"try {step} create", flush=True)
        party = Party("tenant", PartyKind.PERSON, {"name": f"Huurder {step}"})
        check = store.create(pack, Role.LANDLORD, parties=[party])
        check_ids.append(check.id)
        print(f"ack {step} create {check.id}", flush=True)
    else:
        check_id = check_ids[step % len(check_ids)]
        question = flags[step % len(flags)]
        if step % 3 == 0:
            kind, text = "note", f"note-{step}"
        else:
            value = values[(step // len(flags)) % len(values)]
            kind, text = "answer", "none" if value is None else value.value
        print(f"try {step} {check_id} {question} {kind} {text}", flush=True)
        if kind == "note":
            store.set_note(check_id, question, text)
        else:
            store.set_answer(check_id, question, value)
        print(f"ack {step} {check_id} {question} {kind} {text}", flush=True)
    step += 1
"""

Key = tuple[str, str, str]  # check id, question id, "answer" or "note"


def absent(kind: str) -> str:
    """How the writer prints a missing answer or note."""
    return "none" if kind == "answer" else ""


class Ledger:
    """What the writers acknowledged: per answer and note, the values the store may now hold."""

    def __init__(self, check_ids: list[str], *, creating: bool = False, lazy: bool = False) -> None:
        self.check_ids = list(check_ids)
        self.creating = creating
        self.lazy = lazy
        self.allowed: dict[Key, set[str]] = {}
        self.creations_under_way = 0  # creations cut short by a kill: the check may exist
        self.acknowledged = 0
        self.next_step = 0

    def record(self, lines: list[str]) -> None:
        """Take in one writer's output (its complete lines, in order)."""
        pending: list[str] | None = None
        for line in lines:
            word, step, *rest = line.split()
            self.next_step = int(step) + 1
            if word == "try":
                pending = rest
                continue
            self.acknowledged += 1
            pending = None
            if rest[0] == "create":
                self.check_ids.append(rest[1])
            else:
                check_id, question, kind, text = rest
                self.allowed[check_id, question, kind] = {text}
        if pending == ["create"]:
            self.creations_under_way += 1
        elif pending is not None:  # under way when killed: the old or the new value
            check_id, question, kind, text = pending
            self.allowed.setdefault((check_id, question, kind), {absent(kind)}).add(text)

    def verify(self, store: Store, pack: Pack) -> None:
        """Every answer and note holds an allowed value; from now on that is the only one."""
        listed = {summary.id for summary in store.summaries()}
        missing = set(self.check_ids) - listed
        assert not missing, f"acknowledged checks missing from the overview: {missing}"
        unexpected = sorted(listed - set(self.check_ids))
        assert len(unexpected) <= self.creations_under_way, "checks appeared that nobody made"
        self.check_ids += unexpected  # created just before a kill, never acknowledged
        self.creations_under_way = 0
        for check_id in self.check_ids:
            for key, text in stored_values(store, pack, check_id).items():
                allowed = self.allowed.get(key, {absent(key[2])})
                assert text in allowed, f"{key}: the store has {text!r}, expected one of {allowed}"
                self.allowed[key] = {text}


def stored_values(store: Store, pack: Pack, check_id: str) -> dict[Key, str]:
    """Every flag question's answer and note, printed as the writer prints them."""
    check = store.get(check_id)
    values: dict[Key, str] = {}
    for question in (q.id for q in pack.questions if q.type.value == "flag"):
        answer = check.answers.get(question)
        value = None if answer is None else answer.value
        assert value is None or isinstance(value, FlagValue), f"{question}: {value!r}"
        values[check_id, question, "answer"] = "none" if value is None else value.value
        values[check_id, question, "note"] = "" if answer is None else answer.note
    return values


def read_some(selector: selectors.BaseSelector, stream: int, timeout: float) -> bytes | None:
    """What the writer printed within ``timeout`` (b"" if nothing); None once it has ended."""
    if not selector.select(timeout=max(timeout, 0)):
        return b""
    return os.read(stream, 65536) or None


def run_and_kill(script: Path, folder: Path, ledger: Ledger, delay: float) -> None:
    """Start a writer, let it write for ``delay`` seconds after opening the store, kill it."""
    mode = "create" if ledger.creating else "edit"
    lazy = "lazy" if ledger.lazy else "eager"
    command = [sys.executable, str(script), str(folder), str(ledger.next_step), mode, lazy]
    with subprocess.Popen(
        [*command, *ledger.check_ids], stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0
    ) as writer:
        assert writer.stdout is not None
        stream = writer.stdout.fileno()
        output = b""
        with selectors.DefaultSelector() as selector:
            selector.register(stream, selectors.EVENT_READ)
            started = time.monotonic()
            while b"ready\n" not in output and time.monotonic() - started < 60:
                chunk = read_some(selector, stream, 1.0)
                if chunk is None:
                    break
                output += chunk
            if b"ready\n" in output:
                deadline = time.monotonic() + delay
                while time.monotonic() < deadline:  # keep reading: a full pipe would stall it
                    output += read_some(selector, stream, deadline - time.monotonic()) or b""
        os.kill(writer.pid, signal.SIGKILL)
        rest, errors = writer.communicate(timeout=60)
    assert writer.returncode == -signal.SIGKILL, errors.decode(errors="replace")
    output += rest
    complete = output[: output.rfind(b"\n") + 1].decode("utf-8").splitlines()
    ledger.record([line for line in complete if line != "ready"])


def assert_overview_matches_the_checks(store: Store, pack: Pack) -> None:
    """Each row of the overview shows its check's latest state, newest change first."""
    summaries = store.summaries()
    for summary in summaries:
        check = store.get(summary.id)
        assert summary.updated_at == check.updated_at
        assert summary.revision == check.revision
        assert summary.status == check.status.value
        assert summary.outcome == assess_check(pack, check).outcome.code
        assert summary.parties == tuple(party.name for party in check.parties if party.name)
    moments = [summary.updated_at for summary in summaries]
    assert moments == sorted(moments, key=lambda moment: moment or 0, reverse=True)


def assert_only_told_of_the_unclean_end(store: Store) -> None:
    """After a kill the user hears that the session ended badly, but of nothing damaged."""
    assert len(store.problems) == 1
    assert "did not close normally" in store.problems[0]
    assert not store.layout.damaged.exists()


def writer_script(tmp_path: Path) -> Path:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    return script


sigkill = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@sigkill
def test_acknowledged_answers_and_notes_survive_a_writer_killed_at_random_moments(
    tmp_path: Path, folder: Path, registry: PackRegistry
) -> None:
    pack = registry.get(PACK)
    assert pack is not None
    with open_store(folder, registry, actor="tester") as store:
        check = new_draft(store)
    ledger = Ledger([check.id])
    chance = random.Random(20260101)
    script = writer_script(tmp_path)

    for round_number in range(20):
        # Half the writers die in their first writes, the others after up to 0.4 s of writing.
        delay = chance.choice([0.0, chance.uniform(0.02, 0.4)])
        run_and_kill(script, folder, ledger, delay)
        if round_number % 3 == 1:
            continue  # the next writer opens the folder straight after this kill
        with open_store(folder, registry, actor="tester", wait=0.0) as store:
            assert_only_told_of_the_unclean_end(store)
            ledger.verify(store, pack)
            assert [summary.id for summary in store.summaries()] == [check.id]

    assert ledger.acknowledged >= 100  # the writers really were writing when killed


@sigkill
@pytest.mark.parametrize("lazy", [False, True], ids=["app", "command-line"])
def test_the_overview_matches_the_checks_after_writers_of_several_checks_are_killed(
    tmp_path: Path, folder: Path, registry: PackRegistry, lazy: bool
) -> None:
    """The writers open the folder as the app does, or as a command line does, which does not
    read the index and only appends to its journal; the next start must put it right."""
    pack = registry.get(PACK)
    assert pack is not None
    with open_store(folder, registry, actor="tester") as store:
        names = ("Jan de Vries", "Zofia Wiśniewska-Çelik", "Ahmed El Amrani")
        checks = [new_draft(store, name) for name in names]
    ledger = Ledger([check.id for check in checks], creating=True, lazy=lazy)
    chance = random.Random(4242)
    script = writer_script(tmp_path)

    for round_number in range(8):
        run_and_kill(script, folder, ledger, delay=chance.uniform(0.05, 0.4))
        if round_number % 2 == 0:
            continue  # the next writer replays the index journal this writer left behind
        with open_store(folder, registry, actor="tester", wait=0.0, lazy_index=lazy) as store:
            assert_only_told_of_the_unclean_end(store)
            ledger.verify(store, pack)
            assert len(store) == len(ledger.check_ids)
            assert_overview_matches_the_checks(store, pack)

    assert len(ledger.check_ids) > len(checks)  # the writers made new checks as well
    # Temporary files of killed writers may be left behind; they are not checks.
    with open_store(folder, registry, actor="tester", wait=0.0) as store:
        assert sorted(summary.id for summary in store.summaries()) == sorted(ledger.check_ids)


# -- writes that fail ------------------------------------------------------------------------


def fails_with(number: int, text: str) -> Callable[..., None]:
    def fail(*args: object) -> None:
        raise OSError(number, text)

    return fail


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_save_that_fails_changes_nothing_and_says_so_in_one_sentence(
    store: Store,
    folder: Path,
    registry: PackRegistry,
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:
    check = new_draft(store)
    store.set_answer(check.id, "RES-03", FlagValue.YES)
    outcome = store.summaries()[0].outcome
    check_file = folder / "checks" / f"{check.id}.json"
    before = check_file.read_bytes()

    with monkeypatch.context() as patch:
        patch.setattr(os, failing, fails_with(errno.ENOSPC, "No space left on device"))
        with pytest.raises(StoreWriteError) as caught:
            store.set_answer(check.id, "RES-03", FlagValue.NO)

    message = str(caught.value)
    assert "No space left on device" in message
    assert "nothing was changed" in message
    assert "\n" not in message and ". " not in message  # one sentence
    assert check_file.read_bytes() == before
    assert list(folder.rglob("*.tmp")) == []
    assert store.get(check.id).answers["RES-03"].value is FlagValue.YES
    assert store.summaries()[0].outcome == outcome
    # The store goes on working, and a later save does not bring the failed change back.
    store.set_answer(check.id, "RES-04", FlagValue.NO)
    store.close()
    with open_store(folder, registry, actor="tester") as reopened:
        answers = reopened.get(check.id).answers
        assert answers["RES-03"].value is FlagValue.YES
        assert answers["RES-04"].value is FlagValue.NO


def fsync_failing_on_folders(real_fsync: Callable[[int], None]) -> Callable[[int], None]:
    """``os.fsync`` as on a file system that cannot sync a folder (some network shares)."""

    def fsync(descriptor: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(descriptor)

    return fsync


@pytest.mark.skipif(sys.platform == "win32", reason="folders are only synced on POSIX")
def test_a_save_reported_as_failed_has_not_changed_the_check(
    store: Store, folder: Path, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = registry.get(PACK)
    assert pack is not None
    check = new_draft(store)
    store.set_answer(check.id, "RES-03", FlagValue.NO)
    check_file = folder / "checks" / f"{check.id}.json"
    before = check_file.read_bytes()

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", fsync_failing_on_folders(os.fsync))
        try:
            store.set_answer(check.id, "RES-03", FlagValue.YES)
        except StoreWriteError:
            # Told that nothing was changed: then nothing may have changed.
            assert check_file.read_bytes() == before
            assert store.get(check.id).answers["RES-03"].value is FlagValue.NO
        else:
            # Saved after all: then the store shows it everywhere.
            assert store.get(check.id).answers["RES-03"].value is FlagValue.YES
            assert_overview_matches_the_checks(store, pack)


def test_temporary_files_a_killed_writer_left_are_cleared_at_the_next_start(
    store: Store, folder: Path, registry: PackRegistry
) -> None:
    check = new_draft(store)
    store.lock.release()  # the process dies without closing
    leftovers = [
        folder / "checks" / f".{check.id}.json.4242.tmp",
        folder / "attachments" / ".incoming.4242.tmp",
        folder / ".index.json.4242.tmp",
    ]
    for path in leftovers:
        path.write_bytes(b"half a file")
    (folder / "vastgoedcheck.lock").write_text('{"pid": 4242}', encoding="utf-8")
    reopened = open_store(folder, registry, actor="tester")
    try:
        assert not any(path.exists() for path in leftovers)
        assert [s.id for s in reopened.summaries()] == [check.id]
    finally:
        reopened.close()
