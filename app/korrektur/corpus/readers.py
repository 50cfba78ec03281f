"""Which reader turns a source file's bytes into a ``Document``, chosen by the file's name.

A corpus may mix formats: plain text today, scans (hOCR, ALTO, PAGE, PDF) once their
readers exist. A reader is registered here with the name patterns it takes, and the corpus
asks ``read_document`` without knowing which one runs; ``DEFAULT_INCLUDE`` follows the
registry, so a new format is picked up by new projects without further change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from korrektur.model import Document

ReadBytes = Callable[[bytes, str, Path | None], Document]
"""``(source bytes, file name, path or None) -> Document``; raises ``DocumentError``."""


@dataclass(frozen=True)
class Reader:
    """One input format.

    Attributes:
        name: for messages (``plain text``).
        patterns: file-name patterns it reads, lower case (``*.txt``).
        read: the reader itself.
    """

    name: str
    patterns: tuple[str, ...]
    read: ReadBytes


def _read_text(data: bytes, name: str, path: Path | None) -> Document:
    return Document.from_bytes(data, name, path)


READERS: list[Reader] = [Reader("plain text", ("*.txt",), _read_text)]


def register(reader: Reader) -> None:
    """Add a reader; it is asked before the ones registered earlier."""
    READERS.insert(0, reader)


def reader_for(name: str) -> Reader | None:
    """The reader of a file called ``name``, if any takes it."""
    lower = name.lower()
    for reader in READERS:
        if any(fnmatchcase(lower, pattern) for pattern in reader.patterns):
            return reader
    return None


def default_include() -> tuple[str, ...]:
    """The file patterns a new project includes when none are given: every readable kind."""
    return tuple(dict.fromkeys(p for reader in READERS for p in reader.patterns))


def read_document(data: bytes, name: str, path: Path | None = None) -> Document:
    """The document in a source file's bytes (plain text when no reader claims the name).

    Raises:
        DocumentError: the bytes are not a usable document (the message says why).
    """
    reader = reader_for(name)
    return (reader.read if reader else _read_text)(data, name, path)
