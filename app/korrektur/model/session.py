"""A review in progress: a document, its suggestions, and the decisions taken."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, KeysView, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from korrektur.model.document import Document
from korrektur.model.offsets import OffsetMap
from korrektur.model.reason import Reason, phrase
from korrektur.model.structure import ReadingStructure, structure_of
from korrektur.model.suggestion import (
    Decision,
    Kind,
    Status,
    Suggestion,
    check_no_overlap,
    count_statuses,
)
from korrektur.model.view import TextView


@dataclass(frozen=True)
class ManualEdit:
    """A reviewer's own edit: one manual suggestion replacing the ones it absorbed."""

    added: Suggestion
    removed: tuple[Suggestion, ...]
    removed_decisions: Mapping[str, Decision]


@dataclass(frozen=True)
class Change:
    """What changed, for listeners: decisions on ``ids``; ``structural`` if the list changed."""

    ids: tuple[str, ...]
    structural: bool = False


Listener = Callable[[Change], None]


def _span_key(suggestion: Suggestion) -> tuple[int, int]:
    return suggestion.start, suggestion.end


# Above this many changed suggestions a full rebuild of the corrected text is cheaper.
_INCREMENTAL_LIMIT = 64

_DECISION_FIELDS = ("status", "edited_text", "decided_by", "decided_at")  # Decision's fields

_Columns = tuple[
    tuple[Status, ...], tuple[str | None, ...], tuple[str | None, ...], tuple[str | None, ...]
]


def now_iso() -> str:
    """The current time, UTC, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def apply_texts(raw: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Replace sorted, non-overlapping ``(start, end, text)`` spans of ``raw``."""
    parts: list[str] = []
    position = 0
    for start, end, text in spans:
        parts.append(raw[position:start])
        parts.append(text)
        position = end
    parts.append(raw[position:])
    return "".join(parts)


