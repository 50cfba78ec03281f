"""The review file (``REPORT.review.yaml``): write a review, read and validate it back."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from korrektur.model import Document, ReviewSession, Status, Suggestion
from korrektur.store.atomic import atomic_write_text
from korrektur.store.history import History, Version, count_marks
from korrektur.store.provenance import ToolInfo
from korrektur.store.records import (
    Unanchored,
    compress_ids,
    expand_ids,
    mark_record,
    read_mark,
    read_suggestion,
    suggestion_record,
)
from korrektur.store.review import Review
from korrektur.store.validate import Fields, ReviewFileError
from korrektur.store.yamlio import Flow, FlowMap, Name, Spaced, dump, load

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


def _source_record(review: Review, folder: Path | None) -> dict[str, Any]:
    document = review.session.document
    record: dict[str, Any] = {"name": document.name}
    if review.source_path is not None:
        path = review.source_path
        if folder is not None:
            try:
                path = Path(os.path.relpath(review.source_path, folder))
            except ValueError:  # another drive on Windows
                path = review.source_path
        record["path"] = path.as_posix()
    record.update(
        sha256=Name(document.sha256),
        size=document.size,
        encoding=Name(document.encoding),
        encoding_label=document.encoding_label,
        newline=Name(NEWLINES.get(document.newline, "lf")),
    )
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
        record["changes"] = Flow(FlowMap(id=Name(i), **mark_record(m)) for i, m in version.changes)
    return record


def review_data(
    review: Review, folder: Path | None, extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The whole review as plain data in file order (also the JSON export's content).

    The source path is written relative to ``folder`` (absolute when None).
    """
    session = review.session
    counts = session.counts()
    data: dict[str, Any] = {
        "format": Name(FORMAT),
        "format_version": FORMAT_VERSION,
        "source": _source_record(review, folder),
        "tool": {
            "name": Name(review.tool.name),
            "version": review.tool.version,
            "lexicon": review.tool.lexicon,
        },
        "counts": FlowMap((s.value, counts[s]) for s in Status),
    }
    if extra:
        data.update(extra)
    data["versions"] = Spaced(version_record(v) for v in review.history.versions)
    data["suggestions"] = Spaced(suggestion_record(s) for s in session.suggestions)
    retired = review.retired()
    if retired:
        data["retired"] = Spaced(suggestion_record(s) for s in retired)
    if review.unanchored:
        data["unanchored"] = Spaced(u.record() for u in review.unanchored)
    data["source_text"] = session.document.text.split("\n")
    return data


def write_review_file(
    review: Review, path: Path, extra: Mapping[str, Any] | None = None, relative: bool = True
) -> None:
    """Write ``review`` to ``path`` atomically, as it stands (no new version).

    The source path is written relative to the file's folder, unless ``relative`` is off
    (a recovery file lives elsewhere).

    Raises:
        WriteError: the file could not be written; any old file at ``path`` is intact.
    """
    data = review_data(review, path.parent if relative else None, extra)
    atomic_write_text(path, dump(data, comment=HEADER))


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
    target = path or review.path
    if target is None:
        raise ValueError("the review has no file yet; give a path")
    version = review.commit(message, reviewer, time)
    try:
        write_review_file(review, target)
    except BaseException:
        review.history.drop_last()
        raise
    review.path = target
    review.notes.clear()
    review.mark_saved()
    return version


# -- reading ---------------------------------------------------------------------------------


def _read_document(fields: Fields, text: str) -> Document:
    source = fields.mapping("source")
    newline_name = source.optional_text("newline") or "lf"
    newlines = {name: value for value, name in NEWLINES.items()}
    if newline_name not in newlines:
        raise source.fail(f"'newline' must be lf, crlf or cr, found {newline_name!r}")
    return Document(
        text,
        name=source.text("name"),
        encoding=source.optional_text("encoding") or "utf-8",
        encoding_label=source.optional_text("encoding_label") or "UTF-8",
        newline=newlines[newline_name],
        sha256=source.text("sha256"),
        size=source.optional_integer("size") or 0,
    )


def _read_suggestions(fields: Fields, key: str, text: str) -> list[Suggestion]:
    suggestions = []
    for where, item in fields.items(key):
        record = Fields(item, where)
        suggestion = read_suggestion(record)
        actual = text[suggestion.start : suggestion.end]
        if suggestion.end > len(text) or actual != suggestion.original:
            raise record.fail(
                f"'original' {suggestion.original!r} does not match the source text at "
                f"{suggestion.start}..{suggestion.end} ({actual!r})"
            )
        suggestions.append(suggestion)
    return suggestions


