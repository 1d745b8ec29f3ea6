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


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server for the session (``servers.Postgres``); skipped only when it is not installed."""
    from tests.servers import Postgres, Unavailable

    try:
        server = Postgres()
    except Unavailable as exc:
        pytest.skip(str(exc))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server():
    """A Redis server for the session (``servers.Redis``); skipped only when it is not installed."""
    from tests.servers import Redis, Unavailable

    try:
        server = Redis()
    except Unavailable as exc:
        pytest.skip(str(exc))
    yield server.start()
    server.stop()
