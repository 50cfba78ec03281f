"""The suggestion list: selecting, filtering, searching and bulk acceptance."""

from PySide6.QtCore import Qt

from korrektur.model import Kind, Status
from korrektur.ui.suggestion_model import ID_ROLE, Column


def row_ids(dock):
    proxy = dock.proxy
    return [proxy.index(row, 0).data(ID_ROLE) for row in range(proxy.rowCount())]


def click_row(qtbot, dock, row):
    table = dock.table
    rect = table.visualRect(dock.proxy.index(row, Column.CHANGE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_selecting_a_row_moves_both_panes(opened, qtbot):
    last = len(opened.controller.session.suggestions) - 1
    opened.dock.table.scrollToBottom()
    click_row(qtbot, opened.dock, last)
    suggestion = opened.controller.current()
    assert suggestion is opened.controller.session.suggestions[last]
    assert opened.raw_view.textCursor().position() == suggestion.start
    first, end = opened.raw_view.visible_range()
    assert first <= suggestion.start <= end
    first, end = opened.corrected_view.visible_range()
    corrected = opened.controller.session.corrected_span(suggestion)[0]
    assert first <= corrected <= end
    assert opened.details.toPlainText().startswith("namnden → nämnden")


def test_review_keys_work_from_the_list(opened, qtbot):
    click_row(qtbot, opened.dock, 1)
    qtbot.keyClick(opened.dock.table, Qt.Key.Key_A)
    assert opened.controller.session.get("s2").status is Status.ACCEPTED
    assert opened.controller.current_id == "s3"


def test_filters_hide_rows_and_steer_the_keys(opened, qtbot):
    dock = opened.dock
    dock.kind_actions[Kind.DIACRITIC].trigger()  # unchecked: only OCR remains
    ids = row_ids(dock)
    session = opened.controller.session
    assert ids == [s.id for s in session.suggestions if Kind.OCR in s.kinds]
    opened.raw_view.setFocus()
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_J)
    assert opened.controller.current_id == ids[0]
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_J)
    assert opened.controller.current_id == ids[1]
    dock.kind_actions[Kind.DIACRITIC].trigger()
    dock.status_box.setCurrentIndex(1)  # pending
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_A)
    assert ids[1] not in row_ids(dock)
    dock.min_confidence.setValue(0.95)
    assert all(session.get(i).confidence >= 0.95 for i in row_ids(dock))
    assert dock.count_label.text().startswith(f"{len(row_ids(dock))} of {len(session.suggestions)}")


def test_search(opened, qtbot):
    dock = opened.dock
    qtbot.keyClick(opened, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dock.search.hasFocus()
    qtbot.keyClicks(dock.search, "hosten")
    qtbot.waitUntil(lambda: len(row_ids(dock)) == 2)
    session = opened.controller.session
    assert {session.get(i).original for i in row_ids(dock)} == {"hosten"}


def test_bulk_accept_visible_at_or_above_threshold(opened, qtbot):
    dock = opened.dock
    dock.kind_actions[Kind.OCR].trigger()  # diacritics only
    dock.bulk_threshold.setValue(0.95)
    qtbot.mouseClick(dock.bulk_button, Qt.MouseButton.LeftButton)
    session = opened.controller.session
    for s in session.suggestions:
        expected = Kind.DIACRITIC in s.kinds and s.confidence >= 0.95
        assert (s.status is Status.ACCEPTED) == expected, s
    assert opened.messages.questions  # asked before accepting many
    opened.controller.undo()
    assert session.counts()[Status.PENDING] == len(session.suggestions)


def test_bulk_accept_can_be_declined(opened, qtbot):
    opened.messages.confirm_reply = False
    opened.dock.bulk_threshold.setValue(0.5)
    opened.controller.accept_visible(0.5)
    assert opened.controller.session.counts()[Status.ACCEPTED] == 0


def test_kind_names_are_the_words_of_the_exports(opened):
    import csv
    import io

    from korrektur.formats.export_html import export_html
    from korrektur.formats.export_plain import export_csv
    from korrektur.formats.reading import ExportOptions
    from korrektur.model import Kind
    from korrektur.store.review import Review
    from korrektur.ui.formatting import kind_name

    assert [kind_name(kind) for kind in Kind] == [kind.value for kind in Kind]
    model = opened.dock.table.model()
    shown = {model.index(row, 1).data() for row in range(model.rowCount())}
    assert shown == {"diacritic", "ocr"}
    review = Review(opened.controller.session)
    rows = csv.DictReader(io.StringIO(export_csv(review, ExportOptions()).decode("utf-8-sig")))
    assert {row["kinds"] for row in rows} == shown
    html = export_html(review, ExportOptions()).decode("utf-8")
    assert all(f">{name}</span></th>" in html for name in shown)
