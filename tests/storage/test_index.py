"""The summary index: listing and search, and rebuilding it whenever it cannot be trusted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import run_subprocess
from tests.storage.conftest import complete_draft, new_draft
from tests.stores import (
    loosen,
    open_store,
    open_to_read,
    pad_to_size,
    read_plain,
    save_plain,
    write_plain,
)
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import index as index_module
from vastgoedcheck.storage import index_file
from vastgoedcheck.storage.index_file import (
    FIELDS,
    LISTING_WIDTH,
    ROW_CONTENT,
    as_dict,
    index_body,
    index_payload,
    listed_of_rows,
    parse_index,
    rows_in_parts,
    summaries_json,
    summary_of,
)
from vastgoedcheck.storage.store import Store
from vastgoedcheck.storage.summary import Filters, Listed, Summary


def reopen(store: Store, registry: PackRegistry) -> Store:
    store.close()
    return open_store(store.layout.root, registry, actor="tester")


def test_search_ignores_case_and_accents_and_matches_every_word(store: Store) -> None:
    celik = new_draft(store, "Mehmet Çelik")
    new_draft(store, "Zofia Wiśniewska")
    assert [s.id for s in store.summaries(search="celik")] == [celik.id]
    assert [s.id for s in store.summaries(search="ÇELİK")] == [celik.id]
    assert [s.parties for s in store.summaries(search="wisniewska utrecht")] == [
        ("Zofia Wiśniewska",)
    ]
    assert store.summaries(search="wisniewska amsterdam") == []
    assert len(store.summaries(search="3511")) == 2  # postcode


def test_filters_and_newest_change_first(store: Store) -> None:
    older = new_draft(store, "Wim Zuiderveld")
    final = store.finalize(complete_draft(store).id)
    store.set_answer(older.id, "RES-03", FlagValue.YES)
    assert [s.id for s in store.summaries()] == [older.id, final.id]
    assert [s.id for s in store.summaries(status="final")] == [final.id]
    assert store.summaries(pack="broker-buyer") == []
    [row] = store.summaries(search="zuiderveld")
    assert row.outcome == "escalate" and row.status == "draft"


def test_the_index_follows_every_change_without_being_rewritten_whole(
    store: Store, registry: PackRegistry
) -> None:
    check = new_draft(store)
    store = reopen(store, registry)
    index_before = store.layout.index.read_bytes()
    store.set_answer(check.id, "RES-03", FlagValue.YES)
    assert store.layout.index.read_bytes() == index_before
    assert store.summaries()[0].outcome == "escalate"
    store = reopen(store, registry)
    try:
        assert store.summaries()[0].outcome == "escalate"
    finally:
        store.close()


def test_a_missing_index_is_rebuilt_from_the_checks(store: Store, registry: PackRegistry) -> None:
    ids = {new_draft(store, name).id for name in ("A", "B", "C")}
    store.close()
    store.layout.index.unlink()
    store.layout.journal.unlink()
    store = open_store(store.layout.root, registry, actor="tester")
    try:
        assert {s.id for s in store.summaries()} == ids
        assert store.problems == []
    finally:
        store.close()


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),  # truncated
        lambda p: p.write_bytes(b"\x00\xff garbage"),
        lambda p: p.write_text('{"summaries": {"1": {"no": "id"}}}', encoding="utf-8"),
        lambda p: p.write_text("[1, 2, 3]", encoding="utf-8"),
    ],
    ids=["truncated", "garbled", "rows-without-id", "not-an-object"],
)
def test_a_damaged_index_is_moved_aside_reported_and_rebuilt(
    store: Store, registry: PackRegistry, damage: object
) -> None:
    ids = {new_draft(store, name).id for name in ("A", "B")}
    store.close()
    damage(store.layout.index)  # type: ignore[operator]
    store = open_store(store.layout.root, registry, actor="tester")
    try:
        assert {s.id for s in store.summaries()} == ids
        [problem] = store.problems
        assert "summary index was damaged" in problem
        assert list(store.layout.damaged.iterdir())
    finally:
        store.close()


def test_a_check_changed_behind_the_index_is_listed_as_it_is(
    store: Store, registry: PackRegistry
) -> None:
    """As after a crash between saving a check and noting it in the index."""
    check = new_draft(store)
    saved = store.layout.check_file(check.id).read_bytes()
    store.set_answer(check.id, "RES-03", FlagValue.YES)
    changed = store.layout.check_file(check.id).read_bytes()
    store.close()
    index, journal = store.layout.index.read_bytes(), store.layout.journal.read_bytes()
    # Put the index back to the state before the answer, but keep the saved answer.
    path = store.layout.check_file(check.id)
    path.write_bytes(saved)
    store = open_store(store.layout.root, registry, actor="tester")
    store.close()
    path.write_bytes(changed)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000))
    assert (index, journal) != (store.layout.index.read_bytes(), b"")
    store = open_store(store.layout.root, registry, actor="tester")
    try:
        assert store.summaries()[0].outcome == "escalate"
    finally:
        store.close()


def test_rows_journaled_before_a_crash_are_not_lost(store: Store, registry: PackRegistry) -> None:
    check = new_draft(store)
    store.set_answer(check.id, "RES-03", FlagValue.YES)
    store.lock.release()  # the process dies: no clean close, the journal is not compacted
    assert store.layout.journal.read_bytes()
    reopened = open_store(store.layout.root, registry, actor="tester")
    try:
        assert reopened.summaries()[0].outcome == "escalate"
    finally:
        reopened.close()


def test_a_journal_line_cut_short_is_ignored(store: Store, registry: PackRegistry) -> None:
    check = new_draft(store)
    store.lock.release()
    with store.layout.journal.open("ab") as journal:
        journal.write(b'{"put": {"id": "x", "sea')
    reopened = open_store(store.layout.root, registry, actor="tester")
    try:
        assert [s.id for s in reopened.summaries()] == [check.id]
    finally:
        reopened.close()


def test_files_that_are_not_checks_are_not_listed(store: Store, registry: PackRegistry) -> None:
    new_draft(store)
    store.close()
    (store.layout.checks / "notes.txt").write_text("mine", encoding="utf-8")
    (store.layout.checks / ".tmp.json").write_text("{}", encoding="utf-8")
    store = open_store(Path(store.layout.root), registry, actor="tester")
    try:
        assert len(store.summaries()) == 1 and store.problems == []
    finally:
        store.close()


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Mehmet Yılmaz", "yilmaz"),
        ("İbrahim Öztürk", "ibrahim ozturk"),
        ("Łukasz Wąsik", "lukasz wasik"),
        ("Søren Ærø", "soren aero"),
        ("Ștefan Nițu", "stefan nitu"),
        ("Γιώργος Παπαδόπουλος", "γιωργος"),
        ("Дмитрий Иванов", "дмитрий"),
        ("Jan de Groot-Straße", "strasse"),
    ],
)
def test_names_are_found_as_typed_on_a_dutch_keyboard(store: Store, name: str, typed: str) -> None:
    check = new_draft(store, name)
    assert [s.id for s in store.summaries(search=typed)] == [check.id]
    assert [s.id for s in store.summaries(search=typed.upper())] == [check.id]


def test_after_a_crash_the_next_start_says_that_nothing_saved_was_lost(
    store: Store, registry: PackRegistry
) -> None:
    check = new_draft(store)
    store.set_answer(check.id, "RES-03", FlagValue.YES)
    store.lock.release()
    store.layout.lock.write_text('{"pid": 4242, "host": "laptop"}', encoding="utf-8")
    reopened = open_store(store.layout.root, registry, actor="tester")
    try:
        [notice] = reopened.problems
        assert "did not close normally (process 4242)" in notice
        assert reopened.get(check.id).answers["RES-03"].value is FlagValue.YES
    finally:
        reopened.close()
    again = open_store(store.layout.root, registry, actor="tester")
    try:
        assert again.problems == []  # a clean close leaves nothing to report
    finally:
        again.close()


def test_a_disk_that_refuses_the_index_on_closing_loses_nothing(
    store: Store, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = new_draft(store)
    store.set_answer(check.id, "RES-03", FlagValue.YES)

    def full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    store.close()  # folding the journal into the index fails: not the user's problem
    monkeypatch.undo()
    reopened = open_store(store.layout.root, registry, actor="tester")
    try:
        assert reopened.summaries()[0].outcome == "escalate"
    finally:
        reopened.close()


def test_after_a_crash_a_check_whose_size_and_time_look_unchanged_is_read_again(
    store: Store, registry: PackRegistry
) -> None:
    """On a disk with coarse file times, a crash between saving a check and noting it in the
    index can leave a check file with the same size and time as the index remembers."""
    check = new_draft(store, "Anna Smit")
    store.set_answer(check.id, "RES-03", FlagValue.NO)
    store.close()
    path = store.layout.check_file(check.id)
    loosen(path)  # larger, so that the change below can be padded to its size
    open_store(store.layout.root, registry, actor="M. Jansen").close()  # the index notes it
    store = open_store(store.layout.root, registry, actor="M. Jansen")
    before = path.stat()
    changed = store.set_answer(check.id, "RES-03", FlagValue.NA)
    pad_to_size(path, before.st_size)
    store.lock.release()  # killed before the index was folded ...
    store.layout.journal.write_bytes(b"")  # ... and before the journal line reached the disk
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # a clock of 2 s steps
    store.layout.lock.write_text('{"pid": 4242}', encoding="utf-8")
    reopened = open_store(store.layout.root, registry, actor="tester")
    try:
        assert reopened.summaries()[0].updated_at == changed.updated_at
    finally:
        reopened.close()


# -- commands about one check do not read the index ----------------------------------------------


def test_a_command_about_one_check_does_not_read_the_index(
    store: Store, registry: PackRegistry
) -> None:
    """Opened as the command line opens it, the store reads and writes one check without
    touching index.json (here garbled, so that a read would show); a listing then reads it."""
    checks = [new_draft(store, name) for name in ("Jan de Vries", "Ayşe Çelik")]
    store.close()
    store.layout.index.write_bytes(b"\x00 garbled")
    with open_store(store.layout.root, registry, actor="tester", lazy_index=True) as lazy:
        assert lazy.get(checks[0].id).id == checks[0].id
        lazy.set_answer(checks[1].id, "RES-03", FlagValue.YES)
        lazy.export_document(checks[0].id)
        assert lazy.problems == []
        assert store.layout.index.read_bytes() == b"\x00 garbled"
        summaries = lazy.summaries()  # now it is needed: read, found damaged, rebuilt
        assert {s.id: s.outcome for s in summaries}[checks[1].id] == "escalate"
        [problem] = lazy.problems
        assert "summary index was damaged" in problem


def test_a_journal_as_large_as_the_index_is_folded_in_when_the_folder_is_opened(
    store: Store, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = new_draft(store)
    store.close()
    for value in [FlagValue.YES, FlagValue.NO] * 10:  # twenty commands that never list
        with open_store(store.layout.root, registry, actor="tester", lazy_index=True) as lazy:
            lazy.set_answer(check.id, "RES-03", value)
    journal = store.layout.journal.stat().st_size
    assert journal > store.layout.index.stat().st_size  # nothing folded it in so far
    monkeypatch.setattr(index_module, "JOURNAL_MINIMUM_BYTES", journal // 2)
    with open_store(store.layout.root, registry, actor="tester", lazy_index=True) as lazy:
        assert store.layout.journal.read_bytes() == b""  # folded in on opening
        [summary] = lazy.summaries()
        assert summary.updated_at == lazy.get(check.id).updated_at


def test_a_damaged_index_is_rebuilt_for_a_reader_and_reported_by_the_next_writer(
    store: Store, registry: PackRegistry
) -> None:
    check = new_draft(store)
    store.close()
    store.layout.index.write_bytes(b"\x00 garbled")
    folder = str(store.layout.root)
    shown = run_subprocess("--lang", "en", "--data-dir", folder, "show", check.id)
    assert shown.code == 0 and shown.err == ""
    # A listing reads without the writer's lock: it rebuilds the rows in memory, moves nothing.
    listed = run_subprocess("--lang", "en", "--data-dir", folder, "list")
    assert listed.code == 0 and check.id in listed.out and "Traceback" not in listed.err
    assert store.layout.index.read_bytes() == b"\x00 garbled"
    with open_store(store.layout.root, registry, actor="tester") as writer:
        assert any("summary index was damaged" in problem for problem in writer.problems)
        assert [summary.id for summary in writer.summaries()] == [check.id]


# -- a search reads only the rows that can match -------------------------------------------------


def lazily(store: Store, registry: PackRegistry) -> Store:
    store.close()
    return open_store(store.layout.root, registry, actor="tester", lazy_index=True)


def found(store: Store, text: str) -> list[str]:
    return sorted(summary.id for summary in store.summaries(search=text))


def test_a_search_finds_what_a_full_reading_finds_without_reading_every_row(
    store: Store, registry: PackRegistry
) -> None:
    names = ("Ayşe Çelik", "Jan Çelik", "Łukasz Kowalski", "Anna Smit", 'Jan "de Boer"')
    checks = {name: new_draft(store, name) for name in names}
    store.summaries()  # read whole: the index is written one row per line when the app closes
    store = lazily(store, registry)  # as a command opens it
    try:
        assert found(store, "celik") == sorted([checks["Ayşe Çelik"].id, checks["Jan Çelik"].id])
        assert found(store, "jan celik oudegracht") == [checks["Jan Çelik"].id]
        assert found(store, "nobody") == []
        assert not store.index.loaded  # answered from the lines that hold the words
        # Changes of this and earlier commands are in the journal, and are found as they are.
        store.delete(checks["Anna Smit"].id, "made twice")
        store.set_answer(checks["Jan Çelik"].id, "RES-03", FlagValue.YES)
        assert found(store, "smit") == []
        [summary] = store.summaries(search="jan celik")
        assert summary.outcome == "escalate"
        assert found(store, '"de boer"') == [checks['Jan "de Boer"'].id]  # read whole for this
    finally:
        store.close()


def test_a_search_after_a_check_was_changed_behind_the_index_reads_that_check(
    store: Store, registry: PackRegistry
) -> None:
    check = new_draft(store, "Ayşe Çelik")
    other = new_draft(store, "Jan de Vries")
    store.summaries()
    store.close()
    # Rewritten in place by another program: the folder keeps its time, the file does not.
    path = store.layout.check_file(check.id)
    path.write_bytes(path.read_bytes().replace(b'"created"', b'"created" '))
    lazy = open_store(store.layout.root, registry, actor="tester", lazy_index=True)
    try:
        assert found(lazy, "celik") == [check.id]
        assert not lazy.index.loaded
    finally:
        lazy.close()
    # A check file that appears behind the index's back changes the folder: all is read.
    copy = store.layout.checks / f"{other.id}.json"
    copy.rename(store.layout.checks / "renamed.json")
    copy.with_name("renamed.json").rename(copy)
    lazy = open_store(store.layout.root, registry, actor="tester", lazy_index=True)
    try:
        assert found(lazy, "vries") == [other.id]
        assert lazy.index.loaded
    finally:
        lazy.close()


def test_an_index_laid_out_by_an_earlier_version_is_read_and_laid_out_again_once(
    store: Store, registry: PackRegistry
) -> None:
    check = new_draft(store, "Ayşe Çelik")
    other = new_draft(store, "Jan de Vries")
    store.close()
    rows = [as_dict(row) for row in parse_index(read_plain(store.layout.index)).rows.values()]
    stamp = store.layout.checks.stat().st_mtime_ns
    earlier = {  # as TinyDB writes a table, on one line
        "summaries": {str(number): row for number, row in enumerate(rows, start=1)},
        "state": {"1": {"checks": stamp, "rows": ROW_CONTENT}},
    }
    write_plain(store.layout.index, json.dumps(earlier))
    with open_store(store.layout.root, registry, actor="tester") as reopened:
        assert [s.id for s in reopened.summaries(search="celik")] == [check.id]
        assert {s.id for s in reopened.summaries()} == {check.id, other.id}
    assert read_plain(store.layout.index).startswith(b'{"fields":["id",')
    with open_store(store.layout.root, registry, actor="tester", lazy_index=True) as lazy:
        assert [s.id for s in lazy.summaries(search="celik")] == [check.id]
        assert not lazy.index.loaded  # the quick search reads this layout


def test_reading_the_index_leaves_the_garbage_collector_as_it_was(
    store: Store, registry: PackRegistry
) -> None:
    """The collector is paused while the rows are read in bulk, and only then."""
    import gc

    new_draft(store, "Anna Smit")
    store.close()
    assert gc.isenabled()
    with open_store(store.layout.root, registry, actor="tester") as reopened:
        assert [summary.parties for summary in reopened.summaries()]
        assert gc.isenabled()
    gc.disable()
    try:
        with open_store(store.layout.root, registry, actor="tester") as reopened:
            reopened.summaries()
            assert not gc.isenabled()  # one who had turned it off keeps it off
    finally:
        gc.enable()


def _scans_of_checks(monkeypatch: pytest.MonkeyPatch, store: Store) -> list[str]:
    """Each time the check files are listed one by one (to compare them with the rows)."""
    scans: list[str] = []
    scandir = os.scandir

    def counted(path):  # type: ignore[no-untyped-def]
        if Path(path) == store.layout.checks:
            scans.append(str(path))
        return scandir(path)

    monkeypatch.setattr(index_module.os, "scandir", counted)
    return scans


def test_a_listing_compares_the_check_files_only_when_the_folder_changed(
    store: Store, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every save renames a new file into place, which changes the folder's time: when it is
    what the index recorded, no check file can have been saved, added or removed since."""
    check = new_draft(store, "Ayşe Çelik")
    new_draft(store, "Jan de Vries")
    store.close()
    scans = _scans_of_checks(monkeypatch, store)
    with open_to_read(store.layout.root, registry) as reader:
        assert len(reader.summaries()) == 2
    assert scans == []
    # Another program saves a check behind the index's back, as the app does: by a rename.
    path = store.layout.check_file(check.id)
    save_plain(path, read_plain(path).decode("utf-8").replace("Ayşe Çelik", "Ayşe Yılmaz"))
    with open_to_read(store.layout.root, registry) as reader:
        assert ("Ayşe Yılmaz",) in [s.parties for s in reader.summaries()]
    assert len(scans) == 1
    # A reader writes nothing; the next writer compares once and records the folder as it is.
    with open_store(store.layout.root, registry, lazy_index=True) as writer:
        assert len(writer.summaries()) == 2
    with open_to_read(store.layout.root, registry) as reader:
        assert ("Ayşe Yılmaz",) in [s.parties for s in reader.summaries()]
    assert len(scans) == 2


