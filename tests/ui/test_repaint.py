"""Partial repaints leave nothing stale: the panes on screen equal a fresh drawing of them."""

from fakes import type_text
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage


def on_screen(window, widget) -> QImage:
    shown = window.screen().grabWindow(window.winId()).toImage()
    top_left = widget.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, widget.size())
    return shown.copy(rect).convertToFormat(QImage.Format.Format_RGB32)


def fresh(widget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def assert_panes_current(window, qtbot, step):
    qtbot.wait(10)  # let queued repaints happen, as they would on screen
    for pane in (window.raw_view, window.corrected_view):
        assert on_screen(window, pane) == fresh(pane), f"{step}: {type(pane).__name__} is stale"


def test_decisions_repaint_what_they_change(opened, qtbot):
    raw = opened.raw_view
    steps = [
        ("accept", Qt.Key.Key_A),
        ("reject", Qt.Key.Key_R),
        ("alternative", Qt.Key.Key_2),
        ("next", Qt.Key.Key_J),
        ("reject again", Qt.Key.Key_Backspace),
    ]
    opened.controller.set_current("s4")  # pa → på, also on lines further down
    assert_panes_current(opened, qtbot, "select")
    raw.setFocus()
    qtbot.keyClick(raw, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert_panes_current(opened, qtbot, "accept all identical")
    assert_panes_current(opened, qtbot, "open")
    for step, key in steps:
        raw.setFocus()
        qtbot.keyClick(raw, key)
        assert_panes_current(opened, qtbot, step)
    raw.setFocus()
    qtbot.keyClick(raw, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert_panes_current(opened, qtbot, "undo")
    pane = opened.corrected_view
    pane.setFocus()
    cursor = pane.textCursor()
    cursor.setPosition(5)
    pane.setTextCursor(cursor)
    type_text(pane, "xå")
    assert_panes_current(opened, qtbot, "typing")


def test_rectangles_read_through_a_paint_cache_are_the_same(opened):
    """One paint reads each block once; what it draws must not change by that."""
    from korrektur.ui.painting import span_rects

    for pane in (opened.raw_view, opened.corrected_view):
        pane.setLineWrapMode(pane.LineWrapMode.WidgetWidth)
        pane.resize(220, 400)  # long lines wrap: blocks of several visual lines
        limit = float(pane.viewport().height())
        spans = [(pane.to_qt(a), pane.to_qt(b)) for a, b, _ in pane.visible_marks()]
        spans += [(a, a) for a, _ in spans] + [(a, b + 3) for a, b in spans]
        assert len(spans) > 3
        cache: dict = {}
        cached = [span_rects(pane, a, b, limit, cache) for a, b in spans]
        assert cache  # blocks were read into it, and read from it from then on
        assert cached == [span_rects(pane, a, b, limit) for a, b in spans]
        assert any(len(rects) > 1 for rects in cached)  # a span over several lines


def test_a_bulk_decision_lays_out_only_the_text_in_view(window, tmp_path, qtbot):
    """Finding where 1,000 changed marks are must not lay out a long report's every line."""
    from fakes import TEXT

    path = tmp_path / "lang.txt"
    path.write_text(TEXT * 60, encoding="utf-8")
    window.open_path(path)
    qtbot.waitUntil(lambda: window.dock.model.session is window.controller.session)
    session = window.controller.session
    ids = [s.id for s in session.suggestions]
    assert len(ids) > 500
    panes = (window.raw_view, window.corrected_view)

    def laid_out(pane):
        block, count = pane.document().firstBlock(), 0
        while block.isValid():
            count += block.layout().lineCount() > 0
            block = block.next()
        return count

    before = [laid_out(pane) for pane in panes]
    assert all(0 < n < 100 for n in before)  # what is in view, of some 1,500 lines
    session.accept(*ids[::2])
    assert_panes_current(window, qtbot, "accept every other")
    session.reject(*ids[1:3])  # a few: only their rectangles are repainted
    assert_panes_current(window, qtbot, "reject two")
    assert [laid_out(pane) for pane in panes] == before
