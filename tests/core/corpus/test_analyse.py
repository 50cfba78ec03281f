"""Batch analysis: review files, the index, bad documents, skipping, changed and gone sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_samples import HOCR, analyse

from korrektur.corpus.index import State
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import init_project
from korrektur.model import Document, Status
from korrektur.store.reviewfile import save_review
from korrektur.store.reviewread import load_review


def _states(project: Path) -> dict[str, tuple[State, str]]:
    with open_corpus(project, "status") as corpus:
        return {row.name: (row.state, row.problem) for row in corpus.index.documents()}


def test_each_document_gets_an_ordinary_review_file(project: Path, sources: Path) -> None:
    report = analyse(project)
    assert sorted(report.analysed) == ["a.txt", "b.txt", "sub/c.txt"]
    assert report.words == sum(Document.from_path(sources / n).word_count for n in report.analysed)
    review = load_review(project / "reviews" / "sub" / "c.txt.review.yaml")
    assert review.source_path == (sources / "sub" / "c.txt").resolve()
    assert review.session.document.text == (sources / "sub" / "c.txt").read_text()
    assert any(s.replacement == "är" for s in review.session.suggestions)
    assert len(review.history) == 0  # nobody has saved a version yet
    with open_corpus(project, "status") as corpus:
        rows = {row.name: row for row in corpus.index.documents()}
        count = corpus.index.db.execute("SELECT count(*) FROM suggestions").fetchone()[0]
    assert count == sum(
        len(load_review(p).session.suggestions)
        for p in project.rglob("*.yaml")
        if p.parent.name != "project"
    )
    assert rows["a.txt"].state is State.ANALYSED
    assert rows["a.txt"].words > 20


def test_bad_documents_are_listed_with_their_reason_and_the_rest_go_on(
    project: Path, sources: Path
) -> None:
    (sources / "binary.txt").write_bytes(b"\x00\x01\x02 data \x00" * 20)
    (sources / "empty.txt").write_bytes(b"")
    report = analyse(project)
    bad = dict(report.bad)
    assert set(bad) == {"binary.txt", "empty.txt"}
    assert "binary" in bad["binary.txt"]
    assert "empty" in bad["empty.txt"]
    assert sorted(report.analysed) == ["a.txt", "b.txt", "sub/c.txt"]
    assert _states(project)["empty.txt"][0] is State.BAD
    assert analyse(project).bad == []  # not tried again until the file changes
    (sources / "empty.txt").write_text("Det ar en ny text om skolan.\n")
    assert analyse(project).analysed == ["empty.txt"]


def test_a_second_run_skips_unchanged_documents(project: Path) -> None:
    analyse(project)
    before = {p: p.stat().st_mtime_ns for p in (project / "reviews").rglob("*.yaml")}
    report = analyse(project)
    assert report.analysed == []
    assert report.skipped == 3
    assert {p: p.stat().st_mtime_ns for p in (project / "reviews").rglob("*.yaml")} == before


def test_a_touched_but_unchanged_source_is_not_analysed_again(project: Path, sources: Path) -> None:
    analyse(project)
    (sources / "a.txt").write_text((sources / "a.txt").read_text())  # new time, same bytes
    assert analyse(project).analysed == []
    assert _states(project)["a.txt"][0] is State.ANALYSED


def test_a_changed_source_is_flagged_then_reanchored_keeping_decisions(
    project: Path, sources: Path
) -> None:
    analyse(project)
    path = project / "reviews" / "a.txt.review.yaml"
    review = load_review(path)
    target = next(s for s in review.session.suggestions if s.original == "larare")
    review.session.decide([target.id], Status.ACCEPTED, by="Anna")
    save_review(review, reviewer="Anna")
    (sources / "a.txt").write_text("Inledning\n" + (sources / "a.txt").read_text())
    assert _states(project)["a.txt"][0] is State.CHANGED
    report = analyse(project)
    assert report.analysed == ["a.txt"]
    assert "re-anchored" in dict(report.notes)["a.txt"]
    again = load_review(path)
    kept = again.session.get(target.id)
    assert kept.status is Status.ACCEPTED
    assert kept.decided_by == "Anna"
    assert again.session.document.text.startswith("Inledning\n")
    assert again.session.document.text[kept.start : kept.end] == "larare"
    assert "source changed" in again.history.versions[-1].note
    assert _states(project)["a.txt"][0] is State.ANALYSED


def test_a_source_that_disappears_is_flagged_and_its_review_kept(
    project: Path, sources: Path
) -> None:
    analyse(project)
    (sources / "b.txt").unlink()
    state, problem = _states(project)["b.txt"]
    assert state is State.MISSING
    assert "gone" in problem
    assert (project / "reviews" / "b.txt.review.yaml").is_file()
    assert analyse(project).analysed == []
    assert _states(project)["b.txt"][0] is State.MISSING


def test_a_review_made_by_another_engine_is_analysed_again_keeping_decisions(
    project: Path,
) -> None:
    analyse(project)
    path = project / "reviews" / "b.txt.review.yaml"
    review = load_review(path)
    first = review.session.suggestions[0]
    review.session.decide([first.id], Status.REJECTED, by="Bo")
    save_review(review, reviewer="Bo")
    text = path.read_text(encoding="utf-8")
    old_version = f'  version: "{load_review(path).tool.version}"'
    assert old_version in text
    path.write_text(text.replace(old_version, '  version: "0.0.1"', 1), encoding="utf-8")
    assert load_review(path).tool.version == "0.0.1"
    report = analyse(project)
    assert report.analysed == ["b.txt"]
    again = load_review(path)
    assert again.tool.version != "0.0.1"
    assert again.session.get(first.id).status is Status.REJECTED
    assert "analysed again" in again.history.versions[-1].note
    assert analyse(project).analysed == []


def test_a_corpus_may_mix_formats_and_lists_what_it_cannot_read(
    tmp_path: Path, sources: Path
) -> None:
    from fpdf import FPDF

    (sources / "scan.hocr").write_text(HOCR, encoding="utf-8")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 30, "Namnden beslutade att budgeten ar i balans.")
    pdf.output(str(sources / "scan.pdf"))
    (sources / "other.xml").write_text("<root/>")
    project = init_project(tmp_path / "mixed", sources).root
    report = analyse(project)
    assert {"scan.hocr", "scan.pdf"} <= set(report.analysed)
    assert dict(report.bad)["other.xml"].startswith("this XML is neither hOCR")
    hocr = load_review(project / "reviews" / "scan.hocr.review.yaml")
    assert hocr.session.document.text.strip() == ("Forvaltningen har beslutat att det ar bra.")
    assert any(s.replacement == "Förvaltningen" for s in hocr.session.suggestions)
    pdf_review = load_review(project / "reviews" / "scan.pdf.review.yaml")
    assert "budgeten ar i balans" in pdf_review.session.document.text


def test_a_review_saved_elsewhere_meanwhile_is_never_overwritten(tmp_path: Path) -> None:
    from korrektur.corpus.worker import write_review
    from korrektur.store.lock import ChangedOnDisk, stamp_of

    path = tmp_path / "reviews" / "a.txt.review.yaml"
    write_review(path, b"first\n", None)
    read_at = stamp_of(path)
    path.write_bytes(b"saved in the window meanwhile\n")
    with pytest.raises(ChangedOnDisk):
        write_review(path, b"from the corpus\n", read_at)
    with pytest.raises(ChangedOnDisk):
        write_review(path, b"from the corpus\n", None)  # it was to be a new file
    assert path.read_bytes() == b"saved in the window meanwhile\n"
    write_review(path, b"from the corpus\n", stamp_of(path))
    assert path.read_bytes() == b"from the corpus\n"
