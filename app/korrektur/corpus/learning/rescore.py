"""Re-scoring: the pending word suggestions of every document brought up to what was learned.

After learning, each document with pending word suggestions is analysed again (its word
kinds only) with the corpus profile, and its pending suggestions follow: a suggestion the
engine still makes at the same place takes the new proposal (confidence, replacement,
alternatives, reason; its id stays) when it differs visibly (``STEP``, ``BAND``), one it
no longer makes (a word of the corpus lexicon) is withdrawn, and a new one is added where
nothing else stands. A decided suggestion is never touched, nor is a structure suggestion
or a reviewer's edit. A review that changed gets a version whose note names the learned
state (its digest): the review file records which learned state re-scored it. A corpus
rule decides the new suggestions of its pair, as it does in documents analysed later.

The work goes a document at a time and can stop between any two (``Progress.cancelled``,
also asked inside each analysis); it remembers in ``.rescore.yaml`` which documents are
done for which learned state, so that the next run goes on where it stopped.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from korrektur.corpus.facts import Facts, facts_of
from korrektur.corpus.index import Stat, State
from korrektur.corpus.opened import Corpus
from korrektur.corpus.rules import Rule, apply_rules
from korrektur.corpus.worker import write_review
from korrektur.engine.base import AnalysisCancelled, NoProgress, Progress
from korrektur.engine.pipeline import Engine
from korrektur.engine.words.profile import Profile, ProfiledAnalyzer
from korrektur.model import Document, ReviewSession, Status, Suggestion
from korrektur.model.session import now_iso
from korrektur.model.suggestion import WORD_KINDS
from korrektur.store.atomic import WriteError, atomic_write_text
from korrektur.store.lock import ChangedOnDisk, Stamp, stamp_of
from korrektur.store.resume import addable
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_bytes
from korrektur.store.reviewread import load_review
from korrektur.store.validate import ReviewFileError

DONE = ".rescore.yaml"
SAVE_EVERY = 2.0  # seconds between saves of the list of documents done
# A confidence that moves less than STEP, and stays within one BAND (so no bulk threshold
# at a multiple of 0.05 lies between), is left as it is: no version for a change no one sees.
STEP = 0.005
BAND = 0.05
PENDING_WORDS = "status = 'pending' AND kinds IN ('diacritic', 'ocr', 'diacritic+ocr')"

Analyse = Callable[[Document, Progress], list[Suggestion]]
"""Word suggestions for a document with the profile applied (see ``profiled_words``)."""


@dataclass
class Changes:
    """What re-scoring changed in one review.

    Attributes:
        updated: pending suggestions whose proposal changed.
        withdrawn: pending suggestions the engine no longer makes.
        added: new suggestions.
    """

    updated: int = 0
    withdrawn: int = 0
    added: int = 0

    @property
    def total(self) -> int:
        """Suggestions changed in any way."""
        return self.updated + self.withdrawn + self.added

    def add(self, other: Changes) -> None:
        """Count ``other`` in."""
        self.updated += other.updated
        self.withdrawn += other.withdrawn
        self.added += other.added

    def describe(self) -> str:
        """``3 changed, 1 withdrawn, 2 new``."""
        return f"{self.updated} changed, {self.withdrawn} withdrawn, {self.added} new"


@dataclass
class RescoreReport:
    """What a re-scoring run did.

    Attributes:
        digest: the learned state re-scored to.
        documents: documents analysed again.
        changed_documents: of those, the ones whose review changed.
        changes: the suggestions changed.
        skipped: documents already re-scored to this state by an earlier run.
        problems: documents that could not be re-scored, with the reason.
        cancelled: the run stopped before the end (the next run goes on).
    """

    digest: str
    documents: int = 0
    changed_documents: int = 0
    changes: Changes = field(default_factory=Changes)
    skipped: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def message(self) -> str:
        """``37 suggestions updated from your decisions (…) in 5 documents``."""
        total = self.changes.total
        noun = "suggestion" if total == 1 else "suggestions"
        text = (
            f"{total} {noun} updated from your decisions ({self.changes.describe()}) "
            f"in {self.changed_documents} of {self.documents} documents"
        )
        return text + (" (stopped; run again to finish)" if self.cancelled else "")


def profiled_words(profile: Profile) -> Analyse:
    """The word engine with ``profile``: what ``korrektur suggest --kinds word`` gives."""
    engine = Engine([ProfiledAnalyzer(profile)])

    def analyse(document: Document, progress: Progress) -> list[Suggestion]:
        return engine.analyse(document, WORD_KINDS, progress)

    return analyse


def rescore_review(review: Review, fresh: Sequence[Suggestion], digest: str, when: str) -> Changes:
    """Bring the pending word suggestions of ``review`` to ``fresh`` (see the module doc).

    ``fresh``: the engine's word suggestions for the review's document, with the profile.
    A review that changed gets a version noting the learned state ``digest``.
    """
    session = review.session
    by_span = {(s.start, s.end): s for s in fresh}
    kept: list[Suggestion] = []
    changes = Changes()
    for suggestion in session.suggestions:
        if not _pending_word(suggestion):
            kept.append(suggestion)
            continue
        new = by_span.get((suggestion.start, suggestion.end))
        if new is None:
            changes.withdrawn += 1
            continue
        if _changed(suggestion, new):
            suggestion = replace(new, id=suggestion.id, status=Status.PENDING)
            changes.updated += 1
        kept.append(suggestion)
    added = addable(review, kept, fresh)  # (not where a kept one stands)
    changes.added = len(added)
    if not changes.total:
        return changes
    new_session = ReviewSession(
        session.document,
        sorted([*kept, *added], key=lambda s: (s.start, s.end)),
        reviewer=session.reviewer,
    )
    review.replace_session(new_session)
    review.notes.append(f"re-scored by learned state {digest}: {changes.describe()}")
    review.commit(reviewer="", time=when)
    review.notes.clear()
    return changes


def _pending_word(suggestion: Suggestion) -> bool:
    return (
        suggestion.status is Status.PENDING
        and bool(suggestion.kinds)
        and (suggestion.kinds <= WORD_KINDS)
    )


def _changed(old: Suggestion, new: Suggestion) -> bool:
    """The new proposal differs in a way a reviewer could notice (see ``STEP``)."""
    if (old.replacement, old.kinds, old.alternatives, str(old.reason)) != (
        new.replacement,
        new.kinds,
        new.alternatives,
        str(new.reason),
    ):
        return True
    a, b = old.confidence, new.confidence
    return abs(a - b) >= STEP or _band(a) != _band(b)


def _band(confidence: float) -> int:
    """The band of ``confidence``: 0.6 lies in 0.6..0.65, though 0.6 / 0.05 < 12 in floats."""
    return math.floor(round(confidence / BAND, 9))


# -- the corpus ------------------------------------------------------------------------------


def rescore_corpus(
    corpus: Corpus,
    profile: Profile,
    *,
    analyse: Analyse | None = None,
    progress: Progress | None = None,
    only: Sequence[str] | None = None,
    rescore: Rescore | None = None,
) -> RescoreReport:
    """Re-score every document with pending word suggestions (or those in ``only``).

    ``progress`` hears of documents (done, of how many) and can stop the run between
    documents or inside an analysis. Runs in the thread that opened ``corpus`` (its index
    is used there): a window runs it on a worker with a corpus opened for it. ``rescore``:
    how one review file is re-scored (default: ``rescore_file`` here, with ``analyse``);
    the file is written and the index updated here.

    Raises:
        ProjectBusy: another process writes the project.
    """
    corpus.require_writer()
    progress = progress or NoProgress()
    analyse = analyse or profiled_words(profile)
    report = RescoreReport(profile.digest)
    index = corpus.index
    bad = set(index.documents_in(State.BAD))
    names = [n for n in index.documents_with(PENDING_WORDS, ()) if n not in bad]
    if only is not None:
        wanted = set(only)
        names = [n for n in names if n in wanted]
    done_path = corpus.project.path(DONE)
    done = _done(done_path, profile.digest)
    todo = [n for n in names if n not in done]
    report.skipped = len(names) - len(todo)
    stop = _Stop(progress)
    rescore_one = rescore or (
        lambda path: rescore_file(path, profile.digest, corpus.rules, analyse, stop)
    )
    saved = time.monotonic()
    for number, name in enumerate(todo):
        if progress.cancelled():
            report.cancelled = True
            break
        progress.report(number, len(todo))
        try:
            changes = _rescore_one(corpus, name, rescore_one)
        except AnalysisCancelled:
            report.cancelled = True
            break
        except (ReviewFileError, OSError, WriteError) as exc:
            report.problems.append((name, str(exc)))
            continue
        report.documents += 1
        if changes.total:
            report.changed_documents += 1
            report.changes.add(changes)
        done.add(name)
        if time.monotonic() - saved > SAVE_EVERY:
            _save_done(done_path, profile.digest, done)
            saved = time.monotonic()
    progress.report(len(todo), len(todo))
    _save_done(done_path, profile.digest, done)
    return report


class _Stop:
    """Passes a run's cancellation into each analysis, but not the analysis's own progress."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def report(self, done: int, total: int) -> None:
        """The run reports documents, not the words of one."""

    def cancelled(self) -> bool:
        """The run's answer."""
        return self.progress.cancelled()


