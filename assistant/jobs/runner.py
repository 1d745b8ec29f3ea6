"""Run one processing job: claim it, process the stored recording, save the minutes."""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from huey.exceptions import RetryTask

from assistant import metrics
from assistant.audio import AudioError
from assistant.config import Settings
from assistant.identify import EnrolledPerson
from assistant.minutes import Attendee
from assistant.jobs.lease import Heartbeat, new_holder, worker_name
from assistant.store import jobs
from assistant.store.attendees import attendees_of
from assistant.store.meetings import save_minutes
from assistant.store.models import Job, Meeting
from assistant.store.people import enrolled_people
from assistant.store.store import Store

log = logging.getLogger(__name__)

# Relative cost of each pipeline stage, for one overall percentage. A stage missing here (a new
# one) counts as weight 1.
STAGE_WEIGHTS = {"decode": 1, "diarise": 8, "identify": 1, "transcribe": 10, "merge": 1, "extract": 10}
PROGRESS_INTERVAL_S = 0.5
FOLDERS = re.compile(r"(?<![\w.~:/])/(?:[^\s/'\":]+/)+")


class Cancelled(Exception):
    pass


class HandedBack(Exception):
    """The worker is shutting down and its grace period is over, or its lease was lost."""


class Reporter:
    """The pipeline's progress callback: stores overall progress, throttled, and notices cancellation,
    a lost lease and the worker's shutdown.

    Stages may overlap (diarisation runs beside transcription) and report from two threads.
    Overall progress is the weighted sum of each stage's fraction, a stage before one that has
    reported counting as done until it reports itself; it never goes back. The stage shown is
    the earliest one still running.
    """

    def __init__(self, store: Store, job_id: str, stages: tuple[str, ...], lease: Heartbeat | None = None,
                 hand_back: threading.Event | None = None):
        self.store = store
        self.job_id = job_id
        self.lease = lease
        self.hand_back = hand_back
        self.stages = stages
        weights = [STAGE_WEIGHTS.get(s, 1) for s in stages]
        self.shares = {s: w / sum(weights) for s, w in zip(stages, weights, strict=True)}
        self._lock = threading.Lock()
        self._done: dict[str, float] = {}
        self._started: dict[str, float] = {}
        self._overall = 0.0
        self._written = 0.0

    def __call__(self, stage: str, fraction: float) -> None:
        if (self.hand_back is not None and self.hand_back.is_set()) or (self.lease is not None and self.lease.lost):
            raise HandedBack()
        fraction = min(max(fraction, 0.0), 1.0)
        with self._lock:
            begun = stage not in self._started
            self._started.setdefault(stage, time.monotonic())
            finished = fraction >= 1.0 and self._done.get(stage, 0.0) < 1.0
            self._done[stage] = fraction
            if finished:
                metrics.STAGE_SECONDS.labels(stage).observe(time.monotonic() - self._started[stage])
            position = self.stages.index(stage) if stage in self.stages else len(self.stages)
            overall = sum(share * self._done.get(s, 1.0 if i < position else 0.0)
                          for i, (s, share) in enumerate(self.shares.items()))
            self._overall = max(self._overall, overall)
            if not (begun or finished) and time.monotonic() - self._written < PROGRESS_INTERVAL_S:
                return
            self._written = time.monotonic()
            running = [s for s in self.stages if s in self._done and self._done[s] < 1.0]
            shown = running[0] if running else stage
            with self.store.session() as session:
                cancel = jobs.record_progress(session, self.job_id, shown, round(self._overall, 4))
                session.commit()
        if cancel:
            raise Cancelled()

    def finish(self) -> None:
        """The duration of stages that never reported their end, once the pipeline has returned."""
        with self._lock:
            for stage, started in self._started.items():
                if self._done.get(stage, 0.0) < 1.0:
                    metrics.STAGE_SECONDS.labels(stage).observe(time.monotonic() - started)


def without_folders(message: str) -> str:
    """A failure as users see it: absolute paths (the data folder's layout) cut to their last part."""
    return FOLDERS.sub("", message)


@dataclass(frozen=True)
class Claimed:
    """What a job needs once claimed, read in the claiming transaction."""

    job_id: str
    holder: str
    meeting_id: str
    sha256: str
    filename: str
    meeting_date: str | None
    attempts: int
    max_attempts: int
    people: list[EnrolledPerson]
    attendees: list[Attendee]


