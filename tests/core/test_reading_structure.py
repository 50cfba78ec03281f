"""The reading structure as data: found once by the analysis, rendered by every export under the
reviewer's decisions (formats/blocks.py says the rule)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from structure_support import WordListOracle

from korrektur.engine.pipeline import Engine
from korrektur.engine.structure import structure_analyzers
from korrektur.formats.blocks import placed_blocks, removed_lines
from korrektur.formats.exporters import EXPORTERS
from korrektur.formats.reading import ExportOptions, Pending, export_text
from korrektur.model import Document, Kind, ReviewSession, Status
from korrektur.model.structure import BlockKind, ReadingStructure, Suggestions
from korrektur.store.review import Review
from korrektur.store.reviewfile import save_review
from korrektur.store.reviewread import load_review
from korrektur.store.validate import ReviewFileError

TEXT = (
    " Ekby kommun                                   Sida 1 (2)\n"
    "Uppföljning av arbetet\n"
    "\n"
    "Förvaltningen har under året arbetat med att förbättra stödet till skolorna\n"
    "i kommunen. Arbetet fortsätter under nästa år med fler insatser.\n"
    "\n"
    "Insatserna omfattar:\n"
    "e fortbildning för lärare\n"
    "e ett bättre samarbete\n"
    "\n"
    "Resultat\n"
    "Resultaten är goda och arbetet har gett effekt på de skolor som deltagit och\n"
    "\f Ekby kommun                                   Sida 2 (2)\n"
    "på flera andra skolor under året som gått.\n"
)
TEI = "{http://www.tei-c.org/ns/1.0}"


def analysed() -> ReviewSession:
    document = Document.from_text(TEXT, name="rapport.txt")
    return ReviewSession(document, Engine(structure_analyzers(WordListOracle())).analyse(document))


def shown(session, pending=Pending.RAW):
    """The blocks an export shows: (kind, text, list) in order."""
    exported = export_text(session, ExportOptions(pending=pending))
    return [
        (b.kind.value, " ".join(exported.text[b.start : b.end].split()), b.list)
        for b in placed_blocks(exported)
    ]


def all_accepted():
    session = analysed()
    session.accept(*[s.id for s in session.suggestions])
    return session


ACCEPTED = [
    ("heading", "Uppföljning av arbetet", 0),
    (
        "paragraph",
        "Förvaltningen har under året arbetat med att förbättra stödet till skolorna "
        "i kommunen. Arbetet fortsätter under nästa år med fler insatser.",
        0,
    ),
    ("paragraph", "Insatserna omfattar:", 0),
    ("item", "fortbildning för lärare", 1),
    ("item", "ett bättre samarbete", 1),
    ("heading", "Resultat", 0),
    (
        "paragraph",
        "Resultaten är goda och arbetet har gett effekt på de skolor som deltagit och "
        "på flera andra skolor under året som gått.",
        0,
    ),
]


def test_the_analysis_finds_the_structure_once():
    session = analysed()
    structure = session.structure
    assert isinstance(structure, ReadingStructure)
    kinds = [(b.kind, TEXT[b.start : b.end].split("\n")[0]) for b in structure.blocks]
    assert kinds == [
        (BlockKind.HEADING, "Uppföljning av arbetet"),
        (
            BlockKind.PARAGRAPH,
            "Förvaltningen har under året arbetat med att förbättra stödet till skolorna",
        ),
        (BlockKind.PARAGRAPH, "Insatserna omfattar:"),
        (BlockKind.ITEM, "e fortbildning för lärare"),
        (BlockKind.ITEM, "e ett bättre samarbete"),
        (BlockKind.HEADING, "Resultat"),
        (
            BlockKind.PARAGRAPH,
            "Resultaten är goda och arbetet har gett effekt på de skolor som deltagit och",
        ),
    ]
    assert [r.kind for r in structure.removed] == [Kind.PAGE_FURNITURE] * 2
    assert all("Sida" in TEXT[r.start : r.end] for r in structure.removed)


def test_all_accepted_shows_the_analysis_structure():
    assert shown(all_accepted()) == ACCEPTED
    exported = export_text(all_accepted(), ExportOptions())
    removed = removed_lines(exported)
    assert [line.text for line in removed] == [
        "Ekby kommun                                   Sida 1 (2)",
        "Ekby kommun                                   Sida 2 (2)",
    ]


def test_proposed_policy_shows_the_proposals_structure():
    assert shown(analysed(), Pending.PROPOSED) == ACCEPTED


def test_a_rejected_join_keeps_the_lines_apart_in_one_paragraph():
    session = all_accepted()
    joins = [s.id for s in session.suggestions if s.replacement == " "]
    session.reject(joins[0])  # "skolorna" / "i kommunen"
    exported = export_text(session, ExportOptions())
    paragraph = placed_blocks(exported)[1]
    assert paragraph.kind is BlockKind.PARAGRAPH
    assert exported.text[paragraph.start : paragraph.end].count("\n") == 1
    assert shown(session) == ACCEPTED  # (the same blocks, one with a line break)


def test_a_rejected_paragraph_break_joins_a_heading_to_its_text():
    session = all_accepted()
    breaks = [s.id for s in session.suggestions if s.replacement == "\n\n"]
    session.reject(breaks[-1])  # "Resultat" / "Resultaten …": no blank line between
    blocks = shown(session)
    assert ("heading", "Resultat", 0) not in blocks
    assert blocks[5][:2] == (
        "paragraph",
        "Resultat Resultaten är goda och arbetet har gett effekt "
        "på de skolor som deltagit och på flera andra skolor under året som gått.",
    )


def test_an_item_starts_at_its_bullet_even_without_a_blank_line_before():
    session = all_accepted()
    breaks = [s.id for s in session.suggestions if s.replacement == "\n\n"]
    session.reject(breaks[0])  # "Insatserna omfattar:" / "• fortbildning …"
    assert shown(session) == ACCEPTED


def test_a_rejected_bullet_is_no_item():
    session = all_accepted()
    bullets = [s.id for s in session.suggestions if Kind.BULLET in s.kinds]
    session.reject(bullets[0])
    blocks = shown(session)
    assert ("paragraph", "e fortbildning för lärare", 0) in blocks
    assert [b for b in blocks if b[0] == "item"] == [("item", "ett bättre samarbete", 1)]


def test_kept_page_furniture_is_text_and_no_removed_line():
    session = all_accepted()
    furniture = [s.id for s in session.suggestions if Kind.PAGE_FURNITURE in s.kinds]
    session.reject(furniture[1])
    exported = export_text(session, ExportOptions())
    assert [line.text[-10:] for line in removed_lines(exported)] == ["Sida 1 (2)"]
    assert "Sida 2 (2)" in shown(session)[-1][1]


def test_undecided_structure_under_the_raw_policy_is_the_raw_texts():
    blocks = shown(analysed())  # nothing decided: the OCR text as printed
    assert blocks[0][0] == "paragraph"  # the page header and the title in one run of lines
    assert not [b for b in blocks if b[0] == "item"]  # 'e' glyphs, no bullets
    assert ("heading", "Resultat", 0) not in blocks  # no blank line after it


def test_a_session_without_structure_has_no_headings_and_bullet_items():
    session = all_accepted()
    plain = ReviewSession(session.document, list(session.suggestions))
    assert plain.structure is None
    blocks = shown(plain)
    assert [b[0] for b in blocks] == [
        "paragraph",
        "paragraph",
        "paragraph",
        "item",
        "item",
        "paragraph",
        "paragraph",
    ]


def test_tei_and_docx_render_the_one_structure():
    review = Review(all_accepted())
    root = etree.fromstring(EXPORTERS["tei"].write(review, ExportOptions()))
    div = root.find(f"{TEI}text/{TEI}body/{TEI}div")
    tags = [el.tag.removeprefix(TEI) for el in div]
    assert tags == ["pb", "fw", "head", "p", "p", "list", "head", "p"]
    import io

    import docx

    document = docx.Document(io.BytesIO(EXPORTERS["docx"].write(review, ExportOptions())))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert [s for s, _ in styles] == [
        "Heading 2",
        "Normal",
        "Normal",
        "List Bullet",
        "List Bullet",
        "Heading 2",
        "Normal",
    ]
    html = EXPORTERS["html"].write(review, ExportOptions()).decode()
    assert "Uppföljning av arbetet" in html.split("<h2>Reading structure</h2>")[1]


def test_the_review_file_keeps_the_structure(tmp_path):
    session = all_accepted()
    save_review(Review(session), tmp_path / "r.review.yaml")
    back = load_review(tmp_path / "r.review.yaml")
    assert back.session.structure == session.structure
    assert shown(back.session) == ACCEPTED


def test_a_damaged_structure_is_a_clear_error(tmp_path):
    save_review(Review(all_accepted()), tmp_path / "r.review.yaml")
    text = (tmp_path / "r.review.yaml").read_text(encoding="utf-8")
    damaged = text.replace("- [heading, ", "- [heading, 99999", 1)
    (tmp_path / "r.review.yaml").write_text(damaged, encoding="utf-8")
    with pytest.raises(ReviewFileError, match=r"structure.*not inside the text"):
        load_review(tmp_path / "r.review.yaml")


def test_the_analysis_result_carries_its_structure_through_a_copy():
    import pickle

    found = analysed().structure
    suggestions = Suggestions([], found)
    assert pickle.loads(pickle.dumps(suggestions)).structure == found


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(list(Status)), min_size=9, max_size=9), st.sampled_from(list(Pending))
)
def test_every_decision_keeps_all_text_in_blocks_in_order(statuses, pending):
    session = analysed()
    for suggestion, status in zip(session.suggestions, statuses, strict=False):
        if status is Status.EDITED:
            session.edit(suggestion.id, suggestion.replacement + " x")
        elif status is not Status.PENDING:
            session.decide([suggestion.id], status)
    exported = export_text(session, ExportOptions(pending=pending))
    text = exported.text
    blocks = placed_blocks(exported)
    covered = [False] * len(text)
    position = 0
    for block in blocks:
        assert position <= block.start <= block.end <= len(text)
        for i in range(block.start, block.end):
            covered[i] = True
        position = block.end
        if block.kind is BlockKind.ITEM:  # its bullet stands just before it
            assert text[: block.start].rstrip(" \t").endswith("•")
    loose = [ch for i, ch in enumerate(text) if not covered[i] and not ch.isspace() and ch != "•"]
    assert loose == []
    headings = {(TEXT[b.start : b.end]) for b in session.structure.headings()}
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            assert text[block.start : block.end] in headings


def test_analysing_an_old_review_again_gives_it_the_structure():
    from korrektur.store.resume import add_fresh

    session = all_accepted()
    old = Review(ReviewSession(session.document, list(session.suggestions)))  # saved before
    assert old.session.structure is None
    fresh = Engine(structure_analyzers(WordListOracle())).analyse(session.document)
    assert add_fresh(old, fresh) == 0  # nothing new to review …
    assert old.session.structure == session.structure  # … but the headings are known again
    assert shown(old.session) == ACCEPTED
