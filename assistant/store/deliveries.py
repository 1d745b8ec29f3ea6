"""Deliveries of approved action items to DingTalk: the outbox and the event trail in the database.

Every DingTalk call is an ``OutboxOperation`` written (with a unique key) before it is made.
The worker claims it (pending → sending), makes the call, then records the outcome together
with any follow-on operations in one transaction. After a crash, ``recover`` puts operations
cut off in ``sending`` back to ``pending`` when the call is idempotent on DingTalk's side (to-dos
by sourceId, cards by outTrackId, work notifications whose identical text DingTalk drops), and
marks the others (DING) ``uncertain``: never sent twice, and visible in the trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from assistant.store.db import fetch
from assistant.store.errors import Conflict
from assistant.store.meetings import new_id
from assistant.store.models import ActionItem, Delivery, DeliveryEvent, Meeting, OutboxOperation, now

IDEMPOTENT_KINDS = ("todo", "card", "manager_todo", "reminder", "retract")
URGENT_KINDS = ("reminder", "manager_todo")
OPEN_STATES = ("pending", "sending")


@dataclass(frozen=True)
class Scheduled:
    """Work to put (back) on the delivery queue: an outbox operation or a follow-up check."""

    kind: str  # op | follow_up
    ref: str  # operation id or delivery id
    eta: datetime | None
    urgent: bool = False  # follow-ups and escalations go before the backlog of a large push


def event(session: Session, delivery: Delivery, kind: str, message: str | None = None,
          actor: str | None = None) -> None:
    session.add(DeliveryEvent(delivery_id=delivery.id, kind=kind, message=message, actor=actor, at=now()))


def add_operation(session: Session, delivery: Delivery, kind: str, key: str,
                  due_at: datetime | None = None) -> OutboxOperation | None:
    """Write an operation unless one with ``key`` exists (then None: it was written before)."""
    if session.scalar(select(OutboxOperation.id).where(OutboxOperation.key == key)) is not None:
        return None
    op = OutboxOperation(delivery_id=delivery.id, kind=kind, key=key, state="pending", attempts=0,
                         due_at=due_at or now())
    session.add(op)
    session.flush()
    return op


def plan_push(session: Session, meeting: Meeting, source_ids: dict[str, str]) -> list[Scheduled]:
    """Write a delivery and its to-do operation for each approved item not yet (successfully) pushed.

    ``source_ids`` maps item id → sourceId. Pushing again is safe: delivered items are left alone,
    failed or unresolved ones get their operation back, an item edited after a dispute gets a new one.
    """
    if meeting.approved_at is None:
        raise Conflict("approve the to-do table before pushing it to DingTalk")
    if meeting.status != "done":  # a reprocessing job would replace the items being pushed
        raise Conflict("the meeting is being processed again; push it once processing is done")
    existing = {d.item_id: d for d in session.scalars(select(Delivery).where(Delivery.meeting_id == meeting.id))}
    scheduled: list[Scheduled] = []
    for item in meeting.action_items:
        source_id = source_ids[item.id]
        delivery = existing.get(item.id)
        if delivery is None:
            delivery = Delivery(id=new_id(), meeting_id=meeting.id, item_id=item.id, position=item.position,
                                owner=item.owner, person_id=item.person_id, source_id=source_id, status="pending",
                                candidates=[], ding_downgraded=False)
            session.add(delivery)
            session.flush()
            event(session, delivery, "queued", f"{item.owner}: {item.task}")
        elif delivery.source_id != source_id:  # edited after a dispute: a new to-do replaces the old ones
            for task_id in filter(None, (delivery.task_id, delivery.manager_task_id)):
                op = add_operation(session, delivery, "retract", f"retract:{task_id}")
                if op is not None:
                    scheduled.append(Scheduled("op", str(op.id), None))
            _restart(delivery, item, source_id)
            event(session, delivery, "queued", f"edited: {item.owner}: {item.task}")
        elif delivery.status in ("failed", "unresolved"):
            _restart(delivery, item, source_id)
            event(session, delivery, "queued", "pushed again")
        else:
            continue
        op = session.scalar(select(OutboxOperation).where(OutboxOperation.key == f"todo:{source_id}"))
        if op is None:
            op = add_operation(session, delivery, "todo", f"todo:{source_id}")
        elif op.state not in OPEN_STATES:
            op.state, op.due_at, op.last_error = "pending", now(), None
        scheduled.append(Scheduled("op", str(op.id), None))
    return scheduled


def refuse_reprocessing(session: Session, meeting_id: str) -> None:
    """Reprocessing replaces a meeting's items, and their delivery trail would go with them (it is an
    audit record: who was told what, when); the pushed to-dos also link back to those items."""
    if session.scalar(select(Delivery.id).where(Delivery.meeting_id == meeting_id).limit(1)) is not None:
        raise Conflict("its to-dos were pushed to DingTalk; reprocessing would replace the items "
                       "that their delivery trail records")


def _restart(delivery: Delivery, item: ActionItem, source_id: str) -> None:
    if delivery.source_id != source_id:
        delivery.task_id = delivery.sent_at = delivery.follow_up_due_at = None
        delivery.confirmed_at = delivery.disputed_at = delivery.dispute_reason = delivery.done_at = None
        delivery.flagged_at = delivery.reminded_at = delivery.escalated_at = delivery.manager_task_id = None
        delivery.ding_sent = delivery.ding_error = None
        delivery.ding_downgraded = False
    delivery.source_id, delivery.owner, delivery.position = source_id, item.owner, item.position
    delivery.status, delivery.reason, delivery.candidates = "pending", None, []
    delivery.person_id = item.person_id
    if item.person_id is not None:  # a reviewer chose the owner: look them up again
        delivery.user_id = delivery.union_id = delivery.manager_user_id = None


def claim(session: Session, op_id: int, holder: str | None = None, lease_s: float = 60.0) -> OutboxOperation | None:
    """pending → sending, leased to ``holder``, atomically (worker threads and processes, a queue entry
    twice); None when not pending or another worker is claiming it (SKIP LOCKED on Postgres)."""
    waiting = (OutboxOperation.id == op_id, OutboxOperation.state == "pending")
    if session.scalar(select(OutboxOperation.id).where(*waiting).with_for_update(skip_locked=True)) is None:
        return None
    result = session.execute(
        update(OutboxOperation)
        .where(*waiting)
        .values(state="sending", attempts=OutboxOperation.attempts + 1, leased_by=holder,
                lease_expires_at=now() + timedelta(seconds=lease_s))
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 0:
        return None
    op = session.get(OutboxOperation, op_id)
    session.refresh(op)
    return op


def renew(session: Session, op_id: int, holder: str, lease_s: float) -> bool:
    """Extend the lease of an operation being sent; False when ``holder`` no longer has it."""
    result = session.execute(
        update(OutboxOperation)
        .where(OutboxOperation.id == op_id, OutboxOperation.leased_by == holder, OutboxOperation.state == "sending")
        .values(lease_expires_at=now() + timedelta(seconds=lease_s)).execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def release(session: Session, op_id: int, holder: str) -> bool:
    """End ``holder``'s lease before recording the call's outcome in the same transaction; False when
    the lease was lost (expired and taken over): the outcome is then not ours to record."""
    result = session.execute(
        update(OutboxOperation)
        .where(OutboxOperation.id == op_id, OutboxOperation.leased_by == holder, OutboxOperation.state == "sending")
        .values(leased_by=None, lease_expires_at=None).execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def finish(op: OutboxOperation, state: str = "done", error: str | None = None) -> None:
    op.state, op.last_error, op.finished_at = state, error, now()


def retry_later(op: OutboxOperation, error: str, delay_s: float) -> Scheduled:
    op.state, op.last_error = "pending", error
    op.due_at = now() + timedelta(seconds=delay_s)
    return Scheduled("op", str(op.id), op.due_at, op.kind in URGENT_KINDS)


def _cut_off(session: Session, op: OutboxOperation) -> bool:
    """An operation whose worker stopped mid-call: back to pending when the call is idempotent
    (returns True), else ``uncertain`` (never sent twice)."""
    delivery = session.get(Delivery, op.delivery_id)
    op.leased_by = op.lease_expires_at = None
    if op.kind in IDEMPOTENT_KINDS:
        op.state = "pending"
        event(session, delivery, "resumed", f"{op.kind}: the worker stopped mid-call; sending again")
        return True
    finish(op, "uncertain", "the worker stopped mid-call; not sent again")
    event(session, delivery, f"{op.kind}_uncertain", "the worker stopped mid-call; not sent again")
    return False


def _scheduled(op: OutboxOperation) -> Scheduled:
    return Scheduled("op", str(op.id), op.due_at, op.kind in URGENT_KINDS)


def _waiting_follow_ups() -> Select:
    return select(Delivery).where(Delivery.follow_up_due_at.is_not(None), Delivery.flagged_at.is_(None),
                                  Delivery.confirmed_at.is_(None), Delivery.disputed_at.is_(None),
                                  Delivery.done_at.is_(None))


def recover(session: Session) -> list[Scheduled]:
    """Everything to queue again after a start: open operations and follow-ups still to check."""
    scheduled = []
    for op in session.scalars(select(OutboxOperation).where(OutboxOperation.state.in_(OPEN_STATES))
                              .order_by(OutboxOperation.id)):
        if op.state == "sending" and not _cut_off(session, op):
            continue
        scheduled.append(_scheduled(op))
    scheduled += [Scheduled("follow_up", d.id, d.follow_up_due_at, True) for d in session.scalars(_waiting_follow_ups())]
    return scheduled


def expired(session: Session) -> list[Scheduled]:
    """Operations whose worker's lease expired mid-call (several delivery workers: no start-up
    recovery); rows another worker is sweeping are skipped (SKIP LOCKED on Postgres)."""
    stmt = (select(OutboxOperation).where(OutboxOperation.state == "sending",
                                          OutboxOperation.lease_expires_at < now())
            .order_by(OutboxOperation.id).with_for_update(skip_locked=True))
    return [_scheduled(op) for op in session.scalars(stmt) if _cut_off(session, op)]


def stranded(session: Session, older_than_s: float) -> list[Scheduled]:
    """Pending operations and follow-up checks overdue by ``older_than_s`` seconds: their queue
    message may be lost. Queuing one twice is harmless (``claim`` and the follow-up check run once)."""
    cutoff = now() - timedelta(seconds=older_than_s)
    ops = session.scalars(select(OutboxOperation).where(OutboxOperation.state == "pending",
                                                        OutboxOperation.due_at < cutoff))
    follow_ups = session.scalars(_waiting_follow_ups().where(Delivery.follow_up_due_at < cutoff))
    return [*(Scheduled("op", str(op.id), None, op.kind in URGENT_KINDS) for op in ops),
            *(Scheduled("follow_up", d.id, None, True) for d in follow_ups)]


def get_delivery(session: Session, delivery_id: str) -> Delivery:
    return fetch(session, Delivery, delivery_id, "delivery")


def by_source_id(session: Session, source_id: str) -> Delivery | None:
    return session.scalar(select(Delivery).where(Delivery.source_id == source_id))


def by_task_id(session: Session, task_id: str) -> Delivery | None:
    return session.scalar(select(Delivery).where(Delivery.task_id == task_id))


def for_meeting(session: Session, meeting_id: str) -> list[Delivery]:
    return list(session.scalars(select(Delivery).where(Delivery.meeting_id == meeting_id)
                                .order_by(Delivery.position)))


def open_operations(session: Session, meeting_id: str) -> int:
    """Operations of the meeting's first push still to run (to-do creation, DING, card)."""
    return len(session.scalars(
        select(OutboxOperation.id).join(Delivery, Delivery.id == OutboxOperation.delivery_id)
        .where(Delivery.meeting_id == meeting_id, OutboxOperation.state.in_(OPEN_STATES),
               OutboxOperation.kind.in_(("todo", "ding", "card")))
    ).all())


def operations(session: Session, delivery_id: str) -> list[OutboxOperation]:
    return list(session.scalars(select(OutboxOperation).where(OutboxOperation.delivery_id == delivery_id)
                                .order_by(OutboxOperation.id)))
