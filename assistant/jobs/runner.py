"""Run one processing job: claim it, process the stored recording, save the minutes."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from huey.exceptions import RetryTask

from assistant.audio import AudioError
from assistant.config import Settings
from assistant.store import jobs
from assistant.store.meetings import save_minutes
from assistant.store.models import Job, Meeting
from assistant.store.people import enrolled_people
from assistant.store.store import Store

log = logging.getLogger(__name__)

# Relative cost of each pipeline stage, for one overall percentage. Stages run in
# pipeline.STAGES order; a stage missing here (a new one) counts as weight 1.
STAGE_WEIGHTS = {"decode": 1, "diarise": 8, "identify": 1, "transcribe": 10, "merge": 1, "extract": 10}
PROGRESS_INTERVAL_S = 0.5


class Cancelled(Exception):
    pass


class Reporter:
    """The pipeline's progress callback: stores overall progress, throttled, and notices cancellation."""

    def __init__(self, store: Store, job_id: str, stages: tuple[str, ...]):
        self.store = store
        self.job_id = job_id
        weights = [STAGE_WEIGHTS.get(s, 1) for s in stages]
        total = sum(weights)
        self.offsets = {s: sum(weights[:i]) / total for i, s in enumerate(stages)}
        self.shares = {s: w / total for s, w in zip(stages, weights, strict=True)}
        self._stage: str | None = None
        self._written = 0.0

    def __call__(self, stage: str, fraction: float) -> None:
        overall = self.offsets.get(stage, 0.0) + self.shares.get(stage, 0.0) * min(max(fraction, 0.0), 1.0)
        if stage == self._stage and time.monotonic() - self._written < PROGRESS_INTERVAL_S:
            return
        self._stage, self._written = stage, time.monotonic()
        with self.store.session() as session:
            cancel = jobs.record_progress(session, self.job_id, stage, round(overall, 4))
            session.commit()
        if cancel:
            raise Cancelled()


class JobRunner:
    def __init__(self, store: Store, settings: Settings, process: Callable | None = None):
        self.store = store
        self.settings = settings
        self.process = process

    def __call__(self, job_id: str) -> None:
        # Imported at the first job, not at start: torch and friends cost about 1 GB of RSS.
        from assistant import pipeline

        with self.store.session() as session:
            job = jobs.claim(session, job_id)
            session.commit()
            if job is None:
                return
            meeting = session.get(Meeting, job.meeting_id)
            meeting_id, sha = meeting.id, meeting.audio_sha256
            filename, meeting_date = meeting.filename, meeting.meeting_date
            attempts, max_attempts = job.attempts, job.max_attempts
            people = enrolled_people(session, self.settings.diarization.embedding_model)
        log.info("job %s: attempt %d of %d for %s", job_id, attempts, max_attempts, filename)
        path = self.store.blobs.path(sha)
        try:
            if not self.store.blobs.verify(sha):
                raise AudioError("the stored recording is missing or damaged (checksum mismatch).")
            result = (self.process or pipeline.process)(
                path,
                pipeline.ProcessOptions(meeting_date=meeting_date, people=people),
                self.settings,
                progress=Reporter(self.store, job_id, pipeline.STAGES),
            )
        except Cancelled:
            self._end(job_id, jobs.mark_cancelled)
            return
        except AudioError as exc:
            # Bad input: retrying cannot help. The message names the stored file; show the upload's name.
            self._end(job_id, jobs.fail, str(exc).replace(path.name, filename))
            return
        except Exception as exc:
            log.exception("job %s failed", job_id)
            message = f"{type(exc).__name__}: {exc}"
            if attempts >= max_attempts:
                self._end(job_id, jobs.fail, message)
                return
            delay = self.settings.service.retry_delay * 2 ** (attempts - 1)
            self._end(job_id, jobs.schedule_retry, message, delay)
            raise RetryTask(message, delay=delay) from exc
        with self.store.session() as session:
            job, meeting = session.get(Job, job_id), session.get(Meeting, meeting_id)
            if job is None or meeting is None:  # deleted while processing
                return
            if job.cancel_requested:
                jobs.mark_cancelled(session, job_id)
            else:
                save_minutes(session, meeting, result.minutes, {s: v.vector for s, v in result.voices.items()})
                jobs.finish(session, job_id, speech=result.speech)
            session.commit()
        log.info("job %s: %s", job_id, "done" if result.speech else "done, no speech in the recording")

    def _end(self, job_id: str, transition: Callable, *args) -> None:
        with self.store.session() as session:
            if session.get(Job, job_id) is not None:
                transition(session, job_id, *args)
                session.commit()
