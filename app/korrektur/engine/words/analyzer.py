"""The word analyser: restores diacritics and undoes OCR confusions, word by word."""

from __future__ import annotations

import functools
import math
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz.distance import Levenshtein

from korrektur.engine.base import AnalysisCancelled, Progress
from korrektur.engine.words.calibration import Calibration, load_calibration
from korrektur.engine.words.candidates import Candidate, Generator, Source, best_first
from korrektur.engine.words.channel import (
    Channel,
    Op,
    excluded_documents,
    global_channel,
    is_diacritic_op,
)
from korrektur.engine.words.consistency import document_readings, with_document
from korrektur.engine.words.context import ContextModel
from korrektur.engine.words.decide import (
    AMBIGUOUS,
    Verdict,
    decide,
    options,
    unknown_prior,
    with_context,
)
from korrektur.engine.words.foreign import keep_english
from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.lexicon_cache import shared_lexicon
from korrektur.engine.words.memo import UNBOUNDED, Memo
from korrektur.engine.words.occurrences import Mode, Occurrence, collect
from korrektur.engine.words.realword import RealWordModel, shared_model
from korrektur.engine.words.realword_weights import WeightsError
from korrektur.engine.words.reasons import reason
from korrektur.engine.words.sentence import (
    Plan,
    in_document,
    in_sentence,
    lone_letter_rate,
    settled,
)
from korrektur.engine.words.text import Case, Part, fold
from korrektur.gcpause import gc_paused
from korrektur.model.document import Document
from korrektur.model.suggestion import WORD_KINDS, Kind, Suggestion

# Enum members as module names for the hot paths (README.md, "Performance notes").
_FULL, _PROTECTED = Mode.FULL, Mode.PROTECTED
_KEEP, _LEXICON = Source.KEEP, Source.LEXICON
_WORD_SOURCES = (Source.KEEP, Source.LEXICON)

EVIDENCE_MARGIN = math.log(0.95 / 0.05)  # first-pass readings this sure teach the channel
MIN_ALTERNATIVE = 0.001
MAX_ALTERNATIVES = 4
CHECK_EVERY = 512  # words between cancellation checks
RUN_TOGETHER_BELOW = -13.0  # two words run together can beat only readings scored below this
CONTEXT_ROUNDS = 1  # the second round reads neighbours as the first round decided them
FUNCTION_LENGTH = 3  # a word this short …
FUNCTION_LOGP = math.log(5e-4)  # … and this common is a function word (och, i, för, med)


