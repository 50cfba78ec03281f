"""What ``--screenshot --scene`` shows: the window mid-review, edit mode, structure, versions.

Each scene puts the analysed window in a state a clerk would see (some suggestions
decided, one current) and returns the widget to draw. The decisions are made through the
window's own controller, as the review keys make them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from korrektur.model import STRUCTURE_KINDS, WORD_KINDS, ReviewSession, Status
from korrektur.model.view import is_line_removal
from korrektur.ui.main_window import MainWindow
from korrektur.ui.version_dialog import VersionHistoryDialog

SCENES = ("window", "edit", "structure", "compare")
REVIEWED = 14  # suggestions decided before the picture of a review under way


def _review_some(window: MainWindow, count: int = REVIEWED) -> None:
    """Decide the first ``count`` suggestions as a clerk might: accept, reject now and then."""
    controller = window.controller
    session = controller.session
    if session is None:
        return
    for number in range(count):
        current = controller.current()
        if current is None or current.status is not Status.PENDING:
            break
        if number % 6 == 5 or current.confidence < 0.6:
            controller.reject()
        else:
            controller.accept()


def _go_to(window: MainWindow, wanted: Callable[[ReviewSession, int], bool]) -> None:
    session = window.controller.session
    if session is None:
        return
    for index, suggestion in enumerate(session.suggestions):
        if suggestion.status is Status.PENDING and wanted(session, index):
            window.controller.set_current(suggestion.id)
            return


def window_scene(window: MainWindow) -> QWidget:
    """A review under way: some suggestions decided, the next pending one current."""
    _review_some(window)
    return window


def edit_scene(window: MainWindow) -> QWidget:
    """Edit mode: the in-place editor open on a word (E), the cursor after the proposal."""
    _review_some(window, 6)
    _go_to(window, lambda s, i: bool(s.suggestions[i].kinds & WORD_KINDS))
    window.raw_view.setFocus()
    window.edit_mode.edit_suggestion()
    window.editor.end(False)
    return window


def structure_scene(window: MainWindow) -> QWidget:
    """Structure fixes: removed headers as ghost lines, joins tied, a removal current."""
    session = window.controller.session
    if session is not None:
        structure = [
            s.id
            for s in session.suggestions
            if s.kinds <= STRUCTURE_KINDS and s.confidence >= 0.9 and not is_line_removal(s)
        ]
        window.controller.accept_ids(structure[:12])
        removals = [s.id for s in session.suggestions if is_line_removal(s)]
        window.controller.accept_ids(removals[:2])
        _go_to(window, lambda s, i: is_line_removal(s.suggestions[i]))
    return window


def compare_scene(window: MainWindow) -> QWidget:
    """The version history comparing a saved version with the work since."""
    workspace = window.service.workspace
    review = workspace.review
    if review is None:
        return window
    _review_some(window, 4)
    review.commit(message="", reviewer="Anna Berg")
    _review_some(window, REVIEWED)
    dialog = VersionHistoryDialog(workspace, parent=window)
    dialog.setWindowFlag(Qt.WindowType.Window)
    dialog.resize(window.size())
    dialog.show()
    dialog.table.selectRow(1)
    dialog.compare()
    QApplication.processEvents()
    return dialog


SCENE_BUILDERS: dict[str, Callable[[MainWindow], QWidget]] = {
    "window": window_scene,
    "edit": edit_scene,
    "structure": structure_scene,
    "compare": compare_scene,
}
