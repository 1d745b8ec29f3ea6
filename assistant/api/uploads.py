"""Receive a multipart upload as a stream: the recording goes to disk chunk by chunk, hashed on the way.

FastAPI's ``UploadFile`` would read the whole body before the handler runs; parsing here lets an
oversize upload be refused as soon as it passes the limit.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from fastapi import HTTPException, Request
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.concurrency import run_in_threadpool

from assistant.store.models import LOCAL_TZ
from assistant.attendees import parse_text
from assistant.store.blobs import BlobStore, BlobWriter, StoredBlob, TooLarge

FILE_FIELD = "file"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MIN_RECORDED, MAX_RECORDED = datetime(2000, 1, 1), datetime(2100, 12, 31)
MAX_FIELD_BYTES = 10_000
# A declared part type outside these is not a recording (browsers send "" or octet-stream when unsure).
# One bare type only: parameters and lists ("audio/wav, text/html") are refused, not read past.
ACCEPTED_TYPES = ("audio/", "video/", "application/octet-stream", "application/ogg")
BARE_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")


@dataclass
class Upload:
    blob: StoredBlob
    filename: str
    content_type: str | None
    fields: dict[str, str] = field(default_factory=dict)


def too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"檔案太大 File too large: the limit is {round(limit / (1024 * 1024), 1):g} MiB ({limit} bytes).")


class _Parts:
    """Multipart callbacks; file bytes are collected per network chunk and written off the event loop."""

    def __init__(self, blobs: BlobStore, limit: int):
        self.blobs, self.limit = blobs, limit
        self.fields: dict[str, str] = {}
        self.writer: BlobWriter | None = None
        self.filename: str | None = None
        self.content_type: str | None = None
        self.pending: list[bytes] = []
        self._name = self._header = self._value = b""
        self._headers: dict[bytes, bytes] = {}
        self._data = bytearray()
        self._in_file = False
        self.complete = False  # the closing boundary arrived

    def callbacks(self) -> dict:
        return {
            "on_end": lambda: setattr(self, "complete", True),
            "on_part_begin": self.on_part_begin,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
            "on_header_field": lambda d, s, e: setattr(self, "_header", self._header + d[s:e]),
            "on_header_value": lambda d, s, e: setattr(self, "_value", self._value + d[s:e]),
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
        }

    def on_part_begin(self) -> None:
        self._headers, self._data, self._in_file = {}, bytearray(), False

    def on_header_end(self) -> None:
        self._headers[self._header.lower()] = self._value
        self._header = self._value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._name = options.get(b"name", b"")
        if self._name.decode("utf-8", "replace") != FILE_FIELD or b"filename" not in options:
            return
        if self.writer is not None:
            raise HTTPException(400, "只可上載一個檔案 Only one file per upload.")
        declared = self._headers.get(b"content-type", b"").decode("latin-1").strip().lower()
        if declared and not (BARE_TYPE.fullmatch(declared) and declared.startswith(ACCEPTED_TYPES)):
            raise HTTPException(
                415, f"不支援的檔案類型 Unsupported file type {declared!r}: upload an audio or video recording."
            )
        name = options[b"filename"].decode("utf-8", "replace").replace("\\", "/").rsplit("/", 1)[-1]
        # a NUL or an escape in a name is no part of it (PostgreSQL refuses NUL in text: it was a 500)
        self.filename = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs")).strip()
        self.content_type = declared or None
        self.writer = self.blobs.writer(self.limit)
        self._in_file = True

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._in_file:
            self.pending.append(data[start:end])
            return
        self._data += data[start:end]
        if len(self._data) > MAX_FIELD_BYTES:
            name = self._name.decode("utf-8", "replace")[:100]
            raise HTTPException(400, f"表格欄位太長 The form field {name!r} is longer than {MAX_FIELD_BYTES} bytes.")

    def on_part_end(self) -> None:
        if not self._in_file:
            name = self._name.decode("utf-8", "replace")
            try:
                self.fields[name] = self._data.decode("utf-8")
            except UnicodeDecodeError:
                raise HTTPException(400, f"表格欄位唔係 UTF-8 The form field {name[:100]!r} is not UTF-8 text.") from None

    def flush(self) -> None:
        for piece in self.pending:
            self.writer.write(piece)
        self.pending.clear()


def _check_fields(fields: dict[str, str]) -> None:
    # Checked before the recording is kept, as the fields may arrive after the file.
    for key, value in fields.items():
        if "\x00" in value:  # PostgreSQL text cannot hold it (SQLite would store it): the same answer on both
            raise HTTPException(422, f"無效 Invalid request: NUL characters are not allowed in {key}.")
    if fields.get("meeting_date"):
        try:  # Python reads 20270111 and 2027-W02-1 too; the meeting list filters on YYYY-MM-DD
            if not ISO_DAY.fullmatch(fields["meeting_date"]):
                raise ValueError
            if not MIN_RECORDED.date() <= date.fromisoformat(fields["meeting_date"]) <= MAX_RECORDED.date():
                raise ValueError  # 「聽日」 is counted from it: the calendar and holidays hold these years
        except ValueError:
            raise HTTPException(422, "日期格式錯誤 meeting_date must be an ISO date (YYYY-MM-DD) between the years 2000 and 2100.") from None
    if len(fields.get("title", "")) > 300:
        raise HTTPException(422, "標題太長 The title is longer than 300 characters.")
    for key in ("recorded_at", "file_modified"):
        if fields.get(key):
            try:  # 0001-01-01T00:00+14:00 has no UTC time: the calendar match would overflow
                recorded = datetime.fromisoformat(fields[key])
                local = recorded.astimezone(LOCAL_TZ) if recorded.tzinfo else recorded  # its day in Hong Kong dates the meeting
                if not MIN_RECORDED <= local.replace(tzinfo=None) <= MAX_RECORDED:
                    raise ValueError
                recorded.astimezone(timezone.utc)
            except (ValueError, OverflowError):
                raise HTTPException(422, f"時間格式錯誤 {key} must be an ISO date-time between the years 2000 and 2100.") from None
    for key in ("event_id", "room"):
        if len(fields.get(key, "")) > 300:
            raise HTTPException(422, f"{key} is too long.")
    try:
        parse_text(fields.get("attendees") or "")
    except ValueError as exc:
        raise HTTPException(422, f"與會者格式錯誤 attendees: {exc}") from None


async def _chunks(request: Request, idle_timeout_s: float):
    """The body's chunks; 408 when the client sends nothing for ``idle_timeout_s`` (a stalled upload)."""
    stream = request.stream().__aiter__()
    while True:
        try:
            yield await asyncio.wait_for(stream.__anext__(), idle_timeout_s)
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise HTTPException(408, "上載逾時 The upload stalled and was dropped.") from None


