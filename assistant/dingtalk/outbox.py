"""Run one outbox operation: claim it, make the DingTalk call, record the outcome and what follows.

The call happens between two transactions (claim, then record), so a crash leaves the operation
in ``sending`` and ``store.deliveries.recover`` decides whether it may be sent again. What an
operation leads to (a to-do → DING + confirmation card + follow-up check; a follow-up → reminder
+ manager's to-do) is written in the same transaction that marks it done: nothing is lost between.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from assistant.config import Settings
from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.directory import candidate, load_directory, person_for_user, remember_ids, to_person
from assistant.dingtalk.errors import AlreadyExists, DingTalkError, RateLimited, ServerError, SystemBusy
from assistant.dingtalk.messages import (
    confirm_card_params,
    escalation_description,
    escalation_subject,
    reminder_text,
)
from assistant.dingtalk.models import DingType, TodoRequest
from assistant.dingtalk.people import PeopleResolver, Person, Unresolved
from assistant.dingtalk.push import (
    created_by_lost_attempt,
    detail_url,
    ding_by_priority,
    existing_task,
    todo_request,
)
from assistant.deadlines import display
from assistant.jobs.lease import Heartbeat, new_holder
from assistant.minutes import ActionItem as Item
from assistant.store import deliveries
from assistant.store.attendees import owner_timezone
from assistant.store.deliveries import Scheduled, event
from assistant.store.models import LOCAL_TZ, ActionItem, Delivery, Meeting, OutboxOperation, now
from assistant.store.models import Person as PersonRow
from assistant.store.store import Store

log = logging.getLogger(__name__)

_RETRYABLE = (RateLimited, ServerError, SystemBusy)
Apply = Callable[[Session, Delivery, OutboxOperation], list[Scheduled]]


class OperationFailed(Exception):
    """An operation that cannot succeed as it stands (no manager, card not delivered, bad deadline)."""


@dataclass(frozen=True)
class Context:
    op_id: int
    kind: str
    key: str
    attempts: int
    delivery_id: str
    meeting_id: str
    meeting_title: str
    position: int
    item: Item
    deadline_text: str  # as the owner reads it: with their local time when their zone differs
    item_person_id: str | None
    source_id: str
    user_id: str | None
    union_id: str | None
    manager_user_id: str | None
    sent_at: datetime | None


class OutboxRunner:
    def __init__(self, store: Store, settings: Settings, client: DingTalkClient,
                 schedule: Callable[[list[Scheduled]], None]) -> None:
        self.store = store
        self.settings = settings
        self.client = client
        self.schedule = schedule
        self._handlers: dict[str, Callable[[Context], Apply]] = {
            "todo": self._todo, "ding": self._ding, "card": self._card,
            "reminder": self._reminder, "manager_todo": self._manager_todo, "retract": self._retract,
        }

    def __call__(self, op_id: str) -> None:
        holder, lease_s = new_holder(), self.settings.service.lease_s
        with self.store.session() as session:
            op = deliveries.claim(session, int(op_id), holder, lease_s)
            if op is None:
                return
            if op.due_at > now() + timedelta(seconds=1):  # queued early (a restart): wait for its time
                op.state, op.attempts, op.leased_by, op.lease_expires_at = "pending", op.attempts - 1, None, None
                session.commit()
                self.schedule([Scheduled("op", op_id, op.due_at, op.kind in deliveries.URGENT_KINDS)])
                return
            ctx = _context(session, op)
            session.commit()
        renew = functools.partial(deliveries.renew, op_id=ctx.op_id, holder=holder, lease_s=lease_s)
        with Heartbeat(self.store, f"outbox {ctx.op_id}", renew, lease_s):
            try:
                apply = self._handlers[ctx.kind](ctx)
            except (DingTalkError, OperationFailed) as e:
                apply = self._failure(ctx, e)
        with self.store.session() as session:
            op, delivery = session.get(OutboxOperation, ctx.op_id), session.get(Delivery, ctx.delivery_id)
            if op is None or delivery is None:  # the meeting was deleted meanwhile
                return
            if not deliveries.release(session, ctx.op_id, holder):  # expired and taken over meanwhile
                log.warning("outbox %s %d: lease lost; its outcome is left to the new worker", ctx.kind, ctx.op_id)
                return
            follow_on = apply(session, delivery, op)
            session.commit()
        self.schedule(follow_on)

    def _failure(self, ctx: Context, error: Exception) -> Apply:
        code = error.code if isinstance(error, DingTalkError) else str(error)
        if isinstance(error, _RETRYABLE) and ctx.attempts < self.settings.dingtalk_outbox_attempts:
            delay = self.settings.dingtalk_outbox_retry_s * 2 ** (ctx.attempts - 1)
            log.warning("outbox %s %d: %s; retry in %.0f s", ctx.kind, ctx.op_id, code, delay)

            def retry(session: Session, d: Delivery, op: OutboxOperation) -> list[Scheduled]:
                event(session, d, f"{ctx.kind}_retry", f"{code}; attempt {ctx.attempts}")
                return [deliveries.retry_later(op, code, delay)]

            return retry
        log.warning("outbox %s %d failed: %s", ctx.kind, ctx.op_id, code)

        def fail(session: Session, d: Delivery, op: OutboxOperation) -> list[Scheduled]:
            deliveries.finish(op, "failed", code)
            event(session, d, f"{ctx.kind}_failed", code)
            if ctx.kind == "todo":
                d.status, d.reason = "failed", f"to-do not created: {code}"
            return []

        return fail

    # --- to-do for the owner ---------------------------------------------------------------

    def _todo(self, ctx: Context) -> Apply:
        owner = self._resolve_owner(ctx)
        if isinstance(owner, Unresolved):
            return _unresolved(owner.owner, owner.reason, [self._named(p, owner.owner) for p in owner.candidates])
        person, row_id = owner
        if person.union_id is None or person.user_id is None:
            raise OperationFailed("owner has no DingTalk union id / user id")
        url = detail_url(self.settings, ctx.meeting_id, ctx.position)
        try:
            request = todo_request(ctx.item, ctx.source_id, person.union_id, url, ctx.meeting_title, self.settings,
                                   ctx.deadline_text)
        except ValueError:
            raise OperationFailed(f"invalid deadline {ctx.item.deadline!r}") from None
        operator = self.settings.dingtalk_operator_union_id
        try:
            task_id: str | None = self.client.create_todo(operator, request).task_id
            status = "created"
        except AlreadyExists as e:
            task = existing_task(self.client, ctx.source_id, self.settings)
            task_id = task.task_id if task else None
            # A second attempt means ours may have created it before the crash or the lost answer.
            ours = ctx.attempts > 1 or created_by_lost_attempt(e, task)
            status = "created" if ours else "already_existed"
        window = timedelta(minutes=self.settings.dingtalk_follow_up_minutes)

        def apply(session: Session, d: Delivery, op: OutboxOperation) -> list[Scheduled]:
            d.user_id, d.union_id, d.manager_user_id = person.user_id, person.union_id, person.manager_user_id
            # The directory learns what DingTalk told us (a search hit becomes an entry to review).
            rid = row_id or person_for_user(session, person.name, person.user_id).id
            remember_ids(session, rid, person)
            d.person_id = rid
            d.status, d.reason, d.task_id, d.candidates = status, None, task_id, []
            d.sent_at = now()
            d.follow_up_due_at = d.sent_at + window
            deliveries.finish(op)
            event(session, d, "todo_" + status, f"to-do {task_id} for {person.name}", person.user_id)
            ops = []
            if status == "created":  # a re-run rings nobody again
                ops.append(deliveries.add_operation(session, d, "ding", f"ding:{d.source_id}"))
            ops.append(deliveries.add_operation(session, d, "card", f"card:{d.source_id}"))
            scheduled = [Scheduled("op", str(o.id), None) for o in ops if o is not None]
            return [*scheduled, Scheduled("follow_up", d.id, d.follow_up_due_at, True)]

        return apply

    def _retract(self, ctx: Context) -> Apply:
        task_id = ctx.key.removeprefix("retract:")  # the replaced to-do's id is the operation's key
        self.client.delete_todo(self.settings.dingtalk_operator_union_id, task_id)

        def apply(session: Session, d: Delivery, op: OutboxOperation) -> list[Scheduled]:
            deliveries.finish(op)
            event(session, d, "todo_retracted", f"to-do {task_id} deleted: the item was edited and pushed again")
            return []

        return apply

    def _resolve_owner(self, ctx: Context) -> tuple[Person, str | None] | Unresolved:
        if ctx.user_id and ctx.union_id:
            return Person(ctx.item.owner, user_id=ctx.user_id, union_id=ctx.union_id,
                          manager_user_id=ctx.manager_user_id), None
        with self.store.session() as session:
            directory, row_ids = load_directory(session)
            chosen = session.get(PersonRow, ctx.item_person_id) if ctx.item_person_id else None
            chosen_person = to_person(chosen) if chosen is not None else None
        resolver = PeopleResolver(directory, self.client)
        if chosen_person is not None:  # a reviewer picked the owner
            resolved = resolver.complete(ctx.item.owner, chosen_person)
            row_id: str | None = ctx.item_person_id
        else:
            resolved = resolver.resolve(ctx.item.owner)
            row_id = None
        if isinstance(resolved, Unresolved):
            return Unresolved(resolved.owner, resolved.candidates, resolved.reason)
        if row_id is None:
            row_id = next((rid for p, rid in row_ids.items() if p.name == resolved.name
                           and (p.user_id in (None, resolved.user_id))), None)
        return resolved, row_id

    # --- DING, confirmation card --------------------------------------------------------------

    def _ding(self, ctx: Context) -> Apply:
        sent, error, downgraded = ding_by_priority(self.client, ctx.user_id, ctx.item, ctx.deadline_text)

        def apply(session: Session, d: Delivery, op: OutboxOperation) -> list[Scheduled]:
            d.ding_requested, d.ding_downgraded, d.ding_error = ctx.item.priority, downgraded, error
            d.ding_sent = sent.name.lower() if sent else None
            if sent is not None:
                note = f"{sent.name.lower()} DING" + (f" (downgraded from {ctx.item.priority})" if downgraded else "")
                event(session, d, "ding_sent", note, ctx.user_id)
                deliveries.finish(op)
            else:
                event(session, d, "ding_failed", error, ctx.user_id)
                deliveries.finish(op, "failed", error)
            return []

        return apply

    def _card(self, ctx: Context) -> Apply:
        assert ctx.user_id is not None
        results = self.client.send_card(f"card-{ctx.source_id}", ctx.user_id,
                                        confirm_card_params(ctx.item, ctx.source_id, ctx.deadline_text))
        failed = [r.error or "not delivered" for r in results if not r.success]
        if failed or not results:
            raise OperationFailed(f"card not delivered: {', '.join(failed) or 'no result'}")

        def apply(session: Session, d: Delivery, op: OutboxOperation) -> list[Scheduled]:
            deliveries.finish(op)
            event(session, d, "card_sent", "確認執行／提出異議 card", ctx.user_id)
            return []

        return apply

    # --- follow-up: second reminder, manager's to-do --------------------------------------------

    def _reminder(self, ctx: Context) -> Apply:
        assert ctx.user_id is not None
        pushed = _clock(ctx.sent_at)
        title, text = reminder_text(ctx.item, pushed, ctx.deadline_text)
        if self.settings.dingtalk_agent_id is not None:
            self.client.send_work_notification([ctx.user_id], title, text)
            how = "work notification"
        else:
            self.client.send_ding([ctx.user_id], text, DingType.APP)
            how = "in-app DING"

        def apply(session: Session, d: Delivery, op: OutboxOperation) -> list[Scheduled]:
            d.reminded_at = now()
            deliveries.finish(op)
            event(session, d, "reminded", f"second reminder by {how}: {title}", ctx.user_id)
            return []

        return apply

    def _manager_todo(self, ctx: Context) -> Apply:
        if not ctx.manager_user_id:
            raise OperationFailed("owner has no direct manager in DingTalk or the directory")
        manager = self.client.get_user(ctx.manager_user_id)
        if manager.union_id is None:
            raise OperationFailed(f"manager {ctx.manager_user_id} has no union id")
        request = TodoRequest(
            source_id=f"esc-{ctx.source_id}",
            subject=escalation_subject(ctx.item),
            description=escalation_description(ctx.item, ctx.meeting_title, _clock(ctx.sent_at),
                                               ctx.deadline_text),
            executor_union_ids=[manager.union_id],
            detail_url=detail_url(self.settings, ctx.meeting_id, ctx.position),
        )
        try:
            task_id: str | None = self.client.create_todo(self.settings.dingtalk_operator_union_id, request).task_id
        except AlreadyExists:
            task = existing_task(self.client, request.source_id, self.settings)
            task_id = task.task_id if task else None

        def apply(session: Session, d: Delivery, op: OutboxOperation) -> list[Scheduled]:
            d.escalated_at, d.manager_task_id = now(), task_id
            deliveries.finish(op)
            event(session, d, "escalated", f"to-do {task_id} on {manager.name}'s list", manager.user_id)
            return []

        return apply


    def _named(self, person: Person, owner: str) -> Person:
        """A DingTalk search hit carries the search word as its name; show the user's real name."""
        if person.user_id is None or person.name != owner:
            return person
        try:
            return Person(self.client.get_user(person.user_id).name, user_id=person.user_id)
        except DingTalkError:
            return person


