"""Decode any recording ffmpeg understands into 16 kHz mono float32, once.

Bad input is rejected here with an :class:`AudioError` whose message a user can act on.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from assistant.audio_probe import (ProbeError, Stream, cancelling_channel, choose_stream, describe, levels, probe,
                                   wav_unclaimed_bytes)
from assistant.config import AudioSettings
from assistant.minutes import AudioSource

log = logging.getLogger(__name__)


class AudioError(ValueError):
    """The file cannot be used as a meeting recording; the message says why."""


class DecoderInterrupted(RuntimeError):
    """ffmpeg or ffprobe was killed by a signal: no verdict on the file (a job retries it)."""


@dataclass(frozen=True)
class Audio:
    samples: np.ndarray  # float32, mono
    sample_rate: int
    source: str
    origin: AudioSource = field(default_factory=AudioSource)  # stream and channel used, warnings

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    def slice(self, start: float, end: float) -> np.ndarray:
        a = max(0, int(start * self.sample_rate))
        b = min(len(self.samples), int(end * self.sample_rate))
        return self.samples[a:b]


def _ffmpeg(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise AudioError(f"{tool} is not installed; install ffmpeg (e.g. `apt-get install ffmpeg`).")
    return path


def probe_duration(path: Path) -> float:
    """Duration of the first audio stream in seconds (nan when the container does not say); AudioError when none."""
    return _duration(*_probe(path))


def _duration(streams: list[Stream], container: float) -> float:
    # some containers (raw streams, live webm) only know their length once decoded: nan
    return streams[0].duration if streams[0].duration == streams[0].duration else container


def _probe(path: Path) -> tuple[list[Stream], float]:
    try:
        streams, container = probe(path, _ffmpeg("ffprobe"))
    except ProbeError as exc:
        detail = str(exc).replace(str(path), path.name)  # users see this: no server folders
        raise AudioError(f"{path.name}: not a readable audio or video file ({detail}).") from exc
    if not streams:
        raise AudioError(f"{path.name}: the file has no audio track.")
    return streams, container


# ffprobe's container names → the type a browser is told when it plays the recording.
PLAYABLE_TYPES = {
    "wav": "audio/wav", "mp3": "audio/mpeg", "flac": "audio/flac", "ogg": "audio/ogg", "aac": "audio/aac",
    "mov,mp4,m4a,3gp,3g2,mj2": "audio/mp4", "matroska,webm": "audio/webm", "aiff": "audio/aiff", "amr": "audio/amr",
}


def playback_type(path: Path) -> str | None:
    """The audio type to serve a stored recording as, decided from its content (never its name or the
    uploader's word): None unless ffprobe reads it as a container above with at least one audio stream."""
    result = subprocess.run(
        [_ffmpeg("ffprobe"), "-v", "error", "-select_streams", "a", "-show_entries",
         "stream=codec_type:format=format_name", "-of", "json", str(path)],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        return None
    try:
        info = json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        return None
    if not any(s.get("codec_type") == "audio" for s in info.get("streams", [])):
        return None
    return PLAYABLE_TYPES.get(info.get("format", {}).get("format_name", ""))


def _last_line(stderr: str, path: Path, fallback: str) -> str:
    """ffmpeg's last error line, without the server's folder names (users see this message)."""
    lines = stderr.strip().splitlines()
    return lines[-1].replace(str(path), path.name) if lines else fallback


CLOCK_SET = datetime(2000, 1, 1, tzinfo=ZoneInfo("UTC"))  # creation times before it come from an unset clock


def recording_date(path: str | Path, timezone: str) -> str:
    """Day the recording was made: the container's creation_time tag, else the file's mtime."""
    return recording_time(path).astimezone(ZoneInfo(timezone)).date().isoformat()


def recording_time(path: str | Path, modified: datetime | None = None) -> datetime:
    """When the recording started (aware): the container's creation_time tag, else the file time:
    ``modified`` where the file's own was lost on the way (an upload, whose copy is new; a browser
    sends the file's lastModified), else the file's mtime.

    A time before 2000 or over a day ahead is a clock that was never set (1970, the DOS 1980) and is ignored:
    the tag, then the file time, else now.
    """
    path = Path(path)
    result = subprocess.run(
        [_ffmpeg("ffprobe"), "-v", "error", "-show_entries", "format_tags=creation_time", "-of", "json", str(path)],
        capture_output=True, text=True,
    )
    tag = json.loads(result.stdout or "{}").get("format", {}).get("tags", {}).get("creation_time")
    try:
        when = datetime.fromisoformat(tag.replace("Z", "+00:00"))
        when = when if when.tzinfo is not None else when.replace(tzinfo=ZoneInfo("UTC"))
    except (AttributeError, ValueError):
        when = None
    now = datetime.now(ZoneInfo("UTC"))
    if when is None or not CLOCK_SET <= when <= now + timedelta(days=1):
        when = modified or datetime.fromtimestamp(path.stat().st_mtime, ZoneInfo("UTC"))
    return when if CLOCK_SET <= when <= now + timedelta(days=1) else now  # the file's time is no better: now


def _source(path: Path, streams: list[Stream], settings: AudioSettings) -> AudioSource:
    """Which stream and channels to decode (see :mod:`assistant.audio_probe`), logged for the user."""
    if len(streams) == 1 and streams[0].channels == 1:
        return AudioSource()
    measured = [levels(path, _ffmpeg("ffmpeg"), s, settings.probe_seconds, settings.sample_rate) for s in streams]
    chosen, why = choose_stream(streams, measured, silent_peak=10 ** (settings.silence_dbfs / 20))
    source = AudioSource(stream=chosen.position, streams=len(streams), choice=why, title=chosen.title,
                         channel=cancelling_channel(measured[chosen.position], settings.cancellation_db))
    if len(streams) > 1 or source.channel is not None:
        log.info("%s: %s", path.name, describe(source, streams))
    return source


def decode(path: str | Path, settings: AudioSettings | None = None) -> Audio:
    """The recording as 16 kHz mono float32: the stream with the meeting, one channel when the
    channels cancel, and all the data of a WAV whose header under-claims it (with a warning).

    Raises AudioError (missing, empty, unreadable, corrupt, too short, too long, silent).
    """
    settings = settings or AudioSettings()
    path = Path(path)
    if not path.is_file():
        raise AudioError(f"{path.name}: no such file.")
    if path.stat().st_size == 0:
        raise AudioError(f"{path.name}: the file is empty (0 bytes).")
    streams, container = _probe(path)
    duration = _duration(streams, container)
    if duration == duration and duration > settings.max_duration:
        raise AudioError(
            f"{path.name}: the recording is {duration / 3600:.1f} h long; the limit is "
            f"{settings.max_duration / 3600:.1f} h (setting ASSISTANT_AUDIO__MAX_DURATION)."
        )
    source = _source(path, streams, settings)
    unclaimed = wav_unclaimed_bytes(path)
    command = [_ffmpeg("ffmpeg"), "-nostdin", "-v", "error"]
    if unclaimed:
        command += ["-ignore_length", "1"]  # the wav demuxer then reads to the end of the file
    mix = ["-ac", "1"] if source.channel is None else ["-af", f"pan=mono|c0=c{source.channel}"]
    command += ["-i", str(path), "-vn", "-map", f"0:a:{source.stream}", *mix,
                "-ar", str(settings.sample_rate), "-f", "f32le", "-"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read into one growing buffer and view it as float32 without copying, so a long
    # recording costs its decoded size once, not twice.
    buffer = bytearray()
    limit = int(settings.max_duration * settings.sample_rate * 4)
    assert process.stdout is not None and process.stderr is not None
    while chunk := process.stdout.read(1 << 22):
        buffer += chunk
        if len(buffer) > limit:
            process.kill()
            process.wait()
            raise AudioError(f"{path.name}: the recording is longer than {settings.max_duration / 3600:.1f} h.")
    errors = process.stderr.read().decode("utf-8", "replace").strip()
    if process.wait() < 0:  # killed by a signal (Ctrl-C to the process group): the file may be fine
        raise DecoderInterrupted(f"ffmpeg was stopped by signal {-process.returncode} while decoding {path.name}")
    if process.returncode != 0:
        detail = _last_line(errors, path, "decoder failed")
        raise AudioError(f"{path.name}: the audio is corrupt or cannot be decoded ({detail}).")
    usable = len(buffer) - len(buffer) % 4
    samples = np.frombuffer(memoryview(buffer)[:usable], dtype=np.float32)
    audio = Audio(samples, settings.sample_rate, str(path), source)
    if unclaimed:
        claimed = _duration([streams[source.stream]], container)
        warning = (f"{path.name}: the WAV header declares {claimed:.1f} s but the file holds "
                   f"{audio.duration:.1f} s; all {audio.duration:.1f} s were decoded.")
        log.warning(warning)
        source.warnings.append(warning)
    if audio.duration < settings.min_duration:
        raise AudioError(
            f"{path.name}: the recording is {audio.duration:.1f} s long; at least "
            f"{settings.min_duration:.0f} s of audio is needed."
        )
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    if peak <= 10 ** (settings.silence_dbfs / 20):
        raise AudioError(f"{path.name}: the recording is silent (peak below {settings.silence_dbfs:.0f} dBFS).")
    return audio