def test_the_app_compares_every_check_file_at_its_start(
    store: Store, registry: PackRegistry
) -> None:
    """A file rewritten in place by another program keeps the folder's time: the app, which
    reads the index when it starts, compares every file then."""
    check = new_draft(store, "Ayşe Çelik")
    store.close()
    path = store.layout.check_file(check.id)
    write_plain(path, read_plain(path).decode("utf-8").replace("Ayşe Çelik", "Ayşe Yılmaz"))
    with open_store(store.layout.root, registry) as app:
        assert [s.parties for s in app.summaries()] == [("Ayşe Yılmaz",)]


def test_every_row_is_read_back_as_it_was_written_whatever_its_shape(store: Store) -> None:
    """Rows of this version are stored as lists of values, others as objects: none loses a
    field, gains one, or has one changed (an earlier version's row without retention dates
    stays without them, so that they are worked out for it)."""
    new_draft(store, "Ayşe Çelik")
    [row] = [dict(row) for row in store.index.rows.values()]
    earlier = {name: value for name, value in row.items() if name not in ("erase_on", "review_on")}
    hand_edited = {**row, "id": "0" * 8 + row["id"][8:], "tampered": [1]}
    rows = [row, {**earlier, "id": "1" * 8 + row["id"][8:]}, hand_edited]
    stored = parse_index(index_payload(rows, 1234)).rows
    assert [as_dict(value) for value in stored.values()] == rows
    assert isinstance(stored[row["id"]], list)  # the common case, read fast
    assert {s.tampered for s in map(summary_of, stored.values())} == {(), (1,)}
    assert summary_of(stored[row["id"]]) == Summary.from_row(row)


