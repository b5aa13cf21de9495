"""``vastgoedcheck retention``, ``delete`` of a finalized check, and retention in show/list."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_store_commands import EXAMPLES, imported, summaries

TODAY = dt.date.today()


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def finalized(cli: Any, data: str, name: str, decision: str = "proceed") -> str:
    [check_id] = imported(cli, data, EXAMPLES / f"{name}.json")
    done = cli("finalize", check_id, "--decision", decision, "--reasoning", "Weighed.",
               "--data-dir", data)  # fmt: skip
    assert done.code == 0, done.err
    return check_id


def test_the_list_of_what_is_due_at_a_given_date(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    rejected = finalized(cli, data, "landlord-residential-all-clear", "do_not_proceed")
    tenant = finalized(cli, data, "landlord-residential-straw-man")
    assert cli("retention", "--data-dir", data).out.startswith("Nothing is due")
    later = (TODAY + dt.timedelta(weeks=4)).isoformat()
    listed = json.loads(cli("retention", "--as-of", later, "--json", "--data-dir", data).out)
    assert [(item["id"], item["kind"]) for item in listed] == [(rejected, "erase")]
    assert listed[0]["label"] == "Daan Bakker" and listed[0]["erased"] is False
    shown = cli("retention", "--as-of", later, "--data-dir", data).out
    assert rejected in shown and "erase on" in shown and "Daan Bakker" in shown
    # the tenancy ends: two years later the tenant's check is due as well
    ended = cli("retention", tenant[:8], "--ended", "2026-06-30", "--data-dir", data)
    assert ended.code == 0 and "30 June 2028" in ended.out
    due = json.loads(cli("retention", "--as-of", "2028-06-30", "--json", "--data-dir", data).out)
    assert {item["id"] for item in due} == {rejected, tenant}
    rows = {row["id"]: row for row in summaries(cli, data)}
    assert rows[tenant]["erase_on"] == "2028-06-30" and rows[tenant]["review_on"] is None


def test_apply_erases_what_is_due_and_asks_first(cli, data: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rejected = finalized(cli, data, "landlord-residential-all-clear", "do_not_proceed")
    kept = finalized(cli, data, "landlord-residential-straw-man")
    long_ago = (TODAY - dt.timedelta(days=60)).isoformat()
    assert cli("retention", rejected, "--ended", long_ago, "--data-dir", data).code == 0
    refused = cli("retention", "--apply", "--data-dir", data)  # not on a terminal, no --yes
    assert refused.code == 1 and "--yes" in refused.err
    assert len(summaries(cli, data)) == 2
    later = (TODAY + dt.timedelta(days=1)).isoformat()
    assert cli("retention", "--apply", "--yes", "--as-of", later, "--data-dir", data).code == 1
    applied = cli("retention", "--apply", "--yes", "--data-dir", data)
    assert applied.code == 0 and "1 check erased" in applied.out
    assert [row["id"] for row in summaries(cli, data)] == [kept]
    shown = cli("show", rejected, "--data-dir", data)
    assert shown.code == 1 and "no check" in shown.err


def test_delete_erases_a_finalized_landlord_check_on_request(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    check_id = finalized(cli, data, "landlord-residential-all-clear")
    done = cli("delete", check_id, "--reason", "The tenant asked", "--data-dir", data)
    assert done.code == 0 and "erased" in done.out
    assert summaries(cli, data) == []


def test_a_wwft_record_is_refused_with_the_date_it_is_kept_until(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    check_id = finalized(cli, data, "broker-buyer-cash-deposit")
    refused = cli("delete", check_id, "--reason", "Client asked", "--data-dir", data)
    assert refused.code == 1 and "not set yet" in refused.err and "Traceback" not in refused.err
    cli("retention", check_id, "--ended", "2026-01-20", "--data-dir", data)
    refused = cli("delete", check_id, "--reason", "Client asked", "--data-dir", data)
    assert refused.code == 1 and "20 January 2031" in refused.err
    early = cli("retention", check_id, "--keep-until", "2027-01-01", "--reason", "Asked",
                "--data-dir", data)  # fmt: skip
    assert early.code == 1 and "20 January 2031" in early.err
    assert len(summaries(cli, data)) == 1


def test_show_and_the_json_say_the_retention(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    check_id = finalized(cli, data, "landlord-residential-all-clear", "do_not_proceed")
    erase_on = TODAY + dt.timedelta(weeks=4)
    shown = cli("show", check_id, "--data-dir", data).out
    assert "Retention: To be erased on" in shown and "Rejected applicant" in shown
    document = json.loads(cli("show", check_id, "--json", "--data-dir", data).out)
    assert document["retention"]["erase_on"] == erase_on.isoformat()
    assert document["retention"]["rule"] == "rejected_applicant"
    kept = cli("retention", check_id, "--keep-until", "2030-01-01", "--reason",
               "Objection pending", "--json", "--data-dir", data)  # fmt: skip
    assert json.loads(kept.out)["erase_on"] == "2030-01-01"
    history = cli("history", check_id, "--data-dir", data).out
    assert "Objection pending" in history


def test_a_bad_date_is_one_sentence(cli, data: str, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as ended:
        cli("retention", "--as-of", "31-12-2026", "--data-dir", data)
    err = capsys.readouterr().err
    assert ended.value.code != 0 and "YYYY-MM-DD" in err and "Traceback" not in err


def test_a_review_is_put_off_with_a_reason(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    check_id = finalized(cli, data, "landlord-residential-hemp-signs", "report_police")
    refused = cli("retention", check_id, "--review-on", "2029-01-01", "--data-dir", data)
    assert refused.code == 1 and "--reason" in refused.err
    kept = cli("retention", check_id, "--review-on", "2029-01-01", "--reason",
               "Police investigation running", "--data-dir", data)  # fmt: skip
    assert kept.code == 0 and "To be reviewed on 1 January 2029" in kept.out
    assert "Police investigation running" in kept.out
    history = cli("history", check_id, "--data-dir", data).out
    assert "kept after a review until 1 January 2029: Police investigation running" in history
