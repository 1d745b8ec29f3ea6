"""Attendees as people type them: specs, --alias binding, files, the upload field."""

from __future__ import annotations

import json

import pytest

from assistant.attendees import bind_aliases, parse_spec, parse_text, people, read_file, timezone_of
from assistant.minutes import Attendee


def test_a_spec_is_a_name_then_aliases_and_an_optional_time_zone():
    assert parse_spec("Ivy Chan 陳詩韻") == Attendee("Ivy Chan 陳詩韻")
    assert parse_spec("Ivy Chan 陳詩韻|Ivy|陳小姐") == Attendee("Ivy Chan 陳詩韻", ["Ivy", "陳小姐"])
    assert parse_spec("Tom Baker | Tom | Europe/London") == Attendee("Tom Baker", ["Tom"], timezone="Europe/London")
    with pytest.raises(ValueError):
        parse_spec("Tom Baker|Europe/Londn")  # a misspelt zone is an error, not an alias
    with pytest.raises(ValueError):
        parse_spec("|Tom")


def test_alias_and_time_zone_options_belong_to_the_attendee_before_them():
    args = ["a.wav", "--attendee", "Ivy Chan 陳詩韻", "--alias", "Ivy", "--alias=陳小姐",
            "--attendee=Tom Baker", "--attendee-timezone", "Europe/London", "--out", "o"]
    assert bind_aliases(args) == ["a.wav", "--attendee", "Ivy Chan 陳詩韻|Ivy|陳小姐",
                                  "--attendee=Tom Baker|Europe/London", "--out", "o"]
    with pytest.raises(ValueError, match="must follow"):
        bind_aliases(["--alias", "Ivy", "--attendee", "Ivy Chan"])
    for zone in ("London", "GMT", "BST", "+01:00"):  # read as an alias before: ignored without a word
        with pytest.raises(ValueError, match="Region/City"):
            bind_aliases(["--attendee", "Tom Baker", "--attendee-timezone", zone])
    assert bind_aliases(["--attendee", "Tom Baker", "--attendee-timezone", "Etc/GMT"]) == ["--attendee", "Tom Baker|Etc/GMT"]


def test_files_in_json_csv_and_text(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([
        "May Lee|阿May", {"name": "Tom Baker", "aliases": ["Tom"], "role": "London office",
                          "timezone": "Europe/London"}]), encoding="utf-8")
    (tmp_path / "a.csv").write_text("name,aliases,role,timezone\nMay Lee,阿May;May,會計部,\n"
                                    "Jo Tan,Jo,,Asia/Singapore\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("# attendees\nMay Lee|阿May\n\nJo Tan|Asia/Singapore  # remote\n",
                                    encoding="utf-8")
    assert read_file(tmp_path / "a.json") == [Attendee("May Lee", ["阿May"]),
                                              Attendee("Tom Baker", ["Tom"], "London office", "Europe/London")]
    assert read_file(tmp_path / "a.csv") == [Attendee("May Lee", ["阿May", "May"], "會計部"),
                                             Attendee("Jo Tan", ["Jo"], "", "Asia/Singapore")]
    assert read_file(tmp_path / "a.txt") == [Attendee("May Lee", ["阿May"]),
                                             Attendee("Jo Tan", [], "", "Asia/Singapore")]
    (tmp_path / "bad.csv").write_text("who\nMay\n", encoding="utf-8")
    with pytest.raises(ValueError, match="name"):
        read_file(tmp_path / "bad.csv")


def test_a_manager_is_read_from_json_and_csv_and_goes_to_the_owner_candidates(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"name": "Ken Wong", "aliases": ["阿朗"], "manager": "Winnie Leung"}]),
                                     encoding="utf-8")
    (tmp_path / "a.csv").write_text("name,aliases,manager\nKen Wong,阿朗,Winnie Leung\nWinnie Leung,敏姐,\n", encoding="utf-8")
    assert read_file(tmp_path / "a.json") == [Attendee("Ken Wong", ["阿朗"], manager="Winnie Leung")]
    assert [a.manager for a in read_file(tmp_path / "a.csv")] == ["Winnie Leung", None]
    assert [p.manager for p in people(read_file(tmp_path / "a.csv"))] == ["Winnie Leung", None]
    with pytest.raises(ValueError, match="manager"):
        parse_text(json.dumps([{"name": "Ken", "manager": 3}]))


