"""``PROJECT/learned.yaml``: what a corpus has learned, for people to read and to edit.

Korrektur writes the file whenever it learns (``korrektur corpus learn``), and the engine
uses it as it stands, so an edit counts at once. Edits also last: on the next learning,
whatever differs from what Korrektur last wrote (``.learned-written.yaml`` keeps that copy)
is the reviewer's edit. It is recorded under ``edits:`` and laid over every later
estimate: a word deleted stays unlearned (``0``), an offset changed stays changed, a pair
deleted is forgotten, calibration points replaced stay replaced. Deleting a line under
``edits:`` takes that edit back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from korrektur.corpus.learning.estimate import SECTIONS, Learned, PairRecord, Point
from korrektur.corpus.learning.lessons import RANGES
from korrektur.corpus.project import CorpusError
from korrektur.store.atomic import WriteError, atomic_write_text
from korrektur.store.yamlio import FlowMap, dump
from korrektur.store.yamlread import load

FILE = "learned.yaml"
WRITTEN = ".learned-written.yaml"
FORMAT = "korrektur-learned"
FORMAT_VERSION = 1
RANGES_KEY = "number_ranges"

COMMENT = """\
What this corpus has learned from its reviewer's decisions (korrektur corpus learn).
Edit it freely; the engine uses it as it stands. When Korrektur learns again, what you
changed is kept (listed under 'edits') and laid over what it learns.
  words        the corpus lexicon, with how often the reviewer kept or wrote each word:
               never suggested against, and read into their damaged variants
  pairs        corrections the reviewer decided: accepted, rejected (or edited), checked
               (accepted one by one where the engine was unsure), and the log-odds offset
               added to their confidence (negative: accepted less often than it claimed);
               a pair accepted 28 times or more and never rejected shows at least the
               share right so many acceptances in a row guarantee (0.9 at 28, 0.95 at 58)
  calibration  the engine's confidence and the share the reviewer accepted in this corpus
  confusions   the OCR confusions counted in the reviewed text ("raw>gold": times)
  misprints    words of the lexicon this collection does not write as printed, with how
               often the reviewer corrected them: their changes may go in bulk
  number_ranges  hyphens printed between two numbers (12-14) the reviewer made en dashes
               (12–14) and left as printed: with more en dashes, the en dash is offered"""


@dataclass
class Edits:
    """The reviewer's own changes to what was learned.

    Attributes:
        words: word → count; 0 means never a word of this corpus.
        pairs: ``(original, replacement)`` → the record to use; None forgets the pair.
        calibration: points that replace the learned ones (None: no edit; empty: none).
        confusions: section → key → count; 0 forgets the count.
        misprints: word → count; 0 means never a misprint of this corpus.
        ranges: how the reviewer left hyphens between numbers (``lessons.RANGES``) → count.
    """

    words: dict[str, int] = field(default_factory=dict)
    pairs: dict[tuple[str, str], PairRecord | None] = field(default_factory=dict)
    calibration: list[Point] | None = None
    confusions: dict[str, dict[str, int]] = field(default_factory=dict)
    misprints: dict[str, int] = field(default_factory=dict)
    ranges: dict[str, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(
            self.words
            or self.pairs
            or self.calibration is not None
            or self.confusions
            or self.misprints
            or self.ranges
        )

    def apply(self, learned: Learned) -> Learned:
        """``learned`` with these edits laid over it."""
        words = dict(learned.words)
        for word, count in self.words.items():
            for same in [w for w in words if w.lower() == word.lower()]:
                del words[same]
            if count > 0:
                words[word] = count
        pairs = {p.key: p for p in learned.pairs}
        for pair_key, record in self.pairs.items():
            if record is None:
                pairs.pop(pair_key, None)
            else:
                pairs[pair_key] = record
        confusions = {s: dict(c) for s, c in learned.confusions.items()}
        for section, counts in self.confusions.items():
            target = confusions.setdefault(section, {})
            for name, count in counts.items():
                if count > 0:
                    target[name] = count
                else:
                    target.pop(name, None)
        calibration = learned.calibration if self.calibration is None else self.calibration
        misprints = dict(learned.misprints)
        for word, count in self.misprints.items():
            misprints.pop(word.lower(), None)
            if count > 0:
                misprints[word.lower()] = count
        ranges = {**learned.ranges, **self.ranges}
        return replace(
            learned,
            ranges={key: ranges[key] for key in RANGES if ranges.get(key, 0) > 0},
            words=dict(sorted(words.items())),
            pairs=sorted(pairs.values(), key=lambda p: p.key),
            calibration=list(calibration),
            confusions=confusions,
            misprints=dict(sorted(misprints.items())),
        )

    def merged(self, newer: Edits) -> Edits:
        """These edits with ``newer`` ones laid over them."""
        return Edits(
            {**self.words, **newer.words},
            {**self.pairs, **newer.pairs},
            newer.calibration if newer.calibration is not None else self.calibration,
            {
                section: {**self.confusions.get(section, {}), **newer.confusions.get(section, {})}
                for section in {*self.confusions, *newer.confusions}
            },
            {**self.misprints, **newer.misprints},
            {**self.ranges, **newer.ranges},
        )


def changes(written: Learned, found: Learned) -> Edits:
    """The edits that turn what Korrektur ``written`` into what the file holds (``found``)."""
    edits = Edits()
    old_words = {w.lower(): (w, n) for w, n in written.words.items()}
    new_words = {w.lower(): (w, n) for w, n in found.words.items()}
    for low, (word, _) in old_words.items():
        if low not in new_words:
            edits.words[word] = 0
    for low, (word, count) in new_words.items():
        if old_words.get(low) != (word, count):
            edits.words[word] = count
    old_pairs = {p.key: p for p in written.pairs}
    new_pairs = {p.key: p for p in found.pairs}
    for pair_key in old_pairs.keys() - new_pairs.keys():
        edits.pairs[pair_key] = None
    for pair_key, record in new_pairs.items():
        if old_pairs.get(pair_key) != record:
            edits.pairs[pair_key] = record
    if found.calibration != written.calibration:
        edits.calibration = list(found.calibration)
    for section in SECTIONS:
        before = written.confusions.get(section, {})
        after = found.confusions.get(section, {})
        changed = {k: 0 for k in before if k not in after}
        changed.update({k: v for k, v in after.items() if before.get(k) != v})
        if changed:
            edits.confusions[section] = changed
    edits.misprints = {w: 0 for w in written.misprints if w not in found.misprints}
    edits.misprints.update(
        {w: n for w, n in found.misprints.items() if written.misprints.get(w) != n}
    )
    edits.ranges = {
        key: found.ranges.get(key, 0)
        for key in RANGES
        if found.ranges.get(key, 0) != written.ranges.get(key, 0)
    }
    return edits


# -- the file --------------------------------------------------------------------------------


def learned_path(root: Path) -> Path:
    """The learned file of the project at ``root``."""
    return root / FILE


def write_learned(root: Path, learned: Learned, edits: Edits, time: str) -> None:
    """Write ``learned.yaml`` (with ``edits``) and the copy that tells later edits apart.

    Raises:
        CorpusError: a file could not be written (the old ones are intact).
    """
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "updated": time,
        "digest": learned.digest(),
        **_body(learned),
    }
    if edits:
        data["edits"] = _edits_body(edits)
    try:
        atomic_write_text(root / WRITTEN, dump({"written": _body(learned)}, _WRITTEN_COMMENT))
        atomic_write_text(root / FILE, dump(data, COMMENT))
    except WriteError as exc:
        raise CorpusError(str(exc)) from exc


_WRITTEN_COMMENT = (
    "What Korrektur last wrote to learned.yaml, to tell your edits from its own.\n"
    "Derived; do not edit (a missing copy only means edits made since are not kept)."
)


def _body(learned: Learned) -> dict[str, Any]:
    return {
        "documents": learned.documents,
        "decisions": learned.decisions,
        "words_reviewed": learned.words_reviewed,
        "words": dict(learned.words),
        "pairs": [FlowMap(asdict(p)) for p in learned.pairs],
        "calibration": [FlowMap(asdict(p)) for p in learned.calibration],
        "confusions": {s: dict(learned.confusions[s]) for s in SECTIONS if s in learned.confusions},
        "misprints": dict(learned.misprints),
        **({RANGES_KEY: FlowMap(dict(learned.ranges))} if learned.ranges else {}),
    }


def _edits_body(edits: Edits) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if edits.words:
        body["words"] = dict(sorted(edits.words.items()))
    if edits.pairs:
        body["pairs"] = [
            FlowMap(
                asdict(record)
                if record is not None
                else {"original": key[0], "replacement": key[1], "forget": True}
            )
            for key, record in sorted(edits.pairs.items())
        ]
    if edits.calibration is not None:
        body["calibration"] = [FlowMap(asdict(p)) for p in edits.calibration]
    if edits.confusions:
        body["confusions"] = edits.confusions
    if edits.misprints:
        body["misprints"] = dict(sorted(edits.misprints.items()))
    if edits.ranges:
        body[RANGES_KEY] = FlowMap(dict(edits.ranges))
    return body


def read_learned(root: Path) -> tuple[Learned, Edits] | None:
    """The learned file of the project at ``root`` (None when there is none).

    Raises:
        CorpusError: the file is damaged, or newer than this Korrektur.
    """
    return read_learned_file(root / FILE)


def read_learned_file(path: Path) -> tuple[Learned, Edits] | None:
    """The learned state and edits in file ``path`` (None when there is no such file).

    Raises:
        CorpusError: the file is damaged, or newer than this Korrektur.
    """
    data = _read(path)
    if data is None:
        return None
    if data.get("format") != FORMAT:
        raise CorpusError(f"{path} is not a Korrektur learned file (no 'format: {FORMAT}')")
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CorpusError(f"{path} was written by a newer Korrektur; please update Korrektur")
    return _parse(data, path), _parse_edits(data.get("edits") or {}, path)


def read_written(root: Path) -> Learned | None:
    """What Korrektur last wrote to the learned file (None: no copy, or a damaged one)."""
    try:
        data = _read(root / WRITTEN)
        if data is None or not isinstance(data.get("written"), dict):
            return None
        return _parse(data["written"], root / WRITTEN)
    except CorpusError:
        return None


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = load(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path} cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise CorpusError(f"{path} is not a Korrektur learned file")
    return data


def _parse(data: Mapping[str, Any], path: Path) -> Learned:
    try:
        words = {str(w): int(n) for w, n in (data.get("words") or {}).items() if int(n) > 0}
        pairs = [_pair(item) for item in data.get("pairs") or []]
        points = [_point(item) for item in data.get("calibration") or []]
        confusions = {
            str(section): {str(k): int(v) for k, v in (counts or {}).items()}
            for section, counts in (data.get("confusions") or {}).items()
            if section in SECTIONS
        }
        misprints = {
            str(w).lower(): int(n) for w, n in (data.get("misprints") or {}).items() if int(n) > 0
        }
        return Learned(
            int(data.get("documents") or 0),
            int(data.get("decisions") or 0),
            int(data.get("words_reviewed") or 0),
            words,
            sorted(pairs, key=lambda p: p.key),
            sorted(points, key=lambda p: p.engine),
            confusions,
            dict(sorted(misprints.items())),
            {k: n for k, n in _ranges(data).items() if n > 0},
        )
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise CorpusError(f"{path} is damaged ({exc}); fix it, or delete it to learn anew") from (
            None
        )


def _pair(item: Mapping[str, Any]) -> PairRecord:
    return PairRecord(
        str(item["original"]),
        str(item["replacement"]),
        int(item.get("accepted", 0)),
        int(item.get("rejected", 0)),
        int(item.get("checked", 0)),
        float(item.get("offset", 0.0)),
    )


def _ranges(data: Mapping[str, Any]) -> dict[str, int]:
    counts = {str(k): int(n) for k, n in (data.get(RANGES_KEY) or {}).items()}
    if any(key not in RANGES or count < 0 for key, count in counts.items()):
        raise ValueError(f"{RANGES_KEY} counts only {' and '.join(RANGES)}, none below 0")
    return {key: counts[key] for key in RANGES if key in counts}


def _point(item: Mapping[str, Any]) -> Point:
    engine, corpus = float(item["engine"]), float(item["corpus"])
    if not (0.0 <= engine <= 1.0 and 0.0 <= corpus <= 1.0):
        raise ValueError(f"calibration point {engine} → {corpus} outside 0..1")
    return Point(engine, corpus, int(item.get("decisions", 0)))


def _parse_edits(data: Mapping[str, Any], path: Path) -> Edits:
    try:
        edits = Edits()
        edits.words = {str(w): int(n) for w, n in (data.get("words") or {}).items()}
        for item in data.get("pairs") or []:
            key = (str(item["original"]), str(item["replacement"]))
            edits.pairs[key] = None if item.get("forget") else _pair(item)
        if "calibration" in data:
            edits.calibration = [_point(item) for item in data.get("calibration") or []]
        edits.confusions = {
            str(section): {str(k): int(v) for k, v in (counts or {}).items()}
            for section, counts in (data.get("confusions") or {}).items()
        }
        edits.misprints = {str(w): int(n) for w, n in (data.get("misprints") or {}).items()}
        edits.ranges = _ranges(data)
        return edits
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise CorpusError(f"{path}: the edits are damaged ({exc})") from None
