"""Offsets in Qt (UTF-16) against Python offsets, and the text differences the panes use."""

from fakes import open_shown
from hypothesis import given
from hypothesis import strategies as st

from korrektur.ui.textmap import Utf16Index, text_difference

TEXTS = st.text(alphabet="ab å\n😀𝔸", max_size=30)


@given(TEXTS)
def test_utf16_positions_round_trip(text):
    index = Utf16Index(text)
    for offset in range(len(text) + 1):
        position = index.to_qt(offset)
        assert position == len(text[:offset].encode("utf-16-le")) // 2
        assert index.from_qt(position) == offset


@given(TEXTS, TEXTS)
def test_text_difference_rebuilds_the_new_text(old, new):
    start, end, inserted = text_difference(old, new)
    assert old[:start] + inserted + old[end:] == new
    assert 0 <= start <= end <= len(old)


def test_text_difference_is_minimal_on_long_texts():
    old = "x" * 10_000 + "pa skolan" + "y" * 10_000
    new = "x" * 10_000 + "på skolan" + "y" * 10_000
    assert text_difference(old, new) == (10_001, 10_002, "å")
    assert text_difference(old, old) == (len(old), len(old), "")


def test_panes_with_characters_outside_the_bmp(window, tmp_path, qtbot):
    path = tmp_path / "emoji.txt"
    path.write_text("😀 pa skolan\n", encoding="utf-8")
    open_shown(qtbot, window, path)
    session = window.controller.session
    assert session.get("s1").start == 2
    window.controller.accept()
    assert window.corrected_view.toPlainText() == "😀 på skolan\n"
    rects = window.raw_view.rects_of(2, 4)
    assert rects
    assert rects[0].width() > 0
    pane = window.corrected_view
    window.edit_mode.edit_text(len("😀 på skolan"))
    qtbot.keyClick(pane, "s")
    assert session.corrected_text() == "😀 på skolans\n"
    assert pane.toPlainText() == session.corrected_text()


@given(TEXTS, st.data())
def test_index_follows_edits(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    inserted = data.draw(TEXTS)
    edited = text[:start] + inserted + text[end:]
    updated = Utf16Index(text).replaced(start, end, inserted)
    fresh = Utf16Index(edited)
    for offset in range(len(edited) + 1):
        assert updated.to_qt(offset) == fresh.to_qt(offset)
