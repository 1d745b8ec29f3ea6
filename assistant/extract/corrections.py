"""Corrections said in passing, and a time pointed back to: of when (「禮拜三前交，唔係，禮拜四」, 「…，唔係，禮拜一係假期，禮拜二先交」) and
of who (「唔係，係阿傑交」, 「……唔係，我自己覆」). The rules reader applies them to the sentence or to
the items just given."""

from __future__ import annotations

import re
from datetime import date, timedelta

from assistant.extract.clock import find_clocks, zone_spans
from assistant.extract.dates import CN_NUM, cn_number, find_time_phrases
from assistant.extract.deadlines import STATE_AFTER, has_time_words, without_times
from assistant.extract.schema import RawItem
from assistant.extract.tasks import VERB
from assistant.extract.text import clauses, sentences


# how a correction of who opens: 「唔係」, 「講錯」, 「啊等等，其實都係 Ken 啦」
CORRECTION_HEAD = re.compile(r"^(?:唔好意思|sorry|啊|呀|哦|噢|呃)?[，,\s]*(?:唔係|講錯|唔係唔係|(?:(?:等等|等陣)[，,\s]*)?其實\s*都係(?=\s*\S{1,12}?\s*(?:啦|吖|好啲|好)))",
                             re.IGNORECASE)
# a correction of who was just asked: 「唔係，係阿傑交」, 「講錯，應該係 Ken」, 「唔係你，Ivy 寫」, 「唔係阿傑，係 Ivy 寫」
CORRECTION = re.compile(CORRECTION_HEAD.pattern + r"(?:我(?:嚟|去)?(?:跟|做|負責|搞|處理|交)?(?:嘅|㗎|喎|呀|啊|啦)*|喎|呀|你(?:呀|啊)?(?=[，,\s]))?"  # 「唔係我呀，係 Ken 負責」
                        r"[，,\s]*(?:我?講錯[，,\s]*)?(?:(?:份|個|張|嗰|呢)?\s*[^，,。\s]{1,8}?\s*(?:一向|一直|都)?\s*[，,]?\s*(?=係))?(?:係|應該係|改為)?\s*"  # 「唔係喎，份 budget 係阿強跟㗎」
                        r"(?P<who>[^，,。\s]{1,12}?|[A-Za-z]+(?: [A-Za-z]+)?)\s*(?:[，,]\s*(?=你))?(?:你)?\s*(?:自己)?\s*(?:嚟)?(?P<verb>交|做|跟進|跟|負責|搞|處理|去|寫|出|整|覆|打|睇|send|book|check)?"
                        r"(?:好啲)?(?:啦|喇|先|呀|嘅|㗎|喎)*"
                        # why: 「…，Ken 你忙」, 「…，我冇 access」, 「…，佢識個場主」
                        r"(?:[，,]\s*[^，,。]{0,8}(?:忙|唔得閒|冇時間|放假|抽唔到身|太多嘢做|冇\s*[^，,。]{1,10})[^，,。]{0,4}|[，,]\s*佢[^，,。]{1,12})?[。！!]?$", re.IGNORECASE)


# the asker takes back the task just given (「唔係，我自己覆」, 「唔係，唔關你事」) or hands it to themselves
# (「今次改由我寫」, 「咁改為我自己跟啦」)
TAKEN_BACK = re.compile(r"^(?:唔好意思|sorry|啊|呀|哦|噢|呃)?[，,\s]*(?:唔係|講錯|算啦)[，,\s]*(?:\S{1,12}?[，,\s]*|[^，,。]{1,12}?[，,]\s*)?"
                        r"(?:(?:唔關你事|唔使你(?:理|跟|做|搞)|你唔使理)[，,\s]*)?"
                        r"(?:改由|改為由|改為|轉由|換由)?\s*(?P<me>我(?!講錯)(?:自己)?(?:嚟)?\s*(?:\S{1,2}|[A-Za-z]+)?(?:啦|喇|先|呀|嘅|㗎|喎)*|(?:你係\s*\S{1,6}[，,\s]*)?唔關你事)[。！!]?$"
                        r"|^(?:(?:今次|咁|噉|不如|都係)[，,\s]*)?(?:改由|改為由|改為|改做|轉由|換由)\s*"
                        r"(?P<me_too>我(?:自己)?(?:嚟)?\s*(?:\S{1,2}|[A-Za-z]+)?(?:啦|喇|先|呀|嘅|㗎|喎)*)[。！!]?$")


