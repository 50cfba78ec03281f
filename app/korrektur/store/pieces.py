"""Big texts and data trees handled a slice at a time, so no single C call holds the GIL long."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

# Strings joined (and encoded) at a time, containers freed at a time: each such step is a
# single C call that holds the interpreter lock for well under a millisecond.
BATCH = 2048


def encoded(pieces: Iterable[str], encoding: str = "utf-8", batch: int = BATCH) -> Iterator[bytes]:
    """``"".join(pieces).encode(encoding)`` as consecutive chunks of bytes.

    Saves and exports run on a worker thread beside the window. Joining a million small
    strings, or encoding a 10 MB text, is one C call that holds the interpreter lock
    throughout (tens of milliseconds, more on a busy machine), and the window cannot
    repaint meanwhile; between batches the lock is handed over as usual. ``batch`` pieces
    are joined at a time: fewer where the pieces are long (a page of a report).
    """
    stream = iter(pieces)
    while some := list(islice(stream, batch)):
        yield "".join(some).encode(encoding)


def encode_all(pieces: Iterable[str], encoding: str = "utf-8", batch: int = BATCH) -> bytes:
    """``"".join(pieces).encode(encoding)``, encoded in batches (see ``encoded``)."""
    return b"".join(encoded(pieces, encoding, batch))


def release(value: Any) -> None:
    """Empty a large tree of plain data (dicts and lists) a slice at a time.

    Dropping the last reference to the data of a 300-page review frees millions of objects
    in one go, which holds the interpreter lock for tens of milliseconds; emptied slice by
    slice, the lock changes hands in between. Lists with many entries are taken apart from
    the end, ``BATCH`` entries at a time; short lists and dicts (records) are taken apart
    entry by entry, so that a long list inside a record is freed in slices too. A container
    is emptied before the ones it held, so one that holds itself (a YAML alias) is no
    trouble. Other values are left alone: the caller must not need ``value`` any more.
    """
    todo = [value]  # a loop, not recursion: YAML nests up to a thousand levels deep
    while todo:
        value = todo.pop()
        if isinstance(value, dict):
            todo.extend(item for item in value.values() if isinstance(item, dict | list))
            value.clear()
        elif isinstance(value, list):
            if len(value) <= BATCH:
                todo.extend(item for item in value if isinstance(item, dict | list))
                value.clear()
            while value:
                del value[-BATCH:]
