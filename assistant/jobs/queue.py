"""The job queue: Huey, on SQLite in the data folder (embedded) or on Redis (several workers)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from huey import Huey, PriorityRedisHuey, RedisHuey, SqliteHuey, crontab

from assistant.config import ServiceSettings


def make_huey(settings: ServiceSettings, redis_name: str, sqlite_name: str, sqlite_file: str,
              priority: bool = False) -> Huey:
    """Redis when ``redis_url`` is set (the queue named ``redis_name``), else SQLite in the data folder.

    Huey's Redis storage pops a message (BRPOP) without acknowledgement: a worker killed mid-job loses
    it, and the lease in the database (``store.jobs.expired``) is what brings the job back.
    """
    if settings.redis_url:
        cls = PriorityRedisHuey if priority else RedisHuey
        return cls(redis_name, url=settings.redis_url, results=False, utc=True)
    return SqliteHuey(sqlite_name, filename=str(Path(settings.data_dir) / sqlite_file), results=False, utc=True)


class JobQueue:
    def __init__(self, settings: ServiceSettings, run: Callable[[str], None]):
        self.name = settings.processing_queue
        self.huey = make_huey(settings, settings.processing_queue, "assistant", "queue.db")
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

    def length(self) -> int:
        """Messages waiting to be taken (scheduled retries not counted)."""
        return self.huey.pending_count()

    def clear(self) -> None:
        self.huey.flush()
