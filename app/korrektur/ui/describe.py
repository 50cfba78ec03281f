"""Structure changes in words: "join lines", "new paragraph", "remove running header 'Sida 5'"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from korrektur.model import WORD_KINDS, Kind, Suggestion
from korrektur.model.reason import Phrase, phrases_of

SHOWN = 40  # characters of a removed line shown in its description


def _quoted(text: str) -> str:
    shown = " ".join(text.split())
    if len(shown) > SHOWN:
        shown = shown[: SHOWN - 1] + "…"
    return f"'{shown}'"


def _what_is_removed(suggestion: Suggestion) -> str:
    """The furniture a removal takes away, from its reason: header, footer, page number."""
    for phrase in phrases_of(suggestion.reason):
        what = dict(phrase.values).get("what")
        key = what.key if isinstance(what, Phrase) else ""
        if key == "running-header":
            return QCoreApplication.translate("Describe", "remove running header %1")
        if key == "running-footer":
            return QCoreApplication.translate("Describe", "remove running footer %1")
        if key == "page-number":
            return QCoreApplication.translate("Describe", "remove page number %1")
        if key in ("document-number", "contact-line", "letterhead-with"):
            return QCoreApplication.translate("Describe", "remove letterhead line %1")
    return QCoreApplication.translate("Describe", "remove line %1")


def _breaks(suggestion: Suggestion, text: str) -> str | None:
    """Line breaks joined or added (reflow, and whitespace around breaks)."""
    before, after = suggestion.original.count("\n"), text.count("\n")
    if not before and not after:
        return None
    if after == 0:
        return (
            QCoreApplication.translate("Describe", "join lines")
            if before == 1
            else QCoreApplication.translate("Describe", "join lines across a blank line")
        )
    if after > before or (after == 2 and before < 2):
        return QCoreApplication.translate("Describe", "new paragraph")
    if after < before:
        return (
            QCoreApplication.translate("Describe", "remove a blank line")
            if after
            else QCoreApplication.translate("Describe", "join lines")
        )
    return QCoreApplication.translate("Describe", "spaces at a line break")


def _hyphen(suggestion: Suggestion, text: str) -> str | None:
    if "\n" not in suggestion.original:
        return None
    if not text:
        return QCoreApplication.translate("Describe", "join the hyphenated word")
    if text.endswith(" "):
        return QCoreApplication.translate("Describe", "join lines after the hyphen")
    return QCoreApplication.translate("Describe", "join lines, keep the hyphen")


def _whitespace(suggestion: Suggestion, text: str) -> str | None:
    original = suggestion.original
    if not text and original.strip():
        return QCoreApplication.translate("Describe", "remove speck %1").replace(
            "%1", _quoted(original)
        )
    if not original.strip() and not text.strip():
        if "\n" in original or "\n" in text:
            return _breaks(suggestion, text)
        return (
            QCoreApplication.translate("Describe", "one space instead of several")
            if text
            else QCoreApplication.translate("Describe", "remove blank space")
        )
    return None


def _bullet(suggestion: Suggestion, text: str) -> str | None:
    if not suggestion.original.strip():
        return QCoreApplication.translate("Describe", "add a list bullet")
    glyph = _quoted(suggestion.original.strip())
    if text.strip():
        return QCoreApplication.translate("Describe", "make %1 a list bullet").replace("%1", glyph)
    return None


def describe(suggestion: Suggestion, text: str | None = None) -> str | None:
    """A structure change in words, or None when a word change says it better.

    ``text`` is what the suggestion puts there (default: its replacement).
    """
    kinds = suggestion.kinds
    if kinds & WORD_KINDS:  # words changed too: the words say it best
        return None
    shown = suggestion.replacement if text is None else text
    if Kind.PAGE_FURNITURE in kinds and not shown:
        return _what_is_removed(suggestion).replace("%1", _quoted(suggestion.original))
    if Kind.HYPHENATION in kinds:
        return _hyphen(suggestion, shown)
    if Kind.REFLOW in kinds:
        return _breaks(suggestion, shown)
    if Kind.BULLET in kinds:
        return _bullet(suggestion, shown)
    if Kind.WHITESPACE in kinds:
        return _whitespace(suggestion, shown)
    return None
