"""A corpus project on disk: its settings file, its source folder and where each review goes.

Layout of a project folder::

    PROJECT/corpus.yaml      the settings: source folder, included file patterns
    PROJECT/reviews/…        one review file per document, mirroring the source tree
    PROJECT/rules.yaml       corpus-wide decisions (rules), withdrawn ones included
    PROJECT/index.sqlite     the index (derived: ``corpus reindex`` rebuilds it)
    PROJECT/lock             held by the one process that writes

The source folder is only ever read. A document is named by its path relative to the
source folder, with ``/`` between folders, on every platform.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

import yaml

from korrektur.corpus.errors import CorpusError as CorpusError  # (where commands find it)
from korrektur.corpus.readers import default_include
from korrektur.corpus.walk import sorted_files
from korrektur.model.session import now_iso
from korrektur.store.atomic import WriteError, atomic_write_text
from korrektur.store.reviewfile import SUFFIX

FORMAT = "korrektur-corpus"
FORMAT_VERSION = 1
SETTINGS = "corpus.yaml"
REVIEWS = "reviews"
INDEX = "index.sqlite"
LOCK = "lock"
RULES = "rules.yaml"
JOURNAL = "operation.yaml"


@dataclass(frozen=True)
class SourceFile:
    """A source document as found on disk.

    Attributes:
        name: its path relative to the source folder (``a/report.txt``): the document's
            name in the corpus.
        path: where it is.
        size, mtime_ns: from ``stat``, to notice a change without reading the file.
    """

    name: str
    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Project:
    """A corpus project.

    Attributes:
        root: the project folder.
        sources: the source folder.
        include: file-name patterns of the documents (``*.txt``); a pattern with a ``/``
            is matched against the whole relative path.
    """

    root: Path
    sources: Path
    include: tuple[str, ...]

    @property
    def reviews(self) -> Path:
        """The folder of review files."""
        return self.root / REVIEWS

    def path(self, name: str) -> Path:
        """A file of the project (``INDEX``, ``RULES``, …)."""
        return self.root / name

    def review_path(self, document: str) -> Path:
        """The review file of ``document``: ``reviews/a/report.txt.review.yaml``.

        The whole source name is kept (not only its stem), so that ``report.txt`` and
        ``report.hocr`` of one folder never share a review file; ``korrektur`` finds a
        review of that name beside a source too.
        """
        return self.reviews.joinpath(*PurePosixPath(document + SUFFIX).parts)

    def source_path(self, document: str) -> Path:
        """Where the source of ``document`` is."""
        return self.sources.joinpath(*PurePosixPath(document).parts)

    def document_of_review(self, review: Path) -> str:
        """The document a review file in ``reviews/`` belongs to (inverse of ``review_path``)."""
        relative = review.relative_to(self.reviews).as_posix()
        return relative[: -len(SUFFIX)]

    def includes(self, name: str) -> bool:
        """True when a source called ``name`` (relative path) is a document of the corpus."""
        base = name.rsplit("/", 1)[-1]
        if base.startswith(".") or base.endswith(SUFFIX):
            return False
        lower = name.lower()
        return any(
            fnmatchcase(lower if "/" in pattern else base.lower(), pattern.lower())
            for pattern in self.include
        )

    def scan(self) -> Iterator[SourceFile]:
        """Every document in the source folder, in name order, read as it goes.

        Hidden files and folders and the project folder itself (should it lie inside the
        source folder) are left out; symbolic links to folders are not followed.

        Raises:
            CorpusError: the source folder cannot be read.
        """
        if not self.sources.is_dir():
            raise CorpusError(
                f"the source folder {self.sources} does not exist (or is not a folder)"
            )
        skip = frozenset({self.root.resolve()})
        for name, entry in sorted_files(self.sources, lambda n: n, skip):
            if not self.includes(name):
                continue
            try:
                info = entry.stat()
            except OSError:
                continue  # vanished while listed
            yield SourceFile(name, Path(entry.path), info.st_size, info.st_mtime_ns)


def _settings(project: Project, created: str) -> str:
    try:
        relative: str | None = Path(os.path.relpath(project.sources, project.root)).as_posix()
    except ValueError:  # another drive
        relative = None
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": created,
        "sources": str(project.sources),
        "sources_relative": relative,
        "include": list(project.include),
    }
    header = "# Korrektur corpus project: the source folder and which of its files are documents.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def init_project(root: Path, sources: Path, include: Sequence[str] = ()) -> Project:
    """Make a new project folder at ``root`` for the documents in ``sources``.

    Raises:
        CorpusError: the source folder is missing, ``root`` is already a project or a
            folder with other files in it, or it cannot be written.
    """
    sources = sources.resolve()
    if not sources.is_dir():
        raise CorpusError(f"the source folder {sources} does not exist (or is not a folder)")
    root = root.resolve()
    if (root / SETTINGS).exists():
        raise CorpusError(f"{root} is already a corpus project")
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise CorpusError(f"{root} exists and is not an empty folder; choose a new project folder")
    if root == sources:
        raise CorpusError("the project folder must not be the source folder itself")
    project = Project(root, sources, tuple(include) or default_include())
    try:
        project.reviews.mkdir(parents=True, exist_ok=True)
        atomic_write_text(root / SETTINGS, _settings(project, now_iso()))
    except OSError as exc:
        raise CorpusError(f"cannot make the project folder {root}: {exc.strerror or exc}") from exc
    except WriteError as exc:
        raise CorpusError(str(exc)) from exc
    return project


def open_project(root: Path) -> Project:
    """The project in folder ``root``.

    Raises:
        CorpusError: no project there, or its settings are damaged or newer than this
            Korrektur.
    """
    root = root.resolve()
    settings = root / SETTINGS
    try:
        data = yaml.safe_load(settings.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(
            f"{root} is not a corpus project (no {SETTINGS}; make one with 'korrektur corpus init')"
        ) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{settings} cannot be read: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorpusError(f"{settings} is not a Korrektur corpus file (no 'format: {FORMAT}')")
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CorpusError(f"{settings} was written by a newer Korrektur; please update Korrektur")
    include = data.get("include")
    if not isinstance(include, list) or not all(isinstance(p, str) for p in include):
        raise CorpusError(f"{settings}: 'include' must be a list of file patterns")
    return Project(root, _sources_of(root, data, settings), tuple(include))


def _sources_of(root: Path, data: dict[str, object], settings: Path) -> Path:
    """The source folder: relative to the project if it is there (both moved), else absolute."""
    absolute, relative = data.get("sources"), data.get("sources_relative")
    if not isinstance(absolute, str):
        raise CorpusError(f"{settings}: 'sources' must name the source folder")
    if isinstance(relative, str) and (root / relative).is_dir():
        return (root / relative).resolve()
    return Path(absolute)
