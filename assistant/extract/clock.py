"""The time of day and the time zone of a spoken deadline: 「今晚八點前」, 「聽朝九點半」,
「星期五五點前」, 「三點三個字」, "5pm", "15:30", "London time Friday 5pm", 「新加坡時間」.

Hours without a part of the day are read as office hours: 1–6 are afternoon (五點前 = 17:00),
7–11 morning, 12 noon. 「凌晨兩點」 is 02:00 (with no day said, of the night to come: the next day);
「今晚十二點」 is midnight, written 23:59 of that day; 「今晚一點」 to 「今晚四點」 are after midnight, on the next day.
「N個字」 and 「三點三」 are N × 5 minutes. Zones are IANA names from spoken place words
or abbreviations; a zone applies only when it is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from zoneinfo import available_timezones

from assistant.extract.dates import cn_number

MORNING = r"凌晨|半夜|朝早|朝頭早|早上|上晝|上午|朝|早|am|a\.m\."
NOON = r"中午|晏晝|noon"
AFTERNOON = r"下晝|下午|晏啲|pm|p\.m\."
EVENING = r"夜晚|晚上|夜|晚|傍晚|今晚|聽晚|tonight"
LATE_NIGHT = 4  # 「今晚一點」 to 「今晚四點」 are after midnight
# a part of the day said after a day (「聽日下晝」, 「禮拜一夜晚」): no time of day of its own
PART_OF_DAY_WORDS = r"下晝|下午|晏晝|晏啲|朝早|上晝|早上|夜晚|晚上|中午"
_PERIOD = rf"(?P<period>{MORNING}|{NOON}|{AFTERNOON}|{EVENING})"
_HOUR = r"(?<!點)(?<![十廿])(?P<hour>[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九兩])"  # 「點一點存貨」 counts, at no o'clock
_MINUTE = (r"(?:(?P<half>半)|(?P<quarters>[一二三四五六七八九十兩]{1,2})個字|[:：](?P<mm>\d{2})|(?P<cnmin>[0-9一二三四五六七八九十]{1,3})分"
           r"|(?P<tens>[二三四五]十[一二三四五六七八九]?|十[二三四五六七八九])(?![個字分號号日月點])"  # 「三點三十」 = 3:30
           r"|(?P<bare>十一|[一二三四五六七八九十])(?![一二三四五六七八九十個字分號号日月點]))?")  # 「三點三」 = 3:15

CLOCK = re.compile(
    rf"(?P<en_hour>\d{{1,2}})(?::(?P<en_min>\d{{2}}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)(?![a-z])"
    rf"|(?:{_PERIOD}\s*)?(?<!第){_HOUR}\s*(?:點|点|時(?!間|候|期|段)|(?=[:：]\d\d))\s*{_MINUTE}(?:鐘|钟)?"  # not 「第一時間」
    rf"|(?<![\d:])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    rf"|(?P<noon>中午|noon)(?!\s*[0-9一二三四五六七八九十兩])",
    re.IGNORECASE,
)

# Spoken place words and abbreviations → IANA zones (general knowledge of where Hong Kong teams work).
ZONES: tuple[tuple[str, str], ...] = (
    (r"london|uk|britain|倫敦|英國|bst|gmt", "Europe/London"),
    (r"dublin|ireland|都柏林|愛爾蘭", "Europe/Dublin"),  # before Berlin: 都柏林 holds 柏林
    (r"singapore|\bsg\b|新加坡|星加坡|sgt", "Asia/Singapore"),
    (r"kuala lumpur|\bkl\b|吉隆坡|馬來西亞|malaysia", "Asia/Kuala_Lumpur"),
    (r"tokyo|japan|東京|日本|jst", "Asia/Tokyo"),
    (r"seoul|korea|首爾|韓國|kst", "Asia/Seoul"),
    (r"taipei|taiwan|台北|台灣", "Asia/Taipei"),
    (r"beijing|shanghai|shenzhen|china|北京|上海|深圳|內地|大陸", "Asia/Shanghai"),
    (r"bangkok|thailand|曼谷|泰國", "Asia/Bangkok"),
    (r"sydney|melbourne|悉尼|雪梨|墨爾本|澳洲|aest|aedt", "Australia/Sydney"),
    (r"dubai|杜拜|迪拜", "Asia/Dubai"),
    (r"paris|berlin|frankfurt|amsterdam|netherlands|holland|germany|france|巴黎|柏林|法蘭克福|阿姆斯特丹|荷蘭|德國|法國|歐洲|cet|cest",
     "Europe/Paris"),
    (r"india|mumbai|bangalore|delhi|印度|孟買|班加羅爾|新德里", "Asia/Kolkata"),
    (r"manila|philippines|馬尼拉|菲律賓", "Asia/Manila"),
    (r"jakarta|indonesia|雅加達|印尼", "Asia/Jakarta"),
    (r"vietnam|hanoi|ho chi minh|越南|河內|胡志明", "Asia/Ho_Chi_Minh"),
    (r"chicago|芝加哥", "America/Chicago"),  # not "CST": China Standard Time to many here
    (r"new york|\bny\b|nyc|east coast|紐約|美東|東岸|est|edt", "America/New_York"),
    (r"los angeles|\bla\b|san francisco|\bsf\b|west coast|pacific|三藩市|洛杉磯|美西|西岸|pst|pdt", "America/Los_Angeles"),
    (r"toronto|多倫多", "America/Toronto"),
    (r"vancouver|溫哥華", "America/Vancouver"),
    (r"hong kong|\bhk\b|香港|hkt", "Asia/Hong_Kong"),
)
ZONE_WORD = re.compile(
    r"(?P<place>[A-Za-z][A-Za-z ]{1,20}?|[\u3400-\u9fff]{2,5}?)\s*(?:time|時間|時區)"
    r"|(?P<side>[A-Za-z][A-Za-z ]{1,20}?|[\u3400-\u9fff]{2,5}?)\s*(?:嗰邊|那邊)(?=\s*[^，,。\s])"  # 「London 嗰邊禮拜五九點前」
    r"|(?<![A-Za-z])(?P<abbr>HKT|SGT|JST|KST|BST|GMT|CET|CEST|AEST|AEDT|PST|PDT|EST|EDT)(?![A-Za-z])",
    re.IGNORECASE,
)

# 「悉尼朝早十點前」, "London 5pm": a place of the table said right before a time of day
PLACE_BEFORE_TIME = re.compile(
    r"(?P<before>" + "|".join(rf"(?<![A-Za-z])(?:{words})(?![A-Za-z])" for words, _ in ZONES) + r")\s*(?=(?:今晚|今朝|聽日|聽朝|聽晚|後日|禮拜[一二三四五六日天]|星期[一二三四五六日天])?\s*"
    r"(?:朝早|早上|上晝|下晝|下午|晏晝|夜晚|晚上|凌晨|\d{1,2}\s*(?::\d\d)?\s*(?:am|pm|點)|[一二三四五六七八九十兩]{1,3}\s*點))",
    re.IGNORECASE,
)
ANY_PLACE = re.compile("|".join(words for words, _ in ZONES), re.IGNORECASE)  # a cheap first look before the one above


@dataclass(frozen=True)
class Clock:
    start: int
    end: int
    at: time
    after_midnight: bool = False  # 「今晚一點」: one in the night, on the next day
    small_hours: bool = False  # 「凌晨兩點」: with no day said, the coming night's, on the next day


def _hour(text: str) -> int:
    return cn_number(text)


def _read(m: re.Match[str]) -> time | None:
    if m["noon"]:
        return time(12, 0)
    if m["h24"]:
        return time(int(m["h24"]), int(m["m24"]))
    if m["en_hour"]:
        hour, minute = int(m["en_hour"]), int(m["en_min"] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        pm = m["ampm"].lower().startswith("p")
        return time(hour % 12 + (12 if pm else 0), minute)
    hour = _hour(m["hour"])
    if m["half"]:
        minute = 30
    elif m["quarters"] or m["bare"]:
        minute = 5 * cn_number(m["quarters"] or m["bare"])
    elif m["mm"]:
        minute = int(m["mm"])
    elif m["cnmin"] or m["tens"]:
        minute = cn_number(m["cnmin"] or m["tens"])
    else:
        minute = 0
    if hour > 23 or minute > 59:
        return None
    period = (m["period"] or "").lower()
    if re.fullmatch(MORNING, period, re.IGNORECASE):
        hour = hour if hour == 12 and not re.fullmatch(r"凌晨|半夜", period) else hour % 12  # 聽朝十二點 is noon
    elif re.fullmatch(NOON, period, re.IGNORECASE):
        hour = hour if hour >= 11 else hour + 12
    elif re.fullmatch(rf"{EVENING}", period, re.IGNORECASE) and hour == 12:
        return time(23, 59)  # 「今晚十二點前」: by midnight, the end of that day
    elif re.fullmatch(rf"{EVENING}", period, re.IGNORECASE) and 1 <= hour <= LATE_NIGHT:
        return time(hour, minute)  # 「今晚一點」: after midnight
    elif re.fullmatch(rf"{AFTERNOON}|{EVENING}", period, re.IGNORECASE):
        hour = hour + 12 if hour < 12 else hour
    elif 1 <= hour <= 6:  # office hours: 五點前 is five in the afternoon
        hour += 12
    return time(hour % 24, minute)


UNTIL = re.compile(r"(?:開|營業|做|留|等|延長?|extend|open|stay)\s*(?:埋)?\s*(?:到|至|till|until)\s*$", re.IGNORECASE)


# 「二十五點」, 「十點六十分」, 「25:00」: a time of day no clock shows
IMPOSSIBLE_CLOCK = re.compile(r"(?<![一二兩三四五六七八九十\d])(?:二十[五六七八九]|廿[五六七八九]|[三四五六七八九]十[一二三四五六七八九]?|2[5-9]|[3-9]\d)\s*[點点]"
                              r"|[點点]\s*(?:[六七八九]十[一二三四五六七八九]?|[6-9]\d)\s*分|(?<!\d)(?:2[4-9]|[3-9]\d):\d\d|(?<!\d)\d{1,2}:[6-9]\d")


def says_impossible_clock(text: str) -> bool:
    """Whether text names a time of day no clock shows (「聽日二十五點前」, 「十點六十分」, 「25:00」): none is read
    from it, and the item is to be checked."""
    return bool(IMPOSSIBLE_CLOCK.search(text))


def find_clocks(text: str) -> list[Clock]:
    """Every time of day in text, left to right."""
    out = []
    for m in CLOCK.finditer(text):
        if UNTIL.search(text[max(0, m.start() - 12):m.start()]):
            continue  # 「禮拜二夜晚開到九點」: how long something lasts, no time anything is due
        try:
            at = _read(m)
        except (KeyError, ValueError):
            at = None
        if at is not None:
            period = (m["period"] or "").lower()
            tonight = re.search(r"(?:今晚|今夜|tonight)\s*$", text[max(0, m.start() - 6):m.start()], re.IGNORECASE)
            late = at.hour < 12 and bool(re.fullmatch(EVENING, period, re.IGNORECASE)
                                         or tonight and (re.fullmatch(r"凌晨|半夜|am|a\.m\.", period, re.IGNORECASE)
                                                         or at.hour <= LATE_NIGHT))
            small = at.hour <= LATE_NIGHT and bool(re.fullmatch(r"凌晨|半夜", period))
            out.append(Clock(m.start(), m.end(), at, late, small))  # 「今晚凌晨一點」, "tonight 1am": the next day
    return out


def find_zone(text: str) -> str | None:
    """The IANA zone a text names for its times ("SG time", 「倫敦時間」, "5pm BST"), or None."""
    found = _zone_words(text)
    return found[0][2] if found else None


# 「喺我呢邊聽日夜晚十點前」, "by 5pm my time": the clock of where the speaker is
# …and 「我米蘭時間」: a place the table below does not know, said as the speaker's own
SPEAKERS_SIDE = re.compile(r"(?:喺|在)?我(?:哋)?(?:(?:呢|這|嗰|那)邊(?:\s*(?:時間|time(?![A-Za-z])))?|\s*(?:[A-Za-z]{3,}|[\u3400-\u9fff]{2,4})\s*(?:時間|time(?![A-Za-z])))"
                           r"|(?<![A-Za-z])(?:in )?(?:my|our) (?:time|side)(?![A-Za-z])", re.IGNORECASE)


# 「Tom，你嗰邊禮拜五朝早九點前…」: the clock of where the one spoken to is
LISTENERS_SIDE = re.compile(r"(?P<at>喺|在)?你(?:哋)?(?P<side>(?:嗰|那)邊(?:\s*(?:時間|time(?![A-Za-z])))?|\s*(?:[A-Za-z]{3,}|[\u3400-\u9fff]{2,4})\s*(?:時間|time(?![A-Za-z])))"
                            r"|(?<![A-Za-z])(?:in )?your (?:time|side)(?![A-Za-z])", re.IGNORECASE)


def zone_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each zone said in text, from the place word to 「時間」/"time" ("Singapore
    time", 「倫敦時間」, "BST", 「我呢邊」), for dropping it from a task's words."""
    return sorted([(start, end) for start, end, _ in _zone_words(text)]
                  + [(m.start(), m.end()) for m in SPEAKERS_SIDE.finditer(text)]
                  + [span for m in LISTENERS_SIDE.finditer(text) for span in _listeners_side(m)])


