"""Which files of a source folder are documents (a worker reads one with ``read_bytes``).

Every format Korrektur reads (plain text, hOCR, ALTO, PAGE XML, searchable PDF) may be in
one corpus: ``formats.sources`` tells them apart by content and suffix, from the bytes a
worker is sent. A folder of per-page ALTO or PAGE files is not a document of a corpus; its
files would each be one (give the corpus the multi-page file instead).
"""

from __future__ import annotations

SOURCE_PATTERNS = ("*.txt", "*.hocr", "*.xml", "*.pdf")
"""The file patterns of the formats Korrektur reads."""


def default_include() -> tuple[str, ...]:
    """The file patterns a new project includes when none are given: every readable kind."""
    return SOURCE_PATTERNS
