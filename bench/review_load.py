"""Peak memory and time of reading a large review file back, each way in a fresh process.

Run: .venv/bin/python bench/review_load.py [PAGES] [--keep FILE]. The review is the one
bench/store_speed.py makes (generated text, two versions); ``--keep FILE`` writes it there
(or reuses FILE if it exists) instead of a temporary folder.

Each reader runs alone in a child process after its imports: the peak RSS it adds
(``ru_maxrss`` after the read minus before), the wall time and the process CPU time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import yaml
from korrektur.store.reviewread import check_utf8, load_review
from korrektur.store.yamlread import load, load_with_nodes
path = Path(sys.argv[1])
how = sys.argv[2]
raw = path.read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
if how == "pyyaml":
    result = yaml.load(raw, Loader=yaml.CSafeLoader)
elif how == "nodes":
    check_utf8(raw)
    result = load_with_nodes(raw)
elif how == "events":
    check_utf8(raw)
    result = load(raw)
else:
    result = load_review(path)
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"wall_s": wall, "cpu_s": cpu, "added_mb": (peak - before) / 1024,
                  "peak_mb": peak / 1024}))
"""

READERS = {
    "pyyaml": "yaml.load(bytes, CSafeLoader)",
    "nodes": "through the node tree (before: yamlread.load_with_nodes)",
    "events": "from the events (yamlread.load)",
    "review": "reviewread.load_review (parse + Review)",
}


def make_review(pages: int, path: Path) -> None:
    """Write store_speed's review of a ``pages``-page report to ``path``."""
    import random

    from korrektur.model import Document, ReviewSession
    from korrektur.store.review import Review
    from korrektur.store.reviewfile import save_review
    from store_speed import analyse, make_text

    path.parent.mkdir(parents=True, exist_ok=True)
    source = path.parent / "stor.txt"
    source.write_text(make_text(pages, random.Random(7)), encoding="utf-8")
    document = Document.from_path(source)
    session = ReviewSession(document, analyse(document), reviewer="Bench")
    review = Review(session, source_path=source)
    ids = [s.id for s in session.suggestions]
    session.accept(*ids[::2])
    save_review(review, path)
    session.reject(*ids[1::4])
    save_review(review, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="?", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="review file to write (or reuse)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each reader")
    args = parser.parse_args()
    path = args.keep or Path(tempfile.mkdtemp()) / "stor.review.yaml"
    if not path.exists():
        make_review(args.pages, path)
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
    print("| reader | added peak RSS | peak RSS | wall | CPU |\n|---|---:|---:|---:|---:|")
    for how, label in READERS.items():
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), how],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            row = json.loads(out)
            added, peak = row["added_mb"], row["peak_mb"]
            print(
                f"| {label} | {added:.0f} MB | {peak:.0f} MB | {row['wall_s']:.2f} s "
                f"| {row['cpu_s']:.2f} s |"
            )


if __name__ == "__main__":
    main()
