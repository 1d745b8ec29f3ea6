"""Real processing through the job system, in a real `assistant serve` process.

One module-scoped server: first killed with SIGKILL mid-job and restarted (recovery), then driven
from headless Chromium. These are the only tests that run the models.
"""

from __future__ import annotations

import base64
import subprocess

import httpx
import pytest

from assistant.minutes import Minutes

from .conftest import ARTIFACTS, SAMPLE
from .live import LiveServer, chromium, sign_in

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("live")
    ARTIFACTS.mkdir(exist_ok=True)
    live = LiveServer(root / "data", ARTIFACTS / "live-server.log")
    live.start()
    yield live
    live.stop()


def clip(path, start: float, seconds: float):
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", str(start), "-t", str(seconds), "-i", str(SAMPLE), str(path)],
                   check=True)
    return path


def upload(server, path, name=None) -> dict:
    with path.open("rb") as f:
        r = httpx.post(f"{server.url}/api/meetings", files={"file": (name or path.name, f, "audio/wav")},
                       headers=server.headers, timeout=30)
    assert r.status_code == 202, r.text
    return r.json()


def test_job_survives_a_killed_server(server, tmp_path):
    first = upload(server, clip(tmp_path / "part1.wav", 0, 15))
    second = upload(server, clip(tmp_path / "part2.wav", 6.5, 9))  # waiting behind the first
    mid_job = ("diarise", "transcribe")
    server.wait(first["id"], lambda m: m["job"]["state"] == "running" and m["job"]["stage"] in mid_job, timeout=120)
    server.kill()
    server.start()
    done = server.wait(first["id"], lambda m: m["status"] in ("done", "failed"), timeout=300)
    assert done["status"] == "done", done["job"]
    assert done["job"]["attempts"] == 2
    events = httpx.get(f"{server.url}{done['job']['url']}", headers=server.headers).json()["events"]
    assert any(e["kind"] == "queued" and "worker stopped" in (e["message"] or "") for e in events)
    minutes = Minutes.from_dict(done["minutes"])
    assert minutes.turns and minutes.speakers and 14 < minutes.meeting.duration < 16
    later = server.wait(second["id"], lambda m: m["status"] in ("done", "failed"), timeout=300)
    assert later["status"] == "done" and later["job"]["attempts"] == 1


