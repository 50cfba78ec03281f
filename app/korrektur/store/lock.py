"""One writer at a time per review file, and no save over changes another program made.

Two programs that read a review, add a version and write it back would each write the file
without the other's version (the window and ``korrektur versions --revert`` on one review is
the everyday case). A save therefore holds a lock beside the review file while it writes,
and a command line edit holds it from reading to writing; and a save checks that the file
is still the one its review was read from (or last saved as), refusing when another program
wrote it meanwhile: nothing is lost, the work stays open and can be saved under another name.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from korrektur.store.atomic import WriteError

WAIT = 30.0  # seconds to wait for another program's save before giving up
_POLL = 0.05

_held: dict[Path, int] = {}  # locks this process holds, by review file: taken again freely
_held_lock = threading.Lock()


class Stamp(NamedTuple):
    """What identifies one written state of a file: replaced or rewritten, it changes."""

    inode: int
    size: int
    mtime_ns: int


def stamp_of(path: Path) -> Stamp | None:
    """The file's stamp now (None when there is no file)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return Stamp(info.st_ino, info.st_size, info.st_mtime_ns)


class ChangedOnDisk(WriteError):
    """The review file was written by another program since this review was read."""


def check_unchanged(path: Path, expected: Stamp | None) -> None:
    """Refuse to write ``path`` if it is no longer the file stamped ``expected``.

    ``expected`` None: the review was not read from ``path`` nor saved there (a new review,
    or Save As): nothing to compare.

    Raises:
        ChangedOnDisk: another program wrote (or removed) the file since.
    """
    if expected is not None and stamp_of(path) != expected:
        raise ChangedOnDisk(
            f"{path.name} was changed by another program (another window or a korrektur "
            "command) since it was opened; nothing was written. Save under another name, "
            "or open the file again to see the other changes"
        )


def lock_path(path: Path) -> Path:
    """The lock file of review file ``path``: beside it, hidden, there while it is held."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def review_lock(path: Path, wait: float = WAIT) -> Iterator[None]:
    """Hold the lock of review file ``path`` (this process may take it again inside).

    Where no lock file can be made (a read-only folder), nothing is locked: nothing can be
    written there either, and the write says so.

    Raises:
        WriteError: another program held the lock for ``wait`` seconds.
    """
    key = Path(os.path.abspath(path))
    with _held_lock:
        inner = key in _held
        if inner:
            _held[key] += 1
    if inner:
        try:
            yield
        finally:
            with _held_lock:
                _held[key] -= 1
        return
    fd = _acquire(lock_path(key), time.monotonic() + wait)
    if fd is None:
        yield
        return
    with _held_lock:
        _held[key] = 1
    try:
        yield
    finally:
        with _held_lock:
            del _held[key]
        # removed while still locked: whoever opened it meanwhile sees it gone and retries
        with contextlib.suppress(OSError):
            os.unlink(lock_path(key))
        _release(fd)
        os.close(fd)


def _acquire(lock: Path, deadline: float) -> int | None:
    """An open descriptor of ``lock``, locked (None: no lock file can be made there)."""
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return None
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                os.close(fd)
                raise WriteError(
                    f"cannot write {lock.name[1:-5]}: another program has been saving it "
                    "for a while; try again when it is done"
                )
            time.sleep(_POLL)
        try:
            if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                return fd  # (else the holder before removed it as it let go: open it anew)
        except OSError:
            pass
        _release(fd)
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)  # (the lock covers the first byte)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
