"""The corpus window's work off the GUI thread: analysis with progress and Cancel; a project
another program writes to; decisions that meet unsaved work in the review window."""

from __future__ import annotations

import threading
import time

from corpus_ui import make_corpus_window, write_corpus
from fakes import WORDS, WordTableAnalyzer, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from korrektur.corpus.batch import Analysis
from korrektur.corpus.lock import WriterLock
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import init_project
from korrektur.corpus.runners import InlineRunner
from korrektur.engine import Engine
from korrektur.model import Status
from korrektur.ui.corpus_actions import CorpusAction
from korrektur.ui.corpus_service import corpus_pool
from korrektur.workspace import engines

WAIT_MS = 20_000


class SlowAnalyzer(WordTableAnalyzer):
    """The word table, a twentieth of a second per document, noting the threads it ran on."""

    def __init__(self) -> None:
        super().__init__(WORDS)
        self.threads: set[int] = set()

    def analyse(self, document, progress):
        self.threads.add(threading.get_ident())
        time.sleep(0.05)
        return super().analyse(document, progress)


def test_analysis_runs_in_the_background_with_progress_and_stops_on_cancel(
    qtbot, services, messages, files, tmp_path, monkeypatch
):
    slow = SlowAnalyzer()
    monkeypatch.setattr(engines, "PROCESS", engines.EngineHolder(lambda: Engine([slow])))
    texts = {f"doc-{n:02}.txt": "Det &r bra for eleverna pa hosten.\n" for n in range(40)}
    root = init_project(tmp_path / "project", write_corpus(tmp_path / "sources", texts)).root
    window = make_corpus_window(qtbot, services, messages, root, pool=corpus_pool())
    progress = []
    window.service.analysis_progress.connect(lambda done, total: progress.append((done, total)))
    qtbot.waitUntil(lambda: window.service.analysing and window.status.analysis_bar.isVisible())
    qtbot.waitUntil(lambda: any(done >= 3 for done, _ in progress), timeout=WAIT_MS)
    assert threading.get_ident() not in slow.threads  # never on the GUI thread
    assert window.status.analysis_bar.maximum() == 40
    with qtbot.waitSignal(window.service.analysis_running, timeout=WAIT_MS):
        qtbot.mouseClick(window.status.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.status.analysis_bar.isVisible()
    assert messages.infos[-1].startswith("Analysis cancelled: ")
    qtbot.waitUntil(lambda: window.figures is not None and not window.service.jobs.busy)
    states = window.figures.status.documents
    assert 3 <= states["analysed"] < 40
    assert states["new"] == 40 - states["analysed"]
    assert "to analyse" in window.status.figures_label.text()
    window.table.setFocus()
    with qtbot.waitSignal(window.service.analysis_done, timeout=60_000):
        qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.service.jobs.busy)
    assert window.figures.status.documents["analysed"] == 40
    window.close()


def _analyse(root):
    with open_corpus(root, "analyse") as corpus:
        Analysis(corpus, lambda _: InlineRunner()).run()


