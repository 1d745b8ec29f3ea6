"""Spoken deadlines ("下個禮拜五之前", "月尾", "by Friday") → ISO dates from the meeting date.

Conventions (the team's, see the evaluation notes): weeks start on Monday; 下個禮拜五 is the
Friday of next week, 呢個禮拜五 the Friday of this week; a bare weekday (星期五前, by Friday)
is the next such day after the meeting; 月尾/月底 is the last day of the month; 月中 the 15th;
Q2 (Q2 完, Q2 尾) is the end of Q2, 「Q2 之前」 the end of the quarter before it (said within Q2, Q2's end),
「十二月前」, 「下個月之前」 and 「下個禮拜之前」 likewise the end of the month or week before;
a day of the month (「二十號」, 「20 號」, "by the 20th") is this month's unless it
has passed, then next month's; "March 20" / "20th March" is the next one to come; EOD/今晚 is the meeting day; a week or month without a day ends on its Friday or last day.
Working days (三個工作天內, 下個工作天) skip weekends and Hong Kong holidays; "before a festival"
(「中秋節前」, 「五一前」) is its own day, as 「禮拜五前」 is Friday, and "before its days off" (「聖誕假前」,
「…之前最後一個工作天」) the last working day before them; "after" is the first working day after
them (see working_days.py).
The time of day and other time zones are read by clock.py; deadlines.py picks the deadline.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from assistant.extract import working_days

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}
_EN_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3, "thur": 3,
    "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}

WEEK = r"(?:禮拜|星期|週|周)"
CN_NUM = r"[0-9０-９零〇一二兩三四五六七八九十廿卅]{1,3}"
EN_DAY = "|".join(sorted(_EN_WEEKDAYS, key=len, reverse=True))
# "January"/"Jan"/"Sept" → 1…12, from the standard library's English names
_EN_MONTHS = {name.lower(): n for n in range(1, 13)
              for name in (calendar.month_name[n], calendar.month_abbr[n], *(("Sept",) if n == 9 else ()))}
EN_MONTH = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
EN_AFTER_DAY = r"(?:by|at|before|noon|morning|afternoon|evening|night|EOD|end|please|then|and|or|too|latest|so|if)"
# \b does not separate Latin from CJK (both are \w), hence explicit lookarounds.
L, R = r"(?<![A-Za-z])", r"(?![A-Za-z])"


def cn_number(text: str) -> int:
    """'12', '十二', '二十一', '三十', '廿五', '卅一' → int."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789")).replace("廿", "二十").replace("卅", "三十")
    if text.isdigit():
        return int(text)
    if len(text) == 2 and all(c in _DIGITS for c in text) and _DIGITS[text[0]] < _DIGITS[text[1]]:
        return _DIGITS[text[1]]  # 「兩三日」, 「一兩個禮拜」: a range, by its end
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    return _DIGITS[text]


def end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months_on(day: date, months: int) -> date:
    """「一個月內」: the same day months later, or that month's last day when it has no such day
    (31 January + 1 month is 28 or 29 February)."""
    return day + relativedelta(months=months)


def add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


# 「遲一個禮拜都得」, 「早兩日交」: a due day moved by so long (咗 says it happened: 「延咗一個禮拜先返」 is news)
DELAY = re.compile(rf"(?P<way>延遲|延後|推遲|推後|押後|遲|延|晚|提早|提前|早)(?!咗)\s*(?P<n>{CN_NUM})\s*個?\s*(?P<unit>日|天|禮拜|星期|週|周|月)")


def shifted(day: date, text: str) -> date | None:
    """day moved by the last delay or advance text says (「遲一個禮拜」: 7 days later, 「早兩日」: 2 days
    earlier, 「遲一個月」: the same day a month later or that month's last), else None."""
    said = list(DELAY.finditer(text))
    if not said:
        return None
    way, n, unit = said[-1]["way"], cn_number(said[-1]["n"]), said[-1]["unit"]
    sign = -1 if way in ("提早", "提前", "早") else 1
    if unit == "月":
        return day + relativedelta(months=sign * n)
    return day + timedelta(days=sign * n * (1 if unit in ("日", "天") else 7))


def week_day(today: date, weeks_ahead: int, weekday: int) -> date:
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=weeks_ahead, days=weekday)


