"""The minutes of one meeting: the typed form of ``minutes.json``."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Word:
    start: float
    end: float
    text: str
    probability: float


@dataclass
class Turn:
    speaker: str
    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)


@dataclass
class Speaker:
    id: str
    name: str | None = None
    talk_time: float = 0.0
    person_id: str | None = None  # the people directory's id, when the speaker is known
    confidence: float | None = None  # voiceprint score when named by identification; None when a person named it


@dataclass
class Decision:
    text: str
    turn: int | None = None


@dataclass
class ActionItem:
    owner: str
    task: str
    deadline: str | None = None  # ISO date in the meeting's timezone
    priority: str = "app"  # "call" | "sms" | "app"
    turn: int | None = None


@dataclass
class MeetingInfo:
    source: str
    duration: float
    language: str
    models: dict[str, str]
    processed_at: str
    date: str | None = None
    timezone: str = "Asia/Hong_Kong"


@dataclass
class Minutes:
    meeting: MeetingInfo
    speakers: list[Speaker]
    turns: list[Turn]
    decisions: list[Decision] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)

    def speaker_name(self, speaker_id: str) -> str:
        for s in self.speakers:
            if s.id == speaker_id:
                return s.name or s.id
        return speaker_id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Minutes:
        turns = [
            Turn(**{**t, "words": [Word(**w) for w in t.get("words", [])]}) for t in data.get("turns", [])
        ]
        return cls(
            meeting=MeetingInfo(**data["meeting"]),
            speakers=[Speaker(**s) for s in data.get("speakers", [])],
            turns=turns,
            decisions=[Decision(**d) for d in data.get("decisions", [])],
            action_items=[ActionItem(**a) for a in data.get("action_items", [])],
        )

    @classmethod
    def load(cls, path: str | Path) -> Minutes:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
