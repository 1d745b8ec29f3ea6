"""Stream-mode receiver: card button clicks and to-do events over DingTalk's WebSocket gateway.

Protocol (spec section 7): open a connection (endpoint + ticket), connect to
``endpoint?ticket=...``, acknowledge every frame with ``{code: 200, headers{messageId}, data}``,
echo ``ping``, reconnect with a fresh ticket on ``disconnect``. Frames are de-duplicated by
messageId for 5 minutes because the gateway re-sends anything it did not see acknowledged.
A frame whose handler raises is not acknowledged, so the gateway delivers it again.
Card callbacks must be answered within 2 s: handlers should only record the click.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote

from websockets.exceptions import WebSocketException
from websockets.sync.client import ClientConnection, connect

from assistant.dingtalk.backoff import Backoff
from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.errors import DingTalkError

log = logging.getLogger(__name__)

CARD_CALLBACK_TOPIC = "/v1.0/card/instances/callback"
_DEDUP_WINDOW_S = 300.0
_RECV_POLL_S = 0.2
_ACTIONS = ("confirm", "dispute")
_CARD_STATUS = {"confirm": "已確認執行", "dispute": "已提出異議"}


@dataclass(frozen=True)
class Confirmation:
    user_id: str
    source_id: str
    action: Literal["confirm", "dispute"]
    reason: str | None
    out_track_id: str


@dataclass(frozen=True)
class TodoEvent:
    event_type: str  # todo_task_create | todo_task_update | todo_task_delete
    task_id: str
    union_ids: list[str]


class StreamReceiver:
    def __init__(
        self,
        client: DingTalkClient,
        on_confirmation: Callable[[Confirmation], None],
        on_todo_event: Callable[[TodoEvent], None] | None = None,
        *,
        reconnect_backoff: Backoff | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._on_confirmation = on_confirmation
        self._on_todo_event = on_todo_event
        self._backoff = reconnect_backoff or Backoff(base_s=1.0, max_s=60.0)
        self._clock = clock
        self._seen: dict[str, float] = {}

    def run(self, stop: threading.Event) -> None:
        """Receive until ``stop`` is set, reconnecting with back-off."""
        failures = 0
        while not stop.is_set():
            try:
                ticket = self._client.open_stream()
                with connect(f"{ticket.endpoint}?ticket={quote(ticket.ticket, safe='')}") as ws:
                    failures = 0
                    self._serve(ws, stop)
            except (DingTalkError, OSError, WebSocketException) as e:
                wait = self._backoff.delay(failures)
                failures += 1
                log.warning("stream connection lost (%s); reconnecting in %.1fs", type(e).__name__, wait)
                stop.wait(wait)

    def _serve(self, ws: ClientConnection, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                raw = ws.recv(timeout=_RECV_POLL_S)
            except TimeoutError:
                continue
            frame = json.loads(raw)
            headers = frame.get("headers", {})
            if frame.get("type") == "SYSTEM" and headers.get("topic") == "disconnect":
                log.info("stream gateway asked us to reconnect")
                return
            ack = self.handle_frame(frame)
            if ack is not None:
                ws.send(json.dumps(ack, ensure_ascii=False))

    def handle_frame(self, frame: dict[str, Any]) -> dict[str, Any] | None:
        """The ack to send, or None when the frame must not be acknowledged."""
        headers = frame.get("headers", {})
        message_id = str(headers.get("messageId", ""))
        kind, topic = frame.get("type"), headers.get("topic")
        if kind == "SYSTEM":
            return _ack(message_id, frame.get("data", "{}")) if topic == "ping" else None
        self._forget_old()
        if message_id in self._seen:
            return _ack(message_id, json.dumps(self._response_for(kind, topic, None)))
        data = json.loads(frame.get("data") or "{}")
        try:
            action = self._dispatch(kind, topic, headers, data)
        except Exception:
            log.exception("handler failed for %s %s; leaving frame %s unacknowledged", kind, topic, message_id)
            return None
        self._seen[message_id] = self._clock()
        return _ack(message_id, json.dumps(self._response_for(kind, topic, action), ensure_ascii=False))

    def _dispatch(
        self, kind: str | None, topic: str | None, headers: dict[str, Any], data: dict[str, Any]
    ) -> str | None:
        if kind == "CALLBACK" and topic == CARD_CALLBACK_TOPIC:
            confirmation = _parse_card_click(data)
            if confirmation is not None:
                self._on_confirmation(confirmation)
                return confirmation.action
        elif kind == "EVENT" and str(headers.get("eventType", "")).startswith("todo_task_"):
            if self._on_todo_event is not None:
                event = TodoEvent(
                    str(headers["eventType"]), str(data.get("taskId", "")), list(data.get("unionIdList", []))
                )
                self._on_todo_event(event)
        return None

    @staticmethod
    def _response_for(kind: str | None, topic: str | None, action: str | None) -> dict[str, Any]:
        if kind != "CALLBACK":
            return {"status": "SUCCESS", "message": "success"}
        card: dict[str, Any] = {}
        if action is not None:
            card = {
                "cardData": {"cardParamMap": {"status": _CARD_STATUS[action]}},
                "cardUpdateOptions": {"updateCardDataByKey": True},
            }
        return {"response": card}

    def _forget_old(self) -> None:
        cutoff = self._clock() - _DEDUP_WINDOW_S
        for message_id in [m for m, t in self._seen.items() if t < cutoff]:
            del self._seen[message_id]


def _ack(message_id: str, data: str) -> dict[str, Any]:
    return {
        "code": 200,
        "headers": {"messageId": message_id, "contentType": "application/json"},
        "message": "OK",
        "data": data,
    }


def _parse_card_click(data: dict[str, Any]) -> Confirmation | None:
    content = json.loads(data.get("content") or "{}")
    private = content.get("cardPrivateData", {})
    params = private.get("params", {})
    action_ids = private.get("actionIds", [])
    action = params.get("action") or (action_ids[0] if action_ids else None)
    if action not in _ACTIONS or not params.get("sourceId"):
        log.warning("ignoring card click without a known action or sourceId")
        return None
    return Confirmation(
        user_id=str(data.get("userId", "")),
        source_id=str(params["sourceId"]),
        action=action,
        reason=params.get("reason") or None,
        out_track_id=str(data.get("outTrackId", "")),
    )
