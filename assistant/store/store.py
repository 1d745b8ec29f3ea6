"""One handle on the database and the stored audio of a data folder."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from assistant.config import ServiceSettings
from assistant.store.blobs import BlobStore
from assistant.store.db import make_engine, session_factory, upgrade


class Store:
    def __init__(self, settings: ServiceSettings):
        self.data_dir: Path = settings.data_dir
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(settings.db_url)
        upgrade(self.engine)
        self._sessions = session_factory(self.engine)
        self.blobs = BlobStore(settings.audio_root)

    def session(self) -> Session:
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()
