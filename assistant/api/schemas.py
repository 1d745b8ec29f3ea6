"""Request and response bodies."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from assistant import deadlines
from assistant.store.jobs import remaining_seconds
from assistant.store.models import ActionItem, Job, JobEvent, Meeting, Speaker

Priority = Literal["call", "sms", "app"]
# Speaker colours, in speaker order; the page and the DOCX export use the same list.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22")


def _deadline(value: str | None) -> str | None:
    if value:
        deadlines.parse(value)
    return value or None


def _visible(value: str | None) -> str | None:
    """A name with control and invisible format characters (NUL, BEL, zero-width space) removed;
    ValueError when nothing visible is left."""
    if value is None:
        return None
    cleaned = "".join(c for c in value if unicodedata.category(c) not in ("Cc", "Cf")).strip()
    if not cleaned:
        raise ValueError("the name has no visible characters")
    return cleaned


def _timezone(value: str | None) -> str | None:
    return deadlines.check_timezone(value) if value else None


Deadline = Annotated[str, Field(max_length=40, description="ISO date (2026-03-13), or ISO date-time with "
                                "offset (2026-03-13T17:00:00+08:00) when a time was said; stored in "
                                "Hong Kong time."), AfterValidator(_deadline)]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_visible)]
TimeZone = Annotated[str, Field(max_length=64, description="IANA time zone, e.g. Europe/London."),
                     AfterValidator(_timezone)]


class JobOut(BaseModel):
    id: str
    state: Literal["queued", "running", "retrying", "done", "no_speech", "failed", "cancelled"]
    stage: str | None
    percent: float = Field(description="Overall progress, 0–100.")
    eta_seconds: float | None = Field(None, description="Estimated seconds left while running, from progress so far.")
    attempts: int
    max_attempts: int
    error: str | None
    next_attempt_at: datetime | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    url: str

    @classmethod
    def of(cls, job: Job) -> JobOut:
        return cls(
            id=job.id, state=job.state, stage=job.stage, percent=round(job.progress * 100, 1),
            eta_seconds=remaining_seconds(job),
            attempts=job.attempts, max_attempts=job.max_attempts, error=job.error,
            next_attempt_at=job.next_attempt_at, created_at=job.created_at, started_at=job.started_at,
            finished_at=job.finished_at, url=f"/api/jobs/{job.id}",
        )


class JobEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    at: datetime
    kind: str
    stage: str | None
    message: str | None


class JobDetail(JobOut):
    meeting_id: str
    events: list[JobEventOut]

    @classmethod
    def of_detail(cls, job: Job, events: list[JobEvent]) -> JobDetail:
        return cls(**JobOut.of(job).model_dump(), meeting_id=job.meeting_id,
                   events=[JobEventOut.model_validate(e) for e in events])


class Accepted(BaseModel):
    id: str
    status: str
    status_url: str
    job: JobOut


class MeetingFields(BaseModel):
    id: str
    title: str
    filename: str
    status: str
    created_at: datetime
    meeting_date: str | None


class MeetingSummary(MeetingFields):
    # A restricted (locked) meeting shows only its id, title and date: these are null.
    filename: str | None
    status: str | None
    created_at: datetime | None
    duration: float | None
    speakers: list[str]
    url: str
    snippet: str | None = Field(None, description="A turn matching the search, when searching.")
    restricted: bool = Field(False, description="Sensitive, and not open to you: only that it exists is shown.")


class MeetingPage(BaseModel):
    items: list[MeetingSummary]
    total: int
    page: int
    page_size: int


class SpeakerOut(BaseModel):
    id: str
    name: str | None
    talk_time: float
    color: str
    person_id: str | None = Field(description="The directory's person, when identified or confirmed.")
    confidence: float | None = Field(description="Voiceprint score of a suggested name; null once a person chose.")
    version: int

    @classmethod
    def of(cls, speaker: Speaker) -> SpeakerOut:
        return cls(id=speaker.id, name=speaker.name, talk_time=speaker.talk_time,
                   color=PALETTE[speaker.position % len(PALETTE)], person_id=speaker.person_id,
                   confidence=speaker.confidence, version=speaker.version)


class TurnOut(BaseModel):
    index: int
    speaker: str
    start: float
    end: float
    text: str
    version: int


# Integers in requests fit the database's 64-bit columns (larger ones are 422, not a driver error).
DB_INT_MAX = 2**63 - 1


class Versioned(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=0, le=DB_INT_MAX, description="The version you last read; a different current version gives 409.")


class AttendeeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Name
    aliases: list[Name] = Field(
        default_factory=list, max_length=30, description="Other names they are called by: Ivy, 陳小姐.")
    role: str = Field("", max_length=200)
    timezone: TimeZone | None = Field(None, description="Their IANA time zone; null: the meeting's.")
    person_id: str | None = Field(None, max_length=32, description="The directory person, when known.")
    manager: Name | None = Field(None, description="Their direct manager's name (who 「你老闆」 said to them is); "
                                 "null: the directory's, when linked.")


class AttendeeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    name: str
    aliases: list[str]
    role: str | None
    timezone: str | None
    person_id: str | None
    manager: str | None = None


class AttendeesIn(Versioned):
    attendees: list[AttendeeIn] = Field(max_length=200)

    @model_validator(mode="after")
    def _one_person_per_name(self) -> AttendeesIn:
        seen: dict[str, int] = {}
        for i, attendee in enumerate(self.attendees):
            for name in (attendee.name, *attendee.aliases):
                if seen.setdefault(name.casefold(), i) != i:
                    raise ValueError(f"{name!r} names two attendees; each name or alias must name one person")
        return self


class AttendeesOut(BaseModel):
    attendees: list[AttendeeOut]
    version: int


class ActionItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    owner: str | None = Field(description="Null: nobody could be named; choose one (attendees are offered).")
    task: str
    deadline: str | None = Field(description="ISO date, or ISO date-time with offset, in Hong Kong time.")
    deadline_text: str = Field("未定", description="As shown: with the owner's local time when their zone differs.")
    owner_timezone: str | None = Field(None, description="The owner's IANA zone, when known.")
    priority: Priority
    turn: int | None
    confidence: float
    needs_review: bool
    version: int

    @classmethod
    def of(cls, item: ActionItem, timezone: str, owner_timezone: str | None) -> ActionItemOut:
        out = cls.model_validate(item)
        out.owner_timezone = owner_timezone
        out.deadline_text = deadlines.display(item.deadline, timezone, owner_timezone)
        return out


class MeetingDetail(MeetingFields):
    approved_at: datetime | None
    version: int
    job: JobOut | None
    audio_url: str
    minutes: dict[str, Any] | None = Field(None, description="When done: the minutes, in minutes.json shape.")
    speakers: list[SpeakerOut] = Field(default_factory=list, description="Speakers with edit versions.")
    turn_versions: list[int] = Field(default_factory=list, description="Edit version of each turn, by index.")
    action_items: list[ActionItemOut] = Field(default_factory=list, description="To-dos with ids and versions.")
    attendees: list[AttendeeOut] = Field(default_factory=list)
    timezone: str = Field(description="The meeting's time zone: deadlines are stored in it.")

    @classmethod
    def of(cls, meeting: Meeting, job: Job | None, minutes: dict[str, Any] | None, timezone: str,
           owner_zones: dict[str, str | None] | None = None) -> MeetingDetail:
        done = minutes is not None
        zones = owner_zones or {}
        return cls(
            id=meeting.id, title=meeting.title, filename=meeting.filename, status=meeting.status,
            created_at=meeting.created_at, meeting_date=meeting.meeting_date, approved_at=meeting.approved_at,
            version=meeting.version, job=JobOut.of(job) if job else None,
            audio_url=f"/api/meetings/{meeting.id}/audio", minutes=minutes,
            speakers=[SpeakerOut.of(s) for s in meeting.speakers] if done else [],
            turn_versions=[t.version for t in meeting.turns] if done else [],
            action_items=[ActionItemOut.of(a, timezone, zones.get(a.id)) for a in meeting.action_items]
            if done else [],
            attendees=[AttendeeOut.model_validate(a) for a in meeting.attendees], timezone=timezone,
        )


class SpeakerPatch(Versioned):
    name: str | None = Field(None, max_length=100, description="Display name; empty or null clears it.")
    person_id: str | None = Field(
        None, max_length=32, description="Confirm or correct who this is (a directory id; null: nobody). "
        "Sets the name from the directory; a person can be only one speaker of a meeting."
    )


class TurnPatch(Versioned):
    text: str | None = Field(None, max_length=20_000)
    speaker: str | None = Field(None, max_length=64, description="Id of another speaker of this meeting.")


class ActionItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    owner: Name | None = Field(None, description="Null: nobody yet (marked for review).")
    task: str = Field(min_length=1, max_length=2000)
    deadline: Deadline | None = None
    priority: Priority = "app"
    turn: int | None = Field(None, ge=0, le=DB_INT_MAX, description="Index of the turn that is the evidence.")
    needs_review: bool = False


class ActionItemPatch(Versioned):
    owner: Name | None = None
    task: str | None = Field(None, min_length=1, max_length=2000)
    deadline: Deadline | None = None
    priority: Priority | None = None
    turn: int | None = Field(None, ge=0, le=DB_INT_MAX)
    needs_review: bool | None = Field(None, description="false once a reviewer has checked the item.")


class Approval(BaseModel):
    approved: bool
    approved_at: datetime | None
    version: int


class ErrorOut(BaseModel):
    detail: Any


class DeliveryEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    at: datetime
    kind: str
    actor: str | None = Field(description="DingTalk userId of whoever acted or was told.")
    message: str | None


class OwnerCandidate(BaseModel):
    person_id: str | None = Field(description="A directory entry, or null for a DingTalk user not in it yet.")
    name: str
    user_id: str | None


class DeliveryOut(BaseModel):
    """One approved item on its way to DingTalk: the push report and what its owner did since."""

    model_config = ConfigDict(from_attributes=True)
    item_id: str
    position: int
    owner: str
    source_id: str
    status: Literal["pending", "created", "already_existed", "failed", "unresolved"]
    state: Literal["pending", "unresolved", "failed", "disputed", "done", "confirmed", "escalated", "flagged",
                   "awaiting"]
    reason: str | None
    task_id: str | None
    ding: str | None = Field(description="The DING kind actually sent: call, sms or app.")
    ding_downgraded: bool
    candidates: list[OwnerCandidate]
    sent_at: datetime | None
    follow_up_due_at: datetime | None
    confirmed_at: datetime | None
    disputed_at: datetime | None
    dispute_reason: str | None
    done_at: datetime | None
    flagged_at: datetime | None = Field(description="When the owner was flagged 失聯風險 (lost-contact risk).")
    reminded_at: datetime | None
    escalated_at: datetime | None
    events: list[DeliveryEventOut]


class PushAccepted(BaseModel):
    meeting_id: str
    items: list[DeliveryOut]
    url: str = Field(description="Poll this for the per-item report.")


class OwnerChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person_id: str | None = Field(None, max_length=32)
    user_id: str | None = Field(None, max_length=64, description="A DingTalk user found by search.")
    name: str | None = Field(None, max_length=200)


class OwnerLink(BaseModel):
    item_id: str
    person_id: str
