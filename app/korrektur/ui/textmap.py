"""Python string offsets versus Qt text positions, and the edit that turns one text into another."""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Converts between Python offsets and Qt positions (UTF-16 code units).

    Characters outside the Basic Multilingual Plane take two Qt positions; the core counts
    them as one. For the usual text without them both conversions are the identity.
    """

    __slots__ = ("_astral", "_qt_after")

    def __init__(self, text: str) -> None:
        self._set([] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)])

    def _set(self, astral: list[int]) -> None:
        self._astral = astral
        self._qt_after = [pos + number + 2 for number, pos in enumerate(astral)]

    def replaced(self, start: int, end: int, inserted: str) -> Utf16Index:
        """The index after ``text[start:end]`` became ``inserted`` (cheap for small edits)."""
        added = (
            [] if inserted.isascii() else [start + m.start() for m in _ASTRAL.finditer(inserted)]
        )
        if not self._astral and not added:
            return self
        delta = len(inserted) - (end - start)
        low = bisect.bisect_left(self._astral, start)
        high = bisect.bisect_left(self._astral, end)
        other = Utf16Index("")
        other._set(self._astral[:low] + added + [pos + delta for pos in self._astral[high:]])
        return other

    def to_qt(self, offset: int) -> int:
        """The Qt position of Python ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The Python offset of Qt ``position`` (inside a surrogate pair: after the character)."""
        if not self._astral:
            return position
        return position - bisect.bisect_right(self._qt_after, position)


def qt_plain_text(text: str) -> str:
    """Text read from a ``QTextDocument`` with its block and line separators as ``\\n``."""
    return text.replace("\u2029", "\n").replace("\u2028", "\n")


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, comparing in chunks so long equal texts stay fast."""
    limit = min(len(a), len(b))
    chunk = 4096
    start = 0
    while start < limit and a[start : start + chunk] == b[start : start + chunk]:
        start += chunk
    start = min(start, limit)
    while start < limit and a[start] == b[start]:
        start += 1
    return start


def text_difference(old: str, new: str) -> tuple[int, int, str]:
    """The smallest ``(start, end, inserted)`` with ``old[:start] + inserted + old[end:] == new``.

    ``start`` is as early as possible; equal texts give ``(len, len, "")``.
    """
    prefix = _common_prefix(old, new)
    suffix = _common_prefix(old[prefix:][::-1], new[prefix:][::-1])
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]
