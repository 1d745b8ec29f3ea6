"""Check a model's raw items against the transcript, and combine them with the rule baseline.

Small models cite the wrong turn, name the chair as everyone's owner, and list questions,
status reports or postponed topics. Each model item is moved to the nearby sentence that holds
its words (dropped when none does), dropped when that sentence is not an action, and given the
owner the cue rules find in that sentence; without a cue, the model's owner stands only when it
is another attendee than the speaker (the chair saying "X 要改" does not own X). The deadline is
the time phrase of that sentence, else the model's words.
"""

from __future__ import annotations

from assistant.extract.owners import OwnerResolver
from assistant.extract.dates import find_time_phrases
from assistant.extract.rules import DECISION, NOT_DECISION, extract_rules, is_action, owner_in
from assistant.extract.schema import RawDecision, RawExtraction, RawItem
from assistant.extract.text import coverage, sentences
from assistant.extract.transcript import Line, Transcript

GROUNDED = 0.4  # share of a task's words that must appear in its source sentence
NEARBY = (0, -1, 1)  # turns tried around the one the model cited, in this order


def _anchor(text: str, turn: int, transcript: Transcript) -> tuple[Line, str] | None:
    best: tuple[float, Line, str] | None = None
    candidates = range(len(transcript.lines)) if turn < 0 else [turn + d for d in NEARBY]
    for index in candidates:
        if 0 <= index < len(transcript.lines):
            line = transcript.lines[index]
            for sentence in sentences(line.text):
                score = coverage(text, sentence)
                if best is None or score > best[0]:
                    best = (score, line, sentence)
    if best is None or best[0] < GROUNDED:
        return None
    return best[1], best[2]


def _other_attendee(owner: str, line: Line, people: OwnerResolver) -> str | None:
    name = people.find_name(owner)
    return name if name and name != line.speaker else None


def ground(raw: RawExtraction, transcript: Transcript) -> RawExtraction:
    people = OwnerResolver(transcript.people)
    items = []
    for item in raw.action_items:
        found = _anchor(item.task, item.turn, transcript)
        if found is None:
            continue
        line, sentence = found
        if not is_action(sentence):
            continue
        owner = owner_in(sentence, line, transcript, people) or _other_attendee(item.owner, line, people)
        if owner is None:
            continue
        phrases = find_time_phrases(sentence, transcript.date)
        deadline = phrases[0].text if phrases else item.deadline
        items.append(RawItem(turn=line.index, owner=owner, task=item.task, deadline=deadline))
    decisions = []
    for decision in raw.decisions:
        found = _anchor(decision.text, decision.turn, transcript)
        if found is None:
            continue
        line, sentence = found
        if DECISION.search(sentence) and not NOT_DECISION.search(sentence):
            decisions.append(RawDecision(turn=line.index, text=decision.text))
    return RawExtraction(action_items=items, decisions=decisions)


def combine(model: RawExtraction, transcript: Transcript, window: tuple[Line, ...]) -> RawExtraction:
    """The rule baseline's items plus the grounded model's, and the reverse for decisions:
    merging removes the duplicates, keeping the rules' task wording and the model's decision wording."""
    rules = extract_rules(transcript, window)
    grounded = ground(model, transcript)
    return RawExtraction(action_items=rules.action_items + grounded.action_items,
                         decisions=grounded.decisions + rules.decisions)
