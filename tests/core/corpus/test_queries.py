"""Status, the HTML report and the concordance, read from the index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from corpus_samples import SAMPLES, analyse
from hypothesis import given
from hypothesis import strategies as st

from korrektur import cli
from korrektur.corpus.concordance import find_word, pair_concordance, word_concordance
from korrektur.corpus.decide import decide_pair
from korrektur.corpus.estimate import remaining_errors
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import init_project
from korrektur.corpus.status import corpus_status
from korrektur.store.reviewread import load_review


@pytest.fixture
def analysed(project: Path) -> Path:
    analyse(project)
    with open_corpus(project, "decide") as corpus:
        decide_pair(corpus, "for", "för", "reject", "Anna")
    return project


def test_status_figures_add_up_to_the_review_files(analysed: Path) -> None:
    with open_corpus(analysed, "status") as corpus:
        status = corpus_status(corpus)
    reviews = {
        d.name: load_review(analysed / "reviews" / f"{d.name}.review.yaml")
        for d in status.per_document
    }
    for document in status.per_document:
        session = reviews[document.name].session
        assert document.total == len(session.suggestions)
        assert document.words == session.document.word_count
        assert document.pages == len(session.document.pages)
        pending = sum(
            s.confidence
            for s in session.suggestions
            if s.status.value == "pending" and s.is_word_fix
        )
        assert document.remaining_errors == pytest.approx(remaining_errors(pending, document.words))
    assert (
        status.suggestions["rejected"]
        == sum(
            1
            for r in reviews.values()
            for s in r.session.suggestions
            if s.status.value == "rejected"
        )
        > 0
    )
    assert status.reviewers == {"Anna": 3}
    assert status.rules[0]["decisions"] == status.suggestions["rejected"]
    assert status.remaining_errors == pytest.approx(
        sum(d.remaining_errors or 0 for d in status.per_document)
    )


def test_status_on_the_command_line(analysed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["corpus", "status", str(analysed), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["corpus"]["documents"]["analysed"] == 3
    assert {d["name"] for d in data["documents"]} == set(SAMPLES)
    assert cli.main(["corpus", "status", str(analysed)]) == 0
    out = capsys.readouterr().out
    assert "estimated word errors still in the text" in out
    assert "sub/c.txt" in out
    assert "r1: reject 'for' → 'för' by Anna" in out


def test_the_report_is_one_self_contained_page_with_charts(analysed: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert cli.main(["corpus", "report", str(analysed), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.count("<svg") == 3
    assert "for → för" in html
    assert "a.txt" in html
    assert "Anna (3 documents)" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "<script" not in html


def test_a_word_everywhere_with_page_line_and_the_suggestion_there(analysed: Path) -> None:
    with open_corpus(analysed, "concordance", write=False) as corpus:
        found = word_concordance(corpus.index, "Det").occurrences()
        exact = word_concordance(corpus.index, "Det", exact_case=True).occurrences()
        pairs = pair_concordance(corpus.index, "for", "för").occurrences()
        nothing = word_concordance(corpus.index, "elefant").occurrences()
    expected = sum(len(re.findall(r"(?<!\w)det(?!\w)", t, re.IGNORECASE)) for t in SAMPLES.values())
    assert len(found) == expected
    assert len(exact) < expected
    first = found[0]
    assert (first.document, first.line, first.keyword) == ("a.txt", 4, "Det")
    assert first.right.startswith(" ar viktigt")
    assert first.status == "-"
    assert nothing == []
    assert pairs
    assert all(o.status == "rejected" and o.keyword == "for" for o in pairs)
    assert {o.document for o in pairs} == set(SAMPLES)
    with open_corpus(analysed, "concordance", write=False) as corpus:
        ar = word_concordance(corpus.index, "ar").occurrences()
    assert {o.status for o in ar} == {"pending"}
    assert {o.replacement for o in ar} >= {"är"}


def test_concordance_on_the_command_line(
    analysed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["corpus", "concordance", str(analysed), "--pair", "for", "för", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == len(data["occurrences"]) > 0
    assert cli.main(["corpus", "concordance", str(analysed), "lokaler", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("[lokaler]") == 1
    assert "2 occurrences in 2 documents (showing 1)" in captured.err
    assert cli.main(["corpus", "concordance", str(analysed)]) == 1


@given(
    text=st.text(alphabet="aåÄbB _-.\n1ßİ", max_size=60),
    word=st.sampled_from(["a", "ab", "Å", "b-a", "ss", "1", "a.", "İ"]),
    exact=st.booleans(),
)
def test_find_word_finds_what_the_regular_expression_finds(
    text: str, word: str, exact: bool
) -> None:
    flags = 0 if exact else re.IGNORECASE
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", flags)
    assert find_word(text, word, exact) == [m.span() for m in pattern.finditer(text)]


def test_pages_lines_and_columns_of_a_document_with_form_feeds(
    tmp_path: Path, sources: Path
) -> None:
    (sources / "pages.txt").write_text(
        "Forsta sidan om skolan\nDet ar bra.\n\fAndra sidan\nHar ar skolan igen, skolan.\n"
    )
    analyse(init_project(tmp_path / "paged", sources).root)
    with open_corpus(tmp_path / "paged", "concordance", write=False) as corpus:
        found = [
            o
            for o in word_concordance(corpus.index, "skolan").occurrences()
            if o.document == "pages.txt"
        ]
    assert [(o.page, o.line, o.column) for o in found] == [(1, 1, 17), (2, 4, 8), (2, 4, 21)]
    assert found[1].left.endswith("Har ar ")
    assert found[1].right.startswith(" igen, skolan.")
