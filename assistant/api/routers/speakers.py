"""Speakers of a meeting: rename once for all their turns, or confirm who they are from the people directory."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.dependencies import MeetingDep, SessionDep
from assistant.api.schemas import ErrorOut, SpeakerOut, SpeakerPatch
from assistant.store.meetings import rename_speaker
from assistant.store.people import set_speaker_person

router = APIRouter(prefix="/api/meetings/{meeting_id}/speakers", tags=["speakers"])


@router.patch("/{speaker_id}", response_model=SpeakerOut,
              responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}}, summary="Rename a speaker")
def patch_speaker(speaker_id: str, body: SpeakerPatch, meeting: MeetingDep, session: SessionDep) -> SpeakerOut:
    if "person_id" in body.model_fields_set:
        speaker = set_speaker_person(session, meeting, speaker_id, body.person_id, body.version)
    else:
        speaker = rename_speaker(session, meeting, speaker_id, body.name, body.version)
    session.commit()
    return SpeakerOut.of(speaker)
