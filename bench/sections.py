"""Replace one marked section of bench/README.md with new results (each benchmark has one)."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def write_section(start: str, end: str, text: str, readme: Path = README) -> None:
    """Put ``text`` between the markers ``start`` and ``end`` (appended when they are absent)."""
    content = readme.read_text(encoding="utf-8")
    if start in content and end in content:
        head, rest = content.split(start, 1)
        content = head + start + "\n" + text + "\n" + end + rest.split(end, 1)[1]
    else:
        content = content.rstrip() + f"\n\n{start}\n{text}\n{end}\n"
    readme.write_text(content, encoding="utf-8")
