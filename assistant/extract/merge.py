"""Merging candidates into the final state of the meeting.

Merging keeps one item per task: a request and its owner's reply in the next turn ("Mary，你…" /
"好，我…") are one task, worded as first said; a later mention of the same task (a re-assignment
or a new deadline) replaces the earlier one, and a later cancellation removes it. Another
person's mention replaces it only with words that hand it over (改由, 交俾, 我嚟 …); without them
both stay, marked for review. The owner's task said again, due the same day, in a summary is the
first one (with the finer due time; a first wording that names no work, 「我可以交」, takes the
summary's words), and tasks naming other ones of a kind (一樓/二樓 報價) are never merged.
"""

from __future__ import annotations

import re
from datetime import date
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from assistant.extract.answers import BARE, WHEN_ASKED, GENERIC_DONE as DONE_WORDS
from assistant.extract.cues import (
    ACCEPTS, GENERIC_WORK, HANDOVER_VERB, NEW_TOPIC, OPENER, QUESTION, REMIND, YES, asks, before_more_work, delivered_to_me,
    two_turns_back,
)
from assistant.extract.dates import WEEK_ASKED
from assistant.extract.deadlines import find_deadline, without_times
from assistant.extract.finalise import LEANS_PENALTY, REVIEW_BELOW
from assistant.extract.owners import OwnerResolver, resolver_for
from assistant.extract.priority import louder, priority_for
from assistant.extract.tasks import BARE_DONE, DELIVERY_VERBS, FORM_OF_WORK, GENERIC_DONE, ONLY_RECIPIENT, PRONOUN_OBJECT, VERB, VERB_WORD, leans_on_context
from assistant.extract.text import clauses, coverage, sentences, shared_grams, similarity
from assistant.extract.transcript import Line, Person, Transcript
from assistant.minutes import ActionItem, Decision

SAME_TASK = 0.6
SAME_DECISION = 0.6
HANDED_OVER = 0.5  # share of a task's words a handover repeats
RESTATED = 0.3  # one owner's tasks due the same day that share this much are one task
SAID_IN_FULL = 0.5  # share of a short task's words that a longer saying in the same turn repeats
CANCELLED_TASK = 0.5  # share of the task's words repeated in the cancelling turn
# 「唔使改期」, 「唔使改，照舊禮拜四」: the day stays, the task too
UNCHANGED = r"改(?:期|時間|日子|日期)|改\s*[，,、]?\s*(?:照舊|照原|維持|keep)"
NOT_THAT_LATE = r"\s*(?:禮拜|星期|下個|下星期|聽日|後日|月尾|咁遲|拖到)"  # 「唔使禮拜五，我今日就 send」: sooner, not called off
HOW_OFTEN = r"\s*(?:成日|經常|時時|日日|次次|每次|咁辛苦|咁麻煩)"  # 「…，啲客唔使成日打電話嚟」: what a proposal spares people
CANCEL = re.compile(rf"(?:唔使|唔駛|唔洗|不用|無須|毋須)(?!急|咁急|擔心|驚|理|客氣|等|{UNCHANGED}|{NOT_THAT_LATE}|{HOW_OFTEN})|取消|唔做喇|唔搞喇|唔要喇|cancel|drop|scrap",
                    re.IGNORECASE)
# the later mention of a task hands it to another person only with words that say so
HANDOVER = re.compile(r"改由|改為由|交返俾|交返畀|交俾|交畀|轉交|轉俾|轉畀|接手|換人|換咗|唔使.{0,8}(?:喇|啦|住)|我嚟|我幫\s*(?:你|佢|[A-Za-z]+|\S{1,3})?\s*(?:做|搞|跟|交|出)|講錯|應該係|"
                      r"instead|take over|hand(?:ed)? (?:it )?(?:over|to)", re.IGNORECASE)
VOLUNTEERS = re.compile(r"\s*(?:好|OK|ok|得)?[，,\s]*我(?!哋)\s*(?:嚟|來|跟|搞|做|負責)")  # 「我嚟，…」: answers who
WHO_NOW = re.compile(r"(?:邊個|邊位)\s*(?:跟|做|負責|接手|搞)[^，,。]{0,4}[？?]|(?<![A-Za-z])who(?:'s| is| will)? (?:take|do|handle)", re.IGNORECASE)


