"""A review being worked on: its session plus versions, provenance and unsaved state."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import chain
from pathlib import Path

from korrektur.model import Change, ReviewSession, Suggestion
from korrektur.model.layout import Span
from korrektur.model.session import now_iso
from korrektur.store.history import History, State, Version, id_order, state_of
from korrektur.store.lock import Stamp
from korrektur.store.records import Unanchored
from korrektur.store.tool import ToolInfo, current_tool

ReviewListener = Callable[[Change], None]


class Review:
    """Everything that is saved in a review file, kept consistent while the reviewer works.

    The session can be replaced (restoring a version creates a new one); listeners added
    here follow every session change and the replacement itself.

    Attributes:
        history: the saved versions.
        tool: who made the suggestions (kept from the first save).
        path: the review file, once saved or opened.
        source_path: the source text file, if known (as recorded: see ``readable_source``).
        source_trusted: the source may be read: it lies in the review file's folder tree,
            was opened by the reviewer, or the reviewer agreed to read it.
        unanchored: decisions lost track of when the source changed, kept for the record.
        notes: what Korrektur will note in the next version (e.g. "restored from version 2").
        disk_stamp: the stamp of ``path`` as this review read or last wrote it (None when
            there is none): a save refuses to overwrite what another program wrote since.
    """

    def __init__(
        self,
        session: ReviewSession,
        history: History | None = None,
        *,
        path: Path | None = None,
        source_path: Path | None = None,
        tool: ToolInfo | None = None,
        retired: Iterable[Suggestion] = (),
        unanchored: Iterable[Unanchored] = (),
        source_trusted: bool = True,
    ) -> None:
        self.history = history or History()
        self.tool = tool or current_tool()
        self.path = path
        self.source_path = source_path
        self.source_trusted = source_trusted
        self.unanchored = list(unanchored)
        self.notes: list[str] = []
        self.disk_stamp: Stamp | None = None
        self._pool: dict[str, Suggestion] = {s.id: s for s in retired}
        self._shape = 0  # counts the changes of the session's list (manual edits, restores)
        self._retired: tuple[tuple[int, int, int], list[Suggestion]] | None = None
        # manual ids ever known: a new manual edit never takes one (kept as they come, so
        # that a new session is adopted without looking at every id again)
        known = chain(
            self._pool, self.history.referenced_ids(), (u.suggestion.id for u in self.unanchored)
        )
        self._manual = {i for i in known if i.startswith("m")}
        self._listeners: list[ReviewListener] = []
        self._revision = 0
        self._saved_revision = 0
        self._session = session
        self._adopt(session)

    @property
    def readable_source(self) -> Path | None:
        """The source file to read, if any.

        A recorded path the reviewer has not approved that lies outside the review file's
        folder tree (``/etc/passwd``, ``../../x``) is not read.
        """
        return self.source_path if self.source_trusted else None

    # -- the session -----------------------------------------------------------------------

    @property
    def session(self) -> ReviewSession:
        """The session under review."""
        return self._session

    def replace_session(self, session: ReviewSession, known: bool = False) -> None:
        """Work on ``session`` from now on (same document); listeners are told.

        ``known``: its suggestions are all this review's already (a version's session, made
        by ``session_of``), so their ids are not compared with the pool's again (45,000 ids:
        5-15 ms of the GUI thread, in the turn that shows the restored version).
        """
        self._session.remove_listener(self._on_change)
        self._session = session
        self._adopt(session, known)
        self._on_change(Change((), structural=True))

    def _adopt(self, session: ReviewSession, known: bool = False) -> None:
        # only the ids new to the pool: set operations in C
        for suggestion_id in () if known else session.ids - self._pool.keys():
            self._know(session.get(suggestion_id))
        session.reserve_ids(self._manual)
        session.add_listener(self._on_change)

    def _know(self, suggestion: Suggestion) -> None:
        """Keep ``suggestion`` in the pool if its id is new there."""
        new = self._pool.setdefault(suggestion.id, suggestion) is suggestion
        if new and suggestion.id.startswith("m"):
            self._manual.add(suggestion.id)

    def release(self) -> None:
        """Stop following the session: a review done with is then freed at once.

        The session calls back into the review, so the two keep each other alive until the
        garbage collector finds them; on a long report that pass takes a while, on
        whichever thread happens to trigger it.
        """
        self._session.remove_listener(self._on_change)

    def add_listener(self, listener: ReviewListener) -> None:
        """Call ``listener`` after every change of the work (decisions, edits, restores)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: ReviewListener) -> None:
        """Stop calling ``listener``."""
        self._listeners.remove(listener)

    def _on_change(self, change: Change) -> None:
        self._revision += 1
        if change.structural:
            self._shape += 1  # a manual edit: the ids it added (a new session: _adopt)
            for suggestion_id in change.ids:
                if suggestion_id not in self._pool:
                    try:
                        self._know(self._session.get(suggestion_id))
                    except KeyError:
                        continue
        for listener in list(self._listeners):
            listener(change)

    # -- saved or not ----------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """True when there is work that no version holds yet."""
        return self._revision != self._saved_revision

    @property
    def revision(self) -> int:
        """Grows with every change; lets an autosaver tell whether it is up to date."""
        return self._revision

    def mark_saved(self, revision: int | None = None) -> None:
        """The state at ``revision`` (default: the current one) is now on disk as a version.

        A save written in the background passes the revision it was taken at: work done
        while it was written stays unsaved.
        """
        self._saved_revision = self._revision if revision is None else revision

    def mark_unsaved(self) -> None:
        """The current state is not on disk (e.g. recovered from an autosave)."""
        self._saved_revision = self._revision - 1

    # -- suggestions the versions refer to -------------------------------------------------

    def proposal(self, suggestion_id: str) -> Suggestion | None:
        """Any suggestion this review has known, by id (decision fields not meaningful)."""
        try:
            return self._session.get(suggestion_id)
        except KeyError:
            return self._pool.get(suggestion_id)

    def known(self) -> list[Suggestion]:
        """Every suggestion this review has known, as first known (decision fields not meaningful).

        A window letting a long review go frees them a slice at a time (see
        ``ui.workspace_service``).
        """
        return list(self._pool.values())

    def retired(self) -> list[Suggestion]:
        """Suggestions some version holds that the session no longer has, in id order.

        They were absorbed by a manual edit, or are manual edits that were taken back.
        Kept until the list or the versions change: every snapshot (a save, an export)
        asks, on the window's GUI thread.
        """
        key = (self._shape, id(self.history), len(self.history.versions))
        if self._retired is None or self._retired[0] != key:
            keep = sorted(self.history.referenced_ids() - self._session.ids, key=id_order)
            self._retired = (key, [self._pool[i] for i in keep if i in self._pool])
        return list(self._retired[1])

    # -- versions --------------------------------------------------------------------------

    def commit(
        self, message: str = "", reviewer: str | None = None, time: str | None = None
    ) -> Version:
        """Record the current state as a new version (the caller writes the file)."""
        version = self.history.commit(
            state_of(self._session),
            time=time or now_iso(),
            reviewer=reviewer if reviewer is not None else self._session.reviewer,
            message=message,
            note="; ".join(self.notes),
        )
        return version

    def session_of(self, state: State) -> ReviewSession:
        """A session on this review's document holding the decisions of ``state``.

        Suggestions that are no longer known (listed under ``unanchored``) are left out,
        and so is any that would overlap another after a source change moved it.
        """
        chosen: list[Suggestion] = []
        for suggestion_id, decision in state.items():
            proposal = self._pool.get(suggestion_id)
            if proposal is not None:
                chosen.append(decision.apply(proposal))
        chosen.sort(key=lambda s: (s.start, s.end))
        kept: list[Suggestion] = []
        for suggestion in chosen:
            if kept and Span(kept[-1].start, kept[-1].end).overlaps(
                Span(suggestion.start, suggestion.end)
            ):
                continue
            kept.append(suggestion)
        return ReviewSession(
            self._session.document,
            kept,
            reviewer=self._session.reviewer,
            structure=self._session.structure,
        )

    def version_session(self, number: int) -> ReviewSession:
        """The session as saved in version ``number`` (KeyError if there is none)."""
        return self.session_of(self.history.state_at(number))

    def restore_version(self, number: int, session: ReviewSession | None = None) -> None:
        """Go back to version ``number``: its decisions become the current, unsaved work.

        Nothing is lost: the versions after it stay, and the next save adds a new version
        noting the restore. ``session`` is the version's session when it was already built
        by ``version_session`` (on a worker thread: that takes a while on a long report).
        """
        if session is None:
            session = self.version_session(number)
        self.replace_session(session, known=True)
        self.notes.append(f"restored from version {number}")
