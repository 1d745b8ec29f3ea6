"""Write minutes as JSON, Markdown, SRT, WebVTT and RTTM."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.attendees import timezone_of
from assistant.deadlines import display
from assistant.minutes import ActionItem, AudioSource, Minutes, Turn, Word

if TYPE_CHECKING:  # diarize imports torch; writing and merging must not
    from assistant.diarize import SpeakerTurn

CUE_MAX_SECONDS = 6.0
CUE_MAX_CHARS = 42
PRIORITY_LABELS = {"call": "🔴 電話 DING", "sms": "🟡 短訊 DING", "app": "🔵 應用內 DING"}
NO_OWNER = "（未定）"
REVIEW_MARK = "⚠️ 待核對"


def deadline_text(minutes: Minutes, item: ActionItem) -> str:
    """The deadline in the meeting's time, with the owner's local time when they are elsewhere."""
    if not item.deadline:
        return "—"
    m = minutes.meeting
    return display(item.deadline, m.timezone, timezone_of(m.attendees, item.owner))


def owner_text(item: ActionItem) -> str:
    return (item.owner or NO_OWNER) + (f" {REVIEW_MARK}" if item.needs_review else "")


def _clock(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _short_clock(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h:d}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def cues(turn: Turn) -> Iterator[tuple[float, float, str]]:
    """Split a turn into subtitle-sized cues along its words."""
    if not turn.words:
        yield turn.start, turn.end, turn.text
        return
    group: list[Word] = []
    for word in turn.words:
        if group and (
            word.end - group[0].start > CUE_MAX_SECONDS
            or len("".join(w.text for w in group).strip()) + len(word.text) > CUE_MAX_CHARS
        ):
            yield group[0].start, group[-1].end, "".join(w.text for w in group).strip()
            group = []
        group.append(word)
    if group:
        yield group[0].start, group[-1].end, "".join(w.text for w in group).strip()


def to_srt(minutes: Minutes) -> str:
    blocks = []
    for turn in minutes.turns:
        name = minutes.speaker_name(turn.speaker)
        for start, end, text in cues(turn):
            blocks.append(f"{len(blocks) + 1}\n{_clock(start, ',')} --> {_clock(end, ',')}\n[{name}] {text}\n")
    return "\n".join(blocks)


def to_vtt(minutes: Minutes) -> str:
    lines = ["WEBVTT", ""]
    for turn in minutes.turns:
        name = minutes.speaker_name(turn.speaker).replace(">", "")
        for start, end, text in cues(turn):
            lines += [f"{_clock(start, '.')} --> {_clock(end, '.')}", f"<v {name}>{text}", ""]
    return "\n".join(lines)


def to_rttm(turns: Sequence[SpeakerTurn], uri: str) -> str:
    uri = uri.replace(" ", "_") or "meeting"
    return "".join(
        f"SPEAKER {uri} 1 {t.start:.3f} {t.end - t.start:.3f} <NA> <NA> {t.speaker} <NA> <NA>\n"
        for t in sorted(turns, key=lambda t: t.start)
    )


def _audio_notes(source: AudioSource) -> list[str]:
    """Lines for how the recording was read, when it was not plain (several streams, one channel, warnings)."""
    notes = []
    if source.streams > 1:
        why = {"default": "預設 default", "loudest": "最響 loudest"}.get(source.choice, source.choice)
        notes.append(f"- 音軌 Audio stream: #{source.stream} / {source.streams}（{why}）")
    if source.channel is not None:
        notes.append(f"- 聲道 Channel: 只用聲道 {source.channel}（聲道互相抵消 channels cancel）")
    return notes + [f"- ⚠️ {w}" for w in source.warnings]


def to_markdown(minutes: Minutes) -> str:
    m = minutes.meeting
    out = [f"# 會議記錄 Minutes: {Path(m.source).name}", ""]
    if m.date:
        out.append(f"- 日期 Date: {m.date}")
    out += [
        f"- 長度 Duration: {_short_clock(m.duration)}",
        f"- 語言 Language: {m.language}",
        f"- 處理時間 Processed: {m.processed_at}",
        *_audio_notes(m.audio),
    ]
    if m.attendees:
        out.append("- 與會者 Attendees: " + "、".join(a.name for a in m.attendees))
    out += [
        "",
        "## 講者 Speakers",
        "",
        "| 講者 | 發言時間 |",
        "|---|---|",
    ]
    out += [f"| {s.name or s.id} | {_short_clock(s.talk_time)} |" for s in minutes.speakers]
    out += ["", "## 決定 Decisions", ""]
    out += [f"- {d.text}" for d in minutes.decisions] or ["（無）"]
    out += ["", "## 跟進事項 Action items", ""]
    if minutes.action_items:
        out += ["| 負責人 Owner | 事項 Task | 限期 Deadline | 優先 Priority |", "|---|---|---|---|"]
        out += [
            f"| {owner_text(a)} | {a.task} | {deadline_text(minutes, a)} | {PRIORITY_LABELS.get(a.priority, a.priority)} |"
            for a in minutes.action_items
        ]
    else:
        out.append("（無）")
    out += ["", "## 逐字稿 Transcript", ""]
    if not m.speech:
        out += ["（錄音中沒有語音 No speech in the recording）", ""]
    for turn in minutes.turns:
        out.append(f"**[{_short_clock(turn.start)}] {minutes.speaker_name(turn.speaker)}**：{turn.text}")
        out.append("")
    return "\n".join(out)


def write_all(minutes: Minutes, diarization: Sequence[SpeakerTurn], out_dir: str | Path) -> dict[str, Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    uri = Path(minutes.meeting.source).stem
    files = {
        "minutes.json": minutes.to_json(),
        "minutes.md": to_markdown(minutes),
        "transcript.srt": to_srt(minutes),
        "transcript.vtt": to_vtt(minutes),
        "diarization.rttm": to_rttm(diarization, uri),
    }
    written = {}
    for name, text in files.items():
        path = out / name
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        written[name] = path
    return written
