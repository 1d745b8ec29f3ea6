"""A meeting's recording (with HTTP Range, for the player) and its exports."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Response
from fastapi.responses import FileResponse

from assistant.api.dependencies import MeetingDep, ServiceDep
from assistant.api.schemas import ErrorOut
from assistant.docx_export import to_docx
from assistant.store.meetings import to_minutes
from assistant.writers import to_markdown, to_srt, to_vtt

router = APIRouter(prefix="/api/meetings/{meeting_id}", tags=["media"])

EXPORTS = {
    "srt": ("application/x-subrip; charset=utf-8", ".srt"),
    "vtt": ("text/vtt; charset=utf-8", ".vtt"),
    "md": ("text/markdown; charset=utf-8", ".md"),
    "json": ("application/json", ".json"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
}


def _attachment(name: str) -> str:
    return f"attachment; filename=\"{quote(name)}\"; filename*=UTF-8''{quote(name)}"


@router.get("/audio", response_class=FileResponse, responses={404: {"model": ErrorOut}, 206: {}},
            summary="The recording; supports HTTP Range requests")
def get_audio(meeting: MeetingDep, service: ServiceDep) -> FileResponse:
    path = service.store.blobs.path(meeting.audio_sha256) if meeting.audio_sha256 else None
    if path is None or not path.is_file():
        raise HTTPException(404, "找不到錄音 The recording is no longer stored.")
    media_type = meeting.content_type or mimetypes.guess_type(meeting.filename)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "private, max-age=3600"})


@router.get("/export", responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}},
            summary="The minutes as SRT, WebVTT, Markdown, Word or JSON")
def export(meeting: MeetingDep, format: Literal["srt", "vtt", "md", "docx", "json"] = "md") -> Response:
    if meeting.status != "done":
        raise HTTPException(409, "會議仍未處理完成 The meeting has not been processed yet.")
    minutes = to_minutes(meeting)
    renderers = {
        "srt": lambda: to_srt(minutes).encode(),
        "vtt": lambda: to_vtt(minutes).encode(),
        "md": lambda: to_markdown(minutes).encode(),
        "json": lambda: minutes.to_json().encode(),
        "docx": lambda: to_docx(minutes, meeting.title),
    }
    media_type, suffix = EXPORTS[format]
    name = Path(meeting.title).name + suffix
    return Response(renderers[format](), media_type=media_type, headers={"Content-Disposition": _attachment(name)})
