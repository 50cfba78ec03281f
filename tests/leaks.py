"""What a test may leave running: no thread and no child process beyond what it found."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GRACE_S = 5.0  # threads and processes that are ending are given this long

LONG_LIVED: list[Callable[[], tuple[set[threading.Thread], set[int]]]] = []
"""What fixtures of a whole session keep running on purpose (threads, process ids)."""

LIBRARY_THREADS = ("IO loop", "Dask-Offload")
"""Threads dask.distributed starts once per process and never stops (its event loop and
offload executor); a cluster the test closed leaves only these."""


def _children() -> frozenset[int]:
    """This process's child processes (alive or not yet reaped)."""
    me, found = os.getpid(), set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me and fields[0] != "Z":
            found.add(int(entry.name))
    return frozenset(found)


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:200]
    except OSError:
        return "?"


@dataclass(frozen=True)
class Leaks:
    """Threads and child processes at one moment (Qt's pools: ``tests/ui/conftest.py``)."""

    threads: frozenset[threading.Thread]
    children: frozenset[int]

    @classmethod
    def now(cls) -> Leaks:
        # (a _DummyThread is Python's note of a Qt thread that ran Python: Qt's pools are
        # checked in tests/ui/conftest.py, and such notes are never taken away)
        threads = (t for t in threading.enumerate() if not isinstance(t, threading._DummyThread))
        return cls(frozenset(threads), _children())

    def since(self, before: Leaks) -> str:
        """What runs now that did not before ("" when nothing), after a grace period."""
        deadline = time.monotonic() + GRACE_S
        now = self
        while True:
            kept_threads: set[threading.Thread] = set()
            kept_children: set[int] = set()
            for owner in LONG_LIVED:
                threads_kept, children_kept = owner()
                kept_threads |= threads_kept
                kept_children |= children_kept
            threads = [
                t
                for t in now.threads - before.threads - kept_threads
                if t.is_alive() and not t.name.startswith(LIBRARY_THREADS)
            ]
            children = sorted(
                pid
                for pid in now.children - before.children - kept_children
                if "multiprocessing.resource_tracker" not in _command(pid)  # (Python's own)
            )
            if not threads and not children:
                return ""
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
            now = Leaks.now()
        parts = [f"thread {t.name}" for t in threads]
        parts += [f"process {pid} ({_command(pid)})" for pid in children]
        return ", ".join(parts)
