"""Turns of a meeting: correct the text or give the turn to another speaker."""

from __future__ import annotations

from fastapi import APIRouter, Path

from assistant.api.dependencies import MeetingDep, SessionDep
from assistant.api.schemas import DB_INT_MAX, ErrorOut, TurnOut, TurnPatch
from assistant.store.meetings import update_turn

router = APIRouter(prefix="/api/meetings/{meeting_id}/turns", tags=["turns"])


@router.patch("/{index}", response_model=TurnOut,
              responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}},
              summary="Edit a turn's text or speaker")
def patch_turn(body: TurnPatch, meeting: MeetingDep, session: SessionDep,
               index: int = Path(ge=0, le=DB_INT_MAX, description="Turn index in the minutes")) -> TurnOut:
    turn = update_turn(session, meeting, index, body.version, body.text, body.speaker)
    session.commit()
    return TurnOut(index=turn.idx, speaker=turn.speaker_id, start=turn.start, end=turn.end, text=turn.text,
                   version=turn.version)
