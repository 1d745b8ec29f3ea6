"""Extraction benchmark: each backend on samples/eval/extraction, scored by the shared scorer.

    python -m bench.extraction [--backends baseline rules llama_cpp]

Only the transcript part of each meeting (date, time zone, attendees, turns) is given to the
extractor; the gold labels are read by score_extraction.py alone.

``baseline`` is what one writes first, in the same run for comparison: every sentence with a
cue word of a commitment or request is an item owned by its speaker, with the sentence as its
task and no due time; every sentence with a decision word is a decision.

The set is reported whole and in two slices. HELD_OUT is every fourth meeting in sorted order
(the 4th, 8th, …) except dev_b_02, which was read while the date rules were written, before
the slice was fixed. Nothing in the extractor was written or tuned while looking at the held-out
meetings, so a gap between the slices measures over-fitting.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.config import get_settings
from assistant.extract import extract_transcript
from assistant.extract.backends import gguf_path, load_model
from assistant.weights import WeightsError
from bench.datasets import EVAL

EXTRACTION = EVAL / "extraction"
SCORER = EVAL / "score_extraction.py"
INPUT_KEYS = ("date", "timezone", "attendees", "turns")
MEETINGS = sorted(EXTRACTION.glob("*.json"))
HELD_OUT = frozenset(path.stem for path in MEETINGS[3::4]) - {"dev_b_02"}
LONG_TURNS = 119  # the 10-minute meeting
DAY_TURNS = 2000  # about five hours of talk
WORST_TURN_CHARS = 20_000


BASELINE_ITEM = re.compile(r"我會|我嚟|我去|你要|你幫|幫手|記得|負責|跟進|I'll|I will|please|could you", re.IGNORECASE)
BASELINE_DECISION = re.compile(r"決定|定咗|同意|通過|就咁|decided|agreed", re.IGNORECASE)


def naive_baseline(meeting: dict) -> dict:
    """The baseline's minutes for a transcript: cue-word sentences, owned by their speaker."""
    items, decisions = [], []
    for index, turn in enumerate(meeting.get("turns") or []):
        for sentence in re.split(r"(?<=[。！？!?])", turn.get("text") or ""):
            if BASELINE_ITEM.search(sentence):
                items.append({"owner": turn.get("speaker"), "task": sentence.strip(), "deadline": None,
                              "priority": "app", "turn": index})
            elif BASELINE_DECISION.search(sentence):
                decisions.append({"text": sentence.strip(), "turn": index})
    return {"decisions": decisions, "action_items": items}


def _installed(settings) -> bool:
    try:
        return gguf_path(settings).is_file()
    except WeightsError:
        return False


def _input(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: data[k] for k in INPUT_KEYS if k in data}


def run_backend(backend: str, out_dir: Path) -> float:
    """Predictions for every meeting into out_dir; seconds per meeting (model loading excluded)."""
    settings = get_settings().extraction.model_copy(update={"backend": backend})
    if backend != "baseline":
        load_model(settings)
    started = time.perf_counter()
    for path in MEETINGS:
        result = naive_baseline(_input(path)) if backend == "baseline" else extract_transcript(_input(path), settings)
        (out_dir / path.name).write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return (time.perf_counter() - started) / max(1, len(MEETINGS))