@dataclass
class ReviewSession:
    """A document under review with its suggestions.

    All decisions go through this class so that the corrected text, the offset maps and any
    listeners (a Qt model, the autosaver) stay consistent.

    Attributes:
        document: the raw document.
        suggestions: sorted by start, never overlapping.
        reviewer: name recorded in decisions.
        view: what ``corrected_text`` shows for undecided suggestions and removed lines
            (a setting of the reader's, not of the work: see ``show``).
        structure: the reading structure the analysis found (None: not analysed for it);
            taken from ``suggestions`` when they are an analysis' ``Suggestions``. Its spans
            are in the raw text, so no decision changes it (exports apply the decisions).
    """

    document: Document
    suggestions: list[Suggestion] = field(default_factory=list)
    reviewer: str = ""
    view: TextView = field(default_factory=TextView)
    structure: ReadingStructure | None = None
    _by_id: dict[str, Suggestion] = field(init=False, repr=False)
    _listeners: list[Listener] = field(init=False, repr=False, default_factory=list)
    _cache: tuple[str, OffsetMap] | None = field(init=False, repr=False, default=None)
    _columns: list[list[Any]] | None = field(init=False, repr=False, default=None)
    _next_manual: int = field(init=False, repr=False, default=1)

    def __post_init__(self) -> None:
        if self.structure is None:
            self.structure = structure_of(self.suggestions)
        self.suggestions = sorted(self.suggestions, key=lambda s: (s.start, s.end))
        check_no_overlap(self.suggestions)
        text = self.document.text
        for suggestion in self.suggestions:
            if text[suggestion.start : suggestion.end] != suggestion.original:
                raise ValueError(f"suggestion {suggestion.id} does not match the document text")
        self._by_id = {s.id: s for s in self.suggestions}
        if len(self._by_id) != len(self.suggestions):
            raise ValueError("suggestion ids are not unique")
        manual_numbers = [
            int(s.id[1:]) for s in self.suggestions if s.id.startswith("m") and s.id[1:].isdigit()
        ]
        self._next_manual = max(manual_numbers, default=0) + 1

    def reserve_ids(self, ids: Iterable[str]) -> None:
        """Never hand out ``ids`` to new manual edits.

        A saved review keeps manual suggestions that are no longer in the session (an edit
        that was undone, but is part of an earlier version); a new edit must not reuse their
        ids.
        """
        numbers = [int(i[1:]) for i in ids if i.startswith("m") and i[1:].isdigit()]
        self._next_manual = max([self._next_manual - 1, *numbers]) + 1

    # -- listeners -------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener`` after every change."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        self._listeners.remove(listener)

    def _changed(
        self, change: Change, edits: Sequence[tuple[Suggestion, str]] | None = None
    ) -> None:
        """Update the cached text, then tell listeners.

        ``edits`` lists ``(suggestion, text it showed before)`` for decision changes; with it
        the cache is patched in place instead of rebuilt (an accept usually changes nothing).
        An empty ``edits`` means the caller has brought the cache up to date itself.
        """
        if edits is None or len(edits) > _INCREMENTAL_LIMIT:
            self._cache = None
        elif edits:
            self._patch_cache(edits)
        for listener in list(self._listeners):
            listener(change)

    def _patch_cache(self, edits: Sequence[tuple[Suggestion, str]]) -> None:
        if self._cache is None:
            return
        text, offsets = self._cache
        for suggestion, old in edits:
            new = self.shown_text(suggestion)
            if new == old:
                continue
            index = self.index_of(suggestion)
            start, end = offsets.corrected_span(index)
            text = text[:start] + new + text[end:]
            offsets = offsets.resized(index, len(new))
        self._cache = (text, offsets)

    # -- lookup ----------------------------------------------------------------------------

    def get(self, suggestion_id: str) -> Suggestion:
        """The suggestion with ``suggestion_id`` (KeyError if none)."""
        return self._by_id[suggestion_id]

    @property
    def ids(self) -> KeysView[str]:
        """The ids of the suggestions, as a live set-like view (set operations run in C)."""
        return self._by_id.keys()

    def index_of(self, suggestion: Suggestion) -> int:
        """Position of ``suggestion`` in the sorted list."""
        index = bisect.bisect_left(
            self.suggestions, (suggestion.start, suggestion.end), key=lambda s: (s.start, s.end)
        )
        if index < len(self.suggestions) and self.suggestions[index] is suggestion:
            return index
        raise ValueError(f"{suggestion.id} is not in this session")

    def counts(self) -> dict[Status, int]:
        """How many suggestions have each status (counted in C on the kept column)."""
        return count_statuses(self._decision_lists()[0])

    # -- the decisions as columns ----------------------------------------------------------

    def decision_columns(self) -> _Columns:
        """The decisions of the suggestions as they stand, field by field, in list order.

        Statuses, edited texts, who decided and when: four tuples (copies).

        The columns are kept up to date as decisions are made, so taking them for a save
        or an export is four copies in C (a Python pass over 45,000 suggestions took the
        window's GUI thread 11 ms on every save, export and comparison).
        """
        statuses, texts, by, at = self._decision_lists()
        return tuple(statuses), tuple(texts), tuple(by), tuple(at)

    def _decision_lists(self) -> list[list[Any]]:
        if self._columns is None:
            self._columns = [
                list(map(attrgetter(name), self.suggestions)) for name in _DECISION_FIELDS
            ]
        return self._columns

    def _note_decisions(self, changed: Sequence[Suggestion]) -> None:
        """Bring the kept columns up to date for ``changed`` (their decisions changed).

        A few are patched where they stand; many (a bulk decision) make the columns again,
        which costs no more than finding each one's place.
        """
        columns = self._columns
        if columns is None:
            return
        if len(changed) > _INCREMENTAL_LIMIT:
            self._columns = None
            self._decision_lists()
            return
        for suggestion in changed:
            index = self.index_of(suggestion)
            for column, name in zip(columns, _DECISION_FIELDS, strict=True):
                column[index] = getattr(suggestion, name)

    def next_pending(self, after: int = -1, backwards: bool = False) -> int | None:
        """Index of the next (or previous) pending suggestion from list index ``after``."""
        order: Sequence[int] = (
            range(after - 1, -1, -1) if backwards else range(after + 1, len(self.suggestions))
        )
        for index in order:
            if self.suggestions[index].status is Status.PENDING:
                return index
        return None

    # -- decisions -------------------------------------------------------------------------

    def decide(
        self,
        ids: Iterable[str],
        status: Status,
        text: str | None = None,
        by: str | None = None,
    ) -> dict[str, Decision]:
        """Set the status of suggestions; returns their previous decisions by id, for undo.

        ``text`` is the reviewer's text for ``edited`` (it may equal an alternative).
        """
        if status is Status.EDITED and text is None:
            raise ValueError("an edited decision needs the reviewer's text")
        targets = [self._by_id[i] for i in ids]
        before = {s.id: Decision.of(s) for s in targets}
        shown = [self.shown_text(s) for s in targets]
        stamp = None if status is Status.PENDING else now_iso()
        reviewer = None if status is Status.PENDING else (by or self.reviewer or None)
        for suggestion in targets:
            suggestion.status = status
            suggestion.edited_text = text if status is Status.EDITED else None
            suggestion.decided_by = reviewer
            suggestion.decided_at = stamp
        self._note_decisions(targets)
        if targets:
            self._changed(
                Change(tuple(s.id for s in targets)), list(zip(targets, shown, strict=True))
            )
        return before

    def accept(self, *ids: str) -> dict[str, Decision]:
        """Accept the engine's replacement."""
        return self.decide(ids, Status.ACCEPTED)

    def reject(self, *ids: str) -> dict[str, Decision]:
        """Keep the raw text."""
        return self.decide(ids, Status.REJECTED)

    def edit(self, suggestion_id: str, text: str) -> dict[str, Decision]:
        """Use the reviewer's own text (or a chosen alternative).

        Text equal to the replacement is an acceptance, and text equal to the original a
        rejection: an export must not count keeping the OCR text as an edit.
        """
        suggestion = self._by_id[suggestion_id]
        if text == suggestion.replacement:
            return self.decide([suggestion_id], Status.ACCEPTED)
        if text == suggestion.original:
            return self.decide([suggestion_id], Status.REJECTED)
        return self.decide([suggestion_id], Status.EDITED, text)

    def choose_alternative(self, suggestion_id: str, number: int) -> dict[str, Decision]:
        """Pick alternative ``number`` (1-based) of a suggestion."""
        suggestion = self._by_id[suggestion_id]
        if not 1 <= number <= len(suggestion.alternatives):
            raise IndexError(f"{suggestion_id} has no alternative {number}")
        return self.edit(suggestion_id, suggestion.alternatives[number - 1])

    def restore(self, decisions: Mapping[str, Decision]) -> None:
        """Put back decisions by suggestion id, as ``decide`` returned them (undo)."""
        changed = []
        edits: list[tuple[Suggestion, str]] = []
        restored = []
        for suggestion_id, decision in decisions.items():
            suggestion = self._by_id[suggestion_id]
            edits.append((suggestion, self.shown_text(suggestion)))
            suggestion.status = decision.status
            suggestion.edited_text = decision.edited_text
            suggestion.decided_by = decision.decided_by
            suggestion.decided_at = decision.decided_at
            changed.append(suggestion_id)
            restored.append(suggestion)
        self._note_decisions(restored)
        if changed:
            self._changed(Change(tuple(changed)), edits)

    def same_correction(self, suggestion_id: str) -> list[str]:
        """Ids of pending suggestions with the same original and replacement (incl. this one)."""
        model = self._by_id[suggestion_id]
        return [
            s.id
            for s in self.suggestions
            if s.original == model.original
            and s.replacement == model.replacement
            and (s is model or s.status is Status.PENDING)
        ]

    # -- text and offsets ------------------------------------------------------------------

    def shown_text(self, suggestion: Suggestion) -> str:
        """What ``suggestion`` puts in ``corrected_text`` (depends on ``view``)."""
        return self.view.text_of(suggestion)

    def _texts(self, view: TextView) -> list[str]:
        if not view.ghosts:  # the common case, without a Python call per suggestion
            getter = attrgetter("current_text" if view.proposals else "decided_text")
            return list(map(getter, self.suggestions))
        return list(map(view.text_of, self.suggestions))

    def text_with(self, view: TextView) -> str:
        """The corrected text as ``view`` shows it (nothing changes)."""
        spans = zip(self.suggestions, self._texts(view), strict=True)
        return apply_texts(self.document.text, ((s.start, s.end, t) for s, t in spans))

    def show(self, view: TextView) -> None:
        """Show ``corrected_text`` as ``view`` says.

        Listeners are not told: no decision changed (a review must not count it as work);
        whoever shows the text shows it anew.
        """
        if view != self.view:
            self.view = view
            self._cache = None

    def _build(self) -> tuple[str, OffsetMap]:
        if self._cache is None:
            texts = self._texts(self.view)
            spans = [(s.start, s.end, t) for s, t in zip(self.suggestions, texts, strict=True)]
            self._cache = (
                apply_texts(self.document.text, spans),
                OffsetMap([(s, e, len(t)) for s, e, t in spans]),
            )
        return self._cache

    def corrected_text(self) -> str:
        """The text as it stands: decisions applied, pending ones proposed (or kept raw)."""
        return self._build()[0]

    def decided_text(self) -> str:
        """Only decisions applied: pending suggestions keep the raw text."""
        return apply_texts(
            self.document.text, ((s.start, s.end, s.decided_text) for s in self.suggestions)
        )

    def render(
        self,
        kinds: Iterable[Kind] | None = None,
        min_confidence: float = 0.0,
    ) -> str:
        """The engine's text: every suggestion of ``kinds`` at or above the confidence applied.

        Decisions are ignored here; this is what ``korrektur apply`` writes.
        """
        allowed = None if kinds is None else frozenset(kinds)
        return apply_texts(
            self.document.text,
            (
                (s.start, s.end, s.replacement)
                for s in self.suggestions
                if s.confidence >= min_confidence and (allowed is None or s.kinds <= allowed)
            ),
        )

    @property
    def offsets(self) -> OffsetMap:
        """Offset map between the raw and the corrected text (as ``corrected_text``)."""
        return self._build()[1]

    def corrected_span(self, suggestion: Suggestion) -> tuple[int, int]:
        """Where ``suggestion`` stands in the corrected text."""
        return self.offsets.corrected_span(self.index_of(suggestion))

    def raw_to_corrected(self, pos: int) -> int:
        """Corrected offset of raw offset ``pos``."""
        return self.offsets.to_corrected(pos)

    def corrected_to_raw(self, pos: int) -> int:
        """Raw offset of corrected offset ``pos``."""
        return self.offsets.to_raw(pos)

    def suggestion_at_raw(self, pos: int) -> Suggestion | None:
        """The suggestion whose raw span holds ``pos``."""
        index = self.offsets.index_at_raw(pos)
        return None if index is None else self.suggestions[index]

    def suggestion_at_corrected(self, pos: int) -> Suggestion | None:
        """The suggestion whose corrected span holds ``pos``."""
        index = self.offsets.index_at_corrected(pos)
        return None if index is None else self.suggestions[index]

    # -- manual edits ----------------------------------------------------------------------

    def apply_manual_edit(self, start: int, end: int, text: str) -> ManualEdit:
        """The reviewer replaced corrected ``[start, end)`` with ``text``.

        The edit becomes one ``manual`` suggestion on the raw span it covers. Suggestions it
        overlaps, and manual ones it touches, are absorbed into it (kept in the returned
        record so that ``undo_manual_edit`` can restore them).
        """
        corrected, offsets = self._build()
        if not 0 <= start <= end <= len(corrected):
            raise ValueError(f"edit range {start}..{end} outside the text")
        absorbed: list[int] = []
        # Only suggestions whose corrected span reaches [start, end] can be absorbed; the
        # spans are sorted and disjoint, so their ends are sorted too.
        index = bisect.bisect_left(offsets.cor_ends, start)
        while index < len(self.suggestions) and offsets.cor_starts[index] <= end:
            c_start, c_end = offsets.corrected_span(index)
            overlapping = c_start < end and start < c_end
            inside = c_start < start < c_end
            manual = Kind.MANUAL in self.suggestions[index].kinds
            touching = c_start <= end and start <= c_end and manual
            if overlapping or inside or touching:
                absorbed.append(index)
            index += 1
        cor_start, cor_end = start, end
        raw_start, raw_end = offsets.to_raw(start), offsets.to_raw(end)
        # A deletion right after the edit (a removed page header: nothing of it shows) stays
        # out of it; ``to_raw`` would put the end after the deleted text.
        after = bisect.bisect_left(offsets.cor_starts, end)
        if after < len(self.suggestions) and offsets.cor_starts[after] == end:
            before = min(raw_end, offsets.raw_starts[after])
            if start < end:
                raw_end = max(raw_start, before)
            elif absorbed and self.suggestions[absorbed[-1]].end <= before:
                raw_start = raw_end = before  # typing on at the end of an edit before it
        if absorbed:
            first, last = absorbed[0], absorbed[-1]
            cor_start = min(cor_start, offsets.cor_starts[first])
            cor_end = max(cor_end, offsets.cor_ends[last])
            raw_start = min(raw_start, self.suggestions[first].start)
            raw_end = max(raw_end, self.suggestions[last].end)
            # Deletions that show nothing in the corrected text can lie between the raw
            # text edited and a manual edit taken in: the edit takes them in too.
            index = bisect.bisect_right(offsets.raw_ends, raw_start)
            while index < len(self.suggestions) and offsets.raw_starts[index] < raw_end:
                if index not in absorbed:
                    absorbed.append(index)
                index += 1
            absorbed.sort()
        new_text = corrected[cor_start:start] + text + corrected[end:cor_end]
        removed = tuple(self.suggestions[i] for i in absorbed)
        note = ",".join(s.id for s in removed)
        added = Suggestion(
            id=f"m{self._next_manual}",
            start=raw_start,
            end=raw_end,
            original=self.document.text[raw_start:raw_end],
            replacement=new_text,
            kinds=frozenset({Kind.MANUAL}),
            confidence=1.0,
            reason=Reason(phrase("manual")),
            status=Status.ACCEPTED,
            decided_by=self.reviewer or None,
            decided_at=now_iso(),
            meta={"supersedes": note} if note else {},
        )
        self._next_manual += 1
        edit = ManualEdit(added, removed, {s.id: Decision.of(s) for s in removed})
        self._swap(removed, (added,))
        return edit

    def undo_manual_edit(self, edit: ManualEdit) -> None:
        """Take back a manual edit, restoring what it absorbed."""
        self._swap((edit.added,), edit.removed)
        self.restore(edit.removed_decisions)

    def redo_manual_edit(self, edit: ManualEdit) -> None:
        """Apply a manual edit again after undo."""
        self._swap(edit.removed, (edit.added,))

    def _swap(self, remove: Sequence[Suggestion], add: Sequence[Suggestion]) -> None:
        """Replace ``remove`` by ``add`` in the list, patching the text cache when local."""
        spliced = self._splice(remove, add)
        if spliced is None:  # not a local change: sort and check everything
            gone = {id(s) for s in remove}
            kept = [s for s in self.suggestions if id(s) not in gone]
            merged = sorted([*kept, *add], key=lambda s: (s.start, s.end))
            check_no_overlap(merged)
            self.suggestions = merged
            self._cache = None
            self._columns = None
        for suggestion in remove:
            self._by_id.pop(suggestion.id, None)
        for suggestion in add:
            self._by_id[suggestion.id] = suggestion
        self._changed(Change(tuple(s.id for s in (*remove, *add)), structural=True), edits=())

    def _splice(self, remove: Sequence[Suggestion], add: Sequence[Suggestion]) -> bool | None:
        """Swap contiguous ``remove`` for ``add`` in place; None when that is not possible.

        A manual edit, its undo and its redo always replace neighbouring suggestions, so
        the list, the corrected text and the offset map change only locally; patching them
        keeps typing fast in long documents.
        """
        if not remove and not add:
            return None
        key = _span_key
        if remove:
            low = self.index_of(remove[0])
            high = low + len(remove)
            if any(self.suggestions[low + k] is not s for k, s in enumerate(remove)):
                return None
        else:
            low = high = bisect.bisect_left(self.suggestions, key(add[0]), key=key)
        added = sorted(add, key=key)
        window = [
            *self.suggestions[max(0, low - 1) : low],
            *added,
            *self.suggestions[high : high + 1],
        ]
        if any(key(a) > key(b) for a, b in zip(window, window[1:], strict=False)):
            return None
        check_no_overlap(window)
        if self._cache is not None:
            self._cache = self._patched(low, high, remove, added)
        if self._columns is not None:
            for column, name in zip(self._columns, _DECISION_FIELDS, strict=True):
                column[low:high] = [getattr(s, name) for s in added]
        self.suggestions = [*self.suggestions[:low], *added, *self.suggestions[high:]]
        return True

    def _patched(
        self, low: int, high: int, remove: Sequence[Suggestion], added: Sequence[Suggestion]
    ) -> tuple[str, OffsetMap]:
        """The text cache after suggestions ``[low, high)`` became ``added``."""
        assert self._cache is not None
        text, offsets = self._cache
        raw = self.document.text
        region = [*remove, *added]
        raw_start = min(s.start for s in region)
        raw_end = max(s.end for s in region)
        # Between suggestions the corrected text is the raw text, so the region's corrected
        # bounds follow from the neighbours that stay.
        if low > 0:
            cor_start = offsets.cor_ends[low - 1] + raw_start - offsets.raw_ends[low - 1]
        else:
            cor_start = raw_start
        if high < len(offsets.raw_starts):
            cor_end = offsets.cor_starts[high] - (offsets.raw_starts[high] - raw_end)
        else:
            cor_end = len(text) - (len(raw) - raw_end)
        entries = []
        parts = []
        position, cursor = raw_start, cor_start
        for suggestion in added:
            current = self.shown_text(suggestion)
            parts.append(raw[position : suggestion.start])
            cursor += suggestion.start - position
            entries.append((suggestion.start, suggestion.end, cursor, cursor + len(current)))
            parts.append(current)
            cursor += len(current)
            position = suggestion.end
        parts.append(raw[position:raw_end])
        segment = "".join(parts)
        delta = len(segment) - (cor_end - cor_start)
        return (
            text[:cor_start] + segment + text[cor_end:],
            offsets.spliced(low, high, entries, delta),
        )
