"""The people directory and voiceprints: create, read, edit, delete; speakers linked to people.

One directory serves speaker naming (voiceprints) and DingTalk (ids written back by
``assistant/dingtalk/directory.py``). Deleting a person deletes their voiceprints (foreign key
cascade) and leaves the meetings they spoke in with the name but no link.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from assistant.deadlines import check_timezone
from assistant.identify import EnrolledPerson
from assistant.store.db import fetch
from assistant.store.errors import Conflict, Invalid, NotFound
from assistant.store.meetings import _touch, _versioned_update, get_speaker, new_id
from assistant.store.models import Meeting, Person, Speaker, Voiceprint, now

PERSON_FIELDS = ("name", "aliases", "role", "team", "mobile", "dingtalk_user_id", "dingtalk_union_id",
                 "manager_user_id", "timezone")
SOURCES = ("clip", "meeting", "folder")


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in PERSON_FIELDS:
            raise Invalid(f"unknown field {key}")
        if key == "aliases":
            out[key] = list(dict.fromkeys(a.strip() for a in value or [] if a and a.strip()))
        elif key == "timezone" and value:
            try:
                out[key] = check_timezone(value)
            except ValueError as exc:
                raise Invalid(str(exc)) from None
        else:
            out[key] = (value or "").strip() or None
    if "name" in out and not out["name"]:
        raise Invalid("name cannot be empty")
    return out


def create_person(session: Session, **values: Any) -> Person:
    fields = _clean(values)
    if not fields.get("name"):
        raise Invalid("name cannot be empty")
    person = Person(id=new_id(), version=1, **{"aliases": [], **fields})
    session.add(person)
    session.flush()
    return person


def get_person(session: Session, person_id: str) -> Person:
    return fetch(session, Person, person_id, "person")


def list_people(session: Session, q: str | None = None) -> list[Person]:
    people = list(session.scalars(select(Person).order_by(Person.name, Person.id)))
    if q and q.strip():
        key = q.strip().casefold()
        people = [p for p in people if any(key in n.casefold() for n in (p.name, *(p.aliases or [])))]
    return people


def find_by_name(session: Session, name: str) -> Person | None:
    """The one person whose name or alias is ``name`` (case-insensitive); Invalid when several are."""
    key = name.strip().casefold()
    found = [p for p in list_people(session) if key in {n.casefold() for n in (p.name, *(p.aliases or []))}]
    if len(found) > 1:
        raise Invalid(f"{len(found)} people are called {name}; use the person's id")
    return found[0] if found else None


def update_person(session: Session, person: Person, version: int, values: Mapping[str, Any]) -> Person:
    fields = _clean(values)
    if fields:
        _versioned_update(session, Person, person, version, **fields)
    elif person.version != version:
        raise Conflict(f"changed by someone else (now version {person.version}, you sent {version})")
    return person


def delete_person(session: Session, person: Person) -> None:
    session.delete(person)
    session.flush()


def voiceprint_count(session: Session, person_id: str) -> int:
    return session.scalar(select(func.count()).where(Voiceprint.person_id == person_id)) or 0


def add_voiceprint(session: Session, person: Person, model: str, vector: np.ndarray | Sequence[float],
                   speech_s: float, source: str, source_ref: str | None, consent_by: str) -> Voiceprint:
    """A voiceprint needs recorded consent: who confirmed the person agreed, and when."""
    if source not in SOURCES:
        raise Invalid(f"source must be one of {', '.join(SOURCES)}")
    if not (consent_by or "").strip():
        raise Invalid("a voiceprint needs the consent recorded (consent_by)")
    print_ = Voiceprint(person_id=person.id, model=model, vector=[round(float(x), 6) for x in vector],
                        speech_s=round(speech_s, 2), source=source, source_ref=(source_ref or None),
                        consent_by=consent_by.strip()[:200], consent_at=now())
    session.add(print_)
    session.flush()
    return print_


def get_voiceprint(session: Session, person: Person, voiceprint_id: int) -> Voiceprint:
    print_ = session.get(Voiceprint, voiceprint_id)
    if print_ is None or print_.person_id != person.id:
        raise NotFound(f"voiceprint {voiceprint_id} of person {person.id} not found")
    return print_


def delete_voiceprints(session: Session, person: Person) -> int:
    prints = list(session.scalars(select(Voiceprint).where(Voiceprint.person_id == person.id)))
    for p in prints:
        session.delete(p)
    session.flush()
    return len(prints)


def enrolled_people(session: Session, model: str) -> list[EnrolledPerson]:
    """Everyone with voiceprints of ``model``: the identification stage's directory."""
    vectors: dict[str, list[np.ndarray]] = {}
    for print_ in session.scalars(select(Voiceprint).where(Voiceprint.model == model).order_by(Voiceprint.id)):
        vectors.setdefault(print_.person_id, []).append(np.asarray(print_.vector, dtype=np.float32))
    if not vectors:
        return []
    people = session.scalars(select(Person).where(Person.id.in_(vectors)).order_by(Person.name))
    return [EnrolledPerson(p.id, p.name, tuple(vectors[p.id]), tuple(p.aliases or ())) for p in people]


def set_speaker_person(session: Session, meeting: Meeting, speaker_id: str, person_id: str | None,
                       version: int) -> Speaker:
    """A reviewer confirms or corrects who a speaker is (None: anonymous again)."""
    speaker = get_speaker(meeting, speaker_id)
    if person_id is None:
        _versioned_update(session, Speaker, speaker, version, person_id=None, confidence=None, name=None)
    else:
        person = get_person(session, person_id)
        taken = [s.id for s in meeting.speakers if s.person_id == person.id and s.id != speaker_id]
        if taken:
            raise Conflict(f"{person.name} is already speaker {taken[0]} of this meeting")
        # a confirmed name keeps the voiceprint score it was suggested with, if it is the same person
        confidence = speaker.confidence if speaker.person_id == person.id else None
        _versioned_update(session, Speaker, speaker, version, person_id=person.id, name=person.name,
                          confidence=confidence)
    _touch(meeting)
    return speaker


def enrol_speaker(session: Session, meeting: Meeting, speaker_id: str, consent_by: str) -> Voiceprint:
    """Add a meeting speaker's voice to the voiceprints of the person they were confirmed to be."""
    speaker = session.scalar(
        select(Speaker).options(undefer(Speaker.embedding))
        .where(Speaker.meeting_id == meeting.id, Speaker.id == speaker_id)
    )
    if speaker is None:
        raise NotFound(f"speaker {speaker_id} not found in meeting {meeting.id}")
    if speaker.person_id is None:
        raise Invalid("confirm who the speaker is first")
    model = (meeting.models or {}).get("speaker_embedding")
    if not speaker.embedding or not model:
        raise Invalid("this meeting kept no voice for the speaker (too little speech, or processed before voiceprints)")
    return add_voiceprint(session, get_person(session, speaker.person_id), model, speaker.embedding,
                          speaker.talk_time, "meeting", meeting.id, consent_by)
