"""Commands and the runners that run them: messages out, cancel in, the engine built once;
the worker process, cancelled, killed and started again."""

import threading
from functools import partial

import pytest
from fakes import SLOW, fake_engine

from korrektur.model import Document
from korrektur.workspace import commands
from korrektur.workspace.engines import EngineHolder
from korrektur.workspace.runner import (
    Cancelled,
    Done,
    Failed,
    InlineRunner,
    Job,
    Progress,
    ThreadRunner,
)
from korrektur.workspace.worker import STOPPED

WAIT_S = 20


class Recorder:
    def __init__(self):
        self.events = []
        self.ended = threading.Event()

    def __call__(self, message):
        self.events.append(message)
        if isinstance(message, Done | Failed | Cancelled):
            self.ended.set()

    def kinds(self):
        return [type(e).__name__ for e in self.events if not isinstance(e, Progress)]

    def wait(self):
        assert self.ended.wait(WAIT_S)
        self.ended.clear()


def test_a_file_is_read_then_analysed(report):
    recorder = Recorder()
    InlineRunner(recorder, fake_engine).submit(Job(1, commands.open_file, report))
    assert recorder.kinds() == ["Note", "Done"]
    assert recorder.events[0].what.name == "rapport.txt"
    opened = recorder.events[-1].result
    assert len(opened.review.session.suggestions) > 10
    assert not opened.cancelled


def test_a_missing_file_is_reported(tmp_path):
    recorder = Recorder()
    InlineRunner(recorder, fake_engine).submit(Job(1, commands.open_file, tmp_path / "saknas.txt"))
    assert recorder.kinds() == ["Failed"]
    assert "does not exist" in recorder.events[0].message


def test_cancelled_before_the_analysis_the_text_opens_without_suggestions(report):
    recorder = Recorder()
    runner = InlineRunner(recorder, fake_engine)
    runner.cancel(1)
    runner.submit(Job(1, commands.open_file, report))
    assert recorder.kinds() == ["Note", "Done"]
    opened = recorder.events[-1].result
    assert opened.cancelled
    assert opened.review.session.suggestions == []
    assert opened.review.path == report.with_name("rapport.review.yaml")


def test_analysing_again_can_be_cancelled():
    recorder = Recorder()
    runner = InlineRunner(recorder, fake_engine)
    runner.cancel(1)
    runner.submit(Job(1, commands.analyse_again, Document.from_text("pa\n")))
    assert recorder.kinds() == ["Cancelled"]


def test_engine_errors_become_messages(report):
    class Broken:
        def analyse(self, document, kinds, progress=None):
            raise RuntimeError("lexicon missing")

    recorder = Recorder()
    InlineRunner(recorder, Broken).submit(Job(1, commands.open_file, report))
    assert recorder.kinds() == ["Note", "Failed"]
    assert "lexicon missing" in recorder.events[-1].message
    assert not recorder.events[-1].expected


def test_engine_is_built_once():
    built = []

    def factory():
        built.append(1)
        return fake_engine()

    holder = EngineHolder(factory)
    assert holder.get() is holder.get()
    assert built == [1]


def test_warm_up_builds_the_engine_once(report):
    built = []

    def factory():
        built.append(1)
        return fake_engine()

    recorder = Recorder()
    runner = InlineRunner(recorder, factory)
    runner.submit(Job(1, commands.warm_up, None))
    runner.submit(Job(2, commands.open_file, report))
    assert built == [1]
    assert recorder.kinds() == ["Done", "Note", "Done"]


def test_warm_up_failure_is_left_to_the_analysis(report):
    def broken():
        raise RuntimeError("no lexicon")

    recorder = Recorder()
    runner = InlineRunner(recorder, broken)
    runner.submit(Job(1, commands.warm_up, None))
    runner.submit(Job(2, commands.open_file, report))
    assert recorder.kinds() == ["Failed", "Note", "Failed"]
    assert "no lexicon" in recorder.events[-1].message


def test_cancel_while_running_on_a_thread():
    recorder = Recorder()
    runner = ThreadRunner(recorder, fake_engine)
    runner.submit(Job(1, commands.analyse_again, Document.from_text(f"pa {SLOW}\n")))
    for _ in range(1000):
        if any(isinstance(e, Progress) for e in recorder.events):
            break
        threading.Event().wait(0.005)
    runner.cancel(1)
    recorder.wait()
    runner.close()
    assert recorder.kinds() == ["Cancelled"]


@pytest.fixture
def worker(shared_worker):
    """The shared worker process, its messages recorded."""
    recorder = Recorder()
    runner = shared_worker.runner(recorder)
    yield shared_worker.process, recorder
    runner.close()


def numbers():
    from korrektur.ui.jobs import _NUMBERS

    return _NUMBERS


def test_the_worker_process_analyses_and_is_cancelled(worker, report):
    process, recorder = worker
    first, second = next(numbers()), next(numbers())
    process.submit(Job(first, commands.open_file, report))
    recorder.wait()
    assert recorder.kinds() == ["Note", "Done"]
    assert len(recorder.events[-1].result.review.session.suggestions) > 10
    recorder.events.clear()
    process.submit(Job(second, commands.analyse_again, Document.from_text(f"pa {SLOW}\n")))
    while not any(isinstance(e, Progress) for e in recorder.events):
        threading.Event().wait(0.005)
    process.cancel(second)
    recorder.wait()
    assert recorder.kinds() == ["Cancelled"]


def test_a_killed_worker_is_reported_and_started_again(worker, report):
    process, recorder = worker
    generation = process.generation
    number = next(numbers())
    process.submit(Job(number, commands.analyse_again, Document.from_text(f"pa {SLOW}\n")))
    while not any(isinstance(e, Progress) for e in recorder.events):
        threading.Event().wait(0.005)
    process.kill()
    recorder.wait()
    [failed] = [e for e in recorder.events if isinstance(e, Failed)]
    assert failed.kind == STOPPED
    assert "started again" in failed.message
    assert process.generation == generation + 1
    recorder.events.clear()
    process.submit(Job(next(numbers()), commands.open_file, report))  # the new worker works
    recorder.wait()
    assert recorder.kinds() == ["Note", "Done"]


def test_the_inline_runner_uses_its_own_engine():
    recorder = Recorder()
    made = partial(fake_engine, {})  # an engine that knows no word
    InlineRunner(recorder, made).submit(
        Job(1, commands.analyse_again, Document.from_text("Forvaltningen\n"))
    )
    assert recorder.events[-1].result == []
