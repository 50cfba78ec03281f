"""Save, Save As, Export, version history and recovery, as the window calls them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QWidget

from korrektur.formats.exporters import EXPORTERS, Exporter, export_to
from korrektur.formats.reading import ExportOptions
from korrektur.model import ReviewSession
from korrektur.store.autosave import find_recoveries
from korrektur.store.detached import detached_review
from korrektur.store.resume import ResumeReport, find_review
from korrektur.store.review import Review
from korrektur.store.reviewfile import SUFFIX, Snapshot, snapshot
from korrektur.store.validate import ReviewFileError
from korrektur.ui.autosave_service import AutosaveService
from korrektur.ui.export_dialog import ExportDialog
from korrektur.ui.export_names import proposed_export, refused
from korrektur.ui.prepared import DEFAULT_VIEW, session_view
from korrektur.ui.recovery_dialog import Choice, RecoveryDialog
from korrektur.ui.review_saver import ReviewSaver
from korrektur.ui.store_jobs import JobQueue, Pool, writer_pool
from korrektur.ui.version_dialog import VersionHistoryDialog


class StoreMessages(Protocol):
    """What the service says or asks (the window's message service fits)."""

    def error(self, text: str) -> None:
        """Something failed."""
        ...

    def info(self, text: str) -> None:
        """A passing note."""
        ...

    def confirm(self, text: str) -> bool:
        """A yes/no question."""
        ...


AskPath = Callable[[QWidget | None, str, str, str], str]
"""(parent, caption, suggested path, filter) → the chosen path, "" when cancelled."""
AskText = Callable[[QWidget | None, str, str], str | None]
"""(parent, question, default) → the text, None when cancelled."""
RunDialog = Callable[[QDialog], int]
"""Shows a dialog modally and returns its result (tests answer instead)."""


def ask_save_path(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
    """The file dialog for saving."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return str(path)


def ask_line(parent: QWidget | None, question: str, default: str) -> str | None:
    """A one-line text question."""
    text, ok = QInputDialog.getText(parent, QApplication.applicationName(), question, text=default)
    return str(text) if ok else None


def export_snapshot(
    snap: Snapshot, review_path: Path | None, name: str, target: Path, options: ExportOptions
) -> None:
    """Write an export of what ``snap`` holds (on the worker: a private copy is read)."""
    review = detached_review(snap, review_path)
    try:
        export_to(review, name, target, options)
    finally:
        review.release()


class ReviewFileService(QObject):
    """The store's side of the window: one ``Review`` per open session, saved and autosaved.

    Saves (``saver``), autosaves and exports take a snapshot on the GUI thread and write it
    with jobs on one ordered worker thread (``jobs``); the window goes on meanwhile.

    Signals:
        session_replaced(Analysed): a restored version (or recovered work) to show.
        saved(str): a save reached the disk (the review file's path).
        save_failed(str): a save did not reach the disk (why); the work is still open.
        exported(str): an export was written (its path).
        export_failed(str): an export could not be written (why).
    """

    session_replaced = Signal(object)
    saved = Signal(str)
    save_failed = Signal(str)
    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(
        self,
        messages: StoreMessages,
        reviewer: Callable[[], str],
        set_reviewer: Callable[[str], None],
        pool: Pool | None = None,
        recovery_folder: Path | None = None,
        ask_path: AskPath = ask_save_path,
        ask_text: AskText = ask_line,
        run_dialog: RunDialog = QDialog.exec,
        parent: QObject | None = None,
        export_folder: str = "",
        set_export_folder: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.export_folder = export_folder  # where the last export went ("" : none yet)
        self.view = DEFAULT_VIEW  # how the window shows the corrected text
        self._set_export_folder = set_export_folder
        self.messages = messages
        self.reviewer, self.set_reviewer = reviewer, set_reviewer
        self.ask_path, self.ask_text, self.run_dialog = ask_path, ask_text, run_dialog
        self.recovery_folder = recovery_folder
        self.review: Review | None = None
        self.jobs = JobQueue(pool or writer_pool(), self)
        self.autosave = AutosaveService(self.jobs, recovery_folder, parent=self)
        self.autosave.failed.connect(self._autosave_failed)
        self.saver = ReviewSaver(self.jobs, messages, self)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self.save_failed)
        self._asked_name = False

    @property
    def saving(self) -> bool:
        """True while a save is being written."""
        return self.saver.saving

    # -- which review ----------------------------------------------------------------------

    def use(
        self, review: Review, report: ResumeReport | None = None, parent: QWidget | None = None
    ) -> None:
        """Work on ``review`` (opened, resumed or recovered); say what resuming found.

        With a ``parent`` window, a reviewer without a name is asked for it now, so that
        every decision carries it.
        """
        self.review = review
        review.session.reviewer = self._name(parent)
        self.autosave.watch(review)
        lines = report.messages() if report is not None else []
        if lines:  # a changed or missing source: the reviewer must read this
            self.messages.error("\n".join(lines))

    def adopt(self, session: ReviewSession, parent: QWidget | None = None) -> Review:
        """A session made by a fresh analysis: start its review (saved beside the source).

        If the source already has a review file that this session does not come from, the
        first save asks where to save rather than replace that file and its versions.
        """
        source = session.document.path
        path: Path | None = None
        if source is not None:
            try:
                path, existing = find_review(source)
            except ReviewFileError:
                existing = None
                path = None  # damaged: never written over
            if existing is not None:
                path = None
        review = Review(session, source_path=source, path=path)
        self.use(review, parent=parent)
        return review

    def review_for(self, session: ReviewSession) -> Review:
        """The review of ``session`` (adopting it if the service has not seen it)."""
        if self.review is None or self.review.session is not session:
            return self.adopt(session)
        return self.review

    def unsaved(self, session: ReviewSession | None) -> bool:
        """True when ``session`` has work that no saved version holds."""
        return (
            session is not None
            and self.review is not None
            and self.review.session is session
            and self.review.dirty
        )

    def _name(self, parent: QWidget | None) -> str:
        """The reviewer's name from the settings; asked for once if there is none."""
        name = self.reviewer().strip()
        if not name and not self._asked_name and parent is not None:
            self._asked_name = True
            answer = self.ask_text(
                parent,
                self.tr("Your name, recorded with your decisions and saved versions:"),
                "",
            )
            if answer and answer.strip():
                name = answer.strip()
                self.set_reviewer(name)
        if self.review is not None:
            self.review.session.reviewer = name
        return name

    # -- saving ----------------------------------------------------------------------------

    def save(self, session: ReviewSession, parent: QWidget | None = None) -> bool:
        """Save a new version (Ctrl+S); True when the save is under way.

        ``saved`` or ``save_failed`` follows once the file is written or not.
        """
        review = self.review_for(session)
        if self.saver.saving:  # after the save under way, to where that one goes
            return self._save_to(review, None, parent)
        if review.path is None:
            return self.save_as(session, parent)
        return self._save_to(review, review.path, parent)

    def save_as(self, session: ReviewSession, parent: QWidget | None = None) -> bool:
        """Save a new version to a file the reviewer chooses; True when under way."""
        review = self.review_for(session)
        suggested = review.path or Path(session.document.name).with_suffix("")
        path = self.ask_path(
            parent,
            self.tr("Save review as"),
            str(suggested if str(suggested).endswith(SUFFIX) else f"{suggested}{SUFFIX}"),
            self.tr("Korrektur review (*%1);;All files (*)").replace("%1", SUFFIX),
        )
        if not path:
            return False
        target = Path(path)
        if not target.name.endswith(SUFFIX):
            target = target.with_name(target.name + SUFFIX)
        return self._save_to(review, target, parent)

    def _save_to(self, review: Review, path: Path | None, parent: QWidget | None) -> bool:
        name = self._name(parent)
        if (
            path is not None
            and review.source_path is not None
            and path.resolve() == review.source_path.resolve()
        ):
            self.messages.error(
                self.tr("The source file is never overwritten; choose another name.")
            )
            return False
        self.saver.save(review, path, name)
        return True

    def _on_saved(self, review: Review, path: str) -> None:
        if review is self.review:
            self.autosave.saved()
        self.saved.emit(path)

    def _autosave_failed(self, message: str) -> None:
        self.messages.info(self.tr("Autosave failed: %1").replace("%1", message))

    # -- export and versions ---------------------------------------------------------------

    def export(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        """Ask for format, options and file, then write the export."""
        review = self.review_for(session)
        dialog = ExportDialog(review, parent, proposed=self.view.proposals)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        exporter, options = EXPORTERS[dialog.format_name()], dialog.options()
        target = self._ask_export_path(review, exporter, parent)
        if target is None:
            return
        self.export_folder = str(target.parent)
        if self._set_export_folder is not None:
            self._set_export_folder(self.export_folder)
        self.jobs.submit(
            partial(export_snapshot, snapshot(review), review.path, exporter.name, target, options),
            lambda _: self._exported(target),
            self._not_exported,
            label=self.tr("Exporting %1…").replace("%1", target.name),
        )

    def _ask_export_path(
        self, review: Review, exporter: Exporter, parent: QWidget | None
    ) -> Path | None:
        """The file to export to: proposed so that it will be accepted, asked again if not.

        A name the reviewer picks that would be refused (the source, the review file) is
        explained and asked for again, with the choices of the Export dialog kept.
        """
        source = review.source_path or review.session.document.path
        source = source or Path(review.session.document.name)
        protected = [p for p in (source, review.path) if p is not None]
        folder = Path(self.export_folder) if self.export_folder else None
        suggested = proposed_export(source, exporter, folder, protected)
        while True:
            path = self.ask_path(
                parent,
                self.tr("Export as"),
                str(suggested),
                f"{exporter.label} (*{exporter.suffix})",
            )
            if not path:
                return None
            target = Path(path)
            if not target.suffix:
                target = target.with_suffix(exporter.suffix)
            if not refused(target, protected):
                return target
            self.messages.error(
                self.tr(
                    "%1 is the report or its review file, which an export never replaces. "
                    "Choose another name."
                ).replace("%1", target.name)
            )

    def _exported(self, target: Path) -> None:
        self.messages.info(self.tr("Exported to %1").replace("%1", target.name))
        self.exported.emit(str(target))

    def _not_exported(self, message: str) -> None:
        self.messages.error(self.tr("The export could not be written: %1").replace("%1", message))
        self.export_failed.emit(message)

    def show_versions(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        """The version history; restoring a version replaces the session.

        Not while a save is written: the history is about to gain a version.
        """
        if self.saving:
            return
        review = self.review_for(session)
        dialog = VersionHistoryDialog(review, self.messages.confirm, parent, self.jobs)
        dialog.view = self.view
        dialog.restored.connect(self.session_replaced.emit)
        self.run_dialog(dialog)

    # -- recovery and closing --------------------------------------------------------------

    def offer_recovery(self, parent: QWidget | None = None) -> Review | None:
        """At start: offer work a crash left unsaved; the chosen review is returned, in use."""
        recoveries = find_recoveries(self.recovery_folder)
        if not recoveries:
            return None
        dialog = RecoveryDialog(recoveries, parent)
        self.run_dialog(dialog)
        chosen = dialog.chosen
        if chosen is None or dialog.choice is Choice.LATER:
            return None
        if dialog.choice is Choice.DISCARD:
            question = self.tr("Delete the unsaved work on %1 for good?").replace(
                "%1", chosen.source_name
            )
            if self.messages.confirm(question):
                chosen.discard()
            return None
        try:
            review = chosen.load()
        except ReviewFileError as exc:
            self.messages.error(str(exc))
            return None
        self.use(review)
        autosaver = self.autosave.autosaver
        moved = autosaver is not None and autosaver.path != chosen.path
        # the old file goes only once the work is safely in the new one
        self.autosave.write_now(chosen.discard if moved else None)
        self.session_replaced.emit(session_view(review.session, self.view))
        return review

    def close(self, keep_unsaved: bool = True) -> None:
        """The window closes: stop autosaving (the recovery file goes unless work is kept)."""
        self.autosave.stop(keep_unsaved)

    def wait(self) -> None:
        """Block until every write is done (the window is gone; the process is ending)."""
        self.jobs.wait()
