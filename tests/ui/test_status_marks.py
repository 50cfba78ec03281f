"""Pending, accepted and rejected look different at a glance, by shape as well as colour."""

import pytest
from fakes import open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from korrektur.model import Status
from korrektur.ui.suggestion_model import Column
from korrektur.ui.theme import Theme, dark_palette, light_palette


def pixel(pane, x, y):
    return QColor(pane.viewport().grab().toImage().pixel(int(x), int(y)))


def distance(a, b):
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_pending_has_a_flag_and_a_tint_decided_is_plain(qtbot, services, report, palette):
    app = QApplication.instance()
    old = app.palette()
    app.setPalette(palette())
    try:
        window = open_window(qtbot, services, report, Theme.from_palette(palette()))
        window.raw_view.setFocus()
        qtbot.keyClick(window.raw_view, Qt.Key.Key_A)  # s1 accepted, s2 pending
        pane = window.corrected_view
        session = window.controller.session
        background = pane.palette().color(pane.viewport().backgroundRole())
        window.controller.set_current("s5")  # the box is elsewhere
        QApplication.processEvents()
        decided = pane.rects_of(*session.corrected_span(session.get("s1")))[0]
        pending = pane.rects_of(*session.corrected_span(session.get("s2")))[0]
        flag = pixel(pane, pending.left() + 1, pending.top() + 1)
        no_flag = pixel(pane, decided.left() + 1, decided.top() + 1)
        assert distance(flag, background) > 150  # the corner flag stands out
        assert distance(no_flag, background) < 30  # decided text is plain
        # tint: the bottom-right corner of a pending word (no glyph there) is not background
        tint = pixel(pane, pending.right() - 1, pending.top() + 2)
        assert distance(tint, background) > 20
    finally:
        app.setPalette(old)


def test_the_list_shows_status_by_weight_and_strike(opened, qtbot):
    opened.raw_view.setFocus()
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_A)
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_R)
    model = opened.dock.table.model()
    change = [model.index(row, Column.CHANGE) for row in range(3)]
    fonts = [index.data(Qt.ItemDataRole.FontRole) for index in change]
    assert fonts[0] is None  # accepted: plain
    assert fonts[1].strikeOut()  # rejected: struck
    assert fonts[2].bold()  # pending: bold
    status = [model.index(row, Column.STATUS).data() for row in range(3)]
    assert status == ["✓ accepted", "✗ rejected", "• pending"]
    assert opened.controller.session.get("s3").status is Status.PENDING
    grey = model.index(0, Column.KIND).data(Qt.ItemDataRole.ForegroundRole)
    assert grey is not None
    assert model.index(2, Column.KIND).data(Qt.ItemDataRole.ForegroundRole) is None
