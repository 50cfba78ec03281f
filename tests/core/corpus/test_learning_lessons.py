"""What one review teaches: words kept and written, decided pairs, confusions of settled text."""

from __future__ import annotations

import re

from korrektur.corpus.learning.lessons import EN_DASH, HYPHEN, Lessons, lessons_of
from korrektur.engine.words.profile import ENGINE_CONFIDENCE
from korrektur.model import Document, Kind, ReviewSession, Status, Suggestion
from korrektur.store.review import Review

TEXT = "Vi traffade Kallby och Tarnqvist pa motet.\nRapporten om samhal-\nlet ar klar.\n"
KNOWN = {"vi", "träffade", "och", "på", "motet", "möten", "rapporten", "om", "är", "klar"}


def at(word: str) -> int:
    """Where ``word`` first stands as a word of ``TEXT``."""
    found = re.search(rf"(?<!\w){word}(?!\w)", TEXT)
    assert found is not None
    return found.start()


def suggestion(
    id_: str, word: str, replacement: str, confidence: float, **more: object
) -> Suggestion:
    start = at(word)
    kinds = more.pop("kinds", frozenset({Kind.DIACRITIC}))
    return Suggestion(
        id_,
        start,
        start + len(word),
        word,
        replacement,
        kinds,
        confidence,
        **more,
    )


def reviewed() -> Review:
    session = ReviewSession(
        Document.from_text(TEXT),
        [
            suggestion("s1", "traffade", "träffade", 0.97),
            suggestion("s2", "Kallby", "Källby", 0.8, meta={ENGINE_CONFIDENCE: "0.900000"}),
            suggestion("s3", "Tarnqvist", "Tarnkvist", 0.6),
            suggestion("s4", "pa", "på", 0.7),
            suggestion("s5", "motet", "mötet", 0.85),
            suggestion("s6", "samhal", "samhäl", 0.95),
            suggestion("s7", "ar", "är", 0.99),
        ],
    )
    session.accept("s1", "s6")
    session.reject("s2")
    session.edit("s3", "Tärnqvist")
    session.edit("s5", "möten")
    start = session.raw_to_corrected(at("ar"))
    session.apply_manual_edit(start, start + 2, "är")  # the reviewer typed it over s7
    return Review(session)


def test_decided_word_suggestions_are_samples_with_the_engines_confidence() -> None:
    lessons = lessons_of(reviewed(), KNOWN.__contains__)
    samples = {(s.original, s.replacement): s for s in lessons.samples}
    assert set(samples) == {
        ("traffade", "träffade"),
        ("Kallby", "Källby"),
        ("Tarnqvist", "Tarnkvist"),
        ("motet", "mötet"),
        ("samhal", "samhäl"),
    }  # not the pending one, not the one absorbed by the reviewer's own edit
    assert samples["traffade", "träffade"].right
    assert not samples["Kallby", "Källby"].right
    assert not samples["motet", "mötet"].right  # edited to another word
    assert samples["Kallby", "Källby"].confidence == 0.9  # before the corpus profile
    assert samples["Kallby", "Källby"].shown == 0.8
    assert samples["motet", "mötet"].valid
    assert not samples["traffade", "träffade"].valid
    assert lessons.decisions == 5


def test_words_the_reviewer_kept_or_wrote_and_corrected_away() -> None:
    lessons = lessons_of(reviewed(), KNOWN.__contains__)
    assert dict(lessons.kept) == {"Kallby": 1, "Tärnqvist": 1}  # unknown, kept or written
    assert set(lessons.corrected) == {"traffade", "tarnqvist", "motet", "ar"}
    # the halves of a word broken at a line end teach no words
    assert "samhäl" not in lessons.kept
    assert "samhal" not in lessons.corrected


def test_words_of_the_lexicon_left_as_printed_stood() -> None:
    lessons = lessons_of(reviewed(), KNOWN.__contains__)
    assert lessons.stood["vi"] == 1
    assert lessons.stood["rapporten"] == 1
    assert "ar" not in lessons.stood  # typed over: corrected
    assert "pa" not in lessons.stood  # still pending: not settled
    assert "kallby" not in lessons.stood  # kept, but no word of the lexicon


def test_confusions_come_from_settled_tokens_only() -> None:
    lessons = lessons_of(reviewed(), KNOWN.__contains__)
    counts = lessons.confusions
    assert counts["confusions"]["a>ä"] == 4  # träffade, Tärnqvist, samhäl, är
    assert counts["confusions"]["o>ö"] == 1  # möten
    assert counts["gold_chars"]["p"] == 2  # Rapporten; "pa" is still pending
    assert lessons.words == len(TEXT.split()) - 1


def test_an_undecided_review_teaches_nothing() -> None:
    session = ReviewSession(Document.from_text(TEXT), [suggestion("s1", "pa", "på", 0.7)])
    lessons = lessons_of(Review(session), KNOWN.__contains__)
    assert not lessons.samples
    assert not lessons.kept
    assert not lessons.corrected


def test_lessons_survive_their_json_form() -> None:
    lessons = lessons_of(reviewed(), KNOWN.__contains__)
    again = Lessons.from_json(lessons.as_json())
    assert again == lessons


def test_manual_edits_are_the_reviewers_words() -> None:
    session = ReviewSession(Document.from_text(TEXT), [])
    start = at("Tarnqvist")
    session.apply_manual_edit(start, start + len("Tarnqvist"), "Törnqvist")
    lessons = lessons_of(Review(session), KNOWN.__contains__)
    assert dict(lessons.kept) == {"Törnqvist": 1}
    assert lessons.confusions["confusions"] == {"a>ö": 1}
    manual = [s for s in session.suggestions if Kind.MANUAL in s.kinds]
    assert manual
    assert manual[0].status is Status.ACCEPTED
    assert not lessons.samples  # the reviewer's own edit is no decision on the engine


def test_hyphens_between_numbers_count_as_the_reviewer_left_them() -> None:
    text = "Åren 1990-1995 och sidorna 3-4, 7-9 samt EU-kommissionen.\n"
    session = ReviewSession(Document.from_text(text), [])
    start = text.index("1990-1995")
    session.apply_manual_edit(start, start + len("1990-1995"), "1990–1995")
    lessons = lessons_of(Review(session), KNOWN.__contains__)
    # one range made an en dash, two left as printed; a hyphen between words is no range
    assert dict(lessons.ranges) == {EN_DASH: 1, HYPHEN: 2}
    assert Lessons.from_json(lessons.as_json()) == lessons
