"""The real window with a real worker process: saves, exports and restores never block it."""

import errno
import os
import signal
import weakref
from functools import partial

import pytest
from fakes import SLOW, TEXT, fake_engine, workspace_of
from lxml import etree
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog
from review_samples import session_equal

from korrektur.model import Status
from korrektur.model.view import TextView
from korrektur.store import atomic
from korrektur.store.autosave import find_recoveries
from korrektur.store.reviewread import load_review
from korrektur.ui import review_dialogs
from korrektur.ui.actions import ActionId
from korrektur.ui.jobs import Jobs
from korrektur.ui.main_window import MainWindow
from korrektur.ui.messages import Answer
from korrektur.ui.theme import Theme
from korrektur.workspace.runner import ThreadRunner
from korrektur.workspace.worker import WorkerProcess

TEI = "{http://www.tei-c.org/ns/1.0}"
WAIT_MS = 20_000  # a generous bound on a shared machine; the tests wait for signals


@pytest.fixture
def jobs(request):
    """The real worker process; every job must be over when the test ends.

    A test that makes the disk fail by patching this process asks for ``in_process``:
    its commands then run on a thread here (in the background all the same).
    """
    if "in_process" in request.fixturenames:
        jobs = Jobs(partial(ThreadRunner, engine=fake_engine))
    else:
        jobs = request.getfixturevalue("worker_jobs")
    yield jobs
    assert jobs.pool.waitForDone(WAIT_MS)
    assert jobs.pool.activeThreadCount() == 0
    jobs.close()


@pytest.fixture
def in_process():
    """Commands run in this process (see ``jobs``)."""


@pytest.fixture
def window(qtbot, services, files, report):
    win = MainWindow(services, Theme.from_palette(QApplication.palette()))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_path(report)  # analysed in the worker process
    qtbot.waitUntil(lambda: win.dock.model.session is not None, timeout=WAIT_MS)
    return win


