"""Issue 13, one test per kind of defect: served uploads, access by editing, markup in embedded JSON,
cut-off and concurrent uploads, bad input that used to be 5xx, strict access changes, audit gaps,
credentials after a password change, what a locked meeting shows, and the risks around them."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import docx
import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from assistant.api.main import create_app
from assistant.audio import AudioError, probe_duration
from assistant.jobs.runner import without_folders
from assistant.store.models import AuditEvent, Blob, Job, Meeting, Person

from .conftest import SAMPLE, client_as, insert_meeting, make_user, service_settings
from .live import app_on_loopback
from .test_accounts import PASSWORD, sign_in

SCRIPT = b"<script>fetch('/api/users',{method:'POST'})</script>" + b" " * 4096
HUGE = 2**63


@pytest.fixture
def anonymous(settings):
    """No worker: uploads stay queued instead of loading the models."""
    with TestClient(create_app(settings, run_worker=False)) as c:
        yield c


def upload(c: TestClient, name: str, content: bytes, declared: str = "audio/wav"):
    return c.post("/api/meetings", files={"file": (name, content, declared)})


def events(service, action: str, outcome: str | None = None) -> list[AuditEvent]:
    with service.store.session() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()
        return [e for e in rows if outcome is None or e.outcome == outcome]


# 1. Critical: an upload served as a page.

def test_recording_route_serves_only_verified_audio(client, service):
    for name, declared in (("y.html", "application/octet-stream"), ("x.js", "application/octet-stream"),
                           ("p.svg", "audio/wav"), ("z.wav", "audio/wav")):
        meeting_id = upload(client, name, SCRIPT, declared).json()["id"]
        r = client.get(f"/api/meetings/{meeting_id}/audio")
        assert r.status_code == 409, (name, r.status_code, r.headers.get("content-type"))
        assert not r.headers["content-type"].startswith(("text/html", "text/javascript", "image/svg"))
    r = client.get(f"/api/meetings/{insert_meeting(service)}/audio")
    assert r.status_code == 200 and r.headers["content-type"] == "audio/wav"
    assert r.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-disposition"] == "inline"


def test_declared_types_with_parameters_or_lists_are_refused(client):
    for declared in ("audio/wav, text/html", "audio/wav;charset=utf-8", "audio/wav text/html", "audio/"):
        r = upload(client, "a.wav", SAMPLE.read_bytes(), declared)
        assert r.status_code == 415, (declared, r.status_code)


# 2. High: editing grants reading — see test_access_matrix.test_a_speaker_link_grants_no_access.

# 3. Medium: markup in a name must not change how the page parses.

def test_json_in_pages_escapes_markup(client, service):
    meeting_id = insert_meeting(service)
    speaker = client.get(f"/api/meetings/{meeting_id}").json()["speakers"][0]
    payload = "<!--<script></script>&amp;"
    r = client.patch(f"/api/meetings/{meeting_id}/speakers/{speaker['id']}",
                     json={"name": payload, "version": speaker["version"]})
    assert r.status_code == 200
    page = client.get(f"/meetings/{meeting_id}").text
    assert payload not in page and "<!--" not in page
    data = re.search(r'<script type="application/json" id="meeting-data">(.*?)</script>', page, re.S).group(1)
    assert not set("<>&") & set(data)
    assert json.loads(data)["speakers"][0]["name"] == payload


def _multipart(boundary: str, content: bytes, close: bool) -> bytes:
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
            f"Content-Type: audio/wav\r\n\r\n").encode() + content
    return body + (f"\r\n--{boundary}--\r\n".encode() if close else b"")


def test_cut_off_uploads_are_refused_and_nothing_kept(client, service, settings):
    audio = SAMPLE.read_bytes()
    for body in (_multipart("b0undary", audio, close=False), _multipart("b0undary", audio, close=True)[:len(audio) // 2]):
        r = client.post("/api/meetings", content=body, headers={"content-type": "multipart/form-data; boundary=b0undary"})
        assert r.status_code == 400, r.text
    with service.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Meeting)) == 0
    assert not [p for p in (settings.service.data_dir / "audio").rglob("*") if p.is_file()]


def test_identical_uploads_at_once_share_one_blob(client, service, monkeypatch):
    import assistant.service as service_module

    real, raced = service_module.create_meeting, []

    def create_racing(session, blob, *args):
        # Another upload of the same recording commits its blob row between our check and our commit.
        meeting = real(session, blob, *args)
        if not raced:
            raced.append(True)
            with service.store.session() as other:
                other.add(Blob(sha256=blob.sha256, size=blob.size))
                other.commit()
        return meeting

    monkeypatch.setattr(service_module, "create_meeting", create_racing)
    audio = SAMPLE.read_bytes()
    assert upload(client, "same.wav", audio).status_code == 202 and raced  # the race, made certain
    monkeypatch.undo()
    with ThreadPoolExecutor(4) as pool:  # and as it happens
        codes = list(pool.map(lambda _: upload(client, "same.wav", audio).status_code, range(4)))
    assert codes == [202] * 4
    with service.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Blob)) == 1
        assert session.scalar(select(func.count()).select_from(Meeting)) == 5


# 6. Low: bad input is 4xx, never 5xx.

def test_nul_and_64_bit_overflow_are_422(client, service):
    meeting_id = insert_meeting(service)
    detail = client.get(f"/api/meetings/{meeting_id}").json()
    speaker, item = detail["speakers"][0]["id"], detail["action_items"][0]["id"]
    with service.store.session() as session:
        session.add(Person(id="p1", name="陳大文", aliases=[], version=1))
        session.commit()
    requests = [
        ("GET", "/api/meetings?q=a%00b", None), ("GET", "/?q=%00", None),
        ("PATCH", f"/api/meetings/{meeting_id}/speakers/{speaker}", {"name": "x", "version": HUGE}),
        ("PATCH", f"/api/meetings/{meeting_id}/turns/{HUGE}", {"text": "x", "version": 1}),
        ("PATCH", f"/api/meetings/{meeting_id}/turns/0", {"text": "x", "version": HUGE}),
        ("POST", f"/api/meetings/{meeting_id}/action-items", {"owner": "a", "task": "b", "turn": HUGE}),
        ("DELETE", f"/api/meetings/{meeting_id}/action-items/{item}?version={HUGE}", None),
        ("PATCH", "/api/people/p1", {"name": "x", "version": HUGE}),
        ("DELETE", f"/api/people/p1/voiceprints/{HUGE * 4}", None),
    ]
    for method, url, body in requests:
        r = client.request(method, url, json=body)
        assert r.status_code == 422, (method, url, r.status_code, r.text[:200])


def test_word_export_survives_control_characters(client, service):
    meeting_id = insert_meeting(service)
    detail = client.get(f"/api/meetings/{meeting_id}").json()
    speaker = detail["speakers"][0]
    client.patch(f"/api/meetings/{meeting_id}/speakers/{speaker['id']}",
                 json={"name": "陳\x01生", "version": speaker["version"]})
    # a NUL is refused before any route (PostgreSQL text cannot hold it); the other control characters are kept
    assert client.patch(f"/api/meetings/{meeting_id}/turns/0",
                        json={"text": "好\x00呀", "version": detail["turn_versions"][0]}).status_code == 422
    assert client.patch(f"/api/meetings/{meeting_id}/turns/0",
                        json={"text": "好\x01呀\x0b\x1f\ufffe", "version": detail["turn_versions"][0]}).status_code == 200
    r = client.get(f"/api/meetings/{meeting_id}/export", params={"format": "docx"})
    assert r.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "好呀" in text and "陳生" in text


def test_voiceprint_clip_names_never_reach_the_file_system(client, service):
    with service.store.session() as session:
        session.add(Person(id="p1", name="陳大文", aliases=[], version=1))
        session.commit()
    for name in ("..", ".", "../../x.wav", "/"):
        r = client.post("/api/people/p1/voiceprints", files={"file": (name, b"not audio at all", "audio/wav")},
                        data={"consent": "true"})
        assert r.status_code == 422, (name, r.status_code, r.text[:200])


# 7. Access changes: explicit and strict.

def test_access_put_is_strict(client, service):
    meeting_id = insert_meeting(service, sensitive=True)
    url = f"/api/meetings/{meeting_id}/access"
    full = {"team": None, "sensitive": True, "attendees": [], "shared_with": []}
    for body in ({**full, "sensitve": False}, {**full, "sensitive": "yes"}, {"attendees": []},
                 {**full, "sensitive": 0}, {**full, "attendees": "tester"}):
        assert client.put(url, json=body).status_code == 422, body
    assert client.get(url).json()["sensitive"] is True
    assert client.put(url, json={**full, "sensitive": False}).json()["sensitive"] is False


# 8. Audit: denied calls, searches that show transcript text, admin changes to people and voiceprints.

def test_denials_searches_and_directory_changes_are_audited(client, member_client, service, anonymous):
    assert member_client.get("/api/users").status_code == 403
    assert anonymous.get("/api/meetings", headers={"Authorization": "Bearer mat_forged"}).status_code == 401
    make_user(service, "wendy", "member", password=PASSWORD)
    assert sign_in(anonymous, "wendy").status_code == 303
    assert anonymous.post("/api/me/tokens", json={"name": "x"}).status_code == 403  # no X-CSRF-Token
    assert events(service, "admin", "denied") and events(service, "authenticate", "denied")
    assert events(service, "csrf", "denied")
    meeting_id = insert_meeting(service)
    assert client.get("/api/meetings", params={"q": "禮拜五"}).json()["items"][0]["snippet"]
    assert [e.target for e in events(service, "search")] == [f"meeting:{meeting_id}"]
    person = client.post("/api/people", json={"name": "李小姐"}).json()
    client.patch(f"/api/people/{person['id']}", json={"team": "ops", "version": person["version"]})
    client.delete(f"/api/people/{person['id']}/voiceprints")
    client.delete(f"/api/people/{person['id']}")
    for action in ("create_person", "edit_person", "delete_voiceprint", "delete_person"):
        assert events(service, action), action


# 9. Jobs: one 404 for unknown and invisible.

def test_job_of_an_invisible_meeting_is_an_unknown_job(client, other_client, service):
    meeting_id = insert_meeting(service, owner="tester")
    with service.store.session() as session:
        job_id = session.scalars(select(Job.id).where(Job.meeting_id == meeting_id)).first()
    for method, path in (("GET", "/api/jobs/{}"), ("POST", "/api/jobs/{}/cancellation")):
        hidden = other_client.request(method, path.format(job_id))
        unknown = other_client.request(method, path.format("nope"))
        assert hidden.status_code == unknown.status_code == 404
        assert meeting_id not in hidden.text
        assert hidden.json()["detail"].replace(job_id, "ID") == unknown.json()["detail"].replace("nope", "ID")


# 10. Credentials after a password change, deactivation and reactivation.

def test_password_change_keeps_this_session_and_ends_the_others(anonymous, client, service):
    token = make_user(service, "wendy", "member", password=PASSWORD)
    other = TestClient(anonymous.app)
    for c in (anonymous, other):
        assert sign_in(c, "wendy").status_code == 303
    csrf = anonymous.cookies["assistant_csrf"]
    r = anonymous.put("/api/me/password", json={"current": PASSWORD, "new": "another long password"},
                      headers={"X-CSRF-Token": csrf})
    assert r.status_code == 204
    assert anonymous.get("/api/me").status_code == 200  # this session stays
    assert other.get("/api/me").status_code == 401
    assert client_as(client.app, token).get("/api/me").status_code == 401  # tokens revoked
    # Deactivating ends every credential; reactivating brings none back.
    token = make_user(service, "tom", "member")
    tom = client_as(client.app, token)
    tom_id = tom.get("/api/me").json()["id"]
    assert client.patch(f"/api/users/{tom_id}", json={"active": False}).status_code == 200
    assert client.patch(f"/api/users/{tom_id}", json={"active": True}).status_code == 200
    assert tom.get("/api/me").status_code == 401


# 11. A locked meeting shows its title and date only.

def test_locked_meeting_shows_only_title_and_date(client, member_client, service):
    meeting_id = insert_meeting(service, owner="tester", team="sales", sensitive=True, meeting_date="2026-11-20")
    member_id = member_client.get("/api/me").json()["id"]
    with service.store.session() as session:
        from assistant.store.models import MeetingAccess

        session.add(MeetingAccess(meeting_id=meeting_id, user_id=member_id, kind="attendee"))
        session.commit()
    item = member_client.get("/api/meetings").json()["items"][0]
    assert item["restricted"] and item["title"] == "週會" and item["meeting_date"] == "2026-11-20"
    assert item["filename"] is None and item["duration"] is None and item["status"] is None
    assert item["created_at"] is None and item["speakers"] == []
    page = member_client.get("/").text
    assert "weekly.wav" not in page and "status-done" not in page


# 12. API descriptions need a sign-in unless configured open.

def test_api_docs_need_sign_in_by_default(anonymous, client, settings):
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert anonymous.get(path, follow_redirects=False).status_code == 303, path
        assert client.get(path).status_code == 200, path
    assert client.get("/openapi.json").json()["paths"]
    public = settings.model_copy(update={"service": settings.service.model_copy(update={"public_api_docs": True})})
    with TestClient(create_app(public, run_worker=False)) as c:
        assert c.get("/openapi.json").status_code == 200 and c.get("/docs").status_code == 200


# Risks.

def test_json_bodies_are_limited_before_sign_in(anonymous, client, service):
    big = b'{"name": "' + b"x" * (2 * 1024**2) + b'"}'
    for c, path in ((anonymous, "/api/me/tokens"), (client, "/api/me/tokens"), (anonymous, "/login")):
        r = c.post(path, content=big, headers={"content-type": "application/json"})
        assert r.status_code == 413, (path, r.status_code)

    def chunks():
        yield b'{"name": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'"}'

    r = client.post("/api/me/tokens", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_stalled_upload_is_dropped_and_its_part_deleted(tmp_path):
    settings = service_settings(tmp_path / "data", upload_idle_timeout_s=1.0)
    with app_on_loopback(settings) as (app, url):
        token = make_user(app.state.service, "up", "member")
        port = int(url.rsplit(":", 1)[1])
        head = _multipart("b0undary", SAMPLE.read_bytes()[:50_000], close=False)
        with socket.create_connection(("127.0.0.1", port), timeout=15) as s:
            s.sendall(b"POST /api/meetings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.encode()
                      + b"\r\nContent-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: 900000\r\n\r\n"
                      + head)
            answer = s.recv(4096)
        assert answer.startswith(b"HTTP/1.1 408"), answer[:100]
        assert not list((settings.service.data_dir / "audio" / "tmp").glob("*.part"))


def test_partial_uploads_of_a_killed_server_are_cleared_at_start(settings):
    tmp = settings.service.data_dir / "audio" / "tmp"
    tmp.mkdir(parents=True)
    part = tmp / "killed.part"
    part.write_bytes(b"half")
    old = time.time() - 600
    os.utime(part, (old, old))
    with TestClient(create_app(settings, run_worker=False)):
        assert not part.exists()


def test_forwarded_for_is_believed_only_from_configured_proxies(tmp_path):
    for proxies, spoofed in (("", False), ("127.0.0.1", True)):
        settings = service_settings(tmp_path / proxies.replace(".", "_"), trusted_proxies=proxies)
        with app_on_loopback(settings) as (app, url), httpx.Client(base_url=url) as c:
            page = c.get("/login")
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
            r = c.post("/login", data={"username": "x", "password": "y", "csrf_token": csrf},
                       headers={"X-Forwarded-For": "203.0.113.9"})
            assert r.status_code == 401
            ips = [e.ip for e in events(app.state.service, "login", "denied")]
            assert ips == (["203.0.113.9"] if spoofed else ["127.0.0.1"])


def test_last_active_admin_stays(client, service):
    me = client.get("/api/me").json()["id"]
    first = next(u for u in client.get("/api/users").json() if u["username"] == "admin")  # made at first start
    assert client.patch(f"/api/users/{first['id']}", json={"active": False}).status_code == 200
    for change in ({"role": "member"}, {"active": False}):
        assert client.patch(f"/api/users/{me}", json=change).status_code == 409, change
    second = client_as(client.app, make_user(service, "second", "admin"))
    assert second.patch(f"/api/users/{me}", json={"role": "manager"}).status_code == 200


def test_members_see_no_contact_details(client, member_client):
    person = client.post("/api/people", json={"name": "陳大文", "mobile": "+852 9123 4567",
                                              "dingtalk_user_id": "u1", "dingtalk_union_id": "n1"}).json()
    assert client.get(f"/api/people/{person['id']}").json()["mobile"] == "+852 9123 4567"
    for shown in (member_client.get("/api/people").json()[0], member_client.get(f"/api/people/{person['id']}").json()):
        assert shown["name"] == "陳大文"
        assert shown["mobile"] is None and shown["dingtalk_user_id"] is None and shown["dingtalk_union_id"] is None


def test_errors_name_no_server_folders(tmp_path):
    junk = tmp_path / "deep" / "folder" / "0123abcd"
    junk.parent.mkdir(parents=True)
    junk.write_bytes(b"<html>not audio</html>")
    with pytest.raises(AudioError) as caught:
        probe_duration(junk)
    assert str(tmp_path) not in str(caught.value) and "0123abcd" in str(caught.value)
    message = without_folders(f"FileNotFoundError: [Errno 2] No such file or directory: '{junk}'")
    assert str(tmp_path) not in message and message.endswith("'0123abcd'")


def test_json_and_pages_are_not_stored_by_caches(client, service):
    meeting_id = insert_meeting(service)
    for path in ("/", "/api/meetings", f"/api/meetings/{meeting_id}", f"/meetings/{meeting_id}", "/login",
                 "/api/meetings/nope", f"/api/meetings/{meeting_id}/export?format=md"):
        assert "no-store" in client.get(path).headers.get("cache-control", ""), path


def test_a_nul_anywhere_in_a_body_is_refused_as_postgresql_would_fail_on_it(client, service):
    """Raw, JSON-escaped or in a multipart field: 422 on SQLite too, and nothing is stored."""
    assert client.post("/api/people", json={"name": "Pat", "aliases": ["a\u0000"]}).status_code == 422
    assert client.post("/api/people", content=b'{"name": "P\\u0000t"}', headers={"content-type": "application/json"}).status_code == 422
    assert all(p["name"] != "Pat" for p in client.get("/api/people").json())
    r = client.post("/api/meetings", data={"title": "a\x00b"}, files={"file": ("a.wav", b"RIFF" * 100, "audio/wav")})
    assert r.status_code == 422 and "title" in r.json()["detail"]
