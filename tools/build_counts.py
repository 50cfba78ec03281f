"""Derive compact word statistics for the lexicon from the Swedish reference corpus.

    python tools/build_counts.py [--corpus ../shared/corpus/sv-reference] [--out lexicon/counts]

Reads the born-digital reference text (13M words, see ../shared/corpus/sv-reference/SOURCES.md)
and writes three gzipped tables that ship in ``lexicon/counts/`` instead of the text itself:

* ``unigrams.tsv.gz``: ``word  count  mid  capmid`` (lower-cased word; occurrences; occurrences
  not at a sentence start; of those, how many were capitalised, which tells names from words;
  numbers are counted together as ``<num>``);
* ``bigrams.tsv.gz``: ``first  second  count`` of lower-cased words the engine reads together
  (numbers as ``<num>``), pruned to pairs seen at least ``--min-bigram`` times;
* ``compound_parts.tsv.gz``: ``part  compounds`` first parts of compounds (``lärar``, ``skol``,
  ``förvaltnings``) with the number of distinct corpus compounds they begin.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import sys
from pathlib import Path

from korrektur.engine.words.text import NUMBER, words_of

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "sv-reference"
DEFAULT_OUT = ROOT / "lexicon" / "counts"
FILES = ("sfs_statutes.txt", "riksdagen_interpellations.txt", "regeringen_se.txt")


def counted(text: str) -> str | None:
    """How a word is counted: lower case, any number as ``<num>``.

    None for what is no word of the language: a lone symbol, or letters and digits mixed
    (codes such as ``P7`` or ``G20``: counted, ``p7`` would pass for a word where OCR
    printed ``7`` for the ``å`` of ``på``).
    """
    if text.isdigit():
        return NUMBER
    if any(ch.isdigit() for ch in text):
        return None
    return text.lower() if any(ch.isalpha() for ch in text) else None


def count_corpus(
    paths: list[Path],
) -> tuple[
    collections.Counter[str],
    collections.Counter[str],
    collections.Counter[str],
    collections.Counter[tuple[str, str]],
]:
    """Unigram, mid-sentence, capitalised mid-sentence and bigram counts.

    Each line is a paragraph, cut into words by the engine's own tokenizer (``words_of``):
    the counts hold the words the engine looks up (``EU:s``, ``t.ex``, ``1990``/``talet``),
    and a pair is counted only where the engine reads the two words together.
    """
    total: collections.Counter[str] = collections.Counter()
    mid: collections.Counter[str] = collections.Counter()
    capmid: collections.Counter[str] = collections.Counter()
    bigrams: collections.Counter[tuple[str, str]] = collections.Counter()
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                previous: str | None = None
                for found in words_of(line):
                    word = counted(found.part.text)
                    if word is None:
                        previous = None
                        continue
                    total[word] += 1  # (a number counts too: how often one stands anywhere)
                    if word != NUMBER and not found.sentence_start:
                        mid[word] += 1
                        if found.part.text[0].isupper():
                            capmid[word] += 1
                    if previous is not None and found.linked:
                        bigrams[previous, word] += 1
                    previous = word
        print(f"build_counts: {path.name}: {sum(total.values()):,} words so far", file=sys.stderr)
    return total, mid, capmid, bigrams


def compound_parts(total: collections.Counter[str], min_head: int = 3) -> dict[str, int]:
    """First parts of compounds: prefixes of corpus words whose rest is a frequent word.

    A prefix counts once per compound type; only prefixes seen in several compounds survive,
    so a chance split (``bi`` + ``laga``) does not become a compound part.
    """
    heads = {w for w, c in total.items() if c >= min_head and len(w) >= 3}
    parts: collections.Counter[str] = collections.Counter()
    for word in total:
        if len(word) < 6 or not word.isalpha():
            continue
        for cut in range(2, len(word) - 2):
            if word[cut:] in heads:
                parts[word[:cut]] += 1
    return {part: n for part, n in parts.items() if n >= 3}


def write_table(path: Path, rows: list[tuple[object, ...]], header: str) -> None:
    """A gzipped TSV with one comment line saying where it came from (stable bytes)."""
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        raw.write(f"# {header}\n".encode())
        for row in rows:
            raw.write(("\t".join(str(x) for x in row) + "\n").encode())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--min-unigram", type=int, default=2)
    parser.add_argument("--min-bigram", type=int, default=3)
    args = parser.parse_args(argv)
    paths = [args.corpus / name for name in FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        sys.exit(
            "build_counts: the reference corpus is missing (expected ../shared beside the "
            f"repository): {', '.join(missing)}"
        )
    total, mid, capmid, bigrams = count_corpus(paths)
    args.out.mkdir(parents=True, exist_ok=True)
    source = "derived from ../shared/corpus/sv-reference (SFS, riksdagen, regeringen.se)"
    unigrams = sorted(
        ((w, c, mid[w], capmid[w]) for w, c in total.items() if c >= args.min_unigram),
        key=lambda r: (-r[1], r[0]),
    )
    write_table(args.out / "unigrams.tsv.gz", unigrams, f"word count mid capmid; {source}")
    pairs = sorted(
        ((a, b, c) for (a, b), c in bigrams.items() if c >= args.min_bigram),
        key=lambda r: (-r[2], r[0], r[1]),
    )
    write_table(args.out / "bigrams.tsv.gz", pairs, f"first second count; {source}")
    parts = sorted(compound_parts(total).items(), key=lambda r: (-r[1], r[0]))
    write_table(args.out / "compound_parts.tsv.gz", parts, f"part compounds; {source}")
    for name in ("unigrams", "bigrams", "compound_parts"):
        size = (args.out / f"{name}.tsv.gz").stat().st_size
        print(f"build_counts: wrote {name}.tsv.gz ({size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
