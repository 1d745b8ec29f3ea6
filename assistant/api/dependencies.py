"""Shared request dependencies: the service, a database session, the meeting in the path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlalchemy.orm import Session

from assistant.config import Settings
from assistant.service import Service
from assistant.store.meetings import get_meeting
from assistant.store.models import Meeting


def get_service(request: Request) -> Service:
    return request.app.state.service


ServiceDep = Annotated[Service, Depends(get_service)]


def get_settings(service: ServiceDep) -> Settings:
    return service.settings


def get_session(service: ServiceDep) -> Iterator[Session]:
    with service.store.session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def meeting_in_path(
    session: SessionDep, meeting_id: Annotated[str, Path(description="Meeting id", max_length=32)]
) -> Meeting:
    return get_meeting(session, meeting_id)


MeetingDep = Annotated[Meeting, Depends(meeting_in_path)]
