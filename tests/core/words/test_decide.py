import math

from korrektur.engine.words.calibration import NEAR, PLAIN, SPLIT, Written
from korrektur.engine.words.candidates import Candidate, Source
from korrektur.engine.words.decide import (
    CONTEXT_FLIP,
    Option,
    Verdict,
    cased,
    decide,
    with_context,
)
from korrektur.engine.words.occurrences import Mode, Occurrence
from korrektur.engine.words.text import Case, Part
from korrektur.model import Document


class FixedContext:
    """A context model that favours one word by a fixed log ratio."""

    def __init__(self, favoured: str, gain: float) -> None:
        self.favoured, self.amount = favoured, gain

    def gain(self, left, word, right):
        return self.amount if word == self.favoured else 0.0


def _plain():
    kept = Candidate("lasa", math.log(0.6), 0.0, (), Source.KEEP)
    other = Candidate("läsa", math.log(0.4), 0.0, (("a", "ä"),), Source.LEXICON)
    return decide(
        [Option("lasa", "lasa", kept.score, kept), Option("läsa", "läsa", other.score, other)]
    )


def test_weak_context_does_not_change_a_valid_word():
    plain = _plain()
    odds = CONTEXT_FLIP / (1 - CONTEXT_FLIP) / (0.4 / 0.6)
    weak = with_context(plain, FixedContext("läsa", math.log(odds) - 0.5), "att", None)
    assert weak.best.text == "lasa"
    assert not weak.context_used


def test_strong_context_changes_a_valid_word():
    plain = _plain()
    odds = CONTEXT_FLIP / (1 - CONTEXT_FLIP) / (0.4 / 0.6)
    strong = with_context(plain, FixedContext("läsa", math.log(odds) + 0.5), "att", None)
    assert strong.best.text == "läsa"
    assert strong.context_used
    assert strong.confidence >= CONTEXT_FLIP


def test_context_may_confirm_the_valid_word():
    confirmed = with_context(_plain(), FixedContext("lasa", 1.0), "att", None)
    assert confirmed.best.text == "lasa"
    assert confirmed.confidence > 0.6


def test_the_kind_of_evidence_names_near_misses_and_run_together_words():
    near = Candidate("initiativ", math.log(1e-5), math.log(1e-6), (("a", "ia"),), Source.NEAR)
    split = Candidate("syfte att", math.log(1e-8), math.log(1e-2), ((".", " "),), Source.SPLIT)
    plain = Candidate("läsa", math.log(0.4), 0.0, (("a", "ä"),), Source.LEXICON)
    for candidate, kind in ((near, NEAR), (split, SPLIT), (plain, PLAIN)):
        option = Option(candidate.word, candidate.word, candidate.score, candidate)
        assert decide([option]).kind == kind


def test_what_a_change_changes_as_written():
    plain = _plain()
    strong = with_context(plain, FixedContext("läsa", 10.0), "att", None)
    assert strong.best.text == "läsa"
    assert strong.written is Written.WORD  # ``lasa`` is as common as ``läsa`` here
    assert plain.written is Written.NO_WORD  # it keeps ``lasa``: no change
    # a known word a thousand times rarer than its replacement: a misreading
    rare = Candidate("ar", math.log(1e-6), 0.0, (), Source.KEEP)
    common = Candidate("är", math.log(1e-3), math.log(0.5), (("a", "ä"),), Source.LEXICON)
    options = [Option(c.word, c.word, c.score, c) for c in (common, rare)]
    assert decide(options).written is Written.RARE_WORD
    unknown = Candidate("läsa", math.log(0.4), 0.0, (("a", "ä"),), Source.LEXICON)
    option = Option("läsa", "läsa", unknown.score, unknown)
    assert decide([option, Option("lasx", "lasx", -30.0, None)]).written is Written.NO_WORD


class _Capitals:
    """A channel that prints a lower-case initial as a capital at a fixed rate."""

    def __init__(self, rate: float) -> None:
        self.rate = rate

    def upper_cost(self, letter: str) -> float:
        return math.log(self.rate)


