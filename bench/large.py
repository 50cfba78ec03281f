"""Time and memory of the command line on large inputs, up to the largest file Korrektur accepts.

``python bench/large.py [MB ...] [--commands info,suggest,apply]`` writes a synthetic report of
each size (reference paragraphs with OCR-like damage, ``synthetic.py``) to a temporary folder and
runs each command on it in a fresh process, one at a time, reporting wall time, CPU time and
peak resident memory (``/usr/bin/time``). Results: ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devdata import CORPUS
from synthetic import synthetic_document

ROOT = Path(__file__).resolve().parent.parent
KORREKTUR = [sys.executable, "-m", "korrektur"]
# The first review of a report, as the window saves it: analysed, then written.
_SAVE_REVIEW = """
import sys
from pathlib import Path
from korrektur.engine import default_engine
from korrektur.model import Document, ReviewSession
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review
document = Document.from_path(sys.argv[1])
session = ReviewSession(document, default_engine().analyse(document))
review = Review(session, source_path=document.path)
save_review(review, review_path_for(Path(sys.argv[1])))
"""
COMMANDS = {
    "info": [*KORREKTUR, "info", "{file}"],
    "suggest": [*KORREKTUR, "suggest", "{file}", "--json"],
    "apply": [*KORREKTUR, "apply", "{file}", "-o", "{out}"],
    # the window: opened offscreen on the report, analysed and drawn
    "window": [*KORREKTUR, "{file}", "--screenshot", "{out}.png"],
    "save-review": [sys.executable, "-c", _SAVE_REVIEW, "{file}"],
    # a saved review read back and exported (what every review command and the window do)
    "export-review": [*KORREKTUR, "export", "{review}", "-o", "{out}"],
}


def write_report(folder: Path, megabytes: float) -> Path:
    """A synthetic report of about ``megabytes`` MB (UTF-8), built once per size and cached."""
    target = folder / f"large-{megabytes:g}mb.txt"
    if target.is_file():
        return target
    size = int(megabytes * 1024 * 1024)
    words = max(1000, size // 7)
    text = synthetic_document(CORPUS, words)
    while len(text.encode("utf-8")) < size:
        text += text
    data = text.encode("utf-8")[:size]
    cut = data.rfind(b"\n") + 1
    target.write_bytes(data[:cut])
    return target


def run(command: str, report: Path, folder: Path) -> dict[str, float | str]:
    """One command in a fresh process: wall seconds, CPU seconds, peak RSS in MB, exit code."""
    review = report.with_name(report.stem + ".review.yaml")
    args = [a.format(file=report, out=folder / "out.txt", review=review) for a in COMMANDS[command]]
    stats = folder / "time.txt"
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%U %S %M", "-o", str(stats), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    user, system, peak_kb = stats.read_text().split()[-3:]
    return {
        "command": command,
        "mb": round(report.stat().st_size / 1024 / 1024, 2),
        "review_mb": round(review.stat().st_size / 1024 / 1024, 1) if review.is_file() else 0,
        "wall_s": round(wall, 1),
        "cpu_s": round(float(user) + float(system), 1),
        "peak_rss_mb": round(int(peak_kb) / 1024),
        "exit": done.returncode,
        "stderr": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=float, default=[1, 4, 16, 50])
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--folder", type=Path, help="keep the reports here (default: temporary)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"bench: the reference corpus is missing: expected {CORPUS}")
    os.environ.setdefault("PYTHONPATH", str(ROOT / "app"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for megabytes in args.sizes:
            report = write_report(folder, megabytes)
            for command in args.commands.split(","):
                print(json.dumps(run(command, report, folder)), flush=True)


if __name__ == "__main__":
    main()
