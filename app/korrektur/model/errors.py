"""Errors the core raises for input a user must fix."""


class DocumentError(Exception):
    """A file cannot be opened as a document; the message is written for a clerk."""
