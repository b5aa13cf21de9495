"""Where the checks are kept: the chosen folder, the environment, or the platform's default."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from vastgoedcheck.paths import data_dir, default_data_dir


def test_the_chosen_folder_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VASTGOEDCHECK_DATA_DIR", str(tmp_path / "env"))
    assert data_dir(tmp_path / "chosen") == tmp_path / "chosen"
    assert data_dir(None) == tmp_path / "env"


def test_without_a_choice_the_users_application_data_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VASTGOEDCHECK_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "localappdata"))
    expected = {
        "win32": tmp_path / "localappdata" / "vastgoedcheck" / "data",
        "darwin": Path.home() / "Library" / "Application Support" / "vastgoedcheck",
    }.get(sys.platform, tmp_path / "xdg" / "vastgoedcheck")
    assert data_dir(None) == default_data_dir() == expected
