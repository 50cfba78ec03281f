"""Real-word choices decided by the sentence: the real-word model re-ranks a decision.

Where a word's readings form one of the model's confusion sets (``har``/``här``,
``ar`` → ``är``/``år``, a lone ``1`` → ``i``), the model (``realword.py``) weighs the words
around it as the reference corpus taught it, given how likely the OCR was to print what it
printed for each reading (the channel's likelihoods). The model only redistributes the
probability the plain decision gave its candidates; readings outside its set keep theirs.
A valid word as written is changed only when the sentence makes the other reading at least
``CONTEXT_FLIP`` likely (the rule ``with_context`` applies to the word-pair model too).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from korrektur.engine.words.decide import (
    CONTEXT_FLIP,
    CONTEXT_MIN,
    LONE_LETTER,
    Option,
    Verdict,
    decide,
    kept,
)
from korrektur.engine.words.occurrences import Occurrence
from korrektur.engine.words.realword import RealWordModel, around
from korrektur.engine.words.text import NUMBER, Case

CHUNKS = 6  # whitespace chunks read on each side: three words and their marks, and more
LONE_STRENGTH = 300.0  # the prior rate of lone digits for letters counts as this many words
LONE_ROUNDS = 8
DOCUMENT_STRENGTH = 2.0  # the plain decision counts as this many of a word's occurrences
DOCUMENT_ROUNDS = 5


# Enum members as module names for the hot paths (README.md, "Performance notes").
_TITLE, _UPPER = Case.TITLE, Case.UPPER


class Plan(NamedTuple):
    """What a decision asks the real-word model (``_plan``), the same for its every occurrence.

    Attributes:
        words: the model's candidates among the decision's options.
        shares: each candidate's share of the plain decision's probability.
        likelihoods: each candidate's ``P(printed | word)``, in the order of ``words``.
    """

    words: tuple[str, ...]
    shares: dict[str, float]
    likelihoods: list[float]


def in_sentence(
    decision: Verdict,
    model: RealWordModel,
    occurrence: Occurrence,
    text: str,
    lone: float = 0.0,
    plans: dict[int, Plan | None] | None = None,
) -> Verdict | None:
    """``decision`` re-ranked by the real-word model; None when no confusion set covers it.

    ``lone``: for a lone digit, how likely this document is to print a one-letter word as
    a digit (``lone_letter_rate``); the channel's own estimate when higher. ``plans``
    remembers what a decision shared by many occurrences asks the model (by its id).
    """
    key = id(decision)
    if plans is not None and key in plans:
        plan = plans[key]
    else:
        plan = _plan(decision, model, occurrence.raw, lone)
        if plans is not None:
            plans[key] = plan
    if plan is None:
        return None
    words, shares, likelihoods = plan
    start, end = occurrence.pieces[0].start, occurrence.pieces[-1].end
    left, right = around(text, start, end, CHUNKS)
    case = occurrence.case
    choice = model.choose(
        left, right, words, title=case is _TITLE, upper=case is _UPPER, likelihoods=likelihoods
    )
    if not choice.modelled:
        return None
    mass = sum(shares.values())
    ranked = []
    for option, probability in zip(decision.options, decision.probabilities):  # noqa: B905
        if probability < CONTEXT_MIN:
            continue
        word = occurrence.raw if option.word == NUMBER else option.word
        if word in shares:
            # the model's share for the word, split among its case forms as before
            probability = mass * choice.probability(word) * probability / shares[word]
        total = math.log(max(probability, 1e-300))
        ranked.append(
            Option(option.text, option.word, option.score, option.candidate, total - option.score)
        )
    result = decide(ranked)
    result.context_used = True
    result.plain = decision
    result.sentence = choice
    return result


def settled(result: Verdict) -> Verdict:
    """``result``, or its plain decision where it would change a valid word unsurely.

    Never harm: the sentence alone changes a word that is valid as written only when it
    makes the other reading at least ``CONTEXT_FLIP`` likely.
    """
    plain = result.without_context()
    changed = result.best.text != plain.best.text
    if changed and kept(plain.best) and result.confidence < CONTEXT_FLIP:
        return plain
    return result


def in_document(results: list[Verdict]) -> list[Verdict]:
    """The sentence's decisions on one word's occurrences, sharpened by the document.

    A report about trains writes ``tåg`` wherever the sentence hesitates between ``tag`` and
    ``tåg``: each reading's share of the word's occurrences, estimated from the occurrences
    themselves (expectation maximisation, the plain decision worth ``DOCUMENT_STRENGTH``
    occurrences), replaces the plain decision's prior in each of them.
    """
    if len(results) < 2:
        return results
    plain = results[0].without_context()
    texts = [o.text for o in plain.options]
    place = {text: index for index, text in enumerate(texts)}
    base = plain.probabilities
    floors = [max(prior, 1e-300) for prior in base]
    # each posterior as (place of the option's text, probability), in the option order
    posteriors = [
        [(place[o.text], p) for o, p in zip(r.options, r.probabilities)]  # noqa: B905
        for r in results
    ]
    current = posteriors
    count = len(texts)
    for _ in range(DOCUMENT_ROUNDS):
        sums: list[float] = [0.0] * count
        for posterior in current:
            for index, p in posterior:
                sums[index] += p
        share = [
            (sums[index] + DOCUMENT_STRENGTH * base[index]) / (len(current) + DOCUMENT_STRENGTH)
            for index in range(count)
        ]
        current = []
        for posterior in posteriors:
            weights = [(index, p * share[index] / floors[index]) for index, p in posterior]
            total = sum(w for _, w in weights) or 1.0
            current.append([(index, w / total) for index, w in weights])
    out = []
    for result, listed in zip(results, current, strict=True):
        found = {texts[index]: p for index, p in listed}
        ranked = [
            Option(
                o.text,
                o.word,
                o.score,
                o.candidate,
                math.log(max(found.get(o.text, 0.0), 1e-300)) - o.score,
            )
            for o in result.options
        ]
        again = decide(ranked)
        again.context_used = True
        again.plain = plain
        again.sentence = result.sentence
        out.append(again)
    return out


def _plan(decision: Verdict, model: RealWordModel, raw: str, lone: float) -> Plan | None:
    """The model's candidates among the options, their share and likelihood; None: no set."""
    shares: dict[str, float] = {}  # candidate word → its share of the plain probability
    likelihood: dict[str, float] = {}  # candidate word → P(printed | word), best case form
    digit = raw.isdigit()
    for option, probability in zip(decision.options, decision.probabilities):  # noqa: B905
        if probability < CONTEXT_MIN or option.candidate is None:
            continue
        word = raw if option.word == NUMBER else option.word
        if not model.knows(word):
            continue
        shares[word] = shares.get(word, 0.0) + probability
        channel = math.exp(option.score - option.candidate.prior)
        if digit and option.word != NUMBER:
            channel = max(channel, lone)
        likelihood[word] = max(likelihood.get(word, 0.0), channel)
    if len(shares) < 2:
        return None
    words = tuple(shares)
    if not model.covers(words):
        return None  # no set holds them all: the model would say nothing
    return Plan(words, shares, [likelihood[w] for w in words])


