from datetime import date, time

import pytest

from assistant.config import ExtractionSettings
from assistant.extract import extract_transcript
from assistant.extract.dates import cn_number, find_time_phrases
from assistant.extract.deadlines import find_deadline

def _day(text, today):
    found = find_deadline(text or "", today)
    return found.day if found else None


THU = date(2026, 3, 12)  # a Thursday


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("聽日", date(2026, 3, 13)),
        ("明天", date(2026, 3, 13)),
        ("後日", date(2026, 3, 14)),
        ("大後日", date(2026, 3, 15)),
        ("今晚", THU),
        ("今日之內", THU),
        ("EOD", THU),
        ("by EOD today", THU),
        ("呢個禮拜五", date(2026, 3, 13)),
        ("今個星期二", date(2026, 3, 10)),
        ("本週三", date(2026, 3, 11)),
        ("下個禮拜五之前", date(2026, 3, 20)),
        ("下星期一", date(2026, 3, 16)),
        ("下週三", date(2026, 3, 18)),
        ("下下個禮拜一", date(2026, 3, 23)),
        ("星期五前", date(2026, 3, 13)),
        ("禮拜一前", date(2026, 3, 16)),
        ("週四", date(2026, 3, 19)),  # the same weekday as the meeting means next week's
        ("by Friday", date(2026, 3, 13)),
        ("next Monday", date(2026, 3, 16)),
        ("this Wednesday", date(2026, 3, 11)),
        ("下個禮拜", date(2026, 3, 20)),
        ("下個禮拜之前", date(2026, 3, 13)),  # before next week begins: this week's Friday
        ("下下個星期前", date(2026, 3, 20)),
        ("before next week", date(2026, 3, 13)),
        ("下個月之前", date(2026, 3, 31)),
        ("今個月最後一個工作天之前", date(2026, 3, 31)),
        ("下個月最後一個工作日", date(2026, 4, 30)),
        ("呢個禮拜最後一個工作天", date(2026, 3, 13)),
        ("下星期", date(2026, 3, 20)),
        ("呢個禮拜", date(2026, 3, 13)),
        ("月尾", date(2026, 3, 31)),
        ("今個月底前", date(2026, 3, 31)),
        ("下個月尾", date(2026, 4, 30)),
        ("下個月初", date(2026, 4, 1)),
        ("Q1 完", date(2026, 3, 31)),
        ("Q2完之前", date(2026, 6, 30)),
        ("年尾", date(2026, 12, 31)),
        ("20號", date(2026, 3, 20)),
        ("二十號之前", date(2026, 3, 20)),
        ("5號", date(2026, 4, 5)),  # passed this month: next month's
        ("四月三號", date(2026, 4, 3)),
        ("3日內", date(2026, 3, 15)),
        ("兩個禮拜內", date(2026, 3, 26)),
        ("2026-04-01", date(2026, 4, 1)),
        ("20/3 前", date(2026, 3, 20)),  # day/month, as Hong Kong writes dates
        ("1/4 前", date(2026, 4, 1)),
        ("廿五號", date(2026, 3, 25)),
        ("卅一號前", date(2026, 3, 31)),
        ("后日", date(2026, 3, 14)),  # 后 as mixed-script ASR leaves it
        ("by EOD tomorrow", date(2026, 3, 13)),
        ("聽日收工前", date(2026, 3, 13)),
        ("下個月二十號", date(2026, 4, 20)),
        ("下個月廿五號前", date(2026, 4, 25)),
        ("please send the quotation by Friday", date(2026, 3, 13)),  # "quotation" is no "on Friday"
        ("呢兩日", date(2026, 3, 14)),  # within the next couple of days
        ("呢一兩日", date(2026, 3, 14)),
        ("呢兩三日", date(2026, 3, 15)),
        ("半個鐘內", THU),  # within the hour: today
        ("一個鐘頭之內", THU),
        ("兩三日內", date(2026, 3, 15)),  # a range, by its end
        ("一兩個禮拜內", date(2026, 3, 26)),
    ],
)
def test_each_form(phrase, expected):
    assert _day(f"我會{phrase}搞掂", THU) == expected


