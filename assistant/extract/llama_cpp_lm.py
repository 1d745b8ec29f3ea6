"""GGUF models through llama-cpp-python: the CPU default, with grammar-constrained JSON."""

from __future__ import annotations

import atexit
import os
from pathlib import Path
from typing import Any

from assistant.config import ExtractionSettings
from assistant.extract.backends import BackendError, Messages


class LlamaCppModel:
    def __init__(self, path: Path, settings: ExtractionSettings, prefix: Messages | None = None):
        from llama_cpp import Llama

        if not path.is_file():
            raise BackendError(f"GGUF model not found: {path}")
        self.settings = settings
        self.llm = Llama(
            model_path=str(path),
            n_ctx=settings.context_tokens,
            # llama-cpp-python's own default is half the cores.
            n_threads=settings.n_threads or os.cpu_count(),
            seed=settings.seed,
            verbose=False,
        )
        # Freed before interpreter teardown, when llama.cpp's bindings are already gone.
        atexit.register(self.llm.close)
        if prefix:
            self._prime(prefix)

    def _prime(self, prefix: Messages) -> None:
        """Evaluate the fixed start of every prompt once, at load time.

        llama.cpp keeps the KV cache of the last prompt and skips its longest common prefix, so
        each meeting then pays only for its own turns (about 40% of a 30-turn prompt on CPU).
        """
        self.llm.create_chat_completion(messages=prefix, max_tokens=1, temperature=0.0)

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
