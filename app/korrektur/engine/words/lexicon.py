"""The compiled word index: word probabilities, diacritic groups, compound parts and bigrams.

The index is compiled from the sources (``build.py``) and cached (``lexicon_cache.py``).
Everything is keyed by lower-case word forms.
"""

from __future__ import annotations

import array
import bisect
import marshal
import math
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from korrektur.engine.words.lines import SortedLines
from korrektur.engine.words.memo import Memo
from korrektur.engine.words.text import fold

GENITIVE_MIN = 4  # a known word longer than this takes a genitive -s
RARE_COUNT = 0.5  # a valid form never seen in the corpus counts as half an occurrence
SCALE = 8.0  # log values are stored as small integers in steps of 1/8 (fast to load)


def quantise(value: float) -> int:
    """A log value (≤ 0) as a small non-negative int (Python shares those: fast to load)."""
    return max(0, min(255, round(-value * SCALE)))


def word_hash(word: str) -> int:
    """A stable 32-bit hash of a word (Python's own ``hash`` changes between runs)."""
    return zlib.crc32(word.encode("utf-8"))


def pair_hash(first: str, second: str) -> int:
    """A stable 64-bit key of a word pair."""
    return (word_hash(first) << 32) | word_hash(second)


@dataclass
class Lexicon:
    """Lookups into the compiled index (lower-case words throughout).

    Attributes:
        total: number of words the probabilities are relative to.
        logp: every attested word → its log probability, ``quantise``d.
        groups: fold key → tab-joined forms, where forms differ from their key or share it.
        rare: sorted ``fold\\tform`` lines of valid forms never seen in any count; a genitive
            ``-s`` of a known word is known without being listed.
        begin: first (and middle) parts of compounds → log of how many compounds they begin,
            in steps of 1/8.
        begin_groups: fold key → tab-joined compound parts, as ``groups``.
        caps: percentage of mid-sentence uses that are capitalised (names near 100); words
            capitalised less than 5% of the time are left out.
        acronyms: forms kept exactly as written.
        patterns: regular expressions of protected chunks.
        confusions: hand-written ``raw>gold`` weights (confusions.yaml).
        learned: per-document learned confusion counts (learned-confusions.yaml).
        english: English words (wordfreq) that Swedish hardly uses, and the most common
            English words → their log probability in English, ``quantise``d (see
            ``foreign.py``).

    Remembered lookups (``memo.py``), called like methods and answered by a dict lookup:
        forms: ``forms(key)``, the known words whose fold key is ``key`` (``forslag`` →
            ``förslag``, ``forslag``): the engine asks for the same spellings again and again.
        begin_forms: ``begin_forms(key)``, the compound first parts whose fold key is
            ``key`` (``larar`` → ``lärar``).
        count: ``count(word)``, the expected count of a lower-case word in the reference
            corpus.
    """

    total: float
    logp: dict[str, int]
    groups: dict[str, str]
    rare: SortedLines
    begin: dict[str, int]
    begin_groups: dict[str, str]
    caps: dict[str, int]
    bigram_keys: array.array[int]
    bigram_counts: array.array[int]
    acronyms: frozenset[str]
    patterns: list[tuple[str, str]]
    confusions: list[tuple[str, str, float]]
    learned: dict[str, dict[str, dict[str, int]]]
    english: dict[str, int] = field(default_factory=dict)
    rare_logp: float = field(init=False)
    _near: dict[tuple[str, int], list[str]] = field(init=False, repr=False)
    _near_lock: threading.Lock = field(init=False, repr=False)
    forms: Callable[[str], tuple[str, ...]] = field(init=False, repr=False, compare=False)
    begin_forms: Callable[[str], tuple[str, ...]] = field(init=False, repr=False, compare=False)
    count: Callable[[str], float] = field(init=False, repr=False, compare=False)
    _forms: Memo[str, tuple[str, ...]] = field(init=False, repr=False)
    _hashes: Memo[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.rare_logp = math.log(RARE_COUNT / self.total)
        self._near = {}
        self._near_lock = threading.Lock()
        # (the memos' own lookups: a hit makes no Python call at all)
        self._forms = Memo(self._find_forms)
        self.forms = self._forms.__getitem__
        self.begin_forms = Memo(self._find_begin_forms).__getitem__
        self.count = Memo(self._find_count).__getitem__
        self._hashes = Memo(word_hash)

    def near_bucket(self, first: str, length: int, min_logp: float) -> list[str]:
        """Fold keys of words at least ``exp(min_logp)`` common, by first letter and length.

        Built on first use (a fraction of a second) for the near-miss search.
        """
        with self._near_lock:
            if not self._near:
                threshold = quantise(min_logp)
                buckets: dict[tuple[str, int], set[str]] = {}
                for word, scaled in self.logp.items():
                    if scaled <= threshold and word.isalpha():
                        key = fold(word)
                        buckets.setdefault((key[0], len(key)), set()).add(key)
                self._near = {k: sorted(v) for k, v in buckets.items()}
                self._near[("", 0)] = []  # marks the buckets as built
        return self._near.get((first, length), [])

    # -- words ---------------------------------------------------------------------------

    def word_logp(self, word: str) -> float | None:
        """Log probability of a lower-case word, None when it is not a known word."""
        value = self.logp.get(word)
        if value is not None:
            return value / -SCALE
        if word in self.forms(fold(word)):  # not in logp: one of the rare forms
            return self.rare_logp
        return None

    def english_logp(self, word: str) -> float | None:
        """Log probability of a lower-case word in English, if ``english`` holds it."""
        value = self.english.get(word)
        return None if value is None else value / -SCALE

    def part_logn(self, part: str) -> float:
        """Log of how many compounds the first part ``part`` begins (0 when unknown)."""
        return self.begin.get(part, 0) / SCALE

    def known(self, word: str) -> bool:
        """True for a known lower-case word form."""
        return self.word_logp(word) is not None

    def _find_forms(self, key: str) -> tuple[str, ...]:
        # (Written out without helper calls or empty comprehensions: most keys are no word.)
        groups, logp, rare = self.groups, self.logp, self.rare
        grouped = groups.get(key)
        found = grouped.split("\t") if grouped else [key] if key in logp else []
        listed = rare.values(key)
        if key[-1:] == "s" and len(key) > GENITIVE_MIN:  # a genitive -s of a known word
            stem = key[:-1]
            grouped = groups.get(stem)
            stems = grouped.split("\t") if grouped else [stem] if stem in logp else []
            stems += rare.values(stem)
            if stems:
                listed += [w + "s" for w in stems if not w.endswith(("s", "x", "z"))]
        if listed:
            found += [w for w in listed if w not in found]
        return tuple(found)

    def _find_begin_forms(self, key: str) -> tuple[str, ...]:
        grouped = self.begin_groups.get(key)
        return tuple(grouped.split("\t")) if grouped else (key,) if key in self.begin else ()

    def capitalised_share(self, word: str) -> float | None:
        """How often ``word`` is capitalised inside a sentence; None when never seen."""
        share = self.caps.get(word)
        if share is not None:
            return share / 100.0
        return 0.01 if word in self.logp else None

    # -- context -------------------------------------------------------------------------

    def _find_count(self, word: str) -> float:
        logp = self.word_logp(word)
        return math.exp(logp) * self.total if logp is not None else 0.0

    def bigram(self, first: str, second: str) -> int:
        """How often ``first second`` stands in the reference corpus (0 when rare)."""
        hashes = self._hashes
        key = (hashes[first] << 32) | hashes[second]
        index = bisect.bisect_left(self.bigram_keys, key)
        if index < len(self.bigram_keys) and self.bigram_keys[index] == key:
            return int(self.bigram_counts[index])
        return 0

    # -- cache ---------------------------------------------------------------------------

    def to_blob(self) -> bytes:
        """Serialise for the cache (in parts: see ``from_blob``)."""
        return _dump_in_parts(
            {
                "total": self.total,
                "logp": self.logp,
                "groups": self.groups,
                "rare": (self.rare.text, self.rare.keys, self.rare.offsets, self.rare.present),
                "begin": self.begin,
                "begin_groups": self.begin_groups,
                "caps": self.caps,
                "bigram_keys": self.bigram_keys.tobytes(),
                "bigram_counts": self.bigram_counts.tobytes(),
                "acronyms": sorted(self.acronyms),
                "patterns": self.patterns,
                "confusions": self.confusions,
                "learned": self.learned,
                "english": self.english,
            }
        )

    @classmethod
    def from_blob(cls, blob: bytes) -> Lexicon:
        """Load what ``to_blob`` wrote.

        The big tables are stored in parts and loaded one part at a time: one
        ``marshal.loads`` of the whole index holds the interpreter lock for 0.2–0.4 s,
        and the first analysis in the window (which loads the index on its worker thread)
        left the window without a repaint for that long.

        Raises:
            ValueError: the blob is not an index in this format.
        """
        data = _load_in_parts(blob)
        keys = array.array("Q")
        keys.frombytes(data["bigram_keys"])
        counts = array.array("I")
        counts.frombytes(data["bigram_counts"])
        return cls(
            total=data["total"],
            logp=data["logp"],
            groups=data["groups"],
            rare=SortedLines(*data["rare"]),
            begin=data["begin"],
            begin_groups=data["begin_groups"],
            caps=data["caps"],
            bigram_keys=keys,
            bigram_counts=counts,
            acronyms=frozenset(data["acronyms"]),
            patterns=[tuple(p) for p in data["patterns"]],
            confusions=[tuple(c) for c in data["confusions"]],
            learned=data["learned"],
            english=data["english"],
        )


# Entries of a table (or 16 times as many characters of a text) marshalled together: each
# part loads in a few milliseconds.
PART = 16_384
FORMAT = 2


def _split(value: Any) -> tuple[str, Any]:
    """``value`` as marshalled parts, each quick to load (``_joined`` puts them together)."""
    if isinstance(value, dict) and len(value) > PART:
        items = list(value.items())
        return "d", [marshal.dumps(dict(items[i : i + PART])) for i in range(0, len(items), PART)]
    if isinstance(value, list) and len(value) > PART:
        return "l", [marshal.dumps(value[i : i + PART]) for i in range(0, len(value), PART)]
    step = 16 * PART
    if isinstance(value, str) and len(value) > step:
        return "s", [marshal.dumps(value[i : i + step]) for i in range(0, len(value), step)]
    if isinstance(value, tuple):
        return "t", [_split(item) for item in value]
    return "v", marshal.dumps(value)


def _joined(part: Any) -> Any:
    """The value ``_split`` made ``part`` of (a part at a time: the lock changes hands)."""
    kind, content = part
    if kind == "v":
        return marshal.loads(content)
    if kind == "t":
        return tuple(_joined(item) for item in content)
    pieces = [marshal.loads(blob) for blob in content]
    if kind == "d":
        table: dict[Any, Any] = {}
        for piece in pieces:
            table.update(piece)
        return table
    if kind == "l":
        return [item for piece in pieces for item in piece]
    if kind == "s":
        return "".join(pieces)
    raise ValueError(f"unknown part {kind!r}")


def _dump_in_parts(data: dict[str, Any]) -> bytes:
    return marshal.dumps({"format": FORMAT, "parts": {k: _split(v) for k, v in data.items()}})


def _load_in_parts(blob: bytes) -> dict[str, Any]:
    outer = marshal.loads(blob)
    if not isinstance(outer, dict) or outer.get("format") != FORMAT:
        raise ValueError("not a word index of this version")
    return {name: _joined(part) for name, part in outer["parts"].items()}
