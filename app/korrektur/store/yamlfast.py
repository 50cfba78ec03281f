"""A fast reader for the YAML that ``yamlio.dump`` writes; anything else is left to PyYAML.

PyYAML builds three Python objects per scalar and needs about 15 µs for each, so the review
of a 300-page report (40,000 suggestions, 500,000 scalars) took many seconds to open. Our
own files use a small, regular part of YAML: block mappings and sequences indented by two
spaces, flow lists and mappings on one line, double-quoted strings, and plain scalars that
are names, numbers, null or booleans. This module reads exactly that part and raises
``Unsupported`` at the first thing outside it, so a file edited by hand in other YAML style
is still read by PyYAML's safe loader. Tests check that both readers agree.
"""

from __future__ import annotations

import re
from typing import Any


class Unsupported(Exception):
    """The text uses YAML beyond what this reader handles."""


_KEY = re.compile(r'([A-Za-z][A-Za-z0-9_\-]*|"(?:[^"\\]|\\.)*")(:(?: |$))')
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?[0-9]+\.[0-9]*(?:e[-+][0-9]+)?")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*(?:\.\.[A-Za-z][A-Za-z0-9_\-]*)?")
_SPECIAL = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "inf", "nan"})
_CONSTANTS: dict[str, Any] = {"null": None, "true": True, "false": False}
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX = {"x": 2, "u": 4, "U": 8}
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in _HEX and len(code) == _HEX[code[0]] + 1:
        return chr(int(code[1:], 16))
    if code in _ESCAPES:
        return _ESCAPES[code]
    raise Unsupported(f"escape \\{code}")


def quoted(text: str, position: int) -> tuple[str, int]:
    """The double-quoted scalar starting at ``position``; returns its value and end."""
    match = _QUOTED.match(text, position)
    if match is None:
        raise Unsupported("unterminated quoted scalar")
    return _ESCAPE.sub(_unescape, match.group(1)), match.end()


def plain(token: str) -> Any:
    """A plain scalar as YAML 1.1 reads it, for the forms ``dump`` writes."""
    if token[:1].isdigit() or token[:1] == "-":
        if _INT.fullmatch(token):
            return int(token)
        if _FLOAT.fullmatch(token):
            return float(token)
    elif token in _CONSTANTS:
        return _CONSTANTS[token]
    elif _NAME.fullmatch(token) and token.lower() not in _SPECIAL:
        return token
    raise Unsupported(f"plain scalar {token!r}")


_PLAIN_TOKEN = re.compile(r"[^\s\[\]{},:#&*!|>'\"%@`]+")


def value_of(text: str) -> Any:
    """A complete one-line value; the common scalar forms without the flow reader."""
    if text[:1] == '"':
        match = _QUOTED.fullmatch(text)
        if match is not None:
            body = match.group(1)
            return _ESCAPE.sub(_unescape, body) if "\\" in body else body
    elif _PLAIN_TOKEN.fullmatch(text):
        return plain(text)
    return inline(text)


