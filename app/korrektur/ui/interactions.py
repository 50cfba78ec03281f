"""Clicks on the panes: the popup on a raw highlight, a click in the corrected text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QWidget

from korrektur.ui.controller import ReviewController
from korrektur.ui.corrected_pane import CorrectedPane
from korrektur.ui.pane import TextPane
from korrektur.ui.popup import SuggestionPopup


class PaneInteractions(QObject):
    """Turns clicks into controller calls.

    Attributes:
        popup: the last popup opened (None before the first click).
    """

    def __init__(
        self,
        window: QWidget,
        controller: ReviewController,
        raw: TextPane,
        corrected: CorrectedPane,
        edit: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._raw = raw
        self._corrected = corrected
        self._edit = edit
        self.popup: SuggestionPopup | None = None
        raw.clicked.connect(self._raw_clicked)
        corrected.clicked.connect(self._corrected_clicked)

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
        popup.edit.connect(self._edit)
        popup.alternative.connect(self._controller.choose_alternative)
        self.popup = popup
        popup.show_at(where)

    def _corrected_clicked(self, offset: int, _where: QPoint) -> None:
        """A click in the corrected text only makes the suggestion there current."""
        layer = self._corrected.layer
        suggestion = layer.at(offset) if layer is not None else None
        if suggestion is not None and self._controller.session is not None:
            self._controller.set_current(suggestion.id)
