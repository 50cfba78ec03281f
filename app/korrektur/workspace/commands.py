"""The heavy work on one document, one function per command: a request in, a result out.

Every command has the shape ``command(request, call) -> result`` and touches nothing but
its request and the disk, so it runs the same wherever a runner puts it: in the window's
worker process, on the calling thread (the command line, tests), or in a corpus pool
process. The engine (with its lexicon) is made once per process and kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from korrektur.engine import AnalysisCancelled
from korrektur.formats.exporters import export_to
from korrektur.formats.reading import ExportOptions
from korrektur.model import KIND_GROUPS, Document, ReviewSession, Suggestion
from korrektur.store import autosave
from korrektur.store.compare import VersionComparison, compare_for_people
from korrektur.store.detached import detached_review
from korrektur.store.history import Version
from korrektur.store.lock import Stamp
from korrektur.store.resume import ResumeReport, find_review, resume_document
from korrektur.store.review import Review
from korrektur.store.reviewfile import SaveRequest, Snapshot, write_save
from korrektur.store.validate import ReviewFileError
from korrektur.workspace import engines, transfer
from korrektur.workspace.engines import Analyser
from korrektur.workspace.runner import Call


def engine() -> Analyser:
    """This process's engine, made (and its lexicon loaded) on first use."""
    return engines.PROCESS.get()


def warm_up(_request: object = None, call: Call | None = None) -> None:
    """Load the lexicon now, not during the first document."""
    holder = call.engines if call is not None else engines.PROCESS
    text = Document.from_text("Det har ar en kort text.\n")
    holder.get().analyse(text, KIND_GROUPS["all"])


def analyse(document: Document, call: Call | None = None) -> list[Suggestion]:
    """Every kind of suggestion for ``document``, by the engine of ``call`` (or this process).

    Raises:
        AnalysisCancelled: ``call`` was cancelled.
    """
    holder = call.engines if call is not None else engines.PROCESS
    return holder.get().analyse(document, KIND_GROUPS["all"], call)


# -- opening and analysing -----------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    """A document opened with its review.

    Attributes:
        review: resumed from its review file, or new.
        report: what resuming found (a changed source, decisions not found again).
        token: what the worker holds of the review (None: not opened in a worker).
        cancelled: the analysis was stopped: the review has the text and no suggestions.
    """

    review: Review
    report: ResumeReport = field(default_factory=ResumeReport)
    token: int | None = None
    cancelled: bool = False


@dataclass(frozen=True)
class OpenAt:
    """A source whose review file is not the one beside it: ``open_file`` resumes that one.

    A corpus project keeps its documents' review files in its ``reviews/`` folder.
    """

    source: Path
    review: Path


def open_file(path: Path | OpenAt, call: Call) -> Opened:
    """Read ``path``, then resume its review file if it has one, else analyse it.

    Notes the document (``call.note``) as soon as it is read, before any analysis.

    Raises:
        DocumentError: the file cannot be read as a document.
        ReviewFileError: the review file is damaged or foreign (it is left as it is).
    """
    from korrektur.formats.sources import read_document  # noqa: PLC0415 (the readers: 25 MB)

    review_path = path.review if isinstance(path, OpenAt) else None
    document = read_document(path.source if isinstance(path, OpenAt) else path)
    call.note(document)
    try:
        review, report = resume_document(
            document, lambda d: analyse(d, call), review_path=review_path
        )
    except AnalysisCancelled:
        review, report = unanalysed(document, review_path), ResumeReport()
        return Opened(review, report, call.hold(review), cancelled=True)
    return Opened(review, report, call.hold(review))


def unanalysed(document: Document, review_path: Path | None = None) -> Review:
    """A review of ``document`` without suggestions (its analysis was stopped).

    It is to be saved beside the source (or at ``review_path``), unless a review file is
    there already: that one is never replaced (the first save asks where).
    """
    if review_path is not None:
        path = None if review_path.exists() else review_path
    else:
        path = free_review_path(document)
    return Review(ReviewSession(document, []), source_path=document.path, path=path)


def free_review_path(document: Document) -> Path | None:
    """Where a new review of ``document`` is saved; None when its review file exists."""
    if document.path is None:
        return None
    try:
        path, existing = find_review(document.path)
    except ReviewFileError:
        return None  # damaged: never written over
    return None if existing is not None else path


def analyse_again(document: Document, call: Call) -> list[Suggestion]:
    """Fresh suggestions for an open document (the review merges them with its decisions).

    Raises:
        AnalysisCancelled: the job was cancelled.
    """
    return analyse(document, call)


# -- writing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Save:
    """A save: what ``prepare_save`` fixed, and what the worker holds of the review."""

    request: SaveRequest
    token: int | None = None


@dataclass(frozen=True)
class Saved:
    """What a save wrote: its version and the file's stamp afterwards."""

    version: Version
    stamp: Stamp | None


