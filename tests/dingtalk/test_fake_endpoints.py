"""The fake's section-9 behaviours beyond what the client uses: to-do paging and update, robot 1:1
read status within 24 h, DING recall, the signed webhook robot, calendar idempotency."""

from __future__ import annotations

import time

import httpx
import pytest

from assistant.dingtalk.client import DingTalkClient
from tests.dingtalk.fake_endpoints import webhook_sign
from tests.dingtalk.fake_server import FakeDingTalk


@pytest.fixture
def api(fake: FakeDingTalk, client: DingTalkClient) -> httpx.Client:
    with httpx.Client(base_url=fake.base_url, headers={"x-acs-dingtalk-access-token": client.access_token()}) as c:
        yield c


def create(api: httpx.Client, n: int) -> list[str]:
    ids = []
    for i in range(n):
        body = {"subject": f"task {i}", "sourceId": f"s{i}", "executorIds": ["un_peter"],
                "detailUrl": {"appUrl": "https://x/1", "pcUrl": "https://x/1"}}
        ids.append(api.post("/v1.0/todo/users/un_op/tasks", json=body).json()["id"])
    return ids


def test_todo_query_pages_with_next_token_and_sees_updates(fake: FakeDingTalk, api: httpx.Client) -> None:
    fake.todo_page_size = 2
    ids = create(api, 5)
    assert api.put(f"/v1.0/todo/users/un_op/tasks/{ids[0]}", json={"done": True}).json()["result"] is True
    seen, token, pages = [], None, 0
    while True:
        page = api.post("/v1.0/todo/users/un_peter/org/tasks/query",
                        json={"nextToken": token, "roleTypes": [["executor"]]}).json()
        seen += [(c["taskId"], c["isDone"]) for c in page["todoCards"]]
        pages += 1
        token = page["nextToken"]
        if token is None:
            break
    assert pages == 3 and seen == [(ids[0], True)] + [(i, False) for i in ids[1:]]
    bad = api.post("/v1.0/todo/users/un_peter/org/tasks/query", json={"nextToken": "garbage"})
    assert bad.status_code == 400 and bad.json()["message"] == "nextToken is invalid"
    missing = api.put("/v1.0/todo/users/un_op/tasks/task999", json={"done": True})
    assert missing.json()["message"] == "task not exist"


def test_robot_messages_read_status_only_within_a_day(fake: FakeDingTalk, api: httpx.Client) -> None:
    sent = api.post("/v1.0/robot/oToMessages/batchSend", json={
        "robotCode": fake.org.robot_code, "userIds": ["u_peter", "u_ghost"], "msgKey": "sampleText",
        "msgParam": '{"content": "hi"}'}).json()
    assert sent["invalidStaffIdList"] == ["u_ghost"]
    key = sent["processQueryKey"]
    fake.mark_read("u_peter", key=key)
    status = api.get("/v1.0/robot/oToMessages/readStatus", params={"robotCode": fake.org.robot_code,
                                                                   "processQueryKey": key})
    assert status.json()["messageReadInfoList"] == [{"userId": "u_peter", "readStatus": "READ"}]
    fake.clock.advance(24 * 3600 + 1)
    token = api.post("/v1.0/oauth2/accessToken",
                     json={"appKey": fake.org.app_key, "appSecret": fake.org.app_secret}).json()["accessToken"]
    late = api.get("/v1.0/robot/oToMessages/readStatus", headers={"x-acs-dingtalk-access-token": token},
                   params={"robotCode": fake.org.robot_code, "processQueryKey": key})
    assert late.status_code == 400 and late.json()["code"] == "processQueryKey.expireTime"


def test_ding_recall_once(fake: FakeDingTalk, api: httpx.Client) -> None:
    ding = api.post("/v1.0/robot/ding/send", json={"robotCode": fake.org.robot_code, "remindType": 1,
                                                   "receiverUserIdList": ["u_peter"], "content": "x"}).json()
    body = {"robotCode": fake.org.robot_code, "openDingId": ding["openDingId"]}
    assert api.post("/v1.0/robot/ding/recall", json=body).status_code == 200
    assert api.post("/v1.0/robot/ding/recall", json=body).json()["code"] == "recall.ding.exception"


def test_webhook_checks_signature_time_and_rate(fake: FakeDingTalk) -> None:
    secret = fake.webhooks["fake-webhook-token"]

    def send(ts_ms: int, sign: str | None = None, **body) -> dict:
        url = (f"{fake.base_url}/robot/send?access_token=fake-webhook-token&timestamp={ts_ms}"
               f"&sign={sign or webhook_sign(secret, ts_ms)}")
        return httpx.post(url, json={"msgtype": "text", "text": {"content": "hi"}, **body}).json()

    now_ms = int(time.time() * 1000)
    assert send(now_ms)["errcode"] == 0
    assert send(now_ms, sign="forged")["errcode"] == 310000
    assert send(now_ms - 2 * 3600 * 1000)["errcode"] == 310000
    assert send(now_ms, msgUuid="m1")["errcode"] == 0 and send(now_ms, msgUuid="m1")["errcode"] == 0
    codes = [send(now_ms)["errcode"] for _ in range(20)]
    assert len(fake.webhook_messages) == 20 and codes[-2:] == [410100, 410100]


def test_calendar_event_is_created_once_per_client_token(fake: FakeDingTalk, api: httpx.Client) -> None:
    body = {"summary": "跟進會議", "start": {"dateTime": "2026-12-01T10:00:00+08:00", "timeZone": "Asia/Hong_Kong"},
            "end": {"dateTime": "2026-12-01T10:30:00+08:00", "timeZone": "Asia/Hong_Kong"},
            "attendees": [{"id": "un_peter"}]}
    path = "/v1.0/calendar/users/un_op/calendars/primary/events"
    first = api.post(path, json=body, headers={"x-client-token": "t1"}).json()
    again = api.post(path, json=body, headers={"x-client-token": "t1"}).json()
    assert first["id"] == again["id"] and len(fake.calendar_events) == 1
    fake.respond(first["id"], "un_peter", "accepted")
    event = api.get(f"{path}/{first['id']}").json()
    assert event["attendees"][0]["responseStatus"] == "accepted"
