"""The suggestion list shows whole words and keeps the current row in full view."""

from fakes import open_window, with_engine
from PySide6.QtCore import Qt

from korrektur.engine import Engine
from korrektur.model import Kind, Suggestion
from korrektur.ui.suggestion_model import Column

WORD = "lararfortbildningsinsatserna"
TEXT = "".join(f"Rad {n} om {WORD} och skolan.\n" for n in range(1, 81))


class CompoundAnalyzer:
    name = "compounds"
    kinds = frozenset({Kind.DIACRITIC})

    def analyse(self, document, progress):
        found, start = [], document.text.find(WORD)
        while start >= 0:
            found.append(
                Suggestion(
                    "", start, start + len(WORD), WORD, "lärarfortbildningsinsatserna",
                    frozenset(self.kinds), 0.97, "ä lost",
                )
            )  # fmt: skip
            start = document.text.find(WORD, start + 1)
        return found


def test_whole_words_in_the_tooltip_and_the_middle_elided(qtbot, services, tmp_path):
    with_engine(services, lambda: Engine([CompoundAnalyzer()]))
    path = tmp_path / "lang.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = open_window(qtbot, services, path, size=(1000, 500))
    table = window.dock.table
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    change = table.model().index(0, Column.CHANGE)
    assert change.data() == f"{WORD} → lärarfortbildningsinsatserna"
    tip = change.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{WORD} → lärarfortbildningsinsatserna\nä lost"

    viewport = table.viewport()
    window.raw_view.setFocus()
    for _ in range(40):  # the current row after each key: whole, and in the middle
        qtbot.keyClick(window.raw_view, Qt.Key.Key_J)
        row = table.model().index(table.currentIndex().row(), 0)
        rect = table.visualRect(row)
        assert viewport.rect().contains(rect), rect
    middle = viewport.height() / 2
    assert abs(rect.center().y() - middle) <= rect.height()