def press_save(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def decide(qtbot, window, *keys):
    for key in keys:
        qtbot.keyClick(window.raw_view, key)


def review_file(report):
    return report.with_name("rapport.review.yaml")


def test_ctrl_s_saves_in_the_background_and_the_file_loads_back_identical(
    qtbot, window, files, report
):
    decide(qtbot, window, Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_2)
    session = window.controller.session
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        press_save(qtbot, window)
        # the key press returned before the file was written: the window says so
        assert files.saving
        assert window.isWindowModified()
        assert window.status.busy_label.isVisibleTo(window)
        assert window.status.busy_label.text() == "Saving rapport.review.yaml…"
        assert not window.registry[ActionId.VERSIONS].isEnabled()
    assert not window.isWindowModified()
    assert window.controller.undo_stack.isClean()
    assert not window.status.busy_label.isVisibleTo(window)
    assert window.registry[ActionId.VERSIONS].isEnabled()
    saved = load_review(review_file(report))
    assert session_equal(saved.session, session)
    proposed = TextView(proposals=True)
    assert saved.session.text_with(proposed) == session.text_with(proposed)
    assert [v.reviewer for v in saved.history.versions] == ["Anna Berg"]
    assert window.messages.infos[-1] == "Saved version 1 to rapport.review.yaml"


def test_decisions_made_while_saving_stay_unsaved(qtbot, window, files, report):
    decide(qtbot, window, Qt.Key.Key_A)
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        press_save(qtbot, window)
        decide(qtbot, window, Qt.Key.Key_A)  # the reviewer goes on while it is written
    assert window.isWindowModified()  # the second decision is not in the file
    assert not window.controller.undo_stack.isClean()
    assert load_review(review_file(report)).session.counts()[Status.ACCEPTED] == 1
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        press_save(qtbot, window)
    assert not window.isWindowModified()
    saved = load_review(review_file(report))
    assert saved.session.counts()[Status.ACCEPTED] == 2
    assert len(saved.history) == 2


def test_saving_twice_quickly_writes_both_in_order(qtbot, window, files, report):
    decide(qtbot, window, Qt.Key.Key_A)
    written = []
    files.saved.connect(written.append)
    press_save(qtbot, window)
    decide(qtbot, window, Qt.Key.Key_R)
    press_save(qtbot, window)  # taken once the first is written
    qtbot.waitUntil(lambda: len(written) == 2 and not files.jobs.busy, timeout=WAIT_MS)
    saved = load_review(review_file(report))
    assert [v.counts[Status.REJECTED] for v in saved.history.versions] == [0, 1]
    assert not window.isWindowModified()


def full_disk(*args):
    raise OSError(errno.ENOSPC, "No space left on device")


def read_only_folder(*args, **kwargs):
    raise PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.parametrize(
    ("target", "failure", "said"),
    [
        ("fsync", full_disk, "No space left on device"),
        ("mkstemp", read_only_folder, "is read-only"),
    ],
)
def test_a_failing_write_says_why_and_keeps_the_work(
    qtbot, in_process, window, files, report, monkeypatch, target, failure, said
):
    decide(qtbot, window, Qt.Key.Key_A, Qt.Key.Key_R)
    before = [s.status for s in window.controller.session.suggestions]
    module = atomic.os if target == "fsync" else atomic.tempfile
    monkeypatch.setattr(module, target, failure)
    with qtbot.waitSignal(files.save_failed, timeout=WAIT_MS):
        press_save(qtbot, window)
    [error] = window.messages.errors
    assert error.startswith("The review could not be saved: ")
    assert said in error
    assert "Your work is still open" in error
    assert window.isWindowModified()
    assert not window.status.busy_label.isVisibleTo(window)
    assert [s.status for s in window.controller.session.suggestions] == before
    assert not review_file(report).exists()
    assert len(files.workspace.review.history) == 0
    monkeypatch.undo()  # room again: the same work saves
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        press_save(qtbot, window)
    assert not window.isWindowModified()
    assert [s.status for s in load_review(review_file(report)).session.suggestions] == before


def test_closing_during_a_save_waits_for_it(qtbot, window, files, report, tmp_path):
    decide(qtbot, window, Qt.Key.Key_A, Qt.Key.Key_A)
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        press_save(qtbot, window)
        assert not window.close()  # the save is being written: the window stays for now
        assert window.isVisible()
        assert window.messages.infos[-1] == "Waiting for the review to be written…"
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    assert window.messages.questions == []  # saved: nothing to ask
    assert load_review(review_file(report)).session.counts()[Status.ACCEPTED] == 2
    qtbot.waitUntil(lambda: not files.jobs.busy, timeout=WAIT_MS)
    assert find_recoveries(tmp_path / "recovery") == []


def test_closing_with_unsaved_work_saves_then_closes(qtbot, window, files, report):
    decide(qtbot, window, Qt.Key.Key_R)
    window.messages.unsaved_reply = Answer.SAVE
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        assert not window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    assert load_review(review_file(report)).session.counts()[Status.REJECTED] == 1


def test_a_failed_save_keeps_the_window_open(qtbot, in_process, window, files, report, monkeypatch):
    decide(qtbot, window, Qt.Key.Key_A)
    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with qtbot.waitSignal(files.save_failed, timeout=WAIT_MS):
        press_save(qtbot, window)
        assert not window.close()  # waits for the save, which fails
        assert window.service.waiting
    assert not window.service.waiting  # the close was called off: the reviewer reads why
    assert "No space left on device" in window.messages.errors[-1]
    assert window.isVisible()
    assert window.isWindowModified()
    assert not window.service.waiting
    assert window.controller.session.counts()[Status.ACCEPTED] == 1


def test_opening_another_file_waits_for_the_save(qtbot, window, files, report, tmp_path):
    other = tmp_path / "annan.txt"
    other.write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    decide(qtbot, window, Qt.Key.Key_A)
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        press_save(qtbot, window)
        window.open_path(other)
        assert window.document.name == "rapport.txt"  # not yet
    qtbot.waitUntil(lambda: window.document.name == "annan.txt", timeout=WAIT_MS)
    assert window.messages.questions == []
    assert load_review(review_file(report)).session.counts()[Status.ACCEPTED] == 1


def test_export_runs_in_the_background_and_is_parseable(qtbot, window, files, answers, tmp_path):
    decide(qtbot, window, Qt.Key.Key_A, Qt.Key.Key_A)

    def tei(dialog):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("tei"))
        return QDialog.DialogCode.Accepted

    answers.dialogs.append(tei)
    answers.paths.append(tmp_path / "rapport-tei")
    with qtbot.waitSignal(files.exported, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert window.status.busy_label.text() == "Exporting rapport-tei.xml…"
        decide(qtbot, window, Qt.Key.Key_A)  # after the export was asked for: not in it
    out = tmp_path / "rapport-tei.xml"
    assert blocker.args == [str(out)]
    root = etree.parse(str(out)).getroot()
    assert root.tag == f"{TEI}TEI"
    corrections = [c.text for c in root.iter(f"{TEI}corr")]
    assert corrections == ["Förvaltningen", "ökat"]
    assert window.messages.infos[-1] == "Exported to rapport-tei.xml"


def test_a_failed_export_says_why(qtbot, window, files, answers, tmp_path, report):
    answers.dialogs.append(lambda dialog: QDialog.DialogCode.Accepted)
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    answers.paths.append(blocked / "no" / "ut.txt")  # a folder that is not there
    with qtbot.waitSignal(files.export_failed, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.messages.errors[-1].startswith("The export could not be written:")
    assert report.read_bytes().startswith(b"Forvaltningen har 6kat")


def test_restoring_a_version_in_the_background(qtbot, window, files, report):
    decide(qtbot, window, Qt.Key.Key_A)
    first = window.controller.session.corrected_text()
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        press_save(qtbot, window)
    decide(qtbot, window, Qt.Key.Key_R, Qt.Key.Key_R)
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        press_save(qtbot, window)

    def restore_first(dialog):
        dialog.table.clearSelection()  # (Ctrl from Ctrl+S would add to the selection)
        dialog.table.selectRow(2)
        assert dialog.selected() == [1]
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert dialog.hint.text() == "Restoring version 1…"
        assert not dialog.restore_button.isEnabled()  # one job at a time
        return QDialog.DialogCode.Rejected

    files.store.run_dialog = restore_first
    with qtbot.waitSignal(files.session_replaced, timeout=WAIT_MS):
        review_dialogs.show_versions(window.service)
    assert window.corrected_view.toPlainText() == first
    assert window.controller.session.counts()[Status.REJECTED] == 0
    assert window.isWindowModified()
    assert "restored from version 1" in files.workspace.review.notes


def test_comparing_versions_in_the_background(qtbot, files, review):
    from korrektur.store.reviewfile import save_review
    from korrektur.ui.version_dialog import VersionHistoryDialog

    save_review(review)
    review.session.accept(*(s.id for s in review.session.suggestions[:3]))
    save_review(review)
    dialog = VersionHistoryDialog(workspace_of(review), jobs=files.jobs)
    qtbot.addWidget(dialog)
    dialog.table.clearSelection()
    dialog.table.setSelectionMode(dialog.table.SelectionMode.MultiSelection)
    dialog.table.selectRow(1)
    dialog.table.selectRow(2)
    with qtbot.waitSignal(files.jobs.idle, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
        assert dialog.hint.text() == "Comparing version 1 with version 2…"
    assert dialog.comparison.toPlainText().startswith("3 decision(s) differ")
    assert dialog.hint.text() == "version 1 compared with version 2."
    assert dialog.compare_button.isEnabled()


def test_the_job_runner_is_shared_and_ordered(files, jobs, shared_worker):
    assert files.jobs is jobs
    assert files.autosaving.jobs is files.jobs
    assert isinstance(jobs.pool, QThreadPool)
    assert jobs.pool.maxThreadCount() == 1
    assert isinstance(shared_worker.process, WorkerProcess)


def test_a_save_the_worker_cannot_write_says_why(qtbot, window, files, answers, tmp_path):
    decide(qtbot, window, Qt.Key.Key_A)
    answers.paths.append(tmp_path / "no such folder" / "rapport")
    with qtbot.waitSignal(files.save_failed, timeout=WAIT_MS):
        window.service.save_as()
    assert window.messages.errors[-1].startswith("The review could not be saved: ")
    assert window.isWindowModified()
    assert window.controller.session.counts()[Status.ACCEPTED] == 1


def test_a_worker_killed_while_saving_loses_no_decision_and_is_started_again(
    qtbot, window, files, report, shared_worker
):
    decide(qtbot, window, Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_A)
    before = [s.status for s in window.controller.session.suggestions]
    process = shared_worker.process
    generation = process.generation
    os.kill(process.pid, signal.SIGSTOP)  # the worker stands still: the save cannot finish
    try:
        with qtbot.waitSignal(files.save_failed, timeout=WAIT_MS):
            press_save(qtbot, window)
            assert files.saving
            process.kill()  # it dies with the save under way
    finally:
        if process.generation == generation:  # (not killed: let it go on)
            os.kill(process.pid, signal.SIGCONT)
    [error] = window.messages.errors
    assert error.startswith("The review could not be saved: ")
    assert "the worker process stopped (signal 9); it was started again" in error
    assert "Your work is still open" in error
    assert process.generation == generation + 1
    assert window.isWindowModified()  # every decision is still in the window
    assert [s.status for s in window.controller.session.suggestions] == before
    assert not review_file(report).exists()
    decide(qtbot, window, Qt.Key.Key_R)  # the reviewer goes on; the new worker saves it all
    before = [s.status for s in window.controller.session.suggestions]
    with qtbot.waitSignal(files.saved, timeout=WAIT_MS):
        press_save(qtbot, window)
    assert not window.isWindowModified()
    saved = load_review(review_file(report))
    assert [s.status for s in saved.session.suggestions] == before
    assert [v.number for v in saved.history.versions] == [1]


def test_the_raw_text_is_laid_out_once_when_the_worker_opens_a_file(
    qtbot, services, files, report, monkeypatch
):
    import korrektur.ui.main_window as main_window

    on_gui_thread = []
    prepare = main_window.prepare
    monkeypatch.setattr(
        main_window, "prepare", lambda text: on_gui_thread.append(1) or prepare(text)
    )
    win = MainWindow(services, Theme.from_palette(QApplication.palette()))
    qtbot.addWidget(win)
    win.show()
    win.open_path(report)  # the text comes when it is read, again with the analysed review
    qtbot.waitUntil(lambda: win.dock.model.session is not None, timeout=WAIT_MS)
    assert on_gui_thread == []  # laid out off the GUI thread, once
    assert win.document is win.controller.session.document
    assert win.raw_view.toPlainText() == report.read_text(encoding="utf-8")


def test_the_review_shown_goes_once_another_file_is_read_not_when_it_is_analysed(
    qtbot, window, files, tmp_path
):
    """Opening another file: the old review is freed when the new text shows, in a turn
    of its own, so the window never holds two reviews (nor frees one while laying out the
    next)."""
    shown = weakref.ref(window.controller.session)
    other = tmp_path / "annan.txt"
    other.write_text(f"{SLOW} {TEXT}", encoding="utf-8")  # analysed until cancelled
    read = []
    files.loaded.connect(lambda *_: read.append(shown() is not None))
    window.open_path(other)
    qtbot.waitUntil(lambda: bool(read), timeout=WAIT_MS)
    assert read == [True]  # (taken apart a part per turn from here)
    qtbot.waitUntil(lambda: shown() is None, timeout=5_000)
    assert files.running  # the new file is still being analysed
    with qtbot.waitSignal(files.cancelled, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
