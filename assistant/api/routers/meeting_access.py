"""Who may open a meeting: its team, sensitivity, attendees and the people it is shared with."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assistant.accounts.users import users_by_name
from assistant.api.account_schemas import MeetingAccessIn, MeetingAccessOut
from assistant.api.dependencies import ManagedMeetingDep, SessionDep
from assistant.api.schemas import ErrorOut
from assistant.store.models import Meeting, MeetingAccess, User

router = APIRouter(prefix="/api/meetings/{meeting_id}/access", tags=["access"])
ERRORS = {403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 422: {"model": ErrorOut}}


def _access(session: Session, meeting: Meeting) -> MeetingAccessOut:
    rows = session.execute(
        select(MeetingAccess.kind, User.username).join(User, User.id == MeetingAccess.user_id)
        .where(MeetingAccess.meeting_id == meeting.id).order_by(User.username)
    ).all()
    owner = session.get(User, meeting.owner_id) if meeting.owner_id else None
    return MeetingAccessOut(
        owner=owner.username if owner else None, team=meeting.team, sensitive=meeting.sensitive,
        attendees=[name for kind, name in rows if kind == "attendee"],
        shared_with=[name for kind, name in rows if kind == "shared"],
    )


@router.get("", response_model=MeetingAccessOut, responses=ERRORS, summary="Who may open this meeting")
def get_access(meeting: ManagedMeetingDep, session: SessionDep) -> MeetingAccessOut:
    return _access(session, meeting)


@router.put("", response_model=MeetingAccessOut, responses=ERRORS,
            summary="Set team, sensitivity, attendees and shares (owner, team manager or admin)")
def put_access(body: MeetingAccessIn, meeting: ManagedMeetingDep, session: SessionDep) -> MeetingAccessOut:
    attendees = users_by_name(session, body.attendees)
    shared = users_by_name(session, body.shared_with)
    meeting.team = body.team or None
    meeting.sensitive = body.sensitive
    session.execute(delete(MeetingAccess).where(MeetingAccess.meeting_id == meeting.id))
    for kind, users in (("attendee", attendees), ("shared", shared)):
        for user_id in {u.id for u in users}:
            session.add(MeetingAccess(meeting_id=meeting.id, user_id=user_id, kind=kind))
    session.commit()
    return _access(session, meeting)