def _unresolved(owner: str, reason: str, candidates: list[Person]) -> Apply:
    def apply(session: Session, d: Delivery, op: OutboxOperation) -> list[Scheduled]:
        people, row_ids = load_directory(session)
        # Another delivery may have stored a candidate's DingTalk ids since the candidates were found:
        # the row is then found by name (when the name is the directory's only such name).
        by_name: dict[str, list[str]] = {}
        for person in people:
            by_name.setdefault(person.name, []).append(row_ids[person])

        def row_of(p: Person) -> str | None:
            same = by_name.get(p.name, [])
            return row_ids.get(p) or (same[0] if len(same) == 1 else None)

        d.status, d.reason = "unresolved", f"owner {reason}: choose who {owner!r} is"
        d.candidates = [candidate(p, row_of(p)) for p in candidates]
        deliveries.finish(op)
        event(session, d, "unresolved", f"{reason}, {len(candidates)} candidate(s)")
        return []

    return apply


def _context(session: Session, op: OutboxOperation) -> Context:
    d = session.get(Delivery, op.delivery_id)
    item = session.get(ActionItem, d.item_id)
    meeting = session.get(Meeting, d.meeting_id)
    return Context(
        op_id=op.id, kind=op.kind, key=op.key, attempts=op.attempts, delivery_id=d.id, meeting_id=d.meeting_id,
        meeting_title=meeting.title, position=item.position,
        item=Item(item.owner, item.task, item.deadline, item.priority, item.turn),
        deadline_text=display(item.deadline, LOCAL_TZ.key, owner_timezone(session, meeting, item.owner, item.person_id)),
        item_person_id=item.person_id,
        source_id=d.source_id, user_id=d.user_id, union_id=d.union_id, manager_user_id=d.manager_user_id,
        sent_at=d.sent_at,
    )


def _clock(at: datetime | None) -> str:
    return at.strftime("%m月%d日 %H:%M") if at else "較早前"
