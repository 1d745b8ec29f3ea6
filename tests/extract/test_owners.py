import pytest

from assistant.extract.owners import OwnerResolver, Person

PEOPLE = OwnerResolver([
    Person("陳生", "區域經理"),
    Person("Mary", "店長"),
    Person("阿明", "倉務主管"),
    Person("Miss Lee", "IT 老師"),
])


@pytest.mark.parametrize(
    ("owner", "expected"),
    [
        ("陳先生", "陳生"),
        ("Mr Chan", "陳生"),
        ("Peter Chan", "陳生"),
        ("陈生", "陳生"),  # Simplified, as some models write
        ("mary", "Mary"),
        ("明", "阿明"),
        ("李小姐", "Miss Lee"),
        ("IT 嗰邊", "Miss Lee"),
        ("倉務", "阿明"),
        ("Kelvin", "Kelvin"),  # not an attendee: kept as spoken
    ],
)
def test_name_variants_and_roles(owner, expected):
    assert PEOPLE.resolve(owner, speaker="Mary") == [expected]


def test_first_person_is_the_speaker():
    assert PEOPLE.resolve("我", speaker="阿明") == ["阿明"]
    assert PEOPLE.resolve("I", speaker="Mary") == ["Mary"]


def test_second_person_is_the_one_named_else_the_previous_speaker():
    assert PEOPLE.resolve("你", "陳生", turn_text="阿明你聽日覆我", previous_speaker="Mary") == ["阿明"]
    assert PEOPLE.resolve("你", "陳生", turn_text="你聽日覆我", previous_speaker="Mary") == ["Mary"]


def test_several_owners_give_one_entry_each():
    assert PEOPLE.resolve("Mary 同 阿明", speaker="陳生") == ["Mary", "阿明"]
    assert PEOPLE.resolve("Mary、Mary", speaker="陳生") == ["Mary"]


def test_empty_owner_falls_back_to_the_speaker():
    assert PEOPLE.resolve("", speaker="阿明") == ["阿明"]
