"""Meeting assistant for Hong Kong teams.

The data path: :mod:`assistant.audio` decodes, :mod:`assistant.diarize` finds speaker turns,
:mod:`assistant.transcribe` writes the words, :mod:`assistant.merge` joins them into turns,
:mod:`assistant.pipeline` runs the whole job and :mod:`assistant.writers` saves the minutes.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
