"""The status bar: decided/total overall and per kind, position, encoding, analysis progress."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from korrektur.model import Document, Suggestion
from korrektur.model.palette import EDITING_BORDER
from korrektur.ui.analysis_progress import AnalysisProgress
from korrektur.ui.formatting import kind_name, position_text
from korrektur.ui.stats import ReviewStats
from korrektur.ui.theme import Theme


class ReviewStatusBar(QStatusBar):
    """Permanent fields on the right, passing notes on the left.

    Signals:
        cancel_requested(): the reviewer pressed Cancel beside the analysis progress.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_label = QLabel()
        self.mode_label.setStyleSheet(
            f"QLabel {{ background: {EDITING_BORDER}; color: black; font-weight: bold;"
            " padding: 1px 8px; }"
        )
        self.mode_label.hide()
        self.progress_label = QLabel()
        self.position_label = QLabel()
        self.left_label = QLabel()
        self.encoding_label = QLabel()
        self.analysis = AnalysisProgress(160, self.cancel_requested.emit)
        self.analysis_bar = self.analysis.bar
        self.cancel_button = self.analysis.cancel_button
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setMaximumWidth(80)
        self.busy_bar.setRange(0, 0)  # a save or an export says nothing of how far it is
        self.busy_bar.setTextVisible(False)
        # Their room is kept while hidden, and the text may be squeezed: were the status
        # bar's minimum to grow when a save starts, the window would be laid out again and
        # repainted, or even resized (tens of milliseconds on a long report).
        self.busy_label.setMinimumWidth(40)
        # The counts of a long report are wide: they may be clipped rather than keep the
        # window from being narrower (or widen it when a number grows).
        self.progress_label.setMinimumWidth(160)
        self.position_label.setMinimumWidth(120)
        for busy in (self.busy_label, self.busy_bar):
            policy = busy.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            busy.setSizePolicy(policy)
        self.addWidget(self.mode_label)
        self.addWidget(self.left_label, 1)  # what is left has room of its own, on the left
        for widget in (
            self.progress_label,
            self.position_label,
            self.encoding_label,
            self.busy_label,
            self.busy_bar,
            self.analysis_bar,
            self.cancel_button,
        ):
            self.addPermanentWidget(widget)
        self.show_analysis(False)
        self.show_busy("")
        self._retranslate()

    def _retranslate(self) -> None:
        self.encoding_label.setToolTip(self.tr("The encoding the file was read with"))
        self.analysis_bar.setFormat(self.tr("Analysing… %p%"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the analysis (the text stays open)"))
        self.mode_label.setText(self.tr("Editing — Esc returns to review"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of language at once (the window refills the counts)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_editing(self, editing: bool) -> None:
        """Say, unmissably, that keys type now and how to get back."""
        self.mode_label.setVisible(editing)

    def show_busy(self, doing: str) -> None:
        """Say what is being written in the background ("Saving …"); "" hides it."""
        self.busy_label.setText(doing)
        self.busy_label.setToolTip(doing)
        self.busy_bar.setToolTip(doing)
        self.busy_label.setVisible(bool(doing))
        self.busy_bar.setVisible(bool(doing))

    def show_analysis(self, running: bool) -> None:
        """Show or hide the analysis progress and its Cancel button."""
        self.analysis.show(running)

    def set_analysis_progress(self, done: int, total: int) -> None:
        """Move the progress bar."""
        self.analysis.set_progress(done, total)

    def set_stats(self, stats: ReviewStats | None, theme: Theme) -> None:
        """Decided/total overall; per kind, each with its colour, in the tooltip."""
        if stats is None:
            self.progress_label.clear()
            self.progress_label.setToolTip("")
            return
        self.progress_label.setText(
            self.tr("%1/%2 decided")
            .replace("%1", str(stats.decided))
            .replace("%2", str(stats.total))
        )
        rows = "".join(
            f"<tr><td><span style='color:{theme.line_colour(kind).name()}'>■</span> "
            f"{escape(kind_name(kind))}</td>"
            f"<td align='right'>{stats.kind_decided[kind]}/{stats.kind_total[kind]}</td></tr>"
            for kind in stats.kinds()
        )
        heading = escape(self.tr("Decided, per kind"))
        self.progress_label.setToolTip(f"<b>{heading}</b><table>{rows}</table>")

    def set_left(self, stats: ReviewStats | None, page: int | None) -> None:
        """What is left: "12 left on this page · 140 left in the document"."""
        if stats is None:
            self.left_label.clear()
            return
        document = self.tr("%1 left in the document").replace(
            "%1", str(stats.total - stats.decided)
        )
        if page is None:
            self.left_label.setText(document)
            return
        here = self.tr("%1 left on this page").replace("%1", str(stats.pending_on_page[page]))
        self.left_label.setText(f"<b>{escape(here)}</b> · {escape(document)}")

    def set_document(self, document: Document | None) -> None:
        """The encoding of the open document."""
        self.encoding_label.setText(document.encoding_label if document else "")

    def set_position(
        self, document: Document | None, suggestion: Suggestion | None, index: int, count: int
    ) -> None:
        """Where the current suggestion is: number, page and line."""
        if document is None or suggestion is None:
            self.position_label.clear()
            return
        self.position_label.setText(position_text(document, suggestion.start))
        self.position_label.setToolTip(
            self.tr("suggestion %1/%2").replace("%1", str(index + 1)).replace("%2", str(count))
        )
