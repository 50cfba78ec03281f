"""Saving versions of a review in the background, one at a time and in order."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from korrektur.store.review import Review
from korrektur.store.reviewfile import SaveRequest, Written, finish_save, prepare_save, write_save
from korrektur.ui.store_jobs import JobQueue


class SaverMessages(Protocol):
    """What the saver says (the window's message service fits)."""

    def error(self, text: str) -> None:
        """A save failed."""
        ...

    def info(self, text: str) -> None:
        """A save is done."""
        ...


class ReviewSaver(QObject):
    """Writes a new version of a review file without holding up the window.

    The snapshot is taken at once on the GUI thread (tens of milliseconds); making the
    version and writing the file (seconds on a long report) is a job on ``jobs``, and only
    when it has succeeded is the version recorded in the review and the work counted as
    saved; work done meanwhile stays unsaved. One save is written at a time: a save asked
    for meanwhile is taken, with what is new by then, once the first is done.

    Signals:
        saved(Review, str): a version of the review reached the disk (the file's path).
        failed(str): a save did not reach the disk (why); the review is as it was.
    """

    saved = Signal(object, str)
    failed = Signal(str)

    def __init__(self, jobs: JobQueue, messages: SaverMessages, parent: QObject | None = None):
        super().__init__(parent)
        self.jobs = jobs
        self.messages = messages
        self._saving: SaveRequest | None = None
        self._next: tuple[Review, Path | None, str] | None = None

    @property
    def saving(self) -> bool:
        """True while a save is being written."""
        return self._saving is not None

    def save(self, review: Review, path: Path | None, reviewer: str) -> None:
        """Save a new version of ``review`` to ``path`` (None: where the save under way goes).

        Raises:
            ValueError: no save is under way and neither ``path`` nor the review has a path.
        """
        if self._saving is not None:
            self._next = (review, path, reviewer)
            return
        request = prepare_save(review, path, reviewer=reviewer)
        self._saving = request
        self.jobs.submit(
            partial(write_save, request),
            partial(self._written, review, request),
            self._not_written,
            label=self.tr("Saving %1…").replace("%1", request.path.name),
        )

    def _written(self, review: Review, request: SaveRequest, written: Written) -> None:
        self._saving = None
        version = finish_save(review, request, written)
        self.messages.info(
            self.tr("Saved version %1 to %2")
            .replace("%1", str(version.number))
            .replace("%2", request.path.name)
        )
        self.saved.emit(review, str(request.path))
        following, self._next = self._next, None
        if following is not None:
            review, path, reviewer = following
            if path or review.path:
                self.save(review, path, reviewer)

    def _not_written(self, message: str) -> None:
        self._saving, self._next = None, None
        self.messages.error(
            self.tr(
                "The review could not be saved: %1\nYour work is still open; try Save "
                "As to choose another folder."
            ).replace("%1", message)
        )
        self.failed.emit(message)
