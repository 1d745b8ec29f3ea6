"""DingTalk inside the service: the client, the delivery queue and its worker, the Stream receiver."""

from __future__ import annotations

import logging
import threading

from assistant.config import Settings
from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.confirmations import ConfirmationRecorder
from assistant.dingtalk.delivery import DeliveryReport, report, request_push
from assistant.dingtalk.follow_up import FollowUp
from assistant.dingtalk.outbox import OutboxRunner
from assistant.dingtalk.stream import StreamReceiver
from assistant.jobs.deliveries import DeliveryQueue, DeliveryWorker
from assistant.store.meetings import get_meeting
from assistant.store.store import Store

log = logging.getLogger(__name__)


def configured(settings: Settings) -> bool:
    return bool(settings.dingtalk_app_key and settings.dingtalk_app_secret.get_secret_value())


class DingTalkRuntime:
    def __init__(self, store: Store, settings: Settings, run_worker: bool = True) -> None:
        self.store = store
        self.settings = settings
        self.client = DingTalkClient(settings)
        self.queue = DeliveryQueue(settings.service)
        self.queue.bind(OutboxRunner(store, settings, self.client, self.queue.schedule),
                        FollowUp(store, settings, self.queue.schedule))
        self.worker = DeliveryWorker(store, self.queue, settings.dingtalk_workers) if run_worker else None
        self.recorder = ConfirmationRecorder(store, settings, self.client)
        self._stop = threading.Event()
        self._stream: threading.Thread | None = None

    def start(self, stream: bool = True) -> None:
        delivering = self.worker is not None and self.worker.start()
        if stream and delivering:  # one receiver per data folder, beside the worker that holds the lock
            self.start_stream()

    def start_stream(self) -> None:
        """Receive card clicks and to-do events over Stream mode in this process."""
        receiver = StreamReceiver(self.client, self.recorder.on_confirmation, self.recorder.on_todo_event)
        self._stream = threading.Thread(target=receiver.run, args=(self._stop,), name="dingtalk-stream",
                                        daemon=True)
        self._stream.start()

    def stop(self) -> None:
        self._stop.set()
        if self._stream is not None:
            self._stream.join(timeout=5)
        if self.worker is not None:
            self.worker.stop()
        self.client.close()

    def push(self, meeting_id: str) -> list[DeliveryReport]:
        """Write the push to the outbox and queue it; returns the report as it stands now."""
        with self.store.session() as session:
            scheduled = request_push(session, get_meeting(session, meeting_id))
            session.commit()
        self.queue.schedule(scheduled)
        with self.store.session() as session:
            return report(session, meeting_id)
