"""The commands that only read work while another program (the desktop app) has the data folder
open in a second process and keeps writing to it; a command that changes it is refused with a
sentence naming the program that holds it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, run_subprocess
from tests.stores import read_plain

EXAMPLES = REPO / "docs" / "examples"

# Opens the store as the app does (program "app"), imports one example and prints "ready <id>";
# then changes an answer of that check over and over (every save replaces the check file and
# appends to the index journal) until its standard input is closed, and closes the store.
HOLDER = """
import sys, threading
from pathlib import Path

from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.store import Store
import json
from tests.stores import open_store

folder, example = sys.argv[1], sys.argv[2]
store = open_store(Path(folder), PackRegistry.builtin(), actor="de app", program="app")
[(check_id, _stored)] = store.import_checks([json.loads(Path(example).read_text())], "x.json")
print("ready", check_id, flush=True)
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
saves = 0
while not done.is_set():
    store.set_note(check_id, "RES-01", f"bezichtiging {saves}")
    saves += 1
store.close()
print("saves", saves, flush=True)
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def app(folder: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """The desktop app's store held open (and written to) by a second process."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLDER,
            str(folder),
            str(EXAMPLES / "landlord-residential-all-clear.json"),
        ],
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
        pytest.fail(f"the holding process did not start: {holder.communicate()[1]}")
    try:
        yield holder, check_id
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.communicate()


def close(holder: subprocess.Popen[str]) -> int:
    """Let the holding process close its store; how many saves it made meanwhile."""
    out, errors = holder.communicate(timeout=60)
    assert holder.returncode == 0, errors
    return int(out.split()[-1])


def run(folder: Path, *args: str, language: str = "en") -> tuple[int, str, str]:
    result = run_subprocess("--lang", language, "--data-dir", str(folder), *args)
    assert "Traceback" not in result.err, result.err
    return result.code, result.out, result.err


def test_reading_commands_work_while_the_app_writes(
    app: tuple[subprocess.Popen[str], str], folder: Path, tmp_path: Path
) -> None:
    holder, check_id = app
    for _round in range(3):  # the check file and the index are replaced all the while
        code, out, err = run(folder, "list")
        assert code == 0 and check_id in out and err == "", err
        code, out, err = run(folder, "list", "--search", "Bakker")
        assert code == 0 and check_id in out, err
        code, out, err = run(folder, "show", check_id[:8])
        assert code == 0 and "bezichtiging" in out and err == "", err
    pdf, exported = tmp_path / "dossier.pdf", tmp_path / "export.json"
    assert run(folder, "report", check_id, "-o", str(pdf))[0] == 0
    assert run(folder, "export", check_id[:6], "-o", str(exported))[0] == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["id"] == check_id
    code, out, _err = run(folder, "verify", str(pdf))
    assert code == 0 and f"unaltered report for your own dossier of check {check_id}" in out
    code, out, _err = run(folder, "history", check_id)
    assert code == 0 and "report for your own dossier issued" in out
    assert "exchange file issued" in out
    assert close(holder) > 0


def test_a_command_that_changes_the_folder_names_the_app_that_holds_it(
    app: tuple[subprocess.Popen[str], str], folder: Path
) -> None:
    holder, check_id = app
    code, out, err = run(folder, "delete", check_id, "--reason", "test", language="nl")
    assert code == 1 and out == ""
    assert f"wordt gebruikt door de app vastgoedcheck (proces {holder.pid} op " in err
    assert len(err.strip().splitlines()) == 1
    code, _out, err = run(folder, "finalize", check_id)
    assert code == 1 and f"in use by the vastgoedcheck app (process {holder.pid} on " in err
    close(holder)


def test_what_a_reader_issued_is_entered_by_the_writer_and_still_verifies(
    app: tuple[subprocess.Popen[str], str], folder: Path, tmp_path: Path
) -> None:
    holder, check_id = app
    pdf = tmp_path / "dossier.pdf"
    code, _out, err = run(folder, "report", check_id, "-o", str(pdf))
    assert code == 0, err
    assert len(list((folder / "pending").glob("issued-*.json"))) == 1
    close(holder)  # the app closes: it enters what was issued meanwhile
    assert list((folder / "pending").glob("issued-*.json")) == []
    meta = json.loads(read_plain(folder / "meta.json").decode("utf-8"))
    issued = [entry for entry in meta["log"].values() if entry["action"] == "issued"]
    assert [(entry["check"], entry["recipient"]) for entry in issued] == [(check_id, "dossier")]
    check_file = json.loads(read_plain(folder / "checks" / f"{check_id}.json").decode("utf-8"))
    events = [event for event in check_file["events"].values() if event["action"] == "issued"]
    assert len(events) == 1 and events[0]["new"]["sha256"] == issued[0]["sha256"]
    code, out, _err = run(folder, "verify", str(pdf))  # now with the lock: once, not twice
    assert code == 0 and "unaltered report for your own dossier" in out
    code, out, _err = run(folder, "history", check_id)
    assert out.count("report for your own dossier issued") == 1
