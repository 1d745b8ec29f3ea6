"""The people directory: who can own a task, how to reach them on DingTalk. Anyone signed in may read names,
aliases, roles and teams (the review page picks speakers from it); contact details (mobile, DingTalk ids)
are shown to administrators only, who alone change the directory. Voiceprints: ``voiceprints.py``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from assistant import audit
from assistant.api.dependencies import AdminDep, SessionDep, UserDep, client_ip
from assistant.api.people_schemas import PersonIn, PersonOut, PersonPatch
from assistant.api.schemas import ErrorOut
from assistant.store.models import User
from assistant.store.people import (
    create_person,
    delete_person,
    get_person,
    list_people,
    update_person,
    voiceprint_count,
)

router = APIRouter(prefix="/api/people", tags=["people"])
CONTACT_FIELDS = ("mobile", "dingtalk_user_id", "dingtalk_union_id", "manager_user_id")


def _shown(person: PersonOut, user: User) -> PersonOut:
    if user.role == "admin":
        return person
    return person.model_copy(update=dict.fromkeys(CONTACT_FIELDS))
ERRORS = {403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}}


@router.get("", response_model=list[PersonOut], summary="The directory, by name")
def get_people(session: SessionDep, user: UserDep,
               q: Annotated[str | None, Query(max_length=100, description="Part of a name or alias.")] = None,
               ) -> list[PersonOut]:
    return [_shown(PersonOut.of(p, voiceprint_count(session, p.id)), user) for p in list_people(session, q)]


@router.post("", status_code=status.HTTP_201_CREATED, response_model=PersonOut, responses=ERRORS,
             summary="Add a person")
def post_person(body: PersonIn, request: Request, admin: AdminDep, session: SessionDep) -> PersonOut:
    person = create_person(session, **body.model_dump())
    audit.record(session, "create_person", f"person:{person.id}", admin, client_ip(request))
    session.commit()
    return PersonOut.of(person, 0)


@router.get("/{person_id}", response_model=PersonOut, responses=ERRORS, summary="One person")
def get_one(person_id: str, session: SessionDep, user: UserDep) -> PersonOut:
    person = get_person(session, person_id)
    return _shown(PersonOut.of(person, voiceprint_count(session, person.id)), user)


@router.patch("/{person_id}", response_model=PersonOut, responses=ERRORS, summary="Change a person")
def patch_person(person_id: str, body: PersonPatch, request: Request, admin: AdminDep,
                 session: SessionDep) -> PersonOut:
    person = get_person(session, person_id)
    changes = body.model_dump(exclude_unset=True)
    update_person(session, person, changes.pop("version"), changes)
    audit.record(session, "edit_person", f"person:{person.id}", admin, client_ip(request),
                 detail="changed " + ", ".join(sorted(changes)))
    session.commit()
    return PersonOut.of(person, voiceprint_count(session, person.id))


@router.delete("/{person_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS,
               summary="Delete a person and their voiceprints; their meetings keep the name only")
def delete_one(person_id: str, request: Request, admin: AdminDep, session: SessionDep) -> Response:
    delete_person(session, get_person(session, person_id))
    audit.record(session, "delete_person", f"person:{person_id}", admin, client_ip(request))
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
