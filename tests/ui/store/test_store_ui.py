import re

import yaml
from fakes import inline_jobs, use, workspace_of
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from review_samples import RAW, by_original, decide_most

from korrektur.formats.reading import Pending
from korrektur.store import atomic
from korrektur.store.autosave import Autosaver, find_recoveries
from korrektur.store.reviewfile import save_review
from korrektur.store.reviewread import load_review
from korrektur.ui import review_dialogs
from korrektur.ui.autosaving import Autosaving
from korrektur.ui.export_dialog import ExportDialog
from korrektur.ui.local_time import local_time
from korrektur.ui.recovery_dialog import RecoveryDialog
from korrektur.ui.version_dialog import VersionHistoryDialog
from korrektur.ui.workspace_service import Store, WorkspaceService
from korrektur.workspace.autosave import AutosavePolicy


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def make_service(qtbot, messages, tmp_path, **kwargs):
    names = {"value": kwargs.pop("name", "Anna Berg")}
    service = WorkspaceService(
        messages,
        inline_jobs(),
        store=Store(
            reviewer=lambda: names["value"],
            set_reviewer=lambda n: names.__setitem__("value", n),
            recovery_folder=tmp_path / "recovery",
            **kwargs,
        ),
    )
    service.names = names
    return service


def autosaving(review, folder, **policy):
    """The window's autosave over a workspace with ``review``, jobs run at once."""
    workspace = workspace_of(review)
    workspace.autosave = AutosavePolicy(folder, **policy)
    service = Autosaving(workspace.autosave, inline_jobs())
    workspace.autosave.watch(review)
    review.add_listener(service.on_change)
    service.watching(True)
    return service


# -- autosave --------------------------------------------------------------------------------


def test_autosave_service_writes_on_decisions_and_on_the_timer(qtbot, review, tmp_path):
    clock = Clock()
    service = autosaving(review, tmp_path / "rec", clock=clock, idle_s=0)
    assert service.timer.isActive()
    ids = [s.id for s in review.session.suggestions]
    with qtbot.waitSignal(service.written):
        for suggestion_id in ids + ids[:3]:
            review.session.reject(suggestion_id)  # the 20th decision writes
    review.session.accept(ids[0])
    service.tick()
    assert len(list((tmp_path / "rec").iterdir())) == 1
    clock.now = 31.0
    with qtbot.waitSignal(service.written):
        service.tick()
    [found] = find_recoveries(tmp_path / "rec")
    assert found.load().session.get(ids[0]).status.value == "accepted"
    service.policy.stop()
    service.stop()
    assert not service.timer.isActive()
    assert found.path.exists()  # unsaved work stays for the next start


def test_autosave_failure_is_reported_and_retried(qtbot, review, tmp_path, monkeypatch):
    service = autosaving(review, tmp_path / "rec", clock=Clock(), idle_s=0)

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    review.session.accept("s1")
    with qtbot.waitSignal(service.failed) as blocker:
        service.write_now()
    assert "No space left" in blocker.args[0]
    assert service.policy.autosaver.behind
    monkeypatch.undo()
    with qtbot.waitSignal(service.written):
        service.write_now()
    service.policy.stop(keep_unsaved=False)
    service.stop()
    assert list((tmp_path / "rec").iterdir()) == []


# -- saving ----------------------------------------------------------------------------------


def test_save_asks_the_name_once_and_writes_a_version(qtbot, messages, tmp_path, review):
    asked = []
    service = make_service(
        qtbot, messages, tmp_path, name="", ask_text=lambda p, q, d: asked.append(q) or "Bo Ek"
    )
    use(service, review)
    decide_most(review.session)
    with qtbot.waitSignal(service.saved):
        assert service.save() is True
    assert not service.unsaved
    saved = load_review(review.path)
    assert saved.history.get(1).reviewer == ""  # no window to ask over: no name
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    review.session.accept(by_original(review.session, "for"))
    service.window = parent
    assert service.save()
    assert load_review(review.path).history.get(2).reviewer == "Bo Ek"
    assert service.names["value"] == "Bo Ek"
    assert len(asked) == 1
    assert messages.infos[-1] == "Saved version 2 to rapport.review.yaml"
    assert find_recoveries(tmp_path / "recovery") == []
    service.close()


