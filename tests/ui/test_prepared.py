"""A pane's document filled a chunk of lines at a time holds what setPlainText gives."""

import pytest
from PySide6.QtGui import QTextDocument

from korrektur.ui import prepared


@pytest.mark.parametrize(
    "text",
    ["", "a", "\n", "x\n\ny", "åäö\r\nrad två\u2028tre\u2029fyra\n\n", "å" * 70 + "\n" + "b" * 10],
)
def test_chunks_make_the_same_document(qapp, monkeypatch, text):
    monkeypatch.setattr(prepared, "CHUNK", 4)
    whole = QTextDocument()
    whole.setPlainText(text)
    made = prepared.prepare(text)
    assert made.document.toPlainText() == whole.toPlainText()
    assert made.document.blockCount() == whole.blockCount()
    assert made.document.characterCount() == whole.characterCount()
    assert not made.document.isUndoAvailable()
    assert made.text == text


def test_chunks_end_after_a_newline():
    text = "ett\ntvå\n\ntre fyra fem\nsex"
    chunks = prepared._line_chunks(text, 3)
    assert "".join(chunks) == text
    assert all(chunk.endswith("\n") for chunk in chunks[:-1])
    assert len(chunks) == 4
    assert prepared._line_chunks("", 3) == []


def test_a_pool_thread_fills_a_document_of_the_gui_thread_and_never_moves_it(
    qapp, qtbot, monkeypatch
):
    """Moving a document across threads can deadlock with PySide: the stock makes it unneeded."""
    import threading

    from korrektur.ui import blank_documents

    def refused(*_args):
        raise AssertionError("moveToThread called")

    monkeypatch.setattr(QTextDocument, "moveToThread", refused)
    blank_documents.stock()
    made = []
    worker = threading.Thread(target=lambda: made.append(prepared.prepare("rad ett\nrad två\n")))
    worker.start()
    worker.join()
    assert made, "prepare failed on the pool thread"
    document = made[0].document
    assert document.thread() == qapp.thread()
    assert document.toPlainText() == "rad ett\nrad två\n"
    assert not document.isUndoAvailable()
    qtbot.waitUntil(lambda: len(blank_documents._ready) == blank_documents.KEPT)  # topped up
