"""Decisions: sentences with a decision cue (決定, 就咁定, 取消, 延到, 唔做 …), a show of hands, an
agreement to a plan (「好，加推企業禮品」), and an anaphoric 「就咁定」 standing for the proposal of
the turns before it. A plan B keeps its condition (「如果…，就…」); a standing rule (由下個月開始…) is
a decision, not a one-off task.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from assistant.extract.cues import CONDITION, HANDOVER, NOT_ACTION, NOT_YES, QUESTION, YOU_REQUEST, asks
from assistant.extract.dates import cn_number
from assistant.extract.deadlines import has_time_words, limit_said, without_times
from assistant.extract.owners import OwnerResolver
from assistant.extract.schema import RawDecision
from assistant.extract.tasks import OBSERVATION, VERB
from assistant.extract.text import clauses, coverage, sentences, shared_grams
from assistant.extract.transcript import Line, Transcript


class Reader(Protocol):
    """What reading decisions needs of the item reader: who is who, the transcript, and whether a
    sentence gives somebody a task (then it is an action item, not a decision)."""

    people: OwnerResolver
    transcript: Transcript

    def assigns(self, sentence: str, line: Line) -> bool: ...


PAST_START = r"琴晚|尋晚|尋日|琴日|昨日|昨天|前日|前晚|上個|上星期|上禮拜|今朝|早幾日|之前"
STRONG_DECISION = rf"由(?!{PAST_START})[^，,。]{{1,8}}開始|決定|定咗|就咁話|就咁定|就咁做|就咁決定|一於|拍板|落實|一致同意|大家同意|通過|批准|定為|定死|approved|agreed|decided"
CHOSEN_OPTION = r"(?:我哋|大家)?\s*(?:就)?\s*揀\s*(?!咗|邊|唔)[^，,。？?]{1,16}?(?:啦|喇|吖)?"  # 「(我哋)揀 A 方案」: the option taken
DECISION = re.compile(
    rf"{STRONG_DECISION}|確定|照[做舊常開用俾畀收計出跟行搞辦租包買訂請停關放]|照保留|^(?:好[，,\s]*)?咁就\s*(?:定|訂|買|租|請|包|簽|揀)|"
    # 「咁就定火鍋」, 「預算就定一百蚊」, 「升級就定喺禮拜六晚做」: what is settled on
    # (not 「唔好咁快就定…」, 「可能就定…」: not settled yet)
    r"(?<![我你佢快])(?<!可能)(?<!或者)就\s*定(?:喺|係|為|做)?\s*(?=[\u3400-\u9fffA-Za-z0-9])(?!咗|住|唔|未|啦|喇|得)|"
    # 「咁就換啦」, 「咁就十月中先上線」: settling what was asked or weighed (not 「咁就得喇」, 「咁就再傾」)
    r"^(?:好|OK|ok|嗯)?[，,\s]*咁就\s*(?!得|好|最好|係咁|冇問題|啱|散會|再|遲啲|先咁|算|唔使|等)(?=[^，,。？?]*[\u3400-\u9fffA-Za-z]{2})|"
    # 「今年都係印住先啦」: keeping to what is done now
    r"(?:^|(?<=[，,]))\s*(?:今年|今次|暫時|咁)?\s*都係\s*(?!咁|佢|我|你)[^，,。？?]{1,16}?(?:先|算)?(?:啦|喇|吧)(?=[，,。！!]|$)|我批|維持|沿用|用返|改為|改成|改用|改做|改喺|改去|交由|採用|"
    r"延遲到|延到|延期到|押後|延期|提前到|取消|暫停|唔再|不再|唔好用|唔用|只用|淨係用|就用|揀咗|唔加|唔改|唔做|唔要|唔搞|唔俾|"
    r"唔接|唔參加|(?<![走行搬抽離打拆分諗解扯撬擰推拉])唔開|加推|一律|"  # not 「我走唔開」: cannot get away
    r"唔好(?:加|搞|做|改|用|買|請|開|換)(?=\s*(?:[。！!，,]|$))|唔好?(?!得|夠|係|知|識|記|該|嚟|到|使|駛|洗|緊|錯|同|會|想|理|好|啱|掂|明|舒服|見|多)[\u3400-\u9fff]{1,2}(?:住|喇)|唔好[^，,。]{1,12}?喇|以後都|由[^，,。]{1,8}開始|(?:就|咁)揀|揀[^，,。]{1,10}嗰(?:間|個|款|份|隻)|"
    # 「…，揀 Snap&Go。」: the option taken, said last; 「可以停住先」: put on hold
    rf"(?:^|(?<=[，,]))\s*{CHOSEN_OPTION}[。！!]?$|(?<![我你佢])淨係(?:做|搞)|(?<!我)(?<!我 )(?:停|hold|擱)\s*住(?:先)?(?=[，,。！!]|$)|"
    r"go ahead with|go with|postpone|cancel|let'?s use|we'?ll use|keep (?:the|using|[0-9])|keep\s*(?=[\u3400-\u9fff])",
    re.IGNORECASE,
)
STRONG = re.compile(STRONG_DECISION, re.IGNORECASE)
NOT_DECISION = re.compile(r"再講|再算|我唔|有[^，,。]{1,6}想|改由|交返俾|交俾|唔使做|唔決定|未決定|未定|再傾|遲啲再|再決定|先決定|考慮|諗下|建議(?!書)|[？?]$|係咪|係唔係|好唔好|要唔要|使唔使|"
                          r"會唔會|可唔可以|如果(?![^，,。]*[，,][^，,。]{0,12}就)|我覺得|我諗(?!咗|過)|定咗未|問過|上次|上個|舊年|已經|(?<!咁)話|"
                          r"要等|等[^，,。]{0,8}批|先落實|未落實|做唔切|唔得閒|"
                          # 「預算都係維持五十萬」 reports what goes on; 「今年都係維持五十萬啦」 settles it
                          r"都\s*(?:係)?\s*(?:照舊|維持|沿用|照常)(?![^，,。！!？?]*(?:啦|吧|囉))|"
                          # 「供應商取消咗…」, 「公司改用咗新 form」: what somebody has done, reported
                          r"(?<!我哋)(?<!大家)(?:取消|改用|改為|改做|改成|暫停|延期|押後)咗|"
                          r"([\u3400-\u9fff])唔\1|^(?:開始|開會|散會)(?:啦|喇|吖)?$|"  # 「如果…，就…」 is a plan B; 「做唔做得切」 asks
                          # 「佢決定留低」: somebody else's decision, reported
                          r"(?:^|[，,])\s*(?:佢|佢哋|他|他們)\s*(?:已經|最後|最終)?\s*決定|"
                          r"仲(?:冇|未)|"  # 「…我仲冇跟 agency 落實」: not yet
                          # 「下季先再諗，暫時唔郁住」, 「今年唔諗住，遲啲先算」, 「遲啲睇下邊個得閒」: left for later
                          r"(?<![使好])再諗|唔好(?:郁|鬱|諗|搞|理)住|唔(?:郁|鬱|諗|理)住|先算|邊個得閒|^反正[^，,。]*$|"
                          # 「全日唔開又唔得」: why not; 「好多病人都會臨時 cancel」: what happens; 「法團要開會通過先」: not yet;
                          # 「系統商揀咗八月十二號」: chosen by others, reported; 「先講併購案」: what is talked about next
                          r"唔[^，,。]{1,4}又唔得|(?<!以後)(?<!將來)都會|通過先|要[^，,。]{0,8}通過|(?:商|佢|佢哋|對方)\s*(?:已經)?\s*揀咗|^(?:先|再|跟住)講[^，,。]*$")
# 「集團決定咗…」: decided above this meeting and announced to it, news (not 「唔使等法團批咗」)
ANNOUNCED = re.compile(r"(?<![等俾畀交])\s*(?:集團|總部|總公司|公司|管理層|管理處|法團|校方|政府|董事局|業主|客戶|(?<![A-Za-z])(?:head office|HQ))\s*"
                       r"(?:已經|啱啱|最後|最終)?\s*(?:決定|定|落實|批|批准)咗", re.IGNORECASE)
SINCE_ONLY = re.compile(r"\s*由[^，,。]{1,8}(?:開始|起)[。！!]?")  # 「由今日開始」: since when, of the rule said before it
# 「由琴晚開始有啲 user login 唔到」 reports since when; 「由下個月開始…」 decides
SINCE_PAST = re.compile(rf"由(?:{PAST_START})")
ANAPHOR_CUE = r"就咁定|就咁做|就咁話|就咁決定|就咁樣決定|就咁樣做|就咁樣|就咁"
ANAPHORIC_DECISION = re.compile(r"^(?:好|OK|ok|咁|係|得|冇問題|嗯|(?:我|我哋)?(?:都)?(?:同意|贊成))?[，,\s]*(?:呢個|咁|嗰就|咁就)?\s*"
                                r"(?:就咁定|就咁做|就咁話|就咁決定|就咁樣決定|一於咁|決定咗|定咗落嚟|定咗|就咁|照做|"
                                r"(?:我|我哋)?(?:都)?(?:同意|贊成|冇問題|冇意見)|(?:都|幾|好)?(?:公道|合理))(?:喇|啦|吖|囉|嘅)?[。！!]*$")  # 「咁都公道」
PROPOSAL = re.compile(r"建議(?!書)|不如|我想|我哋想|打算|諗住|由[^，,。]{1,8}開始|一律|以後|每[個次]|要|唔|改|加|用|照")


# a show of hands: 「贊成會費加一百嘅請舉手。」 「五個人贊成，冇人反對。」 decides what was put to the vote
VOTE_CALL = re.compile(r"(?:贊成|同意|支持)\s*(?P<what>[^，,。？?]{2,40}?)\s*嘅(?:請|麻煩)?舉(?:手|高手)")
VOTE_RESULT = re.compile(r"(?:[一二兩三四五六七八九十\d]+\s*(?:個|位|票)(?:人)?|全部(?:人)?|大部分(?:人)?|大多數(?:人)?|所有人|全體)\s*(?:都)?\s*"
                         r"(?:贊成|同意|支持)|冇人反對|全票通過|一致通過|舉手通過")
VOTE_WORDS = re.compile(rf"(?:{VOTE_RESULT.pattern}|通過|反對|棄權|[一二兩三四五六七八九十\d]+\s*(?:票|個|位)\S{{0,4}})+")


# 「得兩個人舉手，唔通過。」, 「三票贊成，五票反對。」: the motion falls
VOTE_FAILED = re.compile(r"唔通過|不通過|冇通過|通過唔到|否決|唔獲通過|不獲通過|rejected|voted down", re.IGNORECASE)
VOTE_COUNT = re.compile(r"(?P<n>[一二兩三四五六七八九十\d]+)\s*(?:個|位|票)(?:人)?\s*(?:都)?\s*(?P<side>贊成|同意|支持|反對)")


def _vote_failed(sentence: str) -> bool:
    """Whether a vote's result says the motion falls: in words, or more against than for."""
    if VOTE_FAILED.search(sentence):
        return True
    counts = {"for": 0, "against": 0}
    for m in VOTE_COUNT.finditer(sentence):
        counts["against" if m["side"] == "反對" else "for"] += cn_number(m["n"])
    return counts["against"] >= counts["for"] > 0


