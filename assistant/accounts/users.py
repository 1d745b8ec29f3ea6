"""User accounts in the database: create, find, change."""

from __future__ import annotations

import re
import secrets

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from assistant.accounts.passwords import generate_password, hash_password
from assistant.store.db import fetch
from assistant.store.errors import Conflict, Invalid
from assistant.store.models import Person, User

ROLES = ("admin", "manager", "member")
USERNAME = re.compile(r"^[\w.@+-]{1,100}$")


def create_user(session: Session, username: str, role: str = "member", password: str | None = None,
                team: str | None = None, display_name: str | None = None,
                oidc_subject: str | None = None) -> User:
    if role not in ROLES:
        raise Invalid(f"role must be one of {', '.join(ROLES)}")
    if not USERNAME.match(username):
        raise Invalid("a username is 1-100 letters, digits or . @ + - _")
    if session.scalar(select(User).where(func.lower(User.username) == username.lower())) is not None:
        raise Conflict(f"user {username} exists")
    try:
        hashed = hash_password(password) if password is not None else None
    except ValueError as exc:
        raise Invalid(str(exc)) from None
    user = User(id=secrets.token_hex(8), username=username, role=role, team=team or None,
                display_name=display_name, password_hash=hashed, oidc_subject=oidc_subject, active=True)
    session.add(user)
    session.flush()
    return user


def keep_an_admin(session: Session, user: User, role: str, active: bool) -> None:
    """Conflict if giving ``user`` this role and state would leave no active administrator."""
    if user.role != "admin" or not user.active or (role == "admin" and active):
        return
    others = session.scalar(select(func.count()).select_from(User).where(
        User.role == "admin", User.active.is_(True), User.id != user.id))
    if not others:
        raise Conflict("the last active administrator cannot be demoted or deactivated")


def get_user(session: Session, user_id: str) -> User:
    return fetch(session, User, user_id, "user")


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.username) == username.lower()))


def users_by_name(session: Session, usernames: list[str]) -> list[User]:
    found = []
    for name in usernames:
        user = find_user(session, name)
        if user is None:
            raise Invalid(f"no user named {name}")
        found.append(user)
    return found


def set_password(user: User, password: str) -> None:
    try:
        user.password_hash = hash_password(password)
    except ValueError as exc:
        raise Invalid(str(exc)) from None


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def ensure_first_admin(session: Session) -> str | None:
    """With no accounts at all, create ``admin`` and return its one-time password (else None)."""
    if count_users(session):
        return None
    password = generate_password()
    create_user(session, "admin", "admin", password, display_name="Administrator")
    return password


def user_for_identity(session: Session, subject: str, username: str, display_name: str | None, role: str) -> User:
    """The account linked to a single-sign-on subject, created at the first sign-on.

    A new account never takes over a local one with the same name: it gets a suffixed username.
    """
    user = session.scalar(select(User).where(User.oidc_subject == subject))
    if user is not None:
        return user
    base = re.sub(r"[^\w.@+-]", "_", username)[:90] or "user"
    name, n = base, 1
    while find_user(session, name) is not None:
        n += 1
        name = f"{base}-{n}"
    return create_user(session, name, role, None, None, display_name, oidc_subject=subject)


def link_person(session: Session, user: User, person_id: str | None) -> None:
    """Make ``person_id`` (a people-directory entry) this user's, or unlink with None."""
    person = None
    if person_id is not None:
        person = fetch(session, Person, person_id, "person")
    session.execute(update(Person).where(Person.user_id == user.id).values(user_id=None))
    if person is not None:
        person.user_id = user.id