def next_weekday(today: date, weekday: int) -> date:
    """The first such weekday after today."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _weeks_ahead(prefix: str) -> int:
    prefix = prefix.lower()
    if prefix.startswith(("下下", "next next")):
        return 2
    if prefix.startswith(("下", "next")):
        return 1
    return 0


def day_of_month(today: date, day: int) -> date | None:
    """Day N of this month, or of next month when it has passed."""
    year, month = today.year, today.month
    if day < today.day:
        year, month = add_months(today, 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _said_day_of_month(today: date, day: int) -> date:
    """day_of_month for a day said alone (「三十一號」); ValueError when the month it falls in has no such day
    (「三十一號」 said on 9 November): no deadline, and the item is to be checked."""
    found = day_of_month(today, day)
    if found is None:
        raise ValueError(f"the month has no day {day}")
    return found


def _month_day(today: date, month: int, day: int) -> date | None:
    """That day of that month, the next one to come; ValueError when this year has no such day."""
    found = date(today.year, month, day)
    if found >= today:
        return found
    return GONE if (today - found).days <= JUST_PAST else found.replace(year=today.year + 1)


JUST_PAST = 62  # days: a date or month end this recent is the one just gone (「二月尾嗰幾日」 said in March), not next year's
GONE = date.min  # what a resolver gives for a time just gone: the phrase is a time, but no due day


def _in_month(today: date, month: int, part: str) -> date | None:
    """The end (尾/底/末), middle (中, the 15th) or first day (初/頭) of the named month, this year's
    unless it is over; GONE for a month's end or middle just gone."""
    if not 1 <= month <= 12:
        return None
    year = today.year if month >= today.month else today.year + 1
    def day_in(y: int) -> date:
        return end_of_month(y, month) if part in "尾底末" else date(y, month, 15 if part == "中" else 1)

    gone = year > today.year and part != "初" and (today - day_in(today.year)).days <= JUST_PAST
    return GONE if gone else day_in(year)


def _quarter_end(today: date, quarter: int) -> date:
    month, day = _QUARTER_END[quarter]
    found = date(today.year, month, day)
    return found if found >= today else found.replace(year=today.year + 1)


