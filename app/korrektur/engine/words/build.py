"""Compile the word index from Hunspell, wordfreq, the corpus counts and our YAML files."""

from __future__ import annotations

import array
import gzip
import math
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from korrektur.engine.words import hunspell
from korrektur.engine.words.lexicon import GENITIVE_MIN, Lexicon, quantise, word_hash
from korrektur.engine.words.lexicon_sources import SourceError, Sources
from korrektur.engine.words.lines import SortedLines
from korrektur.engine.words.text import NUMBER, fold, fold_all

CORPUS_SHARE = 0.7  # word probability: 70% reference corpus, 30% wordfreq
WORDFREQ_MIN = 1e-6  # wordfreq words no other source knows must be at least this common
ENGLISH_MIN = 1e-6  # English words kept: at least this common in English …
ENGLISH_MARGIN = 10.0  # … and this many times more common there than in Swedish …
ENGLISH_COMMON = 1e-4  # … or this common in English whatever Swedish does (for, by, of)
DOMAIN_COUNT = 20.0  # a domain word is as likely as a word seen 20 times in the corpus
NAME_COUNT = 50.0
NAME_SHARE = 0.98  # how often a listed name is capitalised
DOMAIN_ENDINGS = ("en", "et", "er", "ar", "or", "na", "n", "s", "ens", "ets", "erna", "arna")
MIN_PART_COMPOUNDS = 3
CAPS_MIN = 0.05  # capitalisation shares below this are not stored


def _rows(path: Path) -> Iterator[list[str]]:
    if not path.is_file():
        raise SourceError(f"lexicon file missing: {path} (run tools/build_counts.py)")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise SourceError(f"{path.name}: expected a mapping at the top level")
    return data


def _words_of(entries: list[Any]) -> Iterator[str]:
    """Single words of YAML list entries (multi-word entries are split)."""
    for entry in entries or ():
        for word in str(entry).replace("-", " ").split():
            if any(ch.isalpha() for ch in word):
                yield word


def _wordfreq() -> dict[str, float]:
    import wordfreq

    frequencies: dict[str, float] = wordfreq.get_frequency_dict("sv", "large")
    return {w: f for w, f in frequencies.items() if w.isalpha()}


def _english(logp: dict[str, int], groups: dict[str, str]) -> dict[str, int]:
    """English words for ``foreign.py``: those Swedish hardly uses, and the most common.

    Swedish here is the compiled word probabilities (``logp``, quantised) of the word and
    of every form that folds like it (``for`` is Swedish as ``för``).
    """
    import wordfreq

    found: dict[str, int] = {}
    frequencies: dict[str, float] = wordfreq.get_frequency_dict("en", "small")
    for word, frequency in frequencies.items():
        if frequency < ENGLISH_MIN or not word.isalpha():
            continue
        key = fold(word)
        forms = groups[key].split("\t") if key in groups else [key]
        swedish = [logp[f] for f in (word, *forms) if f in logp]  # quantised: -8 log p
        english = quantise(math.log(frequency))
        dominant = not swedish or min(swedish) - english >= quantise(-math.log(ENGLISH_MARGIN))
        if dominant or frequency >= ENGLISH_COMMON:
            found[word] = english
    return found


