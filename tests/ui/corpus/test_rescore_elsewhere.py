"""Re-scoring's analyses on a runner (a worker process in the window): the same suggestions
as in the process that asks, and a learned state replaced meanwhile stops the run."""

from __future__ import annotations

import pytest

from korrektur.corpus.batch import Analysis
from korrektur.corpus.decide import decide_pair
from korrektur.corpus.learning.elsewhere import LearnedAgain, analysed_elsewhere
from korrektur.corpus.learning.learner import learn_corpus, load_profile
from korrektur.corpus.learning.rescore import profiled_words, rescore_corpus
from korrektur.corpus.runners import InlineRunner
from korrektur.corpus.workspace import open_corpus
from korrektur.engine.base import NoProgress
from korrektur.model import Document


@pytest.fixture
def learned(project):
    with open_corpus(project, "test") as corpus:
        Analysis(corpus, lambda _: InlineRunner()).run()
        decide_pair(corpus, "for", "för", "accept", "Anna Berg")
        learn_corpus(corpus)
    profile = load_profile(project)
    assert profile is not None
    return profile


def test_analyses_elsewhere_find_what_the_profile_finds_here(project, learned):
    document = Document.from_text("Det &r bra for eleverna pa hosten.\n")
    here = profiled_words(learned)(document, NoProgress())
    there = analysed_elsewhere(InlineRunner(), project, learned)(document, NoProgress())
    assert [(s.start, s.end, s.replacement, s.confidence) for s in there] == [
        (s.start, s.end, s.replacement, s.confidence) for s in here
    ]
    assert there


def test_a_learned_state_replaced_meanwhile_stops_the_rescoring(project, learned):
    from dataclasses import replace

    gone = replace(learned, digest="0000000000")  # what the window had before learning again
    document = Document.from_text("Det &r bra for eleverna.\n")
    with pytest.raises(LearnedAgain):
        analysed_elsewhere(InlineRunner(), project, gone)(document, NoProgress())
    with open_corpus(project, "test") as corpus:
        analyse = analysed_elsewhere(InlineRunner(), project, gone)
        report = rescore_corpus(corpus, gone, analyse=analyse)
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
