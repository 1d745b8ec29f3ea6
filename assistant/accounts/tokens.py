"""Personal API tokens: shown once when created, stored as sha256, revocable."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assistant.store.errors import NotFound
from assistant.store.models import ApiToken, User, now

USE_RESOLUTION = timedelta(minutes=1)
PREFIX = "mat_"  # meeting assistant token: recognisable in logs and secret scanners


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, user: User, name: str) -> tuple[str, ApiToken]:
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(id=secrets.token_hex(8), user_id=user.id, name=name, token_hash=_digest(token),
                   prefix=token[:len(PREFIX) + 4])
    session.add(row)
    session.flush()
    return token, row


def user_for_token(session: Session, token: str) -> User | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if row is None or row.revoked_at is not None:
        return None
    if row.last_used_at is None or now() - row.last_used_at > USE_RESOLUTION:  # not a write per request
        row.last_used_at = now()
    return session.get(User, row.user_id)


def list_tokens(session: Session, user: User) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at)))


def revoke_all(session: Session, user_id: str, keep: str | None = None) -> None:
    """Revoke every token of the user, except the token whose value is ``keep`` (the one making the change)."""
    kept = _digest(keep) if keep else ""
    session.execute(update(ApiToken).where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None),
                                           ApiToken.token_hash != kept).values(revoked_at=now()))


def revoke_token(session: Session, user: User, token_id: str) -> ApiToken:
    row = session.get(ApiToken, token_id)
    if row is None or row.user_id != user.id:
        raise NotFound(f"token {token_id} not found")
    if row.revoked_at is None:
        row.revoked_at = now()
    return row
