"""From lessons to what a corpus learned: corpus words, pair offsets, calibration, confusions."""

from __future__ import annotations

from collections import Counter

import pytest

from korrektur.corpus.learning.actions import summary_lines
from korrektur.corpus.learning.estimate import (
    ASSURED_MIN,
    ASSURED_RISK,
    CALIBRATION_PRIOR,
    MISPRINT_MIN,
    TRUSTED_CHECKS,
    Learned,
    learn,
    pair_offset,
    profile_of,
    range_dash,
)
from korrektur.corpus.learning.lessons import EN_DASH, HYPHEN, Lessons, Sample
from korrektur.corpus.learning.store import Edits


def sample(
    original: str,
    replacement: str,
    confidence: float,
    right: bool,
    shown: float | None = None,
    valid: bool = False,
) -> Sample:
    shown = confidence if shown is None else shown
    return Sample(confidence, shown, right, original, replacement, valid)


def lessons(
    samples: list[Sample],
    kept: dict[str, int] | None = None,
    corrected: dict[str, int] | None = None,
    confusions: dict[str, dict[str, int]] | None = None,
) -> Lessons:
    return Lessons(
        kept=Counter(kept or {}),
        corrected=Counter(corrected or {}),
        samples=samples,
        confusions=confusions or {},
        words=1000,
    )


def test_a_word_the_reviewer_kept_more_often_than_corrected_is_the_corpus_s() -> None:
    one = lessons([sample("x", "y", 0.9, True)], kept={"Kallby": 2, "ar": 1}, corrected={"ar": 9})
    two = lessons([sample("x", "y", 0.9, True)], kept={"kallby": 1, "Tärnqvist": 1})
    learned = learn([one, two])
    assert learned.words == {"Kallby": 3, "Tärnqvist": 1}  # the usual spelling; not "ar"
    assert learned.documents == 2
    assert learned.words_reviewed == 2000
    profile = profile_of(learned)
    assert set(profile.words) == {"kallby", "tärnqvist"}
    assert profile.words["kallby"].capitalised > 0.9


def test_a_document_without_decisions_teaches_nothing() -> None:
    learned = learn([lessons([], kept={"Kallby": 5})])
    assert learned.documents == 0
    assert learned.words == {}


def test_rejected_pairs_get_a_negative_offset_accepted_ones_a_positive() -> None:
    rejected = [sample("pa", "på", 0.9, False)] * 3
    hesitant = [sample("Aven", "även", 0.8, True, shown=0.8)] * 6
    learned = learn([lessons(rejected + hesitant)])
    pairs = {p.key: p for p in learned.pairs}
    assert pairs["pa", "på"].rejected == 3
    assert pairs["pa", "på"].offset < -1.0
    assert pairs["Aven", "även"].accepted == 6
    assert pairs["Aven", "även"].offset > 0.5
    profile = profile_of(learned)
    assert profile.confidence(0.9, "pa", "på", guarded=False) < 0.6
    assert profile.confidence(0.8, "Aven", "även", guarded=False) > 0.9


def test_the_offset_weighs_each_decision_at_its_own_confidence() -> None:
    # a rejection where the engine was unsure says little; where it was sure, much
    assert pair_offset([(4.0, False)]) < pair_offset([(0.0, False)]) < 0.0
    assert pair_offset([(-2.0, True)] * 5) > pair_offset([(2.0, True)] * 5) > 0.0
    assert pair_offset([]) == 0.0


def test_a_pair_is_trusted_after_checked_acceptances_and_no_rejection() -> None:
    checked = [sample("for", "för", 0.8, True, valid=True)] * TRUSTED_CHECKS
    learned = learn([lessons(checked)])
    assert profile_of(learned).trusted == frozenset({("for", "för")})
    one_rejection = learn([lessons([*checked, sample("for", "för", 0.99, False, valid=True)])])
    assert profile_of(one_rejection).trusted == frozenset()
    bulk = learn([lessons([sample("for", "för", 0.8, True, shown=0.95, valid=True)] * 9)])
    assert profile_of(bulk).trusted == frozenset()  # accepted in bulk: not looked at