def _voted_on(transcript: Transcript, line: Line, sentence: str) -> str | None:
    """What a vote's result decides: the rest of its sentence (「全部贊成，明年會費加一百」), else
    the motion put to the vote in this turn or the two before."""
    said = [c for c in clauses(sentence) if not VOTE_WORDS.fullmatch(c.strip()) and len(re.sub(r"\W", "", c)) >= 4]
    if said:
        return "，".join(said)
    return _motion_before(transcript, line)


def _motion_before(transcript: Transcript, line: Line) -> str | None:
    """The motion put to a show of hands in this turn or the two before (「贊成會費加一百嘅請舉手」)."""
    for previous in reversed(transcript.lines[max(0, line.index - 2):line.index + 1]):
        for earlier in reversed(sentences(previous.text)):
            motion = VOTE_CALL.search(earlier)
            if motion:
                return motion["what"]
    return None


CUE_ONLY = re.compile(r"(?:我|我哋|大家)?(?:就|都)?(?:批|批准|通過|同意|贊成|approve|approved|agreed)(?:咗)?(?:喇|啦|吖|囉)?",
                      re.IGNORECASE)


APPROVED = re.compile(r"^[^，,。]{1,16}?\s*(?:我|我哋)(?:就|都)?(?:批|批准|approve)(?:咗|埋)?(?:喇|啦|吖)?$", re.IGNORECASE)  # 「份預算我批」


