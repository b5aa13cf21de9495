"""The command line: ``vastgoedcheck`` sub-commands, and the desktop app when none is given."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from vastgoedcheck import APP_NAME, __version__
from vastgoedcheck.cli.output import fail, prepare_streams
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import LANGUAGES, N_, _, ngettext, set_language
from vastgoedcheck.storage.collection import collector_paused

# Nor is there anything for the collector to find in its last walk, at exit, over everything
# still alive (about 0.1 s after a listing of 20,000 checks).
atexit.register(gc.disable)

# The mistakes on the command line that argparse itself reports. It looks each message up with
# the ``_`` of its own module when the mistake happens; main() points that at the catalogue, so
# the whole error is in the language of the messages.
ARGPARSE_MESSAGES = (
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unexpected option string: %s"),
    N_("can't open '%(filename)s': %(error)s"),
)
# Plural messages of argparse, looked up with its ``ngettext`` (also pointed at the catalogue).
ARGPARSE_PLURALS = (ngettext("expected %s argument", "expected %s arguments", 2),)


def _language_from(argv: Sequence[str]) -> str | None:
    """The global ``--lang`` value, read before the parser exists so that its help is
    translated. Only options before the sub-command count: ``report --lang`` is the language
    of the report, not of the messages."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--lang":
            return argv[index + 1] if index + 1 < len(argv) else None
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if not arg.startswith("-"):
            return None  # the sub-command
        index += 2 if arg == "--data-dir" else 1
    return None


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class LocalisedParser(argparse.ArgumentParser):
    """An argument parser whose help headings speak the active language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.command_names: list[str] = []
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", help=_("show this help and exit"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


def _window_only(argv: Sequence[str]) -> bool:
    """True when only ``--lang`` and ``--data-dir`` are given: the desktop app is started
    without importing every command first (it comes up sooner)."""
    index = 0
    while index < len(argv):
        if argv[index] in ("--lang", "--data-dir"):
            index += 2
        elif argv[index].startswith(("--lang=", "--data-dir=")):
            index += 1
        else:
            return False
    return True


def _window_parser() -> LocalisedParser:
    """The options of the desktop app, with the same names, choices and errors as in the full
    parser."""
    parser = LocalisedParser(prog=APP_NAME)
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--data-dir", metavar=_("FOLDER"))
    parser.set_defaults(command=None)
    return parser


def build_parser() -> LocalisedParser:
    from vastgoedcheck.cli import (
        assess_command,
        backup_command,
        checks_command,
        exchange_command,
        history_command,
        init_command,
        lifecycle_command,
        passphrase_command,
        record_command,
        related_command,
        report_command,
        retention_command,
        templates_command,
    )
    from vastgoedcheck.cli.store_access import add_data_dir_option

    parser = LocalisedParser(
        prog=APP_NAME,
        description=_(
            "Red-flag checks against criminal misuse of real estate, for landlords, estate agents "
            "and notaries. Everything stays on this computer."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("language of the messages (default: the system language, else Dutch)"),
    )
    add_data_dir_option(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    init_command.register(commands)
    passphrase_command.register(commands)
    templates_command.register(commands)
    assess_command.register(commands)
    exchange_command.register(commands)
    checks_command.register(commands)
    history_command.register(commands)
    related_command.register(commands)
    lifecycle_command.register(commands)
    backup_command.register(commands)
    report_command.register(commands)
    record_command.register(commands)
    retention_command.register(commands)
    parser.command_names = list(commands.choices)
    return parser


def _given_file(argv: Sequence[str], commands: Sequence[str]) -> tuple[Path | None, list[str]]:
    """A file given instead of a sub-command (a file association, a file dropped on the
    program), and the arguments without it. A word that is no command and names no file
    ("lsit") is left for the parser to call a mistake."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in ("--lang", "--data-dir"):
            index += 2
            continue
        if arg.startswith("-"):
            index += 1
            continue
        if arg in commands:
            return None, list(argv)
        if Path(arg).exists() or Path(arg).suffix or "/" in arg or "\\" in arg:
            return Path(arg), [*argv[:index], *argv[index + 1 :]]
        return None, list(argv)
    return None, list(argv)


def _parse_in_a_window(
    parser: argparse.ArgumentParser, argv: Sequence[str]
) -> argparse.Namespace | int:
    """The parsed arguments, or (after showing in a window what the parser said: its error,
    ``--help``, ``--version``) the exit code: without a console it would say it to no one."""
    said = io.StringIO()
    try:
        with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
            return parser.parse_args(argv)
    except SystemExit as stop:
        from vastgoedcheck.ui.app import show_message

        show_message(said.getvalue().strip())
        return stop.code if isinstance(stop.code, int) else 1


def main(argv: Sequence[str] | None = None) -> int:
    windowed = prepare_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_from(args_list))
    argparse._ = _  # type: ignore[attr-defined]  # see ARGPARSE_MESSAGES
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    parser = _window_parser() if _window_only(args_list) else build_parser()
    given, args_list = _given_file(args_list, parser.command_names)
    if windowed:
        parsed = _parse_in_a_window(parser, args_list)
        if isinstance(parsed, int):
            return parsed
        args = parsed
    else:
        args = parser.parse_args(args_list)
    if args.command is None or given is not None:
        from vastgoedcheck.ui.app import run  # Qt is loaded only for the desktop app

        return run(data_folder=args.data_dir, language=args.lang, open_file=given)
    if windowed:  # its output would go nowhere
        from vastgoedcheck.ui.app import show_message

        show_message(
            _(
                "This is the desktop app; the command {command} is run with the command-line "
                "program, {program}."
            ).format(command=args.command, program=f"{APP_NAME}-cli")
        )
        return 2
    # A command is one short run that makes tens of thousands of rows, and reference counting
    # frees what it drops: the cyclic collector's walks over them cost more than they find
    # (a backup of 20,000 checks: 2.4 s with them, 1.3 s without, the same peak memory).
    try:
        with collector_paused():
            result: int = args.handler(args)
    except UserError as error:
        fail(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (e.g. `| head`): nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return result
