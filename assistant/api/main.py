"""Build the web application: API routers, the review pages, and the service behind them."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from assistant.accounts.oidc import OidcClient
from assistant.accounts.throttle import LoginThrottle
from assistant.accounts.users import ensure_first_admin
from assistant.api.dependencies import NotSignedIn, current_user, require_admin
from assistant.api.routers import (
    attendees,
    calendar,
    account,
    action_items,
    api_docs,
    audit_events,
    auth,
    deliveries,
    health,
    jobs,
    media,
    meeting_access,
    meetings,
    metrics,
    pages,
    people,
    speakers,
    turns,
    users,
    voiceprints,
)
from assistant.api.security import BodyLimits, SecurityHeaders
from assistant.config import Settings, get_settings
from assistant.service import Service
from assistant.store.errors import Conflict, Invalid, NotFound

HERE = Path(__file__).resolve().parent
log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, run_worker: bool = True) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        service = Service(settings, run_worker=run_worker)  # upgrades the database to head
        service.start()
        app.state.service = service
        log.info("data in %s", settings.service.data_dir.resolve())
        if settings.auth.bootstrap_admin:
            _first_admin(service)
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(
        title="Meeting assistant 會議助手",
        summary="Cantonese meeting recordings → speaker-labelled minutes and action items.",
        version="0.1.0",
        lifespan=lifespan,
        **({} if settings.service.public_api_docs else {"docs_url": None, "redoc_url": None, "openapi_url": None}),
    )
    app.state.login_throttle = LoginThrottle(settings.auth.login_max_failures, settings.auth.login_window_s)
    app.state.oidc = OidcClient(settings.auth) if settings.auth.oidc_issuer else None
    app.add_middleware(BodyLimits, max_body_bytes=settings.service.max_body_bytes)
    app.add_middleware(SecurityHeaders, hsts=settings.service.tls_cert is not None)  # outermost: on every answer
    app.include_router(auth.router)  # with health below, the only routes open without signing in
    app.include_router(health.router)
    metrics_guard = [] if settings.service.metrics_public else [Depends(current_user), Depends(require_admin)]
    app.include_router(metrics.router, dependencies=metrics_guard)
    # Everything else needs a signed-in user (session cookie + CSRF token, or an API token).
    for router in (meetings.router, attendees.router, calendar.router, speakers.router, turns.router, action_items.router, deliveries.router,
                   jobs.router, media.router, meeting_access.router, users.router, account.router,
                   audit_events.router, people.router, voiceprints.router, pages.router,
                   *(() if settings.service.public_api_docs else (api_docs.router,))):
        app.include_router(router, dependencies=[Depends(current_user)])
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, exc: NotSignedIn):
        if request.url.path.startswith("/api/") or request.url.path == "/metrics":  # machines: no sign-in page
            return JSONResponse({"detail": "請先登入 Sign in first (session cookie or Bearer token)."},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"detail": f"找不到 Not found: {exc}"}, status_code=404)

    @app.exception_handler(Conflict)
    async def conflict(request: Request, exc: Conflict) -> JSONResponse:
        return JSONResponse({"detail": f"衝突 Conflict: {exc}"}, status_code=409)

    @app.exception_handler(Invalid)
    async def invalid(request: Request, exc: Invalid) -> JSONResponse:
        return JSONResponse({"detail": f"無效 Invalid: {exc}"}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            f"{'.'.join(str(p) for p in e['loc'] if p != 'body')}: {e['msg']}" for e in exc.errors()
        ]
        return JSONResponse({"detail": "無效 Invalid request: " + "; ".join(problems)}, status_code=422)

    return app


def _first_admin(service: Service) -> None:
    with service.store.session() as session:
        password = ensure_first_admin(session)
        session.commit()
    if password is not None:
        # Printed on the console only (never logged): the one moment this password is shown.
        print(f"\n  No accounts yet: created user 'admin' with one-time password  {password}\n"
              "  Sign in at /login and change it (PUT /api/me/password, or `assistant admin set-password admin`).\n",
              flush=True)