@pytest.mark.parametrize(
    ("today", "phrase", "expected"),
    [
        (date(2026, 12, 31), "聽日", date(2027, 1, 1)),
        (date(2026, 12, 30), "下個禮拜五", date(2027, 1, 8)),
        (date(2026, 12, 15), "下個月初", date(2027, 1, 1)),
        (date(2026, 12, 15), "下個月尾", date(2027, 1, 31)),
        (date(2026, 12, 20), "5號", date(2027, 1, 5)),
        (date(2026, 2, 10), "月尾", date(2026, 2, 28)),
        (date(2028, 2, 10), "月底", date(2028, 2, 29)),
        (date(2026, 1, 31), "後日", date(2026, 2, 2)),
        (date(2026, 5, 2), "Q1 完", date(2027, 3, 31)),
        (date(2026, 11, 20), "一月十號", date(2027, 1, 10)),
        (date(2026, 3, 15), "下個禮拜一", date(2026, 3, 16)),  # a Sunday: next week starts tomorrow
        (date(2026, 3, 16), "呢個禮拜五", date(2026, 3, 20)),  # a Monday
    ],
)
def test_month_and_year_boundaries(today, phrase, expected):
    assert _day(phrase, today) == expected


def test_the_phrase_marked_as_a_limit_wins_and_no_phrase_is_none():
    assert _day("聽日問供應商，下個禮拜五前交報告", THU) == date(2026, 3, 20)
    assert _day("八號風球要停課", THU) is None
    assert _day("", THU) is None
    assert _day(None, THU) is None


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("20 號前交", date(2026, 3, 20)),  # ASR and our own spacing put a space before 號
        ("4 月 3 號之前", date(2026, 4, 3)),
        ("send it by the 19th", date(2026, 3, 19)),
        ("on the 2nd please", date(2026, 4, 2)),  # passed this month: next month's
        ("by March 20", date(2026, 3, 20)),
        ("by 3rd April", date(2026, 4, 3)),
        ("before the 1st of May", date(2026, 5, 1)),
        ("Sept. 30th", date(2026, 9, 30)),
        ("send the deck by 5pm on the 15th", date(2026, 3, 15)),
        ("the 2nd floor", None),  # an ordinal before a noun names no day
        ("the 1st draft", None),
        ("3rd party", None),
        ("第 3 號", None),
        ("by the 19th send 份 deck", date(2026, 3, 19)),  # after by, a word may follow
        ("April 20 號前", date(2026, 4, 20)),
        ("May 5 點前", date(2026, 3, 12)),  # May the person, five o'clock today
        ("八 號 風球", None),
        ("3 號會議室", None),
    ],
)
def test_days_said_with_spaces_or_in_english(said, expected):
    assert _day(said, THU) == expected


def test_phrase_spans_for_task_cleaning():
    [phrase] = find_time_phrases("Mary 下個禮拜五之前交初稿", THU)
    assert phrase.text == "下個禮拜五"


def test_chinese_numbers():
    assert [cn_number(x) for x in ("3", "十", "十二", "二十", "三十一", "兩", "廿", "廿五", "卅一")] == [
        3, 10, 12, 20, 31, 2, 20, 25, 31]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("聽日 3:30 前", time(15, 30)),  # office hours: three is the afternoon
        ("聽日下晝 3:30 前", time(15, 30)),
        ("by 3:30pm tomorrow", time(15, 30)),
        ("by 9:30pm tomorrow", time(21, 30)),
        ("聽日凌晨兩點前", time(2, 0)),
        ("今晚十二點前", time(23, 59)),  # midnight: the end of that day
        ("聽朝九點半前", time(9, 30)),
        ("聽朝十二點前", time(12, 0)),  # noon, not midnight
        ("聽日三點三前", time(15, 15)),  # 三點三: three 字 past three
        ("聽日五點九前", time(17, 45)),
        ("聽日三點三十前", time(15, 30)),
        ("聽日十點十前", time(10, 50)),
    ],
)
def test_times_of_day(said, expected):
    found = find_deadline(said, THU)
    assert found is not None and found.at == expected


def test_one_to_four_tonight_is_after_midnight():
    late = find_deadline("今晚一點前 deploy", THU)
    assert (late.day, late.at) == (date(2026, 3, 13), time(1, 0))
    assert find_deadline("今晚十二點前", THU).iso("Asia/Hong_Kong") == "2026-03-12T23:59:00+08:00"
    assert find_deadline("今晚八點前", THU).iso("Asia/Hong_Kong") == "2026-03-12T20:00:00+08:00"


