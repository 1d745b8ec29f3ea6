"""A repeatable probe (issue 13): XSS payloads in every user-editable field and upload name, then every
page that shows them; a bad-input set against the JSON and upload routes. It counts payloads, requests
and 5xx answers, prints them, and fails on any 5xx or any payload that reaches a page unescaped.
The access matrix (every role × route) is ``test_access_matrix.py``."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from assistant.api.main import create_app

from .conftest import SAMPLE, insert_meeting

XSS = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "<!--<script>",
    "</script><script>alert(1)</script>",
    "<iframe srcdoc='<script>alert(1)</script>'>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "]]><x>",
    "<style>*{display:none}</style>",
    "\u2028<b>\u2029",
    "{{7*7}}${7*7}<%= 7*7 %>",
    "<base href=//evil.example/>",
]
HUGE = 2**64
BAD_VALUES = ["\x00", "a\x00b", HUGE, -HUGE, 1.5, True, None, [], {}, "x" * 30_000, "\ud800", "\x1b[31m"]
PAGES = ("/", "/upload", "/people")


@pytest.fixture
def anonymous(settings):
    """No worker: uploads stay queued instead of loading the models."""
    with TestClient(create_app(settings, run_worker=False)) as c:
        yield c


class Probe:
    """A client that counts what it sends and sees, answering 500 instead of raising (like a real server)."""

    def __init__(self, signed_in: TestClient):
        self.c = TestClient(signed_in.app, raise_server_exceptions=False)
        self.c.headers.update(signed_in.headers)
        self.sent = 0
        self.statuses: Counter[int] = Counter()
        self.failures: list[str] = []

    def __call__(self, method: str, url: str, **kwargs):
        if "json" in kwargs:  # ASCII-escaped, so lone surrogates reach the server as a client could send them
            kwargs["content"] = json.dumps(kwargs.pop("json")).encode()
            kwargs["headers"] = {"content-type": "application/json"}
        r = self.c.request(method, url, **kwargs)
        self.sent += 1
        self.statuses[r.status_code] += 1
        if r.status_code >= 500:
            self.failures.append(f"{r.status_code} {method} {url} {str(kwargs)[:200]}: {r.text[:200]}")
        return r


def _unescaped(page: str, payload: str) -> bool:
    # Payloads without markup characters are harmless text wherever they appear.
    return bool(set(payload) & set("<>")) and payload in page


def test_probe_xss_and_bad_input(client, service):
    probe = Probe(client)
    meeting_id = insert_meeting(service)
    uploaded = []
    for payload in XSS:
        r = probe("POST", "/api/meetings", files={"file": (f"{payload}.wav", SAMPLE.read_bytes(), "audio/wav")},
                  data={"title": payload})
        assert r.status_code == 202, r.text
        uploaded.append(r.json()["id"])
        detail = probe("GET", f"/api/meetings/{meeting_id}").json()
        speaker, item = detail["speakers"][0], detail["action_items"][0]
        probe("PATCH", f"/api/meetings/{meeting_id}/speakers/{speaker['id']}",
              json={"name": payload[:100], "version": speaker["version"]})
        probe("PATCH", f"/api/meetings/{meeting_id}/turns/0", json={"text": payload, "version": detail["turn_versions"][0]})
        probe("PATCH", f"/api/meetings/{meeting_id}/action-items/{item['id']}",
              json={"owner": payload, "task": payload, "version": item["version"]})
        probe("POST", f"/api/meetings/{meeting_id}/action-items", json={"owner": payload, "task": payload})
        probe("POST", "/api/people", json={"name": payload, "aliases": [payload], "role": payload, "team": payload})
        probe("POST", "/api/users", json={"username": f"u{len(uploaded)}", "display_name": payload, "team": payload})
        probe("POST", "/api/me/tokens", json={"name": payload[:100]})
        probe("PUT", f"/api/meetings/{meeting_id}/access",
              json={"team": payload, "sensitive": False, "attendees": [], "shared_with": []})
        for q in ({"q": payload}, {"speaker": payload[:100]}, {"date_from": payload}):
            probe("GET", "/", params=q)
            probe("GET", "/api/meetings", params=q)
    pages = [probe("GET", p).text for p in PAGES]
    pages += [probe("GET", f"/meetings/{m}").text for m in (meeting_id, *uploaded)]
    pages += [probe("GET", "/", params={"q": p}).text for p in XSS]
    leaks = [(p, payload) for p, page in enumerate(pages) for payload in XSS if _unescaped(page, payload)]
    assert not leaks, leaks

    detail = probe("GET", f"/api/meetings/{meeting_id}").json()
    speaker, item = detail["speakers"][0]["id"], detail["action_items"][0]["id"]
    bodies = {
        ("PATCH", f"/api/meetings/{meeting_id}/speakers/{speaker}"): {"name": "x", "version": 1},
        ("PATCH", f"/api/meetings/{meeting_id}/turns/0"): {"text": "x", "version": 1},
        ("POST", f"/api/meetings/{meeting_id}/action-items"): {"owner": "a", "task": "b", "turn": 0},
        ("PATCH", f"/api/meetings/{meeting_id}/action-items/{item}"): {"task": "b", "version": 1},
        ("PUT", f"/api/meetings/{meeting_id}/access"): {"team": None, "sensitive": False, "attendees": [],
                                                        "shared_with": []},
        ("POST", "/api/people"): {"name": "x", "aliases": []},
        ("POST", "/api/users"): {"username": "probe", "role": "member"},
        ("POST", "/api/me/tokens"): {"name": "x"},
        ("PUT", "/api/me/password"): {"current": "x", "new": "0123456789ab"},
    }
    for (method, url), good in bodies.items():
        for field in good:
            for value in BAD_VALUES:
                probe(method, url, json={**good, field: value})
        probe(method, url, json={**good, "unknown_field": 1})
        for raw in (b"", b"{", b"[]", b"null", b"\xff\xfe", b"[" * 5000 + b"]" * 5000, b'{"a":' * 3000):
            probe(method, url, content=raw, headers={"content-type": "application/json"})
        probe(method, url, content=b"name=x", headers={"content-type": "application/x-www-form-urlencoded"})
    for path in ("/api/meetings/{}", "/api/meetings/{}/audio", "/api/jobs/{}", "/api/people/{}", "/meetings/{}"):
        for bad in ("%00", "..%2f..", str(HUGE), "x" * 5000, "%ff", "%e4%bd"):
            probe("GET", path.format(bad))
    boundary = "multipart/form-data; boundary=b0"
    uploads = [
        {"content": b"--b0--\r\n", "headers": {"content-type": boundary}},
        {"content": b"garbage", "headers": {"content-type": boundary}},
        {"content": b"x", "headers": {"content-type": "multipart/form-data"}},
        {"content": SAMPLE.read_bytes(), "headers": {"content-type": "audio/wav"}},
        {"files": {"file": ("a.wav", b"", "audio/wav")}},
        {"files": {"file": ("a.wav", b"RIFF", "audio/wav")}, "data": {"meeting_date": "2026-13-45"}},
        {"files": {"file": ("a.wav", b"RIFF", "audio/wav")}, "data": {"title": "x" * 400}},
        {"files": {"file": ("a.wav", b"RIFF", "text/html")}},
        {"files": {"file": ("a.wav", b"RIFF", "audio/wav, text/html")}},
        {"files": {"other": ("a.wav", b"RIFF", "audio/wav")}},
        {"files": [("file", ("a.wav", b"RIFF", "audio/wav")), ("file", ("b.wav", b"RIFF", "audio/wav"))]},
        {"files": {"file": ("\x00.wav", b"RIFF", "audio/wav")}},
        {"files": {"file": ("a.wav", b"RIFF", "audio/wav")}, "data": {"title": "\x00" * 10}},
    ]
    for kwargs in uploads:
        r = probe("POST", "/api/meetings", **kwargs)
        assert r.status_code < 500
    for m in probe("GET", "/api/meetings", params={"page_size": 100}).json()["items"]:
        probe("GET", f"/api/meetings/{m['id']}/audio")
        for fmt in ("md", "srt", "vtt", "docx", "json"):
            probe("GET", f"/api/meetings/{m['id']}/export", params={"format": fmt})

    payloads = len(XSS) * 12 + sum(len(g) for g in bodies.values()) * len(BAD_VALUES) + len(uploads)
    fives = sum(n for status, n in probe.statuses.items() if status >= 500)
    print(f"\nsecurity probe: {payloads} payloads, {probe.sent} requests, {fives} 5xx; "
          f"statuses {dict(sorted(probe.statuses.items()))}")
    assert not probe.failures, "\n".join(probe.failures[:20])
