"""Liveness and readiness for load balancers and orchestrators: open without signing in, no data shown."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from assistant.api.dependencies import ServiceDep
from assistant.service import Service

router = APIRouter(tags=["operations"])
log = logging.getLogger(__name__)


@router.get("/healthz", summary="Liveness: the process answers")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: database, queue and audio storage reachable (503 if not)",
            responses={503: {"description": "a part is unreachable; the body names it"}})
def readyz(service: ServiceDep) -> JSONResponse:
    checks = {"database": _database, "queue": _queue, "storage": _storage}
    parts = {}
    for name, check in checks.items():
        try:
            check(service)
            parts[name] = "ok"
        except Exception as exc:  # any failure means not ready; the reason goes to the log, not the body
            log.warning("readiness: %s unreachable: %s", name, exc)
            parts[name] = "unreachable"
    ready = all(v == "ok" for v in parts.values())
    return JSONResponse({"status": "ok" if ready else "unavailable", **parts}, status_code=200 if ready else 503)


def _database(service: Service) -> None:
    with service.store.session() as session:
        session.execute(text("SELECT 1"))


def _queue(service: Service) -> None:
    service.queue_lengths()


def _storage(service: Service) -> None:
    service.store.blobs.check_writable()
