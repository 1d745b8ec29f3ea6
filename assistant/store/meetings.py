"""Meetings and their minutes in the database: create, read, search, edit, delete."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    column,
    exists,
    func,
    inspect,
    or_,
    select,
    text,
    true,
    update,
)
from sqlalchemy.orm import Session

from assistant import deadlines
from assistant.minutes import ActionItem as ActionItemData
from assistant.minutes import Attendee
from assistant.minutes import Decision as DecisionData
from assistant.minutes import AudioSource, MeetingInfo, Minutes, Word
from assistant.minutes import Speaker as SpeakerData
from assistant.minutes import Turn as TurnData
from assistant.store.attendees import attendees_of, set_attendees
from assistant.store.blobs import StoredBlob
from assistant.store.db import fetch
from assistant.store.errors import Conflict, Invalid, NotFound
from assistant.store.models import LOCAL_TZ, ActionItem, Blob, Decision, Delivery, Meeting, Speaker, Turn, now

PRIORITIES = ("call", "sms", "app")
# FTS5 trigram needs at least three characters; shorter queries scan with LIKE.
TRIGRAM = 3


def new_id() -> str:
    return secrets.token_hex(8)


def create_meeting(
    session: Session,
    blob: StoredBlob,
    filename: str,
    content_type: str | None = None,
    title: str | None = None,
    meeting_date: str | None = None,
    attendees: Sequence[Attendee] = (),
) -> Meeting:
    if session.get(Blob, blob.sha256) is None:
        session.add(Blob(sha256=blob.sha256, size=blob.size))
    meeting = Meeting(
        id=new_id(),
        title=(title or Path(filename).stem or filename)[:300],
        filename=filename[:300],
        content_type=content_type,
        audio_sha256=blob.sha256,
        meeting_date=meeting_date or now().date().isoformat(),
        status="queued",
        version=1,
    )
    session.add(meeting)
    if attendees:
        set_attendees(session, meeting, attendees)
    return meeting


def get_meeting(session: Session, meeting_id: str) -> Meeting:
    return fetch(session, Meeting, meeting_id, "meeting")


def save_minutes(session: Session, meeting: Meeting, minutes: Minutes,
                 voices: Mapping[str, Sequence[float]] | None = None) -> None:
    """Replace whatever the meeting held with freshly processed minutes (and each speaker's voice, if given)."""
    for rows in (meeting.speakers, meeting.turns, meeting.decisions, meeting.action_items):
        rows.clear()
    session.flush()
    info = minutes.meeting
    meeting.duration = info.duration
    meeting.language = info.language
    meeting.models = info.models
    meeting.processed_at = info.processed_at
    meeting.audio_source = asdict(info.audio)
    meeting.meeting_date = info.date or meeting.meeting_date
    meeting.approved_at = None
    meeting.speakers.extend(
        Speaker(id=s.id, name=s.name, talk_time=s.talk_time, position=i, person_id=s.person_id,
                confidence=s.confidence, embedding=_vector((voices or {}).get(s.id)), version=1)
        for i, s in enumerate(minutes.speakers)
    )
    meeting.turns.extend(
        Turn(idx=i, speaker_id=t.speaker, start=t.start, end=t.end, text=t.text,
             words=[vars(w) for w in t.words], version=1)
        for i, t in enumerate(minutes.turns)
    )
    meeting.decisions.extend(Decision(idx=i, text=d.text, turn=d.turn) for i, d in enumerate(minutes.decisions))
    meeting.action_items.extend(
        ActionItem(id=new_id(), position=i, owner=(a.owner or "").strip() or None, task=a.task,
                   deadline=_stored_deadline(a.deadline, info.timezone), priority=a.priority, turn=a.turn,
                   confidence=a.confidence, needs_review=a.needs_review or not a.owner, version=1)
        for i, a in enumerate(minutes.action_items)
    )


def _stored_deadline(deadline: str | None, timezone: str) -> str | None:
    """Deadlines are kept in the meeting's time zone. One that is not ISO stays as it is, for a
    reviewer to fix: pushing reports it as invalid rather than guessing."""
    try:
        return deadlines.normalise(deadline, timezone or LOCAL_TZ.key)
    except ValueError:
        return deadline[:32] if deadline else None


def _vector(values: Sequence[float] | None) -> list[float] | None:
    return None if values is None else [round(float(x), 6) for x in values]


def to_minutes(meeting: Meeting) -> Minutes:
    return Minutes(
        meeting=MeetingInfo(
            source=meeting.filename,
            duration=meeting.duration or 0.0,
            language=meeting.language or "",
            models=meeting.models or {},
            processed_at=meeting.processed_at or "",
            date=meeting.meeting_date,
            timezone=LOCAL_TZ.key,
            attendees=attendees_of(meeting),
            audio=AudioSource(**(meeting.audio_source or {})),
            speech=meeting.status != "no_speech",
        ),
        speakers=[SpeakerData(s.id, s.name, s.talk_time, s.person_id, s.confidence) for s in meeting.speakers],
        turns=[
            TurnData(t.speaker_id, t.start, t.end, t.text, [Word(**w) for w in t.words or []])
            for t in meeting.turns
        ],
        decisions=[DecisionData(d.text, d.turn) for d in meeting.decisions],
        action_items=[
            ActionItemData(a.owner, a.task, a.deadline, a.priority, a.turn, a.confidence, a.needs_review)
            for a in meeting.action_items
        ],
    )


@dataclass(frozen=True)
class SearchQuery:
    q: str | None = None
    speaker: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    status: str | None = None


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _matching_turns(session: Session, q: str):
    # Postgres: ILIKE below is served by the pg_trgm index of migration 0006 (3+ characters).
    if session.get_bind().dialect.name == "sqlite" and len(q) >= TRIGRAM:
        phrase = '"' + q.replace('"', '""') + '"'
        rowids = text("SELECT rowid FROM turns_fts WHERE turns_fts MATCH :q").bindparams(q=phrase)
        return Turn.pk.in_(rowids.columns(column("rowid", Integer)))
    return Turn.text.ilike(_like(q), escape="\\")


def _filtered(session: Session, query: SearchQuery, scope: Scope) -> Select:
    stmt = select(Meeting).where(scope.visible)
    if query.q:
        q = query.q.strip()
        stmt = stmt.where(
            or_(
                Meeting.title.ilike(_like(q), escape="\\"),
                and_(scope.readable, exists().where(Turn.meeting_id == Meeting.id, _matching_turns(session, q))),
            )
        )
    if query.speaker:
        pattern = _like(query.speaker.strip())
        stmt = stmt.where(
            scope.readable,
            exists().where(
                Speaker.meeting_id == Meeting.id,
                or_(Speaker.name.ilike(pattern, escape="\\"), Speaker.id.ilike(pattern, escape="\\")),
            ),
        )
    if query.date_from:
        stmt = stmt.where(Meeting.meeting_date >= query.date_from.isoformat())
    if query.date_to:
        stmt = stmt.where(Meeting.meeting_date <= query.date_to.isoformat())
    if query.status:
        stmt = stmt.where(Meeting.status == query.status)
    return stmt


@dataclass(frozen=True)
class Scope:
    """Which meetings a search may list (``visible``) and look inside (``readable``); see assistant/access.py."""

    visible: ColumnElement[bool] = true()
    readable: ColumnElement[bool] = true()


def search(session: Session, query: SearchQuery, offset: int, limit: int,
           scope: Scope = Scope()) -> tuple[list[Meeting], int]:
    stmt = _filtered(session, query, scope)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(Meeting.created_at.desc(), Meeting.id).offset(offset).limit(limit))
    return list(rows), total


