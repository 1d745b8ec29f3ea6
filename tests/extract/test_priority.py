from datetime import date

import pytest

from assistant.extract.priority import priority_for

DAY = date(2026, 3, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("呢單嘢好 urgent，即刻處理", "call"),
        ("critical bug 要 hotfix", "call"),
        ("份 inventory list 唔緊急，下個月先交都得", "app"),
        ("not urgent, any time next week", "app"),
        ("緊急通知司機", "call"),
        ("呢份報告好重要", "sms"),
        ("通知大家改時間", "sms"),
        ("important: update the deck", "sms"),
        ("整理會議記錄", "app"),
    ],
)
def test_cues(text, expected):
    assert priority_for(text) == expected


def test_deadline_today_is_a_call_and_a_large_group_an_sms():
    assert priority_for("交報告", deadline=DAY, meeting_date=DAY) == "call"
    assert priority_for("交報告", deadline=date(2026, 3, 20), meeting_date=DAY) == "app"
    assert priority_for("交報告", attendees=12) == "sms"


def test_today_in_another_sentence_of_the_turn_rings_no_phone():
    turn = "今日主要係講 budget。Ken，下個月尾前交個 IT plan。"
    assert priority_for("交 IT plan", deadline=date(2026, 4, 30), meeting_date=DAY, turn=turn) == "app"
    assert priority_for("今日之內覆客", deadline=DAY, meeting_date=DAY) == "call"


def test_a_task_for_when_something_happens_rings_no_phone_today():
    assert priority_for("如果再有客投訴，即刻通知保險公司") == "sms"
    assert priority_for("即刻通知保險公司") == "call"


def test_in_case_opens_a_task_for_when_something_happens():
    assert priority_for("in case the server goes down, call the vendor immediately") == "sms"
