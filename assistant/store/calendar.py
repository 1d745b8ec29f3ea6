"""Calendar events in the database, and meetings linked to them (title, date, attendees, organiser)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.calendar.events import Event, Participant
from assistant.minutes import Attendee
from assistant.store.attendees import set_attendees
from assistant.store.db import fetch
from assistant.store.meetings import new_id
from assistant.store.models import LOCAL_TZ, CalendarEvent, Meeting, MeetingAccess, Person, now


def save_events(session: Session, source: str, events: Sequence[Event], start: datetime, end: datetime) -> int:
    """Make the stored events of ``source`` starting in [start, end) exactly ``events``; returns how many."""
    stored = {e.uid: e for e in session.scalars(select(CalendarEvent).where(
        CalendarEvent.source == source, CalendarEvent.start_at >= start, CalendarEvent.start_at < end))}
    seen = set()
    for e in events:
        row = stored.get(e.uid) or session.scalar(
            select(CalendarEvent).where(CalendarEvent.source == source, CalendarEvent.uid == e.uid))
        if row is None:
            row = CalendarEvent(id=new_id(), source=source, uid=e.uid)
            session.add(row)
        row.title, row.start_at, row.end_at, row.timezone = e.title[:500] or "（無標題）", e.start, e.end, e.timezone
        row.organiser = asdict(e.organiser) if e.organiser else None
        row.attendees = [asdict(a) for a in e.attendees]
        row.location, row.description, row.synced_at = e.location[:300] or None, e.description or None, now()
        seen.add(e.uid)
    for uid, row in stored.items():  # cancelled or deleted at the source
        if uid not in seen:
            session.delete(row)
    session.flush()
    return len(seen)


def to_event(row: CalendarEvent) -> Event:
    return Event(row.source, row.uid, row.title, row.start_at, row.end_at, row.timezone,
                 Participant(**row.organiser) if row.organiser else None,
                 tuple(Participant(**a) for a in row.attendees or []), row.location or "", row.description or "")


def events_around(session: Session, moment: datetime, hours: float = 12) -> list[CalendarEvent]:
    from datetime import timedelta

    span = timedelta(hours=hours)
    return list(session.scalars(select(CalendarEvent).where(
        CalendarEvent.start_at <= moment + span, CalendarEvent.end_at >= moment - span).order_by(CalendarEvent.start_at)))


def get_event(session: Session, event_id: str) -> CalendarEvent:
    return fetch(session, CalendarEvent, event_id, "calendar event")


def _directory_person(people: Sequence[Person], p: Participant) -> Person | None:
    if p.union_id:
        found = [x for x in people if x.dingtalk_union_id == p.union_id]
        if found:
            return found[0]
    key = p.name.strip().casefold()
    found = [x for x in people if key in {n.casefold() for n in (x.name, *(x.aliases or []))}]
    return found[0] if len(found) == 1 else None


def organiser_person(session: Session, row: CalendarEvent) -> Person | None:
    if not row.organiser:
        return None
    return _directory_person(list(session.scalars(select(Person))), Participant(**row.organiser))


def link_event(session: Session, meeting: Meeting, row: CalendarEvent, title_from_event: bool = True) -> None:
    """The meeting is of event ``row``: its title (unless one was typed), date and attendees come from it."""
    people = list(session.scalars(select(Person)))
    meeting.event_id, meeting.event_candidates = row.id, []
    if title_from_event:
        meeting.title = row.title[:300]
    meeting.meeting_date = row.start_at.astimezone(LOCAL_TZ).date().isoformat()
    participants = [*([Participant(**row.organiser)] if row.organiser else []),
                    *(Participant(**a) for a in row.attendees or [])]
    attendees: dict[str, Attendee] = {}
    for i, p in enumerate(participants):
        person = _directory_person(people, p)
        name = person.name if person else p.name
        zone = person.timezone if person and person.timezone else None
        if zone is None and i == 0 and row.organiser and row.timezone != LOCAL_TZ.key:
            zone = row.timezone  # the organiser scheduled it in their own zone
        if name not in attendees:
            attendees[name] = Attendee(name, [p.name] if person and p.name != person.name else [],
                                       person.role or "" if person else "", zone, person.id if person else None)
    set_attendees(session, meeting, list(attendees.values()))
    _list_accounts(session, meeting, [a.person_id for a in attendees.values() if a.person_id])
    meeting.version += 1


def _list_accounts(session: Session, meeting: Meeting, person_ids: list[str]) -> None:
    """The event's attendees who have accounts may read the meeting (see access.py)."""
    users = set(session.scalars(select(Person.user_id).where(Person.id.in_(person_ids), Person.user_id.is_not(None))))
    listed = set(session.scalars(select(MeetingAccess.user_id).where(
        MeetingAccess.meeting_id == meeting.id, MeetingAccess.kind == "attendee")))
    for user_id in users - listed:
        session.add(MeetingAccess(meeting_id=meeting.id, user_id=user_id, kind="attendee"))
