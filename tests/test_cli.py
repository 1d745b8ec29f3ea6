"""The `assistant` command as a user runs it, with the network cut off."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.conftest import ffmpeg


def run(*args, cwd=None, offline=True):
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    cmd = [sys.executable, "-m", "assistant.cli", *args]
    # A private network namespace has no route anywhere: any hub access would fail loudly.
    if offline and shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        cmd = ["unshare", "-n", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=600)


def test_help_for_each_command():
    result = run("--help")
    assert result.returncode == 0 and "process" in result.stdout
    result = run("process", "--help")
    assert result.returncode == 0
    for option in ("--out", "--num-speakers", "--min-speakers", "--max-speakers", "--initial-prompt", "--vocabulary"):
        assert option in result.stdout


def test_process_offline_writes_every_output(tmp_path, sample):
    clip = tmp_path / "會議 (clip).m4a"
    ffmpeg("-i", str(sample), "-t", "32", "-c:a", "aac", str(clip))
    out = tmp_path / "out"
    result = run("process", str(clip), "--out", str(out), "--quiet", "--vocabulary", "長老")
    assert result.returncode == 0, result.stderr
    names = {p.name for p in out.iterdir()}
    assert names == {"minutes.json", "minutes.md", "transcript.srt", "transcript.vtt", "diarization.rttm"}
    data = json.loads((out / "minutes.json").read_text(encoding="utf-8"))
    assert data["meeting"]["language"] == "yue"
    assert abs(data["meeting"]["duration"] - 32.0) < 0.2
    assert len(data["speakers"]) >= 2 and data["turns"]
    for item in data["action_items"]:
        assert set(item) == {"owner", "task", "deadline", "priority", "turn"}
        assert item["priority"] in {"call", "sms", "app"} and 0 <= item["turn"] < len(data["turns"])
    assert all(set(d) == {"text", "turn"} for d in data["decisions"])
    assert (out / "diarization.rttm").read_text().startswith("SPEAKER ")


def test_bad_input_exits_non_zero_with_a_message(tmp_path):
    notes = tmp_path / "notes.mp3"
    notes.write_text("not audio", encoding="utf-8")
    result = run("process", str(notes), "--out", str(tmp_path / "out"))
    assert result.returncode != 0
    assert "notes.mp3" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_device_cuda_without_a_gpu_exits_with_the_reason(tmp_path, sample):
    import pytest
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    out = tmp_path / "out"
    result = run("process", str(sample), "--out", str(out), "--quiet", "--device", "cuda")
    assert result.returncode == 1, result.stderr
    assert "no usable GPU" in result.stderr and "--device cpu" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_a_bad_setting_is_a_one_line_error_naming_the_variable(monkeypatch):
    monkeypatch.setenv("ASSISTANT_ASR__DEVICE", "gpu")
    result = run("--help", offline=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "ASSISTANT_ASR__DEVICE" in result.stderr and "'gpu'" in result.stderr


def test_a_list_setting_not_written_as_json_or_a_value_under_a_secret_name_is_not_echoed(monkeypatch):
    monkeypatch.setenv("ASSISTANT_CALENDAR__ICS_URLS", "https://calendar.example/private-feed-abc123.ics")
    result = run("--help", offline=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "calendar" in result.stderr
    assert "private-feed-abc123" not in result.stderr
    monkeypatch.delenv("ASSISTANT_CALENDAR__ICS_URLS")
    monkeypatch.setenv("ASSISTANT_DINGTALK_TOKEN_REFRESH_MARGIN_S", "hunter2-not-a-number")
    result = run("--help", offline=False)
    assert result.returncode == 1 and "ASSISTANT_DINGTALK_TOKEN_REFRESH_MARGIN_S" in result.stderr
    assert "hunter2" not in result.stderr


def test_explicit_speaker_count_is_respected(tmp_path, sample):
    out = tmp_path / "out"
    result = run("process", str(sample), "--out", str(out), "--quiet", "--num-speakers", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "minutes.json").read_text(encoding="utf-8"))
    assert len(data["speakers"]) == 3


def test_attendees_with_aliases_and_a_file_reach_the_pipeline(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from assistant import pipeline
    from assistant.audio import AudioError
    from assistant.cli import main
    from assistant.minutes import Attendee

    seen = {}

    def fake_process(source, options, settings, progress=None):
        seen["attendees"] = options.attendees
        raise AudioError("stop here")

    monkeypatch.setattr(pipeline, "process", fake_process)
    roster = tmp_path / "roster.csv"
    roster.write_text("name,aliases,role,timezone\nTom Baker,Tom,London office,Europe/London\n", encoding="utf-8")
    args = ["process", str(tmp_path / "a.wav"), "--out", str(tmp_path / "o"), "--quiet",
            "--data-dir", str(tmp_path / "none"), "--attendees-file", str(roster),
            "--attendee", "Ivy Chan 陳詩韻", "--alias", "Ivy", "--alias", "陳小姐",
            "--attendee", "Jo Tan|Jo", "--attendee-timezone", "Asia/Singapore"]
    result = CliRunner().invoke(main, args)
    assert "stop here" in result.output
    assert seen["attendees"] == [Attendee("Tom Baker", ["Tom"], "London office", "Europe/London"),
                                 Attendee("Ivy Chan 陳詩韻", ["Ivy", "陳小姐"]),
                                 Attendee("Jo Tan", ["Jo"], "", "Asia/Singapore")]
    result = CliRunner().invoke(main, ["process", "a.wav", "--out", "o", "--alias", "Ivy"])
    assert result.exit_code == 2 and "must follow the --attendee" in result.output
    result = CliRunner().invoke(main, ["process", "a.wav", "--out", "o", "--attendee", "Jo|Asia/Singapor"])
    assert result.exit_code == 2 and "unknown time zone" in result.output and "Asia/Hong_Kong" in result.output


def test_ctrl_c_mid_process_stops_quietly_with_130_and_writes_nothing(tmp_path, sample):
    """Ctrl-C while transcription and diarisation run: click's 'Aborted!' and exit status 1 said nothing
    useful; the process must stop with the shell's SIGINT status, say nothing was written, and not
    abort in native code."""
    import signal
    import time

    out = tmp_path / "out"
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    # a shell running the suite in the background ignores SIGINT, and Python keeps an ignored SIGINT
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "process", str(sample), "--out", str(out)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    said = ""
    deadline = time.monotonic() + 300
    while "transcribe" not in said and time.monotonic() < deadline:  # the progress bars, on stderr
        said += os.read(proc.stderr.fileno(), 4096).decode("utf-8", "replace")
    proc.send_signal(signal.SIGINT)
    said += proc.stderr.read()
    assert proc.wait(120) == 130, said[-2000:]
    assert "interrupted: nothing was written" in said and "Aborted" not in said and "terminate called" not in said
    assert not (out / "minutes.json").exists()
