"""Learning a corpus: the lessons of every reviewed document, estimated, written, loaded.

``learn_corpus`` reads the review of every document with a decision (a review file whose
lessons are cached in ``.learned-lessons.json`` is read again only when it changed), sums
the lessons, lays the reviewer's edits of ``learned.yaml`` over the estimates, and writes
the file. ``load_profile`` gives the word engine's profile of a project's ``learned.yaml``
as it stands (edits included), or None when the project has learned nothing.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from korrektur.corpus.index import Stat, State
from korrektur.corpus.learning.estimate import Learned, learn, profile_of
from korrektur.corpus.learning.lessons import Lessons, lessons_of
from korrektur.corpus.learning.store import (
    Edits,
    changes,
    learned_path,
    read_learned,
    read_learned_file,
    read_written,
    write_learned,
)
from korrektur.corpus.opened import Corpus
from korrektur.corpus.project import CorpusError
from korrektur.engine.base import AnalysisCancelled, Progress
from korrektur.engine.words.lexicon_cache import shared_lexicon
from korrektur.engine.words.profile import Profile
from korrektur.model.session import now_iso
from korrektur.store.atomic import WriteError, atomic_write_text
from korrektur.store.reviewread import load_review
from korrektur.store.tool import current_tool
from korrektur.store.validate import ReviewFileError

CACHE = ".learned-lessons.json"
CACHE_FORMAT = 3  # 2: lessons count the words that stood; 3: ranges
DECIDED = "status != 'pending'"


@dataclass
class LearnReport:
    """What learning found and wrote.

    Attributes:
        learned: the state now in ``learned.yaml`` (the reviewer's edits laid over).
        edits: the reviewer's edits in force.
        new_edits: edits found in the file in this run (changed since Korrektur wrote it).
        before: the digest of the state before (None: nothing had been learned).
        problems: reviewed documents that could not be read, with the reason.
    """

    learned: Learned
    edits: Edits
    new_edits: Edits
    before: str | None
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def digest(self) -> str:
        """The digest of the state learned."""
        return self.learned.digest()

    @property
    def changed(self) -> bool:
        """The state differs from the one before."""
        return self.before != self.digest


def learn_corpus(
    corpus: Corpus, progress: Progress | None = None, *, for_writer: bool = False
) -> LearnReport:
    """Learn from every decision in the corpus and write ``learned.yaml``.

    ``for_writer``: ``corpus`` is opened to read, by a worker process of the program that
    holds the project's lock and waits for this (``corpus.learning.elsewhere``).

    Raises:
        ProjectBusy: another process writes the project.
        CorpusError: the learned file is damaged or cannot be written.
        AnalysisCancelled: ``progress`` asked to stop (nothing was written).
    """
    if not for_writer:
        corpus.require_writer()
    root = corpus.project.root
    found = read_learned(root)
    before = found[0].digest() if found is not None else None
    edits = Edits()
    new_edits = Edits()
    if found is not None:
        state, edits = found
        written = read_written(root)
        if written is not None and written.content() != state.content():
            new_edits = changes(written, state)
            edits = edits.merged(new_edits)
    problems: list[tuple[str, str]] = []
    derived = learn(_lessons(corpus, problems, progress))
    learned = edits.apply(derived)
    write_learned(root, learned, edits, now_iso())
    return LearnReport(learned, edits, new_edits, before, problems)


def _lessons(
    corpus: Corpus, problems: list[tuple[str, str]], progress: Progress | None
) -> Iterator[Lessons]:
    """The lessons of every document with a decision, from the cache where it is current."""
    known = shared_lexicon().known
    project = corpus.project
    bad = set(corpus.index.documents_in(State.BAD))
    names = [n for n in corpus.index.documents_with(DECIDED, ()) if n not in bad]
    cache = _Cache(project.path(CACHE))
    try:
        for number, name in enumerate(names):
            if progress is not None:
                if progress.cancelled():
                    raise AnalysisCancelled
                progress.report(number, len(names))
            path = project.review_path(name)
            stat = Stat.of(path)
            lessons = cache.get(name, stat)
            if lessons is None:
                try:
                    review = load_review(path)
                except (ReviewFileError, OSError) as exc:
                    problems.append((name, f"its review file cannot be read: {exc}"))
                    continue
                try:
                    lessons = lessons_of(review, known)
                finally:
                    review.release()
                cache.put(name, stat, lessons)
            yield lessons
    finally:
        cache.save(names)


class _Cache:
    """Lessons of review files by name and stat (derived: deleting the file costs time only)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tool = current_tool().lexicon
        self.entries: dict[str, Any] = {}
        self.dirty = False
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == CACHE_FORMAT and data.get("lexicon") == self.tool:
                self.entries = data["documents"]

    def get(self, name: str, stat: Stat | None) -> Lessons | None:
        entry = self.entries.get(name)
        if entry is None or stat is None or entry["stat"] != [stat.size, stat.mtime_ns]:
            return None
        try:
            return Lessons.from_json(entry["lessons"])
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, name: str, stat: Stat | None, lessons: Lessons) -> None:
        if stat is not None:
            self.entries[name] = {"stat": [stat.size, stat.mtime_ns], "lessons": lessons.as_json()}
            self.dirty = True

    def save(self, names: list[str]) -> None:
        wanted = set(names)
        if not self.dirty and wanted >= self.entries.keys():
            return
        kept = {n: e for n, e in self.entries.items() if n in wanted}
        data = {"format": CACHE_FORMAT, "lexicon": self.tool, "documents": kept}
        with contextlib.suppress(WriteError):  # a cache that cannot be written is rebuilt
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False))


def load_profile(root: Path) -> Profile | None:
    """The profile of the project at ``root`` as its ``learned.yaml`` stands (None: none).

    Raises:
        CorpusError: the learned file is damaged.
    """
    found = read_learned(root)
    if found is None:
        return None
    state, _ = found
    return profile_of(state)


def profile_file(path: Path) -> Profile:
    """The profile of a learned file, or of a project folder's ``learned.yaml``.

    Raises:
        CorpusError: no learned file there, or a damaged one.
    """
    file = learned_path(path) if path.is_dir() else path
    found = read_learned_file(file)
    if found is None:
        raise CorpusError(f"{file} does not exist (the corpus has learned nothing yet?)")
    return profile_of(found[0])
