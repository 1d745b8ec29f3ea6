"""The people table as the resolver's directory, and DingTalk ids found by lookups written back to it."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from assistant.dingtalk.people import Person
from assistant.store import models
from assistant.store.people import create_person


def to_person(row: models.Person) -> Person:
    return Person(
        name=row.name,
        aliases=tuple(str(a) for a in row.aliases or ()),
        mobile=row.mobile,
        user_id=row.dingtalk_user_id,
        union_id=row.dingtalk_union_id,
        manager_user_id=row.manager_user_id,
    )


def load_directory(session: Session) -> tuple[list[Person], dict[Person, str]]:
    """Every person as a resolver ``Person``, and the row id of each (people are frozen, hence hashable)."""
    rows = list(session.scalars(select(models.Person).order_by(models.Person.name)))
    people = [to_person(r) for r in rows]
    return people, {p: r.id for p, r in zip(people, rows, strict=True)}


def remember_ids(session: Session, row_id: str, person: Person) -> None:
    """Store the user id, union id and manager DingTalk gave us, without overwriting an admin's entry."""
    row = session.get(models.Person, row_id)
    if row is None:
        return
    changed = False
    for column, value in (("dingtalk_user_id", person.user_id), ("dingtalk_union_id", person.union_id),
                          ("manager_user_id", person.manager_user_id)):
        if value and not getattr(row, column):
            setattr(row, column, value)
            changed = True
    if changed:
        row.version += 1


def candidate(person: Person, row_id: str | None) -> dict[str, str | None]:
    """A choice shown in the review page: a directory person, or a DingTalk user found by search."""
    return {"person_id": row_id, "name": person.name, "user_id": person.user_id}


def person_for_user(session: Session, name: str, user_id: str) -> models.Person:
    """The directory row of a DingTalk user a reviewer chose, created when the directory lacks one.
    On Postgres, workers delivering to one new user at once take turns (a transaction-scoped advisory
    lock), so the user gets one row, not one per worker."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"dingtalk-user:{user_id}"})
    row = session.scalar(select(models.Person).where(models.Person.dingtalk_user_id == user_id)
                         .order_by(models.Person.created_at, models.Person.id).limit(1))
    return row if row is not None else create_person(session, name=name, dingtalk_user_id=user_id)