def test_a_project_another_program_writes_to_opens_read_only(
    qtbot, services, messages, files, project
):
    _analyse(project)
    lock = WriterLock(project / "lock", "analyse")
    lock.acquire()
    window = make_corpus_window(qtbot, services, messages, project)
    try:
        qtbot.waitUntil(lambda: window.figures is not None)
        assert window.service.readonly
        assert window.status.readonly_label.isVisible()
        assert not window.service.analysing  # the writer analyses, not this window
        assert any("showing the index as it last committed it" in m for m in messages.infos)
        pane = window.concordance
        qtbot.mouseClick(pane.search, Qt.MouseButton.LeftButton)
        type_text(pane.search, "for")
        qtbot.keyClick(pane.search, Qt.Key.Key_Return)
        assert pane.found is not None  # searching works
        assert len(pane.found.concordance) == 3
        assert not window.commands[CorpusAction.ACCEPT_ALL].isEnabled()
        qtbot.keyClick(pane.lines, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
        assert window.undo_stack.count() == 0
        assert not (project / "rules.yaml").exists()
    finally:
        lock.release()
        window.close()


def test_a_decision_saves_the_open_documents_work_first_and_shows_the_document_again(
    qtbot, corpus_window, project
):
    window = corpus_window
    window.documents.choose("a-budget.txt")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    review = window.review.window
    qtbot.waitUntil(lambda: window.review.current == "a-budget.txt")
    review.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    review.raw_view.setFocus()
    first = review.controller.current()
    assert first.original == "Forvaltningen"
    qtbot.keyClick(review.raw_view, Qt.Key.Key_R)  # rejected here, not saved
    current = review.controller.current_id
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    pane = window.concordance
    qtbot.mouseClick(pane.search, Qt.MouseButton.LeftButton)
    type_text(pane.search, "for")
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    qtbot.keyClick(pane.lines, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    session = review.controller.session
    assert session.get(first.id).status is Status.REJECTED  # the unsaved work kept
    fors = [s for s in session.suggestions if s.original == "for"]
    assert fors
    assert all(s.status is Status.ACCEPTED for s in fors)  # the decision shown at once
    assert review.controller.current_id == current
    assert review.controller.undo_stack.isClean()
    assert not messages_with(window, "not saved")


def messages_with(window, text):
    return [m for m in window.messages.questions + window.messages.errors if text in m]


def test_searches_go_on_while_the_corpus_learns_after_a_decision(
    qtbot, services, messages, files, project, monkeypatch
):
    from korrektur.ui import corpus_learning

    entered, release = threading.Event(), threading.Event()
    real = corpus_learning.learned_elsewhere

    def slow_learning(runner, root):  # a learning that takes as long as the test wants
        entered.set()
        assert release.wait(WAIT_MS / 1000)
        return real(runner, root)

    monkeypatch.setattr(corpus_learning, "learned_elsewhere", slow_learning)
    window = _learning_after_a_decision(qtbot, services, messages, project, entered)
    pane = window.concordance

    qtbot.mouseClick(pane.search, Qt.MouseButton.LeftButton)
    pane.search.clear()
    type_text(pane.search, "pa")
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.found.query.word == "pa", timeout=WAIT_MS)
    assert not release.is_set()  # found while the learning still went on
    assert window.status.busy_label.text() == "Learning…"
    with qtbot.waitSignal(window.learning.learned, timeout=WAIT_MS):
        release.set()
    qtbot.waitUntil(lambda: not window.learning.busy, timeout=WAIT_MS)
    window.close()


def test_closing_the_window_stops_a_learning_under_way(
    qtbot, services, messages, files, project, monkeypatch
):
    from korrektur.corpus.learning import elsewhere
    from korrektur.engine.base import AnalysisCancelled

    entered = threading.Event()

    def endless_learning(corpus, progress, for_writer=False):  # stops only when asked
        entered.set()
        deadline = time.monotonic() + WAIT_MS / 1000
        while not progress.cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise AnalysisCancelled

    monkeypatch.setattr(elsewhere, "learn_corpus", endless_learning)
    window = _learning_after_a_decision(qtbot, services, messages, project, entered)

    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 5  # not the learning's 20 s
    assert window.service.aside_jobs.pool.activeThreadCount() == 0  # the learning ended
    qtbot.wait(100)  # its answer arrives
    assert not messages.errors  # a learning stopped is no error


def _learning_after_a_decision(qtbot, services, messages, project, entered):
    """The window with real threads; Accept all on a searched correction, typed after a
    click in the search field; returns once the learning that follows has begun."""
    window = make_corpus_window(
        qtbot, services, messages, project, pool=corpus_pool(), learning=True
    )
    qtbot.waitUntil(lambda: window.figures is not None and not window.service.jobs.busy)
    window.learning._timer.setInterval(0)  # no pause after the decision
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    pane = window.concordance
    qtbot.mouseClick(pane.search, Qt.MouseButton.LeftButton)
    type_text(pane.search, "for → för")
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.found is not None and pane.lines.hasFocus(), timeout=WAIT_MS)
    with qtbot.waitSignal(window.decisions.stepped, timeout=WAIT_MS):
        qtbot.keyClick(pane.lines, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)
    return window
