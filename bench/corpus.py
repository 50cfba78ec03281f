"""Corpus benchmark: a 1,000-document corpus built from the development documents' pages.

    python bench/corpus.py [--documents 1000] [--work DIR] [--no-cluster] [--write]

Builds a corpus of ``--documents`` documents of about 1,000 words each from the pages of
``../shared/corpus/dev`` and ``../shared/corpus/scans`` (``.raw.txt``), sampled and shuffled
with a fixed seed, then measures (results: ``bench/README.md``, section "Corpus"):

* ``corpus analyse`` with one and with two worker processes on fresh projects: wall time,
  words per second, the workers' processor time, the writer's processor time and peak
  memory (the writer is this process: the analysis runs in-process through the same code
  as the command, so that ``getrusage`` sees the writer alone);
* a second ``korrektur corpus analyse`` with nothing changed, ``korrektur corpus status``
  and ``korrektur corpus concordance`` of the most frequent word, as commands (wall time,
  Python's start and Korrektur's imports included) and, for the last two, the query alone;
* a Dask ``LocalCluster`` with two worker processes on a third fresh project, compared
  byte for byte with the local run's review files.

The machine is shared: the script runs at lower priority (``nice``) and reports processor
time beside wall time, since other work on the two cores disturbs the speed-up.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from korrektur.corpus.batch import Analysis
from korrektur.corpus.concordance import word_concordance
from korrektur.corpus.facts import engine_key
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import init_project
from korrektur.corpus.runners import PoolRunner, Runner
from korrektur.corpus.status import corpus_status
from korrektur.corpus.worker import warm_up
from korrektur.model import Document
from korrektur.store.tool import current_tool
from sections import write_section

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDERS = [SHARED / "corpus" / "dev", SHARED / "corpus" / "scans"]
README = ROOT / "bench" / "README.md"
START, END = "<!-- corpus:start -->", "<!-- corpus:end -->"
KORREKTUR = [sys.executable, "-m", "korrektur"]


def pages() -> list[str]:
    """Every page of every development document's raw OCR text."""
    found = []
    for folder in FOLDERS:
        if not folder.is_dir():
            sys.exit(
                f"bench/corpus.py: the development documents are missing: expected {folder} "
                "(../shared beside the repository)"
            )
        for path in sorted(folder.glob("*.raw.txt")):
            document = Document.from_path(path)
            for page in document.pages:
                found.append(document.text[page.start : page.end].rstrip("\n") + "\n")
    return found


