"""How the check store holds up with many checks; run: .venv/bin/python benchmarks/bench_store.py

Prints, in one run, for three ways of keeping the same checks:
- the project's store (one atomic, fsynced TinyDB file per check plus a summary index that is
  appended to, not rewritten);
- plain TinyDB with its default JSONStorage, all checks in one file (the obvious alternative);
- sqlite3 in WAL mode with synchronous=FULL, one row per check holding its JSON document, a
  summary table and an events table;
these figures:
- one durable answer change (the autosave path), at --checks and at --small checks;
- the first open of a folder without an index (the index is rebuilt from the check files);
- opening and listing every summary, and searching the summaries;
- peak memory of a fresh process that opens and lists everything (one process per variant);
- the size on disk;
- what the encryption adds (every store file is sealed with AES-256-GCM): the sealing and
  opening one operation does, timed on its own, beside the whole operation above.

The data is generated directly in the store's on-disk format (the same code that writes a check
file: check_document, summary_row, event_record), without fsync, because creating 20,000 checks
through the API would fsync some 700,000 times. Every timed change runs with real fsync.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tinydb import Query, TinyDB  # noqa: E402

from benchmarks.big_store import (  # noqa: E402  (the names and places of the made-up checks)
    CITIES,
    FIRST_NAMES,
    POSTCODE_LETTERS,
    STREETS,
    SURNAMES,
    folder_key_of,
    open_store,
)
from vastgoedcheck.domain.check import Answer, AnswerValue, Check, Examiner, Party, PartyKind  # noqa: E402
from vastgoedcheck.domain.pack import FlagValue, Pack, QuestionType  # noqa: E402
from vastgoedcheck.exchange.reading import check_from_document  # noqa: E402
from vastgoedcheck.exchange.writing import answer_json, check_document  # noqa: E402
from vastgoedcheck.identifiers import normalise  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.storage.audit import AuditEvent, event_record  # noqa: E402
from vastgoedcheck.storage.index_file import parse_index, summary_of  # noqa: E402
from vastgoedcheck.storage.layout import Layout  # noqa: E402
from vastgoedcheck.storage.meta import MetaFile, now  # noqa: E402
from vastgoedcheck.storage.summary import Summary, search_key, summary_row  # noqa: E402

try:
    import resource
except ImportError:  # Windows: no peak-memory figures
    resource = None  # type: ignore[assignment]

SEED = 2026
ACTOR = "M. Jansen"
TABLE = "checks"  # the plain TinyDB table
TINYDB_SAMPLES = 5  # each plain-TinyDB change at 20,000 checks rewrites the whole file
VALIDATE_FIRST = 350  # generated checks read back through the real validation (and 1 in 97)
WARM_UP = 3

TARGET_CHANGE_MS = 5.0
TARGET_RATIO = 1.5
TARGET_SPEED_UP = 300.0
TARGET_OPEN_S = 0.5
TARGET_SEARCH_MS = 50.0

NOTES = (
    "Gecontroleerd aan de hand van het uittreksel en de loonstroken; geen bijzonderheden.",
    "Huurder heeft het identiteitsbewijs aan de balie getoond; kopie niet bewaard.",
    "Navraag gedaan bij de vorige verhuurder, die niets ongewoons meldde.",
    "De betaling komt van de eigen rekening van de huurder (zie bankafschrift van maart).",
)
OBJECT_TYPES = {
    "landlord-residential": "apartment",
    "landlord-commercial": "business_unit",
    "landlord-rural": "agricultural",
    "hospitality-leisure": "hotel",
}
ZONE = dt.timezone(dt.timedelta(hours=1))
START = dt.datetime(2024, 1, 2, 9, 0, tzinfo=ZONE)


# -- generating the checks -----------------------------------------------------------------


@dataclass
class Target:
    """What the timed changes flip in one check: a flag answer, between yes and no."""

    check_id: str
    question: str
    value: FlagValue

    def flipped(self) -> FlagValue:
        self.value = FlagValue.NO if self.value is FlagValue.YES else FlagValue.YES
        return self.value


@dataclass
class Generated:
    check: Check
    pack: Pack
    document: dict[str, Any]
    row: dict[str, Any]
    events: list[dict[str, Any]]


class Checks:
    """Realistic checks: the seven packs in turn, every question answered."""

    def __init__(self, registry: PackRegistry) -> None:
        self.registry = registry
        self.packs = registry.latest()
        self.rng = random.Random(SEED)

    def generate(self, number: int) -> Generated:
        rng = self.rng
        pack = self.packs[number % len(self.packs)]
        created = START + dt.timedelta(minutes=37 * number, seconds=rng.randrange(60))
        answers = {}
        for position, question in enumerate(pack.questions):
            value = self._value(question.type, question.choice_values(), question.minimum)
            if value is not None:
                note = rng.choice(NOTES) if position % 5 == 4 else ""
                answers[question.id] = Answer(value, note)
        events = [event_record(AuditEvent(created, ACTOR, 1, "created", new=pack.id))]
        moment = created
        for question_id, answer in answers.items():
            moment += dt.timedelta(seconds=rng.randrange(8, 60))
            new = answer_json(pack, question_id, answer.value)
            events.append(
                event_record(AuditEvent(moment, ACTOR, 1, "answer", target=question_id, new=new))
            )
            if answer.note:
                moment += dt.timedelta(seconds=rng.randrange(20, 90))
                note = AuditEvent(
                    moment, ACTOR, 1, "note", target=question_id, old="", new=answer.note
                )
                events.append(event_record(note))
        city = rng.choice(CITIES)
        parties = [self._person(pack, pack.party_roles[0], city)]
        if rng.random() < 0.5:
            second = pack.party_roles[1]
            parties.append(
                self._organisation(pack, second, city)
                if rng.random() < 0.4
                else self._person(pack, second, city)
            )
        check = Check(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            pack_id=pack.id,
            pack_version=pack.version,
            role=pack.roles[0],
            language="nl",
            parties=tuple(parties),
            property=self._property(pack, city),
            answers=answers,
            examiner=Examiner(ACTOR, "Jansen Vastgoedbeheer"),
            created_at=created,
            updated_at=moment,
        )
        document = check_document(check, pack)
        if number < VALIDATE_FIRST or number % 97 == 0:
            again, _pack = check_from_document(document, self.registry)
            if check_document(again, pack) != document:
                raise SystemExit(f"generated check {number} does not read back unchanged")
        row = summary_row(check, pack)
        row["attachments"] = []
        return Generated(check, pack, document, row, events)

    def _value(
        self, kind: QuestionType, choices: tuple[str, ...], minimum: Decimal | None
    ) -> AnswerValue | None:
        if kind is QuestionType.FLAG:
            draw = self.rng.random()
            if draw < 0.05:
                return FlagValue.YES
            return FlagValue.UNKNOWN if draw < 0.12 else FlagValue.NO
        if kind is QuestionType.CHOICE:
            return choices[0]
        if kind is QuestionType.MULTI_CHOICE:
            return (choices[0],)
        if kind is QuestionType.AMOUNT:
            return Decimal("15000.00")
        if kind is QuestionType.NUMBER:
            return max(Decimal(2), minimum or Decimal(2))
        if kind is QuestionType.DATE:
            return dt.date(2026, 3, 1)
        if kind is QuestionType.TEXT:
            return "De huurder werkt sinds 2019 bij een bouwbedrijf in de regio."
        return None  # identifiers: left unanswered

    def _place(self, city: str) -> dict[str, object]:
        postcode = f"{self.rng.randrange(1000, 10000)} {self.rng.choice(POSTCODE_LETTERS)}"
        return {
            "address": f"{self.rng.choice(STREETS)} {self.rng.randrange(1, 240)}",
            "postcode": normalise("postcode", postcode),
            "city": city,
        }

    def _person(self, pack: Pack, role: str, city: str) -> Party:
        name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
        data: dict[str, object] = {
            "name": name,
            **self._place(city),
            "country_of_residence": "Nederland",
            "birth_date": dt.date(1960 + self.rng.randrange(45), 1 + self.rng.randrange(12), 14),
            "phone": f"06 {self.rng.randrange(10_000_000, 100_000_000)}",
            "email": search_key(name).replace(" ", ".") + "@example.nl",
            "id_document": {
                "type": "id_card",
                "number": "7K2D",
                "expiry": dt.date(2031, 5, 14),
                "verified_on": dt.date(2025, 11, 20),
                "verified_by": ACTOR,
            },
        }
        return Party(role, PartyKind.PERSON, _asked(pack, "person", data))

    def _organisation(self, pack: Pack, role: str, city: str) -> Party:
        data: dict[str, object] = {
            "name": f"{self.rng.choice(SURNAMES)} Vastgoed B.V.",
            "legal_form": "besloten vennootschap",
            "kvk": str(self.rng.randrange(10_000_000, 100_000_000)),
            **self._place(city),
            "representatives": [f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"],
        }
        return Party(role, PartyKind.ORGANISATION, _asked(pack, "organisation", data))

    def _property(self, pack: Pack, city: str) -> dict[str, object]:
        data: dict[str, object] = {
            **self._place(city),
            "object_type": OBJECT_TYPES.get(pack.id, "house"),
            "payment_method": "bank_transfer",
            "rent_monthly": Decimal(self.rng.randrange(900, 2600)).quantize(Decimal("0.01")),
            "price": Decimal(self.rng.randrange(250, 900) * 1000).quantize(Decimal("0.01")),
            "utilities_holder": "huurder",
        }
        if pack.field_need("property", "rent_monthly") is not None:
            data.pop("price")
        return _asked(pack, "property", data)


def _asked(pack: Pack, category: str, data: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in data.items() if pack.field_need(category, key)}


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


@dataclass
class Variants:
    """The three copies of the same checks, and what the timed changes flip."""

    root: Path
    targets: list[Target] = field(default_factory=list)

    @property
    def store(self) -> Path:
        return self.root / "store"

    @property
    def plain(self) -> Path:
        return self.root / "plain-tinydb.json"

    @property
    def sqlite(self) -> Path:
        return self.root / "sqlite-wal.db"


SQLITE_SCHEMA = """
CREATE TABLE checks (id TEXT PRIMARY KEY, document TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE summaries (
    id TEXT PRIMARY KEY, pack TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT,
    search TEXT NOT NULL, row TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX summaries_by_update ON summaries (updated_at);
CREATE TABLE events (id INTEGER PRIMARY KEY, check_id TEXT NOT NULL, record TEXT NOT NULL);
CREATE INDEX events_by_check ON events (check_id);
"""


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    return connection


def generate(root: Path, count: int, registry: PackRegistry, with_plain: bool) -> Variants:
    """Write ``count`` checks as a store folder, one plain TinyDB file and one sqlite database."""
    variants = Variants(root)
    key = folder_key_of(variants.store)  # the store's files are sealed, as the app seals them
    layout = Layout(variants.store, key=key)
    layout.create_folders()
    # meta.json as a new store writes it: a store refuses check files without one
    MetaFile(layout).create()
    checks_folder = layout.checks
    maker = Checks(registry)
    connection = connect(variants.sqlite)
    connection.executescript(SQLITE_SCHEMA)
    connection.execute("BEGIN")
    plain = variants.plain.open("w", encoding="utf-8") if with_plain else None
    if plain is not None:
        plain.write(f'{{"{TABLE}": {{')
    for number in range(count):
        item = maker.generate(number)
        check_id = item.check.id
        # checks/<id>.json as CheckFile.save writes it: revisions, events, summary
        content = {
            "revisions": {"1": {"document": item.document}},
            "events": {str(n): record for n, record in enumerate(item.events, start=1)},
            "summary": {"1": item.row},
        }
        descriptor = os.open(
            checks_folder / f"{check_id}.json", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600
        )
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key.seal(_compact(content).encode("utf-8"), f"{check_id}.json"))
        # sqlite: one row per check, its summary row, its events
        connection.execute(
            "INSERT INTO checks (id, document) VALUES (?, ?)", (check_id, _compact(item.document))
        )
        row = item.row
        connection.execute(
            "INSERT INTO summaries VALUES (?, ?, ?, ?, ?, ?)",
            (check_id, row["pack"], row["status"], row["updated_at"], row["search"], _compact(row)),
        )
        connection.executemany(
            "INSERT INTO events (check_id, record) VALUES (?, ?)",
            [(check_id, _compact(record)) for record in item.events],
        )
        # plain TinyDB: the default JSONStorage's own format (json.dumps with default options)
        if plain is not None:
            document = {
                "id": check_id,
                "document": item.document,
                "events": item.events,
                "summary": row,
            }
            plain.write((", " if number else "") + f'"{number + 1}": ' + json.dumps(document))
        flag = next(q.id for q in item.pack.questions if q.type is QuestionType.FLAG)
        value = item.check.answers[flag].value
        assert isinstance(value, FlagValue)
        variants.targets.append(Target(check_id, flag, value))
    connection.execute("COMMIT")
    connection.close()
    if plain is not None:
        plain.write("}}")
        plain.close()
    if hasattr(os, "sync"):
        os.sync()  # the generated files must not be flushed during the timed changes
    return variants


def same_as_the_api(root: Path, registry: PackRegistry, count: int) -> None:
    """Stop unless the generated check files equal what the store's API writes for the same
    checks (Store.create, then set_answer and set_note per answer), ids and times aside."""
    generated = generate(root / "generated", count, registry, with_plain=False)
    maker = Checks(registry)
    with fsync_disabled(), open_store(root / "api", registry, actor=ACTOR) as store:
        for number, target in enumerate(generated.targets):
            item = maker.generate(number)
            check = item.check
            made = store.create(
                item.pack,
                check.role,
                examiner=check.examiner,
                parties=check.parties,
                property_data=check.property,
            )
            for question_id, answer in check.answers.items():
                store.set_answer(made.id, question_id, answer.value)
                if answer.note:
                    store.set_note(made.id, question_id, answer.note)
            ours = generated.store / "checks" / f"{target.check_id}.json"
            theirs = store.layout.check_file(made.id)
            if _without_ids_and_times(ours) != _without_ids_and_times(theirs):
                raise SystemExit(f"generated check {number} differs from what the API writes")


def _without_ids_and_times(path: Path) -> str:
    data = json.loads(folder_key_of(path.parent.parent).open(path.read_bytes(), path.name))
    for record in (data["revisions"]["1"]["document"], data["summary"]["1"]):
        for key in ("id", "created_at", "updated_at"):
            record.pop(key)
    data["summary"]["1"].pop("changed")
    for name in ("erase_on", "review_on"):  # the retention dates: worked out for a row without
        data["summary"]["1"].pop(name, None)  # them (storage/summary.py, SUMMARY_KEYS)
    for event in data["events"].values():
        event.pop("at")
    return json.dumps(data)  # keeps the order of keys: compared too


# -- measuring -----------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def timed(action: Callable[[], object]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def median_s(action: Callable[[], object], repeat: int) -> float:
    return statistics.median(timed(action)[0] for _ in range(repeat))


@contextmanager
def fsync_disabled() -> Iterator[None]:
    """Diagnostic only: how much of a change is CPU work rather than waiting for the disk."""
    real = os.fsync
    os.fsync = lambda descriptor: None  # type: ignore[assignment]
    try:
        yield
    finally:
        os.fsync = real


def picks(count: int, samples: int, salt: int) -> list[int]:
    """``samples`` checks in random order, no check twice before all were picked."""
    order = random.Random(SEED + salt).sample(range(count), count)
    return [order[i % count] for i in range(samples)]


@dataclass
class Changes:
    cold: list[float] = field(default_factory=list)  # a random check: its file not yet open
    warm: list[float] = field(default_factory=list)  # the same check again: file open
    close: float = 0.0  # closing afterwards (rewrites index.json when the journal is not empty)


def store_changes(variants: Variants, registry: PackRegistry, chosen: list[int]) -> Changes:
    result = Changes()
    store = open_store(variants.store, registry, actor=ACTOR)
    try:
        for position, index in enumerate(chosen):
            target = variants.targets[index]
            start = time.perf_counter()
            store.set_answer(target.check_id, target.question, target.flipped())
            middle = time.perf_counter()
            store.set_answer(target.check_id, target.question, target.flipped())
            end = time.perf_counter()
            if position >= WARM_UP:
                result.cold.append((middle - start) * 1000)
                result.warm.append((end - middle) * 1000)
    finally:
        result.close, _ = timed(store.close)
    return result


def sqlite_changes(variants: Variants, chosen: list[int]) -> list[float]:
    """One durable change as an sqlite app would make it: read the check's JSON, change one
    answer, write the JSON, the summary row and an audit event back, in one transaction."""
    timings = []
    connection = connect(variants.sqlite)
    try:
        for position, index in enumerate(chosen):
            target = variants.targets[index]
            start = time.perf_counter()
            value = target.flipped().value
            at = now().isoformat()
            connection.execute("BEGIN IMMEDIATE")
            (text,) = connection.execute(
                "SELECT document FROM checks WHERE id = ?", (target.check_id,)
            ).fetchone()
            document = json.loads(text)
            document["answers"][target.question]["value"] = value
            document["updated_at"] = at
            (text,) = connection.execute(
                "SELECT row FROM summaries WHERE id = ?", (target.check_id,)
            ).fetchone()
            row = json.loads(text)
            row["updated_at"] = at
            event = AuditEvent(now(), ACTOR, 1, "answer", target=target.question, new=value)
            connection.execute(
                "UPDATE checks SET document = ? WHERE id = ?", (_compact(document), target.check_id)
            )
            connection.execute(
                "UPDATE summaries SET updated_at = ?, row = ? WHERE id = ?",
                (at, _compact(row), target.check_id),
            )
            connection.execute(
                "INSERT INTO events (check_id, record) VALUES (?, ?)",
                (target.check_id, _compact(event_record(event))),
            )
            connection.execute("COMMIT")
            if position >= WARM_UP:
                timings.append((time.perf_counter() - start) * 1000)
    finally:
        connection.close()
    return timings


def plain_changes(variants: Variants, chosen: list[int]) -> list[float]:
    """One durable change in plain TinyDB: ``update`` of one document (rewrites the file)."""
    timings = []
    database = TinyDB(variants.plain)
    table = database.table(TABLE)
    try:
        for index in chosen:
            target = variants.targets[index]
            start = time.perf_counter()
            table.update(_changer(target), doc_ids=[index + 1])
            timings.append((time.perf_counter() - start) * 1000)
    finally:
        database.close()
    return timings


def _changer(target: Target) -> Callable[[dict[str, Any]], None]:
    value = target.flipped().value
    at = now()
    event = event_record(AuditEvent(at, ACTOR, 1, "answer", target=target.question, new=value))

    def change(document: dict[str, Any]) -> None:
        document["document"]["answers"][target.question]["value"] = value
        document["document"]["updated_at"] = at.isoformat()
        document["summary"]["updated_at"] = at.isoformat()
        document["events"].append(event)

    return change


def store_open_list(variants: Variants, registry: PackRegistry) -> tuple[float, float, int]:
    opened, store = timed(lambda: open_store(variants.store, registry, actor=ACTOR))
    try:
        listed, rows = timed(store.summaries)
    finally:
        store.close()
    return opened, listed, len(rows)


def sqlite_summaries(connection: sqlite3.Connection, words: Sequence[str] = ()) -> list[Summary]:
    where = " AND ".join("search LIKE ?" for _ in words) or "1"
    rows = connection.execute(
        f"SELECT row FROM summaries WHERE {where} ORDER BY updated_at DESC",
        [f"%{word}%" for word in words],
    ).fetchall()
    return [Summary.from_row(json.loads(text)) for (text,) in rows]


def sqlite_open_list(variants: Variants) -> tuple[float, float, int]:
    opened, connection = timed(lambda: connect(variants.sqlite))
    try:
        listed, rows = timed(lambda: sqlite_summaries(connection))
    finally:
        connection.close()
    return opened, listed, len(rows)


def plain_summaries(database: TinyDB, words: Sequence[str] = ()) -> list[Summary]:
    table = database.table(TABLE)
    table.clear_cache()
    if words:
        found = table.search(
            Query()["summary"]["search"].test(lambda text: all(word in text for word in words))
        )
    else:
        found = table.all()
    rows = sorted((doc["summary"] for doc in found), key=lambda r: r["updated_at"], reverse=True)
    return [Summary.from_row(row) for row in rows]


def plain_open_list(variants: Variants) -> tuple[float, float, int]:
    opened, database = timed(lambda: TinyDB(variants.plain))
    try:
        listed, rows = timed(lambda: plain_summaries(database))
    finally:
        database.close()
    return opened, listed, len(rows)


def median_run(measure: Callable[[], tuple[float, float, int]], repeat: int) -> tuple[float, ...]:
    """The run with the median total time of ``repeat`` runs: (open, list, total, rows)."""
    runs = []
    for _ in range(repeat):
        opened, listed, rows = measure()
        runs.append((opened + listed, opened, listed, rows))
    total, opened, listed, rows = sorted(runs)[len(runs) // 2]
    return opened, listed, total, rows


def memory_kib() -> tuple[int, int]:
    """(resident now, peak resident) of this process, in KiB.

    Linux: VmRSS and VmHWM of /proc/self/status. Not ``ru_maxrss``: after fork and exec it
    keeps the parent's resident size as a floor, which here would be the benchmark's own.
    Elsewhere ``ru_maxrss`` for both (and 0 where there is no resource module).
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        if resource is None:
            return 0, 0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak = peak // 1024 if sys.platform == "darwin" else peak
        return peak, peak
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def reset_peak() -> None:
    """Linux: make the peak resident size start again from the current one."""
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def child(variant: str, path: Path) -> None:
    """Run in a fresh process: open and list everything, print time and peak memory."""
    registry = PackRegistry.builtin()
    gc.collect()
    reset_peak()
    before, _peak = memory_kib()
    start = time.perf_counter()
    if variant == "store":
        with open_store(path, registry, actor=ACTOR) as store:
            count = len(store.summaries())
    elif variant == "sqlite":
        connection = sqlite3.connect(path)
        count = len(sqlite_summaries(connection))
        connection.close()
    else:
        database = TinyDB(path)
        count = len(plain_summaries(database))
        database.close()
    seconds = time.perf_counter() - start
    _now, peak = memory_kib()
    print(json.dumps({"before": before, "peak": peak, "seconds": seconds, "rows": count}))


def in_child(variant: str, path: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", variant, "--folder", str(path)]
    done = subprocess.run(command, capture_output=True, check=True, text=True, encoding="utf-8")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def fsync_ms(folder: Path, repeat: int = 50) -> float:
    """This disk: writing 4 kB to a new file and fsyncing it (median), for reading the rest."""
    path = folder / "fsync-probe"
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(descriptor, b"x" * 4096)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        timings.append((time.perf_counter() - start) * 1000)
    path.unlink()
    return statistics.median(timings)


def disk_size(path: Path) -> tuple[int, int]:
    """Bytes in files, and bytes allocated on disk (whole blocks), under ``path``."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    if path.suffix == ".db":
        files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    stats = [f.stat() for f in files]
    allocated = sum(getattr(s, "st_blocks", 0) * 512 or s.st_size for s in stats)
    return sum(s.st_size for s in stats), allocated


def filesystem(path: Path) -> str:
    """The file system type under ``path`` (Linux), for reading the fsync figures."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return "unknown file system"
    best, kind = "", "unknown file system"
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) > 2 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind


# -- printing ------------------------------------------------------------------------------


def verdict(met: bool) -> str:
    return "ok" if met else "MISSED"


def latency_line(label: str, big: Sequence[float], small: Sequence[float], note: str = "") -> None:
    ratio = statistics.median(big) / statistics.median(small) if big and small else math.nan
    print(
        f"  {label:<44}{statistics.median(big):9.2f}{percentile(big, 0.95):9.2f}"
        f"{len(big):5d}  {statistics.median(small):9.2f}{percentile(small, 0.95):9.2f}"
        f"{len(small):5d}{ratio:8.2f}  {note}"
    )


def megabytes(count: float) -> str:
    return f"{count / 1e6:9.1f} MB"


def encryption_costs(variants: Variants, samples: int) -> dict[str, float]:
    """The sealing and opening that the store's operations do, timed on their own (seconds):
    what the same operation costs without encryption is the whole minus this."""
    key = folder_key_of(variants.store)
    files = sorted((variants.store / "checks").glob("*.json"))
    chosen = [files[i] for i in picks(len(files), samples, 5)]
    sealed = [(path.name, path.read_bytes()) for path in chosen]
    plain = [(name, key.open(data, name)) for name, data in sealed]
    line = b'{"op":"put","row":' + b"x" * 600 + b"}"  # an index-journal line: one summary row
    opened = [timed(lambda n=name, d=data: key.open(d, n))[0] for name, data in sealed]
    sealing = [timed(lambda n=name, d=data: key.seal(d, n))[0] for name, data in plain]
    journal = [timed(lambda: key.seal(line, "index.journal"))[0] for _ in range(samples)]
    index = (variants.store / "index.json").read_bytes()
    index_open = median_s(lambda: key.open(index, "index.json"), 5)
    contents = [(path.name, path.read_bytes()) for path in files]
    every_file = timed(lambda: [key.open(data, name) for name, data in contents])[0]
    return {
        "open_check": statistics.median(opened),
        "seal_check": statistics.median(sealing),
        "seal_line": statistics.median(journal),
        "open_index": index_open,
        "index_mb": len(index) / 1e6,
        "open_every_check": every_file,
        "files": len(files),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=20_000, help="checks in the big store")
    parser.add_argument("--small", type=int, default=200, help="checks in the small store")
    parser.add_argument("--samples", type=int, default=200, help="answer changes to time")
    parser.add_argument(
        "--tinydb-samples",
        type=int,
        default=TINYDB_SAMPLES,
        help="plain-TinyDB changes to time in the big store (each rewrites the whole file)",
    )
    parser.add_argument("--skip-tinydb", action="store_true", help="leave plain TinyDB out")
    parser.add_argument(
        "--folder", type=Path, help="work here and keep the data (default: a temporary folder)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.folder)
        return
    run_start = time.perf_counter()
    if args.folder is None:
        root = Path(tempfile.mkdtemp(prefix="bench-store-"))
    else:
        root = args.folder
        if root.exists() and any(root.iterdir()):
            parser.error(f"{root} is not empty")
        root.mkdir(parents=True, exist_ok=True)
    try:
        run(args, root)
    finally:
        if args.folder is None:
            shutil.rmtree(root, ignore_errors=True)
    print(f"\nwhole run: {time.perf_counter() - run_start:.0f} s")


def run(args: argparse.Namespace, root: Path) -> None:
    registry = PackRegistry.builtin()
    with_plain = not args.skip_tinydb
    big_n, small_n = args.checks, args.small
    packs = registry.latest()
    sizes = sorted(len(pack.questions) for pack in packs)
    load = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    print(
        f"{big_n:,} and {small_n:,} checks in {root} "
        f"({filesystem(root)}, {os.cpu_count()} CPUs{load})"
    )
    print(
        f"each check: one of {len(packs)} packs in turn, every question answered "
        f"({sizes[0]}–{sizes[-1]} answers), a note on every 5th, 1–2 parties, an address,"
    )
    print("  and the audit trail the app would have written (created + one event per answer/note)")

    same_as_the_api(root / "format", registry, 2 * len(packs))
    print(
        f"generated check files equal what the API writes (Store.create, set_answer, set_note) "
        f"for {2 * len(packs)} checks, ids and times aside"
    )
    print(
        f"this disk: writing 4 kB to a file and fsyncing it takes {fsync_ms(root):.2f} ms "
        "(median of 50); a store change fsyncs twice (the file, then its folder)"
    )

    elapsed, big = timed(lambda: generate(root / "big", big_n, registry, with_plain))
    print(f"generated {big_n:,} checks in all three forms: {elapsed:.1f} s")
    small = generate(root / "small", small_n, registry, with_plain)

    print("\nfirst open of the generated folder (no index yet: rebuilt from the check files)")
    for variants, count in ((big, big_n), (small, small_n)):
        first, store = timed(lambda v=variants: open_store(v.store, registry, actor=ACTOR))
        try:
            assert len(store) == count and not store.problems, store.problems
        finally:
            store.close()
        print(f"  store, {count:>7,} checks: {first:7.2f} s")

    # 1-3: one durable answer change
    warm_up = WARM_UP
    chosen_big = picks(big_n, args.samples + warm_up, 1)
    chosen_small = picks(small_n, args.samples + warm_up, 1)
    store_big = store_changes(big, registry, chosen_big)
    store_small = store_changes(small, registry, chosen_small)
    sqlite_big = sqlite_changes(big, picks(big_n, args.samples + warm_up, 2))
    sqlite_small = sqlite_changes(small, picks(small_n, args.samples + warm_up, 2))
    with fsync_disabled():
        cpu_big = store_changes(big, registry, picks(big_n, min(args.samples, 50) + warm_up, 3))
        cpu_small = store_changes(
            small, registry, picks(small_n, min(args.samples, 50) + warm_up, 3)
        )
    plain_big: list[float] = []
    plain_small: list[float] = []
    if with_plain:
        plain_big = plain_changes(big, picks(big_n, args.tinydb_samples, 4))
        plain_small = plain_changes(small, picks(small_n, args.samples, 4))

    print("\none durable answer change (ms)")
    print(
        f"  {'':<44}{'N=' + format(big_n, ','):>18}{'':5}  {'N=' + format(small_n, ','):>18}"
        f"{'':5}{'ratio':>8}"
    )
    print(
        f"  {'':<44}{'median':>9}{'p95':>9}{'n':>5}  {'median':>9}{'p95':>9}{'n':>5}{'big/sm':>8}"
    )
    cold_median = statistics.median(store_big.cold)
    for label, at_big, at_small in (
        ("store.set_answer, random check (not open)", store_big.cold, store_small.cold),
        ("store.set_answer, same check again (open)", store_big.warm, store_small.warm),
    ):
        median = statistics.median(at_big)
        ratio = median / statistics.median(at_small)
        latency_line(
            label,
            at_big,
            at_small,
            f"target ≤ {TARGET_CHANGE_MS:g} ms: {verdict(median <= TARGET_CHANGE_MS)}; "
            f"ratio ≤ {TARGET_RATIO:g}: {verdict(ratio <= TARGET_RATIO)}",
        )
    warm_median = statistics.median(store_big.warm)
    latency_line("  its CPU part (fsync disabled): random check", cpu_big.cold, cpu_small.cold)
    latency_line("  its CPU part (fsync disabled): open check", cpu_big.warm, cpu_small.warm)
    latency_line("sqlite WAL, synchronous=FULL (1 transaction)", sqlite_big, sqlite_small)
    if with_plain:
        latency_line(
            "plain TinyDB JSONStorage, table.update",
            plain_big,
            plain_small,
            f"only {len(plain_big)} samples at N={big_n:,}: each rewrites the whole file",
        )
    print(
        "  (sqlite: storage work only: read the JSON, change one answer, write the JSON, the"
        " summary row and an event)"
    )
    print(
        f"  store, close after {len(chosen_big) * 2} changes (rewrites index.json; also after as "
        f"many changes as there are checks): {store_big.close * 1000:.0f} ms at N={big_n:,}, "
        f"{store_small.close * 1000:.0f} ms at N={small_n:,}"
    )
    if with_plain:
        plain_median = statistics.median(plain_big)
        print(
            f"  speed-up of the store over plain TinyDB at N={big_n:,}: "
            f"{plain_median / cold_median:,.0f}× (random check), "
            f"{plain_median / warm_median:,.0f}× (open check); "
            f"target ≥ {TARGET_SPEED_UP:g}×: "
            f"{verdict(plain_median / cold_median >= TARGET_SPEED_UP)}"
        )
    sqlite_median = statistics.median(sqlite_big)
    print(
        f"  sqlite against the store at N={big_n:,}: sqlite takes "
        f"{sqlite_median / cold_median:.2f}× the store's time (random check), "
        f"{sqlite_median / warm_median:.2f}× (open check)"
    )

    # 4: open and list
    print("\nopen + list every summary, after a clean close (s; median of 5, plain TinyDB of 3)")
    print(f"  {'':<30}{'open':>8}{'list':>8}{'total':>8}{'rows':>8}   (N={big_n:,})")
    measured = [
        ("store (index present)", lambda: store_open_list(big, registry), 5),
        ("sqlite WAL", lambda: sqlite_open_list(big), 5),
    ]
    if with_plain:
        measured.append(("plain TinyDB: open + all()", lambda: plain_open_list(big), 3))
    for label, measure, repeat in measured:
        opened, listed, total, rows = median_run(measure, repeat)
        note = ""
        if label.startswith("store"):
            note = f"target ≤ {TARGET_OPEN_S:g} s: {verdict(total <= TARGET_OPEN_S)}"
        print(f"  {label:<30}{opened:8.3f}{listed:8.3f}{total:8.3f}{rows:8,}   {note}")
    opened, listed, total, rows = median_run(lambda: store_open_list(small, registry), 5)
    print(
        f"  {'store, N=' + format(small_n, ','):<30}{opened:8.3f}{listed:8.3f}{total:8.3f}{rows:8,}"
    )

    # 5: search
    print(f"\nsearch the summaries (ms; median of 20, plain TinyDB of 3; N={big_n:,})")
    index = folder_key_of(big.store).open((big.store / "index.json").read_bytes(), "index.json")
    sample = summary_of(next(iter(parse_index(index).rows.values())))
    searches = ("Çelik", "kowalski utrecht", sample.postcode)
    store = open_store(big.store, registry, actor=ACTOR)
    connection = connect(big.sqlite)
    try:
        for text in searches:
            store.summaries(search=text)
            found = len(store.summaries(search=text))
            in_store = median_s(lambda t=text: store.summaries(search=t), 20) * 1000
            words = search_key(text).split()
            in_sqlite = median_s(lambda w=words: sqlite_summaries(connection, w), 20) * 1000
            print(
                f"  {text!r:<20}{found:6,} found   store {in_store:7.1f}"
                f"   sqlite LIKE {in_sqlite:7.1f}"
                f"   target ≤ {TARGET_SEARCH_MS:g} ms: {verdict(in_store <= TARGET_SEARCH_MS)}"
            )
    finally:
        store.close()
        connection.close()
    if with_plain:
        database = TinyDB(big.plain)
        try:
            words = search_key(searches[0]).split()
            seconds = median_s(lambda: plain_summaries(database, words), 3)
        finally:
            database.close()
        print(
            f"  {searches[0]!r:<20}plain TinyDB table.search (reads the whole file): "
            f"{seconds * 1000:7.0f}"
        )

    # 6: memory, each variant alone in a fresh process
    print(
        f"\nfresh process: open + list all {big_n:,} summaries "
        "(resident memory, MiB; peak counted from after the imports and packs)"
    )
    children = [("store", "store", big.store), ("sqlite WAL", "sqlite", big.sqlite)]
    if with_plain:
        children.append(("plain TinyDB", "tinydb", big.plain))
    for label, kind, path in children:
        result = in_child(kind, path)
        growth = (result["peak"] - result["before"]) / 1024
        print(
            f"  {label:<14} peak {result['peak'] / 1024:7.1f}   growth {growth:7.1f}"
            f"   (before: {result['before'] / 1024:.1f}; open + list {result['seconds']:.3f} s)"
        )

    # 7: what the encryption adds
    costs = encryption_costs(big, args.samples)
    cold_crypto = costs["open_check"] + costs["seal_check"] + costs["seal_line"]
    warm_crypto = costs["seal_check"] + costs["seal_line"]
    print(
        f"\nencryption (zlib, then AES-256-GCM), timed on its own beside the whole operation "
        f"(N={big_n:,})"
    )
    sizes_kb = [path.stat().st_size / 1000 for path in (big.store / "checks").glob("*.json")]
    print(
        f"  one check file ({statistics.mean(sizes_kb):.1f} kB sealed): "
        f"open {costs['open_check'] * 1000:.3f} ms, seal {costs['seal_check'] * 1000:.3f} ms; "
        f"an index-journal line: seal {costs['seal_line'] * 1000:.3f} ms"
    )
    for label, whole, crypto in (
        ("answer change, random check (open + seal + line)", cold_median, cold_crypto),
        ("answer change, open check (seal + line)", warm_median, warm_crypto),
    ):
        print(
            f"  {label:<52}{crypto * 1000:7.3f} ms of {whole:.2f} ms "
            f"({100 * crypto * 1000 / whole:.1f} %); without it {whole - crypto * 1000:.2f} ms"
        )
    print(
        f"  open + list: opening index.json ({costs['index_mb']:.1f} MB) "
        f"{costs['open_index'] * 1000:.0f} ms"
    )
    print(
        f"  first open without an index: opening {costs['files']:,} check files "
        f"{costs['open_every_check']:.2f} s (once read from the disk)"
    )

    # 8: size on disk
    print(f"\nsize on disk, N={big_n:,} (after the changes above)")
    sized = [("store folder", big.store), ("sqlite WAL (db, -wal, -shm)", big.sqlite)]
    if with_plain:
        sized.append(("plain TinyDB file", big.plain))
    for label, path in sized:
        content, allocated = disk_size(path)
        print(f"  {label:<30}{megabytes(content)} in files, {megabytes(allocated)} allocated")
    check_files = list((big.store / "checks").glob("*.json"))
    average = sum(p.stat().st_size for p in check_files) / len(check_files)
    print(
        f"  written per answer change: store one check file ({average / 1000:.1f} kB average) "
        f"+ one index-journal line"
        + (
            f"; plain TinyDB the whole file ({megabytes(big.plain.stat().st_size).strip()})"
            if with_plain
            else ""
        )
    )


if __name__ == "__main__":
    main()
