"""A three-page scan for the window tests: page images drawn with Pillow, hOCR and a PDF.

The words are those the fake engine corrects (fakes.WORDS), so every page has suggestions.
The writers are the format tests' own (tests/core/formats/scan_samples.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "core" / "formats"))

from scan_samples import hocr, line, searchable_pdf, write_images  # noqa: E402

PAGES = [
    [
        [
            line(200, "Forvaltningen", "har", "6kat", "stodet", "pa", "skolan."),
            line(240, "Det", "&r", "bra", "att", "eleverna", "far", "lasa", "mer."),
        ]
    ],
    [
        [
            line(200, "Skolan", "far", "mer", "pengar", "pa", "hosten."),
            line(240, "Larare", "och", "elever", "&r", "nojda."),
        ]
    ],
    [[line(200, "Resultaten", "redovisas", "for", "namnden.")]],
]


def write_scan(folder: Path) -> dict[str, Path]:
    """The scan as hOCR with its page images, and as a searchable PDF."""
    images = write_images(folder, PAGES)
    path = folder / "rapport.hocr"
    path.write_text(hocr(images, PAGES), encoding="utf-8")
    return {
        "hocr": path,
        "pdf": searchable_pdf(folder, images, PAGES),
        "images": [folder / image for image in images],  # type: ignore[dict-item]
    }
