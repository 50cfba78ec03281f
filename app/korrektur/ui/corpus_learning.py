"""Learning from the archivist's decisions while the corpus window is open, off the GUI thread.

After a corpus-wide decision, or a save in the review window, and once the archivist has
paused (``PAUSE_MS``), the corpus learns again (``corpus.learning``, in a worker process
that opens the project to read while this window holds it, waited for beside the corpus's
thread so that searches go on meanwhile): words kept or written, pairs accepted or
rejected, the OCR engine's confusions and the calibration. When
what it learned changed, the pending suggestions of the other documents are re-scored a
few documents at a time on the corpus's worker thread, so that a decision or a search
asked for meanwhile waits at most for those few; each is read, analysed and made anew in
a worker process (``corpus.learning.elsewhere``: the window's process never holds the
engine) and only written here. A new
decision stops the re-scoring, and it starts again from what is learned then. The window
is told how many suggestions changed ("37 suggestions updated from your decisions") and
what was learned.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from korrektur.corpus.learning.elsewhere import (
    learned_elsewhere,
    rescored_elsewhere,
    stop_learning,
)
from korrektur.corpus.learning.estimate import ASSURED_MIN, Learned, range_dash
from korrektur.corpus.learning.learner import load_profile
from korrektur.corpus.learning.lessons import EN_DASH, HYPHEN
from korrektur.corpus.learning.rescore import PENDING_WORDS, Changes, rescore_corpus
from korrektur.corpus.learning.store import Edits, learned_path, read_learned
from korrektur.corpus.opened import Corpus
from korrektur.engine.base import AnalysisCancelled
from korrektur.ui.corpus_service import CorpusService

if TYPE_CHECKING:
    from korrektur.engine import Profile

PAUSE_MS = 1500
"""Quiet time after the last decision before the corpus learns again."""

BATCH = 3
"""Documents re-scored by one job on the corpus's worker thread."""


@dataclass
class Rescoring:
    """A re-scoring under way, and what it did so far.

    Attributes:
        profile: the learned state it brings the suggestions to.
        todo: documents still to re-score.
        documents: documents re-scored; changed: of those, the ones that changed.
        changes: the suggestions changed.
        problems: documents that could not be re-scored, with the reason.
    """

    profile: Profile
    todo: list[str]
    documents: int = 0
    changed: int = 0
    changes: Changes = field(default_factory=Changes)
    problems: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Lesson:
    """What learning found: the state (None: nothing learned yet) and the file it is in."""

    learned: Learned | None
    edits: Edits
    path: str
    changed: bool


class _Stop:
    """A ``Progress`` that says only whether to stop."""

    def __init__(self, event: threading.Event) -> None:
        self.event = event

    def report(self, done: int, total: int) -> None:
        """Documents are counted by the caller."""

    def cancelled(self) -> bool:
        return self.event.is_set()


