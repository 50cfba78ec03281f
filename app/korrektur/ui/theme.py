"""Colours of the window: the panes' colours for the palette in use, light and dark palettes.

The kind and status colours are the core's (``korrektur.model.palette``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from korrektur.model import Kind
from korrektur.model.palette import KIND_STYLES


@dataclass(frozen=True)
class Theme:
    """Colours the text panes paint with, for the palette in use.

    Attributes:
        dark: the background is dark.
        outline: the box around the current suggestion.
        separator: page boundary lines and labels.
        gutter_text, gutter_background: line number gutter.
    """

    dark: bool
    outline: QColor
    separator: QColor
    gutter_text: QColor
    gutter_background: QColor

    def line_colour(self, kind: Kind) -> QColor:
        """The underline colour of ``kind``."""
        return QColor(KIND_STYLES[kind].line(self.dark))

    def fill_colour(self, kind: Kind, decided: bool) -> QColor:
        """The background tint of ``kind``; decided suggestions fade."""
        colour = QColor(KIND_STYLES[kind].tint)
        colour.setAlpha((28 if decided else 90) if self.dark else (22 if decided else 60))
        return colour

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        """The pane colours that go with ``palette``."""
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128
        separator = QColor(text)
        separator.setAlpha(110)
        gutter_text = QColor(text)
        gutter_text.setAlpha(130)
        gutter_background = base.darker(108) if not dark else base.lighter(125)
        outline = QColor("#FFFFFF" if dark else "#1A1A1A")
        return cls(dark, outline, separator, gutter_text, gutter_background)


class ThemeMode(Enum):
    """The user's choice of palette."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def dark_palette() -> QPalette:
    """A calm dark palette for the Fusion style."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2B2B2B",
        QPalette.ColorRole.WindowText: "#E6E6E6",
        QPalette.ColorRole.Base: "#1F1F1F",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#F0F0F0",
        QPalette.ColorRole.PlaceholderText: "#8A8A8A",
        QPalette.ColorRole.Text: "#E6E6E6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#E6E6E6",
        QPalette.ColorRole.BrightText: "#FF6E6E",
        QPalette.ColorRole.Link: "#56B4E9",
        QPalette.ColorRole.Highlight: "#2F6EA5",
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.Mid: "#404040",
        QPalette.ColorRole.Dark: "#1A1A1A",
        QPalette.ColorRole.Light: "#505050",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7A7A7A"))
    return palette


def light_palette() -> QPalette:
    """A light palette for the Fusion style (its own standard palette)."""
    style = QApplication.style()
    return style.standardPalette() if style is not None else QPalette()


def system_is_dark() -> bool:
    """True when the desktop asks for a dark colour scheme."""
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, mode: ThemeMode) -> Theme:
    """Use the Fusion style with a light or dark palette; returns the pane colours."""
    app.setStyle("Fusion")
    dark = mode is ThemeMode.DARK or (mode is ThemeMode.SYSTEM and system_is_dark())
    palette = dark_palette() if dark else light_palette()
    app.setPalette(palette)
    return Theme.from_palette(palette)
