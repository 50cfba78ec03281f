"""Write files so that a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path


class WriteError(Exception):
    """A file could not be written; the message says why in plain words."""


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, fsync and rename.

    Raises:
        WriteError: the folder is missing or read-only, the disk is full, and so on. The
            previous file at ``path``, if any, is untouched.
    """
    atomic_write_chunks(path, (data,))


def atomic_write_chunks(path: str | Path, chunks: Iterable[bytes]) -> None:
    """Write the ``chunks`` one after the other, atomically (see ``atomic_write_bytes``).

    The chunks may be made while the file is written (a generator): a large file need not
    be held in memory, or encoded in one piece, first.

    Raises:
        WriteError: the folder is missing or read-only, the disk is full, and so on. The
            previous file at ``path``, if any, is untouched.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    remove_leftovers(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError as exc:
        raise WriteError(f"cannot write {path}: the folder {folder} does not exist") from exc
    except PermissionError as exc:
        raise WriteError(f"cannot write {path}: the folder {folder} is read-only") from exc
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp_name, _mode_for(path))
        os.replace(tmp_name, path)
    except OSError as exc:
        _discard(tmp_name)
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:  # the chunks failed to be made: no temporary file is left behind
        _discard(tmp_name)
        raise
    _fsync_folder(folder)


STALE_SECONDS = 600  # a temporary file no one wrote to for this long was left by a crash


def remove_leftovers(path: str | Path, older_than: float = STALE_SECONDS) -> int:
    """Remove temporary files that interrupted writes of ``path`` left (our naming only).

    Files another program may still be writing are kept: only those not written to for
    ``older_than`` seconds go (0: all, for a caller that holds the file's lock). Returns how
    many were removed; a file that cannot be removed is left.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    pattern = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")
    now = time.time()
    removed = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime >= older_than:
                    os.unlink(entry.path)
                    removed += 1
    return removed


def _discard(tmp_name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp_name)


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """Encode ``text`` and write it atomically (see ``atomic_write_bytes``)."""
    atomic_write_bytes(path, text.encode(encoding))


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0644 minus umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
