"""The word engine's one kind of cache: answers remembered by key, worked out on first ask.

The engine asks the same questions again and again (a report repeats its words, and the
candidate search looks up the same spellings for many words), so it remembers the answers.
Every such cache is a ``Memo``: a dict from a documented key to the answer, filled on a miss
by the function that works the answer out. ``engine/words/README.md`` lists the memos, what
each is keyed by and how long it lives.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")

LIMIT = 200_000  # answers remembered (some 30 MB at most for the largest), then forgotten
UNBOUNDED = sys.maxsize  # for memos that live one analysis: the answers are all needed


class Memo(dict[K, V]):
    """Answers by key: ``memo[key]`` is remembered, or worked out by ``compute(key)`` now.

    A hit is one dict lookup (in C: no Python call); a miss calls ``compute``. Past ``limit``
    answers the memo forgets them all at once, so that a long-lived engine (the worker
    process's, or the structure analysers' oracle) stays bounded.

    A memo is usually an attribute of the object whose method works its answers out. Held
    as a bound method, that method would close a reference cycle (object → memo → method →
    object), which only Python's cyclic collector frees: after an analysis it walked the
    analysis's 370,000 objects of passes, candidates and verdicts (engine README, "No
    reference cycles"). So the memo holds the method's object weakly, and the object and
    every answer go as soon as the last reference to the object does.
    """

    __slots__ = ("_function", "_owner", "limit")

    def __init__(self, compute: Callable[[K], V], limit: int | None = None) -> None:
        super().__init__()
        owner = getattr(compute, "__self__", None)
        function: Any = getattr(compute, "__func__", None)
        if owner is None or function is None:  # a plain function
            self._function: Any = compute
            self._owner: weakref.ref[Any] | None = None
        else:
            self._function, self._owner = function, weakref.ref(owner)
        self.limit = LIMIT if limit is None else limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        if self._owner is None:
            value: V = self._function(key)
        else:
            owner = self._owner()
            if owner is None:
                raise ReferenceError("a memo asked after the object it belongs to is gone")
            value = self._function(owner, key)
        self[key] = value
        return value
