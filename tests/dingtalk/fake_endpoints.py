"""More of the fake DingTalk (spec section 9): to-do get/update/query with nextToken paging, robot 1:1
batch send with 24 h read status and recall, DING recall and read status, the signed webhook robot
(timestamp window, msgUuid, 20 per minute), and calendar events (x-client-token, responseStatus).

A mixin of ``FakeDingTalk``: it uses its org, clock, id counter and response helpers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import uuid
from typing import TYPE_CHECKING, Any
from urllib.parse import quote_plus

from aiohttp import web

if TYPE_CHECKING:
    from tests.dingtalk.fake_server import _Caller

DAY_S = 24 * 3600
WEBHOOK_PER_MINUTE = 20


def _new_error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message, "requestid": uuid.uuid4().hex}, status=status)


def _legacy(errcode: int, errmsg: str) -> web.Response:
    return web.json_response({"errcode": errcode, "errmsg": errmsg, "request_id": uuid.uuid4().hex})


def webhook_sign(secret: str, timestamp_ms: int) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest).decode())


class ExtraEndpoints:
    # Set up by FakeDingTalk.__init__ through _init_extras.
    todo_page_size: int
    oto_messages: dict[str, dict[str, Any]]
    webhooks: dict[str, str]  # access token -> signing secret
    webhook_messages: list[dict[str, Any]]
    calendar_events: dict[str, dict[str, Any]]

    def _init_extras(self) -> None:
        self.todo_page_size = 10
        self.oto_messages = {}  # processQueryKey -> {robotCode, users, read, sent_at, recalled}
        self.webhooks = {"fake-webhook-token": "SECfake-webhook-secret"}
        self.webhook_messages = []
        self._webhook_times: dict[str, list[float]] = {}
        self._msg_uuids: set[str] = set()
        self.calendar_events = {}
        self._client_tokens: dict[str, str] = {}  # x-client-token -> event id
        self.ding_reads: dict[str, set[str]] = {}  # openDingId -> users who read it

    def _extra_routes(self) -> list[tuple[str, str, Any]]:
        from tests.dingtalk.fake_server import _Route as r

        return [
            ("GET", "/v1.0/todo/users/{}/tasks/{}", r("todo.get", "new", self._todo_get)),
            ("PUT", "/v1.0/todo/users/{}/tasks/{}", r("todo.update", "new", self._todo_update)),
            ("PUT", "/v1.0/todo/users/{}/tasks/{}/executorStatus", r("todo.executorStatus", "new", self._todo_status)),
            ("DELETE", "/v1.0/todo/users/{}/tasks/{}", r("todo.delete", "new", self._todo_delete)),
            ("POST", "/v1.0/todo/users/{}/org/tasks/query", r("todo.query", "new", self._todo_query)),
            ("POST", "/v1.0/robot/oToMessages/batchSend", r("oto.send", "new", self._oto_send)),
            ("GET", "/v1.0/robot/oToMessages/readStatus", r("oto.readStatus", "new", self._oto_read_status)),
            ("POST", "/v1.0/robot/otoMessages/batchRecall", r("oto.recall", "new", self._oto_recall)),
            ("POST", "/v1.0/robot/ding/recall", r("ding.recall", "new", self._ding_recall)),
            ("POST", "/v1.0/robot/ding/readStatuses/query", r("ding.readStatus", "new", self._ding_read_status)),
            ("POST", "/robot/send", r("webhook.send", "legacy", self._webhook_send, authenticated=False,
                                      quota_exempt=True)),
            ("POST", "/v1.0/calendar/users/{}/calendars/primary/events",
             r("calendar.create", "new", self._event_create)),
            ("GET", "/v1.0/calendar/users/{}/calendars/primary/events/{}", r("calendar.get", "new", self._event_get)),
        ]

    # --- to-dos ------------------------------------------------------------------------------

    def _task_by_id(self, task_id: str) -> dict[str, Any] | None:
        return next((t for t in self.todos.values() if t["id"] == task_id), None)  # type: ignore[attr-defined]

    async def _todo_get(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        task = self._task_by_id(caller.path_args[1])
        if task is None:
            return _new_error(400, "todo.taskQuery.paramError", "task not exist")
        return web.json_response(task)

    async def _todo_update(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        task = self._task_by_id(caller.path_args[1])
        if task is None:
            return _new_error(400, "todo.taskUpdate.paramError", "task not exist")
        body = body or {}
        if len(body.get("participantIds", [])) > 1000:
            return _new_error(400, "todo.taskUpdate.paramError", "participants is oversize")
        for key in ("subject", "description", "dueTime", "done", "executorIds", "participantIds", "contentFieldList"):
            if key in body:
                task[key] = body[key]
        task["modifiedTime"] = int(self.clock.now() * 1000)  # type: ignore[attr-defined]
        return web.json_response({"result": True, "requestId": uuid.uuid4().hex})

    async def _todo_status(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        task = self._task_by_id(caller.path_args[1])
        if task is None:
            return _new_error(400, "todo.taskUpdate.paramError", "task not exist")
        done = task.setdefault("executorDone", {})
        for entry in (body or {}).get("executorStatusList", []):
            done[entry["id"]] = bool(entry.get("isDone"))
        task["done"] = bool(task["executorIds"]) and all(done.get(u) for u in task["executorIds"])
        return web.json_response({"result": True, "requestId": uuid.uuid4().hex})

    async def _todo_delete(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        task = self._task_by_id(caller.path_args[1])
        if task is None:
            return _new_error(400, "todo.taskDelete.paramError", "task not exist")
        self.todos.pop(next(k for k, t in self.todos.items() if t is task))  # type: ignore[attr-defined]
        return web.json_response({"result": True, "requestId": uuid.uuid4().hex})

    async def _todo_query(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        union_id = caller.path_args[0]
        roles = {r for group in body.get("roleTypes", [["executor"]]) for r in group}
        cards = [
            t for t in self.todos.values()  # type: ignore[attr-defined]
            if t.get("detailUrl")  # only "work to-dos" are listed
            and ("isDone" not in body or t["done"] == body["isDone"])
            and (("executor" in roles and union_id in t["executorIds"]) or ("creator" in roles
                                                                              and t["creatorId"] == union_id))
        ]
        token = body.get("nextToken")
        start = 0
        if token:
            if not str(token).startswith("page-") or not str(token)[5:].isdigit():
                return _new_error(400, "todo.taskQuery.paramError", "nextToken is invalid")
            start = int(str(token)[5:])
        page = cards[start:start + self.todo_page_size]
        more = start + self.todo_page_size < len(cards)
        return web.json_response({
            "nextToken": f"page-{start + self.todo_page_size}" if more else None,
            "todoCards": [{"taskId": t["id"], "subject": t["subject"], "dueTime": t.get("dueTime"),
                           "isDone": t["done"], "sourceId": t["sourceId"], "bizTag": t["bizTag"],
                           "priority": t["priority"], "createdTime": t["createdTime"],
                           "modifiedTime": t["modifiedTime"], "creatorId": t["creatorId"],
                           "detailUrl": t["detailUrl"]} for t in page],
        })

    # --- robot 1:1 messages ------------------------------------------------------------------

    async def _oto_send(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        if body.get("robotCode") != self.org.robot_code:  # type: ignore[attr-defined]
            return _new_error(400, "invalid.chatbotId", "robotCode is invalid")
        users = list(body.get("userIds") or [])
        if not users or len(users) > 20:
            return _new_error(400, "param.error", "userIds must hold 1 to 100 ids")  # the docs' text says 100
        if not body.get("msgKey") or not isinstance(body.get("msgParam"), str):
            return _new_error(400, "param.error", "msgKey and msgParam (a JSON string) are required")
        known = [u for u in users if u in self.org.users]  # type: ignore[attr-defined]
        key = base64.b64encode(uuid.uuid4().bytes).decode()  # has "+/=": callers must url-encode it
        self.oto_messages[key] = {"robotCode": body["robotCode"], "users": known, "read": set(),
                                  "sent_at": self.clock.now(), "recalled": False,  # type: ignore[attr-defined]
                                  "msgKey": body["msgKey"], "msgParam": body["msgParam"]}
        return web.json_response({"processQueryKey": key, "invalidStaffIdList": [u for u in users if u not in known],
                                  "flowControlledStaffIdList": []})

    def _oto_message(self, robot_code: Any, key: Any) -> tuple[dict[str, Any] | None, web.Response | None]:
        message = self.oto_messages.get(str(key))
        if message is None or message["robotCode"] != robot_code:
            return None, _new_error(400, "param.error", "processQueryKey is invalid")
        if self.clock.now() - message["sent_at"] > DAY_S:  # type: ignore[attr-defined]
            return None, _new_error(400, "processQueryKey.expireTime", "processQueryKey expired (24 h)")
        return message, None

    async def _oto_read_status(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        message, error = self._oto_message(request.query.get("robotCode"), request.query.get("processQueryKey"))
        if error is not None:
            return error
        assert message is not None
        infos = [{"userId": u, "readStatus": "READ" if u in message["read"] else "UNREAD"} for u in message["users"]]
        return web.json_response({"sendStatus": "RECALLED" if message["recalled"] else "SUCCESS",
                                  "messageReadInfoList": infos})

    async def _oto_recall(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        recalled, failed = [], {}
        for key in body.get("processQueryKeys", []):
            message, error = self._oto_message(body.get("robotCode"), key)
            if message is None:
                failed[key] = "processQueryKey.expireTime" if error is not None and error.status == 400 else "invalid"
                continue
            message["recalled"] = True
            recalled.append(key)
        return web.json_response({"successResult": recalled, "failedResult": failed})

    def mark_read(self, user_id: str, key: str | None = None, open_ding_id: str | None = None) -> None:
        """A test helper: ``user_id`` reads a 1:1 message or a DING."""
        if key is not None:
            self.oto_messages[key]["read"].add(user_id)
        if open_ding_id is not None:
            self.ding_reads.setdefault(open_ding_id, set()).add(user_id)

    # --- DING recall and read status ---------------------------------------------------------

    def _ding(self, body: Any) -> dict[str, Any] | None:
        body = body or {}
        return next((d for d in self.dings if d["openDingId"] == body.get("openDingId")  # type: ignore[attr-defined]
                     and d["robotCode"] == body.get("robotCode")), None)

    async def _ding_recall(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        ding = self._ding(body)
        if ding is None or ding.get("recalled"):
            return _new_error(400, "recall.ding.exception", "recall failed")
        ding["recalled"] = True
        return web.json_response({"openDingId": ding["openDingId"]})

    async def _ding_read_status(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        ding = self._ding(body)
        if ding is None:
            return _new_error(400, "param.error", "openDingId is invalid")
        read = self.ding_reads.get(ding["openDingId"], set())
        infos = [{"userId": u, "readStatus": "read" if u in read else "unread"} for u in ding["receiverUserIdList"]]
        return web.json_response({"success": True, "result": {"robotDingReadInfoList": infos}})

    # --- custom group robot (webhook) --------------------------------------------------------

    async def _webhook_send(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        token = request.query.get("access_token", "")
        secret = self.webhooks.get(token)
        if secret is None:
            return _legacy(300005, "token is not exist")
        timestamp = request.query.get("timestamp", "")
        now = self.clock.now()  # type: ignore[attr-defined]
        if not timestamp.isdigit() or abs(int(timestamp) / 1000 - now) > 3600:
            return _legacy(310000, "invalid timestamp")
        if quote_plus(request.query.get("sign", "")) != webhook_sign(secret, int(timestamp)):  # query is decoded
            return _legacy(310000, "sign not match")
        body = body or {}
        if body.get("msgtype") not in ("text", "link", "markdown", "actionCard", "feedCard"):
            return _legacy(400101, "msgtype is invalid")
        msg_uuid = body.get("msgUuid")
        if msg_uuid and msg_uuid in self._msg_uuids:
            return _legacy(0, "ok")  # the same msgUuid is not sent twice
        recent = [t for t in self._webhook_times.get(token, []) if time.monotonic() - t < 60]
        if len(recent) >= WEBHOOK_PER_MINUTE:
            self._webhook_times[token] = recent
            return _legacy(410100, "send too fast, exceed 20 times per minute")
        self._webhook_times[token] = [*recent, time.monotonic()]
        if msg_uuid:
            self._msg_uuids.add(msg_uuid)
        self.webhook_messages.append(body)
        return _legacy(0, "ok")

    # --- calendar ----------------------------------------------------------------------------

    async def _event_create(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        client_token = request.headers.get("x-client-token")
        if client_token and client_token in self._client_tokens:
            return web.json_response(self.calendar_events[self._client_tokens[client_token]])
        body = body or {}
        if not body.get("summary") or not (body.get("start") and body.get("end")):
            return _new_error(400, "invalidParameter", "summary, start and end are required")
        attendees = body.get("attendees", [])
        if len(attendees) > 500:
            return _new_error(400, "invalidParameter", "too many attendees")
        event = {
            "id": f"event{next(self._ids)}",  # type: ignore[attr-defined]
            "summary": body["summary"], "description": body.get("description", ""),
            "start": body["start"], "end": body["end"], "organizer": {"id": caller.path_args[0]},
            "attendees": [{"id": a["id"], "isOptional": a.get("isOptional", False), "responseStatus": "needsAction"}
                          for a in attendees],
            "reminders": body.get("reminders", [{"method": "dingtalk", "minutes": 15}]),
        }
        self.calendar_events[event["id"]] = event
        if client_token:
            self._client_tokens[client_token] = event["id"]
        return web.json_response(event)

    async def _event_get(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        event = self.calendar_events.get(caller.path_args[1])
        if event is None:
            return _new_error(404, "eventNotFound", "event not exist")
        return web.json_response(event)

    def respond(self, event_id: str, union_id: str, status: str) -> None:
        """A test helper: an attendee answers (accepted, declined, tentative)."""
        for attendee in self.calendar_events[event_id]["attendees"]:
            if attendee["id"] == union_id:
                attendee["responseStatus"] = status
