"""Decisions and action items from a meeting transcript.

Per window of turns a model (or the rule baseline) proposes raw items; code then resolves
owners, absolute deadlines and priorities, and merges windows. Entry points:
:func:`extract_minutes` for the pipeline and :func:`extract_transcript` for ``assistant extract``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from assistant.config import ExtractionSettings
from assistant.extract.backends import load_model
from assistant.extract.finalise import finalise
from assistant.extract.ground import combine
from assistant.extract.llm import ask_window
from assistant.extract.owners import Person
from assistant.extract.rules import extract_rules
from assistant.extract.transcript import Transcript
from assistant.extract.windows import merge_decisions, merge_items, split_windows
from assistant.minutes import ActionItem, Decision, Minutes

log = logging.getLogger("assistant.extract")


@dataclass
class Extraction:
    decisions: list[Decision]
    action_items: list[ActionItem]

    def to_dict(self) -> dict[str, Any]:
        return {
            "decisions": [{"text": d.text, "turn": d.turn} for d in self.decisions],
            "action_items": [
                {"owner": a.owner, "task": a.task, "deadline": a.deadline, "priority": a.priority, "turn": a.turn}
                for a in self.action_items
            ],
        }


def extract(transcript: Transcript, settings: ExtractionSettings) -> Extraction:
    model = load_model(settings)
    decisions: list[Decision] = []
    items: list[ActionItem] = []
    for window in split_windows(transcript.lines, settings.window_turns, settings.window_overlap):
        raw = ask_window(model, transcript, window, settings) if model is not None else None
        if raw is not None:
            raw = combine(raw, transcript, window)
        else:
            if model is not None:
                log.warning("falling back to rules for turns %d-%d", window[0].index, window[-1].index)
            raw = extract_rules(transcript, window)
        found_decisions, found_items = finalise(raw, transcript)
        decisions += found_decisions
        items += found_items
    return Extraction(merge_decisions(decisions), merge_items(items, transcript))


def extract_minutes(minutes: Minutes, settings: ExtractionSettings, meeting_date: str | None = None,
                    people: tuple[Person, ...] = ()) -> Minutes:
    """Fill minutes.decisions and minutes.action_items; the minutes are returned."""
    found = extract(Transcript.from_minutes(minutes, meeting_date, people), settings)
    minutes.decisions = found.decisions
    minutes.action_items = found.action_items
    return minutes


def extract_transcript(data: dict[str, Any], settings: ExtractionSettings,
                       meeting_date: str | None = None) -> dict[str, Any]:
    """A transcript JSON or minutes.json → {"decisions": [...], "action_items": [...]}."""
    return extract(Transcript.from_dict(data, meeting_date), settings).to_dict()


__all__ = ["Extraction", "extract", "extract_minutes", "extract_transcript"]
