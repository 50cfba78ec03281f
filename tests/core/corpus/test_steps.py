"""Undoable corpus steps and the analysis in slices (what the corpus window runs)."""

from __future__ import annotations

import os
from pathlib import Path

from corpus_samples import LATER, SAMPLES, analyse, process_of, write_sources
from test_chosen_rules import NAMES, _statuses

from korrektur.corpus.index import State
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import init_project
from korrektur.corpus.runners import POOL_FROM, AdaptiveRunner, InlineRunner
from korrektur.corpus.slices import Slices
from korrektur.corpus.steps import Decision, Part, Withdrawal
from korrektur.model import Status
from korrektur.store.reviewread import load_review


def _files(project: Path) -> dict[str, bytes]:
    return {name: (project / "reviews" / f"{name}.review.yaml").read_bytes() for name in NAMES}


def test_a_decision_on_two_pairs_is_one_step_undone_and_redone_exactly(project: Path) -> None:
    analyse(project)
    ar = sorted(_statuses(project, "ar", "är"))
    step = Decision(
        [
            Part("for", "för", "accept"),
            Part("ar", "är", "reject", {ar[0][0]: [ar[0][1]]}),
        ]
    )
    with open_corpus(project, "window") as corpus:
        done = step.do(corpus, "Anna")
        assert step.rules == ["r1", "r2"]
        assert done.suggestions == sum(1 for _ in _statuses(project, "for", "för")) + 1
        assert _statuses(project, "ar", "är")[ar[0]] is Status.REJECTED
        assert set(_statuses(project, "for", "för").values()) == {Status.ACCEPTED}
        undone = step.undo(corpus, "Anna")
        assert undone.suggestions == done.suggestions
        assert undone.changed == done.changed
        assert set(_statuses(project, "for", "för").values()) == {Status.PENDING}
        assert set(_statuses(project, "ar", "är").values()) == {Status.PENDING}
        again = step.do(corpus, "Anna")
        assert again.suggestions == done.suggestions
        assert [r.id for r in corpus.rules] == ["r1", "r2"]  # the same rules, in force again
        assert all(r.active for r in corpus.rules)
    assert set(_statuses(project, "for", "för").values()) == {Status.ACCEPTED}
    statuses = _statuses(project, "ar", "är")
    assert [k for k, v in statuses.items() if v is Status.REJECTED] == [ar[0]]


def test_undo_leaves_a_reviewers_later_decision_alone(project: Path) -> None:
    analyse(project)
    step = Decision([Part("for", "för", "accept")])
    with open_corpus(project, "window") as corpus:
        step.do(corpus, "Anna")
    path = project / "reviews" / "a.txt.review.yaml"
    review = load_review(path)
    mine = next(s for s in review.session.suggestions if s.original == "for")
    review.session.decide([mine.id], Status.REJECTED, by="Bo")
    from korrektur.store.reviewfile import save_review

    save_review(review, reviewer="Bo")
    with open_corpus(project, "window") as corpus:
        step.undo(corpus, "Anna")
    assert _statuses(project, "for", "för")["a.txt", mine.id] is Status.REJECTED


def test_a_withdrawal_is_undone_by_putting_the_rule_back(project: Path) -> None:
    analyse(project)
    with open_corpus(project, "window") as corpus:
        Decision([Part("for", "för", "reject")]).do(corpus, "Anna")
        decided = _files(project)
        step = Withdrawal("r1")
        out = step.do(corpus, "Cecilia")
        assert out.suggestions > 0
        assert set(_statuses(project, "for", "för").values()) == {Status.PENDING}
        back = step.undo(corpus, "Cecilia")
        assert back.changed == out.changed
        assert corpus.rules[0].active
    assert set(_statuses(project, "for", "för").values()) == {Status.REJECTED}
    assert _files(project) != decided  # the history grew: withdrawn, then back in force


def test_analysis_in_slices_goes_on_until_done_and_stops_when_cancelled(tmp_path: Path) -> None:
    many = {f"d{n:02}.txt": SAMPLES["a.txt"] for n in range(6)}
    sources = write_sources(tmp_path / "sources", many)
    root = init_project(tmp_path / "project", sources).root
    with open_corpus(root, "window") as corpus:
        slices = Slices(corpus, lambda _: InlineRunner(), lambda: False, seconds=0.0)
        assert slices.remaining() == 6
        rounds = 0
        while slices.run_slice():
            rounds += 1
        assert rounds >= 2  # no time to take more than one document at a time
        assert slices.done == 6
        assert slices.remaining() == 0
        slices.close()
    (sources / "later.txt").write_text(LATER, encoding="utf-8")
    stop = [False]
    with open_corpus(root, "window") as corpus:
        slices = Slices(corpus, lambda _: InlineRunner(), lambda: stop[0])
        stop[0] = True
        assert slices.run_slice() is False
        assert slices.done == 0
        assert corpus.index.document("later.txt").state is State.NEW


def test_a_few_tasks_run_here_and_many_in_worker_processes() -> None:
    runner = AdaptiveRunner(1)
    try:
        few = {pid for _, pid in runner.map(process_of, range(POOL_FROM - 1))}
        many = {pid for _, pid in runner.map(process_of, range(POOL_FROM + 3))}
    finally:
        runner.close()
    assert few == {os.getpid()}
    assert len(many) == 1
    assert os.getpid() not in many
