"""Annotated review files, versions and autosave on disk (Qt-free)."""