def long_meeting_seconds(backend: str, turns_wanted: int = LONG_TURNS) -> float:
    """Seconds to extract one meeting of turns_wanted turns: the dev meetings' turns back to back
    (again from the first when they run out), on one date, with the attendees of the meetings
    that make its first LONG_TURNS turns (further lists would give one alias to two people)."""
    meetings = [_input(path) for path in MEETINGS]
    turns = [turn for _ in range(turns_wanted // sum(len(m["turns"]) for m in meetings) + 1)
             for m in meetings for turn in m["turns"]][:turns_wanted]
    first, said = [], 0
    for m in meetings:
        if said >= LONG_TURNS:
            break
        first.append(m)
        said += len(m["turns"])
    attendees = list({a["name"]: a for m in first for a in m.get("attendees", [])}.values())
    meeting = {"date": meetings[0]["date"], "attendees": attendees, "turns": turns}
    started = time.perf_counter()
    if backend == "baseline":
        naive_baseline(meeting)
    else:
        extract_transcript(meeting, get_settings().extraction.model_copy(update={"backend": backend}))
    return time.perf_counter() - started


def worst_turn_seconds(backend: str) -> float:
    """Seconds to extract one turn of WORST_TURN_CHARS commas: the input that made the rules
    backtrack longest (a clause that never ends)."""
    meeting = {"date": "2026-03-11", "turns": [{"speaker": "A", "text": "，" * WORST_TURN_CHARS}]}
    started = time.perf_counter()
    extract_transcript(meeting, get_settings().extraction.model_copy(update={"backend": backend}))
    return time.perf_counter() - started


def score(pred_dir: Path, ids: set[str] | None = None) -> dict:
    """The scorer's JSON summary over all meetings, or only over ids."""
    with tempfile.TemporaryDirectory(prefix="gold-") as gold:
        for path in MEETINGS:
            if ids is None or path.stem in ids:
                (Path(gold) / path.name).symlink_to(path.resolve())
        done = subprocess.run([sys.executable, str(SCORER), gold, str(pred_dir), "--json"],
                              capture_output=True, text=True, check=True)
    return json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))


def _row(name: str, s: dict, ids: set[str] | None) -> str:
    """One table row; an accuracy over no matched items (or no gold time of day) prints as –."""
    a = s["action_items"]
    timed = sum(1 for path in MEETINGS if ids is None or path.stem in ids
                for item in json.loads(path.read_text(encoding="utf-8"))["gold"]["action_items"] if item.get("due_time"))
    deadline = f"{s['deadline_accuracy']:9.3f}" if a["recall"] else f"{'–':>9s}"
    clock = f"{s['time_accuracy']:6.3f}" if a["recall"] and timed else f"{'–':>6s}"
    return (f"{name:22s} {a['precision']:7.3f} {a['recall']:7.3f} {a['f1']:8.3f} {s['decisions']['f1']:7.3f} "
            f"{deadline} {clock}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", nargs="+", default=["baseline", "rules", "llama_cpp"],
                        choices=["baseline", "rules", "llama_cpp", "transformers", "openai"])
    args = parser.parse_args(argv)
    tuned = {p.stem for p in MEETINGS} - HELD_OUT
    print(f"extraction: {len(MEETINGS)} meetings; held out (never tuned on): {', '.join(sorted(HELD_OUT))}")
    print(f"{'backend / slice':22s} {'item P':>7s} {'item R':>7s} {'item F1':>8s} {'dec F1':>7s} "
          f"{'deadline':>9s} {'time':>6s}")
    for backend in args.backends:
        settings = get_settings().extraction.model_copy(update={"backend": backend})
        if backend == "llama_cpp" and not _installed(settings):
            print(f"skip {backend}: model not available", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory(prefix=f"extract-{backend}-") as tmp:
            seconds = run_backend(backend, Path(tmp))
            for name, ids in ((f"all {len(MEETINGS)}", None), ("tuned", tuned), ("held out", set(HELD_OUT))):
                print(_row(f"{backend} {name}", score(Path(tmp), ids), ids))
        print(f"{backend}: {seconds:.1f} s per meeting; {long_meeting_seconds(backend):.1f} s for a "
              f"{LONG_TURNS}-turn meeting")
        if backend == "rules":  # a whole day's recording, and a turn that no sentence ends
            print(f"{backend}: {long_meeting_seconds(backend, DAY_TURNS):.1f} s for a {DAY_TURNS}-turn meeting; "
                  f"{worst_turn_seconds(backend):.1f} s for one {WORST_TURN_CHARS}-character turn of commas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
