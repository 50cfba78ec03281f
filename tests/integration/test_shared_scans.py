"""The scan readers on ../shared/corpus/scans (skipped with a reason when it is not there).

The full comparison of all 16 documents, with suggestions, is bench/scans.py; here two
documents check that hOCR and ALTO read to the .raw.txt exactly and the PDF to its words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from korrektur.formats.sources import read_document
from korrektur.model import Document
from korrektur.model.layout import is_word

SCANS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "scans"

pytestmark = pytest.mark.skipif(
    not (SCANS / "scan-1.hocr").is_file(),
    reason=f"../shared/corpus/scans is not beside the repository (looked in {SCANS})",
)


@pytest.mark.parametrize("name", ["scan-1", "scan-7"])
def test_scans_read_as_their_raw_text(name):
    raw = Document.from_path(SCANS / f"{name}.raw.txt")
    for suffix in (".hocr", ".alto.xml", ".pdf"):
        document = read_document(SCANS / f"{name}{suffix}")
        assert document.scan is not None
        if suffix == ".pdf":  # the PDF layer has no paragraph marks or double spaces
            assert document.text.split() == raw.text.split()
        else:
            assert document.text == raw.text
        words = [
            (t.start, t.end) for t in document.tokens if is_word(document.text[t.start : t.end])
        ]
        assert document.scan.box_coverage(words) >= 0.99
        assert len(document.scan.pages) == 4
        assert not document.scan.missing_images()
