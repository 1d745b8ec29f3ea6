"""Leases for several workers: exactly-once claims, heartbeats, takeover after expiry, hand-back on
shutdown, the sweeper; on SQLite and on a real Postgres (and Redis for the queue)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from assistant import pipeline
from assistant.jobs.runner import JobRunner
from assistant.jobs.sweeper import Sweeper
from assistant.service import Service
from assistant.store import deliveries, jobs
from assistant.store.models import Job, OutboxOperation, now

from .conftest import DATABASES, SAMPLE, make_minutes, service_settings

pytestmark = DATABASES


@pytest.fixture
def service(idle_service):
    return idle_service


def new_job(service) -> str:
    return service.ingest(service.store.blobs.put_file(SAMPLE), "weekly.wav")[1]


def job_row(service, job_id) -> Job:
    with service.store.session() as session:
        return session.get(Job, job_id)


def slow_process(seconds: float, started: threading.Event | None = None):
    """A stand-in for the models that reports progress for ``seconds``."""

    def process(path, options, settings, progress):
        if started is not None:
            started.set()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            progress("transcribe", 0.5)
            time.sleep(0.05)
        return pipeline.Result(minutes=make_minutes(), diarization=None, transcript=None)

    return process


def test_a_job_is_claimed_once_by_concurrent_workers(service):
    job_id = new_job(service)

    def claim(i: int) -> bool:
        with service.store.session() as session:
            job = jobs.claim(session, job_id, f"worker-{i}", 30)
            session.commit()
            return job is not None

    with ThreadPoolExecutor(8) as pool:
        assert sum(pool.map(claim, range(8))) == 1
    job = job_row(service, job_id)
    assert job.state == "running" and job.attempts == 1 and job.leased_by.startswith("worker-")


def test_an_expired_lease_is_taken_over_and_the_old_holder_cannot_finish(service):
    job_id = new_job(service)
    with service.store.session() as session:
        jobs.claim(session, job_id, "dead-worker", 30)
        session.commit()
    with service.store.session() as session:
        assert jobs.expired(session) == []  # still leased
        session.get(Job, job_id).lease_expires_at = now() - timedelta(seconds=1)
        session.commit()
    with service.store.session() as session:
        assert [p.job_id for p in jobs.expired(session)] == [job_id]
        session.commit()
    job = job_row(service, job_id)
    assert job.state == "queued" and job.leased_by is None
    with service.store.session() as session:
        assert not jobs.release(session, job_id, "dead-worker")
        assert jobs.claim(session, job_id, "new-worker", 30) is not None
        session.commit()
    assert job_row(service, job_id).attempts == 2


def test_the_last_attempt_fails_when_its_lease_expires(service):
    job_id = new_job(service)
    with service.store.session() as session:
        job = session.get(Job, job_id)
        job.max_attempts = 1
        jobs.claim(session, job_id, "dead-worker", 30)
        session.get(Job, job_id).lease_expires_at = now() - timedelta(seconds=1)
        session.commit()
    with service.store.session() as session:
        assert jobs.expired(session) == []
        session.commit()
    job = job_row(service, job_id)
    assert job.state == "failed" and "lease expired" in job.error


def test_the_heartbeat_keeps_a_long_job_leased(settings):
    settings = settings.model_copy(update={"service": settings.service.model_copy(update={"lease_s": 0.6})})
    service = Service(settings, run_worker=False)
    try:
        job_id = new_job(service)
        started = threading.Event()
        runner = JobRunner(service.store, settings, slow_process(2.0, started))
        thread = threading.Thread(target=runner, args=(job_id,))
        thread.start()
        started.wait(10)
        taken = []
        while thread.is_alive():  # another worker's sweeper, all the while
            with service.store.session() as session:
                taken += jobs.expired(session)
                session.commit()
            time.sleep(0.1)
        assert taken == []
        job = job_row(service, job_id)
        assert job.state == "done" and job.attempts == 1 and job.leased_by is None
    finally:
        service.stop()


def test_a_stopping_worker_hands_its_job_back(service):
    job_id = new_job(service)
    requeued: list[str] = []
    hand_back = threading.Event()
    started = threading.Event()
    runner = JobRunner(service.store, service.settings, slow_process(30, started), requeue=requeued.append,
                       hand_back=hand_back)
    thread = threading.Thread(target=runner, args=(job_id,))
    thread.start()
    started.wait(10)
    hand_back.set()
    thread.join(10)
    with service.store.session() as session:
        job = session.get(Job, job_id)
        assert requeued == [job_id] and job.state == "queued" and job.attempts == 0 and job.leased_by is None
        assert job.events[-1].message.endswith("shut down mid-job; queued again")


def test_a_job_taken_over_meanwhile_is_not_finished_twice(service):
    job_id = new_job(service)
    started = threading.Event()
    runner = JobRunner(service.store, service.settings, slow_process(1.0, started))
    thread = threading.Thread(target=runner, args=(job_id,))
    thread.start()
    started.wait(10)
    with service.store.session() as session:  # the lease runs out (a long pause), another worker takes it
        session.get(Job, job_id).lease_expires_at = now() - timedelta(seconds=1)
        session.commit()
    with service.store.session() as session:
        jobs.expired(session)
        jobs.claim(session, job_id, "other-worker", 30)
        session.commit()
    thread.join(10)
    with service.store.session() as session:
        job = session.get(Job, job_id)
        assert job.state == "running" and job.leased_by == "other-worker"
        assert [e.kind for e in job.events].count("done") == 0


def test_outbox_operations_are_leased_and_taken_back_after_expiry(service, meeting_with_delivery):
    todo_id, ding_id = meeting_with_delivery(service)
    with service.store.session() as session:
        assert deliveries.claim(session, todo_id, "w1", 30) is not None
        assert deliveries.claim(session, todo_id, "w2", 30) is None
        deliveries.claim(session, ding_id, "w1", 30)
        session.commit()
    with service.store.session() as session:
        assert deliveries.expired(session) == []
        for op_id in (todo_id, ding_id):
            session.get(OutboxOperation, op_id).lease_expires_at = now() - timedelta(seconds=1)
        session.commit()
    with service.store.session() as session:
        scheduled = deliveries.expired(session)
        session.commit()
    assert [s.ref for s in scheduled] == [str(todo_id)]  # a to-do is idempotent; a DING is never re-sent
    with service.store.session() as session:
        todo, ding = session.get(OutboxOperation, todo_id), session.get(OutboxOperation, ding_id)
        assert (todo.state, ding.state) == ("pending", "uncertain")
        assert not deliveries.release(session, todo_id, "w1")


@pytest.fixture
def meeting_with_delivery():
    from assistant.store.meetings import create_meeting
    from assistant.store.models import ActionItem, Delivery

    def make(service) -> tuple[int, int]:
        blob = service.store.blobs.put_file(SAMPLE)
        with service.store.session() as session:
            meeting = create_meeting(session, blob, "weekly.wav")
            item = ActionItem(id="item1", meeting_id=meeting.id, position=0, owner="陳生", task="交計劃書")
            session.add(item)
            session.flush()
            d = Delivery(id="d1", meeting_id=meeting.id, item_id=item.id, position=0, owner="陳生",
                         source_id="src1", status="pending", candidates=[], ding_downgraded=False)
            session.add(d)
            session.flush()
            todo = deliveries.add_operation(session, d, "todo", "todo:src1")
            ding = deliveries.add_operation(session, d, "ding", "ding:src1")
            session.commit()
            return todo.id, ding.id

    return make


def test_the_sweeper_requeues_expired_and_stranded_jobs_on_redis(tmp_path, database_url, redis_server):
    redis_server.flush()
    settings = service_settings(tmp_path / "data", database_url=database_url, redis_url=redis_server.url,
                                stale_s=1.0)
    service = Service(settings, run_worker=False)
    try:
        assert service.worker is None  # the web process only enqueues
        expired_id, stranded_id = new_job(service), new_job(service)
        service.queue.clear()  # both messages lost
        with service.store.session() as session:
            jobs.claim(session, expired_id, "dead-worker", 30)
            session.get(Job, expired_id).lease_expires_at = now() - timedelta(seconds=1)
            session.commit()
        sweeper = Sweeper(service.store, settings.service, service.queue, None)
        sweeper.sweep()
        assert service.queue.length() == 1  # the expired one; the other is not stale yet
        service.queue.clear()
        time.sleep(1.1)
        sweeper.sweep()
        assert service.queue.length() == 2  # queue empty: both waiting jobs are stale
        sweeper.sweep()
        assert service.queue.length() == 2  # not while messages wait
        assert job_row(service, stranded_id).state == "queued"
    finally:
        service.stop()
