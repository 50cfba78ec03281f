"""Where per-document work runs: in this process, in a pool of processes, or on a cluster.

A runner takes a pure function and an iterator of tasks and yields the results as they
come (in any order), with a bounded number of tasks under way, so that neither the tasks'
bytes nor the results pile up in the one process that writes. The task iterator is read
lazily: a task's source is read only when there is room for it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Protocol, TypeVar

from korrektur.gcpause import paused
from korrektur.workspace.parent import watch_parent

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_WORKER = 3
"""Tasks handed out per worker at a time: enough to keep it busy, little to hold."""

POOL_FROM = 16
"""Documents from which work that needs no lexicon (rules, exports, reading review files)
is given to worker processes: starting them costs about a second."""


BACKGROUND_NICE = 5
"""How much lower a window's worker processes run than the window (``in_background``)."""


def in_background(initializer: Callable[[], None] | None = None) -> None:
    """A worker initializer for a window's background work: lower priority, then ``initializer``.

    The window and its workers share the machine's cores: on a busy machine the window's
    thread would wait for a core behind its own workers (and miss its beats) though the
    work can wait for it. Pass ``functools.partial(in_background, warm_up)`` to a pool.
    """
    with contextlib.suppress(OSError, AttributeError):  # (no nice on Windows)
        os.nice(BACKGROUND_NICE)
    if initializer is not None:
        initializer()


class Failed(Exception):
    """A worker process died (killed, out of memory) while it ran a task on its own."""


class Runner(Protocol):
    """Runs a function over tasks and yields the results.

    Attributes:
        shares_files: the workers see this machine's files (they may write review files).
    """

    shares_files: bool

    def map(self, func: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Failed]]:
        """``(task, func(task))`` for every task, in the order they finish."""
        ...

    def close(self) -> None:
        """Stop the workers."""
        ...


RunnerFactory = Callable[[int], "Runner"]
"""Makes the runner for that many tasks (started only when there is work)."""


class InlineRunner:
    """Runs every task here, one after the other (small jobs, tests)."""

    shares_files = True

    def __init__(self, initializer: Callable[[], None] | None = None) -> None:
        if initializer is not None:
            initializer()

    def map(self, func: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Failed]]:
        """Run each task in turn."""
        for task in tasks:
            yield task, paused(func, task)

    def close(self) -> None:
        """Nothing to stop."""


class PoolRunner:
    """A pool of worker processes on this machine.

    Workers are started fresh (``spawn``: nothing of the writer's state, threads or open
    database is inherited) and run ``initializer`` once, e.g. to load the lexicon. When a
    worker dies, every task then under way is tried again in a new pool, alone, so that
    the one that kills its worker is found and given up as ``Failed`` while the others
    go through.
    """

    shares_files = True

    def __init__(self, jobs: int, initializer: Callable[[], None] | None = None) -> None:
        self.jobs = max(1, jobs)
        self.initializer = initializer
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=watch_parent,
            initargs=(self.initializer,),
        )

    def map(self, func: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Failed]]:
        """Run the tasks in the pool, at most a few per worker at a time."""
        source = iter(tasks)
        running: dict[Future[R], T] = {}
        suspects: list[T] = []  # under way when a worker died: each is run again alone
        alone = False
        limit = self.jobs * IN_FLIGHT_PER_WORKER
        exhausted = False
        while True:
            if suspects:
                if not running:
                    alone = True
                    task = suspects.pop()
                    running[self._pool.submit(paused, func, task)] = task
            else:
                alone = False
                while not exhausted and len(running) < limit:
                    try:
                        task = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    running[self._pool.submit(paused, func, task)] = task
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield task, Failed("the worker process stopped (killed or out of memory)")
                    else:
                        suspects.append(task)
                    continue
                yield task, result
            if broken:
                suspects.extend(running.values())
                running.clear()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._start()

    def close(self) -> None:
        """Stop the workers (tasks not started are dropped)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class AdaptiveRunner:
    """Runs a few tasks here, and many in a pool of processes (started when first needed).

    A program that keeps a corpus open (the corpus window) makes decisions of every size:
    one that changes two review files is done before a worker process would have started,
    one that changes five hundred goes several times faster in a pool, and off the
    process whose interpreter the window needs. The pool, once started, is kept until
    ``close``.
    """

    shares_files = True

    def __init__(self, jobs: int, initializer: Callable[[], None] | None = None) -> None:
        self.jobs = jobs
        self.initializer = initializer
        self._pool: PoolRunner | None = None

    def map(self, func: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Failed]]:
        """Inline below ``POOL_FROM`` tasks, else in the pool."""
        source = iter(tasks)
        first = list(islice(source, POOL_FROM))
        if len(first) < POOL_FROM:
            yield from ((task, func(task)) for task in chain(first, source))
            return
        if self._pool is None:
            self._pool = PoolRunner(self.jobs, self.initializer)
        yield from self._pool.map(func, chain(first, source))

    def close(self) -> None:
        """Stop the pool, if it was started."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
