"""Why a suggestion was made, as data: phrases of a template and its values, shown in any language.

A ``Reason`` is the English text (it is a ``str``, so everything that stores, searches or
prints reasons keeps working) and carries the phrases it was made from, so an interface can
render it in its own language: each phrase's template is looked up by its key and
translated, then filled with the values. A value may itself be a phrase ("running header",
"at the top of page 2"), translated the same way.
"""

from __future__ import annotations

from typing import Any

from korrektur.model.phrase import TEMPLATES, Phrase, Translate, phrase, render
from korrektur.model.reason_shape import phrases_from, shape_of

# Phrases are made where reasons are: the engine imports both from here.
__all__ = [
    "TEMPLATES",
    "Phrase",
    "Reason",
    "Translate",
    "localise",
    "phrase",
    "phrases_of",
    "reason_shape",
    "restored",
]


class Reason(str):
    """A reason: its English text, with the phrases it was made from (``phrases``).

    Being a ``str``, it is stored, searched and printed as the English text; a plain
    ``str`` reason (an old review file, an engine that gives none) has no phrases and
    shows as it is in every language. A reason read back from a file keeps only its
    shape (the phrase keys, see ``reason_shape``) until its phrases are asked for.
    """

    _phrases: tuple[Phrase, ...] | None
    _shape: str | None

    def __new__(cls, *phrases: Phrase, text: str | None = None) -> Reason:
        """The reason made of ``phrases`` (``text``: its English as once written down)."""
        made = super().__new__(cls, render(phrases) if text is None else text)
        made._phrases = phrases
        made._shape = None
        return made

    @classmethod
    def stored(cls, text: str, shape: str) -> Reason:
        """A reason as a file keeps it: the text and its shape (phrases found when needed)."""
        made = super().__new__(cls, text)
        made._phrases = None
        made._shape = shape
        return made

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        """The phrases; a stored reason whose shape does not fit its text gives none."""
        if self._phrases is None:
            self._phrases = phrases_from(str(self), self._shape or "") or ()
        return self._phrases

    @property
    def shape(self) -> str:
        """The phrase keys, as a file keeps them (made once)."""
        if self._shape is None:
            self._shape = shape_of(self.phrases)
        return self._shape

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle (and copy) the text and the phrases."""
        return (_rebuild, (str(self), self.phrases))

    def data(self) -> list[dict[str, Any]]:
        """The phrases as plain data (for JSON)."""
        return [item.data() for item in self.phrases]


def _rebuild(text: str, phrases: tuple[Phrase, ...]) -> Reason:
    return Reason(*phrases, text=text)


def restored(text: str, shape: str | None) -> str:
    """A reason read back from a file: ``text`` with the phrases its ``shape`` finds in it."""
    return Reason.stored(text, shape) if shape else text


def reason_shape(reason: str) -> str | None:
    """The shape of ``reason`` for a file, or None for a plain string."""
    if isinstance(reason, Reason) and (reason._shape is not None or reason.phrases):
        return reason.shape
    return None


def phrases_of(reason: str) -> tuple[Phrase, ...]:
    """The phrases of ``reason`` (none for a plain string)."""
    return reason.phrases if isinstance(reason, Reason) else ()


def localise(reason: str, translate: Translate) -> str:
    """``reason`` in the language of ``translate``; plain text stays as it is."""
    phrases = phrases_of(reason)
    return render(phrases, translate) if phrases else reason
