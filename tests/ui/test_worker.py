"""The analysis job: signals out, cancel in, the engine built once."""

import time

import pytest
from fakes import fake_engine
from PySide6.QtCore import QThreadPool

from korrektur.engine import AnalysisCancelled
from korrektur.model import Document
from korrektur.ui.worker import AnalysisJob, EngineHolder


class Recorder:
    def __init__(self, job):
        self.events = []
        job.signals.loaded.connect(lambda n, d, p: self.events.append(("loaded", d.name)))
        job.signals.progress.connect(lambda n, done, total: self.events.append(("progress",)))
        job.signals.finished.connect(lambda n, a: self.events.append(("finished", a.session)))
        job.signals.failed.connect(lambda n, m: self.events.append(("failed", m)))
        job.signals.cancelled.connect(lambda n: self.events.append(("cancelled",)))

    def kinds(self):
        return [e[0] for e in self.events if e[0] != "progress"]


def test_job_loads_then_finishes(report):
    job = AnalysisJob(1, report, EngineHolder(fake_engine))
    recorder = Recorder(job)
    job.run()
    assert recorder.kinds() == ["loaded", "finished"]
    session = recorder.events[-1][1]
    assert len(session.suggestions) > 10


def test_job_reports_a_missing_file(tmp_path):
    job = AnalysisJob(1, tmp_path / "saknas.txt", EngineHolder(fake_engine))
    recorder = Recorder(job)
    job.run()
    assert recorder.kinds() == ["failed"]
    assert "does not exist" in recorder.events[0][1]


def test_cancel_before_start():
    job = AnalysisJob(1, Document.from_text("pa\n"), EngineHolder(fake_engine))
    recorder = Recorder(job)
    job.cancel()
    job.run()
    assert recorder.kinds() == ["loaded", "cancelled"]


def test_engine_errors_become_messages():
    class Broken:
        def analyse(self, document, kinds, progress=None):
            raise RuntimeError("lexicon missing")

    job = AnalysisJob(1, Document.from_text("pa\n", "a.txt"), EngineHolder(Broken))
    recorder = Recorder(job)
    job.run()
    assert recorder.kinds() == ["loaded", "failed"]
    assert "lexicon missing" in recorder.events[-1][1]


def test_engine_is_built_once():
    built = []

    def factory():
        built.append(1)
        return fake_engine()

    holder = EngineHolder(factory)
    assert holder.get() is holder.get()
    assert built == [1]


def test_cancel_while_running_on_a_thread(qtbot):
    class Waiting:
        def analyse(self, document, kinds, progress=None):
            while not progress.cancelled():
                progress.report(1, 2)
                time.sleep(0.001)
            raise AnalysisCancelled

    job = AnalysisJob(1, Document.from_text("pa\n"), EngineHolder(Waiting))
    job.setAutoDelete(False)
    recorder = Recorder(job)  # connected before the thread starts emitting
    pool = QThreadPool()
    pool.start(job)
    qtbot.waitUntil(lambda: ("progress",) in recorder.events, timeout=5000)
    job.cancel()
    qtbot.waitUntil(lambda: "cancelled" in recorder.kinds(), timeout=5000)
    assert pool.waitForDone(5000)
    assert recorder.kinds() == ["loaded", "cancelled"]


def test_warm_up_builds_the_engine_once():
    from korrektur.ui.worker import EngineWarmUp

    built = []

    def factory():
        built.append(1)
        return fake_engine()

    holder = EngineHolder(factory)
    EngineWarmUp(holder).run()
    job = AnalysisJob(1, Document.from_text("pa\n"), holder)
    recorder = Recorder(job)
    job.run()
    assert built == [1]
    assert recorder.kinds() == ["loaded", "finished"]


def test_warm_up_failure_is_left_to_the_analysis():
    from korrektur.ui.worker import EngineWarmUp

    def broken():
        raise RuntimeError("no lexicon")

    holder = EngineHolder(broken)
    EngineWarmUp(holder).run()  # logged, not raised
    job = AnalysisJob(1, Document.from_text("pa\n"), holder)
    recorder = Recorder(job)
    job.run()
    assert recorder.kinds() == ["loaded", "failed"]
    assert "no lexicon" in recorder.events[-1][1]


def test_job_restores_the_interpreter_settings(report):
    import gc
    import sys

    interval = sys.getswitchinterval()
    seen = []

    class Watching:
        def analyse(self, document, kinds, progress=None):
            seen.append((gc.isenabled(), sys.getswitchinterval()))
            return []

    AnalysisJob(1, report, EngineHolder(Watching)).run()
    assert seen == [(False, pytest.approx(0.0005))]  # collector paused, GIL handed back quickly
    assert gc.isenabled()
    assert sys.getswitchinterval() == interval
