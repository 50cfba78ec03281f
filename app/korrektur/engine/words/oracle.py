"""The word engine as a ``WordOracle`` for the structure analysers (line-end hyphens)."""

from __future__ import annotations

from functools import lru_cache

from korrektur.engine.base import WordOracle
from korrektur.engine.words.candidates import Generator, Source
from korrektur.engine.words.channel import excluded_documents, global_channel
from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.lexicon_cache import shared_lexicon
from korrektur.engine.words.text import Case, apply_case, case_of

ORACLE_CACHE = 65536
KNOWN_MARGIN = 0.5  # a correction must beat the raw reading by this much (log) to be "known"


class LexiconOracle:
    """Answers whether a word is Swedish (as written or after correction) and its best form.

    ``known("Uppfoljningen")`` is True (a known word once ö is restored);
    ``known("Uppfolj")`` is False; ``correct("forvaltning")`` is ``"förvaltning"``.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        channel = global_channel(lexicon.confusions, lexicon.learned, excluded_documents())
        self.generator = Generator(lexicon, channel)
        self._best = lru_cache(maxsize=ORACLE_CACHE)(self._best_uncached)

    def _best_uncached(self, low: str) -> tuple[str, bool]:
        candidates = self.generator.candidates(low, fallback=False)
        if not candidates:
            return low, False
        best = candidates[0]
        if best.source is Source.COMPOUND:
            return best.word, True
        # A form no text has shown (``uppfölj``, a rare imperative) is weak evidence of a word.
        seen = best.prior > self.lexicon.rare_logp
        return best.word, best.source in (Source.KEEP, Source.LEXICON) and seen

    def known(self, word: str) -> bool:
        """True when ``word`` is Swedish as written or after word correction."""
        low = word.lower()
        if not low or not any(ch.isalpha() for ch in low):
            return False
        return self._best(low)[1]

    def correct(self, word: str) -> str:
        """The best form of ``word`` (``word`` itself when it is fine or unknown)."""
        best, found = self._best(word.lower())
        if not found or best == word.lower():
            return word
        case = case_of(word)
        return apply_case(best, case if case is not Case.MIXED else Case.LOWER)


def word_oracle(lexicon: Lexicon | None = None) -> WordOracle:
    """The word oracle of the shared lexicon (loaded, or compiled once, on first call)."""
    return LexiconOracle(lexicon or shared_lexicon())
