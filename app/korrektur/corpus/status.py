"""``corpus status``: per document and for the corpus, how far the review has come.

The figures come from the index's document rows alone (one row per document, counts kept
there when a review is recorded), so that status answers at once however many suggestions
the corpus holds. ``report`` draws the same figures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from korrektur.corpus.estimate import remaining_errors
from korrektur.corpus.index import DocumentRow, State
from korrektur.corpus.opened import Corpus
from korrektur.corpus.rules import Rule
from korrektur.model import Status

STATUSES = [s.value for s in Status]


@dataclass
class DocumentStatus:
    """One document's figures.

    Attributes:
        name: the document.
        state: ``new``, ``analysed``, ``changed``, ``missing`` or ``bad``.
        problem: why it is bad, or what is wrong with its source.
        stale: analysed by another Korrektur or lexicon (the next analysis adds suggestions).
        pages, words: of the source.
        suggestions: by status.
        kinds: suggestions by kind and status.
        decided: share of the suggestions decided (1.0 when there are none).
        reviewers: who decided something or saved a version.
        versions: versions of the review.
        unanchored: decisions lost when the source changed.
        remaining_errors: the expected number of word errors still in the text.
    """

    name: str
    state: str
    problem: str
    stale: bool
    pages: int
    words: int
    suggestions: dict[str, int]
    kinds: dict[str, dict[str, int]]
    decided: float
    reviewers: list[str]
    versions: int
    unanchored: int
    remaining_errors: float | None

    @classmethod
    def of(cls, row: DocumentRow, engine: str) -> DocumentStatus:
        """The figures of an index row."""
        by_status: Counter[str] = Counter()
        for counts in row.counts.values():
            by_status.update(counts)
        total = sum(by_status.values())
        pending = by_status.get(Status.PENDING.value, 0)
        analysed = row.has_review
        return cls(
            name=row.name,
            state=row.state.value,
            problem=row.problem,
            stale=analysed and bool(engine) and row.engine != engine,
            pages=row.pages,
            words=row.words,
            suggestions={s: by_status.get(s, 0) for s in STATUSES},
            kinds=row.counts,
            decided=(total - pending) / total if total else 1.0,
            reviewers=row.reviewers,
            versions=row.versions,
            unanchored=row.unanchored,
            remaining_errors=remaining_errors(row.pending_weight, row.words) if analysed else None,
        )

    @property
    def total(self) -> int:
        """Suggestions in all."""
        return sum(self.suggestions.values())


@dataclass
class CorpusStatus:
    """The corpus's figures.

    Attributes:
        documents: how many documents are in each state.
        pages, words: of the analysed documents.
        suggestions: by status.
        kinds: by kind and status.
        decided: share of all suggestions decided.
        reviewers: decisions and versions per reviewer name (documents they worked on).
        remaining_errors: expected word errors still in the analysed documents.
        remaining_rate: the same per word.
        rules: the rules, with how many suggestions each decided and still holds.
        stale: documents analysed by another Korrektur or lexicon.
        per_document: every document's figures.
    """

    documents: dict[str, int]
    pages: int
    words: int
    suggestions: dict[str, int]
    kinds: dict[str, dict[str, int]]
    decided: float
    reviewers: dict[str, int]
    remaining_errors: float
    remaining_rate: float
    rules: list[dict[str, Any]]
    stale: int
    per_document: list[DocumentStatus] = field(repr=False)

    def as_json(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        data = asdict(self)
        documents = data.pop("per_document")
        return {"corpus": data, "documents": documents}


def corpus_status(corpus: Corpus, engine: str = "") -> CorpusStatus:
    """Figures of ``corpus``; ``engine`` (the current engine key) marks stale documents."""
    documents = [DocumentStatus.of(row, engine) for row in corpus.index.documents()]
    states = Counter(d.state for d in documents)
    suggestions: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    reviewers: Counter[str] = Counter()
    remaining = 0.0
    pages = words = 0
    for d in documents:
        suggestions.update(d.suggestions)
        for kind, counts in d.kinds.items():
            kinds.setdefault(kind, Counter()).update(counts)
        reviewers.update(d.reviewers)
        if d.remaining_errors is not None:
            remaining += d.remaining_errors
            pages += d.pages
            words += d.words
    total = sum(suggestions.values())
    pending = suggestions.get(Status.PENDING.value, 0)
    return CorpusStatus(
        documents={s.value: states.get(s.value, 0) for s in State},
        pages=pages,
        words=words,
        suggestions={s: suggestions.get(s, 0) for s in STATUSES},
        kinds={k: {s: c.get(s, 0) for s in STATUSES} for k, c in sorted(kinds.items())},
        decided=(total - pending) / total if total else 1.0,
        reviewers=dict(reviewers.most_common()),
        remaining_errors=remaining,
        remaining_rate=remaining / words if words else 0.0,
        rules=rule_figures(corpus, corpus.rules),
        stale=sum(1 for d in documents if d.stale),
        per_document=documents,
    )


def rule_figures(corpus: Corpus, rules: list[Rule]) -> list[dict[str, Any]]:
    """Each rule with the number of suggestions whose decision is still its own."""
    held = dict(
        corpus.index.db.execute(
            "SELECT rule, count(*) FROM suggestions WHERE rule IS NOT NULL GROUP BY rule"
        ).fetchall()
    )
    return [
        {
            "id": r.id,
            "rule": r.describe(),
            "reviewer": r.reviewer,
            "created": r.created,
            "withdrawn": r.withdrawn or None,
            "decisions": held.get(r.id, 0),
        }
        for r in rules
    ]


# -- text ------------------------------------------------------------------------------------


def _percent(share: float) -> str:
    return f"{100 * share:.0f}%"


def status_lines(status: CorpusStatus, documents: bool = True) -> list[str]:
    """``corpus status`` as text."""
    counts = status.suggestions
    total = sum(counts.values())
    states = ", ".join(f"{n} {s}" for s, n in status.documents.items() if n)
    lines = [
        f"documents: {sum(status.documents.values())} ({states or 'none'})",
        f"pages: {status.pages:,}   words: {status.words:,}",
        f"suggestions: {total:,} ("
        + ", ".join(f"{counts[s]:,} {s}" for s in STATUSES)
        + f"), {_percent(status.decided)} decided",
        f"estimated word errors still in the text: {status.remaining_errors:,.0f} "
        f"({100 * status.remaining_rate:.2f}% of words)",
    ]
    if status.stale:
        lines.append(
            f"{status.stale} documents were analysed by another Korrektur or lexicon; "
            "'corpus analyse' adds the new engine's suggestions (decisions are kept)"
        )
    if status.reviewers:
        lines.append(
            "reviewers: " + ", ".join(f"{n} ({c} documents)" for n, c in status.reviewers.items())
        )
    if status.kinds:
        lines.append("")
        lines.append(f"{'kind':<24}" + "".join(f"{s:>10}" for s in STATUSES))
        for kind, by in status.kinds.items():
            lines.append(f"{kind:<24}" + "".join(f"{by[s]:>10,}" for s in STATUSES))
    if status.rules:
        lines.append("")
        lines.append("rules:")
        for rule in status.rules:
            state = f"withdrawn {rule['withdrawn']}" if rule["withdrawn"] else "in force"
            lines.append(
                f"  {rule['id']}: {rule['rule']} by {rule['reviewer'] or '(no name)'}, "
                f"{rule['created']}, {state}; {rule['decisions']} decisions"
            )
    if documents and status.per_document:
        lines.append("")
        lines.extend(_document_table(status.per_document))
    problems = [d for d in status.per_document if d.problem]
    if problems:
        lines.append("")
        lines.append("needs attention:")
        lines.extend(f"  {d.name}: {d.state}: {d.problem}" for d in problems)
    return lines


def _document_table(documents: list[DocumentStatus]) -> list[str]:
    width = min(max(len(d.name) for d in documents), 48)
    head = f"{'document':<{width}}  {'state':<8} {'pages':>5} {'words':>7} {'sugg.':>6} "
    head += f"{'decided':>7} {'errors left':>11}  reviewers"
    rows = [head]
    for d in documents:
        name = d.name if len(d.name) <= width else "…" + d.name[-(width - 1) :]
        state = d.state + ("*" if d.stale else "")
        left = "" if d.remaining_errors is None else f"{d.remaining_errors:,.1f}"
        decided = _percent(d.decided) if d.remaining_errors is not None else ""
        rows.append(
            f"{name:<{width}}  {state:<8} {d.pages:>5} {d.words:>7,} {d.total:>6,} "
            f"{decided:>7} {left:>11}  {', '.join(d.reviewers)}"
        )
    return rows
