"""GUI responsiveness benchmark on a generated 300-page report (issue 5 targets).

Measures, with the offscreen Qt platform:
  - start-up: process start → main window painted, → raw text shown, → suggestions shown
    (a child process, timed by the parent from before it is spawned);
  - the longest gap of a 5 ms QTimer heartbeat while the report is loaded and analysed on the
    worker thread, and separately while the finished analysis is put on screen (with the
    time the suggestion list hand-over takes), and while a filter hides and shows a kind;
  - accept-and-next and reject-and-next: the key press handled and the window repainted;
  - the heartbeat while Ctrl+S saves (twice), each export format is written, two versions
    are compared and one is restored (gui_writes.py), and while the report is opened once
    more, its review file (two versions) read back;
  - peak memory (max RSS) of the process that did all of the above.

The report is generated from resources/samples/kommunrapport.txt (our own text), repeated with
varied numbers and page headers. The analyser is Korrektur's default engine (in the window's
worker process, as in the application); ``--engine synthetic`` uses instead a synthetic
analyser that proposes diacritic fixes for about one word in eight. Results go to
bench/out/gui.json and are printed as a Markdown table.

    python bench/gui.py [--pages 300] [--engine auto|default|synthetic] [--presses 200]
                        [--stalls FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import gui_writes  # noqa: E402
from gui_writes import Answers, Heartbeat, measure_writes, watch  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "kommunrapport.txt"
OUT = ROOT / "bench" / "out"
TARGETS = {"shown_s": 1.5, "gap_ms": 50.0, "accept_ms": 20.0, "rss_mb": 400.0}  # issue 12


# -- the report ---------------------------------------------------------------------------------


def generate_report(pages: int) -> str:
    """``pages`` dense pages (about 3 kB each, like a real report page): the sample's text,
    its inner page breaks removed, with a page header and numbers varied per page."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    body = "\n".join(
        line[1:] if line.startswith(" ") and not line.startswith("  ") else line
        for line in lines[1:]
        if not re.search(r"Sida \d+ \(\d+\)", line)
    )
    out = []
    for number in range(1, pages + 1):
        varied = re.sub(
            r"(?<![\d/])\d{2}(?![\d/])",
            lambda m, n=number: f"{(int(m.group()) + n) % 90 + 10}",
            body,
        )
        out.append(f" Ekbacka kommun{' ' * 45}Sida {number} ({pages})\n{varied}")
    return "\n".join(out) + "\n"


class SyntheticAnalyzer:
    """Stands in for the word engine: diacritic guesses for about one word in eight."""

    name = "synthetic"

    def __init__(self) -> None:
        from korrektur.model import Kind

        self.kinds = frozenset({Kind.DIACRITIC, Kind.OCR})
        self.kind = Kind.DIACRITIC
        self.lexicon: set[str] = set()

    def analyse(self, document, progress):  # noqa: ANN001, ANN201 (the Analyzer protocol)
        from korrektur.model import Suggestion

        found = []
        tokens = document.tokens
        for index, token in enumerate(tokens):
            word = document.text[token.start : token.end].strip(".,:;()")
            start = document.text.index(word, token.start) if word else token.start
            # the work a real engine does per word: candidates and lookups
            variants = {word.replace(a, b, 1) for a, b in (("a", "ä"), ("a", "å"), ("o", "ö"))}
            hits = [v for v in variants if v in self.lexicon]
            digest = zlib.crc32(f"{word}{index}".encode())
            if word.isalpha() and len(variants) > 1 and not hits and digest % 8 == 0:
                best, *others = sorted(v for v in variants if v != word)
                found.append(
                    Suggestion(
                        "",
                        start,
                        start + len(word),
                        word,
                        best,
                        frozenset({self.kind}),
                        0.5 + (digest % 50) / 100,
                        "synthetic: a lost diacritic",
                        tuple(others),
                    )
                )
            if index % 256 == 0:
                if progress.cancelled():
                    from korrektur.engine import AnalysisCancelled

                    raise AnalysisCancelled
                progress.report(index, len(tokens))
        progress.report(len(tokens), len(tokens))
        return found


