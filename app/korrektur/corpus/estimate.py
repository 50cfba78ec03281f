"""How many word errors are still in the text: pending suggestions plus what the engine misses.

A pending suggestion is a word that is wrong with the probability its (calibrated)
confidence gives, so the pending suggestions hold the sum of their confidences in errors.
A decided suggestion holds none (the reviewer fixed it or judged the OCR right). Errors no
suggestion points at are estimated per word: ``MISSED_PER_WORD`` is the errors of the raw
OCR that the confidences of all suggestions do not account for, per word, measured on the
development documents leaving each document out in turn (``bench/corpus_estimate.py``,
figures in ``bench/README.md``).
"""

from __future__ import annotations

MISSED_PER_WORD = 0.0121
"""Word errors per word that no suggestion's confidence accounts for (see the module doc).

Fitted on the 21 development documents; with each left out in turn, the estimate of an
unreviewed document's word errors was off by 1.5% on average (at most 4.3%). It counts
both the errors no suggestion points at and those whose suggestion is wrong too, so after
a review (which settles the latter) it errs, if anything, on the high side."""


def remaining_errors(pending_weight: float, words: int) -> float:
    """The expected number of word errors left in a text of ``words`` words."""
    return pending_weight + MISSED_PER_WORD * words
