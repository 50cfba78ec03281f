"""Background jobs that leave the GUI thread the interpreter whenever it asks for it."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from korrektur.gcpause import gc_paused

# While a job runs, the GUI thread gets the GIL back within this many seconds.
JOB_SWITCH_INTERVAL = 0.0005

_lock = threading.Lock()
_jobs = 0
_interval = 0.005


@contextmanager
def gui_keeps_the_gil(freeze: bool = False) -> Iterator[None]:
    """While background Python code runs, let the GUI thread have the GIL whenever it asks.

    Two things otherwise hold the GIL for long stretches: Python's 5 ms switch interval,
    paid at each of a repaint's many Python/Qt crossings, and the cyclic garbage collector,
    whose full passes over the objects a job creates (an analysis's tokens, candidates and
    suggestions; a save's records) take 100–200 ms on a 300-page report. The collector is
    paused for the job. With ``freeze``, what the job built is then frozen: it lives as long
    as the review anyway, and later passes need not walk it again. Jobs may overlap on
    several pools; the interval comes back when the last one ends.
    """
    global _jobs, _interval
    with _lock:
        if _jobs == 0:
            _interval = sys.getswitchinterval()
            sys.setswitchinterval(JOB_SWITCH_INTERVAL)
        _jobs += 1
    try:
        with gc_paused():
            yield
            if freeze:
                gc.freeze()
    finally:
        with _lock:
            _jobs -= 1
            if _jobs == 0:
                sys.setswitchinterval(_interval)