@dataclass(frozen=True)
class Rescored:
    """One review file re-scored, not yet written.

    Attributes:
        changes: the suggestions changed.
        data: the new review file (None: nothing changed, nothing to write).
        facts: what the index keeps of it.
        stamp: the file it was made from (written only over that one).
    """

    changes: Changes
    data: bytes | None = None
    facts: Facts | None = None
    stamp: Stamp | None = None


Rescore = Callable[[Path], Rescored]
"""How one review file is re-scored (here, or in a worker process)."""


def rescore_file(
    path: Path, digest: str, rules: Sequence[Rule], analyse: Analyse, progress: Progress
) -> Rescored:
    """The review file at ``path`` re-scored to learned state ``digest`` (not written).

    A corpus rule decides the new suggestions of its pair.

    Raises:
        ReviewFileError, OSError: the review file cannot be read.
        AnalysisCancelled: ``progress`` asked to stop.
    """
    stamp = stamp_of(path)
    review = load_review(path)
    try:
        when = now_iso()
        changes = rescore_review(review, analyse(review.session.document, progress), digest, when)
        if not changes.total:
            return Rescored(changes)
        apply_rules(review, rules, when)  # a new suggestion of a ruled pair
        return Rescored(changes, review_bytes(review, path), facts_of(review), stamp)
    finally:
        review.release()


