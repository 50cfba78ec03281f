"""Write plain data as stable, diff-friendly YAML (read back by ``store.yamlread.load``)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from korrektur.store.pieces import BATCH

# Keys and ``Name`` values (ids, statuses, kinds) stand unquoted when they look like this.
# All other strings, every piece of document text among them, are double-quoted, so no OCR
# line can ever turn into a number, a date, a boolean or YAML syntax.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*(?:\.\.[A-Za-z][A-Za-z0-9_\-]*)?")
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})

# Characters a double-quoted YAML scalar must escape: quote, backslash, control
# characters, the YAML line breaks NEL/LS/PS, BOM, non-characters and surrogates.
_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')
_NAMED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x85": "\\N"}


class Name(str):
    """A string written unquoted when it is a plain identifier (``s17``, ``accepted``)."""

    __slots__ = ()


class Flow(list[Any]):
    """A list written on one line: ``[a, b]`` (or, of mappings, one ``{…}`` per line)."""


class FlowMap(dict[str, Any]):
    """A mapping written on one line: ``{id: s1, status: accepted}``."""


class Spaced(list[Any]):
    """A list of mappings written as blocks separated by a blank line."""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def scalar(value: object) -> str:
    """One scalar in YAML syntax that every YAML 1.1 loader reads back as the same value."""
    if isinstance(value, str):
        return key(value) if isinstance(value, Name) else quoted(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"cannot write {type(value).__name__} as a YAML scalar")


def key(value: str) -> str:
    """A mapping key or name: plain when it is an identifier, else quoted."""
    known = _KEYS.get(value)
    if known is not None:
        return known
    result = value if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED else quoted(value)
    if len(_KEYS) < 10_000:  # keys and statuses repeat in every block
        _KEYS[value] = result
    return result


_KEYS: dict[str, str] = {}


def quoted(value: str) -> str:
    """``value`` as a double-quoted scalar."""
    return '"' + _ESCAPE.sub(_escape, value) + '"'


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"  # YAML 1.1 needs the dot, or "1e-05" reads as a string
    if exponent and exponent[0] not in "+-":
        exponent = "+" + exponent
    return f"{mantissa}e{exponent}" if exponent else mantissa


_SCALARS = (str, Name, int, float, bool, type(None))


def _flow(value: object) -> str:
    if type(value) in _SCALARS:
        return scalar(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key(str(k))}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value)


def _is_inline(value: object) -> bool:
    return (
        type(value) in _SCALARS
        or isinstance(value, Flow | FlowMap)
        or not isinstance(value, dict | list | tuple)
        or not value
    )


def _mapping(data: Mapping[str, Any], indent: str, out: _Lines, first: str | None) -> None:
    """Write ``data``; ``first`` is the prefix of the first line (``"- "`` in a list)."""
    for number, (name, value) in enumerate(data.items()):
        prefix = first if number == 0 and first is not None else indent
        label = key(name)
        if _is_inline(value) and not (isinstance(value, Flow) and _has_mappings(value)):
            out.append(f"{prefix}{label}: {_flow(value)}")
        elif isinstance(value, dict):
            out.append(f"{prefix}{label}:")
            _mapping(value, indent + "  ", out, None)
        else:
            out.append(f"{prefix}{label}:")
            _sequence(value, indent, out)


def _has_mappings(value: Sequence[Any]) -> bool:
    return any(isinstance(item, dict) for item in value)


def _sequence(items: Sequence[Any], indent: str, out: _Lines) -> None:
    spaced = isinstance(items, Spaced)
    for item in items:
        if spaced:
            out.append("")
        if isinstance(items, Flow) or _is_inline(item):
            out.append(f"{indent}- {_flow(item)}")
        elif isinstance(item, dict):
            _mapping(item, indent + "  ", out, indent + "- ")
        else:
            out.append(f"{indent}-")
            _sequence(item, indent + "  ", out)
        if len(out) >= BATCH:
            out.cut()


class _Lines(list[str]):
    """The lines being written; every ``BATCH`` lines they become one piece of text.

    Joining a few thousand lines at a time (instead of a million at the end) keeps each
    join short: a save runs beside the window, and one long join holds the interpreter
    lock throughout.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []

    def cut(self) -> None:
        """Join the lines so far into a piece (each line ends with a newline)."""
        if self:
            self.append("")
            self.pieces.append("\n".join(self))
            self.clear()


def dump_pieces(data: Mapping[str, Any], comment: str = "") -> list[str]:
    """``dump(data, comment)`` as consecutive pieces of text (joined, they are the document)."""
    out = _Lines()
    out.extend(f"# {line}".rstrip() for line in comment.splitlines())
    for name, value in data.items():
        if out or out.pieces:
            out.append("")
        _mapping({name: value}, "", out, None)
    out.cut()
    return out.pieces or ["\n"]


def dump(data: Mapping[str, Any], comment: str = "") -> str:
    """``data`` as a YAML document; keys keep their order, one top-level key per paragraph."""
    return "".join(dump_pieces(data, comment))
