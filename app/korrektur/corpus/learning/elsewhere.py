"""Learning and re-scoring in a worker process: the program asking never holds the lexicon.

Learning (``learn_corpus``) looks words up in the lexicon, and ``rescore_corpus`` analyses
each document again with the corpus profile. Run in the corpus window's process, that
loads the lexicon there (hundreds of megabytes of objects that every full pass of the
garbage collector then walks, with the window waiting) and takes the
interpreter from the window while the engine works: the window misses its beats by a tenth
of a second and more. ``rescored_elsewhere`` has ``rescore_corpus`` re-score each review
file on a runner of ``corpus.runners`` (one worker process, started when first needed):
the worker reads the file, analyses it (reading the profile from the project's
``learned.yaml`` once per learned state and keeping its engine) and makes the new file;
only its bytes and facts come back, to be written where the corpus is open (a list of
suggestions would come back as objects, unpickled with the interpreter held).
``learned_elsewhere`` runs the whole learning in the worker, which opens the project to
read while the window holds its lock and waits.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from korrektur.corpus.learning.learner import LearnReport, learn_corpus, load_profile
from korrektur.corpus.learning.rescore import (
    Analyse,
    Rescore,
    Rescored,
    profiled_words,
    rescore_file,
)
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.rules import Rule
from korrektur.corpus.runners import Failed, Runner
from korrektur.engine.base import AnalysisCancelled, NoProgress
from korrektur.engine.words.profile import Profile


class LearnedAgain(AnalysisCancelled):
    """The project learned again since the re-scoring began: its analyses are out of date."""


@dataclass(frozen=True)
class Request:
    """The review file at ``path`` to re-score to learned state ``digest`` of ``root``."""

    root: Path
    digest: str
    path: Path
    rules: tuple[Rule, ...]


_ANALYSE: dict[str, Analyse] = {}
"""The worker's analysis for the learned state it was last asked for (by digest)."""


def rescore_request(request: Request) -> Rescored:
    """The review file re-scored, its bytes and facts made (in the worker).

    Raises:
        LearnedAgain: the project's learned state is no longer the one asked for.
        ReviewFileError, OSError: the review file cannot be read.
    """
    analyse = _ANALYSE.get(request.digest)
    if analyse is None:
        profile = load_profile(request.root)
        if profile is None or profile.digest != request.digest:
            raise LearnedAgain(f"learned state {request.digest} was replaced")
        _ANALYSE.clear()  # one state at a time: an engine holds its corpus lexicon
        analyse = _ANALYSE[profile.digest] = profiled_words(profile)
    return rescore_file(request.path, request.digest, request.rules, analyse, NoProgress())


def rescored_elsewhere(
    runner: Runner, root: Path, profile: Profile, rules: Sequence[Rule]
) -> Rescore:
    """A ``Rescore`` for ``rescore_corpus`` that re-scores each review file on ``runner``.

    The file is read, analysed and made anew there; only its bytes come back. A stop
    asked for is heard between documents (the one under way ends first).
    """
    kept = tuple(rules)

    def rescore(path: Path) -> Rescored:
        for _, result in runner.map(rescore_request, [Request(root, profile.digest, path, kept)]):
            if isinstance(result, Failed):
                raise OSError(str(result))  # the document is reported, the others go on
            return result
        raise AnalysisCancelled  # (the runner gave nothing back: it was closed)

    return rescore


STOP = ".learning-stop"
"""A file in the project that asks the worker to stop learning (between two reviews)."""


class _StopFile:
    """A ``Progress`` that stops when the window has left ``STOP`` in the project."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def report(self, done: int, total: int) -> None:
        """Nobody watches the learning's progress."""

    def cancelled(self) -> bool:
        return self.path.exists()


def learn_request(root: Path) -> LearnReport:
    """Learn from the decisions of the project at ``root`` (in the worker, for the writer).

    Raises:
        AnalysisCancelled: ``stop_learning`` asked to stop (nothing was written).
    """
    with open_corpus(root, "learn", write=False) as corpus:
        return learn_corpus(corpus, _StopFile(root / STOP), for_writer=True)


def stop_learning(root: Path, stop: bool = True) -> None:
    """Ask a learning under way in a worker to stop (a new decision, the window closing).

    ``stop`` False takes the request back: called before each learning is asked for, in
    the same thread as the requests to stop, so that none is lost and none is stale.
    """
    with contextlib.suppress(OSError):  # (a project that cannot be written learns nothing)
        if stop:
            (root / STOP).touch()
        else:
            (root / STOP).unlink(missing_ok=True)


def learned_elsewhere(runner: Runner, root: Path) -> LearnReport:
    """``learn_corpus`` for the project at ``root``, run on ``runner``.

    Raises:
        AnalysisCancelled: ``stop_learning`` asked to stop (or had, and was not taken back).
        CorpusError: the learned file is damaged or cannot be written.
        OSError: the worker process stopped.
    """
    for _, result in runner.map(learn_request, [root]):
        if isinstance(result, Failed):
            raise OSError(str(result))
        return result
    raise OSError("the worker process was stopped")
