"""The deadline of an action item: which time phrase is the due time, with its time of day and zone.

A clause can hold several dates: 「展覽係六月三號，你五個工作天內要 send 份 floor plan」 or
「冷氣判頭 8月12號開工」. A phrase marked as a limit (之前, 前, 內, by, before, until) wins; a
phrase marked as an event (入場, 開始, 舉行, 係…號 as a subject's date) is never the deadline;
otherwise the first phrase is. A time of day next to the chosen phrase (「聽朝九點半」,
"Friday 5pm") or marked as a limit on its own (「五點前」, the meeting day) makes the deadline
a date-time; a spoken zone ("SG time", 「倫敦時間」) converts it to the meeting's zone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from assistant.extract.clock import PART_OF_DAY_WORDS, Clock, find_clocks, find_zone, zone_spans
from assistant.extract.dates import END_OF_DAY, TimePhrase, find_time_phrases

LIMIT_AFTER = re.compile(r"^\s*(?:或)?(?:(?:收工|放工|落班|收舖|收鋪|閂門)\s*)?(?:之前|以前|前|之內|以內|內|為止|截止|搞掂|完成|交|deadline)",
                         re.IGNORECASE)  # 「今日收工之前」: by the end of that day's work
LIMIT_BEFORE = re.compile(r"(?:by|before|until|due|限|截止|deadline|最遲|最晚|喺)\s*$", re.IGNORECASE)
# 「我最遲要 London time 三月三十號…」: at the latest, a modal and the zone between
LATEST_BEFORE = re.compile(r"(?:最遲|最晚|at the latest)\s*(?:要|會|都|就)*\s*(?:(?:[A-Za-z]+\s*time|[\u3400-\u9fff]{2,3}時間)\s*)?$", re.IGNORECASE)
# 「禮拜五之後先交」: after that day, not by it (「中秋節之後第一個工作天」 is one phrase in dates.py)
AFTER_AFTER = re.compile(r"^\s*(?:之後|以後|後(?![日天])|after)", re.IGNORECASE)
REJECTED_AFTER = re.compile(r"^\s*(?:就)?(?:唔得|唔可以|唔掂|趕唔切|做唔切|冇可能|not possible)", re.IGNORECASE)
AGREED_AFTER = re.compile(r"^\s*(?:先|就)?(?:得|可以|OK|ok|搞得掂|做得切|趕得切)(?![唔])")
# 「八月十五號嗰個活動」: the day tells which one
WHICH_ONE = r"(?:嗰\s*(?:個|場|次|單|批|班|份|張|件|位|期|輪|團|架|堂|隊)|(?:個|場)(?=\s*[\u3400-\u9fffA-Za-z]))"  # 「十八號個晚宴」 too
EVENT_AFTER = re.compile(r"^\s*(?:開始|起(?![碼身貨價飛動床])|入場|舉行|開會|覆會|散會|講到呢度|開幕|開業|出發|上線|停電|開庭|聆訊|見面|放假|嗰陣|到時|嗰日|嗰晚|"
                         r"當日|就到|會嚟|嚟|launch|event|go live|"
                         rf"{WHICH_ONE}\s*[\u3400-\u9fff]{{1,3}}日(?![子期])|"  # 「嗰個推廣日」, 「嗰個家長日」: a day's event
                         rf"(?:{WHICH_ONE}\s*)?(?:開放日|活動|晚會|晚宴|典禮|畢業禮|講座|研討會|工作坊|展覽|嘉年華|比賽|演出|"
                         r"(?:公司|員工|部門|團隊|週年|周年)?(?:旅行|宿營|聚餐|團年飯|春茗|燒烤)|(?:先|會|就)?\s*(?:暫停|停止)\s*(?:營業|開診|服務|開放)|停業|休業|"
                         r"(?:[A-Za-z]+\s+)?(?:seminar|workshop|dinner|party|gala|conference|expo|fair|concert|show)(?![A-Za-z]))"
                         r"(?!\s*(?:之前|以前|前|之內|內))|"
                         r"[係系是](?=\s*(?:禮拜|星期|週|周|假|公眾假期|週末|weekend|holiday)))", re.IGNORECASE)  # 「后日係禮拜六」
# the work shown or used at a gathering (「…開會嗰陣 present 畀大家睇」): due by then
USED_AT_EVENT = re.compile(r"\s*(?:嗰陣|嘅時候|時)?\s*(?:你|佢|我)?\s*(?:要)?\s*(?:present|presentation|demo|show|報告|匯報|用|派|帶去|拎去|交)", re.IGNORECASE)
GATHERING = re.compile(r"開會|覆會|見面|活動|晚宴|晚會|講座|研討會|工作坊|展覽|典禮|開幕|seminar|workshop|conference|event", re.IGNORECASE)
# the day's circumstances, said as background to a request
STATE_AFTER = re.compile(r"[^，,。]{0,6}?(?:好忙|勁忙|太忙|唔得閒|冇時間|冇人手|好多嘢做|(?:會)?落(?:大|好大)?雨|打風|掛(?:八號)?風球|塞車|"
                         r"唔喺度|唔喺公司|(?:係)?(?:公眾)?假期|放(?:咗)?(?:大|年|病)?假|請(?:咗)?(?:大|年|事|病)?假|休假|休息|sick leave|on leave|出差|公幹|(?:返|去|飛)(?:咗)?(?:大陸|內地|深圳|上海|北京|鄉下|外國|英國|美國|台灣|日本|新加坡))"
                         r"\s*(?:喎|呀|啊|㗎|啦|喇)?\s*(?=[，,。！!]|$)")
THEY_BEFORE = re.compile(r"(?:佢|佢哋|他們|(?<![A-Za-z])they)\s*(?:都|就|先|通常|一般)?\s*$", re.IGNORECASE)
FREE_AFTER = re.compile(r"[^，,。]{0,6}?(?:先|就|都)?\s*(?:得閒|有空|有時間|方便)")
# 「四月十七號嚟嘅客」, 「聽日三點嘅會」: the time tells which thing (as a deadline 「禮拜五嘅會之前」 is still
# the meeting's day, and 「四月十七號嚟」 an event)
MODIFIER_AFTER = re.compile(rf"^\s*(?:嚟|到|來)?(?:嘅|{WHICH_ONE})|^\s*有\s*(?:邊啲|邊個|邊幾|冇|幾多)")  # 「check 下個禮拜有邊啲 booking」
CHECKED_BEFORE = re.compile(r"(?:(?<![A-Za-z])check|睇|問|查|搵)\s*(?:吓|下|一下)?\s*$", re.IGNORECASE)
CHECKED_AFTER = re.compile(r"[^，,。]{0,14}?有\s*(?:冇|邊啲|邊個|幾多|無)")
# 「咁就定咗九號」, 「約咗禮拜三」: the day something was fixed for, no due day
EVENT_BEFORE = re.compile(r"(?:(?<!即)[係系是]|喺|由|從|(?<![A-Za-z])(?:in|on|at)|自從|上次|舊年|定咗|定喺|揀咗|約咗|約喺)\s*$", re.IGNORECASE)  # not "quotation"
MEETING_AFTER = re.compile(r"\s*開\s*(?:[A-Za-z]+\s*){0,3}meeting", re.IGNORECASE)  # 「下個禮拜二開 review meeting」: the meeting's day
NEAR = 6  # characters between a date and its time of day
RANGE = re.compile(r"\s*(?:至|到|-|–|~|to|或者|或|or)\s*", re.IGNORECASE)  # between the two days of a range (「聽日或者後日」: by the later)
# what was done on that day (「今朝打咗嚟」), not what is asked for by it (「今日 send 咗佢」, 「今日交咗份表」)
# …not past a verb of telling: 「你聽日通知大家會議改咗時間」 tells tomorrow what has changed
DONE_THEN = re.compile(r"(?:(?!通知|話俾|話畀|講俾|告訴|提醒|(?<![A-Za-z])(?:tell|inform|remind))[^，,。]){0,10}?(?:咗(?!\s*(?:佢|個|份|張|啲|封|單|批|條|部|間|俾|畀))|(?:(?<=打)|(?<=email)|(?<=call))\s*過\s*(?:嚟|來))", re.IGNORECASE)
RECEIVED = r"(?:收到|接到|見到|聽到)"  # news that came in
RECEIVED_THEN = re.compile(rf"\s*(?:(?:我|我哋|佢|佢哋|客|你)\s*)?(?:已經)?\s*(?:{RECEIVED}|發現)")  # 「今朝收到份合約」: when it came in
THAT_IS = re.compile(r"即係|即是|亦即|(?<![A-Za-z])(?:i\.e\.|that is|which is)(?![A-Za-z])", re.IGNORECASE)  # the time said again, plainer


@dataclass(frozen=True)
class Deadline:
    """A due date, with the time of day when one was said, in the zone it was said in."""

    day: date
    at: time | None = None
    zone: str | None = None  # IANA name; None = the meeting's zone
    phrase: str = ""
    doubtful: bool = False  # the phrase disagrees with itself (a date and another weekday): flag it

    def iso(self, meeting_zone: str) -> str:
        """ISO date, or ISO date-time with offset in the meeting's zone when a time was said.

        >>> Deadline(date(2027, 3, 25), time(15), "Europe/London").iso("Asia/Hong_Kong")
        '2027-03-25T23:00:00+08:00'
        """
        if self.at is None:
            return self.day.isoformat()
        said = datetime.combine(self.day, self.at, ZoneInfo(self.zone or meeting_zone))
        return said.astimezone(ZoneInfo(meeting_zone)).isoformat()


DURATION = re.compile(r"[一二三四五六七八九十兩\d]+\s*(?:個)?\s*(?:工作天|工作日|working days?|日|天|days?|禮拜|星期|週|weeks?)", re.IGNORECASE)
IMMEDIATELY = re.compile(r"即刻|馬上|立即|即時|immediately|right away|at once", re.IGNORECASE)
IF_WORDS = r"如果|假如|若果|萬一|一旦|(?<![A-Za-z])(?:if|in case)(?![A-Za-z])"  # a condition: what happens then, not now
IF = re.compile(IF_WORDS, re.IGNORECASE)
# what is said before 「即刻」 or 「即日」 when it is once something happens, not today: 「相一到，」, 「等報價返嚟，」,
# 「個客一俾錢你就」, 「你收到訂金」, 「客人過咗數之後你」, 「當個客簽咗約你」 (a thing still to come: not 「開完會之後」, 「我今朝
# 收到份合約，」)
ON_EVENT = re.compile(r"(?<![\u3400-\u9fff])一[^，,。]{0,10}?(?:到|好|完|返)|(?:^|[，,\s])等[^，,。]{1,10}?(?:到|好|完|返)|"
                      r"[\u3400-\u9fff]一(?:到|好|完|返)|一(?![百千萬個份張日次])[^，,。]{1,10}?就\s*$|"
                      r"(?:^|[，,\s])當[^，,。]{1,14}$|"
                      r"(?:^|[，,。])(?![^，,。]*(?:已經|頭先|今朝|琴日|尋日|開完會|散會))[^，,。]*?"
                      r"(?:(?:收到|接到|攞到|拎到)[^，,。]{1,12}|(?:之後|以後)\s*(?:我哋|我|你|佢)?\s*(?:就)?\s*)$")


# a time of day said after a day (「聽日下晝三點半」, "Friday 5pm"), word by word: 「晚宴」 and "annual" are no part of it
TIME_OF_DAY_AFTER = re.compile(rf"^(?:\s|{PART_OF_DAY_WORDS}|朝|早|晚(?![宴會飯餐市班更上])|夜(?![宵])|"
                               r"[\d一二三四五六七八九十兩]+\s*(?:點|点|時|[:：])\s*(?:[\d一二三四五六七八九十]+\s*(?:分|個字)?|半|正|鐘)?|"
                               r"\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|(?:am|pm)(?![A-Za-z]))*", re.IGNORECASE)


def _after(text: str, phrase_end: int) -> str:
    """What is said right after a time phrase, past its time of day."""
    rest = text[phrase_end:phrase_end + 28]
    return rest[TIME_OF_DAY_AFTER.match(rest).end():][:16]


def _an_event(text: str, phrase_end: int) -> bool:
    """Whether the time phrase ending at phrase_end is when something happens (「禮拜三開始」, 「禮拜二開會」)."""
    return bool(EVENT_AFTER.search(_after(text, phrase_end)) or MEETING_AFTER.match(text, phrase_end))


def _score(text: str, phrase_start: int, phrase_end: int) -> int:
    before, after = text[max(0, phrase_start - 8):phrase_start], _after(text, phrase_end)
    if REJECTED_AFTER.search(after) or AFTER_AFTER.search(after) or re.search(r"(?<![A-Za-z])after\s*$", before, re.I) \
            or re.search(r"(?:唔使|唔駛|唔洗|不用)\s*(?:等到|等)?\s*$", before):  # 「唔使禮拜五，我今日就 send」  # 「聽日唔得，禮拜一先得」: the day turned down is no deadline
        return -1
    if (IMMEDIATELY.fullmatch(text[phrase_start:phrase_end]) or text[phrase_start:phrase_end] == "即日") \
            and (IF.search(text[:phrase_start]) or ON_EVENT.search(text[:phrase_start])):
        return -1  # 「如果再有人確診，你即刻通知教育局」, 「相一到，我即刻放上IG」: at once when it happens, not today
    if DURATION.match(text[phrase_start:phrase_end]) and re.search(r"(?:之後|以後)\s*(?:我哋|我|你|佢)?\s*$", before):
        return -1  # 「收到報價之後三個工作天內」: counted from something still to come, not from today
    if LIMIT_AFTER.search(after) or LIMIT_BEFORE.search(before) or AGREED_AFTER.search(after) \
            or LATEST_BEFORE.search(text[max(0, phrase_start - 24):phrase_start]) \
            or re.search(r"(?:之內|以內|內|之前|前)$", text[phrase_start:phrase_end]):  # 「三個工作天內」 says its limit
        return 2
    if STATE_AFTER.match(text, phrase_end):  # 「今日好忙，Ivy 你寫報告」: how that day is, not when the work is due
        return -1
    if THEY_BEFORE.search(before) and FREE_AFTER.match(text, phrase_end):
        return -1  # 「…，佢哋禮拜五放學得閒」: when others are free, not when the work is due
    if _day_checked(text, phrase_start, phrase_end):
        return -1
    event = EVENT_AFTER.search(after)
    if event and re.match(r"\s*(?:之前|以前|前)", after[event.end():]):  # 「聽日開會之前」: by that day's event
        return 2
    if event and GATHERING.search(event.group(0)) and USED_AT_EVENT.match(after, event.end()):
        return 2  # 「下下個禮拜一開會嗰陣 present」: ready for that day's event
    if event or EVENT_BEFORE.search(before) or MEETING_AFTER.match(text, phrase_end):
        return -1
    return 0


def _day_checked(text: str, start: int, end: int) -> bool:
    """Whether the day at text[start:end] is what is looked into (「check 下個禮拜三 training room 有冇位」)."""
    return bool(CHECKED_BEFORE.search(text[max(0, start - 8):start]) and CHECKED_AFTER.match(_after(text, end)))


def dates_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the time phrase at text[start:end] tells which thing is meant (「四月十七號嚟嘅客」,
    「下個禮拜嘅報告」, "Q1 report") or where a thing is moved to (「拖到年尾先加」): it belongs in
    the task's words, whether or not it also gives the deadline."""
    return bool(MODIFIER_AFTER.match(text[end:end + 6]) or RANGE_OF_THING.match(text, end)
                or _inside_object(text, start, end) or _day_checked(text, start, end)
                or MOVED_TO.search(text[max(0, start - 6):start])) or _names_a_period(text, start, end)


