"""``assess`` explains the outcome of a check file and refuses files that do not fit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import REPO, run_subprocess

EXAMPLES = REPO / "docs" / "examples"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def save(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "check.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_output_explains_the_outcome(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("assess", str(EXAMPLES / "broker-buyer-cash-deposit.json"), "--json")
    data = json.loads(result.out)
    assert set(data) >= {
        "outcome",
        "stop",
        "score",
        "reasons",
        "follow_ups",
        "report_channels",
        "patterns",
    }
    assert data["reasons"][0]["item"] == "BUY-07"
    assert "objective Wwft reporting indicator" in data["reasons"][0]["text"]
    assert any("duty of confidentiality" in f["text"] for f in data["follow_ups"])
    assert data["score"] == 10


def test_text_output_names_outcome_reasons_and_channels(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("assess", str(EXAMPLES / "landlord-residential-straw-man.json"))
    assert result.code == 0
    # a stop and a report advice: one sentence
    assert "Outcome: STOP: do not proceed; a report is recommended" in result.out
    assert "Knock-out RES-02" in result.out
    assert "Meld Misdaad Anoniem" in result.out
    assert "FIU" not in result.out


def test_a_landlord_is_told_fiu_is_not_open_to_them(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = load("landlord-residential-all-clear.json")
    document["answers"]["RES-03"] = {"value": "yes"}
    document["answers"]["RES-03a"] = {"value": "15000.00"}
    result = cli("assess", str(save(tmp_path, document)), "--json")
    data = json.loads(result.out)
    assert data["outcome"] == "report_recommended"
    assert "fiu" not in data["report_channels"]
    assert any(r["code"] == "fiu_not_open" for r in data["reasons"])


def test_a_three_signal_pattern_is_reported(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = load("landlord-residential-all-clear.json")
    for item in ("RES-09", "RES-10", "RES-11"):  # all three: concealment (CON)
        document["answers"][item] = {"value": "yes"}
    result = cli("assess", str(save(tmp_path, document)), "--json")
    data = json.loads(result.out)
    assert data["patterns"] == [{"cluster": "CON", "items": ["RES-09", "RES-10", "RES-11"]}]
    assert data["score"] == 6 + 6 + 3 + 6


def test_a_check_that_does_not_fit_is_refused_in_one_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = load("landlord-residential-all-clear.json")
    document["answers"]["RES-77"] = {"value": "yes"}
    document["answers"]["RES-01"] = {"value": "ja"}
    result = cli("assess", str(save(tmp_path, document)))
    assert result.code == 1
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert "cannot be assessed" in lines[0] and "(and 1 more problem)" in lines[0]


def test_unreadable_check_files_are_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "check.json"
    path.write_bytes(b"\xff\xd8\xff\xe0 not json")
    result = cli("assess", str(path))
    assert result.code == 1
    assert "not a UTF-8 text file" in result.err


def test_assess_in_dutch() -> None:
    result = run_subprocess(
        "--lang", "nl", "assess", str(EXAMPLES / "broker-buyer-cash-deposit.json")
    )
    assert result.code == 0
    assert "Meldplicht" in result.out
    assert "Wordt € 10.000 of meer contant" in result.out


def with_decision(tmp_path: Path, decision: dict[str, str]) -> Path:
    document = load("broker-seller-cash-below-threshold.json")
    document["decision"] = decision
    return save(tmp_path, document)


def test_the_recorded_decision_is_shown_with_the_advice(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    decision = {
        "outcome": "report_recommended",
        "reasoning": "Verkoper wil € 5.000 contant; gemeld via het FIU-meldportaal.",
        "decided_at": "2026-11-27T10:15:00+01:00",
    }
    result = cli("assess", str(with_decision(tmp_path, decision)))
    # an earlier version's code, read as the decision it meant: the channel was not recorded
    assert "Your recorded decision: Report (channel not recorded). Verkoper wil" in result.out


def test_a_decision_without_time_zone_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    decision = {"outcome": "proceed", "reasoning": "ok", "decided_at": "2026-11-27T10:15"}
    result = cli("assess", str(with_decision(tmp_path, decision)))
    assert result.code == 1
    assert "$.decision.decided_at" in result.err


def test_a_check_without_answers_is_incomplete_not_proceed(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    data = load("landlord-residential-all-clear.json")
    data["answers"] = {}
    path = save(tmp_path, data)
    result = cli("assess", str(path))
    assert result.code == 0
    assert "Outcome: Incomplete — no advice yet" in result.out
    assert "Outcome: Proceed" not in result.out
    assert "questions that decide the outcome are not answered yet (RES-00, " in result.out
    document = json.loads(cli("assess", str(path), "--json").out)
    assert document["complete"] is False
    assert document["open_questions"][0] == "RES-00"


def test_a_stop_answered_first_is_printed_with_the_questions_still_open(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    data = load("landlord-residential-straw-man.json")
    data["answers"] = {key: data["answers"][key] for key in ("RES-00", "RES-02")}
    result = cli("assess", str(save(tmp_path, data)))
    assert "STOP: do not proceed" in result.out
    assert "Knock-out RES-02" in result.out
    assert "Incomplete: " in result.out and "(RES-03, RES-04, " in result.out
    assert "Outcome: Incomplete" not in result.out  # the stop is not hidden as "incomplete"


def test_a_complete_check_says_nothing_is_open(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("assess", str(EXAMPLES / "landlord-residential-all-clear.json"), "--json")
    assert json.loads(result.out)["complete"] is True
    assert (
        "Incomplete" not in cli("assess", str(EXAMPLES / "landlord-residential-all-clear.json")).out
    )
