"""``corpus concordance``: every occurrence of a word, or of a correction pair, in context.

Words are found through the index's full-text table of lines (SQLite FTS5), then matched
exactly in each line found (a whole word, case-insensitive unless asked otherwise), so a
frequent word over a million-word corpus takes a fraction of a second. Each occurrence
shows the suggestion made on exactly that word, if any, with its status; a correction pair
is looked up among the suggestions directly.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from korrektur.corpus.index import CorpusIndex
from korrektur.corpus.schema import LINE_BITS

CONTEXT = 40
"""Characters of context on each side of the keyword."""

NO_SUGGESTION = "-"


@dataclass(frozen=True)
class Occurrence:
    """One place of the word or pair.

    Attributes:
        document: the document's name.
        page, line, column: where (1-based; the line numbers of the source).
        left, keyword, right: the line around it.
        status: the suggestion's status there, or ``-`` when there is none.
        replacement: the suggestion's replacement ("" when there is none).
        suggestion: the suggestion's id ("" when there is none).
    """

    document: str
    page: int
    line: int
    column: int
    left: str
    keyword: str
    right: str
    status: str
    replacement: str
    suggestion: str

    def as_json(self) -> dict[str, Any]:
        """Plain data."""
        return asdict(self)


def _split(text: str, start: int, end: int, width: int) -> tuple[str, str, str]:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return left, text[start:end], right


def _phrase(word: str) -> str | None:
    """An FTS5 phrase query that every line holding ``word`` matches (None: no letters)."""
    parts = re.findall(r"\w+", word)
    if not parts:
        return None
    return '"' + " ".join(parts).replace('"', '""') + '"'


def word_concordance(
    index: CorpusIndex, word: str, *, exact_case: bool = False, width: int = CONTEXT
) -> list[Occurrence]:
    """Every occurrence of ``word`` as a whole word, by document, line and column."""
    flags = 0 if exact_case else re.IGNORECASE
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", flags)
    phrase = _phrase(word)
    if phrase is not None:
        where, parameter = "lines MATCH ?", phrase
    else:  # punctuation only: no token to look up, read every line
        where, parameter = "instr(text, ?) > 0", word
    rows = index.db.execute(
        f"""SELECT l.text, l.doc, l.number, l.page, l.start, d.name
            FROM (SELECT text, doc, number, page, start FROM lines WHERE {where}) AS l
            JOIN documents AS d ON d.id = l.doc""",
        (parameter,),
    )
    suggestions = _suggestions_on(index, word)
    found = []
    for text, doc, number, page, start, name in rows:
        for match in pattern.finditer(text):
            left, keyword, right = _split(text, match.start(), match.end(), width)
            made = suggestions.get((doc, start + match.start(), start + match.end()))
            status, replacement, sid = made if made else (NO_SUGGESTION, "", "")
            found.append(
                Occurrence(
                    name,
                    page,
                    number,
                    match.start() + 1,
                    left,
                    keyword,
                    right,
                    status,
                    replacement,
                    sid,
                )
            )
    found.sort(key=lambda o: (o.document, o.line, o.column))
    return found


def _suggestions_on(
    index: CorpusIndex, word: str
) -> dict[tuple[int, int, int], tuple[str, str, str]]:
    """Suggestions whose original is ``word`` (any case), by document and span."""
    rows = index.db.execute(
        "SELECT doc, start, end, status, replacement, sid FROM suggestions WHERE folded = ?",
        (word.casefold(),),
    )
    return {(doc, start, end): (status, repl, sid) for doc, start, end, status, repl, sid in rows}


def pair_concordance(
    index: CorpusIndex, original: str, replacement: str, *, width: int = CONTEXT
) -> list[Occurrence]:
    """Every suggestion of ``original`` → ``replacement``, by document, line and column."""
    rows = index.db.execute(
        """SELECT d.name, s.sid, s.start, s.end, s.page, s.line, s.status, s.replacement,
                  l.text, l.start
           FROM suggestions s
           JOIN documents d ON d.id = s.doc
           LEFT JOIN lines l ON l.rowid = (s.doc << ?) + s.line
           WHERE s.original = ? AND s.replacement = ?""",
        (LINE_BITS, original, replacement),
    )
    found = []
    for name, sid, start, end, page, line, status, repl, text, line_start in rows:
        text = text or ""
        column = start - (line_start or 0)
        stop = min(column + (end - start), len(text))
        left, keyword, right = _split(text, column, stop, width)
        found.append(
            Occurrence(name, page, line, column + 1, left, keyword, right, status, repl, sid)
        )
    found.sort(key=lambda o: (o.document, o.line, o.column))
    return found


def concordance_lines(found: list[Occurrence], width: int = CONTEXT) -> list[str]:
    """Keyword in context, one occurrence a line."""
    if not found:
        return []
    name_width = min(max(len(o.document) for o in found), 40)
    lines = []
    for o in found:
        name = (
            o.document if len(o.document) <= name_width else "…" + o.document[-(name_width - 1) :]
        )
        where = f"p{o.page}:{o.line}"
        change = f"  → {o.replacement}" if o.suggestion else ""
        left = o.left.replace("\t", " ")
        right = o.right.replace("\t", " ")
        lines.append(
            f"{name:<{name_width}}  {where:>9}  {o.status:<8}  "
            f"{left:>{width}} [{o.keyword}] {right:<{width}}{change}"
        )
    return lines
