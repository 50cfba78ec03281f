"""The corpus window's link to the review window: opening documents, and keeping both true.

A corpus document opens in the ordinary review window with its review file in the
project's ``reviews/`` folder; the project vouches for its source, so it is read without
the question a review file pointing outside its folder would ask. What the review window
saves is read into the index at once. Before a corpus-wide decision the open document's
unsaved work is saved (the decision then builds on it), and after one that changed the
open document, it is opened again from its review file, at the same suggestion.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from korrektur.corpus.project import Project
from korrektur.ui.main_window import MainWindow


class ReviewLink(QObject):
    """Opens corpus documents in one review window (made when first needed).

    Attributes:
        window: the review window (None until a document is opened).
        project: the corpus project.

    Signals:
        saved(str): the review window saved a corpus document's review (its name).
    """

    saved = Signal(str)

    def __init__(
        self,
        make_window: Callable[[], MainWindow],
        window: MainWindow | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.window: MainWindow | None = None
        self._make_window = make_window
        self._then: Callable[[], None] | None = None  # once the open document is saved
        self._place: str | None = None  # the suggestion to show once the document is open
        self._extra: list[QAction] = []
        if window is not None:
            self._adopt(window)

    def _adopt(self, window: MainWindow) -> None:
        self.window = window
        service = window.service
        service.saved.connect(self._on_saved)
        service.save_failed.connect(self._drop_pending)
        service.session_replaced.connect(self._show_place)  # after the window shows it
        for action in self._extra:
            window.addAction(action)

    def offer(self, actions: list[QAction]) -> None:
        """Give the review window these actions too (next and previous document)."""
        self._extra = actions
        if self.window is not None:
            for action in actions:
                self.window.addAction(action)

    def detach(self) -> None:
        """The corpus window closes: the review window goes on alone."""
        window = self.window
        if window is None:
            return
        for action in self._extra:
            window.removeAction(action)
        service = window.service
        service.saved.disconnect(self._on_saved)
        service.save_failed.disconnect(self._drop_pending)
        service.session_replaced.disconnect(self._show_place)
        self.window = None

    def _review_window(self) -> MainWindow:
        if self.window is None:
            self._adopt(self._make_window())
        assert self.window is not None
        return self.window

    # -- which document --------------------------------------------------------------------

    @property
    def current(self) -> str | None:
        """The corpus document open in the review window (None: none, or another file)."""
        window, project = self.window, self.project
        if window is None or project is None or window.document is None:
            return None
        path = window.document.path
        if path is None:
            return None
        try:
            name = path.resolve().relative_to(project.sources.resolve()).as_posix()
        except ValueError:
            return None
        return name if project.includes(name) else None

    def open(self, name: str, suggestion: str = "", again: bool = False) -> None:
        """Review ``name`` (at ``suggestion``, if given) in the review window.

        The document open already is only moved to ``suggestion``, unless ``again``.
        """
        project = self.project
        if project is None:
            return
        window = self._review_window()
        window.show()
        window.raise_()
        window.activateWindow()
        self._place = suggestion or None
        if self.current == name and not again and window.controller.session is not None:
            self._show_place()
            return
        window.service.open_path(project.source_path(name), project.review_path(name))

    def _show_place(self, *_: object) -> None:
        place, self._place = self._place, None
        window = self.window
        session = window.controller.session if window is not None else None
        if place and window is not None and session is not None and place in session.ids:
            window.controller.set_current(place)

    # -- saves -----------------------------------------------------------------------------

    def _on_saved(self, path: str) -> None:
        project = self.project
        if project is not None:
            saved = Path(path).resolve()
            if saved.is_relative_to(project.reviews.resolve()):
                self.saved.emit(project.document_of_review(saved))
        then, self._then = self._then, None
        if then is not None:
            then()

    def _drop_pending(self, *_: object) -> None:
        self._then = None

    @property
    def unsaved(self) -> bool:
        """True when the open corpus document has work no saved version holds."""
        window = self.window
        if window is None or self.current is None:
            return False
        return window.service.unsaved or not window.controller.undo_stack.isClean()

    def saved_first(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the open corpus document's work is saved (at once if it is).

        A corpus-wide decision reads the review files: what the review window holds
        unsaved goes into its file first, so the decision builds on it.
        """
        window = self.window
        if not self.unsaved or window is None:
            then()
            return
        self._then = then
        if not window.service.save():
            self._then = None  # not under way (cancelled): decide without it
            then()

    def reload_if_changed(self, changed: set[str]) -> None:
        """Open the document again from its file if a corpus decision changed it."""
        name, window = self.current, self.window
        if name is None or window is None or name not in changed:
            return
        self.open(name, window.controller.current_id or "", again=True)
