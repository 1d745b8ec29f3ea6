"""The embedded worker: one per data folder, held by a file lock, runs the queue in threads."""

from __future__ import annotations

import fcntl
import logging
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from huey.consumer import Consumer

from assistant.jobs.queue import JobQueue
from assistant.store import jobs
from assistant.store.store import Store

log = logging.getLogger(__name__)


class EmbeddedConsumer(Consumer):
    def _set_signal_handlers(self) -> None:
        pass  # the host process (uvicorn, the CLI) owns the signals


def join_consumers(consumers: Sequence[Consumer], timeout_s: float) -> bool:
    """Wait up to ``timeout_s`` seconds for the consumers' threads (stop flags already set) to end;
    returns whether all did."""
    deadline = time.monotonic() + timeout_s
    threads = [t for c in consumers for t in (*(w for _, w in c.worker_threads), c.scheduler)]
    for t in threads:
        t.join(max(deadline - time.monotonic(), 0))
    return not any(t.is_alive() for t in threads)


def end_if_diarising(status: int) -> None:
    """After a shutdown: end the process at once when a handed-back job's diarisation still runs in
    native code (``pipeline.exit_if_diarising``); the pipeline is imported by the first job only."""
    pipeline = sys.modules.get("assistant.pipeline")
    if pipeline is not None:
        pipeline.exit_if_diarising(status)


class Worker:
    """Runs the queue in this process's threads; ``lock_name`` makes it one process per data folder.

    ``hand_back`` is the jobs' signal to stop at their next progress report (see ``JobRunner``): set
    on :meth:`stop`, which then waits for them, since native code (CTranslate2, torch) still running
    when the interpreter exits aborts the process. A handed-back job runs again at the next start.
    """

    lock_name = "worker.lock"
    max_poll_s = 10.0  # Huey's default: an idle consumer polls less and less often, up to this

    def __init__(self, store: Store, queue: JobQueue, threads: int, hand_back: threading.Event | None = None,
                 stop_wait_s: float = 10.0):
        self.store = store
        self.queue = queue
        self.threads = threads
        self.hand_back = hand_back or threading.Event()
        self.stop_wait_s = stop_wait_s
        self._lock_file = None
        self._consumer: EmbeddedConsumer | None = None

    def start(self) -> bool:
        """Start unless another process already works this data folder; returns whether it started."""
        lock = (self.store.data_dir / self.lock_name).open("w")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            log.info("another worker holds %s; this process only queues jobs", Path(lock.name))
            return False
        self._lock_file = lock
        self._recover()
        self._consumer = EmbeddedConsumer(self.queue.huey, workers=self.threads, worker_type="thread",
                                          check_worker_health=False, max_delay=self.max_poll_s)
        self._consumer.start()
        return True

    def _recover(self) -> None:
        # The database is the source of truth: rebuild the queue from it, so a job whose worker
        # died mid-way (its task already taken off the queue) runs again, and nothing runs twice.
        self.queue.clear()
        self.store.blobs.clear_stale()
        with self.store.session() as session:
            pending = jobs.recover(session)
            session.commit()
        for p in pending:
            self.queue.enqueue(p.job_id, p.eta)
        if pending:
            log.info("queued %d unfinished job(s) again", len(pending))

    def stop(self) -> None:
        if self._consumer is not None:
            self._consumer.stop_flag.set()
            self.hand_back.set()
            if not join_consumers([self._consumer], self.stop_wait_s):
                log.warning("a job did not stop within %.0f s; it runs again at the next start", self.stop_wait_s)
            self._consumer = None
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None
