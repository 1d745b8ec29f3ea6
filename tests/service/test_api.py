"""The HTTP API against the real app and a real SQLite file; meetings are inserted, not processed."""

from __future__ import annotations

import io
import time
from concurrent.futures import ThreadPoolExecutor

import docx
import pytest
from fastapi.testclient import TestClient

from assistant.api.main import create_app
from assistant.minutes import Minutes
from assistant.store import jobs

from .conftest import DATABASES, SAMPLE, insert_meeting, make_minutes, make_user

pytestmark = DATABASES


def wait_for(client, meeting_id: str, states=("done", "failed", "cancelled"), timeout=60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/api/meetings/{meeting_id}").json()
        if body["status"] in states:
            return body
        time.sleep(0.2)
    raise AssertionError(f"meeting {meeting_id} still {body['status']}")


def test_finished_meeting_returns_minutes_json_shape(client, meeting_id):
    r = client.get(f"/api/meetings/{meeting_id}")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "done"
    assert body["job"]["state"] == "done" and body["job"]["percent"] == 100
    expected = make_minutes().to_dict()
    got = body["minutes"]
    assert got["turns"] == expected["turns"]
    assert got["speakers"] == expected["speakers"]
    assert got["decisions"] == expected["decisions"]
    assert got["action_items"] == expected["action_items"]
    assert Minutes.from_dict(got).turns[1].text == "市場部下個禮拜五之前要交計劃書"
    assert [s["version"] for s in body["speakers"]] == [1, 1, 1]
    assert len(body["turn_versions"]) == 6
    assert body["created_at"].endswith("+08:00")


@pytest.mark.parametrize("method,path", [
    ("GET", "/api/meetings/nope"),
    ("DELETE", "/api/meetings/nope"),
    ("GET", "/api/meetings/nope/audio"),
    ("GET", "/api/meetings/nope/export?format=md"),
    ("GET", "/api/jobs/nope"),
])
def test_unknown_ids_are_404(client, method, path):
    r = client.request(method, path)
    assert r.status_code == 404
    assert "Not found" in r.json()["detail"]


def test_unknown_items_in_a_meeting_are_404(client, meeting_id):
    base = f"/api/meetings/{meeting_id}"
    assert client.patch(f"{base}/speakers/SPEAKER_99", json={"name": "x", "version": 1}).status_code == 404
    assert client.patch(f"{base}/turns/99", json={"text": "x", "version": 1}).status_code == 404
    assert client.patch(f"{base}/action-items/nope", json={"task": "x", "version": 1}).status_code == 404
    assert client.delete(f"{base}/action-items/nope").status_code == 404


def test_list_search_filters_and_pages(client, service):
    first = insert_meeting(service, title="產品會議", meeting_date="2026-11-20")
    other = make_minutes()
    other.meeting.date = "2026-10-01"
    other.turns[1].text = "下年嘅旅行安排"
    other.turns[3].text = "酒店要早啲訂"
    second = insert_meeting(service, other, title="旅行籌備")
    ids = lambda r: {m["id"] for m in r.json()["items"]}  # noqa: E731

    r = client.get("/api/meetings")
    assert r.json()["total"] == 2 and ids(r) == {first, second}
    r = client.get("/api/meetings", params={"q": "計劃書"})  # trigram full-text search
    assert ids(r) == {first}
    assert r.json()["items"][0]["snippet"] == "市場部下個禮拜五之前要交計劃書"
    assert ids(client.get("/api/meetings", params={"q": "酒店"})) == {second}  # two characters: LIKE
    assert ids(client.get("/api/meetings", params={"q": "旅行籌備"})) == {second}  # title
    assert ids(client.get("/api/meetings", params={"q": "沒有這句"})) == set()
    assert ids(client.get("/api/meetings", params={"date_from": "2026-11-01"})) == {first}
    assert ids(client.get("/api/meetings", params={"date_to": "2026-10-31"})) == {second}

    client.patch(f"/api/meetings/{first}/speakers/SPEAKER_01", json={"name": "陳大文", "version": 1})
    assert ids(client.get("/api/meetings", params={"speaker": "大文"})) == {first}

    page1 = client.get("/api/meetings", params={"page_size": 1, "page": 1}).json()
    page2 = client.get("/api/meetings", params={"page_size": 1, "page": 2}).json()
    assert page1["total"] == 2 and len(page1["items"]) == 1
    assert {page1["items"][0]["id"], page2["items"][0]["id"]} == {first, second}
    assert client.get("/api/meetings", params={"page_size": 1000}).status_code == 422


def test_rename_speaker_applies_to_all_turns_and_exports(client, meeting_id):
    base = f"/api/meetings/{meeting_id}"
    r = client.patch(f"{base}/speakers/SPEAKER_00", json={"name": "陳大文", "version": 1})
    assert r.status_code == 200 and r.json()["name"] == "陳大文" and r.json()["version"] == 2
    minutes = Minutes.from_dict(client.get(base).json()["minutes"])
    assert [minutes.speaker_name(t.speaker) for t in minutes.turns if t.speaker == "SPEAKER_00"] == ["陳大文"] * 3
    srt = client.get(f"{base}/export", params={"format": "srt"}).text
    assert srt.count("[陳大文]") >= 3


def test_edit_turn_text_and_speaker(client, meeting_id):
    base = f"/api/meetings/{meeting_id}"
    r = client.patch(f"{base}/turns/4", json={"text": "OK，冇問題。", "version": 1})
    assert r.status_code == 200 and r.json()["text"] == "OK，冇問題。" and r.json()["version"] == 2
    r = client.patch(f"{base}/turns/4", json={"speaker": "SPEAKER_02", "version": 2})
    assert r.status_code == 200 and r.json()["speaker"] == "SPEAKER_02"
    body = client.get(base).json()
    turn = body["minutes"]["turns"][4]
    assert turn["text"] == "OK，冇問題。" and turn["speaker"] == "SPEAKER_02" and turn["words"] == []
    talk = {s["id"]: s["talk_time"] for s in body["minutes"]["speakers"]}
    assert talk["SPEAKER_01"] == pytest.approx(7.5 + 0.0) and talk["SPEAKER_02"] == pytest.approx(6.0 + 2.5)
    assert client.patch(f"{base}/turns/4", json={"speaker": "SPEAKER_99", "version": 3}).status_code == 422
    assert client.patch(f"{base}/turns/4", json={"text": "  ", "version": 3}).status_code == 422
    assert client.patch(f"{base}/turns/4", json={"text": "x", "version": 3, "bogus": 1}).status_code == 422
    assert "SPEAKER_02" in client.get(f"{base}/export", params={"format": "vtt"}).text


def test_action_items_add_edit_delete_and_approval_freezes(client, meeting_id):
    base = f"/api/meetings/{meeting_id}/action-items"
    new = {"owner": "黃太", "task": "訂會議室", "deadline": "2026-11-30", "priority": "call", "turn": 2}
    r = client.post(base, json=new)
    assert r.status_code == 201
    item = r.json()
    assert item["priority"] == "call" and item["version"] == 1
    r = client.patch(f"{base}/{item['id']}", json={"task": "訂大會議室", "deadline": None, "version": 1})
    assert r.status_code == 200 and r.json()["task"] == "訂大會議室" and r.json()["deadline"] is None
    assert client.patch(f"{base}/{item['id']}", json={"priority": "fax", "version": 2}).status_code == 422
    assert client.patch(f"{base}/{item['id']}", json={"deadline": "下星期", "version": 2}).status_code == 422
    assert client.post(base, json={"owner": "x", "task": "y", "turn": 999}).status_code == 422
    assert client.post(base, json={"owner": "", "task": "y"}).status_code == 422

    items = client.get(f"/api/meetings/{meeting_id}").json()["minutes"]["action_items"]
    assert [a["task"] for a in items] == ["交市場計劃書", "同財務部傾預算", "訂大會議室"]

    assert client.put(f"/api/meetings/{meeting_id}/approval").json()["approved"] is True
    frozen = client.patch(f"{base}/{item['id']}", json={"task": "改", "version": 2})
    assert frozen.status_code == 409 and "approved" in frozen.json()["detail"]
    assert client.post(base, json={"owner": "x", "task": "y"}).status_code == 409
    assert client.delete(f"{base}/{item['id']}").status_code == 409
    assert client.delete(f"/api/meetings/{meeting_id}/approval").json()["approved"] is False
    assert client.delete(f"{base}/{item['id']}", params={"version": 1}).status_code == 409  # stale version
    assert client.delete(f"{base}/{item['id']}", params={"version": 2}).status_code == 204
    assert len(client.get(f"/api/meetings/{meeting_id}").json()["action_items"]) == 2


def test_concurrent_edits_of_one_item_conflict(client, meeting_id):
    base = f"/api/meetings/{meeting_id}"
    item = client.get(base).json()["action_items"][0]

    def edit(owner):
        return client.patch(f"{base}/action-items/{item['id']}", json={"owner": owner, "version": item["version"]})

    with ThreadPoolExecutor(4) as pool:
        codes = sorted(r.status_code for r in pool.map(edit, ["甲", "乙", "丙", "丁"]))
    assert codes == [200, 409, 409, 409]
    # The same with a stale version read earlier: speaker and turn.
    assert client.patch(f"{base}/speakers/SPEAKER_01", json={"name": "A", "version": 1}).status_code == 200
    stale = client.patch(f"{base}/speakers/SPEAKER_01", json={"name": "B", "version": 1})
    assert stale.status_code == 409 and "version 2" in stale.json()["detail"]
    assert client.patch(f"{base}/turns/0", json={"text": "一", "version": 1}).status_code == 200
    assert client.patch(f"{base}/turns/0", json={"text": "二", "version": 1}).status_code == 409
    assert client.get(base).json()["minutes"]["turns"][0]["text"] == "一"


def test_exports(client, meeting_id):
    base = f"/api/meetings/{meeting_id}/export"
    for fmt, ctype in [("srt", "application/x-subrip"), ("vtt", "text/vtt"), ("md", "text/markdown"),
                       ("json", "application/json")]:
        r = client.get(base, params={"format": fmt})
        assert r.status_code == 200 and r.headers["content-type"].startswith(ctype)
        assert "attachment" in r.headers["content-disposition"]
    assert client.get(base, params={"format": "vtt"}).text.startswith("WEBVTT")
    assert Minutes.from_dict(client.get(base, params={"format": "json"}).json()).action_items[0].owner == "陳生"
    r = client.get(base, params={"format": "docx"})
    assert r.status_code == 200
    document = docx.Document(io.BytesIO(r.content))
    todo = [t for t in document.tables if t.rows[0].cells[0].text.startswith("負責人")][0]
    assert [c.text for c in todo.rows[1].cells][:3] == ["陳生", "交市場計劃書", "11月27日（五）"]
    assert client.get(base, params={"format": "pdf"}).status_code == 422


def test_audio_supports_range_requests(client, meeting_id):
    url = f"/api/meetings/{meeting_id}/audio"
    full = client.get(url)
    assert full.status_code == 200 and full.content == SAMPLE.read_bytes()
    assert full.headers["accept-ranges"] == "bytes"
    part = client.get(url, headers={"Range": "bytes=1000-1999"})
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 1000-1999/{SAMPLE.stat().st_size}"
    assert part.content == SAMPLE.read_bytes()[1000:2000]


def _files(data: bytes, name="meeting.wav", ctype="audio/wav"):
    return {"file": (name, data, ctype)}


def test_upload_refusals(client, service):
    assert client.post("/api/meetings", json={"file": "x"}).status_code == 415
    assert client.post("/api/meetings", content=b"abc", headers={"content-type": "text/plain"}).status_code == 415
    r = client.post("/api/meetings", files=_files(b"hello", "notes.txt", "text/plain"))
    assert r.status_code == 415 and "audio" in r.json()["detail"]
    r = client.post("/api/meetings", data={"title": "x"}, files={"other": ("a.wav", b"RIFF", "audio/wav")})
    assert r.status_code == 422 and "file" in r.json()["detail"]
    assert client.post("/api/meetings", files=_files(b"")).status_code == 422
    assert client.post("/api/meetings", data={"meeting_date": "昨日"}, files=_files(b"RIFF1234")).status_code == 422
    assert client.post("/api/meetings", data={"title": "長" * 301}, files=_files(b"RIFF1234")).status_code == 422

    r = client.post("/api/meetings", files=_files(b"\0" * (4 * 1024 * 1024)))
    assert r.status_code == 413 and "3 MiB" in r.json()["detail"]
    assert client.get("/api/meetings").json()["total"] == 0
    assert list(service.store.blobs.tmp_dir.iterdir()) == []
    assert [p for p in service.store.blobs.root.rglob("*") if p.is_file()] == []  # nothing kept


def test_oversize_upload_without_length_is_stopped_while_streaming(client, service):
    def body():
        yield b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.wav\"\r\n"
        yield b"Content-Type: audio/wav\r\n\r\n"
        for _ in range(8):
            yield b"\0" * (512 * 1024)
        yield b"\r\n--b--\r\n"

    r = client.post("/api/meetings", content=body(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413
    assert list(service.store.blobs.tmp_dir.iterdir()) == []


def test_non_audio_upload_fails_its_job_with_a_clear_error(client, meeting_id):
    r = client.post("/api/meetings", files=_files(b"this is not a recording" * 100, "fake.wav"))
    assert r.status_code == 202
    body = r.json()
    assert r.headers["location"] == body["status_url"] == f"/api/meetings/{body['id']}"
    failed = wait_for(client, body["id"])
    assert failed["status"] == "failed" and failed["job"]["state"] == "failed"
    assert "fake.wav: not a readable audio" in failed["job"]["error"]
    assert failed["job"]["attempts"] == 1  # bad input is not retried
    events = client.get(failed["job"]["url"]).json()["events"]
    assert [e["kind"] for e in events] == ["queued", "running", "stage", "failed"]
    assert "/" not in failed["job"]["error"]  # no server folders
    # The upload is kept (it can be reprocessed) but never served, and other meetings are untouched.
    assert client.get(f"/api/meetings/{body['id']}/audio").status_code == 409
    assert client.get(f"/api/meetings/{meeting_id}").json()["status"] == "done"


def test_delete_meeting_removes_audio_only_when_unused(client, service):
    a = insert_meeting(service)
    b = insert_meeting(service)  # same recording: stored once
    path = service.store.blobs.path(client.get(f"/api/meetings/{a}").json() and _sha(service, a))
    assert client.delete(f"/api/meetings/{a}").status_code == 204
    assert client.get(f"/api/meetings/{a}").status_code == 404
    assert path.exists()
    assert client.delete(f"/api/meetings/{b}").status_code == 204
    assert not path.exists()


def _sha(service, meeting_id):
    from assistant.store.models import Meeting

    with service.store.session() as session:
        return session.get(Meeting, meeting_id).audio_sha256


def test_queued_job_can_be_cancelled_and_reprocessed(settings):
    with TestClient(create_app(settings, run_worker=False)) as client:
        client.headers["Authorization"] = "Bearer " + make_user(client.app.state.service, "tester", "admin")
        accepted = client.post("/api/meetings", data={"title": "董事會", "meeting_date": "2026-11-01"},
                               files=_files(SAMPLE.read_bytes(), "meeting_yue.wav")).json()
        assert accepted["job"]["state"] == "queued"
        stored = client.get(accepted["status_url"]).json()
        assert (stored["title"], stored["meeting_date"], stored["minutes"]) == ("董事會", "2026-11-01", None)
        r = client.post(f"/api/jobs/{accepted['job']['id']}/cancellation")
        assert r.status_code == 202 and r.json()["state"] == "cancelled"
        assert client.get(accepted["status_url"]).json()["status"] == "cancelled"
        assert client.post(f"/api/jobs/{accepted['job']['id']}/cancellation").status_code == 409
        again = client.post(f"/api/meetings/{accepted['id']}/jobs")
        assert again.status_code == 202 and again.json()["job"]["state"] == "queued"
        assert client.post(f"/api/meetings/{accepted['id']}/jobs").status_code == 409  # one active job at a time


def test_a_rerun_cancelled_or_failed_keeps_the_minutes_already_saved(settings):
    with TestClient(create_app(settings, run_worker=False)) as client:
        service = client.app.state.service
        client.headers["Authorization"] = "Bearer " + make_user(service, "tester", "admin")
        meeting_id = insert_meeting(service)
        before = client.get(f"/api/meetings/{meeting_id}").json()
        rerun = client.post(f"/api/meetings/{meeting_id}/jobs").json()["job"]
        assert client.post(f"/api/jobs/{rerun['id']}/cancellation").json()["state"] == "cancelled"
        after = client.get(f"/api/meetings/{meeting_id}").json()
        assert after["status"] == "done" and after["action_items"] == before["action_items"] and after["minutes"]
        assert client.get(f"/api/meetings/{meeting_id}/export?format=md").status_code == 200
        failing = client.post(f"/api/meetings/{meeting_id}/jobs").json()["job"]
        with service.store.session() as session:
            jobs.fail(session, failing["id"], "decoder crashed")
            session.commit()
        assert client.get(f"/api/meetings/{meeting_id}").json()["status"] == "done"
        assert client.get(f"/api/jobs/{failing['id']}").json()["state"] == "failed"  # the job says what happened


def test_openapi_documents_the_resources(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert "multipart/form-data" in paths["/api/meetings"]["post"]["requestBody"]["content"]
    for path in ["/api/meetings/{meeting_id}", "/api/meetings/{meeting_id}/speakers/{speaker_id}",
                 "/api/meetings/{meeting_id}/turns/{index}", "/api/meetings/{meeting_id}/action-items/{item_id}",
                 "/api/meetings/{meeting_id}/export", "/api/meetings/{meeting_id}/audio", "/api/jobs/{job_id}"]:
        assert path in paths


def test_pages_render(client, meeting_id):
    assert "會議記錄" in client.get("/").text
    assert meeting_id in client.get("/", params={"q": "計劃書"}).text
    assert "將錄音檔拖放到這裏" in client.get("/upload").text
    page = client.get(f"/meetings/{meeting_id}").text
    assert "交市場計劃書" in page and 'class="turn"' in page
    assert client.get("/meetings/nope").status_code == 404


def test_exporting_a_recording_without_speech_says_so(client, service):
    from assistant.store.models import Meeting

    meeting_id = insert_meeting(service)
    with service.store.session() as session:
        session.get(Meeting, meeting_id).status = "no_speech"
        session.commit()
    r = client.get(f"/api/meetings/{meeting_id}/export", params={"format": "md"})
    assert r.status_code == 409 and "no speech" in r.json()["detail"], r.text


def test_a_nul_or_an_escape_in_an_uploads_file_name_is_dropped_on_either_database(client):
    body = (b'--B\r\nContent-Disposition: form-data; name="file"; filename="a\x00b\x1b.wav"\r\n'
            b"Content-Type: audio/wav\r\n\r\n" + b"RIFF" * 100 + b"\r\n--B--\r\n")  # raw, as curl can send it
    r = client.post("/api/meetings", content=body, headers={"content-type": "multipart/form-data; boundary=B"})
    assert r.status_code == 202, r.text  # PostgreSQL refused the NUL: a 500
    assert client.get(f"/api/meetings/{r.json()['id']}").json()["filename"] == "ab.wav"
