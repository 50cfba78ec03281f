"""The review in progress: the session, the current suggestion and the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from korrektur.model import Change, ReviewSession, Status, Suggestion
from korrektur.ui.commands import (
    ManualEditCommand,
    ReviewCommand,
    accept_command,
    alternative_command,
    edit_command,
    reject_command,
)
from korrektur.ui.filters import SuggestionFilter
from korrektur.ui.formatting import change_text
from korrektur.ui.messages import Messages


class ReviewController(QObject):
    """Turns review keys into undoable commands on the session; widgets only call this.

    Attributes:
        session: the session under review (None before a document is analysed).
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

    def __init__(self, messages: Messages, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.messages = messages
        self.undo_stack = QUndoStack(self)
        self.session: ReviewSession | None = None
        self.filter = SuggestionFilter()
        self._current: str | None = None

    # -- session and current suggestion ------------------------------------------------------

    def set_session(self, session: ReviewSession | None) -> None:
        """Review ``session`` from a clean undo stack."""
        if self.session is not None:
            self.session.remove_listener(self._on_change)
        self.undo_stack.clear()
        self.session = session
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

    def accept(self) -> None:
        """Accept the current suggestion and go to the next."""
        suggestion = self._target()
        if suggestion is not None and self.session is not None:
            self._push(accept_command(self.session, [suggestion.id]))

    def reject(self) -> None:
        """Reject the current suggestion and go to the next."""
        suggestion = self._target()
        if suggestion is not None and self.session is not None:
            self._push(reject_command(self.session, [suggestion.id]))

    def edit(self, text: str) -> None:
        """Replace the current suggestion by the reviewer's text and go to the next."""
        suggestion = self._target()
        if suggestion is not None and self.session is not None:
            self._push(edit_command(self.session, suggestion.id, text))

    def choose_alternative(self, number: int) -> None:
        """Pick alternative ``number`` of the current suggestion and go to the next."""
        suggestion = self._target()
        if suggestion is None or self.session is None:
            return
        if number > len(suggestion.alternatives):
            self.messages.info(self.tr("This suggestion has no alternative %n.", "", number))
            return
        self._push(alternative_command(self.session, suggestion.id, number))

    def accept_same(self) -> None:
        """Accept every pending suggestion with the current one's correction."""
        suggestion = self._target()
        if suggestion is None or self.session is None:
            return
        ids = self.session.same_correction(suggestion.id)
        command = accept_command(self.session, ids)
        command.setText(
            self.tr("Accept all %1 (%n)", "", len(ids)).replace("%1", change_text(suggestion))
        )
        self._push(command)

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
        question = self.tr("Accept %n suggestions at or above %1?", "", len(ids))
        if not self.messages.confirm(question.replace("%1", f"{threshold:.2f}")):
            return 0
        self._push(accept_command(self.session, ids))
        return len(ids)

    def manual_edit(self, start: int, end: int, text: str) -> None:
        """The reviewer typed in the corrected text: ``[start, end)`` became ``text``."""
        if self.session is not None:
            self._push(ManualEditCommand(self.session, start, end, text), advance=False)

    # -- undo --------------------------------------------------------------------------------

    def undo(self) -> None:
        """Undo the last step and show the suggestion it concerned."""
        command = self.undo_stack.command(self.undo_stack.index() - 1)
        self.undo_stack.undo()
        self._focus(command)

    def redo(self) -> None:
        """Redo the next step and show the suggestion it concerned."""
        command = self.undo_stack.command(self.undo_stack.index())
        self.undo_stack.redo()
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
