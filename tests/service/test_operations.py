"""Health, readiness and metrics endpoints, JSON logs, and the worker command's refusal without Redis."""

from __future__ import annotations

import json
import logging
import shutil

from click.testing import CliRunner
from fastapi.testclient import TestClient

from assistant.api.main import create_app
from assistant.cli import main
from assistant.logs import JsonFormatter

from .conftest import DATABASES, insert_meeting, service_settings

@DATABASES
def test_health_and_readiness_need_no_sign_in(anonymous):
    assert anonymous.get("/healthz").json() == {"status": "ok"}
    r = anonymous.get("/readyz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "database": "ok", "queue": "ok", "storage": "ok"}


@DATABASES
def test_readiness_names_an_unreachable_part(anonymous):
    shutil.rmtree(anonymous.app.state.service.store.blobs.root)  # the shared mount went away
    r = anonymous.get("/readyz")
    assert r.status_code == 503 and r.json()["storage"] == "unreachable" and r.json()["database"] == "ok"


@DATABASES
def test_metrics_are_for_admins(anonymous, client, member_client, service):
    insert_meeting(service)
    assert anonymous.get("/metrics").status_code == 401
    assert member_client.get("/metrics").status_code == 403
    r = client.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    assert 'assistant_jobs{state="done"} 1.0' in r.text
    assert 'assistant_queue_length{queue="processing"} 0.0' in r.text
    for name in ("assistant_stage_seconds", "assistant_queue_wait_seconds", "assistant_dingtalk_calls_total",
                 "assistant_jobs_finished_total", "assistant_jobs_running_here"):
        assert name in r.text


@DATABASES
def test_metrics_can_be_public(tmp_path, database_url):
    with TestClient(create_app(service_settings(tmp_path / "data", database_url=database_url,
                                                metrics_public=True))) as c:
        assert c.get("/metrics").status_code == 200


def test_json_logs_are_one_object_per_line():
    record = logging.LogRecord("assistant.jobs", logging.INFO, __file__, 1, "job %s: %s", ("j1", "完成"), None)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "job j1: 完成" and entry["level"] == "INFO" and entry["logger"] == "assistant.jobs"


def test_worker_needs_a_redis_queue(tmp_path, monkeypatch):
    monkeypatch.delenv("ASSISTANT_SERVICE__REDIS_URL", raising=False)
    result = CliRunner().invoke(main, ["worker", "--data-dir", str(tmp_path)])
    assert result.exit_code != 0 and "ASSISTANT_SERVICE__REDIS_URL" in result.output
