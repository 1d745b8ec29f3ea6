"""Who attended a meeting: read and replace the list (names, aliases, roles, time zones)."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.dependencies import MeetingDep, SessionDep
from assistant.api.schemas import AttendeeOut, AttendeesIn, AttendeesOut, ErrorOut
from assistant.minutes import Attendee
from assistant.store.attendees import set_attendees
from assistant.store.errors import Conflict
from assistant.store.models import Meeting

router = APIRouter(prefix="/api/meetings/{meeting_id}/attendees", tags=["attendees"])
ERRORS = {404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}}


def _out(meeting: Meeting) -> AttendeesOut:
    return AttendeesOut(attendees=[AttendeeOut.model_validate(a) for a in meeting.attendees], version=meeting.version)


@router.get("", response_model=AttendeesOut, responses=ERRORS, summary="Who attended")
def get_attendees(meeting: MeetingDep) -> AttendeesOut:
    return _out(meeting)


@router.put("", response_model=AttendeesOut, responses=ERRORS,
            summary="Replace the attendees; they name speakers and owners when the meeting is (re)processed")
def put_attendees(body: AttendeesIn, meeting: MeetingDep, session: SessionDep) -> AttendeesOut:
    if body.version != meeting.version:
        raise Conflict(f"changed by someone else (now version {meeting.version}, you sent {body.version})")
    set_attendees(session, meeting, [Attendee(a.name, a.aliases, a.role, a.timezone, a.person_id, a.manager)
                                     for a in body.attendees])
    meeting.version += 1
    session.commit()
    return _out(meeting)
