"""Extraction benchmark: each backend on samples/eval/extraction, scored by the shared scorer.

    python -m bench.extraction [--backends rules llama_cpp]

Only the transcript part of each meeting is given to the extractor; the gold labels are read
by score_extraction.py alone.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.config import get_settings
from assistant.extract import extract_transcript
from assistant.extract.backends import load_model, resolve_backend
from bench.datasets import EVAL

EXTRACTION = EVAL / "extraction"
SCORER = EVAL / "score_extraction.py"
INPUT_KEYS = ("date", "timezone", "attendees", "turns")


def run_backend(backend: str, out_dir: Path) -> float:
    """Predictions for every meeting into out_dir; seconds per meeting (model loading excluded)."""
    settings = get_settings().extraction.model_copy(update={"backend": backend})
    load_model(settings)
    meetings = sorted(EXTRACTION.glob("*.json"))
    started = time.perf_counter()
    for path in meetings:
        data = json.loads(path.read_text(encoding="utf-8"))
        result = extract_transcript({k: data[k] for k in INPUT_KEYS if k in data}, settings)
        (out_dir / path.name).write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return (time.perf_counter() - started) / max(1, len(meetings))


def thirty_turn_seconds(backend: str) -> float:
    """Seconds for one 30-turn meeting (the issue's speed target): the dev transcripts back to back."""
    settings = get_settings().extraction.model_copy(update={"backend": backend})
    meetings = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXTRACTION.glob("*.json"))]
    turns = [turn for m in meetings for turn in m["turns"]][:30]
    attendees = list({a["name"]: a for m in meetings for a in m.get("attendees", [])}.values())
    started = time.perf_counter()
    extract_transcript({"date": meetings[0]["date"], "attendees": attendees, "turns": turns}, settings)
    return time.perf_counter() - started


def score(out_dir: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCORER), str(EXTRACTION), str(out_dir), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", nargs="+", default=["rules", "llama_cpp"],
                        choices=["rules", "llama_cpp", "transformers", "openai"])
    args = parser.parse_args(argv)
    rows = []
    for backend in args.backends:
        settings = get_settings().extraction.model_copy(update={"backend": backend})
        if backend == "llama_cpp" and resolve_backend(settings.model_copy(update={"backend": "auto"})) != backend:
            print(f"skip {backend}: model not available", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory(prefix=f"extract-{backend}-") as tmp:
            seconds = run_backend(backend, Path(tmp))
            s = score(Path(tmp))
        a = s["action_items"]
        rows.append((backend, a["precision"], a["recall"], a["f1"], s["deadline_accuracy"], s["decisions"]["f1"], seconds,
                     thirty_turn_seconds(backend)))
    print(f"{'backend':12s} {'item P':>7s} {'item R':>7s} {'item F1':>8s} {'deadline':>9s} {'dec F1':>7s} "
          f"{'s/meeting':>10s} {'s/30 turns':>11s}")
    for backend, p, r, f, dl, df, sec, sec30 in rows:
        print(f"{backend:12s} {p:7.3f} {r:7.3f} {f:8.3f} {dl:9.3f} {df:7.3f} {sec:10.1f} {sec30:11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