def save(save: Save, _call: Call) -> Saved:
    """Make the new version and write the review file (see ``store.reviewfile.write_save``).

    Raises:
        ChangedOnDisk: another program wrote the file meanwhile; nothing was written.
        WriteError: the file could not be written; any old file is intact.
    """
    written = write_save(save.request)
    if save.token is not None:
        transfer.hold_version(save.token, written.version)
    return Saved(written.version, written.stamp)


@dataclass(frozen=True)
class RecoveryWrite:
    """A recovery file to write: the snapshot, where, and its ``recovery`` header."""

    snap: Snapshot
    path: Path
    extra: dict[str, Any]


def write_recovery(write: RecoveryWrite, _call: Call) -> Path:
    """Write a recovery file (see ``store.autosave``); its path."""
    autosave.write_recovery(write.snap, write.path, write.extra)
    return write.path


def remove_recovery(path: Path, _call: Call) -> None:
    """Delete a recovery file, if it is there."""
    autosave.remove_recovery(path)


def find_recoveries(folder: Path | None, _call: Call) -> list[autosave.Recovery]:
    """Unsaved work a crash left in ``folder`` (the contents stay on disk until loaded)."""
    return [replace(found, _data=None) for found in autosave.find_recoveries(folder)]


def load_recovery(found: autosave.Recovery, call: Call) -> Opened:
    """The review a recovery file holds (unsaved), to be saved where it was going to be.

    Raises:
        ReviewFileError: the file is damaged.
    """
    review = found.load()
    return Opened(review, ResumeReport(), call.hold(review))


@dataclass(frozen=True)
class Export:
    """An export to write.

    Attributes:
        snap: the review as it stood when the export was asked for.
        review_path: where the review file is (an export never writes over it).
        name: the format (``formats.exporters.EXPORTERS``).
        target: the file to write.
        options: what to write.
    """

    snap: Snapshot
    review_path: Path | None
    name: str
    target: Path
    options: ExportOptions


def export(request: Export, _call: Call) -> Path:
    """Write an export of a snapshot atomically; its path.

    Raises:
        ValueError: the target is the source or the review file.
        WriteError: it could not be written.
    """
    review = detached_review(request.snap, request.review_path)
    try:
        export_to(review, request.name, request.target, request.options)
    finally:
        review.release()
    return request.target


# -- versions ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionText:
    """The text of version ``number`` (0: the current work) of a snapshot."""

    snap: Snapshot
    number: int


def version_text(request: VersionText, _call: Call) -> str:
    """The text a version holds: its decisions applied, undecided suggestions left raw.

    Raises:
        KeyError: there is no such version.
    """
    review = detached_review(request.snap)
    try:
        session = review.session if request.number == 0 else review.version_session(request.number)
        return session.decided_text()
    finally:
        review.release()


@dataclass(frozen=True)
class Compare:
    """Versions ``first`` and ``second`` of a snapshot to compare (0: the current work)."""

    snap: Snapshot
    first: int
    second: int
    proposals: bool = False


def compare(request: Compare, _call: Call) -> VersionComparison:
    """What differs between two versions, decisions and text (see ``store.compare``).

    Raises:
        KeyError: there is no such version.
    """
    review = detached_review(request.snap)
    try:
        return compare_for_people(review, request.first, request.second, request.proposals)
    finally:
        review.release()


def release(token: int, _call: Call) -> None:
    """The window closed review ``token``: this process lets go of what it held of it."""
    transfer.release(token)
