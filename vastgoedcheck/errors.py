"""The error a user can fix, shared by the command line and the desktop app."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; the message is one translated sentence."""

    exit_code = 1  # what the command line ends with
