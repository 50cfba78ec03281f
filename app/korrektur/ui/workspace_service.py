"""The window's one service for the open document: open, analyse, save, close, autosave.

Everything the File menu does goes through here, to the ``Workspace`` (the one place the
open review lives) and to ``Jobs`` (the worker process). Saves, exports and autosaves are
written in the background; opening another file or closing waits for them, and asks
before unsaved decisions are let go. The Export, Version history and recovery dialogs are
in ``review_dialogs``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QWidget

from korrektur.model import Document, Suggestion
from korrektur.store.reviewfile import SUFFIX
from korrektur.ui import settings as keys
from korrektur.ui.autosaving import Autosaving
from korrektur.ui.jobs import Jobs
from korrektur.ui.messages import Answer, Messages
from korrektur.ui.prepared import DEFAULT_VIEW, Analysed, prepare, session_view
from korrektur.ui.settings import Settings
from korrektur.workspace import commands
from korrektur.workspace.autosave import AutosavePolicy
from korrektur.workspace.runner import Failed
from korrektur.workspace.transfer import Held
from korrektur.workspace.workspace import Workspace

_STARTING = -1  # an analysis whose job number is not known yet
_FREE_SLICE = 10_000  # suggestions freed in one turn of the event loop (about 5 ms)

AskPath = Callable[[QWidget | None, str, str, str], str]
"""(parent, caption, suggested path, filter) → the chosen path, "" when cancelled."""
AskText = Callable[[QWidget | None, str, str], str | None]
"""(parent, question, default) → the text, None when cancelled."""


def ask_save_path(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
    """The file dialog for saving."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return str(path)


def ask_line(parent: QWidget | None, question: str, default: str) -> str | None:
    """A one-line text question."""
    text, ok = QInputDialog.getText(parent, QApplication.applicationName(), question, text=default)
    return str(text) if ok else None


@dataclass
class Store:
    """How the service saves: who decides, where recovery files go, the dialogs it asks with.

    Attributes:
        reviewer: the name in the settings; set_reviewer: keeps a name given.
        recovery_folder: where autosaves go (None: the user's data folder).
        ask_path, ask_text: file and name questions (tests answer instead).
        run_dialog: shows a dialog modally and returns its result (tests answer instead).
        export_folder: where the last export went ("": none yet); set_export_folder keeps it.
        autosave: the autosave policy (its clock and pauses; tests make their own).
    """

    reviewer: Callable[[], str] = lambda: ""
    set_reviewer: Callable[[str], None] = lambda _name: None
    recovery_folder: Path | None = None
    ask_path: AskPath = ask_save_path
    ask_text: AskText = ask_line
    export_folder: str = ""
    set_export_folder: Callable[[str], None] = lambda _folder: None
    autosave: AutosavePolicy | None = None
    run_dialog: Callable[[QDialog], int] = QDialog.exec


