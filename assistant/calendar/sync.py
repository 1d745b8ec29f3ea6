"""Calendar sources → the store, every ``calendar.sync_minutes`` and on demand; recordings → events."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from assistant.calendar import dingtalk, ical
from assistant.calendar.matching import Match, match
from assistant.config import Settings
from sqlalchemy.orm import Session

from assistant.store.calendar import events_around, link_event, save_events, to_event
from assistant.store.models import LOCAL_TZ, Meeting, now
from assistant.store.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncReport:
    source: str
    events: int
    error: str | None = None


def sync(store: Store, settings: Settings, client=None, at: datetime | None = None) -> list[SyncReport]:
    """Sync every configured source; a failing source is reported and leaves its stored events alone.
    ``client``: a DingTalkClient, needed when DingTalk calendars are configured."""
    cal = settings.calendar
    at = at or now()
    start, end = at - timedelta(days=cal.days_back), at + timedelta(days=cal.days_ahead)
    jobs = [(url, lambda url=url: ical.parse(ical.fetch(url, cal.timeout_s), url, start, end, settings.timezone))
            for url in cal.ics_urls]
    if client is not None:
        jobs += [(dingtalk.source(u), lambda u=u: dingtalk.events(client, u, start, end, settings.timezone))
                 for u in cal.dingtalk_union_ids]
    reports = []
    for source, load in jobs:
        try:
            found = load()
        except Exception as exc:  # one broken feed must not stop the others
            log.warning("calendar %s: %s", source, exc)
            reports.append(SyncReport(source, 0, f"{type(exc).__name__}: {exc}"))
            continue
        with store.session() as session:
            count = save_events(session, source, found, start, end)
            session.commit()
        reports.append(SyncReport(source, count))
    return reports


def match_meeting(session: Session, meeting: Meeting, started_at: datetime, room: str | None,
                  uploader: str | None, settings: Settings, title_typed: bool = False) -> Match:
    """Match the recording by start time (and room, uploader) against stored events: a confident
    match is linked (title, date, attendees), an ambiguous one leaves its candidates to choose from."""
    rows = {(r.source, r.uid): r for r in events_around(session, started_at)}
    result = match([to_event(r) for r in rows.values()], started_at.astimezone(LOCAL_TZ), room, uploader,
                   timedelta(minutes=settings.calendar.match_early_minutes))
    if result.kind == "confident":
        link_event(session, meeting, rows[result.event.source, result.event.uid], not title_typed)
    elif result.kind == "ambiguous":
        meeting.event_candidates = [rows[e.source, e.uid].id for e in result.candidates]
    return result
