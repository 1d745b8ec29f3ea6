"""Stream mode against the fake gateway: acks, pings, re-sent frames, reconnects."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from websockets.sync.client import connect

from assistant.dingtalk.backoff import Backoff
from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.stream import Confirmation, StreamReceiver, TodoEvent
from tests.dingtalk.fake_server import (
    FakeDingTalk,
    card_click_frame,
    disconnect_frame,
    ping_frame,
    todo_event_frame,
)


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


class Inbox:
    def __init__(self, fail_first: int = 0) -> None:
        self.confirmations: list[Confirmation] = []
        self.events: list[TodoEvent] = []
        self._fail_first = fail_first

    def confirm(self, confirmation: Confirmation) -> None:
        if self._fail_first:
            self._fail_first -= 1
            raise RuntimeError("database unavailable")
        self.confirmations.append(confirmation)


@pytest.fixture
def run_receiver(client: DingTalkClient) -> Iterator[Callable[[Inbox], StreamReceiver]]:
    stop = threading.Event()
    threads: list[threading.Thread] = []

    def start(inbox: Inbox) -> StreamReceiver:
        receiver = StreamReceiver(client, inbox.confirm, inbox.events.append, reconnect_backoff=Backoff(0.05, 0.1))
        thread = threading.Thread(target=receiver.run, args=(stop,), daemon=True)
        thread.start()
        threads.append(thread)
        return receiver

    yield start
    stop.set()
    for thread in threads:
        thread.join(5)


def click(action: str, reason: str | None = None) -> dict:
    params = {"action": action, "sourceId": "mtg-abc"}
    if reason:
        params["reason"] = reason
    return card_click_frame("u_peter", "card-mtg-abc", params, [action])


def test_card_clicks_and_todo_events_are_handed_over_and_acked(fake: FakeDingTalk, run_receiver) -> None:
    inbox = Inbox()
    run_receiver(inbox)
    ids = [
        fake.stream.push(click("confirm")),
        fake.stream.push(click("dispute", "限期太趕")),
        fake.stream.push(todo_event_frame("todo_task_update", "task7", ["un_peter"])),
        fake.stream.push(ping_frame()),
    ]
    wait_until(lambda: set(ids) <= set(fake.stream.acked_ids()))

    assert inbox.confirmations == [
        Confirmation("u_peter", "mtg-abc", "confirm", None, "card-mtg-abc"),
        Confirmation("u_peter", "mtg-abc", "dispute", "限期太趕", "card-mtg-abc"),
    ]
    assert inbox.events == [TodoEvent("todo_task_update", "task7", ["un_peter"])]
    open_call = fake.calls("stream.open")[0].body
    assert {"type": "CALLBACK", "topic": "/v1.0/card/instances/callback"} in open_call["subscriptions"]
    card_ack = next(a for a in fake.stream.acks if a["headers"]["messageId"] == ids[0])
    assert card_ack["code"] == 200
    assert json.loads(card_ack["data"])["response"]["cardData"]["cardParamMap"] == {"status": "已確認執行"}


def test_the_fake_resends_frames_that_were_not_acked(fake: FakeDingTalk, client: DingTalkClient) -> None:
    fake.stream.ack_timeout_s = 0.2
    message_id = fake.stream.push(click("confirm"))
    ticket = client.open_stream()
    with connect(f"{ticket.endpoint}?ticket={ticket.ticket}") as ws:
        first = json.loads(ws.recv(timeout=2))
        again = json.loads(ws.recv(timeout=2))  # no ack sent: it comes back
        assert first["headers"]["messageId"] == again["headers"]["messageId"] == message_id
        ws.send(json.dumps({"code": 200, "headers": {"messageId": message_id}, "message": "OK", "data": "{}"}))
        wait_until(lambda: message_id in fake.stream.acked_ids())
        with pytest.raises(TimeoutError):
            ws.recv(timeout=0.5)


def test_a_failed_handler_leaves_the_frame_unacked_and_it_is_handled_on_resend(
    fake: FakeDingTalk, run_receiver
) -> None:
    fake.stream.ack_timeout_s = 0.2
    inbox = Inbox(fail_first=1)
    run_receiver(inbox)
    message_id = fake.stream.push(click("confirm"))
    wait_until(lambda: message_id in fake.stream.acked_ids())
    assert len(inbox.confirmations) == 1
    assert sum(f["headers"]["messageId"] == message_id for f in fake.stream.sent) == 2


def test_duplicate_deliveries_are_handled_once_but_acked_each_time(fake: FakeDingTalk, run_receiver) -> None:
    inbox = Inbox()
    run_receiver(inbox)
    frame = click("confirm")
    fake.stream.push(frame)
    fake.stream.push(frame)
    wait_until(lambda: fake.stream.acked_ids().count(frame["headers"]["messageId"]) == 2)
    assert len(inbox.confirmations) == 1


def test_disconnect_reconnects_with_a_fresh_ticket(fake: FakeDingTalk, run_receiver) -> None:
    inbox = Inbox()
    run_receiver(inbox)
    fake.stream.push(disconnect_frame())
    message_id = fake.stream.push(click("dispute", "唔係我負責"))
    wait_until(lambda: message_id in fake.stream.acked_ids())
    assert fake.stream.connections == 2
    assert len(fake.calls("stream.open")) == 2
    assert inbox.confirmations[0].reason == "唔係我負責"
