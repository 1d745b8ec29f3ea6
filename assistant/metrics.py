"""Prometheus metrics: what this process did (counters, stage durations) and what the database says.

Counters and histograms live in this process (the web process with its embedded worker, or one
``assistant worker``; each worker serves its own with ``--metrics-port``). Job and outbox counts by
state come from the database at scrape time, so any one process reports them for the whole cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram, generate_latest, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from assistant.store.models import Job, OutboxOperation
from assistant.store.store import Store

_STAGE_BUCKETS = (0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600)

JOBS_RUNNING = Gauge("assistant_jobs_running_here", "Processing jobs running in this process.")
JOBS_FINISHED = Counter("assistant_jobs_finished", "Processing jobs this process ended, by outcome.", ["outcome"])
STAGE_SECONDS = Histogram("assistant_stage_seconds", "Duration of pipeline stages (s).", ["stage"],
                          buckets=_STAGE_BUCKETS)
QUEUE_WAIT_SECONDS = Histogram("assistant_queue_wait_seconds", "From a job's creation to its first start (s).",
                               buckets=_STAGE_BUCKETS)
DINGTALK_CALLS = Counter("assistant_dingtalk_calls", "DingTalk HTTP requests, by result (ok | error).", ["result"])
DINGTALK_FAILURES = Counter("assistant_dingtalk_failures", "Failed DingTalk HTTP requests, by error code.", ["code"])


class StoreCollector(Collector):
    """Jobs and outbox operations by state, and queue lengths, read when scraped."""

    def __init__(self, store: Store, queue_lengths: Callable[[], dict[str, int]]):
        self.store = store
        self.queue_lengths = queue_lengths

    def collect(self) -> Iterator[GaugeMetricFamily]:
        jobs = GaugeMetricFamily("assistant_jobs", "Processing jobs in the database, by state.", labels=["state"])
        ops = GaugeMetricFamily("assistant_outbox_operations", "DingTalk outbox operations, by state.",
                                labels=["state"])
        with self.store.session() as session:
            for state, n in session.execute(select(Job.state, func.count()).group_by(Job.state)):
                jobs.add_metric([state], n)
            for state, n in session.execute(select(OutboxOperation.state, func.count())
                                            .group_by(OutboxOperation.state)):
                ops.add_metric([state], n)
        queues = GaugeMetricFamily("assistant_queue_length", "Messages waiting in each queue.", labels=["queue"])
        for name, n in self.queue_lengths().items():
            queues.add_metric([name], n)
        yield from (jobs, ops, queues)


def exposition(store: Store, queue_lengths: Callable[[], dict[str, int]]) -> bytes:
    """This process's metrics followed by the database's, in the Prometheus text format."""
    shared = CollectorRegistry()
    shared.register(StoreCollector(store, queue_lengths))
    return generate_latest() + generate_latest(shared)


def serve(port: int, host: str, store: Store, queue_lengths: Callable[[], dict[str, int]]) -> None:
    """Serve this process's and the database's metrics on ``host:port`` (a worker's own endpoint)."""
    REGISTRY.register(StoreCollector(store, queue_lengths))
    start_http_server(port, addr=host)
