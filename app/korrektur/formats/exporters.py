"""The export formats by name, and writing an export to a file."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from korrektur.formats.reading import ExportOptions
from korrektur.store.atomic import atomic_write_bytes
from korrektur.store.review import Review

Writer = Callable[[Review, ExportOptions], bytes]


@dataclass(frozen=True)
class Exporter:
    """One export format.

    Attributes:
        name: as given to ``--format``.
        suffix: the usual file suffix.
        label: for menus and file dialogs.
        binary: not text (cannot go to a terminal).
        writer: the function that builds the file's bytes, as ``module:function`` (imported
            when an export is made: the PDF writer's libraries alone take 60 MB, and the
            window only lists the formats).
        needs_scan: only for reviews of scans (hOCR, ALTO, PAGE, PDF sources); the window
            offers it only then.
    """

    name: str
    suffix: str
    label: str
    binary: bool
    writer: str
    needs_scan: bool = False

    def write(self, review: Review, options: ExportOptions) -> bytes:
        """The export's bytes."""
        module, function = self.writer.split(":")
        made = getattr(importlib.import_module(f"korrektur.formats.{module}"), function)
        return cast(Writer, made)(review, options)


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("txt", ".txt", "Plain text", False, "export_plain:export_txt"),
        Exporter("tei", ".xml", "TEI P5 XML", False, "export_tei:export_tei"),
        Exporter("json", ".json", "JSON annotation", False, "export_plain:export_json"),
        Exporter("csv", ".csv", "CSV table of decisions", False, "export_plain:export_csv"),
        Exporter("html", ".html", "HTML review report", False, "export_html:export_html"),
        Exporter("docx", ".docx", "Word document", True, "export_docx:export_docx"),
        Exporter(
            "hocr",
            ".hocr",
            "hOCR with corrected words (hOCR sources)",
            False,
            "write_hocr:export_hocr",
            True,
        ),
        Exporter(
            "alto",
            ".alto.xml",
            "ALTO with corrected words (ALTO sources)",
            False,
            "write_alto:export_alto",
            True,
        ),
        Exporter(
            "page",
            ".page.xml",
            "PAGE XML with corrected words (PAGE sources)",
            False,
            "write_page:export_page",
            True,
        ),
        Exporter(
            "pdf",
            ".pdf",
            "Searchable PDF, corrected text layer (scans)",
            True,
            "write_pdf:export_pdf",
            True,
        ),
    )
}


def format_for(path: Path) -> str | None:
    """The format a file name asks for by its suffix (``.alto.xml`` → ``alto``), if any."""
    name = path.name.lower()
    aliases = {".text": "txt", ".tei": "tei", ".htm": "html"}
    # longest suffix first: report.alto.xml is ALTO, report.xml is TEI
    for exporter in sorted(EXPORTERS.values(), key=lambda e: -len(e.suffix)):
        if name.endswith(exporter.suffix):
            return exporter.name
    return aliases.get(path.suffix.lower())


def export_to(review: Review, name: str, path: Path, options: ExportOptions) -> None:
    """Write the export atomically.

    Raises:
        ValueError: the output is the source or the review file.
        WriteError: the file could not be written; nothing was changed.
    """
    export_to_bytes(review, path, EXPORTERS[name].write(review, options))


def export_to_bytes(review: Review, path: Path, data: bytes) -> None:
    """Write an export's bytes atomically, never over the source or the review file.

    Raises:
        ValueError: the output is the source or the review file.
        WriteError: the file could not be written; nothing was changed.
    """
    target = path.resolve()
    source = review.source_path or review.session.document.path
    if source is not None and target == source.resolve():
        raise ValueError("refusing to overwrite the source file; choose another output file")
    if review.path is not None and target == review.path.resolve():
        raise ValueError("refusing to overwrite the review file; choose another output file")
    atomic_write_bytes(path, data)
