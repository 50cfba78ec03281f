"""The interface every analyser of the engine implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from korrektur.model.document import Document
from korrektur.model.structure import ReadingStructure
from korrektur.model.suggestion import Kind, Suggestion


class AnalysisCancelled(Exception):
    """The user cancelled the analysis."""


class Progress(Protocol):
    """Where an analysis reports how far it got and learns whether to stop."""

    def report(self, done: int, total: int) -> None:
        """``done`` of ``total`` units of work are finished."""
        ...

    def cancelled(self) -> bool:
        """True when the user asked to stop."""
        ...


class NoProgress:
    """Progress that goes nowhere and never cancels."""

    def report(self, done: int, total: int) -> None:
        """Ignore progress."""

    def cancelled(self) -> bool:
        """Never cancel."""
        return False


class Analyzer(Protocol):
    """Produces suggestions of some kinds for a document.

    Suggestions may carry an empty ``id``; the pipeline numbers them. Suggestions from one
    analyser must not overlap each other.
    """

    name: str
    kinds: frozenset[Kind]

    def analyse(self, document: Document, progress: Progress) -> list[Suggestion]:
        """Suggestions for ``document``; check ``progress.cancelled()`` in long loops."""
        ...


@runtime_checkable
class StructureReader(Protocol):
    """An analyser that also finds the document's reading structure."""

    def reading(self, document: Document, progress: Progress) -> ReadingStructure:
        """The headings, paragraphs, list items and removed lines of ``document``."""
        ...


class WordOracle(Protocol):
    """What the structure analysers ask the word engine (e.g. whether to join a hyphenation)."""

    def known(self, word: str) -> bool:
        """True when ``word`` is Swedish as written or after word correction.

        Compounds of known parts count: ``"Uppfoljningen"`` → True, ``"Uppfolj"`` → False.
        """
        ...

    def correct(self, word: str) -> str:
        """The word engine's best form of ``word`` (``word`` itself when it is fine)."""
        ...
