"""A reason's shape: its phrase keys, kept with its English text, from which the values come back.

A file keeps a reason as its English text plus its shape (``lost lost common not-word``,
``repeats(what=running-header,where=at-top)``). The values are in the text already: the
shape turns the templates into a pattern whose groups find them again. That keeps review
files and memory small (a long review holds tens of thousands of reasons) while every
reason can still be shown in another language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from korrektur.model.phrase import LIST_SEPARATOR, TEMPLATES, Phrase, Value, joiner

_PLACE = re.compile(r"\{(\w+)\}")
_TOKEN = re.compile(r"[\w-]+|[()=, \[\]]")


def shape_of(phrases: tuple[Phrase, ...]) -> str:
    """The keys of ``phrases`` and of the phrases nested in them, as one short string."""
    return " ".join(_shape(item) for item in phrases)


def _shape(item: Phrase) -> str:
    nested = []
    for name, value in item.values:
        if isinstance(value, Phrase):
            nested.append(f"{name}={_shape(value)}")
        elif isinstance(value, tuple):
            nested.append(f"{name}=[{','.join(_shape(v) for v in value)}]")
    return f"{item.key}({','.join(nested)})" if nested else item.key


Tree = tuple[str, dict[str, "Tree | list[Tree]"]]


def _parse(shape: str) -> list[Tree]:
    """``a b(x=c)`` → ``[("a", {}), ("b", {"x": ("c", {})})]`` (ValueError when malformed)."""
    tokens: list[str] = _TOKEN.findall(shape)
    if "".join(tokens) != shape:
        raise ValueError(f"bad reason shape {shape!r}")
    position = 0

    def take(expected: str | None = None) -> str:
        nonlocal position
        if position >= len(tokens) or (expected is not None and tokens[position] != expected):
            raise ValueError(f"bad reason shape {shape!r}")
        position += 1
        return tokens[position - 1]

    def tree() -> Tree:
        key = take()
        if key not in TEMPLATES:
            raise ValueError(f"unknown reason phrase {key!r}")
        nested: dict[str, Tree | list[Tree]] = {}
        if position < len(tokens) and tokens[position] == "(":
            take("(")
            while True:
                name = take()
                take("=")
                if position < len(tokens) and tokens[position] == "[":
                    take("[")
                    items = [tree()]
                    while (token := take()) != "]":
                        if token != ",":
                            raise ValueError(f"bad reason shape {shape!r}")
                        items.append(tree())
                    nested[name] = items
                else:
                    nested[name] = tree()
                if take() == ")":
                    break
        return key, nested

    trees = [tree()]
    while position < len(tokens):
        take(" ")
        trees.append(tree())
    return trees


def _pattern(tree: Tree, groups: list[tuple[int, str]], owner: int, names: Iterator[int]) -> str:
    """A regular expression for the English of ``tree``; its plain values become groups."""
    key, nested = tree
    parts = []
    position = 0
    template = TEMPLATES[key]
    for match in _PLACE.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        name = match.group(1)
        inner = nested.get(name)
        if isinstance(inner, list):
            listed = [_pattern(item, groups, next(names), names) for item in inner]
            parts.append(re.escape(LIST_SEPARATOR).join(listed))
        elif inner is not None:
            parts.append(_pattern(inner, groups, next(names), names))
        else:
            groups.append((owner, name))
            parts.append(f"(?P<g{len(groups) - 1}>.+?)")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return "".join(parts)


def phrases_from(text: str, shape: str) -> tuple[Phrase, ...] | None:
    """The phrases of ``text`` given its ``shape``; None when they cannot be found again."""
    try:
        trees = _parse(shape)
    except ValueError:
        return None
    groups: list[tuple[int, str]] = []
    numbers = iter(range(1, 10_000))
    parts: list[str] = []
    previous = ""
    for tree in trees:
        if parts:
            parts.append(re.escape(joiner(previous, tree[0])))
        owner = next(numbers)
        parts.append(_pattern(tree, groups, owner, numbers))
        previous = tree[0]
    match = re.fullmatch("".join(parts), text, re.DOTALL)
    if match is None:
        return None
    values: dict[int, list[tuple[str, str]]] = {}
    for index, (owner, name) in enumerate(groups):
        values.setdefault(owner, []).append((name, match.group(f"g{index}")))
    numbering = iter(range(1, 10_000))
    return tuple(_build(tree, next(numbering), values, numbering) for tree in trees)


def _build(
    tree: Tree, owner: int, values: dict[int, list[tuple[str, str]]], numbers: Iterator[int]
) -> Phrase:
    """The phrase of ``tree`` with the values its groups found (numbered as in ``_pattern``)."""
    key, nested = tree
    found: dict[str, Value] = dict(values.get(owner, []))
    for match in _PLACE.finditer(TEMPLATES[key]):
        name = match.group(1)
        inner = nested.get(name)
        if isinstance(inner, list):
            found[name] = tuple(_build(item, next(numbers), values, numbers) for item in inner)
        elif inner is not None:
            found[name] = _build(inner, next(numbers), values, numbers)
    order = [m.group(1) for m in _PLACE.finditer(TEMPLATES[key])]
    return Phrase(key, tuple((name, found[name]) for name in order if name in found))
