"""`make bench`: speed, memory, CER and DER of the assistant beside a naive baseline, in one run.

Usage: python -m bench [--skip-extraction] | python -m bench --hours N | python -m bench --cold
The first table ends with a 10-minute meeting built from the bench data, each system started cold in
its own process (Python start, model loading and, for the assistant, extraction all count).
  --cold     only that 10-minute meeting.
  --hours N  only this: an N-hour recording built from the bench data, its RTF per stage and peak RSS
             (extraction off; about 0.3 h of processing per hour of audio on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.config import PROJECT_ROOT
from bench.datasets import EVAL, asr_set, diarization_set

SAMPLE = PROJECT_ROOT / "samples" / "meeting_yue.wav"
SAMPLE_RTTM = PROJECT_ROOT / "samples" / "meeting_yue.rttm"
SYSTEMS = ("baseline", "ours")


def loop_sample(target: Path, seconds: float) -> Path:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-stream_loop", "-1", "-i", str(SAMPLE),
                    "-t", str(seconds), "-ar", "16000", "-ac", "1", str(target)], check=True)
    return target


def long_recording(target: Path, seconds: float) -> Path:
    """``seconds`` of meeting-like audio from the bench data: every evaluation recording in turn, looped."""
    sources = [SAMPLE, *(d.audio for d in diarization_set()), *(item.audio for item in asr_set())]
    playlist = target.with_suffix(".txt")
    playlist.write_text("".join(f"file '{p.resolve()}'\n" for p in sources), encoding="utf-8")
    once = target.with_name(target.stem + "_once.wav")
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(playlist),
                    "-ar", "16000", "-ac", "1", str(once)], check=True)
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-stream_loop", "-1", "-i", str(once),
                    "-t", str(seconds), "-c", "copy", str(target)], check=True)
    once.unlink()
    return target


def measure_long(work: Path, hours: float) -> None:
    seconds = hours * 3600
    recording = long_recording(work / f"{hours:g}h.wav", seconds)
    print(f"running ours on a {hours:g}-hour recording …", file=sys.stderr, flush=True)
    ours = run_system("ours", work, [SAMPLE, recording], [])
    timings = ours["files"][str(recording)]["timings"]
    for stage, took in timings.items():
        if stage != "wall":
            print(f"RTF {stage:12s} {took / seconds:.3f}")
    print(f"{hours:g}-hour recording: RTF {_wall(timings) / seconds:.3f} end to end (models loaded before timing, "
          f"no extraction), peak RSS {ours['peak_rss_mb']:.0f} MB")


def measure_cold(work: Path, seconds: float = 600) -> dict[str, tuple[float, float]]:
    """Wall-clock RTF and peak RSS (MB) of each system on a ``seconds``-long meeting, from a cold start.

    ``ours`` is the CLI (`assistant process`, extraction included) as a user runs it; ``baseline``
    is ``bench.systems baseline --cold``. Each runs in a fresh process; the peak is read with
    ``/usr/bin/time``-style ``wait4`` accounting of that process alone.
    """
    recording = long_recording(work / "ten_minutes.wav", seconds)
    commands = {
        "baseline": [sys.executable, "-m", "bench.systems", "baseline", str(work / "cold.json"), str(recording), "--cold"],
        "ours": [sys.executable, "-m", "assistant.cli", "process", str(recording), "--out", str(work / "cold")],
    }
    out = {}
    for system, cmd in commands.items():
        print(f"running {system} cold on a {seconds / 60:g}-minute meeting …", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - t0
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{system} failed on {recording} (exit {os.waitstatus_to_exitcode(status)})")
        out[system] = (took / seconds, usage.ru_maxrss / 1024)
    return out


def run_system(system: str, work: Path, audio: list[Path], clips: list[Path]) -> dict:
    out = work / f"{system}.json"
    cmd = [sys.executable, "-m", "bench.systems", system, str(out), *map(str, audio)]
    if clips:
        cmd += ["--asr-clips", *map(str, clips)]
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def score(script: str, *args: str) -> tuple[float, str]:
    result = subprocess.run([sys.executable, str(EVAL / script), *args], capture_output=True, text=True, check=True)
    last = result.stdout.strip().splitlines()[-1]
    return float(re.search(r"(CER|DER)=([\d.]+)", last).group(2)), last


def write_rttm(path: Path, results: dict, uris: dict[str, str]) -> Path:
    lines = []
    for audio, uri in uris.items():
        for t in results["files"][audio]["turns"]:
            lines.append(f"SPEAKER {uri} 1 {t['start']:.3f} {t['end'] - t['start']:.3f} <NA> <NA> {t['speaker']} <NA> <NA>\n")
    path.write_text("".join(lines))
    return path


def _wall(timings: dict[str, float]) -> float:
    """A run's seconds: its wall clock where stages overlap (ours), else the sum of its stages."""
    return timings.get("wall", sum(timings.values()))


