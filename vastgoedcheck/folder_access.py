"""Making a new data folder that only its user can read, also on Windows."""

from __future__ import annotations

import getpass
import locale
import os
import subprocess
import sys
from pathlib import Path

from vastgoedcheck.i18n import _

# Well-known Windows accounts, by security identifier (the same in every language).
_SYSTEM = "*S-1-5-18"
_ADMINISTRATORS = "*S-1-5-32-544"


def make_private_folder(folder: Path) -> str | None:
    """Create ``folder`` (and its parents) readable by this user only. On Windows, where
    0700 means nothing and a folder such as C:\\vastgoedcheck inherits "Authenticated Users:
    Modify", it gets its own access list: the user, SYSTEM and Administrators. Returns a
    warning when that failed; OSError when the folder cannot be made at all."""
    folder.mkdir(0o700, parents=True, exist_ok=True)
    if sys.platform != "win32":
        return None
    reason = _protect_on_windows(folder)
    if reason is None:
        return None
    return _(
        "the permissions of the new data folder {folder} could not be limited to you ({reason}); "
        "other users of this computer may be able to read it"
    ).format(folder=folder, reason=reason)


def _account() -> str:
    user = os.environ.get("USERNAME") or getpass.getuser()
    domain = os.environ.get("USERDOMAIN")
    return f"{domain}\\{user}" if domain else user


def _protect_on_windows(folder: Path) -> str | None:
    """Replace the inherited access list of ``folder``; None, or why it failed."""
    everything = "(OI)(CI)F"  # full control, passed on to every file and folder inside
    command = [
        "icacls",
        str(folder),
        "/inheritance:r",
        "/grant:r",
        f"{_account()}:{everything}",
        f"{_SYSTEM}:{everything}",
        f"{_ADMINISTRATORS}:{everything}",
    ]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=30,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console flashing
        )
    except (OSError, subprocess.SubprocessError) as error:
        return str(getattr(error, "strerror", None) or error)
    if done.returncode == 0:
        return None
    said = (done.stderr or done.stdout).decode(locale.getpreferredencoding(False), "replace")
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    return lines[0] if lines else f"icacls {done.returncode}"