def first_match(session: Session, meeting_id: str, q: str) -> Turn | None:
    return session.scalars(
        select(Turn).where(Turn.meeting_id == meeting_id, _matching_turns(session, q.strip())).order_by(Turn.idx)
    ).first()


def _versioned_update(session: Session, model, row, version: int, **values) -> None:
    """Apply ``values`` only if nobody changed the row since ``version`` was read."""
    key = inspect(model).primary_key[0]
    result = session.execute(
        update(model)
        .where(key == inspect(row).identity[0], model.version == version)
        .values(**values, version=model.version + 1)
        .execution_options(synchronize_session=False)
    )
    session.refresh(row)
    if result.rowcount == 0:
        raise Conflict(f"changed by someone else (now version {row.version}, you sent {version})")


def _touch(meeting: Meeting) -> None:
    meeting.version += 1


def get_speaker(meeting: Meeting, speaker_id: str) -> Speaker:
    for s in meeting.speakers:
        if s.id == speaker_id:
            return s
    raise NotFound(f"speaker {speaker_id} not found in meeting {meeting.id}")


def get_turn(meeting: Meeting, index: int) -> Turn:
    if 0 <= index < len(meeting.turns):
        return meeting.turns[index]
    raise NotFound(f"turn {index} not found in meeting {meeting.id}")


def get_action_item(meeting: Meeting, item_id: str) -> ActionItem:
    for a in meeting.action_items:
        if a.id == item_id:
            return a
    raise NotFound(f"action item {item_id} not found in meeting {meeting.id}")


def rename_speaker(session: Session, meeting: Meeting, speaker_id: str, name: str | None, version: int) -> Speaker:
    speaker = get_speaker(meeting, speaker_id)
    # A typed name is no longer the directory person the speaker was linked to.
    _versioned_update(session, Speaker, speaker, version, name=(name or "").strip() or None, person_id=None,
                      confidence=None)
    _touch(meeting)
    return speaker