@dataclass
class _Pass:
    """One pass over the words with one channel; what it works out is remembered.

    A second pass (``previous`` set) re-prices the first pass's candidates under its own
    channel and searches afresh only for words the first pass found no reading of.
    Its memos last the analysis (``README.md``, "What is remembered").
    """

    lexicon: Lexicon
    channel: Channel
    full: bool
    previous: _Pass | None = None
    generator: Generator = field(init=False)
    # candidates by (lower-case word, mode), filled by ``candidates``
    cache: dict[tuple[str, Mode], list[Candidate]] = field(default_factory=dict)
    # verdicts by (as written, case, sentence start, mode, capital kept)
    decisions: dict[tuple[str, Case, bool, Mode, bool], Verdict] = field(default_factory=dict)
    # the best quick reading by (lower-case word, compounds tried)
    readings: Memo[tuple[str, bool], Candidate | None] = field(init=False)
    # the best reading of two chunks read as one (a word split by a space), by the joined word
    merged: Memo[str, Candidate | None] = field(init=False)
    # ``merges`` answers by (left, right)
    pairs: Memo[tuple[str, str], bool] = field(init=False)
    document: dict[str, Candidate] = field(default_factory=dict)  # see ``consistency``

    def __post_init__(self) -> None:
        self.generator = Generator(self.lexicon, self.channel)
        self.readings = Memo(self._find_reading, UNBOUNDED)
        self.merged = Memo(self._find_merged, UNBOUNDED)
        self.pairs = Memo(self._find_merges, UNBOUNDED)

    def candidates(self, word: Occurrence) -> list[Candidate]:
        # (a plain dict, not a Memo: this runs for every word, and most words are new)
        low, mode = word.low, word.mode
        key = (low, mode)
        found = self.cache.get(key)
        if found is not None:
            return found
        earlier = self.previous.cache.get(key) if self.previous is not None else None
        if earlier is not None and self.previous is not None and _settled(earlier):
            old = self.previous.channel
            found = [c.repriced(old, self.channel) for c in earlier]
            if (
                mode is _FULL
                and found[0].score < RUN_TOGETHER_BELOW
                and not any(c.source is _KEEP for c in earlier)
            ):
                found += self.generator.run_together(low)  # ``atti``: åtti or att i?
            found.sort(key=best_first)
        else:
            found = self.generator.candidates(
                low, rewrites=mode is _FULL, fallback=self.full, compounds=self.full
            )
        if self.document:
            found = with_document(found, self.document.get(low))
        self.cache[key] = found
        return found

    def _reading(self, low: str, compounds: bool = False) -> Candidate | None:
        """The best quick reading of a lower-case word (remembered), or None."""
        if not compounds and not self.full:  # the first pass's candidates are just that
            found = self.cache.get((low, _FULL))
            if found is None:
                found = self.cache[low, _FULL] = self.generator.candidates(
                    low, fallback=False, compounds=False
                )
            return found[0] if found else None
        return self.readings[low, compounds]

    def _find_reading(self, key: tuple[str, bool]) -> Candidate | None:
        low, compounds = key
        found = self.generator.candidates(low, fallback=False, compounds=compounds)
        return found[0] if found else None

    def _is_word(self, low: str) -> bool:
        if low in self.lexicon.logp:  # (quick: a word as written is a word)
            return True
        reading = self._reading(low)
        return reading is not None and reading.source in _WORD_SOURCES

    def joins(self, left: str, right: str, joined: str) -> bool:
        """Read a line-end hyphenation joined unless both halves are words and the whole not.

        ``Uppfolj-``/``ningen`` joins (``uppföljningen`` is a word); ``har-``/``kunskap``
        stays apart (two words; ``harkunskap`` is at best an unheard-of compound).
        """
        whole = self._reading(joined, compounds=True)
        if whole is not None and whole.source in _WORD_SOURCES:
            return True
        return not (self._is_word(left) and self._is_word(right))

    def merges(self, left: str, right: str, joined: str) -> bool:
        """Read two chunks as one word that OCR split (``socialtj ansten``).

        Only when one half at least is no word and the whole is a word seen in text.
        Remembered per pair: a document repeats its word pairs (``joined`` is the two).
        """
        return self.pairs[left, right]

    def _find_merges(self, key: tuple[str, str]) -> bool:
        left, right = key
        if self._is_word(left) and self._is_word(right):
            return False
        whole = self.merged[left + right]
        return (
            whole is not None
            and whole.source in _WORD_SOURCES
            and whole.prior > self.lexicon.rare_logp
        )

    def _find_merged(self, joined: str) -> Candidate | None:
        # å/ä/ö and digit or symbol misreadings only: a word split by a space and also
        # misread letter for letter is too unlikely to be worth the wider search.
        found = self.generator.candidates(joined, fallback=False, compounds=False, letters=False)
        return found[0] if found else None

    def spaces(self, left: str, right: str, hyphenated: str) -> bool:
        """Read ``och-ungdomar`` as two words whose space OCR printed as a hyphen.

        Only when one side reads as a short, very common word (``och``, ``i``, ``för``,
        ``med``), both are words, and the hyphenated chunk is no word itself (``i-land``).
        """
        if self.lexicon.known(hyphenated):
            return False
        readings = (self._reading(left), self._reading(right))
        if any(r is None or r.source not in _WORD_SOURCES for r in readings):
            return False
        return any(
            r is not None and len(r.word) <= FUNCTION_LENGTH and r.prior >= FUNCTION_LOGP
            for r in readings
        )

    def decide(self, word: Occurrence) -> Verdict:
        key = (word.as_written, word.case, word.sentence_start, word.mode, word.capital)
        found = self.decisions.get(key)
        if found is None:
            found = decide(options(word, self.candidates(word), self.lexicon, self.channel))
            self.decisions[key] = found
        return found


def _settled(candidates: list[Candidate]) -> bool:
    """The first pass found the word itself or a lexicon word: no deeper search needed."""
    for candidate in candidates:  # (a loop: asked for every distinct word, twice)
        source = candidate.source
        if source is _KEEP or source is _LEXICON:
            return True
    return False


