"""The Qt-free document model: documents, suggestions and review sessions."""

from korrektur.model.document import Document
from korrektur.model.errors import DocumentError
from korrektur.model.session import Change, ManualEdit, ReviewSession
from korrektur.model.suggestion import (
    KIND_GROUPS,
    STRUCTURE_KINDS,
    UNDECIDED,
    WORD_KINDS,
    Decision,
    Kind,
    Status,
    Suggestion,
)

__all__ = [
    "KIND_GROUPS",
    "STRUCTURE_KINDS",
    "UNDECIDED",
    "WORD_KINDS",
    "Change",
    "Decision",
    "Document",
    "DocumentError",
    "Kind",
    "ManualEdit",
    "ReviewSession",
    "Status",
    "Suggestion",
]
