"""One lock for every call into PDFium, which is not thread-safe, not even across documents.

The window reads a PDF on the analysis thread, renders its pages for the page view on another
and may write a searchable PDF on a third; pypdfium2's documentation allows that only when no
two PDFium calls run at once. Every user takes :data:`PDFIUM` around its PDFium work, in short
pieces (a page at a time) so a page picture never waits for a whole document to be read.
"""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()
