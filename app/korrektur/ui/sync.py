"""Keep the two panes scrolled to the same place in the text (through the offset maps)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from korrektur.ui.pane import TextPane

Mapper = Callable[[int], int]


def _identity(offset: int) -> int:
    return offset


class ScrollSync(QObject):
    """When one pane scrolls, scroll the other to the matching offset.

    Attributes:
        enabled: follow scrolling at all.
        to_right, to_left: offset maps raw → corrected and back.
    """

    def __init__(self, left: TextPane, right: TextPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.to_right: Mapper = _identity
        self.to_left: Mapper = _identity
        self._left = left
        self._right = right
        self._busy = False
        left.verticalScrollBar().valueChanged.connect(self._left_moved)
        right.verticalScrollBar().valueChanged.connect(self._right_moved)

    def set_maps(self, to_right: Mapper, to_left: Mapper) -> None:
        """Use new offset maps (after the corrected text changed)."""
        self.to_right, self.to_left = to_right, to_left

    def reset(self) -> None:
        """No session: offsets are the same in both panes.

        The maps are a session's methods: kept, they would keep a review the window let go
        alive until the next one is shown (both held at once, and the old one freed in the
        middle of showing the new one, on the GUI thread).
        """
        self.set_maps(_identity, _identity)

    def hold(self) -> _Hold:
        """A context in which scrolling is not mirrored (both panes move themselves)."""
        return _Hold(self)

    def _left_moved(self, _value: int) -> None:
        self._follow(self._left)

    def _right_moved(self, _value: int) -> None:
        self._follow(self._right)

    def _follow(self, source: TextPane) -> None:
        if not self.enabled or self._busy:
            return
        self._busy = True
        try:
            if source is self._left:
                self._right.scroll_to_offset(self.to_right(self._left.top_offset()))
            else:
                self._left.scroll_to_offset(self.to_left(self._right.top_offset()))
        finally:
            self._busy = False


class _Hold:
    def __init__(self, sync: ScrollSync) -> None:
        self._sync = sync
        self._was = False

    def __enter__(self) -> None:
        self._was = self._sync._busy
        self._sync._busy = True

    def __exit__(self, *_: object) -> None:
        self._sync._busy = self._was
