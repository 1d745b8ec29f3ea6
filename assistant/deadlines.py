"""Deadlines: the stored form (Hong Kong time), DingTalk's due time, and the text people read.

A deadline is an ISO date ``2026-03-13`` (by the end of that day) or an ISO date-time with its
offset ``2026-03-13T17:00:00+08:00`` when a time of day was said. Date-times are stored in the
meeting's time zone (Asia/Hong_Kong); an owner elsewhere also sees their local time:
「3月13日（五）17:00 香港｜09:00 London」.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

END_OF_DAY = time(23, 59)
WEEKDAYS = "一二三四五六日"
# How a zone is named in the text; others by their IANA city ("America/Los_Angeles" → "Los Angeles").
ZONE_LABELS = {"Asia/Hong_Kong": "香港", "Asia/Shanghai": "北京", "Asia/Taipei": "台北", "Asia/Macau": "澳門"}


def check_timezone(name: str) -> str:
    """The IANA time zone ``name`` names, in its canonical spelling (``europe/london`` →
    ``Europe/London``); ValueError otherwise."""
    name = (name or "").strip()
    zone = _zones().get(name.casefold())
    if zone is None:
        raise ValueError(f"unknown time zone {name!r}: use an IANA name such as Asia/Hong_Kong or Europe/London")
    return zone


@cache
def _zones() -> dict[str, str]:
    return {zone.casefold(): zone for zone in available_timezones()}


def parse(deadline: str) -> date | datetime:
    """A date, or an aware date-time; ValueError for anything else (a date-time without offset too)."""
    text = (deadline or "").strip()
    if len(text) == 10:
        return date.fromisoformat(text)
    if "T" not in text and " " not in text:
        raise ValueError(f"deadline {deadline!r} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM+08:00")
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"deadline {deadline!r} has a time but no offset (e.g. +08:00)")
    if not 1900 <= moment.year <= 2999:  # and an offset near year 1 or 9999 cannot be converted
        raise ValueError(f"deadline {deadline!r} is out of range")
    return moment


def normalise(deadline: str | None, timezone: str) -> str | None:
    """The stored form: dates unchanged, date-times in ``timezone`` to the minute. ValueError when malformed."""
    if not deadline:
        return None
    value = parse(deadline)
    if isinstance(value, datetime):
        return value.astimezone(ZoneInfo(timezone)).replace(second=0, microsecond=0).isoformat()
    return value.isoformat()


def due_moment(deadline: str, timezone: str) -> datetime:
    """When it is due: the stated time, or the end of the day (23:59 in ``timezone``) for a date."""
    value = parse(deadline)
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, END_OF_DAY, tzinfo=ZoneInfo(timezone))


def zone_label(timezone: str) -> str:
    return ZONE_LABELS.get(timezone) or timezone.rsplit("/", 1)[-1].replace("_", " ")


def _day(moment: date) -> str:
    return f"{moment.month}月{moment.day}日（{WEEKDAYS[moment.weekday()]}）"


def display(deadline: str | None, timezone: str, owner_timezone: str | None = None) -> str:
    """The deadline as people read it, with the owner's local time when their zone differs.

    ``3月13日（五）`` for a date; ``3月13日（五）17:00 香港｜09:00 London`` for a time, the owner's
    date repeated only when it differs. An unparsable value is returned as it is.
    """
    if not deadline:
        return "未定"
    try:
        value = parse(deadline)
    except ValueError:
        return deadline
    if not isinstance(value, datetime):
        return _day(value)
    here = value.astimezone(ZoneInfo(timezone))
    text = f"{_day(here)}{here:%H:%M} {zone_label(timezone)}"
    if owner_timezone and owner_timezone != timezone:
        try:
            there = value.astimezone(ZoneInfo(owner_timezone))
        except (ZoneInfoNotFoundError, ValueError):
            return text
        if there.utcoffset() != here.utcoffset():
            day = "" if there.date() == here.date() else _day(there)
            text += f"｜{day}{there:%H:%M} {zone_label(owner_timezone)}"
    return text
