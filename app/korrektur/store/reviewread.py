"""Read a review file back and check it, with messages that say where it is wrong."""

from __future__ import annotations

import codecs
import os
from dataclasses import replace
from pathlib import Path

import yaml

from korrektur.gcpause import gc_paused
from korrektur.model import Document, ReviewSession, Suggestion
from korrektur.store.history import History, Version, count_marks
from korrektur.store.pieces import release
from korrektur.store.provenance import ToolInfo
from korrektur.store.records import Unanchored, expand_ids, read_mark, read_suggestion
from korrektur.store.review import Review
from korrektur.store.reviewfile import FORMAT, FORMAT_VERSION, NEWLINES
from korrektur.store.validate import Fields, ReviewFileError
from korrektur.store.yamlread import load


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


def _read_suggestions(
    fields: Fields, key: str, text: str, reasons: dict[tuple[str, str], str]
) -> list[Suggestion]:
    suggestions = []
    for where, item in fields.items(key):
        record = Fields(item, where)
        suggestion = read_suggestion(record, reasons)
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
    reasons: dict[tuple[str, str], str] = {}  # one object per distinct reason read
    current = _read_suggestions(fields, "suggestions", text, reasons)
    retired = _read_suggestions(fields, "retired", text, reasons)
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


def check_utf8(raw: bytes, chunk: int = 1 << 20) -> None:
    """Raise ``UnicodeDecodeError`` unless ``raw`` is UTF-8.

    Checked a megabyte at a time: one decode of a 300-page review holds the interpreter
    lock for tens of milliseconds.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(raw), chunk):
        decoder.decode(raw[start : start + chunk])
    decoder.decode(b"", final=True)


def read_review_data(path: Path) -> object:
    """The parsed content of a review file.

    Raises:
        ReviewFileError: missing, unreadable, not UTF-8 or not YAML.
    """
    try:
        raw = path.read_bytes()
        check_utf8(raw)
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
        return load(raw)  # the bytes: libyaml would encode a str back to UTF-8 in one call
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
    with gc_paused():  # half a million new objects: collecting meanwhile only costs time
        data = read_review_data(path)
        try:
            review = review_from_data(data, path)
        except ReviewFileError as exc:
            raise ReviewFileError(f"{path.name}: {exc}") from None
        finally:
            release(data)  # the review keeps none of it: freed a slice at a time
    review.mark_saved()
    return review
