"""Fixtures: a fake DingTalk server per test, settings pointing at it, a client with tiny waits, and
the production outbox run in-line on a database of its own."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.dingtalk.client import DingTalkClient
from tests.dingtalk.fake_server import FakeDingTalk, demo_org
from tests.dingtalk.inline_outbox import InlineOutbox


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A retry bug would otherwise hang until the project-wide 900 s timeout.
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.timeout(20))


@pytest.fixture
def fake() -> Iterator[FakeDingTalk]:
    server = FakeDingTalk(demo_org()).start()
    yield server
    server.stop()


def settings_for(fake: FakeDingTalk, **overrides: object) -> Settings:
    """Settings pointing at ``fake``, with short timeouts and waits; ``overrides`` change any field."""
    org = fake.org
    values: dict[str, object] = dict(
        dingtalk_api_base=fake.base_url,
        dingtalk_oapi_base=fake.base_url,
        dingtalk_app_key=org.app_key,
        dingtalk_app_secret=org.app_secret,
        dingtalk_robot_code=org.robot_code,
        dingtalk_agent_id=org.agent_id,
        dingtalk_operator_union_id="un_op",
        dingtalk_card_template_id="tpl-confirm",
        dingtalk_timeout_s=2.0,  # a loaded CI machine can take longer than 0.3 s to answer; a retry would add calls
        dingtalk_call_budget_s=10.0,
        dingtalk_backoff_base_s=0.01,
        dingtalk_backoff_max_s=0.05,
        web_base_url="https://assistant.example.hk",
    )
    return Settings(_env_file=None, **{**values, **overrides})


@pytest.fixture
def settings(fake: FakeDingTalk) -> Settings:
    return settings_for(fake)


class SleepRecorder:
    """Records each back-off wait and sleeps for real (waits are tiny in tests)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        time.sleep(seconds)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def make_client(settings: Settings, sleeps: SleepRecorder) -> Iterator[Callable[..., DingTalkClient]]:
    clients: list[DingTalkClient] = []

    def make(**overrides: object) -> DingTalkClient:
        client = DingTalkClient(settings.model_copy(update=overrides), sleep=sleeps)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., DingTalkClient]) -> DingTalkClient:
    return make_client()


@pytest.fixture
def make_outbox(tmp_path: Path, settings: Settings) -> Iterator[Callable[..., InlineOutbox]]:
    """``make_outbox(client, folder)``: one data folder (database) pushing through ``client``."""
    outboxes: list[InlineOutbox] = []

    def make(client: DingTalkClient, folder: str = "data") -> InlineOutbox:
        outbox = InlineOutbox(tmp_path / folder, settings.model_copy(update={"dingtalk_outbox_retry_s": 0.05}), client)
        outboxes.append(outbox)
        return outbox

    yield make
    for outbox in outboxes:
        outbox.close()