def rtf(results: dict, files: list[Path]) -> dict[str, float]:
    total = sum(results["files"][str(f)]["duration"] for f in files)
    stages: dict[str, float] = {}
    for f in files:
        for stage, seconds in results["files"][str(f)]["timings"].items():
            if stage != "wall":
                stages[stage] = stages.get(stage, 0.0) + seconds
    out = {stage: seconds / total for stage, seconds in sorted(stages.items())}
    out["end to end"] = sum(_wall(results["files"][str(f)]["timings"]) for f in files) / total
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-extraction", action="store_true")
    parser.add_argument("--hours", type=float, help="Only measure an N-hour recording built from the bench data.")
    parser.add_argument("--cold", action="store_true", help="Only measure the cold 10-minute meeting.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.hours:
            measure_long(work, args.hours)
            return
        if args.cold:
            cold = measure_cold(work)
            for system, (speed, peak) in cold.items():
                print(f"{system:9s} 10-minute meeting, cold: RTF {speed:.3f}, peak RSS {peak:.0f} MB")
            print(f"speed-up {cold['baseline'][0] / cold['ours'][0]:.2f}x")
            return
        diar = diarization_set()
        timing_files = [SAMPLE, loop_sample(work / "five_minutes.wav", 300)]
        audio = timing_files + [item.audio for item in diar]
        clips = [item.audio for item in asr_set()]
        results = {}
        for system in SYSTEMS:
            print(f"running {system} …", file=sys.stderr, flush=True)
            results[system] = run_system(system, work, audio, clips)

        rows: list[tuple[str, str, str]] = []
        for system in SYSTEMS:
            hyps = work / f"{system}_asr.jsonl"
            hyps.write_text("".join(json.dumps({"audio": k, "text": v}, ensure_ascii=False) + "\n"
                                    for k, v in results[system]["asr"].items()), encoding="utf-8")
        cer = {s: score("score_asr.py", str(EVAL / "asr" / "refs.jsonl"), str(work / f"{s}_asr.jsonl"))[0] for s in SYSTEMS}
        rows.append(("CER, samples/eval/asr (12 clips)", *(f"{cer[s]:.3f}" for s in SYSTEMS)))

        sets = {
            "dev meeting": ([d for d in diar if d.uri == "dev_meeting"], EVAL / "meetings" / "dev_meeting.rttm", None),
            "diarisation set (3 files)": ([d for d in diar if d.uri != "dev_meeting"], EVAL / "diarization" / "ref.rttm",
                                          EVAL / "diarization" / "ref.uem"),
        }
        for name, (items, ref, uem) in sets.items():
            cells = []
            for s in SYSTEMS:
                hyp = write_rttm(work / f"{s}_{name[:3]}.rttm", results[s], {str(d.audio): d.uri for d in items})
                der, line = score("score_diarization.py", str(ref), str(hyp), *(["--uem", str(uem)] if uem else []))
                counts = re.search(r"speakers_ref=(\d+) speakers_hyp=(\d+)", line).groups()
                cells.append(f"{der:.3f} (speakers {counts[1]}/{counts[0]})")
            rows.append((f"DER, {name}", *cells))
        ref_all = work / "all_ref.rttm"
        ref_all.write_text((EVAL / "meetings" / "dev_meeting.rttm").read_text() + (EVAL / "diarization" / "ref.rttm").read_text())
        uem_all = work / "all.uem"
        uem_all.write_text((EVAL / "diarization" / "ref.uem").read_text() + "dev_meeting NA 0.000 44.463\n")
        cells = []
        for s in SYSTEMS:
            hyp = write_rttm(work / f"{s}_all.rttm", results[s], {str(d.audio): d.uri for d in diar})
            cells.append(f"{score('score_diarization.py', str(ref_all), str(hyp), '--uem', str(uem_all))[0]:.3f}")
        rows.append(("DER, dev meeting + diarisation set", *cells))
        cells = []
        for s in SYSTEMS:
            hyp = write_rttm(work / f"{s}_sample.rttm", results[s], {str(SAMPLE): "meeting_yue"})
            der, line = score("score_diarization.py", str(SAMPLE_RTTM), str(hyp))
            counts = re.search(r"speakers_ref=(\d+) speakers_hyp=(\d+)", line).groups()
            cells.append(f"{der:.3f} (speakers {counts[1]}/{counts[0]})")
        rows.append(("DER, samples/meeting_yue", *cells))

        speeds = {s: rtf(results[s], timing_files) for s in SYSTEMS}
        for stage in sorted(set(speeds["ours"]) | set(speeds["baseline"]), key=lambda x: (x == "end to end", x)):
            rows.append((f"RTF {stage} (sample + 5 min)", *(f"{speeds[s].get(stage, 0):.3f}" for s in SYSTEMS)))
        rows.append(("peak RSS, MB", *(f"{results[s]['peak_rss_mb']:.0f}" for s in SYSTEMS)))
        speedup = speeds["baseline"]["end to end"] / speeds["ours"]["end to end"]
        cold = measure_cold(work)
        rows.append(("RTF 10-min meeting, cold (ours: CLI + extraction)", *(f"{cold[s][0]:.3f}" for s in SYSTEMS)))
        rows.append(("peak RSS 10-min meeting, cold, MB", *(f"{cold[s][1]:.0f}" for s in SYSTEMS)))

        width = max(len(r[0]) for r in rows) + 2
        print(f"\n{'metric':{width}s}{'baseline':>24s}{'assistant':>24s}")
        for name, *cells in rows:
            print(f"{name:{width}s}" + "".join(f"{c:>24s}" for c in cells))
        print(f"\nend-to-end speed-up over the baseline: {speedup:.2f}x (warm, sample + 5 min); "
              f"{cold['baseline'][0] / cold['ours'][0]:.2f}x (cold, 10-minute meeting)")

    if not args.skip_extraction and (PROJECT_ROOT / "bench" / "extraction.py").exists():
        subprocess.run([sys.executable, "-m", "bench.extraction"], check=True)
    subprocess.run([sys.executable, "-m", "bench.identification"], check=True)
    subprocess.run([sys.executable, "-m", "bench.dingtalk_faults"], check=True)


if __name__ == "__main__":
    main()
