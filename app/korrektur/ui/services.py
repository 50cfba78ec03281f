"""What the entry point builds and hands to the main window (no global application object)."""

from __future__ import annotations

from dataclasses import dataclass

from korrektur.ui.i18n import Translations
from korrektur.ui.messages import Messages
from korrektur.ui.settings import Settings
from korrektur.ui.workspace_service import WorkspaceService


@dataclass
class Services:
    """Everything the main window needs from outside.

    Attributes:
        settings: the typed settings store.
        messages: how to tell the user things.
        service: the open document and the background work (saving only with its store;
            without one, screenshot mode, decisions live in memory).
        translations: the translators in use (None: made when the language is changed).
    """

    settings: Settings
    messages: Messages
    service: WorkspaceService
    translations: Translations | None = None
