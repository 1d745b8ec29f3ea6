"""The service's parts wired together: store, queue, worker and inbox, shared by the web app and the CLI."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from assistant import audit, retention
from assistant.config import Settings
from assistant.dingtalk.runtime import DingTalkRuntime
from assistant.dingtalk.runtime import configured as dingtalk_configured
from assistant.jobs.queue import JobQueue
from assistant.minutes import Attendee
from assistant.jobs.runner import JobRunner
from assistant.jobs.worker import Worker
from assistant.store import deliveries, jobs
from assistant.store.blobs import StoredBlob
from assistant.store.meetings import create_meeting, delete_meeting, get_meeting
from assistant.store.models import User, WatchedFile
from assistant.store.store import Store

log = logging.getLogger(__name__)


class Service:
    def __init__(self, settings: Settings, run_worker: bool = True):
        self.settings = settings
        self.store = Store(settings.service)
        self.queue = JobQueue(settings.service.data_dir, JobRunner(self.store, settings))
        self.queue.hourly("retention", self.apply_retention)
        self.worker = Worker(self.store, self.queue, settings.service.workers) if run_worker else None
        self.dingtalk = DingTalkRuntime(self.store, settings, run_worker) if dingtalk_configured(settings) else None
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        if self.worker is not None:
            self.worker.start()
        if self.dingtalk is not None:
            self.dingtalk.start()
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
        if self.dingtalk is not None:
            self.dingtalk.stop()
        self.store.close()

    def ingest(
        self,
        blob: StoredBlob,
        filename: str,
        content_type: str | None = None,
        title: str | None = None,
        meeting_date: str | None = None,
        watched_path: str | None = None,
        owner: User | None = None,
        attendees: Sequence[Attendee] = (),
    ) -> tuple[str, str]:
        """Record a stored recording as a meeting and queue its processing; returns (meeting id, job id).

        The uploader owns the meeting and it belongs to their team; inbox recordings have neither.
        """
        with self.store.session() as session:
            meeting = create_meeting(session, blob, filename, content_type, title, meeting_date, attendees)
            if owner is not None:
                meeting.owner_id, meeting.team = owner.id, owner.team
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
            deliveries.refuse_reprocessing(session, meeting_id)
            job = jobs.create_job(session, get_meeting(session, meeting_id), self.settings.service.job_retries + 1)
            session.commit()
            job_id = job.id
        self.queue.enqueue(job_id)
        return job_id

    def delete(self, meeting_id: str, actor: str | None = None) -> None:
        """Delete the meeting with its transcript, minutes, search entries and (unless shared) recording.

        ``actor`` names a deletion not made through the API (which audits its own), e.g. retention.
        """
        with self.store.session() as session:
            meeting = get_meeting(session, meeting_id)
            job = jobs.latest_job(session, meeting_id)
            if job is not None and job.state in jobs.ACTIVE:
                jobs.request_cancel(session, job)
            orphan = delete_meeting(session, meeting)
            if actor is not None:
                audit.record(session, "delete", f"meeting:{meeting_id}", username=actor)
            session.commit()
        if orphan:
            self.store.blobs.delete(orphan)

    def apply_retention(self) -> None:
        retention.apply(self)
