"""Word accuracy benchmark: `korrektur apply --kinds word` on every development set.

    python bench/accuracy.py [--sets NAME ...] [--no-hunspell] [--no-speed] [--write]

For every development set in ../shared/corpus/dev:
* Korrektur as shipped, and leave-one-out (confusion weights learned without the document),
  both through `korrektur apply --kinds word`, scored by ../shared/tools/score_words.py;
* two peers scored the same way: Hunspell's first suggestion (spylls, sv_SE) and the
  most frequent diacritic form from Korrektur's lexicon;
* words changed when the *gold* text is corrected (harm done to clean text);
* the calibration of suggestion confidences (`korrektur suggest --json --kinds word`);
then speed and memory on a 150,000-word synthetic report. Prints Markdown; `--write` also
puts it into bench/README.md between the result markers.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from devdata import ROOT, SCORER, DevSet, dev_sets, gold_words, require_shared
from korrektur.engine.words.lexicon import shared_lexicon
from korrektur.model.document import Document
from peers import hunspell_peer, lexicon_peer, rewrite_words
from speed import measure

README = ROOT / "bench" / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
BINS = ((0.99, 1.01), (0.9, 0.99), (0.7, 0.9), (0.5, 0.7), (0.0, 0.5))


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_words", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"bench: cannot load the scorer {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def korrektur(args: list[str], leave_out: str | None = None) -> str:
    env = dict(os.environ)
    if leave_out:
        env["KORREKTUR_EXCLUDE_LEARNED"] = leave_out
    done = subprocess.run(
        [sys.executable, "-m", "korrektur", *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    return done.stdout


def apply(raw: Path, out: Path, leave_out: str | None = None) -> None:
    korrektur(["apply", str(raw), "-o", str(out), "--kinds", "word"], leave_out)


def suggestions(raw: Path, leave_out: str | None = None) -> list[dict[str, Any]]:
    payload = json.loads(korrektur(["suggest", str(raw), "--json", "--kinds", "word"], leave_out))
    return list(payload["suggestions"])


def row(label: str, result: dict[str, Any]) -> str:
    precision = result["precision"]
    return (
        f"| {label} | {result['tokens']} | {result['raw_wer']:.1f}% | {result['sys_wer']:.1f}% | "
        f"{result['err_reduction']:.1f}% | "
        f"{'–' if precision is None else f'{precision:.2f}%'} | "
        f"{result['broken']} ({100 * result['broken'] / result['tokens']:.2f}%) |"
    )


def calibration_table(samples: list[tuple[float, bool]]) -> list[str]:
    lines = ["| confidence | suggestions | right |", "|---|---:|---:|"]
    for low, high in BINS:
        picked = [right for confidence, right in samples if low <= confidence < high]
        share = f"{100 * sum(picked) / len(picked):.2f}%" if picked else "–"
        label = f"{low:.2f}–{min(high, 1.0):.2f}"
        lines.append(f"| {label} | {len(picked)} | {share} |")
    sure = [right for confidence, right in samples if confidence >= 0.9]
    if sure:
        lines.append(f"| **≥ 0.90** | {len(sure)} | **{100 * sum(sure) / len(sure):.2f}%** |")
    return lines


def judged(raw: Path, gold: Path, found: list[dict[str, Any]]) -> list[tuple[float, bool]]:
    document = Document.from_path(raw)
    targets = gold_words(document, gold.read_text(encoding="utf-8"))
    samples = []
    for suggestion in found:
        target = targets.get(suggestion["start"])
        if target is not None:
            samples.append((suggestion["confidence"], suggestion["replacement"] == target))
    return samples


def peer_rows(
    names: list[str], tmp: Path, score: Callable[..., dict[str, Any]], hunspell: bool
) -> list[str]:
    peers: dict[str, Callable[[str], str]] = {"most frequent form": lexicon_peer(shared_lexicon())}
    if hunspell:
        peers["Hunspell 1st suggestion"] = hunspell_peer()
    lines = []
    for label, fix in peers.items():
        for name in names:
            dev = DevSet.named(name)
            out = tmp / f"{name}.{label.split()[0]}.txt"
            out.write_text(rewrite_words(dev.raw.read_text(encoding="utf-8"), fix), "utf-8")
            lines.append(row(f"{name}: {label}", score(str(dev.raw), str(dev.gold), str(out))))
        if hasattr(fix, "save"):
            fix.save()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", help="development sets (default: all)")
    parser.add_argument("--no-hunspell", action="store_true", help="skip the slow Hunspell peer")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurements")
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    args = parser.parse_args()
    require_shared()
    names = args.sets or dev_sets()
    score = scorer().score
    header = "| run | words | raw WER | WER after | errors removed | precision | words broken |"
    rule = "|---|---:|---:|---:|---:|---:|---:|"
    out: list[str] = ["### Korrektur (`korrektur apply --kinds word`)", "", header, rule]
    loo: list[str] = ["", "### Leave one out (weights learned without the document)", "", header]
    loo.append(rule)
    clean: list[str] = ["", "### Harm to clean text (the gold text corrected again)", ""]
    clean += ["| set | words | words changed |", "|---|---:|---:|"]
    samples: list[tuple[float, bool]] = []
    samples_loo: list[tuple[float, bool]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name in names:
            dev = DevSet.named(name)
            system = tmp / f"{name}.out.txt"
            apply(dev.raw, system)
            out.append(row(name, score(str(dev.raw), str(dev.gold), str(system))))
            apply(dev.raw, system, leave_out=name)
            loo.append(row(name, score(str(dev.raw), str(dev.gold), str(system))))
            again = tmp / f"{name}.gold.out.txt"
            apply(dev.gold, again)
            result = score(str(dev.gold), str(dev.gold), str(again))
            clean.append(f"| {name} | {result['tokens']} | {result['broken']} |")
            samples += judged(dev.raw, dev.gold, suggestions(dev.raw))
            samples_loo += judged(dev.raw, dev.gold, suggestions(dev.raw, leave_out=name))
            print(f"bench: {name} done", file=sys.stderr)
        peers = peer_rows(names, tmp, score, hunspell=not args.no_hunspell)
    lines = [*out, *loo, "", "### Peers", "", header, rule, *peers, *clean, ""]
    lines += ["### Confidence calibration (suggestions matched to a gold word)", ""]
    lines += ["Shipped weights:", "", *calibration_table(samples), ""]
    lines += ["Leave one out:", "", *calibration_table(samples_loo), ""]
    if not args.no_speed:
        speed = measure()
        lines += [
            "### Speed and memory (one core)",
            "",
            "| measure | value | target |",
            "|---|---:|---:|",
            f"| index build, cold cache | {speed.cold_build_s:.1f} s | ≤ 15 s |",
            f"| index load, warm cache (wall / CPU) | {speed.warm_load_s:.2f} s / "
            f"{speed.warm_load_cpu_s:.2f} s | ≤ 0.5 s |",
            f"| memory of the loaded lexicon (RSS) | {speed.lexicon_rss_mb:.0f} MB | < 400 MB |",
            f"| words per second after loading (CPU) | {speed.words_per_second:,.0f} | ≥ 50,000 |",
            f"| {speed.words:,}-word report: analysis CPU time "
            f"| {speed.cpu_seconds:.1f} s | < 5 s |",
            f"| … `korrektur apply` wall time, start and load included "
            f"| {speed.apply_wall_s:.1f} s | |",
            "",
        ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        readme = README.read_text(encoding="utf-8")
        if START in readme and END in readme:
            head, rest = readme.split(START, 1)
            readme = head + START + "\n" + text + "\n" + END + rest.split(END, 1)[1]
        else:
            readme = readme.rstrip() + f"\n\n{START}\n{text}\n{END}\n"
        README.write_text(readme, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
