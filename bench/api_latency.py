"""p95 latency of GET /api/meetings/{id} while a processing job runs, from a second process.

Starts `assistant serve` (embedded defaults: SQLite, in-process worker) in a temporary folder,
uploads the sample, and polls the meeting from this process while the job runs. The loop is
bounded by --requests and --seconds and only talks to 127.0.0.1.
A processing thread shares the server process (and its GIL) with the API, so an unpaced loop
slows the job down; --rate paces the clients like browsers polling once a second each.
Usage: python -m bench.api_latency [--requests 2000] [--seconds 120] [--concurrency 4] [--rate 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import httpx

from assistant.config import PROJECT_ROOT
from bench.served import served

SAMPLE = PROJECT_ROOT / "samples" / "meeting_yue.wav"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="Stop after this many requests.")
    parser.add_argument("--seconds", type=float, default=120.0, help="Stop after this long.")
    parser.add_argument("--concurrency", type=int, default=4, help="Client threads.")
    parser.add_argument("--rate", type=float, default=20.0, help="Requests per second in all; 0 = unpaced.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp, served(Path(tmp) / "data", Path(tmp) / "server.log") as (url, _, auth):
        with SAMPLE.open("rb") as f:
            meeting = httpx.post(f"{url}/api/meetings", files={"file": (SAMPLE.name, f, "audio/wav")},
                                 headers=auth).json()
        status_url = url + meeting["status_url"]
        while httpx.get(status_url, headers=auth).json()["job"]["state"] != "running":
            time.sleep(0.1)

        latencies: list[float] = []
        stages: dict[str, int] = {}
        lock = threading.Lock()
        deadline = time.monotonic() + args.seconds

        interval = args.concurrency / args.rate if args.rate else 0.0

        def client() -> None:
            with httpx.Client(timeout=30, headers=auth) as http:
                while time.monotonic() < deadline:
                    time.sleep(interval)
                    t0 = time.perf_counter()
                    body = http.get(status_url).json()
                    elapsed = time.perf_counter() - t0
                    with lock:
                        if len(latencies) >= args.requests or body["job"]["state"] != "running":
                            return
                        latencies.append(elapsed)
                        stage = body["job"]["stage"] or "-"
                        stages[stage] = stages.get(stage, 0) + 1

        threads = [threading.Thread(target=client) for _ in range(args.concurrency)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
        while (job := httpx.get(status_url, headers=auth).json()["job"])["state"] == "running":
            time.sleep(0.5)

    ms = [x * 1000 for x in latencies]
    print(json.dumps({
        "requests": len(ms),
        "concurrency": args.concurrency,
        "target_rate": args.rate,
        "seconds": round(wall, 1),
        "requests_per_s": round(len(ms) / wall, 1),
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "max_ms": round(max(ms), 1),
        "by_stage": stages,
        "job_state": job["state"],
        "job_seconds": round((datetime.fromisoformat(job["finished_at"])
                              - datetime.fromisoformat(job["started_at"])).total_seconds(), 1),
    }, indent=2))


if __name__ == "__main__":
    main()
