"""Pause Python's cyclic garbage collector while a piece of work makes objects that stay alive.

Collections in the middle of building a large structure (an analysis's tokens and
suggestions, a review file's records) find nothing to free but walk every young object.
Measured in one process on the bench's 300-page report with the engine loaded and frozen
(``bench/README.md``), CPU time with the collector running against paused: an analysis
4.3 s against 2.5 s, a save 2.1 s against 1.3 s, a JSON export 1.7 s against 1.0 s,
reading the review file 2.4 s against 2.3 s. So the work of a process is done with the
collector paused, in one place per kind of process: each command of a worker
(``workspace.runner.run``), each subcommand of the command line (``cli.main``), each task
of a corpus pool (``corpus.runners``, ``corpus.cluster``); the word engine's analysis too,
which benchmarks and tools call directly; and where the window reads a large message from
its worker (``workspace.worker``), which would otherwise set off full passes over the
review it holds. Reference counting frees memory as usual meanwhile.

One counter for the whole process: pauses may overlap on several threads, and the collector
runs again when the last one ends, and only if it ran before the first.

A process that keeps what a paused piece of work made (the window keeps a review while it is
open) then freezes it (``freeze_new``): otherwise the young objects are walked by the next
collections, on whichever thread triggers them, and the window's GUI thread waits for the
interpreter lock meanwhile (the bench's restore of a 300-page version: two full passes of
about 200 ms on the window's own thread, at load 6).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No collections while the block runs (on any thread: the collector is process-wide)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()


def paused(func: Callable[[T], R], task: T) -> R:
    """``func(task)`` with the collector paused (picklable with ``functools.partial``)."""
    with gc_paused():
        return func(task)


MANY_OBJECTS = 10_000
"""Objects made since the last collection above which ``freeze_new`` freezes them."""


def freeze_new(minimum: int = MANY_OBJECTS) -> bool:
    """Leave out of every later collection what was made since the last one, if it is many.

    For work whose results stay alive (a review the window shows): reference counting
    still frees them, but a reference cycle among them is never collected, so call it only
    where what is made is kept, or freed without cycles. True when it froze.
    """
    if gc.get_count()[0] < minimum:
        return False
    gc.freeze()
    return True
