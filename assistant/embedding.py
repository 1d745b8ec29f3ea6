"""CAM++ speaker embeddings (3D-Speaker, zh-en, 192-dim) as a pyannote.audio model.

The network's code ships with its weights (``camplusplus.py`` in the model folder, checked
by sha256 like the weights), so it is loaded from there rather than copied into this package.
Wrapping it as a pyannote ``Model`` lets pyannote's diarisation pipeline call it with
frame masks, exactly as it calls its own embedding models.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import torchaudio.compliance.kaldi as kaldi
from pyannote.audio import Model

WEIGHTS = "campplus_cn_en_common.pt"
ARCHITECTURE = "camplusplus.py"
MIN_FRAMES = 40  # 0.4 s of 10 ms fbank frames; fewer gives unreliable embeddings


def _load_architecture(folder: Path):
    spec = importlib.util.spec_from_file_location("campplus_architecture", folder / ARCHITECTURE)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module.CAMPPlus


class CamPlusPlus(Model):
    """Speaker embedding model; ``forward(waveforms, weights=None)`` as pyannote expects."""

    def __init__(self, folder: str | Path, sample_rate: int = 16000):
        super().__init__(sample_rate=sample_rate, num_channels=1)
        folder = Path(folder)
        architecture = _load_architecture(folder)
        self.net = architecture(feat_dim=80, embedding_size=192)
        state = torch.load(folder / WEIGHTS, map_location="cpu", weights_only=True)
        self.net.load_state_dict(state)
        self.net.eval()

    @property
    def dimension(self) -> int:
        return 192

    def fbank(self, waveform: torch.Tensor) -> torch.Tensor:
        """(num_samples,) → (num_frames, 80), mean-normalised as in 3D-Speaker training."""
        feats = kaldi.fbank(
            waveform.unsqueeze(0), num_mel_bins=80, sample_frequency=self.audio.sample_rate, dither=0.0
        )
        return feats - feats.mean(dim=0, keepdim=True)

    def forward(self, waveforms: torch.Tensor, weights: torch.Tensor | None = None) -> torch.Tensor:
        if weights is None and waveforms.shape[-1] / 160 >= MIN_FRAMES:
            # Equal lengths and no masks: one batch through the network (twice the speed on CPU).
            return self.net(torch.stack([self.fbank(w) for w in waveforms[:, 0]]))
        embeddings = torch.full((waveforms.shape[0], self.dimension), float("nan"))
        for i, waveform in enumerate(waveforms[:, 0]):
            if weights is not None and float(weights[i].mean()) * len(waveform) / 160 < MIN_FRAMES:
                continue
            feats = self.fbank(waveform)
            if weights is not None:
                # Frame masks come at the segmentation model's resolution; keep fbank
                # frames where this speaker is active.
                mask = F.interpolate(weights[i][None, None].float(), size=feats.shape[0], mode="nearest")[0, 0]
                feats = feats[mask > 0.5]
            if feats.shape[0] < MIN_FRAMES:
                continue
            embeddings[i] = self.net(feats.unsqueeze(0))[0]
        return embeddings

    def embed(self, samples: np.ndarray) -> np.ndarray:
        """One L2-normalised embedding for a mono 16 kHz clip."""
        with torch.inference_mode():
            vector = self(torch.from_numpy(np.ascontiguousarray(samples, dtype=np.float32))[None, None])[0]
        vector = vector.numpy()
        return vector / (np.linalg.norm(vector) + 1e-9)
