"""The DingTalk delivery queue: its own Huey queue and worker thread, so a push or a follow-up
never waits behind an hour of transcription on the processing queue.

As with processing jobs, the database decides what runs. Embedded (SQLite queue, one worker per
data folder): at start the queue is emptied and rebuilt from the outbox and the pending follow-up
checks (``store.deliveries.recover``). With Redis and several delivery workers, nothing is flushed:
operations are leased, and ``jobs.sweeper`` takes back those whose worker died.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from assistant.config import ServiceSettings
from assistant.jobs.queue import make_huey
from assistant.jobs.worker import Worker
from assistant.store import deliveries
from assistant.store.deliveries import Scheduled

log = logging.getLogger(__name__)

_URGENT = 10


class DeliveryQueue:
    def __init__(self, settings: ServiceSettings) -> None:
        self.name = settings.delivery_queue
        self.huey = make_huey(settings, settings.delivery_queue, "assistant-dingtalk", "dingtalk-queue.db",
                              priority=True)
        self._tasks: dict[tuple[str, bool], Callable] = {}

    def bind(self, run_operation: Callable[[str], None], follow_up: Callable[[str], None]) -> None:
        self._tasks = {
            ("op", False): self.huey.task(name="dingtalk_outbox")(run_operation),
            ("op", True): self.huey.task(name="dingtalk_outbox_urgent", priority=_URGENT)(run_operation),
            ("follow_up", True): self.huey.task(name="dingtalk_follow_up", priority=_URGENT)(follow_up),
        }

    def schedule(self, work: list[Scheduled]) -> None:
        for w in work:
            task = self._tasks[(w.kind, w.urgent)]
            if w.eta is None:
                task(w.ref)
            else:
                task.schedule((w.ref,), eta=w.eta)

    def length(self) -> int:
        return self.huey.pending_count()

    def clear(self) -> None:
        self.huey.flush()


class DeliveryWorker(Worker):
    """One per data folder (its own lock); other processes only write to the outbox and the queue."""

    lock_name = "dingtalk-worker.lock"
    max_poll_s = 0.5  # deliveries are small: an idle worker must not wait up to Huey's 10 s
    queue: DeliveryQueue

    def _recover(self) -> None:
        self.queue.clear()
        with self.store.session() as session:
            pending = deliveries.recover(session)
            session.commit()
        self.queue.schedule(pending)
        if pending:
            log.info("DingTalk outbox: %d operation(s) and follow-up(s) queued again", len(pending))
