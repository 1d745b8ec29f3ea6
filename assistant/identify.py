"""Name diarised speakers from enrolled voiceprints.

Each meeting speaker's voice is scored against every enrolled person (cosine with the
person's closest voiceprint of the same embedding model). Speakers and people are paired by
optimal assignment on those scores, so two speakers never get the same person; a pair is kept
only when its score reaches the threshold. Known attendees get a small bonus, so between two
similar voices the person who was in the meeting wins. Before that, speakers whose best match
is the same person are joined into one speaker (``same_person``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy.optimize import linear_sum_assignment

from assistant.config import VoiceprintSettings
from assistant.minutes import Speaker
from assistant.voices import Voice, embed_speaker

if TYPE_CHECKING:
    from assistant.audio import Audio
    from assistant.diarize import Diarization
    from assistant.embedding import CamPlusPlus


@dataclass(frozen=True)
class EnrolledPerson:
    """A person of the directory with their voiceprints for one embedding model."""

    id: str
    name: str
    vectors: tuple[np.ndarray, ...]
    aliases: tuple[str, ...] = ()

    def known_as(self, names: Collection[str]) -> bool:
        keys = {n.strip().casefold() for n in names}
        return self.id in names or any(n.strip().casefold() in keys for n in (self.name, *self.aliases))


@dataclass(frozen=True)
class Match:
    person_id: str
    name: str
    score: float  # cosine with the closest voiceprint, before any attendee bonus


def speaker_voices(
    model: CamPlusPlus, audio: Audio, diarization: Diarization, settings: VoiceprintSettings
) -> dict[str, Voice]:
    """The voice of every diarised speaker (kept with the meeting, so a reviewer can enrol it later)."""
    voices = {}
    for speaker in diarization.speakers:
        voice = embed_speaker(model, audio, diarization.exclusive, speaker, settings)
        if voice is not None:
            voices[speaker] = voice
    return voices


def score_matrix(voices: Sequence[np.ndarray], people: Sequence[EnrolledPerson]) -> np.ndarray:
    """(speakers, people) best cosine of each speaker with each person's voiceprints."""
    scores = np.full((len(voices), len(people)), -1.0)
    for j, person in enumerate(people):
        prints = np.stack([v / (np.linalg.norm(v) + 1e-9) for v in person.vectors])
        for i, voice in enumerate(voices):
            scores[i, j] = float(np.max(prints @ (voice / (np.linalg.norm(voice) + 1e-9))))
    return scores


@dataclass(frozen=True)
class _Scores:
    speakers: list[str]
    people: list[EnrolledPerson]
    raw: np.ndarray  # (speakers, people) cosine
    adjusted: np.ndarray  # with the attendee bonus


def _scores(voices: Mapping[str, Voice], people: Sequence[EnrolledPerson], settings: VoiceprintSettings,
            attendees: Collection[str]) -> _Scores:
    people = [p for p in people if p.vectors]
    speakers = [s for s, v in voices.items() if v.speech_s >= settings.min_speaker_speech_s]
    raw = score_matrix([voices[s].vector for s in speakers], people)
    bonus = np.array([settings.attendee_bonus if attendees and p.known_as(attendees) else 0.0 for p in people])
    return _Scores(speakers, people, raw, raw + bonus[None, :])


def same_person(
    voices: Mapping[str, Voice],
    people: Sequence[EnrolledPerson],
    settings: VoiceprintSettings,
    attendees: Collection[str] = (),
) -> dict[str, str]:
    """Speakers that diarisation split off one enrolled person: speaker → the speaker to join it to.

    When one person is the best match of several speakers, each above the threshold, those
    speakers are that person's voice cut in two (seen on AMI dev00: one man's 11 s monologue in
    two clusters). They are joined into the one with the most speech, rather than only one of
    them being named and the others left anonymous.
    """
    s = _scores(voices, people, settings, attendees)
    if len(s.speakers) < 2 or not s.people:
        return {}
    groups: dict[int, list[str]] = {}
    for i, speaker in enumerate(s.speakers):
        j = int(np.argmax(s.adjusted[i]))
        if s.adjusted[i, j] >= settings.threshold:
            groups.setdefault(j, []).append(speaker)
    merges = {}
    for group in groups.values():
        keep = max(group, key=lambda speaker: voices[speaker].speech_s)
        merges.update({speaker: keep for speaker in group if speaker != keep})
    return merges


def identify(
    voices: Mapping[str, Voice],
    people: Sequence[EnrolledPerson],
    settings: VoiceprintSettings,
    attendees: Collection[str] = (),
) -> dict[str, Match]:
    """Speaker id → the person it is, for the speakers that could be named."""
    s = _scores(voices, people, settings, attendees)
    if not s.speakers or not s.people:
        return {}
    speakers, people, raw, adjusted = s.speakers, s.people, s.raw, s.adjusted
    rows, cols = linear_sum_assignment(adjusted, maximize=True)
    return {
        speakers[i]: Match(people[j].id, people[j].name, round(float(raw[i, j]), 4))
        for i, j in zip(rows, cols, strict=True)
        if adjusted[i, j] >= settings.threshold
    }


def identify_speakers(
    model: CamPlusPlus,
    audio: Audio,
    diarization: Diarization,
    people: Sequence[EnrolledPerson],
    settings: VoiceprintSettings,
    attendees: Collection[str] = (),
) -> tuple[Diarization, dict[str, Voice], dict[str, Match]]:
    """The diarisation with split-off speakers joined, every speaker's voice, and the names found."""
    voices = speaker_voices(model, audio, diarization, settings)
    merges = same_person(voices, people, settings, attendees)
    if merges:
        diarization = diarization.joined(merges)
        voices = speaker_voices(model, audio, diarization, settings)
    return diarization, voices, identify(voices, people, settings, attendees)


def name_speakers(speakers: Sequence[Speaker], matches: Mapping[str, Match]) -> None:
    for speaker in speakers:
        match = matches.get(speaker.id)
        if match is not None:
            speaker.name, speaker.person_id, speaker.confidence = match.name, match.person_id, match.score