def _listeners_side(m: re.Match[str]) -> list[tuple[int, int]]:
    """The words of 「(喺)你嗰邊」 that say where, without 你: who it is said to stays in the text."""
    if not m["side"]:
        return [m.span()]  # "your time"
    return [m.span("at")] * bool(m["at"]) + [(m.start("side"), m.end())]


@lru_cache(maxsize=1)
def _tz_cities() -> dict[str, str]:
    """City names of the IANA time zone database ("budapest" → "Europe/Budapest"), for a place the table
    above does not list."""
    return {key.rsplit("/", 1)[-1].replace("_", " ").lower(): key for key in available_timezones() if "/" in key}


PLACES = tuple((re.compile(rf"(?<![A-Za-z])(?:{words})(?![A-Za-z])", re.IGNORECASE), zone) for words, zone in ZONES)


def _place_before_time(text: str, at: int, place: str, after: str) -> bool:
    """Whether a place said right before a time of day names the clock (「悉尼朝早十點」, "London 5pm"): the place
    ends right at the time (not 「倫敦酒樓三點」, 「日本城」, "Pacific Place"), is not the object of a verb
    (「打俾東京三點前」) and, in Latin letters, is a whole name of four letters or more (not the particle "la")."""
    if after.strip():
        return False
    if place.isascii():
        return len(place) >= 4
    return at == 0 or bool(re.match(r"[\s，,。：:]|[日一二三四五六天晚朝]", text[at - 1]))


@lru_cache(maxsize=4096)  # the deadline readers ask again for the same clauses
def _zone_words(text: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    found = list(ZONE_WORD.finditer(text)) + (list(PLACE_BEFORE_TIME.finditer(text)) if ANY_PLACE.search(text) else [])
    for m in found:
        before = m.re is PLACE_BEFORE_TIME
        spoken = m["before"] if before else m["place"] or m["side"] or m["abbr"]
        at = m.start("before") if before else m.start("place") if m["place"] else m.start("side") if m["side"] else m.start()
        for words, zone in PLACES:  # whole words only: "est" is not in "Manchester", "uk" not in "Phuket"
            place = words.search(spoken)
            if place and before and not _place_before_time(text, m.start("before") + place.start(), place.group(0), spoken[place.end():]):
                break
            if place:
                out.append((at + place.start() if before or m["place"] or m["side"] else at, m.end(), zone))
                break
        else:
            city = re.search(r"[A-Za-z][A-Za-z ]*[A-Za-z]", spoken)
            zone = _tz_cities().get(city.group(0).lower()) if city else None
            if zone and not before and (m["place"] or m["side"]):  # "Budapest time"
                out.append((at + city.start(), m.end(), zone))
    return tuple(out)
