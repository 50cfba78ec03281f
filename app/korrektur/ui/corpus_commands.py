"""Corpus-wide decisions on the corpus window's undo stack, and what each says it did.

A command only asks the corpus service to run its step's ``do`` or ``undo`` (on the
service's ordered worker thread); the step (``corpus.steps``) knows what to take back.
Each bulk action is one command, so one undo, and says what it did when it is done:
"Accepted 37 × for → för in 12 documents".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from korrektur.corpus.rules import Rule
from korrektur.corpus.steps import Decision, Outcome, Part, Withdrawal
from korrektur.ui.concordance_model import rule_text

Step = Decision | Withdrawal
Runner = Callable[["StepCommand", bool], None]
"""Runs a command's step: ``(command, undo)``; the window passes its service's."""


ACCEPT = str(QT_TRANSLATE_NOOP("CorpusCommand", "accept %1 × %2"))
ACCEPT_EVERY = str(QT_TRANSLATE_NOOP("CorpusCommand", "accept every %2"))
ACCEPT_SUGGESTIONS_CORRECTIONS = str(
    QT_TRANSLATE_NOOP("CorpusCommand", "accept %1 suggestions (%3 corrections)")
)
REJECT = str(QT_TRANSLATE_NOOP("CorpusCommand", "reject %1 × %2"))
REJECT_EVERY = str(QT_TRANSLATE_NOOP("CorpusCommand", "reject every %2"))
REJECT_SUGGESTIONS_CORRECTIONS = str(
    QT_TRANSLATE_NOOP("CorpusCommand", "reject %1 suggestions (%3 corrections)")
)
IN_DOCUMENT = str(QT_TRANSLATE_NOOP("CorpusCommand", "in 1 document"))
IN_DOCUMENTS = str(QT_TRANSLATE_NOOP("CorpusCommand", "in %1 documents"))
ACCEPTED = str(QT_TRANSLATE_NOOP("CorpusCommand", "Accepted %1 × %2 %3"))
REJECTED = str(QT_TRANSLATE_NOOP("CorpusCommand", "Rejected %1 × %2 %3"))
ACCEPTED_SUGGESTIONS_CORRECTIONS = str(
    QT_TRANSLATE_NOOP("CorpusCommand", "Accepted %1 suggestions (%4 corrections) %3")
)
REJECTED_SUGGESTIONS_CORRECTIONS = str(
    QT_TRANSLATE_NOOP("CorpusCommand", "Rejected %1 suggestions (%4 corrections) %3")
)
DOCUMENTS_ANALYSED_LATER_GET_IT_TOO = str(
    QT_TRANSLATE_NOOP("CorpusCommand", "; documents analysed later get it too")
)
WITHDRAW = str(QT_TRANSLATE_NOOP("CorpusCommand", "withdraw %1"))
DECISIONS_BACK_TO_PENDING = str(
    QT_TRANSLATE_NOOP("CorpusCommand", "%1 decisions back to pending %2")
)
DECISIONS_MADE_AGAIN = str(QT_TRANSLATE_NOOP("CorpusCommand", "%1 decisions made again %2"))
UNDONE = str(QT_TRANSLATE_NOOP("CorpusCommand", "Undone: %1 — %2"))
REDONE = str(QT_TRANSLATE_NOOP("CorpusCommand", "Redone: %1 — %2"))
DONE = str(QT_TRANSLATE_NOOP("CorpusCommand", "Done: %1 — %2"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("CorpusCommand", text)


def _pair(part: Part) -> str:
    return f"{part.original} → {part.replacement}"


def step_text(parts: list[Part], action: str) -> str:
    """What a decision does, for the Edit menu: "accept 37 × for → för"."""
    if action == "accept":
        one, every, several = (
            _tr(ACCEPT),
            _tr(ACCEPT_EVERY),
            _tr(ACCEPT_SUGGESTIONS_CORRECTIONS),
        )
    else:
        one, every, several = (
            _tr(REJECT),
            _tr(REJECT_EVERY),
            _tr(REJECT_SUGGESTIONS_CORRECTIONS),
        )
    count = sum(part.count for part in parts)
    if len(parts) == 1:
        text = every if parts[0].chosen is None else one
        return text.replace("%1", f"{count:,}").replace("%2", _pair(parts[0]))
    return several.replace("%1", f"{count:,}").replace("%3", str(len(parts)))


def _in_documents(outcome: Outcome) -> str:
    if outcome.documents == 1:
        return _tr(IN_DOCUMENT)
    return _tr(IN_DOCUMENTS).replace("%1", f"{outcome.documents:,}")


def done_text(parts: list[Part], action: str, outcome: Outcome) -> str:
    """What a decision did: "Accepted 37 × for → för in 12 documents"."""
    count = f"{outcome.suggestions:,}"
    if len(parts) == 1:
        text = _tr(ACCEPTED) if action == "accept" else _tr(REJECTED)
        text = text.replace("%2", _pair(parts[0]))
    else:
        text = (
            _tr(ACCEPTED_SUGGESTIONS_CORRECTIONS)
            if action == "accept"
            else _tr(REJECTED_SUGGESTIONS_CORRECTIONS)
        )
        text = text.replace("%4", str(len(parts)))
    text = text.replace("%1", count).replace("%3", _in_documents(outcome))
    if parts[0].chosen is None and len(parts) == 1:
        text += _tr(DOCUMENTS_ANALYSED_LATER_GET_IT_TOO)
    return text


def withdraw_text(rule: Rule) -> str:
    """A withdrawal, for the Edit menu: "withdraw r3: accept for → för"."""
    return _tr(WITHDRAW).replace("%1", rule_text(rule))


def back_text(outcome: Outcome) -> str:
    """Decisions put back to pending: "37 decisions back to pending in 12 documents"."""
    text = _tr(DECISIONS_BACK_TO_PENDING)
    return text.replace("%1", f"{outcome.suggestions:,}").replace("%2", _in_documents(outcome))


def restored_text(outcome: Outcome) -> str:
    """Decisions made again: "37 decisions made again in 12 documents"."""
    text = _tr(DECISIONS_MADE_AGAIN)
    return text.replace("%1", f"{outcome.suggestions:,}").replace("%2", _in_documents(outcome))


class StepCommand(QUndoCommand):
    """One corpus-wide step on the undo stack.

    Attributes:
        step: the decision or withdrawal (it remembers what it made).
        parts, action: what a decision decides (empty for a withdrawal).
        runs: how many times the step has run (the first ``redo`` is the push).
    """

    def __init__(
        self,
        step: Step,
        text: str,
        run: Runner,
        parts: list[Part] | None = None,
        action: str = "",
    ) -> None:
        super().__init__(text)
        self.step = step
        self.parts = parts or []
        self.action = action
        self.runs = 0
        self._run = run

    def redo(self) -> None:
        """Do the step (again)."""
        self.runs += 1
        self._run(self, False)

    def undo(self) -> None:
        """Take the step back."""
        self._run(self, True)

    def said(self, outcome: Outcome, undone: bool) -> str:
        """What the step did, for the status bar."""
        if undone:
            what = back_text(outcome) if isinstance(self.step, Decision) else restored_text(outcome)
            return _tr(UNDONE).replace("%1", self.text()).replace("%2", what)
        if self.runs > 1:
            what = restored_text(outcome) if isinstance(self.step, Decision) else back_text(outcome)
            return _tr(REDONE).replace("%1", self.text()).replace("%2", what)
        if isinstance(self.step, Decision):
            return done_text(self.parts, self.action, outcome)
        return _tr(DONE).replace("%1", self.text()).replace("%2", back_text(outcome))
