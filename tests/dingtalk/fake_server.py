"""A fake DingTalk Open Platform on 127.0.0.1, for tests only.

It serves both API families on one port (paths do not collide) with their own auth styles
and error formats, tokens on a controllable clock, QPS limits, the monthly quota, the DING
package gate, sourceId/outTrackId de-duplication, silent work-notification drops, and a
Stream gateway over WebSocket that re-sends unacknowledged frames (spec section 9).
Faults (500s, timeouts, dropped connections, busy, rate limits, IP ban, token expiry) are
injected per path, every Nth call. Every request is recorded.

Run by hand: ``assistant dingtalk fake-server --port 8080`` (from a source checkout); ``/_fake/...``
endpoints click cards, complete to-dos, inject faults and show the state.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import itertools
import json
import threading
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import formatdate
from typing import Any, Literal

from aiohttp import WSMsgType, web

from tests.dingtalk.fake_endpoints import ExtraEndpoints

TOKEN_LIFETIME_S = 7200
WEBSOCKET_PATH = "/stream"

FaultKind = Literal["http500", "timeout", "drop_before", "drop_after", "busy", "rate_limit", "ip_ban", "expire_tokens"]


@dataclass
class FakeUser:
    user_id: str
    name: str
    union_id: str
    mobile: str
    dept_ids: list[int]
    manager_user_id: str | None = None


@dataclass
class FakeDept:
    dept_id: int
    name: str
    manager_user_ids: list[str]
    parent_id: int | None = None


@dataclass
class FakeOrg:
    app_key: str
    app_secret: str
    robot_code: str
    agent_id: int
    users: dict[str, FakeUser]
    depts: dict[int, FakeDept]
    paid_ding: bool = False  # SMS and phone DING need a purchased package
    qps_limit: int = 20  # per app, per API, per second
    monthly_quota: int | None = None  # non-exempt calls allowed; None = unlimited
    denied_routes: set[str] = field(default_factory=set)  # routes whose scope is not granted


@dataclass
class Fault:
    kind: FaultKind
    path_prefix: str = ""
    every_nth: int = 1
    times: int | None = 1  # None: no limit
    seen: int = 0
    fired: int = 0

    def fires(self, path: str) -> bool:
        if not path.startswith(self.path_prefix) or (self.times is not None and self.fired >= self.times):
            return False
        self.seen += 1
        if self.seen % self.every_nth:
            return False
        self.fired += 1
        return True


@dataclass
class Recorded:
    method: str
    path: str
    route: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    outcome: str = "pending"
    at: float = field(default_factory=time.time)  # wall clock at arrival (the fake clock may be moved)


class FakeClock:
    """Wall time plus an offset that tests move forward."""

    def __init__(self) -> None:
        self.offset = 0.0

    def now(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


Handler = Callable[[web.Request, Any, "_Caller"], Awaitable[web.Response]]


@dataclass
class _Caller:
    app_key: str | None
    path_args: list[str]


@dataclass
class _Route:
    name: str
    family: Literal["new", "legacy"]
    handler: Handler
    authenticated: bool = True
    quota_exempt: bool = False


def _new_error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message, "requestid": uuid.uuid4().hex}, status=status)


def _legacy_error(errcode: int, errmsg: str, **extra: Any) -> web.Response:
    return web.json_response({"errcode": errcode, "errmsg": errmsg, **extra, "request_id": uuid.uuid4().hex})


def _legacy_ok(**fields: Any) -> web.Response:
    return web.json_response({"errcode": 0, "errmsg": "ok", **fields, "request_id": uuid.uuid4().hex})


class StreamGateway:
    """Frames queued by tests are sent to the connected client; unacked ones are re-sent."""

    def __init__(self, ack_timeout_s: float = 0.5) -> None:
        self.ack_timeout_s = ack_timeout_s
        self.tickets: set[str] = set()
        self.sent: list[dict[str, Any]] = []
        self.acks: list[dict[str, Any]] = []
        self.connections = 0
        self._pending: collections.deque[dict[str, Any]] = collections.deque()
        self._unacked: dict[str, tuple[dict[str, Any], float]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None

    def push(self, frame: dict[str, Any]) -> str:
        """Queue a frame (thread-safe); returns its messageId."""
        self._pending.append(frame)
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)
        return str(frame["headers"]["messageId"])

    def acked_ids(self) -> list[str]:
        return [str(a["headers"]["messageId"]) for a in self.acks]

    async def serve(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        if ticket not in self.tickets:
            return web.Response(status=401, text="invalid ticket")
        self.tickets.discard(ticket)  # a ticket opens one connection
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.connections += 1
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        # Frames not acknowledged on an earlier connection go out again first.
        self._pending.extendleft(reversed([frame for frame, _ in self._unacked.values()]))
        self._unacked.clear()
        sender = asyncio.create_task(self._send_loop(ws))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    break
                ack = json.loads(msg.data)
                message_id = str(ack.get("headers", {}).get("messageId", ""))
                if ack.get("code") == 200 and message_id in self._unacked:
                    self._unacked.pop(message_id)
                self.acks.append(ack)
        finally:
            sender.cancel()
        return ws

    async def _send_loop(self, ws: web.WebSocketResponse) -> None:
        assert self._wake is not None
        while not ws.closed:
            now = time.monotonic()
            for frame, sent_at in list(self._unacked.values()):
                if now - sent_at >= self.ack_timeout_s:
                    await self._send(ws, frame)
            while self._pending:
                frame = self._pending.popleft()
                await self._send(ws, frame)
                if frame["headers"].get("topic") == "disconnect":
                    await asyncio.sleep(0.05)
                    await ws.close()
                    return
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.ack_timeout_s / 2)

    async def _send(self, ws: web.WebSocketResponse, frame: dict[str, Any]) -> None:
        await ws.send_str(json.dumps(frame, ensure_ascii=False))
        self.sent.append(frame)
        if frame["type"] != "SYSTEM" or frame["headers"].get("topic") == "ping":
            self._unacked[str(frame["headers"]["messageId"])] = (frame, time.monotonic())


def _frame(type_: str, topic: str, data: dict[str, Any], **headers: str) -> dict[str, Any]:
    return {
        "specVersion": "1.0",
        "type": type_,
        "headers": {
            "messageId": uuid.uuid4().hex,
            "topic": topic,
            "contentType": "application/json",
            "time": str(int(time.time() * 1000)),
            **headers,
        },
        "data": json.dumps(data, ensure_ascii=False),
    }


def card_click_frame(user_id: str, out_track_id: str, params: dict[str, str], action_ids: list[str]) -> dict[str, Any]:
    content = {"cardPrivateData": {"actionIds": action_ids, "params": params}}
    data = {
        "type": "actionCallback",
        "outTrackId": out_track_id,
        "corpId": "ding-fake-corp",
        "userId": user_id,
        "content": json.dumps(content, ensure_ascii=False),
    }
    return _frame("CALLBACK", "/v1.0/card/instances/callback", data)


def todo_event_frame(event_type: str, task_id: str, union_ids: list[str]) -> dict[str, Any]:
    data = {"unionIdList": union_ids, "bizTag": "fake", "taskId": task_id}
    return _frame(
        "EVENT", event_type, data, eventType=event_type, eventId=uuid.uuid4().hex, eventCorpId="ding-fake-corp"
    )


def ping_frame() -> dict[str, Any]:
    return _frame("SYSTEM", "ping", {"opaque": uuid.uuid4().hex})


def disconnect_frame() -> dict[str, Any]:
    return _frame("SYSTEM", "disconnect", {"reason": "server restart"})


class FakeDingTalk(ExtraEndpoints):
    def __init__(self, org: FakeOrg, host: str = "127.0.0.1", port: int = 0) -> None:
        self.org = org
        self.host = host
        self.port = port
        self.clock = FakeClock()
        self.stream = StreamGateway()
        self.requests: list[Recorded] = []
        self.faults: list[Fault] = []
        self.timeout_fault_s = 3.0  # longer than the tests' client timeout (2 s)
        self.tokens: dict[str, tuple[str, float]] = {}  # token -> (app key, expires at)
        self.todos: dict[str, dict[str, Any]] = {}  # sourceId -> task
        # unionId -> events of their primary calendar, in the list call's shape (occurrences)
        self.calendars: dict[str, list[dict[str, Any]]] = {}
        self.dings: list[dict[str, Any]] = []
        self.cards: dict[str, dict[str, Any]] = {}  # outTrackId -> card
        self.notifications: dict[int, dict[str, Any]] = {}  # task_id -> send result
        self._notified: set[tuple[str, str]] = set()  # (user, content) already sent
        self._quota_used = 0
        self._qps: dict[tuple[str, str], collections.deque[float]] = collections.defaultdict(collections.deque)
        self._ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._init_extras()
        self._routes = self._route_table() + self._extra_routes()

    # --- lifecycle -----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> FakeDingTalk:
        started = threading.Event()
        self._loop = asyncio.new_event_loop()

        def run() -> None:
            assert self._loop is not None
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(self._start_site())
            started.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="fake-dingtalk", daemon=True)
        self._thread.start()
        if not started.wait(10):
            raise RuntimeError("fake DingTalk server did not start")
        return self

    def stop(self) -> None:
        if self._loop is None or self._runner is None:
            return
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        assert self._thread is not None
        self._thread.join(10)
        self._loop.close()

    async def _start_site(self) -> None:
        app = web.Application()
        app.router.add_get(WEBSOCKET_PATH, self.stream.serve)
        app.router.add_post("/_fake/click", self._control_click)
        app.router.add_post("/_fake/done", self._control_done)
        app.router.add_post("/_fake/faults", self._control_fault)
        app.router.add_get("/_fake/state", self._control_state)
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]

    # --- test helpers --------------------------------------------------------------------------

    def inject(self, kind: FaultKind, path_prefix: str = "", *, every_nth: int = 1, times: int | None = 1) -> Fault:
        fault = Fault(kind, path_prefix, every_nth, times)
        self.faults.append(fault)
        return fault

    def calls(self, route: str) -> list[Recorded]:
        return [r for r in self.requests if r.route == route]

    def revoke_tokens(self) -> None:
        self.tokens.clear()

    # --- control endpoints, for trying the assistant by hand (not DingTalk APIs) -----------------

    async def _control_click(self, request: web.Request) -> web.Response:
        """{"sourceId", "userId", "action": "confirm"|"dispute", "reason"}: a card button click over Stream."""
        body = await request.json()
        params = {"action": body["action"], "sourceId": body["sourceId"]}
        if body.get("reason"):
            params["reason"] = body["reason"]
        frame = card_click_frame(body["userId"], f"card-{body['sourceId']}", params, [body["action"]])
        return web.json_response({"messageId": self.stream.push(frame)})

    async def _control_done(self, request: web.Request) -> web.Response:
        """{"sourceId"}: the owner completes the to-do; a todo_task_update event goes out over Stream."""
        task = self.todos[(await request.json())["sourceId"]]
        task["done"] = True
        frame = todo_event_frame("todo_task_update", task["id"], list(task["executorIds"]))
        return web.json_response({"messageId": self.stream.push(frame)})

    async def _control_fault(self, request: web.Request) -> web.Response:
        """{"kind", "path_prefix", "every_nth", "times"}: inject a fault."""
        body = await request.json()
        fault = self.inject(body["kind"], body.get("path_prefix", ""), every_nth=int(body.get("every_nth", 1)),
                            times=body.get("times", 1))
        return web.json_response({"kind": fault.kind, "path_prefix": fault.path_prefix})

    async def _control_state(self, request: web.Request) -> web.Response:
        return web.json_response({"todos": list(self.todos.values()), "dings": self.dings,
                                  "cards": list(self.cards), "notifications": len(self.notifications),
                                  "faults": [{"kind": f.kind, "fired": f.fired} for f in self.faults]})

    # --- dispatch ------------------------------------------------------------------------------

    def _route_table(self) -> list[tuple[str, str, _Route]]:
        r = _Route
        return [
            (
                "POST",
                "/v1.0/oauth2/accessToken",
                r("token.new", "new", self._token_new, authenticated=False, quota_exempt=True),
            ),
            (
                "GET",
                "/gettoken",
                r("token.legacy", "legacy", self._token_legacy, authenticated=False, quota_exempt=True),
            ),
            (
                "POST",
                "/topapi/v2/user/getbymobile",
                r("user.getbymobile", "legacy", self._user_by_mobile, quota_exempt=True),
            ),
            ("POST", "/topapi/v2/user/get", r("user.get", "legacy", self._user_get, quota_exempt=True)),
            (
                "POST",
                "/topapi/v2/department/get",
                r("department.get", "legacy", self._department_get, quota_exempt=True),
            ),
            ("POST", "/v1.0/contact/users/search", r("user.search", "new", self._user_search, quota_exempt=True)),
            ("POST", "/v1.0/todo/users/{}/tasks", r("todo.create", "new", self._todo_create)),
            ("GET", "/v1.0/todo/users/{}/tasks/sources/{}", r("todo.bySource", "new", self._todo_by_source)),
            ("GET", "/v1.0/calendar/users/{}/calendars/{}/events", r("calendar.list", "new", self._calendar_list)),
            ("POST", "/v1.0/robot/ding/send", r("ding.send", "new", self._ding_send)),
            ("POST", "/v1.0/card/instances/createAndDeliver", r("card.deliver", "new", self._card_deliver)),
            ("POST", "/topapi/message/corpconversation/asyncsend_v2", r("notify.send", "legacy", self._notify_send)),
            (
                "POST",
                "/topapi/message/corpconversation/getsendresult",
                r("notify.result", "legacy", self._notify_result),
            ),
            (
                "POST",
                "/v1.0/gateway/connections/open",
                r("stream.open", "new", self._stream_open, authenticated=False, quota_exempt=True),
            ),
        ]

    def _match(self, method: str, path: str) -> tuple[_Route, list[str]] | None:
        parts = path.rstrip("/").split("/")
        for m, pattern, route in self._routes:
            pattern_parts = pattern.split("/")
            if m != method or len(pattern_parts) != len(parts):
                continue
            if all(p == "{}" or p == q for p, q in zip(pattern_parts, parts, strict=True)):
                return route, [q for p, q in zip(pattern_parts, parts, strict=True) if p == "{}"]
        return None

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode(errors="replace")
        matched = self._match(request.method, request.path)
        record = Recorded(
            request.method,
            request.path,
            matched[0].name if matched else "unknown",
            dict(request.query),
            dict(request.headers),
            body,
        )
        self.requests.append(record)
        if matched is None:
            record.outcome = "404"
            return web.json_response({"code": "NotFound", "message": "no such API"}, status=404)
        route, path_args = matched
        response = await self._handle(request, route, body, record, _Caller(None, path_args))
        if isinstance(response, web.Response) and not response.prepared:
            response.headers["Date"] = formatdate(self.clock.now(), usegmt=True)  # the fake's clock
        return response

    async def _handle(
        self, request: web.Request, route: _Route, body: Any, record: Recorded, caller: _Caller
    ) -> web.StreamResponse:
        # Every fault counts every matching call, so faults on one path combine predictably.
        fired = [f for f in self.faults if f.fires(request.path)]
        fault = fired[0] if fired else None
        if fault is not None:
            record.outcome = f"fault:{fault.kind}"
            early = await self._early_fault(request, route, fault)
            if early is not None:
                return early
        if route.authenticated:
            rejected = self._authenticate(request, route, caller)
            if rejected is not None:
                record.outcome = record.outcome if fault else "auth-rejected"
                return rejected
        gated = self._gate(route, caller)
        if gated is not None:
            reason, response = gated
            record.outcome = record.outcome if fault else reason
            return response
        response = await route.handler(request, body, caller)
        if fault is None:
            record.outcome = str(response.status)
        elif fault.kind == "timeout":
            await asyncio.sleep(self.timeout_fault_s)
        elif fault.kind == "drop_after":
            return self._drop(request)
        return response

    async def _early_fault(self, request: web.Request, route: _Route, fault: Fault) -> web.StreamResponse | None:
        new = route.family == "new"
        match fault.kind:
            case "http500":
                return web.Response(status=500, text="<html>500 Internal Server Error</html>", content_type="text/html")
            case "drop_before":
                return self._drop(request)
            case "busy":
                return _new_error(500, "system.busy", "系统繁忙") if new else _legacy_error(-1, "系统繁忙")
            case "rate_limit":
                if new:
                    return _new_error(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "qps limit")
                return _legacy_error(90018, "当前企业调用该接口的QPS已达上限")
            case "ip_ban":
                body = {"status": 1111, "wait": 5, "source": "x5", "punish": "deny", "uuid": uuid.uuid4().hex}
                return web.json_response(body, status=403)
            case "expire_tokens":
                self.clock.advance(TOKEN_LIFETIME_S + 1)
        return None

    @staticmethod
    def _drop(request: web.Request) -> web.StreamResponse:
        assert request.transport is not None
        request.transport.abort()
        return web.Response(status=500)  # never reaches the client

    def _authenticate(self, request: web.Request, route: _Route, caller: _Caller) -> web.Response | None:
        if route.family == "new":
            token = request.headers.get("x-acs-dingtalk-access-token")
            if token is None:
                if "access_token" in request.query:
                    return _new_error(400, "AuthenticationFailed.MissingParameter", "token must be in the header")
                return _new_error(400, "AuthenticationFailed.MissingParameter", "missing x-acs-dingtalk-access-token")
        else:
            token = request.query.get("access_token")
        entry = self.tokens.get(token or "")
        if entry is not None and entry[1] > self.clock.now():
            caller.app_key = entry[0]
            return None
        if route.family == "new":
            return _new_error(400, "InvalidAuthentication", "不合法的access_token")
        if entry is not None:
            return _legacy_error(42001, "access_token超时")
        return _legacy_error(88, "不合法的access_token", sub_code="40014", sub_msg="不合法的access_token")

    def _gate(self, route: _Route, caller: _Caller) -> tuple[str, web.Response] | None:
        """Scopes, per-app QPS and the monthly quota. Returns (outcome to record, response)."""
        new = route.family == "new"
        if route.name in self.org.denied_routes:
            if new:
                return "denied", _new_error(
                    403, "Forbidden.AccessDenied.AccessTokenPermissionDenied", "scope not granted"
                )
            return "denied", _legacy_error(60011, "没有调用该接口的权限")  # DingTalk's "no permission"; not in the spec
        if caller.app_key is not None:
            window = self._qps[(caller.app_key, route.name)]
            now = time.monotonic()
            while window and now - window[0] >= 1.0:
                window.popleft()
            if len(window) >= self.org.qps_limit:
                if new:
                    return "rate-limited", _new_error(
                        403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "qps limit"
                    )
                return "rate-limited", _legacy_error(90018, "当前企业调用该接口的QPS已达上限")
            window.append(now)
        if not route.quota_exempt and self.org.monthly_quota is not None:
            if self._quota_used >= self.org.monthly_quota:
                if new:
                    return "quota", _new_error(
                        403, "Forbidden.AccessDenied.ApiCountLimitForOrg", "monthly quota used up"
                    )
                return "quota", _legacy_error(90020, "月调用量已达上限")
            self._quota_used += 1
        return None

    # --- tokens --------------------------------------------------------------------------------

    def _issue_token(self, app_key: str) -> str:
        now = self.clock.now()
        for token, (key, expires_at) in self.tokens.items():
            if key == app_key and expires_at > now:
                self.tokens[token] = (key, now + TOKEN_LIFETIME_S)  # same token, life extended
                return token
        token = uuid.uuid4().hex
        self.tokens[token] = (app_key, now + TOKEN_LIFETIME_S)
        return token

    async def _token_new(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        if body.get("appKey") != self.org.app_key or body.get("appSecret") != self.org.app_secret:
            return _new_error(400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret")
        return web.json_response({"accessToken": self._issue_token(self.org.app_key), "expireIn": TOKEN_LIFETIME_S})

    async def _token_legacy(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        key, secret = request.query.get("appkey"), request.query.get("appsecret")
        if key is None or secret is None:
            return _legacy_error(40035, "缺少参数")
        if key != self.org.app_key or secret != self.org.app_secret:
            return _legacy_error(40096, "不合法的appKey或appSecret")
        return _legacy_ok(access_token=self._issue_token(key), expires_in=TOKEN_LIFETIME_S)

    # --- contacts ------------------------------------------------------------------------------

    async def _user_by_mobile(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        mobile = (body or {}).get("mobile")
        user = next((u for u in self.org.users.values() if u.mobile == mobile), None)
        if user is None:
            return _legacy_error(40104, "无效的手机号")
        return _legacy_ok(result={"userid": user.user_id})

    async def _user_get(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        user = self.org.users.get((body or {}).get("userid", ""))
        if user is None:
            return _legacy_error(60121, "找不到该用户")
        result: dict[str, Any] = {
            "userid": user.user_id,
            "unionid": user.union_id,
            "name": user.name,
            "dept_id_list": user.dept_ids,
            "active": True,
            "leader_in_dept": [
                {"dept_id": d, "leader": user.user_id in self.org.depts[d].manager_user_ids} for d in user.dept_ids
            ],
        }
        if user.manager_user_id:
            result["manager_userid"] = user.manager_user_id
        return _legacy_ok(result=result)

    async def _department_get(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        dept = self.org.depts.get(int((body or {}).get("dept_id", -1)))
        if dept is None:
            return _legacy_error(60003, "部门不存在")
        result = {"dept_id": dept.dept_id, "name": dept.name, "dept_manager_userid_list": dept.manager_user_ids}
        if dept.parent_id is not None:
            result["parent_id"] = dept.parent_id
        return _legacy_ok(result=result)

    async def _user_search(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        word, offset, size = body.get("queryWord"), body.get("offset"), body.get("size")
        if not isinstance(word, str) or not isinstance(offset, int) or not isinstance(size, int) or size <= 0:
            return _new_error(400, "parameter.error", "queryWord, offset and size are required")
        if body.get("fullMatchField") == 1:
            hits = [u.user_id for u in self.org.users.values() if u.name == word]
        else:
            hits = [u.user_id for u in self.org.users.values() if word in u.name]
        page = hits[offset : offset + size]
        return web.json_response({"hasMore": offset + size < len(hits), "totalCount": len(hits), "list": page})

    # --- to-dos --------------------------------------------------------------------------------

    async def _todo_create(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        union_id = caller.path_args[0]

        def param_error(message: str) -> web.Response:
            return _new_error(400, "todo.taskCreate.paramError", message)

        subject = body.get("subject")
        if not isinstance(subject, str) or not subject:
            return param_error("subject is required")
        if len(subject) > 1024:
            return param_error("subject is oversize")
        if "dueTime" in body and not isinstance(body["dueTime"], int):
            return param_error("dueTime is invalid")
        executors = body.get("executorIds", [])
        if len(executors) > 100:
            return param_error("executors is oversize")
        source_id = body.get("sourceId")
        if source_id and source_id in self.todos:
            return param_error("task exist")
        now_ms = int(self.clock.now() * 1000)
        task = {
            "id": f"task{next(self._ids)}",
            "subject": subject,
            "description": body.get("description", ""),
            "done": False,
            "executorIds": executors,
            "participantIds": body.get("participantIds", []),
            "sourceId": source_id,
            "bizTag": "fake",
            "createdTime": now_ms,
            "modifiedTime": now_ms,
            "requestId": uuid.uuid4().hex,
            "priority": body.get("priority"),
            "notifyConfigs": body.get("notifyConfigs"),
            "dueTime": body.get("dueTime"),
            "detailUrl": body.get("detailUrl"),
            "creatorId": union_id,
        }
        self.todos[source_id or task["id"]] = task
        return web.json_response(task)

    async def _todo_by_source(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        task = self.todos.get(caller.path_args[1])
        if task is None:
            return _new_error(400, "todo.taskQuery.paramError", "task not exist")
        return web.json_response(task)

    # --- calendar ------------------------------------------------------------------------------

    async def _calendar_list(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        """ListEvents: occurrences overlapping [timeMin, timeMax), ``maxResults`` a page, ``nextToken``."""
        union_id, calendar_id = caller.path_args
        if calendar_id != "primary" or union_id not in self.calendars:
            return _new_error(400, "invalidParameter", "calendar not found")
        try:
            low = datetime.fromisoformat(request.query["timeMin"])
            high = datetime.fromisoformat(request.query["timeMax"])
            size = min(int(request.query.get("maxResults", "100")), 100)
        except (KeyError, ValueError):
            return _new_error(400, "invalidParameter", "timeMin / timeMax must be ISO-8601")

        def moment(value: dict[str, Any]) -> datetime:
            return datetime.fromisoformat(value["dateTime"])

        hits = [e for e in self.calendars[union_id] if moment(e["start"]) < high and moment(e["end"]) > low]
        offset = int(request.query.get("nextToken") or 0)
        page = hits[offset : offset + size]
        more = offset + size < len(hits)
        return web.json_response({"events": page, **({"nextToken": str(offset + size)} if more else {})})

    # --- DING, cards, work notifications -------------------------------------------------------

    async def _ding_send(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        if body.get("robotCode") != self.org.robot_code:
            return _new_error(400, "invalid.chatbotId", "robotCode is invalid")
        receivers = body.get("receiverUserIdList") or []
        if not receivers:
            return _new_error(400, "miss.staffId", "receiverUserIdList is empty")
        remind_type = body.get("remindType")
        if remind_type in (2, 3) and not self.org.paid_ding:
            return _new_error(400, "ding.serverquota.insufficient", "DING quota insufficient")
        if len(receivers) > (200 if remind_type == 1 else 20):
            return _new_error(400, "ding.receivercount.limit", "too many receivers")
        unknown = [u for u in receivers if u not in self.org.users]
        ding_id = f"ding{next(self._ids)}"
        self.dings.append({**body, "openDingId": ding_id})
        return web.json_response({"openDingId": ding_id, "failedList": {"invalidStaffId": unknown} if unknown else {}})

    async def _card_deliver(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        out_track_id = body.get("outTrackId")
        space_id = str(body.get("openSpaceId", ""))
        if not out_track_id or not space_id:
            return _new_error(400, "param.error", "outTrackId and openSpaceId are required")
        if out_track_id not in self.cards:  # reusing outTrackId creates no new card
            self.cards[out_track_id] = body
        user_id = space_id.rsplit("IM_ROBOT.", 1)[-1]
        ok = user_id in self.org.users
        result = {"spaceId": space_id, "success": ok, "carrierId": f"carrier-{out_track_id}" if ok else None}
        if not ok:
            result["errorMsg"] = "user not found"
        return web.json_response({"success": True, "result": {"deliverResults": [result]}})

    async def _notify_send(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        if body.get("agent_id") != self.org.agent_id:
            return _legacy_error(60011, "没有调用该接口的权限")
        content = json.dumps(body.get("msg"), sort_keys=True, ensure_ascii=False)
        users = [u for u in str(body.get("userid_list", "")).split(",") if u]
        task_id = next(self._ids)
        result: dict[str, Any] = {"read_user_id_list": [], "unread_user_id_list": [], "forbidden_list": []}
        for user in users:
            if (user, content) in self._notified:  # silent drop: still errcode 0
                result["forbidden_list"].append({"code": "143106", "count": 1, "userid": user})
            else:
                self._notified.add((user, content))
                result["unread_user_id_list"].append(user)
        result["forbidden_user_id_list"] = [f["userid"] for f in result["forbidden_list"]]
        result["_sent_at"], result["_recipients"] = self.clock.now(), len(users)
        self.notifications[task_id] = result
        return _legacy_ok(task_id=task_id)

    async def _notify_result(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        result = self.notifications.get(int((body or {}).get("task_id", -1)))
        if result is None or self.clock.now() - result["_sent_at"] > 24 * 3600:  # only within 24 h
            return _legacy_error(400002, "task_id不存在")
        if result["_recipients"] > 100:  # DingTalk times out on these; the fake answers at once
            return _legacy_error(-1, "查询超时：接收人超过100")
        return _legacy_ok(send_result={k: v for k, v in result.items() if not k.startswith("_")})

    async def _stream_open(self, request: web.Request, body: Any, caller: _Caller) -> web.Response:
        body = body or {}
        if body.get("clientId") != self.org.app_key or body.get("clientSecret") != self.org.app_secret:
            return _new_error(401, "invalidClientIdOrSecret", "无效的clientId或者clientSecret")
        ticket = uuid.uuid4().hex
        self.stream.tickets.add(ticket)
        return web.json_response({"endpoint": f"ws://{self.host}:{self.port}{WEBSOCKET_PATH}", "ticket": ticket})


def demo_org() -> FakeOrg:
    """A small Hong Kong team: an ambiguous "Mary", a user without manager_userid, a boss."""
    users = [
        FakeUser("u_boss", "林大文", "un_boss", "+852-90000001", [1]),
        FakeUser("u_head", "Grace Ho", "un_head", "+852-90000002", [2]),
        FakeUser("u_peter", "Peter Chan", "un_peter", "+852-91234567", [2], manager_user_id="u_boss"),
        FakeUser("u_mary", "Mary Wong", "un_mary", "+852-92345678", [2]),
        FakeUser("u_mary2", "Mary Lee", "un_mary2", "+852-93456789", [2], manager_user_id="u_head"),
        FakeUser("u_op", "Meeting Bot Owner", "un_op", "+852-90000009", [1], manager_user_id="u_boss"),
    ]
    depts = [FakeDept(1, "總公司", ["u_boss"]), FakeDept(2, "項目組", ["u_head"], parent_id=1)]
    return FakeOrg(
        app_key="ding-fake-app-key",
        app_secret="fake-app-secret-DO-NOT-LOG",
        robot_code="ding-fake-robot",
        agent_id=1001,
        users={u.user_id: u for u in users},
        depts={d.dept_id: d for d in depts},
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--paid", action="store_true", help="the org has the SMS/phone DING package")
    args = parser.parse_args(argv)
    org = demo_org()
    org.paid_ding = args.paid
    server = FakeDingTalk(org, args.host, args.port).start()
    print(f"fake DingTalk on {server.base_url}; Ctrl-C stops it. Point the assistant at it with:", flush=True)
    for name, value in [("API_BASE", server.base_url), ("OAPI_BASE", server.base_url), ("APP_KEY", org.app_key),
                        ("APP_SECRET", org.app_secret), ("ROBOT_CODE", org.robot_code), ("AGENT_ID", org.agent_id),
                        ("OPERATOR_UNION_ID", "un_op"), ("CARD_TEMPLATE_ID", "tpl-confirm")]:
        print(f"  export ASSISTANT_DINGTALK_{name}={value}")
    print(f"Users: {', '.join(f'{u.name} ({u.user_id})' for u in org.users.values())}")
    print(f"Click a card: curl -d '{{\"sourceId\": \"mtg-...\", \"userId\": \"u_peter\", \"action\": \"confirm\"}}' "
          f"{server.base_url}/_fake/click   (also /_fake/done, /_fake/faults, GET /_fake/state)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
