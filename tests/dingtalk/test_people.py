"""Owner strings to DingTalk people: directory aliases, DingTalk lookups, and no guessing."""

from __future__ import annotations

import pytest

from assistant.dingtalk.client import DingTalkClient
from assistant.dingtalk.people import PeopleResolver, Person, Unresolved
from tests.dingtalk.fake_server import FakeDingTalk

DIRECTORY = [
    Person(name="Peter Chan", aliases=("陳生", "陳志明"), mobile="+852-91234567"),
    Person(name="Mary Wong", aliases=("黃小姐",), user_id="u_mary"),
    Person(name="Mary Lee", aliases=("李小姐",), user_id="u_mary2", union_id="un_mary2", manager_user_id="u_head"),
    Person(name="Grace Ho", user_id="u_head"),
    Person(name="Ghost Ng", aliases=("吳生",)),
]


@pytest.fixture
def resolver(client: DingTalkClient) -> PeopleResolver:
    return PeopleResolver(DIRECTORY, client)


@pytest.mark.parametrize("owner", ["陳生", "Peter Chan", "peter  CHAN", "peter"])
def test_owner_variants_resolve_to_peter_with_ids_from_dingtalk(resolver: PeopleResolver, owner: str) -> None:
    person = resolver.resolve(owner)
    assert isinstance(person, Person)
    assert (person.name, person.user_id, person.union_id, person.manager_user_id) == (
        "Peter Chan",
        "u_peter",
        "un_peter",
        "u_boss",
    )


def test_ambiguous_first_name_is_unresolved_with_candidates(fake: FakeDingTalk, resolver: PeopleResolver) -> None:
    result = resolver.resolve("Mary")
    assert isinstance(result, Unresolved)
    assert result.reason == "ambiguous"
    assert sorted(p.name for p in result.candidates) == ["Mary Lee", "Mary Wong"]
    assert fake.calls("user.get") == []  # nothing looked up for a guess


def test_manager_falls_back_to_the_department_manager(resolver: PeopleResolver) -> None:
    mary = resolver.resolve("黃小姐")
    assert isinstance(mary, Person)
    assert (mary.union_id, mary.manager_user_id) == ("un_mary", "u_head")


def test_a_department_head_gets_the_parent_department_manager(resolver: PeopleResolver) -> None:
    grace = resolver.resolve("grace ho")
    assert isinstance(grace, Person)
    assert grace.manager_user_id == "u_boss"


def test_complete_directory_entries_need_no_lookups(fake: FakeDingTalk, resolver: PeopleResolver) -> None:
    assert isinstance(resolver.resolve("李小姐"), Person)
    assert fake.requests == []


def test_unknown_owner_is_searched_in_dingtalk_then_unresolved(fake: FakeDingTalk, resolver: PeopleResolver) -> None:
    result = resolver.resolve("Zoe Cheung")
    assert isinstance(result, Unresolved) and result.reason == "unknown" and result.candidates == []
    assert fake.calls("user.search")[0].body == {
        "queryWord": "Zoe Cheung",
        "offset": 0,
        "size": 50,
        "fullMatchField": 1,
    }


def test_owner_missing_from_directory_found_by_exact_search(client: DingTalkClient) -> None:
    person = PeopleResolver([], client).resolve("Mary Lee")
    assert isinstance(person, Person)
    assert (person.user_id, person.union_id, person.manager_user_id) == ("u_mary2", "un_mary2", "u_head")


def test_directory_entry_unknown_to_dingtalk_is_unresolved(resolver: PeopleResolver) -> None:
    result = resolver.resolve("吳生")
    assert isinstance(result, Unresolved)
    assert result.reason == "no DingTalk user id or mobile"


def test_results_are_cached_per_owner(fake: FakeDingTalk, resolver: PeopleResolver) -> None:
    resolver.resolve("陳生")
    before = len(fake.requests)
    resolver.resolve("陳生")
    assert len(fake.requests) == before


def test_two_directory_rows_of_one_dingtalk_user_are_one_person(fake: FakeDingTalk, client: DingTalkClient) -> None:
    # two workers delivering to a new user at once once wrote two rows; the owner stayed "ambiguous" for good
    twice = Person(name="Mary Lee", user_id="u_mary2", union_id="un_mary2", manager_user_id="u_head")
    result = PeopleResolver([*DIRECTORY, twice], client).resolve("Mary Lee")
    assert isinstance(result, Person) and result.user_id == "u_mary2"
    assert isinstance(PeopleResolver([*DIRECTORY, twice], client).resolve("Mary"), Unresolved)  # two users still are two
