"""Errors the core raises for input a user must fix."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class DocumentError(Exception):
    """A file cannot be opened as a document; the message is written for a clerk."""


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Say the operating system's errors while reading ``path`` as one-line ``DocumentError``s.

    Raises:
        DocumentError: ``path`` is missing, unreadable, a folder, or too large to hold.
    """
    try:
        yield
    except FileNotFoundError as exc:
        raise DocumentError(f"{path} does not exist.") from exc
    except PermissionError as exc:
        raise DocumentError(f"{path} cannot be read (permission denied).") from exc
    except IsADirectoryError as exc:
        raise DocumentError(f"{path.name}: this is a folder, not a file.") from exc
    except OSError as exc:
        raise DocumentError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    except MemoryError as exc:
        raise DocumentError(f"{path.name}: the file is too large to read.") from exc