def test_a_pair_always_accepted_shows_at_least_the_share_its_acceptances_guarantee() -> None:
    # accepted where the engine was sure: the offset (a best guess) says little of them
    sure = [sample("nar", "när", 0.99, True)] * 27
    learned = learn([lessons(sure)])
    assert profile_of(learned).assured == {}  # 27 in a row guarantee less than ASSURED_MIN
    assert profile_of(learned).confidence(0.77, "nar", "när", guarded=False) < 0.9
    assert ASSURED_RISK ** (1 / 28) < ASSURED_MIN < ASSURED_RISK ** (1 / 29)
    more = learn([lessons([*sure, sample("nar", "när", 0.99, True)])])
    record = {p.key: p for p in more.pairs}["nar", "när"]
    assert record.accepted == 28
    assert record.assured == pytest.approx(ASSURED_RISK ** (1 / 29))
    profile = profile_of(more)
    assert profile.assured == {("nar", "när"): pytest.approx(record.assured, abs=1e-6)}
    # where the sentence left the engine in doubt, it shows what the pair has earned …
    assert profile.confidence(0.77, "nar", "när", guarded=False) == pytest.approx(record.assured)
    # … but never more than a change of a valid word may show
    assert profile.confidence(0.77, "nar", "när", guarded=True) == 0.85
    # listed with what it has earned (``korrektur corpus learned``)
    listed = "\n".join(summary_lines(more, Edits(), "corpus"))
    assert "nar → när (28 accepted, 0 rejected, offset " in listed
    assert "shown at least 0.902)" in listed
    # one rejection, and the acceptances guarantee nothing
    rejected = learn([lessons([*sure, *sure, sample("nar", "när", 0.99, False)])])
    assert profile_of(rejected).assured == {}
    assert profile_of(rejected).confidence(0.77, "nar", "när", guarded=False) < 0.9


def test_the_calibration_rises_and_few_decisions_move_it_little() -> None:
    few = learn([lessons([sample("a", "b", 0.6, True)] * 2)])
    point = few.calibration[0]
    assert point.decisions == 2
    assert point.corpus == pytest.approx(
        (2 + CALIBRATION_PRIOR * 0.6) / (2 + CALIBRATION_PRIOR), abs=1e-4
    )
    many = [sample("a", "b", 0.6, True)] * 200 + [
        sample("a", "b", 0.95, i % 2 == 0) for i in range(200)
    ]
    points = learn([lessons(many)]).calibration
    corpus = [p.corpus for p in points]
    assert corpus == sorted(corpus)  # pooled until it rises
    assert len(points) == 1  # 0.6 right every time, 0.95 half the time: one block


def test_confusions_are_summed() -> None:
    counts = {"confusions": {"a>ä": 3}, "gold_chars": {"ä": 10}}
    learned = learn([lessons([sample("a", "b", 0.5, True)], confusions=counts)] * 2)
    assert learned.confusions["confusions"] == {"a>ä": 6}
    assert learned.confusions["gold_chars"] == {"ä": 20}
    profile = profile_of(learned, evidence_weight=2.0)
    assert profile.evidence["confusions"]["a>ä"] == 12.0


def test_the_digest_names_the_content() -> None:
    learned = learn([lessons([sample("pa", "på", 0.9, False)], kept={"Kallby": 1})])
    same = learn([lessons([sample("pa", "på", 0.9, False)], kept={"Kallby": 1})])
    assert learned.digest() == same.digest()
    same.words["Tärnqvist"] = 1
    assert learned.digest() != same.digest()
    assert Learned().digest() != learned.digest()
    assert profile_of(learned).digest == learned.digest()


