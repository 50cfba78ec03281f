"""Filter controls take only the keys they need, and Esc or Enter hands the keys back."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget

from korrektur.ui.keys import is_typing_key

_LEAVE = frozenset({Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter})
_NUMBER_KEYS = frozenset(
    {
        *(getattr(Qt.Key, f"Key_{n}") for n in range(10)),
        Qt.Key.Key_Period,
        Qt.Key.Key_Comma,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
    }
)


class Takes(Enum):
    """Which keys a filter control keeps from the window's review shortcuts."""

    TEXT = "text"  # a search field: every typing key
    NUMBER = "number"  # a confidence box: digits, separators and editing keys
    CHOICE = "choice"  # a drop-down: none (letters stay review keys)


class FilterKeys(QObject):
    """Event filter for the filter controls of the suggestion list.

    A control keeps the keys its kind of input needs (``Takes``); every other key stays a
    review key. ``Enter`` keeps what was entered and ``Esc`` puts back what the control
    held when it got the focus; both then hand the keys back to the review (``returned``).

    Signals:
        returned(): the reviewer left a filter control with Esc or Enter.
        committed(QWidget): Enter was pressed in this control (apply it now).
    """

    returned = Signal()
    committed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._takes: dict[QObject, Takes] = {}
        self._owner: dict[QObject, QWidget] = {}
        self._before: dict[QWidget, object] = {}

    def watch(self, widget: QWidget, takes: Takes) -> None:
        """Watch ``widget`` (and its inner line edit, which gets the keys of a spin box)."""
        targets: list[QWidget] = [widget]
        if isinstance(widget, QAbstractSpinBox) and widget.lineEdit() is not None:
            targets.append(widget.lineEdit())
        for target in targets:
            target.installEventFilter(self)
            self._takes[target] = takes
            self._owner[target] = widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Claim the keys this control takes; Esc and Enter leave it."""
        owner = self._owner.get(watched)
        if owner is None:
            return False
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._before[owner] = _value(owner)
        elif kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # Decided here, not by the control: a spin box's line edit would claim letters.
            keeps = Qt.Key(event.key()) in _LEAVE or self._takes_key(self._takes[watched], event)
            event.setAccepted(keeps)
            return True
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            if key in _LEAVE and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if key == Qt.Key.Key_Escape:
                    _restore(owner, self._before.get(owner))
                else:
                    self.committed.emit(owner)
                self.returned.emit()
                return True
        return False

    @staticmethod
    def _takes_key(takes: Takes, event: QKeyEvent) -> bool:
        if takes is Takes.TEXT:
            return is_typing_key(event)
        if takes is Takes.NUMBER:
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            return plain == Qt.KeyboardModifier.NoModifier and Qt.Key(event.key()) in _NUMBER_KEYS
        return False


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    return None


def _restore(widget: QWidget, value: object) -> None:
    if value is None:
        return
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QAbstractSpinBox) and isinstance(value, str):
        edit = widget.lineEdit()
        if edit is not None:
            edit.setText(value)
        widget.interpretText()
    elif isinstance(widget, QComboBox) and isinstance(value, int):
        widget.setCurrentIndex(value)
