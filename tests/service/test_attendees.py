"""Attendees through the API, action items without owner or with a time of day, local-time display."""

from __future__ import annotations

import io

import docx

from assistant.minutes import ActionItem, Attendee
from assistant.store.people import create_person

from .conftest import insert_meeting, make_minutes


def _meeting(service, items, attendees=()):
    minutes = make_minutes()
    minutes.action_items = items
    meeting_id = insert_meeting(service, minutes)
    if attendees:
        with service.store.session() as session:
            from assistant.store.attendees import set_attendees
            from assistant.store.models import Meeting

            set_attendees(session, session.get(Meeting, meeting_id), attendees)
            session.commit()
    return meeting_id


def test_upload_takes_attendees_and_links_them_to_the_directory(client, service):
    with service.store.session() as session:
        ivy = create_person(session, name="陳詩韻", aliases=["Ivy Chan"], role="會計部")
        ivy.timezone = "Asia/Hong_Kong"
        session.commit()
        ivy_id = ivy.id
    spec = "Ivy Chan|Ivy\nTom Baker|Tom|Europe/London"
    r = client.post("/api/meetings", data={"attendees": spec},
                    files={"file": ("x.wav", b"not audio at all" * 50, "audio/wav")})
    assert r.status_code == 202, r.text
    body = client.get(f"/api/meetings/{r.json()['id']}").json()
    assert body["attendees"] == [
        {"name": "Ivy Chan", "aliases": ["Ivy", "陳詩韻"], "role": "會計部", "timezone": "Asia/Hong_Kong",
         "person_id": ivy_id, "manager": None},
        {"name": "Tom Baker", "aliases": ["Tom"], "role": None, "timezone": "Europe/London", "person_id": None,
         "manager": None},
    ]
    bad = client.post("/api/meetings", data={"attendees": "Tom|Europe/Londn"},
                      files={"file": ("x.wav", b"RIFF1234", "audio/wav")})
    assert bad.status_code == 422 and "attendees" in bad.json()["detail"]
    for field in ("attendees", "title"):
        long = client.post("/api/meetings", data={field: "x" * 20_000},
                           files={"file": ("x.wav", b"not audio at all" * 50, "audio/wav")})
        assert long.status_code == 400 and repr(field) in long.json()["detail"], long.text


def test_attendees_are_replaced_with_put_and_checked(client, service):
    meeting_id = _meeting(service, make_minutes().action_items)
    version = client.get(f"/api/meetings/{meeting_id}").json()["version"]
    body = {"version": version, "attendees": [{"name": "Jo Tan", "aliases": ["Jo"], "timezone": "Asia/Singapore"}]}
    r = client.put(f"/api/meetings/{meeting_id}/attendees", json=body)
    assert r.status_code == 200, r.text
    assert r.json()["attendees"][0]["timezone"] == "Asia/Singapore" and r.json()["version"] == version + 1
    assert client.put(f"/api/meetings/{meeting_id}/attendees", json=body).status_code == 409
    body = {"version": version + 1, "attendees": [{"name": "Jo", "timezone": "Asia/Singapor"}]}
    assert client.put(f"/api/meetings/{meeting_id}/attendees", json=body).status_code == 422
    for twice in ([{"name": "阿明"}, {"name": "阿明 "}], [{"name": "Mary"}, {"name": "mary"}],
                  [{"name": "陳大文", "aliases": ["陳生"]}, {"name": "陳小明", "aliases": ["陳生"]}]):
        body = {"version": version + 1, "attendees": twice}  # one name must mean one person
        assert client.put(f"/api/meetings/{meeting_id}/attendees", json=body).status_code == 422, twice
    assert client.get(f"/api/meetings/{meeting_id}/attendees").json()["attendees"][0]["name"] == "Jo Tan"


def test_an_attendees_manager_is_kept_and_found_in_the_directory(client, service):
    with service.store.session() as session:
        create_person(session, name="黃太", dingtalk_user_id="u-boss")
        create_person(session, name="王健朗", aliases=["阿朗"], dingtalk_user_id="u-ken", manager_user_id="u-boss")
        session.commit()
    meeting_id = _meeting(service, make_minutes().action_items)
    version = client.get(f"/api/meetings/{meeting_id}").json()["version"]
    body = {"version": version, "attendees": [{"name": "Jo Tan", "manager": "Ivy Chan"}, {"name": "阿朗"}]}
    r = client.put(f"/api/meetings/{meeting_id}/attendees", json=body)
    assert r.status_code == 200, r.text
    # given, or the directory's: the person whose DingTalk userId is their manager's
    assert [(a["name"], a["manager"]) for a in r.json()["attendees"]] == [("Jo Tan", "Ivy Chan"), ("阿朗", "黃太")]
    assert [a["manager"] for a in client.get(f"/api/meetings/{meeting_id}/attendees").json()["attendees"]] \
        == ["Ivy Chan", "黃太"]
    version = r.json()["version"]
    for bad in ("\x00", " ", "x" * 201, 3):  # unstorable or no name: a clear error, the stored list kept
        body = {"version": version, "attendees": [{"name": "Jo Tan", "manager": bad}]}
        assert client.put(f"/api/meetings/{meeting_id}/attendees", json=body).status_code == 422, bad
    assert [a["manager"] for a in client.get(f"/api/meetings/{meeting_id}/attendees").json()["attendees"]] \
        == ["Ivy Chan", "黃太"]


