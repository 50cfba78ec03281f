"""Normalise line endings to ``\\n`` and remember the original style for export."""

from __future__ import annotations

import re

_NEWLINE = re.compile(r"\r\n|\r|\n")


def detect_newline(text: str) -> str:
    """The most common newline sequence in ``text`` (``"\\n"`` when there is none)."""
    counts: dict[str, int] = {}
    for match in _NEWLINE.finditer(text):
        counts[match.group()] = counts.get(match.group(), 0) + 1
    if not counts:
        return "\n"
    return max(counts, key=lambda k: counts[k])


def normalise_newlines(text: str) -> str:
    """Every ``\\r\\n`` and lone ``\\r`` becomes ``\\n``: the offsets of all spans refer to this."""
    return _NEWLINE.sub("\n", text)


def restore_newlines(text: str, newline: str) -> str:
    """Write ``text`` (with ``\\n`` line ends) back with the document's newline style."""
    return text if newline == "\n" else text.replace("\n", newline)