# 「禮拜三前交，唔係，禮拜四」: the speaker corrects the time just said
TIME_CORRECTION = re.compile(r"(?P<cue>[，,\s]*(?:(?:唔好意思|sorry|啊|哦|呀|噢|呃)[，,\s]*)?(?:唔係|講錯|更正)(?:[，,\s]*(?:唔係|講錯))*"
                             r"(?:[^，,。！!]{0,8}[，,\s]+(?:係|應該係|改為|改做)|[，,\s]+(?:係|應該係|改為|改做)?|(?:係|應該係|改為|改做))\s*)(?P<new>[^，,。！!]+?)\s*(?:先啱|至啱)?(?:啦|喇|呀|啊)?(?=$|[，,。！!])",
                             re.IGNORECASE)


SLIP_FIRST = re.compile(r"(?<![^，,。！!])(?P<wrong>[^，,。！!]+?)[，,\s]*(?:(?:唔好意思|sorry|啊|呃|哦)[，,\s]*)?(?:唔係|講錯|更正)(?:[，,\s]*(?:唔係|講錯))*"  # from a clause start only: inside a long clause the lazy run is quadratic
                        r"[，,\s]*(?:係|應該係)?\s*(?=\S)", re.IGNORECASE)
NOT_BUT = re.compile(r"唔係(?:話)?\s*(?P<wrong>[^，,。！!]{1,12}?)[，,\s]*(?:而係|應該係|係)\s*")  # 「唔係聽日，係今日…」


def time_corrected(sentence: str, today: date) -> str:
    """The sentence with a time said again after 「唔係」 put in place of the one it corrects
    (「Ken 你禮拜三前交份報價，唔係，禮拜四」 → 「Ken 你禮拜四前交份報價」, 「Ken，唔係話聽日，係今日五點前交」
    → 「Ken，今日五點前交」), or said again more fully (「禮拜五，下個禮拜五」); unchanged otherwise."""
    sentence = _restated(sentence, today)
    slip = SLIP_FIRST.search(sentence)
    if slip and only_time(slip["wrong"], today):
        rest = sentence[slip.end():]
        said = find_time_phrases(rest, today)
        if said and said[0].start == 0:  # 「Ivy，下個禮拜三，唔好意思講錯，下個禮拜四前出…」: the day said again
            sentence = sentence[:slip.start("wrong")] + rest
    elif slip and only_time(re.sub(r"^(?:我|你)(?!哋)|[…．.—\-~\s]+$", "", slip["wrong"].strip()), today):
        said = clauses(sentence[slip.end():])  # 「我禮拜五……唔係，禮拜五係 Good Friday，咁我禮拜四 upload 啦」: why not, then the work
        if len(said) > 1 and has_time_words(said[0], today) and has_time_words(said[1], today) and VERB.search(said[1]):
            sentence = sentence[:slip.start("wrong")] + "，".join(said[1:])
    wrong = NOT_BUT.search(sentence)
    alone = wrong and not sentence[:wrong.start()].strip(" ，,") and only_time(sentence[wrong.end():].strip(" 。！!"), today)
    if wrong and has_time_words(wrong["wrong"], today) and not without_times(wrong["wrong"], today).strip() \
            and has_time_words(sentence[wrong.end():], today) and not alone:  # 「唔係禮拜五，係禮拜四。」 alone corrects the day said before
        return sentence[:wrong.start()] + sentence[wrong.end():]
    for m in TIME_CORRECTION.finditer(sentence):
        end_at, new_text = m.end(), m["new"]
        after = re.match(r"[，,\s]*(?P<next>[^，,。！!]+)", sentence[m.end():])
        if not only_time(new_text, today) and only_time(LATER_ONLY.sub("", new_text), today):
            new_text = LATER_ONLY.sub("", new_text)  # 「…，啊唔係，後日先打」
        if after and (TOO_LATE.search(new_text) or not only_time(new_text, today)):
            # 「…，唔係，兩個禮拜太遲，禮拜一之前」, 「…，唔係，禮拜一係假期，禮拜二先交」: the clause after is the time
            said_then = LATER_ONLY.sub("", after["next"])
            if TOO_LATE.search(new_text) or only_time(said_then, today):
                new_text, end_at = said_then, m.end() + after.end()
        new = _spans(find_time_phrases(new_text, today)) or _spans(find_clocks(new_text))
        said = _spans(find_time_phrases(sentence[:m.start()], today) if find_time_phrases(new_text, today)
                      else find_clocks(sentence[:m.start()]))  # a day for a day, a clock for a clock (「三點前，唔係，五點」)
        if not said or not new or not only_time(new_text, today):
            continue
        (start, end), (new_start, new_end) = said[-1], new[0]
        return sentence[:start] + in_week_of(new_text[new_start:new_end], sentence[start:end]) + sentence[end:m.start()] + sentence[end_at:]
    return sentence


