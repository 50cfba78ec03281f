"""Structure benchmark on the scans: with their boxes (hOCR, ALTO, PDF) against without (.raw.txt).

    python bench/structure_scans.py [--docs scan-1 ...] [--sources raw hocr alto.xml pdf]
                                    [--kinds structure] [--lines] [--summary]

Every document of ../shared/corpus/scans/ is read from each source with
``read_document`` and run through the engine in this process (as ``korrektur apply``: every
suggestion of the kinds applied), then compared with ``NAME.clean.txt`` by the measures of
``bench/structure.py`` (CER, paragraph P/R/F1 after aligning words, furniture lines removed,
body lines removed, real hyphens lost). The ``.raw.txt`` row is the same text without any
geometry; hOCR and ALTO read to that text exactly, so any difference between their rows is
what the boxes did. ``--lines`` also runs the structure analysers on ``NAME.lines.txt`` (words
already right): once as plain text, once with the hOCR's line boxes and pages attached, so the
structure errors left are the analysers' own. Needs ../shared beside the repository.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from korrektur.engine import default_engine
from korrektur.engine.pipeline import Engine
from korrektur.formats.sources import read_document
from korrektur.model import KIND_GROUPS, Document, ReviewSession, Suggestion
from korrektur.model.geometry import ScanLayout
from korrektur.model.pages import KnownPageStarts
from structure import Result, gold_body_lines, hyphens_lost, paragraph_breaks

ROOT = Path(__file__).resolve().parent.parent
SCANS = ROOT.parent / "shared" / "corpus" / "scans"
SOURCES = ("raw", "hocr", "alto.xml", "pdf")


def require_scans() -> None:
    if not SCANS.is_dir():
        sys.exit(
            f"bench: the scans are missing: expected {SCANS} (../shared beside the repository)"
        )


def scan_names() -> list[str]:
    return sorted(
        (p.name.removesuffix(".raw.txt") for p in SCANS.glob("scan-*.raw.txt")),
        key=lambda n: int(n.split("-")[1]),
    )


def load(name: str, source: str) -> Document:
    """Document ``name`` from ``source``: ``raw``, ``lines``, ``lines+boxes`` or a suffix."""
    if source == "raw":
        return Document.from_path(SCANS / f"{name}.raw.txt")
    if source == "lines":
        return Document.from_path(SCANS / f"{name}.lines.txt")
    if source == "lines+boxes":
        return lines_with_boxes(name)
    return read_document(SCANS / f"{name}.{source}")


def lines_with_boxes(name: str) -> Document:
    """The gold lines with the hOCR's pages and line boxes (the same line count as the raw text).

    Word boxes are left out: their offsets are those of the OCR words.
    """
    scan = read_document(SCANS / f"{name}.hocr")
    assert scan.scan is not None
    plain = Document.from_path(SCANS / f"{name}.lines.txt")
    starts = [page.first_line for page in scan.pages]
    layout = ScanLayout(scan.scan.format, scan.scan.source, scan.scan.pages, [], scan.scan.lines)
    return Document(plain.text, name=plain.name, splitter=KnownPageStarts(starts), scan=layout)


def removed_lines(document: Document, suggestions: Sequence[Suggestion]) -> list[bool]:
    """For each line of ``document``: True if deletions cover every non-space character."""
    deleted = bytearray(len(document.text))
    for s in suggestions:
        if s.replacement == "":
            deleted[s.start : s.end] = b"\x01" * (s.end - s.start)
    result = []
    for line in document.lines:
        chars = [i for i in range(line.start, line.end) if not document.text[i].isspace()]
        result.append(bool(chars) and all(deleted[i] for i in chars))
    return result


def body_flags(name: str, document: Document) -> list[bool | None]:
    """For each line of ``document``: body (True), furniture (False) or neither (None).

    The gold marks the raw lines; a document whose lines differ (the PDF's blank lines, its
    order of lines within a page) gets the flag of the raw line with the same words.
    """
    lines_gold = (SCANS / f"{name}.lines.txt").read_text(encoding="utf-8").split("\n")
    clean = (SCANS / f"{name}.clean.txt").read_text(encoding="utf-8")
    flags = gold_body_lines(lines_gold, clean)
    own = [document.line_text(i).split() for i in range(len(document.lines))]
    raw = [line.split() for line in (SCANS / f"{name}.raw.txt").read_text("utf-8").split("\n")]
    gold_words = [line.split() for line in lines_gold]
    if own == raw[: len(own)] or own == gold_words[: len(own)]:
        return flags[: len(own)]
    result: list[bool | None] = [None] * len(own)
    matcher = SequenceMatcher(
        None, [" ".join(w) for w in own], [" ".join(w) for w in raw], autojunk=False
    )
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            result[block.a + k] = flags[block.b + k]
    return result


def measure(engine: Engine, name: str, source: str, kinds: str) -> Result:
    document = load(name, source)
    raw = document.text
    gold = (SCANS / f"{name}.clean.txt").read_text(encoding="utf-8")
    suggestions = engine.analyse(document, KIND_GROUPS[kinds])
    system = ReviewSession(document, suggestions).render(KIND_GROUPS[kinds])
    body = body_flags(name, document)
    removed = removed_lines(document, suggestions)
    furniture = [i for i, b in enumerate(body) if b is False]
    return Result(
        name,
        Levenshtein.distance(system, gold),
        Levenshtein.distance(raw, gold),
        len(gold),
        paragraph_breaks(system, gold),
        (sum(1 for i in furniture if removed[i]), len(furniture)),
        sum(1 for i, b in enumerate(body) if b and removed[i]),
        hyphens_lost(raw, system, gold),
    )


@dataclass
class Table:
    title: str
    rows: list[Result]

    def lines(self, summary: bool) -> list[str]:
        total = sum(self.rows[1:], self.rows[0])
        total.name = f"**all {len(self.rows)}**"
        shown = [total] if summary else [*self.rows, total]
        out = [
            f"\n{self.title}\n",
            "| set | raw CER | CER | paragraph P / R / F1 | furniture removed "
            "| body lines removed | real hyphens lost |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in shown:
            removed, total_furniture = r.furniture
            share = f"{100 * removed / total_furniture:.0f}%" if total_furniture else "–"
            right, found, wanted = r.breaks
            p = right / found if found else 1.0
            rec = right / wanted if wanted else 1.0
            f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
            out.append(
                f"| {r.name} | {100 * r.raw_distance / r.gold_chars:.1f}% | "
                f"{100 * r.distance / r.gold_chars:.2f}% | {p:.3f} / {rec:.3f} / {f1:.3f} | "
                f"{removed}/{total_furniture} ({share}) | {r.body_removed} "
                f"| {r.hyphens[0]}/{r.hyphens[1]} |"
            )
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", nargs="*", help="scan-N names (default: all 16)")
    parser.add_argument("--sources", nargs="*", default=list(SOURCES))
    parser.add_argument("--kinds", default="structure", choices=sorted(KIND_GROUPS))
    parser.add_argument(
        "--lines", action="store_true", help="also the gold lines, with/without boxes"
    )
    parser.add_argument("--summary", action="store_true", help="totals only")
    args = parser.parse_args()
    require_scans()
    names = args.docs or scan_names()
    engine = default_engine()
    runs = [(source, args.kinds) for source in args.sources]
    if args.lines:
        runs += [("lines", "structure"), ("lines+boxes", "structure")]
    started = time.perf_counter()
    for source, kinds in runs:
        rows = [measure(engine, name, source, kinds) for name in names]
        title = f"`--kinds {kinds}` from `{source}`"
        print("\n".join(Table(title, rows).lines(args.summary)), flush=True)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
