from hypothesis import given, settings
from hypothesis import strategies as st
from review_samples import (
    RAW,
    decide_most,
    session_equal,
    suggestions_for,
)

from korrektur.model import Document, Kind, Status, Suggestion
from korrektur.store.anchor import Anchorer
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.store.reviewread import load_review
from korrektur.workspace.opening import open_review, open_source


def analyse(document):
    return suggestions_for(document.text)


def test_new_source_starts_a_review(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    review, report = open_source(source, analyse, reviewer="Anna")
    assert report.review_path is None
    assert report.messages() == []
    assert len(review.session.suggestions) == 17
    assert review.session.reviewer == "Anna"
    assert review.path == review_path_for(source)


def test_unchanged_source_resumes_exactly(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    review, _ = open_source(source, analyse)
    decide_most(review.session)
    save_review(review)

    calls = []
    again, report = open_source(source, lambda d: calls.append(d) or [], reviewer="Bo")
    assert calls == []  # decisions come from the file; the engine is not asked again
    assert session_equal(again.session, review.session)
    assert again.session.document.path == source.resolve()
    assert report.messages() == []
    assert not again.dirty


CHANGED = (
    RAW.replace(
        "Uppfoljning av lasprojektet\n",
        "Ny inledning pa forsta sidan.\n\nUppfoljning av lasprojektet\n",
    )
    .replace("Satsningen omfattar:\n\n", "Satsningen omfattar nu:\n\n")
    .replace("e ett battre samarbete.\n", "")
)


def test_changed_source_reanchors_and_lists_what_is_lost(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    review, _ = open_source(source, analyse)
    decide_most(review.session)
    save_review(review, message="första")
    old = {s.original: (s.status, s.edited_text) for s in review.session.suggestions}

    source.write_text(CHANGED, encoding="utf-8")

    def engine(document):
        text = document.text
        start = text.index("forsta")
        return [Suggestion("", start, start + 6, "forsta", "första", frozenset({Kind.DIACRITIC}))]

    again, report = open_source(source, engine)
    assert report.source_changed
    assert again.dirty
    lost = {u.suggestion.original for u in report.unanchored}
    assert lost == {"e ", "battre"}
    assert report.reanchored == 15
    assert report.added == 1
    text = again.session.document.text
    for suggestion in again.session.suggestions:
        assert text[suggestion.start : suggestion.end] == suggestion.original
        if suggestion.original in old:
            assert (suggestion.status, suggestion.edited_text) == old[suggestion.original]
    new = [s for s in again.session.suggestions if s.original == "forsta"]
    assert new[0].id == "s18"
    assert new[0].status is Status.PENDING
    assert any("could not be" in line for line in report.messages())
    assert "Ny inledning pa första sidan." in again.session.corrected_text()

    version = save_review(again)
    assert "source changed" in version.note
    assert "not found: s13, s14" in version.note
    reloaded = load_review(again.path)
    assert {u.suggestion.id for u in reloaded.unanchored} == {"s13", "s14"}
    # version 1 is shown against the new source, without what could not be re-anchored
    assert "Ny inledning" in reloaded.version_session(1).decided_text()
    assert len(reloaded.version_session(1).suggestions) == 15


def test_missing_source_uses_the_text_in_the_review_file(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    review, _ = open_source(source, analyse)
    decide_most(review.session)
    save_review(review)
    source.unlink()
    again, report = open_review(review.path, analyse)
    assert "could not be read" in report.messages()[0]
    assert session_equal(again.session, review.session)


def test_search_finds_a_word_whose_line_changed():
    old = "Forvaltningen har stodet.\nEn rad till.\n"
    new = "Forvaltningen har i ar stodet helt.\nEn rad till.\n"
    start = old.index("stodet")
    suggestion = Suggestion("s1", start, start + 6, "stodet", "stödet", frozenset({Kind.DIACRITIC}))
    result = Anchorer(old, new).reanchor([suggestion])
    assert [new[s.start : s.end] for s in result.anchored] == ["stodet"]


WORD = st.text(alphabet="abdefgiklmnoprstuvåäö", min_size=2, max_size=9)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORD, min_size=5, max_size=60, unique=True), st.data())
def test_insertions_outside_suggestions_keep_every_anchor(words, data):
    """Text changed only between words: every suggestion is found again, in order."""
    old = " ".join(words) + "\n"
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    chosen = sorted(data.draw(st.sets(st.integers(0, len(words) - 1), max_size=8)))
    suggestions = [
        Suggestion(
            f"s{i}",
            starts[i],
            starts[i] + len(words[i]),
            words[i],
            words[i].upper(),
            frozenset({Kind.OCR}),
        )
        for i in chosen
    ]
    extra = st.sampled_from(["NYTT", "ORD\n", "X", "Y.\n\n"])
    inserts = data.draw(st.lists(st.tuples(st.integers(0, len(words)), extra), max_size=5))
    new_words = list(words)
    for position, word in sorted(inserts, reverse=True):
        new_words.insert(position, word)
    new = " ".join(new_words) + "\n"
    result = Anchorer(old, new).reanchor(suggestions)
    assert result.lost == []
    assert [s.id for s in result.anchored] == [s.id for s in suggestions]
    assert [new[s.start : s.end] for s in result.anchored] == [s.original for s in suggestions]


def test_pending_fresh_review_document_has_path(tmp_path):
    source = tmp_path / "r.txt"
    source.write_text("Hej pa dig\n", encoding="utf-8")
    review, _ = open_source(source, lambda d: [])
    assert review.source_path == source.resolve()
    assert isinstance(review.session.document, Document)


def test_unanchored_decisions_appear_in_the_html_report(tmp_path):
    from korrektur.formats.exporters import EXPORTERS
    from korrektur.formats.reading import ExportOptions

    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    review, _ = open_source(source, analyse)
    decide_most(review.session)
    save_review(review)
    source.write_text(CHANGED, encoding="utf-8")
    again, _ = open_source(source, lambda d: [])
    page = EXPORTERS["html"].write(again, ExportOptions()).decode()
    assert "Decisions not found again" in page
    assert "<td>s14</td>" in page


def test_analysing_again_adds_new_suggestions_and_keeps_decisions(tmp_path):
    from korrektur.store.resume import add_fresh

    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    review, _ = open_source(
        source, lambda d: [s for s in suggestions_for(d.text) if s.kinds != {Kind.BULLET}]
    )
    decide_most(review.session)
    save_review(review)
    before = {s.id: (s.original, s.status) for s in review.session.suggestions}
    added = add_fresh(review, suggestions_for(review.session.document.text))
    assert added == 2  # the two bullets; everything else overlaps what is there
    after = {s.id: (s.original, s.status) for s in review.session.suggestions}
    assert {i: after[i] for i in before} == before
    assert sorted(set(after) - set(before)) == ["s18", "s19"]
    assert review.dirty
    version = save_review(review)
    assert version.note == "analysed again: 2 new suggestions"
    assert add_fresh(review, suggestions_for(review.session.document.text)) == 0


def test_two_sources_with_one_stem_keep_separate_reviews(tmp_path):
    first = tmp_path / "rapport.txt"
    second = tmp_path / "rapport.md"
    first.write_text(RAW, encoding="utf-8")
    second.write_text(CHANGED, encoding="utf-8")
    review, _ = open_source(first, analyse)
    decide_most(review.session)
    save_review(review)
    other, report = open_source(second, lambda d: [])
    assert report.review_path is None  # not rapport.txt's review, re-anchored by mistake
    assert other.path == tmp_path / "rapport.md.review.yaml"
    save_review(other)
    again, _ = open_source(first, analyse)
    assert again.path == tmp_path / "rapport.review.yaml"
    assert again.session.counts()[Status.ACCEPTED] == review.session.counts()[Status.ACCEPTED]
    assert open_source(second, analyse)[0].path == tmp_path / "rapport.md.review.yaml"
