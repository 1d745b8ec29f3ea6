"""Chat models that answer the extraction prompt, chosen by ``settings.extraction.backend``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from assistant.config import ExtractionSettings
from assistant.weights import model_path

Messages = list[dict[str, str]]


class BackendError(RuntimeError):
    """The model could not be reached or failed to answer."""


class ChatModel(Protocol):
    def chat(self, messages: Messages, schema: dict[str, Any]) -> str:
        """The model's reply text to a chat, JSON constrained by schema where the backend can."""
        ...


def gguf_path(settings: ExtractionSettings) -> Path:
    path = model_path(settings.gguf_model)
    return path / settings.gguf_file if path.is_dir() else path


def resolve_backend(settings: ExtractionSettings) -> str:
    """The backend "auto" stands for: the rules.

    The packaged Qwen2.5-Coder-1.5B reviewing the rules' candidates changed no item of six
    development meetings while adding about 100 s of CPU to a 119-turn meeting on 2 cores and
    about 2 GB of memory (``python -m bench.extraction``), so it is not the default: choose
    ``llama_cpp`` to use it, or ``openai`` for a served bigger model, which is where a model helps.
    """
    return "rules" if settings.backend == "auto" else settings.backend


@lru_cache(maxsize=2)
def load_model(settings: ExtractionSettings) -> ChatModel | None:
    """The chat model for these settings (loaded once), or None for the rule baseline."""
    backend = resolve_backend(settings)
    if backend == "llama_cpp":
        from assistant.extract.llama_cpp_lm import LlamaCppModel
        from assistant.extract.prompt import prefix_messages

        return LlamaCppModel(gguf_path(settings), settings, prefix=prefix_messages())
    if backend == "transformers":
        from assistant.extract.transformers_lm import TransformersModel

        return TransformersModel(settings)
    if backend == "openai":
        from assistant.extract.openai_http import OpenAIChatModel

        return OpenAIChatModel(settings)
    return None
