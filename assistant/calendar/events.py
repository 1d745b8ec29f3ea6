"""A calendar event as every source gives it: one occurrence, with aware times and its time zone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Participant:
    """An organiser or attendee: a display name and whatever ids the source knows."""

    name: str
    email: str | None = None
    union_id: str | None = None  # DingTalk


@dataclass(frozen=True)
class Event:
    """One occurrence. ``uid`` is unique within ``source`` (a recurring series' occurrences differ
    by their original start). ``timezone`` is the IANA zone the event was scheduled in."""

    source: str
    uid: str
    title: str
    start: datetime
    end: datetime
    timezone: str
    organiser: Participant | None = None
    attendees: tuple[Participant, ...] = field(default_factory=tuple)
    location: str = ""
    description: str = ""
