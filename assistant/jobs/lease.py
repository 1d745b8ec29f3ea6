"""Leases: a worker holds a job or an outbox operation while its heartbeat renews the lease in the
database; when the worker dies the lease expires and another worker takes the work over
(``assistant.jobs.sweeper``)."""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable

from sqlalchemy.orm import Session

from assistant.store.store import Store

log = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def new_holder() -> str:
    """A name for one claim: the worker, and a token telling this claim from a later one."""
    return f"{worker_name()}:{secrets.token_hex(4)}"


class Heartbeat:
    """Renews a lease every third of ``lease_s`` in a thread; ``lost`` once it could not.

    ``renew(session)`` extends the lease and returns whether it was still held.
    """

    def __init__(self, store: Store, name: str, renew: Callable[[Session], bool], lease_s: float):
        self.store, self.name, self.renew, self.lease_s = store, name, renew, lease_s
        self.lost = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-{name}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.lease_s / 3):
            try:
                with self.store.session() as session:
                    renewed = self.renew(session)
                    session.commit()
            except Exception:  # the database is away: keep trying until the lease runs out
                log.warning("%s: could not renew the lease", self.name, exc_info=True)
                continue
            if not renewed:
                log.warning("%s: lease lost (expired and taken over, or cancelled)", self.name)
                self.lost = True
                return
