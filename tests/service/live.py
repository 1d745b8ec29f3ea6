"""`assistant serve` as a real process on 127.0.0.1, for the tests that process audio for real."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

from assistant.accounts.tokens import create_token
from assistant.accounts.users import create_user
from assistant.api.main import create_app
from assistant.api.server import uvicorn_config
from assistant.config import ServiceSettings, Settings
from assistant.store.store import Store

CHROMIUM = "/usr/bin/chromium"  # Debian's, driven by Playwright
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def app_on_loopback(settings: Settings) -> Iterator[tuple[FastAPI, str]]:
    """The app (no worker) served by uvicorn in a thread on a free port, configured as `assistant serve`
    configures it: (app, base URL)."""
    port = free_port()
    settings = settings.model_copy(update={"service": settings.service.model_copy(
        update={"port": port, "host": "127.0.0.1"})})
    app = create_app(settings, run_worker=False)
    server = uvicorn.Server(uvicorn_config(app, settings.service))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        yield app, f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)


@contextmanager
def chromium() -> Iterator:
    """Headless Chromium (a Playwright ``Browser``), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def sign_in(page, username: str, password: str) -> None:
    """Fill and send the sign-in form the page is showing."""
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form.login button[type=submit]")


class LiveServer:
    USERNAME = "live-admin"
    PASSWORD = "live-admin-password"

    def __init__(self, data_dir: Path, log_path: Path):
        self.data_dir = data_dir
        self.log_path = log_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.headers = {"Authorization": f"Bearer {self._admin_token()}"}

    def _admin_token(self) -> str:
        """An admin account (USERNAME / PASSWORD, for the browser) and an API token for httpx."""
        store = Store(ServiceSettings(data_dir=self.data_dir))
        try:
            with store.session() as session:
                user = create_user(session, self.USERNAME, "admin", self.PASSWORD)
                token, _ = create_token(session, user, "live tests")
                session.commit()
                return token
        finally:
            store.close()

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
                if httpx.get(f"{self.url}/api/meetings", headers=self.headers, timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as when the machine loses power."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def interrupt(self, timeout: float) -> int:
        """SIGINT (Ctrl-C), then the exit status once the process has ended."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()

    def meeting(self, meeting_id: str) -> dict:
        return httpx.get(f"{self.url}/api/meetings/{meeting_id}", headers=self.headers, timeout=10).json()

    def wait(self, meeting_id: str, until, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            body = self.meeting(meeting_id)
            if until(body):
                return body
            time.sleep(0.25)
        raise AssertionError(f"timed out; last state {body['status']} {body['job']}")
