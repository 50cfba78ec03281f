"""Word accuracy benchmark, leave one document out over the 21 development documents.

    python bench/accuracy.py [--sets NAME ...] [--no-hunspell] [--no-speed] [--write] [--errors DIR]

Every document is corrected with nothing learned from it (see ``loo.py``: confusion counts and
calibration learned on the other 20) and scored by ../shared/tools/score_words.py; the
simulated clerk of ../shared/tools/review_sim.py (bulk accept at 0.9) reviews its
out-of-fold suggestions. Beside it, two peers scored the same way (Hunspell's first
suggestion, cached in bench/.cache; the most frequent diacritic form), the harm done to clean
text (the gold text corrected again), a reliability table of the out-of-fold confidences,
then speed and memory on a 150,000-word synthetic report. Prints Markdown; ``--write`` also
puts it into bench/README.md between the result markers and draws bench/reliability.png.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from devdata import REVIEW_SIM, ROOT, SCORER, DevSet, dev_sets, require_shared
from korrektur.engine.words.lexicon_cache import shared_lexicon
from korrektur.formats.suggestions_json import suggestions_payload
from korrektur.model.document import Document
from loo import Fold, analyse, applied, progress, run_folds
from peers import hunspell_peer, lexicon_peer, rewrite_words
from reliability import BINS, draw, reliability_table
from sections import write_section
from speed import measure

README = ROOT / "bench" / "README.md"
PICTURE = ROOT / "bench" / "reliability.png"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
BULK = 0.9
SUMMED = ("tokens", "raw_errors", "sys_errors", "changed", "fixed", "broken")


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_words", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"bench: cannot load the scorer {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def review(dev: DevSet, fold: Fold, folder: Path) -> dict[str, Any]:
    """The simulated clerk's actions on the fold's out-of-fold suggestions."""
    path = folder / f"{dev.name}.suggestions.json"
    payload = suggestions_payload(fold.document, fold.calibrated())
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    command = [sys.executable, str(REVIEW_SIM), str(dev.raw), str(dev.gold), str(path)]
    done = subprocess.run(
        [*command, "--bulk", str(BULK), "--json"], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def pooled(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores summed over documents, in the scorer's terms (precision: fixed / changed)."""
    total = {key: sum(r[key] for r in results) for key in SUMMED}
    raw, after = total["raw_errors"], total["sys_errors"]
    tokens = max(total["tokens"], 1)
    total["raw_wer"] = 100.0 * raw / tokens
    total["sys_wer"] = 100.0 * after / tokens
    total["err_reduction"] = 100.0 * (raw - after) / raw if raw else 0.0
    total["precision"] = 100.0 * total["fixed"] / total["changed"] if total["changed"] else None
    return total


def cells(result: dict[str, Any]) -> str:
    precision = result["precision"]
    return (
        f"{result['tokens']} | {result['raw_wer']:.1f}% | {result['sys_wer']:.1f}% | "
        f"**{result['err_reduction']:.1f}%** | "
        f"{'–' if precision is None else f'{precision:.2f}%'} | "
        f"{result['broken']} ({100 * result['broken'] / max(result['tokens'], 1):.2f}%)"
    )


def actions(sims: list[dict[str, Any]]) -> str:
    errors = sum(s["raw_errors"] for s in sims)
    done = sum(s["actions"] for s in sims)
    return f"{done / max(errors, 1):.3f} | {sum(s['harm_in_bulk'] for s in sims)}"


HEADER = (
    "| document | words | raw WER | WER after | errors removed | precision | words broken "
    "| review actions / error | harm in bulk | Hunspell removes | most frequent form removes |"
)
RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"


