"""Files below a folder in the order of their names, one folder in memory at a time.

The check on opening walks the source folder, the review files and the index side by side,
each in name order, so that a corpus of any size is compared in little memory. Names are
relative paths with ``/``; they come in Python's (and SQLite's) string order, which a
folder walk gives when each folder's entries are sorted by their names, folders as
``name/`` (every name inside a folder starts with that, and ``/`` sorts before any
character a file name may have after it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from korrektur.corpus.errors import CorpusError

Key = Callable[[str], str | None]
"""A file's name in the walk (None: leave the file out)."""


def sorted_files(
    root: Path, key: Key, skip: frozenset[Path] = frozenset(), prefix: str = ""
) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """``(name, entry)`` of every file below ``root`` whose ``key`` is not None, in name order.

    Hidden files and folders, folders in ``skip`` and symbolic links to folders are left out.

    Raises:
        CorpusError: a folder cannot be read.
    """
    try:
        with os.scandir(root) as scan:
            entries = list(scan)
    except OSError as exc:
        raise CorpusError(f"cannot read {root}: {exc.strerror or exc}") from exc
    keyed: list[tuple[str, os.DirEntry[str], bool]] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if Path(entry.path).resolve() not in skip:
                    keyed.append((entry.name + "/", entry, True))
            elif entry.is_file():
                name = key(entry.name)
                if name is not None:
                    keyed.append((name, entry, False))
        except OSError:
            continue  # vanished while listed
    del entries
    for name, entry, is_dir in sorted(keyed, key=lambda item: item[0]):
        if is_dir:
            yield from sorted_files(Path(entry.path), key, skip, prefix + name)
        else:
            yield prefix + name, entry
