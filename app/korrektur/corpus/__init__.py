"""Corpora: many documents, batch analysis, corpus-wide decisions and exports (Qt-free).

A corpus project is a folder that refers to a source folder (which may be read-only and
elsewhere). Each document's review file lives in ``PROJECT/reviews/`` and stays the record
of its decisions, exactly as for a single document; an SQLite index beside it is derived
from the review files and can always be rebuilt from them.
"""
