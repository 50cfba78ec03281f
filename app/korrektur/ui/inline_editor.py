"""The in-place editor that ``E`` opens over the current suggestion in the corrected pane."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from korrektur.model.palette import EDITING_BORDER
from korrektur.ui.formatting import for_editing, from_editing
from korrektur.ui.keys import claims_key


class InlineEditor(QLineEdit):
    """A one-line editor prefilled with the replacement; Enter commits, Escape cancels.

    Line breaks show as ⏎ and are typed as ⏎ too.

    Signals:
        committed(str): the reviewer's text.
        cancelled(): closed without a decision.
    """

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setToolTip(
            self.tr("Enter: use this text · Escape: cancel · ⏎ stands for a line break")
        )
        self._closing = False  # Enter or Escape is being handled: the focus may move meanwhile
        self.setStyleSheet(f"InlineEditor {{ border: 2px solid {EDITING_BORDER}; }}")
        self.hide()

    def open(self, rect: QRectF, text: str) -> None:
        """Show over ``rect`` (parent coordinates) with ``text`` selected."""
        self.setText(for_editing(text))
        width = max(int(rect.width()) + 60, 160)
        self.setGeometry(int(rect.left()) - 4, int(rect.top()) - 3, width, int(rect.height()) + 8)
        self.show()
        self.raise_()
        self.selectAll()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def event(self, event: QEvent) -> bool:
        """Keep Enter, Backspace, digits and letters here instead of the window's shortcuts."""
        return True if claims_key(event) else super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter commits, Escape cancels."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self._closing = True
            try:
                if key == Qt.Key.Key_Escape:
                    self.cancelled.emit()
                else:
                    self.committed.emit(from_editing(self.text()))
                self.hide()
            finally:
                self._closing = False
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Clicking elsewhere cancels."""
        super().focusOutEvent(event)
        if (
            self.isVisible()
            and not self._closing
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            self.hide()
            self.cancelled.emit()
