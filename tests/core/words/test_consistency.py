"""Document-level consistency: variants of one word in a document vote for one reading."""

from korrektur.engine.words.candidates import Source
from korrektur.engine.words.consistency import document_readings, with_document
from korrektur.engine.words.occurrences import collect
from korrektur.model import Document


def test_variants_of_a_name_converge_on_one_reading(suggest):
    text = (
        "Eleverna på Ragsvedsskolan trivs. Rektorn på Régsvedsskolan har ordet.\n"
        "Lärarna på R4gsvedsskolan samarbetar.\n"
    )
    found = {s.original: s.replacement for s in suggest(text)}
    assert found == {
        "Ragsvedsskolan": "Rågsvedsskolan",
        "Régsvedsskolan": "Rågsvedsskolan",
        "R4gsvedsskolan": "Rågsvedsskolan",
    }


def test_a_spelling_written_elsewhere_supports_its_damaged_variants(suggest):
    text = "Han bor i Tappström. Resan till Tappstrom tar tid.\n"
    (found,) = suggest(text)
    assert (found.original, found.replacement) == ("Tappstrom", "Tappström")
    assert "the document's other spellings of the word agree on 'tappström'" in found.reason


def test_a_lone_variant_gets_no_document_reading(lexicon, generator):
    document = Document.from_text("Resan till Tappstrom tar tid.\n")
    words = collect(document, lexicon)
    assert document_readings(words, generator, {"tappstrom"}, set()) == {}


def test_valid_words_are_never_given_another_reading(lexicon, generator):
    document = Document.from_text("Vi har ett val. Valet och valen.\n")
    words = collect(document, lexicon)
    assert document_readings(words, generator, set(), {"valet", "valen"}) == {}


def test_with_document_keeps_the_better_candidate(generator):
    candidates = generator.candidates("tappstrom")
    better = candidates[0]
    worse = generator.reading(generator.spellings("tappstrom")[0], better.word, -99.0)
    assert worse is not None
    assert worse.source is Source.DOCUMENT
    assert with_document(candidates, worse) == candidates
    stronger = generator.reading(generator.spellings("tappstrom")[0], better.word, 0.0)
    assert stronger is not None
    merged = with_document(candidates, stronger)
    assert merged[0] is stronger
    assert sum(c.word == better.word for c in merged) == 1
