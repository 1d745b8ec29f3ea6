"""Web hardening: security headers on every answer, request body limits, CSRF checks for cookie-authenticated
changes.

CSRF uses a double-submit token: the session's token is also in a cookie that the page's script
can read (``assistant_csrf``) and must come back in the ``X-CSRF-Token`` header (or a form's
``csrf_token`` field) of every unsafe request made with the session cookie. Requests authenticated
by an API token carry no ambient credentials and need none.
"""

from __future__ import annotations

import hmac
import json
import re

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"

# Inline style attributes colour the speakers; scripts are files from this origin only.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
# Swagger UI and ReDoc are served from a CDN with an inline bootstrap script.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "img-src 'self' data: https://fastapi.tiangolo.com; "
            "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")


def tokens_match(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), given.encode())


def check_csrf(request: Request, expected: str, given: str | None = None) -> None:
    if not tokens_match(expected, given or request.headers.get(CSRF_HEADER)):
        raise HTTPException(403, "CSRF 驗證失敗，請重新載入頁面 CSRF check failed: reload the page.")


class SecurityHeaders:
    """Pure ASGI middleware (no response buffering, so audio streams stay streams).

    A route may set its own Content-Security-Policy or Cache-Control (the recording does); every other
    answer but the static files is ``no-store``, so shared machines and proxies keep no meeting data.
    """

    def __init__(self, app: ASGIApp, hsts: bool):
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope["path"].startswith(DOCS_PATHS) else CSP

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", csp.encode()))
                if b"cache-control" not in present and not scope["path"].startswith("/static/"):
                    headers.append((b"cache-control", b"no-store"))
                headers = [(n, v) for n, v in headers if n.lower() != b"x-content-type-options"]
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"),
                    (b"permissions-policy", b"camera=(), geolocation=(), microphone=(self)"),
                ]
                if self.hsts:
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimits:
    """Refuse what no route needs before any route (or sign-in check) parses it.

    Bodies other than multipart uploads (which stream to disk under their own limit) may carry at most
    ``max_body_bytes``: a longer Content-Length is 413 at once, a chunked body is cut off when it passes
    the limit. A NUL character in the path, the query or such a body (raw, ``\\u0000`` or ``%00``) is 422: no
    route means one, and PostgreSQL refuses it in text where SQLite stores it.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b""):
            await _plain(send, 422, "無效 Invalid request: NUL characters are not allowed.")
            return
        headers = dict(scope.get("headers", []))
        if headers.get(b"content-type", b"").lower().startswith(b"multipart/form-data"):
            await self.app(scope, receive, send)
            return
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_body_bytes:
            await _plain(send, 413, f"內容太大 Request body larger than {self.max_body_bytes} bytes.")
            return
        body, more = b"", True
        while more:  # small by the limit: read whole, so that a NUL is refused before any route stores it
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_body_bytes:
                await _plain(send, 413, f"內容太大 Request body larger than {self.max_body_bytes} bytes.")
                return
        if NUL_IN_BODY.search(body):  # raw, JSON-escaped or form-encoded: PostgreSQL text cannot hold it
            await _plain(send, 422, "無效 Invalid request: NUL characters are not allowed.")
            return
        await self.app(scope, _replay([{"type": "http.request", "body": body, "more_body": False}], receive), send)


NUL_IN_BODY = re.compile(rb"\x00|\\u0000|%00", re.IGNORECASE)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A receive that gives ``messages`` first, then what the client sends next (a disconnect)."""
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


async def _plain(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": body})
