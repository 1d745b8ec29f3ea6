"""Voiceprints: personal data, so every route here is for administrators only (router dependency).

Enrol from a clip (uploaded or recorded in the browser), or from a meeting speaker a reviewer
confirmed; list and delete per person. Consent is required and recorded (who, when).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, Response, UploadFile, status
from fastapi import Path as FastPath
from starlette.concurrency import run_in_threadpool

from assistant import audit
from assistant.api.dependencies import AdminDep, MeetingDep, SessionDep, client_ip, get_settings, require_admin
from assistant.api.people_schemas import Consent, VoiceprintOut
from assistant.api.schemas import DB_INT_MAX, ErrorOut
from assistant.audio import AudioError
from assistant.config import Settings
from assistant.store.errors import Invalid
from assistant.store.people import (
    add_voiceprint,
    delete_voiceprints,
    enrol_speaker,
    get_person,
    get_voiceprint,
)

router = APIRouter(tags=["voiceprints"], dependencies=[Depends(require_admin)])
ERRORS = {403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 413: {"model": ErrorOut}, 422: {"model": ErrorOut}}
MAX_CLIP_BYTES = 20 * 1024 * 1024
PERSON = "/api/people/{person_id}/voiceprints"


def _consent(consent: bool) -> None:
    if not consent:
        raise Invalid("a voiceprint is kept only with the person's consent (consent: true)")


@router.get(PERSON, response_model=list[VoiceprintOut], responses=ERRORS, summary="A person's voiceprints")
def list_voiceprints(person_id: str, session: SessionDep) -> list[VoiceprintOut]:
    return [VoiceprintOut.model_validate(v) for v in get_person(session, person_id).voiceprints]


@router.post(PERSON, status_code=status.HTTP_201_CREATED, response_model=VoiceprintOut, responses=ERRORS,
             summary="Enrol from a clip of the person speaking alone (10–30 s; any format ffmpeg reads)")
async def post_clip(person_id: str, request: Request, admin: AdminDep, session: SessionDep,
                    settings: Annotated[Settings, Depends(get_settings)],
                    file: Annotated[UploadFile, File(description="The clip")],
                    consent: Annotated[bool, Form(description="The person agreed.")] = False) -> VoiceprintOut:
    _consent(consent)
    person = get_person(session, person_id)
    if file.size is not None and file.size > MAX_CLIP_BYTES:
        raise HTTPException(413, f"檔案太大 File too large: clips up to {MAX_CLIP_BYTES // 2**20} MB.")
    # Kept only as a label; the clip is written under a fixed name (".." or "/" must not reach the file system).
    name = Path((file.filename or "").replace("\\", "/")).name.strip(". ")[:200] or "clip"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clip"
        path.write_bytes(await file.read())
        # diarising a 30 s clip takes seconds: off the event loop
        try:
            # Imported here: the diarisation stack (torch, pyannote) would add seconds to every start.
            from assistant.enrol import enrol_clip

            enrolment = await run_in_threadpool(enrol_clip, path, settings)
        except AudioError as exc:
            raise Invalid(str(exc)) from exc
    print_ = add_voiceprint(session, person, enrolment.model, enrolment.voice.vector, enrolment.voice.speech_s,
                            "clip", name, admin.username)
    audit.record(session, "enrol_voiceprint", f"person:{person.id}", admin, client_ip(request), detail="clip")
    session.commit()
    return VoiceprintOut.model_validate(print_)


@router.post("/api/meetings/{meeting_id}/speakers/{speaker_id}/voiceprint", status_code=status.HTTP_201_CREATED,
             response_model=VoiceprintOut, responses=ERRORS,
             summary="Add a confirmed speaker's voice from this meeting to that person's voiceprints")
def post_meeting_speaker(speaker_id: str, body: Consent, request: Request, meeting: MeetingDep, admin: AdminDep,
                         session: SessionDep) -> VoiceprintOut:
    _consent(body.consent)
    print_ = enrol_speaker(session, meeting, speaker_id, admin.username)
    audit.record(session, "enrol_voiceprint", f"person:{print_.person_id}", admin, client_ip(request),
                 detail=f"meeting:{meeting.id} speaker {speaker_id}")
    session.commit()
    return VoiceprintOut.model_validate(print_)


@router.delete(PERSON + "/{voiceprint_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS,
               summary="Delete one voiceprint")
def delete_one(person_id: str, voiceprint_id: Annotated[int, FastPath(ge=0, le=DB_INT_MAX)], request: Request,
               admin: AdminDep, session: SessionDep) -> Response:
    session.delete(get_voiceprint(session, get_person(session, person_id), voiceprint_id))
    audit.record(session, "delete_voiceprint", f"person:{person_id}", admin, client_ip(request),
                 detail=f"voiceprint {voiceprint_id}")
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete(PERSON, status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS,
               summary="Delete all of a person's voiceprints (the person stays in the directory)")
def delete_all(person_id: str, request: Request, admin: AdminDep, session: SessionDep) -> Response:
    delete_voiceprints(session, get_person(session, person_id))
    audit.record(session, "delete_voiceprint", f"person:{person_id}", admin, client_ip(request), detail="all")
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
