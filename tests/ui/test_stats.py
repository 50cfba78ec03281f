"""Status counts follow changes without recounting, and agree with a recount."""

from fakes import TEXT, fake_engine

from korrektur.model import Document, Kind, ReviewSession, Status
from korrektur.ui.stats import ReviewStats


def test_counts_follow_decisions_and_undo():
    document = Document.from_text(TEXT)
    session = ReviewSession(document, fake_engine().analyse(document))
    stats = ReviewStats(session)
    session.add_listener(stats.apply)
    before = session.accept("s1", "s2", "s2")
    session.reject("s3")
    assert stats.decided == 3
    assert stats.kind_decided[Kind.OCR] == 1
    session.restore(before)
    assert stats.decided == 1
    session.decide(["s3"], Status.PENDING)
    fresh = ReviewStats(session)
    assert (stats.decided, stats.kind_decided) == (fresh.decided, fresh.kind_decided)
    assert stats.kinds() == [Kind.DIACRITIC, Kind.OCR]


def test_the_status_bar_says_what_is_left_on_the_page_and_in_the_document(opened, qtbot):
    from PySide6.QtCore import Qt

    left = opened.status.left_label
    assert "11 left on this page" in left.text()  # page 1 of the fake report
    assert "21 left in the document" in left.text()
    opened.raw_view.setFocus()
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_A)
    assert "10 left on this page" in left.text()
    assert "20 left in the document" in left.text()
    opened.controller.set_current(opened.controller.session.suggestions[-1].id)  # page 3
    assert "2 left on this page" in left.text()
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "21 left in the document" in left.text()
