"""Times as the reviewer reads them: stored in UTC, shown in local time."""

from __future__ import annotations

from datetime import UTC, datetime


def local_time(iso: str | None, seconds: bool = False) -> str:
    """``2025-03-04T13:05:00+00:00`` → ``2025-03-04 14:05`` in this computer's time zone.

    Text that is no ISO time is shown as it is (a hand-edited review file).
    """
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_clock(iso: str | None) -> str:
    """Only the local time of day (``14:05``), for "saved 14:05"."""
    text = local_time(iso)
    return text[-5:] if len(text) >= 16 else text
