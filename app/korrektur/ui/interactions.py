"""Mouse and in-place editing on the panes: the click popup, clicks in the corrected text, E."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QWidget

from korrektur.ui.controller import ReviewController
from korrektur.ui.corrected_pane import CorrectedPane
from korrektur.ui.inline_editor import InlineEditor
from korrektur.ui.pane import TextPane
from korrektur.ui.popup import SuggestionPopup


class PaneInteractions(QObject):
    """Turns clicks and the editor into controller calls.

    Attributes:
        editor: the in-place editor over the corrected pane.
        popup: the last popup opened (None before the first click).
    """

    def __init__(
        self,
        window: QWidget,
        controller: ReviewController,
        raw: TextPane,
        corrected: CorrectedPane,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._raw = raw
        self._corrected = corrected
        self.editor = InlineEditor(corrected.viewport())
        self.popup: SuggestionPopup | None = None
        raw.clicked.connect(self._raw_clicked)
        corrected.clicked.connect(self._corrected_clicked)
        corrected.leave.connect(raw.setFocus)
        self.editor.committed.connect(self._edit_committed)
        self.editor.cancelled.connect(raw.setFocus)

    def _raw_clicked(self, offset: int, where: QPoint) -> None:
        """A click on a highlight in the raw text: make it current and open the popup."""
        layer = self._raw.layer
        suggestion = layer.at(offset) if layer is not None else None
        if suggestion is None or self._controller.session is None:
            return
        self._controller.set_current(suggestion.id)
        popup = SuggestionPopup(suggestion, self._window)
        popup.accept.connect(self._controller.accept)
        popup.reject.connect(self._controller.reject)
        popup.edit.connect(self.start_edit)
        popup.alternative.connect(self._controller.choose_alternative)
        self.popup = popup
        popup.show_at(where)

    def _corrected_clicked(self, offset: int, _where: QPoint) -> None:
        """A click in the corrected text only makes the suggestion there current."""
        layer = self._corrected.layer
        suggestion = layer.at(offset) if layer is not None else None
        if suggestion is not None and self._controller.session is not None:
            self._controller.set_current(suggestion.id)

    def start_edit(self) -> None:
        """Open the in-place editor on the current suggestion in the corrected pane."""
        session, suggestion = self._controller.session, self._controller.current()
        if session is None or suggestion is None:
            self._controller.messages.info(self.tr("No suggestion is selected."))
            return
        start, end = session.corrected_span(suggestion)
        self._corrected.reveal(start, end)
        rects = self._corrected.rects_of(start, end)
        if rects:
            self.editor.open(rects[0], suggestion.current_text)

    def _edit_committed(self, text: str) -> None:
        self._controller.edit(text)
        self._raw.setFocus()
