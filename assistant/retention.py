"""Retention, run hourly by the service: old meetings, old recordings (minutes kept) and old audit events."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from assistant import audit
from assistant.store.models import Blob, Meeting, now

if TYPE_CHECKING:
    from assistant.service import Service

log = logging.getLogger(__name__)
BUSY = ("queued", "processing")


def delete_old_meetings(service: Service, days: int) -> int:
    cutoff = now() - timedelta(days=days)
    with service.store.session() as session:
        old = session.scalars(select(Meeting.id).where(Meeting.created_at < cutoff, Meeting.status.not_in(BUSY))).all()
    for meeting_id in old:
        service.delete(meeting_id, actor="retention")
    return len(old)


def delete_old_audio(service: Service, days: int) -> int:
    """Recordings of meetings older than ``days`` go; transcripts and minutes stay."""
    cutoff = now() - timedelta(days=days)
    dropped = 0
    with service.store.session() as session:
        meetings = session.scalars(select(Meeting).where(
            Meeting.created_at < cutoff, Meeting.audio_sha256.is_not(None), Meeting.status.not_in(BUSY)
        )).all()
        for meeting in meetings:
            sha, meeting.audio_sha256 = meeting.audio_sha256, None
            session.flush()
            if not session.scalar(select(func.count()).where(Meeting.audio_sha256 == sha)):
                session.delete(session.get(Blob, sha))
                service.store.blobs.delete(sha)
            audit.record(session, "delete_audio", f"meeting:{meeting.id}", username="retention",
                         detail=f"recording older than {days} days")
            dropped += 1
        session.commit()
    return dropped


def apply(service: Service) -> None:
    settings = service.settings
    if settings.service.retention_days:
        if count := delete_old_meetings(service, settings.service.retention_days):
            log.info("retention: deleted %d meeting(s)", count)
    if settings.service.audio_retention_days:
        if count := delete_old_audio(service, settings.service.audio_retention_days):
            log.info("retention: deleted the recordings of %d meeting(s)", count)
    with service.store.session() as session:
        if count := audit.prune(session, settings.auth.audit_retention_days):
            log.info("retention: pruned %d audit event(s)", count)
        session.commit()
