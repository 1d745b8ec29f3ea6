"""The review web view: server-rendered pages (Traditional Chinese), a little JavaScript on top."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from assistant.api.dependencies import SessionDep, UserDep, authorize_meeting
from assistant.api.routers.calendar import meeting_event
from assistant.api.routers.meetings import get_meeting as meeting_detail
from assistant.api.routers.meetings import list_meetings
from assistant.api.schemas import PALETTE
from assistant.dingtalk.delivery import DELIVERY_LABELS, EVENT_LABELS, owner_choices
from assistant.dingtalk.delivery import report as delivery_report
from assistant.store.errors import NotFound
from assistant.store.models import LOCAL_TZ
from assistant.writers import PRIORITY_LABELS, _short_clock

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
templates.env.filters["clock"] = _short_clock
STATUS_LABELS = {"queued": "排隊中", "processing": "處理中", "done": "完成", "no_speech": "沒有語音", "failed": "失敗", "cancelled": "已取消"}
templates.env.globals.update(status_labels=STATUS_LABELS, priority_labels=PRIORITY_LABELS, palette=PALETTE,
                             delivery_labels=DELIVERY_LABELS, event_labels=EVENT_LABELS)


@router.get("/", response_class=HTMLResponse)
def meetings_page(
    request: Request,
    session: SessionDep,
    user: UserDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    speaker: Annotated[str | None, Query(max_length=100)] = None,
    date_from: Annotated[str | None, Query()] = None,
    date_to: Annotated[str | None, Query()] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
):
    # Empty form fields arrive as "", which the API's date parameters would reject.
    def day(value: str | None) -> date | None:
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None

    result = list_meetings(request, session, user, q=q, speaker=speaker, date_from=day(date_from), date_to=day(date_to),
                           status_=None, page=page, page_size=20)
    form = {"q": q or "", "speaker": speaker or "", "date_from": date_from or "", "date_to": date_to or ""}
    return templates.TemplateResponse(request, "meetings.html", {"result": result, "form": form})


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request):
    max_mb = request.app.state.service.settings.service.max_upload_bytes // (1024 * 1024)
    return templates.TemplateResponse(request, "upload.html", {"max_mb": max_mb})


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, user: UserDep):
    return templates.TemplateResponse(request, "people.html", {})


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting_page(request: Request, meeting_id: str, session: SessionDep, user: UserDep):
    try:
        meeting = authorize_meeting(request, session, user, meeting_id)
    except NotFound:
        return templates.TemplateResponse(request, "not_found.html", {}, status_code=404)
    except HTTPException as exc:
        return templates.TemplateResponse(request, "forbidden.html", {"detail": exc.detail}, status_code=403)
    detail = meeting_detail(meeting, session)
    event = meeting_event(session, meeting)
    pushed = {d.item_id: d for d in delivery_report(session, meeting.id)}
    colors = {s.id: s.color for s in detail.speakers}
    names = {s.id: s.name or s.id for s in detail.speakers}
    return templates.TemplateResponse(request, "meeting.html", {
        "m": detail,
        "minutes": detail.minutes,
        "colors": colors,
        "names": names,
        "deliveries": pushed,
        "event": event,
        "owner_choices": owner_choices(session, meeting),
        "dingtalk": request.app.state.service.dingtalk is not None,
        "data_json": script_json({**detail.model_dump(mode="json", exclude={"minutes"}),
                                  "utc_offset": datetime.now(LOCAL_TZ).isoformat()[-6:]}),
    })


# Inside <script>, "</script", "<!--" or "]]>" in any user-written name would change how the page parses;
# as \u escapes these characters are the same JSON to the script and inert to the HTML parser.
SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(value) -> str:
    """JSON to embed in an HTML <script> element (mark it ``| safe`` in the template)."""
    return json.dumps(value, ensure_ascii=False).translate(SCRIPT_ESCAPES)