def peer_results(
    folds: list[Fold], tmp: Path, score: Callable[..., dict[str, Any]], hunspell: str
) -> dict[str, list[dict[str, Any] | None]]:
    """Each peer's scores, per document (in the order of ``folds``; None: not measured).

    ``hunspell``: "all" (suggestions missing from the cache are computed: slow), "cached"
    (documents with a rejected word not in the cache are left out) or "none".
    """
    peers: dict[str, Callable[[str], str]] = {"most frequent form": lexicon_peer(shared_lexicon())}
    if hunspell != "none":
        peers["Hunspell 1st suggestion"] = hunspell_peer(cached_only=hunspell == "cached")
    found: dict[str, list[dict[str, Any] | None]] = {}
    for label, fix in peers.items():
        found[label] = []
        for fold in folds:
            dev = fold.dev
            out = tmp / f"{dev.name}.{label.split()[0]}.txt"
            before = getattr(fix, "uncached", 0)
            out.write_text(rewrite_words(dev.raw.read_text(encoding="utf-8"), fix), "utf-8")
            complete = getattr(fix, "uncached", 0) == before
            found[label].append(score(str(dev.raw), str(dev.gold), str(out)) if complete else None)
        if hasattr(fix, "save") and hunspell == "all":
            fix.save()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", help="development documents (default: all 21)")
    parser.add_argument("--no-hunspell", action="store_true", help="skip the slow Hunspell peer")
    parser.add_argument(
        "--hunspell-cached",
        action="store_true",
        help="the Hunspell peer only on documents whose suggestions are all cached",
    )
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurements")
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    parser.add_argument(
        "--errors",
        type=Path,
        metavar="DIR",
        help="write each document's word errors (TSV) and suggestions (JSON) here",
    )
    args = parser.parse_args()
    require_shared()
    if args.errors is not None:
        args.errors.mkdir(parents=True, exist_ok=True)
    names = args.sets or dev_sets()
    score = scorer().score
    lexicon = shared_lexicon()
    folds = run_folds(names, lexicon, progress)
    results: list[dict[str, Any]] = []
    sims: list[dict[str, Any]] = []
    clean: list[tuple[str, int, int]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for fold in folds:
            dev = fold.dev
            system = tmp / f"{dev.name}.out.txt"
            system.write_text(applied(fold.document, fold.suggestions), encoding="utf-8")
            errors = None if args.errors is None else args.errors / f"{dev.name}.errors.tsv"
            results.append(score(str(dev.raw), str(dev.gold), str(system), errors))
            sims.append(review(dev, fold, args.errors or tmp))
            gold = Document.from_path(dev.gold)
            again = tmp / f"{dev.name}.gold.out.txt"
            exclude = frozenset({dev.name})
            again.write_text(applied(gold, analyse(gold, lexicon, exclude)), encoding="utf-8")
            harm = score(str(dev.gold), str(dev.gold), str(again))
            clean.append((dev.name, harm["tokens"], harm["broken"]))
        mode = "none" if args.no_hunspell else "cached" if args.hunspell_cached else "all"
        peers = peer_results(folds, tmp, score, mode)
    lines = results_section(folds, results, sims, peers, clean)
    samples = [
        (fold.calibration.confidence(p, kind, written), right)
        for fold in folds
        for p, right, kind, written in fold.judged()
    ]
    lines += ["### Reliability of the out-of-fold confidence", ""]
    lines += [*reliability_table(samples, BINS), ""]
    if args.write:
        drawn = draw(samples, PICTURE)
        lines += [f"![reliability diagram]({PICTURE.name})" if drawn else drawn_missing(), ""]
    if not args.no_speed:
        lines += speed_section()
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_readme(text)
    return 0


def results_section(
    folds: list[Fold],
    results: list[dict[str, Any]],
    sims: list[dict[str, Any]],
    peers: dict[str, list[dict[str, Any] | None]],
    clean: list[tuple[str, int, int]],
) -> list[str]:
    """The per-document table, pooled and worst rows, peers and harm to clean text."""
    hunspell = peers.get("Hunspell 1st suggestion") or [None] * len(folds)
    frequent = peers["most frequent form"]
    lines = ["### Leave one document out (nothing learned from the document measured)", ""]
    lines += [HEADER, RULE]
    for index, (fold, result, sim) in enumerate(zip(folds, results, sims, strict=True)):
        lines.append(
            f"| {fold.name} | {cells(result)} | {actions([sim])} | "
            f"{removed([hunspell[index]])} | {removed([frequent[index]])} |"
        )
    total = pooled(results)
    lines.append(
        f"| **pooled ({len(folds)})** | {cells(total)} | {actions(sims)} | "
        f"{removed(hunspell)} | {removed(frequent)} |"
    )
    worst = min(range(len(results)), key=lambda i: results[i]["err_reduction"])
    least = min((r["precision"] for r in results if r["precision"] is not None), default=None)
    lines += [
        "",
        f"Worst document by errors removed: {folds[worst].name} "
        f"({results[worst]['err_reduction']:.1f}%); lowest precision: "
        f"{'–' if least is None else f'{least:.2f}%'}; most words broken in one document: "
        f"{max(r['broken'] for r in results)}; highest review cost: "
        f"{max(s['actions_per_error'] for s in sims):.3f} actions per error.",
        "",
        "### Peers, pooled over the same documents",
        "",
        "| peer | words | raw WER | WER after | errors removed | precision | words broken |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, found in peers.items():
        measured = [r for r in found if r is not None]
        if measured:
            note = "" if len(measured) == len(found) else f" ({len(measured)} documents)"
            lines.append(f"| {label}{note} | {cells(pooled(measured))} |")
    changed = [(name, broken) for name, _, broken in clean if broken]
    words = sum(tokens for _, tokens, _ in clean)
    lines += [
        "",
        "### Harm to clean text (the gold text corrected again, out of fold)",
        "",
        f"{sum(b for _, b in changed)} of {words} words changed"
        + (": " + ", ".join(f"{name} {broken}" for name, broken in changed) if changed else "")
        + ".",
        "",
    ]
    return lines


def removed(results: list[dict[str, Any] | None]) -> str:
    """Errors removed, pooled over the measured documents (–: none measured)."""
    measured = [r for r in results if r is not None]
    if not measured:
        return "–"
    share = f"{pooled(measured)['err_reduction']:.1f}%"
    return share if len(measured) == len(results) else f"{share} ({len(measured)} docs)"


def drawn_missing() -> str:
    return "(no reliability diagram: matplotlib is not installed; `pip install -e .[bench]`)"


def speed_section() -> list[str]:
    speed = measure()
    return [
        "### Speed and memory (one core)",
        "",
        "| measure | value | target |",
        "|---|---:|---:|",
        f"| index build, cold cache | {speed.cold_build_s:.1f} s | ≤ 15 s |",
        f"| index load, warm cache (wall / CPU) | {speed.warm_load_s:.2f} s / "
        f"{speed.warm_load_cpu_s:.2f} s | ≤ 0.5 s |",
        f"| memory of the loaded lexicon (RSS) | {speed.lexicon_rss_mb:.0f} MB | < 400 MB |",
        f"| words per second after loading (CPU) | {speed.words_per_second:,.0f} | ≥ 30,000 |",
        f"| {speed.words:,}-word report: analysis CPU time | {speed.cpu_seconds:.1f} s | < 5 s |",
        f"| … `korrektur apply` wall time, start and load included "
        f"| {speed.apply_wall_s:.1f} s | |",
        "",
    ]


def write_readme(text: str) -> None:
    write_section(START, END, text, README)


if __name__ == "__main__":
    sys.exit(main())