def build(folder: Path, documents: int, words: int, seed: int = 13) -> int:
    """Write the corpus into ``folder`` (in sub-folders of 100); returns its word count."""
    source = pages()
    rng = random.Random(seed)
    total = 0
    for number in range(documents):
        chosen: list[str] = []
        count = 0
        while count < words:
            page = rng.choice(source)
            chosen.append(page)
            count += len(page.split())
        rng.shuffle(chosen)
        path = folder / f"part-{number // 100:02d}" / f"doc-{number:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\f".join(chosen), encoding="utf-8")
        total += count
    return total


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def analyse(project: Path, runner: Runner | None, jobs: int) -> dict[str, float]:
    """One analysis through the command's code, in this process (the writer)."""
    children, own = cpu_children(), cpu_self()
    started = time.perf_counter()
    with open_corpus(project, "analyse") as corpus:
        report = Analysis(corpus, lambda _: runner or PoolRunner(jobs, warm_up)).run()
    wall = time.perf_counter() - started
    if report.bad:
        print(f"  bad documents: {report.bad[:3]}", file=sys.stderr)
    return {
        "documents": len(report.analysed),
        "words": report.words,
        "wall": wall,
        "workers_cpu": cpu_children() - children if runner is None else report.cpu_seconds,
        "writer_cpu": cpu_self() - own,
        "writer_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def command(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([*KORREKTUR, *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def frequent_word(project: Path) -> str:
    counts: dict[str, int] = {}
    for path in list(project.rglob("*.txt"))[:50]:
        for word in re.findall(r"\w+", path.read_text(encoding="utf-8").lower()):
            counts[word] = counts.get(word, 0) + 1
    return max(counts, key=lambda w: counts[w])


def best_of(times: int, func: Callable[[], object]) -> str:
    """The best wall and processor time of ``times`` calls, in milliseconds."""
    walls, cpus = [], []
    for _ in range(times):
        started, cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return f"{1000 * min(walls):.0f} ms ({1000 * min(cpus):.0f} ms CPU)"


def cluster_run(project: Path) -> tuple[dict[str, float], object]:
    from distributed import Client, LocalCluster

    from korrektur.corpus.cluster import DaskRunner

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        runner = DaskRunner(client, warm_up)
        figures = analyse(project, runner, 2)
        runner.close()
    return figures, None


def same_reviews(first: Path, second: Path) -> tuple[int, int]:
    files = sorted(p.relative_to(first) for p in (first / "reviews").rglob("*.yaml"))
    same = sum(
        1
        for f in files
        if (second / f).is_file() and (first / f).read_bytes() == (second / f).read_bytes()
    )
    return same, len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--words", type=int, default=800, help="words per document, at least")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--no-cluster", action="store_true", help="skip the LocalCluster run")
    parser.add_argument("--write", action="store_true", help="replace the results in README")
    args = parser.parse_args()
    os.nice(10)
    work = args.work or Path(tempfile.mkdtemp(prefix="korrektur-corpus-bench-"))
    if work.exists():
        shutil.rmtree(work)
    sources = work / "sources"
    total = build(sources, args.documents, args.words)
    print(f"corpus: {args.documents} documents, {total:,} words in {sources}", flush=True)
    current_tool()
    rows: list[tuple[str, str]] = []

    results = {}
    for jobs in (1, 2):
        project = init_project(work / f"jobs{jobs}", sources).root
        figures = analyse(project, None, jobs)
        results[jobs] = figures
        rate = figures["words"] / figures["wall"]
        cpu_rate = figures["words"] / figures["workers_cpu"]
        print(f"analyse --jobs {jobs}: {figures}", flush=True)
        rows.append(
            (
                f"`corpus analyse --jobs {jobs}` (fresh project)",
                f"{figures['wall']:.0f} s wall, {rate:,.0f} words/s; workers "
                f"{figures['workers_cpu']:.0f} s CPU ({cpu_rate:,.0f} words per CPU-second); "
                f"writer {figures['writer_cpu']:.0f} s CPU",
            )
        )
    speedup = results[1]["wall"] / results[2]["wall"]
    one, two = results[1], results[2]
    # On two idle cores: one job's worker and the writer run side by side; two jobs'
    # workers and the writer share the two cores.
    bound = max(one["workers_cpu"], one["writer_cpu"]) / (
        (two["workers_cpu"] + two["writer_cpu"]) / 2
    )
    rows.append(
        (
            "`--jobs 2` ÷ `--jobs 1` throughput (target ≥ 1.8)",
            f"{speedup:.2f}× measured (wall, shared machine: load {os.getloadavg()[0]:.1f}); "
            f"{bound:.2f}× from the processor times on two idle cores",
        )
    )
    peak = max(results[1]["writer_peak_mb"], results[2]["writer_peak_mb"])
    rows.append(("writer (main process) peak memory (target < 300 MB)", f"{peak:.0f} MB"))

    project = work / "jobs2"
    second = min(command("corpus", "analyse", str(project), "--quiet") for _ in range(3))
    rows.append(("second `corpus analyse`, nothing changed (target < 5 s)", f"{second:.2f} s"))
    status = min(command("corpus", "status", str(project)) for _ in range(3))
    engine = engine_key(current_tool())

    def figures() -> None:
        with open_corpus(project, "status", write=False) as corpus:
            corpus_status(corpus, engine)

    query = best_of(5, figures)
    rows.append(
        (
            "`corpus status` (target < 1 s)",
            f"{status:.2f} s as a command; opening and figures {query}",
        )
    )
    word = frequent_word(sources)
    with open_corpus(project, "concordance", write=False) as corpus:
        found = word_concordance(corpus.index, word)
        lookup = best_of(5, lambda: word_concordance(corpus.index, word))
        records = best_of(3, lambda: word_concordance(corpus.index, word).occurrences())
    first = min(
        command("corpus", "concordance", str(project), word, "--limit", "50") for _ in range(3)
    )
    everything = min(command("corpus", "concordance", str(project), word) for _ in range(3))
    rows.append(
        (
            f"`corpus concordance` of '{word}': {len(found):,} occurrences in "
            f"{found.documents():,} documents (target < 200 ms)",
            f"found in {lookup}; with line, page, context and status of every one "
            f"{records}; as a command {first:.2f} s (first 50) and "
            f"{everything:.2f} s (all, to /dev/null)",
        )
    )
    startup = min(command("--version") for _ in range(3))
    rows.append(("`korrektur --version` (Python start and imports alone)", f"{startup:.2f} s"))

    if not args.no_cluster:
        remote = init_project(work / "cluster", sources).root
        figures, _ = cluster_run(remote)
        same, files = same_reviews(work / "jobs1", remote)
        print(f"LocalCluster: {figures}; {same}/{files} identical", flush=True)
        rows.append(
            (
                "LocalCluster, 2 worker processes: review files identical to `--jobs 1`",
                f"{same:,} of {files:,} byte-identical ({figures['wall']:.0f} s wall)",
            )
        )
    same12, files12 = same_reviews(work / "jobs1", work / "jobs2")
    rows.append(("`--jobs 2` review files identical to `--jobs 1`", f"{same12:,} of {files12:,}"))

    table = [
        f"Corpus of {args.documents:,} documents, {total:,} words "
        f"(`python bench/corpus.py --documents {args.documents}`), {time.strftime('%Y-%m-%d')}:",
        "",
        "| measure | result |",
        "|---|---|",
        *(f"| {a} | {b} |" for a, b in rows),
    ]
    text = "\n".join(table)
    print(text)
    if args.write:
        write_section(START, END, text, README)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
