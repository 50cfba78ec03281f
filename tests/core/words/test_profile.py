"""The corpus profile seam: corpus words, confusion counts, calibration and pair offsets."""

from __future__ import annotations

import math

import pytest

from korrektur.engine.base import NoProgress
from korrektur.engine.registry import default_engine
from korrektur.engine.words import WordAnalyzer
from korrektur.engine.words.calibration import Calibration
from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.profile import (
    ENGINE_CONFIDENCE,
    LIFTED_KINDS,
    VALID_CEILING,
    CorpusLexicon,
    CorpusWord,
    Profile,
    ProfiledAnalyzer,
    engine_confidence,
    logit,
)
from korrektur.model import Document, Suggestion

TEXT = (
    "Kommunen har anlitat Tarnqvist for uppdraget.\n"
    "Vi traffade Kallby och Lundqvist pa motet i skolan.\n"
)
NAME = CorpusWord(math.log(1e-5), 0.95)


def changes(analyzer: WordAnalyzer, text: str = TEXT) -> dict[str, Suggestion]:
    return {s.original: s for s in analyzer.analyse(Document.from_text(text), NoProgress())}


@pytest.fixture(scope="module")
def plain(lexicon: Lexicon) -> dict[str, Suggestion]:
    return changes(WordAnalyzer(lexicon, exclude=frozenset()))


def profiled(lexicon: Lexicon, profile: Profile) -> dict[str, Suggestion]:
    return changes(ProfiledAnalyzer(profile, lexicon, exclude=frozenset()))


def test_an_empty_profile_changes_nothing(lexicon: Lexicon, plain: dict[str, Suggestion]) -> None:
    found = profiled(lexicon, Profile())
    assert {k: (s.replacement, s.confidence) for k, s in found.items()} == {
        k: (s.replacement, s.confidence) for k, s in plain.items()
    }


def test_a_corpus_word_is_never_suggested_against(
    lexicon: Lexicon, plain: dict[str, Suggestion]
) -> None:
    assert plain["Kallby"].replacement == "Källby"  # the engine alone reads a common place
    found = profiled(lexicon, Profile(words={"kallby": NAME}))
    assert "Kallby" not in found
    assert found["traffade"].replacement == "träffade"  # the rest as before


def test_a_corpus_word_is_offered_for_its_damaged_variants(
    lexicon: Lexicon, plain: dict[str, Suggestion]
) -> None:
    assert "Tarnqvist" not in plain  # an unknown name: left alone
    found = profiled(lexicon, Profile(words={"tärnqvist": NAME}))
    assert found["Tarnqvist"].replacement == "Tärnqvist"
    assert found["Tarnqvist"].confidence > 0.5


def test_the_overlay_leaves_the_shared_lexicon_alone(lexicon: Lexicon) -> None:
    overlay = CorpusLexicon.over(lexicon, Profile(words={"tärnqvist": NAME}))
    assert overlay.known("tärnqvist")
    assert "tärnqvist" in overlay.forms("tarnqvist")
    assert overlay.capitalised_share("tärnqvist") == pytest.approx(0.95)
    assert not lexicon.known("tärnqvist")
    assert "tärnqvist" not in lexicon.forms("tarnqvist")
    assert overlay.logp is lexicon.logp  # shared, not copied


def test_the_corpus_confusions_join_the_channel(lexicon: Lexicon) -> None:
    evidence = {"confusions": {"8>ä": 400}, "gold_chars": {"ä": 500}}
    base = WordAnalyzer(lexicon, exclude=frozenset()).channel
    learned = ProfiledAnalyzer(Profile(evidence=evidence), lexicon, exclude=frozenset()).channel
    assert learned.probability.get(("8", "ä"), 0.0) > 10 * base.probability.get(("8", "ä"), 1e-9)
    assert ("ä", learned.cost("8", "ä")) in [
        (gold, cost) for gold, cost in learned.rewrites.get("8", [])
    ]


def test_a_rejected_pair_loses_confidence_and_keeps_the_engines_own(
    lexicon: Lexicon, plain: dict[str, Suggestion]
) -> None:
    found = profiled(lexicon, Profile(pairs={("pa", "på"): -4.0}))
    before, after = plain["pa"], found["pa"]
    assert after.confidence < before.confidence
    # the offset is applied in log odds, whatever the engine's own confidence was
    assert logit(after.confidence) == pytest.approx(logit(before.confidence) - 4.0, abs=1e-3)
    assert engine_confidence(after) == pytest.approx(before.confidence, abs=1e-6)
    assert after.meta[ENGINE_CONFIDENCE]
    assert ENGINE_CONFIDENCE not in found["traffade"].meta  # unchanged: no note


