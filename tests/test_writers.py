"""Output formats written from hand-made minutes, then read back."""

from __future__ import annotations

import json

from assistant.diarize import SpeakerTurn
from assistant.minutes import ActionItem, MeetingInfo, Minutes, Speaker, Turn, Word
from assistant.writers import to_markdown, to_rttm, to_srt, to_vtt, write_all
from tests.formats import parse_srt, parse_vtt


def minutes() -> Minutes:
    long_words = [Word(10 + i * 0.5, 10.4 + i * 0.5, "字", 0.9) for i in range(30)]
    return Minutes(
        meeting=MeetingInfo("會議 1.m4a", 3725.5, "yue", {"asr": "faster-whisper-base"}, "2026-03-12T10:00:00+08:00",
                            date="2026-03-12"),
        speakers=[Speaker("S1", "陳生", 20.0), Speaker("S2", None, 15.0)],
        turns=[
            Turn("S1", 1.0, 3.0, "我哋今日傾 budget。", [Word(1.0, 1.5, "我哋", 0.9), Word(1.5, 2.2, "今日傾", 0.8),
                                                    Word(2.2, 3.0, " budget。", 0.7)]),
            Turn("S2", 10.0, 25.0, "字" * 30, long_words),
            Turn("S1", 3600.0, 3601.5, "好。", [Word(3600.0, 3601.5, "好。", 0.9)]),
        ],
        action_items=[ActionItem("陳生", "準備報價", "2026-03-20", "sms", 0)],
    )


def test_srt_cues_parse_back_with_speaker_and_order():
    cues = parse_srt(to_srt(minutes()))
    assert cues[0] == (1.0, 3.0, "[陳生] 我哋今日傾 budget。")
    assert all(start < end for start, end, _ in cues)
    assert all(a[0] <= b[0] for a, b in zip(cues, cues[1:]))
    assert cues[-1][:2] == (3600.0, 3601.5)
    # the 15 s turn is split into subtitle-sized cues, none longer than 6 s
    s2 = [c for c in cues if c[2].startswith("[S2]")]
    assert len(s2) >= 3 and all(end - start <= 6.0 for start, end, _ in s2)
    assert "".join(c[2].removeprefix("[S2] ") for c in s2) == "字" * 30


def test_vtt_has_voice_tags():
    cues = parse_vtt(to_vtt(minutes()))
    assert cues[0][2] == "<v 陳生>我哋今日傾 budget。"
    assert cues[-1] == (3600.0, 3601.5, "<v 陳生>好。")


def test_rttm_lines():
    rttm = to_rttm([SpeakerTurn(1.5, 3.25, "S2"), SpeakerTurn(0.0, 2.0, "S1")], "會議 1")
    assert rttm.splitlines() == [
        "SPEAKER 會議_1 1 0.000 2.000 <NA> <NA> S1 <NA> <NA>",
        "SPEAKER 會議_1 1 1.500 1.750 <NA> <NA> S2 <NA> <NA>",
    ]


def test_markdown_lists_speakers_items_and_transcript():
    md = to_markdown(minutes())
    assert "| 陳生 | 00:20 |" in md
    assert "| 陳生 | 準備報價 | 3月20日（五） |" in md
    assert "**[1:00:00] 陳生**：好。" in md


def test_markdown_shows_unresolved_owners_review_marks_and_the_owners_local_time():
    from assistant.minutes import ActionItem, Attendee

    m = minutes()
    m.meeting.attendees = [Attendee("Tom Baker", ["Tom"], timezone="Europe/London")]
    m.action_items = [ActionItem(None, "訂房", None, "app", None, 0.3, True),
                      ActionItem("Tom", "寄報價", "2026-03-13T17:00:00+08:00", "app")]
    md = to_markdown(m)
    assert "| （未定） ⚠️ 待核對 | 訂房 | — |" in md
    assert "| Tom | 寄報價 | 3月13日（五）17:00 香港｜09:00 London |" in md
    assert "- 與會者 Attendees: Tom Baker" in md


def test_write_all_round_trips_json(tmp_path):
    m = minutes()
    files = write_all(m, [SpeakerTurn(1.0, 3.0, "S1")], tmp_path / "out")
    assert sorted(files) == ["diarization.rttm", "minutes.json", "minutes.md", "transcript.srt", "transcript.vtt"]
    data = json.loads(files["minutes.json"].read_text(encoding="utf-8"))
    assert set(data) == {"meeting", "speakers", "turns", "decisions", "action_items"}
    assert Minutes.from_dict(data) == m
