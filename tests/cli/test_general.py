"""The command line as a whole: version, help, language and what it loads."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import run_subprocess
from vastgoedcheck import __version__


def test_version() -> None:
    result = run_subprocess("--version")
    assert result.code == 0
    assert result.out.strip() == f"vastgoedcheck {__version__}"


def test_help_lists_the_commands() -> None:
    result = run_subprocess("--help")
    assert result.code == 0
    assert "templates" in result.out and "assess" in result.out


def test_templates_list_json_shows_every_pack(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("templates", "list", "--json")
    packs = json.loads(result.out)
    assert len(packs) == 7
    for pack in packs:
        assert set(pack) == {
            "id",
            "version",
            "roles",
            "title",
            "questions",
            "legal_position",
            "review_by",
            "review_due",
        }
        assert pack["title"]["nl"] and pack["title"]["en"]
    assert sum(p["questions"] for p in packs) >= 150


def test_templates_show_json_is_the_pack_file(cli, registry) -> None:  # type: ignore[no-untyped-def]
    result = cli("templates", "show", "notary-transaction", "--json")
    assert result.code == 0
    pack = registry.get("notary-transaction")
    assert result.out.strip() == registry.file_text(pack).strip()
    assert json.loads(result.out)["id"] == "notary-transaction"


def test_templates_show_lists_questions_with_their_marks(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("templates", "show", "landlord-residential")
    assert "RES-01" in result.out and "knock-out" in result.out and "critical" in result.out


def test_unknown_pack_is_one_sentence(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("templates", "show", "holiday-homes")
    assert result.code == 1
    assert "There is no pack holiday-homes" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_the_system_language_decides_and_dutch_is_the_fallback() -> None:
    english = run_subprocess("templates", "list", env={"LANG": "en_GB.UTF-8", "LANGUAGE": ""})
    dutch = run_subprocess("templates", "list", env={"LANG": "nl_NL.UTF-8", "LANGUAGE": ""})
    other = run_subprocess(
        "templates", "list", env={"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": ""}
    )
    assert "Residential letting" in english.out
    assert "Verhuur woning" in dutch.out
    assert "Verhuur woning" in other.out


def test_the_domain_loads_no_gui_storage_or_pdf_library() -> None:
    code = (
        "import sys, vastgoedcheck.domain.assessment, vastgoedcheck.domain.conditions, "
        "vastgoedcheck.domain.check, vastgoedcheck.domain.pack;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'tinydb', 'reportlab', 'babel', 'jsonschema', 'stdnum')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_mistyped_command_gets_usage_and_one_error_line() -> None:
    result = run_subprocess("--lang", "nl", "templates", "shw")
    assert result.code == 1
    assert result.err.startswith("gebruik: vastgoedcheck templates")
    assert "fout: argument ACTIE: ongeldige keuze: 'shw' (kies uit 'list'," in result.err
    assert "Traceback" not in result.err


def test_argparse_reports_a_wrong_command_line_in_the_language_of_the_messages() -> None:
    unknown = run_subprocess("--lang", "nl", "report", "x", "-o", "a.pdf", "--voor", "police")
    assert unknown.code == 1
    assert unknown.err.endswith("vastgoedcheck: fout: onbekende argumenten: --voor police\n")
    missing = run_subprocess("--lang", "nl", "report")
    assert "fout: de volgende argumenten zijn verplicht: ID" in missing.err
    english = run_subprocess("--lang", "en", "report")
    assert "error: the following arguments are required: ID" in english.err
