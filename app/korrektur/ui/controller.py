"""The review in progress: the session, the current suggestion and the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from korrektur.model import Change, ReviewSession, Status, Suggestion
from korrektur.ui.commands import (
    DecideCommand,
    ManualEditCommand,
    ReviewCommand,
    accept_command,
    edit_command,
    reject_command,
)
from korrektur.ui.filters import SuggestionFilter
from korrektur.ui.formatting import plain_change, proposal_text
from korrektur.ui.messages import Messages
from korrektur.workspace.workspace import Workspace


class ReviewController(QObject):
    """Turns review keys into undoable commands on the session; widgets only call this.

    The session is the workspace's (the one place the open review lives); the controller
    adds what reviewing needs: the current suggestion, the undo stack and the filter.

    Attributes:
        workspace: the open document.
        undo_stack: every decision, undoable.
        filter: the suggestions the review keys visit (the list's filter).

    Signals:
        session_replaced(): another session (or none) is now under review.
        changed(Change): the session changed.
        current_changed(object): the current suggestion's id, or None.
    """

    session_replaced = Signal()
    changed = Signal(object)
    current_changed = Signal(object)

    def __init__(
        self, messages: Messages, workspace: Workspace, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.messages = messages
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self.filter = SuggestionFilter()
        self._current: str | None = None
        self._listening: ReviewSession | None = None

    @property
    def session(self) -> ReviewSession | None:
        """The session under review (None before a document is analysed)."""
        return self.workspace.session

    # -- session and current suggestion ------------------------------------------------------

    def reset(self) -> None:
        """Review the workspace's session (another one, or none) from a clean undo stack."""
        if self._listening is not None:
            self._listening.remove_listener(self._on_change)
        self.undo_stack.clear()
        session = self._listening = self.workspace.session
        self._current = None
        if session is not None:
            session.add_listener(self._on_change)
        self.session_replaced.emit()
        self.current_changed.emit(None)

    def _on_change(self, change: Change) -> None:
        if change.structural and self.current() is None:
            self._current = None
            self.current_changed.emit(None)
        self.changed.emit(change)

    @property
    def current_id(self) -> str | None:
        """The id of the current suggestion (it may have been removed by a manual edit)."""
        return self._current

    def current(self) -> Suggestion | None:
        """The suggestion the review keys act on."""
        if self.session is None or self._current is None:
            return None
        try:
            return self.session.get(self._current)
        except KeyError:
            return None

    def set_current(self, suggestion_id: str | None) -> None:
        """Make ``suggestion_id`` current (the panes, list and details follow)."""
        if suggestion_id == self._current:
            return
        self._current = suggestion_id
        self.current_changed.emit(suggestion_id)

    def step(self, backwards: bool = False) -> bool:
        """Go to the next (or previous) pending suggestion that the filter shows.

        Wraps around the document once; False when there is none.
        """
        session = self.session
        if session is None:
            return False
        current = self.current()
        start = session.index_of(current) if current is not None else None
        wrapped = len(session.suggestions) if backwards else -1
        for after in (start if start is not None else wrapped, wrapped):
            index = session.next_pending(after, backwards)
            while index is not None:
                candidate = session.suggestions[index]
                if self.filter.accepts(candidate) and candidate is not current:
                    self.set_current(candidate.id)
                    return True
                index = session.next_pending(index, backwards)
        if current is not None and current.status is Status.PENDING:
            return True
        self.messages.info(self.tr("No more pending suggestions in the list."))
        return False

    # -- decisions ---------------------------------------------------------------------------

    def _target(self) -> Suggestion | None:
        suggestion = self.current()
        if suggestion is None and self.session is not None:
            self.messages.info(self.tr("No suggestion is selected."))
        return suggestion

    def _push(self, command: QUndoCommand, advance: bool = True) -> None:
        self.undo_stack.push(command)
        if advance:
            self.step()

    def _decide(self, command: DecideCommand, what: str) -> None:
        """Push ``command`` as one undo step named ``what`` ("accept for → för") and go on."""
        command.setText(what)
        self._push(command)

    def accept(self) -> None:
        """Accept the current suggestion and go to the next (again on an accepted one: go on)."""
        suggestion = self._target()
        if suggestion is None or self.session is None:
            return
        if suggestion.status is Status.ACCEPTED:
            self.step()  # a repeated decision is no step of its own
            return
        what = self.tr("accept %1").replace("%1", proposal_text(suggestion))
        self._decide(accept_command(self.session, [suggestion.id]), what)

    def reject(self) -> None:
        """Reject the current suggestion and go to the next (again on a rejected one: go on)."""
        suggestion = self._target()
        if suggestion is None or self.session is None:
            return
        if suggestion.status is Status.REJECTED:
            self.step()
            return
        what = self.tr("reject %1").replace("%1", proposal_text(suggestion))
        self._decide(reject_command(self.session, [suggestion.id]), what)

    def edit(self, text: str) -> None:
        """Replace the current suggestion by the reviewer's text and go to the next.

        The replacement is an acceptance and the OCR text a rejection (the session
        records them so); the same decision again is no step of its own.
        """
        suggestion = self._target()
        if suggestion is None or self.session is None:
            return
        if text == suggestion.replacement:
            self.accept()
            return
        if text == suggestion.original:
            self.reject()
            return
        if suggestion.status is Status.EDITED and suggestion.edited_text == text:
            self.step()
            return
        what = self.tr("edit %1").replace("%1", plain_change(suggestion.original, text))
        self._decide(edit_command(self.session, suggestion.id, text), what)

    def choose_alternative(self, number: int) -> None:
        """Pick alternative ``number`` of the current suggestion and go to the next."""
        suggestion = self._target()
        if suggestion is None or self.session is None:
            return
        if number > len(suggestion.alternatives):
            self.messages.info(
                self.tr("This suggestion has no alternative %1.").replace("%1", str(number))
            )
            return
        self.edit(suggestion.alternatives[number - 1])

    def accept_same(self) -> None:
        """Accept every pending suggestion with the current one's correction; say how many."""
        suggestion = self._target()
        if suggestion is None or self.session is None:
            return
        ids = [
            i for i in self.session.same_correction(suggestion.id)
            if self.session.get(i).status is not Status.ACCEPTED
        ]  # fmt: skip
        if not ids:
            self.step()
            return
        what = (
            self.tr("accept %1 × %2")
            .replace("%1", str(len(ids)))
            .replace("%2", proposal_text(suggestion))
        )
        self._decide(accept_command(self.session, ids), what)
        self._said(what)

    def _said(self, what: str) -> None:
        """Tell the reviewer what a bulk step did ("Accepted 29 × for → för")."""
        self.messages.info(self.tr("Done: %1 (Ctrl+Z takes it back).").replace("%1", what))

    def visible_pending(self, threshold: float) -> list[str]:
        """Ids of pending suggestions the filter shows at or above ``threshold``."""
        if self.session is None:
            return []
        return [
            s.id
            for s in self.session.suggestions
            if s.status is Status.PENDING and s.confidence >= threshold and self.filter.accepts(s)
        ]

    def accept_visible(self, threshold: float) -> int:
        """Accept the pending suggestions in the list from ``threshold`` up; returns how many."""
        ids = self.visible_pending(threshold)
        if not ids or self.session is None:
            note = self.tr("No pending suggestion in the list reaches %1.")
            self.messages.info(note.replace("%1", f"{threshold:.2f}"))
            return 0
        question = (
            self.tr("Accept %1 suggestions at or above %2?")
            .replace("%1", str(len(ids)))
            .replace("%2", f"{threshold:.2f}")
        )
        if not self.messages.confirm(question):
            return 0
        what = (
            self.tr("accept %1 suggestions at or above %2")
            .replace("%1", str(len(ids)))
            .replace("%2", f"{threshold:.2f}")
        )
        self._decide(accept_command(self.session, ids), what)
        self._said(what)
        return len(ids)

    def accept_ids(self, ids: list[str]) -> None:
        """Accept the suggestions ``ids`` as one undo step (a scripted review, a scene)."""
        if self.session is None or not ids:
            return
        what = self.tr("accept %1 suggestions").replace("%1", str(len(ids)))
        self._decide(accept_command(self.session, ids), what)

    def manual_edit(self, start: int, end: int, text: str) -> None:
        """The reviewer typed in the corrected text: ``[start, end)`` became ``text``."""
        if self.session is not None:
            self._push(ManualEditCommand(self.session, start, end, text), advance=False)

    # -- undo --------------------------------------------------------------------------------

    def undo(self) -> None:
        """Undo the last step, say which, and show the suggestion it concerned."""
        command = self.undo_stack.command(self.undo_stack.index() - 1)
        if command is None:
            return
        self.undo_stack.undo()
        self.messages.info(self.tr("Undone: %1").replace("%1", command.text()))
        self._focus(command)

    def redo(self) -> None:
        """Redo the next step, say which, and show the suggestion it concerned."""
        command = self.undo_stack.command(self.undo_stack.index())
        if command is None:
            return
        self.undo_stack.redo()
        self.messages.info(self.tr("Redone: %1").replace("%1", command.text()))
        self._focus(command)

    def _focus(self, command: QUndoCommand | None) -> None:
        if not isinstance(command, ReviewCommand) or command.focus_id is None:
            return
        if self.session is None:
            return
        try:
            self.session.get(command.focus_id)
        except KeyError:
            return
        self.set_current(command.focus_id)
