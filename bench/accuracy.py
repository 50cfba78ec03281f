"""Word accuracy benchmark: `korrektur apply --kinds word` on every development set.

Scores line-aligned words against gold with the reference scorer in ../shared/tools. Prints a
Markdown table (paste it into bench/README.md). Needs ../shared beside the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "tools" / "score_words.py"


def require_shared() -> None:
    if not DEV.is_dir() or not SCORER.is_file():
        sys.exit(
            f"bench: the development data is missing: expected {DEV} and {SCORER} "
            "(../shared beside the repository)"
        )


def dev_sets() -> list[str]:
    return sorted(p.name.removesuffix(".raw.txt") for p in DEV.glob("*.raw.txt"))


def score(raw: Path, gold: Path, system: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(SCORER), str(raw), str(gold), str(system), "--quiet"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_korrektur(raw: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "korrektur", "apply", str(raw), "-o", str(out), "--kinds", "word"],
        check=True,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", nargs="*", help="development sets (default: all)")
    args = parser.parse_args()
    require_shared()
    print("| set | words | raw WER | Korrektur WER | errors removed | precision | broken | s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets or dev_sets():
            raw, gold = DEV / f"{name}.raw.txt", DEV / f"{name}.lines.txt"
            out = Path(tmp) / f"{name}.out.txt"
            seconds = run_korrektur(raw, out)
            result = score(raw, gold, out)
            precision = result["precision"]
            print(
                f"| {name} | {result['tokens']} | {result['raw_wer']:.1f}% | "
                f"{result['sys_wer']:.1f}% | {100 * result['err_reduction']:.1f}% | "
                f"{'–' if precision is None else f'{100 * precision:.1f}%'} | "
                f"{result['broken']} | {seconds:.1f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
