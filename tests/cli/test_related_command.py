"""``vastgoedcheck related ID`` and the listing's decision and report filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.register_stores import abc_chain, repeated_tenant
from tests.stores import open_store
from vastgoedcheck.packs.registry import PackRegistry


@pytest.fixture
def data(tmp_path: Path, registry: PackRegistry) -> tuple[str, dict[str, str]]:
    folder = tmp_path / "data"
    with open_store(folder, registry, actor="M. Jansen") as store:
        chain = abc_chain(store)
        tenant = repeated_tenant(store)
    ids = {"ab": chain.a_to_b.id, "bc": chain.b_to_c.id, "tenant": tenant.again.id}
    ids["first"] = tenant.first.id
    return str(folder), ids


def test_related_as_json_names_the_shared_house_and_the_middle_party(cli, data) -> None:  # type: ignore[no-untyped-def]
    folder, ids = data
    result = cli("related", ids["bc"], "--data-dir", folder, "--json")
    assert result.code == 0, result.err
    found = {item["id"]: item for item in json.loads(result.out)}
    shares = found[ids["ab"]]["shares"]
    assert [share["kind"] for share in shares] == ["property", "party"]
    assert (shares[1]["role_here"], shares[1]["role_there"]) == ("client", "counterparty")
    assert "Flip Vastgoed BV is the client here and was the counterparty" in shares[1]["text"]


def test_related_as_text_says_who_was_what_and_how_often_the_house_came_up(cli, data) -> None:  # type: ignore[no-untyped-def]
    folder, ids = data
    result = cli("related", ids["bc"][:8], "--data-dir", folder)  # the start of the id will do
    assert result.code == 0, result.err
    assert ids["ab"] in result.out
    assert "Flip Vastgoed BV is the client here and was the counterparty in that check." in (
        result.out
    )
    assert "This address was in 1 other check in the last 12 months." in result.out
    dutch = cli("--lang", "nl", "related", ids["tenant"], "--data-dir", folder)
    assert ids["first"] in dutch.out and "huurder" in dutch.out


def test_related_of_an_unknown_check_is_one_sentence_and_fails(cli, data) -> None:  # type: ignore[no-untyped-def]
    folder, _ids = data
    result = cli("related", "00000000-0000-4000-8000-000000000000", "--data-dir", folder)
    assert result.code != 0
    assert result.out == "" and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


def test_list_filters_by_decision_and_report_status(cli, data) -> None:  # type: ignore[no-untyped-def]
    folder, _ids = data
    undecided = json.loads(cli("list", "--data-dir", folder, "--json", "--decision", "none").out)
    assert len(undecided) == 6
    assert (
        json.loads(cli("list", "--data-dir", folder, "--json", "--decision", "proceed").out) == []
    )
    reported = cli("list", "--data-dir", folder, "--json", "--report-status", "reported")
    assert json.loads(reported.out) == []
    found = json.loads(cli("list", "--data-dir", folder, "--json", "--search", "6123 4567").out)
    assert len(found) == 2
