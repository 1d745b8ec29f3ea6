"""The audit log (who did what, when, from where; append-only; exportable) and retention and deletion."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import text

from assistant import audit
from assistant.api.main import create_app
from assistant.config import AuthSettings
from assistant.store.models import AuditEvent, Meeting, Turn, now

from .conftest import backdate, insert_meeting


@pytest.fixture
def anonymous(settings):
    """No worker: jobs queued by these tests stay queued instead of loading the models."""
    with TestClient(create_app(settings, run_worker=False)) as c:
        yield c


def _events(client, meeting_id: str) -> list[dict]:
    return client.get("/api/audit-events", params={"target": f"meeting:{meeting_id}"}).json()


def test_views_exports_edits_approvals_and_deletions_are_recorded(client, member_client, meeting_id):
    client.get(f"/api/meetings/{meeting_id}")
    client.get(f"/api/meetings/{meeting_id}/export", params={"format": "docx"})
    client.get(f"/api/meetings/{meeting_id}/audio")
    turn = client.get(f"/api/meetings/{meeting_id}").json()["turn_versions"][0]
    client.patch(f"/api/meetings/{meeting_id}/turns/0", json={"text": "改正", "version": turn})
    client.put(f"/api/meetings/{meeting_id}/approval")
    member_client.get(f"/api/meetings/{meeting_id}")  # not theirs: denied, and recorded
    client.delete(f"/api/meetings/{meeting_id}")
    events = _events(client, meeting_id)
    actions = [(e["action"], e["username"], e["outcome"]) for e in events]
    assert actions == [
        ("view", "tester", "allowed"), ("export", "tester", "allowed"), ("listen", "tester", "allowed"),
        ("view", "tester", "allowed"), ("edit", "tester", "allowed"), ("approve", "tester", "allowed"),
        ("view", "mark", "denied"), ("delete", "tester", "allowed"),
    ]
    assert all(e["ip"] == "testclient" and e["at"] for e in events)
    assert events[1]["detail"] == "GET /api/meetings/{meeting_id}/export"


def test_sign_ins_are_recorded_without_passwords(client, anonymous):
    r = anonymous.get("/login")
    token = r.text.split('name="csrf_token" value="')[1].split('"')[0]
    anonymous.post("/login", data={"username": "ghost", "password": "guessed-password", "csrf_token": token})
    rows = client.get("/api/audit-events", params={"format": "csv"})
    assert rows.headers["content-type"].startswith("text/csv")
    parsed = list(csv.DictReader(io.StringIO(rows.text)))
    failed = [r for r in parsed if r["action"] == "login"]
    assert failed and failed[-1]["outcome"] == "denied" and failed[-1]["username"] == "ghost"
    assert "guessed-password" not in rows.text


def test_audit_log_is_admin_only_and_cannot_be_changed(client, member_client, manager_client):
    assert member_client.get("/api/audit-events").status_code == 403
    assert manager_client.get("/api/audit-events", params={"format": "csv"}).status_code == 403
    for method in ("PUT", "PATCH", "DELETE", "POST"):
        assert client.request(method, "/api/audit-events").status_code == 405


def test_audit_retention_keeps_at_least_90_days(client):
    with pytest.raises(ValidationError):
        AuthSettings(audit_retention_days=30)
    service = client.app.state.service
    with service.store.session() as session:
        audit.record(session, "view", "meeting:old", username="someone")
        audit.record(session, "view", "meeting:recent", username="someone")
        session.flush()
        old, recent = session.query(AuditEvent).filter(AuditEvent.target.in_(["meeting:old", "meeting:recent"])) \
            .order_by(AuditEvent.id).all()
        old.at = now() - timedelta(days=service.settings.auth.audit_retention_days + 1)
        recent.at = now() - timedelta(days=89)
        session.commit()
    service.apply_retention()
    targets = {e["target"] for e in client.get("/api/audit-events").json()}
    assert "meeting:recent" in targets and "meeting:old" not in targets


def test_deleting_a_meeting_removes_audio_transcript_and_search_entries(client, service):
    meeting_id = insert_meeting(service, audio=_unique_audio(service))
    assert client.get("/api/meetings", params={"q": "禮拜五"}).json()["total"] == 1
    with service.store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        sha, turn_keys = meeting.audio_sha256, [t.pk for t in meeting.turns]
    assert client.delete(f"/api/meetings/{meeting_id}").status_code == 204
    assert not service.store.blobs.path(sha).exists()
    with service.store.session() as session:
        assert session.query(Turn).filter(Turn.meeting_id == meeting_id).count() == 0
        indexed = session.execute(text("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH '\"禮拜五\"'")).scalar()
        assert indexed == 0
        keys = ",".join(str(k) for k in turn_keys)
        assert session.execute(text(f"SELECT count(*) FROM turns_fts WHERE rowid IN ({keys})")).scalar() == 0
    assert client.get("/api/meetings", params={"q": "禮拜五"}).json()["total"] == 0
    assert [e["action"] for e in _events(client, meeting_id)] == ["search", "delete"]  # the hit shown above, then the deletion


def _unique_audio(service):
    path = service.settings.service.data_dir / "unique.wav"
    path.write_bytes(b"RIFF-unique-recording")
    return path


def test_audio_retention_deletes_recordings_but_keeps_the_minutes(tmp_path):
    from assistant.service import Service

    from .conftest import service_settings

    svc = Service(service_settings(tmp_path / "data", audio_retention_days=30), run_worker=False)
    try:
        old, recent = insert_meeting(svc, title="舊"), insert_meeting(svc, title="新", audio=_unique_audio(svc))
        old_sha = backdate(svc, old, 31)
        svc.apply_retention()
        with svc.store.session() as session:
            kept = session.get(Meeting, old)
            assert kept.audio_sha256 is None and len(kept.turns) == 6 and kept.action_items
            assert session.get(Meeting, recent).audio_sha256 is not None
            assert [e.action for e in audit.events(session, target=f"meeting:{old}")] == ["delete_audio"]
        assert not svc.store.blobs.path(old_sha).exists()
    finally:
        svc.stop()
