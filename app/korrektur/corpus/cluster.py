"""The same per-document tasks on a Dask distributed cluster (``pip install korrektur[cluster]``).

Tasks carry the source bytes, so workers need no shared file system; only the writer (this
process) reads sources and writes review files. Each worker process keeps its engine, so
the lexicon is loaded once per worker (at the start, by ``Client.run``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from korrektur.corpus.project import CorpusError
from korrektur.corpus.runners import IN_FLIGHT_PER_WORKER, Failed
from korrektur.gcpause import paused

T = TypeVar("T")
R = TypeVar("R")

INSTALL_HINT = "install the cluster extra: pip install 'korrektur[cluster]'"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise CorpusError(
            f"--dask needs Dask distributed, which is not installed; {INSTALL_HINT}"
        ) from None
    return distributed


class DaskRunner:
    """Tasks on the workers of a Dask scheduler.

    Attributes:
        address: the scheduler (``tcp://HOST:8786``), or a ``distributed.Client``
            already connected (tests pass a ``LocalCluster``'s).
    """

    shares_files = False

    def __init__(
        self, address: Any, initializer: Callable[[], None] | None = None, timeout: float = 30
    ) -> None:
        distributed = _distributed()
        self._own = isinstance(address, str)
        try:
            self.client: Any = (
                distributed.Client(address, timeout=timeout) if self._own else address
            )
        except OSError as exc:
            raise CorpusError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self._as_completed = distributed.as_completed
        self._cancelled = distributed.client.FutureCancelledError
        workers = self.client.scheduler_info().get("workers", {})
        if not workers:
            self.close()
            raise CorpusError(f"the Dask scheduler at {address} has no workers")
        self.threads = sum(int(w.get("nthreads", 1)) for w in workers.values())
        if initializer is not None:
            self.client.run(initializer)

    def map(self, func: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Failed]]:
        """Submit tasks a few per worker thread at a time; yield results as they finish.

        Raises:
            CorpusError: the cluster itself failed (the scheduler went away); what was
                done until then is kept by the writer.
        """
        try:
            yield from self._map(func, tasks)
        except (OSError, TimeoutError, self._cancelled) as exc:
            raise CorpusError(f"the Dask cluster failed: {type(exc).__name__}: {exc}") from exc

    def _map(self, func: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Failed]]:
        source = iter(tasks)
        running: dict[Any, T] = {}
        pending = self._as_completed()

        def submit() -> bool:
            try:
                task = next(source)
            except StopIteration:
                return False
            future = self.client.submit(paused, func, task, pure=False)
            running[future] = task
            pending.add(future)
            return True

        for _ in range(self.threads * IN_FLIGHT_PER_WORKER):
            if not submit():
                break
        for future in pending:
            task = running.pop(future)
            try:
                result = future.result()
            except Exception as exc:  # the worker died or the task could not run there
                yield task, Failed(f"the Dask worker failed: {type(exc).__name__}: {exc}")
            else:
                yield task, result
            future.release()
            submit()

    def close(self) -> None:
        """Disconnect (a cluster passed in is left running)."""
        if self._own:
            self.client.close()
