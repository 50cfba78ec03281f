"""``corpus report``: the status figures as one self-contained HTML page with SVG charts.

No scripts, fonts or images from anywhere: the charts are inline SVG drawn here, each
bar with a ``<title>`` so a pointer shows its figures, so the file can be mailed or
archived with the corpus. Colours are the window's (``model/palette.py``: Okabe–Ito, safe
for colour-blind readers), one per status, the same in every chart.
"""

from __future__ import annotations

from html import escape

from korrektur import __version__
from korrektur.corpus.opened import Corpus
from korrektur.corpus.status import CorpusStatus, DocumentStatus
from korrektur.model.palette import STATUS_COLOURS
from korrektur.model.session import now_iso

_COLOURS = {status.value: colour for status, colour in STATUS_COLOURS.items()}  # by name

ORDER = ["accepted", "edited", "rejected", "pending"]  # decided first: bars grow from them
TOP_PAIRS = 25
WIDTH = 900

STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; }
.cards { display: flex; flex-wrap: wrap; gap: 1em; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: .6em 1em; min-width: 9em; }
.card b { display: block; font-size: 1.4em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { text-align: left; padding: .2em .5em; border-bottom: 1px solid #eee; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.legend span { display: inline-block; margin-right: 1.2em; }
.legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em;
  vertical-align: -1px; }
svg text { font: 12px system-ui, sans-serif; fill: #222; }
.problem { color: #a33; }
"""


def _legend() -> str:
    items = "".join(f'<span><i style="background:{_COLOURS[s]}"></i>{s}</span>' for s in ORDER)
    return f'<p class="legend">{items}</p>'


def _stack(
    x: float, y: float, width: float, counts: dict[str, int], scale: float, label: str
) -> str:
    """A horizontal bar of ``counts`` by status, ``scale`` pixels per suggestion."""
    parts = []
    for status in ORDER:
        n = counts.get(status, 0)
        if not n:
            continue
        w = n * scale
        title = f"{label}: {n:,} {status}"
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0.5):.1f}" height="{width:.1f}" '
            f'fill="{_COLOURS[status]}"><title>{escape(title)}</title></rect>'
        )
        x += w
    return "".join(parts)


def _bars(rows: list[tuple[str, dict[str, int]]], label_width: int = 220) -> str:
    """Labelled horizontal stacked bars, one per row."""
    if not rows:
        return "<p>None.</p>"
    biggest = max(sum(c.values()) for _, c in rows) or 1
    scale = (WIDTH - label_width - 60) / biggest
    height = 18
    body = []
    for number, (label, counts) in enumerate(rows):
        y = number * (height + 4)
        total = sum(counts.values())
        body.append(
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">'
            f"{escape(label[:40])}</text>"
        )
        body.append(_stack(label_width, y, height, counts, scale, label))
        body.append(
            f'<text x="{label_width + total * scale + 4:.1f}" y="{y + 13}">{total:,}</text>'
        )
    total_height = len(rows) * (height + 4)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{total_height}" '
        f'role="img">{"".join(body)}</svg>'
    )


def _progress_chart(documents: list[DocumentStatus]) -> str:
    """One column per document: the share of its suggestions in each status."""
    shown = [d for d in documents if d.total]
    if not shown:
        return "<p>No document has suggestions yet.</p>"
    height = 160
    step = WIDTH / len(shown)
    columns = []
    for number, d in enumerate(shown):
        x = number * step
        y = 0.0
        for status in ORDER:
            n = d.suggestions.get(status, 0)
            if not n:
                continue
            h = height * n / d.total
            title = f"{d.name}: {n:,} {status} of {d.total:,}"
            columns.append(
                f'<rect x="{x:.2f}" y="{y:.2f}" width="{max(step - (step > 3), 0.6):.2f}" '
                f'height="{h:.2f}" fill="{_COLOURS[status]}">'
                f"<title>{escape(title)}</title></rect>"
            )
            y += h
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="progress per document">{"".join(columns)}</svg>'
        f"<p>{len(shown)} documents by name, left to right; decided parts at the top.</p>"
    )


def _top_pairs(corpus: Corpus) -> list[tuple[str, dict[str, int]]]:
    rows = corpus.index.db.execute(
        """SELECT original, replacement, status, count(*) FROM suggestions
           WHERE (original, replacement) IN (
               SELECT original, replacement FROM suggestions
               GROUP BY original, replacement ORDER BY count(*) DESC LIMIT ?)
           GROUP BY original, replacement, status""",
        (TOP_PAIRS,),
    )
    pairs: dict[str, dict[str, int]] = {}
    for original, replacement, status, count in rows:
        label = f"{_visible(original)} → {_visible(replacement)}"
        pairs.setdefault(label, {})[status] = count
    return sorted(pairs.items(), key=lambda item: -sum(item[1].values()))


def _visible(text: str) -> str:
    return text.replace("\n", "⏎") if text.strip() else repr(text)


def _cards(status: CorpusStatus) -> str:
    total = sum(status.suggestions.values())
    cards = [
        ("documents", f"{sum(status.documents.values()):,}"),
        ("pages", f"{status.pages:,}"),
        ("words", f"{status.words:,}"),
        ("suggestions", f"{total:,}"),
        ("decided", f"{100 * status.decided:.0f}%"),
        ("word errors left (est.)", f"{status.remaining_errors:,.0f}"),
        ("error rate left (est.)", f"{100 * status.remaining_rate:.2f}%"),
    ]
    body = "".join(f'<div class="card"><b>{v}</b>{escape(k)}</div>' for k, v in cards)
    return f'<div class="cards">{body}</div>'


def _document_table(documents: list[DocumentStatus]) -> str:
    head = "".join(
        f'<th class="{c}">{escape(t)}</th>'
        for t, c in [
            ("document", ""),
            ("state", ""),
            ("pages", "n"),
            ("words", "n"),
            ("suggestions", "n"),
            ("decided", "n"),
            ("errors left", "n"),
            ("reviewers", ""),
        ]
    )
    rows = []
    for d in documents:
        left = "" if d.remaining_errors is None else f"{d.remaining_errors:,.1f}"
        decided = "" if d.remaining_errors is None else f"{100 * d.decided:.0f}%"
        state = escape(d.state + (" (older engine)" if d.stale else ""))
        if d.problem:
            state += f'<br><span class="problem">{escape(d.problem)}</span>'
        rows.append(
            f"<tr><td>{escape(d.name)}</td><td>{state}</td><td class=n>{d.pages}</td>"
            f"<td class=n>{d.words:,}</td><td class=n>{d.total:,}</td><td class=n>{decided}</td>"
            f"<td class=n>{left}</td><td>{escape(', '.join(d.reviewers))}</td></tr>"
        )
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _rules_table(status: CorpusStatus) -> str:
    if not status.rules:
        return "<p>No corpus rules.</p>"
    rows = "".join(
        f"<tr><td>{escape(r['id'])}</td><td>{escape(r['rule'])}</td><td>{escape(r['reviewer'])}</td>"
        f"<td>{escape(r['created'])}</td><td>{escape(r['withdrawn'] or 'in force')}</td>"
        f"<td class=n>{r['decisions']:,}</td></tr>"
        for r in status.rules
    )
    head = "<tr><th>rule</th><th>decision</th><th>by</th><th>made</th><th>withdrawn</th>"
    return f'<table>{head}<th class="n">decisions held</th></tr>{rows}</table>'


def report_html(corpus: Corpus, status: CorpusStatus) -> str:
    """The report page."""
    kinds = [(kind, counts) for kind, counts in status.kinds.items()]
    states = ", ".join(f"{n:,} {s}" for s, n in status.documents.items() if n) or "none"
    title = f"Corpus report: {corpus.project.root.name}"
    sections = [
        f"<h1>{escape(title)}</h1>",
        f"<p>Sources: {escape(str(corpus.project.sources))}. Documents: {escape(states)}. "
        f"Made by Korrektur {escape(__version__)} on {escape(now_iso())}.</p>",
        _cards(status),
        "<p>Word errors left: the pending word suggestions weighted by their confidence, "
        "plus the errors the engine is expected to miss per word.</p>",
        "<h2>Progress per document</h2>",
        _legend(),
        _progress_chart(status.per_document),
        "<h2>Suggestions by kind</h2>",
        _bars(kinds),
        f"<h2>Most frequent corrections (top {TOP_PAIRS})</h2>",
        _bars(_top_pairs(corpus)),
        "<h2>Corpus rules</h2>",
        _rules_table(status),
        "<h2>Reviewers</h2>",
        "<p>"
        + (
            escape(", ".join(f"{n} ({c} documents)" for n, c in status.reviewers.items()))
            or "Nobody has decided anything yet."
        )
        + "</p>",
        "<h2>Documents</h2>",
        _document_table(status.per_document),
    ]
    body = "\n".join(sections)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )
