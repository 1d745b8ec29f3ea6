"""Things listed for one verb: 「攤位設計同埋宣傳單張，你兩樣跟一跟」 is two action items.

A request that names several things and then one verb for all of them (a count such as 兩樣 says
how many, or 同/同埋/、 joins them) asks for each thing to be done: 「跟進攤位設計」 and
「跟進宣傳單張」, two rows a person can tick off one by one. A modifier said once for the list
(「陳生嗰場嘅花藝同埋 backdrop 尺寸」) belongs to each thing that has none of its own.

When the speaker says the work is for each (「兩樣都」, 「一齊」), any verb serves and a day may come
between (「…同埋客戶名單，你兩樣都禮拜一之前交畀我」 → 「交季度報告畀我」, 「交客戶名單畀我」), and the
list may follow 你 (「你場地 layout 同嘉賓名單兩樣禮拜三前都要準備好」).
"""

from __future__ import annotations

import re

from assistant.extract.cues import OPENER
from assistant.extract.owners import OwnerResolver
from assistant.extract.tasks import FOLLOW_UP, VERB, VERB_WORD, spaced_scripts
from assistant.extract.text import sentences

# the verbs said once for several things, and how a task writes them
LIST_VERB = r"跟一跟|跟進|跟吓|跟下|跟埋(?:佢哋|佢)?|跟(?=[，,。！!\s]|$|啦|吖|住)|搞掂|搞定|處理|負責|睇一睇|睇吓|睇下"
VERB_WRITTEN = {"跟一跟": "跟進", "跟吓": "跟進", "跟下": "跟進", "睇一睇": "睇", "睇吓": "睇", "睇下": "睇", "搞定": "搞掂"}
COUNT = {"兩": 2, "三": 3, "四": 4}
_LISTED = re.compile(rf"^(?P<head>[^。！？!?]+?)\s*(?<![要會])你(?!哋)\s*(?:(?P<count>[兩三四])\s*(?:樣|件|part)(?:嘢|事)?)?\s*(?:都)?"
                     rf"\s*(?:幫手|嚟)?\s*(?P<verb>{LIST_VERB})(?![進])")
_EACH = r"(?:(?P<count>[兩三四])\s*(?:樣|件|part)(?:嘢|事)?\s*(?:都|一齊)?|都|一齊|一次過)"
_FOR_EACH = r"[^，,。！？!?；;]{0,16}?\s*(?:都)?\s*(?:要|會|幫手)?\s*" \
            rf"(?P<verb>{LIST_VERB}|{VERB_WORD})(?P<rest>[^，,。！？!?；;]*)"
# 「A同埋B，你兩樣都…交畀我」; 「你A同B兩樣…都要整好」
_EACH_AFTER = re.compile(rf"^(?P<head>[^。！？!?]+?)\s*(?<![要會])你(?!哋)\s*{_EACH}{_FOR_EACH}", re.IGNORECASE)
_EACH_BEFORE = re.compile(rf"^[^。！？!?，,]*?(?<![要會])你(?!哋)\s*(?P<head>[^。！？!?，,]+?)\s*"
                          rf"(?P<count>[兩三四])\s*(?:樣|件)(?:嘢|事)?{_FOR_EACH}", re.IGNORECASE)
# the work said after the list's generic verb, with only a day before it (「…，禮拜三之前 confirm 埋」)
THEN_DONE = re.compile(rf"[^，,。！？!?]*[，,]\s*[^，,。！？!?]{{0,12}}?(?:要|都要)?\s*(?P<verb>{VERB_WORD})\s*(?:埋|好|晒|咗)?\s*(?:啦|吖|喇)?\s*(?:[。！!]|$)",
                       re.IGNORECASE)
_PARTICLE = re.compile(r"^(?:埋|晒|咗)+|(?:佢哋|佢|埋|晒|啦|吖|喇|囉)+$")
_DONE = re.compile(r"^(?:好|完|掂|妥)")
# 同 that joins, not 同事, 合同, 同意, 一同
_AND = re.compile(r"\s*[，,]?\s*(?:同埋|(?<![合相共一陪連])同(?![事意時步學樣埋])|、|以及|及|(?<![A-Za-z])and(?![A-Za-z]))\s*", re.IGNORECASE)
# who a thing is followed up with, not a thing: 「報價同客戶你跟一跟」 is one task
PARTY = re.compile(r"(?:部|組|處|team|客戶|客人|客|供應商|廠|公司|老闆|同事|佢哋)$", re.IGNORECASE)
LOOSE_AND = re.compile(r"同埋|以及")  # 「新菜牌同埋 staff 嘅更表」: two things; a plain 同 may join two owners of one
_MODIFIER = re.compile(r"^(?P<whose>.+?嘅)\s*\S")
PROPER = re.compile(r"[A-Z][A-Za-z0-9]*(?:\s+[A-Z][A-Za-z0-9]*)*")  # 「Google Play」: a name, said to say whose
_NOT_A_THING = re.compile(r"[我你佢]|^\s*$")