def synthetic_engine():  # noqa: ANN201
    """The engine of the synthetic analyser (made in the worker process)."""
    from korrektur.engine import Engine

    return Engine([SyntheticAnalyzer()])


def engine_factory(choice: str, report: str):  # noqa: ANN201
    """The engine to measure with, and its name.

    Never built here: the engine lives in the window's worker process (a probe analysis in
    this process would load the lexicon into the window's process and distort its memory).
    """
    from korrektur.engine import default_engine

    if choice in ("auto", "default"):
        return default_engine, "default engine"
    return synthetic_engine, "synthetic analyser"


# -- measurements -------------------------------------------------------------------------------


def build_window(tmp: Path, factory, answers=None):  # noqa: ANN001, ANN201
    """The window as ``korrektur`` builds it; with ``answers``, with the store's service."""
    from functools import partial

    from korrektur.ui.app import application
    from korrektur.ui.jobs import Jobs
    from korrektur.ui.main_window import MainWindow
    from korrektur.ui.messages import ConsoleMessages
    from korrektur.ui.services import Services
    from korrektur.ui.settings import Settings
    from korrektur.ui.theme import ThemeMode, apply_theme
    from korrektur.ui.workspace_service import Store, WorkspaceService
    from korrektur.workspace.worker import WorkerProcess

    class BenchMessages(ConsoleMessages):
        def confirm(self, text: str) -> bool:
            return True  # restore the version, accept the bulk

    app = application()
    theme = apply_theme(app, ThemeMode.LIGHT)
    messages = BenchMessages()
    settings = Settings.at(tmp / "settings.ini")
    store = None
    if answers is not None:
        store = Store(
            reviewer=lambda: "Bench",
            recovery_folder=tmp / "recovery",
            ask_path=answers.ask_path,
            run_dialog=answers.run_dialog,
        )
    jobs = Jobs(partial(WorkerProcess, factory=factory))
    service = WorkspaceService(messages, jobs, settings, store)
    window = MainWindow(Services(settings, messages, service), theme)
    window.resize(1400, 900)
    return app, window


