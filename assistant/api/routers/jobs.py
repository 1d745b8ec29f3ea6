"""Processing jobs: state with events, cancellation."""

from __future__ import annotations

from fastapi import APIRouter, Request, status
from sqlalchemy.orm import Session

from assistant.api.dependencies import SessionDep, UserDep, authorize_meeting
from assistant.api.schemas import ErrorOut, JobDetail
from assistant.store import jobs
from assistant.store.errors import NotFound
from assistant.store.models import Job, User

router = APIRouter(prefix="/api/jobs", tags=["jobs"])


def _authorized_job(request: Request, session: Session, user: User, job_id: str) -> Job:
    """The job, if the user may read (safe methods) or edit its meeting. An unknown job and a job of a
    meeting the user may not see get the same 404, which names no meeting."""
    job = jobs.get_job(session, job_id)
    try:
        authorize_meeting(request, session, user, job.meeting_id)
    except NotFound:
        raise NotFound(f"job {job_id} not found") from None
    return job


@router.get("/{job_id}", response_model=JobDetail, responses={404: {"model": ErrorOut}},
            summary="A job's state, progress and history")
def get_job(job_id: str, request: Request, session: SessionDep, user: UserDep) -> JobDetail:
    job = _authorized_job(request, session, user, job_id)
    return JobDetail.of_detail(job, job.events)


@router.post("/{job_id}/cancellation", status_code=status.HTTP_202_ACCEPTED, response_model=JobDetail,
             responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}},
             summary="Cancel a job; a running one stops at its next progress report")
def cancel_job(job_id: str, request: Request, session: SessionDep, user: UserDep) -> JobDetail:
    job = _authorized_job(request, session, user, job_id)
    jobs.request_cancel(session, job)
    session.commit()
    session.refresh(job)
    return JobDetail.of_detail(job, job.events)
