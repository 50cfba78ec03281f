"""The analysis of one document, as a pure function: source bytes and settings in, review out.

``analyse_task`` reads nothing from disk and writes nothing: it gets the source's bytes (and
the document's review file, if it has one) and returns the new review file's bytes with the
facts the index needs. So it runs the same in a local process pool, on a Dask worker on
another machine, or in any other worker process, and one writer puts the results on disk.
The engine (with its lexicon) is made once per process and kept: the same engine and
analysis as the window's worker process (``korrektur.workspace.commands``).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from korrektur.corpus.facts import Facts, engine_key, facts_of
from korrektur.corpus.rules import Rule, apply_rules
from korrektur.formats.sources import read_bytes
from korrektur.model import KIND_GROUPS, Document, DocumentError, Suggestion
from korrektur.store.atomic import WriteError, atomic_write_bytes
from korrektur.store.lock import ChangedOnDisk, Stamp, check_unchanged, review_lock
from korrektur.store.resume import Analyse, add_fresh, new_review, resume
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_bytes
from korrektur.store.reviewread import load_review_bytes
from korrektur.store.tool import current_tool
from korrektur.store.validate import ReviewFileError
from korrektur.workspace import commands, engines
from korrektur.workspace.engines import Analyser

if TYPE_CHECKING:
    from korrektur.engine import Profile


@dataclass(frozen=True)
class Task:
    """One document to analyse.

    Attributes:
        document: its name in the corpus (path relative to the source folder).
        data: the source's bytes.
        source_path: where the source is (written into the review, relative to it).
        review_path: where the review file will be written.
        previous: the document's review file as it is now, if it has one.
        rules: corpus rules to apply to the new suggestions, as recorded decisions.
        time: the time of the run (stamped on any version the analysis saves).
        stamp: the review file's stamp when ``previous`` was read (None: there was none);
            the new file is written only over that same file.
        profile: what the corpus learned from its reviewer, applied to the word engine
            (None: nothing yet); the review notes which learned state it was.
    """

    document: str
    data: bytes
    source_path: str
    review_path: str
    previous: bytes | None
    rules: tuple[Rule, ...]
    time: str
    stamp: Stamp | None = None
    profile: Profile | None = None


@dataclass(frozen=True)
class Outcome:
    """What the analysis of one document gave.

    Attributes:
        document: its name in the corpus.
        review: the new review file, or None when the document could not be analysed.
        facts: what the index records about it.
        problem: why it could not be analysed ("" when it was).
        note: what happened besides a plain analysis (re-anchoring, rules applied).
        cpu_seconds: processor time the analysis took in the worker.
        written: the worker has written the review file itself (``review`` is then None).
        stamp: the stamp of the review file the result was made from (None: none was).
        ids: the suggestions a rule decided or put back to pending (``decide``).
    """

    document: str
    review: bytes | None = None
    facts: Facts | None = None
    problem: str = ""
    note: str = ""
    cpu_seconds: float = 0.0
    written: bool = False
    stamp: Stamp | None = None
    ids: tuple[str, ...] = ()


_LEARNED: dict[str, Analyser] = {}


def engine(profile: Profile | None = None) -> Analyser:
    """This process's engine (with ``profile``), made (its lexicon loaded) on first use.

    The plain engine is the process's own (``workspace.engines``, as the window's worker
    has it); the one of the latest learned state is kept beside it.
    """
    if profile is None:
        return engines.PROCESS.get()
    found = _LEARNED.get(profile.digest)
    if found is None:
        _LEARNED.clear()
        from korrektur.engine import default_engine  # noqa: PLC0415 (where it analyses)

        found = _LEARNED[profile.digest] = default_engine(profile)
    return found


def warm_up() -> None:
    """Load the lexicon now (a pool's initializer), not during the first document."""
    commands.warm_up()


def _analyser(profile: Profile | None) -> Callable[[Document], list[Suggestion]]:
    def analyse(document: Document) -> list[Suggestion]:
        return engine(profile).analyse(document, KIND_GROUPS["all"])

    return analyse


def analyse_task(task: Task) -> Outcome:
    """Analyse one document; never raises for a bad document (the outcome says why)."""
    started = time.process_time()
    try:
        outcome = _run(task)
    except DocumentError as exc:  # the corpus lists it by name: not twice
        problem = str(exc).removeprefix(f"{Path(task.source_path).name}: ")
        outcome = Outcome(task.document, problem=problem)
    except ReviewFileError as exc:
        outcome = Outcome(task.document, problem=f"its review file is damaged: {exc}")
    except Exception as exc:  # a bug must not stop the batch: the document is listed
        where = traceback.extract_tb(exc.__traceback__)[-1]
        outcome = Outcome(
            task.document,
            problem=f"the analysis failed ({type(exc).__name__}: {exc}, at "
            f"{Path(where.filename).name}:{where.lineno})",
        )
    return Outcome(
        outcome.document,
        outcome.review,
        outcome.facts,
        outcome.problem,
        outcome.note,
        time.process_time() - started,
    )


def write_review(path: Path, data: bytes, expected: Stamp | None) -> None:
    """Write a review file atomically, only over the file the new one was made from.

    Under the review file's lock (the window and ``korrektur`` commands take it too), and
    only when the file is still the one stamped ``expected`` (or, ``expected`` None, when
    there is still no file): a review saved meanwhile in the window is never overwritten.

    Raises:
        ChangedOnDisk: another program wrote the file meanwhile (nothing was written).
        WriteError, OSError: it could not be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with review_lock(path):
        if expected is None and path.exists():
            raise ChangedOnDisk(f"{path.name} was made by another program meanwhile")
        check_unchanged(path, expected)
        atomic_write_bytes(path, data)


def analyse_and_write(task: Task) -> Outcome:
    """``analyse_task``, and the review file written (atomically) by this worker.

    For workers that share the writer's file system (a local pool): the review's bytes
    then need not travel to the writer, which only records the index rows. A review file
    written here but not yet in the index when a run is killed is found by the next run's
    check on opening.
    """
    outcome = analyse_task(task)
    if outcome.review is None:
        return outcome
    path = Path(task.review_path)
    try:
        write_review(path, outcome.review, task.stamp)
    except (OSError, WriteError) as exc:
        problem = f"its review file cannot be written: {exc}"
        return Outcome(task.document, problem=problem, cpu_seconds=outcome.cpu_seconds)
    return replace(outcome, review=None, written=True)


def _run(task: Task) -> Outcome:
    source_path = Path(task.source_path)
    review_path = Path(task.review_path)
    document = read_bytes(task.data, source_path)
    analyse = _analyser(task.profile)
    notes: list[str] = []
    if task.previous is None:
        review = new_review(document, analyse)
        if task.profile is not None:
            review.notes.append(f"analysed with learned state {task.profile.digest}")
    else:
        review = _again(load_review_bytes(task.previous, review_path), document, analyse)
        notes.extend(review.notes)
    if review.notes:  # what re-analysis did gets a version of its own
        review.commit(time=task.time, reviewer="")
        review.notes.clear()
    decided = apply_rules(review, task.rules, task.time)
    if decided:
        notes.append(f"{decided} suggestions decided by corpus rules")
    try:
        data = review_bytes(review, review_path)
        facts = facts_of(review)
    finally:
        review.release()
    return Outcome(task.document, data, facts, note="; ".join(notes))


def _again(saved: Review, document: Document, analyse: Analyse) -> Review:
    """A review that has a file already, brought up to date; every decision is kept.

    Re-anchored if the source changed, else analysed again by this engine.
    """
    review, report = resume(saved, document, analyse)
    tool = current_tool()
    if not report.source_changed and engine_key(saved.tool) != engine_key(tool):
        added = add_fresh(review, analyse(document))
        if not added:
            review.notes.append("analysed again: no new suggestions")
    if engine_key(review.tool) != engine_key(tool):
        review.notes.append(f"by Korrektur {tool.version}, lexicon {tool.lexicon}")
        review.tool = tool
    return review
