"""Reasons as data: English text for storage and search, phrases for other languages."""

import copy
import pickle

import pytest

from korrektur.model import Document, Kind, ReviewSession, Suggestion
from korrektur.model.reason import (
    TEMPLATES,
    Reason,
    localise,
    phrase,
    reason_shape,
    restored,
)
from korrektur.store.review import Review
from korrektur.store.reviewfile import save_review
from korrektur.store.reviewread import load_review

SWEDISH = {
    "{letter} lost": "{letter} saknas",
    "'{word}' is common": "'{word}' är vanligt",
    "'{word}' is not a word": "'{word}' är inget ord",
    "running header": "löpande sidhuvud",
    "at the top of page {page}": "överst på sida {page}",
    "{what} '{text}' {where}": "{what} '{text}' {where}",
}


def swedish(template):
    return SWEDISH.get(template, template)


def word_reason():
    return Reason(
        phrase("lost", letter="ö"),
        phrase("lost", letter="å"),
        phrase("common", word="förmåga"),
        phrase("not-word", word="formaga"),
    )


def test_english_text_and_rendering_in_another_language():
    reason = word_reason()
    assert reason == "ö lost, å lost; 'förmåga' is common, 'formaga' is not a word"
    assert isinstance(reason, str)
    assert localise(reason, swedish) == (
        "ö saknas, å saknas; 'förmåga' är vanligt, 'formaga' är inget ord"
    )
    assert localise("plain text from an old file", swedish) == "plain text from an old file"


def test_nested_phrases_are_translated_too():
    where = phrase("at-top", page="2")
    reason = Reason(phrase("form-where", what=phrase("running-header"), text="Sida 2", where=where))
    assert reason == "running header 'Sida 2' at the top of page 2"
    assert localise(reason, swedish) == "löpande sidhuvud 'Sida 2' överst på sida 2"


def test_a_broken_translation_falls_back_to_english():
    reason = Reason(phrase("lost", letter="ö"))
    assert localise(reason, lambda template: "{missing} saknas") == "ö lost"


def test_the_shape_finds_the_values_again_pickle_and_copy():
    reason = word_reason()
    assert reason_shape(reason) == "lost lost common not-word"
    back = restored(str(reason), reason_shape(reason))
    assert back == reason
    assert back.phrases == reason.phrases
    assert localise(back, swedish).startswith("ö saknas, å saknas")
    assert pickle.loads(pickle.dumps(reason)).phrases == reason.phrases
    assert copy.deepcopy(reason).phrases == reason.phrases
    assert reason.data()[0] == {"key": "lost", "letter": "ö"}


def test_nested_shapes_and_values_with_separators_in_them():
    where = phrase("at-top", page="2")
    header = phrase("running-header")
    reason = Reason(
        phrase("form-where", what=header, text="Sida 2; (2) 'x', y", where=where),
        phrase("context", around="a, b; c", word="ä"),
    )
    shape = reason_shape(reason)
    assert shape == "form-where(what=running-header,where=at-top) context"
    back = restored(str(reason), shape)
    assert back.phrases == reason.phrases


def test_a_shape_that_does_not_fit_leaves_the_plain_text():
    for shape in ("a-phrase-from-the-future", "lost(", "common", "lost lost"):
        reason = restored("ö lost", shape)
        assert reason == "ö lost"
        assert localise(reason, swedish) == "ö lost" if shape != "lost" else True
    assert localise(restored("ö lost", "lost"), swedish) == "ö saknas"
    assert restored("why", None) == "why"
    with pytest.raises(KeyError):
        phrase("no-such-key")


def test_every_template_fills_with_its_own_names():
    for key, template in TEMPLATES.items():
        names = {part.split("}")[0] for part in template.split("{")[1:]}
        assert Reason(phrase(key, **dict.fromkeys(names, "x"))), key


def test_review_files_keep_the_reason_as_data(tmp_path):
    text = "Forvaltningen pa skolan.\n"
    document = Document.from_text(text, name="rapport.txt")
    suggestion = Suggestion(
        "s1", 0, 13, "Forvaltningen", "Förvaltningen", frozenset({Kind.DIACRITIC}), 0.9,
        word_reason(),
    )  # fmt: skip
    plain = Suggestion("s2", 14, 16, "pa", "på", frozenset({Kind.DIACRITIC}), 0.9, "old text")
    review = Review(ReviewSession(document, [suggestion, plain]), path=tmp_path / "r.review.yaml")
    save_review(review)
    saved = (tmp_path / "r.review.yaml").read_text(encoding="utf-8")
    assert saved.count("reason_keys:") == 1
    assert 'reason_keys: "lost lost common not-word"' in saved
    loaded = load_review(tmp_path / "r.review.yaml").session
    assert loaded.get("s1").reason == word_reason()
    assert localise(loaded.get("s1").reason, swedish).startswith("ö saknas, å saknas")
    assert loaded.get("s2").reason == "old text"


def test_listed_phrases_render_with_commas_and_come_back_from_the_shape():
    evidence = (
        phrase("just-before", token=phrase("word", word="det")),
        phrase("between", first=phrase("comma"), second=phrase("word", word="i")),
    )
    reason = Reason(phrase("context-evidence", evidence=evidence, word="är"))
    assert reason == "context ('det' just before, between a comma and 'i') prefers 'är'"
    shape = reason_shape(reason)
    assert shape == (
        "context-evidence(evidence=[just-before(token=word),between(first=comma,second=word)])"
    )
    assert restored(str(reason), shape).phrases == reason.phrases
    assert reason.data()[0]["evidence"][0] == {
        "key": "just-before",
        "token": {"key": "word", "word": "det"},
    }
