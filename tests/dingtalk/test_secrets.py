"""The app secret, access tokens and owners' mobiles never reach logs or reprs."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from assistant.dingtalk.client import DingTalkClient
from assistant.minutes import ActionItem
from assistant.store import models
from assistant.store.meetings import new_id
from tests.dingtalk.fake_server import FakeDingTalk
from tests.dingtalk.inline_outbox import InlineOutbox


def test_secret_and_tokens_absent_from_logs(
    fake: FakeDingTalk, client: DingTalkClient, make_outbox: Callable[..., InlineOutbox], settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.inject("expire_tokens", "/topapi/v2/user/get")  # forces a second token
    fake.inject("timeout", "/topapi/v2/user/get", every_nth=2)
    outbox = make_outbox(client)
    peter = models.Person(id=new_id(), name="Peter Chan", aliases=["陳生"], mobile="+852-91234567", version=1)
    outbox.add_meeting("m1", [ActionItem(owner="陳生", task="交報告", priority="call")], [peter])
    [report] = outbox.push("m1")
    client.open_stream()

    assert report.status == "created" and report.ding == "app"  # found by mobile, pushed, DINGed
    tokens = list(fake.tokens)
    assert len(tokens) == 2
    assert "access_token=***" in caplog.text  # the legacy calls were logged, redacted
    for secret in [fake.org.app_secret, *tokens]:
        assert secret not in caplog.text
        assert secret not in repr(settings)
        assert secret not in str(settings.model_dump())
        assert secret not in repr(client)
    assert "+852-91234567" not in caplog.text
