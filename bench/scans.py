"""Scan readers benchmark: hOCR, ALTO and PDF of ../shared/corpus/scans against their .raw.txt.

    python bench/scans.py [--docs scan-1 scan-2 ...] [--write]

For every scan-N and each of its sources (scan-N.hocr, scan-N.alto.xml, scan-N.pdf), read by
korrektur.formats.sources.read_document, against korrektur's reading of scan-N.raw.txt:
* words identical: the same words in the same order (whitespace-separated chunks);
* text identical: the same text character for character (then everything downstream is too);
* boxes: the share of words that have a box on a page;
* same suggestions: the word suggestions (`--kinds word`) of the source and of the .raw.txt,
  matched by word position, original and replacement: how many of the .raw.txt's suggestions
  the source gives too, and how many it gives that the .raw.txt does not.
Also the reading time per page. Prints Markdown; `--write` puts it into bench/README.md
between the scans result markers.
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from korrektur.engine import default_engine
from korrektur.formats.sources import read_document
from korrektur.model import KIND_GROUPS, Document
from korrektur.model.layout import is_word

ROOT = Path(__file__).resolve().parent.parent
SCANS = ROOT.parent / "shared" / "corpus" / "scans"
README = ROOT / "bench" / "README.md"
START, END = "<!-- scans:start -->", "<!-- scans:end -->"
SOURCES = (".hocr", ".alto.xml", ".pdf")


def require_scans() -> None:
    if not SCANS.is_dir():
        sys.exit(
            f"bench: the scans are missing: expected {SCANS} (../shared beside the repository)"
        )


def suggestion_keys(document: Document) -> set[tuple[int, str, str]]:
    """``(word index, original, replacement)`` of every word suggestion."""
    starts = [t.start for t in document.tokens]
    suggestions = default_engine().analyse(document, KIND_GROUPS["word"])
    return {
        (bisect.bisect_right(starts, s.start) - 1, s.original, s.replacement) for s in suggestions
    }


@dataclass
class Row:
    doc: str
    source: str
    words: int
    words_identical: bool
    text_identical: bool
    boxed: float
    raw_suggestions: int
    same: int
    extra: int
    ms_per_page: float


def measure(name: str) -> list[Row]:
    raw = Document.from_path(SCANS / f"{name}.raw.txt")
    raw_keys = suggestion_keys(raw)
    rows = []
    for suffix in SOURCES:
        path = SCANS / f"{name}{suffix}"
        started = time.perf_counter()
        document = read_document(path)
        seconds = time.perf_counter() - started
        assert document.scan is not None
        text = document.text
        words = [(t.start, t.end) for t in document.tokens if is_word(text[t.start : t.end])]
        keys = suggestion_keys(document)
        rows.append(
            Row(
                name,
                suffix.lstrip("."),
                len(words),
                text.split() == raw.text.split(),
                text == raw.text,
                document.scan.box_coverage(words),
                len(raw_keys),
                len(raw_keys & keys),
                len(keys - raw_keys),
                1000 * seconds / len(document.scan.pages),
            )
        )
    return rows


def yes(flag: bool, no: str = "no") -> str:
    return "yes" if flag else no


def table(rows: list[Row]) -> str:
    out = [
        "| document | source | words | same words, same order | same text | words with a box "
        "| .raw.txt suggestions | also from source | extra | ms/page |",
        "|---|---|---:|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r.doc} | {r.source} | {r.words} | {yes(r.words_identical, 'NO')} "
            f"| {yes(r.text_identical)} | {r.boxed:.1%} | {r.raw_suggestions} | {r.same} "
            f"| {r.extra} | {r.ms_per_page:.0f} |"
        )
    for source in ("hocr", "alto.xml", "pdf"):
        part = [r for r in rows if r.source == source]
        if not part:
            continue
        raw_total = sum(r.raw_suggestions for r in part)
        same = sum(r.same for r in part)
        words = sum(r.words for r in part)
        boxed = sum(r.boxed * r.words for r in part) / max(words, 1)
        identical = sum(1 for r in part if r.words_identical)
        texts = sum(1 for r in part if r.text_identical)
        out.append(
            f"| **all {len(part)}** | {source} | {words} | {identical}/{len(part)} "
            f"| {texts}/{len(part)} | {boxed:.2%} | {raw_total} "
            f"| {same} ({same / max(raw_total, 1):.1%}) | {sum(r.extra for r in part)} | |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", nargs="*", help="scan-N names (default: all)")
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    args = parser.parse_args()
    require_scans()
    names = args.docs or sorted(
        (p.name.removesuffix(".raw.txt") for p in SCANS.glob("scan-*.raw.txt")),
        key=lambda n: int(n.split("-")[1]),
    )
    rows = [row for name in names for row in measure(name)]
    result = table(rows)
    print(result)
    if args.write:
        text = README.read_text(encoding="utf-8")
        block = f"{START}\n{result}\n{END}"
        if START in text:
            head, rest = text.split(START, 1)
            text = head + block + rest.split(END, 1)[1]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
        README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
