"""Typed DingTalk errors, parsed from both API families.

New family (api.dingtalk.com): HTTP 4xx/5xx with ``{"code", "message", "requestid"}``.
Legacy family (oapi.dingtalk.com): HTTP 200 with ``{"errcode" != 0, "errmsg", "request_id"}``.
The per-IP ban answers ``{"status": 1111, "wait": 5, "punish": "deny", ...}`` or an HTML page.
"""

from __future__ import annotations

from typing import Any


class DingTalkError(Exception):
    def __init__(
        self,
        code: str,
        message: str = "",
        *,
        http_status: int | None = None,
        request_id: str | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message
        self.http_status = http_status
        self.request_id = request_id
        self.retry_after_s = retry_after_s


class AuthError(DingTalkError):
    """Token missing, invalid or expired, or wrong app credentials."""


class RateLimited(DingTalkError):
    """QPS/QPM limits, platform-wide limits, flow control and the per-IP ban."""


class SystemBusy(DingTalkError):
    """``-1`` / ``system.busy``: the docs allow at most 3 retries."""


class ServerError(DingTalkError):
    """5xx or an unreadable answer; also used for dropped connections and timeouts."""


class NetworkError(ServerError):
    """Timeout or dropped connection. ``maybe_processed`` is False only when the request never left."""

    def __init__(self, code: str, message: str = "", *, maybe_processed: bool) -> None:
        super().__init__(code, message)
        self.maybe_processed = maybe_processed


class PermissionDenied(DingTalkError):
    """Scope not granted or IP not whitelisted: retrying cannot help."""


class QuotaExceeded(DingTalkError):
    """Monthly call quota, daily caps, or an edition without the DING package."""


class NotFound(DingTalkError):
    pass


class AlreadyExists(DingTalkError):
    """Duplicate ``sourceId`` ("task exist") or a held lock on it: the create already happened.

    When an earlier attempt of the same call may have been processed (timeout, dropped
    connection, 5xx), ``lost_attempt_age_s`` says how long ago that attempt started and
    ``server_time_s`` is the server's clock (HTTP Date) at this answer, so the caller can
    tell its own lost create from an older one by the task's creation time.
    """

    lost_attempt_age_s: float | None = None
    server_time_s: float | None = None


class InvalidRequest(DingTalkError):
    pass


# Codes with one meaning regardless of message. New-family codes are strings, legacy ones ints.
_NEW_CODES: dict[str, type[DingTalkError]] = {
    "InvalidAuthentication": AuthError,
    "AuthenticationFailed.MissingParameter": AuthError,
    "invalidClientIdOrSecret": AuthError,
    "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi": RateLimited,
    "Forbidden.AccessDenied.QpmLimitForAppkeyAndApi": RateLimited,
    "Forbidden.AccessDenied.QpsLimitForApi": RateLimited,
    "Forbidden.AccessDenied.ApiCountLimitForOrg": QuotaExceeded,
    "Forbidden.AccessDenied.AccessTokenPermissionDenied": PermissionDenied,
    "Forbidden.AccessDenied.IpNotInWhiteList": PermissionDenied,
    "todo.taskCreate.lockError": AlreadyExists,
    "todo.taskCreate.flowControlError": RateLimited,
    "todo.taskCreate.systemError": ServerError,
    "toomuch.msg": RateLimited,
    "ding.serverquota.insufficient": QuotaExceeded,
    "system.busy": SystemBusy,
    "system.error": ServerError,
}

_LEGACY_CODES: dict[int, type[DingTalkError]] = {
    -1: SystemBusy,
    40014: AuthError,
    42001: AuthError,
    40096: AuthError,
    90018: RateLimited,
    90002: RateLimited,
    143103: RateLimited,
    143104: RateLimited,
    90020: QuotaExceeded,
    143105: QuotaExceeded,
    60011: PermissionDenied,
    60020: PermissionDenied,
    40104: NotFound,
    60121: NotFound,
    60003: NotFound,
    43007: NotFound,
}

_IP_BAN_STATUS = 1111


def _new_family_error(http_status: int, body: dict[str, Any]) -> DingTalkError:
    code = str(body.get("code", ""))
    message = str(body.get("message", ""))
    request_id = body.get("requestid")
    if code == "todo.taskCreate.paramError" and message == "task exist":
        cls: type[DingTalkError] = AlreadyExists
    elif "not exist" in message:
        cls = NotFound
    elif code in _NEW_CODES:
        cls = _NEW_CODES[code]
    elif http_status >= 500:
        cls = ServerError
    else:
        cls = InvalidRequest
    return cls(code, message, http_status=http_status, request_id=request_id)


def _legacy_error(http_status: int, body: dict[str, Any]) -> DingTalkError:
    errcode = int(body["errcode"])
    # errcode 88 is a wrapper; the real reason is in sub_code (e.g. 40014, invalid token).
    effective = int(body["sub_code"]) if errcode == 88 and str(body.get("sub_code", "")).isdigit() else errcode
    cls = _LEGACY_CODES.get(effective, InvalidRequest)
    return cls(str(effective), str(body.get("errmsg", "")), http_status=http_status, request_id=body.get("request_id"))


def error_from_response(http_status: int, body: Any, text: str) -> DingTalkError | None:
    """The error an answer carries, or None when it is a success."""
    if isinstance(body, dict):
        if body.get("status") == _IP_BAN_STATUS:
            wait_min = float(body.get("wait", 5))
            return RateLimited(
                "ip.banned", body.get("punish", ""), http_status=http_status, retry_after_s=wait_min * 60
            )
        if "errcode" in body:
            return None if body["errcode"] == 0 else _legacy_error(http_status, body)
        if http_status >= 400:
            return _new_family_error(http_status, body)
        return None
    if "punish" in text:
        return RateLimited("ip.banned", "HTML ban page", http_status=http_status, retry_after_s=300.0)
    if http_status >= 500:
        return ServerError(f"http.{http_status}", text[:200], http_status=http_status)
    return ServerError("invalid.response", text[:200], http_status=http_status)
