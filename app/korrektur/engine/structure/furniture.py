"""Find page furniture: running headers and footers, page numbers, document numbers, logo specks.

Two kinds of evidence: the form of a line (``Sida 5 (5)``, ``- 5 -``, ``Dnr KS 2024/1148``) and
repetition (a line that comes back at the top or bottom of most other pages; on a scan, of
lines alike enough the one at the same place on the page is the header). Only lines at a page
edge count: a page's header is the run of such lines from its first line down to the first
line of body text, its footer the run from its last line up. A line that looks like furniture
inside the body is kept, so a heading that resembles a footer survives.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from korrektur.engine.structure.bullets import Strength, find_glyph
from korrektur.engine.structure.chars import (
    SPECKS_AT_END,
    SPECKS_AT_START,
    is_speck_token,
    strip_accents,
)
from korrektur.engine.structure.whitespace import COLUMN_GAP
from korrektur.engine.words.text import fold
from korrektur.model.document import Document
from korrektur.model.geometry import Box
from korrektur.model.reason import Phrase, Reason, phrase

ZONE = 6  # non-blank lines at each page edge that may be furniture
WINDOW = 8  # pages compared with each page
SIMILAR = 82.0  # rapidfuzz ratio above which two edge lines are the same header
LONGEST = 70  # characters; a longer repeated line is body text said twice, not a header

_SIDA = re.compile(
    r"^\W{0,3}(?:sida|sid|page|s)\.?\s*\d{1,4}\s*[,.]?\s*"
    r"(?:\(\s*\d{1,4}\s*\)|(?:av|of|/)\s*\d{1,4})?\W{0,3}$",
    re.IGNORECASE,
)
_OF = re.compile(r"^\W{0,2}\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|/\s*\d{1,4}|av\s+\d{1,4})\W{0,2}$")
_DASHED = re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$")
_BARE = re.compile(r"^\d{1,4}$")
_DNR = re.compile(  # "Dnr KS 2024/1148", "Diarienummer: 1.2.3-456/2016": capitals and codes
    r"^\W{0,2}(?i:dnr|diarienr|diarienummer)\.?:?"
    r"(?:\s+(?:[A-ZÅÄÖ]{1,6}|[\w.]*\d[\w./:-]*)){1,4}\W{0,2}$"
)
# Contact lines of a letterhead: telephone, post box, postcode and town, web and mail addresses.
_CONTACT = re.compile(
    r"^\W{0,2}(?:"
    r"(?:telefon|tel|v[aä]xel|fax|mobil)\.?:?\s*\+?[\d\s-]{6,}"
    r"|box\s+\d{1,6}"
    r"|\d{3}\s?\d{2}\s+[A-ZÅÄÖ][\wåäö]+"
    r"|(?:www\.)?[\w.-]+\.(?:se|nu|com|org)"
    r"|[\w.-]+@[\w.-]+\.\w{2,4}"
    r"|(?:org\.?\s?nr|organisationsnummer|bankgiro|plusgiro)\.?:?\s*[\d\s-]+"
    r")\W{0,2}$",
    re.IGNORECASE,
)
PAGE_NUMBER = phrase("page-number")
_COLUMN_GAP = re.compile(rf"[ \t]{{{COLUMN_GAP},}}")
_KEEP_SINGLE = frozenset("iåö")  # one-letter Swedish words; capitals may number things
_TEXTUAL = frozenset("&-–—\"'“”„‘’«».,:;!?()|")  # symbols of text, not of a logo


@dataclass(frozen=True)
class Furniture:
    """A line to remove: its index, how sure we are, and why (for the reviewer)."""

    line: int
    confidence: float
    reason: str


@dataclass(frozen=True)
class _Form:
    confidence: float  # at a page edge
    inside: float  # inside the body (0: only at an edge)
    label: Phrase


def line_form(text: str) -> _Form | None:
    """What a line is by its form alone (page number, document number), if anything.

    A letterhead line may hold several cells apart (``Utbildningsförvaltningen      Dnr 12``):
    it counts, at a page edge only, when one cell has a form and the others are short labels.
    """
    line = text.strip()
    cells = column_cells(line)
    if len(cells) == 1:
        return _cell_form(line)
    forms = [form for form in (_cell_form(cell) for cell in cells) if form is not None]
    if not forms or any(len(cell) > 40 for cell in cells):
        return None
    best = max(forms, key=lambda form: form.confidence)
    return _Form(best.confidence, 0.0, phrase("letterhead-with", what=best.label))


def column_cells(line: str) -> list[str]:
    """The cells of a line laid out in columns (split at wide gaps of spaces)."""
    return [cell for cell in _COLUMN_GAP.split(line.strip()) if cell]


def _cell_form(cell: str) -> _Form | None:
    line = _without_specks(cell)
    glyph = find_glyph(line)
    rest = _without_specks(line[glyph.end :]) if glyph else line
    for candidate in (line, cell.strip(), rest):
        number = _page_number(candidate)  # a glyph before a page number is a speck
        if number is not None:
            return number
    if glyph is not None and glyph.strength is not Strength.DASH:
        return None  # a list item, whatever it lists
    line = rest
    if _DNR.match(line) and len(line) <= 45 and any(ch.isdigit() for ch in line):
        return _Form(0.93, 0.75, phrase("document-number"))
    if _CONTACT.match(line):
        return _Form(0.8, 0.0, phrase("contact-line"))
    return None


def _without_specks(line: str) -> str:
    """``line`` without speck tokens at either end (as the whitespace fixes drop them)."""
    tokens = line.split()
    while tokens and is_speck_token(tokens[0], SPECKS_AT_START):
        tokens.pop(0)
    while tokens and is_speck_token(tokens[-1], SPECKS_AT_END):
        tokens.pop()
    return " ".join(tokens).strip("_")


def _page_number(line: str) -> _Form | None:
    if not line or len(line) > 60:
        return None
    if _SIDA.match(line) and any(ch.isdigit() for ch in line):
        return _Form(0.97, 0.95, PAGE_NUMBER)
    if _OF.match(line):
        return _Form(0.95, 0.0, PAGE_NUMBER)
    if _DASHED.match(line):
        return _Form(0.95, 0.0, PAGE_NUMBER)
    if _BARE.match(line):
        return _Form(0.7, 0.0, PAGE_NUMBER)
    return None


def is_speck_line(text: str) -> bool:
    """A short line of OCR garbage, as a logo or letterhead leaves (``w Stockholms``).

    It starts with a speck (a token of symbols that are not punctuation, or a stray small
    letter) and has at most two real words. Only looked for at the top of a page.
    """
    line = _without_specks(text)
    tokens = line.split()
    if not tokens or len(line) > 30 or line[-1] in ".!?:,":
        return False
    if find_glyph(line) is not None:  # a short list item, not garbage
        return False
    words = [t for t in tokens if any(ch.isalnum() for ch in t) and not _is_logo_speck(t)]
    return _is_logo_speck(tokens[0]) and len(words) <= 2


def _is_logo_speck(token: str) -> bool:
    if not any(ch.isalnum() for ch in token):
        return not all(ch in _TEXTUAL for ch in token)
    return len(token) == 1 and token.islower() and token not in _KEEP_SINGLE


def edge_key(text: str) -> str:
    """A line reduced for comparison across pages: letters without accents, digits as ``#``.

    Of a line in columns only the first cell counts (the page number beside it changes).
    """
    cells = column_cells(text)
    folded = strip_accents(fold(cells[0] if cells else ""))
    key = re.sub(r"\d+", "#", "".join(ch for ch in folded if ch.isalnum()))
    return key


def _similar(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) < 4:
        return 100.0 if a == b else 0.0
    return float(fuzz.ratio(a, b))


def _same_place(a: Box | None, b: Box | None) -> bool:
    """Two lines on different pages stand at the same place (half a line high, half wide)."""
    if a is None or b is None:
        return False
    height = min(a.height, b.height)
    overlap = min(a.right, b.right) - max(a.left, b.left)
    middle = abs((a.top + a.bottom) - (b.top + b.bottom)) / 2
    return middle < height / 2 and overlap > min(a.width, b.width) / 2


def _match(a: str, b: str, place_a: Box | None, place_b: Box | None) -> float:
    """How well two edge lines match (0: not the same line).

    Of lines alike enough, one at the same place on its page matches better: a first page
    whose title repeats the running header keeps its title. (A lower likeness for lines at
    the same place caught one header OCR had damaged, but left one document out it gained
    nothing: bench/README.md.)
    """
    similarity = _similar(a, b)
    if similarity < SIMILAR:
        return 0.0
    return similarity + (100.0 if _same_place(place_a, place_b) else 0.0)


def _align(
    a: Sequence[str],
    b: Sequence[str],
    places_a: Sequence[Box | None] = (),
    places_b: Sequence[Box | None] = (),
) -> list[int]:
    """Indices of ``a`` matched one-to-one, in order, to similar lines of ``b``.

    With boxes (``places_a``, ``places_b``), a line at the same place is preferred.
    """
    n, m = len(a), len(b)
    pa = list(places_a) or [None] * n
    pb = list(places_b) or [None] * m
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            match = _match(a[i], b[j], pa[i], pb[j])
            if match:
                best = max(best, score[i + 1][j + 1] + match)
            score[i][j] = best
    matched: list[int] = []
    i = j = 0
    while i < n and j < m:
        match = _match(a[i], b[j], pa[i], pb[j])
        if match and score[i][j] == score[i + 1][j + 1] + match:
            matched.append(i)
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return matched


def _neighbours(page: int, count: int) -> list[int]:
    """The ``WINDOW`` pages nearest to ``page`` (fewer in a short document)."""
    low = max(0, min(page - WINDOW // 2, count - WINDOW - 1))
    return [q for q in range(low, min(count, low + WINDOW + 1)) if q != page]


def _repeats(
    zones: list[list[str]], places: list[list[Box | None]]
) -> tuple[list[list[int]], list[int]]:
    """For each zone line, on how many compared pages it comes back; and pages compared."""
    counts = [[0] * len(zone) for zone in zones]
    compared = [0] * len(zones)
    for p, zone in enumerate(zones):
        for q in _neighbours(p, len(zones)):
            compared[p] += 1
            for i in _align(zone, zones[q], places[p], places[q]):
                counts[p][i] += 1
    return counts, compared


def page_lines(document: Document, texts: Sequence[str]) -> list[range]:
    """Line ranges of the pages: the document's own, or else split after page numbers.

    A text without form feeds or page-start marks still shows its pages by ``Sida 2 (5)``
    lines; each is taken to end a page (a number printed at the top then ends the page before,
    with the rest of its header: the running header repeats at the page bottoms instead).
    """
    if len(document.pages) > 1:
        return [range(p.first_line, p.last_line + 1) for p in document.pages]
    starts = [0]
    for index, text in enumerate(texts[:-1]):
        form = line_form(text)
        if form is not None and form.inside and form.label == PAGE_NUMBER:
            starts.append(index + 1)
    ends = [*starts[1:], len(texts)]
    return [range(start, end) for start, end in zip(starts, ends, strict=True) if end > start]


def find_furniture(document: Document) -> dict[int, Furniture]:
    """Lines of ``document`` that are page furniture, by line index."""
    texts = [document.line_text(i) for i in range(len(document.lines))]
    found: dict[int, Furniture] = {}
    pages = [[i for i in page if texts[i].strip()] for page in page_lines(document, texts)]
    for edge in ("top", "bottom"):
        zones = [(page[:ZONE] if edge == "top" else page[::-1][:ZONE]) for page in pages]
        keys = [[edge_key(texts[i]) for i in zone] for zone in zones]
        places = [[_line_box(document, i) for i in zone] for zone in zones]
        counts, compared = _repeats(keys, places) if len(pages) > 1 else ([], [])
        for p, zone in enumerate(zones):
            need = math.ceil(0.5 * compared[p]) if counts else 0
            for position, index in enumerate(zone):
                if not any(ch.isalnum() for ch in texts[index]):
                    continue  # a line of symbols: removed anyway, it does not end the edge
                repeated = counts[p][position] if counts else 0
                item = _classify(texts[index], index, edge, p + 1, repeated, need, compared)
                if item is None:
                    break
                found.setdefault(index, item)
    for index, text in enumerate(texts):
        form = line_form(text)
        if index not in found and form is not None and form.inside:
            said = Reason(phrase("form-line", what=form.label, text=text.strip()))
            found[index] = Furniture(index, form.inside, said)
    return found


def _line_box(document: Document, line: int) -> Box | None:
    """The box of a line of a scan (None for plain text)."""
    found = document.scan.line_box(line) if document.scan is not None else None
    return found.box if found is not None else None


def _classify(
    text: str, index: int, edge: str, page: int, repeated: int, need: int, compared: list[int]
) -> Furniture | None:
    shown = " ".join(text.split())
    form = line_form(text)
    where = phrase("at-top" if edge == "top" else "at-bottom", page=str(page))
    if need and repeated >= need and len(shown) <= LONGEST:
        share = repeated / max(1, compared[page - 1])
        what = form.label if form else phrase(f"running-{'header' if edge == 'top' else 'footer'}")
        confidence = max(form.confidence if form else 0.0, min(0.97, 0.8 + 0.17 * share))
        said = phrase(
            "repeats",
            what=what,
            text=shown,
            where=where,
            repeated=str(repeated),
            compared=str(compared[page - 1]),
        )
        return Furniture(index, round(confidence, 3), Reason(said))
    if form is not None:
        said = phrase("form-where", what=form.label, text=shown, where=where)
        return Furniture(index, form.confidence, Reason(said))
    if edge == "top" and is_speck_line(text):
        return Furniture(index, 0.6, Reason(phrase("garbage-line", text=shown, where=where)))
    return None
