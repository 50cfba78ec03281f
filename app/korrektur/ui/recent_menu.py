"""The File ▸ Open recent submenu, rebuilt from the settings each time it opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from korrektur.ui import settings as keys
from korrektur.ui.settings import Settings


class RecentFilesMenu(QMenu):
    """Recently opened files that still exist, newest first.

    Signals:
        chosen(str): the path the reviewer picked.
    """

    chosen = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Open &recent"), parent)
        self._settings = settings
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """List the recent files again."""
        self.clear()
        files = [p for p in self._settings.recent_files() if Path(p).is_file()]
        for number, path in enumerate(files, start=1):
            action = self.addAction(f"&{number % 10} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.chosen.emit(p))
        if not files:
            self.addAction(self.tr("No recent files")).setEnabled(False)
            return
        self.addSeparator()
        self.addAction(self.tr("Clear list"), self._clear)

    def _clear(self) -> None:
        self._settings.set(keys.RECENT_FILES, [])
        self.rebuild()
