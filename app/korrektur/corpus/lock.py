"""One writer per project: an operating-system lock on ``PROJECT/lock``.

The lock is the kernel's (``flock`` on POSIX, ``msvcrt.locking`` on Windows), so it is
released when its process ends in any way, ``kill -9`` included: a crashed run never
leaves a project locked. The holder writes its process id, command and start time into
the file, so that a second writer can say who is at work instead of just failing.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from korrektur.corpus.project import CorpusError
from korrektur.model.session import now_iso


class ProjectBusy(CorpusError):
    """Another process is writing to the project."""


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class WriterLock:
    """The project's writer lock, taken with ``acquire`` and given back with ``release``."""

    def __init__(self, path: Path, command: str) -> None:
        self.path = path
        self.command = command
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock at once, or fail saying who holds it.

        Raises:
            ProjectBusy: another process holds it.
            CorpusError: the lock file cannot be made (a read-only project folder).
        """
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held open)
        except OSError as exc:
            raise CorpusError(
                f"cannot write to the project ({self.path}: {exc.strerror or exc})"
            ) from exc
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise ProjectBusy(
                f"the project is busy: {holder} is writing to it; "
                "wait until it has finished and try again"
            )
        handle.seek(0)
        handle.truncate()
        handle.write(f"korrektur corpus {self.command} (process {os.getpid()}, since {now_iso()})")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock back (the file stays; an unlocked file means nothing)."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
        _unlock(handle)
        handle.close()

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
