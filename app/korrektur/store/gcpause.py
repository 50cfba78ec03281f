"""Pause Python's garbage collector while a burst of objects is made that all stay alive."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No collections while the block runs (on any thread: the collector is process-wide).

    Collections triggered in the middle of building a large structure find nothing to free
    but still walk every young object: reading a big review spent a third of its time so,
    and a snapshot for autosave half of it. Pauses may overlap on several threads (a save
    on the worker, a snapshot on the GUI thread): the collector runs again when the last
    one ends, and only if it ran before the first.
    """
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
