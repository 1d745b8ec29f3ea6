"""Build samples/meeting_yue.wav: a 70 s, 6-speaker Cantonese "meeting" from real clips.

The clips are the WenetSpeech-Yue demo samples in samples/eval/asr (Apache-2.0). The two
longest are cut at their quietest point near the middle so that those speakers talk twice;
pieces are joined with short pauses. Writes the WAV, its exact RTTM and the reference turns.
Usage: python -m bench.build_sample
"""

from __future__ import annotations

import json
import wave

import numpy as np

from assistant.config import PROJECT_ROOT
from bench.datasets import asr_set

RATE = 16000
ORDER = [  # (clip stem prefix, piece) in speaking order; piece None = whole clip
    ("gd0048640", 0), ("gd0046360", 0), ("gd0049244", None), ("gd0048640", 1),
    ("gd0039538", None), ("gd0046360", 1), ("gd0008289", None), ("gd1002659", None),
    ("gd0015582", None),
]
PAUSES = [0.6, 0.9, 0.5, 1.2, 0.7, 0.8, 1.0, 0.6]


def read(path) -> np.ndarray:
    with wave.open(str(path)) as w:
        assert w.getframerate() == RATE and w.getnchannels() == 1
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)


def quietest_cut(samples: np.ndarray) -> int:
    frame = RATE // 20
    energy = np.array([np.abs(samples[i:i + frame].astype(np.int32)).mean() for i in range(0, len(samples) - frame, frame)])
    lo, hi = len(energy) // 3, 2 * len(energy) // 3
    return (lo + int(np.argmin(energy[lo:hi]))) * frame


def main() -> None:
    clips = {item.audio.name.split("_")[0]: item for item in asr_set()}
    pieces: dict[tuple[str, int | None], np.ndarray] = {}
    for stem in {s for s, _ in ORDER}:
        samples = read(clips[stem].audio)
        if any(p is not None for s, p in ORDER if s == stem):
            cut = quietest_cut(samples)
            pieces[(stem, 0)], pieces[(stem, 1)] = samples[:cut], samples[cut:]
        else:
            pieces[(stem, None)] = samples
    out, rttm, turns, t = [np.zeros(int(0.5 * RATE), np.int16)], [], [], 0.5
    for i, key in enumerate(ORDER):
        audio = pieces[key]
        start, end = t, t + len(audio) / RATE
        speaker = clips[key[0]].audio.stem.split("_")[0]
        rttm.append(f"SPEAKER meeting_yue 1 {start:.3f} {end - start:.3f} <NA> <NA> {speaker} <NA> <NA>\n")
        turns.append({"speaker": speaker, "start": round(start, 3), "end": round(end, 3),
                      "clip": clips[key[0]].audio.name, "piece": key[1],
                      "clip_text": clips[key[0]].reference})
        out.append(audio)
        t = end
        if i < len(PAUSES):
            out.append(np.zeros(int(PAUSES[i] * RATE), np.int16))
            t += PAUSES[i]
    out.append(np.zeros(int(0.5 * RATE), np.int16))
    data = np.concatenate(out)
    target = PROJECT_ROOT / "samples"
    with wave.open(str(target / "meeting_yue.wav"), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(RATE)
        w.writeframes(data.tobytes())
    (target / "meeting_yue.rttm").write_text("".join(rttm), encoding="utf-8")
    (target / "meeting_yue.json").write_text(
        json.dumps({"id": "meeting_yue", "duration": round(len(data) / RATE, 3), "source": "samples/eval/asr",
                    "turns": turns}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"samples/meeting_yue.wav: {len(data) / RATE:.1f} s, {len({s for s, _ in ORDER})} speakers")


if __name__ == "__main__":
    main()
