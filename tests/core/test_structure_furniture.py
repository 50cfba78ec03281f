from structure_support import edits_of, restructure

from korrektur.engine.structure.furniture import edge_key, find_furniture, is_speck_line, line_form
from korrektur.model import Document

HEADER = " Sundby kommun\nBarn- och utbildningsförvaltningen\n\nDnr BUN 2023/117\n\n"


def page(number, total, body):
    return f"{HEADER}{body}\n\nSida {number} ({total})\n"


def three_pages():
    return (
        page(1, 3, "Årsrapport för skolorna\n\nSkolorna har arbetat med läsning under året.")
        + page(2, 3, "Resultaten har förbättrats i alla årskurser.")
        + page(3, 3, "Förvaltningen fortsätter arbetet nästa år.")
    )


def removed_lines(text):
    document = Document.from_text(text)
    return {document.line_text(i).strip() for i in find_furniture(document)}


def test_running_header_dnr_and_page_numbers_are_removed_on_every_page():
    result = restructure(three_pages())
    assert result == (
        "Årsrapport för skolorna\n\n"
        "Skolorna har arbetat med läsning under året.\n\n"
        "Resultaten har förbättrats i alla årskurser.\n\n"
        "Förvaltningen fortsätter arbetet nästa år.\n"
    )


def test_furniture_suggestions_are_whole_lines_with_sure_confidence_and_reasons():
    text = three_pages()
    edits = edits_of(text, "page-furniture")
    assert len(edits) == 12
    for edit in edits:
        removed = text[edit.start : edit.end]
        assert edit.replacement == ""
        assert removed.endswith("\n")
        assert edit.start == 0 or text[edit.start - 1] == "\n"
        assert edit.confidence >= 0.9
    reasons = " ".join(e.reason for e in edits)
    assert "page number 'Sida 2 (3)' repeats" in reasons
    assert "running header 'Barn- och utbildningsförvaltningen' repeats" in reasons


def test_page_number_forms():
    for line in ("Sida 5 (5)", "Sida 1(5)", "Sida 5,(5)", "5 (12)", "- 5 -", "Page 3 of 9", "7"):
        assert line_form(line) is not None, line
    for line in ("5 Resultat", "3.2 Måluppfyllelse", "Sida vid sida", "Skolan har 5 (12) klasser."):
        assert line_form(line) is None, line


def test_page_numbers_found_by_form_on_a_single_page_edge():
    text = " Rapporten har två delar.\n\nDen andra delen kommer senare.\n\n- 1 -\n"
    assert removed_lines(text) == {"- 1 -"}
    assert restructure(text) == "Rapporten har två delar.\n\nDen andra delen kommer senare.\n"


def test_letterhead_contact_lines_at_the_page_foot():
    text = (
        " Rapporten har två delar.\n\nDen andra delen kommer senare.\n\n"
        "Utbildningsförvaltningen\nBox 22049\n104 22 Stockholm\nTelefon 08-508 33 000\n"
        "stockholm.se\n"
    )
    assert removed_lines(text) == {
        "Box 22049",
        "104 22 Stockholm",
        "Telefon 08-508 33 000",
        "stockholm.se",
    }
    assert line_form("Kontakta oss på telefon om ni har frågor.") is None


def test_numbers_inside_the_body_are_kept():
    text = "Antal elever:\n\n5 (12)\n\nSkolan har vuxit.\n\nSida 1 (1)\n"
    assert removed_lines(text) == {"Sida 1 (1)"}


def test_logo_remnant_at_the_top_is_removed_with_low_confidence():
    text = "w Stockholms\nSTAD\n\nRapporten beskriver året som gått.\n"
    edits = edits_of(text, "page-furniture")
    assert [text[e.start : e.end] for e in edits] == ["w Stockholms\n"]
    assert edits[0].confidence <= 0.7
    assert is_speck_line("w Stockholms")
    assert is_speck_line("® Stockholms stad")
    assert not is_speck_line("Stockholms stad")
    assert not is_speck_line("I Stockholm")


