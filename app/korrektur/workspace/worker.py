"""The window's worker process: started once and kept (it holds the lexicon), restarted if it dies.

The window sends jobs (``runner.Job``) down a pipe; the worker runs them one after the
other and sends every message back (``runner.Message``). Nothing the worker does can hold
up the window: it has an interpreter of its own. A job is cancelled through a number in
shared memory, which an analysis checks as it goes.

If the worker dies (killed, out of memory, a crash in a library), every job it had is
reported ``Failed`` with kind ``WorkerStopped`` and a new worker is started for the next
job. The window keeps every decision: a save that died with the worker is simply not
saved.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import queue
import threading
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from typing import Any

from korrektur.gcpause import gc_paused
from korrektur.workspace import channel, commands, engines
from korrektur.workspace.engines import EngineFactory, default_engine
from korrektur.workspace.parent import watch_parent
from korrektur.workspace.runner import Call, Cancelled, Done, Failed, Job, Listener, Message, run
from korrektur.workspace.transfer import Held

log = logging.getLogger(__name__)

STOPPED = "WorkerStopped"
KEPT_BYTES = 1 << 16  # a message this large brings a result the window keeps (see _receive)


def _warm_up() -> None:
    try:
        commands.warm_up()
    except Exception:  # the analysis that needs the engine reports it to the user
        log.exception("building the engine failed")


def serve(
    connection: Connection,
    cancel: Synchronized,  # type: ignore[type-arg]
    factory: EngineFactory,
) -> None:
    """The worker's main loop: receive a job, run it, send its messages; until the pipe closes.

    The engine is built on a thread of its own while the first jobs (reading recovery
    files, say) are served; an analysis waits for it.
    """
    watch_parent()
    engines.use_engine(factory)
    threading.Thread(target=_warm_up, name="warm-up", daemon=True).start()
    sending = threading.Lock()

    def send(message: Message) -> None:
        with sending:
            channel.send(connection, message)

    while True:
        try:
            number, command = channel.receive(connection)
        except (EOFError, OSError):
            return
        if command is None:  # the window closes
            return
        try:
            request = channel.receive(connection)
        except (EOFError, OSError):
            return
        except Exception as exc:  # a request naming what this worker does not hold
            send(Failed(number, f"{type(exc).__name__}: {exc}", type(exc).__name__, False))
            continue
        send(run(Job(number, command, request), _call(number, send, cancel)))


def _call(number: int, send: Listener, cancel: Any) -> Call:
    def stop() -> bool:
        return bool(cancel.value >= number)

    return Call(number, send, stop, in_worker=True)


class WorkerProcess:
    """The window's side of the worker process.

    Jobs are sent in order by a thread of their own (pickling a large request never holds
    up the caller); a second thread receives the messages and hands each to ``listener``
    (on that thread). ``generation`` counts the processes started: what a worker holds
    (``transfer.Held``) is only named to the worker of the same generation.

    Attributes:
        generation: 1 for the first process, +1 for each restart.
    """

    def __init__(
        self,
        listener: Listener,
        factory: EngineFactory = default_engine,
    ) -> None:
        self.listener = listener
        self.factory = factory
        self.generation = 0
        self._lock = threading.Lock()
        self._pending: dict[int, Job] = {}
        self._closing = False
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._outbox: queue.Queue[tuple[Job, Held | None] | None] = queue.Queue()
        self._cancel: Any = None
        self._threads: list[threading.Thread] = []
        self._start()

    @property
    def pid(self) -> int | None:
        """The worker process's id (tests kill it)."""
        return self._process.pid if self._process is not None else None

    @property
    def busy(self) -> bool:
        """True while jobs are under way."""
        with self._lock:
            return bool(self._pending)

    def _start(self) -> None:
        here, there = self._context.Pipe()
        cancel = self._context.Value("q", 0, lock=False)
        process = self._context.Process(
            target=serve,
            args=(there, cancel, self.factory),
            name="korrektur-worker",
            daemon=True,
        )
        process.start()
        there.close()
        self.generation += 1
        self._process, self._cancel, self._outbox = process, cancel, queue.Queue()
        sender = threading.Thread(
            target=self._send_jobs, args=(here, self._outbox, self.generation), daemon=True
        )
        receiver = threading.Thread(
            target=self._receive, args=(here, process, self.generation), daemon=True
        )
        sender.name, receiver.name = "worker-send", "worker-receive"
        self._threads = [sender, receiver]
        sender.start()
        receiver.start()

    def submit(self, job: Job, held: object = None) -> None:
        """Send ``job`` after the jobs before it; its messages go to the listener.

        ``held`` (a ``transfer.Held``) names what the worker holds instead of sending it,
        if it is the worker now running.
        """
        with self._lock:
            if self._closing:
                raise RuntimeError("the worker process is closed")
            self._pending[job.number] = job
            self._outbox.put((job, held if isinstance(held, Held) else None))

    def cancel(self, number: int) -> None:
        """Ask job ``number`` and any older job to stop."""
        with self._lock:
            if self._cancel is not None and self._cancel.value < number:
                self._cancel.value = number

    def _send_jobs(
        self,
        connection: Connection,
        outbox: queue.Queue[tuple[Job, Held | None] | None],
        generation: int,
    ) -> None:
        while True:
            item = outbox.get()
            if item is None:
                with contextlib.suppress(OSError, ValueError):
                    channel.send(connection, (0, None))  # the worker ends after its jobs
                return
            job, held = item
            if held is not None and held.generation != generation:
                held = None  # another worker holds nothing of it
            try:
                channel.send(connection, (job.number, job.command))
                with gc_paused():  # see _receive
                    channel.send(connection, job.request, held)
            except (OSError, ValueError):
                return  # the worker died: the receiver reports it
            except Exception as exc:  # a request that cannot be pickled is a bug
                log.exception("a job could not be sent to the worker")
                self._finish(Failed(job.number, f"{type(exc).__name__}: {exc}", "", False))

    def _receive(self, connection: Connection, process: Any, generation: int) -> None:
        """Read the worker's messages; when it is gone, say so (``_stopped``).

        A large message is read with the garbage collector paused: the window holds a
        whole review already (a million objects), and each full pass over it that the new
        objects would set off holds the interpreter lock for a second. What a message of
        ``KEPT_BYTES`` or more brings (a review, a saved version, a comparison) is kept while
        it is open or shown, or freed by reference counting: it is frozen out of the
        collector's passes. (From 1 MB down to 64 kB: a saved version's 22,000 changes, not
        frozen, cost the next young collection 27-41 ms on this thread, at load 6.)
        """
        while True:
            try:
                connection.poll(None)  # (waiting for the worker holds nothing up)
                with gc_paused():
                    message, size = channel.receive_sized(connection)
                    if size >= KEPT_BYTES:
                        gc.freeze()
            except (EOFError, OSError):
                break
            except Exception:  # a message that cannot be unpickled: a bug in the worker
                log.exception("a message from the worker could not be read")
                continue
            self._finish(message)
        connection.close()
        process.join(5)
        self._stopped(generation, process.exitcode)

    def _finish(self, message: Message) -> None:
        if not isinstance(message, Done | Failed | Cancelled):
            self.listener(message)
            return
        with self._lock:
            known = self._pending.pop(message.number, None) is not None
        if known:
            self.listener(message)

    def _stopped(self, generation: int, code: int | None) -> None:
        """The worker of ``generation`` ended: if it was not asked to, fail its jobs, restart."""
        with self._lock:
            if self._closing or generation != self.generation:
                return
            lost = sorted(self._pending)
            self._pending.clear()
            self._outbox.put(None)
            self._start()
        why = f"exit code {code}" if code is not None and code >= 0 else f"signal {-(code or 0)}"
        for number in lost:
            self.listener(
                Failed(
                    number,
                    f"the worker process stopped ({why}); it was started again",
                    STOPPED,
                    expected=False,
                )
            )

    def close(self, timeout: float = 10.0) -> None:
        """Stop the worker once it has run the jobs sent to it; wait for it and its threads.

        A worker still busy after ``timeout`` seconds is terminated.
        """
        with self._lock:
            if self._closing:
                return
            self._closing = True
            self._outbox.put(None)
            process, threads = self._process, list(self._threads)
        sender, receiver = threads
        sender.join(timeout)
        process.join(timeout)
        if process.is_alive():
            process.terminate()
            process.join(timeout)
        receiver.join(timeout)

    def kill(self) -> None:
        """Kill the worker now (tests of a worker that dies)."""
        self._process.kill()
