"""Scale-out end to end: one web process that only enqueues, three `assistant worker` processes on a
real Postgres and Redis, 30 short real recordings. One worker is killed (SIGKILL) mid-job, another is
stopped (SIGTERM) mid-job, and a supervisor starts a fresh worker in place of the killed one. Every
meeting ends done exactly once with its audio intact, and after approval the fake DingTalk receives each
to-do exactly once from the delivery workers.

The waits are for progress, not for a total: a machine twice as slow takes twice as long, but a
queue that stops moving fails within ``STALL_S``."""

from __future__ import annotations

import collections
import hashlib
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from assistant.config import ServiceSettings
from assistant.store.models import Job, JobEvent, Meeting
from assistant.store.store import Store
from tests.cluster import Cluster, recordings
from tests.dingtalk.fake_server import FakeDingTalk, demo_org

pytestmark = [pytest.mark.scale, pytest.mark.timeout(1800)]

UPLOADS = 30
LEASE_S = 6.0
STALL_S = 240.0  # several jobs' time on a slow 2-core machine, far less than the whole queue's


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)
    return value


def wait_for_progress(progress: Callable[[], int], goal: int, what: str) -> None:
    """Wait until ``progress()`` reaches ``goal``; fail when it has not grown for ``STALL_S`` seconds."""
    best, since = progress(), time.monotonic()
    while best < goal:
        if time.monotonic() - since > STALL_S:
            raise AssertionError(f"{what}: stuck at {best} of {goal} for {STALL_S:.0f} s")
        time.sleep(0.5)
        if (now := progress()) > best:
            best, since = now, time.monotonic()


def running_job_of(store: Store, proc: subprocess.Popen) -> str | None:
    with store.session() as session:
        return session.scalar(select(Job.id).where(Job.state == "running", Job.leased_by.like(f"%:{proc.pid}:%")))


@pytest.fixture
def fake():
    server = FakeDingTalk(demo_org()).start()
    yield server
    server.stop()


def dingtalk_env(fake: FakeDingTalk) -> dict[str, str]:
    org = fake.org
    return {
        "ASSISTANT_DINGTALK_API_BASE": fake.base_url, "ASSISTANT_DINGTALK_OAPI_BASE": fake.base_url,
        "ASSISTANT_DINGTALK_APP_KEY": org.app_key, "ASSISTANT_DINGTALK_APP_SECRET": org.app_secret,
        "ASSISTANT_DINGTALK_ROBOT_CODE": org.robot_code, "ASSISTANT_DINGTALK_AGENT_ID": str(org.agent_id),
        "ASSISTANT_DINGTALK_OPERATOR_UNION_ID": "un_op", "ASSISTANT_DINGTALK_CARD_TEMPLATE_ID": "tpl-confirm",
        "ASSISTANT_DINGTALK_FOLLOW_UP_MINUTES": "60",
    }


def test_thirty_meetings_on_three_workers_with_a_kill_and_a_graceful_stop(tmp_path, postgres, redis_server, fake):
    redis_server.flush()
    database_url = postgres.new_database()
    cluster = Cluster(tmp_path / "data", database_url, redis_server.url, {
        "ASSISTANT_SERVICE__AUDIO_DIR": str(tmp_path / "shared-audio"),  # the shared mount
        "ASSISTANT_SERVICE__LEASE_S": str(LEASE_S),
        "ASSISTANT_SERVICE__SWEEP_S": "1",
        "ASSISTANT_SERVICE__SHUTDOWN_GRACE_S": "120",
        **dingtalk_env(fake),
    })
    store = Store(ServiceSettings(data_dir=tmp_path / "observer", database_url=database_url))
    try:
        cluster.start_web()
        victim, stopped, survivor = (cluster.start_worker() for _ in range(3))
        uploads = recordings(tmp_path / "uploads", UPLOADS)
        with httpx.Client() as client:
            meeting_ids = [cluster.upload(client, path) for path in uploads]

            killed_job = wait_for(lambda: running_job_of(store, victim), 240, "the first worker to start a job")
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait(10)
            cluster.start_worker()  # what systemd or Kubernetes does after a crash
            stopped_job = wait_for(lambda: running_job_of(store, stopped), 240, "the second worker to start a job")
            stopped.send_signal(signal.SIGTERM)
            assert stopped.wait(150) == 0  # finished (or handed back) its job, then left

            def done() -> int:
                with store.session() as session:
                    states = session.scalars(select(Meeting.status)).all()
                assert "failed" not in states
                return states.count("done")

            wait_for_progress(done, UPLOADS, "meetings processed")
            assert survivor.poll() is None

            with store.session() as session:
                assert session.scalar(select(func.count()).select_from(Meeting)) == UPLOADS  # no duplicate
                rows = session.scalars(select(Job)).all()
                assert sorted(j.meeting_id for j in rows) == sorted(meeting_ids)  # one job per meeting
                done_events = collections.Counter(session.scalars(select(JobEvent.job_id)
                                                                  .where(JobEvent.kind == "done")))
                assert all(done_events[j.id] == 1 for j in rows)  # none run twice to completion
                killed = session.get(Job, killed_job)
                assert killed.state == "done" and killed.attempts == 2
                assert any("lease expired" in (e.message or "") for e in killed.events)
                assert session.get(Job, stopped_job).state == "done"
                shas = {m.id: m.audio_sha256 for m in session.scalars(select(Meeting))}
            for meeting_id, path in zip(meeting_ids, uploads, strict=True):  # the audio is intact
                assert shas[meeting_id] == hashlib.sha256(path.read_bytes()).hexdigest()
                assert cluster_blob_ok(tmp_path / "shared-audio", shas[meeting_id])

            # Approve one to-do per meeting and push: the remaining worker delivers them. To-dos the
            # extractor found without an owner (unnamed voices in these clips) would block approval.
            ours = []
            for i, meeting_id in enumerate(meeting_ids):
                base = f"{cluster.url}/api/meetings/{meeting_id}"
                for found in client.get(base, headers=cluster.headers).json()["action_items"]:
                    if found["owner"] is None:
                        assert client.delete(f"{base}/action-items/{found['id']}",
                                             headers=cluster.headers).status_code == 204
                item = client.post(f"{base}/action-items", headers=cluster.headers,
                                   json={"owner": "Peter Chan", "task": f"跟進第 {i} 項", "priority": "app"})
                assert item.status_code == 201, item.text
                ours.append(item.json()["id"])
                assert client.put(f"{base}/approval", headers=cluster.headers).status_code == 200
                assert client.post(f"{base}/deliveries", headers=cluster.headers).status_code == 202

            def delivered() -> list[dict]:
                reports = [d for m in meeting_ids for d in client.get(
                    f"{cluster.url}/api/meetings/{m}/deliveries", headers=cluster.headers).json()]
                mine = [d for d in reports if d["item_id"] in ours]
                return mine if all(d["status"] == "created" for d in mine) else []

            mine = wait_for(delivered, 180, "the to-dos to be delivered")
        created = collections.Counter(r.body.get("sourceId") for r in fake.requests
                                      if r.route == "todo.create" and r.outcome == "200")
        assert all(created[d["source_id"]] == 1 for d in mine) and len(mine) == UPLOADS
        assert max(created.values()) == 1  # no to-do created twice
    finally:
        cluster.stop()
        store.close()


def cluster_blob_ok(audio_dir: Path, sha: str) -> bool:
    path = audio_dir / sha[:2] / sha[2:4] / sha
    return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha
