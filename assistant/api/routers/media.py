"""A meeting's recording (with HTTP Range, for the player) and its exports."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Response
from fastapi.responses import FileResponse

from assistant.api.dependencies import MeetingDep, ServiceDep
from assistant.api.schemas import ErrorOut
from assistant.audio import playback_type
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


UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')  # what no file system, or a header, takes


def _file_name(title: str, suffix: str) -> str:
    """The download's name: the title with what a file name cannot hold replaced (「Q1/Q2 review」 →
    「Q1_Q2 review.md」), at most 100 characters; 「minutes」 when nothing is left."""
    return (UNSAFE_IN_NAMES.sub("_", title).strip(" ._")[:100] or "minutes") + suffix


def _attachment(name: str) -> str:
    """RFC 6266: an ASCII ``filename`` for old clients, the UTF-8 one in ``filename*``."""
    plain = name if name.isascii() else "minutes" + Path(name).suffix
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


# The recording is played, never rendered: no script, no subresources, a unique origin if opened directly.
AUDIO_CSP = "default-src 'none'; sandbox"


@lru_cache(maxsize=4096)
def _verified_type(path: Path) -> str | None:
    # Blobs are named by their sha256, so one answer per path holds for good.
    return playback_type(path)


@router.get("/audio", response_class=FileResponse,
            responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 206: {}},
            summary="The recording, when it is readable audio; supports HTTP Range requests")
def get_audio(meeting: MeetingDep, service: ServiceDep) -> FileResponse:
    """Served only as the audio type ffprobe finds in the content (upload names and declared types are
    not trusted); content that is not audio (409) is never served, so an upload cannot become a page."""
    path = service.store.blobs.path(meeting.audio_sha256) if meeting.audio_sha256 else None
    if path is None or not path.is_file():
        raise HTTPException(404, "找不到錄音 The recording is no longer stored.")
    media_type = _verified_type(path)
    if media_type is None:
        raise HTTPException(409, "此檔案不是可播放的錄音 The upload is not playable audio; it is not served.")
    return FileResponse(path, media_type=media_type, headers={
        "Content-Disposition": "inline", "Cache-Control": "private, no-store", "Content-Security-Policy": AUDIO_CSP,
        "X-Content-Type-Options": "nosniff", "Cross-Origin-Resource-Policy": "same-origin"})


@router.get("/export", responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}},
            summary="The minutes as SRT, WebVTT, Markdown, Word or JSON")
def export(meeting: MeetingDep, format: Literal["srt", "vtt", "md", "docx", "json"] = "md") -> Response:
    if meeting.status == "no_speech":
        raise HTTPException(409, "錄音冇人講嘢 The recording holds no speech: there are no minutes to export.")
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
    name = _file_name(meeting.title, suffix)
    return Response(renderers[format](), media_type=media_type, headers={"Content-Disposition": _attachment(name)})
