"""DingTalk Calendar through the fake server in the real API shapes: synced events, a recording
matched to its event (attendees, title, who may read), an ambiguous one chosen in the API, the
explicit event id, and the organiser's notice when the to-do table is ready."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from assistant.config import CalendarSettings, Settings
from assistant.store import models
from assistant.store.meetings import save_minutes
from tests.dingtalk.conftest import settings_for
from tests.dingtalk.fake_server import FakeDingTalk
from tests.service.conftest import client_as, make_minutes, make_user, service_settings

pytestmark = pytest.mark.timeout(120)
HK = ZoneInfo("Asia/Hong_Kong")


def dingtalk_event(event_id: str, summary: str, start: datetime, minutes: int, attendees, room: str,
                   timezone: str = "Asia/Hong_Kong", series: str | None = None) -> dict:
    """An event as ListEvents returns it."""
    zone = ZoneInfo(timezone)
    return {
        "id": event_id, "summary": summary, "description": "議程：報價、排期",
        "start": {"dateTime": start.astimezone(zone).isoformat(), "timeZone": timezone},
        "end": {"dateTime": (start + timedelta(minutes=minutes)).astimezone(zone).isoformat(), "timeZone": timezone},
        "isAllDay": False, "status": "confirmed",
        "organizer": {"id": "un_peter", "displayName": "Peter Chan", "responseStatus": "accepted", "self": True},
        "attendees": [{"id": u, "displayName": n, "responseStatus": "accepted", "self": u == "un_peter",
                       "isOptional": False} for u, n in attendees],
        "location": {"displayName": room, "meetingRooms": []},
        **({"seriesMasterId": series} if series else {}),
        "createTime": "2026-03-01T10:00:00Z", "updateTime": "2026-03-01T10:00:00Z",
    }


@pytest.fixture
def settings(tmp_path, fake: FakeDingTalk) -> Settings:
    return settings_for(fake, service=service_settings(tmp_path / "data").service, dingtalk_timeout_s=2.0,
                        calendar=CalendarSettings(dingtalk_union_ids=("un_peter",), days_back=30, days_ahead=30))


def test_calendar_drives_title_attendees_access_and_the_ready_notice(client, service, fake: FakeDingTalk):
    now = datetime.now(HK).replace(second=0, microsecond=0)
    weekly = now - timedelta(hours=3)
    fake.calendars["un_peter"] = [
        dingtalk_event("ev-weekly-1", "項目週會", weekly, 60, [("un_peter", "Peter Chan"), ("un_mary", "Mary Wong")],
                       "會議室 3A", series="ev-weekly"),
        dingtalk_event("ev-london", "London budget call", now - timedelta(hours=1), 45,
                       [("un_peter", "Peter Chan"), ("un_mary2", "Mary Lee")], "Zoom", "Europe/London"),
        dingtalk_event("ev-vendor", "Vendor call", now - timedelta(minutes=55), 45, [("un_peter", "Peter Chan")],
                       "會議室 5B"),
    ]
    with service.store.session() as session:
        session.add_all([
            models.Person(id="p-peter", name="Peter Chan", aliases=["陳生"], dingtalk_user_id="u_peter",
                          dingtalk_union_id="un_peter", version=1),
            models.Person(id="p-mary", name="Mary Wong", dingtalk_union_id="un_mary", version=1),
        ])
        session.commit()
    mary_token = make_user(service, "mary", "member", "ops")
    with service.store.session() as session:
        session.get(models.Person, "p-mary").user_id = session.query(models.User).filter_by(username="mary").one().id
        session.commit()

    synced = client.post("/api/calendar/syncs")
    assert synced.status_code == 200 and synced.json() == [{"source": "dingtalk:un_peter", "events": 3, "error": None}]
    call = fake.calls("calendar.list")[0]
    assert call.path == "/v1.0/calendar/users/un_peter/calendars/primary/events" and "timeMin" in call.query
    listed = client.get("/api/calendar/events", params={"from": (now - timedelta(days=1)).date().isoformat()}).json()
    assert [e["title"] for e in listed] == ["項目週會", "London budget call", "Vendor call"]
    assert listed[1]["timezone"] == "Europe/London"

    # A recording that started 5 minutes before the weekly meeting: matched, linked, processed at once (it ended).
    r = client.post("/api/meetings", data={"recorded_at": (weekly - timedelta(minutes=5)).isoformat()},
                    files={"file": ("room3a.m4a", b"not really audio" * 40, "audio/mp4")})
    assert r.status_code == 202, r.text
    meeting_id = r.json()["id"]
    body = client.get(f"/api/meetings/{meeting_id}").json()
    assert body["title"] == "項目週會" and body["meeting_date"] == weekly.date().isoformat()
    assert [(a["name"], a["person_id"]) for a in body["attendees"]] == [("Peter Chan", "p-peter"),
                                                                         ("Mary Wong", "p-mary")]
    assert client.get(f"/api/meetings/{meeting_id}/event").json()["event"]["title"] == "項目週會"
    # Mary attended: she may read it, though nobody shared it with her
    assert client_as(client.app, mary_token).get(f"/api/meetings/{meeting_id}").status_code == 200

    # Two events minutes apart: the page offers both; a reviewer picks one and the attendees follow.
    r = client.post("/api/meetings", data={"recorded_at": (now - timedelta(minutes=58)).isoformat(), "title": "錄音"},
                    files={"file": ("call.m4a", b"not really audio either" * 40, "audio/mp4")})
    ambiguous = r.json()["id"]
    choice = client.get(f"/api/meetings/{ambiguous}/event").json()
    assert choice["event"] is None
    assert [c["title"] for c in choice["candidates"]] == ["London budget call", "Vendor call"]
    assert client.get(f"/meetings/{ambiguous}").text.count('class="choose-event"') == 2
    london = choice["candidates"][0]["id"]
    chosen = client.put(f"/api/meetings/{ambiguous}/event", json={"event_id": london, "version": choice["version"]})
    assert chosen.status_code == 200 and chosen.json()["event"]["title"] == "London budget call"
    assert 'id="linked-event"><strong>London budget call' in client.get(f"/meetings/{ambiguous}").text
    attendees = client.get(f"/api/meetings/{ambiguous}/attendees").json()["attendees"]
    assert [a["name"] for a in attendees] == ["Peter Chan", "Mary Lee"]

    # The explicit event id wins over the time; an unknown one is 404.
    r = client.post("/api/meetings", data={"event_id": london},
                    files={"file": ("x.m4a", b"third fake recording" * 40, "audio/mp4")})
    assert client.get(f"/api/meetings/{r.json()['id']}").json()["title"] == "London budget call"
    assert client.post("/api/meetings", data={"event_id": "nope"},
                       files={"file": ("y.m4a", b"fourth fake recording" * 40, "audio/mp4")}).status_code == 404

    # When the minutes are saved, the organiser hears the to-do table is ready (once), with the review link.
    with service.store.session() as session:
        meeting = session.get(models.Meeting, meeting_id)
        save_minutes(session, meeting, make_minutes())
        meeting.status = "done"
        session.commit()
    service.processed(meeting_id)
    service.processed(meeting_id)
    [notice] = fake.calls("notify.send")
    assert notice.body["userid_list"] == "u_peter"
    text = notice.body["msg"]["markdown"]["text"]
    assert f"https://assistant.example.hk/meetings/{meeting_id}" in text and "批准之前唔會推送" in text
    assert not fake.calls("todo.create")  # nothing is pushed before approval
