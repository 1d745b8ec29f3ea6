"""Enrolment and identification with the real CAM++ model on clips cut from the bundled sample.

The sample has two speakers who talk twice (gd0048640 at 0.5–6.2 s and 24.1–31.6 s, gd0046360 at
6.8–15.5 s and 40.6–46.3 s). Their first pieces are the enrolment clips; the meeting is the sample
from 16 s on, so enrolment audio is never part of the meeting. Those pieces are 5–9 s, so these
tests lower ``min_enrol_speech_s`` to 4 s (the default, 8 s, is checked by the rejection tests).
"""

from __future__ import annotations

import numpy as np
import pytest

from assistant.audio import AudioError
from assistant.config import AudioSettings, Settings, VoiceprintSettings
from assistant.enrol import EnrolmentError, enrol_clip
from assistant.identify import EnrolledPerson, identify
from assistant.voices import Voice
from tests.conftest import SAMPLE, ffmpeg

MEETING_START = 16.0


def cut(path, start: float, end: float):
    ffmpeg("-i", str(SAMPLE), "-ss", str(start), "-to", str(end), "-ar", "16000", "-ac", "1", str(path))
    return path


@pytest.fixture(scope="module")
def clips(tmp_path_factory):
    folder = tmp_path_factory.mktemp("voices")
    return {
        "ada": cut(folder / "ada.wav", 0.5, 6.2),  # gd0048640
        "ben": cut(folder / "ben.wav", 6.75, 15.5),  # gd0046360
        "both": cut(folder / "both.wav", 0.5, 15.5),
        "short": cut(folder / "short.wav", 0.5, 3.5),
        "meeting": cut(folder / "meeting.wav", MEETING_START, 63.0),
    }


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(voiceprints=VoiceprintSettings(min_enrol_speech_s=4.0))


@pytest.fixture(scope="module")
def people(clips, settings) -> list[EnrolledPerson]:
    ada, ben = enrol_clip(clips["ada"], settings), enrol_clip(clips["ben"], settings)
    return [EnrolledPerson("p-ada", "Ada", (ada.voice.vector,)), EnrolledPerson("p-ben", "Ben", (ben.voice.vector,))]


@pytest.fixture(scope="module")
def processed(clips, people, settings):
    from assistant.pipeline import ProcessOptions, process

    return process(clips["meeting"], ProcessOptions(people=people, extract=False), settings)


def test_enrolment_gives_a_normalised_voiceprint_of_the_diarisation_model(clips, settings):
    enrolment = enrol_clip(clips["ben"], settings)
    assert enrolment.model == settings.diarization.embedding_model
    assert enrolment.voice.vector.shape == (192,)
    assert np.linalg.norm(enrolment.voice.vector) == pytest.approx(1.0, abs=1e-4)
    assert 6.0 < enrolment.voice.speech_s <= 8.75


def test_too_little_speech_is_refused(clips):
    with pytest.raises(EnrolmentError, match=r"short.wav: only \d+\.\d s of speech was found; at least 8 s"):
        enrol_clip(clips["short"], Settings())


def test_two_voices_are_refused(clips, settings):
    with pytest.raises(EnrolmentError, match=r"both.wav: 2 voices were heard"):
        enrol_clip(clips["both"], settings)


def test_noise_without_speech_is_refused(tmp_path, settings):
    noise = tmp_path / "room.wav"
    ffmpeg("-f", "lavfi", "-i", "anoisesrc=a=0.01:c=pink:d=15", "-ar", "16000", "-ac", "1", str(noise))
    with pytest.raises(EnrolmentError, match=r"room.wav: only 0\.\d s of speech was found"):
        enrol_clip(noise, settings)


def test_a_long_recording_is_refused_before_decoding(tmp_path):
    long = tmp_path / "whole meeting.wav"
    ffmpeg("-stream_loop", "-1", "-i", str(SAMPLE), "-t", "180", "-ar", "16000", "-ac", "1", str(long))
    # Decoding would fail on this audio limit with another error: the enrolment limit comes first.
    settings = Settings(audio=AudioSettings(max_duration=150.0))
    with pytest.raises(EnrolmentError, match=r"whole meeting.wav: the clip is 180 s long; .* at most 120 s"):
        enrol_clip(long, settings)


def test_silence_is_refused(tmp_path, settings):
    silence = tmp_path / "silence.wav"
    ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "15", str(silence))
    with pytest.raises(AudioError, match="silence.wav"):
        enrol_clip(silence, settings)


def _speaker_at(result, start: float, end: float) -> str:
    """The diarised speaker talking most between start and end (meeting time)."""
    talk: dict[str, float] = {}
    for t in result.diarization.exclusive:
        talk[t.speaker] = talk.get(t.speaker, 0.0) + max(0.0, min(end, t.end) - max(start, t.start))
    return max(talk, key=talk.get)