def test_the_calibration_maps_every_confidence(lexicon: Lexicon) -> None:
    lower = Calibration(((0.0, 0.0), (1.0, 0.5)))
    found = profiled(lexicon, Profile(calibration=lower))
    assert all(s.confidence <= 0.5 for s in found.values())


def test_learning_never_lifts_a_valid_words_change_past_the_ceiling() -> None:
    lifted = Profile(calibration=Calibration(((0.0, 0.0), (0.5, 0.99), (1.0, 1.0))))
    assert lifted.confidence(0.6, "damaged", "word", guarded=False) > 0.99
    assert lifted.confidence(0.6, "har", "här", guarded=True) == VALID_CEILING
    assert lifted.confidence(0.95, "har", "här", guarded=True) == 0.95  # the engine's own stays
    trusted = Profile(
        calibration=lifted.calibration,
        pairs={("har", "här"): 1.0},
        trusted=frozenset({("har", "här")}),
    )
    assert trusted.confidence(0.6, "har", "här", guarded=True) > 0.99
    lowered = Profile(pairs={("har", "här"): -3.0})
    assert lowered.confidence(0.95, "har", "här", guarded=True) < 0.6


def test_the_default_engine_takes_a_profile() -> None:
    document = Document.from_text(TEXT)
    found = default_engine(Profile(words={"kallby": NAME})).analyse(document)
    assert "Kallby" not in {s.original for s in found}
    assert "Kallby" in {s.original for s in default_engine().analyse(document)}


def test_learning_lifts_no_suggestion_whose_kind_the_engine_caps(lexicon: Lexicon) -> None:
    lifted = Profile(calibration=Calibration(((0.0, 0.0), (0.3, 0.99), (1.0, 1.0))))
    analyzer = ProfiledAnalyzer(lifted, lexicon, exclude=frozenset())
    document = Document.from_text(TEXT + "Det ar en bra plan.\n")
    words, decisions = analyzer.decisions(document)
    found = analyzer.suggestions(document, words, decisions)
    kinds = {p.start: d.kind for w, d in zip(words, decisions, strict=True) for p in w.pieces}
    for suggestion in found:
        engine = engine_confidence(suggestion)
        if kinds[suggestion.start] not in LIFTED_KINDS or lexicon.known(
            suggestion.original.lower()
        ):
            assert suggestion.confidence <= max(engine, VALID_CEILING)
        else:
            assert suggestion.confidence >= engine
    assert any(s.confidence > VALID_CEILING for s in found)


def test_a_misprint_of_the_corpus_is_no_valid_word_to_guard(lexicon: Lexicon) -> None:
    text = "Det ar en bra plan och den ar klar.\n"
    assert lexicon.known("ar")  # a word elsewhere; in this corpus always är or år
    unsure = Calibration(((0.0, 0.0), (1.0, 0.6)))  # the engine's own, made unsure
    calibration = Calibration(((0.0, 0.0), (0.3, 0.99), (1.0, 1.0)))  # the corpus's

    def found(profile: Profile) -> dict[str, Suggestion]:
        return changes(ProfiledAnalyzer(profile, lexicon, unsure, frozenset()), text)

    guarded = found(Profile(calibration=calibration))
    lifted = found(Profile(calibration=calibration, misprints=frozenset({"ar"})))
    engine = engine_confidence(guarded["ar"])
    assert engine < VALID_CEILING
    assert guarded["ar"].confidence == VALID_CEILING
    assert lifted["ar"].confidence > 0.95


def test_a_corpus_that_writes_ranges_with_en_dashes_is_offered_the_en_dash(
    lexicon: Lexicon,
) -> None:
    text = "Under 1990-1995 och pa sidorna 3-4 traffade vi EU-kommissionen.\n"

    def found(profile: Profile) -> list[Suggestion]:
        analyzer = ProfiledAnalyzer(profile, lexicon, exclude=frozenset())
        return analyzer.analyse(Document.from_text(text), NoProgress())

    assert all(s.original != "-" for s in found(Profile()))  # the engine alone: none
    offered = [s for s in found(Profile(range_dash=0.75)) if s.original == "-"]
    assert [(text[s.start - 4 : s.end + 4], s.replacement) for s in offered] == [
        ("1990-1995", "–"),
        ("na 3-4 tr", "–"),
    ]  # only between numbers, not in EU-kommissionen
    assert {s.confidence for s in offered} == {0.75}
    assert all(s.is_word_fix for s in offered)  # decided with the words, in bulk too
    assert "en dash" in offered[0].reason
