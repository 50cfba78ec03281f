"""Event-loop heartbeat while the review window saves, exports, restores and compares (gui.py).

Each step is started the way a reviewer starts it (a key press, a dialog button) and the
event loop runs until the store reports the step done, then 200 ms more for the repaint
that follows; a 5 ms ``QTimer`` heartbeat runs throughout. The longest gap between beats
is how long the window could not react.
"""

from __future__ import annotations

import faulthandler
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TextIO

SETTLE_MS = 200


# With ``gui.py --stalls FILE``: where every thread was when the window missed its beats.
STALLS: TextIO | None = None
STALL_S = 0.06


class Heartbeat:
    """A 5 ms timer whose beats are recorded on one clock (milliseconds).

    Each beat (and each ``now``) also records the GUI thread's CPU time: the most of it
    spent between two beats (``longest_cpu``) is how long the window's own work held it
    up, whatever the machine's load; the wall-clock gap adds the waits for a core and for
    the interpreter lock.

    With ``STALLS`` set, each beat re-arms a ``faulthandler`` watchdog: when no beat comes
    for ``STALL_S``, the stacks of all threads are written there (the watchdog needs no
    interpreter lock), so a long gap shows which call held the window up.
    """

    def __init__(self, interval_ms: int = 5) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.clock = QElapsedTimer()
        self.clock.start()
        self.beats: list[int] = []
        self.cpu: dict[int, float] = {}  # wall-clock ms -> the GUI thread's CPU ms then
        self.timer = QTimer(interval=interval_ms)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.beats.append(self.now())
        if STALLS is not None:
            faulthandler.dump_traceback_later(STALL_S, repeat=True, file=STALLS)

    def now(self) -> int:
        wall = int(self.clock.elapsed())
        self.cpu[wall] = time.thread_time() * 1000
        return wall

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if STALLS is not None:
            faulthandler.cancel_dump_traceback_later()

    def longest_gap(self, low: int, high: int) -> float:
        """The longest time without a beat between ``low`` and ``high``."""
        inside = [b for b in self.beats if low <= b <= high]
        points = [low, *inside, high]
        return float(max(b - a for a, b in zip(points, points[1:], strict=False)))

    def longest_cpu(self, low: int, high: int) -> float:
        """The most GUI-thread CPU time spent between two beats from ``low`` to ``high``."""
        points = sorted(t for t in self.cpu if low <= t <= high)
        spent = [self.cpu[b] - self.cpu[a] for a, b in zip(points, points[1:], strict=False)]
        return max(spent, default=0.0)


def watch(action: Callable[[], object], done: Any, heartbeat: Heartbeat) -> dict[str, float]:
    """Run ``action`` with the heartbeat on; wait for the signal ``done``, then settle.

    Returns the seconds until ``done``, the longest gap, and the wall and CPU time
    ``action`` took on the GUI thread (the part before the event loop ran again; the CPU
    time is what the window itself spent, without waiting for the interpreter lock or for
    a core on a busy machine).
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    marks: dict[str, int] = {}

    def finished(*_args: object) -> None:
        if "done" not in marks:
            marks["done"] = heartbeat.now()
            QTimer.singleShot(SETTLE_MS, loop.quit)

    done.connect(finished)
    heartbeat.start()
    marks["start"] = heartbeat.now()
    started, started_cpu = time.perf_counter(), time.thread_time()
    action()
    gui_part, gui_cpu = time.perf_counter() - started, time.thread_time() - started_cpu
    if "done" not in marks:
        loop.exec()
    else:  # finished at once: still let the repaint happen
        QTimer.singleShot(SETTLE_MS, loop.quit)
        loop.exec()
    heartbeat.stop()
    done.disconnect(finished)
    return {
        "seconds": (marks["done"] - marks["start"]) / 1000,
        "gap_ms": heartbeat.longest_gap(marks["start"], marks["done"] + SETTLE_MS),
        "gap_cpu_ms": heartbeat.longest_cpu(marks["start"], marks["done"] + SETTLE_MS),
        "gui_ms": gui_part * 1000,
        "gui_cpu_ms": gui_cpu * 1000,
    }


def settle(ms: int = 500) -> None:
    """Let the window finish repainting what the set-up changed before measuring."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Answers:
    """The bench's answers to the store's dialogs: where to write, which export format."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.format = "txt"
        self.handler: Callable[[Any], Any] | None = None

    def ask_path(self, parent: object, caption: str, suggested: str, filters: str) -> str:
        return str(self.folder / f"export-{Path(suggested).name}")

    def run_dialog(self, dialog: Any) -> Any:
        from PySide6.QtWidgets import QDialog

        from korrektur.ui.export_dialog import ExportDialog

        if isinstance(dialog, ExportDialog):
            dialog.format_box.setCurrentIndex(dialog.format_box.findData(self.format))
            return QDialog.DialogCode.Accepted
        assert self.handler is not None
        return self.handler(dialog)


def measure_writes(app: Any, window: Any, answers: Answers) -> dict[str, float]:
    """Save twice, export every format, restore and compare versions, with the heartbeat."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from korrektur.formats.exporters import EXPORTERS
    from korrektur.ui.review_dialogs import show_versions

    files = window.service
    beat = Heartbeat()
    session = window.controller.session
    ids = [s.id for s in session.suggestions]
    result: dict[str, float] = {}

    def ctrl(key: Qt.Key) -> Callable[[], None]:
        return lambda: QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)

    session.accept(*ids[::2])
    settle()
    for number in (1, 2):
        step = watch(ctrl(Qt.Key.Key_S), files.saved, beat)
        result.update({f"save{number}_{k}": v for k, v in step.items()})
        assert not window.isWindowModified(), "the save did not finish cleanly"
        session.reject(*ids[1::4])
        settle()
    for name, exporter in EXPORTERS.items():
        if exporter.needs_scan:  # write-back formats: the generated report is no scan
            continue
        answers.format = name
        step = watch(ctrl(Qt.Key.Key_E), files.exported, beat)
        result.update({f"export_{name}_{k}": v for k, v in step.items()})
    dialogs: list[Any] = []  # kept alive until their jobs are done

    def click(button: str, rows: list[int]) -> Callable[[Any], Any]:
        def handler(dialog: Any) -> Any:
            dialogs.append(dialog)
            dialog.table.clearSelection()
            mode = dialog.table.selectionMode()
            dialog.table.setSelectionMode(dialog.table.SelectionMode.MultiSelection)
            for row in rows:
                dialog.table.selectRow(row)
            dialog.table.setSelectionMode(mode)
            getattr(dialog, button).click()
            return 0

        return handler

    answers.handler = click("compare_button", [1, 2])  # versions 2 and 1
    step = watch(partial(show_versions, files), files.jobs.idle, beat)
    result.update({f"compare_{k}": v for k, v in step.items()})
    answers.handler = click("restore_button", [2])  # version 1
    step = watch(partial(show_versions, files), files.session_replaced, beat)
    result.update({f"restore_{k}": v for k, v in step.items()})
    answers.handler = None  # their jobs are done: the dialogs go, as a reviewer's do
    dialogs.clear()
    return result
