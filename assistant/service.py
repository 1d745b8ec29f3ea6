"""The service's parts wired together: store, queue, worker and inbox, shared by the web app and the CLI."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from sqlalchemy import select

from assistant.config import Settings
from assistant.jobs.queue import JobQueue
from assistant.jobs.runner import JobRunner
from assistant.jobs.worker import Worker
from assistant.store import jobs
from assistant.store.blobs import StoredBlob
from assistant.store.meetings import create_meeting, delete_meeting, get_meeting
from assistant.store.models import Meeting, WatchedFile, now
from assistant.store.store import Store

log = logging.getLogger(__name__)


class Service:
    def __init__(self, settings: Settings, run_worker: bool = True):
        self.settings = settings
        self.store = Store(settings.service)
        self.queue = JobQueue(settings.service.data_dir, JobRunner(self.store, settings))
        if settings.service.retention_days:
            self.queue.hourly("retention", self.apply_retention)
        self.worker = Worker(self.store, self.queue, settings.service.workers) if run_worker else None
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        if self.worker is not None:
            self.worker.start()
        if self.settings.service.watch_dir is not None:
            from assistant.watch import Inbox

            inbox = Inbox(self.settings.service.watch_dir, self)
            thread = threading.Thread(target=inbox.run, args=(self._stop,), name="inbox", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)
        if self.worker is not None:
            self.worker.stop()
        self.store.close()

    def ingest(
        self,
        blob: StoredBlob,
        filename: str,
        content_type: str | None = None,
        title: str | None = None,
        meeting_date: str | None = None,
        watched_path: str | None = None,
    ) -> tuple[str, str]:
        """Record a stored recording as a meeting and queue its processing; returns (meeting id, job id)."""
        with self.store.session() as session:
            meeting = create_meeting(session, blob, filename, content_type, title, meeting_date)
            job = jobs.create_job(session, meeting, self.settings.service.job_retries + 1)
            if watched_path is not None:
                session.add(WatchedFile(sha256=blob.sha256, path=watched_path, meeting_id=meeting.id))
            session.commit()
            ids = meeting.id, job.id
        # Committed first: if enqueueing is lost, the next worker start queues the job from the database.
        self.queue.enqueue(ids[1])
        return ids

    def reprocess(self, meeting_id: str) -> str:
        with self.store.session() as session:
            job = jobs.create_job(session, get_meeting(session, meeting_id), self.settings.service.job_retries + 1)
            session.commit()
            job_id = job.id
        self.queue.enqueue(job_id)
        return job_id

    def delete(self, meeting_id: str) -> None:
        with self.store.session() as session:
            meeting = get_meeting(session, meeting_id)
            job = jobs.latest_job(session, meeting_id)
            if job is not None and job.state in jobs.ACTIVE:
                jobs.request_cancel(session, job)
            orphan = delete_meeting(session, meeting)
            session.commit()
        if orphan:
            self.store.blobs.delete(orphan)

    def apply_retention(self) -> None:
        cutoff = now() - timedelta(days=self.settings.service.retention_days)
        with self.store.session() as session:
            old = session.scalars(
                select(Meeting.id).where(Meeting.created_at < cutoff, Meeting.status.not_in(("queued", "processing")))
            ).all()
        for meeting_id in old:
            self.delete(meeting_id)
        if old:
            log.info("retention: deleted %d meeting(s) older than %s", len(old), cutoff.date())
