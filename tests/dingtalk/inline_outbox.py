"""The production push path (``request_push`` writes the outbox, ``OutboxRunner`` makes the calls)
run in the test's thread against a real database: what the runner schedules runs in order, at its
due time. Follow-up checks are left out; tests/service/test_dingtalk_delivery.py runs those."""

from __future__ import annotations

import time
from pathlib import Path

from assistant.config import ServiceSettings, Settings
from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.delivery import DeliveryReport, report, request_push
from assistant.dingtalk.outbox import OutboxRunner
from assistant.minutes import ActionItem
from assistant.store import models
from assistant.store.deliveries import Scheduled
from assistant.store.meetings import get_meeting, new_id, save_minutes
from assistant.store.models import Meeting, now
from assistant.store.store import Store
from tests.service.conftest import make_minutes


def directory() -> list[models.Person]:
    """The people directory with DingTalk ids already known (no contact lookups needed)."""
    return [
        models.Person(id=new_id(), name="Peter Chan", aliases=["陳生"], dingtalk_user_id="u_peter",
                      dingtalk_union_id="un_peter", manager_user_id="u_boss", version=1),
        models.Person(id=new_id(), name="Mary Wong", aliases=[], dingtalk_user_id="u_mary",
                      dingtalk_union_id="un_mary", manager_user_id="u_head", version=1),
        models.Person(id=new_id(), name="Mary Lee", aliases=[], dingtalk_user_id="u_mary2",
                      dingtalk_union_id="un_mary2", manager_user_id="u_head", version=1),
    ]


class InlineOutbox:
    def __init__(self, data_dir: Path, settings: Settings, client: DingTalkClient) -> None:
        self.store = Store(ServiceSettings(data_dir=data_dir))
        self._queue: list[Scheduled] = []
        self.runner = OutboxRunner(self.store, settings, client, self._queue.extend)

    def add_meeting(self, meeting_id: str, items: list[ActionItem], people: list[models.Person]) -> None:
        """An approved meeting holding ``items``, and the directory its owners are looked up in."""
        minutes = make_minutes()
        minutes.action_items = items
        with self.store.session() as session:
            session.add_all(people)
            meeting = Meeting(id=meeting_id, title="週會", filename="weekly.wav", status="done", version=1)
            session.add(meeting)
            session.flush()
            save_minutes(session, meeting, minutes)
            meeting.approved_at = now()
            session.commit()

    def push(self, meeting_id: str) -> list[DeliveryReport]:
        """Push the meeting and run the outbox until nothing is left to send; returns the report."""
        with self.store.session() as session:
            self._queue.extend(request_push(session, get_meeting(session, meeting_id)))
            session.commit()
        while self._queue:
            work = self._queue.pop(0)
            if work.kind != "op":
                continue
            if work.eta is not None:
                time.sleep(max(0.0, (work.eta - now()).total_seconds()))
            self.runner(work.ref)
        with self.store.session() as session:
            return report(session, meeting_id)

    def close(self) -> None:
        self.store.close()
