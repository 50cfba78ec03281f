"""Corpus window benchmark: opening 1,000 documents, the concordance, work that must not block.

    python bench/corpus_gui.py [--documents 1000] [--work DIR] [--runs 3] [--write]

Builds (once; kept in ``--work``, default ``/tmp/korrektur-corpus-gui``) the corpus of
``bench/corpus.py``: ``--documents`` documents of about 1,000 words sampled from the pages
of the development documents, analysed with two worker processes. Then, in this process,
with the window drawn offscreen and a 5 ms heartbeat timer running (the longest time
between two beats is how long the window could not react):

* opening: the corpus window made and shown, the project opened (the check of every
  source and review file, on the window's worker thread), until the documents table is
  filled and painted;
* the concordance: a search typed into the pane, until its lines are shown, for the most
  frequent word, a middling one, a rare one and the most frequent correction pair;
* a corpus-wide decision on a correction found in many documents (accept all), and its
  undo, until each says what it did;
* after that decision: the corpus learning again and re-scoring the other documents'
  pending suggestions (on the corpus's worker thread, in this process), with a search
  typed while it runs;
* the background analysis of 20 documents added to the corpus, until it is done.

Results: ``bench/README.md``, section "Corpus window". Needs ``../shared``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build  # noqa: E402
from gui_writes import Heartbeat, settle, watch  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "bench" / "README.md"
START, END = "<!-- corpus-gui:start -->", "<!-- corpus-gui:end -->"


def prepare(work: Path, documents: int) -> Path:
    """The analysed project in ``work`` (made and analysed only the first time)."""
    from korrektur.corpus.batch import Analysis
    from korrektur.corpus.opening import open_corpus
    from korrektur.corpus.project import init_project
    from korrektur.corpus.runners import PoolRunner
    from korrektur.corpus.worker import warm_up

    project = work / "project"
    stamp = work / f"analysed-{documents}"
    if stamp.exists():
        return project
    if work.exists():
        shutil.rmtree(work)
    total = build(work / "sources", documents, 850)
    print(f"corpus: {documents} documents, {total:,} words; analysing…", flush=True)
    init_project(project, work / "sources")
    started = time.perf_counter()
    with open_corpus(project, "analyse") as corpus:
        Analysis(corpus, lambda _: PoolRunner(2, warm_up)).run()
    print(f"analysed in {time.perf_counter() - started:.0f} s", flush=True)
    stamp.touch()
    return project


class Bench:
    """The corpus window on the project, with the heartbeat."""

    def __init__(self, project: Path, scratch: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from korrektur.ui.corpus_review import ReviewLink
        from korrektur.ui.corpus_service import CorpusService
        from korrektur.ui.corpus_window import CorpusWindow
        from korrektur.ui.messages import ConsoleMessages
        from korrektur.ui.settings import REVIEWER, Settings

        class Said(ConsoleMessages):
            def __init__(self) -> None:
                super().__init__()
                self.infos: list[str] = []

            def info(self, text: str) -> None:
                self.infos.append(text)

        self.app = QApplication.instance() or QApplication([])
        self.project = project
        self.settings = Settings.at(scratch / "settings.ini")
        self.settings.set(REVIEWER, "Bench")
        self.messages = Said()
        self.heartbeat = Heartbeat()
        self.window_class, self.service_class = CorpusWindow, CorpusService
        self.link_class = ReviewLink
        self.window: CorpusWindow | None = None
        self.rescore_seconds = 60.0
        self.learn_gap = 0.0

    def open(self) -> dict[str, float]:
        """Make the window and open the project, until the table is painted."""
        service = self.service_class()

        def make() -> None:
            link = self.link_class(lambda: None)
            self.window = self.window_class(self.settings, self.messages, service, link)
            self.window.resize(1280, 820)
            self.window.show()
            self.window.open_project(self.project)

        result = watch(make, service.figures, self.heartbeat)
        assert self.window is not None
        result["rows"] = self.window.documents.model.rowCount()
        return result

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        settle(100)

    def search(self, text: str) -> dict[str, float]:
        """A search as typed: the pane's field, Enter, until the lines are shown."""
        from PySide6.QtCore import QObject, Signal

        window = self.window
        assert window is not None
        pane = window.concordance

        class Shown(QObject):
            done = Signal()

        shown = Shown()
        original = pane.show_found

        def show(found: object) -> None:
            original(found)
            shown.done.emit()

        pane.show_found = show

        def start() -> None:
            pane.search.setText(text)
            pane._committed(pane.search)

        try:
            result = watch(start, shown.done, self.heartbeat)
        finally:
            pane.show_found = original
        assert pane.found is not None
        result["occurrences"] = len(pane.found.concordance)
        result["documents"] = pane.found.concordance.documents()
        return result

    def step(self, action: object) -> dict[str, float]:
        """A decision (or its undo), until the window says what it did."""
        window = self.window
        assert window is not None
        return watch(action, window.decisions.stepped, self.heartbeat)

    def idle(self, seconds: float) -> dict[str, float]:
        """Nothing asked of the window for ``seconds``: the machine's own share of the gaps."""
        from PySide6.QtCore import QTimer

        timer = QTimer(singleShot=True, interval=int(1000 * seconds))
        return watch(timer.start, timer.timeout, self.heartbeat)

    def wait(self, signal: object) -> dict[str, float]:
        """Nothing more done: until ``signal``, with the heartbeat on."""
        return watch(lambda: None, signal, self.heartbeat)

    def rescoring(self, word: str) -> list[tuple[str, str, str, str]]:
        """After a decision: learning, then re-scoring; a search asked meanwhile.

        Rows: learning (from the decision's report), the re-scoring until it ended or was
        stopped (their longest gaps are the window's), and a search typed during each (how
        long it waited).
        """
        window = self.window
        assert window is not None
        learning = window.learning
        started = time.perf_counter()
        paused = self.wait(window.service.aside_jobs.busy_changed)  # the pause, then learning
        during = self.search(word)  # while the corpus learns
        say(f"search while learning: {during}")
        learned = self.wait(learning.running)  # learning, until re-scoring starts
        self.learn_gap = max(paused["gap_ms"], during["gap_ms"], learned["gap_ms"])
        waited = time.perf_counter() - started
        say(f"re-scoring started after {waited:.1f} s")
        from PySide6.QtCore import QTimer

        rescoring_started = time.perf_counter()
        ended: list[object] = []
        learning.rescored.connect(ended.append)
        QTimer.singleShot(int(1000 * self.rescore_seconds), learning.cancel)
        searched = self.search(word)
        say(f"search while re-scoring: {searched}")
        rest = self.wait(learning.rescored) if not ended else searched
        say(f"re-scoring ended: {rest}")
        rescoring = getattr(ended[0], "documents", 0) if ended else 0
        seconds = time.perf_counter() - rescoring_started
        said = next((t for t in reversed(self.messages.infos) if "updated" in t), "(nothing said)")
        return [
            (
                "learn again after the decision",
                f"{waited:.1f} s",
                f"{self.learn_gap:.0f} ms",
                "from the decision's report: 1.5 s pause, then learning from every review",
            ),
            (
                "re-score the other documents",
                f"{rescoring / seconds:.1f} documents/s",
                f"{max(rest['gap_ms'], searched['gap_ms']):.0f} ms",
                f"{rescoring} documents in {seconds:.0f} s, then stopped; “{said}”",
            ),
            (
                f"concordance while learning ({word})",
                f"{1000 * during['seconds']:.0f} ms",
                f"{during['gap_ms']:.0f} ms",
                "learning runs in a worker process, waited for beside the corpus's thread",
            ),
            (
                f"concordance while re-scoring ({word})",
                f"{1000 * searched['seconds']:.0f} ms",
                f"{searched['gap_ms']:.0f} ms",
                "waits for the documents being re-scored (3 at a time)",
            ),
        ]

    def analyse_new(self, sources: Path, count: int) -> dict[str, float]:
        """``count`` documents added to the corpus; the window analyses them."""
        window = self.window
        assert window is not None
        added = sources / "added"
        added.mkdir(exist_ok=True)
        originals = sorted((sources / "part-00").glob("*.txt"))[:count]
        for number, path in enumerate(originals):
            (added / f"new-{number:03d}.txt").write_text(
                path.read_text(encoding="utf-8") + "\nBilaga.\n", encoding="utf-8"
            )
        self.close()
        opened = self.open()  # the check on opening finds them; the analysis starts
        window = self.window
        assert window is not None
        service = window.service
        result = watch(lambda: None, service.analysis_done, self.heartbeat)
        result["documents"] = count
        result["open_s"] = opened["seconds"]
        shutil.rmtree(added)
        return result


