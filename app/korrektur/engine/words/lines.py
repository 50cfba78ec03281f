"""Sorted ``key<TAB>value`` lines kept as one string and searched through a sparse index.

Loading one string and a small index is far faster than splitting hundreds of thousands of
lines into a list, and a lookup is one bisection plus one ``str.find`` (both in C). Most
lookups are for keys that are not there (misspellings tried as words), so the set of the
keys answers those with one hash probe, without searching.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

STEP = 32  # lines per index entry


@dataclass(frozen=True)
class SortedLines:
    """Sorted lines ``key\\tvalue``; ``values(key)`` finds every value of a key.

    Attributes:
        text: ``"\\n" + "\\n".join(lines) + "\\n"``.
        keys: the key of every ``STEP``-th line.
        offsets: where (the newline before) every ``STEP``-th line starts in ``text``.
        present: every key (a key not in it has no line).
    """

    text: str
    keys: list[str]
    offsets: list[int]
    present: frozenset[str]

    @classmethod
    def build(cls, lines: list[str]) -> SortedLines:
        """Index ``lines`` (sorted, each ``key\\tvalue``, no newlines)."""
        keys: list[str] = []
        offsets: list[int] = []
        position = 0
        for number, line in enumerate(lines):
            if number % STEP == 0:
                keys.append(line.partition("\t")[0])
                offsets.append(position)
            position += len(line) + 1
        present = frozenset(line.partition("\t")[0] for line in lines)
        return cls("\n" + "\n".join(lines) + "\n", keys, offsets, present)

    def values(self, key: str) -> list[str]:
        """The values of ``key``, in line order."""
        if key not in self.present:  # (most calls end here)
            return []
        needle = "\n" + key + "\t"
        # The first line of ``key`` lies after the last index entry below it and at the
        # latest at the first entry not below it.
        index = bisect.bisect_left(self.keys, key)
        low = self.offsets[index - 1] if index > 0 else 0
        high = self.offsets[index] + len(needle) if index < len(self.offsets) else len(self.text)
        position = self.text.find(needle, low, high)
        found: list[str] = []
        while position != -1:
            start = position + len(needle)
            end = self.text.index("\n", start)
            found.append(self.text[start:end])
            position = end if self.text.startswith(needle, end) else -1
        return found

    def __len__(self) -> int:
        return self.text.count("\n") - 1 if len(self.text) > 1 else 0
