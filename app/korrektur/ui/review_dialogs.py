"""The store's dialogs: Export, Version history and the offer of work a crash left unsaved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from korrektur.formats.exporters import EXPORTERS, Exporter
from korrektur.store.autosave import Recovery
from korrektur.store.review import Review
from korrektur.ui.export_dialog import ExportDialog
from korrektur.ui.export_names import proposed_export, refused
from korrektur.ui.prepared import Analysed, session_view
from korrektur.ui.recovery_dialog import Choice, RecoveryDialog
from korrektur.ui.version_dialog import VersionHistoryDialog
from korrektur.ui.workspace_service import WorkspaceService
from korrektur.workspace import commands
from korrektur.workspace.runner import Failed


def let_go(dialog: QDialog) -> None:
    """A closed dialog goes with the last reference to it (a job it started may hold one).

    Left a child of the window it would live as long as the window, with what it showed:
    the review of that moment (a report opened again was then held twice, 50 MB on the
    bench's 300 pages), its texts and comparisons.
    """
    dialog.setParent(None)


# -- export --------------------------------------------------------------------------------------


def export(service: WorkspaceService) -> None:
    """Ask for format, options and file, then write the export in the background."""
    review, store = service.workspace.review, service.store
    if review is None or store is None:
        return
    dialog = ExportDialog(review, service.window, proposed=service.view.proposals)
    accepted = store.run_dialog(dialog) == QDialog.DialogCode.Accepted
    exporter, options = EXPORTERS[dialog.format_name()], dialog.options()
    let_go(dialog)
    if not accepted:
        return
    target = _ask_export_path(service, review, exporter)
    if target is None:
        return
    service.export_folder = str(target.parent)
    store.set_export_folder(service.export_folder)
    service.written(+1)

    def done(_path: object) -> None:
        service.written(-1)
        service.messages.info(
            QCoreApplication.translate("ReviewDialogs", "Exported to %1").replace("%1", target.name)
        )
        service.exported.emit(str(target))

    def failed(failure: Failed) -> None:
        service.written(-1)
        service.call_off()
        service.messages.error(
            QCoreApplication.translate(
                "ReviewDialogs", "The export could not be written: %1"
            ).replace("%1", failure.message)
        )
        service.export_failed.emit(failure.message)

    service.jobs.run(
        commands.export,
        service.workspace.export_request(exporter.name, target, options),
        done,
        failed,
        label=QCoreApplication.translate("ReviewDialogs", "Exporting %1…").replace(
            "%1", target.name
        ),
        held=service.workspace.held,
    )


def _ask_export_path(service: WorkspaceService, review: Review, exporter: Exporter) -> Path | None:
    """The file to export to: proposed so that it will be accepted, asked again if not.

    A name the reviewer picks that would be refused (the source, the review file) is
    explained and asked for again, with the choices of the Export dialog kept.
    """
    assert service.store is not None
    source = review.source_path or review.session.document.path
    source = source or Path(review.session.document.name)
    protected = [p for p in (source, review.path) if p is not None]
    folder = Path(service.export_folder) if service.export_folder else None
    suggested = proposed_export(source, exporter, folder, protected)
    while True:
        path = service.store.ask_path(
            service.window,
            QCoreApplication.translate("ReviewDialogs", "Export as"),
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
        service.messages.error(
            QCoreApplication.translate(
                "ReviewDialogs",
                "%1 is the report or its review file, which an export never replaces. "
                "Choose another name.",
            ).replace("%1", target.name)
        )


# -- versions ------------------------------------------------------------------------------------


def show_versions(service: WorkspaceService) -> None:
    """The version history; restoring a version replaces the session.

    Not while a save is written: the history is about to gain a version.
    """
    if service.saving or service.workspace.review is None or service.store is None:
        return
    dialog = VersionHistoryDialog(
        service.workspace,
        service.messages.confirm,
        service.window,
        service.jobs,
        restore=service.take_restored,
    )
    dialog.view = service.view
    service.store.run_dialog(dialog)
    let_go(dialog)  # (a comparison or a restore under way keeps it until it is done)


# -- recovery ------------------------------------------------------------------------------------


def offer_recovery(service: WorkspaceService, then: Callable[[bool], None] | None = None) -> None:
    """Offer work a crash left unsaved (found in the background); ``then(recovered)``."""
    store = service.store
    finish = then or (lambda _recovered: None)
    if store is None:
        finish(False)
        return
    service.jobs.run(
        commands.find_recoveries,
        store.recovery_folder,
        lambda found: _offer(service, found, finish),
        lambda _failure: finish(False),
    )


def _offer(
    service: WorkspaceService, recoveries: list[Recovery], finish: Callable[[bool], None]
) -> None:
    store = service.store
    if not recoveries or store is None:
        finish(False)
        return
    dialog = RecoveryDialog(recoveries, service.window)
    store.run_dialog(dialog)
    let_go(dialog)
    chosen = dialog.chosen
    if chosen is None or dialog.choice is Choice.LATER:
        finish(False)
        return
    if dialog.choice is Choice.DISCARD:
        question = QCoreApplication.translate(
            "ReviewDialogs", "Delete the unsaved work on %1 for good?"
        ).replace("%1", chosen.source_name)
        if service.messages.confirm(question):
            chosen.discard()
        finish(False)
        return

    def recovered(result: tuple[commands.Opened, Analysed]) -> None:
        opened, built = result
        service.take_opened(opened, built)
        autosaving = service.autosaving
        moved = autosaving is not None and autosaving.policy.autosaver is not None
        moved = moved and autosaving.policy.autosaver.path != chosen.path  # type: ignore[union-attr]
        # the old file goes only once the work is safely in the new one
        if autosaving is not None:
            autosaving.policy.write_now(chosen.discard if moved else None)
            autosaving.pump()
        finish(True)

    def failed(failure: Failed) -> None:
        service.messages.error(failure.message)
        finish(False)

    service.jobs.run(
        commands.load_recovery,
        chosen,
        recovered,
        failed,
        then=lambda opened: (opened, session_view(opened.review.session, service.view)),
    )
