"""Shared fixtures: real sample audio, real models, and the pipeline run once per session."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import assistant  # noqa: F401  (first: switches off library telemetry before any model library loads)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "meeting_yue.wav"
SAMPLE_REFERENCE = ROOT / "samples" / "meeting_yue.rttm"


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


@pytest.fixture(scope="session")
def sample() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def processed_sample():
    """The whole pipeline on the bundled sample, with the real models (about 15 s)."""
    from assistant.pipeline import process

    return process(SAMPLE)
