"""Learning and re-scoring in a worker process: the program asking never holds the lexicon.

Learning (``learn_corpus``) looks words up in the lexicon, and ``rescore_corpus`` analyses
each document again with the corpus profile. Run in the corpus window's process, that
loads the lexicon there (hundreds of megabytes of objects that every
full pass of the garbage collector then walks, with the window waiting) and takes the
interpreter from the window while the engine works: the window misses its beats by a tenth
of a second and more. ``analysed_elsewhere`` gives ``rescore_corpus`` an analysis that runs
on a runner of ``corpus.runners`` (one worker process, started when first needed); the
worker reads the profile from the project's ``learned.yaml`` once per learned state and
keeps its engine. Reading and writing the review files stays where the corpus is open.
``learned_elsewhere`` runs the whole learning in the worker, which opens the project to
read while the window holds its lock and waits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from korrektur.corpus.learning.learner import LearnReport, learn_corpus, load_profile
from korrektur.corpus.learning.rescore import Analyse, profiled_words
from korrektur.corpus.runners import Failed, Runner
from korrektur.corpus.workspace import open_corpus
from korrektur.engine.base import AnalysisCancelled, NoProgress, Progress
from korrektur.engine.words.profile import Profile
from korrektur.model import Document, Suggestion


class LearnedAgain(AnalysisCancelled):
    """The project learned again since the re-scoring began: its analyses are out of date."""


@dataclass(frozen=True)
class Request:
    """One document to analyse with the learned state ``digest`` of the project at ``root``."""

    root: Path
    digest: str
    document: Document


_ANALYSE: dict[str, Analyse] = {}
"""The worker's analysis for the learned state it was last asked for (by digest)."""


def analyse_request(request: Request) -> list[Suggestion]:
    """The word suggestions for the request's document, with the profile (in the worker).

    Raises:
        LearnedAgain: the project's learned state is no longer the one asked for.
    """
    analyse = _ANALYSE.get(request.digest)
    if analyse is None:
        profile = load_profile(request.root)
        if profile is None or profile.digest != request.digest:
            raise LearnedAgain(f"learned state {request.digest} was replaced")
        _ANALYSE.clear()  # one state at a time: an engine holds its corpus lexicon
        analyse = _ANALYSE[profile.digest] = profiled_words(profile)
    return analyse(request.document, NoProgress())


def analysed_elsewhere(runner: Runner, root: Path, profile: Profile) -> Analyse:
    """An ``Analyse`` for ``rescore_corpus`` that runs each analysis on ``runner``.

    A stop asked for is heard between documents (an analysis under way ends first).
    """

    def analyse(document: Document, progress: Progress) -> list[Suggestion]:
        if progress.cancelled():
            raise AnalysisCancelled
        request = Request(root, profile.digest, document)
        for _, result in runner.map(analyse_request, [request]):
            if isinstance(result, Failed):
                raise OSError(str(result))  # the document is reported, the others go on
            return result
        raise AnalysisCancelled  # (the runner gave nothing back: it was closed)

    return analyse


def learn_request(root: Path) -> LearnReport:
    """Learn from the decisions of the project at ``root`` (in the worker, for the writer)."""
    with open_corpus(root, "learn", write=False) as corpus:
        return learn_corpus(corpus, for_writer=True)


def learned_elsewhere(runner: Runner, root: Path) -> LearnReport:
    """``learn_corpus`` for the project at ``root``, run on ``runner``.

    Raises:
        CorpusError: the learned file is damaged or cannot be written.
        OSError: the worker process stopped.
    """
    for _, result in runner.map(learn_request, [root]):
        if isinstance(result, Failed):
            raise OSError(str(result))
        return result
    raise OSError("the worker process was stopped")
