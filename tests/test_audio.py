"""Decoding: every container we promise, and a clear error for each kind of bad input."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from assistant.audio import AudioError, decode
from assistant.config import AudioSettings
from tests.conftest import ffmpeg


@pytest.fixture(scope="module")
def clip(tmp_path_factory, sample):
    """The first 12 s of the sample as WAV."""
    path = tmp_path_factory.mktemp("audio") / "clip.wav"
    ffmpeg("-i", str(sample), "-t", "12", str(path))
    return path


@pytest.mark.parametrize(
    "name, codec_args",
    [
        ("clip.mp3", ["-c:a", "libmp3lame"]),
        ("clip.m4a", ["-c:a", "aac"]),
        ("clip.ogg", ["-c:a", "libopus"]),
        ("clip.flac", []),
        ("clip.webm", ["-c:a", "libopus"]),
        ("會議 錄音 (1).wav", ["-ac", "2", "-ar", "44100"]),
    ],
)
def test_decodes_common_formats_to_16k_mono(tmp_path, clip, name, codec_args):
    target = tmp_path / name
    ffmpeg("-i", str(clip), *codec_args, str(target))
    audio = decode(target)
    assert audio.sample_rate == 16000
    assert audio.samples.dtype == np.float32 and audio.samples.ndim == 1
    assert abs(audio.duration - 12.0) < 0.15
    assert 0.05 < float(np.abs(audio.samples).max()) <= 1.0


def test_decodes_audio_track_of_a_video(tmp_path, clip):
    video = tmp_path / "meeting.mp4"
    ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=160x120:d=12", "-i", str(clip),
           "-shortest", "-c:v", "libx264", "-c:a", "aac", str(video))
    assert abs(decode(video).duration - 12.0) < 0.2


def test_video_without_audio_is_rejected(tmp_path):
    video = tmp_path / "silent.mp4"
    ffmpeg("-f", "lavfi", "-i", "color=c=red:s=160x120:d=3", "-c:v", "libx264", str(video))
    with pytest.raises(AudioError, match="no audio track"):
        decode(video)


def test_missing_file(tmp_path):
    with pytest.raises(AudioError, match="no such file"):
        decode(tmp_path / "nothing.wav")


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.m4a"
    empty.write_bytes(b"")
    with pytest.raises(AudioError, match="empty"):
        decode(empty)


def test_wav_with_no_samples(tmp_path):
    path = tmp_path / "zero.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
    with pytest.raises(AudioError, match="at least"):
        decode(path)


def test_text_renamed_mp3(tmp_path):
    fake = tmp_path / "notes.mp3"
    fake.write_text("這不是錄音，是會議筆記。\n" * 50, encoding="utf-8")
    with pytest.raises(AudioError, match="notes.mp3"):
        decode(fake)


def test_corrupt_audio(tmp_path, clip):
    corrupt = tmp_path / "corrupt.m4a"
    ffmpeg("-i", str(clip), "-c:a", "aac", str(corrupt))
    data = bytearray(corrupt.read_bytes())
    rng = np.random.default_rng(0)
    data[: len(data) // 2] = rng.integers(0, 256, len(data) // 2, dtype=np.uint8).tobytes()
    corrupt.write_bytes(bytes(data))
    with pytest.raises(AudioError, match="corrupt.m4a"):
        decode(corrupt)


def test_one_second_clip_is_too_short(tmp_path, clip):
    short = tmp_path / "short.wav"
    ffmpeg("-i", str(clip), "-t", "1", str(short))
    with pytest.raises(AudioError, match="1.0 s long"):
        decode(short)


def test_silent_recording(tmp_path):
    silent = tmp_path / "silence.wav"
    ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "10", str(silent))
    with pytest.raises(AudioError, match="silent"):
        decode(silent)


def test_recording_over_the_length_limit(clip):
    with pytest.raises(AudioError, match="limit"):
        decode(clip, AudioSettings(max_duration=10.0))


def test_recording_date_comes_from_the_container_in_hong_kong_time(tmp_path, clip):
    from assistant.audio import recording_date

    tagged = tmp_path / "tagged.m4a"
    # 20:30 UTC on the 11th is 04:30 on the 12th in Hong Kong
    ffmpeg("-i", str(clip), "-metadata", "creation_time=2026-03-11T20:30:00Z", "-c:a", "aac", str(tagged))
    assert recording_date(tagged, "Asia/Hong_Kong") == "2026-03-12"
