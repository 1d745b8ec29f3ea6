"""One speaker's voice as one embedding: their speech, concatenated, through CAM++.

Enrolment clips and meeting speakers are embedded the same way, so their cosine scores are
comparable: the speech of one speaker (segments of at least ``min_segment_s``, the longest
first, up to ``max_speech_s``) is joined in time order and embedded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.config import VoiceprintSettings

if TYPE_CHECKING:
    from assistant.audio import Audio
    from assistant.diarize import SpeakerTurn
    from assistant.embedding import CamPlusPlus


@dataclass
class Voice:
    vector: np.ndarray  # L2-normalised
    speech_s: float  # seconds of speech that went into it


def speech_time(turns: Sequence[SpeakerTurn], speaker: str | None = None) -> float:
    return sum(t.end - t.start for t in turns if speaker is None or t.speaker == speaker)


def embed_speaker(
    model: CamPlusPlus, audio: Audio, turns: Sequence[SpeakerTurn], speaker: str, settings: VoiceprintSettings
) -> Voice | None:
    """The voice of ``speaker`` from one-speaker-at-a-time turns; None when too little speech is usable."""
    segments = [t for t in turns if t.speaker == speaker and t.end - t.start >= settings.min_segment_s]
    chosen, total = [], 0.0
    for turn in sorted(segments, key=lambda t: t.start - t.end):
        if total >= settings.max_speech_s:
            break
        chosen.append(turn)
        total += turn.end - turn.start
    if not chosen:
        return None
    samples = np.concatenate([audio.slice(t.start, t.end) for t in sorted(chosen, key=lambda t: t.start)])
    vector = model.embed(samples)
    return None if np.isnan(vector).any() else Voice(vector, round(total, 2))


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-9))
