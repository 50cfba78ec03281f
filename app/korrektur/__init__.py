"""Korrektur: review and correct OCR'd Swedish reports."""

__version__ = "0.1.0"
