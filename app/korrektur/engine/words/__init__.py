"""The word engine: Swedish lexicon, diacritic restoration, OCR confusions, context."""

from korrektur.engine.words.analyzer import WordAnalyzer
from korrektur.engine.words.oracle import LexiconOracle, word_oracle

__all__ = ["LexiconOracle", "WordAnalyzer", "word_oracle"]