def _restated(sentence: str, today: date) -> str:
    """「咁改禮拜五，下個禮拜五」, 「三點，下晝三點」: a time said again more fully right after it is the one meant."""
    for found in (find_time_phrases(sentence, today), find_clocks(sentence)):
        for said, again in zip(found, found[1:]):
            said_text, again_text = sentence[said.start:said.end], sentence[again.start:again.end]
            if len(again_text) > len(said_text) and again_text.endswith(said_text) \
                    and re.fullmatch(r"[，,、\s]+", sentence[said.end:again.start]):
                return sentence[:said.start] + sentence[again.start:]
    return sentence


LATER_ONLY = re.compile(r"\s*(?:(?:先|至|才)\s*(?:[\u3400-\u9fff]{1,2}|[A-Za-z]+)?)?\s*(?:啦|喇|吖|呀)?$")  # 「禮拜二先交」: only the day is new


TOO_LATE = re.compile(r"太遲|太耐|太長|太緊|唔夠|唔得|too late|too long", re.IGNORECASE)


def after_refusal(sentence: str) -> str:
    """What a sentence says after turning down the time offered (「禮拜一太遲，Mandy 你聽日去啦」 → 「Mandy 你聽日去啦」);
    empty when its first clause turns down nothing."""
    said = clauses(sentence)
    return "，".join(said[1:]) if said and TOO_LATE.search(said[0]) else ""


def only_time(text: str, today: date) -> bool:
    """Whether text says nothing but a time (「禮拜四」, 「禮拜一之前」)."""
    return not re.sub(r"之前|以前|前|之內|以內|內|或之前", "", without_times(text, today)).strip()


def _spans(found: list) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in found]


# 「唔係，你已經夠忙」, 「唔係喎，阿傑做緊 audit」: why the one just asked is not to do it, before who is asked instead
BUSY_REASON = re.compile(r"(?P<cue>唔係|講錯|算啦|都係唔好)(?:喎|呀)?[，,\s]*(?:你|佢|[^，,。！!？?\s你佢我]{1,8}?)(?!哋)[^，,。！!？?]{0,10}?"
                         r"(?:忙|唔得閒|冇時間|抽唔到身|放緊假|太多嘢做|做唔切|趕唔切|搞唔掂|(?:做|搞|跟|忙)緊\s*[^，,。！!？?]{1,12}?)(?:緊|喇|啦|呀|㗎|喎|嘅)*\s*(?:[，,。！!]\s*|$)")


def _reason_apart(sentence: str) -> list[str]:
    """「個 email 阿傑你寫啦……唔係，你已經夠忙。」 → the request, and the correction with its reason."""
    m = re.search(r"(?:…|\.{3}|[，,])+\s*(?=(?:唔係|講錯|算啦|都係唔好)[，,\s])", sentence)
    return [sentence[:m.start()], sentence[m.end():]] if m and BUSY_REASON.fullmatch(sentence[m.end():].strip()) else [sentence]


# 「…，啊唔係，佢禮拜五放假，你聽日打啦」: the correction asks again, with its own day
ASKED_AGAIN = re.compile(r"[，,]\s*你(?!哋)[^，,。]{0,12}?(?:啦|吖|喇)?(?:[，,]\s*[^，,。]{1,8})?[。！!]?$")  # 「…你聽日打啦，禮拜四」


def taking_back(sentence: str, today: date) -> tuple[re.Match[str] | None, str]:
    """The asker taking back the task (TAKEN_BACK), and what it says after it with a time, the due time of the
    work taken back: 「呀唔係，我自己跟，月尾前 confirm 晒」 → (…我自己跟, 「月尾前 confirm 晒」); (None, "") when it does not."""
    whole = TAKEN_BACK.match(sentence)
    if whole:
        return whole, ""
    for m in re.finditer(r"[，,]", sentence):
        head = TAKEN_BACK.match(sentence[:m.start()])
        if head and not has_time_words(sentence[:m.start()], today) and has_time_words(sentence[m.end():], today):
            return head, sentence[m.end():]
    return None, ""


