"""The review prompt: instructions, one worked example (our own, not from any evaluation set), the items.

The model sees the candidates the rules found, each with the turns around it, and answers per
item whether it is a task someone agreed to or was given, who owns it, and the task written so
it stands alone. The same prompt serves the packaged GGUF model and a served one (vLLM, Ollama).
"""

from __future__ import annotations

import json

from assistant.extract.owners import resolver_for
from assistant.extract.transcript import Line, Transcript

SYSTEM = """You check action items found in a Hong Kong team meeting (Cantonese, often mixed with English).
For each numbered item you get the turns around it ("[turn] speaker: text") and a draft.
Answer for every item:
- keep: true if someone agreed to do it or was asked to do it; false for questions, reports of work \
already done, suggestions not taken up, and tasks cancelled or handed to someone else later.
- owner: the attendee who will do it ("我" in a turn is its speaker; "你" is the person addressed), \
or "" when it is a group's task or nobody is named.
- task: a short standalone task in the meeting's own words, starting with the verb; replace pronouns \
(佢, 呢個, 嗰個, it) with what they refer to; no owner, no date, no time.
Reply with compact JSON only: {"items":[{"n":1,"keep":true,"owner":"...","task":"..."}]}."""

EXAMPLE_USER = """Attendees: 何太 (人事經理), Jason (行政主任), 阿珊 (人事助理)
Item 1 draft: owner=阿珊 task=改好佢
[12] 何太: 報名表個格式有啲舊，要改。
[13] 阿珊: 呢個我自己搞，我禮拜五前改好佢。
Item 2 draft: owner=Jason task=同旅行社再傾下價錢
[20] 何太: Jason，你聽日同旅行社再傾下價錢。
[21] Jason: 其實我上個禮拜已經傾好咗。"""

EXAMPLE_REPLY = {"items": [
    {"n": 1, "keep": True, "owner": "阿珊", "task": "改好報名表格式"},
    {"n": 2, "keep": False, "owner": "Jason", "task": "同旅行社傾價錢"},
]}

RETRY = "That reply was not valid JSON of the required shape. Reply again with the JSON object only."


def attendees_line(transcript: Transcript, shown: str) -> str:
    """The attendees who speak or are named in the turns shown (a long list only costs prompt time)."""
    people = resolver_for(transcript.people)
    named = set(people.mentioned(shown))
    listed = [p for p in transcript.people if p.name in named] or list(transcript.people)
    return "Attendees: " + ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in listed)


def item_block(n: int, owner: str | None, task: str, context: tuple[Line, ...]) -> str:
    turns = "\n".join(f"[{line.index}] {line.speaker}: {line.text}" for line in context)
    return f"Item {n} draft: owner={owner or ''} task={task}\n{turns}"


def prefix_messages() -> list[dict[str, str]]:
    """The part of every prompt that does not depend on the meeting (a backend may pre-compute it)."""
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": EXAMPLE_USER},
        # Compact separators: the model copies them, and each space is a token to generate.
        {"role": "assistant", "content": json.dumps(EXAMPLE_REPLY, ensure_ascii=False, separators=(",", ":"))},
    ]


def build_messages(transcript: Transcript, blocks: list[str]) -> list[dict[str, str]]:
    shown = "\n".join(blocks)
    return [*prefix_messages(), {"role": "user", "content": "\n".join([attendees_line(transcript, shown), shown])}]
