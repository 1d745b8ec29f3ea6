"""Decoding: every container we promise, and a clear error for each kind of bad input."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import numpy as np
import pytest

from assistant.audio import AudioError, decode
from assistant.audio_probe import wav_unclaimed_bytes
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


@pytest.mark.parametrize("tag", ["1970-01-01T00:00:00Z", "1980-01-01T00:00:00Z", "2199-01-01T00:00:00Z"])
def test_a_reset_or_future_creation_time_is_not_the_recording_date(tmp_path, clip, tag):
    """A device whose clock was never set writes its epoch (1970 Unix, 1980 DOS/FAT) or a far future time:
    the file time is used instead."""
    import os
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from assistant.audio import recording_date

    tagged = tmp_path / "tagged.mka"  # Matroska holds any date; MP4 cannot before 1904
    ffmpeg("-i", str(clip), "-metadata", f"creation_time={tag}", "-c:a", "libopus", str(tagged))
    evening = datetime(2026, 3, 12, 23, 50, tzinfo=ZoneInfo("Asia/Hong_Kong")).timestamp()
    os.utime(tagged, (evening, evening))
    assert recording_date(tagged, "Asia/Hong_Kong") == "2026-03-12"


CASES = Path(__file__).resolve().parent.parent / "samples" / "cases" / "audio"


def test_of_two_audio_streams_the_default_one_is_used():
    audio = decode(CASES / "two_tracks_first_silent.mp4")  # stream 0: muted mic; stream 1: the meeting
    assert (audio.origin.stream, audio.origin.streams, audio.origin.choice) == (1, 2, "default")
    assert abs(audio.duration - 20.07) < 0.1 and float(np.abs(audio.samples).max()) > 0.1


def test_without_a_default_stream_the_loudest_is_used(tmp_path, clip):
    video = tmp_path / "no_default.mkv"
    ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-i", str(clip), "-map", "0:a", "-map", "1:a",
           "-t", "12", "-disposition:a:0", "0", "-disposition:a:1", "0", "-c:a", "flac", str(video))
    audio = decode(video)
    assert (audio.origin.stream, audio.origin.choice) == (1, "loudest")


def test_a_wav_header_that_under_claims_its_data_is_decoded_to_the_end_with_a_warning():
    audio = decode(CASES / "wav_header_claims_40pct.wav")  # header: 5.2 s; data: 13.056 s
    assert abs(audio.duration - 13.056) < 0.01
    assert float(np.abs(audio.samples[int(10 * 16000):]).max()) > 0.05  # speech past the claimed end
    [warning] = audio.origin.warnings
    assert "5.2 s" in warning and "13.1 s" in warning


def test_a_wav_with_a_metadata_chunk_after_its_data_is_not_flagged(tmp_path, clip):
    tagged = tmp_path / "tagged.wav"
    ffmpeg("-i", str(clip), str(tagged))
    info = b"INFOISFT" + struct.pack("<I", 8) + b"recorder"
    data = bytearray(tagged.read_bytes() + b"LIST" + struct.pack("<I", len(info)) + info)
    data[4:8] = struct.pack("<I", len(data) - 8)
    tagged.write_bytes(bytes(data))
    assert wav_unclaimed_bytes(tagged) == 0 and not decode(tagged).origin.warnings


def test_stereo_whose_channels_cancel_uses_one_channel():
    audio = decode(CASES / "stereo_right_inverted.wav")  # right = inverted left: the downmix is silence
    assert audio.origin.channel == 0
    assert abs(audio.duration - 7.168) < 0.01 and float(np.abs(audio.samples).max()) > 0.1


def test_ordinary_stereo_is_mixed(tmp_path, clip):
    stereo = tmp_path / "stereo.wav"
    ffmpeg("-i", str(clip), "-ac", "2", str(stereo))
    assert decode(stereo).origin.channel is None


def test_music_and_noise_decode_as_audio():
    """No speech is the pipeline's finding, not bad input: the file decodes."""
    audio = decode(CASES / "no_speech_music_noise.wav")
    assert abs(audio.duration - 30.0) < 0.01 and audio.origin.warnings == []


def test_a_decoder_killed_by_a_signal_is_no_verdict_on_the_file(tmp_path, clip, monkeypatch):
    """Ctrl-C in a terminal (or systemd's stop) signals the whole process group: ffmpeg dies mid-decode.
    The file is fine, so this must not be the bad-input error a job never retries."""
    import os
    import shutil

    from assistant.audio import DecoderInterrupted

    tools = tmp_path / "bin"
    tools.mkdir()
    killed = tools / "ffmpeg"
    killed.write_text("#!/bin/sh\nkill -TERM $$\n")  # ffmpeg as the signal leaves it; ffprobe is the real one
    killed.chmod(0o755)
    (tools / "ffprobe").symlink_to(shutil.which("ffprobe"))
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(DecoderInterrupted) as raised:
        decode(clip, AudioSettings())
    assert not isinstance(raised.value, AudioError)


@pytest.mark.parametrize("year", [1970, 1980, 2446])
def test_a_file_time_from_an_unset_clock_is_not_the_recording_date_either(tmp_path, clip, year):
    """No tag and a file time of 1970/1980 (or centuries ahead): the day it is processed, never a crash later."""
    import os
    import shutil
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from assistant.audio import recording_date

    untagged = tmp_path / "clock.wav"
    shutil.copy(clip, untagged)
    when = datetime(year, 6, 1, tzinfo=ZoneInfo("UTC")).timestamp()
    os.utime(untagged, (when, when))
    assert recording_date(untagged, "Asia/Hong_Kong") == datetime.now(ZoneInfo("Asia/Hong_Kong")).date().isoformat()
