"""Database tables (SQLAlchemy 2). Changing them needs a migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from assistant.config import get_settings

LOCAL_TZ = ZoneInfo(get_settings().timezone)


def now() -> datetime:
    return datetime.now(LOCAL_TZ)


class AwareDateTime(TypeDecorator):
    """Stored as naive UTC (SQLite keeps no zone), read back in the meetings' timezone."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        return None if value is None else value.replace(tzinfo=UTC).astimezone(LOCAL_TZ)


class Base(DeclarativeBase):
    pass


class Blob(Base):
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)


class Meeting(Base):
    __tablename__ = "meetings"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str | None] = mapped_column(String(100))
    audio_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now, index=True)
    # queued | processing | done | failed | cancelled: mirrors the latest job, kept here for listing.
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    meeting_date: Mapped[str | None] = mapped_column(String(10))
    duration: Mapped[float | None] = mapped_column(Float)
    language: Mapped[str | None] = mapped_column(String(16))
    models: Mapped[dict | None] = mapped_column(JSON)
    processed_at: Mapped[str | None] = mapped_column(String(40))
    approved_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    speakers: Mapped[list[Speaker]] = relationship(
        cascade="all, delete-orphan", order_by="Speaker.position", passive_deletes=True
    )
    turns: Mapped[list[Turn]] = relationship(cascade="all, delete-orphan", order_by="Turn.idx", passive_deletes=True)
    decisions: Mapped[list[Decision]] = relationship(
        cascade="all, delete-orphan", order_by="Decision.idx", passive_deletes=True
    )
    action_items: Mapped[list[ActionItem]] = relationship(
        cascade="all, delete-orphan", order_by="ActionItem.position", passive_deletes=True
    )
    jobs: Mapped[list[Job]] = relationship(
        cascade="all, delete-orphan", order_by="Job.created_at", passive_deletes=True
    )


class Speaker(Base):
    __tablename__ = "speakers"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(200))
    talk_time: Mapped[float] = mapped_column(Float, default=0.0)
    position: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (UniqueConstraint("meeting_id", "id"),)


class Turn(Base):
    __tablename__ = "turns"
    # An integer key so that the full-text index can follow rows by rowid.
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    speaker_id: Mapped[str] = mapped_column(String(64))
    start: Mapped[float] = mapped_column(Float)
    end: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[list] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (UniqueConstraint("meeting_id", "idx"),)


class Decision(Base):
    __tablename__ = "decisions"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    turn: Mapped[int | None] = mapped_column(Integer)


class ActionItem(Base):
    __tablename__ = "action_items"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(200))
    task: Mapped[str] = mapped_column(Text)
    deadline: Mapped[str | None] = mapped_column(String(10))
    priority: Mapped[str] = mapped_column(String(8), default="app")
    turn: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Job(Base):
    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    # queued | running | retrying | done | failed | cancelled
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    stage: Mapped[str | None] = mapped_column(String(32))
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    next_attempt_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    started_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    events: Mapped[list[JobEvent]] = relationship(
        cascade="all, delete-orphan", order_by="JobEvent.id", passive_deletes=True
    )


class JobEvent(Base):
    __tablename__ = "job_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    kind: Mapped[str] = mapped_column(String(16))
    stage: Mapped[str | None] = mapped_column(String(32))
    message: Mapped[str | None] = mapped_column(Text)


class WatchedFile(Base):
    """A recording seen in the inbox, by content, so that it is ingested once."""

    __tablename__ = "watched_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    meeting_id: Mapped[str | None] = mapped_column(String(32))
    seen_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
