"""The concordance pane: search with the keys, decide in one step, undo, the rules."""

from __future__ import annotations

from pathlib import Path

from fakes import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from korrektur.corpus.rules import load_rules
from korrektur.model import Status
from korrektur.store.reviewread import load_review
from korrektur.ui.concordance_model import Line

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _statuses(project: Path, original: str) -> dict[tuple[str, str], Status]:
    found = {}
    for path in sorted((project / "reviews").glob("*.review.yaml")):
        review = load_review(path)
        for s in review.session.suggestions:
            if s.original == original:
                found[path.name, s.id] = s.status
    return found


def _search(qtbot, window, text):
    """Click in the search field, type, Enter: the occurrences get the keys."""
    pane = window.concordance
    qtbot.mouseClick(pane.search, Qt.MouseButton.LeftButton)
    assert pane.search.hasFocus()
    pane.search.clear()
    type_text(pane.search, text)
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.found is not None and pane.found.query.word in text)
    assert pane.lines.hasFocus()
    return pane


def _lines(pane):
    model = pane.model
    return [
        tuple(model.index(row, column).data() for column in Line) for row in range(model.rowCount())
    ]


def test_a_search_lists_every_occurrence_in_context_and_keys_typed_there_never_decide(
    qtbot, corpus_window, project
):
    before = _statuses(project, "for")
    pane = _search(qtbot, corpus_window, "for")
    lines = _lines(pane)
    assert len(lines) == 3
    assert [line[Line.DOCUMENT] for line in lines] == [
        "a-budget.txt",
        "a-budget.txt",
        "d-protokoll.txt",
    ]
    first = lines[0]
    assert first[Line.LEFT].endswith("Det &r bra ")
    assert first[Line.KEYWORD] == "for"
    assert first[Line.RIGHT].startswith(" eleverna.")
    assert first[Line.CORRECTION] == "→ för"
    assert first[Line.STATUS] == "pending"
    assert lines[1][Line.PAGE] == "2"  # "for aret" is on the second page
    assert pane.count.text() == "3 occurrences in 2 documents, 3 pending"
    assert _statuses(project, "for") == before  # the a and r typed in the field decided nothing
    left = pane.model.index(0, Line.LEFT).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(left) & Qt.AlignmentFlag.AlignRight  # aligned on the keyword


def test_shift_a_accepts_everything_found_in_one_step_and_ctrl_z_takes_it_back(
    qtbot, corpus_window, project
):
    window = corpus_window
    pane = _search(qtbot, window, "for")
    qtbot.keyClick(pane.lines, Qt.Key.Key_A, SHIFT)
    assert window.messages.infos[-1] == "Accepted 3 × for → för in 2 documents"
    assert set(_statuses(project, "for").values()) == {Status.ACCEPTED}
    assert {line[Line.STATUS] for line in _lines(pane)} == {"accepted"}  # searched again
    review = load_review(project / "reviews" / "a-budget.txt.review.yaml")
    assert "corpus rule r1: accept 'for' → 'för'" in review.history.versions[-1].note
    assert review.history.versions[-1].reviewer == "Anna Berg"
    undo = window.undo_stack
    assert undo.count() == 1
    assert undo.undoText() == "accept 3 × for → för"
    qtbot.keyClick(pane.lines, Qt.Key.Key_Z, CTRL)
    assert set(_statuses(project, "for").values()) == {Status.PENDING}
    assert window.messages.infos[-1].startswith("Undone: accept 3 × for → för — 3 decisions")
    qtbot.keyClick(pane.lines, Qt.Key.Key_Z, CTRL | SHIFT)
    assert set(_statuses(project, "for").values()) == {Status.ACCEPTED}
    assert [r.id for r in load_rules(project / "rules.yaml")] == ["r1"]


def test_r_rejects_only_the_chosen_lines(qtbot, corpus_window, project):
    window = corpus_window
    pane = _search(qtbot, window, "for")
    rect = pane.lines.visualRect(pane.model.index(2, Line.KEYWORD))
    qtbot.mouseClick(pane.lines.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())
    chosen = {index.row() for index in pane.lines.selectionModel().selectedRows()}
    assert chosen == {0, 2}
    qtbot.keyClick(pane.lines, Qt.Key.Key_R)
    assert window.messages.infos[-1] == "Rejected 2 × for → för in 2 documents"
    statuses = _statuses(project, "for")
    assert sorted(statuses.values()) == sorted([Status.REJECTED, Status.REJECTED, Status.PENDING])
    rule = load_rules(project / "rules.yaml")[0]
    assert rule.scope == "selected"
    assert [line[Line.STATUS] for line in _lines(pane)] == ["rejected", "pending", "rejected"]


