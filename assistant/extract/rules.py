"""Candidate action items and decisions found by cue phrases, over every turn, without a model.

Each sentence is read clause by clause by clause_reader.py (which clauses are actions, and whose).
When the person asked declines (「我聽日唔得閒喎」) and somebody else is named for it (「咁 Ken 你去啦」),
or says it is somebody else's (「唔係我呀，係 Ken 負責」), the task moves; corrections of who and when
said in passing are read by corrections.py. What others said (「佢哋話今晚會 send」) is no task.
Consecutive action clauses of one owner are one item; a clause opened by 同埋/仲有/另外 with a
verb of its own starts another (compound turns give several items). A bare 「我嚟搞」 takes its
task from the request it answers; a yes/no question asking someone to do something (「Marco，聽日換得好個
projector 嘛？」) is their task once they say yes in the next turn. Plans described as past (本來/原本) assign nothing.
An answer to a "when" question (「嗰啲 invoice 幾時入得晒？」 「我聽日中午前入晒」) takes the thing
asked about into its task, and a time of day said in the next turn by somebody else for the
same day and task (「好，聽日中午十二點之前要通知晒」) completes the item's due time. The answer to a
request (a yes with a time, a no, another time offered, work already done) is read by answers.py.

Each sentence is also read for decisions (decisions.py); a vote or a standing rule gives no task.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from assistant.extract.answers import (
    ALREADY, BARE, BY, COUNTER_OFFER, DAY_TURNED_DOWN, GENERIC_DONE, LATER_PLEASE, OFFERS_ANOTHER_TIME, accepted_with_time, asked_before,
    asker_agrees, asks_when_done, cannot, counter_accepted, counter_taken, day_settled, done_already, insisted, insisted_time, offers_another_day,
    the_answer, timed_after, turns_down, with_when_answer,
)
from assistant.extract.clause_reader import (
    APPROVAL, BARE_COMMIT, BARE_HANDOVER, DEPARTMENT, DUE_MOVED, LIMIT_MARK, REMINDER, ROLE, SAID, STATE, STRANGER, TAKEN_PART,
    HANDED_TOPIC, LOOK_FOR, NOT_NEEDED, ONCE_PLANNED, THEY_WANT_IT, UNKNOWN, YES_FIRST, Clause, Reader, group_in, handed_to_me_only, without_names,
)
from assistant.extract.clock import PART_OF_DAY_WORDS, find_clocks, zone_spans
from assistant.extract.conditions import condition_apart
from assistant.extract.corrections import (
    after_refusal, before_event, corrected_items, correction_of_who, corrections_apart, only_time, right_after_said, same_day_said,
    taking_back, time_corrected, time_referred, time_said_again,
)
from assistant.extract.cues import (
    ACCEPTS, CANNOT, FINDS_OUT_RIGHT_BEFORE, GENERIC_WORK, GLUED_TAG, HANDOVER_VERB, NEW_TOPIC, NOT_ACTION, NOT_YES, OPENER, QUESTION, REFUSAL, SELF,
    SOMEBODY_ELSE, SOMEONE, YES, YOU_REQUEST, asks, two_turns_back,
)
from assistant.extract.dates import DELAY, FEST, find_time_phrases, shifted
from assistant.extract.decisions import PUT_OFF, RECURRING, decided_in
from assistant.extract.deadlines import STATE_AFTER, dates_a_thing, find_deadline, has_time_words, limit_said, without_times
from assistant.extract.owners import resolver_for
from assistant.extract.schema import RawDecision, RawExtraction, RawItem
from assistant.extract.tasks import (
    AGENDA, AWAY, CONTACT_VERBS, DELIVERY_VERBS, FLOOR, MADE_BY, MOVES_ON, NO_RUSH, LEAD_WHEN, PAST_WHEN, WAS, TO_ME, DONE, ONLY_RECIPIENT, PRONOUN_OBJECT, SELF_INTRO, TAKES_CHARGE, TOLD, TOPICS_TODAY, VERB, VERB_WORD,
    FREE_LATER_WORDS, WHO_DECIDED_LATER, leans_on_context, only_whereabouts, spaced_scripts, without_message,
)
from assistant.extract.text import clauses, coverage, sentences, shared_grams, word_count
from assistant.extract.transcript import Line, Transcript


# A request asked as a question: "Priya, could you send … by Friday?", 「你可唔可以聽日交？」
# 「…可唔可以 share 俾我…？」: a question that asks to be given something
ASKED_FOR = re.compile(rf"(?:可唔可以|可否|可不可以)[^，,。？?]{{0,12}}?(?:{DELIVERY_VERBS}|share)\s*(?:返|埋)?\s*(?:俾|畀|給)\s*我(?!哋)"
                       r"[^？?]*[？?]\s*$", re.IGNORECASE)
POLITE_REQUEST = re.compile(r"(?<![A-Za-z])(?:could|can|would|will) you(?![A-Za-z])|please|你[^，,。？?]{0,8}?可唔可以|你可以.{0,12}嗎|你[^，,。？?]{0,8}?得唔得",
                            re.IGNORECASE)
EVENT_TURNS = 60  # how far back 「壽宴前三日」 looks for the day the event was given
CALLED_THEN_ASKED = re.compile(r"[^，,]{1,16}[，,]\s*(?:可唔可以|可否|可不可以)\s*(?:幫(?:我|手)?)?")  # 「阿強，可唔可以幫我…？」
HYPOTHETICAL = re.compile(r"^(?:如果|假如|若果)我係你|^換轉(?:係)?我|^if I were you", re.IGNORECASE)
GIVE_AWAY = re.compile(rf"{SOMEBODY_ELSE}|叫\S{{1,6}}幫(?:我|手)")  # 「可唔可以搵第二個同事跟？」
REVIEWS = re.compile(r"(?:我|I)[^，,。]{0,8}?(?:睇|批|審批|check|review|approve|過目)[^，,。]{0,4}$", re.IGNORECASE)
PASS_IT_ON = re.compile(r"你(?!哋)\s*(?:叫|請|搵)")  # the one spoken to passes the work on: telling them is no item of its own
TELLS_ONLY = re.compile(r"(?:好|OK|ok|得|冇問題|收到)?[，,\s]*(?:我(?!哋))?\s*(?:會|就|即刻|而家|等陣|一陣)?\s*"
                        r"(?:同\s*[^，,。\s]{1,12}?\s*講(?:聲|低)?|話(?:俾|畀)\s*[^，,。\s]{1,12}?\s*知|叫(?:佢|佢哋)|通知(?:佢|佢哋))\s*(?:啦|喇|吖)?")
SENT_TO_YOU = re.compile(rf"(?:{DELIVERY_VERBS})\s*(?:返|埋|晒)?\s*(?:俾|畀|給)\s*你(?!哋)", re.IGNORECASE)
NEEDED_OF_US = re.compile(r"要(?:求)?\s*我哋|(?:要|需要|得)\s*(?:有人|搵人)")  # 「佢哋要我哋…」: a need nobody was given yet
THESE_MINE = re.compile(r"(?:^|[，,。！!\s])(?:呢啲|呢幾樣|呢兩樣|呢啲嘢|兩樣)\s*(?:都)?\s*我\s*(?:嚟|去)?\s*(?:搞|跟|跟進|負責|處理|做)(?:埋)?\s*(?:啦|喇|吖)?\s*(?=[，,。！!]|$)")  # the speaker takes them
TOPIC_TURNS = 15  # how far back the work a handover names by its topic is looked for
NTH_TIME = re.compile(r"(?:第\s*[一二三四五六七八九十\d]+|頭|首|下|最後)\s*(?:一)?\s*(?:次|轉|round)", re.IGNORECASE)  # which time, not a thing
THEN_THAT = re.compile(r"^(?P<thing>[^，,。\s就]{1,16}?|[A-Za-z][\w .-]{0,24}?)\s*就\s*(?P<when>\S.*)$")  # 「screenshots 就五一前」
ALL_DONE = re.compile(rf"(?:要|都要)?\s*(?:{VERB_WORD})\s*(?:晒|哂|齊|完)(?:佢|佢哋)?\s*(?:啦|喇)?", re.IGNORECASE)  # 「send 晒」
THING_APART = re.compile(r"^[^，,。\s]{1,12}?\s*(?:(?:嗰|呢)\s*(?:part|樣|部分|部份)|方面)", re.IGNORECASE)  # 「基金嗰樣…」, 「宣傳方面…」
AFTER_DONE = re.compile(r"^[^，,。\s]{1,4}(?:咗|完|好)\s*(?:之後|以後)\s*")  # 「(落 order，)落咗之後 send 報價單」: the next step
SPLIT = re.compile(rf"^(?:同埋|仲有|另外|然後|跟住|再|順便|順手|{AFTER_DONE.pattern[1:]}|and then|also)", re.IGNORECASE)
FOR_A_LOOK = re.compile(r"(?:再)?[俾畀]\s*(?:我|[^，,。\s你我佢]{1,8}?)\s*(?:參考|過目|睇|審批|批|check)\s*(?:吓|下|一下)?\s*(?:先)?\s*(?:啦|吖)?", re.IGNORECASE)
DEALS_WITH = r"同[^，,。你我佢]{1,8}?(?:book|訂|落單|order|傾|講)"  # 「同租車公司 book 車，順便 confirm 價錢」: one call
ASKED_WHILE_AT_IT = re.compile(r"^(?:順便|順手)\s*(?:問|講|提|提醒|建議|話|叫|請|催|(?<![A-Za-z])(?:confirm|check)(?![A-Za-z]))", re.IGNORECASE)  # in the same call
# 「send 份報價，同埋 cc 埋 Marco」: who is copied is a detail of the email, no task of its own
COPY_IN = re.compile(r"^(?:同埋|仲有|and|also)?\s*(?:記得|記住|要|都要|remember to)?\s*(?:cc|bcc|抄送|副本)(?![A-Za-z])",
                     re.IGNORECASE)
IN_HAND = re.compile(r"(?:我|我哋)\s*(?:而家|宜家)?\s*(?:整|做|搞|寫|跟|趕|執)緊(?:喇|啦|㗎)?")  # 「我整緊，禮拜四俾你」: under way
WHY_ME = re.compile(r"^(?:因為)?\s*我(?:之前|以前|本身)?\s*(?:都)?\s*(?:識|熟|認識|有經驗|(?:做|跟|搞|負責)開)"  # 「我之前識兩間」
                    r"|^(?:因為)?\s*我\s*(?:[^，,。我你]{1,8}?(?:得閒|有空|有時間)|[^，,。我你]{0,8}?(?:冇嘢做|順路))\s*(?:嘅|呀|啊|喎)?$")  # 「我順路」
FREE_ME = re.compile(r"我\s*(?:都)?\s*(?:得閒|有空|有時間)\s*(?:嘅|呀|啊|喎)?")  # 「我得閒」 said before taking it on
HEDGE = re.compile(r"^(?:但係|不過|所以)?\s*(?:最快|最遲|應該|大概|估計|可能)\s*")  # 「最快都要下個禮拜二」: how sure, not what
WHEN_TAG = r"(?:你)?\s*(?:大概)?\s*幾時(?:得(?!閒)|可以|搞得掂|搞掂|做得好|做得完|交得到|有)"  # 「…，幾時得？」: the answer says when
TAG = re.compile(r"^(?:得唔得|好唔好|OK唔OK|ok嗎|得嗎|可唔可以|明唔明|係咪|okay|ok|alright|可以嗎|好嗎|好冇|得冇|OK冇|ok冇|行唔行|"
                 rf"冇問題(?:吖嘛|吧|嘛)|(?:明白|清楚)(?:嗎|未|冇)|right|{WHEN_TAG})(?:呀|啊|先|呢)?$", re.IGNORECASE)


# 「今日主要講三樣：…」: the chair's agenda lists topics, not tasks; the items listed after it too
ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十\d]|[一二三四五六七八九]係|首先|其次|跟住|最後|another|first|second|third|lastly)",
                     re.IGNORECASE)


GROUP_TASK_PRONOUN = re.compile(r"^(?:呢樣|呢個|嗰樣|嗰個|呢啲|嗰啲|呢件事|this|that)\s*", re.IGNORECASE)
# after 「邊個打俾保險公司？」, naming another to do it: 「阿傑打就得」, 「Ivy 跟啦」 (the rest after the name)
NAMES_DOER = re.compile(r"^\s*(?:去|嚟|會)?\s*(?:[^\s你]{1,2}?|[A-Za-z]+)?\s*(?:就得|就可以|就OK|就ok|得喇|啦|吖|喇|囉)[。！!]*$")
SELF_DOER = re.compile(r"^\s*(?!(?:都|亦)?\s*(?:冇|無|唔|不|未)|no(?![A-Za-z]))(?:嚟|去)?\s*(?:[^\s你]{1,2}?|[A-Za-z]+)?\s*(?:啦|喇|吖|囉)?[。！!]*$",
                       re.IGNORECASE)  # 「我打。」, 「我 book 啦」 (not 「我都冇」: nothing to add)
# A yes/no question that asks someone to do something, and that person's yes in the next turn:
# 「Marco，聽日換得好個 projector 嘛？」 「聽日可以。」
WH_QUESTION = re.compile(r"幾時|幾點|幾號|邊日|點解|點樣|點算|邊個|邊位|邊度|乜嘢|咩|幾多|幾耐|定係|\b(?:what|when|who|how|why|where|which)\b",
                         re.IGNORECASE)
YES_BY = re.compile(r"(?<![唔未冇不])(?:可以|得|冇問題|OK|ok)(?:呀|啊|啦|喇)?[。.！!]*$")  # 「禮拜五先得」: yes, by then
# Not a request: asking after work (未, 咗, did you), offering one's own help (我), a complaint or
# a negated verb (「你又唔 check…？」), or checking a fact (係咪).
NOT_REQUEST = re.compile(r"未[呀啊呢吖]?[？?\s]*$|咗|唔|冇|未|係咪|係唔係|一齊|(?:上次|之前|頭先|尋日|琴日)\s*(?:話|講|提)|"  # 「你上次話你跟？」: said before
                         r"\b(?:did|have|has|had|is|are|was)\b",
                         re.IGNORECASE)
PROMPTED = re.compile(r"得唔得閒|有冇時間|有冇空|得(?:到)?(?!閒)(?=\s*[^\s])|(?<=[\u3400-\u9fff])到(?=\s*(?:嗎|嘛|呀|啊|未)?[？?\s]*$)|(?<=[A-Za-z])\s*到(?=\s*[份個張啲條封本])|(?:嘛|呀|啊|嗎|好嗎|好唔好)[？?\s]*$")  # 「send 得到份報價嘛？」 → send 份報價
DUE_AFTER = re.compile(r"(?:前|之前|內|之內|以內)\s*(?:要|一定要)?\s*(?:搞掂|搞定|完成|做完|做好|交|俾|畀)?(?:佢|晒|埋|哂)?"
                       r"[。！!]*$|^(?:by|before)\b", re.IGNORECASE)


def _due_only(verbs: str) -> re.Pattern[str]:
    return re.compile(r"^(?:(?:嗯|呃|哦|好|OK|唔急|唔使急|唔駛急|唔使咁急|冇咁急|最好|應該|大概|估計)[，,\s]*)*"  # 「唔急，月尾啦。」 answers 「幾時要？」
                      r"(?:(?:兩|三|四|幾)(?:樣|份|件)(?:嘢)?|全部|所有|呢啲|以上|all)?\s*(?:都)?\s*(?:要|一定要|最遲)?\s*(?:喺|by|before)?\s*"
                      rf"(?:前|之前|或之前|內|之內|以內)?\s*(?:要|一定要|可以|應該)?\s*(?:(?:{verbs})(?:得)?(?:到|切)?)?"  # 「禮拜五交到」
                      r"(?:佢|佢哋|晒|哂|埋)?\s*(?:(?:返)?(?:俾|畀|給)\s*(?:我|你)(?!哋))?\s*(?:先)?(?:得|可以)?\s*(?:啦|喇|吖|呀|啊|la)?[，,\s]*"
                      r"(?:唔該|please|thanks|thank you)?$", re.IGNORECASE)  # 「應該禮拜一得」


# A sentence that only gives the due time of the tasks said just before it: 「兩樣都禮拜五前搞掂。」
DUE_ONLY = _due_only("搞掂|搞定|完成|做完|做好|交|俾|畀|done")
# 「禮拜五前 email 俾我。」 after the work, 「聽日十點前 send 俾你。」 answering 「幾時交？」: when it is handed in
SENT_ONLY = _due_only(f"搞掂|搞定|完成|做完|做好|done|{DELIVERY_VERBS}")


# 「三個工作天內啦，唔好拖，唔係佢又會再寫」: urging and why, after the due time
URGING = re.compile(r"(?:唔好|咪)(?:拖|遲|等|再拖)|盡快|越快越好|快啲|愈快愈好|唔該|thanks|(?:唔係|否則|不然|因為|費事|免得)")


def _without_urging(sentence: str) -> str:
    """The sentence without the urging and the reasons after its first clause, when that is all they are."""
    head, *rest = clauses(sentence) or [sentence]
    return head if rest and all(URGING.match(c.strip()) for c in rest) else sentence
SAID_THEY = re.compile(SAID + r"(?:過)?\s*(?:佢哋|佢|they|he|she)?\s*(?![我你知俾畀])", re.IGNORECASE)


def _reported_commitment(sentence: str, reader: Reader) -> str:
    """A commitment reported for somebody named (「Ken 話佢聽日會搞掂個 bug」, 「IT 嗰邊話聽日裝好部 printer」,
    「我同 Mandy 講咗，佢話佢今晚會處理」, 「…，佢話冇問題，禮拜五之前會搞掂」) read as theirs: 「Ken 聽日會搞掂個 bug」.
    What they said was done (咗, 已經) or no work stays as said."""
    sentence = _them_named(sentence, reader)
    starts = [(start, end) for _, start, end in reader.people.spans(sentence)]
    starts += [(m.start("who"), m.end("who")) for m in ROLE.finditer(sentence)] \
        + [(m.start("who"), m.end("who")) for m in [DEPARTMENT.match(sentence)] if m]
    for start, end in sorted(starts, key=lambda s: s[1], reverse=True):
        said = SAID_THEY.match(sentence, end)
        if not said or said.end() == end or not re.search(r"話|講|said|says", said.group(0), re.IGNORECASE):
            continue
        rest, *more = re.split(r"[，,。]", sentence[said.end():])
        skip = 0
        if more and SAID_YES.fullmatch(rest.strip()):  # 「佢話冇問題，禮拜五之前會搞掂」: yes, then what they will do
            skip, rest = len(rest) + 1, more[0]
        if VERB.search(rest) and not DONE.search(rest) and not TRIP.search(rest) \
                and (re.search(r"會|will", rest) or has_time_words(rest, reader.transcript.date)):
            told = reader.people.strip_leading(sentence[:start].strip(" ，,")) if start else None
            head = sentence[start:end] if told and not told[1].strip(" ，,") else sentence[:end]  # 「Ivy，阿傑話…」: news for Ivy
            rest = sentence[said.end() + skip:]
            sentence = head + (" " if re.match(r"[A-Za-z0-9]", rest) and re.search(r"[A-Za-z0-9]$", head) else "") + rest
    return sentence


SAID_YES = re.compile(r"(?:冇問題|無問題|OK|ok|得|可以|好)(?:呀|啊|喎)?")
THEM = re.compile(rf"(?:^|[，,\s])(?P<them>佢)(?!哋)(?={SAID}|[^，,。你我]{{0,10}}?(?:會|will))")


def _them_named(sentence: str, reader: Reader) -> str:
    """The sentence with each 佢 that says or will do something replaced by the attendee last named before it
    (「我同 Mandy 講咗，佢話佢今晚會處理」 → 「…，Mandy話佢今晚會處理」); one pass, however long the turn."""
    spans = reader.people.spans(sentence)
    out, at = [], 0
    for m in THEM.finditer(sentence):
        named = [name for name, _, end in spans if end <= m.start("them")]
        if named:
            out += [sentence[at:m.start("them")], named[-1]]
            at = m.end("them")
    return "".join(out) + sentence[at:]


# 「佢下個禮拜要去新加坡見客」: where somebody will be, news rather than a task given
TRIP = re.compile(r"(?:要|會)?\s*(?:去|飛|返)\s*[^，,。\s]{2,6}?\s*(?:見客|出差|開會|參展|睇展|公幹)?\s*$")


# 「我想你聽日交」, 「我希望 Ken 跟」, 「我要你份報價」: the speaker wants somebody else to do it
WANTS = re.compile(r"(?:我|我哋)\s*(?:都|真係|好)?\s*(?P<when>[^，,。！!？?你我]{0,12}?)\s*(?:都|真係|好)?\s*"
                   r"(?:想|要|希望|建議|提議|需要)(?:請|叫)?\s*$")


THANKS_FIRST = re.compile(r"^(?:(?:好|OK|ok)[，,\s]*)?(?:多謝|唔該晒|thanks|thank you)(?:晒|哂|你|大家|all)?\s*", re.IGNORECASE)


def _thanks_apart(sentence: str, reader: Reader) -> str:
    """A sentence without the thanks it opens with when a request follows (「多謝晒，Ivy 你聽日交份報告」,
    "Thanks Ivy, please send the deck by Friday"); thanks for what was done (「多謝 Ivy 幫手」) stay."""
    thanks = THANKS_FIRST.match(sentence)
    rest = sentence[thanks.end():] if thanks else ""
    if thanks and re.match(r"[，,!！.。]", rest) and rest.strip(" ，,!！.。"):
        return rest.lstrip(" ，,!！.。")
    spans = reader.people.spans(rest) if thanks else []
    if spans and spans[0][1] == 0 and re.match(r"\s*[，,]", rest[spans[0][2]:]):
        return rest
    done = re.match(r"[^，,。]{0,8}[，,]\s*", rest[spans[0][2]:]) if spans and spans[0][1] == 0 else None
    after = rest[spans[0][2] + done.end():] if done else ""
    if after and VERB.search(after) and (REMINDER.match(without_times(after, reader.transcript.date).strip())
                                         or re.match(r"你(?!哋)", without_times(after, reader.transcript.date).strip())):
        return f"{rest[:spans[0][2]]}，{after}"  # 「多謝 Ivy 幫手，聽日記得 send 埋份 slides 俾我」: asked of Ivy
    return sentence


# the thing said first, with its measure word (「個通告」, 「份 proposal」), then 唔該 or nothing before the name
TOPIC_BEFORE_CALLED = re.compile(r"(?P<topic>(?:個|份|張|啲|嗰|呢|條|批|間|部|架|單)[^，,。！!？?你我佢俾畀給同由叫交就]{1,14}?)\s*(?:唔該|麻煩|就)?\s*")
CALLED_VERB = re.compile(rf"\s*[，,]?\s*(?:你(?!哋)\s*)?(?P<verb>{VERB_WORD})\s*(?:吓|下|埋|咗|晒)?\s*(?:佢(?!哋))?(?P<rest>[^，,。！!？?]*)", re.IGNORECASE)


def _called_after_topic(sentence: str, reader: Reader) -> str:
    """The thing first, then who is called and the verb, said as a request opens: 「個通告 Ivy 出啦」,
    「個通告唔該 Ivy 你出」, 「個通告 Ivy，你出吓」 → 「Ivy，你出個通告…」, 「份 report 就阿傑跟啦」 → 「阿傑，你跟進份 report…」."""
    opened = OPENER.match(sentence)
    spans = reader.people.spans(sentence)
    if len(spans) != 1 or any(MADE_BY.match(c.strip()) for c in clauses(sentence[opened.end() if opened else 0:])):
        return sentence  # 「個網頁係阿傑整嘅」: who made it, no request
    name, start, end = spans[0]
    topic = TOPIC_BEFORE_CALLED.fullmatch(sentence, opened.end() if opened else 0, start)
    said = CALLED_VERB.match(sentence, end)
    # a name follows the thing: 「份 report」 is no verb as it would be at a sentence's end
    if not topic or not said or VERB.search(f"{topic['topic']}嘅") or has_time_words(topic["topic"], reader.transcript.date) \
            or re.fullmatch(HANDOVER_VERB, said["verb"]) and re.search(r"[，,]\s*\S", sentence[said.end():]):
        return sentence  # 「呢份合約 Ivy 你跟啦，禮拜五前簽好」: the work is said after
    verb = "跟進" if said["verb"] == "跟" else said["verb"]  # 「份 report 就阿傑跟啦」: follows the report up
    return f"{sentence[:topic.start()]}{sentence[start:end]}，你{verb}{topic['topic'].strip()}{said['rest']}{sentence[said.end():]}"


def _vocative_first(sentence: str, reader: Reader) -> str:
    """A sentence that names who it is said to at its end (「呢樣你跟，Mandy。」, "Could you …, May?") with
    the name first, as a request usually opens. A name nobody on the list has, said apart before 你
    (「Kelvin，你聽日 check 部 server」), is the one asked, as without the comma."""
    opened = OPENER.match(sentence)
    stranger = STRANGER.match(sentence, opened.end() if opened else 0)
    if stranger and re.match(r"[，,]\s*你(?!哋)", sentence[stranger.end():]) and not reader.people.find_name(stranger["who"]):
        return f"{sentence[:stranger.end()].rstrip()} {sentence[stranger.end():].lstrip(' ，,')}"
    spans = reader.people.spans(sentence)
    if spans and re.fullmatch(r"[\s。！!？?.]*", sentence[spans[-1][2]:]) and re.search(r"[，,]\s*$", sentence[:spans[-1][1]]) \
            and spans[-1][1] > 0:
        name, start, end = spans[-1]
        return f"{sentence[start:end]}，{sentence[:start].rstrip(' ，,')}{sentence[end:]}"
    said_to = GIVEN_AFTER.fullmatch(sentence[spans[-1][2]:]) if spans else None
    before = sentence[:spans[-1][1]].rstrip(" ，,") if spans else ""
    if said_to and re.search(r"[，,]\s*$", sentence[:spans[-1][1]]) and VERB.search(without_times(before, reader.transcript.date)) \
            and not reader.people.mentioned(before) and not re.search(r"我|你", before):
        name, start, end = spans[-1]  # 「禮拜五前訂枱，阿傑你跟。」: the work before is 阿傑's
        return f"{sentence[start:end]}，{before}。"
    return sentence


GIVEN_AFTER = re.compile(r"\s*(?:你)?\s*(?:跟|跟進|負責|搞|做|處理)(?:埋|住)?\s*(?:啦|吖|喇|la)?[\s。！!.]*")


def _wanted_of(sentence: str, reader: Reader) -> str:
    """A request said as the speaker's wish read as the request itself: 「Mandy，報價單我想你負責」 →
    「Mandy，報價單你負責」, so the one wanted of, not the speaker, owns it; a time said between stays
    (「我禮拜五前要你交份報告」 → 「禮拜五前你交份報告」)."""
    starts = [start for _, start, _ in reader.people.spans(sentence)]
    starts += [m.start() for m in re.finditer(r"你(?!哋嘅|地)", sentence)]
    for start in sorted(starts, reverse=True):
        wants = WANTS.search(sentence, 0, start)
        if wants and only_time(wants["when"], reader.transcript.date):
            sentence = sentence[:wants.start()] + wants["when"] + sentence[start:]
    return sentence


# 「我想要份人流報告，Ken 你整，…」: the thing the speaker wants, then who makes it with a bare verb
WANT_THEN_MAKER = re.compile(rf"(?:^|(?<=[，,]))(?P<lead>[^，,。]*?)我(?:哋)?\s*(?:都|好)?\s*(?:想|需要)?\s*要\s*(?:一|兩|幾)?(?:份|個|張|本|套|篇|封|批|啲)\s*"
                             rf"(?P<thing>[^，,。]{{2,20}})[，,]\s*(?P<maker>[^，,。]{{0,12}}?你(?!哋)\s*)(?P<verb>(?:{VERB_WORD})(?:埋|好|晒)?)"
                             r"\s*(?:啦|吖)?(?=[，,。]|$)", re.IGNORECASE)


def _thing_wanted(sentence: str, reader: Reader) -> str:
    """「端午之後我想要份人流報告，Ken 你整，下個禮拜三之前俾我」 → 「Ken 你整人流報告，下個禮拜三之前俾我」:
    the speaker's wish for a thing (a measure word before it) is the request of who is told to make it;
    a time said before the wish stays unless the rest says when."""
    said = WANT_THEN_MAKER.search(sentence)
    if not said or re.search(r"[我你佢]", said["thing"]) \
            or not (reader.people.mentioned(said["maker"]) or said["maker"].strip() == "你"):
        return sentence
    rest = sentence[said.end():]
    lead = "" if has_time_words(rest, reader.transcript.date) else said["lead"]
    return f"{sentence[:said.start()]}{lead}{said['maker']}{said['verb']}{said['thing']}{rest}"


READY = re.compile(r"ready|有|準備好|得", re.IGNORECASE)  # 「個 demo 幾時 ready？」, 「份合約幾時有？」: when it is done
# 「幾時開會好？」 asks for a time, 「倫敦嗰邊幾點開會？」 when something happens: no task (「幾時寫好？」 asks for work done)
WHEN_SUITS = re.compile(r"(?:好|啱|方便|得閒|有空)$|^(?:開會|開始|開|到|出發|起飛|落機|放假|截止|完|收工|開工|返工)$")


def _when_suits(asked: str) -> bool:
    """Whether 「幾時…」 asks when something suits or happens, not when work is done (「寫好」: a verb and its 好)."""
    return bool(WHEN_SUITS.search(asked)) and not (asked.endswith("好") and re.search(rf"(?:{VERB_WORD})\s*好$", asked, re.IGNORECASE))


HAND_IN = re.compile(r"(?:要|都要)?\s*(?:交|出|搞掂|搞定|完成|做完|send|submit)(?:晒|埋)?\s*(?:啦|喇)?", re.IGNORECASE)  # 「…，禮拜五前交」
EACH_DONE = re.compile(r"(?:(?:呢|嗰)?(?:兩|三|四|幾)(?:樣|份|件)(?:嘢|事)?|全部|所有(?:嘢)?)\s*(?:都(?:係)?)?\s*(?:之前|以前|前|之內|以內|內)?\s*(?:要|一定要)?\s*"
                       r"(?:一齊|一次過|一併)?\s*(?:之前|以前|前|之內|以內|內)?\s*(?:(?:搞掂|搞定|完成|做完|做好|交|俾|send)(?:晒|埋)?(?:\s*(?:(?:俾|畀|給)\s*)?(?:我(?:哋)?|[^，,。\s]{1,12}))?)?"
                       r"\s*(?:啦|喇)?", re.IGNORECASE)  # 「…，兩樣都聽日搞掂」, 「兩樣嘢禮拜五一齊交俾我」, 「兩份都係聽日三點前俾 Sandy」: when each is due
ALL_OF_THEM = re.compile(r"^(?:(?:兩|三|四|幾)(?:樣|份|件)|全部|所有|呢啲|以上|all)", re.IGNORECASE)  # every task of the turn
FREE_ONLY_THEN = re.compile(r"先(?:至)?(?:得|可以|得閒|有空|有時間|搞得掂|做得到)|(?:之前|前)\s*(?:唔得|唔得閒|冇時間)")  # 「禮拜五先得」
PERIOD_WORD = re.compile(r"(?:今|下|上|呢)個?(?:月|禮拜|星期|季)|今(?:日|年|朝|晚)|聽(?:日|朝|晚)|明年")  # says when, not which work
NEED = re.compile(r"要|需要|邊個|need|搵人")
WHO_WILL = re.compile(r"(?:邊個|邊位|有冇人|誰)(?:得閒|有空|有時間)?|(?:需要|要)有人|who(?: can| will)?|(?:I|we) need (?:someone|somebody) to|"
                      r"(?:can|could) (?:someone|somebody|anyone)|anyone (?:free|able) to", re.IGNORECASE)


CHARGE_ONLY = re.compile(r"(?:你|佢)?\s*(?:嚟)?\s*(?:統籌|負責|跟進|跟|搞|處理|協調|handle|follow up)(?:埋|住|吓|下)?(?:啦|吖)?", re.IGNORECASE)
BARE_OBJECT = re.compile(r"(?:個|份|張|啲|嗰個|嗰啲|呢個|呢啲|埋)\s*(?:[A-Za-z]+|[\u3400-\u9fff]{1,2})\s*(?:啦|喇|吖)?$")
SINCE_DECLINED = 6  # turns back within which a task its owner names and turns down is found


def _strip_tag(sentence: str) -> tuple[str, bool]:
    """The sentence without a question tag (「…，得唔得？」, or glued on as ASR text has it:
    「…交份報告得唔得？」), and whether it had one."""
    parts = clauses(sentence)
    if len(parts) > 1 and TAG.match(parts[-1]):
        return "，".join(parts[:-1]), True
    glued = GLUED_TAG.search(sentence)
    if glued and glued.start() > 0:
        return sentence[:glued.start()], True
    said = sentence.rstrip(" ？?")
    if said != sentence.rstrip() and OFFER_ASKED.match(said) and not QUESTION.search(said) and VERB.search(said):
        return said, True  # 「咁我聽朝出個通告？」: an offer, asked like 「…，好唔好？」
    return sentence, False


def _offer_declined(transcript: Transcript, line: Line) -> bool:
    """Whether somebody else answers an offer in the next turn with a no (「唔使喇」, 「唔好住」)."""
    if line.index + 1 >= len(transcript.lines) or transcript.lines[line.index + 1].speaker == line.speaker:
        return False
    return bool(OFFER_DECLINED.match(transcript.lines[line.index + 1].text.strip()))


OFFER_DECLINED = re.compile(rf"^(?:(?:啊|哦|嗯|唔該|多謝)[，,\s]*)?(?:{NOT_NEEDED}|唔得|(?<![A-Za-z])no(?:t yet| need)?(?![A-Za-z]))", re.IGNORECASE)
SELF_INSTEAD = re.compile(rf"[，,]\s*(?:咁)?\s*我(?!哋)\s*(?:自己)?\s*(?:嚟|{VERB_WORD})", re.IGNORECASE)  # 「唔使喇，我出」
OFFER_ASKED = re.compile(r"^(?:(?:咁|噉|不如|或者|好)[，,\s]*)*我(?!哋)(?!\s*(?:係|都係|想問|想知|問|知|可唔可以|使唔使|要唔要|駛唔駛))")
MORE_TO_DO = re.compile(r"仲有|仲要|仲未|但係|不過|(?<![A-Za-z])but(?![A-Za-z])", re.IGNORECASE)  # 「…send 咗第一份，仲有第二份」


# 「我 London 嗰邊嘅同事 Priya」, 「我哋 team 嘅 Ken」: who is meant is the person named, not the speaker
MY_PERSON = re.compile(r"(?:^|(?<=[，,\s]))(?:我|我哋)\s*(?:[^，,。\s]{1,8}\s*嗰邊|(?<![A-Za-z])[A-Za-z]+\s*嗰邊|team|組|部門)?\s*(?:嘅)?\s*"
                       r"(?:同事|拍檔|partner|老細|上司|下屬|組員|助手|秘書|assistant|team\s*嘅|組\s*嘅)\s*(?=\S)", re.IGNORECASE)


def _colleague_named(sentence: str, reader: Reader) -> str:
    """The sentence without 「我(嗰邊嘅)同事」 before an attendee's name (「我同事 Priya 要…覆 email」 is Priya's),
    and without its 「我」 before nobody named (「我同事聽日覆」 is not the speaker's)."""
    for m in MY_PERSON.finditer(sentence):
        named = reader.people.strip_leading(sentence[m.end():])
        if named:
            return sentence[:m.start()] + sentence[m.end():]
        return sentence[:m.start()] + MINE.sub("", sentence[m.start():m.end()], count=1) + sentence[m.end():]  # somebody else
    return sentence


MINE = re.compile(r"^(?:我|我哋)\s*(?:嘅)?\s*")


AREA_MINE = re.compile(r"\S{1,12}?\s*(?:嗰邊|嗰方面|方面|嘅嘢|嗰part|嗰部分)\s*(?:都)?\s*(?:係)?\s*我(?!哋)\s*(?:負責|跟|管)(?:嘅|㗎|開)?[。！!]?",
                       re.IGNORECASE)  # 「IT 嗰邊我負責」


GO_AHEAD = re.compile(r"\s*(?:你)?\s*(?:會|嚟|去)?\s*(?:做|跟進|跟|搞|負責|處理|接手)?\s*(?:啦|喇|吖)?[。！!]?")


def _let_off(sentence: str, reader: Reader) -> tuple[str, str] | None:
    """(who is let off, who takes over) of 「Ken 唔使喇，阿傑做」, 「唔使喇 Ken，阿傑會跟」; else None."""
    said = clauses(sentence)
    if len(said) != 2:
        return None
    first = OPENER.sub("", said[0]).strip()
    before = re.match(rf"\s*{NOT_NEEDED}\s*", first)
    off = reader.people.strip_leading(first[before.end():] if before else first)
    if not off or not (before and not off[1].strip(" 呀啊") or re.fullmatch(rf"\s*(?:你)?\s*{NOT_NEEDED}\s*", off[1])):
        return None
    taker = reader.people.strip_leading(OPENER.sub("", said[1]).strip())
    return (off[0], taker[0]) if taker and taker[0] != off[0] and GO_AHEAD.fullmatch(taker[1]) else None


# 「調轉啦」, 「你哋兩個對調吖」: the two people just given tasks swap them
SWAPPED = re.compile(r"^(?:(?:唔係|不如|或者|咁|噉|sorry|啊|呀|哦)[，,\s]*)*(?:你哋|佢哋)?\s*(?:兩個)?\s*(?:調轉|對調|換轉|掉轉|交換)"
                     r"(?:佢|嚟|吓|下|一下)?\s*(?:啦|喇|吖|呀|先|好啲|好唔好|得唔得)?\s*[。！!？?]?$", re.IGNORECASE)
NOT_TOPIC = re.compile(r"^[一兩三四五幾](?:樣|件事)(?:嘢)?$|諗起|記起|忙完|^(?:仲|都|還)?(?:未|冇)(?:呀|啊|有|喎)?$|^(?:唔使|唔駛|唔洗|唔好|不用)|^(?:不過|但|因為)|諗住|覺得|係咁|我(?:哋)?(?:都|就)?(?:係|想)|(?:去|返|出)咗|咗\s*(?:嚟|電話|email)|打過\s*(?:嚟|來)|" + AWAY)  # 「咁我諗住係咁，…」, 「Ken 今日冇嚟」, 「客今朝打咗嚟」 say something; a topic only names a thing


IS_ON = re.compile(r"(?:係|是|喺|定咗(?:喺|係)?)\s*$")


CALLED_OFF = re.compile(r"(?:唔使|唔駛|唔洗|不用)\s*(?:再)?\s*(?:搞|做|買|訂|印|整|準備|book|order)|取消|唔搞喇|唔做喇|(?<![A-Za-z])cancel", re.IGNORECASE)


def _reporter_due(reader: Reader, transcript: Transcript, line: Line, sentence: str, read: list[Clause]) -> str | None:
    """The speaker of the turn before, when they said how far their work on a thing is (我…等緊, 未) and
    this turn's sentence says when that thing is done, naming nobody (「季度報告我仲等緊財務啲數。」 「季度報告照樣月尾交。」): theirs, by then."""
    if not line.index or not has_time_words(sentence, transcript.date) or QUESTION.search(sentence) \
            or PERSON.search(sentence) or reader.people.mentioned(sentence) or not any(c.action for c in read) \
            or CALLED_OFF.search(sentence):  # 「嗰個活動唔使搞喇，會所下個禮拜開始裝修」: called off, nobody's work
        return None
    before = transcript.lines[line.index - 1]
    return reader.speaker(before) if before.speaker != line.speaker and reader.speaker(before) \
        and re.search(r"我(?!哋)[^，,。]{0,4}?(?:仲|都|重)?(?:等緊|做緊|未|趕緊)", before.text) \
        and shared_grams(without_times(sentence, transcript.date), before.text) >= 2 else None


def _dated_statement(clause: str, date: date) -> bool:
    """Whether a verbless clause says how a day stands (「十月一號國慶中心休息」, 「二十六號都係假期」): news, not a
    thing the work after it is on (「季尾報表，…」, 「保養合約月尾到期，…」 name what it is on)."""
    clause = re.sub(rf"(?:{FEST})節?", "", clause, flags=re.IGNORECASE)  # 「四月三號耶穌受難節公司休息」: the day named twice
    said = find_time_phrases(clause, date)
    return any(STATE_AFTER.match(clause, p.end) for p in said) \
        or len(said) == 1 and bool(IS_ON.search(clause, 0, said[0].start)) and not clause[said[0].end:].strip()  # 「截止係三月二十號」


# 「我諗住出個新優惠」: a plan put forward; what its sentence says next is what the plan is, no work given yet
PLAN_PUT = re.compile(r"諗住|打算|計劃|建議|提議|(?<![A-Za-z])(?:suggest|propose|plan to)(?![A-Za-z])", re.IGNORECASE)


def _items_in(clauses_: list[Clause], date: date) -> list[tuple[str | None, str]]:
    """(owner, task text) per item of one sentence."""
    items: list[tuple[str | None, list[str]]] = []
    owner: str | None = None
    owned = False
    topic: list[str] = []  # verbless clauses before the first owned one: 「另外季尾報表，Ivy，你…」
    shared = ""  # what an owned clause without a verb names for the next one (「Backlog 就 A 同 B 一人一半」)
    before: list[str] = []  # any unowned clauses before it, for a task whose object is only 「份/個…」
    lent: list[str] | None = None  # the parts of a task joined by 同埋 that took the limit said before it
    musing = False  # the owner's clause puts a plan forward, no work given yet
    handed: list[str] = []  # a thing named after one owner's task, for the next owner named (「…，poster 就 Lawrence 你整」)
    for c in clauses_:
        if c.turns_to:  # 「…，Ivy 你 禮拜五前 整好份 slides」: a due time after this is the next task's
            owned, topic, before = False, handed, []
            continue
        if not owned and not c.has_owner_cue and not c.action and c.text and not VERB.search(c.text) \
                and word_count(c.text) <= 16 and not NOT_TOPIC.search(c.text) and not _dated_statement(c.text, date) \
                and not ONCE_PLANNED.match(OPENER.sub("", c.text)):  # 「我本來想叫明仔，…我自己跟啦」: a plan given up
            topic.append(OPENER.sub("", c.text))
            continue
        if not owned and not c.has_owner_cue and c.text:
            before.append(OPENER.sub("", c.text))
        if owned and not c.has_owner_cue and TOPIC_HANDED.fullmatch(c.text.strip()) and not VERB.search(c.text):
            topic = handed = [TOPIC_HANDED.fullmatch(c.text.strip())["thing"]]  # 「…，poster 就 Lawrence 你整」: the next one's
            owned = False
            continue
        handed = []
        if c.has_owner_cue:
            if not owned or c.owner != owner:
                lead = [t for t in topic if t] if not owned else []
                if not owned and not lead and before and BARE_OBJECT.search(c.text) and len(before[-1]) <= 24 \
                        and not NOT_ACTION.search(before[-1]) and not NOT_TOPIC.search(before[-1]) \
                        and not has_time_words(before[-1], date):  # 「今日唔使做，聽日先 send 份 newsletter」; 「下個禮拜開會傾預算，…」: its own time
                    lead = [before[-1]]  # 「週會講新制度，Ivy，你準備好份 slides」
                elif not owned and lead and before and VERB.search(before[-1]) and not NOT_ACTION.search(before[-1]) \
                        and CHARGE_ONLY.fullmatch(c.text.strip(" 。！!")):
                    lead = [before[-1] + "".join(lead)]  # 「新價目牌，要喺七一之後…全部換好，你統籌」: what is run, by when
                items.append((c.owner, lead))
                if not c.action and c.text and not VERB.search(c.text) and word_count(c.text) <= 16 and not NOT_TOPIC.search(c.text):
                    owner, owned, shared = c.owner, True, OPENER.sub("", c.text)  # 「Backlog 就 Ivy 同 Joyce 一人一半，…」
                    continue
            owner, owned = c.owner, True
            if not c.action and VERB.search(c.text) and PLAN_PUT.search(c.text):
                items.append((owner, []))
                musing = True  # 「我諗住出個新優惠，…，憑職員證登記」: what follows says what the plan is
                continue
            musing = False
        if musing and not SPLIT.search(c.text):
            continue
        if not owned:
            continue
        other = THEN_THAT.match(c.text) if not c.action and items and items[-1][1] and not VERB.search(c.text) else None
        if other and has_time_words(other["when"], date) and not has_time_words(other["thing"], date) \
                and not NTH_TIME.fullmatch(other["thing"].strip()):  # 「…update 一次，第一次就今個禮拜五」: when it starts
            said = items[-1][1][0]  # 「Key art 你下個禮拜五前 finalise，screenshots 就五一前」: two things, one verb
            verb = VERB.search(without_times(said[said.rfind("你") + 1:], date))
            if verb:
                items.append((owner, [f"{other['when']} {verb.group(0)} {other['thing']}"]))
                continue
        timing = not c.action and (has_time_words(c.text, date) and (not VERB.search(c.text) or _wanted_by(c.text, date))
                                   or _zone_only(c.text))
        if timing and items and items[-1][1]:
            if items[-1][1] is lent:  # 「…，同埋訂間房，月尾前」: its own limit, not the one before
                items[-1][1].pop(0)
                lent = None
            # 「Ivy 你整啦，星期五前」, "…before 10am tomorrow, London time": when, said after the task; 「陳太想中秋節之前睇到」: when only
            items[-1][1].append(_when_only(c.text, date) if _wanted_by(c.text, date) else c.text)
            continue
        if timing and len(items) > 1 and not items[-1][1] and items[-2][1] and items[-2][0] == items[-1][0]:
            items[-2][1].append(c.text)  # 「你對一下編號，上次好多錯，下個工作天之前俾 Ivy」: after a comment
            continue
        if not c.action and items and items[-1][1] and c.text.startswith("同埋") and not VERB.search(c.text) \
                and not COPY_IN.match(c.text) and not NOT_ACTION.search(c.text) and not STATE.search(c.text):
            verb = VERB.search(items[-1][1][-1])  # 「你換埋部 printer，同埋會議室個 projector」
            if verb:
                items.append((owner, [verb.group(0) + SPLIT.sub("", c.text).strip()]))
                continue
        if not c.action and items and items[-1][1] and FOR_A_LOOK.fullmatch(c.text.strip(" 。！!")):
            items[-1][1].append(c.text)  # 「問吓嗰間紙行嘅報價，俾我參考吓」: who gets what is found, and why
            continue
        told = not c.action and TOLD.match(c.text) and items and items[-1][1] \
            and re.search(CONTACT_VERBS, items[-1][1][-1], re.IGNORECASE)
        asked_too = ASKED_WHILE_AT_IT.match(c.text) and items and items[-1][1] \
            and re.search(rf"{CONTACT_VERBS}|{DEALS_WITH}", "，".join(items[-1][1]), re.IGNORECASE)  # after the message too
        if told or asked_too:
            items[-1][1].append(c.text)  # 「你覆一覆佢，話我哋已經安排咗換貨」, 「…打俾業主，順便問埋維修費」: what to tell or ask them
            continue
        if not c.action:
            if items and items[-1][1] is lent and WHEN_FREE.search(c.text):  # 「…，同埋訂間房，唔急嘅」: no limit
                items[-1][1].pop(0)
                lent = None
            if items and items[-1][1] and c.text:
                items.append((owner, []))  # a comment ends the task; a later clause may start another
            continue
        if shared and not items[-1][1]:  # 「…，月尾前清晒」: what they share is what the verb acts on
            said = re.sub(r"\s*佢(?!哋)\s*$", "", c.text)
            c = replace(c, text=said + ("" if re.match(r"[\u3400-\u9fff]", shared) and re.search(r"[\u3400-\u9fff]$", said)
                                        else " ") + shared)  # a space between two Chinese words breaks a clause
        shared = ""
        if not items[-1][1] and len(items) > 1 and items[-2][0] == owner and items[-2][1] \
                and ONLY_RECIPIENT.fullmatch(BY.sub("", without_times(c.text, date).strip()).strip(" 。！!")):
            items.pop()  # 「你出份 summary，入住率、投訴點收尾，五月十號前 send 俾我」: handing in what was asked
        if items[-1][1] and SPLIT.search(c.text) and VERB.search(SPLIT.sub("", c.text)):
            said = next((p for p in reversed(items[-1][1]) if VERB.search(p)), "")
            limit = _limit_before_verb(said, date) if not has_time_words(c.text, date) and not WHEN_FREE.search(c.text) else ""
            items.append((owner, [limit] if limit else []))  # 「你禮拜三前 train 新同事，同埋寫低手冊」: by Wednesday, both
            lent = items[-1][1] if limit else None
            c = replace(c, text=AFTER_DONE.sub("", c.text))
        elif items[-1][1] and (thing := THING_APART.match(c.text)) and VERB.search(c.text[thing.end():]):
            items.append((owner, []))  # 「採購單我聽日就整好，基金嗰樣我要問埋總部」: another thing named, its own task
        elif items[-1][1] and (then := THEN_THAT.match(c.text)) and not VERB.search(then["thing"]) \
                and has_time_words(then["when"], date) and VERB.search(without_times(then["when"], date)) \
                and has_time_words("，".join(items[-1][1]), date):
            items.append((owner, []))  # 「上線公告你聽日出初稿，FAQ 就禮拜五之前 update 埋」: another thing, its own day
        elif items[-1][1] and VERB.search(without_times(c.text, date)) and _other_limit(items[-1][1], c.text, date) \
                and (not ONLY_RECIPIENT.fullmatch(BY.sub("", without_times(c.text, date).strip()).strip(" 。！!"))
                     or has_time_words(items[-1][1][-1], date)):  # 「…send 去印刷舖，聽日之內交俾佢哋」: one hand-over
            items.append((owner, []))  # 「聽日中午前入晒發票，報價禮拜五前搞掂」, 「廿八號前俾我睇，廿九號交俾主辦單位」: two tasks
        if items[-1][1] is lent and WHEN_FREE.search(c.text):  # 「…，同埋訂間房，有時間先做」
            items[-1][1].pop(0)
            lent = None
        if not items[-1][1] and len(items) > 1 and items[-2][0] == owner and items[-2][1] \
                and _when_again(c.text, items[-2][1], date):  # 「我就落單，不過花市休息，最快二十七號落」: when, after why
            items.pop()
        items[-1][1].append(c.text)
    return [(o, "，".join(parts)) for o, parts in items if any(VERB.search(p) for p in parts)]


SOMEONE_FOUND = re.compile(r"搵(?:個|啲)?人(?:嚟|去|幫手)")  # 「搵人嚟洗」: somebody to be found, by whoever was just asked
# 「…，兩個都要喺禮拜三之前做完 deep cleaning」: the work each person named before takes a part of
BOTH = re.compile(r"^(?:你哋)?\s*(?:兩個|兩位|三個|三位|大家|你哋)\s*都\s*(?:要|需要|一定要)\s*")


def _shared_work(found: list[tuple[str | None, str]], in_turn: list[RawItem]) -> list[tuple[str | None, str]]:
    """The found tasks with the work said after several people are each given a part of it (「華姐，七樓到
    十二樓你負責；阿明，十三樓到十八樓你負責，兩個都要…做完 deep cleaning」) added to each part given
    in this turn, the one it was said with included."""
    for k, (owner, task) in enumerate(found):
        parts = clauses(task)
        at = next((j for j, part in enumerate(parts) if j and BOTH.match(part)), None)
        if at is None:
            continue
        work = BOTH.sub("", parts[at])
        others = [item for item in in_turn if item.owner not in (owner, None, "", UNKNOWN)
                  and TAKES_CHARGE.fullmatch(item.task[item.task.rfind("你") + 1:].strip(" 。！!"))]
        for item in others:
            item.task = f"{item.task}，{work}"
        if others:
            found[k] = (owner, "，".join(parts[:at] + [work] + parts[at + 1:]))
    return found


def _day_asked_back(sentence: str, tasks: list[RawItem], today: date) -> bool:
    """Whether a sentence only asks for another day to do one of the tasks (「年初五開工第一日先貼得唔得？」):
    a day, a tag question, and no verb the tasks do not have."""
    if not GLUED_TAG.search(sentence) or find_deadline(sentence, today) is None:
        return False
    bare = BACK_AT_WORK.sub("", without_times(GLUED_TAG.sub("", sentence), today))
    return all(any(verb.group(0).casefold() in t.task.casefold() for t in tasks) for verb in VERB.finditer(bare)) \
        and word_count(VERB.sub("", bare)) <= DAY_ASKED_WORDS


DAY_ASKED_WORDS = 6  # words besides the day and the verb in 「年初五開工第一日先貼得唔得？」
BACK_AT_WORK = re.compile(r"(?:開工|返工|復工)\s*(?:第一日|第一天|嗰日|之後)?")  # part of the day said, no work


def _offered_to_take(transcript: Transcript, line: Line) -> str:
    """The thing the turn before, by somebody else, says was another person's when it offers to take it
    (「保險箱年費通知信原本阿俊跟，…不如我接手」 → 「保險箱年費通知信」); "" when it names none."""
    before = transcript.lines[line.index - 1] if line.index else None
    if before is None or before.speaker == line.speaker:
        return ""
    return next((m["topic"] for s in sentences(before.text) for c in clauses(s)
                 if (m := WAS.match(OPENER.sub("", c).strip()))), "")


def _when_again(clause: str, task: list[str], date: date) -> bool:
    """Whether a clause says when, ending on a verb of the task before it and naming nothing new
    (「最快二十七號開工第一時間落」 after 「佢一揀好我就落單」): the task's time, given after a reason."""
    if not has_time_words(clause, date) or SPLIT.search(clause):
        return False
    bare = without_times(clause, date).strip(" ，,。！!")
    if re.search(r"[份個張啲條批封本套部架]|[你我佢]", bare):
        return False  # 「另外下個禮拜五之前整埋份簡報」: another thing
    last = list(VERB.finditer(bare))
    end = re.fullmatch(r"\s*(?:埋|晒|好|返)?\s*(?:佢)?\s*(?:啦|喇|吖|囉)?", bare[last[-1].end():]) if last else None
    return bool(end) and any(last[-1].group(0).casefold() in part.casefold() for part in task)


THING_YES = re.compile(r"(?:冇問題|無問題|OK|ok|搞得掂|得)\s*[。！!，,]?$")  # 「回條冇問題」: a thing named, then yes to it
WHEN_FREE = re.compile(rf"(?:有時間|得閒|有空|方便)\s*(?:嘅話|的話)?\s*(?:就|先)|{NO_RUSH}|遲啲")  # 「…同埋部 printer 有時間就睇下」: no limit


def _limit_before_verb(clause: str, date: date) -> str:
    """The limit a clause gives before its verb (「你下個禮拜三前 train…」 → 「下個禮拜三前」, with its hour when one
    is said), which reaches the work joined to it by 同埋, as does a day (and hour) said right before the verb;
    empty when it has none there."""
    verb = VERB.search(clause)
    clocks = find_clocks(clause)
    for phrase in find_time_phrases(clause, date):
        clock = next((c for c in clocks if c.start >= phrase.end and not clause[phrase.end:c.start].strip()), None)
        end = clock.end if clock else phrase.end  # 「聽日下晝三點前」: the day and its hour
        mark = LIMIT_MARK.match(clause, end)
        if mark and mark.end() > end and verb and mark.end() <= verb.start():
            return clause[phrase.start:mark.end()]
        if verb and end <= verb.start() and not clause[end:verb.start()].strip():
            return clause[phrase.start:end]  # 「你聽日 check 下 backup，同埋 update 埋份清單」: both tomorrow
    return ""


def _when_of_earlier(owner: str | None, task: str, earlier: list[RawItem], today: date) -> RawItem | None:
    """The owner's undated task of the turn or the two before that a timed task with the same verb and
    a pronoun for its object (「我聽日十點前 send 佢」, "I'll send it by 5pm") only gives a due time."""
    if owner is None or not PRONOUN_OBJECT.search(task) or not has_time_words(task, today):
        return None
    verbs = {v.lower() for v in VERB.findall(without_times(task, today))}
    return next((item for item in reversed(earlier) if item.owner == owner and not item.agreed_due
                 and not item.shared_due and not has_time_words(item.task, today)
                 and verbs & {v.lower() for v in VERB.findall(item.task)}), None)


def _own_work_dated(owner: str | None, task: str, line: Line, transcript: Transcript, items: list[RawItem]) -> RawItem | None:
    """The speaker's own undated task of the two turns before, when a clause says only by when it can be done
    (「我想自己寫一份教材。」 「你做唔做得切？」 「月尾交得到。」): that task's due time, no task of its own."""
    today = transcript.date
    if owner is None or not has_time_words(task, today) or not DUE_ONLY.match(without_times(task, today).strip(" 。！!，,")):
        return None
    latest = next((item for item in reversed(items) if line.index - 2 <= item.turn < line.index and item.owner == owner), None)
    return latest if latest and transcript.lines[latest.turn].speaker == line.speaker and not latest.agreed_due \
        and not latest.shared_due and not latest.group and not has_time_words(latest.task, today) else None  # not one given since


def _yes_then_day(answer: str, today: date) -> bool:
    """Whether an answer says yes and ends with only a day (「冇問題，但係要等我執好先，禮拜四啦。」)."""
    said = clauses(answer)
    last = re.sub(r"[啦喇吖囉呀啊]+$", "", said[-1]) if said else ""
    return len(said) > 1 and bool(YES_FIRST.match(answer)) and has_time_words(last, today) and only_time(last, today)


def _zone_only(clause: str) -> bool:
    """Whether a clause only names a time zone ("London time", 「新加坡時間」)."""
    spans = zone_spans(clause)
    rest = "".join(ch for i, ch in enumerate(clause) if not any(a <= i < b for a, b in spans))
    return bool(spans) and not rest.strip(" ，,。.")


SAID_BEFORE = 6  # clauses of the task before that may hold its limit


def _other_limit(said: list[str], clause: str, date: date) -> bool:
    """Whether a clause sets its own limit (「…前」, "by …"), or opens with its own day
    (「禮拜一做 load test」), other than the one the task before it set."""
    said = said[-SAID_BEFORE:]  # a turn of hundreds of clauses would be read again for each of them
    now, before = limit_said(clause, date), limit_said("，".join(said), date)
    if not now and _opens_with_time(clause, date):  # 「下個禮拜一講，禮拜五前準備」 stays one
        now, before = find_deadline(clause, date), find_deadline("，".join(said), date)
    elif now and not before and _acts_on_something(clause, date) and said and _acts_on_something(said[-1], date):  # 「聽日整理 refund list，禮拜五前覆客人個 email」
        day_said = find_deadline("，".join(said), date)  # a limit before it is preparing for that day (「禮拜一講，禮拜五前準備好 material」)
        before = day_said if day_said and day_said.day < now.day else None
    return bool(now and before and (now.day, now.at) != (before.day, before.at))


def _acts_on_something(clause: str, date: date) -> bool:
    """Whether a clause's verb has an object of its own (「覆客人個 email」, not 「準備」 or 「開工」), said after it
    or as the topic before it (「DCP 聖誕前出到」)."""
    rest = without_times(clause, date)
    verb = VERB.search(rest)
    topic = re.sub(r"\W|[我你佢哋咁就都會要先再]|(?:之前|以前|前|之內|以內|內)", "", OPENER.sub("", rest[:verb.start()])) if verb else ""
    return bool(verb) and (len(re.sub(r"\W|[埋晒好返咗個份張啲]", "", rest[verb.end():])) >= 2 or len(topic) >= 2)


def _opens_with_time(clause: str, date: date) -> bool:
    phrases = find_time_phrases(clause, date)
    return bool(phrases) and not re.sub(r"^(?:再|然後|跟住|之後)", "", OPENER.sub("", clause[:phrases[0].start]).strip(" ，,")).strip()


def _called_before(reader: Reader, line: Line, sentence: str) -> list[str]:
    """The attendees named right before sentence in its turn, when the sentence read has lost them (「豪哥，咁…？」)."""
    at = line.text.find(sentence.rstrip("？? 。"))
    return reader.people.mentioned(re.split(r"[。！!？?]", line.text[:at])[-1]) if at > 0 else []


def _answered_by(reader: Reader, transcript: Transcript, line: Line, question: str) -> tuple[Line, str, bool] | None:
    """The next turn, its speaker and whether the yes/no question asks them (你, or by name) to do
    something; None when the question asks no one person for work."""
    if _asks_what(question) or NOT_REQUEST.search(ASKS_A_FAVOUR.sub("", question)) or SELF.search(question) \
            or group_in(question) or not VERB.search(question) or line.index + 1 >= len(transcript.lines):
        return None
    reply = transcript.lines[line.index + 1]
    taker = reader.speaker(reply)
    if not taker or reply.speaker == line.speaker:
        return None
    named = [n for n in reader.people.mentioned(question) or _called_before(reader, line, question) if n != reader.speaker(line)]
    # the one person asked: named, or 「你」 to whoever answers when nobody is named
    return reply, taker, named == [taker] or (not named and bool(re.search(r"你(?!哋)|\byou\b", question, re.IGNORECASE)))


DONE_VERB = re.compile(r"[\u3400-\u9fff](?=好|完|晒|埋|掂)")  # 「剪好」: the verb a result is said of
PLAIN_VERBS = "做搞跟處理打問搵覆約寫交整買訂印"  # one-character verbs that say doing work whatever it is


def _own_day_offered(reader: Reader, transcript: Transcript, line: Line, sentence: str, items: list[RawItem]) -> list[RawItem]:
    """The speaker's undated task of the turn or the two before whose verb a day they offer as a question says again,
    when somebody else then says yes (「阿朗負責拍同剪片」 … 「下下個禮拜一之前剪好俾你睇得唔得？」 「得，就咁。」)."""
    me = reader.speaker(line)
    if not me or not has_time_words(sentence, transcript.date) or not _yes_after(transcript, line):
        return []
    later = transcript.lines[line.index + 2] if line.index + 2 < len(transcript.lines) else None
    if later and later.speaker != line.speaker and REFUSAL.match(OPENER.sub("", later.text).strip()):
        return []  # 「得，就咁。」 「唔得，太遲，今個禮拜五。」: turned down after all
    said = without_times(sentence, transcript.date)
    return [i for i in items if i.owner == me and line.index - 2 <= i.turn < line.index and not i.agreed_due and not i.shared_due
            and not has_time_words(i.task, transcript.date)
            and (any(v in said for v in VERB.findall(i.task)) or any(v in i.task for v in DONE_VERB.findall(said)))]


def _does_it(clause: str, work: list[str], today: date) -> bool:
    """Whether a clause with a day says the speaker does the work then (「聽日打」, 「後日做」 for 打電話俾業主): a
    verb said of the work (its task or the turn it was given in) or one of PLAIN_VERBS opens what is left
    without the day (not 「今晚睇下份範本先」, 「客聽日會 send…」, 「聽日我成日喺寫字樓」)."""
    rest = re.sub(r"^(?:或?之前|以前|前|之內|以內|內)?\s*(?:我|就|會|先|再)*\s*", "", without_times(clause, today).strip(" ，,。！!"))
    if not rest or re.search(r"先\s*(?:啦|喇)?$", rest):
        return False
    verb = VERB.match(rest)
    said = verb.group(0) if verb else rest[:1]
    return said in PLAIN_VERBS or any(said in w for w in work)


def _asked_for_time(reader: Reader, transcript: Transcript, line: Line, items: list[RawItem]) -> list[RawItem]:
    """The speaker's request two turns before whose owner answered, in the turn between, by asking for more time
    (「回覆可唔可以遲少少？」): 「咁我自己寫啦」 then takes it back."""
    if line.index < 2 or transcript.lines[line.index - 2].speaker != line.speaker:
        return []
    answer = transcript.lines[line.index - 1]
    return [i for i in items if i.turn == line.index - 2 and i.owner == reader.speaker(answer) and i.owner != reader.speaker(line)
            and not i.group] if LATER_PLEASE.search(answer.text) else []


def _asks_what(question: str) -> bool:
    """Whether a question word asks the hearer, not what they are asked to find out
    (「你打電話俾業主問下幾時可以入場？」 asks for a call)."""
    return any(not FINDS_OUT_RIGHT_BEFORE.search(question[:m.start()]) for m in WH_QUESTION.finditer(question))


def _asked_refuses(reader: Reader, transcript: Transcript, line: Line, question: str) -> str | None:
    """Who turns down, in the next turn, a yes/no question asking them to do something
    (「Priya，你打個電話俾個客？」 「我呢兩日要做季結，真係分身不暇…」)."""
    answered = _answered_by(reader, transcript, line, question)
    if not answered or not answered[2]:
        return None
    reply, who, _ = answered
    named = reader.people.strip_leading(reply.text)
    first = OPENER.sub("", named[1] if named else reply.text).strip(" ，,")
    return who if turns_down(first, reader.people, transcript.date) or cannot(first, reader) else None


OFFERED_HELP = re.compile(r"(?:使唔使|要唔要|洗唔洗|駛唔駛|需唔需要)\s*我(?!哋)\s*(?:幫(?:你|手)?|同你)?\s*(?P<work>[^，,。？?]*?)\s*(?:呀|啊|呢)?\s*[？?]?$")


def _help_taken(reader: Reader, transcript: Transcript, line: Line, question: str) -> RawItem | None:
    """The speaker's item when they offer to do something (「陳詞大綱使唔使我幫你準備？」) and the next turn,
    by somebody else, says yes: the work with the thing named before the offer, due when the yes says."""
    offer = OFFERED_HELP.search(question)
    reply = transcript.lines[line.index + 1] if line.index + 1 < len(transcript.lines) else None
    if not offer or not VERB.search(offer["work"]) or reply is None or reply.speaker == line.speaker:
        return None
    first = (sentences(reply.text) or [""])[0]
    yes = YES.match((clauses(first) or [""])[0]) or re.match(r"(?:好|OK|ok|得)", first) \
        and (has_time_words(first, transcript.date) or re.search(r"[俾畀]我|唔該|多謝|thanks?", first, re.IGNORECASE))
    if not yes or NOT_YES.search(first) or REFUSAL.match(first) or re.search(r"唔使|唔駛|唔洗|不用", first):  # 「好禮拜五之前俾我」: 「好呀，…」 as read
        return None
    thing = OPENER.sub("", question[:offer.start()]).strip(" ，,")
    return RawItem(turn=line.index, owner=reader.speaker(line) or UNKNOWN, task=f"{thing}我{offer['work']}" if thing else f"我{offer['work']}",
                   agreed_due=first if has_time_words(first, transcript.date) else "")


def _taken_up(reader: Reader, transcript: Transcript, line: Line, question: str) -> str | None:
    """Who says yes, in the next turn, to a yes/no question asking them (你, or by name) to do something."""
    answered = _answered_by(reader, transcript, line, question)
    if not answered:
        return None
    reply, taker, asked = answered
    said = sentences(reply.text) or [""]
    first = (clauses(said[0]) or [""])[0]
    said_yes = YES.match(said[0]) or ((YES.match(first) or APPROVAL.match(first)) and not REFUSAL.match(said[0])) or (YES_BY.search(said[0]) and has_time_words(said[0], transcript.date)
                                      and len(said[0]) <= 12) \
        or (has_time_words(said[0], transcript.date)  # 「十一點前。」: a due time alone says yes by then
            and DUE_ONLY.match(without_times(said[0], transcript.date).strip(" 。！!，,")))
    # a yes followed by the task in the answerer's own words is read from those words instead
    restated = any(VERB.search(s) and SELF.search(s) and not BARE_COMMIT.fullmatch(s.strip(" 。！!"))  # 「好主意，我搞」: no new words
                   and (shared_grams(without_times(s, transcript.date), question)  # 「我開完會即刻做」: when, not what
                        or not re.search(r"(?:做|搞|整|處理|跟)\s*(?:埋|掂|好|晒)?\s*(?:啦|喇)?$", clauses(s)[-1] if clauses(s) else s))
                   for s in ["，".join(clauses(said[0])[1:]), *said[1:]])
    if not said_yes and has_time_words(reply.text, transcript.date) and (not REFUSAL.match(said[0]) or DAY_TURNED_DOWN.match(said[0])) \
            and (OFFERS_ANOTHER_TIME.search(reply.text) or OWN_DAY.search(said[-1])) and asker_agrees(transcript, line):
        return taker if asked and not restated else None  # 「聽日(唔得)…，禮拜五得唔得？」 「好啦。」: by the day offered
    return taker if asked and said_yes and not NOT_YES.search(ASKS_A_FAVOUR.sub("", DAY_TURNED_DOWN.sub("", reply.text))) \
        and not restated else None


ASKS_A_FAVOUR = re.compile(r"可唔可以|得唔得(?!閒)|好唔好")  # 「阿傑，今晚可唔可以 restore…？」 asks, it is no negated verb
OWN_DAY = re.compile(r"(?:前|之前)?\s*(?:啦|吖|囉)[。！!]*$")  # 「八點趕唔切，十點前啦」: the day the answer offers


def _yes_after(transcript: Transcript, line: Line) -> bool:
    """Whether somebody else's next turn opens with a yes (「得。」, 「好，…」) to what this turn asks."""
    after = transcript.lines[line.index + 1] if line.index + 1 < len(transcript.lines) else None
    return bool(after and after.speaker != line.speaker and YES.match((clauses((sentences(after.text) or [""])[0]) or [""])[0]))


WHEN = re.compile(r"幾時|幾點|幾號|幾耐|(?<![A-Za-z])(?:when|what time|how long)(?![A-Za-z])", re.IGNORECASE)
_POTENTIAL = re.compile(r"得(?:到|切|及)?(?=晒|哂|掂|完|好|埋|$)")  # 「入得晒」 → 「入晒」: can-do, not the task


THING_MADE = re.compile(r"(?:份|張|封|本|批|套|條)\s*\S")  # how a document or batch is counted: something somebody makes


def _day_proposed(spoken: list[str], today: date) -> list[str]:
    """The sentences of a turn with a when-question and the day proposed right after it said as one request
    (「份報價幾時 send 俾客？聽日得唔得？」 → 「份報價聽日 send 俾客得唔得？」)."""
    out: list[str] = []
    for sentence in spoken:
        tag = GLUED_TAG.search(sentence)
        day = re.sub(r"\s*先$", "", sentence[:tag.start()].strip()) if tag else ""
        when = re.search(r"幾時|幾點|幾號", out[-1]) if out and out[-1].rstrip().endswith(("？", "?")) else None
        if when and day and has_time_words(day, today) and not without_times(day, today).strip():
            out[-1] = f"{out[-1][:when.start()]}{day}{out[-1][when.end():].rstrip('？? ')}得唔得？"
            continue
        out.append(sentence)
    return out


def _when_asked(reader: Reader, transcript: Transcript, line: Line, asked_of: bool = False) -> tuple[str, str] | None:
    """What a "when" question in the turn before asked this turn's speaker about: (the words
    before 幾時, the words after it), e.g. 「阿May，嗰三十幾張 invoice 幾時入得晒？」 →
    (「三十幾張 invoice」, 「入晒」). Asked of the speaker by name, or of nobody named."""
    if line.index == 0:
        return None
    previous = transcript.lines[line.index - 1]
    speaker = reader.speaker(line)
    if previous.speaker == line.speaker or not speaker:
        return None
    for sentence in reversed(sentences(previous.text)):
        when = WHEN.search(sentence)
        if not when:
            continue
        named = {reader.people.find_name(n) or n for n in reader.people.mentioned(sentence)} - {reader.speaker(previous)}
        if named - {speaker} or (asked_of and speaker not in named and not re.search(r"你(?!哋)", sentence)):
            return None  # ``asked_of``: the speaker asked by name or 你 (「幾時出糧？」 asks nobody to do anything)
        hit = reader.people.strip_leading(OPENER.sub("", sentence))
        text = hit[1] if hit else sentence
        if PAST_WHEN.search(text[:text.find(when.group(0))]):
            return None  # 「後備發電機上次試機係幾時？」: when it was done, no work asked
        before = re.sub(r"^[，,\s]*(?:你|阿?\s*)?(?:嗰|呢|那|這)?", "", text[:text.find(when.group(0))]
                        if when.group(0) in text else "").strip(" ，,")
        before = re.sub(r"\s*你(?!哋)$", "", before)  # 「份 proposal 你幾時…」
        before = re.sub(r"\s*(?:大概|大約|估計|預計|最快)$", "", before)  # 「大概幾時有？」: how sure, not what
        after = sentence[when.end():].rstrip("？? 。")
        said_to = re.search(r"[，,]\s*([^，,]+)$", after)
        if said_to and reader.people.find_name(said_to[1]) and not VERB.search(said_to[1]):
            after = after[:said_to.start()]  # 「份 quotation 幾時 send 得，Ivy？」: who is asked, not the work
        after = _POTENTIAL.sub("", after).strip(" ，,")
        after = re.sub(r"(?:呀|啊|呢|嘛|喎)$", "", after)
        after = re.sub(r"^(?:可以|能夠)?\s*(?:(?P<verb>[出交寫整做俾畀搞])到$)?", lambda m: m["verb"] or "", after)  # 「可以出到」: 出
        if re.fullmatch(r"(?:咁|噉)?\s*(?:佢|佢哋|他|他們)", before) and not re.match(r"(?:要|需要)", after):
            return None  # 「咁佢幾時嚟整？」: when somebody else comes, not the speaker's work (「佢哋幾時要？」 asks a due day)
        asker = reader.speaker(previous)
        if asker:  # 「俾到我」 in the question is the asker
            before, after = (re.sub(r"([俾畀給同](?:到|返)?)我(?!哋)", lambda m: m[1] + asker, part)
                             for part in (before, after))
        return before, after
    return None


def _due_asked(reader: Reader, transcript: Transcript, line: Line, items: list[RawItem], by_owner: bool) -> list[RawItem]:
    """The undated tasks of the last few turns that a "when" question in the turn before is about,
    which this turn answers: asked by their owner of the one who gave them or of anybody else when
    the work was handed on (``by_owner``: 「阿傑，你寫個 proposal。」 「幾時要？」 「下個禮拜三啦。」), or by the giver of their owner
    (「阿傑，迎新包你設計埋佢。」 「好呀。」 「幾時搞得掂？」 「禮拜五啦。」), or of the one who said it is theirs just before."""
    if line.index == 0:
        return []
    question = transcript.lines[line.index - 1]
    owner, giver = (reader.speaker(question), line.speaker) if by_owner else (reader.speaker(line), question.speaker)
    if not owner or question.speaker == line.speaker or not any(
            WHEN.search(s) and QUESTION.search(s) for s in sentences(question.text)):
        return []
    since = 3 if by_owner else SINCE_ASKED
    return [i for i in items if i.owner == owner and line.index - since <= i.turn < line.index - 1
            and (transcript.lines[i.turn].speaker == giver or by_owner and reader.speaker(transcript.lines[i.turn]) != owner
                 or not by_owner and i.turn == line.index - 2 and transcript.lines[i.turn].speaker == line.speaker
                 and asks_when_done(question.text, i.task))  # 「我要 send 報價。」 「幾時搞得掂？」
            and not i.agreed_due and not i.shared_due
            and not has_time_words(i.task, transcript.date)]


HAD_IT = re.compile(r"(?:原本|本來|原先|原定)\s*(?:係|都係)?\s*(?:由)?\s*(?P<who>[^，,。\s]{1,8}?)\s*(?:負責|跟進|跟|做|搞|處理)")


def _was_theirs(transcript: Transcript, line: Line) -> re.Match[str] | None:
    """「原本阿Ken負責每個禮拜更新客戶紀錄」 said by somebody else in the turn before a handover: who had the
    work (``who``) and the work (``thing``); None when that turn says no such thing."""
    before = transcript.lines[line.index - 1] if line.index else None
    if before is None or before.speaker == line.speaker:
        return None
    return next((m for s in sentences(before.text) if (m := WAS_THEIRS.search(s)) and VERB.search(m["thing"])), None)


WAS_THEIRS = re.compile(HAD_IT.pattern + r"\s*(?P<thing>[^，,。]{2,30})")


def _dated_apart(reader: Reader, transcript: Transcript, line: Line, items: list[RawItem]) -> None:
    """Dates the tasks a "when" question asked about, when the answer gives each its own day in a part naming
    it (「SOP 幾時要？」 「新版 SOP 禮拜五俾我；印同貼就…下個禮拜三要貼晒。」): each its part's day."""
    asked = _due_asked(reader, transcript, line, items, by_owner=True)
    parts = [c for s in sentences(line.text) for c in re.split(r"[；;]", s) if has_time_words(c, transcript.date)]
    if len(asked) < 2 or len(parts) < 2:
        return

    def named(part: str, task: str) -> int:  # words, and verbs of one character (「印同貼」), the task shares
        said = without_times(part, transcript.date)
        return shared_grams(said, task) + len({v.casefold() for v in VERB.findall(said)} & {v.casefold() for v in VERB.findall(task)})

    for item in asked:
        best = max(parts, key=lambda part: named(part, item.task))
        if named(best, item.task):
            item.agreed_due = best


LAUGHS = re.compile(r"(?:哈){2,}|(?<![A-Za-z])(?:ha){2,}(?![A-Za-z])|lol(?![A-Za-z])|😂|🤣", re.IGNORECASE)  # said laughing
INVITATION = re.compile(r"(?:有空|得閒|有時間|有興趣)\s*(?:嘅話|的話)?\s*(?:就|都)?\s*(?:可以|歡迎)|(?:if|when) you(?:'re| are)? (?:free|interested)", re.IGNORECASE)
WANTS_TREAT = re.compile(r"想\s*(?:飲|食|要|嘆|試)|(?<![A-Za-z])wants?\s+(?:a\s+|some\s+)?(?:coffee|tea|drink|lunch|food)", re.IGNORECASE)
SINCE_ASKED = 4  # turns between a task given and 「幾時搞得掂？」 about it


def _previous_need(transcript: Transcript, line: Line) -> tuple[Line, str] | None:
    """For a bare 「我嚟搞」: the request or question it answers, in the turns before, and its turn."""
    for previous in reversed(transcript.lines[max(0, line.index - 2):line.index]):
        said = sentences(previous.text)
        bare_who = False  # 「要有人帶佢哋行一圈。邊個得閒？」: who is asked for the someone needed before
        for sentence in reversed(said):
            if WHO_WILL.search(sentence) and sentence is not said[0] and not VERB.search(WHO_WILL.sub("", sentence)):
                bare_who = True
                continue
            if WHO_WILL.search(sentence):  # 「邊個食咗飯？」 asks about the past, 「有冇人想飲咖啡？」 what people like
                return None if DONE.search(sentence) or WANTS_TREAT.search(sentence) \
                    else (previous, WHO_WILL.sub("", sentence).rstrip("？?"))
            if bare_who:
                return None
            asked = next((s for s in said[:said.index(sentence)] if WHO_WILL.search(s) and not DONE.search(s)
                          and not leans_on_context(WHO_WILL.sub("", s))), None)
            if asked and has_time_words(sentence, transcript.date):
                return previous, WHO_WILL.sub("", asked).rstrip("？?")  # 「…邊個跟一跟？要禮拜五之前出。」: the work asked
            if NEED.search(sentence) and VERB.search(sentence):
                return previous, sentence
    return None


def _no_work(clause: str, today: date) -> bool:
    """Whether a clause said with taking work on names no work (「我住得近」, 「我禮拜二冇外勤」): why, not what;
    not a day the taker can only do it by (「不過我禮拜五先得」)."""
    return not VERB.search(without_times(clause, today)) and not QUESTION.search(clause) \
        and not (has_time_words(clause, today) and FREE_ONLY_THEN.search(clause))


def _for_asker(reader: Reader, asked: Line, need: str) -> str:
    """The work asked for with the asker named for 我 (「幫我影印圖則」 → 「幫 Kelvin 影印圖則」)."""
    asker = reader.speaker(asked)
    return re.sub(r"(?<=[幫俾畀給])\s*(?:下|吓|手)?\s*我(?!哋)", asker, need) if asker else need


def _due_said_after(line: Line, need: str, transcript: Transcript) -> str:
    """The sentence after a need in its turn when it only says when (「份 press release 邊個跟？要禮拜五之前出。」)."""
    said = sentences(line.text)
    at = next((i for i, s in enumerate(said) if need in s or need in WHO_WILL.sub("", s)), len(said))
    return next((s for s in said[at + 1:] if has_time_words(s, transcript.date)), "")


def _self_named(clause: str, speaker: str | None) -> tuple[str, str] | None:
    """(the speaker, the rest) for a clause that names the speaker as the doer: 「我打。」, 「好，我 book 啦」."""
    said = OPENER.sub("", clause.strip())
    me = re.match(r"^我(?!哋)", said)
    return (speaker, said[me.end():]) if me and speaker and SELF_DOER.match(said[me.end():]) else None


def _doer_named(reader: Reader, transcript: Transcript, line: Line, said: list[str]) -> RawItem | None:
    """The work asked for in the turns before (「邊個打電話俾保險公司？」), given to the person a clause
    names to do it (「我今日好忙，阿傑打就得。」); its other clauses say nothing to do (a reason)."""
    named = [(c, reader.people.strip_leading(c.strip())) for c in said]
    doers = [(c, n) for c, n in named if n and NAMES_DOER.match(without_times(n[1], transcript.date))]
    doers += [(c, me) for c in said if not BARE_COMMIT.match(c) and not WHY_ME.match(c.strip())  # 「我跟啦」: a bare commitment
              for me in [_self_named(c, reader.speaker(line))]
              if me and (VERB.match(me[1].strip()) or len([c for c in said if not WHY_ME.match(c.strip())]) == 1)]
    if len(doers) != 1 or any(VERB.search(c) for c in said if c != doers[0][0] and not WHY_ME.match(c.strip())):  # 「我順路，我拎啦」
        return None
    need = _previous_need(transcript, line)
    if not need or not WHO_WILL.search(need[0].text):
        return None  # evidence: the turn that said the work (this one may give a reason with a day, 「我今日好忙」)
    due = "，".join([doers[0][0], *(c for c in said if c != doers[0][0] and only_time(c, transcript.date))])
    return RawItem(turn=need[0].index, owner=doers[0][1][0], task=_for_asker(reader, *need), agreed_due=due,
                   shared_due=_due_said_after(need[0], need[1], transcript))


CORRECTS_TIME = re.compile(r"^(?:唔好意思|sorry|啊|哦|呃)?[，,\s]*(?:(?:唔係|我?講錯|更正)(?:[，,\s]*我?(?:講錯|唔係))*[，,\s]*(?:係|應該係)?"
                           r"|應該係)", re.IGNORECASE)  # 「唔係，…今晚八點前要」, 「Sorry，應該係禮拜四」


ALSO_WORK = re.compile(r"一齊|順便|順手|(?<=\S)埋(?=\s*\S)")  # 「我一齊 collect 埋報名表」: more work said with the day
MOVE_SAYS = 8  # characters after its new day an owner's sentence that only moves their task says of other things


def _moved(sentence: str, recent: list[RawItem], transcript: Transcript, line: Line,
           earlier: list[RawItem] = ()) -> list[RawItem]:
    """The items a sentence gives another day (「份報價改為禮拜五交」, 「延到下個禮拜二先交」, or the one
    who gave them correcting it, 「唔係，budget sheet 今晚八點前要」): the ones it names by their words,
    or the last one when it names none; nobody else is named. Addressing the owner by name
    (「咁阿峰你下個禮拜五先 order 啦」) reaches back to ``earlier`` items a few turns before."""
    sentence = DAY_TURNED_DOWN.sub("", sentence)  # 「禮拜一唔得，改做禮拜四啦」: the day asked for is not the new one
    phrases = find_time_phrases(sentence, transcript.date) or find_clocks(sentence)
    people = resolver_for(transcript.people)
    if asks(sentence) and not _yes_after(transcript, line):
        return []  # 「可唔可以改做下個禮拜一？」 「唔得，…」: asked, not agreed
    corrects = CORRECTS_TIME.match(sentence)
    if corrects:  # only the giver corrects: the items said in their own turns
        recent = [i for i in recent if people.find_name(transcript.lines[i.turn].speaker) == people.find_name(line.speaker)]
    named_owner = {people.find_name(n) for n in people.mentioned(sentence)}
    if named_owner and len(named_owner) == 1 and named_owner <= {i.owner for i in recent}:
        recent = [i for i in recent if i.owner in named_owner]  # 「Ivy，改做八點前啦」: Ivy's task moves
        sentence = re.sub(r"^[\s，,]+|[\s，,]+(?=[。！!]?$)", "", without_names(sentence, people))
        phrases = find_time_phrases(sentence, transcript.date) or find_clocks(sentence)
    before = transcript.lines[line.index - 1] if line.index else None
    objector = people.find_name(before.speaker) if before and before.speaker != line.speaker else None
    if not named_owner and objector in {i.owner for i in recent} and len({i.owner for i in recent}) > 1:
        recent = [i for i in recent if i.owner == objector]  # 「佢聽日放假喎」 「咁改禮拜六」: the one who objected
    later = ONLY_THEN.match(sentence, phrases[0].end) if phrases and named_owner else None
    again = [i for i in earlier if later and i.owner in named_owner and line.index - i.turn <= NAMED_TURNS
             and later["verb"].casefold() in i.task.casefold()]
    if again and not people.mentioned(without_names(sentence, people)):  # 「咁阿峰你遲啲，下個禮拜五先 order 啦」: the same work, only then
        return again
    topic = OPENER.sub("", sentence[:phrases[0].start]).strip(" ，,") if phrases and not people.mentioned(sentence) else ""
    fronted = [i for i in recent if topic and len(topic) <= 12 and not VERB.match(topic)
               and not re.search(r"我|你|佢|大家|各位|記得|記住", topic)  # 「大家記得禮拜三前填 survey」: said to all, no thing first
               and not DEPARTMENT.match(re.sub(r"^(?:叫|請|麻煩|由)\s*", "", topic))  # 「叫 IT 禮拜五之前換 router」: who, not what
               and i.owner != people.find_name(line.speaker)
               and shared_grams(topic, without_times(i.task, transcript.date))]
    if len(fronted) == 1 and not dates_a_thing(sentence, phrases[0].start, phrases[0].end):
        return fronted  # 「好，我…同埋準備埋簡報」 「簡報十五號之前俾我過目」: the thing named first, then its day
    moved_thing = sentence[phrases[0].end:phrases[1].start] if len(phrases) > 1 and re.match(r"\s*(?:嘅|的)\s*\S", sentence[phrases[0].end:]) \
        and dates_a_thing(sentence, phrases[0].start, phrases[0].end) else ""
    if moved_thing and not any(shared_grams(moved_thing, i.task) for i in recent):
        return []  # 「咁星期三嘅 demo 改禮拜四」: an event named by its day moves, no task given
    if not recent or not phrases or not (DUE_MOVED.search(sentence[:phrases[0].start]) or corrects) \
            or people.mentioned(sentence) or dates_a_thing(sentence, phrases[0].start, phrases[0].end) \
            and not DUE_MOVED.search(sentence[:phrases[0].start]):  # 「改做下個禮拜四」 moves it; 「下個禮拜嘅報告」 names one
        return []
    after = BARE.sub("", without_times(VERB.sub("", OPENER.sub("", sentence[phrases[0].end:])), transcript.date)).strip(" ，,。！!")
    more = VERB.search(sentence[phrases[0].end:]) and ALSO_WORK.search(sentence[phrases[0].end:])
    if (len(after) > MOVE_SAYS or more) and {i.owner for i in recent} == {people.find_name(line.speaker)} \
            and coverage(after, "，".join(i.task for i in recent)) < 0.5:
        return []  # 「咁下個禮拜一，我一齊 collect 埋報名表，再同酒店 confirm 人數」: other work on that day, nothing moved
    named = [i for i in recent if shared_grams(without_times(i.task, transcript.date), without_times(sentence, transcript.date))]
    before = CORRECTS_TIME.sub("", sentence[:phrases[0].start])
    said = BARE.sub("", without_times(VERB.sub("", DUE_MOVED.sub("", before)), transcript.date))
    last = clauses(before)[-1:] if len(clauses(before)) > 1 else []
    bare_move = last and DUE_MOVED.search(last[0]) and not BARE.sub("", DUE_MOVED.sub("", last[0])) \
        or corrects and re.search(r"[，,]\s*$", sentence[:phrases[0].start])  # 「唔係，稅局延期咗，月尾先交都得」
    # 「唔好意思，客要提早，改做下個禮拜二」: a reason, then only the move
    return named or ([recent[-1]] if len(said) <= 2 or bare_move else [])


THAT_TASK = re.compile(r"^(?:[^，,。]{0,6}[，,]\s*)?(?P<topic>[^，,。]{1,12}?)\s*(?:嗰|呢)\s*(?:part|樣|部分|部份|份)", re.IGNORECASE)


def _delayed(sentence: str, recent: list[RawItem], transcript: Transcript, line: Line) -> list[tuple[RawItem, date]]:
    """(item, its new day) for the tasks the speaker gave that a sentence moves by so long (「遲一個禮拜都得」):
    the ones it names by their words, else the last one."""
    if not DELAY.search(sentence) or asks(sentence):
        return []
    people = resolver_for(transcript.people)
    mine = [i for i in recent if not i.group and people.find_name(transcript.lines[i.turn].speaker) == people.find_name(line.speaker)]
    named = [i for i in mine if shared_grams(without_times(i.task, transcript.date), without_times(sentence, transcript.date))]
    out = []
    for item in named or mine[-1:]:
        due = next((d for d in (find_deadline(t, transcript.date) for t in (item.agreed_due, item.shared_due, item.task) if t) if d), None)
        day = shifted(due.day, sentence) if due else None
        if day:
            out.append((item, day))
    return out


LET_ME = re.compile(r"(?<![要會唔佢都冇仲再])(?:你(?!哋)\s*)?等\s*我(?!哋)(?![^，,。]*(?:完|咗|好|晒)\s*(?:先|至)\s*(?:[，,。！!]|$))")  # not 「等我同佢傾完先」: until


CALLED_OFF_NOW = re.compile(r"^(?:所以|咁|噉|就|即係|不過|但係)?\s*(?:嗰|呢)?(?:個|份|張|啲|樣)?\s*(?P<topic>[^，,。\s]{0,8}?)\s*(?:嗰樣|呢樣)?\s*"
                            r"(?:都|就)?\s*(?:唔使|唔駛|唔洗|不用)\s*(?P<verb>[A-Za-z]+|[\u3400-\u9fff])")


def _called_off_after(sentence: str, task: str) -> bool:
    """Whether a clause after the task's own calls off its verb (「…要訂新一批手套，…，所以唔使訂住」)."""
    said = clauses(sentence)
    end = (clauses(task) or [""])[-1]
    at = next((k for k, c in enumerate(said) if end and end in c), None)
    for clause in said[at + 1:] if at is not None else ():
        off = CALLED_OFF_NOW.match(clause.strip())
        rest = re.sub(r"住|喇|啦|囉|吖|佢|住先|[\s。！!]", "", clause.strip()[off.end():]) if off else ""
        if off and off["verb"].casefold() in task.casefold() and (not rest or rest in task) \
                and off["topic"].casefold() in task.casefold():  # not 「唔使訂口罩」, 「口罩唔使訂」
            return True
    return False


UNDECIDED = re.compile(r"(?:唔|未)(?:決定|定)住?|(?:下次|遲啲)再(?:講|傾|算|決定)|再算|(?<![A-Za-z])(?:on hold|decide later)(?![A-Za-z])",
                       re.IGNORECASE)
# who does it is left for later (「派邊個我再諗下」): the work said with somebody (「要有人…」) stands, nobody's yet
WHO_LATER = re.compile(rf"[，,]\s*(?:{WHO_DECIDED_LATER})(?=\s*(?:[。！!，,]|$))")
# 「月尾前要揀好，遲啲睇下邊個得閒先」: somebody is needed for the work said before; who is found out later
FREE_LATER = re.compile(rf"[，,]\s*{FREE_LATER_WORDS}(?=\s*(?:[。！!，,]|$))")
SOMEONE_SAID = re.compile(SOMEONE, re.IGNORECASE)
REQUIRED = re.compile(r"一定要|必須|務必|要(?=\s*\S)|(?<![A-Za-z])(?:must|need to|has to|have to)(?![A-Za-z])", re.IGNORECASE)
# who is asked to see to a requirement said just before: tell the party who does it, follow it up, make sure
SEE_TO_IT = re.compile(r"講清楚|講聲|話俾|同[^，,。]{1,12}?(?:講|傾|確認|跟|follow)|跟進|跟一跟|跟吓|跟下|盯(?:實|住|緊)|催|確保|"
                       r"(?<![A-Za-z])(?:make sure|follow up|chase)(?![A-Za-z])", re.IGNORECASE)


def _required(sentence: str, reader: Reader, today: date) -> str:
    """What a sentence naming nobody says must be done by when (「下個禮拜太鬆，中秋節前兩日一定要裝好」 →
    「中秋節前兩日一定要裝好」): its clauses from the last with a time on; "" otherwise."""
    said = clauses(sentence)
    last = next((k for k in reversed(range(len(said))) if has_time_words(said[k], today)), None)
    if last is None or reader.people.mentioned(sentence) or re.search(r"[我你佢]", sentence) or QUESTION.search(sentence):
        return ""
    rest = "，".join(said[last:]).strip(" 。！!")
    return rest if REQUIRED.search(rest) and VERB.search(without_times(rest, today)) else ""


def _let_me(sentence: str) -> str:
    """「等我…」 is "let me": the speaker's own work (「阿傑，等我搞啦」, 「你等我 send 份報價俾你先」), said as 「我…」."""
    return LET_ME.sub("我", sentence)


GOES_ON = re.compile(r"^(?:或?之前|以前|前|之內|以內|內)?\s*(?:記得|順便|順手|然後|跟住|再|同埋|仲要|都要|要|之後|到時)*\s*")
# what a sentence of more work may say before its verb: while what is not done yet (「未換之前」) and
# the thing it works on (「部機」, 「張 notice」); either makes it a task of its own
OWN_LEAD = re.compile(rf"^(?:{LEAD_WHEN.pattern[1:]})?(?:(?:部|個|張|份|啲|條|批|架|間|本|封|套)\s*(?:[\u3400-\u9fff]{{1,4}}?|[A-Za-z]+)\s*"
                      rf"(?=(?:{VERB_WORD})))?", re.IGNORECASE)


ANOTHER_TOPIC = re.compile(r"^(?:另外|仲有|至於)\s*[^，,。]{2,16}?\s*[，,]\s*")
WORK_NEAR = 8  # characters after such a topic in which the verb comes (「SMS 通知晒…」: how, then the verb)


def _goes_on(sentence: str, before: list[RawItem], reader: Reader, speaker: str | None) -> bool:
    """Whether a sentence with no subject, opening with a verb (after its time and 記得, 跟住…), goes on
    with the work just asked of one person in this turn (「…聽日之內貼晒三座大堂。」)."""
    owners = {item.owner for item in before}
    if len(owners) != 1 or next(iter(owners)) in ("", UNKNOWN, speaker) or before[-1].group:
        return False
    bare = GOES_ON.sub("", without_times(sentence, reader.transcript.date).strip(" ，,。！!"))
    topic = ANOTHER_TOPIC.match(bare)  # 「另外聖誕假期嘅開診時間，…要 SMS 通知晒啲病人」: the thing, then the work on it
    then = GOES_ON.sub("", bare[topic.end():]) if topic and (not VERB.search(topic.group(0)) or "嘅" in topic.group(0)) else ""
    said = "，".join(c for c in clauses(sentence) if not LOOK_FOR.match(OPENER.sub("", c).strip()))  # 「…，我要交上去批」: why it is handed in
    return bool(VERB.search(then[:WORK_NEAR]) if then else VERB.match(bare, OWN_LEAD.match(bare).end())) \
        and not re.search(r"(?<![俾畀給])[我你佢]|大家|各位|[？?]", said) \
        and not reader.people.mentioned(sentence) and not asks(sentence) and not NOT_ACTION.search(sentence) \
        and not SETTLED.search(sentence)  # 「二十九號朝早七點落石屎，就咁定」: what is decided, not more of the work


TOPIC_HANDED = re.compile(r"(?:至於|仲有|另外)?\s*(?P<thing>[^，,。你我佢]{2,16}?)\s*就")  # 「poster 就」: a thing, for whoever is named next
SETTLED = re.compile(r"就(?:咁|噉)(?:定|決定|話)|(?:決定|定)咗")
HANDED_TO = re.compile(r"(?:改由|改為由|改做由|轉由|交由|換由|改為|改做|換做|換成)\s*")


def _handed_with_verb(sentence: str, reader: Reader) -> str:
    """「改由 Ivy 寫」 with a verb of the work (not 跟/負責, which the handover rules read): who is named
    does it, said as a request (「Ivy 寫」), so the task just given with that verb moves to them."""
    for m in HANDED_TO.finditer(sentence):
        called = reader.people.leading(sentence[m.end():])
        rest = called[1].lstrip() if called else ""
        verb = VERB.match(rest)
        if called and verb and not re.fullmatch(HANDOVER_VERB, verb.group(0)):
            return f"{sentence[:m.start()]}{sentence[m.end():]}"
    return sentence


def _and_then(sentence: str) -> str:
    """Two pieces of work joined by 同埋 in one clause parted (「出份報表同埋發 reminder」 → 「出份報表，同埋發 reminder」),
    when a verb comes before it as well; 「報表同埋 reminder」 names two things of one task."""
    def part(m: re.Match[str]) -> str:
        before = re.split(r"[，,。]", sentence[:m.start()])[-1]
        return "，同埋" if VERB.search(before) else m.group(0)
    return re.sub(rf"(?<=\S)\s*同埋\s*(?=(?:{VERB_WORD}))", part, sentence, flags=re.IGNORECASE)


def _needed(asked: str) -> str:
    """A thing asked about then its verb (「份租約聽日交到嗎？」 → 「份租約聽日交」) read as what is needed
    (「份租約聽日要交」), so the task is written verb first like any other (「交租約」)."""
    return re.sub(rf"(?<=[\u3400-\u9fffA-Za-z0-9\s])(?=(?:{VERB_WORD})$)", "要", asked, count=1) \
        if not VERB.match(asked.strip()) and not re.search(r"要\s*(?:" + VERB_WORD + r")$", asked) else asked


def _chosen(reader: Reader, sentence: str, line: Line, items: list[RawItem]) -> list[RawItem]:
    """The other volunteers' items when the one who asked picks one of several (「Sam 你搞啦」)."""
    named = reader.people.strip_leading(OPENER.sub("", sentence).strip())
    if not named or not BARE_HANDOVER.fullmatch("咁" + re.sub(r"[\s，,。！!]", "", named[1])):  # 「Sam 你搞啦」
        return []
    asked_here = [i for i in items if 0 < line.index - i.turn <= 3 and i.owner not in (UNKNOWN, "")
                  and reader.transcript.lines[i.turn].speaker == line.speaker]
    task = next((i.task for i in asked_here if i.owner == named[0]), None)
    same = [i for i in asked_here if i.task == task]
    return [i for i in same if i.owner != named[0]] if len({i.owner for i in same}) > 1 else []


def _about(said: str, task: str) -> bool:
    """Whether words about one task of several (「備份嗰樣…」) are about this one; words naming none are about all."""
    named = THAT_TASK.match(OPENER.sub("", said).strip())
    return not named or bool(shared_grams(named["topic"], task))


def _owner_answer(reader: Reader, transcript: Transcript, line: Line, owner: str | None) -> Line | None:
    """The next turn when it is the owner answering somebody else's request, and, when the answer is put as a
    question (「…下個禮拜一得唔得？」), the asker says yes to it; None otherwise."""
    reply = transcript.lines[line.index + 1] if owner is not None and line.index + 1 < len(transcript.lines) else None
    if reply is None or reader.speaker(reply) != owner or reader.speaker(line) == owner \
            or asks(reply.text) and not _yes_after(transcript, reply):
        return None
    return reply


# two things one request joins (「採購單同埋基金申請表你…」), up to who is asked or the end of the clause
_ONE_THING = r"(?:[份個張啲]\s*)?(?:[A-Za-z][\w\-]*|[\u3400-\u9fff]{2,6})"
BOTH_THINGS = re.compile(rf"(?P<a>{_ONE_THING})\s*同(?:埋)?\s*(?P<b>{_ONE_THING})(?=\s*(?:你|佢|我|得唔得|好唔好|[，,。？?]|$))")


KEPT_AS_ASKED = re.compile(r"冇問題|無問題|(?<![A-Za-z])ok(?![A-Za-z])|得(?!唔)|可以|冇事|照舊", re.IGNORECASE)


def _answered_apart(reader: Reader, transcript: Transcript, line: Line, owner: str | None, task: str) -> list[tuple[str, str]]:
    """(task, the words of the answer that give its day) for each of two things a request joins with 同(埋), when its
    owner's answer names each with its own day (「採購單同埋基金申請表你幫手搞埋」 「採購單我聽日整好，基金嗰樣要等會計，
    下個禮拜一得唔得？」 「得」); empty otherwise, or when an answer put as a question is not agreed to."""
    both = BOTH_THINGS.search(task)
    reply = _owner_answer(reader, transcript, line, owner) if both else None
    if reply is None:
        return []
    said = [c for sentence in sentences(reply.text) for c in clauses(sentence)]
    starts = {k: [i for i, c in enumerate(said) if shared_grams(c, both[k]) and not shared_grams(c, both["b" if k == "a" else "a"])]
              for k in ("a", "b")}
    if not starts["a"] or not starts["b"] or starts["a"][0] == starts["b"][0]:
        return []
    bounds = sorted([(starts["a"][0], "a"), (starts["b"][0], "b")])
    parts = {k: "，".join(said[at:(bounds[1][0] if n == 0 else len(said))]) for n, (at, k) in enumerate(bounds)}
    if not any(has_time_words(parts[k], transcript.date) for k in parts) or not all(
            has_time_words(parts[k], transcript.date) or KEPT_AS_ASKED.search(parts[k]) for k in parts):
        return []  # 「report 冇問題，budget 嗰份…禮拜一先交？」: the report keeps the day asked
    # 「…禮拜五前整報價同合約」: the thing starts after the verb said once for both (報 of 報價 is no verb here)
    at = both.start() + max((v.end() for v in VERB.finditer(both["a"]) if len(both["a"]) - v.end() >= 2), default=0)
    return [(task[:at] + task[at:both.end("a")] + task[both.end():], parts["a"]),
            (task[:at] + both["b"] + task[both.end():], parts["b"])]


def _reply_names(reader: Reader, transcript: Transcript, line: Line, owner: str | None, task: str) -> str:
    """The clause of the owner's answer that gives this task its own day when the answer gives several things their
    days (「你 send quotation 同埋 update schedule」 「Quotation 我今日 send，schedule 禮拜五先搞掂，OK 嗎？」 「OK」);
    empty otherwise, or when an answer put as a question is not agreed to."""
    reply = _owner_answer(reader, transcript, line, owner)
    if reply is None:
        return ""
    timed = [c for said in sentences(reply.text) for c in clauses(said)
             if has_time_words(c, transcript.date) and not only_whereabouts(c)]  # 「酒店 sales 禮拜六日唔返」: nobody's day
    named = [c for c in timed if shared_grams(without_times(c, transcript.date), without_times(task, transcript.date))]
    return named[0] if len(timed) >= 2 and len(named) == 1 else ""


def _counter_named(transcript: Transcript, line: Line) -> str:
    """The clause of the reply that names which task its counter-offer is about (「採購單我聽日整好，基金嗰樣我要問埋
    總部，下個禮拜一得唔得？」 → 「基金嗰樣…」), or empty."""
    reply = transcript.lines[line.index + 1].text if line.index + 1 < len(transcript.lines) else ""
    named = [c for c in clauses(reply) if THAT_TASK.match(OPENER.sub("", c).strip())]
    return named[-1] if named else ""


def _yes_in_between(reader: Reader, line: Line, items: list[RawItem]) -> list[RawItem]:
    """The items the speaker gave two turns before, when the one turn between is their owner's
    yes, bare or with when they start (「Ivy 你搞下 venue」 「好」 「禮拜四前要 confirm 喎」: the asker goes on with the same work)."""
    lines = reader.transcript.lines
    if line.index < 2 or lines[line.index - 2].speaker != line.speaker:
        return []
    said = lines[line.index - 1].text.strip()
    yes = YES_FIRST.match(said)  # 「明白，我散會即刻打。」: yes, and when they start on it
    if not (YES.match(said) or yes and re.match(r"我(?!哋)", said[yes.end():]) and not asks(said) and not CANNOT.search(said)
            and not re.search(r"不過|但係|但|唔", said) and not reader.people.mentioned(said)):
        return []
    given = [i for i in items if i.turn == line.index - 2 and not i.group]
    return given if all(i.owner == reader.speaker(lines[line.index - 1]) for i in given) else []


# 「咁你打啦」, 「不如你 send 啦阿傑」: only the verb, to the one spoken to
VERB_TO_YOU = re.compile(r"^(?:(?:咁|噉|不如|或者|好)\s*[，,]?\s*)*你(?!哋)\s*(?:嚟|去)?\s*(?P<verb>[\u3400-\u9fff]|[A-Za-z]+)\s*(?:啦|吖|喇)\s*(?P<rest>.*?)[。！!]?$")


def _verb_handed(reader: Reader, sentence: str, line: Line, recent: list[RawItem]) -> tuple[str, list[RawItem]] | None:
    """(who, the tasks) when the one who gave a task just before tells another, with the verb alone, to do
    it (「咁你打啦」 to the one who spoke last, 「不如你 send 啦阿傑」 to the one named after it)."""
    said = VERB_TO_YOU.match(sentence.strip())
    if not said:
        return None
    named = reader.people.strip_leading(said["rest"]) if said["rest"] else None
    if said["rest"] and not (named and not named[1].strip(" 。！!")):
        return None
    taker = named[0] if named else reader.addressee(line, None)
    moving = [i for i in recent if reader.speaker(reader.transcript.lines[i.turn]) == reader.speaker(line)
              and said["verb"].casefold() in i.task.casefold() and i.owner not in (taker, UNKNOWN)]
    return (taker, moving) if taker and taker != reader.speaker(line) and moving else None


NAMED_TURNS = 4  # how far back addressing a task's owner by name reaches
ONLY_THEN = re.compile(rf"\s*(?:之前|前)?\s*(?:至|先|才)\s*(?P<verb>{VERB_WORD})", re.IGNORECASE)
# a proposal that names nobody to do it (「我建議…」, 「不如…」) asks nothing of anyone yet
# going somewhere or meeting someone, said as the occasion for more work (「…，順便…」)
OCCASION = re.compile(r"(?:我|我哋|你)?\s*(?:都|會|要)?\s*(?:(?:去|返|過)\s*[^，,。\s]{1,8}|同\s*[^，,。]{1,10}?\s*(?:開會|開個會|見面|meeting|食飯)"
                      r"|見\s*[^，,。\s]{1,8})", re.IGNORECASE)
PROPOSES = re.compile(r"^(?:(?:咁|所以|其實)\s*)?(?:我|我哋)?(?:會|想)?\s*(?:建議|提議|suggest|propose)|^(?:咁|所以|其實)?\s*(?:我|我哋)?\s*(?:諗過|諗住|覺得)?\s*不如|"
                      r"^(?:想提一提|想提吓|提一提)?[，,\s]*(?:[^，,\s]{1,6}?[，,\s]*){0,2}(?:我\s*(?:都)?想(?!問|知|請|叫|你|佢|\s*自己)|我哋\s*(?:都)?想(?!問|知|請|叫|你|佢))")  # 「我想自己出」: own work
IF_SO = re.compile(r"^[^，,。]{1,14}?(?:嘅話|的話|方面|期間|嘅時候|嗰陣(?:時)?)[，,\s]*")  # the case or time a proposal is for, before it
TAKEN_ON = re.compile(rf"(?:就|都係)\s*我(?!哋)\s*{TAKES_CHARGE.pattern}$", re.IGNORECASE)  # 「禮拜四嗰場就我負責」: the topic, who
OPTIONS_OFFERED = re.compile(rf"^[^。]*?我(?!哋)\s*(?:都)?\s*可以[^，,。]+[，,]\s*或者\s*(?:(?:可以|係|我)\s*)*(?:{VERB_WORD})", re.IGNORECASE)
PERSON = re.compile(r"我|你|佢|大家|各位|(?<![A-Za-z])(?:I|you|we)(?![A-Za-z])")


def _wanted_by(clause: str, today: date) -> bool:
    """Whether a clause says when a party wants the work (「陳太想中秋節之前睇到」): its due time, said after it."""
    return bool(THEY_WANT_IT.fullmatch(without_times(OPENER.sub("", clause), today).strip(" 。！!")))


def _when_only(clause: str, today: date) -> str:
    """The time phrases of a clause, each with the limit word said after it (「中秋節之前」), nothing else."""
    parts = []
    for phrase in find_time_phrases(clause, today):
        limit = re.match(r"\s*(?:或)?(?:之前|以前|前)", clause[phrase.end:])
        parts.append(clause[phrase.start:phrase.end] + (limit.group(0).strip() if limit else ""))
    return " ".join(parts)


def extract_rules(transcript: Transcript, lines: tuple[Line, ...] | None = None) -> RawExtraction:
    """Candidate items and decisions in lines (default: the whole transcript)."""
    reader = Reader(transcript)
    items: list[RawItem] = []
    decisions: list[RawDecision] = []
    offers: list[tuple[RawItem, str, str, int]] = []  # (item, its owner before, who offered to take it, turn)
    haggled: dict[int, tuple[str, str | None]] = {}  # turn → (whose due day was being settled in it, by whom)
    asked_only: list[RawItem] = []  # asked as a question and turned down: dropped unless taken over
    handed_at: dict[int, int] = {}  # id(item) → the turn that last handed it to its owner (「咁 Ivy 你去啦」)
    for line in lines if lines is not None else transcript.lines:
        said_before: list[RawItem] = []  # the items of the sentence before, in this turn
        in_turn: list[RawItem] = []  # …and of all the turn's sentences so far
        previous = ""
        answered = False  # whether a "when" question before has had its answer in this turn
        agenda = False  # the turn has listed the meeting's topics
        required = ""  # 「中秋前兩日一定要裝好。」: what must be done by when, nobody named yet
        taken: list[RawItem] = []  # what the speaker took over earlier in this turn (「我接咗佢啦」)
        spoken = _day_proposed([reader.without_called_back(part, line) for sentence in sentences(line.text)
                                for part in reader.closed_apart(sentence)], transcript.date)
        so_far = [said.text for said in transcript.lines[max(0, line.index - EVENT_TURNS):line.index]]
        since = two_turns_back(transcript.lines, line.index)
        _dated_apart(reader, transcript, line, items)
        for raw_sentence in corrections_apart(spoken, transcript.date):
            earlier = [said.text for said in transcript.lines[max(0, line.index - 2):line.index]]
            # 「…兩點拍賣完，之後即刻 confirm」: due at two
            punctuated = before_event(condition_apart(reader.punctuate(_and_then(_let_me(_handed_with_verb(
                right_after_said(raw_sentence, transcript.date), reader)))), reader.people, transcript.date),
                                      so_far + [line.text], transcript.date)
            sentence, tagged = _strip_tag(same_day_said(time_corrected(time_referred(
                _wanted_of(_thing_wanted(_reported_commitment(_vocative_first(_called_after_topic(_thanks_apart(punctuated, reader), reader), reader), reader), reader), reader),
                earlier, transcript.date), transcript.date), transcript.date))
            sentence = WHO_LATER.sub("", sentence) if SOMEONE_SAID.search(sentence) else sentence  # 「…要有人搵師傅整，派邊個我再諗下」
            needed = FREE_LATER.sub("", sentence) if FREE_LATER.search(sentence) and VERB.search(FREE_LATER.sub("", sentence)) else ""
            if needed and not SOMEONE_SAID.search(needed) and not reader.people.mentioned(needed) and not re.search(r"[我你]", needed):
                sentence = re.sub(r"要(?!有人)", "要有人", needed, count=1) if "要" in needed else f"要有人{needed}"
            if HYPOTHETICAL.match(sentence):  # 「如果我係你，我會聽日即刻 call 個客」: advice, nobody's task
                continue
            if taken and has_time_words(sentence, transcript.date) and not NEW_TOPIC.match(sentence.strip()) \
                    and (PRONOUN_OBJECT.search(sentence) or FREE_ONLY_THEN.search(sentence)) and not reader.people.mentioned(sentence):
                for item in taken:  # 「我接咗佢啦。…三個工作天內覆佢。」, 「我嚟。…禮拜五先得」: when the one taking over will do it
                    item.agreed_due = item.agreed_due if has_time_words(item.agreed_due, transcript.date) else sentence
                continue
            sentence = _colleague_named(sentence, reader)
            if FLOOR.match(sentence.strip()) or MOVES_ON.match(sentence.strip(" 。！!")):
                continue
            said = [c for c in clauses(sentence) if not SELF_INTRO.match(c.strip())]
            if said and AREA_MINE.fullmatch(OPENER.sub("", said[0]).strip()) and len(said) == 1 \
                    and not has_time_words(sentence, transcript.date):
                continue  # 「我係 Ken，IT 嗰邊我負責。」: who looks after what, not work to do
            if AGENDA.search(sentence) or (agenda and ORDINAL.match(sentence) or TOPICS_TODAY.search(sentence)) \
                    and not reader.people.mentioned(sentence) and not re.search(r"你(?!哋)", sentence):
                agenda = True
                continue
            tagged = tagged or bool(POLITE_REQUEST.search(sentence) and QUESTION.search(sentence)) \
                or bool((ASKED_FOR.search(sentence) or CALLED_THEN_ASKED.match(OPENER.sub("", sentence)))
                        and reader.people.strip_leading(OPENER.sub("", sentence)))
            # "could you …?", 「Ricky，啲相可唔可以 share 俾我？」
            due_part = _without_urging(sentence)
            timed = [c for c in clauses(due_part) if has_time_words(c, transcript.date)]
            if not in_turn and not previous and (len(clauses(due_part)) > 1 or HEDGE.match(due_part)) and timed \
                    and not any(SELF.search(c) and not IN_HAND.fullmatch(c) for c in clauses(due_part)[:-1]) \
                    and _when_asked(reader, transcript, line, asked_of=True):  # 「兩日左右，…最快都要下個禮拜二。」: the day it comes to
                due_part = HEDGE.sub("", timed[-1])
            due_words = re.sub(PART_OF_DAY_WORDS, "", without_times(due_part, transcript.date)).strip(" 。！!，,")
            if not in_turn and not previous and re.match(r"我(?!哋)", due_words) \
                    and _when_asked(reader, transcript, line, asked_of=True):  # 「份 budget 幾時有？」 「我禮拜一俾你。」
                due_words = re.sub(r"^我(?!哋)\s*(?:會|可以|就)?\s*(?=\S)", "", due_words)
            answering = not in_turn and not previous and has_time_words(due_part, transcript.date)
            restated = [i for i in _due_asked(reader, transcript, line, items, by_owner=False) if transcript.lines[i.turn].speaker == line.speaker
                        and shared_grams(due_words, i.task)] if answering else []
            # 「冇問題，我嚟啦。要幾時印好？」 「下個禮拜三之前可唔可以印好？」: the day asked back, by the one who gave the work
            restated += _due_asked(reader, transcript, line, items, by_owner=True) if answering and QUESTION.search(sentence) \
                and not restated and limit_said(due_part, transcript.date) else []
            for item in restated:  # 「我要 send 報價俾佢哋。」 「幾時搞得掂？」 「兩個工作天內 send 晒俾啲客。」: the work said again, by then
                item.agreed_due = due_part
            if restated:
                continue
            if has_time_words(due_part, transcript.date) and (DUE_ONLY.match(due_words) or SENT_ONLY.match(due_words) and (
                    said_before or not in_turn and not previous and _when_asked(reader, transcript, line, asked_of=True))):
                # 「整好份報價，同埋 book 埋會議室。兩樣都禮拜五前搞掂。」: the due time of the tasks before
                targets = in_turn if ALL_OF_THEM.match(sentence) else said_before
                went_on = line.index - 1 - bool(line.index > 1 and YES.match(transcript.lines[line.index - 1].text.strip()))
                if not targets and not in_turn and not previous and line.index and transcript.lines[went_on].speaker == line.speaker:
                    # 「Ivy，你 update 份 roster。」 (「好。」) then, in a turn of its own, 「今日內搞掂佢。」
                    targets = [i for i in items if i.turn == went_on and not i.group and not i.agreed_due and not i.shared_due]
                if ALL_OF_THEM.match(sentence) and not in_turn:  # 「Ken 整時間表，Tom 聯絡客戶。」 … 「全部禮拜三前搞掂。」
                    targets = [i for i in items if 0 < line.index - i.turn <= NAMED_TURNS and not i.group
                               and not i.agreed_due and transcript.lines[i.turn].speaker == line.speaker]
                for item in targets:
                    if not has_time_words(item.task, transcript.date):
                        item.shared_due = item.shared_due or sentence
                told = _due_asked(reader, transcript, line, items, by_owner=False) if not previous else []
                asked = _when_asked(reader, transcript, line, asked_of=True) if not previous and not told else None
                room = _when_asked(reader, transcript, line) if asked is None and not previous and not told and not in_turn else None
                to_room = bool(room and THING_MADE.match(room[0]))
                asked = room if to_room else asked  # 「份報價幾時出到？」 「禮拜五。」: a thing made, asked of the room (not 「幾時出糧？」)
                how_long = re.fullmatch(r"(?:[^，,。]*?(?:之後|以後|後)\s*)?(?P<thing>[^，,。]{2,16}?)\s*(?:要|需要)", asked[0]) \
                    if asked and not asked[1] else None  # 「收到 slogan 之後 banner 要幾耐？」: the banner, done
                thing = re.sub(r"^(?:嗰|呢)?(?:份|個|張|啲|封|本|條|批)\s*", "", how_long["thing"]) if how_long else ""
                asked = ("", f"完成{' ' if thing[:1].isascii() else ''}{thing}") if how_long else asked
                ready = bool(asked and asked[0] and READY.fullmatch(asked[1].strip()))  # 「個 demo 幾時 ready？」 「禮拜五。」
                if asked and (VERB.search(asked[1]) or re.search(r"俾|畀|給", asked[1]) or ready) \
                        and not _when_suits(asked[1]):  # 「份 proposal 幾時俾到我？」 「禮拜五。」
                    before, after = asked
                    sent_on = re.match(rf"(?P<verb>{VERB_WORD})\s*得?\s*(?=[俾畀給])", after, re.IGNORECASE) \
                        if before and not re.search(r"[俾畀給，,]", before) else None
                    task = f"{after}{before}" if len(after) <= 3 else "，".join(p for p in (before, after) if p)
                    task = re.sub(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])", "", f"{sent_on['verb']} {before} {after[sent_on.end():]}") \
                        if sent_on else task  # 「send 份 quotation 俾客」, 「交份報告俾老闆」
                    task = f"準備好{' ' if before[:1].isascii() else ''}{before}" if ready else task
                    task = before if before and GENERIC_DONE.fullmatch(after.strip(" ？?")) else task  # 「你負責，幾時搞得掂？」
                    settled = day_settled(reader, transcript, line, reader.speaker(line))  # 「月尾太遲，二十號之前。」 …
                    if settled:
                        haggled.update(dict.fromkeys(settled[1], (reader.speaker(line), reader.speaker(transcript.lines[line.index - 1]))))
                    items.append(RawItem(turn=line.index, owner=reader.speaker(line) or UNKNOWN, task=task,
                                         agreed_due=settled[0] if settled else sentence, owner_unsure=to_room))
                    in_turn.append(items[-1])
                    previous, answered = sentence, True
                    continue
                waiting = (told or _due_asked(reader, transcript, line, items, by_owner=True)) if not previous else []
                for item in waiting:  # 「阿傑，你寫個 proposal。」 「幾時要？」 「下個禮拜三啦。」
                    item.agreed_due = sentence
                if (targets or not previous or waiting or OFFERS_ANOTHER_TIME.search(raw_sentence)) \
                        and not (not targets and not waiting and not in_turn and reader.told_back(sentence, line)):
                    continue  # 「禮拜五我要去深圳。下個禮拜一俾你得唔得？」: another day for the work asked, not for the reason
                    # (「份 RCA 呢？」 「寫緊。」 「禮拜五之前搞掂佢啦。」 「好。」: the work asked of the one who spoke, read below)
                sentence = f"{previous.rstrip('。.！!')}，{sentence}"  # 「大家記得填 timesheet。禮拜五前。」
            recent = [i for i in items if since <= max(i.turn, handed_at.get(id(i), -1)) < line.index  # 「我聽日放假。」 between;
                      and not i.group]  # 「我接咗佢啦。」 「好，Ivy 跟。」: handed on since
            last = said_before or [i for i in recent if i.turn == max(r.turn for r in recent)]
            owners = list(dict.fromkeys(i.owner for i in recent if i.owner not in (UNKNOWN, "")))
            let_off = _let_off(sentence, reader)
            theirs = [i for i in items if let_off and i.owner == let_off[0] and line.index - 4 <= i.turn < line.index]
            if theirs:  # 「Ken，你今日 send 份 agenda。…」 「Ken 唔使喇，阿傑做。」: Ken's latest is 阿傑's now
                for item in theirs:
                    item.owner = let_off[1] if item.turn == theirs[-1].turn else item.owner
                continue
            asker = {reader.speaker(transcript.lines[i.turn]) for i in recent} == {reader.speaker(line)}
            agreed = line.index + 1 < len(transcript.lines) and YES.match(transcript.lines[line.index + 1].text.strip()) \
                and {reader.speaker(transcript.lines[i.turn]) for i in recent} == {reader.speaker(transcript.lines[line.index + 1])}
            if SWAPPED.match(sentence) and len(owners) == 2 and (asker or agreed):  # 「Ivy 打去海關，阿傑寫報告。」 「調轉啦。」
                for item in recent:
                    item.owner = owners[1 - owners.index(item.owner)] if item.owner in owners else item.owner
                continue
            corrected, due = correction_of_who(sentence, transcript.date)
            named = reader.people.strip_leading(corrected["who"]) if corrected else None
            # 「唔係喎，份 budget 係我跟㗎」: the speaker's; a name and nothing else (「培訓簡報改由阿傑」 is a handover)
            taker = (reader.speaker(line) if corrected["who"] == "我" else named[0] if named and not named[1].strip() else None) \
                if corrected else None
            if taker and last:  # 「Ivy，你聽日交份報價。唔係，係阿傑交。」, the owner's 「唔係我呀，係阿傑負責。」
                moving = corrected_items(last, corrected["verb"], recent)
                for item in moving:
                    item.owner, item.group, item.declined = taker, False, False
                    item.owner_unsure = len(moving) > 1 and not any(corrected["verb"] and corrected["verb"] in i.task for i in moving)
                    item.shared_due = due or item.shared_due  # 「唔係，Ivy 你寫，月尾前發出」
                continue
            handed = _verb_handed(reader, sentence, line, recent)
            if handed:  # 「Ivy 聽日打俾個 landlord」 「我同個 landlord 比較熟喎」 「咁你打啦」: the call is 阿傑's now
                taker, moving = handed
                for item in moving:
                    item.owner, item.group, item.declined, handed_at[id(item)] = taker, False, False, line.index
                continue
            back, due = taking_back(sentence, transcript.date)
            mine = [i for i in last if i.owner not in (reader.speaker(line), None)  # the asker's own words, this turn or the one before
                    and reader.speaker(transcript.lines[i.turn]) == reader.speaker(line) and line.index - i.turn <= 2]
            if back and mine:  # 「Ken 你聽日覆傳媒……唔係，我自己覆」: the asker's own, or nobody's yet
                for item in corrected_items(mine, None):
                    item.owner = reader.speaker(line) or UNKNOWN if (back["me"] or back["me_too"]).startswith("我") else UNKNOWN
                    item.shared_due = due or item.shared_due  # 「…，呀唔係，我自己跟，月尾前 confirm 晒」
                continue
            refused = [(item, before) for item, before, volunteer, at in offers
                       if line.index - at <= 2 and reader.speaker(line) != volunteer and reader.turns_away(sentence, volunteer)]
            chosen = _chosen(reader, sentence, line, items)
            if chosen:  # 「邊個得閒跟？」 「我得閒。」 「我都得。」 「Sam 你搞啦。」: the others' offers are not taken
                items[:] = [i for i in items if all(i is not other for other in chosen)]
                continue
            volunteered = [i for i in items if line.index - 2 <= i.turn < line.index and not i.group  # 「邊個跟？」 「我搞。」
                           and i.owner == reader.speaker(transcript.lines[i.turn]) != reader.speaker(line)
                           and all(o[0] is not i for o in offers) and reader.turns_away(sentence, i.owner, i.turn == line.index - 1)]
            if volunteered and ALREADY.search(sentence):  # 「我聽日會 email 份 statement。」 「唔使喇，我今朝已經 send 咗。」
                items[:] = [i for i in items if all(i is not v for v in volunteered)]
                continue
            done = ALREADY.search(sentence)
            named = reader.people.strip_leading(OPENER.sub("", sentence).strip()) if done and not QUESTION.search(sentence) else None
            by = named[0] if named and not re.match(r"\s*[，,]", named[1]) else None  # 「阿傑已經 send 咗喇」, not 「阿傑，…」
            done_here = [i for i in last if i.owner not in (reader.speaker(line), UNKNOWN, None) and not i.group
                         and (by is None or i.owner == by)
                         and any(verb.group(0) in done.group(0) for verb in VERB.finditer(i.task))] \
                if done and (SELF.match(sentence) or by) and not MORE_TO_DO.search(sentence, done.end()) else []
            if done_here:  # 「Ken 你聽日 call 個客。」 「好。」 「我頭先已經 call 咗喇。」 (or 「Ken 已經 call 咗喇」): nothing left to do
                items[:] = [i for i in items if all(i is not d for d in done_here)]
                continue
            refused += [(item, UNKNOWN) for item in volunteered]
            if refused:  # 「Mandy，你寫好通訊。」 「我嚟啦。」 「唔使喇 Tom，Mandy 搞得掂。」: the offer is turned down
                for item, before in refused:
                    item.owner, item.declined = before, before == UNKNOWN  # nobody's, unless another is named next
                offers = [o for o in offers if all(o[0] is not item for item, _ in refused)]
                kept = {before for _, before in refused}
                named = [i for i, part in enumerate(clauses(sentence)) if i and reader.names_another(part, kept)]
                if not named:
                    continue
                # 「唔好喇 Tom，你太忙，Sam 你搞」: somebody else is named, as after 「咁」
                sentence = "咁" + re.sub(r"^(?:咁|噉)\s*", "", "，".join(clauses(sentence)[named[0]:]))
            turned_back = [i for i in items if i.declined and line.index - SINCE_DECLINED <= i.turn < line.index] \
                or _asked_for_time(reader, transcript, line, items)
            taker = reader.handed_on(sentence, line) \
                or reader.takes_over(sentence, line, any(i.turn == line.index - 1 for i in last), bool(turned_back))
            topic = HANDED_TOPIC.match(OPENER.sub("", sentence).strip()) if taker else None
            earlier = [i for i in items if topic and i.owner not in (taker, UNKNOWN) and not i.group
                       and line.index - TOPIC_TURNS <= i.turn < line.index and shared_grams(topic["topic"], i.task) >= 2]
            if earlier and len({i.owner for i in earlier}) == 1:  # 「咁陳太啲 loose furniture 改由 Wilson 跟」: that work, given turns before
                for item in earlier:
                    item.owner, item.group, item.declined = taker, False, False
                    handed_at[id(item)] = line.index
                items[:] = [i for i in items if i in earlier or not (i.owner == taker and i.turn < line.index
                                                                     and shared_grams(topic["topic"], i.task) >= 2)]  # their offer: the same work
                continue
            if taker and (turned_back or last):  # 「Ivy，你聽日交份報價。」 「改由 Ken 跟。」: the task just given moves
                moving = turned_back or corrected_items(last, None)
                part = TAKEN_PART.match(OPENER.sub("", (clauses(sentence) or [""])[0]).strip())
                moving = [i for i in moving if shared_grams(part["topic"], i.task)] if part else moving
                had_said = HAD_IT.search(sentence)
                was_theirs = _was_theirs(transcript, line) if not had_said else None
                had_said = had_said or was_theirs
                had = reader.people.find_name(had_said["who"]) if had_said else None
                moving = [i for i in moving if i.owner == had] if had else moving  # 「原本係阿敏負責，…改由偉仔跟」: 阿敏's only
                own = WAS_THEIRS.search(sentence) if had and not was_theirs else None  # the work named in this sentence
                own = clauses(own["thing"])[0].strip() if own else ""
                own = own if len(re.sub(r"\W", "", own)) >= 2 and not re.search(r"[我你佢]", own) and not reader.people.mentioned(own) \
                    and not any(shared_grams(own, i.task) for i in moving) else ""
                work = was_theirs["thing"] if was_theirs and had and not moving \
                    else own if VERB.match(own) or not own else spaced_scripts(f"跟進{own}")
                if work:  # 「原本阿Ken負責更新客戶紀錄…」 「咁改由May姐跟。」, 「原本係 Kelvin 跟訂位，…改由 Cindy 跟」: that work,
                    if not YOU_REQUEST.search(line.text.partition(raw_sentence)[2]):  # not their other work; unless the turn
                        items.append(RawItem(turn=line.index, owner=taker, task=work))  # goes on to ask it in full
                    continue
                named = re.sub(r"^(?:仲有|另外|至於|跟住)\s*", "", OPENER.sub("", (clauses(sentence) or [""])[0]).strip())
                if len(clauses(sentence)) > 1 and re.match(r"(?:本來|原本|原先|原定)", clauses(sentence)[1].strip()) \
                        and len(named) >= 2 and not VERB.search(named) and not re.search(r"[我你佢]", named) \
                        and not reader.people.mentioned(named):
                    moving = [i for i in moving if shared_grams(named, i.task)]  # 「仲有監考更表，原本彤彤跟，…改由華姐跟」: that only
                offer = _offered_to_take(transcript, line)
                moving = [i for i in moving if shared_grams(offer, i.task)] if offer else moving  # 「…信原本阿俊跟，不如我接手」 「好，改由玲姐跟」
                unsure = len(moving) > 1 and not part  # 「唔係，改由 Ken 跟啦」 after two tasks: both, or one?
                plan = next((c for c in reversed(clauses(sentence)[1:]) if taker == reader.speaker(line)
                             and has_time_words(c, transcript.date)
                             and _does_it(c, [f"{i.task}，{transcript.lines[i.turn].text}" for i in moving], transcript.date)), "")
                offers += [(item, item.owner, taker, line.index) for item in moving if item.owner not in (UNKNOWN, taker)]
                for item in moving:  # …or the one its owner asked to give away
                    handed_at[id(item)] = line.index
                    before = reader.people.strip_leading(item.task)
                    if before and before[0] == item.owner:  # 「阿強跟 logo 嘅 design」 is Ivy's now: not 阿強
                        item.task = before[1].strip(" ，,")
                    item.owner, item.group, item.declined, item.owner_unsure = taker, False, False, unsure
                    if taker != reader.speaker(line) and has_time_words(sentence, transcript.date):  # 「交俾 Oscar 跟，下個禮拜一之前」
                        item.agreed_due = sentence
                    elif plan:  # 「我接咗佢啦，聽日打。」: when the one taking over will do it
                        item.agreed_due = plan
                taken = moving if taker == reader.speaker(line) and not has_time_words(sentence, transcript.date) else []
                continue
            again = reader.reoffers(sentence, line, recent + [i for i in turned_back if i not in recent])
            if again:
                for item in again:
                    item.declined = False
                    item.agreed_due = sentence if has_time_words(sentence, transcript.date) else item.agreed_due
                continue
            stand_in = reader.stands_in(sentence, line, recent + [  # 「咁……欣欣你得唔得？」 「我可以試吓」 「好，Heidi 你做」
                i for i in items if i.declined and i not in recent and line.index - SINCE_DECLINED <= i.turn < line.index])
            if stand_in:  # 「我聽日唔得閒喎。」 「咁 Ken 你去啦。」: and a day said with it stands
                taker, declined, in_new_words = stand_in
                when = after_refusal(sentence) or sentence
                for item in declined:  # 「禮拜一太遲，Ivy 你聽日去啦」: the day said to the new one, not the one refused
                    item.owner, item.declined, handed_at[id(item)] = taker, False, line.index
                    item.task = in_new_words or item.task
                    item.agreed_due = when if has_time_words(when, transcript.date) else item.agreed_due
                said_before = list(declined)  # 「咁 Ken 你幫手出。聽日之內貼晒三樓。」: more of the work handed on
                decisions += decided_in(reader, line, sentence, raw_sentence)[0]  # 「咁 Sandy 你做…由九月一號開始…」
                continue
            for item in reader.replaced(sentence, line, recent):  # 「我唔識搞喎」 「咁 Ivy 你約供應商嚟換」: Ivy's request stands
                items.remove(item)
                recent.remove(item)
            again = time_said_again(sentence, transcript.date,
                                    "，".join(said for i in last for said in (i.task, i.shared_due, i.agreed_due) if said))
            if again and last:  # 「Ken 你禮拜三前交份報價。」 「唔係，禮拜四。」
                for item in last:
                    item.agreed_due = again
                continue
            delayed = _delayed(sentence, said_before + recent, transcript, line)
            if delayed:  # 「部手提遲一個禮拜都得」: the day it had, moved by so long
                for item, day in delayed:
                    item.agreed_due = day.isoformat()
                continue
            moved = _moved(sentence, said_before + recent, transcript, line, items) \
                if not tagged or _yes_after(transcript, line) else []  # 「改做下個禮拜一得唔得？」 「唔得。」: asked, not agreed
            if moved:  # 「Ken 你聽日交份報價。」 「份報價改為禮拜五交。」: the later day stands
                for item in moved:
                    item.agreed_due = CORRECTS_TIME.sub("", sentence, count=1)  # 「…講錯，係下個禮拜五」: the day, not 「係…」
                    item.declined = False  # 「禮拜五我放假喎。」 「咁禮拜四啦。」: another day, the task stays theirs
                continue
            turned_down = [i for i in items if line.index - 1 in (i.turn, handed_at.get(id(i))) and not i.group and i.owner == reader.speaker(line)] \
                or [i for i in items if line.index - SINCE_DECLINED <= i.turn < line.index and i.owner == reader.speaker(line)
                    and (shared_grams(PERIOD_WORD.sub("", i.task), PERIOD_WORD.sub("", sentence)) >= 2
                         or GIVE_AWAY.search(sentence))]  # 「今個月…出 valuation」 「我今個月抽唔到時間」: not by the month alone
            # 「梁Sir，圖書館嗰份 proposal，…可唔可以搵第二個同事跟？」: a task given a while ago, named
            named = [i for i in turned_down if shared_grams(i.task, sentence) >= 2]
            turned_down = named if named and len(named) < len(turned_down) else turned_down  # 「…個 comparison table 我驚趕唔切」: that one
            said_yes_to = [c for s in spoken[:spoken.index(raw_sentence)] for c in clauses(s) if THING_YES.search(c)] \
                if turned_down and raw_sentence in spoken else []
            turned_down = [i for i in turned_down if shared_grams(i.task, sentence) >= 2 or not any(
                shared_grams(i.task, c) >= 2 for c in said_yes_to)]  # 「回條冇問題…。不過旅遊巴……」: that one was taken
            done = [i for i in turned_down if done_already(sentence, i.task, transcript.date)]
            if done:  # 「Yoyo 你即刻打俾 Ricoh」 「我頭先已經打咗」: nothing left to do
                items[:] = [i for i in items if i not in done]
                recent = [i for i in recent if i not in done]
                continue
            if turned_down and turns_down(raw_sentence, reader.people, transcript.date):  # 「後日我要出差喎」: no task of its own
                later = spoken[spoken.index(raw_sentence) + 1:] if raw_sentence in spoken else []
                earlier = spoken[:spoken.index(raw_sentence)] if raw_sentence in spoken else []
                moved_on = NEW_TOPIC.match(raw_sentence.strip(" ，,")) \
                    and any(YES.match(s.strip()) or ACCEPTS.match(s.strip()) for s in earlier)  # 「明白。另外，我聽日放假。」: taken
                away = min((p.day for p in find_time_phrases(raw_sentence, transcript.date)), default=None)  # the first day away
                if not moved_on and not any(offers_another_day(s, transcript.date) or ACCEPTS.match(s.strip())
                                            or _day_asked_back(s, turned_down, transcript.date) for s in later):
                    # 「…放假喎。…下個禮拜四得唔得？」: a counter-offer; 「禮拜五放假，即係下個禮拜一。冇問題。」: yes
                    for item in turned_down:
                        due = find_deadline(item.agreed_due or item.shared_due or item.task, transcript.date)
                        item.declined = item.declined or not (away and due and away > due.day and not re.search(
                            r"唔切|唔到|唔掂|唔得|冇時間", raw_sentence))  # away only after it is due, and saying no more
                continue
            if turned_down and offers_another_day(raw_sentence, transcript.date):
                continue  # 「聽日我成日喺外面見客，禮拜一得唔得？」: why not then, and when instead
            continued, said_before, previous = said_before, [], sentence
            decided, only = decided_in(reader, line, sentence, raw_sentence)
            decisions += decided
            if only:
                continue
            offered = _help_taken(reader, transcript, line, sentence) if asks(sentence) else None
            if offered:  # 「陳詞大綱使唔使我幫你準備？」 「好呀，禮拜五之前俾我。」: the one offering does it, by the day answered
                items.append(offered)
                in_turn.append(offered)
                continue
            if asks(sentence) and not tagged and not POLITE_REQUEST.search(sentence):
                taker = _taken_up(reader, transcript, line, sentence)
                if taker:
                    asked = PROMPTED.sub("", sentence.rstrip("？? "))
                    task = _items_in(reader.read(asked, line), transcript.date) \
                        or ([(taker, OPENER.sub("", asked))] if taker in _called_before(reader, line, sentence) else [])  # 「豪哥，咁…？」
                    reply = transcript.lines[line.index + 1].text  # 「聽日公眾假期喎，禮拜五得唔得？」: the day offered last
                    offered = [c for s in sentences(reply) for c in clauses(s) if has_time_words(c, transcript.date)][-1:]
                    kept = insisted_time(transcript, line)  # 「唔得，聽日一定要。」 「好啦。」: the asker's day
                    if kept and find_deadline(kept, transcript.date) and _yes_after(transcript, transcript.lines[line.index + 2]):
                        offered = [kept]
                    items += [RawItem(turn=line.index, owner=taker, task=_needed(t), agreed_due="".join(offered))
                              for owner, t in task[:1] if owner != reader.speaker(line)]
                refuser = _asked_refuses(reader, transcript, line, sentence) if not taker else None
                if refuser:  # 「Priya，你打個電話俾佢？」 「我真係分身不暇…」: kept only if somebody takes it over
                    task = _items_in(reader.read(PROMPTED.sub("", sentence.rstrip("？? ")), line), transcript.date)
                    asked_only += [RawItem(turn=line.index, owner=refuser, task=_needed(t), declined=True) for _, t in task[:1]]
                    items += asked_only[-1:]
                continue
            said = clauses(sentence)
            doer = _doer_named(reader, transcript, line, said)
            if doer:
                items.append(doer)
                taken = [doer]  # 「我打啦。清明前問清楚佢。」: when, in the volunteer's next words
                continue
            timed = [c for c in said if not BARE_COMMIT.match(c) and (only_time(c, transcript.date) or has_time_words(c, transcript.date)
                     and DUE_ONLY.match(without_times(c, transcript.date).strip(" 。！!，,")))]  # 「禮拜二前搞掂」
            committed = next((k for k, c in enumerate(said) if BARE_COMMIT.match(c)), None)
            if committed is not None and all(BARE_COMMIT.match(c) or c in timed or YES.match(c) for k, c in enumerate(said)
                                             if not WHY_ME.match(c) and not (len(said) > 1 and FREE_ME.fullmatch(c.strip(" 。！!")))
                                             and not ((k > committed or c.strip().startswith("我")) and _no_work(c, transcript.date))):
                # 「我啦，我之前識兩間…」, 「我得閒，我做啦」, 「我嚟，我住得近」: why them
                need = _previous_need(transcript, line)  # 「我得，我嚟啦。」, 「我嚟啦，禮拜五前。」
                yes_first = not all(BARE_COMMIT.match(c) or c in timed for c in said)  # 「OK，我搞。」 answers who, not a handover
                if need and (not yes_first or WHO_WILL.search(need[0].text)):
                    items[:] = [i for i in items if not (i.turn == need[0].index and (i.group or i.owner in ("", UNKNOWN))
                                                         and shared_grams(i.task, need[1]))]  # 「要有人…」: nobody's no more
                    items.append(RawItem(turn=line.index, owner=reader.speaker(line) or UNKNOWN, task=_for_asker(reader, *need),
                                         shared_due=_due_said_after(need[0], need[1], transcript),
                                         agreed_due="，".join(timed)))
                    taken = items[-1:]
                continue
            if RECURRING.search(sentence) and re.search(r"建議|不如|我想|我哋想", sentence):
                continue  # 「我建議由下個月開始每個月尾點一次」: a standing rule proposed, no one-off task
            called = reader.people.strip_leading(sentence)  # 「黃太，我想 suggest…」: said to someone, asking nobody
            body = called[1].lstrip(" ，,") if called else sentence
            proposal = IF_SO.sub("", body)
            proposed = PROPOSES.match(proposal)  # 「加開班次嘅話，我提議…」
            if proposed and not reader.people.mentioned(body) and not PERSON.search(proposal, proposed.end()):
                continue  # 「我建議設返個門檻，五千蚊以下直接入下個月」: nobody is asked; agreed, it is a decision
            reply = transcript.lines[line.index + 1] if line.index + 1 < len(transcript.lines) else None
            if proposed and reply and reply.speaker != line.speaker and PUT_OFF.search((sentences(reply.text) or [""])[0]):
                continue  # 「不如 Ken 你聽日去埋個 trade show」 「遲啲再諗啦」: put off, nobody's task
            read = reader.read(sentence, line)
            found = _items_in(read, transcript.date)
            me = reader.speaker(line)
            reporter = _reporter_due(reader, transcript, line, sentence, read) if not found and not in_turn else None
            if reporter:  # 「季度報告我仲等緊財務啲數。」 「季度報告照樣月尾交。」: the reporter's work, by then
                found = [(reporter, re.sub(r"照(?:樣|舊|常)|如常", "", sentence))]
            offered = [i for i in items if i.turn == line.index - 1 and i.owner not in (me, "", UNKNOWN)
                       and i.owner == reader.speaker(transcript.lines[line.index - 1]) and re.fullmatch(rf"{HANDOVER_VERB}(?:埋|住|返)?", _needed(i.task).strip())]
            if not found and not in_turn and len(offered) == 1 and any(c.action and c.owner is None for c in read) \
                    and not asks(sentence):  # 「邊個跟？」 「我啦。」 「好，先攞三個報價，下下個禮拜一俾我。」: what the one who offered does
                offered[0].task, offered[0].turn = sentence, line.index  # its words, and whose 我 they say, are this turn's
                offered[0].agreed_due = sentence if has_time_words(sentence, transcript.date) else offered[0].agreed_due
                in_turn.append(offered[0])
                said_before = [offered[0]]
                continue
            taken_on = [i for i in items if i.turn == line.index - 1 and i.owner not in (me, "", UNKNOWN)
                        and i.owner == reader.speaker(transcript.lines[line.index - 1]) and TAKEN_ON.search(i.task)]
            if len(taken_on) == 1 and len(found) == 1 and found[0][0] == taken_on[0].owner and not in_turn and YES_FIRST.match(sentence):
                items.remove(taken_on[0])  # 「禮拜四嗰場就我負責。」 「好，Ivy，你排好嗰日啲義工。」: the work taken on, said in full
            mine = _own_day_offered(reader, transcript, line, sentence, items) if not found and tagged else []
            if mine:  # 「阿朗負責剪片。」 … 「下下個禮拜一之前剪好俾你睇得唔得？」 「得，就咁。」: by the day the owner offered
                for item in mine:
                    item.agreed_due = sentence
                continue
            if not found and not in_turn:
                required = _required(sentence, reader, transcript.date) or required
            continued = continued or (_yes_in_between(reader, line, items) if not in_turn else [])
            if not found and _goes_on(sentence, continued, reader, me):
                # 「Daniel 你幫手出通告。聽日之內貼晒三座大堂。」: more of the same person's work, no subject of its own
                item = continued[-1]
                if has_time_words(item.task + item.shared_due, transcript.date) and has_time_words(sentence, transcript.date) \
                        or OWN_LEAD.match(GOES_ON.sub("", sentence)).end():  # 「…。未換之前部機貼張告示。」: another thing
                    # 「你今日同原廠講，一定要星期二送到；裝好 test 埋，星期三之前要搞掂。」: a second task, its own day
                    items.append(RawItem(turn=line.index, owner=item.owner, task=sentence,
                                         agreed_due=accepted_with_time(reader, transcript, line, sentence, item.owner)))
                    in_turn.append(items[-1])
                    said_before = [items[-1]]
                else:
                    item.task = f"{item.task.rstrip(' 。！!')}，{sentence.strip(' 。！!')}"
                    said_before = continued
                continue
            if any(owner != me and TO_ME.search(task) for owner, task in found):  # 「…俾我，我週末會睇」: the giver reads it
                found = [(owner, task) for owner, task in found if owner != me or not REVIEWS.search(task)
                         and has_time_words(task, transcript.date)]  # 「…俾我，我要對數」: what for, unless it has its own day
            sent = transcript.lines[line.index - 1] if line.index else None
            if sent and sent.speaker != line.speaker and SENT_TO_YOU.search(sent.text):
                found = [(owner, task) for owner, task in found if owner != me or not REVIEWS.search(task)]  # 「…send 俾你 approve」 「好，今晚我會睇」
            if sent and sent.speaker != line.speaker and PASS_IT_ON.search(sent.text):  # 「阿朗，你叫你老闆…簽咗份表」 「好，我今日同佢講」
                found = [(owner, task) for owner, task in found
                         if owner != me or not TELLS_ONLY.fullmatch(without_times(task, transcript.date).strip(" 。！!"))]
            asked_help = line.text[:max(line.text.find(sentence), 0)]
            if WHO_WILL.search(asked_help) and re.search(r"幫(?:下|吓|手)?\s*我(?!哋)", asked_help):
                found = [(owner, task) for owner, task in found if owner != me]  # 「邊個可以幫我影印？我聽朝要帶去地盤。」: why
            if UNDECIDED.search(sentence):  # 「人手我遲啲同 HR 傾下先，今日唔決定住」: put off; the speaker's own plan has no day
                found = [(owner, task) for owner, task in (
                    (owner, "，".join(c for c in clauses(task) if not UNDECIDED.search(c))) for owner, task in found)  # not 「今日唔決定」's day
                    if task and (owner != me or has_time_words(task, transcript.date))]
            if OPTIONS_OFFERED.search(sentence):  # 「我可以寫信去問，或者開個網上籌款」: which one is taken is said later
                found = [(owner, task) for owner, task in found if owner != me]
            if cannot(sentence, reader) and not OFFERS_ANOTHER_TIME.search(sentence):  # 「我禮拜五要去深圳，做唔切」: why not
                found = [(owner, task) for owner, task in found if owner != reader.speaker(line)]
            # one owner's tasks said together share a due time said after them all (「…，同埋 B，兩日內搞掂」)
            last = clauses(found[-1][1])[-1] if found else ""
            bare = re.sub(r"^(?:之前|以前|前|之內|以內|內)\s*", "",  # 「Joyce send A，Mandy send B，元旦前 send 晒」: both
                          without_times(last, transcript.date).strip(" ，,。"))
            only_due = (not VERB.search(bare) or ALL_DONE.fullmatch(bare) or EACH_DONE.fullmatch(bare) or HAND_IN.fullmatch(bare)) \
                and reader.speaker(line) not in {owner for owner, _ in found}  # 「Ken 負責 A，Peter 負責 B，禮拜五前」: both
            shared = last if len(found) > 1 and (len({owner for owner, _ in found}) == 1 or only_due) \
                and not all(has_time_words(t, transcript.date) for _, t in found[:-1]) \
                and has_time_words(last, transcript.date) and (DUE_AFTER.search(last) or ALL_DONE.fullmatch(bare)
                                                               or EACH_DONE.fullmatch(bare) or HAND_IN.fullmatch(bare)) else ""
            if shared and only_due and len(clauses(found[-1][1])) > 1:  # 「…，Mandy 執好資料，兩樣都要禮拜五前交」: not Mandy's work
                found[-1] = (found[-1][0], found[-1][1][:found[-1][1].rindex(shared)].rstrip(" ，,"))
            found = _shared_work(found, in_turn)
            if len(found) == 1 and found[0][0] is None and SOMEONE_FOUND.search(found[0][1]) \
                    and not re.search(r"大家|各位|你哋|全部|所有人", sentence) and len({i.owner for i in in_turn}) == 1 \
                    and in_turn[-1].owner not in (None, "", UNKNOWN, me):  # 「…改由潘師傅你跟。下個禮拜一前搵人嚟洗。」: his to arrange
                found = [(in_turn[-1].owner, found[0][1])]
            asked = _when_asked(reader, transcript, line) \
                if not answered and found and has_time_words(sentence, transcript.date) else None
            for i, (owner, task) in enumerate(found):
                if i + 1 < len(found) and found[i + 1][0] == owner and re.match(r"(?:我|你)?\s*(?:順便|順手)", without_times(found[i + 1][1], transcript.date).strip(" ，,")) \
                        and OCCASION.fullmatch(OPENER.sub("", without_times(task, transcript.date)).strip(" ，,。")):
                    continue  # 「我聽日同會計開會，順便問埋」: where the work is done, not work; the day goes with it
                handed = next((item for item in reversed(in_turn) if item.owner == owner), None) \
                    if handed_to_me_only(without_times(task, transcript.date)) \
                    and has_time_words(task, transcript.date) else None
                if handed:  # 「…改由阿玲排。阿玲，下個禮拜五俾我得唔得？」: when the task just given is handed in
                    handed.agreed_due = handed.agreed_due or task
                    continue
                task = _head_restored(task, [t for _, t in found[:i]] + [item.task for item in in_turn])
                again = _when_of_earlier(owner, task, [i for i in items if line.index - 2 <= i.turn < line.index] + in_turn,
                                         transcript.date)
                if again:  # "I will send you the store list. I'll send it before 10am tomorrow.", "Sure, I'll send it by Friday."
                    again.agreed_due = task
                    continue
                own = _own_work_dated(owner, task, line, transcript, items)
                if own:  # 「月尾交得到。」 「月尾太遲，下個禮拜五得唔得？」 「好，下個禮拜五。」: by the day settled
                    settled = day_settled(reader, transcript, line, owner)
                    if settled:
                        haggled.update(dict.fromkeys(settled[1], (owner, reader.speaker(line))))
                    own.agreed_due = settled[0] if settled else task
                    continue
                if asked and owner == reader.speaker(line):  # 「嗰啲 invoice 幾時入得晒？」 「我聽日入晒 system」
                    task = with_when_answer(task, *asked, transcript.date)
                    asked, answered = None, True
                apart = _answered_apart(reader, transcript, line, owner, task)
                if apart:  # 「採購單同埋基金申請表你幫手搞埋」 answered thing by thing: two tasks, each with its day
                    items += [RawItem(turn=line.index, owner=owner, task=part, agreed_due=when) for part, when in apart]
                    said_before += items[-2:]
                    in_turn += items[-2:]
                    continue
                answer = the_answer(reader, transcript, line, owner) if tagged else ""
                # 「…得唔得？」 「唔得，…」: nobody's and flagged, unless somebody takes it over
                refused = bool(REFUSAL.match(answer)) and turns_down(answer, reader.people, transcript.date) \
                    and not counter_taken(reader, transcript, line, owner)
                yes_by = (YES_BY.search(answer) or _yes_then_day(answer, transcript.date)) \
                    and has_time_words(answer, transcript.date) and not (COUNTER_OFFER.search(answer) and insisted(transcript, line))
                insisting = insisted_time(transcript, line)  # 「唔得，…最遲星期一中午十二點」: the asker's time, said again
                insisting = insisting if insisting and (limit_said(insisting, transcript.date) or re.search(r"一定要|最遲", insisting)
                                                        and find_deadline(insisting, transcript.date)) else ""
                countered = counter_accepted(reader, transcript, line, owner)
                countered = countered if _about(_counter_named(transcript, line) or countered, task) else ""  # 「備份嗰樣改做下個禮拜三得唔得？」: that task only
                if countered:  # 「我最快十號先落到。」 「十號都仲趕得切，OK 啦。」: the day being settled, no work of its own
                    haggled.update(dict.fromkeys(range(line.index + 1, line.index + 3), (owner, reader.speaker(line))))
                settled = day_settled(reader, transcript, line, owner)
                if settled:
                    haggled.update(dict.fromkeys(settled[1], (owner, reader.speaker(line))))
                when_answer = answer if has_time_words(answer, transcript.date) and not REFUSAL.match(answer) \
                    and re.search(rf"{WHEN_TAG}[呀啊先呢]?[？?]?\s*$", raw_sentence) else ""
                agreed = _reply_names(reader, transcript, line, owner, task) \
                    or insisting or countered or (settled[0] if settled else "") or (answer if yes_by else "") or when_answer \
                    or timed_after(reader, transcript, line, task) or asked_before(transcript, line, task) \
                    or accepted_with_time(reader, transcript, line, task, owner)
                # 「你聽日約家長見面，順便將嗰幾份改好」 (「…，同埋…」): what is done on the same occasion shares its day, also when the
                # one asked answers so (「你聽日去銀行入張支票」 「得，我順手攞埋啲月結單」)
                carried = "" if shared or find_deadline(without_message(task), transcript.date) or not re.match(r"(?:我|你)?\s*(?:順便|順手|同埋|再(?=[^，,。]*埋))", task) \
                    or task.lstrip().startswith("同埋") and WHEN_FREE.search(sentence[max(sentence.find(task), 0):]) else \
                    next((t for o, t in reversed(found[:i]) if o == owner and has_time_words(t, transcript.date)), "") \
                    or next((c for c in reversed(clauses(sentence[:max(sentence.find(task), 0)]))  # 「你聽日去銀行，順便…」
                             if has_time_words(c, transcript.date)), "") \
                    or next((t for item in reversed(items) if item.turn == line.index - 1 and item.owner == owner
                             for t in (item.agreed_due or item.shared_due or item.task,) if has_time_words(t, transcript.date)), "")
                if len(found) == 1 and owner not in (None, me) and SEE_TO_IT.search(task) and not has_time_words(task, transcript.date):
                    at = sentence.find((clauses(task) or [""])[0])
                    need = required or (_required(sentence[:at], reader, transcript.date) if at > 0 else "")
                    task = f"{task}，{need}" if need else task  # 「…一定要裝好。Mandy，你同供應商講清楚。」: see to that, by then
                settling = haggled.get(line.index, ())
                if owner in settling and has_time_words(sentence, transcript.date) \
                        and (owner == settling[0] and not NEW_TOPIC.match(raw_sentence.strip()) or raw_sentence == spoken[0]
                             or owner == settling[1] and asks(raw_sentence)) \
                        and not (i and NEW_TOPIC.match(task.strip())):  # 「得，聽日放工前改好佢，順手通知家長」: more work
                    continue  # 「禮拜三得唔得？」, 「不如禮拜一啦，…交俾我」, 「唔得，我禮拜四飛新加坡」, 「…。禮拜一 set 好得唔得？」: the day being settled
                if _called_off_after(sentence, task):
                    continue  # 「我話要訂手套，不過仲有三箱，所以唔使訂住」: called off in the same breath
                if owner is None and INVITATION.search(task):
                    continue  # 「大家有空可以嚟睇吓」: welcome to, not asked to
                if owner != me and LAUGHS.search(line.text) and not _yes_after(transcript, line):
                    continue  # 「咁強哥你自己派大封利是俾我哋補數啦，哈哈。」 「發夢啦你！」: a joke, unless taken up
                if tagged and owner is not None and owner == reader.speaker(line) and _offer_declined(transcript, line):
                    answer = transcript.lines[line.index + 1]
                    if not SELF_INSTEAD.search(answer.text):
                        continue  # 「我聽朝出個通告，好唔好？」 「唔使喇。」: not taken up
                    owner = reader.speaker(answer) or UNKNOWN  # 「唔使喇，我出。」: the one who says no does it
                items.append(RawItem(turn=line.index, owner=owner or "", task=task, group=owner is None,
                                     shared_due=shared or carried, agreed_due="" if refused else agreed, declined=refused))
                said_before.append(items[-1])
                in_turn.append(items[-1])
    for item in items:  # 「聽日…實做唔切喎。下個禮拜三…得唔得？」 「都得。」: turned down for that day, kept for the one taken
        if item.declined and counter_taken(reader, transcript, transcript.lines[item.turn], item.owner):
            item.declined = False
    items = [i for i in items if not (i.declined and any(i is a for a in asked_only))]
    for item in items:  # 「佢哋要我哋…confirm 出席名單，同埋 submit 埋 agenda。呢啲我嚟搞」: the speaker takes what was needed
        line = transcript.lines[item.turn]
        taken = THESE_MINE.search(line.text)
        speaker = reader.speaker(line)
        if taken and speaker and item.owner != speaker and not item.declined \
                and 0 <= line.text.find(item.task[:4]) < taken.start() and not YOU_REQUEST.search(line.text[:taken.start()]) \
                and NEEDED_OF_US.search(line.text[:taken.start()]) and not reader.people.mentioned(item.task):
            item.owner, item.group = speaker, False
    return RawExtraction(action_items=items, decisions=decisions)


