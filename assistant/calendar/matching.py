"""Which event a recording is of: by when it started (Asia/Hong_Kong), then the room and the uploader.

An event is a candidate when the recording started between ``early`` before its start and its end.
One candidate, or one that the room or uploader singles out, or one starting clearly closer to the
recording's start than any other, is a confident match; otherwise the candidates are offered to a
reviewer. Nothing is ever matched outside an event's time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from assistant.calendar.events import Event

EARLY = timedelta(minutes=15)  # recorders start a little before the meeting
CLEARLY_CLOSER = timedelta(minutes=20)


@dataclass(frozen=True)
class Match:
    kind: Literal["confident", "ambiguous", "none"]
    event: Event | None = None
    candidates: tuple[Event, ...] = field(default_factory=tuple)


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def _narrow(candidates: list[Event], keep) -> list[Event]:
    """The candidates ``keep`` accepts, or all of them when it accepts none (a hint, not a filter)."""
    kept = [e for e in candidates if keep(e)]
    return kept or candidates


def match(events: Sequence[Event], started_at: datetime, room: str | None = None,
          uploader: str | None = None, early: timedelta = EARLY) -> Match:
    """``started_at`` is aware; ``room`` a location name; ``uploader`` a name or e-mail address."""
    candidates = sorted((e for e in events if e.start - early <= started_at <= e.end),
                        key=lambda e: abs(e.start - started_at))
    if room:
        candidates = _narrow(candidates, lambda e: _key(room) in _key(e.location) if e.location else False)
    if uploader:
        who = _key(uploader)
        candidates = _narrow(candidates, lambda e: any(
            who in {_key(p.name), _key(p.email or "")} for p in (*e.attendees, *([e.organiser] if e.organiser else []))))
    if not candidates:
        return Match("none")
    if len(candidates) == 1:
        return Match("confident", candidates[0], tuple(candidates))
    first, second = candidates[0], candidates[1]
    if abs(second.start - started_at) - abs(first.start - started_at) >= CLEARLY_CLOSER:
        return Match("confident", first, tuple(candidates))
    return Match("ambiguous", None, tuple(candidates))