def test_a_heading_like_the_header_stays():
    # The title resembles the running header "Kvalitetsrapport" but is body text on page 1.
    pages = [
        " Sundby kommun\nKvalitetsrapport\n\nKvalitetsrapport för förskolan 2023\n\n"
        "Förskolorna har arbetat med språket.\n",
        " Sundby kommun\nKvalitetsrapport\n\nBarnen har fått mer stöd.\n",
        " Sundby kommun\nKvalitetsrapport\n\nPersonalen har utbildats.\n",
    ]
    result = restructure("".join(pages))
    assert result.startswith("Kvalitetsrapport för förskolan 2023\n\nFörskolorna")
    assert "Sundby kommun" not in result


def test_a_heading_at_a_page_top_that_does_not_repeat_stays():
    text = (
        " Sundby kommun\n\nInledning\n\nText om inledningen.\n"
        " Sundby kommun\n\n3 Resultat\n\nText om resultaten.\n"
        " Sundby kommun\n\nSida vid sida\n\nText om samarbetet.\n"
    )
    result = restructure(text)
    assert "3 Resultat\n\nText om resultaten." in result
    assert "Sida vid sida\n\nText om samarbetet." in result
    assert "Sundby" not in result


def test_body_text_said_twice_at_page_ends_is_not_a_footer():
    sentence = "Förvaltningen följer upp hur prioriteringarna har påverkat lönerna för grupperna."
    text = f" Inledande text om arbetet.\n\n{sentence}\n Mer text om skolan.\n\n{sentence}\n"
    assert removed_lines(text) == set()


def test_paragraph_continues_across_a_page_break():
    text = (
        " Sundby kommun\n\nFörvaltningen har under året gett de skolor som har\n\nSida 1 (2)\n"
        " Sundby kommun\n\nstörst behov ett särskilt stöd.\n\nSida 2 (2)\n"
    )
    assert restructure(text) == (
        "Förvaltningen har under året gett de skolor som har störst behov ett särskilt stöd.\n"
    )


def test_edge_key_ignores_accents_digits_and_specks():
    assert edge_key('" Utbildningsförvaltningen') == edge_key("Utbildningsforvaltningen")
    assert edge_key("Sida 1 (5)") == edge_key("Sida 12 (15)")


def test_pages_without_marks_are_found_by_their_page_numbers():
    # No form feeds and no page-start spaces: the "Sida N (3)" lines show where pages end.
    text = three_pages().replace("\n Sundby", "\nSundby").lstrip()
    assert len(Document.from_text(text).pages) == 1
    assert restructure(text) == restructure(three_pages())


def test_headers_with_the_page_number_on_top_and_no_page_marks():
    header = "w Sundby\nBARN- OCH UTBILDNINGSFÖRVALTNINGEN\nSida {} (3)\nDnr 4.5-67/2023\n\n"
    bodies = ["Skolorna har läst mer.", "Resultaten har förbättrats.", "Arbetet fortsätter."]
    text = "".join(header.format(n) + body + "\n\n" for n, body in enumerate(bodies, 1))
    assert restructure(text) == "\n\n".join(bodies) + "\n"


def test_letterhead_lines_in_columns():
    text = (
        " Sundby kommun\n"
        "Utbildningsförvaltningen                         Dnr UBN 2025/11\n"
        "Tjänsteutlåtande                                 Sida 1 (2)\n\n"
        "Uppföljning av läslyftet\n\nSkolorna har arbetat med läsning.\n\n"
        " Sundby kommun                                    Sida 2 (2)\n\n"
        "Resultaten har förbättrats.\n"
    )
    assert restructure(text) == (
        "Uppföljning av läslyftet\n\nSkolorna har arbetat med läsning.\n\n"
        "Resultaten har förbättrats.\n"
    )
    assert line_form("Summa kostnader                    1 250 000 kr och mer därtill") is None