def test_a_clock_answering_a_question_that_named_the_day_is_on_that_day_and_part_of_it():
    from assistant.config import ExtractionSettings
    from assistant.extract import extract_transcript

    def due(question, answer):
        turns = [{"speaker": "黃太", "text": question}, {"speaker": "Ken", "text": answer}]
        meeting = {"date": "2026-03-12", "attendees": [{"name": "黃太"}, {"name": "Ken"}], "turns": turns}
        return [a["deadline"] for a in extract_transcript(meeting, ExtractionSettings(backend="rules"))["action_items"]]

    assert due("Ken，你今晚交份報告嘛？", "我十一點前交。") == ["2026-03-12T23:00:00+08:00"]
    assert due("Ken，你今晚交份報告嘛？", "十一點前。") == ["2026-03-12T23:00:00+08:00"]
    assert due("Ken，你聽日下晝交份報告嘛？", "三點前。") == ["2026-03-13T15:00:00+08:00"]
    assert due("Ken，你聽日交份報告嘛？", "得，十一點前。") == ["2026-03-13T11:00:00+08:00"]


def test_tonight_in_the_small_hours_is_the_next_day_however_it_is_said():
    for said in ("今晚 1am 前", "今晚凌晨一點前", "今晚一點前"):
        late = find_deadline(said, THU)
        assert (late.day, late.at) == (date(2026, 3, 13), time(1, 0)), said


def test_a_day_turned_down_is_no_deadline_and_the_start_of_a_week_or_month_is_its_first_day():
    assert _day("聽日唔得，禮拜一先得", THU) == date(2026, 3, 16)
    assert _day("下個月頭交份 report", THU) == date(2026, 4, 1)
    assert _day("下個禮拜頭", THU) == date(2026, 3, 16)


def test_small_hours_a_quarter_before_and_after_a_day():
    late = find_deadline("凌晨三點前 restart 部 server", THU)
    assert (late.day, late.at) == (date(2026, 3, 13), time(3, 0))  # the coming night's, not this morning's
    assert _day("Q3 之前", THU) == date(2026, 6, 30)  # before Q3 begins
    assert _day("Q3 尾", THU) == date(2026, 9, 30)
    assert _day("禮拜一之後先交", THU) is None  # after Monday is no due day
    assert _day("after Monday", THU) is None


def test_a_weekday_of_a_named_month_and_a_month_just_gone():
    assert _day("五月頭個禮拜五之前", THU) == date(2026, 5, 1)
    assert _day("四月第二個星期一", THU) == date(2026, 4, 13)
    assert _day("六月最後一個禮拜五", THU) == date(2026, 6, 26)
    assert _day("二月頭個禮拜一", THU) == date(2027, 2, 1)  # February 2026 is over
    assert _day("二月尾嗰幾日", THU) is None  # the one just gone, not February 2027


def test_a_day_that_does_not_exist_lends_no_digits():
    today = date(2027, 1, 11)
    for said in ("二月三十號之前", "六月三十一號", "下個月三十一號", "二月廿九號"):
        assert find_time_phrases(said, today) == [], said


def test_the_last_working_day_of_a_week_skips_its_holidays():
    assert _day("呢個禮拜最後一個工作天", date(2027, 3, 22)) == date(2027, 3, 25)  # Good Friday is 26 March 2027


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("最遲中秋交", date(2026, 9, 25)),  # by the festival itself (中秋 is the day before the holiday)
        ("中秋節或之前", date(2026, 9, 25)),
        ("聖誕前兩日", date(2026, 12, 23)),
        ("中秋前一個禮拜", date(2026, 9, 18)),
        ("復活節長假前", date(2026, 4, 2)),  # the last working day before Good Friday
        ("聖誕前嗰個禮拜", None),  # some time that week: no day to hold anyone to
        ("聖誕前嘅禮拜五", date(2026, 12, 18)),  # the last Friday before Christmas Day
        ("中秋前嗰個禮拜五", date(2026, 9, 18)),  # 中秋 (25 September 2026) is a Friday: the one before it
        ("中秋前個禮拜三", date(2026, 9, 23)),
        ("中秋前最後一個禮拜五", date(2026, 9, 18)),
        ("中秋後嗰個禮拜三", date(2026, 9, 30)),  # the first Wednesday after its days off (was the first working day)
        ("端午後個禮拜三", date(2026, 6, 24)),  # 端午 is Friday 19 June 2026
        ("中秋後一個禮拜", date(2026, 10, 2)),
        ("中秋後三日內", date(2026, 9, 28)),
        ("中秋之後三個工作天內", date(2026, 9, 30)),  # working days after the holiday the day after it
        ("冬至前", date(2026, 12, 22)),  # the solar term (Hong Kong Observatory: 22 December 2026), no holiday
        ("做冬之前", date(2026, 12, 22)),
    ],
)
def test_a_festival_said_other_ways(phrase, expected):
    assert _day(phrase, THU) == expected


