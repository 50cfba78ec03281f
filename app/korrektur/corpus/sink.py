"""Where a corpus export goes: a folder of files, or one zip archive.

Both take the files one at a time, so an export never holds the corpus in memory. A
folder is written file by file (each atomically) and its ``manifest.json`` last, so an
export that stopped half-way has no manifest; a zip is written to a temporary file beside
its place and moved there only when complete.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Protocol

from korrektur.corpus.project import CorpusError
from korrektur.store.atomic import WriteError, atomic_write_bytes

MANIFEST = "manifest.json"


class Sink(Protocol):
    """Takes the files of an export.

    Attributes:
        scratch: a folder for temporary files (on the same file system as the export).
    """

    scratch: Path

    def write(self, name: str, data: bytes) -> None:
        """Add a file (``name`` relative, with ``/``)."""

    def add_file(self, name: str, path: Path) -> None:
        """Add a finished file from disk (it is moved or copied in)."""

    def finish(self) -> Path:
        """Complete the export; returns where it is."""

    def abort(self) -> None:
        """Give up: leave nothing half-done behind where that can be avoided."""


def _safe(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise CorpusError(f"refusing to write outside the export: {name}")
    return path


class FolderSink:
    """An export into a folder (new, empty, or an earlier export of Korrektur's, replaced)."""

    def __init__(self, target: Path) -> None:
        self.target = target
        if target.exists() and not target.is_dir():
            raise CorpusError(f"{target} is a file; export into a folder (or use --zip)")
        if target.is_dir() and any(target.iterdir()):
            self._clear_earlier_export()
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CorpusError(f"cannot make {target}: {exc.strerror or exc}") from exc
        self.scratch = target

    def _clear_earlier_export(self) -> None:
        manifest = self.target / MANIFEST
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            if data.get("format") != "korrektur-corpus-export":
                raise ValueError
        except (OSError, ValueError, AttributeError):
            raise CorpusError(
                f"{self.target} is not empty and holds no earlier corpus export; "
                "choose a new or empty folder"
            ) from None
        listed = [d["file"] for d in data.get("documents", [])]
        listed += [d["file"] for d in data.get("corpus_files", [])]
        for name in [*listed, MANIFEST, "manifest.csv"]:
            with contextlib.suppress(OSError, CorpusError):
                (self.target / _safe(name)).unlink()

    def write(self, name: str, data: bytes) -> None:
        """Write one file atomically."""
        path = self.target / _safe(name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)
        except (OSError, WriteError) as exc:
            raise CorpusError(f"cannot write {path}: {exc}") from exc

    def add_file(self, name: str, path: Path) -> None:
        """Move a finished file in."""
        os.replace(path, self.target / _safe(name))

    def finish(self) -> Path:
        """Nothing left to do: every file is in place."""
        return self.target

    def abort(self) -> None:
        """The files written stay; without a manifest the export is visibly incomplete."""


class ZipSink:
    """An export into one zip archive (``.zip`` added to the name if missing).

    Every member carries the export's time, so the same export gives the same archive.
    """

    def __init__(self, target: Path, exported_at: str) -> None:
        self.target = target if target.suffix.lower() == ".zip" else Path(f"{target}.zip")
        if self.target.is_dir():
            raise CorpusError(f"{self.target} is a folder; name a zip file")
        try:
            stamp = datetime.fromisoformat(exported_at)
        except ValueError:
            stamp = datetime(1980, 1, 1)
        self.date_time = (
            stamp.year,
            stamp.month,
            stamp.day,
            stamp.hour,
            stamp.minute,
            stamp.second,
        )
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(
                prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
            )
        except OSError as exc:
            raise CorpusError(f"cannot write {self.target}: {exc.strerror or exc}") from exc
        os.close(fd)
        self._temporary = Path(name)
        self.scratch = self.target.parent
        self._zip = zipfile.ZipFile(self._temporary, "w", zipfile.ZIP_DEFLATED)

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(str(_safe(name)), self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def write(self, name: str, data: bytes) -> None:
        """Add one member."""
        self._zip.writestr(self._info(name), data)

    def add_file(self, name: str, path: Path) -> None:
        """Copy a finished file in (and delete it)."""
        with path.open("rb") as source, self._zip.open(self._info(name), "w") as member:
            shutil.copyfileobj(source, member, 1 << 20)
        path.unlink()

    def finish(self) -> Path:
        """Close the archive and move it to its place."""
        self._zip.close()
        try:
            with self._temporary.open("rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(self._temporary, self.target)
        except OSError as exc:
            self.abort()
            raise CorpusError(f"cannot write {self.target}: {exc.strerror or exc}") from exc
        return self.target

    def abort(self) -> None:
        """Drop the unfinished archive."""
        with contextlib.suppress(Exception):
            self._zip.close()
        self._temporary.unlink(missing_ok=True)