def listed(store: Store, filters: Filters) -> list[Listed]:
    return [check for part in store.listed_in_parts(filters) for check in part]


def as_listed(summary: Summary) -> Listed:
    """What a listing line shows of a check, taken from its whole summary."""
    return Listed(
        summary.id,
        summary.status,
        summary.outcome,
        summary.stop,
        summary.undecided,
        summary.pack,
        None if summary.created_at is None else summary.created_at.isoformat(),
        None if summary.updated_at is None else summary.updated_at.isoformat(),
        list(summary.parties),
        summary.address,
        summary.city,
        summary.tampered,
    )


def test_a_listing_reads_only_the_listing_part_of_each_line_and_shows_what_the_checks_hold(
    store: Store, registry: PackRegistry
) -> None:
    """A listing of every check parses only what comes before each row's tab; what it shows is
    what the whole summaries say, with the changes journaled since the index was written."""
    first = new_draft(store, "Ayşe Çelik")
    complete_draft(store)
    other = new_draft(store, "Jan de Vries")
    store.close()
    with open_store(store.layout.root, registry, lazy_index=True) as writer:
        writer.set_answer(first.id, "RES-03", FlagValue.YES)  # journaled, index not rewritten
    line = next(li for li in read_plain(store.layout.index).split(b"\n") if other.id.encode() in li)
    assert line.count(b"\t") == 1
    with open_store(store.layout.root, registry) as whole:
        expected = [as_listed(summary) for summary in whole.summaries()]
        drafts = [as_listed(summary) for summary in whole.summaries(status="draft")]
    with open_to_read(store.layout.root, registry) as reader:
        assert listed(reader, Filters()) == expected
        assert listed(reader, Filters(status="draft")) == drafts
        assert [c.outcome for c in listed(reader, Filters()) if c.id == first.id] == ["escalate"]
        assert not reader.index.loaded  # no row was read whole


