"""The window with the store: save, reopen, versions, export, analyse again, recovery, close."""

import pytest
from fakes import SUGGESTED, TEXT, inline_jobs, open_shown
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from korrektur.model import Status
from korrektur.store.autosave import Autosaver, find_recoveries
from korrektur.store.reviewread import load_review
from korrektur.ui import review_dialogs
from korrektur.ui.local_time import local_time
from korrektur.ui.main_window import MainWindow
from korrektur.ui.messages import Answer
from korrektur.ui.theme import Theme
from korrektur.ui.workspace_service import Store, WorkspaceService


def new_window(qtbot, services):
    win = MainWindow(services, Theme.from_palette(QApplication.palette()))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def store_window(qtbot, services, files):
    return new_window(qtbot, services)


def statuses(window):
    return [s.status for s in window.controller.session.suggestions]


def test_save_and_reopen_restores_every_decision(qtbot, store_window, report):
    window = store_window
    open_shown(qtbot, window, report)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_R)
    assert window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    saved = report.with_name("rapport.review.yaml")
    assert load_review(saved).history.get(1).reviewer == "Anna Berg"
    before = statuses(window)
    assert before[:2] == [Status.ACCEPTED, Status.REJECTED]

    open_shown(qtbot, window, report)  # reopening resumes from the review file
    assert statuses(window) == before
    assert window.controller.session.suggestions[0].decided_by == "Anna Berg"
    assert not window.isWindowModified()
    assert window.messages.questions == []


def test_restore_a_version_from_the_history(qtbot, store_window, report, answers, files):
    window = store_window
    open_shown(qtbot, window, report)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    window.service.save()
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    window.service.save()

    def restore_first(dialog):
        dialog.table.selectRow(2)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Rejected

    answers.dialogs.append(restore_first)
    review_dialogs.show_versions(window.service)
    assert window.controller.session.counts()[Status.ACCEPTED] == 1
    assert window.isWindowModified()
    assert "restored from version 1" in files.workspace.review.notes
    window.close()  # unsaved work: the window asks
    assert window.messages.questions


def test_export_from_the_menu(qtbot, store_window, report, answers, tmp_path):
    window = store_window
    open_shown(qtbot, window, report)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    answers.dialogs.append(lambda dialog: QDialog.DialogCode.Accepted)  # txt, the first format
    answers.paths.append(tmp_path / "ut.txt")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "ut.txt").read_text(encoding="utf-8").startswith("Förvaltningen har 6kat")


def test_analysing_again_keeps_decisions(qtbot, store_window, report):
    window = store_window
    open_shown(qtbot, window, report)
    for _ in range(3):
        qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    before = statuses(window)
    window.service.reanalyse()
    assert statuses(window) == before
    assert window.messages.questions == []
    assert window.isWindowModified()


def test_recovery_after_a_crash(qtbot, services, files, report, tmp_path, answers):
    from fakes import fake_engine

    from korrektur.workspace.opening import open_source

    engine = fake_engine()
    crashed, _ = open_source(report, lambda d: engine.analyse(d))
    saver = Autosaver(crashed, tmp_path / "recovery", every_decisions=2)
    crashed.session.accept(crashed.session.suggestions[0].id, crashed.session.suggestions[1].id)
    assert saver.path.exists()

    def recover(dialog):
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    answers.dialogs.append(recover)
    window = new_window(qtbot, services)
    recovered = []
    review_dialogs.offer_recovery(files, recovered.append)
    assert recovered == [True]
    assert window.document.name == "rapport.txt"
    assert statuses(window)[:3] == [Status.ACCEPTED, Status.ACCEPTED, Status.PENDING]
    assert window.isWindowModified()
    assert window.corrected_view.toPlainText().startswith("Förvaltningen har ökat")
    window.messages.unsaved_reply = Answer.SAVE
    window.close()
    assert (
        load_review(report.with_name("rapport.review.yaml")).history.get(1).counts[Status.ACCEPTED]
        == 2
    )
    assert find_recoveries(tmp_path / "recovery") == []


def test_closing_without_saving_drops_the_recovery_file(
    qtbot, store_window, report, files, tmp_path
):
    window = store_window
    open_shown(qtbot, window, report)
    ids = [s.id for s in window.controller.session.suggestions]
    for _ in range(len(ids)):
        qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    files.autosaving.write_now()
    assert find_recoveries(tmp_path / "recovery")
    window.messages.unsaved_reply = Answer.DISCARD
    window.close()
    assert find_recoveries(tmp_path / "recovery") == []
    assert report.read_text(encoding="utf-8") == TEXT