async def receive_upload(request: Request, blobs: BlobStore, limit: int, idle_timeout_s: float = 60.0) -> Upload:
    """The uploaded recording, stored, and the form's other fields.

    Errors: 415 not multipart or a declared type that is not one bare audio/video type; 413 over ``limit``;
    400 a malformed or cut-off body (no closing boundary, e.g. a short Content-Length); 408 stalled;
    422 no file, an empty file or a bad field. On any error nothing is kept.
    """
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or b"boundary" not in params:
        raise HTTPException(
            415, "請以 multipart/form-data 上載 Send the recording as multipart/form-data with a 'file' field."
        )
    declared_length = request.headers.get("content-length")
    if declared_length and declared_length.isdigit() and int(declared_length) > limit + 64 * 1024:
        raise too_large(limit)
    parts = _Parts(blobs, limit)
    parser = MultipartParser(params[b"boundary"], parts.callbacks())
    try:
        async for chunk in _chunks(request, idle_timeout_s):
            parser.write(chunk)
            if parts.pending:
                await run_in_threadpool(parts.flush)
        parser.finalize()
        if not parts.complete:
            raise HTTPException(400, "上載不完整 The upload was cut off (no closing boundary): nothing was kept.")
        if parts.writer is None and FILE_FIELD in parts.fields:  # a form field, not a file: no filename=
            raise HTTPException(422, f"缺少檔案 The '{FILE_FIELD}' part has no file name: send the recording as a "
                                     'file (Content-Disposition: form-data; name="file"; filename="…").')
        if parts.writer is None:
            raise HTTPException(422, "缺少檔案 Missing the 'file' field with the recording.")
        if parts.writer.size == 0:
            raise HTTPException(422, "檔案是空的 The uploaded file is empty.")
        _check_fields(parts.fields)
        blob = await run_in_threadpool(parts.writer.commit)
    except TooLarge:
        parts.writer.discard()
        raise too_large(limit) from None
    except FormParserError:
        if parts.writer:
            parts.writer.discard()
        raise HTTPException(400, "上載資料損壞 Malformed multipart body.") from None
    except BaseException:
        if parts.writer:
            parts.writer.discard()
        raise
    return Upload(blob, parts.filename or "recording", parts.content_type, parts.fields)
