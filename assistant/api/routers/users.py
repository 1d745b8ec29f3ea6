"""User accounts (administrators only): list, create, change role, team or password, deactivate."""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from assistant import audit
from assistant.accounts.passwords import generate_password
from assistant.accounts.sessions import close_all
from assistant.accounts.tokens import revoke_all
from assistant.accounts.users import create_user, get_user, keep_an_admin, link_person, set_password
from assistant.api.account_schemas import UserCreated, UserIn, UserOut, UserPatch
from assistant.api.dependencies import AdminDep, SessionDep, client_ip
from assistant.api.schemas import ErrorOut
from assistant.store.models import User

router = APIRouter(prefix="/api/users", tags=["users"])
ERRORS = {403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}}


@router.get("", response_model=list[UserOut], responses=ERRORS, summary="All accounts")
def list_users(admin: AdminDep, session: SessionDep) -> list[UserOut]:
    return [UserOut.model_validate(u) for u in session.query(User).order_by(User.username)]


@router.post("", status_code=status.HTTP_201_CREATED, response_model=UserCreated, responses=ERRORS,
             summary="Create a local account; without a password one is generated and shown once")
def post_user(body: UserIn, request: Request, admin: AdminDep, session: SessionDep) -> UserCreated:
    password = body.password or generate_password()
    user = create_user(session, body.username, body.role, password, body.team, body.display_name)
    audit.record(session, "create_user", f"user:{user.username}", admin, client_ip(request), detail=f"role {user.role}")
    session.commit()
    return UserCreated.model_validate(user).model_copy(update={"password": None if body.password else password})


@router.patch("/{user_id}", response_model=UserOut, responses=ERRORS, summary="Change an account")
def patch_user(user_id: str, body: UserPatch, request: Request, admin: AdminDep, session: SessionDep) -> UserOut:
    user = get_user(session, user_id)
    changes = body.model_dump(exclude_unset=True)
    keep_an_admin(session, user, changes.get("role") or user.role, user.active if body.active is None else body.active)
    for key in ("role", "team", "display_name", "active"):
        if key in changes and (changes[key] is not None or key in ("team", "display_name")):
            setattr(user, key, changes[key])
    if body.password:
        set_password(user, body.password)
    if "person_id" in changes:
        link_person(session, user, body.person_id)
    if body.password or body.active is False:
        # Tokens too: a deactivated account's tokens must not come back when it is reactivated.
        close_all(session, user.id)
        revoke_all(session, user.id)
    audit.record(session, "edit_user", f"user:{user.username}", admin, client_ip(request),
                 detail="changed " + ", ".join(sorted(changes)))
    session.commit()
    return UserOut.model_validate(user)
