"""The development evaluation set in samples/eval (sources and licences in its SOURCES.md), read as typed items."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from pyannote.core import Annotation, Segment, Timeline

from assistant.config import PROJECT_ROOT

EVAL = Path(os.environ.get("ASSISTANT_EVAL_DIR", PROJECT_ROOT / "samples" / "eval"))


@dataclass
class DiarizationItem:
    uri: str
    audio: Path
    reference: Annotation
    uem: Timeline | None


def read_rttm(path: Path) -> dict[str, Annotation]:
    out: dict[str, Annotation] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        f = line.split()
        if f and f[0] == "SPEAKER":
            uri, start, dur, label = f[1], float(f[3]), float(f[4]), f[7]
            out.setdefault(uri, Annotation(uri=uri))[Segment(start, start + dur)] = label
    return out


def read_uem(path: Path) -> dict[str, Timeline]:
    out: dict[str, Timeline] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        f = line.split()
        if len(f) >= 4:
            out.setdefault(f[0], Timeline(uri=f[0])).add(Segment(float(f[2]), float(f[3])))
    return out


def diarization_set() -> list[DiarizationItem]:
    items = []
    meeting = read_rttm(EVAL / "meetings" / "dev_meeting.rttm")["dev_meeting"]
    items.append(DiarizationItem("dev_meeting", EVAL / "meetings" / "dev_meeting.wav", meeting, None))
    refs = read_rttm(EVAL / "diarization" / "ref.rttm")
    uems = read_uem(EVAL / "diarization" / "ref.uem")
    for uri in sorted(refs):
        items.append(DiarizationItem(uri, EVAL / "diarization" / f"{uri}.wav", refs[uri], uems.get(uri)))
    return items


@dataclass
class AsrItem:
    audio: Path
    reference: str


def asr_set() -> list[AsrItem]:
    lines = (EVAL / "asr" / "refs.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [AsrItem(EVAL / "asr" / r["audio"], r["text"]) for r in rows]
