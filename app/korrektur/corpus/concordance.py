"""``corpus concordance``: every occurrence of a word, or of a correction pair, in context.

Documents holding a word are found through the index's full-text index (SQLite FTS5), and
the word is then matched exactly in their text (a whole word, case-insensitive unless asked
otherwise). Finding gives only places (document, start, end), which is quick however many
there are; line, page, context and the suggestion made there are worked out for the
occurrences actually shown. A correction pair is looked up among the suggestions directly.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from korrektur.corpus.index import CorpusIndex
from korrektur.model import Status

CONTEXT = 40
"""Characters of context on each side of the keyword."""

NO_SUGGESTION = "-"
PENDING = Status.PENDING.value

Pair = tuple[str, str]
"""A correction: ``(original, replacement)``."""


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place of the word or pair.

    Attributes:
        document: the document's name.
        page, line, column: where (1-based; the lines of the source).
        left, keyword, right: the text around it (line breaks shown as spaces).
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


@dataclass(frozen=True)
class _Text:
    name: str
    text: str
    pages: list[int]


Hit = tuple[int, int, int]
"""``(document id, start, end)`` of one occurrence."""

Made = dict[Hit, tuple[str, str, str]]
"""The suggestion on a place: ``(status, replacement, id)``."""


class Concordance:
    """The occurrences found, in document (by name) and text order.

    ``len()`` is known at once; ``occurrences`` builds the records, with line, page and
    context, for as many as are wanted.
    """

    def __init__(self, hits: list[Hit], texts: dict[int, _Text], made: Made, width: int) -> None:
        self.hits = hits
        self.texts = texts
        self.made = made
        self.width = width

    def __len__(self) -> int:
        return len(self.hits)

    def documents(self) -> int:
        """How many documents hold an occurrence."""
        return len({doc for doc, _, _ in self.hits})

    def occurrences(self, limit: int | None = None, first: int = 0) -> list[Occurrence]:
        """``limit`` occurrences from number ``first`` on (all when None).

        Line numbers are counted from the start of each document met, so any stretch of
        the list (a window fetching more rows as they are scrolled to) is built alike.
        """
        found = []
        line_doc, line_pos, line_number = -1, 0, 1
        stop = None if limit is None else first + limit
        for doc, start, end in self.hits[first:stop]:
            text = self.texts[doc]
            if doc != line_doc:  # line numbers are counted on from the previous hit
                line_doc, line_pos, line_number = doc, 0, 1
            line_number += text.text.count("\n", line_pos, start)
            line_pos = start
            line_start = text.text.rfind("\n", 0, start) + 1
            status, replacement, sid = self.made.get((doc, start, end), _NONE)
            found.append(
                Occurrence(
                    text.name,
                    bisect.bisect_right(text.pages, start),
                    line_number,
                    start - line_start + 1,
                    text.text[max(0, start - self.width) : start].replace("\n", " "),
                    text.text[start:end],
                    text.text[end : end + self.width].replace("\n", " "),
                    status,
                    replacement,
                    sid,
                )
            )
        return found

    def pending(self, numbers: Iterable[int] | None = None) -> dict[Pair, dict[str, list[str]]]:
        """The pending suggestions at the occurrences, by correction pair and document.

        ``numbers``: the occurrences' places in the list (None: every occurrence). What a
        decision on them in one step decides.
        """
        hits = self.hits if numbers is None else [self.hits[n] for n in sorted(set(numbers))]
        found: dict[Pair, dict[str, list[str]]] = {}
        for hit in hits:
            status, replacement, sid = self.made.get(hit, _NONE)
            if status != PENDING:
                continue
            doc, start, end = hit
            text = self.texts[doc]
            pair = (text.text[start:end], replacement)
            found.setdefault(pair, {}).setdefault(text.name, []).append(sid)
        return found


_NONE = (NO_SUGGESTION, "", "")


def _query(word: str) -> str | None:
    """A full-text query every document holding ``word`` matches (None: no letters).

    The index keeps no positions, so a word of several tokens (``F-9``) asks for documents
    holding all of them; the exact match is made in their text.
    """
    parts = re.findall(r"\w+", word)
    if not parts:
        return None
    return " AND ".join('"' + part.replace('"', '""') + '"' for part in parts)


def _texts(index: CorpusIndex, where: str, parameters: tuple[object, ...]) -> dict[int, _Text]:
    """The texts of the documents ``where`` selects, in the order of their names."""
    rows = index.db.execute(
        f"""SELECT t.doc, d.name, t.text, t.pages FROM texts AS t
            JOIN documents AS d ON d.id = t.doc WHERE {where} ORDER BY d.name""",
        parameters,
    )
    return {doc: _Text(name, text, json.loads(pages)) for doc, name, text, pages in rows}


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def find_word(text: str, word: str, exact_case: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` of every whole-word occurrence of ``word`` in ``text``.

    A word must not continue on either side (no letter, digit or ``_`` next to it), as
    ``(?<!\\w)word(?!\\w)`` would say; searched with ``str.find``, which runs through a
    long text many times faster than a case-insensitive regular expression.
    """
    haystack, needle = (text, word) if exact_case else (text.lower(), word.lower())
    if len(haystack) != len(text) or len(needle) != len(word) or not word:
        flags = 0 if exact_case else re.IGNORECASE  # lower() changed lengths: offsets differ
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", flags)
        return [match.span() for match in pattern.finditer(text)]
    found = []
    size = len(needle)
    last = len(haystack)
    is_word = _is_word_character
    position = haystack.find(needle)
    while position != -1:
        end = position + size
        if (position == 0 or not is_word(haystack[position - 1])) and (
            end == last or not is_word(haystack[end])
        ):
            found.append((position, end))
        position = haystack.find(needle, position + 1)
    return found