class WordAnalyzer:
    """Word-level suggestions (diacritic and OCR kinds) for a document.

    The lexicon is loaded on first use (from the cache, or compiled once). ``exclude`` names
    training documents whose learned confusions are left out (default: the
    ``KORREKTUR_EXCLUDE_LEARNED`` environment variable).
    """

    name = "words"
    kinds = WORD_KINDS

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        calibration: Calibration | None = None,
        exclude: frozenset[str] | None = None,
    ) -> None:
        self._lexicon = lexicon
        self._calibration = calibration
        self._exclude = exclude
        self._channel: Channel | None = None
        self._realword: RealWordModel | Literal[False] | None = None
        self._lock = threading.Lock()

    @property
    def lexicon(self) -> Lexicon:
        """The word index."""
        with self._lock:
            if self._lexicon is None:
                self._lexicon = shared_lexicon()
            return self._lexicon

    @property
    def channel(self) -> Channel:
        """The OCR channel before it adapts to a document."""
        lexicon = self.lexicon
        with self._lock:
            if self._channel is None:
                exclude = excluded_documents() if self._exclude is None else self._exclude
                self._channel = global_channel(lexicon.confusions, lexicon.learned, exclude)
            return self._channel

    @property
    def realword(self) -> RealWordModel | None:
        """The real-word model (None when its weights cannot be read: word pairs decide)."""
        with self._lock:
            if self._realword is None:
                try:
                    self._realword = shared_model()
                except WeightsError:
                    self._realword = False
            return self._realword or None

    @property
    def calibration(self) -> Calibration:
        """Maps the model's probabilities to confidences measured on corrected documents."""
        if self._calibration is None:
            self._calibration = load_calibration()
        return self._calibration

    def decisions(
        self, document: Document, progress: Progress | None = None
    ) -> tuple[list[Occurrence], list[Verdict]]:
        """Every word of ``document`` with the engine's decision on it."""
        with gc_paused():
            return self._decisions(document, progress)

    def _decisions(
        self, document: Document, progress: Progress | None
    ) -> tuple[list[Occurrence], list[Verdict]]:
        lexicon = self.lexicon
        first = _Pass(lexicon, self.channel, full=False)
        words = collect(document, lexicon, first.joins, first.merges, first.spaces)
        total = 2 * len(words)
        channel = self.channel.adapted(*_evidence(first, words, progress, total))
        second = _Pass(lexicon, channel, full=True, previous=first)
        damaged = {
            low
            for (low, mode), found in first.cache.items()
            if mode is _FULL and not _settled(found)
        }
        valid = {
            low
            for (low, mode), found in first.cache.items()
            if mode is _FULL and any(c.source is _KEEP for c in found)
        }
        second.document = document_readings(words, second.generator, damaged, valid)
        final = _run(second, words, progress, len(words), total)
        _in_context(words, final, lexicon, document.text, self.realword)
        keep_english(words, final, lexicon)
        if progress is not None:
            progress.report(total, total)
        return words, final

    def analyse(self, document: Document, progress: Progress) -> list[Suggestion]:
        """Suggestions for every word the engine would change."""
        with gc_paused():
            return self._analyse(document, progress)

    def _analyse(self, document: Document, progress: Progress) -> list[Suggestion]:
        words, decisions = self.decisions(document, progress)
        return self.suggestions(document, words, decisions)

    def suggestions(
        self, document: Document, words: list[Occurrence], decisions: list[Verdict]
    ) -> list[Suggestion]:
        """The suggestions of ``decisions`` (``self.decisions(document)``), explained."""
        suggestions: list[Suggestion] = []
        # Explanations shared by identical words (and, where context decided, neighbours).
        shared: dict[tuple[int, str | None, str | None], _Explained] = {}
        protected = _PROTECTED
        for word, decision in zip(words, decisions, strict=True):
            if decision.options[0].text == (word.written or word.raw) or word.mode is protected:
                continue
            if decision.guessed:
                continue  # a guess between two words is left to the reviewer
            if decision.context_used:
                left = _neighbour(words, decisions, word.left)
                right = _neighbour(words, decisions, word.right)
            else:
                left = right = None  # the reason does not mention them
            key = (id(decision), left, right)
            explained = shared.get(key)
            if explained is None:
                explained = shared[key] = self._explain(word, decision, left, right)
            suggestions.extend(_suggestions(document, word, decision, explained))
        return suggestions

    def _explain(
        self, word: Occurrence, decision: Verdict, left: str | None, right: str | None
    ) -> _Explained:
        others = [
            o.text
            for o, p in zip(decision.options[1:], decision.probabilities[1:])  # noqa: B905
            if p >= MIN_ALTERNATIVE
        ][:MAX_ALTERNATIVES]
        if word.as_written not in others:
            others.append(word.as_written)
        return _Explained(
            reason(word.as_written, decision, self.lexicon, left, right),
            self.calibration.confidence(decision.confidence, decision.kind, decision.written),
            tuple(others),
        )


