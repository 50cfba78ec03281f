"""An open corpus: the project with its writer lock, index and rules (``open_corpus`` opens it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from korrektur.corpus.index import CorpusIndex
from korrektur.corpus.lock import ProjectBusy, WriterLock
from korrektur.corpus.project import RULES, Project
from korrektur.corpus.rules import Rule, load_rules
from korrektur.corpus.sync import SyncReport


@dataclass
class Corpus:
    """A project opened by one command.

    Attributes:
        project: the project.
        index: its index.
        lock: the writer lock (held unless ``readonly``).
        rules: the rules, from the rules file.
        sync: what the check on opening found (None for a reader).
        messages: what the user should know about the opening (an operation completed,
            a writer at work).
    """

    project: Project
    index: CorpusIndex
    lock: WriterLock
    rules: list[Rule]
    sync: SyncReport | None = None
    messages: list[str] = field(default_factory=list)

    @property
    def readonly(self) -> bool:
        """True when another process is writing and this one only reads."""
        return not self.lock.held

    def require_writer(self) -> None:
        """Raise ``ProjectBusy`` unless this command may write."""
        if self.readonly:
            raise ProjectBusy(self.messages[0] if self.messages else "the project is busy")

    def reload_rules(self) -> None:
        """Read the rules file again and mirror it in the index."""
        self.rules = load_rules(self.project.path(RULES))
        with self.index.transaction():
            self.index.set_rules(self.rules)

    def close(self) -> None:
        """Close the index and give the lock back."""
        self.index.close()
        self.lock.release()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
