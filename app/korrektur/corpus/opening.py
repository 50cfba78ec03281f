"""An open corpus: project, writer lock, index and rules, brought up to date on opening.

Every command opens the project through ``open_corpus``. A writer takes the lock (a second
writer is refused with a message naming the first), then the index is checked against the
review files and sources, the rules file is mirrored, and an operation that was interrupted
(``decide`` killed half-way) is completed or rolled back before anything else happens. A
reader (``status``, ``concordance``) that finds a writer at work reads the index as the
writer last committed it, and says so.
"""

from __future__ import annotations

from pathlib import Path

from korrektur.corpus.decide import finish_interrupted
from korrektur.corpus.index import CorpusIndex
from korrektur.corpus.lock import ProjectBusy, WriterLock
from korrektur.corpus.opened import Corpus as Corpus  # (where commands find it)
from korrektur.corpus.progress import Reporter
from korrektur.corpus.project import INDEX, LOCK, RULES, CorpusError, open_project
from korrektur.corpus.rules import load_rules
from korrektur.corpus.runners import PoolRunner
from korrektur.corpus.schema import delete_index
from korrektur.corpus.sync import Synchroniser


def open_corpus(
    root: Path,
    command: str,
    *,
    write: bool = True,
    full: bool = False,
    rebuild: bool = False,
    progress: Reporter | None = None,
    jobs: int = 1,
) -> Corpus:
    """Open the project at ``root`` for ``command``.

    ``write`` False: a reader, which still takes the lock when it is free (and then
    brings the index up to date like a writer), but reads alone when a writer is at work.
    ``full``: read every review file again; ``rebuild``: and make the index anew first
    (``reindex``). ``progress`` shows the reading of review files, which ``jobs`` worker
    processes share when there are many.

    Raises:
        ProjectBusy: ``write`` and another process holds the lock.
        CorpusError: no project there, or a damaged settings, rules or index file.
    """
    project = open_project(root)
    lock = WriterLock(project.path(LOCK), command)
    messages = []
    try:
        lock.acquire()
    except ProjectBusy as exc:
        if write:
            raise
        messages.append(f"{exc}; showing the index as it last committed it")
    index_path = project.path(INDEX)
    try:
        if rebuild and lock.held:
            delete_index(index_path)
            full = True
        if not lock.held and not index_path.exists():
            raise CorpusError("the project is being set up by another process; try again shortly")
        index = CorpusIndex(index_path, readonly=not lock.held)
    except BaseException:
        lock.release()
        raise
    corpus = Corpus(project, index, lock, [], messages=messages)
    try:
        corpus.rules = load_rules(project.path(RULES))
        if lock.held:
            runner = (lambda n: PoolRunner(min(jobs, n))) if jobs > 1 else None
            corpus.sync = Synchroniser(project, index, progress).run(full=full, runner=runner)
            with index.transaction():
                index.set_rules(corpus.rules)
            note = finish_interrupted(corpus)
            if note:
                messages.append(note)
    except BaseException:
        corpus.close()
        raise
    return corpus