def test_items_keep_null_owner_confidence_review_flag_and_time_of_day(client, service):
    items = [ActionItem(None, "裝好四樓餘下兩部 access point", "2026-03-13T17:00:00+08:00", "app", 1, 0.4, True),
             ActionItem("Tom", "寄報價", "2026-03-13T07:00:00+08:00", "sms", 2, 0.9, False)]
    meeting_id = _meeting(service, items, [Attendee("Tom Baker", ["Tom"], "", "Europe/London")])
    body = client.get(f"/api/meetings/{meeting_id}").json()
    first, second = body["action_items"]
    assert (first["owner"], first["confidence"], first["needs_review"]) == (None, 0.4, True)
    assert first["deadline_text"] == "3月13日（五）17:00 香港"
    assert second["owner_timezone"] == "Europe/London"
    assert second["deadline_text"] == "3月13日（五）07:00 香港｜3月12日（四）23:00 London"
    assert body["minutes"]["action_items"][0]["owner"] is None
    # an item without owner cannot be approved for pushing
    assert client.put(f"/api/meetings/{meeting_id}/approval").status_code == 409

    url = f"/api/meetings/{meeting_id}/action-items/{first['id']}"
    r = client.patch(url, json={"owner": "Tom Baker", "needs_review": False,
                                "deadline": "2026-03-13T17:00:00+00:00", "version": first["version"]})
    assert r.status_code == 200, r.text
    assert r.json()["deadline"] == "2026-03-14T01:00:00+08:00"  # stored in Hong Kong time
    assert r.json()["deadline_text"] == "3月14日（六）01:00 香港｜3月13日（五）17:00 London"
    assert r.json()["needs_review"] is False
    for bad in ("2026-03-13T17:00:00", "next Friday", "20260313", "9999-12-31T23:59:59-23:59",
                "0001-01-01T00:00+14:00"):
        r2 = client.patch(url, json={"deadline": bad, "version": r.json()["version"]})
        assert r2.status_code == 422, bad
    for invisible in ("\u200b", "\u0000", "\u0007 "):  # an owner nobody can see is no owner
        r2 = client.patch(url, json={"owner": invisible, "version": r.json()["version"]})
        assert r2.status_code == 422, repr(invisible)
    assert client.put(f"/api/meetings/{meeting_id}/approval").status_code == 200

    md = client.get(f"/api/meetings/{meeting_id}/export?format=md").text
    assert "3月14日（六）01:00 香港｜3月13日（五）17:00 London" in md
    assert "與會者 Attendees: Tom Baker" in md
    document = docx.Document(io.BytesIO(client.get(f"/api/meetings/{meeting_id}/export?format=docx").content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "3月13日（五）07:00 香港｜3月12日（四）23:00 London" in cells


def test_new_items_may_leave_the_owner_for_later(client, service):
    meeting_id = _meeting(service, make_minutes().action_items)
    r = client.post(f"/api/meetings/{meeting_id}/action-items", json={"task": "訂房", "deadline": "2026-03-13"})
    assert r.status_code == 201, r.text
    assert r.json()["owner"] is None and r.json()["needs_review"] is True


def test_people_carry_a_checked_time_zone(client):
    r = client.post("/api/people", json={"name": "Tom Baker", "timezone": "Europe/London"})
    assert r.status_code == 201, r.text
    assert r.json()["timezone"] == "Europe/London"
    assert client.post("/api/people", json={"name": "Jo", "timezone": "Asia/Singapor"}).status_code == 422


def test_odd_field_values_are_clear_errors_not_500(client):
    wav = ("x.wav", b"not audio at all" * 50, "audio/wav")
    for field, value, status in (("attendees", '[{"name": "\\ud800"}]', 422), ("attendees", "Ken\x00Wong", 422),
                                 ("attendees", "NULL", 422), ("recorded_at", "0001-01-01T00:00:00+14:00", 422),
                                 ("meeting_date", "20270111", 422), ("meeting_date", "2027-W02-1", 422),
                                 # the meeting's day counts 聽日 and holidays: a year outside 2000–2100 failed the job later
                                 ("meeting_date", "1900-01-01", 422), ("meeting_date", "9999-12-31", 422),
                                 ("recorded_at", "2000-01-01T00:00+14:00", 422),  # 1999-12-31 in Hong Kong
                                 ("file_modified", "0001-01-01T00:00:00+14:00", 422), ("file_modified", "yesterday", 422)):
        r = client.post("/api/meetings", data={field: value}, files={"file": wav})
        assert r.status_code == status and field in r.json()["detail"], (field, value, r.status_code, r.text)
    r = client.post("/api/meetings", files={"attendees": (None, "Ken \xff\xfe Wong".encode("latin-1")), "file": wav})
    assert r.status_code == 400 and "'attendees'" in r.json()["detail"], r.text
    ok = client.post("/api/meetings", data={"attendees": '"Ken Wong|Ken"'}, files={"file": wav})
    assert ok.status_code == 202, ok.text
    assert [a["name"] for a in client.get(f"/api/meetings/{ok.json()['id']}").json()["attendees"]] == ["Ken Wong"]
    nameless = client.post("/api/meetings", files={"file": ("", b"RIFF1234" * 100, "audio/wav")})  # a field, not a file
    assert nameless.status_code == 422 and "no file name" in nameless.json()["detail"], nameless.text


def test_the_file_time_the_upload_page_sends_dates_a_recording_without_a_creation_time(client):
    """The stored copy of an upload is new: the file's own time (File.lastModified, 23:50 in Hong Kong,
    15:50 UTC) dates the meeting, so 聽日 in it is counted from the meeting's day, not the upload's."""
    r = client.post("/api/meetings", data={"file_modified": "2026-03-12T15:50:00.000Z"},
                    files={"file": ("x.wav", b"not audio at all" * 50, "audio/wav")})
    assert r.status_code == 202, r.text
    assert client.get(f"/api/meetings/{r.json()['id']}").json()["meeting_date"] == "2026-03-12"
