"""The signed-in user: who am I, my password, my personal API tokens (create, list, revoke)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status

from assistant import audit
from assistant.accounts.passwords import verify_password
from assistant.accounts.sessions import close_all
from assistant.accounts.tokens import create_token, list_tokens, revoke_all, revoke_token
from assistant.accounts.users import set_password
from assistant.api.account_schemas import PasswordChange, TokenCreated, TokenIn, TokenOut, UserOut
from assistant.api.dependencies import SessionDep, UserDep, client_ip, record_denial
from assistant.api.schemas import ErrorOut

router = APIRouter(prefix="/api/me", tags=["account"])


@router.get("", response_model=UserOut, summary="The signed-in user")
def me(user: UserDep) -> UserOut:
    return UserOut.model_validate(user)


@router.put("/password", status_code=status.HTTP_204_NO_CONTENT,
            responses={403: {"model": ErrorOut}, 422: {"model": ErrorOut}},
            summary="Change my password; signs out my other sessions and revokes my other API tokens")
def put_password(body: PasswordChange, request: Request, user: UserDep, session: SessionDep) -> None:
    """The session or token that makes the change stays valid; every other credential of the user ends
    (an attacker holding an old session or token loses it with the old password)."""
    if not verify_password(user.password_hash, body.current):
        record_denial(request, session, "change_password", user, "wrong current password")
        raise HTTPException(403, "目前密碼不正確 The current password is wrong.")
    set_password(user, body.new)
    close_all(session, user.id, keep=request.state.session_id)
    revoke_all(session, user.id, keep=request.state.token)
    audit.record(session, "change_password", f"user:{user.username}", user, client_ip(request))
    session.commit()


@router.get("/tokens", response_model=list[TokenOut], summary="My API tokens")
def get_tokens(user: UserDep, session: SessionDep) -> list[TokenOut]:
    return [TokenOut.model_validate(t) for t in list_tokens(session, user)]


@router.post("/tokens", status_code=status.HTTP_201_CREATED, response_model=TokenCreated,
             summary="Create an API token; its value is shown only in this answer")
def post_token(body: TokenIn, request: Request, user: UserDep, session: SessionDep) -> TokenCreated:
    value, row = create_token(session, user, body.name)
    audit.record(session, "create_token", f"token:{row.id}", user, client_ip(request), detail=body.name)
    session.commit()
    return TokenCreated(**TokenOut.model_validate(row).model_dump(), token=value)


@router.delete("/tokens/{token_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses={404: {"model": ErrorOut}}, summary="Revoke an API token")
def delete_token(token_id: str, request: Request, user: UserDep, session: SessionDep) -> None:
    row = revoke_token(session, user, token_id)
    audit.record(session, "revoke_token", f"token:{row.id}", user, client_ip(request))
    session.commit()
