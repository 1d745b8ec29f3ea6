"""Build the web application: API routers, the review pages, and the service behind them."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from assistant.api.routers import action_items, jobs, media, meetings, pages, speakers, turns
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
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(
        title="Meeting assistant 會議助手",
        summary="Cantonese meeting recordings → speaker-labelled minutes and action items.",
        version="0.1.0",
        lifespan=lifespan,
    )
    for router in (meetings.router, speakers.router, turns.router, action_items.router, jobs.router,
                   media.router, pages.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

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