def _only_names_a_thing(text: str, phrase: TimePhrase) -> bool:
    """「訂埋下個月嘅場地」: a month or week names which venue, to be booked now (not by the month's
    end); a day may still be the due day (「出席聽日嘅培訓」), and so may a period's 「…嘅會之前」."""
    return bool(PERIOD.fullmatch(phrase.text.strip()) and (MODIFIER_AFTER.match(text[phrase.end:phrase.end + 6])
                                                            or _inside_object(text, phrase.start, phrase.end))
                and not THING_BY.match(text, phrase.end))


def _inside_object(text: str, start: int, end: int) -> bool:
    """「book 埋下個禮拜三個會議室」, 「order 埋下個月啲 toner」: the time said right after 埋 and before a measure
    word tells which thing the work is on."""
    return bool(re.search(r"埋\s*$", text[:start]) and re.match(r"\s*(?:個|啲|嗰|場|班|份)", text[end:end + 3]))


PERIOD = re.compile(r"(?:下下|下|今|呢|這|本)?個?(?:月|禮拜|星期|週|季)|(?:next|this) (?:month|week|quarter)", re.IGNORECASE)
THING_BY = re.compile(r"\s*(?:嚟|到|來)?嘅\s*(?:deadline|限期|死線|[^，,。]{0,10}?(?:之前|以前|前|開始前))", re.IGNORECASE)
RANGE_OF_THING = re.compile(r"\s*(?:至|到|–|~)\s*[^，,。\s]{1,8}?(?:嚟|到|來)?嘅")  # 「年廿八到年晚嘅更表」


