"""Real-word choices decided by the sentence: ``har``/``här``, ``ar`` → ``är``/``år``, ``1``/``i``.

Words that fold to the same letters (``vara``/``våra``) or that OCR rewrites into each other
(a lone ``1`` for ``i``, ``dr`` for ``är``) form confusion sets. For each set a linear model
trained on the reference corpus by ``tools/train_context.py`` (``lexicon/realword.bin``)
weighs the neighbours of the word: the three words on each side, the pairs around it, the
endings of the nearest words, sentence boundaries and punctuation, all diacritic-folded
(``realword_features.py``). ``RealWordModel.choose`` gives a probability per candidate and
the features that decided. Plain Python: a call takes a few microseconds.

The probabilities are ``P(word | context, word is one of the candidates)`` with the corpus
prior included; they do not know what the OCR printed. Pass the channel's likelihoods
``P(printed | word)`` as ``likelihoods`` to get the posterior given the printed word too.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from korrektur.engine.words.memo import Memo
from korrektur.engine.words.realword_features import (
    BOUNDARY,
    BREAK,
    COMMA,
    MARKS,
    context_tokens,
    describe,
    describe_phrase,
    features,
)
from korrektur.engine.words.realword_weights import StoredSet, read
from korrektur.engine.words.text import fold
from korrektur.model.reason import Phrase, phrase
from korrektur.paths import data_path

RESOLVED_LIMIT = 100_000  # remembered candidate tuples and the set that holds them

WEIGHTS_FILE = "realword.bin"
EVIDENCE = 3  # features named as the reason of a choice
REACH = 120  # characters read on each side of a word for its context


@dataclass(frozen=True, slots=True)
class Evidence:
    """One feature that moved the choice: what it is and how much it favoured ``favours``.

    Attributes:
        feature: the feature's name (``L1=det``).
        favours: the candidate it favoured most over the runner-up.
        weight: log-odds it added for ``favours`` against the runner-up.
    """

    feature: str
    favours: str
    weight: float

    def describe(self) -> str:
        """The feature in words (``'det' just before``)."""
        return describe(self.feature)


@dataclass(slots=True)  # (not frozen: a frozen class's constructor is several times slower)
class Choice:
    """The model's reading of one ambiguous word (treat it as read-only).

    Attributes:
        candidates: the candidates asked about, in the caller's order.
        probabilities: one per candidate; they sum to 1.
        modelled: False when no confusion set covers the candidates: then the probabilities
            are the likelihoods normalised (uniform without them) and say nothing.
    """

    candidates: tuple[str, ...]
    probabilities: tuple[float, ...]
    modelled: bool
    _prior: tuple[float, ...] = ()
    _places: tuple[int, ...] = ()
    _features: tuple[str, ...] | list[str] = ()
    _set: StoredSet | None = None

    @property
    def best(self) -> str:
        """The most probable candidate."""
        return self.candidates[max(range(len(self.candidates)), key=self.probabilities.__getitem__)]

    @property
    def confidence(self) -> float:
        """The probability of the best candidate."""
        return max(self.probabilities)

    def probability(self, word: str) -> float:
        """The probability of ``word`` (one of the candidates, lower case)."""
        return self.probabilities[self.candidates.index(word)]

    @property
    def prior(self) -> tuple[float, ...]:
        """The probabilities without context (corpus frequencies and likelihoods only)."""
        return _softmax(list(self._prior)) if self._prior else self.probabilities

    def evidence(self, limit: int = EVIDENCE) -> tuple[Evidence, ...]:
        """The features that most favoured the best candidate over the runner-up."""
        entry = self._set
        if len(self.candidates) < 2 or entry is None:
            return ()
        order = sorted(range(len(self.candidates)), key=self.probabilities.__getitem__)
        best, second = self._places[order[-1]], self._places[order[-2]]
        index = entry.decode()
        steps, scale = entry.steps, entry.scale
        moved = []  # (feature, its weight for the best, for the runner-up)
        for name in self._features:
            at = index.get(name)
            if at is not None:
                moved.append((name, steps[at + best] * scale, steps[at + second] * scale))
        ranked = sorted(moved, key=lambda item: item[2] - item[1])
        return tuple(
            Evidence(name, self.candidates[order[-1]], top - runner)
            for name, top, runner in ranked[:limit]
            if top > runner
        )

    def reason(self) -> str:
        """Why, in words: ``context ('det' just before, …) prefers 'är'`` ("" without one)."""
        said = self.reason_phrase()
        return said.render() if said is not None else ""

    def reason_phrase(self) -> Phrase | None:
        """``reason`` as a reason phrase (None without one)."""
        evidence = self.evidence()
        if not self.modelled or not evidence:
            return None
        return _REASONS[(self.best, *(e.feature for e in evidence))]


def _reason(key: tuple[str, ...]) -> Phrase:
    """The reason phrase of a choice of ``key[0]`` for the features ``key[1:]``."""
    named = tuple(describe_phrase(feature) for feature in key[1:])
    return phrase("context-evidence", evidence=named, word=key[0])


# Best word and deciding features → the reason phrase: a shared phrase is rendered once.
_REASONS: Memo[tuple[str, ...], Phrase] = Memo(_reason)


def _softmax(scores: list[float]) -> tuple[float, ...]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return tuple(e / total for e in exps)


class RealWordModel:
    """The confusion sets and their weights; features are decoded per set on first use.

    Thread-safe: a set is decoded under a lock, lookups only read.
    """

    def __init__(self, meta: dict[str, object], sets: list[StoredSet]) -> None:
        self.meta = meta
        self.sets = sets
        self._by_member: dict[str, list[int]] = {}
        for index, entry in enumerate(sets):
            for member in entry.members:
                self._by_member.setdefault(member, []).append(index)
        self._printed = {(s.kind, s.key): s.members for s in sets}
        # ``_resolve`` answers by the candidates
        self._resolved: Memo[tuple[str, ...], tuple[StoredSet, tuple[int, ...]] | None] = Memo(
            self._resolve, RESOLVED_LIMIT
        )
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path | None = None) -> RealWordModel:
        """Read the weights file (default: the shipped ``lexicon/realword.bin``).

        Raises:
            WeightsError: the file is missing, damaged or of another format.
        """
        meta, sets = read(path or data_path("lexicon", WEIGHTS_FILE))
        return cls(meta, sets)

    def knows(self, word: str) -> bool:
        """True when ``word`` (lower case) belongs to a confusion set."""
        return word in self._by_member

    def readings(self, printed: str) -> tuple[str, ...]:
        """The confusion set a printed word may stand for (empty: the word is unambiguous).

        Its OCR set when it has one (``1`` → ``i``, ``1``), else its diacritic set (``ar`` →
        ``är``, ``år``, ``ar``).
        """
        low = printed.lower()
        found = self._printed.get(("ocr", low))
        if found is None:
            found = self._printed.get(("fold", fold(low)), ())
        return found

    def confusable(self, word: str) -> tuple[str, ...]:
        """Every word that shares a confusion set with ``word`` (``word`` itself included)."""
        found: dict[str, None] = {}
        for index in self._by_member.get(word, ()):
            found.update(dict.fromkeys(self.sets[index].members))
        return tuple(found)

    def covers(self, candidates: tuple[str, ...]) -> bool:
        """True when one confusion set holds every candidate (``choose`` can weigh them)."""
        return self._resolved[candidates] is not None

    def _resolve(self, candidates: tuple[str, ...]) -> tuple[StoredSet, tuple[int, ...]] | None:
        """The smallest set holding every candidate, and each candidate's place in it."""
        if len(set(candidates)) < 2:
            return None
        common: set[int] | None = None
        for word in candidates:
            indexes = set(self._by_member.get(word, ()))
            common = indexes if common is None else common & indexes
        if not common:
            return None
        entry = min((self.sets[i] for i in common), key=lambda s: (len(s.members), s.members))
        return entry, tuple(entry.members.index(w) for w in candidates)

    def _decode(self, entry: StoredSet) -> dict[str, int]:
        with self._lock:
            return entry.decode()

    def choose(
        self,
        left: Sequence[str],
        right: Sequence[str],
        candidates: Sequence[str],
        *,
        title: bool = False,
        upper: bool = False,
        likelihoods: Sequence[float] | None = None,
    ) -> Choice:
        """How probable each candidate is between ``left`` and ``right``.

        Args:
            left: the tokens before the word, nearest LAST (words as written or as the first
                pass corrected them, and marks; see ``context_tokens``/``around``); put
                ``BOUNDARY`` where the paragraph begins, else the sequence's end means
                "not known".
            right: the tokens after the word, nearest first, likewise.
            candidates: the readings to choose among, lower case (numbers as written).
            title: the word is capitalised (``Har``).
            upper: the word is written in capitals (``HAR``).
            likelihoods: the channel's ``P(printed | candidate)``, one per candidate.

        Raises:
            ValueError: no candidates.
        """
        words = tuple(candidates)
        if not words:
            raise ValueError("choose needs at least one candidate")
        resolved = self._resolved[words]
        logs = [math.log(p) if p > 0 else -1e9 for p in likelihoods] if likelihoods else None
        if resolved is None:
            flat = _softmax(logs) if logs else tuple(1.0 / len(words) for _ in words)
            return Choice(words, flat, False)
        entry, places = resolved
        bias = entry.bias
        prior = [bias[i] for i in places]
        if logs:
            prior = [s + g for s, g in zip(prior, logs)]  # noqa: B905
        index = entry.index if entry.index is not None else self._decode(entry)
        get = index.get
        steps, scale = entry.steps, entry.scale  # a weight: its step times the scale
        names = features(left, right, title, upper)
        if len(places) == 2:  # the common case, written out: one log-odds
            first, second = places
            odds = prior[0] - prior[1]
            for name in names:
                at = get(name)
                if at is not None:
                    odds += steps[at + first] * scale - steps[at + second] * scale
            one = 1.0 / (1.0 + math.exp(-odds)) if odds > -700 else 0.0
            probabilities: tuple[float, ...] = (one, 1.0 - one)
        elif len(places) == 3:
            first, second, third = places
            one, two, three = prior
            for name in names:
                at = get(name)
                if at is not None:
                    one += steps[at + first] * scale
                    two += steps[at + second] * scale
                    three += steps[at + third] * scale
            probabilities = _softmax([one, two, three])
        else:
            scores = list(prior)
            for name in names:
                at = get(name)
                if at is not None:
                    for slot, place in enumerate(places):
                        scores[slot] += steps[at + place] * scale
            probabilities = _softmax(scores)
        return Choice(words, probabilities, True, tuple(prior), places, names, entry)


