"""Tokens, error mapping of both API families, and the retry rules, over real HTTP."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from pydantic import SecretStr

from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.errors import (
    AuthError,
    NetworkError,
    NotFound,
    PermissionDenied,
    QuotaExceeded,
    RateLimited,
    ServerError,
    SystemBusy,
    error_from_response,
)
from assistant.dingtalk.models import DingType
from tests.dingtalk.conftest import SleepRecorder
from tests.dingtalk.fake_server import TOKEN_LIFETIME_S, FakeDingTalk


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_is_fetched_once_and_shared_by_both_families(fake: FakeDingTalk, client: DingTalkClient) -> None:
    client.get_user("u_peter")  # legacy: token in the query
    client.search_users("Peter Chan")  # new: token in the header
    client.get_user("u_mary")

    assert len(fake.calls("token.new")) == 1
    token = fake.calls("user.get")[0].query["access_token"]
    assert fake.calls("user.search")[0].headers["x-acs-dingtalk-access-token"] == token
    assert "access_token" not in fake.calls("user.search")[0].query


def test_token_is_refreshed_before_expiry(fake: FakeDingTalk, settings, sleeps: SleepRecorder) -> None:
    clock = ManualClock()
    client = DingTalkClient(settings, clock=clock, sleep=sleeps)
    client.get_user("u_peter")
    clock.now += TOKEN_LIFETIME_S - settings.dingtalk_token_refresh_margin_s - 1
    client.get_user("u_peter")
    assert len(fake.calls("token.new")) == 1
    clock.now += 2  # now inside the 10-minute margin
    client.get_user("u_peter")
    assert len(fake.calls("token.new")) == 2
    client.close()


@pytest.mark.parametrize("route, call", [("user.get", "legacy"), ("user.search", "new")])
def test_expired_token_is_replaced_and_the_call_retried_once(
    fake: FakeDingTalk, client: DingTalkClient, route, call
) -> None:
    client.get_user("u_peter")
    fake.clock.advance(TOKEN_LIFETIME_S + 1)  # server-side expiry the client cannot know about

    if call == "legacy":
        assert client.get_user("u_mary").union_id == "un_mary"
    else:
        assert client.search_users("Mary Wong") == ["u_mary"]

    assert len(fake.calls("token.new")) == 2
    assert [r.outcome for r in fake.calls(route)][-2:] == ["auth-rejected", "200"]


def test_revoked_token_on_legacy_family_gives_errcode_88(fake: FakeDingTalk, client: DingTalkClient) -> None:
    client.get_user("u_peter")
    fake.revoke_tokens()
    client.get_user("u_peter")
    assert len(fake.calls("token.new")) == 2


def test_auth_is_retried_only_once(fake: FakeDingTalk, client: DingTalkClient) -> None:
    fake.inject("expire_tokens", "/topapi/v2/user/get", times=None)
    with pytest.raises(AuthError) as raised:
        client.get_user("u_peter")
    assert raised.value.code == "42001"
    assert len(fake.calls("user.get")) == 2


def test_bad_secret_is_an_auth_error_without_retries(
    fake: FakeDingTalk, make_client: Callable[..., DingTalkClient]
) -> None:
    client = make_client(dingtalk_app_secret=SecretStr("wrong"))
    with pytest.raises(AuthError) as raised:
        client.get_user("u_peter")
    assert raised.value.code == "invalidClientIdOrSecret"
    assert len(fake.calls("token.new")) == 1
    assert fake.calls("user.get") == []


def test_both_error_formats_as_served(fake: FakeDingTalk, client: DingTalkClient) -> None:
    token = client.access_token()
    search = f"{fake.base_url}/v1.0/contact/users/search"
    body = {"queryWord": "x", "offset": 0, "size": 10}
    cases = [
        httpx.post(search, params={"access_token": token}, json=body),  # token in the wrong place
        httpx.post(search, headers={"x-acs-dingtalk-access-token": "bogus"}, json=body),
        httpx.post(f"{fake.base_url}/topapi/v2/user/get", params={"access_token": "bogus"}, json={"userid": "u_peter"}),
        httpx.get(f"{fake.base_url}/gettoken", params={"appkey": fake.org.app_key, "appsecret": "wrong"}),
    ]
    errors = [error_from_response(r.status_code, r.json(), r.text) for r in cases]
    assert [(type(e), e.code, e.http_status) for e in errors] == [
        (AuthError, "AuthenticationFailed.MissingParameter", 400),
        (AuthError, "InvalidAuthentication", 400),
        (AuthError, "40014", 200),
        (AuthError, "40096", 200),
    ]


def test_not_found_in_both_families(client: DingTalkClient) -> None:
    with pytest.raises(NotFound) as legacy:
        client.get_user_id_by_mobile("+852-99999999")
    assert (legacy.value.code, legacy.value.http_status) == ("40104", 200)
    with pytest.raises(NotFound) as new:
        client.get_todo_by_source_id("un_op", "no-such-source")
    assert new.value.http_status == 400


@pytest.mark.parametrize("path, call", [("/topapi/v2/user/get", "legacy"), ("/v1.0/contact/users/search", "new")])
def test_rate_limits_are_retried_with_growing_waits(
    fake: FakeDingTalk, client: DingTalkClient, sleeps: SleepRecorder, path, call
) -> None:
    fake.inject("rate_limit", path, times=3)
    result = client.get_user("u_peter").user_id if call == "legacy" else client.search_users("Peter Chan")[0]
    assert result == "u_peter"
    assert len(sleeps.waits) == 3
    assert sleeps.waits == sorted(sleeps.waits)
    assert sleeps.waits[0] >= 0.005


def test_real_qps_limit_is_absorbed_by_back_off(
    fake: FakeDingTalk, make_client: Callable[..., DingTalkClient], sleeps: SleepRecorder
) -> None:
    fake.org.qps_limit = 5
    client = make_client(dingtalk_backoff_base_s=0.3, dingtalk_backoff_max_s=1.0)
    found = [client.search_users("Mary Wong") for _ in range(8)]
    assert found == [["u_mary"]] * 8
    assert sum(r.outcome == "rate-limited" for r in fake.calls("user.search")) >= 1
    assert sleeps.waits


def test_ip_ban_longer_than_the_budget_is_not_waited_out(
    fake: FakeDingTalk, client: DingTalkClient, sleeps: SleepRecorder
) -> None:
    fake.inject("ip_ban", "/topapi/v2/user/get")
    with pytest.raises(RateLimited) as raised:
        client.get_user("u_peter")
    assert raised.value.retry_after_s == 300
    assert sleeps.waits == []


def test_system_busy_is_retried_at_most_three_times(fake: FakeDingTalk, client: DingTalkClient) -> None:
    fake.inject("busy", "/topapi/v2/user/get", times=None)
    with pytest.raises(SystemBusy):
        client.get_user("u_peter")
    assert len(fake.calls("user.get")) == 4


def test_system_busy_three_times_then_success(fake: FakeDingTalk, client: DingTalkClient) -> None:
    fake.inject("busy", "/v1.0/contact", times=3)
    assert client.search_users("Peter Chan") == ["u_peter"]
    assert len(fake.calls("user.search")) == 4


@pytest.mark.parametrize(
    "route, call",
    [
        ("user.get", lambda c: c.get_user("u_peter")),
        ("ding.send", lambda c: c.send_ding(["u_peter"], "x", DingType.APP)),
    ],
)
def test_permission_denied_is_not_retried(fake: FakeDingTalk, client: DingTalkClient, route, call) -> None:
    fake.org.denied_routes.add(route)
    with pytest.raises(PermissionDenied):
        call(client)
    assert len(fake.calls(route)) == 1


def test_monthly_quota_and_ding_package_are_not_retried(fake: FakeDingTalk, client: DingTalkClient) -> None:
    with pytest.raises(QuotaExceeded) as package:
        client.send_ding(["u_peter"], "x", DingType.CALL)
    assert package.value.code == "ding.serverquota.insufficient"
    fake.org.monthly_quota = 0
    with pytest.raises(QuotaExceeded) as monthly:
        client.send_ding(["u_peter"], "x", DingType.APP)
    assert monthly.value.code == "Forbidden.AccessDenied.ApiCountLimitForOrg"
    assert len(fake.calls("ding.send")) == 2
    client.get_user("u_peter")  # contacts calls are exempt from the monthly quota


def test_5xx_and_timeouts_are_retried_for_idempotent_calls(fake: FakeDingTalk, client: DingTalkClient) -> None:
    fake.inject("http500", "/topapi/v2/user/get")
    fake.inject("timeout", "/topapi/v2/user/get", every_nth=2)
    assert client.get_user("u_peter").union_id == "un_peter"
    assert [r.outcome for r in fake.calls("user.get")] == ["fault:http500", "fault:timeout", "200"]


def test_ding_is_not_resent_after_a_lost_response(fake: FakeDingTalk, client: DingTalkClient) -> None:
    fake.inject("drop_after", "/v1.0/robot/ding/send")
    with pytest.raises(NetworkError) as raised:
        client.send_ding(["u_peter"], "x", DingType.APP)
    assert raised.value.maybe_processed
    assert len(fake.dings) == 1  # it did ring once; a blind retry would ring twice


def test_ding_is_retried_when_rate_limited(fake: FakeDingTalk, client: DingTalkClient) -> None:
    fake.inject("rate_limit", "/v1.0/robot/ding/send")
    assert client.send_ding(["u_peter"], "x", DingType.APP).failed == {}
    assert len(fake.dings) == 1


def test_retries_stop_at_the_limit(fake: FakeDingTalk, client: DingTalkClient, settings) -> None:
    fake.inject("http500", "/topapi", times=None)
    with pytest.raises(ServerError):
        client.get_user("u_peter")
    assert len(fake.calls("user.get")) == settings.dingtalk_max_retries + 1


def test_ding_recipient_limits(client: DingTalkClient) -> None:
    with pytest.raises(ValueError):
        client.send_ding([f"u{i}" for i in range(11)], "x", DingType.CALL)
    with pytest.raises(ValueError):
        client.send_ding([], "x", DingType.APP)


def test_partial_ding_failure_is_reported(client: DingTalkClient) -> None:
    result = client.send_ding(["u_peter", "u_ghost"], "x", DingType.APP)
    assert result.failed == {"invalidStaffId": ["u_ghost"]}


def test_card_reuses_out_track_id(fake: FakeDingTalk, client: DingTalkClient) -> None:
    params = {"task": "交報告", "sourceId": "s1", "confirmLabel": "確認執行", "disputeLabel": "提出異議"}
    first = client.send_card("card-s1", "u_peter", params)
    client.send_card("card-s1", "u_peter", params)
    assert [d.success for d in first] == [True]
    assert len(fake.cards) == 1
    body = fake.calls("card.deliver")[0].body
    assert body["callbackType"] == "STREAM"
    assert body["openSpaceId"] == "dtv1.card//IM_ROBOT.u_peter"
    assert body["imRobotOpenDeliverModel"] == {"spaceType": "IM_ROBOT", "robotCode": fake.org.robot_code}


def test_duplicate_work_notification_is_dropped_silently(fake: FakeDingTalk, client: DingTalkClient) -> None:
    client.send_work_notification(["u_peter"], "跟進", "請確認")
    task_id = client.send_work_notification(["u_peter"], "跟進", "請確認")  # still errcode 0
    result = httpx.post(
        f"{fake.base_url}/topapi/message/corpconversation/getsendresult",
        params={"access_token": client.access_token()},
        json={"agent_id": fake.org.agent_id, "task_id": int(task_id)},
    ).json()
    assert result["send_result"]["forbidden_list"] == [{"code": "143106", "count": 1, "userid": "u_peter"}]
