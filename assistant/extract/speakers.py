"""Who the diarisation labels are: S1, S2 … named from what the meeting itself says.

Evidence, each a vote for (label, attendee):
- a self-introduction: 「我係 Ivy」, 「我叫阿May」, "I'm Priya", "This is Tony", 「我 Derek 年尾前會…」, 「Gary 呢度」;
- being addressed and answering: a turn that calls someone by name (「黃工，你覺得…」,
  「…Bobo？」, 「Tony，你…」) followed by another label's turn: that label is the one called;
- calling back: a turn that opens with a name without asking them anything (「鍾生 倉嗰邊…」;
  with a question, 「主任 仲有…係咪取消咗」, the name is called and the next voice answers)
  answers the previous speaker, as does thanking someone by name (「好 唔該偉仔」, "Thanks, Amy").
A label never names someone it addresses. Labels and attendees are paired one to one by the
largest total of votes (scipy's linear_sum_assignment); a pair needs a net vote of at least one.
When every other label was paired on evidence and exactly one label and one attendee are left,
they are paired by elimination.
Labels that already are attendee names are kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from assistant.extract.owners import OwnerResolver, Person
from assistant.extract.text import shared_grams

SELF_INTRO = re.compile(r"(?:我係|我叫|我是|i'?m|i am|this is|my name is)\s*(?P<name>[A-Za-z\u3400-\u9fff][\w\u3400-\u9fff .]{0,20})",
                        re.IGNORECASE)
# 「財務嗰邊，我 Derek 年尾前會…」, 「我 Tony 呀」, 「Gary 呢度」, "Derek here": the speaker names themself
SELF_NAMED = re.compile(r"(?:^|(?<=[。！!？?，,\s]))我\s*(?P<name>[A-Za-z\u3400-\u9fff][\w\u3400-\u9fff .]{0,20})"
                        r"|^(?P<here>[^，,。！!？?\s]{1,12}?|[A-Za-z]+(?: [A-Za-z]+)?)\s*(?:呢度|here)\s*(?:[，,。！!]|$)", re.IGNORECASE)
ASKED_TO = re.compile(r"\s*[\u3400-\u9fffA-Za-z]")  # 「我叫阿然幫手」: 叫 gets someone to do something, no name given
OPENER = re.compile(r"^(?:好|OK|咁|另外|最後|仲有|第[一二三四五六七八九十]樣|冇問題|收到|明白|知道)[，,\s]*", re.IGNORECASE)
# a turn that asks (not cues.QUESTION: the cue readers import the transcript, which names speakers first)
ASKS = re.compile(r"[？?]|係咪|係唔係|得唔得|好唔好|有冇|點睇|點算|幾(?:多|個|時|耐|錢)|多少|[嗎咩]|未[呀啊呢]?[。\s]*$")  # 「…改好未」: done yet?
THANKS = re.compile(r"(?:唔該晒|唔該|多謝晒|多謝|謝謝|(?<![A-Za-z])(?:thanks|thank you)(?![A-Za-z]))[，,\s]*", re.IGNORECASE)
TOPIC_THEN_YOU = re.compile(r"\s*[^，,。！？!?你我佢\s][^，,。！？!?你我佢]{0,11}?你(?!哋)")  # 「Stephanie 呢個你 redesign 一下」
ROLE_CALLED = re.compile(r"(?P<role>[A-Za-z]{2,}|[\u3400-\u9fff]{2,6}?)\s*(?:嗰邊|那邊|部|team)\s*[，,]", re.IGNORECASE)  # 「會計部嗰邊，」
REPORTED = re.compile(r"\s*(?:話|講|問|覺得|想|嘅|哋|同|叫|要)")  # what the one named said or wants, or whose
INTRO_VOTE, CALLED_VOTE, CALL_BACK_VOTE, SELF_ADDRESS_VOTE = 3.0, 1.0, 1.0, -2.0


def _called(resolver: OwnerResolver, text: str) -> str | None:
    """The attendee a turn calls on: a name opening a sentence followed by 你 or a comma
    (「黃工，你覺得…」) or by the thing meant and 你 (「Leo test case 你…」), a name alone as the last sentence (「展覽嗰邊呢？Ivy？」), or a name
    after a pause followed by 你 (「…另外訂 Polly 你幫我落單」)."""
    parts = [p.strip() for p in re.split(r"[。！!？?]", text) if p.strip()]
    for part in parts:
        hit = resolver.leading(OPENER.sub("", part))
        if hit and (not hit[1] or re.match(r"^(?:你|,|，|can|could|would|please)", hit[1], re.IGNORECASE)
                    or TOPIC_THEN_YOU.match(hit[1])):
            return hit[0]
    for part in parts:  # 「會計部嗰邊，台灣張單…」: the one attendee holding that role is called
        unit = ROLE_CALLED.match(OPENER.sub("", part))
        if unit and resolver.by_role(unit["role"]):
            return resolver.by_role(unit["role"])
    last = resolver.leading(parts[-1]) if parts else None
    if last and not last[1]:
        return last[0]
    # ASR text without commas: 「蓮蓉餡要另外訂 Polly 你幫我落單」, or a name between pauses, then a question
    # (「新年前最後嗰批貨 阿彤 還有幾個櫃」)
    spans = resolver.spans(text)
    return next((name for name, start, end in spans
                 if (start == 0 or text[start - 1] in " ，,") and re.match(r"\s*你(?!哋)", text[end:])), None) \
        or next((name for name, start, end in spans if start > 0 and text[start - 1] == " " and text[end:end + 1] == " "
                 and len(spans) == 1 and ASKS.search(re.split(r"[。！!？?]", text[end:])[0])), None)


def _answered(resolver: OwnerResolver, text: str, called: str, answer: str) -> str:
    """Who an answer answers when a turn calls on several people in turn (「阿傑，你約 IT…。Ivy，你擬封
    道歉信…」 「好，道歉信我聽日 send 俾你」): the one whose sentence shares the most words with the
    answer; ``called`` (the first called) when none shares any."""
    asked = [(hit[0], part) for part in re.split(r"(?<=[。！!？?])", text)
             if (hit := resolver.leading(OPENER.sub("", part.strip()))) and re.match(r"^(?:你|,|，)", hit[1])]
    best = max(asked, key=lambda a: shared_grams(a[1], answer), default=None)
    return best[0] if best and shared_grams(best[1], answer) > 0 and len({n for n, _ in asked}) > 1 else called


def name_speakers(turns: Sequence[tuple[str, str]], people: Sequence[Person]) -> dict[str, str]:
    """Label → attendee name for labels that are not attendee names; turns are (label, text)."""
    resolver = OwnerResolver(people)
    labels = [label for label in dict.fromkeys(s for s, _ in turns) if label and resolver.find_name(label) is None]
    taken = {resolver.find_name(s) for s, _ in turns} - {None}
    names = [p.name for p in people if p.name not in taken]
    if not labels or not names:
        return {}
    votes: dict[tuple[str, str], float] = defaultdict(float)
    for i, (label, text) in enumerate(turns):
        if label not in labels:
            continue
        for m in SELF_INTRO.finditer(text):
            who = resolver.leading(m["name"])
            if who and not (m.group().startswith("我叫") and ASKED_TO.match(who[1])):
                votes[label, who[0]] += INTRO_VOTE
        for m in SELF_NAMED.finditer(OPENER.sub("", text)):
            who = resolver.leading(m["name"] or m["here"])
            if who and (not who[1] if m["here"] else not re.match(r"(?:哋|嘅|同|話|叫|問|俾|畀)", who[1])) \
                    and not resolver.names_several(m["name"] or m["here"]):  # 「Gary 呢度。」: the name and nothing else
                votes[label, who[0]] += INTRO_VOTE
        called = _called(resolver, text)
        opening = resolver.leading(OPENER.sub("", text))  # 「冇問題 張生 今晚寄出」 calls back 張生
        if called is None and opening and ASKS.search(text) and not REPORTED.match(opening[1]):
            # 「主任 仲有…係咪取消咗」: asked, the next voice answers (not 「Sandy 話份預算…？」: what Sandy said)
            called = opening[0]
        if called:
            votes[label, called] += SELF_ADDRESS_VOTE
            answer = next(((s, t) for s, t in turns[i + 1:i + 3] if s != label), None)
            if answer and answer[0] in labels:
                votes[answer[0], _answered(resolver, text, called, answer[1])] += CALLED_VOTE
        thanked = [hit[0] for m in THANKS.finditer(text) if (hit := resolver.leading(text[m.end():]))]
        # 「揀好一半 但係 張生 我覺得…」: a name said to someone mid-turn, then 我, calls back the one who asked
        thanked += [name for name, start, end in resolver.spans(text)
                    if start > 0 and re.match(r"\s*我(?!哋)", text[end:]) and re.search(r"(?:但係|不過|其實|咁|[，,\s])\s*$", text[:start])]
        for name in ({opening[0]} if opening else set()) - {called} | set(thanked):
            if i > 0 and turns[i - 1][0] != label and turns[i - 1][0] in labels:
                votes[turns[i - 1][0], name] += CALL_BACK_VOTE
    score = np.array([[votes[label, name] for name in names] for label in labels])
    rows, cols = linear_sum_assignment(score, maximize=True)
    found = {labels[r]: names[c] for r, c in zip(rows, cols) if score[r, c] >= 1.0}
    left_labels = [label for label in labels if label not in found]
    left_names = [name for name in names if name not in found.values()]
    if found and len(left_labels) == 1 and len(left_names) == 1 \
            and score[labels.index(left_labels[0]), names.index(left_names[0])] >= 0:
        found[left_labels[0]] = left_names[0]
    return found
