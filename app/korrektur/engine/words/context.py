"""The word-bigram context model: how much the neighbours favour a word."""

from __future__ import annotations

import math

from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.memo import UNBOUNDED, Memo

SMOOTHING = 20.0  # pseudo-count of the unigram estimate when interpolating a bigram
WEIGHT = 0.8  # context log-ratios are damped a little (neighbours may be wrong themselves)
UNSEEN_AT_MOST = 1.0  # a pair missing from the (pruned) table stood there at most this often


def _ratio(pair: int, given: float, target: float, total: float) -> float:
    """Log P(target | given) / P(target), with P(target | given) interpolated.

    The table leaves out rare pairs, so a missing pair is not evidence of absence: it counts
    as often as chance predicts, but at most ``UNSEEN_AT_MOST`` times; only pairs that chance
    makes common (``och här``) are held against a word when missing.
    """
    unigram = max(target, 0.5) / total
    pair_count = float(pair) if pair else min(given * unigram, UNSEEN_AT_MOST)
    conditional = (pair_count + SMOOTHING * unigram) / (given + SMOOTHING)
    return math.log(conditional / unigram)


class ContextModel:
    """Scores words by their neighbours; remembers each word pair it has priced.

    One per analysis: a document repeats its word pairs (``för att``) many times.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._after = Memo(self._left_ratio, UNBOUNDED)  # (left, word) → log ratio
        self._before = Memo(self._right_ratio, UNBOUNDED)  # (word, right) → log ratio

    def gain(self, left: str | None, word: str, right: str | None) -> float:
        """Log of how much likelier ``word`` is between ``left`` and ``right`` than alone.

        Positive when the corpus often has the word there (``för att``), negative when the
        neighbours are common but never seen with it. A word the corpus does not know counts
        as seen half a time.
        """
        gain = 0.0
        if left is not None:
            gain += self._after[left, word]
        if right is not None:
            gain += self._before[word, right]
        return WEIGHT * gain

    def _left_ratio(self, pair: tuple[str, str]) -> float:
        left, word = pair
        lexicon = self.lexicon
        given = lexicon.count(left)
        if given < 1.0:
            return 0.0
        count = max(lexicon.count(word), 0.5)
        return _ratio(lexicon.bigram(left, word), given, count, lexicon.total)

    def _right_ratio(self, pair: tuple[str, str]) -> float:
        word, right = pair
        lexicon = self.lexicon
        following = lexicon.count(right)
        if following < 1.0:
            return 0.0
        count = max(lexicon.count(word), 0.5)
        return _ratio(lexicon.bigram(word, right), count, following, lexicon.total)