def lone_letter_rate(
    numerals: list[tuple[Verdict, Occurrence]], letters: int, model: RealWordModel, text: str
) -> float:
    """How often this document prints a one-letter word (``i``) as a lone digit (``1``).

    The English-trained OCR that does it does it throughout a document, and a document that
    has it shows it as lone digits where the sentence wants ``i`` (``arbetar 1 skolan``).
    Estimated by expectation maximisation from ``LONE_LETTER`` (worth ``LONE_STRENGTH``
    observations): each lone digit counts as a misread letter as likely as the sentence
    and the current rate make it; ``letters`` one-letter words were printed right.
    """
    contexts = []
    for decision, occurrence in numerals:
        words = [o.word for o in decision.options if o.candidate is not None]
        letter = next((w for w in words if w != NUMBER and model.knows(w)), None)
        if letter is None or not model.knows(occurrence.raw):
            continue
        left, right = around(text, occurrence.pieces[0].start, occurrence.pieces[-1].end, CHUNKS)
        choice = model.choose(left, right, (letter, occurrence.raw))
        if choice.modelled:
            contexts.append(choice.probabilities[0])
    rate = LONE_LETTER
    for _ in range(LONE_ROUNDS):
        misread = sum(c * rate / (c * rate + (1.0 - c)) for c in contexts)
        rate = (misread + LONE_STRENGTH * LONE_LETTER) / (letters + misread + LONE_STRENGTH)
    return max(rate, LONE_LETTER)
