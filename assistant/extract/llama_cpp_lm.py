"""GGUF models through llama-cpp-python: the CPU default, with grammar-constrained JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.config import ExtractionSettings
from assistant.extract.backends import BackendError, Messages


class LlamaCppModel:
    def __init__(self, path: Path, settings: ExtractionSettings):
        from llama_cpp import Llama

        if not path.is_file():
            raise BackendError(f"GGUF model not found: {path}")
        self.settings = settings
        self.llm = Llama(
            model_path=str(path),
            n_ctx=settings.context_tokens,
            n_threads=settings.n_threads or None,
            seed=settings.seed,
            verbose=False,
        )

    def chat(self, messages: Messages, schema: dict[str, Any]) -> str:
        try:
            reply = self.llm.create_chat_completion(
                messages=messages,
                response_format={"type": "json_object", "schema": schema},
                temperature=self.settings.temperature,
                max_tokens=self.settings.max_tokens,
                seed=self.settings.seed,
            )
        except (ValueError, RuntimeError) as exc:  # e.g. the prompt exceeds the context
            raise BackendError(str(exc)) from exc
        return reply["choices"][0]["message"]["content"] or ""
