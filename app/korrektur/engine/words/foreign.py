"""English phrases inside Swedish text: their words are kept as the author wrote them.

Swedish reports quote English names and titles (``Teach for Sweden``, ``Transport
Strategies for Net-Zero Systems``). A word of such a phrase can also be a Swedish word
that OCR stripped of its diacritics (``for`` is almost always ``för`` in these texts), and
the Swedish models, which do not read English, would change it. A word that is a common
English word is kept where the words around it are English: two of the four nearest
(within the sentence) are English words Swedish does not use, or it stands between two
capitalised words inside a sentence, one of them such an English word (a name or title
written in English).

English frequencies come from wordfreq's small English list, compiled into the lexicon
index with the Swedish ones (``build.py``: the English words Swedish hardly uses, and the
most common English words).
"""

from __future__ import annotations

import math

from korrektur.engine.words.decide import Option, Verdict, kept
from korrektur.engine.words.lexicon import Lexicon, quantise
from korrektur.engine.words.occurrences import Mode, Occurrence
from korrektur.engine.words.text import Case, fold

COMMON_ENGLISH = math.log(1e-4)  # the word kept: at least this common in English (for, by)
ENGLISH = math.log(1e-6)  # a neighbour counts as English when at least this common …
ENGLISH_MARGIN = math.log(10.0)  # … and this much more common in English than in Swedish
REACH = 2  # neighbours read on each side
MIN_ENGLISH = 2  # English neighbours that make the phrase English


def is_english(word: str, lexicon: Lexicon) -> bool:
    """``word`` (lower case) is an English word that Swedish, with any å/ä/ö, hardly uses."""
    english = lexicon.english_logp(word)
    if english is None or english < ENGLISH:
        return False
    forms = (word, *lexicon.forms(fold(word)))
    swedish = [p for p in map(lexicon.word_logp, forms) if p is not None]
    return not swedish or english - max(swedish) >= ENGLISH_MARGIN


def in_english_phrase(words: list[Occurrence], index: int, lexicon: Lexicon) -> bool:
    """The word at ``index`` is a common English word among English words (see the module)."""
    word = words[index]
    common = lexicon.english_logp(word.low)
    if common is None or common < COMMON_ENGLISH:
        return False
    before = _side(words, word.left, -1)
    after = _side(words, word.right, 1)
    english = [is_english(n.low, lexicon) for n in (*before, *after)]
    if sum(english) >= MIN_ENGLISH:
        return True
    if not before or not after:
        return False
    near = (before[0], after[0])
    return all(_named(n) for n in near) and any(is_english(n.low, lexicon) for n in near)


def _side(words: list[Occurrence], index: int | None, step: int) -> list[Occurrence]:
    """Up to ``REACH`` words on one side, nearest first, until punctuation intervenes."""
    found: list[Occurrence] = []
    while index is not None and len(found) < REACH:
        neighbour = words[index]
        found.append(neighbour)
        index = neighbour.left if step < 0 else neighbour.right
    return found


def _named(word: Occurrence) -> bool:
    """A capitalised word inside a sentence: part of a name or a title."""
    return word.case is Case.TITLE and not word.sentence_start


def keep_english(words: list[Occurrence], decisions: list[Verdict], lexicon: Lexicon) -> None:
    """Keep (in place) each valid word of an English phrase that a decision would change."""
    full = Mode.FULL
    english = lexicon.english
    rarest = quantise(COMMON_ENGLISH)  # (quantised: larger is rarer)
    for index, word in enumerate(words):
        scaled = english.get(word.low)
        if scaled is None or scaled > rarest or word.mode is not full:
            continue
        decision = decisions[index]
        if decision.options[0].text == word.as_written:
            continue
        written = _written(decision, word)
        if written is not None and in_english_phrase(words, index, lexicon):
            decisions[index] = Verdict([written], [1.0])


def _written(decision: Verdict, word: Occurrence) -> Option | None:
    """The option that keeps ``word`` as written, when it is a valid word (else None)."""
    plain = decision.without_context()
    for option in plain.options:
        if option.text == word.as_written and kept(option):
            return option
    return None
