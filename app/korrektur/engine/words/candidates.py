"""Candidate words for one raw word: diacritics, OCR rewrites, compounds and near misses."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from korrektur.engine.words.channel import Channel, Op
from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.memo import Memo
from korrektur.engine.words.text import fold
from korrektur.model.compose import COMBINING_MARKS

MAX_REWRITES = 2  # OCR rewrites combined in one word (diacritics are free of this limit)
MAX_REWRITES_LONG = 3  # … in words of at least LONG_WORD letters
LONG_WORD = 9
COMPOUND_VARIANTS = 4  # rewritten spellings tried as compounds …
COMPOUND_VARIANT_FLOOR = math.log(1e-4)  # … if at least this likely
VARIANT_FLOOR = math.log(1e-7)  # rewritten spellings less likely than this are not tried …
NOISE_FLOOR = math.log(1e-11)  # … unless the token has no letter at all (``{3``)
COMBINED_SITES = 8  # the likeliest rewrite sites that are tried in combination
MAX_VARIANTS = 32
SITES_MEMO = 50_000  # remembered rewrite searches per generator (each a few kB)
MIN_REWRITTEN_END = 5  # compound ends this long are also tried with one misreading undone
REWRITTEN_END_SPLITS = 3  # … after the best few splits only
MIN_LOST_CONTEXT = 3  # a lost letter is looked for in words of at least this length …
MIN_RARE_LOST_CONTEXT = 2  # … or this length, in a rare word as written (``fr`` for ``för``)
RARE_WORD_LOGP = math.log(1e-7)  # rarer words as written are also tried as misreadings …
RARE_SHORT_LOGP = math.log(3e-5)  # … and rarer words of at most SHORT_WORD letters
SHORT_WORD = 4
MAX_PARTS = 4
SPELLINGS = 2  # spellings of a compound's first parts kept per position by the splitter
EXTRA_PART = math.log(0.1)  # each part of a compound after the second
MIN_BEGIN = 2
SHORT_PART_LOGN = math.log(100.0)  # a two-letter first part must begin this many compounds
MIN_END = 3
PART_NORM = math.log(3000.0)  # a first part that begins 3,000 corpus compounds costs nothing
END_MAX_LOGP = math.log(2e-3)  # function words (och, att, som) do not end compounds
COMPOUND_COST = math.log(0.3)  # writing a compound the corpus never showed
NEAR_EDIT = math.log(1e-6)  # one letter added, dropped or changed, not explained by the channel
NEAR_MIN_LOGP = math.log(1e-6)  # far (fuzzy) near misses: among words at least this common
# One edit from a long word (FAR_REACH_LENGTH letters or more, which has few neighbours):
# any word common enough to beat an unknown lower-case word after one unexplained edit
# (NEAR_EDIT + prior > UNKNOWN_LOWER in decide.py); shorter words need NEAR_MIN_LOGP.
EDIT_MIN_LOGP = math.log(1e-7)
SEPARATORS = ".'’‘-"  # marks that OCR prints where a space was (``syfte.att``, ``och-en``)
_SEPARATOR_SET = frozenset(SEPARATORS)
SEPARATOR_COST = math.log(1e-2)  # a separator read instead of a space
GLUE_COST = math.log(1e-3)  # a space lost between two words (``isamband``)
SHORT_PART = 3  # run-together parts shorter than this …
SHORT_WORD_LOGP = math.log(1e-3)  # … must be at least this common (i, på, av)
NEAR_LIMIT = 5
FAR_REACH_LENGTH = 8  # words this long may be two edits from a known word, shorter ones one
# Longer tokens (rules of dots, glued lines, image garbage) are no word and are left as they
# stand: the searches below grow faster than the length (the longest known word has 38 letters).
MAX_WORD_LENGTH = 48
# A combining mark left after composing: its letter has a mark with no composed form, and
# no other mark may be added to it (the word is left as written).
_MARKED = re.compile(f"[{COMBINING_MARKS}]")


class Source(StrEnum):
    """Where a candidate came from (for the reason shown to the reviewer)."""

    KEEP = "keep"  # the raw word, a known word
    UNKNOWN = "unknown"  # the raw word, not known (a name, a new word, or damage)
    LEXICON = "lexicon"  # a known word reached by diacritics and OCR rewrites
    COMPOUND = "compound"  # a compound of known parts
    NEAR = "near"  # a known word one or two letters away
    SPLIT = "split"  # two words run together (``isamband``, ``syfte.att``)
    DOCUMENT = "document"  # how the document's other spellings of the word agree it is written


# Enum members as module names for the hot paths (README.md, "Performance notes").
_KEEP, _LEXICON, _COMPOUND = Source.KEEP, Source.LEXICON, Source.COMPOUND
_NEAR, _SPLIT, _DOCUMENT = Source.NEAR, Source.SPLIT, Source.DOCUMENT
_WORD_SOURCES = (Source.KEEP, Source.LEXICON)


@dataclass(slots=True)
class Candidate:
    """One reading of a raw word.

    Attributes:
        word: lower-case form.
        prior: natural-log probability of the word.
        channel: log ratio of the OCR rewrites (0 for the raw word itself).
        ops: the ``(raw, gold)`` pieces that differ.
        source: how it was found.
        parts: compound parts, when it is a compound.
    """

    word: str
    prior: float
    channel: float
    ops: tuple[Op, ...]
    source: Source
    parts: tuple[str, ...] = ()

    @property
    def score(self) -> float:
        """Log of prior × channel (unnormalised posterior)."""
        return self.prior + self.channel

    def repriced(self, old: Channel, new: Channel) -> Candidate:
        """This candidate with its rewrites priced by channel ``new`` instead of ``old``."""
        if not self.ops:
            return self
        change = 0.0
        for raw, gold in self.ops:  # (a loop, not ``sum``: every candidate of every word)
            change += new.cost(raw, gold) - old.cost(raw, gold)
        return Candidate(
            self.word, self.prior, self.channel + change, self.ops, self.source, self.parts
        )


def best_first(candidate: Candidate) -> float:
    """Sort key: the best score first (``score`` without a property call per comparison)."""
    return -(candidate.prior + candidate.channel)


class Site(NamedTuple):
    """One OCR misreading that may be undone in a raw word: ``text[start:stop]`` → ``gold``.

    Attributes:
        start, stop: the raw piece (``start == stop``: a letter OCR lost, put back there).
        gold: what the piece was meant to be.
        cost: the channel's cost of the misreading (natural log, ≤ 0).
    """

    start: int
    stop: int
    gold: str
    cost: float


class CompoundEnd(NamedTuple):
    """A known word that can end a compound, as read from the end of a raw word.

    Attributes:
        form: the word.
        prior: its log probability.
        cost: the channel's cost of reading the raw end as ``form``.
        ops: the ``(raw, gold)`` rewrites that reading undoes.
    """

    form: str
    prior: float
    cost: float
    ops: tuple[Op, ...]


@dataclass(slots=True)
class _Variant:
    """A spelling of the raw word ``source`` with the rewrites ``sites`` undone.

    Most spellings tried are no word, so the rewrites' details (``ops``, and ``fixed``: the
    positions in ``text`` that a rewrite produced) are worked out only when asked for.
    """

    text: str
    cost: float
    known_ops: tuple[Op, ...] | None = None
    known_fixed: frozenset[int] | None = None
    source: str = ""
    sites: Sequence[Site] = ()

    @property
    def ops(self) -> tuple[Op, ...]:
        """The ``(raw, gold)`` rewrites."""
        if self.known_ops is None:
            self._expand()
        assert self.known_ops is not None
        return self.known_ops

    @property
    def fixed(self) -> frozenset[int]:
        """Positions in ``text`` produced by a rewrite."""
        if self.known_fixed is None:
            self._expand()
        assert self.known_fixed is not None
        return self.known_fixed

    def _expand(self) -> None:
        fixed: set[int] = set()
        ops: list[Op] = []
        position = 0
        length = 0
        for start, stop, gold, _ in self.sites:
            length += start - position
            fixed.update(range(length, length + len(gold)))
            length += len(gold)
            position = stop
            ops.append((self.source[start:stop], gold))
        self.known_ops = tuple(ops)
        self.known_fixed = frozenset(fixed)


Spelling = _Variant  # a spelling of a raw word with some rewrites undone (``spellings``)


class _FirstPart(NamedTuple):
    """A known compound first part read from the raw word up to ``stop`` (``_compounds``)."""

    stop: int
    form: str
    logn: float  # log of how many compounds it begins
    cost: float  # the channel's cost of reading the raw piece as ``form``
    ops: tuple[Op, ...]  # the rewrites that reading undoes


@dataclass(slots=True)
class _Path:
    prior: float
    cost: float
    parts: tuple[str, ...]
    ops: tuple[Op, ...]


@dataclass
class Generator:
    """Finds the candidates of raw words with one lexicon and one channel."""

    lexicon: Lexicon
    channel: Channel
    # ``_word`` answers, by (low, rewrites)
    _words: Memo[tuple[str, bool], Candidate | None] = field(init=False, repr=False)
    # ``_rewrites`` answers, by (low, letters, limit, shortest): the document's votes and the
    # word search ask alike
    _sites: Memo[tuple[str, bool, int, int], list[tuple[float, Sequence[Site]]]] = field(
        init=False, repr=False
    )

    def __post_init__(self) -> None:
        self._words = Memo(self._find_word)
        self._sites = Memo(self._find_rewrites, SITES_MEMO)

    def candidates(
        self,
        low: str,
        rewrites: bool = True,
        fallback: bool = True,
        compounds: bool = True,
        letters: bool = True,
    ) -> list[Candidate]:
        """Candidates for the lower-case raw word ``low``, best first.

        ``rewrites`` allows OCR rewrites (not just diacritics), ``letters`` among them those
        of plain letters (``d`` for ``ä``, a lost ``ö``); ``compounds`` the compound splitter;
        ``fallback`` the slower search for near misses when nothing else fits.
        """
        if len(low) > MAX_WORD_LENGTH or _MARKED.search(low):
            return []  # too long to correct, or a letter carries a mark of its own
        found: dict[str, Candidate] = {}
        plain = low.isalpha() and "é" not in low  # (then nothing but letter rewrites apply)
        if not plain and not _SEPARATOR_SET.isdisjoint(low):
            return list(self._separated(low))
        identity = _Variant(low, 0.0, (), frozenset())
        for candidate in self._lookups(identity):
            _keep_best(found, candidate)
        # A rare word as written may be a common word misread (``giller`` for ``gäller``,
        # ``fr`` for ``för``): its letter rewrites are tried too, and the frequency gap
        # decides against the channel's cost.
        rare = bool(found) and max(c.prior for c in found.values()) < (
            RARE_SHORT_LOGP if len(low) <= SHORT_WORD else RARE_WORD_LOGP
        )
        if found and plain and not rare:  # most words: known as they stand or with å/ä/ö
            if fallback and rewrites and len(low) >= 4:
                self._add_glued(found, low)
            return sorted(found.values(), key=best_first)
        unmatched = [] if found else [identity]
        # A word that is known, or known once its å/ä/ö is restored, is rarely also misread
        # letter for letter; nor is one whose digits, symbols or é explain the damage. Those
        # are tried first; plain letters (d for ä, a lost ö) only when they explain nothing.
        stages = (
            (False, True)
            if rewrites and letters and (rare or not found)
            else (False,)
            if rewrites
            else ()
        )
        forms = self.lexicon.forms
        shortest = MIN_RARE_LOST_CONTEXT if rare else MIN_LOST_CONTEXT
        for letters in stages:
            for cost, chosen in self._rewrites(low, letters, 1 if rare else 0, shortest):
                text = _spliced(low, chosen)
                if len(unmatched) >= COMPOUND_VARIANTS and not forms(fold(text)):
                    continue  # no word, and the compound splitter has spellings enough
                variant = _Variant(text, cost, source=low, sites=chosen)
                matched = False
                for candidate in self._lookups(variant):
                    matched = True
                    _keep_best(found, candidate)
                if not matched:
                    unmatched.append(variant)
            if found and not rare:
                break
        if compounds and len(low) >= 2 * MIN_BEGIN + 1:
            for variant in unmatched[:COMPOUND_VARIANTS]:
                if variant.cost < COMPOUND_VARIANT_FLOOR:
                    break
                for candidate in self._compounds(variant):
                    _keep_best(found, candidate)
        if fallback and rewrites and len(low) >= 4 and low.isalpha():
            self._add_glued(found, low)
            if not found:
                for candidate in self._near_misses(low):
                    _keep_best(found, candidate)
        return sorted(found.values(), key=best_first)

    # -- spellings for the document's own vocabulary ------------------------------------

    def spellings(self, low: str, rewrites: bool = True) -> list[Spelling]:
        """``low`` as written and (``rewrites``) with its likeliest OCR rewrites undone."""
        found: list[Spelling] = [_Variant(low, 0.0, (), frozenset())]
        if not rewrites:
            return found
        for cost, chosen in self._rewrites(low, letters=True):
            found.append(_Variant(_spliced(low, chosen), cost, source=low, sites=chosen))
        return found

    def reading(self, spelling: Spelling, form: str, prior: float) -> Candidate | None:
        """``spelling`` read as ``form`` (same fold key) with ``prior``: a document reading."""
        priced = self._diacritic_cost(spelling.text, form, spelling.fixed)
        if priced is None:
            return None
        cost, ops = priced
        return Candidate(form, prior, spelling.cost + cost, spelling.ops + ops, _DOCUMENT)

    # -- run-together words ------------------------------------------------------------

    def _add_glued(self, found: dict[str, Candidate], low: str) -> None:
        """Add the run-together readings of ``low`` unless it is a known word as it stands."""
        if not any(c.source is _KEEP for c in found.values()):
            for candidate in self._glued(low):
                _keep_best(found, candidate)

    def run_together(self, low: str) -> list[Candidate]:
        """Readings of ``low`` as two words whose space OCR lost (``isamband``)."""
        if not 4 <= len(low) <= MAX_WORD_LENGTH or not low.isalpha():
            return []
        return list(self._glued(low))

    def _word(self, low: str, rewrites: bool) -> Candidate | None:
        """The best lexicon reading of one word, if it is a known word (after restoration)."""
        return self._words[low, rewrites]

    def _find_word(self, key: tuple[str, bool]) -> Candidate | None:
        low, rewrites = key
        found = None
        if rewrites:
            for candidate in self.candidates(low, fallback=False, compounds=False):
                if candidate.source in _WORD_SOURCES:
                    found = candidate
                    break
        elif self.lexicon.forms(fold(low)):  # (a quick test first: most pieces are no word)
            readings = list(self._lookups(_Variant(low, 0.0, (), frozenset())))
            found = max(readings, key=lambda c: c.score) if readings else None
        return found

    def _separated(self, low: str) -> Iterator[Candidate]:
        """``syfte.att`` → ``syfte att``: a mark printed where a space was."""
        for index, mark in enumerate(low):
            if mark in SEPARATORS:
                left = self._word(low[:index], True)
                right = self._word(low[index + 1 :], True)
                if left is not None and right is not None:
                    yield _pair(left, right, SEPARATOR_COST, (mark, " "))
                return

    def _glued(self, low: str) -> Iterator[Candidate]:
        """``isamband`` → ``i samband``: two known words with the space between them lost.

        A part shorter than three letters must be a very common word (``i``, ``på``).
        """
        key = fold(low)
        sliced = len(key) == len(low)  # (always, for lower-case text: fold is letter for letter)
        forms = self.lexicon.forms
        for cut in range(1, len(low)):
            if sliced and not (forms(key[:cut]) and forms(key[cut:])):
                continue  # quick test: most cuts leave a piece that is no word
            head, tail = low[:cut], low[cut:]
            left = self._word(head, False)
            if left is None or (len(head) < SHORT_PART and left.prior < SHORT_WORD_LOGP):
                continue
            right = self._word(tail, False)
            if right is None or (len(tail) < SHORT_PART and right.prior < SHORT_WORD_LOGP):
                continue
            yield _pair(left, right, GLUE_COST, ("", " "))

    # -- spellings ---------------------------------------------------------------------

    def _rewrites(
        self, low: str, letters: bool, limit: int = 0, shortest: int = MIN_LOST_CONTEXT
    ) -> list[tuple[float, Sequence[Site]]]:
        """OCR rewrites worth undoing in ``low`` (``6kat`` → ``ökat``), most likely first.

        Each is a (cost, sites) pair; ``_spliced`` spells the word with them undone.

        ``letters`` allows rewriting plain letters (``d`` → ``ä``), not just digits, symbols
        and é, and restoring a lost letter (``kat`` → ``ökat``) where no digit, symbol or é
        already shows the damage. Only the likeliest combinations are kept, of at most
        ``limit`` rewrites (default: by the word's length).
        """
        if not letters and low.isalpha() and "é" not in low:
            return []  # plain letters only: nothing but letter rewrites could apply
        return self._sites[low, letters, limit, shortest]

    def _find_rewrites(self, key: tuple[str, bool, int, int]) -> list[tuple[float, Sequence[Site]]]:
        low, letters, limit, shortest = key
        sites: list[Site] = []
        rewrites = self.channel.rewrites
        new_site = tuple.__new__  # a Site without its Python-level __new__ (README.md)
        for start in range(len(low)):
            for length in (1, 2):
                piece = low[start : start + length]
                if len(piece) < length:
                    break
                options = rewrites.get(piece)
                if options is None or not (letters or _noise(piece)):
                    continue
                for gold, cost in options:
                    if cost >= VARIANT_FLOOR:
                        sites.append(new_site(Site, (start, start + length, gold, cost)))
        lost: list[Site] = []
        if letters and len(low) >= shortest and low.isalpha() and "é" not in low:
            for gold, cost in self.channel.lost:
                if cost >= VARIANT_FLOOR:
                    lost.extend(new_site(Site, (at, at, gold, cost)) for at in range(len(low) + 1))
        if not sites and not lost:
            return []
        limit = limit or (MAX_REWRITES_LONG if len(low) >= LONG_WORD else MAX_REWRITES)
        # (keys in C, likeliest first: ``reverse`` keeps ties in order, as a negated key would)
        combined = sorted(sites, key=_SITE_COST, reverse=True)[:COMBINED_SITES]
        combined.sort()
        chosen_sets: list[tuple[float, Sequence[Site]]] = [
            (site.cost, (site,)) for site in sites + lost
        ]
        if limit > 1:
            # A token with no letter at all (``{3``) cannot be right as written: each of its
            # characters is a misreading, so their combination is tried however unlikely.
            floor = VARIANT_FLOOR if any(ch.isalpha() for ch in low) else NOISE_FLOOR
            chosen_sets += [c for c in _combinations(combined, limit, floor) if len(c[1]) > 1]
        chosen_sets.sort(key=_SET_COST, reverse=True)
        return chosen_sets[:MAX_VARIANTS]

    def _diacritic_cost(
        self, text: str, form: str, fixed: frozenset[int], offset: int = 0
    ) -> tuple[float, tuple[Op, ...]] | None:
        """Cost of reading ``text`` as ``form`` (same fold key), or None if it undoes a rewrite."""
        if text == form:
            return 0.0, ()
        cost = 0.0
        ops: list[Op] = []
        for index, (raw, gold) in enumerate(zip(text, form)):  # noqa: B905
            if raw != gold:
                if offset + index in fixed:
                    return None
                cost += self.channel.cost(raw, gold)
                ops.append((raw, gold))
        return cost, tuple(ops)

    def _lookups(self, variant: _Variant) -> list[Candidate]:
        """Known words that ``variant`` spells, with å/ä/ö/é restored where needed."""
        text = variant.text
        forms = self.lexicon.forms(fold(text))
        if not forms:
            return []  # most spellings tried
        found = []
        for form in forms:
            priced = self._diacritic_cost(text, form, variant.fixed)
            if priced is None:
                continue
            cost, ops = priced
            prior = self.lexicon.word_logp(form)
            if prior is None:
                continue
            source = _KEEP if not variant.ops and not ops else _LEXICON
            found.append(Candidate(form, prior, variant.cost + cost, variant.ops + ops, source))
        return found

    # -- compounds ---------------------------------------------------------------------

    def _compounds(self, variant: _Variant) -> Iterator[Candidate]:
        """Readings of ``variant`` as a compound of known parts (``lararcoacher``)."""
        text, fixed = variant.text, variant.fixed
        key = fold(text)
        size = len(text)
        lexicon = self.lexicon
        # best[i]: the best sequences of first parts covering text[:i], one per spelling (a
        # spelling that needs no rewrite must not be crowded out by a likelier-looking one
        # that does), at most ``SPELLINGS`` of them, best first.
        best: list[dict[str, _Path]] = [{} for _ in range(size + 1)]
        best[0][""] = _Path(0.0, 0.0, (), ())
        begin_forms, part_logn = lexicon.begin_forms, lexicon.part_logn
        last_stop = size - MIN_END + 1
        for start in range(size):
            paths = best[start]
            if not paths:
                continue
            if len(paths) > SPELLINGS:
                kept = sorted(paths.items(), key=lambda item: -(item[1].prior + item[1].cost))
                paths = best[start] = dict(kept[:SPELLINGS])
            parts: list[_FirstPart] | None = None
            for spelled, here in paths.items():
                if len(here.parts) >= MAX_PARTS - 1:
                    continue
                if parts is None:  # the parts that may follow here, the same for each spelling
                    parts = []
                    for stop in range(start + MIN_BEGIN, last_stop):
                        for form in begin_forms(key[start:stop]):
                            logn = part_logn(form)
                            if stop - start < 3 and logn < SHORT_PART_LOGN:
                                continue
                            priced = self._diacritic_cost(text[start:stop], form, fixed, start)
                            if priced is not None:
                                parts.append(_FirstPart(stop, form, logn, *priced))
                # every part after the second is one more chance of a spurious split
                extra = EXTRA_PART if here.parts else 0.0
                for stop, form, logn, cost, ops in parts:
                    prior = here.prior + logn - PART_NORM + extra
                    score = prior + here.cost + cost
                    longer = spelled + form
                    current = best[stop].get(longer)
                    if current is None or score > current.prior + current.cost:
                        best[stop][longer] = _Path(
                            prior, here.cost + cost, (*here.parts, form), here.ops + ops
                        )
        unended: list[tuple[float, int, str]] = []
        for start in range(MIN_BEGIN, size - MIN_END + 1):
            paths = best[start]
            if not paths:
                continue
            ends = self._ends(text[start:], fixed, start)  # (the same for every spelling)
            for spelled, here in paths.items():
                if not ends and not variant.ops and size - start >= MIN_REWRITTEN_END:
                    unended.append((here.prior + here.cost, start, spelled))
                yield from self._compound_candidates(variant, here, ends)
        # The last part may hold a misreading of its own (``utbildnings|farvaltningen``):
        # tried for the best few splits that found no plain ending.
        for _, start, spelled in sorted(unended, reverse=True)[:REWRITTEN_END_SPLITS]:
            here = best[start][spelled]
            yield from self._compound_candidates(variant, here, self._rewritten_ends(text[start:]))

    @staticmethod
    def _compound_candidates(
        variant: _Variant, here: _Path, ends: list[CompoundEnd]
    ) -> Iterator[Candidate]:
        for form, end_prior, cost, ops in ends:
            parts = (*here.parts, form)
            yield Candidate(
                "".join(parts),
                end_prior + here.prior + COMPOUND_COST,
                variant.cost + here.cost + cost,
                variant.ops + here.ops + ops,
                _COMPOUND,
                parts,
            )

    def _ends(self, tail: str, fixed: frozenset[int], offset: int) -> list[CompoundEnd]:
        """Known words that can end a compound, read from ``tail``: (form, prior, cost, ops)."""
        forms = self.lexicon.forms(fold(tail))
        if not forms:
            return []  # most tails
        found = []
        for form in forms:
            end_prior = self.lexicon.word_logp(form)
            if end_prior is None or end_prior > END_MAX_LOGP:
                continue
            priced = self._diacritic_cost(tail, form, fixed, offset)
            if priced is not None:
                found.append(CompoundEnd(form, end_prior, priced[0], priced[1]))
        return found

    def _rewritten_ends(self, tail: str) -> list[CompoundEnd]:
        """``_ends`` of ``tail`` with one misreading undone (``farvaltningen``)."""
        found: list[CompoundEnd] = []
        forms = self.lexicon.forms
        key = fold(tail)
        sliced = len(key) == len(tail)  # (always, for lower-case text: fold is letter for letter)
        for rewrite_cost, chosen in self._rewrites(tail, letters=True, limit=1):
            start, stop, gold, _ = chosen[0]  # (one rewrite: the limit is 1)
            # (the rewrite spliced into the tail's fold key: most spell no word, and are
            # neither spelled out nor folded whole)
            if sliced:
                spelled = key[:start] + fold(gold) + key[stop:]
            else:
                spelled = fold(tail[:start] + gold + tail[stop:])
            if forms(spelled):
                text = tail[:start] + gold + tail[stop:]
                rewritten = _Variant(text, rewrite_cost, source=tail, sites=chosen)
                found.extend(
                    end._replace(cost=rewritten.cost + end.cost, ops=rewritten.ops + end.ops)
                    for end in self._ends(rewritten.text, rewritten.fixed, 0)
                )
        return found

    # -- near misses -------------------------------------------------------------------

    def _near_misses(self, low: str) -> Iterator[Candidate]:
        """Known words one edit away: a dropped, an added or a changed letter."""
        seen: set[str] = set()
        floor = EDIT_MIN_LOGP if len(low) >= FAR_REACH_LENGTH else NEAR_MIN_LOGP
        edits: list[tuple[str, float, Op]] = []
        for index in range(len(low)):
            edits.append((low[:index] + low[index + 1 :], NEAR_EDIT, (low[index], "")))
        for gold, cost in self.channel.lost[:6]:
            for index in range(len(low) + 1):
                edits.append((low[:index] + gold + low[index:], max(cost, NEAR_EDIT), ("", gold)))
        for text, cost, op in edits:
            if text in seen:
                continue
            seen.add(text)
            variant = _Variant(text, cost, (op,), frozenset())
            found = list(self._lookups(variant))
            if not found and len(text) >= 2 * MIN_BEGIN + 2:
                found = list(self._compounds(variant))
            for candidate in found:
                if candidate.prior >= floor:
                    candidate.source = _NEAR
                    yield candidate
        if not seen or len(low) < 5:
            return
        for word, distance in self._fuzzy(low):
            prior = self.lexicon.word_logp(word)
            if prior is not None and distance > 0:
                yield Candidate(word, prior, distance * NEAR_EDIT, ((low, word),), _NEAR)

    def _fuzzy(self, low: str) -> list[tuple[str, int]]:
        """Frequent words one edit (two for long words) from ``low`` (rapidfuzz, by length)."""
        key = fold(low)
        found: list[tuple[str, int]] = []
        reach = 2 if len(key) >= FAR_REACH_LENGTH else 1
        for length in range(len(key) - reach, len(key) + reach + 1):
            bucket = self.lexicon.near_bucket(key[0], length, NEAR_MIN_LOGP)
            for _, distance, index in process.extract(
                key, bucket, scorer=Levenshtein.distance, score_cutoff=reach, limit=NEAR_LIMIT
            ):
                found.extend((w, int(distance)) for w in self.lexicon.forms(bucket[index]))
        return found


_SITE_COST = itemgetter(3)  # a ``Site``'s cost
_SET_COST = itemgetter(0)  # a (cost, sites) pair's cost


def _pair(left: Candidate, right: Candidate, cost: float, op: Op) -> Candidate:
    return Candidate(
        f"{left.word} {right.word}",
        left.prior + right.prior,
        left.channel + right.channel + cost,
        (*left.ops, op, *right.ops),
        _SPLIT,
        (left.word, right.word),
    )


def _keep_best(found: dict[str, Candidate], candidate: Candidate) -> None:
    current = found.get(candidate.word)
    if current is None or candidate.score > current.score:
        found[candidate.word] = candidate


def _noise(piece: str) -> bool:
    """A raw piece that cannot be right inside a Swedish word: a digit, a symbol or é."""
    return not piece.isalpha() or "é" in piece


def _combinations(
    sites: list[Site], limit: int, floor: float = VARIANT_FLOOR
) -> list[tuple[float, list[Site]]]:
    """Non-overlapping sets of 1..limit rewrite sites (in text order), at least ``floor`` likely.

    Depth first: each set is followed by its extensions (the order ties are ranked in).
    """
    found: list[tuple[float, list[Site]]] = []
    _extend(found, sites, limit, floor, [], 0, 0.0)
    return found


def _extend(
    found: list[tuple[float, list[Site]]],
    sites: list[Site],
    limit: int,
    floor: float,
    chosen: list[Site],
    first: int,
    cost: float,
) -> None:
    """Add to ``found`` the extensions of ``chosen`` by ``sites[first:]``, depth first.

    (A module function, not a closure: a nested function that calls itself is a reference
    cycle, which would keep what it found alive until the cyclic collector runs.)
    """
    end = chosen[-1].stop if chosen else -1
    for index in range(first, len(sites)):
        site = sites[index]
        if site.start < end:
            continue
        total = cost + site.cost
        if total < floor:
            continue
        picked = [*chosen, site]
        found.append((total, picked))
        if len(picked) < limit:
            _extend(found, sites, limit, floor, picked, index + 1, total)


def _spliced(low: str, chosen: Sequence[Site]) -> str:
    """``low`` with the rewrites ``chosen`` (in text order, not overlapping) undone."""
    if len(chosen) == 1:
        start, stop, gold, _ = chosen[0]
        return low[:start] + gold + low[stop:]
    pieces: list[str] = []
    position = 0
    for start, stop, gold, _ in chosen:
        pieces.append(low[position:start])
        pieces.append(gold)
        position = stop
    pieces.append(low[position:])
    return "".join(pieces)
