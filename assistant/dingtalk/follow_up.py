"""The follow-up check, scheduled for the end of each owner's window (``dingtalk_follow_up_minutes``).

An owner who by then has neither confirmed, disputed nor completed the to-do is flagged 失聯風險
(lost-contact risk); a second-phase reminder (different wording) and a to-do on the direct
manager's list are written to the outbox in the same transaction. The check is scheduled from
the database (``store.deliveries.recover``), so it survives restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from assistant.config import Settings
from assistant.store import deliveries
from assistant.store.deliveries import Scheduled, event
from assistant.store.models import Delivery, now
from assistant.store.store import Store

log = logging.getLogger(__name__)


def answered(d: Delivery) -> bool:
    return d.confirmed_at is not None or d.disputed_at is not None or d.done_at is not None


class FollowUp:
    def __init__(self, store: Store, settings: Settings, schedule: Callable[[list[Scheduled]], None]) -> None:
        self.store = store
        self.settings = settings
        self.schedule = schedule

    def __call__(self, delivery_id: str) -> None:
        with self.store.session() as session:
            d = session.get(Delivery, delivery_id)
            if d is None or d.follow_up_due_at is None or d.flagged_at is not None or answered(d):
                return
            if d.follow_up_due_at > now():  # queued early (a restart): check again on time
                scheduled = [Scheduled("follow_up", d.id, d.follow_up_due_at, True)]
            else:
                d.flagged_at = now()
                minutes = self.settings.dingtalk_follow_up_minutes
                event(session, d, "flagged", f"失聯風險: no answer {minutes:g} min after the push", d.user_id)
                ops = [deliveries.add_operation(session, d, "reminder", f"reminder:{d.source_id}"),
                       deliveries.add_operation(session, d, "manager_todo", f"manager:{d.source_id}")]
                scheduled = [Scheduled("op", str(o.id), None, True) for o in ops if o is not None]
                log.info("delivery %s: owner %s flagged as lost-contact risk", d.id, d.user_id)
            session.commit()
        self.schedule(scheduled)
