"""Undoable review steps: each command only calls the review session (orange-canvas pattern)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from korrektur.model import Decision, ManualEdit, ReviewSession

TYPING_MERGE_ID = 0x4B5201


class ReviewCommand(QUndoCommand):
    """A review step that knows which suggestion to show after it is undone or redone.

    Attributes:
        focus_id: the suggestion the window moves to after undo or redo.
    """

    def __init__(self, text: str, focus_id: str | None) -> None:
        super().__init__(text)
        self.focus_id = focus_id


class DecideCommand(ReviewCommand):
    """Decide suggestions through one core call; undo restores their previous decisions.

    A bulk decision is one command over many ids: one undo step, one core call and one
    change notification, however many suggestions it covers.
    """

    def __init__(
        self,
        session: ReviewSession,
        text: str,
        ids: Sequence[str],
        apply: Callable[[ReviewSession], dict[str, Decision]],
    ) -> None:
        super().__init__(text, ids[0] if ids else None)
        self.ids = tuple(ids)
        self._session = session
        self._apply = apply
        self._before: dict[str, Decision] = {}

    def redo(self) -> None:
        """Decide (again)."""
        self._before = self._apply(self._session)

    def undo(self) -> None:
        """Put the previous decisions back."""
        self._session.restore(self._before)


def accept_command(session: ReviewSession, ids: Sequence[str]) -> DecideCommand:
    """Accept the engine's replacements."""
    text = (
        QCoreApplication.translate("Commands", "Accept")
        if len(ids) == 1
        else QCoreApplication.translate("Commands", "Accept %n suggestions", None, len(ids))
    )
    return DecideCommand(session, text, ids, lambda s: s.accept(*ids))


def reject_command(session: ReviewSession, ids: Sequence[str]) -> DecideCommand:
    """Keep the raw text."""
    text = (
        QCoreApplication.translate("Commands", "Reject")
        if len(ids) == 1
        else QCoreApplication.translate("Commands", "Reject %n suggestions", None, len(ids))
    )
    return DecideCommand(session, text, ids, lambda s: s.reject(*ids))


def edit_command(session: ReviewSession, suggestion_id: str, text: str) -> DecideCommand:
    """Use the reviewer's own text."""
    return DecideCommand(
        session,
        QCoreApplication.translate("Commands", "Edit"),
        [suggestion_id],
        lambda s: s.edit(suggestion_id, text),
    )


def alternative_command(session: ReviewSession, suggestion_id: str, number: int) -> DecideCommand:
    """Pick alternative ``number`` (1-based)."""
    return DecideCommand(
        session,
        QCoreApplication.translate("Commands", "Choose alternative %n", None, number),
        [suggestion_id],
        lambda s: s.choose_alternative(suggestion_id, number),
    )


class ManualEditCommand(ReviewCommand):
    """Typing in the corrected text: one ``manual`` suggestion per edit.

    Consecutive keystrokes merge into one undo step when each edit absorbed the manual
    suggestion of the previous one (the reviewer kept typing in the same place).
    """

    def __init__(self, session: ReviewSession, start: int, end: int, text: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "typing"), None)
        self._session = session
        self._request: tuple[int, int, str] | None = (start, end, text)
        self.edits: list[ManualEdit] = []

    def redo(self) -> None:
        """Apply the edit (the first time from the request, later the recorded edits)."""
        if self._request is not None:
            edit = self._session.apply_manual_edit(*self._request)
            self._request = None
            self.edits = [edit]
            self.focus_id = edit.added.id
            return
        for edit in self.edits:
            self._session.redo_manual_edit(edit)

    def undo(self) -> None:
        """Take the edits back, newest first."""
        for edit in reversed(self.edits):
            self._session.undo_manual_edit(edit)

    def id(self) -> int:
        """Typing commands may merge."""
        return TYPING_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Merge ``other`` if it continues this run of typing."""
        if not isinstance(other, ManualEditCommand) or not self.edits or not other.edits:
            return False
        last = self.edits[-1].added
        if not any(removed is last for removed in other.edits[0].removed):
            return False
        self.edits.extend(other.edits)
        self.focus_id = other.focus_id
        return True
