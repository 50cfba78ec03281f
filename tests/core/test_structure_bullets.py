import pytest
from structure_support import edits_of, restructure

from korrektur.engine.structure.bullets import Strength, find_glyph


@pytest.mark.parametrize(
    ("line", "glyph", "strength"),
    [
        ("• Skolan ska", "•", Strength.TRUE),
        ("* Skolan ska", "*", Strength.OCR),
        ("¢ Skolan ska", "¢", Strength.OCR),
        ("+ Skolan ska", "+", Strength.OCR),
        ("« Skolan ska", "«", Strength.OCR),
        ("» Skolan ska", "»", Strength.OCR),
        ("Ø Skolan ska", "Ø", Strength.OCR),
        ("ØSkolan ska", "Ø", Strength.OCR),
        ("«Skolan ska", "«", Strength.DASH),
        ("e Skolan ska", "e", Strength.LETTER),
        ("o Skolan ska", "o", Strength.LETTER),
        ("-e Skolan ska", "-e", Strength.LETTER),
        ("- Skolan ska", "-", Strength.DASH),
        ("  * | uppdraget ingår", "*", Strength.OCR),
    ],
)
def test_glyphs(line, glyph, strength):
    found = find_glyph(line)
    assert found is not None
    assert found.text == glyph
    assert found.strength is strength


@pytest.mark.parametrize("line", ["Eleverna", "i skolan", "* *", "-5 grader", "o", "x Skolan"])
def test_not_glyphs(line):
    assert find_glyph(line) is None


LIST = """Förvaltningen vill särskilt lyfta fram följande:

* Skolorna har fått stöd
i sitt arbete.
¢ Förskolorna har utbildat personal.

e Kommunen har tagit fram en plan.
« Planen följs upp varje år.

Arbetet fortsätter under nästa år.
"""


def test_a_list_after_a_colon_gets_bullets_and_joined_items():
    assert restructure(LIST) == (
        "Förvaltningen vill särskilt lyfta fram följande:\n\n"
        "• Skolorna har fått stöd i sitt arbete.\n"
        "• Förskolorna har utbildat personal.\n"
        "• Kommunen har tagit fram en plan.\n"
        "• Planen följs upp varje år.\n\n"
        "Arbetet fortsätter under nästa år.\n"
    )


def test_bullet_suggestions_replace_the_glyph_prefix():
    edits = edits_of(LIST, "bullet")
    assert [LIST[e.start : e.end] for e in edits] == ["* ", "¢ ", "e ", "« "]
    assert all(e.replacement == "• " for e in edits)
    assert all(0.8 <= e.confidence < 1 for e in edits)


def test_lowercase_items_after_a_colon():
    text = "Eleverna ska:\n\n• läsa mer\n• skriva mer\n\nDet följs upp.\n"
    assert restructure(text) == text


def test_dash_is_a_bullet_only_in_a_list():
    listed = "Vi föreslår:\n\n- Regeringen beslutar om medel.\n- Kommunen följer upp.\n"
    assert restructure(listed) == (
        "Vi föreslår:\n\n• Regeringen beslutar om medel.\n• Kommunen följer upp.\n"
    )
    dash = "Arbetet omfattar utbildning och\n- en del annat stöd.\n"
    assert restructure(dash) == "Arbetet omfattar utbildning och - en del annat stöd.\n"


def test_speck_glyph_before_a_continuing_sentence_is_deleted():
    text = "Myndigheten ska ha en\n\n* dialog med kommunerna om arbetet.\n"
    assert restructure(text) == "Myndigheten ska ha en dialog med kommunerna om arbetet.\n"
    (edit,) = edits_of(text, "whitespace")
    assert text[edit.start : edit.end] == "* "
    assert edit.confidence <= 0.7


def test_list_item_broken_over_a_page():
    text = (
        " Sundby kommun\n\nFöljande gäller:\n\n"
        "• Skolorna ska redovisa hur arbetet med\n\nSida 1 (2)\n"
        " Sundby kommun\n\nläsningen har gått.\n"
        "• Förvaltningen sammanställer resultaten.\n\nSida 2 (2)\n"
    )
    assert restructure(text) == (
        "Följande gäller:\n\n"
        "• Skolorna ska redovisa hur arbetet med läsningen har gått.\n"
        "• Förvaltningen sammanställer resultaten.\n"
    )


def test_an_item_that_lost_its_glyph_between_two_items():
    text = (
        "Följande gäller:\n\n* Skolorna redovisar.\n\nFörskolorna redovisar.\n\n"
        "* Kommunen sammanställer.\n"
    )
    assert restructure(text) == (
        "Följande gäller:\n\n• Skolorna redovisar.\n• Förskolorna redovisar.\n"
        "• Kommunen sammanställer.\n"
    )
    inserted = [e for e in edits_of(text, "bullet") if e.start == e.end]
    assert len(inserted) == 1
    assert inserted[0].confidence < 0.7


def test_a_run_of_short_paragraphs_after_a_colon_is_an_unsure_list():
    text = (
        "Förvaltningen vill lyfta fram följande:\n\n"
        "Detta redovisades i våras.\n\nRedovisningen blev ett verktyg för\nskolorna.\n\n"
        "Uppföljning\n\nText om uppföljningen.\n"
    )
    assert restructure(text) == (
        "Förvaltningen vill lyfta fram följande:\n\n"
        "• Detta redovisades i våras.\n• Redovisningen blev ett verktyg för skolorna.\n\n"
        "Uppföljning\n\nText om uppföljningen.\n"
    )
    assert all(e.confidence < 0.5 for e in edits_of(text, "bullet"))
    assert restructure(text, min_confidence=0.5) == (
        "Förvaltningen vill lyfta fram följande:\n\n"
        "Detta redovisades i våras.\n\nRedovisningen blev ett verktyg för skolorna.\n\n"
        "Uppföljning\n\nText om uppföljningen.\n"
    )


def test_lowercase_items_of_a_list_without_an_intro():
    text = "Åtgärder\n\n* öka läsningen\n* minska frånvaron\n"
    assert restructure(text) == "Åtgärder\n\n• öka läsningen\n• minska frånvaron\n"


def test_an_intro_between_two_lists_is_not_an_item():
    text = "Mål:\n\n* Läsa mer.\n\nFör att nå målen ska skolorna:\n\n* Skriva mer.\n"
    assert restructure(text) == (
        "Mål:\n\n• Läsa mer.\n\nFör att nå målen ska skolorna:\n\n• Skriva mer.\n"
    )


def test_lowercase_letter_glyphs_are_bullets_only_in_a_list():
    listed = (
        "Satsningen har tre delar:\n\ne fortbildning för lärare,\n"
        "e samarbete med biblioteket,\ne kartläggning av läsningen.\n"
    )
    assert restructure(listed) == (
        "Satsningen har tre delar:\n\n• fortbildning för lärare,\n• samarbete med biblioteket,\n"
        "• kartläggning av läsningen.\n"
    )
    alone = "Texten fortsätter här och\ne skolan är ett ord som OCR läst fel.\n"
    assert restructure(alone) == "Texten fortsätter här och e skolan är ett ord som OCR läst fel.\n"
