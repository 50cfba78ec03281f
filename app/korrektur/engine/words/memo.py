"""The word engine's one kind of cache: answers remembered by key, worked out on first ask.

The engine asks the same questions again and again (a report repeats its words, and the
candidate search looks up the same spellings for many words), so it remembers the answers.
Every such cache is a ``Memo``: a dict from a documented key to the answer, filled on a miss
by the function that works the answer out. ``engine/words/README.md`` lists the memos, what
each is keyed by and how long it lives.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

LIMIT = 200_000  # answers remembered (some 30 MB at most for the largest), then forgotten
UNBOUNDED = sys.maxsize  # for memos that live one analysis: the answers are all needed


class Memo(dict[K, V]):
    """Answers by key: ``memo[key]`` is remembered, or worked out by ``compute(key)`` now.

    A hit is one dict lookup (in C: no Python call); a miss calls ``compute``. Past ``limit``
    answers the memo forgets them all at once, so that a long-lived engine (the worker
    process's, or the structure analysers' oracle) stays bounded.
    """

    __slots__ = ("compute", "limit")

    def __init__(self, compute: Callable[[K], V], limit: int | None = None) -> None:
        super().__init__()
        self.compute = compute
        self.limit = LIMIT if limit is None else limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self.compute(key)
        self[key] = value
        return value
