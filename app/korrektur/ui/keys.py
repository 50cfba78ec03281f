"""Plain keys belong to the widget being typed in, not to the window's one-key review shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

_WINDOW_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_IGNORED_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def is_typing_key(event: QKeyEvent) -> bool:
    """A key without Ctrl, Alt or Meta, other than Escape and the function keys."""
    if any(event.matches(key) for key in _WINDOW_KEYS):
        return False
    if event.modifiers() & ~_IGNORED_MODIFIERS != Qt.KeyboardModifier.NoModifier:
        return False
    key = event.key()
    return key != Qt.Key.Key_Escape and not Qt.Key.Key_F1 <= key <= Qt.Key.Key_F35


def claims_key(event: QEvent) -> bool:
    """Accept a ShortcutOverride for a typing key, so the focused widget receives the key."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and is_typing_key(event)
    ):
        event.accept()
        return True
    return False


def leaves_to_window(event: QEvent) -> bool:
    """Refuse a ShortcutOverride for undo and redo: those are the window's, not the widget's."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and any(event.matches(key) for key in _WINDOW_KEYS)
    ):
        event.ignore()
        return True
    return False