HANDED_OVER = re.compile(r"(?:[俾畀給交]|send)[^，,。]{0,24}?[你我](?!哋)", re.IGNORECASE)
# what a settled due day is said with: yes, 咁就, 「唔好再遲」
DAY_ONLY_WORDS = re.compile(r"[\s，,。！!]|好|得|OK|ok|咁|就|係|啦|喇|吖|前|之前|(?:唔好|唔可以|不可以)\s*再\s*(?:遲|拖|延)")


def _without_cue(sentence: str) -> str:
    """The sentence without clauses that are only an approval (「我批」 is not the speaker's task)."""
    return "，".join(c for c in clauses(sentence) if not CUE_ONLY.fullmatch(c)) or sentence


RECURRING = re.compile(r"由[^，,。]{1,8}(?:開始|起)|以後|一律|每(?:次|個|一個|日|週|周|禮拜|星期|月|年)")
AGREED = re.compile(r"^(?P<when>[^，,。？?\s]{1,6}\s*)?(?:好|OK|ok|得|冇問題|可以|行)[，,。.！!\s]+(?=\S)")  # 「後日 OK，…」


def _agreement(sentence: str, today: date) -> bool:
    """Whether a sentence opens by agreeing (「好，…」, 「後日 OK，…」: only a day may come before the yes)."""
    agreed = AGREED.match(sentence)
    return bool(agreed) and not asks(sentence) and (not agreed["when"] or has_time_words(agreed["when"], today))


