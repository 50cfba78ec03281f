"""How the objects of a review travel between the window and its worker process.

Everything travels as a pickle (``channel`` streams it in frames), with a few rules that
keep a 300-page review cheap to send:

* A document travels as its text and what was read with it; the receiver makes its lines,
  pages and tokens again (quicker than unpickling 150,000 small objects, and a fifth of
  the bytes).
* A session travels as its document and suggestions, a review as its parts: no
  listeners, no caches.
* A reason travels as its text and shape, as a review file keeps it: the phrases are
  found again when a window shows it in another language.
* What the worker already holds is named, not sent. When the worker hands the window a
  review it keeps the review's document, proposals and versions under a token
  (``hold``); the window's requests then name those by token and id (``Held``). A
  suggestion named so travels as its *proposal*: its decision travels beside it, in the
  ``DecisionColumns`` of a snapshot. A snapshot's held suggestions travel as their ids, in one
  tuple of strings (pickled in C, where naming each suggestion took 40 ms of the window's
  interpreter lock for a 300-page review). The worker lets a review go when the window
  says so (``release``), and a new worker process holds nothing: the window sends
  everything again.
"""

from __future__ import annotations

import copyreg
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from korrektur.model import Document, ReviewSession, Suggestion
from korrektur.model.compose import Composition
from korrektur.model.geometry import ScanLayout
from korrektur.model.pages import PageSplitter
from korrektur.model.reason import Reason
from korrektur.model.view import TextView
from korrektur.store.history import History, Version
from korrektur.store.lock import Stamp
from korrektur.store.records import Unanchored
from korrektur.store.review import Review
from korrektur.store.reviewfile import Snapshot
from korrektur.store.tool import ToolInfo

PROTOCOL = 5

Reduced = tuple[Callable[..., object], tuple[Any, ...]]


# -- documents, sessions, reviews ----------------------------------------------------------------


def _document(
    text: str,
    name: str,
    path: Path | None,
    encoding: str,
    encoding_label: str,
    newline: str,
    sha256: str,
    size: int,
    splitter: PageSplitter,
    scan: ScanLayout | None,
    composition: Composition | None,
    replaced_lines: tuple[int, ...],
) -> Document:
    return Document(
        text,
        name=name,
        path=path,
        encoding=encoding,
        encoding_label=encoding_label,
        newline=newline,
        sha256=sha256,
        size=size,
        splitter=splitter,
        scan=scan,
        composition=composition,
        replaced_lines=replaced_lines,
    )


def reduce_document(document: Document) -> Reduced:
    """A document as its text and what was read with it (the layout is made again)."""
    return _document, (
        document.text,
        document.name,
        document.path,
        document.encoding,
        document.encoding_label,
        document.newline,
        document.sha256,
        document.size,
        document.splitter,
        document.scan,
        document.composition,
        document.replaced_lines,
    )


def _session(
    document: Document, suggestions: list[Suggestion], reviewer: str, view: TextView
) -> ReviewSession:
    return ReviewSession(document, suggestions, reviewer=reviewer, view=view)


def reduce_session(session: ReviewSession) -> Reduced:
    """A session as its document and suggestions (listeners and caches stay behind)."""
    return _session, (session.document, session.suggestions, session.reviewer, session.view)


@dataclass(frozen=True)
class ReviewParts:
    """What a ``Review`` is made of, as it travels.

    Attributes:
        session, versions, path, source_path, tool, retired, unanchored, source_trusted,
        disk_stamp, notes: as in ``Review``.
        dirty: the review has work no saved version holds.
    """

    session: ReviewSession
    versions: tuple[Version, ...]
    path: Path | None
    source_path: Path | None
    tool: ToolInfo
    retired: tuple[Suggestion, ...]
    unanchored: tuple[Unanchored, ...]
    source_trusted: bool
    disk_stamp: Stamp | None
    notes: tuple[str, ...]
    dirty: bool

    @classmethod
    def of(cls, review: Review) -> ReviewParts:
        """The parts of ``review`` as it stands."""
        return cls(
            review.session,
            tuple(review.history.versions),
            review.path,
            review.source_path,
            review.tool,
            tuple(review.retired()),
            tuple(review.unanchored),
            review.source_trusted,
            review.disk_stamp,
            tuple(review.notes),
            review.dirty,
        )

    def review(self) -> Review:
        """The review made again from its parts."""
        review = Review(
            self.session,
            History(self.versions),
            path=self.path,
            source_path=self.source_path,
            tool=self.tool,
            retired=self.retired,
            unanchored=self.unanchored,
            source_trusted=self.source_trusted,
        )
        review.disk_stamp = self.disk_stamp
        review.notes.extend(self.notes)
        if self.dirty:
            review.mark_unsaved()
        return review


def _review(parts: ReviewParts) -> Review:
    return parts.review()


def reduce_review(review: Review) -> Reduced:
    """A review as its parts."""
    return _review, (ReviewParts.of(review),)


def reduce_reason(reason: Reason) -> Reduced:
    """A reason as its text and shape, as a review file keeps it.

    Its phrases are found again when they are asked for: a window shows a few of 45,000 in
    another language.
    """
    return Reason.stored, (str(reason), reason.shape)


# -- what the worker holds -------------------------------------------------------------------


@dataclass
class Holding:
    """A review's unchanging parts, kept by the worker under a token.

    Attributes:
        document: the review's document.
        proposals: every suggestion the review has known, by id (as proposals).
        versions: its saved versions, by number.
    """

    document: Document
    proposals: dict[str, Suggestion]
    versions: dict[int, Version] = field(default_factory=dict)


