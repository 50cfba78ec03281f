"""Progress of a long analysis on the terminal: one line on stderr, rewritten in place."""

from __future__ import annotations

import sys
import time
from typing import TextIO

INTERVAL = 0.5  # seconds between updates of the line
DELAY = 1.0  # seconds before the first: a short analysis shows none


class TerminalProgress:
    """Shows ``korrektur: analysing NAME … 42%`` on a terminal while the engine works.

    Nothing is written when ``stream`` is not a terminal (a pipe or a file gets no control
    characters), and the line is cleared when ``done`` is called.
    """

    def __init__(self, label: str, stream: TextIO | None = None, force: bool = False) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.active = force or self.stream.isatty()
        self._shown = ""
        self._last = time.monotonic() + DELAY - INTERVAL

    def report(self, done: int, total: int) -> None:
        """Rewrite the line (at most every ``INTERVAL`` seconds)."""
        now = time.monotonic()
        if not self.active or total <= 0 or now - self._last < INTERVAL:
            return
        self._last = now
        self._write(f"korrektur: {self.label} … {min(100, 100 * done // total)}%")

    def cancelled(self) -> bool:
        """The terminal cannot cancel (Ctrl+C interrupts instead)."""
        return False

    def done(self) -> None:
        """Clear the line."""
        if self._shown:
            self._write("")

    def _write(self, text: str) -> None:
        pad = " " * max(0, len(self._shown) - len(text))
        self.stream.write(f"\r{text}{pad}\r" if not text else f"\r{text}{pad}")
        self.stream.flush()
        self._shown = text
