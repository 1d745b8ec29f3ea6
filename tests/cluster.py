"""A scaled-out service on this machine: one `assistant serve` that only enqueues and `assistant worker`
processes, on a Postgres database and a Redis queue (``tests.servers``), with the fastest settings
for short recordings (greedy decoding, rule-based extraction, one CPU thread per process).
Used by the scale test and ``python -m bench.scale``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from assistant.accounts.tokens import create_token
from assistant.accounts.users import create_user
from assistant.config import ServiceSettings
from assistant.store.store import Store
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[1]
CLIPS = ["gd0039300_608520_611030.wav", "gd0006277_2929310_2932210.wav", "gd0053388_916230_919890.wav",
         "gd0015582_0_4280.wav"]  # the shortest of samples/eval/asr (2.7-4.4 s)
FAST = {
    "ASSISTANT_EXTRACTION__BACKEND": "rules",
    "ASSISTANT_ASR__BEAM_SIZE": "1",
    "ASSISTANT_ASR__TEMPERATURES": "[0.0]",
    "ASSISTANT_ASR__CPU_THREADS": "1",
    "ASSISTANT_ASR__LANGUAGE_SWITCH_PROBABILITY": "1.0",  # the clips are Cantonese: no detection pass
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "HF_HUB_OFFLINE": "1",
}


def recordings(folder: Path, n: int) -> list[Path]:
    """``n`` distinct recordings: the short clips, each copy with a few more milliseconds of silence."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        with wave.open(str(ROOT / "samples" / "eval" / "asr" / CLIPS[i % len(CLIPS)]), "rb") as src:
            params, frames = src.getparams(), src.readframes(src.getnframes())
        path = folder / f"meeting{i:02d}.wav"
        with wave.open(str(path), "wb") as dst:
            dst.setparams(params)
            dst.writeframes(frames + b"\0" * params.sampwidth * params.nchannels * 16 * (i + 1))
        paths.append(path)
    return paths


@dataclass
class Cluster:
    data_dir: Path
    database_url: str
    redis_url: str
    settings: dict[str, str] = field(default_factory=dict)  # more ASSISTANT_* variables
    web: subprocess.Popen | None = None
    workers: list[subprocess.Popen] = field(default_factory=list)
    url: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
        env.update(FAST)
        env.update({
            "ASSISTANT_SERVICE__DATA_DIR": str(self.data_dir),
            "ASSISTANT_SERVICE__DATABASE_URL": self.database_url,
            "ASSISTANT_SERVICE__REDIS_URL": self.redis_url,
            "ASSISTANT_AUTH__BOOTSTRAP_ADMIN": "false",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT),
                                                        os.environ.get("PYTHONPATH")])),
        })
        env.update(self.settings)
        return env

    def _log(self, name: str):
        (self.data_dir / "logs").mkdir(parents=True, exist_ok=True)
        return (self.data_dir / "logs" / f"{name}.log").open("w")

    def start_web(self) -> None:
        """`assistant serve` on a free port; returns once /readyz answers 200. Creates an admin token."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        store = Store(ServiceSettings(data_dir=self.data_dir, database_url=self.database_url))
        try:
            with store.session() as session:
                token, _ = create_token(session, create_user(session, "scale", "admin"), "scale")
                session.commit()
        finally:
            store.close()
        self.headers = {"Authorization": f"Bearer {token}"}
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.web = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
                                    env=self.env(), stdout=self._log("web"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.web.poll() is not None:
                raise RuntimeError(f"web process did not start; see {self.data_dir / 'logs' / 'web.log'}")
            time.sleep(0.2)

    def start_worker(self, *args: str) -> subprocess.Popen:
        n = len(self.workers) + 1
        proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "worker", *args], env=self.env(),
                                stdout=self._log(f"worker{n}"), stderr=subprocess.STDOUT)
        self.workers.append(proc)
        return proc

    def upload(self, client: httpx.Client, path: Path) -> str:
        with path.open("rb") as f:
            r = client.post(f"{self.url}/api/meetings", headers=self.headers,
                            files={"file": (path.name, f, "audio/wav")}, timeout=60)
        r.raise_for_status()
        return r.json()["id"]

    def stop(self) -> None:
        for proc in [*self.workers, self.web]:
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in [*self.workers, self.web]:
            if proc is not None:
                try:
                    proc.wait(60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
