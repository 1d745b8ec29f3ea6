"""DingTalk Calendar: the events of a user's or room's primary calendar, with attendees' unionIds.

Same app credentials as the to-do push (permission ``Calendar.Event.Read``). The list call returns
recurring events as occurrences within the window; an occurrence's ``id`` is unique.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from assistant.calendar.events import Event, Participant
from assistant.deadlines import check_timezone
from assistant.dingtalk.client import DingTalkClient

MAX_PAGES = 50


def _when(value: dict[str, Any], zone: str) -> tuple[datetime, str]:
    tz = value.get("timeZone") or zone
    try:
        tz = check_timezone(tz)
    except ValueError:
        tz = zone
    if "dateTime" in value:
        moment = datetime.fromisoformat(value["dateTime"].replace("Z", "+00:00"))
        return (moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))), tz
    return datetime.fromisoformat(value["date"]).replace(tzinfo=ZoneInfo(tz)), tz


def _participant(value: dict[str, Any]) -> Participant:
    return Participant(value.get("displayName") or value.get("id") or "", None, value.get("id"))


def to_event(raw: dict[str, Any], source: str, zone: str) -> Event | None:
    """An event of the list call in its real shape; None for a cancelled one."""
    if raw.get("status") == "cancelled":
        return None
    start, tz = _when(raw["start"], zone)
    end, _ = _when(raw.get("end") or raw["start"], tz)
    location = raw.get("location") or {}
    rooms = [r.get("displayName", "") for r in raw.get("meetingRooms") or []]
    return Event(
        source=source, uid=str(raw["id"]), title=raw.get("summary") or "", start=start, end=end, timezone=tz,
        organiser=_participant(raw["organizer"]) if raw.get("organizer") else None,
        attendees=tuple(_participant(a) for a in raw.get("attendees") or [] if a.get("responseStatus") != "declined"),
        location=" ".join(filter(None, [location.get("displayName", ""), *rooms])),
        description=raw.get("description") or "",
    )


def events(client: DingTalkClient, union_id: str, start: datetime, end: datetime, zone: str) -> list[Event]:
    """Every event of ``union_id``'s primary calendar overlapping [start, end)."""
    found: list[Event] = []
    token = None
    for _ in range(MAX_PAGES):
        page = client.list_events(union_id, start.isoformat(), end.isoformat(), token)
        found += [e for raw in page.get("events") or [] if (e := to_event(raw, source(union_id), zone))]
        token = page.get("nextToken")
        if not token:
            break
    return found


def source(union_id: str) -> str:
    return f"dingtalk:{union_id}"