class _Builder:
    """Collects word statistics from every source, then freezes them into a ``Lexicon``."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        self.folder = sources.lexicon_dir
        self.counts: dict[str, int] = {}
        self.caps: dict[str, float] = {}
        self.probability: dict[str, float] = {}
        self.rare: set[str] = set()
        self.begin: dict[str, float] = {}
        self.names: list[str] = []

    def corpus(self) -> None:
        for word, count, mid, capmid in _rows(self.folder / "counts" / "unigrams.tsv.gz"):
            self.counts[word] = int(count)
            inside, capitalised = int(mid), int(capmid)
            if inside >= 3 and capitalised / inside >= CAPS_MIN:
                self.caps[word] = capitalised / inside
        # Word probabilities are relative to words; numbers (``<num>``) are counted beside them.
        self.total = float(sum(n for w, n in self.counts.items() if w != NUMBER))
        for word, seen in self.counts.items():
            self.probability[word] = CORPUS_SHARE * seen / self.total

    def hunspell(self) -> dict[str, int]:
        affixes = hunspell.read_affixes(self.sources.aff)
        forms = hunspell.expand(self.sources.dics, affixes)
        lower: dict[str, int] = {}
        for form, roles in forms.items():
            key = form.lower()
            lower[key] = lower.get(key, 0) | roles
            if form[:1].isupper() and key not in self.caps and key not in forms:
                self.caps[key] = NAME_SHARE  # listed only capitalised: a name
        return lower

    def wordfreq(self, known: dict[str, int]) -> None:
        share = 1.0 - CORPUS_SHARE
        for word, frequency in _wordfreq().items():
            attested = word in self.counts or known.get(word, 0) & hunspell.FULL
            if attested or frequency >= WORDFREQ_MIN:
                self.probability[word] = self.probability.get(word, 0.0) + share * frequency

    def ours(self) -> tuple[list[str], list[tuple[str, str]]]:
        domain = _yaml(self.folder / "domain.yaml")
        floor = DOMAIN_COUNT / self.total
        for word in _words_of(domain.get("words", [])):
            key = word.lower()
            self.probability[key] = max(self.probability.get(key, 0.0), floor)
            self.rare.update(key + ending for ending in DOMAIN_ENDINGS)
        names = _yaml(self.folder / "names.yaml")
        for word in _words_of(names.get("names", [])):
            if word[0].isupper():
                key = word.lower()
                self.names.append(key)
                self.probability[key] = max(self.probability.get(key, 0.0), NAME_COUNT / self.total)
                self.caps[key] = max(self.caps.get(key, 0.0), NAME_SHARE)
                self.rare.add(key + "s")
        acronyms = [str(a) for a in _yaml(self.folder / "acronyms.yaml").get("acronyms", [])]
        patterns = [
            (str(p["name"]), str(p["regex"]))
            for p in _yaml(self.folder / "protected.yaml").get("patterns", [])
        ]
        return acronyms, patterns

    def compound_parts(self, known: dict[str, int]) -> None:
        for part, compounds in _rows(self.folder / "counts" / "compound_parts.tsv.gz"):
            self.begin[part] = math.log(int(compounds))
        baseline = math.log(MIN_PART_COMPOUNDS)
        for form, roles in known.items():
            if roles & (hunspell.BEGIN | hunspell.MIDDLE) and form.isalpha() and len(form) > 2:
                self.begin[form] = max(self.begin.get(form, 0.0), baseline)
        # Names begin compounds too (Rågsvedsskolan, Stockholmsregionen), bare or with -s.
        for name in self.names:
            if name.isalpha() and len(name) > 2:
                for part in (name, name + "s"):
                    self.begin[part] = max(self.begin.get(part, 0.0), baseline)

    def bigrams(self) -> tuple[array.array[int], array.array[int]]:
        hashes: dict[str, int] = {}

        def hashed(word: str) -> int:
            found = hashes.get(word)
            if found is None:
                found = hashes[word] = word_hash(word)
            return found

        pairs = sorted(
            ((hashed(first) << 32) | hashed(second), int(count))
            for first, second, count in _rows(self.folder / "counts" / "bigrams.tsv.gz")
        )
        keys = array.array("Q", (k for k, _ in pairs))
        counts = array.array("I", (min(c, 2**32 - 1) for _, c in pairs))
        return keys, counts


def _groups(words: Any) -> dict[str, str]:
    """Fold key → tab-joined forms, kept only where a plain key lookup would not do."""
    grouped: dict[str, list[str]] = defaultdict(list)
    listed = list(words)
    for key, word in zip(fold_all(listed), listed, strict=True):
        grouped[key].append(word)
    return {
        key: "\t".join(forms) for key, forms in grouped.items() if len(forms) > 1 or forms[0] != key
    }


def _genitive(word: str, logp: dict[str, int], rare: set[str]) -> bool:
    """True for a genitive ``-s`` form the lexicon derives from its stem (see ``Lexicon``)."""
    if not word.endswith("s") or len(word) <= GENITIVE_MIN + 1:
        return False
    stem = word[:-1]
    return not stem.endswith(("s", "x", "z")) and (stem in logp or stem in rare)


def _confusions(folder: Path) -> list[tuple[str, str, float]]:
    entries = _yaml(folder / "confusions.yaml").get("confusions", [])
    return [(str(e.get("raw", "")), str(e["gold"]), float(e["weight"])) for e in entries]


def _learned(folder: Path) -> dict[str, dict[str, dict[str, int]]]:
    documents = _yaml(folder / "learned-confusions.yaml").get("documents", {}) or {}
    return dict(documents)


def build_lexicon(sources: Sources) -> Lexicon:
    """Compile the index (a few seconds); ``load_lexicon`` caches the result."""
    builder = _Builder(sources)
    builder.corpus()
    known = builder.hunspell()
    builder.wordfreq(known)
    acronyms, patterns = builder.ours()
    builder.compound_parts(known)
    logp = {w: quantise(math.log(p)) for w, p in builder.probability.items() if p > 0}
    rare_words = {w for w, roles in known.items() if roles & hunspell.FULL} | builder.rare
    unseen = [w for w in rare_words if w not in logp and "\t" not in w and "\n" not in w]
    unseen = [w for w in unseen if not _genitive(w, logp, rare_words)]
    rare = sorted(f"{k}\t{w}" for k, w in zip(fold_all(unseen), unseen, strict=True))
    keys, counts = builder.bigrams()
    groups = _groups(logp)
    return Lexicon(
        total=builder.total,
        logp=logp,
        groups=groups,
        rare=SortedLines.build(rare),
        begin={part: quantise(-logn) for part, logn in builder.begin.items()},
        begin_groups=_groups(builder.begin),
        caps={w: round(100 * share) for w, share in builder.caps.items()},
        bigram_keys=keys,
        bigram_counts=counts,
        acronyms=frozenset(acronyms),
        patterns=patterns,
        confusions=_confusions(sources.lexicon_dir),
        learned=_learned(sources.lexicon_dir),
        english=_english(logp, groups),
    )
