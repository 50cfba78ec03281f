"""The popup that opens when a highlight is clicked: reason, alternatives and decision buttons."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from korrektur.model import Suggestion
from korrektur.ui.formatting import change_text, kinds_text, status_name, visible
from korrektur.ui.reason_text import reason_text


class SuggestionPopup(QFrame):
    """A small popup for one suggestion; it closes after a choice.

    Signals:
        accept(), reject(), edit(): the buttons.
        alternative(int): an alternative button (1-based).
    """

    accept = Signal()
    reject = Signal()
    edit = Signal()
    alternative = Signal(int)

    def __init__(self, suggestion: Suggestion, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = QLabel(f"<b>{escape(change_text(suggestion))}</b>")
        facts = QLabel(
            f"{escape(kinds_text(suggestion))} · {suggestion.confidence:.2f} · "
            f"{escape(status_name(suggestion.status))}"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(facts)
        if suggestion.reason:
            reason = QLabel(reason_text(suggestion.reason))
            reason.setWordWrap(True)
            reason.setMaximumWidth(360)
            layout.addWidget(reason)
        self.alternative_buttons: list[QPushButton] = []
        if suggestion.alternatives:
            row = QHBoxLayout()
            for number, text in enumerate(suggestion.alternatives[:9], start=1):
                button = QPushButton(f"&{number} {visible(text)}")
                button.setToolTip(self.tr("Use this instead (key %1)").replace("%1", str(number)))
                button.clicked.connect(lambda _=False, n=number: self._choose(n))
                row.addWidget(button)
                self.alternative_buttons.append(button)
            row.addStretch(1)
            layout.addLayout(row)
        buttons = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.reject_button = QPushButton(self.tr("&Reject"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        for button, signal in (
            (self.accept_button, self.accept),
            (self.reject_button, self.reject),
            (self.edit_button, self.edit),
        ):
            button.clicked.connect(signal.emit)
            button.clicked.connect(self.close)
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _choose(self, number: int) -> None:
        self.alternative.emit(number)
        self.close()

    def show_at(self, point: QPoint) -> None:
        """Open just below ``point`` (global coordinates)."""
        self.adjustSize()
        self.move(point + QPoint(0, 12))
        self.show()
        self.accept_button.setFocus()
