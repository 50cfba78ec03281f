"""Two peers run on the same texts as Korrektur: Hunspell's first suggestion and a lexicon lookup.

* Hunspell: spylls (a Python port of Hunspell) with the same sv_SE dictionary Korrektur
  reads; every word Hunspell does not accept is replaced by its first suggestion. spylls is
  slow (up to seconds per word), so suggestions are cached in ``bench/.cache/`` and each word
  gets at most ``HUNSPELL_SECONDS``.
* Most frequent diacritic form: every word is replaced by the most frequent word of
  Korrektur's lexicon that differs from it only in å/ä/ö/é (case kept), nothing else.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Callable
from pathlib import Path

from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.lexicon_sources import find_sources
from korrektur.engine.words.text import Case, apply_case, case_of, fold, word_parts

CACHE = Path(__file__).resolve().parent / ".cache"
HUNSPELL_SECONDS = 8


def rewrite_words(text: str, fix: Callable[[str], str]) -> str:
    """``text`` with every word part replaced by ``fix(part)`` (lines and spacing kept)."""
    out: list[str] = []
    for line in text.split("\n"):
        pieces: list[str] = []
        position = 0
        for chunk_start, chunk in _chunks(line):
            for part in word_parts(chunk, chunk_start):
                pieces.append(line[position : part.start])
                pieces.append(fix(part.text))
                position = part.end
        pieces.append(line[position:])
        out.append("".join(pieces))
    return "\n".join(out)


def _chunks(line: str) -> list[tuple[int, str]]:
    found = []
    start = None
    for index, ch in enumerate(line + " "):
        if ch.isspace():
            if start is not None:
                found.append((start, line[start:index]))
                start = None
        elif start is None:
            start = index
    return found


def lexicon_peer(lexicon: Lexicon) -> Callable[[str], str]:
    """The most-frequent-diacritic-form baseline."""

    def fix(word: str) -> str:
        low = word.lower()
        forms = lexicon.forms(fold(low))
        scored = [(lexicon.word_logp(f) or -99.0, f) for f in forms if f.isalpha()]
        if not scored:
            return word
        best = max(scored)[1]
        case = case_of(word)
        return apply_case(best, case if case is not Case.MIXED else Case.LOWER)

    return fix


class _Timeout(Exception):
    pass


def hunspell_peer(cached_only: bool = False) -> Callable[[str], str]:
    """Hunspell's (spylls) first suggestion for words it does not accept.

    ``cached_only``: a rejected word whose suggestion is not cached yet is left as it is and
    counted in ``fix.uncached`` (the caller leaves such a document out of the peer's figures).
    """
    from spylls.hunspell import Dictionary

    sources = find_sources()
    dictionary = Dictionary.from_files(str(sources.aff.with_suffix("")))
    CACHE.mkdir(exist_ok=True)
    cache_path = CACHE / f"hunspell-{sources.hunspell_version}.json"
    cache: dict[str, str] = (
        json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.is_file() else {}
    )

    def alarm(signum: int, frame: object) -> None:
        raise _Timeout

    def fix(word: str) -> str:
        if not any(ch.isalpha() for ch in word):
            return word
        if word not in cache:
            if dictionary.lookup(word):
                cache[word] = word
            elif cached_only:
                fix.uncached += 1  # type: ignore[attr-defined]
                return word
            else:
                previous = signal.signal(signal.SIGALRM, alarm)
                signal.alarm(HUNSPELL_SECONDS)
                try:
                    cache[word] = next(iter(dictionary.suggest(word)), word)
                except _Timeout:
                    cache[word] = word
                finally:
                    signal.alarm(0)
                    signal.signal(signal.SIGALRM, previous)
                if len(cache) % 50 == 0:
                    cache_path.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
        return cache[word]

    def save() -> None:
        cache_path.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")

    fix.save = save  # type: ignore[attr-defined]
    fix.uncached = 0  # type: ignore[attr-defined]
    return fix