def _inside_sentence(raw: str) -> Occurrence:
    return Occurrence(
        (Part(0, len(raw), raw),), raw, raw.lower(), Case.TITLE, False, Mode.FULL, True, True, 1
    )


class _Shares:
    """A lexicon that knows how often some words are capitalised inside a sentence."""

    def __init__(self, shares: dict[str, float]) -> None:
        self.shares = shares

    def capitalised_share(self, word: str) -> float | None:
        return self.shares.get(word)


def test_a_word_never_capitalised_is_lowered_when_ocr_often_prints_its_capital():
    # The author's capital inside a sentence is as rare as the corpus shows (1 in 100 for a
    # word it never capitalised): OCR printing the accented initial as a capital, 1 in 60,
    # is the likelier story.
    ways = dict(
        cased(_inside_sentence("Arlig"), "årlig", _Shares({"årlig": 0.01}), _Capitals(1 / 60))
    )
    assert ways["årlig"] > ways["Årlig"]


def test_a_compound_is_capitalised_as_its_first_part():
    lexicon = _Shares({"över": 0.01, "malmö": 0.99})
    lower = dict(cased(_inside_sentence("Overtalig"), "övertalig", lexicon, _Capitals(0.1), "över"))
    assert lower["övertalig"] > lower["Övertalig"]
    name = dict(cased(_inside_sentence("Malmohamn"), "malmöhamn", lexicon, _Capitals(0.1), "malmö"))
    assert name["Malmöhamn"] > name["malmöhamn"]


def _verdict(*options: tuple[str, float, Source | None]) -> Verdict:
    made = []
    for text, probability, source in options:
        candidate = None if source is None else Candidate(text.lower(), -5.0, 0.0, (), source)
        made.append(Option(text, text.lower(), math.log(probability), candidate))
    return decide(made)


def test_a_choice_between_two_words_below_the_guess_line_is_a_guess():
    assert _verdict(("möts", 0.6, Source.LEXICON), ("mäts", 0.4, Source.LEXICON)).guessed
    assert _verdict(("mäta", 0.6, Source.LEXICON), ("mata", 0.4, Source.KEEP)).guessed
    assert not _verdict(("möts", 0.9, Source.LEXICON), ("mäts", 0.1, Source.LEXICON)).guessed


def test_no_guess_when_only_the_case_or_an_unknown_raw_word_rivals():
    # the letters are sure, only the capital is not
    cases = _verdict(
        ("år", 0.45, Source.LEXICON), ("År", 0.4, Source.LEXICON), ("är", 0.15, Source.LEXICON)
    )
    assert not cases.guessed
    # the raw word is no word: the reading is the best there is
    assert not _verdict(("nödvändiga", 0.6, Source.NEAR), ("néddvandiga", 0.4, None)).guessed


def test_a_guess_is_not_suggested(analyzer):
    document = Document.from_text("Vi séker stöd.\n")
    words, decisions = analyzer.decisions(document)
    at = next(i for i, w in enumerate(words) if w.raw == "séker")
    sure = _verdict(("söker", 0.9, Source.LEXICON), ("säker", 0.1, Source.LEXICON))
    guess = _verdict(("söker", 0.6, Source.LEXICON), ("säker", 0.4, Source.LEXICON))
    for verdict, expected in ((sure, ["söker"]), (guess, [])):
        decisions[at] = verdict
        made = analyzer.suggestions(document, words, decisions)
        assert [s.replacement for s in made if s.original == "séker"] == expected


def test_a_long_compound_that_needs_misreadings_undone_is_a_guess():
    def compound(parts: tuple[str, ...], channel: float) -> Verdict:
        word = "".join(parts)
        candidate = Candidate(word, -20.0, channel, (("i", "ä"),), Source.COMPOUND, parts)
        return decide([Option(word, word, candidate.score, candidate)])

    assert compound(("uppe", "hälls", "tillstånd"), math.log(0.01)).guessed
    # two parts, or diacritics restored only: an ordinary reading
    assert not compound(("hälls", "tillstånd"), math.log(0.01)).guessed
    assert not compound(("skol", "områdes", "perspektiv"), math.log(0.9)).guessed
