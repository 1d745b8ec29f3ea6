"""The audit log, for administrators: read and export (JSON or CSV). There is no way to change it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Query, Request, Response

from assistant import audit
from assistant.api.dependencies import AdminDep, SessionDep, client_ip
from assistant.api.schemas import ErrorOut

router = APIRouter(prefix="/api/audit-events", tags=["audit"])


@router.get("", responses={403: {"model": ErrorOut}}, summary="Audit events, oldest first, as JSON or CSV")
def export_audit(request: Request, admin: AdminDep, session: SessionDep,
                 format: Literal["json", "csv"] = "json", since: datetime | None = None,
                 until: datetime | None = None, target: str | None = Query(None, max_length=100),
                 limit: int = Query(10_000, ge=1, le=100_000)) -> Response:
    rows = audit.events(session, since, until, target, limit)
    audit.record(session, "export", "audit-log", admin, client_ip(request), detail=f"{len(rows)} events")
    session.commit()
    if format == "csv":
        return Response(audit.to_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="audit.csv"'})
    return Response(audit.to_json(rows), media_type="application/json")
