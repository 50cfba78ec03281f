"""Suggestions and decisions as review-file records, and back, with validation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from korrektur.model import Decision, Kind, Status, Suggestion
from korrektur.model.reason import reason_shape, restored
from korrektur.model.structure import ReadingStructure
from korrektur.store.validate import Fields, ReviewFileError, describe
from korrektur.store.yamlio import Flow, FlowMap, Name

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")
_NUMBERED = re.compile(r"([A-Za-z_\-]*[A-Za-z_])(\d+)")


_KINDS = {k.value: k for k in Kind}
_STATUSES = {s.value: s for s in Status}


def check_id(suggestion_id: str) -> str:
    """Ids are written unquoted and may form ranges, so they must look like ``s17``."""
    if not _ID.fullmatch(suggestion_id):
        raise ValueError(f"suggestion id {suggestion_id!r} cannot be saved (use letters, digits)")
    return suggestion_id


def suggestion_record(suggestion: Suggestion, decision: Decision | None = None) -> dict[str, Any]:
    """One suggestion, proposal and decision, in a fixed key order; empty fields left out.

    ``decision`` is the decision to write (default: the suggestion's own).
    """
    record: dict[str, Any] = {
        "id": Name(check_id(suggestion.id)),
        "start": suggestion.start,
        "end": suggestion.end,
        "original": suggestion.original,
        "replacement": suggestion.replacement,
        "kinds": Flow(Name(k.value) for k in Kind if k in suggestion.kinds),
        "confidence": suggestion.confidence,
        "reason": suggestion.reason,
    }
    shape = reason_shape(suggestion.reason)
    if shape:  # the reason's phrase keys, so it can be shown in the reviewer's language
        record["reason_keys"] = shape
    if suggestion.alternatives:
        record["alternatives"] = Flow(suggestion.alternatives)
    if suggestion.meta:
        record["meta"] = FlowMap(sorted(suggestion.meta.items()))
    record.update(decision_record(decision or Decision.of(suggestion)))
    return record


def decision_record(decision: Decision) -> dict[str, Any]:
    """The decision fields that are set."""
    record: dict[str, Any] = {"status": Name(decision.status.value)}
    if decision.edited_text is not None:
        record["edited_text"] = decision.edited_text
    if decision.decided_by is not None:
        record["decided_by"] = decision.decided_by
    if decision.decided_at is not None:
        record["decided_at"] = decision.decided_at
    return record


def read_decision(fields: Fields) -> Decision:
    """The decision fields of a record."""
    raw_status = fields.text("status")
    status = _STATUSES.get(raw_status)
    if status is None:
        choices = ", ".join(s.value for s in Status)
        raise fields.fail(f"unknown status {raw_status!r} (one of {choices})")
    edited = fields.optional_text("edited_text")
    if status is Status.EDITED and edited is None:
        raise fields.fail("an edited decision needs 'edited_text'")
    return Decision(
        status, edited, fields.optional_text("decided_by"), fields.optional_text("decided_at")
    )


def read_suggestion(
    fields: Fields, reasons: dict[tuple[str, str], str] | None = None
) -> Suggestion:
    """A suggestion from its record; its span is checked against the text by the caller.

    ``reasons`` shares one reason object among the suggestions of a file that give the same
    reason (a long review repeats a few thousand reasons tens of thousands of times).
    """
    suggestion_id = fields.text("id")
    if not _ID.fullmatch(suggestion_id):
        raise fields.fail(f"bad id {suggestion_id!r}")
    fields.where = f"{fields.where} (id {suggestion_id})"
    kinds = set()
    for raw_kind in fields.texts("kinds"):
        kind = _KINDS.get(raw_kind)
        if kind is None:
            choices = ", ".join(k.value for k in Kind)
            raise fields.fail(f"unknown kind {raw_kind!r} (one of {choices})")
        kinds.add(kind)
    meta_fields = fields.optional_mapping("meta")
    meta = {} if meta_fields is None else _string_map(meta_fields)
    decision = read_decision(fields)
    try:
        return Suggestion(
            id=suggestion_id,
            start=fields.integer("start"),
            end=fields.integer("end"),
            original=fields.text("original"),
            replacement=fields.text("replacement"),
            kinds=frozenset(kinds),
            confidence=fields.number("confidence"),
            reason=_reason(fields, reasons),
            alternatives=tuple(fields.texts("alternatives")),
            status=decision.status,
            edited_text=decision.edited_text,
            decided_by=decision.decided_by,
            decided_at=decision.decided_at,
            meta=meta,
        )
    except ValueError as exc:
        raise fields.fail(str(exc)) from None


def _reason(fields: Fields, reasons: dict[tuple[str, str], str] | None) -> str:
    text = fields.optional_text("reason") or ""
    data = fields.optional_text("reason_keys")
    if not data:
        return text
    if reasons is None:
        return restored(text, data)
    key = (text, data)
    found = reasons.get(key)
    if found is None:
        found = reasons[key] = restored(text, data)
    return found


def _string_map(fields: Fields) -> dict[str, str]:
    result = {}
    for key, value in fields.data.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise fields.fail(f"entries must be text: text, found {describe(value)}")
        result[key] = value
    return result


def compress_ids(ids: Iterable[str]) -> list[str]:
    """``s1 s2 s3 s5 m1`` → ``["s1..s3", "s5", "m1"]``: short and readable in a version."""
    result: list[str] = []
    run: tuple[str, int, int] | None = None

    def flush() -> None:
        if run is not None:
            prefix, first, last = run
            if first == last:
                result.append(f"{prefix}{first}")
            else:
                result.append(f"{prefix}{first}..{prefix}{last}")

    for suggestion_id in ids:
        match = _NUMBERED.fullmatch(suggestion_id)
        if match is None or match.group(2).startswith("0"):
            flush()
            run = None
            result.append(suggestion_id)
            continue
        prefix, number = match.group(1), int(match.group(2))
        if run is not None and run[0] == prefix and run[2] + 1 == number:
            run = (prefix, run[1], number)
            continue
        flush()
        run = (prefix, number, number)
    flush()
    return result


def expand_ids(items: Iterable[str], where: str, known: Mapping[str, str]) -> list[str]:
    """The inverse of ``compress_ids``, for ids the file has.

    ``known`` maps each id of the file to itself; an id or a range that names one it does
    not have is refused at the first such id, before the rest of the range is made (a range
    ``s1..s2000000000`` in a 200-byte file would otherwise fill the memory). The ids
    returned are ``known``'s own strings, so versions that repeat them cost no more.

    Raises:
        ReviewFileError: a malformed range, an unknown id, or an id listed twice.
    """
    result: list[str] = []
    seen: set[str] = set()

    def add(suggestion_id: str) -> None:
        found = known.get(suggestion_id)
        if found is None:
            raise ReviewFileError(
                f"{where}: refers to suggestion {suggestion_id}, which the file lacks"
            )
        if found in seen:
            raise ReviewFileError(f"{where}: lists suggestion {suggestion_id} twice")
        seen.add(found)
        result.append(found)

    for item in items:
        first, dots, last = item.partition("..")
        if not dots:
            add(item)
            continue
        a, b = _NUMBERED.fullmatch(first), _NUMBERED.fullmatch(last)
        if a is None or b is None or a.group(1) != b.group(1) or int(a.group(2)) > int(b.group(2)):
            raise ReviewFileError(f"{where}: bad id range {item!r}")
        for number in range(int(a.group(2)), int(b.group(2)) + 1):
            add(f"{a.group(1)}{number}")
    return result


@dataclass(frozen=True)
class Unanchored:
    """A suggestion that could not be found again after its source changed.

    Kept in the review file, with the text around it in the old source, so that no decision
    disappears without a trace.

    Attributes:
        suggestion: the suggestion with its span in the old source.
        before, after: up to 40 characters of the old source on either side.
        old_sha256: the hash of the source it was made for.
    """

    suggestion: Suggestion
    before: str
    after: str
    old_sha256: str

    def record(self) -> dict[str, Any]:
        """As written in the review file."""
        return {
            **suggestion_record(self.suggestion),
            "context_before": self.before,
            "context_after": self.after,
            "old_sha256": self.old_sha256,
        }

    @classmethod
    def read(cls, fields: Fields) -> Unanchored:
        """From a record of the review file."""
        suggestion = read_suggestion(fields)
        return cls(
            suggestion,
            fields.optional_text("context_before") or "",
            fields.optional_text("context_after") or "",
            fields.optional_text("old_sha256") or "",
        )

    def describe(self) -> str:
        """One line for people: what it was, where, and the decision."""
        s = self.suggestion
        return (
            f"{s.id}: {s.original!r} → {s.replacement!r} ({s.status.value}) "
            f"after …{self.before[-20:]!r}"
        )


def structure_record(structure: ReadingStructure) -> dict[str, Any]:
    """The reading structure: blocks and removed lines, each ``[kind, start, end]``."""
    return {
        "blocks": [Flow([Name(b.kind.value), b.start, b.end]) for b in structure.blocks],
        "removed": [Flow([Name(r.kind.value), r.start, r.end]) for r in structure.removed],
    }


def read_structure(fields: Fields, length: int) -> ReadingStructure:
    """The reading structure of a text of ``length`` characters from its record.

    Raises:
        ReviewFileError: a row is malformed or outside the text.
    """
    rows: dict[str, list[list[object]]] = {}
    for key in ("blocks", "removed"):
        rows[key] = []
        for where, item in fields.items(key):
            if not isinstance(item, list):
                raise ReviewFileError(f"{where}: expected [kind, start, end]")
            rows[key].append(item)
    try:
        return ReadingStructure.from_rows(rows["blocks"], rows["removed"], length)
    except ValueError as exc:
        raise fields.fail(str(exc)) from None
