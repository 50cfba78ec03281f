"""Every remembered setting, declared once with its type and default (Picard's config pattern)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

SETTINGS_VERSION = 1
MAX_RECENT = 10


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key of the settings store.

    Attributes:
        key: the ``QSettings`` key.
        default: the value when nothing (or nothing usable) is stored.
        kind: the Python type values are converted to.
        check: optional validity test; a stored value that fails it reads as the default.
    """

    key: str
    default: T
    kind: type
    check: Callable[[Any], bool] | None = None


def _one_of(*choices: str) -> Callable[[Any], bool]:
    return lambda value: value in choices


VERSION: Setting[int] = Setting("meta/version", 0, int)
GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray(), QByteArray)
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray(), QByteArray)
SPLITTER: Setting[QByteArray] = Setting("window/splitter", QByteArray(), QByteArray)
FONT_SIZE: Setting[int] = Setting("view/font_size", 11, int, lambda v: 6 <= v <= 48)
THEME: Setting[str] = Setting("view/theme", "system", str, _one_of("system", "light", "dark"))
LANGUAGE: Setting[str] = Setting("view/language", "system", str, _one_of("system", "en", "sv"))
SHOW_PROPOSALS: Setting[bool] = Setting("view/show_proposals", False, bool)
SHOW_REMOVED: Setting[bool] = Setting("view/show_removed", True, bool)
WRAP_LINES: Setting[bool] = Setting("view/wrap_lines", True, bool)
SYNC_SCROLL: Setting[bool] = Setting("view/sync_scroll", True, bool)
RECENT_FILES: Setting[list[str]] = Setting("files/recent", [], list)
LAST_DIRECTORY: Setting[str] = Setting("files/last_directory", "", str)
EXPORT_DIRECTORY: Setting[str] = Setting("files/export_directory", "", str)
BULK_THRESHOLD: Setting[float] = Setting(
    "review/bulk_threshold", 0.95, float, lambda v: 0.0 <= v <= 1.0
)
REVIEWER: Setting[str] = Setting("review/reviewer", "", str)
RESUME_PLACES: Setting[list[str]] = Setting("review/resume_places", [], list)

# Upgrade steps: ``UPGRADES[n]`` turns a version ``n - 1`` store into version ``n``.
UPGRADES: dict[int, Callable[[QSettings], None]] = {}


class Settings:
    """Typed access to a ``QSettings`` store; tests pass a throwaway INI file."""

    def __init__(self, store: QSettings) -> None:
        self.store = store
        self._upgrade()

    @classmethod
    def at(cls, path: Path) -> Settings:
        """Settings kept in the INI file ``path`` (tests, screenshots, benchmarks)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _upgrade(self) -> None:
        stored = self.get(VERSION)
        for version in range(stored + 1, SETTINGS_VERSION + 1):
            step = UPGRADES.get(version)
            if step is not None:
                step(self.store)
        if stored != SETTINGS_VERSION:
            self.set(VERSION, SETTINGS_VERSION)

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when it is missing or unusable."""
        if not self.store.contains(setting.key):
            return _copy(setting.default)
        try:
            value = self.store.value(setting.key, setting.default, type=setting.kind)
        except (TypeError, ValueError):
            return _copy(setting.default)
        if value is None or (setting.check is not None and not setting.check(value)):
            return _copy(setting.default)
        if setting.kind is list:
            value = [str(item) for item in cast(list[object], value)]
        return cast(T, value)

    def set(self, setting: Setting[T], value: T) -> None:
        """Store ``value`` under the setting's key."""
        self.store.setValue(setting.key, value)

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        return self.get(RECENT_FILES)

    def add_recent_file(self, path: str) -> None:
        """Put ``path`` first in the recent files list."""
        files = [path, *(p for p in self.recent_files() if p != path)]
        self.set(RECENT_FILES, files[:MAX_RECENT])

    def sync(self) -> None:
        """Write to disk now."""
        self.store.sync()


def _copy(value: T) -> T:
    return cast(T, list(value)) if isinstance(value, list) else value
