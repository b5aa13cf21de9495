"""How long a PDF report takes, and how big it is; run: .venv/bin/python benchmarks/bench_report.py

Prints, in one run, for a check with 5 photos of 4000×3000 px (JPEG quality 90, 2–5 MB each,
one with EXIF Orientation 6):
- build_report for the dossier, in-process, 60 answers (built-in packs have at most 30, so the
  sections of the landlord packs are put into one pack): the first call of the process (fonts
  are registered then), the median of warm calls with photos new to the session, and with
  photos an earlier report of the session prepared; target ≤ 0.5 s, PDF ≤ 2 MB;
- the same report with the photos embedded at full size (the obvious alternative: decode,
  turn upright, re-encode at quality 90, no downscaling);
- what making the report a PDF/A-2b adds (output intent, XMP metadata, rewritten with pikepdf):
  the post-processing alone, and the warm report without it;
- the whole `vastgoedcheck report ID -o FILE.pdf` command, a fresh process each time, on a
  finalized check of the biggest built-in pack (30 answers) in a real store; target ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from unittest import mock

from PIL import Image, ImageChops, ImageOps

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.big_store import open_store  # noqa: E402
from vastgoedcheck.domain.check import (  # noqa: E402
    Answer,
    AnswerValue,
    Attachment,
    Check,
    Decision,
    Examiner,
    Party,
    PartyKind,
    Status,
)  # fmt: skip
from vastgoedcheck.domain.conditions import group_holds  # noqa: E402
from vastgoedcheck.domain.pack import FlagValue, Pack, Question, QuestionType, Role, Section  # noqa: E402
from vastgoedcheck.identifiers import normalise  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.reports import evidence  # noqa: E402
from vastgoedcheck.reports import photos as photo_preparation  # noqa: E402
from vastgoedcheck.reports import report as report_module  # noqa: E402
from vastgoedcheck.reports.archival import ArchiveMetadata, archival  # noqa: E402
from vastgoedcheck.reports.photos import Photo, prepared_photo  # noqa: E402
from vastgoedcheck.reports.profiles import Recipient  # noqa: E402
from vastgoedcheck.reports.report import build_report  # noqa: E402

TARGET_IN_PROCESS_S = 0.5
TARGET_COMMAND_S = 1.5
TARGET_PDF_MB = 2.0
ANSWERS = 60
PHOTOS = 5
COMBINED = ("landlord-residential", "landlord-commercial", "landlord-rural")
COMMAND_PACK = "landlord-residential"  # the biggest built-in pack: 30 questions
NOTES = (
    "Gecontroleerd aan de hand van het uittreksel en de loonstroken. Geen bijzonderheden; de "
    "gegevens komen overeen met wat de huurder bij de bezichtiging vertelde.",
    "De huurder heeft het identiteitsbewijs aan de balie getoond. Een kopie is niet bewaard, "
    "alleen het soort document en de geldigheid zijn genoteerd.",
    "Navraag gedaan bij de vorige verhuurder, die niets ongewoons meldde. De huur werd daar "
    "steeds op tijd en van de eigen rekening betaald.",
)
PERSON = {
    "name": "Daan Bakker", "address": "Lindenlaan 12", "postcode": normalise("postcode", "3581 AB"),
    "city": "Utrecht", "birth_date": dt.date(1988, 4, 14), "phone": "06 12345678",
    "email": "daan.bakker@example.nl",
    "id_document": {"type": "id_card", "number": "7K2D", "expiry": dt.date(2031, 5, 14)},
}  # fmt: skip
PROPERTY = {
    "address": "Oudegracht 101", "postcode": normalise("postcode", "3511 AD"), "city": "Utrecht",
    "object_type": "apartment", "rent_monthly": Decimal("1450.00"), "utilities_holder": "huurder",
    "payment_method": "bank_transfer",
}  # fmt: skip
EXAMINER = Examiner("M. Jansen", "Jansen Vastgoedbeheer")
DECISION = "Geen signalen die een weigering rechtvaardigen; het huurcontract is getekend."


def make_photos(folder: Path) -> list[Path]:
    """Gradients under per-channel noise: compresses about like a real photo at quality 90."""
    size = (4000, 3000)
    gradients = (Image.linear_gradient("L"), Image.radial_gradient("L"))
    paths = []
    for number in range(PHOTOS):
        bands = []
        for band in range(3):
            gradient = gradients[(number + band) % 2].rotate(90 * band).resize(size)
            noise = Image.effect_noise(size, 10 + 2 * number)
            bands.append(ImageChops.add(gradient, noise, scale=1.6, offset=-40))
        exif = Image.Exif()
        if number == 2:
            exif[0x0112] = 6  # Orientation: turn 90° clockwise to show upright
        paths.append(folder / f"foto-{number + 1}.jpg")
        Image.merge("RGB", bands).save(paths[-1], "JPEG", quality=90, exif=exif)
    return paths


def combined_pack(registry: PackRegistry) -> Pack:
    """The sections of the landlord packs as one pack, cut off at ANSWERS questions."""
    packs = [registry.get(pack_id) for pack_id in COMBINED]
    sections: list[Section] = []
    taken: set[str] = set()
    references: dict[str, str] = {}
    for pack in packs:
        assert pack is not None
        references.update(pack.references)
        for section in pack.sections:
            kept = []
            for question in section.questions:
                group = question.enable_when
                needs = {c.question for c in group.conditions} if group else set()
                if len(taken) < ANSWERS and needs <= taken:
                    kept.append(question)
                    taken.add(question.id)
            if kept:
                section_id = f"{pack.id}.{section.id}"
                sections.append(replace(section, id=section_id, questions=tuple(kept)))
    assert packs[0] is not None
    return replace(packs[0], sections=tuple(sections), references=references)


def planned_answers(pack: Pack) -> dict[str, AnswerValue]:
    """A valid answer for every question shown, choosing what shows the follow-up questions."""
    groups = [q.enable_when for q in pack.questions if q.enable_when is not None]
    opens = {c.question: c.answer for group in groups for c in group.conditions}
    values: dict[str, AnswerValue] = {}
    for question in pack.questions:
        if question.enable_when is None or group_holds(question.enable_when, values):
            values[question.id] = value_for(question, opens.get(question.id), len(values))
    return values


def value_for(question: Question, opens: object, position: int) -> AnswerValue:
    kind, choices = question.type, question.choice_values()
    if kind is QuestionType.FLAG:  # "yes" where it opens a follow-up, and a few more
        return FlagValue.YES if opens == "yes" or position % 13 == 7 else FlagValue.NO
    if kind is QuestionType.CHOICE:
        return str(opens) if opens in choices else choices[0]
    if kind is QuestionType.MULTI_CHOICE:
        return (choices[0],)
    if kind in (QuestionType.AMOUNT, QuestionType.NUMBER):
        return max(Decimal("15000.00"), question.minimum or Decimal(0))
    if kind is QuestionType.DATE:
        return dt.date(2026, 3, 1)
    return "De huurder werkt sinds 2019 bij een bouwbedrijf in de regio."


def notes_and_photos(ids: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """A note on about 10 answers; the photos on PHOTOS answers spread over the check."""
    step = max(1, len(ids) // 10)
    notes = {qid: NOTES[n % len(NOTES)] for n, qid in enumerate(ids) if n % step == step - 1}
    return notes, {ids[n * len(ids) // PHOTOS + 1]: n for n in range(PHOTOS)}


def asked(pack: Pack, category: str, data: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in data.items() if pack.field_need(category, key)}


def in_process_check(pack: Pack, photos: list[Path]) -> tuple[Check, dict[str, Path]]:
    """A finalized check of ``pack`` built directly, and where its photos are (by SHA-256)."""
    values = planned_answers(pack)
    notes, photo_of = notes_and_photos(list(values))
    files: dict[str, Path] = {}
    answers = {}
    for qid, value in values.items():
        attached: tuple[Attachment, ...] = ()
        if qid in photo_of:
            path = photos[photo_of[qid]]
            sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
            files[sha256] = path
            attached = (Attachment(sha256, path.name, path.stat().st_size, "image/jpeg"),)
        answers[qid] = Answer(value, notes.get(qid, ""), attached)
    moment = dt.datetime.now().astimezone()
    draft = Check(
        id=str(uuid.uuid4()),
        pack_id=pack.id,
        pack_version=pack.version,
        role=Role.LANDLORD,
        parties=(Party(pack.party_roles[0], PartyKind.PERSON, asked(pack, "person", PERSON)),),
        property=asked(pack, "property", PROPERTY),
        answers=answers,
        examiner=EXAMINER,
        decision=Decision("proceed", DECISION, moment),
        created_at=moment - dt.timedelta(hours=1),
        updated_at=moment,
    )
    fingerprint = hashlib.sha256(draft.id.encode()).hexdigest()
    return replace(draft, status=Status.FINAL, fingerprint=fingerprint, finalized_at=moment), files


def full_size_photo(path: Path) -> Photo | None:
    """The obvious alternative: the whole photo, upright, re-encoded, not scaled down."""
    with Image.open(path) as image:
        upright = ImageOps.exif_transpose(image).convert("RGB")
    buffer = io.BytesIO()
    upright.save(buffer, "JPEG", quality=90)
    return Photo(buffer.getvalue(), upright.width, upright.height)


@dataclass(frozen=True)
class Timed:
    seconds: float  # the median run
    photos: float  # of which preparing the photos (median)
    megabytes: float  # the PDF


def timed_reports(
    build: Callable[[], bytes],
    prepare: Callable[[bytes], Photo | None],
    runs: int,
    fresh_photos: bool = True,
) -> Timed:
    """``runs`` reports with ``prepare`` making the photos ready; ``fresh_photos`` forgets the
    photos prepared by an earlier report of this session first (as for newly added photos)."""
    totals: list[float] = []
    parts: list[float] = []
    pdf = b""

    def clocked(content: bytes) -> Photo | None:
        start = time.perf_counter()
        try:
            return prepare(content)
        finally:
            parts[-1] += time.perf_counter() - start

    for _ in range(runs):
        if fresh_photos:
            photo_preparation.clear_cache()
        parts.append(0.0)
        with mock.patch.object(evidence, "prepared_photo", clocked):
            start = time.perf_counter()
            pdf = build()
            totals.append(time.perf_counter() - start)
    return Timed(statistics.median(totals), statistics.median(parts), len(pdf) / 1e6)


def stored_check(folder: Path, registry: PackRegistry, photos: list[Path]) -> Check:
    """A finalized check of COMMAND_PACK, made through the store API."""
    pack = registry.get(COMMAND_PACK)
    assert pack is not None
    with open_store(folder, registry, actor="bench") as store:
        check_id = store.create(pack, Role.LANDLORD).id
        values = planned_answers(pack)
        for qid, value in values.items():
            store.set_answer(check_id, qid, value)
        notes, photo_of = notes_and_photos(list(values))
        for qid, note in notes.items():
            store.set_note(check_id, qid, note)
        for qid, number in photo_of.items():
            store.add_attachment(check_id, qid, photos[number])
        person = asked(pack, "person", PERSON)
        store.set_parties(check_id, [Party(pack.party_roles[0], PartyKind.PERSON, person)])
        store.set_property(check_id, asked(pack, "property", PROPERTY))
        store.set_examiner(check_id, EXAMINER)
        store.set_decision(check_id, Decision("proceed", DECISION))
        return store.finalize(check_id)


def run_command(folder: Path, check_id: str, output: Path) -> float:
    command = [sys.executable, "-m", "vastgoedcheck", "--data-dir", str(folder), "report"]
    start = time.perf_counter()
    subprocess.run([*command, check_id, "-o", str(output)], check=True, capture_output=True)
    return time.perf_counter() - start


def noted(check: Check) -> int:
    return sum(1 for answer in check.answers.values() if answer.note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm in-process reports to time")
    parser.add_argument("--naive-runs", type=int, default=3, help="full-size reports to time")
    parser.add_argument("--command-runs", type=int, default=5, help="`report` commands to time")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        run(args, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run(args: argparse.Namespace, root: Path) -> None:
    (root / "photos").mkdir()
    photos = make_photos(root / "photos")
    sizes = ", ".join(f"{path.stat().st_size / 1e6:.1f}" for path in photos)
    print(f"{PHOTOS} photos of 4000×3000 px, JPEG quality 90: {sizes} MB (photo 3: Orientation 6)")
    accelerated = importlib.util.find_spec("_rl_accel") is not None
    print(f"reportlab's C accelerator (rl_accel): {'present' if accelerated else 'absent'}")
    registry = PackRegistry.builtin()
    pack = combined_pack(registry)
    check, files = in_process_check(pack, photos)
    answers = len(check.answers)
    print(
        f"in-process check: {answers} answers from the sections of {', '.join(COMBINED)}; "
        f"{noted(check)} with a note, {PHOTOS} with a photo; final; report in Dutch"
    )
    issued_at = dt.datetime.now().astimezone()

    def build() -> bytes:
        return build_report(check, pack, Recipient.DOSSIER, "nl", files.__getitem__, issued_at)

    cold = timed_reports(build, prepared_photo, 1)  # the first call registers the fonts
    warm = timed_reports(build, prepared_photo, args.runs)
    again = timed_reports(build, prepared_photo, args.runs, fresh_photos=False)
    naive = timed_reports(build, full_size_photo, args.naive_runs)
    with mock.patch.object(report_module, "archival", lambda pdf, _metadata: pdf):
        plain = timed_reports(build, prepared_photo, args.runs, fresh_photos=False)
        plain_pdf = build()
    metadata = ArchiveMetadata("Dossierrapport", "nl-NL", f"vastgoedcheck:check:{check.id}")
    post = []
    for _ in range(args.runs):
        start = time.perf_counter()
        archival(plain_pdf, metadata)
        post.append(time.perf_counter() - start)
    pdfa = statistics.median(post)
    print(f"\nbuild_report, dossier, in-process (s){'total':>21}{'photos*':>9}{'PDF':>11}")
    for label, timed in (
        ("first call of the process", cold),
        (f"warm, new photos, median of {args.runs}", warm),
        (f"warm, photos prepared before, median of {args.runs}", again),
        (f"photos at full size, median of {args.naive_runs}", naive),
        (f"without PDF/A, photos prepared, median of {args.runs}", plain),
    ):
        print(f"  {label:<48}{timed.seconds:8.3f}{timed.photos:9.3f}{timed.megabytes:8.2f} MB")
    print(
        "  * seconds spent preparing photos, summed over the worker threads; they run while\n"
        "    the pages are laid out, so they overlap the total"
    )

    print(
        f"  PDF/A-2b post-processing alone, median of {args.runs}: {pdfa:.3f} s "
        f"({pdfa / again.seconds:.0%} of the warm report with photos prepared before; "
        f"{again.seconds - plain.seconds:+.3f} s against the same without PDF/A)"
    )

    stored = stored_check(root / "data", registry, photos)
    stored_answers = len(stored.answers)
    print(
        f"\n`vastgoedcheck report`, a fresh process each run, on a check in a real store:\n"
        f"  {stored_answers} answers ({COMMAND_PACK}, the biggest built-in pack; the in-process "
        f"figure uses {answers}),\n  {noted(stored)} notes, the same {PHOTOS} photos"
    )
    first = run_command(root / "data", stored.id, root / "report-0.pdf")
    count = args.command_runs
    runs = [run_command(root / "data", stored.id, root / f"r{n}.pdf") for n in range(1, count + 1)]
    command = statistics.median(runs)
    command_mb = (root / f"r{count}.pdf").stat().st_size / 1e6
    print(f"  first run (also makes the day's automatic backup): {first:.2f} s")
    print(
        f"  median of {count} more runs: {command:.2f} s (min {min(runs):.2f}, "
        f"max {max(runs):.2f}); PDF {command_mb:.2f} MB"
    )

    rows = [
        (f"in-process report, warm ({answers} answers)", "s", warm.seconds, TARGET_IN_PROCESS_S),
        ("  the same, photos prepared before", "s", again.seconds, TARGET_IN_PROCESS_S),
        ("in-process report, first call", "s", cold.seconds, TARGET_IN_PROCESS_S),
        ("in-process PDF size", "MB", warm.megabytes, TARGET_PDF_MB),
        ("  of which PDF/A-2b post-processing", "s", pdfa, None),
        ("photos at full size instead (comparison)", "s", naive.seconds, None),
        ("  its PDF size", "MB", naive.megabytes, None),
        (f"`report` command, median ({stored_answers} answers)", "s", command, TARGET_COMMAND_S),
        ("`report` command PDF size", "MB", command_mb, TARGET_PDF_MB),
    ]
    print(f"\n{'measurement':<44}{'target':>10}{'measured':>13}")
    for label, unit, value, limit in rows:
        target = "–" if limit is None else f"≤ {limit:g} {unit}"
        met = "" if limit is None else ("ok" if value <= limit else "MISSED")
        print(f"{label:<44}{target:>10}{value:>10.2f} {unit:<3}{met}".rstrip())


if __name__ == "__main__":
    main()