def test_a_failed_save_keeps_the_work_and_says_so(qtbot, messages, tmp_path, review, monkeypatch):
    service = make_service(qtbot, messages, tmp_path)
    use(service, review)
    review.session.accept("s1")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with qtbot.waitSignal(service.save_failed):
        assert service.save() is True  # under way; fails on the worker
    assert "could not be saved" in messages.errors[0]
    assert "read-only" in messages.errors[0]
    assert service.unsaved
    assert not review.path.exists()
    service.close(keep_unsaved=False)


def test_save_as_adds_the_suffix(qtbot, messages, tmp_path, review, source):
    answers = ["", str(tmp_path / "kopia")]
    service = make_service(qtbot, messages, tmp_path, ask_path=lambda *a: answers.pop(0))
    use(service, review)
    assert service.save_as() is False  # cancelled
    assert source.read_text(encoding="utf-8") == RAW
    assert service.save_as() is True
    assert (tmp_path / "kopia.review.yaml").is_file()
    assert review.path == tmp_path / "kopia.review.yaml"
    service.close()


# -- export ----------------------------------------------------------------------------------


def test_export_dialog_choices(qtbot, review):
    dialog = ExportDialog(review)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())] == [
        "txt", "tei", "json", "csv", "html", "docx"
    ]  # fmt: skip
    dialog.format_box.setCurrentIndex(1)
    dialog.pending_box.setCurrentIndex(1)
    qtbot.mouseClick(dialog.keep_lines, Qt.MouseButton.LeftButton)
    assert dialog.format_name() == "tei"
    options = dialog.options()
    assert options.pending is Pending.PROPOSED
    assert options.keep_lines
    assert options.version == 0


def test_export_through_the_service_writes_tei(qtbot, messages, tmp_path, review):
    def run(dialog):
        dialog.format_box.setCurrentIndex(1)
        return QDialog.DialogCode.Accepted

    out = tmp_path / "ut"
    service = make_service(qtbot, messages, tmp_path, run_dialog=run, ask_path=lambda *a: str(out))
    use(service, review)
    review.session.accept(*[s.id for s in review.session.suggestions])
    review_dialogs.export(service)
    root = etree.parse(str(tmp_path / "ut.xml")).getroot()
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    assert messages.infos[-1] == "Exported to ut.xml"
    service.close(keep_unsaved=False)


# -- versions --------------------------------------------------------------------------------


def two_versions(review):
    session = review.session
    session.accept(by_original(session, "Uppfoljning"))
    save_review(review, message="ett")
    first = session.decided_text()
    decide_most(session)
    save_review(review, message="två")
    return first


def test_version_dialog_shows_compares_and_restores(qtbot, review):
    first = two_versions(review)
    answers = [False, True]
    dialog = VersionHistoryDialog(workspace_of(review), confirm=lambda q: answers.pop(0))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 3  # current work, version 2, version 1
    assert dialog.table.item(1, 0).text() == "2"
    assert dialog.table.item(2, 4).text() == "ett"
    dialog.table.selectRow(2)
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.viewer.toPlainText() == first
    dialog.table.clearSelection()
    dialog.table.setSelectionMode(dialog.table.SelectionMode.MultiSelection)
    dialog.table.selectRow(1)
    dialog.table.selectRow(2)
    assert dialog.selected() == [1, 2]
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert dialog.views.currentWidget() is dialog.comparison
    text = dialog.comparison.toPlainText()
    assert text.startswith("15 decision(s) differ")
    assert "rejected stodet → stödet, line " in text  # decisions in words, with their line
    assert "edited aret → åren, line " in text
    assert "(before: undecided)" in text
    assert not re.search(r"\b[sm]\d+\b", text)  # no internal ids
    assert "@@" not in text
    html = dialog.comparison.toHtml()
    assert "line-through" in html  # removed words struck (and red), added underlined (green)
    assert "underline" in html
    assert "version 1 (Anna" in text or "version 1 (" in text  # the two sides are named
    dialog.table.clearSelection()
    dialog.table.selectRow(2)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # answered no
    assert not review.dirty
    with qtbot.waitSignal(dialog.restored) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].session.decided_text() == first
    assert review.dirty
    assert dialog.table.item(0, 4).text() == "unsaved"


