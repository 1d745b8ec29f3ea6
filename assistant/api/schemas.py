"""Request and response bodies."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.store.jobs import remaining_seconds
from assistant.store.models import Job, JobEvent, Meeting, Speaker

Priority = Literal["call", "sms", "app"]
# Speaker colours, in speaker order; the page and the DOCX export use the same list.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22")


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


class ActionItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    owner: str
    task: str
    deadline: str | None
    priority: Priority
    turn: int | None
    version: int


class MeetingDetail(MeetingFields):
    approved_at: datetime | None
    version: int
    job: JobOut | None
    audio_url: str
    minutes: dict[str, Any] | None = Field(None, description="When done: the minutes, in minutes.json shape.")
    speakers: list[SpeakerOut] = Field(default_factory=list, description="Speakers with edit versions.")
    turn_versions: list[int] = Field(default_factory=list, description="Edit version of each turn, by index.")
    action_items: list[ActionItemOut] = Field(default_factory=list, description="To-dos with ids and versions.")

    @classmethod
    def of(cls, meeting: Meeting, job: Job | None, minutes: dict[str, Any] | None) -> MeetingDetail:
        done = minutes is not None
        return cls(
            id=meeting.id, title=meeting.title, filename=meeting.filename, status=meeting.status,
            created_at=meeting.created_at, meeting_date=meeting.meeting_date, approved_at=meeting.approved_at,
            version=meeting.version, job=JobOut.of(job) if job else None,
            audio_url=f"/api/meetings/{meeting.id}/audio", minutes=minutes,
            speakers=[SpeakerOut.of(s) for s in meeting.speakers] if done else [],
            turn_versions=[t.version for t in meeting.turns] if done else [],
            action_items=[ActionItemOut.model_validate(a) for a in meeting.action_items] if done else [],
        )


class Versioned(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(description="The version you last read; a different current version gives 409.")


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
    owner: str = Field(min_length=1, max_length=200)
    task: str = Field(min_length=1, max_length=2000)
    deadline: date | None = None
    priority: Priority = "app"
    turn: int | None = Field(None, ge=0, description="Index of the turn that is the evidence.")


class ActionItemPatch(Versioned):
    owner: str | None = Field(None, min_length=1, max_length=200)
    task: str | None = Field(None, min_length=1, max_length=2000)
    deadline: date | None = None
    priority: Priority | None = None
    turn: int | None = Field(None, ge=0)


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
