"""The compiled word index on disk: cached per source key, compiled when missing, one per process.

The index is compiled from the sources (``build.py``) once and cached in the user cache
folder under the sources' key (``Sources.key``); loading the cache takes a fraction of a
second. Old caches nobody loads any more are deleted.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from korrektur.engine.words.build import build_lexicon
from korrektur.engine.words.lexicon import FORMAT, Lexicon
from korrektur.engine.words.lexicon_sources import Sources, find_sources
from korrektur.paths import cache_dir

# Cache files of this format; older Korrekturs used (and clean up) "lexicon-*.bin".
CACHE_PREFIX = f"lexicon{FORMAT}-"
UNUSED_CACHE_SECONDS = 14 * 24 * 3600  # indexes not loaded for two weeks are deleted


def cache_file(sources: Sources, folder: Path | None = None) -> Path:
    """Where the index compiled from ``sources`` is cached (in ``folder``: the user cache)."""
    return (folder or cache_dir()) / f"{CACHE_PREFIX}{sources.key()}.bin"


def fallback_cache_dir() -> Path:
    """Where the index is cached when the user cache folder cannot be read or written."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return Path(tempfile.gettempdir()) / f"korrektur-cache-{user}"


def _cache_files(sources: Sources) -> list[Path]:
    return [cache_file(sources), cache_file(sources, fallback_cache_dir())]


def _read_cache(path: Path) -> Lexicon | None:
    """The index cached at ``path``; None when there is none or it cannot be used."""
    try:
        if not path.is_file() or not _own(path.parent):
            return None
        lexicon = Lexicon.from_blob(path.read_bytes())
    except OSError:  # unreadable (permissions, a disk error): compiled again
        return None
    except (ValueError, EOFError, KeyError, TypeError):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)  # a damaged or outdated cache is rebuilt
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # in use: see forget_unused_caches
    return lexicon


def _own(folder: Path) -> bool:
    """The fallback folder sits in the shared temporary folder: only a folder of our own."""
    if folder != fallback_cache_dir() or not hasattr(os, "getuid"):
        return True
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _write_cache(path: Path, blob: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    forget_unused_caches(path)


def forget_unused_caches(current: Path, now: float | None = None) -> None:
    """Delete word indexes of any format or version that no Korrektur loaded for a while.

    Every load touches its cache, so a file's modification time says when it was last used;
    another installed version's index in daily use is kept, stale ones do not pile up.
    """
    now = time.time() if now is None else now
    for old in current.parent.glob("lexicon*.bin"):
        with contextlib.suppress(OSError):
            if old != current and now - old.stat().st_mtime > UNUSED_CACHE_SECONDS:
                old.unlink()


def load_lexicon(
    sources: Sources | None = None, builder: Callable[[Sources], Lexicon] | None = None
) -> Lexicon:
    """The index for ``sources``: from the cache, or compiled and cached now.

    A cache that cannot be read (permissions, a disk error) is compiled again, and kept in a
    folder of the user's own in the temporary folder when the cache folder cannot be written.
    """
    sources = sources or find_sources()
    for path in _cache_files(sources):
        lexicon = _read_cache(path)
        if lexicon is not None:
            return lexicon
    lexicon = (builder or build_lexicon)(sources)
    blob = lexicon.to_blob()
    for path in _cache_files(sources):  # the user cache, else a folder of our own in /tmp
        try:
            _write_cache(path, blob)
        except OSError:
            continue  # (with neither, Korrektur works without a cache)
        break
    return lexicon


_shared: dict[str, Lexicon] = {}
_shared_lock = threading.Lock()


def shared_lexicon() -> Lexicon:
    """One index per process and source key, loaded on first use."""
    sources = find_sources()
    key = sources.key()
    with _shared_lock:
        if key not in _shared:
            _shared[key] = load_lexicon(sources)
        return _shared[key]
