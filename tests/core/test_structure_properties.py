from hypothesis import given, settings
from hypothesis import strategies as st
from structure_support import WordListOracle

from korrektur.engine import Engine
from korrektur.engine.structure import make_plan, structure_analyzers
from korrektur.model import Document, ReviewSession

PIECES = st.sampled_from(
    [
        "Skolan",
        "har",
        "arbetat",
        "uppfölj-",
        "ningen",
        "grund-",
        "och",
        "F-9",
        "2021-2024",
        "KSBS-",
        "insats.",
        "Sida 2 (3)",
        "Dnr KS 2024/12",
        "* ",
        "e ",
        "¢ ",
        "- ",
        "•",
        "_",
        "~",
        "“",
        "”",
        "„",
        "|",
        ":",
        ".",
        ",",
        "  ",
        "    ",
        "\n",
        "\n\n",
        "\n ",
        "\f",
        "\t",
        "w",
    ]
)
TEXTS = st.lists(PIECES, max_size=60).map(lambda parts: " ".join(parts))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_the_plan_is_always_a_valid_list_of_suggestions(text):
    document = Document.from_text(text)
    plan = make_plan(document, WordListOracle())
    previous_end = -1
    for edit in plan.edits:
        assert 0 <= edit.start <= edit.end <= len(document.text)
        assert edit.start >= previous_end
        assert 0 < edit.confidence <= 1
        assert edit.reason
        previous_end = edit.end
    suggestions = Engine(structure_analyzers(WordListOracle())).analyse(document)
    session = ReviewSession(document, suggestions)  # checks spans, texts and overlaps
    assert len(session.suggestions) == len(plan.edits)
    for suggestion in session.suggestions:
        session.accept(suggestion.id)
    assert session.corrected_text() == session.render()


WORD = st.sampled_from(
    [
        "skolan",
        "har",
        "arbetat",
        "med",
        "F-9",
        "2021-2024",
        "KSBS-insats",
        "grund-",
        "och",
        "uppföljningen",
        "“Etik”",
        "(se",
        "bilaga)",
        "5",
        "%",
        "§",
        "–",
        "I",
        "Dnr",
    ]
)
FIRST = st.sampled_from(["Skolan", "Förvaltningen", "Uppföljningen", "Arbetet"])
SENTENCE = st.tuples(FIRST, st.lists(WORD, max_size=30)).map(
    lambda t: " ".join([t[0], *t[1], "klart."])
)
NOUN = st.sampled_from(["resultat", "elevhälsa", "2024", "F-9", "KSBS-insats", "plan"])
HEADING = st.tuples(FIRST, st.lists(NOUN, max_size=4)).map(lambda t: " ".join([t[0], *t[1]]))
LIST = st.lists(SENTENCE, min_size=1, max_size=4).map(
    lambda items: "Följande gäller:\n\n" + "\n".join("• " + item for item in items)
)
BLOCK = st.one_of(SENTENCE, HEADING, LIST)


@settings(max_examples=150, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=8))
def test_reading_text_is_left_as_it_is(blocks):
    clean = "\n\n".join(blocks) + "\n"
    document = Document.from_text(clean)
    session = ReviewSession(
        document, Engine(structure_analyzers(WordListOracle())).analyse(document)
    )
    assert session.render() == clean
