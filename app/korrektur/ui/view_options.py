"""View menu behaviour: zoom, line wrapping, synchronised scrolling, colours and language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from korrektur.ui import settings as keys
from korrektur.ui.actions import ActionId, ActionRegistry
from korrektur.ui.i18n import Translations
from korrektur.ui.messages import Messages
from korrektur.ui.pane import TextPane
from korrektur.ui.settings import Settings
from korrektur.ui.sync import ScrollSync
from korrektur.ui.theme import Theme, ThemeMode, apply_theme

MIN_FONT, MAX_FONT = 6, 48

THEMES = {
    ActionId.THEME_SYSTEM: ThemeMode.SYSTEM,
    ActionId.THEME_LIGHT: ThemeMode.LIGHT,
    ActionId.THEME_DARK: ThemeMode.DARK,
}
LANGUAGES = {
    ActionId.LANGUAGE_SYSTEM: "system",
    ActionId.LANGUAGE_ENGLISH: "en",
    ActionId.LANGUAGE_SWEDISH: "sv",
}


class ViewOptions(QObject):
    """Applies and remembers the View menu's choices.

    Signals:
        theme_changed(Theme): the palette changed; panes and icons must repaint.
    """

    theme_changed = Signal(object)

    def __init__(
        self,
        actions: ActionRegistry,
        settings: Settings,
        messages: Messages,
        panes: tuple[TextPane, TextPane],
        sync: ScrollSync,
        parent: QObject | None = None,
        translations: Translations | None = None,
    ) -> None:
        super().__init__(parent)
        self._translations = translations
        self._actions = actions
        self._settings = settings
        self._messages = messages
        self._panes = panes
        self._sync = sync
        self.font_size = settings.get(keys.FONT_SIZE)
        self._default_font = keys.FONT_SIZE.default
        actions.connect(
            {
                ActionId.ZOOM_IN: lambda: self.zoom(1),
                ActionId.ZOOM_OUT: lambda: self.zoom(-1),
                ActionId.ZOOM_RESET: lambda: self.zoom(0),
            }
        )
        wrap = actions[ActionId.WRAP_LINES]
        wrap.setChecked(settings.get(keys.WRAP_LINES))
        wrap.toggled.connect(self._set_wrap)
        follow = actions[ActionId.SYNC_SCROLL]
        follow.setChecked(settings.get(keys.SYNC_SCROLL))
        follow.toggled.connect(self._set_sync)
        self._group(THEMES, settings.get(keys.THEME), self._set_theme)
        self._group(LANGUAGES, settings.get(keys.LANGUAGE), self._set_language)
        self._apply_font()
        self._set_wrap(wrap.isChecked())
        self._set_sync(follow.isChecked())

    def _group(
        self, choices: Mapping[ActionId, object], current: str, handler: Callable[[Any], None]
    ) -> None:
        group = QActionGroup(self)
        for action_id, value in choices.items():
            action = self._actions[action_id]
            group.addAction(action)
            action.setChecked(getattr(value, "value", value) == current)
            action.triggered.connect(lambda _=False, v=value, h=handler: h(v))

    def zoom(self, step: int) -> None:
        """Larger (1), smaller (-1) or normal (0) text in both panes."""
        size = self._default_font if step == 0 else self.font_size + step
        self.font_size = max(MIN_FONT, min(MAX_FONT, size))
        self._settings.set(keys.FONT_SIZE, self.font_size)
        self._apply_font()

    def _apply_font(self) -> None:
        for pane in self._panes:
            pane.set_font_size(self.font_size)

    def _set_wrap(self, wrap: bool) -> None:
        mode = (
            QPlainTextEdit.LineWrapMode.WidgetWidth if wrap else QPlainTextEdit.LineWrapMode.NoWrap
        )
        for pane in self._panes:
            pane.setLineWrapMode(mode)
        self._settings.set(keys.WRAP_LINES, wrap)

    def _set_sync(self, on: bool) -> None:
        self._sync.enabled = on
        self._settings.set(keys.SYNC_SCROLL, on)

    def _set_theme(self, mode: ThemeMode) -> None:
        self._settings.set(keys.THEME, mode.value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.theme_changed.emit(apply_theme(app, mode))

    def _set_language(self, language: str) -> None:
        """Switch the interface language now (every widget retranslates itself)."""
        self._settings.set(keys.LANGUAGE, language)
        app = QApplication.instance()
        if self._translations is None and isinstance(app, QApplication):
            self._translations = Translations(app)
        if self._translations is not None:
            self._translations.use(language)


def current_theme() -> Theme:
    """The pane colours for the application's palette now."""
    return Theme.from_palette(QApplication.palette())
