"""Status counts follow changes without recounting, and agree with a recount."""

from fakes import TEXT, fake_engine

from korrektur.model import Document, Kind, ReviewSession, Status
from korrektur.ui.stats import ReviewStats


def test_counts_follow_decisions_and_undo():
    document = Document.from_text(TEXT)
    session = ReviewSession(document, fake_engine().analyse(document))
    stats = ReviewStats(session)
    session.add_listener(stats.apply)
    before = session.accept("s1", "s2", "s2")
    session.reject("s3")
    assert stats.decided == 3
    assert stats.kind_decided[Kind.OCR] == 1
    session.restore(before)
    assert stats.decided == 1
    session.decide(["s3"], Status.PENDING)
    fresh = ReviewStats(session)
    assert (stats.decided, stats.kind_decided) == (fresh.decided, fresh.kind_decided)
    assert stats.kinds() == [Kind.DIACRITIC, Kind.OCR]
