"""The chat prompt: instructions, one worked example (our own, not from any evaluation set), the window."""

from __future__ import annotations

import json

from assistant.extract.transcript import Line, Transcript

SYSTEM = """You extract action items and decisions from a Hong Kong team meeting transcript \
(Cantonese, sometimes mixed with English). Each line is "[turn] speaker: text".

Action item: a concrete task that someone agreed to do or was asked to do.
- turn: the number of the line where the task is given or taken.
- owner: the name of the person who will do it. "我" means the speaker of that line; \
"你" means the person the speaker is talking to. Use attendee names.
- task: a short phrase in the transcript's own words, without the owner and without the time.
- One item per task and owner. If a task is handed to someone else later, give only the final owner.
Decision: something the meeting agreed or settled. Questions, suggestions and topics left for \
later (再傾, 唔決定) are not decisions.
Reply with compact JSON only: {"action_items":[...],"decisions":[{"turn":n,"text":"..."}]}."""

EXAMPLE_USER = """Attendees: 何太 (人事經理), Jason (行政主任), 阿珊 (人事助理)
[0] 何太: 員工旅行我哋決定改去台南，唔去大阪喇。
[1] Jason: 咁我聽日同旅行社再傾下價錢。
[2] 何太: 好。旅遊巴照用上年嗰間，唔使再搵第二間。
[3] 阿珊: 報名表我會喺呢個禮拜五之前發俾全部同事。
[4] 何太: 阿珊，保險嗰部分你都要 check 埋，下個禮拜三前覆我。
[5] Jason: 使唔使訂多架車？
[6] 何太: 睇人數先，今日唔決定。"""

EXAMPLE_REPLY = {
    "action_items": [
        {"turn": 1, "owner": "Jason", "task": "同旅行社傾價錢"},
        {"turn": 3, "owner": "阿珊", "task": "發報名表俾全部同事"},
        {"turn": 4, "owner": "阿珊", "task": "check 保險嗰部分"},
    ],
    "decisions": [
        {"turn": 0, "text": "員工旅行改去台南，唔去大阪"},
        {"turn": 2, "text": "旅遊巴照用上年嗰間"},
    ],
}

RETRY = "That reply was not valid JSON of the required shape. Reply again with the JSON object only."


def window_text(transcript: Transcript, window: tuple[Line, ...]) -> str:
    people = ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in transcript.people)
    lines = "\n".join(f"[{line.index}] {line.speaker}: {line.text}" for line in window)
    return f"Attendees: {people}\n{lines}"


def prefix_messages() -> list[dict[str, str]]:
    """The part of every prompt that does not depend on the meeting (a backend may pre-compute it)."""
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": EXAMPLE_USER},
        # Compact separators: the model copies them, and each space is a token to generate.
        {"role": "assistant", "content": json.dumps(EXAMPLE_REPLY, ensure_ascii=False, separators=(",", ":"))},
    ]


def build_messages(transcript: Transcript, window: tuple[Line, ...]) -> list[dict[str, str]]:
    return [*prefix_messages(), {"role": "user", "content": window_text(transcript, window)}]
