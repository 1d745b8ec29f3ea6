"""「放完假返嚟嗰日」 after somebody said when their own leave is (「我下個禮拜一至三放假」): the first
Hong Kong working day after that leave.

dates.py reads 「放完假」 against public holidays only (a phrase alone cannot know whose leave it
is); this reads it against the leave said in the turns just before.
"""

from __future__ import annotations

import re
from datetime import timedelta

from assistant.extract.dates import find_time_phrases
from assistant.extract.deadlines import Deadline
from assistant.extract.text import sentences
from assistant.extract.transcript import Transcript
from assistant.extract.working_days import next_working_day

BACK_FROM_LEAVE = re.compile(r"(?:放完假|收假|放假\s*(?:之後|以後|後))\s*(?:返嚟|返工|返公司|返到嚟)?\s*(?:嘅)?\s*"
                             r"(?:第一(?:日|朝|天)|嗰日|果日)?|返嚟\s*(?:嘅)?\s*(?:第一日|嗰日|果日)|返(?:嚟|工|到嚟)\s*(?:之後|後)?\s*(?=先)")
BACK_ON_DAY = re.compile(r"(?:先|至|才)\s*返(?:嚟|工|公司|到嚟)?")  # 「下個禮拜一先返」: the day the person is back
LEAVE = re.compile(r"放(?:大|年)?假|請(?:咗)?(?:大|年|事)?假|休假|(?<![A-Za-z])(?:annual leave|on leave)(?![A-Za-z])", re.IGNORECASE)
TO_WEEKDAY = re.compile(r"\s*(?:至|到|-|－)\s*(?:禮拜|星期)?(?P<day>[一二三四五六日])")  # 「下個禮拜一至三」
WEEKDAYS = "一二三四五六日"
LEAVE_TURNS = 4  # how far back the leave is looked for


def back_from_leave(text: str, transcript: Transcript, turn: int) -> Deadline | None:
    """The due day 「放完假返嚟嗰日」 in ``text`` (said at ``turn``) names: the first working day after
    the last day of leave that turn, the LEAVE_TURNS before it or the answer after it gives; None when
    text says no such thing or no leave with a day was said."""
    said = BACK_FROM_LEAVE.search(text)
    if not said:
        return None
    for line in reversed(transcript.lines[max(0, turn - LEAVE_TURNS):turn + 2]):
        for sentence in reversed(sentences(line.text)):
            if not LEAVE.search(sentence) or BACK_FROM_LEAVE.search(sentence):
                continue
            phrases = find_time_phrases(sentence, transcript.date)
            if not phrases:
                continue
            back_on = next((p for p in phrases if BACK_ON_DAY.match(sentence, p.end)), None)
            if back_on:  # 「我聽日同後日放假，下個禮拜一先返」: back that day
                return Deadline(day=back_on.day, at=None, zone=None, phrase=said.group(0))
            last = max(phrases, key=lambda p: p.day)
            until = TO_WEEKDAY.match(sentence, last.end)
            end = last.day + timedelta(days=max(0, WEEKDAYS.index(until["day"]) - last.day.weekday())) if until else last.day
            return Deadline(day=next_working_day(end), at=None, zone=None, phrase=said.group(0))
    return None
