"""Map an action item's owner string (陳生, Peter Chan, Mary) to a DingTalk person.

Matching order: exact name or alias (English case-insensitive), then a unique English
name token ("Mary" for "Mary Wong"), then DingTalk's exact-name search. More than one
candidate, or none, gives ``Unresolved``: the resolver never guesses.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field

from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.errors import DingTalkError

log = logging.getLogger(__name__)

_MAX_DEPT_LEVELS = 10


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    mobile: str | None = None
    user_id: str | None = None
    union_id: str | None = None
    manager_user_id: str | None = None

    def __repr__(self) -> str:  # mobile numbers stay out of logs
        return f"Person(name={self.name!r}, user_id={self.user_id!r})"


@dataclass(frozen=True)
class Unresolved:
    owner: str
    candidates: list[Person] = field(default_factory=list)
    reason: str = ""


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _one_per_user(candidates: list[Person]) -> list[Person]:
    """Directory rows that carry one DingTalk user id are one person (two rows written by two workers
    at once): the first stands for them; rows without an id stay apart."""
    seen: set[str] = set()
    out = []
    for person in candidates:
        if person.user_id is None or person.user_id not in seen:
            out.append(person)
        if person.user_id is not None:
            seen.add(person.user_id)
    return out


class PeopleResolver:
    def __init__(self, directory: list[Person], client: DingTalkClient | None = None) -> None:
        self._directory = directory
        self._client = client
        self._resolved: dict[str, Person | Unresolved] = {}

    def resolve(self, owner: str) -> Person | Unresolved:
        key = _normalise(owner)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(owner, key)
        return self._resolved[key]

    def _resolve(self, owner: str, key: str) -> Person | Unresolved:
        candidates = _one_per_user(self._match(key))
        if not candidates and self._client is not None:
            candidates = self._search(owner)
        if len(candidates) != 1:
            reason = "ambiguous" if candidates else "unknown"
            log.info("owner %r is %s (%d candidates)", owner, reason, len(candidates))
            return Unresolved(owner, candidates, reason)
        return self.complete(owner, candidates[0])

    def _match(self, key: str) -> list[Person]:
        exact = [p for p in self._directory if key in {_normalise(n) for n in (p.name, *p.aliases)}]
        if exact or not key.isascii():
            return exact
        return [
            p for p in self._directory if any(key in _normalise(n).split() for n in (p.name, *p.aliases) if n.isascii())
        ]

    def _search(self, owner: str) -> list[Person]:
        assert self._client is not None
        try:
            user_ids = self._client.search_users(owner, exact=True)
        except DingTalkError as e:
            log.warning("DingTalk search for an owner failed: %s", e.code)
            return []
        return [Person(name=owner, user_id=u) for u in user_ids]

    def complete(self, owner: str, person: Person) -> Person | Unresolved:
        """Fill user id, union id and manager from DingTalk where the directory lacks them."""
        if self._client is None or (person.user_id and person.union_id and person.manager_user_id):
            return person
        try:
            user_id = person.user_id
            if user_id is None:
                if person.mobile is None:
                    return Unresolved(owner, [person], "no DingTalk user id or mobile")
                user_id = self._client.get_user_id_by_mobile(person.mobile)
            user = self._client.get_user(user_id)
            manager = person.manager_user_id or user.manager_user_id or self._department_manager(user_id, user.dept_ids)
        except DingTalkError as e:
            return Unresolved(owner, [person], f"DingTalk lookup failed: {e.code}")
        return dataclasses.replace(
            person,
            user_id=user_id,
            union_id=person.union_id or user.union_id,
            manager_user_id=manager,
        )

    def _department_manager(self, user_id: str, dept_ids: list[int]) -> str | None:
        """The nearest department manager who is not the user, walking up the tree."""
        assert self._client is not None
        for dept_id in dept_ids:
            current: int | None = dept_id
            for _ in range(_MAX_DEPT_LEVELS):
                if current is None:
                    break
                dept = self._client.get_department(current)
                managers = [m for m in dept.manager_user_ids if m != user_id]
                if managers:
                    return managers[0]
                current = dept.parent_id
        return None
