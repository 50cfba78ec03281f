"""Sorted ``key<TAB>value`` lines kept as one string and searched through a sparse index.

Loading one string and a small index is far faster than splitting hundreds of thousands of
lines into a list, and a lookup is one bisection plus one ``str.find`` (both in C). Most
lookups are for keys that are not there (misspellings tried as words), so a bitmap of the
keys' hashes answers those without searching.
"""

from __future__ import annotations

import bisect
import zlib
from dataclasses import dataclass

STEP = 32  # lines per index entry
FILTER_BITS = 1 << 23  # bits of the key filter (1 MB); about 4% false hits at 400,000 keys
_MASK = FILTER_BITS - 1


def _bit(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) & _MASK


def key_filter(keys: list[str]) -> bytes:
    """A bitmap with the bit of every key set (a one-hash Bloom filter)."""
    bits = bytearray(FILTER_BITS // 8)
    for key in keys:
        bit = _bit(key)
        bits[bit >> 3] |= 1 << (bit & 7)
    return bytes(bits)


@dataclass(frozen=True)
class SortedLines:
    """Sorted lines ``key\\tvalue``; ``values(key)`` finds every value of a key.

    Attributes:
        text: ``"\\n" + "\\n".join(lines) + "\\n"``.
        keys: the key of every ``STEP``-th line.
        offsets: where (the newline before) every ``STEP``-th line starts in ``text``.
        present: ``key_filter`` of all keys: a clear bit means the key is absent.
    """

    text: str
    keys: list[str]
    offsets: list[int]
    present: bytes

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
        present = key_filter([line.partition("\t")[0] for line in lines])
        return cls("\n" + "\n".join(lines) + "\n", keys, offsets, present)

    def values(self, key: str) -> list[str]:
        """The values of ``key``, in line order."""
        bit = zlib.crc32(key.encode()) & _MASK  # (``_bit`` inlined: most calls end here)
        if not self.present[bit >> 3] & (1 << (bit & 7)) or not self.keys:
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
