import json
import os
from pathlib import Path
import subprocess
import sys

EVAL = Path(__file__).resolve().parents[2] / "samples" / "eval"

MEETING = {
    "date": "2026-05-06",
    "timezone": "Asia/Hong_Kong",
    "attendees": [{"name": "梁生", "role": "經理"}, {"name": "Ivy", "role": "主任"}],
    "turns": [
        {"speaker": "梁生", "start": 0.0, "end": 4.0, "text": "我哋決定年會改喺酒店搞。"},
        {"speaker": "Ivy", "start": 4.0, "end": 9.0, "text": "我下個禮拜五之前訂好場地。"},
    ],
}


def _run(*args):
    return subprocess.run([sys.executable, "-m", "assistant.cli", "extract", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_extract_writes_json(tmp_path):
    source = tmp_path / "meeting.json"
    source.write_text(json.dumps(MEETING, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "extracted.json"
    done = _run(source, "--out", out, "--backend", "rules")
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["action_items"] == [
        {"owner": "Ivy", "task": "訂好場地", "deadline": "2026-05-15", "priority": "app", "turn": 1,
         "confidence": 0.9, "needs_review": False}
    ]
    assert result["decisions"] == [{"text": "我哋決定年會改喺酒店搞", "turn": 0}]


def test_minutes_json_with_meeting_date_option(tmp_path):
    minutes = {
        "meeting": {"source": "a.wav", "duration": 9.0, "language": "yue", "models": {},
                    "processed_at": "2026-05-05T20:00:00+00:00"},
        "speakers": [{"id": "SPEAKER_00", "name": "Ivy"}],
        "turns": [{"speaker": "SPEAKER_00", "start": 0.0, "end": 3.0, "text": "我聽日交報告。"}],
    }
    source = tmp_path / "minutes.json"
    source.write_text(json.dumps(minutes, ensure_ascii=False), encoding="utf-8")
    done = _run(source, "--backend", "rules")
    assert done.returncode == 0, done.stderr
    # processed_at is 2026-05-06 in Hong Kong
    assert json.loads(done.stdout)["action_items"][0]["deadline"] == "2026-05-07"
    done = _run(source, "--backend", "rules", "--meeting-date", "2026-06-01")
    [item] = json.loads(done.stdout)["action_items"]
    assert (item["owner"], item["deadline"]) == ("Ivy", "2026-06-02")


def test_bad_input_is_a_clean_error(tmp_path):
    source = tmp_path / "bad.json"
    for text in ("{not json", "{}", '{"segments": [{"text": "我聽日交報告"}]}'):
        source.write_text(text, encoding="utf-8")
        done = _run(source, "--backend", "rules")
        assert done.returncode == 1, text
        assert "Error" in done.stderr and "Traceback" not in done.stderr, text
    source.write_text("\ufeff" + json.dumps(MEETING, ensure_ascii=False), encoding="utf-8")  # Notepad's BOM
    assert _run(source, "--backend", "rules").returncode == 0
    for args in (["--out", tmp_path / "missing" / "o.json"], ["--meeting-date", "tomorrow"]):
        done = _run(source, "--backend", "rules", *args)
        assert done.returncode in (1, 2) and "Error" in done.stderr and "Traceback" not in done.stderr, args
    written = {"source": "a.wav", "duration": 1, "language": "yue", "models": {}, "processed_at": "2026-03-11T10:00:00+08:00"}
    for minutes in ({"meeting": {}, "turns": [{"speaker": "A", "text": "x", "foo": 1}]}, {"meeting": "x", "turns": []},
                    {"meeting": {**written, "attendees": [{"name": None}]}, "speakers": [], "turns": []},
                    {"meeting": {**written, "processed_at": "0001-01-01T00:00:00+14:00"}, "speakers": [], "turns": []}):
        source.write_text(json.dumps(minutes), encoding="utf-8")  # a minutes.json edited by hand
        done = _run(source, "--backend", "rules")
        assert done.returncode == 1 and "not a minutes.json" in done.stderr and "Traceback" not in done.stderr
    source.write_text(json.dumps({"meeting": {**written, "attendees": [{"name": "Ivy", "timezone": "Mars/Base"}]},
                                  "speakers": [], "turns": []}), encoding="utf-8")
    assert "unknown time zone 'Mars/Base'" in _run(source, "--backend", "rules").stderr
    source.write_text('{"turns": [], "date": ' + "9" * 5000 + "}", encoding="utf-8")  # past Python's int digit limit
    done = _run(source, "--backend", "rules")
    assert done.returncode == 1 and "not readable JSON" in done.stderr and "Traceback" not in done.stderr
    source.write_text(json.dumps({**MEETING, "date": 20260506}), encoding="utf-8")
    assert "YYYY-MM-DD" in _run(source, "--backend", "rules").stderr
    source.write_text(json.dumps(MEETING, ensure_ascii=False)[:-20], encoding="utf-8")  # a copy cut short
    assert "not valid JSON" in _run(source, "--backend", "rules").stderr
    source.write_text('{"date": "2026-05-06", "turns": [],}', encoding="utf-8")  # a trailing comma: whole, but wrong
    said = _run(source, "--backend", "rules").stderr
    assert "not valid JSON" in said and "cut short" not in said
    source.write_text('{"date": "2026-05-06", "turns": [', encoding="utf-8")
    assert "cut short" in _run(source, "--backend", "rules").stderr
    source.write_bytes(json.dumps(MEETING, ensure_ascii=False).encode("big5", "replace"))
    assert "not UTF-8" in _run(source, "--backend", "rules").stderr


def test_an_empty_file_a_string_cut_short_a_turn_without_text_or_no_turns_say_what_is_wrong(tmp_path):
    source = tmp_path / "bad.json"
    for text, said in (("  \n", "the file is empty"), ('{"turns": [{"speaker": "A", "text": "未完', "string starting at line 1"),
                       ('{"turns": [{"speaker": "A", "text": "好"}, {"speaker": "B"}]}', 'turn 1 has no "text"'),
                       ('{"date": "2026-03-11", "turn": []}', 'no "turns" list'), ("[1, 2]", "not a JSON object")):
        source.write_text(text, encoding="utf-8")
        done = _run(source, "--backend", "rules")
        assert done.returncode == 1 and said in done.stderr and "Traceback" not in done.stderr, text
    source.write_text('{"turns": [{"speaker": "A", "text": ""}]}', encoding="utf-8")  # nothing said is a turn still
    assert _run(source, "--backend", "rules").returncode == 0


def test_a_transcript_longer_than_the_limit_is_refused_at_once(tmp_path):
    source = tmp_path / "long.json"
    turn = {"speaker": "Ivy", "text": "我哋今日傾下個 project 嘅進度，" * 50}
    source.write_text(json.dumps({**MEETING, "turns": [turn] * 200}, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "assistant.cli", "extract", str(source), "--backend", "rules"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "ASSISTANT_EXTRACTION__MAX_TRANSCRIPT_CHARS": "100000"})
    assert done.returncode == 1 and "at most 100000" in done.stderr and "Traceback" not in done.stderr
    source.write_text(json.dumps({**MEETING, "turns": [{"speaker": "Ivy", "text": "我聽日交報告，" * 3000}]},
                                 ensure_ascii=False), encoding="utf-8")  # one turn of 21,000 characters
    done = _run(source, "--backend", "rules")
    assert done.returncode == 1 and "turn 0 has 21000 characters" in done.stderr and "Traceback" not in done.stderr


def test_attendees_on_the_command_line_name_diarisation_labels(tmp_path):
    """Speakers S1/S2 own nothing until the attendees are known; then the request's answerer is named."""
    source = tmp_path / "labels.json"
    source.write_text(json.dumps({"date": "2026-05-06", "turns": [
        {"speaker": "S1", "text": "Ivy，你聽日交份報告俾我。"},
        {"speaker": "S2", "text": "好，我聽日交。"},
    ]}, ensure_ascii=False), encoding="utf-8")
    [item] = json.loads(_run(source, "--backend", "rules").stdout)["action_items"]
    assert item["owner"] is None and item["needs_review"]
    done = _run(source, "--backend", "rules", "--attendee", "Ivy Chan 陳詩韻", "--alias", "Ivy", "--attendee", "梁生")
    assert done.returncode == 0, done.stderr
    [item] = json.loads(done.stdout)["action_items"]
    assert (item["owner"], item["task"], item["deadline"]) == ("Ivy Chan 陳詩韻", "交報告俾梁生", "2026-05-07")
    # the same person in the file and on the command line is one attendee with both lists of aliases
    data = json.loads(source.read_text(encoding="utf-8"))
    source.write_text(json.dumps({**data, "attendees": [{"name": "Ivy Chan 陳詩韻"}, {"name": "梁生"}]},
                                 ensure_ascii=False), encoding="utf-8")
    done = _run(source, "--backend", "rules", "--attendee", "Ivy Chan 陳詩韻", "--alias", "Ivy")
    assert done.returncode == 0, done.stderr
    assert [a["owner"] for a in json.loads(done.stdout)["action_items"]] == ["Ivy Chan 陳詩韻"]


def test_extract_on_a_development_meeting_gives_its_to_do_table():
    """`assistant extract` end to end on a development meeting (samples/eval/extraction/dev_01.json):
    every gold item is found with its owner and date, and nothing else."""
    done = _run(EVAL / "extraction" / "dev_01.json", "--backend", "rules")
    assert done.returncode == 0, done.stderr
    items = [(a["owner"], a["deadline"], a["turn"]) for a in json.loads(done.stdout)["action_items"]]
    assert items == [("阿明", "2026-03-13", 3), ("Mary", "2026-03-20", 7), ("Mary", "2026-03-31", 9)]
    tasks = [a["task"] for a in json.loads(done.stdout)["action_items"]]
    assert "供應商" in tasks[0] and "follow" in tasks[0]
    assert "櫥窗設計初稿" in tasks[1] and "排班表" in tasks[2]
    [decision] = json.loads(done.stdout)["decisions"]
    assert "紅金色" in decision["text"]


def test_a_transformers_model_missing_here_is_a_clean_error(tmp_path):
    source = tmp_path / "meeting.json"
    source.write_text(json.dumps(MEETING, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "ASSISTANT_EXTRACTION__HF_MODEL": str(tmp_path / "no-such-model")}
    done = subprocess.run([sys.executable, "-m", "assistant.cli", "extract", str(source), "--backend", "transformers"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "could not be loaded" in done.stderr and "no-such-model" in done.stderr
