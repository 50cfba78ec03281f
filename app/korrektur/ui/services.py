"""What the entry point builds and hands to the main window (no global application object)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
        open_corpus: opens a corpus window beside the main window (``ui.corpus_open``;
            None: no File ▸ Open corpus). Given from outside, as the corpus window builds
            on the main window.
    """

    settings: Settings
    messages: Messages
    service: WorkspaceService
    translations: Translations | None = None
    open_corpus: Callable[[Any, Path | None], object] | None = None
