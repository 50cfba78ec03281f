"""Count OCR confusions between words as printed and as corrected (raw and gold).

One tally serves both learners of the OCR channel: ``tools/learn_confusions.py``, which
counts the development documents against their gold text for the shipped
``learned-confusions.yaml``, and a corpus, which counts its reviewed documents against what
the reviewer made of them. Only character statistics are kept, never words.
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz.distance import Levenshtein

from korrektur.engine.words.text import core_bounds

MAX_SEGMENT = 2  # longest raw or gold piece of one confusion
MAX_BLOCKS = 3  # more differences than this: the pair is junk, not a misreading


def core(token: str) -> str:
    """The word core of a whitespace token."""
    start, end = core_bounds(token)
    return token[start:end]


def confusions(raw: str, gold: str) -> list[tuple[str, str]] | None:
    """The ``(raw, gold)`` pieces that differ between two lower-case words, or None for junk."""
    blocks: list[list[int]] = []
    for op in Levenshtein.opcodes(raw, gold):
        if op.tag == "equal":
            continue
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if blocks and blocks[-1][1] == i1 and blocks[-1][3] == j1:
            blocks[-1][1], blocks[-1][3] = i2, j2
        else:
            blocks.append([i1, i2, j1, j2])
    pieces: list[tuple[str, str]] = []
    for i1, i2, j1, j2 in blocks:
        if i2 - i1 == j2 - j1:
            pieces.extend(zip(raw[i1:i2], gold[j1:j2], strict=True))
        elif i2 - i1 <= MAX_SEGMENT and j2 - j1 <= MAX_SEGMENT:
            pieces.append((raw[i1:i2], gold[j1:j2]))
        else:
            return None
    return pieces if len(pieces) <= MAX_BLOCKS else None


class ConfusionTally:
    """Confusion and case counts over pairs of whitespace tokens (raw, gold).

    The counts, as ``counts()`` gives them (the form of one document of
    ``learned-confusions.yaml``):

    * ``gold_chars``: letters of the gold words (lower case), the denominators;
    * ``confusions``: ``"raw>gold"``: how often gold was printed as raw (``"a>ä"``,
      ``"6>ö"``, ``">ö"`` for a lost ö);
    * ``upper_initial``: gold letter that starts a lower-case word printed upper case;
    * ``lower_initial``: lower-case word starts per gold letter (its denominator).
    """

    def __init__(self) -> None:
        self.gold_chars: Counter[str] = Counter()
        self.confusions: Counter[str] = Counter()
        self.upper: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()

    def add(self, raw_token: str, gold_token: str) -> None:
        """Count one token as printed (``raw_token``) and as it should read."""
        raw, gold = core(raw_token), core(gold_token)
        if not gold or not any(ch.isalpha() for ch in gold):
            return
        self.gold_chars.update(ch for ch in gold.lower() if ch.isalpha())
        if gold[0].islower():
            self.lower[gold[0]] += 1
            if raw[:1].isupper():
                self.upper[gold[0]] += 1
        if raw.lower() == gold.lower():
            return
        for piece_raw, piece_gold in confusions(raw.lower(), gold.lower()) or ():
            self.confusions[f"{piece_raw}>{piece_gold}"] += 1

    def add_line(self, raw_line: str, gold_line: str) -> None:
        """Count the tokens of a line pair; lines with split or merged words are skipped."""
        raw_tokens, gold_tokens = raw_line.split(), gold_line.split()
        if len(raw_tokens) != len(gold_tokens):
            return  # no reliable pairing
        for raw_token, gold_token in zip(raw_tokens, gold_tokens, strict=True):
            self.add(raw_token, gold_token)

    def counts(self) -> dict[str, dict[str, int]]:
        """The counts, sorted (confusions most frequent first)."""
        return {
            "gold_chars": dict(sorted(self.gold_chars.items())),
            "confusions": dict(sorted(self.confusions.items(), key=lambda kv: (-kv[1], kv[0]))),
            "upper_initial": dict(sorted(self.upper.items())),
            "lower_initial": dict(sorted(self.lower.items())),
        }
