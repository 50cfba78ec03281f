"""Structure fixes read as what they are: joins tied, removed lines struck and foldable."""

import pytest
from fakes import open_window, with_engine
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from korrektur.engine import Engine
from korrektur.model import Kind, Suggestion
from korrektur.model.reason import Reason, phrase
from korrektur.ui.actions import ActionId
from korrektur.ui.suggestion_model import Column

TEXT = " Ekbacka kommun  Sida 2\nSkolan far mer\npengar i år.\nNy rad.\n"
HEADER = Reason(
    phrase(
        "form-where",
        what=phrase("running-header"),
        text="Ekbacka kommun Sida 2",
        where=phrase("at-top", page="2"),
    )
)


class StructureAnalyzer:
    name = "structure-table"
    kinds = frozenset({Kind.PAGE_FURNITURE, Kind.REFLOW})

    def analyse(self, document, progress):
        text = document.text
        header_end = text.index("\n") + 1
        join = text.index("\n", header_end)
        paragraph = text.index("\n", join + 1)
        furniture, reflow = frozenset({Kind.PAGE_FURNITURE}), frozenset({Kind.REFLOW})
        return [
            Suggestion("", 0, header_end, text[:header_end], "", furniture, 0.97, HEADER),
            Suggestion("", join, join + 1, "\n", " ", reflow, 0.95, Reason(phrase("fitted"))),
            Suggestion("", paragraph, paragraph + 1, "\n", "\n\n", reflow, 0.8, "new"),
        ]


@pytest.fixture
def window(qtbot, services, tmp_path):
    with_engine(services, lambda: Engine([StructureAnalyzer()]))
    path = tmp_path / "sidor.txt"
    path.write_text(TEXT, encoding="utf-8")
    return open_window(qtbot, services, path)


def test_the_list_says_structure_changes_in_words(window):
    model = window.dock.table.model()
    changes = [model.index(row, Column.CHANGE).data() for row in range(3)]
    assert changes == [
        "remove running header 'Ekbacka kommun Sida 2'",
        "join lines",
        "new paragraph",
    ]
    tip = model.index(0, Column.CHANGE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Ekbacka kommun Sida 2" in tip


def test_removed_lines_stay_struck_until_folded_and_joins_are_tied(window, qtbot):
    pane = window.corrected_view
    window.raw_view.setFocus()
    for _ in range(3):
        qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    text = pane.toPlainText()
    assert text.startswith(" Ekbacka kommun  Sida 2\n")  # a ghost: struck, not exported
    assert "Skolan far mer pengar i år.\n\nNy rad." in text
    session = window.controller.session
    header = session.suggestions[0]
    assert pane.view.is_ghost(header)
    assert session.document.text != session.decided_text()
    assert not session.decided_text().startswith(" Ekbacka")  # the export has no header
    QApplication.processEvents()
    rects = pane.rects_of(*session.corrected_span(header))
    image = pane.viewport().grab().toImage()
    middle = rects[0].center()
    struck = [image.pixelColor(int(middle.x()) + dx, int(middle.y())) for dx in range(-3, 4)]
    base = pane.palette().color(pane.viewport().backgroundRole())
    assert any(c != base for c in struck)  # a line through the middle of the ghost

    window.registry[ActionId.SHOW_REMOVED].trigger()  # fold the removed lines away
    qtbot.waitUntil(lambda: not pane.toPlainText().startswith(" Ekbacka"))
    assert pane.toPlainText() == session.decided_text()
    assert pane.toPlainText() == session.corrected_text()
    join = session.suggestions[1]
    assert pane._shape(join) == "join"
    assert pane._shape(session.suggestions[2]) == "paragraph"
