"""Test doubles for the window: a tiny word analyser and a message recorder."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from korrektur.engine import AnalysisCancelled, Engine, Progress
from korrektur.model import Document, Kind, Suggestion
from korrektur.model.reason import Reason, phrase
from korrektur.ui.messages import Answer

# Our own sentences: OCR damage of the kinds Korrektur fixes, three pages.
TEXT = (
    "Forvaltningen har 6kat stodet pa skolan.\n"
    "Det &r bra att eleverna far lasa mer pa hosten.\n"
    "Forvaltningen foljer upp arbetet varje termin.\n"
    " Sida 2\n"
    "Skolan far mer pengar pa hosten och stodet 6kar.\n"
    "Larare och elever &r nojda med satsningen.\n"
    " Sida 3\n"
    "Resultaten redovisas for namnden i december.\n"
)

LOST_O = Reason(phrase("lost", letter="ö"))
LOST_A = Reason(phrase("lost", letter="ä"))

WORDS: dict[str, tuple[str, Kind, float, str, tuple[str, ...]]] = {
    "Forvaltningen": ("Förvaltningen", Kind.DIACRITIC, 0.99, LOST_O, ()),
    "6kat": ("ökat", Kind.OCR, 0.97, Reason(phrase("read-as", letter="ö", text="6")), ()),
    "6kar": ("ökar", Kind.OCR, 0.96, Reason(phrase("read-as", letter="ö", text="6")), ()),
    "stodet": ("stödet", Kind.DIACRITIC, 0.93, LOST_O, ("stödets",)),
    "pa": (
        "på",
        Kind.DIACRITIC,
        0.90,
        Reason(phrase("lost", letter="å"), phrase("common", word="på")),
        ("pa", "pä"),
    ),
    "&r": ("är", Kind.OCR, 0.95, Reason(phrase("read-as", letter="ä", text="&")), ()),
    "far": (
        "får",
        Kind.DIACRITIC,
        0.60,
        Reason(phrase("context", around="eleverna får läsa", word="får")),
        ("far",),
    ),
    "lasa": ("läsa", Kind.DIACRITIC, 0.94, LOST_A, ()),
    "hosten": ("hösten", Kind.DIACRITIC, 0.98, LOST_O, ()),
    "foljer": ("följer", Kind.DIACRITIC, 0.97, LOST_O, ()),
    "Larare": ("Lärare", Kind.DIACRITIC, 0.97, LOST_A, ()),
    "nojda": ("nöjda", Kind.DIACRITIC, 0.96, LOST_O, ()),
    "for": ("för", Kind.DIACRITIC, 0.85, LOST_O, ()),
    "namnden": ("nämnden", Kind.DIACRITIC, 0.97, LOST_A, ()),
}

SUGGESTED = object()  # answers a file dialog with the path it proposed
SLOW = "[slow]"  # a text with this is analysed until the analysis is cancelled

_WORD = re.compile(r"[\w&]+")


class WordTableAnalyzer:
    """Proposes the replacements of ``WORDS`` wherever those words stand."""

    name = "word-table"
    kinds = frozenset({Kind.DIACRITIC, Kind.OCR})

    def __init__(self, words: dict[str, tuple[str, Kind, float, str, tuple[str, ...]]]) -> None:
        self.words = words

    def analyse(self, document: Document, progress: Progress) -> list[Suggestion]:
        if SLOW in document.text:  # runs until cancelled (or its process is killed)
            while not progress.cancelled():
                progress.report(1, 2)
                time.sleep(0.001)
            raise AnalysisCancelled
        found = []
        matches = list(_WORD.finditer(document.text))
        for done, match in enumerate(matches, 1):
            entry = self.words.get(match.group())
            if entry is not None:
                replacement, kind, confidence, reason, alternatives = entry
                found.append(
                    Suggestion(
                        "",
                        match.start(),
                        match.end(),
                        match.group(),
                        replacement,
                        frozenset({kind}),
                        confidence,
                        reason,
                        alternatives,
                    )
                )
            progress.report(done, len(matches))
        return found


def fake_engine(words=None) -> Engine:
    return Engine([WordTableAnalyzer(WORDS if words is None else words)])


@dataclass
class RecordingMessages:
    """Records what the window says; answers questions from preset replies."""

    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    confirm_reply: bool = True
    unsaved_reply: Answer = Answer.DISCARD

    def error(self, text: str) -> None:
        self.errors.append(text)

    def info(self, text: str) -> None:
        self.infos.append(text)

    def confirm(self, text: str) -> bool:
        self.questions.append(text)
        return self.confirm_reply

    def unsaved(self, text: str, can_save: bool) -> Answer:
        self.questions.append(text)
        return self.unsaved_reply


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key, Swedish letters included (QTest.keyClicks is ASCII only)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for char in text:
        upper = ord(char.upper())
        code = Qt.Key(upper) if upper < 0x100 else Qt.Key.Key_unknown
        shift = char.isupper()
        modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, code, char, modifier)


def open_window(qtbot, services, report=None, theme=None, size=(1300, 800)):
    """The real window, shown (and with ``report`` opened and its list filled)."""
    from PySide6.QtWidgets import QApplication

    from korrektur.ui.main_window import MainWindow
    from korrektur.ui.theme import Theme

    window = MainWindow(services, theme or Theme.from_palette(QApplication.palette()))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    if report is not None:
        window.open_path(report)
        qtbot.waitUntil(lambda: window.dock.model.session is window.controller.session)
    return window


def inline_jobs(engine=None, pool=None):
    """Jobs that run commands at once on this thread with ``engine`` (no worker process)."""
    from functools import partial

    from korrektur.ui.jobs import Jobs, SyncPool
    from korrektur.workspace.runner import InlineRunner

    return Jobs(partial(InlineRunner, engine=engine or fake_engine), pool or SyncPool())


def use(service, review):
    """Open ``review`` in the window's service as if a command had opened it."""
    from korrektur.workspace.commands import Opened

    service.take_opened(Opened(review), None)


