"""The audit log: who viewed, exported, edited, approved, pushed or deleted what, when and from where.

Rows are only ever added; the one deletion is retention (``prune``), after at least 90 days.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assistant.store.models import AuditEvent, User, now

FIELDS = ("id", "at", "user_id", "username", "action", "target", "outcome", "ip", "detail")


def record(session: Session, action: str, target: str | None, user: User | None = None,
           ip: str | None = None, outcome: str = "allowed", detail: str | None = None,
           username: str | None = None) -> None:
    session.add(AuditEvent(at=now(), user_id=user.id if user else None,
                           username=user.username if user else username, action=action, target=target,
                           outcome=outcome, ip=ip, detail=detail))


def events(session: Session, since: datetime | None = None, until: datetime | None = None,
           target: str | None = None, limit: int = 10_000) -> list[AuditEvent]:
    stmt = select(AuditEvent)
    if since is not None:
        stmt = stmt.where(AuditEvent.at >= since)
    if until is not None:
        stmt = stmt.where(AuditEvent.at < until)
    if target is not None:
        stmt = stmt.where(AuditEvent.target == target)
    return list(session.scalars(stmt.order_by(AuditEvent.id).limit(limit)))


def as_dict(event: AuditEvent) -> dict:
    row = {name: getattr(event, name) for name in FIELDS}
    row["at"] = event.at.isoformat()
    return row


def to_csv(rows: list[AuditEvent]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS)
    writer.writeheader()
    for event in rows:
        writer.writerow(as_dict(event))
    return out.getvalue()


def to_json(rows: list[AuditEvent]) -> str:
    return json.dumps([as_dict(e) for e in rows], ensure_ascii=False)


def prune(session: Session, keep_days: int) -> int:
    result = session.execute(delete(AuditEvent).where(AuditEvent.at < now() - timedelta(days=keep_days)))
    return result.rowcount or 0