def child_startup(path: Path, choice: str) -> None:
    """Run in a child process: print wall-clock times of the start-up milestones."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    report = path.read_text(encoding="utf-8")
    factory, _ = engine_factory(choice, report)
    with tempfile.TemporaryDirectory() as scratch:
        app, window = build_window(Path(scratch), factory)

        class FirstPaint(QObject):
            seen = False

            def eventFilter(self, watched, event):  # noqa: ANN001, N802
                if event.type() == QEvent.Type.Paint and not self.seen:
                    self.seen = True
                    print(f"shown {time.time()}", flush=True)
                return False

        spy = FirstPaint()
        window.installEventFilter(spy)

        def text_shown(_document: object) -> None:
            QTimer.singleShot(0, lambda: print(f"text {time.time()}", flush=True))

        def analysed(_session: object) -> None:
            def done() -> None:
                print(f"analysed {time.time()}", flush=True)
                window.close()
                app.quit()

            QTimer.singleShot(0, done)

        window.service.loaded.connect(text_shown)
        window.service.session_replaced.connect(lambda built: built and analysed(built))
        window.show()
        window.open_path(path)
        app.exec()
        window.service.shut_down()


def measure_startup(path: Path, choice: str, runs: int) -> dict[str, float]:
    """Median seconds from spawning the process to each milestone."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        start = time.time()
        done = subprocess.run(
            [sys.executable, __file__, "--child-startup", str(path), "--engine", choice],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in done.stdout.splitlines():
            name, stamp = line.split()
            samples.setdefault(name, []).append(float(stamp) - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def watch_open(app, window, path: Path) -> dict[str, float]:  # noqa: ANN001
    """Open ``path`` with a 5 ms heartbeat running; the longest gaps while analysing and
    while the results are put on screen, and how long the list hand-over took."""
    from PySide6.QtCore import QEventLoop, QTimer

    beat = Heartbeat()
    marks: dict[str, int] = {}
    loop = QEventLoop()
    fill = window._fill_list
    fills: list[float] = []

    def timed_fill() -> None:
        start = time.perf_counter()
        fill()
        fills.append((time.perf_counter() - start) * 1000)

    def running(on: bool) -> None:  # emitted just before the results are handed over
        if not on:
            marks["finished"] = beat.now()

    def shown() -> None:
        if "finished" in marks and "shown" not in marks:
            marks["shown"] = beat.now()
            QTimer.singleShot(200, loop.quit)

    def replaced() -> None:
        QTimer.singleShot(0, shown)

    window._fill_timer.timeout.disconnect(fill)
    window._fill_timer.timeout.connect(timed_fill)
    window.service.running_changed.connect(running)
    window.controller.session_replaced.connect(replaced)
    beat.start()
    marks["open"] = beat.now()
    window.open_path(path)
    loop.exec()
    beat.stop()
    window.service.running_changed.disconnect(running)
    window.controller.session_replaced.disconnect(replaced)
    window._fill_timer.timeout.disconnect(timed_fill)
    window._fill_timer.timeout.connect(fill)
    return {
        "analysis_s": (marks["finished"] - marks["open"]) / 1000,
        "gap_analysis_ms": beat.longest_gap(marks["open"], marks["finished"]),
        "gap_showing_ms": beat.longest_gap(marks["finished"], marks["shown"] + 200),
        "gap_analysis_cpu_ms": beat.longest_cpu(marks["open"], marks["finished"]),
        "gap_showing_cpu_ms": beat.longest_cpu(marks["finished"], marks["shown"] + 200),
        "fill_ms": max(fills),
    }


def watch_filters(window) -> dict[str, float]:  # noqa: ANN001
    """The longest gaps while one kind is hidden in the list, and shown again."""
    from korrektur.model import Kind

    beat = Heartbeat()
    action = window.dock.kind_actions[Kind.DIACRITIC]
    hide = watch(action.trigger, window.dock.filter_changed, beat)
    show = watch(action.trigger, window.dock.filter_changed, beat)
    return {"filter_hide_gap_ms": hide["gap_ms"], "filter_show_gap_ms": show["gap_ms"]}


def measure_in_process(path: Path, factory, presses: int) -> dict[str, float]:  # noqa: ANN001
    """Heartbeat gaps during analysis, decision latency and memory."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        copy = folder / path.name  # its review file and exports go here, not to bench/out
        copy.write_bytes(path.read_bytes())
        answers = Answers(folder)
        app, window = build_window(folder, factory, answers)
        window.show()
        app.processEvents()
        first = watch_open(app, window, copy)  # the engine is built in this job
        second = watch_open(app, window, copy)  # a second report: the engine is loaded
        session = window.controller.session
        result = {
            "suggestions": float(len(session.suggestions)),
            "pages": float(len(session.document.pages)),
            "analysis_s": first["analysis_s"],
            "gap_analysis_ms": first["gap_analysis_ms"],
            "gap_showing_ms": first["gap_showing_ms"],
            "gap_showing_cpu_ms": first["gap_showing_cpu_ms"],
            "fill_ms": first["fill_ms"],
            "analysis_warm_s": second["analysis_s"],
            "gap_analysis_warm_ms": second["gap_analysis_ms"],
            "gap_showing_warm_ms": second["gap_showing_ms"],
            "gap_showing_warm_cpu_ms": second["gap_showing_cpu_ms"],
            "fill_warm_ms": second["fill_ms"],
            **watch_filters(window),
        }
        for key, label in ((Qt.Key.Key_A, "accept"), (Qt.Key.Key_R, "reject")):
            times, cpu = [], []
            for _ in range(presses):
                window.raw_view.setFocus()
                start, start_cpu = time.perf_counter(), time.thread_time()
                QTest.keyClick(window.raw_view, key)
                app.processEvents()  # includes repainting panes, list and status bar
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.thread_time() - start_cpu) * 1000)
            times.sort()
            result[f"{label}_median_ms"] = statistics.median(times)
            result[f"{label}_p95_ms"] = times[int(len(times) * 0.95) - 1]
            result[f"{label}_max_ms"] = times[-1]
            result[f"{label}_cpu_median_ms"] = statistics.median(cpu)
        pane = window.corrected_view
        pane.setFocus()
        cursor = pane.textCursor()
        cursor.setPosition(pane.document().characterCount() // 2)
        pane.setTextCursor(cursor)
        QTest.keyClick(pane, Qt.Key.Key_F2)  # typing happens in edit mode only
        app.processEvents()
        typing, typing_cpu = [], []
        for char in "abcdefghij" * (presses // 20 or 1):
            start, start_cpu = time.perf_counter(), time.thread_time()
            QTest.keyClick(pane, char)
            app.processEvents()
            typing.append((time.perf_counter() - start) * 1000)
            typing_cpu.append((time.thread_time() - start_cpu) * 1000)
        result["typing_median_ms"] = statistics.median(typing)
        result["typing_cpu_median_ms"] = statistics.median(typing_cpu)
        result["rss_review_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result.update(measure_writes(app, window, answers))
        result["rss_writes_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        resumed = watch_open(app, window, copy)  # now its review file is read back
        result["resume_s"] = resumed["analysis_s"]
        result["gap_resume_ms"] = resumed["gap_analysis_ms"]
        result["gap_resume_showing_ms"] = resumed["gap_showing_ms"]
        result["gap_resume_cpu_ms"] = resumed["gap_analysis_cpu_ms"]
        result["gap_resume_showing_cpu_ms"] = resumed["gap_showing_cpu_ms"]
        result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result["worker_rss_mb"] = worker_peak_mb(window)
        window.close()
        window.service.close(keep_unsaved=False)
        window.service.shut_down()
        return result


def worker_peak_mb(window) -> float:  # noqa: ANN001
    """The worker process's peak memory (VmHWM), in MB."""
    pid = window.service.jobs.runner.pid
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def write_rows(result: dict[str, float]) -> list[tuple[str, str, str]]:
    """Table rows for saving, exporting, comparing and restoring."""
    from korrektur.formats.exporters import EXPORTERS

    def row(label: str, key: str) -> tuple[str, str, str]:
        return (
            f"{label}: done after / longest gap (its GUI-thread CPU) / GUI-thread part, "
            "wall and CPU",
            f"{result[key + '_seconds']:.2f} s / {result[key + '_gap_ms']:.0f} "
            f"({result[key + '_gap_cpu_ms']:.0f}) ms / "
            f"{result[key + '_gui_ms']:.0f} and {result[key + '_gui_cpu_ms']:.0f} ms",
            f"gap < {TARGETS['gap_ms']:.0f} ms",
        )

    rows = [row("Ctrl+S, first version", "save1"), row("Ctrl+S, second version", "save2")]
    rows += [
        row(f"export {name}", f"export_{name}")
        for name in EXPORTERS
        if f"export_{name}_seconds" in result  # write-back formats need a scan
    ]
    rows += [row("compare versions 1 and 2", "compare"), row("restore version 1", "restore")]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--engine", choices=["auto", "default", "synthetic"], default="auto")
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--startup-runs", type=int, default=3)
    parser.add_argument(
        "--stalls",
        type=Path,
        help="write the stacks of all threads here whenever the window misses beats for 60 ms",
    )
    parser.add_argument("--child-startup", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stalls:
        gui_writes.STALLS = args.stalls.open("w")
    if args.child_startup:
        child_startup(args.child_startup, args.engine)
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    report = generate_report(args.pages)
    path = OUT / f"report-{args.pages}.txt"
    path.write_text(report, encoding="utf-8")
    factory, engine_name = engine_factory(args.engine, report)
    choice = "default" if engine_name == "default engine" else "synthetic"
    startup = measure_startup(path, choice, args.startup_runs)
    result = measure_in_process(path, factory, args.presses)
    result.update({f"startup_{k}_s": v for k, v in startup.items()})
    result["bytes"] = float(len(report.encode("utf-8")))
    result["load_average"] = os.getloadavg()[0]
    (OUT / "gui.json").write_text(json.dumps({"engine": engine_name, **result}, indent=2))
    print(
        f"{args.pages}-page report, {result['bytes'] / 1e6:.2f} MB, {engine_name}, "
        f"{result['suggestions']:.0f} suggestions, analysis {result['analysis_s']:.1f} s "
        f"(later {result['analysis_warm_s']:.1f} s), "
        f"machine load average {result['load_average']:.1f} on {os.cpu_count()} cores"
    )
    rows = [
        ("window shown after start", f"{startup['shown']:.2f} s", "< 1.5 s"),
        ("raw text shown after start", f"{startup['text']:.2f} s", ""),
        ("suggestions shown after start", f"{startup['analysed']:.2f} s", ""),
        (
            "longest event-loop gap, first analysis (engine built in it)",
            f"{result['gap_analysis_ms']:.0f} ms",
            f"< {TARGETS['gap_ms']:.0f} ms",
        ),
        (
            "longest event-loop gap, later analysis (engine loaded)",
            f"{result['gap_analysis_warm_ms']:.0f} ms",
            f"< {TARGETS['gap_ms']:.0f} ms",
        ),
        (
            "longest event-loop gap, results put on screen (first / later); the most "
            "GUI-thread CPU between two beats",
            f"{result['gap_showing_ms']:.0f} / {result['gap_showing_warm_ms']:.0f} ms; "
            f"{result['gap_showing_cpu_ms']:.0f} / {result['gap_showing_warm_cpu_ms']:.0f} ms",
            "",
        ),
        (
            "accept and next, wall (median / p95 / max)",
            f"{result['accept_median_ms']:.1f} / {result['accept_p95_ms']:.1f} / "
            f"{result['accept_max_ms']:.1f} ms",
            f"< {TARGETS['accept_ms']:.0f} ms",
        ),
        (
            "accept and next, GUI-thread CPU (median)",
            f"{result['accept_cpu_median_ms']:.1f} ms",
            "",
        ),
        (
            "reject and next, wall (median / p95 / max)",
            f"{result['reject_median_ms']:.1f} / {result['reject_p95_ms']:.1f} / "
            f"{result['reject_max_ms']:.1f} ms",
            "",
        ),
        (
            "reject and next, GUI-thread CPU (median)",
            f"{result['reject_cpu_median_ms']:.1f} ms",
            "",
        ),
        (
            "typing a character in the corrected text, wall / CPU (median)",
            f"{result['typing_median_ms']:.1f} / {result['typing_cpu_median_ms']:.1f} ms",
            "",
        ),
        (
            "suggestion list hand-over, GUI thread (first / later)",
            f"{result['fill_ms']:.0f} / {result['fill_warm_ms']:.0f} ms",
            "",
        ),
        (
            "longest event-loop gap, hiding / showing a kind in the list",
            f"{result['filter_hide_gap_ms']:.0f} / {result['filter_show_gap_ms']:.0f} ms",
            f"< {TARGETS['gap_ms']:.0f} ms",
        ),
        *write_rows(result),
        (
            "opening the report again, its review file read back: done after / longest gap "
            "(reading / putting on screen); the most GUI-thread CPU between two beats",
            f"{result['resume_s']:.2f} s / {result['gap_resume_ms']:.0f} / "
            f"{result['gap_resume_showing_ms']:.0f} ms; {result['gap_resume_cpu_ms']:.0f} / "
            f"{result['gap_resume_showing_cpu_ms']:.0f} ms",
            f"< {TARGETS['gap_ms']:.0f} ms",
        ),
        (
            "peak memory (max RSS): reviewing / also saving, exporting, restoring / "
            "also reopening with the review file",
            f"{result['rss_review_mb']:.0f} / {result['rss_writes_mb']:.0f} / "
            f"{result['rss_mb']:.0f} MB",
            f"< {TARGETS['rss_mb']:.0f} MB",
        ),
        (
            "peak memory of the worker process (VmHWM): analysing, saving, exporting, reopening",
            f"{result['worker_rss_mb']:.0f} MB",
            "",
        ),
    ]
    print("| measure | result | target |")
    print("|---|---:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
