"""Who may do what with a meeting: the one access policy, for pages, API, exports, search and audio.

- admin: everything.
- manager: meetings of their team, and those they own, attended or were shared.
- member: meetings they own (uploaded), attended or were shared.
Attendees are the accounts listed on the meeting. Who may read changes only through the access route
(``PUT /api/meetings/{id}/access``, manage right) or by linking the meeting to its calendar event
(the matcher, or ``PUT /api/meetings/{id}/event``, also manage right), which lists the event's
attendees linked to accounts. Naming a speaker, linking them to a directory person or editing the
attendee list (edits) grants nobody anything, even when that person is linked to an account.
A sensitive meeting opens (transcript, audio, exports, edits) only for its owner, attendees who are
managers, and admins; anyone else who would see it learns at most that it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true
from sqlalchemy.orm import Session

from assistant.store.models import Meeting, MeetingAccess, User


class Action(StrEnum):
    SEE = "see"  # that it exists: title, date, status
    READ = "read"  # transcript, minutes, audio, exports
    EDIT = "edit"  # speakers, turns, to-dos, approval, reprocessing, pushing
    MANAGE = "manage"  # delete, sensitivity, attendees and shares


@dataclass(frozen=True)
class Relation:
    owner: bool
    attendee: bool
    shared: bool
    team: bool  # the meeting belongs to the team this user manages


def relation(session: Session, user: User, meeting: Meeting) -> Relation:
    kinds = set(session.scalars(
        select(MeetingAccess.kind).where(MeetingAccess.meeting_id == meeting.id, MeetingAccess.user_id == user.id)
    ))
    return Relation(
        owner=meeting.owner_id is not None and meeting.owner_id == user.id,
        attendee="attendee" in kinds,
        shared="shared" in kinds,
        team=user.role == "manager" and user.team is not None and meeting.team == user.team,
    )


def allows(user: User, meeting: Meeting, action: Action, rel: Relation) -> bool:
    if user.role == "admin":
        return True
    if not (rel.owner or rel.attendee or rel.shared or rel.team):
        return False
    if action is Action.SEE:
        return True
    if meeting.sensitive and not (rel.owner or (rel.attendee and user.role == "manager")):
        return False
    if action is Action.READ:
        return True
    if action is Action.EDIT:
        return rel.owner or rel.attendee or rel.team
    return rel.owner or rel.team


def _listed(user: User, kind: str | None = None) -> ColumnElement[bool]:
    where = [MeetingAccess.meeting_id == Meeting.id, MeetingAccess.user_id == user.id]
    if kind is not None:
        where.append(MeetingAccess.kind == kind)
    return exists().where(*where)


def visible(user: User) -> ColumnElement[bool]:
    """SQL condition: meetings this user may see exist (the listing)."""
    if user.role == "admin":
        return true()
    team = Meeting.team == user.team if user.role == "manager" and user.team else false()
    return or_(Meeting.owner_id == user.id, _listed(user), team)


def readable(user: User) -> ColumnElement[bool]:
    """SQL condition: meetings whose content (transcript, search hits in it) this user may read."""
    if user.role == "admin":
        return true()
    privileged = or_(Meeting.owner_id == user.id, _listed(user, "attendee")) if user.role == "manager" \
        else Meeting.owner_id == user.id
    return and_(visible(user), or_(Meeting.sensitive.is_(False), privileged))
