"""Re-scoring one review in memory: pending word suggestions follow, decisions stay, noted."""

from __future__ import annotations

import re
from dataclasses import replace

from korrektur.corpus.learning.rescore import STEP, rescore_review
from korrektur.model import Document, Kind, ReviewSession, Status, Suggestion
from korrektur.store.review import Review

TEXT = "Vi traffade Kallby och Tarnqvist pa motet.\nDet ar bra att Lundqvist kom.\n"
WHEN = "2026-01-02T03:04:05Z"


def at(word: str) -> int:
    found = re.search(rf"(?<!\w){word}(?!\w)", TEXT)
    assert found is not None
    return found.start()


def word(id_: str, original: str, replacement: str, confidence: float) -> Suggestion:
    start = at(original)
    return Suggestion(
        id_,
        start,
        start + len(original),
        original,
        replacement,
        frozenset({Kind.DIACRITIC}),
        confidence,
    )


def reviewed() -> Review:
    """A review with a decided suggestion, pending ones, a structure fix and a manual edit."""
    newline = TEXT.index("\n")
    structure = Suggestion("s9", newline, newline + 1, "\n", " ", frozenset({Kind.REFLOW}), 0.9)
    session = ReviewSession(
        Document.from_text(TEXT),
        [
            word("s1", "traffade", "träffade", 0.97),
            word("s2", "Kallby", "Källby", 0.80),
            word("s3", "pa", "på", 0.70),
            word("s4", "motet", "mötet", 0.60),
            structure,
            word("s5", "ar", "är", 0.948),
        ],
    )
    session.reject("s2")  # decided: stays as it is, whatever the engine says now
    start = session.raw_to_corrected(at("Lundqvist"))
    session.apply_manual_edit(start, start + 2, "Lu")  # a reviewer's own edit
    review = Review(session)
    review.commit(reviewer="Anna", time=WHEN)
    return review


def snapshot(review: Review) -> dict[str, tuple[object, ...]]:
    return {
        s.id: (s.start, s.end, s.replacement, s.confidence, s.status, s.decided_by)
        for s in review.session.suggestions
    }


def test_pending_word_suggestions_follow_and_the_rest_stays() -> None:
    review = reviewed()
    before = snapshot(review)
    fresh = [
        word("n1", "traffade", "träffade", 0.99),  # moved visibly: updated, keeps its id
        word("n2", "Kallby", "Kålby", 0.99),  # where a decision stands: never touched
        # "pa" is no longer suggested (a corpus word): withdrawn
        word("n4", "motet", "mötet", 0.60 + STEP / 2),  # moved too little: left as it was
        word("n5", "Tarnqvist", "Tärnqvist", 0.88),  # new
        word("n6", "ar", "är", 0.948),
    ]
    changes = rescore_review(review, fresh, "abc123", WHEN)
    assert (changes.updated, changes.withdrawn, changes.added) == (1, 1, 1)
    after = snapshot(review)
    assert after["s1"][3] == 0.99
    assert after["s1"][4] is Status.PENDING
    assert "s3" not in after
    assert after["s4"] == before["s4"]
    assert after["s5"] == before["s5"]
    assert after["s2"] == before["s2"]  # the decision
    assert after["s9"] == before["s9"]  # the structure suggestion
    manual = [i for i, s in after.items() if s[4] is Status.ACCEPTED and i.startswith("m")]
    assert manual
    assert all(after[i] == before[i] for i in manual)  # the reviewer's edit
    new = [i for i in after if i not in before]
    assert len(new) == 1
    assert after[new[0]][2] == "Tärnqvist"
    assert new[0] not in {"n5", "s1", "s2", "s3", "s4", "s5", "s9"}  # an id of its own
    assert after[new[0]][4] is Status.PENDING  # proposed, never applied
    version = review.history.versions[-1]
    assert version.note == "re-scored by learned state abc123: 1 changed, 1 withdrawn, 1 new"
    assert len(review.history.versions) == 2


def test_nothing_visible_changed_is_no_version() -> None:
    review = reviewed()
    same = [s for s in review.session.suggestions if s.is_word_fix and not s.decided]
    nudged = [replace(s, id="x" + s.id, confidence=s.confidence + STEP / 5) for s in same]
    changes = rescore_review(review, nudged, "abc123", WHEN)
    assert not changes.total
    assert len(review.history.versions) == 1
    assert not review.notes


def test_a_small_move_across_a_bulk_threshold_counts() -> None:
    review = reviewed()
    pending = [s for s in review.session.suggestions if s.is_word_fix and not s.decided]
    # "ar" at 0.948 → 0.951: less than STEP, but a bulk accept at 0.95 now takes it
    fresh = [replace(s, confidence=0.951) if s.original == "ar" else s for s in pending]
    assert STEP > 0.951 - 0.948
    changes = rescore_review(review, fresh, "abc123", WHEN)
    assert (changes.updated, changes.withdrawn, changes.added) == (1, 0, 0)
    ar = next(s for s in review.session.suggestions if s.original == "ar")
    assert (ar.id, ar.confidence) == ("s5", 0.951)
