"""End to end: a stored meeting's approved items pushed to the fake DingTalk through the API and the
delivery worker; one owner confirms by a card click over Stream, one disputes (the item reopens),
one completes the to-do, one stays silent and is escalated to the manager within a short window."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

import pytest
from assistant.config import Settings
from assistant.minutes import ActionItem, Minutes
from assistant.store import jobs, models
from assistant.store.meetings import new_id
from tests.dingtalk.conftest import settings_for
from tests.dingtalk.fake_server import FakeDingTalk, card_click_frame, todo_event_frame
from tests.service.conftest import insert_meeting, make_minutes, service_settings

pytestmark = pytest.mark.timeout(60)
WINDOW_S = 4.0


@pytest.fixture
def settings(tmp_path, fake: FakeDingTalk) -> Settings:
    return settings_for(fake, service=service_settings(tmp_path / "data").service, dingtalk_timeout_s=2.0,
                        dingtalk_backoff_base_s=0.05, dingtalk_backoff_max_s=0.2,
                        dingtalk_follow_up_minutes=WINDOW_S / 60, dingtalk_outbox_retry_s=0.2)


def wait_for(condition: Callable[[], object], timeout: float = 15.0) -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


def add_people(service) -> dict[str, str]:
    """The directory as an admin keeps it: Peter known only by mobile, the two Marys by user id."""
    rows = [
        models.Person(id=new_id(), name="Peter Chan", aliases=["陳生"], mobile="+852-91234567", version=1),
        models.Person(id=new_id(), name="Mary Wong", aliases=[], dingtalk_user_id="u_mary", version=1),
        models.Person(id=new_id(), name="Mary Lee", aliases=["李小姐"], dingtalk_user_id="u_mary2", version=1),
    ]
    with service.store.session() as session:
        session.add_all(rows)
        session.commit()
        return {r.name: r.id for r in rows}


def four_items() -> Minutes:
    minutes = make_minutes()
    minutes.action_items = [
        ActionItem("陳生", "交市場計劃書", "2026-11-27", "sms", 1),
        ActionItem("Mary Wong", "同財務部傾預算", "2026-11-21", "call", 3),
        ActionItem("李小姐", "訂場地", None, "app", 3),
        ActionItem("Mary", "寄會議紀錄", None, "app", 5),
    ]
    return minutes


def by_owner(client, meeting_id: str) -> dict[str, dict]:
    return {d["owner"]: d for d in client.get(f"/api/meetings/{meeting_id}/deliveries").json()}


def test_push_confirm_dispute_complete_and_escalate(client, service, fake: FakeDingTalk) -> None:
    people = add_people(service)
    meeting_id = insert_meeting(service, four_items())
    base = f"/api/meetings/{meeting_id}"

    page = client.get(f"/meetings/{meeting_id}").text  # before any push: the ambiguous owner is asked about
    assert "「Mary」係邊位" in page and page.count('class="choose-owner"') == 2 and "批准並推送到釘釘" in page
    assert client.post(f"{base}/deliveries").status_code == 409  # not approved yet
    assert client.put(f"{base}/approval").status_code == 200
    accepted = client.post(f"{base}/deliveries")
    assert accepted.status_code == 202, accepted.text
    assert {i["status"] for i in accepted.json()["items"]} == {"pending"}

    report = wait_for(lambda: (r := by_owner(client, meeting_id)) and
                      all(d["status"] != "pending" for d in r.values()) and r)
    peter, wong, lee, mary = (report[o] for o in ("陳生", "Mary Wong", "李小姐", "Mary"))
    assert [peter["status"], wong["status"], lee["status"]] == ["created"] * 3
    # "Mary" is two people: never guessed, shown with both candidates from the directory.
    assert mary["status"] == "unresolved" and mary["state"] == "unresolved"
    assert {c["name"] for c in mary["candidates"]} == {"Mary Wong", "Mary Lee"}
    assert all(c["person_id"] for c in mary["candidates"])
    assert fake.todos[peter["source_id"]]["executorIds"] == ["un_peter"]
    wait_for(lambda: len(fake.cards) == 3 and len(fake.dings) == 3)
    # the fake has the DING as soon as it is sent; the report has it once the service stored the answer
    peter, wong = wait_for(lambda: (r := by_owner(client, meeting_id)) and r["陳生"]["ding"] and r["Mary Wong"]["ding"]
                           and (r["陳生"], r["Mary Wong"]))
    assert peter["ding"] == "app" and peter["ding_downgraded"]  # the fake org has no SMS/phone DING package
    assert wong["ding"] == "app" and wong["ding_downgraded"]
    with service.store.session() as session:  # ids found by the mobile lookup were written back
        row = session.get(models.Person, people["Peter Chan"])
        assert (row.dingtalk_user_id, row.dingtalk_union_id, row.manager_user_id) == ("u_peter", "un_peter", "u_boss")

    # A reviewer picks who "Mary" is; pushing again creates only that to-do.
    chosen = client.put(f"{base}/action-items/{mary['item_id']}/person", json={"person_id": people["Mary Wong"]})
    assert chosen.status_code == 200, chosen.text
    client.post(f"{base}/deliveries")
    mary = wait_for(lambda: (d := by_owner(client, meeting_id)["Mary"])["status"] == "created" and d)
    assert len(fake.todos) == 4 and fake.todos[mary["source_id"]]["executorIds"] == ["un_mary"]

    # Answers arrive over Stream: a confirm click, a dispute with a reason, a completed to-do.
    fake.stream.push(card_click_frame("u_peter", f"card-{peter['source_id']}",
                                      {"action": "confirm", "sourceId": peter["source_id"]}, ["confirm"]))
    fake.stream.push(card_click_frame("u_mary", f"card-{wong['source_id']}",
                                      {"action": "dispute", "sourceId": wong["source_id"], "reason": "財務部下星期先得閒"},
                                      ["dispute"]))
    fake.todos[mary["source_id"]]["done"] = True
    fake.stream.push(todo_event_frame("todo_task_update", mary["task_id"], ["un_mary"]))

    states = lambda: {o: d["state"] for o, d in by_owner(client, meeting_id).items()}  # noqa: E731
    wait_for(lambda: states() == {"陳生": "confirmed", "Mary Wong": "disputed", "Mary": "done", "李小姐": "escalated"})

    report = by_owner(client, meeting_id)
    assert report["Mary Wong"]["dispute_reason"] == "財務部下星期先得閒"
    assert client.get(base).json()["approved_at"] is None  # the dispute reopened the table for editing
    page = client.get(f"/meetings/{meeting_id}").text
    assert "財務部下星期先得閒" in page and "失聯風險" in page

    # Only the silent owner was flagged, reminded with new wording, and escalated to her manager.
    lee = report["李小姐"]
    escalations = [t for t in fake.todos.values() if t["sourceId"].startswith("esc-")]
    assert [t["executorIds"] for t in escalations] == [["un_head"]]
    assert escalations[0]["sourceId"] == f"esc-{lee['source_id']}"
    flagged, due = datetime.fromisoformat(lee["flagged_at"]), datetime.fromisoformat(lee["follow_up_due_at"])
    assert 0 <= (flagged - due).total_seconds() < 3
    assert lee["reminded_at"] and lee["escalated_at"]
    reminder = fake.calls("notify.send")[-1].body
    assert reminder["userid_list"] == "u_mary2" and "第二次提醒" in reminder["msg"]["markdown"]["title"]
    for owner in ("陳生", "Mary Wong", "Mary"):
        assert report[owner]["flagged_at"] is None and report[owner]["escalated_at"] is None
    kinds = [e["kind"] for e in lee["events"]]
    assert kinds[:2] == ["queued", "todo_created"] and {"flagged", "reminded", "escalated"} <= set(kinds)

    # The disputed item cannot be deleted (its trail would go), but its deadline can be moved; pushed
    # again, it replaces the owner's old to-do, which is deleted on DingTalk.
    wong = report["Mary Wong"]
    item = next(a for a in client.get(base).json()["action_items"] if a["id"] == wong["item_id"])
    refused = client.delete(f"{base}/action-items/{item['id']}")
    assert refused.status_code == 409 and "delivery trail" in refused.json()["detail"]
    edited = client.patch(f"{base}/action-items/{item['id']}", json={"version": item["version"], "deadline": "2026-11-30"})
    assert edited.status_code == 200, edited.text
    assert client.put(f"{base}/approval").status_code == 200
    assert client.post(f"{base}/deliveries").status_code == 202
    renewed = wait_for(lambda: (d := by_owner(client, meeting_id)["Mary Wong"])["task_id"] not in (None, wong["task_id"])
                       and "todo_retracted" in [e["kind"] for e in d["events"]] and d)
    assert renewed["source_id"] != wong["source_id"] and renewed["state"] == "awaiting"
    assert wong["task_id"] not in {t["id"] for t in fake.todos.values()}
    assert fake.todos[renewed["source_id"]]["executorIds"] == ["un_mary"]
    deletes = fake.calls("todo.delete")
    assert len(deletes) == 1 and deletes[0].query["operatorId"] and deletes[0].path.endswith(wong["task_id"])
    wait_for(lambda: f"card-{renewed['source_id']}" in fake.cards)
    fake.stream.push(card_click_frame("u_mary", f"card-{renewed['source_id']}",
                                      {"action": "confirm", "sourceId": renewed["source_id"]}, ["confirm"]))
    wait_for(lambda: by_owner(client, meeting_id)["Mary Wong"]["state"] == "confirmed")

    # Pushing again after all this sends nothing new.
    calls = len(fake.requests)
    client.put(f"{base}/approval")
    client.post(f"{base}/deliveries")
    time.sleep(0.5)
    assert [r.route for r in fake.requests[calls:] if r.route.startswith(("todo", "ding", "card"))] == []




def test_a_pushed_meeting_is_not_reprocessed_and_keeps_its_trail(client, service, fake: FakeDingTalk) -> None:
    add_people(service)
    pushed, reprocessing = insert_meeting(service, four_items()), insert_meeting(service, four_items())
    for meeting_id in (pushed, reprocessing):
        assert client.put(f"/api/meetings/{meeting_id}/approval").status_code == 200
    with service.store.session() as session:  # a reprocessing job, queued after approval (not run here)
        jobs.create_job(session, session.get(models.Meeting, reprocessing), 1)
        session.commit()
    refused = client.post(f"/api/meetings/{reprocessing}/deliveries")  # it would replace the items
    assert refused.status_code == 409 and "processed again" in refused.json()["detail"]

    assert client.post(f"/api/meetings/{pushed}/deliveries").status_code == 202
    wait_for(lambda: all(d["status"] != "pending" for d in by_owner(client, pushed).values()))

    def trail() -> dict[str, tuple]:
        return {o: (d["item_id"], d["source_id"], [e["kind"] for e in d["events"]][:2])
                for o, d in by_owner(client, pushed).items()}

    before = trail()
    refused = client.post(f"/api/meetings/{pushed}/jobs")
    assert refused.status_code == 409 and "pushed to DingTalk" in refused.json()["detail"]
    assert client.get(f"/api/meetings/{pushed}").json()["status"] == "done"
    assert trail() == before and len(before) == 4
