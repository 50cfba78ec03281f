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
