"""Corpus-wide decisions of the corpus window: checked, pushed as one undo step each, said.

The open document's unsaved work is saved first (the decision builds on its file); the
step runs on the corpus service's worker; when it is done the window says what it did,
and the review window shows the document again if the step changed it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from korrektur.corpus.project import CorpusError
from korrektur.corpus.rules import Rule, check_free
from korrektur.corpus.steps import Decision, Outcome, Part, Withdrawal
from korrektur.ui import settings as keys
from korrektur.ui.corpus_commands import StepCommand, step_text, withdraw_text
from korrektur.ui.corpus_review import ReviewLink
from korrektur.ui.corpus_service import CorpusService
from korrektur.ui.messages import Messages
from korrektur.ui.settings import Settings

AskText = Callable[[QWidget | None, str], str | None]
"""(parent, question) → the answer, None when cancelled."""


def ask_name(parent: QWidget | None, question: str) -> str | None:
    """A one-line question."""
    text, ok = QInputDialog.getText(parent, QApplication.applicationName(), question)
    return str(text) if ok else None


class CorpusDecisions(QObject):
    """Makes and takes back corpus-wide decisions, each one step of ``undo_stack``.

    Attributes:
        undo_stack: the steps.
        rules: the corpus rules as last read (to refuse a second rule on a pair at once).
        ask_text: how the archivist's name is asked for (tests answer instead).
        window: the parent of questions.

    Signals:
        stepped(set): a step was done or undone; the documents it changed.
    """

    stepped = Signal(set)

    def __init__(
        self,
        service: CorpusService,
        review: ReviewLink,
        settings: Settings,
        messages: Messages,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.review = review
        self.settings = settings
        self.messages = messages
        self.undo_stack = QUndoStack(self)
        self.rules: list[Rule] = []
        self.ask_text: AskText = ask_name
        self.window: QWidget | None = None

    def reviewer(self) -> str | None:
        """The archivist's name (asked once if the settings have none)."""
        name = self.settings.get(keys.REVIEWER).strip()
        if not name:
            answer = self.ask_text(
                self.window, self.tr("Your name, recorded with your corpus-wide decisions:")
            )
            name = (answer or "").strip()
            if name:
                self.settings.set(keys.REVIEWER, name)
        return name or None

    def decide(self, parts: list[Part], action: str) -> None:
        """Decide ``parts`` across the corpus, as one undoable step."""
        if not parts:
            self.messages.info(self.tr("Nothing pending to decide among these occurrences"))
            return
        try:
            for part in parts:
                if part.chosen is None:
                    check_free(self.rules, part.original, part.replacement)
        except CorpusError as exc:
            self.messages.error(str(exc))
            return
        if self._refused():
            return
        text = step_text(parts, action)
        self._push(StepCommand(Decision(parts), text, self._run, parts, action))

    def withdraw(self, rule: Rule) -> None:
        """Withdraw ``rule``, as one undoable step."""
        if not rule.active:
            self.messages.info(self.tr("Rule %1 is withdrawn already").replace("%1", rule.id))
            return
        if self._refused():
            return
        self._push(StepCommand(Withdrawal(rule.id), withdraw_text(rule), self._run))

    def _push(self, command: StepCommand) -> None:
        self.review.saved_first(lambda: self.undo_stack.push(command))

    def _refused(self) -> bool:
        if self.service.readonly:
            self.messages.error(
                self.tr("Another program writes to this project; decide when it is done.")
            )
            return True
        return self.reviewer() is None

    def _run(self, command: StepCommand, undo: bool) -> None:
        run = command.step.undo if undo else command.step.do
        label = self.tr("Undoing…") if undo else self.tr("Deciding…")
        name = self.settings.get(keys.REVIEWER).strip()
        self.service.run_step(
            run, name, label, lambda outcome: self._stepped(command, outcome, undo)
        )

    def _stepped(self, command: StepCommand, outcome: Outcome, undone: bool) -> None:
        self.messages.info(command.said(outcome, undone))
        for name, problem in outcome.problems:
            self.messages.error(f"{name}: {problem}")
        self.review.reload_if_changed(outcome.changed)
        self.stepped.emit(outcome.changed)
