"""Answers from owners, stored: card clicks (確認執行 / 提出異議) and to-do completion events.

A dispute reopens the meeting's to-do table in the review page, with the reason shown beside
the item. Clicks from anyone but the item's owner are recorded in the trail and change nothing.
"""

from __future__ import annotations

import logging

from assistant.config import Settings
from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.stream import Confirmation, TodoEvent
from assistant.store import deliveries
from assistant.store.deliveries import event
from assistant.store.models import Meeting, now
from assistant.store.store import Store

log = logging.getLogger(__name__)


class ConfirmationRecorder:
    def __init__(self, store: Store, settings: Settings, client: DingTalkClient) -> None:
        self.store = store
        self.settings = settings
        self.client = client

    def on_confirmation(self, click: Confirmation) -> None:
        with self.store.session() as session:
            d = deliveries.by_source_id(session, click.source_id)
            if d is None:
                log.warning("card click for unknown item %s", click.source_id)
                return
            if click.user_id != d.user_id:
                event(session, d, "click_ignored", f"{click.action} by someone other than the owner", click.user_id)
            elif click.action == "confirm":
                d.confirmed_at = now()
                event(session, d, "confirmed", "確認執行", click.user_id)
            else:
                d.disputed_at, d.dispute_reason = now(), click.reason
                event(session, d, "disputed", f"提出異議: {click.reason or '（未有原因）'}", click.user_id)
                meeting = session.get(Meeting, d.meeting_id)
                if meeting is not None and meeting.approved_at is not None:
                    meeting.approved_at = None  # reopened for the reviewer to edit the disputed item
                    meeting.version += 1
            session.commit()

    def on_todo_event(self, todo: TodoEvent) -> None:
        if todo.event_type != "todo_task_update":
            return
        with self.store.session() as session:
            d = deliveries.by_task_id(session, todo.task_id)
            if d is None or d.done_at is not None:
                return
            source_id = d.source_id
        task = self.client.get_todo_by_source_id(self.settings.dingtalk_operator_union_id, source_id)
        if not task.done:
            return
        with self.store.session() as session:
            d = deliveries.by_source_id(session, source_id)
            if d is not None and d.done_at is None:
                d.done_at = now()
                event(session, d, "todo_done", "to-do marked done", d.user_id)
                session.commit()
