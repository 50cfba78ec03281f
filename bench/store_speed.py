"""Time saving, loading, autosaving, re-anchoring and exporting a large review.

Run: .venv/bin/python bench/store_speed.py [PAGES]. The text is generated here (no corpus).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from korrektur.formats.exporters import EXPORTERS
from korrektur.formats.reading import ExportOptions
from korrektur.model import Document, Kind, ReviewSession, Suggestion
from korrektur.store.autosave import Autosaver
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review, snapshot
from korrektur.store.reviewread import load_review
from korrektur.workspace.opening import open_source

# About one word in four is damaged, as in the real OCR of the development sets.
WORDS = [
    "forvaltningen",
    "har",
    "okat",
    "stodet",
    "pa",
    "skolor",
    "med",
    "storst",
    "behov",
    "och",
    "larare",
    "elever",
    "i",
    "kommunen",
    "under",
    "hela",
    "året",
    "som",
    "gick",
    "mellan",
    "de",
    "olika",
    "enheterna",
    "inom",
    "staden",
]


def make_text(pages: int, rng: random.Random) -> str:
    out = []
    for page in range(1, pages + 1):
        out.append(f" Ekby kommun    Sida {page} ({pages})")
        for _ in range(8):
            for _ in range(6):
                out.append(" ".join(rng.choice(WORDS) for _ in range(10)))
            out.append("")
    return "\n".join(out) + "\n"


def analyse(document: Document) -> list[Suggestion]:
    found = []
    for token in document.tokens:
        word = document.text[token.start : token.end]
        if word in {"forvaltningen", "okat", "stodet", "pa", "storst", "larare"}:
            fixed = word.replace("o", "ö", 1).replace("a", "å", 1)
            found.append(
                Suggestion(
                    f"s{len(found) + 1}",
                    token.start,
                    token.end,
                    word,
                    fixed,
                    frozenset({Kind.DIACRITIC}),
                    0.9,
                )
            )
    return found


def timed(label: str, func):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func()
    print(f"{label:34} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp())
    source = folder / "stor.txt"
    source.write_text(make_text(pages, rng), encoding="utf-8")
    document = Document.from_path(source)
    session = ReviewSession(document, analyse(document), reviewer="Bench")
    print(f"{pages} pages, {document.word_count} words, {len(session.suggestions)} suggestions")
    review = Review(session, source_path=source)
    ids = [s.id for s in session.suggestions]
    session.accept(*ids[::2])
    path = review_path_for(source)
    timed("save (first version)", lambda: save_review(review, path))
    session.reject(*ids[1::4])
    timed("save (second version)", lambda: save_review(review, path))
    print(f"{'review file size':34} {path.stat().st_size / 1e6:7.2f} MB")
    timed("load", lambda: load_review(path))
    saver = Autosaver(review, folder / "recovery")
    session.accept(ids[1])
    timed("snapshot (GUI thread part)", lambda: snapshot(review))
    timed("autosave (recovery file)", saver.save_now)
    text = source.read_text(encoding="utf-8")
    source.write_text("Ny rad i början.\n" + text.replace("Sida 7 ", "Sida sju "), encoding="utf-8")
    timed("open changed source (re-anchor)", lambda: open_source(source, analyse))
    for name, exporter in EXPORTERS.items():
        timed(f"export {name}", lambda e=exporter: e.write(review, ExportOptions()))


if __name__ == "__main__":
    main()
