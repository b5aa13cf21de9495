"""A store with many checks, made quickly: for the overview test and benchmarks.

Creating 20,000 checks through ``Store.create`` and ``set_answer`` would fsync hundreds of
thousands of times. Here every check starts from one of the documented example checks
(docs/examples), some with their red flags answered otherwise so that every outcome occurs,
and gets its own people, address, times and status. Each is written in the format
``CheckFile.save`` writes (``check_document``, ``summary_row``, ``event_record``), without
fsync; opening the folder with ``Store.open`` then builds the summary index from the check
files, as it does after a crash or a restore.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from vastgoedcheck.domain.check import (  # noqa: E402
    Answer,
    Check,
    Decision,
    Party,
    PartyKind,
    Status,
)
from vastgoedcheck.domain.pack import FlagValue, Pack  # noqa: E402
from vastgoedcheck.domain.related import check_keys  # noqa: E402
from vastgoedcheck.exchange.reading import check_from_document  # noqa: E402
from vastgoedcheck.exchange.writing import check_document, document_fingerprint  # noqa: E402
from vastgoedcheck.identifiers import normalise  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.storage import folder_key  # noqa: E402
from vastgoedcheck.storage.audit import AuditEvent, event_record  # noqa: E402
from vastgoedcheck.storage.layout import Layout  # noqa: E402
from vastgoedcheck.storage.meta import MetaFile  # noqa: E402
from vastgoedcheck.storage.retention_facts import (  # noqa: E402
    RetentionStatus,
    local_day,
    row_dates,
    status_of,
)
from vastgoedcheck.storage.sealing import DataKey  # noqa: E402
from vastgoedcheck.storage.store import Store  # noqa: E402
from vastgoedcheck.storage.summary import search_text, summary_row  # noqa: E402

BENCH_PASSPHRASE = "a benchmark's passphrase, not a secret"
_keys: dict[str, DataKey] = {}  # by key id: each folder's key is unlocked once

EXAMPLES = REPO / "docs" / "examples"
SEED = 2026
ACTOR = "M. Jansen"
SPAN_DAYS = 3 * 365  # checks were created over the last three years
SHARE_FINAL = 0.6
SHARE_SECOND_PARTY = 0.3
SHARE_NOBODY_NAMED = 0.03  # fresh drafts without a name yet
UNKNOWN_COUNTS = (1, 3, 6)  # red flags answered "unknown" in the all-clear variants
VERIFY_FIRST = 200  # generated checks compared with the real writers (and one in 97)

FIRST_NAMES = (
    "Jan", "Daan", "Sanne", "Femke", "Pieter", "Anouk", "Joost", "Marloes", "Bram", "Ingrid",
    "Mehmet", "Ayşe", "Emre", "Fatma", "Kübra", "Hüseyin", "Zeynep", "Oğuz",
    "Małgorzata", "Łukasz", "Wojciech", "Agnieszka", "Zofia", "Paweł", "Krzysztof",
)  # fmt: skip
SURNAMES = (
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "van Dijk", "Zuiderveld", "Çelik", "Yılmaz", "Öztürk", "Kaya", "Şahin",
    "Demir", "Aydın", "Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski",
)  # fmt: skip
STREETS = (
    "Lindenlaan", "Oudegracht", "Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg",
    "Beatrixlaan", "Julianastraat", "Hoofdstraat", "Parallelweg", "Prinsengracht", "Eikenlaan",
)  # fmt: skip
CITIES = (
    "Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Eindhoven", "Groningen", "Tilburg",
    "Almere", "Breda", "Nijmegen", "Enschede", "Haarlem", "Arnhem", "'s-Hertogenbosch",
    "Zwolle", "Leeuwarden", "Maastricht", "Venlo", "Deventer", "Zaandam",
)  # fmt: skip
POSTCODE_LETTERS = ("AB", "AD", "BC", "CK", "DL", "EN", "GH", "JK", "LP", "MR", "TV", "XZ")
REASONING = "Advies gelezen en besproken met een collega; besluit vastgelegd."


@dataclass(frozen=True)
class Template:
    """A complete example check that generated checks start from, with what depends only on
    its answers worked out once: the answers as the file holds them, outcome and STOP."""

    check: Check
    pack: Pack
    answers: dict[str, Any]  # check_document(check, pack)["answers"]
    row: dict[str, Any]  # summary_row(check, pack)


def templates(registry: PackRegistry) -> list[Template]:
    """The example checks, each also with its red flags answered "no", and with a few of them
    answered "unknown": every outcome from "proceed" to "must report", with and without STOP.
    Every variant is read back through the full validation before it is used."""
    found: list[Template] = []
    for path in sorted(EXAMPLES.glob("*.json")):
        if path.name == "expected-outcomes.json":
            continue
        check, pack = check_from_document(json.loads(path.read_text("utf-8")), registry)
        all_no = {
            question_id: Answer(FlagValue.NO) if answer.value is FlagValue.YES else answer
            for question_id, answer in check.answers.items()
        }
        flags = [qid for qid, answer in all_no.items() if answer.value is FlagValue.NO]
        variants = [check.answers, all_no]
        for count in UNKNOWN_COUNTS:
            unknown = {qid: Answer(FlagValue.UNKNOWN) for qid in flags[:count]}
            variants.append({**all_no, **unknown})
        for answers in variants:
            variant = replace(check, answers=answers)
            document = check_document(variant, pack)
            again, _pack = check_from_document(document, registry)
            if again.answers != variant.answers:
                raise SystemExit(f"a variant of {path.name} does not read back unchanged")
            found.append(Template(variant, pack, document["answers"], summary_row(variant, pack)))
    return found


@dataclass(frozen=True)
class Generated:
    check: Check
    pack: Pack
    document: dict[str, Any]
    row: dict[str, Any]


class CheckMaker:
    """Checks with varied people, places, times and status, from the templates, seeded.

    The answers of a generated check are its template's, so their JSON, outcome and STOP are
    taken from the template rather than worked out 20,000 times; the first checks (and one in
    97) are compared with what ``check_document`` and ``summary_row`` make of them.
    """

    def __init__(self, registry: PackRegistry, now: dt.datetime, seed: int = SEED) -> None:
        self.templates = templates(registry)
        self.now = now
        self.rng = random.Random(seed)
        self.made = 0

    def make(self) -> Generated:
        template = self.rng.choice(self.templates)
        check = self._check(template)
        # the document without answers is quick to write; the answers are the template's
        document = check_document(replace(check, answers={}), template.pack)
        document["answers"] = template.answers
        if check.status is Status.FINAL:  # as Store.finalize: the fingerprint of the rest
            fingerprint = document_fingerprint(document)
            document["fingerprint"] = fingerprint
            check = replace(check, fingerprint=fingerprint)
        row = _summary_row(check, template.row)
        if self.made < VERIFY_FIRST or self.made % 97 == 0:
            if document != check_document(check, template.pack):
                raise SystemExit(f"generated check {self.made}: its document is not as written")
            if row != summary_row(check, template.pack):
                raise SystemExit(f"generated check {self.made}: its summary row is not as written")
        self.made += 1
        return Generated(check, template.pack, document, row)

    def _check(self, template: Template) -> Check:
        """A check from ``template`` with its own id, people, place and times; a final one
        has a decision but not yet its fingerprint."""
        rng = self.rng
        base, pack = template.check, template.pack
        created = self.now - dt.timedelta(seconds=rng.randrange(SPAN_DAYS * 86_400))
        updated = min(self.now, created + dt.timedelta(seconds=rng.randrange(10 * 86_400)))
        final = rng.random() < SHARE_FINAL
        parties: tuple[Party, ...] = ()
        if final or rng.random() >= SHARE_NOBODY_NAMED:
            first = base.parties[0]
            parties = (Party(first.role, first.kind, {**first.data, "name": self._name()}),)
            if rng.random() < SHARE_SECOND_PARTY:
                second = Party(pack.party_roles[1], PartyKind.PERSON, {"name": self._name()})
                parties = (*parties, second)
        decided = rng.choice(
            ("proceed", "proceed_with_conditions", "escalate", "do_not_proceed", "report_police")
        )
        return replace(
            base,
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            parties=parties,
            property={**base.property, **self._place()},
            created_at=created,
            updated_at=updated,
            decision=Decision(decided, REASONING, updated) if final else None,
            status=Status.FINAL if final else Status.DRAFT,
            finalized_at=updated if final else None,
        )

    def _name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"

    def _place(self) -> dict[str, str]:
        postcode = f"{self.rng.randrange(1000, 10000)} {self.rng.choice(POSTCODE_LETTERS)}"
        return {
            "address": f"{self.rng.choice(STREETS)} {self.rng.randrange(1, 240)}",
            "postcode": normalise("postcode", postcode),
            "city": self.rng.choice(CITIES),
        }


def _summary_row(check: Check, template_row: dict[str, Any]) -> dict[str, Any]:
    """``summary_row(check, pack)`` for a check with its template's answers (so the same
    outcome and STOP): the template's row with this check's own people, place and times."""
    names = [party.name for party in check.parties if party.name]
    place = [str(check.property.get(key, "")) for key in ("address", "postcode", "city")]
    assert check.updated_at is not None
    return {
        **template_row,
        "id": check.id,
        "status": check.status.value,
        "parties": names,
        "address": place[0],
        "postcode": place[1],
        "city": place[2],
        "created_at": _stamp(check.created_at),
        "updated_at": _stamp(check.updated_at),
        "finalized_at": _stamp(check.finalized_at),
        "decision": check.decision.outcome if check.decision is not None else "",
        "search": search_text(check),
        "match_keys": check_keys(check),
        "changed": round(check.updated_at.timestamp() * 1e6),
    }


def _stamp(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def check_file_content(item: Generated) -> dict[str, Any]:
    """``checks/<id>.json`` as ``CheckFile.save`` leaves it after ``Store.create`` (and, for a
    final check, ``finalize``): the revision, its events and its summary row."""
    check = item.check
    assert check.created_at is not None
    events = [AuditEvent(check.created_at, ACTOR, 1, "created", new=item.pack.id)]
    if check.finalized_at is not None:
        events.append(AuditEvent(check.finalized_at, ACTOR, 1, "finalized", new=check.fingerprint))
    return {
        "revisions": {"1": {"document": item.document}},
        "events": {str(n): event_record(event) for n, event in enumerate(events, start=1)},
        # as the store's row: the summary row, the attachments and the retention dates
        "summary": {"1": {**item.row, "attachments": [], **row_dates(retention(item))}},
    }


def retention(item: Generated) -> RetentionStatus:
    """When the store will say the check is due for erasure or review (no report records, no
    retention settings: a check as it was made)."""
    check = item.check
    return status_of(check, item.pack, [], {}, local_day(check.finalized_at))


def generated_checks(
    registry: PackRegistry, count: int, *, now: dt.datetime | None = None, seed: int = SEED
) -> Iterator[Generated]:
    maker = CheckMaker(registry, now or dt.datetime.now(dt.UTC).astimezone(), seed)
    for _ in range(count):
        yield maker.make()


def write_big_store(
    folder: Path,
    registry: PackRegistry,
    count: int,
    *,
    now: dt.datetime | None = None,
    seed: int = SEED,
    key: DataKey | None = None,
) -> Path:
    """Write ``count`` checks as a new store folder (no index yet: ``Store.open`` builds it
    from the check files). Returns ``folder``."""
    key = key or folder_key_of(folder)
    layout = Layout(folder, key=key)
    layout.create_folders()
    MetaFile(layout).create()  # a store refuses check files without its meta.json
    for item in generated_checks(registry, count, now=now, seed=seed):
        content = check_file_content(item)
        data = json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        descriptor = os.open(
            layout.check_file(item.check.id), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600
        )
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key.seal(data.encode("utf-8"), f"{item.check.id}.json"))
    return folder


def folder_key_of(folder: Path) -> DataKey:
    """The data key of ``folder``, made with BENCH_PASSPHRASE (and the app's own key derivation
    parameters) when the folder has none yet."""
    folder = Path(folder)
    if not folder_key.has_key_file(folder):
        folder.mkdir(0o700, parents=True, exist_ok=True)
        key, _recovery = folder_key.create(folder, BENCH_PASSPHRASE)
        _keys[key.key_id] = key
        return key
    key_file = folder_key.KeyFile.read(folder)
    if key_file.key_id not in _keys:
        _keys[key_file.key_id] = key_file.unlock(BENCH_PASSPHRASE)
    return _keys[key_file.key_id]


def open_store(folder: Path, registry: PackRegistry, **options: Any) -> Store:
    """``Store.open`` with the folder's key (made when it has none yet)."""
    return Store.open(Path(folder), registry, key=folder_key_of(folder), **options)
