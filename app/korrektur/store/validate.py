"""Typed access to loaded YAML data, with messages that say where a file is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class ReviewFileError(Exception):
    """A review file cannot be used; the message says which part is wrong and why."""


def describe(value: object) -> str:
    """A value's type in words, for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        short = value if len(value) <= 30 else value[:27] + "..."
        return f"the text {short!r}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class Fields:
    """A loaded mapping whose fields are read with their types checked.

    Attributes:
        data: the mapping.
        where: its place in the file, e.g. ``suggestions[3]``, used in every message.
    """

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise ReviewFileError(f"{where}: expected a mapping, found {describe(data)}")
        self.data: dict[Any, Any] = data
        self.where = where

    def fail(self, message: str) -> ReviewFileError:
        """An error about this mapping (the file's top level has no place to name)."""
        return ReviewFileError(f"{self.where}: {message}" if self.where else message)

    def _get(self, key: str, kind: type | tuple[type, ...], name: str) -> object:
        """The value of ``key`` (None when absent) after checking its type."""
        value = self.data.get(key)
        if value is None:
            return None
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            raise self.fail(f"'{key}' must be {name}, found {describe(value)}")
        return value

    def _required(self, key: str, value: T | None) -> T:
        if value is None:
            raise self.fail(f"'{key}' is missing")
        return value

    def optional_text(self, key: str) -> str | None:
        """A string field that may be absent."""
        value = self._get(key, str, "text")
        return value if isinstance(value, str) else None

    def text(self, key: str) -> str:
        """A required string field."""
        return self._required(key, self.optional_text(key))

    def optional_integer(self, key: str) -> int | None:
        """A whole-number field that may be absent."""
        value = self._get(key, int, "a whole number")
        return value if isinstance(value, int) else None

    def integer(self, key: str) -> int:
        """A required whole-number field."""
        return self._required(key, self.optional_integer(key))

    def number(self, key: str) -> float:
        """A required number (int or float), as float."""
        value = self._get(key, (int, float), "a number")
        if not isinstance(value, int | float):
            raise self.fail(f"'{key}' is missing")
        return float(value)

    def optional_mapping(self, key: str) -> Fields | None:
        """A nested mapping that may be absent."""
        if self.data.get(key) is None:
            return None
        return Fields(self.data[key], f"{self.where}.{key}" if self.where else key)

    def mapping(self, key: str) -> Fields:
        """A required nested mapping."""
        return self._required(key, self.optional_mapping(key))

    def items(self, key: str) -> Iterator[tuple[str, object]]:
        """The elements of a list field (absent means empty), each with its place."""
        value = self._get(key, list, "a list")
        prefix = f"{self.where}.{key}" if self.where else key
        for index, item in enumerate(value if isinstance(value, list) else []):
            yield f"{prefix}[{index}]", item

    def texts(self, key: str) -> list[str]:
        """A list of strings."""
        result = []
        for where, item in self.items(key):
            if not isinstance(item, str):
                raise ReviewFileError(f"{where}: expected text, found {describe(item)}")
            result.append(item)
        return result
