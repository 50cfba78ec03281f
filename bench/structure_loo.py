"""The scans' geometry rules: what each one adds, and its thresholds leave one document out.

    python bench/structure_loo.py [--docs scan-1 ...] [--only ablation|pdf-gap]

Errors of a document are counted against its clean gold as in bench/structure_scans.py:
paragraph starts wrong or missed, furniture lines kept, body lines removed, real hyphens lost
(``--kinds structure``).

* **ablation**: every geometry rule switched off in turn (the line measure that decides
  whether the next word would have fitted, bullets by position, running headers by
  position), from hOCR and from the PDF; a rule is kept only if switching it off costs.
* **pdf-gap**: the gap between lines of a PDF's text layer that starts a paragraph
  (``pdf.PARAGRAPH_GAP``, in line heights). For each document in turn the value is chosen
  on the other fifteen (fewest errors; among equally good values the middle one) and the
  left-out document is measured with it: the leave-one-out total is what to expect on
  documents the value was not chosen on. (Commit dd87074 measured a lower likeness for
  running headers at the same place the same way: ``--only place`` there.)

Needs ../shared beside the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from unittest import mock

from korrektur.engine import default_engine
from korrektur.engine.pipeline import Engine
from korrektur.engine.structure import furniture, indent
from korrektur.engine.structure import measure as line_measure
from korrektur.formats import pdf
from structure import Result
from structure_scans import measure, require_scans, scan_names

GAP_GRID = [round(0.26 + 0.04 * k, 2) for k in range(16)]


def errors(result: Result) -> int:
    """Structure errors of one document against its clean gold."""
    right, found, wanted = result.breaks
    removed, furniture_lines = result.furniture
    return (
        (found - right)
        + (wanted - right)
        + (furniture_lines - removed)
        + (result.body_removed + result.hyphens[0])
    )


def _no_measure(*_args: object) -> None:
    return None


def _no_places(document: object, lines: Sequence[object]) -> indent.BulletPlaces:
    return indent.BulletPlaces(list(lines), frozenset())  # type: ignore[arg-type]


@contextmanager
def switched_off(rule: str) -> Iterator[None]:
    """One geometry rule off for the duration."""
    if rule == "line measure":
        with mock.patch.object(line_measure.LineMeasure, "of", _no_measure):
            yield
    elif rule == "bullets by position":
        with mock.patch("korrektur.engine.structure.plan.bullet_places", _no_places):
            yield
    elif rule == "headers by position":
        with mock.patch.object(furniture, "_same_place", return_value=False):
            yield
    else:
        yield


def ablation(engine: Engine, names: Sequence[str]) -> None:
    print(
        "\n| geometry rules | source | errors | paragraph starts right / found / gold "
        "| furniture removed | body lines removed |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for source in ("raw", "hocr", "pdf"):
        rules = (
            ["all on"]
            if source == "raw"
            else ["all on", "line measure", "bullets by position", "headers by position"]
        )
        for rule in rules:
            with switched_off(rule):
                rows = [measure(engine, name, source, "structure") for name in names]
            total = sum(rows[1:], rows[0])
            label = (
                "(no boxes)"
                if source == "raw"
                else ("all on" if rule == "all on" else f"without {rule}")
            )
            print(
                f"| {label} | {source} | {sum(errors(r) for r in rows)} "
                f"| {' / '.join(map(str, total.breaks))} "
                f"| {total.furniture[0]}/{total.furniture[1]} | {total.body_removed} |",
                flush=True,
            )


def leave_one_out(
    title: str,
    grid: Sequence[float],
    current: float,
    run: Callable[[float, str], int],
    names: Sequence[str],
) -> None:
    """Per document and value the errors; then each document with the value the rest chose."""
    table = {value: {name: run(value, name) for name in names} for value in grid}
    if current not in table:
        table[current] = {name: run(current, name) for name in names}
    print(f"\n**{title}** (value in use: {current})\n")
    print("| left out | chosen on the rest | errors with it | errors with the value in use |")
    print("|---|---:|---:|---:|")
    held_total = current_total = 0
    for name in names:
        train = {
            value: sum(row[n] for n in names if n != name)
            for value, row in table.items()
            if value in grid
        }
        best = min(train.values())
        ties = sorted(value for value, total in train.items() if total == best)
        chosen = ties[len(ties) // 2]
        held, now = table[chosen][name], table[current][name]
        held_total += held
        current_total += now
        print(f"| {name} | {chosen:g} | {held} | {now} |")
    print(f"| **all {len(names)}** | | **{held_total}** | {current_total} |")
    print(
        "\nerrors over all documents by value: "
        + ", ".join(f"{value:g}: {sum(table[value].values())}" for value in grid)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", nargs="*", help="scan-N names (default: all 16)")
    parser.add_argument("--only", choices=["ablation", "pdf-gap"])
    args = parser.parse_args()
    require_scans()
    names = args.docs or scan_names()
    engine = default_engine()
    if args.only in (None, "ablation"):
        ablation(engine, names)
    if args.only in (None, "pdf-gap"):

        def gap(value: float, name: str) -> int:
            with mock.patch.object(pdf, "PARAGRAPH_GAP", value):
                return errors(measure(engine, name, "pdf", "structure"))

        leave_one_out(
            "Paragraph gap of a PDF's text layer (line heights)",
            GAP_GRID,
            pdf.PARAGRAPH_GAP,
            gap,
            names,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
