"""The document under review: decoded text with lines, pages and tokens."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from korrektur.model.compose import Composition, compose
from korrektur.model.encoding import decode_bytes
from korrektur.model.errors import DocumentError, reading
from korrektur.model.geometry import ScanLayout
from korrektur.model.layout import Line, Page, Token, is_word, split_lines, tokenize
from korrektur.model.newlines import detect_newline, normalise_newlines
from korrektur.model.pages import AutoSplitter, PageSplitter

# The largest report Korrektur opens, as measured (bench/large.py, bench/README.md): an 8 MB
# report, some 1.1 million words or 2,400 pages, is analysed by every command and shown in
# the window in about a minute of CPU time and at most 1.6 GB; 16 MB took 2.7 GB. (50 MB was
# accepted once and then took minutes and many gigabytes.)
MAX_BYTES = 8 * 1024 * 1024


def check_size(size: int, limit: int | None = None) -> None:
    """Refuse a source of ``size`` bytes (or characters of text) past the input limit.

    Raises:
        DocumentError: saying by how much.
    """
    limit = MAX_BYTES if limit is None else limit
    if size > limit:
        raise DocumentError(
            f"the file is {size / 1024 / 1024:.1f} MB ({size:,} bytes); Korrektur opens text "
            f"files up to {limit / 1024 / 1024:.0f} MB ({limit:,} bytes). Split the report "
            "into parts."
        )


@dataclass(frozen=True)
class Document:
    """A plain-text document, read-only.

    Attributes:
        text: the text with newlines normalised to ``\\n``; every offset refers to it.
        name: file name (or a label for text not read from a file).
        path: where it was read from, if anywhere.
        encoding: Python codec to write it back as the source was.
        encoding_label: the encoding for people ("UTF-8", "Windows-1252", …).
        newline: the source's newline style, used on export.
        sha256: hash of the source bytes, to notice when a source changed.
        size: size of the source in bytes.
        lines, pages, tokens: the layout, as offset spans (``tokens`` made when first
            asked for: the window, which never asks, keeps none).
        scan: for a scan (hOCR, ALTO, PAGE XML, PDF), its page images and word boxes;
            None for plain text.
        composition: how letters written with combining marks were composed (None: the
            text was composed already); offsets map back to the source as decoded.
        replaced_lines: lines (1-based) where bytes that were not UTF-8 were replaced by
            U+FFFD in a file that is UTF-8 otherwise.
    """

    text: str
    name: str = "untitled.txt"
    path: Path | None = None
    encoding: str = "utf-8"
    encoding_label: str = "UTF-8"
    newline: str = "\n"
    sha256: str = ""
    size: int = 0
    splitter: PageSplitter = field(default_factory=AutoSplitter, repr=False, compare=False)
    scan: ScanLayout | None = field(default=None, repr=False, compare=False)
    composition: Composition | None = field(default=None, repr=False, compare=False)
    replaced_lines: tuple[int, ...] = field(default=(), repr=False, compare=False)
    lines: list[Line] = field(init=False, repr=False, compare=False)
    pages: list[Page] = field(init=False, repr=False, compare=False)
    _line_starts: list[int] = field(init=False, repr=False, compare=False)
    _page_firsts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lines = split_lines(self.text)
        object.__setattr__(self, "lines", lines)
        object.__setattr__(self, "_line_starts", [line.start for line in lines])
        starts = self.splitter.page_starts(self.text, lines)
        pages = []
        for number, first in enumerate(starts, start=1):
            last = (starts[number] if number < len(starts) else len(lines)) - 1
            pages.append(Page(lines[first].start, lines[last].end, number, first, last))
        object.__setattr__(self, "pages", pages)
        object.__setattr__(self, "_page_firsts", [page.first_line for page in pages])

    @classmethod
    def from_text(cls, text: str, name: str = "untitled.txt") -> Document:
        """A document from a string (newlines are normalised, letters composed)."""
        data = text.encode("utf-8")
        composed, composition = compose(normalise_newlines(text))
        return cls(
            composed,
            name=name,
            composition=composition,
            newline=detect_newline(text),
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
        )

    @classmethod
    def from_bytes(cls, data: bytes, name: str, path: Path | None = None) -> Document:
        """Decode a file's bytes into a document.

        Raises:
            DocumentError: empty, binary, undecodable or oversized input.
        """
        check_size(len(data))
        decoded = decode_bytes(data)
        composed, composition = compose(normalise_newlines(decoded.text))
        return cls(
            composed,
            name=name,
            path=path,
            composition=composition,
            replaced_lines=decoded.replaced_lines,
            encoding=decoded.encoding,
            encoding_label=decoded.label,
            newline=detect_newline(decoded.text),
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
        )

    @classmethod
    def from_path(cls, path: str | Path) -> Document:
        """Read a document from disk; the file is only read, never written.

        Raises:
            DocumentError: the file is missing, unreadable, or not usable text.
        """
        path = Path(path)
        with reading(path):
            if path.is_dir():
                raise DocumentError(f"{path.name}: this is a folder, not a text file.")
            try:
                check_size(path.stat().st_size)
            except DocumentError as exc:
                raise DocumentError(f"{path.name}: {exc}") from exc
            data = path.read_bytes()
        try:
            return cls.from_bytes(data, path.name, path.resolve())
        except DocumentError as exc:
            raise DocumentError(f"{path.name}: {exc}") from exc

    @property
    def reading_notes(self) -> list[str]:
        """What reading the source changed, for people (empty: nothing)."""
        notes = []
        if self.replaced_lines:
            lines = ", ".join(map(str, self.replaced_lines[:10]))
            more = (
                f" and {len(self.replaced_lines) - 10} more"
                if len(self.replaced_lines) > 10
                else ""
            )
            notes.append(
                f"bytes that are not UTF-8 were replaced by \ufffd on line"
                f"{'s' if len(self.replaced_lines) > 1 else ''} {lines}{more}"
            )
        if self.composition is not None:
            notes.append(self.composition.note)
        return notes

    @cached_property
    def tokens(self) -> list[Token]:
        """The whitespace-separated tokens, in order."""
        return tokenize(self.text, self.lines)

    @property
    def word_count(self) -> int:
        """Tokens that contain a letter or a digit."""
        return sum(1 for t in self.tokens if is_word(self.text[t.start : t.end]))

    def line_index_at(self, offset: int) -> int:
        """0-based index of the line that holds ``offset`` (a newline belongs to its line)."""
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    def page_index_at(self, offset: int) -> int:
        """0-based index of the page that holds ``offset``."""
        line = self.line_index_at(offset)
        return max(0, bisect.bisect_right(self._page_firsts, line) - 1)

    def line_text(self, index: int) -> str:
        """Text of line ``index`` without its newline."""
        line = self.lines[index]
        return self.text[line.start : line.end]
