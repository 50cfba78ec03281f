"""HTML review report: one self-contained file, every piece of document text escaped."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator
from html import escape
from itertools import chain

from korrektur.formats.blocks import placed_blocks, removed_lines
from korrektur.formats.provenance import Provenance
from korrektur.formats.reading import (
    ExportOptions,
    ExportText,
    export_text,
    session_for,
    xml_text,
)
from korrektur.model import Kind, Status, Suggestion
from korrektur.model.palette import KIND_STYLES, Underline, primary_kind
from korrektur.model.structure import BlockKind
from korrektur.model.suggestion import count_statuses
from korrektur.store.pieces import encode_all
from korrektur.store.review import Review

# Rows encoded at a time: a page of a long report is tens of kilobytes of markup.
PIECES_AT_A_TIME = 16

# The palette's underline styles in CSS (CSS has no dash-dot or bracket: thickness and an
# overline keep those kinds apart).
_CSS_LINES: dict[Underline, str] = {
    Underline.SOLID: "text-decoration-style: solid;",
    Underline.WAVE: "text-decoration-style: wavy;",
    Underline.DASHED: "text-decoration-style: dashed;",
    Underline.DOTTED: "text-decoration-style: dotted;",
    Underline.DASH_DOT: "text-decoration-style: dashed; text-decoration-thickness: 3px;",
    Underline.DOUBLE: "text-decoration-style: double;",
    Underline.BRACKET: "text-decoration-line: underline overline; text-decoration-thickness: 1px;",
    Underline.HEAVY: "text-decoration-style: solid; text-decoration-thickness: 3px;",
}

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 80em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .2em .5em;
 vertical-align: top; text-align: left; }
th.num, td.num { text-align: right; }
dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
dt { font-weight: bold; } dd { margin: 0; overflow-wrap: break-word; }
dd.hash { word-break: break-all; }
table.pages { width: 100%; table-layout: fixed; } table.pages td { width: 50%; }
pre { white-space: pre-wrap; overflow-wrap: break-word; margin: 0;
 font: 14px/1.4 ui-monospace, monospace; }
.s { text-decoration-line: underline; text-decoration-thickness: 2px; }
{kinds}
.pending { background: #fff3c4; } .rejected { text-decoration-line: line-through; }
.accepted, .edited { background: #e3f4e8; } del, ins { text-decoration: none; }
.mark { font-size: .8em; color: #666; }
"""


def _css() -> str:
    rules = [
        f".k-{kind.value} {{ text-decoration-color: {style.line(dark=False)}; "
        f"{_CSS_LINES[style.underline]} }}"
        for kind, style in KIND_STYLES.items()
    ]
    return CSS.replace("{kinds}", "\n".join(rules))


def _text(text: str) -> str:
    """Document text for HTML: escaped, control characters made harmless."""
    return escape(xml_text(text))


def _marked(text: str, base: int, spans: Iterable[tuple[int, int, str, str, str]]) -> str:
    """``text`` (starting at offset ``base``) escaped, with spans wrapped in tags."""
    parts: list[str] = []
    position = base
    for start, end, tag, classes, title in spans:
        parts.append(_text(text[position - base : start - base]))
        inner = _text(text[start - base : end - base]) or '<span class="mark">⌫</span>'
        parts.append(f'<{tag} class="{classes}" title="{_text(title)}">{inner}</{tag}>')
        position = end
    parts.append(_text(text[position - base :]))
    return "".join(parts)


