"""A corpus that learns: learn from reviews, keep the reviewer's edits, re-score, provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from corpus_samples import analyse, write_sources

from korrektur import cli
from korrektur.corpus.learning.estimate import Learned
from korrektur.corpus.learning.learner import learn_corpus, load_profile
from korrektur.corpus.learning.rescore import rescore_corpus
from korrektur.corpus.learning.store import FILE, WRITTEN, Edits, read_learned
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import CorpusError, init_project
from korrektur.model import Kind, Status
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_bytes
from korrektur.store.reviewread import load_review

SOURCES = {
    "x.txt": "Vi traffade Kallby och Tarnqvist pa motet.\nDet ar bra att Kallby kom.\n",
    "y.txt": "Kallby och Tarnqvist ar har.\nVi reser till Kallby pa fredag med Tarnqvist.\n",
}


@pytest.fixture
def corpus_root(tmp_path: Path) -> Path:
    """Two analysed documents: x reviewed (Kallby kept, Tärnqvist typed), y not yet."""
    root = init_project(tmp_path / "project", write_sources(tmp_path / "sources", SOURCES)).root
    analyse(root)
    review = load_review(root / "reviews" / "x.txt.review.yaml")
    session = review.session
    for suggestion in session.suggestions:
        if not suggestion.is_word_fix:
            continue
        if suggestion.original == "Kallby":
            session.reject(suggestion.id)
        else:
            session.accept(suggestion.id)
    start = session.raw_to_corrected(session.document.text.index("Tarnqvist"))
    session.apply_manual_edit(start, start + len("Tarnqvist"), "Tärnqvist")
    save(review, "x.txt", root)
    review = load_review(root / "reviews" / "y.txt.review.yaml")
    pa = next(s for s in review.session.suggestions if s.original == "pa")
    review.session.decide([pa.id], Status.ACCEPTED, by="Anna")
    save(review, "y.txt", root)
    return root


def save(review: Review, name: str, root: Path) -> None:
    review.commit(reviewer="Anna")
    path = root / "reviews" / f"{name}.review.yaml"
    path.write_bytes(review_bytes(review, path))


def stored(root: Path) -> tuple[Learned, Edits]:
    found = read_learned(root)
    assert found is not None
    return found


def learn_and_rescore(root: Path) -> tuple[str, str]:
    with open_corpus(root, "learn") as corpus:
        report = learn_corpus(corpus)
        profile = load_profile(root)
        assert profile is not None
        result = rescore_corpus(corpus, profile)
    return report.digest, result.message()


def words(root: Path, name: str) -> dict[str, list[tuple[str, Status]]]:
    review = load_review(root / "reviews" / f"{name}.review.yaml")
    found: dict[str, list[tuple[str, Status]]] = {}
    for s in review.session.suggestions:
        found.setdefault(s.original, []).append((s.replacement, s.status))
    return found


def test_what_the_reviewer_kept_and_typed_becomes_the_corpus_lexicon(corpus_root: Path) -> None:
    before = words(corpus_root, "y.txt")
    assert before["Kallby"] == [("Källby", Status.PENDING)] * 2
    assert "Tarnqvist" not in before
    digest, message = learn_and_rescore(corpus_root)
    state, _ = stored(corpus_root)
    assert {"Kallby", "Tärnqvist"} <= set(state.words)
    after = words(corpus_root, "y.txt")
    assert "Kallby" not in after  # withdrawn: a word of this corpus
    assert after["Tarnqvist"] == [("Tärnqvist", Status.PENDING)] * 2  # read as the corpus word
    assert "4 withdrawn" not in message  # (two Kallby in y)
    assert "2 withdrawn, 2 new" in message
    assert "in 1 of 1 documents" in message  # x has no pending word suggestion left
    review = load_review(corpus_root / "reviews" / "y.txt.review.yaml")
    assert f"re-scored by learned state {digest}" in review.history.versions[-1].note


def test_re_scoring_never_touches_a_decision_or_a_structure_suggestion(corpus_root: Path) -> None:
    path = corpus_root / "reviews" / "y.txt.review.yaml"
    before = load_review(path).session.suggestions
    kept = {s.id: s for s in before if s.decided or not s.is_word_fix}
    assert any(s.decided for s in kept.values())
    assert any(Kind.REFLOW in s.kinds for s in kept.values())
    learn_and_rescore(corpus_root)
    after = {s.id: s for s in load_review(path).session.suggestions}
    for suggestion_id, old in kept.items():
        new = after[suggestion_id]
        assert (new.start, new.end, new.replacement, new.confidence, new.status) == (
            old.start,
            old.end,
            old.replacement,
            old.confidence,
            old.status,
        )
        assert (new.decided_by, new.decided_at) == (old.decided_by, old.decided_at)


def test_a_rejected_pair_loses_confidence_in_the_other_documents(tmp_path: Path) -> None:
    sources = {
        "a.txt": "Det ar bra. Det ar klart. Det ar sant.\n",
        "b.txt": "Han sa att det ar bra.\n",
    }
    root = init_project(tmp_path / "p", write_sources(tmp_path / "s", sources)).root
    analyse(root)
    review = load_review(root / "reviews" / "a.txt.review.yaml")
    review.session.reject(*(s.id for s in review.session.suggestions if s.original == "ar"))
    save(review, "a.txt", root)
    old = next(c for r, c in _pairs(root, "b.txt") if r == ("ar", "är"))
    learn_and_rescore(root)
    new = next(c for r, c in _pairs(root, "b.txt") if r == ("ar", "är"))
    assert new < old - 0.2
    state, _ = stored(root)
    pair = next(p for p in state.pairs if p.key == ("ar", "är"))
    assert (pair.accepted, pair.rejected) == (0, 3)
    assert pair.offset < 0


def _pairs(root: Path, name: str) -> list[tuple[tuple[str, str], float]]:
    review = load_review(root / "reviews" / f"{name}.review.yaml")
    return [((s.original, s.replacement), s.confidence) for s in review.session.suggestions]


def test_an_edit_of_the_learned_file_counts_at_once_and_lasts(corpus_root: Path) -> None:
    learn_and_rescore(corpus_root)
    path = corpus_root / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["words"]["Tärnqvist"]  # the reviewer unlearns a word …
    data["words"]["Ekerö"] = 1  # … and teaches one
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    profile = load_profile(corpus_root)
    assert profile is not None
    assert "tärnqvist" not in profile.words  # at once, before learning again
    assert "ekerö" in profile.words
    for _ in range(2):  # learning again (twice) keeps the edits
        learn_and_rescore(corpus_root)
        state, edits = stored(corpus_root)
        assert "Tärnqvist" not in state.words
        assert state.words["Ekerö"] == 1
        assert edits.words == {"Tärnqvist": 0, "Ekerö": 1}
    assert "Tarnqvist" not in words(corpus_root, "y.txt")  # re-scored without the word
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["edits"]  # taking the edits back
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    learn_and_rescore(corpus_root)
    state, edits = stored(corpus_root)
    assert "Tärnqvist" in state.words
    assert not edits


def test_without_the_written_copy_the_file_is_learned_anew(corpus_root: Path) -> None:
    learn_and_rescore(corpus_root)
    path = corpus_root / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["words"]["Kallby"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (corpus_root / WRITTEN).unlink()
    learn_and_rescore(corpus_root)
    state, edits = stored(corpus_root)
    assert "Kallby" in state.words
    assert not edits


def test_a_damaged_or_newer_learned_file_is_refused_with_a_message(corpus_root: Path) -> None:
    path = corpus_root / FILE
    path.write_text("format: korrektur-learned\nformat_version: 1\nwords: {Kallby: many}\n")
    with pytest.raises(CorpusError, match="damaged"):
        load_profile(corpus_root)
    path.write_text("format: korrektur-learned\nformat_version: 99\n")
    with pytest.raises(CorpusError, match="newer"):
        load_profile(corpus_root)
    path.write_text("- a list\n")
    with pytest.raises(CorpusError, match="not a Korrektur learned file"):
        load_profile(corpus_root)


class StopAfter:
    """Progress that asks to stop after ``documents`` reports."""

    def __init__(self, documents: int) -> None:
        self.documents = documents
        self.reports: list[tuple[int, int]] = []

    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))

    def cancelled(self) -> bool:
        return len(self.reports) > self.documents


def test_re_scoring_stops_when_asked_and_goes_on_next_time(tmp_path: Path) -> None:
    sources = {f"d{n}.txt": "Det ar bra att Kallby kom.\n" for n in range(4)}
    root = init_project(tmp_path / "p", write_sources(tmp_path / "s", sources)).root
    analyse(root)
    review = load_review(root / "reviews" / "d0.txt.review.yaml")
    review.session.reject(*(s.id for s in review.session.suggestions if s.original == "Kallby"))
    save(review, "d0.txt", root)
    with open_corpus(root, "learn") as corpus:
        learn_corpus(corpus)
        profile = load_profile(root)
        assert profile is not None
        first = rescore_corpus(corpus, profile, progress=StopAfter(1))
        assert first.cancelled
        assert first.documents == 1
        assert "stopped" in first.message()
        second = rescore_corpus(corpus, profile)
    assert not second.cancelled
    assert second.skipped == 1
    assert second.documents == 3  # (d0 has a pending suggestion too)
    assert all("Kallby" not in words(root, f"d{n}.txt") for n in range(1, 4))


def test_the_command_line_learns_shows_and_suggests_with_what_was_learned(
    corpus_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["corpus", "learned", str(corpus_root)]) == 1
    assert "learned nothing yet" in capsys.readouterr().err
    assert cli.main(["corpus", "learn", str(corpus_root), "--no-rescore"]) == 0
    capsys.readouterr()
    assert cli.main(["corpus", "learned", str(corpus_root)]) == 0
    assert "re-scored to this state: 0 of the 1 documents" in capsys.readouterr().out
    assert cli.main(["corpus", "learn", str(corpus_root), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "learned from 2 documents" in out
    assert "suggestions updated from your decisions" in out
    assert cli.main(["corpus", "learned", str(corpus_root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"Kallby", "Tärnqvist"} <= set(data["words"])
    assert data["digest"] == stored(corpus_root)[0].digest()
    assert data["rescored"] == {"documents": 1, "of": 1}
    assert cli.main(["corpus", "learned", str(corpus_root)]) == 0
    assert "Kallby" in capsys.readouterr().out
    source = corpus_root.parent / "sources" / "y.txt"
    args = ["suggest", str(source), "--json", "--kinds", "word"]
    assert cli.main([*args, "--learned", str(corpus_root)]) == 0
    learned = {s["original"] for s in json.loads(capsys.readouterr().out)["suggestions"]}
    assert cli.main(args) == 0
    plain = {s["original"] for s in json.loads(capsys.readouterr().out)["suggestions"]}
    assert "Kallby" in plain
    assert "Kallby" not in learned
    assert "Tarnqvist" in learned
    assert cli.main([*args, "--learned", str(corpus_root / "nothing")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_documents_analysed_later_get_what_was_learned(corpus_root: Path) -> None:
    digest, _ = learn_and_rescore(corpus_root)
    later = corpus_root.parent / "sources" / "z.txt"
    later.write_text("Kallby och Tarnqvist kom pa fredag.\n", encoding="utf-8")
    analyse(corpus_root)
    found = words(corpus_root, "z.txt")
    assert "Kallby" not in found
    assert found["Tarnqvist"] == [("Tärnqvist", Status.PENDING)]
    review = load_review(corpus_root / "reviews" / "z.txt.review.yaml")
    assert f"analysed with learned state {digest}" in review.history.versions[-1].note


def test_a_corpus_rule_decides_the_suggestions_re_scoring_adds(corpus_root: Path) -> None:
    from korrektur.corpus.decide import decide_pair

    with open_corpus(corpus_root, "decide") as corpus:
        decide_pair(corpus, "Tarnqvist", "Tärnqvist", "accept", "Anna")  # none exist yet
    learn_and_rescore(corpus_root)
    assert words(corpus_root, "y.txt")["Tarnqvist"] == [("Tärnqvist", Status.ACCEPTED)] * 2
    review = load_review(corpus_root / "reviews" / "y.txt.review.yaml")
    assert "corpus rule r1" in review.history.versions[-1].note
