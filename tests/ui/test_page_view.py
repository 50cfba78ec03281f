"""The page image in the window: it follows J/K, clicks choose, zoom keys, a missing image."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from scan_files import write_scan

from korrektur.model import Status
from korrektur.ui.actions import ActionId

pytestmark = pytest.mark.usefixtures("qtbot")


@pytest.fixture
def scan(tmp_path):
    return write_scan(tmp_path)


def open_scan(window, qtbot, path):
    window.open_path(path)
    assert window.controller.session is not None
    view = window.page_view
    wait_for_page(qtbot, view, 0)
    qtbot.waitUntil(window.page_dock.isVisible)
    qtbot.wait(20)  # the dock takes its room
    return view


def wait_for_page(qtbot, view, page):
    """Until the picture of ``page`` is on screen with its boxes."""
    qtbot.waitUntil(
        lambda: view.shown_page == page and view.page == page and bool(view.canvas.box_rects()),
        timeout=5000,
    )


def current_box(view):
    (rect,) = [rect for rect, current in view.canvas.box_rects() if current]
    return rect


def word_rect(view, text):
    """The rect (picture pixels) of the first word ``text`` on the page shown."""
    layout = view.layout_
    document = view.session.document
    picture = view.canvas.page_rect  # the picture's pixels; boxes are in the page's units
    page = layout.pages[view.page]
    fx, fy = picture.width() / page.width, picture.height() / page.height
    for word in layout.words_on_page(view.page):
        if document.text[word.start : word.end] == text:
            box = word.box
            return QRectF(box.left * fx, box.top * fy, box.width * fx, box.height * fy)
    raise AssertionError(text)


def visible(view):
    """The part of the picture in view (picture pixels)."""
    return view.canvas.mapToScene(view.canvas.viewport().rect()).boundingRect()


def visible_centre(view):
    return view.canvas.mapToScene(view.canvas.viewport().rect().center())


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def test_the_page_of_the_current_suggestion_is_shown_zoomed_to_its_word(window, qtbot, scan):
    view = open_scan(window, qtbot, scan["hocr"])
    assert window.page_dock.isVisible()
    assert window.controller.current_id == "s1"  # Forvaltningen, page 1
    assert view.page == 0
    assert view.header.text().startswith("Page 1 of 3")
    word = word_rect(view, "Forvaltningen")
    assert current_box(view).contains(word)
    shown = visible(view)
    assert shown.contains(word)
    # zoomed in: less than half the page is in view, centred on the word where the page allows
    assert shown.width() < 0.5 * view.canvas.page_rect.width()
    assert abs(shown.center().y() - word.center().y()) < 2
    assert abs(shown.center().x() - word.center().x()) < 2
    press(qtbot, window.raw_view, Qt.Key.Key_J)  # 6kat, in the middle of the line
    assert abs(visible(view).center().x() - word_rect(view, "6kat").center().x()) < 2


def test_j_and_k_move_the_page_view(window, qtbot, scan):
    view = open_scan(window, qtbot, scan["hocr"])
    window.raw_view.setFocus()
    for _ in range(7):  # the seven suggestions of page 1, then the first of page 2
        press(qtbot, window.raw_view, Qt.Key.Key_J)
    assert window.controller.current().original == "far"
    wait_for_page(qtbot, view, 1)
    assert view.header.text().startswith("Page 2 of 3")
    assert current_box(view).contains(word_rect(view, "far"))
    press(qtbot, window.raw_view, Qt.Key.Key_K)
    wait_for_page(qtbot, view, 0)
    assert view.header.text().startswith("Page 1 of 3")
    assert current_box(view).contains(word_rect(view, "lasa"))


def test_clicking_a_word_box_selects_its_suggestion_and_keys_still_review(window, qtbot, scan):
    view = open_scan(window, qtbot, scan["hocr"])
    canvas = view.canvas
    canvas.show_page()  # the whole page: every box can be clicked
    target = word_rect(view, "stodet")
    point = canvas.mapFromScene(target.center())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.controller.current().original == "stodet"
    assert canvas.hasFocus()
    # the page has the focus: A decides, it does not type
    text_before = window.corrected_view.toPlainText()
    press(qtbot, canvas, Qt.Key.Key_A)
    session = window.controller.session
    assert [s.status for s in session.suggestions if s.original == "stodet"] == [Status.ACCEPTED]
    # no letter typed anywhere: the text changed only by the acceptance
    assert window.corrected_view.toPlainText() == text_before.replace("stodet", "stödet", 1)
    assert window.corrected_view.toPlainText() == session.corrected_text()
    assert window.controller.current().original == "pa"  # and went on
    (decided,) = [s.id for s in session.suggestions if s.original == "stodet"]
    assert view.canvas.box_colour(decided).alpha() < 255  # its box fades
    assert view.canvas.box_colour(window.controller.current_id).alpha() == 255
    press(qtbot, canvas, Qt.Key.Key_J)
    assert window.controller.current().original == "&r"
    # a click beside every word box changes nothing
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert window.controller.current().original == "&r"
    # Esc hands the focus back to the text
    press(qtbot, canvas, Qt.Key.Key_Escape)
    assert window.raw_view.hasFocus()


def test_a_drag_pans_and_does_not_choose(window, qtbot, scan):
    view = open_scan(window, qtbot, scan["hocr"])
    canvas = view.canvas
    before = visible_centre(view)
    start = canvas.mapFromScene(word_rect(view, "6kat").center())
    end = start + QPoint(120, 60)
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in (start + QPoint(10, 5), start + QPoint(60, 30), end):  # the button held
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(step),
            QPointF(canvas.viewport().mapToGlobal(step)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(canvas.viewport(), move)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert window.controller.current().original == "Forvaltningen"
    assert visible_centre(view) != before


def test_zoom_keys_and_whole_page(window, qtbot, scan):
    view = open_scan(window, qtbot, scan["hocr"])
    canvas = view.canvas
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    scale = canvas.scale_factor
    press(qtbot, canvas, Qt.Key.Key_Plus)
    assert canvas.scale_factor == pytest.approx(scale * 1.25)
    press(qtbot, canvas, Qt.Key.Key_Minus)
    press(qtbot, canvas, Qt.Key.Key_Minus)
    assert canvas.scale_factor == pytest.approx(scale / 1.25)
    press(qtbot, canvas, Qt.Key.Key_Home)
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert shown.contains(canvas.page_rect.adjusted(1, 1, -1, -1))
    # the reviewer's zoom stays when J moves on (Home was a look at the whole page)
    press(qtbot, canvas, Qt.Key.Key_J)
    assert canvas.scale_factor == pytest.approx(scale / 1.25, rel=0.01)
    # the menu's text zoom (Ctrl++) is still the window's
    point_size = window.raw_view.font().pointSizeF()
    window.registry[ActionId.ZOOM_IN].trigger()
    assert window.raw_view.font().pointSizeF() > point_size


def test_a_missing_image_names_the_file_and_the_review_goes_on(window, qtbot, scan):
    missing = scan["images"][1]
    missing.unlink()
    view = open_scan(window, qtbot, scan["hocr"])
    window.raw_view.setFocus()
    for _ in range(7):
        press(qtbot, window.raw_view, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: "not found" in view.header.text(), timeout=5000)
    assert str(missing) in view.header.text()
    assert "page 2" in view.header.text()
    assert not view.canvas.has_picture
    press(qtbot, window.raw_view, Qt.Key.Key_A)  # the text review goes on
    far = [s for s in window.controller.session.suggestions if s.original == "far"][1]
    assert far.status is Status.ACCEPTED
    assert "Skolan får mer" in window.corrected_view.toPlainText()
    press(qtbot, window.raw_view, Qt.Key.Key_K)
    press(qtbot, window.raw_view, Qt.Key.Key_K)  # back on page 1: its picture again
    qtbot.waitUntil(lambda: view.canvas.has_picture and view.page == 0, timeout=5000)
    assert view.header.text().startswith("Page 1 of 3")


def test_a_pdf_shows_its_first_page(window, qtbot, scan):
    view = open_scan(window, qtbot, scan["pdf"])
    assert view.header.text().startswith("Page 1 of 3")
    assert current_box(view).contains(word_rect(view, "Forvaltningen").adjusted(2, 2, -2, -2))


def test_plain_text_has_no_page_view(window, qtbot, report):
    window.open_path(report)
    assert not window.page_dock.isVisible()
    assert "plain text" in window.page_view.header.text()


def test_page_dock_is_in_the_view_menu_and_open_offers_scans(window, scan, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    (view_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&View"]
    assert window.page_dock.toggleViewAction() in view_menu.actions()
    asked = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda parent, caption, directory, filters: (asked.append(filters), ("", ""))[1],
    )
    window.registry[ActionId.OPEN].trigger()
    for pattern in ("*.hocr", "*.xml", "*.pdf", "*.txt"):
        assert pattern in asked[0]


def test_a_pdf_that_cannot_be_opened_leaves_the_open_scans_page(window, qtbot, scan, messages):
    from fpdf import FPDF

    view = open_scan(window, qtbot, scan["hocr"])
    image_only = scan["hocr"].parent / "bild.pdf"
    pdf = FPDF(unit="pt")
    pdf.add_page(format=(595, 842))
    pdf.image(str(scan["images"][0]), x=0, y=0, w=595, h=842)
    pdf.output(str(image_only))
    window.open_path(image_only)  # its first page is shown while it is read, then refused
    assert any("no text layer" in error for error in messages.errors)
    wait_for_page(qtbot, view, 0)
    assert view.layout_ is window.document.scan
    assert view.header.text().startswith("Page 1 of 3 · img/page-001.png")
    assert current_box(view).contains(word_rect(view, "Forvaltningen"))
