"""What learning and re-scoring cost on a large corpus.

    python bench/rescore_speed.py [--documents 1000] [--rescore 50] [--work DIR]

Builds the corpus of ``bench/corpus.py`` (pages of the development documents, sampled and
shuffled; it says so and stops when ../shared is missing), analyses it (``--jobs 2``), lets
one document be reviewed (five suggestions rejected, the rest accepted), then times
``learn_corpus`` and ``rescore_corpus`` on ``--rescore`` other documents: wall and processor
time, and processor time per document re-scored.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from corpus import analyse, build
from korrektur.corpus.learning.learner import learn_corpus, load_profile
from korrektur.corpus.learning.rescore import rescore_corpus
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import init_project
from korrektur.store.reviewfile import review_bytes
from korrektur.store.reviewread import load_review


def review_one(root: Path) -> list[str]:
    """Decide the first document; the names of the documents, first to last."""
    with open_corpus(root, "bench") as corpus:
        names = [row.name for row in corpus.index.documents()]
        path = corpus.project.review_path(names[0])
        review = load_review(path)
        words = [s for s in review.session.suggestions if s.is_word_fix]
        review.session.reject(*(s.id for s in words[:5]))
        review.session.accept(*(s.id for s in words[5:]))
        review.commit(reviewer="bench")
        path.write_bytes(review_bytes(review, path))
        review.release()
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--rescore", type=int, default=50, help="documents to re-score")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="korrektur-rescore-bench-"))
    root = work / "project"
    if not (root / "index.sqlite").exists():
        shutil.rmtree(work, ignore_errors=True)
        words = build(work / "sources", args.documents, 800)
        print(f"corpus: {args.documents} documents, {words:,} words", flush=True)
        analyse(init_project(root, work / "sources").root, None, 2)
    names = review_one(root)
    with open_corpus(root, "bench") as corpus:
        started, cpu = time.perf_counter(), time.process_time()
        report = learn_corpus(corpus)
        print(
            f"learn_corpus: {time.perf_counter() - started:.2f} s wall, "
            f"{time.process_time() - cpu:.2f} s CPU (learned state {report.digest})"
        )
        profile = load_profile(root)
        assert profile is not None
        started, cpu = time.perf_counter(), time.process_time()
        result = rescore_corpus(corpus, profile, only=names[1 : args.rescore + 1])
        wall, spent = time.perf_counter() - started, time.process_time() - cpu
    print(result.message())
    print(
        f"rescore_corpus: {wall:.1f} s wall, {spent:.1f} s CPU, "
        f"{1000 * spent / max(result.documents, 1):.0f} ms CPU per document"
    )
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
