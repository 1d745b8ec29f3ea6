"""The rule-and-lexicon baseline: cue phrases find commitments, requests and decisions, no model.

Used when no model is configured, per window when a model's reply is unusable, and to check
the model's items (owner cues, questions, status reports). Owners come from the clause that
assigns the task: "我會…" is the speaker, "Mary，你…" / "Mary 負責…" / "交畀阿明" the one
named, a bare "你…" the previous speaker; a clause that only says what was planned before
("本來想叫阿傑…") assigns nothing.
"""

from __future__ import annotations

import re

from assistant.extract.dates import find_time_phrases
from assistant.extract.owners import OwnerResolver
from assistant.extract.schema import RawDecision, RawExtraction, RawItem
from assistant.extract.text import clauses, sentences
from assistant.extract.transcript import Line, Transcript

VERBS = (
    r"跟進|跟|負責|處理|搞掂|搞|安排|準備|交|出|寫|整|做|搵|聯絡|通知|打俾|打畀|send|check|update|follow|book|"
    r"訂|買|改|更新|發|寄|約|問|覆|回覆|confirm|確認|submit|提交|review|測試|test|fix|修|上載|upload|報|核對|"
    r"派|收集|統計|預備|草擬|擬|簽|申請|申報|release|deploy|set|schedule|prepare|draft|contact|call|email|"
    r"講|話俾|話畀|跑|放|睇|執|填|影印|列|登記|預訂|報價|清|交代"
)
SELF = re.compile(rf"(?:我(?!哋)|I'll|I will|I can|let me)[^，,。]{{0,10}}?(?:會|嚟|去|負責|{VERBS})",
                  re.IGNORECASE)
YOU = re.compile(rf"你(?!哋)[^，,。]{{0,10}}?(?:要|負責|記得|幫|{VERBS})", re.IGNORECASE)
FIRST, SECOND = re.compile(r"我(?!哋)|\bI\b"), re.compile(r"你(?!哋)")
ASSIGN = re.compile(r"交俾|交畀|交給|交返俾|交返畀|轉交|改由|由|請|麻煩|叫|搵|assign to|hand to", re.IGNORECASE)
ASSIGNED = re.compile(rf"^(?:去|嚟|幫手|幫)?(?:{VERBS}|接手)", re.IGNORECASE)  # after "交畀 <name>"
NAMED = re.compile(r"^(?:你|負責|跟進|跟|嚟|會|去|處理|接手|要|will|to)", re.IGNORECASE)  # after "<name>" opening a clause
OPENER = re.compile(r"^(?:好|OK|ok|咁|另外|仲有|同埋|不如|所以|就)\s*")
ROLE = re.compile(r"(?P<who>[A-Za-z]{2,}|[\u3400-\u9fff]{2,4})\s*(?:嗰邊|那邊|部門|team)\s*(?:要|負責|會|去)", re.IGNORECASE)
BARE_COMMIT = re.compile(r"^(?:好|OK|ok|得|冇問題|明白|收到|可以)?[，,\s]*我(?:會|嚟|去)?(?:搞|跟|做|負責|處理|寫)(?:啦|喇|吖)?[。！!]?$")
NEED = re.compile(r"要|需要|邊個|need|搵人")
WHO_WILL = re.compile(r"邊個|邊位|who", re.IGNORECASE)
QUESTION = re.compile(r"[？?]$|係咪|係唔係|點解|點樣|(?<![知問睇])邊個|乜嘢|咩|嗎|得唔得|好唔好|would you|can you|could you")
NOT_ACTION = re.compile(r"唔使|唔駛|唔洗|不用|遲啲再|再傾|再諗|唔決定|未決定|建議|或者|可能|我估|估計|我諗|我覺得|"
                        r"已經|搞掂咗|做完|done already")
PLANNED_BEFORE = re.compile(r"本來|原本|原先|本身想|originally", re.IGNORECASE)
DECISION = re.compile(
    r"決定|定咗|就咁話|就咁定|一於|拍板|落實|確定|同意|通過|批准|照做|改為|改用|改做|改由|延遲|押後|延期|取消|"
    r"暫停|唔好用|就用|採用|揀咗|照舊|維持|唔改|approved?|agreed|decided|go ahead|go with|postpone|cancel",
    re.IGNORECASE,
)
NOT_DECISION = re.compile(r"唔決定|未決定|未定|再傾|遲啲再|考慮|諗下|建議|[？?]$|係咪|係唔係|好唔好|要唔要")
REJECTS = re.compile(r"唔好用|唔改|取消|暫停|延遲|押後|延期|postpone|cancel", re.IGNORECASE)  # what is not done
ANAPHOR = re.compile(r"^(?:呢個|呢樣|咁樣|咁|就咁|that|this)", re.IGNORECASE)


