"""Page view benchmark: a 300-page PDF opened in the window, paged through with J.

    python bench/pages.py [--pages 300] [--hocr SCAN.hocr ...]

Drives the real window (offscreen Qt, the default engine, the analysis on its worker thread,
page pictures on theirs) and measures:
  - opening the PDF: the time until the page view shows its first page (it renders it while
    the text layer is still read), until the text is shown, until the analysis is done;
  - ``J`` onto another page: from the key press until the page view shows the page of the new
    current suggestion, repainted; once with the page decoded ahead (cached) and once with the
    picture cache emptied just before (uncached), alternately over every page of the PDF;
  - ``J`` on the same page (the view moves to the next word);
  - the same on scans' hOCR with their PNG page images (scan-1 to scan-4: 200 to 300 dpi
    greyscale; decoding them is the slow case);
  - the process's peak resident memory (VmHWM) while paging through, and the picture cache.
The PDF is made of the pages of ../shared/corpus/scans/*.pdf, repeated. Results go to
bench/out/pages.json and are printed as a Markdown table. Needs ../shared.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui import build_window  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCANS = ROOT.parent / "shared" / "corpus" / "scans"
OUT = ROOT / "bench" / "out"
TARGETS = {"first_page_s": 2.0, "cached_ms": 100.0, "uncached_ms": 300.0, "rss_mb": 1024.0}


def require_scans() -> None:
    if not SCANS.is_dir():
        sys.exit(f"bench: the scans are missing: expected {SCANS} (../shared beside the repo)")


def make_pdf(pages: int, target: Path) -> Path:
    """A ``pages``-page searchable PDF from the scans' PDFs."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    sources = sorted(SCANS.glob("scan-*.pdf"), key=lambda p: int(p.stem.split("-")[1]))
    while len(out) < pages:
        for path in sources:
            source = pdfium.PdfDocument(str(path))
            out.import_pages(source, list(range(min(len(source), pages - len(out)))))
            source.close()
            if len(out) >= pages:
                break
    out.save(str(target))
    out.close()
    return target


def peak_rss_mb() -> float:
    """The process's peak resident memory so far."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def wait_until(app, condition, timeout: float = 600.0) -> float:  # noqa: ANN001
    """Process events until ``condition()``; the seconds it took."""
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - started > timeout:
            raise TimeoutError("bench: the window did not get there in time")
        time.sleep(0.001)
    return time.perf_counter() - started


class PageClock:
    """The time from a key press until the page view shows the page it is waiting for."""

    def __init__(self, app, window) -> None:  # noqa: ANN001
        self.app = app
        self.window = window
        self.shown: object | None = None
        self.cpu: list[float] = []  # the GUI thread's CPU time of each press, ms
        window.page_view.page_shown.connect(self._on_shown)

    def _on_shown(self, key: object) -> None:
        self.shown = key

    def press_j(self) -> float:
        """Press J in the raw pane; ms until the current suggestion's page is on screen."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        view = self.window.page_view
        self.shown = None
        started, cpu = time.perf_counter(), time.thread_time()
        QTest.keyClick(self.window.raw_view, Qt.Key.Key_J)
        wait_until(self.app, lambda: self.shown is not None and view.shown_page == view.page, 30)
        view.canvas.viewport().repaint()
        self.cpu.append(1000 * (time.thread_time() - cpu))
        return 1000 * (time.perf_counter() - started)


def first_on_pages(session, document) -> list[tuple[int, int]]:  # noqa: ANN001
    """(page, index of the page's first suggestion with a printed word), for every page."""
    layout = document.scan
    found: dict[int, int] = {}
    for index, suggestion in enumerate(session.suggestions):
        page = layout.page_of_span(suggestion.start, suggestion.end)
        if page is not None and page not in found:
            found[page] = index
    return sorted(found.items())


def page_through(app, window, clock: PageClock, limit: int | None = None) -> dict[str, list[float]]:  # noqa: ANN001
    """J onto every page (cached and uncached alternately) and J within pages."""
    controller = window.controller
    session = controller.session
    view = window.page_view
    times: dict[str, list[float]] = {"cached": [], "uncached": [], "same page": []}
    cpu: dict[str, list[float]] = {key: [] for key in times}
    starts = first_on_pages(session, session.document)[1 : (limit or 10**9) + 1]
    for position, (page, index) in enumerate(starts):
        # stand on the suggestion before the page's first, and let the view settle
        controller.set_current(session.suggestions[index - 1].id)
        wait_until(app, lambda: view.shown_page == view.page, 30)
        cold = position % 2 == 1
        if cold:
            view.images.forget()
        else:  # the page ahead decoded, as it is while a clerk reads the page before
            from korrektur.ui.page_images import page_key

            key = page_key(view.layout_, page)
            wait_until(app, lambda k=key: view.images.cached(k) is not None, 30)
        kind = "uncached" if cold else "cached"
        times[kind].append(clock.press_j())
        cpu[kind].append(clock.cpu[-1])
        if view.page != page:
            raise RuntimeError(f"bench: J went to page {view.page + 1}, not {page + 1}")
        times["same page"].append(clock.press_j())
        cpu["same page"].append(clock.cpu[-1])
    times.update({f"{key} cpu": values for key, values in cpu.items()})
    return times


