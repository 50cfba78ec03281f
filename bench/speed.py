"""Speed and memory of the word engine: index build and load, words per second, RSS."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from devdata import CORPUS
from korrektur.model.document import Document
from synthetic import synthetic_document

ROOT = Path(__file__).resolve().parent.parent

_LOAD = """
import json, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
import korrektur.engine.words.lexicon_cache as lx, korrektur.engine.words.channel as ch
before = rss()
start, cpu = time.perf_counter(), time.process_time()
lexicon = lx.load_lexicon()
channel = ch.global_channel(lexicon.confusions, lexicon.learned)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "rss_mb": rss() - before}))
"""

# One analysis per process: the lexicon remembers lookups, so a second analysis in the same
# process would be faster than the first one a user waits for.
_THROUGHPUT = """
import json, sys, time
from korrektur.engine.base import NoProgress
from korrektur.engine.words import WordAnalyzer
from korrektur.model.document import Document
document = Document.from_path(sys.argv[1])
document.tokens  # made when first asked for since issue 12: reading, not analysis
analyzer = WordAnalyzer()
analyzer.lexicon, analyzer.channel, analyzer.calibration, analyzer.realword
start = time.process_time()
analyzer.analyse(document, NoProgress())
print(json.dumps({"words": document.word_count, "cpu_seconds": time.process_time() - start}))
"""


@dataclass
class Speed:
    cold_build_s: float
    warm_load_s: float
    warm_load_cpu_s: float
    lexicon_rss_mb: float
    words: int
    cpu_seconds: float
    apply_wall_s: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.cpu_seconds


def _python(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(words: int = 150_000, repeats: int = 3) -> Speed:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        cold = _python(_LOAD, env=env)
        warm = min((_python(_LOAD, env=env) for _ in range(3)), key=lambda r: r["seconds"])
        document = Path(tmp) / "synthetic.txt"
        document.write_text(synthetic_document(CORPUS, words), encoding="utf-8")
        throughput = min(
            (_python(_THROUGHPUT, str(document)) for _ in range(repeats)),
            key=lambda r: r["cpu_seconds"],
        )
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "korrektur", "apply", str(document), "-o", os.devnull],
            check=True,
            cwd=ROOT,
        )
        apply_wall = time.perf_counter() - start
    return Speed(
        cold["seconds"],
        warm["seconds"],
        warm["cpu"],
        warm["rss_mb"],
        int(throughput["words"]),
        throughput["cpu_seconds"],
        apply_wall,
    )


# Instruction counts (valgrind's callgrind) are repeatable whatever else the machine does, so
# they show what a change saves where timings on a shared machine cannot. The lexicon load is
# counted in a second run without the analysis and subtracted.
_COUNTED = """
import sys
from korrektur.engine.base import NoProgress
from korrektur.engine.words import WordAnalyzer
from korrektur.model.document import Document
document = Document.from_path(sys.argv[1])
document.tokens  # made when first asked for since issue 12: reading, not analysis
analyzer = WordAnalyzer()
analyzer.lexicon, analyzer.channel, analyzer.calibration, analyzer.realword
if sys.argv[2] == "analyse":
    analyzer.analyse(document, NoProgress())
"""


def _callgrind_total(document: Path, action: str, out: Path) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-c",
            _COUNTED,
            str(document),
            action,
        ],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    for line in out.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError(f"no instruction total in {out}")


def instructions(words: int) -> tuple[int, int]:
    """Instructions the analysis of the first ``words`` words of the speed report executes."""
    with tempfile.TemporaryDirectory() as tmp:
        document = Path(tmp) / "synthetic.txt"
        document.write_text(synthetic_document(CORPUS, words), encoding="utf-8")
        text = Document.from_path(document)
        loaded = _callgrind_total(document, "load", Path(tmp) / "load.out")
        analysed = _callgrind_total(document, "analyse", Path(tmp) / "analyse.out")
    return text.word_count, analysed - loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--instructions",
        type=int,
        metavar="WORDS",
        nargs="?",
        const=54_000,
        help="count the instructions of one analysis of the first WORDS words of the speed "
        "report under valgrind's callgrind (repeatable; default 54,000 words)",
    )
    args = parser.parse_args()
    if args.instructions:
        if shutil.which("valgrind") is None:
            sys.exit("speed: --instructions needs valgrind (e.g. apt-get install valgrind)")
        words, count = instructions(args.instructions)
        print(
            f"{words:,} words: {count / 1e9:.3f} billion instructions "
            f"({count / words:,.0f} per word)"
        )
        return
    speed = measure()
    print(
        f"{speed.words:,} words: {speed.cpu_seconds:.2f} s CPU, "
        f"{speed.words_per_second:,.0f} words/s; apply {speed.apply_wall_s:.2f} s wall"
    )


if __name__ == "__main__":
    main()
