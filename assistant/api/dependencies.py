"""Shared request dependencies: the service, a database session, the signed-in user, the meeting in the path.

Access is decided here and in ``assistant/access.py`` only: every router is mounted behind
``current_user`` (see ``main.py``), and a route that takes ``MeetingDep`` gets the meeting only when the
user may read it (safe methods) or edit it (the others); each such access is audited.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from sqlalchemy.orm import Session

from assistant import audit
from assistant.access import Action, allows, relation
from assistant.accounts.sessions import COOKIE, find_session
from assistant.accounts.tokens import user_for_token
from assistant.api.security import SAFE_METHODS, check_csrf
from assistant.config import Settings
from assistant.service import Service
from assistant.store.errors import NotFound
from assistant.store.models import Meeting, User


def get_service(request: Request) -> Service:
    return request.app.state.service


ServiceDep = Annotated[Service, Depends(get_service)]


def get_settings(service: ServiceDep) -> Settings:
    return service.settings


def get_session(service: ServiceDep) -> Iterator[Session]:
    with service.store.session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


class NotSignedIn(Exception):
    """No valid session or token: pages redirect to the sign-in page, the API answers 401."""


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def record_denial(request: Request, session: Session, action: str, user: User | None, detail: str) -> None:
    """Audit a refused request (the README promises every denied attempt is logged), then commit."""
    route = getattr(request.scope.get("route"), "path", request.url.path)
    audit.record(session, action, f"route:{request.method} {route}", user, client_ip(request), "denied", detail)
    session.commit()


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header[:7].lower() == "bearer " else None


def current_user(request: Request, session: SessionDep) -> User:
    """The signed-in user. Sets ``request.state.session_id`` (cookie) or ``request.state.token`` (API token):
    the credential that made this request, which a password change keeps."""
    request.state.session_id = request.state.token = None
    token = bearer_token(request)
    if token is not None:
        user = user_for_token(session, token)
        if user is None or not user.active:
            record_denial(request, session, "authenticate", None, "invalid or revoked API token")
            raise HTTPException(401, "API token 無效或已撤銷 Invalid or revoked API token.",
                                headers={"WWW-Authenticate": "Bearer"})
        session.commit()  # last_used_at, when it changed
        request.state.user, request.state.token = user, token
        return user  # token requests carry no ambient credentials: no CSRF check
    value = request.cookies.get(COOKIE)
    row = find_session(session, value) if value else None
    user = session.get(User, row.user_id) if row else None
    if user is None or not user.active:
        if value:  # a forged, expired or closed session; no cookie at all is only "not signed in yet"
            record_denial(request, session, "authenticate", None, "invalid or expired session")
        raise NotSignedIn()
    if request.method not in SAFE_METHODS:
        try:
            check_csrf(request, row.csrf_token)
        except HTTPException:
            record_denial(request, session, "csrf", user, "CSRF token missing or wrong")
            raise
    request.state.user, request.state.session_id = user, row.id
    return user


UserDep = Annotated[User, Depends(current_user)]


def require_admin(request: Request, session: SessionDep, user: UserDep) -> User:
    if user.role != "admin":
        record_denial(request, session, "admin", user, "administrators only")
        raise HTTPException(403, "只限管理員 Administrators only.")
    return user


AdminDep = Annotated[User, Depends(require_admin)]


def audit_action(request: Request, action: Action) -> str:
    route = request.scope.get("route")
    path = getattr(route, "path", request.url.path)
    if request.method == "DELETE" and path.endswith("{meeting_id}"):
        return "delete"
    if path.endswith("/approval"):
        return "approve" if request.method == "PUT" else "reopen"
    if "push" in path or "deliver" in path:
        return "push" if request.method not in SAFE_METHODS else "view"
    if action in (Action.SEE, Action.READ):
        return {"export": "export", "get_audio": "listen"}.get(getattr(route, "name", ""), "view")
    return "edit" if action is Action.EDIT else "manage"


def _worth_auditing(request: Request, meeting: Meeting, allowed: bool) -> bool:
    if not allowed or request.method not in SAFE_METHODS:
        return True
    if meeting.status in ("queued", "processing"):
        return False  # progress polling: no content yet
    # The player fetches a recording in ranges; one event per playback start.
    return request.headers.get("range", "bytes=0-").startswith("bytes=0-")


def authorize_meeting(request: Request, session: Session, user: User, meeting_id: str,
                      action: Action | None = None) -> Meeting:
    """The meeting, if ``user`` may perform ``action`` (default: read for safe methods, else edit).

    Unknown and invisible meetings are both 404, so ids do not reveal what exists; a visible
    meeting the user may not open is 403.
    """
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"meeting {meeting_id} not found")
    action = action or (Action.READ if request.method in SAFE_METHODS else Action.EDIT)
    rel = relation(session, user, meeting)
    allowed = allows(user, meeting, action, rel)
    if _worth_auditing(request, meeting, allowed):
        route = getattr(request.scope.get("route"), "path", request.url.path)
        audit.record(session, audit_action(request, action), f"meeting:{meeting.id}", user, client_ip(request),
                     "allowed" if allowed else "denied", f"{request.method} {route}")
        session.commit()
    if allowed:
        return meeting
    if not allows(user, meeting, Action.SEE, rel):
        raise NotFound(f"meeting {meeting_id} not found")
    raise HTTPException(403, "你無權開啟此會議 You may not open this meeting"
                        + (" (sensitive)." if meeting.sensitive else "."))


MeetingId = Annotated[str, Path(description="Meeting id", max_length=32)]


def meeting_in_path(request: Request, session: SessionDep, user: UserDep, meeting_id: MeetingId) -> Meeting:
    return authorize_meeting(request, session, user, meeting_id)


def managed_meeting(request: Request, session: SessionDep, user: UserDep, meeting_id: MeetingId) -> Meeting:
    return authorize_meeting(request, session, user, meeting_id, Action.MANAGE)


MeetingDep = Annotated[Meeting, Depends(meeting_in_path)]
ManagedMeetingDep = Annotated[Meeting, Depends(managed_meeting)]
