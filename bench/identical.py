"""Check that an engine change leaves every suggestion byte for byte as it was.

``python bench/identical.py record DIR`` stores the ``korrektur suggest --json`` output of every
development set (raw and gold ``lines`` files; ``--kinds word`` and ``all``, and the
leave-one-out ``word`` run of each raw file) and of the synthetic 150,000-word speed report;
``python bench/identical.py check DIR`` runs them again and names every output that differs.
Record before a speed change, check after it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from devdata import CORPUS, ROOT, DevSet, dev_sets, require_shared
from synthetic import synthetic_document

SPEED_WORDS = 150_000
SPEED_FILE = ROOT / "bench" / ".cache" / f"speed-{SPEED_WORDS}.txt"


@dataclass(frozen=True)
class Run:
    """One ``korrektur suggest --json`` run and the file its output is stored in."""

    name: str
    source: Path
    kinds: str
    exclude: str = ""  # KORREKTUR_EXCLUDE_LEARNED

    def output(self) -> bytes:
        env = {**os.environ, "KORREKTUR_EXCLUDE_LEARNED": self.exclude}
        command = [sys.executable, "-m", "korrektur", "suggest", "--json", "--kinds", self.kinds]
        done = subprocess.run(
            [*command, str(self.source)], capture_output=True, check=True, env=env, cwd=ROOT
        )
        # The document's path is left out: records stay valid in another checkout.
        path = json.dumps(str(Path(self.source).resolve()), ensure_ascii=False)[1:-1].encode()
        return done.stdout.replace(path, b"<source>")


def speed_report() -> Path:
    """The synthetic speed report (written once into ``bench/.cache``)."""
    if not SPEED_FILE.is_file():
        SPEED_FILE.parent.mkdir(parents=True, exist_ok=True)
        SPEED_FILE.write_text(synthetic_document(CORPUS, SPEED_WORDS), encoding="utf-8")
    return SPEED_FILE


def runs(quick: bool = False) -> list[Run]:
    """Every run to record or check; ``quick`` leaves out the long speed report."""
    found: list[Run] = []
    for name in dev_sets():
        dev = DevSet.named(name)
        for suffix, source in (("raw", dev.raw), ("lines", dev.gold)):
            for kinds in ("word", "all"):
                found.append(Run(f"{name}.{suffix}.{kinds}", source, kinds))
        found.append(Run(f"{name}.raw.word.loo", dev.raw, "word", name))
    if not quick:
        for kinds in ("word", "all"):
            found.append(Run(f"speed.{kinds}", speed_report(), kinds))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("record", "check"))
    parser.add_argument("directory", type=Path)
    parser.add_argument("--quick", action="store_true", help="the development sets only")
    args = parser.parse_args()
    require_shared()
    todo = runs(args.quick)
    outputs = [run.output() for run in todo]  # one at a time: the machine is shared
    if args.action == "record":
        args.directory.mkdir(parents=True, exist_ok=True)
        for run, output in zip(todo, outputs, strict=True):
            (args.directory / f"{run.name}.json").write_bytes(output)
        print(f"recorded {len(todo)} outputs in {args.directory}")
        return 0
    differ = [
        run.name
        for run, output in zip(todo, outputs, strict=True)
        if (args.directory / f"{run.name}.json").read_bytes() != output
    ]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(todo) - len(differ)} of {len(todo)} outputs identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
