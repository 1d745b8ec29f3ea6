"""The one place that loads models. Each loader is cached, so a process loads a model once."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import os
from functools import lru_cache
from pathlib import Path

from assistant.config import AsrSettings, DiarizationSettings
from assistant.weights import load_manifest, model_path

# Nothing here may reach a model hub: defaults are local, verified files (assistant/__init__.py sets
# HF_HUB_OFFLINE and switches telemetry off before any of these libraries is imported).

log = logging.getLogger(__name__)

# One second of silence is enough for whisper's encoder to touch cuBLAS and cuDNN on the GPU.
WARM_UP_SAMPLES = 16_000


class DeviceError(RuntimeError):
    """A model cannot run on the device asked for (``cuda`` with no usable GPU, or CUDA libraries missing)."""


def resolve_device(requested: str) -> str:
    """The torch device for ``requested`` ("auto", "cpu" or "cuda"): auto is cuda when torch sees a GPU.

    Raises DeviceError when cuda is asked for and torch sees none.
    """
    import torch

    if requested == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if requested == "cuda" and not torch.cuda.is_available():
        raise DeviceError("device cuda was asked for, but PyTorch sees no usable GPU: use --device cpu or auto")
    return requested


# glibc keeps freed blocks below its mmap threshold in the heap, and raises that threshold (up to
# 32 MB) as large blocks are freed; the speech models' per-batch buffers then pile up in a
# fragmented heap. A fixed 8 MB threshold gives larger buffers back at once: diarising a 40-minute
# recording on 2 cores peaked at 1710 instead of 1891 MB, 7 % slower (1 MB: 1373 MB, 70 % slower).
M_MMAP_THRESHOLD = -3  # <malloc.h>
MMAP_THRESHOLD_BYTES = 8 << 20


@lru_cache(maxsize=1)
def bound_heap() -> None:
    """Fix glibc's mmap threshold (see above) for this process; a no-op without glibc."""
    libc = ctypes.util.find_library("c")
    mallopt = getattr(ctypes.CDLL(libc), "mallopt", None) if libc else None
    if mallopt is not None:
        mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)


@lru_cache(maxsize=2)
def whisper_model(settings: AsrSettings):
    """The faster-whisper model of ``settings``, on the GPU when one is asked for or (auto) usable.

    CTranslate2 loads cuBLAS and cuDNN only at the first decode, so a GPU whose CUDA libraries do
    not match CTranslate2's build would fail minutes into a recording; the model is warmed up on one
    second of silence here instead. Under "auto" such a GPU is skipped with a warning and the model
    runs on the CPU; under "cuda" it raises DeviceError.
    """
    import onnxruntime  # faster-whisper's voice activity detector runs on it

    bound_heap()
    if os.environ.get("ORT_DISABLE_TELEMETRY") != "0":  # an administrator's explicit choice stands
        onnxruntime.disable_telemetry_events()
    name = settings.model
    # A manifest name or local folder is loaded from disk; anything else is a hub name
    # (e.g. Systran/faster-whisper-large-v3) for users whose machines can reach a hub.
    if name in load_manifest() or Path(name).expanduser().exists():
        name = str(model_path(name))
    if settings.device == "cpu" or (settings.device == "auto" and not _ctranslate2_sees_gpu()):
        return _load_whisper(name, "cpu", settings)
    try:
        return _load_whisper(name, "cuda", settings, warm_up=True)
    except RuntimeError as exc:
        if settings.device == "cuda":
            raise DeviceError(f"whisper cannot run on the GPU: {exc}") from exc
        log.warning("whisper runs on the CPU: the GPU cannot run it (%s)", exc)
        return _load_whisper(name, "cpu", settings)


def _ctranslate2_sees_gpu() -> bool:
    import ctranslate2

    return ctranslate2.get_cuda_device_count() > 0


def _load_whisper(name: str, device: str, settings: AsrSettings, warm_up: bool = False):
    import numpy as np
    from faster_whisper import WhisperModel

    compute_type = settings.compute_type
    if compute_type == "auto":
        compute_type = "float16" if device == "cuda" else "int8"
    model = WhisperModel(name, device=device, compute_type=compute_type, cpu_threads=settings.cpu_threads)
    if warm_up:
        model.encode(model.feature_extractor(np.zeros(WARM_UP_SAMPLES, dtype=np.float32)))
    return model


def trim_heap() -> None:
    """Give memory freed by a stage back to the system (glibc keeps it per thread arena otherwise);
    a no-op without glibc."""
    gc.collect()
    libc = ctypes.util.find_library("c")
    if libc:
        trim = getattr(ctypes.CDLL(libc), "malloc_trim", None)
        if trim is not None:
            trim(0)


def release_speech_models() -> None:
    """Unload the diarisation and ASR models (a one-recording process needs no more of them before extraction)."""
    whisper_model.cache_clear()
    diarization_pipeline.cache_clear()
    trim_heap()


@lru_cache(maxsize=2)
def diarization_pipeline(settings: DiarizationSettings):
    import torch
    from pyannote.audio import Model

    from assistant.diarize import LocalSpeakerDiarization
    from assistant.embedding import CamPlusPlus

    device = resolve_device(settings.device)
    bound_heap()
    segmentation_path = model_path(settings.segmentation_model)
    if segmentation_path.is_dir():
        segmentation_path = segmentation_path / "pytorch_model.bin"
    segmentation = Model.from_pretrained(str(segmentation_path))
    embedding = CamPlusPlus(model_path(settings.embedding_model))
    pipeline = LocalSpeakerDiarization(segmentation, embedding, settings)
    if device != "cpu":
        pipeline.to(torch.device(device))
    return pipeline
