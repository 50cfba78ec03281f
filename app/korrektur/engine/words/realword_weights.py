"""The file format of the real-word model's weights (``lexicon/realword.bin``), both ways.

One zlib-compressed file: a JSON header line (format version, how the weights were made, and
per confusion set its members, biases and where its features are), then per set its feature
names (one per line) and their weights as signed bytes, ``classes`` per feature in steps of
``scale``. A set's features are decoded only when the set is first used, into a dict from
feature name to its weight per class: a few milliseconds for the largest set.
"""

from __future__ import annotations

import array
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
_LIMIT = 127


class WeightsError(ValueError):
    """The weights file is missing, damaged or of another format version."""


@dataclass(frozen=True)
class SetWeights:
    """The trained weights of one confusion set, as the training script hands them over.

    Attributes:
        key: the printed form the set answers: a fold key (``har``) or, for a set made by
            OCR rewrites, the printed form itself (``1``, ``dr``).
        kind: ``fold`` or ``ocr``.
        members: the words of the set (lower case; a number such as ``1`` as written).
        bias: one intercept per member (log scale), the corpus prior included.
        weights: feature name → one weight per member.
        counts: how often each member occurred in the training text.
    """

    key: str
    kind: str
    members: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, Sequence[float]]
    counts: tuple[int, ...]


@dataclass
class StoredSet:
    """One confusion set as loaded: its features are indexed on first use (``decode``).

    Decoded, ``index`` maps a feature name to the place of its first weight in ``steps``
    (the stored signed bytes, one per member per feature); the weight of member ``i`` is
    ``steps[place + i] * scale``.
    """

    key: str
    kind: str
    members: tuple[str, ...]
    bias: tuple[float, ...]
    counts: tuple[int, ...]
    scale: float
    names: bytes = field(repr=False)
    values: bytes = field(repr=False)
    index: dict[str, int] | None = field(default=None, repr=False)
    steps: array.array[int] = field(default_factory=lambda: array.array("b"), repr=False)

    def decode(self) -> dict[str, int]:
        """Feature name → place of its weights in ``steps`` (made once; the names let go)."""
        if self.index is None:
            text = self.names.decode("utf-8")
            names = text.split("\n") if text else []
            self.steps = array.array("b")
            self.steps.frombytes(self.values)
            k = len(self.members)
            self.index = dict(zip(names, range(0, len(names) * k, k), strict=True))
            self.names = self.values = b""
        return self.index

    def row(self, name: str) -> tuple[float, ...] | None:
        """The weights of feature ``name``, one per member (None: not a feature of the set)."""
        place = self.decode().get(name)
        if place is None:
            return None
        steps, scale = self.steps, self.scale
        return tuple(steps[place + i] * scale for i in range(len(self.members)))


def write(path: Path, sets: Iterable[SetWeights], meta: Mapping[str, Any]) -> int:
    """Write ``sets`` to ``path`` (quantised to bytes); returns the file size in bytes."""
    header: list[dict[str, Any]] = []
    body = bytearray()
    for entry in sets:
        names = sorted(entry.weights)
        k = len(entry.members)
        largest = max((abs(w) for row in entry.weights.values() for w in row), default=1.0)
        scale = max(largest, 1e-6) / _LIMIT
        values = array.array(
            "b",
            (
                max(-_LIMIT, min(_LIMIT, round(entry.weights[name][i] / scale)))
                for name in names
                for i in range(k)
            ),
        )
        encoded = "\n".join(names).encode("utf-8")
        header.append(
            {
                "key": entry.key,
                "kind": entry.kind,
                "members": list(entry.members),
                "bias": [round(b, 4) for b in entry.bias],
                "counts": list(entry.counts),
                "scale": scale,
                "names": [len(body), len(encoded)],
                "values": [len(body) + len(encoded), len(values)],
            }
        )
        body += encoded
        body += values.tobytes()
    head = json.dumps({"format": FORMAT, "meta": dict(meta), "sets": header}, ensure_ascii=False)
    blob = zlib.compress(head.encode("utf-8") + b"\n" + bytes(body), 9)
    path.write_bytes(blob)
    return len(blob)


def read(path: Path) -> tuple[dict[str, Any], list[StoredSet]]:
    """The metadata and the sets stored in ``path`` (features not yet decoded).

    Raises:
        WeightsError: the file is missing, damaged or of another format.
    """
    try:
        data = zlib.decompress(path.read_bytes())
        newline = data.index(b"\n")
        head = json.loads(data[:newline])
    except (OSError, zlib.error, ValueError) as exc:
        raise WeightsError(f"cannot read the real-word weights {path}: {exc}") from exc
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        found = head.get("format") if isinstance(head, dict) else None
        raise WeightsError(f"{path} has format {found!r}; this Korrektur reads format {FORMAT}")
    body = memoryview(data)[newline + 1 :]
    sets = []
    for entry in head["sets"]:
        (n_at, n_len), (v_at, v_len) = entry["names"], entry["values"]
        sets.append(
            StoredSet(
                key=entry["key"],
                kind=entry["kind"],
                members=tuple(entry["members"]),
                bias=tuple(entry["bias"]),
                counts=tuple(entry["counts"]),
                scale=entry["scale"],
                names=bytes(body[n_at : n_at + n_len]),
                values=bytes(body[v_at : v_at + v_len]),
            )
        )
    return head["meta"], sets
