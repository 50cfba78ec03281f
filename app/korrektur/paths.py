"""Locate the data shipped with Korrektur, wherever it is installed."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path

APP_NAME = "korrektur"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_path(*parts: str) -> Path:
    """Return the path of shipped data, e.g. ``data_path("lexicon", "domain.yaml")``.

    A built wheel carries ``resources/`` and ``lexicon/`` inside the package as ``_data/``;
    an editable install reads them from the repository root. This is the one place that
    knows both layouts.
    """
    if not parts or parts[0] not in {"resources", "lexicon"}:
        raise ValueError(f"unknown data folder: {parts[:1]}")
    bundled = _PACKAGE_DIR / "_data"
    base = bundled if bundled.is_dir() else _PACKAGE_DIR.parent.parent
    return base.joinpath(*parts)


def sample_report() -> Path:
    """The bundled sample report that ``make run`` opens."""
    return data_path("resources", "samples", "kommunrapport.txt")


def cache_dir() -> Path:
    """Per-user cache (compiled lexicon index); safe to delete."""
    return user_cache_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """Per-user configuration."""
    return user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """Per-user data (recovery files)."""
    return user_data_path(APP_NAME, appauthor=False)
