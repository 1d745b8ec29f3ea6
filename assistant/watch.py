"""The inbox: recordings dropped into a folder are ingested once, when they stop growing.

Files are known by content hash, so a restart, a rename or a second copy does not ingest again.
A name holding ``[event:ID]`` (``room3 [event:4f2a…].m4a``) is of that calendar event; others are
matched to an event by the recording's time.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.audio import recording_time
from assistant.store.blobs import file_sha256
from assistant.store.errors import NotFound
from assistant.store.models import WatchedFile

log = logging.getLogger(__name__)
EVENT_TAG = re.compile(r"\[event:([A-Za-z0-9_-]{1,32})\]")

AUDIO_SUFFIXES = frozenset(
    ".wav .mp3 .m4a .aac .flac .ogg .oga .opus .wma .amr .3gp .mp4 .mov .mkv .webm".split()
)


@dataclass
class _Seen:
    signature: tuple[int, int]  # size, mtime_ns
    since: float  # monotonic time the signature was first seen
    handled: bool = False


class Inbox:
    def __init__(self, directory: Path, service):
        self.directory = directory
        self.service = service
        self.settle_s = service.settings.service.watch_settle
        self.interval_s = service.settings.service.watch_interval
        self._seen: dict[Path, _Seen] = {}

    def run(self, stop: threading.Event) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        log.info("watching %s", self.directory)
        while not stop.is_set():
            try:
                self.scan()
            except Exception:
                log.exception("inbox scan failed")
            stop.wait(self.interval_s)

    def scan(self) -> list[str]:
        """Ingest the files that have settled; returns the new meeting ids."""
        present, created = set(), []
        for path in sorted(self.directory.iterdir()):
            if not path.is_file() or path.name.startswith(".") or path.suffix.lower() not in AUDIO_SUFFIXES:
                continue
            present.add(path)
            stat = path.stat()
            signature = (stat.st_size, stat.st_mtime_ns)
            seen = self._seen.get(path)
            if seen is None or seen.signature != signature:
                self._seen[path] = _Seen(signature, time.monotonic())
                continue
            if seen.handled or time.monotonic() - seen.since < self.settle_s:
                continue
            meeting_id = self._ingest(path)
            seen.handled = True
            if meeting_id:
                created.append(meeting_id)
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return created

    def _ingest(self, path: Path) -> str | None:
        sha = file_sha256(path)
        with self.service.store.session() as session:
            known = session.get(WatchedFile, sha)
        if known is not None:
            return None
        blob = self.service.store.blobs.put_file(path)
        if blob.sha256 != sha:  # changed while copying: it has not settled after all
            self._seen.pop(path, None)
            return None
        event = EVENT_TAG.search(path.stem)
        recorded_at = recording_time(path)  # before the copy: the file's own time, not the blob's
        try:
            meeting_id, _ = self.service.ingest(blob, path.name, watched_path=str(path), recorded_at=recorded_at,
                                                event_id=event.group(1) if event else None)
        except NotFound:  # an unknown event id: matched by time instead
            meeting_id, _ = self.service.ingest(blob, path.name, watched_path=str(path), recorded_at=recorded_at)
        log.info("inbox: %s → meeting %s", path.name, meeting_id)
        return meeting_id
