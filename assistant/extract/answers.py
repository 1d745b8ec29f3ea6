"""The answer in the next turns to what was just asked of someone: a yes with a time (「好，禮拜五前」),
a no (「唔得，…」), another time offered back (「三點唔得，五點得唔得？」) and whether the asker gives
way or insists, somebody else proposed (「不如 Keith 打？」), work already done (「已經 send 咗」), and a
"when" question's answer joined to what it asked about. Used by the rules reader (rules.py)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from assistant.extract.clock import PART_OF_DAY_WORDS, find_clocks
from assistant.extract.corrections import LATER_ONLY, NOT_BUT, TOO_LATE, only_time
from assistant.extract.cues import (
    ACCEPTS, BARE_NO, CANNOT, CONDITION, DECLINE, GLUED_TAG, IMPERATIVE, NEW_TOPIC, NOT_YES, OPENER, QUESTION, REFUSAL, SELF, WE, YES, asks,
    before_more_work,
)
from assistant.extract.dates import FEST, add_months, day_of_month, find_time_phrases
from assistant.extract.deadlines import find_deadline, has_time_words, limit_said, part_of_day_left_out, without_times
from assistant.extract.owners import OwnerResolver, resolver_for
from assistant.extract.leave import BACK_ON_DAY
from assistant.extract.tasks import DELIVERY_VERBS, FORM_OF_WORK, TAKES_CHARGE, VERB
from assistant.extract.text import clauses, coverage, sentences, shared_grams
from assistant.extract.transcript import Line, Transcript

if TYPE_CHECKING:
    from assistant.extract.clause_reader import Reader

PART_AFTER_DAY = re.compile(rf"\s*(?:{PART_OF_DAY_WORDS})?")  # 「聽日下晝」
BY = re.compile(r"^(?:(?:到|至|同|或)\s*)?(?:(?:或)?(?:之前|以前|前|之內|以內|內|為止|之間|中間)\s*)?"  # what is left of 「禮拜五前」 without 禮拜五
                r"(?:(?:之後|然後|跟住(?!\s*(?:先|啦|吖|喇|$))|再)\s*(?=\S))?")  # 「Ken 之後寫 memo」: next in line; 「跟住先」: for now
BARE = re.compile(r"\W|我|你|佢|會|嚟|去|就|先|可以|晒|哂|埋|好|俾|畀|返|到|得|全部|之前|前|內")


def with_when_answer(task: str, before: str, after: str, today: date) -> str:
    """An answer's task with what the "when" question named: the thing asked about before 幾時
    (「三十幾張 invoice」 + 「全部入晒 system」), else the whole question's task when the answer
    only repeats its verb (「幾時交份報價？」 「我聽日交」)."""
    if len(re.sub(r"\W", "", before)) >= 2 and re.sub(r"^(?:份|個|張|啲|封|本|條|嗰|呢)\s*", "", before) not in task:
        return f"{before}，{task}"
    said = without_times(task, today)
    if not before and VERB.search(after) and BARE.sub("", VERB.sub("", after)) and not BARE.sub("", VERB.sub("", said)):
        return after
    return task


def timed_after(reader: Reader, transcript: Transcript, line: Line, task: str) -> str:
    """The next turn's first sentence when somebody else sets there the task's due time: any, when the
    task had none and the verb is said again (「咁我通知家屬。」 「好，月尾之前通知晒。」); the time
    of day on the task's own day (「我聽日通知晒。」 「好，聽日中午十二點之前。」), or, repeating the
    task's verb and nobody else's, another due time (「我禮拜五通知晒。」 「好，聽日中午前要通知晒。」:
    the later word stands)."""
    due = find_deadline(task, transcript.date)
    if line.index + 1 >= len(transcript.lines):
        return ""
    reply = transcript.lines[line.index + 1]
    said = (sentences(reply.text) or [""])[0]
    said = next((s for s in sentences(reply.text) if LATEST.search(s)), said)  # 「Friday is a holiday. Make it Thursday.」
    later = find_deadline(said, transcript.date)
    if reply.speaker == line.speaker or later is None or QUESTION.search(said):
        return ""
    verbs = [verb.group(0) for verb in VERB.finditer(without_times(said, transcript.date))]
    if any(verb not in task for verb in verbs):
        return ""
    if due is None:  # 「咁我通知家屬。」 「好，月尾之前通知晒。」: the verb said again, with when
        return said if verbs and not SELF.search(said) and not WE.search(said) and not reader.people.mentioned(said) \
            and not REFUSAL.match(OPENER.sub("", said)) else ""
    rest = BARE.sub("", ANSWER_WORDS.sub("", re.sub(r"唔得|唔係|好|要|一定|份|個|啲|啦|喇|吖|喎|呀|啊|囉|OK", "",
                                                      without_times(said, transcript.date))))
    if (verbs or COUNTER_OFFER.search(said) or LATEST.search(said)) and not SELF.search(said) and not WE.search(said) \
            and not reader.people.mentioned(said) \
            and (not rest or coverage(rest, task) >= 0.5) \
            and (later.day != due.day or (later.at and later.at != due.at)) \
            and not (COUNTER_OFFER.search(said) and insisted(transcript, line)):  # 「好，聽日交埋份合約」 is another task
        return said  # 「唔得，聽日之前要通知晒」 too: the new due time is the answer; a vaguer one changes nothing
    return said if later.at and due.at is None and later.day == due.day and not REFUSAL.match(OPENER.sub("", said)) else ""


# 「封信我聽日出到」, 「cost report 就…」, 「form 就後日簽」: a clause that opens with the thing it is about
THING_FIRST = re.compile(r"^\s*(?:至於|另外|仲有)?\s*(?:嗰|呢)?(?:個|份|封|張|啲|部|批)?\s*"
                         r"(?P<thing>[\u3400-\u9fff]{1,8}?|[A-Za-z][A-Za-z0-9 ]{1,24}?)\s*(?=我|就|呢|佢|嘅話|方面)")
NO_THING = re.compile(r"[我你佢咁噉好係唔都嗯]|^(?:ok|yes|sure|sorry)$", re.IGNORECASE)


def part_about(task: str, reply: str, people: OwnerResolver, today: date) -> str | None:
    """The part of a reply that takes two or more things in turn (「封信我聽日出到。cost report 就三個
    工作天內俾你」) about the task's own thing: from the clause that opens with a thing the task names
    to the next that opens with another thing; of that part, the clauses from the last one with a day
    on, so that what others said before (「rooming list 佢哋話今晚先俾到，我兩個工作天內 confirm」) is not
    the day. "" when the reply takes things in turn but gives this one no day or names it nowhere (it
    borrows no other thing's day); None when the reply does not take things in turn."""
    parts: list[list[str]] = []  # [thing, clause, clause…]
    for sentence in sentences(reply):
        for clause in clauses(sentence):
            opened = THING_FIRST.match(clause)
            thing = opened["thing"].strip() if opened else ""
            if thing and not NO_THING.search(thing) and not people.mentioned(thing) and not find_time_phrases(thing, today):
                parts.append([thing, clause])
            elif parts:
                parts[-1].append(clause)
    if len({part[0].casefold() for part in parts}) < 2:
        return None
    mine = [[c for c in part[1:] if find_deadline(c, today)] for part in parts
            if shared_grams(part[0], task) or part[0].casefold() in task.casefold()]
    if not mine:  # 「部機貼張告示」 「張 notice 我開完會即刻貼。Order 我今日落」: the one part with the task's verb
        verbs = {v.casefold() for v in VERB.findall((clauses(task) or [""])[0])}
        mine = [[c for c in part[1:] if find_deadline(c, today)] for part in parts
                if verbs & {v.casefold() for c in part[1:] for v in VERB.findall(c)}]
    return mine[0][-1] if len(mine) == 1 and mine[0] else ""


# what an answer says besides when: 「最遲」, "Latest by", "Sure"
LATEST = re.compile(r"最遲|最晚|(?<![A-Za-z])(?:latest|no later than|make it)(?![A-Za-z])", re.IGNORECASE)  # 「最遲禮拜五」: the asker's limit
ANSWER_WORDS = re.compile(LATEST.pattern + r"|(?<![A-Za-z])(?:at the latest|by|before|sure|yes|will do|no problem|then)(?![A-Za-z])",
                          re.IGNORECASE)
GENERIC_DONE = re.compile(r"搞掂|搞定|完成|做完|做好|搞得掂|做得切|趕得切|done")  # 「收到，禮拜五前搞掂」: any task's verb


I_TAKE = re.compile(r"(?:(?:好|OK|ok|得|冇問題|可以)(?:呀|啊|啦)?[，,\s]*)?我\s*(?:嚟|跟|做|搞)")  # 「我嚟啦，…」


def accepted_with_time(reader: Reader, transcript: Transcript, line: Line, task: str, owner: str | None) -> str:
    """The next turn's first sentence when the person asked accepts a task that had no due time
    and says when (「Ivy，員工手冊都要改埋。」 「明白，聽日改。」), naming no other work."""
    due = find_deadline(task, transcript.date)
    if owner is None or line.index + 1 >= len(transcript.lines) or due is not None and due.at is not None:
        return ""
    reply = transcript.lines[line.index + 1]
    if reply.speaker == line.speaker or reader.speaker(reply) != owner:
        return ""
    countered = day_countered((sentences(reply.text) or [""])[0], transcript.date) if due is not None else ""
    after = transcript.lines[line.index + 2] if line.index + 2 < len(transcript.lines) else None
    if countered and (after is None or after.speaker != line.speaker or not (REFUSAL.match(OPENER.sub("", after.text).strip())
                                                                              or NOT_YES.search(after.text))):
        return countered  # 「聽日唔得，後日寄啦」 「好。」: the day the one asked gives instead
    if due is not None:  # 「你禮拜三送過去啦」 「冇問題，禮拜三下晝五點之前一定送到」: the time of day on that day
        said = (sentences(reply.text) or [""])[0]
        later = find_deadline(said, transcript.date)
        return said if later is not None and later.day == due.day and later.at is not None and not NOT_YES.search(said) else ""
    said = (sentences(reply.text) or [""])[0]
    if TAKES_CHARGE.fullmatch(re.sub(r"^.*?你(?!哋)", "", task).strip(" 。！!")) and limit_said(said, transcript.date) \
            and (ACCEPTS.search(said) or I_TAKE.match(said)) and not asks(said) and not NOT_YES.search(said):
        return said  # 「不如 Vivian 你跟埋吖」 「我嚟啦，禮拜五之前 book 好 crew 酒店。」: taken on, by then
    own = part_about(task, reply.text, reader.people, transcript.date)
    if own == "":
        return ""  # 「Quotation 我禮拜三前 send，vendor 我遲啲先 call」: the vendor's call has no day
    said = own or before_more_work(said)  # 「…，順手攞埋報價」: an item of its own
    if not own and find_deadline(said, transcript.date) is None:  # 「得，我嚟約。呢個禮拜約唔到，下個禮拜二之前約好佢啦。」
        said = next((c for s in sentences(reply.text)[1:2] if not NEW_TOPIC.match(s.strip())  # 「明白。另外…」: another matter
                     for c in clauses(s) if has_time_words(c, transcript.date) and _own_plan(c, transcript.date)), said)
    if find_deadline(said, transcript.date) is None or asks(said) or REFUSAL.match(OPENER.sub("", said)) \
            or NOT_YES.search(said):
        return ""
    if own:  # the thing named: its own day, whatever verb says it
        return said
    for name, start, end in reversed(reader.people.spans(said)):  # 「好，張生聽日寄」: the asker, called back
        said = said[:start] + said[end:] if name == reader.speaker(line) else said
    bare = without_times(OPENER.sub("", GENERIC_DONE.sub("", said)), transcript.date)
    bare = re.sub(r"(?<=[寄交發送派貼印])出", "", bare)  # 「寄出」: sent off, one verb
    verbs = [verb.group(0) for verb in VERB.finditer(bare)]
    rest = BARE.sub("", ANSWER_WORDS.sub("", re.sub(r"要|一定|盡量|份|個|啲|啦|喇|吖|OK", "", VERB.sub("", bare))))
    handed = not rest and all(re.fullmatch(DELIVERY_VERBS, verb, re.IGNORECASE) for verb in verbs)  # 「寫封 email…」 「我今日 send。」
    return said if (handed or all(verb in task for verb in verbs)) \
        and (not rest or coverage(rest, task) >= 0.5 or FORM_OF_WORK.fullmatch(rest)) else ""  # 「寫好初稿」


# somebody else is away or busy (「佢冇時間」, 「啲 underwriter 好多都放假」, 「供應商嗰邊放假」) or the day is a public
# holiday (「禮拜四中秋翌日放假喎」), or what happens otherwise (「…裝好個水箱先，唔係做唔到嘢」): not the person asked
# turning the task down
NOT_ME = re.compile(r"佢|(?<![A-Za-z])(?:he|she|they)(?![A-Za-z])|^\s*(?:唔係|否則|唔然|不然)(?!\s*(?:我|呀|啊|喎|好得閒|[，,]))|^\s*(?:啲|人哋|大家|其他|好多人|個個|老細|老闆|客人|客戶|供應商|業主)|嗰邊|(?:好多|大部分|大部份|一半|全部)都|"
                    r"(?:有)?\s*[一兩二三四五六七八九十幾\d]+\s*(?:個|位|名)\s*(?:同事|人|員工|staff|師傅)|"  # 「旺角有兩個同事請咗假」: others
                    rf"{FEST}|公眾假期|紅日", re.IGNORECASE)
COUNTER_OFFER = re.compile(r"唔得|先得|先可以|先搞得掂|先做得切|不如\S{1,6}啦")  # 「聽日唔得，禮拜一先得」, 「禮拜五得唔得？」


BUT = re.compile(r"^(?:不過|但係|但)\s*")
DAY_NO = re.compile(r"^[^，,。]{1,8}?(?:唔得|唔得閒|唔方便|冇時間|冇空|(?:抽|分)唔(?:到|出|開)(?:身|時間)|走唔開|[做趕搞]唔(?:切|掂|完))[喎呀啊囉]?$")  # 「聽日唔得」, 「我聽日抽唔開身」: that day is turned down


def _own_plan(clause: str, today: date) -> bool:
    """Whether a clause says when the work will be done instead, with its verb and no no (「下個禮拜二之前約好佢啦」,
    「後日打啦」: a one-character verb and 啦)."""
    rest = without_times(clause, today)
    return bool(VERB.search(rest) or re.fullmatch(r"\s*(?:再)?[\u3400-\u9fff](?:埋|返)?(?:佢)?\s*(?:啦|吖|囉)[。！!]?", rest)) \
        and not QUESTION.search(clause) and not re.search(r"唔|冇|未|不", rest)  # 「後日去啦」, not 「聽日要去澳門」


BACK_ON = re.compile(rf"{BACK_ON_DAY.pattern}\s*(?:喎|㗎|呀|啊|嘅)?[。！!]?$")  # 「下個禮拜一先返喎」: back then, no day offered


def turns_down(answer: str, people: OwnerResolver, today: date) -> bool:
    """Whether the person asked turns the task down (「我聽日放假喎」, 「唔得，我要去澳門」): a refusal
    about themselves (not 「Mandy 唔得閒幫我」), with no yes (「好，不過…」, "I'll …") and no other
    time offered (「禮拜三唔得，禮拜四先得」, 「三點唔得，五點得唔得？」)."""
    if BARE_NO.fullmatch(answer.strip(" 。.！!")):
        return True
    if CONDITION.match(OPENER.sub("", answer).strip()):  # 「如果 review 慢，可能會趕唔切喎」: a worry, if so; still theirs
        return False
    if LATER_PLEASE.search(answer):  # 「禮拜四我唔得，遲啲得唔得？」: asks for more time, still theirs
        return False
    offered = OFFERS_ANOTHER_TIME.search(answer) or day_countered(answer, today) \
        or any(has_time_words(c, today) and (only_time(LATER_ONLY.sub("", ASKS_FOR.sub("", c)), today) or _own_plan(c, today))
               for c in clauses(answer)[1:] if not BACK_ON.search(c))  # 「…，下個禮拜一啦」, 「…，可唔可以下個禮拜一？」, 「…，下個禮拜二之前約好佢啦」
    last = (clauses(answer) or [""])[-1]
    offered = offered and not (DECLINE.search(last) and not has_time_words(last, today))  # 「…月尾仲要盤點，真係分唔到身」: busy until then
    if ACCEPTS.search(answer) or offered and (not GLUED_TAG.search(answer) or has_time_words(last, today)):
        return False
    return excused(answer, people) or bool(proposes_another(answer, people))


def offers_another_day(answer: str, today: date) -> bool:
    """Whether an answer gives a reason, then asks for another day (「聽日我成日喺外面見客，禮拜一得唔得？」)
    or turns the day down and says another (「聽日唔得，我要帶阿媽睇醫生，後日寄啦」): neither clause is
    work of its own."""
    said = clauses(answer)
    last = (said or [""])[-1]
    bare = LATER_ONLY.sub("", ASKS_FOR.sub("", GLUED_TAG.sub("", last)).strip(" ？?"))
    return len(said) > 1 and bool(QUESTION.search(answer.strip())) and has_time_words(last, today) and only_time(bare, today) \
        or bool(day_countered(answer, today))


def day_countered(answer: str, today: date) -> str:
    """The clause saying another day, when an answer opens by turning the day down (「聽日唔得，…後日寄啦」,
    「禮拜五太遲喇，禮拜四啦」 is the asker's and not read here); "" otherwise."""
    said = clauses(answer)
    while len(said) > 2 and (not OPENER.sub("", said[0]).strip() or re.fullmatch(r"\s*唔係(?:喎|呀)?\s*", said[0])):
        said = said[1:]  # 「好，不過聽日唔得閒，後日打啦」: yes, but not that day; 「唔係，我做唔切，禮拜一先得」
    first = BUT.sub("", said[0].strip()) if said else ""
    if len(said) < 2 or not (REFUSAL.match(OPENER.sub("", first).strip()) or DAY_NO.match(first)):
        return ""
    last = re.sub(r"^\s*我(?!哋)\s*", "", said[-1])  # 「…，我禮拜一先得」: the day, said of themselves
    if QUESTION.search(last) or not find_time_phrases(last, today) \
            or not (only_time(LATER_ONLY.sub("", last), today) or _own_plan(last, today)):
        return ""
    return last


def excused(answer: str, people: OwnerResolver) -> bool:
    """Whether the person asked says why they cannot, about themselves (「我聽日放假」), another time
    offered or not."""
    return any(DECLINE.search(c) and not NOT_ME.search(c) and not people.mentioned(c) for c in clauses(answer))


def proposes_another(answer: str, people: OwnerResolver) -> str | None:
    """The colleague an answer proposes instead (「不如 Keith 打？」, 「不如 Timothy 幫我落訂？」)."""
    for sentence in sentences(answer):
        other = OTHER_INSTEAD.match(sentence.strip())
        named = other and people.strip_leading(sentence.strip()[other.end():])
        if named and re.search(r"\w", named[1]):  # 「不如 Keith 打？」: 打 alone is a verb here
            return named[0]
        for clause in clauses(sentence):
            named = people.strip_leading(clause.strip())  # 「Ray 可唔可以幫我跟？」, 「…，李工你 forward 俾 Yan 啦」
            if named and (HELP_ME.match(named[1]) and sentence.rstrip().endswith(("？", "?"))
                          or re.match(r"[，,\s]*你(?!哋)\s*\S", named[1]) and IMPERATIVE.search(clause)):
                return named[0]
    return None


def cannot(sentence: str, reader: Reader) -> bool:
    """Whether the speaker says they cannot do it (「…，做唔切」), not somebody else (「佢冇時間」)."""
    return any(CANNOT.search(c) and not NOT_ME.search(c) and not reader.people.mentioned(c) for c in clauses(sentence))


THEIR_TEAM = re.compile(r"^\s*(?:個\s*)?(?:team|組|嗰組|嗰邊|部門)\s*", re.IGNORECASE)
HELP_ME = re.compile(r"[，,\s]*(?:你)?\s*(?:可唔可以|可否|得唔得閒|得唔得)?\s*(?:幫(?:我|手)|代我|頂)")
ALSO_FINE = re.compile(r"都(?:得|可以|OK|ok|冇問題|無問題)|(?:咁|噉)\s*好(?:啦|吖)")  # 「我打都得」, 「…咁好啦」: yes
OTHER_INSTEAD = re.compile(r"^(?:[^，,。]*[，,])?\s*(?:咁|噉)?\s*(?:不如|或者|可唔可以叫)\s*(?:俾|畀|叫|搵|交俾)?\s*")  # 「…，不如 Keith 幫我落訂？」
OFFERS_ANOTHER_TIME = re.compile(r"先(?:得|可以|搞得掂|做得切|趕得切|交)|(?:可以|得)(?:唔可以|唔得)?(?:改|延)|^最快|[，,]\s*最快|"
                                 r"^\s*(?:不如|或者)?\s*(?=[^，,。？?]*(?:禮拜|星期|週|周|號|聽日|後日|月|下個))[^，,。？?]{2,12}?(?:啦|喇)(?=[，,。！!]|$)|"  # 「下個禮拜一啦，…」
                                 r"(?:得唔得|可唔可以|好唔好|OK唔OK)(?:[？?]|\s*$)")  # 「三點唔得，五點得唔得？」, 「遲啲得唔得？下個禮拜一。」
ASKS_FOR = re.compile(r"^\s*(?:咁|噉)?\s*(?:可唔可以|可否|得唔得|不如|或者)\s*(?:改|延)?(?:做|為|到|去)?\s*")  # 「可唔可以改到…」
MORE_DAYS = r"(?:啲|少少|一兩日|兩日|一日|幾日|一個禮拜)"
LATER_PLEASE = re.compile(rf"(?:遲|晏)多?{MORE_DAYS}\s*(?:得唔得|可唔可以|好唔好|OK唔OK|得嗎|可以嗎)|可唔可以(?:遲|晏)多?{MORE_DAYS}|"
                          rf"(?:俾|畀)(?:多|多{MORE_DAYS})\s*時間|寬限")  # 「可唔可以畀多兩日時間我？」
INSISTED = re.compile(r"^(?:唔得|唔可以|唔行|no(?![A-Za-z]))|一定要|最遲", re.IGNORECASE)  # 「唔得，一定要禮拜三」


NO_MATTER = re.compile(r"^(?:唔緊要|冇所謂|無所謂|冇問題)[，,\s]*(?=\S)")  # 「唔緊要，下個禮拜一都得」: the day conceded follows


GRANTED = re.compile(r"(?:咁|噉)?\s*(?:好|OK|ok|okay|得|可以|冇問題|無問題)(?:呀|啊|啦|喇|吖)?[，,\s]", re.IGNORECASE)  # 「咁好啦，…」


# 「咁都得」, 「勉強啦」: yes, however grudging
ALSO_YES = re.compile(r"(?:咁|噉)?\s*(?:都(?:得|可以|好|OK)|勉強(?:啦|吖|得|都得)?(?=[，,。！!\s]|$))", re.IGNORECASE)


def counter_accepted(reader: Reader, transcript: Transcript, line: Line, owner: str | None) -> str:
    """The time the person asked offers back as a question, when the asker then says yes (「三點唔得，
    五點得唔得？」 「好啦。」): the offered clause, read as the due time; the time the asker then
    concedes by name (「星期四都得。」); or the day the asker grants when more time is asked for
    (「可唔可以遲多兩日？」 「咁好啦，禮拜一啦。」)."""
    if owner is None or line.index + 2 >= len(transcript.lines):
        return ""
    reply, after = transcript.lines[line.index + 1], transcript.lines[line.index + 2]
    if NEW_TOPIC.match(OPENER.sub("", reply.text).strip(" 。，,")):
        return ""  # 「明白。另外…糧單我今晚八點前 send 俾你，好唔好？」: a time for what the reply brought up
    said = next((s for s in reversed(sentences(reply.text)) if GLUED_TAG.search(s) and has_time_words(s, transcript.date)),
                (sentences(reply.text) or [""])[-1])  # 「…禮拜五得唔得？禮拜四放假我唔想打擾人。」: the day offered, the reason after
    yes = (YES.match(OPENER.sub("", after.text).strip()) or ACCEPTS.search(after.text) or ALSO_YES.match(OPENER.sub("", after.text).strip())
           or GRANTED.match(after.text) and not NOT_YES.search((sentences(after.text) or [""])[0])) \
        and not REFUSAL.match(after.text.strip())  # 「咁好啦，禮拜五，但係一定要打」; not 「唔得呀，…你今日做埋佢」
    if reader.speaker(reply) != owner and reader.speaker(line) == owner and reader.speaker(after) == owner \
            and reply.speaker != line.speaker and GLUED_TAG.search(said) and yes \
            and not asks_other_work(reply.text, line.text, reader.people, transcript.date):
        # 「我今晚十點前 send。」 「早啲啦，八點前得唔得？」 「OK，八點。」: the earlier time asked for, agreed
        offered = _near_day_asked((clauses(GLUED_TAG.sub("", said)) or [""])[-1], _day_in(line.text, transcript.date),
                                 transcript.date)
        return (offered if limit_said(offered, transcript.date) else f"{offered}前") if has_time_words(offered, transcript.date) else ""
    if reader.speaker(reply) != owner or after.speaker != line.speaker:
        return ""
    conceding = NO_MATTER.sub("", OPENER.sub("", (sentences(after.text) or [""])[0]).strip())  # 「唔緊要，…都得」
    # 「後日都得，但係一定要趕喺…之前校好，校完叫佢出份報告」: the day granted, whatever is asked with it
    conceded = next(filter(None, (CONCEDED.match(said) for said in (conceding, "，".join(clauses(conceding)[:2]),
                                                                     (clauses(conceding) or [""])[0]))),
                    None)
    if conceded and has_time_words(conceded["when"], transcript.date) \
            and not without_times(conceded["when"], transcript.date).strip(" ，,…."):  # 「可能要改星期四。」 「星期四(……)都得。」
        when = _near_day_asked(conceded["when"], _day_haggled(line.text, [reply.text], transcript.date),
                              transcript.date)  # 「下個禮拜三」 then 「禮拜四都得」
        when = when if limit_said(when, transcript.date) else f"{when}前"
        clock = [c for c in clauses(conceded.group(0)[conceded.end("when"):]) if find_clocks(c)]
        return "，".join([when] + clock)  # 「禮拜一都得，但係要十點前」: by ten that Monday
    answer = (sentences(after.text) or [""])[0]
    plea = LATER_PLEASE.search(reply.text) or QUESTION.search(said) and (OFFERS_ANOTHER_TIME.search(said) or ASKS_FOR.match(said))
    granted = _first_day(answer, transcript.date) if plea and GRANTED.match(answer) and not NOT_YES.search(NO_LATER.sub("", answer)) else ""
    if granted:  # 「可唔可以遲多兩日？」 / 「可唔可以下個禮拜先交？」 then 「咁好啦，禮拜一啦。」: the day the asker grants
        granted = _near_day_asked(re.sub(r"\s*(?:啦|呀|啊|喇|吖)$", "", granted),  # 「下個禮拜四」 … 「OK，禮拜三。」
                                 _day_haggled(line.text, [reply.text], transcript.date), transcript.date)
        asked = (clauses(GLUED_TAG.sub("", said)) or [""])[-1]
        asked_due, granted_due = find_deadline(asked, transcript.date), find_deadline(granted, transcript.date)
        if asked_due and granted_due and asked_due.day == granted_due.day and asked_due.at and not granted_due.at:
            granted = asked  # 「下個禮拜一中午十二點前得唔得？」 「OK，就禮拜一。」: that day, at the hour asked
        return granted if limit_said(granted, transcript.date) else f"{granted}前"
    yes = yes or re.match(r"啱|冇錯|係喎", OPENER.sub("", after.text).strip())
    if not yes:
        return ""
    offered = _near_day_asked((clauses(GLUED_TAG.sub("", said)) or [""])[-1], _day_in(line.text, transcript.date),
                             transcript.date)
    if not GLUED_TAG.search(said):  # 「可能要多兩日，禮拜四啦。」 「OK。」, 「唔係禮拜二，係禮拜四呀」 「啱。」: the day offered
        instead = NOT_BUT.search(said)
        then = find_time_phrases(said[instead.end():], transcript.date) if instead else []
        offered = then[0].text if then and then[0].start == 0 else \
            next((c for c in clauses(said) if only_time(re.sub(r"\s*(?:啦|喇)$", "", c), transcript.date)), "") \
            or next((c for c in reversed(clauses(said)) if has_time_words(c, transcript.date)), "")  # 「下個禮拜一啦，禮拜五我放假」
        offered = re.sub(r"\s*(?:啦|呀|啊|喇|吖)$", "", offered)
        if not offered or not only_time(offered, transcript.date):
            return ""
        offered = _near_day_asked(offered, _day_in(line.text, transcript.date), transcript.date)  # 「下個禮拜二前…」 「多兩日，禮拜四啦」
    if not has_time_words(offered, transcript.date):
        return ""
    day = find_deadline(offered, transcript.date)
    clock = [c for c in clauses((sentences(after.text) or [""])[0])[1:] if find_clocks(c)  # 「得，不過下個禮拜一十點前」: by ten that day
             and (not find_time_phrases(c, transcript.date) or day is None or find_deadline(c, transcript.date).day == day.day)]
    if clock:
        return clock[0] if find_time_phrases(clock[0], transcript.date) else f"{offered}{BUT.sub('', clock[0])}"
    return offered if limit_said(offered, transcript.date) else f"{offered}前"


SETTLES = re.compile(r"^(?:好|OK|ok|okay|得|可以|冇問題|無問題|收到|明白|咁好啦|yes|sure)(?![A-Za-z唔])|"
                     r"(?:可以|OK|得|冇問題|無問題)\s*(?:呀|啊|啦|喇|吖)?(?:[，,。！!]|$)|(?:更|仲|更加)\s*好", re.IGNORECASE)
WHEN_ASKED = re.compile(r"幾時|幾耐|邊日|(?<![A-Za-z])when(?![A-Za-z])", re.IGNORECASE)  # 「幾時搞得掂？」: a day asked for


def asks_when_done(question: str, said: str) -> bool:
    """Whether question asks when the work said is done: 「幾時搞得掂？」, or 「幾時 send？」 after 「我要 send 報價」
    (not 「幾時返？」 after 「我要去開會」)."""
    when = WHEN_ASKED.search(question)
    return bool(when) and bool(GENERIC_DONE.search(question[when.end():]) or shared_grams(question[when.end():], said))


NO_LATER = re.compile(r"(?:唔可以|唔得|唔好|不可以)\s*(?:再\s*(?:遲|晏|拖|延|改)|拖|延)|(?:拖|等)唔得")  # 「…，呢樣唔可以拖」
SETTLING_TURNS = 4  # a day offered, another asked, yes: a longer haggle is rare, and others speak in between


WHY_OPENS = re.compile(r"(?:唔係|否則|唔然|因為|由於)")  # 「…，唔係佢哋以為我哋休到禮拜日」: why, not when the work is due


def asks_other_work(reply: str, own: str, people: OwnerResolver, today: date) -> bool:
    """Whether a reply to somebody's own plan (「我聽日排更。」) asks for other work rather than another time
    for it (「強哥，九月份嘅盤點報告，國慶之後第一個工作天交俾我，得唔得？」): it says a verb the plan did not
    (not one that says done, 搞掂) and, when that verb only hands something over (交, send), a thing the plan did not name."""
    said = without_times(GLUED_TAG.sub("", reply), today)
    for name, start, end in reversed(people.spans(said)):
        said = said[:start] + said[end:]
    said = GENERIC_DONE.sub("", OPENER.sub("", said))
    verbs = {v.casefold() for v in VERB.findall(said)} - {v.casefold() for v in VERB.findall(own)}
    rest = BARE.sub("", ANSWER_WORDS.sub("", VERB.sub("", TOO_LATE.sub("", said))))
    return bool(verbs) and len(rest) >= 3 and coverage(rest, own) < 0.5


def day_settled(reader: Reader, transcript: Transcript, line: Line, owner: str | None) -> tuple[str, range] | None:
    """The due day the person asked and the asker settle over three or four turns of offers, each
    saying a day (「…下個禮拜二前俾我。」 「下個禮拜二我要 training，禮拜三得唔得？」 「禮拜三太遲，不如禮拜一啦。」
    「好，禮拜一前搞掂。」): (the words of the day accepted last, a bare weekday put in the week first asked;
    the turns of the haggle; a bare 「好。」 takes the day just offered). The owner's own answer to a
    question (「幾時搞得掂？」 「月尾之前啦。」) is haggled over the same way, the asker speaking first (「月尾太遲，
    二十號之前。」 「二十號有啲趕，二十二號得唔得？」 「好，二十二號。」). None when nobody else was asked,
    when a third person speaks first, or when nothing is accepted after two offers."""
    asker, opens = reader.speaker(line), owner
    reply = transcript.lines[line.index + 1] if line.index + 1 < len(transcript.lines) else None
    if owner is not None and asker == owner and line.index > 0 and WHEN_ASKED.search(transcript.lines[line.index - 1].text):
        asker = opens = reader.speaker(transcript.lines[line.index - 1])
    elif owner is not None and asker == owner and reply is not None and reader.speaker(reply) not in (None, owner) \
            and any(has_time_words(c, transcript.date) for c in clauses(line.text) if not WHY_OPENS.match(OPENER.sub("", c).strip())) \
            and (TOO_LATE.search(reply.text) or GLUED_TAG.search((sentences(reply.text) or [""])[-1])) \
            and has_time_words(reply.text, transcript.date) \
            and not asks_other_work(reply.text, line.text, reader.people, transcript.date):
        asker = opens = reader.speaker(reply)  # 「我下個禮拜五前 send。」 「下個禮拜五太遲喇，…禮拜三得唔得？」: haggled from there
    if owner is None or asker is None or owner == asker:
        return None
    turns: list[Line] = []
    for later in transcript.lines[line.index + 1:line.index + 1 + SETTLING_TURNS]:
        expected = opens if len(turns) % 2 == 0 else ({owner, asker} - {opens}).pop()
        if reader.speaker(later) != expected or turns and _about_added_work(later.text, line.text, turns[0].text, transcript.date) \
                or turns and NEW_TOPIC.match(later.text.strip()):
            break  # 「仲有學校網頁，…聽日搞埋佢？」: another task, its own day
        turns.append(later)
        if not has_time_words(later.text, transcript.date):
            break  # 「好。」: a bare yes ends it
    for j in range(len(turns) - 1, 0 if opens == asker else 1, -1):  # after an answer: the asker's day, then yes
        first = (sentences(turns[j].text) or [""])[0]
        said = first.strip()
        if not SETTLES.search(said) or QUESTION.search(first) or reader.people.mentioned(first) \
                or NOT_YES.search(NO_LATER.sub("", said)):  # 「好，二十二號，唔可以再遲」: yes, and no later
            continue
        when, offered = _last_day(first, transcript.date), _last_day(turns[j - 1].text, transcript.date)
        if not find_time_phrases(when, transcript.date):  # 「好。」, 「好，我十點前做。」: on the day offered
            when = "，".join(part for part in (offered, when) if part)
        if not when:
            continue
        asked = _day_haggled(line.text, [t.text for t in turns[:j]], transcript.date)
        for phrase in reversed(find_time_phrases(when, transcript.date)):  # 「咁好啦，禮拜三前俾你」 after 「下個禮拜三前」
            when = when[:phrase.start] + _near_day_asked(phrase.text, asked, transcript.date) + when[phrase.end:]
        return when, range(turns[0].index, turns[j].index + 1)
    return None


def _about_added_work(said: str, asked: str, reply: str, today: date) -> bool:
    """Whether said gives a day to work the reply added, not to the work asked (「你禮拜五前發通知」 「好，…同埋我會
    準備埋簡報」 「簡報十五號之前俾我過目」): the thing named before its day is in the reply, not the request."""
    phrases = find_time_phrases(said, today)
    topic = OPENER.sub("", said[:phrases[0].start]).strip(" ，,") if phrases else ""
    return bool(topic) and not shared_grams(topic, asked) and bool(shared_grams(topic, reply))


IN_TIME_FOR = re.compile(r"(?:都|仲|亦)?\s*(?:趕|來)得(?:切|及)")  # 「…，都趕得切五月中」: the limit still met, no day offered


def _last_day(said: str, today: date) -> str:
    """The clauses of said from the last that names a day, with the times said after it
    (「禮拜二太遲，不如下個禮拜一啦」 → 「不如下個禮拜一啦」; 「下個禮拜一可以，我十點前做」: both)."""
    parts = [c for c in clauses(said) if has_time_words(c, today) and not IN_TIME_FOR.match(OPENER.sub("", c).strip())]
    last = next((k for k in reversed(range(len(parts))) if find_time_phrases(parts[k], today)), 0)
    return "，".join(parts[last:])


def _first_day(said: str, today: date) -> str:
    """The first clause of said that names a day, with a time said in the clause after it
    (「咁好啦，禮拜一啦，但係禮拜五要俾個初稿我睇」 → 「禮拜一啦」; 「好，禮拜一，十點前」: both); "" when none names one."""
    parts = clauses(said)
    first = next((k for k, c in enumerate(parts) if find_time_phrases(c, today)), None)
    if first is None:
        return ""
    clock = parts[first + 1:first + 2]
    return "，".join(parts[first:first + 1] + [c for c in clock if find_clocks(c) and not find_time_phrases(c, today)])


def _near_day_asked(when: str, asked: date | None, today: date) -> str:
    """A bare weekday offered back for a later day asked (「下個禮拜三」 then 「禮拜四」): that weekday of the
    asked day's week; a bare day of the month (「十月中」 then 「二十號」): that day in the month asked or the
    next, whichever is nearer the day asked. As an ISO date; ``when`` as said otherwise."""
    given = find_deadline(when, today)
    if asked and given and given.day < asked and BARE_WEEKDAY.fullmatch(when.strip()):
        return (asked + timedelta(days=given.day.weekday() - asked.weekday())).isoformat()
    if asked and given and BARE_MONTH_DAY.fullmatch(when.strip()):
        first = asked.replace(day=1)
        months = (first, date(*add_months(first, 1), 1))
        near = [d for m in months if (d := day_of_month(m, given.day.day)) and d >= today]
        return min(near, key=lambda d: abs(d - asked)).isoformat() if near else when
    return when


def _day_in(said: str, today: date) -> date | None:
    """The day of the deadline said in said, or None."""
    deadline = find_deadline(said, today)
    return deadline.day if deadline else None


def _day_haggled(asked_in: str, offers: list[str], today: date) -> date | None:
    """The day a haggle stands at: the deadline said in asked_in, then the day each offer after it names
    last, a bare weekday put in the week of the day before it (「下個工作天俾我」 「可唔可以下個禮拜一？」
    「禮拜一都得」: that Monday, whatever event day the request named too)."""
    asked = _day_in(asked_in, today)
    for text in offers:
        phrases = find_time_phrases(_last_day(text, today), today)
        if phrases:
            moved = _near_day_asked(phrases[-1].text, asked, today)
            asked = phrases[-1].day if moved == phrases[-1].text else date.fromisoformat(moved)
    return asked


BARE_WEEKDAY = re.compile(r"(?:禮拜|星期|週|周)[一二三四五六日天]")
BARE_MONTH_DAY = re.compile(r"(?:就|咁就)?\s*(?:[一二三四五六七八九十廿卅]{1,3}|\d{1,2})\s*[號号]")
CONCEDED = re.compile(r"(?P<when>[^，,。]{1,16}?)\s*(?:(?:都|亦)?\s*(?:得|可以|OK|ok|冇問題|無問題)|(?:更|仲|更加)\s*好"  # 「禮拜四更好」: sooner, gladly
                      r"|(?:都|亦)?\s*(?:仲)?\s*(?:係[^，,。]{1,12}?之前|(?:趕|來)得(?:切|及)))"  # 「十號都仲趕得切」: still in time
                      r"(?:嘅|啦|喇|吖)?(?:[，,]\s*(?:但係|不過|但)[^，,。]{0,16}|[，,]\s*(?:OK|ok|好|得)\s*(?:啦|喇|吖)?"  # 「…都得，但係唔好再遲」
                      r"|[，,]\s*(?:咁|噉)?\s*(?:就)?\s*(?P=when)\s*(?:啦|喇|吖)?)?[。！!]?$")  # 「禮拜四都 OK，咁就禮拜四」
# 「我朝早先點過」: looked at earlier today or before, what the task then names is known
CHECKED_EARLIER = re.compile(r"(?<![聽後])(?:今朝|朝早|尋日|琴日|噚日|前日|上個?禮拜)[^，,。]{0,6}?[\u3400-\u9fffA-Za-z]\s*過(?![嚟來去])")
ALREADY = re.compile(r"(?:已經|頭先|啱啱|早就)[^，,。]{0,12}?(?:咗|過|好晒)|(?<![A-Za-z])(?:already|done)(?![A-Za-z])", re.IGNORECASE)


DONE_ANSWER = re.compile(r"(?:已經|早就)?\s*(?:搞掂|搞定|做完|做好|完成|處理好)(?:咗)?\s*(?:喇|啦|囉|㗎喇)?|(?:it'?s |it is |all )?"
                      r"(?:done|finished|completed|sorted)(?: already)?|already (?:done|finished|sorted)", re.IGNORECASE)


DONE_VERB = re.compile(r"(?P<verb>[\u3400-\u9fff]{1,2}?|[A-Za-z]+)\s*(?:好|完|晒)?\s*咗\s*(?:喇|啦|囉|㗎喇|嘞)", re.IGNORECASE)  # 「交咗喇」


HANDED_ME = re.compile(r"[俾畀給]\s*(?:我|你)(?!哋)")  # 「個電話俾我」: only handing something over
SENT_DONE = re.compile(r"(?:send|whatsapp|email|forward|俾|畀|傳|發|轉)\s*咗", re.IGNORECASE)


def done_already(answer: str, task: str, today: date) -> bool:
    """Whether the person asked answers that the work is done (「我頭先已經打咗」 to 「打俾 Ricoh」,
    「Ticket 我上個禮拜已經開咗」 to 「開 ticket」): its own verb, said as done."""
    bare = OPENER.sub("", answer).strip(" 。.！!，,")
    if DONE_ANSWER.fullmatch(bare) and re.search(r"已經|早就|咗|done|finished|completed|sorted", bare, re.IGNORECASE) \
            or re.fullmatch(r"(?:已經|早就)\s*[^\s，,。]{1,4}?咗\s*(?:喇|啦|囉|㗎喇)?", bare):  # 「已經批咗喇」 to "approve…"
        return True  # "Done already.", 「搞掂咗喇」: whatever was asked
    first, *rest = clauses(bare) or [""]
    own = DONE_VERB.fullmatch(first)
    if own and own["verb"].casefold() in {v.group(0).casefold() for v in VERB.finditer(task)} \
            and all("咗" in c or not VERB.search(c) for c in rest):
        return True  # 「交咗喇，上個禮拜交咗」 to 「交報告」
    if HANDED_ME.search(task) and not VERB.search(HANDED_ME.sub("", task)) and SENT_DONE.search(first) \
            and all("咗" in c or not VERB.search(c) for c in rest):
        return True  # 「軒仔，貨車公司個電話俾我」 「我而家 send 咗俾你喇」: handed over as they speak
    said = ALREADY.search(answer)
    checked = CHECKED_EARLIER.search(answer) if not said else None
    said = said or checked
    if not said:
        return False
    span = answer[:said.end()]
    verbs = {v.group(0) for v in VERB.finditer(without_times(task, today))}  # 「打俾 Ricoh」 done as 「打咗」 (not 約 of 紐約時間)
    same = any(v in span or len(v) == 2 and "\u3400" <= v[0] <= "\u9fff" and v[0] + "咗" in span for v in verbs) \
        or bool(checked and (thing := re.sub(r"\s*(?:我|我哋)\s*$", "", answer[:checked.start()]).strip(" ，,"))
                and re.sub(r"\s", "", thing) in re.sub(r"\s", "", task))  # 「狂犬病我朝早點過」 to 「check 狂犬病疫苗」
    still = any(VERB.search(without_times(c, today)) and not re.match(r"佢|(?:they|he|she)(?![A-Za-z])", c, re.IGNORECASE)
                for c in clauses(answer[said.end():]))  # 「…已經 update 咗，今日就 send 得」 is more work; 「佢哋話…」 is theirs
    return same and not still


def insisted(transcript: Transcript, line: Line) -> bool:
    """Whether the asker, in the turn after a counter-offer, keeps their own due time."""
    return bool(insisted_time(transcript, line))


def insisted_time(transcript: Transcript, line: Line) -> str:
    """The asker's turn after a counter-offer when it keeps their own due time (「唔得，一定要禮拜三」),
    a bare weekday in it put in the week first asked (「下個禮拜四前…」 … 「一定要禮拜四」: next week's)."""
    after = transcript.lines[line.index + 2] if line.index + 2 < len(transcript.lines) else None
    if after is None or after.speaker != line.speaker or not INSISTED.search(OPENER.sub("", after.text)):
        return ""
    if NEW_TOPIC.match(OPENER.sub("", transcript.lines[line.index + 1].text).strip(" 。，,")):
        return ""  # 「好。另外…仲有筆律師費未找。」 「年尾之前一定要收埋」: the day of what the reply brought up
    people = resolver_for(transcript.people)
    if any(people.find_name(n) not in (people.find_name(transcript.lines[line.index + 1].speaker), people.find_name(line.speaker))
           for n in people.mentioned(after.text)):
        return ""  # 「明白。咁 Jason，你…最遲禮拜五之前要 call 晒」: another's work, with its own day
    said = find_time_phrases(after.text, transcript.date)
    if not said:
        return after.text
    must = re.search(r"一定要|最遲", after.text)  # 「唔得，一定要聽日，客禮拜一就要簽」: the day after 一定要, not the reason's
    kept = next((p for p in said if must and 0 <= p.start - must.end() <= 2), said[-1])
    # 「禮拜五都唔得，一定要禮拜四」: else the day kept is said last, in its own clause
    start = max(after.text.rfind(mark, 0, kept.start) for mark in "，,") + 1
    end = min([i for i in (after.text.find(mark, kept.end) for mark in "，,。") if i >= 0] or [len(after.text)])
    asked = _day_in(line.text, transcript.date)
    return after.text[start:kept.start] + _near_day_asked(kept.text, asked, transcript.date) + after.text[kept.end:end]


OWN_SENTENCES = 2  # sentences of the answer's own turn, before the task, read for the day its clock is on


def asked_before(transcript: Transcript, line: Line, task: str) -> str:
    """The sentence of the turn before, by somebody else, that asked for the task's clock with the
    day or the part of the day the answer leaves out: 「今晚十一點前推到 hotfix 嘛？」 answered
    「我十一點前 push」 means 23:00; 「聽朝十點前…？」 answered 「十點前」 means tomorrow. A question
    that named only the day (「你今晚交份報告嘛？」) gives the day and its part to the answered clock."""
    due = find_deadline(task, transcript.date)
    if due is None or due.at is None or line.index == 0:
        return ""
    previous = transcript.lines[line.index - 1]
    if previous.speaker == line.speaker:
        return ""
    said_day = bool(find_time_phrases(task, transcript.date))  # 「十點前」 alone reads as today
    clocks = find_clocks(task)
    own = "".join(sentences(line.text[:max(line.text.find((clauses(task) or [task])[0]), 0)])[-OWN_SENTENCES:]) \
        if clocks and not said_day else ""
    days = find_time_phrases(own, transcript.date) if own else []
    if days:  # 「不如俾我到後日禮拜五朝早？我盡量十一點前 send 俾你」: the day the answer itself just named
        part = PART_AFTER_DAY.match(own, days[-1].end)
        return days[-1].text + (part.group(0) if part else "") + task[clocks[0].start:clocks[0].end] + "前"
    for sentence in sentences(previous.text):
        asked = find_deadline(sentence, transcript.date)
        if asked and asked.at and (asked.day == due.day or not said_day) \
                and (asked.at == due.at or part_of_day_left_out(due.at, asked.at)):
            return sentence
    for sentence in sentences(previous.text) if clocks and not said_day else ():
        asked, phrases = find_deadline(sentence, transcript.date), find_time_phrases(sentence, transcript.date)
        if asked and asked.at is None and phrases:
            # 「你今晚交份報告嘛？」 「我十一點前交」: the day asked for, at the clock answered (23:00)
            part = PART_AFTER_DAY.match(sentence, phrases[0].end)
            return phrases[0].text + part.group(0) + task[clocks[0].start:clocks[0].end] + "前"
    return ""


def the_answer(reader: Reader, transcript: Transcript, line: Line, owner: str | None) -> str:
    """The first sentence of the next turn when it answers a request asked with a tag: said by
    somebody else than the asker and, when both are known, by the person asked."""
    if line.index + 1 >= len(transcript.lines):
        return ""
    reply = transcript.lines[line.index + 1]
    who = reader.speaker(reply)
    if reply.speaker == line.speaker or (owner and who and who != owner):
        return ""
    return (sentences(reply.text) or [""])[0]


DAY_TURNED_DOWN = re.compile(r"^[^，,。]{1,12}?(?:唔得|太遲|太早|唔啱|唔方便|not ok|too late)[喎呀啊囉]?\s*[，,]\s*(?=\S)", re.IGNORECASE)


def asker_agrees(transcript: Transcript, line: Line) -> bool:
    """Whether the asker says yes in the turn after the answer to their question (the day it offers
    stands): 「好啦。」, or a yes that says that day again (「OK，禮拜五啦。」), not another one."""
    after = transcript.lines[line.index + 2] if line.index + 2 < len(transcript.lines) else None
    if not after or after.speaker != line.speaker:
        return False
    said = clauses((sentences(after.text) or [""])[0]) or [""]
    rest = "，".join(said[1:])
    answer = transcript.lines[line.index + 1].text
    asking = [s for s in sentences(answer) if OFFERS_ANOTHER_TIME.search(s) and has_time_words(s, transcript.date)]
    said_back = asking[-1] if asking else answer
    tag = OFFERS_ANOTHER_TIME.search(said_back)
    part = (clauses(said_back[:tag.end()]) or [""])[-1] if tag else ""  # 「聽日我成日有堂喎，禮拜五得唔得？」: Friday
    offered = find_deadline(part if has_time_words(part, transcript.date) else DAY_TURNED_DOWN.sub("", said_back),
                            transcript.date)  # 「聽日…做唔切。禮拜三得唔得？」
    yes = YES.match(re.sub(r"^\s*(?:咁|噉)\s*", "", said[0])) or CONCEDED.match(said[0].strip())  # 「(咁)好啦」, 「都得」, 「禮拜一都 OK」
    again = find_deadline(rest, transcript.date)  # 「得，不過禮拜四中午十二點前」: that day, by a time
    return bool(yes) and (not has_time_words(rest, transcript.date) or re.search(r"(\S{1,6})就\1", rest)  # 「五點就五點」: that one, then
                          or offered is not None and again is not None and again.day == offered.day)


def counter_taken(reader: Reader, transcript: Transcript, line: Line, owner: str | None) -> bool:
    """Whether the owner's answer to line offers another day (「…下個禮拜三得唔得？」) that line's speaker then takes."""
    if line.index + 2 >= len(transcript.lines):
        return False
    answer = transcript.lines[line.index + 1]
    return reader.speaker(answer) == owner and bool(OFFERS_ANOTHER_TIME.search(answer.text)) \
        and has_time_words(answer.text, transcript.date) and asker_agrees(transcript, line)
