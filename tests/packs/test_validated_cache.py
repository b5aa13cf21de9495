"""Built-in packs are validated in full once; afterwards the same file is only parsed, and a
changed file is validated again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vastgoedcheck.packs.loading import InvalidPack, load_pack_file
from vastgoedcheck.packs.validated import load_packs
from vastgoedcheck.paths import checklists_dir


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    return Path(shutil.copy(checklists_dir() / "landlord-residential.json", tmp_path / "p.json"))


def test_a_pack_that_passed_is_remembered_and_loads_the_same(
    tmp_path: Path, pack_copy: Path
) -> None:
    cache = tmp_path / "cache" / "validated-packs.json"
    first = load_packs([pack_copy], cache)
    assert len(json.loads(cache.read_text(encoding="utf-8"))) == 1
    again = load_packs([pack_copy], cache)
    assert again == first == [load_pack_file(pack_copy)]


def test_a_changed_pack_is_validated_again(tmp_path: Path, pack_copy: Path) -> None:
    cache = tmp_path / "validated-packs.json"
    load_packs([pack_copy], cache)
    data = json.loads(pack_copy.read_text(encoding="utf-8"))
    data["sections"][0]["questions"][0]["type"] = "colour"
    pack_copy.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidPack) as refused:
        load_packs([pack_copy], cache)
    assert any("type" in problem.location for problem in refused.value.problems)


def test_a_damaged_or_unwritable_cache_only_means_validating_again(
    tmp_path: Path, pack_copy: Path
) -> None:
    damaged = tmp_path / "validated-packs.json"
    damaged.write_text("{not json", encoding="utf-8")
    assert load_packs([pack_copy], damaged)[0].id == "landlord-residential"
    blocked = tmp_path / "a-file" / "validated-packs.json"
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    assert load_packs([pack_copy], blocked)[0].id == "landlord-residential"
