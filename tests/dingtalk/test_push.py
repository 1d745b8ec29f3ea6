"""Pushing action items through the outbox: exactly-once to-dos under faults, "task exist" from a
second data folder, DING by priority with downgrade, unresolved owners and bad items reported."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.delivery import DeliveryReport
from assistant.dingtalk.push import source_id_for
from assistant.minutes import ActionItem
from tests.dingtalk.fake_server import FakeDingTalk
from tests.dingtalk.inline_outbox import InlineOutbox, directory

MEETING = "2026-12-01-weekly"
UNION_IDS = {"陳生": "un_peter", "Peter Chan": "un_peter", "Mary Wong": "un_mary"}


@pytest.fixture
def outbox(make_outbox: Callable[..., InlineOutbox], client: DingTalkClient) -> InlineOutbox:
    return make_outbox(client)


def items(n: int) -> list[ActionItem]:
    owners = ["陳生", "Mary Wong", "Peter Chan"]
    priorities = ["app", "sms", "call"]
    return [
        ActionItem(
            owner=owners[i % 3], task=f"跟進第{i}項報價", deadline="2026-12-04", priority=priorities[i % 3], turn=i
        )
        for i in range(n)
    ]


def push(outbox: InlineOutbox, work: list[ActionItem]) -> list[DeliveryReport]:
    outbox.add_meeting(MEETING, work, directory())
    return outbox.push(MEETING)


def messages(report: DeliveryReport, kind: str) -> list[str | None]:
    return [e.message for e in report.events if e.kind == kind]


def test_to_do_body_follows_the_spec(fake: FakeDingTalk, outbox: InlineOutbox) -> None:
    item = ActionItem(owner="陳生", task="交季度報告", deadline="2026-12-04", priority="call")
    [report] = push(outbox, [item])

    assert report.status == "created"
    call = fake.calls("todo.create")[0]
    assert call.path == "/v1.0/todo/users/un_op/tasks" and call.query == {"operatorId": "un_op"}
    body = call.body
    hk_end_of_day = datetime(2026, 12, 4, 23, 59, tzinfo=ZoneInfo("Asia/Hong_Kong"))
    assert body["dueTime"] == int(hk_end_of_day.timestamp() * 1000)
    assert body["sourceId"] == source_id_for(MEETING, 0, item) == report.source_id
    assert body["subject"] == "交季度報告"
    assert body["executorIds"] == ["un_peter"]
    assert body["priority"] == 40
    assert body["notifyConfigs"] == {"dingNotify": "1", "sendTodoApn": "true"}
    assert body["detailUrl"]["appUrl"] == f"https://assistant.example.hk/meetings/{MEETING}#item-0"


def test_every_third_call_failing_and_a_second_data_folder_create_each_item_once(
    fake: FakeDingTalk, make_client: Callable[..., DingTalkClient], make_outbox: Callable[..., InlineOutbox]
) -> None:
    # The fake's real 20-QPS limit on to-do creation also bites here, so waits must outlast 1 s windows.
    client = make_client(dingtalk_backoff_base_s=0.25, dingtalk_backoff_max_s=1.0)
    work = items(12)
    faults = [
        fake.inject("drop_after", "/v1.0/todo/users/un_op/tasks", every_nth=3, times=None),
        fake.inject("http500", "/v1.0/robot/ding", every_nth=3, times=None),
    ]
    fake.org.paid_ding = True

    outbox = make_outbox(client)
    first = push(outbox, work)
    calls = len(fake.requests)
    assert [r.status for r in outbox.push(MEETING)] == ["created"] * 12  # pushed again: nothing is sent
    assert fake.requests[calls:] == []
    fake.clock.advance(600)  # ten minutes later, a restored backup (its own database) pushes the meeting
    rerun = push(make_outbox(client, "restored"), work)

    tasks_per_item = Counter((t["subject"], tuple(t["executorIds"])) for t in fake.todos.values())
    duplicates = sum(n - 1 for n in tasks_per_item.values())
    lost = sum((item.task, (UNION_IDS[item.owner],)) not in tasks_per_item for item in work)
    injected = sum(f.fired for f in faults)
    print(f"\nitems={len(work)} faults_injected={injected} duplicates={duplicates} lost={lost}")
    assert injected >= 4
    assert (duplicates, lost) == (0, 0)
    assert sorted(fake.todos) == sorted(r.source_id for r in first)
    assert [r.status for r in first] == ["created"] * 12, first  # lost responses were our own creates
    assert [r.status for r in rerun] == ["already_existed"] * 12
    # DING has no idempotency key: a 500 is reported, never blindly re-sent; the re-run rings nobody.
    ding_failed = [r for r in first if r.ding is None]
    assert ding_failed and all(messages(r, "ding_failed") == ["http.500"] for r in ding_failed)
    dinged = Counter(d["content"] for d in fake.dings)
    assert len(dinged) == len(fake.dings) == 12 - len(ding_failed)
    assert all(r.ding is None for r in rerun)
    print(f"dings_sent={len(fake.dings)} ding_failed_reported={len(ding_failed)} ding_duplicates=0")
    task_ids = {source_id: t["id"] for source_id, t in fake.todos.items()}
    assert {r.source_id: r.task_id for r in rerun} == {r.source_id: r.task_id for r in first} == task_ids


def test_lost_create_response_counts_as_created_and_dings_once(fake: FakeDingTalk, outbox: InlineOutbox) -> None:
    fake.inject("drop_after", "/v1.0/todo/users/un_op/tasks")
    [report] = push(outbox, items(1))
    assert [r.outcome for r in fake.calls("todo.create")][0] == "fault:drop_after"
    assert report.status == "created" and report.ding == "app"
    assert len(fake.todos) == 1 and len(fake.dings) == 1


def test_existing_task_counts_as_success_without_a_second_ding(
    fake: FakeDingTalk, client: DingTalkClient, make_outbox: Callable[..., InlineOutbox]
) -> None:
    work = items(3)
    push(make_outbox(client, "a"), work)
    dings = len(fake.dings)
    reports = push(make_outbox(client, "b"), work)
    assert [r.status for r in reports] == ["already_existed"] * 3
    assert [[e.kind for e in r.events][:2] for r in reports] == [["queued", "todo_already_existed"]] * 3
    assert {r.source_id: r.task_id for r in reports} == {s: t["id"] for s, t in fake.todos.items()}
    assert len(fake.dings) == dings
    assert [r.body["sourceId"] for r in fake.calls("todo.create")][3:] == [r.source_id for r in reports]


def test_ding_by_priority_on_a_paid_edition(fake: FakeDingTalk, outbox: InlineOutbox) -> None:
    fake.org.paid_ding = True
    reports = push(outbox, items(3))
    assert [r.ding for r in reports] == ["app", "sms", "call"]
    assert [d["remindType"] for d in fake.dings] == [1, 2, 3]
    assert fake.dings[2]["callVoice"] == "Cantonese_Female_Voice"
    assert not any(r.ding_downgraded for r in reports)
    assert "跟進第0項報價" in fake.dings[0]["content"]


def test_ding_falls_back_to_in_app_without_the_package(fake: FakeDingTalk, outbox: InlineOutbox) -> None:
    reports = push(outbox, items(3))
    assert [r.ding for r in reports] == ["app"] * 3
    assert [r.ding_downgraded for r in reports] == [False, True, True]
    assert messages(reports[2], "ding_sent") == ["app DING (downgraded from call)"]
    assert [d["remindType"] for d in fake.dings] == [1, 1, 1]
    assert [r.body["remindType"] for r in fake.calls("ding.send")] == [1, 2, 1, 3, 1]


def test_ding_failure_is_reported_but_the_to_do_stands(fake: FakeDingTalk, outbox: InlineOutbox) -> None:
    fake.org.denied_routes.add("ding.send")
    [report] = push(outbox, items(1))
    assert report.status == "created"
    assert report.ding is None
    assert messages(report, "ding_failed") == ["Forbidden.AccessDenied.AccessTokenPermissionDenied"]


def test_unresolved_and_bad_items_are_reported_without_a_to_do(fake: FakeDingTalk, outbox: InlineOutbox) -> None:
    work = [
        ActionItem(owner="Mary", task="ambiguous owner"),
        ActionItem(owner="陳生", task="bad date", deadline="next Friday"),
    ]
    reports = push(outbox, work)
    assert [r.status for r in reports] == ["unresolved", "failed"]
    assert "ambiguous" in (reports[0].reason or "")
    assert {c["name"] for c in reports[0].candidates} == {"Mary Wong", "Mary Lee"}
    assert "invalid deadline" in (reports[1].reason or "")
    assert fake.calls("todo.create") == [] and fake.dings == []


def test_to_do_rejected_by_permission_is_failed_not_retried(fake: FakeDingTalk, outbox: InlineOutbox) -> None:
    fake.org.denied_routes.add("todo.create")
    [report] = push(outbox, items(1))
    assert report.status == "failed"
    assert len(fake.calls("todo.create")) == 1
    assert fake.dings == []


def test_token_expiring_mid_push_is_refreshed_once(fake: FakeDingTalk, outbox: InlineOutbox) -> None:
    fake.inject("expire_tokens", "/v1.0/todo/users/un_op/tasks", every_nth=2)
    reports = push(outbox, items(3))
    assert [r.status for r in reports] == ["created"] * 3
    assert len(fake.calls("token.new")) == 2
    assert [r.outcome for r in fake.calls("todo.create")] == ["200", "fault:expire_tokens", "200", "200"]


def test_a_time_of_day_goes_to_due_time_and_the_owner_reads_their_local_time(
    fake: FakeDingTalk, outbox: InlineOutbox
) -> None:
    people = directory()
    people[0].timezone = "Europe/London"  # Peter Chan (陳生) works from London
    timed = ActionItem(owner="陳生", task="覆核合約", deadline="2026-03-13T17:00:00+08:00", priority="app")
    dated = ActionItem(owner="Mary Wong", task="交季度報告", deadline="2026-03-13", priority="app")
    outbox.add_meeting(MEETING, [timed, dated], people)
    reports = outbox.push(MEETING)

    assert [r.status for r in reports] == ["created", "created"]
    # the stored to-dos, not the calls: under load a call can time out and be retried (same sourceId)
    first, second = fake.todos.values()
    assert first["dueTime"] == int(datetime(2026, 3, 13, 17, tzinfo=ZoneInfo("Asia/Hong_Kong")).timestamp() * 1000)
    assert "限期：3月13日（五）17:00 香港｜09:00 London" in first["description"]
    # only a date: due at the end of that day in Hong Kong, no local time to add
    assert second["dueTime"] == int(datetime(2026, 3, 13, 23, 59, tzinfo=ZoneInfo("Asia/Hong_Kong")).timestamp() * 1000)
    assert "限期：3月13日（五）" in second["description"]
