"""Calendar events (synced from iCalendar feeds and DingTalk Calendar) and the event a meeting is of."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from assistant.api.dependencies import AdminDep, ManagedMeetingDep, MeetingDep, ServiceDep, SessionDep
from assistant.api.schemas import ErrorOut
from assistant.store.calendar import get_event, link_event
from assistant.store.errors import Conflict
from assistant.store.models import LOCAL_TZ, CalendarEvent

router = APIRouter(tags=["calendar"])
ERRORS = {403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}}


class EventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    source: str
    title: str
    start_at: datetime
    end_at: datetime
    timezone: str = Field(description="The IANA zone it was scheduled in.")
    organiser: dict | None
    attendees: list[dict]
    location: str | None


class MeetingEvent(BaseModel):
    event: EventOut | None = Field(description="The event the recording is of, when known.")
    candidates: list[EventOut] = Field(description="Events it may be of (an ambiguous match): choose one.")
    version: int


class EventChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event_id: str = Field(max_length=32)
    version: int


class SyncOut(BaseModel):
    source: str
    events: int
    error: str | None


@router.get("/api/calendar/events", response_model=list[EventOut], summary="Synced events, by start time")
def list_events(session: SessionDep, day_from: Annotated[date | None, Query(alias="from")] = None,
                day_to: Annotated[date | None, Query(alias="to")] = None) -> list[EventOut]:
    start = datetime.combine(day_from or date.today() - timedelta(days=1), time(0), LOCAL_TZ)
    end = datetime.combine(day_to or start.date() + timedelta(days=7), time(0), LOCAL_TZ) + timedelta(days=1)
    rows = session.scalars(select(CalendarEvent).where(CalendarEvent.start_at >= start, CalendarEvent.start_at < end)
                           .order_by(CalendarEvent.start_at).limit(500))
    return [EventOut.model_validate(r) for r in rows]


@router.post("/api/calendar/syncs", response_model=list[SyncOut], responses=ERRORS,
             summary="Sync the configured calendars now (they also sync every 15 minutes)")
def sync_now(service: ServiceDep, admin: AdminDep) -> list[SyncOut]:
    return [SyncOut(source=r.source, events=r.events, error=r.error) for r in service.sync_calendar()]


def meeting_event(session, meeting) -> MeetingEvent:
    event = session.get(CalendarEvent, meeting.event_id) if meeting.event_id else None
    candidates = [c for i in meeting.event_candidates or [] if (c := session.get(CalendarEvent, i)) is not None]
    return MeetingEvent(event=EventOut.model_validate(event) if event else None,
                        candidates=[EventOut.model_validate(c) for c in candidates], version=meeting.version)


@router.get("/api/meetings/{meeting_id}/event", response_model=MeetingEvent, responses=ERRORS,
            summary="The calendar event a meeting is of, or the events to choose from")
def get_meeting_event(meeting: MeetingDep, session: SessionDep) -> MeetingEvent:
    return meeting_event(session, meeting)


@router.put("/api/meetings/{meeting_id}/event", response_model=MeetingEvent, responses=ERRORS,
            summary="Say which event the meeting is of: its title, date and attendees follow (reprocess to rename)")
def put_meeting_event(body: EventChoice, meeting: ManagedMeetingDep, session: SessionDep) -> MeetingEvent:
    if body.version != meeting.version:
        raise Conflict(f"changed by someone else (now version {meeting.version}, you sent {body.version})")
    link_event(session, meeting, get_event(session, body.event_id))
    session.commit()
    return meeting_event(session, meeting)
