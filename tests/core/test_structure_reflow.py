import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from structure_support import WordListOracle, edits_of, restructure

from korrektur.engine import AnalysisCancelled
from korrektur.engine.structure import make_plan
from korrektur.model import Document

PARAGRAPHS = """Rapporten beskriver hur skolorna har arbetat under året och vilka
resultat arbetet har gett. Förvaltningen har följt upp alla skolor och
sammanställt resultaten i den här rapporten.



Resultaten har förbättrats i de flesta årskurser. Skillnaderna mellan
skolorna är dock fortfarande stora.
"""


def test_lines_of_a_paragraph_are_joined_and_paragraphs_get_one_blank_line():
    assert restructure(PARAGRAPHS) == (
        "Rapporten beskriver hur skolorna har arbetat under året och vilka resultat arbetet "
        "har gett. Förvaltningen har följt upp alla skolor och sammanställt resultaten i den "
        "här rapporten.\n\n"
        "Resultaten har förbättrats i de flesta årskurser. Skillnaderna mellan skolorna är "
        "dock fortfarande stora.\n"
    )


def test_a_reflow_suggestion_replaces_just_the_line_break():
    edits = edits_of(PARAGRAPHS, "reflow")
    joins = [e for e in edits if e.replacement == " "]
    assert joins
    assert all(PARAGRAPHS[e.start : e.end] == "\n" for e in joins)
    (paragraph,) = [e for e in edits if e.replacement == "\n\n"]
    assert PARAGRAPHS[paragraph.start : paragraph.end] == "\n\n\n\n"
    assert all(e.reason for e in edits)


def test_heading_directly_above_the_text_gets_its_own_paragraph():
    text = "Likvärdighet och elevhälsa\nFörvaltningen vill särskilt lyfta fram arbetet.\n"
    assert restructure(text) == (
        "Likvärdighet och elevhälsa\n\nFörvaltningen vill särskilt lyfta fram arbetet.\n"
    )


def test_a_title_over_two_lines_is_joined():
    text = "Kvalitetsrapport för förskola,\ngrundskola och fritidshem\n\nInledning\n\nText.\n"
    assert restructure(text) == (
        "Kvalitetsrapport för förskola, grundskola och fritidshem\n\nInledning\n\nText.\n"
    )


def test_a_short_line_ending_a_sentence_ends_the_paragraph():
    long_line = "Förvaltningen har arbetat med uppföljningen av skolornas resultat under hela"
    text = f"{long_line}\nläsåret.\nSkolorna har också fått stöd.\n"
    assert restructure(text) == (f"{long_line} läsåret.\n\nSkolorna har också fått stöd.\n")


def test_the_sentence_goes_on_after_a_blank_line():
    text = "Uppdraget ska redovisas till Regeringskansliet\n\n(Kulturdepartementet) i mars.\n"
    assert restructure(text) == (
        "Uppdraget ska redovisas till Regeringskansliet (Kulturdepartementet) i mars.\n"
    )


def test_blank_space_before_and_after_the_text_goes():
    assert restructure("\n\n  Kort text.\n\n\n\n") == "Kort text.\n"


def test_page_start_indentation_goes():
    text = "Första sidans sista mening.\n Andra sidan börjar här.\n"
    assert restructure(text) == "Första sidans sista mening.\n\nAndra sidan börjar här.\n"


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=3, max_size=12)
PARAGRAPH = st.lists(WORD, min_size=1, max_size=40).map(
    lambda words: " ".join(words).capitalize() + "."
)


@settings(max_examples=60, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=6), st.integers(min_value=40, max_value=90))
def test_wrapped_paragraphs_come_back_as_they_were(paragraphs, width):
    clean = "\n\n".join(paragraphs) + "\n"
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in paragraphs) + "\n"
    assert restructure(clean) == clean  # clean text is left alone
    assert restructure(wrapped) == clean


def test_planning_reports_progress_and_can_be_cancelled(cancel_after_first_report):
    progress = cancel_after_first_report
    with pytest.raises(AnalysisCancelled):
        make_plan(Document.from_text(PARAGRAPHS), WordListOracle(), progress)
    assert progress.reports == [(1, 4)]


def test_lines_in_columns_stay_lines():
    signature = "Anna Lind                    Per Berg\nRektor                       Chef\n"
    text = "Beslutet fattades i maj.\n\n" + signature
    assert restructure(text) == text
    assert restructure("Ett  ord    till.\n") == "Ett ord till.\n"


def test_a_heading_after_a_page_break_starts_a_paragraph():
    full = "Skolorna har arbetat med läsningen och resultaten har förbättrats i alla"
    text = (
        f"{full}\nårskurser under året.\n{full}\nårskurser.\n"
        "• Pojkarnas resultat har förbättrats mer än flickornas.\n\n"
        "Sida 1 (2)\n Förvaltningens bedömning\n\nArbetet bör fortsätta.\n"
    )
    result = restructure(text)
    assert "flickornas.\n\nFörvaltningens bedömning\n\nArbetet bör fortsätta.\n" in result