@dataclass(frozen=True, slots=True)
class _Explained:
    reason: str
    confidence: float
    alternatives: tuple[str, ...]


def _suggestions(
    document: Document, word: Occurrence, decision: Verdict, explained: _Explained
) -> list[Suggestion]:
    """One suggestion per piece of ``word`` that changes (two for a hyphenated word)."""
    if not word.joined:  # most words: no need to cut the texts into pieces
        piece = word.pieces[0]
        replacement = decision.best.text
        if replacement == piece.text:
            return []
        return [_suggestion(document, piece, replacement, explained, explained.alternatives)]
    made = []
    replacements = split_like(word, decision.best.text)
    alternatives = [split_like(word, text) for text in explained.alternatives]
    for index, piece in enumerate(word.pieces):
        replacement = replacements[index]
        if replacement != piece.text:
            others = tuple(a[index] for a in alternatives)
            made.append(_suggestion(document, piece, replacement, explained, others))
    return made


def _suggestion(
    document: Document,
    piece: Part,
    replacement: str,
    explained: _Explained,
    alternatives: tuple[str, ...],
) -> Suggestion:
    return Suggestion(
        "",
        piece.start,
        piece.end,
        document.text[piece.start : piece.end],
        replacement,
        kinds_of(piece.text, replacement),
        confidence=explained.confidence,
        reason=explained.reason,
        alternatives=alternatives,
    )


def _run(
    run: _Pass, words: list[Occurrence], progress: Progress | None, done: int, total: int
) -> list[Verdict]:
    """The decision on every word; each distinct word in its setting is decided once."""
    decided = run.decisions
    result: list[Verdict] = []
    fresh = 0
    for index, word in enumerate(words):
        key = (word.written or word.raw, word.case, word.sentence_start, word.mode, word.capital)
        found = decided.get(key)
        if found is None:
            if fresh % CHECK_EVERY == 0 and progress is not None:
                if progress.cancelled():
                    raise AnalysisCancelled
                progress.report(done + index, total)
            fresh += 1
            found = run.decide(word)
        result.append(found)
    return result


def _in_context(
    words: list[Occurrence],
    decisions: list[Verdict],
    lexicon: Lexicon,
    text: str,
    model: RealWordModel | None,
) -> None:
    """Re-rank each uncertain decision (in place) by the sentence around it.

    Where the real-word model has a confusion set for the word's readings, it decides from
    the words around (``sentence.in_sentence``). Elsewhere the word-pair model reads the
    neighbours' best readings: each of ``CONTEXT_ROUNDS`` rounds reads them as the round
    before left them; a decision is made once per plain decision and pair of neighbours.
    """
    uncertain = [i for i, d in enumerate(decisions) if d.probabilities[0] < AMBIGUOUS]
    if model is not None:
        numerals = [(decisions[i], words[i]) for i in uncertain if words[i].raw.isdigit()]
        lone = 0.0
        if numerals:
            letters = sum(1 for w in words if len(w.raw) == 1 and w.raw.isalpha())
            lone = lone_letter_rate(numerals, letters, model, text)
        rest = []
        plans: dict[int, Plan | None] = {}
        by_word: dict[int, list[int]] = {}  # occurrences of one plain decision
        weighed: dict[int, Verdict] = {}
        for index in uncertain:
            result = in_sentence(decisions[index], model, words[index], text, lone, plans)
            if result is None:
                rest.append(index)
            else:
                weighed[index] = result
                by_word.setdefault(id(decisions[index]), []).append(index)
        for indexes in by_word.values():
            sharpened = in_document([weighed[i] for i in indexes])
            for index, result in zip(indexes, sharpened, strict=True):
                decisions[index] = settled(result)
        uncertain = rest
    if not uncertain:
        return
    # How the context model reads each word: its best reading, a protected word as it stands.
    reading = [d.options[0].word for d in decisions]
    protected = _PROTECTED
    for index, word in enumerate(words):
        if word.mode is protected:
            reading[index] = word.context_word
    plains = [decisions[i].without_context() for i in uncertain]
    sides = [(words[i].left, words[i].right) for i in uncertain]
    context = ContextModel(lexicon)
    done: dict[tuple[int, str | None, str | None], Verdict] = {}
    for _ in range(CONTEXT_ROUNDS):
        updated = []
        for plain, (before, after) in zip(plains, sides, strict=True):
            left = None if before is None else reading[before]
            right = None if after is None else reading[after]
            key = (id(plain), left, right)
            found = done.get(key)
            if found is None:
                found = done[key] = with_context(plain, context, left, right)
            updated.append(found)
        for index, found in zip(uncertain, updated, strict=True):
            decisions[index] = found
            if words[index].mode is not protected:
                reading[index] = found.best.word


