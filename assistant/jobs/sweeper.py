"""Takes back work whose worker died, for several workers sharing one database and one Redis.

Instead of a start-up flush (right for one worker, wrong for many: it would drop or repeat what
the others hold), each ``assistant worker`` sweeps every ``sweep_s`` seconds:

- jobs and outbox operations whose lease expired (their worker was killed or lost the database)
  go back to waiting and onto the queue (``store.jobs.expired``, ``store.deliveries.expired``);
- when a queue is empty, waiting work untouched for ``stale_s`` is queued again: its message was
  lost (a crash between commit and enqueue, a flushed Redis). A duplicate message is harmless:
  claiming is exactly once in the database.
"""

from __future__ import annotations

import logging
import threading

from assistant.config import ServiceSettings
from assistant.jobs.deliveries import DeliveryQueue
from assistant.jobs.queue import JobQueue
from assistant.store import deliveries, jobs
from assistant.store.store import Store

log = logging.getLogger(__name__)


class Sweeper:
    def __init__(self, store: Store, settings: ServiceSettings, queue: JobQueue | None,
                 delivery: DeliveryQueue | None):
        self.store = store
        self.settings = settings
        self.queue = queue
        self.delivery = delivery
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sweeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self.settings.sweep_s):
            try:
                self.sweep()
            except Exception:  # the database or Redis is away: try again next round
                log.warning("sweep failed", exc_info=True)

    def sweep(self) -> None:
        if self.queue is not None:
            with self.store.session() as session:
                pending = jobs.expired(session)
                session.commit()
            if self.queue.length() == 0:
                with self.store.session() as session:
                    pending += jobs.stranded(session, self.settings.stale_s)
            for p in pending:
                self.queue.enqueue(p.job_id, p.eta)
            if pending:
                log.info("queued %d job(s) again (lease expired or message lost)", len(pending))
        if self.delivery is not None:
            with self.store.session() as session:
                scheduled = deliveries.expired(session)
                session.commit()
            if self.delivery.length() == 0:
                with self.store.session() as session:
                    scheduled += deliveries.stranded(session, self.settings.stale_s)
            self.delivery.schedule(scheduled)
            if scheduled:
                log.info("DingTalk outbox: %d operation(s) or follow-up(s) queued again", len(scheduled))