def listed_tasks(turn_text: str, task: str, people: OwnerResolver) -> list[str] | None:
    """One task per thing when the sentence of ``task`` lists things for one verb, else None.

    ``turn_text`` is the turn the item came from; ``task`` is the item's raw text (a part of
    that turn). Returns e.g. ["跟進攤位設計", "跟進宣傳單張"]: 2 to 4 tasks, in the order said.
    """
    for sentence in sentences(turn_text):
        things = _listed(sentence, people)
        said = task.strip(" ，,。！!")
        if things and (any(thing.rpartition("嘅")[2].strip() in task for _, thing, _ in things) or said and said in sentence):
            return [spaced_scripts(f"{verb}{thing}{rest}") for verb, thing, rest in things]
    return None


def _listed(sentence: str, people: OwnerResolver) -> list[tuple[str, str, str]] | None:
    each = _EACH_AFTER.match(sentence) or _EACH_BEFORE.match(sentence)
    m = each or _LISTED.match(sentence)
    if not m or not each and VERB.match(sentence[m.end():].lstrip()):  # 「…同 voucher 你負責派去各間分店」: one sending of both
        return None
    head = m["head"].strip(" ，,")
    spans = people.spans(head)
    if spans and not head[spans[-1][2]:].strip(" ，,"):  # 「…，阿芝你兩樣跟一跟」: who, not a thing
        head = head[:spans[-1][1]].strip(" ，,")
    if spans and spans[0][1] == 0 and head[spans[0][2]:].lstrip().startswith(("，", ",")):  # 「Tony，攤位設計同…」
        head = head[spans[0][2]:].strip(" ，,")
    head = OPENER.sub("", head)
    things = [t.strip(" ，,") for t in _AND.split(head)]
    count = COUNT.get(m["count"] or "", 0)
    if len(things) < 2 or count and len(things) != count:
        return None
    if any(len(t) < 2 or _NOT_A_THING.search(t) or people.find_name(t) or PARTY.search(t) for t in things):
        return None
    of = _MODIFIER.match(things[-1])
    if of and all(PROPER.fullmatch(t) for t in things[:-1] + [of["whose"].removesuffix("嘅").strip()]):
        return None  # 「App Store 同 Google Play 嘅 featuring request」: one thing, of both
    if of and not LOOSE_AND.search(head) and "嘅" not in "".join(things[:-1]) and all(len(t) <= len(of["whose"]) for t in things[:-1]):
        return None  # 「站頭同車廂嘅時間表通告」: one thing of two places, each said as short as its owner
    whose = _MODIFIER.match(things[0])
    if whose:
        things = [things[0]] + [t if "嘅" in t else spaced_scripts(f"{whose['whose']}{t}") for t in things[1:]]
    verb, rest = m["verb"], _PARTICLE.sub("", (m["rest"] if each else "").strip()).strip()
    done = _DONE.match(rest)
    if done:  # 「整好」: the verb with its ending, before the thing
        verb, rest = verb + done[0], rest[done.end():].strip()
    verb = VERB_WRITTEN.get(verb, FOLLOW_UP.get(verb.removesuffix("佢哋").removesuffix("佢").removesuffix("埋"), verb))
    then = THEN_DONE.match(sentence, m.end()) if not each else None
    if then and verb in ("跟進", "負責", "處理", "搞掂") and not re.match(LIST_VERB, then["verb"]) \
            and not re.search(r"同\s*我(?!哋)\s*$", sentence[:then.start("verb")]):  # 「…，禮拜三之前同我 report」: reporting back
        verb, rest = then["verb"], ""  # 「場地同旅遊巴你跟，禮拜三之前 confirm 埋」: what following them up is
    return [(verb, thing, _PARTICLE.sub("", rest)) for thing in things]