def _accepts_request(reader: Reader, line: Line) -> bool:
    """Whether the turn answers a request made of its speaker in the turn before (「Ricky，你寄份合約
    俾客。」 「好，聽日寄。」): taking on the work, not agreeing to a proposal (which is asked)."""
    if line.index == 0:
        return False
    asked = reader.transcript.lines[line.index - 1]
    speaker = reader.speaker(line)
    if not speaker or asked.speaker == line.speaker or any(asks(s) for s in sentences(asked.text)):
        return False
    return any(reader.people.find_name(name) == speaker for name in reader.people.mentioned(asked.text)) \
        and reader.assigns(asked.text, asked)


FINE_TOO = re.compile(r"(?:都|亦)\s*(?:好|得|OK|ok|冇所謂|冇問題)\s*(?:嘅|啦|喇|吖|呀)?[。！!]?$")  # 「好，早啲交都好」: a comment


def _agreed_clauses(reader: Reader, sentence: str, line: Line) -> str:
    """The clauses after an approval that name what is agreed, up to one that gives somebody a task
    or says how things stand: a verb, no person, no 我/你, no due time, no question
    (「好，加四個保安，交俾 Ken…」 → 「加四個保安」)."""
    kept = []
    for clause in clauses(AGREED.sub("", sentence)):
        if reader.people.mentioned(clause) or re.search(r"我|你|佢|大家|主要|仲有|另外|還有", clause) or HANDOVER.search(clause) \
                or not VERB.search(clause) or NOT_DECISION.search(clause) or NOT_ACTION.search(clause) \
                or OBSERVATION.search(clause) or re.search(r"得唔|唔到", clause) or limit_said(clause, reader.transcript.date) \
                or FINE_TOO.search(clause):
            break
        kept.append(clause)
    return "，".join(kept) if len(re.sub(r"\W", "", "".join(kept))) >= 3 else ""


def _up_to_cue(sentence: str) -> str:
    """The clauses of a sentence up to the one with its decision cue: a reason given after it
    (「…唔好再搵以前嗰間，佢哋上次做得好差」) does not unsay the decision."""
    parts = clauses(sentence)
    cue = next((i for i, c in enumerate(parts) if STRONG.search(c)), None)
    if cue is None:
        cue = next((i for i, c in enumerate(parts) if DECISION.search(c)), len(parts) - 1)
    return "，".join(parts[:cue + 1]) + ("？" if sentence.rstrip().endswith(("？", "?")) else "")


CONSENT = r"(?:(?:大家|全部人)?(?:都)?(?:冇異議|冇意見|冇人反對|同意)(?:嘅話)?\s*)?"  # 「大家冇異議就咁定」 says only yes


OWN_PART = re.compile(r"(?:咁)?\s*我(?!哋)\s*(?:今日|聽日|今晚|等陣|一陣|遲啲|稍後)?\s*(?:會|就|去|嚟|負責)")  # 「…，我今日會同清潔公司講」


def _decision_text(sentence: str) -> str:
    """The clauses that state the decision: from the strongest cue on, without the cue word alone
    and without comments after it; 「…，就咁樣決定」 states it in the clauses before the cue."""
    parts = [c for c in clauses(sentence) if not re.fullmatch(r"(?:好|OK|ok|咁|係|嗯|得)", c)]
    said = [c for c in parts if not CUE_ONLY.fullmatch(c)]  # 「OT 錢照俾，我批」: the cue alone says nothing
    parts = said or parts
    if not parts:
        return sentence
    cues = [i for i, c in enumerate(parts) if STRONG.search(c)] or [i for i, c in enumerate(parts) if DECISION.search(c)] or [0]
    first = cues[0]
    if re.fullmatch(rf"{CONSENT}(?:呢個|咁|就|嗰個)?(?:{ANAPHOR_CUE}|決定咗|決定|定咗)(?:落嚟|喇|啦)?[：:]?", parts[first]):
        kept = parts[first + 1:] or parts[:first]
    else:
        kept = parts[first:]
    kept = [k for k in kept if not re.fullmatch(rf"(?:{ANAPHOR_CUE})", k)]
    if first and CONDITION.match(parts[0]):  # 「如果禮拜三都未搞得掂，晚會就轉去二號廳」: the plan B with its condition
        kept = parts[:first] + kept
    elif first and re.search(r"(?:開始|起)$", parts[first - 1]):  # 「下個月一號開始，前台改做…」: from when
        kept = [parts[first - 1]] + kept
    elif first and first == len(parts) - 1 and SINCE_ONLY.fullmatch(parts[first]):  # 「…通知客，由今日開始」: what starts, before
        kept = parts[max(0, first - 2):first + 1]
    for i, k in enumerate(kept[1:], start=1):
        if re.match(r"^(?:我哋本身|本身|因為|所以|不過|但係|話|即係)", k) or NOT_DECISION.search(k) or OWN_PART.match(k) \
                or OBSERVATION.search(k) and not re.match(r"唔好|唔再|不再", k):  # 「唔好再搵…」 is part of it
            kept = kept[:i]
            break
    return "，".join(kept) or sentence