def test_the_calibration_learned_moves_the_confidences_of_the_corpus() -> None:
    # in this corpus the engine's 0.9 is right half the time, its 0.99 always
    half = [sample(f"u{i}", f"v{i}", 0.9, i % 2 == 0) for i in range(100)]
    sure = [sample(f"x{i}", f"y{i}", 0.99, True) for i in range(100)]
    profile = profile_of(learn([lessons(half + sure)]))
    assert profile.calibration is not None
    assert profile.confidence(0.9, "new", "pair", guarded=False) < 0.6
    assert profile.confidence(0.9, "new", "pair", guarded=True) < 0.6  # lowering: always
    assert profile.confidence(0.99, "new", "pair", guarded=False) > 0.99
    # and where the engine's 0.6 is always right, it rises; a guarded change only to 0.85
    unsure = profile_of(learn([lessons([sample(f"x{i}", f"y{i}", 0.6, True) for i in range(200)])]))
    assert unsure.confidence(0.6, "new", "pair", guarded=False) > 0.9
    assert unsure.confidence(0.6, "new", "pair", guarded=True) == 0.85


def test_a_valid_word_the_corpus_always_corrects_is_a_misprint() -> None:
    proposed = [sample("ar", "är", 0.8, True, valid=True), sample("Pa", "På", 0.8, True)]
    corrected = {"ar": MISPRINT_MIN, "pa": 40, "sa": 40}  # "pa" was no valid word: not
    learned = learn([lessons(proposed, corrected=corrected)])
    assert learned.misprints == {"ar": MISPRINT_MIN}
    assert profile_of(learned).misprints == frozenset({"ar"})
    once_right = lessons(proposed, corrected=corrected)
    once_right.stood["ar"] = 1  # (1 + 1) / (1 + 8 + 2) > MISPRINT_SHARE
    assert learn([once_right]).misprints == {}
    few = lessons(proposed, corrected={"ar": MISPRINT_MIN - 1})
    assert learn([few]).misprints == {}
    many = lessons(proposed, corrected={"ar": 60})
    many.stood["ar"] = 4  # (4 + 1) / 66 <= MISPRINT_SHARE: a rare right reading
    assert learn([many]).misprints == {"ar": 60}
    assert learn([many]).digest() != learn([few]).digest()


def test_a_misprint_needs_a_change_accepted_where_the_engine_was_in_doubt() -> None:
    # "xa" corrected 30 times, never left as printed, but every change of it was one the
    # engine was sure of (the sentence made the other reading plain): nothing is known of
    # the occurrences whose sentence allows the written word, so it is no misprint yet
    sure = [sample("xa", "xå", 0.999, True, valid=True) for _ in range(30)]
    assert learn([lessons(sure, corrected={"xa": 30})]).misprints == {}
    # one change accepted one by one where the engine held it in doubt is that evidence
    doubted = [*sure, sample("xa", "xå", 0.85, True, valid=True)]
    assert learn([lessons(doubted, corrected={"xa": 31})]).misprints == {"xa": 31}
    # a doubted change shown lifted (and so accepted in bulk) is no such evidence
    lifted = [*sure, sample("xa", "xå", 0.85, True, shown=0.95, valid=True)]
    assert learn([lessons(lifted, corrected={"xa": 31})]).misprints == {}


def test_ranges_made_en_dashes_offer_the_en_dash_as_sure_as_their_share() -> None:
    def ranges(dashed: int, left: int) -> Lessons:
        one = lessons([sample("x", "y", 0.9, True)])
        one.ranges.update({EN_DASH: dashed, HYPHEN: left})
        return one

    learned = learn([ranges(1, 0), ranges(2, 1)])
    assert learned.ranges == {EN_DASH: 3, HYPHEN: 1}
    assert profile_of(learned).range_dash == pytest.approx(4 / 6)  # (3 + 1) / (3 + 1 + 2)
    assert range_dash({EN_DASH: 8}) == pytest.approx(0.9)  # eight in a row: in bulk at 0.9
    # a collection that keeps its hyphens as often as not is offered nothing
    assert profile_of(learn([ranges(2, 2)])).range_dash == 0.0
    assert profile_of(learn([ranges(0, 0)])).range_dash == 0.0
    assert learn([ranges(1, 0)]).digest() != learn([ranges(0, 1)]).digest()
