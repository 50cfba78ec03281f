"""The corpus window's models pass Qt's model checks; the table sorts by numbers and filters."""

from __future__ import annotations

from fakes import type_text
from PySide6.QtCore import QPersistentModelIndex, Qt

from korrektur.corpus.concordance import word_concordance
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.status import DocumentStatus
from korrektur.ui.concordance_model import ConcordanceModel, RulesModel
from korrektur.ui.corpus_model import Column, DocumentFilter, DocumentTableModel, Show


def _document(name: str, words: int, pending: int, decided: int, state: str = "analysed"):
    total = pending + decided
    return DocumentStatus(
        name=name,
        state=state,
        problem="",
        stale=False,
        pages=1,
        words=words,
        suggestions={"pending": pending, "accepted": decided, "rejected": 0, "edited": 0},
        kinds={},
        decided=decided / total if total else 1.0,
        reviewers=["Anna", "Bo"] if decided else [],
        versions=1,
        unanchored=0,
        remaining_errors=None if state == "new" else pending * 0.9 + words * 0.01,
    )


DOCUMENTS = [
    _document("a.txt", 900, 3, 1),
    _document("b.txt", 80, 0, 5),
    _document("c.txt", 1200, 7, 0),
    _document("d.txt", 0, 0, 0, state="new"),
]


def test_the_documents_model_and_its_filter_pass_the_model_checks(qtmodeltester):
    model = DocumentTableModel()
    model.set_documents(DOCUMENTS)
    qtmodeltester.check(model, force_py=True)
    proxy = DocumentFilter()
    proxy.setSourceModel(model)
    proxy.set_filter("", Show.PENDING)
    qtmodeltester.check(proxy, force_py=True)


def test_the_table_sorts_by_the_numbers_and_shows_what_is_asked_for():
    model = DocumentTableModel()
    model.set_documents(DOCUMENTS)
    proxy = DocumentFilter()
    proxy.setSourceModel(model)

    def names():
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    proxy.sort(Column.WORDS, Qt.SortOrder.DescendingOrder)
    assert names() == ["c.txt", "a.txt", "b.txt", "d.txt"]  # 1,200 before 900 (not as text)
    proxy.sort(Column.DECIDED, Qt.SortOrder.AscendingOrder)
    assert names() == ["d.txt", "c.txt", "a.txt", "b.txt"]
    proxy.set_filter("", Show.PENDING)
    assert sorted(names()) == ["a.txt", "c.txt"]
    proxy.set_filter("", Show.DONE)
    assert names() == ["b.txt"]
    proxy.set_filter("", Show.NOT_ANALYSED)
    assert names() == ["d.txt"]
    proxy.set_filter("C.T", Show.ALL)
    assert names() == ["c.txt"]
    row = model.row_of("a.txt")
    assert model.index(row, Column.REVIEWER).data() == "Bo"
    assert model.index(row, Column.REVIEWER).data(Qt.ItemDataRole.ToolTipRole) == "Anna, Bo"
    assert model.index(row, Column.SUGGESTIONS).data() == "4 (3)"
    assert model.index(model.row_of("d.txt"), Column.WORDS).data() == ""


def test_new_figures_for_the_same_documents_keep_the_chosen_row(qtbot, qtmodeltester):
    model = DocumentTableModel()
    model.set_documents(DOCUMENTS)
    changes = []
    model.modelReset.connect(lambda: changes.append("reset"))
    model.dataChanged.connect(lambda *_: changes.append("data"))
    model.layoutChanged.connect(lambda *_: changes.append("layout"))
    model.set_documents(list(DOCUMENTS))
    assert changes == []  # the same figures: nothing to draw again
    model.set_documents([*DOCUMENTS[:1], _document("b.txt", 81, 0, 5), *DOCUMENTS[2:]])
    assert changes == ["data"]
    assert model.index(model.row_of("b.txt"), Column.WORDS).data() == "81"

    model.sort(Column.WORDS, Qt.SortOrder.AscendingOrder)
    chosen = QPersistentModelIndex(model.index(model.row_of("b.txt"), Column.WORDS))
    changes.clear()
    model.set_documents([*DOCUMENTS[:1], _document("b.txt", 5000, 0, 5), *DOCUMENTS[2:]])
    assert changes == ["layout"]  # b.txt moved to the end, still the chosen one
    assert [model.document(r).name for r in range(4)] == ["d.txt", "a.txt", "c.txt", "b.txt"]
    assert chosen.row() == 3
    assert chosen.data() == "5,000"
    qtmodeltester.check(model, force_py=True)

    model.set_documents(DOCUMENTS[:2])
    assert changes == ["layout", "reset"]


def test_the_concordance_and_rules_models_pass_the_model_checks(
    qtmodeltester, corpus_window, project
):
    window = corpus_window
    window.service.close()  # the test reads the index itself
    with open_corpus(project, "status") as corpus:
        found = word_concordance(corpus.index, "for")
        model = ConcordanceModel()
        model.show(found)
        qtmodeltester.check(model, force_py=True)
        rules = RulesModel()
        rules.set_rules(list(corpus.rules), {})
        qtmodeltester.check(rules, force_py=True)


def test_many_occurrences_are_built_as_they_are_scrolled_to(tmp_path, qtbot):
    from corpus_ui import write_corpus

    from korrektur.corpus.project import init_project
    from korrektur.ui.concordance_model import BATCH

    text = "Det &r bra for eleverna.\n" * 700
    sources = write_corpus(tmp_path / "many", {"lang.txt": text})
    root = init_project(tmp_path / "project", sources).root
    from korrektur.corpus.batch import Analysis
    from korrektur.corpus.runners import InlineRunner

    with open_corpus(root, "analyse") as corpus:
        Analysis(corpus, lambda _: InlineRunner()).run()
        found = word_concordance(corpus.index, "for")
    model = ConcordanceModel()
    model.show(found)
    assert model.total == 700
    assert model.rowCount() == BATCH
    from PySide6.QtCore import QModelIndex

    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 700
    assert model.occurrence(699).line == 700


def test_the_name_filter_takes_the_keys_and_esc_or_enter_give_them_back(qtbot, corpus_window):
    window = corpus_window
    qtbot.keyClick(window.documents.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.documents.filter.hasFocus()
    type_text(window.documents.filter, "bud")
    assert window.documents.shown_label.text() == "1 of 4 shown"
    qtbot.keyClick(window.documents.filter, Qt.Key.Key_Return)
    assert window.documents.table.hasFocus()
    assert window.documents.filter.text() == "bud"
    qtbot.mouseClick(window.documents.filter, Qt.MouseButton.LeftButton)
    type_text(window.documents.filter, "xx")
    qtbot.keyClick(window.documents.filter, Qt.Key.Key_Escape)
    assert window.documents.filter.text() == "bud"
    assert window.documents.table.hasFocus()
