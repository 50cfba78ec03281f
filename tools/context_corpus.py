"""The reference corpus as the real-word model's training data: splits, sets and examples.

Used by ``train_context.py``. The corpus (``../shared/corpus/sv-reference``) is read once,
tokenized with the engine's tokenizer (``realword_features.context_tokens``), and every line
(one paragraph) is assigned to the training, validation or test split by blocks of lines, so
that held-out text is whole stretches of documents the model never saw. Confusion sets are
derived from the corpus counts (diacritic folding) and ``lexicon/confusions.yaml`` (OCR
rewrites); an example is every occurrence of a member of a set, subsampled for very frequent
words (the intercepts are corrected for it).
"""

from __future__ import annotations

import collections
import pickle
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from korrektur.engine.words.realword_features import BOUNDARY, MARKS, context_tokens, nearest
from korrektur.engine.words.text import LETTER_LIKE, fold

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "sv-reference"
FILES = ("sfs_statutes.txt", "riksdagen_interpellations.txt", "regeringen_se.txt")
CONFUSIONS = ROOT / "lexicon" / "confusions.yaml"

BLOCK = 500  # lines (paragraphs) per block; blocks, not lines, go to one split
PERIOD = 20
TEST_BLOCK, VALID_BLOCK = 7, 13  # block % PERIOD: 5% test, 5% validation, 90% training
TRAIN, VALID, TEST = "train", "valid", "test"


def split_of(line_number: int) -> str:
    """Which split a line of a corpus file belongs to."""
    block = (line_number // BLOCK) % PERIOD
    return TEST if block == TEST_BLOCK else VALID if block == VALID_BLOCK else TRAIN


@dataclass
class Corpus:
    """The tokenized corpus: per split, each paragraph's tokens joined by tabs.

    Attributes:
        lines: split → tokenized paragraphs (``BOUNDARY`` at both edges).
        counts: lower-case word (numbers as written) → occurrences in the training split.
    """

    lines: dict[str, list[str]] = field(default_factory=lambda: {TRAIN: [], VALID: [], TEST: []})
    counts: collections.Counter[str] = field(default_factory=collections.Counter)


def read_corpus(folder: Path, limit: int | None = None, cache: Path | None = None) -> Corpus:
    """Tokenize the corpus files; stop after ``limit`` lines per file (quick trial runs).

    With ``cache``, the tokenized corpus is kept in that file (pickled) and read from it
    when it exists: reruns of the training skip two minutes of tokenizing.
    """
    if cache is not None and cache.is_file():
        with cache.open("rb") as handle:
            corpus: Corpus = pickle.load(handle)
        return corpus
    paths = [folder / name for name in FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        sys.exit(
            "train_context: the reference corpus is missing (expected ../shared beside the "
            f"repository): {', '.join(missing)}"
        )
    corpus = Corpus()
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if limit is not None and number >= limit:
                    break
                tokens = context_tokens(line.split())
                if not tokens:
                    continue
                tokens.insert(0, BOUNDARY)  # as ``realword.around`` reads a paragraph
                if tokens[-1] != BOUNDARY:
                    tokens.append(BOUNDARY)
                split = split_of(number)
                corpus.lines[split].append("\t".join(tokens))
                if split == TRAIN:
                    corpus.counts.update(t.lower() for t in tokens if t not in MARKS)
        print(f"train_context: read {path.name}", file=sys.stderr)
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump(corpus, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return corpus


@dataclass(frozen=True)
class ConfusionSet:
    """Words one printed form may stand for: ``key`` is the fold key or the printed form."""

    key: str
    kind: str  # "fold" (diacritics) or "ocr" (a rewrite of confusions.yaml)
    members: tuple[str, ...]


def fold_sets(counts: collections.Counter[str], min_member: int) -> list[ConfusionSet]:
    """Every group of corpus words that fold to one key, with two members seen often enough."""
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for word, count in counts.items():
        if count >= min_member and word.isalpha():
            groups[fold(word)].append(word)
    return [
        ConfusionSet(key, "fold", tuple(sorted(words, key=lambda w: (-counts[w], w))))
        for key, words in sorted(groups.items())
        if len(words) > 1
    ]


def rewrites(path: Path = CONFUSIONS) -> list[tuple[str, str]]:
    """The ``(printed, true)`` letter rewrites of ``confusions.yaml``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(str(e["raw"]), str(e["gold"])) for e in data["confusions"]]


def ocr_sets(
    counts: collections.Counter[str],
    covered: list[ConfusionSet],
    min_member: int,
    common: int,
    longest: int = 4,
) -> list[ConfusionSet]:
    """Printed forms that one OCR rewrite makes of a common short word and that are ambiguous.

    A common word (seen ``common`` times, at most ``longest`` letters) rewritten once by a
    rule of ``confusions.yaml`` gives a printed form: a number (``1`` for ``i``), another
    word (``dr`` for ``är``) or letters and symbols (``&r``). The words that print the same,
    and the printed form itself when it is a number or word of its own, form a set; sets that
    a diacritic set already holds (``&r``: ``är``/``år``) are left out.
    """
    readings: dict[str, set[str]] = collections.defaultdict(set)
    for word, count in counts.items():
        if count < common or len(word) > longest or not word.isalpha():
            continue
        for printed, true in rewrites():
            start = word.find(true) if true else -1
            while start >= 0:
                form = word[:start] + printed + word[start + len(true) :]
                start = word.find(true, start + 1)
                if not form or form == word or fold(form) == fold(word):
                    continue
                if form.isdigit() or (form.isalpha() and counts[form] >= min_member):
                    if counts[form] >= min_member:
                        readings[form].update((form, word))
                elif any(ch.isdigit() or ch in LETTER_LIKE for ch in form):
                    readings[form].add(word)
    held = [frozenset(s.members) for s in covered]
    found = []
    for form, words in sorted(readings.items()):
        members = frozenset(words)
        if len(members) < 2 or any(members <= other for other in held):
            continue
        ordered = tuple(sorted(members, key=lambda w: (-counts[w], w)))
        found.append(ConfusionSet(form, "ocr", ordered))
        held.append(members)
    return found


@dataclass(frozen=True)
class Example:
    """One occurrence of a set member: its normalised neighbours and what it was."""

    left: tuple[str, ...]  # nearest last
    right: tuple[str, ...]
    title: bool
    upper: bool
    word: str


def examples(
    lines: list[str], members: set[str], rates: dict[str, float], seed: int = 1
) -> Iterator[Example]:
    """Every occurrence of a word of ``members`` in ``lines``, each kept with its rate."""
    chance = random.Random(seed).random
    intern: dict[str, str] = {}
    for line in lines:
        tokens = line.split("\t")
        for index, token in enumerate(tokens):
            low = token.lower()
            if low not in members or (rates.get(low, 1.0) < 1.0 and chance() >= rates[low]):
                continue
            left = tuple(intern.setdefault(t, t) for t in reversed(nearest(tokens, -1, index - 1)))
            right = tuple(intern.setdefault(t, t) for t in nearest(tokens, 1, index + 1))
            upper = token.isupper() and len(token) > 1
            yield Example(left, right, token[:1].isupper() and not upper, upper, low)
