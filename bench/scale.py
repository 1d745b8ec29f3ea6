"""Throughput of the scaled-out service on this machine: meetings per hour with 1 and 2 `assistant worker`
processes for short recordings (2.7-4.4 s clips of samples/eval/asr), and queue-to-start latency.

Each run starts a real Postgres and Redis (``tests.servers``), one web process and the workers
(``tests.cluster``: greedy decoding, rule-based extraction, one CPU thread per process). Workers are
warmed up first (models loaded), so the figures are steady state. Latency is measured twice: one
upload at a time on an idle cluster (the queue's own delay), and over a burst (waiting included).

    python -m bench.scale [--meetings 12] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import select

from assistant.config import ServiceSettings
from assistant.store.models import Job, JobEvent
from assistant.store.store import Store
from tests.cluster import Cluster, recordings
from tests.servers import Postgres, Redis


def _jobs(store: Store, meeting_ids: list[str]) -> list[Job]:
    with store.session() as session:
        return list(session.scalars(select(Job).where(Job.meeting_id.in_(meeting_ids))))


def _wait_done(store: Store, meeting_ids: list[str], timeout_s: float = 1800) -> list[Job]:
    deadline = time.monotonic() + timeout_s
    while True:
        rows = _jobs(store, meeting_ids)
        if len(rows) == len(meeting_ids) and all(j.state == "done" for j in rows):
            return rows
        if any(j.state == "failed" for j in rows):
            raise RuntimeError(f"a job failed: {[j.error for j in rows if j.error]}")
        if time.monotonic() > deadline:
            raise TimeoutError("jobs did not finish")
        time.sleep(0.1)


def _workers_used(store: Store, meeting_ids: list[str]) -> set[str]:
    with store.session() as session:
        messages = session.scalars(select(JobEvent.message).join(Job, Job.id == JobEvent.job_id)
                                   .where(Job.meeting_id.in_(meeting_ids), JobEvent.kind == "running"))
        return {m.rsplit(" on ", 1)[-1] for m in messages if m and " on " in m}


def run(workers: int, meetings: int, postgres: Postgres, redis: Redis, folder: Path) -> dict[str, float]:
    redis.flush()
    url = postgres.new_database()
    cluster = Cluster(folder / f"data{workers}", url, redis.url)
    store = Store(ServiceSettings(data_dir=folder / f"observer{workers}", database_url=url))
    clips = recordings(folder / f"clips{workers}", meetings + 8 * workers + 5)
    try:
        cluster.start_web()
        for _ in range(workers):
            cluster.start_worker()
        with httpx.Client() as client:
            warm: list[str] = []
            while len(_workers_used(store, warm)) < workers:  # every worker has loaded its models
                batch = [cluster.upload(client, clips.pop()) for _ in range(workers)]
                _wait_done(store, batch)
                warm += batch
            idle = []
            for _ in range(5):  # one at a time, on an idle cluster
                job = _wait_done(store, [cluster.upload(client, clips.pop())])[0]
                idle.append((job.started_at - job.created_at).total_seconds())
            burst = [cluster.upload(client, clips.pop()) for _ in range(meetings)]
            rows = _wait_done(store, burst)
        first = min(j.created_at for j in rows)
        last = max(j.finished_at for j in rows)
        waits = sorted((j.started_at - j.created_at).total_seconds() for j in rows)
        return {
            "meetings_per_hour": meetings / (last - first).total_seconds() * 3600,
            "idle_latency_s": statistics.median(idle),
            "burst_latency_median_s": statistics.median(waits),
            "burst_latency_max_s": waits[-1],
            "seconds_per_meeting": statistics.mean((j.finished_at - j.started_at).total_seconds() for j in rows),
        }
    finally:
        cluster.stop()
        store.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=12, help="recordings in the measured burst")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker processes to compare")
    args = parser.parse_args(argv)
    postgres, redis = Postgres().start(), Redis().start()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
            print(f"{'workers':>7} {'meetings/h':>10} {'s/meeting':>9} {'idle start (s)':>14} "
                  f"{'burst start median/max (s)':>26}")
            for n in args.workers:
                r = run(n, args.meetings, postgres, redis, Path(tmp))
                print(f"{n:>7} {r['meetings_per_hour']:>10.0f} {r['seconds_per_meeting']:>9.1f} "
                      f"{r['idle_latency_s']:>14.2f} {r['burst_latency_median_s']:>14.1f} / "
                      f"{r['burst_latency_max_s']:.1f}", flush=True)
    finally:
        redis.stop()
        postgres.stop()


if __name__ == "__main__":
    main()
