"""The bundle smoke test: build the one-folder app and drive the *bundled* programs through
everything a user does, from `--version` to reports, backups and the window.

    .venv/bin/python bundle/smoke.py            # build with build.spec, then test
    .venv/bin/python bundle/smoke.py --no-build # test dist/vastgoedcheck as it is

Every step prints one line; the first failure prints what the program said and ends the run
with exit code 1. The last line says whether the bundle passed and how long it took.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vastgoedcheck import APP_NAME, __version__  # noqa: E402

EXAMPLES = ROOT / "docs" / "examples"
RECIPIENTS = ("dossier", "police", "municipality", "fiu")
LANGUAGES = ("nl", "en")
WINDOW_SECONDS = 5.0
# Words in what the window prints or logs that mean something went wrong.
TROUBLE = ("Traceback", "Error", "error", "ERROR", "Could not", "Cannot", "cannot", "Failed")


class SmokeFailure(Exception):
    """A step did not do what a user would expect; the message says what happened."""


class Bundle:
    """The bundled programs, run with their own data and settings folders."""

    def __init__(self, folder: Path, work: Path) -> None:
        suffix = ".exe" if sys.platform == "win32" else ""
        self.cli = folder / f"{APP_NAME}-cli{suffix}"
        self.app = folder / f"{APP_NAME}{suffix}"
        self.work = work
        self.data = work / "data"
        self.environment = {
            **os.environ,
            "VASTGOEDCHECK_DATA_DIR": str(self.data),
            "VASTGOEDCHECK_CONFIG_DIR": str(work / "config"),
            "VASTGOEDCHECK_PASSPHRASE": "rookproef van de gebundelde app",
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "nl_NL.UTF-8",
            "LANGUAGE": "",
            "LC_ALL": "",
        }

    def run(self, *args: str, expect: int = 0, data: Path | None = None) -> str:
        """Run the command-line program; its output, or SmokeFailure on another exit code or a
        traceback."""
        environment = dict(self.environment)
        if data is not None:
            environment["VASTGOEDCHECK_DATA_DIR"] = str(data)
        done = subprocess.run(
            [str(self.cli), *args],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            env=environment,
            timeout=120,
            check=False,
        )
        said = done.stdout + done.stderr
        if done.returncode != expect or "Traceback" in said:
            raise SmokeFailure(
                f"`{APP_NAME}-cli {' '.join(args)}` ended with {done.returncode} "
                f"(expected {expect}):\n{said.strip()}"
            )
        return done.stdout

    def run_json(self, *args: str) -> object:
        return json.loads(self.run(*args))


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def pdf_file(path: Path) -> None:
    expect(path.is_file() and path.read_bytes().startswith(b"%PDF-"), f"{path} is no PDF")


# -- the steps -------------------------------------------------------------------------------


def version(bundle: Bundle) -> str:
    said = bundle.run("--version").strip()
    expect(said == f"{APP_NAME} {__version__}", f"--version said {said!r}")
    for language in LANGUAGES:
        bundle.run("--lang", language, "--help")
    return said


def templates(bundle: Bundle) -> str:
    packs = bundle.run_json("templates", "list", "--json")
    assert isinstance(packs, list)
    expect(len(packs) == 7, f"templates list shows {len(packs)} packs, not the 7 built-in ones")
    for pack in packs:
        bundle.run("templates", "show", pack["id"])
        for language in LANGUAGES:
            target = bundle.work / f"blank-{pack['id']}-{language}.pdf"
            bundle.run("templates", "print", pack["id"], "--lang", language, "-o", str(target))
            pdf_file(target)
    checklists = sorted(str(path) for path in (ROOT / "resources" / "checklists").glob("*.json"))
    bundle.run("templates", "validate", *checklists)
    return f"{len(packs)} packs shown, printed in nl and en, validated"


def _photos() -> list[tuple[str, str, bytes]]:
    """One small photo in every format the app accepts, made here with Pillow."""
    from PIL import Image

    photos = []
    for name, kind, form in (
        ("voordeur.jpg", "image/jpeg", "JPEG"),
        ("meterkast.png", "image/png", "PNG"),
        ("schuur.gif", "image/gif", "GIF"),
        ("zolder.tif", "image/tiff", "TIFF"),
        ("kelder.webp", "image/webp", "WEBP"),
        ("tuin.bmp", "image/bmp", "BMP"),
    ):
        image = Image.new("RGB", (320, 240), (180, 90 + len(photos) * 20, 60))
        buffer = io.BytesIO()
        image.save(buffer, form)
        photos.append((name, kind, buffer.getvalue()))
    return photos


def _with_photos(example: Path, target: Path) -> Path:
    document = json.loads(example.read_text(encoding="utf-8"))
    question = next(iter(document["answers"]))
    document["answers"][question]["attachments"] = [
        {
            "name": name,
            "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
            "media_type": kind,
            "content": base64.b64encode(content).decode("ascii"),
        }
        for name, kind, content in _photos()
    ]
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target


def assess_and_import(bundle: Bundle) -> str:
    expected = json.loads((EXAMPLES / "expected-outcomes.json").read_text(encoding="utf-8"))
    for name, outcome in expected.items():
        advice = bundle.run_json("assess", str(EXAMPLES / name), "--json")
        assert isinstance(advice, dict)
        got = advice.get("outcome")
        expect(got == outcome["outcome"], f"assess {name}: {got!r}, not {outcome['outcome']!r}")
    files = [str(EXAMPLES / name) for name in expected]
    files[files.index(str(EXAMPLES / "broker-buyer-cash-deposit.json"))] = str(
        _with_photos(EXAMPLES / "broker-buyer-cash-deposit.json", bundle.work / "photos.json")
    )
    said = bundle.run("init")  # the data folder: encrypted, its recovery key shown once
    expect("-" in said and bundle.data.joinpath("vastgoedcheck.key").is_file(), "init")
    ids = bundle.run("import", *files).split()
    expect(len(ids) == len(expected), f"import stored {len(ids)} of {len(expected)} checks")
    listed = bundle.run_json("list", "--json")
    assert isinstance(listed, list)
    expect(len(listed) == len(expected), f"list shows {len(listed)} checks")
    return f"{len(expected)} examples assessed as expected and imported, one with 6 photos"


def _checks(bundle: Bundle) -> list[dict[str, str]]:
    listed = bundle.run_json("list", "--json")
    assert isinstance(listed, list)
    return listed


def _ids_by_pack(bundle: Bundle) -> dict[str, str]:
    """One check of each pack."""
    return {item["pack"]: item["id"] for item in _checks(bundle)}


def finalize(bundle: Bundle) -> str:
    ids = [item["id"] for item in _checks(bundle)]
    for check_id in ids:
        bundle.run("show", check_id)
        bundle.run("finalize", check_id, "--decision", "escalate", "--reasoning", "Rookproef")
    final = bundle.run_json("list", "--json", "--status", "final")
    assert isinstance(final, list)
    expect(len(final) == len(ids), f"{len(final)} of {len(ids)} checks are final")
    rural = _ids_by_pack(bundle)["landlord-rural"]
    amended = bundle.run("amend", rural, "--reason", "Typefout in de naam")
    expect(rural in amended, f"amend said {amended!r}")
    return f"{len(ids)} checks finalized with a fingerprint, one amended"


def reports(bundle: Bundle) -> str:
    broker = _ids_by_pack(bundle)["broker-buyer"]
    made = 0
    for recipient in RECIPIENTS:
        for language in LANGUAGES:
            target = bundle.work / f"report-{recipient}-{language}.pdf"
            bundle.run(
                "report", broker, "--recipient", recipient, "--lang", language, "-o", str(target)
            )
            pdf_file(target)
            said = bundle.run("verify", str(target))
            expect(broker in said, f"verify {target.name} said {said!r}")
            made += 1
    altered = bundle.work / "altered.pdf"
    altered.write_bytes((bundle.work / "report-police-nl.pdf").read_bytes() + b"\n%%EOF\n")
    bundle.run("verify", str(altered), expect=1)
    landlord = _ids_by_pack(bundle)["landlord-residential"]
    bundle.run(
        "report", landlord, "--recipient", "fiu", "-o", str(bundle.work / "no.pdf"), expect=1
    )
    return f"{made} reports (4 recipients × nl, en) verified; an altered copy and a refused one"


def exchange_and_backups(bundle: Bundle) -> str:
    ids = [item["id"] for item in _checks(bundle)]
    broker = _ids_by_pack(bundle)["broker-buyer"]
    exported = bundle.work / "exported.json"
    bundle.run("export", broker, "-o", str(exported))
    other = bundle.work / "other-data"
    bundle.run("init", data=other)
    imported = bundle.run("import", str(exported), data=other).split()
    expect(imported == [broker], f"the exported check imported as {imported}")
    backup = bundle.work / "backup.zip"
    bundle.run("backup", "-o", str(backup))
    draft = bundle.run("import", str(EXAMPLES / "landlord-residential-all-clear.json")).split()[0]
    bundle.run("delete", draft, "--reason", "Dubbel ingevoerd")
    bundle.run("restore", str(backup))
    after = _checks(bundle)
    expect(
        sorted(item["id"] for item in after) == sorted(ids),
        f"after the restore {len(after)} checks, not {len(ids)}",
    )
    bundle.run("restore", str(bundle.work / "missing.zip"), expect=1)
    return "export, import elsewhere, backup, delete, restore"


def _start_window(bundle: Bundle, language: str) -> subprocess.Popen[str]:
    data = bundle.work / f"window-{language}"
    config = data / "config"
    config.mkdir(parents=True)
    bundle.run("init", data=data / "checks")  # else the window first asks for a passphrase
    environment = {
        **bundle.environment,
        "VASTGOEDCHECK_DATA_DIR": str(data / "checks"),
        "VASTGOEDCHECK_CONFIG_DIR": str(config),
    }
    return subprocess.Popen(
        [str(bundle.app), "--lang", language],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        encoding="utf-8",
        errors="replace",
        env=environment,
    )


def window(bundle: Bundle) -> str:
    """The desktop app in both languages, at the same time: still running after five seconds,
    closed by SIGTERM as a logout would, with nothing printed or logged that signals trouble."""
    started = {language: _start_window(bundle, language) for language in LANGUAGES}
    time.sleep(WINDOW_SECONDS)
    for language, process in started.items():
        early = process.poll()
        if early is not None:
            said = process.communicate()[0]
            raise SmokeFailure(f"the window ({language}) ended after {early}:\n{said}")
        process.send_signal(signal.SIGTERM)
    for language, process in started.items():
        said, _ = process.communicate(timeout=30)
        log_file = bundle.work / f"window-{language}" / "checks" / "logs" / f"{APP_NAME}.log"
        logged = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        trouble = [word for word in TROUBLE if word in said or word in logged]
        expect(
            process.returncode == 0 and not trouble,
            f"the window ({language}) ended with {process.returncode}; printed:\n{said}\n"
            f"logged:\n{logged}",
        )
        expect((log_file.parent.parent / "checks").is_dir(), "the window made no data folder")
    return f"the window ran {WINDOW_SECONDS:.0f} s in nl and en, closed cleanly"


def every_module(bundle: Bundle) -> str:
    """Pages and dialogs are imported when first opened: each must be in the bundle."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle.cli))
    pyz = next(name for name in archive.toc if name.endswith(".pyz"))
    bundled = set(archive.open_embedded_archive(pyz).toc)
    package = ROOT / APP_NAME
    wanted = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in package.rglob("*.py")
    }
    missing = sorted(wanted - bundled)
    expect(not missing, f"modules missing from the bundle: {', '.join(missing)}")
    return f"all {len(wanted)} modules of {APP_NAME} are in the bundle"