def _recount_talk_time(meeting: Meeting) -> None:
    totals: dict[str, float] = {}
    for t in meeting.turns:
        totals[t.speaker_id] = totals.get(t.speaker_id, 0.0) + (t.end - t.start)
    for s in meeting.speakers:
        s.talk_time = round(totals.get(s.id, 0.0), 3)


def update_turn(
    session: Session, meeting: Meeting, index: int, version: int, text: str | None, speaker: str | None
) -> Turn:
    turn = get_turn(meeting, index)
    values: dict = {}
    if speaker is not None and speaker != turn.speaker_id:
        if speaker not in {s.id for s in meeting.speakers}:
            raise Invalid(f"speaker {speaker} is not in this meeting")
        values["speaker_id"] = speaker
    if text is not None and text.strip() != turn.text:
        if not text.strip():
            raise Invalid("turn text cannot be empty")
        # Word timings belong to the recognised text; after an edit they would export the old words.
        values.update(text=text.strip(), words=[])
    if not values:
        if turn.version != version:
            raise Conflict(f"changed by someone else (now version {turn.version}, you sent {version})")
        return turn
    _versioned_update(session, Turn, turn, version, **values)
    if "speaker_id" in values:
        _recount_talk_time(meeting)
    _touch(meeting)
    return turn


def _frozen_check(meeting: Meeting) -> None:
    if meeting.approved_at is not None:
        raise Conflict("the action items are approved and frozen; reopen them to edit")


def _check_item(meeting: Meeting, values: dict) -> None:
    if "priority" in values and values["priority"] not in PRIORITIES:
        raise Invalid(f"priority must be one of {', '.join(PRIORITIES)}")
    if values.get("deadline"):
        try:
            values["deadline"] = deadlines.normalise(values["deadline"], LOCAL_TZ.key)
        except ValueError:
            raise Invalid("deadline must be an ISO date (YYYY-MM-DD) or date-time with offset "
                          "(2026-03-13T17:00:00+08:00)") from None
    turn = values.get("turn")
    if turn is not None and not 0 <= turn < len(meeting.turns):
        raise Invalid(f"turn {turn} does not exist")
    if "task" in values and not (values["task"] or "").strip():
        raise Invalid("task cannot be empty")
    if "owner" in values:  # empty: nobody named yet, to be chosen before approval
        values["owner"] = (values["owner"] or "").strip() or None


def add_action_item(session: Session, meeting: Meeting, values: dict) -> ActionItem:
    _frozen_check(meeting)
    _check_item(meeting, values)
    item = ActionItem(
        id=new_id(),
        position=max((a.position for a in meeting.action_items), default=-1) + 1,
        owner=values.get("owner"),
        task=values["task"].strip(),
        deadline=values.get("deadline") or None,
        priority=values.get("priority") or "app",
        turn=values.get("turn"),
        needs_review=bool(values.get("needs_review")) or values.get("owner") is None,
        version=1,
    )
    meeting.action_items.append(item)
    _touch(meeting)
    session.flush()
    return item


def update_action_item(session: Session, meeting: Meeting, item_id: str, version: int, values: dict) -> ActionItem:
    item = get_action_item(meeting, item_id)
    _frozen_check(meeting)
    _check_item(meeting, values)
    if "deadline" in values:
        values["deadline"] = values["deadline"] or None
    if "task" in values:
        values["task"] = values["task"].strip()
    _versioned_update(session, ActionItem, item, version, **values)
    _touch(meeting)
    return item


def delete_action_item(session: Session, meeting: Meeting, item_id: str, version: int | None) -> None:
    item = get_action_item(meeting, item_id)
    _frozen_check(meeting)
    if version is not None and version != item.version:
        raise Conflict(f"changed by someone else (now version {item.version}, you sent {version})")
    if session.scalar(select(Delivery.id).where(Delivery.item_id == item.id)) is not None:
        raise Conflict("this to-do was pushed to DingTalk and its delivery trail would be lost; "
                       "edit it instead (pushing again replaces the owner's to-do)")
    meeting.action_items.remove(item)
    _touch(meeting)


def set_approved(meeting: Meeting, approved: bool) -> None:
    if meeting.status != "done":
        raise Conflict("only processed meetings can be approved")
    if approved and any(a.owner is None for a in meeting.action_items):
        raise Conflict("choose an owner for every to-do before approving (負責人未確定)")
    meeting.approved_at = now() if approved else None
    _touch(meeting)


def delete_meeting(session: Session, meeting: Meeting) -> str | None:
    """Delete the meeting; returns the audio hash when no other meeting uses that recording."""
    sha = meeting.audio_sha256
    session.delete(meeting)
    session.flush()
    if sha and not session.scalar(select(func.count()).where(Meeting.audio_sha256 == sha)):
        blob = session.get(Blob, sha)
        if blob is not None:
            session.delete(blob)
        return sha
    return None
