from hypothesis import given
from hypothesis import strategies as st

from korrektur.engine.words.text import (
    Case,
    apply_case,
    case_of,
    core_bounds,
    ends_sentence,
    fold,
    fold_all,
    word_parts,
)


def test_fold_drops_diacritics_and_case():
    assert fold("Förvaltningen") == "forvaltningen"
    assert fold("ÅRSKURS") == "arskurs"
    assert fold("idé") == "ide"
    assert fold_all(["Så", "här", "idé"]) == ["sa", "har", "ide"]
    assert fold_all([]) == []


def test_case_patterns():
    assert case_of("och") is Case.LOWER
    assert case_of("6kat") is Case.LOWER
    assert case_of("|") is Case.LOWER
    assert case_of("Och") is Case.TITLE
    assert case_of("I") is Case.TITLE
    assert case_of("OCH") is Case.UPPER
    assert case_of("FoU") is Case.MIXED
    assert case_of("fOrvaltning") is Case.MIXED
    assert apply_case("förvaltning", Case.UPPER) == "FÖRVALTNING"
    assert apply_case("förvaltning", Case.TITLE) == "Förvaltning"
    assert apply_case("förvaltning", Case.LOWER) == "förvaltning"


def test_core_keeps_ocr_letters_and_drops_punctuation():
    chunk = '("&r),'
    start, end = core_bounds(chunk)
    assert chunk[start:end] == "&r"
    assert core_bounds("...") == (3, 3)


def test_word_parts_split_at_hyphens_slashes_and_brackets():
    parts = word_parts("(F-9-skolorna),", 100)
    assert [(p.text, p.start, p.end) for p in parts] == [
        ("F", 101, 102),
        ("9", 103, 104),
        ("skolorna", 105, 113),
    ]
    assert [p.text for p in word_parts("lärare/elever", 0)] == ["lärare", "elever"]
    assert [p.text for p in word_parts("Skolverket(Stockholm)", 0)] == ["Skolverket", "Stockholm"]
    assert [p.text for p in word_parts("EU:s", 0)] == ["EU:s"]
    assert [p.text for p in word_parts("t.ex.", 0)] == ["t.ex"]
    assert word_parts("–", 0) == []


def test_sentence_ends():
    assert ends_sentence("slut.")
    assert ends_sentence("klart.)")
    assert ends_sentence("Rubrik:")
    assert ends_sentence("Varför?")
    assert not ends_sentence("t.ex.")
    assert not ends_sentence("bl.a.")
    assert not ends_sentence("skolan,")


_ACCENTED = "åäöéèàáüÅÄÖÉÈÀÁÜ"


@given(st.text(alphabet=st.sampled_from(list("abcoeAZ6& " + _ACCENTED + "ïñ")), max_size=12))
def test_fold_fast_paths_agree_with_the_full_table(word):
    table = str.maketrans(_ACCENTED, "aaoeeaauAAOEEAAU")
    assert fold(word) == word.lower().translate(table)