class CorpusLearning(QObject):
    """Learns and re-scores on the corpus service's worker after the archivist decides.

    Attributes:
        enabled: learn after decisions (tests of other things turn it off).
        busy: a learning or re-scoring run is under way.
        skip: names the document the review window has open (never re-scored under it).

    Signals:
        learned(Lesson): what the corpus has learned (after opening, after each run).
        rescored(Rescoring): a re-scoring ended (or stopped); what it changed.
        running(bool): re-scoring started or ended.
    """

    learned = Signal(object)
    rescored = Signal(object)
    running = Signal(bool)

    def __init__(self, service: CorpusService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.skip: Callable[[], str | None] = lambda: None
        self.enabled = True
        self.busy = False
        self._stop = threading.Event()
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self._learn)
        self._again = False
        self._rescoring = False
        self._learning = False  # a learning under way in the worker

    def show(self) -> None:
        """Read what the corpus has learned so far (after opening)."""
        self.service.on_corpus(_lesson_of, self.learned.emit)

    def decided(self) -> None:
        """The archivist decided something: learn once they pause (re-scoring stops)."""
        if self.service.readonly or not self.enabled:
            return
        self._stop_all()
        self._timer.start()

    def cancel(self) -> None:
        """Stop the learning after the review under way, the re-scoring after its documents."""
        self._timer.stop()
        self._stop_all()

    def _stop_all(self) -> None:
        self._stop.set()
        project = self.service.project
        if self._learning and project is not None:
            stop_learning(project.root)

    def describe(self, lesson: Lesson) -> str:
        """What was learned, for the window: every word and pair, and where to edit them."""
        learned = lesson.learned
        if learned is None:
            return ""
        lines = [
            self.tr("Learned from %1 documents: %2 decisions, %3 words reviewed (state %4).")
            .replace("%1", f"{learned.documents:,}")
            .replace("%2", f"{learned.decisions:,}")
            .replace("%3", f"{learned.words_reviewed:,}")
            .replace("%4", learned.digest()),
            self.tr(
                "Kept in %1: edit it to correct what was learned; your edits are kept."
            ).replace("%1", lesson.path),
            "",
            self.tr("Words of this corpus (%1):").replace("%1", str(len(learned.words))),
        ]
        words = sorted(learned.words.items(), key=lambda item: (-item[1], item[0].casefold()))
        lines.extend(f"  {word}  {count}" for word, count in words)
        lines += ["", self.tr("Corrections (%1):").replace("%1", str(len(learned.pairs)))]
        decided = self.tr("%1 accepted, %2 rejected, confidence %3")
        # a pair always accepted: the share right its acceptances guarantee
        assured = self.tr("%1 accepted, none rejected: shown at least %2")
        for pair in sorted(learned.pairs, key=lambda p: (-abs(p.offset), p.original)):
            said = (
                decided.replace("%1", str(pair.accepted))
                .replace("%2", str(pair.rejected))
                .replace("%3", f"{pair.offset:+.2f}")
            )
            if pair.assured >= ASSURED_MIN:
                said = assured.replace("%1", str(pair.accepted)).replace(
                    "%2", f"{pair.assured:.3f}"
                )
            lines.append(f"  {pair.original} → {pair.replacement}: {said}")
        if learned.ranges:
            dash = range_dash(learned.ranges)
            ranges = self.tr("Ranges of numbers: %1 hyphens made en dashes, %2 left as printed")
            lines += [
                "",
                ranges.replace("%1", str(learned.ranges.get(EN_DASH, 0))).replace(
                    "%2", str(learned.ranges.get(HYPHEN, 0))
                )
                + (
                    self.tr("; the en dash is offered (confidence %1)").replace("%1", f"{dash:.2f}")
                    if dash
                    else ""
                ),
            ]
        if learned.calibration:
            points = ", ".join(f"{p.engine:.2f} → {p.corpus:.2f}" for p in learned.calibration)
            lines += [
                "",
                self.tr("Confidence, as your decisions bear it out: %1").replace("%1", points),
            ]
        return "\n".join(lines)

    def said(self, rescoring: Rescoring) -> str:
        """``37 suggestions updated from your decisions (…) in 5 of 12 documents``."""
        changes = rescoring.changes
        text = self.tr(
            "%1 suggestions updated from your decisions (%2 changed, %3 withdrawn, %4 new) "
            "in %5 of %6 documents"
        )
        return (
            text.replace("%1", f"{changes.total:,}")
            .replace("%2", f"{changes.updated:,}")
            .replace("%3", f"{changes.withdrawn:,}")
            .replace("%4", f"{changes.added:,}")
            .replace("%5", f"{rescoring.changed:,}")
            .replace("%6", f"{rescoring.documents:,}")
        )

    # -- runs --------------------------------------------------------------------------------

    def _learn(self) -> None:
        if self.busy:  # a run is winding down: learn again once it has
            self._again = True
            return
        self.busy = True
        self._stop.clear()
        skip = self.skip()

        project = self.service.project
        if project is None:
            self._end(None)
            return
        root = project.root

        def learn() -> tuple[Lesson, Profile | None] | None:  # beside the corpus's thread
            try:
                report = learned_elsewhere(self.service.rescorer(), root)
            except AnalysisCancelled:  # a new decision, or the window closes
                return None
            lesson = Lesson(report.learned, report.edits, str(learned_path(root)), report.changed)
            return lesson, (load_profile(root) if report.changed else None)

        def learned(result: tuple[Lesson, Profile | None] | None) -> None:
            if result is None:
                self._end(None)
                return
            lesson, profile = result
            if profile is None:
                self._learned((lesson, None))
                return

            def todo(corpus: Corpus) -> tuple[Lesson, Rescoring | None]:
                names = corpus.index.documents_with(PENDING_WORDS, ())
                return lesson, Rescoring(profile, [n for n in names if n != skip])

            self.service.on_corpus(todo, self._learned, self._failed)

        self._learning = True
        stop_learning(root, stop=False)
        self.service.aside(learn, learned, self._failed, self.tr("Learning…"))

    def _learned(self, result: tuple[Lesson, Rescoring | None]) -> None:
        self._learning = False
        lesson, rescoring = result
        self.learned.emit(lesson)
        if rescoring is None or not rescoring.todo:
            self._end(None)
            return
        self._rescoring = True
        self.running.emit(True)
        self._next(rescoring)

    def _next(self, rescoring: Rescoring) -> None:
        if self._stop.is_set() or not rescoring.todo:
            self.service.refresh()
            self._end(rescoring)
            return
        batch, rescoring.todo = rescoring.todo[:BATCH], rescoring.todo[BATCH:]

        def work(corpus: Corpus) -> Rescoring:
            profile = rescoring.profile
            root, runner = corpus.project.root, self.service.rescorer()
            rescore = rescored_elsewhere(runner, root, profile, corpus.rules)
            report = rescore_corpus(
                corpus, profile, rescore=rescore, progress=_Stop(self._stop), only=batch
            )
            rescoring.documents += report.documents
            rescoring.changed += report.changed_documents
            rescoring.changes.add(report.changes)
            rescoring.problems.extend(report.problems)
            if report.cancelled:
                rescoring.todo = []
            return rescoring

        self.service.on_corpus(work, self._next, self._failed, self.tr("Updating suggestions…"))

    def _end(self, rescoring: Rescoring | None) -> None:
        self.busy = False
        self._learning = False
        if self._rescoring:
            self._rescoring = False
            self.running.emit(False)
        if rescoring is not None:
            self.rescored.emit(rescoring)
        if self._again:
            self._again = False
            self._timer.start()

    def _failed(self, message: str) -> None:
        self.service.failed.emit(message)
        self._end(None)


def _lesson_of(corpus: Corpus) -> Lesson:
    root = corpus.project.root
    found = read_learned(root)
    path = str(learned_path(root))
    if found is None:
        return Lesson(None, Edits(), path, False)
    return Lesson(found[0], found[1], path, False)