def test_the_listing_part_of_a_row_is_its_first_fields_whatever_the_shape_of_the_row(
    store: Store,
) -> None:
    new_draft(store, "Ayşe Çelik")
    [row] = [dict(row) for row in store.index.rows.values()]
    hand_edited = {**row, "id": "0" * 8 + row["id"][8:], "tampered": [1]}
    payload = index_payload([row, hand_edited], 1234)
    whole = parse_index(payload).rows
    body = index_body(payload)
    assert body is not None and body.stamp == 1234
    [listing] = rows_in_parts(payload, body, [], whole=False)
    assert listing[0] == whole[row["id"]][:LISTING_WIDTH]
    assert listing[1] == hand_edited  # an object is read whole
    assert listed_of_rows(listing) == [as_listed(summary_of(stored)) for stored in whole.values()]
    assert [c.tampered for c in listed_of_rows(listing)] == [(), (1,)]


def test_the_json_of_a_summary_is_made_from_its_stored_row_as_the_summary_writes_it(
    store: Store,
) -> None:
    new_draft(store, "Ayşe Çelik")
    complete_draft(store)
    rows = [dict(row) for row in store.index.rows.values()]
    hand_edited = {**rows[0], "id": "0" * 8 + rows[0]["id"][8:], "tampered": [1]}
    stored = parse_index(index_payload([*rows, hand_edited], 1234)).rows.values()
    made = summaries_json(stored)
    assert made == [summary_of(row).as_json() for row in stored]
    assert [list(one) for one in made] == [list(summary_of(row).as_json()) for row in stored]
    assert [c for part in store.summaries_json_in_parts(Filters()) for c in part] == [
        s.as_json() for s in store.summaries()
    ]


