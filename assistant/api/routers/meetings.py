"""Meetings: upload, list and search, status and minutes, delete, reprocess, approve."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from starlette.concurrency import run_in_threadpool

from assistant import audit
from assistant.access import Action, allows, readable, relation, visible
from assistant.api.dependencies import ManagedMeetingDep, MeetingDep, ServiceDep, SessionDep, UserDep, client_ip
from assistant.api.schemas import Accepted, Approval, ErrorOut, JobOut, MeetingDetail, MeetingPage, MeetingSummary
from assistant.api.uploads import receive_upload
from assistant.attendees import parse_text
from assistant.store.attendees import owner_zones
from assistant.store.models import LOCAL_TZ
from assistant.store import jobs
from assistant.store.meetings import Scope, SearchQuery, first_match, search, set_approved, to_minutes

router = APIRouter(prefix="/api/meetings", tags=["meetings"])

UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "The recording."},
                        "title": {"type": "string"},
                        "meeting_date": {"type": "string", "format": "date"},
                        "event_id": {"type": "string", "description": "The calendar event it is of "
                                     "(GET /api/calendar/events); otherwise matched by time, room and uploader."},
                        "recorded_at": {"type": "string", "format": "date-time",
                                        "description": "When the recording started (default: from the file)."},
                        "file_modified": {"type": "string", "format": "date-time", "description":
                                          "The file's own modification time (the upload page sends it): when "
                                          "the recording has no creation time, it dates the meeting."},
                        "room": {"type": "string", "description": "Where it was recorded, to tell events apart."},
                        "attendees": {"type": "string", "description":
                                      "Who attended: a JSON list of {name, aliases, role, timezone} (or of "
                                      "'Name|alias|Europe/London' specs), or one such spec a line."},
                    },
                }
            }
        },
    }
}


def _moment(value: str | None) -> datetime | None:
    """An upload's stated start time; a time without offset is Hong Kong time (checked by uploads.py)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ)


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Accepted,
    openapi_extra=UPLOAD_BODY,
    responses={400: {"model": ErrorOut}, 408: {"model": ErrorOut}, 413: {"model": ErrorOut},
               415: {"model": ErrorOut}, 422: {"model": ErrorOut}},
    summary="Upload a recording; processing runs as a job",
)
async def upload_meeting(request: Request, response: Response, service: ServiceDep, user: UserDep) -> Accepted:
    limits = service.settings.service
    upload = await receive_upload(request, service.store.blobs, limits.max_upload_bytes, limits.upload_idle_timeout_s)
    meeting_id, job_id = await run_in_threadpool(
        service.ingest, upload.blob, upload.filename, upload.content_type,
        upload.fields.get("title") or None, upload.fields.get("meeting_date") or None, owner=user,
        attendees=parse_text(upload.fields.get("attendees") or ""),
        event_id=upload.fields.get("event_id") or None, room=upload.fields.get("room") or None,
        recorded_at=_moment(upload.fields.get("recorded_at")),
        file_modified=_moment(upload.fields.get("file_modified")),
    )
    with service.store.session() as session:
        job = jobs.get_job(session, job_id)
        status_url = f"/api/meetings/{meeting_id}"
        response.headers["Location"] = status_url
        return Accepted(id=meeting_id, status="queued", status_url=status_url, job=JobOut.of(job))


@router.get("", response_model=MeetingPage, summary="List and search meetings")
def list_meetings(
    request: Request,
    session: SessionDep,
    user: UserDep,
    q: Annotated[str | None, Query(max_length=200, description="Text in a title or anywhere in a transcript.")] = None,
    speaker: Annotated[str | None, Query(max_length=100, description="A speaker name (or id) in the meeting.")] = None,
    date_from: date | None = None,
    date_to: date | None = None,
    status_: Annotated[str | None, Query(alias="status", pattern="^(queued|processing|done|no_speech|failed|cancelled)$")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
) -> MeetingPage:
    query = SearchQuery(q=q or None, speaker=speaker or None, date_from=date_from, date_to=date_to, status=status_)
    rows, total = search(session, query, (page - 1) * page_size, page_size, Scope(visible(user), readable(user)))
    items = []
    for m in rows:
        if not allows(user, m, Action.READ, relation(session, user, m)):
            items.append(MeetingSummary(id=m.id, title=m.title, meeting_date=m.meeting_date, filename=None,
                                        status=None, created_at=None, duration=None, speakers=[],
                                        url=f"/api/meetings/{m.id}", restricted=True))
            continue
        match = first_match(session, m.id, q) if q else None
        if match is not None:  # transcript text shown: audited like a view
            audit.record(session, "search", f"meeting:{m.id}", user, client_ip(request), detail=f"q={q[:100]}")
        items.append(MeetingSummary(
            id=m.id, title=m.title, filename=m.filename, status=m.status, created_at=m.created_at,
            meeting_date=m.meeting_date, duration=m.duration, speakers=[s.name or s.id for s in m.speakers],
            url=f"/api/meetings/{m.id}", snippet=match.text if match else None,
        ))
    session.commit()
    return MeetingPage(items=items, total=total, page=page, page_size=page_size)


@router.get("/{meeting_id}", response_model=MeetingDetail, responses={404: {"model": ErrorOut}},
            summary="Status, progress and, when done, the minutes")
def get_meeting(meeting: MeetingDep, session: SessionDep) -> MeetingDetail:
    done = meeting.status in ("done", "no_speech")
    minutes = to_minutes(meeting).to_dict() if done else None
    return MeetingDetail.of(meeting, jobs.latest_job(session, meeting.id), minutes, LOCAL_TZ.key,
                            owner_zones(session, meeting) if done else None)


@router.delete("/{meeting_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {"model": ErrorOut}},
               summary="Delete a meeting, its minutes and (when unused elsewhere) its audio")
def delete_meeting(meeting: ManagedMeetingDep, service: ServiceDep) -> None:
    service.delete(meeting.id)


@router.post("/{meeting_id}/jobs", status_code=status.HTTP_202_ACCEPTED, response_model=Accepted,
             responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}}, summary="Process the recording again")
def reprocess(meeting: MeetingDep, service: ServiceDep, response: Response) -> Accepted:
    job_id = service.reprocess(meeting.id)
    with service.store.session() as session:
        status_url = f"/api/meetings/{meeting.id}"
        response.headers["Location"] = status_url
        return Accepted(id=meeting.id, status="queued", status_url=status_url,
                        job=JobOut.of(jobs.get_job(session, job_id)))


@router.put("/{meeting_id}/approval", response_model=Approval, responses={409: {"model": ErrorOut}},
            summary="Approve the to-do table; it is frozen for pushing")
def approve(meeting: MeetingDep, session: SessionDep) -> Approval:
    set_approved(meeting, True)
    session.commit()
    return Approval(approved=True, approved_at=meeting.approved_at, version=meeting.version)


@router.delete("/{meeting_id}/approval", response_model=Approval, responses={409: {"model": ErrorOut}},
               summary="Reopen the to-do table for editing")
def reopen(meeting: MeetingDep, session: SessionDep) -> Approval:
    set_approved(meeting, False)
    session.commit()
    return Approval(approved=False, approved_at=None, version=meeting.version)