def test_the_reviewer_is_asked_for_a_name_before_deciding(
    qtbot, services, messages, tmp_path, report
):
    names = {"value": ""}
    asked = []
    services.service = WorkspaceService(
        messages,
        inline_jobs(),
        services.settings,
        Store(
            reviewer=lambda: names["value"],
            set_reviewer=lambda name: names.__setitem__("value", name),
            recovery_folder=tmp_path / "recovery",
            ask_text=lambda parent, question, default: asked.append(question) or "Bo Ek",
        ),
    )
    window = new_window(qtbot, services)
    open_shown(qtbot, window, report)
    window.controller.accept()
    assert window.controller.session.suggestions[0].decided_by == "Bo Ek"
    assert names["value"] == "Bo Ek"
    open_shown(qtbot, window, report)  # asked once only
    assert len(asked) == 1
    services.service.close(keep_unsaved=False)


def test_keeping_the_ocr_text_is_saved_as_a_rejection_not_an_edit(qtbot, store_window, report):
    window = store_window
    open_shown(qtbot, window, report)
    window.controller.set_current("s4")  # pa → på; 1 is pä, never the OCR text pa
    window.raw_view.setFocus()
    qtbot.keyClick(window.raw_view, Qt.Key.Key_1)
    window.controller.set_current("s3")  # stodet → stödet: typed back to the OCR text
    qtbot.keyClick(window.raw_view, Qt.Key.Key_E)
    window.editor.selectAll()
    qtbot.keyClicks(window.editor, "stodet")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = load_review(report.with_name("rapport.review.yaml")).session
    assert saved.get("s4").status is Status.EDITED
    assert saved.get("s4").edited_text == "pä"
    assert saved.get("s3").status is Status.REJECTED
    assert saved.get("s3").edited_text is None


def choose(name):
    def run(dialog):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(name))
        return QDialog.DialogCode.Accepted

    return run


def test_export_proposes_a_name_that_is_not_the_source_and_remembers_the_folder(
    qtbot, store_window, report, answers, files, tmp_path
):
    window = store_window
    open_shown(qtbot, window, report)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    answers.dialogs.append(choose("txt"))
    answers.paths.append(SUGGESTED)  # the clerk just confirms
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert answers.suggested == [str(tmp_path / "rapport.corrected.txt")]
    written = tmp_path / "rapport.corrected.txt"
    assert written.read_text(encoding="utf-8").startswith("Förvaltningen har 6kat")
    assert window.messages.errors == []
    assert report.read_text(encoding="utf-8") == TEXT

    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    answers.dialogs.append(choose("tei"))
    answers.paths.append(elsewhere / "rapport.tei.xml")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    answers.dialogs.append(choose("csv"))
    answers.paths.append(SUGGESTED)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert answers.suggested[1:] == [
        str(tmp_path / "rapport.tei.xml"),
        str(elsewhere / "rapport.decisions.csv"),  # the folder of the last export
    ]
    assert (elsewhere / "rapport.decisions.csv").is_file()
    assert files.export_folder == str(elsewhere)


def test_choosing_the_source_is_explained_and_asked_again(
    qtbot, store_window, report, answers, tmp_path
):
    window = store_window
    open_shown(qtbot, window, report)
    answers.dialogs.append(choose("html"))
    answers.paths.extend([report, tmp_path / "granskning.html"])
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(answers.suggested) == 2  # asked again, the Export dialog's choices kept
    assert "rapport.txt is the report or its review file" in window.messages.errors[0]
    assert report.read_text(encoding="utf-8") == TEXT
    assert (tmp_path / "granskning.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")


def test_a_source_named_like_the_proposal_gets_a_numbered_name(tmp_path):
    from korrektur.formats.exporters import EXPORTERS
    from korrektur.ui.export_names import proposed_export

    source = tmp_path / "rapport.corrected.txt"
    proposed = proposed_export(source, EXPORTERS["txt"], None, [source])
    assert proposed == tmp_path / "rapport.corrected.corrected.txt"
    clash = tmp_path / "a.corrected.txt"
    assert proposed_export(tmp_path / "a.txt", EXPORTERS["txt"], None, [clash]) == (
        tmp_path / "a.corrected-2.txt"
    )
    gone = tmp_path / "gone"
    assert (
        proposed_export(source, EXPORTERS["tei"], gone, [])
        == tmp_path / "rapport.corrected.tei.xml"
    )


