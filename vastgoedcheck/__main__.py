"""Run the command line with ``python -m vastgoedcheck``."""

from __future__ import annotations

import sys

from vastgoedcheck.cli import main

sys.exit(main())
