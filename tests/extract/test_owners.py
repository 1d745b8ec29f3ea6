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
        ("Kelvin", None),  # not an attendee: unresolved, never the words as said
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


def test_directory_aliases_find_the_identified_speaker():
    from assistant.extract.transcript import Transcript
    from assistant.minutes import MeetingInfo, Minutes, Speaker, Turn

    minutes = Minutes(
        MeetingInfo("m.wav", 10.0, "yue", {}, "2026-11-20T10:00:00+08:00", "2026-11-20"),
        [Speaker("S1", "陳大文", 5.0, "p1", 0.82), Speaker("S2", None, 5.0)],
        [Turn("S1", 0.0, 4.0, "我哋開始啦"), Turn("S2", 4.0, 8.0, "陳生你跟進報價")],
    )
    transcript = Transcript.from_minutes(minutes, people=(Person("陳大文", aliases=("Peter Chan", "陳生")),))
    resolver = OwnerResolver(transcript.people)
    assert resolver.resolve("陳生", "S2") == ["陳大文"]
    assert resolver.resolve("Peter", "S2") == ["陳大文"]
    assert resolver.resolve("我", transcript.lines[0].speaker) == ["陳大文"]


def test_a_chinese_alias_touching_a_latin_word_is_still_the_name():
    from assistant.extract.owners import resolver_for
    from assistant.extract.transcript import Person

    people = resolver_for((Person("Sam Ho 何俊森", aliases=("阿森", "Sam")), Person("Ann Lee", aliases=("Ann",))))
    assert people.strip_leading("阿森set 好 promo 規則") == ("Sam Ho 何俊森", "set 好 promo 規則")
    assert people.strip_leading("Annual report") is None


def test_an_attendee_with_an_english_and_a_chinese_name_answers_to_either_whole():
    from assistant.extract.owners import resolver_for
    from assistant.extract.transcript import Person

    people = resolver_for((Person("Ivy Chan 陳詩韻", aliases=("Ivy",)), Person("陳大文")))
    assert people.leading("陳詩韻聽日交份報價")[0] == "Ivy Chan 陳詩韻"
    assert people.leading("Ivy Chan 聽日交份報價")[0] == "Ivy Chan 陳詩韻"
    assert people.find_name("陳詩韻") == "Ivy Chan 陳詩韻"


def test_a_title_alias_said_as_a_noun_names_nobody():
    # 「經理」 is 周國強's alias, but 「有個經理」, 「總經理」 and 「老師傅」 name no attendee
    people = OwnerResolver([Person("周國強", aliases=("周經理", "經理")), Person("何老師", aliases=("老師",))])
    assert people.mentioned("之前有個經理俾咗卡片我") == []
    assert people.mentioned("總經理話要快啲") == []
    assert people.mentioned("叫個老師傅上嚟整") == []
    assert people.mentioned("經理，呢單交我啦") == ["周國強"]
    assert people.mentioned("老師你聽日派通告") == ["何老師"]


def test_a_chinese_full_name_is_also_called_by_its_last_character():
    people = OwnerResolver((Person("何志強"), Person("李國強"), Person("陳詩韻")))
    assert people.find_name("強哥") is None and people.find_name("阿強") is None  # two 強: nobody by guess
    assert people.find_name("阿韻") == "陳詩韻" and people.find_name("韻姐") == "陳詩韻"
    assert OwnerResolver((Person("何志強"),)).find_name("強仔") == "何志強"


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("IT 嗰邊", "Kelvin"),  # the one IT role, not the Editor, Security or Site manager who hold the letters i-t
        ("PR", None),  # a product manager is no PR
        ("HR", None),  # nor is a threat analyst
        ("manager", None),  # said of two roles: nobody is guessed
        ("supervisor", "Sam"),  # a word of one role
        ("Site manager", "Tony"),
        ("site manager 嗰邊", "Tony"),
        ("保安", "Sara"),  # the department said in the other language
        ("編輯", None),
    ],
)
def test_a_role_is_named_by_whole_words(said, expected):
    people = OwnerResolver([
        Person("Ed", "Editor"), Person("Sara", "Security"), Person("Tony", "Site manager"),
        Person("Kelvin", "IT support"), Person("Pam", "Product manager"), Person("Chris", "Threat analyst"), Person("Sam", "Warehouse supervisor"),
    ])
    assert people.by_role(said) == expected
