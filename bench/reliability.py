"""Reliability of confidences: a table by confidence bin and a diagram (PNG).

A bin is kept when the suggestions in it are right at least as often as its lower edge says
(a clerk who bulk-accepts at 0.9 must find at least 90% of them right).
"""

from __future__ import annotations

from pathlib import Path

# Confidence bins, [low, high); the last includes 1.0.
BINS = (
    (0.0, 0.5),
    (0.5, 0.7),
    (0.7, 0.8),
    (0.8, 0.9),
    (0.9, 0.95),
    (0.95, 0.99),
    (0.99, 0.999),
    (0.999, 1.0),
)


def binned(
    samples: list[tuple[float, bool]], bins: tuple[tuple[float, float], ...] = BINS
) -> list[tuple[float, float, list[tuple[float, bool]]]]:
    """The samples (confidence, right?) of each bin."""
    found = []
    for low, high in bins:
        top = high >= 1.0
        inside = [(c, r) for c, r in samples if low <= c and (c < high or (top and c <= 1.0))]
        found.append((low, high, inside))
    return found


def reliability_table(
    samples: list[tuple[float, bool]], bins: tuple[tuple[float, float], ...] = BINS
) -> list[str]:
    """Markdown rows: suggestions, mean confidence and share right per bin, and ≥ 0.9."""
    lines = [
        "| confidence | suggestions | mean confidence | right | at least the lower edge? |",
        "|---|---:|---:|---:|---|",
    ]
    for low, high, inside in binned(samples, bins):
        if not inside:
            lines.append(f"| {low:g}–{high:g} | 0 | – | – | |")
            continue
        right = sum(r for _, r in inside) / len(inside)
        mean = sum(c for c, _ in inside) / len(inside)
        verdict = "yes" if right >= low else "**no**"
        lines.append(
            f"| {low:g}–{high:g} | {len(inside)} | {mean:.4f} | {100 * right:.2f}% | {verdict} |"
        )
    sure = [r for c, r in samples if c >= 0.9]
    if sure:
        lines.append(f"| **≥ 0.9** | {len(sure)} | | **{100 * sum(sure) / len(sure):.2f}%** | |")
    return lines


def draw(samples: list[tuple[float, bool]], path: Path) -> bool:
    """Draw the reliability diagram into ``path``; False when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    points = [
        (sum(c for c, _ in inside) / len(inside), sum(r for _, r in inside) / len(inside), n)
        for _, _, inside in binned(samples)
        if (n := len(inside))
    ]
    figure, panels = plt.subplots(1, 2, figsize=(10, 5), dpi=100)
    for axes, low in zip(panels, (0.0, 0.9), strict=True):
        shown = [p for p in points if p[0] >= low]
        axes.plot([low, 1], [low, 1], color="grey", linestyle="--", linewidth=1, label="perfect")
        axes.plot(
            [p[0] for p in shown],
            [p[1] for p in shown],
            marker="o",
            color="tab:blue",
            label="out of fold",
        )
        for confidence, right, n in shown:
            axes.annotate(str(n), (confidence, right), textcoords="offset points", xytext=(4, -10))
        axes.set_xlabel("confidence shown (mean of bin)")
        axes.set_ylabel("share of suggestions right")
        axes.set_xlim(low, 1.0 + (1.0 - low) * 0.02)
        axes.set_ylim(low, 1.0 + (1.0 - low) * 0.02)
        axes.legend(loc="upper left")
    panels[0].set_title(f"Word suggestions, leave one document out ({len(samples)})")
    panels[1].set_title("the same, confidence 0.9 and above")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return True
