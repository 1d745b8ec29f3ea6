"""A chat model reviews the rules' candidate items: keep or drop, owner, standalone task.

Only what the model is better at is asked of it; code keeps what code does better. Items go in
batches, each with the turns around it. A reply is trusted field by field: an owner only when
it is an attendee, a task only when its words come from the turns shown (no invented tasks),
and a drop only for items the rules were not sure of. Dates, time zones and merging stay in
code. With ``review="uncertain"`` (the default, for the packaged CPU model) only items the rules
were unsure of (confidence below 0.8: unresolved owner, completed from earlier turns) are sent; ``"all"`` suits a served model. No batch is begun
that would, at the pace of the one before, end past ``review_budget_s``; the rest keep the
rules' answer, so a meeting's extraction time stays bounded on a CPU.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from assistant.config import ExtractionSettings
from assistant.extract.backends import BackendError, ChatModel
from assistant.extract.finalise import REVIEW_BELOW, SURE
from assistant.extract.owners import OwnerResolver, resolver_for
from assistant.extract.prompt import RETRY, build_messages, item_block
from assistant.extract.schema import Review, json_schema, parse_output
from assistant.extract.tasks import clean_task, leans_on_context
from assistant.extract.text import coverage
from assistant.extract.transcript import Transcript
from assistant.minutes import ActionItem

log = logging.getLogger("assistant.extract")

GROUNDED = 0.6  # share of a reviewed task's words that must appear in the turns shown
BEFORE, AFTER = 2, 0  # turns of context before an item (its answer is merged in already)


def _context(transcript: Transcript, turn: int | None):
    if turn is None:
        return ()
    return transcript.lines[max(0, turn - BEFORE):turn + AFTER + 1]


def _ask(model: ChatModel, transcript: Transcript, batch: list[ActionItem], settings: ExtractionSettings) -> Review | None:
    blocks = [item_block(n, item.owner, item.task, _context(transcript, item.turn)) for n, item in enumerate(batch, 1)]
    messages = build_messages(transcript, blocks)
    for attempt in range(settings.retries + 1):
        try:
            reply = model.chat(messages, json_schema(len(batch)))
        except BackendError as exc:
            log.warning("model review failed: %s", exc)
            return None
        log.debug("raw review, attempt %d: %s", attempt + 1, reply)
        parsed = parse_output(reply)
        if parsed is not None:
            return parsed
        log.warning("invalid review output, attempt %d: %r", attempt + 1, reply[:2000])
        messages = messages + [{"role": "assistant", "content": reply}, {"role": "user", "content": RETRY}]
    return None


def _apply(item: ActionItem, answer, transcript: Transcript, people: OwnerResolver) -> ActionItem | None:
    if not answer.keep and item.needs_review:
        return None
    owner = people.find_name(answer.owner) if answer.owner.strip() else None
    shown = " ".join(line.text for line in _context(transcript, item.turn))
    task = clean_task(answer.task, transcript, owner or item.owner) if answer.task.strip() else ""
    grounded = bool(task) and coverage(task, shown) >= GROUNDED
    updated = replace(item, owner=owner or item.owner, task=task if grounded else item.task)
    if updated.owner is not None and grounded and not leans_on_context(updated.task):
        updated.confidence = max(updated.confidence, SURE)
        updated.needs_review = updated.confidence < REVIEW_BELOW
    return updated


def review(items: list[ActionItem], transcript: Transcript, model: ChatModel,
           settings: ExtractionSettings) -> list[ActionItem]:
    """items after the model's review (same order; dropped items removed)."""
    people = resolver_for(transcript.people)
    chosen = [i for i, item in enumerate(items)
              if settings.review == "all" or item.confidence < SURE or leans_on_context(item.task)]
    out: dict[int, ActionItem | None] = {}
    started = time.perf_counter()
    last = 0.0  # the previous batch's duration: a batch that would end past the budget is not begun
    for start in range(0, len(chosen), settings.review_batch):
        if time.perf_counter() - started + last > settings.review_budget_s:
            log.info("review budget spent: %d items keep the rules' answer", len(chosen) - start)
            break
        batch_ids = chosen[start:start + settings.review_batch]
        began = time.perf_counter()
        reply = _ask(model, transcript, [items[i] for i in batch_ids], settings)
        last = time.perf_counter() - began
        if reply is None:
            continue
        for answer in reply.items:
            if 1 <= answer.n <= len(batch_ids):
                index = batch_ids[answer.n - 1]
                out[index] = _apply(items[index], answer, transcript, people)
    return [out.get(i, item) for i, item in enumerate(items) if out.get(i, item) is not None]
