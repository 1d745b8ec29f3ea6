"""Pushing a meeting's approved items: the request (written to the outbox), the per-item report,
and a reviewer's choice of owner. The web view and ``assistant dingtalk push`` call these."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from assistant.dingtalk.directory import candidate, load_directory, person_for_user
from assistant.dingtalk.people import PeopleResolver, Unresolved
from assistant.dingtalk.push import source_id_for
from assistant.minutes import ActionItem as Item
from assistant.minutes import Minutes
from assistant.store import deliveries
from assistant.store.deliveries import Scheduled
from assistant.store.errors import Invalid, NotFound
from assistant.store.meetings import get_action_item, save_minutes
from assistant.store.models import Delivery, DeliveryEvent, Meeting, Person, now


@dataclass(frozen=True)
class DeliveryReport:
    item_id: str
    position: int
    owner: str
    source_id: str
    status: str  # pending | created | already_existed | failed | unresolved
    state: str  # what the review page shows: see ``state_of``
    reason: str | None
    task_id: str | None
    ding: str | None
    ding_downgraded: bool
    candidates: list[dict]
    sent_at: datetime | None
    follow_up_due_at: datetime | None
    confirmed_at: datetime | None
    disputed_at: datetime | None
    dispute_reason: str | None
    done_at: datetime | None
    flagged_at: datetime | None
    reminded_at: datetime | None
    escalated_at: datetime | None
    events: list[DeliveryEvent]


def state_of(d: Delivery) -> str:
    """pending | unresolved | failed | disputed | done | confirmed | escalated | flagged | awaiting."""
    if d.status in ("pending", "unresolved", "failed"):
        return d.status
    if d.disputed_at is not None and (d.confirmed_at is None or d.disputed_at >= d.confirmed_at):
        return "disputed"
    if d.done_at is not None:
        return "done"
    if d.confirmed_at is not None:
        return "confirmed"
    if d.escalated_at is not None:
        return "escalated"
    if d.flagged_at is not None:
        return "flagged"
    return "awaiting"


def request_push(session: Session, meeting: Meeting) -> list[Scheduled]:
    """Write the push to the outbox (the caller commits, then queues what this returns)."""
    source_ids = {
        a.id: source_id_for(meeting.id, a.position, Item(a.owner, a.task, a.deadline, a.priority, a.turn))
        for a in meeting.action_items
    }
    return deliveries.plan_push(session, meeting, source_ids)


def report(session: Session, meeting_id: str) -> list[DeliveryReport]:
    return [
        DeliveryReport(
            item_id=d.item_id, position=d.position, owner=d.owner, source_id=d.source_id, status=d.status,
            state=state_of(d), reason=d.reason, task_id=d.task_id, ding=d.ding_sent,
            ding_downgraded=d.ding_downgraded, candidates=list(d.candidates or []), sent_at=d.sent_at,
            follow_up_due_at=d.follow_up_due_at, confirmed_at=d.confirmed_at, disputed_at=d.disputed_at,
            dispute_reason=d.dispute_reason, done_at=d.done_at, flagged_at=d.flagged_at,
            reminded_at=d.reminded_at, escalated_at=d.escalated_at, events=list(d.events),
        )
        for d in deliveries.for_meeting(session, meeting_id)
    ]


def choose_owner(session: Session, meeting: Meeting, item_id: str, person_id: str | None,
                 user_id: str | None, name: str | None) -> str:
    """Link an item to the person a reviewer chose (a directory entry or a DingTalk user); returns the person id."""
    item = get_action_item(meeting, item_id)
    if person_id is not None:
        if session.get(Person, person_id) is None:
            raise NotFound(f"person {person_id} not found")
    elif user_id:
        person_id = person_for_user(session, (name or item.owner).strip(), user_id).id
    else:
        raise Invalid("choose a person_id or a DingTalk user_id")
    item.person_id = person_id
    meeting.version += 1
    return person_id


def import_minutes(session: Session, path: Path) -> Meeting:
    """A minutes.json as an approved meeting without audio; the same file always maps to the same meeting."""
    raw = path.read_bytes()
    meeting_id = "json-" + hashlib.sha256(raw).hexdigest()[:27]
    meeting = session.get(Meeting, meeting_id)
    if meeting is not None:
        return meeting
    try:
        minutes = Minutes.from_dict(json.loads(raw))
    except (ValueError, KeyError, TypeError) as e:
        raise Invalid(f"{path}: not a minutes.json ({e})") from None
    meeting = Meeting(id=meeting_id, title=path.parent.name or path.stem, filename=path.name, status="done",
                      meeting_date=minutes.meeting.date, version=1)
    session.add(meeting)
    session.flush()
    save_minutes(session, meeting, minutes)
    meeting.approved_at = now()
    return meeting


DELIVERY_LABELS = {
    "pending": "推送中", "unresolved": "負責人未確定", "failed": "推送失敗", "disputed": "有異議",
    "done": "已完成", "confirmed": "已確認執行", "escalated": "失聯風險：已通知主管", "flagged": "失聯風險",
    "awaiting": "等待確認",
}

EVENT_LABELS = {
    "queued": "已排隊", "todo_created": "已建立待辦", "todo_already_existed": "待辦早已存在", "todo_failed": "待辦建立失敗",
    "todo_retry": "稍後重試", "unresolved": "負責人未確定", "ding_sent": "已發 DING", "ding_failed": "DING 失敗",
    "ding_retry": "DING 稍後重試", "ding_uncertain": "DING 中斷，未重發", "card_sent": "已發確認卡片",
    "card_failed": "卡片發送失敗", "card_retry": "卡片稍後重試", "resumed": "重啟後繼續", "confirmed": "已確認執行",
    "disputed": "提出異議", "todo_done": "待辦已完成", "click_ignored": "非負責人按鈕，已忽略",
    "flagged": "失聯風險", "reminded": "已發第二次提醒", "reminder_failed": "提醒失敗", "reminder_retry": "提醒稍後重試",
    "escalated": "已通知直屬主管", "manager_todo_failed": "通知主管失敗", "manager_todo_retry": "通知主管稍後重試",
    "todo_retracted": "舊待辦已刪除", "retract_failed": "舊待辦刪除失敗", "retract_retry": "刪除舊待辦稍後重試",
}


def owner_choices(session: Session, meeting: Meeting) -> dict[str, list[dict]]:
    """Per item id, the people a reviewer must choose between: the candidates of an unresolved push,
    or, before any push, directory entries matching an owner ambiguously. Never a guess."""
    pushed = {d.item_id: d for d in deliveries.for_meeting(session, meeting.id)}
    directory, row_ids = load_directory(session)
    resolver = PeopleResolver(directory)
    choices: dict[str, list[dict]] = {}
    for item in meeting.action_items:
        d = pushed.get(item.id)
        if d is not None and d.status == "unresolved" and item.person_id is None:
            choices[item.id] = list(d.candidates or [])
        elif d is None and item.person_id is None and item.owner:
            resolved = resolver.resolve(item.owner)
            if isinstance(resolved, Unresolved) and len(resolved.candidates) > 1:
                choices[item.id] = [candidate(p, row_ids.get(p)) for p in resolved.candidates]
    return choices
