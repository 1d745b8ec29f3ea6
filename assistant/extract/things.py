"""The thing a task names briefly, named in full as the meeting said it a little before (「清好洗車池」
after 「地盤門口個洗車池塞咗」 → 「清好地盤門口洗車池」): a minute-taker writes the whole name, since the
table is read without the talk around it."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from assistant.extract.dates import find_time_phrases
from assistant.extract.owners import Person, resolver_for
from assistant.extract.tasks import VERB
from assistant.extract.text import clauses, sentences
from assistant.extract.transcript import Transcript

TURNS_BACK = 6  # how far back the full name is looked for
MODIFIER_READ = 40  # characters either side of a name read for the words that say which one
# the object after the task's first verb: a complement (好/晒…) and a classifier (份/個…) before it, a
# recipient (俾 Ivy) or a part of day after it left out
OBJECT = re.compile(r"^\s*(?:好|晒|哂|埋|返|齊|完|咗|一下|吓|下)?\s*(?:嗰|呢)?\s*(?:份|個|張|啲|條|批|架|部|間|封|本|套|單|次)?\s*"
                    r"(?P<thing>[\u3400-\u9fff]{2,6}|[A-Za-z][A-Za-z0-9]*(?: [A-Za-z][A-Za-z0-9]*){0,2})"
                    r"\s*(?=$|[，,]|(?:俾|畀|給|to |同|去|落|入)\s*\S)")
# what cannot be part of a thing's name: people, modals, particles, linking words
NOT_NAME = re.compile(r"[我你佢哋要係同將把喺啲嗰呢就都有冇唔想去嚟俾畀話講問叫幫啦喇呀吖喎咗緊過晒埋返先再仲又已經而家啱已未嘅噉咁好個份用前完得到在是的了咪知]"
                      r"|如果|假如|萬一|之後|以後|因為|所以|不過|但係|或者|其實|即係|原來|聽講|好似|應該|可能|成日|經常|另外|全部|所有"
                      r"|外面|出面|入面|裏面|上面|下面|上個?月|上個?(?:禮拜|星期|週|周)|上次|今次|下次|尋日|琴日|今朝|頭先|啱啱|(?<!開|大|小)會(?!議|所|計|員|長|堂)"
                      r"|[，,。！!？?：:；;、（）()「」]|(?<![A-Za-z])[a-z][A-Za-z]*(?![A-Za-z])")  # English words: "I can have a draft"
CLASSIFIER = re.compile(r"(?:嘅|之|的)?\s*(?:嗰|呢)?\s*(?:份|個|張|條|批|架|部|間|封|本|套|單)?\s*$")
SUBSTANCE = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9]+")
GENERIC = re.compile(r"^(?:嘢|事|野|問題|情況|資料|文件|嘢做|時間|安排|數|人)$")  # 「搞掂啲嘢」: no name to complete


def _modifier(clause: str, start: int, today: date, people: tuple[Person, ...]) -> str:
    """The words right before a thing's name at ``start`` of the clause that say which one (「鋼板樁 CNP
    噪音許可證」 of 「…鋼板樁 CNP 噪音許可證申請」): back to a person, a verb, a time or a linking word."""
    clause = clause[max(0, start - MODIFIER_READ):start + MODIFIER_READ]  # a long run-on clause: only near the name
    start = min(start, MODIFIER_READ)
    before = CLASSIFIER.sub("", clause[:start])
    stop = max((m.end() for m in NOT_NAME.finditer(before)), default=0)
    for verb in VERB.finditer(clause):  # in the clause around it: 「打」 is a verb before 「電話」
        if verb.start() < len(before):
            stop = max(stop, min(verb.end(), len(before)))
    for phrase in find_time_phrases(before, today):
        stop = max(stop, phrase.end)
    for _, _, end in resolver_for(people).spans(before):
        stop = max(stop, end)
    return before[stop:].strip()


def _spaced(left: str, right: str) -> str:
    """left and right joined, with a space where Latin or digits meet another word."""
    latin = re.compile(r"[A-Za-z0-9]")
    apart = left and right and (latin.match(left[-1]) or latin.match(right[0])) and not right[0].isspace()
    return f"{left} {right}" if apart else left + right


def named_in_full(task: str, transcript: Transcript, turn: int | None) -> str:
    """The task with the object of its first verb named as the turn or the TURNS_BACK before it name
    it with more words before it; the task as it is when none does or two name two different ones,
    when the object is generic or a pronoun, or when the fuller name is already in the task."""
    if turn is None:
        return task
    verb = VERB.search(task)
    if not verb:
        return task
    obj = OBJECT.match(task[verb.end():])
    if not obj or GENERIC.match(obj["thing"]):
        return task
    texts = tuple(line.text for line in transcript.lines[max(0, turn - TURNS_BACK):turn + 1])
    fuller = set(_fuller_names(obj["thing"], texts, transcript.date, transcript.people))
    if len(fuller) != 1 or next(iter(fuller)) in task:  # two of them (「三樓…」, 「五樓…」): which one is for a person to say
        return task
    at = verb.end() + obj.start("thing")
    return _spaced(_spaced(task[:at].rstrip(), fuller.pop()), task[at:])


@lru_cache(maxsize=1024)  # every task of a long turn asks about the same few things in the same lines
def _fuller_names(thing: str, texts: tuple[str, ...], today: date, people: tuple[Person, ...]) -> frozenset[str]:
    """The longest sayings of ``thing`` with words before it that say which one, in ``texts``."""
    said = re.compile(rf"(?<![A-Za-z]){re.escape(thing)}(?![A-Za-z])", re.IGNORECASE)
    fuller = {more for text in texts for clause in (c for s in sentences(text) for c in clauses(s))
              for m in said.finditer(clause)
              if 2 <= len(SUBSTANCE.findall(more := _modifier(clause, m.start(), today, people))) and len(more) <= 16}
    return frozenset(more for more in fuller if not any(more != other and more in other for other in fuller))  # the longest


# 「訂十箱」, 「訂多三盒」: a verb and how many, the thing counted left out
COUNTED = re.compile(r"^(?P<head>.*?(?:多|埋|返)?\s*[一二兩三四五六七八九十百千幾\d]+\s*(?:箱|包|盒|樽|瓶|支|枝|件|張|本|套|罐|袋|卷|打|排|對|隻|桶|磅|公斤|kg))"
                     r"\s*(?P<tail>(?:[，,]|(?:俾|畀|給|返嚟|返)\s*\S).*)?$", re.IGNORECASE)
# 「倉入面啲 A4 紙就快用完」: a thing running low, said as the reason to order more
RUNNING_LOW = re.compile(r"(?P<thing>[^，,。！!？?]{1,20}?)\s*(?:就快|快要|快|已經|都|差唔多)?\s*"
                         r"(?:用完|用晒|冇晒|唔夠(?:用)?|淨返|剩返|得返|賣晒|斷貨|缺貨|冇貨|過期)")
WHICH = re.compile(r"^.*(?:啲|嘅|個|嗰|呢|(?<![A-Za-z])d\s)")  # 「茶水間啲咖啡豆」: the words after the last determiner
COUNTED_TURNS = 2  # turns back a thing running low is looked for


def counted_in_full(task: str, transcript: Transcript, turn: int | None) -> str:
    """The task with the thing it counts named (「訂十箱」 after 「啲 A4 紙就快用完喇」 → 「訂十箱 A4 紙」) when the
    turn or the COUNTED_TURNS before it say which thing is running low; the task as it is otherwise."""
    counted = COUNTED.match(task.strip())
    if turn is None or not counted or not VERB.search(counted["head"]):
        return task
    line = transcript.lines[turn]
    said = [line.text[:max(0, line.text.find(counted["head"].strip()))]] + \
        [previous.text for previous in reversed(transcript.lines[max(0, turn - COUNTED_TURNS):turn])]
    for text in said:
        low = [WHICH.sub("", m["thing"]).strip() for c in clauses(text) for m in [RUNNING_LOW.search(c)] if m]
        low = [thing for thing in low if thing and not re.search(r"[我你佢]", thing)]
        if low:
            return _spaced(_spaced(counted["head"].strip(), low[-1]), counted["tail"] or "")
    measure = counted["head"].strip()[-1]
    named = re.search(rf"(?<![\u3400-\u9fff])(?P<thing>[\u3400-\u9fff]{{2,6}}{measure})(?=\s*(?:原本|本來|就|嗰樣|，|,))", said[0]) \
        if "\u3400" <= measure <= "\u9fff" else None
    if named:  # 「宣傳單張原本係豪仔跟，…阿謙，…印好五百張」: five hundred leaflets
        return _spaced(_spaced(counted["head"].strip(), named["thing"][:-1]), counted["tail"] or "")
    return task