_HOLDINGS: dict[int, Holding] = {}
_next_token = 1


def hold(review: Review) -> int:
    """Keep the unchanging parts of ``review`` in this process; the token names them."""
    global _next_token
    token, _next_token = _next_token, _next_token + 1
    proposals = {s.id: s for s in review.session.suggestions}
    proposals.update((s.id, s) for s in review.retired())
    versions = {v.number: v for v in review.history.versions}
    _HOLDINGS[token] = Holding(review.session.document, proposals, versions)
    return token


def hold_version(token: int, version: Version) -> None:
    """``version`` (just saved) joins what the worker holds of review ``token``."""
    holding = _HOLDINGS.get(token)
    if holding is not None:
        holding.versions[version.number] = version


def release(token: int) -> None:
    """Let go of review ``token`` (the window closed it)."""
    _HOLDINGS.pop(token, None)


def holdings() -> int:
    """How many reviews this process holds (tests)."""
    return len(_HOLDINGS)


class NotHeld(LookupError):
    """A request named something this process does not hold (a worker started since)."""


def _holding(token: int) -> Holding:
    try:
        return _HOLDINGS[token]
    except KeyError:
        raise NotHeld(f"review {token} is not held here") from None


def _held_document(token: int) -> Document:
    return _holding(token).document


def _held_proposal(token: int, suggestion_id: str) -> Suggestion:
    try:
        return _holding(token).proposals[suggestion_id]
    except KeyError:
        raise NotHeld(f"suggestion {suggestion_id} of review {token} is not held") from None


def _held_snapshot(token: int, named: tuple[str | Suggestion, ...], rest: Snapshot) -> Snapshot:
    """``rest`` with its suggestions: held ones named by id, the others as they came."""
    proposals = _holding(token).proposals
    try:
        suggestions = tuple([proposals[s] if isinstance(s, str) else s for s in named])
    except KeyError as exc:
        raise NotHeld(f"suggestion {exc.args[0]} of review {token} is not held") from None
    return replace(rest, suggestions=suggestions)


def _held_version(token: int, number: int) -> Version:
    try:
        return _holding(token).versions[number]
    except KeyError:
        raise NotHeld(f"version {number} of review {token} is not held") from None


@dataclass
class Held:
    """The window's note of what the worker holds of the open review.

    Attributes:
        token: the worker's name for it.
        generation: the worker process it lives in (a restarted worker holds nothing).
        document: the document it holds.
        ids: the suggestions it holds (as proposals).
        versions: the versions it holds, by number.
    """

    token: int
    generation: int
    document: Document
    ids: frozenset[str]
    versions: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, token: int, generation: int, review: Review) -> Held:
        """What ``hold(review)`` kept, as the window notes it."""
        ids = frozenset(review.session.ids) | {s.id for s in review.retired()}
        versions = {v.number for v in review.history.versions}
        return cls(token, generation, review.session.document, ids, versions)


# -- picklers ------------------------------------------------------------------------------------


def _table(held: Held | None) -> dict[type, Callable[[Any], Any]]:
    table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
    table[Reason] = reduce_reason
    table[ReviewSession] = reduce_session
    table[Review] = reduce_review
    if held is None:
        table[Document] = reduce_document
        return table
    document, token, ids, versions = held.document, held.token, held.ids, held.versions

    def reduce_held_document(value: Document) -> Reduced:
        if value is document:
            return _held_document, (token,)
        return reduce_document(value)

    def reduce_suggestion(value: Suggestion) -> Reduced:
        if value.id in ids:
            return _held_proposal, (token, value.id)
        return value.__reduce_ex__(PROTOCOL)  # type: ignore[return-value]

    def reduce_version(value: Version) -> Reduced:
        if value.number in versions:
            return _held_version, (token, value.number)
        return value.__reduce_ex__(PROTOCOL)  # type: ignore[return-value]

    def reduce_snapshot(value: Snapshot) -> Reduced:
        if value.document is not document or not value.suggestions:  # (``rest`` below)
            return value.__reduce_ex__(PROTOCOL)  # type: ignore[return-value]
        named = tuple([s.id if s.id in ids else s for s in value.suggestions])
        return _held_snapshot, (token, named, replace(value, suggestions=()))

    table[Document] = reduce_held_document
    table[Suggestion] = reduce_suggestion
    table[Snapshot] = reduce_snapshot
    table[Version] = reduce_version
    return table


def about(value: object) -> Document | None:
    """The document a request is about: its own, its snapshot's, or its save's snapshot's."""
    for name in ("request", "snap", "document"):
        inner = getattr(value, name, None)
        if isinstance(inner, Document):
            return inner
        if inner is not None and name != "document":
            return about(inner)
    return value if isinstance(value, Document) else None


def dump(value: object, file: BinaryIO, held: Held | None = None) -> None:
    """Pickle ``value`` to ``file`` by the rules above (``held``: what the other side holds).

    What is held is named only in a request about the held review's own document: a
    request about another review (an autosave of the review just closed) goes in full.
    """
    if held is not None and about(value) is not held.document:
        held = None
    pickler = pickle.Pickler(file, protocol=PROTOCOL)
    pickler.dispatch_table = _table(held)
    pickler.dump(value)


def dumps(value: object, held: Held | None = None) -> bytes:
    """``dump`` to bytes."""
    buffer = io.BytesIO()
    dump(value, buffer, held)
    return buffer.getvalue()


def load(file: BinaryIO) -> Any:
    """Unpickle one value from ``file``."""
    return pickle.Unpickler(file).load()


def loads(data: bytes) -> Any:
    """``load`` from bytes."""
    return load(io.BytesIO(data))
