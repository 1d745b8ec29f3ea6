"""The people directory: who can own a task, how to reach them on DingTalk. Anyone signed in may read it
(the review page picks speakers from it); only administrators change it. Voiceprints: ``voiceprints.py``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from assistant.api.dependencies import AdminDep, SessionDep
from assistant.api.people_schemas import PersonIn, PersonOut, PersonPatch
from assistant.api.schemas import ErrorOut
from assistant.store.people import (
    create_person,
    delete_person,
    get_person,
    list_people,
    update_person,
    voiceprint_count,
)

router = APIRouter(prefix="/api/people", tags=["people"])
ERRORS = {403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}}


@router.get("", response_model=list[PersonOut], summary="The directory, by name")
def get_people(session: SessionDep,
               q: Annotated[str | None, Query(max_length=100, description="Part of a name or alias.")] = None,
               ) -> list[PersonOut]:
    return [PersonOut.of(p, voiceprint_count(session, p.id)) for p in list_people(session, q)]


@router.post("", status_code=status.HTTP_201_CREATED, response_model=PersonOut, responses=ERRORS,
             summary="Add a person")
def post_person(body: PersonIn, admin: AdminDep, session: SessionDep) -> PersonOut:
    person = create_person(session, **body.model_dump())
    session.commit()
    return PersonOut.of(person, 0)


@router.get("/{person_id}", response_model=PersonOut, responses=ERRORS, summary="One person")
def get_one(person_id: str, session: SessionDep) -> PersonOut:
    person = get_person(session, person_id)
    return PersonOut.of(person, voiceprint_count(session, person.id))


@router.patch("/{person_id}", response_model=PersonOut, responses=ERRORS, summary="Change a person")
def patch_person(person_id: str, body: PersonPatch, admin: AdminDep, session: SessionDep) -> PersonOut:
    person = get_person(session, person_id)
    changes = body.model_dump(exclude_unset=True)
    update_person(session, person, changes.pop("version"), changes)
    session.commit()
    return PersonOut.of(person, voiceprint_count(session, person.id))


@router.delete("/{person_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS,
               summary="Delete a person and their voiceprints; their meetings keep the name only")
def delete_one(person_id: str, admin: AdminDep, session: SessionDep) -> Response:
    delete_person(session, get_person(session, person_id))
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