def _rescore_one(corpus: Corpus, name: str, rescore: Rescore) -> Changes:
    path = corpus.project.review_path(name)
    for attempt in range(2):
        result = rescore(path)
        if result.data is None or result.facts is None:
            return result.changes
        try:
            write_review(path, result.data, result.stamp)
        except ChangedOnDisk:
            if attempt:
                raise
            continue  # saved in the window meanwhile: once more, from that file
        row = corpus.index.document(name)
        if row is not None:
            with corpus.index.transaction():
                corpus.index.record(name, result.facts, row.state, Stat.of(path), row.source)
        return result.changes
    return Changes()


def rescored(corpus: Corpus, digest: str) -> tuple[int, int]:
    """(re-scored to learned state ``digest``, all) documents with pending word suggestions."""
    names = set(corpus.index.documents_with(PENDING_WORDS, ()))
    return len(names & _done(corpus.project.path(DONE), digest)), len(names)


def _done(path: Path, digest: str) -> set[str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return set()
    if not isinstance(data, dict) or data.get("digest") != digest:
        return set()
    return {str(n) for n in data.get("done") or []}


def _save_done(path: Path, digest: str, done: set[str]) -> None:
    text = "# Documents re-scored to this learned state (derived; deleting it only costs time).\n"
    text += yaml.safe_dump({"digest": digest, "done": sorted(done)}, allow_unicode=True)
    with contextlib.suppress(WriteError):  # (the next run re-scores those documents again)
        atomic_write_text(path, text)
