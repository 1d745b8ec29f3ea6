"""The service's parts wired together: store, queue, worker and inbox, shared by the web app and the CLI."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError

from assistant import audit, retention
from assistant.audio import recording_time
from assistant.calendar.notices import notify_ready, send_agendas
from assistant.calendar.sync import SyncReport, match_meeting, sync
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
from assistant.store.calendar import get_event, link_event
from assistant.store.models import CalendarEvent, User, WatchedFile, now
from assistant.store.store import Store

log = logging.getLogger(__name__)


class Service:
    """``run_worker``: work the queues in this process too (the embedded default). With a Redis URL
    this process only enqueues, and ``assistant worker`` processes (``jobs.standalone``) do the work;
    they pass ``hand_back``, set when they shut down (see ``JobRunner``). The embedded worker sets
    its own on :meth:`stop`."""

    def __init__(self, settings: Settings, run_worker: bool = True, hand_back: threading.Event | None = None):
        self.settings = settings
        self.store = Store(settings.service)
        hand_back = hand_back or threading.Event()
        runner = JobRunner(self.store, settings, requeue=lambda job_id: self.queue.enqueue(job_id),
                           hand_back=hand_back, on_done=self.processed)
        self.queue = JobQueue(settings.service, runner)
        self.queue.hourly("retention", self.apply_retention)
        self.queue.hourly("stale_uploads", self.clear_stale_uploads)
        embedded = run_worker and not settings.service.redis_url
        # waits for a handed-back job to save its state: longer than the pipeline's ABANDON_WAIT_S
        self.worker = Worker(self.store, self.queue, settings.service.workers, hand_back,
                             settings.service.lease_s) if embedded else None
        self.dingtalk = DingTalkRuntime(self.store, settings, embedded) if dingtalk_configured(settings) else None
        calendar = settings.calendar
        if calendar.ics_urls or (calendar.dingtalk_union_ids and self.dingtalk is not None):
            self.queue.every(calendar.sync_minutes, "calendar", self.sync_calendar)
        if calendar.agenda_notice and self.dingtalk is not None:
            self.queue.every(5, "agendas", lambda: send_agendas(self.store, self.settings, self.dingtalk.client))
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        self.clear_stale_uploads()
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

    def queue_lengths(self) -> dict[str, int]:
        """Messages waiting in each queue, by queue name."""
        lengths = {self.queue.name: self.queue.length()}
        if self.dingtalk is not None:
            lengths[self.dingtalk.queue.name] = self.dingtalk.queue.length()
        return lengths

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
        event_id: str | None = None,
        recorded_at: datetime | None = None,
        room: str | None = None,
        file_modified: datetime | None = None,
    ) -> tuple[str, str]:
        """Record a stored recording as a meeting and queue its processing; returns (meeting id, job id).

        The uploader owns the meeting and it belongs to their team; inbox recordings have neither.
        ``event_id`` names its calendar event; otherwise it is matched by ``recorded_at`` (default: the
        container's creation time, else the file time: ``file_modified`` when the uploader's client sent
        it, the stored copy's being the upload's), ``room`` and the uploader. A recording of an
        event that has not ended yet is processed when it ends (the attendee list may still change).
        NotFound for an unknown ``event_id``.
        """
        eta = None
        recorded_at = recorded_at or recording_time(self.store.blobs.path(blob.sha256), file_modified)
        # the recording's own day (as the CLI dates it), not the day it was uploaded or picked up
        meeting_date = meeting_date or recorded_at.astimezone(ZoneInfo(self.settings.timezone)).date().isoformat()
        for attempt in range(2):
            with self.store.session() as session:
                try:
                    meeting = create_meeting(session, blob, filename, content_type, title, meeting_date, attendees)
                    if owner is not None:
                        meeting.owner_id, meeting.team = owner.id, owner.team
                    meeting.recorded_at = recorded_at
                    if event_id:
                        link_event(session, meeting, get_event(session, event_id), title is None)
                    elif not attendees:
                        uploader = (owner.display_name or owner.username) if owner is not None else None
                        match_meeting(session, meeting, meeting.recorded_at, room, uploader, self.settings,
                                      title is not None)
                    if meeting.event_id is not None:
                        ends = session.get(CalendarEvent, meeting.event_id).end_at
                        eta = ends if ends > now() else None
                    job = jobs.create_job(session, meeting, self.settings.service.job_retries + 1)
                    if watched_path is not None:
                        session.add(WatchedFile(sha256=blob.sha256, path=watched_path, meeting_id=meeting.id))
                    session.commit()
                except IntegrityError:
                    # The same recording arrived at the same moment and its blob row won: again, sharing it.
                    if attempt:
                        raise
                    continue
                ids = meeting.id, job.id
                break
        # Committed first: if enqueueing is lost, the next worker start queues the job from the database.
        self.queue.enqueue(ids[1], eta)
        return ids

    def sync_calendar(self) -> list[SyncReport]:
        """Sync the configured calendars now (also runs every ``calendar.sync_minutes``)."""
        return sync(self.store, self.settings, self.dingtalk.client if self.dingtalk is not None else None)

    def processed(self, meeting_id: str) -> None:
        """After a job saved the minutes: the organiser of the meeting's event hears it is ready."""
        if self.dingtalk is not None and self.settings.calendar.notify_organiser:
            notify_ready(self.store, self.settings, self.dingtalk.client, meeting_id)

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

    def clear_stale_uploads(self) -> None:
        """Partial uploads nobody writes any more (a killed client or server): a live upload writes at least
        once per idle timeout, or is dropped."""
        self.store.blobs.clear_stale(2 * self.settings.service.upload_idle_timeout_s)

    def apply_retention(self) -> None:
        retention.apply(self)
