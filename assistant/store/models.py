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
    # queued | processing | done | no_speech | failed | cancelled: mirrors the latest job, kept for listing.
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    meeting_date: Mapped[str | None] = mapped_column(String(10))
    duration: Mapped[float | None] = mapped_column(Float)
    language: Mapped[str | None] = mapped_column(String(16))
    models: Mapped[dict | None] = mapped_column(JSON)
    processed_at: Mapped[str | None] = mapped_column(String(40))
    audio_source: Mapped[dict | None] = mapped_column(JSON)  # minutes.AudioSource: stream, channel, warnings
    approved_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Who may open it: see assistant/access.py. Recordings from the inbox have no owner (admins only).
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    team: Mapped[str | None] = mapped_column(String(200), index=True)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    # The calendar event it is of (assistant/calendar/): a confident match or a reviewer's choice;
    # ``event_candidates`` holds the ids of an ambiguous match, to be chosen from in the page.
    event_id: Mapped[str | None] = mapped_column(ForeignKey("calendar_events.id", ondelete="SET NULL"), index=True)
    event_candidates: Mapped[list] = mapped_column(JSON, default=list)
    recorded_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    ready_notified_at: Mapped[datetime | None] = mapped_column(AwareDateTime)

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
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingAttendee.position", passive_deletes=True
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
    # Set by voiceprint identification or by a reviewer; confidence is None when a person named it.
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    confidence: Mapped[float | None] = mapped_column(Float)
    # The speaker's voice (embedding model in meeting.models["speaker_embedding"]), so a reviewer can
    # later say "this is Mary" and enrol it. Personal data: only the voiceprint routes read it.
    embedding: Mapped[list | None] = mapped_column(JSON, deferred=True)
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


class CalendarEvent(Base):
    """One occurrence of a calendar event, as last synced from its source (ics feed or DingTalk)."""

    __tablename__ = "calendar_events"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(String(300))
    uid: Mapped[str] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(String(500))
    start_at: Mapped[datetime] = mapped_column(AwareDateTime, index=True)
    end_at: Mapped[datetime] = mapped_column(AwareDateTime, index=True)
    timezone: Mapped[str] = mapped_column(String(64))
    organiser: Mapped[dict | None] = mapped_column(JSON)  # {name, email, union_id}
    attendees: Mapped[list] = mapped_column(JSON, default=list)
    location: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    synced_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    agenda_sent_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    __table_args__ = (UniqueConstraint("source", "uid", name="uq_calendar_events_source_uid"),)


class MeetingAttendee(Base):
    """Who attended: given at upload or by the calendar; candidates for speakers and owners."""

    __tablename__ = "meeting_attendees"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    role: Mapped[str | None] = mapped_column(String(200))
    timezone: Mapped[str | None] = mapped_column(String(64))  # IANA; None = the meeting's
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    manager: Mapped[str | None] = mapped_column(String(200))  # their direct manager's name (「你老闆」)


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
    owner: Mapped[str | None] = mapped_column(String(200))  # None: nobody could be named (never guessed)
    task: Mapped[str] = mapped_column(Text)
    # ISO date, or ISO date-time with offset in the meeting's time zone (assistant/deadlines.py)
    deadline: Mapped[str | None] = mapped_column(String(32))
    priority: Mapped[str] = mapped_column(String(8), default="app")
    turn: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    # The directory person who owns the item, when a reviewer chose one (owners are never guessed).
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Job(Base):
    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    # queued | running | retrying | done | no_speech | failed | cancelled
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
    # The worker running it ("host:pid:token") until the lease expires; renewed by its heartbeat.
    leased_by: Mapped[str | None] = mapped_column(String(100))
    lease_expires_at: Mapped[datetime | None] = mapped_column(AwareDateTime, index=True)
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


class Person(Base):
    """The people directory: who can own a task, how to reach them on DingTalk, how they sound."""

    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    aliases: Mapped[list] = mapped_column(JSON, default=list)  # 陳生, Peter Chan, 阿 Peter
    role: Mapped[str | None] = mapped_column(String(200))
    team: Mapped[str | None] = mapped_column(String(200))
    mobile: Mapped[str | None] = mapped_column(String(32))
    dingtalk_user_id: Mapped[str | None] = mapped_column(String(64), index=True)
    dingtalk_union_id: Mapped[str | None] = mapped_column(String(64))
    manager_user_id: Mapped[str | None] = mapped_column(String(64))  # DingTalk userId of the direct manager
    timezone: Mapped[str | None] = mapped_column(String(64))  # IANA; None = the service's (Asia/Hong_Kong)
    # Their account here: meetings where they speak count as attended (assistant/access.py).
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now, onupdate=now)
    version: Mapped[int] = mapped_column(Integer, default=1)
    voiceprints: Mapped[list[Voiceprint]] = relationship(
        cascade="all, delete-orphan", order_by="Voiceprint.id", passive_deletes=True
    )


