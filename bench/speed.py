"""Speed and memory of the word engine: index build and load, words per second, RSS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from devdata import CORPUS
from synthetic import synthetic_document

ROOT = Path(__file__).resolve().parent.parent

_LOAD = """
import json, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
import korrektur.engine.words.lexicon as lx, korrektur.engine.words.channel as ch
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
analyzer = WordAnalyzer()
analyzer.lexicon, analyzer.channel, analyzer.calibration
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
