"""Browser sessions: a random cookie value, kept in the database only as its sha256."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from assistant.store.models import User, UserSession, now

COOKIE = "assistant_session"
CSRF_COOKIE = "assistant_csrf"


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def open_session(session: Session, user: User, hours: float, ip: str | None) -> tuple[str, UserSession]:
    """Returns the cookie value (shown once) and the stored row."""
    value = secrets.token_urlsafe(32)
    row = UserSession(id=_digest(value), user_id=user.id, csrf_token=secrets.token_urlsafe(24), ip=ip,
                      expires_at=now() + timedelta(hours=hours))
    session.add(row)
    session.execute(delete(UserSession).where(UserSession.expires_at < now()))
    return value, row


def find_session(session: Session, value: str) -> UserSession | None:
    row = session.get(UserSession, _digest(value))
    if row is None or row.expires_at < now():
        return None
    return row


def close_session(session: Session, value: str) -> None:
    session.execute(delete(UserSession).where(UserSession.id == _digest(value)))


def close_all(session: Session, user_id: str, keep: str | None = None) -> None:
    """Sign the user out everywhere, except the session whose stored id is ``keep``."""
    session.execute(delete(UserSession).where(UserSession.user_id == user_id, UserSession.id != (keep or "")))