class Voiceprint(Base):
    """One speaker embedding of a person. Only compared with embeddings of the same ``model``."""

    __tablename__ = "voiceprints"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    model: Mapped[str] = mapped_column(String(100))
    vector: Mapped[list] = mapped_column(JSON)
    speech_s: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(16))  # clip | meeting | folder
    source_ref: Mapped[str | None] = mapped_column(String(300))  # file name or meeting id
    consent_by: Mapped[str | None] = mapped_column(String(200))
    consent_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)


class Delivery(Base):
    """One approved action item on its way to its owner on DingTalk, and what became of it."""

    __tablename__ = "deliveries"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("action_items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(200))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    user_id: Mapped[str | None] = mapped_column(String(64))
    union_id: Mapped[str | None] = mapped_column(String(64))
    manager_user_id: Mapped[str | None] = mapped_column(String(64))
    source_id: Mapped[str] = mapped_column(String(64))
    # pending | created | already_existed | failed | unresolved
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    candidates: Mapped[list] = mapped_column(JSON, default=list)  # [{person_id, name, user_id}] to choose from
    task_id: Mapped[str | None] = mapped_column(String(64))
    ding_requested: Mapped[str | None] = mapped_column(String(8))  # call | sms | app
    ding_sent: Mapped[str | None] = mapped_column(String(8))
    ding_downgraded: Mapped[bool] = mapped_column(Boolean, default=False)
    ding_error: Mapped[str | None] = mapped_column(String(200))
    sent_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    follow_up_due_at: Mapped[datetime | None] = mapped_column(AwareDateTime, index=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    disputed_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    dispute_reason: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    flagged_at: Mapped[datetime | None] = mapped_column(AwareDateTime)  # 失聯風險
    reminded_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    escalated_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    manager_task_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    events: Mapped[list[DeliveryEvent]] = relationship(
        cascade="all, delete-orphan", order_by="DeliveryEvent.id", passive_deletes=True
    )
    __table_args__ = (
        UniqueConstraint("meeting_id", "item_id", name="uq_deliveries_meeting_item"),
        UniqueConstraint("source_id", name="uq_deliveries_source_id"),
    )


class OutboxOperation(Base):
    """A DingTalk call written before it is made and marked done after (exactly once across crashes).

    ``key`` is unique, so an operation is never written twice; ``state`` goes pending → sending →
    done | failed | uncertain (a non-idempotent call, e.g. DING, cut off mid-way: never re-sent).
    """

    __tablename__ = "dingtalk_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    delivery_id: Mapped[str] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # todo | ding | card | reminder | manager_todo | retract
    key: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    leased_by: Mapped[str | None] = mapped_column(String(100))  # the delivery worker while ``sending``
    lease_expires_at: Mapped[datetime | None] = mapped_column(AwareDateTime, index=True)
    __table_args__ = (UniqueConstraint("key", name="uq_dingtalk_outbox_key"),)


class DeliveryEvent(Base):
    """Append-only trail: who was told what, when, and when they answered."""

    __tablename__ = "delivery_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    delivery_id: Mapped[str] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str | None] = mapped_column(String(64))  # DingTalk userId of whoever acted or was told
    message: Mapped[str | None] = mapped_column(Text)


class User(Base):
    """A local or single-sign-on account. ``role`` is admin | manager | member."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200))  # None: single sign-on only
    role: Mapped[str] = mapped_column(String(16), default="member")
    team: Mapped[str | None] = mapped_column(String(200))
    oidc_subject: Mapped[str | None] = mapped_column(String(300), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)


class UserSession(Base):
    """A signed-in browser. ``id`` is the sha256 of the cookie's value, so a database copy opens nothing."""

    __tablename__ = "user_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    ip: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    expires_at: Mapped[datetime] = mapped_column(AwareDateTime)


class ApiToken(Base):
    """A personal API token for scripts and recorders; only its sha256 is kept."""

    __tablename__ = "api_tokens"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # shown in lists to tell tokens apart
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=now)
    last_used_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(AwareDateTime)


class MeetingAccess(Base):
    """A user listed on a meeting: ``kind`` is attendee or shared."""

    __tablename__ = "meeting_access"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)


class AuditEvent(Base):
    """Append-only: nothing updates or deletes rows except retention (``assistant/audit.py``)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime, default=now, index=True)
    # No foreign key: the record outlives the account and the meeting.
    user_id: Mapped[str | None] = mapped_column(String(32), index=True)
    username: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str | None] = mapped_column(String(100), index=True)
    outcome: Mapped[str] = mapped_column(String(16))  # allowed | denied | failed
    ip: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(Text)