def corrections_apart(said: list[str], today: date) -> list[str]:
    """Sentences with a correction of who as its own (「Ken 你覆傳媒……唔係，我自己覆」, 「…，唔係，Mandy 交」);
    a correction of when stays with what it corrects. A reason given with the correction goes
    (「唔係，你已經夠忙。Ivy，你寫」 → 「唔係，Ivy，你寫」)."""
    joined: list[str] = []
    for sentence in (part for sentence in said for part in _reason_apart(sentence)):
        if joined and BUSY_REASON.fullmatch(joined[-1].strip()):
            joined[-1] = "唔係，" + sentence
        else:
            joined.append(sentence)
    out = []
    for sentence in (BUSY_REASON.sub("唔係，", s) for s in joined if not BUSY_REASON.fullmatch(s.strip())):
        parts = re.split(r"(?:…|\.{3})+\s*(?=唔係|講錯)|(?:[，,]|[—―]++|-{2,}+)\s*(?=(?:(?:啊|呀|哦|呃)\s*)?(?:唔係|講錯)[，,\s])", sentence)
        apart = all(not has_time_words(p, today) and (CORRECTION.match(p) or TAKEN_BACK.match(p))
                    or ASKED_AGAIN.search(p) and has_time_words(p, today) or taking_back(p, today)[1] for p in parts[1:])
        out += parts if apart else [sentence]
    return out


def time_said_again(sentence: str, today: date, said: str = "") -> str | None:
    """The time a sentence that only corrects the one said before gives (「唔係，禮拜四。」, also with a
    reason after it: 「唔係，禮拜三，因為禮拜四開會」), in the week of the time ``said`` before
    (「下個禮拜四」 corrected to 「禮拜三」 is 「下個禮拜三」), else None."""
    m = TIME_CORRECTION.fullmatch(REASON_AFTER.sub("", sentence.rstrip("。！! ")))
    if not m or not (find_time_phrases(m["new"], today) or find_clocks(m["new"])) or not only_time(m["new"], today):
        return None
    found = find_time_phrases(said, today)
    new = in_week_of(m["new"], said[found[-1].start:found[-1].end]) if found else m["new"]
    return new if re.search(r"前|內", new) else f"{new}前"  # it stands for the due time said before


# 「…，因為禮拜四開會」, 「…，禮拜四我唔喺度」: why, after the time said again
REASON_AFTER = re.compile(r"[，,]\s*(?:(?:因為|因爲|咁就|費事|唔係就)[^，,。]*|[^，,。]*?(?:" + STATE_AFTER.pattern + r"))$")
WEEK_SAID = re.compile(r"^\s*(?P<week>(?:下下|下|今|呢)\s*(?:個)?\s*)(?:禮拜|星期|週|周)")
BARE_WEEKDAY = re.compile(r"^\s*(?:禮拜|星期|週|周)[一二三四五六日天]")


def in_week_of(new: str, old: str) -> str:
    """A bare weekday said to correct another in the week the other named (「下個禮拜四」, then
    「禮拜三」 → 「下個禮拜三」); anything else as it is."""
    week = WEEK_SAID.match(old)
    return f"{week['week']}{new.strip()}" if week and BARE_WEEKDAY.match(new) else new


def correction_of_who(sentence: str, today: date) -> tuple[re.Match[str] | None, str]:
    """The correction of who a sentence makes (CORRECTION), and what it says after it with a time,
    the due time of the work handed on: 「唔係，Ivy 你寫，月尾前發出」 → (…Ivy…寫, 「月尾前發出」)."""
    whole = CORRECTION.match(sentence)
    if whole:
        return whole, ""
    if not CORRECTION_HEAD.match(sentence):  # each clause end is tried below: only where one can start
        return None, ""
    for m in re.finditer(r"[，,]", sentence):
        head = CORRECTION.match(sentence[:m.start()])
        if head and head["verb"] and has_time_words(sentence[m.end():], today):
            return head, sentence[m.end():]
    return None, ""


def corrected_items(said: list[RawItem], verb: str | None, wider: list[RawItem] = ()) -> list[RawItem]:
    """The items a correction of who is about: those with its verb (「唔係，係阿傑交」), in ``said`` or
    else in the ``wider`` ones given a little before (another task came between), else (or when none
    has it) those of the person addressed last; never a group's."""
    own = [item for item in said if not item.group]
    specific = verb and verb not in ("做", "搞", "跟", "負責", "處理")
    with_verb = [item for item in own if verb in item.task] if specific else []
    with_verb = with_verb or ([item for item in wider if not item.group and verb in item.task][-1:] if specific else [])
    # 「…份報告禮拜五前要交，何小姐你跟。」 「唔係，你已經夠忙，阿文你寫。」: no task with 寫, the one just given
    return with_verb or ([item for item in own if item.owner == own[-1].owner] if own else [])


