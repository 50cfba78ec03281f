"""The details pane: the current suggestion's change, reason, alternatives and decision."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from korrektur.model import Document, Suggestion
from korrektur.ui.formatting import details_html


class DetailsPane(QTextBrowser):
    """Read-only rich text; an alternative is a link that picks it.

    Signals:
        alternative(int): the reviewer clicked alternative number n (1-based).
    """

    alternative = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.show_suggestion(None, None)

    def show_suggestion(self, suggestion: Suggestion | None, document: Document | None) -> None:
        """Describe ``suggestion`` (or say that none is selected)."""
        if suggestion is None or document is None:
            note = self.tr("No suggestion selected.")
            self.setHtml(f"<p style='color:gray'>{note}</p>")
            return
        self.setHtml(details_html(suggestion, document))

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("alt:") and text[4:].isdigit():
            self.alternative.emit(int(text[4:]))