def around(text: str, start: int, end: int, chunks: int = 0) -> tuple[list[str], list[str]]:
    """The context tokens left and right of ``text[start:end]`` within its paragraph.

    A paragraph ends at a blank line; its edges count as ``BOUNDARY``. Only ``REACH``
    characters are read on each side, enough for three words and their punctuation, and
    (``chunks``, when given) only that many whitespace chunks of them: the model reads three
    words on each side, and the analyser asks for every ambiguous word of a document.
    """
    low = max(0, start - REACH)
    before = text[low:start]
    blank = before.rfind("\n\n")
    cut_left = blank >= 0 or low == 0
    if blank >= 0:
        before = before[blank + 2 :]
    pieces = before.split()
    if not cut_left and pieces and not before[:1].isspace():
        pieces = pieces[1:]  # the first chunk may be cut in two
    if chunks and len(pieces) > chunks:
        pieces, cut_left = pieces[-chunks:], False
    left = chunk_tokens(pieces)
    if cut_left:
        left.insert(0, BOUNDARY)
    high = min(len(text), end + REACH)
    after = text[end:high]
    blank = after.find("\n\n")
    cut_right = blank >= 0 or high == len(text)
    if blank >= 0:
        after = after[:blank]
    pieces = after.split()
    if not cut_right and pieces and not after[-1:].isspace():
        pieces = pieces[:-1]
    if chunks and len(pieces) > chunks:
        pieces, cut_right = pieces[:chunks], False
    right = chunk_tokens(pieces)
    if cut_right and (not right or right[-1] != BOUNDARY):
        right.append(BOUNDARY)
    return left, right


