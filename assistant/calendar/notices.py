"""DingTalk work notices from the calendar: the organiser learns the to-do table is ready for review
(nothing is pushed before someone approves it), and, when switched on, attendees get the agenda
before the meeting."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select

from assistant.config import Settings
from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.errors import DingTalkError
from assistant.store.calendar import organiser_person
from assistant.store.models import CalendarEvent, Meeting, Person, now
from assistant.store.store import Store

log = logging.getLogger(__name__)


def ready_text(meeting: Meeting, url: str) -> tuple[str, str]:
    """(title, markdown) of the notice to the organiser."""
    items = len(meeting.action_items)
    review = sum(1 for a in meeting.action_items if a.needs_review)
    title = f"會議記錄已整理好：{meeting.title}"[:100]
    text = (f"### {title}\n\n跟進事項 {items} 項" + (f"（{review} 項待核對）" if review else "")
            + f"。請打開 [審閱頁面]({url}) 核對並批准；批准之前唔會推送任何待辦。")
    return title, text


def notify_ready(store: Store, settings: Settings, client: DingTalkClient, meeting_id: str) -> bool:
    """Tell the organiser of the meeting's event; True when a notice went out. Sent once per meeting."""
    with store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None or meeting.event_id is None or meeting.ready_notified_at is not None:
            return False
        event = session.get(CalendarEvent, meeting.event_id)
        person = organiser_person(session, event) if event else None
        if person is None or not person.dingtalk_user_id:
            log.info("meeting %s: organiser not in the directory with a DingTalk id; no notice", meeting_id)
            return False
        title, text = ready_text(meeting, f"{settings.web_base_url.rstrip('/')}/meetings/{meeting.id}")
        user_id = person.dingtalk_user_id
    try:
        client.send_work_notification([user_id], title, text)
    except (DingTalkError, ValueError) as exc:
        log.warning("meeting %s: ready notice not sent: %s", meeting_id, exc)
        return False
    with store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is not None:
            meeting.ready_notified_at = now()
            session.commit()
    return True


def send_agendas(store: Store, settings: Settings, client: DingTalkClient, at: datetime | None = None) -> int:
    """Agenda notices for events starting within ``calendar.agenda_minutes_before``; returns how many."""
    at = at or now()
    soon = at + timedelta(minutes=settings.calendar.agenda_minutes_before)
    sent = 0
    with store.session() as session:
        people = list(session.scalars(select(Person)))
        by_union = {p.dingtalk_union_id: p for p in people if p.dingtalk_union_id}
        for event in session.scalars(select(CalendarEvent).where(
                CalendarEvent.start_at > at, CalendarEvent.start_at <= soon, CalendarEvent.agenda_sent_at.is_(None))):
            users = sorted({p.dingtalk_user_id for a in event.attendees or []
                            if (p := by_union.get(a.get("union_id"))) and p.dingtalk_user_id})
            if not users or not event.description:
                continue
            title = f"會議議程：{event.title}"[:100]
            text = f"### {title}\n\n{event.start_at:%m月%d日 %H:%M} 開始\n\n{event.description}"
            try:
                client.send_work_notification(users, title, text)
            except (DingTalkError, ValueError) as exc:
                log.warning("agenda for %s not sent: %s", event.id, exc)
                continue
            event.agenda_sent_at = now()
            sent += 1
        session.commit()
    return sent
