"""Opening a source whose review file is kept elsewhere (a corpus project's ``reviews/``).

The command the review window runs in its worker resumes that file, never one beside the
source, and a stopped analysis leaves the review to be saved there (or asked for).
"""

from __future__ import annotations

from fakes import fake_engine

from korrektur.model import Status
from korrektur.store.reviewfile import save_review
from korrektur.workspace import commands
from korrektur.workspace.runner import Done, InlineRunner, Job

TEXT = "Det &r bra for eleverna.\nNamnden beslutade om budgeten for aret.\n"


def _open(request, cancel=False):
    results = []
    runner = InlineRunner(results.append, fake_engine)
    if cancel:
        runner.cancel(1)
    runner.submit(Job(1, commands.open_file, request))
    assert isinstance(results[-1], Done), results[-1]
    return results[-1].result


def test_the_review_file_elsewhere_is_resumed_not_the_one_beside(tmp_path):
    source = tmp_path / "sources" / "rapport.txt"
    source.parent.mkdir()
    source.write_text(TEXT, encoding="utf-8")
    kept = tmp_path / "project" / "reviews" / "rapport.txt.review.yaml"
    kept.parent.mkdir(parents=True)

    first = _open(commands.OpenAt(source, kept))
    assert first.review.path == kept  # new: to be saved in the project
    session = first.review.session
    chosen = session.suggestions[0].id
    session.accept(chosen)
    save_review(first.review, reviewer="Anna Berg")
    assert kept.is_file()
    assert not list(source.parent.glob("*.review.yaml"))  # nothing beside the source

    again = _open(commands.OpenAt(source, kept))
    assert again.review.path == kept
    assert again.review.session.get(chosen).status is Status.ACCEPTED
    beside = _open(source)  # the ordinary way knows nothing of the project's file
    assert beside.review.session.counts()[Status.ACCEPTED] == 0


def test_a_stopped_analysis_saves_to_the_review_file_elsewhere_unless_it_exists(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(TEXT, encoding="utf-8")
    kept = tmp_path / "reviews" / "rapport.txt.review.yaml"
    kept.parent.mkdir()

    opened = _open(commands.OpenAt(source, kept), cancel=True)
    assert opened.cancelled
    assert opened.review.session.suggestions == []
    assert opened.review.path == kept

    save_review(_open(commands.OpenAt(source, kept)).review, reviewer="Anna Berg")
    source.write_text(TEXT + "Eleverna far lasa mer.\n", encoding="utf-8")  # analysed again
    opened = _open(commands.OpenAt(source, kept), cancel=True)
    assert opened.cancelled
    assert opened.review.path is None  # never over a file that is there: the save asks