AGREE_TAG = re.compile(r"[，,]?\s*(?:大家|你哋)?\s*(?:同唔同意|贊唔贊成|好唔好|得唔得|OK唔OK|ok唔ok|可唔可以|有冇意見|"
                       r"(?:同意|贊成|OK|ok|得|好)(?:嗎|嘛|呀|啊|吖嘛))[？?]?$")
AGREE_ASKED = re.compile(r"^(?:咁|好)?[，,\s]*(?:我哋|大家)?\s*(?:係咪|係唔係|是否)\s*(?:都)?\s*(?:一致)?\s*(?:同意|贊成|決定|通過)(?:咗)?\s*")
VIEWS_ASKED = re.compile(r"^(?:咁|噉)?\s*(?:大家|你哋)\s*(?:覺得|認為|睇|諗)?\s*(?:點|點樣|如何|點睇|點諗|有冇意見|有咩意見)\s*(?:呀|啊|呢)?\s*[？?]$")
PROPOSING = re.compile(r"(?:^|(?<=[，,]))\s*(?:(?:我|我哋)?(?:建議|提議)|(?:咁)?不如)\s*")  # the proposal, not who made it


# 「咁就照舊，唔改」, 「維持原定」: what was arranged stands
KEEP_AS_IS = re.compile(r"^(?:好|OK|ok|咁|嗯)?[，,\s]*(?:咁|噉)?\s*(?:就)?\s*(?:照舊|維持原(?:定|狀|案|先)|照原定|照原先)(?:安排|咁做)?(?:啦|喇|吖|囉)?"
                        r"(?:[，,\s]*(?:唔(?:使)?改|唔變|不改)(?:喇|啦|吖|囉)?)?[。！!]*$")


def _arrangement_before(transcript: Transcript, line: Line) -> str:
    """The arrangement a 「照舊」 keeps: the latest statement, not a question, in the two turns
    before by somebody else (「春茗我已經訂咗三月七號，喺上次嗰間酒樓」); else ""."""
    for previous in reversed(transcript.lines[max(0, line.index - 2):line.index]):
        if previous.speaker == line.speaker:
            continue
        for sentence in reversed(sentences(previous.text)):
            if not asks(sentence) and len(re.sub(r"\W", "", sentence)) >= 6:
                return sentence.rstrip("。！! ")
    return ""


def _proposal_before(reader: Reader, transcript: Transcript, line: Line) -> tuple[int, str] | None:
    """What an anaphoric 「就咁定」 agrees to: the latest substantive statement in the turns before
    that asks nobody to do something (「冇問題」 after 「Oscar 你跟埋」 accepts a task, decides nothing)."""
    for previous in reversed(transcript.lines[max(0, line.index - 3):line.index]):
        put_to_room = False
        for sentence in reversed(sentences(previous.text)):
            if (YOU_REQUEST.search(sentence) or reader.people.strip_leading(sentence.strip())) \
                    and reader.assigns(sentence, previous):  # 「Ken，份 proposal 後日交得唔得？」 「冇問題。」: a task taken
                return None
            put = AGREE_ASKED.match(sentence)  # 「我哋係咪一致同意熱線延長到十點？」 puts it to the meeting
            if put and len(re.sub(r"\W", "", sentence[put.end():])) >= 4:
                return previous.index, sentence[put.end():].rstrip("？? 。")
            tagged = AGREE_TAG.search(sentence) or put_to_room
            sentence = AGREE_TAG.sub("", sentence)  # 「我哋下年轉用新系統，大家同唔同意？」 proposes
            if tagged and len(re.sub(r"\W", "", sentence)) >= 4:
                return previous.index, PROPOSING.sub("", sentence)
            put_to_room = bool(VIEWS_ASKED.match(sentence.strip()))  # 「…，四號休息。大家覺得點？」: the sentence before is put
            if put_to_room:
                continue
            if (QUESTION.search(sentence) and not re.search(r"(?:^|[，,…\s])(?:咁)?不如", sentence)) or len(re.sub(r"\W", "", sentence)) < 6:
                continue  # a question decides nothing, unless it proposes (「不如用返舊年嗰間？」)
            if re.match(r"^(?:我同意|同意|我覺得|OK|好|冇問題|(?:早就|都|真係)?應該(?:咁|噉)做)", sentence):
                continue  # 「早就應該咁做」: agreeing with the proposal, not another one
            asked = transcript.lines[previous.index - 1] if previous.index else None
            if AGREED.match(sentence) and asked and asked.speaker == line.speaker and any(asks(s) for s in sentences(asked.text)):
                return None  # 「聽日先做得唔得？」 「得，聽日放工前做好佢。」 「冇問題。」: what the asker was granted, no decision
            if PROPOSAL.search(sentence):
                return previous.index, PROPOSING.sub("", sentence)
    return None


