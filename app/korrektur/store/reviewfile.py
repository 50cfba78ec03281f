"""The review file (``REPORT.review.yaml``): write a review, read and validate it back."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from korrektur.model import UNDECIDED, Decision, Document, ReviewSession, Status, Suggestion
from korrektur.model.session import now_iso
from korrektur.model.structure import ReadingStructure
from korrektur.model.suggestion import count_statuses
from korrektur.store.atomic import atomic_write_chunks, remove_leftovers
from korrektur.store.history import History, State, Version, new_version
from korrektur.store.lock import Stamp, check_unchanged, review_lock, stamp_of
from korrektur.store.pieces import encode_all
from korrektur.store.records import (
    Unanchored,
    compress_ids,
    decision_record,
    structure_record,
    suggestion_record,
)
from korrektur.store.review import Review
from korrektur.store.tool import ToolInfo
from korrektur.store.yamlio import Flow, FlowMap, Name, Spaced, dump_pieces

FORMAT = "korrektur-review"
FORMAT_VERSION = 1
SUFFIX = ".review.yaml"
NEWLINES = {"\n": "lf", "\r\n": "crlf", "\r": "cr"}
HEADER = (
    "Korrektur review file: the OCR text, every suggestion and every decision on it,\n"
    "and the saved versions. Plain YAML; see 'File formats' in Korrektur's README."
)


def review_path_for(source: Path) -> Path:
    """Where the review of ``source`` is kept: ``report.txt`` → ``report.review.yaml``."""
    return source.with_name(source.stem + SUFFIX)


# -- writing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionColumns:
    """The decision fields of a session's suggestions, one tuple per field.

    Four objects however many suggestions there are: taking them is quick, and the garbage
    collector has nothing new to walk (a ``Decision`` per suggestion cost the GUI thread twice
    as long, half of it in the collector, on every save and autosave).

    Attributes:
        statuses, edited_texts, decided_by, decided_at: in the suggestions' order.
    """

    statuses: tuple[Status, ...]
    edited_texts: tuple[str | None, ...]
    decided_by: tuple[str | None, ...]
    decided_at: tuple[str | None, ...]

    @classmethod
    def of(cls, session: ReviewSession) -> DecisionColumns:
        """The decisions of ``session``'s suggestions as they stand (kept by the session)."""
        return cls(*session.decision_columns())

    def decisions(self) -> tuple[Decision, ...]:
        """One ``Decision`` per suggestion (undecided ones share ``UNDECIDED``)."""
        pending, new = Status.PENDING, tuple.__new__
        columns = zip(
            self.statuses, self.edited_texts, self.decided_by, self.decided_at, strict=True
        )
        return tuple([UNDECIDED if row[0] is pending else new(Decision, row) for row in columns])


@dataclass(frozen=True)
class Snapshot:
    """What a review file holds, fixed at one moment.

    Taking one is cheap; writing it may then happen on another thread while the reviewer
    goes on deciding (proposals never change, and the decisions are copied here).

    Attributes:
        document: the source text and its identity.
        suggestions: the session's suggestions, in order.
        columns: their decisions, field by field (``decisions`` one by one, made when first
            asked).
        versions: the saved versions.
        retired: suggestions only earlier versions hold, with their decisions.
        unanchored: decisions lost track of after a source change.
        tool: who made the suggestions.
        source_path: where the source is.
        source_trusted: the source may be read (see ``Review.readable_source``).
        structure: the reading structure of the source text (None: not analysed for it).
    """

    document: Document
    suggestions: tuple[Suggestion, ...]
    columns: DecisionColumns
    versions: tuple[Version, ...]
    retired: tuple[tuple[Suggestion, Decision], ...]
    unanchored: tuple[Unanchored, ...]
    tool: ToolInfo
    source_path: Path | None
    source_trusted: bool = True
    structure: ReadingStructure | None = None

    @cached_property
    def decisions(self) -> tuple[Decision, ...]:
        """One ``Decision`` per suggestion (built where the snapshot is written)."""
        return self.columns.decisions()


def snapshot(review: Review) -> Snapshot:
    """Fix the current state of ``review`` for writing (cheap: the GUI thread does it)."""
    suggestions = review.session.suggestions
    return Snapshot(
        review.session.document,
        tuple(suggestions),
        DecisionColumns.of(review.session),
        tuple(review.history.versions),
        tuple((s, Decision.of(s)) for s in review.retired()),
        tuple(review.unanchored),
        review.tool,
        review.source_path,
        review.source_trusted,
        review.session.structure,
    )


