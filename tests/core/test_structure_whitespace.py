from structure_support import edits_of, restructure

from korrektur.engine.structure.whitespace import inline_edits


def test_runs_of_spaces_collapse():
    text = "Detta  gäller den \t s.k. strategin.\n"
    assert restructure(text) == "Detta gäller den s.k. strategin.\n"
    assert all(e.replacement == " " for e in edits_of(text, "whitespace"))


def test_specks_between_words_and_underscores_go():
    text = "Uppdraget ska _ redovisas till © regeringen och kommunala_ förvaltningar.\n"
    assert restructure(text) == (
        "Uppdraget ska redovisas till regeringen och kommunala förvaltningar.\n"
    )


def test_ocr_i_and_text_symbols_stay():
    text = "| uppdraget ingår 5 % och 2 § samt - en tankestreck - och 6-8 §§.\n"
    assert inline_edits(text, 0, len(text) - 1) == []


def test_specks_at_line_ends_go():
    text = "Uppdraget ska redovisas till ~\n’ regeringen senast i mars. ,\n"
    assert restructure(text) == "Uppdraget ska redovisas till regeringen senast i mars.\n"


def test_a_line_of_symbols_goes():
    text = "Första stycket.\n\n. —\n\nAndra stycket.\n"
    assert restructure(text) == "Första stycket.\n\nAndra stycket.\n"


def test_left_single_quote_stuck_to_a_word_goes():
    text = "Regeringen ‘uppdrar åt kommunen.\n"
    assert restructure(text) == "Regeringen uppdrar åt kommunen.\n"


def test_trailing_spaces_are_whitespace_fixes():
    text = "Första stycket.   \n\nAndra stycket.\n"
    (edit,) = edits_of(text, "whitespace")
    assert text[edit.start : edit.end] == "   \n\n"
    assert edit.replacement == "\n\n"
    assert edits_of(text, "reflow") == []


def test_broken_typographic_quotes_are_balanced_within_a_paragraph():
    text = "Temat var “Etik i\nhandledarrollen“ och „samverkan„ i år.\n"
    assert restructure(text) == "Temat var “Etik i handledarrollen” och „samverkan” i år.\n"


def test_good_quotes_and_missing_ones_are_left_alone():
    text = "Temat var ”Etik” och “Ansvar” men social arbetsmiljö” saknar sin början.\n"
    assert restructure(text) == text
