"""Turn the pages, lines and words a scan reader found into a Document with its layout.

Every scan format becomes text the way Tesseract writes its plain-text output, which is how
the OCR text files Korrektur reviews look: one line per printed line, words separated by one
space (a word's own leading space, which Tesseract keeps for a wide gap, stays), a blank line
after each paragraph, and every page starting with a line that begins with a space. So the
text of a scan is the text of its ``.txt`` twin character for character, and the engine, the
review file and every export work on it unchanged.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from korrektur.model.document import MAX_BYTES, Document
from korrektur.model.errors import DocumentError
from korrektur.model.geometry import Box, LineBox, PageImage, ScanLayout, WordBox
from korrektur.model.pages import KnownPageStarts

_SPACE_LIKE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})


@dataclass
class ScanWord:
    """A word as a reader found it.

    Attributes:
        text: the word (may start with a space, as Tesseract writes a wide gap).
        box: its box, if the source gives one.
        confidence: OCR word confidence in 0..1, if known.
        ref: its position among the source's word elements (for writing back).
    """

    text: str
    box: Box | None = None
    confidence: float | None = None
    ref: int = -1


@dataclass
class ScanLine:
    """A printed line: its words, box and position among the source's line elements."""

    words: list[ScanWord]
    box: Box | None = None
    ref: int = -1


@dataclass
class ScanPage:
    """A page: its image and its paragraphs of lines."""

    image: PageImage
    paragraphs: list[list[ScanLine]] = field(default_factory=list)


@dataclass(frozen=True)
class ScanFile:
    """What a reader knows about the file it read.

    Attributes:
        path: the file or folder.
        data_hash: SHA-256 of the bytes read (all files of a folder, in order).
        size: bytes read.
        label: the format for people ("hOCR", "ALTO v3", "PDF 1.5" …).
        format: the format's short name.
    """

    path: Path
    data_hash: str
    size: int
    label: str
    format: str


def _word_span(position: int, word: str) -> tuple[int, int]:
    lead = len(word) - len(word.lstrip(" "))
    body = word.strip(" ")
    return position + lead, position + lead + len(body)


def build_document(pages: list[ScanPage], source: ScanFile) -> Document:
    """The Document (text, pages, word and line boxes) of a scan.

    Raises:
        DocumentError: the source has no text, or no word or line has a box.
    """
    parts: list[str] = []
    words: list[WordBox] = []
    line_boxes: list[LineBox] = []
    page_starts: list[int] = []
    offset = 0
    line_number = 0
    has_box = False
    for page_index, page in enumerate(pages):
        page_starts.append(line_number)
        prefix = " "
        lines_here = [line for para in page.paragraphs for line in para if _words(line)]
        if not lines_here:
            parts.append(" \n")
            offset += 2
            line_number += 1
            continue
        for para in page.paragraphs:
            para_lines = [line for line in para if _words(line)]
            if not para_lines:
                continue
            for line in para_lines:
                texts = _words(line)
                line_text = prefix + " ".join(text for _, text in texts)
                position = offset + len(prefix)
                line_words = []
                for word, text in texts:
                    start, end = _word_span(position, text)
                    box = word.box
                    if box is not None:
                        has_box = True
                    line_words.append((start, end, word, box))
                    position += len(text) + 1
                derived = _derive_missing(line_words, line.box)
                for (start, end, word, _), (box, is_derived) in zip(
                    line_words, derived, strict=True
                ):
                    if box is not None:
                        words.append(
                            WordBox(
                                start, end, page_index, box, word.confidence, word.ref, is_derived
                            )
                        )
                line_box = line.box or _union([b for b, _ in derived if b is not None])
                if line_box is not None:
                    has_box = True
                    line_boxes.append(LineBox(line_number, page_index, line_box, line.ref))
                parts.append(line_text + "\n")
                offset += len(line_text) + 1
                line_number += 1
                prefix = ""
            parts.append("\n")
            offset += 1
            line_number += 1
        # the blank line after a page's last paragraph is not written (as Tesseract's text)
        parts.pop()
        offset -= 1
        line_number -= 1
    text = "".join(parts)
    if len(text) > MAX_BYTES:  # (the input limit, for the text a scan holds)
        raise DocumentError(
            f"{source.path.name}: its text has {len(text):,} characters; Korrektur opens "
            f"reports of up to {MAX_BYTES:,} characters ({MAX_BYTES // 1024 // 1024} MB). "
            "Split the scan into parts."
        )
    if not text.strip():
        raise DocumentError(f"{source.path.name}: the {source.label} file holds no text.")
    if not has_box:
        raise DocumentError(
            f"{source.path.name}: the {source.label} file has no word or line boxes, so its "
            "page cannot be shown; open its plain text instead."
        )
    layout = ScanLayout(source.format, source.path, [p.image for p in pages], words, line_boxes)
    return Document(
        text,
        name=source.path.name,
        path=source.path.resolve(),
        encoding="utf-8",
        encoding_label=source.label,
        newline="\n",
        sha256=source.data_hash,
        size=source.size,
        splitter=KnownPageStarts(page_starts),
        scan=layout,
    )


def _words(line: ScanLine) -> list[tuple[ScanWord, str]]:
    """The line's words that hold text, with their text made single-line."""
    result = []
    for word in line.words:
        # (composed: a letter and its combining marks are one letter, see model.compose)
        text = unicodedata.normalize("NFC", word.text.translate(_SPACE_LIKE))
        if text.strip():
            result.append((word, text.rstrip(" ")))
    return result


def _union(boxes: list[Box]) -> Box | None:
    return Box.union(boxes) if boxes else None


def _derive_missing(
    line_words: list[tuple[int, int, ScanWord, Box | None]], line_box: Box | None
) -> list[tuple[Box | None, bool]]:
    """Each word's box; words without one get a share of the line's box by length."""
    if line_box is None or all(box is not None for *_, box in line_words):
        return [(box, False) for *_, box in line_words]
    weights = [float(end - start + 1) for start, end, _, _ in line_words]
    shares = line_box.split(weights)
    return [
        (box, False) if box is not None else (share, True)
        for (*_, box), share in zip(line_words, shares, strict=True)
    ]


def hash_bytes(chunks: list[bytes]) -> tuple[str, int]:
    """SHA-256 and total size of the bytes a reader read."""
    digest = hashlib.sha256()
    size = 0
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def resolve_image(reference: str, folder: Path) -> Path | None:
    """The image file a source names, resolved against the source's folder.

    Sources name images relative to themselves (``scan-1/page-001.png``) or by an absolute
    path of the machine that ran the OCR; when that path is not here, the same file name
    beside the source is tried. The result may not exist (the caller reports it).
    """
    reference = reference.strip()
    if not reference:
        return None
    if reference.startswith("file://"):
        reference = reference[len("file://") :]
    candidate = Path(reference)
    path = candidate if candidate.is_absolute() else folder / candidate
    if path.is_file():
        return path
    beside = folder / Path(reference.replace("\\", "/")).name
    return beside if beside.is_file() else path