STEPS: list[tuple[str, Callable[[Bundle], str]]] = [
    ("--version and --help", version),
    ("templates list, show, print, validate", templates),
    ("assess and import every example check", assess_and_import),
    ("show, finalize, amend", finalize),
    ("report for every recipient in both languages, verify", reports),
    ("export, backup and restore", exchange_and_backups),
    ("the desktop app, offscreen", window),
    ("every module of the app", every_module),
]


def build(dist: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(ROOT / "build"),
        str(ROOT / "build.spec"),
    ]
    if importlib.util.find_spec("PyInstaller") is None:
        raise SmokeFailure('PyInstaller is not installed: run .venv/bin/pip install -e ".[build]"')
    print("building:", " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise SmokeFailure("PyInstaller could not build the bundle (its messages are above)")


@contextmanager
def timed(label: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    print(f"  {time.perf_counter() - start:6.1f} s  {label}", flush=True)


def folder_size(folder: Path) -> int:
    """Bytes in the folder; a link to a library counts once, as the library."""
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--no-build", action="store_true", help="test the bundle as it is")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="the build's dist folder")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if not args.no_build:
        try:
            with timed("build"):
                build(args.dist)
        except SmokeFailure as failure:
            print(f"FAILED  build: {failure}")
            print("smoke: 0 passed, 1 failed")  # the closing line CI reads
            return 1
    folder = args.dist / APP_NAME
    size = folder_size(folder) / 1e6
    print(f"bundle: {folder} ({size:.0f} MB)", flush=True)
    with tempfile.TemporaryDirectory(prefix="vastgoedcheck-smoke-") as work:
        bundle = Bundle(folder, Path(work))
        for passed, (label, step) in enumerate(STEPS):
            step_start = time.perf_counter()
            try:
                result = step(bundle)
            except (SmokeFailure, subprocess.TimeoutExpired, OSError) as failure:
                print(f"FAILED  {label}: {failure}", flush=True)
                print(f"bundle smoke test FAILED after {time.perf_counter() - started:.0f} s")
                print(f"smoke: {passed} passed, 1 failed")  # the closing line CI reads
                return 1
            print(f"  {time.perf_counter() - step_start:6.1f} s  {label}: {result}", flush=True)
    print(
        f"bundle smoke test passed: {len(STEPS)} steps, {size:.0f} MB, "
        f"{time.perf_counter() - started:.0f} s in all"
    )
    print(f"smoke: {len(STEPS)} passed, 0 failed")  # the closing line CI reads
    return 0


if __name__ == "__main__":
    sys.exit(main())
