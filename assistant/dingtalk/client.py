"""HTTP client for the DingTalk Open Platform (both API families).

Retry rules (from the DingTalk docs, see the DingTalk Open Platform docs, error codes and limits):
- auth errors: drop the cached token, fetch a new one and retry once;
- rate limits, 5xx, dropped connections: exponential back-off with jitter, first wait ~1 s;
- ``-1`` / ``system.busy``: at most ``dingtalk_busy_retries`` (3) retries;
- permission, quota, not-found and parameter errors: never retried.
Every call has a total time budget; a wait that would overrun it re-raises the last error.
Calls that are not idempotent (DING) are retried only when the server surely did not act on them.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from enum import Enum
from typing import Any

import httpx

from assistant import metrics
from assistant.config import Settings
from assistant.dingtalk.backoff import Backoff
from assistant.dingtalk.errors import (
    AlreadyExists,
    AuthError,
    DingTalkError,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
    SystemBusy,
    error_from_response,
)
from assistant.dingtalk.models import (
    CardDelivery,
    Department,
    DingResult,
    DingType,
    StreamTicket,
    TodoRequest,
    TodoTask,
    User,
)
from assistant.dingtalk.tokens import TokenCache

log = logging.getLogger(__name__)

_SMS_DING_MAX_RECIPIENTS = 20
_APP_DING_MAX_RECIPIENTS = 200
_SEARCH_PAGE_SIZE = 50
_CANTONESE_VOICE = "Cantonese_Female_Voice"

STREAM_SUBSCRIPTIONS: list[dict[str, str]] = [
    {"type": "EVENT", "topic": "*"},
    {"type": "CALLBACK", "topic": "/v1.0/card/instances/callback"},
    {"type": "CALLBACK", "topic": "/v1.0/im/bot/messages/get"},
]


class _RedactAccessToken(logging.Filter):
    """httpx logs full URLs, and legacy calls carry the token in the query string."""

    _pattern = re.compile(r"(access_token|appsecret|ticket)=[^&\s\"']+")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._pattern.search(message):
            record.msg, record.args = self._pattern.sub(r"\1=***", message), ()
        return True


logging.getLogger("httpx").addFilter(_RedactAccessToken())


class Family(Enum):
    NEW = "new"  # api.dingtalk.com: token in a header, errors as HTTP status + {code, message}
    LEGACY = "legacy"  # oapi.dingtalk.com: token in the query, errors as HTTP 200 + {errcode, errmsg}


class DingTalkClient:
    def __init__(
        self,
        settings: Settings,
        *,
        http: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        tokens: TokenCache | None = None,
    ) -> None:
        self._settings = settings
        self._http = http or httpx.Client(timeout=settings.dingtalk_timeout_s)
        self._clock = clock
        self._sleep = sleep
        self._backoff = Backoff(
            settings.dingtalk_backoff_base_s, settings.dingtalk_backoff_max_s, rng or random.Random()
        )
        self._tokens = tokens or TokenCache(clock, settings.dingtalk_token_refresh_margin_s)
        self._bases = {
            Family.NEW: settings.dingtalk_api_base.rstrip("/"),
            Family.LEGACY: settings.dingtalk_oapi_base.rstrip("/"),
        }

    def __repr__(self) -> str:
        return f"DingTalkClient(app_key={self._settings.dingtalk_app_key!r}, api_base={self._bases[Family.NEW]!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> DingTalkClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- tokens -----------------------------------------------------------------------------

    def access_token(self) -> str:
        app_key = self._settings.dingtalk_app_key
        token = self._tokens.get(app_key)
        if token is None:
            body = self._call(
                Family.NEW,
                "POST",
                "/v1.0/oauth2/accessToken",
                json={"appKey": app_key, "appSecret": self._settings.dingtalk_app_secret.get_secret_value()},
                authenticated=False,
            )
            token = str(body["accessToken"])
            self._tokens.put(app_key, token, float(body["expireIn"]))
            log.info("fetched DingTalk access token for app %s, valid %ss", app_key, body["expireIn"])
        return token

    # --- people (contacts APIs: exempt from the monthly quota) ---------------------------------

    def get_user_id_by_mobile(self, mobile: str) -> str:
        body = self._call(Family.LEGACY, "POST", "/topapi/v2/user/getbymobile", json={"mobile": mobile})
        return str(body["result"]["userid"])

    def get_user(self, user_id: str, language: str = "zh_CN") -> User:
        body = self._call(Family.LEGACY, "POST", "/topapi/v2/user/get", json={"userid": user_id, "language": language})
        r = body["result"]
        return User(
            user_id=str(r["userid"]),
            name=str(r.get("name", "")),
            union_id=r.get("unionid") or None,
            manager_user_id=r.get("manager_userid") or None,
            dept_ids=[int(d) for d in r.get("dept_id_list", [])],
        )

    def get_department(self, dept_id: int) -> Department:
        body = self._call(Family.LEGACY, "POST", "/topapi/v2/department/get", json={"dept_id": dept_id})
        r = body["result"]
        return Department(
            dept_id=int(r["dept_id"]),
            name=str(r.get("name", "")),
            manager_user_ids=[str(u) for u in r.get("dept_manager_userid_list", [])],
            parent_id=r.get("parent_id"),
        )

    def search_users(self, query: str, *, exact: bool = True) -> list[str]:
        """userIds whose name matches ``query``, all pages."""
        user_ids: list[str] = []
        while True:
            payload: dict[str, Any] = {"queryWord": query, "offset": len(user_ids), "size": _SEARCH_PAGE_SIZE}
            if exact:
                payload["fullMatchField"] = 1
            body = self._call(Family.NEW, "POST", "/v1.0/contact/users/search", json=payload)
            page = [str(u) for u in body.get("list", [])]
            user_ids.extend(page)
            if not body.get("hasMore") or not page:
                return user_ids

    # --- to-dos ------------------------------------------------------------------------------

    def create_todo(self, creator_union_id: str, todo: TodoRequest) -> TodoTask:
        # Idempotent thanks to sourceId: a retried create answers "task exist" (AlreadyExists).
        body = self._call(
            Family.NEW,
            "POST",
            f"/v1.0/todo/users/{creator_union_id}/tasks",
            params={"operatorId": creator_union_id},
            json=todo.to_body(creator_union_id),
        )
        return _todo_task(body)

    def delete_todo(self, operator_union_id: str, task_id: str) -> None:
        """Delete a to-do; one already gone counts as deleted (a retried delete answers "task not exist")."""
        try:
            self._call(Family.NEW, "DELETE", f"/v1.0/todo/users/{operator_union_id}/tasks/{task_id}",
                       params={"operatorId": operator_union_id})
        except NotFound:
            pass

    def get_todo_by_source_id(self, union_id: str, source_id: str) -> TodoTask:
        # Present only in SDK code (GetTodoTaskBySourceId), not in the current docs.
        body = self._call(Family.NEW, "GET", f"/v1.0/todo/users/{union_id}/tasks/sources/{source_id}")
        return _todo_task(body)

    # --- DING, cards, work notifications -------------------------------------------------------

    def send_ding(self, user_ids: list[str], content: str, ding_type: DingType) -> DingResult:
        limit = {
            DingType.APP: _APP_DING_MAX_RECIPIENTS,
            DingType.SMS: _SMS_DING_MAX_RECIPIENTS,
            DingType.CALL: self._settings.dingtalk_call_ding_max_recipients,
        }[ding_type]
        if not 0 < len(user_ids) <= limit:
            raise ValueError(f"{ding_type.name} DING takes 1 to {limit} recipients, got {len(user_ids)}")
        payload: dict[str, Any] = {
            "robotCode": self._settings.dingtalk_robot_code,
            "remindType": int(ding_type),
            "receiverUserIdList": user_ids,
            "content": content,
        }
        if ding_type is DingType.CALL:
            payload["callVoice"] = _CANTONESE_VOICE
        # No idempotency key exists for DING: a blind retry could ring someone twice.
        body = self._call(Family.NEW, "POST", "/v1.0/robot/ding/send", json=payload, idempotent=False)
        failed = {str(k): [str(u) for u in v] for k, v in (body.get("failedList") or {}).items()}
        return DingResult(open_ding_id=str(body.get("openDingId", "")), failed=failed)

    def send_card(self, out_track_id: str, user_id: str, card_params: dict[str, str]) -> list[CardDelivery]:
        """Deliver an interactive card 1:1 from the robot; button clicks come back over Stream."""
        robot_code = self._settings.dingtalk_robot_code
        payload = {
            "cardTemplateId": self._settings.dingtalk_card_template_id,
            "outTrackId": out_track_id,  # reusing it creates no second card, so retries are safe
            "callbackType": "STREAM",
            "cardData": {"cardParamMap": card_params},
            "openSpaceId": f"dtv1.card//IM_ROBOT.{user_id}",
            "imRobotOpenSpaceModel": {"supportForward": False},
            "imRobotOpenDeliverModel": {"spaceType": "IM_ROBOT", "robotCode": robot_code},
            "userIdType": 1,
        }
        body = self._call(Family.NEW, "POST", "/v1.0/card/instances/createAndDeliver", json=payload)
        return [
            CardDelivery(
                space_id=str(d.get("spaceId", "")), success=bool(d.get("success")), error=d.get("errorMsg") or None
            )
            for d in (body.get("result") or {}).get("deliverResults", [])
        ]

    def list_events(self, union_id: str, time_min: str, time_max: str, next_token: str | None = None,
                    calendar_id: str = "primary") -> dict[str, Any]:
        """One page of a user's (or room's) calendar events between two ISO-8601 times:
        ``{events: [...], nextToken}``; recurring events come as their occurrences."""
        params = {"timeMin": time_min, "timeMax": time_max, "maxResults": "100"}
        if next_token:
            params["nextToken"] = next_token
        return self._call(Family.NEW, "GET", f"/v1.0/calendar/users/{union_id}/calendars/{calendar_id}/events",
                          params=params)

    def send_work_notification(self, user_ids: list[str], title: str, markdown: str) -> str:
        """Returns the task_id. Identical content to the same user is dropped silently once a day."""
        if self._settings.dingtalk_agent_id is None:
            raise ValueError("ASSISTANT_DINGTALK_AGENT_ID is not set")
        payload = {
            "agent_id": self._settings.dingtalk_agent_id,
            "userid_list": ",".join(user_ids),
            "msg": {"msgtype": "markdown", "markdown": {"title": title, "text": markdown}},
        }
        body = self._call(Family.LEGACY, "POST", "/topapi/message/corpconversation/asyncsend_v2", json=payload)
        return str(body["task_id"])

    def open_stream(self) -> StreamTicket:
        payload = {
            "clientId": self._settings.dingtalk_app_key,
            "clientSecret": self._settings.dingtalk_app_secret.get_secret_value(),
            "subscriptions": STREAM_SUBSCRIPTIONS,
            "ua": "assistant/0.1",
            "localIp": "127.0.0.1",
        }
        body = self._call(Family.NEW, "POST", "/v1.0/gateway/connections/open", json=payload, authenticated=False)
        return StreamTicket(endpoint=str(body["endpoint"]), ticket=str(body["ticket"]))

    # --- transport ---------------------------------------------------------------------------

    def _call(
        self,
        family: Family,
        method: str,
        path: str,
        *,
        json: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
        authenticated: bool = True,
        idempotent: bool = True,
    ) -> dict[str, Any]:
        deadline = self._clock() + self._settings.dingtalk_call_budget_s
        token_refreshed = False
        retries = busy_retries = 0
        first_lost_attempt_at: float | None = None
        while True:
            # Outside the try: a token endpoint failure is not a reason to refresh the token.
            token = self.access_token() if authenticated else None
            attempt_started = self._clock()
            try:
                return self._send_once(family, method, path, json, params, token)
            except AlreadyExists as e:
                if first_lost_attempt_at is not None:
                    e.lost_attempt_age_s = self._clock() - first_lost_attempt_at
                raise
            except AuthError:
                if not authenticated or token_refreshed:
                    raise
                token_refreshed = True
                self._tokens.drop(self._settings.dingtalk_app_key)
                log.info("%s %s: token rejected, fetching a new one", method, path)
                continue
            except SystemBusy as e:
                if busy_retries >= self._settings.dingtalk_busy_retries:
                    raise
                wait = self._backoff.delay(busy_retries)
                busy_retries += 1
                error: DingTalkError = e
            except (RateLimited, ServerError) as e:
                if retries >= self._settings.dingtalk_max_retries or not _safe_to_retry(e, idempotent):
                    raise
                wait = self._backoff.delay(retries, e.retry_after_s)
                retries += 1
                error = e
                if first_lost_attempt_at is None and isinstance(e, ServerError) and getattr(e, "maybe_processed", True):
                    first_lost_attempt_at = attempt_started
            if self._clock() + wait > deadline:
                raise error
            log.warning("%s %s: %s; retrying in %.2fs", method, path, error.code, wait)
            self._sleep(wait)

    def _send_once(
        self,
        family: Family,
        method: str,
        path: str,
        json: dict[str, Any] | None,
        params: dict[str, str] | None,
        token: str | None,
    ) -> dict[str, Any]:
        query = dict(params or {})
        headers: dict[str, str] = {}
        if token is not None:
            if family is Family.NEW:
                headers["x-acs-dingtalk-access-token"] = token
            else:
                query["access_token"] = token
        try:
            response = self._http.request(method, self._bases[family] + path, params=query, json=json, headers=headers)
        except (httpx.ConnectError, httpx.ConnectTimeout) as e:
            _count(NetworkError)
            raise NetworkError("network.connect", type(e).__name__, maybe_processed=False) from None
        except httpx.TransportError as e:
            _count(NetworkError)
            raise NetworkError("network.lost", type(e).__name__, maybe_processed=True) from None
        try:
            body: Any = response.json()
        except ValueError:
            body = None
        error = error_from_response(response.status_code, body, response.text)
        log.debug("%s %s -> %s%s", method, path, response.status_code, f" {error.code}" if error else "")
        if isinstance(error, AlreadyExists) and "date" in response.headers:
            error.server_time_s = parsedate_to_datetime(response.headers["date"]).timestamp()
        _count(type(error) if error is not None else None)
        if error is not None:
            raise error
        return body if isinstance(body, dict) else {}


def _count(error: type[DingTalkError] | None) -> None:
    metrics.DINGTALK_CALLS.labels("ok" if error is None else "error").inc()
    if error is not None:
        metrics.DINGTALK_FAILURES.labels(error.__name__).inc()


def _safe_to_retry(error: DingTalkError, idempotent: bool) -> bool:
    if idempotent or isinstance(error, RateLimited):
        return True
    return isinstance(error, NetworkError) and not error.maybe_processed


def _todo_task(body: dict[str, Any]) -> TodoTask:
    return TodoTask(
        task_id=str(body["id"]),
        source_id=body.get("sourceId"),
        subject=str(body.get("subject", "")),
        done=bool(body.get("done", False)),
        created_ms=body.get("createdTime"),
    )
