"""`assistant serve` as a real process on 127.0.0.1, for the tests that process audio for real."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, data_dir: Path, log_path: Path):
        self.data_dir = data_dir
        self.log_path = log_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 90) -> None:
        env = {**os.environ, "ASSISTANT_SERVICE__RETRY_DELAY": "1"}
        log = self.log_path.open("a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve",
             "--port", str(self.port), "--data-dir", str(self.data_dir)],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: see {self.log_path}")
            try:
                if httpx.get(f"{self.url}/api/meetings", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as when the machine loses power."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()

    def meeting(self, meeting_id: str) -> dict:
        return httpx.get(f"{self.url}/api/meetings/{meeting_id}", timeout=10).json()

    def wait(self, meeting_id: str, until, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            body = self.meeting(meeting_id)
            if until(body):
                return body
            time.sleep(0.25)
        raise AssertionError(f"timed out; last state {body['status']} {body['job']}")