OBJECTION = re.compile(r"^(?:但係|不過|咁)?[，,\s]*(?:我|我哋)?(?:都)?(?:反對|唔同意|唔贊成|有保留)|(?<![A-Za-z])(?:I object|I disagree|I don't agree)",
                       re.IGNORECASE)


def _objected(transcript: Transcript, line: Line) -> bool:
    """Whether somebody objects in the two turns after an agreement (「同意。」 「我反對，太貴喇。」)."""
    return any(OBJECTION.search(later.text.strip()) for later in transcript.lines[line.index + 1:line.index + 3]
               if later.speaker != line.speaker)


PUT_OFF = re.compile(r"再傾|遲啲再講|遲啲再算|再諗過|(?:遲啲|之後|下次)再諗|擱置|押後再議|暫時唔決定|下次再講|(?<![A-Za-z])(?:let'?s discuss later|on hold)",
                     re.IGNORECASE)


def _put_off(transcript: Transcript, line: Line, text: str) -> bool:
    """Whether somebody objects to a decision (``text``) in the two turns after it, saying no more
    or naming what it decides, and it is then put off."""
    later = transcript.lines[line.index + 1:line.index + 4]
    objected = any(OBJECTION.search(t.text.strip()) and (shared_grams(t.text, text) or len(re.sub(r"\W", "", t.text)) <= 6)
                   for t in later[:2])
    return objected and any(PUT_OFF.search(t.text) for t in later)


WE_DECIDED = re.compile(r"(?:我哋|大家)\s*(?:已經|今日)?\s*(?:決定|定)咗")  # 「我哋決定咗 budget 維持五十萬」: nobody's task
SETTLED = re.compile(r"^(?:好|OK|ok|嗯)?[，,\s]*咁就\s*(?=\S{2})")  # 「咁就換」 says 「換」


# 「唔好住啦」, 「都係唔好喇」, 「算啦」: a proposal turned down
PROPOSAL_TURNED_DOWN = re.compile(r"^(?:嗯|咁|我諗)?[，,\s]*(?:都係)?(?:唔好住|唔好喇|唔好啦|唔使住|唔使喇|算啦|算數啦|暫時唔好)(?:啦|喇|吖|囉)?(?:[，,。！!]|$)")
PROPOSED = re.compile(r"(?:不如|建議|提議)\s*(?P<what>[^？?。]{3,})")


YOU_IN_CHARGE = re.compile(r"你(?!哋)\s*(?:繼續|照舊|都係|一樣)?\s*(?:負責|跟進|跟(?!住|返|手))")  # 「照舊你負責」: who does it, no decision


def _more_for_the_one_asked(reader: Reader, line: Line, raw_sentence: str) -> bool:
    """Whether a sentence with no subject of its own follows, in the same turn, a sentence that asks somebody to do
    something (「Ken，你即刻落 order 啦。未換之前部機貼張告示，唔好俾同事用住先。」): more for that person, no decision."""
    at = line.text.find(raw_sentence)
    before = sentences(line.text[:at]) if at > 0 else []
    return bool(before) and reader.assigns(before[-1], line) and not re.search(r"我哋|大家|全部人|各位|以後|由[^，,。]{1,8}(?:開始|起)", raw_sentence) \
        and not reader.people.mentioned(raw_sentence) and not re.search(r"(?:^|[，,])\s*(?:我|你|佢)(?!哋)", raw_sentence)