def _source_record(snap: Snapshot, folder: Path | None) -> dict[str, Any]:
    document = snap.document
    record: dict[str, Any] = {"name": document.name}
    if snap.source_path is not None:
        path = snap.source_path
        if folder is not None:
            try:
                path = Path(os.path.relpath(snap.source_path, folder))
            except ValueError:  # another drive on Windows
                path = snap.source_path
        record["path"] = path.as_posix()
    record.update(
        sha256=Name(document.sha256),
        size=document.size,
        encoding=Name(document.encoding),
        encoding_label=document.encoding_label,
        newline=Name(NEWLINES.get(document.newline, "lf")),
    )
    if document.composition is not None:
        record["composed"] = document.composition.count  # letters with marks, composed (NFC)
    return record


def version_record(version: Version) -> dict[str, Any]:
    """One version as written in the file."""
    record: dict[str, Any] = {
        "number": version.number,
        "time": version.time,
        "reviewer": version.reviewer,
        "message": version.message,
    }
    if version.note:
        record["note"] = version.note
    record["counts"] = FlowMap((s.value, version.counts.get(s, 0)) for s in Status)
    if version.added:
        record["added"] = Flow(Name(i) for i in compress_ids(version.added))
    if version.removed:
        record["removed"] = Flow(Name(i) for i in compress_ids(version.removed))
    if version.changes:
        record["changes"] = Flow(
            FlowMap(id=Name(i), **decision_record(d)) for i, d in version.changes
        )
    return record


