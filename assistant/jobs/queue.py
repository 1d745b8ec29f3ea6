"""The job queue: Huey with its SQLite storage in the data folder (a Redis Huey drops in here later)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from huey import SqliteHuey, crontab


class JobQueue:
    def __init__(self, data_dir: Path, run: Callable[[str], None]):
        self.huey = SqliteHuey("assistant", filename=str(data_dir / "queue.db"), results=False, utc=True)
        self._task = self.huey.task(name="process_meeting")(run)

    def enqueue(self, job_id: str, eta: datetime | None = None) -> None:
        if eta is None:
            self._task(job_id)
        else:
            self._task.schedule((job_id,), eta=eta)

    def hourly(self, name: str, fn: Callable[[], None]) -> None:
        self.huey.periodic_task(crontab(minute="0"), name=name)(fn)

    def every(self, minutes: int, name: str, fn: Callable[[], None]) -> None:
        self.huey.periodic_task(crontab(minute=f"*/{minutes}"), name=name)(fn)

    def clear(self) -> None:
        self.huey.flush()
