"""Give every transcribed word a speaker and group the words into speaker turns."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from assistant.config import MergeSettings
from assistant.minutes import Speaker, Turn, Word

if TYPE_CHECKING:  # diarize imports torch; writing and merging must not
    from assistant.diarize import SpeakerTurn

SENTENCE_END = "。！？!?…."
CLAUSE_PUNCT = "，,、；;：:。！？!?…."


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def assign_speaker(word: Word, turns: Sequence[SpeakerTurn], starts: list[float]) -> str | None:
    """Speaker overlapping the word most; the nearest speaker when the word falls in a gap."""
    if not turns:
        return None
    i = bisect.bisect_right(starts, word.end)
    best, best_overlap, best_gap = None, 0.0, float("inf")
    # Turns are sorted by start; the candidates are those starting before the word ends.
    # Scanning back a bounded number covers overlapping turns without a quadratic loop.
    for turn in turns[max(0, i - 8): i + 1]:
        overlap = min(word.end, turn.end) - max(word.start, turn.start)
        if overlap > best_overlap:
            best, best_overlap = turn.speaker, overlap
        elif best_overlap <= 0:
            gap = max(turn.start - word.end, word.start - turn.end)
            if gap < best_gap:
                best, best_gap = turn.speaker, gap
    return best


def _clean_text(words: Iterable[Word]) -> str:
    text = "".join(w.text for w in words).strip()
    text = text.lstrip("".join(CLAUSE_PUNCT)).strip()
    if text and _has_cjk(text[-1]):
        text += "。"
    return text


def words_to_turns(
    words: Sequence[Word], diarization: Sequence[SpeakerTurn], settings: MergeSettings | None = None
) -> list[Turn]:
    settings = settings or MergeSettings()
    ordered = sorted(diarization, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    fallback = ordered[0].speaker if ordered else "S1"

    turns: list[Turn] = []
    current: list[Word] = []
    current_speaker: str | None = None
    last_end = 0.0
    for word in words:
        # Whisper's word times can step back a few milliseconds; keep them monotonic.
        start = max(word.start, last_end)
        word = Word(start, max(start, word.end), word.text, word.probability)
        last_end = word.end
        speaker = assign_speaker(word, ordered, starts) or current_speaker or fallback
        if current:
            pause = word.start - current[-1].end
            too_long = word.start - current[0].start > settings.max_turn and current[-1].text.strip()[-1:] in SENTENCE_END
            if speaker != current_speaker or pause > settings.max_pause or too_long:
                turns.append(_make_turn(current_speaker or fallback, current))
                current = []
        current.append(word)
        current_speaker = speaker
    if current:
        turns.append(_make_turn(current_speaker or fallback, current))
    return [t for t in turns if t.text]


def _make_turn(speaker: str, words: list[Word]) -> Turn:
    return Turn(speaker=speaker, start=words[0].start, end=words[-1].end, text=_clean_text(words), words=words)


def speaker_table(turns: Sequence[Turn], diarization: Sequence[SpeakerTurn]) -> list[Speaker]:
    """Speakers in order of first appearance, talk time from the diarisation (overlaps included)."""
    talk: dict[str, float] = {}
    for t in diarization:
        talk[t.speaker] = talk.get(t.speaker, 0.0) + (t.end - t.start)
    order: list[str] = []
    for t in list(turns) + sorted(diarization, key=lambda x: x.start):
        if t.speaker not in order:
            order.append(t.speaker)
    return [Speaker(id=s, name=None, talk_time=round(talk.get(s, 0.0), 2)) for s in order]