def test_a_csv_saved_by_excel_as_utf16_or_big5_is_read(tmp_path):
    text = "name,aliases,manager\n王健朗,阿朗,梁慧敏\n"
    for encoding in ("utf-16", "big5hkscs", "utf-8-sig"):
        (tmp_path / "a.csv").write_bytes(text.encode(encoding))
        assert read_file(tmp_path / "a.csv") == [Attendee("王健朗", ["阿朗"], manager="梁慧敏")], encoding
    (tmp_path / "a.csv").write_bytes(b"name\n\xff\xfe\x00\x81")
    with pytest.raises(ValueError, match="UTF-8"):
        read_file(tmp_path / "a.csv")


def test_the_upload_field_takes_json_or_lines_and_merges_repeated_names():
    assert parse_text("") == []
    assert parse_text("May Lee|阿May\nMay Lee|May|Asia/Singapore") == [
        Attendee("May Lee", ["阿May", "May"], "", "Asia/Singapore")]
    with pytest.raises(ValueError):
        parse_text('[{"name": "May", "timezone": "Mars/Olympus"}]')
    with pytest.raises(ValueError):
        parse_text('{"attendees": "May"}')


def test_a_zone_in_other_letter_case_is_the_zone_and_a_shared_alias_is_an_error():
    assert parse_spec("Tom Baker|Tom|europe/london") == Attendee("Tom Baker", ["Tom"], timezone="Europe/London")
    with pytest.raises(ValueError, match="'ivy' is given to both 'Ivy Chan' and 'Ivy Wong'"):
        parse_text("Ivy Chan|Ivy\nIvy Wong|ivy")
    with pytest.raises(ValueError, match="given to both"):
        parse_text("May\nMay Lee|May")


def test_attendees_become_owner_candidates_and_give_owners_their_zone():
    attendees = [Attendee("Tom Baker", ["Tom"], "London office", "Europe/London"), Attendee("May Lee", ["阿May"])]
    assert [(p.name, p.aliases, p.timezone) for p in people(attendees)] == [
        ("Tom Baker", ("Tom",), "Europe/London"), ("May Lee", ("阿May",), None)]
    assert timezone_of(attendees, "tom") == "Europe/London"
    assert timezone_of(attendees, "阿May") is None
    assert timezone_of(attendees, None) is None


def test_json_nested_thousands_deep_is_a_clear_error():
    with pytest.raises(ValueError, match="nested too deeply"):
        parse_text("[" * 3000 + "]" * 3000)


def test_one_attendee_object_is_that_attendee_and_json_scalars_are_no_names():
    assert parse_text('{"name": "Ivy Chan", "aliases": ["Ivy"]}') == [Attendee("Ivy Chan", ["Ivy"])]
    with pytest.raises(ValueError, match="'attendees' .* or one attendee's 'name'"):
        parse_text('{"people": ["Ivy Chan"]}')
    for scalar in ("null", "42", "true", "-1.5e3"):
        with pytest.raises(ValueError, match="is not an attendee"):
            parse_text(scalar)
    assert parse_text("Agent 47|47") == [Attendee("Agent 47", ["47"])]


def test_a_city_where_a_zone_was_meant_and_unstorable_text_are_errors():
    with pytest.raises(ValueError, match="give its time zone as Europe/London"):
        parse_text("Oliver Smith|Oliver|London")
    for bad in ('[{"name": "\\ud800"}]', "Ken\x00Wong", "Ivy|I\x07vy"):
        with pytest.raises(ValueError, match="not valid text|control character"):
            parse_text(bad)
    assert parse_text('\ufeff"Ken Wong|Ken"') == [Attendee("Ken Wong", ["Ken"])]
    for scalar in ("NULL", "None", "NaN", "-Infinity"):
        with pytest.raises(ValueError, match="is not an attendee"):
            parse_text(scalar)


def test_a_pronoun_is_no_name_or_alias():
    for bad in ("Ivy Chan|你", "你", "Ken Wong|me", "Ken Wong|佢哋", "Ken Wong|him"):
        with pytest.raises(ValueError, match="is a pronoun"):
            parse_text(bad)
    assert parse_text("Ivy Chan|Ivy|阿 Ivy") == [Attendee("Ivy Chan", ["Ivy", "阿 Ivy"])]
    assert parse_text("Law Chung-him|Him") == [Attendee("Law Chung-him", ["Him"])]  # a Hong Kong name, not the pronoun
    assert parse_text("Derek Tsui|Derek|IT") == [Attendee("Derek Tsui", ["Derek", "IT"])]  # the IT department, not "it"
    with pytest.raises(ValueError, match="is a pronoun"):
        parse_text("Derek Tsui|it")