def merge_items(items: list[ActionItem], transcript: Transcript) -> list[ActionItem]:
    """The meeting's final action items from finalised candidates, in turn order (the rules in this module's
    docstring); priorities raised to what each due day asks (priority.louder)."""
    kept: list[ActionItem] = []
    people = resolver_for(transcript.people)
    for item in items:  # 「四十八單投訴仲未回」 「你哋禮拜五前要全部回覆」 「禮拜五有困難…」: 你哋 is the team of the one answering
        item.owner = item.owner or _team_lead_answering(item, transcript, people)
    for item in sorted(items, key=lambda i: i.turn if i.turn is not None else -1):
        kept = [k for k in kept if not _passed_on(k, item, transcript, people)]
        offered = next((k for k in kept if _offer_then_asked(k, item, transcript)), None)
        if offered is not None:  # 「我可以叫供應商上去睇下」 「阿傑，你禮拜五前約供應商上去睇晒」: what is asked stands
            item.deadline = item.deadline or offered.deadline  # 「我可以負責，下個禮拜五前 set 好」 「好，你跟」: the day offered
            kept[kept.index(offered)] = item
            continue
        answered = next((k for k in kept if _answered_by_another(k, item, transcript)), None)
        if answered is not None:  # 「Kelly 畫咗一半，你 send 個 file 俾我」 「我今日 send 俾你」: who answers was asked
            answered.owner, answered.deadline = item.owner, item.deadline or answered.deadline
            continue
        taken_on = next((k for k in reversed(kept) if _handed_then_said(k, item, transcript)), None)
        if taken_on is not None:  # 「CCTV quote 改由阿福跟啦。阿福，你下個禮拜五前攞齊三間嘅 quote 俾我。」: that work, by then
            thing = clauses(TAKES_ON.match(taken_on.task.strip())["thing"])[0]
            if not shared_grams(thing, item.task):  # 「抽風機改由潘師傅跟。下個禮拜一前搵人嚟洗。」: wash the fan
                item.task = f"{item.task.strip()}{' ' if re.match(r'[A-Za-z0-9]', thing) else ''}{thing}"
            kept[kept.index(taken_on)] = item
            continue
        asked_of_all = next((k for k in reversed(kept) if _group_task_given(k, item)), None)
        if asked_of_all is not None:  # 「你哋禮拜一前 send VPN user list 俾我」 「阿怡，VPN user list 你嚟 handle」: hers
            asked_of_all.owner, asked_of_all.deadline = item.owner, asked_of_all.deadline or item.deadline
            continue
        countered = next((k for k in kept if _counter_taken(k, item, transcript)), None)
        if countered is not None:  # 「聽日之前搵三間報價」 「不如到後日？我十一點前 send 三個報價俾你」 「好啦，就後日十一點」
            countered.deadline = item.deadline
            continue
        reply_to = next((k for k in kept if _one_exchange(k, item, transcript)), None)
        if reply_to is not None:  # the answer's due time stands, unless it drops a time of day said before
            if item.deadline and len(item.deadline) >= len(reply_to.deadline or "") and not _first_step(reply_to, item, transcript) \
                    or _day_in_week_asked(reply_to, item, transcript):
                reply_to.deadline = item.deadline
            if leans_on_context(reply_to.task):
                _reworded(reply_to, item)
            elif _said_in_full(reply_to, item):
                _take_wording(reply_to, item.task)
            continue
        done_by = _just_given(kept, item, same_turn=True) \
            if GENERIC_DONE.fullmatch(item.task.strip()) or _only_when_done(transcript, item.turn) else None
        if done_by is not None:  # 「咁改由 Ken 跟個 launch deck 啦，下個禮拜三前搞掂」: when the task just given is done by
            done_by.deadline = item.deadline or done_by.deadline
            continue
        minded = next((k for k in reversed(kept) if _reminder_of(k, item, transcript) or _while_doing(k, item)), None)
        if minded is not None:  # 「阿傑，記得雪櫃後面留位散熱」: how to do the task just given, no task of its own
            continue
        part = _a_part_done(item.task)
        whole = _just_given(kept, item, same_turn=False) if part else None
        if whole is not None and _counted(whole.task, part["measure"]):
            continue  # 「換晒三部 Van 仔嘅機油」 「我今晚做埋兩部，聽朝做埋最後一部」: steps of that work
        taken = _just_given(kept, item, same_turn=False) if BARE_TAKING.fullmatch(item.task) else None
        if taken is not None:  # 「咁阿傑你跟。」 「OK，我跟。」: yes to the task just handed over, no task of its own
            taken.deadline = taken.deadline or item.deadline
            continue
        again = _just_given(kept, item, same_turn=False) if (leans_on_context(item.task) or WHERE_DONE.fullmatch(item.task.strip())) \
            and _verbs(item.task) else None
        if again is not None and ((_verbs(HOW_REACHED.sub("", item.task)) or _verbs(item.task)) <= _verbs(again.task)
                                  or GENERIC_ALONE.fullmatch(item.task.strip())):  # 「Sophie 統籌」: the work just given, in a word
            # 「…寫個回覆。」 「好，我今日開始寫。」: yes to the task given, in a word; when it starts is no due day
            starts = STARTS.search(transcript.lines[item.turn].text)
            if not starts and item.deadline and (not again.deadline or item.deadline[:10] < again.deadline[:10]) \
                    and not (again.deadline and "T" in again.deadline and "T" not in item.deadline):  # the asker's hour stands
                again.deadline = item.deadline  # 「你呢個禮拜內約佢哋」 「我聽日打電話約佢哋」: the owner's own sooner day
            if item.deadline and _other_time_asked(again, item, transcript) or _day_in_week_asked(again, item, transcript):
                again.deadline = item.deadline  # 「我下個禮拜三 send」 「可唔可以早啲？」 「咁我禮拜五朝早 send」
            continue
        undated = next((k for k in kept if _dated_by_owner(k, item, transcript)), None)
        if undated is not None:  # 「花球阿樂你跟埋」 … 「得，我嚟跟。花球我…廿九號之前落單」: the work taken on, and its day
            undated.deadline = item.deadline
            if not leans_on_context(item.task) and len(item.task) >= len(undated.task):
                _take_wording(undated, item.task)  # 「我想請八個」 「請五個啦」 「咁我禮拜五前請齊五個，排好更」: what is finally done
            continue
        restated = next((k for k in kept if _restated(k, item)), None) \
            or max((k for k in kept if _recapped(k, item, transcript)), key=lambda k: similarity(k.task, item.task), default=None)
        if restated is not None:  # a summary repeating a task: the first wording stays, with the finer due time
            if item.deadline and len(item.deadline) > len(restated.deadline or "") and not _clash(restated.deadline, item.deadline):
                restated.deadline = item.deadline
            _reworded(restated, item)
            continue
        handed = next((k for k in reversed(kept) if _verb_given_again(k, item, transcript)), None)
        if handed is not None:  # 「阿傑，你寫季度報告。」 「唔係喎，阿傑做唔切，Ivy 你寫啦。」: the report is Ivy's now
            handed.owner, handed.turn, handed.deadline = item.owner, item.turn, item.deadline or handed.deadline
            continue
        same = next((k for k in kept if _same_task(k, item, transcript)), None)
        if same is None:
            rival = next((k for k in kept if _rival(k, item)), None)
            if rival is not None and not _hands_over(transcript, item.turn):  # 「份報價我聽日交」 after Ivy was asked
                rival.needs_review = item.needs_review = True
            kept.append(item)
        elif same.owner != item.owner and (item.turn or 0) > (same.turn or 0) and not _hands_over(transcript, item.turn) \
                and _given_again(same, item, transcript):
            item.deadline = item.deadline or same.deadline  # 「Ivy，你寫份 proposal。」 「份 proposal 阿傑你寫。」: 阿傑's now
            kept[kept.index(same)] = item
        elif same.owner != item.owner and not _hands_over(transcript, item.turn):
            for either in (same, item):  # two people said to do one thing, nobody handing it over: a person decides
                either.needs_review = True
            kept.append(item)
        elif (item.turn or 0) > (same.turn or 0):
            # the asked due day, and how loudly it is followed up; the giver's own new day stands (「Key art 你放假前搞掂」)
            if _first_step(same, item, transcript) and not _asked_by_another(item, transcript):
                item.deadline, item.priority = same.deadline, same.priority
            item.deadline = item.deadline or same.deadline
            if same.deadline and "T" in same.deadline and "T" not in item.deadline and item.deadline <= same.deadline[:10] \
                    and people.find_name(transcript.lines[item.turn].speaker) == item.owner:
                item.deadline = same.deadline  # the asker's hour stands over the owner's day said without one
            if GENERIC_WORK.match(item.task) and not GENERIC_WORK.match(same.task) \
                    or coverage(item.task, same.task) == 1 and len(item.task) < len(same.task) \
                    or _answer_to(same, item, transcript, people) and not leans_on_context(same.task) \
                    and item.confidence <= same.confidence:  # the request's words over an answer filled in from it
                _take_wording(item, same.task)  # 「份報價改由 Ken 跟」, 「報價嗰樣交俾 Sarah」: the work is still 交報價
            kept[kept.index(same)] = item
        else:
            same.deadline = same.deadline or item.deadline
            if _said_in_full(same, item):
                _take_wording(same, item.task)
    cancelling = [(line.index, _with_topic(said, k)) for line in transcript.lines for sentence in sentences(line.text)
                  for said in [clauses(sentence)] for k, clause in enumerate(said) if CANCEL.search(clause)]
    dropped, moved = [], []
    for item, line in _cancelled_bare(kept, transcript):
        speaker = people.find_name(line.speaker)
        if speaker and _kept_by_speaker(line.text, item):  # 「阿傑唔使打喇，我自己打」: the call stays, the speaker's now
            item.owner, item.turn = speaker, line.index
            moved.append(item)
        else:
            dropped.append(item)
    for item in kept:  # a due day taken from a reply (「好，我今晚打俾佢哋」) rings as loudly as that day asks
        said = transcript.lines[item.turn].text if item.turn is not None and 0 <= item.turn < len(transcript.lines) else ""
        due = date.fromisoformat(item.deadline[:10]) if item.deadline else None
        item.priority = louder(item.priority, priority_for(item.task, due, transcript.date, len(transcript.people), said))
    stopping = [(line.index, clause) for line in transcript.lines for sentence in sentences(line.text)
                for clause in clauses(sentence) if NOT_DOING_IT.search(clause)]
    return [i for i in kept if i in moved or not _cancelled(i, cancelling) and not _stopped(i, stopping) and i not in dropped]


OFFER = re.compile(r"我(?!哋)\s*(?:都)?\s*(?:可以|不如|幫你|可唔可以)|(?:^|[，,。])\s*(?:咁|噉)\s*我(?!哋)"  # 「咁我整個班次表出嚟」
                   r"|(?<![A-Za-z])I (?:can|could)(?![A-Za-z])")
STARTS = re.compile(r"開始|(?<![A-Za-z])start", re.IGNORECASE)
# how a person is reached, not more work: 「約佢哋面試」 「我聽日打電話約佢哋」 is the one task
# where the work is done, then its verb alone: 「去深水埗買」 after 「防墮繩你負責買」 is the one task
WHERE_DONE = re.compile(rf"(?:去|到|喺|返)\s*[^\s，,。你我佢]{{1,6}}?\s*(?:{VERB_WORD})\s*(?:埋|晒|齊|返)?", re.IGNORECASE)
HOW_REACHED = re.compile(r"(?:打|用|send|發|寫)\s*(?:個|封)?\s*(?:電話|email|e-mail|whatsapp|message|短訊|訊息)", re.IGNORECASE)


TAKES_ON = re.compile(r"^(?:跟進|跟|負責|處理|搞|handle|take care of|look after)\s*(?P<thing>\S.*)$", re.IGNORECASE)
MORE_WORK = re.compile(r"埋|順便|順手|仲有|另外")
GROUP_GIVEN_TURNS = 2  # turns within which a task asked of everyone is given to one of them


def _group_task_given(earlier: ActionItem, later: ActionItem) -> bool:
    """Whether ``later`` only gives one person a task asked of the group shortly before (「你哋禮拜一前
    send VPN user list 俾我」 then 「阿怡，VPN user list 你嚟 handle」): the thing taken on named in that task."""
    taken = TAKES_ON.match(later.task.strip())
    return bool(taken) and earlier.owner is None and later.owner is not None and earlier.turn is not None \
        and later.turn is not None and 0 < later.turn - earlier.turn <= GROUP_GIVEN_TURNS \
        and re.sub(r"\s+", "", taken["thing"]).casefold() in re.sub(r"\s+", "", earlier.task).casefold()


EVERYONE = re.compile(r"所有人|所有同事|全部人|全部同事|全公司|全體|大家|各位|每個人|每人|你哋[兩三四五幾]個|[兩三四五幾]個人|一齊")  # 「你哋所有人」: all of them
YOUR_TEAM = re.compile(r"你哋|你們|(?<![A-Za-z])your team(?![A-Za-z])", re.IGNORECASE)


