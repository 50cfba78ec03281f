"""The one job runner (order, labels, failures as messages) and autosaves one at a time."""

from fakes import workspace_of

from korrektur.store.atomic import WriteError
from korrektur.ui.autosaving import Autosaving
from korrektur.ui.jobs import Jobs, SyncPool
from korrektur.workspace.autosave import AutosavePolicy
from korrektur.workspace.runner import Call, run


class HeldRunner:
    """Keeps jobs until the test runs them: a write that is still "on the disk"."""

    def __init__(self, listener):
        self.listener = listener
        self.jobs = []

    def submit(self, job, held=None):
        self.jobs.append(job)

    def run_next(self):
        job = self.jobs.pop(0)
        self.listener(run(job, Call(job.number, self.listener)))

    def cancel(self, number):
        pass

    def close(self):
        while self.jobs:
            self.run_next()


def give(value, call):
    return value


def test_jobs_run_in_order_and_report_on_the_queue(qtbot):
    jobs = Jobs(HeldRunner, SyncPool())
    runner = jobs.runner
    seen, busy = [], []
    jobs.busy_changed.connect(busy.append)
    jobs.run(give, 1, seen.append, seen.append, label="Saving a…")
    jobs.run(give, 2, seen.append, seen.append)  # silent: an autosave
    jobs.run(give, 3, seen.append, seen.append, label="Exporting b…")
    assert jobs.busy
    assert jobs.label == "Saving a…"
    runner.run_next()
    assert seen == [1]
    assert busy == ["Saving a…", "Saving a…", "Exporting b…"]
    runner.run_next()
    with qtbot.waitSignal(jobs.idle):
        runner.run_next()
    assert seen == [1, 2, 3]
    assert busy[-1] == ""
    assert not jobs.busy


def test_failures_become_messages(qtbot, caplog):
    jobs = Jobs(pool=SyncPool())
    done, failed = [], []

    def full(request, call):
        raise WriteError("cannot write x: No space left on device")

    def bug(request, call):
        raise ZeroDivisionError("division by zero")

    jobs.run(full, None, done.append, failed.append)
    jobs.run(bug, None, done.append, failed.append)
    assert done == []
    assert failed[0].message == "cannot write x: No space left on device"
    assert failed[1].message == "unexpected error: ZeroDivisionError: division by zero"
    assert "a background job failed" in caplog.text
    assert not jobs.busy


def autosaving(review, folder, jobs, **policy):
    """The window's autosave over a workspace with ``review``."""
    workspace = workspace_of(review)
    workspace.autosave = AutosavePolicy(folder, **policy)
    service = Autosaving(workspace.autosave, jobs)
    workspace.autosave.watch(review)
    review.add_listener(service.on_change)
    service.watching(True)
    return service


def test_one_autosave_is_written_at_a_time_and_the_newest_waits(qtbot, review, tmp_path):
    from korrektur.store.autosave import find_recoveries

    jobs = Jobs(HeldRunner, SyncPool())
    runner = jobs.runner
    service = autosaving(review, tmp_path / "rec", jobs)
    session = review.session
    ids = [s.id for s in session.suggestions]
    session.accept(ids[0])
    service.write_now()
    session.accept(ids[1])
    service.write_now()  # waits for the first
    session.accept(ids[2])
    service.write_now()  # replaces the one waiting
    assert len(runner.jobs) == 1
    written = []
    service.written.connect(written.append)
    runner.run_next()
    assert len(runner.jobs) == 1  # the newest, now under way
    runner.run_next()
    assert len(written) == 2
    assert runner.jobs == []
    [found] = find_recoveries(tmp_path / "rec")
    statuses = [s.status.value for s in found.load().session.suggestions[:4]]
    assert statuses == ["accepted", "accepted", "accepted", "pending"]
    service.policy.stop(keep_unsaved=False)
    service.stop()
    runner.close()
    assert find_recoveries(tmp_path / "rec") == []


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def test_a_recovery_write_waits_for_a_pause_in_the_review(qtbot, review, tmp_path):
    clock = Clock()
    jobs = Jobs(HeldRunner, SyncPool())
    runner = jobs.runner
    service = autosaving(review, tmp_path / "rec", jobs, clock=clock, idle_s=0.05)
    session = review.session
    ids = [s.id for s in session.suggestions]
    for suggestion_id in ids + ids[:3]:  # the 20th decision asks for a write
        session.reject(suggestion_id)
    assert runner.jobs == []  # the reviewer is busy: it waits
    assert service.idle.isActive()
    qtbot.waitUntil(lambda: len(runner.jobs) == 1, timeout=2000)  # a pause: written
    runner.run_next()
    for suggestion_id in ids + ids[:3]:
        session.accept(suggestion_id)
    assert runner.jobs == []
    clock.now = 31.0  # it has waited long enough: the next decision writes it
    session.accept(ids[5])
    assert len(runner.jobs) == 1
    assert not service.idle.isActive()
    runner.run_next()
    service.policy.stop(keep_unsaved=False)
    service.stop()
    runner.close()
