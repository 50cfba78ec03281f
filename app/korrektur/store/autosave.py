"""Never lose work: unsaved decisions go to a recovery file, offered again after a crash."""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from korrektur.model import Change, Status
from korrektur.model.session import now_iso
from korrektur.paths import data_dir
from korrektur.store.atomic import WriteError
from korrektur.store.review import Review
from korrektur.store.reviewfile import Snapshot, snapshot, write_snapshot
from korrektur.store.reviewread import read_review_data, review_from_data
from korrektur.store.validate import Fields, ReviewFileError

SUFFIX = ".recovery.yaml"

Writer = Callable[[Snapshot, Path, dict[str, Any]], None]
"""Writes a snapshot to a recovery file (raises ``WriteError``); may hand it to a thread."""
Remover = Callable[[Path], None]
"""Deletes a recovery file if it is there; one that writes on a thread deletes there too."""


def write_recovery(snap: Snapshot, path: Path, extra: dict[str, Any]) -> None:
    """Write a recovery file now, on this thread."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_snapshot(snap, path, extra, relative=False)


def remove_recovery(path: Path) -> None:
    """Delete a recovery file now, on this thread (gone already is fine)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


EVERY_DECISIONS = 20
EVERY_SECONDS = 30.0


def recovery_dir() -> Path:
    """Where recovery files are kept: the per-user data folder."""
    return data_dir() / "recovery"


def recovery_path(review: Review, folder: Path) -> Path:
    """The recovery file of ``review``: one per review file (or source, before a save)."""
    anchor = review.path or review.source_path
    key = str(anchor.absolute()) if anchor else review.session.document.sha256
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    stem = Path(review.session.document.name).stem or "review"
    return folder / f"{stem}-{digest}{SUFFIX}"


def _alive(pid: int, host: str) -> bool:
    """True when the process that wrote a recovery file still runs (so it is not a crash)."""
    if host != socket.gethostname() or pid == os.getpid() or os.name == "nt":
        return False  # on Windows os.kill would terminate the process, so do not probe
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Recovery:
    """Unsaved work found on disk.

    Attributes:
        path: the recovery file.
        review_path: where the review was to be saved.
        source_name: the source's file name, for the offer.
        saved_at: when the work was written (ISO 8601).
        decided: decisions in it; total: suggestions in it.
    """

    path: Path
    review_path: Path | None
    source_name: str
    saved_at: str
    decided: int
    total: int
    _data: object

    def describe(self) -> str:
        """One line for the recovery offer."""
        return (
            f"{self.source_name}: {self.decided} of {self.total} suggestions decided, "
            f"autosaved {self.saved_at.replace('T', ' ')[:16]}"
        )

    def load(self) -> Review:
        """The recovered review: unsaved, to be saved where it was going to be.

        Read from the file again when the content was not kept (``_data`` None: an offer
        passed to another process without it).

        Raises:
            ReviewFileError: the file is damaged (or gone).
        """
        data = self._data if self._data is not None else read_review_data(self.path)
        review = review_from_data(data)
        review.path = self.review_path
        review.mark_unsaved()
        return review

    def discard(self) -> None:
        """Delete the recovery file (the reviewer declined, or saved the work)."""
        remove_recovery(self.path)


def find_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Recovery files left by a Korrektur that did not close properly, newest first.

    Files of a Korrektur still running are not offered; damaged ones are skipped and left.
    """
    folder = folder or recovery_dir()
    found = []
    for path in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []:
        try:
            data = read_review_data(path)
            header = Fields(data, path.name).mapping("recovery")
            if _alive(header.optional_integer("pid") or 0, header.optional_text("host") or ""):
                continue
            review_path = header.optional_text("review_path")
            suggestions = list(Fields(data, path.name).items("suggestions"))
            decided = sum(
                1
                for _, item in suggestions
                if isinstance(item, dict) and item.get("status") != Status.PENDING.value
            )
            source = Fields(data, path.name).mapping("source")
            found.append(
                Recovery(
                    path,
                    Path(review_path) if review_path else None,
                    source.text("name"),
                    header.text("saved_at"),
                    decided,
                    len(suggestions),
                    data,
                )
            )
        except ReviewFileError:
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosaver:
    """Writes a review's unsaved work to its recovery file.

    It saves after every ``every_decisions`` changed decisions and, when ``tick`` is called
    (a GUI timer does that), once ``every_seconds`` have passed since the last write. The
    ``writer`` does the writing (the GUI's writes on a worker thread and reports failures
    through ``write_failed``); ``remover`` deletes the file, after any write asked for
    before. A write that fails is remembered in ``last_error`` and tried
    again at the next occasion; the work in memory is untouched.

    Attributes:
        path: the recovery file.
        last_error: why the last write failed ("" when it worked).
    """

    def __init__(
        self,
        review: Review,
        folder: Path | None = None,
        every_decisions: int = EVERY_DECISIONS,
        every_seconds: float = EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        writer: Writer = write_recovery,
        remover: Remover = remove_recovery,
    ) -> None:
        self.review = review
        self.writer = writer
        self.remover = remover
        self.folder = folder or recovery_dir()
        self.every_decisions = every_decisions
        self.every_seconds = every_seconds
        self.clock = clock
        self.path = recovery_path(review, self.folder)
        self.last_error = ""
        self._changes = 0
        self._written = review.revision
        self._last_write = clock()
        review.add_listener(self._changed)

    def _changed(self, change: Change) -> None:
        self._changes += max(1, len(change.ids))
        if self._changes >= self.every_decisions:
            self.save_now()

    @property
    def behind(self) -> bool:
        """True when the review has unsaved work the recovery file does not hold."""
        return self.review.dirty and self.review.revision != self._written

    def tick(self) -> bool:
        """Write if there is unwritten work and the interval has passed; True if written."""
        if self.behind and self.clock() - self._last_write >= self.every_seconds:
            return self.save_now()
        return False

    def save_now(self) -> bool:
        """Write the recovery file now; False (and ``last_error``) if that failed."""
        self._changes = 0
        self._last_write = self.clock()
        if not self.review.dirty:
            self.discard()
            return True
        extra: dict[str, Any] = {
            "recovery": {
                "review_path": str(self.review.path.absolute()) if self.review.path else None,
                "saved_at": now_iso(),
                "pid": os.getpid(),
                "host": socket.gethostname(),
            }
        }
        # counted as written first: a writer on another thread reports failure later
        self._written = self.review.revision
        self.last_error = ""
        try:
            self.writer(snapshot(self.review), self.path, extra)
        except (WriteError, OSError) as exc:
            self.write_failed(str(exc))
        return not self.last_error

    def write_failed(self, message: str) -> None:
        """A write did not reach the disk: remember why, and write again next time."""
        self.last_error = message
        self._written = -1

    def discard(self) -> None:
        """Delete the recovery file: the work is saved, or the reviewer threw it away."""
        self.remover(self.path)
        self._written = self.review.revision

    def saved(self) -> None:
        """Call after the review was saved: the recovery file is no longer needed."""
        self.discard()
        self.path = recovery_path(self.review, self.folder)  # Save As moves it

    def close(self) -> None:
        """Stop watching the review; the recovery file stays only if work is unsaved."""
        self.review.remove_listener(self._changed)
        if not self.review.dirty:
            self.discard()