def _clause_owner(clause: str, line: Line, transcript: Transcript, people: OwnerResolver,
                  addressed: str | None) -> str | None:
    for m in ASSIGN.finditer(clause):
        hit = people.leading(clause[m.end():])
        if hit and ASSIGNED.search(hit[1]):
            return hit[0]
    hit = people.leading(OPENER.sub("", clause))
    if hit and hit[0] != line.speaker and NAMED.search(hit[1]):
        return hit[0]
    for m in ROLE.finditer(clause):
        who = people.by_role(m["who"])
        if who:
            return who
    timed = bool(find_time_phrases(clause, transcript.date))
    you = YOU.search(clause) or (timed and SECOND.search(clause))
    me = SELF.search(clause) or (timed and FIRST.search(clause))
    if you and not (me and me.start() < you.start()):
        named = [n for n in people.mentioned(clause) if n != line.speaker]
        return named[0] if named else addressed or transcript.previous_speaker(line.index)
    return line.speaker if me else None


def owner_in(sentence: str, line: Line, transcript: Transcript, people: OwnerResolver) -> str | None:
    """The owner that cue phrases point to in one sentence of a turn, if any.

    A clause that is only a name ("張主任，…") addresses that person for the rest of the
    sentence; a requirement said to them ("…要…") is theirs.
    """
    addressed = None
    for clause in clauses(sentence):
        if PLANNED_BEFORE.search(clause):
            continue
        hit = people.leading(clause)
        if hit and not hit[1] and hit[0] != line.speaker:  # a clause that is only a name
            addressed = hit[0]
            continue
        owner = _clause_owner(clause, line, transcript, people, addressed)
        if owner:
            return owner
        if addressed and re.search(r"要|記得|幫|負責", clause):
            return addressed
    if FIRST.search(sentence) and find_time_phrases(sentence, transcript.date):  # "我…之後，星期五前…"
        return line.speaker
    return None


def owner_clause(sentence: str, owner: str, line: Line, transcript: Transcript, people: OwnerResolver) -> str:
    """The clauses from the one that names the owner on: what the owner is asked or promises to do."""
    parts = [c for c in clauses(sentence) if not PLANNED_BEFORE.search(c)]
    for i in range(len(parts)):
        if owner_in(parts[i], line, transcript, people) == owner:
            return "，".join(parts[i:])
    return "，".join(parts)


def is_action(sentence: str) -> bool:
    """Not a question, suggestion, deferral, cancellation or report of work already done."""
    return not (QUESTION.search(sentence) or NOT_ACTION.search(sentence))


def decision_text(sentence: str) -> str:
    """The clauses that state the decision: from the cue on (a positive one before "唔好用…"),
    or what "呢個定咗" points back to."""
    parts = clauses(sentence)
    cues = [i for i, c in enumerate(parts) if DECISION.search(c)] or [0]
    cue = next((i for i in cues if not REJECTS.search(parts[i])), cues[0])
    if cue > 0 and ANAPHOR.search(parts[cue]):
        kept = parts[:cue]
    else:
        kept = [c for c in parts[cue:] if not PLANNED_BEFORE.search(c)]
    return "，".join(kept) or sentence


def _asked_who(transcript: Transcript, line: Line) -> str | None:
    """The task in a "邊個…?" question of the turn before, for a short answer ("你寫啦")."""
    if line.index == 0:
        return None
    for sentence in reversed(sentences(transcript.lines[line.index - 1].text)):
        if WHO_WILL.search(sentence):
            return WHO_WILL.sub("", sentence).rstrip("？?")
    return None


def _previous_need(transcript: Transcript, line: Line) -> str | None:
    """For a bare "我嚟搞": the question or request it answers, in the turn before."""
    if line.index == 0:
        return None
    for sentence in reversed(sentences(transcript.lines[line.index - 1].text)):
        if NEED.search(sentence) and not sentence.endswith(("？", "?")):
            return sentence
    return _asked_who(transcript, line)


def _content(text: str, people: OwnerResolver, transcript: Transcript) -> int:
    """Characters left once names, pronouns, time phrases and particles are taken out."""
    for name in people.mentioned(text):
        text = text.replace(name, "")
    for phrase in find_time_phrases(text, transcript.date):
        text = text.replace(phrase.text, "")
    text = re.sub(r"[我你佢哋啦喇囉呀吖好啊嘛之前後內要會嚟去做搞得]|OK|ok|[^\w]", "", text)
    return len(text)


def extract_rules(transcript: Transcript, lines: tuple[Line, ...] | None = None) -> RawExtraction:
    people = OwnerResolver(transcript.people)
    items: list[RawItem] = []
    decisions: list[RawDecision] = []
    for line in lines if lines is not None else transcript.lines:
        for sentence in sentences(line.text):
            if DECISION.search(sentence) and not NOT_DECISION.search(sentence):
                decisions.append(RawDecision(turn=line.index, text=decision_text(sentence)))
            if not is_action(sentence):
                continue
            owner = owner_in(sentence, line, transcript, people)
            if not owner:
                continue
            task = sentence
            if BARE_COMMIT.match(sentence):
                task = _previous_need(transcript, line) or ""
            elif _content(owner_clause(sentence, owner, line, transcript, people), people, transcript) < 3:
                task = _asked_who(transcript, line) or sentence
            if task:
                phrases = find_time_phrases(sentence, transcript.date) or find_time_phrases(task, transcript.date)
                deadline = phrases[0].text if phrases else ""
                items.append(RawItem(turn=line.index, owner=owner, task=task, deadline=deadline))
    return RawExtraction(action_items=items, decisions=decisions)
