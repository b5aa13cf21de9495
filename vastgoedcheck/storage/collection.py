"""Pausing Python's cyclic garbage collector while the summary index is read in bulk."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Make many objects without the cyclic garbage collector running in between.

    Parsing 20,000 index rows and making their summaries creates some hundreds of thousands of
    dicts, strings and tuples, none of them in a cycle. Each time enough objects were made, the
    collector walks every object still alive, so it walked these again and again: a third of
    opening and listing a large store. Reference counting still frees what is dropped; the
    collector runs as usual afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