def _neighbour(
    words: list[Occurrence], best: list[str] | list[Verdict], index: int | None
) -> str | None:
    """How the context model reads the word at ``index`` (None: no neighbour).

    Its best reading (``best`` holds words or decisions), or a protected word as it stands.
    """
    if index is None:
        return None
    word = words[index]
    if word.mode is _PROTECTED:
        return word.context_word
    found = best[index]
    return found if isinstance(found, str) else found.best.word


def _evidence(
    first: _Pass, words: list[Occurrence], progress: Progress | None, total: int
) -> tuple[list[tuple[Op, float]], Counter[str]]:
    """Confusions and gold letters that the first pass's sure readings show.

    A reading is sure when it beats the next reading, and the raw word read as an unknown
    word, by ``EVIDENCE_MARGIN`` (case is left aside: it shows no letter confusions).
    """
    full = _FULL
    rewritable = [word for word in words if word.mode is full]
    written = [word.written or word.raw for word in rewritable]
    times = Counter(written)  # (in order of first appearance)
    sample = dict(zip(written, rewritable, strict=True))
    found: list[tuple[Op, float]] = []
    gold: Counter[str] = Counter()  # sure readings, by how often they stand
    for count, (text, seen) in enumerate(times.items()):
        if count % CHECK_EVERY == 0 and progress is not None:
            if progress.cancelled():
                raise AnalysisCancelled
            progress.report(count * len(words) // max(len(times), 1), total)
        word = sample[text]
        candidates = first.candidates(word)
        if not candidates:
            continue
        best = candidates[0]
        rival = candidates[1].score if len(candidates) > 1 else -math.inf
        if not any(c.source is _KEEP for c in candidates):
            rival = max(rival, unknown_prior(word))
        if best.score - rival < EVIDENCE_MARGIN:
            continue
        found.extend((op, float(seen)) for op in best.ops)
        gold[best.word] += seen
    letters: Counter[str] = Counter()
    for text, seen in gold.items():
        for letter in text:
            if letter.isalpha():
                letters[letter] += seen
    return found, letters


def split_like(word: Occurrence, text: str) -> list[str]:
    """``text`` cut into as many pieces as ``word`` has, where the raw pieces were cut."""
    if not word.joined:
        return [text]
    cut = len(word.pieces[0].text)
    target = cut
    if len(text) != len(word.raw):
        for op in Levenshtein.opcodes(word.raw, text):
            if op.src_start <= cut <= op.src_end:
                same_length = op.src_end - op.src_start == op.dest_end - op.dest_start
                if op.tag == "equal" or same_length:
                    target = op.dest_start + (cut - op.src_start)
                else:
                    target = op.dest_start if cut == op.src_start else op.dest_end
                break
    return [text[:target], text[target:]]


@functools.lru_cache(maxsize=65536)
def kinds_of(raw: str, replacement: str) -> frozenset[Kind]:
    """``diacritic`` when only å/ä/ö/é differ, ``ocr`` for other changes, both when both."""
    if raw.lower() == replacement.lower():
        return frozenset({Kind.OCR})  # a misread capital
    if fold(raw) == fold(replacement):
        return frozenset({Kind.DIACRITIC})
    kinds: set[Kind] = set()
    low, new = raw.lower(), replacement.lower()
    for op in Levenshtein.opcodes(low, new):
        if op.tag == "equal":
            continue
        raw_piece, new_piece = low[op.src_start : op.src_end], new[op.dest_start : op.dest_end]
        if len(raw_piece) == len(new_piece):
            for a, b in zip(raw_piece, new_piece, strict=True):
                kinds.add(Kind.DIACRITIC if is_diacritic_op((a, b)) else Kind.OCR)
        else:
            kinds.add(Kind.OCR)
    return frozenset(kinds or {Kind.OCR})