class JobRunner:
    """Runs one job under a lease. ``hand_back`` is set by a worker that is shutting down: the job
    stops at its next progress report and goes back to the queue. ``on_done`` is called with the
    meeting id once its minutes are saved."""

    def __init__(self, store: Store, settings: Settings, process: Callable | None = None,
                 requeue: Callable[[str], None] | None = None, hand_back: threading.Event | None = None,
                 on_done: Callable[[str], None] | None = None):
        self.store = store
        self.settings = settings
        self.process = process
        self.requeue = requeue
        self.hand_back = hand_back
        self.on_done = on_done

    def __call__(self, job_id: str) -> None:
        # Imported at the first job, not at start: torch and friends cost about 1 GB of RSS.
        from assistant import pipeline

        holder = new_holder()
        lease_s = self.settings.service.lease_s
        with self.store.session() as session:
            job = jobs.claim(session, job_id, holder, lease_s)
            session.commit()
            if job is None:
                return
            if job.attempts == 1:
                metrics.QUEUE_WAIT_SECONDS.observe(max((job.started_at - job.created_at).total_seconds(), 0.0))
            meeting = session.get(Meeting, job.meeting_id)
            claimed = Claimed(job_id, holder, meeting.id, meeting.audio_sha256, meeting.filename,
                              meeting.meeting_date, job.attempts, job.max_attempts,
                              enrolled_people(session, self.settings.diarization.embedding_model),
                              attendees_of(meeting))
        log.info("job %s: attempt %d of %d for %s", job_id, claimed.attempts, claimed.max_attempts, claimed.filename)
        metrics.JOBS_RUNNING.inc()
        try:
            renew = functools.partial(jobs.renew, job_id=job_id, holder=holder, lease_s=lease_s)
            with Heartbeat(self.store, f"job {job_id}", renew, lease_s) as lease:
                self._run(pipeline, claimed, lease)
        finally:
            metrics.JOBS_RUNNING.dec()

    def _run(self, pipeline, claimed: Claimed, lease: Heartbeat) -> None:
        job_id, holder = claimed.job_id, claimed.holder
        path = self.store.blobs.path(claimed.sha256)
        reporter = Reporter(self.store, job_id, pipeline.STAGES, lease, self.hand_back)
        try:
            if not self.store.blobs.verify(claimed.sha256):
                raise AudioError("the stored recording is missing or damaged (checksum mismatch).")
            result = (self.process or pipeline.process)(
                path,
                pipeline.ProcessOptions(meeting_date=claimed.meeting_date, people=claimed.people,
                                        attendees=claimed.attendees),
                self.settings,
                progress=reporter,
            )
            reporter.finish()
        except Cancelled:
            self._end(job_id, holder, "cancelled", jobs.mark_cancelled)
            return
        except HandedBack:
            if not lease.lost and self._end(job_id, holder, "handed_back", jobs.hand_back,
                                            f"{worker_name()} shut down mid-job; queued again"):
                log.info("job %s: handed back", job_id)
                if self.requeue is not None:
                    self.requeue(job_id)
            return
        except Exception as exc:
            if self._cancel_requested(job_id):  # a failure after a cancel (the other stage saw it first)
                self._end(job_id, holder, "cancelled", jobs.mark_cancelled)
                return
            self._failed(claimed, path, exc)
            return
        self._save(claimed, result)

    def _cancel_requested(self, job_id: str) -> bool:
        with self.store.session() as session:
            job = session.get(Job, job_id)
            return job is not None and job.cancel_requested

    def _failed(self, claimed: Claimed, path: Path, exc: Exception) -> None:
        """Bad input fails the job; any other error is retried until the attempts run out."""
        job_id, holder, filename = claimed.job_id, claimed.holder, claimed.filename
        attempts, max_attempts = claimed.attempts, claimed.max_attempts
        if isinstance(exc, AudioError):
            # Bad input: retrying cannot help. The message names the stored file; show the upload's name.
            self._end(job_id, holder, "failed", jobs.fail, without_folders(str(exc).replace(path.name, filename)))
            return
        log.exception("job %s failed", job_id, exc_info=exc)
        message = without_folders(f"{type(exc).__name__}: {exc}".replace(path.name, filename))
        if attempts >= max_attempts:
            self._end(job_id, holder, "failed", jobs.fail, message)
            return
        delay = self.settings.service.retry_delay * 2 ** (attempts - 1)
        if self._end(job_id, holder, "retried", jobs.schedule_retry, message, delay):
            raise RetryTask(message, delay=delay) from exc

    def _save(self, claimed: Claimed, result) -> None:
        """The minutes of a finished run, unless the job was cancelled or taken over meanwhile."""
        job_id, holder, meeting_id = claimed.job_id, claimed.holder, claimed.meeting_id
        with self.store.session() as session:
            job, meeting = session.get(Job, job_id), session.get(Meeting, meeting_id)
            if job is None or meeting is None:  # deleted while processing
                return
            if not jobs.release(session, job_id, holder):  # taken over after our lease expired
                log.warning("job %s: lease lost; the minutes are left to its new worker", job_id)
                return
            if job.cancel_requested:
                jobs.mark_cancelled(session, job_id)
                outcome = "cancelled"
            else:
                save_minutes(session, meeting, result.minutes, {s: v.vector for s, v in result.voices.items()})
                jobs.finish(session, job_id, speech=result.speech)
                outcome = "done"
            session.commit()
        metrics.JOBS_FINISHED.labels(outcome).inc()
        log.info("job %s: %s", job_id, outcome if result.speech else "done, no speech in the recording")
        if outcome == "done" and self.on_done is not None:
            try:
                self.on_done(meeting_id)
            except Exception:  # a notice must not fail a finished job
                log.exception("job %s: after-processing step failed", job_id)

    def _end(self, job_id: str, holder: str, outcome: str, transition: Callable, *args) -> bool:
        """Record the outcome if the lease is still ours; returns whether it was."""
        with self.store.session() as session:
            if session.get(Job, job_id) is None or not jobs.release(session, job_id, holder):
                return False
            transition(session, job_id, *args)
            session.commit()
        metrics.JOBS_FINISHED.labels(outcome).inc()
        return True
