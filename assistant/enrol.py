"""A voiceprint from a short clip of one person speaking.

The clip is diarised with the meeting pipeline's own models: its speech time (segmentation is
the voice activity detector) must reach ``min_enrol_speech_s``, and no second voice may speak
for ``second_voice_s`` or more. The voiceprint is then embedded exactly as meeting speakers
are (:mod:`assistant.voices`), with the embedding model's name kept beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant import loading
from assistant.audio import AudioError, decode, probe_duration
from assistant.config import Settings
from assistant.diarize import diarize
from assistant.voices import Voice, embed_speaker, speech_time


class EnrolmentError(AudioError):
    """The clip cannot make a voiceprint: too little speech, several voices, too long."""


@dataclass
class Enrolment:
    voice: Voice
    model: str  # the embedding model; voiceprints are only compared within one model


def _check_length(name: str, seconds: float, limit: float) -> None:
    if seconds > limit:  # False for NaN (length unknown)
        raise EnrolmentError(
            f"{name}: the clip is {seconds:.0f} s long; enrolment takes clips of at most "
            f"{limit:.0f} s (10–30 s of one person speaking is ideal)."
        )


def enrol_clip(path: str | Path, settings: Settings) -> Enrolment:
    name = Path(path).name
    vp = settings.voiceprints
    # Probed first, so that a long recording sent by mistake is refused before it is decoded;
    # checked again after decoding where the container did not say.
    _check_length(name, probe_duration(Path(path)), vp.max_enrol_clip_s)
    audio = decode(path, settings.audio)
    _check_length(name, audio.duration, vp.max_enrol_clip_s)
    pipeline = loading.diarization_pipeline(settings.diarization)
    diarization = diarize(pipeline, audio)
    speech = speech_time(diarization.exclusive)
    if speech < vp.min_enrol_speech_s:
        raise EnrolmentError(
            f"{name}: only {speech:.1f} s of speech was found; at least {vp.min_enrol_speech_s:g} s of one "
            "person speaking is needed."
        )
    talk = sorted(((speech_time(diarization.exclusive, s), s) for s in diarization.speakers), reverse=True)
    if len(talk) > 1 and talk[1][0] >= vp.second_voice_s:
        raise EnrolmentError(
            f"{name}: {len(talk)} voices were heard (the second one for {talk[1][0]:.1f} s); "
            "record one person speaking on their own."
        )
    voice = embed_speaker(pipeline.embedding, audio, diarization.exclusive, talk[0][1], vp)
    if voice is None:
        raise EnrolmentError(f"{name}: the speech is too broken up to make a voiceprint; record again.")
    return Enrolment(voice, settings.diarization.embedding_model)
