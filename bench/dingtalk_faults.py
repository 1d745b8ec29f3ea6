"""DingTalk delivery under faults: N items pushed by `assistant serve` to the fake DingTalk while every
third to-do create loses its answer, every third card and contacts call fails with 500, tokens expire
mid-push, a low QPS limit gives rate-limit bursts, and the server is SIGKILLed mid-push and restarted.

Usage: python -m bench.dingtalk_faults [--items 50] [--window 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from assistant.config import PROJECT_ROOT


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--window", type=float, default=3.0, help="follow-up window, seconds")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(PROJECT_ROOT))  # the fake DingTalk is test code
    from tests.dingtalk import fault_scenario

    with tempfile.TemporaryDirectory() as tmp:
        run = fault_scenario.run(args.items, Path(tmp), window_s=args.window, timeout_s=600)
    latency = sorted(run.escalation_latency_s)
    print(f"\nDingTalk delivery under faults ({run.items} items, follow-up window {args.window:g} s)")
    rows = [
        ("items pushed (to-do on the fake)", f"{run.pushed}/{run.items}"),
        ("faults injected (500, lost answers, token expiry)", str(run.faults_injected)),
        ("rate-limit answers (403 QpsLimit)", str(run.rate_limited)),
        ("server SIGKILLed mid-push", f"{run.kills} (after {run.created_before_kill} to-dos)"),
        ("down from kill to restarted server's first call (s)", f"{run.downtime_s:.1f}"),
        ("duplicate to-dos", str(run.duplicates)),
        ("lost items", str(run.lost)),
        ("duplicate DINGs", str(run.ding_duplicates)),
        ("escalated to the manager", f"{run.escalations} (duplicates {run.escalation_duplicates})"),
        ("escalation latency, median / max (s)",
         f"{statistics.median(latency):.1f} / {latency[-1]:.1f}" if latency else "n/a"),
        ("wall time (s)", f"{run.wall_s:.1f}"),
    ]
    width = max(len(name) for name, _ in rows) + 2
    for name, value in rows:
        print(f"{name:{width}s}{value:>24s}")


if __name__ == "__main__":
    main()