# 「你準備 K3 嘅評估報告；Miss Cheng，你負責 K2 嘅」: the second names only whose, the thing is the first's
ELIDED_HEAD = re.compile(r"^(?P<verb>(?:你|佢|我)?\s*(?:" + VERB_WORD + r")?)\s*(?P<whose>[^\s，,。嘅]{1,12}?)\s*嘅(?:呢|啦|吖|喇)?$",
                         re.IGNORECASE)


def _head_restored(task: str, earlier: list[str]) -> str:
    """A task that ends in 「X 嘅」 completed with the thing the latest earlier task of the turn names
    after its 「嘅」, with its verb when the second's says only who does it (「負責 K2 嘅」 after 「準備 K3 嘅評估報告」:
    「準備 K2 嘅評估報告」); other tasks as they are."""
    elided = ELIDED_HEAD.match(task.strip())
    if not elided:
        return task
    for before in reversed(earlier):
        head = before.rsplit("嘅", 1)[1].strip() if "嘅" in before else ""
        if head and not clauses(head)[1:]:
            verb = elided["verb"]
            if not verb.strip(" 你佢我") or GENERIC_WORK.fullmatch(verb.strip(" 你佢我")):  # 「負責 K2 嘅」: the first's verb
                said = re.sub(r"^(?:你|佢|我)\s*", "", before.rsplit("嘅", 1)[0]).strip()
                verbs = [said[:k] for k in range(1, len(said)) if VERB.fullmatch(said[:k].strip())]  # the longest: 整理, not 整
                verb = f"{verb}{verbs[-1].strip()}" if verbs else verb
            gap = " " if re.search(r"[A-Za-z0-9]$", verb) or re.match(r"[A-Za-z0-9]", elided["whose"]) else ""
            whose = elided["whose"] + (" " if re.search(r"[A-Za-z0-9]$", elided["whose"]) else "")
            return f"{verb.rstrip()}{gap}{whose}嘅{head}"
    return task
