"""Readers and writers of document and review formats (Qt-free)."""