def summary(values: list[float]) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"{statistics.median(ordered):.0f} / {p95:.0f} / {ordered[-1]:.0f}"


def open_and_measure(app, window, path: Path) -> dict[str, float]:  # noqa: ANN001
    view = window.page_view
    marks: dict[str, float] = {}
    started = time.perf_counter()
    view.page_shown.connect(
        lambda _key: marks.setdefault("first_page_s", time.perf_counter() - started)
    )
    window.service.loaded.connect(
        lambda *_: marks.setdefault("text_s", time.perf_counter() - started)
    )
    window.service.session_replaced.connect(
        lambda built: built and marks.setdefault("analysed_s", time.perf_counter() - started)
    )
    window.open_path(path)
    wait_until(app, lambda: "analysed_s" in marks and window.controller.session is not None)
    wait_until(app, lambda: view.shown_page is not None, 30)
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument(
        "--hocr",
        type=Path,
        nargs="+",
        default=[SCANS / f"scan-{n}.hocr" for n in range(1, 5)],
        help="scans paged through after the PDF (default: scan-1 to scan-4)",
    )
    args = parser.parse_args()
    require_scans()
    from korrektur.engine import default_engine

    results: dict[str, object] = {"pages": args.pages}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        pdf = make_pdf(args.pages, tmp / "report.pdf")
        results["pdf_mb"] = round(pdf.stat().st_size / 1e6, 1)
        app, window = build_window(tmp, default_engine)
        window.show()
        clock = PageClock(app, window)
        results["open"] = open_and_measure(app, window, pdf)
        results["suggestions"] = len(window.controller.session.suggestions)
        pdf_times = page_through(app, window, clock)
        results["pdf"] = pdf_times
        results["rss_after_pdf_mb"] = round(peak_rss_mb())
        results["cache_mb"] = round(window.page_view.images.used / 2**20)
        hocr_times: dict[str, list[float]] = {}
        for hocr in args.hocr:
            open_and_measure(app, window, hocr)
            for key, values in page_through(app, window, clock).items():
                hocr_times.setdefault(key, []).extend(values)
        results["hocr"] = hocr_times
        results["rss_mb"] = round(peak_rss_mb())
        window.close()
        window.service.shut_down()
    OUT.mkdir(exist_ok=True)
    (OUT / "pages.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    opened = results["open"]
    assert isinstance(opened, dict)
    print(f"{args.pages}-page PDF ({results['pdf_mb']} MB), {results['suggestions']} suggestions")
    print(f"load average {os.getloadavg()[0]:.1f} at the end (2 cores)\n")
    print("| measure | wall: median / p95 / max | GUI thread CPU: median | target |")
    print("|---|---:|---:|---|")
    print(f"| PDF opened: first page shown | {opened['first_page_s']:.2f} s | | < 2 s |")
    print(
        f"| PDF opened: text shown / analysis done | {opened['text_s']:.1f} s / "
        f"{opened['analysed_s']:.1f} s | | |"
    )
    for name, times, kind, target in (
        ("PDF, J onto the next page, decoded ahead", pdf_times, "cached", "< 100 ms"),
        ("PDF, J onto a page not decoded", pdf_times, "uncached", "< 300 ms"),
        ("PDF, J on the same page", pdf_times, "same page", ""),
        ("hOCR + PNG, J onto the next page, decoded ahead", hocr_times, "cached", "< 100 ms"),
        ("hOCR + PNG, J onto a page not decoded", hocr_times, "uncached", "< 300 ms"),
        ("hOCR + PNG, J on the same page", hocr_times, "same page", ""),
    ):
        wall, cpu = times[kind], times[f"{kind} cpu"]
        median = f"{statistics.median(cpu):.0f} ms" if cpu else "–"
        print(f"| {name} ({len(wall)} presses) | {summary(wall)} ms | {median} | {target} |")
    print(
        f"| peak memory of the process (VmHWM), paging through the PDF | "
        f"{results['rss_after_pdf_mb']} MB | | < 1 GB |"
    )
    print(f"| picture cache at the end | {results['cache_mb']} MB | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
