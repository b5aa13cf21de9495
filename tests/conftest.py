"""Shared test set-up: compiled catalogues, the built-in packs, and running the CLI."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.stores import CHEAP_KDF, TEST_PASSPHRASE, key_for
from vastgoedcheck.cli import main
from vastgoedcheck.cli.passphrase_source import ENVIRONMENT
from vastgoedcheck.data_location import refusal
from vastgoedcheck.i18n import set_language
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.folder_state import FolderState, folder_state

REPO = Path(__file__).resolve().parent.parent
# GUI tests never need a display; set before anything loads Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Which packs passed validation is remembered here, not in the user's own cache folder.
os.environ["VASTGOEDCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="vastgoedcheck-test-cache-")
# Every test's commands and app (subprocesses too) find the passphrase in the environment; a
# test about a missing one removes it. New keys are derived with cheap Argon2id parameters.
os.environ[ENVIRONMENT] = TEST_PASSPHRASE
REAL_DEFAULT_KDF = folder_key.DEFAULT_KDF  # as the app has it (one test asserts it)
folder_key.DEFAULT_KDF = CHEAP_KDF


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues() -> None:
    """Compile every .po to its .mo, as the build does (the .mo files are not committed)."""
    for po_path in (REPO / "translations").glob("*/LC_MESSAGES/*.po"):
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parent.parent.name)
        with po_path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)


@pytest.fixture(autouse=True)
def english_by_default() -> Iterator[None]:
    """Tests read English unless they ask for Dutch; the active language is reset after each."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def registry() -> PackRegistry:
    return PackRegistry.builtin()


@dataclass
class Result:
    code: int
    out: str
    err: str


def set_up_data_folder(args: Sequence[str], env: dict[str, str] | None = None) -> None:
    """Give the data folder a command is about to use its key (TEST_PASSPHRASE), as
    ``vastgoedcheck init`` would, when it has none and is not a folder of an earlier version;
    not for ``init`` itself, nor for the user's own default folder."""
    if "init" in args:
        return
    folder: str | None = None
    for index, arg in enumerate(args):
        if arg == "--data-dir" and index + 1 < len(args):
            folder = args[index + 1]
        elif arg.startswith("--data-dir="):
            folder = arg.split("=", 1)[1]
    if folder is None:
        folder = {**os.environ, **(env or {})}.get("VASTGOEDCHECK_DATA_DIR")
    if not folder:
        return
    if refusal(Path(folder)) is None and folder_state(Path(folder)) is FolderState.NEW:
        with contextlib.suppress(OSError, StoreError):  # the command says what is wrong
            key_for(Path(folder))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run the command line in-process (in English unless ``--lang`` is given)."""

    def run(*args: str) -> Result:
        language = [] if args and args[0].startswith("--lang") else ["--lang", "en"]
        set_up_data_folder(args)
        code = main([*language, *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_subprocess(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run ``python -m vastgoedcheck`` as a separate process, as a user would."""
    set_up_data_folder(args, env)
    completed = subprocess.run(
        [sys.executable, "-m", "vastgoedcheck", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def onedrive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Documents moved into OneDrive (Known Folder Move), as on many office laptops."""
    folder = tmp_path / "OneDrive"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("OneDrive", str(folder))
    return folder