class HtmlReport:
    """Builds the report of one review."""

    def __init__(self, review: Review, options: ExportOptions) -> None:
        self.review = review
        self.options = options
        self.session = session_for(review, options)
        self.exported: ExportText = export_text(self.session, options)
        self.provenance = Provenance.of(review, self.session, options)

    def _classes(self, suggestion: Suggestion) -> str:
        """Its status and the kind it looks like (as in the window: ``primary_kind``)."""
        return f"s {suggestion.status.value} k-{primary_kind(suggestion).value}"

    def header(self) -> str:
        """Provenance as a definition list."""
        p = self.provenance
        items = [
            ("Source", p.source_name),
            ("SHA-256", p.sha256),
            ("Size", p.extent),
            ("Tool", f"{p.tool_label}, lexicon {p.lexicon}"),
            ("Reviewers", ", ".join(p.reviewers) or "none yet"),
            ("Exported", p.exported_at),
            ("Policy", p.policy_text()),
        ]
        # Words wrap whole; only the hash, one long run of hex digits, may break anywhere.
        hash_class = ' class="hash"'
        rows = "".join(
            f"<dt>{escape(k)}</dt><dd{hash_class if k == 'SHA-256' else ''}>{_text(v)}</dd>"
            for k, v in items
        )
        return f"<dl>{rows}</dl>"

    def statistics(self) -> str:
        """Suggestions by kind (rows) and status (columns); a suggestion counts in each kind."""
        head = "".join(f'<th class="num">{s.value}</th>' for s in Status)
        rows = []
        for kind in Kind:
            of_kind = [s.status for s in self.session.suggestions if kind in s.kinds]
            if not of_kind:
                continue
            counts = count_statuses(of_kind)
            cells = "".join(f'<td class="num">{counts[status]}</td>' for status in Status)
            rows.append(
                f'<tr><th><span class="s k-{kind.value}">{kind.value}</span></th>{cells}'
                f'<td class="num">{len(of_kind)}</td></tr>'
            )
        totals = "".join(f'<td class="num">{self.provenance.counts[s]}</td>' for s in Status)
        rows.append(
            f'<tr><th>all suggestions</th>{totals}<td class="num">'
            f"{len(self.session.suggestions)}</td></tr>"
        )
        return (
            f'<table><tr><th>kind</th>{head}<th class="num">total</th></tr>{"".join(rows)}</table>'
        )

    def versions(self) -> str:
        """The saved versions."""
        if not self.provenance.versions:
            return "<p>No version has been saved yet.</p>"
        rows = "".join(
            f'<tr><td class="num">{v.number}</td><td>{_text(v.time)}</td>'
            f"<td>{_text(v.reviewer)}</td><td>{_text(v.summary)}</td></tr>"
            for v in self.provenance.versions
        )
        return f"<table><tr><th>#</th><th>saved</th><th>by</th><th>content</th></tr>{rows}</table>"

    def structure(self) -> str:
        """The reading structure the export has: its headings, and how many of each block."""
        blocks = placed_blocks(self.exported)
        text = self.exported.text
        starts = [start for _, start in self.exported.page_starts()]
        headings = "".join(
            f"<li>{_text(' '.join(text[b.start : b.end].split()))} "
            f'<span class="mark">page {bisect.bisect_right(starts, b.start)}</span></li>'
            for b in blocks
            if b.kind is BlockKind.HEADING
        )
        count = Counter(b.kind for b in blocks)
        lists = len({b.list for b in blocks if b.kind is BlockKind.ITEM})
        removed = len(removed_lines(self.exported))
        summary = (
            f"{count[BlockKind.HEADING]} headings, {count[BlockKind.PARAGRAPH]} paragraphs, "
            f"{count[BlockKind.ITEM]} list items in {lists} lists; {removed} lines removed "
            "(page furniture and specks)."
        )
        if self.session.structure is None:
            summary += " The review holds no reading structure: no headings are known."
        outline = f"<ol>{headings}</ol>" if headings else ""
        return f"<p>{summary}</p>{outline}"

    def pages(self) -> str:
        """Side by side, page by page: the OCR text and the exported text, changes marked."""
        return "".join(self._pages())

    def _pages(self) -> Iterator[str]:
        document = self.session.document
        starts = self.exported.page_starts()
        count = len(document.pages)
        raw_ends = [p.start for p in document.pages[1:]] + [len(document.text)]
        out_ends = [start for _, start in starts[1:]] + [len(self.exported.text)]
        left: list[list[tuple[int, int, str, str, str]]] = [[] for _ in range(count)]
        right: list[list[tuple[int, int, str, str, str]]] = [[] for _ in range(count)]
        for applied in self.exported.applied:
            s = applied.suggestion
            at = document.page_index_at(s.start)
            title = (
                f"{s.kinds_label}, {s.status.value}, confidence {s.confidence:.2f}: "
                f"{s.original!r} → {applied.text!r}. {s.reason}"
            )
            classes = self._classes(s)
            if s.end <= raw_ends[at]:
                left[at].append((s.start, s.end, "del", classes, title))
            if applied.changed and starts[at][1] <= applied.start and applied.end <= out_ends[at]:
                right[at].append((applied.start, applied.end, "ins", classes, title))
        yield '<table class="pages"><tr><th>OCR text (source)</th><th>Exported text</th></tr>'
        for index, page in enumerate(document.pages):
            raw = document.text[page.start : raw_ends[index]]
            out = self.exported.text[starts[index][1] : out_ends[index]]
            yield (
                f'<tr><th colspan="2">Page {page.number}</th></tr>'
                f"<tr><td><pre>{_marked(raw, page.start, left[index])}</pre></td>"
                f"<td><pre>{_marked(out, starts[index][1], right[index])}</pre></td></tr>"
            )
        yield "</table>"

    def decisions(self) -> str:
        """Every decided suggestion in a table."""
        return "".join(self._decisions())

    def _decisions(self) -> Iterator[str]:
        document = self.session.document
        decided = [applied for applied in self.exported.applied if applied.suggestion.decided]
        if not decided:
            yield "<p>Nothing has been decided yet.</p>"
            return
        yield (
            "<table><tr><th>page</th><th>line</th><th>OCR</th><th>result</th><th>kind</th>"
            "<th>confidence</th><th>status</th><th>reviewer</th></tr>"
        )
        for applied in decided:
            s = applied.suggestion
            line = document.lines[document.line_index_at(s.start)].number
            yield (
                f'<tr><td class="num">{document.page_index_at(s.start) + 1}</td>'
                f'<td class="num">{line}</td><td><pre>{_text(s.original)}</pre></td>'
                f"<td><pre>{_text(applied.text)}</pre></td><td>{s.kinds_label}</td>"
                f'<td class="num">{s.confidence:.2f}</td><td>{s.status.value}</td>'
                f"<td>{_text(s.decided_by or '')}</td></tr>"
            )
        yield "</table>"

    def unanchored(self) -> str:
        """Decisions that could not be found again after the source changed."""
        if not self.review.unanchored:
            return ""
        rows = "".join(
            f"<tr><td>{u.suggestion.id}</td><td><pre>{_text(u.before[-30:])}</pre></td>"
            f"<td><pre>{_text(u.suggestion.original)}</pre></td>"
            f"<td><pre>{_text(u.suggestion.current_text)}</pre></td>"
            f"<td>{u.suggestion.status.value}</td>"
            f"<td>{_text(u.suggestion.decided_by or '')}</td></tr>"
            for u in self.review.unanchored
        )
        head = (
            "<tr><th>id</th><th>before it</th><th>OCR</th><th>decision</th><th>status</th>"
            "<th>reviewer</th></tr>"
        )
        return (
            "<h2>Decisions not found again after the source changed</h2>\n"
            f"<table>{head}{rows}</table>\n"
        )

    def document(self) -> bytes:
        """The whole report as UTF-8 bytes (encoded a batch of rows at a time)."""
        title = _text(f"Review of {self.provenance.source_name}")
        # No scripts, no external resources: the policy forbids them should any slip in.
        policy = "default-src 'none'; style-src 'unsafe-inline'"
        return encode_all(
            chain(
                [
                    "<!DOCTYPE html>\n"
                    f'<html lang="sv"><head><meta charset="utf-8">'
                    f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
                    f"<title>{title}</title><style>{_css()}</style></head><body>\n"
                    f"<h1>{title}</h1>\n{self.header()}\n"
                    f"<h2>Suggestions by kind and status</h2>\n{self.statistics()}\n"
                    f"<h2>Versions</h2>\n{self.versions()}\n"
                    f"<h2>Reading structure</h2>\n{self.structure()}\n"
                    "<h2>Text, page by page</h2>\n"
                ],
                self._pages(),
                ["\n<h2>Decisions</h2>\n"],
                self._decisions(),
                ["\n", self.unanchored(), "</body></html>\n"],
            ),
            batch=PIECES_AT_A_TIME,
        )


def export_html(review: Review, options: ExportOptions) -> bytes:
    """A self-contained HTML review report."""
    return HtmlReport(review, options).document()
