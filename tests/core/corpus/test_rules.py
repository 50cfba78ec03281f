"""Corpus rules: applied everywhere as recorded decisions, kept for later documents,
withdrawable, and an interrupted decide completed or rolled back."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from corpus_samples import LATER, analyse

from korrektur import cli
from korrektur.corpus.decide import decide_pair, withdraw
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import CorpusError
from korrektur.corpus.rules import Rule, load_rules, save_rules
from korrektur.model import Status
from korrektur.store.reviewfile import save_review
from korrektur.store.reviewread import load_review


def _pairs(path: Path, original: str, replacement: str) -> list[tuple[str, Status, str | None]]:
    review = load_review(path)
    return [
        (s.id, s.status, s.decided_by)
        for s in review.session.suggestions
        if s.original == original and s.replacement == replacement
    ]


def test_a_rule_decides_the_pair_in_every_document_with_reviewer_time_and_rule(
    project: Path,
) -> None:
    analyse(project)
    with open_corpus(project, "decide") as corpus:
        report = decide_pair(corpus, "ar", "är", "accept", "Anna")
    assert report.rule.id == "r1"
    assert report.documents == 3
    assert report.suggestions >= 5
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        path = project / "reviews" / f"{name}.review.yaml"
        review = load_review(path)
        decided = [
            s for s in review.session.suggestions if (s.original, s.replacement) == ("ar", "är")
        ]
        assert decided
        assert all(s.status is Status.ACCEPTED for s in decided)
        assert all(s.decided_by == "Anna" and s.decided_at for s in decided)
        version = review.history.versions[-1]
        assert version.reviewer == "Anna"
        assert "corpus rule r1: accept 'ar' → 'är'" in version.note
        assert {i for i, _ in version.changes} == {s.id for s in decided}
        others = [s for s in review.session.suggestions if s not in decided]
        assert all(s.status is Status.PENDING for s in others)
    rules = load_rules(project / "rules.yaml")
    assert [(r.id, r.original, r.replacement, r.action, r.reviewer) for r in rules] == [
        ("r1", "ar", "är", "accept", "Anna")
    ]


def test_documents_analysed_later_get_the_rule_as_a_recorded_decision(
    project: Path, sources: Path
) -> None:
    analyse(project)
    with open_corpus(project, "decide") as corpus:
        decide_pair(corpus, "ar", "är", "reject", "Anna")
    (sources / "later.txt").write_text(LATER, encoding="utf-8")
    report = analyse(project)
    assert report.analysed == ["later.txt"]
    path = project / "reviews" / "later.txt.review.yaml"
    pairs = _pairs(path, "ar", "är")
    assert pairs
    assert all(status is Status.REJECTED and by == "Anna" for _, status, by in pairs)
    assert "corpus rule r1" in load_review(path).history.versions[-1].note


def test_withdrawing_a_rule_returns_its_decisions_to_pending_but_not_a_reviewers(
    project: Path,
) -> None:
    analyse(project)
    with open_corpus(project, "decide") as corpus:
        decide_pair(corpus, "ar", "är", "accept", "Anna")
    path = project / "reviews" / "a.txt.review.yaml"
    review = load_review(path)  # a reviewer changes one of the rule's decisions
    mine = next(
        s for s in review.session.suggestions if (s.original, s.replacement) == ("ar", "är")
    )
    review.session.decide([mine.id], Status.REJECTED, by="Bo")
    save_review(review, reviewer="Bo")
    with open_corpus(project, "decide") as corpus:
        report = withdraw(corpus, "r1", "Cecilia")
        held = corpus.index.db.execute("SELECT count(*) FROM suggestions WHERE rule = 'r1'")
        assert held.fetchone()[0] == 0
    assert report.documents == 3
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        for sid, status, _ in _pairs(project / "reviews" / f"{name}.review.yaml", "ar", "är"):
            expected = Status.REJECTED if sid == mine.id and name == "a.txt" else Status.PENDING
            assert status is expected
    last = load_review(path).history.versions[-1]
    assert last.reviewer == "Cecilia"
    assert "corpus rule r1 withdrawn" in last.note
    rule = load_rules(project / "rules.yaml")[0]
    assert rule.withdrawn
    assert rule.withdrawn_by == "Cecilia"
    with open_corpus(project, "decide") as corpus:  # the pair may be decided anew
        assert decide_pair(corpus, "ar", "är", "reject", "Bo").rule.id == "r2"


def test_a_pair_in_force_is_not_ruled_twice_and_unknown_rules_are_named(project: Path) -> None:
    analyse(project)
    with open_corpus(project, "decide") as corpus:
        decide_pair(corpus, "for", "för", "accept", "Anna")
        with pytest.raises(CorpusError, match="in force"):
            decide_pair(corpus, "for", "för", "reject", "Bo")
        with pytest.raises(CorpusError, match="no rule r7"):
            withdraw(corpus, "r7", "Bo")


def test_an_interrupted_decide_is_completed_by_the_next_command(project: Path) -> None:
    analyse(project)
    # killed after the journal and the rules file, before any review was changed
    rule = Rule("r1", "ar", "är", "accept", "Anna", "2026-01-01T00:00:00+00:00")
    save_rules(project / "rules.yaml", [rule])
    (project / "operation.yaml").write_text(
        yaml.safe_dump({"operation": "apply", "rule": "r1", "reviewer": "Anna"})
    )
    with open_corpus(project, "status", write=False) as corpus:
        assert any("was completed" in m for m in corpus.messages)
    assert not (project / "operation.yaml").exists()
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        pairs = _pairs(project / "reviews" / f"{name}.review.yaml", "ar", "är")
        assert pairs
        assert all(status is Status.ACCEPTED for _, status, _ in pairs)


def test_an_interrupted_decide_that_recorded_nothing_is_rolled_back(project: Path) -> None:
    analyse(project)
    (project / "operation.yaml").write_text(
        yaml.safe_dump({"operation": "apply", "rule": "r1", "reviewer": "Anna"})
    )
    with open_corpus(project, "status", write=False) as corpus:
        assert any("rolled back" in m for m in corpus.messages)
        assert corpus.rules == []
    assert not (project / "operation.yaml").exists()
    pairs = _pairs(project / "reviews" / "a.txt.review.yaml", "ar", "är")
    assert all(status is Status.PENDING for _, status, _ in pairs)


def test_decide_on_the_command_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    analyse(project)
    args = ["corpus", "decide", str(project), "--pair", "for", "för", "--accept"]
    assert cli.main([*args, "--reviewer", "Dora"]) == 0
    assert "rule r1" in capsys.readouterr().out
    assert cli.main(["corpus", "decide", str(project), "--pair", "x", "y"]) == 1
    assert "--accept or --reject" in capsys.readouterr().err
    assert cli.main(["corpus", "decide", str(project), "--withdraw", "r1"]) == 0
    assert "withdrawn" in capsys.readouterr().out
