"""What a model (or the rule baseline) returns for one window, before post-processing."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, Field, ValidationError


class RawItem(BaseModel):
    turn: int = Field(description="Index of the turn the item comes from.")
    owner: str = Field(description="Who will do it: a name, 我 for the speaker, or a role.")
    task: str = Field(description="What to do, a short phrase in the transcript's words.")
    deadline: str = Field("", description="The time words as spoken, or empty.")


class RawDecision(BaseModel):
    turn: int
    text: str


class RawExtraction(BaseModel):
    action_items: list[RawItem] = []
    decisions: list[RawDecision] = []


# Per window. A 1.5B model otherwise lists one "item" per turn until max_tokens, which costs most
# of the time on CPU; the rule baseline's items are added to the model's anyway (ground.combine).
MAX_ITEMS = 5
MAX_DECISIONS = 3


def json_schema() -> dict[str, Any]:
    """A small, flat schema: grammar-constrained decoders handle it quickly.

    Deadlines are not asked for: code reads the time words from the item's own turn, and every
    token the model need not write saves time on CPU."""
    item = {
        "type": "object",
        "properties": {
            "turn": {"type": "integer"},
            "owner": {"type": "string"},
            "task": {"type": "string"},
        },
        "required": ["turn", "owner", "task"],
    }
    decision = {
        "type": "object",
        "properties": {"turn": {"type": "integer"}, "text": {"type": "string"}},
        "required": ["turn", "text"],
    }
    return {
        "type": "object",
        "properties": {
            "action_items": {"type": "array", "items": item, "maxItems": MAX_ITEMS},
            "decisions": {"type": "array", "items": decision, "maxItems": MAX_DECISIONS},
        },
        "required": ["action_items", "decisions"],
    }


_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


def _scan(text: str) -> tuple[list[str], int]:
    """Closers still open at the end of text, and the end of the last complete list element."""
    stack: list[str] = []
    in_string = escaped = False
    last_complete = 0
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]" and stack:
            stack.pop()
            if len(stack) <= 2:  # an item of action_items / decisions, or a whole list
                last_complete = i + 1
    return stack, last_complete


def _close_truncated(text: str) -> str:
    """JSON cut off mid-way (max_tokens reached): keep the complete items, close the brackets."""
    stack, last_complete = _scan(text)
    if not stack:
        return text
    cut = text[:last_complete].rstrip().rstrip(",")
    still_open, _ = _scan(cut)
    return cut + "".join(reversed(still_open))


def parse_output(text: str) -> RawExtraction | None:
    """Validated extraction from a model reply, repairing fences, prose and truncation; None if hopeless."""
    fenced = _FENCE.search(text)
    body = fenced.group(1) if fenced else text
    start = body.find("{")
    if start < 0:
        return None
    body = body[start:]
    for candidate in (body, body[: body.rfind("}") + 1], _close_truncated(body)):
        try:
            data = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(data, dict):
            try:
                return RawExtraction.model_validate(_coerce(data))
            except ValidationError:
                continue
    return None


def _coerce(data: dict[str, Any]) -> dict[str, Any]:
    """Drop malformed entries instead of rejecting the whole reply."""
    out: dict[str, Any] = {}
    for key, model in (("action_items", RawItem), ("decisions", RawDecision)):
        entries = data.get(key) or []
        good = []
        for entry in entries if isinstance(entries, list) else []:
            try:
                good.append(model.model_validate(entry))
            except ValidationError:
                continue
        out[key] = good
    return out
