"""Recordings users really have (samples/cases/audio), through `assistant process` with the real models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import NO_SPEECH_EXIT
from tests.test_cli import run

CASES = Path(__file__).resolve().parent.parent / "samples" / "cases" / "audio"


def process(tmp_path: Path, name: str):
    out = tmp_path / "out"
    result = run("process", str(CASES / name), "--out", str(out), "--quiet", "--no-extract")
    minutes = json.loads((out / "minutes.json").read_text(encoding="utf-8")) if out.exists() else None
    return result, minutes, out


def test_the_meeting_stream_of_a_video_with_a_muted_first_track(tmp_path):
    result, minutes, out = process(tmp_path, "two_tracks_first_silent.mp4")
    assert result.returncode == 0, result.stderr
    audio = minutes["meeting"]["audio"]
    assert (audio["stream"], audio["streams"], audio["choice"]) == (1, 2, "default")
    assert minutes["turns"] and minutes["turns"][-1]["end"] > 14.0  # three clips, the last from about 15 s
    assert "#1 / 2" in (out / "minutes.md").read_text(encoding="utf-8")


def test_a_wav_whose_header_under_claims_is_transcribed_to_the_end(tmp_path):
    result, minutes, _ = process(tmp_path, "wav_header_claims_40pct.wav")
    assert result.returncode == 0, result.stderr
    assert minutes["meeting"]["duration"] == pytest.approx(13.056, abs=0.01)
    assert minutes["turns"][-1]["end"] > 8.0  # words well past the 5.2 s the header claims
    assert "warning:" in result.stderr and "13.1 s" in result.stderr
    assert minutes["meeting"]["audio"]["warnings"]


def test_stereo_with_an_inverted_channel_is_transcribed_from_one_channel(tmp_path):
    result, minutes, _ = process(tmp_path, "stereo_right_inverted.wav")
    assert result.returncode == 0, result.stderr
    assert minutes["meeting"]["audio"]["channel"] == 0
    assert minutes["turns"] and sum(len(t["text"]) for t in minutes["turns"]) > 10


def test_music_and_noise_end_as_no_speech_with_valid_empty_outputs(tmp_path):
    result, minutes, out = process(tmp_path, "no_speech_music_noise.wav")
    assert result.returncode == NO_SPEECH_EXIT, result.stderr
    assert "no speech" in result.stderr and "Traceback" not in result.stderr
    meeting = minutes["meeting"]
    assert meeting["speech"] is False and meeting["duration"] == pytest.approx(30.0, abs=0.01)
    assert minutes["speakers"] == [] and minutes["turns"] == [] and minutes["action_items"] == []
    assert (out / "transcript.srt").read_text(encoding="utf-8") == ""
    assert (out / "transcript.vtt").read_text(encoding="utf-8").strip() == "WEBVTT"
    assert (out / "diarization.rttm").read_text(encoding="utf-8") == ""
    assert "No speech in the recording" in (out / "minutes.md").read_text(encoding="utf-8")
