"""Reviewing or editing: the one explicit mode in which keys type instead of deciding."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from korrektur.ui.controller import ReviewController
from korrektur.ui.corrected_pane import CorrectedPane
from korrektur.ui.inline_editor import InlineEditor
from korrektur.ui.pane import TextPane


class Mode(Enum):
    """What the keys do now."""

    REVIEW = "review"  # review keys decide; nothing types (filter fields aside)
    SUGGESTION = "suggestion"  # the in-place editor over the current suggestion (E)
    TEXT = "text"  # free typing in the corrected text (F2, double-click, toolbar)


class EditMode(QObject):
    """Switches between reviewing and editing, and back on ``Esc`` (always).

    While reviewing, the corrected pane is read-only, so a click in it only moves the
    cursor: the review keys keep deciding. Editing is entered on purpose and shown (the
    window follows ``changed``); it ends with ``Esc``, with ``Enter`` in the in-place
    editor, or when the reviewer moves to another part of the window.

    Attributes:
        mode: the current mode.

    Signals:
        changed(Mode): the mode changed.
    """

    changed = Signal(object)

    def __init__(
        self,
        controller: ReviewController,
        raw: TextPane,
        corrected: CorrectedPane,
        editor: InlineEditor,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = Mode.REVIEW
        self._controller = controller
        self._raw = raw
        self._corrected = corrected
        self._editor = editor
        self._review_widgets: list[QWidget] = [raw, corrected]
        self._last_review: QWidget = raw
        editor.committed.connect(self._committed)
        editor.cancelled.connect(self.back_to_review)
        corrected.leave.connect(self.back_to_review)
        corrected.edit_requested.connect(self.edit_text)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    @property
    def editing(self) -> bool:
        """True in either editing mode."""
        return self.mode is not Mode.REVIEW

    def _set(self, mode: Mode) -> None:
        if mode is not self.mode:
            self.mode = mode
            self._corrected.set_border(mode is not Mode.REVIEW)
            self.changed.emit(mode)

    def edit_suggestion(self) -> None:
        """``E``: type another correction for the current suggestion, in place."""
        session, suggestion = self._controller.session, self._controller.current()
        if session is None or suggestion is None:
            self._controller.messages.info(self.tr("No suggestion is selected."))
            return
        if self.mode is Mode.TEXT:
            self._corrected.set_editing(False)
        start, end = session.corrected_span(suggestion)
        self._corrected.reveal(start, end)
        rects = self._corrected.rects_of(start, end)
        if rects:
            self._set(Mode.SUGGESTION)
            self._editor.setFont(self._corrected.font())  # the text's own letters
            self._editor.open(rects[0], suggestion.current_text)

    def edit_text(self, at: int | None = None) -> None:
        """``F2``, a double-click or the toolbar: type in the corrected text at ``at``.

        Without ``at`` typing starts where the corrected pane's cursor is (where the
        reviewer clicked last, or the current suggestion).
        """
        if self._controller.session is None:
            return
        if self.mode is Mode.SUGGESTION:
            self._editor.hide()
        self._corrected.set_editing(True)
        if at is not None:
            self._corrected.place_cursor(at)
        self._set(Mode.TEXT)
        self._corrected.setFocus()

    def set_text_editing(self, on: bool) -> None:
        """The toolbar toggle: start or end free editing."""
        if on:
            self.edit_text()
        else:
            self.back_to_review()

    def back_to_review(self) -> None:
        """End any editing; the keys decide again (``Esc``, always).

        The focus goes back to the raw text unless the reviewer has already moved it
        elsewhere (a click in the list ends the editing too, and keeps its focus).
        """
        focus = QApplication.focusWidget()
        if self.mode is not Mode.REVIEW and (focus is None or self._inside_editing(focus)):
            self._raw.setFocus()
        if self._editor.isVisible():
            self._editor.hide()
        self._corrected.set_editing(False)
        self._set(Mode.REVIEW)

    def track(self, widget: QWidget) -> None:
        """``widget`` is a place to review from (the list): focus may return to it."""
        self._review_widgets.append(widget)

    def return_focus(self) -> None:
        """Give the keys back to the review: to where the reviewer last reviewed from."""
        self.back_to_review()
        target = self._last_review
        if not target.isVisible():
            target = self._raw
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _committed(self, text: str) -> None:
        self.back_to_review()
        self._controller.edit(text)

    def _inside_editing(self, widget: QWidget) -> bool:
        return (
            widget is self._editor
            or widget is self._corrected
            or self._corrected.isAncestorOf(widget)
        )

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Moving to another part of the window ends free editing."""
        if new in self._review_widgets and not (new is self._corrected and self.editing):
            self._last_review = new
        if self.mode is not Mode.TEXT or new is None or self._inside_editing(new):
            return
        if new.window() is self._corrected.window():
            self.back_to_review()
