"""Read a review file back and check it, with messages that say where it is wrong."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import yaml

from korrektur.model import Document, ReviewSession, Suggestion
from korrektur.model.compose import Composition
from korrektur.model.document import MAX_BYTES
from korrektur.store.atomic import remove_leftovers
from korrektur.store.history import History, Version, count_decisions
from korrektur.store.lock import stamp_of
from korrektur.store.records import (
    Unanchored,
    expand_ids,
    read_decision,
    read_structure,
    read_suggestion,
)
from korrektur.store.review import Review
from korrektur.store.reviewfile import FORMAT, FORMAT_VERSION, NEWLINES
from korrektur.store.tool import ToolInfo
from korrektur.store.validate import Fields, ReviewFileError
from korrektur.store.yamlread import ExpansionError, load

# A review file holds its source's text and a record of some 300 bytes per suggestion (one
# per four or five words of OCR text): about 12 times the source. Far larger ones are not
# reviews of a report Korrektur opens, and reading them would take many times their size.
MAX_REVIEW_BYTES = 20 * MAX_BYTES

# Versions add and remove each suggestion a few times at most (a restore adds again what
# later versions removed); far more references are a made-up file that would fill memory.
REFERENCES_PER_ID = 64
REFERENCES_EXTRA = 100_000


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
        sha256=_read_sha256(source),
        size=source.optional_integer("size") or 0,
        composition=Composition(composed)
        if (composed := source.optional_integer("composed"))
        else None,
    )


def _read_sha256(source: Fields) -> str:
    value = source.text("sha256")
    if value and not _SHA256.fullmatch(value):  # ("": a text that was never a file)
        raise source.fail(f"'sha256' must be 64 hexadecimal digits, found {value[:70]!r}")
    return value


_SHA256 = re.compile("[0-9a-f]{64}")


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


def _read_version(fields: Fields, number: int, known: Mapping[str, str]) -> Version:
    if fields.integer("number") != number:
        raise fields.fail(f"versions must be numbered 1, 2, …; expected {number}")
    changes = []
    for where, item in fields.items("changes"):
        change = Fields(item, where)
        changes.append((change.text("id"), read_decision(change)))
    return Version(
        number=number,
        time=fields.text("time"),
        reviewer=fields.optional_text("reviewer") or "",
        message=fields.optional_text("message") or "",
        note=fields.optional_text("note") or "",
        added=tuple(expand_ids(fields.texts("added"), f"{fields.where}.added", known)),
        removed=tuple(expand_ids(fields.texts("removed"), f"{fields.where}.removed", known)),
        changes=tuple(changes),
    )


def _read_history(fields: Fields, known: set[str]) -> History:
    ids = {i: i for i in known}
    budget = REFERENCES_PER_ID * len(ids) + REFERENCES_EXTRA
    versions = []
    for number, (where, item) in enumerate(fields.items("versions"), start=1):
        version = _read_version(Fields(item, where), number, ids)
        versions.append(version)
        budget -= len(version.added) + len(version.removed)
        if budget < 0:
            raise ReviewFileError(
                f"{where}: the versions refer to suggestions more often than a review of "
                f"{len(ids)} suggestions can (every suggestion added or removed over "
                f"{REFERENCES_PER_ID} times)"
            )
    history = History(versions)
    # Counts are written for people; recompute them rather than trust a hand-edited file.
    history.versions = [
        replace(v, counts=count_decisions(history.state_at(v.number))) for v in versions
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
    lines = fields.texts("source_text")
    if sum(map(len, lines)) + len(lines) > MAX_BYTES + 1:
        raise ReviewFileError(
            f"source_text: the stored text is longer than {MAX_BYTES // 1024 // 1024} MB; "
            f"Korrektur opens reports up to {MAX_BYTES // 1024 // 1024} MB"
        )
    text = "\n".join(lines)
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
    structure_fields = fields.optional_mapping("structure")
    structure = None if structure_fields is None else read_structure(structure_fields, len(text))
    try:
        session = ReviewSession(document, current, structure=structure)
    except ValueError as exc:
        raise ReviewFileError(f"suggestions: {exc}") from None
    source = fields.mapping("source").optional_text("path")
    source_path = None
    trusted = True
    if source is not None:
        source_path = Path(os.path.abspath(source if path is None else path.parent / source))
        trusted = path is None or within(source_path, path.parent)
    return Review(
        session,
        history,
        path=path,
        source_path=source_path,
        tool=tool,
        retired=retired,
        unanchored=unanchored,
        source_trusted=trusted,
    )


def within(path: Path, folder: Path) -> bool:
    """True when ``path`` lies in ``folder`` or below it (links and ``..`` resolved)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def check_utf8(raw: bytes, chunk: int = 1 << 20) -> None:
    """Raise ``UnicodeDecodeError`` unless ``raw`` is UTF-8.

    Checked a megabyte at a time: the decoded text is not kept, so it is never made whole
    (a 20 MB review file would be 20-80 MB more).
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
        size = path.stat().st_size
        if size > MAX_REVIEW_BYTES:
            raise ReviewFileError(
                f"{path.name} is {size / 1024 / 1024:.1f} MB ({size:,} bytes); Korrektur reads "
                f"review files up to {MAX_REVIEW_BYTES // 1024 // 1024} MB (the review of the "
                "largest report it opens, with many versions)"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReviewFileError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise ReviewFileError(f"{path} is a folder, not a review file") from None
    except PermissionError:
        raise ReviewFileError(f"{path} cannot be read (permission denied)") from None
    except OSError as exc:
        raise ReviewFileError(f"{path} cannot be read: {exc.strerror or exc}") from None
    return parse_review_bytes(raw, path.name)


def parse_review_bytes(raw: bytes, name: str) -> object:
    """The parsed content of the bytes of a review file called ``name``.

    Raises:
        ReviewFileError: not UTF-8 or not YAML.
    """
    try:
        check_utf8(raw)
    except UnicodeDecodeError:
        raise ReviewFileError(f"{name} is not a Korrektur review file (not UTF-8 text)") from None
    try:
        return load(raw)  # the bytes: libyaml would encode a str back to UTF-8 in one call
    except ExpansionError as exc:
        raise ReviewFileError(f"{name} is refused: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        place = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ReviewFileError(f"{name} is damaged: not valid YAML{place} ({exc.problem})") from None
    except yaml.reader.ReaderError as exc:
        line = raw.count(b"\n", 0, exc.position) + 1
        raise ReviewFileError(
            f"{name} is damaged: not valid YAML at line {line} (the character "
            f"U+{exc.character:04X} is not allowed)"
        ) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise ReviewFileError(f"{name} is damaged: not valid YAML ({message})") from None


def load_review_bytes(raw: bytes, path: Path) -> Review:
    """Read and check the bytes of the review file at ``path`` (which need not exist).

    For a process that is handed a review file rather than reading it (a corpus worker).

    Raises:
        ReviewFileError: with the file name and what is wrong.
    """
    if len(raw) > MAX_REVIEW_BYTES:
        raise ReviewFileError(
            f"{path.name} is {len(raw) / 1024 / 1024:.1f} MB; Korrektur reads review files up "
            f"to {MAX_REVIEW_BYTES // 1024 // 1024} MB"
        )
    return _review_of(parse_review_bytes(raw, path.name), path)


def _review_of(data: object, path: Path) -> Review:
    """A review from parsed data."""
    try:
        review = review_from_data(data, path)
    except ReviewFileError as exc:
        raise ReviewFileError(f"{path.name}: {exc}") from None
    review.mark_saved()
    return review


def load_review(path: Path) -> Review:
    """Read and check a review file.

    Raises:
        ReviewFileError: with the file name and what is wrong.
    """
    remove_leftovers(path)  # temporary files of saves a crash interrupted
    stamp = stamp_of(path)  # (before reading: a file replaced meanwhile looks changed)
    review = _review_of(read_review_data(path), path)
    review.disk_stamp = stamp
    return review
