"""Stopping a store operation at its n-th file-system change, as a killed process would."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from vastgoedcheck.storage.errors import StoreError

CHANGES = ("replace", "rename", "unlink", "rmdir")


class Killed(BaseException):
    """Stands for the process being killed: nothing after it runs, no clean-up either."""


class Stop:
    """Whether the operation was stopped: it got as far as the step, or finished before."""

    reached = False


@contextmanager
def stopped_at(step: int, failure: BaseException | None = None) -> Iterator[Stop]:
    """Run the block with the ``step``-th file-system change (rename, delete) never happening:
    it raises ``failure`` (default: ``Killed``). ``Stop.reached`` says whether the block got
    that far; the raised error (Killed, or the store's sentence for ``failure``) ends the block
    quietly, as the stopped process ends."""
    calls = {"count": 0}
    originals = {name: getattr(os, name) for name in CHANGES}

    def counted(name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls["count"] += 1
            if calls["count"] == step:
                raise failure or Killed()
            return originals[name](*args, **kwargs)

        return call

    stop = Stop()
    patch = pytest.MonkeyPatch()
    try:
        for name in originals:
            patch.setattr(os, name, counted(name))
        yield stop
    except Killed:
        stop.reached = True
    except StoreError:
        assert failure is not None, "only the given failure may end the operation"
        stop.reached = True
    finally:
        patch.undo()
