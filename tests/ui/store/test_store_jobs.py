"""The ordered job queue, the interpreter settings jobs share, and autosaves one at a time."""

import gc
import sys
import threading

import pytest

from korrektur.gcpause import gc_paused
from korrektur.store.atomic import WriteError
from korrektur.ui.autosave_service import AutosaveService
from korrektur.ui.gil import gui_keeps_the_gil
from korrektur.ui.store_jobs import JobQueue, SyncPool


class HeldPool:
    """Keeps jobs until the test runs them: a write that is still "on the disk"."""

    def __init__(self):
        self.jobs = []

    def start(self, runnable):
        self.jobs.append(runnable)

    def run_next(self):
        self.jobs.pop(0).run()

    def waitForDone(self, msecs=-1):
        while self.jobs:
            self.run_next()
        return True


def test_jobs_run_in_order_and_report_on_the_queue(qtbot):
    pool = HeldPool()
    queue = JobQueue(pool)
    seen, busy = [], []
    queue.busy_changed.connect(busy.append)
    queue.submit(lambda: 1, seen.append, seen.append, label="Saving a…")
    queue.submit(lambda: 2, seen.append, seen.append)  # silent: an autosave
    queue.submit(lambda: 3, seen.append, seen.append, label="Exporting b…")
    assert queue.busy
    assert queue.label == "Saving a…"
    pool.run_next()
    assert seen == [1]
    assert busy == ["Saving a…", "Saving a…", "Exporting b…"]
    pool.run_next()
    with qtbot.waitSignal(queue.idle):
        pool.run_next()
    assert seen == [1, 2, 3]
    assert busy[-1] == ""
    assert not queue.busy


def test_failures_become_messages(qtbot, caplog):
    queue = JobQueue(SyncPool())
    done, failed = [], []

    def full():
        raise WriteError("cannot write x: No space left on device")

    def bug():
        raise ZeroDivisionError("division by zero")

    queue.submit(full, done.append, failed.append)
    queue.submit(bug, done.append, failed.append)
    assert done == []
    assert failed[0] == "cannot write x: No space left on device"
    assert failed[1] == "unexpected error: ZeroDivisionError: division by zero"
    assert "a background job failed" in caplog.text
    assert not queue.busy


def test_overlapping_pauses_on_two_threads_restore_the_interpreter():
    interval, collecting = sys.getswitchinterval(), gc.isenabled()
    inside, leave = threading.Event(), threading.Event()

    def job():
        with gui_keeps_the_gil():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=job)
    with gc_paused():  # a snapshot on this thread while the worker's job starts
        worker.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the worker's job still runs: still paused
    with gui_keeps_the_gil():  # a second job overlaps the first, and ends first
        assert sys.getswitchinterval() == pytest.approx(0.0005)
    assert sys.getswitchinterval() == pytest.approx(0.0005)
    leave.set()
    worker.join(5)
    assert gc.isenabled() == collecting
    assert sys.getswitchinterval() == interval


def test_one_autosave_is_written_at_a_time_and_the_newest_waits(qtbot, review, tmp_path):
    from korrektur.store.autosave import find_recoveries

    pool = HeldPool()
    service = AutosaveService(JobQueue(pool), tmp_path / "rec")
    service.watch(review)
    session = review.session
    ids = [s.id for s in session.suggestions]
    session.accept(ids[0])
    service.write_now()
    session.accept(ids[1])
    service.write_now()  # waits for the first
    session.accept(ids[2])
    service.write_now()  # replaces the one waiting
    assert len(pool.jobs) == 1
    written = []
    service.written.connect(written.append)
    pool.run_next()
    assert len(pool.jobs) == 1  # the newest, now under way
    pool.run_next()
    assert len(written) == 2
    assert pool.jobs == []
    [found] = find_recoveries(tmp_path / "rec")
    statuses = [s.status.value for s in found.load().session.suggestions[:4]]
    assert statuses == ["accepted", "accepted", "accepted", "pending"]
    service.stop(keep_unsaved=False)
    pool.waitForDone()
    assert find_recoveries(tmp_path / "rec") == []


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def test_a_recovery_write_waits_for_a_pause_in_the_review(qtbot, review, tmp_path):
    pool, clock = HeldPool(), Clock()
    service = AutosaveService(JobQueue(pool), tmp_path / "rec", clock=clock, idle_ms=50)
    service.watch(review)
    session = review.session
    ids = [s.id for s in session.suggestions]
    for suggestion_id in ids + ids[:3]:  # the 20th decision asks for a write
        session.reject(suggestion_id)
    assert pool.jobs == []  # the reviewer is busy: it waits
    assert service.idle.isActive()
    qtbot.waitUntil(lambda: len(pool.jobs) == 1, timeout=2000)  # a pause: written
    pool.run_next()
    for suggestion_id in ids + ids[:3]:
        session.accept(suggestion_id)
    assert pool.jobs == []
    clock.now = 31.0  # it has waited long enough: the next decision writes it
    session.accept(ids[5])
    assert len(pool.jobs) == 1
    assert not service.idle.isActive()
    pool.run_next()
    service.stop(keep_unsaved=False)
    pool.waitForDone()
