"""Fixtures for the store's window parts: a source, its review, the service with its store."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fakes import SUGGESTED, inline_jobs

sys.path.insert(0, str(Path(__file__).parents[2] / "core" / "review"))

from review_samples import RAW, fresh_session  # noqa: E402

from korrektur.store.review import Review  # noqa: E402
from korrektur.store.reviewfile import review_path_for  # noqa: E402
from korrektur.ui.workspace_service import Store, WorkspaceService  # noqa: E402

WAIT_MS = 20_000  # a generous bound on a shared machine; the tests wait for signals


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_text(RAW, encoding="utf-8")
    return path


@pytest.fixture
def review(source):
    session = fresh_session()
    return Review(session, source_path=source, path=review_path_for(source))


class Answers:
    """What the store's dialogs would answer: paths to save to, dialog handlers."""

    def __init__(self):
        self.paths = []
        self.dialogs = []
        self.suggested = []  # the path each file dialog proposed

    def ask_path(self, parent, caption, suggested, filters):
        self.suggested.append(suggested)
        answer = self.paths.pop(0) if self.paths else ""
        return str(suggested if answer is SUGGESTED else answer)

    def run_dialog(self, dialog):
        return self.dialogs.pop(0)(dialog)


@pytest.fixture
def answers():
    return Answers()


@pytest.fixture
def jobs():
    """Jobs run at once on the calling thread (tests of the worker process override this)."""
    return inline_jobs()


@pytest.fixture
def files(services, messages, settings, tmp_path, answers, jobs):
    """The window's service with its store, as the application makes it, with scripted dialogs."""
    service = WorkspaceService(
        messages,
        jobs,
        settings,
        Store(
            reviewer=lambda: "Anna Berg",
            recovery_folder=tmp_path / "recovery",
            ask_path=answers.ask_path,
            run_dialog=answers.run_dialog,
        ),
    )
    services.service = service
    yield service
    service.close(keep_unsaved=False)
    assert not service.autosaving.timer.isActive()
    service.shut_down()
