"""How kinds and statuses look, wherever they are shown: the window, the HTML report, the corpus.

One palette for every view, so that a reviewer who learnt the window's colours reads the
report the same way. Kind colours are Okabe & Ito's (2008, "Color Universal Design"),
distinguishable with every common colour vision deficiency; each kind also has its own
underline style, so that colour is never the only cue. Views map the styles to what they
can draw (``ui/painting.py`` to Qt pens, ``formats/export_html.py`` to CSS).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from korrektur.model.suggestion import Kind, Status, Suggestion


class Underline(StrEnum):
    """How a kind is underlined."""

    SOLID = "solid"
    WAVE = "wave"
    DASHED = "dashed"
    DOTTED = "dotted"
    DASH_DOT = "dash-dot"
    DOUBLE = "double"
    BRACKET = "bracket"
    HEAVY = "heavy"


@dataclass(frozen=True)
class KindStyle:
    """How suggestions of one kind look.

    Attributes:
        colour: the Okabe–Ito colour: the fill tint and, on a dark background, the line.
        line_light: the line on a light background (darker where the colour is pale).
        underline: the underline style.
        line_dark: the line on a dark background where ``colour`` would not show.
        fill: the tint where ``colour`` would not show.
    """

    colour: str
    line_light: str
    underline: Underline
    line_dark: str = ""
    fill: str = ""

    def line(self, dark: bool) -> str:
        """The underline colour on a dark or a light background."""
        return (self.line_dark or self.colour) if dark else self.line_light

    @property
    def tint(self) -> str:
        """The background tint (views set its opacity)."""
        return self.fill or self.colour


# Yellow and sky blue are too pale for a line on white, so light backgrounds get darker lines.
KIND_STYLES: dict[Kind, KindStyle] = {
    Kind.DIACRITIC: KindStyle("#0072B2", "#0072B2", Underline.SOLID),
    Kind.OCR: KindStyle("#D55E00", "#D55E00", Underline.WAVE),
    Kind.HYPHENATION: KindStyle("#009E73", "#007A59", Underline.DASHED),
    Kind.PAGE_FURNITURE: KindStyle("#CC79A7", "#A8467E", Underline.DOTTED),
    Kind.BULLET: KindStyle("#E69F00", "#B07A00", Underline.DASH_DOT),
    Kind.REFLOW: KindStyle("#56B4E9", "#2F86BA", Underline.DOUBLE),
    Kind.WHITESPACE: KindStyle("#F0E442", "#8F8700", Underline.BRACKET),
    Kind.MANUAL: KindStyle("#000000", "#000000", Underline.HEAVY, "#E8E8E8", "#9E9E9E"),
}

# The decided statuses in the list and the corpus report; undecided work is grey.
STATUS_COLOURS: dict[Status, str] = {
    Status.ACCEPTED: "#009E73",
    Status.REJECTED: "#D55E00",
    Status.EDITED: "#0072B2",
    Status.PENDING: "#BBBBBB",
}

EDITING_BORDER = "#E69F00"  # Okabe–Ito orange: edit mode, seen on light and dark alike


def primary_kind(suggestion: Suggestion) -> Kind:
    """The kind that decides a suggestion's look (the first of its kinds in ``Kind`` order)."""
    for kind in Kind:
        if kind in suggestion.kinds:
            return kind
    return Kind.MANUAL
