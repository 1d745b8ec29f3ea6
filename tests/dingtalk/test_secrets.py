"""The app secret and access tokens never reach logs or reprs."""

from __future__ import annotations

import logging

import pytest

from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.people import PeopleResolver, Person
from assistant.dingtalk.push import push_action_items
from assistant.minutes import ActionItem
from tests.dingtalk.fake_server import FakeDingTalk


def test_secret_and_tokens_absent_from_logs(
    fake: FakeDingTalk, client: DingTalkClient, settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.inject("expire_tokens", "/topapi/v2/user/get")  # forces a second token
    fake.inject("timeout", "/topapi/v2/user/get", every_nth=2)
    resolver = PeopleResolver([Person(name="Peter Chan", aliases=("陳生",), mobile="+852-91234567")], client)
    push_action_items(client, [ActionItem(owner="陳生", task="交報告", priority="call")], resolver, "m1", settings)
    client.open_stream()

    tokens = list(fake.tokens)
    assert len(tokens) == 2
    assert "access_token=***" in caplog.text  # the legacy calls were logged, redacted
    for secret in [fake.org.app_secret, *tokens]:
        assert secret not in caplog.text
        assert secret not in repr(settings)
        assert secret not in str(settings.model_dump())
        assert secret not in repr(client)
    assert "+852-91234567" not in caplog.text
