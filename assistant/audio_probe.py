"""What a recording holds before it is decoded: its audio streams, which one to use, whether its
channels cancel in a downmix, and whether a WAV header under-claims its data.

Users' files are not tidy: a screen recording carries a muted microphone track next to the
meeting, a mis-wired stereo recorder inverts one channel (the mono downmix is silence), a
recorder that was cut off leaves a WAV header that claims only part of the data.
"""

from __future__ import annotations

import json
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.minutes import AudioSource


class ProbeError(ValueError):
    """ffprobe cannot read the file; the message is ffprobe's last line."""


class ProbeInterrupted(RuntimeError):
    """ffprobe was killed by a signal: no verdict on the file."""


@dataclass(frozen=True)
class Stream:
    """One audio stream of a file, as ffprobe lists it."""

    position: int  # N in ffmpeg's ``0:a:N``
    channels: int
    default: bool  # the container's default disposition
    title: str | None
    duration: float  # seconds; nan when the container does not say


@dataclass(frozen=True)
class Levels:
    """Levels over the first minutes of one stream, resampled to the decode rate (linear, full scale = 1)."""

    channel_rms: tuple[float, ...]
    peak: float
    mix_rms: float  # of the plain average of the channels, what ``-ac 1`` would give

    @property
    def rms(self) -> float:
        return max(self.channel_rms, default=0.0)


def probe(path: Path, ffprobe: str) -> tuple[list[Stream], float]:
    """The file's audio streams and the container's duration (nan when unknown)."""
    result = subprocess.run(
        [ffprobe, "-v", "error", "-select_streams", "a", "-show_entries",
         "stream=channels,duration:stream_disposition=default:stream_tags=title:format=duration",
         "-of", "json", str(path)],
        capture_output=True, text=True,
    )
    if result.returncode < 0:  # killed by a signal (Ctrl-C to the process group): the file may be fine
        raise ProbeInterrupted(f"ffprobe was stopped by signal {-result.returncode}")
    if result.returncode != 0:
        raise ProbeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "unknown format")
    info = json.loads(result.stdout or "{}")
    streams = [
        Stream(position=i, channels=int(s.get("channels") or 1),
               default=bool(s.get("disposition", {}).get("default")),
               title=s.get("tags", {}).get("title"), duration=_seconds(s.get("duration")))
        for i, s in enumerate(info.get("streams", []))
    ]
    return streams, _seconds(info.get("format", {}).get("duration"))


def _seconds(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def levels(path: Path, ffmpeg: str, stream: Stream, seconds: float, rate: int) -> Levels:
    """Decode the first ``seconds`` of one stream with its channels kept and measure them."""
    result = subprocess.run(
        [ffmpeg, "-nostdin", "-v", "error", "-i", str(path), "-vn", "-map", f"0:a:{stream.position}",
         "-t", str(seconds), "-ar", str(rate), "-ac", str(stream.channels), "-f", "f32le", "-"],
        capture_output=True,
    )
    data = np.frombuffer(result.stdout[: len(result.stdout) // (4 * stream.channels) * 4 * stream.channels],
                         dtype=np.float32).reshape(-1, stream.channels)
    if result.returncode != 0 or not len(data):
        return Levels((0.0,) * stream.channels, 0.0, 0.0)
    channel_rms = tuple(float(np.sqrt(np.mean(np.square(data[:, c], dtype=np.float64))))
                        for c in range(stream.channels))
    mix = data.mean(axis=1, dtype=np.float64)
    return Levels(channel_rms, float(np.abs(data).max()), float(np.sqrt(np.mean(np.square(mix)))))


def choose_stream(streams: list[Stream], measured: list[Levels], silent_peak: float) -> tuple[Stream, str]:
    """The stream to transcribe and why: the first default one that is not silent, else the loudest."""
    if len(streams) == 1:
        return streams[0], "only"
    for stream, level in zip(streams, measured, strict=True):
        if stream.default and level.peak > silent_peak:
            return stream, "default"
    loudest = max(range(len(streams)), key=lambda i: measured[i].rms)
    return streams[loudest], "loudest"


def cancelling_channel(level: Levels, cancellation_db: float) -> int | None:
    """The channel to use alone when the downmix cancels (one channel is the other inverted), else None.

    Speech in correlated channels mixes to about the level of the louder channel, in independent
    channels to about 3 dB below it; a mix far lower than that means the channels cancel.
    """
    if len(level.channel_rms) < 2 or level.rms == 0.0:
        return None
    if level.mix_rms >= level.rms * 10 ** (cancellation_db / 20):
        return None
    return int(np.argmax(level.channel_rms))


def wav_unclaimed_bytes(path: Path) -> int:
    """Bytes after a RIFF/WAVE file's data chunk that are not valid chunks: audio the header does not claim.

    0 for other files, and for WAV files whose data chunk is followed only by metadata chunks (LIST, id3).
    """
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return 0
        position = 12
        while position + 8 <= size:
            f.seek(position)
            chunk, length = struct.unpack("<4sI", f.read(8))
            position += 8 + length + (length & 1)
            if chunk == b"data":
                break
        else:
            return 0
        data_end = position
        while position + 8 <= size:  # trailing chunks: printable ids whose lengths fit the file
            f.seek(position)
            chunk, length = struct.unpack("<4sI", f.read(8))
            if not all(32 <= b < 127 for b in chunk) or position + 8 + length > size:
                return size - data_end
            position += 8 + length + (length & 1)
        return 0 if size - position <= 1 else size - data_end


def describe(source: AudioSource, streams: list[Stream]) -> str:
    """One log line for the stream and channel choice."""
    chosen = streams[source.stream]
    title = f" '{chosen.title}'" if chosen.title else ""
    why = {"only": "the only one", "default": "default disposition", "loudest": "the loudest"}[source.choice]
    text = f"{len(streams)} audio stream(s); using #{source.stream}{title} ({why})"
    if source.channel is not None:
        text += f"; channels cancel in a downmix, using channel {source.channel} alone"
    return text

