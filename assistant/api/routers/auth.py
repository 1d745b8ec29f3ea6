"""Signing in (local accounts or OpenID Connect single sign-on) and out. The only routes open without a sign-in."""

from __future__ import annotations

import secrets
from typing import Annotated

import httpx
from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assistant import audit
from assistant.accounts.oidc import SignOnError
from assistant.accounts.passwords import verify_password
from assistant.accounts.sessions import COOKIE, CSRF_COOKIE, close_session, find_session, open_session
from assistant.accounts.users import find_user, user_for_identity
from assistant.api.dependencies import ServiceDep, SessionDep, client_ip
from assistant.api.routers.pages import templates
from assistant.api.security import CSRF_FIELD, check_csrf, tokens_match
from assistant.store.models import User

router = APIRouter(include_in_schema=False)
LOGIN_CSRF_COOKIE = "assistant_login_csrf"
SSO_STATE_COOKIE = "assistant_sso_state"


def safe_next(target: str | None) -> str:
    """Only a path on this site: no open redirects."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def _login_form(request: Request, next_url: str, error: str | None = None, status_code: int = 200) -> Response:
    token = secrets.token_urlsafe(24)
    response = templates.TemplateResponse(
        request, "login.html",
        {"csrf": token, "next": next_url, "error": error, "sso": request.app.state.oidc is not None},
        status_code=status_code,
    )
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, path="/login", httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> Response:
    return _login_form(request, safe_next(next))


@router.post("/login")
def login(request: Request, session: SessionDep, service: ServiceDep,
          username: Annotated[str, Form(max_length=100)], password: Annotated[str, Form(max_length=200)],
          csrf_token: Annotated[str, Form(max_length=100)] = "", next: Annotated[str, Form(max_length=500)] = "/"):
    next_url = safe_next(next)
    if not tokens_match(request.cookies.get(LOGIN_CSRF_COOKIE, ""), csrf_token):
        return _login_form(request, next_url, "表格已過期，請再試 The form expired: try again.", 403)
    ip = client_ip(request) or ""
    throttle = request.app.state.login_throttle
    wait = throttle.blocked_for(username, ip)
    if wait:
        audit.record(session, "login", f"user:{username}", None, ip, "denied", "throttled", username=username)
        session.commit()
        response = _login_form(request, next_url, f"嘗試次數過多，請 {int(wait) + 1} 秒後再試 Too many attempts.", 429)
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response
    user = find_user(session, username)
    if not (verify_password(user.password_hash if user else None, password) and user.active):
        throttle.failed(username, ip)
        audit.record(session, "login", f"user:{username}", None, ip, "denied", "wrong username or password",
                     username=username)
        session.commit()
        return _login_form(request, next_url, "用戶名稱或密碼錯誤 Wrong username or password.", 401)
    throttle.succeeded(username, ip)
    response = _signed_in(request, session, service, user, next_url, "password")
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login", secure=request.url.scheme == "https", httponly=True,
                           samesite="strict")
    return response


def _signed_in(request: Request, session, service, user: User, next_url: str, method: str) -> Response:
    ip = client_ip(request)
    value, row = open_session(session, user, service.settings.auth.session_hours, ip)
    audit.record(session, "login", f"user:{user.username}", user, ip, detail=method)
    session.commit()
    response = RedirectResponse(next_url, status_code=303)
    secure = request.url.scheme == "https"
    max_age = int(service.settings.auth.session_hours * 3600)
    response.set_cookie(COOKIE, value, max_age=max_age, httponly=True, samesite="lax", secure=secure)
    # Read by the page's script and echoed in X-CSRF-Token (double submit).
    response.set_cookie(CSRF_COOKIE, row.csrf_token, max_age=max_age, httponly=False, samesite="lax", secure=secure)
    return response


@router.get("/login/sso")
def sso_start(request: Request, next: str | None = None) -> Response:
    oidc = request.app.state.oidc
    if oidc is None:
        return RedirectResponse("/login", status_code=303)
    try:
        url, state = oidc.start(str(request.url_for("sso_callback")), safe_next(next))
    except (SignOnError, httpx.HTTPError):
        return _login_form(request, safe_next(next), "單一登入暫時無法使用 Single sign-on is unavailable.", 502)
    response = RedirectResponse(url, status_code=303)
    # Lax: sent on the provider's top-level redirect back to us, not on cross-site posts.
    response.set_cookie(SSO_STATE_COOKIE, state, max_age=600, path="/login/sso", httponly=True, samesite="lax",
                        secure=request.url.scheme == "https")
    return response


@router.get("/login/sso/callback", name="sso_callback")
def sso_callback(request: Request, session: SessionDep, service: ServiceDep,
                 state: Annotated[str, Query(max_length=200)] = "", code: Annotated[str, Query(max_length=4000)] = "",
                 error: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    oidc = request.app.state.oidc
    if oidc is None:
        return RedirectResponse("/login", status_code=303)
    try:
        if error or not code:
            raise SignOnError(f"the provider answered {error or 'without a code'}")
        identity, next_url = oidc.finish(state, request.cookies.get(SSO_STATE_COOKIE), code)
    except (SignOnError, httpx.HTTPError) as exc:
        audit.record(session, "login", None, None, client_ip(request), "denied", f"sso: {exc}")
        session.commit()
        return _login_form(request, "/", f"單一登入失敗 Single sign-on failed: {exc}", 401)
    user = user_for_identity(session, identity.subject, identity.username, identity.display_name,
                             service.settings.auth.oidc_role)
    if not user.active:
        return _login_form(request, "/", "帳戶已停用 This account is disabled.", 403)
    response = _signed_in(request, session, service, user, next_url, "sso")
    response.delete_cookie(SSO_STATE_COOKIE, path="/login/sso")
    return response


@router.post("/logout")
def logout(request: Request, session: SessionDep, csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = ""):
    value = request.cookies.get(COOKIE)
    row = find_session(session, value) if value else None
    if row is not None:
        check_csrf(request, row.csrf_token, csrf_token)
        close_session(session, value)
        audit.record(session, "logout", f"user:{row.user_id}", None, client_ip(request))
        session.commit()
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    response.delete_cookie(CSRF_COOKIE)
    return response