def words_to_search(project: Path) -> list[tuple[str, str]]:
    """The most frequent word, a middling and a rare one, and the most frequent pair."""
    from korrektur.corpus.opening import open_corpus

    with open_corpus(project, "status", write=False) as corpus:
        db = corpus.index.db
        text = db.execute("SELECT text FROM texts LIMIT 50").fetchall()
        pair = db.execute(
            """SELECT original, replacement, count(DISTINCT doc) AS n FROM suggestions
               WHERE status = 'pending' AND kinds IN ('diacritic', 'ocr', 'diacritic+ocr')
               GROUP BY original, replacement ORDER BY n DESC LIMIT 1"""
        ).fetchone()
    counts: dict[str, int] = {}
    for (body,) in text:
        for word in body.lower().split():
            if word.isalpha():
                counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=lambda w: -counts[w])
    return [
        ("frequent word", ranked[0]),
        ("middling word", ranked[len(ranked) // 20]),
        ("rare word", next(w for w in reversed(ranked) if len(w) > 6)),
        ("frequent correction", f"{pair[0]} → {pair[1]}"),
    ]


def run(project: Path, runs: int, rescore_seconds: float) -> list[tuple[str, str, str, str]]:
    """Every measurement; rows of (what, time, longest gap, notes)."""
    from korrektur.ui.corpus_actions import CorpusAction

    rows: list[tuple[str, str, str, str]] = []
    copy = project.parent / "project-run"  # decisions and learning change it: a fresh copy
    shutil.rmtree(copy, ignore_errors=True)  # beside the original: ../sources is the same
    shutil.copytree(project, copy)
    (copy / "lock").unlink(missing_ok=True)
    project = copy
    with tempfile.TemporaryDirectory(prefix="korrektur-corpus-gui-") as scratch:
        bench = Bench(project, Path(scratch))
        bench.rescore_seconds = rescore_seconds
        opens = []
        for _ in range(runs):
            opens.append(bench.open())
            say(f"open: {opens[-1]}")
            settle(300)
            bench.close()
        best = min(opens, key=lambda r: r["seconds"])
        rows.append(
            (
                f"open the corpus window ({best['rows']:.0f} documents)",
                timing(opens),
                f"{max(r['gap_ms'] for r in opens):.0f} ms",
                "window made, project checked, table filled and painted",
            )
        )
        bench.open()
        settle(500)
        quiet = bench.idle(10)
        say(f"idle: {quiet}")
        rows.append(
            (
                "the open window, nothing asked of it (10 s)",
                "",
                f"{quiet['gap_ms']:.0f} ms",
                "what the shared machine alone costs the window: compare the gaps below",
            )
        )
        for label, text in words_to_search(project):
            results = [bench.search(text) for _ in range(runs)]
            say(f"search {text}: {results}")
            best = min(results, key=lambda r: r["seconds"])
            rows.append(
                (
                    f"concordance, {label} ({text})",
                    timing(results),
                    f"{max(r['gap_ms'] for r in results):.0f} ms",
                    f"{best['occurrences']:,.0f} occurrences in {best['documents']:,.0f} documents",
                )
            )
        window = bench.window
        assert window is not None
        pane = window.concordance
        lines = pane.lines
        accept = window.commands[CorpusAction.ACCEPT_ALL]
        done = bench.step(lambda: (lines.setFocus(), accept.trigger()))
        say(f"accept all: {done}")
        rows.append(
            (
                "accept all of the frequent correction",
                f"{done['seconds']:.1f} s",
                f"{done['gap_ms']:.0f} ms",
                f"“{bench.messages.infos[-1]}”",
            )
        )
        rows.extend(bench.rescoring(words_to_search(project)[1][1]))
        undone = bench.step(window.undo_stack.undo)
        say(f"undo: {undone}")
        rows.append(
            (
                "undo it (withdraw the rule)",
                f"{undone['seconds']:.1f} s",
                f"{undone['gap_ms']:.0f} ms",
                f"“{bench.messages.infos[-1]}”",
            )
        )
        window.learning.cancel()
        if window.learning.busy:
            bench.wait(window.learning.rescored)
        analysed = bench.analyse_new(project.parent / "sources", 20)
        rows.append(
            (
                "analyse 20 new documents in the background",
                f"{analysed['seconds']:.1f} s",
                f"{analysed['gap_ms']:.0f} ms",
                "worker processes start and load the lexicon first",
            )
        )
        bench.close()
    return rows


def timing(results: list[dict[str, float]]) -> str:
    """Best and median time of several runs, in milliseconds."""
    seconds = [r["seconds"] for r in results]
    return f"{1000 * min(seconds):.0f} ms (median {1000 * statistics.median(seconds):.0f})"


def say(text: str) -> None:
    """Progress on stderr (the table goes to stdout)."""
    print(text, file=sys.stderr, flush=True)


def table(rows: list[tuple[str, str, str, str]]) -> str:
    lines = ["| measured | time | longest event-loop gap | notes |", "|---|---:|---:|---|"]
    lines.extend(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)
    return "\n".join(lines)


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    block = f"{START}\n{text}\n{END}"
    if START in readme:
        head, rest = readme.split(START, 1)
        readme = head + block + rest.split(END, 1)[1]
    else:
        readme = readme.rstrip("\n") + "\n\n" + block + "\n"
    README.write_text(readme, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/korrektur-corpus-gui"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--rescore-seconds", type=float, default=60.0, help="stop the re-scoring after this long"
    )
    parser.add_argument("--write", action="store_true", help="replace the results in README")
    parser.add_argument("--stalls", type=Path, help="write the threads' stacks at each long gap")
    args = parser.parse_args()
    if args.stalls:
        import gui_writes

        gui_writes.STALLS = args.stalls.open("w")
    project = prepare(args.work, args.documents)
    rows = run(project, args.runs, args.rescore_seconds)
    load = os.getloadavg()[0]
    text = table(rows) + f"\n\nLoad average during the run: {load:.1f} (two cores, shared)."
    print(text)
    if args.write:
        write_readme(text)


if __name__ == "__main__":
    main()