def _read_version(fields: Fields, number: int) -> Version:
    if fields.integer("number") != number:
        raise fields.fail(f"versions must be numbered 1, 2, …; expected {number}")
    changes = []
    for where, item in fields.items("changes"):
        change = Fields(item, where)
        changes.append((change.text("id"), read_mark(change)))
    return Version(
        number=number,
        time=fields.text("time"),
        reviewer=fields.optional_text("reviewer") or "",
        message=fields.optional_text("message") or "",
        note=fields.optional_text("note") or "",
        added=tuple(expand_ids(fields.texts("added"), f"{fields.where}.added")),
        removed=tuple(expand_ids(fields.texts("removed"), f"{fields.where}.removed")),
        changes=tuple(changes),
    )


def _read_history(fields: Fields, known: set[str]) -> History:
    versions = []
    for number, (where, item) in enumerate(fields.items("versions"), start=1):
        version = _read_version(Fields(item, where), number)
        unknown = sorted(set(version.added) - known)
        if unknown:
            raise ReviewFileError(
                f"{where}: refers to suggestion {unknown[0]}, which the file lacks"
            )
        versions.append(version)
    history = History(versions)
    # Counts are written for people; recompute them rather than trust a hand-edited file.
    history.versions = [
        replace(v, counts=count_marks(history.state_at(v.number))) for v in versions
    ]
    return history


def review_from_data(data: object, path: Path | None = None) -> Review:
    """Build a review from loaded YAML (or JSON) data.

    Raises:
        ReviewFileError: not a review file, written by a newer Korrektur, or inconsistent.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ReviewFileError(f"this is not a Korrektur review file (no 'format: {FORMAT}')")
    fields = Fields(data, "")
    version = fields.integer("format_version")
    if version > FORMAT_VERSION:
        raise ReviewFileError(
            f"written by a newer Korrektur (review format {version}); this version reads "
            f"format {FORMAT_VERSION} — please update Korrektur"
        )
    text = "\n".join(fields.texts("source_text"))
    document = _read_document(fields, text)
    current = _read_suggestions(fields, "suggestions", text)
    retired = _read_suggestions(fields, "retired", text)
    unanchored = [
        Unanchored.read(Fields(item, where)) for where, item in fields.items("unanchored")
    ]
    known = {s.id for s in [*current, *retired]} | {u.suggestion.id for u in unanchored}
    history = _read_history(fields, known)
    tool_fields = fields.mapping("tool")
    tool = ToolInfo(
        tool_fields.optional_text("name") or "korrektur",
        tool_fields.optional_text("version") or "",
        tool_fields.optional_text("lexicon") or "",
    )
    try:
        session = ReviewSession(document, current)
    except ValueError as exc:
        raise ReviewFileError(f"suggestions: {exc}") from None
    source = fields.mapping("source").optional_text("path")
    source_path = None
    if source is not None:
        source_path = Path(os.path.abspath(source if path is None else path.parent / source))
    return Review(
        session,
        history,
        path=path,
        source_path=source_path,
        tool=tool,
        retired=retired,
        unanchored=unanchored,
    )


def read_review_data(path: Path) -> object:
    """The parsed content of a review file.

    Raises:
        ReviewFileError: missing, unreadable, not UTF-8 or not YAML.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ReviewFileError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise ReviewFileError(f"{path} is a folder, not a review file") from None
    except PermissionError:
        raise ReviewFileError(f"{path} cannot be read (permission denied)") from None
    except OSError as exc:
        raise ReviewFileError(f"{path} cannot be read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ReviewFileError(
            f"{path.name} is not a Korrektur review file (not UTF-8 text)"
        ) from None
    try:
        return load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        place = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ReviewFileError(
            f"{path.name} is damaged: not valid YAML{place} ({exc.problem})"
        ) from None
    except yaml.YAMLError as exc:
        raise ReviewFileError(f"{path.name} is damaged: not valid YAML ({exc})") from None


def load_review(path: Path) -> Review:
    """Read and check a review file.

    Raises:
        ReviewFileError: with the file name and what is wrong.
    """
    data = read_review_data(path)
    try:
        review = review_from_data(data, path)
    except ReviewFileError as exc:
        raise ReviewFileError(f"{path.name}: {exc}") from None
    review.mark_saved()
    return review
