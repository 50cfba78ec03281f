"""Train the real-word context model and write ``lexicon/realword.bin``.

    python tools/train_context.py [--corpus ../shared/corpus/sv-reference]
                                  [--out lexicon/realword.bin] [--report FILE]

Needs the ``train`` extra (``pip install -e '.[train]'``: scikit-learn). Reads the reference
corpus (13.4M words, correct å/ä/ö), derives the confusion sets (words that fold to one key;
printed forms that one OCR rewrite of ``lexicon/confusions.yaml`` makes of a common short
word), and for each set trains (a) a logistic regression over the folded neighbours and
(b) a smoothed trigram model over the same neighbours. Both are measured on held-out corpus
text (5% of the paragraphs, in blocks; another 5% validates) and on the real-word positions
of the 21 development documents (``bench/realword.py``), which nothing here learns from. The
linear model is shipped, pruned to features whose weight matters; the pruning's cost in
accuracy is reported. Run time: see ``lexicon/README.md``.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from context_corpus import (
    DEFAULT_CORPUS,
    ROOT,
    TEST,
    TRAIN,
    VALID,
    ConfusionSet,
    Example,
    examples,
    fold_sets,
    ocr_sets,
    read_corpus,
)
from context_models import Linear, Metrics, NgramSet, features_of, softmax, train_linear
from korrektur.engine.words.realword_features import nearest
from korrektur.engine.words.realword_weights import SetWeights, write
from korrektur.engine.words.text import fold

sys.path.insert(0, str(ROOT / "bench"))
from realword import positions  # noqa: E402

DEFAULT_OUT = ROOT / "lexicon" / "realword.bin"
PRUNING = (0.03, 0.1, 0.25, 0.5)  # other pruning levels measured (features and accuracy)


def example_of(left: list[str], right: list[str], title: bool, upper: bool, word: str) -> Example:
    """An ``Example`` of a position given as run-time context tokens."""
    return Example(tuple(reversed(nearest(left, -1))), tuple(nearest(right, 1)), title, upper, word)


def gather(
    lines: list[str], sets: list[ConfusionSet], rates: dict[str, float], seed: int
) -> dict[str, list[Example]]:
    """Examples by the word that stood there."""
    members = {w for s in sets for w in s.members}
    by_word: dict[str, list[Example]] = collections.defaultdict(list)
    for example in examples(lines, members, rates, seed):
        by_word[example.word].append(example)
    return by_word


def evaluate(
    scorer: object, members: tuple[str, ...], data: list[Example], rates: dict[str, float]
) -> Metrics:
    """Metrics of ``scorer`` (a ``Linear`` or ``NgramSet``) on ``data``, weighted by 1/rate."""
    metrics = Metrics()
    place = {w: k for k, w in enumerate(members)}
    majority = 0
    for example in data:
        if isinstance(scorer, Linear):
            scores = scorer.scores(features_of(example))
        else:
            scores = scorer.scores(example)  # type: ignore[attr-defined]
        metrics.add(
            softmax(scores), place[example.word], majority, 1.0 / rates.get(example.word, 1.0)
        )
    return metrics


@dataclass
class Results:
    """Metrics per model and split, pooled and per set."""

    pooled: dict[tuple[str, str], Metrics] = field(
        default_factory=lambda: collections.defaultdict(Metrics)
    )
    per_set: dict[tuple[str, str, str], Metrics] = field(
        default_factory=lambda: collections.defaultdict(Metrics)
    )

    def add(self, model: str, split: str, key: str, metrics: Metrics) -> None:
        self.pooled[model, split].merge(metrics)
        self.per_set[model, split, key].merge(metrics)


def dev_examples(sets: list[ConfusionSet], gold_context: bool) -> dict[str, list[Example]]:
    """The development documents' ambiguous positions as examples, by the key of their set."""
    by_printed = {(s.kind, s.key): s for s in sets}

    def readings(printed: str) -> tuple[str, ...]:
        low = printed.lower()
        found = by_printed.get(("ocr", low)) or by_printed.get(("fold", fold(low)))
        return found.members if found else ()

    found, _ = positions(readings, gold_context)
    by_set: dict[str, list[Example]] = collections.defaultdict(list)
    for p in found:
        low = p.printed.lower()
        entry = by_printed.get(("ocr", low)) or by_printed[("fold", fold(low))]
        by_set[f"{entry.kind}:{entry.key}"].append(
            example_of(p.left, p.right, p.title, p.upper, p.gold)
        )
    return by_set


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--report", type=Path, help="also write the report (Markdown) here")
    parser.add_argument("--limit", type=int, help="read only this many lines per file (trials)")
    parser.add_argument("--cap", type=int, default=60_000, help="training examples per word")
    parser.add_argument("--test-cap", type=int, default=15_000, help="held-out examples per word")
    parser.add_argument("--min-member", type=int, default=10, help="corpus count of a member")
    parser.add_argument("--common", type=int, default=1000, help="count of an OCR-rewritten word")
    parser.add_argument("--c", type=float, default=3.0, help="inverse L2 regularisation")
    parser.add_argument("--min-feature", type=int, default=2, help="examples with a feature")
    parser.add_argument("--prune", type=float, default=0.1, help="smallest weight shipped")
    parser.add_argument("--cache", type=Path, help="keep the tokenized corpus here (reruns)")
    parser.add_argument("--no-ngram", action="store_true", help="skip the trigram candidate")
    parser.add_argument("--only", help="train only these sets (keys, comma-separated: trials)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = read_corpus(args.corpus, args.limit, args.cache)
    counts = corpus.counts
    sets = fold_sets(counts, args.min_member)
    sets += ocr_sets(counts, sets, args.min_member, args.common)
    if args.only:
        sets = [s for s in sets if s.key in args.only.split(",")]
    log(f"{len(sets)} confusion sets, {time.perf_counter() - started:.0f} s")
    members = {w for s in sets for w in s.members}
    rates = {w: min(1.0, args.cap / counts[w]) for w in members}
    share = len(corpus.lines[TEST]) / max(1, len(corpus.lines[TRAIN]))
    test_rates = {w: min(1.0, args.test_cap / max(1.0, counts[w] * share)) for w in members}
    train = gather(corpus.lines[TRAIN], sets, rates, 1)
    held = {
        VALID: gather(corpus.lines[VALID], sets, test_rates, 2),
        TEST: gather(corpus.lines[TEST], sets, test_rates, 3),
    }
    del corpus
    log(f"examples gathered, {time.perf_counter() - started:.0f} s")
    dev = {
        "dev": dev_examples(sets, gold_context=False),
        "dev-gold": dev_examples(sets, gold_context=True),
    }
    results = Results()
    shipped: list[SetWeights] = []
    features_total = features_kept = 0
    kept_at: collections.Counter[float] = collections.Counter()
    for number, entry in enumerate(sets, 1):
        name = f"{entry.kind}:{entry.key}"
        data = [e for w in entry.members for e in train.get(w, ())]
        try:
            linear = train_linear(entry.members, data, rates, args.c, args.min_feature)
        except ValueError as exc:
            log(f"skipped {name}: {exc}")
            continue
        pruned = linear.pruned(args.prune)
        features_total += len(linear.weights)
        features_kept += len(pruned.weights)
        models: dict[str, object] = {"linear": linear, "linear-pruned": pruned}
        for level in PRUNING:
            if level != args.prune:
                smaller = linear.pruned(level)
                models[f"linear-pruned-{level}"] = smaller
                kept_at[level] += len(smaller.weights)
        if not args.no_ngram:
            models["trigram"] = NgramSet.train(entry.members, data, rates)
        for split, by_word in held.items():
            rows = [e for w in entry.members for e in by_word.get(w, ())]
            for label, model in models.items():
                results.add(label, split, name, evaluate(model, entry.members, rows, test_rates))
        for split, by_set in dev.items():
            rows = by_set.get(name, [])
            for label, model in models.items():
                results.add(label, split, name, evaluate(model, entry.members, rows, {}))
        counts_of = tuple(counts[w] for w in entry.members)
        shipped.append(
            SetWeights(
                entry.key, entry.kind, entry.members, tuple(pruned.bias), pruned.weights, counts_of
            )
        )
        if number % 50 == 0:
            log(f"{number}/{len(sets)} sets trained, {time.perf_counter() - started:.0f} s")
    meta = {
        "source": "../shared/corpus/sv-reference (training split: blocks of 500 paragraphs, "
        "all but 2 of every 20)",
        "features": features_kept,
        "pruned_below": args.prune,
        "c": args.c,
        "cap": args.cap,
    }
    size = write(args.out, shipped, meta)
    elapsed = time.perf_counter() - started
    report = render(results, sets, size, features_total, features_kept, elapsed, args)
    report += "\n\nFeatures kept at other pruning levels: " + ", ".join(
        f"{level}: {kept:,}" for level, kept in sorted(kept_at.items())
    )
    print(report)
    if args.report:
        args.report.write_text(report + "\n", encoding="utf-8")
    return 0


def log(message: str) -> None:
    print(f"train_context: {message}", file=sys.stderr, flush=True)


NAMED = (
    "har",
    "vara",
    "ar",
    "var",
    "man",
    "lag",
    "tag",
    "bor",
    "sa",
    "svara",
    "huvudman",
    "avsatts",
    "1",
    "dr",
)


def _row(m: Metrics) -> str:
    return (
        f"{m.n} | {m.accuracy:.2%} | {m.baseline:.2%} | {m.loss:.3f} | {m.ece:.3f}"
        if m.n
        else "0 | – | – | – | –"
    )


def render(
    results: Results,
    sets: list[ConfusionSet],
    size: int,
    features_total: int,
    features_kept: int,
    elapsed: float,
    args: argparse.Namespace,
) -> str:
    """The report: pooled figures, figures per set, reliability, size and time."""
    models = sorted({m for m, _ in results.pooled})
    out = [
        "## Real-word context model: results",
        "",
        f"{len(sets)} confusion sets; weights {size / 1e6:.2f} MB, {features_kept:,} features "
        f"shipped of {features_total:,} (weights below {args.prune} pruned); "
        f"trained in {elapsed / 60:.1f} min.",
        "",
        "Accuracy is over every position of a set member (held-out corpus: weighted back to "
        "the corpus's own mix; dev: the development documents' ambiguous words, OCR'd "
        "neighbours; dev-gold: the same with gold neighbours). Baseline: always the set's most "
        "frequent word. Log-loss per position; ECE: expected calibration error.",
        "",
        "| split | model | positions | accuracy | baseline | log-loss | ECE |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for split in ("valid", "test", "dev", "dev-gold"):
        for model in models:
            out.append(f"| {split} | {model} | {_row(results.pooled[model, split])} |")
    chosen = "linear-pruned"
    out += ["", f"### Per confusion set ({chosen}; trigram accuracy beside it)", ""]
    out += [
        "| set | members | test n | test acc | trigram | baseline "
        "| dev n | dev acc | trigram | baseline |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    keyed = {f"{s.kind}:{s.key}": s for s in sets}

    def weight(name: str) -> tuple[float, float]:
        return (results.per_set[chosen, "dev", name].n, results.per_set[chosen, "test", name].total)

    names = [n for n in keyed if results.per_set[chosen, "test", n].n]
    shown = sorted(names, key=weight, reverse=True)[:40]
    shown += [n for n in names if keyed[n].key in NAMED and n not in shown]
    for name in shown:
        test = results.per_set[chosen, "test", name]
        tri = results.per_set["trigram", "test", name]
        dev = results.per_set[chosen, "dev", name]
        dtri = results.per_set["trigram", "dev", name]
        dev_cells = (
            f"{dev.n} | {dev.accuracy:.1%} | {dtri.accuracy:.1%} | {dev.baseline:.1%}"
            if dev.n
            else "0 | | |"
        )
        out.append(
            f"| {name} | {' '.join(keyed[name].members)} | {test.n} | {test.accuracy:.2%} "
            f"| {tri.accuracy:.2%} | {test.baseline:.2%} | {dev_cells} |"
        )
    for split in ("test", "dev"):
        out += ["", f"### Reliability ({chosen}, {split})", ""]
        out += results.pooled[chosen, split].reliability()
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
