"""The outbox after a crash: idempotent calls cut off mid-way are sent again, a DING is not (it has
no idempotency key) and says so in the trail; pushing again writes no second operation."""

from __future__ import annotations

from sqlalchemy import select

from assistant.config import ServiceSettings
from assistant.dingtalk.delivery import request_push
from assistant.store import deliveries
from assistant.store.meetings import get_meeting
from assistant.store.models import Delivery, DeliveryEvent, OutboxOperation
from assistant.store.store import Store
from tests.dingtalk.fault_scenario import _meeting


def test_recovery_resends_idempotent_calls_only(tmp_path) -> None:
    store = Store(ServiceSettings(data_dir=tmp_path))
    meeting_id = _meeting(store, 2)
    with store.session() as session:
        meeting = get_meeting(session, meeting_id)
        first = request_push(session, meeting)
        again = request_push(session, meeting)  # still pending: nothing new is written
        session.commit()
        ops = session.scalars(select(OutboxOperation)).all()
        assert len(first) == 2 and again == [] and len(ops) == 2 and {o.kind for o in ops} == {"todo"}
        todo = ops[0]
        delivery = session.get(Delivery, todo.delivery_id)
        assert deliveries.claim(session, todo.id) is not None and deliveries.claim(session, todo.id) is None
        ding = deliveries.add_operation(session, delivery, "ding", f"ding:{delivery.source_id}")
        assert deliveries.add_operation(session, delivery, "ding", f"ding:{delivery.source_id}") is None
        deliveries.claim(session, ding.id)
        session.commit()  # the worker dies here, both calls in flight

        scheduled = deliveries.recover(session)
        session.commit()
        assert {s.ref for s in scheduled} == {str(o.id) for o in ops}  # the to-dos, not the DING
        assert session.get(OutboxOperation, todo.id).state == "pending"
        assert session.get(OutboxOperation, ding.id).state == "uncertain"
        kinds = [e.kind for e in session.scalars(select(DeliveryEvent).where(DeliveryEvent.delivery_id == delivery.id))]
        assert kinds == ["queued", "resumed", "ding_uncertain"]
    store.close()