def _names_a_period(text: str, start: int, end: int) -> bool:
    """A quarter said before a noun names which one (「Q1 report」, 「第一季業績」), as does a
    year's or month's end before a document or event (「年尾報表」, 「月尾盤點」), and weekends worked
    (「做週末」) say which shifts: no deadline."""
    said = text[start:end].strip()
    return bool(QUARTER.fullmatch(said) and PERIOD_NOUN.match(text[end:end + 4])
                or PERIOD_END.fullmatch(said) and PERIOD_THING.match(text[end:end + 6])
                or WEEKEND.fullmatch(said) and (SHIFT_OF.search(text[:start]) or SHIFT.match(text, end)))  # 「做週末」, 「週末返工」: shifts


MOVED_TO = re.compile(r"(?:(?:拖|延|押後|推遲|推|改期|改|提前|延期)(?:到|至)|改做|改為|改成)\s*$")  # 「拖到年尾先加」, 「改做八點半開」: what is asked for


WEEKEND = re.compile(r"週末|周末|weekends?", re.IGNORECASE)
SHIFT_OF = re.compile(r"(?:做|返|返工|開|輪|值|逢|每個|每)\s*$")
SHIFT = re.compile(r"\s*(?:都)?\s*(?:要)?\s*(?:返工|開工|當值|值班|開舖|開門|OT|加班)", re.IGNORECASE)