def _before_quarter(today: date, quarter: int) -> date:
    """「Q2 之前」: the end of the quarter before it; said within that quarter, its own end (it has begun)."""
    return _quarter_end(today, quarter if (today.month - 1) // 3 + 1 == quarter else quarter - 1 or 4)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) such weekday of a month."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if date(year, month, d).weekday() == weekday]
    return date(year, month, days[nth - 1 if nth > 0 else nth])


def _in_named_month(today: date, month: int, weekday: int, nth: int) -> date | None:
    """The nth (1-based; -1 = last) such weekday of a named month, this year's unless it has passed."""
    if not 1 <= month <= 12:
        return None
    found = _nth_weekday(today.year, month, weekday, nth)
    return found if found >= today else _nth_weekday(today.year + 1, month, weekday, nth)


def _month_of(prefix: str | None, today: date) -> tuple[int, int]:
    return add_months(today, _weeks_ahead(prefix or ""))


def _before_festival(m: re.Match[str], today: date) -> date | None:
    """「中秋節前」, 「中秋節或之前」, 「最遲中秋」, 「農曆新年之前」: the festival's own day, as 「禮拜五前」
    is Friday (the convention of the shared evaluation's gold, which reads 'X之前' as X itself);
    「聖誕前兩日」: so many days (or weeks) before it; 「…假前」, 「…長假前」 and 「…之前最後一個工作天」:
    the last working day before its days off."""
    day = working_days.festival(m["fest"], today)
    if day is None:
        return None
    if m["weekday"]:  # 「聖誕前嘅禮拜五」, 「中秋前嗰個禮拜五」: the last such weekday before the festival
        back = (day.weekday() - _WEEKDAYS[m["weekday"]]) % 7 or 7
        day -= timedelta(days=back)
        return day if day >= today else None
    if m["n"]:  # 「聖誕前兩日」, 「中秋前一個禮拜」: so long before the festival
        day -= _span(m)
        return day if day >= today else None
    if not m["off"] and not m["last"]:
        return day
    if m["off"] and working_days.is_working_day(day) and working_days.holiday_name(day + timedelta(days=1)):
        day += timedelta(days=1)  # 「中秋假前」: the festival is a working day, its day off the day after
    first, _ = working_days.holiday_block(day)
    return working_days.previous_working_day(first)


def _span(m: re.Match[str]) -> timedelta:
    """「三日」, 「一個禮拜」 said around a festival (groups n and unit), in days."""
    return timedelta(days=cn_number(m["n"]) * (1 if m["unit"] in ("日", "天") else 7))


def _festival_then(m: re.Match[str], today: date) -> date | None:
    """「中秋後一個禮拜」, 「中秋後三日」: so long after the festival day, of the festival just gone when that
    day is still to come (said two days after 中秋, this year's), else of the next one."""
    span = _span(m)
    day = working_days.festival(m["fest"], today - span)
    return day + span if day else None


def _after_festival(m: re.Match[str], today: date) -> date | None:
    last = _days_off_end(m["fest"], today)
    return _working_days_after(m, last) if last else None


def _weekday_after_festival(m: re.Match[str], today: date) -> date | None:
    last = _days_off_end(m["fest"], today)
    return last + timedelta(days=(_WEEKDAYS[m["weekday"]] - last.weekday()) % 7 or 7) if last else None


def _days_off_end(spoken: str, today: date) -> date | None:
    """The last day off of the festival spoken names whose days off are not over: the one under way
    when said during it (「復活節後」 on Holy Saturday is this Easter's), else the next one."""
    for since in (today - timedelta(days=HOLIDAY_UNDER_WAY), today):
        day = working_days.festival(spoken, since)
        if day is not None and working_days.is_working_day(day) and working_days.holiday_name(day + timedelta(days=1)):
            day += timedelta(days=1)  # 中秋: the festival is a working day, the day after it the holiday (冬至 has none)
        if day is not None and working_days.holiday_block(day)[1] >= today:
            return working_days.holiday_block(day)[1]
    return None


HOLIDAY_UNDER_WAY = 10  # days back a festival's days off may have begun (the Lunar New Year's are the longest)


def _after_new_year(m: re.Match[str], today: date) -> date | None:
    last = _days_off_end("農曆新年", today)
    return _working_days_after(m, last) if last else None


def _around_days_off(m: re.Match[str], today: date) -> date | None:
    """「放假前」 / 「放完假」 said shortly before a public holiday: the last working day before its
    days off, or the first after them; None when no holiday is near (somebody's own leave), and no
    due day at all for 「假期後三個工作天內」 then (not three working days from today)."""
    day = working_days.coming_holiday(today)
    if day is None:
        return GONE if m["nth"] or m["within"] else None
    first, last = working_days.holiday_block(day)
    return working_days.previous_working_day(first) if m["before"] else _working_days_after(m, last)


def _working_days_after(m: re.Match[str], last: date) -> date:
    """The first working day after days off ending on last, or the nth / within n said with them."""
    return working_days.add_working_days(last, cn_number(m["nth"] or m["within"] or "1"))


def _first_working_day(m: re.Match[str], today: date) -> date:
    """The first working day of the month said: a named month the next one to come (「七月頭」 said in June)."""
    if m["num"]:
        month = cn_number(m["num"])
        year = today.year + (month < today.month)
    else:
        year, month = _month_of(m["rel"], today)
    return working_days.next_working_day(date(year, month, 1) - timedelta(days=1))


def _lunar_day(m: re.Match[str], today: date) -> date | None:
    """「年初七」: that day of the first lunar month, the next one to come."""
    return working_days.lunar_day(1, cn_number(m[1]), today)


def _end_of_lunar_year(m: re.Match[str], today: date) -> date | None:
    """「年廿八」, 「年三十」, 「除夕」: that day of the twelfth lunar month, the next one to come.
    除夕 is the month's last day, the 30th or, in a 29-day month, the 29th."""
    return working_days.lunar_day(12, cn_number(m["day"]) if m["day"] else 30, today)


Resolver = Callable[[re.Match[str], date], date | None]


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    resolve: Resolver


def _rule(pattern: str, resolve: Resolver) -> Rule:
    return Rule(re.compile(pattern, re.IGNORECASE), resolve)


FEST = "|".join(words for words, _, _ in working_days.FESTIVALS)
WORKING_DAY = r"(?:工作天|工作日|working days?|business days?|返工日|個工作天)"
# 「假期後第二個工作天」, 「放完假三個工作天內」: counted from the end of the days off
AFTER_BLOCK = (rf"(?:\s*(?:嘅|的)?\s*(?:(?:第一個|下一個|下個)|第(?P<nth>{CN_NUM})個|(?P<within>{CN_NUM})\s*個?)\s*{WORKING_DAY}"
               r"(?:\s*(?:之內|內|以內))?)?")

BACK_AT_WORK = r"(?:\s*(?:返嚟|返工|返公司|返到嚟)(?:\s*(?:嘅)?\s*(?:第一(?:日|朝|天)|嗰日|果日))?|\s*第一(?:日|朝|天)\s*(?:返嚟|返工|返公司))?"

RULES: tuple[Rule, ...] = (
    _rule(rf"(?:放\s*(?=(?:{FEST})(?:節|日)?\s*(?:長假|假)))?(?P<fest>{FEST})(?:節|日)?\s*(?P<off>放假|長假|假期?|holidays?)?\s*(?:當日)?\s*(?:或者?)?\s*(?:之前|以前|前|before)"
          r"(?!\s*(?:嗰|果)\s*(?:個|幾|排)(?!\s*(?:禮拜|星期|週)[一二三四五六日天]))"  # 「聖誕前嗰個禮拜」: some time that week
          rf"(?:\s*(?:嘅|的)?\s*(?P<last>最後一個\s*{WORKING_DAY})|\s*(?P<n>{CN_NUM})\s*(?P<unit>日|天|個?(?:禮拜|星期|週))"
          r"|\s*(?:嘅|的|(?:嗰|果)?\s*個|最後一個)\s*(?:禮拜|星期|週)(?P<weekday>[一二三四五六日天]))?",
          _before_festival),
    # 「最遲中秋」, 「限聖誕」: by the festival itself
    _rule(rf"(?:最遲|最晚|限|by)\s*(?P<fest>{FEST})(?:節|日)?(?!\s*(?:放假|長假|假|之後|以後|後|after|之前|以前|前|before))"
          rf"(?P<off>)(?P<last>)(?P<n>)(?P<unit>)(?P<weekday>)", _before_festival),
    # 「中秋後一個禮拜」, 「中秋後三日內」: so long after the festival day (not counted in working days)
    _rule(rf"(?P<fest>{FEST})(?:節|日)?\s*(?:之後|以後|後|after)\s*(?P<n>{CN_NUM})\s*(?P<unit>日|天|個?(?:禮拜|星期|週))(?:\s*(?:之內|以內|內))?",
          _festival_then),
    _rule(rf"(?P<fest>{FEST})(?:節|日)?\s*(?P<off>假期?|holidays?)?\s*(?:之後|以後|後|after)"
          rf"{AFTER_BLOCK}", _after_festival),
    # 「中秋後嗰個禮拜一」, 「端午假期後第一個星期三」: the first such weekday after its days off
    _rule(rf"(?P<fest>{FEST})(?:節|日)?\s*(?:假期?|holidays?)?\s*(?:之後|以後|後|after)\s*(?:嗰個|果個|個|嘅|的|第一個)?\s*"
          r"(?:禮拜|星期|週)(?P<weekday>[一二三四五六日天])", _weekday_after_festival),
    # 「開年第一個工作天」, 「一開年」: after the Lunar New Year days off (not 開年會, a year-end meeting)
    _rule(rf"(?:一開年|開年\s*(?:之後|以後|後)?(?=\s*(?:嘅|的)?\s*(?:第|頭|下)\S{{0,2}}個\s*{WORKING_DAY}|\s*(?:之後|以後|後)))"
          rf"\s*(?:之後|以後|後)?{AFTER_BLOCK}", _after_new_year),
    # 「過完年」: after the Lunar New Year days off, their first working day
    _rule(rf"過(?:完|咗)\s*(?:農曆)?年(?![紀度份尾底中初頭])\s*(?:之後|以後|後)?{AFTER_BLOCK}", _after_new_year),
    _rule(r"年初([一二三四五六七八九十]{1,2})", _lunar_day),
    _rule(r"年(?P<day>廿[一二三四五六七八九]?|二十[一二三四五六七八九]?|三十)(?![號号日一二三四五六七八九])|除夕(?:夜)?|大年夜|(?<![周週新去今舊前明每])年晚(?![飯宴會期餐])",
          _end_of_lunar_year),
    # 「放完聖誕假返工第一日」, 「新年放完假返嚟」: the festival named with the days off
    _rule(rf"(?:放完|收)\s*(?P<fest>{FEST})(?:節|日)?\s*(?:長假|假期?|holidays?)(?:\s*(?:之後|以後|後))?{BACK_AT_WORK}{AFTER_BLOCK}", _after_festival),
    _rule(rf"(?P<fest>{FEST})(?:節|日)?\s*(?:放完|收)\s*(?:長假|假期?)(?:\s*(?:之後|以後|後))?{BACK_AT_WORK}{AFTER_BLOCK}", _after_festival),
    # 「放完假返嚟第一日」, 「放完年假返工第一天」 (the New Year holidays said just before them): back from the days off, their first working day
    _rule(r"(?:放假|假期)\s*(?P<before>之前|以前|前)|(?:放完(?:新)?年?假|收(?:新)?年?假|放假\s*(?:之後|以後|後)|假期\s*(?:之後|以後|後))"
          rf"{BACK_AT_WORK}{AFTER_BLOCK}", _around_days_off),
    # 「聖誕交埋 expense claim」: the festival said alone, then the work handed in, is by that day
    _rule(rf"(?P<fest>{FEST})(?:節|日)?(?=\s*(?:要|就|先)?\s*(?:交|出|send|submit|俾|畀|完成|搞掂|做好|整好)(?![A-Za-z]))"
          rf"(?P<off>)(?P<last>)(?P<n>)(?P<unit>)(?P<weekday>)", _before_festival),
    # 「七月頭第一個工作天」, 「下個月第一個工作天」: the first working day of that month
    _rule(rf"(?:(?P<rel>下下|下|今|呢|這|本)個?月|(?<![\d個个])(?P<num>{CN_NUM})月)\s*(?:頭|初)?\s*(?:嘅|的)?\s*(?:第一個|頭一個)\s*{WORKING_DAY}",
          _first_working_day),
    # 「今個月最後一個工作天」, 「呢個禮拜最後一個工作日」: the last working day of that month or week
    _rule(rf"(?:(下下|下|今|呢|這|本)個?)?月(?:尾|底)?\s*(?:嘅|的)?\s*最後一個\s*{WORKING_DAY}|last (?:working|business) day of (?:the |this )?month",
          lambda m, t: max(t, working_days.previous_working_day(end_of_month(*add_months(t, _weeks_ahead(m[1] or ""))) + timedelta(days=1)))),
    _rule(rf"(下下個?|下個?|今個|呢個|這個|本)\s*{WEEK}\s*(?:嘅|的)?\s*最後一個\s*{WORKING_DAY}",
          lambda m, t: max(t, working_days.previous_working_day(week_day(t, _weeks_ahead(m[1]), 5)))),
    _rule(rf"(?<!第)({CN_NUM})\s*個?\s*{WORKING_DAY}\s*(?:之內|內|以內)?|within (\d+) (?:working|business) days?",
          lambda m, t: working_days.add_working_days(t, cn_number(m[1] or m[2]))),
    _rule(rf"(?:下|下一|next)\s*個?\s*{WORKING_DAY}", lambda m, t: working_days.next_working_day(t)),
    _rule(rf"(下下|下|今|呢|這|本)?個?月\s*(?:嘅|的)?\s*最後一個\s*{WEEK}([一二三四五六日])",
          lambda m, t: _nth_weekday(*_month_of(m[1], t), _WEEKDAYS[m[2]], -1)),
    _rule(rf"(下下|下|今|呢|這|本)?個?月\s*(?:嘅|的)?\s*第([一二三四])個\s*{WEEK}([一二三四五六日])",
          lambda m, t: _nth_weekday(*_month_of(m[1], t), _WEEKDAYS[m[3]], cn_number(m[2]))),
    # 「三月頭個禮拜五」, 「四月最後一個星期一」: that weekday of a named month, the next one to come
    _rule(rf"(?<![\d個个])({CN_NUM})月\s*(?:嘅|的)?\s*(?:第([一二三四])|(頭)|(最後一))個\s*{WEEK}([一二三四五六日])",
          lambda m, t: _in_named_month(t, cn_number(m[1]), _WEEKDAYS[m[5]], -1 if m[4] else 1 if m[3] else cn_number(m[2]))),
    _rule(r"(下下|下|今|呢|這|本)個?月中|mid[- ]next[- ]month", lambda m, t: date(*_month_of(m[1] or "下", t), 15)),
    _rule(r"(?<![上下個个今呢這本])月中|mid[- ]month", lambda m, t: day_of_month(t, 15)),
    _rule(r"(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})[日號号]?",
          lambda m, t: date(int(m[1]), int(m[2]), int(m[3]))),
    _rule(rf"({CN_NUM})\s*月\s*({CN_NUM})\s*[號号日]", lambda m, t: _month_day(t, cn_number(m[1]), cn_number(m[2]))),
    # "March 12", "12th March", "the 12th of March", "Mar. 12th"
    _rule(rf"{L}(?:(?:by|on|before|until)\s+)?(?P<month>{EN_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?![A-Za-z])(?!\s*(?:點|点|時|時|am|pm|o'clock))(?:\s*[號号日])?"
          rf"|{L}(?:(?:by|on|before|until)\s+)?(?<![\d:])(?:the\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{EN_MONTH})\.?{R}",
          lambda m, t: _month_day(t, _EN_MONTHS[(m["month"] or m["month2"]).lower()], int(m["day"] or m["day2"]))),
    # "by the 19th", "on the 3rd": that day of this month, or of next month when it has passed; not
    # "the 2nd floor", "1st draft" (an ordinal before a noun)
    _rule(r"(?<![A-Za-z])(?:(?:by|before|until)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?![A-Za-z])"
          r"|(?:on\s+)?(?<![\d:])(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)"
          rf"(?![A-Za-z])(?!\s+(?!{EN_AFTER_DAY}{R})[A-Za-z]))", lambda m, t: _said_day_of_month(t, int(m[1] or m[2]))),
    _rule(rf"(下下|下|今|呢|這|本)個?月\s*({CN_NUM})\s*[號号日]",
          lambda m, t: date(*_month_of(m[1], t), cn_number(m[2]))),  # 下個月二十號
    # day/month, as Hong Kong writes dates (12/3 is 12 March)
    _rule(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])", lambda m, t: _month_day(t, int(m[2]), int(m[1]))),
    # 「下個月之前」, 「下個禮拜前」, "before next week": by the end of the period before it begins (a week's last working day)
    _rule(r"(下下|下)個?月\s*(?:之前|以前|前)|before (next next|next) month",
          lambda m, t: end_of_month(*add_months(t, _weeks_ahead(m[1] or m[2]) - 1))),
    _rule(rf"(下下個?|下個?)\s*{WEEK}\s*(?:之前|以前|前)|before (next next|next) week",
          lambda m, t: max(t, working_days.previous_working_day(week_day(t, _weeks_ahead(m[1] or m[2]) - 1, 5)))),
    _rule(r"(下下|下|今|呢|這|本)個?月(?:尾|底|末)", lambda m, t: end_of_month(*add_months(t, _weeks_ahead(m[1])))),
    _rule(r"(今|呢|這|本)個?月\s*(?:之內|以內|內)|within (?:this|the) month", lambda m, t: end_of_month(t.year, t.month)),  # 「今個月內」
    # 「一月尾」, 「九月中」, 「三月頭」: that month's, the next one to come
    _rule(rf"(?<![\d個个])({CN_NUM})月\s*(尾|底|末|中|初|頭)", lambda m, t: _in_month(t, cn_number(m[1]), m[2])),
    # 「十二月前」: by the end of the month before it
    _rule(rf"(?<![\d個个])({CN_NUM})月\s*(?=之前|以前|前)", lambda m, t: _in_month(t, cn_number(m[1]), "初") - timedelta(days=1)
          if 1 <= cn_number(m[1]) <= 12 else None),
    _rule(rf"(?<![上下個个])月(?:尾|底)|end of (?:the |this )?month|{L}EOM{R}", lambda m, t: end_of_month(t.year, t.month)),
    _rule(r"end of next month", lambda m, t: end_of_month(*add_months(t, 1))),
    _rule(r"下個?月(?:初|頭)|early next month|beginning of next month", lambda m, t: date(*add_months(t, 1), 1)),
    _rule(rf"(下下個?|下個?|next next|next)\s*{WEEK}\s*頭|early next week",  # 「下個禮拜頭」: that Monday
          lambda m, t: week_day(t, _weeks_ahead(m[1] or "next"), 0)),
    _rule(r"下個?月(?![\d一二三四五六七八九十])|next month", lambda m, t: end_of_month(*add_months(t, 1))),
    # 「Q2 之前」: before Q2 begins, the end of Q1; 「Q2 完之前」, 「Q2 尾」: by Q2's end
    _rule(rf"(?:{L}Q([1-4]){R}|第([一二三四])季)\s*(?:之前|以前|前)|before Q([1-4]){R}",
          lambda m, t: _before_quarter(t, int(m[1] or m[3]) if (m[1] or m[3]) else cn_number(m[2]))),
    _rule(rf"{L}Q([1-4]){R}\s*(?:完|尾|底|end)?|end of Q([1-4])|第([一二三四])季",
          lambda m, t: _quarter_end(t, int(m[1] or m[2]) if (m[1] or m[2]) else cn_number(m[3]))),
    # 「下個季尾」, 「下季度尾」: the end of the quarter after this one
    _rule(r"(下下|下)\s*個?\s*季度?\s*(?:尾|底|末|完)|end of (next next|next) quarter",
          lambda m, t: end_of_month(*add_months(date(t.year, (t.month - 1) // 3 * 3 + 3, 1), 3 * _weeks_ahead(m[1] or m[2])))),
    _rule(r"季尾|季底|end of (?:the |this )?quarter", lambda m, t: _quarter_end(t, (t.month - 1) // 3 + 1)),
    _rule(r"年尾|年底|年終|end of (?:the |this )?year", lambda m, t: date(t.year, 12, 31)),
    _rule(rf"(下下個?|下個?|今個|呢個|這個|本|next next|next|this)\s*{WEEK}\s*([一二三四五六日天末])",
          lambda m, t: week_day(t, _weeks_ahead(m[1]), _WEEKDAYS[m[2]])),
    _rule(rf"{L}(next next|next|this|coming)\s+({EN_DAY}){R}",
          lambda m, t: week_day(t, _weeks_ahead(m[1]), _EN_WEEKDAYS[m[2].lower()])
          if m[1].lower() != "coming" else next_weekday(t, _EN_WEEKDAYS[m[2].lower()])),
    _rule(rf"(?:(?:嚟緊|來緊)\s*|(?<!上)(?<!上個)(?<!上一個)){WEEK}([一二三四五六日天末])", lambda m, t: next_weekday(t, _WEEKDAYS[m[1]])),
    _rule(rf"(?<!last )(?<![個部張塊隻])(?<![個部張塊隻] ){L}(?:by |on |before |until )?({EN_DAY}){R}",  # 「個 mon」: a monitor
          lambda m, t: next_weekday(t, _EN_WEEKDAYS[m[1].lower()])),
    _rule(rf"(下下個?|下個?|next next|next)\s*(?:{WEEK}|week)|end of next week",
          lambda m, t: week_day(t, _weeks_ahead(m[1] or "next"), 4)),
    _rule(rf"(?:今個|呢個|這個|本)\s*{WEEK}|this week|end of (?:the )?week",
          lambda m, t: week_day(t, 0, 4)),
    _rule(rf"({CN_NUM})\s*(?:日|天)\s*(?:之內|內|以內)|within (\d+) (?:calendar )?days?",
          lambda m, t: t + timedelta(days=cn_number(m[1] or m[2]))),
    # 「呢兩日」, 「呢一兩日」: within the next couple of days; 「呢兩三日」: three
    _rule(r"(?:呢|這)\s*(?:一)?\s*兩\s*(三)?\s*(?:日|天)(?!\s*(?:前|之前|以前|要|好|都|成日|會|冇|唔|有|先|太|比較|啲|係|喺))",
          lambda m, t: t + timedelta(days=3 if m[1] else 2)),  # not how those days are (「我呢兩日要去培訓」)
    # 「半個鐘內」, 「一個鐘頭之內」: within the hour, today
    _rule(rf"(?:半|{CN_NUM})\s*個\s*(?:鐘|鐘頭|小時)\s*(?:之內|內|以內)|within (?:an|\d+) hours?", lambda m, t: t),
    _rule(rf"({CN_NUM})\s*個?\s*(?:{WEEK}|weeks?)\s*(?:之內|內|以內)|within (\d+) weeks?",
          lambda m, t: t + timedelta(weeks=cn_number(m[1] or m[2]))),
    _rule(rf"({CN_NUM})\s*個\s*月\s*(?:之內|內|以內)|within (\d+) months?",
          lambda m, t: _months_on(t, cn_number(m[1] or m[2]))),
    _rule(r"大後日|大後天", lambda m, t: t + timedelta(days=3)),
    _rule(r"[後后]日|[後后]天|day after tomorrow", lambda m, t: t + timedelta(days=2)),  # 后: left so by mixed-script ASR
    _rule(rf"(?:聽日|明天|明日|tomorrow|{L}tmr{R})\s*(?:{L}EOD{R}|end of (?:the )?day|收工前|放工前)|"
          rf"{L}EOD{R}\s*(?:tomorrow|{L}tmr{R})", lambda m, t: t + timedelta(days=1)),
    _rule(rf"聽日|聽朝|聽晚|明天|明日|明早|明晚|明朝|tomorrow|{L}tmr{R}", lambda m, t: t + timedelta(days=1)),
    _rule(rf"今日|今天|今晚|今朝|今早|today|tonight|{L}EOD{R}|end of (?:the )?day|收工前|放工前|(?<![遲嗰隔咗過等])一陣(?:間)?(?![陣子])|(?<![遲嗰隔咗過等一])陣間|(?<!後)(?<!後 )(?<!就)(?<!就 )(?<!到)(?<!到 )(?<!完)(?<!完 )即日|即刻|馬上|立即|而家(?=\s*(?:就|即刻|馬上|去))|開完(?:呢個)?會\s*(?:之後|以後|後)?\s*(?=即刻|馬上|立即)",
          lambda m, t: t),  # 「開完會即刻貼」: right after this meeting, today; 「一陣間」: in a moment  # 「我而家就 WhatsApp 佢」: now; 「而家得八個人」 is how things stand; 「收到 PO 之後即日」, 「簽完即日」: that day, not today
    _rule(r"(?:(?<=[你我佢哋])|(?<=[你我佢哋]\s))(?:下晝|晏晝)(?!\s*(?:嘅|通常|一般))", lambda m, t: t),  # 「你下晝覆客」: this afternoon
    # not the tail of a date that does not exist (「二月三十號」 is no 十號)
    _rule(rf"(?<![月\d０-９零〇一二兩三四五六七八九十廿卅])(?<![月\d第]\s)(?<!第)({CN_NUM})\s*[號号](?!\s*[碼码風风波球])(?!\s*[\u3400-\u9fff]{{1,2}}(?:機|櫃|爐|閘))(?!\s*(?:(?![係即就是])[\u3400-\u9fff]){{1,4}}?\s*(?:聽日|聽朝|聽晚|今日|今晚|今朝|後日|禮拜|星期|下個|今個))(?!\s*(?:颱風|颱風信號|信號|戒備|巴士|線|會議室|房|枱|檯|櫃位|閘|碼頭|月台|機|倉|貨倉|樓|舖|鋪|車|位|台|爐|窗|凍房|雪房|雪櫃|凍櫃|跑步機|貨車|單車|場(?![刊地次館])|閘口|出口|入口|檔(?![期案])|櫃|床|病床|課室|班房|電梯|升降機|lift))",
          lambda m, t: _said_day_of_month(t, cn_number(m[1]))),  # 「八號波」 is a typhoon signal, 「三號房」, 「一號倉」 a place, 「三號吊機」 a machine, 「三號冷氣聽日…」 one too (its day is said after it)
)


# 「下個禮拜你約陳生。」 「好，我禮拜二約佢。」: the reply's bare weekday is in the week asked about
WEEK_ASKED = re.compile(rf"(下下個?|下個?)\s*{WEEK}(?!\s*(?:[一二三四五六日天末頭]|之前|以前|前))")
REPLY_WEEKDAY = re.compile(rf"(?<![下今呢這本上個來嚟])(?<!上一個)(?={WEEK}[一二三四五六日天])")


def in_week_asked(asked: str, reply: str) -> str:
    """reply with each bare weekday (「禮拜二」) read in the week the turn before it asked about, when that
    turn names one week without a day in a clause asking the listener (你, a question, no 我); else reply
    unchanged (「石屎延到下個禮拜。」 or 「我下個禮拜放假，…？」, then 「…禮拜四前搞掂。」: this Thursday)."""
    weeks = {re.sub(r"\s", "", m[1]).rstrip("個") for clause in re.findall(r"[^，,。！!；;]+[？?]?", asked)
             if re.search(r"你(?!哋)|[？?]$", clause) and not re.search(r"我", clause) for m in WEEK_ASKED.finditer(clause)}
    if len(weeks) != 1 or not REPLY_WEEKDAY.search(reply):
        return reply
    return REPLY_WEEKDAY.sub(f"{weeks.pop()}個", reply)


@dataclass(frozen=True)
class TimePhrase:
    start: int
    end: int
    text: str
    day: date
    doubtful: bool = False  # what was said disagrees with itself (「三十一號禮拜三」 on a Sunday): to be checked


def find_time_phrases(text: str, today: date) -> list[TimePhrase]:
    """Every time phrase in text, left to right; overlaps keep the longest."""
    return list(_time_phrases(text, today))


# 「check下下個禮拜…」: 下 after a verb is its aspect (check a bit), then 「下個禮拜」, not the week after next
ASPECT_THEN_NEXT = re.compile(r"(?:(?<![A-Za-z])(?!(?:sir|madam|miss|mrs|mr|ms)(?![a-z]))[a-z]+\s*|[睇問查搵傾諗試講整做執改跟])下"
                              r"(?=下\s*個?\s*(?:禮拜|星期|週|周|月))")  # 「杜sir 下下個禮拜一」: a title, not a verb


@lru_cache(maxsize=16384)  # every stage reads the same clauses again
def _time_phrases(text: str, today: date) -> tuple[TimePhrase, ...]:
    text = ASPECT_THEN_NEXT.sub(lambda m: f"{m[0][:-1]} ", text)  # same length: the phrases' places stay those of the text given
    found: list[TimePhrase] = []
    impossible: list[tuple[int, int]] = []  # 「四月三十一號」, "April 31st": no day, and no shorter reading of it either
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            year = _year_said(text, m)
            try:
                day = rule.resolve(m, date(today.year + (2 if YEAR_AFTER.search(year) else 1), 1, 1) if year else today)
            except (ValueError, KeyError):
                impossible.append(m.span())
                day = None
            if day is not None:  # 「出年三月前」: the year said is part of the phrase
                start = m.start() - len(year)
                found.append(TimePhrase(start, m.end(), text[start:m.end()], day, _festival_just_gone(rule, m, today)))
    found = [p for p in found if not any(start < p.end and p.start < end and end - start > p.end - p.start
                                         for start, end in impossible)]  # "by April" of "by April 31st"
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[TimePhrase] = []
    for phrase in found:
        if not kept or phrase.start >= kept[-1].end:
            kept.append(phrase)
    joined: list[TimePhrase] = []
    for phrase in kept:  # 「禮拜二收工前」: the end of Tuesday's work, not today's
        after = joined[-1] if joined else None
        if after and (END_OF_DAY.fullmatch(phrase.text) and not text[after.end:phrase.start].strip()
                      or DATED.search(after.text) and BARE_WEEKDAY.fullmatch(phrase.text)
                      and re.fullmatch(r"[\s（(]*", text[after.end:phrase.start])):
            # 「二十號禮拜五」, 「3月20號（星期五）」: the weekday names the date's day, not this week's
            end = phrase.end + (text[phrase.end:phrase.end + 1] in "）)" and bool(re.search(r"[（(]", text[after.end:phrase.start])))
            clash = bool(BARE_WEEKDAY.fullmatch(phrase.text)) and after.day != GONE and after.day.weekday() != phrase.day.weekday()
            joined[-1] = TimePhrase(after.start, end, text[after.start:end], after.day, clash)
        else:
            joined.append(phrase)
    return tuple(p for p in joined if p.day != GONE)


YEAR_AFTER = re.compile(r"後年|the year after next", re.IGNORECASE)
NEXT_YEAR = re.compile(r"(?:(?:出|明|下|後)年|next year|the year after next)\s*[，,]?\s*(?:嘅|的|'s)?\s*$", re.IGNORECASE)


def _year_said(text: str, m: re.Match[str]) -> str:
    """出年/明年/下年 (or 後年, the year after) said right before a time phrase (「出年三月前」, 「明年年尾」,
    「下年尾」, 「出年，三月前」 as ASR pauses it: the phrase is read from 1 January of that year), else ""."""
    before = text[max(0, m.start() - 16):m.start()]  # the words right before: a turn of thousands of phrases is read once
    said = NEXT_YEAR.search(before)
    if said:
        return said.group(0)
    return before[-1] if m[0].startswith("年") and before.endswith(("出", "明", "下")) else ""


JUST_GONE = 30  # days after a festival in which 「…前」 naming it is more likely a slip than next year's


def _festival_just_gone(rule: Rule, m: re.Match[str], today: date) -> bool:
    """Whether 「冬至前」, 「聖誕前」 is said within JUST_GONE days after that festival (「中秋後三日」 once
    those days are over too): read as next year's, and to be checked."""
    if rule.resolve not in (_before_festival, _festival_then):
        return False
    span = _span(m) if rule.resolve is _festival_then else timedelta(0)
    last = working_days.festival(m["fest"], today - timedelta(days=JUST_GONE))
    return last is not None and last + span < today


def says_impossible_date(text: str, today: date) -> bool:
    """Whether text names a day no calendar has (「二月三十號」, 「31/4」, 「2月29號」 in a common
    year): no deadline comes of it, and the item is to be checked."""
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            try:
                rule.resolve(m, today)
            except ValueError:
                return True
            except KeyError:  # 「兩三日內」: a range, no number to read, not an impossible day
                continue
    return False


DATED = re.compile(r"(?:[號号]|(?<=[\d一二三四五六七八九十廿卅])日)$|\d{1,2}/\d{1,2}$")
BARE_WEEKDAY = re.compile(rf"{WEEK}[一二三四五六日天]")
END_OF_DAY = re.compile(rf"{L}EOD{R}|end of (?:the )?day|收工前|放工前", re.IGNORECASE)
