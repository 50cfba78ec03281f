from korrektur.model import Document, Kind, ReviewSession, Suggestion
from korrektur.ui.main_window import MainWindow


def test_window_shows_raw_and_corrected(qtbot):
    document = Document.from_text("pa skolan\n", name="rapport.txt")
    session = ReviewSession(
        document, [Suggestion("s1", 0, 2, "pa", "på", frozenset({Kind.DIACRITIC}))]
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_session(session)
    assert window.raw_view.toPlainText() == "pa skolan\n"
    assert window.corrected_view.toPlainText() == "på skolan\n"
    assert "rapport.txt" in window.windowTitle()
