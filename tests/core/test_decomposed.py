"""Decomposed (NFD) text: a letter and its combining marks are one letter to Korrektur.

PDF text extraction and macOS write ``på`` as ``pa`` + U+030A. It used to be read as ``pa``
and a stray ring, and the engine suggested ``på``, giving a double ring.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from korrektur import cli
from korrektur.engine import default_engine
from korrektur.model import KIND_GROUPS, Document, ReviewSession
from korrektur.model.compose import compose
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.store.reviewread import load_review

RING, DIAERESIS, ACUTE = "\u030a", "\u0308", "\u0301"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# common words ending in å or ö (and some with å/ä/ö/é inside), written decomposed
WORDS = (
    "på så få två då nå gå stå förstå också må ö sjö snö kö frö dö hö strö "
    "år är för även både idé armé"
)


@pytest.fixture(scope="module")
def engine():
    return default_engine()


def test_decomposed_text_is_read_composed_with_a_map_back_to_the_source():
    source = nfd("Förvaltningen på ön\n")
    document = Document.from_bytes(source.encode("utf-8"), "r.txt")
    assert document.text == "Förvaltningen på ön\n"
    composition = document.composition
    assert composition is not None
    assert composition.count == 3
    start = document.text.index("på")
    assert composition.to_source(start) == source.index("pa")
    assert composition.to_source(start + 2) == source.index("pa") + 3
    assert composition.to_source(len(document.text)) == len(source)
    assert "3 letters" in " ".join(document.reading_notes)


def test_composed_text_has_no_composition():
    assert Document.from_text("Förvaltningen på ön\n").composition is None
    assert compose("på") == ("på", None)


def test_common_decomposed_words_get_no_second_diacritic(engine):
    text = nfd(f"Det {WORDS}.\n")
    document = Document.from_text(text)
    suggestions = engine.analyse(document)
    assert suggestions == [], [(s.original, s.replacement) for s in suggestions]


def test_decomposed_words_are_still_corrected(engine):
    document = Document.from_text(nfd("Forvaltningen behéver en idé om stodet.\n"))
    found = {s.original: s.replacement for s in engine.analyse(document)}
    assert found == {"Forvaltningen": "Förvaltningen", "behéver": "behöver", "stodet": "stödet"}


@pytest.mark.parametrize("word", ["pa" + DIAERESIS + RING, "q" + RING, "Sjo" + ACUTE + RING])
def test_a_letter_that_carries_a_mark_gets_no_other(engine, word):
    document = Document.from_text(f"Det {word} var bra.\n")
    for suggestion in engine.analyse(document):
        assert suggestion.original in ("Det", "var", "bra."), suggestion


def test_suggest_json_offsets_refer_to_the_source_as_decoded(tmp_path, capsys):
    source = nfd("Både på ön och i skolan forvaltar behéver.\n")
    path = tmp_path / "nfd.txt"
    path.write_bytes(source.encode("utf-8"))
    assert cli.main(["suggest", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    payload = json.loads(out)
    assert payload["suggestions"]
    for suggestion in payload["suggestions"]:
        assert source[suggestion["start"] : suggestion["end"]] == suggestion["original"]
    behover = next(s for s in payload["suggestions"] if s["replacement"] == "behöver")
    assert behover["original"] == nfd("behéver")
    assert "composed" in err  # the user is told what was done


def test_the_review_records_the_composition(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_bytes(nfd("Både på ön\n").encode("utf-8"))
    document = Document.from_path(path)
    review = Review(ReviewSession(document, []), source_path=path)
    saved = review_path_for(path)
    save_review(review, saved)
    assert "composed: 3" in saved.read_text(encoding="utf-8")
    again = load_review(saved).session.document
    assert again.text == "Både på ön\n"
    assert "3 letters" in " ".join(again.reading_notes)


def test_a_scans_decomposed_words_are_composed_in_their_boxes(tmp_path, engine):
    from korrektur.formats.sources import read_document

    html = (
        "<html><head><meta charset=utf-8><meta name=ocr-system content=x></head><body>"
        "<div class=ocr_page title='bbox 0 0 100 100'><span class=ocr_line title='bbox 1 1 80 9'>"
        "<span class=ocrx_word title='bbox 1 1 20 9'>Vi</span>"
        f"<span class=ocrx_word title='bbox 25 1 50 9'>{nfd('gick på')}</span>"
        f"<span class=ocrx_word title='bbox 55 1 80 9'>{nfd('ön')}</span></span></div>"
        "</body></html>"
    )
    path = tmp_path / "nfd.hocr"
    path.write_text(html, encoding="utf-8")
    document = read_document(path)
    assert document.text == " Vi gick på ön\n"
    last = document.scan.words[-1]
    assert document.text[last.start : last.end] == "ön"
    assert not [s for s in engine.analyse(document) if s.kinds & KIND_GROUPS["word"]]
