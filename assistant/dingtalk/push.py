"""The DingTalk calls of a push, used by the outbox (``assistant.dingtalk.outbox``): the to-do for an
item, "task exist" handling, and the DING by priority.

- ``sourceId`` is a hash of meeting id, item index, owner and task, so re-running a push (or
  a retry after a lost response) never creates a second to-do: DingTalk answers "task exist",
  which counts as success (``already_existed``). When "task exist" follows our own attempt whose
  response was lost, the task's createdTime (server clock) decides whether that attempt created it.
  DING itself is never retried after a 5xx or lost response (no idempotency key).
- Due time: the stated time of a date-time deadline; for a date, 23:59 in ``settings.timezone``
  (Asia/Hong_Kong): "by Friday" means by the end of Friday, not the start. The text shows the
  owner's local time too when their zone differs (``assistant.deadlines.display``).
- Priority: call -> to-do 40 + phone DING, sms -> 30 + SMS DING, app -> 20 + in-app DING.
  Phone and SMS DING need a purchased package; on ``ding.serverquota.insufficient`` the DING
  is re-sent in-app (``downgraded``).
"""

from __future__ import annotations

import hashlib
import logging
from assistant.config import Settings
from assistant.deadlines import due_moment
from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.errors import AlreadyExists, DingTalkError, QuotaExceeded
from assistant.dingtalk.messages import ding_text, todo_description, todo_subject
from assistant.dingtalk.models import DingType, TodoPriority, TodoRequest, TodoTask
from assistant.minutes import ActionItem

log = logging.getLogger(__name__)

_NO_DING_PACKAGE = "ding.serverquota.insufficient"
_SERVER_DATE_SLACK_S = 2.0  # HTTP Date has one-second resolution

_PRIORITIES: dict[str, tuple[TodoPriority, DingType]] = {
    "call": (TodoPriority.VERY_URGENT, DingType.CALL),
    "sms": (TodoPriority.URGENT, DingType.SMS),
    "app": (TodoPriority.NORMAL, DingType.APP),
}


def source_id_for(meeting_id: str, index: int, item: ActionItem) -> str:
    """Stable across retries; a new one when what the owner sees (owner, task, deadline) is edited."""
    fields = [meeting_id, str(index), item.owner, item.task, item.deadline or ""]
    digest = hashlib.sha256("\x1f".join(fields).encode()).hexdigest()
    return f"mtg-{digest[:32]}"


def due_time_ms(deadline: str, timezone: str) -> int:
    """Milliseconds since the epoch. Raises ValueError on a malformed deadline."""
    return int(due_moment(deadline, timezone).timestamp() * 1000)


def detail_url(settings: Settings, meeting_id: str, index: int) -> str:
    return f"{settings.web_base_url.rstrip('/')}/meetings/{meeting_id}#item-{index}"


def todo_request(
    item: ActionItem, source_id: str, union_id: str, url: str, meeting_title: str, settings: Settings,
    when: str | None = None,
) -> TodoRequest:
    """The to-do for ``item`` on ``union_id``'s list. Raises ValueError on a malformed deadline."""
    due = due_time_ms(item.deadline, settings.timezone) if item.deadline else None
    return TodoRequest(
        source_id=source_id,
        subject=todo_subject(item),
        description=todo_description(item, meeting_title, when),
        executor_union_ids=[union_id],
        detail_url=url,
        due_time_ms=due,
        priority=_PRIORITIES.get(item.priority, _PRIORITIES["app"])[0],
    )


def existing_task(client: DingTalkClient, source_id: str, settings: Settings) -> TodoTask | None:
    try:
        return client.get_todo_by_source_id(settings.dingtalk_operator_union_id, source_id)
    except DingTalkError as e:
        log.info("to-do %s exists but could not be looked up: %s", source_id, e.code)
        return None


def created_by_lost_attempt(error: AlreadyExists, task: TodoTask | None) -> bool:
    """True when "task exist" answers our own earlier attempt whose response was lost.

    Both times are the server's, so local clock skew does not matter. Unknown means no:
    a missed DING is caught by the follow-up flow, a second phone DING is not undone.
    """
    if error.lost_attempt_age_s is None or error.server_time_s is None or task is None or task.created_ms is None:
        return False
    earliest_s = error.server_time_s - error.lost_attempt_age_s - _SERVER_DATE_SLACK_S
    return task.created_ms / 1000 >= earliest_s


def ding_by_priority(
    client: DingTalkClient, user_id: str | None, item: ActionItem, when: str | None = None
) -> tuple[DingType | None, str | None, bool]:
    """DING the owner at the item's priority. Returns (kind sent, error code, downgraded)."""
    assert user_id is not None
    ding_type = _PRIORITIES.get(item.priority, _PRIORITIES["app"])[1]
    text = ding_text(item, when)
    try:
        result = client.send_ding([user_id], text, ding_type)
        sent, downgraded = ding_type, False
    except QuotaExceeded as e:
        if e.code != _NO_DING_PACKAGE or ding_type is DingType.APP:
            return None, e.code, False
        log.info("no %s DING package; sending an in-app DING instead", ding_type.name)
        try:
            result = client.send_ding([user_id], text, DingType.APP)
        except DingTalkError as e2:
            return None, e2.code, True
        sent, downgraded = DingType.APP, True
    except DingTalkError as e:
        return None, e.code, False
    if result.failed:
        return None, ",".join(sorted(result.failed)), downgraded
    return sent, None, downgraded