class WorkspaceService(QObject):
    """The open document as the window works on it.

    With a ``store``, opening a file resumes its review file, Save adds a version,
    analysing again keeps every decision, and unsaved work is autosaved. Without one
    (screenshot mode) Save, Export and Version history are off and decisions live in
    memory only.

    Attributes:
        workspace: the open document and its review.
        jobs: the background work.
        window: the parent of the dialogs (set by the window).
        view: how the window shows the corrected text (sessions are prepared so).
        clean: whether the window's undo stack is at its clean state (set by the window).

    Signals:
        reading(Path): a file is being read.
        loaded(Document, Prepared): the file is read (its analysis goes on).
        progress(int, int): done and total units of analysis.
        running_changed(bool): an analysis started or ended.
        failed(str): opening or analysing failed (the message was shown).
        cancelled(): the analysis was stopped.
        session_replaced(object): another session is open (its ``Analysed``, or None when
            the window must lay it out itself, or when none is open).
        saved(str), save_failed(str): a save reached the disk (its path), or not (why).
        exported(str), export_failed(str): an export was written (its path), or not (why).
    """

    reading = Signal(object)
    loaded = Signal(object, object)
    progress = Signal(int, int)
    running_changed = Signal(bool)
    failed = Signal(str)
    cancelled = Signal()
    session_replaced = Signal(object)
    saved = Signal(str)
    save_failed = Signal(str)
    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(
        self,
        messages: Messages,
        jobs: Jobs,
        settings: Settings | None = None,
        store: Store | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.messages = messages
        self.jobs = jobs
        self.settings = settings
        self.store = store
        self.window: QWidget | None = None
        self.view = DEFAULT_VIEW
        self.clean: Callable[[], bool] = lambda: True
        policy = None
        if store is not None:
            policy = store.autosave or AutosavePolicy(store.recovery_folder)
            store.autosave = policy
        self.workspace = Workspace(store.reviewer().strip() if store else "", policy)
        self.autosaving = (
            Autosaving(policy, jobs, lambda: self.workspace.held, self) if policy else None
        )
        if self.autosaving is not None:
            self.autosaving.failed.connect(self._autosave_failed)
        self.workspace.add_listener(self._replaced)
        self._built: Analysed | None = None  # laid out off the GUI thread for the next review
        self._analysis: int | None = None  # the running analysis (its job's number)
        self._ticket: object | None = None  # the analysis whose results are wanted
        self._writes = 0
        self._then: Callable[[], object] | None = None  # taken again when writes are done
        self._asked_name = False
        self.export_folder = store.export_folder if store else ""
        jobs.idle.connect(lambda: QTimer.singleShot(0, self._resume))
        self._letting_go: list[object] = []  # parts of what was let go, freed one per turn
        self._let_go_timer = QTimer(self, singleShot=True, interval=0)
        self._let_go_timer.timeout.connect(self._free_next)

    # -- state ----------------------------------------------------------------------------

    @property
    def can_save(self) -> bool:
        """True when there is a store and a document is open."""
        return self.store is not None and self.workspace.review is not None

    @property
    def running(self) -> bool:
        """True while an analysis is under way."""
        return self._analysis is not None

    @property
    def saving(self) -> bool:
        """True while a save is being written."""
        return self.workspace.saving

    @property
    def busy(self) -> bool:
        """True while a save, an export or an autosave is being written."""
        return self._writes > 0

    @property
    def waiting(self) -> bool:
        """True when an action waits for the writes to finish."""
        return self._then is not None

    @property
    def unsaved(self) -> bool:
        """True when the review has work no saved version holds (and there is a store).

        After a restore or a recovery the undo stack is clean, but the work is not saved.
        """
        return self.store is not None and self.workspace.dirty

    # -- the open review ------------------------------------------------------------------

    def _replaced(self) -> None:
        built, self._built = self._built, None
        review = self.workspace.review
        if review is not None and self.autosaving is not None:
            review.add_listener(self.autosaving.on_change)
        if self.autosaving is not None:
            self.autosaving.watching(review is not None)
        if built is not None and review is not None and built.session is not review.session:
            built = None
        self.session_replaced.emit(built)

    def _take(self, opened: commands.Opened, built: Analysed | None) -> None:
        """Open the review of a finished command (what resuming found is said)."""
        self._built = built
        held = built.held if built is not None and built.held is not None else None
        if held is None:
            held = self._held(opened)
        self._release()
        self.workspace.open(opened.review, opened.report, held)
        self._name()
        lines = opened.report.messages()
        if lines:  # a changed or missing source: the reviewer must read this
            self.messages.error("\n".join(lines))

    def _held(self, opened: commands.Opened) -> Held | None:
        """What the worker holds of ``opened`` (the set of ids: laid out off the GUI thread)."""
        runner_generation = getattr(self.jobs.runner, "generation", None)
        if opened.token is None or runner_generation is None:
            return None
        return Held.of(opened.token, runner_generation, opened.review)

    def _let_go(self, *parts: object, suggestions: Iterable[list[Suggestion]] = ()) -> None:
        """Free what the window let go a part at a time, one part per turn of the event loop.

        Freeing a 300-page review at once took the GUI thread 74 ms (its known suggestions
        29, the session's 17, the history 8: after a restore, two sets of 45,000
        suggestions). ``parts`` go first to last, then ``suggestions`` a slice at a time
        (held here, they outlive the parts that held them).
        """
        size = _FREE_SLICE
        slices = [part[i : i + size] for part in suggestions for i in range(0, len(part), size)]
        self._letting_go[:0] = [*reversed(slices), *reversed(parts)]
        self._let_go_timer.start()

    def _free_next(self) -> None:
        if self._letting_go:
            self._letting_go.pop()
        if self._letting_go:
            self._let_go_timer.start()

    def _release(self) -> None:
        """The worker may let go of what it held of the review that goes."""
        token = self.workspace.held_token()
        if token is not None:
            self.jobs.run(commands.release, token, lambda _: None, lambda _: None)

    def _name(self) -> str:
        """The reviewer's name from the settings; asked for once if there is none."""
        store = self.store
        if store is None:
            return ""
        name = store.reviewer().strip()
        if not name and not self._asked_name and self.window is not None:
            self._asked_name = True
            answer = store.ask_text(
                self.window,
                self.tr("Your name, recorded with your decisions and saved versions:"),
                "",
            )
            if answer and answer.strip():
                name = answer.strip()
                store.set_reviewer(name)
        self.workspace.set_reviewer(name)
        return name

    # -- opening and analysing ------------------------------------------------------------

    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        start = self.settings.get(keys.LAST_DIRECTORY) if self.settings else ""
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open OCR text"),
            start,
            self.tr(
                "OCR text and scans (*.txt *.hocr *.html *.xml *.pdf);;Text files (*.txt);;"
                "hOCR (*.hocr *.html);;ALTO or PAGE XML (*.xml);;PDF with a text layer (*.pdf);;"
                "All files (*)"
            ),
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, review_path: Path | None = None) -> None:
        """Open ``path``: resume its review file if it has one, else analyse it afresh.

        ``review_path``: the review file to use instead of the one beside the source (a
        corpus document's, in its project; such documents are reached from the corpus
        window, not the recent files). Waits for writes under way, and asks before unsaved
        work is let go. The review open until now stays open until the new file is read (a
        file that cannot be read leaves it as it was).
        """
        again = partial(self.open_path, path, review_path)
        if self._defer(again) or not self.may_discard(again):
            return
        resolved = Path(path).resolve()
        if self.settings is not None and review_path is None:
            self.settings.add_recent_file(str(resolved))
            self.settings.set(keys.LAST_DIRECTORY, str(resolved.parent))
        self.cancel_analysis()
        self.reading.emit(resolved)
        self._start_analysis(
            commands.open_file,
            resolved if review_path is None else commands.OpenAt(resolved, review_path),
            done=self._opened,
            then=self._lay_out,
            note=self._read,
            then_note=lambda document: (document, prepare(document.text)),
        )

    def reanalyse(self) -> None:
        """Analyse the open document again: new suggestions join the decisions."""
        document = self.workspace.document
        if document is None or self.running:
            return
        self._start_analysis(commands.analyse_again, document, done=self._reanalysed)

    def _start_analysis(
        self,
        command: Callable[..., object],
        request: object,
        done: Callable[[Any], None],
        **more: Any,
    ) -> None:
        """Run an analysis; the results of one superseded meanwhile are let go."""
        self.cancel_analysis()
        ticket = object()
        self._ticket, self._analysis = ticket, _STARTING
        self.running_changed.emit(True)

        def current(call: Callable[..., None]) -> Callable[..., None]:
            def only_current(*args: Any) -> None:
                if self._ticket is ticket:
                    call(*args)

            return only_current

        def finished(result: Any) -> None:
            if self._ticket is not ticket:  # superseded: the worker may let its review go
                self._forget(result)
                return
            self._end()
            done(result)

        number = self.jobs.run(
            command,
            request,
            finished,
            current(self._analysis_failed),
            progress=current(self.progress.emit),
            cancelled=current(self._analysis_cancelled),
            held=self.workspace.held,
            **more,
        )
        if self._ticket is ticket and self._analysis == _STARTING:
            self._analysis = number

    def _forget(self, result: Any) -> None:
        opened = result[0] if isinstance(result, tuple) else result
        if isinstance(opened, commands.Opened) and opened.token is not None:
            self.jobs.run(commands.release, opened.token, lambda _: None, lambda _: None)

    def cancel_analysis(self) -> None:
        """Ask the running analysis to stop."""
        if self._analysis is not None and self._analysis != _STARTING:
            self.jobs.cancel(self._analysis)

    def _end(self) -> None:
        self._analysis, self._ticket = None, None
        self.running_changed.emit(False)

    def _read(self, read: tuple[Document, object]) -> None:
        """The new file is read: the review open until now goes (saved, or let go)."""
        document, prepared = read
        self._release()
        review = self.workspace.review
        if review is not None:
            self._let_go(
                review,
                review.session,
                review.history,
                suggestions=(review.known(), review.session.suggestions),
            )
        self.workspace.close(keep_unsaved=False)  # no recovery offer for it
        self.loaded.emit(document, prepared)

    def _lay_out(self, opened: commands.Opened) -> tuple[commands.Opened, Analysed]:
        """The opened review's text and counts for the window (on the window's own thread)."""
        built = session_view(opened.review.session, self.view)
        held = self._held(opened)
        return opened, replace(built, review=opened.review, report=opened.report, held=held)

    def _opened(self, result: tuple[commands.Opened, Analysed]) -> None:
        opened, built = result
        self._take(opened, built)
        if opened.cancelled:
            self.messages.info(self.tr("Analysis cancelled: the text is open without suggestions."))
            self.cancelled.emit()

    def _reanalysed(self, fresh: list[object]) -> None:
        added = self.workspace.add_fresh(fresh)  # type: ignore[arg-type]
        self.messages.info(self.tr("%n new suggestion(s).", "", added))

    def _analysis_failed(self, failure: Failed) -> None:
        self._end()
        self.messages.error(self._analysis_message(failure))
        self.failed.emit(failure.message)

    def _analysis_cancelled(self) -> None:
        self._end()
        self.messages.info(self.tr("Analysis cancelled."))
        self.cancelled.emit()

    def _analysis_message(self, failure: Failed) -> str:
        name = self.workspace.document.name if self.workspace.document else ""
        if failure.kind == "ReviewFileError":
            text = QCoreApplication.translate(
                "AnalysisJob",
                "{error}\nMove or repair the review file to open {name}; it was left as it is.",
            )
            return text.format(name=name, error=failure.message)
        if failure.expected and failure.kind == "DocumentError":
            return failure.message
        text = QCoreApplication.translate("AnalysisJob", "The analysis of {name} failed: {error}")
        return text.format(name=name or "the document", error=failure.message)

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> bool:
        """Save a new version (Ctrl+S); True when the save is under way.

        ``saved`` or ``save_failed`` follows once the file is written or not.
        """
        review = self.workspace.review
        if self.store is None or review is None:
            return False
        if self.workspace.saving:  # after the save under way, to where that one goes
            return self._save_to(None)
        if review.path is None:
            return self.save_as()
        return self._save_to(review.path)

    def save_as(self) -> bool:
        """Save a new version to a file the reviewer chooses; True when under way."""
        review = self.workspace.review
        if self.store is None or review is None:
            return False
        suggested = review.path or Path(review.session.document.name).with_suffix("")
        path = self.store.ask_path(
            self.window,
            self.tr("Save review as"),
            str(suggested if str(suggested).endswith(SUFFIX) else f"{suggested}{SUFFIX}"),
            self.tr("Korrektur review (*%1);;All files (*)").replace("%1", SUFFIX),
        )
        if not path:
            return False
        target = Path(path)
        if not target.name.endswith(SUFFIX):
            target = target.with_name(target.name + SUFFIX)
        return self._save_to(target)

    def _save_to(self, path: Path | None) -> bool:
        review = self.workspace.review
        assert review is not None
        name = self._name()
        if (
            path is not None
            and review.source_path is not None
            and path.resolve() == review.source_path.resolve()
        ):
            self.messages.error(
                self.tr("The source file is never overwritten; choose another name.")
            )
            return False
        self._send_save(self.workspace.start_save(path, name))
        return True

    def _send_save(self, save: commands.Save | None) -> None:
        if save is None:  # waits for the save under way
            return
        self._writes += 1
        self.jobs.run(
            commands.save,
            save,
            partial(self._saved, save),
            partial(self._not_saved, save),
            label=self.tr("Saving %1…").replace("%1", save.request.path.name),
            held=self.workspace.held,
        )

    def _saved(self, save: commands.Save, saved: commands.Saved) -> None:
        self._writes -= 1
        following = self.workspace.saved(save, saved)
        if self.autosaving is not None:
            self.autosaving.pump()  # the recovery file goes
        self.messages.info(
            self.tr("Saved version %1 to %2")
            .replace("%1", str(saved.version.number))
            .replace("%2", save.request.path.name)
        )
        self.saved.emit(str(save.request.path))
        self._send_save(following)

    def _not_saved(self, save: commands.Save, failure: Failed) -> None:
        self._writes -= 1
        self.workspace.save_failed()
        self._then = None  # a close or an open waiting for this save is called off
        self.messages.error(
            self.tr(
                "The review could not be saved: %1\nYour work is still open; try Save "
                "As to choose another folder."
            ).replace("%1", failure.message)
        )
        self.save_failed.emit(failure.message)

    def _autosave_failed(self, message: str) -> None:
        self.messages.info(self.tr("Autosave failed: %1").replace("%1", message))

    def written(self, delta: int) -> None:
        """A write (an export) started (+1) or ended (-1): opening and closing wait for it."""
        self._writes += delta

    # -- the guard against losing work ----------------------------------------------------

    def _defer(self, action: Callable[[], object]) -> bool:
        """While writes are under way, take ``action`` once they are done; True if deferred."""
        if not self.busy:
            return False
        self._then = action
        self.messages.info(self.tr("Waiting for the review to be written…"))
        return True

    def _resume(self) -> None:
        action, self._then = self._then, None
        if action is not None and not self.busy:
            action()
        elif action is not None:  # another write came meanwhile
            self._then = action

    def call_off(self) -> None:
        """A write failed: whatever waited for it (a close, an open) is not done."""
        self._then = None

    def may_close(self, close: Callable[[], object]) -> bool:
        """True when the window may close now; else ``close`` is called again when it may.

        Writes under way are waited for; unsaved work is saved (the window closes once it
        is on disk) or let go, as the reviewer says.
        """
        return not self._defer(close) and self.may_discard(close)

    @property
    def _clean(self) -> bool:
        return self.clean() and not self.unsaved

    def may_discard(self, retry: Callable[[], object] | None = None) -> bool:
        """True when no decision is unsaved, or the reviewer lets them go.

        If the reviewer chooses to save, the save is written in the background and False is
        returned; ``retry`` is called once the work is safely on disk.
        """
        if self._clean:
            return True
        document = self.workspace.document
        answer = self.messages.unsaved(
            self.tr("The decisions on %1 are not saved. Discard them?").replace(
                "%1", document.name if document else ""
            ),
            can_save=self.can_save,
        )
        if answer is Answer.SAVE:
            if self.save() and self.busy:
                self._then = retry
                return False
            return self._clean  # written already (inline), failed or cancelled
        return answer is Answer.DISCARD

    def close(self, keep_unsaved: bool = False) -> None:
        """The window closes: stop the analysis and autosaving (unsaved work kept if asked)."""
        self.cancel_analysis()
        self._release()
        self.workspace.close(keep_unsaved)
        if self.autosaving is not None:
            self.autosaving.stop()
        self._let_go_timer.stop()
        self._letting_go.clear()

    def shut_down(self) -> None:
        """The window is gone: wait for the writes, then stop the worker."""
        self.jobs.close()

    def take_restored(self, number: int, built: Analysed) -> None:
        """A version restored off the GUI thread becomes the current, unsaved work."""
        self._built = built
        session = self.workspace.session
        if session is not None:
            self._let_go(session, suggestions=(session.suggestions,))
        self.workspace.restore(number, built.session)

    def take_opened(self, opened: commands.Opened, built: Analysed | None) -> None:
        """A review opened by a command (recovered work) becomes the open review."""
        self._take(opened, built)
