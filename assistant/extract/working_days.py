"""Hong Kong working days and holidays, from the ``holidays`` package.

The calendar is ``holidays.HongKong`` with both its categories: ``public`` (the statutory
holidays) and ``optional`` (the general holidays that offices close for; without them Good
Friday and the day after are missing). A working day is Monday to Friday and not a holiday.
Festivals are found by the English names the package gives them, so next year's dates come
from the package, never from a table here; those of the lunar calendar (the Lunar New Year, the
Buddha's Birthday, Tuen Ng, Mid-Autumn, Chung Yeung) from the ``lunardate`` tables.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

import holidays
from holidays.calendars.chinese import _ChineseLunisolar
from lunardate import LunarDate

CATEGORIES = ("public", "optional")

WINTER_SOLSTICE = "winter solstice"  # 冬至: a solar term, no holiday in Hong Kong, many offices close early

# Spoken names of festivals → the package's English name of the holiday that marks them, and
# the offset in days from that holiday to the festival itself (中秋節 is the day before the
# holiday "The Day following Mid-Autumn Festival"). Ordered longest spoken form first.
FESTIVALS: tuple[tuple[str, str, int], ...] = (
    (r"農曆新年|農曆年|新年|過年|春節|lunar new year|chinese new year|\bcny\b", r"^Chinese New Year$", 0),
    (r"復活節|easter", r"^Good Friday$", 0),
    (r"耶穌受難節|good friday", r"^Good Friday$", 0),
    (r"清明", r"^Tomb-Sweeping Day$", 0),
    (r"勞動節|五一", r"^Labor Day$", 0),
    (r"佛誕", r"^The Buddha's Birthday$", 0),
    (r"端午", r"^Dragon Boat Festival$", 0),
    (r"七一|回歸紀念日", r"Establishment Day$", 0),
    (r"中秋", r"^The Day following Mid-Autumn Festival$", -1),
    (r"國慶|national day", r"^National Day$", 0),
    (r"重陽", r"^Double Ninth Festival$", 0),
    (r"聖誕|christmas|xmas", r"^Christmas Day$", 0),
    (r"元旦|new year'?s day", r"^New Year's Day$", 0),
    (r"冬至|做冬", WINTER_SOLSTICE, 0),
)


@lru_cache(maxsize=32)
def _holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("HK", years=year, categories=CATEGORIES).items())


def holiday_name(day: date) -> str | None:
    """The holiday's name(s), e.g. "Good Friday", or None on an ordinary day."""
    return _holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def next_working_day(day: date) -> date:
    """The first working day after day."""
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date) -> date:
    """The last working day before day."""
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def add_working_days(day: date, count: int) -> date:
    """The count-th working day after day (三個工作天內 from a Wednesday before Easter → the
    following Wednesday: Good Friday, the Saturday after and Easter Monday are skipped)."""
    for _ in range(count):
        day = next_working_day(day)
    return day


NEAR_HOLIDAY_DAYS = 14  # 「放假前」 said this close to a public holiday means that holiday's days off


def coming_holiday(today: date) -> date | None:
    """The next public holiday on or after today, if it is at most NEAR_HOLIDAY_DAYS away. One on a
    Saturday or Sunday counts too (Labour Day on Saturday 2027-05-01: 「假期後」 is Monday the 3rd,
    not the day after the Buddha's Birthday two weeks later)."""
    for ahead in range(NEAR_HOLIDAY_DAYS + 1):
        day = today + timedelta(days=ahead)
        if holiday_name(day) is not None:
            return day
    return None


# Festivals of the lunar calendar: their day from the `lunardate` tables, since the holiday list
# names a day off, not the festival (a first day of the Lunar New Year on a Sunday, as in 2030, is
# not in it, nor 「中秋節翌日」 when it falls on a Sunday, as in 2029).
LUNAR_FESTIVALS = {"^Chinese New Year$": (1, 1), "^The Buddha's Birthday$": (4, 8), "^Dragon Boat Festival$": (5, 5),
                   "^The Day following Mid-Autumn Festival$": (8, 15), "^Double Ninth Festival$": (9, 9)}


def lunar_day(month: int, day: int, today: date) -> date | None:
    """The next day (on or after today) with this lunar month and day, from the ``lunardate``
    tables; a 30th the month lacks is its last day (年三十 in a 29-day twelfth month is the eve)."""
    for year in (today.year - 1, today.year, today.year + 1):  # lunar months 11–12 end in the next solar year
        try:
            found = LunarDate(year, month, day).to_solar_date()
        except ValueError:
            found = LunarDate(year, month, day - 1).to_solar_date()
        if found >= today:
            return found
    return None


def festival(spoken: str, today: date) -> date | None:
    """The next festival (on or after today) that spoken names, e.g. 中秋 → 2026-09-25, 冬至 → 2026-12-22
    (the solar term from the ``holidays`` package's Chinese lunisolar calendar, pinned in pyproject.toml:
    its class is not public API). A bare 新年 is whichever new year comes first: 1 January said in
    December, the Lunar New Year said after it."""
    if re.search(r"(?<!農曆)新年", spoken) and not re.search(r"農曆|過年|春節|lunar|chinese|\bcny\b", spoken, re.IGNORECASE):
        days = [day for day in (festival("元旦", today), festival("農曆新年", today)) if day]
        return min(days) if days else None
    for words, name, offset in FESTIVALS:
        if re.search(words, spoken, re.IGNORECASE) and name == WINTER_SOLSTICE:
            return next(day for year in (today.year, today.year + 1)
                        if (day := _ChineseLunisolar().winter_solstice_date(year)[0]) >= today)
        if re.search(words, spoken, re.IGNORECASE) and name in LUNAR_FESTIVALS:
            return lunar_day(*LUNAR_FESTIVALS[name], today)
        if re.search(words, spoken, re.IGNORECASE):
            for year in (today.year, today.year + 1):
                days = sorted(d for d, n in _holidays(year).items()
                              if any(re.search(name, part) for part in n.split("; ")))
                if days and days[0] + timedelta(days=offset) >= today:
                    return days[0] + timedelta(days=offset)
            return None
    return None


def holiday_block(day: date) -> tuple[date, date]:
    """The run of days off (holidays and weekends) around day, as (first, last); day itself
    when it is a working day."""
    first = last = day
    while not is_working_day(first - timedelta(days=1)) and (first - day).days > -10:
        first -= timedelta(days=1)
    while not is_working_day(last + timedelta(days=1)) and (last - day).days < 10:
        last += timedelta(days=1)
    if is_working_day(day):
        return day, day
    return first, last