QUARTER = re.compile(r"Q[1-4]|第[一二三四]季", re.IGNORECASE)
PERIOD_NOUN = re.compile(r"\s*(?![前之完尾底內])(?:[A-Za-z]|[\u3400-\u9fff])", re.IGNORECASE)
PERIOD_END = re.compile(r"(?:今年|出年|舊年)?(?:年尾|年底|年中|年終|月尾|月底|季尾)")
PERIOD_THING = re.compile(r"\s*(?:嘅)?\s*(?:報表|報告|report|review|盤點|大會|花紅|bonus|總結|檢討|晚會|聚餐|party|結算|審計|audit|"
                          r"accounts|賬|數|結數|評核|appraisal|考核|大減價|sale|促銷)", re.IGNORECASE)


TONIGHT = re.compile(r"今晚|今夜|聽晚|夜晚|晚上|收工|放工|落班|tonight", re.IGNORECASE)  # 「今日收工前，即係七點前」: 19:00
PERIOD_SAID = re.compile(r"[朝晝午晚夜早晏]|凌晨|半夜|am|pm|a\.m|p\.m", re.IGNORECASE)  # a clock that says its part of the day


def _clock_for(phrase: TimePhrase | None, clocks: list[Clock], text: str) -> Clock | None:
    if phrase is not None:
        zones = zone_spans(text)
        def apart(start: int, end: int) -> int:  # 「聽日 UK time 3pm」, "5pm London time tomorrow": the zone is no gap
            return len("".join(c for i, c in enumerate(text[start:end], start)
                               if not any(a <= i < b for a, b in zones)).strip())

        for clock in clocks:
            if (phrase.start - NEAR <= clock.end or apart(clock.end, phrase.start) <= NEAR) \
                    and (clock.start <= phrase.end + NEAR or apart(phrase.end, clock.start) <= NEAR):
                return clock  # "5pm tomorrow" too
        return None
    for clock in clocks:  # no date: a time marked as a limit is on the meeting day
        if LIMIT_AFTER.search(text[clock.end:clock.end + 4]) or LIMIT_BEFORE.search(text[max(0, clock.start - 6):clock.start]):
            return clock
    return None