def decided_in(reader: Reader, line: Line, sentence: str, raw_sentence: str) -> tuple[list[RawDecision], bool]:
    """(the decisions a sentence of a turn states, whether it says nothing else: a vote, an anaphoric
    「就咁定」, a standing rule). ``sentence`` is ``raw_sentence`` as the item reader punctuated it."""
    transcript = reader.transcript
    if VOTE_RESULT.search(sentence) or VOTE_FAILED.search(sentence) and _motion_before(transcript, line):
        motion = _voted_on(transcript, line, sentence)
        if motion and _vote_failed(sentence):
            motion = f"{_motion_before(transcript, line) or motion}：唔通過"
        return ([RawDecision(turn=line.index, text=motion)] if motion else []), True
    if VOTE_CALL.search(sentence):  # the motion is decided by the result, if one comes
        return [], True
    if ANNOUNCED.search(sentence) and not YOU_REQUEST.search(sentence) and not reader.people.mentioned(sentence):
        return [], True
    at = line.text.find(raw_sentence)
    put = (sentences(line.text[at + len(raw_sentence):]) or [""])[0] if at >= 0 else ""
    if VIEWS_ASKED.match(put.strip()) and not STRONG.search(sentence):
        return [], False  # 「今年花紅延遲到七月發。大家覺得點？」: put to the room, decided only when agreed
    if PROPOSAL_TURNED_DOWN.match(sentence):
        found = _proposal_before(reader, transcript, line)
        proposed = ([m for m in PROPOSED.finditer(transcript.lines[found[0]].text)] or [None])[-1] if found else None
        if proposed and not re.match(r"\s*(?:我|你)(?!哋)", proposed["what"]):
            # 「另外我諗住…不如俾佢哋一個 discount？」 「唔好住啦」: not done, for now (「不如我聽日 call 客？」 is an offer)
            when, what = re.match(r"(今年|今次|呢次|下年|明年|出年|下次)?\s*(?:我哋|大家)?\s*(.*)", proposed["what"].rstrip("？?。！! ")).groups()
            return [RawDecision(turn=line.index, text=(when or "") + ("暫時" if "住" in sentence[:6] else "") + "唔" + what)], False
    if KEEP_AS_IS.match(sentence):
        kept = _arrangement_before(transcript, line)
        return ([RawDecision(turn=line.index, text=f"{kept}，照舊")] if kept else []), True
    if ANAPHORIC_DECISION.match(sentence):
        found = _proposal_before(reader, transcript, line)
        if found and _objected(transcript, line):  # 「同意。」 「我反對，…」: not agreed yet
            found = None
        if found and has_time_words(found[1], transcript.date) \
                and (not DAY_ONLY_WORDS.sub("", without_times(found[1], transcript.date)) or HANDED_OVER.search(found[1])):
            # 「得，咁就放完假返嚟嗰日，唔好再遲。」 「冇問題。」, 「…九點前俾晒 translation 你，得唔得？」 「OK，就咁。」: a task's due day
            found = None
        return ([RawDecision(turn=line.index, text=_decision_text(found[1]))] if found else []), True
    parts = clauses(sentence)
    if len(parts) > 1 and SETTLED.match(parts[0]) and DECISION.match(parts[0]) and not NOT_DECISION.search(parts[0]) \
            and not reader.assigns(parts[0], line) and reader.assigns("，".join(parts[1:]), line):
        # 「咁就十月中先上線，Priya 你更新個 timeline」: what is settled, then who does what about it
        return [RawDecision(turn=line.index, text=SETTLED.sub("", parts[0]).rstrip("啦喇吖囉 "))], False
    if DECISION.search(sentence) and not NOT_DECISION.search(_up_to_cue(raw_sentence)) \
            and not (SINCE_PAST.search(sentence) and not STRONG.search(sentence)) \
            and not (not STRONG.search(sentence) and _more_for_the_one_asked(reader, line, raw_sentence)) \
            and not (not STRONG.search(sentence) and YOU_IN_CHARGE.search(sentence)) \
            and not (not STRONG.search(sentence) and _accepts_request(reader, line)) \
            and (STRONG.search(sentence) or not reader.assigns(_without_cue(sentence), line)):
        text = _decision_text(sentence)
        at = line.text.find(raw_sentence)  # a sentence split at a correction (「…原本諗住…，…」) is no sentence of the turn's own
        after = sentences(line.text[at + len(raw_sentence):]) if at >= 0 else []
        if len(re.sub(r"\W", "", text)) < TERSE and after and not asks(after[0]) \
                and not reader.people.mentioned(after[0]) and not YOU_REQUEST.search(after[0]) \
                and not reader.assigns(after[0], line):  # 「咁唔退款。換貨或者送券揀一…」; not 「會計部嗰邊…覆核」, work given
            text = "，".join([text, after[0]])
        text = SETTLED.sub("", text)
        if len(re.sub(r"\W", "", text)) < TERSE:  # 「就咁話，分兩輪。」 after 「不如分兩輪？十一點半一輪，一點半一輪。」
            text = _proposed_before(transcript, line, text) or text
        if _put_off(transcript, line, text) or SINCE_ONLY.fullmatch(re.sub(r"^(?:係|是)", "", text)):  # 「決定咗…」 「我反對…」 「咁下次再傾」: nothing is
            return [], False  # decided yet; 「係呀，由十月十六號開始。」 alone says since when, of what was said before
        # 「由下個月開始…每個月尾點數，由 Ken 簽名」: a standing rule, no one-off task
        ours = WE_DECIDED.search(sentence) and not reader.people.mentioned(sentence) and not YOU_REQUEST.search(sentence)
        standing = RECURRING.search(sentence)  # 「你今日之內搵 agency 要多六個 temp 由下個禮拜一開始」: a task due today too
        own_due = standing and reader.assigns(sentence, line) and has_time_words(sentence[:standing.start()], transcript.date)
        own_part = any(OWN_PART.match(c) for c in clauses(sentence)[1:])  # 「由今日開始…，我今日會同清潔公司講」: and the speaker's
        return [RawDecision(turn=line.index, text=text)], bool((standing and not own_due or ours) and not own_part)
    if _agreement(sentence, transcript.date) and not _accepts_request(reader, line):
        agreed = _agreed_clauses(reader, sentence, line)
        if agreed:  # 「好，加 corporate gift。」: agreeing to do it is the decision
            return [RawDecision(turn=line.index, text=agreed)], False
    dropped = _dropped_when_asked(transcript, line, sentence)
    if dropped:
        return [RawDecision(turn=line.index, text=dropped)], False
    before = _before_somebody_asked(reader, sentence)
    if before and (STRONG_CHANGE.search(before) or CHOSEN.fullmatch(before)) and not NOT_DECISION.search(before) \
            and not reader.assigns(before, line):
        # 「下個禮拜一開始 helpdesk 改做朝早八點半開，Sharon 你通知晒全公司」, 「揀 A 方案，Ivy 你…」: then who tells people
        return [RawDecision(turn=line.index, text=_decision_text(before))], False
    return [], False


