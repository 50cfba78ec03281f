"""Structure benchmark: `korrektur apply --kinds all|structure` against the clean reading text.

For every development set in ../shared/corpus/dev/ this measures, against `NAME.clean.txt`:
character error rate (rapidfuzz Levenshtein distance / gold length), paragraph-boundary precision,
recall and F1 (words aligned, so OCR word errors do not count here), page-furniture lines removed
and body lines removed (a line counts as removed when deletions in `korrektur suggest --json`
cover all of it; which gold lines are furniture follows from `NAME.lines.txt` against the clean
text), and real hyphens lost (hyphens of the clean text that the raw OCR has and the output lost).
`--lines` also runs `--kinds structure` on `NAME.lines.txt`, whose words are already right: the
errors left there are the structure analysers' own. Prints Markdown tables for bench/README.md.
Needs ../shared beside the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"
REAL = "report-2016-uppfoljning"


def require_shared() -> None:
    if not DEV.is_dir():
        sys.exit(f"bench: the development data is missing: expected {DEV} (../shared)")


def dev_sets() -> list[str]:
    return sorted(p.name.removesuffix(".raw.txt") for p in DEV.glob("*.raw.txt"))


# -- running Korrektur -------------------------------------------------------------------------


def korrektur(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "korrektur", *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def apply(raw: Path, kinds: str, tmp: Path) -> str:
    out = tmp / f"{raw.stem}.{kinds}.out.txt"
    korrektur("apply", str(raw), "-o", str(out), "--kinds", kinds)
    return out.read_text(encoding="utf-8")


# -- paragraph boundaries --------------------------------------------------------------------


def _fold(token: str) -> str:
    text = unicodedata.normalize("NFKD", token.lower().replace("|", "i"))
    return "".join(ch for ch in text if ch.isalnum())


def _tokens_and_breaks(text: str) -> tuple[list[str], set[int]]:
    """Word tokens and the indices of tokens that start a paragraph (one per non-empty line)."""
    tokens: list[str] = []
    breaks: set[int] = set()
    for line in text.split("\n"):
        words = [w for w in (_fold(t) for t in line.split()) if w]
        if not words:
            continue
        if tokens:
            breaks.add(len(tokens))
        tokens.extend(words)
    return tokens, breaks


def paragraph_breaks(system: str, gold: str) -> tuple[int, int, int]:
    """Paragraph starts: right, in the system output, in the gold (after aligning the words).

    A system paragraph start before word j is right when a gold paragraph start lies between
    the gold words aligned with words j-1 and j (so a word OCR lost or split does not matter).
    """
    sys_tokens, sys_breaks = _tokens_and_breaks(system)
    gold_tokens, gold_breaks = _tokens_and_breaks(gold)
    to_gold = [0] * (len(sys_tokens) + 1)
    for op in Levenshtein.opcodes(sys_tokens, gold_tokens):
        for offset in range(op.src_end - op.src_start):
            span = op.dest_end - op.dest_start
            to_gold[op.src_start + offset] = op.dest_start + min(offset, max(0, span - 1))
    unused = set(gold_breaks)
    hits = 0
    for j in sorted(sys_breaks):
        window = range(to_gold[j - 1] + 1, to_gold[j] + 1)
        found = next((b for b in window if b in unused), None)
        if found is not None:
            unused.discard(found)
            hits += 1
    return hits, len(sys_breaks), len(gold_breaks)


# -- page furniture ---------------------------------------------------------------------------


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def gold_body_lines(lines_gold: Sequence[str], clean: str) -> list[bool | None]:
    """For each gold line: True if its text is in the clean text, False if furniture.

    A dynamic programme over (line, position in the clean text): each line either matches the
    clean text at the current position (letters and digits only) or is skipped; the most
    matched characters wins. Lines without letters or digits are None (neither).
    """
    target = _alnum(clean)
    keys = [_alnum(line) for line in lines_gold]
    best: dict[int, tuple[int, tuple[int, ...]]] = {0: (0, ())}
    for index, key in enumerate(keys):
        step: dict[int, tuple[int, tuple[int, ...]]] = {}
        for cursor, (score, matched) in best.items():
            candidates = [(cursor, score, matched)]
            if key and target.startswith(key, cursor):
                candidates.append((cursor + len(key), score + len(key), (*matched, index)))
            for new_cursor, new_score, new_matched in candidates:
                if new_cursor not in step or step[new_cursor][0] < new_score:
                    step[new_cursor] = (new_score, new_matched)
        best = step
    _, matched = best.get(len(target), max(best.values()))
    chosen = set(matched)
    return [None if not key else (i in chosen) for i, key in enumerate(keys)]


def removed_lines(raw_text: str, suggestions: list[dict[str, object]]) -> list[bool]:
    """For each raw line: True if every non-space character is inside a deletion."""
    deleted = bytearray(len(raw_text))
    for s in suggestions:
        if s["replacement"] == "":
            start, end = int(str(s["start"])), int(str(s["end"]))
            deleted[start:end] = b"\x01" * (end - start)
    result = []
    position = 0
    for line in raw_text.split("\n"):
        chars = [position + i for i, ch in enumerate(line) if not ch.isspace()]
        result.append(bool(chars) and all(deleted[i] for i in chars))
        position += len(line) + 1
    return result


# -- hyphens ----------------------------------------------------------------------------------


def _kept(source: str, gold: str) -> set[int]:
    """Gold offsets whose character the source has too (aligned as equal)."""
    kept: set[int] = set()
    for op in Levenshtein.opcodes(source, gold):
        if op.tag == "equal":
            kept.update(range(op.dest_start, op.dest_end))
    return kept


def hyphens_lost(raw: str, system: str, gold: str) -> tuple[int, int]:
    """Real hyphens of the gold that the raw text has but the system output lost; and total."""
    hyphens = {i for i, ch in enumerate(gold) if ch == "-" and i and gold[i - 1].isalnum()}
    in_raw = hyphens & _kept(raw, gold)
    return len(in_raw - _kept(system, gold)), len(in_raw)


# -- report -----------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    distance: int
    raw_distance: int
    gold_chars: int
    breaks: tuple[int, ...]  # right, system, gold paragraph starts
    furniture: tuple[int, ...]  # removed, gold
    body_removed: int
    hyphens: tuple[int, ...]  # lost, total

    def __add__(self, other: Result) -> Result:
        def add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
            return tuple(x + y for x, y in zip(a, b, strict=True))

        return Result(
            "ocr-sim total",
            self.distance + other.distance,
            self.raw_distance + other.raw_distance,
            self.gold_chars + other.gold_chars,
            add(self.breaks, other.breaks),
            add(self.furniture, other.furniture),
            self.body_removed + other.body_removed,
            add(self.hyphens, other.hyphens),
        )


def measure(name: str, kinds: str, tmp: Path, source: str = "raw") -> Result:
    raw_path = DEV / f"{name}.{source}.txt"
    raw = raw_path.read_text(encoding="utf-8")
    gold = (DEV / f"{name}.clean.txt").read_text(encoding="utf-8")
    lines_gold = (DEV / f"{name}.lines.txt").read_text(encoding="utf-8").split("\n")
    system = apply(raw_path, kinds, tmp)
    payload = json.loads(korrektur("suggest", str(raw_path), "--json", "--kinds", kinds))
    body = gold_body_lines(lines_gold, gold)
    removed = removed_lines(raw, payload["suggestions"])
    furniture = [i for i, b in enumerate(body) if b is False]
    return Result(
        name,
        Levenshtein.distance(system, gold),
        Levenshtein.distance(raw, gold),
        len(gold),
        paragraph_breaks(system, gold),
        (sum(1 for i in furniture if removed[i]), len(furniture)),
        sum(1 for i, b in enumerate(body) if b and removed[i]),
        hyphens_lost(raw, system, gold),
    )


def print_table(results: list[Result]) -> None:
    sims = [r for r in results if r.name != REAL]
    rows = [*results, sum(sims[1:], sims[0])] if len(sims) > 1 else results
    print(
        "| set | raw CER | CER | paragraph P / R / F1 | furniture removed "
        "| body lines removed | real hyphens lost |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        removed, total = r.furniture
        share = f"{100 * removed / total:.0f}%" if total else "–"
        right, found, wanted = r.breaks
        p = right / found if found else 1.0
        rec = right / wanted if wanted else 1.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        name = f"**{r.name}**" if r.name in (REAL, "ocr-sim total") else r.name
        print(
            f"| {name} | {100 * r.raw_distance / r.gold_chars:.1f}% | "
            f"{100 * r.distance / r.gold_chars:.2f}% | {p:.3f} / {rec:.3f} / {f1:.3f} | "
            f"{removed}/{total} ({share}) | {r.body_removed} | {r.hyphens[0]}/{r.hyphens[1]} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", nargs="*", help="development sets (default: all)")
    parser.add_argument("--kinds", nargs="*", default=["all", "structure"])
    parser.add_argument(
        "--lines",
        action="store_true",
        help="also run --kinds structure on the word-corrected gold lines (structure errors only)",
    )
    args = parser.parse_args()
    require_shared()
    names = args.sets or dev_sets()
    names.sort(key=lambda n: (n != REAL, n))
    with tempfile.TemporaryDirectory() as tmp:
        for kinds in args.kinds:
            print(f"\n`korrektur apply --kinds {kinds}`\n")
            print_table([measure(name, kinds, Path(tmp)) for name in names])
        if args.lines:
            print(
                "\n`korrektur apply --kinds structure` on `NAME.lines.txt` (words already right)\n"
            )
            print_table([measure(name, "structure", Path(tmp), "lines") for name in names])
    return 0


if __name__ == "__main__":
    sys.exit(main())