def snapshot_data(
    snap: Snapshot, folder: Path | None, extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A snapshot as plain data in file order (also the JSON export's content).

    The source path is written relative to ``folder`` (absolute when None).
    """
    counts = count_statuses(snap.columns.statuses)
    data: dict[str, Any] = {
        "format": Name(FORMAT),
        "format_version": FORMAT_VERSION,
        "source": _source_record(snap, folder),
        "tool": {
            "name": Name(snap.tool.name),
            "version": snap.tool.version,
            "lexicon": snap.tool.lexicon,
        },
        "counts": FlowMap((s.value, counts[s]) for s in Status),
    }
    if extra:
        data.update(extra)
    data["versions"] = Spaced(version_record(v) for v in snap.versions)
    data["suggestions"] = Spaced(
        suggestion_record(s, d) for s, d in zip(snap.suggestions, snap.decisions, strict=True)
    )
    if snap.retired:
        data["retired"] = Spaced(suggestion_record(s, d) for s, d in snap.retired)
    if snap.unanchored:
        data["unanchored"] = Spaced(u.record() for u in snap.unanchored)
    if snap.structure is not None:
        data["structure"] = structure_record(snap.structure)
    data["source_text"] = snap.document.text.split("\n")
    return data


def review_data(
    review: Review, folder: Path | None, extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The review as it stands, as plain data (see ``snapshot_data``)."""
    return snapshot_data(snapshot(review), folder, extra)


def review_bytes(review: Review, path: Path) -> bytes:
    """The review file of ``review`` as it stands, as it would be written to ``path``.

    For a process that makes review files without writing them (a corpus worker, whose
    result one writer puts on disk); ``write_review_file`` writes the same bytes.
    """
    data = snapshot_data(snapshot(review), path.parent)
    pieces = dump_pieces(data, comment=HEADER)
    data.clear()  # (the records go before the file's bytes are made)
    return encode_all(pieces)


def write_snapshot(
    snap: Snapshot, path: Path, extra: Mapping[str, Any] | None = None, relative: bool = True
) -> None:
    """Write a snapshot to ``path`` atomically (safe to call from a worker thread).

    The source path is written relative to the file's folder, unless ``relative`` is off
    (a recovery file lives elsewhere).

    Raises:
        WriteError: the file could not be written; any old file at ``path`` is intact.
    """
    data = snapshot_data(snap, path.parent if relative else None, extra)
    pieces = dump_pieces(data, comment=HEADER)
    data.clear()  # (the records go before the file is written)
    atomic_write_chunks(path, (piece.encode("utf-8") for piece in pieces))


def write_review_file(
    review: Review, path: Path, extra: Mapping[str, Any] | None = None, relative: bool = True
) -> None:
    """Write ``review`` to ``path`` atomically, as it stands (no new version).

    Raises:
        WriteError: the file could not be written; any old file at ``path`` is intact.
    """
    write_snapshot(snapshot(review), path, extra, relative)


@dataclass(frozen=True)
class SaveRequest:
    """A save fixed where the review lives; ``write_save`` may run elsewhere (the worker).

    Attributes:
        snap: the review as it stood.
        path: where to write.
        number, time, reviewer, message: of the version to add.
        notes: what Korrektur notes in the version (taken from ``Review.notes``).
        revision: the review's revision the snapshot holds.
        expected: the stamp the file at ``path`` must still have (None: not compared).
        previous: the decisions of the newest saved version (None: made from the
            snapshot's versions where the save is written).
    """

    snap: Snapshot
    path: Path
    number: int
    time: str
    reviewer: str
    message: str
    notes: tuple[str, ...]
    revision: int
    expected: Stamp | None = None
    previous: State | None = None


@dataclass(frozen=True)
class Written:
    """What ``write_save`` wrote: the new version, the decisions it records, the file's stamp.

    ``state`` may be None where it was not carried back (from a worker process): the
    history makes it again from the versions when it is asked for.
    """

    version: Version
    state: State | None
    stamp: Stamp | None = None


def prepare_save(
    review: Review,
    path: Path | None = None,
    *,
    message: str = "",
    reviewer: str | None = None,
    time: str | None = None,
) -> SaveRequest:
    """Fix what a save of ``review`` writes (cheap: a snapshot; the GUI thread does it).

    Raises:
        ValueError: no path given and the review has none.
    """
    target = path or review.path
    if target is None:
        raise ValueError("the review has no file yet; give a path")
    return SaveRequest(
        snap=snapshot(review),
        path=target,
        number=len(review.history) + 1,
        time=time or now_iso(),
        reviewer=reviewer if reviewer is not None else review.session.reviewer,
        message=message,
        notes=tuple(review.notes),
        revision=review.revision,
        expected=review.disk_stamp if target == review.path else None,
    )


def write_save(request: SaveRequest) -> Written:
    """Make the new version and write the review file with it (slow: the worker does it).

    Nothing is changed in the review: ``finish_save`` records the version afterwards. The
    file is written under its lock, and only if no other program wrote it since the review
    read it (or last saved it).

    Raises:
        ChangedOnDisk: another program wrote the file meanwhile; nothing was written.
        WriteError: the file could not be written; any old file at the path is intact.
    """
    snap = request.snap
    state = dict(zip((s.id for s in snap.suggestions), snap.decisions, strict=True))
    previous = request.previous
    if previous is None:
        previous = History(snap.versions).latest()
    version = new_version(
        previous,
        state,
        number=request.number,
        time=request.time,
        reviewer=request.reviewer,
        message=request.message,
        note="; ".join(request.notes),
    )
    with review_lock(request.path):
        check_unchanged(request.path, request.expected)
        remove_leftovers(request.path, older_than=0)  # (no one else writes it meanwhile)
        write_snapshot(replace(snap, versions=(*snap.versions, version)), request.path)
        stamp = stamp_of(request.path)
    return Written(version, state, stamp)


def finish_save(review: Review, request: SaveRequest, written: Written) -> Version:
    """Record a written save in ``review``: its version, its file, what is now saved.

    Call it on the thread that owns the review, in the order the saves were prepared; work
    done since ``prepare_save`` stays unsaved.
    """
    review.history.add(written.version, written.state)
    review.path = request.path
    review.disk_stamp = written.stamp
    del review.notes[: len(request.notes)]
    review.mark_saved(request.revision)
    return written.version


def save_review(
    review: Review,
    path: Path | None = None,
    *,
    message: str = "",
    reviewer: str | None = None,
    time: str | None = None,
) -> Version:
    """Add a version and write the review file (to ``path``, else where it was).

    Raises:
        WriteError: nothing was written; the review keeps its work and gains no version.
        ValueError: no path given and the review has none.
    """
    request = prepare_save(review, path, message=message, reviewer=reviewer, time=time)
    return finish_save(review, request, write_save(request))