def _happened(text: str, start: int, end: int) -> bool:
    """Whether the time at text[start:end] is when something was done (「今朝九點半打咗嚟」), not a
    limit it is to be done by (「最遲十五號一定砌好咗」, 「禮拜五前出咗篇 post」)."""
    clause_start = max(text.rfind(mark, 0, start) for mark in "，,。") + 1
    waited_for = re.match(r"\s*(?:等|等到|待)(?!\s*(?:咗|過|緊))", text[clause_start:start])  # 「等阿Lam 聽朝 lock 咗 cut」: still to come
    return bool(DONE_THEN.match(text, end)) and _score(text, start, end) != 2 and not waited_for


THAT_DAYS = re.compile(r"\s*嗰\s*(?:團|架|班|批|場|堂|隊)")  # a group, run or batch known by its day


def find_deadline(text: str, today: date) -> Deadline | None:
    """The deadline said in text (a clause or turn), or None when it names none."""
    phrases = find_time_phrases(text, today)
    clocks = find_clocks(text)
    said_again = [m.end() for m in THAT_IS.finditer(text)]
    if said_again and any(p.start >= said_again[-1] for p in phrases):  # 「佛誕前兩日，即係禮拜二之前」: Tuesday
        phrases = [p for p in phrases if p.start >= said_again[-1]]
        clocks = [c for c in clocks if c.start >= said_again[-1]] or clocks
    elif said_again and any(c.start >= said_again[-1] for c in clocks):  # 「我呢邊 end of day，即係倫敦時間六點前」
        clocks = [c for c in clocks if c.start >= said_again[-1]]
    chosen: TimePhrase | None = None
    phrases = [p for p in phrases if not _names_a_period(text, p.start, p.end) and not _only_names_a_thing(text, p)
               and not THAT_DAYS.match(text, p.end)]  # 「二十三號嗰團嘅行程表」: which tour, not when
    # 「客今朝九點半打咗嚟，你聽日覆佢」, 「客禮拜二 email 咗嚟」: when something already happened is no due time
    past = [p for p in phrases if _happened(text, p.start, p.end) or p.day <= today and RECEIVED_THEN.match(text, p.end)]
    phrases = [p for p in phrases if p not in past]
    clocks = [c for c in clocks if not any(_clock_for(p, [c], text) for p in past) and not _happened(text, c.start, c.end)]
    # 「禮拜一至禮拜三之間」: a range is due by its end
    phrases = [p for p, q in zip(phrases, phrases[1:] + [None]) if q is None or not RANGE.fullmatch(text[p.end:q.start])]
    clocks = [c for c, d in zip(clocks, clocks[1:] + [None]) if d is None or not RANGE.fullmatch(text[c.end:d.start])]
    if phrases:
        scored = [(_score(text, p.start, p.end), -i, p) for i, p in enumerate(phrases)]
        best, _, phrase = max(scored, key=lambda s: (s[0], s[1]))
        if best < 0:  # 「今日兩點半之後先得閒，五點前 send 張表」: a limit said apart from the day turned down
            apart = [c for c in clocks if c.start > phrase.end + NEAR and not _clock_for(phrase, [c], text)]
            limit = _clock_for(None, apart, text)
            return Deadline(phrase.day + timedelta(days=1 if limit.after_midnight else 0), limit.at, find_zone(text),
                            text[limit.start:limit.end]) if limit else None
        chosen = phrase
        day_before = [p for s, i, p in scored if p.start < phrase.start and (s >= 0 or _an_event(text, p.end)) and p.day > phrase.day]
        if END_OF_DAY.fullmatch(phrase.text.strip()) and day_before:  # 「你禮拜二開工，收工前落晒佢」: that day's end
            chosen = replace(phrase, day=day_before[-1].day)
            clocks = [c for c in clocks if not _clock_for(day_before[-1], [c], text)]  # 「八點開工」: when it starts
    clock = _clock_for(chosen, clocks, text)
    if chosen is not None and clock is None:  # 「聽朝打去海關問清楚，十二點前覆我」: a limit said apart, on that day
        clock = _clock_for(None, [c for c in clocks if not any(_clock_for(p, [c], text) for p in phrases)], text)
    if chosen is None and clock is None:
        return None
    if chosen is not None and clock is not None and TONIGHT.search(chosen.text) \
            and not PERIOD_SAID.search(text[clock.start:clock.end]) and 7 <= clock.at.hour <= 12:
        # 「今晚我十點前」, 「今晚打去海關，十二點前覆我」: a bare hour said with tonight is in the evening
        clock = replace(clock, at=time(23, 59) if clock.at.hour == 12 else time(clock.at.hour + 12, clock.at.minute))
    zone = find_zone(text)
    next_night = clock is not None and (clock.after_midnight or chosen is None and clock.small_hours)
    day = (chosen.day if chosen else today) + timedelta(days=1 if next_night else 0)
    return Deadline(day, clock.at if clock else None, zone, chosen.text if chosen else text[clock.start:clock.end],
                    bool(chosen and chosen.doubtful))


