"""Real .ics files: recurrences with exceptions across London's clock change, Singapore and Los
Angeles zones; recordings matched to events exactly, ambiguously or not at all."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from assistant.calendar.ical import parse
from assistant.calendar.matching import match

HK = ZoneInfo("Asia/Hong_Kong")
DATA = Path(__file__).parent / "data"


def events(name: str):
    return parse((DATA / name).read_bytes(), name, datetime(2026, 3, 1, tzinfo=HK), datetime(2026, 5, 1, tzinfo=HK),
                 "Asia/Hong_Kong")


def hk(*args) -> datetime:
    return datetime(*args, tzinfo=HK)


def test_weekly_london_series_with_a_cancelled_and_a_moved_occurrence_across_the_clock_change():
    found = events("london_weekly.ics")
    assert [(e.start.astimezone(HK), e.title) for e in found] == [
        (hk(2026, 3, 5, 17), "HK–London weekly sync"),
        (hk(2026, 3, 12, 17), "HK–London weekly sync"),
        # 19 March is cancelled (EXDATE)
        (hk(2026, 3, 26, 17), "HK–London weekly sync"),
        # London moved to summer time on 29 March: 09:00 there is 16:00 here; 2 April was moved to 10:30
        (hk(2026, 4, 2, 17, 30), "HK–London weekly sync (moved)"),
        (hk(2026, 4, 9, 16), "HK–London weekly sync"),
    ]
    assert {e.timezone for e in found} == {"Europe/London"}
    assert len({e.uid for e in found}) == 5
    moved = found[3]
    assert [a.name for a in moved.attendees] == ["Tom Baker", "Ivy Chan", "May Lee"]
    assert moved.organiser.email == "tom.baker@example.com"


def test_singapore_and_los_angeles_events_keep_their_zones():
    found = events("singapore_la.ics")
    standups = [e for e in found if e.title == "SG–HK stand-up"]
    assert [e.start.astimezone(HK) for e in standups] == [hk(2026, 3, d, 9, 30) for d in range(9, 14)]
    assert standups[0].timezone == "Asia/Singapore"
    [budget] = [e for e in found if e.title == "Budget review with LA"]
    assert budget.timezone == "America/Los_Angeles"
    assert budget.start.astimezone(HK) == hk(2026, 3, 13, 8)  # Thursday 5 pm in LA is Friday 8 am here
    assert budget.location == "會議室 3A"


def test_matching_exact_ambiguous_and_none():
    found = events("london_weekly.ics") + events("singapore_la.ics")
    exact = match(found, hk(2026, 4, 9, 15, 52))  # recorder started 8 minutes early, after the clock change
    assert exact.kind == "confident" and exact.event.start.astimezone(HK) == hk(2026, 4, 9, 16)
    # Two events a few minutes apart: offered, not guessed …
    ambiguous = match(found, hk(2026, 3, 13, 8, 4))
    assert ambiguous.kind == "ambiguous" and ambiguous.event is None
    assert [e.title for e in ambiguous.candidates] == ["Budget review with LA", "Procurement check-in"]
    # … unless the room, or the uploader, tells them apart
    assert match(found, hk(2026, 3, 13, 8, 4), room="會議室5B").event.title == "Procurement check-in"
    assert match(found, hk(2026, 3, 13, 8, 4), uploader="sam.ortiz@example.com").event.title == \
        "Budget review with LA"
    # events that have ended are no candidates
    assert match(found, hk(2026, 3, 13, 9, 25)).event.title == "SG–HK stand-up"
    assert match(found, hk(2026, 3, 19, 17, 0)).kind == "none"  # the cancelled occurrence
    assert match(found, hk(2026, 3, 14, 3, 0)).kind == "none"