def test_what_the_pane_shows_by_default_is_what_the_default_export_writes(
    qtbot, store_window, report, answers, tmp_path
):
    window = store_window
    open_shown(qtbot, window, report)
    window.raw_view.setFocus()
    for key in (Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_J, Qt.Key.Key_A):  # s3 left undecided
        qtbot.keyClick(window.raw_view, key)
    shown = window.corrected_view.toPlainText()
    assert shown.startswith("Förvaltningen har 6kat stodet på skolan.")  # stodet: a proposal
    answers.dialogs.append(lambda dialog: QDialog.DialogCode.Accepted)  # txt, as proposed
    answers.paths.append(SUGGESTED)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "rapport.corrected.txt").read_text(encoding="utf-8") == shown

    qtbot.keyClick(window.raw_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    with_proposals = window.corrected_view.toPlainText()
    assert with_proposals.startswith("Förvaltningen har 6kat stödet på skolan.")
    assert with_proposals == window.controller.session.corrected_text()
    assert window.controller.session.get("s3").status is Status.PENDING  # only the view
    assert not window.service.unsaved or window.isWindowModified()

    def proposed_export(dialog):
        assert dialog.pending_box.currentIndex() == 1  # the export follows the view
        return QDialog.DialogCode.Accepted

    answers.dialogs.append(proposed_export)
    answers.paths.append(tmp_path / "med-förslag.txt")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "med-förslag.txt").read_text(encoding="utf-8") == with_proposals


def test_reopening_returns_to_where_the_clerk_stopped_and_says_so(
    qtbot, store_window, report, monkeypatch
):
    window = store_window
    open_shown(qtbot, window, report)
    window.raw_view.setFocus()
    for key in (Qt.Key.Key_A, Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_J, Qt.Key.Key_J):
        qtbot.keyClick(window.raw_view, key)
    stopped = window.controller.current_id
    assert stopped == "s6"
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    open_shown(qtbot, window, report)  # reopened: the review file is read again
    assert window.controller.current_id == stopped
    version = load_review(report.with_name("rapport.review.yaml")).history.get(1)
    clock = local_time(version.time)[-5:]
    assert window.messages.infos[-1] == f"Restored 3 decisions (version 1, saved {clock})"


def decisions(session):
    return [(s.id, s.status, s.edited_text, s.decided_by) for s in session.suggestions]


def test_each_save_writes_the_decisions_made_with_keys_since_the_last(qtbot, store_window, report):
    """A save writes the session's decisions as they stand, one by one, bulk or undone.

    The session keeps its decisions as columns between saves (a save takes copies): a
    decision missed there would be saved wrong.
    """
    window = store_window
    open_shown(qtbot, window, report)
    window.dock.search.setFocus()  # a search first, then back to the text
    window.raw_view.setFocus()
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_R)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    path = report.with_name("rapport.review.yaml")
    first = decisions(window.controller.session)
    assert decisions(load_review(path).session) == first
    bulk = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.dock.bulk_threshold.setValue(0.5)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A, bulk)  # accept what the list shows
    qtbot.keyClick(window.raw_view, Qt.Key.Key_R)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_R)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    second = decisions(window.controller.session)
    assert second != first
    saved = load_review(path)
    assert decisions(saved.session) == second
    assert decisions(saved.version_session(1)) == first


def test_closed_dialogs_do_not_keep_the_review_they_showed(qtbot, store_window, report, answers):
    """Export… and Version history… closed, the report opened again: the review shown
    before is freed (a dialog left with the window kept it, and the window held two)."""
    import gc
    import weakref

    from korrektur.ui.actions import ActionId

    window = store_window
    open_shown(qtbot, window, report)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    answers.dialogs.append(lambda dialog: QDialog.DialogCode.Rejected)  # Export: cancelled
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    answers.dialogs.append(lambda dialog: QDialog.DialogCode.Rejected)  # Versions: closed
    window.registry[ActionId.VERSIONS].trigger()
    assert answers.dialogs == []  # both were shown
    shown = weakref.ref(window.service.workspace.review)
    open_shown(qtbot, window, report)  # resumed from its review file
    gc.collect()
    qtbot.waitUntil(lambda: shown() is None, timeout=2_000)  # (a part per turn)
    assert window.controller.session.counts()[Status.ACCEPTED] == 1
