"""Request and response bodies for accounts, API tokens, meeting access and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["admin", "manager", "member"]


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    username: str
    display_name: str | None
    role: Role
    team: str | None
    active: bool
    created_at: datetime


class UserIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    username: str = Field(min_length=1, max_length=100, pattern=r"^[\w.@+-]+$")
    role: Role = "member"
    team: str | None = Field(None, max_length=200)
    display_name: str | None = Field(None, max_length=200)
    password: str | None = Field(None, min_length=10, max_length=200,
                                 description="Leave out to have one generated (shown once).")


class UserCreated(UserOut):
    password: str | None = Field(None, description="The generated password; shown only in this answer.")


class UserPatch(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    role: Role | None = None
    team: str | None = Field(None, max_length=200)
    display_name: str | None = Field(None, max_length=200)
    active: bool | None = Field(None, description="false signs the user out everywhere and blocks sign-in.")
    password: str | None = Field(None, min_length=10, max_length=200)
    person_id: str | None = Field(None, max_length=32, description="Their entry in the people directory "
                                  "(grants no access to meetings where that person speaks). null unlinks.")


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    current: str = Field(max_length=200)
    new: str = Field(min_length=10, max_length=200)


class TokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    name: str = Field(min_length=1, max_length=100, description="What uses it, e.g. 'room 3 recorder'.")


class TokenOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreated(TokenOut):
    token: str = Field(description="Send as 'Authorization: Bearer <token>'. Shown only in this answer.")


class MeetingAccessOut(BaseModel):
    owner: str | None
    team: str | None
    sensitive: bool
    attendees: list[str]
    shared_with: list[str]


class MeetingAccessIn(BaseModel):
    """The whole access list, every field explicit: a misspelt or missing field is 422, never a silent reset."""

    model_config = ConfigDict(extra="forbid", strict=True)
    team: str | None = Field(max_length=200)
    sensitive: bool
    attendees: list[str] = Field(max_length=200, description="Usernames.")
    shared_with: list[str] = Field(max_length=200, description="Usernames.")
