"""Pushing action items: exactly-once to-dos under faults, DING by priority with downgrade."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.models import DingType
from assistant.dingtalk.people import PeopleResolver, Person
from assistant.dingtalk.push import push_action_items, source_id_for
from assistant.minutes import ActionItem
from tests.dingtalk.fake_server import FakeDingTalk

MEETING = "2026-12-01-weekly"
DIRECTORY = [
    Person(name="Peter Chan", aliases=("陳生",), user_id="u_peter", union_id="un_peter", manager_user_id="u_boss"),
    Person(name="Mary Wong", user_id="u_mary", union_id="un_mary", manager_user_id="u_head"),
    Person(name="Mary Lee", user_id="u_mary2", union_id="un_mary2", manager_user_id="u_head"),
]

UNION_IDS = {"陳生": "un_peter", "Peter Chan": "un_peter", "Mary Wong": "un_mary"}


@pytest.fixture
def resolver(client: DingTalkClient) -> PeopleResolver:
    return PeopleResolver(DIRECTORY, client)


def items(n: int) -> list[ActionItem]:
    owners = ["陳生", "Mary Wong", "Peter Chan"]
    priorities = ["app", "sms", "call"]
    return [
        ActionItem(
            owner=owners[i % 3], task=f"跟進第{i}項報價", deadline="2026-12-04", priority=priorities[i % 3], turn=i
        )
        for i in range(n)
    ]


def test_to_do_body_follows_the_spec(
    fake: FakeDingTalk, client: DingTalkClient, resolver: PeopleResolver, settings
) -> None:
    item = ActionItem(owner="陳生", task="交季度報告", deadline="2026-12-04", priority="call")
    [report] = push_action_items(client, [item], resolver, MEETING, settings)

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


def test_every_third_call_failing_and_a_rerun_create_each_item_once(
    fake: FakeDingTalk, make_client: Callable[..., DingTalkClient], settings
) -> None:
    # The fake's real 20-QPS limit on to-do creation also bites here, so waits must outlast 1 s windows.
    client = make_client(dingtalk_backoff_base_s=0.25, dingtalk_backoff_max_s=1.0)
    resolver = PeopleResolver(DIRECTORY, client)
    work = items(12)
    faults = [
        fake.inject("drop_after", "/v1.0/todo/users/un_op/tasks", every_nth=3, times=None),
        fake.inject("http500", "/v1.0/robot/ding", every_nth=3, times=None),
    ]
    fake.org.paid_ding = True

    first = push_action_items(client, work, resolver, MEETING, settings)
    fake.clock.advance(600)  # someone re-runs the push ten minutes later
    rerun = push_action_items(client, work, resolver, MEETING, settings)

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
    # DING has no idempotency key: a 500 is reported, never blindly re-sent.
    ding_failed = [r for r in first if r.ding_error]
    assert {r.ding_error for r in ding_failed} <= {"http.500"}
    dinged = Counter(d["content"] for d in fake.dings)
    assert len(dinged) == len(fake.dings) == 12 - len(ding_failed)
    print(f"dings_sent={len(fake.dings)} ding_failed_reported={len(ding_failed)} ding_duplicates=0")
    assert [r.task_id for r in rerun] == [r.task_id for r in first] == [t["id"] for t in fake.todos.values()]


def test_lost_create_response_still_dings_once(
    fake: FakeDingTalk, client: DingTalkClient, resolver: PeopleResolver, settings
) -> None:
    fake.inject("drop_after", "/v1.0/todo")
    [report] = push_action_items(client, items(1), resolver, MEETING, settings)
    assert report.status == "created" and report.ding is DingType.APP
    assert len(fake.todos) == 1 and len(fake.dings) == 1


def test_existing_task_counts_as_success_without_a_second_ding(
    fake: FakeDingTalk, client: DingTalkClient, resolver: PeopleResolver, settings
) -> None:
    work = items(3)
    push_action_items(client, work, resolver, MEETING, settings)
    dings = len(fake.dings)
    reports = push_action_items(client, work, resolver, MEETING, settings)
    assert [r.status for r in reports] == ["already_existed"] * 3
    assert [r.task_id for r in reports] == [t["id"] for t in fake.todos.values()]
    assert len(fake.dings) == dings
    assert [r.body["sourceId"] for r in fake.calls("todo.create")][3:] == [r.source_id for r in reports]


def test_ding_by_priority_on_a_paid_edition(
    fake: FakeDingTalk, client: DingTalkClient, resolver: PeopleResolver, settings
) -> None:
    fake.org.paid_ding = True
    reports = push_action_items(client, items(3), resolver, MEETING, settings)
    assert [r.ding for r in reports] == [DingType.APP, DingType.SMS, DingType.CALL]
    assert [d["remindType"] for d in fake.dings] == [1, 2, 3]
    assert fake.dings[2]["callVoice"] == "Cantonese_Female_Voice"
    assert not any(r.downgraded for r in reports)
    assert "跟進第0項報價" in fake.dings[0]["content"]


def test_ding_falls_back_to_in_app_without_the_package(
    fake: FakeDingTalk, client: DingTalkClient, resolver: PeopleResolver, settings
) -> None:
    reports = push_action_items(client, items(3), resolver, MEETING, settings)
    assert [r.ding for r in reports] == [DingType.APP] * 3
    assert [r.downgraded for r in reports] == [False, True, True]
    assert [d["remindType"] for d in fake.dings] == [1, 1, 1]
    assert [r.body["remindType"] for r in fake.calls("ding.send")] == [1, 2, 1, 3, 1]


def test_ding_failure_is_reported_but_the_to_do_stands(
    fake: FakeDingTalk, client: DingTalkClient, resolver: PeopleResolver, settings
) -> None:
    fake.org.denied_routes.add("ding.send")
    [report] = push_action_items(client, items(1), resolver, MEETING, settings)
    assert report.status == "created"
    assert report.ding is None
    assert report.ding_error == "Forbidden.AccessDenied.AccessTokenPermissionDenied"


def test_unresolved_and_bad_items_fail_without_calls(
    fake: FakeDingTalk, client: DingTalkClient, resolver: PeopleResolver, settings
) -> None:
    work = [
        ActionItem(owner="Mary", task="ambiguous owner"),
        ActionItem(owner="陳生", task="bad date", deadline="next Friday"),
    ]
    reports = push_action_items(client, work, resolver, MEETING, settings)
    assert [r.status for r in reports] == ["failed", "failed"]
    assert "ambiguous" in (reports[0].reason or "")
    assert "invalid deadline" in (reports[1].reason or "")
    assert fake.calls("todo.create") == []


def test_to_do_rejected_by_permission_is_failed_not_retried(
    fake: FakeDingTalk, client: DingTalkClient, resolver: PeopleResolver, settings
) -> None:
    fake.org.denied_routes.add("todo.create")
    [report] = push_action_items(client, items(1), resolver, MEETING, settings)
    assert report.status == "failed"
    assert len(fake.calls("todo.create")) == 1
    assert fake.dings == []


def test_token_expiring_mid_push_is_refreshed_once(
    fake: FakeDingTalk, client: DingTalkClient, resolver: PeopleResolver, settings
) -> None:
    fake.inject("expire_tokens", "/v1.0/todo/users/un_op/tasks", every_nth=2)
    reports = push_action_items(client, items(3), resolver, MEETING, settings)
    assert [r.status for r in reports] == ["created"] * 3
    assert len(fake.calls("token.new")) == 2
    assert [r.outcome for r in fake.calls("todo.create")] == ["200", "fault:expire_tokens", "200", "200"]