DROPPED = re.compile(r"^(?:嗰份|嗰個|呢份|呢個|嗰樣|呢樣|咁)?\s*(?:唔使|唔駛|唔洗|不用)\s*(?:做|搞|整|寫|搞住|做住)?(?:喇|啦|囉)?$")
STILL_WANTED = re.compile(r"(?:仲)?(?P<verb>[\u3400-\u9fff])唔(?P=verb)|(?:仲)?(?:使唔使|要唔要)")
INSTEAD = re.compile(r"(?:跟|用返|改用|改做|改為|等)[^，,。]{0,12}?(?:就得|就好|就夠|得喇)|就得$")  # 「我哋跟佢嗰份就得」
THAT_ONE = re.compile(r"^.*?(?:嗰份|嗰個|呢份|呢個|嗰樣|呢樣|嗰啲|呢啲)")


def _dropped_when_asked(transcript: Transcript, line: Line, sentence: str) -> str:
    """The work a question in the turn before asks about (「上次你叫我整嗰份員工問卷，仲做唔做？」)
    dropped by the answer for something else instead (「嗰份唔使做喇，…我哋跟佢嗰份就得」):
    「員工問卷唔做，我哋跟佢嗰份就得」; else ""."""
    said = clauses(sentence)
    instead = next((c for c in said[1:] if INSTEAD.search(c) and not NOT_ACTION.search(c)), None)
    if line.index == 0 or not said or not DROPPED.match(said[0].strip()) or instead is None:
        return ""  # 「嗰樣唔使做喇，auditor 已經話冇問題」: not needed, nothing decided instead
    asked = transcript.lines[line.index - 1]
    if asked.speaker == line.speaker:
        return ""
    for question in reversed(sentences(asked.text)):
        wanted = STILL_WANTED.search(question)
        if wanted:
            before = [c for c in clauses(question[:wanted.start()]) if c.strip()]
            thing = THAT_ONE.sub("", before[-1]).strip() if before else ""
            return f"{thing}唔做，{instead.strip()}" if thing and not VERB.fullmatch(thing) else ""
    return ""


CHOSEN = re.compile(rf"(?:咁|好|OK|ok)?[，,\s]*{CHOSEN_OPTION}")
# a change said before somebody is asked to act on it (not 「我哋開始吧」, which opens the meeting)
STRONG_CHANGE = re.compile(r"(?<!我哋)(?<!大家)(?<!而家)開始|起(?![碼身])|改做|改為|改成|改用|取消|暫停|唔再|不再|押後|延期|延遲|延後|推遲")


TERSE = 8  # characters a decision says too little in, on its own


def _proposed_before(transcript: Transcript, line: Line, text: str) -> str | None:
    """What a proposal in the three turns before said, with the sentence it was said with, when a
    terse decision repeats it (「不如分兩輪？十一點半一輪，一點半一輪。」 then 「就咁話，分兩輪。」)."""
    for previous in reversed(transcript.lines[max(0, line.index - 3):line.index + 1]):
        said = sentences(previous.text)
        for k, sentence in enumerate(said):
            proposed = PROPOSED.search(sentence)
            if proposed and shared_grams(proposed["what"], text) >= 2 and coverage(text, proposed["what"]) == 1 \
                    and not NOT_YES.search(line.text):  # 「唔得喎，…照租旅遊巴」: not what was proposed
                more = said[k + 1] if k + 1 < len(said) and not QUESTION.search(said[k + 1]) else ""
                return "，".join(c for c in clauses(proposed["what"]) + clauses(more))
    return None


def _before_somebody_asked(reader: Reader, sentence: str) -> str:
    """What a sentence says before it turns to somebody by name (「…，Sharon 你通知晒全公司」)."""
    asked = [start for _, start, end in reader.people.spans(sentence)
             if start > 0 and re.match(r"[，,\s]*(?:你|負責|跟|幫)", sentence[end:])]
    return sentence[:asked[0]].strip(" ，,") if asked else ""
