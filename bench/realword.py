"""What the real-word model decides on the development documents' ambiguous words vs. the gold.

    python bench/realword.py [--weights lexicon/realword.bin] [--gold-context]

Every word of the 21 development documents (``../shared/corpus/dev`` and ``scans``) whose
printed form belongs to a confusion set of the model (``RealWordModel.readings``) and whose
gold word is a member of that set is asked to the model with its OCR'd neighbours (or, with
``--gold-context``, the gold neighbours, as a perfect first pass would give them). Printed:
accuracy per confusion set beside the corpus-frequency baseline, per document, and the
reliability of the model's probabilities. The model learned nothing from these documents,
so no leave-one-out is needed; nothing here tunes it.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from devdata import SHARED, gold_words
from korrektur.engine.words.realword import WEIGHTS_FILE, RealWordModel, around
from korrektur.engine.words.text import Case, case_of, word_parts
from korrektur.model.document import Document
from korrektur.paths import data_path

BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001)
DOCUMENTS = (SHARED / "corpus" / "dev", SHARED / "corpus" / "scans")


@dataclass(frozen=True)
class DevPosition:
    """One ambiguous word of a development document and its gold reading."""

    document: str
    printed: str
    left: list[str]
    right: list[str]
    title: bool
    upper: bool
    readings: tuple[str, ...]
    gold: str


def documents() -> list[tuple[str, Path, Path]]:
    """Name, raw and gold-lines path of each development document."""
    if not all(folder.is_dir() for folder in DOCUMENTS):
        sys.exit(f"realword: the development documents are missing: expected {DOCUMENTS}")
    found = []
    for folder in DOCUMENTS:
        for raw in sorted(folder.glob("*.raw.txt")):
            name = raw.name.removesuffix(".raw.txt")
            found.append((name, raw, folder / f"{name}.lines.txt"))
    return found


def _substituted(text: str, gold: dict[int, tuple[int, str]]) -> tuple[str, dict[int, int]]:
    """``text`` with each paired word (start → end, gold) replaced by its gold word.

    Also returns where each replaced word starts in the new text.
    """
    pieces, moved, position, shift = [], {}, 0, 0
    for start in sorted(gold):
        end, word = gold[start]
        pieces += [text[position:start], word]
        moved[start] = start + shift
        shift += len(word) - (end - start)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), moved


def positions(
    readings: Callable[[str], tuple[str, ...]], gold_context: bool = False
) -> tuple[list[DevPosition], collections.Counter[str]]:
    """Ambiguous words of all documents; also a count of those whose gold is not a reading."""
    found: list[DevPosition] = []
    outside: collections.Counter[str] = collections.Counter()
    for name, raw_path, gold_path in documents():
        document = Document.from_text(raw_path.read_text(encoding="utf-8"))
        gold = gold_words(document, gold_path.read_text(encoding="utf-8"))
        parts = [
            part
            for token in document.tokens
            for part in word_parts(document.text[token.start : token.end], token.start)
            if part.start in gold
        ]
        text, moved = _substituted(document.text, {p.start: (p.end, gold[p.start]) for p in parts})
        for part in parts:
            truth = gold[part.start].lower()
            options = readings(part.text)
            if not options:
                continue
            if truth not in options:
                outside[f"{part.text.lower()}→{truth}"] += 1
                continue
            if gold_context:
                start = moved[part.start]
                left, right = around(text, start, start + len(truth))
            else:
                left, right = around(document.text, part.start, part.end)
            case = case_of(part.text)
            found.append(
                DevPosition(
                    name,
                    part.text,
                    left,
                    right,
                    case is Case.TITLE,
                    case is Case.UPPER and len(part.text) > 1,
                    options,
                    truth,
                )
            )
    return found, outside


def _table(rows: list[tuple[str, int, int, int]], title: str) -> list[str]:
    out = [
        f"| {title} | positions | model right | most frequent word right |",
        "|---|---:|---:|---:|",
    ]
    for name, n, right, base in rows:
        out.append(f"| {name} | {n} | {right / n:.1%} | {base / n:.1%} |")
    return out


def report(model: RealWordModel, gold_context: bool, errors: bool = False) -> list[str]:
    """Per set and per document: how often the model's choice is the gold word."""
    found, outside = positions(model.readings, gold_context)
    per_set: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    per_doc: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    bins = [[0, 0, 0.0] for _ in BINS[:-1]]
    choices = [
        model.choose(p.left, p.right, p.readings, title=p.title, upper=p.upper) for p in found
    ]
    started = time.process_time()  # again, the sets decoded: CPU time of a call in use
    for p in found:
        model.choose(p.left, p.right, p.readings, title=p.title, upper=p.upper)
    per_call = (time.process_time() - started) / max(1, len(found))
    wrong: list[str] = []
    for p, choice in zip(found, choices, strict=True):
        right = choice.best == p.gold
        if errors and not right:
            wrong.append(
                f"| {p.document} | {' '.join(p.left[-3:])} **{p.printed}** "
                f"{' '.join(p.right[:3])} | {p.gold} | {choice.best} {choice.confidence:.2f} |"
            )
        base = p.readings[0] == p.gold  # the set's most frequent word in the corpus
        for table, key in ((per_set, "/".join(p.readings)), (per_doc, p.document)):
            row = table[key]
            row[0] += 1
            row[1] += right
            row[2] += base
        for i in range(len(BINS) - 1):
            if BINS[i] <= choice.confidence < BINS[i + 1]:
                bins[i][0] += 1
                bins[i][1] += right
                bins[i][2] += choice.confidence
    total = [sum(r[i] for r in per_set.values()) for i in range(3)]
    context = "gold neighbours" if gold_context else "OCR'd neighbours"
    out = [
        f"### Development documents, {context}",
        "",
        f"{total[0]} ambiguous words; the model chose the gold word {total[1] / total[0]:.2%}, "
        f"the most frequent word of the set {total[2] / total[0]:.2%}; "
        f"{per_call * 1e6:.1f} µs (CPU) per choice; "
        f"{sum(outside.values())} printed words of a set had a gold word outside it.",
        "",
    ]
    ordered = sorted(per_set.items(), key=lambda kv: -kv[1][0])
    out += _table([(k, *v) for k, v in ordered], "confusion set")  # type: ignore[misc]
    out += [""] + _table([(k, *v) for k, v in sorted(per_doc.items())], "document")  # type: ignore[misc]
    out += [
        "",
        "| top probability | positions | mean probability | right |",
        "|---|---:|---:|---:|",
    ]
    for low, high, (count, right, mean) in zip(BINS, BINS[1:], bins, strict=False):
        if count:
            out.append(
                f"| {low:.2f}–{min(high, 1.0):.2f} | {count} | {mean / count:.3f} "
                f"| {right / count:.3f} |"
            )
    if wrong:
        out += ["", "| document | context | gold | model |", "|---|---|---|---|", *wrong]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=Path, help="weights file (default: the shipped one)")
    parser.add_argument("--gold-context", action="store_true", help="gold neighbours only")
    parser.add_argument("--errors", action="store_true", help="list the wrong choices")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    model = RealWordModel.load(args.weights)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    for entry in model.sets:
        entry.decode()
    decoded = time.perf_counter() - started
    size = (args.weights or data_path("lexicon", WEIGHTS_FILE)).stat().st_size
    print(
        f"weights: {size / 1e6:.2f} MB, {len(model.sets)} confusion sets, loaded in "
        f"{loaded * 1000:.0f} ms; decoding the features of every set takes "
        f"{decoded * 1000:.0f} ms more (each set is decoded on its first use)\n"
    )
    contexts = (True,) if args.gold_context else (False, True)
    for gold_context in contexts:
        print("\n".join(report(model, gold_context, args.errors)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
