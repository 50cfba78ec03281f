"""How the sentence around an ambiguous word becomes features, the same in training and use.

The real-word model (``realword.py``) and its training script (``tools/train_context.py``)
both call these functions, so the model sees the words around a word exactly as it was
trained to. The text is cut into words with the engine's own tokenizer (``text.py``:
``core_bounds``, ``word_parts``, ``ends_sentence``); punctuation between words becomes one of
three marks. Neighbours are lower-cased and diacritic-folded (``fold``): in OCR text they
have lost their å/ä/ö as often as the word being decided, so the model must not rely on them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from korrektur.engine.words.memo import Memo
from korrektur.engine.words.text import NUMBER, core_bounds, ends_sentence, fold, word_parts
from korrektur.model.reason import Phrase, phrase

BOUNDARY = "<s>"  # a sentence or paragraph begins or ends here
COMMA = ","  # a comma, semicolon or similar pause
BREAK = "("  # a bracket, quotation mark or dash between words
MARKS = frozenset({BOUNDARY, COMMA, BREAK})
WINDOW = 3  # words on each side that the model reads
SUFFIX = 3  # letters of a neighbour's ending used as a feature (``-ade``, ``-iga``)

_PAUSES = frozenset(",;")
_JOINERS = frozenset("-/.'’")  # no pause: parts of one word (``lärare/elever``, ``bl.a.``)
_BULLETS = frozenset("•·▪◦*■□►")


def _marks(text: str) -> str | None:
    """The mark that punctuation ``text`` between two words stands for (None: no pause)."""
    if not text or _JOINERS.issuperset(text):
        return None
    if not _PAUSES.isdisjoint(text):
        return COMMA
    return BREAK


def context_tokens(chunks: Iterable[str]) -> list[str]:
    """The words and marks of whitespace-separated ``chunks`` (part of a paragraph).

    Words keep their case (``features`` folds them); a chunk that ends a sentence (``slut.``,
    ``rubrik:``) is followed by ``BOUNDARY``, other punctuation around or between words
    becomes ``COMMA`` or ``BREAK`` (hyphens and slashes inside a word are no pause), a bullet
    begins a sentence. Adjacent marks collapse into the strongest. A paragraph's edges are
    not marked: the caller adds ``BOUNDARY`` there (see ``around``).
    """
    out: list[str] = []

    def mark(token: str | None) -> None:
        if token is None:
            return
        if out and out[-1] in MARKS:
            if out[-1] == BOUNDARY or token == BREAK:
                return
            out[-1] = token
        else:
            out.append(token)

    for chunk in chunks:
        start, end = bounds = core_bounds(chunk)
        if start >= end:  # only punctuation: a dash, a bullet, a lone full stop
            if ends_sentence(chunk) or (len(chunk) == 1 and chunk in _BULLETS):
                mark(BOUNDARY)
            else:
                mark(COMMA if not _PAUSES.isdisjoint(chunk) else BREAK)
            continue
        mark(_marks(chunk[:start]))
        position = start
        for part in word_parts(chunk, 0, bounds):
            if position < part.start:
                mark(_marks(chunk[position : part.start]))
            out.append(part.text)
            position = part.end
        if ends_sentence(chunk):
            mark(BOUNDARY)
        else:
            mark(_marks(chunk[end:]))
    return out


_NORMAL: dict[str, str] = {}  # token → normalised token (bounded; inline, see README.md)
_NORMAL_LIMIT = 200_000


def normalise(token: str) -> str:
    """A token as features see it: folded lower case, any number as ``NUMBER``."""
    found = _NORMAL.get(token)
    if found is None:
        found = token if token in MARKS else NUMBER if token.isdigit() else fold(token)
        if len(_NORMAL) >= _NORMAL_LIMIT:
            _NORMAL.clear()
        _NORMAL[token] = found
    return found


def nearest(tokens: Sequence[str], step: int, start: int | None = None) -> list[str]:
    """Up to ``WINDOW`` normalised tokens, nearest first, ending at the first ``BOUNDARY``.

    ``step`` is -1 for tokens before the word (nearest last), 1 for tokens after it;
    ``start`` is the nearest token's index (default: the last or the first).
    """
    out: list[str] = []
    count = len(tokens)
    position = start if start is not None else count - 1 if step < 0 else 0
    get = _NORMAL.get
    while 0 <= position < count:
        raw = tokens[position]
        token = get(raw) or normalise(raw)
        out.append(token)
        if token == BOUNDARY or len(out) == WINDOW:
            break
        position += step
    return out


def features(left: Sequence[str], right: Sequence[str], title: bool, upper: bool) -> list[str]:
    """Feature names of one position between the ``left`` (nearest last) and ``right`` tokens.

    ``left`` and ``right`` end where the caller's knowledge ends: pass ``BOUNDARY`` where a
    paragraph or sentence begins or ends. The features: each of the three neighbours on each
    side by position (``L1=det``), the pairs left of, right of and around the word
    (``LL=sa det``, ``RR=viktigt att``, ``LR=det viktigt``), the endings of the nearest
    neighbours (``L1-det``), and a capital letter the word has inside a sentence.
    (Written out for speed: it runs for every ambiguous word.)
    """
    before = nearest(left, -1)
    after = nearest(right, 1)
    out: list[str] = []
    append = out.append
    if before:
        near = before[0]
        append("L1=" + near)
        if len(before) > 1:
            append("L2=" + before[1])
            append("LL=" + before[1] + " " + near)
            if len(before) > 2:
                append("L3=" + before[2])
        if after:
            append("LR=" + near + " " + after[0])
        if len(near) > SUFFIX + 1:
            append("L1-" + near[-SUFFIX:])
    if after:
        near = after[0]
        append("R1=" + near)
        if len(after) > 1:
            append("R2=" + after[1])
            append("RR=" + near + " " + after[1])
            if len(after) > 2:
                append("R3=" + after[2])
        if len(near) > SUFFIX + 1:
            append("R1-" + near[-SUFFIX:])
    if upper:
        append("C=upper")
    elif title and before and before[0] != BOUNDARY:
        append("C=title")
    return out


_SHOWN = {
    BOUNDARY: "boundary",
    COMMA: "comma",
    BREAK: "bracket",
    NUMBER: "number",
}


def _shown(token: str) -> Phrase:
    key = _SHOWN.get(token)
    return phrase(key) if key is not None else phrase("word", word=token)


def describe_phrase(feature: str) -> Phrase:
    """A feature as a reason phrase (``L1=det`` → "'det' just before"), remembered."""
    return _DESCRIBED[feature]


def _describe_phrase(feature: str) -> Phrase:
    kind, _, value = feature.partition("=")
    first, _, second = value.partition(" ")
    if kind in ("L1", "R1"):
        return phrase("just-before" if kind == "L1" else "just-after", token=_shown(value))
    if kind in ("L2", "L3", "R2", "R3"):
        side = "words-before" if kind[0] == "L" else "words-after"
        return phrase(side, token=_shown(value), count=kind[1])
    if kind in ("LL", "RR"):
        side = "two-before" if kind == "LL" else "two-after"
        return phrase(side, first=_shown(first), second=_shown(second))
    if kind == "LR":
        return phrase("between", first=_shown(first), second=_shown(second))
    if kind == "C":
        return phrase("in-capitals" if value == "upper" else "capitalised")
    if feature[1:3] == "1-":
        side = "ending-before" if feature[0] == "L" else "ending-after"
        return phrase(side, ending=feature[3:])
    return phrase("feature", feature=feature)


_DESCRIBED = Memo(_describe_phrase, 100_000)  # feature → its phrase


def describe(feature: str) -> str:
    """A feature in words a reviewer understands (``L1=det`` → ``'det' just before``)."""
    return describe_phrase(feature).render()
