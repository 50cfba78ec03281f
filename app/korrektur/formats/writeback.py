"""Corrected words in the boxes they came from: what the hOCR, ALTO, PAGE and PDF writers write.

A scan is written back line by line: the export text with the source's lines kept (only
word corrections, as ``--keep-lines``) has exactly the source's lines, so each corrected line
is matched to the printed line it came from. Within a line, each corrected word is traced
back through the offset map to the OCR words it covers. A word corrected in place keeps its
box; when a correction splits a word (``isamband`` → ``i samband``) the parts share the
original box by their length; when it joins words, the joined word gets the union of their
boxes, and the others are removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from korrektur.formats.reading import ExportOptions, export_text, session_for
from korrektur.formats.sources import read_document
from korrektur.model.document import Document
from korrektur.model.geometry import Box, ScanLayout, WordBox
from korrektur.model.offsets import OffsetMap
from korrektur.store.atomic import atomic_write_bytes
from korrektur.store.review import Review

_TOKEN = re.compile(r"\S+")


class WriteBackError(ValueError):
    """The source cannot be written back (missing, changed, or not a scan)."""


@dataclass
class CorrectedWord:
    """A word of the corrected text and where it stands.

    Attributes:
        text: the corrected word.
        box: its box (derived when split or joined).
        refs: the source word elements it replaces (several when a correction joined words;
            empty for a word of a line that has no word elements).
        part: its index among the words that share ``refs`` (a split gives 0, 1, …).
        original: the OCR text of those elements, joined by spaces.
        changed: the word differs from the OCR text.
        lead: spaces the source wrote before the word (Tesseract's mark of a wide gap).
    """

    text: str
    box: Box
    refs: list[int]
    part: int = 0
    original: str = ""
    changed: bool = False
    lead: str = ""


@dataclass
class CorrectedLine:
    """A printed line with its corrected text and words."""

    line: int  # 0-based document line
    ref: int  # the source's line element (-1: none)
    page: int
    text: str  # the corrected line without the page-start space
    changed: bool
    words: list[CorrectedWord] = field(default_factory=list)


@dataclass
class CorrectedScan:
    """The corrected words of a scan, line by line, with the source they go back into.

    Attributes:
        source: the source document as read again now (its layout holds the boxes).
        lines: every printed line that has words.
        text: the corrected text (the export text with the source's lines).
        review: the review the corrections come from.
        options: the export options used.
    """

    source: Document
    lines: list[CorrectedLine]
    text: str
    review: Review
    options: ExportOptions

    @property
    def layout(self) -> ScanLayout:
        """The source's layout (a CorrectedScan is only made for scans)."""
        assert self.source.scan is not None
        return self.source.scan

    def word_edits(self) -> dict[int, list[CorrectedWord]]:
        """Source word element → what replaces it ([]: removed), for changed words only."""
        edits: dict[int, list[CorrectedWord]] = {}
        for line in self.lines:
            for word in line.words:
                if not word.changed or not word.refs:
                    continue
                first, *others = word.refs
                edits.setdefault(first, []).append(word)
                for ref in others:
                    edits.setdefault(ref, [])
        return edits

    def changed_count(self) -> int:
        """How many corrected words differ from the OCR text."""
        return sum(1 for line in self.lines for word in line.words if word.changed)


def source_of(review: Review) -> Document:
    """The review's source, read again, checked to be the one the review was made on.

    Raises:
        WriteBackError: no source, not a scan, missing, unreadable or changed since.
    """
    from korrektur.model.errors import DocumentError

    path: Path | None = review.readable_source or review.session.document.path
    if path is None:
        raise WriteBackError("the review names no source file; the scan is needed to write it")
    try:
        source = read_document(path)
    except DocumentError as exc:
        raise WriteBackError(f"the source is needed to write it back: {exc}") from exc
    if source.scan is None:
        raise WriteBackError(
            f"{path.name} is plain text, not a scan: hOCR, ALTO, PAGE and PDF exports need a "
            "scan source (use txt, tei, docx …)"
        )
    expected = review.session.document
    if source.sha256 != expected.sha256 or source.text != expected.text:
        raise WriteBackError(
            f"{path.name} has changed since it was reviewed; open it again in Korrektur "
            "(its decisions are re-anchored) before writing it back"
        )
    return source


def corrected_scan(review: Review, options: ExportOptions) -> CorrectedScan:
    """The corrected words of the review's scan, with boxes.

    Raises:
        WriteBackError: the source cannot be used (see :func:`source_of`).
    """
    source = source_of(review)
    assert source.scan is not None
    session = session_for(review, options)
    exported = export_text(session, replace(options, keep_lines=True))
    layout = source.scan
    by_line: dict[int, list[WordBox]] = {}
    for word in layout.words:
        by_line.setdefault(source.line_index_at(word.start), []).append(word)
    line_refs = {box.line: box for box in layout.lines}
    lines = []
    for index, line in enumerate(source.lines):
        words = by_line.get(index, [])
        line_box = line_refs.get(index)
        if not words and line_box is None:
            continue
        start = exported.offsets.to_corrected(line.start)
        end = exported.offsets.to_corrected(line.end)
        text = exported.text[start:end]
        original = source.text[line.start : line.end]
        corrected = _line_words(source.text, words, exported.text, start, end, exported.offsets)
        page = words[0].page if words else line_box.page if line_box else 0
        lines.append(
            CorrectedLine(
                index,
                line_box.ref if line_box else -1,
                page,
                text[1:] if text.startswith(" ") and index in _page_firsts(source) else text,
                text != original,
                corrected,
            )
        )
    return CorrectedScan(source, lines, exported.text, review, options)


def _page_firsts(document: Document) -> set[int]:
    return {page.first_line for page in document.pages}


def _line_words(
    raw: str,
    words: list[WordBox],
    corrected: str,
    start: int,
    end: int,
    offsets: OffsetMap,
) -> list[CorrectedWord]:
    """The corrected words of one line, traced back to the OCR words they cover."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(corrected, start, end)]
    spans = [(offsets.to_raw(s), offsets.to_raw(e)) for s, e in tokens]
    # group tokens and words that overlap (union-find over both)
    parent = list(range(len(tokens) + len(words)))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for t_index, (raw_start, raw_end) in enumerate(spans):
        for w_index, word in enumerate(words):
            hit = (
                word.start <= raw_start <= word.end
                if raw_start == raw_end
                else raw_start < word.end and word.start < raw_end
            )
            if hit:
                parent[find(t_index)] = find(len(tokens) + w_index)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for t_index in range(len(tokens)):
        groups.setdefault(find(t_index), ([], []))[0].append(t_index)
    for w_index in range(len(words)):
        groups.setdefault(find(len(tokens) + w_index), ([], []))[1].append(w_index)
    result: list[CorrectedWord] = []
    for token_ids, word_ids in sorted(groups.values(), key=lambda g: (g[0] or [10**9])[0]):
        if not token_ids:
            continue  # OCR words the correction removed: their elements go (word_edits)
        texts = [corrected[tokens[t][0] : tokens[t][1]] for t in token_ids]
        lead = _lead(corrected, tokens[token_ids[0]][0], start)
        if not word_ids:  # no OCR word here (a line without word boxes): no element to fill
            continue
        group = [words[w] for w in word_ids]
        original = " ".join(raw[w.start : w.end] for w in group)
        refs = [w.ref for w in group if w.ref >= 0]
        if len(group) == len(texts):
            for part, (text, word) in enumerate(zip(texts, group, strict=True)):
                old = raw[word.start : word.end]
                result.append(
                    CorrectedWord(
                        text,
                        word.box,
                        [word.ref] if word.ref >= 0 else [],
                        0,
                        old,
                        text != old,
                        lead if part == 0 else "",
                    )
                )
            continue
        boxes = Box.union(w.box for w in group).split([len(t) + 0.5 for t in texts])
        for part, (text, box) in enumerate(zip(texts, boxes, strict=True)):
            result.append(
                CorrectedWord(text, box, refs, part, original, True, lead if part == 0 else "")
            )
    return result


def _lead(text: str, position: int, line_start: int) -> str:
    """The spaces before a word beyond the one that separates words."""
    run = 0
    while position - run - 1 >= line_start and text[position - run - 1] == " ":
        run += 1
    return " " * (run - 1) if run > 1 else ""


def provenance_note(scan: CorrectedScan) -> str:
    """One sentence for the format's metadata: who corrected what, how, from which source."""
    from korrektur.formats.provenance import Provenance

    session = session_for(scan.review, scan.options)
    provenance = Provenance.of(scan.review, session, replace(scan.options, keep_lines=True))
    reviewers = ", ".join(provenance.reviewers) or "nobody yet"
    return (
        f"Words corrected with {provenance.tool_label} on {provenance.exported_at} "
        f"({scan.changed_count()} words changed; reviewers: {reviewers}; "
        f"{provenance.short_policy()}; source {provenance.source_name}, "
        f"SHA-256 {provenance.sha256})."
    )


def box_text(box: Box) -> tuple[int, int, int, int]:
    """A box in whole units, for formats that write integers."""
    return round(box.left), round(box.top), round(box.right), round(box.bottom)


# -- writing files back ------------------------------------------------------------------------

WriteFiles = Callable[[CorrectedScan, list[bytes]], list[bytes]]
"""A writer of one format: the source files' bytes, in page order, corrected."""


def check_format(scan: CorrectedScan, wanted: str) -> None:
    """Refuse to write a source in another format than its own."""
    if scan.layout.format != wanted:
        raise WriteBackError(
            f"the source is {scan.source.encoding_label}; it is written back in its own "
            f"format ({scan.layout.format}) or as a searchable PDF"
        )


def export_file(review: Review, options: ExportOptions, name: str, write: WriteFiles) -> bytes:
    """The source file (of format ``name``) with the corrected words.

    Raises:
        WriteBackError: the source is of another format, or a folder (``export_folder``).
    """
    scan = corrected_scan(review, options)
    check_format(scan, name)
    assert scan.source.path is not None
    if scan.source.path.is_dir():
        raise WriteBackError(
            f"the source is a folder of {name.upper()} files; export it into a folder: "
            f"korrektur export REVIEW --format {name} -o FOLDER"
        )
    return write(scan, [scan.source.path.read_bytes()])[0]


def export_folder(
    review: Review,
    options: ExportOptions,
    folder: Path,
    name: str,
    files_of: Callable[[Path], list[Path]],
    write: WriteFiles,
) -> list[Path]:
    """Write a source's files (a folder's, by ``files_of``), corrected, into ``folder``.

    The files keep their names. Returns the files written.

    Raises:
        WriteBackError: another format, or ``folder`` is the source's own.
    """
    scan = corrected_scan(review, options)
    check_format(scan, name)
    assert scan.source.path is not None
    source = scan.source.path
    files = files_of(source) if source.is_dir() else [source]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file, data in zip(files, write(scan, [f.read_bytes() for f in files]), strict=True):
        target = folder / file.name
        if target.resolve() == file.resolve():
            raise WriteBackError("refusing to overwrite the source files; choose another folder")
        atomic_write_bytes(target, data)
        written.append(target)
    return written
