"""The corpus window's status bar: corpus-wide progress, background work, the analysis."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from korrektur.corpus.status import CorpusStatus
from korrektur.ui.analysis_progress import AnalysisProgress


class CorpusStatusBar(QStatusBar):
    """Corpus-wide figures on the right, passing notes on the left.

    Signals:
        cancel_requested(): the archivist pressed Cancel beside the analysis progress.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures_label = QLabel()
        self.figures_label.setMinimumWidth(120)  # clipped rather than widen the window
        self.readonly_label = QLabel()
        self.readonly_label.hide()
        self.busy_label = QLabel()
        self.analysis = AnalysisProgress(220, self.cancel_requested.emit)
        self.analysis_bar = self.analysis.bar
        self.cancel_button = self.analysis.cancel_button
        for widget in (
            self.readonly_label,
            self.figures_label,
            self.busy_label,
            self.analysis_bar,
            self.cancel_button,
        ):
            self.addPermanentWidget(widget)
        self.show_analysis(False)
        self._retranslate()

    def _retranslate(self) -> None:
        self.analysis_bar.setFormat(self.tr("Analysing %v of %m documents"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop the analysis after the documents under way (they are kept)")
        )
        self.readonly_label.setText(self.tr("Read only"))
        self.readonly_label.setToolTip(
            self.tr("Another program writes to this project: decisions wait until it is done")
        )

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of language at once (the window refills the figures)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_figures(self, status: CorpusStatus | None) -> None:
        """Corpus-wide progress."""
        self.figures_label.setText(self.progress_text(status) if status is not None else "")

    def progress_text(self, status: CorpusStatus) -> str:
        """``1,000 documents · 45,022 suggestions, 37% decided · about 1,234 errors left``."""
        documents = sum(status.documents.values())
        total = sum(status.suggestions.values())
        parts = [
            self.tr("%1 documents").replace("%1", f"{documents:,}"),
            self.tr("%1 words").replace("%1", f"{status.words:,}"),
            self.tr("%1 suggestions, %2% decided")
            .replace("%1", f"{total:,}")
            .replace("%2", f"{100 * status.decided:.0f}"),
            self.tr("about %1 errors left").replace("%1", f"{status.remaining_errors:,.0f}"),
        ]
        waiting = status.documents.get("new", 0) + status.documents.get("changed", 0)
        if waiting:
            parts.append(self.tr("%1 to analyse").replace("%1", f"{waiting:,}"))
        return " · ".join(parts)

    def set_readonly(self, readonly: bool) -> None:
        """Say that this window only reads the project."""
        self.readonly_label.setVisible(readonly)

    def show_busy(self, doing: str) -> None:
        """What the corpus's worker is doing ("Searching…"); "" hides it."""
        self.busy_label.setText(doing)
        self.busy_label.setVisible(bool(doing))

    def show_analysis(self, running: bool) -> None:
        """Show or hide the analysis progress and its Cancel button."""
        self.analysis.show(running)

    def set_analysis_progress(self, done: int, total: int) -> None:
        """Move the progress bar."""
        self.analysis.set_progress(done, total)
