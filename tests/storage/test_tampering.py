"""A finalized check changed by hand is found out: every read recomputes its fingerprint.

Flipping an answer in a finalized check's file would change the advice and let a report go out
that carries the old fingerprint. A mismatch is tampering: the store says so, refuses reports,
exports and amendments from that revision, and keeps the file where it is for inspection.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import run_subprocess
from tests.storage.conftest import complete_draft
from tests.stores import loosen, open_store, pad_to_size, read_plain, write_plain
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store

CHANGED = "changed after it was finalized"


def flip_answer(path: Path, revision: int = 1, *, keep_time: bool = False) -> None:
    """Change RES-03 from 'no' in a stored revision, as someone with the key and an editor
    would; with ``keep_time`` so that the file keeps its size and modification time and looks to
    the index exactly as the store wrote it."""
    info = path.stat()
    data = json.loads(read_plain(path).decode("utf-8"))
    answer = data["revisions"][str(revision)]["document"]["answers"]["RES-03"]
    assert answer["value"] == "no"
    answer["value"] = "yes"
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_plain(path, text)
    if keep_time:
        pad_to_size(path, info.st_size)
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


@pytest.fixture
def finalized(store: Store, registry: PackRegistry) -> str:
    """A finalized check whose file the index knows in a loosened form (``loosen``), so that an
    edit of it can be padded to the size the index remembers."""
    check = complete_draft(store)
    store.finalize(check.id)
    store.close()
    loosen(store.layout.check_file(check.id))
    open_store(store.layout.root, registry, actor="M. Jansen").close()  # the index notes it
    return check.id


def test_a_hand_edited_finalized_check_is_reported_and_nothing_is_issued_from_it(
    store: Store, registry: PackRegistry, finalized: str, tmp_path: Path
) -> None:
    store.close()
    path = store.layout.check_file(finalized)
    flip_answer(path)
    with open_store(store.layout.root, registry, actor="M. Jansen") as reopened:
        [problem] = [p for p in reopened.problems if CHANGED in p]
        assert finalized in problem and "kept for inspection" in problem
        [summary] = reopened.summaries()
        assert summary.tampered == (1,)  # the overview marks it
        assert reopened.tampered(finalized) == [1]
        check = reopened.get(finalized)  # it can still be looked at
        assert check.answers["RES-03"].value is FlagValue.YES
        with pytest.raises(StoreError, match=CHANGED):
            reopened.export_document(finalized)
        report = tmp_path / "rapport.pdf"
        with pytest.raises(StoreError, match=CHANGED):
            reopened.issue_file(
                check, report, b"%PDF-1.4", kind="report", recipient="fiu", language="nl"
            )
        assert not report.exists()
        with pytest.raises(StoreError, match=CHANGED):
            reopened.amend(finalized, "a correction from altered content")
        assert not any(entry["action"] == "issued" for entry in reopened.log())
    assert path.exists() and not store.layout.damaged.exists()  # kept for inspection


def test_an_edit_that_keeps_the_file_time_is_found_when_the_check_is_read(
    store: Store, registry: PackRegistry, finalized: str
) -> None:
    store.close()
    flip_answer(store.layout.check_file(finalized), keep_time=True)
    with open_store(store.layout.root, registry, actor="M. Jansen") as reopened:
        assert reopened.tampered(finalized) == [1]
        with pytest.raises(StoreError, match=CHANGED):
            reopened.export_document(finalized)


def test_an_earlier_finalized_revision_is_checked_as_well(
    store: Store, registry: PackRegistry, finalized: str
) -> None:
    store.amend(finalized, "the postcode was wrong")
    store.close()
    flip_answer(store.layout.check_file(finalized), revision=1)
    with open_store(store.layout.root, registry, actor="M. Jansen") as reopened:
        assert reopened.tampered(finalized) == [1]
        reopened.export_document(finalized, 2)  # the draft amendment itself is untouched
        with pytest.raises(StoreError, match=CHANGED):
            reopened.export_document(finalized, 1)


def test_an_untouched_finalized_check_is_not_suspected(
    store: Store, registry: PackRegistry, finalized: str
) -> None:
    store.close()
    with open_store(store.layout.root, registry, actor="M. Jansen") as reopened:
        assert reopened.tampered(finalized) == []
        assert reopened.problems == []
        reopened.export_document(finalized)


def test_the_command_line_says_so_and_refuses_the_report(
    store: Store, finalized: str, tmp_path: Path
) -> None:
    store.close()
    flip_answer(store.layout.check_file(finalized), keep_time=True)
    folder = str(store.layout.root)
    shown = run_subprocess("--lang", "en", "--data-dir", folder, "show", finalized)
    assert shown.code == 0 and CHANGED in shown.err and "Traceback" not in shown.err
    output = tmp_path / "fiu.pdf"
    refused = run_subprocess(
        "--lang", "en", "--data-dir", folder, "report", finalized, "-o", str(output)
    )
    assert refused.code == 1 and CHANGED in refused.err
    assert len(refused.err.strip().splitlines()) == 1 and not output.exists()
