"""Two workers delivering to one new DingTalk user at once leave one directory row, on a real Postgres."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from assistant.dingtalk.directory import person_for_user
from assistant.store.models import Person

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)


def test_two_workers_at_once_write_one_row_for_a_new_user(idle_service):
    store = idle_service.store
    first = store.session()
    made = person_for_user(first, "Peter Chan", "u_peter")  # written, not yet committed
    found: list[str] = []

    def second_worker() -> None:
        with store.session() as session:
            found.append(person_for_user(session, "Peter Chan", "u_peter").id)
            session.commit()

    other = threading.Thread(target=second_worker)
    other.start()
    other.join(timeout=1.0)
    assert other.is_alive()  # it waits for the first worker's transaction instead of writing its own row
    first.commit()
    first.close()
    other.join(timeout=10)
    assert found == [made.id]
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Person).where(Person.dingtalk_user_id == "u_peter")) == 1
