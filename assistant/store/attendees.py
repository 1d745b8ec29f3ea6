"""A meeting's attendees in the database, linked to the people directory, and owners' time zones."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.minutes import Attendee
from assistant.store.models import Meeting, MeetingAttendee, Person


def _directory(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).order_by(Person.name, Person.id)))


def _known_as(person: Person, names: set[str]) -> bool:
    return any(n.casefold() in names for n in (person.name, *(person.aliases or [])))


def link(session: Session, attendee: Attendee, directory: Sequence[Person] | None = None) -> Attendee:
    """The attendee with the one directory person of that name or alias (their id, role, time zone,
    aliases and direct manager's name filled where the attendee left them empty); unchanged when none
    or several match."""
    directory = _directory(session) if directory is None else directory
    person = next((p for p in directory if p.id == attendee.person_id), None)
    if person is None:
        names = {n.casefold() for n in (attendee.name, *attendee.aliases)}
        found = [p for p in directory if _known_as(p, names)]
        person = found[0] if len(found) == 1 else None
    if person is None:
        return Attendee(attendee.name, list(attendee.aliases), attendee.role, attendee.timezone, None, attendee.manager)
    aliases = [a for a in dict.fromkeys([*attendee.aliases, *(person.aliases or []), person.name])
               if a != attendee.name]
    manager = next((p.name for p in directory if person.manager_user_id and p.dingtalk_user_id == person.manager_user_id), None)
    return Attendee(attendee.name, aliases, attendee.role or person.role or "",
                    attendee.timezone or person.timezone, person.id, attendee.manager or manager)


def set_attendees(session: Session, meeting: Meeting, attendees: Sequence[Attendee]) -> list[Attendee]:
    """Replace the meeting's attendees (linked to the directory); returns them as stored.
    The caller bumps the meeting's version when this is an edit."""
    directory = _directory(session)
    linked = [link(session, a, directory) for a in attendees]
    meeting.attendees.clear()
    session.flush()
    meeting.attendees.extend(
        MeetingAttendee(position=i, name=a.name, aliases=a.aliases, role=a.role or None, timezone=a.timezone,
                        person_id=a.person_id, manager=a.manager)
        for i, a in enumerate(linked)
    )
    return linked


def attendees_of(meeting: Meeting) -> list[Attendee]:
    return [Attendee(a.name, list(a.aliases or []), a.role or "", a.timezone, a.person_id, a.manager)
            for a in meeting.attendees]


def owner_timezone(session: Session, meeting: Meeting, owner: str | None, person_id: str | None = None) -> str | None:
    """The IANA zone of an item's owner: the person a reviewer chose, else the attendee or the one
    directory person called ``owner``; None when unknown (the meeting's zone applies)."""
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is not None and person.timezone:
            return person.timezone
    if not owner:
        return None
    key = owner.strip().casefold()
    for a in meeting.attendees:
        if key in {n.casefold() for n in (a.name, *(a.aliases or []))}:
            if a.timezone:
                return a.timezone
            if a.person_id and (person := session.get(Person, a.person_id)) is not None:
                return person.timezone
            return None
    found = [p for p in _directory(session) if _known_as(p, {key})]
    return found[0].timezone if len(found) == 1 else None


def owner_zones(session: Session, meeting: Meeting) -> dict[str, str | None]:
    """Item id → its owner's IANA zone (None when unknown)."""
    return {a.id: owner_timezone(session, meeting, a.owner, a.person_id) for a in meeting.action_items}
