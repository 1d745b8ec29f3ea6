"""Server memory while a large recording is uploaded: RSS of the `assistant serve` process.

The upload is streamed to disk in chunks, so RSS should not grow with the file size.
The file is not audio (its job fails at decoding), so no model is loaded during the measurement.
Usage: python -m bench.upload_rss [--mb 200]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from pathlib import Path

import httpx

from bench.served import served

CHUNK = 1024 * 1024


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200, help="Upload size in MiB.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.wav"
        with big.open("wb") as f:
            for _ in range(args.mb):
                f.write(os.urandom(CHUNK))
        with served(Path(tmp) / "data", Path(tmp) / "server.log") as (url, pid, auth):
            httpx.get(f"{url}/api/meetings", headers=auth)  # warm up the handler path
            baseline = rss_mb(pid)
            samples: list[float] = []
            done = threading.Event()

            def sample() -> None:
                while not done.is_set():
                    samples.append(rss_mb(pid))
                    time.sleep(0.02)

            sampler = threading.Thread(target=sample)
            sampler.start()
            t0 = time.perf_counter()
            with big.open("rb") as f:
                r = httpx.post(f"{url}/api/meetings", files={"file": ("big.wav", f, "audio/wav")}, headers=auth,
                               timeout=600)
            seconds = time.perf_counter() - t0
            done.set()
            sampler.join()
            after = rss_mb(pid)
    print(json.dumps({
        "upload_mib": args.mb,
        "status": r.status_code,
        "seconds": round(seconds, 2),
        "mib_per_s": round(args.mb / seconds, 1),
        "rss_baseline_mib": round(baseline, 1),
        "rss_peak_mib": round(max(samples), 1),
        "rss_growth_mib": round(max(samples) - baseline, 1),
        "rss_after_mib": round(after, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
