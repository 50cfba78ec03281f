"""The index is derived: checked against the review files on opening, rebuilt by reindex."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from corpus_samples import analyse

from korrektur import cli
from korrektur.corpus.index import State
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import CorpusError
from korrektur.corpus.schema import SCHEMA_VERSION
from korrektur.corpus.status import corpus_status
from korrektur.model import Status
from korrektur.store.reviewfile import save_review
from korrektur.store.reviewread import load_review


def _figures(project: Path) -> dict[str, object]:
    with open_corpus(project, "status") as corpus:
        return corpus_status(corpus).as_json()


def test_a_review_saved_behind_the_index_is_read_again_on_opening(project: Path) -> None:
    analyse(project)
    before = _figures(project)
    path = project / "reviews" / "a.txt.review.yaml"
    review = load_review(path)  # as the window would: decide and save
    ids = [s.id for s in review.session.suggestions[:3]]
    review.session.decide(ids, Status.ACCEPTED, by="Cecilia")
    save_review(review, reviewer="Cecilia")
    after = _figures(project)
    assert after["corpus"]["suggestions"]["accepted"] == 3
    assert before["corpus"]["suggestions"]["accepted"] == 0
    document = next(d for d in after["documents"] if d["name"] == "a.txt")
    assert document["reviewers"] == ["Cecilia"]
    assert document["versions"] == 1


def test_reindex_rebuilds_the_same_index_from_the_review_files(project: Path) -> None:
    analyse(project)
    with open_corpus(project, "decide") as corpus:
        from korrektur.corpus.decide import decide_pair

        decide_pair(corpus, "ar", "är", "accept", "Anna")
    before = _figures(project)
    (project / "index.sqlite").unlink()
    for extra in project.glob("index.sqlite-*"):
        extra.unlink()
    assert _figures(project) == before  # opening rebuilt it from nothing
    assert cli.main(["corpus", "reindex", str(project), "--quiet"]) == 0
    assert _figures(project) == before
    with open_corpus(project, "status") as corpus:
        held = corpus.index.db.execute(
            "SELECT count(*) FROM suggestions WHERE rule = 'r1' AND status = 'accepted'"
        ).fetchone()[0]
    assert held == before["corpus"]["rules"][0]["decisions"] > 0


def test_a_damaged_review_file_is_listed_and_never_overwritten(project: Path) -> None:
    analyse(project)
    path = project / "reviews" / "b.txt.review.yaml"
    path.write_text("format: korrektur-review\nformat_version: 1\nsuggestions: [oops\n")
    damaged = path.read_bytes()
    with open_corpus(project, "status") as corpus:
        row = corpus.index.document("b.txt")
        assert row is not None
        assert row.state is State.BAD
        assert "damaged" in row.problem
        assert "b.txt.review.yaml" in row.problem
    assert analyse(project).analysed == []
    assert path.read_bytes() == damaged
    path.unlink()  # the reviewer gives up on it: analysed afresh
    assert analyse(project).analysed == ["b.txt"]


def test_an_index_from_a_newer_korrektur_is_refused_until_reindexed(project: Path) -> None:
    analyse(project)
    db = sqlite3.connect(project / "index.sqlite")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(CorpusError, match="newer Korrektur"):
        open_corpus(project, "status")
    assert cli.main(["corpus", "reindex", str(project), "--quiet"]) == 0
    with open_corpus(project, "status") as corpus:
        assert len(corpus.index.documents()) == 3


def test_a_damaged_index_says_how_to_mend_it(project: Path) -> None:
    analyse(project)
    for extra in project.glob("index.sqlite-*"):
        extra.unlink()
    (project / "index.sqlite").write_bytes(b"this is no database" * 100)
    with pytest.raises(CorpusError, match="reindex"):
        open_corpus(project, "status")
    assert cli.main(["corpus", "reindex", str(project), "--quiet"]) == 0
