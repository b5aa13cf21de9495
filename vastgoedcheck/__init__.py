"""vastgoedcheck: offline red-flag checks against criminal misuse of Dutch real estate."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "vastgoedcheck"