def test_an_index_with_its_fields_in_another_order_is_read_by_their_names_and_laid_out_again(
    store: Store, registry: PackRegistry
) -> None:
    """The index of the previous version named its fields in another order in its first line:
    its rows are read by those names (a listing then reads them whole), and the next writer
    lays the file out as this version does."""
    check = new_draft(store, "Ayşe Çelik")
    store.close()
    rows = [as_dict(row) for row in parse_index(read_plain(store.layout.index)).rows.values()]
    fields = sorted(FIELDS)
    earlier = {
        "fields": fields,
        "rows": [[row[name] for name in fields] for row in rows],
        "state": {"checks": store.layout.checks.stat().st_mtime_ns, "content": ROW_CONTENT},
    }
    write_plain(store.layout.index, json.dumps(earlier))
    with open_to_read(store.layout.root, registry) as reader:
        assert [c.parties for c in listed(reader, Filters())] == [["Ayşe Çelik"]]
    with open_store(store.layout.root, registry) as writer:
        assert [s.id for s in writer.summaries()] == [check.id]
    assert read_plain(store.layout.index).startswith(
        b'{"fields":' + json.dumps(list(FIELDS), separators=(",", ":")).encode()
    )
    with open_to_read(store.layout.root, registry) as reader:
        assert [c.parties for c in listed(reader, Filters())] == [["Ayşe Çelik"]]
        assert not reader.index.loaded