def test_a_correction_is_ruled_for_later_documents_and_the_rule_withdrawn_from_its_list(
    qtbot, corpus_window, project
):
    window = corpus_window
    pane = _search(qtbot, window, "pa → på")
    assert pane.found.query.replacement == "på"
    qtbot.keyClick(pane.lines, Qt.Key.Key_R, SHIFT)
    assert window.messages.infos[-1] == (
        "Rejected 2 × pa → på in 2 documents; documents analysed later get it too"
    )
    pane.tabs.setCurrentIndex(1)
    rules = pane.rules
    assert rules.model().rowCount() == 1
    assert rules.model().index(0, 0).data() == "r1: reject pa → på"
    assert rules.model().index(0, 2).data() == "2"
    rect = rules.visualRect(rules.model().index(0, 0))
    qtbot.mouseClick(rules.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(rules, Qt.Key.Key_Delete)
    assert window.messages.infos[-1] == (
        "Done: withdraw r1: reject pa → på — 2 decisions back to pending in 2 documents"
    )
    assert set(_statuses(project, "pa").values()) == {Status.PENDING}
    assert rules.model().index(0, 4).data().startswith("withdrawn")
    qtbot.keyClick(rules, Qt.Key.Key_Z, CTRL)  # the withdrawal undone: the rule back in force
    assert set(_statuses(project, "pa").values()) == {Status.REJECTED}
    assert load_rules(project / "rules.yaml")[0].active


def test_esc_in_the_search_field_puts_the_search_back_and_returns_to_the_documents(
    qtbot, corpus_window
):
    window = corpus_window
    pane = _search(qtbot, window, "for")
    qtbot.keyClick(pane.lines, Qt.Key.Key_F, CTRL)  # Ctrl+F: back to the field
    assert pane.search.hasFocus()
    type_text(pane.search, "xyz")
    qtbot.keyClick(pane.search, Qt.Key.Key_Escape)
    assert pane.search.text() == "for"
    assert window.documents.table.hasFocus()
    qtbot.keyClick(pane.lines, Qt.Key.Key_Escape)
    assert window.documents.table.hasFocus()
    assert QApplication.focusWidget() is window.documents.table


def test_the_corpus_learns_after_a_decision_and_updates_the_other_documents(
    qtbot, services, messages, files, project
):
    from corpus_ui import make_corpus_window

    window = make_corpus_window(qtbot, services, messages, project, learning=True)
    qtbot.waitUntil(lambda: window.figures is not None and not window.service.analysing)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    pane = _search(qtbot, window, "for")
    with qtbot.waitSignal(window.learning.rescored, timeout=60_000) as done:
        qtbot.keyClick(pane.lines, Qt.Key.Key_A, SHIFT)
    rescoring = done.args[0]
    said = messages.infos[-1]
    assert said.startswith(f"{rescoring.changes.total} suggestions updated from your decisions")
    assert rescoring.documents >= 1
    learned = pane.learned.toPlainText()
    assert "Learned from 2 documents" in learned
    assert "for → för: 3 accepted, 0 rejected" in learned
    assert str(project / "learned.yaml") in learned
    assert (project / "learned.yaml").is_file()
    if rescoring.changed:
        notes = [
            version.note
            for path in (project / "reviews").glob("*.review.yaml")
            for version in load_review(path).history.versions
        ]
        assert any("re-scored by learned state" in note for note in notes)
    window.close()


def test_the_learned_tab_shows_assured_pairs_and_how_the_corpus_writes_number_ranges(
    qtbot, services, messages, files, project
):
    from corpus_ui import make_corpus_window

    from korrektur.corpus.learning.estimate import Learned, PairRecord
    from korrektur.corpus.learning.store import Edits, write_learned

    pairs = [PairRecord("nar", "när", 40, 0, 2, 0.3), PairRecord("pa", "på", 2, 3, 1, -1.2)]
    ranges = {"en_dash": 3, "hyphen": 1}
    learned = Learned(documents=3, decisions=45, words_reviewed=900, pairs=pairs, ranges=ranges)
    write_learned(project, learned, Edits(), "2026-12-06T12:00:00+00:00")
    window = make_corpus_window(qtbot, services, messages, project)
    qtbot.waitUntil(lambda: window.figures is not None and not window.service.analysing)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    pane = _search(qtbot, window, "for")  # a search first: the focus is in the occurrences
    pane.tabs.setCurrentWidget(pane.learned)
    qtbot.mouseClick(pane.learned.viewport(), Qt.MouseButton.LeftButton)
    shown = pane.learned.toPlainText()
    # 40 acceptances in a row: at least 0.05 ** (1 / 41) of such changes are right
    assert "nar → när: 40 accepted, none rejected: shown at least 0.930" in shown
    assert "pa → på: 2 accepted, 3 rejected, confidence -1.20" in shown
    assert (
        "Ranges of numbers: 3 hyphens made en dashes, 1 left as printed; "
        "the en dash is offered (confidence 0.67)" in shown
    )
