"""Deadlines: stored in Hong Kong time, shown with the owner's local time, due times for DingTalk."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from assistant import deadlines

HK = "Asia/Hong_Kong"


def test_dates_and_offset_datetimes_are_accepted_and_stored_in_hong_kong_time():
    assert deadlines.normalise("2026-03-13", HK) == "2026-03-13"
    assert deadlines.normalise("2026-03-13T07:00:00+08:00", HK) == "2026-03-13T07:00:00+08:00"
    # London Friday 5 pm in winter is Saturday 1 am in Hong Kong: the date changes
    assert deadlines.normalise("2026-03-13T17:00:00+00:00", HK) == "2026-03-14T01:00:00+08:00"
    assert deadlines.normalise(None, HK) is None
    for bad in ("2026-03-13T07:00:00", "13/03/2026", "2026-02-30", "tomorrow"):
        with pytest.raises(ValueError):
            deadlines.normalise(bad, HK)


def test_iana_time_zones_are_checked():
    assert deadlines.check_timezone("Europe/London") == "Europe/London"
    for bad in ("Europe/Londn", "GMT+8", "", "HKT"):
        with pytest.raises(ValueError):
            deadlines.check_timezone(bad)


def test_display_adds_the_owners_local_time_only_when_it_differs():
    winter = "2026-03-13T17:00:00+08:00"
    assert deadlines.display(winter, HK) == "3月13日（五）17:00 香港"
    assert deadlines.display(winter, HK, "Europe/London") == "3月13日（五）17:00 香港｜09:00 London"
    # after the clocks change in London (29 March 2026) the same Hong Kong time is 10:00 there
    assert deadlines.display("2026-04-10T17:00:00+08:00", HK, "Europe/London") == \
        "4月10日（五）17:00 香港｜10:00 London"
    # Singapore shares Hong Kong's offset: nothing to add
    assert deadlines.display(winter, HK, "Asia/Singapore") == "3月13日（五）17:00 香港"
    # the owner's date is repeated when it is another day there
    assert deadlines.display("2026-03-13T07:00:00+08:00", HK, "America/Los_Angeles") == \
        "3月13日（五）07:00 香港｜3月12日（四）16:00 Los Angeles"
    assert deadlines.display("2026-03-13", HK, "Europe/London") == "3月13日（五）"
    assert deadlines.display(None, HK) == "未定"


def test_due_moment_is_the_stated_time_or_the_end_of_the_day_in_hong_kong():
    assert deadlines.due_moment("2026-03-13T07:00:00+08:00", HK) == datetime(2026, 3, 13, 7, tzinfo=ZoneInfo(HK))
    assert deadlines.due_moment("2026-03-13", HK) == datetime(2026, 3, 13, 23, 59, tzinfo=ZoneInfo(HK))
