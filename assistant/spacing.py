"""Spaces between recognised words, as a Hong Kong reader expects them.

Whisper marks a word boundary with a leading space (" 萬", " Peter"). Latin words need it;
Chinese is written without spaces, so between Chinese characters, and after full-width
punctuation, the space goes. Between Latin and Chinese the space is kept as whisper gave it.
The words' own text is fixed once, when they are transcribed, so every transcript, subtitle,
Markdown file and the page (which shows the words one by one) agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.minutes import Word

# Full-width punctuation: CJK symbols (、。「」『』〔〕…) and full-width forms (，！？：；（）).
_PUNCTUATION = ((0x3000, 0x303F), (0xFF00, 0xFF65))
_CHARACTERS = (
    (0x3040, 0x30FF),  # kana
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x3FFFF),  # extensions B onwards: many Hong Kong characters (𠮶, 𨋢)
)


def _within(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in ranges)


def is_cjk_punctuation(ch: str) -> bool:
    return _within(ch, _PUNCTUATION)


def is_cjk(ch: str) -> bool:
    """A Chinese (or Japanese) character or full-width punctuation mark."""
    return _within(ch, _CHARACTERS) or is_cjk_punctuation(ch)


def spaced(previous: str, text: str) -> str:
    """``text`` as it follows ``previous``: its leading whitespace dropped between CJK characters,
    after or before full-width punctuation and at the start; otherwise one space, where it had any."""
    word = text.lstrip()
    before = previous.rstrip()[-1:]
    if word == text or not word:
        return text
    if not before or is_cjk_punctuation(before) or is_cjk_punctuation(word[0]) or (is_cjk(before) and is_cjk(word[0])):
        return word
    return " " + word


def space_words(words: Iterable[Word]) -> None:
    """Fix, in place, the spacing of words in spoken order (see :func:`spaced`)."""
    previous = ""
    for word in words:
        word.text = spaced(previous, word.text)
        previous = word.text or previous