def test_service_restore_replaces_the_session(qtbot, messages, tmp_path, review):
    two_versions(review)

    def run(dialog):
        dialog.table.selectRow(2)
        dialog.restore()
        return QDialog.DialogCode.Rejected

    service = make_service(qtbot, messages, tmp_path, run_dialog=run)
    use(service, review)
    with qtbot.waitSignal(service.session_replaced) as blocker:
        review_dialogs.show_versions(service)
    restored = blocker.args[0].session
    assert restored is review.session
    assert service.unsaved
    assert service.save()
    assert load_review(review.path).history.get(3).note == "restored from version 1"
    service.close()


# -- recovery --------------------------------------------------------------------------------


def crashed_work(review, folder):
    saver = Autosaver(review, folder, every_decisions=1)
    review.session.accept("s1", "s2")
    return saver.path


def test_recovery_is_offered_and_recovered(qtbot, messages, tmp_path, review):
    old = crashed_work(review, tmp_path / "recovery")

    def run(dialog):
        assert isinstance(dialog, RecoveryDialog)
        assert dialog.list.count() == 1
        text = dialog.list.item(0).text()
        assert "rapport.txt: 2 of 17 suggestions decided, autosaved " in text
        [found] = find_recoveries(tmp_path / "recovery")
        assert text.endswith(local_time(found.saved_at))  # local time, not UTC
        dialog.show()
        qtbot.waitExposed(dialog)
        shown = dialog.list.viewport().width()
        assert dialog.list.fontMetrics().horizontalAdvance(text) < shown  # not cut off
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    service = make_service(qtbot, messages, tmp_path, run_dialog=run)
    with qtbot.waitSignal(service.session_replaced):
        review_dialogs.offer_recovery(service)
    recovered = service.workspace.review
    assert recovered.dirty
    assert [s.status.value for s in recovered.session.suggestions[:3]] == [
        "accepted", "accepted", "pending"
    ]  # fmt: skip
    assert old.exists()  # now the recovered review's own recovery file
    assert service.save()
    assert not old.exists()
    service.close()


def test_recovery_can_be_discarded_or_left_for_later(qtbot, messages, tmp_path, review):
    old = crashed_work(review, tmp_path / "recovery")
    clicks = ["later", "discard"]

    def run(dialog):
        button = dialog.later_button if clicks.pop(0) == "later" else dialog.discard_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result()

    service = make_service(qtbot, messages, tmp_path, run_dialog=run)
    recovered = []
    review_dialogs.offer_recovery(service, recovered.append)
    assert old.exists()
    review_dialogs.offer_recovery(service, recovered.append)
    assert recovered == [False, False]
    assert "for good" in messages.questions[0]
    assert not old.exists()
    assert yaml  # the file format is plain YAML (see test_reviewfile)


def test_adopting_never_replaces_an_existing_review(qtbot, messages, tmp_path, review, source):
    from review_samples import fresh_session

    from korrektur.model import Document, ReviewSession
    from korrektur.store.review import Review
    from korrektur.workspace.commands import free_review_path

    save_review(review)
    answers = [str(tmp_path / "annan")]
    service = make_service(qtbot, messages, tmp_path, ask_path=lambda *a: answers.pop(0))
    document = Document.from_path(source)
    session = ReviewSession(document, fresh_session().suggestions)
    adopted = Review(session, source_path=source, path=free_review_path(document))
    use(service, adopted)
    assert adopted.path is None
    assert service.save()  # asks where: the existing review file stays as it was
    assert len(load_review(review.path).history) == 1
    assert (tmp_path / "annan.review.yaml").is_file()
    service.close()
