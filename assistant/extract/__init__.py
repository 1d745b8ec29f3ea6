"""Decisions and action items from a meeting transcript.

Cue rules find candidate items (clause_reader.py reads clauses, rules.py joins them over the
turns) and decisions (decisions.py) over every turn; code resolves owners, standalone tasks,
absolute deadlines, priorities and confidence (finalise.py), then merges them into the
meeting's final state (merge.py). When a model is configured it reviews the candidates
(review.py). Entry points: :func:`extract_minutes` for the pipeline and
:func:`extract_transcript` for ``assistant extract``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from assistant.config import ExtractionSettings
from assistant.extract.backends import load_model
from assistant.extract.finalise import finalise
from assistant.extract.owners import Person
from assistant.extract.merge import merge_decisions, merge_items
from assistant.extract.review import review
from assistant.extract.rules import extract_rules
from assistant.extract.tasks import in_spoken_names
from assistant.extract.transcript import Transcript
from assistant.minutes import ActionItem, Decision, Minutes

@dataclass
class Extraction:
    decisions: list[Decision]
    action_items: list[ActionItem]

    def to_dict(self) -> dict[str, Any]:
        return {
            "decisions": [{"text": d.text, "turn": d.turn} for d in self.decisions],
            "action_items": [
                {"owner": a.owner, "task": a.task, "deadline": a.deadline, "priority": a.priority, "turn": a.turn,
                 "confidence": a.confidence, "needs_review": a.needs_review}
                for a in self.action_items
            ],
        }


def extract(transcript: Transcript, settings: ExtractionSettings) -> Extraction:
    """Decisions and the action-item table of one transcript."""
    decisions, items = finalise(extract_rules(transcript), transcript)
    items = merge_items(items, transcript)
    model = load_model(settings)
    if model is not None and items:
        items = merge_items(review(items, transcript, model, settings), transcript)
    # nobody is rung for an item without an owner: a person picks one (as the service stores it)
    items = [replace(item, task=in_spoken_names(item.task, transcript), needs_review=item.needs_review or item.owner is None)
             for item in items]
    return Extraction(merge_decisions(decisions), items)


def extract_minutes(minutes: Minutes, settings: ExtractionSettings, meeting_date: str | None = None,
                    people: tuple[Person, ...] = ()) -> Minutes:
    """Fill minutes.decisions and minutes.action_items; the minutes are returned."""
    found = extract(Transcript.from_minutes(minutes, meeting_date, people), settings)
    minutes.decisions = found.decisions
    minutes.action_items = found.action_items
    return minutes


def extract_transcript(data: dict[str, Any], settings: ExtractionSettings, meeting_date: str | None = None,
                       people: tuple[Person, ...] = ()) -> dict[str, Any]:
    """A transcript JSON or minutes.json → {"decisions": [...], "action_items": [...]}.

    ``people``: attendees besides those the file lists. ValueError when the JSON is not one of the two,
    or when its text is longer than ``settings.max_transcript_chars`` (one turn's than ``max_turn_chars``)."""
    turns = data.get("turns") if isinstance(data, dict) else None
    lengths = [len(t["text"]) for t in turns if isinstance(t, dict) and isinstance(t.get("text"), str)] \
        if isinstance(turns, list) else []
    if sum(lengths) > settings.max_transcript_chars:  # before reading it: normalising megabytes of text takes minutes
        raise ValueError(f"the transcript has {sum(lengths)} characters of text; at most {settings.max_transcript_chars} "
                         "are read (ASSISTANT_EXTRACTION__MAX_TRANSCRIPT_CHARS)")
    if max(lengths, default=0) > settings.max_turn_chars:
        raise ValueError(f"turn {lengths.index(max(lengths))} has {max(lengths)} characters of text; at most "
                         f"{settings.max_turn_chars} are read in one turn (ASSISTANT_EXTRACTION__MAX_TURN_CHARS): "
                         "split it where the speaker changes or pauses")
    return extract(Transcript.from_dict(data, meeting_date, people), settings).to_dict()


__all__ = ["Extraction", "extract", "extract_minutes", "extract_transcript"]