def test_enrolled_speakers_are_named_and_others_stay_anonymous(processed):
    from assistant.writers import to_srt

    ada = _speaker_at(processed, 24.2 - MEETING_START, 31.5 - MEETING_START)
    ben = _speaker_at(processed, 40.7 - MEETING_START, 46.2 - MEETING_START)
    speakers = {s.id: s for s in processed.minutes.speakers}
    assert (speakers[ada].name, speakers[ada].person_id) == ("Ada", "p-ada")
    assert (speakers[ben].name, speakers[ben].person_id) == ("Ben", "p-ben")
    assert speakers[ada].confidence >= VoiceprintSettings().threshold
    others = [s for s in speakers.values() if s.id not in (ada, ben)]
    assert others and all(s.name is None and s.person_id is None and s.confidence is None for s in others)
    assert "[Ada]" in to_srt(processed.minutes) and "[Ben]" in to_srt(processed.minutes)
    assert set(processed.voices) >= {ada, ben}  # kept, so a reviewer can enrol any speaker later


def test_a_person_is_never_given_to_two_speakers(processed, people):
    ada = _speaker_at(processed, 24.2 - MEETING_START, 31.5 - MEETING_START)
    voice = processed.voices[ada]
    rng = np.random.default_rng(0)
    twin = voice.vector + rng.normal(0, 0.01, voice.vector.shape).astype(np.float32)
    voices = {"S1": voice, "S2": Voice(twin / np.linalg.norm(twin), voice.speech_s)}
    matches = identify(voices, people, VoiceprintSettings())
    assert [m.person_id for m in matches.values()] == ["p-ada"]


def test_attendees_are_preferred_between_similar_voices(processed, people):
    ada = _speaker_at(processed, 24.2 - MEETING_START, 31.5 - MEETING_START)
    namesake = EnrolledPerson("p-ada-2", "Ada Lau", people[0].vectors, ("阿 Ada",))
    directory = [people[0], namesake]
    voices = {ada: processed.voices[ada]}
    settings = VoiceprintSettings()
    assert identify(voices, directory, settings, attendees=["阿 Ada"])[ada].person_id == "p-ada-2"
    assert identify(voices, directory[::-1], settings, attendees=["Ada"])[ada].person_id == "p-ada"


def test_short_speakers_stay_anonymous(people):
    voice = Voice(people[0].vectors[0], 1.0)
    assert identify({"S1": voice}, people, VoiceprintSettings(min_speaker_speech_s=2.0)) == {}


def test_two_speakers_that_are_one_enrolled_person_are_joined_and_named_once(people, settings):
    """Diarisation cut Ada's 24.1–31.6 s speech into two speakers: both match her best, so they are joined."""
    from assistant.audio import decode
    from assistant.diarize import Diarization, SpeakerTurn
    from assistant.embedding import CamPlusPlus
    from assistant.identify import identify_speakers
    from assistant.loading import model_path

    turns = [SpeakerTurn(24.15, 27.8, "S1"), SpeakerTurn(27.8, 31.55, "S2"), SpeakerTurn(32.75, 39.9, "S3"),
             SpeakerTurn(40.62, 46.25, "S4")]
    model = CamPlusPlus(model_path(settings.diarization.embedding_model))
    diarization, voices, matches = identify_speakers(
        model, decode(SAMPLE), Diarization(turns, turns), people, settings.voiceprints)
    assert [(t.start, t.end, t.speaker) for t in diarization.turns] == [
        (24.15, 31.55, "S1"), (32.75, 39.9, "S2"), (40.62, 46.25, "S3")]
    assert diarization.exclusive == diarization.turns and set(voices) == {"S1", "S2", "S3"}
    assert {s: m.person_id for s, m in matches.items()} == {"S1": "p-ada", "S3": "p-ben"}
    assert voices["S1"].speech_s == pytest.approx(7.4, abs=0.01)


def test_joining_speakers_merges_their_overlapping_turns_and_renumbers():
    from assistant.diarize import Diarization, SpeakerTurn

    turns = [SpeakerTurn(0.0, 2.0, "S1"), SpeakerTurn(1.5, 4.0, "S2"), SpeakerTurn(3.0, 5.0, "S3"),
             SpeakerTurn(6.0, 7.0, "S2")]
    joined = Diarization(turns, turns).joined({"S1": "S3"})
    assert [(t.start, t.end, t.speaker) for t in joined.turns] == [
        (0.0, 2.0, "S1"), (1.5, 4.0, "S2"), (3.0, 5.0, "S1"), (6.0, 7.0, "S2")]
