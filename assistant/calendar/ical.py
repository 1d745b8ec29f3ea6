"""iCalendar feeds (a published Google or Outlook ``.ics`` URL): recurring events expanded with their
exceptions (RRULE, EXDATE, RDATE, RECURRENCE-ID overrides) in the event's own time zone."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import httpx
import icalendar
import recurring_ical_events

from assistant.calendar.events import Event, Participant
from assistant.deadlines import check_timezone

UTC = ZoneInfo("UTC")


def fetch(url: str, timeout_s: float = 30.0) -> bytes:
    """The feed's bytes (``webcal://`` is fetched as ``https://``). httpx.HTTPError when it fails."""
    if url.startswith("webcal://"):
        url = "https://" + url.removeprefix("webcal://")
    response = httpx.get(url, timeout=timeout_s, follow_redirects=True)
    response.raise_for_status()
    return response.content


def _zone_name(moment: datetime, default: str) -> str:
    tz = moment.tzinfo
    return getattr(tz, "key", None) or getattr(tz, "zone", None) or default


def _aware(value: date | datetime, zone: str) -> datetime:
    """All-day dates start at midnight in ``zone``; floating times are in ``zone`` too."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), tzinfo=ZoneInfo(zone))
    return value if value.tzinfo is not None else value.replace(tzinfo=ZoneInfo(zone))


def _participant(value) -> Participant:
    address = str(value)
    email = address[7:] if address.lower().startswith("mailto:") else None
    name = str(value.params.get("CN", "")) if hasattr(value, "params") else ""
    return Participant(name or email or address, email)


def parse(data: bytes, source: str, start: datetime, end: datetime, default_zone: str) -> list[Event]:
    """Every occurrence overlapping [start, end). ValueError when ``data`` is not iCalendar."""
    calendar = icalendar.Calendar.from_ical(data)
    zone = str(calendar.get("X-WR-TIMEZONE") or default_zone)
    events = []
    for component in recurring_ical_events.of(calendar).between(start, end):
        if component.name != "VEVENT" or str(component.get("STATUS", "")).upper() == "CANCELLED":
            continue
        begins = component.decoded("DTSTART")
        ends = component.decoded("DTEND") if "DTEND" in component else begins
        event_zone = _zone_name(begins, zone) if isinstance(begins, datetime) else zone
        first = _aware(begins, event_zone)
        original = component.get("RECURRENCE-ID")
        occurrence = _aware(original.dt, event_zone) if original is not None else first
        attendees = component.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        organiser = component.get("ORGANIZER")
        events.append(Event(
            source=source,
            uid=f"{component.get('UID')}@{occurrence.astimezone(UTC):%Y%m%dT%H%M%SZ}",
            title=str(component.get("SUMMARY", "")),
            start=first,
            end=_aware(ends, event_zone),
            timezone=_iana(event_zone, default_zone),
            organiser=_participant(organiser) if organiser is not None else None,
            attendees=tuple(_participant(a) for a in attendees),
            location=str(component.get("LOCATION", "")),
            description=str(component.get("DESCRIPTION", "")),
        ))
    return sorted(events, key=lambda e: e.start)


def _iana(name: str, default: str) -> str:
    try:
        return check_timezone(name)
    except ValueError:
        return default