def test_ctrl_c_mid_job_ends_cleanly_and_hands_the_job_back(server, tmp_path):
    """Ctrl-C while transcription (CTranslate2) and diarisation (torch) both run: the process must not
    exit with their native threads still working (that aborted it: 'terminate called without an
    active exception', exit status -6); the job goes back to the queue and runs again at the next start."""
    job = upload(server, SAMPLE)
    server.wait(job["id"], lambda m: m["job"]["state"] == "running" and m["job"]["stage"] in ("diarise", "transcribe"),
                timeout=120)
    logged = server.log_path.stat().st_size
    assert server.interrupt(timeout=90) == 0
    with server.log_path.open() as log:
        log.seek(logged)
        shutdown = log.read()
    assert "handed back" in shutdown and "terminate called" not in shutdown
    server.start()
    done = server.wait(job["id"], lambda m: m["status"] in ("done", "failed"), timeout=300)
    assert done["status"] == "done" and done["job"]["attempts"] == 1  # a shutdown is not a failed attempt
    events = httpx.get(f"{server.url}{done['job']['url']}", headers=server.headers).json()["events"]
    assert any(e["kind"] == "queued" and "shut down mid-job" in (e["message"] or "") for e in events)


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def test_review_in_the_browser(server, browser):
    # Playwright evaluates wait_for_function predicates with eval, which the app's CSP forbids;
    # the CSP itself is checked in a real browser by test_browser_security.py.
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-HK", bypass_csp=True)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    # Signing in leads back to the page asked for.
    page.goto(f"{server.url}/upload")
    page.wait_for_url(lambda url: url.startswith(f"{server.url}/login"))
    sign_in(page, server.USERNAME, server.PASSWORD)
    page.wait_for_url(f"{server.url}/upload")

    # Upload by drag and drop; upload and processing progress are shown, then the meeting opens.
    page.screenshot(path=ARTIFACTS / "upload.png", full_page=True)
    payload = base64.b64encode(SAMPLE.read_bytes()).decode()
    transfer = page.evaluate_handle(
        """(b64) => {
            const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
            const dt = new DataTransfer();
            // recorded at 23:50 in Hong Kong the evening before it is uploaded: the file's time dates it
            dt.items.add(new File([bytes], "meeting_yue.wav", { type: "audio/wav",
                                                               lastModified: Date.parse("2026-03-12T15:50:00Z") }));
            return dt;
        }""",
        payload,
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    page.wait_for_function("document.getElementById('upload-pct').textContent === '100%'", timeout=30_000)
    page.wait_for_function("document.getElementById('job-stage').textContent.length > 0", timeout=30_000)
    page.screenshot(path=ARTIFACTS / "upload-processing.png", full_page=True)
    page.wait_for_url(f"{server.url}/meetings/*", timeout=420_000)
    meeting_url = page.url
    stored = page.evaluate("(url) => fetch(url.replace('/meetings/', '/api/meetings/')).then((r) => r.json())", meeting_url)
    assert stored["meeting_date"] == "2026-03-12"
    page.wait_for_selector(".turn")
    page.screenshot(path=ARTIFACTS / "meeting.png", full_page=True)

    turns = page.locator(".turn")
    assert turns.count() >= 3
    # Click a turn's time: the player jumps there.
    target = turns.nth(2)
    start = float(target.get_attribute("data-start"))
    target.locator(".seek").click()
    page.wait_for_function("(s) => Math.abs(document.getElementById('player').currentTime - s) < 1.5", arg=start)
    # Keyboard: → skips 5 s ahead, space pauses.
    page.locator("h1").click()
    before = page.evaluate("document.getElementById('player').currentTime")
    page.keyboard.press("ArrowRight")
    after = page.evaluate("document.getElementById('player').currentTime")
    assert 4 <= after - before <= 6.5
    page.keyboard.press("Space")
    page.wait_for_function("document.getElementById('player').paused")
    # Click a word: the player goes to that word.
    word = turns.nth(1).locator(".w").nth(2)
    word_start = float(word.get_attribute("data-start"))
    word.click()
    page.wait_for_function("(s) => Math.abs(document.getElementById('player').currentTime - s) < 1.0", arg=word_start)
    page.wait_for_selector(".turn.current")

    # Rename the first speaker: every turn of theirs shows the new name (the page updates after the
    # response, so every check of the page waits for it).
    from playwright.sync_api import expect

    speaker = page.locator(".speaker").first
    speaker_id = speaker.get_attribute("data-speaker")
    with page.expect_response(lambda r: "/speakers/" in r.url and r.request.method == "PATCH") as response:
        speaker.locator(".speaker-name").fill("陳大文")
        speaker.locator(".speaker-name").press("Tab")
    assert response.value.status == 200
    page.wait_for_function("(id) => { const names = [...document.querySelectorAll(`.who[data-speaker='${id}']`)];"
                           " return names.length > 0 && names.every((e) => e.textContent.trim() === '陳大文'); }",
                           arg=speaker_id)

    # Give the last turn to the first speaker, and correct the text of the second turn.
    last = turns.last
    with page.expect_response(lambda r: "/turns/" in r.url and r.request.method == "PATCH") as response:
        last.locator(".turn-speaker").select_option(speaker_id)
    assert response.value.status == 200
    expect(last.locator(".who")).to_have_text("陳大文")
    second = turns.nth(1)
    second.locator(".edit-turn").click()
    second.locator(".text").fill("各位早晨，我哋開始開會。")
    with page.expect_response(lambda r: "/turns/" in r.url and r.request.method == "PATCH") as response:
        second.locator(".text").press("Enter")
    assert response.value.status == 200

    # Add a to-do, then edit it inline.
    form = page.locator("#todo-add")
    form.locator("[name=owner]").fill("李小姐")
    form.locator("[name=task]").fill("整理會議記錄")
    rows = page.locator(".todo-row").count()
    with page.expect_response(lambda r: r.url.endswith("/action-items") and r.request.method == "POST"):
        form.locator("button").click()
    # The row is added after the response: until then .last is the item before it.
    expect(page.locator(".todo-row")).to_have_count(rows + 1)
    row = page.locator(".todo-row").last
    with page.expect_response(lambda r: "/action-items/" in r.url and r.request.method == "PATCH") as response:
        row.locator("[name=task]").fill("整理並發送會議記錄")
        row.locator("[name=task]").press("Tab")
    assert response.value.status == 200
    with page.expect_response(lambda r: "/action-items/" in r.url and r.request.method == "PATCH"):
        row.locator("[name=priority]").select_option("call")

    # Reload: the changes are stored.
    page.goto(meeting_url)
    assert page.locator(f'.speaker[data-speaker="{speaker_id}"] .speaker-name').input_value() == "陳大文"
    assert set(page.locator(f'.who[data-speaker="{speaker_id}"]').all_inner_texts()) == {"陳大文"}
    assert page.locator(".turn").last.get_attribute("data-speaker") == speaker_id
    assert page.locator(".turn").nth(1).locator(".text").inner_text() == "各位早晨，我哋開始開會。"
    row = page.locator(".todo-row").last
    assert row.locator("[name=task]").input_value() == "整理並發送會議記錄"
    assert row.locator("[name=owner]").input_value() == "李小姐"
    assert row.locator("[name=priority]").input_value() == "call"
    # Its evidence is the turn that was playing when it was added; the link seeks there.
    evidence = row.locator(".evidence")
    turn_start = float(page.locator(f"#turn-{evidence.get_attribute('data-turn')}").get_attribute("data-start"))
    evidence.click()
    page.wait_for_function("(s) => Math.abs(document.getElementById('player').currentTime - s) < 1.0", arg=turn_start)

    # Approve: the to-do table freezes, also after a reload. To-dos the extractor left without an
    # owner (the sample's voices are unnamed) block approval until someone is chosen or they go.
    api = meeting_url.replace("/meetings/", "/api/meetings/")
    for found in httpx.get(api, headers=server.headers, timeout=30).json()["action_items"]:
        if found["owner"] is None:
            httpx.delete(f"{api}/action-items/{found['id']}", headers=server.headers, timeout=30).raise_for_status()
    page.goto(meeting_url)
    with page.expect_response(lambda r: r.url.endswith("/approval")) as approval:
        page.locator("#approve").click()
    assert approval.value.status == 200
    page.goto(meeting_url)
    assert page.locator(".todo-row [name=task]").last.is_disabled()
    page.screenshot(path=ARTIFACTS / "meeting-approved.png", full_page=True)

    # The list finds the meeting by a phrase from its transcript and by the new speaker name.
    phrase = page.locator(".turn").first.get_attribute("data-text")[:3]
    page.goto(f"{server.url}/?q={phrase}")
    assert page.locator("#meetings tbody tr[data-id]").count() >= 1
    page.goto(f"{server.url}/?speaker=陳大文")
    assert page.locator("#meetings tbody tr[data-id]").count() == 1
    page.screenshot(path=ARTIFACTS / "meetings.png", full_page=True)
    assert errors == []
    page.close()
