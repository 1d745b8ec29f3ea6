"""Processing jobs in the database: the source of truth the queue is rebuilt from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assistant.store.db import fetch
from assistant.store.errors import Conflict
from assistant.store.meetings import new_id
from assistant.store.models import Job, JobEvent, Meeting, now

ACTIVE = ("queued", "running", "retrying")
MEETING_STATUS = {
    "queued": "queued",
    "running": "processing",
    "retrying": "processing",
    "done": "done",
    "no_speech": "no_speech",  # processed, nothing was said: final, not a failure, never retried
    "failed": "failed",
    "cancelled": "cancelled",
}


@dataclass(frozen=True)
class Pending:
    """A job to put (back) on the queue."""

    job_id: str
    eta: datetime | None


def _event(session: Session, job: Job, kind: str, message: str | None = None) -> None:
    session.add(JobEvent(job_id=job.id, kind=kind, stage=job.stage, message=message))


def _set_state(session: Session, job: Job, state: str, message: str | None = None) -> None:
    job.state = state
    meeting = session.get(Meeting, job.meeting_id)
    if meeting is not None:
        meeting.status = MEETING_STATUS[state]
        if state in ("failed", "cancelled"):  # a re-run that did not finish keeps the minutes an earlier run saved
            finished = session.scalars(select(Job.state).where(Job.meeting_id == meeting.id, Job.id != job.id,
                                                              Job.state.in_(("done", "no_speech")))
                                       .order_by(Job.created_at.desc()).limit(1)).first()
            meeting.status = MEETING_STATUS[finished] if finished else meeting.status
    _event(session, job, state, message)


def get_job(session: Session, job_id: str) -> Job:
    return fetch(session, Job, job_id, "job")


def latest_job(session: Session, meeting_id: str) -> Job | None:
    return session.scalars(
        select(Job).where(Job.meeting_id == meeting_id).order_by(Job.created_at.desc()).limit(1)
    ).first()


def create_job(session: Session, meeting: Meeting, max_attempts: int) -> Job:
    active = session.scalars(select(Job).where(Job.meeting_id == meeting.id, Job.state.in_(ACTIVE))).first()
    if active is not None:
        raise Conflict("the meeting is already being processed")
    job = Job(id=new_id(), meeting_id=meeting.id, state="queued", progress=0.0, attempts=0,
              max_attempts=max_attempts, cancel_requested=False)
    session.add(job)
    session.flush()
    _set_state(session, job, "queued")
    return job


def claim(session: Session, job_id: str, holder: str | None = None, lease_s: float = 60.0) -> Job | None:
    """Mark the job running, leased to ``holder`` for ``lease_s`` seconds, if it is still waiting;
    None when it is finished, cancelled or taken (another worker holds its row or already ran it).

    Postgres: the row is locked with SKIP LOCKED, so two workers handed the same job never wait on
    each other; on both databases the state condition in the UPDATE makes the claim exactly once.
    """
    waiting = (Job.id == job_id, Job.state.in_(("queued", "retrying")), Job.cancel_requested.is_(False))
    if session.scalar(select(Job.id).where(*waiting).with_for_update(skip_locked=True)) is None:
        return None
    result = session.execute(
        update(Job)
        .where(*waiting)
        .values(state="running", attempts=Job.attempts + 1, started_at=now(), next_attempt_at=None, error=None,
                leased_by=holder, lease_expires_at=now() + timedelta(seconds=lease_s))
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 0:
        return None
    job = session.get(Job, job_id)
    session.refresh(job)
    by = f" on {holder.rsplit(':', 1)[0]}" if holder else ""
    _set_state(session, job, "running", f"attempt {job.attempts} of {job.max_attempts}{by}")
    return job


def renew(session: Session, job_id: str, holder: str, lease_s: float) -> bool:
    """Extend the lease (the heartbeat); False when the job is no longer running under ``holder``."""
    result = session.execute(
        update(Job).where(Job.id == job_id, Job.leased_by == holder, Job.state == "running")
        .values(lease_expires_at=now() + timedelta(seconds=lease_s)).execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def release(session: Session, job_id: str, holder: str) -> bool:
    """End ``holder``'s lease before recording the outcome in the same transaction; False when it was
    lost (expired and taken over): the outcome then belongs to the new holder and must not be written."""
    result = session.execute(
        update(Job).where(Job.id == job_id, Job.leased_by == holder, Job.state == "running")
        .values(leased_by=None, lease_expires_at=None).execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def hand_back(session: Session, job_id: str, message: str) -> None:
    """A running job given up unfinished (worker shutdown): waiting again, this attempt not counted."""
    job = get_job(session, job_id)
    job.attempts = max(job.attempts - 1, 0)
    _set_state(session, job, "queued", message)


def record_progress(session: Session, job_id: str, stage: str, progress: float) -> bool:
    """Store progress; returns whether a cancellation was requested meanwhile."""
    job = session.get(Job, job_id)
    if job is None:
        return True
    if stage != job.stage:
        job.stage = stage
        _event(session, job, "stage")
    job.progress = progress
    return job.cancel_requested


def remaining_seconds(job: Job, min_progress: float = 0.02) -> float | None:
    """Seconds a running job still needs at the pace of this attempt so far; None before there is a pace."""
    if job.state != "running" or job.started_at is None or job.progress < min_progress:
        return None
    elapsed = (now() - job.started_at).total_seconds()
    return round(max(0.0, elapsed * (1.0 - job.progress) / job.progress), 1)


def finish(session: Session, job_id: str, speech: bool = True) -> None:
    """The job is done; ``speech=False`` records the "no speech" outcome (empty minutes were saved)."""
    job = get_job(session, job_id)
    job.progress, job.finished_at = 1.0, now()
    _set_state(session, job, "done" if speech else "no_speech")


def fail(session: Session, job_id: str, message: str) -> None:
    job = get_job(session, job_id)
    job.error, job.finished_at = message, now()
    _set_state(session, job, "failed", message)


def schedule_retry(session: Session, job_id: str, message: str, delay_s: float) -> None:
    job = get_job(session, job_id)
    job.error, job.next_attempt_at = message, now() + timedelta(seconds=delay_s)
    _set_state(session, job, "retrying", f"{message}; retry in {delay_s:.0f} s")


def mark_cancelled(session: Session, job_id: str) -> None:
    job = get_job(session, job_id)
    job.finished_at = now()
    _set_state(session, job, "cancelled")


def request_cancel(session: Session, job: Job) -> None:
    """A waiting job is cancelled at once; a running one stops at its next progress report."""
    if job.state not in ACTIVE:
        raise Conflict(f"the job is already {job.state}")
    job.cancel_requested = True
    if job.state == "running":
        _event(session, job, "cancelling")
    else:
        mark_cancelled(session, job.id)


def expired(session: Session) -> list[Pending]:
    """Running jobs whose lease has expired (their worker died): queued again, or failed after the
    last attempt. Rows another worker is sweeping are skipped (SKIP LOCKED on Postgres)."""
    pending = []
    stmt = (select(Job).where(Job.state == "running", Job.lease_expires_at < now())
            .order_by(Job.created_at).with_for_update(skip_locked=True))
    for job in session.scalars(stmt):
        who = job.leased_by or "a worker"
        job.leased_by = job.lease_expires_at = None
        if job.cancel_requested:
            mark_cancelled(session, job.id)
        elif job.attempts >= job.max_attempts:
            fail(session, job.id, f"{who} stopped during the last attempt (lease expired)")
        else:
            _set_state(session, job, "queued", f"{who} stopped mid-job (lease expired); queued again")
            pending.append(Pending(job.id, None))
    return pending


def stranded(session: Session, older_than_s: float) -> list[Pending]:
    """Waiting jobs untouched for ``older_than_s`` seconds: their queue message may be lost (a crash
    between commit and enqueue, a flushed Redis). Queuing one twice is harmless: ``claim`` runs it once."""
    cutoff = now() - timedelta(seconds=older_than_s)
    stmt = select(Job).where(
        Job.cancel_requested.is_(False),
        ((Job.state == "queued") & (Job.created_at < cutoff))
        | ((Job.state == "retrying") & (Job.next_attempt_at < cutoff)),
    ).order_by(Job.created_at)
    return [Pending(job.id, None) for job in session.scalars(stmt)]


def recover(session: Session) -> list[Pending]:
    """Jobs to queue again after a start; those left running belonged to a worker that died."""
    pending = []
    for job in session.scalars(select(Job).where(Job.state.in_(ACTIVE)).order_by(Job.created_at)):
        if job.cancel_requested:
            mark_cancelled(session, job.id)
            continue
        if job.state == "running":
            if job.attempts >= job.max_attempts:
                fail(session, job.id, "the worker stopped during the last attempt")
                continue
            _set_state(session, job, "queued", "worker stopped mid-job; queued again")
        pending.append(Pending(job.id, job.next_attempt_at))
    return pending
