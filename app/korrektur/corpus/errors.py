"""The one error of corpora: something the user can fix, said in one line."""


class CorpusError(Exception):
    """Something the user can fix about a corpus; the message says what, in one line."""
