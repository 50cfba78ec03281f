"""Lexicon loading: today's blob against memory-mapped tries (marisa-trie), measured.

Issue 12 item 7. The compiled word index is cached as one marshal blob (``lexicon.py``:
``to_blob``/``from_blob``) that every process reads into dicts. The alternative measured here
keeps the word tables (``logp``, ``groups``, ``rare``, ``begin``, ``begin_groups``, ``caps``) as
MARISA tries and the bigram arrays as raw bytes, all memory-mapped, so that a process loads
nothing up front and processes on one machine share the pages. Measured, each in a fresh
process: load time, memory (RSS, and the private part that another process cannot share),
the cost of lookups (every word of the 21 development documents looked up; every
compound first part found as the compound search does), and one analysis of the 21
documents with each index (CPU time, and whether the suggestions are the same).

``python bench/lexicon_trie.py`` (needs ``marisa-trie``: ``pip install -e .[bench]``, and
``../shared`` for the documents).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import marshal
import mmap
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from devdata import FOLDERS, require_shared
from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.lexicon_cache import cache_file, load_lexicon
from korrektur.engine.words.lexicon_sources import find_sources
from korrektur.engine.words.text import fold, words_of

try:
    import marisa_trie
except ImportError:  # pragma: no cover - told to the user below
    marisa_trie = None

MIN_BEGIN = 2  # the shortest compound first part the compound search asks for
MIN_END = 3  # the shortest last part: first parts stop this far before the end
INT_TABLES = ("logp", "begin", "caps")  # word -> small int (one byte)
TEXT_TABLES = ("groups", "begin_groups")  # fold key -> tab-joined forms
ARRAYS = ("bigram_keys", "bigram_counts")  # raw bytes, mapped as memoryviews


# -- the trie index ---------------------------------------------------------------------


class _TrieTable(Mapping[str, Any]):
    """A trie of one value per key, read as the dict it replaces."""

    def __init__(self, trie: Any) -> None:
        self._trie = trie

    def __contains__(self, key: object) -> bool:
        return key in self._trie

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)


class IntTable(_TrieTable):
    """A ``RecordTrie`` of one byte per key (``logp``, ``begin``, ``caps``)."""

    def __getitem__(self, key: str) -> int:
        return int(self._trie[key][0][0])

    def get(self, key: str, default: Any = None) -> Any:
        found = self._trie.get(key)
        return found[0][0] if found else default

    def items(self) -> Any:
        return ((key, value[0]) for key, value in self._trie.iteritems())


class TextTable(_TrieTable):
    """A ``BytesTrie`` of one UTF-8 text per key (``groups``, ``begin_groups``)."""

    def __getitem__(self, key: str) -> str:
        return str(self._trie[key][0].decode())

    def get(self, key: str, default: Any = None) -> Any:
        found = self._trie.get(key)
        return found[0].decode() if found else default


class RareTable:
    """The rare forms (``SortedLines`` today) as a ``BytesTrie`` of fold key -> forms."""

    def __init__(self, trie: Any) -> None:
        self._trie = trie

    def values(self, key: str) -> list[str]:
        found = self._trie.get(key)
        return sorted(value.decode() for value in found) if found else []


def write_tries(lexicon: Lexicon, folder: Path) -> None:
    """The index of ``lexicon`` as trie and array files in ``folder``."""
    assert marisa_trie is not None
    for name in INT_TABLES:
        table = getattr(lexicon, name)
        marisa_trie.RecordTrie("<B", ((k, (v,)) for k, v in table.items())).save(
            str(folder / f"{name}.marisa")
        )
    for name in TEXT_TABLES:
        table = getattr(lexicon, name)
        marisa_trie.BytesTrie((k, v.encode()) for k, v in table.items()).save(
            str(folder / f"{name}.marisa")
        )
    lines = lexicon.rare.text.strip("\n").split("\n")
    pairs = (line.split("\t", 1) for line in lines if line)
    marisa_trie.BytesTrie((key, value.encode()) for key, value in pairs).save(
        str(folder / "rare.marisa")
    )
    marisa_trie.Trie(first_part_keys(lexicon)).save(str(folder / "first_parts.marisa"))
    (folder / "bigram_keys.bin").write_bytes(lexicon.bigram_keys.tobytes())
    (folder / "bigram_counts.bin").write_bytes(lexicon.bigram_counts.tobytes())
    mapped = {*INT_TABLES, *TEXT_TABLES, *ARRAYS, "rare"}
    rest = {
        f.name: getattr(lexicon, f.name)
        for f in dataclasses.fields(lexicon)
        if f.init and f.name not in mapped
    }
    (folder / "rest.bin").write_bytes(marshal.dumps(rest))


def _mapped(path: Path, code: str) -> memoryview:
    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    return memoryview(mapped).cast(code)


def open_tries(folder: Path) -> Lexicon:
    """A ``Lexicon`` whose tables are the memory-mapped tries in ``folder``."""
    assert marisa_trie is not None
    tables: dict[str, Any] = {}
    for name in INT_TABLES:
        tables[name] = IntTable(marisa_trie.RecordTrie("<B").mmap(str(folder / f"{name}.marisa")))
    for name in TEXT_TABLES:
        tables[name] = TextTable(marisa_trie.BytesTrie().mmap(str(folder / f"{name}.marisa")))
    rare = RareTable(marisa_trie.BytesTrie().mmap(str(folder / "rare.marisa")))
    rest = marshal.loads((folder / "rest.bin").read_bytes())
    return Lexicon(
        **tables,
        rare=rare,
        bigram_keys=_mapped(folder / "bigram_keys.bin", "Q"),
        bigram_counts=_mapped(folder / "bigram_counts.bin", "I"),
        **rest,  # everything else as it was (acronyms, patterns, confusions …)
    )


# -- measurements in a fresh process ----------------------------------------------------


def _memory() -> dict[str, float]:
    """RSS and its private part (MB) of this process."""
    fields: dict[str, float] = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("Rss", "Private_Clean", "Private_Dirty"):
            fields[name] = int(rest.split()[0]) / 1024
    return {"rss": fields["Rss"], "private": fields["Private_Clean"] + fields["Private_Dirty"]}


def _documents_words() -> list[tuple[str, str]]:
    """Every word of the 21 development documents, lower-case and folded, in text order."""
    words = []
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.raw.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                for word in words_of(line):
                    low = word.part.text.lower()
                    words.append((low, fold(low)))
    return words


def word_lookups(lexicon: Lexicon, words: list[tuple[str, str]]) -> int:
    """Every word looked up as the first pass does (as written, then its forms): hits."""
    logp, groups, rare = lexicon.logp, lexicon.groups, lexicon.rare
    hits = 0
    for low, key in words:
        if low in logp or groups.get(key) is not None or rare.values(key):
            hits += 1
    return hits


def first_part_keys(lexicon: Lexicon) -> set[str]:
    """The fold keys ``begin_forms`` finds a compound first part for."""
    return set(lexicon.begin_groups) | {part for part in lexicon.begin if fold(part) == part}


def prefix_lookups_dict(keys: set[str], words: list[str]) -> int:
    """Compound first parts found as the compound search asks: one probe per slice."""
    found = 0
    for key in words:
        last_stop = len(key) - MIN_END + 1
        for start in range(len(key)):
            for stop in range(start + MIN_BEGIN, last_stop):
                if key[start:stop] in keys:
                    found += 1
    return found


def prefix_lookups_trie(trie: Any, words: list[str]) -> int:
    """The same first parts from a trie of the same keys: one ``prefixes`` call per start."""
    found = 0
    for key in words:
        last_stop = len(key) - MIN_END + 1
        for start in range(len(key) - MIN_BEGIN - MIN_END + 1):
            found += sum(
                1 for part in trie.prefixes(key[start : last_stop - 1]) if len(part) >= MIN_BEGIN
            )
    return found


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def child(kind: str, folder: Path, blob: Path) -> dict[str, Any]:
    """One measurement in this (fresh) process."""
    before = _memory()
    if kind.endswith("blob"):
        seconds, lexicon = _timed(lambda: Lexicon.from_blob(blob.read_bytes()))
    else:
        seconds, lexicon = _timed(lambda: open_tries(folder))
    loaded = _memory()
    result: dict[str, Any] = {
        "load_s": seconds,
        "rss_mb": loaded["rss"] - before["rss"],
        "private_mb": loaded["private"] - before["private"],
    }
    if kind.startswith("load"):
        return result
    words = _documents_words()
    distinct = list(dict.fromkeys(key for _, key in words))
    result["words"], result["distinct"] = len(words), len(distinct)
    result["word_s"], result["word_hits"] = _timed(lambda: word_lookups(lexicon, words))
    if kind.endswith("blob"):
        keys = first_part_keys(lexicon)
        prefixes = _timed(lambda: prefix_lookups_dict(keys, distinct))
    else:
        assert marisa_trie is not None
        trie = marisa_trie.Trie().mmap(str(folder / "first_parts.marisa"))
        prefixes = _timed(lambda: prefix_lookups_trie(trie, distinct))
    result["prefix_s"], result["prefix_hits"] = prefixes
    if kind.startswith("analyse"):
        result["analyse_s"], result["digest"] = _timed(lambda: _analyse_all(lexicon))
    after = _memory()
    result["rss_after_mb"] = after["rss"] - before["rss"]
    result["private_after_mb"] = after["private"] - before["private"]
    return result


def _analyse_all(lexicon: Lexicon) -> str:
    """The word analysis of the 21 documents; a digest of every suggestion made."""
    from korrektur.engine.base import NoProgress
    from korrektur.engine.words import WordAnalyzer
    from korrektur.model.document import Document

    analyzer = WordAnalyzer(lexicon=lexicon)
    digest = hashlib.sha256()
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.raw.txt")):
            for found in analyzer.analyse(Document.from_path(path), NoProgress()):
                line = f"{found.start} {found.end} {found.replacement} {found.confidence:.6f}"
                digest.update(line.encode())
    return digest.hexdigest()


def _run(kind: str, folder: Path, blob: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(folder), str(blob)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _size_mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=5, help="load measurements of each")
    parser.add_argument("--no-analysis", action="store_true", help="skip the two analyses")
    args = parser.parse_args()
    if args.child:
        kind, folder, blob = args.child
        print(json.dumps(child(kind, Path(folder), Path(blob))))
        return
    if marisa_trie is None:
        sys.exit("lexicon_trie: needs marisa-trie (pip install -e .[bench])")
    require_shared()
    lexicon = load_lexicon()  # compiled and cached now if it was not
    blob = cache_file(find_sources())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_s, _ = _timed(lambda: write_tries(lexicon, folder))
        report(folder, blob, build_s, args.repeats, not args.no_analysis)


def report(folder: Path, blob: Path, build_s: float, repeats: int, analyse: bool) -> None:
    """Measure both indexes and print the table for ``bench/README.md``."""
    rows: dict[str, dict[str, list[float]]] = {}
    for kind in ("blob", "trie"):
        loads = [_run(f"load-{kind}", folder, blob) for _ in range(repeats)]
        rows[kind] = {key: [load[key] for load in loads] for key in loads[0]}
    # the analyses alternate, the fastest of each counts (the machine is shared)
    task = "analyse" if analyse else "lookup"
    rounds = [{kind: _run(f"{task}-{kind}", folder, blob) for kind in rows}]
    rounds += [
        {kind: _run(f"{task}-{kind}", folder, blob) for kind in rows} for _ in range(2 * analyse)
    ]
    work = {
        kind: min((r[kind] for r in rounds), key=lambda w: float(w.get("analyse_s", 0)))
        for kind in rows
    }
    files = sorted(folder.iterdir())
    print(f"tries written in {build_s:.1f} s (CPU) from the loaded index")
    print("| measure | blob (today) | memory-mapped tries |")
    print("|---|---:|---:|")
    print(f"| on disk | {_size_mb([blob]):.1f} MB | {_size_mb(files):.1f} MB |")
    for key, label in (
        ("load_s", "load, CPU (median of {n})"),
        ("rss_mb", "RSS added by the load (median)"),
        ("private_mb", "… of which private (not shareable)"),
    ):
        cells = [statistics.median(rows[kind][key]) for kind in ("blob", "trie")]
        unit = "s" if key == "load_s" else "MB"
        fmt = "{:.3f} s" if unit == "s" else "{:.0f} MB"
        print(f"| {label.format(n=repeats)} | {fmt.format(cells[0])} | {fmt.format(cells[1])} |")
    blob_work, trie_work = work["blob"], work["trie"]
    words, distinct = blob_work["words"], blob_work["distinct"]
    print(
        f"| {words:,} word lookups (21 documents), CPU | {blob_work['word_s']:.3f} s | "
        f"{trie_work['word_s']:.3f} s |"
    )
    print(
        f"| compound first parts of {distinct:,} distinct words, CPU | "
        f"{blob_work['prefix_s']:.3f} s | {trie_work['prefix_s']:.3f} s |"
    )
    if analyse:
        same = "same" if blob_work["digest"] == trie_work["digest"] else "DIFFERENT"
        print(
            f"| word analysis of the 21 documents, CPU (fastest of 3) | "
            f"{blob_work['analyse_s']:.2f} s | {trie_work['analyse_s']:.2f} s "
            f"(suggestions: {same}) |"
        )
    print(
        f"| RSS added after lookups{' and analysis' if analyse else ''} | "
        f"{blob_work['rss_after_mb']:.0f} MB | {trie_work['rss_after_mb']:.0f} MB |"
    )
    print(
        f"| … of which private | {blob_work['private_after_mb']:.0f} MB | "
        f"{trie_work['private_after_mb']:.0f} MB |"
    )
    if blob_work["word_hits"] != trie_work["word_hits"]:
        print(f"word hits differ: {blob_work['word_hits']} != {trie_work['word_hits']}")
    if blob_work["prefix_hits"] != trie_work["prefix_hits"]:
        print(f"prefix hits differ: {blob_work['prefix_hits']} != {trie_work['prefix_hits']}")


if __name__ == "__main__":
    main()
