"""Pushing approved to-dos to DingTalk and following them up: push, per-item report, owner choice."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response, status

from assistant.api.dependencies import MeetingDep, ServiceDep, SessionDep
from assistant.api.schemas import DeliveryOut, ErrorOut, OwnerChoice, OwnerLink, PushAccepted
from assistant.dingtalk.delivery import choose_owner, report

router = APIRouter(prefix="/api/meetings/{meeting_id}", tags=["dingtalk"])
ERRORS = {404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut},
          503: {"model": ErrorOut}}


@router.post("/deliveries", status_code=status.HTTP_202_ACCEPTED, response_model=PushAccepted, responses=ERRORS,
             summary="Push the approved to-dos to DingTalk; the push runs as a job")
def push(meeting: MeetingDep, service: ServiceDep, response: Response) -> PushAccepted:
    if service.dingtalk is None:
        raise HTTPException(503, "釘釘未設定 DingTalk is not configured (ASSISTANT_DINGTALK_APP_KEY ...)")
    items = service.dingtalk.push(meeting.id)
    url = f"/api/meetings/{meeting.id}/deliveries"
    response.headers["Location"] = url
    return PushAccepted(meeting_id=meeting.id, items=[DeliveryOut.model_validate(i) for i in items], url=url)


@router.get("/deliveries", response_model=list[DeliveryOut], responses={404: {"model": ErrorOut}},
            summary="Per-item report: created, already existed, failed; confirmations and escalations")
def deliveries(meeting: MeetingDep, session: SessionDep) -> list[DeliveryOut]:
    return [DeliveryOut.model_validate(i) for i in report(session, meeting.id)]


@router.put("/action-items/{item_id}/person", response_model=OwnerLink, responses=ERRORS,
            summary="Choose who owns an item (when its owner is ambiguous or unknown)")
def put_owner(item_id: str, body: OwnerChoice, meeting: MeetingDep, session: SessionDep) -> OwnerLink:
    person_id = choose_owner(session, meeting, item_id, body.person_id, body.user_id, body.name)
    session.commit()
    return OwnerLink(item_id=item_id, person_id=person_id)