@pytest.mark.parametrize("phrase", ["過完年", "過咗年之後", "過完農曆年"])
def test_after_the_new_year_is_the_first_working_day_after_the_lunar_new_year_days_off(phrase):
    # 2027: 年初一 is Saturday 6 February, 年初二 a Sunday, so Tuesday 9 February is a day off too
    assert _day(f"份報價你{phrase}俾我", date(2026, 12, 7)) == date(2027, 2, 10)


def test_the_first_working_day_after_the_winter_solstice_is_the_day_after_it():
    # 冬至 is no holiday in Hong Kong: the day after it is the first working day (the day after 中秋 is a holiday)
    assert _day("冬至之後第一個工作天", date(2026, 12, 15)) == date(2026, 12, 23)
    assert _day("中秋後第一個工作天", date(2026, 9, 10)) == date(2026, 9, 28)


def test_a_span_before_a_festival_is_counted_from_the_festival_not_from_a_day_said_near_it():
    said = [("Ivy Chan 陳詩韻", "今年我想中秋前一日加派三架貨車。"), ("黃太", "好，Ivy 你中秋前一個禮拜要同貨車公司 confirm 晒。")]
    [item] = extract_transcript({"date": "2026-08-19", "turns": [{"speaker": s, "text": t} for s, t in said],
                                 "attendees": [{"name": "Ivy Chan 陳詩韻", "aliases": ["Ivy"]}, {"name": "黃太"}]},
                                ExtractionSettings(backend="rules"))["action_items"]
    assert item["deadline"] == "2026-09-18"  # 中秋 2026 is 09-25


def test_before_a_festival_just_gone_is_next_years_and_to_be_checked():
    [phrase] = find_time_phrases("冬至前", date(2026, 12, 23))
    assert (phrase.day, phrase.doubtful) == (date(2027, 12, 22), True)
    [phrase] = find_time_phrases("冬至前", date(2026, 12, 10))
    assert (phrase.day, phrase.doubtful) == (date(2026, 12, 22), False)


def _said(text, today):
    return [(p.day, p.doubtful) for p in find_time_phrases(text, today)]


def test_so_long_after_a_festival_just_gone_is_this_years_until_that_day_is_past():
    assert _said("中秋後一個禮拜", date(2026, 9, 27)) == [(date(2026, 10, 2), False)]  # 中秋 2026 is 09-25
    assert _said("中秋後三日", date(2026, 9, 26)) == [(date(2026, 9, 28), False)]
    assert _said("中秋後一個禮拜", date(2026, 9, 10)) == [(date(2026, 10, 2), False)]
    assert _said("中秋後三日", date(2026, 9, 29)) == [(date(2027, 9, 18), True)]  # gone: next year's, to be checked


def test_a_weekday_corrected_in_the_next_turn_with_who_is_away_stays_in_the_week_said():
    said = [("黃太", "阿傑，下個禮拜四交份 report 俾我。"), ("黃太", "啊唔係，禮拜三啦，禮拜四我唔喺度。")]
    [item] = extract_transcript({"date": "2026-09-14", "turns": [{"speaker": s, "text": t} for s, t in said],
                                 "attendees": [{"name": "Marco Lee 李文傑", "aliases": ["阿傑"]}, {"name": "黃太"}]},
                                ExtractionSettings(backend="rules"))["action_items"]
    assert item["deadline"] == "2026-09-23"  # 2026-09-14 is a Monday: next week's Wednesday


def test_before_the_mid_autumn_days_off_is_the_festival_day_when_it_is_a_working_day():
    # 2037: 中秋 is Thursday 24 September, a working day; the holiday is the day following it, Friday 25 September
    today = date(2037, 9, 14)
    assert _day("中秋假之前最後一個工作天要派晒", today) == date(2037, 9, 24)
    assert _day("中秋假前要派晒", today) == date(2037, 9, 24)
    assert _day("中秋節之前最後一個工作天要派晒", today) == date(2037, 9, 23)  # before the festival day itself
