"""Read YAML into plain data straight from libyaml's events, as PyYAML's safe loader would."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_FLOAT = "tag:yaml.org,2002:float"
# Plain scalars of other implicit tags (merge ``<<``, value ``=``, ``yaml``) mean something
# beyond plain data to PyYAML's constructor: their documents go the old way.
_MADE = frozenset({_INT, _NULL, _BOOL, _FLOAT, "tag:yaml.org,2002:timestamp"})
# Scalars remembered by their text, up to this many of each kind (plain, quoted up to
# ``_SHORT`` characters): keys, names, words and time stamps repeat in every record, and
# one string for each is a good part of the memory a review's data takes.
_CACHED = 1 << 16
_SHORT = 40
# What aliases may add to a document, beyond what it holds written out: this many times its
# length, plus a little. Korrektur writes no aliases; a person may share a value or two, but
# 20,000 aliases of one long line in a 200 kB file once made 1.3 GB of text.
EXPANSION_FACTOR = 4
EXPANSION_EXTRA = 1 << 20


class ExpansionError(yaml.YAMLError):
    """The document's aliases repeat more of it than a review file can hold."""


class _Aliases:
    """Counts what aliases add to a document and refuses past a bound (``ExpansionError``).

    An anchored value weighs what it spans in the text plus what aliases inside it add;
    each alias adds the weight of its anchor. Aliases inside aliased values count as often
    as they are repeated, so nested "billion laughs" are caught on the way.
    """

    def __init__(self, length: int) -> None:
        self.limit = EXPANSION_FACTOR * length + EXPANSION_EXTRA
        self.added = 0
        self.weights: dict[str, int] = {}
        self.open: list[tuple[int, str, int, int]] = []  # depth, anchor, start, added then

    def scalar(self, anchor: str, value: str) -> None:
        self.weights[anchor] = len(value) + 1

    def start(self, depth: int, anchor: str, index: int) -> None:
        self.open.append((depth, anchor, index, self.added))

    def end(self, depth: int, index: int) -> None:
        if self.open and self.open[-1][0] == depth:
            _, anchor, start, added = self.open.pop()
            self.weights[anchor] = index - start + self.added - added + 1

    def alias(self, anchor: str) -> None:
        # (An alias inside its own anchor's value makes a loop, no copy: it weighs 1. An
        # unknown one is the loader's error to give.)
        self.added += self.weights.get(anchor, 1)
        if self.added > self.limit:
            raise ExpansionError(
                f"its aliases (*{anchor} and others) repeat more than {EXPANSION_FACTOR} "
                "times its own size; Korrektur does not write aliases"
            )


def load(text: str | bytes) -> Any:
    """What ``yaml.load(text, CSafeLoader)`` returns, without its node tree.

    PyYAML first composes the whole document into nodes (millions of Python objects for a
    300-page review, more memory than the data they become) and only then makes the values.
    Here every value is made as libyaml reports it, one event at a time, so the nodes never
    exist: the bench's 20 MB review file is read in 2.3 s and 78 MB, where PyYAML's C
    loader takes 6.3 s and 749 MB even with the collector paused (``bench/README.md``), so
    the worker keeps this reader. Anything beyond plain data (an explicit tag, a merge key,
    an unknown alias) is read again by PyYAML's own loader, so the result, or the error, is
    always the one it gives; a syntax error is the parser's, which that loader meets first
    too (its other checks come after the whole document is parsed, or are
    ones this reader gives up on). Aliases are counted either way (``_Aliases``).

    Raises:
        ExpansionError: aliases repeat far more than the text holds.
        yaml.YAMLError: the text is not YAML.
    """
    try:
        return _EventReader(text).document()
    except yaml.YAMLError:
        raise  # the parser's (or the alias count's): PyYAML's loader would stop there too
    except Exception:  # noqa: BLE001 - something unusual, or an error PyYAML words its own way
        pass
    check_aliases(text)
    return load_with_nodes(text)


class _Unusual(Exception):
    """The document has something this reader leaves to PyYAML's loader."""