def word_concordance(
    index: CorpusIndex, word: str, *, exact_case: bool = False, width: int = CONTEXT
) -> Concordance:
    """Every occurrence of ``word`` as a whole word."""
    query = _query(word)
    if query is not None:
        where = "t.doc IN (SELECT rowid FROM text_words WHERE text_words MATCH ?)"
        texts = _texts(index, where, (query,))
    else:  # punctuation only: no token to look up, read every text
        texts = _texts(index, "instr(t.text, ?) > 0", (word,))
    hits = [
        (doc, start, end)
        for doc, text in texts.items()
        for start, end in find_word(text.text, word, exact_case)
    ]
    return Concordance(hits, texts, _suggestions_on(index, word, exact_case), width)


def _suggestions_on(index: CorpusIndex, word: str, exact_case: bool) -> Made:
    """Suggestions made on ``word`` (in its usual spellings of case), by document and span."""
    forms = [word] if exact_case else list({word, word.lower(), word.upper(), word.capitalize()})
    marks = ", ".join("?" * len(forms))
    rows = index.db.execute(
        f"""SELECT doc, start, end, status, replacement, sid FROM suggestions
            WHERE original IN ({marks})""",
        forms,
    )
    return {(doc, start, end): (status, repl, sid) for doc, start, end, status, repl, sid in rows}


def pair_concordance(
    index: CorpusIndex, original: str, replacement: str, *, width: int = CONTEXT
) -> Concordance:
    """Every suggestion of ``original`` → ``replacement``."""
    rows = index.db.execute(
        """SELECT doc, start, end, status, replacement, sid FROM suggestions
           WHERE original = ? AND replacement = ?""",
        (original, replacement),
    ).fetchall()
    made = {(doc, start, end): (status, repl, sid) for doc, start, end, status, repl, sid in rows}
    docs = sorted({row[0] for row in rows})
    marks = ", ".join("?" * len(docs))
    texts = _texts(index, f"t.doc IN ({marks})", tuple(docs))
    order = {doc: number for number, doc in enumerate(texts)}
    hits = sorted(made, key=lambda hit: (order.get(hit[0], -1), hit[1]))
    return Concordance([h for h in hits if h[0] in texts], texts, made, width)


def concordance_lines(found: list[Occurrence], width: int = CONTEXT) -> list[str]:
    """Keyword in context, one occurrence a line."""
    if not found:
        return []
    name_width = min(max(len(o.document) for o in found), 40)
    lines = []
    for o in found:
        name = o.document
        if len(name) > name_width:
            name = "…" + name[-(name_width - 1) :]
        where = f"p{o.page}:{o.line}"
        change = f"  → {o.replacement}" if o.suggestion else ""
        left = o.left.replace("\t", " ")
        right = o.right.replace("\t", " ")
        lines.append(
            f"{name:<{name_width}}  {where:>9}  {o.status:<8}  "
            f"{left:>{width}} [{o.keyword}] {right:<{width}}{change}"
        )
    return lines
