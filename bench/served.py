"""Start `assistant serve` with embedded defaults in a temporary data folder, for the service benchmarks."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

from assistant.accounts.tokens import create_token
from assistant.accounts.users import create_user
from assistant.config import ServiceSettings
from assistant.store.store import Store


def admin_token(data_dir: Path) -> str:
    store = Store(ServiceSettings(data_dir=data_dir))
    try:
        with store.session() as session:
            token, _ = create_token(session, create_user(session, "bench", "admin"), "bench")
            session.commit()
            return token
    finally:
        store.close()


@contextmanager
def served(data_dir: Path, log_path: Path):
    """Yields (base url, server pid, auth headers); the server runs as its own process on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {admin_token(data_dir)}"}
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port), "--data-dir", str(data_dir)],
            stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{url}/api/meetings", headers=headers, timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            else:
                raise RuntimeError(f"server did not start; see {log_path}")
            yield url, proc.pid, headers
        finally:
            proc.terminate()
            proc.wait(30)