# 「我喺嗰個時間之前 send 俾你」: by the time somebody has just said
POINTED_BACK = re.compile(r"嗰個時間|嗰個鐘|嗰陣時|嗰陣|嗰個時候|(?<![A-Za-z])that time(?![A-Za-z])", re.IGNORECASE)
BEFORE_THEN = re.compile(r"\s*(?:之前|以前|前|或之前)|(?<=time) *before", re.IGNORECASE)
NEAR_TIME = 8  # characters between a day, its clock and its zone
# 「我喺你開會之前 send 俾你」: before an event of theirs whose time was just said (「我聽日三點同客開會」)
EVENT_BEFORE = re.compile(r"(?:你|佢)(?:哋)?\s*(?P<event>[\u3400-\u9fff]{2,4}?|[A-Za-z]{3,12})\s*(?=之前|以前|前)")


def time_referred(sentence: str, earlier: list[str], today: date) -> str:
    """The sentence with 「嗰個時間之前」 replaced by the time the latest of the ``earlier`` texts
    said, with its clock and zone (「我 London time 禮拜一朝早十點要 present」 → 「…喺 London time
    禮拜一朝早十點之前…」), and 「你開會之前」 by the time of the latest earlier text that names that
    event; unchanged when no time was said or the sentence says its own."""
    pointed = POINTED_BACK.search(sentence)
    if not pointed or not BEFORE_THEN.match(sentence, pointed.end()):
        pointed = next((m for m in EVENT_BEFORE.finditer(sentence) if any(m["event"] in text for text in earlier)), None)
    if not pointed or has_time_words(sentence, today):
        return sentence
    for text in reversed(earlier):
        if pointed.re is EVENT_BEFORE and pointed["event"] not in text:
            continue
        spans = _spans(find_time_phrases(text, today)) + _spans(find_clocks(text))
        if not spans:
            continue
        start, end = spans[-1]
        for a, b in sorted(spans + zone_spans(text), reverse=True):  # the day, clock and zone said together
            if b >= start - NEAR_TIME and a <= end + NEAR_TIME:
                start, end = min(start, a), max(end, b)
        return sentence[:pointed.start()] + text[start:end] + sentence[pointed.end():]
    return sentence


SAME_DAY = re.compile(r"即日|同一日|同日|當日")


def same_day_said(sentence: str, today: date) -> str:
    """The sentence with 「即日」 (「同一日」, 「當日」) replaced by the day an earlier clause of it said:
    「Ben 下個工作天 lock 晒，我即日出 EDL」 → 「…，我下個工作天出 EDL」; unchanged when no clause before
    says a day (then 即日 is today)."""
    same = SAME_DAY.search(sentence)
    cut = max(sentence.rfind("，", 0, same.start()), sentence.rfind(",", 0, same.start())) if same else -1
    days = [p for p in find_time_phrases(sentence[:cut], today) if p.start < cut] if cut > 0 else []
    if not days:
        return sentence
    return sentence[:same.start()] + sentence[days[-1].start:days[-1].end] + sentence[same.end():]


RIGHT_AFTER = re.compile(r"[，,]\s*(?:之後|跟住|然後)\s*(?:即刻|馬上|立即|即時)\s*(?=\S)")
EVENT_ENDS = re.compile(r"(?:完|咗)[^，,。]{0,20}$|(?:好|之後|以後|後)$")  # 「拍賣完」, 「開完 trade fair 個會」


def right_after_said(sentence: str, today: date) -> str:
    """The sentence with an event's end and 「之後即刻」 replaced by the time the event ends: 「我荷蘭時間禮拜五
    下晝兩點拍賣完，之後即刻 confirm 數量」 → 「我荷蘭時間禮拜五下晝兩點 confirm 數量」 (due then, not today, and
    the event itself is no task); unchanged when the clause before says no time."""
    after = RIGHT_AFTER.search(sentence)
    if not after:
        return sentence
    said = clauses(sentence[:after.start()])
    event = said[-1] if said else ""
    times = [(p.start, p.end) for p in find_time_phrases(event, today)] + [(c.start, c.end) for c in find_clocks(event)]
    if not times or not EVENT_ENDS.search(event.strip()):
        return sentence
    end = max(t[1] for t in times)
    before = sentence[:after.start()][:-len(event)] if sentence[:after.start()].endswith(event) else ""
    return f"{before}{event[:end]} {sentence[after.end():]}"


