"""Structure from a scan's boxes: line lengths on the page, bullets and running headers by place."""

from __future__ import annotations

import itertools

from scan_layout import MARGIN, SPACE, Typesetter, right_edge, width
from structure_support import WordListOracle

from korrektur.engine.structure import make_plan
from korrektur.model import Document, Kind
from korrektur.model.session import apply_texts

COLUMN = 1000
FILLER_TEXT = (
    "skolan har arbetat med planen under året och enheten har fått stöd av förvaltningen "
    "för att utveckla arbetet med uppföljning av insatser i kommunen"
)


def restructured(document: Document) -> str:
    plan = make_plan(document, WordListOracle())
    return apply_texts(document.text, ((e.start, e.end, e.replacement) for e in plan.edits))


def as_plain_text(document: Document) -> Document:
    return Document.from_text(document.text)


def wrapped(count: int, column: int = COLUMN) -> list[str]:
    """``count`` lines of running text in lower case, each as full as the column allows."""
    words = itertools.cycle(FILLER_TEXT.split())
    lines = []
    current: list[str] = []
    while len(lines) < count:
        word = next(words)
        if current and right_edge(" ".join([*current, word])) > column:
            lines.append(" ".join(current))
            current = []
        current.append(word)
    return lines


def fill(words: list[str], column: int = COLUMN, x: int = MARGIN) -> str:
    """As many of ``words`` as fit on one line (cycled)."""
    chosen: list[str] = []
    for word in itertools.cycle(words):
        if right_edge(" ".join([*chosen, word]), x) > column:
            return " ".join(chosen)
        chosen.append(word)
    raise AssertionError


# -- would the next word have fitted? -----------------------------------------------------------


def test_a_full_line_of_wide_letters_ending_a_sentence_does_not_end_the_paragraph():
    wide = fill(["mamma", "mötte", "mormor", "som", "mumsade", "mammas", "mat"]) + "."
    assert right_edge(wide) > COLUMN - SPACE - width("Skolan")  # the next word did not fit
    document = (
        Typesetter()
        .page()
        .lines(*wrapped(10), wide, "Skolan har arbetat med planen.", *wrapped(3))
        .document()
    )
    last = wide.split()[-1]
    # premise: counting characters, the short line looks ended on purpose
    assert f"{last}\n\nSkolan" in restructured(as_plain_text(document))
    assert f"{last} Skolan har" in restructured(document)


def test_a_line_of_narrow_letters_with_room_left_ends_the_paragraph():
    filler = wrapped(10)
    words = itertools.cycle(["till", "litet", "fritt", "tillit", "lilla"])
    narrow = next(words)
    while len(narrow) < max(len(line) for line in filler):
        narrow += " " + next(words)
    narrow += "."
    assert right_edge(narrow) + SPACE + width("Skolan") < COLUMN  # the next word would fit
    document = (
        Typesetter()
        .page()
        .lines(*filler, narrow, "Skolan har arbetat med planen.", *wrapped(3))
        .document()
    )
    last = narrow.split()[-1]
    assert f"{last} Skolan" in restructured(as_plain_text(document))  # premise
    assert f"{last}\n\nSkolan har" in restructured(document)


# -- bullets by position ----------------------------------------------------------------------

BULLET_X = MARGIN + 17  # a bullet's left edge; its text at a tab stop further in
TEXT_X = MARGIN + 50


def list_page(*items: tuple[str, str]) -> Document:
    """A page with a paragraph, a list whose bullets OCR read as given, and a paragraph."""
    setter = Typesetter().page().lines(*wrapped(8)).line("Förvaltningen vill lyfta fram följande:")
    for glyph, text in items:
        # a glyph OCR read wider than the bullet still ends where the bullet ends
        setter.paragraph().pieces((BULLET_X + 10 - width(glyph), glyph), (TEXT_X, text))
    return setter.paragraph().lines("Det var allt om planen.", *wrapped(2)).document()


def test_a_misread_bullet_at_the_bullets_place_is_a_list_bullet():
    document = list_page(
        ("•", "Skolan har fått stöd."),
        ("°", "Enheten har fått stöd."),
        ("_*", "Planen har fått stöd."),
        ("*", "Kommunen har fått stöd."),
    )
    assert "° Enheten" in document.text
    assert "_* Planen" in document.text
    assert "följande:\n\n• Skolan har fått stöd.\n• Enheten har fått stöd.\n" in restructured(
        document
    )
    assert "• Planen har fått stöd.\n• Kommunen har fått stöd.\n\nDet var allt" in restructured(
        document
    )
    plan = make_plan(document, WordListOracle())
    reasons = [e.reason for e in plan.of_kind(Kind.BULLET)]
    assert "'°' stands where the list bullets stand" in reasons


def test_a_known_glyph_at_the_bullets_place_is_a_bullet_even_before_a_number():
    document = list_page(("•", "Skolan har fått stöd."), ("¢", "2021/22:224 är inte nog."))
    assert "• Skolan har fått stöd.\n• 2021/22:224 är inte nog." in restructured(document)
    assert "• 2021/22:224" not in restructured(as_plain_text(document))  # premise


def test_a_symbol_at_the_margin_is_not_taken_for_a_bullet():
    document = (
        Typesetter()
        .page()
        .lines(*wrapped(6))
        .line("Förvaltningen vill lyfta fram följande:")
        .paragraph()
        .line("•", x=BULLET_X)
        .paragraph()
        .line("° Enheten har fått stöd av planen.", x=MARGIN)
        .paragraph()
        .lines(*wrapped(2))
        .document()
    )
    assert "• Enheten" not in restructured(document)


# -- running headers by place -----------------------------------------------------------------


def test_the_header_at_the_headers_place_goes_and_the_title_like_it_stays():
    setter = Typesetter()
    for number in (1, 2, 3):
        setter.page().line("Stockholms stad", x=700, y=40)
        # on page 1 OCR damaged the running header; the title below reads it exactly
        header = "Rapport om skolen 2024" if number == 1 else "Rapport om skolan 2024"
        setter.line(header, x=700, y=80).paragraph()
        if number == 1:
            setter.line("Rapport om skolan 2024", y=200).paragraph()
        setter.line("Resultat", y=300).paragraph().lines(*wrapped(4))
        setter.paragraph().line(f"Sida {number} (3)", x=900, y=1400)
    document = setter.document()
    result = restructured(document)
    assert result.startswith("Rapport om skolan 2024\n\nResultat")
    assert "skolen" not in result
    assert "Stockholms" not in result
    assert "Sida" not in result
