"""Raw candidates from the rules, and the model's review of them, before post-processing."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, Field, ValidationError


class RawItem(BaseModel):
    turn: int = Field(description="Index of the turn the item comes from.")
    owner: str = Field(description="Who will do it: a name, 我 for the speaker, or a role.")
    task: str = Field(description="What to do, a short phrase in the transcript's words.")
    group: bool = Field(False, description="Set by the rules: the task is a group's (大家, 各部門), owned by nobody.")
    shared_due: str = Field("", description="Set by the rules: words said with the task that give its due time "
                            "when the task's own words do not (「整 A，同埋 B，兩個禮拜內搞掂」).")
    agreed_due: str = Field("", description="Set by the rules: the answer that accepted the task; a due time it "
                            "names wins over the task's (「聽日交得到嘛？」 「禮拜五先得。」).")
    declined: bool = Field(False, description="Set by the rules: its owner turned it down (「我聽日放假喎」) and "
                           "nobody was named to take it over; a person decides.")
    owner_unsure: bool = Field(False, description="Set by the rules: a handover that named no task moved it with "
                               "others just given to the same person (「唔係，改由 Ken 跟啦」); a person checks.")


class RawDecision(BaseModel):
    turn: int
    text: str


class RawExtraction(BaseModel):
    action_items: list[RawItem] = []
    decisions: list[RawDecision] = []


class ReviewedItem(BaseModel):
    n: int
    keep: bool = True
    owner: str = ""
    task: str = ""


class Review(BaseModel):
    items: list[ReviewedItem] = []


def json_schema(count: int) -> dict[str, Any]:
    """A small, flat schema for the review of count items: grammar-constrained decoders handle it quickly."""
    item = {
        "type": "object",
        "properties": {
            "n": {"type": "integer"},
            "keep": {"type": "boolean"},
            "owner": {"type": "string"},
            "task": {"type": "string"},
        },
        "required": ["n", "keep", "owner", "task"],
    }
    return {
        "type": "object",
        "properties": {"items": {"type": "array", "items": item, "maxItems": count}},
        "required": ["items"],
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
            if len(stack) <= 2:  # an element of the items list, or the whole list
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


def parse_output(text: str) -> Review | None:
    """Validated review from a model reply, repairing fences, prose and truncation; None if hopeless."""
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
            return Review(items=_valid(data.get("items")))
    return None


def _valid(entries: Any) -> list[ReviewedItem]:
    """Drop malformed entries instead of rejecting the whole reply."""
    good = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            good.append(ReviewedItem.model_validate(entry))
        except ValidationError:
            continue
    return good
