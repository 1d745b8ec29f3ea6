"""Speaker changes inside one local speaker's run, from the voices on either side of each instant.

segmentation-3.0 sometimes keeps one local label across a change of speaker with no pause
between them (seen on AMI dev01: two people, one label for 7 s). A run is therefore cut where
the voices of the ``context`` seconds before and after an instant differ most, if their cosine
distance reaches ``threshold``, and each side is searched again (binary segmentation). A
side's voice is the mean CAM++ embedding of the ``window``-long windows inside it: one 1.5 s
window alone is too noisy (one Cantonese voice scored up to 0.5 against itself). Embeddings
are taken on a fixed time grid and cached, since the chunks of the sliding segmentation overlap.
"""

from __future__ import annotations

import numpy as np
import torch

from assistant.embedding import CamPlusPlus

BATCH = 16  # windows per forward pass: the fastest on a 2-core CPU


class SpeakerChanges:
    def __init__(self, model: CamPlusPlus, waveform: torch.Tensor, sample_rate: int, window: float, context: float,
                 step: float, threshold: float):
        self.model, self.waveform, self.sample_rate = model, waveform.reshape(-1), sample_rate
        self.step, self.threshold = step, threshold
        self.width = max(1, round(window / step))  # window length in grid steps
        self.windows = max(1, round((context - window) / step) + 1)  # windows averaged on each side
        self._vectors: dict[int, np.ndarray] = {}

    def _embed(self, grid: range) -> None:
        missing = [g for g in grid if g not in self._vectors]
        if not missing:
            return
        length = round(self.width * self.step * self.sample_rate)
        pieces = []
        for g in missing:
            start = round(g * self.step * self.sample_rate)
            piece = self.waveform[start : start + length]
            pieces.append(torch.nn.functional.pad(piece, (0, length - piece.shape[0])))
        device = next(self.model.parameters()).device
        batch = torch.stack(pieces)[:, None].to(device)
        with torch.inference_mode():
            vectors = np.concatenate([self.model(batch[i : i + BATCH]).cpu().numpy()
                                      for i in range(0, len(batch), BATCH)])
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
        self._vectors.update(zip(missing, vectors))

    def split(self, start: float, end: float) -> list[float]:
        """Times (s) in ``[start, end]`` where the speaker changes, in order."""
        first, last = int(np.ceil(start / self.step)), int(np.floor(end / self.step))
        # candidate g: the window [g - width, g) before and [g, g + width) after lie inside the run
        candidates = range(first + self.width, last - self.width + 1)
        if not candidates:
            return []
        self._embed(range(first, last - self.width + 1))
        distances = [self._distance(range(max(first, g - self.width - self.windows + 1), g - self.width + 1),
                                    range(g, min(last - self.width, g + self.windows - 1) + 1)) for g in candidates]
        best = int(np.argmax(distances))
        if distances[best] < self.threshold:
            return []
        cut = candidates[best] * self.step
        return [*self.split(start, cut), cut, *self.split(cut, end)]

    def _distance(self, before: range, after: range) -> float:
        a = np.mean([self._vectors[g] for g in before], axis=0)
        b = np.mean([self._vectors[g] for g in after], axis=0)
        return 1.0 - float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-9))
