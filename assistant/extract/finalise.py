"""Deterministic post-processing of raw items: owners, standalone tasks, deadlines, priority, confidence.

An owner is an attendee's name or None. None is either a group's task (大家, 各部門: nobody
single is asked) or an owner the transcript points at but no attendee matches; the second kind,
like a task that still leans on the turns before it, is flagged ``needs_review``; so is a task its
owner turned down with nobody named in their place (owner None: nobody is rung for it), one due
before the meeting's day, and one whose owner was named only by a surname and a title the attendee
list did not give them (「陳生」 for "Ivy Chan": the list says no gender).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time, timedelta

from assistant.extract.clock import (
    AFTERNOON, EVENING, LATE_NIGHT, LISTENERS_SIDE, MORNING, NOON, SPEAKERS_SIDE, find_clocks, says_impossible_clock,
)
from assistant.extract.dates import find_time_phrases, says_impossible_date
from assistant.extract.cues import REFUSAL, SOMEONE
from assistant.extract.deadlines import Deadline, find_deadline, part_of_day_left_out
from assistant.extract.leave import BACK_FROM_LEAVE, back_from_leave
from assistant.extract.listed import listed_tasks
from assistant.extract.owners import OwnerResolver, resolver_for
from assistant.extract.priority import priority_for
from assistant.extract.schema import RawExtraction, RawItem
from assistant.extract.things import counted_in_full, named_in_full
from assistant.extract.tasks import (
    RESUMPTIVE, VERB, clean_task, drop_names, goods_named, leans_on_context, name_persons, standalone, without_message, without_whereabouts,
)
from assistant.extract.text import clauses, normalise, sentences, similarity
from assistant.extract.transcript import Transcript
from assistant.extract.working_days import holiday_name
from assistant.minutes import ActionItem, Decision

UNRESOLVED = "?"
REVIEW_BELOW = 0.6
LEANS_PENALTY = 0.35  # takes any score below REVIEW_BELOW: a task that leans on the turns before is always reviewed
_LEAD = re.compile(r"^(?:(?:好|OK|ok|Okay|咁|嗯|明白|收到(?![^\s，,、：:])|冇問題|得|可以|另外|仲有|然後|所以|咁樣|同埋|跟住|首先|最後)[，,、\s]*)+")
_TAIL = re.compile(r"[\s，,。！!？?；;]*(?:啦|喇|囉|呀|啊|嘛|吖|喎|㗎|la|lor)?[\s，,。！!？?；;]*$")


def _source_turn(turn: int, task: str, transcript: Transcript) -> int | None:
    if 0 <= turn < len(transcript.lines):
        return turn
    scored = [(similarity(task, line.text), line.index) for line in transcript.lines]
    return max(scored)[1] if scored and max(scored)[0] > 0 else None


YOU_ASKED = re.compile(r"[，,]\s*(?=你(?!哋))")  # a clause said to the owner after a topic clause


def _work_said_with_owner(said: str, owner: str | None, transcript: Transcript, people: OwnerResolver) -> str:
    """The work a later sentence settling the owner goes on to name (「咁 IG 就 Ken 做，月尾前整好第一個禮拜嘅
    相同 caption 俾我睇」 → 「整好第一個禮拜嘅相同 caption 俾我睇」, with 我 named later): for a task that says too little
    on its own (「做」); "" when it names none."""
    parts = clauses(said)
    at = next((i for i, p in enumerate(parts) if owner and any(n == owner for n, _, _ in people.spans(p))), None)
    turn = _turn_saying(said, transcript)
    if at is None and owner and turn is not None and people.find_name(transcript.lines[turn].speaker) == owner \
            and re.search(r"我(?!哋)", said):  # 「得，呢單減倉租我月尾之前審批埋佢」: the owner's own yes names the work
        task = clean_task(RESUMPTIVE.sub(r"\g<kept>", said), transcript, owner)
        return task if task and VERB.search(task) and not leans_on_context(task) else ""
    if at is None:
        return ""
    work = [p for p in parts[at + 1:] if VERB.search(p) and not people.mentioned(p)]
    task = clean_task("，".join(work), transcript, owner) if work else ""
    return name_persons(task, transcript, _turn_saying(said, transcript), owner) if task and not leans_on_context(task) else ""


def _restated_in_answer(task: str, transcript: Transcript, turn: int | None, owner: str | None, people: OwnerResolver) -> str:
    """The owner's answer in the next turn when it says the task's verb again with what it is done to (「年尾之前要
    submit 晒」 「好，年尾前 submit 晒啲 pending 單」 → 「submit 晒 pending 單」): for a task that says too little; "" otherwise."""
    verb = VERB.search(task)
    if turn is None or owner is None or verb is None or turn + 1 >= len(transcript.lines) \
            or people.find_name(transcript.lines[turn + 1].speaker) != owner:
        return ""
    for clause in clauses(transcript.lines[turn + 1].text):
        again = re.search(re.escape(verb.group(0)), clause, re.IGNORECASE)
        done_to = re.sub(r"^[\s晒哂埋好返]+", "", clause[again.end():]).rstrip(" 。！!") if again else ""
        if again and done_to and not re.match(r"(?:會|就|先|再|咗|俾|畀|給|同|你|我|佢|cc|send)(?![A-Za-z])", done_to, re.IGNORECASE):
            said = clean_task(clause, transcript, owner)
            if said and not leans_on_context(said) and len(said) > len(task):
                return name_persons(said, transcript, turn + 1, owner)  # 「…交海報初稿俾你」: 你 as the answer means it
    return ""


def _turn_saying(said: str, transcript: Transcript) -> int | None:
    """The first turn whose text holds ``said`` (a raw item's agreed_due is words of a turn); None if none does."""
    return next((line.index for line in transcript.lines if said.strip() and said.strip() in line.text), None)


def _with_its_day(said: str, transcript: Transcript) -> str:
    """An agreed due time that is a clock alone, with what its sentence said before it
    (「聽朝我返到嚟第一時間做，十點前 send」: 10:00 tomorrow, not today); ``said`` as it is otherwise."""
    said = said.strip()
    turn = _turn_saying(said, transcript)
    if turn is None or not find_clocks(said) or find_time_phrases(said, transcript.date):
        return said
    for sentence in sentences(transcript.lines[turn].text):
        at = sentence.find(said)
        if at > 0 and find_time_phrases(sentence[:at], transcript.date):
            return sentence[:at + len(said)]
    return said


def _owners(item: RawItem, transcript: Transcript, people: OwnerResolver, turn: int | None) -> list[str | None]:
    """Owner names, one per owner said ("A 同 B"); None for a group or an unresolved owner."""
    if item.group or not (item.owner or "").strip() or item.owner == UNRESOLVED:
        return [None]
    line = transcript.lines[turn] if turn is not None else None
    previous = transcript.previous_speaker(turn) if turn is not None else None
    return people.resolve(item.owner, line.speaker if line else "", line.text if line else "", previous)


SURE = 0.8  # items below this are the ones a model reviews by default


def _confidence(owner: str | None, group: bool, task: str, has_deadline: bool, completed: bool) -> float:
    """A heuristic score in 0..1: an unresolved owner, a task that still leans on earlier turns or
    was completed from them, and a missing due time each lower it."""
    score = 0.9
    if owner is None and not group:
        score -= 0.4
    if leans_on_context(task):
        score -= LEANS_PENALTY
    elif completed:
        score -= 0.2
    if not has_deadline:
        score -= 0.05
    return round(max(0.0, score), 2)


PROPOSED = re.compile(r"(?:(?:我|我哋)\s*)?(?:諗過|覺得)?\s*(?:不如|建議|提議)\s*(?:我哋)?\s*")
_QUESTION_TAIL = re.compile(r"[，,\s]*(?:好唔好|得唔得|要唔要|使唔使|係咪|係唔係|定係點|點算|點睇|呢|嗎|呀|啊)?[？?。\s]*$")


def _substance(text: str) -> int:
    """Characters that carry meaning: CJK characters, a Latin word counting two."""
    return len(re.findall(r"[\u3400-\u9fff]", text)) + 2 * len(re.findall(r"[A-Za-z0-9]+", text))


CALL_CHECK = re.compile(r"聽唔聽到|聽(?:得)?到(?:我)?(?:講嘢)?(?:嗎|未|冇)|(?:can you |do you )?hear (?:me|us)|見唔見到|睇唔睇到", re.IGNORECASE)


def _question_before(transcript: Transcript, turn: int) -> str | None:
    """The question or proposal a terse decision answers (「照用佢啦」 after 「印刷用返舊年嗰間？」,
    「暫時唔轉住」 after 「不如轉用雲端 backup，平好多」): the latest in the two turns before, without
    its question words or the reason given with the proposal."""
    for line in reversed(transcript.lines[max(0, turn - 2):turn]):
        for sentence in reversed(sentences(line.text)):
            proposed = PROPOSED.match(_LEAD.sub("", sentence))
            if proposed:
                sentence = re.split(r"[，,]", _LEAD.sub("", sentence)[proposed.end():])[0] + "？"
            if CALL_CHECK.search(sentence):
                return None  # 「London 嗰邊聽唔聽到？」: whether the call works, no question a decision answers
            if sentence.rstrip().endswith(("？", "?")):
                topic = _QUESTION_TAIL.sub("", _LEAD.sub("", sentence)).strip(" ，,")
                # 「聖誕節我哋使唔使搞抽獎」, 「部冷氣仲修唔修」
                topic = re.sub(r"(?:我哋|我們)?\s*(?:使唔使|要唔要|駛唔駛|洗唔洗|會唔會)\s*|(?:仲|究竟|咁)?\s*([\u3400-\u9fff])唔\1$", "", topic)
                topic = drop_names(topic, resolver_for(transcript.people), None) or topic  # 「Ken，個 tagline…」: not Ken
                return topic if len(re.sub(r"\W", "", topic)) >= 4 else None
    return None


PART_OF_DAY = re.compile(rf"{MORNING}|{NOON}|{AFTERNOON}|{EVENING}", re.IGNORECASE)
LATER_IN_DAY = re.compile(rf"{AFTERNOON}|{EVENING}", re.IGNORECASE)  # a day asked for by its afternoon or evening


WITHIN = re.compile(r"內|之內|以內|within", re.IGNORECASE)  # 「三個工作天內」: a new limit, not the asked day said back


def _agreed(said: str, agreed: Deadline | None, asked: Deadline | None, today: date, asked_in: str = "") -> Deadline | None:
    """The due time an answer (``said``) agreed to, read with what it leaves out of the asked one:
    「十一點前」 answering 「今晚十一點前」 (or 「今晚…？」) is 23:00, 「十點前」 answering it 22:00,
    a clock answering 「聽朝十點前」 is on that morning, not today, and the same day without a clock keeps the asked hour."""
    if agreed and asked and agreed.at and asked.at is None and not find_time_phrases(said, today):
        later = LATER_IN_DAY.search(asked_in) and not PART_OF_DAY.search(said)
        if later and re.search(EVENING, asked_in, re.IGNORECASE) and agreed.at == time(12, 0):
            return replace(agreed, day=asked.day, at=time(23, 59))  # 「今晚…？」 「十二點前」: by midnight, not noon
        if later and re.search(EVENING, asked_in, re.IGNORECASE) and 1 <= agreed.at.hour % 12 <= LATE_NIGHT:
            return replace(agreed, day=asked.day + timedelta(days=1), at=time(agreed.at.hour % 12, agreed.at.minute))
        at = time(agreed.at.hour + 12, agreed.at.minute) if later and agreed.at.hour < 12 else agreed.at
        return replace(agreed, day=asked.day, at=at)  # 「今晚…？」 「十一點前」: 23:00; 「一點前」: 01:00 the next day
    if agreed and asked and asked.at and agreed.at is None and agreed.day == asked.day and not WITHIN.search(said):
        return asked  # 「聽朝十點前打俾佢」 「我聽朝一返工就打」: the same day said again, the hour asked stands
    if not (agreed and asked and agreed.at and asked.at):
        return agreed
    if find_time_phrases(said, today):  # the answer names its day
        return asked if agreed.day == asked.day and part_of_day_left_out(agreed.at, asked.at) else agreed
    at = agreed.at
    if asked.at.hour >= 13 and at == time(12, 0) and not PART_OF_DAY.search(said):
        return replace(agreed, day=asked.day, at=time(23, 59))  # 「今晚十點前…？」 「十二點前啦」: by midnight
    if asked.at.hour >= 13 and at.hour < 12 and not PART_OF_DAY.search(said):
        at = time(at.hour + 12, at.minute)
    return replace(agreed, day=asked.day, at=at)


def _working_day_of(due: Deadline | None, today: date) -> date | None:
    """The day a deadline falls on for follow-up: 「今晚凌晨兩點前」 (02:00 the next day) is tonight's work."""
    if due is None:
        return None
    return today if due.at is not None and due.at.hour <= LATE_NIGHT and due.day == today + timedelta(days=1) else due.day


def _without_others_needs(task: str, owner: str, people: OwnerResolver) -> str:
    """The task without clauses saying when somebody else needs something (「Ivy 禮拜五前要份 data，你聽日
    send 俾佢」: 聽日 is the owner's day, Friday Ivy's)."""
    kept = []
    for clause in clauses(task):
        named = people.strip_leading(clause.strip())
        if named and people.find_name(named[0]) != people.find_name(owner) and NEEDS.search(named[1]) \
                and not re.search(r"你(?!哋)", named[1]):
            continue
        kept.append(clause)
    return "，".join(kept)


NEEDS = re.compile(r"^[^，,。]{0,12}?(?:要|需要|想要|等)(?:份|個|張|啲|嗰)")


def _in_speakers_zone(due: Deadline | None, text: str, speaker: str | None, transcript: Transcript,
                      people: OwnerResolver, owner: str | None = None) -> Deadline | None:
    """due in the speaker's own zone when they say the time is theirs (「我呢邊」), or in the owner's
    when the speaker says it is the listener's (「你嗰邊」), where the attendee list gives them one; due
    as it was otherwise (a zone named in words, 「倫敦時間」, stands)."""
    if due is None or due.at is None or due.zone is not None:
        return due
    if LISTENERS_SIDE.search(text) and owner and owner != (people.find_name(speaker) if speaker else None):
        zone = next((p.timezone for p in transcript.people if p.name == owner and p.timezone), None)
        return replace(due, zone=zone) if zone and zone != transcript.timezone else due  # 「Tom，你嗰邊…九點前」: Tom's nine
    if not SPEAKERS_SIDE.search(text):
        return due
    name = people.find_name(speaker) if speaker else None
    zone = next((p.timezone for p in transcript.people if p.name == name and p.timezone), None)
    return replace(due, zone=zone) if zone and zone != transcript.timezone else due


def _listed_apart(raw_items: list[RawItem], transcript: Transcript, people: OwnerResolver) -> list[RawItem]:
    """「攤位設計同埋宣傳單張，你兩樣跟一跟」: one item per thing listed (listed.py), each due when the list is."""
    out: list[RawItem] = []
    seen: set[tuple[int, str, tuple[str, ...]]] = set()
    for item in raw_items:
        line = transcript.lines[item.turn] if 0 <= item.turn < len(transcript.lines) else None
        tasks = listed_tasks(line.text, item.task, people) if line is not None else None
        if not tasks:
            out.append(item)
        elif (item.turn, item.owner, tuple(tasks)) not in seen:
            seen.add((item.turn, item.owner, tuple(tasks)))
            out += [item.model_copy(update={"task": task, "shared_due": item.shared_due or item.task}) for task in tasks]
    return out


def finalise(raw: RawExtraction, transcript: Transcript) -> tuple[list[Decision], list[ActionItem]]:
    """Raw items of one window → action items and decisions in the minutes' form."""
    people = resolver_for(transcript.people)
    items: list[ActionItem] = []
    for item in _listed_apart(raw.action_items, transcript, people):
        if not item.task.strip():
            continue
        turn = _source_turn(item.turn, item.task, transcript)
        line = transcript.lines[turn] if turn is not None else None
        turn_text = line.text if line else ""
        said_task = without_message(item.task)
        asked_you = YOU_ASKED.search(said_task)  # 「個客今日打嚟投訴，你聽日覆佢」: the day said to 你, not the topic's
        asked = (find_deadline(without_whereabouts(said_task[asked_you.end():]), transcript.date) if asked_you else None) \
            or find_deadline(_without_others_needs(without_whereabouts(said_task), item.owner, people), transcript.date) \
            or find_deadline(without_whereabouts(said_task), transcript.date)
        due = _agreed(item.agreed_due, find_deadline(_with_its_day(item.agreed_due, transcript), transcript.date), asked,
                      transcript.date, item.task) \
            or asked \
            or find_deadline(item.shared_due, transcript.date)
        back = back_from_leave(item.task, transcript, item.turn) if due is None else None
        agreed_at = _turn_saying(item.agreed_due, transcript) if BACK_FROM_LEAVE.search(item.agreed_due) else None
        back_later = back_from_leave(item.agreed_due, transcript, agreed_at) if agreed_at is not None else None
        due = back_later or due or back  # 「我聽日同後日放假…」 「咁你返嚟先整啦」: by the day they are back
        shared_turn = any(i.turn == item.turn and i.owner != item.owner for i in raw.action_items)
        if due is None and line is not None and len(item.task) >= len(turn_text) * 0.5 and not shared_turn:
            due = find_deadline(without_message(turn_text), transcript.date)  # not another's day (「…陳太你下個禮拜三前…」 unpunctuated)
        said_due = due
        for owner in [None] if item.declined else _owners(item, transcript, people, turn):  # turned down: nobody's yet
            due = _in_speakers_zone(said_due, item.task, line.speaker if line else None, transcript, people, owner)
            said = goods_named(item.task, transcript, turn) if turn is not None else item.task  # 「嗰批嘢」: which goods
            said = BACK_FROM_LEAVE.sub("", said) if back else said  # the day said, as a time phrase is
            task = clean_task(said, transcript, owner)
            answered = _restated_in_answer(task, transcript, turn, owner, people) if leans_on_context(task) else ""
            task, context = standalone(task, transcript, turn, owner=owner)
            if answered and (context is None or len(clauses(context)) > 1):  # a thing named before beats an answer's words
                task, context = answered, None
            # 我/你 are named from the item's own turn; words completed from another turn keep theirs
            cleaned = clean_task(task, transcript, owner) if context else name_persons(task, transcript, turn, owner)
            if context and (context in turn_text or not re.search(r"[我你]", context)) and cleaned:  # 「攝影隊嘅護照副本，你 send 晒俾我」: the same turn's 我
                cleaned = name_persons(cleaned, transcript, turn, owner)
            if context and due is None:
                due = find_deadline(context, transcript.date)
            if not cleaned:
                continue
            restated = _work_said_with_owner(item.agreed_due, owner, transcript, people) if leans_on_context(cleaned) else ""
            cleaned = counted_in_full(named_in_full(restated or cleaned, transcript, turn), transcript, turn)
            confidence = _confidence(owner, item.group, cleaned, due is not None, context is not None)
            priority = priority_for(item.task, _working_day_of(due, transcript.date), transcript.date,
                                    len(transcript.people), turn_text)
            items.append(ActionItem(owner, cleaned, due.iso(transcript.timezone) if due else None, priority, turn,
                                    confidence, confidence < REVIEW_BELOW or item.declined or item.owner_unsure
                                    or owner is None and bool(re.search(SOMEONE, item.task, re.IGNORECASE))  # 「聽日搵人嚟整」: who?
                                    or due is not None and due.day < transcript.date  # 「今個禮拜三前」 said on a Thursday
                                    or due is not None and due.doubtful  # 「三十一號禮拜三」: the 31st is a Sunday
                                    or due is None and says_impossible_date(item.task, transcript.date)  # 「二月三十號」
                                    or says_impossible_clock(item.task)  # 「聽日二十五點前」: which hour was meant?
                                    or due is not None and holiday_name(due.day) is not None  # 「下個禮拜一」: Easter Monday
                                    or owner is not None and people.only_by_title(turn_text, owner)))  # 「陳生」: Ivy Chan?
    decisions = []
    for decision in raw.decisions:
        text = _TAIL.sub("", _LEAD.sub("", normalise(decision.text))).strip()
        text = drop_names(text, people, None) or text  # 「Ken，車牌識別唔搞住」 decides for everyone
        turn = _source_turn(decision.turn, text, transcript)
        asked = _question_before(transcript, turn) if turn is not None and VERB.fullmatch(text) else None
        if asked:  # 「部冷氣仲修唔修？」 「咁就修啦」: the verb alone answers what was asked
            text = f"{asked}：{text}"
        elif text and turn is not None:  # 「照用佢」: what 佢 is comes from the turns before
            text, _ = standalone(text, transcript, turn, topic_only=False)
            text = PROPOSED.sub("", text, count=1) if PROPOSED.match(text) else text  # 「我諗過不如加…，唔好加」: what was put
            rejected = REFUSAL.match(_LEAD.sub("", transcript.lines[turn].text))  # 「唔得喎，…照租旅遊巴」: not what was asked
            question = _question_before(transcript, turn) if _substance(text) < 8 and not rejected else None
            if question and similarity(question, text) < 0.5:
                text = f"{question}：{text}"
        text = _without_meeting_itself(text)
        if text:
            decisions.append(Decision(text, turn))
    return decisions, items


# 「開工前傾十五分鐘」, 「冇其他就散會」, 「趁未開舖講幾句」, 「今日就講到呢度」, 「多謝大家」: how this meeting
# runs, no decision of the team's
MEETING_ITSELF = re.compile(r"^(?:如果|咁|好)?\s*(?:冇其他|冇嘢|冇)(?:嘢|事)?\s*(?:就|嘅話)?\s*(?:散會|開工|收工|做嘢|返工|食飯)|"
                            r"^(?:開工|開會|散會|收工)?前?\s*(?:傾|講|開)\s*[一二兩三四五六七八九十\d]+\s*分鐘$|"
                            r"(?:講|傾|交代)\s*(?:幾|兩)\s*句|"  # 「趁未開舖講幾句」
                            r"^(?:今日|今次)?\s*(?:就|都)?\s*(?:講|傾)到(?:呢度|度)|^(?:多謝|唔該|辛苦)(?:晒)?\s*(?:大家|各位)|"
                            r"^(?:[^，,。]{1,8}\s*)?唔阻(?:你|大家|各位)|"
                            # 「咁開始」, 「今日講兩個 project」: the meeting starts, what it covers
                            r"^(?:好|咁|OK)?\s*(?:咁|就)?\s*開始(?:啦|喇|吧)?$|^(?:今日|今次)\s*(?:主要)?\s*(?:講|傾|討論|跟進|review)\s*[一兩二三四五幾\d]+\s*(?:樣|個|件|part)",
                            re.IGNORECASE)


def _without_meeting_itself(text: str) -> str:
    """A decision's text without the clauses that close the meeting after it (「照舊，冇其他嘢就散會，多謝
    大家」 → 「照舊」); "" when it opens with how the meeting runs (「趁未開舖講幾句，…」), also after the
    question it answers (「…？：今日就講到呢度」)."""
    asked, colon, said = text.rpartition("：")
    parts = clauses(said)
    ends = next((i for i, c in enumerate(parts) if MEETING_ITSELF.search(c.strip())), len(parts))
    if ends == len(parts):
        return text
    return f"{asked}{colon}{'，'.join(parts[:ends])}" if ends else ""
