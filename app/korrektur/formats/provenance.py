"""Who and what stands behind an export: source, tool, reviewers, versions, policy."""

from __future__ import annotations

from dataclasses import dataclass, field

from korrektur.formats.reading import ExportOptions, Pending
from korrektur.model import ReviewSession, Status
from korrektur.model.session import now_iso
from korrektur.store.review import Review

UNNAMED = "(name not recorded)"


@dataclass(frozen=True)
class VersionLine:
    """A saved version, as exports list it."""

    number: int
    time: str
    reviewer: str
    reviewer_id: str
    summary: str


@dataclass
class Provenance:
    """Everything an export says about where its text comes from.

    Attributes:
        reviewer_ids: ``r1``, ``r2``, … → reviewer name, in order of first appearance.
    """

    source_name: str
    sha256: str
    size: int
    encoding_label: str
    pages: int
    lines: int
    tool_version: str
    lexicon: str
    exported_at: str
    options: ExportOptions
    counts: dict[Status, int]
    unanchored: int
    reviewer_ids: dict[str, str] = field(default_factory=dict)
    versions: list[VersionLine] = field(default_factory=list)

    @classmethod
    def of(cls, review: Review, session: ReviewSession, options: ExportOptions) -> Provenance:
        """Collect the provenance of ``session`` (the review's current work or a version)."""
        document = session.document
        result = cls(
            source_name=document.name,
            sha256=document.sha256,
            size=document.size,
            encoding_label=document.encoding_label,
            pages=len(document.pages),
            lines=len(document.lines),
            tool_version=review.tool.version,
            lexicon=review.tool.lexicon or "unknown",
            exported_at=options.exported_at or now_iso(),
            options=options,
            counts=session.counts(),
            unanchored=len(review.unanchored),
        )
        for version in review.history.versions:
            person = result.person_id(version.reviewer)
            counts = ", ".join(f"{version.counts.get(s, 0)} {s.value}" for s in Status)
            text = "; ".join(t for t in (version.message, version.note) if t)
            summary = f"Version {version.number}: {counts}" + (f". {text}" if text else "")
            result.versions.append(
                VersionLine(version.number, version.time, version.reviewer, person, summary)
            )
        for suggestion in session.suggestions:
            if suggestion.decided:
                result.person_id(suggestion.decided_by)
        return result

    def person_id(self, name: str | None) -> str:
        """The id of a reviewer (added on first use); a missing name gets its own id."""
        label = name or UNNAMED
        for person_id, known in self.reviewer_ids.items():
            if known == label:
                return person_id
        person_id = f"r{len(self.reviewer_ids) + 1}"
        self.reviewer_ids[person_id] = label
        return person_id

    @property
    def tool_label(self) -> str:
        """``Korrektur 0.1.0``."""
        return f"Korrektur {self.tool_version}".strip()

    @property
    def extent(self) -> str:
        """Size of the source for people."""
        return f"{self.size} bytes, {self.pages} pages, {self.lines} lines, {self.encoding_label}"

    @property
    def source_note(self) -> str:
        """What the source is."""
        return f"The OCR text of {self.source_name} (SHA-256 {self.sha256})."

    @property
    def reviewers(self) -> list[str]:
        """Reviewer names in order of first appearance."""
        return list(self.reviewer_ids.values())

    def policy_text(self) -> str:
        """The editorial policy of this export, in words."""
        decided = sum(n for s, n in self.counts.items() if s is not Status.PENDING)
        total = sum(self.counts.values())
        parts = [
            f"{decided} of {total} suggestions were decided by a reviewer; accepted and "
            "edited corrections are applied, rejected ones keep the OCR text."
        ]
        if self.options.pending is Pending.RAW:
            parts.append("Undecided suggestions are not applied: the OCR text stands there.")
        else:
            parts.append(
                "Undecided suggestions are applied as the tool proposed them and marked as "
                "unreviewed."
            )
        if self.options.keep_lines:
            parts.append("The lines of the source are kept; only word corrections are applied.")
        if self.options.version:
            parts.append(f"This is saved version {self.options.version} of the review.")
        if self.unanchored:
            parts.append(
                f"{self.unanchored} earlier decisions could not be found again after the source "
                "changed; they are listed in the review file."
            )
        return " ".join(parts)

    def short_policy(self) -> str:
        """The policy in a few words (document properties allow 255 characters)."""
        decided = sum(n for s, n in self.counts.items() if s is not Status.PENDING)
        parts = [f"{decided} of {sum(self.counts.values())} suggestions decided"]
        if self.options.pending is Pending.RAW:
            parts.append("undecided ones keep the OCR text")
        else:
            parts.append("undecided ones applied unreviewed")
        if self.options.keep_lines:
            parts.append("source lines kept")
        if self.options.version:
            parts.append(f"saved version {self.options.version}")
        return "; ".join(parts)[:255]
