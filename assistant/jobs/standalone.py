"""``assistant worker``: a process that works Redis queues beside others, on this machine or another.

Several run at once (a few per machine, on several machines), sharing the database (Postgres) and
the audio folder (a shared mount). Each takes messages from the queues it is given, so pools with
different hardware scale apart (e.g. ``--queue processing`` on GPU machines, ``--queue dingtalk`` on
small ones). Jobs and outbox operations are leased in the database; a sweeper takes back what a dead
worker held. SIGTERM (or SIGINT) stops taking work, lets the current job finish for
``shutdown_grace_s``, then hands it back to the queue.
"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass

from huey.consumer import Consumer

from assistant import metrics
from assistant.config import Settings
from assistant.jobs.lease import worker_name
from assistant.jobs.sweeper import Sweeper
from assistant.jobs.worker import EmbeddedConsumer, end_if_diarising, join_consumers
from assistant.service import Service

log = logging.getLogger(__name__)

PROCESSING, DINGTALK = "processing", "dingtalk"


@dataclass(frozen=True)
class WorkerOptions:
    queues: tuple[str, ...] = (PROCESSING, DINGTALK)  # which pools this process belongs to
    threads: int = 1  # processing jobs at once (each thread shares the process's loaded models)
    dingtalk_stream: bool = False  # also receive DingTalk card clicks (run it in one worker)
    metrics_port: int | None = None  # serve this process's metrics (stage durations, DingTalk calls)


class StandaloneWorker:
    def __init__(self, settings: Settings, options: WorkerOptions):
        if not settings.service.redis_url:
            raise ValueError("`assistant worker` needs a Redis queue: set ASSISTANT_SERVICE__REDIS_URL")
        unknown = set(options.queues) - {PROCESSING, DINGTALK}
        if unknown:
            raise ValueError(f"unknown queue(s) {', '.join(sorted(unknown))}: choose {PROCESSING} or {DINGTALK}")
        self.settings = settings
        self.options = options
        self.hand_back = threading.Event()
        self.service = Service(settings, run_worker=False, hand_back=self.hand_back)
        self.consumers: list[Consumer] = []
        delivery = self.service.dingtalk.queue if self.service.dingtalk is not None else None
        if DINGTALK in options.queues and delivery is None:
            log.info("DingTalk is not configured: this worker takes no delivery work")
        self.sweeper = Sweeper(self.service.store, settings.service,
                               self.service.queue if PROCESSING in options.queues else None,
                               delivery if DINGTALK in options.queues else None)

    def start(self) -> None:
        self.service.store.blobs.clear_stale()
        if PROCESSING in self.options.queues:
            self._consume(self.service.queue.huey, self.options.threads, periodic=True)
        if DINGTALK in self.options.queues and self.service.dingtalk is not None:
            self._consume(self.service.dingtalk.queue.huey, self.settings.dingtalk_workers, periodic=False)
            if self.options.dingtalk_stream:
                self.service.dingtalk.start_stream()
        self.sweeper.start()
        if self.options.metrics_port is not None:
            metrics.serve(self.options.metrics_port, self.settings.service.host, self.service.store,
                          self.service.queue_lengths)
        log.info("worker %s: working %s", worker_name(), ", ".join(self.options.queues))

    def _consume(self, huey, threads: int, periodic: bool) -> None:
        consumer = EmbeddedConsumer(huey, workers=threads, worker_type="thread", periodic=periodic,
                                    check_worker_health=False)
        consumer.start()
        self.consumers.append(consumer)

    def stop(self) -> None:
        """Take no new work; wait ``shutdown_grace_s`` for running jobs, then hand them back."""
        for consumer in self.consumers:
            consumer.stop_flag.set()
        if not join_consumers(self.consumers, self.settings.service.shutdown_grace_s):
            log.info("grace period over: handing running jobs back to the queue")
            self.hand_back.set()
            join_consumers(self.consumers, self.settings.service.lease_s)
        self.sweeper.stop()
        self.service.stop()


def run(settings: Settings, options: WorkerOptions) -> None:
    """Run until SIGTERM or SIGINT, then shut down gracefully."""
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    worker = StandaloneWorker(settings, options)
    worker.start()
    stop.wait()
    log.info("stopping: finishing the current work")
    worker.stop()
    log.info("stopped")
    end_if_diarising(0)
