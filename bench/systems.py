"""The two systems `make bench` compares, run in their own process so peak memory is theirs.

- ``ours``: ``assistant.pipeline.process`` with the default settings, extraction off (it is
  measured on its own by ``bench.extraction``; the baseline has no such stage).
- ``baseline``: what a competent engineer writes first: faster-whisper (base, int8, ``zh``,
  beam 5, no VAD) on the whole file, then pyannote's own clustering of whole local speakers
  (10 s windows, 1 s step, threshold 0.7, min cluster size 12), then each word to the
  speaker it overlaps most, OpenCC s2hk on the text.

Usage: python -m bench.systems SYSTEM OUT.json AUDIO... [--asr-clips CLIP...] [--cold]
Writes per-file timings, RTTM turns and text, per-clip ASR text, and peak RSS. Models are loaded and
warmed on the first file before timing, unless ``--cold``: then model loading counts in each stage.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from dataclasses import asdict
from pathlib import Path

import torch

from assistant import loading
from assistant.audio import decode
from assistant.cantonese import to_hong_kong
from assistant.config import AsrSettings, DiarizationSettings, get_settings
from assistant.diarize import diarize
from assistant.merge import words_to_turns
from assistant.minutes import Word
from assistant.pipeline import ProcessOptions, process
from assistant.transcribe import transcribe

BASELINE_DIARIZATION = DiarizationSettings(
    segmentation_step=0.1, method="centroid", threshold=0.7, min_cluster_size=12, min_duration_off=0.0,
    split_pieces=False,
)
BASELINE_ASR = AsrSettings(language="zh", beam_size=5, initial_prompt="", cantonese_style=False)


def baseline_text(model, samples) -> tuple[list[Word], str]:
    segments, _ = model.transcribe(samples, language="zh", beam_size=5, word_timestamps=True)
    words = [Word(w.start, w.end, to_hong_kong(w.word, cantonese=False), w.probability)
             for s in segments for w in (s.words or [])]
    return words, "".join(w.text for w in words)


def run_baseline(path: Path) -> dict:
    audio = decode(path)
    timings = {}
    t0 = time.perf_counter()
    words, _ = baseline_text(loading.whisper_model(BASELINE_ASR), audio.samples)
    timings["transcribe"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    diarization = diarize(loading.diarization_pipeline(BASELINE_DIARIZATION), audio)
    timings["diarise"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    turns = words_to_turns(words, diarization.turns)
    timings["merge"] = time.perf_counter() - t0
    return {"duration": audio.duration, "timings": timings, "turns": [asdict(t) for t in diarization.turns],
            "text": "".join(t.text for t in turns)}


def run_ours(path: Path) -> dict:
    result = process(path, ProcessOptions(extract=False))
    return {"duration": result.minutes.meeting.duration, "timings": result.timings,
            "turns": [asdict(t) for t in result.diarization.turns],
            "text": "".join(t.text for t in result.minutes.turns)}


def asr_clip(system: str, path: Path) -> str:
    audio = decode(path)
    if system == "baseline":
        return baseline_text(loading.whisper_model(BASELINE_ASR), audio.samples)[1]
    settings = get_settings().asr
    return "".join(s.text for s in transcribe(loading.whisper_model(settings), audio, settings).segments)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("system", choices=["ours", "baseline"])
    parser.add_argument("out", type=Path)
    parser.add_argument("audio", type=Path, nargs="*")
    parser.add_argument("--asr-clips", type=Path, nargs="*", default=[])
    parser.add_argument("--cold", action="store_true", help="Do not load and warm the models before timing.")
    args = parser.parse_args()
    torch.set_num_threads(max(1, torch.get_num_threads()))
    run = run_ours if args.system == "ours" else run_baseline
    # Load (and warm) the models before timing anything: load time is not processing time.
    if args.audio and not args.cold:
        run(args.audio[0])
    files = {str(p): run(p) for p in args.audio}
    clips = {p.name: asr_clip(args.system, p) for p in args.asr_clips}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    args.out.write_text(json.dumps({"files": files, "asr": clips, "peak_rss_mb": peak_mb}, ensure_ascii=False))


if __name__ == "__main__":
    main()
