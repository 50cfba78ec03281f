"""The timers of autosave: the workspace's policy decides, these ask it often enough."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from korrektur.model import Change
from korrektur.ui.jobs import Jobs
from korrektur.workspace import commands
from korrektur.workspace.autosave import TICK_S, AutosavePolicy, RecoveryFile
from korrektur.workspace.runner import Failed


class Autosaving(QObject):
    """Hands the recovery files that ``policy`` asks for to ``jobs``, one write at a time.

    A timer lets the store's autosaver look at the clock every ``TICK_S``; a one-shot timer
    comes back when a write that waits for the reviewer to pause is due.

    Attributes:
        policy: when to write (the workspace's).
        timer: the periodic look at the clock; idle: the one-shot wait for a pause.

    Signals:
        written(str): a recovery file was written (its path).
        failed(str): one could not be written (the work in memory is intact).
    """

    written = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        policy: AutosavePolicy,
        jobs: Jobs,
        held: Callable[[], object] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self.jobs = jobs
        self.held = held
        self.timer = QTimer(self, interval=int(TICK_S * 1000))
        self.timer.timeout.connect(self.tick)
        self.idle = QTimer(self, singleShot=True)
        self.idle.timeout.connect(self._paused)

    def watching(self, on: bool) -> None:
        """A review is (or is no longer) watched: look at the clock, or stop looking."""
        if on:
            self.timer.start()
        else:
            self.timer.stop()
        self.pump()

    def on_change(self, _change: Change) -> None:
        """A decision: a write may be due now, or wait on for the pause."""
        self.pump()

    def tick(self) -> None:
        """Let the store's autosaver write if 30 s have passed with unsaved work."""
        self.policy.tick()
        self.pump()

    def write_now(self) -> None:
        """Write the recovery file now (tests, and a recovery moved to a new file)."""
        self.policy.write_now()
        self.pump()

    def _paused(self) -> None:
        self.policy.paused()
        self.pump()

    def pump(self) -> None:
        """Send what is due; come back when the next write is."""
        self.idle.stop()
        while (item := self.policy.take()) is not None:
            self._send(item)
        wait = self.policy.due_in()
        if wait is not None:
            self.idle.start(max(1, int(wait * 1000)))

    def _send(self, item: RecoveryFile) -> None:
        if item.snap is None:
            self.jobs.run(
                commands.remove_recovery,
                item.path,
                lambda _: None,
                lambda failure: self.failed.emit(failure.message),
            )
            return
        self.jobs.run(
            commands.write_recovery,
            commands.RecoveryWrite(item.snap, item.path, item.extra),
            partial(self._written, item),
            partial(self._not_written, item),
            held=self.held(),
        )

    def _written(self, item: RecoveryFile, _path: object) -> None:
        self.policy.finished(item)
        self.written.emit(str(item.path))
        self.pump()

    def _not_written(self, item: RecoveryFile, failure: Failed) -> None:
        self.policy.finished(item, failure.message)
        self.failed.emit(failure.message)
        self.pump()

    def stop(self) -> None:
        """No more looking at the clock (what is queued is still written)."""
        self.timer.stop()
        self.pump()
