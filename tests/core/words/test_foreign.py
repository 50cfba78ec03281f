"""English phrases inside Swedish text keep their words (our own sentences)."""

from korrektur.engine.words.foreign import in_english_phrase, is_english
from korrektur.engine.words.occurrences import collect
from korrektur.model import Document


def test_english_words_are_told_from_swedish_ones(lexicon):
    assert is_english("strategies", lexicon)
    assert is_english("the", lexicon)
    assert not is_english("man", lexicon)  # Swedish uses it far more
    assert not is_english("far", lexicon)  # får
    assert not is_english("skolan", lexicon)
    assert lexicon.english_logp("for") is not None  # the most common English words
    assert lexicon.english_logp("skolan") is None


def test_a_common_english_word_among_english_words_is_kept(corrected):
    text = "Rapporten Transport Strategies for Net-Zero Systems by Design kom nyligen.\n"
    assert "Strategies for Net-Zero" in corrected(text)
    text = "Skolan samarbetar med Teach for Sweden sedan i fjol.\n"
    assert "Teach for Sweden" in corrected(text)
    text = "Boken heter The Case for Change och handlar om skolan.\n"
    assert "Case for Change" in corrected(text)


def test_the_same_word_in_swedish_is_still_corrected(corrected):
    assert corrected("Det ar viktigt for alla elever.\n") == "Det är viktigt för alla elever.\n"
    # between a lower-case word and a name: Swedish
    assert corrected("Vi har en ny plan for Stockholm.\n") == "Vi har en ny plan för Stockholm.\n"


def test_the_phrase_is_read_within_the_sentence(lexicon):
    text = "Projektet Teach for Sweden. Pengar for skolan.\n"
    words = collect(Document.from_text(text), lexicon)
    fors = [i for i, w in enumerate(words) if w.low == "for"]
    assert [in_english_phrase(words, i, lexicon) for i in fors] == [True, False]