# 「壽宴前三日」, 「開張之前兩個禮拜」, 「發布會三日前」: a span of time before an event whose day was said earlier
BEFORE_EVENT = re.compile(rf"(?P<event>[\u3400-\u9fff]{{2,4}}?|[A-Za-z]{{3,12}})\s*(?:(?:之前|以前|前)\s*(?P<n>{CN_NUM})\s*(?P<unit>日|天|個?(?:禮拜|星期|週))"
                          rf"|(?P<n2>{CN_NUM})\s*(?P<unit2>日|天|個?(?:禮拜|星期|週))\s*(?:之前|以前|前))")


def _before_meeting(sentence: str, earlier: list[str], today: date) -> str:
    """「聽日兩點開會，阿強你開會前 print 好啲 handout」: 「開會前」 is by the day and time the meeting was given
    in this turn or, failing that, the ``earlier`` turns (latest first; 「下個禮拜二開董事會」 is a 開會)."""
    m = BEFORE_MEETING.search(sentence)
    if not m:
        return sentence
    whose = re.search(r"[你佢](?:哋)?\s*$", sentence[:m.start()])  # 「你開會之前」: that person's meeting is time_referred's
    texts = [sentence[:m.start()]] + (earlier[-1:] if whose else list(reversed(earlier)))  # this turn, else the ones before
    named = r"開[\u3400-\u9fff]{0,3}會" if m["event"] == "開會" else re.escape(m["event"])  # 「開董事會」 is 開會
    for said in (said for text in texts for said in reversed(sentences(text))):
        found = re.search(named, said, re.IGNORECASE)
        at = found.start() if found else -1
        days = find_time_phrases(said[:at], today) if at >= 0 else []
        if days and not find_time_phrases(said[at:], today):
            day = days[-1]
            clock = next((c for c in find_clocks(said) if day.end <= c.start <= at), None)
            when = said[day.start:clock.end if clock else day.end]
            return f"{sentence[:m.start()]}{when}前{sentence[m.end():]}"
    return sentence


BEFORE_MEETING = re.compile(r"(?P<event>開會|個會|會議|見客|面試|簡報|(?<![A-Za-z])(?:meeting|presentation|demo))\s*(?:之前|以前|前)(?!\s*[一二兩三四五六七八九十\d])",
                            re.IGNORECASE)


def before_event(sentence: str, earlier: list[str], today: date) -> str:
    """The sentence with 「壽宴前三日」 replaced by that day (「2029年3月21號前」) when an ``earlier`` text
    (the meeting so far) gave the event's day (「壽宴定咗三月二十四號」); 「開會前」 by the meeting's day and
    time; unchanged otherwise."""
    if not find_time_phrases(sentence, today) or BEFORE_MEETING.search(sentence) \
            and not find_time_phrases(sentence[BEFORE_MEETING.search(sentence).start():], today):
        sentence = _before_meeting(sentence, earlier, today)
    said_here = find_time_phrases(sentence, today)
    for m in BEFORE_EVENT.finditer(sentence):
        if find_time_phrases(m["event"], today) or any(p.start < m.end("event") <= p.end for p in said_here):
            continue  # 「禮拜五前三日」 is no event; 「中秋前一個禮拜」 is a day of its own
        names = [m["event"][k:] for k in range(len(m["event"]) - 1)]  # 「你壽宴」: 壽宴, the word before 前
        texts = [sentence[:m.start()]] + [text[:text.find(sentence)] if sentence in text else text for text in reversed(earlier)]
        for said in (said for text in texts for said in reversed(sentences(text))):
            event = next((name for name in names if name in said), "")
            days = find_time_phrases(said, today) if event else []
            if days:  # the day said with the event: 「壽宴定咗三月二十四號」, 「新分店四月十號開張」
                count, unit = cn_number(m["n"] or m["n2"]), m["unit"] or m["unit2"]
                at = said.find(event)
                nearest = min(days, key=lambda p: min(abs(p.start - at), abs(p.end - at)))
                day = nearest.day - timedelta(days=count * (1 if unit in "日天" else 7))
                if day < today:
                    return sentence
                return f"{sentence[:m.start()]}{day.year}年{day.month}月{day.day}號前{sentence[m.end():]}"
    return sentence
