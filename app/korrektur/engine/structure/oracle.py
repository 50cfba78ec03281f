"""A small stand-in ``WordOracle`` from wordfreq's Swedish list, for when no word engine is given.

Words are compared without diacritics (OCR loses them), and a compound counts as known when it
splits into known parts, with or without a linking ``s`` (``utsläpp`` + ``s`` + ``enheter``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping

from korrektur.engine.structure.text import fold

MIN_PART = 3  # letters in each part of a compound
MIN_FREQUENCY = 1e-7  # parts of compounds must be at least this common (no OCR junk words)


class FrequencyOracle:
    """Knows the words of a frequency list; ``correct`` restores their diacritics.

    Attributes:
        forms: folded word → its most frequent written form.
        common: folded words frequent enough to be parts of compounds.
    """

    def __init__(self, frequencies: Mapping[str, float]) -> None:
        self.forms: dict[str, str] = {}
        self.common: set[str] = set()
        for word, frequency in sorted(frequencies.items(), key=lambda item: -item[1]):
            if not word.isalpha():
                continue
            key = fold(word)
            self.forms.setdefault(key, word)
            if frequency >= MIN_FREQUENCY:
                self.common.add(key)

    @classmethod
    def from_words(cls, words: Iterable[str]) -> FrequencyOracle:
        """An oracle knowing ``words`` (all equally common); for tests."""
        return cls(dict.fromkeys(words, 1.0))

    def known(self, word: str) -> bool:
        """True for a known word or a compound of known parts, diacritics ignored."""
        key = fold(word)
        return key.isalpha() and (key in self.forms or self._compound(key, depth=2))

    def _compound(self, key: str, depth: int) -> bool:
        if depth == 0 or len(key) < 2 * MIN_PART:
            return False
        for cut in range(len(key) - MIN_PART, MIN_PART - 1, -1):
            head, rest = key[:cut], key[cut:]
            if head not in self.common and not (
                head.endswith("s") and head[:-1] in self.common and len(head) > MIN_PART
            ):
                continue
            if rest in self.forms or self._compound(rest, depth - 1):
                return True
        return False

    def correct(self, word: str) -> str:
        """The written form of ``word`` (its diacritics restored when the list knows it)."""
        form = self.forms.get(fold(word))
        if form is None:
            return word
        if word[:1].isupper():
            return form[:1].upper() + form[1:]
        return form


_LOCK = threading.Lock()
_SHARED: FrequencyOracle | None = None


def swedish_oracle() -> FrequencyOracle:
    """The oracle from wordfreq's Swedish list (loaded once, about half a second)."""
    global _SHARED
    with _LOCK:
        if _SHARED is None:
            from wordfreq import get_frequency_dict

            _SHARED = FrequencyOracle(get_frequency_dict("sv"))
        return _SHARED