def chunk_tokens(chunks: list[str]) -> list[str]:
    """``context_tokens(chunks)``, from each chunk's tokens remembered (a text repeats them).

    Where one chunk ends with a mark and the next begins with one, the two collapse as
    ``context_tokens`` collapses them: a sentence boundary or a following bracket mark
    keeps the first, anything else the second.
    """
    out: list[str] = []
    cache = _CHUNK_TOKENS
    for chunk in chunks:
        tokens = cache.get(chunk)
        if tokens is None:  # (inline, not a Memo: most chunks are new, README.md)
            if len(cache) >= _CHUNK_LIMIT:
                cache.clear()
            tokens = cache[chunk] = _word_tokens(chunk) or context_tokens([chunk])
        if not tokens:
            continue
        if out and out[-1] in MARKS and tokens[0] in MARKS:
            if out[-1] != BOUNDARY and tokens[0] != BREAK:
                out[-1] = tokens[0]
            out.extend(tokens[1:])
        else:
            out.extend(tokens)
    return out


_AFTER_WORD = {",": [COMMA], ";": [COMMA], ".": [BOUNDARY], "!": [BOUNDARY], "?": [BOUNDARY]}
_AFTER_WORD[":"] = [BOUNDARY]


def _word_tokens(chunk: str) -> list[str] | None:
    """``context_tokens([chunk])`` of a chunk of letters, bare or with one mark after it.

    (Most chunks: a quick path, the same tokens; None for any other chunk.)
    """
    if chunk.isalpha():
        return [chunk]
    mark = _AFTER_WORD.get(chunk[-1])
    if mark is not None and chunk[:-1].isalpha():
        return [chunk[:-1], *mark]
    return None


_CHUNK_TOKENS: dict[str, list[str]] = {}  # chunk → its context tokens (bounded)
_CHUNK_LIMIT = 200_000


_shared: RealWordModel | None = None
_shared_lock = threading.Lock()


def shared_model() -> RealWordModel:
    """One model per process, loaded on first use (raises ``WeightsError`` if unreadable)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = RealWordModel.load()
        return _shared
