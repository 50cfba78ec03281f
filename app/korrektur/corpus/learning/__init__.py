"""Learning from the reviewer's decisions: a corpus lexicon, pair offsets, calibration, channel.

``lessons`` reads what one review teaches, ``estimate`` sums the lessons of a corpus into
what it has learned and turns that into the word engine's ``Profile``.
"""