class _EventReader:
    """Builds the values of one YAML document from the parser's events."""

    def __init__(self, text: str | bytes) -> None:
        self.loader = _SafeLoader(text)
        self.resolvers = self.loader.yaml_implicit_resolvers
        if self.loader.yaml_path_resolvers or None in self.resolvers:
            raise _Unusual("path or wildcard resolvers")
        self.plain: dict[str, Any] = {}
        self.quoted: dict[str, str] = {}
        self.aliases = _Aliases(len(text))

    def document(self) -> Any:
        """The document's value (``None`` for an empty stream); frees a partial one on failure."""
        loader = self.loader
        try:
            loader.get_event()  # stream start
            event = loader.get_event()
            if type(event) is StreamEndEvent:
                return None
            if type(event) is not DocumentStartEvent:
                raise _Unusual(event)
            return self._values()
        finally:
            loader.dispose()

    def _values(self) -> Any:  # noqa: C901 - one loop over the events, kept flat for speed
        get = self.loader.get_event
        plain, known, quoted = self._plain, self.plain.get, self.quoted
        aliases = self.aliases
        anchors: dict[str, Any] = {}
        stack: list[tuple[Any, bool, Any]] = []  # enclosing containers: (it, is a dict, key)
        container: Any = None  # the open list or dict; None at the document's top
        in_map = False
        key: Any = _NO_KEY
        root: Any = None
        try:
            while True:
                event = get()
                kind = type(event)
                if kind is ScalarEvent:
                    if event.tag is not None:
                        raise _Unusual("tag")
                    value = event.value
                    if event.implicit[0]:
                        value = known(value, _NO_KEY)
                        if value is _NO_KEY:
                            value = plain(event.value)
                    elif len(value) <= _SHORT and len(quoted) < _CACHED:
                        value = quoted.setdefault(value, value)  # words, stamps: one str each
                    if event.anchor is not None:
                        _anchor(anchors, event.anchor, value)
                        aliases.scalar(event.anchor, value)
                elif kind is MappingStartEvent or kind is SequenceStartEvent:
                    if event.tag is not None:
                        raise _Unusual("tag")
                    value = {} if kind is MappingStartEvent else []
                    if event.anchor is not None:
                        _anchor(anchors, event.anchor, value)
                        aliases.start(len(stack) + 1, event.anchor, event.start_mark.index)
                elif kind is MappingEndEvent or kind is SequenceEndEvent:
                    if aliases.open:
                        aliases.end(len(stack), event.end_mark.index)
                    container, in_map, key = stack.pop()
                    continue
                elif kind is AliasEvent:
                    value = anchors[event.anchor]
                    aliases.alias(event.anchor)
                elif kind is DocumentEndEvent:
                    break
                else:
                    raise _Unusual(event)
                # Put the value in place (a list or dict as soon as it starts).
                if container is None:
                    root = value
                elif not in_map:
                    container.append(value)
                elif key is _NO_KEY:
                    if isinstance(value, list | dict):
                        raise _Unusual("unhashable key")
                    key = value
                else:
                    container[key] = value
                    key = _NO_KEY
                if kind is MappingStartEvent or kind is SequenceStartEvent:
                    stack.append((container, in_map, key))
                    container, in_map, key = value, kind is MappingStartEvent, _NO_KEY
            if type(get()) is not StreamEndEvent:
                raise _Unusual("more than one document")
        except BaseException:
            anchors.clear()  # (an alias may make a loop: let the partial document go now)
            stack.clear()
            raise
        return root

    def _plain(self, text: str) -> Any:
        """The value of a plain scalar, resolved as PyYAML's resolver and constructor do.

        Values other than integers are remembered by their text (``plain``), so that each
        key and name is made once and shared by every record that has it.
        """
        if text.isdigit() and text.isascii() and (text[0] != "0" or len(text) == 1):
            return int(text)  # what the int resolver and constructor make of plain digits
        tag = _STR
        value: Any = text
        if self.resolvers.get(text[:1]):  # else no implicit type starts with this character
            loader = self.loader
            tag = loader.resolve(yaml.ScalarNode, text, (True, False))
            if tag in _MADE:
                value = loader.yaml_constructors[tag](loader, yaml.ScalarNode(tag, text))
            elif tag != _STR:
                raise _Unusual(tag)
        if len(self.plain) < _CACHED and tag != _INT:
            self.plain[text] = value
        return value


_NO_KEY: Any = object()


def _anchor(anchors: dict[str, Any], name: str, value: Any) -> None:
    if name in anchors:
        raise _Unusual("anchor defined twice")
    anchors[name] = value


def check_aliases(text: str | bytes) -> None:
    """Count what the aliases of ``text`` add (``_Aliases``) before PyYAML's loader reads it.

    Only the first document is read: the loader refuses a second one when it meets it.

    Raises:
        ExpansionError: aliases repeat far more than the text holds.
        yaml.YAMLError: the text is not YAML.
    """
    loader = _SafeLoader(text)
    aliases = _Aliases(len(text))
    depth = 0
    try:
        while (event := loader.get_event()) is not None and type(event) is not DocumentEndEvent:
            kind = type(event)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
                if event.anchor is not None:
                    aliases.start(depth, event.anchor, event.start_mark.index)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                aliases.end(depth, event.end_mark.index)
                depth -= 1
            elif kind is ScalarEvent and event.anchor is not None:
                aliases.scalar(event.anchor, event.value)
            elif kind is AliasEvent:
                aliases.alias(event.anchor)
    finally:
        loader.dispose()


def load_with_nodes(text: str | bytes) -> Any:
    """``yaml.load(text, CSafeLoader)``: PyYAML's own way, through the node tree.

    Raises:
        yaml.YAMLError: the text is not YAML.
    """
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 (the safe loader)
