"""The review page in headless Chromium: to-dos marked for review, an unresolved owner chosen from the
attendees, a time of day with the owner's local time, and the evidence playing at its moment."""

from __future__ import annotations

import pytest

from assistant.minutes import ActionItem, Attendee
from assistant.store.attendees import set_attendees
from assistant.store.models import Meeting

from .conftest import insert_meeting, make_minutes, make_user, service_settings
from .live import app_on_loopback, chromium, sign_in

PASSWORD = "review-page-password"


@pytest.fixture
def site(tmp_path):
    with app_on_loopback(service_settings(tmp_path / "data")) as (app, url):
        service = app.state.service
        make_user(service, "reviewer", "member", "sales", password=PASSWORD)
        minutes = make_minutes()
        minutes.action_items = [
            ActionItem(None, "同財務部傾預算", "2026-11-21", "app", 3, 0.35, True),
            ActionItem("Tom", "寄報價俾客", "2026-11-27T17:00:00+08:00", "sms", 1, 0.9, False),
        ]
        meeting_id = insert_meeting(service, minutes, owner="reviewer", team="sales")
        with service.store.session() as session:
            set_attendees(session, session.get(Meeting, meeting_id), [
                Attendee("李小姐", ["Amy"], "財務部"), Attendee("Tom Baker", ["Tom"], "", "Europe/London")])
            session.commit()
        yield url, meeting_id


def test_review_marks_owner_choice_local_time_and_evidence_playback(site):
    url, meeting_id = site
    with chromium() as browser:
        page = browser.new_page(locale="zh-HK")
        problems = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(f"{url}/login")
        sign_in(page, "reviewer", PASSWORD)
        page.wait_for_url(f"{url}/")
        page.goto(f"{url}/meetings/{meeting_id}")
        page.wait_for_selector(".todo-row")

        rows = page.locator(".todo-row")
        first, second = rows.nth(0), rows.nth(1)
        # the task is the table's main column: readable beside the owner picker and the DingTalk cell
        assert first.locator("[name=task]").bounding_box()["width"] >= 240
        assert "needs-review" in first.get_attribute("class")
        assert first.locator(".review-flag").inner_text() == "待核對"
        assert "needs-review" not in second.get_attribute("class")
        assert second.locator(".deadline-text").inner_text() == "11月27日（五）17:00 香港｜09:00 London"
        assert page.locator("#attendees li").count() == 2

        # The unresolved owner offers the attendees; choosing one reviews the row.
        pick = first.locator("select.owner-pick")
        assert pick.locator("option").all_inner_texts() == ["（未定）揀負責人", "李小姐（財務部）", "Tom Baker"]
        with page.expect_response(lambda r: "/action-items/" in r.url and r.request.method == "PATCH") as response:
            pick.select_option("李小姐")
        assert response.value.status == 200
        assert response.value.json()["owner"] == "李小姐" and response.value.json()["needs_review"] is False
        page.wait_for_function("!document.querySelector('.todo-row').classList.contains('needs-review')")

        # A time of day typed in the page is stored with the meeting's offset. Typing it fires two
        # changes; both edits are saved in turn (the second with the version the first returned).
        saved = []
        page.on("response", lambda r: saved.append(r.status)
                if "/action-items/" in r.url and r.request.method == "PATCH" else None)
        with page.expect_response(lambda r: "/action-items/" in r.url and r.request.method == "PATCH") as response:
            second.locator("[name=deadline_time]").fill("18:30")
            second.locator("[name=deadline_time]").dispatch_event("change")
        assert response.value.json()["deadline"] == "2026-11-27T18:30:00+08:00"
        page.wait_for_function(
            "document.querySelectorAll('.deadline-text')[1].textContent.includes('10:30 London')")
        page.wait_for_timeout(500)
        assert len(saved) >= 2 and set(saved) == {200}

        # The evidence link plays the recording from the moment of its turn (turn 1 starts at 7.0 s).
        second.locator(".evidence").click()
        page.wait_for_function("!document.getElementById('player').paused")
        position = page.evaluate("document.getElementById('player').currentTime")
        assert 7.0 <= position < 9.0
    assert not problems, problems
