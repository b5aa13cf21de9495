"""Command output redirected to a file or a pipe is UTF-8 on every system. On Windows Python
encodes it with the ANSI code page (cp1252), in which "Yıldız" cannot be written: `list` ended in
a UnicodeEncodeError traceback."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_subprocess
from tests.storage.conftest import new_draft
from tests.stores import open_store
from vastgoedcheck.packs.registry import PackRegistry


def test_a_turkish_name_is_listed_under_a_windows_code_page(
    tmp_path: Path, registry: PackRegistry
) -> None:
    folder = tmp_path / "data"
    with open_store(folder, registry, actor="M. Jansen") as store:
        new_draft(store, "Ayşe Yıldız")
    cp1252 = {"PYTHONIOENCODING": "cp1252"}  # what a redirected stream gets on Windows
    listed = run_subprocess("--lang", "en", "--data-dir", str(folder), "list", env=cp1252)
    assert listed.code == 0, listed.err
    assert "Ayşe Yıldız" in listed.out
    as_json = run_subprocess("--data-dir", str(folder), "list", "--json", env=cp1252)
    assert as_json.code == 0 and "Yıldız" in as_json.out
    missing = run_subprocess(
        "--lang", "nl", "--data-dir", str(folder), "show", "onbekend-çek", env=cp1252
    )
    assert missing.code != 0 and "Traceback" not in missing.err
    assert "onbekend-çek" in missing.err
