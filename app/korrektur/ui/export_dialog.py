"""The Export dialog: format, what to do with undecided suggestions, lines, version."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from korrektur.formats.exporters import EXPORTERS
from korrektur.formats.reading import ExportOptions, Pending
from korrektur.store.review import Review


class ExportDialog(QDialog):
    """Asks how to export; the caller then asks where and writes the file.

    Undecided suggestions are exported as the window shows them (``proposed``), so what
    the reviewer saw is what the export writes unless the reviewer chooses otherwise.

    Attributes:
        format_box, pending_box, keep_lines, version_box: the choices.
    """

    def __init__(
        self, review: Review, parent: QWidget | None = None, proposed: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export review"))
        self.format_box = QComboBox()
        scan = review.session.document.scan is not None
        for exporter in EXPORTERS.values():
            if exporter.needs_scan and not scan:  # hOCR/ALTO/PAGE/PDF write back a scan
                continue
            self.format_box.addItem(f"{exporter.label} (*{exporter.suffix})", exporter.name)
        self.pending_box = QComboBox()
        self.pending_box.addItem(self.tr("keep the OCR text (only decisions count)"), Pending.RAW)
        self.pending_box.addItem(
            self.tr("apply the proposals, marked as unreviewed"), Pending.PROPOSED
        )
        self.pending_box.setCurrentIndex(1 if proposed else 0)  # as the window shows them
        self.pending_box.setToolTip(
            self.tr(
                "What the export contains where no one has decided a suggestion yet. Keeping "
                "the OCR text never passes an unchecked guess off as a correction."
            )
        )
        self.keep_lines = QCheckBox(self.tr("Keep the lines of the source (word fixes only)"))
        self.version_box = QSpinBox()
        self.version_box.setRange(0, len(review.history))
        self.version_box.setSpecialValueText(self.tr("current work"))
        undecided = review.session.counts()
        pending = sum(n for status, n in undecided.items() if status.value == "pending")
        note = QLabel(self.tr("%n suggestion(s) not decided yet.", "", pending))

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Undecided:"), self.pending_box)
        form.addRow("", self.keep_lines)
        form.addRow(self.tr("Version:"), self.version_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def format_name(self) -> str:
        """The chosen format (``txt``, ``tei``, …)."""
        return str(self.format_box.currentData())

    def options(self) -> ExportOptions:
        """The chosen options."""
        return ExportOptions(
            pending=Pending(self.pending_box.currentData()),
            keep_lines=self.keep_lines.isChecked(),
            version=self.version_box.value(),
        )
