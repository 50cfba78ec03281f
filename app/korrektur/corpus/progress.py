"""Progress of a long corpus command on the terminal: documents, words per second, time left.

On a terminal, a ``rich`` progress bar; otherwise (a log file, a pipe, a batch system) a
plain line every few seconds, so a log shows the run without drowning in redraws; with
``--quiet``, nothing. The time left is estimated from the bytes of source still to read,
which are known at the start, while documents vary in length.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

PLAIN_EVERY = 10.0
"""Seconds between plain progress lines."""


class Reporter(Protocol):
    """What a long command tells about its progress."""

    def start(self, label: str, documents: int, size: int) -> None:
        """Work begins on ``documents`` documents of ``size`` bytes of source in all."""

    def advance(self, size: int, words: int) -> None:
        """One document of ``size`` bytes and ``words`` words is done."""

    def stop(self) -> None:
        """The work is over (also when it was interrupted)."""


class Counter:
    """Documents, bytes and words done, and the time since the start."""

    def __init__(self) -> None:
        self.label = ""
        self.documents = self.size = 0
        self.done = self.done_size = self.words = 0
        self.started = time.monotonic()

    def start(self, label: str, documents: int, size: int) -> None:
        """Reset for new work."""
        self.label, self.documents, self.size = label, documents, size
        self.done = self.done_size = self.words = 0
        self.started = time.monotonic()

    def advance(self, size: int, words: int) -> None:
        """Count one document."""
        self.done += 1
        self.done_size += size
        self.words += words

    @property
    def rate(self) -> float:
        """Words per second so far."""
        return self.words / max(time.monotonic() - self.started, 1e-6)

    def remaining(self) -> float | None:
        """Seconds left, by the bytes still to do (None until something is done)."""
        if not self.done_size:
            return None
        elapsed = time.monotonic() - self.started
        return elapsed * (self.size - self.done_size) / self.done_size


class Quiet(Counter):
    """Says nothing (``--quiet``)."""

    def stop(self) -> None:
        """Nothing to stop."""


def duration(seconds: float) -> str:
    """``1 h 02 min``, ``3 min 05 s``, ``12 s``."""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


class PlainLines(Counter):
    """A line every ``PLAIN_EVERY`` seconds (and at the end) when not on a terminal."""

    def __init__(self, stream: TextIO, every: float = PLAIN_EVERY) -> None:
        super().__init__()
        self.stream = stream
        self.every = every
        self._last = 0.0

    def start(self, label: str, documents: int, size: int) -> None:
        """Reset and say what is about to happen."""
        super().start(label, documents, size)
        self._last = time.monotonic()
        print(f"{label}: {documents} documents", file=self.stream, flush=True)

    def advance(self, size: int, words: int) -> None:
        """Count, and print a line when one is due."""
        super().advance(size, words)
        if time.monotonic() - self._last >= self.every:
            self._last = time.monotonic()
            self._line()

    def _line(self) -> None:
        left = self.remaining()
        share = 100 * self.done_size / self.size if self.size else 100.0
        text = (
            f"{self.label}: {self.done}/{self.documents} documents ({share:.0f}%), "
            f"{self.words:,} words, {self.rate:,.0f} words/s"
        )
        if left is not None and self.done < self.documents:
            text += f", about {duration(left)} left"
        print(text, file=self.stream, flush=True)

    def stop(self) -> None:
        """The closing line."""
        if self.documents:
            self._line()


class Bar(Counter):
    """A ``rich`` progress bar on the terminal."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[documents]} documents"),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=False,
        )
        self._task = self.progress.add_task("", total=1, documents="", rate="", visible=False)

    def start(self, label: str, documents: int, size: int) -> None:
        """Show the bar."""
        super().start(label, documents, size)
        self.progress.reset(
            self._task,
            total=max(size, 1),
            description=label,
            documents=f"0/{documents}",
            rate="",
            visible=True,
        )
        self.progress.start()

    def advance(self, size: int, words: int) -> None:
        """Move the bar."""
        super().advance(size, words)
        self.progress.update(
            self._task,
            advance=size,
            documents=f"{self.done}/{self.documents}",
            rate=f"{self.rate:,.0f} words/s",
        )

    def stop(self) -> None:
        """Leave the final bar on the screen."""
        self.progress.stop()


def reporter(quiet: bool = False, stream: TextIO | None = None) -> Reporter:
    """The progress display for this terminal (or none, with ``quiet``)."""
    stream = stream or sys.stderr
    if quiet:
        return Quiet()
    if stream.isatty():
        return Bar(stream)
    return PlainLines(stream)
