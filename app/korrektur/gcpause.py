"""Pause Python's cyclic garbage collector while a burst of objects is made that all stay alive.

One counter for the whole process: an analysis, a save and a snapshot may overlap on
several threads, and the collector must stay off until the last of them ends.
"""

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
    but still walk every young object: an analysis spent a sixth of its time so, reading a
    big review a third, and a snapshot for autosave half. Reference counting still frees
    memory as usual. Pauses may overlap on several threads (a save
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
