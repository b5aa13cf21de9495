"""Without a command the desktop app starts from a parser that knows only its own options;
anything more (help, a command, a wrong option) goes to the full command line as before."""

from __future__ import annotations

import pytest

from vastgoedcheck.cli import main


def test_help_after_the_window_options_still_lists_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "en", "--data-dir", "somewhere", "--help"])
    assert ended.value.code == 0
    said = capsys.readouterr().out
    assert "report" in said and "restore" in said


def test_a_wrong_language_is_one_sentence_and_exit_code_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "fr"])
    assert ended.value.code == 1
    usage, error = capsys.readouterr().err.splitlines()  # in the system language
    assert usage.startswith(("usage:", "gebruik:"))
    assert "--lang" in error and "'fr'" in error


def test_an_unknown_option_is_refused_by_the_full_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "en", "--colour"])
    assert ended.value.code == 1
    assert "--colour" in capsys.readouterr().err
