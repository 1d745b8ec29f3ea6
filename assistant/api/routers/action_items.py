"""The to-do table of a meeting: add, edit, delete (until approved)."""

from __future__ import annotations

from fastapi import APIRouter, Query, status

from assistant.api.dependencies import MeetingDep, SessionDep
from assistant.api.schemas import DB_INT_MAX, ActionItemIn, ActionItemOut, ActionItemPatch, ErrorOut
from assistant.store.attendees import owner_timezone
from assistant.store.meetings import add_action_item, delete_action_item, update_action_item
from assistant.store.models import LOCAL_TZ, ActionItem, Meeting

router = APIRouter(prefix="/api/meetings/{meeting_id}/action-items", tags=["action items"])
ERRORS = {404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}}


def _out(session: SessionDep, meeting: Meeting, item: ActionItem) -> ActionItemOut:
    return ActionItemOut.of(item, LOCAL_TZ.key, owner_timezone(session, meeting, item.owner, item.person_id))


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ActionItemOut, responses=ERRORS,
             summary="Add a to-do")
def post_action_item(body: ActionItemIn, meeting: MeetingDep, session: SessionDep) -> ActionItemOut:
    item = add_action_item(session, meeting, body.model_dump(include=set(body.model_fields_set) | {"owner", "task"}))
    session.commit()
    return _out(session, meeting, item)


@router.patch("/{item_id}", response_model=ActionItemOut, responses=ERRORS, summary="Edit a to-do")
def patch_action_item(item_id: str, body: ActionItemPatch, meeting: MeetingDep, session: SessionDep) -> ActionItemOut:
    fields = set(body.model_fields_set) - {"version"}
    for key in ("owner", "task", "priority", "needs_review"):
        if key in fields and getattr(body, key) is None:
            fields.discard(key)
    item = update_action_item(session, meeting, item_id, body.version, body.model_dump(include=fields))
    session.commit()
    return _out(session, meeting, item)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS, summary="Delete a to-do")
def delete_item(item_id: str, meeting: MeetingDep, session: SessionDep,
                version: int | None = Query(None, ge=0, le=DB_INT_MAX,
                                            description="When given, must match the current version.")) -> None:
    delete_action_item(session, meeting, item_id, version)
    session.commit()
