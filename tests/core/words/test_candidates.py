from korrektur.engine.words.candidates import Generator, Source
from korrektur.engine.words.channel import Channel, Evidence, is_diacritic_op


def best(generator, word):
    found = generator.candidates(word)
    return found[0] if found else None


def test_diacritic_folding(generator):
    found = best(generator, "forvaltningen")
    assert found.word == "förvaltningen"
    assert found.source is Source.LEXICON
    assert all(is_diacritic_op(op) for op in found.ops)
    assert best(generator, "atgarder").word == "åtgärder"


def test_known_word_is_kept_and_ambiguous_variants_offered(generator):
    found = generator.candidates("har")
    assert found[0].word == "har"
    assert found[0].source is Source.KEEP
    assert "här" in [c.word for c in found]


def test_ocr_confusions(generator):
    assert best(generator, "6kat").word == "ökat"
    assert best(generator, "st6d").word == "stöd"
    assert best(generator, "behéver").word == "behöver"
    assert best(generator, "&r").word == "är"
    assert ("6", "ö") in best(generator, "6kat").ops


def test_near_misses_for_unknown_words(generator):
    found = best(generator, "utvecklinng")
    assert found.word == "utveckling"
    assert found.source is Source.NEAR
    assert best(generator, "undervisnimg").word == "undervisning"


def test_compounds_of_known_parts(generator, lexicon):
    assert not lexicon.known("elevhälsoenkäten")
    found = best(generator, "elevhalsoenkaten")
    assert found.word == "elevhälsoenkäten"
    assert found.source is Source.COMPOUND
    assert len(found.parts) >= 2
    kept = best(generator, "skolbiblioteksansvarig")
    assert kept.word == "skolbiblioteksansvarig"
    assert kept.source is Source.COMPOUND
    assert not kept.ops  # a correct compound needs no change


def test_run_together_words(generator):
    split = best(generator, "iskolan")
    assert split.word == "i skolan"
    assert split.source is Source.SPLIT
    assert best(generator, "skolan.och").word == "skolan och"


def test_learned_weights_change_what_is_found(lexicon, channel):
    assert not Generator(lexicon, channel).candidates("p7")
    learned = Evidence({("7", "å"): 40.0}, {"å": 100.0}, {}, {})
    taught = Channel.estimate(learned, {}, prior=None)
    found = Generator(lexicon, taught).candidates("p7")
    assert found[0].word == "på"


def test_diacritics_only(generator):
    found = generator.candidates("6kat", rewrites=False, fallback=False)
    assert not found


def test_one_edit_from_a_long_word_may_be_a_rarer_word(lexicon, generator):
    import math

    from korrektur.engine.words.candidates import EDIT_MIN_LOGP, NEAR_MIN_LOGP

    rare = next(
        word
        for word in sorted(lexicon.logp)
        if len(word) >= 10
        and word.isascii()
        and word.isalpha()
        and EDIT_MIN_LOGP + 0.5 < (lexicon.word_logp(word) or 0) < NEAR_MIN_LOGP - 0.5
    )
    damaged = rare[:4] + "q" + rare[4:]  # one letter too many, not explained by OCR habits
    found = generator.candidates(damaged)
    assert rare in [c.word for c in found if c.source is Source.NEAR]
    assert math.isfinite(found[0].score)
