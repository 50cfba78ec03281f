"""The one open document: its review, where it is saved, unsaved work, versions and autosave.

The window and the command line both work through a ``Workspace``. It holds the review,
and with it the session: the one place the current review lives. What is slow (reading,
analysing, writing, exporting, comparing) is a command (``commands``) with a request that
the workspace makes and a result it takes back, so a front end may run the command
wherever it likes: the window in its worker process, the command line right here
(``run_inline``).

Saves go one at a time: a save asked for while one is written waits, and is taken with
what is new by then once the first is done. Work done while a save is written stays
unsaved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from korrektur.formats.reading import ExportOptions
from korrektur.model import Document, ReviewSession, Suggestion
from korrektur.store.history import Version
from korrektur.store.resume import ResumeReport, add_fresh
from korrektur.store.review import Review
from korrektur.store.reviewfile import Written, finish_save, prepare_save, snapshot
from korrektur.workspace import commands
from korrektur.workspace.autosave import AutosavePolicy
from korrektur.workspace.runner import Call
from korrektur.workspace.transfer import Held

T = TypeVar("T")

Replaced = Callable[[], None]
"""Called when the workspace holds another review (or none)."""


class Workspace:
    """One open document and its review.

    Attributes:
        review: the open review (None before a document is open).
        held: what the worker process holds of it (None: nothing, or not known).
        reviewer: the name recorded with decisions and versions.
        autosave: when unsaved work goes to the recovery file.
        report: what opening found (a changed source, decisions not found again).
    """

    def __init__(self, reviewer: str = "", autosave: AutosavePolicy | None = None) -> None:
        self.review: Review | None = None
        self.held: Held | None = None
        self.reviewer = reviewer
        self.autosave = autosave
        self.report = ResumeReport()
        self._listeners: list[Replaced] = []
        self._saving: commands.Save | None = None
        self._next_save: tuple[Path | None, str | None] | None = None

    # -- the open review ------------------------------------------------------------------

    @property
    def session(self) -> ReviewSession | None:
        """The session under review."""
        return self.review.session if self.review is not None else None

    @property
    def document(self) -> Document | None:
        """The open document."""
        return self.review.session.document if self.review is not None else None

    @property
    def dirty(self) -> bool:
        """True when the review has work that no saved version holds."""
        return self.review is not None and self.review.dirty

    def add_listener(self, listener: Replaced) -> None:
        """Call ``listener`` whenever another review (or none) is open."""
        self._listeners.append(listener)

    def _replaced(self) -> None:
        for listener in list(self._listeners):
            listener()

    def open(
        self, review: Review, report: ResumeReport | None = None, held: Held | None = None
    ) -> None:
        """Work on ``review`` from now on (opened, resumed or recovered)."""
        self._drop()
        self.review, self.held = review, held
        self.report = report or ResumeReport()
        review.session.reviewer = self.reviewer
        if self.autosave is not None:
            self.autosave.watch(review)
        self._replaced()

    def close(self, keep_unsaved: bool = True) -> None:
        """Let the review go; its recovery file stays only while work is unsaved and wanted."""
        if self.review is None:
            return
        self._drop(keep_unsaved)
        self.review, self.held = None, None
        self._replaced()

    def _drop(self, keep_unsaved: bool = True) -> None:
        if self.autosave is not None:
            self.autosave.stop(keep_unsaved)
        if self.review is not None:
            self.review.release()
        self._saving, self._next_save = None, None

    def set_reviewer(self, name: str) -> None:
        """Record ``name`` with the decisions from now on."""
        self.reviewer = name
        if self.review is not None:
            self.review.session.reviewer = name

    def held_token(self) -> int | None:
        """The worker's name for the open review (to let it go), if it holds it."""
        return self.held.token if self.held is not None else None

    # -- analysing again ------------------------------------------------------------------

    def add_fresh(self, fresh: Iterable[Suggestion]) -> int:
        """New suggestions of an analysis of the open document; every decision stays.

        Returns how many were added (the session is replaced when any were).
        """
        if self.review is None:
            return 0
        added = add_fresh(self.review, fresh)
        if added:
            self._replaced()
        return added

    def restore(self, number: int, session: ReviewSession | None = None) -> None:
        """Version ``number``'s decisions become the current, unsaved work.

        ``session`` is that version's session when it was built already (off the window's
        thread: it takes a while on a long report).

        Raises:
            KeyError: there is no such version.
        """
        if self.review is None:
            raise KeyError("no review is open")
        self.review.restore_version(number, session)
        self._replaced()

    # -- saving ---------------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        """True while a save is being written."""
        return self._saving is not None

    def start_save(
        self, path: Path | None = None, reviewer: str | None = None, message: str = ""
    ) -> commands.Save | None:
        """The save to write now: a new version of the review, to ``path`` or where it is.

        While a save is written, this one waits (None is returned): ``saved`` hands it out
        once the first is done, to ``path`` or wherever the first one went.

        Raises:
            ValueError: no review is open, or neither ``path`` nor the review has a file.
        """
        if self.review is None:
            raise ValueError("no review is open")
        if self._saving is not None:
            self._next_save = (path, reviewer)
            return None
        name = self.reviewer if reviewer is None else reviewer
        request = prepare_save(self.review, path, reviewer=name, message=message)
        token = self.held.token if self.held is not None else None
        self._saving = commands.Save(request, token)
        return self._saving

    def saved(self, save: commands.Save, saved: commands.Saved) -> commands.Save | None:
        """Record a written save (its version is the review's now); the next one, if waiting.

        Only the state the save was taken at counts as saved: work done since stays unsaved.
        """
        self._saving = None
        if self.review is None:
            return None
        finish_save(self.review, save.request, Written(saved.version, None, saved.stamp))
        if self.held is not None:
            self.held.versions.add(saved.version.number)
        if self.autosave is not None:
            self.autosave.saved()
        following, self._next_save = self._next_save, None
        if following is None:
            return None
        path, reviewer = following
        if path is None and self.review.path is None:
            return None
        return self.start_save(path, reviewer)

    def save_failed(self) -> None:
        """The save under way did not reach the disk; the one waiting is dropped too."""
        self._saving, self._next_save = None, None

    def last_version(self) -> Version | None:
        """The newest saved version."""
        if self.review is None or not self.review.history.versions:
            return None
        return self.review.history.versions[-1]

    # -- requests for the other commands --------------------------------------------------

    def export_request(self, name: str, target: Path, options: ExportOptions) -> commands.Export:
        """An export of the review as it stands now."""
        review = self._open()
        return commands.Export(snapshot(review), review.path, name, target, options)

    def compare_request(self, first: int, second: int, proposals: bool) -> commands.Compare:
        """A comparison of versions ``first`` and ``second`` (0: the current work)."""
        return commands.Compare(snapshot(self._open()), first, second, proposals)

    def text_request(self, number: int) -> commands.VersionText:
        """The text of version ``number`` (0: the current work)."""
        return commands.VersionText(snapshot(self._open()), number)

    def _open(self) -> Review:
        if self.review is None:
            raise ValueError("no review is open")
        return self.review

    # -- right here (the command line) ----------------------------------------------------

    def save_now(
        self, path: Path | None = None, reviewer: str | None = None, message: str = ""
    ) -> Version:
        """Save a new version on this thread.

        Raises:
            ChangedOnDisk, WriteError: as ``commands.save``; nothing is saved.
            ValueError: no file to save to.
        """
        save = self.start_save(path, reviewer, message)
        if save is None:
            raise ValueError("a save is under way")
        try:
            result = run_inline(commands.save, save)
        except BaseException:
            self.save_failed()
            raise
        self.saved(save, result)
        version = self.last_version()
        assert version is not None
        return version


def run_inline(command: Callable[[Any, Call], T], request: Any) -> T:
    """Run ``command`` on this thread and return its result (its exceptions are raised)."""
    return command(request, Call(0, lambda _message: None))
