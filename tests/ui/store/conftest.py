"""Fixtures for the store's window parts: a saved review, recorded messages, a sync pool."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "core" / "review"))

from review_samples import RAW, fresh_session  # noqa: E402

from korrektur.store.review import Review  # noqa: E402
from korrektur.store.reviewfile import review_path_for  # noqa: E402


class SyncPool:
    """Runs jobs at once on the calling thread."""

    def start(self, runnable):
        runnable.run()

    def waitForDone(self, msecs=-1):  # noqa: N802 - Qt's name
        return True


@dataclass
class Recorder:
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    reply: bool = True

    def error(self, text):
        self.errors.append(text)

    def info(self, text):
        self.infos.append(text)

    def confirm(self, text):
        self.questions.append(text)
        return self.reply


@pytest.fixture
def messages():
    return Recorder()


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_text(RAW, encoding="utf-8")
    return path


@pytest.fixture
def review(source):
    session = fresh_session()
    return Review(session, source_path=source, path=review_path_for(source))
