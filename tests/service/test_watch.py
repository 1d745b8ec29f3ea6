"""The inbox folder: a recording copied in slowly is ingested once, also after renames and restarts."""

from __future__ import annotations

import os
import shutil
import threading
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from assistant.audio import recording_date
from assistant.service import Service
from assistant.store.blobs import file_sha256
from assistant.store.models import Meeting
from assistant.watch import Inbox

from .conftest import SAMPLE, service_settings


def meeting_count(service) -> int:
    with service.store.session() as session:
        return session.scalar(select(func.count()).select_from(Meeting))


def scan_until(inbox: Inbox, seconds: float) -> list[str]:
    created, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        created += inbox.scan()
        time.sleep(0.1)
    return created


def test_slow_copy_is_ingested_once_after_it_settles(tmp_path):
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    settings = service_settings(tmp_path / "data", watch_dir=inbox_dir, watch_settle=0.6, watch_interval=0.1)
    service = Service(settings, run_worker=False)
    inbox = Inbox(inbox_dir, service)
    data = SAMPLE.read_bytes()
    target = inbox_dir / "週會.wav"

    def copy_slowly():
        with target.open("wb") as f:
            for i in range(0, len(data), len(data) // 8):
                f.write(data[i:i + len(data) // 8])
                f.flush()
                time.sleep(0.3)  # pauses shorter than the settle time

    writer = threading.Thread(target=copy_slowly)
    writer.start()
    created = []
    while writer.is_alive():
        created += inbox.scan()
        time.sleep(0.1)
    assert created == []  # nothing while the file was growing
    writer.join()
    created += scan_until(inbox, 1.5)
    assert len(created) == 1
    with service.store.session() as session:
        meeting = session.get(Meeting, created[0])
        assert meeting.filename == "週會.wav" and meeting.status == "queued"
        assert meeting.audio_sha256 == file_sha256(SAMPLE)
    assert service.store.blobs.verify(file_sha256(SAMPLE))

    target.rename(inbox_dir / "renamed.wav")
    shutil.copy(SAMPLE, inbox_dir / "copy.mp3")
    (inbox_dir / "notes.txt").write_text("not audio")
    assert scan_until(inbox, 1.5) == []
    service.stop()

    restarted = Service(settings, run_worker=False)
    assert scan_until(Inbox(inbox_dir, restarted), 1.5) == []
    assert meeting_count(restarted) == 1
    restarted.stop()


def test_serve_setting_starts_the_inbox(tmp_path):
    inbox_dir = tmp_path / "inbox"
    settings = service_settings(tmp_path / "data", watch_dir=inbox_dir, watch_settle=0.3, watch_interval=0.1)
    service = Service(settings, run_worker=False)
    service.start()
    try:
        deadline = time.monotonic() + 5
        while not inbox_dir.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        shutil.copy(SAMPLE, inbox_dir / "meeting.wav")
        while meeting_count(service) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert meeting_count(service) == 1
    finally:
        service.stop()


def test_a_recording_made_before_midnight_keeps_its_day(tmp_path):
    """A file recorded at 23:50 Hong Kong time and picked up after midnight is that evening's meeting,
    as the CLI dates it: the day comes from the file's own time, not the time it was processed."""
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    settings = service_settings(tmp_path / "data", watch_dir=inbox_dir, watch_settle=0.2, watch_interval=0.1)
    service = Service(settings, run_worker=False)
    target = inbox_dir / "夜會.wav"
    shutil.copy(SAMPLE, target)
    evening = datetime(2026, 3, 12, 23, 50, tzinfo=ZoneInfo("Asia/Hong_Kong")).timestamp()
    os.utime(target, (evening, evening))
    created = scan_until(Inbox(inbox_dir, service), 1.0)
    assert len(created) == 1
    with service.store.session() as session:
        assert session.get(Meeting, created[0]).meeting_date == recording_date(target, "Asia/Hong_Kong") == "2026-03-12"
    service.stop()