def _team_lead_answering(item: ActionItem, transcript: Transcript, people: OwnerResolver) -> str | None:
    """The attendee a 你哋 task is said to when only they talk with the asker, the turn before and the turn
    after (their team's work, theirs to see to); None otherwise."""
    turn = item.turn
    if turn is None or not 0 < turn < len(transcript.lines) - 1 or not YOUR_TEAM.search(transcript.lines[turn].text):
        return None
    before, asker, after = transcript.lines[turn - 1], transcript.lines[turn], transcript.lines[turn + 1]
    one = people.find_name(before.speaker)
    others = {people.find_name(n) for n in people.mentioned(after.text)} - {people.find_name(asker.speaker)}
    return one if one and before.speaker == after.speaker != asker.speaker and not people.mentioned(asker.text) \
        and not others and not people.mentioned(before.text) and not EVERYONE.search(asker.text) else None  # 「阿怡，VPN user list 你嚟 handle」: the answer hands it to somebody


def _said_in_full(short: ActionItem, full: ActionItem) -> bool:
    """Whether ``full``, said in the same turn, says ``short`` again with more words (「book 車改由 Bonnie 跟啦。
    Bonnie，你…打去貨車公司，book 兩架五噸半」)."""
    return full.turn == short.turn and len(full.task) > len(short.task) and coverage(short.task, full.task) >= SAID_IN_FULL \
        and not full.task.startswith(short.task)  # 「問 Creative Director 攞 quote，攞到俾你」: a step added, not the work named


def _counter_taken(asked: ActionItem, answer: ActionItem, transcript: Transcript) -> bool:
    """Whether ``answer`` is the one asked offering a later day for the same work in the next turn and the
    asker says yes in the turn after: the work asked, by the day offered."""
    if asked.owner is None or asked.owner != answer.owner or asked.turn is None or answer.turn != asked.turn + 1 \
            or not asked.deadline or not answer.deadline or answer.deadline[:10] <= asked.deadline[:10] \
            or answer.turn + 1 >= len(transcript.lines) or not _asked_by_another(asked, transcript) \
            or not shared_grams(_without_people(asked.task, transcript), _without_people(answer.task, transcript)):
        return False
    reply = transcript.lines[answer.turn + 1]
    return reply.speaker == transcript.lines[asked.turn].speaker and bool(YES_TO_DAY.search(reply.text))


YES_TO_DAY = re.compile(r"^(?:[^，,。]{0,16}?(?:……|…|[，,。]))?\s*(?:好啦|好吖|OK|得|可以|冇問題)\s*[，,。]?\s*(?:就|咁就)")  # 「禮拜五十一點……好啦，就…」


ENDS_ON_VERB = re.compile(rf"(?:{VERB_WORD})\s*(?:好|晒|埋|掂)?$", re.IGNORECASE)  # 「搵人嚟洗」: what is washed is the thing handed