def test_a_listing_read_part_by_part_gives_what_a_full_reading_gives(
    store: Store, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parts of a row each: the journal's changes since the index was written (a check changed,
    one deleted, one added) are merged in where their change puts them."""
    monkeypatch.setattr(index_file, "PART_BYTES", 1)  # a row at a time
    checks = [new_draft(store, name) for name in ("Anna Smit", "Jan Çelik", "Piet Jansen")]
    checks += [new_draft(store, name) for name in ("Ayşe Yıldız", "Bram Visser")]
    store.close()
    with open_store(store.layout.root, registry, lazy_index=True) as writer:
        writer.set_answer(checks[0].id, "RES-03", FlagValue.YES)  # the oldest, now the newest
        writer.delete(checks[2].id, "made twice")
        new_draft(writer, "Daan de Vries")
    with open_store(store.layout.root, registry) as whole:
        expected = [as_listed(summary) for summary in whole.summaries()]
        drafts = [s.as_json() for s in whole.summaries(status="draft")]
    with open_to_read(store.layout.root, registry) as reader:
        parts = list(reader.listed_in_parts(Filters()))
        assert [check for part in parts for check in part] == expected
        assert len(parts) > 1 and max(map(len, parts)) <= 3  # a row, and the two put since
        as_json = reader.summaries_json_in_parts(Filters(status="draft"))
        assert [check for part in as_json for check in part] == drafts
        assert not reader.index.loaded


def test_a_part_of_the_index_that_does_not_parse_leaves_no_check_out_of_the_listing(
    store: Store, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_file, "PART_BYTES", 1)  # a row at a time
    ids = {new_draft(store, name).id for name in ("Anna Smit", "Jan Çelik", "Piet Jansen", "Bo")}
    store.close()
    lines = read_plain(store.layout.index).split(b"\n")
    lines[3] = b'["not a row"],'  # the third row: in the third part
    write_plain(store.layout.index, b"\n".join(lines))
    with open_to_read(store.layout.root, registry) as reader:
        found = [check.id for check in listed(reader, Filters())]
        assert sorted(found) == sorted(ids)  # each once: two rows read in parts, then the rest
        assert reader.index.loaded  # read whole after the part that did not parse
