"""Where the clerk stopped in each report, so reopening it goes back there and says so."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from korrektur.model import Status
from korrektur.store.review import Review
from korrektur.ui import settings as keys
from korrektur.ui.local_time import local_clock, local_time
from korrektur.ui.settings import Settings

KEPT = 30  # reports remembered


class ResumePlaces:
    """The current suggestion of the last reports reviewed, by the hash of their text.

    Kept in the settings as ``"sha256 id"`` entries, newest first.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def remember(self, sha256: str, suggestion_id: str | None) -> None:
        """The clerk is at ``suggestion_id`` in the report whose text hashes to ``sha256``."""
        if not suggestion_id:
            return
        entries = self._settings.get(keys.RESUME_PLACES)
        entry = f"{sha256} {suggestion_id}"
        if entries and entries[0] == entry:
            return
        rest = [e for e in entries if not e.startswith(f"{sha256} ")]
        self._settings.set(keys.RESUME_PLACES, [entry, *rest][:KEPT])

    def place(self, sha256: str) -> str | None:
        """Where the clerk stopped in that report, if remembered."""
        for entry in self._settings.get(keys.RESUME_PLACES):
            digest, _, suggestion_id = entry.partition(" ")
            if digest == sha256 and suggestion_id:
                return suggestion_id
        return None


def restored_note(review: Review) -> str | None:
    """A reopened review's note: "Restored 43 decisions (version 2, saved 14:05)"."""
    versions = review.history.versions
    if not versions:
        return None
    last = versions[-1]
    counts = review.session.counts()
    decided = sum(counts.values()) - counts[Status.PENDING]
    today = datetime.now().astimezone().strftime("%Y-%m-%d")
    saved = local_time(last.time)
    when = local_clock(last.time) if saved.startswith(today) else saved
    return (
        QCoreApplication.translate("ResumePlaces", "Restored %1 decisions (version %2, saved %3)")
        .replace("%1", str(decided))
        .replace("%2", str(last.number))
        .replace("%3", when)
    )
