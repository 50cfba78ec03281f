"""The word-bigram context model: how much the neighbours favour a word."""

from __future__ import annotations

import math

from korrektur.engine.words.lexicon import Lexicon

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


def context_gain(lexicon: Lexicon, left: str | None, word: str, right: str | None) -> float:
    """Log of how much likelier ``word`` is between ``left`` and ``right`` than alone.

    Positive when the corpus often has the word there (``för att``), negative when the
    neighbours are common but never seen with it. A word the corpus does not know counts as
    seen half a time.
    """
    count = max(lexicon.count(word), 0.5)
    gain = 0.0
    if left is not None:
        given = lexicon.count(left)
        if given >= 1.0:
            gain += _ratio(lexicon.bigram(left, word), given, count, lexicon.total)
    if right is not None:
        following = lexicon.count(right)
        if following >= 1.0:
            gain += _ratio(lexicon.bigram(word, right), count, following, lexicon.total)
    return WEIGHT * gain
