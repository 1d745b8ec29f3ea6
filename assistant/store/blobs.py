"""Uploaded recordings, stored once per content under their sha256."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")


class TooLarge(Exception):
    """More bytes arrived than the upload limit allows."""


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int


class BlobWriter:
    """Receives a stream chunk by chunk into a temporary file, hashing as it goes."""

    def __init__(self, store: BlobStore, limit: int | None):
        self.store = store
        self.limit = limit
        self.size = 0
        self._hash = hashlib.sha256()
        fd, name = tempfile.mkstemp(dir=store.tmp_dir, suffix=".part")
        self._path = Path(name)
        self._file: BinaryIO = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.size += len(data)
        if self.limit is not None and self.size > self.limit:
            raise TooLarge(f"the upload is larger than {self.limit} bytes")
        self._hash.update(data)
        self._file.write(data)

    def commit(self) -> StoredBlob:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        sha = self._hash.hexdigest()
        final = self.store.path(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self._path, final)  # same content under the same name: replacing is harmless
        return StoredBlob(sha, self.size)

    def discard(self) -> None:
        if not self._file.closed:
            self._file.close()
        self._path.unlink(missing_ok=True)


class BlobStore:
    def __init__(self, root: Path):
        self.root = root
        self.tmp_dir = root / "tmp"
        self.tmp_dir.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        # Only a digest names a file: nothing else can lead outside the audio folder.
        if not SHA256.fullmatch(sha256):
            raise ValueError(f"not a sha256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def writer(self, limit: int | None = None) -> BlobWriter:
        return BlobWriter(self, limit)

    def put_file(self, source: Path) -> StoredBlob:
        writer = self.writer()
        try:
            with source.open("rb") as f:
                while chunk := f.read(CHUNK):
                    writer.write(chunk)
            return writer.commit()
        except BaseException:
            writer.discard()
            raise

    def verify(self, sha256: str) -> bool:
        path = self.path(sha256)
        return path.is_file() and file_sha256(path) == sha256

    def delete(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)

    def check_writable(self) -> None:
        """Raise OSError unless a file can be written in the storage (a shared mount that went away)."""
        fd, name = tempfile.mkstemp(dir=self.tmp_dir, suffix=".probe")
        os.close(fd)
        os.unlink(name)

    def clear_stale(self, max_age_s: float = 86400) -> None:
        """Partial uploads left by a crash (old enough not to be in progress)."""
        cutoff = time.time() - max_age_s
        for part in self.tmp_dir.glob("*.part"):
            if part.stat().st_mtime < cutoff:
                part.unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
