"""When the open review's unsaved work goes to its recovery file: the policy, without timers.

The store's ``Autosaver`` decides *that* a recovery file is due (every 20 decisions, or 30
seconds with unsaved work); this policy decides *when* it is written: once the reviewer
pauses (no decision for ``idle_s``), or once it has waited ``max_wait_s``; one write at a
time, and a newer snapshot replaces one still waiting. A front end asks ``due_in`` how long to
wait for a pause, says when the reviewer ``paused``, and ``take``s what to write then;
writing is a job like any other.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from korrektur.model import Change
from korrektur.store.autosave import Autosaver
from korrektur.store.review import Review
from korrektur.store.reviewfile import Snapshot

IDLE_S = 1.0  # a recovery file is written once the reviewer pauses this long …
MAX_WAIT_S = 30.0  # … or once a write has waited this long
TICK_S = 5.0  # how often a front end lets the store's autosaver look at the clock


@dataclass(frozen=True)
class RecoveryFile:
    """A recovery file to write (``snap`` to ``path`` with the ``extra`` header), or to remove.

    Attributes:
        snap, path, extra: what to write where; ``snap`` None means: remove ``path``.
        then: called once it is safely written.
    """

    path: Path
    snap: Snapshot | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    then: Callable[[], None] | None = field(default=None, compare=False)


class AutosavePolicy:
    """Keeps a recovery file of the open review's unsaved work, a write at a time.

    Attributes:
        folder: where recovery files go (None: the user's data folder).
        autosaver: the store's autosaver of the review watched (None: none).
        writing: a write has been taken and is not finished yet.
    """

    def __init__(
        self,
        folder: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        idle_s: float = IDLE_S,
        max_wait_s: float = MAX_WAIT_S,
    ) -> None:
        self.folder = folder
        self.clock = clock
        self.idle_s = idle_s
        self.max_wait_s = max_wait_s
        self.autosaver: Autosaver | None = None
        self.writing = False
        self._queue: list[RecoveryFile] = []  # removals, and at most one write, in order
        self._deadline = 0.0
        self._paused = False
        self._then: Callable[[], None] | None = None
        self._urgent = False

    # -- the review watched ---------------------------------------------------------------

    def watch(self, review: Review) -> None:
        """Autosave ``review`` from now on (instead of any review watched before)."""
        self.stop()
        self._urgent = any(f.snap is not None for f in self._queue)  # the last one's, first
        self.autosaver = Autosaver(
            review, self.folder, clock=self.clock, writer=self._write, remover=self._remove
        )
        review.add_listener(self._changed)

    def stop(self, keep_unsaved: bool = True) -> None:
        """Stop watching; the recovery file stays only while work is unsaved and wanted.

        A write waiting for a pause is kept to be written (``take`` gives it at once).
        """
        if not keep_unsaved:
            self._queue = [f for f in self._queue if f.snap is None]
        else:
            self._urgent = True
        autosaver, self.autosaver = self.autosaver, None
        if autosaver is not None:
            autosaver.review.remove_listener(self._changed)
            if not keep_unsaved:
                autosaver.discard()
            autosaver.close()

    def _changed(self, _change: Change) -> None:
        self._paused = False

    def paused(self) -> None:
        """The reviewer made no decision for ``idle_s``: a waiting write may go."""
        self._paused = True

    # -- what the store's autosaver asks for ----------------------------------------------

    def tick(self) -> None:
        """Let the store's autosaver write if its interval has passed with unsaved work."""
        if self.autosaver is not None:
            self.autosaver.tick()

    def write_now(self, then: Callable[[], None] | None = None) -> None:
        """Write the recovery file now (no waiting for a pause); ``then`` once it is written."""
        if self.autosaver is not None:
            self._then, self._urgent = then, True
            try:
                self.autosaver.save_now()
            finally:
                self._then = None

    def saved(self) -> None:
        """The review was saved: a write still waiting is older than that; the file goes."""
        self._queue = [f for f in self._queue if f.snap is None]
        if self.autosaver is not None:
            self.autosaver.saved()

    def _write(self, snap: Snapshot, path: Path, extra: dict[str, Any]) -> None:
        waiting = [f for f in self._queue if f.snap is not None]
        if not waiting:
            self._deadline = self.clock() + self.max_wait_s
        then = self._then if self._then is not None else (waiting[0].then if waiting else None)
        self._queue = [f for f in self._queue if f.snap is None]
        self._queue.append(RecoveryFile(path, snap, extra, then))

    def _remove(self, path: Path) -> None:
        self._queue.append(RecoveryFile(path))

    # -- what a front end hands to its jobs -----------------------------------------------

    def due_in(self) -> float | None:
        """Seconds to wait for a pause before ``take`` has something (0: now; None: nothing).

        A front end waits that long after the reviewer's last decision and then calls
        ``paused``; every decision starts the wait again.
        """
        if not self._queue:
            return None
        first = self._queue[0]
        if first.snap is None:
            return 0.0
        if self.writing:
            return None  # after the write under way (``finished`` says when)
        if self._urgent or self._paused or self.idle_s <= 0 or self.clock() >= self._deadline:
            return 0.0
        return self.idle_s

    def take(self) -> RecoveryFile | None:
        """What to write (or remove) now, if anything; a write must be ``finished`` after."""
        if self.due_in() != 0.0:
            return None
        item = self._queue.pop(0)
        if item.snap is not None:
            self.writing, self._urgent = True, False
        return item

    def finished(self, item: RecoveryFile, error: str = "") -> None:
        """``item`` was written (``error`` empty) or not (the autosaver writes again later)."""
        if item.snap is None:
            return
        self.writing = False
        if error:
            if self.autosaver is not None and self.autosaver.path == item.path:
                self.autosaver.write_failed(error)
        elif item.then is not None:
            item.then()