class _Flow:
    """Reads one line's flow value: ``[a, "b"]``, ``{k: v}``, or a scalar."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0

    def skip(self) -> None:
        while self.position < len(self.text) and self.text[self.position] == " ":
            self.position += 1

    def value(self) -> Any:
        self.skip()
        char = self.text[self.position : self.position + 1]
        if char == "[":
            return self.sequence()
        if char == "{":
            return self.mapping()
        if char == '"':
            result, self.position = quoted(self.text, self.position)
            return result
        end = self.position
        while end < len(self.text) and self.text[end] not in ",]}: ":
            end += 1
        token = self.text[self.position : end]
        self.position = end
        return plain(token)

    def expect(self, char: str) -> None:
        self.skip()
        if self.text[self.position : self.position + 1] != char:
            raise Unsupported(f"expected {char!r}")
        self.position += 1

    def sequence(self) -> list[Any]:
        self.expect("[")
        items: list[Any] = []
        self.skip()
        if self.text[self.position : self.position + 1] == "]":
            self.position += 1
            return items
        while True:
            items.append(self.value())
            self.skip()
            if self.text[self.position : self.position + 1] == "]":
                self.position += 1
                return items
            self.expect(",")

    def mapping(self) -> dict[Any, Any]:
        self.expect("{")
        result: dict[Any, Any] = {}
        self.skip()
        if self.text[self.position : self.position + 1] == "}":
            self.position += 1
            return result
        while True:
            key = self.value()
            if self.text[self.position : self.position + 2] != ": ":
                raise Unsupported("expected ': ' in a flow mapping")
            self.position += 2
            result[key] = self.value()
            self.skip()
            if self.text[self.position : self.position + 1] == "}":
                self.position += 1
                return result
            self.expect(",")

    def whole(self) -> Any:
        result = self.value()
        self.skip()
        if self.position != len(self.text):
            raise Unsupported("text after a value")
        return result


def inline(text: str) -> Any:
    """A complete one-line value."""
    return _Flow(text).whole()


class _Block:
    """Reads block mappings and sequences, line by line."""

    def __init__(self, text: str) -> None:
        if "\t" in text or "\r" in text:
            raise Unsupported("tabs or carriage returns")
        self.lines = [
            line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")
        ]
        self.index = 0
        self.keys: dict[str, Any] = {}

    def indent(self) -> int:
        """Indentation of the current line (-1 at the end)."""
        if self.index >= len(self.lines):
            return -1
        line = self.lines[self.index]
        return len(line) - len(line.lstrip(" "))

    def node(self, indent: int) -> Any:
        line = self.lines[self.index][indent:]
        if line == "-" or line.startswith("- "):
            return self.sequence(indent)
        return self.mapping(indent, None)

    def key(self, line: str) -> tuple[Any, str]:
        match = _KEY.match(line)
        if match is None:
            raise Unsupported(f"not a mapping line: {line[:40]!r}")
        raw = match.group(1)
        key = self.keys.get(raw)
        if key is None:
            key = quoted(raw, 0)[0] if raw.startswith('"') else plain(raw)
            self.keys[raw] = key
        return key, line[match.end() :]

    def mapping(self, indent: int, first: str | None) -> dict[Any, Any]:
        """A block mapping at ``indent``; ``first`` is its first line after a ``- ``."""
        result: dict[Any, Any] = {}
        while True:
            if first is not None:
                line, first = first, None
            elif self.indent() == indent:
                line = self.lines[self.index][indent:]
                if line.startswith("-"):
                    return result
                self.index += 1
            else:
                if self.indent() > indent:
                    raise Unsupported("unexpected indentation")
                return result
            key, rest = self.key(line)
            result[key] = value_of(rest) if rest else self.child(indent)

    def child(self, indent: int) -> Any:
        """The block value of a ``key:`` line at ``indent``."""
        below = self.indent()
        if below > indent:
            return self.node(below)
        if below == indent and self.lines[self.index][indent:].startswith("-"):
            return self.sequence(indent)
        return None

    def sequence(self, indent: int) -> list[Any]:
        items: list[Any] = []
        while self.indent() == indent:
            line = self.lines[self.index][indent:]
            if not (line == "-" or line.startswith("- ")):
                return items
            self.index += 1
            rest = line[2:]
            if not rest.strip():
                raise Unsupported("nested block sequence item")
            if _KEY.match(rest) and not rest.startswith(("[", "{")):
                items.append(self.mapping(indent + 2, rest))
            else:
                items.append(value_of(rest))
        if self.indent() > indent:
            raise Unsupported("unexpected indentation")
        return items

    def document(self) -> Any:
        if not self.lines:
            return None
        if self.indent() != 0:
            raise Unsupported("indented document")
        result = self.node(0)
        if self.index != len(self.lines):
            raise Unsupported("content after the document")
        return result


def parse(text: str) -> Any:
    """The data of a YAML document written by ``yamlio.dump``.

    Raises:
        Unsupported: the text is outside that form (read it with PyYAML instead).
    """
    if text.startswith("\ufeff") or "\n---" in text or text.startswith(("---", "%")):
        raise Unsupported("document markers or directives")
    return _Block(text).document()