def _handed_then_said(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether ``earlier`` only hands a thing to its owner (「跟進停車場 CCTV quote」) and ``later``, said to the
    same owner in the same turn, says the work on that thing (「攞齊三間嘅 quote 俾我」)."""
    taken = TAKES_ON.match(earlier.task.strip())
    return bool(taken) and earlier.owner is not None and earlier.owner == later.owner and earlier.turn == later.turn \
        and not TAKES_ON.match(later.task.strip()) \
        and (shared_grams(clauses(taken["thing"])[0], later.task) >= 1 or ENDS_ON_VERB.search(later.task.strip())) \
        and _hands_over(transcript, later.turn) and not MORE_WORK.search(later.task)  # 「…，你聽日順便搬埋啲 CCTV 機」: more work


def _take_wording(item: ActionItem, task: str) -> None:
    """item worded as task; a doubt that was only about the old wording leaning on the turns before goes."""
    if leans_on_context(item.task) and not leans_on_context(task):
        item.confidence = round(item.confidence + LEANS_PENALTY, 2)
        item.needs_review = item.confidence < REVIEW_BELOW
    item.task = task


# 「做埋兩部」, 「搞埋最後一部」: a generic verb and part of the things the task counts
PART_DONE = re.compile(r"(?:做|搞|整|執|處理)\s*(?:埋|咗|晒|好|完)?\s*(?:其餘|剩返|餘下|最後|頭)?\s*(?:[一二兩三四五六七八九十幾\d]+)?\s*"
                       r"(?P<measure>部|架|個|間|份|張|批|箱|條|層|樓)")
COUNTED_MEASURE = r"[一二兩三四五六七八九十廿幾\d]+\s*"  # 「三部」: how many of a measure


def _a_part_done(task: str) -> re.Match[str] | None:
    """A task that says only that some of the counted things get done (「有啲趕，做兩部」)."""
    return next((m for c in clauses(task) if (m := PART_DONE.search(c))), None) \
        if all(PART_DONE.search(c) or not VERB.search(c) for c in clauses(task)) else None


def _counted(task: str, measure: str) -> bool:
    """Whether a task counts its things with that measure word (「換晒三部 Van 仔嘅機油」: 部)."""
    return bool(re.search(COUNTED_MEASURE + re.escape(measure), task))


def _passed_on(earlier: ActionItem, later: ActionItem, transcript: Transcript, people: OwnerResolver) -> bool:
    """Whether the one told of some work passes it on in the next turn (「華哥，永昌嗰批貨要出口報關」 then
    華哥: 「阿樂，你三個工作天內交齊永昌嗰批貨嘅報關文件」): it is the new owner's only."""
    return earlier.owner is not None and later.owner not in (None, earlier.owner) and earlier.turn is not None \
        and later.turn == earlier.turn + 1 and people.find_name(transcript.lines[later.turn].speaker) == earlier.owner \
        and people.find_name(transcript.lines[earlier.turn].speaker) != earlier.owner \
        and shared_grams(earlier.task, later.task) >= PASSED_ON_WORDS


PASSED_ON_WORDS = 2  # words or character pairs the work passed on shares with the work told


def _just_given(kept: list[ActionItem], item: ActionItem, same_turn: bool) -> ActionItem | None:
    """The latest of item's owner's tasks given in the few turns before (or in its own turn, when
    ``same_turn``), which a bare 「OK，我跟」 or 「…搞掂」 answers."""
    return next((k for k in reversed(kept) if k.owner == item.owner and k.turn is not None and item.turn is not None
                 and (0 if same_turn else 1) <= item.turn - k.turn <= NAMED_CANCEL_TURNS), None)


def _only_when_done(transcript: Transcript, turn: int | None) -> bool:
    """Whether the turn says no more than when the work will be done (「冇問題，我十八號前搞掂」)."""
    said = transcript.lines[turn].text if turn is not None else ""
    bare = without_times(OPENER.sub("", DONE_WORDS.sub("", said)), transcript.date)
    return bool(DONE_WORDS.search(said)) and not BARE.sub("", bare)


def _kept_by_speaker(said: str, item: ActionItem) -> bool:
    """Whether a cancelling turn goes on to say the speaker does the work themselves (「我自己打」)."""
    return any(m and (not m["verb"] or m["verb"].casefold() in item.task.casefold())
               for m in (SELF_TAKES.match(c.strip()) for c in clauses(said)))


LET_IT_GO = re.compile(r"(?:咁|噉)?\s*算(?:啦|吧|數|喇|囉)"  # 「咁算啦，唔使做住」; put off: 「hold 住先，唔使做住」
                       r"|(?:咁|噉)?\s*(?:(?<![A-Za-z])hold\s*(?:住|下|吓)?|停(?:一停|住|低)|擱置|暫停|等等)\s*(?:先|住先)?(?:啦|喇)?", re.IGNORECASE)
BARE_CANCEL = re.compile(r"^(?:(?:啊|哦|咁|噉|算啦|算吧|唔好意思|sorry|actually)[，,\s]*)*(?:就|都)?\s*(?:嗰樣|呢樣|嗰個|呢個|佢)?\s*(?:就|都)?\s*"
                         rf"(?:(?:唔使|唔好(?=[^，,。]{{0,6}}住))(?!急|咁急|擔心|驚|客氣|等|{UNCHANGED})\s*(?P<verb>" + VERB_WORD + r"|[\u3400-\u9fff])?\s*(?:佢|埋)?|取消(?:咗)?(?:佢)?|cancel (?:it|that)|forget it)"
                         r"(?:喇|啦|囉|住|吖)?[。！!.]*$", re.IGNORECASE)  # 「Ivy 唔使打喇」


SELF_TAKES = re.compile(r"^(?:咁|好)?[，,\s]*我(?!哋)(?:自己|嚟)+\s*(?P<verb>" + VERB_WORD + r"|[\u3400-\u9fff]{1,2}?)?\s*(?:啦|喇|吖)?[。！!]*$",
                        re.IGNORECASE)
BARE_TAKING = re.compile(rf"{HANDOVER_VERB}(?:埋|住|返)?")
NAMED_CANCEL_TURNS = 4  # how far back 「Ivy 唔使打喇」 looks for Ivy's call when other talk came between
CHANGE = "改"
GENERIC_VERB = re.compile(r"做|搞|跟|理|check", re.IGNORECASE)  # 「唔使做」 names no task of its own
NOTED = re.compile(r"(?:咁|噉)?\s*(?:好|OK|ok|係喎|啱喎|啱|冇錯|原來係咁|原來如此)(?:喎|呀|啊|吖)?", re.IGNORECASE)  # what was just said, heard
INTERJECTION = re.compile(r"(?:啊|哦|咦|嗯|噢|唉|哎|哎呀|sorry|actually|唔好意思)+", re.IGNORECASE)  # 「啊唔好意思，唔使喇，…」


def _first_step(asked: ActionItem, answer: ActionItem, transcript: Transcript) -> bool:
    """Whether an answer's earlier date is a first step toward the task, not its due day
    (「三個工作天內俾個時間我」 「好，我今日下晝打去問」): other work, or the task with a step added
    (whoever 我 was in its words), or a call about it (「…同陳生 confirm 交期」 「明白，我今晚打俾佢」), or said
    after taking the day asked (「禮拜五冇問題，我聽日…就去買」)."""
    return bool(asked.deadline and answer.deadline and answer.deadline < asked.deadline
                and (_other_verbs(asked, answer) or _day_taken(asked, answer, transcript) or _without_people(answer.task, transcript).startswith(
                    _without_people(asked.task, transcript) + "，")
                     or bool(CONTACT.match(answer.task)) and not CONTACT.match(asked.task)))


DAY_TAKEN = re.compile(r"^\s*(?P<day>[^，,。]{1,10}?)\s*(?:都|就)?\s*(?:冇問題|無問題|OK|ok|得|可以)\s*[，,]")


def _day_taken(asked: ActionItem, answer: ActionItem, transcript: Transcript) -> bool:
    """Whether the answer opens by taking the day asked (「禮拜五冇問題，…」)."""
    taken = DAY_TAKEN.match(transcript.lines[answer.turn].text) if answer.turn is not None else None
    day = find_deadline(taken["day"], transcript.date) if taken else None
    return bool(day and asked.deadline and day.day.isoformat() == asked.deadline[:10])


def _day_in_week_asked(asked: ActionItem, answer: ActionItem, transcript: Transcript) -> bool:
    """Whether the answer names a day in the week the task was asked for with no day (「下個禮拜你約何生。」
    「好，我禮拜二約佢。」): that day is the due day, not a first step."""
    return bool(asked.deadline and answer.deadline and asked.turn is not None and answer.turn == asked.turn + 1
                and WEEK_ASKED.search(transcript.lines[asked.turn].text)
                and date.fromisoformat(answer.deadline[:10]).isocalendar()[:2] == date.fromisoformat(asked.deadline[:10]).isocalendar()[:2]
                and answer.deadline[:10] <= asked.deadline[:10])


CONTACT = re.compile(r"打\s*(?:個)?\s*(?:電話)?\s*(?:俾|畀|去|過)|(?<![A-Za-z])(?:call|email|e-mail|whatsapp|message)(?![A-Za-z])",
                     re.IGNORECASE)


def _by_verb(items: list[ActionItem], verb: str | None) -> list[ActionItem]:
    """The items whose task has the verb a cancellation names (「唔使打喇」: the call); none for a
    verb that names no task of its own (「唔使做」)."""
    if not verb or GENERIC_VERB.fullmatch(verb):
        return []
    return [i for i in items if verb.casefold() in i.task.casefold()]


def _taken_back(latest: list[ActionItem], verb: str | None) -> list[ActionItem]:
    """What a bare cancellation takes back of the latest items: those with its verb, or all of them;
    「唔使改」 (no change) takes back only an edit, never the task whose day was being discussed."""
    return _by_verb(latest, verb) or ([] if verb == CHANGE else latest)


def _cancelled_bare(kept: list[ActionItem], transcript: Transcript) -> list[tuple[ActionItem, Line]]:
    """Items a bare cancellation in the next turn or two takes back (「啊唔使做喇」 after 「Ivy，你聽日
    call 供應商」): the latest turn's items, when somebody else than their owner says it and not as
    the answer to a question (「使唔使我幫手？」 「唔使喇」 declines help); said to a person by name
    (「Tommy 唔使做」), that person's latest."""
    people = resolver_for(transcript.people)
    dropped: list[tuple[ActionItem, Line]] = []
    for line in transcript.lines:
        for clause in (c for sentence in sentences(line.text) for c in clauses(sentence)):
            named = people.strip_leading(clause.strip())  # 「…，Tommy 唔使做。」: Tommy's latest task
            cancel = BARE_CANCEL.match(named[1].strip()) if named else None
            if cancel:
                theirs = [i for i in kept if i.owner == named[0] and i.turn is not None
                          and line.index - NAMED_CANCEL_TURNS <= i.turn <= line.index]
                by_verb = _by_verb(theirs, cancel["verb"])
                if by_verb:  # 「Ivy 唔使打喇」: the call, not her other tasks
                    dropped += [(i, line) for i in by_verb]
                    continue
                theirs = [i for i in theirs if i.turn >= line.index - 2]
                dropped += [(i, line) for i in _taken_back([i for i in theirs if i.turn == max(t.turn for t in theirs)],
                                                           cancel["verb"])]
        said = [c for c in clauses((sentences(line.text) or [""])[0]) if not INTERJECTION.fullmatch(c.strip())]
        said = said[1:] if len(said) > 1 and NOTED.fullmatch(said[0].strip()) else said  # 「咁好，咁唔使訂喇」
        called = people.strip_leading(said[0].strip()) if len(said) > 1 else None
        said = said[1:] if called and not called[1].strip() else said  # 「李太，嗰個唔使搞喇」: said to the one who asked
        first = said[1] if len(said) > 1 and LET_IT_GO.fullmatch(said[0].strip()) else next(iter(said), "")  # 「咁算啦，唔使做住」
        if not BARE_CANCEL.match(first.strip()) and all(TAKEN_BACK.fullmatch(c.strip()) or CANCEL.search(c) for c in said):
            first = next((c for c in said if BARE_CANCEL.match(c.strip())), first)  # 「啊唔係，送貨取消咗，唔使打喇」
        prior = transcript.lines[line.index - 1].text if line.index > 0 else ""
        asked = prior.rstrip().endswith(("？", "?")) and not CANCEL.search(prior)  # 「唔使買住啩？」 「係喎，咁唔好買住」: agreed
        cancel = BARE_CANCEL.match(first.strip())
        if asked or not cancel:
            continue
        before = [i for i in kept if i.turn is not None and line.index - 2 <= i.turn < line.index]
        latest = [i for i in before if i.turn == max(b.turn for b in before)] if before else []
        own = [i for i in latest if i.owner == people.find_name(line.speaker)]
        # the owner's own 「嗰個唔使搞喇」, agreed, calls off their task only; anyone else's, the others'
        latest = [i for i in own if _let_off(i, line, transcript)] if own else latest
        dropped += [(i, line) for i in _taken_back(latest, cancel["verb"])]  # 「唔使打喇」: the call, not the email given with it
    return dropped


def _let_off(item: ActionItem, line: Line, transcript: Transcript) -> bool:
    """Whether the owner's own 「(李太，)嗰個唔使搞喇，業主會換」 right after being asked is agreed to by the one who asked
    (「咁好，慳返。」): the task is called off; a reply that insists (「都要…」) or none keeps it."""
    asker = transcript.lines[item.turn].speaker
    reply = transcript.lines[line.index + 1] if line.index + 1 < len(transcript.lines) else None
    said = [c for c in clauses((sentences(reply.text) or [""])[0]) if not INTERJECTION.fullmatch(c.strip())] if reply else []
    first = INTERJECTION.sub("", said[0]).strip() if said else ""  # 「噢，咁好」
    return item.turn == line.index - 1 and reply is not None and reply.speaker == asker \
        and bool(NOTED.fullmatch(first) or YES.match(first)) and not re.search(r"都要|一定要|照(?:做|搞)|唔得", reply.text)


TAKEN_BACK = re.compile(r"(?:啊|哦)?\s*唔係(?:喎|呀)?")  # 「啊唔係，…」: what was said before is taken back
THEN_MORE = re.compile(r"(?:再|然後|跟住|之後)(?!\s*(?:講|傾|算|嚟))")


ANSWER_TURNS = 3  # turns within which the owner's answer to a request may come, others answering first


def _answer_after_others(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether the later item is its owner's answer to the earlier request, others asked in the same turn
    answering in between (「阿傑，…。Ivy，你擬封道歉信…」 「好，我而家就約。」 「好，道歉信我聽日 send 俾你」)."""
    people = resolver_for(transcript.people)
    asker = transcript.lines[earlier.turn].speaker
    between = transcript.lines[earlier.turn + 1:later.turn]
    return 1 < later.turn - earlier.turn <= ANSWER_TURNS and people.find_name(transcript.lines[later.turn].speaker) == later.owner \
        and _asked_by_another(earlier, transcript) \
        and all(line.speaker != asker and people.find_name(line.speaker) != later.owner for line in between)


def _one_exchange(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Same owner, same or next turn, no clashing deadlines, and no "另外/仲有" opening a new task."""
    if earlier.owner != later.owner or earlier.turn is None or later.turn is None:
        return False
    answer_next = later.turn == earlier.turn + 1 or _answer_after_others(earlier, later, transcript)
    if _yes_first_step(earlier, later, transcript) or answer_next and _first_step(earlier, later, transcript) \
            and _day_taken(earlier, later, transcript) and _asked_by_another(earlier, transcript):
        return True  # 「你禮拜五之前買齊禮物包」 「禮拜五冇問題，我聽日…就去深水埗買」: yes, and the first step
    if not (later.turn == earlier.turn or answer_next) or _clash(earlier.deadline, later.deadline):
        return False
    if later.turn == earlier.turn and THEN_MORE.match(later.task.strip()) and _verbs(later.task) - _verbs(earlier.task) \
            and not DELIVERS.match(THEN_MORE.sub("", later.task.strip(), count=1).strip()):  # 「…，再 send 俾黃太 approve」: handing it in
        return False  # 「check 晒 data mapping，再同 vendor 開個 call」: the next task, not the same one
    answered = answer_next and _asked_by_another(earlier, transcript) \
        and not _asked_by_another(later, transcript) and _verbs(later.task) \
        and (_verbs(later.task) <= _verbs(earlier.task) or all(DELIVERS.fullmatch(v) for v in _verbs(later.task))) \
        and FORM_OF_WORK.fullmatch(_FILLER.sub("", VERB.sub("", later.task)))  # 「寫封 email 俾 insurer」 「我今日 send」
    if answer_next \
            and (later.deadline is None or later.deadline == earlier.deadline or earlier.deadline is None and CONTACT.match(later.task)) \
            and _asked_by_another(earlier, transcript) \
            and not _asked_by_another(later, transcript) and ACCEPTS.match(transcript.lines[later.turn].text) \
            and not ANOTHER.search(_own_part(later, transcript.lines[later.turn].text)):  # 「好，我聽日交埋合約」: more work
        return True  # 「你幫我搵人設計張 poster」 「冇問題，我搵返上次嗰間印刷公司」: yes, and how, no task of its own;
        # 「你同印刷廠傾下 express」 「可以，我聽日打去問」: yes, and when, by phone
    contact = CONTACT.match(later.task)
    if answer_next and contact and not _clash(earlier.deadline, later.deadline) and _asked_by_another(earlier, transcript) \
            and not _asked_by_another(later, transcript) and coverage(later.task[contact.end():], earlier.task) >= 0.5:
        return True  # 「你今日之內叫 lift 公司嚟睇」 「我而家打俾 lift 公司」: how it is done, no task of its own
    if _other_things(_without_people(earlier.task, transcript), _without_people(later.task, transcript)) and not answered \
            and not (later.turn == earlier.turn + 1 and _verb_swapped(earlier.task, later.task)):  # 「出個採購單」 「採購單我聽日整好」
        return False  # 「section 你寫」 「我禮拜三前寫好初稿」: one task; 「俾 Michael」 and 「俾我」 may be one person
    in_own_words = not (leans_on_context(later.task) or leans_on_context(earlier.task) or shared_grams(earlier.task, later.task))
    named_again = later.turn == earlier.turn and _asked_twice(transcript, later) and not shared_grams(earlier.task, later.task) \
        and VERB.search(later.task) and not PRONOUN_OBJECT.search(later.task)  # 「…一齊去見客，Ivy 你負責做 presentation」
    # 「Ivy，…你聽日再 call 佢。」 「…所以 Ivy 你聽日整好 proposal。」: the same asker's next request, no reply
    asked_again = later.turn == earlier.turn + 1 and _asked_by_another(earlier, transcript) \
        and transcript.lines[later.turn].speaker == transcript.lines[earlier.turn].speaker \
        and _turns_to_someone(transcript.lines[later.turn].text, transcript.people) \
        and not leans_on_context(later.task) and _other_verbs(earlier, later) and not shared_grams(earlier.task, later.task) \
        and not RECAP.search(transcript.lines[later.turn].text)  # a summary adds no work
    if named_again or asked_again or in_own_words and _asked_after_own_plan(earlier, later, transcript) and _other_verbs(earlier, later):
        return False  # two tasks in their own words: 「Ivy 你交份報價。Ivy 你 check server」, 「我八號開 line」 「你八號 send 排期」
    return not NEW_TOPIC.search(transcript.lines[later.turn].text)


def _answered_by_another(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether the next turn's speaker takes up, with the same verb, a request said to 你 that was read
    as the last speaker's, when the request's turn named the one answering and not that speaker."""
    if earlier.turn is None or later.turn != earlier.turn + 1 or later.owner in (None, earlier.owner):
        return False
    people = resolver_for(transcript.people)
    asked, reply = transcript.lines[earlier.turn], transcript.lines[later.turn]
    named = {people.find_name(n) for n in people.mentioned(asked.text)}
    return people.find_name(reply.speaker) == later.owner and later.owner in named and earlier.owner not in named \
        and people.find_name(asked.speaker) != earlier.owner \
        and not _asked_by_another(later, transcript) and bool(verbs := _verbs(later.task) - GIVING) and verbs <= _verbs(earlier.task)


GIVING = frozenset("俾畀給")  # 「send 俾你」: to whom, not another verb


def _offer_then_asked(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether later is what somebody else asks of the owner, in the next turn, about the thing the
    owner just offered to do (「我可以…」): the request, with its own words and day, takes its place."""
    return earlier.owner == later.owner and earlier.turn is not None and later.turn == earlier.turn + 1 \
        and OFFER.search(transcript.lines[earlier.turn].text) is not None \
        and _asked_after_own_plan(earlier, later, transcript) and bool(shared_grams(earlier.task, later.task))


def _given_again(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether whoever gave the earlier task gives it to somebody else, by name, in one of the next
    two turns (bare yeses between not counted): the task moves without a word of handing over."""
    asker = transcript.lines[earlier.turn].speaker
    return two_turns_back(transcript.lines, later.turn) <= earlier.turn <= later.turn and transcript.lines[later.turn].speaker == asker \
        and _asked_by_another(earlier, transcript) and _asked_by_another(later, transcript) \
        and later.owner is not None and resolver_for(transcript.people).find_name(asker) != later.owner


# 「咁 Ivy 你幫手搞」, 「OK，Ivy 你 take 咗佢」: a verb of any work, alone, is the work just given
GENERIC_ALONE = re.compile(r"(?:幫手|幫忙)?\s*(?:搞|做|跟進|跟|負責|處理|統籌|協調|接手|take(?: over)?|handle|own|coordinate)(?:埋|住|返|咗)?",
                           re.IGNORECASE)


def _verb_given_again(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether the later item is a verb alone that the earlier task has (「Ivy 你寫啦」 after 「阿傑，你寫
    季度報告」) or one of any work (「咁 Ivy 你幫手搞」), given by the same asker to somebody else in the
    next two turns: the task moves."""
    bare = later.task.strip()
    return bool(BARE_DONE.fullmatch(bare) and _verbs(bare) and _verbs(bare) <= _verbs(earlier.task) or GENERIC_ALONE.fullmatch(bare)) \
        and earlier.owner != later.owner and _given_again(earlier, later, transcript) \
        and not ALSO.search(transcript.lines[later.turn].text)


def _reminder_of(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether a later undated item is a reminder (記得, 留意, 小心…) on the owner's task given just before,
    about the same thing."""
    if later.deadline or earlier.owner != later.owner or earlier.turn is None or later.turn is None \
            or not 0 < later.turn - earlier.turn <= NAMED_CANCEL_TURNS:
        return False
    said = resolver_for(transcript.people).strip_leading(transcript.lines[later.turn].text.strip())
    said = said[1] if said else transcript.lines[later.turn].text
    return bool(REMINDER.match(said.strip(" ，,"))) and not ANOTHER.search(said) and shared_grams(earlier.task, later.task) >= 1


WHILE = re.compile(r"^(?P<verb>[\u3400-\u9fff]{1,2}|[A-Za-z]+)\s*(?:緊)?\s*(?:嘅時候|的時候|嗰陣|果陣)")


def _while_doing(earlier: ActionItem, later: ActionItem) -> bool:
    """Whether a later undated item says what to do while doing the owner's task just given (「打俾佢哋老闆傾」
    then 「你傾嘅時候可以攞嚟講吓」): how, no task of its own."""
    during = WHILE.match(later.task.strip())
    return bool(during) and not later.deadline and earlier.owner == later.owner and earlier.turn is not None \
        and later.turn is not None and 0 < later.turn - earlier.turn <= NAMED_CANCEL_TURNS \
        and during["verb"].casefold() in earlier.task.casefold()


ANOTHER = re.compile(rf"{NEW_TOPIC.pattern}|埋", re.IGNORECASE)  # 「記得順便 renew 埋個 SSL cert」: more work, not how
ALSO = re.compile(rf"{ANOTHER.pattern}|都|一齊|亦", re.IGNORECASE)  # 「Ivy 你都寫埋」: one more, not instead


REMINDER = re.compile(rf"(?:{REMIND}|留意|小心|注意|千祈)(?!\s*(?:聽日|今日|今晚|禮拜|星期|下個))")


def _yes_first_step(asked: ActionItem, answer: ActionItem, transcript: Transcript) -> bool:
    """「你禮拜五前同車行確認接機時間」 「好，我聽日朝早就打俾車行」 (or 「…打俾佢哋」): yes, and a first
    step on the same thing sooner; the task asked keeps its day."""
    return (answer.turn == (asked.turn or 0) + 1 or _answer_after_others(asked, answer, transcript)) \
        and _asked_by_another(asked, transcript) and bool(ACCEPTS.match(transcript.lines[answer.turn].text)) and _first_step(asked, answer, transcript) \
        and (shared_grams(_without_people(asked.task, transcript), _without_people(answer.task, transcript)) >= 1
             or bool(THEM.search(answer.task) or POINTS_BACK.search(transcript.lines[answer.turn].text))
             or _ends_on_verb_asked(asked, answer))


def _ends_on_verb_asked(asked: ActionItem, answer: ActionItem) -> bool:
    """Whether the answer ends on a verb of the task asked, nothing after it (「你追升降機公司…」 「我今日下晝打電話去追」)."""
    last = list(VERB.finditer(answer.task.rstrip(" 。！!")))
    return bool(last) and last[-1].end() == len(answer.task.rstrip(" 。！!")) and last[-1].group(0).casefold() in _verbs(asked.task)


THEM = re.compile(r"佢|(?<![A-Za-z])(?:them|it)(?![A-Za-z])", re.IGNORECASE)  # who or what the request named
# an answer that ends on what the request named: 「我今日下晝問吓上次嗰間」, or on a verb with no object, the
# work being the request's (「我聽晚叫兩個伙記做」)
POINTS_BACK = re.compile(r"(?:(?:嗰|呢)\s*(?:間|個|位|份|單|批|啲|度|邊)|(?:叫|搵|安排)\S{1,8}(?:做|搞|跟|處理|幫手))\s*(?:啦|喇)?[。！!.]?\s*$")


OTHER_TIME = re.compile(r"早啲|遲啲|晏啲|快啲|提早|押後|延遲|(?<![A-Za-z])(?:sooner|earlier|later)(?![A-Za-z])", re.IGNORECASE)


def _own_part(item: ActionItem, text: str) -> str:
    """The part of a turn an item comes from: before a clause that opens more work (「好，我聽日打去問，順便攞埋
    報價」), unless the item is that more work."""
    before = before_more_work(text)
    return before if shared_grams(item.task, before) >= shared_grams(item.task, text[len(before):]) else text


def _other_time_asked(said: ActionItem, again: ActionItem, transcript: Transcript) -> bool:
    """Whether somebody else asked, between two sayings of a task by its owner, for it sooner or later."""
    people = resolver_for(transcript.people)
    return said.turn is not None and again.turn is not None and any(
        any(OTHER_TIME.search(s) and asks(s) for s in sentences(line.text)) and people.find_name(line.speaker) != again.owner
        for line in transcript.lines[said.turn + 1:again.turn])


def _without_people(task: str, transcript: Transcript) -> str:
    """The task without the attendees it names and without 我/你: who it goes to, not what it is."""
    for _, start, end in reversed(resolver_for(transcript.people).spans(task)):
        task = task[:start] + task[end:]
    return re.sub(r"[我你](?!哋)", "", task)


def _asked_by_another(item: ActionItem, transcript: Transcript) -> bool:
    """Whether somebody other than the item's owner said it."""
    return resolver_for(transcript.people).find_name(transcript.lines[item.turn].speaker) != item.owner


def _asked_after_own_plan(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether the owner said the earlier task themselves and somebody else asks the later one."""
    people = resolver_for(transcript.people)
    said_by = people.find_name(transcript.lines[earlier.turn].speaker)
    asked_by = people.find_name(transcript.lines[later.turn].speaker)
    return said_by == earlier.owner and asked_by != later.owner


def _other_verbs(a: ActionItem, b: ActionItem) -> bool:
    """Whether two tasks have verbs and share none."""
    verbs_a, verbs_b = _verbs(a.task), _verbs(b.task)
    return bool(verbs_a and verbs_b and not verbs_a & verbs_b)


@lru_cache(maxsize=4096)  # merging compares every pair of items
def _verbs(task: str) -> frozenset[str]:
    return frozenset(v.casefold() for v in VERB.findall(MEETING_OVER.sub("", task)))


MEETING_OVER = re.compile(r"開完(?:呢個|個)?會|散(?:咗)?會")  # 「開完會 call vendor」: when, no verb of the task


def _asked_twice(transcript: Transcript, item: ActionItem) -> bool:
    """Whether the item's turn turns to someone two or more times (a name or 你 each time)."""
    text = transcript.lines[item.turn].text if item.turn is not None else ""
    return _turns_to_someone(text, transcript.people) >= 2


@lru_cache(maxsize=1024)  # asked for every pair of items from one long turn
def _turns_to_someone(text: str, people: tuple[Person, ...]) -> int:
    """How many times a turn addresses somebody: each name, and each 你 not right after one (「輝哥 你…」 is once)."""
    ends = {end for _, _, end in resolver_for(people).spans(text)}
    return len(ends) + sum(1 for m in re.finditer(r"你(?!哋)", text)
                           if not any(0 <= m.start() - end <= 2 and not text[end:m.start()].strip(" ，,") for end in ends))


# what tells one thing from another of its kind: 一樓/二樓, A座/B座, Q1/Q2, 3號/5號
_WHICH = re.compile(r"[0-9]+|[一二三四五六七八九十兩]+(?=[樓座期號部層間區])|(?<![A-Za-z])[A-Za-z](?=\s*[座區棟])|"
                    r"(?<![A-Za-z])Q[1-4](?![0-9])", re.IGNORECASE)


def _other_things(a: str, b: str) -> bool:
    """Whether two tasks name other ones of a kind (「一樓嘅報價」, 「二樓嘅報價」), or say the same
    thing but for one part swapped for another (「send 報價俾 ABC」, 「send 合約俾 ABC」)."""
    which_a, which_b = set(_WHICH.findall(a.casefold())), set(_WHICH.findall(b.casefold()))
    if which_a and which_b and which_a != which_b:
        return True
    a, b = _FILLER.sub("", a.casefold()), _FILLER.sub("", b.casefold())
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    one_swap = same and len(changed) == 1  # 「交報價」, 「交合約」: short, but one part swapped
    if not a or not b or (same < PARALLEL * min(len(a), len(b)) and not one_swap):
        return False  # worded differently: a request and its answer, a summary
    return any(tag == "replace" and _SUBSTANCE.search(a[i1:i2]) and _SUBSTANCE.search(b[j1:j2])
               and not _PERSON.match(a[i1:i2]) and not _PERSON.match(b[j1:j2])  # 「俾我」 may be 「俾梁生」
               and b[j1:j2] not in a and a[i1:i2] not in b  # 「輪更表出」, 「出輪更表」: moved, not swapped
               for tag, i1, i2, j1, j2 in changed)


def _verb_swapped(a: str, b: str) -> bool:
    """Whether two tasks differ only by their verb (「出採購單」, 「整好採購單」): the same thing, said by the one
    who asked and the one who answers."""
    a, b = _FILLER.sub("", a.casefold()), _FILLER.sub("", b.casefold())
    changed = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    return bool(changed) and all(tag == "replace" and VERB.fullmatch(a[i1:i2]) and VERB.fullmatch(b[j1:j2])
                                 for tag, i1, i2, j1, j2 in changed)


PARALLEL = 0.5  # share of the shorter task two tasks must have in common to be read as parallel
_FILLER = re.compile(r"[\s，,。！!？?、]|[份個張啲嘅埋晒好咗]")
_PERSON = re.compile(r"(?:[俾畀給同]|to)?\s*(?:我|你|佢)(?:哋)?$|[俾畀給同]|to\b", re.IGNORECASE)  # who, not what
_SUBSTANCE = re.compile(r"[\u3400-\u9fff]|[a-z0-9]")


def _clash(a: str | None, b: str | None) -> bool:
    """Two deadlines that cannot be the same: other days, or other times of one day (「聽日」 and
    「聽日五點前」 agree: the answer only adds the time)."""
    if not a or not b:
        return False
    return a[:10] != b[:10] or (len(a) > 10 and len(b) > 10 and a != b)


def _same_task(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    if (later.turn or 0) > (earlier.turn or 0) and max(_covered(earlier, later), _things_covered(earlier, later)) >= HANDED_OVER \
            and _hands_over(transcript, later.turn) and _share_beyond_people(earlier, later, transcript) >= HANDED_OVER \
            and not (earlier.owner != later.owner and _asked_of_other_work(transcript, later.turn, earlier.task)):
        # 「份報價改由 Ken 跟」 names the task it hands over, in its own verb (交年報 → 跟進年報)
        return not _other_things(VERB.sub("", earlier.task), VERB.sub("", later.task))
    elif earlier.owner == later.owner and earlier.turn == later.turn:  # one task worded twice
        same = _covered(earlier, later) >= SAME_TASK
    else:
        same = similarity(earlier.task, later.task) >= SAME_TASK and (
            earlier.owner == later.owner or (later.turn or 0) > (earlier.turn or 0)) \
            or earlier.owner == later.owner and (later.turn or 0) == (earlier.turn or 0) + 1 \
            and coverage(earlier.task, later.task) == 1  # 「你聽日開好戶口」 「我禮拜一做好」, filled in from the request
    return same and not _other_things(_without_people(earlier.task, transcript), _without_people(later.task, transcript))


def _answer_to(asked: ActionItem, answer: ActionItem, transcript: Transcript, people: OwnerResolver) -> bool:
    """Whether ``answer`` is its owner's reply in the next turn to ``asked``, asked of them by somebody else."""
    if asked.turn is None or answer.turn != asked.turn + 1:
        return False
    return people.find_name(transcript.lines[answer.turn].speaker) == answer.owner \
        != people.find_name(transcript.lines[asked.turn].speaker)


def _share_beyond_people(a: ActionItem, b: ActionItem, transcript: Transcript) -> float:
    """As _covered and _things_covered, without the people the tasks name: who a task goes to is not the
    work (「整好 draft 俾黃太睇」 and 「寫 memo 俾黃太」 share only 黃太)."""
    a, b = (replace(item, task=_without_people(item.task, transcript)) for item in (a, b))
    return max(_covered(a, b), _things_covered(a, b))


def _covered(a: ActionItem, b: ActionItem) -> float:
    """The share of the shorter-worded task's words the other repeats, 0..1."""
    return max(coverage(a.task, b.task), coverage(b.task, a.task))



def _things_covered(a: ActionItem, b: ActionItem) -> float:
    """As _covered, on what the tasks work on: a handover words the work its own way
    (「交年報」 handed over as 「跟進年報」)."""
    things_a, things_b = _without_verb(a.task), _without_verb(b.task)
    return max(coverage(things_a, things_b), coverage(things_b, things_a)) if things_a.strip() and things_b.strip() else 0.0


@lru_cache(maxsize=4096)
def _without_verb(task: str) -> str:
    """The task without the verb it opens with (「跟進報告」 → 「報告」), else without its verbs; a verb
    inside a noun stays (報 of 報告)."""
    opened = re.match(rf"\s*(?:{VERB_WORD})\s*(?:好|晒|埋|返|掂)?\s*", task, re.IGNORECASE)
    return task[opened.end():] if opened else VERB.sub("", task)


def _hands_over(transcript: Transcript, turn: int | None) -> bool:
    """Whether the turn hands a task over, or answers 「咁 screenshots 邊個跟？」 just before it (who does
    it now: somebody else than who had it)."""
    return turn is not None and (_says_handover(transcript.lines[turn].text, transcript.date)
                                 or any(WHO_NOW.search(line.text) for line in transcript.lines[max(0, turn - 2):turn]))


def _asked_of_other_work(transcript: Transcript, turn: int | None, task: str) -> bool:
    """Whether the turn only answers 「…induction 邊個搞？」 asked just before it, a question naming other
    work than ``task`` (「同海關約好查驗時間」 is not the induction's 「排好時間表」)."""
    if turn is None or _says_handover(transcript.lines[turn].text, transcript.date) \
            and not VOLUNTEERS.match(transcript.lines[turn].text):  # 「好，單張阿傑負責，…」: says itself what moves
        return False
    asked = [re.sub(r"^(?:仲有|另外|咁|噉|那|所以|跟住)+|[\s，,。？?]", "", (sentences(line.text[:m.start()]) or [""])[-1])
             for line in transcript.lines[max(0, turn - 2):turn] for m in WHO_NOW.finditer(line.text)]
    return any(len(question) >= 2 for question in asked) and not any(shared_grams(question, task) for question in asked)


@lru_cache(maxsize=1024)
def _says_handover(text: str, today: date) -> bool:
    """Whether a turn hands a task over; 「聽日交俾我」 with a day is a delivery to the speaker."""
    return any(HANDOVER.search(clause) and not delivered_to_me(clause, today)
               for sentence in sentences(text) for clause in clauses(sentence))


def _rival(earlier: ActionItem, later: ActionItem) -> bool:
    """Another person, a turn or two later, naming the same thing to do (most of one task's words)."""
    return earlier.owner != later.owner and earlier.turn is not None and later.turn is not None \
        and 0 <= later.turn - earlier.turn <= 2 \
        and _covered(earlier, later) >= HANDED_OVER \
        and not _other_things(earlier.task, later.task)


DELIVERS = re.compile(DELIVERY_VERBS, re.IGNORECASE)


def _dated_by_owner(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether the owner of an undated task, a few turns later in their own words, says when they will do it:
    the later names a thing of the earlier, or answers a when-question put in between, and gives a day."""
    if earlier.owner != later.owner or earlier.owner is None or earlier.deadline or not later.deadline \
            or later.turn is None or earlier.turn is None or not 0 < later.turn - earlier.turn <= SAID_AGAIN_TURNS:
        return False
    people = resolver_for(transcript.people)
    between = transcript.lines[earlier.turn + 1:later.turn]
    # 「…我想上去睇下。」 「幾時上得去？」 「…後日上去睇啦。」: the day asked for, whatever words the answer uses
    asked_when = bool(between) and all(people.find_name(said.speaker) != later.owner for said in between) \
        and WHEN_ASKED.search(between[-1].text) and QUESTION.search(between[-1].text)
    return people.find_name(transcript.lines[later.turn].speaker) == later.owner \
        and (shared_grams(_without_verb(_without_people(earlier.task, transcript)), later.task) >= 1 or asked_when)


SAID_AGAIN_TURNS = 3  # a task asked, a word from someone else it waits on, then its owner says when it is done
MADE_READY = re.compile(r"(?:整|做|搞|弄|執|寫|改)\s*(?:好|掂|完|妥|晒)")  # 「整好」: the work asked, done, whatever it was


def _restated(earlier: ActionItem, later: ActionItem) -> bool:
    """A later mention of a task by its owner, due the same day, in other words (a summary at the
    end of a meeting: 「Rachel 後日交樓市稿」 after 「我可以後日交，…」)."""
    if earlier.owner != later.owner or earlier.owner is None or not earlier.deadline or not later.deadline \
            or _clash(earlier.deadline, later.deadline):
        return False
    if _fragment(earlier.task) and not _fragment(later.task) and earlier.deadline == later.deadline \
            and earlier.turn != later.turn and not _other_verbs(earlier, later):  # one turn's two tasks are two; 「call 佢」 is no 「整 proposal」
        return True  # a task first said only as 「我可以交」 is the one the summary names for that day
    if ONLY_RECIPIENT.fullmatch(later.task) and DELIVERS.search(earlier.task) and earlier.deadline[:10] == later.deadline[:10] \
            and 0 < (later.turn or 0) - (earlier.turn or 0) <= 2:  # the same day, a time of day said with it or not
        return True  # 「交份報價俾我得唔得？」 「我聽日五點前 send 俾你」: the same hand-over, in other words
    things = _without_verb(later.task).strip()
    if earlier.deadline == later.deadline and 0 < (later.turn or 0) - (earlier.turn or 0) <= SAID_AGAIN_TURNS \
            and MADE_READY.match(later.task.strip()) and things \
            and (coverage(things, earlier.task) == 1.0 or len(things) == 1 and things in earlier.task):  # 「相」: one character
        return True  # 「screenshot 要換新嗰套，你禮拜四整好？」 … 「我禮拜四收工前整好啲 screenshot」: getting it done, said again
    verbs_then, verbs_now = _verbs(earlier.task), _verbs(later.task)
    if _fragment(later.task) and not _fragment(earlier.task) and earlier.deadline == later.deadline \
            and 0 < (later.turn or 0) - (earlier.turn or 0) <= 2 and verbs_now and verbs_now <= verbs_then:
        return True  # 「Ken 聽日交啦」 after Ken was given 「contract 聽日交俾我」: the same task, said again
    if not (verbs_now <= verbs_then or verbs_then <= verbs_now) and _covered(earlier, later) < SAME_TASK:
        return False  # 「send 報價俾 ABC」 and 「call ABC confirm 交貨期」: other work
    return (similarity(earlier.task, later.task) >= RESTATED
            or _covered(earlier, later) >= SAME_TASK) \
        and not _other_things(earlier.task, later.task)


RECAP_TURNS = 3  # a recap read out over a few turns
RECAP_TERSE = 8  # characters: a recap names a task in a word or two, with its verb
RECAP = re.compile(r"總結|小結|(?<![A-Za-z])(?:summary|summari[sz]e|recap|to sum up|wrap up)(?![A-Za-z])", re.IGNORECASE)


def _recapped(earlier: ActionItem, later: ActionItem, transcript: Transcript) -> bool:
    """Whether a recap at the end (「好，總結：Priya 星期三前出 trade records，…」, or the chair's turns
    just after 「我總結一下」) names a task its owner was given before: same owner, most of the things worked on, or
    a verb and some of them, in common. The recap's day fills a task that had none; it never moves one."""
    if earlier.owner != later.owner or earlier.turn is None or later.turn is None or later.turn <= earlier.turn:
        return False
    line = transcript.lines[later.turn]
    if not any(RECAP.search(said.text) and said.speaker == line.speaker
               for said in transcript.lines[max(0, later.turn - RECAP_TURNS):later.turn + 1]):
        return False
    things_then, things_now = VERB.sub("", earlier.task), VERB.sub("", later.task)
    return _things_covered(earlier, later) >= HANDED_OVER \
        or bool(_verbs(earlier.task) & _verbs(later.task)) \
        and (shared_grams(things_then, things_now) > 0 or len(later.task) <= RECAP_TERSE)  # 「Bonnie 四點前 book 車」


def _reworded(first: ActionItem, again: ActionItem) -> None:
    """The first wording stays, unless it names no work and the later one names it with the same
    verbs (「我可以交」, then 「Rachel 後日交樓市稿」) or the first is a bare 做/跟 (「你可以做嗎」)."""
    if _fragment(first.task) and not _fragment(again.task) \
            and (_verbs(first.task) <= _verbs(again.task) or GENERIC_ALONE.fullmatch(first.task.strip())):  # 「你可以做嗎」
        first.task, first.confidence, first.needs_review = again.task, again.confidence, again.needs_review


@lru_cache(maxsize=4096)  # merging compares every pair of items
def _fragment(task: str) -> bool:
    """A task that names no work on its own: it leans on the turns before, or has no verb."""
    return leans_on_context(task) or not VERB.search(task)


def _with_topic(said: list[str], k: int) -> str:
    """The k-th clause, with the clause before it when it is a bare cancellation: 「咁個 banner hold 住先，唔使整住」
    calls off the banner."""
    return f"{said[k - 1]}，{said[k]}" if k and BARE_CANCEL.match(said[k].strip()) else said[k]


def _cancelled(item: ActionItem, cancelling: list[tuple[int, str]]) -> bool:
    """A later clause that cancels (唔使, 取消; ``cancelling``: (turn, clause)) and names the task:
    two of its words, or half; not when the work it calls off is another verb's (「migration 嘅報告唔使寫住」
    leaves 「做 migration」)."""
    for turn, clause in cancelling:
        if CANCEL.search(item.task) and not re.search(r"唔使|唔駛|唔洗|不用", clause):
            continue  # 「cancel 架車」 said again (「好，我cancel佢」) is the work, not calling it off
        if turn > (item.turn or 0) and (coverage(item.task, clause) >= CANCELLED_TASK or shared_grams(item.task, clause) >= 2
                                        or _names_task(clause, item.task)) and not _other_work(item.task, clause):
            return True
    return False


CALLED_OFF_WHAT = re.compile(r"(?P<topic>[^，,。]{0,12}?)\s*(?:嗰樣|呢樣|嗰個|呢個|就)?\s*(?:唔使|唔駛|唔洗|不用)\s*(?:你|佢)?"
                             r"(?P<what>[^，,。]{0,12}?)\s*(?:喇|啦|住|囉|吖)?[。！!]?$")


PRONOUNS = re.compile(r"[我你佢他她][哋們]?")  # 「唔使我哋理」: not our business, whatever the task says of 我哋


def _names_task(clause: str, task: str, form: re.Pattern[str] | None = None) -> bool:
    """Whether a cancelling clause names the task by all its own words (「場地嗰樣唔使做喇」, 「唔使訂場地喇」
    for 「訂下個月嘅場地」, 「啲 brochure cancel 咗佢啦」): two characters at least, each in the task, generic
    verbs and people's pronouns aside. ``form`` reads the clause instead of 唔使 and cancel (NOT_DOING_IT)."""
    called = form.search(clause) if form else CALLED_OFF_WHAT.search(clause) or CANCELLED_THING.search(clause)
    if not called:
        return False
    topic = re.sub(r"^(?:咁|噉|所以|就|那)?\s*(?:啲|個|份|張|嗰啲|嗰個|嗰份)?\s*", "", called["topic"].strip())  # 「咁 survey 唔使做喇」
    said = PRONOUNS.sub("", GENERIC_VERB.sub("", re.sub(r"[\s，,。]|[A-Za-z]+(?:\s+[A-Za-z]+)*", "", topic + called["what"])))
    latin = re.findall(r"[A-Za-z]{2,}", called["topic"] + called["what"])
    return len(said) + 2 * len(latin) >= 2 and all(ch in task for ch in said) \
        and all(word.casefold() in task.casefold() for word in latin)


# 「flyer 唔印喇」: the thing, then its verb negated: not done after all (not 「唔得喇」, 「唔夠喇」: how things are)
NOT_DOING_IT = re.compile(r"(?P<topic>[^，,。]{1,12}?)\s*(?:就|都)?\s*唔(?P<what>(?![得夠使駛洗好錯同係識會想要該理急怕啱掂見知])[\u3400-\u9fff])"
                          r"\s*(?:喇|啦)[。！!]?$")


def _stopped(item: ActionItem, stopping: list[tuple[int, str]]) -> bool:
    """Whether a later clause says the item's thing will not be done after all (「flyer 唔印喇」 for 「印五百張
    flyer」): its verb and every word of its topic are the task's."""
    return any(turn > (item.turn or 0) and _names_task(clause, item.task, NOT_DOING_IT) for turn, clause in stopping)


# 「啲 brochure cancel 咗佢啦」: told to call it off (not 「個 event cancel 咗喎」, a report)
CANCELLED_THING = re.compile(r"(?P<topic>[^，,。]{1,12}?)\s*(?:cancel|取消)\s*(?:咗)?\s*(?:佢\s*(?:啦|吖|喇)?|啦|吖)(?P<what>)[。！!]?$",
                             re.IGNORECASE)


def _other_work(task: str, cancelling: str) -> bool:
    """Whether the verb a cancellation calls off (「唔使寫」) is not among the task's own."""
    called_off = CALLED_OFF.search(cancelling)
    verb = called_off and VERB.match(called_off["verb"])
    return bool(verb and not GENERIC_VERB.fullmatch(verb.group(0)) and _verbs(task)
                and verb.group(0).casefold() not in _verbs(task))


CALLED_OFF = re.compile(r"(?:唔使|唔駛|唔洗|不用)\s*(?P<verb>\S{1,8})")


def merge_decisions(decisions: list[Decision]) -> list[Decision]:
    """The meeting's decisions in turn order, one per turn and per wording: a decision restated later
    (similarity ≥ SAME_DECISION) keeps its later wording."""
    kept: list[Decision] = []
    for decision in sorted(decisions, key=lambda d: d.turn if d.turn is not None else -1):
        same = next((k for k in kept if k.turn == decision.turn
                     or similarity(k.text, decision.text) >= SAME_DECISION), None)
        if same is None:
            kept.append(decision)
        elif same.turn != decision.turn:  # restated later: the later wording stands
            kept[kept.index(same)] = decision
    return kept
