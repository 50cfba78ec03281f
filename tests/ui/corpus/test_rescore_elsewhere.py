"""Learning and re-scoring on a runner (a worker process in the window): the same review
files as made where the corpus is open, a learned state replaced meanwhile stops the run,
and learning reads the project the window holds."""

from __future__ import annotations

import pytest

from korrektur.corpus.batch import Analysis
from korrektur.corpus.decide import decide_pair
from korrektur.corpus.learning.elsewhere import rescored_elsewhere
from korrektur.corpus.learning.learner import learn_corpus, load_profile
from korrektur.corpus.learning.rescore import (
    PENDING_WORDS,
    profiled_words,
    rescore_corpus,
    rescore_file,
)
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.runners import InlineRunner
from korrektur.engine.base import NoProgress


@pytest.fixture
def learned(project):
    with open_corpus(project, "test") as corpus:
        Analysis(corpus, lambda _: InlineRunner()).run()
        decide_pair(corpus, "for", "för", "accept", "Anna Berg")
        learn_corpus(corpus)
    profile = load_profile(project)
    assert profile is not None
    return profile


def test_review_files_rescored_elsewhere_are_what_rescoring_here_makes(project, learned):
    with open_corpus(project, "test") as corpus:
        rules = list(corpus.rules)
        names = corpus.index.documents_with(PENDING_WORDS, ())
    path = project / "reviews" / f"{names[0]}.review.yaml"
    here = rescore_file(path, learned.digest, rules, profiled_words(learned), NoProgress())
    there = rescored_elsewhere(InlineRunner(), project, learned, rules)(path)
    assert there.changes == here.changes
    assert there.changes.total  # the learned calibration moved the confidences
    assert there.facts == here.facts
    assert there.stamp == here.stamp
    assert there.data is not None
    assert path.read_bytes() != there.data  # not written there: the window writes it


def test_a_learned_state_replaced_meanwhile_stops_the_rescoring(project, learned):
    from dataclasses import replace

    gone = replace(learned, digest="0000000000")  # what the window had before learning again
    with open_corpus(project, "test") as corpus:
        rescore = rescored_elsewhere(InlineRunner(), project, gone, corpus.rules)
        report = rescore_corpus(corpus, gone, rescore=rescore)
    assert report.cancelled
    assert report.documents == 0


def test_learning_elsewhere_reads_the_project_the_window_holds(project, learned):
    from korrektur.corpus.learning.elsewhere import learned_elsewhere

    with open_corpus(project, "window") as corpus:  # the window holds the lock meanwhile
        decide_pair(corpus, "pa", "på", "accept", "Anna Berg")
        report = learned_elsewhere(InlineRunner(), project)
        assert not corpus.readonly  # still the window's
    assert report.changed
    assert report.before == learned.digest
    assert load_profile(project).digest == report.digest
    assert ("pa", "på") in load_profile(project).pairs


def test_a_learning_asked_to_stop_stops_and_writes_nothing(project, learned):
    from korrektur.corpus.learning.elsewhere import learned_elsewhere, stop_learning
    from korrektur.engine.base import AnalysisCancelled

    written = (project / "learned.yaml").read_bytes()
    with open_corpus(project, "window") as corpus:
        decide_pair(corpus, "pa", "på", "accept", "Anna Berg")
        stop_learning(project)
        with pytest.raises(AnalysisCancelled):
            learned_elsewhere(InlineRunner(), project)
        assert (project / "learned.yaml").read_bytes() == written
        stop_learning(project, stop=False)  # taken back: the next learning goes through
        assert learned_elsewhere(InlineRunner(), project).changed
