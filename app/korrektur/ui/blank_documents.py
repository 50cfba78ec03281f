"""Empty text documents made on the GUI thread, for a pool thread to fill.

A document filled on a pool thread used to be moved to the GUI thread afterwards
(``moveToThread``). PySide makes that call holding the interpreter lock, and Qt then waits
for a connection mutex; when the GUI thread was destroying a Python-made object under that
same mutex, it waited for the interpreter lock: both threads stopped for good (seen once in
the suite, native stacks with ``py-spy dump --native``). A document that belongs to the GUI
thread from the start needs no move: the pool thread only fills it, which Qt allows for an
object nobody else touches meanwhile. A few are kept ready and topped up after each use.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QTextDocument

KEPT = 4  # enough for the pane texts one open, restore or analysis prepares at once

_lock = threading.Lock()
_ready: list[QTextDocument] = []
_stocker: _Stocker | None = None


class _Stocker(QObject):
    """Lives on the GUI thread; a pool thread's ``wanted`` tops the stock up there."""

    wanted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.wanted.connect(self.top_up)

    @Slot()
    def top_up(self) -> None:
        stock()


def on_gui_thread() -> bool:
    """True on the application's own thread (or when there is no application)."""
    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() == app.thread()


def _blank() -> QTextDocument:
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.rootFrame()  # made now: a child made on a pool thread would lose its parent
    return document


def stock() -> None:
    """Keep ``KEPT`` documents ready (call on the GUI thread, e.g. when a window is made)."""
    global _stocker
    if not on_gui_thread():
        return
    if _stocker is None and QCoreApplication.instance() is not None:
        _stocker = _Stocker()
    with _lock:
        missing = KEPT - len(_ready)
    fresh = [_blank() for _ in range(missing)]
    with _lock:
        _ready.extend(fresh)


def take() -> QTextDocument | None:
    """An empty document that belongs to the GUI thread, or None when none is ready.

    On the GUI thread a new one is made; elsewhere one from the stock, which is then
    topped up on the GUI thread.
    """
    if on_gui_thread():
        return _blank()
    with _lock:
        document = _ready.pop() if _ready else None
    if _stocker is not None:
        _stocker.wanted.emit()
    return document
