"""Who spoke when: pyannote.audio's diarisation pipeline on local models only.

pyannote 4's ``SpeakerDiarization`` builds its models from the hub in ``__init__`` (a PLDA and
a WeSpeaker embedding, neither of which exists offline). :class:`LocalSpeakerDiarization`
keeps pyannote's inference, embedding and reconstruction code and only replaces that
construction: it receives a segmentation model and an embedding model, and clusters
with agglomerative clustering, which needs no extra file.

One change to pyannote's method: segmentation-3.0 often gives two people who alternate
inside a 10 s window the same local label (seen on the Cantonese dev meeting), and
pyannote clusters whole local labels, so such speakers merge. Each local label is
therefore cut into pieces (at pauses, at speaker changes found from the voice on either
side: see speaker_changes.py, and at most ``max_piece`` seconds long) before embedding;
every piece is clustered on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import torch
from pyannote.audio import Audio as PyannoteAudio
from pyannote.audio import Model
from pyannote.audio.core.inference import Inference
from pyannote.audio.core.pipeline import Pipeline
from pyannote.audio.pipelines.clustering import AgglomerativeClustering
from pyannote.audio.pipelines.speaker_diarization import SpeakerDiarization
from pyannote.audio.pipelines.speaker_verification import PyannoteAudioPretrainedSpeakerEmbedding
from pyannote.core import Annotation, Segment, SlidingWindowFeature
from pyannote.pipeline.parameter import ParamDict, Uniform

from assistant.audio import Audio
from assistant.config import DiarizationSettings
from assistant.speaker_changes import SpeakerChanges


@dataclass(frozen=True)
class SpeakerTurn:
    start: float
    end: float
    speaker: str


@dataclass
class Diarization:
    turns: list[SpeakerTurn]  # may overlap: two people talking at once
    exclusive: list[SpeakerTurn]  # one speaker at a time, for aligning words

    @property
    def speakers(self) -> list[str]:
        return sorted({t.speaker for t in self.turns}, key=lambda s: int(s[1:]))

    def joined(self, merges: Mapping[str, str]) -> Diarization:
        """Each speaker in ``merges`` joined into the one it maps to; speakers renumbered by first speech."""
        turns, exclusive = (_annotation(ts).rename_labels(merges).support() for ts in (self.turns, self.exclusive))
        rename = _by_first_speech(turns)
        return Diarization(_turns(turns, rename), _turns(exclusive, rename))


def _annotation(turns: list[SpeakerTurn]) -> Annotation:
    out = Annotation()
    for i, t in enumerate(turns):
        out[Segment(t.start, t.end), i] = t.speaker
    return out


def _by_first_speech(annotation: Annotation) -> dict[str, str]:
    """Labels → S1, S2, … in order of first speech."""
    first = sorted(annotation.labels(), key=lambda label: annotation.label_timeline(label)[0].start)
    return {label: f"S{i + 1}" for i, label in enumerate(first)}


class LocalSpeakerDiarization(SpeakerDiarization):
    def __init__(self, segmentation: Model, embedding: Model, settings: DiarizationSettings):
        Pipeline.__init__(self)
        self.legacy = False
        self.segmentation_model = segmentation
        self.segmentation_step = settings.segmentation_step
        self.settings = settings
        self.embedding = embedding
        self.embedding_batch_size = settings.embedding_batch_size
        self.embedding_exclude_overlap = True
        self.klustering = "AgglomerativeClustering"
        self.der_variant = {"collar": 0.0, "skip_overlap": False}
        duration = segmentation.specifications.duration
        self._segmentation = Inference(
            segmentation,
            duration=duration,
            step=self.segmentation_step * duration,
            skip_aggregation=True,
            batch_size=settings.segmentation_batch_size,
        )
        self.segmentation = ParamDict(min_duration_off=Uniform(0.0, 1.0))
        self._embedding = PyannoteAudioPretrainedSpeakerEmbedding(embedding)
        self._audio = PyannoteAudio(sample_rate=self._embedding.sample_rate, mono="downmix")
        self.clustering = AgglomerativeClustering(metric="cosine")
        self._expects_num_speakers = False
        self.instantiate(
            {
                "segmentation": {"min_duration_off": settings.min_duration_off},
                "clustering": {
                    "method": settings.method,
                    "min_cluster_size": settings.min_cluster_size,
                    "threshold": settings.threshold,
                },
            }
        )


    def get_segmentations(self, file, hook=None) -> SlidingWindowFeature:
        segmentations = super().get_segmentations(file, hook=hook)
        if not self.settings.split_pieces:
            return segmentations
        changes = None
        if self.settings.change_threshold < 1.0:
            waveform, sample_rate = self._audio(file)
            s = self.settings
            changes = SpeakerChanges(self.embedding, waveform, sample_rate, s.change_window, s.change_context,
                                     s.change_step, s.change_threshold)
        return split_local_speakers(segmentations, self.settings, changes)


def _runs(active: np.ndarray) -> list[tuple[int, int]]:
    edges = np.diff(np.concatenate([[0], active.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)))


def split_local_speakers(
    segmentations: SlidingWindowFeature, settings: DiarizationSettings, changes: SpeakerChanges | None = None
) -> SlidingWindowFeature:
    """(chunks, frames, speakers) → (chunks, frames, pieces): each local speaker cut into pieces."""
    data = np.nan_to_num(segmentations.data) > 0.5
    num_chunks, num_frames, _ = data.shape
    frame = segmentations.sliding_window.duration / num_frames
    gap, longest, shortest = (round(x / frame) for x in (settings.split_gap, settings.max_piece, settings.min_piece))
    chunks: list[list[tuple[int, int, int]]] = []
    for c in range(num_chunks):
        pieces = []
        offset = segmentations.sliding_window[c].start
        for local, speaker in enumerate(data[c].T):
            merged: list[list[int]] = []
            for start, end in _runs(speaker):
                if merged and (start - merged[-1][1] < gap or end - start < shortest):
                    merged[-1][1] = end
                else:
                    merged.append([start, end])
            for start, end in merged:
                cuts = [] if changes is None else changes.split(offset + start * frame, offset + end * frame)
                edges = [start, *(round((t - offset) / frame) for t in cuts), end]
                for a, b in zip(edges[:-1], edges[1:]):
                    count = max(1, round((b - a) / longest))
                    bounds = np.linspace(a, b, count + 1).astype(int)
                    pieces += [(local, x, y) for x, y in zip(bounds[:-1], bounds[1:])]
        chunks.append(pieces)
    width = max(1, max(len(p) for p in chunks))
    split = np.zeros((num_chunks, num_frames, width), dtype=np.float32)
    for c, pieces in enumerate(chunks):
        for k, (local, start, end) in enumerate(pieces):
            # only frames where the local speaker was active: runs were joined over short gaps
            split[c, start:end, k] = data[c, start:end, local]
    return SlidingWindowFeature(split, segmentations.sliding_window)


def _turns(annotation: Annotation, rename: dict[str, str]) -> list[SpeakerTurn]:
    return [
        SpeakerTurn(round(seg.start, 3), round(seg.end, 3), rename[label])
        for seg, _, label in annotation.itertracks(yield_label=True)
    ]


def diarize(
    pipeline: LocalSpeakerDiarization,
    audio: Audio,
    num_speakers: int | None = None,
    min_speakers: int | None = None,
    max_speakers: int | None = None,
    hook: Callable | None = None,
) -> Diarization:
    waveform = torch.from_numpy(np.ascontiguousarray(audio.samples))[None]
    output = pipeline(
        {"waveform": waveform, "sample_rate": audio.sample_rate, "uri": "meeting"},
        num_speakers=num_speakers,
        min_speakers=min_speakers,
        max_speakers=max_speakers,
        hook=hook,
    )
    rename = _by_first_speech(output.speaker_diarization)
    return Diarization(
        turns=_turns(output.speaker_diarization, rename),
        exclusive=_turns(output.exclusive_speaker_diarization, rename),
    )
