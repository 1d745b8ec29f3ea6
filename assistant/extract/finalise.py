"""Deterministic post-processing of raw items: owners, tidy tasks, absolute deadlines, priority."""

from __future__ import annotations

import re

from assistant.extract.dates import find_time_phrases, resolve_deadline
from assistant.extract.owners import OwnerResolver
from assistant.extract.priority import priority_for
from assistant.extract.schema import RawExtraction
from assistant.extract.text import clauses, normalise, similarity
from assistant.extract.transcript import Transcript
from assistant.minutes import ActionItem, Decision

_LEAD = re.compile(
    r"^(?:(?:好|OK|ok|Okay|咁|嗯|明白|收到|冇問題|得|可以|另外|仲有|然後|所以|咁樣|同埋|跟住|首先|最後)[，,、\s]*)+"
)
_SUBJECT = re.compile(r"^(?:我哋|我|你哋|你|佢哋|佢)\s*(?:一定|都|就|先|再)?\s*(?:會|嚟|去|要|記得)?\s*")
_PROMISE = re.compile(r"(?:我|你)(?!哋)\s*(?:一定|都|就|先|再)?\s*(?:可以|會|負責|要|嚟|記得)")  # "網站公告我可以…"
_CLOCK = re.compile(r"(?:朝早|朝頭早|上晝|下晝|晏晝|夜晚|晚上)?\s*[\d一二三四五六七八九十兩]+\s*(?:點|:\d\d)(?:半|鐘|\d+分)?"
                    r"\s*(?:或)?(?:之前|以前|前)?")
_AFTER_TIME = re.compile(r"^\s*(?:或)?(?:之前|以前|前|內|之內|或之前)\s*")
_TAIL = re.compile(r"[\s，,。！!？?；;]*(?:啦|喇|囉|呀|啊|嘛|吖|喎|㗎|la|lor)?[\s，,。！!？?；;]*$")
_FILLER = re.compile(r"一定|都|要|會|好|啦|喇|呀|吖|晒|[^\w]")


def _clean_clause(text: str, transcript: Transcript, owner: str) -> str:
    for phrase in reversed(find_time_phrases(text, transcript.date)):
        rest = _AFTER_TIME.sub("", text[phrase.end :])
        text = text[: phrase.start] + rest
    text = _AFTER_TIME.sub("", _CLOCK.sub("", text))
    text = _LEAD.sub("", text.strip(" ，,"))
    text = re.sub(rf"{re.escape(owner)}\s*(?:你(?!哋))?", "", text) if owner else text
    text = _LEAD.sub("", _SUBJECT.sub("", text.strip()))
    text = _TAIL.sub("", _PROMISE.sub("", text)).strip()
    return text if len(_FILLER.sub("", text)) >= 2 else ""


def clean_task(task: str, transcript: Transcript, owner: str) -> str:
    """The task without its owner, time words, fillers and "我會/你要"; clauses that say nothing else go."""
    kept = [c for c in (_clean_clause(c, transcript, owner) for c in clauses(normalise(task))) if c]
    return "，".join(kept) or normalise(task)


def _source_turn(turn: int, task: str, transcript: Transcript) -> int | None:
    if 0 <= turn < len(transcript.lines):
        return turn
    scored = [(similarity(task, line.text), line.index) for line in transcript.lines]
    return max(scored)[1] if scored and max(scored)[0] > 0 else None


def finalise(raw: RawExtraction, transcript: Transcript) -> tuple[list[Decision], list[ActionItem]]:
    people = OwnerResolver(transcript.people)
    items: list[ActionItem] = []
    for item in raw.action_items:
        if not item.task.strip():
            continue
        turn = _source_turn(item.turn, item.task, transcript)
        line = transcript.lines[turn] if turn is not None else None
        speaker = line.speaker if line else ""
        turn_text = line.text if line else ""
        owners = people.resolve(item.owner, speaker, turn_text, transcript.previous_speaker(turn) if line else None)
        deadline = (resolve_deadline(item.deadline, transcript.date) or resolve_deadline(item.task, transcript.date)
                    or resolve_deadline(turn_text, transcript.date))
        for owner in owners:
            task = clean_task(item.task, transcript, owner)
            priority = priority_for(f"{item.task} {turn_text}", deadline, transcript.date, len(transcript.people))
            items.append(ActionItem(owner, task, deadline.isoformat() if deadline else None, priority, turn))
    decisions = []
    for decision in raw.decisions:
        text = _TAIL.sub("", _LEAD.sub("", normalise(decision.text))).strip()
        if text:
            decisions.append(Decision(text, _source_turn(decision.turn, text, transcript)))
    return decisions, items
