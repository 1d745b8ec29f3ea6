"""Ask a chat model about one window of turns; validated output, retries, raw replies logged."""

from __future__ import annotations

import logging

from assistant.config import ExtractionSettings
from assistant.extract.backends import BackendError, ChatModel
from assistant.extract.prompt import RETRY, build_messages
from assistant.extract.schema import RawExtraction, json_schema, parse_output
from assistant.extract.transcript import Line, Transcript

log = logging.getLogger("assistant.extract")


def ask_window(model: ChatModel, transcript: Transcript, window: tuple[Line, ...],
               settings: ExtractionSettings) -> RawExtraction | None:
    """The model's extraction for window, or None when it fails (the caller falls back to rules)."""
    messages = build_messages(transcript, window)
    span = f"turns {window[0].index}-{window[-1].index}"
    for attempt in range(settings.retries + 1):
        try:
            reply = model.chat(messages, json_schema())
        except BackendError as exc:
            log.warning("model failed on %s: %s", span, exc)
            return None
        log.debug("raw model output, %s, attempt %d: %s", span, attempt + 1, reply)
        parsed = parse_output(reply)
        if parsed is not None:
            return _inside(parsed, window)
        log.warning("invalid model output, %s, attempt %d: %r", span, attempt + 1, reply[:2000])
        messages = messages + [{"role": "assistant", "content": reply}, {"role": "user", "content": RETRY}]
    return None


def _inside(raw: RawExtraction, window: tuple[Line, ...]) -> RawExtraction:
    """Turn numbers outside the window are hallucinated: mark them unknown (-1) for re-anchoring."""
    indices = {line.index for line in window}
    for entry in [*raw.action_items, *raw.decisions]:
        if entry.turn not in indices:
            entry.turn = -1
    return raw
