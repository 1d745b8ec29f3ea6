"""How loudly to follow an action item up: call (urgent), sms (important or many people), app."""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date
from typing import Literal

from assistant.extract.cues import CONDITION
from assistant.extract.deadlines import ON_EVENT

Priority = Literal["call", "sms", "app"]

URGENT = re.compile(
    r"urgent|critical|asap|emergency|right away|immediately|緊急|好急|急件|即刻|馬上|立即|立刻|"
    r"盡快|最緊要|十萬火急|火燒眼眉",
    re.IGNORECASE,
)  # 今日/EOD say the due day, which counts when it is the item's own (another item's 今日 does not)
NOT_URGENT = re.compile(r"(?:唔|不|冇|並非|not\s+|non[- ]?)(?:係|算|太|咁|好|very\s+|so\s+)*(?:緊急|急|urgent|critical)"
                        r"|(?:唔使|唔駛|唔洗|不用|唔需要)(?:咁)?(?:即刻|馬上|立即|立刻|急)", re.IGNORECASE)  # 「唔使即刻做」
IMPORTANT = re.compile(
    r"important|all staff|everyone|whole team|重要|關鍵|大家|全部人|所有人|全體|全校|全公司|全組|所有同事|"
    r"全部同事|所有家長|全部家長|所有客戶|全部客戶|通知晒|每個人",
    re.IGNORECASE,
)
LARGE_GROUP = 8  # attendees at which any follow-up goes by SMS
LOUDNESS: tuple[Priority, ...] = ("app", "sms", "call")


def louder(first: Priority, second: Priority) -> Priority:
    """The more insistent of two priorities ("call" over "sms" over "app")."""
    return max(first, second, key=LOUDNESS.index)


def priority_for(text: str, deadline: date | None = None, meeting_date: date | None = None,
                 attendees: int = 0, turn: str = "") -> Priority:
    """text: the task; turn: the turn it came from (its words count too). A task for when something
    happens (「如果再有人確診，即刻通知教育局」) is urgent then, not now: no phone call for it today."""
    if CONDITION.match(text.strip()):
        return "sms" if _tone(text)[0] or _tone(text)[1] else "app"
    if _tone(text)[0] or _tone(turn)[0] or (deadline is not None and deadline == meeting_date):
        return "call"
    if _tone(text)[1] or _tone(turn)[1] or attendees >= LARGE_GROUP:
        return "sms"
    return "app"


@lru_cache(maxsize=1024)  # a turn's words are read once, however many items it gives
def _tone(text: str) -> tuple[bool, bool]:
    """(urgent, important) words in text; 「即刻」 once something happens (「你收到 PO 即刻通知我」) is urgent then, not now."""
    said = NOT_URGENT.sub("", text)
    return any(not ON_EVENT.search(said[:m.start()]) for m in URGENT.finditer(said)), bool(IMPORTANT.search(text))
