"""Minutes as a Word document: header, speakers, decisions, the to-do table, the transcript."""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document
from docx.shared import Pt

from assistant.minutes import Minutes
from assistant.writers import PRIORITY_LABELS, _short_clock, deadline_text, owner_text

FONT = "Microsoft JhengHei"  # a Traditional Chinese font on Windows; Word substitutes elsewhere
# Characters XML 1.0 cannot hold (python-docx raises on them): a stray control character in one turn
# or name must not make the whole export fail.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return NOT_XML.sub("", text)


def _table(doc, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = _xml(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = _xml(text)


def to_docx(minutes: Minutes, title: str | None = None) -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10.5)
    m = minutes.meeting
    doc.add_heading(_xml(f"會議記錄 Minutes: {title or Path(m.source).stem}"), level=1)
    facts = [("日期 Date", m.date or "—"), ("長度 Duration", _short_clock(m.duration)),
             ("語言 Language", m.language), ("處理時間 Processed", m.processed_at)]
    if m.attendees:
        facts.append(("與會者 Attendees", "、".join(a.name for a in m.attendees)))
    for label, value in facts:
        doc.add_paragraph(_xml(f"{label}: {value}"))

    doc.add_heading("講者 Speakers", level=2)
    _table(doc, ["講者 Speaker", "發言時間 Talk time"],
           [[s.name or s.id, _short_clock(s.talk_time)] for s in minutes.speakers])

    doc.add_heading("決定 Decisions", level=2)
    for d in minutes.decisions:
        doc.add_paragraph(_xml(d.text), style="List Bullet")
    if not minutes.decisions:
        doc.add_paragraph("（無）")

    doc.add_heading("跟進事項 To-do", level=2)
    rows = []
    for a in minutes.action_items:
        evidence = a.turn is not None and a.turn < len(minutes.turns)
        moment = _short_clock(minutes.turns[a.turn].start) if evidence else "—"
        rows.append([owner_text(a), a.task, deadline_text(minutes, a), PRIORITY_LABELS.get(a.priority, a.priority),
                     moment])
    _table(doc, ["負責人 Owner", "事項 Task", "限期 Deadline", "優先 Priority", "出處 Evidence"], rows)

    doc.add_heading("逐字稿 Transcript", level=2)
    for turn in minutes.turns:
        p = doc.add_paragraph()
        p.add_run(_xml(f"[{_short_clock(turn.start)}] {minutes.speaker_name(turn.speaker)}：")).bold = True
        p.add_run(_xml(turn.text))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
