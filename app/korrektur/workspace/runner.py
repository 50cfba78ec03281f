"""Jobs, the messages they send back, and the runner that runs them here and now.

A job is one call of a command (``commands``): a function that takes a request and a
``Call`` and returns a result. Whatever runs it (``InlineRunner`` here, on this thread;
``worker.WorkerProcess`` in the window's worker process) reports through the same
messages, in this order: any number of ``Progress`` and ``Note``, then exactly one of
``Done``, ``Failed`` or ``Cancelled``.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from korrektur.engine import AnalysisCancelled
from korrektur.gcpause import gc_paused
from korrektur.model import DocumentError
from korrektur.store.atomic import WriteError
from korrektur.store.review import Review
from korrektur.store.validate import ReviewFileError
from korrektur.workspace import engines as engine_module
from korrektur.workspace.engines import EngineFactory, EngineHolder

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05  # seconds between progress messages: enough for a bar, no flood

# What a command may fail with in the normal course of things: said to the user as it is.
EXPECTED: tuple[type[BaseException], ...] = (
    DocumentError,
    ReviewFileError,
    WriteError,
    OSError,
    ValueError,
    KeyError,
)


@dataclass(frozen=True)
class Job:
    """One call of ``command(request, call)``, numbered by whoever asked for it."""

    number: int
    command: Callable[[Any, Call], Any]
    request: object


@dataclass(frozen=True)
class Progress:
    """Job ``number`` has done ``done`` of ``total`` units."""

    number: int
    done: int
    total: int


@dataclass(frozen=True)
class Note:
    """Job ``number`` has a partial result (the document read, before its analysis)."""

    number: int
    what: object


@dataclass(frozen=True)
class Done:
    """Job ``number`` returned ``result``."""

    number: int
    result: object


@dataclass(frozen=True)
class Failed:
    """Job ``number`` failed.

    Attributes:
        message: why, for the user.
        kind: the exception's class name (``DocumentError``, ``ReviewFileError``, …);
            ``WorkerStopped`` when the worker process died under it.
        expected: a failure of the normal course of things (a bad file, a full disk), not
            a bug.
    """

    number: int
    message: str
    kind: str = ""
    expected: bool = True


@dataclass(frozen=True)
class Cancelled:
    """Job ``number`` stopped because it was asked to."""

    number: int


Message = Progress | Note | Done | Failed | Cancelled
Listener = Callable[[Message], None]
"""Gets every message; a runner may call it on any thread."""


class Call:
    """What a running command may do besides returning a result.

    Attributes:
        number: the job's number.
        in_worker: the command runs in a worker process (it may ``hold`` a review there).
        engines: the engine to analyse with (this process's, unless a runner has its own).
    """

    def __init__(
        self,
        number: int,
        send: Listener,
        stop: Callable[[], bool] = lambda: False,
        in_worker: bool = False,
        engines: EngineHolder | None = None,
    ) -> None:
        self.number = number
        self.in_worker = in_worker
        self.engines = engines if engines is not None else engine_module.PROCESS
        self._send = send
        self._stop = stop
        self._last = 0.0

    def report(self, done: int, total: int) -> None:
        """``done`` of ``total`` units are done (sent at most every ``PROGRESS_INTERVAL``)."""
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._send(Progress(self.number, done, total))

    def cancelled(self) -> bool:
        """True once the job was asked to stop."""
        return self._stop()

    def note(self, what: object) -> None:
        """Send a partial result now."""
        self._send(Note(self.number, what))

    def hold(self, review: Review) -> int | None:
        """Keep ``review``'s unchanging parts in this worker; its token (None: not a worker)."""
        if not self.in_worker:
            return None
        from korrektur.workspace.transfer import hold  # noqa: PLC0415 (only workers need it)

        return hold(review)


def failure(number: int, exc: BaseException) -> Failed:
    """The ``Failed`` message for ``exc`` (an unexpected one is logged with its traceback)."""
    if isinstance(exc, EXPECTED):
        return Failed(number, str(exc).strip("'\""), type(exc).__name__)
    log.error("a background job failed", exc_info=exc)
    return Failed(number, f"{type(exc).__name__}: {exc}", type(exc).__name__, expected=False)


def run(job: Job, call: Call) -> Message:
    """Run ``job``; its last message (``Done``, ``Failed`` or ``Cancelled``)."""
    try:
        with gc_paused():  # (see korrektur.gcpause)
            result = job.command(job.request, call)
    except AnalysisCancelled:
        return Cancelled(job.number)
    except Exception as exc:  # a bug must not take the window, or the worker, down
        return failure(job.number, exc)
    return Done(job.number, result)


class Runner(Protocol):
    """Where jobs run; every message goes to the listener given when it was made."""

    def submit(self, job: Job, held: object = None) -> None:
        """Run ``job`` after the jobs submitted before it (``held``: see ``transfer.Held``)."""
        ...

    def cancel(self, number: int) -> None:
        """Ask job ``number`` (and any older one still running) to stop."""
        ...

    def close(self) -> None:
        """Stop; jobs not yet run are dropped."""
        ...


class InlineRunner:
    """Runs each job at once on the calling thread (the command line, tests).

    Its messages reach the listener before ``submit`` returns. ``engine`` makes its own
    engine (default: this process's).
    """

    def __init__(self, listener: Listener, engine: EngineFactory | None = None) -> None:
        self.listener = listener
        self.engines = EngineHolder(engine) if engine is not None else engine_module.PROCESS
        self._cancelled = 0

    def submit(self, job: Job, held: object = None) -> None:
        """Run ``job`` now."""

        def stop() -> bool:
            return self._cancelled >= job.number

        self.listener(run(job, Call(job.number, self.listener, stop, engines=self.engines)))

    def cancel(self, number: int) -> None:
        """Jobs up to ``number`` that check it stop."""
        self._cancelled = max(self._cancelled, number)

    def close(self) -> None:
        """Nothing is left running."""


class ThreadRunner:
    """Runs jobs one after the other on a thread of this process (tests that watch an engine).

    The window runs commands in its worker process; this runner keeps them in the test's
    process, so a test can look into the engine it gave (``engine``).
    """

    def __init__(self, listener: Listener, engine: EngineFactory | None = None) -> None:
        self.listener = listener
        self.engines = EngineHolder(engine) if engine is not None else engine_module.PROCESS
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._cancelled = 0
        self._thread = threading.Thread(target=self._work, name="job-runner", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            self.listener(run(job, self._call(job.number)))

    def _call(self, number: int) -> Call:
        def stop() -> bool:
            return self._cancelled >= number

        return Call(number, self.listener, stop, engines=self.engines)

    def submit(self, job: Job, held: object = None) -> None:
        """Run ``job`` on the thread after the jobs before it."""
        self._jobs.put(job)

    def cancel(self, number: int) -> None:
        """Jobs up to ``number`` that check it stop."""
        self._cancelled = max(self._cancelled, number)

    def close(self) -> None:
        """Run what was submitted, then end the thread."""
        self._jobs.put(None)
        self._thread.join()
