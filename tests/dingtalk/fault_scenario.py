"""The fault scenario shared by the test and ``bench/dingtalk_faults.py``.

N approved items are pushed through the outbox by a real ``assistant serve`` process against the
fake DingTalk while: every third to-do create loses its answer (the create happened), every third
card and contacts call answers 500, tokens expire mid-push, the QPS limit is low enough to give
rate-limit bursts, and the server process is SIGKILLed mid-push and started again. Nobody answers,
so every owner is flagged and escalated after the (short) window. Counts come from the fake's
state, independently of sourceIds: to-dos per task text, DINGs per text, manager to-dos per item.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from assistant.config import PROJECT_ROOT, ServiceSettings, Settings
from assistant.dingtalk.runtime import DingTalkRuntime
from assistant.minutes import ActionItem, MeetingInfo, Minutes, Speaker, Turn
from assistant.store import models
from assistant.store.meetings import new_id, save_minutes
from assistant.store.models import Delivery, Meeting, now
from assistant.store.store import Store
from tests.dingtalk.fake_server import FakeDingTalk, demo_org

OWNERS = [("Peter Chan", "u_peter"), ("Mary Wong", "u_mary"), ("Mary Lee", "u_mary2")]


@dataclass
class FaultRun:
    items: int
    pushed: int = 0  # items whose to-do exists on the fake
    faults_injected: int = 0
    rate_limited: int = 0
    kills: int = 0
    created_before_kill: int = 0
    downtime_s: float = 0.0  # from the kill to the restarted server's first call
    duplicates: int = 0  # extra to-dos for an item
    lost: int = 0  # items without a to-do
    ding_duplicates: int = 0
    escalations: int = 0
    escalation_duplicates: int = 0
    escalation_latency_s: list[float] = field(default_factory=list)  # window end → manager's to-do on the fake
    wall_s: float = 0.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _settings(fake: FakeDingTalk, data_dir: Path, window_s: float) -> tuple[Settings, dict[str, str]]:
    env = {
        "ASSISTANT_DINGTALK_API_BASE": fake.base_url,
        "ASSISTANT_DINGTALK_OAPI_BASE": fake.base_url,
        "ASSISTANT_DINGTALK_APP_KEY": fake.org.app_key,
        "ASSISTANT_DINGTALK_APP_SECRET": fake.org.app_secret,
        "ASSISTANT_DINGTALK_ROBOT_CODE": fake.org.robot_code,
        "ASSISTANT_DINGTALK_AGENT_ID": str(fake.org.agent_id),
        "ASSISTANT_DINGTALK_OPERATOR_UNION_ID": "un_op",
        "ASSISTANT_DINGTALK_CARD_TEMPLATE_ID": "tpl-confirm",
        "ASSISTANT_DINGTALK_TIMEOUT_S": "0.5",
        "ASSISTANT_DINGTALK_BACKOFF_BASE_S": "0.25",
        "ASSISTANT_DINGTALK_BACKOFF_MAX_S": "1.0",
        "ASSISTANT_DINGTALK_FOLLOW_UP_MINUTES": str(window_s / 60),
        "ASSISTANT_DINGTALK_OUTBOX_RETRY_S": "0.5",
        "ASSISTANT_SERVICE__DATA_DIR": str(data_dir),
    }
    settings = Settings(
        _env_file=None, service=ServiceSettings(data_dir=data_dir),
        **{k.removeprefix("ASSISTANT_").lower(): v for k, v in env.items() if k.startswith("ASSISTANT_DINGTALK")},
    )
    return settings, env


def _meeting(store: Store, n: int) -> str:
    with store.session() as session:
        session.add_all(models.Person(id=new_id(), name=name, aliases=[], dingtalk_user_id=user_id, version=1)
                        for name, user_id in OWNERS)
        meeting = Meeting(id=new_id(), title="故障測試", filename="faults.wav", status="done", version=1)
        session.add(meeting)
        session.flush()
        items = [ActionItem(OWNERS[i % 3][0], f"跟進第{i}項報價", "2026-12-04", ("app", "sms", "call")[i % 3], None)
                 for i in range(n)]
        minutes = Minutes(MeetingInfo("faults.wav", 60.0, "yue", {}, "2026-11-25T10:00:00+08:00", "2026-11-25"),
                          [Speaker("SPEAKER_00", None, 60.0)], [Turn("SPEAKER_00", 0.0, 60.0, "嗯", [])], [], items)
        save_minutes(session, meeting, minutes)
        meeting.approved_at = now()
        session.commit()
        return meeting.id


def _serve(env: dict[str, str], log: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "assistant.cli", "serve", "--port", str(_free_port())]
    with log.open("a") as out:
        return subprocess.Popen(cmd, env={**os.environ, **env}, cwd=PROJECT_ROOT, stdout=out,
                                stderr=subprocess.STDOUT)


def run(n_items: int, work_dir: Path, window_s: float = 3.0, timeout_s: float = 300.0) -> FaultRun:
    started = time.monotonic()
    result = FaultRun(items=n_items)
    fake = FakeDingTalk(demo_org()).start()
    fake.org.qps_limit = 8  # bursts of real 403 QpsLimit answers
    faults = [
        fake.inject("drop_after", "/v1.0/todo/users", every_nth=3, times=None),
        fake.inject("http500", "/v1.0/card", every_nth=3, times=None),
        fake.inject("http500", "/topapi", every_nth=3, times=None),
        fake.inject("expire_tokens", "/v1.0/todo/users", every_nth=max(n_items // 3, 2), times=2),
    ]
    data_dir = work_dir / "data"
    settings, env = _settings(fake, data_dir, window_s)
    store = Store(settings.service)
    meeting_id = _meeting(store, n_items)
    DingTalkRuntime(store, settings, run_worker=False).push(meeting_id)  # outbox + queue; no sender here
    log = work_dir / "serve.log"
    server = _serve(env, log)
    try:
        kill_at = max(n_items // 3, 1)
        deadline = time.monotonic() + timeout_s
        while len([t for t in fake.todos.values() if t["sourceId"].startswith("mtg-")]) < kill_at:
            _check(server, deadline, log)
            time.sleep(0.02)
        server.send_signal(signal.SIGKILL)
        server.wait()
        killed_at, calls_before = time.time(), len(fake.requests)
        result.kills, result.created_before_kill = 1, len(fake.todos)
        server = _serve(env, log)
        while len(fake.requests) == calls_before:
            _check(server, deadline, log)
            time.sleep(0.02)
        result.downtime_s = fake.requests[calls_before].at - killed_at
        while not _finished(store, meeting_id):
            _check(server, deadline, log)
            time.sleep(0.1)
        time.sleep(0.5)  # anything sent twice would arrive now
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        fake.stop()
    _count(result, fake, store, meeting_id, faults)
    store.close()
    result.wall_s = time.monotonic() - started
    return result


def _check(server: subprocess.Popen, deadline: float, log: Path) -> None:
    if server.poll() is not None:
        raise RuntimeError(f"assistant serve exited ({server.returncode}):\n{log.read_text()[-3000:]}")
    if time.monotonic() > deadline:
        raise TimeoutError(f"the fault scenario did not finish:\n{log.read_text()[-3000:]}")


def _finished(store: Store, meeting_id: str) -> bool:
    with store.session() as session:
        rows = session.query(Delivery).filter(Delivery.meeting_id == meeting_id).all()
        return bool(rows) and all(d.escalated_at is not None for d in rows)


def _count(result: FaultRun, fake: FakeDingTalk, store: Store, meeting_id: str, faults) -> None:
    todos = Counter(t["subject"] for t in fake.todos.values() if t["sourceId"].startswith("mtg-"))
    tasks = [f"跟進第{i}項報價" for i in range(result.items)]
    result.pushed = sum(1 for t in tasks if todos[t] >= 1)
    result.duplicates = sum(max(0, todos[t] - 1) for t in tasks)
    result.lost = sum(1 for t in tasks if todos[t] == 0)
    dings = Counter(d["content"] for d in fake.dings)
    result.ding_duplicates = sum(c - 1 for c in dings.values() if c > 1)
    escalated = Counter(t["sourceId"] for t in fake.todos.values() if t["sourceId"].startswith("esc-"))
    result.escalations = len(escalated)
    result.escalation_duplicates = sum(c - 1 for c in escalated.values() if c > 1)
    result.faults_injected = sum(f.fired for f in faults)
    result.rate_limited = sum(1 for r in fake.requests if r.outcome == "rate-limited")
    first_esc = {}
    for r in fake.requests:
        if r.route == "todo.create" and str((r.body or {}).get("sourceId", "")).startswith("esc-"):
            first_esc.setdefault(r.body["sourceId"], r.at)
    with store.session() as session:
        for d in session.query(Delivery).filter(Delivery.meeting_id == meeting_id):
            at = first_esc.get(f"esc-{d.source_id}")
            if at is not None and d.follow_up_due_at is not None:
                result.escalation_latency_s.append(at - d.follow_up_due_at.timestamp())
