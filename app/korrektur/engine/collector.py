"""Pause Python's cyclic garbage collector while an analysis builds its many small objects."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0  # analyses running with the collector paused
_was_enabled = False


@contextmanager
def paused_collector() -> Iterator[None]:
    """Run the block with the cyclic collector off; it is switched back on afterwards.

    An analysis allocates hundreds of thousands of small objects that live until it ends;
    the collector would traverse them again and again (a sixth of the run time) to find
    cycles the analysis does not make. Reference counting still frees memory as usual.
    Nested or concurrent uses keep it off until the last one ends.
    """
    global _active, _was_enabled
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _was_enabled:
                gc.enable()