def workspace_of(review):
    """A workspace with ``review`` open (for the dialogs tested on their own)."""
    from korrektur.workspace.workspace import Workspace

    workspace = Workspace(review.session.reviewer)
    workspace.open(review)
    return workspace


class SharedWorker:
    """One worker process (with ``fake_engine``) lent to the tests that need a real one.

    Starting a worker takes a second or two; the tests borrow this one in turn. Each
    ``Jobs`` gets it through ``runner``; closing that ``Jobs`` waits for its jobs and gives
    the worker back.
    """

    def __init__(self):
        from korrektur.workspace.worker import WorkerProcess
        from leaks import LONG_LIVED

        self.listener = None
        self.process = WorkerProcess(self._dispatch, fake_engine)
        LONG_LIVED.append(self.running)

    def running(self):
        """Its threads and process (started again when a test kills it)."""
        process = self.process
        return set(process._threads), {process.pid} if process.pid else set()

    def _dispatch(self, message):
        listener = self.listener
        if listener is not None:
            listener(message)

    def runner(self, listener):
        self.listener = listener
        return _Borrowed(self)

    def close(self):
        from leaks import LONG_LIVED

        self.process.close()
        LONG_LIVED.remove(self.running)


class _Borrowed:
    """The shared worker as one ``Jobs`` sees it."""

    def __init__(self, shared):
        self.shared = shared

    @property
    def generation(self):
        return self.shared.process.generation

    def submit(self, job, held=None):
        self.shared.process.submit(job, held)

    def cancel(self, number):
        self.shared.process.cancel(number)

    def close(self):
        import time

        deadline = time.monotonic() + 30
        while self.shared.process.busy and time.monotonic() < deadline:
            time.sleep(0.01)
        self.shared.listener = None


def with_engine(services, factory):
    """The window's services with commands analysed by ``factory``'s engine (no store)."""
    from korrektur.ui.workspace_service import WorkspaceService

    services.service = WorkspaceService(services.messages, inline_jobs(factory), services.settings)
    return services


def shown(qtbot, window) -> None:
    """Wait until the window has put its session on screen: text, marks, list (three turns)."""
    qtbot.waitUntil(
        lambda: not window.swapping and window.dock.model.session is window.controller.session
    )


def open_shown(qtbot, window, path) -> None:
    """Open ``path`` and wait until its review is on screen, as a clerk waits to see it."""
    window.open_path(path)
    shown(qtbot, window)
