"""Typed request and response shapes for the DingTalk calls we make."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class DingType(IntEnum):
    """``remindType`` of ``/v1.0/robot/ding/send``."""

    APP = 1
    SMS = 2
    CALL = 3


class TodoPriority(IntEnum):
    """``priority`` of a to-do: 10 low, 20 normal, 30 urgent, 40 very urgent."""

    LOW = 10
    NORMAL = 20
    URGENT = 30
    VERY_URGENT = 40


@dataclass(frozen=True)
class User:
    user_id: str
    name: str
    union_id: str | None
    manager_user_id: str | None
    dept_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Department:
    dept_id: int
    name: str
    manager_user_ids: list[str]
    parent_id: int | None


@dataclass(frozen=True)
class TodoRequest:
    source_id: str
    subject: str
    description: str
    executor_union_ids: list[str]
    detail_url: str
    due_time_ms: int | None = None
    priority: TodoPriority = TodoPriority.NORMAL
    ding_notify: bool = True

    def to_body(self, creator_union_id: str) -> dict[str, object]:
        body: dict[str, object] = {
            "sourceId": self.source_id,
            "subject": self.subject,
            "description": self.description,
            "creatorId": creator_union_id,
            "executorIds": self.executor_union_ids,
            "detailUrl": {"appUrl": self.detail_url, "pcUrl": self.detail_url},
            "priority": int(self.priority),
            "isOnlyShowExecutor": True,
        }
        if self.due_time_ms is not None:
            body["dueTime"] = self.due_time_ms
        if self.ding_notify:
            # All notifyConfigs values are strings; "1" is an in-app DING.
            body["notifyConfigs"] = {"dingNotify": "1", "sendTodoApn": "true"}
        return body


@dataclass(frozen=True)
class TodoTask:
    task_id: str
    source_id: str | None
    subject: str
    done: bool
    created_ms: int | None = None


@dataclass(frozen=True)
class DingResult:
    open_ding_id: str
    failed: dict[str, list[str]]  # reason -> userIds; DING reports partial failures here


@dataclass(frozen=True)
class CardDelivery:
    space_id: str
    success: bool
    error: str | None


@dataclass(frozen=True)
class StreamTicket:
    endpoint: str
    ticket: str
