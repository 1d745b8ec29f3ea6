"""An OpenAI-compatible /chat/completions endpoint (vLLM, llama.cpp server, Ollama, a cloud API)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from assistant.config import ExtractionSettings
from assistant.extract.backends import BackendError, Messages


class OpenAIChatModel:
    def __init__(self, settings: ExtractionSettings):
        self.settings = settings
        self.url = settings.openai_base_url.rstrip("/") + "/chat/completions"

    def chat(self, messages: Messages, schema: dict[str, Any]) -> str:
        body: dict[str, Any] = {
            "model": self.settings.openai_model,
            "messages": messages,
            "temperature": self.settings.temperature,
            "max_tokens": self.settings.max_tokens,
            "seed": self.settings.seed,
            "response_format": {"type": "json_schema", "json_schema": {"name": "extraction", "schema": schema}},
        }
        try:
            return self._post(body)
        except urllib.error.HTTPError as exc:
            if exc.code not in (400, 422):
                raise BackendError(f"{self.url}: HTTP {exc.code}") from exc
        # The server does not support structured output: ask for plain JSON and validate it ourselves.
        body.pop("response_format")
        try:
            return self._post(body)
        except urllib.error.HTTPError as exc:
            raise BackendError(f"{self.url}: HTTP {exc.code}") from exc

    def _post(self, body: dict[str, Any]) -> str:
        headers = {"Content-Type": "application/json"}
        if self.settings.openai_api_key:
            headers["Authorization"] = f"Bearer {self.settings.openai_api_key.get_secret_value()}"
        request = urllib.request.Request(self.url, json.dumps(body).encode(), headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.settings.openai_timeout) as response:
                reply = json.loads(response.read())
        except urllib.error.HTTPError:
            raise
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise BackendError(f"{self.url}: {exc}") from exc
        try:
            return reply["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError) as exc:
            raise BackendError(f"{self.url}: unexpected reply {str(reply)[:200]}") from exc