def limit_said(text: str, today: date) -> Deadline | None:
    """The deadline text marks as a limit (「禮拜五前」, 「聽日中午前」, "by Friday"), else None."""
    due = find_deadline(text, today)
    if due is None:
        return None
    spans = [(p.start, p.end) for p in find_time_phrases(text, today)] + [(c.start, c.end) for c in find_clocks(text)]
    return due if any(_score(text, start, end) == 2 for start, end in spans) else None


def part_of_day_left_out(said: time, asked: time) -> bool:
    """Whether a clock answered without the part of the day (「十一點前」, read 11:00) is the one
    asked for later in the day (「今晚十一點前」, 23:00)."""
    return said.hour + 12 == asked.hour and said.minute == asked.minute


@lru_cache(maxsize=4096)  # asked of one sentence for each of its clauses
def has_time_words(text: str, today: date) -> bool:
    """Whether text says a date or a time of day at all (a cue for commitments)."""
    return bool(find_time_phrases(text, today) or find_clocks(text))


def without_times(text: str, today: date) -> str:
    """The text without its dates, times of day and zones (「上晝」 is no verb 上; 「Ken 聽日 3pm London
    time 前覆客」 is Ken's)."""
    pieces, at = [], 0
    times = [(p.start, p.end) for p in find_time_phrases(text, today)] + [(c.start, c.end) for c in find_clocks(text)]
    for start, end in sorted(times + (zone_spans(text) if times else [])):
        pieces.append(text[at:max(at, start)])
        at = max(at, end)
    return "".join(pieces) + text[at:]
