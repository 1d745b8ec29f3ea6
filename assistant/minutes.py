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
    """One row of the to-do table.

    ``owner`` is an attendee's or directory person's name, or None when nobody could be named
    (never guessed). ``deadline`` is an ISO date ``YYYY-MM-DD`` in the meeting's time zone, or an
    ISO date-time with its offset (``2026-03-13T07:00:00+08:00``) when a time of day was said.
    ``confidence`` (0..1) is the extractor's; ``needs_review`` marks rows a person should check.
    """

    owner: str | None
    task: str
    deadline: str | None = None
    priority: str = "app"  # "call" | "sms" | "app"
    turn: int | None = None
    confidence: float = 1.0
    needs_review: bool = False


@dataclass
class Attendee:
    """Someone at the meeting: the name to show, other names they are called by (阿May, Mr Chan),
    their role, their IANA time zone (None = the meeting's), the directory person, if linked, and the
    name of their direct manager, if known (who 「你老闆」 said to them is)."""

    name: str
    aliases: list[str] = field(default_factory=list)
    role: str = ""
    timezone: str | None = None
    person_id: str | None = None
    manager: str | None = None


@dataclass
class AudioSource:
    """How the recording was read, for the user to check.

    ``stream`` is N of ffmpeg's ``0:a:N`` among ``streams`` audio streams, chosen because it is the
    ``only`` one, the ``default`` one (container disposition) or the ``loudest``; ``channel`` is the
    one channel used when the channels cancel in a downmix (None: all channels mixed); ``warnings``
    are what the user should know (a WAV header that under-claimed its data).
    """

    stream: int = 0
    streams: int = 1
    choice: str = "only"
    title: str | None = None
    channel: int | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class MeetingInfo:
    source: str
    duration: float
    language: str
    models: dict[str, str]
    processed_at: str
    date: str | None = None
    timezone: str = "Asia/Hong_Kong"
    attendees: list[Attendee] = field(default_factory=list)
    audio: AudioSource = field(default_factory=AudioSource)
    speech: bool = True  # False: the recording holds no speech (music, noise); no speakers, turns or items


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
            meeting=MeetingInfo(**{**data["meeting"], "attendees": [
                Attendee(**a) for a in data["meeting"].get("attendees", [])],
                "audio": AudioSource(**data["meeting"].get("audio", {}))}),
            speakers=[Speaker(**s) for s in data.get("speakers", [])],
            turns=turns,
            decisions=[Decision(**d) for d in data.get("decisions", [])],
            action_items=[ActionItem(**a) for a in data.get("action_items", [])],
        )

    @classmethod
    def load(cls, path: str | Path) -> Minutes:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
