"""A real PostgreSQL and a real Redis for the tests, started in temporary folders on free ports of
127.0.0.1 (Debian packages ``postgresql`` and ``redis-server``; ``.ci/run`` installs them).

PostgreSQL refuses to run as root: as root, the cluster belongs to ``nobody`` and its programs run
through ``runuser``. Each test gets its own database, copied from a template that already has the
schema (``CREATE DATABASE … TEMPLATE``: milliseconds instead of running the migrations again).
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

TEMPLATE = "assistant_template"


class Unavailable(Exception):
    """The server's programs are not installed."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)),
                                       None)
    if found is None:
        raise Unavailable(f"PostgreSQL's {name} not found (apt-get install postgresql)")
    return found


class Postgres:
    def __init__(self) -> None:
        self.initdb, self.pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        self.folder = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
        self.port = free_port()
        self._as = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
        if self._as:
            shutil.chown(self.folder, "nobody")

    def start(self) -> Postgres:
        data = self.folder / "data"
        subprocess.run([*self._as, self.initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                        "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True)
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        subprocess.run([*self._as, self.pg_ctl, "-D", str(data), "-l", str(self.folder / "log"), "-o", options,
                        "-w", "-t", "60", "start"], check=True, capture_output=True)
        self._admin(f"CREATE DATABASE {TEMPLATE}")
        from assistant.store.db import make_engine, upgrade

        engine = make_engine(self.url(TEMPLATE))
        upgrade(engine)
        engine.dispose()
        return self

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh database with the schema at head; returns its SQLAlchemy URL."""
        name = "t_" + secrets.token_hex(6)
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute(statement)

    def stop(self) -> None:
        subprocess.run([*self._as, self.pg_ctl, "-D", str(self.folder / "data"), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


class Redis:
    def __init__(self) -> None:
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise Unavailable("redis-server not found (apt-get install redis-server)")
        self.folder = Path(tempfile.mkdtemp(prefix="assistant-redis-"))
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process: subprocess.Popen | None = None

    def start(self) -> Redis:
        self._process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import redis

        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self._process.poll() is not None:
                    raise
                time.sleep(0.05)
        client.close()
        return self

    def flush(self) -> None:
        import redis

        with redis.Redis.from_url(self.url) as client:
            client.flushall()

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)
