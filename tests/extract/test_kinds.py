"""One test per kind of extraction failure users reported, on sentences written for these tests
(none comes from the evaluation meetings). The Hong Kong calendar is the real `holidays` one."""

from __future__ import annotations

import pytest

from assistant.config import ExtractionSettings
from assistant.extract import extract_transcript
from assistant.extract.cues import asks
from assistant.extract.owners import Person
from assistant.extract.speakers import name_speakers
from assistant.extract.tasks import leans_on_context

RULES = ExtractionSettings(backend="rules")
ATTENDEES = [
    {"name": "Ivy Chan 陳詩韻", "aliases": ["Ivy", "陳小姐"], "role": "市場經理"},
    {"name": "Marco Lee 李文傑", "aliases": ["Marco", "阿傑"], "role": "IT 主任"},
    {"name": "Priya Shah", "aliases": ["Priya"], "role": "Regional lead", "timezone": "Europe/London"},
    {"name": "黃太", "role": "行政總監"},
]


def _extract(turns, date="2026-03-11", attendees=ATTENDEES):  # 2026-03-11 is a Wednesday
    meeting = {"date": date, "attendees": attendees, "turns": [{"speaker": s, "text": t} for s, t in turns]}
    return extract_transcript(meeting, RULES)


def _items(turns, **kw):
    return [(a["owner"], a["task"], a["deadline"]) for a in _extract(turns, **kw)["action_items"]]


def test_a_fragment_gets_its_object_from_the_turns_before():
    [(owner, task, deadline)] = _items([
        ("黃太", "四樓仲有兩部 access point 未裝。"),
        ("Marco Lee 李文傑", "明白，我聽日裝埋佢。"),
    ])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12")
    assert "access point" in task and "佢" not in task


def test_me_and_you_in_a_task_become_the_people_meant():
    items = _items([
        ("黃太", "Ivy，你聽日 send 份推廣計劃俾我。"),
        ("黃太", "打印機又壞咗。"),
        ("Marco Lee 李文傑", "我禮拜五前搵供應商報價，之後 send 份報價俾你。"),
    ])
    tasks = {o: t for o, t, _ in items}
    assert "黃太" in tasks["Ivy Chan 陳詩韻"] and "我" not in tasks["Ivy Chan 陳詩韻"]
    assert "黃太" in tasks["Marco Lee 李文傑"] and "你" not in tasks["Marco Lee 李文傑"]


def test_a_pronoun_takes_the_topic_a_turn_names():
    [(owner, task, _)] = _items([
        ("Ivy Chan 陳詩韻", "場地方面，上次嗰間 hotel 客人都幾鍾意。"),
        ("黃太", "Ivy，你聽日 book 返佢。"),
    ])
    assert owner == "Ivy Chan 陳詩韻" and task == "book 返場地"


def test_a_terse_decision_carries_the_question_it_answers():
    out = _extract([
        ("黃太", "尾牙用酒樓定係用酒店？"),
        ("Marco Lee 李文傑", "酒店貴好多。"),
        ("黃太", "咁就用酒樓啦。"),
    ])
    [decision] = out["decisions"]
    assert "尾牙" in decision["text"] and "酒樓" in decision["text"]


def test_agreeing_to_a_plan_decides_the_plan():
    out = _extract([
        ("Marco Lee 李文傑", "客人話下個月開始要用新系統。所以我打算下個禮拜先試行電子糧單。"),
        ("黃太", "好，就咁做。"),
    ])
    [decision] = out["decisions"]
    assert "電子糧單" in decision["text"] and "新系統" not in decision["text"]


def test_a_topic_given_to_a_name_becomes_the_task():
    items = _items([
        ("黃太", "新聞稿 Ivy 跟，聽日出。"),
        ("黃太", "季度報告本來係阿傑跟，改由 Ivy 跟，月尾前做完。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "出新聞稿", "2026-03-12"), ("Ivy Chan 陳詩韻", "完成季度報告", "2026-03-31")]


def test_a_one_character_nickname_is_no_name_inside_a_word():
    attendees = [*ATTENDEES, {"name": "阿明"}, {"name": "阿美"}, {"name": "李华"}]
    items = _items([
        ("黃太", "Ivy，你聽日出份計劃書。"),
        ("Ivy Chan 陳詩韻", "明白，我聽日交俾你。"),
        ("黃太", "美國嗰邊 Marco 你聽日跟進下。"),
        ("黃太", "李華，你禮拜五前交報告。"),
    ], attendees=attendees)
    owners = [o for o, _, _ in items]
    assert "阿明" not in owners and "阿美" not in owners
    assert "Marco Lee 李文傑" in owners and "李华" in owners


def test_a_compound_turn_gives_one_item_per_task():
    items = _items([("黃太", "Ivy，你聽日出份新聞稿，同埋禮拜五前 book 埋記者會場地。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12"), ("Ivy Chan 陳詩韻", "2026-03-13")]
    assert "新聞稿" in items[0][1] and "記者會場地" in items[1][1]
    # one verb, two objects, one due time said after both
    items = _items([("黃太", "Marco，你換埋三樓部 printer，同埋會議室個 projector，下個禮拜三前搞掂。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-18")] * 2
    assert "printer" in items[0][1] and "projector" in items[1][1]


def test_diarisation_labels_are_named_from_introductions_and_answers():
    items = _items([
        ("S1", "早晨，我係黃太，開始啦。"),
        ("S1", "阿傑，公司個 VPN 你禮拜五前升級好佢。"),
        ("S2", "收到，我禮拜五前搞掂。"),
        ("S3", "我係 Ivy，我下個禮拜一之前出推廣計劃。"),
    ])
    owners = {o for o, _, _ in items}
    assert owners == {"Marco Lee 李文傑", "Ivy Chan 陳詩韻"}


def test_a_given_name_with_a_resolves_like_the_name():
    ken = [*ATTENDEES, {"name": "Ken Lee", "aliases": ["Ken"]}]
    turns = [("黃太", "Ivy，你聽日交份報價。"), ("Ivy Chan 陳詩韻", "好。"), ("黃太", "阿Ken，你下個工作天之前覆客戶個 email。")]
    assert [o for o, _, _ in _items(turns, attendees=ken)] == ["Ivy Chan 陳詩韻", "Ken Lee"]


def test_nicknames_titles_and_roles_resolve_to_the_attendee():
    items = _items([
        ("黃太", "陳小姐，你聽日覆客人。"),
        ("黃太", "IT 嗰邊要喺月尾前換晒啲舊電腦。"),
    ])
    assert [o for o, _, _ in items] == ["Ivy Chan 陳詩韻", "Marco Lee 李文傑"]


def test_an_owner_nobody_matches_is_null_and_flagged_never_guessed():
    out = _extract([
        ("S9", "我聽日寄份合約俾律師。"),  # a voice nobody named
    ])
    [item] = out["action_items"]
    assert item["owner"] is None and item["needs_review"] is True


def test_finishing_by_a_date_is_a_task_and_the_group_is_not_in_its_words():
    [(owner, task, deadline)] = _items([("黃太", "好，大家記住，月尾前一定要做完個網上培訓，交返證書俾我。")])
    assert (owner, deadline) == (None, "2026-03-31")
    assert task.startswith("完成網上培訓") and "大家" not in task and "黃太" in task


def test_whoever_is_free_takes_the_task_said_before_it():
    [(owner, task, deadline)] = _items([("黃太", "個茶水間好污糟，禮拜五前要執好個雪櫃，邊個得閒就搞。")])
    assert (owner, deadline) == (None, "2026-03-13") and "執好雪櫃" in task


def test_approving_a_suggestion_gives_it_to_who_suggested_it():
    [(owner, task, deadline)] = _items([
        ("Ivy Chan 陳詩韻", "不如我哋約幾個客人做訪問？"),
        ("黃太", "好主意，約三個，下個禮拜五前做完。"),
    ])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-20") and "約三個" in task and "做訪問" in task


def test_a_group_task_has_no_owner_and_needs_no_guess():
    [item] = _extract([("黃太", "大家禮拜五前交返自己嘅年假申請。")])["action_items"]
    assert item["owner"] is None and item["deadline"] == "2026-03-13"


def test_reassignment_leaves_only_the_final_owner():
    items = _items([
        ("黃太", "報價單原本係阿傑跟，而家改由 Ivy 跟，禮拜五前交。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")]


def test_a_cancelled_task_is_removed():
    items = _items([
        ("Ivy Chan 陳詩韻", "我聽日訂展覽嘅易拉架。"),
        ("黃太", "易拉架唔使訂喇，主辦方會提供。"),
    ])
    assert items == []


def test_working_days_skip_weekends_and_hong_kong_holidays():
    # Wednesday 2026-04-01: Good Friday 3 April, the day after, Easter Monday 6 April and the
    # day following Easter Monday (7 April, observed Ching Ming) are days off.
    items = _items([("黃太", "Ivy，你三個工作天內交財務報表。")], date="2026-04-01")
    assert items[0][2] == "2026-04-09"
    items = _items([("黃太", "Ivy，你下個工作天覆我。")], date="2026-04-02")
    assert items[0][2] == "2026-04-08"


def test_festivals_and_calendar_phrases():
    cases = {
        "聖誕假之前最後一個工作天": ("2026-12-01", "2026-12-24"),
        "國慶之後第一個工作天": ("2026-09-20", "2026-10-02"),
        "年初七": ("2027-01-20", "2027-02-12"),
        "今個月最後一個禮拜五": ("2026-03-11", "2026-03-27"),
        "下下個禮拜二": ("2026-03-11", "2026-03-24"),
        "季尾": ("2026-05-04", "2026-06-30"),
        "兩個禮拜內": ("2026-03-11", "2026-03-25"),
    }
    for phrase, (meeting, due) in cases.items():
        [(_, _, deadline)] = _items([("黃太", f"Ivy，你{phrase}交份報告。")], date=meeting)
        assert deadline == due, phrase


def test_times_of_day_are_hong_kong_date_times():
    cases = {
        "今晚八點前": "2026-03-11T20:00:00+08:00",
        "聽朝九點半": "2026-03-12T09:30:00+08:00",
        "星期五五點前": "2026-03-13T17:00:00+08:00",
        "聽朝七點": "2026-03-12T07:00:00+08:00",
    }
    for phrase, due in cases.items():
        [(_, _, deadline)] = _items([("黃太", f"Ivy，你{phrase}send 份 proposal 俾我。")])
        assert deadline == due, phrase


def test_other_time_zones_convert_to_hong_kong_with_daylight_saving():
    # London is on GMT until 29 March 2026 and on BST after it.
    [(_, _, before)] = _items([("Priya Shah", "I'll send the deck by London time Friday 5pm.")], date="2026-03-25")
    [(_, _, after)] = _items([("Priya Shah", "I'll send the deck by London time Friday 5pm.")], date="2026-04-01")
    assert before == "2026-03-28T01:00:00+08:00"
    assert after == "2026-04-04T00:00:00+08:00"
    [(_, _, same)] = _items([("Priya Shah", "I will check the budget by SG time tomorrow 3pm.")])
    assert same == "2026-03-12T15:00:00+08:00"


def test_an_event_date_is_not_the_deadline():
    [(_, _, deadline)] = _items([("黃太", "個展覽係四月二十號開幕，Ivy 你三月二十號前交設計稿。")])
    assert deadline == "2026-03-20"


def test_a_date_that_tells_which_thing_is_meant_stays_in_the_task():
    # 「…嘅」: the date picks out the guests, the minutes or the deadline; it stays in the task's words
    assert _items([("黃太", "Ivy，你聽日 send 邀請信俾四月十七號嚟嘅客。")]) == [
        ("Ivy Chan 陳詩韻", "send 邀請信俾四月十七號嚟嘅客", "2026-03-12")]
    assert _items([("黃太", "Ivy，你禮拜五前寫好聽日嘅會議紀錄。")]) == [
        ("Ivy Chan 陳詩韻", "寫好聽日嘅會議紀錄", "2026-03-13")]
    # …and may still be the deadline itself
    [(_, task, deadline)] = _items([("黃太", "Ivy你禮拜五嘅deadline記得交份報價")])
    assert deadline == "2026-03-13" and task.startswith("禮拜五嘅deadline")
    [(_, task, deadline)] = _items([("黃太", "Ivy你準備好聽日三點嘅會議資料")])
    assert (task, deadline) == ("準備好聽日三點嘅會議資料", "2026-03-12T15:00:00+08:00")


def test_a_closing_get_it_done_is_not_part_of_the_task():
    assert _items([("黃太", "Ivy，你聽日準備好 agenda，搞掂佢。")]) == [("Ivy Chan 陳詩韻", "準備好 agenda", "2026-03-12")]
    [(_, task, _)] = _items([("黃太", "Marco，部 printer 又卡紙，今日搞掂佢。")])
    assert "printer" in task and "搞掂" in task  # the only verb stays


def test_who_is_copied_in_is_no_task_of_its_own():
    for said in ("同埋 cc 埋 Marco", "同埋記得 cc 埋 Marco", "記得 cc 埋 Marco"):
        assert _items([("黃太", f"Ivy，你聽日 send 份報價俾客，{said}。")]) == [
            ("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12")]
    assert _items([("黃太", "Ivy，份合約嘅條款好長。")]) == []  # 合約 holds no verb 約
    assert _items([("黃太", "Ivy，你同老公約好時間。")])  # …but 約 after 老公 is one


def test_decisions_stated_by_agreement_and_meetings_without_any():
    out = _extract([
        ("Ivy Chan 陳詩韻", "我建議週年晚宴改喺酒店搞，唔再喺公司搞。"),
        ("黃太", "好，就咁定。"),
    ])
    assert len(out["decisions"]) == 1 and "酒店" in out["decisions"][0]["text"]
    status = _extract([
        ("Ivy Chan 陳詩韻", "上個禮拜啲推廣已經做完，反應幾好。"),
        ("Marco Lee 李文傑", "系統都已經升級好咗。"),
        ("黃太", "或者遲啲可以考慮再搞多次，再傾。"),
    ])
    assert status == {"decisions": [], "action_items": []}


def test_asr_style_text_gives_clean_hong_kong_traditional():
    [(owner, task, deadline)] = _items([("黃太", "Ivy 你明天之前把报价单发给客户")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12")
    assert "報價單" in task and "发" not in task


def test_an_answer_that_adds_the_time_of_day_is_the_same_task():
    ivy = "Ivy Chan 陳詩韻"
    assert _items([("黃太", "Ivy，你聽日交份報價。"), (ivy, "得，我聽日五點前交俾你。")]) == [
        (ivy, "交報價", "2026-03-12T17:00:00+08:00")]
    assert _items([("黃太", "Ivy，你聽日五點前交份報價。"), (ivy, "好，聽日交。")]) == [
        (ivy, "交報價", "2026-03-12T17:00:00+08:00")]  # a vaguer answer keeps the time said


def test_a_question_tag_glued_on_without_a_comma_still_makes_a_request():
    # ASR text seldom puts the comma before 得唔得 / 好唔好
    ivy = "Ivy Chan 陳詩韻"
    for asked in ("Ivy你聽日交份報價得唔得", "Ivy，聽日交份報價好唔好？", "Ivy你聽日交份報價得唔得呀"):
        assert _items([("黃太", asked), (ivy, "冇問題。")]) == [(ivy, "交報價", "2026-03-12")], asked
    assert _items([("黃太", "我哋聽日開會好唔好？"), (ivy, "好。")]) == []  # a proposal, nobody's task
    # the answer counts, with or without the comma: a no, another day, or somebody else speaking
    for asked in ("Ivy你聽日交份報價得唔得？", "Ivy，你聽日交份報價，得唔得？"):
        assert _rows([("黃太", asked), (ivy, "唔得，聽日要去澳門。")]) == [(None, "交報價", "2026-03-12", True)], asked
        assert _items([("黃太", asked), (ivy, "禮拜五先得。")]) == [(ivy, "交報價", "2026-03-13")], asked
        assert _items([("黃太", asked), ("Marco Lee 李文傑", "唔得。")]) == [(ivy, "交報價", "2026-03-12")], asked
    # a proposal asked with a tag decides nothing; the answer does
    out = _extract([("黃太", "個設計改成藍色好唔好"), ("Marco Lee 李文傑", "唔好，維持紅色。")])
    assert [d["text"] for d in out["decisions"]] == ["維持紅色"]


def test_one_simplified_character_in_traditional_text_is_still_read():
    # ASR half corrected: 听朝 (聽朝, tomorrow morning) in a turn otherwise in Traditional
    [(owner, task, deadline)] = _items([("黃太", "Ivy，報價單你听朝十點前發俾客，做晒佢。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12T10:00:00+08:00")
    assert "听" not in task and "曬" not in task


def test_processed_minutes_take_owners_from_the_meeting_attendees():
    """Minutes as the pipeline writes them (unnamed voices S1, S2 and the attendee list from the
    upload or the calendar) get owners from the attendees, with their aliases and time zones."""
    from assistant.extract import extract_minutes
    from assistant.minutes import Attendee, MeetingInfo, Minutes, Speaker, Turn

    info = MeetingInfo("m.wav", 20.0, "yue", {}, "2026-03-11T10:00:00+08:00", "2026-03-11",
                       attendees=[Attendee("Ivy Chan 陳詩韻", ["Ivy"]), Attendee("Priya Shah", ["Priya"], "", "Europe/London")])
    minutes = Minutes(info, [Speaker("S1"), Speaker("S2")], [
        Turn("S1", 0.0, 5.0, "Ivy，你聽日五點前交份報價。"),
        Turn("S2", 5.0, 9.0, "收到，我聽日五點前交。"),
        Turn("S1", 9.0, 14.0, "Priya, could you send the slides by London time Friday 5pm?"),
    ])
    from assistant.attendees import people

    expected = [("Ivy Chan 陳詩韻", "2026-03-12T17:00:00+08:00"), ("Priya Shah", "2026-03-14T01:00:00+08:00")]
    assert [(a.owner, a.deadline) for a in extract_minutes(minutes, RULES).action_items] == expected
    # the pipeline also passes the attendees as owner candidates: the same people, once
    items = extract_minutes(minutes, RULES, None, people(info.attendees)).action_items
    assert [(a.owner, a.deadline) for a in items] == expected


def test_malformed_transcripts_are_clear_errors():
    import pytest

    for bad, words in (([1, 2], "minutes.json"), ({}, "turns"), ({"segments": []}, "turns"),
                       ({"turns": "我聽日做"}, "list of objects"), ({"turns": None}, "list of objects"),
                       ({"attendees": ["Ivy Chan|Ivy", "Ivy Wong|Ivy"], "turns": []}, "given to both"),
                       ({"attendees": ["Ivy Chan|Ivy", "Ivy Wong|Ｉｖｙ"], "turns": []}, "given to both"),
                       ({"date": "2026-02-30", "turns": []}, "the date '2026-02-30'"),
                       ({"turns": [{"speaker": "S1", "text": 12}]}, "strings"),
                       ({"date": "2026-03-11", "timezone": "Mars/Olympus", "turns": []}, "time zone"),
                       ({"attendees": [{"name": "Ivy", "timezone": "Mars/Olympus"}], "turns": []}, "time zone"),
                       ({"attendees": [{"role": "IT"}], "turns": []}, "needs a name")):
        with pytest.raises(ValueError, match=words):
            extract_transcript(bad, RULES)


def test_a_transcripts_time_zone_is_read_in_any_letter_case():
    assert _extract([("黃太", "Ivy，你聽日交份報價。")])["action_items"]
    meeting = {"date": "2026-03-11", "timezone": "asia/hong_kong", "attendees": ATTENDEES,
               "turns": [{"speaker": "黃太", "text": "Ivy，你聽日五點前交份報價。"}]}
    assert extract_transcript(meeting, RULES)["action_items"][0]["deadline"] == "2026-03-12T17:00:00+08:00"


def test_attendees_in_a_transcript_are_read_as_everywhere_else():
    # aliases as one string, or a spec 「NAME|ALIAS」, as the upload form and attendee files allow
    for attendee in ({"name": "Ivy Chan", "aliases": "IC;Ivy"}, "Ivy Chan|IC|Ivy"):
        assert _items([("黃太", "IC，你聽日交報告。")], attendees=[attendee, {"name": "黃太"}]) == [
            ("Ivy Chan", "交報告", "2026-03-12")]


def test_control_and_invisible_characters_are_dropped():
    [(owner, task, _)] = _items([("黃太", "Ivy\u200b，你聽日\u0000交\u202e報告。")])
    assert (owner, task) == ("Ivy Chan 陳詩韻", "交報告")


def test_a_request_asked_as_a_question_is_a_task_once_the_person_says_yes():
    asked = [("黃太", "Marco，聽日下晝三點前換得好會議室個 projector 嘛？"), ("Marco Lee 李文傑", "OK，冇問題。")]
    [(owner, task, deadline)] = _items(asked)
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12T15:00:00+08:00") and "projector" in task
    assert _items([asked[0], ("Marco Lee 李文傑", "聽日好似唔得，要等零件。")]) == []  # no yes, no task
    assert _items([("黃太", "Marco，你幾時換得好個 projector？"), ("Marco Lee 李文傑", "OK。")]) == []  # not a request
    ken = "Marco Lee 李文傑"
    ask = ("黃太", "Marco，你聽日 send 得到份報價嘛？")
    assert _items([ask, (ken, "聽日唔得。")]) == []  # a no
    assert _items([ask, ("Ivy Chan 陳詩韻", "OK，冇問題。")]) == []  # somebody else's yes
    [(_, task, deadline)] = _items([ask, (ken, "禮拜五先得。")])  # yes, by another day
    assert deadline == "2026-03-13" and task.startswith("send") and "得到" not in task
    for asked in ("Marco，份報價 send 咗俾客未？", "Marco，我幫你 send 份報價好嗎？", "Marco，你又唔 check 份合約呀？"):
        assert _items([("黃太", asked), (ken, "好。")]) == [], asked  # asking after work, an offer, a complaint


def test_tasks_said_together_share_only_a_due_time_said_after_them_all():
    items = _items([("黃太", "Marco，你聽日之前 send 份報價，同埋部 printer 有時間就睇下。")])
    assert [d for _, _, d in items] == ["2026-03-12", None]
    assert _items([("黃太", "Marco，你禮拜五前 send 份報價，仲有個客好急。")]) == [
        ("Marco Lee 李文傑", "send 報價", "2026-03-13")]


def test_an_answer_to_when_takes_what_the_question_asked_about():
    [(owner, task, deadline)] = _items([
        ("黃太", "阿傑，嗰二十幾部手提電腦幾時裝得晒？"),
        ("Marco Lee 李文傑", "大部分都裝好咗。我禮拜五下晝四點前全部裝晒 antivirus。"),
    ])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13T16:00:00+08:00")
    assert "手提電腦" in task and "antivirus" in task
    [(owner, task, _)] = _items([
        ("黃太", "Ivy，你幾時交份推廣計劃？"),
        ("Ivy Chan 陳詩韻", "我聽日交。"),
    ])
    assert owner == "Ivy Chan 陳詩韻" and "推廣計劃" in task and "幾時" not in task


def test_a_time_of_day_said_next_by_someone_else_completes_the_due_time():
    [(owner, _, deadline)] = _items([
        ("黃太", "新嘅退貨安排要通知晒啲分店。"),
        ("Ivy Chan 陳詩韻", "我聽日通知晒。"),
        ("黃太", "好，聽日上晝十一點之前要通知晒。"),
    ])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12T11:00:00+08:00")
    # another day, or a time for something else, is not this task's
    assert _items([
        ("Ivy Chan 陳詩韻", "我聽日通知晒啲分店。"),
        ("黃太", "好，禮拜五上晝十一點之前。"),
    ])[0][2] == "2026-03-12"
    items = _items([
        ("Ivy Chan 陳詩韻", "我聽日通知晒啲分店。"),
        ("Marco Lee 李文傑", "聽日上晝十一點我開會。"),
    ])
    assert ("Ivy Chan 陳詩韻", "通知晒分店", "2026-03-12") in items


def test_a_short_task_does_not_borrow_a_request_made_to_someone_else():
    items = _items([
        ("黃太", "Ivy，新價錢你聽日通知晒啲客。"),
        ("Marco Lee 李文傑", "聽日中午十二點我去見客。"),
    ])
    assert ("Ivy Chan 陳詩韻", "2026-03-12") in [(o, d) for o, _, d in items]
    assert [t for o, t, _ in items if o == "Marco Lee 李文傑"] == ["見客"]


def test_full_width_letters_and_digits_read_as_ascii():
    assert _items([("黃太", "Ｉｖｙ，你聽日３點前交份報告。")]) == [
        ("Ivy Chan 陳詩韻", "交報告", "2026-03-12T15:00:00+08:00")]
    attendees = [{"name": "Ｋｅｎ Lee", "aliases": ["Ｋｅｎ"]}, {"name": "黃太"}]
    assert _items([("黃太", "Ken，你聽日交份報告。")], attendees=attendees) == [("Ｋｅｎ Lee", "交報告", "2026-03-12")]


def test_a_due_time_said_in_the_next_sentence_is_the_tasks_before_it():
    expected = [("Ivy Chan 陳詩韻", "整好報價", "2026-03-13"), ("Ivy Chan 陳詩韻", "book 會議室", "2026-03-13")]
    for said in ("Ivy，你整好份報價，同埋 book 埋會議室。兩樣都禮拜五前搞掂。",
                 "Ivy，你整好份報價，同埋 book 埋會議室，兩樣都禮拜五前搞掂。"):
        assert _items([("黃太", said)]) == expected
    # a sentence that says more than a due time is not one
    assert _items([("黃太", "Ivy，你整好份報價。禮拜五開會。")]) == [("Ivy Chan 陳詩韻", "整好報價", None)]


def test_a_fragment_takes_the_clause_with_its_own_verb_from_the_turn_before():
    [(owner, task, _)] = _items([
        ("Ivy Chan 陳詩韻", "我可以約啲客做訪問，了解下佢哋點解唔再買。"),
        ("黃太", "好主意，約五個，下個禮拜五前做完。"),
    ])
    assert owner == "Ivy Chan 陳詩韻" and "做訪問" in task and "了解" not in task


def test_a_name_between_the_topic_and_the_verb_with_a_due_time_owns_it():
    assert _items([("黃太", "海報 Ivy 禮拜五前出。")]) == [("Ivy Chan 陳詩韻", "出海報", "2026-03-13")]


def test_tasks_about_other_ones_of_a_kind_stay_apart():
    items = _items([("黃太", "Ivy，你聽日 send 一樓嘅報價俾客。"), ("黃太", "Ivy，你聽日 send 二樓嘅報價俾客。")])
    assert [t for _, t, _ in items] == ["send 一樓嘅報價俾客", "send 二樓嘅報價俾客"]
    items = _items([("黃太", "A座嘅平面圖 Ivy 聽日畫。"), ("黃太", "B座嘅平面圖阿傑聽日畫。")])
    assert [o for o, _, _ in items] == ["Ivy Chan 陳詩韻", "Marco Lee 李文傑"]  # not a re-assignment


def test_a_summary_at_the_end_repeats_tasks_without_adding_items():
    items = _items([
        ("黃太", "Ivy，份推廣計劃你禮拜五前交俾我。"),
        ("Ivy Chan 陳詩韻", "好。"),
        ("黃太", "阿傑，打印機聽日搵人嚟整。"),
        ("黃太", "總結一下：Ivy 禮拜五交推廣計劃。阿傑聽日搵人整打印機，跟住換碳粉。"),
    ])
    assert sorted(o for o, _, _ in items) == ["Ivy Chan 陳詩韻", "Marco Lee 李文傑"]
    assert ("Ivy Chan 陳詩韻", "2026-03-13") in [(o, d) for o, _, d in items]


def test_a_decision_is_worded_without_a_bare_approval_and_reports_decide_nothing():
    out = _extract([("黃太", "週六加班嘅車錢公司照俾，我批。")])
    assert [d["text"] for d in out["decisions"]] == ["週六加班嘅車錢公司照俾"] and out["action_items"] == []
    assert [o for o, _, _ in _items([("黃太", "Ivy，份預算我批，你聽日落單。")])] == ["Ivy Chan 陳詩韻"]
    assert _extract([("Marco Lee 李文傑", "VPN 由琴晚開始有啲同事連唔到，改用咗後備線。")])["decisions"] == []
    # 「冇問題」 accepting a task given to someone agrees to no decision
    out = _extract([("黃太", "Ivy，你聽日同供應商 confirm 交貨期。"), ("Ivy Chan 陳詩韻", "冇問題。")])
    assert out["decisions"] == [] and len(out["action_items"]) == 1


def test_a_clock_answered_without_the_part_of_the_day_is_the_one_asked():
    [(owner, task, deadline)] = _items([
        ("黃太", "阿傑，今晚十點前修好個 VPN 嘛？"),
        ("Marco Lee 李文傑", "得，我而家搞，十點前修好佢。"),
    ])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-11T22:00:00+08:00")
    assert "而家搞" not in task
    # a request and its answer merged: the answer's 「十點」 does not undo the asked 22:00
    [(_, _, deadline)] = _items([
        ("黃太", "阿傑，你今晚十點前修好個 VPN。"),
        ("Marco Lee 李文傑", "好，我十點前修好個 VPN。"),
    ])
    assert deadline == "2026-03-11T22:00:00+08:00"
    # a morning time stays the morning
    [(_, _, deadline)] = _items([
        ("黃太", "阿傑，你聽朝十點前修好個 VPN。"),
        ("Marco Lee 李文傑", "好，我聽日十點前修好佢。"),
    ])
    assert deadline == "2026-03-12T10:00:00+08:00"
    # a request asked with a tag, answered with the bare clock
    [(_, _, deadline)] = _items([
        ("黃太", "阿傑，今晚十點前修好個 VPN，得唔得？"),
        ("Marco Lee 李文傑", "十點前得。"),
    ])
    assert deadline == "2026-03-11T22:00:00+08:00"


def test_work_under_way_is_a_status_unless_a_due_time_is_said():
    for answer, expected in (("我而家做緊份報告。", []),
                             ("我而家做緊份報告，禮拜五前應該得。", [("Ivy Chan 陳詩韻", "做報告", "2026-03-13")]),
                             ("喎……OK，之後我禮拜五 update 份報告。", [("Ivy Chan 陳詩韻", "update 報告", "2026-03-13")])):
        assert _items([("黃太", "Ivy，份報告點呀？"), ("Ivy Chan 陳詩韻", answer)]) == expected, answer


def test_a_plan_said_as_past_is_not_what_the_task_says():
    [(owner, task, deadline)] = _items([
        ("黃太", "份新年推廣計劃邊個寫？"),
        ("Ivy Chan 陳詩韻", "本來想叫阿傑寫，不過佢冇時間，我自己寫啦，禮拜五前。"),
    ])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13")
    assert "推廣計劃" in task and "本來" not in task and "阿傑" not in task


def test_a_request_to_two_named_people_is_each_ones():
    expected = [("Ivy Chan 陳詩韻", "交報價", "2026-03-12"), ("Marco Lee 李文傑", "交報價", "2026-03-12")]
    assert _items([("黃太", "Ivy 同阿傑，你哋兩個聽日交份報價。")]) == expected
    assert _items([("黃太", "Ivy、阿傑，你哋聽日交份報價。")]) == expected


def test_a_person_named_as_the_subject_owns_the_task_not_the_one_addressed():
    assert _items([("黃太", "Ivy，阿傑聽日會交份報價。")]) == [("Marco Lee 李文傑", "交報價", "2026-03-12")]
    assert _items([("黃太", "Ivy，會議紀錄你聽日寫好。")]) == [("Ivy Chan 陳詩韻", "寫好會議紀錄", "2026-03-12")]


def test_i_will_to_who_is_free_takes_the_task_asked_about():
    assert _items([("黃太", "邊個得閒聽日交份報價？"), ("Ivy Chan 陳詩韻", "我嚟。")]) == [
        ("Ivy Chan 陳詩韻", "交報價", "2026-03-12")]


def test_a_task_that_still_leans_on_the_turns_before_is_flagged():
    items = _extract([("黃太", "Ivy，你聽日交份報價得唔得？"), ("Marco Lee 李文傑", "得，我聽日交。")])["action_items"]
    assert [(a["owner"], a["needs_review"]) for a in items] == [("Ivy Chan 陳詩韻", False), ("Marco Lee 李文傑", True)]


def test_a_similar_task_said_to_another_person_does_not_take_the_first_ones():
    items = _items([("黃太", "Ivy，你聽日 check 香港 office 嘅冷氣。"), ("黃太", "阿傑，你聽日 check 深圳 office 嘅冷氣。")])
    assert [o for o, _, _ in items] == ["Ivy Chan 陳詩韻", "Marco Lee 李文傑"]
    items = _items([("黃太", "Ivy，你聽日交份報價。"), ("黃太", "Ivy，你聽日交份合約。")])
    assert [t for _, t, _ in items] == ["交報價", "交合約"]
    # one person's two tasks that differ in one part stay two
    items = _items([("黃太", "Ivy，你聽日 send 份報價俾 ABC 公司。"), ("Marco Lee 李文傑", "嗯，明白。"),
                    ("黃太", "Ivy，你聽日 send 份合約俾 ABC 公司。")])
    assert [t for _, t, _ in items] == ["send 報價俾 ABC 公司", "send 合約俾 ABC 公司"]
    # somebody else saying they will do it, without handing it over: both stay, both to review
    for said in ("我聽日交份報價。", "份報價我聽日交。"):
        out = _extract([("黃太", "Ivy，你聽日交份報價。"), ("Marco Lee 李文傑", said)])["action_items"]
        assert [(a["owner"], a["needs_review"]) for a in out] == [("Ivy Chan 陳詩韻", True), ("Marco Lee 李文傑", True)]
    # words that hand it over move it
    for handover in [("黃太", "唔好意思，份報價改由阿傑跟，聽日交。"), ("Marco Lee 李文傑", "唔使 Ivy 喇，我嚟，聽日交份報價。")]:
        assert [o for o, _, _ in _items([("黃太", "Ivy，你聽日交份報價。"), handover])] == ["Marco Lee 李文傑"]


def test_a_name_inside_a_longer_word_or_shared_by_two_attendees_names_nobody():
    attendees = [{"name": "Sam Lau", "aliases": ["Sam"]}, {"name": "Ann Ho", "aliases": ["Ann"]}, {"name": "黃太"}]
    for said in ("Samsung 部機你聽日拎去整。", "Annual report 你聽日交俾我。"):
        [item] = _extract([("黃太", said)], attendees=attendees)["action_items"]
        assert item["owner"] is None and item["needs_review"]
    assert _items([("黃太", "Sam，你聽日交份報告。")], attendees=attendees)[0][0] == "Sam Lau"
    # 陳小姐 could be either Chan: nobody is guessed; an attendee called 陳小姐 outright keeps the name
    two_chans = [{"name": "Ivy Chan 陳詩韻"}, {"name": "Peter Chan 陳大文"}, {"name": "黃太"}]
    [item] = _extract([("黃太", "陳小姐，你聽日簽份合約。")], attendees=two_chans)["action_items"]
    assert item["owner"] is None and item["needs_review"]
    named = [{"name": "陳小姐"}, {"name": "Peter Chan 陳大文"}, {"name": "黃太"}]
    assert _items([("黃太", "陳小姐，你聽日簽份合約。")], attendees=named)[0][0] == "陳小姐"
    two_mays = [{"name": "May Wong"}, {"name": "May Lee"}, {"name": "黃太"}]
    assert _items([("黃太", "May，你聽日交報告。")], attendees=two_mays)[0][0] is None
    assert _items([("黃太", "May Lee，你聽日交報告。")], attendees=two_mays)[0][0] == "May Lee"
    # the answer's bare clock keeps the day asked for
    [(_, _, deadline)] = _items([
        ("黃太", "阿傑，聽朝十點前推到 hotfix 嘛？"),
        ("Marco Lee 李文傑", "得，我十點前 push。"),
    ])
    assert deadline == "2026-03-12T10:00:00+08:00"


def test_a_speaker_called_by_an_attendees_alias_is_that_attendee():
    attendees = [{"name": "Marco Lee 李文傑", "aliases": ["Marco"]}, {"name": "黃太"}]
    assert _items([("黃太", "Marco，你聽日交份報價。"), ("Marco", "好，我聽日交。")], attendees=attendees) == [
        ("Marco Lee 李文傑", "交報價", "2026-03-12")]


def test_requests_run_together_without_commas_are_each_ones():
    assert _items([("黃太", "Ivy 你聽日交份報價俾我 阿傑你後日 check 埋個 server")]) == [
        ("Ivy Chan 陳詩韻", "交報價俾黃太", "2026-03-12"), ("Marco Lee 李文傑", "check server", "2026-03-13")]
    said = "Ivy 你聽日交份報價俾我 阿傑你後日 check 埋個 server 大家禮拜五前填 timesheet"
    assert _items([("黃太", said)]) == [
        ("Ivy Chan 陳詩韻", "交報價俾黃太", "2026-03-12"),
        ("Marco Lee 李文傑", "check server", "2026-03-13"),
        (None, "填 timesheet", "2026-03-13"),
    ]


def test_a_time_alone_answering_when_is_the_answerers_task():
    assert _items([("黃太", "阿傑，嗰二十幾部手提電腦幾時裝得晒？"), ("Marco Lee 李文傑", "禮拜五中午前啦。")]) == [
        ("Marco Lee 李文傑", "裝晒二十幾部手提電腦", "2026-03-13T12:00:00+08:00")]
    [(owner, task, deadline)] = _items([("黃太", "Ivy，份推廣計劃幾時可以俾到我？"), ("Ivy Chan 陳詩韻", "禮拜五。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13") and "推廣計劃" in task and "黃太" in task
    assert _items([("黃太", "Ivy，幾時開會好？"), ("Ivy Chan 陳詩韻", "禮拜五。")]) == []  # asks for a time, no task


def test_a_due_time_alone_after_a_sentence_without_one_completes_it():
    assert _items([("黃太", "大家記得填 timesheet。禮拜五前。")]) == [(None, "填 timesheet", "2026-03-13")]
    assert _items([("黃太", "Ivy，你整好份報價。阿傑，你 book 埋會議室。兩樣都禮拜五前搞掂，唔該。")]) == [
        ("Ivy Chan 陳詩韻", "整好報價", "2026-03-13"), ("Marco Lee 李文傑", "book 會議室", "2026-03-13")]


def test_everyone_as_the_receiver_is_no_group_task():
    assert _items([("Marco Lee 李文傑", "我下個禮拜一朝早十點前 send 份 minutes 俾大家。")]) == [
        ("Marco Lee 李文傑", "send minutes 俾大家", "2026-03-16T10:00:00+08:00")]
    assert _items([("黃太", "阿傑，你可唔可以 send 份 minutes 俾大家？"),
                   ("Marco Lee 李文傑", "得，我下個禮拜一朝早十點前 send 俾大家。")]) == [
        ("Marco Lee 李文傑", "send minutes 俾大家", "2026-03-16T10:00:00+08:00")]
    assert _items([("黃太", "大家禮拜五前填 timesheet。")]) == [(None, "填 timesheet", "2026-03-13")]


def test_a_self_introduction_is_not_part_of_the_task():
    attendees = [*ATTENDEES, {"name": "Ken Lee", "aliases": ["Ken"]}]
    assert _items([("S3", "我係 Ken，我聽日五點前 send 份 minutes 俾黃太。")], attendees=attendees) == [
        ("Ken Lee", "send minutes 俾黃太", "2026-03-12T17:00:00+08:00")]


def test_policies_and_proposals_asked_as_questions_are_decisions():
    assert [d["text"] for d in _extract([("黃太", "由琴晚開始我哋決定暫停晒所有 deploy。")])["decisions"]] == [
        "由琴晚開始我哋決定暫停晒所有 deploy"]
    assert [d["text"] for d in _extract([("Ivy Chan 陳詩韻", "不如我哋用返舊年嗰間印刷公司？"),
                                         ("黃太", "好，就咁定。")])["decisions"]] == ["我哋用返舊年嗰間印刷公司"]
    assert _extract([("黃太", "由下個月開始，所有報銷要阿傑批。")])["decisions"]


def test_the_leads_later_due_time_for_the_same_task_stands():
    assert _items([("Ivy Chan 陳詩韻", "我下個禮拜一通知晒啲分店。"), ("黃太", "唔得，聽日中午前要通知晒。")]) == [
        ("Ivy Chan 陳詩韻", "通知晒分店", "2026-03-12T12:00:00+08:00")]
    # the lead asking for something else in the same words keeps the first task's date
    assert ("Ivy Chan 陳詩韻", "交報價", "2026-03-16") in _items([
        ("Ivy Chan 陳詩韻", "我下個禮拜一交份報價。"), ("黃太", "好，聽日交埋份合約啦。")])
    # someone else's own task with the same verb changes nothing
    assert ("Ivy Chan 陳詩韻", "通知晒分店", "2026-03-12") in _items([
        ("Ivy Chan 陳詩韻", "我聽日通知晒啲分店。"), ("Marco Lee 李文傑", "我禮拜五通知晒啲供應商。")])


def test_emoji_and_quotes_around_a_request_change_nothing():
    for said in ("🔥🔥 Ivy，你聽日😂交份報價😅俾我。", "「Ivy，你聽日交份報價俾我。」", "～Ivy，你聽日交份報價俾我～～🙏"):
        assert _items([("黃太", said)]) == [("Ivy Chan 陳詩韻", "交報價俾黃太", "2026-03-12")], said


def test_a_correction_of_who_moves_the_task():
    assert _items([("黃太", "Ivy，你聽日交份報價俾我。唔係，係阿傑交。")]) == [("Marco Lee 李文傑", "交報價俾黃太", "2026-03-12")]
    assert [o for o, _, _ in _items([("黃太", "Ivy，你聽日交份報價俾我。"),
                                     ("黃太", "唔好意思，講錯，係阿傑聽日交份報價。")])] == ["Marco Lee 李文傑"]


def test_an_english_request_reads_as_a_headline_and_its_answer_counts():
    assert _items([("黃太", "Ivy, could you send me the final list by Singapore time 3pm tomorrow?"),
                   ("Ivy Chan 陳詩韻", "Sure.")]) == [("Ivy Chan 陳詩韻", "send 黃太 the final list", "2026-03-12T15:00:00+08:00")]
    assert _rows([("黃太", "Ivy, could you send the quote by EOD tomorrow?"),
                  ("Ivy Chan 陳詩韻", "Sorry, I cannot, I'm on leave.")]) == [(None, "send the quote", "2026-03-12", True)]
    assert _items([("黃太", "Marco, please update the budget sheet by Friday.")]) == [
        ("Marco Lee 李文傑", "update the budget sheet", "2026-03-13")]


def test_two_limits_in_one_request_are_two_tasks():
    assert _items([("黃太", "Ivy，你聽日中午前入晒啲發票，下個禮拜一前搞掂份報價。")]) == [
        ("Ivy Chan 陳詩韻", "入晒發票", "2026-03-12T12:00:00+08:00"), ("Ivy Chan 陳詩韻", "完成報價", "2026-03-16")]
    # an event's date and a limit are one task's
    assert len(_items([("黃太", "Ivy，你下個禮拜一 toolbox talk 講安全，禮拜五前準備好 material。")])) == 1


def test_a_correction_moves_only_the_task_it_names():
    items = _items([("黃太", "Ivy 你聽日交份報價，阿傑你禮拜五前 check server。唔係，係 Ivy 交。")])
    assert ("Marco Lee 李文傑", "check server", "2026-03-13") in items
    items = _items([("黃太", "阿傑你聽日交份報價，Ivy 你禮拜五前 check server。唔係，係 Ivy 交。")])
    assert sorted(t for o, t, _ in items if o == "Ivy Chan 陳詩韻") == ["check server", "交報價"]
    items = _items([("黃太", "Ivy，你聽日交份報價。大家禮拜五前填 timesheet。唔係，係阿傑交。")])
    assert (None, "填 timesheet", "2026-03-13") in items


def test_a_shared_name_addressed_is_nobody_and_a_receiving_group_is_no_group():
    two_mays = [{"name": "May Wong"}, {"name": "May Lee"}, {"name": "黃太"}]
    out = _extract([("May Wong", "我聽日交份報價。"), ("黃太", "May，你禮拜五前 check server。")], attendees=two_mays)
    assert [(a["owner"], a["needs_review"]) for a in out["action_items"]] == [("May Wong", False), (None, True)]
    for said in ("Ivy，你聽日 email 大家份會議紀錄。", "Ivy，你聽日提大家禮拜五前填 timesheet。"):
        assert [o for o, _, _ in _items([("黃太", said)])] == ["Ivy Chan 陳詩韻"], said


def test_a_when_question_about_a_fact_gives_nobody_a_task():
    for asked in ("幾時出糧？", "個客幾時俾錢？"):
        assert _items([("黃太", asked), ("Ivy Chan 陳詩韻", "月尾。")]) == [], asked


def test_a_bare_clock_answering_a_request_keeps_its_day_and_part_of_day():
    ivy = "Ivy Chan 陳詩韻"
    assert _items([("黃太", "Ivy，聽朝十點前交份報價嘛？"), (ivy, "十點前得。")]) == [(ivy, "交報價", "2026-03-12T10:00:00+08:00")]
    assert _items([("黃太", "Ivy，今晚十一點前交份報價，得唔得？"), (ivy, "十點前得。")]) == [
        (ivy, "交報價", "2026-03-11T22:00:00+08:00")]
    assert _items([("黃太", "Ivy，你今晚十一點前 send 到份報價俾我嘛？"), (ivy, "十一點前。")]) == [
        (ivy, "send 報價俾黃太", "2026-03-11T23:00:00+08:00")]
    assert _items([("黃太", "Ivy，聽朝十點前交份報價嘛？"), (ivy, "得，十點前交。")]) == [(ivy, "交報價", "2026-03-12T10:00:00+08:00")]


def test_a_quarter_before_a_noun_names_which_one():
    items = _items([("黃太", "Ivy，你禮拜五前 update Q1 report。"), ("黃太", "Ivy，你禮拜五前 update Q2 個 report。")])
    assert [(t, d) for _, t, d in items] == [("update Q1 report", "2026-03-13"), ("update Q2 report", "2026-03-13")]
    assert _items([("黃太", "Ivy，你交份 Q2 report。")]) == [("Ivy Chan 陳詩韻", "交 Q2 report", None)]
    assert _items([("黃太", "Ivy，你 Q2 完之前交份 report。")]) == [("Ivy Chan 陳詩韻", "交 report", "2026-06-30")]


def test_a_handover_naming_no_task_moves_the_one_just_given():
    for turns in ([("黃太", "Ivy，你聽日交份報價。"), ("黃太", "嗰樣改由阿傑跟啦。")],
                  [("黃太", "Ivy，你聽日交份報價。改由阿傑跟。")],
                  [("黃太", "Ivy，你聽日交份報價。"), ("Ivy Chan 陳詩韻", "我聽日放假。"), ("黃太", "咁改由阿傑跟。")]):
        assert _items(turns) == [("Marco Lee 李文傑", "交報價", "2026-03-12")], turns


def test_how_things_stand_is_not_part_of_the_task():
    items = _items([
        ("黃太", "Ivy，最近啲客成日投訴，你禮拜五前出份新 FAQ，唔好好似上次咁拖。"),
        ("Marco Lee 李文傑", "我手上嘢太多，聽日先搞得掂份系統報告。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "出新 FAQ", "2026-03-13"), ("Marco Lee 李文傑", "完成系統報告", "2026-03-12")]


def test_a_verb_said_again_and_discourse_words_are_not_the_task():
    items = _items([
        ("黃太", "阿傑，你聽日通知所有租戶，通知晒。"),
        ("黃太", "總之要有人禮拜五前同管理處確認。"),
    ])
    assert items == [("Marco Lee 李文傑", "通知所有租戶", "2026-03-12"), (None, "同管理處確認", "2026-03-13")]


def test_a_request_cut_off_by_another_speaker_keeps_no_dash():
    items = _items([
        ("黃太", "阿傑，你聽日 check 吓個 server——"),
        ("Ivy", "黃太，sorry 打斷，個客打嚟。"),
    ])
    assert items == [("Marco Lee 李文傑", "check server", "2026-03-12")]
    assert _items([("黃太", "阿傑，你聽日 check 吓個 server--"), ("Ivy", "sorry 打斷。")]) == items


def test_a_start_date_is_no_deadline_and_leaves_no_word_behind():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，下個禮拜一開始你負責夜更巡樓。")])
    assert (owner, task, deadline) == ("Marco Lee 李文傑", "夜更巡樓", None)


def test_let_me_know_and_talking_it_over_with_someone_are_tasks():
    items = _items([
        ("黃太", "阿傑，你禮拜五前話我知轉唔轉供應商。"),
        ("黃太", "Ivy，你聽日同印刷廠傾下價錢。"),
        ("黃太", "我哋傾下預算先。"),
    ])
    assert items == [("Marco Lee 李文傑", "話黃太知轉唔轉供應商", "2026-03-13"),
                     ("Ivy Chan 陳詩韻", "同印刷廠傾下價錢", "2026-03-12")]


def test_the_agenda_lists_topics_not_tasks():
    items = _items([
        ("黃太", "今日主要講三樣。第一，新系統上線嘅安排。第二，落貨架嘅位置。第三，Ivy 你聽日交推廣計劃。"),
        ("Marco Lee 李文傑", "我想傾兩件事：一係搬機房，二係換 printer。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "交推廣計劃", "2026-03-12")]


def test_a_year_or_month_end_before_a_document_says_which_one():
    items = _items([
        ("黃太", "阿傑，你聽日交年尾報表。"),
        ("黃太", "Ivy，月底盤點報告你月底前搞掂。"),
    ])
    assert items == [("Marco Lee 李文傑", "交年尾報表", "2026-03-12"), ("Ivy Chan 陳詩韻", "完成月底盤點報告", "2026-03-31")]


def test_a_show_of_hands_decides_the_motion():
    out = _extract([
        ("黃太", "贊成下年茶水費加五十蚊嘅請舉手。"),
        ("Marco Lee 李文傑", "四個人全部贊成，冇人反對。"),
    ])
    assert [d["text"] for d in out["decisions"]] == ["下年茶水費加五十蚊"] and out["action_items"] == []


def test_a_task_reads_as_a_headline():
    items = _items([
        ("黃太", "阿傑，新買嗰批 notebook 你聽日登記埋落 asset list。"),
        ("黃太", "Ivy，你順便改咗 brochure 個地址，禮拜五前。"),
        ("黃太", "Ivy，報名表都要印，聽日。"),
        ("Marco Lee 李文傑", "我禮拜五前做完系統測試。"),
        ("黃太", "Ivy，份合約簽咗之後你 send 俾客。聽日。"),
    ])
    assert [t for _, t, _ in items] == ["登記新買 notebook 落 asset list", "改 brochure 地址", "印報名表",
                                         "完成系統測試", "合約簽咗之後 send 俾客"]


def test_each_task_keeps_the_day_said_with_it():
    items = _items([("黃太", "阿傑聽日升級 server，下個禮拜一做 load test。")])
    assert items == [("Marco Lee 李文傑", "升級 server", "2026-03-12"), ("Marco Lee 李文傑", "做 load test", "2026-03-16")]


def test_accepting_with_a_day_gives_the_task_its_due_time():
    items = _items([
        ("黃太", "Ivy，員工手冊都要改埋，俾我睇。"),
        ("Ivy Chan 陳詩韻", "明白，聽日改。"),
        ("黃太", "阿傑，新 laptop 要登記落 asset list。"),
        ("Ivy Chan 陳詩韻", "收到，禮拜五前搞掂。"),  # not the one asked: no due time for 阿傑
    ])
    assert items == [("Ivy Chan 陳詩韻", "改員工手冊，俾黃太睇", "2026-03-12"),
                     ("Marco Lee 李文傑", "新 laptop 登記落 asset list", None)]


def test_a_summary_in_other_word_order_is_the_same_task():
    items = _items([
        ("黃太", "Ivy，live chat 嘅輪更表都要出埋，俾我睇。"),
        ("Ivy Chan 陳詩韻", "明白，聽日出。"),
        ("黃太", "總結一下：Ivy 聽日出輪更表。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "出 live chat 嘅輪更表，俾黃太睇", "2026-03-12")]


def test_a_day_said_first_in_a_clause_starts_another_task():
    items = _items([("黃太", "Ivy 後日交 FAQ，聽日出輪更表。")])
    assert items == [("Ivy Chan 陳詩韻", "交 FAQ", "2026-03-13"), ("Ivy Chan 陳詩韻", "出輪更表", "2026-03-12")]


def test_an_answer_dates_each_task_it_names_and_a_question_word_inside_it_asks_nothing():
    items = _items([
        ("黃太", "阿傑，你整份冷氣報價，同埋約師傅嚟睇位。"),
        ("Marco Lee 李文傑", "報價我下個禮拜一前俾你。睇位就要睇師傅幾時得閒，我盡量下個禮拜三前約好。"),
        ("黃太", "我想知你哋幾時得閒，"),
    ])
    assert items == [("Marco Lee 李文傑", "整冷氣報價", "2026-03-16"), ("Marco Lee 李文傑", "約師傅嚟睇位", "2026-03-18")]


def test_a_summary_names_what_a_bare_commitment_meant():
    items = _items([
        ("黃太", "Ivy，場地嗰邊搞成點？"),
        ("Ivy Chan 陳詩韻", "我可以禮拜五交，因為仲等緊業主回覆。"),
        ("黃太", "總結：Ivy 禮拜五交場地合約。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "交場地合約", "2026-03-13")]


def test_a_fragment_takes_the_topic_not_another_persons_work():
    items = _items([("黃太", "推廣 banner 阿傑今日 send，Ivy 禮拜五前 set 好。")])
    assert items == [("Marco Lee 李文傑", "send 推廣 banner", "2026-03-11"), ("Ivy Chan 陳詩韻", "set 好推廣 banner", "2026-03-13")]


def test_reserving_delivering_and_packing_are_work_and_a_condition_commits_nobody():
    items = _items([
        ("黃太", "阿傑，月尾之前一定要送到觀塘，你禮拜五預留兩架車。"),
        ("Marco Lee 李文傑", "如果禮拜五朝早過到關，我哋倉即日可以拆櫃。"),
    ])
    assert items == [("Marco Lee 李文傑", "預留兩架車", "2026-03-13")]


def test_a_pronoun_taking_up_its_own_clauses_object_or_naming_whose_is_no_gap():
    items = _items([
        ("黃太", "阿傑，你三月三十號之前將物料訂晒佢。"),
        ("黃太", "百分之三我哋頂唔順喎。Ivy，你聽日約佢哋老闆傾下，睇下可唔可以拖到年尾先加。"),
    ])
    assert items == [("Marco Lee 李文傑", "將物料訂晒", "2026-03-30"),
                     ("Ivy Chan 陳詩韻", "約佢哋老闆傾下，睇下可唔可以拖到年尾先加", "2026-03-12")]


def test_a_request_after_the_owners_own_plan_is_another_task():
    items = _items([
        ("Marco Lee 李文傑", "我想喺放假之前將啲物料訂好，四月八號一返嚟就即刻開 line。"),
        ("黃太", "好，咁你三月三十號之前將物料訂晒佢，然後四月八號將生產排期 send 俾我，會前出埋份 agenda。"),
    ])
    assert ("Marco Lee 李文傑", "將生產排期 send 俾黃太，會前出 agenda", "2026-04-08") in items
    assert ("Marco Lee 李文傑", "將物料訂晒", "2026-03-30") in items


def test_a_bare_go_ahead_after_the_task_takes_the_task_said_before_the_name():
    items = _items([
        ("Marco Lee 李文傑", "其中一部 server 係財務部嘅，今晚之前一定要修好。"),
        ("黃太", "咁即刻安排後備機喺機房接手，阿傑你而家即刻搞。"),
    ])
    assert ("Marco Lee 李文傑", "安排後備機喺機房接手", "2026-03-11") in items


def test_what_was_done_and_openers_are_not_part_of_the_task():
    items = _items([
        ("黃太", "阿傑，部 printer 搞成點？"),
        ("Marco Lee 李文傑", "部 printer 我檢查過，要換碳粉，我禮拜五前搵供應商報價。"),
        ("黃太", "Ivy，仲有一樣，你聽日就通知晒啲租戶。"),
    ])
    assert items == [("Marco Lee 李文傑", "換碳粉，搵供應商報價", "2026-03-13"), ("Ivy Chan 陳詩韻", "通知晒租戶", "2026-03-12")]


def test_agreeing_to_a_proposal_decides_it_and_a_reason_after_a_decision_does_not_unsay_it():
    out = _extract([
        ("Ivy Chan 陳詩韻", "聖誕不如加推企業禮品？"),
        ("黃太", "好，加推企業禮品。Ivy 你月尾之前出 catalogue。"),
        ("黃太", "係，決定咗用公開招標，唔好再搵以前嗰間，佢哋上次做得好差。"),
        ("黃太", "好，聽日中午之前要通知晒。"),
        ("Marco Lee 李文傑", "有家長想改去下晝。"),
    ])
    assert [d["text"] for d in out["decisions"]] == ["加推企業禮品", "決定咗用公開招標，唔好再搵以前嗰間"]
    assert [(a["owner"], a["task"]) for a in out["action_items"]] == [("Ivy Chan 陳詩韻", "出 catalogue")]


def test_handing_over_before_the_task_gives_what_follows_to_that_person():
    items = _items([("黃太", "呢樣交俾阿傑，禮拜二之前同保安公司 confirm。")])
    assert items == [("Marco Lee 李文傑", "同保安公司 confirm", "2026-03-17")]


def test_this_before_a_noun_says_which_one():
    out = _extract([("黃太", "好，呢個錢用維修基金，唔使等法團批。")])
    assert [d["text"] for d in out["decisions"]] == ["呢個錢用維修基金"]


def test_two_names_before_the_work_are_both_owners_and_you_all_is_the_group():
    items = _items([
        ("黃太", "Ivy 同阿傑禮拜五前交報告。"),
        ("黃太", "Ivy 同阿傑傾咗好耐。"),
        ("黃太", "你哋聽日交 timesheet。"),
        ("Ivy Chan 陳詩韻", "黃太，我哋部門聽日交預算。"),
    ])
    assert items[:3] == [("Ivy Chan 陳詩韻", "交報告", "2026-03-13"), ("Marco Lee 李文傑", "交報告", "2026-03-13"),
                         (None, "交 timesheet", "2026-03-12")]


def test_taking_over_the_task_just_given_moves_it_and_helping_does_not():
    def owner_after(reply):
        return _items([("黃太", "Ivy，你禮拜五前交報價。"), ("Marco Lee 李文傑", reply)])[0][0]

    assert owner_after("我接手啦，Ivy 太忙。") == "Marco Lee 李文傑"
    assert owner_after("份報價交俾我啦。") == "Marco Lee 李文傑"
    assert owner_after("I'll take it over.") == "Marco Lee 李文傑"
    assert owner_after("我幫 Ivy 做啦。") == "Marco Lee 李文傑"
    assert owner_after("我幫手。") == "Ivy Chan 陳詩韻"
    assert owner_after("份報價聽日交俾我啦，我幫你睇下。") == "Ivy Chan 陳詩韻"


def test_a_reason_said_before_is_not_what_a_fragment_means():
    items = _items([
        ("黃太", "阿傑，聽日觀塘同荃灣都有展覽，你派兩隊人。"),
        ("Marco Lee 李文傑", "已經排咗。不過荃灣嗰個同事今晚要通宵，可能好攰。"),
        ("黃太", "咁荃灣唔好派佢。阿傑，你今晚搞掂換人。"),
    ])
    assert all("通宵" not in task for _, task, _ in items)


def test_while_at_it_is_another_task_on_the_same_day():
    items = _items([("黃太", "Ivy，你聽日約家長見面，解釋清楚，順便將嗰幾份功課改好交返。")])
    assert items == [("Ivy Chan 陳詩韻", "約家長見面，解釋清楚", "2026-03-12"),
                     ("Ivy Chan 陳詩韻", "將幾份功課改好交返", "2026-03-12")]


def test_a_standing_rule_is_a_decision_and_a_refusal_to_act_is_no_task():
    out = _extract([
        ("黃太", "由下個月開始，零用現金每個月尾點一次數，點完由阿傑簽名。"),
        ("Marco Lee 李文傑", "冇證件嗰幾個，今日同聽日我都唔會俾佢哋入閘。"),
        ("Marco Lee 李文傑", "我聽日交報告，唔會遲。"),
    ])
    assert [d["text"] for d in out["decisions"]] == ["由下個月開始，零用現金每個月尾點一次數，點完由阿傑簽名"]
    assert [(a["owner"], a["task"]) for a in out["action_items"]] == [("Marco Lee 李文傑", "交報告")]


def test_a_pronoun_after_an_offer_declined_takes_what_the_statement_was_about():
    items = _items([
        ("黃太", "最後，年報入面啲銷售數字仲係九月嘅。"),
        ("Ivy Chan 陳詩韻", "要唔要我幫手拉數？"),
        ("黃太", "唔使，我自己搞，下個禮拜二前 update 好佢。"),
    ])
    assert items == [("黃太", "update 好年報入面啲銷售數字", "2026-03-17")]


def test_agreeing_to_a_proposal_put_to_the_room_decides_it():
    out = _extract([
        ("黃太", "零用現金嗰個，我建議由下個月開始，每個月尾點一次，點完由阿傑簽名。大家同唔同意？"),
        ("Marco Lee 李文傑", "同意，冇問題。"),
        ("黃太", "我哋下年轉用新系統，大家同唔同意？"),
        ("Ivy Chan 陳詩韻", "我同意。"),
    ])
    assert [d["text"] for d in out["decisions"]] == ["由下個月開始，每個月尾點一次，點完由阿傑簽名", "我哋下年轉用新系統"]
    assert out["action_items"] == []


def test_a_plan_b_and_an_ok_on_a_day_are_decisions():
    out = _extract([
        ("黃太", "如果禮拜三都未修好部投影機，晚會就轉去二號廳做，唔用大廳。"),
        ("Ivy Chan 陳詩韻", "篇稿後日交得唔得？"),
        ("黃太", "後日 OK，放禮拜日嘅副刊。"),
        ("Marco Lee 李文傑", "我覺得 OK，只要合約寫清楚。"),
        ("黃太", "如果你得閒，幫我睇下份報告。"),
    ])
    assert [d["text"] for d in out["decisions"]] == ["如果禮拜三都未修好部投影機，晚會就轉去二號廳做，唔用大廳",
                                                    "篇稿後日交：放禮拜日嘅副刊"]  # with what it answers


def test_each_person_addressed_keeps_their_own_work_in_asr_text_without_commas():
    items = _items([("黃太", "阿傑 你 聽日 交份報價 Ivy 你 下個禮拜一 整好份 slides")])
    assert items == [("Marco Lee 李文傑", "交報價", "2026-03-12"), ("Ivy Chan 陳詩韻", "整好 slides", "2026-03-16")]


def test_the_person_called_or_brought_along_is_not_the_owner():
    items = _items([
        ("Ivy Chan 陳詩韻", "我聽日 call 阿傑 問吓個 status。"),
        ("黃太", "阿傑帶埋 Ivy 聽日去見客。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12"), ("Marco Lee 李文傑", "2026-03-12")]
    assert "問吓" in items[0][1]


def test_handovers_said_other_ways_and_a_new_day_for_the_task_just_given():
    def item_after(*later):
        return _items([("黃太", "阿傑，你聽日交份報價。"), *later])

    assert item_after(("黃太", "改為 Ivy 交。")) == [("Ivy Chan 陳詩韻", "交報價", "2026-03-12")]
    assert item_after(("Marco Lee 李文傑", "我交俾 Ivy 跟啦。")) == [("Ivy Chan 陳詩韻", "交報價", "2026-03-12")]
    assert item_after(("Ivy Chan 陳詩韻", "我接手阿傑份報價。")) == [("Ivy Chan 陳詩韻", "交報價", "2026-03-12")]
    assert item_after(("Ivy Chan 陳詩韻", "I'll take over, Friday no problem.")) == [("Ivy Chan 陳詩韻", "交報價", "2026-03-12")]
    assert item_after(("黃太", "份報價延遲到下個禮拜二先交。")) == [("Marco Lee 李文傑", "交報價", "2026-03-17")]
    assert item_after(("黃太", "三樓落石屎延到下個禮拜。")) == [("Marco Lee 李文傑", "交報價", "2026-03-12")]


def test_a_counter_offer_from_the_person_asked_is_the_due_day():
    items = _items([("黃太", "阿傑，你聽日交份報價。"), ("Marco Lee 李文傑", "聽日唔得，禮拜一先得。"), ("黃太", "好啦。")])
    assert items == [("Marco Lee 李文傑", "交報價", "2026-03-16")]
    # asking for later (「遲啲得唔得？」) is no refusal: the 唔得 of 得唔得 turns nothing down
    later = _items([("黃太", "阿傑，你禮拜五前整好份報價。"), ("Marco Lee 李文傑", "遲啲得唔得？下個禮拜三。"), ("黃太", "好。")])
    assert later == [("Marco Lee 李文傑", "整好報價", "2026-03-18")]
    later = _items([("黃太", "Ivy，下個禮拜四前交 budget。"), ("Ivy Chan 陳詩韻", "禮拜四我唔得，遲啲得唔得？下個禮拜一。"), ("黃太", "都得。")])
    assert [o for o, _, _ in later] == ["Ivy Chan 陳詩韻"]  # 我唔得 with more time asked for: still hers


def test_the_new_owner_saying_only_when_it_will_be_done_gives_the_handed_over_task_that_day():
    items = _items([("黃太", "阿傑，你跟份保險合約。"), ("Marco Lee 李文傑", "我呢排好忙，本來係我跟，不過做唔切。"),
                    ("黃太", "咁改由 Ivy 跟。"), ("Ivy Chan 陳詩韻", "冇問題，我十八號前搞掂。")])
    assert items == [("Ivy Chan 陳詩韻", "跟進保險合約", "2026-03-18")]


def test_a_bare_cancellation_takes_back_the_task_just_given_but_declining_help_does_not():
    assert _items([("黃太", "Ivy，你聽日 call 供應商。"), ("黃太", "啊唔使做喇，佢哋頭先已經回覆咗。")]) == []
    assert _items([("黃太", "阿傑，你聽日交報價。"), ("Ivy Chan 陳詩韻", "使唔使我幫手？"), ("Marco Lee 李文傑", "唔使喇。")]) == [
        ("Marco Lee 李文傑", "交報價", "2026-03-12")]


def test_a_zone_said_in_a_cantonese_sentence_keeps_the_task_and_its_time():
    items = _items([("黃太", "阿傑聽日 3pm London time 前覆客。"), ("黃太", "Ivy 聽日 UK time 3pm 前 send 份 deck。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-12T23:00:00+08:00"),
                                              ("Ivy Chan 陳詩韻", "2026-03-12T23:00:00+08:00")]


def test_somebody_named_after_the_owner_declines_takes_the_task_over():
    declined = [("黃太", "Ivy，你後日去睇場地。"), ("Ivy Chan 陳詩韻", "後日我要出差喎。")]
    for go_ahead in ("咁阿傑你去啦。", "咁阿傑你去睇場地啦。"):
        assert _items([*declined, ("黃太", go_ahead)]) == [("Marco Lee 李文傑", "睇場地", "2026-03-13")]
    assert _items([*declined, ("黃太", "咁阿傑你禮拜一去啦。")]) == [("Marco Lee 李文傑", "睇場地", "2026-03-16")]
    # other work for somebody else is another task; without a refusal a new request takes nothing over
    assert [o for o, _, _ in _items([*declined, ("黃太", "咁阿傑你整份預算啦。")])] == [None, "Marco Lee 李文傑"]  # Ivy's: nobody's
    assert [o for o, _, _ in _items([declined[0], ("Ivy Chan 陳詩韻", "好。"), ("黃太", "阿傑你整份預算啦。")])] == [
        "Ivy Chan 陳詩韻", "Marco Lee 李文傑"]


def test_the_person_asked_saying_it_is_somebody_elses_moves_it():
    for reply in ("唔係我呀，係 Ivy 負責。", "唔係我跟㗎，係 Ivy 跟。"):
        assert _items([("黃太", "阿傑，你禮拜五前訂酒店。"), ("Marco Lee 李文傑", reply)]) == [
            ("Ivy Chan 陳詩韻", "訂酒店", "2026-03-13")]


def test_a_time_corrected_in_the_same_breath_is_the_due_time():
    for said in ("阿傑，你禮拜一前交份預算，唔係，禮拜二。", "阿傑，你禮拜一前交份預算，唔係唔係，應該係禮拜二前。",
                 "阿傑，你禮拜一前交份預算。唔係，禮拜二。"):
        assert _items([("黃太", said)]) == [("Marco Lee 李文傑", "交預算", "2026-03-17")], said
    # the asker keeping their day over a counter-offer
    assert _items([("黃太", "阿傑，你禮拜一前交份預算。"), ("Marco Lee 李文傑", "禮拜一唔得，禮拜二先得。"),
                   ("黃太", "唔得，一定要禮拜一。")]) == [("Marco Lee 李文傑", "交預算", "2026-03-16")]


def test_a_commitment_reported_for_somebody_is_theirs_and_a_department_is_chosen_on_the_page():
    assert _items([("黃太", "阿傑話佢聽日會 renew 個 SSL cert。")]) == [("Marco Lee 李文傑", "renew SSL cert", "2026-03-12")]
    assert _items([("黃太", "阿傑話佢上個禮拜已經 renew 咗個 SSL cert。")]) == []
    [item] = _extract([("黃太", "會計部禮拜五前要出埋糧單。")])["action_items"]
    assert item["owner"] is None and item["needs_review"] and "糧單" in item["task"]
    assert _items([("黃太", "HR 話下個月加人工。")]) == []


def test_a_thing_given_to_somebody_is_theirs_in_the_words_of_the_work():
    assert _items([("黃太", "份標書俾阿傑跟啦，禮拜五前。")]) == [("Marco Lee 李文傑", "跟進標書", "2026-03-13")]
    assert _items([("黃太", "我聽日 send 份標書俾阿傑跟進。")]) == [("黃太", "send 標書俾阿傑跟進", "2026-03-12")]
    assert _items([("黃太", "阿傑，你聽日交份標書。"), ("黃太", "份標書改由 Ivy 跟。")]) == [
        ("Ivy Chan 陳詩韻", "交標書", "2026-03-12")]


def test_a_vote_that_falls_is_recorded_as_fallen_and_an_objection_leaves_nothing_agreed():
    motion = ("黃太", "贊成聖誕聯歡改去郊外嘅請舉手。")
    assert _decisions([motion, ("黃太", "得三個人舉手，唔通過。")]) == ["聖誕聯歡改去郊外：唔通過"]
    assert _decisions([motion, ("黃太", "兩票贊成，四票反對。")]) == ["聖誕聯歡改去郊外：唔通過"]
    assert _decisions([motion, ("黃太", "五票贊成，一票反對。")]) == ["聖誕聯歡改去郊外"]
    proposal = ("黃太", "我哋下季轉用新嘅報銷系統，大家同唔同意？")
    assert _decisions([proposal, ("Ivy Chan 陳詩韻", "同意。"), ("Marco Lee 李文傑", "我反對，培訓要成個月。")]) == []
    assert _decisions([proposal, ("Ivy Chan 陳詩韻", "同意。"), ("Marco Lee 李文傑", "我都同意。")]) == ["我哋下季轉用新嘅報銷系統"]


def test_a_request_said_with_fillers_reasons_and_an_embedded_question_is_still_the_request():
    said = "咁呢，我覺得係咁，呢排啲客好多投訴，所以阿傑你呢，聽日之前呢，就幫我睇下個 server 嘅 error log 啦。"
    assert _items([("黃太", said)]) == [("Marco Lee 李文傑", "睇下 server 嘅 error log", "2026-03-12")]
    told = "Ivy，你今晚九點前一定要回覆嗰個客，講清楚我哋幾時可以送貨。"
    assert _items([("黃太", told)]) == [("Ivy Chan 陳詩韻", "回覆客，講清楚我哋幾時可以送貨", "2026-03-11T21:00:00+08:00")]
    # 「覆我」: the speaker is who is answered, not who answers
    assert _items([("黃太", "阿傑你跟返個 vendor，禮拜五前覆我。")]) == [("Marco Lee 李文傑", "跟返 vendor，覆黃太", "2026-03-13")]
    assert _items([("黃太", "我覺得唔可以再等，不過你哋禮拜五前要交晒報價。")])[0][1:] == ("交晒報價", "2026-03-13")


def test_answers_and_requests_said_the_usual_ways_keep_their_task():
    asked = ("黃太", "邊個可以聽日 book 會議室？")
    for answer in ("我啦。", "我得。"):
        assert _items([asked, ("Marco Lee 李文傑", answer)]) == [("Marco Lee 李文傑", "book 會議室", "2026-03-12")]
    assert _items([("黃太", "你哋邊個 book 咗會議室？"), ("Marco Lee 李文傑", "我啦。")]) == []  # done, not to do
    assert _items([("黃太", "阿傑你得唔得閒聽日 book 會議室？"), ("Marco Lee 李文傑", "得，冇問題。")]) == [
        ("Marco Lee 李文傑", "book 會議室", "2026-03-12")]
    assert _items([("Ivy Chan 陳詩韻", "阿傑，份標書你幾時交到？"), ("Marco Lee 李文傑", "聽日朝早。")])[0][2] == "2026-03-12"
    # the verb far from 你, a meeting as the limit, a second task for one of two people
    assert _items([("黃太", "阿傑你下個禮拜五之前同會計部對好數。")]) == [("Marco Lee 李文傑", "同會計部對好數", "2026-03-20")]
    assert _items([("黃太", "後日開會之前阿傑你要印好議程。")])[0][2] == "2026-03-13"
    both = _items([("黃太", "Ivy 同阿傑後日一齊去睇場地，Ivy 你負責影相。")])
    assert [(o, t) for o, t, _ in both] == [("Ivy Chan 陳詩韻", "一齊去睇場地"), ("Marco Lee 李文傑", "一齊去睇場地"), ("Ivy Chan 陳詩韻", "影相")]


def _rows(turns):
    return [(a["owner"], a["task"], a["deadline"], a["needs_review"]) for a in _extract(turns)["action_items"]]


def test_whoever_takes_over_a_task_its_owner_turned_down_is_its_owner_and_nobody_a_flag():
    asked = ("黃太", "Ivy，你禮拜五前執好個倉庫嘅存貨。")
    for no, then in [("嗰啲唔關我事喎。", ("黃太", "咁 IT 主任你跟啦。")),
                     ("我禮拜五請咗假。", ("黃太", "阿傑你 take over 啦。")),
                     ("我周五要出差，做不了。", ("黃太", "那阿傑你来做吧。")),
                     ("我真係太多嘢喇。", ("Marco Lee 李文傑", "得，我跟。"))]:
        assert _rows([asked, ("Ivy Chan 陳詩韻", no), then]) == [("Marco Lee 李文傑", "執好倉庫嘅存貨", "2026-03-13", False)], then
    assert _rows([asked, ("Ivy Chan 陳詩韻", "我禮拜五請咗假。"), ("黃太", "咁遲啲再算。")]) == [
        (None, "執好倉庫嘅存貨", "2026-03-13", True)]
    # a counter-offer declines nothing
    assert _rows([asked, ("Ivy Chan 陳詩韻", "禮拜五唔得喎，禮拜一先得。")]) == [("Ivy Chan 陳詩韻", "執好倉庫嘅存貨", "2026-03-16", False)]


def test_it_is_not_mine_said_with_a_particle_and_the_lead_saying_it_again_leave_one_task():
    turns = [("黃太", "Ivy，份標書你聽日交俾我。"), ("Ivy Chan 陳詩韻", "唔係我呀，係阿傑負責嘅。")]
    assert _items(turns) == [("Marco Lee 李文傑", "交標書俾黃太", "2026-03-12")]
    assert _items([*turns, ("黃太", "咁阿傑聽日交啦。")]) == [("Marco Lee 李文傑", "交標書俾黃太", "2026-03-12")]
    assert _items([("黃太", "Ivy，份標書禮拜五前交。唔係，我講錯，係阿傑交。")]) == [("Marco Lee 李文傑", "交標書", "2026-03-13")]


def test_cancelled_after_an_interjection_and_put_off_work_leave_no_task_and_no_alarm():
    out = _extract([("黃太", "阿傑，聽日訂多兩部 monitor。"), ("黃太", "哦，唔使喇，預算凍結咗，取消咗佢。")])
    assert out["action_items"] == [] and ["阿傑" not in d["text"] for d in out["decisions"]] == [True] * len(out["decisions"])
    rows = _extract([("黃太", "Ivy，唔使即刻做，下個月先整份 handbook。"), ("黃太", "阿傑，份 asset list 唔緊急，下個月交都得。")])
    assert [(a["task"], a["priority"]) for a in rows["action_items"]] == [("整 handbook", "app"), ("asset list 唔緊急，交都得", "app")]
    assert _items([("黃太", "Ivy，今日唔使做，聽日先 send 份 newsletter。")]) == [("Ivy Chan 陳詩韻", "send newsletter", "2026-03-12")]


def test_a_clock_corrected_the_asker_insisting_and_a_day_already_past():
    assert _items([("黃太", "阿傑，聽日三點前 send 份 minutes，唔係，五點。")])[0][2] == "2026-03-12T17:00:00+08:00"
    assert _items([("黃太", "阿傑，聽日三點前 send 份 minutes。唔係，五點。")])[0][2] == "2026-03-12T17:00:00+08:00"
    insisted = [("黃太", "阿傑，禮拜一前交 proposal 得唔得？"), ("Marco Lee 李文傑", "禮拜一唔得喎，禮拜二先得。"), ("黃太", "唔得，一定要禮拜一。")]
    assert _items(insisted)[0][2] == "2026-03-16"
    next_week = [("黃太", "Ivy，你下個禮拜四前交份 proposal。"), ("Ivy Chan 陳詩韻", "下個禮拜四我唔得，禮拜五得唔得？"), ("黃太", "唔得，一定要禮拜四。")]
    assert _items(next_week) == [("Ivy Chan 陳詩韻", "交 proposal", "2026-03-19")]  # the Thursday first asked, not this week's
    both = [*next_week[:2], ("黃太", "禮拜五都唔得，一定要禮拜四。")]  # the day turned down is said too: the one kept is last
    assert _items(both) == [("Ivy Chan 陳詩韻", "交 proposal", "2026-03-19")]
    assert _rows([("黃太", "阿傑，今個禮拜二前交份報告。")])[0][2:] == ("2026-03-10", True)  # said on a Wednesday


def test_people_outside_the_list_refusals_in_english_and_handovers_of_a_planned_task_keep_the_task():
    [item] = _extract([("黃太", "叫 Jason 禮拜五前覆晒啲客人 email。")])["action_items"]
    assert item["owner"] is None and item["needs_review"] and "Jason" in item["task"]
    [item] = _extract([("黃太", "Kenny 聽日交份 stock report。")])["action_items"]
    assert item["owner"] is None and item["needs_review"] and "stock report" in item["task"]
    english = [("黃太", "Ivy, can you renew the domain by Monday?"), ("Ivy Chan 陳詩韻", "Sorry, I'm on leave Monday."),
               ("黃太", "Marco, please do it then."), ("Marco Lee 李文傑", "Sure.")]
    assert _rows(english) == [("Marco Lee 李文傑", "renew the domain", "2026-03-16", False)]
    refused = _rows([("黃太", "Ivy，聽日交份預算得唔得？"), ("Ivy Chan 陳詩韻", "唔得，我聽日放假。")])
    assert refused == [(None, "交預算", "2026-03-12", True)]  # nobody's until somebody is named
    assert _items([("黃太", "個 VPN 升級原本係 Ivy 負責，而家交俾阿傑，下個禮拜三前。")]) == [
        ("Marco Lee 李文傑", "跟進 VPN 升級", "2026-03-18")]
    assert _items([("Priya Shah", "Marco 琴日話佢聽日會 send 份 invoice。")]) == [("Marco Lee 李文傑", "send invoice", "2026-03-12")]
    assert _items([("黃太", "邊個可以幫手聽日 cover 前台？"), ("Marco Lee 李文傑", "我得，我嚟啦。")]) == [
        ("Marco Lee 李文傑", "cover 前台", "2026-03-12")]
    assert _items([("Marco Lee 李文傑", "我禮拜五要去深圳，做唔切。")]) == []


def test_a_decision_put_off_after_an_objection_and_a_plan_asked_to_be_agreed():
    assert _decisions([("黃太", "咁就決定咗下個 quarter 轉用 Teams。"), ("Marco Lee 李文傑", "我反對，Teams 好難用。"),
                       ("黃太", "咁下次再傾。")]) == []
    assert _decisions([("黃太", "週年晚宴喺公司天台搞，大家同意嗎？"), ("Ivy Chan 陳詩韻", "同意。")]) == ["週年晚宴喺公司天台搞"]
    assert _decisions([("黃太", "不過要等老闆批先落實。")]) == []


def test_an_answer_that_says_yes_whatever_else_it_mentions_keeps_its_owner():
    asked = ("黃太", "Ivy，你聽日同業主傾下租約。")
    for yes in ("好，不過阿傑唔得閒幫我喎。", "好，不過佢哋話太平唔得，我再傾下。", "我下個禮拜放假，所以我聽日一定搞掂。"):
        assert _rows([asked, ("Ivy Chan 陳詩韻", yes)])[0][0] == "Ivy Chan 陳詩韻", yes
    english = [("黃太", "Marco, can you fix the login bug by tomorrow?"),
               ("Marco Lee 李文傑", "Sorry for the delay earlier, yes, I'll fix it by tomorrow.")]
    assert _rows(english) == [("Marco Lee 李文傑", "fix the login bug", "2026-03-12", False)]
    offered = [("黃太", "阿傑，聽日三點前交份報價得唔得？"), ("Marco Lee 李文傑", "三點唔得，五點得唔得？"), ("黃太", "好啦。")]
    assert _rows(offered) == [("Marco Lee 李文傑", "交報價", "2026-03-12T17:00:00+08:00", False)]
    assert _rows([("黃太", "阿傑，聽日換部 printer。"), ("Marco Lee 李文傑", "唔得呀，我聽日出差。"),
                  ("Ivy Chan 陳詩韻", "我得，我嚟啦。")])[0][0] == "Ivy Chan 陳詩韻"


def test_another_persons_leave_a_time_turned_down_and_nicknames_are_read_as_said():
    assert _items([("黃太", "Ivy 聽日放假，所以阿傑你聽日幫佢覆晒啲客人 email。")]) == [
        ("Marco Lee 李文傑", "覆晒客人 email", "2026-03-12")]
    assert _items([("黃太", "阿傑，唔係話聽日，係今日五點前交報價。")])[0][2] == "2026-03-11T17:00:00+08:00"
    assert _items([("黃太", "阿傑你跟埋 vendor，兩個禮拜內要見到份 schedule，唔係，兩個禮拜太遲，禮拜一之前。")])[0][2] == "2026-03-16"
    assert _items([("黃太", "Marco 哥，禮拜五前幫手換部電腦。")])[0][0] == "Marco Lee 李文傑"
    assert _items([("黃太", "詩韻，你聽日覆 email。")])[0][0] == "Ivy Chan 陳詩韻"
    assert _items([("黃太", "阿傑，禮拜一至禮拜三之間揀一日 visit site。")]) == [("Marco Lee 李文傑", "揀一日 visit site", "2026-03-18")]
    assert _decisions([("黃太", "決定咗：下個月起星期五 work from home。"), ("Ivy Chan 陳詩韻", "同意。"),
                       ("Marco Lee 李文傑", "我反對喺茶水間放微波爐，下次再傾。")]) == ["下個月起星期五 work from home"]


def test_work_said_around_a_meeting_or_overnight_and_a_quarter_already_begun():
    assert _items([("黃太", "阿傑，開完會即刻 send minutes。")]) == [("Marco Lee 李文傑", "send minutes", "2026-03-11")]  # after it: today
    assert _items([("黃太", "阿傑，聽日八點前開部冷氣。")]) == [("Marco Lee 李文傑", "開部冷氣", "2026-03-12T08:00:00+08:00")]
    assert _items([("黃太", "阿傑，Q1 之前完成 audit。")])[0][2] == "2026-03-31"  # Q1 has begun: by its end
    [item] = _extract([("黃太", "阿傑，今晚凌晨兩點前 run 完個 backup。")])["action_items"]
    assert (item["deadline"], item["priority"]) == ("2026-03-12T02:00:00+08:00", "call")  # tonight's work rings


def test_ordinary_meeting_talk_from_a_whole_meeting_read_right():
    # the owner proposing a stand-in the lead accepts; the asker offering another day to the one who declined
    assert _items([("黃太", "Ivy 你負責同消防處 confirm，月尾前。"), ("Ivy Chan 陳詩韻", "我下個禮拜放假喎，可唔可以叫阿傑幫我跟？"),
                   ("黃太", "好啦，咁阿傑跟啦。")]) == [("Marco Lee 李文傑", "同消防處 confirm", "2026-03-31")]
    assert _items([("黃太", "阿傑，你安排埋後備車，禮拜一之前 confirm 俾我。"), ("Marco Lee 李文傑", "禮拜一我可能唔喺度喎。"),
                   ("黃太", "咁你聽日畀我都得。"), ("Marco Lee 李文傑", "OK，聽日。")])[0][::2] == ("Marco Lee 李文傑", "2026-03-12")
    # a day turned down as a weekend, another offered and taken; Simplified text keeps the particle 吓
    said = [("黃太", "阿傑，你后日之前 check 吓有冇多啲帐篷借。"), ("Marco Lee 李文傑", "后日系礼拜六喎，我礼拜一话你知得唔得？"),
            ("黃太", "都得，礼拜一啦。")]
    assert _items(said) == [("Marco Lee 李文傑", "check 吓有冇多啲帳篷借", "2026-03-16")]
    # 最緊要 is no work under way; 俾 B 座全體住客 receive; 打多次 is work; an "otherwise" clause is no task
    assert _items([("黃太", "Ivy，最緊要今日五點前 send 份 cashflow 俾我。")])[0][0] == "Ivy Chan 陳詩韻"
    assert _items([("黃太", "Ivy，你出個通告俾 B 座全體住客，聽日貼出去。")])[0][0] == "Ivy Chan 陳詩韻"
    assert _items([("Ivy Chan 陳詩韻", "仲有一個客未覆，我今日收工前再打多次。")])[0][0] == "Ivy Chan 陳詩韻"
    assert "趕唔切" not in _items([("黃太", "阿傑，你禮拜六之前一定要叫業主揀好瓷磚，唔係趕唔切落單。")])[0][1]
    # a meeting arranged is its day, not the due day; an ASR question without a mark; 唔搞住 decides
    assert _items([("黃太", "阿傑，你約 client 下個禮拜二開 review meeting，今日 send invite。")])[0][2] == "2026-03-11"
    assert _items([("Ivy Chan 陳詩韻", "我想問吓 新同事嗰批 account 開咗未")]) == []
    out = _extract([("黃太", "阿傑，車牌識別嗰樣唔搞住。")])
    assert out["action_items"] == [] and [d["text"] for d in out["decisions"]] == ["車牌識別嗰樣唔搞住"]


def test_a_surname_and_title_the_list_never_gave_is_a_guess_to_check():
    untitled = [{**a, "aliases": ["Ivy"]} if a["name"].startswith("Ivy") else a for a in ATTENDEES]
    [item] = _extract([("黃太", "陳生聽日會交份設計圖。")], attendees=untitled)["action_items"]  # Mr Chan; the list has Ivy Chan
    assert item["owner"] == "Ivy Chan 陳詩韻" and item["needs_review"]
    # the list calls her 陳小姐: 陳生 is somebody else, not her
    assert all(i["owner"] != "Ivy Chan 陳詩韻" for i in _extract([("黃太", "陳生聽日會交份設計圖。")])["action_items"])
    [item] = _extract([("黃太", "陳小姐聽日會交份設計圖。")])["action_items"]  # the list calls her so
    assert item["owner"] == "Ivy Chan 陳詩韻" and not item["needs_review"]


def test_a_change_announced_then_somebody_asked_to_tell_people_is_a_decision_and_keeps_its_time():
    out = _extract([("黃太", "仲有 下個月一號開始 前台改做朝早九點半開 Ivy 你通知晒全公司")])
    assert [d["text"] for d in out["decisions"]] == ["下個月一號開始，前台改做朝早九點半開"]
    assert [(a["owner"], a["task"]) for a in out["action_items"]] == [("Ivy Chan 陳詩韻", "前台改做朝早九點半開，通知晒全公司")]


def test_an_answer_naming_who_takes_the_thing_the_question_named():
    assert _items([("Ivy Chan 陳詩韻", "咁 newsletter 邊個寫呀？"), ("黃太", "你寫啦 Ivy，下個禮拜一 first draft。")]) == [
        ("Ivy Chan 陳詩韻", "寫 newsletter first draft", "2026-03-16")]


def test_work_already_done_the_agenda_and_a_task_given_away_later_in_the_meeting():
    assert _items([("黃太", "Ivy 你即刻打俾 Canon 叫人上嚟整部影印機。"),
                   ("Ivy Chan 陳詩韻", "我頭先已經打咗，佢哋話下晝三點前會上嚟。")]) == []
    assert _items([("黃太", "阿傑，你今日同 vendor 開個 ticket。"), ("Marco Lee 李文傑", "Ticket 我上個禮拜已經開咗，今日再 follow 吓。")]) != []
    assert _items([("黃太", "Good morning 各位，今日主要講下個禮拜嗰個展覽同埋 staff party。")]) == []
    turns = [("黃太", "Ivy，年報你月尾之前交俾我。"), ("Marco Lee 李文傑", "我聽日 check 個 server。"),
             ("黃太", "好。"), ("Ivy Chan 陳詩韻", "黃太，年報嗰樣我手上太多嘢，可唔可以搵第二個同事跟？"),
             ("黃太", "咁好啦，改由 Priya 跟。")]
    assert [(o, d) for o, _, d in _items(turns)] == [("Priya Shah", "2026-03-31"), ("Marco Lee 李文傑", "2026-03-12")]
    insisted = [("黃太", "阿傑，你禮拜一前 submit 份 valuation 得唔得？"), ("Marco Lee 李文傑", "禮拜一有啲趕喎，不如禮拜二啦。"),
                ("黃太", "唔得，最遲禮拜一中午十二點。")]
    assert _items(insisted)[0][2] == "2026-03-16T12:00:00+08:00"
    [item] = _extract([("黃太", "最後提提大家復活節假之前要交 timesheet。")])["action_items"]
    assert item["owner"] is None and "timesheet" in item["task"]
    assert _items([("黃太", "阿傑，你下個工作天之前打返俾兩個客。"), ("Marco Lee 李文傑", "嗰兩單唔係我嘅客嚟喎，係 Ivy team 嘅。"),
                   ("Ivy Chan 陳詩韻", "係，我 team 嘅，我嚟跟啦。")])[0][0] == "Ivy Chan 陳詩韻"


def test_claiming_a_task_nobody_could_be_named_for_and_copying_in_the_asker():
    two_chans = [{"name": "Ivy Chan 陳詩韻"}, {"name": "Jenny Chan 陳珍妮"}, {"name": "黃太"}]
    out = _extract([("黃太", "陳小姐，聽日記得 book 定下星期 partner meeting 嘅會議室。"), ("Ivy Chan 陳詩韻", "我 book 啦。")],
                   attendees=two_chans)["action_items"]
    assert [a["owner"] for a in out] == ["Ivy Chan 陳詩韻"]
    assert _items([("黃太", "阿傑，你今晚 escalate 去 IT manager，抄送埋我。")]) == [
        ("Marco Lee 李文傑", "escalate 去 IT manager，抄送黃太", "2026-03-11")]
    assert _items([("黃太", "阿傑，第三期 valuation 做成點")]) == []


def test_a_first_step_said_in_answer_keeps_the_due_day_asked_for():
    out = _extract([("黃太", "阿傑你約 limo 公司下星期傾續約，三個工作天內俾個時間我。"), ("Marco Lee 李文傑", "好，我今日下晝打去問。")])
    assert [(a["deadline"], a["priority"]) for a in out["action_items"]] == [("2026-03-16", "app")]


def test_a_refusal_that_proposes_a_colleague_who_then_volunteers_and_a_question_asked_back():
    turns = [("黃太", "Ivy 你搵過第二間 supplier 報價，下星期二前俾我睇。"),
             ("Ivy Chan 陳詩韻", "下星期二我放假喎，我叫阿傑幫手得唔得？"), ("Marco Lee 李文傑", "得，我嚟搞，星期一交俾黃太。")]
    assert [(o, d) for o, _, d in _items(turns)] == [("Marco Lee 李文傑", "2026-03-16")]
    assert _items([("Ivy Chan 陳詩韻", "我想講吓，嗰隻止咳藥斷貨。")]) == []
    asked = [("Ivy Chan 陳詩韻", "咁要唔要貼通告通知病人？"), ("黃太", "要，Ivy 你負責，月尾之前貼好。")]
    assert "唔" not in _items(asked)[0][1]


def test_a_task_done_together_with_a_named_colleague_is_each_ones():
    assert [(o, t) for o, t, _ in _items([("黃太", "Ivy，你同阿傑一齊整理晒啲 closed files，月尾前。")])] == [
        ("Ivy Chan 陳詩韻", "整理晒 closed files"), ("Marco Lee 李文傑", "整理晒 closed files")]
    assert [o for o, _, _ in _items([("黃太", "Ivy 你聽日同阿傑傾下個 budget。")])] == ["Ivy Chan 陳詩韻"]  # with, not together


def test_a_request_said_as_the_speakers_wish_is_the_wanted_persons():
    # 「我想你…」, 「我希望 X…」, 「我要你份…」: the one wanted of does it, never the speaker
    assert _items([("黃太", "Ivy，我想你聽日之前整好份推廣計劃。")]) == [("Ivy Chan 陳詩韻", "整好推廣計劃", "2026-03-12")]
    assert [o for o, _, _ in _items([("黃太", "我希望阿傑禮拜五前裝好部 printer。")])] == ["Marco Lee 李文傑"]
    assert [o for o, _, _ in _items([("黃太", "阿傑，我要你份維修報告，禮拜五前交俾我。")])] == ["Marco Lee 李文傑"]


def test_a_proposal_that_names_nobody_asks_nothing_yet():
    assert _items([("Marco Lee 李文傑", "我建議改返用舊版本，新版本嘅 bug 太多，下個禮拜再升級。")]) == []
    assert [o for o, _, _ in _items([("黃太", "不如阿傑你聽日 check 吓個 firewall log。")])] == ["Marco Lee 李文傑"]
    assert [o for o, _, _ in _items([("Ivy Chan 陳詩韻", "不如我聽日打俾個客問吓。")])] == ["Ivy Chan 陳詩韻"]


def test_a_thing_said_before_its_doer_is_what_the_verb_acts_on():
    assert _items([("黃太", "阿傑，部 server 嘅 backup 你今晚做。")]) == [("Marco Lee 李文傑", "做 server 嘅 backup", "2026-03-11")]
    assert _items([("黃太", "Ivy，份新聞稿你幫我聽日 send 俾傳媒。")]) == [("Ivy Chan 陳詩韻", "send 新聞稿俾傳媒", "2026-03-12")]


def test_the_first_words_of_a_meeting_go_to_who_takes_them():
    assert _items([("黃太", "你聽日交份季度報告。"), ("Ivy Chan 陳詩韻", "好，冇問題。")]) == [
        ("Ivy Chan 陳詩韻", "交季度報告", "2026-03-12")]
    refused = _extract([("黃太", "你聽日交份季度報告。"), ("Ivy Chan 陳詩韻", "唔得呀，我聽日放假。")])["action_items"]
    assert [(a["owner"], a["needs_review"]) for a in refused] == [(None, True)]


def test_work_passed_on_to_somebody_away_is_theirs():
    # 「叫佢…」 after naming an attendee who is away: they do the work; where they are is no task or topic
    assert _items([("黃太", "阿傑今日冇嚟，Ivy 你叫佢聽日 check 埋個 firewall log。")]) == [
        ("Marco Lee 李文傑", "check firewall log", "2026-03-12")]
    # passing the word on (「我話返俾佢知」) is no task of its own
    assert [(o, d) for o, _, d in _items([("Ivy Chan 陳詩韻", "阿傑今日放假，我話返俾佢知，叫佢返嚟之後 update 個 wiki。")])] == [
        ("Marco Lee 李文傑", None)]


def test_me_after_an_english_verb_of_sending_is_who_receives():
    items = _items([("黃太", "Ivy，你今日 check 晒啲 invoice，聽朝十點前 email 我個結果。")])
    assert {o for o, _, _ in items} == {"Ivy Chan 陳詩韻"} and "email 黃太結果" in items[-1][1]
    assert items[-1][2] == "2026-03-12T10:00:00+08:00"


def test_the_next_in_line_in_a_summary_is_named_before_then():
    assert [(o, t) for o, t, _ in _items([("黃太", "Summary：Ivy 禮拜五前出 draft，阿傑之後 review。")])] == [
        ("Ivy Chan 陳詩韻", "出 draft"), ("Marco Lee 李文傑", "review")]


def test_the_asker_taking_a_task_back():
    assert _items([("黃太", "阿傑你聽日覆個記者……唔係，我自己覆。")]) == [("黃太", "覆記者", "2026-03-12")]
    out = _extract([("黃太", "阿傑你聽日覆個記者……唔係，你係 IT，唔關你事。")])["action_items"]
    assert [(a["owner"], a["needs_review"]) for a in out] == [(None, True)]
    # a correction of when after the same pause still corrects the day
    assert _items([("黃太", "阿傑你禮拜五前交報價……唔係，禮拜四。")]) == [("Marco Lee 李文傑", "交報價", "2026-03-12")]


def test_a_correction_with_its_reason_and_one_of_who_in_the_same_sentence():
    # 2026-03-11 is a Wednesday: 下個禮拜一 is 03-16, the Tuesday after it 03-17
    assert _items([("Ivy Chan 陳詩韻", "我下個禮拜一交 report，唔係，禮拜一我要去深圳，禮拜二先交。")]) == [
        ("Ivy Chan 陳詩韻", "交 report", "2026-03-17")]
    assert _items([("黃太", "阿傑你禮拜五前交報價，唔係，Ivy 交。")]) == [("Ivy Chan 陳詩韻", "交報價", "2026-03-13")]


def test_an_opening_that_names_todays_topics_to_nobody_is_no_task():
    assert _items([("黃太", "Hello 各位，今日傾吓復活節假期嘅排班同 IT 嘅 budget。")]) == []
    assert [o for o, _, _ in _items([("黃太", "Ivy 你今日講吓個推廣計劃俾阿傑聽。")])] == ["Ivy Chan 陳詩韻"]


def test_a_named_month_with_its_end_middle_or_start():
    # said on 2026-12-22: 一月尾 is next year's; 十二月中 this one's (past days are flagged, not moved)
    assert [d for _, _, d in _items([("黃太", "阿傑，你一月尾之前 book 好會議室。")], date="2026-12-22")] == ["2027-01-31"]
    assert [d for _, _, d in _items([("黃太", "阿傑，你九月中之前裝好新 server。")], date="2026-03-11")] == ["2026-09-15"]


def test_then_i_will_and_the_due_time_somebody_else_gives_it():
    assert _items([("黃太", "邊個通知供應商？"), ("Ivy Chan 陳詩韻", "咁我通知供應商。"), ("黃太", "好，禮拜五之前通知晒。")]) == [
        ("Ivy Chan 陳詩韻", "通知供應商", "2026-03-13")]


def test_the_draft_said_in_answer_is_the_work_asked_for():
    assert _items([("黃太", "Ivy，年報嘅市場部分你寫。"), ("Ivy Chan 陳詩韻", "我下個禮拜一之前寫好初稿。")]) == [
        ("Ivy Chan 陳詩韻", "寫年報嘅市場部分", "2026-03-16")]
    assert len(_items([("黃太", "阿傑你聽日交報價。"), ("Marco Lee 李文傑", "好，我聽日交埋合約。")])) == 2


def test_a_later_time_the_asker_concedes_by_name():
    assert [d for _, _, d in _items([("黃太", "阿傑你下個禮拜三之前裝好部 printer。"), ("Marco Lee 李文傑", "可能要改禮拜四。"),
                                      ("黃太", "禮拜四都得。")])] == ["2026-03-19"]


def test_work_split_between_two_named_people_is_each_ones():
    assert [(o, t, d) for o, t, d in _items([("黃太", "啲 backlog 就 Ivy 同阿傑一人一半，月尾前清晒。")])] == [
        ("Ivy Chan 陳詩韻", "清晒 backlog", "2026-03-31"), ("Marco Lee 李文傑", "清晒 backlog", "2026-03-31")]


def test_english_requests_and_answers_as_said_in_hong_kong_meetings():
    asked = [("黃太", "Priya, can you pull the trade records for those accounts?"),
             ("Priya Shah", "Sure. I'll have the extract ready by Wednesday noon.")]
    assert _items(asked) == [("Priya Shah", "pull the trade records for those accounts", "2026-03-18T12:00:00+08:00")]
    # "latest" is no verb ("test" inside it), the answer only says when
    assert _items([("黃太", "Priya, please send me the deck."), ("Priya Shah", "Latest by this Friday.")]) == [
        ("Priya Shah", "send 黃太 the deck", "2026-03-13")]
    assert [t for _, t, _ in _items([("Ivy Chan 陳詩韻", "社署嗰邊我下個禮拜一 report。")])] == ["report 社署"]
    assert _items([("Ivy Chan 陳詩韻", "份 report 好多錯。")]) == []


def test_two_times_for_one_task_and_a_measuring_verb():
    assert [t for _, t, _ in _items([("黃太", "阿傑，你今晚十點同凌晨兩點各 check 一次 server log。")])] == ["各 check 一次 server log"]
    assert [t for _, t, _ in _items([("黃太", "Ivy，你聽朝九點前量埋全部病人嘅血壓。")])] == ["量全部病人嘅血壓"]


def test_a_recap_at_the_end_repeats_tasks_and_fills_a_missing_day():
    turns = [("黃太", "阿傑，新 server 嘅 firewall rules 你 set 好佢。"), ("Marco Lee 李文傑", "冇問題。"),
             ("Ivy Chan 陳詩韻", "我聽日 send 推廣計劃俾黃太。"), ("黃太", "好，我總結一下。"),
             ("黃太", "阿傑禮拜五前 set 好 firewall rules，Ivy 聽日交推廣計劃，阿傑月尾前再出一份 security report。")]
    assert _items(turns) == [("Marco Lee 李文傑", "set 好新 server 嘅 firewall rules", "2026-03-13"),
                             ("Ivy Chan 陳詩韻", "send 推廣計劃俾黃太", "2026-03-12"),
                             ("Marco Lee 李文傑", "再出 security report", "2026-03-31")]


def test_if_anything_is_no_question_and_a_limit_said_apart_from_when_one_is_free():
    assert [(o, d) for o, _, d in _items([("黃太", "阿傑，你今晚十點前 restart 部 server，有咩唔妥即刻打俾我。")])] == [
        ("Marco Lee 李文傑", "2026-03-11T22:00:00+08:00")]
    assert _items([("Ivy Chan 陳詩韻", "我今日下晝三點之後先得閒，點完倉六點前 send 張表俾黃太。")]) == [
        ("Ivy Chan 陳詩韻", "點完倉 send 表俾黃太", "2026-03-11T18:00:00+08:00")]


def test_told_through_somebody_after_they_are_back():
    assert _items([("黃太", "阿傑返嚟之後叫佢同供應商傾，四月十五號前搞掂。")]) == [("Marco Lee 李文傑", "完成同供應商傾", "2026-04-15")]


def test_the_thing_then_you_do_it_and_an_english_noun_is_no_stranger():
    # 「Notice 你搞」 answers who changes the notice raised just before: Notice is a thing, not a person
    turns = [("Marco Lee 李文傑", "咁要改門口個 notice。"), ("黃太", "Notice 你搞，月尾之前貼好。")]
    assert [(o, d) for o, _, d in _items(turns)] == [("Marco Lee 李文傑", "2026-03-31")]
    assert [o for o, _, _ in _items([("Marco Lee 李文傑", "印表機又壞咗。"), ("黃太", "呢樣你跟。")])] == ["Marco Lee 李文傑"]


def test_a_wish_without_a_time_and_the_asker_saying_the_same_task_again():
    assert _items([("Ivy Chan 陳詩韻", "我想加多個 promotion 喺第三期。"), ("黃太", "budget 唔夠，唔加住。")]) == []
    turns = [("黃太", "Ivy，你整理埋推廣嘅 budget，星期五五點前俾我。"), ("Ivy Chan 陳詩韻", "星期五我放假喎，可唔可以星期一先？"),
             ("黃太", "唔得呀，星期一要報俾老闆。咁你今晚十點前 send 俾我啦。")]
    assert [(o, d) for o, _, d in _items(turns)] == [("Ivy Chan 陳詩韻", "2026-03-11T22:00:00+08:00")]


def test_a_colleagues_own_help_is_no_stand_in_and_the_asker_gives_the_task_back():
    turns = [("黃太", "Ivy，個客投訴嘅 written response，你聽日寫個初稿。"),
             ("Ivy Chan 陳詩韻", "嗰個客唔係我跟嘅，個 call log 喺阿傑嗰度。"), ("Marco Lee 李文傑", "Call log 我有，我今日 send 俾 Ivy。"),
             ("黃太", "咁初稿都係 Ivy 你寫，阿傑 support 你。")]
    assert sorted((o, d) for o, _, d in _items(turns)) == [("Ivy Chan 陳詩韻", "2026-03-12"), ("Marco Lee 李文傑", "2026-03-11")]


def test_at_once_if_it_happens_is_no_due_day_and_passing_word_on_is_no_task():
    out = _extract([("黃太", "如果再有客投訴，阿傑你即刻通知保險公司。")])["action_items"]
    assert [(a["owner"], a["deadline"]) for a in out] == [("Marco Lee 李文傑", None)]
    said = [("Ivy Chan 陳詩韻", "阿傑今日去咗深圳，我話返俾佢知。份 proposal 我今晚整理好 send 俾佢。")]
    assert [(o, d) for o, _, d in _items(said)] == [("Ivy Chan 陳詩韻", "2026-03-11")]


def test_the_askers_latest_day_moves_an_offered_one_earlier():
    turns = [("Marco Lee 李文傑", "我下個禮拜三之前可以出 server 嘅 upgrade plan。"), ("黃太", "最遲禮拜五。")]
    assert [d for _, _, d in _items(turns)] == ["2026-03-13"]


def test_an_english_noun_before_i_is_no_verb_of_sending():
    # 「portal brief 我自己跟」: brief is the thing, 我 the one doing it
    assert _items([("黃太", "Ivy 今晚 send roster，portal brief 我自己跟。")]) == [
        ("Ivy Chan 陳詩韻", "send roster", "2026-03-11"), ("黃太", "跟 portal brief", None)]


def test_asking_somebody_by_name_to_do_it_and_a_colleague_proposed_instead():
    assert _items([("黃太", "我會叫阿傑聽日 update 個 antivirus。")]) == [("Marco Lee 李文傑", "update antivirus", "2026-03-12")]
    assert [(o, d) for o, _, d in _items([("黃太", "叫阿傑聽朝十點前 call 返個供應商。")])] == [
        ("Marco Lee 李文傑", "2026-03-12T10:00:00+08:00")]
    turns = [("黃太", "Ivy 你跟進，禮拜五前落訂。"), ("Ivy Chan 陳詩韻", "禮拜五我返大陸公幹，不如阿傑幫我落訂？"),
             ("Marco Lee 李文傑", "都得，我開張支票俾佢。")]
    assert [(o, d) for o, _, d in _items(turns)] == [("Marco Lee 李文傑", "2026-03-13")]
    asked = [("黃太", "Ivy 你打返俾陳太解釋吓，禮拜五五點前。"), ("Ivy Chan 陳詩韻", "不如阿傑打？")]
    assert [(a["owner"], a["needs_review"]) for a in _extract(asked)["action_items"]] == [(None, True)]
    assert [o for o, _, _ in _items([*asked, ("Marco Lee 李文傑", "我打都得。")])] == ["Marco Lee 李文傑"]


def test_a_name_said_last_a_range_of_times_and_a_day_said_before_the_person():
    assert [o for o, _, _ in _items([("黃太", "呢份合約你跟，Ivy。")])] == ["Ivy Chan 陳詩韻"]
    assert _items([("黃太", "Could you update the budget sheet by Friday, Priya?")]) == [
        ("Priya Shah", "update the budget sheet", "2026-03-13")]
    assert [(o, d) for o, _, d in _items([("黃太", "阿傑聽日下晝兩點到四點之間打俾客。")])] == [
        ("Marco Lee 李文傑", "2026-03-12T16:00:00+08:00")]
    assert _items([("黃太", "九月中之前 Ivy 要搞掂審計。")]) == [("Ivy Chan 陳詩韻", "完成審計", "2026-09-15")]


def test_the_asker_taking_it_back_a_turn_later_and_corrections_said_with_an_interjection():
    assert _items([("黃太", "Ivy 你覆返封 email 啦。"), ("Ivy Chan 陳詩韻", "好。"), ("黃太", "唔係，我自己覆。")]) == [
        ("黃太", "覆返封 email", None)]
    assert [d for _, _, d in _items([("黃太", "阿傑聽日打俾個客，啊唔係，後日先打。")])] == ["2026-03-13"]
    # 「第一時間」 is at once, not one o'clock
    assert [d for _, _, d in _items([("黃太", "阿傑，份 budget 你聽日朝早第一時間 send 俾我。")])] == ["2026-03-12"]


def test_i_will_with_a_time_and_i_will_find_someone():
    assert _items([("黃太", "邊個可以幫手整個 demo？"), ("Marco Lee 李文傑", "我嚟啦，禮拜五前。")]) == [
        ("Marco Lee 李文傑", "整 demo", "2026-03-13")]
    assert [o for o, _, _ in _items([("Ivy Chan 陳詩韻", "部 printer 壞咗。"), ("Marco Lee 李文傑", "咁我搵人嚟整，禮拜五前。")])] == [
        "Marco Lee 李文傑"]
    someone = _extract([("黃太", "聽日搵人嚟整部 printer。")])["action_items"]
    assert [(a["owner"], a["needs_review"]) for a in someone] == [(None, True)]


def test_a_surname_and_title_for_a_chinese_name_is_a_guess_to_check():
    people = [{"name": "何志強"}, {"name": "李美華"}, {"name": "黃太"}]
    out = _extract([("黃太", "何生，你下個禮拜一前 send 份市場分析俾我。")], attendees=people)["action_items"]
    assert [(a["owner"], a["needs_review"]) for a in out] == [("何志強", True)]


def test_what_others_said_is_no_task():
    assert _items([("Ivy Chan 陳詩韻", "得，不過 DG declaration 我要等 shipping line 俾返份新嘅先，佢哋話今晚會 send。")]) == []
    assert _items([("黃太", "IT 話清明之後先有人上嚟換。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "但係 main con 嗰邊 send 咗 email，話禮拜五佢哋會統一同全部新工人做 induction。")]) == []
    assert [o for o, _, _ in _items([("黃太", "阿傑，你話俾客知我哋聽日先出貨。")])] == ["Marco Lee 李文傑"]


def test_counter_offers_said_flat_and_the_asker_moving_the_day_without_a_name():
    turns = [("黃太", "Ivy，份 brochure 聽日交得唔得？"), ("Ivy Chan 陳詩韻", "聽日唔得，下個禮拜一啦。"), ("黃太", "好啦。")]
    assert [(o, d) for o, _, d in _items(turns)] == [("Ivy Chan 陳詩韻", "2026-03-16")]
    turns = [("黃太", "Ivy，份 mockup 禮拜一交啦。"), ("Ivy Chan 陳詩韻", "禮拜一公司放假喎。"), ("黃太", "啊係，咁禮拜二先交。")]
    assert [(o, d) for o, _, d in _items(turns)] == [("Ivy Chan 陳詩韻", "2026-03-17")]
    # 「俾個報價我睇」: 我 receives; the one asked does both
    assert {o for o, _, _ in _items([("黃太", "阿傑，你問吓啲 van 公司，禮拜四前俾個報價我睇。")])} == {"Marco Lee 李文傑"}


def test_more_english_as_said_and_a_month_before():
    assert _items([("黃太", "Ivy, can you take care of the banner?"), ("Ivy Chan 陳詩韻", "Sure, latest by next Wednesday.")]) == [
        ("Ivy Chan 陳詩韻", "take care of the banner", "2026-03-18")]
    assert _items([("黃太", "Let's all review the draft before next Monday.")]) == [(None, "review the draft", "2026-03-16")]
    assert _items([("黃太", "阿傑十二月前要完成系統升級。")]) == [("Marco Lee 李文傑", "完成系統升級", "2026-11-30")]


def test_a_request_ending_in_finding_out_and_a_colleague_asked_to_help_who_agrees():
    turns = [("黃太", "Ivy，你清明之後第一個工作天跟返 IT，睇吓佢哋幾時換。")]
    assert [(o, d) for o, _, d in _items(turns)] == [("Ivy Chan 陳詩韻", "2026-04-08")]
    assert [o for o, _, _ in _items([(turns[0][0], turns[0][1].replace("。", "？"))])] == ["Ivy Chan 陳詩韻"]
    turns += [("Ivy Chan 陳詩韻", "清明之後嗰個禮拜我放大假喎。阿傑可唔可以幫我跟？"),
              ("Marco Lee 李文傑", "我夜班㗎喎……咁好啦，我留個 message 俾 IT。")]
    assert [o for o, _, _ in _items(turns)] == ["Marco Lee 李文傑"]


def test_a_recap_as_asr_writes_it_gives_each_name_its_own_work():
    said = "Ivy 後日 改完 份 proposal 阿傑 今晚 出 系統 通告 黃太 下礼拜三 之前 约齐 供应商"
    assert _items([("Priya Shah", said)]) == [("Ivy Chan 陳詩韻", "改完 proposal", "2026-03-13"),
                                              ("Marco Lee 李文傑", "出系統通告", "2026-03-11"),
                                              ("黃太", "約齊供應商", "2026-03-18")]


def test_days_counted_from_something_still_to_come_give_no_due_day():
    out = _items([("黃太", "Ivy 你再催佢，收到報價之後三個工作天內做好 assessment 俾我。")])
    assert [(o, d) for o, _, d in out] == [("Ivy Chan 陳詩韻", None)]
    assert _items([("Marco Lee 李文傑", "收到名單之後我兩個工作天內出 roster。")]) == [("Marco Lee 李文傑", "收到名單之後出 roster", None)]
    assert [d for _, _, d in _items([("黃太", "Ivy 你三個工作天內做好 assessment 俾我。")])] == ["2026-03-16"]


def test_choosing_one_postponing_while_still_asking_and_deciding_later_is_no_decision():
    decided = _extract([("黃太", "兩間到會都唔錯。"), ("黃太", "咁揀八十蚊嗰間啦。Ivy 你跟進，月尾前落訂。")])["decisions"]
    assert [d["text"] for d in decided] == ["揀八十蚊嗰間"]
    put_off = _extract([("黃太", "算啦，deep clean 押後到聖誕之後，但係都係阿傑你搞。")])["decisions"]
    assert ["押後" in d["text"] for d in put_off] == [True]
    assert _extract([("黃太", "預算未必夠，等 Ivy 出咗收支表再決定。")])["decisions"] == []


def test_a_commitment_reported_through_a_pronoun_and_working_days_after_a_festival():
    said = [("黃太", "呢個 issue 我同 Ivy 講咗，佢話佢今晚八點前會處理。")]
    assert [(o, d) for o, _, d in _items(said)] == [("Ivy Chan 陳詩韻", "2026-03-11T20:00:00+08:00")]
    assert _items([("黃太", "我問咗 Ivy，佢話佢已經搞掂咗。")]) == []
    assert [d for _, _, d in _items([("黃太", "阿傑勞動節之後嘅下一個工作天 update 系統。")])] == ["2026-05-04"]
    assert [d for _, _, d in _items([("黃太", "Ivy 聖誕假期之後第一個工作天結數。")])] == ["2026-12-28"]
    # 「放聖誕假之前」: taking the days off is part of when, not of the work
    assert _items([("黃太", "Ivy，你放聖誕假之前 send 埋份報告。")], date="2026-11-11") == [("Ivy Chan 陳詩韻", "send 報告", "2026-12-24")]


def test_what_somebody_told_will_do_is_theirs_or_nobodys_never_the_speakers():
    told = [("黃太", "Ivy，我同阿傑講咗，佢聽日會覆你。"), ("黃太", "Ivy 你禮拜五之前交份報價俾客。")]
    assert sorted((o, d) for o, _, d in _items(told)) == [("Ivy Chan 陳詩韻", "2026-03-13"), ("Marco Lee 李文傑", "2026-03-12")]
    assert _items([("黃太", "我問咗業主，佢禮拜五會俾答覆。")]) == []
    said = [("Ivy Chan 陳詩韻", "我同阿傑講咗，佢話冇問題，禮拜五之前會搞掂。")]
    assert [(o, d) for o, _, d in _items(said)] == [("Marco Lee 李文傑", "2026-03-13")]
    said = [("Ivy Chan 陳詩韻", "我同阿傑講咗，佢話禮拜五之前會 send 份報告俾你。")]
    assert [(o, d) for o, _, d in _items(said)] == [("Marco Lee 李文傑", "2026-03-13")]
    assert [o for o, _, _ in _items([("Ivy Chan 陳詩韻", "我問咗供應商，佢禮拜五之前會 send 份報價俾你。")])] != ["Ivy Chan 陳詩韻"]
    assert [(o, d) for o, _, d in _items([("黃太", "我問咗業主，我禮拜五會覆返你。")])] == [("黃太", "2026-03-13")]


def test_a_new_day_for_other_work_moves_no_task_that_only_shares_a_time_word():
    turns = [("Ivy Chan 陳詩韻", "份 data 喺阿傑度，佢話過今個星期 upload 上 server。"),
             ("黃太", "咁我同客講延期一個星期，回覆改為十七號交。")]
    assert sorted((o, d) for o, _, d in _items(turns)) == [("Marco Lee 李文傑", "2026-03-13"), ("黃太", "2026-03-17")]


def test_cannot_follow_it_turns_a_task_down_and_a_volunteer_keeps_its_words():
    turns = [("黃太", "Ivy，你聽日五點前出新聞稿。"), ("Ivy Chan 陳詩韻", "我聽日返深圳，跟唔到。")]
    out = _extract(turns)["action_items"]
    assert [(a["owner"], a["needs_review"]) for a in out] == [(None, True)]
    assert _items([*turns, ("Marco Lee 李文傑", "咁我跟，聽日五點前出。")]) == [
        ("Marco Lee 李文傑", "出新聞稿", "2026-03-12T17:00:00+08:00")]


def test_a_team_named_in_a_recap_a_task_called_off_by_name_and_a_colleague_told_by_the_decliner():
    assert [(o, t) for o, t, _ in _items([("黃太", "好，總結：Ivy 今日覆客，阿傑 team 下星期五交 adjuster 報告。")])][1][0] == \
        "Marco Lee 李文傑"
    assert _items([("黃太", "Ivy, can you draft one today?"), ("黃太", "算啦，Ivy 唔使做。")]) == []
    turns = [("黃太", "Ivy，份報告你 send 俾 Priya 計數。"), ("Ivy Chan 陳詩韻", "唔係我出㗎，阿傑你 forward 俾 Priya 啦。"),
             ("Marco Lee 李文傑", "OK，我今日 forward。")]
    assert [o for o, _, _ in _items(turns)] == ["Marco Lee 李文傑"]
    asked = [("黃太", "阿傑，你約 surveyor 下星期二之前出報告。"), ("Marco Lee 李文傑", "不如俾 Ivy 跟？")]
    assert [(a["owner"], a["needs_review"]) for a in _extract(asked)["action_items"]] == [(None, True)]


def test_raising_an_issue_opening_remarks_and_an_english_team_promise_moved_by_the_asker():
    assert _items([("Ivy Chan 陳詩韻", "黃太，會計部想提一提，上個月有三間分店嘅數對唔埋。")]) == []
    assert _items([("黃太", "各位，今日 site meeting 講吓外牆棚架，同埋國慶後落石屎。")]) == []
    turns = [("黃太", "Priya, the tenders?"), ("Priya Shah", "My team will submit both by Friday."),
             ("黃太", "Friday is too late. Make it Thursday.")]
    assert _items(turns) == [("Priya Shah", "submit both", "2026-03-12")]


def test_an_english_word_holding_a_verb_is_no_request():
    # "test" in "latest", "set" in "asset": a Latin verb starts a word wherever a request is looked for
    from assistant.extract.cues import YOU_REQUEST
    assert not YOU_REQUEST.search("你 latest 嗰份 asset list")
    assert YOU_REQUEST.search("你聽日 test 吓個 app")


def test_where_somebody_is_gives_no_due_day_and_a_promise_said_again_with_a_day_is_one_task():
    # 2026-03-11 is a Wednesday: 下個禮拜三 is 2026-03-18, 今個禮拜 would be this week
    items = _items([
        ("黃太", "宣傳稿仲差老闆一句 quote，點算？"),
        ("Ivy Chan 陳詩韻", "咁我去問老闆攞 quote，佢今個禮拜喺新加坡。下個禮拜三之前我攞到俾你。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-18")]
    assert "新加坡" not in items[0][1] and "quote" in items[0][1]


def test_a_yes_to_a_should_we_question_makes_what_was_asked_the_work():
    [(owner, task, deadline)] = _items([
        ("Ivy Chan 陳詩韻", "IG 嗰邊，上個 post 反應好好，要唔要再整個 reel？"),
        ("黃太", "整，不過唔好用客人個樣。阿傑你搞，禮拜五前要出。"),
    ])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13")
    assert "reel" in task


def test_before_a_public_holiday_is_that_day_as_before_a_weekday_and_before_its_days_off_the_last_working_day():
    # 2027-05-01 (Labour Day) is a Saturday, 2027-07-01 a Thursday, 2027-01-01 a Friday
    said = {"五一前": ("2027-04-16", "2027-05-01"), "七一之前": ("2027-06-04", "2027-07-01"),
            "元旦前": ("2026-12-17", "2027-01-01"), "五一假前": ("2027-04-16", "2027-04-30")}
    for phrase, (meeting, due) in said.items():
        assert [d for _, _, d in _items([("黃太", f"Ivy，你{phrase}交份報告。")], date=meeting)] == [due], phrase


def test_a_time_said_again_after_that_is_and_a_clock_on_the_speakers_side():
    # 2026-03-11 is a Wednesday; Priya is in London (GMT in March): 22:00 there is 06:00 the next day here
    assert _items([("黃太", "阿傑，報價你放假前搞掂，即係下個禮拜三。")])[0][2] == "2026-03-18"
    assert _items([("黃太", "Ivy，佛誕前兩日，即係禮拜五之前 send 份 menu 俾我。")])[0][2] == "2026-03-13"
    [(owner, task, due)] = _items([("Priya Shah", "喺我呢邊聽日夜晚十點前我 email 份授權書俾黃太。")])
    assert (owner, due) == ("Priya Shah", "2026-03-13T06:00:00+08:00") and "呢邊" not in task
    assert _items([("黃太", "Ivy，你喺我呢邊聽日夜晚十點前 email 份授權書俾 Priya。")])[0][2] == "2026-03-12T22:00:00+08:00"


def test_going_on_leave_for_a_week_is_no_task():
    assert _items([("Ivy Chan 陳詩韻", "其實我下個禮拜四開始放一個禮拜假，之前一早批咗。")]) == []


def test_i_will_first_after_calling_off_anothers_work_is_the_speakers():
    items = _items([("黃太", "係，Ivy 你唔使 format 住，我問清楚資產登記嗰邊先。")])
    assert [o for o, _, _ in items] == ["黃太"] and "資產登記" in items[0][1]
    assert _items([("黃太", "好，我先講排更，跟住到 Ivy。")]) == []


def test_a_voice_thanked_by_name_is_that_person():
    turns = [
        ("S1", "早晨，我係黃太。倉務嗰邊點？"),
        ("S2", "咁我今晚收工前整一個後備嘅送貨排程，以防萬一。"),
        ("S1", "好，唔該阿傑。"),
    ]
    assert [(o, d) for o, _, d in _items(turns)] == [("Marco Lee 李文傑", "2026-03-11")]


def test_a_voice_called_by_name_without_commas_is_the_one_who_answers():
    turns = [
        ("S1", "早晨 我係黃太"),
        ("S1", "蓮蓉餡要另外訂 阿傑 你幫我落單 下個禮拜一之前要到貨"),
        ("S2", "好 我今日落單"),
        ("S2", "咁我今晚之前再打去催供應商"),
    ]
    assert {o for o, _, _ in _items(turns)} == {"Marco Lee 李文傑"}


def test_a_month_just_gone_a_prohibition_a_busy_week_and_sign_offs_are_no_tasks():
    # 2026-03-11: 「一月尾」 is the one just gone, not January 2027
    assert _items([("Ivy Chan 陳詩韻", "係一月尾嗰幾日，嗰陣阿傑放假，我同新同事開，可能佢唔知要簽。")]) == []
    assert _items([("黃太", "阿傑，你先唔好同啲客講住。")]) == []
    busy = [("黃太", "阿傑，你寫封信俾銀行，寫好俾 Ivy check。"), ("Ivy Chan 陳詩韻", "我呢個禮拜要上庭兩日，未必有時間 check。")]
    assert [o for o, _, _ in _items(busy)] == ["Marco Lee 李文傑"]
    assert _items([("黃太", "好，今日到此為止，大家出去搵食。")]) == []
    assert _items([("黃太", "OK，下個禮拜五再 review，大家 weekend 開心。")]) == []
    assert _items([("黃太", "我講少少先，個 launch 本來話下個禮拜三。")]) == []


def test_a_stand_in_named_a_few_turns_after_the_refusal_takes_the_task_with_the_corrected_day():
    turns = [
        ("黃太", "阿傑，你下個禮拜一前設計好張推廣單張。"),
        ("Marco Lee 李文傑", "黃太，我呢兩個禮拜要做年結，真係抽唔到身。"),
        ("黃太", "咁……Ivy 你得唔得？"),
        ("Ivy Chan 陳詩韻", "我可以試吓，我之前都用開 Canva。"),
        ("黃太", "好，Ivy 你做，下個禮拜一，唔係，下個禮拜五之前啦。"),
    ]
    [(owner, task, due)] = _items(turns)
    assert (owner, due) == ("Ivy Chan 陳詩韻", "2026-03-20") and "單張" in task


def test_other_work_for_the_one_who_declined_does_not_give_the_task_back():
    turns = [
        ("黃太", "阿傑，你準備 tender 文件嘅 technical specs，下個禮拜一朝早八點前 send 俾我。"),
        ("Marco Lee 李文傑", "下個禮拜一？黃太，我今個週末要返大陸，真係趕唔切。"),
        ("Ivy Chan 陳詩韻", "黃太，我之前做過 network support，我可以試吓寫。"),
        ("黃太", "好，Ivy 你寫，三個工作天內俾我。阿傑你返嚟之後 review 埋，下個禮拜五前 final。"),
    ]
    items = _items(turns)
    specs = [(o, d) for o, t, d in items if "specs" in t]
    assert specs == [("Ivy Chan 陳詩韻", "2026-03-16")]  # three working days from Wednesday 11 March
    assert ("Marco Lee 李文傑", "2026-03-20") in [(o, d) for o, t, d in items if "review" in t]


def test_after_someone_elses_step_you_do_yours_by_the_end_of_a_named_day():
    # 2026-03-11 is a Wednesday: 禮拜二收工前 is the end of Tuesday 17 March's work
    [(owner, task, due)] = _items([("黃太", "阿傑，Ivy upgrade 完你再 test 一次，禮拜二收工前 report 俾我。")])
    assert (owner, due) == ("Marco Lee 李文傑", "2026-03-17") and "test" in task
    assert _items([("黃太", "阿傑，你收工前 report 俾我。")])[0][2] == "2026-03-11"


def test_a_name_opening_a_question_is_called_not_the_voice_before():
    turns = [
        ("S1", "早晨 今日講兩樣"),
        ("S2", "我聽日之前 send 份報價俾客"),
        ("S3", "黃太 仲有個 launch 係咪取消咗"),
        ("S1", "係 取消咗 阿傑你聽日通知返啲客"),
    ]
    owners = {t: o for o, t, _ in _items(turns)}
    assert [o for t, o in owners.items() if "報價" in t] != ["黃太"]
    assert [o for t, o in owners.items() if "通知" in t] == ["Marco Lee 李文傑"]


def test_what_another_team_wants_told_to_the_chair_is_the_teller_s_once_given():
    turns = [("Ivy Chan 陳詩韻", "黃太，audit 嗰邊仲想我哋搞一次 refresher training，講保險箱程序。"),
             ("黃太", "好，你安排，下個禮拜五前搞。")]
    items = _items(turns)
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-20")] and "refresher training" in items[0][1]
    # the chair's report to the one who then gives the task is where its object comes from
    report = [("Ivy Chan 陳詩韻", "黃太，大埔嗰個業主仲未交份文件。"), ("黃太", "阿傑，你聽日打俾佢跟返。")]
    assert [o for o, _, _ in _items(report)] == ["Marco Lee 李文傑"]


def test_a_finish_all_by_a_day_after_two_peoples_parts_is_due_for_both():
    assert _items([("黃太", "Ivy 你 send 頭三十個，阿傑 send 後面三十個，禮拜五前 send 晒。")]) == [
        ("Ivy Chan 陳詩韻", "send 頭三十個", "2026-03-13"), ("Marco Lee 李文傑", "send 後面三十個", "2026-03-13")]


def test_a_second_thing_on_its_own_day_and_a_part_handed_on_after_who_does_it_now():
    assert _items([("黃太", "Ivy，海報你下個禮拜五前 finalise，單張就月尾前。")]) == [
        ("Ivy Chan 陳詩韻", "finalise 海報", "2026-03-20"), ("Ivy Chan 陳詩韻", "finalise 單張", "2026-03-31")]
    turns = [
        ("黃太", "Ivy，海報你下個禮拜五前 finalise，單張就月尾前。"),
        ("Ivy Chan 陳詩韻", "其實我下個禮拜四開始放一個禮拜假。"),
        ("黃太", "咁單張邊個跟？"),
        ("Marco Lee 李文傑", "我跟啦。"),
        ("黃太", "好，單張阿傑負責，月尾前。海報 Ivy 你放假前搞掂，即係下個禮拜三。"),
    ]
    items = sorted(_items(turns))
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-18"), ("Marco Lee 李文傑", "2026-03-31")]
    assert "海報" in items[0][1] and "單張" in items[1][1]
    assert _items([("黃太", "阿傑，你開會前整好份 agenda。")]) == [("Marco Lee 李文傑", "整好 agenda", None)]


def test_handing_in_allowed_by_a_day_is_the_due_day_and_the_giver_reading_it_is_no_task():
    assert _items([("黃太", "咁就轉 paid plan。阿傑你整個 cost estimate 俾我，聽日 email 我都得，我週末會睇。")]) == [
        ("Marco Lee 李文傑", "整 cost estimate 俾黃太", "2026-03-12")]
    assert [o for o, _, _ in _items([("黃太", "Ivy 你下個禮拜一前出個課程大綱俾我 我要批")])] == ["Ivy Chan 陳詩韻"]


def test_a_plain_no_for_now_decides_and_an_a_not_a_question_does_not():
    assert any("唔請" in d for d in _decisions([("黃太", "今年唔請喇，budget 唔夠。")]))
    assert any("唔好塞入" in d for d in _decisions([("黃太", "Daily quest 唔好塞入 beta 喇，放去下個 milestone。")]))
    assert _decisions([("黃太", "三千個，我哋做唔做得切？")]) == []
    assert _decisions([("黃太", "好，開始啦。")]) == []
    assert _decisions([("Ivy Chan 陳詩韻", "佢今日唔嚟喇。")]) == []


def test_a_verb_with_nothing_to_act_on_takes_the_thing_before_it():
    turns = [("黃太", "系統方面：promo rules Ivy 今日 send，阿傑禮拜二之前 set 好。")]
    assert ("Marco Lee 李文傑", "set 好 promo rules", "2026-03-17") in _items(turns)


def test_the_giver_correcting_the_time_in_the_next_turn_an_agenda_and_a_bare_i_misspoke():
    asked = ("黃太", "Ivy，你聽朝九點半前交 budget sheet。")
    assert _items([asked, ("黃太", "唔係，budget sheet 今晚八點前要。")]) == [
        ("Ivy Chan 陳詩韻", "交 budget sheet", "2026-03-11T20:00:00+08:00")]
    assert _items([asked, ("Marco Lee 李文傑", "唔係，今晚八點前要。")])[0][2] == "2026-03-12T09:30:00+08:00"  # not the giver
    assert _items([("S1", "早晨，我係黃太，今日傾中秋 campaign。")]) == []
    assert [o for o, _, _ in _items([("黃太", "Ivy，你聽日交份報價。"), ("黃太", "唔係，我講錯。")])] == ["Ivy Chan 陳詩韻"]


def test_the_givers_next_step_a_tentative_yes_with_a_day_and_a_can_you_question():
    turns = [("黃太", "Ivy，你禮拜五前交份報價俾我，我要拎去俾老細批。"), ("Ivy Chan 陳詩韻", "冇問題，我禮拜五前搞掂。")]
    assert _items(turns) == [("Ivy Chan 陳詩韻", "交報價俾黃太", "2026-03-13")]
    turns = [("黃太", "阿傑，展位設計圖你可唔可以負責？"), ("Marco Lee 李文傑", "黃太，我呢兩個禮拜要做年結，真係抽唔到身。"),
             ("黃太", "咁 Ivy 你得唔得？"), ("Ivy Chan 陳詩韻", "我可以試吓，放假前，即係下個禮拜三，交初稿俾你。")]
    [(owner, task, due)] = _items(turns)
    assert (owner, due) == ("Ivy Chan 陳詩韻", "2026-03-18") and "展位設計圖" in task and "可唔可以" not in task


def test_speaking_now_wishes_and_goodbyes_are_no_tasks():
    assert _items([("黃太", "好，阿傑你先報告一下伺服器搬遷嘅進度。")]) == []
    assert _items([("Marco Lee 李文傑", "我講吓預算先。")]) == []
    assert _items([("黃太", "好，冇其他嘢，大家新年快樂，初四見。")]) == []
    assert _items([("黃太", "大家復活節好好休息。")]) == []
    # telling someone else is work
    assert [o for o, _, _ in _items([("黃太", "Ivy，你聽日講一下新價錢俾客人聽。")])] == ["Ivy Chan 陳詩韻"]


def test_what_the_speaker_would_like_to_do_some_day_is_no_task():
    assert _items([("Ivy Chan 陳詩韻", "順帶一提，下個月我想同啲新同事搞個茶聚。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "我聽日 send 份分享會計劃書俾黃太。")]) != []


def test_if_anything_comes_up_is_no_second_task():
    items = _items([("Marco Lee 李文傑", "我十四號禮拜六可以返嚟睇一轉。"),
                    ("黃太", "好，阿傑你十四號返嚟睇吓，有咩事即刻 WhatsApp 我。")])
    assert items and all(o == "Marco Lee 李文傑" and "WhatsApp" not in t for o, t, _ in items)


def test_two_people_given_parallel_work_in_one_turn_share_the_thing_and_the_due_day():
    items = _items([("黃太", "Ivy，你整理三月嘅銷售數字；阿傑，你負責四月嘅。兩份都要喺禮拜五之前交俾我。")])
    assert items == [("Ivy Chan 陳詩韻", "整理三月嘅銷售數字", "2026-03-13"),
                     ("Marco Lee 李文傑", "整理四月嘅銷售數字", "2026-03-13")]


def test_the_giver_answering_when_it_is_due_dates_the_task():
    turns = [("黃太", "阿傑，你寫個 pricing proposal。"), ("Marco Lee 李文傑", "幾時要？")]
    assert _items(turns + [("黃太", "下個禮拜三啦。")]) == [("Marco Lee 李文傑", "寫 pricing proposal", "2026-03-18")]
    # Good Friday 3 April, Easter Monday 6 April and the Ching Ming holiday moved to 7 April (real HongKong calendar)
    assert _items(turns + [("黃太", "復活節假之後第一個工作天啦。")])[0][2] == "2026-04-08"


def test_a_suggestion_said_to_someone_by_name_asks_nobody():
    assert _items([("Ivy Chan 陳詩韻", "黃太，我想 suggest 將預算加到五萬。"), ("黃太", "唔使喇，三萬夠。")]) == []


def test_before_the_holiday_said_to_everyone_is_the_last_working_day_before_it():
    # 2026-02-11: Lunar New Year's days off are 17–19 February; the Monday before is a working day
    assert _items([("黃太", "最後，大家記得放假之前將啲檔案 save 上 server。")], date="2026-02-11") == [
        (None, "將啲檔案 save 上 server", "2026-02-16")]
    assert _items([("黃太", "Ivy，你放完假 send 份報價俾客。")], date="2026-02-11")[0][2] == "2026-02-20"
    assert _items([("黃太", "Ivy，你放假前 send 份報價俾客。")])[0][2] is None  # no holiday near: her own leave


def test_english_a_zone_said_after_the_time_and_it_giving_the_due_time_of_the_task_before():
    # 10am in London on 12 March 2026 (GMT, before the clocks change on 29 March) is 18:00 in Hong Kong
    assert _items([("Priya Shah", "Also, I will send you the revised store list. I'll send it before 10am tomorrow, London time.")]) == [
        ("Priya Shah", "send you the revised store list", "2026-03-12T18:00:00+08:00")]
    assert _items([("Ivy Chan 陳詩韻", "Priya, can you send me the store list?"), ("Priya Shah", "Sure, I'll send it by Friday.")]) == [
        ("Priya Shah", "send Ivy the store list", "2026-03-13")]


def test_english_a_need_told_is_no_task_and_by_the_end_of_leaves_nothing_behind():
    assert _items([("Priya Shah", "Ivy, for the launch, our head office needs the final budget by March 20th."),
                   ("Ivy Chan 陳詩韻", "Noted.")]) == []
    [(_, task, due)] = _items([("Ivy Chan 陳詩韻", "Priya, could you help us get the landlord's consent letter signed?"),
                               ("Priya Shah", "Sure. I will get it signed by the end of this month.")])
    assert due == "2026-03-31" and "consent letter" in task and not task.endswith("by the")


def test_you_later_in_the_turn_is_still_the_person_called_by_name():
    items = _items([("Marco Lee 李文傑", "我覺得照做啦，唔好再拖。"), ("黃太", "唔好冒險。改到下個禮拜先做。"),
                    ("黃太", "Ivy，你今日之內通知兩間供應商改期；另外趁多咗幾日，你聽朝九點半前約好測量師。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-11"), ("Ivy Chan 陳詩韻", "2026-03-12T09:30:00+08:00")]


def test_a_request_broken_off_and_the_giver_saying_they_will_be_there_too_are_no_tasks():
    assert _items([("黃太", "阿傑你寫——算啦，你今日已經夠多嘢做。Ivy，份報告你寫得唔得？"), ("Ivy Chan 陳詩韻", "可以。")]) == [
        ("Ivy Chan 陳詩韻", "寫報告", None)]
    assert [o for o, _, _ in _items([("黃太", "Ivy 你聽日約好佢哋，下個禮拜三嚟公司開會，我都會出席。")])] == ["Ivy Chan 陳詩韻"]


def test_unpunctuated_asr_a_check_the_giver_will_make_is_no_question_and_a_due_after_a_comment():
    said = "Ivy 你今天就發個 reminder 給他們的採購部 然後月尾之前把過去三個月的 invoice 整理好給我 我要看看有沒有超 budget"
    assert [(o, d) for o, _, d in _items([("黃太", said)])] == [("Ivy Chan 陳詩韻", "2026-03-11"), ("Ivy Chan 陳詩韻", "2026-03-31")]
    [(owner, task, due)] = _items([("黃太", "OK 阿傑 那兩份合約 你幫忙對一下條款的編號 上次好多錯 下個工作天之前給 Ivy")])
    assert (owner, due) == ("Marco Lee 李文傑", "2026-03-12") and "對一下條款" in task and "忙" not in task


def test_him_after_a_verb_for_people_is_never_the_question_asked_before():
    items = _items([("Ivy Chan 陳詩韻", "剩下那個是他們的律師 他人在新加坡"), ("黃太", "那可不可以用視像傾"),
                    ("Ivy Chan 陳詩韻", "可以 我上星期問過他 他說沒問題"), ("黃太", "那你約他 禮拜五之前開一次視像會議 不要拖")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")] and "可不可以" not in items[0][1]


def test_a_named_bare_cancellation_with_its_verb_and_talking_it_over_later():
    assert _items([("黃太", "Ivy 你聽日打俾印刷公司追吓。"),
                   ("Marco Lee 李文傑", "黃太，唔使喇，我上個禮拜已經追咗，佢哋話禮拜五送到。"),
                   ("黃太", "噢咁好，Ivy 唔使打喇。")]) == []
    assert [o for o, _, _ in _items([("黃太", "Ivy 你聽日打俾印刷公司追吓。"), ("黃太", "Ivy 唔使急。")])] == ["Ivy Chan 陳詩韻"]
    assert _items([("黃太", "好主意，你返嚟再詳細傾。")]) == []


def test_handing_over_to_somebody_takes_the_thing_from_the_sentence_before():
    assert _items([("Priya Shah", "另外份報價單太舊，我改咗個新版本。我倫敦時間聽朝九點前 email 俾 Ivy。")]) == [
        ("Priya Shah", "email 報價單俾 Ivy", "2026-03-12T17:00:00+08:00")]  # 09:00 GMT is 17:00 in Hong Kong


def test_a_name_after_to_is_who_receives_not_who_is_called():
    items = _items([("黃太", "阿傑，你聽朝九點半前整好價目表俾 Ivy，另外個展覽場地圖你聽日收工前 send 落 group。")])
    assert items == [("Marco Lee 李文傑", "整好價目表俾 Ivy", "2026-03-12T09:30:00+08:00"),
                     ("Marco Lee 李文傑", "send 展覽場地圖落 group", "2026-03-12")]
    assert _items([("黃太", "嗰幾箱貨，Ivy 你 take lead 再點一次。"), ("Ivy Chan 陳詩韻", "OK，我聽日朝早做。")])[0][::2] == (
        "Ivy Chan 陳詩韻", "2026-03-12")


def test_decisions_dropped_for_something_else_carried_on_after_a_no_and_a_then_we_order():
    asked = ("Ivy Chan 陳詩韻", "黃太，上次你叫我整嗰份員工問卷，仲做唔做？")
    assert _decisions([asked, ("黃太", "嗰份唔使做喇，總公司話下季會統一出一份，我哋跟佢嗰份就得。")]) == [
        "員工問卷唔做，我哋跟佢嗰份就得"]
    assert _decisions([asked, ("黃太", "嗰份唔使做喇，HR 上個禮拜已經話現有嗰份冇問題。")]) == []  # not needed: nothing decided
    assert _decisions([("Marco Lee 李文傑", "不如今年唔好租旅遊巴，叫同事自己去？"),
                       ("黃太", "唔得喎，咁多人，自己去好亂。照租旅遊巴，不過要問多兩間報價。")]) == ["照租旅遊巴"]
    assert _decisions([("黃太", "咁就訂一千五百個。Ivy，你聽日中午前同供應商 confirm。")]) == ["訂一千五百個"]


def test_work_after_coming_back_from_leave_is_a_task():
    assert _items([("黃太", "Ivy，你放假返嚟之後 check 埋嗰幾張 invoice。")]) == [
        ("Ivy Chan 陳詩韻", "放假返嚟之後 check 幾張 invoice", None)]


def test_a_yes_that_hands_over_in_other_words_is_the_same_task_and_a_due_day_on_a_holiday_is_flagged():
    out = _extract([("黃太", "Ivy，你聽日五點前交份報價俾我得唔得？"), ("Ivy Chan 陳詩韻", "得，冇問題，我聽日五點前 send 俾你。")],
                   date="2026-03-31")
    assert [(a["owner"], a["deadline"]) for a in out["action_items"]] == [("Ivy Chan 陳詩韻", "2026-04-01T17:00:00+08:00")]
    # 6 April 2026 is Easter Monday in the real HongKong calendar: the day may be misheard or misspoken
    [item] = _extract([("黃太", "阿傑，你下個禮拜一之前出份新聞稿。")], date="2026-03-31")["action_items"]
    assert item["deadline"] == "2026-04-06" and item["needs_review"]


def test_before_the_holiday_of_a_named_festival_is_that_festivals():
    # 2026-09-21: the Mid-Autumn holiday is Saturday 26 September (the festival, Friday the 25th, is a working day:
    # the last before the days off), then National Day on 1 October; 「中秋放假前」 is read as 「中秋假前」 is
    said = _items([("黃太", "Ivy，你中秋放假前 send 份報價俾客。")], date="2026-09-21")[0][2]
    assert said == _items([("黃太", "Ivy，你中秋假前 send 份報價俾客。")], date="2026-09-21")[0][2] == "2026-09-25"


def test_a_due_day_answered_after_a_filler_or_not_urgent():
    assert _items([
        ("黃太", "Ivy，你整理一下今年嘅客戶名單。"), ("Ivy Chan 陳詩韻", "幾時要？"), ("黃太", "唔急，月尾啦。"),
    ]) == [("Ivy Chan 陳詩韻", "整理一下今年嘅客戶名單", "2026-03-31")]
    [(owner, _, deadline)] = _items([
        ("黃太", "阿傑，幫我 check 吓部打印機。"), ("Marco Lee 李文傑", "好，幾時要搞掂？"), ("黃太", "嗯，下個禮拜三啦。"),
    ])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-18")


def test_a_named_cancellation_with_a_verb_takes_back_only_that_task():
    assert _items([
        ("黃太", "Ivy，你聽日打電話俾供應商問價，另外份 proposal 禮拜五前 send 俾我。"),
        ("黃太", "啊，供應商我頭先已經問咗，Ivy 唔使打喇。"),
    ]) == [("Ivy Chan 陳詩韻", "proposal send 俾黃太", "2026-03-13")]
    assert [owner for owner, _, _ in _items([
        ("黃太", "Ivy，你聽日打電話俾供應商。"), ("黃太", "阿傑，禮拜五前整好個 server。"),
        ("Marco Lee 李文傑", "好，我會先 backup。"), ("Ivy Chan 陳詩韻", "另外我下個禮拜放假。"),
        ("黃太", "OK。Ivy 唔使打喇。"),
    ])] == ["Marco Lee 李文傑"]


def test_who_will_answered_by_naming_another_gives_them_the_work():
    for answer in ("我今日好忙，阿傑打就得。", "阿傑打啦。", "阿傑打電話俾保險公司就得。"):
        assert _items([("黃太", "邊個打電話俾保險公司？"), ("Ivy Chan 陳詩韻", answer), ("Marco Lee 李文傑", "OK。")]) \
            == [("Marco Lee 李文傑", "打電話俾保險公司", None)], answer
    assert _items([("黃太", "邊個跟份合約？"), ("Marco Lee 李文傑", "Ivy 聽日跟就得。")]) \
        == [("Ivy Chan 陳詩韻", "跟進合約", "2026-03-12")]


def test_a_zone_between_the_time_and_the_day_keeps_the_time():
    for said in ("I'll send the audit checklist by 5pm London time tomorrow.",
                 "I'll send the audit checklist by 5pm tomorrow London time."):
        [(owner, _, deadline)] = _items([("Priya Shah", said)])
        assert (owner, deadline) == ("Priya Shah", "2026-03-13T01:00:00+08:00"), said  # 17:00 GMT is 01:00 in Hong Kong


PAIR = [{"name": "Peter Wong 王家明", "aliases": ["Peter"]}, {"name": "Carmen Lau 劉嘉雯", "aliases": ["Carmen"]}]


def test_i_will_do_it_for_you_is_the_speakers_task():
    assert _items([("Carmen Lau 劉嘉雯", "Peter，我幫你 send 份 quotation 俾客啦。"), ("Peter Wong 王家明", "好呀，唔該晒。")],
                  attendees=PAIR) == [("Carmen Lau 劉嘉雯", "send quotation 俾客", None)]


def test_praise_is_no_task():
    assert _items([("SPEAKER_00", "Carmen 做得好好，份 report 好清楚，繼續保持。")], attendees=PAIR) == []
    assert _items([("SPEAKER_00", "Well done Carmen, keep it up.")], attendees=PAIR) == []


def test_the_last_days_of_the_lunar_year_are_dates():
    # Lunar New Year 2027 is 6 February; the twelfth month has 29 days, so 年三十 is the eve (廿九)
    said = {"阿傑，年廿八前 send 晒啲利是封。": "2027-02-04", "Ivy，除夕前執好個倉。": "2027-02-05",
            "阿傑，年三十之前交數。": "2027-02-05"}
    for sentence, day in said.items():
        [(_, task, deadline)] = _items([("黃太", sentence)], date="2027-01-20")
        assert deadline == day and "年" not in task and "除夕" not in task, sentence
    assert "利是封" in _items([("黃太", "阿傑，年廿八前 send 晒啲利是封。")], date="2027-01-20")[0][1]


def test_the_meetings_own_business_and_asking_for_leave_are_no_tasks():
    assert _items([("黃太", "好，大家坐埋嚟，今日趁未開工快快傾埋啲嘢。"), ("黃太", "放假之前有幾樣嘢要搞掂。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "禮拜五我想請半日假，得唔得？"), ("黃太", "唔得呀，嗰日要見客。")]) == []


def test_a_range_of_days_before_a_noun_names_the_thing():
    [(owner, task, deadline)] = _items([("Marco Lee 李文傑", "我下個禮拜二前排好年廿八到年晚嘅更表。")], date="2027-01-20")
    assert (owner, deadline) == ("Marco Lee 李文傑", "2027-01-26") and "年廿八到年晚嘅更表" in task


def test_not_yet_answering_whether_it_is_done_takes_the_thing_asked_about():
    [(owner, task, deadline)] = _items([
        ("黃太", "阿傑，上個月啲 expense claim 你處理咗未？"), ("Marco Lee 李文傑", "仲未，我聽日搞掂。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12")
    assert "上個月" in task and "expense claim" in task and "未" not in task


def test_how_it_was_done_before_is_not_what_a_bare_verb_leans_on():
    [(owner, task, deadline)] = _items([
        ("黃太", "今季嘅 fire drill 記錄要交俾消防處。"), ("Ivy Chan 陳詩韻", "上次係阿傑整嘅。"),
        ("黃太", "咁阿傑你做啦，月尾之前。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-31") and "fire drill 記錄" in task and "上次" not in task


def test_a_date_with_its_weekday_is_that_date_not_this_weeks_weekday():
    assert _items([("黃太", "阿傑，二十號禮拜五之前交份預算俾我。")]) == [("Marco Lee 李文傑", "交預算俾黃太", "2026-03-20")]
    [(_, task, deadline)] = _items([("黃太", "阿傑，3月20號（星期五）前交份預算俾我。")])
    assert deadline == "2026-03-20" and "星期五" not in task and "）" not in task


def test_what_a_message_says_is_no_task_of_its_own_and_its_date_no_deadline():
    assert _items([("黃太", "Ivy，你今日之內 email 啲會員，話週年晚宴報名二十八號截止。")]) \
        == [("Ivy Chan 陳詩韻", "email 會員，話週年晚宴報名二十八號截止", "2026-03-11")]
    assert _items([("黃太", "Ivy，你 email 啲會員，話週年晚宴報名二十八號截止。")]) \
        == [("Ivy Chan 陳詩韻", "email 會員，話週年晚宴報名二十八號截止", None)]


def test_by_that_time_is_the_time_said_just_before():
    items = _items([("Priya Shah", "我 London time 禮拜一朝早十點要 present。"),
                    ("Marco Lee 李文傑", "明白，我喺嗰個時間之前整好張 chart 俾你。")])
    assert ("Marco Lee 李文傑", "整好 chart 俾 Priya", "2026-03-16T18:00:00+08:00") in items  # 10:00 GMT


def test_people_in_a_task_are_written_as_the_meeting_calls_them():
    # 我 is named for the table: 黃太 has no alias; 阿傑 is said in the meeting, Marco is not
    items = _items([("黃太", "Ivy，份 proposal 聽日 send 俾我。"), ("Ivy Chan 陳詩韻", "好。"),
                    ("黃太", "阿傑頭先講過，份合約好急。"), ("Marco Lee 李文傑", "Ivy，你禮拜五前 forward 份合約俾我。")])
    assert items == [("Ivy Chan 陳詩韻", "proposal send 俾黃太", "2026-03-12"), ("Ivy Chan 陳詩韻", "forward 合約俾阿傑", "2026-03-13")]


def test_lunar_festivals_come_from_the_lunar_calendar_even_on_a_sunday():
    # 3 February 2030, the first day of the Lunar New Year, is a Sunday: the holiday list has no such day off
    for sentence, day in (("阿傑，農曆新年之前交份報告。", "2030-02-03"), ("阿傑，年初七交份報告。", "2030-02-09")):
        [(_, _, deadline)] = _items([("黃太", sentence)], date="2030-01-10")
        assert deadline == day, sentence
    [(_, _, deadline)] = _items([("黃太", "阿傑，中秋節前交份報告。")], date="2029-08-01")  # 22 September 2029, a Saturday
    assert deadline == "2029-09-22"


def test_who_will_answered_by_the_speaker_with_a_bare_verb():
    assert _items([("黃太", "邊個打電話俾供應商？"), ("Marco Lee 李文傑", "我打。")]) == [("Marco Lee 李文傑", "打電話俾供應商", None)]
    assert _items([("黃太", "邊個 book 會議室？"), ("Ivy Chan 陳詩韻", "我 book 啦。")]) == [("Ivy Chan 陳詩韻", "book 會議室", None)]


def test_an_unnamed_cancellation_with_a_verb_keeps_the_other_task_given_with_it():
    assert _items([("黃太", "阿傑，你聽日打電話俾客，然後 email 份報價俾客。"), ("黃太", "唔使打喇，email 就得。")]) \
        == [("Marco Lee 李文傑", "email 報價俾客", "2026-03-12")]


def test_a_group_told_to_have_it_done_and_then_do_more_by_a_time():
    [(owner, task, deadline)] = _items([("黃太", "大家聽朝十點前將 slides update 咗放上 shared drive。")])
    assert (owner, deadline) == (None, "2026-03-12T10:00:00+08:00") and "slides" in task and "shared drive" in task


def test_a_request_said_over_and_over_in_one_turn_is_one_short_task():
    turn = "，".join(["阿傑你聽日交報告"] * 50)
    assert _items([("黃太", turn)]) == [("Marco Lee 李文傑", "交報告", "2026-03-12")]


def test_the_work_then_who_follows_it_up():
    for sentence, day in (("禮拜五前訂枱，阿傑你跟。", "2027-01-15"), ("除夕夜之前訂枱，阿傑你跟。", "2027-02-05"),
                          ("年廿之前訂枱，阿傑你跟。", "2027-01-27")):
        assert _items([("黃太", sentence)], date="2027-01-11") == [("Marco Lee 李文傑", "訂枱", day)], sentence


def test_a_name_not_on_the_list_is_who_is_asked_not_part_of_the_task():
    for sentence in ("Ken 你聽日交報告", "阿明你聽日交報告"):
        [item] = _extract([("黃太", sentence)], date="2027-01-11")["action_items"]
        assert (item["owner"], item["task"], item["deadline"], item["needs_review"]) == (None, "交報告", "2027-01-12", True)


def test_asking_when_something_happens_gives_no_task_asking_when_work_is_due_does():
    people = [*ATTENDEES, {"name": "Ken Wong", "aliases": ["Ken"]}]
    assert _items([("黃太", "Ken，倫敦嗰邊幾點開會？"), ("Ken Wong", "三點。")], date="2027-01-11", attendees=people) == []
    assert _items([("黃太", "Ken，倫敦嗰邊幾時開會？"), ("Ken Wong", "三點。")], date="2027-01-11", attendees=people) == []
    [(owner, task, deadline)] = _items([("黃太", "Ken，份 proposal 幾點俾到我？"), ("Ken Wong", "三點前。")],
                                       date="2027-01-11", attendees=people)
    assert (owner, deadline) == ("Ken Wong", "2027-01-11T15:00:00+08:00") and "proposal" in task


def test_a_date_and_a_weekday_that_disagree_keep_the_date_and_flag_the_item():
    [item] = _extract([("黃太", "阿傑，31號禮拜三之前交份報告。")], date="2027-01-11")["action_items"]  # the 31st is a Sunday
    assert (item["deadline"], item["needs_review"]) == ("2027-01-31", True)
    [item] = _extract([("黃太", "阿傑，二十號禮拜三之前交份報告。")], date="2027-01-11")["action_items"]
    assert (item["deadline"], item["needs_review"]) == ("2027-01-20", False)


def test_an_english_word_that_is_also_an_attendees_name_names_them_only_as_a_name():
    people = [*ATTENDEES, {"name": "Will Tsang 曾偉", "aliases": ["Will"]}]
    assert [o for o, _, _ in _items([("黃太", "We will send the report tomorrow.")], attendees=people)] != ["Will Tsang 曾偉"]
    assert _items([("黃太", "Will, please send the report tomorrow.")], attendees=people) == [
        ("Will Tsang 曾偉", "send the report", "2026-03-12")]


def test_no_need_for_you_i_will_do_it_myself_keeps_the_task_for_the_speaker():
    for cancel in ("阿傑唔使打喇，我自己打。", "唔使喇，我自己打。"):
        assert _items([("黃太", "阿傑，你聽日打電話俾客。"), ("黃太", cancel)]) == [("黃太", "打電話俾客", "2026-03-12")], cancel
    assert _items([("黃太", "阿傑，你聽日打電話俾客。"), ("黃太", "阿傑唔使打喇。")]) == []


def test_a_clause_opening_with_you_and_a_verb_is_a_request_and_a_bare_send_answers_it():
    # 「咁你 V…。」 to the one who just spoke asks them to do it, with no name, time or 啦; the reply
    # 「我今日 send」 hands that work in today, it is no second task
    [(owner, task, deadline)] = _items([
        ("Marco Lee 李文傑", "供應商話想我哋正式申請延期。"),
        ("黃太", "咁你寫封 email 俾供應商申請延期。"),
        ("Marco Lee 李文傑", "我今日 send。"),
    ])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-11")
    assert task.startswith("寫") and "email" in task and "供應商" in task
    assert _items([("Marco Lee 李文傑", "份 proposal 我睇過。"), ("黃太", "你寫得好清楚。")]) == []


def test_a_task_said_topic_first_reads_verb_first():
    [(owner, task, deadline)] = _items([("黃太", "Ivy，員工手冊都要改埋，禮拜五前。")])
    assert (owner, task, deadline) == ("Ivy Chan 陳詩韻", "改員工手冊", "2026-03-13")


def test_asr_text_a_closed_point_then_a_named_request_and_a_homophone_for_tomorrow():
    # ASR text with no punctuation: 「…就咁決定」 closes a point, 「Ivy 你…」 opens a request; 亭日 is 聽日
    items = _items([("黃太", "好 咁就咁決定 Ivy 你亭日之內 email 通知晒啲供應商 然後禮拜五之前將回覆嘅名單俾我")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12"), ("Ivy Chan 陳詩韻", "2026-03-13")]
    assert all("決定" not in t and "Ivy" not in t for _, t, _ in items)


def test_before_your_meeting_means_the_time_that_meeting_was_said_to_be():
    items = _items([
        ("黃太", "阿傑，我聽日下晝三點同客開會，你 send 份報價俾我。"),
        ("Marco Lee 李文傑", "冇問題，我喺你開會之前 send 俾你。"),
    ])
    mine = [(t, d) for o, t, d in items if o == "Marco Lee 李文傑"]
    assert mine == [("send 報價俾黃太", "2026-03-12T15:00:00+08:00")]


def test_the_first_working_day_after_the_holiday_is_one_phrase_not_one_working_day():
    said = [("黃太", "阿傑，假期後第一個工作天之前將新標籤貼好晒。")]
    assert _items(said, date="2026-12-23")[0][2] == "2026-12-28"  # Christmas, the day after, Sunday
    assert _items(said, date="2027-02-03")[0][2] == "2027-02-10"  # the Lunar New Year days off
    [(_, task, _)] = _items(said, date="2027-02-03")
    assert "第" not in task


def test_a_holiday_on_a_saturday_is_the_holiday_after_which_work_resumes():
    # Labour Day 2027 is a Saturday: 「假期後」 is Monday 3 May, not after the Buddha's Birthday (13 May)
    [(_, _, due)] = _items([("黃太", "阿傑，假期後第一個工作天 send 份比較表俾我。")], date="2027-04-30")
    assert due == "2027-05-03"


def test_tonight_and_its_hour_apart_with_a_hesitation_is_still_the_evening():
    [(owner, _, due)] = _items([("Marco Lee 李文傑", "相簿我今晚……呃……十點前上載到 shared drive。")])
    assert (owner, due) == ("Marco Lee 李文傑", "2026-03-11T22:00:00+08:00")


def test_asr_text_with_a_space_after_every_word_reads_as_one_clause():
    items = _items([
        ("SPEAKER_00", "阿傑 份 合約 改 好 未"),  # a label answering 「…好未」 is the one asked
        ("SPEAKER_01", "好 我 而家 返去 改 份 合約 今晚 十一點 前 send 俾 律師"),
        ("SPEAKER_00", "部 冷氣 交俾 Ivy 處理 三個 工作天 內 要 修好"),
    ])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-11T23:00:00+08:00"),
                                             ("Ivy Chan 陳詩韻", "2026-03-16")]
    assert "合約" in items[0][1] and "律師" in items[0][1] and "冷氣" in items[1][1]


def test_a_limit_said_apart_from_its_day_gives_the_time_on_that_day():
    [(owner, _, due)] = _items([("黃太", "阿傑，你聽朝打去海關問清楚，十二點前覆我。")])
    assert (owner, due) == ("Marco Lee 李文傑", "2026-03-12T12:00:00+08:00")


def test_done_by_a_limit_is_still_to_do():
    # 「最遲十五號一定砌好咗」: 咗 after a limit is done by then, not done already; 即刻 that waits
    # for something (「設計圖一到」) is not the due day
    [(owner, task, due)] = _items([("Marco Lee 李文傑", "設計圖一到，我即刻開工，最遲十五號一定砌好咗個模型。")])
    assert (owner, due) == ("Marco Lee 李文傑", "2026-03-15") and "模型" in task
    assert _items([("Marco Lee 李文傑", "份報告我禮拜一已經交咗。")]) == []


def test_a_day_moved_off_a_holiday_with_a_bare_gai_replaces_the_day_given():
    items = _items([
        ("黃太", "阿傑，保養合約你下個禮拜四簽返俾供應商。"),
        ("Marco Lee 李文傑", "下個禮拜四佢哋公司放假喎，國慶。"),
        ("黃太", "咁改禮拜三，三十號簽。"),
    ], date="2026-09-23")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-09-30")]
    items = _items([("黃太", "阿傑，保養合約你下個禮拜四簽返俾供應商。"), ("黃太", "咁改下個禮拜嘅報告。")], date="2026-09-23")
    assert items[0] == ("Marco Lee 李文傑", "簽返保養合約俾供應商", "2026-10-01")  # which report, not a new day for the contract


def test_the_giver_asking_how_long_and_the_owner_answering_gives_the_due_day():
    for asked in ("你估幾耐搞得掂？", "幾時搞得掂？"):
        items = _items([
            ("黃太", "阿傑，新會員嘅迎新包你設計埋佢。"),
            ("Marco Lee 李文傑", "好呀。"),
            ("黃太", asked),
            ("Marco Lee 李文傑", "禮拜五收工前啦。"),
        ], date="2027-11-03")
        assert items == [("Marco Lee 李文傑", "設計新會員嘅迎新包", "2027-11-05")]


def test_a_yes_that_calls_the_asker_by_name_neither_gives_them_work_nor_decides():
    for reply in ("冇問題黃太，今晚寄出。", "好，黃太，我今晚寄出。"):
        out = _extract([("黃太", "阿傑，你寄份合約俾客。"), ("Marco Lee 李文傑", reply)])
        assert [(a["owner"], a["deadline"]) for a in out["action_items"]] == [("Marco Lee 李文傑", "2026-03-11")]
        assert out["decisions"] == []
    # diarised: 「冇問題 黃太」 also tells who SPEAKER_00 is
    items = _items([("SPEAKER_00", "阿傑 你 今晚 寄 份 合約 俾 客"), ("SPEAKER_01", "冇問題 黃太 今晚 寄 出")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-11")]


def test_a_short_self_commitment_after_a_yes_is_a_task():
    # 「明白，我 send 個 email…」: no time and no 會, but a yes then 我 and a verb takes the work on;
    # 「報咗名嗰班人」 is who registered, not work done already
    items = _items([("黃太", "聖誕嗰個工作坊就唔開喇。"), ("Ivy Chan 陳詩韻", "明白，我 send 個 email 話俾報咗名嗰班人知。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", None)] and "email" in items[0][1]


def test_try_it_and_tell_me_if_anything_is_wrong_is_a_request_not_a_question():
    [(owner, task, due)] = _items([("黃太", "啲新制服嘅尺碼，Ivy 你逐件試一試，有咩唔啱，月中之前話我知。")], date="2027-11-03")
    assert (owner, due) == ("Ivy Chan 陳詩韻", "2027-11-15") and "制服" in task


def test_a_peer_asking_to_be_given_something_and_a_yes_with_a_day():
    items = _items([
        ("Ivy Chan 陳詩韻", "阿傑，啲相可唔可以 share 俾我用喺年報？"),
        ("Marco Lee 李文傑", "冇問題，但係要等我執好先，禮拜四啦。"),
    ], date="2027-11-03")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2027-11-04")]
    assert "share" in items[0][1] and "可唔可以" not in items[0][1]


def test_a_pronoun_takes_the_thing_not_how_a_person_stands_or_what_is_said_of_it():
    items = _items([
        ("黃太", "嗰批退貨嘅單據仲未對好數。"),
        ("Ivy Chan 陳詩韻", "我手上有一半。"),  # how Ivy stands: not what 佢 is
        ("黃太", "咁 Ivy 你跟，禮拜五前搞掂佢。"),
    ], date="2027-11-03")
    assert items == [("Ivy Chan 陳詩韻", "完成退貨嘅單據", "2027-11-05")]
    [(_, task, _)] = _items([("黃太", "成套音響年尾先換，個喇叭就先整返。阿傑，你下個禮拜三前叫技術員上嚟修咗佢。")])
    assert task == "叫技術員上嚟修喇叭"


def test_the_day_of_an_event_or_a_next_meeting_is_no_due_day():
    # 「禮拜六 開放日」, 「十一月二十號覆會」 say when something happens; 「明朝」 is written Chinese for 聽朝
    [(_, _, due)] = _items([("黃太", "禮拜六開放日要多十張摺枱，Ivy 你睇下邊度借到。")], date="2027-11-03")
    assert due is None
    [(_, _, due)] = _items([("黃太", "我哋十一月二十號覆會，會議紀錄同埋新 agenda 我整好就 email 出嚟。")], date="2027-11-03")
    assert due is None
    [(_, _, due)] = _items([("黃太", "阿傑，明朝十點前覆我。")], date="2027-11-03")
    assert due == "2027-11-04T10:00:00+08:00"


def test_a_bare_handover_after_a_volunteer_moves_the_task():
    items = _items([
        ("黃太", "Ivy，展板你負責。"),
        ("Marco Lee 李文傑", "我嚟啦，我有相熟印刷廠，Ivy 手上嘢多。"),
        ("黃太", "好，咁交俾阿傑。"),
    ])
    assert [o for o, _, _ in items] == ["Marco Lee 李文傑"] and "展板" in items[0][1]


def test_word_spaced_asr_a_name_called_mid_turn_and_a_connective():
    # 「…但係 黃太 我覺得…」 calls back the one who asked: SPEAKER_00 is 黃太, whose 「我親自寫」 is hers;
    # 「反而」 starts another thought: 「阿傑 做開嗰邊」 names a topic, the call is the speaker's
    items = _items([
        ("SPEAKER_00", "阿傑 場刊 的 相 揀 好 未"),
        ("SPEAKER_01", "揀 好 一半 但係 黃太 我 覺得 啲 相 太 暗"),
        ("SPEAKER_00", "好 新聞稿 我 親自 寫 禮拜二 前 搞掂"),
    ], date="2027-11-03")
    assert [(o, d) for o, _, d in items] == [("黃太", "2027-11-09")] and "新聞稿" in items[0][1]
    items = _items([("黃太", "阿傑 做開 嗰邊 我 唔 擔心 反而 保險 續期 我 聽日 親自 打 俾 經紀")], date="2027-11-03")
    assert ("黃太", "2027-11-04") in [(o, d) for o, _, d in items]


def test_report_back_to_you_by_a_day_is_work_not_handing_the_floor():
    # 「同你講結果」 reports back; only 「你講」 alone hands someone the floor
    items = _items([
        ("黃太", "阿傑，新同事部電腦 set 好未？"),
        ("Marco Lee 李文傑", "仲未，啲權限等緊 IT。我會追佢哋，禮拜五前同你講結果。"),
    ], date="2027-11-03")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2027-11-05")]


def test_gei_as_the_verb_giving_something_to_the_speaker_is_a_request():
    # 「個 proposal 你聽日俾我」: 俾 is the verb (give), not only the "to" of 「send…俾我」
    for said in ("阿傑，個 proposal 你聽日五點前俾我。", "阿傑，聽日五點前俾我份 proposal。"):
        [(owner, task, due)] = _items([("黃太", said)], date="2026-03-26")
        assert (owner, due) == ("Marco Lee 李文傑", "2026-03-27T17:00:00+08:00") and "proposal" in task
    assert _items([("黃太", "多謝你俾我哋機會。")]) == []


def test_a_topic_you_follow_then_its_verb_reads_as_the_verb_and_the_topic():
    assert _items([("黃太", "Ivy，新聞稿你跟，下個禮拜三之前出。")], date="2026-03-26") == \
        [("Ivy Chan 陳詩韻", "出新聞稿", "2026-04-01")]


def test_a_bare_hour_with_tonight_is_in_the_evening():
    assert _items([("Marco Lee 李文傑", "今晚我十點前 send 份報價俾客。")])[0][2] == "2026-03-11T22:00:00+08:00"
    assert _items([("黃太", "阿傑，今晚打去海關問清楚，十二點前覆我。")])[0][2] == "2026-03-11T23:59:00+08:00"
    assert _items([("黃太", "阿傑，聽朝打去海關問清楚，十二點前覆我。")])[0][2] == "2026-03-12T12:00:00+08:00"


def test_a_title_alias_hidden_as_a_noun_never_shows_in_the_task():
    attendees = ATTENDEES + [{"name": "周國強", "aliases": ["經理"]}]
    [(owner, task, _)] = _items([("黃太", "阿傑 你搵個經理簽名，聽日交俾我。")], attendees=attendees)
    assert owner == "Marco Lee 李文傑" and "#" not in task and "經理" in task


def test_a_meeting_date_outside_2000_to_2100_is_refused():
    import pytest
    with pytest.raises(ValueError, match="2000 and 2100"):
        _items([("黃太", "阿傑，聽日交報告。")], date="9999-12-31")


def test_a_short_word_spaced_request_is_read_too():
    assert _items([("黃太", "阿傑 聽日 記得 交 報告")]) == [("Marco Lee 李文傑", "交報告", "2026-03-12")]


def test_a_hesitation_with_commas_inside_tonights_time_is_one_time():
    assert _items([("黃太", "Ivy，你今晚，嗯，十點前 send 份報告俾我。")])[0][2] == "2026-03-11T22:00:00+08:00"
    assert _items([("黃太", "Ivy，你今晚……呃……凌晨一點前 send 份報告俾我。")])[0][2] == "2026-03-12T01:00:00+08:00"


def test_working_days_after_the_holiday_count_from_its_end():
    said = [("黃太", "Ivy，你假期後三個工作天內交報告。"), ("黃太", "阿傑，你放完假第二個工作天交計劃書。")]
    # Christmas Day 2026 is a Friday and the 26th a holiday: the first working day after is Monday the 28th
    assert [due for _, _, due in _items(said, date="2026-12-21")] == ["2026-12-30", "2026-12-29"]
    assert [due for _, _, due in _items([("黃太", "阿傑，你復活節後第二個工作天交計劃書。")])] == ["2026-04-09"]
    # no public holiday near: somebody's own leave, not three working days from today
    assert [due for _, _, due in _items(said)] == [None, None]


def test_a_day_said_again_more_fully_is_the_day_meant():
    assert _items([("黃太", "Ivy，你禮拜四交報告。"), ("黃太", "咁改禮拜五，下個禮拜五。")]) == \
        [("Ivy Chan 陳詩韻", "交報告", "2026-03-20")]
    assert _items([("黃太", "Ivy，你聽日三點，下晝三點前交報告。")])[0][2] == "2026-03-12T15:00:00+08:00"


def test_no_change_keeps_the_task_and_its_day():
    for said in ("咁唔使改，照舊禮拜四。", "咁唔使改。", "唔使改期，照舊。"):
        assert _items([("黃太", "Ivy，你禮拜四交報告。"), ("黃太", said)]) == [("Ivy Chan 陳詩韻", "交報告", "2026-03-12")]
    assert _items([("黃太", "Ivy，你禮拜四改好份合約。"), ("黃太", "啊，唔使改喇。")]) == []


def test_unnamed_voice_labels_own_nothing():
    for label in ("UNKNOWN", "Guest-1", "0", "Speaker B", "講者2", "SPEAKER_03"):
        assert _items([(label, "我聽日交報告。")]) == [(None, "交報告", "2026-03-12")]


def test_a_name_nobody_has_said_apart_before_you_is_the_one_asked():
    assert _items([("黃太", "Marco 話部 server 好慢。"), ("Marco Lee 李文傑", "係呀。"),
                   ("黃太", "Kelvin，你聽日 check 下部 server。")]) == [(None, "check server", "2026-03-12")]


def test_i_want_you_with_a_time_between_is_a_request():
    assert _items([("黃太", "我禮拜五前要你交份報告，Ivy。")]) == [("Ivy Chan 陳詩韻", "交報告", "2026-03-13")]


def test_done_by_a_limit_said_with_definitely_is_still_to_do():
    assert _items([("Marco Lee 李文傑", "我十五號前一定砌好咗部機。")]) == [("Marco Lee 李文傑", "砌好部機", "2026-03-15")]
    assert _items([("黃太", "部機幾時砌好？"), ("Marco Lee 李文傑", "我最遲十五號一定砌好咗。")]) == \
        [("Marco Lee 李文傑", "砌好部機", "2026-03-15")]
    assert _items([("Marco Lee 李文傑", "我禮拜一砌好咗部機。")]) == []


def test_when_will_it_be_written_answered_with_a_day_is_a_task():
    assert _items([("黃太", "阿傑，份報告幾時寫好？"), ("Marco Lee 李文傑", "禮拜五。")]) == \
        [("Marco Lee 李文傑", "寫好報告", "2026-03-13")]
    assert _items([("黃太", "阿傑，幾時開會好？"), ("Marco Lee 李文傑", "禮拜五。")]) == []


def test_more_question_tags_leave_the_request():
    for tag in ("好嗎？", "好冇？", "行唔行？", "明白嗎？", "冇問題吧？", "right?"):
        assert _items([("黃太", f"Ivy，你聽日交份報告，{tag}")]) == [("Ivy Chan 陳詩韻", "交報告", "2026-03-12")]


def test_thanks_are_no_task_and_a_request_after_them_is_one():
    assert _items([("黃太", "多謝大家今日抽時間嚟開會。")]) == []
    assert _items([("黃太", "多謝 Ivy 今日幫手準備啲資料。")]) == []
    assert _items([("黃太", "好，多謝晒，Ivy 你聽日交份報告。")]) == [("Ivy Chan 陳詩韻", "交報告", "2026-03-12")]
    assert _items([("黃太", "Thanks Ivy, please send the deck by Friday.")]) == \
        [("Ivy Chan 陳詩韻", "send the deck", "2026-03-13")]


def test_yes_with_a_bare_verb_after_a_handover_is_no_second_task():
    assert _items([("黃太", "Ivy，你禮拜五前整理好客戶意見。"), ("Ivy Chan 陳詩韻", "我禮拜五要出差，可唔可以俾阿傑做？"),
                   ("黃太", "好，咁阿傑你跟。"), ("Marco Lee 李文傑", "OK，我跟。")]) == \
        [("Marco Lee 李文傑", "整理好客戶意見", "2026-03-13")]


def test_on_your_side_is_not_part_of_the_task():
    assert _items([("黃太", "Priya，你喺你嗰邊禮拜五前 check 下啲 stock。")]) == [("Priya Shah", "check stock", "2026-03-13")]


def test_a_clause_with_its_own_time_before_a_request_is_not_its_topic():
    assert _items([("黃太", "下個禮拜要開會傾預算，Ivy 你禮拜五前交份報告。")]) == [("Ivy Chan 陳詩韻", "交報告", "2026-03-13")]
    [(_, task, _)] = _items([("黃太", "週會講新制度，Ivy，你準備好份 slides。")])
    assert task.startswith("週會講新制度")  # 週會 is a meeting, not 週 + "will"


def test_everyone_told_to_do_something_is_a_group_task_not_the_speakers():
    assert _items([("黃太", "下個月尾之前，全部人都要交自我評估表。")]) == [(None, "交自我評估表", "2026-04-30")]
    assert _items([("黃太", "個個都要出席聽日嘅培訓。")]) == [(None, "出席聽日嘅培訓", "2026-03-12")]


def test_a_thing_given_to_me_the_thing_first_names_me():
    said = [("Ivy Chan 陳詩韻", "我諗我哋應該搵多一間供應商比較下價錢。"), ("黃太", "好主意，Ivy 你跟啦，月尾前俾個比較表我。")]
    assert _items(said) == [("Ivy Chan 陳詩韻", "將比較表俾黃太", "2026-03-31")]
    assert _items([("黃太", "Ivy，月尾前俾份報告我睇。")]) == [("Ivy Chan 陳詩韻", "將報告俾黃太", "2026-03-31")]


def test_the_one_a_thing_is_handed_to_for_checking_does_not_own_the_work():
    assert _items([("黃太", "Ivy，你禮拜五前將新嘅代理合約交俾阿傑簽。"), ("Ivy Chan 陳詩韻", "好。")])[0][0] == "Ivy Chan 陳詩韻"
    assert _items([("黃太", "Ivy，份報價你聽日中午前交俾阿傑睇。")])[0][0] == "Ivy Chan 陳詩韻"
    assert _items([("黃太", "份報價交俾阿傑跟，禮拜五前搞掂。")])[0][0] == "Marco Lee 李文傑"


def test_everyday_verbs_and_departures():
    assert _items([("黃太", "阿傑，你禮拜五前抹晒廚房啲不鏽鋼枱。")]) == [("Marco Lee 李文傑", "抹晒廚房啲不鏽鋼枱", "2026-03-13")]
    assert _items([("Marco Lee 李文傑", "我今晚七點前逐個打完佢。")])[0][2] == "2026-03-11T19:00:00+08:00"
    assert _items([("Marco Lee 李文傑", "黃太，旅行團已經收夠三十個人，下個月十號出發。")]) == []


def test_you_find_someone_to_fix_it_is_the_one_spoken_to_and_it_is_the_thing():
    assert _items([("Marco Lee 李文傑", "三樓部 printer 成日卡紙，啲同事投訴。"), ("黃太", "咁你今日之內搵人嚟整好佢。"),
                   ("Marco Lee 李文傑", "好。")]) == [("Marco Lee 李文傑", "搵人嚟整好三樓部 printer", "2026-03-11")]


def test_then_settled_on_another_day_moves_the_due_day():
    assert _items([("黃太", "Ivy，你禮拜四前收齊啲相。"), ("Ivy Chan 陳詩韻", "禮拜四好難，最快下個禮拜二。"),
                   ("黃太", "好，咁就下個禮拜二。")]) == [("Ivy Chan 陳詩韻", "收齊啲相", "2026-03-17")]
    assert _items([("Marco Lee 李文傑", "消防檢查嘅文件，我下個禮拜五交俾 Ivy。"),
                   ("Ivy Chan 陳詩韻", "可唔可以早啲？消防處下個禮拜三就上嚟，禮拜二得唔得？"),
                   ("Marco Lee 李文傑", "得，咁就禮拜二。")])[0][2] == "2026-03-17"


def test_a_reply_with_a_bare_call_gives_the_call_its_day():
    assert _items([("黃太", "報失嘅事，Ivy你負責打去保險公司。"), ("Ivy Chan 陳詩韻", "得，聽朝一返到公司就打。")]) == \
        [("Ivy Chan 陳詩韻", "打去保險公司", "2026-03-12")]


def test_an_option_turned_down_then_doing_it_oneself():
    assert _items([("Marco Lee 李文傑", "新寫字樓啲傢俬送到，要唔要請外判驗收？"),
                   ("黃太", "外判就唔使喇，我禮拜五親自去驗。")]) == [("黃太", "親自去驗", "2026-03-13")]
    assert _items([("黃太", "Ivy，你逐個追，禮拜四收齊。")])[0][1] == "逐個追，收齊"


def test_after_the_new_year_opening_is_after_the_lunar_new_year_days_off():
    # Lunar New Year 2029 is Tuesday 13 February; the 13th to the 15th are holidays
    assert _items([("黃太", "Ivy，開年第一個工作天將新年推廣嘅海報貼晒出去。"), ("Ivy Chan 陳詩韻", "好。")], date="2029-01-30") == \
        [("Ivy Chan 陳詩韻", "將新年推廣嘅海報貼晒出去", "2029-02-16")]
    assert _items([("黃太", "新收銀機幾時裝？"), ("Marco Lee 李文傑", "年尾太忙，開年第一個工作天我一返工就裝。")],
                  date="2029-01-30")[0][2] == "2029-02-16"
    assert _items([("黃太", "阿傑，你聽日 book 開年會嘅場地。")], date="2029-01-30")[0][2] == "2029-01-31"


def test_a_question_word_inside_a_request_asks_nothing():
    assert _items([("黃太", "阿傑，你禮拜四前安排好新雪櫃擺邊個位。"), ("Marco Lee 李文傑", "好。")]) == \
        [("Marco Lee 李文傑", "安排好新雪櫃擺邊個位", "2026-03-12")]
    assert _items([("黃太", "阿傑，團友保險你禮拜四前買埋，幾多個長者要加保都要列明。")])[0][0] == "Marco Lee 李文傑"
    assert _items([("黃太", "阿傑，你安排咗邊個去開會？")]) == []


def test_calling_off_other_work_on_the_same_thing_keeps_the_task():
    assert [o for o, _, _ in _items([("Marco Lee 李文傑", "我禮拜一朝早嚟做 migration 啦。"),
                                     ("黃太", "舊系統 migration 嘅報告唔使寫住。")])] == ["Marco Lee 李文傑"]
    assert _items([("黃太", "Ivy，你聽日寫 migration 報告。"), ("黃太", "migration 嘅報告唔使寫住。")]) == []


def test_rules_quoted_and_laid_down_are_no_tasks():
    assert _items([("Ivy Chan 陳詩韻", "阿傑，消防條例寫明走火通道唔可以擺任何嘢㗎。")]) == []
    assert _items([("黃太", "我唔想再有人喺會議室食嘢，由聽日開始。")]) == []
    assert _items([("黃太", "Ivy，你聽日跟返合約寫明嘅條款同客傾。")])[0][0] == "Ivy Chan 陳詩韻"


def test_the_answer_word_and_should_are_not_part_of_the_task():
    assert _items([("Marco Lee 李文傑", "新掃描槍下個禮拜開始用，班同事識唔識？"),
                   ("Ivy Chan 陳詩韻", "應該唔識，我禮拜四同佢哋搞個簡介會。")])[0][1] == "同佢哋搞簡介會"
    assert _items([("黃太", "Ivy，你應該聽日交份報告。")]) == [("Ivy Chan 陳詩韻", "交報告", "2026-03-12")]


def test_days_before_an_event_whose_day_was_given_count_back_from_it():
    assert _items([("黃太", "陳生嗰場壽宴定咗三月二十四號，二十圍。"), ("黃太", "阿傑，你壽宴前三日向魚販落單訂龍躉。"),
                   ("Marco Lee 李文傑", "收到。")], date="2029-03-06") == [("Marco Lee 李文傑", "向魚販落單訂龍躉", "2029-03-21")]
    assert _items([("黃太", "新分店四月十號開張。"), ("Ivy Chan 陳詩韻", "開張之前兩個禮拜，我會搞掂晒員工培訓。")],
                  date="2029-03-06") == [("Ivy Chan 陳詩韻", "搞掂晒員工培訓", "2029-03-27")]


def test_maternity_leave_in_a_handover_is_no_task_for_the_one_leaving():
    assert _items([("黃太", "Ivy下個月放產假，佢手上啲客交俾阿傑跟，月尾前交接好。")]) == \
        [("Marco Lee 李文傑", "手上啲客，交接好", "2026-03-31")]


def test_asr_text_calling_a_name_then_the_matter_then_you():
    assert _items([("Ivy Chan 陳詩韻", "日本團嘅機位已經full咗"), ("黃太", "Marco 韓國團個導遊病咗 你今晚之前搵過個人頂"),
                   ("Marco Lee 李文傑", "收到")]) == [("Marco Lee 李文傑", "搵過個人頂", "2026-03-11")]


def test_yes_and_a_sooner_first_step_on_the_same_thing_is_one_task_with_the_day_asked():
    assert _items([("黃太", "阿傑，韓國團嘅旅遊巴，你禮拜五前同車行確認埋接機時間。"),
                   ("Marco Lee 李文傑", "好，我聽日朝早就打俾車行。")]) == \
        [("Marco Lee 李文傑", "韓國團嘅旅遊巴，同車行確認接機時間", "2026-03-13")]


def test_once_it_arrives_i_will_is_a_task_with_no_day_of_its_own():
    assert _items([("Ivy Chan 陳詩韻", "客戶話嘉賓名單遲啲先俾。"), ("Marco Lee 李文傑", "好，份名單一到我就編排座位。")]) == \
        [("Marco Lee 李文傑", "名單一到編排座位", None)]
    assert _items([("Marco Lee 李文傑", "相一到，我即刻放上IG。")])[0][2] is None
    assert _items([("Marco Lee 李文傑", "我即刻放上IG。")])[0][2] == "2026-03-11"


def test_the_one_a_thing_is_given_to_after_it_does_not_own_the_speakers_task():
    assert _items([("Ivy Chan 陳詩韻", "我禮拜四前俾份稿黃太睇，再下個禮拜一交印刷廠。")]) == \
        [("Ivy Chan 陳詩韻", "俾稿黃太睇", "2026-03-12"), ("Ivy Chan 陳詩韻", "再交印刷廠", "2026-03-16")]


def test_a_reminder_on_the_task_just_given_is_no_task_of_its_own():
    assert _items([("黃太", "阿傑，新雪櫃禮拜四送到，你負責安裝。"), ("Marco Lee 李文傑", "好。"),
                   ("Ivy Chan 陳詩韻", "阿傑，記得雪櫃後面留位散熱。")]) == [("Marco Lee 李文傑", "新雪櫃送到，安裝", "2026-03-12")]
    assert _items([("黃太", "阿傑，你聽日記得交報告。")]) == [("Marco Lee 李文傑", "交報告", "2026-03-12")]


def test_it_after_a_complaint_is_the_thing_complained_of_not_what_was_done():
    [(owner, task, due)] = _items([("Ivy Chan 陳詩韻", "廚房個抽油煙機成日響，隔籬鋪都投訴咗兩次。"),
                                   ("Marco Lee 李文傑", "咁我聽日搞掂佢。")])
    assert (owner, due) == ("Marco Lee 李文傑", "2026-03-12") and "抽油煙機" in task and "投訴" not in task


def test_after_a_holiday_said_during_it_is_after_this_one():
    # 2027-02-07 is the second day of the Lunar New Year; the days off end on the 9th
    assert _items([("黃太", "阿傑，開年第一個工作天你就要同 vendor 開個 call。")], date="2027-02-07")[0][2] == "2027-02-10"
    assert _items([("黃太", "Ivy，復活節後第一個工作天交 report。")], date="2027-03-27")[0][2] == "2027-03-30"
    assert _items([("黃太", "Ivy，中秋後第一個工作天交 report。")], date="2027-09-16")[0][2] == "2027-09-17"


def test_the_giver_correcting_the_day_in_a_turn_of_its_own():
    given = ("黃太", "阿傑，你禮拜五前寫份 report。")
    assert _items([given, ("黃太", "唔好意思，我講錯，係下個禮拜五。")], date="2027-03-10")[0][2] == "2027-03-19"
    assert _items([given, ("黃太", "Sorry，應該係禮拜四。")], date="2027-03-10")[0][2] == "2027-03-11"
    assert _items([given, ("黃太", "唔係，係 Ivy 寫。")], date="2027-03-10") == [("Ivy Chan 陳詩韻", "寫 report", "2027-03-12")]


def test_what_is_turned_down_keeps_its_topic_and_goodbye_is_no_task():
    assert _items([("黃太", "阿傑，份 report 唔使你寫喇，Ivy 你寫，禮拜五前。")], date="2027-03-10") == \
        [("Ivy Chan 陳詩韻", "寫 report", "2027-03-12")]
    assert _items([("黃太", "多謝大家今日抽時間嚟開會，下個禮拜三再見。")]) == []
    assert len(_items([("黃太", "阿傑，你禮拜五前 renew 個 domain。"), ("黃太", "阿傑，記得順便 renew 埋個 SSL cert。")])) == 2


def test_a_meeting_date_given_as_a_moment_is_its_local_day():
    assert _items([("黃太", "阿傑，聽日交報告。")], date="2027-03-10T23:30:00-05:00")[0][2] == "2027-03-12"


def test_a_cancellation_naming_the_task_by_its_words_takes_it_back():
    given = ("黃太", "Ivy，你聽日五點前訂埋下個月嘅場地。")
    assert _items([given, ("黃太", "場地嗰樣唔使做喇。")]) == []
    assert _items([given, ("黃太", "Ivy，唔使訂場地喇，活動取消咗。")]) == []
    assert len(_items([given, ("黃太", "報告唔使改。")])) == 1


def test_another_day_offered_after_a_leave_keeps_the_task_with_its_owner():
    assert _items([("黃太", "阿傑，你禮拜五前寫份 report。"), ("Marco Lee 李文傑", "禮拜五我放假喎。"), ("黃太", "咁禮拜四啦。")],
                  date="2027-03-10") == [("Marco Lee 李文傑", "寫 report", "2027-03-11")]


def test_within_months_is_the_same_day_months_later_or_that_months_last():
    assert _items([("黃太", "Ivy，你一個月內交份計劃書。")], date="2027-01-31")[0][2] == "2027-02-28"
    assert _items([("黃太", "阿傑，兩個月內整好個 website。")], date="2027-03-10")[0][2] == "2027-05-10"


def test_a_day_no_calendar_has_gives_no_deadline_and_is_flagged():
    for said in ("阿傑，你2月29號前交份 audit report。", "Ivy，你二月三十號前交份報告。", "阿傑，31/4 前交份報告。"):
        [item] = _extract([("黃太", said)], date="2027-01-31")["action_items"]
        assert item["deadline"] is None and item["needs_review"], said
    [item] = _extract([("黃太", "阿傑，你2月29號前交份 audit report。")], date="2028-01-31")["action_items"]
    assert item["deadline"] == "2028-02-29" and not item["needs_review"]


def test_a_day_settled_then_a_new_request_after_a_comma_keeps_each_its_day():
    assert _items([("黃太", "阿傑，你禮拜五前寫份 report。"), ("Marco Lee 李文傑", "下個禮拜二得唔得？"),
                   ("黃太", "咁就下個禮拜二啦，但係 Ivy 你聽日先俾個 outline 我。")], date="2027-03-10") == \
        [("Marco Lee 李文傑", "寫 report", "2027-03-16"), ("Ivy Chan 陳詩韻", "將 outline 俾黃太", "2027-03-11")]


def test_the_giver_handing_the_task_to_another_in_the_next_turn():
    given = ("黃太", "阿傑，你禮拜五前寫份 report。")
    for said in ("啊唔係，Ivy 你寫啦，阿傑你忙。", "唔係，Ivy 你寫啦。"):
        assert _items([given, ("黃太", said)], date="2027-03-10") == [("Ivy Chan 陳詩韻", "寫 report", "2027-03-12")], said


def test_a_speaker_label_typed_at_the_start_of_the_text_is_who_said_it():
    assert _items([("Ivy Chan 陳詩韻", "黃太：阿傑，你禮拜五前 send 份 proposal 俾客。")], date="2027-03-10") == \
        [("Marco Lee 李文傑", "send proposal 俾客", "2027-03-12")]
    assert _items([("Ivy Chan 陳詩韻", "注意：阿傑你禮拜五前 send 份 proposal 俾客。")], date="2027-03-10") == \
        [("Marco Lee 李文傑", "send proposal 俾客", "2027-03-12")]


def test_the_same_speaker_going_on_still_speaks_to_the_one_called():
    given = ("黃太", "阿傑，你禮拜五前 renew 個 domain。")
    assert _items([given, ("黃太", "另外你下個禮拜一前 book 埋會議室。")], date="2027-03-10")[1] == \
        ("Marco Lee 李文傑", "book 會議室", "2027-03-15")
    assert _items([given, ("黃太", "仲有，記得下個禮拜一前 book 埋會議室。")], date="2027-03-10")[1] == \
        ("Marco Lee 李文傑", "book 會議室", "2027-03-15")
    assert _items([given, ("黃太", "記得順便 renew 埋個 SSL cert。")], date="2027-03-10")[1][:2] == \
        ("Marco Lee 李文傑", "renew SSL cert")
    assert len(_items([given, ("黃太", "記得 renew 個 domain 呀，唔好又過期。")], date="2027-03-10")) == 1


def test_thanks_for_what_was_done_then_a_request_is_the_thanked_ones():
    assert _items([("黃太", "多謝 Ivy 幫手，聽日記得 send 埋份 slides 俾我。")]) == \
        [("Ivy Chan 陳詩韻", "send slides 俾黃太", "2026-03-12")]
    assert _items([("黃太", "多謝 Ivy 幫手，份 slides 好靚。")]) == []


def test_we_by_a_limit_is_the_speakers_work_in_the_speakers_zone():
    assert _items([("Marco Lee 李文傑", "我哋聽朝九點前 send 份 contract 俾黃太。")]) == \
        [("Marco Lee 李文傑", "send contract 俾黃太", "2026-03-12T09:00:00+08:00")]
    # London is on GMT on 12 March 2026: 09:00 there is 17:00 in Hong Kong
    assert _items([("Priya Shah", "我哋呢邊聽朝九點前 send 份 contract 俾黃太。")])[0][2] == "2026-03-12T17:00:00+08:00"
    assert _items([("Marco Lee 李文傑", "我哋聽日開會。")]) == []


def test_english_commitments_read_as_tasks():
    assert _items([("Marco Lee 李文傑", "I will circulate the minutes tomorrow.")]) == \
        [("Marco Lee 李文傑", "circulate the minutes", "2026-03-12")]
    assert _items([("Ivy Chan 陳詩韻", "Let me follow up with the vendor by Friday.")]) == \
        [("Ivy Chan 陳詩韻", "follow up with the vendor", "2026-03-13")]


def test_a_month_naming_which_thing_is_no_deadline():
    assert _items([("黃太", "Ivy，你訂埋下個月嘅場地。")]) == [("Ivy Chan 陳詩韻", "訂下個月嘅場地", None)]
    assert _items([("黃太", "Ivy，你聽日五點前訂埋下個月嘅場地。")])[0][2] == "2026-03-12T17:00:00+08:00"
    assert _items([("黃太", "個個都要出席聽日嘅培訓。")])[0][2] == "2026-03-12"


def test_a_condition_or_an_aside_after_the_task_is_not_the_task():
    assert _items([("黃太", "阿傑，你禮拜五前俾份初稿我，趁你未去培訓。")]) == [("Marco Lee 李文傑", "將初稿俾黃太", "2026-03-13")]
    assert _items([("Ivy Chan 陳詩韻", "One more thing，我聽日 send 份 risk assessment 俾黃太。")]) == \
        [("Ivy Chan 陳詩韻", "send risk assessment 俾黃太", "2026-03-12")]
    assert _items([("黃太", "Ivy，你禮拜五前出份 PDF 俾客，前提係佢俾到數。")]) == [("Ivy Chan 陳詩韻", "出 PDF 俾客", "2026-03-13")]


def test_them_after_a_question_whether_the_work_is_wanted_is_that_work():
    assert _items([("Ivy Chan 陳詩韻", "黃太，員工旅行名單使唔使加埋兩個新同事？"), ("黃太", "梗係要，禮拜五前你加咗佢哋入去。")]) == \
        [("Ivy Chan 陳詩韻", "員工旅行名單加兩個新同事", "2026-03-13")]


def test_the_owners_own_plan_approved_with_a_bare_verb_is_the_plan():
    assert _items([("Marco Lee 李文傑", "舊電腦堆滿貨倉，我想逐部洗咗硬碟，再捐俾慈善機構。"), ("黃太", "好，你月尾前搞掂。")]) == \
        [("Marco Lee 李文傑", "逐部洗硬碟，再捐俾慈善機構", "2026-03-31")]


def test_handing_in_after_a_list_of_what_to_cover_is_the_same_task():
    assert _items([("黃太", "阿傑，你寫份檢討報告，成本超咗幾多、啲客點投訴，下個禮拜三前交俾我。")]) == \
        [("Marco Lee 李文傑", "寫檢討報告，交俾黃太", "2026-03-18")]


def test_before_opening_or_starting_work_is_part_of_the_due_time():
    assert _items([("黃太", "阿傑，你聽日開舖前 update 個收銀程式。")]) == [("Marco Lee 李文傑", "update 收銀程式", "2026-03-12")]
    assert _items([("Ivy Chan 陳詩韻", "我聽日開工前 check 晒啲貨。")]) == [("Ivy Chan 陳詩韻", "check 晒貨", "2026-03-12")]


def test_a_terse_decision_on_a_question_or_a_proposal_says_what_it_decides():
    decided = _extract([("Ivy Chan 陳詩韻", "黃太，清明嗰日貨倉開唔開？"), ("黃太", "清明照關。")])["decisions"]
    assert [d["text"] for d in decided] == ["清明嗰日貨倉：清明照關"]
    decided = _extract([("Marco Lee 李文傑", "不如我哋轉用雲端 backup，平好多。"), ("黃太", "暫時唔轉住。")])["decisions"]
    assert [d["text"] for d in decided] == ["轉用雲端 backup：暫時唔轉住"]
    decided = _extract([("Marco Lee 李文傑", "我諗過不如加多兩部影印機。"), ("黃太", "OK，唔好加。")])["decisions"]
    assert [d["text"] for d in decided] == ["加多兩部影印機，唔好加"]
    decided = _extract([("Marco Lee 李文傑", "啲客想我哋遲啲先收舖。"), ("黃太", "好，咁就定十點收舖。")])["decisions"]
    assert [d["text"] for d in decided] == ["定十點收舖"]


def test_the_person_worked_with_or_contacted_is_not_the_owner():
    for said in ("阿傑，聽日 call 吓 Ivy 問吓個 pricing。", "阿傑，聽日同 Ivy 對吓數。", "阿傑，聽日搵吓 Ivy 問吓個 pricing。",
                 "阿傑，聽日同 Ivy 傾吓個 pricing。"):
        assert [o for o, _, _ in _items([("黃太", said)])] == ["Marco Lee 李文傑"], said
    assert [o for o, _, _ in _items([("黃太", "Ivy，你聽日 call 吓阿傑問吓個 server 情況。")])] == ["Ivy Chan 陳詩韻"]


def test_who_is_away_is_not_asked_the_one_covering_is():
    assert _items([("黃太", "Ivy 請咗假，阿傑你頂住先，聽日 send 份 report 俾客。")])[0][::2] == ("Marco Lee 李文傑", "2026-03-12")


def test_a_day_or_time_changed_later_in_the_talk_is_the_one_kept():
    assert _items([("黃太", "Ivy，份 press release 下個禮拜二出。"), ("Marco Lee 李文傑", "客話要遲兩日。"),
                   ("黃太", "咁改做下個禮拜四啦，Ivy。")]) == [("Ivy Chan 陳詩韻", "press release 出", "2026-03-19")]
    assert _items([("Ivy Chan 陳詩韻", "我今晚十點前 send 份 deck 俾大家。"), ("黃太", "Ivy，改做八點前啦，老細九點要睇。"),
                   ("Ivy Chan 陳詩韻", "OK。")]) == [("Ivy Chan 陳詩韻", "send deck 俾大家", "2026-03-11T20:00:00+08:00")]
    assert _items([("黃太", "Ivy，份 press release 下個禮拜二出。"),
                   ("Ivy Chan 陳詩韻", "唔係下個禮拜二，係下個禮拜四呀，我哋上次講好咗。"), ("黃太", "啱，下個禮拜四。")])[0][2] == "2026-03-19"
    assert _items([("黃太", "Ivy，下個禮拜二前 send 份 deck 得唔得？"), ("Ivy Chan 陳詩韻", "可能要多兩日，禮拜四啦。"),
                   ("黃太", "OK。")])[0][2] == "2026-03-19"
    assert _items([("黃太", "阿傑，份 tender 下個禮拜三交。"), ("Marco Lee 李文傑", "可唔可以推到下個禮拜五？啲報價未返晒。"),
                   ("黃太", "好啦，就下個禮拜五，唔可以再遲。")])[0][2] == "2026-03-20"


def test_the_giver_asking_for_sooner_and_the_owner_agreeing():
    assert _items([("Marco Lee 李文傑", "我今晚十點前 send 份 deck。"), ("黃太", "早啲啦，八點前得唔得？"),
                   ("Marco Lee 李文傑", "OK，八點。")])[0][2] == "2026-03-11T20:00:00+08:00"
    assert _items([("Marco Lee 李文傑", "我今晚十點前 send 份 deck。"), ("黃太", "早啲啦，八點前得唔得？"),
                   ("Marco Lee 李文傑", "唔得呀，最早都十點。")])[0][2] == "2026-03-11T22:00:00+08:00"


def test_no_need_to_wait_till_the_day_asked_is_sooner_not_called_off():
    assert _items([("黃太", "阿傑，禮拜五前 send 份 quote。"), ("Marco Lee 李文傑", "唔使禮拜五，我今日就 send 埋佢。")]) == \
        [("Marco Lee 李文傑", "send quote", "2026-03-11")]


def test_your_side_is_the_remote_listeners_clock_and_a_city_side_is_that_citys():
    # London is on GMT on 12 March 2027: 09:00 there is 17:00 in Hong Kong
    for said in ("Priya，你嗰邊禮拜五朝早九點前 send 份 forecast 俾我。", "Priya，London 嗰邊禮拜五朝早九點前 send 份 forecast 俾我。"):
        assert _items([("黃太", said)], date="2027-03-10") == [("Priya Shah", "send forecast 俾黃太", "2027-03-12T17:00:00+08:00")], said


def test_own_errands_and_if_anything_contact_me_are_no_tasks():
    for said in ("今晚八點前我一定要走，要去接個仔放學。", "我禮拜五下晝要去睇醫生，三點前要走。", "我聽日請假，有嘢 WhatsApp 我。",
                 "我禮拜五前都唔會得閒，有嘢遲啲先搵我。"):
        assert _items([("Marco Lee 李文傑", said)]) == [], said
    assert _items([("黃太", "阿傑，有嘢即刻 WhatsApp 我，聽日交份報告。")]) == [("Marco Lee 李文傑", "交報告", "2026-03-12")]


def test_called_off_after_it_turns_out_done_and_an_old_instruction_reported():
    assert _items([("黃太", "Ivy，你整個 customer survey 出嚟，下個禮拜五前。"), ("Marco Lee 李文傑", "其實上個月 marketing 做咗個一樣嘅。"),
                   ("黃太", "咁啱，咁 survey 唔使做喇。")]) == []
    assert _items([("黃太", "Ivy 你聽日打俾 printing 公司 confirm 個 order。"), ("Ivy Chan 陳詩韻", "佢哋頭先已經 email 咗 confirm 喇。"),
                   ("黃太", "咁就唔使打喇。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "上次老細叫阿傑禮拜五前交，不過佢已經交咗。")]) == []


def test_a_name_before_whose_thing_is_not_who_is_asked():
    assert _items([("Marco Lee 李文傑", "個 contract 我睇咗一半。"), ("黃太", "Ivy 嗰份 contract 你聽日 check 埋佢。")]) == \
        [("Marco Lee 李文傑", "check contract", "2026-03-12")]


def test_requests_said_other_usual_ways_give_their_item():
    assert _items([("黃太", "Ivy，嚟緊禮拜五之前交份 budget 俾我。")]) == [("Ivy Chan 陳詩韻", "交 budget 俾黃太", "2026-03-13")]
    assert _items([("黃太", "阿傑，你聽日或者後日 send 份 quote。")]) == [("Marco Lee 李文傑", "send quote", "2026-03-13")]
    assert _items([("黃太", "Ivy 幫阿傑 book 機票，禮拜五前。")]) == [("Ivy Chan 陳詩韻", "幫阿傑 book 機票", "2026-03-13")]
    assert _items([("黃太", "Ivy will follow up with the vendor by next Tuesday.")]) == \
        [("Ivy Chan 陳詩韻", "follow up with the vendor", "2026-03-17")]
    assert _items([("黃太", "Ivy，下個禮拜三，唔好意思講錯，下個禮拜四前出份 newsletter。")]) == \
        [("Ivy Chan 陳詩韻", "出 newsletter", "2026-03-19")]
    assert _items([("黃太", "阿傑，禮拜五前 close 晒啲 ticket。")]) == [("Marco Lee 李文傑", "close 晒 ticket", "2026-03-13")]


def test_somebody_covering_for_the_one_asked_who_is_away_takes_it():
    assert _items([("黃太", "阿傑，你聽日得唔得去客嗰度 install？"), ("Ivy Chan 陳詩韻", "阿傑聽日請咗假喎，我去啦。"),
                   ("黃太", "好，唔該 Ivy。")]) == [("Ivy Chan 陳詩韻", "去客嗰度 install", "2026-03-12")]


def test_the_one_called_after_a_contact_verb_and_a_comma_is_not_addressed():
    assert _items([("黃太", "阿傑，聽日 call 吓 Ivy，問吓個 pricing。")]) == \
        [("Marco Lee 李文傑", "call Ivy，問吓 pricing", "2026-03-12")]


def test_both_due_by_one_time_said_after_two_peoples_tasks():
    assert _items([("黃太", "Ivy 你整 agenda，阿傑你 book 房，兩樣都聽日搞掂。")]) == \
        [("Ivy Chan 陳詩韻", "整 agenda", "2026-03-12"), ("Marco Lee 李文傑", "book 房", "2026-03-12")]


def test_let_it_go_after_a_decline_calls_the_task_off():
    assert _items([("黃太", "阿傑，你可唔可以禮拜五前做個 demo video？"), ("Marco Lee 李文傑", "禮拜五前做唔切喎。"),
                   ("黃太", "咁算啦，唔使做住。")]) == []


def test_before_the_meeting_given_in_the_same_turn_is_its_day_and_time():
    assert _items([("黃太", "聽日兩點開會，阿傑你開會前 print 好啲 handout。")]) == \
        [("Marco Lee 李文傑", "print 好 handout", "2026-03-12T14:00:00+08:00")]
    assert _items([("黃太", "阿傑，你開會前 check 吓份 agenda。")])[0][2] is None


def test_when_another_needs_it_is_not_the_owners_day():
    assert _items([("黃太", "阿傑，Ivy 禮拜五前要份 data，你聽日 send 俾佢。")])[0][::2] == ("Marco Lee 李文傑", "2026-03-12")


def test_a_word_of_praise_or_push_to_a_named_person_then_the_request():
    assert _items([("黃太", "阿傑積極啲，聽日交份 report。")]) == [("Marco Lee 李文傑", "交 report", "2026-03-12")]
    assert _items([("黃太", "阿傑好叻，聽日你再 present 多次俾客睇。")]) == [("Marco Lee 李文傑", "present 多次俾客睇", "2026-03-12")]
    assert _items([("黃太", "阿傑好叻。")]) == []


def test_a_time_answered_for_tonight_or_the_end_of_work_is_in_the_evening():
    assert _items([("黃太", "阿傑，今晚 send 份 deck 得唔得？"), ("Marco Lee 李文傑", "得，十二點前。")])[0][2] == "2026-03-11T23:59:00+08:00"
    assert _items([("黃太", "阿傑，今日收工前，即係七點前，send 份 file 俾我。")])[0][2] == "2026-03-11T19:00:00+08:00"


def test_the_giver_saying_there_is_no_hurry_gives_the_later_day():
    given = ("Marco Lee 李文傑", "我今晚十點前 send 份 draft。")
    assert _items([given, ("黃太", "唔使咁趕，聽日中午前得喇。")])[0][2] == "2026-03-12T12:00:00+08:00"
    assert _items([given, ("黃太", "其實唔急，下個禮拜一先俾我都得。")])[0][2] == "2026-03-16"


def test_told_to_cancel_the_thing_by_name_and_a_hypothetical():
    assert _items([("黃太", "Ivy，你禮拜五前 print 晒啲 brochure。"), ("Marco Lee 李文傑", "個 event 已經 cancel 咗喎。"),
                   ("黃太", "係喎，咁啲 brochure cancel 咗佢啦。")]) == []
    assert _items([("黃太", "如果我係你，我會聽日即刻 call 個客。")]) == []


def test_a_handover_then_by_when_it_is_done_is_one_task():
    assert _items([("黃太", "阿傑，你下個禮拜三之前 update 埋個 launch deck。"),
                   ("Marco Lee 李文傑", "下個禮拜三我要飛台北，真係抽唔到身喎。"),
                   ("黃太", "咁改由 Ivy 跟個 launch deck 啦，下個禮拜三前搞掂。"), ("Ivy Chan 陳詩韻", "好，我嚟跟。")],
                  date="2026-03-12") == [("Ivy Chan 陳詩韻", "update launch deck", "2026-03-18")]


def test_the_name_after_a_requests_final_particle_is_who_it_is_said_to():
    assert _items([("黃太", "聽日交份 report 呀，阿傑。")]) == [("Marco Lee 李文傑", "交 report", "2026-03-12")]


def test_called_by_name_then_can_you_help_me_is_a_request():
    assert _items([("Ivy Chan 陳詩韻", "阿傑，可唔可以幫我聽日 print 晒啲 handout？"), ("Marco Lee 李文傑", "OK。")]) == \
        [("Marco Lee 李文傑", "幫 Ivy print 晒 handout", "2026-03-12")]


def test_a_request_by_name_accepted_with_no_problem_is_no_decision():
    out = _extract([("黃太", "阿傑，份 proposal 後日交得唔得？"), ("Marco Lee 李文傑", "冇問題。")])
    assert out["decisions"] == [] and [(a["owner"], a["deadline"]) for a in out["action_items"]] == [("Marco Lee 李文傑", "2026-03-13")]


def test_once_past_a_holiday_is_after_it():
    # 2027-06-09: the Tuen Ng holiday is that day; the first working day after it is the 10th
    assert _items([("黃太", "阿傑，過咗端午之後第一個工作天 call 返個客。")], date="2027-06-09") == \
        [("Marco Lee 李文傑", "call 返客", "2027-06-10")]


def test_run_on_requests_without_spaces_or_commas_split_at_each_name_and_you():
    assert _items([("黃太", "Ivy你聽日send份deck俾客阿傑你後日整份quote")]) == \
        [("Ivy Chan 陳詩韻", "send deck俾客", "2026-03-12"), ("Marco Lee 李文傑", "整 quote", "2026-03-13")]


@pytest.mark.parametrize("turns, moved", [
    ([("黃太", "Ivy，下個禮拜三前整好份 newsletter。"), ("Ivy Chan 陳詩韻", "好。"),  # another takes it over
      ("黃太", "啊，諗諗吓都係阿傑接手啦，Ivy 你專心搞 event。")], ("Marco Lee 李文傑", "整好 newsletter", "2026-03-18")),
    ([("黃太", "阿傑跟 banner 嘅 design，禮拜五前。"), ("Ivy Chan 陳詩韻", "唔係呀，banner 係我跟開㗎。"),  # mine all along
      ("黃太", "哦，係，咁 Ivy 你跟，禮拜五前。")], ("Ivy Chan 陳詩韻", "跟 banner 嘅 design", "2026-03-13")),
    ([("黃太", "Ivy，你後日交份 budget。"), ("Marco Lee 李文傑", "唔係喎，份 budget 係 Ivy 跟㗎。")],  # not yours, theirs
     ("Ivy Chan 陳詩韻", "交 budget", "2026-03-13")),
    ([("黃太", "阿傑，你後日交份 budget。"), ("Ivy Chan 陳詩韻", "唔係喎，份 budget 係我跟㗎。"), ("黃太", "啊係，咁 Ivy 你後日交。")],
     ("Ivy Chan 陳詩韻", "交 budget", "2026-03-13")),
    ([("黃太", "Ivy，你禮拜五前 update 個 website。"), ("Ivy Chan 陳詩韻", "唔係我喎，website 一向係阿傑負責。"),
      ("Marco Lee 李文傑", "係，我禮拜五前 update。")], ("Marco Lee 李文傑", "update website", "2026-03-13")),
    ([("Marco Lee 李文傑", "我聽日整個 mock-up。"), ("黃太", "唔好喇，交俾 Ivy 做啦，你專心搞 tender。"),  # the owner to focus elsewhere
      ("Ivy Chan 陳詩韻", "OK，我聽日整。")], ("Ivy Chan 陳詩韻", "整 mock-up", "2026-03-12")),
])
def test_a_later_turn_moves_the_task_to_who_takes_it(turns, moved):
    assert _items(turns) == [moved]


def test_a_handover_by_topic_or_by_a_bare_go_ahead_moves_the_task_with_its_day():
    assert _items([
        ("黃太", "阿傑，禮拜五之前揀好三間酒店做 venue。"),
        ("Marco Lee 李文傑", "好。"),
        ("Ivy Chan 陳詩韻", "阿傑禮拜四同禮拜五請咗假喎。"),
        ("黃太", "咁酒店嗰part 交俾 Ivy 跟。"),
    ]) == [("Ivy Chan 陳詩韻", "揀好三間酒店做 venue", "2026-03-13")]
    assert _items([
        ("黃太", "Ivy，你下個禮拜一前續埋影印機嘅保養。"),
        ("Marco Lee 李文傑", "唔係喎，影印機一直係我跟開。"),
        ("黃太", "係喎，咁阿傑你搞啦。"),
    ]) == [("Marco Lee 李文傑", "續影印機嘅保養", "2026-03-16")]
    # 「跟住先」 is "for now", not "then"; 「佢份…」 names the thing
    assert ("Ivy Chan 陳詩韻", "跟進 server 報告", "2026-03-13") in _items([
        ("黃太", "阿傑下個禮拜要去深圳睇廠，佢份 server 報告就由 Ivy 跟住先，禮拜五前。")])


def test_another_person_saying_they_will_do_part_of_it_takes_that_part():
    assert _items([
        ("黃太", "Ivy，你聽日寫埋份新聞稿，同埋禮拜五前約好攝影師。"),
        ("Marco Lee 李文傑", "攝影師嗰part 我嚟啦，我識人。"),
        ("黃太", "好。"),
    ]) == [("Ivy Chan 陳詩韻", "寫新聞稿", "2026-03-12"), ("Marco Lee 李文傑", "約好攝影師", "2026-03-13")]


def test_a_later_limit_after_a_task_for_a_day_starts_another_task():
    assert _items([("黃太", "Ivy，聽日 send 份 agenda 俾董事，禮拜五前訂埋晚飯。")]) == [
        ("Ivy Chan 陳詩韻", "send agenda 俾董事", "2026-03-12"), ("Ivy Chan 陳詩韻", "訂晚飯", "2026-03-13")]


def test_a_day_moved_after_a_reason_or_by_naming_the_owner_again_moves_the_task():
    assert _items([
        ("黃太", "Ivy，禮拜五前出份 press kit。"),
        ("Ivy Chan 陳詩韻", "好。"),
        ("黃太", "唔好意思，老闆想早啲睇，改做禮拜四。"),
    ]) == [("Ivy Chan 陳詩韻", "出 press kit", "2026-03-12")]
    assert _items([
        ("黃太", "阿傑，禮拜四之前裝好新 router。"),
        ("Marco Lee 李文傑", "OK。"),
        ("Ivy Chan 陳詩韻", "新 router 下個禮拜先到貨喎。"),
        ("黃太", "咁阿傑你下個禮拜三先裝啦。"),
    ]) == [("Marco Lee 李文傑", "裝好新 router", "2026-03-18")]


def test_a_request_asked_as_can_you_or_did_it_reach_takes_the_day_the_answer_offers():
    assert _items([
        ("黃太", "阿傑，今晚十點前可唔可以 backup 埋個 database？"),
        ("Marco Lee 李文傑", "十點趕唔切，十二點前啦。"),
        ("黃太", "好。"),
    ]) == [("Marco Lee 李文傑", "backup database", "2026-03-11T23:59:00+08:00")]
    [(owner, _, due)] = _items([
        ("黃太", "Ivy，份 survey 結果聽日整到嗎？"),
        ("Ivy Chan 陳詩韻", "聽日要見客喎，禮拜五得唔得？"),
        ("黃太", "OK。"),
    ])
    assert (owner, due) == ("Ivy Chan 陳詩韻", "2026-03-13")


def test_a_department_said_in_the_other_language_names_the_attendee_in_it():
    people = [*ATTENDEES, {"name": "Mandy Ho", "role": "人事部主任"}, {"name": "Rob Lam", "role": "Legal counsel"}]
    items = _items([
        ("黃太", "新入職同事嘅 staff card 要 HR 嗰邊跟，下個禮拜一前出。"),
        ("黃太", "法律部要睇埋份租約，禮拜五前。"),
        ("Ivy Chan 陳詩韻", "市場部嗰邊好多客問新價錢。"),  # her own department: a topic, nobody asked
    ], attendees=people)
    assert items == [("Mandy Ho", "出新入職同事嘅 staff card", "2026-03-16"), ("Rob Lam", "睇租約", "2026-03-13")]


def test_a_day_said_in_english_after_a_name_is_no_other_person():
    assert _items([("黃太", "Ivy，Friday 前交 logo。"), ("黃太", "阿傑，Monday 前 reset 埋個 router。")]) == [
        ("Ivy Chan 陳詩韻", "交 logo", "2026-03-13"), ("Marco Lee 李文傑", "reset router", "2026-03-16")]


def test_a_leave_policy_is_work_and_nobody_away():
    assert _items([("黃太", "Ivy，禮拜五前出埋通告通知大家新年放假安排。"), ("Marco Lee 李文傑", "我聽日改好請假表。")]) == [
        ("Ivy Chan 陳詩韻", "出通告通知大家新年放假安排", "2026-03-13"), ("Marco Lee 李文傑", "改好請假表", "2026-03-12")]


def test_the_day_said_after_asking_who_and_a_day_for_everyone_reach_every_task():
    assert _items([("黃太", "份 newsletter 邊個得閒跟一跟？要禮拜四之前出。"), ("Ivy Chan 陳詩韻", "OK，我搞。")]) == [
        ("Ivy Chan 陳詩韻", "跟進 newsletter", "2026-03-12")]
    assert [d for _, _, d in _items([("黃太", "分工係咁：Ivy 負責訂場，阿傑負責整 poster，全部下個禮拜二前搞掂。")])] == [
        "2026-03-17", "2026-03-17"]


def test_a_plan_put_to_the_meeting_or_opened_by_a_go_ahead_is_decided_in_its_own_words():
    out = _extract([("Ivy Chan 陳詩韻", "我哋係咪一致同意年會改喺酒店搞？"), ("黃太", "係，就咁做。")])
    assert [d["text"] for d in out["decisions"]] == ["年會改喺酒店搞"]
    out = _extract([("黃太", "咁就咁話，今年雙糧十二月中出。")])
    assert [d["text"] for d in out["decisions"]] == ["今年雙糧十二月中出"]
    out = _extract([("黃太", "週年晚宴改喺十號晚，大家冇異議就咁定。")])
    assert [d["text"] for d in out["decisions"]] == ["週年晚宴改喺十號晚"]


def test_standing_in_for_someone_away_answers_who_covers_the_part_asked_about():
    [(owner, task, due)] = _items([
        ("黃太", "Ivy 下個禮拜放假喎，咁報價嗰part 邊個頂住先？"),
        ("Marco Lee 李文傑", "我幫佢頂住啦，禮拜二前搞掂。"),
    ])
    assert (owner, due) == ("Marco Lee 李文傑", "2026-03-17") and "報價" in task


def test_a_name_misheard_as_a_homophone_is_the_attendee_it_sounds_like():
    people = [*ATTENDEES, {"name": "林美琪", "role": "會計"}, {"name": "Ken Lau", "aliases": ["阿健"]}]
    assert _items([("黃太", "阿建你後日幫我睇下部影印機。"), ("黃太", "美奇，你聽日交份數。")], attendees=people) == [
        ("Ken Lau", "睇下部影印機", "2026-03-13"), ("林美琪", "交數", "2026-03-12")]
    # two attendees who sound alike: nobody is guessed
    alike = [*ATTENDEES, {"name": "Ken Lau", "aliases": ["阿健"]}, {"name": "Kin Ho", "aliases": ["阿堅"]}]
    assert _items([("黃太", "阿建你後日幫我睇下部影印機。")], attendees=alike)[0][0] is None


def test_i_will_do_it_answering_another_question_takes_nothing_over():
    items = _items([
        ("黃太", "Ivy，你下個禮拜二前交季度報告。"),
        ("黃太", "邊個幫手影印份議程？"),
        ("Marco Lee 李文傑", "我嚟啦。"),
    ])
    assert ("Ivy Chan 陳詩韻", "交季度報告", "2026-03-17") in items and ("Marco Lee 李文傑", "影印議程", None) in items


def test_a_new_day_asked_for_moves_the_task_only_when_agreed():
    asked = [("黃太", "阿傑，禮拜五前交設計稿。"), ("Marco Lee 李文傑", "可唔可以改做下個禮拜一？")]
    assert _items([*asked, ("黃太", "唔得，一定要禮拜五前。")])[0][2] == "2026-03-13"
    assert _items([*asked, ("黃太", "得。")])[0][2] == "2026-03-16"


def test_that_part_or_someones_part_handed_on_moves_the_task():
    assert _items([
        ("黃太", "阿傑，你禮拜五前整好份展覽預算。"),
        ("Marco Lee 李文傑", "我呢排好忙，嗰part交俾 Ivy 跟啦。"),
        ("Ivy Chan 陳詩韻", "OK，我跟。"),
    ]) == [("Ivy Chan 陳詩韻", "整好展覽預算", "2026-03-13")]
    assert _items([("黃太", "阿傑，你下個禮拜三前整好份 proposal。"), ("黃太", "咁阿傑嗰part 交俾 Ivy 跟。")]) == [
        ("Ivy Chan 陳詩韻", "整好 proposal", "2026-03-18")]


def test_a_department_with_two_attendees_in_it_is_nobody():
    people = [*ATTENDEES, {"name": "Eric Ng", "role": "IT technician"}]
    [(owner, _, _)] = _items([("黃太", "IT 嗰邊禮拜五前換好啲舊電腦。")], attendees=people)
    assert owner is None


def test_before_next_week_is_this_weeks_last_working_day():
    assert _items([("黃太", "Ivy，下個禮拜之前約好客戶。")], date="2027-03-24")[0][2] == "2027-03-25"  # Good Friday 26 March


def test_a_hand_in_day_said_after_tasks_for_two_people_is_both_of_theirs():
    assert _items([("黃太", "阿傑負責寫技術部分，Ivy 負責寫報價部分，禮拜五前交。")]) == [
        ("Marco Lee 李文傑", "寫技術部分", "2026-03-13"), ("Ivy Chan 陳詩韻", "寫報價部分", "2026-03-13")]


def test_every_task_given_before_shares_a_day_said_for_all_of_them_later():
    given = [("黃太", "阿傑換部新路由器，Ivy 執好新人資料。")]
    expected = [("Marco Lee 李文傑", "換新路由器", "2026-03-13"), ("Ivy Chan 陳詩韻", "執好新人資料", "2026-03-13")]
    assert _items([*given, ("Priya Shah", "我禮拜三唔喺公司。"), ("黃太", "全部禮拜五前搞掂。")]) == expected
    assert _items([("黃太", "阿傑換部新路由器，Ivy 執好新人資料，兩樣都要禮拜五前交。")]) == expected
    assert _items([*given, ("Priya Shah", "全部禮拜五前搞掂。")]) == [  # another person's 「全部」 sets nobody's day
        ("Marco Lee 李文傑", "換新路由器", None), ("Ivy Chan 陳詩韻", "執好新人資料", None)]


def test_office_verbs_reset_back_up_and_transfer_give_tasks():
    assert _items([("黃太", "阿傑，禮拜五前重設晒啲打印機密碼。"), ("黃太", "Ivy，聽日前轉賬俾律師樓。"),
                   ("黃太", "阿傑，今晚十點前備份客戶資料庫。")]) == [
        ("Marco Lee 李文傑", "重設晒打印機密碼", "2026-03-13"), ("Ivy Chan 陳詩韻", "轉賬俾律師樓", "2026-03-12"),
        ("Marco Lee 李文傑", "備份客戶資料庫", "2026-03-11T22:00:00+08:00")]


def test_an_offer_turned_down_by_name_leaves_the_task_where_it_was_or_with_whom_is_named_next():
    given = [("黃太", "Ivy，你禮拜五前整理好新人資料。"), ("Marco Lee 李文傑", "我嚟啦。")]
    assert _items([*given, ("黃太", "唔使喇阿傑，你跟銷售報告先，Ivy 搞得掂。")]) == [
        ("Ivy Chan 陳詩韻", "整理好新人資料", "2026-03-13")]
    assert _items([*given, ("黃太", "唔好喇阿傑，你太忙，Priya 你做啦。")]) == [
        ("Priya Shah", "整理好新人資料", "2026-03-13")]
    asked = [("黃太", "邊個得閒跟一跟個新網站？要禮拜五之前出。"), ("Marco Lee 李文傑", "OK，我搞。")]
    assert _items([*asked, ("黃太", "阿傑唔好喇，你太忙，Ivy 你搞。")]) == [("Ivy Chan 陳詩韻", "跟進新網站", "2026-03-13")]
    [(owner, _, _)] = _items([*asked, ("黃太", "唔使喇阿傑，遲啲再算。")])
    assert owner is None


def test_another_day_asked_for_as_a_question_stands_only_when_the_giver_agrees():
    asked = [("黃太", "阿傑，禮拜五前交設計稿。"), ("Marco Lee 李文傑", "改做下個禮拜一得唔得？")]
    assert _items(asked)[0][2] == "2026-03-13"  # unanswered
    assert _items([*asked, ("黃太", "唔得。")])[0][2] == "2026-03-13"
    assert _items([*asked, ("黃太", "下個禮拜一太遲，禮拜五啦。")])[0][2] == "2026-03-13"
    assert _items([*asked, ("黃太", "禮拜一唔得，改做禮拜四啦。")])[0][2] == "2026-03-12"
    assert _items([*asked, ("黃太", "得。")])[0][2] == "2026-03-16"


def test_a_day_turned_down_with_another_offered_stands_when_the_asker_says_it_again():
    asked = [("黃太", "阿傑，份設計稿聽日交到嗎？"), ("Marco Lee 李文傑", "聽日唔得，禮拜五得唔得？")]
    for agreed in ("好啦。", "OK，禮拜五啦。"):
        [(owner, _, deadline)] = _items([*asked, ("黃太", agreed)])
        assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13")
    assert _items([("黃太", "阿傑，今晚十一點前可唔可以重啟部伺服器？"), ("Marco Lee 李文傑", "十一點唔得，聽朝七點得唔得？"),
                   ("黃太", "好，聽朝七點。")])[0][::2] == ("Marco Lee 李文傑", "2026-03-12T07:00:00+08:00")
    assert _items([("黃太", "阿傑，禮拜三前可唔可以約到客開會？"), ("Marco Lee 李文傑", "禮拜三唔得，最快禮拜五。"),
                   ("黃太", "好啦。")]) == [("Marco Lee 李文傑", "約到客開會", "2026-03-13")]


def test_who_wants_a_drink_is_no_task_for_whoever_says_me():
    items = _items([("黃太", "Ivy，你下個禮拜二前交季度賬目。"), ("Priya Shah", "有冇人想飲咖啡？"), ("Marco Lee 李文傑", "我嚟啦。")])
    assert items == [("Ivy Chan 陳詩韻", "交季度賬目", "2026-03-17")]


def test_a_department_said_in_full_and_a_verb_said_twice_for_a_little():
    people = [*ATTENDEES, {"name": "Eric Ng", "role": "Logistics manager"}]
    assert _items([("黃太", "物流部聽日前寄晒啲樣板。")], attendees=people) == [("Eric Ng", "寄晒樣板", "2026-03-12")]
    [(owner, _, _)] = _items([("黃太", "資訊科技部聽日前裝好視像會議系統。")],  # 阿傑 is IT too: which of the two?
                             attendees=[*ATTENDEES, {"name": "Eric Ng", "role": "資訊科技部主任"}])
    assert owner is None
    assert _items([("黃太", "合約嗰邊阿傑你禮拜五前睇一睇。")]) == [("Marco Lee 李文傑", "睇合約", "2026-03-13")]


def test_a_day_asked_for_one_of_two_tasks_moves_that_one_only():
    assert _items([("黃太", "阿傑，聽日前更新防毒軟件，禮拜五前備份伺服器。"), ("Marco Lee 李文傑", "備份嗰樣改做下個禮拜三得唔得？"),
                   ("黃太", "得。")]) == [("Marco Lee 李文傑", "更新防毒軟件", "2026-03-12"),
                                         ("Marco Lee 李文傑", "備份伺服器", "2026-03-18")]


def test_someone_named_for_a_declined_task_only_then_takes_it_with_that_day():
    assert _items([("黃太", "Ivy，禮拜二前聯絡客戶。"), ("Ivy Chan 陳詩韻", "我禮拜二前搞唔掂。"),
                   ("黃太", "咁阿傑你下個禮拜五先聯絡啦。")]) == [("Marco Lee 李文傑", "聯絡客戶", "2026-03-20")]


def test_the_speakers_own_department_with_a_day_is_the_speakers_task():
    people = [*ATTENDEES, {"name": "Mandy Ho", "role": "人事部主任"}]
    items = _extract([("Mandy Ho", "人事部下個禮拜一前要出新請假指引。")], attendees=people)["action_items"]
    assert [(a["owner"], a["task"], a["deadline"]) for a in items] == [("Mandy Ho", "出新請假指引", "2026-03-16")]


def test_a_task_handed_to_somebody_not_on_the_list_is_nobodys_we_know_and_keeps_its_day():
    given = [("黃太", "阿傑，禮拜五前寄樣板俾客。")]
    for handover in [("Marco Lee 李文傑", "嗰part交俾阿強跟啦，佢負責物流。"), ("黃太", "改由阿強跟。")]:
        [item] = _extract([*given, handover])["action_items"]
        assert (item["owner"], item["task"], item["deadline"], item["needs_review"]) == (None, "寄樣板俾客", "2026-03-13", True)
    assert _items([*given, ("Marco Lee 李文傑", "嗰part交俾 Ivy 跟啦，佢負責物流。")]) == [("Ivy Chan 陳詩韻", "寄樣板俾客", "2026-03-13")]


def test_of_two_who_offer_the_one_picked_takes_the_task_with_the_day_said_with_the_question():
    asked = [("黃太", "邊個得閒跟一跟個網站更新？要禮拜五之前出。"), ("Ivy Chan 陳詩韻", "我得閒。")]
    assert _items(asked) == [("Ivy Chan 陳詩韻", "跟進網站更新", "2026-03-13")]
    both = [*asked, ("Marco Lee 李文傑", "我都得。")]
    assert _items([*both, ("黃太", "阿傑你搞啦。")]) == [("Marco Lee 李文傑", "跟進網站更新", "2026-03-13")]
    assert _items([*both, ("黃太", "咁 Ivy 你跟啦。")]) == [("Ivy Chan 陳詩韻", "跟進網站更新", "2026-03-13")]


def test_an_asked_for_day_insisted_on_and_accepted_stands_and_a_thing_asked_about_is_written_verb_first():
    asked = [("黃太", "阿傑，份租約聽日交到嗎？"), ("Marco Lee 李文傑", "要禮拜五先得。")]
    assert _items([*asked, ("黃太", "唔得，聽日一定要。"), ("Marco Lee 李文傑", "好啦。")]) == [
        ("Marco Lee 李文傑", "交租約", "2026-03-12")]
    assert _items([*asked, ("黃太", "好啦。")]) == [("Marco Lee 李文傑", "交租約", "2026-03-13")]


def test_said_done_already_in_either_language_leaves_nothing_to_do():
    for done in ("Done already.", "搞掂咗喇。"):
        assert _items([("Marco Lee 李文傑", "Ivy, can you approve my leave application today?"), ("Ivy Chan 陳詩韻", done)]) == []
    assert len(_items([("Marco Lee 李文傑", "Ivy, can you approve my leave application today?"), ("Ivy Chan 陳詩韻", "Sure.")])) == 1


def test_a_typhoon_signal_is_no_date_and_within_this_month_is_its_last_day():
    [(owner, _, deadline)] = _items([("黃太", "颱風如果掛八號波，阿傑你就 email 通知全部同事。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", None)
    assert _items([("黃太", "Ivy，今個月內搞掂份年報。")]) == [("Ivy Chan 陳詩韻", "完成年報", "2026-03-31")]


def test_work_to_be_done_by_a_day_said_with_a_perfective_is_asked_and_an_embedded_question_is_no_question():
    assert _items([("黃太", "阿傑，禮拜五前出咗篇 post。")]) == [("Marco Lee 李文傑", "出 post", "2026-03-13")]
    assert _items([("黃太", "阿傑，聽日前 check 吓個 budget 有冇 overrun。")]) == [
        ("Marco Lee 李文傑", "check budget 有冇 overrun", "2026-03-12")]
    assert _items([("黃太", "Ivy 你禮拜五前 send 份報價，大家有空可以嚟睇吓。")]) == [("Ivy Chan 陳詩韻", "send 報價", "2026-03-13")]


def test_a_due_day_moved_by_so_long_or_corrected_after_a_reason():
    assert _items([("黃太", "阿傑，新同事部手提你禮拜一 set 好。"), ("Marco Lee 李文傑", "好。"),
                   ("黃太", "個新同事延咗一個禮拜先返，所以部手提都遲一個禮拜都得。")]) == [
        ("Marco Lee 李文傑", "set 好新同事部手提", "2026-03-23")]
    assert _items([("黃太", "Ivy，禮拜五前交賬目。"), ("黃太", "講錯，賬目早兩日交。")]) == [("Ivy Chan 陳詩韻", "交賬目", "2026-03-11")]
    assert _items([("黃太", "Ivy，禮拜五前交賬目。"), ("Ivy Chan 陳詩韻", "我遲咗兩日先收到單。")]) == [
        ("Ivy Chan 陳詩韻", "交賬目", "2026-03-13")]
    [(_, _, deadline)] = _items([("黃太", "Ivy，交稅嗰份嘢禮拜三前搞掂。"), ("Ivy Chan 陳詩韻", "好。"),
                                 ("黃太", "啊唔係，稅局延期咗，月尾先交都得。")])
    assert deadline == "2026-03-31"


def test_help_asked_for_oneself_goes_to_who_offers_and_the_askers_reason_is_no_task():
    for offer in ("我幫你啦。", "我嚟啦。", "我得。"):
        assert _items([("Marco Lee 李文傑", "邊個可以幫我影印埋啲圖則？我聽朝要帶去地盤。"), ("Ivy Chan 陳詩韻", offer)]) == [
            ("Ivy Chan 陳詩韻", "幫 Marco 影印圖則", "2026-03-12")]


def test_a_job_title_after_a_surname_names_the_attendee_and_work_kept_after_another_is_dropped():
    assert _items([("黃太", "陳經理，你下個禮拜頭交個 forecast 俾我。")]) == [("Ivy Chan 陳詩韻", "交 forecast 俾黃太", "2026-03-16")]
    assert _items([("黃太", "阿傑，報價唔使改喇，但係照 send 俾客。"), ("Marco Lee 李文傑", "好。")]) == [
        ("Marco Lee 李文傑", "send 報價俾客", None)]


def test_two_pieces_of_work_joined_by_and_are_two_tasks_and_one_called_off_leaves_the_other():
    given = [("黃太", "阿傑你下個禮拜三之前出份報表同埋發 reminder 俾各部門。")]
    assert _items(given) == [("Marco Lee 李文傑", "出報表", "2026-03-18"), ("Marco Lee 李文傑", "發 reminder 俾各部門", "2026-03-18")]
    assert _items([*given, ("Marco Lee 李文傑", "好。"), ("黃太", "啊，reminder 唔使發喇。")]) == [
        ("Marco Lee 李文傑", "出報表", "2026-03-18")]


def test_someone_needed_goes_to_who_offers_in_either_language_with_a_reason_said_first():
    assert _items([("黃太", "I need someone to translate the brochure into Chinese by next Wednesday."),
                   ("Ivy Chan 陳詩韻", "I can do it.")]) == [("Ivy Chan 陳詩韻", "translate the brochure into Chinese", "2026-03-18")]
    [(owner, _, deadline)] = _items([("黃太", "我哋需要有人今個禮拜內去地盤量尺寸。"), ("Marco Lee 李文傑", "我去啦。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13")  # the working week's last day
    assert _items([("Marco Lee 李文傑", "邊個可以幫我聽日拎個 model 去客度？"), ("Ivy Chan 陳詩韻", "我順路，我拎啦。")]) == [
        ("Ivy Chan 陳詩韻", "幫 Marco 拎 model 去客度", "2026-03-12")]


def test_an_own_plan_turned_down_as_already_done_leaves_nothing_and_named_on_moves_it():
    plan = [("Ivy Chan 陳詩韻", "我聽日會 email 份 statement 俾核數師。")]
    assert _items([*plan, ("黃太", "Ivy 唔使喇，我今朝已經 send 咗俾佢哋。")]) == []
    assert _items([*plan, ("黃太", "Ivy 唔使喇，阿傑你 send 啦。")]) == [("Marco Lee 李文傑", "email statement 俾核數師", "2026-03-12")]


def test_before_a_meeting_given_a_turn_before_is_its_day_and_reported_trips_are_news():
    assert _items([("黃太", "下個禮拜二開董事會，大家預一預。"), ("黃太", "Ivy，開會之前準備好財務摘要。")]) == [
        ("Ivy Chan 陳詩韻", "準備好財務摘要", "2026-03-17")]
    assert _items([("黃太", "阿傑頭先話佢下個禮拜要去新加坡見客。")]) == []
    assert _items([("Marco Lee 李文傑", "Ivy, can you approve my leave application today?"), ("Ivy Chan 陳詩韻", "已經批咗喇。")]) == []


def test_an_unnamed_voice_offering_another_day_for_a_task_given_by_name_is_read_without_failing():
    items = _items([("S1", "Ivy，份 Q3 report 你月尾交俾我。"), ("S2", "月尾我真係趕唔切，可唔可以遲到下個禮拜五？"),
                    ("S1", "好啦，咁就下個禮拜五。")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Ivy Chan 陳詩韻", "2026-03-20")]


def test_if_anything_tell_me_is_no_task_and_does_not_hide_the_speakers_own():
    assert _items([("黃太", "下個禮拜開董事會，我會準備好份預算，禮拜一之前搞掂，大家如果有咩要加，禮拜五前話我知。")]) == [
        ("黃太", "準備好預算", "2026-03-16")]
    assert _items([("黃太", "Ivy，有咩問題即刻話我知。")]) == []
    assert _items([("Marco Lee 李文傑", "大家有乜意見，今晚之前 WhatsApp 我。")]) == []


def test_a_topic_opener_a_flagged_remark_and_an_opinion_are_no_tasks():
    assert _items([("黃太", "Ivy，順帶提下，上個月份報告已經交咗喇。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "講開打印機，阿傑，部機上個禮拜已經整好。")]) == []
    assert _items([("黃太", "我睇時間都差唔多，今日就到此為止。")]) == []
    [(owner, task, deadline)] = _items([("Marco Lee 李文傑", "我睇吓份合約先，聽日覆黃太。")])
    assert owner == "Marco Lee 李文傑" and "合約" in task and deadline == "2026-03-12"


def _decisions(turns, **kw):
    return [d["text"] for d in _extract(turns, **kw)["decisions"]]


def test_a_question_settled_and_a_proposal_turned_down_are_decisions():
    assert _decisions([("黃太", "會議室部冷氣仲修唔修？"), ("Marco Lee 李文傑", "咁就修啦。")]) == ["會議室部冷氣：修"]
    assert _decisions([("Ivy Chan 陳詩韻", "不如今年搬去酒店搞聖誕派對？"), ("黃太", "唔好住啦，預算唔夠。")]) == [
        "今年暫時唔搬去酒店搞聖誕派對"]
    [text] = _decisions([("Ivy Chan 陳詩韻", "收到。另外我諗住…不如送啲試用裝俾舊客？"), ("黃太", "唔好住啦，成本太高。")])
    assert text == "暫時唔送啲試用裝俾舊客"
    assert _decisions([("Ivy Chan 陳詩韻", "不如我聽日打俾客問吓？"), ("黃太", "唔好住啦。")]) == []  # an offer, not a plan
    out = _extract([("Marco Lee 李文傑", "月尾轉系統太趕，不如遲啲。"),
                    ("黃太", "咁就下個月中先轉，阿傑你更新個時間表，禮拜五前 send 俾我。")])
    assert [d["text"] for d in out["decisions"]] == ["下個月中先轉"]
    assert [(a["owner"], a["deadline"]) for a in out["action_items"]] == [("Marco Lee 李文傑", "2026-03-13")]
    assert _decisions([("Ivy Chan 陳詩韻", "供應商話免費換。"), ("黃太", "咁就最好，慳返筆錢。")]) == []


def test_a_reason_a_state_and_an_outsiders_plan_are_no_tasks():
    assert _items([("Ivy Chan 陳詩韻", "黃太，份年報大致寫好，淨係差啲相。")]) == []
    assert _items([("黃太", "部影印機我問過供應商，佢哋下個禮拜會派人嚟換，所以唔使搞喇。")]) == []
    [(owner, task, deadline)] = _items([("Ivy Chan 陳詩韻", "阿傑，你禮拜五之前交份稿吖，因為之後要 send 去印，印刷廠要成個禮拜。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13") and "印刷" not in task
    assert _items([("黃太", "Ivy，因為客禮拜五嚟，你禮拜四前整好份 proposal。")]) == [
        ("Ivy Chan 陳詩韻", "整好 proposal", "2026-03-12")]


def test_a_request_opened_by_a_reference_its_when_answered_with_urging_and_a_yes_in_a_word():
    items = _items([
        ("Ivy Chan 陳詩韻", "有位業主投訴管理費加價，寫咗封好長嘅 email。"),
        ("黃太", "你參考返上次份通告，寫個回覆。"),
        ("Ivy Chan 陳詩韻", "要幾時覆佢？"),
        ("黃太", "三個工作天內啦，唔好拖，唔係佢又會再寫。"),
        ("Ivy Chan 陳詩韻", "好，我今日開始寫。"),
    ])
    assert len(items) == 1
    owner, task, deadline = items[0]
    assert owner == "Ivy Chan 陳詩韻" and "回覆" in task and deadline == "2026-03-16"


def test_the_thing_asked_who_does_is_not_worded_with_the_question():
    items = _items([("黃太", "新年海報係邊個負責？"), ("Marco Lee 李文傑", "係我呀。"),
                    ("黃太", "阿傑，咁你可唔可以禮拜五之前交？"), ("Marco Lee 李文傑", "冇問題，我禮拜五交海報初稿俾你。")])
    [(owner, task, deadline)] = items
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13") and "海報" in task and "負責" not in task


def test_an_item_without_an_owner_is_always_flagged_as_the_service_stores_it():
    [item] = _extract([("黃太", "大家聽日放工前填好 timesheet。")])["action_items"]
    assert item["owner"] is None and item["needs_review"] is True


def test_what_we_decided_and_what_the_listener_may_do_with_a_thing_given_are_no_tasks():
    out = _extract([("黃太", "人手方面，我哋決定咗今年聖誕唔請臨時工，唔再加。")])
    assert out["action_items"] == [] and len(out["decisions"]) == 1
    assert _items([("Marco Lee 李文傑", "Ivy，聽朝十點前我 send 埋啲相俾你，你可以放落 newsletter。")]) == [
        ("Marco Lee 李文傑", "send 相俾 Ivy", "2026-03-12T10:00:00+08:00")]


def test_a_condition_or_reason_run_into_the_request_without_a_comma_keeps_the_request():
    # ASR text: no comma after 「如果…」 or 「因為…」, the request follows with 就, 所以 or its own subject
    assert _items([("黃太", "Ivy因為下個禮拜要交你禮拜五前寫好份報告")]) == [("Ivy Chan 陳詩韻", "寫好報告", "2026-03-13")]
    [(owner, task, _)] = _items([("黃太", "阿傑如果部server再hang機你即刻通知我")])
    assert owner == "Marco Lee 李文傑" and task.endswith("通知黃太")  # 我 named, as after 俾
    [(owner, task, deadline)] = _items([("黃太", "因為客禮拜五嚟所以Ivy你聽日整好 proposal 俾我")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12") and task.startswith("整好 proposal")
    assert _items([("黃太", "Marco有咩問題就搵我")]) == []  # "if anything, find me": no work


def test_the_same_askers_next_request_to_one_person_is_a_task_of_its_own():
    items = _items([("黃太", "Ivy，如果客唔覆你，你聽日再 call 佢。"),
                    ("黃太", "因為客禮拜五嚟，所以 Ivy 你聽日整好 proposal 俾我。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12")] * 2
    assert "call" in items[0][1] and "proposal" in items[1][1]


def test_keeping_an_arrangement_as_it_is_decides_the_arrangement_said_before():
    out = _extract([("黃太", "第三，周年晚宴。"),
                    ("Ivy Chan 陳詩韻", "晚宴我上個月已經訂咗五月八號，喺上次嗰間酒樓，二十圍。"),
                    ("黃太", "那就照舊 不改")])
    [decision] = out["decisions"]
    assert "五月八號" in decision["text"] and "酒樓" in decision["text"] and out["action_items"] == []


def test_an_impossible_english_date_is_flagged_not_read_as_its_month():
    [item] = _extract([("黃太", "Ivy, please send the report by April 31st.")])["action_items"]
    assert item["deadline"] is None and item["needs_review"] is True


def test_if_any_comments_email_me_is_no_task_and_a_topic_flag_is_not_the_task():
    assert _items([("黃太", "阿傑，有咩意見，禮拜五前 email 俾我。")]) == []
    [(owner, task, _)] = _items([("黃太", "順帶提下，阿傑跟下個客。")])
    assert owner == "Marco Lee 李文傑" and "提" not in task


def test_sending_to_you_without_a_subject_is_the_speakers_own_and_how_far_it_is_is_not_the_task():
    assert _items([("Ivy Chan 陳詩韻", "份年報大致寫好，聽日 send 俾你。")]) == [
        ("Ivy Chan 陳詩韻", "send 年報俾你", "2026-03-12")]
    [(owner, _, _)] = _items([("黃太", "Ivy，份年報大致寫好，聽日 send 俾你。")])
    assert owner == "黃太"  # Ivy is who gets it


def test_status_talk_reports_no_decisions_and_asking_someone_to_speak_is_no_task():
    out = _extract([
        ("黃太", "好，今日主要係update下進度。阿傑你先講。"),
        ("Marco Lee 李文傑", "供應商取消咗下個禮拜嘅 delivery，改為月尾一次過送。"),
        ("Ivy Chan 陳詩韻", "今個月開始公司改用咗新嘅報銷 form。社交媒體 campaign 都照舊每個禮拜出兩個 post。"),
        ("Marco Lee 李文傑", "預算方面都係維持五十萬，冇變。"),
    ])
    assert out == {"decisions": [], "action_items": []}
    # the same words settling it are decisions: 「…啦」, and what we cancel and move
    assert len(_extract([("黃太", "咁今年預算都係維持五十萬啦。")])["decisions"]) == 1
    out = _extract([("黃太", "我哋取消咗下個禮拜嘅 team building，改為月尾搞。")])
    assert len(out["decisions"]) == 1 and out["action_items"] == []


def test_the_pronoun_after_a_condition_is_who_or_what_the_condition_is_about():
    assert _items([("黃太", "Ivy，如果客唔覆你，你聽日再 call 佢。")]) == [("Ivy Chan 陳詩韻", "call 客", "2026-03-12")]
    [(_, task, _)] = _items([("黃太", "萬一供應商再遲，阿傑你即刻打俾佢。")])
    assert task.endswith("打俾供應商")
    assert _items([("黃太", "如果份報告唔夠詳細，Ivy 你改好佢。")]) == [("Ivy Chan 陳詩韻", "改好報告", None)]
    [(_, task, _)] = _items([("黃太", "如果客唔鍾意，Ivy 你改好佢。")])  # 佢 is the design, not the client
    assert "改好客" not in task


def test_finishing_this_meetings_talk_after_saying_who_one_is_is_no_task():
    people = ATTENDEES + [{"name": "Amy Wong 王美華", "aliases": ["Amy"]}]
    assert _extract([("Amy", "我係 Amy，今日快快手傾埋佢。")], attendees=people)["action_items"] == []


def test_asr_conditions_with_spaces_or_a_name_then_you_and_a_reason_before_a_favour():
    people = [{"name": "Ken"}, {"name": "May"}, {"name": "Ivy"}]
    assert _items([("Ivy", "Ken 你 有 咩 問題 就 搵 我")], attendees=people) == []  # spaced as ASR writes it
    assert _items([("Ivy", "如果May唔得閒Ken你就幫手整份報告禮拜五前交")], attendees=people) == [
        ("Ken", "整報告交", "2026-03-13")]
    assert _items([("Ken", "因為我聽日要去深圳所以份報價May你幫我交")], attendees=people) == [("May", "交報價", "2026-03-12")]


def test_the_thing_said_first_then_who_is_called_and_the_verb():
    assert _items([("黃太", "個通告 Ivy 你出啦。")]) == [("Ivy Chan 陳詩韻", "出通告", None)]
    assert _items([("黃太", "份 check list 阿傑你整埋佢，聽日俾我。")]) == \
        [("Marco Lee 李文傑", "整 check list，俾黃太", "2026-03-12")]
    assert _items([("黃太", "呢份合約 Ivy 你跟啦，禮拜五前簽好。")]) == [("Ivy Chan 陳詩韻", "簽好合約", "2026-03-13")]


def test_a_correction_with_why_the_one_asked_cannot_moves_the_task_and_takes_the_day_said_after():
    for said in ("阿傑你寫個提醒 email。唔係，你已經夠忙。Ivy，你寫，月尾前發出。",
                 "個提醒 email 阿傑你寫啦……唔係，你最近太忙。Ivy 你寫，月尾前發出。"):
        assert _items([("黃太", said)]) == [("Ivy Chan 陳詩韻", "寫提醒 email", "2026-03-31")], said
    assert _items([("黃太", "阿傑你寫個提醒 email。算啦，你已經夠忙，Ivy 你寫啦。")]) == \
        [("Ivy Chan 陳詩韻", "寫提醒 email", None)]


def test_an_english_verb_outside_the_list_is_known_by_its_cantonese_ending_or_object():
    assert _items([("黃太", "咁唔得，阿傑，你今日六點前一定要 relabel 晒嗰四個 pallet。")]) == \
        [("Marco Lee 李文傑", "relabel 晒四個 pallet", "2026-03-11T18:00:00+08:00")]
    assert _items([("黃太", "Ivy，你聽日要 onboard 個新客。")]) == [("Ivy Chan 陳詩韻", "onboard 新客", "2026-03-12")]


def test_a_time_that_is_the_thing_to_confirm_stays_in_the_task():
    [(owner, task, deadline)] = _items([("Marco Lee 李文傑", "我今日下晝打俾客確認收貨時間。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-11") and task.endswith("確認收貨時間")


def test_giving_a_thing_to_him_names_the_one_other_person_of_the_turn():
    assert _items([("黃太", "咁 Ivy 寫份報告，五月尾前交。阿傑你四月尾前俾埋啲數據佢。")]) == \
        [("Ivy Chan 陳詩韻", "寫報告", "2026-05-31"), ("Marco Lee 李文傑", "將數據俾 Ivy", "2026-04-30")]
    assert _items([("黃太", "阿傑你四月尾前俾啲數據 Ivy。")]) == [("Marco Lee 李文傑", "俾數據 Ivy", "2026-04-30")]
    [(_, task, _)] = _items([("黃太", "Ivy 你專心做推廣。呢個 Kelly 跟，佢今日去咗 training，我聽日同佢講。")])
    assert task == "同佢講"  # Kelly, who is no attendee, not Ivy


def test_seeing_to_it_after_a_fault_is_reported_names_the_broken_thing():
    assert _items([("Ivy Chan 陳詩韻", "黃太，禮堂個無線咪上次壞咗。"),
                   ("黃太", "係喎，阿傑你跟一跟佢，禮拜五前一定要搞掂。")]) == \
        [("Marco Lee 李文傑", "跟進禮堂無線咪", "2026-03-13")]
    assert _items([("Ivy Chan 陳詩韻", "三樓部影印機又塞咗紙。"), ("黃太", "阿傑，你今日搵人整好佢。")]) == \
        [("Marco Lee 李文傑", "搵人整好三樓部影印機", "2026-03-11")]


def test_a_verb_said_twice_round_one_is_the_verb():
    assert _items([("黃太", "Ivy，你 check 一 check 份合約，禮拜五前俾意見我。")]) == \
        [("Ivy Chan 陳詩韻", "check 合約，將意見俾黃太", "2026-03-13")]


def test_a_phone_call_is_no_hearsay():
    assert _items([("黃太", "Ivy，你整理好份名單，聽日逐個打電話約佢哋。")]) == \
        [("Ivy Chan 陳詩韻", "整理好名單，逐個打電話約佢哋", "2026-03-12")]


def test_a_limit_said_before_the_first_verb_reaches_the_work_joined_by_and():
    assert _items([("黃太", "好。Ivy，仲有兩樣：你下個禮拜三前 train 埋啲新同事用系統，同埋寫低操作手冊俾分店。")]) == \
        [("Ivy Chan 陳詩韻", "train 新同事用系統", "2026-03-18"), ("Ivy Chan 陳詩韻", "寫低操作手冊俾分店", "2026-03-18")]
    assert _items([("黃太", "Ivy，你下個禮拜一前整好份預算，同埋月尾前 check 埋全部發票。")]) == \
        [("Ivy Chan 陳詩韻", "整好預算", "2026-03-16"), ("Ivy Chan 陳詩韻", "check 全部發票", "2026-03-31")]


def test_what_is_asked_after_an_offer_of_the_same_thing_takes_its_place():
    assert _items([("Marco Lee 李文傑", "我可以叫供應商上去睇下邊幾部冷氣機有問題。"),
                   ("黃太", "阿傑，你禮拜五前約供應商上去睇晒嗰幾部冷氣機，睇完下個禮拜一前出份報告俾我。")],
                  date="2026-06-16") == \
        [("Marco Lee 李文傑", "約供應商上去睇晒幾部冷氣機", "2026-06-19"),
         ("Marco Lee 李文傑", "睇完出報告俾黃太", "2026-06-22")]


def test_question_words_that_say_what_the_speaker_sends_ask_nothing():
    [(owner, task, deadline)] = _items([("Ivy Chan 陳詩韻", "好，咁兩間舖要幾多人、要咩時段，我聽日 send 俾阿傑。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12") and "幾多人" in task and task.endswith("send 俾阿傑")
    assert _items([("黃太", "你哋要幾多人，我聽日 send 俾你？")]) == []


def test_it_handed_in_is_what_was_to_be_handed_in_not_who_wanted_it():
    assert _items([("Ivy Chan 陳詩韻", "消防處要我哋交一份改善計劃。"), ("黃太", "咁你月尾前交咗佢。")]) == \
        [("Ivy Chan 陳詩韻", "交改善計劃", "2026-03-31")]
    [(_, task, _)] = _items([("Ivy Chan 陳詩韻", "消防處要我哋交一份改善計劃。"),
                             ("黃太", "咁你月尾前交咗佢，交之前俾我睇一睇。")])
    assert task.startswith("交改善計劃，")  # what is handed in stays when a step before it follows


def test_a_correction_with_another_verb_moves_the_task_just_given():
    for said in (["仲有份 DR 演習報告，禮拜五前要交，Ivy 你跟。", "唔係，你已經夠忙，阿傑你寫。"],
                 ["仲有份 DR 演習報告，禮拜五前要交，Ivy 你跟。唔係，你已經夠忙，阿傑你寫。"]):
        assert _items([("黃太", s) for s in said], date="2026-09-15") == \
            [("Marco Lee 李文傑", "交 DR 演習報告", "2026-09-18")], said


def test_a_task_given_again_to_somebody_else_by_whoever_gave_it_moves():
    assert _items([("黃太", "份 proposal 阿傑你寫。")], date="2026-09-15") == [("Marco Lee 李文傑", "寫 proposal", None)]
    assert _items([("黃太", "Ivy，你禮拜五前寫份 proposal。"), ("黃太", "份 proposal 阿傑你寫。")], date="2026-09-15") == \
        [("Marco Lee 李文傑", "寫 proposal", "2026-09-18")]
    assert _items([("黃太", "份報告你睇吓。")]) == []  # a look now, in the meeting


def test_work_joined_by_and_keeps_its_own_limit_or_none_when_said_after_it():
    said = "Ivy，你下個禮拜三前出份通告，同埋訂間房，"
    assert [d for _, _, d in _items([("黃太", said + "月尾前。")])] == ["2026-03-18", "2026-03-31"]
    for free in ("唔急嘅。", "有時間先做。"):
        assert [d for _, _, d in _items([("黃太", said + free)])] == ["2026-03-18", None], free


def test_the_verb_alone_given_to_somebody_else_moves_the_task():
    asked = ("黃太", "阿傑，你寫季度報告，禮拜五前。")
    for again in ("唔係喎，阿傑做唔切，Ivy 你寫啦。", "咪住，阿傑下個禮拜放假。Ivy 你寫。", "不如 Ivy 寫啦。", "唔係你，Ivy 寫。"):
        assert _items([asked, ("黃太", again)]) == [("Ivy Chan 陳詩韻", "寫季度報告", "2026-03-13")], again
    both = _items([asked, ("Marco Lee 李文傑", "好。"), ("黃太", "Ivy 你都寫埋，下個禮拜一前。")])
    assert [(o, d) for o, _, d in both] == [("Marco Lee 李文傑", "2026-03-13"), ("Ivy Chan 陳詩韻", "2026-03-16")]  # one more


def test_a_request_ending_in_first_and_an_english_verb_with_a_little():
    assert _items([("黃太", "Ivy 你寫報告先。")]) == [("Ivy Chan 陳詩韻", "寫報告", None)]
    assert _items([("黃太", "Ivy，你寫報告先啦。")]) == [("Ivy Chan 陳詩韻", "寫報告", None)]
    assert _items([("黃太", "Ivy，你報告先。")]) == []  # report now, in the meeting
    assert _items([("黃太", "Ivy，你 update 吓個 budget sheet。")]) == [("Ivy Chan 陳詩韻", "update budget sheet", None)]
    assert _items([("黃太", "Ivy，你 proofread 份稿，聽日前。")]) == [("Ivy Chan 陳詩韻", "proofread 稿", "2026-03-12")]
    assert _items([("黃太", "Ivy，你 update 吓大家。")]) == []


def test_where_to_turn_if_need_be_is_no_task():
    for said in ("Ivy 你要 copy 就搵我。", "Ivy 你唔明就問阿傑。"):
        assert _items([("黃太", said)]) == [], said
    assert _items([("黃太", "Ivy 你聽日搵阿傑。")]) == [("Ivy Chan 陳詩韻", "搵阿傑", "2026-03-12")]


def test_a_group_whose_thing_the_work_is_about_does_not_take_the_task():
    assert _items([("黃太", "Ivy，你二十二號前整好糧單，同埋年尾前 check 埋全部同事嘅 MPF 供款。")]) == \
        [("Ivy Chan 陳詩韻", "整好糧單", "2026-03-22"), ("Ivy Chan 陳詩韻", "check 全部同事嘅 MPF 供款", "2026-12-31")]
    [(owner, _, deadline)] = _items([("黃太", "大家嘅 timesheet 禮拜五前要交。")])
    assert (owner, deadline) == (None, "2026-03-13")  # everyone's to hand in


def test_waiting_on_others_is_no_work():
    assert _items([("黃太", "阿傑，poster 嗰樣唔使搞喇，等總公司寄嚟就得。")]) == []


def test_let_me_is_the_speakers_own_work():
    assert _items([("黃太", "阿傑，你等我 send 份報價俾你先。")]) == [("黃太", "send 報價俾阿傑", None)]
    assert _items([("黃太", "份報價等我聽日 send 俾客。")]) == [("黃太", "send 報價俾客", "2026-03-12")]
    assert _items([("黃太", "阿傑要等我批咗先可以落單。")]) == []  # waiting for me, no work


def test_the_days_circumstances_are_no_due_day():
    for said in ("今日好忙，Ivy 你寫報告。", "聽日會落大雨，Ivy 你寫報告。"):
        assert _items([("黃太", said)]) == [("Ivy Chan 陳詩韻", "寫報告", None)], said
    assert _items([("黃太", "今日好忙，Ivy 你聽日寫報告。")]) == [("Ivy Chan 陳詩韻", "寫報告", "2026-03-12")]


def test_given_a_thing_then_the_name_is_the_recipient_not_somebody_called():
    assert _items([("黃太", "阿傑你俾份報價 Ivy，禮拜五前。")]) == [("Marco Lee 李文傑", "俾報價 Ivy", "2026-03-13")]


def test_a_comparison_is_no_part_of_the_task():
    assert _items([("黃太", "阿傑比 Ivy 快，所以阿傑你寫報告。")]) == [("Marco Lee 李文傑", "寫報告", None)]
    assert _items([("黃太", "呢個月比上個月忙，Ivy 你寫報告。")]) == [("Ivy Chan 陳詩韻", "寫報告", None)]


def test_the_thing_first_then_the_name_without_you_or_with_please_or_a_comma():
    for said in ("個通告 Ivy 出啦。", "個通告唔該 Ivy 你出。", "個通告 Ivy，你出啦。", "個通告 Ivy 你出吓。"):
        assert _items([("黃太", said)]) == [("Ivy Chan 陳詩韻", "出通告", None)], said
    assert _items([("黃太", "張單阿傑 check 晒佢，聽日前。")]) == [("Marco Lee 李文傑", "check 單", "2026-03-12")]
    assert _items([("黃太", "阿傑，你開張 PO 咗佢。")]) == [("Marco Lee 李文傑", "開張 PO", None)]


def test_a_sentence_with_no_subject_goes_on_with_the_work_just_asked():
    for said in ("阿傑你出通告。聽日之內貼晒三座大堂。", "咁阿傑你幫手出通告，你熟嗰啲指引。聽日之內貼晒三座大堂。"):
        assert _items([("黃太", said)]) == [("Marco Lee 李文傑", "出通告，貼晒三座大堂", "2026-03-12")], said
    assert _items([("黃太", "阿傑你出通告。下個禮拜開會再傾。")]) == [("Marco Lee 李文傑", "出通告", None)]
    # each with its own day: two tasks
    assert [d for _, _, d in _items([("黃太", "阿傑你今日同供應商講，一定要禮拜五送到。裝好 test 埋，下個禮拜一之前要搞掂。")])] == \
        ["2026-03-11", "2026-03-16"]


def test_done_by_a_new_day_after_a_handover_is_the_handed_task_with_that_day():
    said = [("黃太", "阿傑，你下個工作天搞掂 C 區嘅 cycle count，得唔得？"), ("Marco Lee 李文傑", "下個工作天我驚分唔到身。"),
            ("黃太", "都係。咁交俾 Ivy 做，佢熟 WMS。佢今日請咗假，我 email 同佢講，叫佢下個禮拜三前做好。")]
    assert ("Ivy Chan 陳詩韻", "搞掂 C 區嘅 cycle count", "2026-03-18") in _items(said)
    assert all("熟" not in task for _, task, _ in _items(said))  # how Ivy stands is not what she does


def test_yes_and_how_in_the_next_turn_is_no_task_of_its_own():
    said = [("黃太", "阿傑，你幫我搵人設計張叉車安全嘅 poster，貼喺每個 loading bay。"),
            ("Marco Lee 李文傑", "冇問題，我搵返上次嗰間印刷公司。")]
    assert [owner for owner, _, _ in _items(said)] == ["Marco Lee 李文傑"]
    said[1] = ("Marco Lee 李文傑", "冇問題，另外我聽日 check 埋個 server。")  # more work, its own
    assert len(_items(said)) == 2


def test_how_far_the_work_is_is_no_task():
    assert _items([("Ivy Chan 陳詩韻", "黃太，migration 嗰邊準備得七七八八，今朝已經做咗一次 full backup。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "份報告寫得差唔多喇。")]) == []


def test_what_the_meeting_covers_said_with_words_apart_is_no_task():
    assert _items([("黃太", "好 我們 開始 啦 今日 是 假期 前 最後 一個 會 主要 講 下個月 的 開放日 同埋 下學期 考試 安排")]) == []


def test_yes_and_a_first_step_the_same_day_is_part_of_the_task_asked():
    said = [("黃太", "呢單要即刻處理，Ivy 你即刻覆個客，同佢安排暫住酒店嘅 claim 手續。"),
            ("Ivy Chan 陳詩韻", "好，我開完會即刻打俾佢。")]
    assert [owner for owner, _, _ in _items(said)] == ["Ivy Chan 陳詩韻"]


def test_a_handover_with_a_verb_of_the_work_or_naming_the_thing_short_moves_the_task():
    asked = ("黃太", "阿傑，你寫季度報告，禮拜五前。")
    assert _items([asked, ("黃太", "改由 Ivy 寫。")]) == [("Ivy Chan 陳詩韻", "寫季度報告", "2026-03-13")]
    assert _items([asked, ("黃太", "咁改由 Ivy 寫啦，下個禮拜一前。")]) == [("Ivy Chan 陳詩韻", "寫季度報告", "2026-03-16")]
    assert _items([asked, ("黃太", "份報告改由 Ivy 跟。")]) == [("Ivy Chan 陳詩韻", "寫季度報告", "2026-03-13")]


def test_the_askers_name_then_what_the_speaker_cannot_do_is_a_decline_not_the_askers_task():
    for speakers in (("黃太", "Marco Lee 李文傑"), ("SPEAKER_00", "SPEAKER_01")):
        said = [(speakers[0], "阿傑，你聽日下晝去個 training 啦。"),
                (speakers[1], "黃太，唔好意思，聽日下晝我有個 surgery，約咗個病人好耐，改唔到。")]
        assert all(owner != "黃太" for owner, _, _ in _items(said)), speakers


def test_a_greeting_and_getting_on_with_the_meeting_are_no_task():
    assert _items([("SPEAKER_00", "好，各位早晨，趁九點半第一個症未嚟，我哋快快手傾埋佢。")]) == []


def test_carrying_on_as_before_is_no_new_work():
    said = "咁新 system 嗰樣暫時唔搞住，Ivy 你照舊用人手 WhatsApp 提醒啦。阿傑，你聽日同佢哋傾吓個價。"
    assert [owner for owner, _, _ in _items([("黃太", said)])] == ["Marco Lee 李文傑"]


def test_more_of_the_days_circumstances_are_no_due_day_but_a_day_kept_as_before_is():
    for said in ("聽日我唔喺度，Ivy 你寫報告。", "月尾好多嘢做，Ivy 你交 budget。"):
        assert [d for _, _, d in _items([("黃太", said)])] == [None], said
    assert [(o, d) for o, _, d in _items([("黃太", "阿傑，份合約照舊禮拜五前交。")])] == [("Marco Lee 李文傑", "2026-03-13")]


def test_a_short_verb_and_object_stands_alone():
    said = [("黃太", "阿傑，你寫季度報告，禮拜五前。Ivy 你訂房。"), ("黃太", "唔係，阿傑訂房。")]
    assert _items(said) == [("Marco Lee 李文傑", "寫季度報告", "2026-03-13"), ("Marco Lee 李文傑", "訂房", None)]


def test_the_day_offered_stays_when_the_chair_takes_up_the_offer():
    said = [("Marco Lee 李文傑", "咁 Facebook ads 呢？我可以負責，下個禮拜五前 set 好。"), ("黃太", "好，阿傑你跟 Facebook ads。")]
    assert [(o, d) for o, _, d in _items(said)] == [("Marco Lee 李文傑", "2026-03-20")]


def test_the_owner_correcting_who_with_why_and_the_yes_after_it():
    said = [("黃太", "仲有，農曆新年之前要出埋 bonus 名單，阿傑你負責。"), ("Marco Lee 李文傑", "唔係，應該係黃太你自己交，我冇 access。"),
            ("黃太", "好啦，我交。今晚八點前我 send 個 agenda 俾大家。")]
    assert _items(said, date="2026-12-03") == [("黃太", "出 bonus 名單", "2027-02-06"),
                                               ("黃太", "send agenda 俾大家", "2026-12-03T20:00:00+08:00")]


def test_a_correction_reaches_past_another_task_given_between():
    said = [("黃太", "阿傑，你寫季度報告，禮拜五前。"), ("黃太", "Ivy 你訂房。"), ("黃太", "唔係喎，阿傑做唔切，Ivy 你寫啦。")]
    assert _items(said) == [("Ivy Chan 陳詩韻", "寫季度報告", "2026-03-13"), ("Ivy Chan 陳詩韻", "訂房", None)]


def test_more_ways_to_say_who_does_it_instead():
    asked = [("黃太", "阿傑你下個禮拜五前寫季度報告。"), ("Marco Lee 李文傑", "好。")]
    for said, owner in (("唔係阿傑，係 Ivy 寫。", "Ivy Chan 陳詩韻"), ("改為 Ivy 寫。", "Ivy Chan 陳詩韻"),
                        ("今次改由我寫。", "黃太"), ("咁改為我自己跟啦。", "黃太")):
        assert [(o, t, d) for o, t, d in _items(asked + [("黃太", said)])] == [(owner, "寫季度報告", "2026-03-20")], said
    # a bare yes between leaves the task still being settled
    said = asked + [("Ivy Chan 陳詩韻", "嗯。"), ("黃太", "唔係喎，改由 Ivy 寫。")]
    assert _items(said) == [("Ivy Chan 陳詩韻", "寫季度報告", "2026-03-20")]


def test_a_group_reminded_of_work_without_a_day_is_a_task_for_everyone():
    assert _items([("黃太", "大家記得填 timesheet。")]) == [(None, "填 timesheet", None)]
    assert _items([("黃太", "大家要小心啲。")]) == []


def test_a_correction_after_a_dash_with_its_reason_asks_again_for_the_new_day():
    for said in ("Ivy，你禮拜五之前打俾供應商，問吓佢哋幾時出貨——啊唔係，佢禮拜五放假，你聽日打啦。",
                 "Ivy，你禮拜五之前打俾供應商，問吓佢哋幾時出貨，唔係，佢禮拜五返大陸，你聽日打啦，禮拜四。"):
        assert _items([("黃太", said)]) == [("Ivy Chan 陳詩韻", "打俾供應商，問吓佢哋幾時出貨", "2026-03-12")], said


def test_taking_on_other_work_for_the_same_person_takes_nothing_over():
    said = [("黃太", "咁 Ivy 你喺復活節放假之前整好份 draft 俾我睇，得唔得？"), ("Ivy Chan 陳詩韻", "OK，冇問題。"),
            ("黃太", "呢點好關鍵。"), ("Marco Lee 李文傑", "我嚟跟，禮拜五之前寫個 memo 俾你。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-25")] == [("Ivy Chan 陳詩韻", "2026-04-02"),
                                                                       ("Marco Lee 李文傑", "2026-03-27")]


def test_a_weekday_said_to_correct_another_stays_in_its_week_even_with_a_reason():
    asked = [("黃太", "Ivy，你下個禮拜四交個 deck。"), ("Ivy Chan 陳詩韻", "好。")]
    for said in ("呀唔係，禮拜三。", "呀唔係，禮拜三，因為禮拜四開會。"):
        assert _items(asked + [("黃太", said)], date="2027-01-04") == [("Ivy Chan 陳詩韻", "交 deck", "2027-01-13")], said
    assert _items([("黃太", "Ivy，你下個禮拜四前交個 deck，唔係，禮拜三。")], date="2027-01-04") == [
        ("Ivy Chan 陳詩韻", "交 deck", "2027-01-13")]


def test_who_corrected_after_an_interjection_or_on_second_thoughts():
    asked = [("黃太", "阿傑，禮拜三前 book 好 venue。"), ("Marco Lee 李文傑", "OK。")]
    for said in ("呀唔係，我講錯，應該係 Ivy 嘅。", "啊等等，其實都係 Ivy 啦，佢識個場主。", "其實都係 Ivy 好啲。"):
        assert [(o, d) for o, _, d in _items(asked + [("黃太", said)])] == [("Ivy Chan 陳詩韻", "2026-03-18")], said
    assert [o for o, _, _ in _items(asked + [("黃太", "其實都係咁啦。")])] == ["Marco Lee 李文傑"]


def test_english_phrasal_verbs_and_a_request_to_get_it_done():
    for said, task in (("阿傑，你聽日 cancel 個酒店 booking。", "cancel 酒店 booking"), ("阿傑，記得聽日 back up 個 database。", "back up database"),
                       ("阿傑，聽日 wrap up 個 project。", "wrap up project"), ("阿傑，麻煩你聽日 book 咗個大會議室。", "book 大會議室")):
        assert _items([("黃太", said)]) == [("Marco Lee 李文傑", task, "2026-03-12")], said
    assert _items([("黃太", "阿傑已經 book 咗個大會議室。")]) == []


def test_a_meeting_wished_for_and_its_day_fixed_are_no_due_day_for_the_invitations():
    said = [("黃太", "最後，四月九號我想同 Priya 開個 case conference，過一過佢個 opinion。"),
            ("黃太", "好，咁就定咗九號。Ivy，麻煩你 book 咗個大會議室，同埋 send 個 calendar invite 俾大家。")]
    assert _items(said, date="2026-03-25") == [("Ivy Chan 陳詩韻", "book 大會議室", None),
                                               ("Ivy Chan 陳詩韻", "send calendar invite 俾大家", None)]


def test_an_apology_for_asking_and_what_somebody_said_before_are_no_tasks():
    assert _items([("黃太", "Priya, sorry 要你咁夜都要開會。咁我哋快手啲。")]) == []
    assert _items([("Marco Lee 李文傑", "黃太，之前你話要搵外判商做 audit，我已經問咗兩間公司報價……")]) == []
    # telling somebody is still a task
    assert [o for o, _, _ in _items([("黃太", "阿傑，之前你話俾 Ivy 知嗰件事，你聽日再跟一跟。")])] == ["Marco Lee 李文傑"]
    assert _items([("黃太", "Ivy，你聽日 scan 份文件。")]) == [("Ivy Chan 陳詩韻", "scan 文件", "2026-03-12")]


def test_where_somebody_will_be_is_not_what_a_bare_verb_works_on():
    said = [("黃太", "仲有，原本阿傑跟稅局嗰個 tax return filing，不過你聽日要返 workshop 係咪？"),
            ("Marco Lee 李文傑", "係，成日都喺大學。"), ("黃太", "咁改由 Ivy 跟。Ivy，聽朝十一點前一定要 file 咗，呢個好急。")]
    [(owner, task, due)] = _items(said, date="2026-03-25")
    assert (owner, due) == ("Ivy Chan 陳詩韻", "2026-03-26T11:00:00+08:00") and "filing" in task and "大學" not in task


def test_any_work_given_alone_to_another_or_taken_back_moves_the_task_just_given():
    said = [("黃太", "阿傑你禮拜五前整好個 deck。"), ("Marco Lee 李文傑", "好。"), ("Ivy Chan 陳詩韻", "但係阿傑禮拜五放假喎。"),
            ("黃太", "哦係喎，咁 Ivy 你幫手搞。")]
    assert _items(said, date="2026-12-10") == [("Ivy Chan 陳詩韻", "整好 deck", "2026-12-11")]
    said = [("黃太", "阿傑，禮拜五前整好份 pricing。"), ("Marco Lee 李文傑", "我今個禮拜好爆，可唔可以轉俾 Ivy？"),
            ("黃太", "OK，Ivy 你 take 咗佢。"), ("Ivy Chan 陳詩韻", "好。")]
    assert _items(said, date="2026-12-14") == [("Ivy Chan 陳詩韻", "整好 pricing", "2026-12-18")]
    said = [("黃太", "阿傑，禮拜三前 book 好下個月個 venue。"), ("Marco Lee 李文傑", "我試下啦，不過我禮拜二飛台灣。"),
            ("黃太", "算啦，我自己 book。")]
    assert [(o, d) for o, _, d in _items(said, date="2027-01-11")] == [("黃太", "2027-01-13")]
    # another task given with 都…埋 is added, not moved
    said = [("黃太", "阿傑你禮拜五前整好個 deck。"), ("黃太", "Ivy 你都搞埋。")]
    assert [o for o, _, _ in _items(said, date="2026-12-10")][0] == "Marco Lee 李文傑"


def test_work_somebody_else_says_they_have_already_done_is_no_task():
    said = [("黃太", "阿傑你聽日 call 個客。"), ("Marco Lee 李文傑", "好。"), ("Ivy Chan 陳詩韻", "我頭先已經 call 咗喇。")]
    assert _items(said, date="2026-12-10") == []
    said = [("黃太", "阿傑你聽日 call 個客。"), ("Ivy Chan 陳詩韻", "我頭先已經 send 咗份報價喇。")]
    assert _items(said, date="2026-12-10") == [("Marco Lee 李文傑", "call 客", "2026-12-11")]


def test_a_bare_cancellation_after_the_thing_put_on_hold_calls_it_off():
    said = [("黃太", "阿傑，你禮拜三前整好個 banner。"), ("Marco Lee 李文傑", "好。"), ("黃太", "咁個 banner hold 住先，唔使整住。")]
    assert _items(said, date="2027-02-01") == []


def test_the_thing_then_就_and_who_and_a_handover_after_a_reason_and_yeses():
    asked = [("黃太", "份 report 就阿傑跟啦。"), ("Marco Lee 李文傑", "嗯。")]
    assert _items(asked, date="2026-12-10") == [("Marco Lee 李文傑", "跟進 report", None)]
    for said in ("唔係喎，阿傑做緊 audit，都係交俾 Ivy 啦。", "唔係喎，阿傑做緊 audit，Ivy 你跟啦。", "交俾 Ivy 啦。"):
        assert _items(asked + [("Ivy Chan 陳詩韻", "OK。"), ("黃太", said)], date="2026-12-10") == [
            ("Ivy Chan 陳詩韻", "跟進 report", None)], said


def test_the_asker_going_on_after_the_owners_yes_gives_the_day():
    said = [("黃太", "Ivy 你搞下 venue。"), ("Ivy Chan 陳詩韻", "好。"), ("黃太", "禮拜四前要 confirm 喎。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-12-14")] == [("Ivy Chan 陳詩韻", "2026-12-17")]


def test_the_verb_alone_to_the_one_who_spoke_or_is_named_after_it_moves_the_task():
    said = [("黃太", "Ivy 聽日打俾個 landlord 傾續租。"), ("Ivy Chan 陳詩韻", "好。"),
            ("Marco Lee 李文傑", "我同個 landlord 比較熟喎。"), ("黃太", "咁你打啦。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-12-10")] == [("Marco Lee 李文傑", "2026-12-11")]
    said = [("黃太", "Ivy，你聽日 send 份 quotation 俾客得唔得？"), ("Ivy Chan 陳詩韻", "嗯。"),
            ("Marco Lee 李文傑", "其實我手上有最新版。"), ("黃太", "咁不如你 send 啦阿傑。"), ("Marco Lee 李文傑", "OK。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-12-10")] == [("Marco Lee 李文傑", "2026-12-11")]
    # said to the owner, nothing moves
    said = [("黃太", "Ivy 聽日打俾個 landlord。"), ("Ivy Chan 陳詩韻", "我打定 email？"), ("黃太", "咁你打啦。")]
    assert [o for o, _, _ in _items(said, date="2026-12-10")] == ["Ivy Chan 陳詩韻"]


def test_a_name_then_the_thing_its_day_and_verb_without_commas_reads_verb_first():
    for said in ("Ivy 個 deck 下個禮拜四交。", "Ivy，個 deck 下個禮拜四交啦。"):
        assert _items([("黃太", said), ("Ivy Chan 陳詩韻", "好。")], date="2027-01-04") == [("Ivy Chan 陳詩韻", "交 deck", "2027-01-14")], said
    assert _items([("黃太", "Ivy 個 deck 好靚。")], date="2027-01-04") == []


def test_an_offer_turned_down_with_how_it_went_last_time_and_another_named():
    said = [("Marco Lee 李文傑", "個 banner 我嚟整。"), ("黃太", "唔好喇，你上次整到好核突，Ivy 整。")]
    assert _items(said, date="2026-12-14") == [("Ivy Chan 陳詩韻", "整 banner", None)]


def test_a_handover_naming_one_of_two_tasks_with_a_chinese_alias_moves_only_that_one():
    said = [("黃太", "Ivy，你聽朝十點前交份報價俾我，另外下個禮拜五之前整埋份培訓簡報，得唔得？"),
            ("Ivy Chan 陳詩韻", "報價冇問題，聽朝十點前 send 俾你。"), ("黃太", "唔係，培訓簡報改由阿傑跟。"),
            ("Marco Lee 李文傑", "OK，培訓簡報我跟，下個禮拜五前搞掂。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-12")] == [
        ("Ivy Chan 陳詩韻", "2026-03-13T10:00:00+08:00"), ("Marco Lee 李文傑", "2026-03-20")]


def test_a_reply_that_takes_two_things_in_turn_gives_each_its_own_day():
    asked = ("黃太", "Ivy，你覆核咗份合約先，同埋簽埋啲 form。")
    for reply in ("合約我聽日覆核好，form 就後日之前簽晒。", "合約我聽日覆核好。form 就後日之前簽晒。"):
        assert sorted((t, d) for _, t, d in _items([asked, ("Ivy Chan 陳詩韻", reply)], date="2026-09-17")) == [
            ("簽 form", "2026-09-19"), ("覆核合約", "2026-09-18")], reply
    said = [("黃太", "Ivy，你同客 confirm 埋個 guest list，同埋將時間表 send 返俾佢哋。"),
            ("Ivy Chan 陳詩韻", "Guest list 佢哋話今晚先俾到，我兩個工作天內 confirm 埋佢，時間表我今日 send 到。")]
    assert sorted(d for _, _, d in _items(said, date="2026-09-17")) == ["2026-09-17", "2026-09-21"]


def test_a_weekday_offered_back_for_a_day_of_next_week_stays_in_that_week():
    for counter, yes in (("下個禮拜四我唔得，禮拜三得唔得？", "OK，禮拜三。"), ("禮拜四唔得，禮拜三得唔得？", "好啦。")):
        said = [("黃太", "Ivy，你下個禮拜四交份報告俾我。"), ("Ivy Chan 陳詩韻", counter), ("黃太", yes)]
        assert [d for _, _, d in _items(said, date="2026-09-14")] == ["2026-09-23"], counter  # a Monday


def test_a_handover_naming_no_task_after_two_moves_both_and_asks_for_a_check():
    said = [("黃太", "Ivy，你聽日打去海關問清楚，同埋禮拜五前寫好份報告。"), ("Ivy Chan 陳詩韻", "好。"), ("黃太", "唔係，改由阿傑跟啦。")]
    found = _extract(said, date="2026-09-14")["action_items"]
    assert [(a["owner"], a["needs_review"]) for a in found] == [("Marco Lee 李文傑", True)] * 2
    said[-1] = ("黃太", "唔係，係阿傑寫。")  # the verb names one: only that one moves, nothing to check
    found = _extract(said, date="2026-09-14")["action_items"]
    assert [(a["owner"], a["task"], a["needs_review"]) for a in found] == [
        ("Ivy Chan 陳詩韻", "打去海關問清楚", False), ("Marco Lee 李文傑", "寫好報告", False)]


def test_the_asker_letting_the_owner_off_and_naming_another_moves_the_task():
    for then in ("咁就阿傑跟啦。", "咁就交俾阿傑啦。", "唔使喇 Ivy，阿傑做。", "Ivy 唔使喇，阿傑會跟。"):
        said = [("黃太", "Ivy，你聽日打去海關問清楚。"), ("Ivy Chan 陳詩韻", "我做緊 audit 喎。"), ("黃太", then)]
        assert _items(said, date="2026-09-14") == [("Marco Lee 李文傑", "打去海關問清楚", "2026-09-15")], then


def test_the_two_people_just_given_tasks_swap_them_when_the_asker_says_so():
    given = ("黃太", "Ivy，你聽日打去海關，阿傑，你禮拜五前寫好份報告。")
    swapped = [("Marco Lee 李文傑", "打去海關", "2026-09-15"), ("Ivy Chan 陳詩韻", "寫好報告", "2026-09-18")]
    for then in ([("黃太", "調轉啦。")], [("黃太", "唔係，你哋兩個調轉啦。")],
                 [("Ivy Chan 陳詩韻", "好。"), ("Marco Lee 李文傑", "不如調轉吖？我同海關熟啲。"), ("黃太", "好。")]):
        assert _items([given, *then], date="2026-09-14") == swapped, then
    # asked for by one of them, and the asker says no: as given
    said = [given, ("Marco Lee 李文傑", "不如調轉吖？"), ("黃太", "唔好，照舊。")]
    assert [o for o, _, _ in _items(said, date="2026-09-14")] == ["Ivy Chan 陳詩韻", "Marco Lee 李文傑"]


def test_work_said_done_by_its_owner_or_of_its_owner_is_no_task():
    assert _items([("黃太", "Ivy，你禮拜五前交份報告俾我。"), ("Ivy Chan 陳詩韻", "交咗喇，上個禮拜交咗。")], date="2026-09-14") == []
    asked = ("黃太", "阿傑，你聽日 send 份 quotation 俾客。")
    assert _items([asked, ("Ivy Chan 陳詩韻", "阿傑已經 send 咗喇。")], date="2026-09-14") == []
    # part of it done, or asked whether done: still to do
    for said in ("阿傑已經 send 咗第一份喇，仲有第二份。", "阿傑已經 send 咗未？"):
        assert [o for o, _, _ in _items([asked, ("Ivy Chan 陳詩韻", said)], date="2026-09-14")] == ["Marco Lee 李文傑"], said


def test_a_task_put_on_hold_with_nothing_to_do_for_now_is_taken_back():
    asked = [("黃太", "阿傑，你聽日 send 份 quotation 俾客。"), ("Marco Lee 李文傑", "OK。")]
    assert _items([*asked, ("黃太", "hold 住先，唔使做住，等老細批咗先。")], date="2026-09-14") == []
    assert len(_items([*asked, ("黃太", "hold 住先，等老細批咗先。")], date="2026-09-14")) == 1  # waits, still theirs


def test_a_thing_named_briefly_is_named_as_fully_as_the_meeting_said_it_before():
    said = [("Marco Lee 李文傑", "三樓後樓梯嗰個滅火筒過咗期。"), ("黃太", "阿傑，你聽日換個滅火筒。")]
    assert _items(said, date="2026-09-14") == [("Marco Lee 李文傑", "換三樓後樓梯滅火筒", "2026-09-15")]
    # words that are no part of a name stay out: a person, a time, a condition, English said around it
    for before in ("Ivy 話個滅火筒過咗期。", "上個月個滅火筒過咗期。", "如果個滅火筒過咗期。", "I think the 滅火筒過咗期。"):
        assert _items([("Marco Lee 李文傑", before), said[1]], date="2026-09-14") == [
            ("Marco Lee 李文傑", "換滅火筒", "2026-09-15")], before
    for before in ("上個禮拜三樓後樓梯嗰個滅火筒過咗期。", "你知唔知三樓後樓梯個滅火筒過咗期？", "原來三樓後樓梯嗰個滅火筒過咗期。"):
        assert _items([("Marco Lee 李文傑", before), said[1]], date="2026-09-14") == [
            ("Marco Lee 李文傑", "換三樓後樓梯滅火筒", "2026-09-15")], before
    # two of them named: which one is for a person to say, not for a guess
    two = ("Marco Lee 李文傑", "三樓後樓梯嗰個滅火筒過咗期，五樓茶水間個滅火筒都係。")
    assert _items([two, said[1]], date="2026-09-14") == [("Marco Lee 李文傑", "換滅火筒", "2026-09-15")]
    mic = [("Ivy Chan 陳詩韻", "6樓會議室個 mic 冇聲。"), ("黃太", "阿傑，你聽日 check 個 mic。")]
    assert _items(mic, date="2026-09-14") == [("Marco Lee 李文傑", "check 6樓會議室 mic", "2026-09-15")]


def test_what_keeps_somebody_from_helping_is_no_task_of_theirs():
    asked = ("Ivy Chan 陳詩韻", "下個禮拜三有啲趕，如果阿傑可以分一半就得。")
    for said in ("我下個禮拜頭兩日要執手尾喎，驚幫唔到。", "我下個禮拜要執手尾，幫唔到。", "嗰朝要出貨喎，我驚分唔到身。"):
        assert _items([asked, ("Marco Lee 李文傑", said)], date="2026-09-14") == [], said


def test_an_offer_said_as_a_question_is_the_speakers_task_unless_turned_down():
    offer = ("Ivy Chan 陳詩韻", "咁我聽朝六點半喺 WhatsApp group 出個通告，話畀大家知返唔返工？")
    assert [(o, d) for o, _, d in _items([offer, ("黃太", "好，就咁做。")], date="2026-09-14")] == [
        ("Ivy Chan 陳詩韻", "2026-09-15T06:30:00+08:00")]
    assert _items([offer, ("黃太", "唔使喇。")], date="2026-09-14") == []
    assert _items([("Ivy Chan 陳詩韻", "我聽朝出個通告，好唔好？"), ("黃太", "唔好住。")], date="2026-09-14") == []
    # turned down by one who does it instead
    assert _items([("Ivy Chan 陳詩韻", "咁我聽朝出個通告？"), ("黃太", "唔使喇，我出。")], date="2026-09-14") == [
        ("黃太", "出通告", "2026-09-15")]


def test_a_request_run_together_without_commas_after_a_particle_and_with_a_start_day():
    said = [("Marco Lee 李文傑", "夜更得十個人"), ("黃太", "咁唔得喎你今日之內搵 agency 要多六個 temp 由下個禮拜一開始返夜更")]
    assert _items(said, date="2026-09-14") == [("Marco Lee 李文傑", "搵 agency 要多六個 temp 返夜更", "2026-09-14")]


def test_who_looks_after_what_after_an_agenda_is_no_task_and_the_agenda_gives_no_day():
    agenda = ("黃太", "今日主要傾吓新 office 嘅 network。")
    for said in ("我係阿傑，IT 嗰邊我負責。", "IT 嗰邊我負責。"):
        assert _items([agenda, ("Marco Lee 李文傑", said)]) == [], said
    assert [d for _, _, d in _items([agenda, ("黃太", "阿傑，你跟進。")])] == [None]  # 今日 is when we talk, not when due


def test_a_colleague_named_after_my_is_the_owner_not_the_speaker():
    for said in ("我 London 嗰邊嘅同事 Priya 要 London time Friday 5pm 前覆 email。", "我同事 Priya 要 London time Friday 5pm 前覆 email。"):
        assert _items([("黃太", said)]) == [("Priya Shah", "覆 email", "2026-03-14T01:00:00+08:00")], said
    assert all(o != "黃太" for o, _, _ in _items([("黃太", "我同事聽日覆 email。")]))  # somebody, not the speaker


def test_whose_turn_it_is_to_speak_is_no_task():
    assert _items([("黃太", "Ivy，最後講埋 budget。")]) == []
    assert [o for o, _, _ in _items([("黃太", "Ivy，你聽日講吓個 budget 俾大家聽。")])] == ["Ivy Chan 陳詩韻"]


def test_letting_one_person_off_moves_their_task_not_the_one_given_last():
    said = [("黃太", "Ivy，你今日 send 份 agenda。"), ("黃太", "阿傑，你禮拜三前 book 好酒店。"), ("黃太", "Ivy 唔使喇，Priya 做。")]
    assert [(o, t) for o, t, _ in _items(said, date="2026-09-14")] == [
        ("Priya Shah", "send agenda"), ("Marco Lee 李文傑", "book 好酒店")]


def test_get_it_done_said_with_zo_an_english_verb_of_work_and_meeting_a_client_are_tasks():
    said = [("黃太", "阿傑，你 check 咗個 server log，同埋重啟部 printer。"), ("Marco Lee 李文傑", "OK。")]
    assert [t for _, t, _ in _items(said, date="2026-09-14")] == ["check server log", "重啟部 printer"]
    assert _items([("黃太", "阿傑，禮拜五前 revise 個 budget。")], date="2026-09-14") == [
        ("Marco Lee 李文傑", "revise budget", "2026-09-18")]
    assert [o for o, _, _ in _items([("黃太", "阿傑，聽日幫我接個客。"), ("Marco Lee 李文傑", "OK。")], date="2026-09-14")] == [
        "Marco Lee 李文傑"]
    for done in ("阿傑，你 send 咗份 report 喇。", "阿傑，你 send 咗份 report 未？"):  # done, or asked whether done
        assert _items([("黃太", done)], date="2026-09-14") == [], done


def test_who_got_in_touch_is_who_to_answer_and_the_day_they_did_is_no_due_day():
    # 今朝 says when the client called: the reply is due tomorrow (a call today would ring a phone)
    assert _items([("黃太", "阿傑，客今朝打咗嚟，你聽日覆佢。")]) == [("Marco Lee 李文傑", "覆客", "2026-03-12")]
    assert _items([("黃太", "阿傑，個供應商尋日 email 咗嚟，你今日之內覆佢。")]) == [("Marco Lee 李文傑", "覆供應商", "2026-03-11")]
    # what the caller wants is theirs, no task for the one it is told to
    assert _items([("黃太", "阿傑，客今朝又打咗嚟，佢想同你直接傾。")]) == []
    assert _items([("黃太", "阿傑，客今朝又打咗嚟，佢想同你直接傾，你聽日打返俾佢。")]) == \
        [("Marco Lee 李文傑", "打返俾客", "2026-03-12")]
    assert _items([("黃太", "阿傑 客 今朝 打咗 嚟 你 聽日 覆 佢")])[0][2] == "2026-03-12"  # ASR text, one clause
    # the time or the weekday of the call is when it happened: no due time (it rang a phone for 09:30 gone)
    assert _items([("黃太", "客今朝九點半打咗嚟，Ivy 你覆佢。")]) == _items([("黃太", "客禮拜二 email 咗嚟，Ivy 你覆佢。")]) == \
        [("Ivy Chan 陳詩韻", "覆客", None)]
    assert _items([("黃太", "Ivy，陳生今朝十點幾打過嚟，你聽日覆返佢。")]) == [("Ivy Chan 陳詩韻", "覆返陳生", "2026-03-12")]
    # a day with work asked to be done by it stays the due day
    assert _items([("黃太", "阿傑，你今日 send 咗份報價俾客。")])[0][2] == "2026-03-11"


def test_how_things_have_been_lately_is_no_task_unless_something_is_asked():
    assert _items([("黃太", "Ivy，呢排個個 OT 到十一二點，大家都好攰。")]) == []
    assert _items([("黃太", "最近阿傑成日遲交報告。")]) == []
    assert [(o, d) for o, _, d in _items([("黃太", "Ivy，呢排你幫手睇住個 inbox。")])] == [("Ivy Chan 陳詩韻", None)]


def test_a_stand_in_asked_to_help_takes_the_declined_task_and_what_the_turn_says_after():
    turns = [("黃太", "呢個通告 Ivy 你出啦。"), ("Ivy Chan 陳詩韻", "黃太，我聽日要搞掂啲投訴喎，通告可唔可以搵其他人？")]
    assert _items([*turns, ("黃太", "咁阿傑你幫手出，你熟嗰啲指引。聽日之內貼晒三樓。")]) == \
        [("Marco Lee 李文傑", "出通告，貼晒三樓", "2026-03-12")]
    assert _items([*turns, ("黃太", "咁阿傑你幫手出。")]) == [("Marco Lee 李文傑", "出通告", None)]
    declined = [("黃太", "阿傑，你訂枱。"), ("Marco Lee 李文傑", "唔得喎，我要見客。")]
    for go in ("咁 Ivy 你幫手。", "咁 Ivy 你幫手啦。", "咁 Ivy 你頂住先。"):  # the stand-in, never the one who said no
        assert _items([*declined, ("黃太", go + "今晚七點前訂好。")]) == [("Ivy Chan 陳詩韻", "訂枱", "2026-03-11T19:00:00+08:00")]


def test_getting_somebody_in_to_help_is_the_speakers_task_without_a_day():
    turns = [("黃太", "阿傑，你下個禮拜三前升級晒啲電腦。"), ("Marco Lee 李文傑", "三十部有啲趕。"),
             ("黃太", "咁我搵 vendor 派個 contractor 嚟幫你手。")]
    assert _items(turns) == [("Marco Lee 李文傑", "升級晒電腦", "2026-03-18"), ("黃太", "搵 vendor 派 contractor 嚟幫阿傑手", None)]
    assert _items([("黃太", "我搵 vendor 派個 contractor 嚟幫手。")]) == [("黃太", "搵 vendor 派 contractor 嚟幫手", None)]
    assert _items([("黃太", "我搵唔到人嚟幫手。")]) == _items([("黃太", "我搵咗師傅嚟整。")]) == []  # cannot; done already


def test_the_person_just_left_out_is_not_the_one_spoken_to():
    asked = [("黃太", "阿傑，你下個禮拜三前升級晒啲電腦。"), ("Marco Lee 李文傑", "三十部有啲趕，如果 Ivy 可以分一半就得。"),
             ("Ivy Chan 陳詩韻", "我下個禮拜頭兩日要執手尾喎，驚幫唔到。")]
    # 「唔好預 Ivy」 after Ivy's turn: 你 is 阿傑, who asked for her help (in the task's words too, never Ivy)
    assert _items([*asked, ("黃太", "咁唔好預 Ivy。你今日 send 份報告俾我。")])[1][0] == "Marco Lee 李文傑"
    assert _items([*asked, ("黃太", "咁唔好預 Ivy。我搵 vendor 派個 contractor 嚟幫你手。")])[1] == \
        ("黃太", "搵 vendor 派 contractor 嚟幫你手", None)


def test_what_not_to_do_who_is_looking_for_whom_and_an_agenda_with_everyone_are_no_tasks():
    assert _items([("黃太", "Marco, don't send the quotation yet.")]) == []
    assert _items([("Marco Lee 李文傑", "黃太，老細搵你。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "我係 Ivy，今日同大家跟進吓 ABC 銀行個 project。")]) == []
    assert _items([("黃太", "Marco, please send the quotation by Friday.")]) == [("Marco Lee 李文傑", "send the quotation", "2026-03-13")]


def test_not_our_business_names_no_task_of_ours():
    # 「唔使我哋理」 calls off nothing that was asked, even when the task says 我哋 too
    assert _items([
        ("黃太", "阿傑，你聽日叫 vendor send 份報價俾我哋。"),
        ("Marco Lee 李文傑", "好。"),
        ("Ivy Chan 陳詩韻", "停車場嗰邊話佢哋自己搞，唔使我哋理。"),
    ]) == [("Marco Lee 李文傑", "叫 vendor send 報價俾我哋", "2026-03-12")]


def test_a_yes_with_a_first_step_on_them_is_no_task_of_its_own():
    # the answer's call is how the asked work gets done: one task, with the day asked
    for answer in ("明白，我今晚打俾佢哋。", "OK，我今晚再 call 佢哋老闆，聽日一定有。"):
        assert _items([
            ("黃太", "阿傑，你聽日安排 vendor 嚟清一清個貨倉。"),
            ("Marco Lee 李文傑", answer),
        ]) == [("Marco Lee 李文傑", "安排 vendor 嚟清貨倉", "2026-03-12")], answer


def test_see_to_a_requirement_said_just_before_takes_its_day():
    # 「…一定要…。X，你同 Y 講清楚。」: what X sees to is the requirement, by its day
    [(owner, task, deadline)] = _items([
        ("黃太", "月尾太遲，下個禮拜三之前一定要換好啲玻璃。阿傑，你同判頭講清楚。"),
    ])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-18") and "判頭" in task


def test_sooner_is_better_takes_the_day_offered_back():
    assert _items([
        ("黃太", "阿傑，你禮拜五前出埋份 costing 俾我。"),
        ("Marco Lee 李文傑", "禮拜五我要去深圳，禮拜四俾你得唔得？"),
        ("黃太", "禮拜四更好。"),
    ]) == [("Marco Lee 李文傑", "出 costing 俾黃太", "2026-03-12")]


def test_a_plan_put_off_today_is_no_task_and_today_is_not_its_day():
    assert _items([
        ("Ivy Chan 陳詩韻", "我建議週末加開多個櫃位。"),
        ("黃太", "櫃位嗰樣我遲啲同財務傾下先，今日唔決定住。"),
    ]) == []
    [(owner, task, deadline)] = _items([("黃太", "今日唔決定住，我聽日同財務傾下先。")])
    assert (owner, deadline) == ("黃太", "2026-03-12") and "決定" not in task


def test_work_called_off_in_the_same_breath_is_no_task():
    assert _items([("Ivy Chan 陳詩韻", "我上個禮拜話要印多五百份單張，不過今朝 check 過倉仲有好多，所以唔使印住。")]) == []
    [(owner, task, _)] = _items([("黃太", "阿傑你聽日印單張，所以唔使印海報住。")])
    assert owner == "Marco Lee 李文傑" and "單張" in task


def test_a_day_haggled_over_three_turns_is_the_day_accepted_last():
    # offered back, asked for another, yes: one task, due the day the asker proposed (in the week first asked)
    assert _items([
        ("黃太", "阿傑，你下個禮拜二前整好份 budget 俾我。"),
        ("Marco Lee 李文傑", "下個禮拜二我要去深圳開會喎，禮拜三得唔得？"),
        ("黃太", "禮拜三太遲，不如禮拜一啦，你去深圳之前交俾我。"),
        ("Marco Lee 李文傑", "好，禮拜一前搞掂。"),
    ]) == [("Marco Lee 李文傑", "整好 budget 俾黃太", "2026-03-16")]
    # the owner proposes, the asker moves it, the owner agrees with a time of day
    assert _items([
        ("黃太", "Ivy，你安排全公司做一次消防演習。"),
        ("Ivy Chan 陳詩韻", "好，我想約禮拜五下晝做。"),
        ("黃太", "禮拜五下晝要見客，改下個禮拜一啦。"),
        ("Ivy Chan 陳詩韻", "下個禮拜一可以，我朝早十點前搞。"),
    ]) == [("Ivy Chan 陳詩韻", "安排全公司做一次消防演習", "2026-03-16T10:00:00+08:00")]


def test_how_a_machine_keeps_failing_is_no_task():
    assert _items([("Ivy Chan 陳詩韻", "黃太，二樓部 scanner 上個禮拜開始成日 hang 機，今朝又死咗一次。")]) == []
    [(owner, task, _)] = _items([("黃太", "阿傑，部打印機成日甩紙，你聽日搵人嚟整。")])
    assert owner == "Marco Lee 李文傑" and "整" in task


def test_what_a_meeting_others_set_is_for_is_no_task():
    assert _items([("Ivy Chan 陳詩韻", "另外，稅局下個禮拜三約咗我哋開會，傾返上年嘅 audit。")]) == []
    [(owner, task, _)] = _items([("黃太", "稅局約咗我哋下個禮拜三開會，阿傑你之前準備好上年嘅帳。")])
    assert owner == "Marco Lee 李文傑" and "帳" in task


def test_a_call_to_the_person_named_is_a_first_step_and_the_asked_day_stays():
    assert _items([
        ("黃太", "阿傑，你禮拜五之前同陳生 confirm 交貨期。"),
        ("Marco Lee 李文傑", "明白，我今晚打俾佢。"),
    ]) == [("Marco Lee 李文傑", "同陳生 confirm 交貨期", "2026-03-13")]


def test_a_haggle_ended_by_a_bare_yes_or_with_more_work():
    asked = [("黃太", "阿傑，你禮拜五前整好份 budget 俾我。"),
             ("Marco Lee 李文傑", "禮拜五我要去深圳，下個禮拜二得唔得？"),
             ("黃太", "禮拜二太遲，不如下個禮拜一啦。")]
    assert _items(asked + [("Marco Lee 李文傑", "好。")]) == [("Marco Lee 李文傑", "整好 budget 俾黃太", "2026-03-16")]
    assert _items(asked + [("Marco Lee 李文傑", "好，我十點前做。")]) \
        == [("Marco Lee 李文傑", "整好 budget 俾黃太", "2026-03-16T10:00:00+08:00")]
    assert _items(asked + [("Marco Lee 李文傑", "好，禮拜一。另外我今日 send 埋份 invoice。")]) \
        == [("Marco Lee 李文傑", "整好 budget 俾黃太", "2026-03-16"), ("Marco Lee 李文傑", "send invoice", "2026-03-11")]


def test_one_of_two_things_called_off_by_name_in_the_same_breath():
    assert _items([("Ivy Chan 陳詩韻", "我聽日訂枱同埋訂蛋糕，不過蛋糕唔使訂住。")]) \
        == [("Ivy Chan 陳詩韻", "訂枱", "2026-03-12")]


def test_a_requirement_and_who_sees_to_it_in_one_sentence():
    [(owner, task, deadline)] = _items([("黃太", "下個禮拜三之前一定要換好啲玻璃，阿傑你同判頭講清楚。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-18") and "判頭" in task


def test_asked_politely_to_tell_a_party_who_is_no_attendee():
    # 「唔該 Ivy …」 and 「Ivy 同 vendor 講聲」 (同: to, not and, when the other is nobody on the list)
    assert _items([("黃太", "唔該 Ivy 同 vendor 講聲，禮拜五前要換好部 router。")])[0][::2] == ("Ivy Chan 陳詩韻", "2026-03-13")
    assert [o for o, _, _ in _items([("黃太", "麻煩阿傑你同物業 confirm 停車位。")])] == ["Marco Lee 李文傑"]


def test_others_away_or_a_public_holiday_is_no_refusal():
    # 2026-04-02 is a Thursday; Good Friday, Holy Saturday and Easter Monday follow
    asked = ("黃太", "阿傑，你三個工作天內問齊三間印刷廠報價。")
    for objection in ("三個工作天……啲印刷廠好多都放假喎。", "三個工作天？中間夾住復活節放假喎。", "供應商嗰邊放緊假喎。"):
        assert _items([asked, ("Marco Lee 李文傑", objection), ("黃太", "假期唔計。"), ("Marco Lee 李文傑", "OK。")],
                      date="2026-04-02")[0][0] == "Marco Lee 李文傑", objection
    # the person asked away is still a refusal
    [item] = _extract([asked, ("Marco Lee 李文傑", "我聽日放假喎。")], date="2026-04-02")["action_items"]
    assert item["owner"] is None and item["needs_review"]


def test_a_yes_with_a_first_step_on_the_thing_named_before_is_the_asked_task():
    # 「嗰間」 points back to the firm asked about; 「叫兩個伙記做」 hands the asked work on
    asked = ("黃太", "阿傑，你禮拜五前聯絡清潔公司，book 定下個月嘅人手。")
    assert _items([asked, ("Marco Lee 李文傑", "OK，我今日下晝問吓上次嗰間。")]) \
        == [("Marco Lee 李文傑", "聯絡清潔公司，book 定下個月嘅人手", "2026-03-13")]
    assert _items([("黃太", "阿傑，你禮拜五前搵人換晒三樓啲光管。"), ("Marco Lee 李文傑", "冇問題，我聽晚叫兩個師傅做。")]) \
        == [("Marco Lee 李文傑", "搵人換晒三樓啲光管", "2026-03-13")]
    # a first step on other work stays a task of its own
    assert len(_items([asked, ("Marco Lee 李文傑", "OK，我今日下晝先 check 埋張單。")])) == 2


def test_taking_the_floor_is_no_task():
    assert _items([("Marco Lee 李文傑", "黃太，我 update 先。上個禮拜啲 server 冇出過事。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "等我講先。"), ("Ivy Chan 陳詩韻", "我聽日 send 份 agenda 俾大家。")]) \
        == [("Ivy Chan 陳詩韻", "send agenda 俾大家", "2026-03-12")]


def test_the_thing_said_before_you_and_its_verb_reads_verb_first():
    assert _items([("黃太", "Ivy，release note 你寫，禮拜五前俾我。")])[0][1].startswith("寫 release note")
    # what is taken over is the work, not 接手
    assert _items([("黃太", "Ivy 你接手同印刷廠跟個 brochure，禮拜五前。")])[0][1] == "同印刷廠跟 brochure"


def test_a_thing_wanted_then_who_makes_it():
    [(owner, task, deadline)] = _items([("黃太", "月尾之後我想要份銷售報告，阿傑你整，下個禮拜五之前俾我。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-20") and task.startswith("整銷售報告")


def test_the_speaker_passing_work_on_to_somebody_off_the_list_still_owns_it():
    assert _items([("黃太", "Ivy，你今晚收工前叫前台印張通告貼出嚟。"), ("Ivy Chan 陳詩韻", "好，我叫阿明整。")]) \
        == [("Ivy Chan 陳詩韻", "叫前台印通告貼出嚟", "2026-03-11")]
    assert [o for o, _, _ in _items([("Ivy Chan 陳詩韻", "我聽日叫阿明整份報告。")])] == ["Ivy Chan 陳詩韻"]
    assert [o for o, _, _ in _items([("黃太", "叫阿明聽日整份報告。")])] == [None]  # told by nobody in particular


def test_the_same_day_as_a_day_just_said():
    # 「即日」 after a clause with its day is that day, alone it is today
    items = _items([("黃太", "阿傑下個禮拜一 approve 晒啲 layout，Ivy 你即日 send 俾印刷廠。")])
    assert ("Ivy Chan 陳詩韻", "2026-03-16") in [(o, d) for o, _, d in items]
    assert _items([("Ivy Chan 陳詩韻", "我即日 send 份報價俾客。")])[0][2] == "2026-03-11"
    assert _items([("Marco Lee 李文傑", "我而家就 email 供應商。")])[0][2] == "2026-03-11"


def test_an_answer_that_corrects_its_own_day_for_a_holiday():
    # 2026-03-31 is a Tuesday; Good Friday is 3 April
    items = _items([("黃太", "阿傑，你飛台北之前記得將最新嘅價目表放上 shared drive。"),
                    ("Marco Lee 李文傑", "得，我禮拜五……唔係，禮拜五係 Good Friday，咁我禮拜四收工前放啦。")], date="2026-03-31")
    assert items == [("Marco Lee 李文傑", "將最新嘅價目表放上 shared drive", "2026-04-02")]


def test_telling_somebody_it_is_not_needed_is_the_work():
    assert _items([("Ivy Chan 陳詩韻", "我聽日通知印刷廠唔使印住。")]) == [("Ivy Chan 陳詩韻", "通知印刷廠唔使印", "2026-03-12")]
    [(owner, task, _)] = _items([("Ivy Chan 陳詩韻", "好，咁攝影師嗰邊我通知佢唔使嚟喇。")])
    assert owner == "Ivy Chan 陳詩韻" and "唔使嚟" in task
    [(owner, task, _)] = _items([("黃太", "阿傑，個師傅聽日仲使唔使嚟？"), ("Marco Lee 李文傑", "唔使喇，我通知佢唔使嚟。")])
    assert owner == "Marco Lee 李文傑" and task.startswith("通知")


def test_an_own_plan_brought_forward_when_asked():
    assert _items([("Ivy Chan 陳詩韻", "年報初稿我下個禮拜三 send 俾董事。"),
                   ("黃太", "可唔可以早啲？董事禮拜五有個會。"),
                   ("Ivy Chan 陳詩韻", "禮拜五……即係十三號，咁我禮拜五朝早十點前 send。")]) \
        == [("Ivy Chan 陳詩韻", "send 年報初稿俾董事", "2026-03-13T10:00:00+08:00")]


def test_a_latin_verb_before_an_ordinal_and_withdrawing_a_booking():
    assert _items([("黃太", "Ivy 聽日 lock 晒第二集同第三集。")])[0][:2] == ("Ivy Chan 陳詩韻", "lock 晒第二集同第三集")
    assert _items([("黃太", "場地唔使喇。"), ("Ivy Chan 陳詩韻", "明白，咁我撤返會議室嗰個預訂。")])[0][0] == "Ivy Chan 陳詩韻"


def test_what_another_party_announced_is_no_task():
    assert _items([("Marco Lee 李文傑", "另外 IT 通知，禮拜六朝早八點到十二點，email server 升級。")]) == []
    assert _items([("黃太", "我補充一樣，水務署通知下個禮拜二上晝停水。")]) == []
    assert [o for o, _, _ in _items([("黃太", "阿傑你通知全公司聽日停水。")])] == ["Marco Lee 李文傑"]


def test_a_call_round_started_and_the_things_listed_read_as_work():
    [(_, task, deadline)] = _items([("Ivy Chan 陳詩韻", "我聽日開始逐個打電話，禮拜五前約好時間。")])
    assert task.count("打") == 1 and deadline == "2026-03-13"
    tasks = [t for _, t, _ in _items([("黃太", "阿傑，你幫我做兩樣嘢：send 份報價俾我，同埋聽日 book 會議室。")])]
    assert tasks and not any("兩樣" in t for t in tasks)


def test_taking_charge_of_work_just_said_and_haggling_over_its_day():
    said = [("Ivy Chan 陳詩韻", "審計方面，核數師下個月會嚟，要我哋整理晒上年嘅單據。")]
    assert _items(said + [("黃太", "Ivy，你負責。")]) == [("Ivy Chan 陳詩韻", "整理晒上年嘅單據", None)]
    haggle = said + [("黃太", "Ivy，你負責，幾時搞得掂？"), ("Ivy Chan 陳詩韻", "月尾之前啦。"),
                     ("黃太", "月尾太遲，二十號之前。"), ("Ivy Chan 陳詩韻", "二十號有啲趕，二十三號得唔得？"),
                     ("黃太", "好，二十三號，唔可以再遲。")]
    assert _items(haggle) == [("Ivy Chan 陳詩韻", "整理晒上年嘅單據", "2026-03-23")]


def test_the_thing_a_pronoun_stands_for_drops_when_it_went_wrong():
    [(_, task, _)] = _items([("Marco Lee 李文傑", "「海景號」上個禮拜部 generator 有啲異響。"), ("黃太", "阿傑，你聽日 check 吓佢。")])
    assert "generator" in task and "上個禮拜" not in task and "」" not in task


def test_a_yes_by_phone_and_more_work_done_on_the_way():
    items = _items([("黃太", "阿傑，你可唔可以同印刷廠傾下加急？"),
                    ("Marco Lee 李文傑", "可以，我聽日打去問下佢哋要加幾多錢，順手攞埋易拉架嘅報價。")])
    assert [(t, d) for _, t, d in items] == [("同印刷廠傾下加急", "2026-03-12"), ("攞易拉架嘅報價", "2026-03-12")]


def test_one_of_two_tasks_turned_down_by_name_and_taken_by_the_asker():
    asked = ("黃太", "阿傑，你問齊三間公司報價，禮拜五前收齊，跟住你做埋個比較表。")
    declined = ("Marco Lee 李文傑", "黃太，我下個禮拜一開始放假，個比較表我驚趕唔切。")
    items = _items([asked, declined, ("黃太", "咁比較表我自己做啦。")])
    assert [(o, d) for o, t, d in items if "報價" in t] == [("Marco Lee 李文傑", "2026-03-13")]
    assert [o for o, t, _ in items if "比較表" in t] == ["黃太"]
    # nobody turned anything down: 「我自己搞」 is the speaker's own work, the task given before stays
    items = _items([("黃太", "阿傑，你下個禮拜一前整好報價。"), ("Marco Lee 李文傑", "好。"),
                    ("黃太", "另外客人要我哋交 revised budget。"), ("黃太", "呢個我自己搞，聽朝十點前 send 俾客。")])
    assert [o for o, t, _ in items if "報價" in t] == ["Marco Lee 李文傑"] and "黃太" in [o for o, _, _ in items]


def test_the_meeting_moving_on_and_an_idea_put_to_someone_are_no_tasks():
    assert _items([("黃太", "Ivy，你聽日 print 好份 agenda。"), ("Ivy Chan 陳詩韻", "收到。"), ("黃太", "跟住講盤點。")]) \
        == [("Ivy Chan 陳詩韻", "print 好 agenda", "2026-03-12")]
    assert _items([("Marco Lee 李文傑", "黃太，其實我哋可以用 AI 幫手寫會議紀錄，快好多。")]) == []


def test_farewells_and_adopting_a_plan_already_made_are_no_tasks():
    assert _items([("黃太", "好，咁今日就咁。大家新年快樂，下個月五號 monthly meeting 再見。")]) == []
    assert _items([("黃太", "營業時間就照阿傑排嗰個，二十五號十點到六點。")]) == []


def test_an_english_commitment_with_a_cantonese_when_and_where_the_owner_will_be():
    assert _items([("Priya Shah", "OK, I will cancel the booking with our Tokyo partner，我今晚搞掂。")]) \
        == [("Priya Shah", "cancel the booking with our Tokyo partner", "2026-03-11")]
    [(owner, task, _)] = _items([("黃太", "Ivy，聽日三點前 send 份名單俾我。"), ("Ivy Chan 陳詩韻", "冇所謂，我聽日返半日，三點前 send 俾你。")])
    assert owner == "Ivy Chan 陳詩韻" and "半日" not in task and "冇所謂" not in task


def test_a_concession_with_a_but():
    assert _items([("黃太", "Ivy，你禮拜四前 send 最終版海報俾印刷廠。"), ("Ivy Chan 陳詩韻", "禮拜四有啲趕，禮拜五得唔得？"),
                   ("黃太", "禮拜五都得，但係唔好再遲。")]) == [("Ivy Chan 陳詩韻", "send 最終版海報俾印刷廠", "2026-03-13")]


def test_break_it_the_boss_away_same_day_after_an_event_and_sending_it_myself():
    # the boss away is no refusal by the one asked (2027-03-22 is a Monday)
    assert _items([("黃太", "Ivy，你聽日 email 份合約俾老細得唔得？"), ("Ivy Chan 陳詩韻", "老細聽日唔喺香港，不過我都會聽日 email 俾佢。")],
                  date="2027-03-22")[0][::2] == ("Ivy Chan 陳詩韻", "2027-03-23")
    # 「即日」 after an event is that event's day, not today: no phone call today
    assert _items([("黃太", "阿傑，收到客嘅 PO 之後即日 confirm。"), ("Marco Lee 李文傑", "OK。")])[0][2] is None
    # the one let off is not the task's words
    assert _items([("黃太", "Ivy，你聽日唔使 send 嗰份 memo 喇，我自己 send。")]) == [("黃太", "send memo", "2026-03-12")]


def test_break_it_when_questions_answered_then_haggled_and_giving_to_you():
    asked = ("黃太", "Ivy，份 brochure 幾時 ready？")
    assert _items([asked, ("Ivy Chan 陳詩韻", "禮拜五。"), ("黃太", "禮拜四啦。"), ("Ivy Chan 陳詩韻", "好，禮拜四。")]) \
        == [("Ivy Chan 陳詩韻", "準備好 brochure", "2026-03-12")]
    assert _items([asked, ("Ivy Chan 陳詩韻", "禮拜五。"), ("黃太", "禮拜四得唔得？"),
                   ("Ivy Chan 陳詩韻", "禮拜四真係唔得，禮拜五啦。"), ("黃太", "咁好啦。")])[0][2] == "2026-03-13"
    assert _items([("黃太", "阿傑，份合約幾時俾到我？"), ("Marco Lee 李文傑", "下個禮拜。"), ("黃太", "禮拜一得唔得？"),
                   ("Marco Lee 李文傑", "OK。")])[0][::2] == ("Marco Lee 李文傑", "2026-03-16")


def test_more_work_on_the_same_occasion_in_an_answer_shares_its_day():
    assert _items([("黃太", "阿傑，你聽日去銀行入張支票得唔得？"), ("Marco Lee 李文傑", "得，我順手攞埋啲月結單。")]) \
        == [("Marco Lee 李文傑", "去銀行入張支票", "2026-03-12"), ("Marco Lee 李文傑", "攞月結單", "2026-03-12")]


def test_an_answer_to_a_yes_no_question_is_no_haggle_over_a_day():
    items = _items([("黃太", "咁有冇臨時地方可以頂住先？"), ("Marco Lee 李文傑", "我問過隔籬嗰間倉，佢哋有一百個位可以租俾我哋，最長租到月尾。"),
                    ("黃太", "好，就租佢哋嗰啲位。阿傑，你聽日攞份報價 send 俾我。"), ("Marco Lee 李文傑", "OK，我今晚 call 佢哋老闆，聽日一定有。")])
    assert [(o, d) for o, t, d in items if "報價" in t] == [("Marco Lee 李文傑", "2026-03-12")]


def test_a_bare_weekday_haggled_back_is_in_the_week_last_offered_not_an_events():
    # 2026-06-03 is a Wednesday: 後日 is Friday the 5th, 下個禮拜一 the 8th, the AGM 下下個禮拜二 the 16th
    items = _items([("黃太", "下下個禮拜二開 AGM，阿傑，你整好份出席名單，後日俾我。"),
                    ("Marco Lee 李文傑", "後日我請咗假，可唔可以下個禮拜一？"),
                    ("黃太", "禮拜一都得，但係要十點前。"),
                    ("Marco Lee 李文傑", "好，禮拜一十點前俾你。")], date="2026-06-03")
    assert [(o, d) for o, t, d in items if "名單" in t] == [("Marco Lee 李文傑", "2026-06-08T10:00:00+08:00")]


def test_a_request_with_english_words_before_its_verb_and_a_long_thing_given_to_me():
    items = _items([("黃太", "另外 Ivy，新系統嘅 booking 功能 sales team 會用嚟做推廣。你聽日同 vendor account manager check 下"
                           "可唔可以提早上線，順便俾埋個 booking engine 嘅 user guide 我。"), ("Ivy Chan 陳詩韻", "冇問題。")])
    # what the feature is for is nobody's task; both requests are Ivy's, due tomorrow; the guide goes to 黃太
    assert [(o, d) for o, t, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12")] * 2
    assert "vendor account manager check" in items[0][1] and items[1][1] == "將 booking engine 嘅 user guide 俾黃太"


def test_giving_feedback_to_you_after_receiving_it_is_work():
    items = _items([("黃太", "阿傑，份 draft 我聽日 send 俾你。"), ("Marco Lee 李文傑", "好，我收到之後，禮拜五之前俾 comments 你。")])
    assert ("Marco Lee 李文傑", "2026-03-13") in [(o, d) for o, t, d in items if "comments 俾黃太" in t]


def test_a_check_answered_as_done_earlier_today_leaves_only_the_other_task():
    assert _items([("黃太", "阿傑，你同供應商訂多兩箱 A4 紙，同埋 check 埋影印機碳粉仲剩幾多，兩樣聽日之前搞掂。"),
                   ("Marco Lee 李文傑", "影印機碳粉我今朝睇過，仲有六盒，夠用。")]) \
        == [("Marco Lee 李文傑", "同供應商訂多兩箱 A4 紙", "2026-03-12")]


def test_right_after_an_event_with_its_time_is_due_then_in_that_zone():
    # 15:00 in London on Friday 13 March 2026 (GMT) is 23:00 in Hong Kong; the meeting ending is no task
    assert _items([("Priya Shah", "我倫敦時間禮拜五下晝三點開完會，之後即刻 send 份 summary 俾 Ivy。")]) \
        == [("Priya Shah", "send summary 俾 Ivy", "2026-03-13T23:00:00+08:00")]
    # a Dutch time is Central European (UTC+1 in February)
    assert _items([("Priya Shah", "我荷蘭時間禮拜五下晝兩點收到報價，之後即刻轉寄俾阿傑。")], date="2027-02-03")[0][2] \
        == "2027-02-05T21:00:00+08:00"


def test_a_standing_arrangement_from_a_day_and_calling_off_work_are_no_tasks():
    assert _items([("黃太", "各位，新商場嗰份清潔合約簽咗，四月一號開始由我哋接手。今日主要傾準備。")]) == []
    items = _items([("黃太", "阿傑，你聽日訂架旅遊巴。"), ("Ivy Chan 陳詩韻", "酒店話佢哋會派車接載，唔使我哋另外搵車。"),
                    ("黃太", "咁頭先叫阿傑訂旅遊巴嗰樣就唔使喇，cancel 咗佢。阿傑，你淨係將參加者嘅身份證明交俾 Ivy，等佢轉交酒店，"
                            "今個月最後一個禮拜五之前。"), ("Marco Lee 李文傑", "明白。")])
    assert items == [("Marco Lee 李文傑", "將參加者嘅身份證明交俾 Ivy", "2026-03-27")]


def test_the_batch_of_things_is_what_was_last_named_by_its_measure_word():
    [(owner, task, deadline)] = _items([("Marco Lee 李文傑", "上個禮拜訂嗰批摺櫈，廠方話運輸出咗問題。"),
                                        ("黃太", "Ivy，嗰批嘢你跟一跟，禮拜五之前要送到。"), ("Ivy Chan 陳詩韻", "好。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13") and "摺櫈" in task and "嘢" not in task


def test_an_idea_the_speaker_has_had_put_off_is_no_task_nor_is_its_purpose():
    assert _items([("Ivy Chan 陳詩韻", "其實我諗過不如禮拜日加開一個 workshop，分流下啲報名。"),
                   ("黃太", "諗法唔錯，不過禮拜日邊個返呢？遲啲再諗啦。")]) == []


def test_where_the_work_is_done_is_no_task_and_gives_it_its_day():
    # going to the bank is the occasion; the cheque is the work, tomorrow
    assert _items([("黃太", "阿傑，你聽日去銀行，順便入埋張支票。")]) == [("Marco Lee 李文傑", "入支票", "2026-03-12")]
    assert [t for o, t, d in _items([("Priya Shah", "Ivy，我想請個顧問幫手，你幫我問下 budget 夠唔夠？"),
                                    ("Ivy Chan 陳詩韻", "我聽日同財務開會，順便問埋，有結果 WhatsApp 你。")]) if "開會" in t] == []


def test_who_oversees_the_work_is_not_given_a_task():
    assert [o for o, t, d in _items([("黃太", "阿傑，零件一到你就幫手裝，禮拜五之前裝好佢，Ivy 睇住你。"), ("Marco Lee 李文傑", "好。")])] \
        == ["Marco Lee 李文傑"]


def test_how_many_are_left_then_count_and_tell_me_is_a_second_task_at_no_clock():
    items = _items([("黃太", "阿傑，你跟埋訂 A4 紙，三個工作天內要到；另外 toner cartridge 同 drum unit 仲有幾多，你聽日點一點話我知。"),
                    ("Marco Lee 李文傑", "好，明白。")])
    # 「點一點」 counts; it is no "one o'clock"
    assert [(o, d) for o, t, d in items if "toner cartridge" in t] == [("Marco Lee 李文傑", "2026-03-12")]
    assert ("Marco Lee 李文傑", "2026-03-16") in [(o, d) for o, t, d in items if "A4 紙" in t]


def test_updating_everyone_on_a_friday_evening_is_the_speakers_and_a_told_change_keeps_the_day():
    assert _items([("黃太", "好，今日到此。"), ("Marco Lee 李文傑", "我禮拜五晚再 update 大家。")]) \
        == [("Marco Lee 李文傑", "update 大家", "2026-03-13")]
    assert _items([("黃太", "Ivy，你聽日通知大家會議改咗時間。")])[0][::2] == ("Ivy Chan 陳詩韻", "2026-03-12")


def test_a_class_filling_up_is_why_not_what_to_book():
    [(owner, task, deadline)] = _items([("黃太", "Ivy，下個月嗰期急救班好快爆，你聽日之內幫我 book 定三個位。"),
                                        ("Ivy Chan 陳詩韻", "好，我聽日一返工就 book。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12") and "爆" not in task and task.startswith("book")


def test_break_it_a_counter_offer_refused_and_handed_to_another_takes_the_new_day():
    assert _items([("黃太", "阿傑，你聽日去海關拎返批貨。"), ("Marco Lee 李文傑", "聽日我放假，可唔可以禮拜一？"),
                   ("黃太", "禮拜一太遲，Ivy 你聽日去啦。"), ("Ivy Chan 陳詩韻", "好。")]) \
        == [("Ivy Chan 陳詩韻", "去海關拎返批貨", "2026-03-12")]


def test_break_it_a_five_word_thing_given_to_me_and_an_event_ending_with_more_words():
    items = _items([("黃太", "阿傑，你聽日同 vendor account manager confirm 下個價，順便俾埋個 updated service level agreement draft 我。"),
                    ("Marco Lee 李文傑", "OK。")])
    assert ("Marco Lee 李文傑", "將 updated service level agreement draft 俾黃太", "2026-03-12") in items
    # 11:30 in India (UTC+5:30) on Friday is 14:00 in Hong Kong; the call is no task
    assert _items([("Ivy Chan 陳詩韻", "我印度時間禮拜五朝早十一點半 call 完班 developer，之後即刻 update 個 timeline 俾阿傑。")]) \
        == [("Ivy Chan 陳詩韻", "update timeline 俾阿傑", "2026-03-13T14:00:00+08:00")]


def test_break_it_more_work_with_again_and_as_well_shares_the_day_and_a_short_thing_checked_is_done():
    assert _items([("黃太", "阿傑，你今日 check 下 pantry 仲有幾多盒咖啡豆，再 book 埋個會議室。"),
                   ("Marco Lee 李文傑", "咖啡豆我今朝睇過，仲有六包。")]) == [("Marco Lee 李文傑", "再 book 會議室", "2026-03-11")]
    # 「下個月」 tells which toner, it is ordered today
    assert _items([("黃太", "阿傑，你今日 check 下倉庫仲有幾多盒 A4 紙，順便 order 埋下個月啲 toner。"),
                   ("Marco Lee 李文傑", "A4 紙我今朝睇過，仲有六盒。")]) == [("Marco Lee 李文傑", "order 下個月啲 toner", "2026-03-11")]


def test_break_it_a_proposal_naming_who_put_off_by_the_next_speaker_is_no_task():
    assert _items([("Ivy Chan 陳詩韻", "其實我諗過不如阿傑你聽日去埋個展覽，順便見下啲新供應商。"), ("黃太", "遲啲再諗啦。")]) == []


def test_break_it_a_counter_offer_with_any_reason_refused_hands_the_task_on_and_an_insisted_day_is_not_the_reasons():
    said = [("黃太", "阿傑，你聽日同我 send 份報價單俾客吖。"), ("Marco Lee 李文傑", "聽日我成日喺外面開會，禮拜一得唔得？")]
    assert _items(said + [("黃太", "禮拜一太遲喇，Ivy 你聽日 send 啦。"), ("Ivy Chan 陳詩韻", "OK 冇問題。")]) \
        == [("Ivy Chan 陳詩韻", "send 報價單俾客", "2026-03-12")]  # 「同我 send」: a favour asked, as 幫我
    assert _items(said + [("黃太", "禮拜一太遲，Ivy 你聽日朝早十點前搞掂佢。"), ("Ivy Chan 陳詩韻", "收到。")])[0][::2] \
        == ("Ivy Chan 陳詩韻", "2026-03-12T10:00:00+08:00")
    assert _items([("黃太", "Ivy 你聽日將份合約改好俾我。"), ("Ivy Chan 陳詩韻", "可唔可以拖到下個禮拜二？"),
                   ("黃太", "唔得，一定要聽日，客禮拜一就要簽。"), ("Ivy Chan 陳詩韻", "好啦好啦。")])[0][::2] \
        == ("Ivy Chan 陳詩韻", "2026-03-12")


def test_a_day_said_right_before_the_verb_reaches_the_work_joined_to_it():
    assert _items([("黃太", "阿傑，你聽日 check 下 server 嘅 backup，同埋 update 埋份 IT 資產清單。"), ("Marco Lee 李文傑", "好。")]) \
        == [("Marco Lee 李文傑", "check server 嘅 backup", "2026-03-12"), ("Marco Lee 李文傑", "update IT 資產清單", "2026-03-12")]


def test_tell_me_how_many_are_left_is_a_request_by_its_time():
    assert _items([("黃太", "阿傑，聽日一點前話我知仲有幾多張 voucher。")]) \
        == [("Marco Lee 李文傑", "話黃太知仲有幾多張 voucher", "2026-03-12T13:00:00+08:00")]


def test_going_somewhere_is_the_work_and_a_good_idea_says_yes():
    # 去 before a place is the work itself; before a verb it only says who goes
    assert _items([("黃太", "阿傑，你聽日去一去郵局。"), ("Marco Lee 李文傑", "好。")]) \
        == [("Marco Lee 李文傑", "去郵局", "2026-03-12")]
    assert _items([("黃太", "阿傑，你禮拜五前去觀塘個貨倉睇下啲存貨。"), ("Marco Lee 李文傑", "OK。")]) \
        == [("Marco Lee 李文傑", "去觀塘貨倉睇下啲存貨", "2026-03-13")]
    assert _items([("黃太", "阿傑，你聽日去 check 下部打印機。"), ("Marco Lee 李文傑", "OK。")]) \
        == [("Marco Lee 李文傑", "check 打印機", "2026-03-12")]
    asked = ("黃太", "不如阿傑你聽日打個電話俾物流公司問下運費？")
    assert _items([asked, ("Marco Lee 李文傑", "好主意。")]) == [("Marco Lee 李文傑", "打電話俾物流公司問下運費", "2026-03-12")]
    assert _items([asked, ("Ivy Chan 陳詩韻", "好主意。")]) == []
    assert _items([asked, ("Marco Lee 李文傑", "好主意，我搞。")]) == [("Marco Lee 李文傑", "打電話俾物流公司問下運費", "2026-03-12")]


def test_the_asker_takes_the_task_back_after_the_last_one_asked_turns_it_down():
    said = [("黃太", "阿傑，你聽日去銀行入張支票。"), ("Marco Lee 李文傑", "聽日我要去深圳喎。"),
            ("黃太", "咁 Ivy 你去啦。"), ("Ivy Chan 陳詩韻", "我聽日放假。")]
    assert _items(said + [("黃太", "咁算，我自己聽日去。")]) == [("黃太", "去銀行入張支票", "2026-03-12")]
    assert _items(said + [("黃太", "咁阿傑你後日去啦。"), ("Marco Lee 李文傑", "OK。")]) \
        == [("Marco Lee 李文傑", "去銀行入張支票", "2026-03-13")]
    assert _items([("黃太", "阿傑，你聽日打俾個客 confirm 個 order。"), ("Marco Lee 李文傑", "我聽日唔得閒喎。"),
                   ("黃太", "咁我自己打啦。")]) == [("黃太", "打俾客 confirm order", "2026-03-12")]


@pytest.mark.parametrize("said, task", [
    ("部冷氣機又壞咗，阿傑你聽日搵人整返佢。", "搵人整返冷氣機"),
    ("份標書有幾個錯字，阿傑你聽日改好佢。", "改好標書"),
    ("個內聯網好慢，阿傑你聽日 check 下佢。", "check 下內聯網"),
    ("呢張發票好急，阿傑你聽日 send 咗佢。", "send 發票"),
    ("雪櫃又壞咗，阿傑你聽日搵人整返佢。", "搵人整返雪櫃"),  # no measure word, or one after a place
    ("茶水間個雪櫃又壞咗，阿傑你聽日搵人整返佢。", "搵人整返茶水間雪櫃"),
    ("仲有會議室個 projector 壞咗，阿傑你聽日整好佢。", "整好會議室 projector"),  # 壞咗 without 又: the state, not the thing
])
def test_a_statement_about_a_thing_names_what_the_request_after_it_calls_it(said, task):
    assert _items([("黃太", said), ("Marco Lee 李文傑", "好。")]) == [("Marco Lee 李文傑", task, "2026-03-12")]


def test_a_reason_then_the_answerers_own_day_keeps_the_task_theirs_on_that_day():
    assert _items([("黃太", "阿傑，你同個業主約個時間睇單位。"),
                   ("Marco Lee 李文傑", "得，我嚟約。呢個禮拜要出差約唔到，下個禮拜二之前約好佢啦。")]) \
        == [("Marco Lee 李文傑", "同業主約時間睇單位", "2026-03-17")]


def test_a_day_offered_by_its_owner_is_haggled_by_the_one_who_finds_it_late():
    said = [("Ivy Chan 陳詩韻", "我下個禮拜五之前 send 份 user guide 俾全部分店。"), ("黃太", "下個禮拜五太遲，下個禮拜三得唔得？")]
    assert _items(said + [("Ivy Chan 陳詩韻", "下個禮拜三我要去見供應商，下個禮拜四啦。"), ("黃太", "OK，禮拜四就禮拜四。")]) \
        == [("Ivy Chan 陳詩韻", "send user guide 俾全部分店", "2026-03-19")]
    assert _items(said + [("Ivy Chan 陳詩韻", "OK，禮拜三。")]) == [("Ivy Chan 陳詩韻", "send user guide 俾全部分店", "2026-03-18")]


def test_handing_the_work_just_said_to_you_is_no_task_and_the_time_the_answer_adds_is_kept():
    assert _items([("黃太", "阿傑，你禮拜五自己揸車送份合約過去啦，原本 Ivy 跟，而家改由你跟。"),
                   ("Marco Lee 李文傑", "冇問題，禮拜五下晝三點之前送到。")]) \
        == [("Marco Lee 李文傑", "揸車送合約過去", "2026-03-13T15:00:00+08:00")]


def test_a_recipient_named_then_called_you_is_who_it_goes_to_not_who_does_it():
    assert _items([("Ivy Chan 陳詩韻", "我聽朝 send 份報價俾黃太你睇。")]) \
        == [("Ivy Chan 陳詩韻", "send 報價俾黃太", "2026-03-12")]


def test_the_end_of_the_working_day_is_the_limit_not_a_day_not_to_wait_for():
    assert _items([("黃太", "舊款減價賣咗佢啦 唔好留到月尾 阿傑你今日收工之前 標好價")])[0][::2] \
        == ("Marco Lee 李文傑", "2026-03-11")


def test_what_was_heard_is_no_task_and_a_day_waited_for_is_still_to_come():
    assert _items([("Ivy Chan 陳詩韻", "頭先聽你哋講，我已經 cancel 咗個 booking 喇。")]) == []
    assert _items([("Marco Lee 李文傑", "等 Ivy 聽朝 lock 咗 cut，我就即刻 grade，下晝三點前交俾黃太。")])[0][::2] \
        == ("Marco Lee 李文傑", "2026-03-12")


def test_a_day_turned_down_and_another_said_is_the_day_unless_the_asker_insists():
    said = [("黃太", "阿傑，你聽日去銀行過數。"), ("Marco Lee 李文傑", "聽日唔得，我要陪客，後日去啦。")]
    assert _items(said + [("黃太", "好。")]) == [("Marco Lee 李文傑", "去銀行過數", "2026-03-13")]
    assert _items(said + [("黃太", "唔得，一定要聽日。")]) == [("Marco Lee 李文傑", "去銀行過數", "2026-03-12")]


def test_things_listed_for_one_verb_are_one_item_each():
    expected = [("Marco Lee 李文傑", "跟進攤位設計", "2026-03-13"), ("Marco Lee 李文傑", "跟進宣傳單張", "2026-03-13")]
    assert _items([("黃太", "阿傑，攤位設計同宣傳單張你跟一跟，禮拜五之前搞掂。")]) == expected
    assert _items([("黃太", "仲有攤位設計，同埋宣傳單張，阿傑你兩樣都跟埋佢，禮拜五之前。")]) == expected
    # a modifier said once belongs to each thing; 同事 and 合同 join nothing
    assert [t for _, t, _ in _items([("黃太", "Ivy，分店嘅更表同埋 staff 名單，你兩樣跟一跟。")])] \
        == ["跟進分店嘅更表", "跟進分店嘅 staff 名單"]
    assert len(_items([("黃太", "Ivy，份合同你跟一跟。")])) == 1
    # who a thing is followed up with is no second thing; things named before a comma are still split
    assert len(_items([("黃太", "Ivy，報價同客戶你跟一跟。")])) == 1
    assert [t for _, t, _ in _items([("黃太", "Ivy，場地租約同埋餐飲報價，你兩樣跟一跟，禮拜五之前。")])] \
        == ["跟進場地租約", "跟進餐飲報價"]


def test_a_role_things_are_given_to_receives_them_and_does_not_do_them():
    items = _items([("黃太", "Ivy，你準備埋新 menu，搞個試食俾 IT team 試下，禮拜五之前。"), ("Ivy Chan 陳詩韻", "得。")])
    assert {owner for owner, _, _ in items} == {"Ivy Chan 陳詩韻"} and all(d == "2026-03-13" for _, _, d in items)


def test_what_is_mended_is_the_thing_said_broken_not_the_reason_it_is_urgent():
    assert _items([("Marco Lee 李文傑", "部打印機又壞咗，個紙匣卡紙。"),
                   ("黃太", "下個禮拜一要印年報，你禮拜五之前整返佢。"), ("Marco Lee 李文傑", "冇問題。")])[0][1] == "整返部打印機"
    # the clause the fault is said in, with the thing it is a part of
    assert _items([("Marco Lee 李文傑", "最急係嗰架白色 van，個水箱壞咗，司機聽日要用。"),
                   ("黃太", "咁你聽朝十點前換好佢。")])[0][1:] == ("換好白色 van 水箱", "2026-03-12T10:00:00+08:00")


def test_they_after_a_verb_of_sending_are_the_people_it_goes_to():
    [(owner, task, _)] = _items([("黃太", "陳生陳太份合約改好未？佢哋話要加兩圍。"), ("Ivy Chan 陳詩韻", "改緊，仲差少少。"),
                                 ("黃太", "Ivy，你今晚八點前 send 份新合約俾佢哋。")])
    assert task == "send 新合約俾佢哋"


def test_a_day_conceded_after_a_pause_is_the_day():
    assert _items([("黃太", "阿傑，你禮拜五之前裝好新 server。"), ("Marco Lee 李文傑", "禮拜五太趕喇。下個禮拜二得唔得？"),
                   ("黃太", "下個禮拜二……都得，但唔好再遲。")]) == [("Marco Lee 李文傑", "裝好新 server", "2026-03-17")]


def test_an_urging_with_no_object_is_not_what_it_refers_to():
    assert _items([("Marco Lee 李文傑", "網站上面嘅價錢仲係舊嘅。"),
                   ("黃太", "吓？咁要快啲改喎，唔係聽日有客落單都唔知我哋加咗價。"),
                   ("Marco Lee 李文傑", "我嚟搞，聽日中午前改晒佢。")]) \
        == [("Marco Lee 李文傑", "改晒網站上面嘅價錢", "2026-03-12T12:00:00+08:00")]


def test_what_follows_if_not_and_dont_delay_are_no_work():
    assert [t for _, t, _ in _items([("黃太", "Ivy 你今日之內落單，唔好拖，假期前唔落就要等到下個禮拜。"),
                                     ("Ivy Chan 陳詩韻", "好，我今日落。")])] == ["落單"]


def test_not_knowing_how_is_a_no_and_the_askers_next_request_with_that_verb_replaces_the_task():
    assert _items([("黃太", "咁阿傑你搞埋換個 filter 啦。"),
                   ("Marco Lee 李文傑", "個 filter 我唔識搞喎，要供應商派人嚟裝。Ivy 熟啲。"),
                   ("黃太", "好，咁 Ivy 你約供應商嚟換，三個工作天內約到佢。")]) \
        == [("Ivy Chan 陳詩韻", "約供應商嚟換", "2026-03-16")]
    # the same thing named again with more said of the work: the new words are the task
    assert _items([("黃太", "咁阿傑你搞埋換個 filter 啦。"), ("Marco Lee 李文傑", "個 filter 我唔識搞喎。"),
                   ("黃太", "好，咁 Ivy 你約供應商嚟換茶水間個 filter，三個工作天內約到佢。")]) \
        == [("Ivy Chan 陳詩韻", "約供應商嚟換茶水間 filter", "2026-03-16")]


def test_or_else_after_a_request_says_why_it_is_urgent_and_the_request_stands():
    assert _items([("黃太", "Ivy 你今晚八點前改好份菜單 send 俾個客 confirm 唔係印唔切"), ("Ivy Chan 陳詩韻", "好 八點前 send")]) \
        == [("Ivy Chan 陳詩韻", "改好菜單 send 俾客 confirm", "2026-03-11T20:00:00+08:00")]


def test_unpunctuated_speech_parts_a_condition_from_the_person_then_addressed():
    [(owner, task, deadline)] = _items([("黃太", "咁等 Priya 收到按金先 Marco 你先落單訂嗰批椅子"), ("Marco Lee 李文傑", "收到")])
    assert (owner, deadline) == ("Marco Lee 李文傑", None) and task.endswith("落單訂椅子")


def test_following_someone_is_the_work_not_then():
    assert _items([("Marco Lee 李文傑", "部焗爐 溫度又有問題 我琴日已經打咗俾技師 佢哋話聽日嚟"),
                   ("黃太", "咁你聽日跟住個技師 一定要整返佢")])[0][1] == "跟住技師，整返部焗爐"


def test_a_verb_and_a_two_character_thing_stand_alone_and_a_thing_made_for_someone_is_named():
    items = _items([("Priya Shah", "個客想睇下新地毯嘅樣板先決定。"), ("Marco Lee 李文傑", "樣板我嚟搞，我有幾款新嘅。"),
                    ("黃太", "好，阿傑你禮拜五之前整好俾 Priya。")])
    assert len(items) == 1 and items[0][0::2] == ("Marco Lee 李文傑", "2026-03-13")
    assert "樣板" in items[0][1] and "決定" not in items[0][1]


def test_a_day_turned_down_with_a_yes_or_a_one_character_verb_moves_to_the_day_said():
    for answer in ("聽日唔得閒，後日打啦。", "好，不過聽日唔得閒，後日打啦。"):
        assert _items([("黃太", "阿傑，你聽日打俾客。"), ("Marco Lee 李文傑", answer)]) == [("Marco Lee 李文傑", "打俾客", "2026-03-13")]


def test_a_handover_with_a_day_is_due_that_day():
    assert _items([("黃太", "阿傑，你跟下份合約。"), ("Marco Lee 李文傑", "我跟唔到喎。"),
                   ("黃太", "唔係，交俾 Ivy 跟，下個禮拜一之前。")]) == [("Ivy Chan 陳詩韻", "跟下合約", "2026-03-16")]


def test_him_after_a_person_verb_is_the_party_whose_words_were_reported():
    assert _items([("Marco Lee 李文傑", "物流公司話下個月先開工，但係實際邊日送，佢哋仲未講。"),
                   ("黃太", "咁唔得喎，冇貨點做嘢。阿傑，你三個工作天內同佢 confirm 實個送貨日子。")])[0][1] \
        == "同物流公司 confirm 實送貨日子"


def test_an_event_or_a_place_named_with_a_date_word_is_no_due_day():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，周年晚宴嘅座位表你跟下，禮拜四前。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12") and "周年晚宴" in task
    assert _items([("黃太", "阿傑，一號倉嘅貨你跟一跟，禮拜五前。")])[0][2] == "2026-03-13"


def test_an_event_named_by_its_day_is_no_due_day_and_a_thing_before_you_is_what_the_verb_acts_on():
    assert _items([("黃太", "阿傑，十月三號嗰個推廣日嘅場地你去訂咗佢。"), ("Marco Lee 李文傑", "好。")]) \
        == [("Marco Lee 李文傑", "訂十月三號推廣日嘅場地", None)]
    [(owner, task, deadline)] = _items([("黃太", "阿傑，禮拜五嗰場展覽嘅易拉架你 order 咗佢。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", None) and task.startswith("order") and "易拉架" in task


def test_a_talk_or_a_speaker_is_no_hearsay():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，禮拜五嘅講座之前你準備好啲講義。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13") and "講義" in task


def test_what_somebody_cannot_manage_is_no_task_of_theirs():
    items = _items([("黃太", "Ivy 搞唔掂部影印機，阿傑你幫佢睇下部影印機。"), ("Marco Lee 李文傑", "好。")])
    assert [i[0] for i in items] == ["Marco Lee 李文傑"] and "影印機" in items[0][1]


def test_a_stand_in_asked_to_do_it_takes_the_declined_task_in_its_words():
    assert _items([("黃太", "Ivy，你訂個大房。"), ("Ivy Chan 陳詩韻", "我聽日放假，做唔到喎。"),
                   ("黃太", "咁阿傑你訂咗佢。"), ("Marco Lee 李文傑", "好。")]) == [("Marco Lee 李文傑", "訂大房", None)]


def test_a_day_and_hour_before_the_first_verb_reach_the_work_joined_by_and():
    expected = "2026-03-12T16:30:00+08:00"
    for said in ("阿傑，你聽日下晝四點半前寄份樣本俾客，同埋覆埋個供應商。", "阿傑，你聽日下晝四點半寄份樣本俾客，同埋覆埋個供應商。"):
        assert [i[2] for i in _items([("黃太", said), ("Marco Lee 李文傑", "冇問題。")])] == [expected, expected]


def test_the_end_of_work_after_a_day_is_that_days_end():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，你禮拜一朝早九點開工，收工前裝好啲燈。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-16") and "燈" in task


def test_a_place_time_the_table_does_not_know_is_the_remote_speakers_or_listeners():
    # London is on GMT until 29 March 2026: 14:00 there is 22:00 in Hong Kong
    [(owner, _, deadline)] = _items([("黃太", "Priya，啲相幾時有？"), ("Priya Shah", "我曼徹斯特時間聽日下晝兩點前 send 俾 Ivy。")])
    assert (owner, deadline) == ("Priya Shah", "2026-03-12T22:00:00+08:00")
    items = _items([("Priya Shah", "我可以問下供應商。"), ("黃太", "好，你嗰邊禮拜五朝早九點前 confirm 個價俾我。")])
    assert ("Priya Shah", "confirm 價俾黃太", "2026-03-13T17:00:00+08:00") in items


def test_give_it_to_me_to_read_is_asked_of_the_listener_even_after_i_want():
    items = _items([("黃太", "阿傑，你跟份合約，月尾前簽好。不過我想早啲，禮拜五前俾個初稿我睇先。"), ("Marco Lee 李文傑", "冇問題。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-31"), ("Marco Lee 李文傑", "2026-03-13")]
    assert "初稿" in items[1][1] and "黃太" in items[1][1]


def test_too_busy_to_read_it_in_time_declines_and_a_reply_sending_it_to_you_is_the_repliers():
    items = _items([("黃太", "份 proposal send 咗俾我未？"), ("Marco Lee 李文傑", "未，我想 Ivy 睇一睇先。"),
                    ("Ivy Chan 陳詩韻", "我今個禮拜好忙，驚睇唔切。"), ("黃太", "咁直接 send 俾我啦，聽朝十點前。"),
                    ("Marco Lee 李文傑", "OK，聽朝十點前 send 俾你。")])
    assert ("Marco Lee 李文傑", "2026-03-12T10:00:00+08:00") in [(o, d) for o, _, d in items]
    assert "Ivy Chan 陳詩韻" not in [o for o, _, _ in items]


def test_back_to_a_topic_or_days_off_granted_are_no_work():
    assert _items([("Ivy Chan 陳詩韻", "黃太，講返個 server 升級。")]) == []
    assert _items([("Marco Lee 李文傑", "黃太，我下個禮拜想請兩日假，十六同十七號。"),
                   ("黃太", "十六號唔得，嗰日 Ivy 都放假。你請十七、十八號啦。")]) == []


def test_unpunctuated_speech_opens_a_request_at_a_name_and_you_and_keeps_each_owners_day():
    [(owner, task, deadline)] = _items([("黃太", "我哋同意月尾先搬阿傑你同搬運公司約四月十號前搬晒啲文件")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-04-10") and not task.startswith("同意")
    items = _items([("黃太", "Ivy你叫個設計師返嚟公司我要親自同佢傾阿傑你禮拜五前覆埋個業主")])
    assert ("Marco Lee 李文傑", "2026-03-13") in [(o, d) for o, _, d in items]
    assert ("Ivy Chan 陳詩韻", "2026-03-13") not in [(o, d) for o, _, d in items]


def test_a_new_day_after_an_owners_objection_moves_that_owners_task():
    items = _items([("黃太", "Ivy，你聽日約個設計師兩點返嚟。阿傑，你下個禮拜三前覆業主。"),
                    ("Ivy Chan 陳詩韻", "好，不過個設計師聽日放假喎。"), ("黃太", "咁改禮拜五。")])
    assert dict((o, d) for o, _, d in items) == {"Ivy Chan 陳詩韻": "2026-03-13", "Marco Lee 李文傑": "2026-03-18"}


def test_then_i_will_offered_and_asked_again_with_a_day_is_one_task():
    assert _items([("Marco Lee 李文傑", "咁我整個值班表出嚟。"), ("黃太", "好，你聽日五點前整好值班表 send 俾我。")]) \
        == [("Marco Lee 李文傑", "整好值班表 send 俾黃太", "2026-03-12T17:00:00+08:00")]


def test_a_yes_saying_how_with_there_still_being_some_is_the_same_task_and_all_is_no_owner_word():
    assert _items([("黃太", "阿傑，茶水間啲杯你今晚收工前全部換晒新嗰啲。"),
                   ("Marco Lee 李文傑", "得，貨倉仲有六個新嘅，我攞出嚟換咗佢。")]) \
        == [("Marco Lee 李文傑", "換晒茶水間啲杯新啲", "2026-03-11")]


def test_my_own_errand_said_as_why_a_day_moves_is_no_task_and_leaving_the_meeting_is_no_work():
    items = _items([("黃太", "下個禮拜一我約咗客開會……唔係，下個禮拜一我要去深圳驗貨，改做下個禮拜二朝早十點。阿傑，你幫我通知個客改時間。")])
    assert [o for o, _, _ in items] == ["Marco Lee 李文傑"]
    assert _items([("Priya Shah", "咁我唔阻大家，我去開另一個會喇。")]) == []


def test_the_one_named_before_you_who_answers_with_the_same_verb_was_the_one_asked():
    assert _items([("黃太", "Marco，下個禮拜前出份平面圖俾我。"),
                   ("Marco Lee 李文傑", "冇問題。Ivy 之前畫咗一半，你 send 個 file 俾我就得。"),
                   ("Ivy Chan 陳詩韻", "我今日 send 俾你。")])[1] == ("Ivy Chan 陳詩韻", "send file 俾 Marco", "2026-03-11")


def test_when_somebody_else_comes_is_no_task_of_whoever_answers_and_a_time_moved_names_no_thing():
    items = _items([("Marco Lee 李文傑", "部冷氣機漏水，我已經叫咗師傅嚟睇。"), ("黃太", "咁佢幾時嚟整？"),
                    ("Marco Lee 李文傑", "佢話禮拜四上嚟，不過禮拜四我哋最忙，我想改做禮拜五朝早。"),
                    ("黃太", "禮拜五唔得，改禮拜六朝早啦。阿傑，你叫師傅禮拜六朝早十點前整好佢。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-14T10:00:00+08:00")]
    assert "改做" not in items[0][1]
    [(_, _, deadline)] = _items([("黃太", "Ivy，份計劃書佢哋幾時要？"), ("Ivy Chan 陳詩韻", "佢哋話月尾之前就得，我跟。")])
    assert deadline == "2026-03-31"


def test_my_errand_said_to_offer_another_day_is_no_task_of_its_own():
    assert _items([("黃太", "阿傑，你問三間印刷廠報價，禮拜五前 send 俾我。"),
                   ("Marco Lee 李文傑", "講明先，我禮拜五要陪客睇貨，報價我禮拜四晚 send 俾你得唔得？"),
                   ("黃太", "都得。")]) == [("Marco Lee 李文傑", "問三間印刷廠報價，send 俾黃太", "2026-03-12")]


def test_a_thing_then_its_limit_then_its_verb_reads_verb_first_and_no_rush_names_the_thing():
    assert _items([("黃太", "阿傑，新餐牌月尾前印好。")]) == [("Marco Lee 李文傑", "印好新餐牌", "2026-03-31")]
    assert _items([("黃太", "阿傑，租約唔急，四月尾前傾好就得。")]) == [("Marco Lee 李文傑", "傾好租約", "2026-04-30")]


def test_a_later_sentence_of_the_turn_with_a_limit_is_still_for_the_one_called():
    items = _items([("黃太", "阿傑，禮拜五前清咗個貨倉；lease 唔急，四月尾前傾好就得。"), ("Marco Lee 李文傑", "好。")])
    assert ("Marco Lee 李文傑", "傾好 lease", "2026-04-30") in items


def test_them_after_a_verb_of_contacting_are_people_not_the_thing_said_before():
    items = _items([("黃太", "阿傑，年尾前約清潔公司洗地毯；lease 唔急，四月尾前傾好就得。"), ("Marco Lee 李文傑", "好，我今個禮拜約佢哋。")])
    assert all("約" not in task or "lease" not in task for _, task, _ in items)


def test_a_zone_word_is_a_whole_word_and_a_city_of_the_time_zone_database_is_its_zone():
    # Manchester holds "est", Phuket "uk", 都柏林 柏林: none of them is New York, London or Berlin
    people = ATTENDEES + [{"name": "Jason Ryan", "aliases": ["Jason"], "timezone": "Europe/Dublin"}]
    assert _items([("黃太", "Priya，啲相幾時有？"), ("Priya Shah", "我 Manchester time 聽日下晝兩點前 send 俾 Ivy。")]) \
        == [("Priya Shah", "send 俾 Ivy", "2026-03-12T22:00:00+08:00")]
    [(_, _, deadline)] = _items([("黃太", "Jason，報價幾時有？"), ("Jason Ryan", "我都柏林時間聽日中午前 send 俾你。")], attendees=people)
    assert deadline == "2026-03-12T20:00:00+08:00"  # Dublin is on GMT in March, Berlin an hour ahead
    [(_, _, deadline)] = _items([("黃太", "阿傑，你 Budapest time 聽日朝早十點前 send 份報價俾客。")])
    assert deadline == "2026-03-12T17:00:00+08:00"  # Budapest is on CET (UTC+1) until 29 March 2026


def test_my_side_time_said_in_words_leaves_no_word_behind():
    [(_, task, deadline)] = _items([("黃太", "Priya，份 deck 幾時有？"), ("Priya Shah", "我嗰邊時間禮拜五朝早十點前會將份 deck email 返俾你。")])
    assert deadline == "2026-03-13T18:00:00+08:00" and "時間" not in task


def test_give_me_a_draft_with_a_particle_or_after_calling_and_i_want_is_the_listeners():
    assert [o for o, _, _ in _items([("Ivy Chan 陳詩韻", "個 budget 我整緊。"), ("黃太", "我想早少少呀，聽日俾個 draft 我睇吓。")])] \
        == ["Ivy Chan 陳詩韻"]
    assert [(o, d) for o, _, d in _items([("黃太", "阿傑，我想早少少，禮拜五前俾個初稿我睇。")])] == [("Marco Lee 李文傑", "2026-03-13")]


def test_a_cancellation_after_two_interjections_takes_the_task_back():
    assert _items([("黃太", "阿傑，你聽日印五十份小冊子。"), ("Marco Lee 李文傑", "好。"), ("黃太", "啊唔好意思，嗰樣唔使做喇。")]) == []


def test_leaving_the_meeting_keeps_a_commitment_said_with_it_and_leave_granted_is_no_work():
    assert [(o, d) for o, _, d in _items([("Priya Shah", "我唔阻大家喇，份 deck 我聽日 send 俾你哋。")])] == [("Priya Shah", "2026-03-12")]
    assert _items([("Marco Lee 李文傑", "黃太，我想請假。"), ("黃太", "OK，你請啦。")]) == []
    assert _items([("Marco Lee 李文傑", "黃太，我下個禮拜想請兩日假。"), ("黃太", "得，你放心去啦。")]) == []


def test_a_meeting_moved_with_my_errand_as_the_reason_is_no_task():
    assert _items([("黃太", "下個禮拜二我要去睇醫生，個 review meeting 改做禮拜三啦。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "我禮拜五要帶阿媽睇醫生，個 vendor meeting 可唔可以改做禮拜四？")]) == []


def test_an_event_after_its_day_with_a_bare_classifier_or_in_english_is_no_due_day():
    for said in ("阿傑，十八號個晚宴嘅座位表你做埋佢。", "阿傑，十八號 annual dinner 嘅場地你去 book 咗佢。"):
        assert [d for _, _, d in _items([("黃太", said)])] == [None], said


def test_the_end_of_work_after_the_day_something_starts_is_that_days_end():
    assert [d for _, _, d in _items([("黃太", "阿傑，你禮拜五開始跟呢個 project，收工前開好個 Teams channel。")])] == ["2026-03-13"]


def test_who_had_it_said_before_the_work_then_a_handover_gives_the_work_to_the_taker():
    assert _items([("黃太", "原本阿傑負責個 poster，而家交俾 Ivy，聽日交。")]) == [("Ivy Chan 陳詩韻", "交 poster", "2026-03-12")]


def test_a_due_day_taken_from_the_reply_rings_as_that_day_asks():
    [item] = _extract([("黃太", "阿傑，你聯絡吓啲攝影師。"), ("Marco Lee 李文傑", "好，我今晚打俾佢哋。")])["action_items"]
    assert (item["deadline"], item["priority"]) == ("2026-03-11", "call")


def test_a_day_the_asker_gives_to_work_the_reply_added_moves_that_work_only():
    items = _items([
        ("黃太", "阿傑，你禮拜五前裝好新嗰批電腦。"),
        ("Marco Lee 李文傑", "好，我禮拜五前裝好，同埋我會寫埋份使用指引。"),
        ("黃太", "指引下個禮拜一之前俾我睇。"),
        ("Marco Lee 李文傑", "冇問題。"),
    ])
    assert sorted(d for _, _, d in items) == ["2026-03-13", "2026-03-16"]
    assert next(d for _, t, d in items if "指引" in t) == "2026-03-16"


def test_a_reply_naming_each_thing_with_its_own_day_keeps_them_apart():
    items = _items([
        ("黃太", "阿傑 你幫手訂個新 router 同埋問下 vendor 可唔可以延長保養 禮拜五之前話我知"),
        ("Marco Lee 李文傑", "好 router 我聽日就訂 保養嗰樣要問埋總公司 下個禮拜二得唔得"),
        ("黃太", "得 下個禮拜二啦"),
    ])
    assert len(items) == 2
    assert next(d for _, t, d in items if "router" in t) == "2026-03-12"
    assert next(d for _, t, d in items if "保養" in t) == "2026-03-17"


def test_a_day_off_said_before_a_request_is_news_not_the_thing_worked_on():
    [(owner, task, deadline)] = _items([
        ("黃太", "提提大家 四月三號耶穌受難節公司休息 六號都係假期 阿傑你禮拜五收工前出埋四月嘅值日表"),
    ])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13")
    assert task.startswith("出") and "休息" not in task and "假期" not in task


def test_a_bare_verb_answer_takes_its_object_from_the_need_before_it():
    items = _items([
        ("Ivy Chan 陳詩韻", "個 shared drive 係阿傑管嘅，我要佢幫我開寫入權限。"),
        ("Marco Lee 李文傑", "我今日幫你開。"),
    ])
    assert items == [("Marco Lee 李文傑", "開寫入權限", "2026-03-11")]


def test_work_said_after_what_it_waits_for_is_still_work():
    [(owner, task, deadline)] = _items([("Marco Lee 李文傑", "啲新 firewall rule 批咗之後我做 penetration test，禮拜五前出報告。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13") and "penetration test" in task


def test_it_is_the_thing_the_speaker_says_they_are_half_way_through():
    [(owner, task, _)] = _items([("Priya Shah", "The press kit 我已經寫咗一半，I'll finish it by tomorrow noon.")])
    assert owner == "Priya Shah" and "press kit" in task and "it" not in task.split()


def test_the_one_asked_saying_when_it_will_be_ready_after_another_word_is_the_same_task():
    items = _items([
        ("黃太", "Ivy，新 brochure 啲相要換過，你禮拜五前整好得唔得？"),
        ("Ivy Chan 陳詩韻", "得，不過要阿傑俾晒啲相我先。"),
        ("Marco Lee 李文傑", "我今晚 send 晒俾你。"),
        ("Ivy Chan 陳詩韻", "Great，咁我禮拜五前整好啲相。"),
    ])
    assert [(o, d) for o, _, d in items if o == "Ivy Chan 陳詩韻"] == [("Ivy Chan 陳詩韻", "2026-03-13")]


def test_a_plan_given_up_names_no_work():
    [(owner, task, deadline)] = _items([
        ("黃太", "新 office 嘅 wifi 邊個跟？"),
        ("Marco Lee 李文傑", "我本來想叫 Ivy，但佢月尾前好忙，我自己跟啦，下個禮拜五之前裝好。"),
    ])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-20") and "本來" not in task and "wifi" in task


def test_a_worry_said_under_a_condition_turns_nothing_down():
    items = _items([
        ("Marco Lee 李文傑", "我禮拜五前 upload 新版本去 server。"),
        ("黃太", "好。"),
        ("Ivy Chan 陳詩韻", "個客好期待個新版本。"),
        ("Marco Lee 李文傑", "如果 server 嘅 license 遲到，新版本可能會趕唔切喎。"),
    ])
    assert items == [("Marco Lee 李文傑", "upload 新版本去 server", "2026-03-13")]


def test_the_first_day_back_from_the_days_off_is_a_due_day_and_no_part_of_the_task():
    # 2026-12-23 is a Wednesday before Christmas; the days off run to Sunday the 27th
    [(owner, task, deadline)] = _items([("黃太", "阿傑，你放完假返嚟第一日就續咗個 domain 佢。")], date="2026-12-23")
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-12-28") and "返嚟" not in task and "domain" in task


@pytest.mark.parametrize("said, today, due", [
    ("阿傑，你放完聖誕假返工第一日交份年度報告俾我。", "2026-11-02", "2026-12-28"),  # weeks ahead: the festival says which days off
    ("阿傑，你新年放完假返嚟第一日交份年度報告俾我。", "2027-01-11", "2027-02-10"),  # Lunar New Year 2027 runs Sat 6 to Tue 9 Feb
    ("阿傑，你聖誕放完假之後第二個工作天交份年度報告俾我。", "2026-11-02", "2026-12-29"),
])
def test_the_days_off_of_a_named_festival_date_the_first_day_back(said, today, due):
    [(owner, task, deadline)] = _items([("黃太", said)], date=today)
    assert (owner, deadline) == ("Marco Lee 李文傑", due) and "假" not in task and "年度報告" in task


def test_waiting_for_someone_then_the_work_is_one_task():
    items = _items([
        ("Ivy Chan 陳詩韻", "我想問下黃太個 logo 可唔可以改色。"),
        ("Marco Lee 李文傑", "我今晚見黃太，順便幫你問埋。"),
        ("Ivy Chan 陳詩韻", "咁我等你答覆，然後禮拜五之前交 artwork 去印刷廠。"),
    ])
    tasks = {o: (t, d) for o, t, d in items}
    assert len(items) == 2 and tasks["Ivy Chan 陳詩韻"][1] == "2026-03-13" and "等" not in tasks["Ivy Chan 陳詩韻"][0]
    assert "logo" in tasks["Marco Lee 李文傑"][0] and tasks["Marco Lee 李文傑"][1] == "2026-03-11"


def test_a_stand_in_saying_their_own_day_dates_the_task_they_took():
    items = _items([
        ("黃太", "另外展覽嘅易拉架，阿傑你都跟埋呀。"),
        ("Marco Lee 李文傑", "其實我下個禮拜放假，Ivy 可唔可以幫手？"),
        ("Ivy Chan 陳詩韻", "得，我嚟跟。易拉架我同海報一齊印，禮拜五之前落單。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")]


def test_a_plan_given_up_gives_its_person_nothing():
    out = _extract([("黃太", "另外我本來想叫 Ivy 整埋四月份嘅 newsletter，都係算啦，四月先傾。")])
    assert out["action_items"] == []


@pytest.mark.parametrize("said", [
    "我諗過，年尾之前唔加價住，太險。",
    "兩間都睇過，A 公司平啲但係冇保養，揀 B 公司。",
    "我同意 Ivy，keep 舊嗰個 logo。",
    "個 loyalty app 可以停住先。",
    "咁開放日當日就淨係做導賞。",
])
def test_a_decision_said_in_a_plain_word(said):
    decisions = _extract([("黃太", said)])["decisions"]
    assert len(decisions) == 1, said


def test_a_verb_then_next_week_is_not_the_week_after_next():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，你幫手 check下下個禮拜有邊啲客要續約，禮拜五之前話我知。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13") and "下個禮拜" in task
    assert [d for _, _, d in _items([("黃太", "阿傑，你下下個禮拜五之前交份報告。")])] == ["2026-03-27"]


def test_a_day_the_asker_then_gives_somebody_else_stays_theirs():
    from assistant.extract.rules import extract_rules
    from assistant.extract.transcript import Transcript

    said = [("黃太", "阿傑你今日之內同供應商落單，得唔得？"),
            ("Marco Lee 李文傑", "得，我今日搞掂。不過供應商話可能要下個禮拜三先到貨。"),
            ("黃太", "明白。咁 Ivy，你通知晒啲客，最遲禮拜五之前要通知晒。")]
    transcript = Transcript.from_dict({"date": "2026-03-11", "attendees": ATTENDEES,
                                       "turns": [{"speaker": s, "text": t} for s, t in said]})
    ordered = next(i for i in extract_rules(transcript).action_items if i.turn == 0)
    assert "禮拜五" not in ordered.agreed_due  # Ivy's day, said to Ivy, is no day agreed for 阿傑's order


def test_a_name_before_their_things_then_you_asks_the_one_called():
    [(owner, _, deadline)] = _items([("黃太", "阿傑，下個禮拜四 Ivy 啲 booking 你轉晒去 Kelly 嗰邊，禮拜五之前搞掂。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13")


def test_an_answer_to_who_does_a_thing_that_names_it_stands_as_said():
    [(owner, task, _)] = _items([("黃太", "個 banner design 邊個整？"), ("Ivy Chan 陳詩韻", "我嚟跟 design 啦，我識少少 Canva。")])
    assert owner == "Ivy Chan 陳詩韻" and task.count("design") == 1 and "整" not in task


def test_sending_on_then_handing_over_by_a_later_limit_is_one_task():
    [(owner, _, deadline)] = _items([("Marco Lee 李文傑", "我一收到份稿就即刻 send 去印刷廠，聽日之內交俾佢哋。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12")


def test_not_for_now_with_an_english_verb_is_no_task():
    assert _items([("黃太", "阿傑，個 update 唔 push 住。")]) == []


def test_a_spaced_english_verb_then_next_week_is_not_the_week_after_next():
    [(_, _, deadline)] = _items([("黃太", "阿傑，你 check 下下個禮拜五之前啲 server log。")])
    assert deadline == "2026-03-20"  # by next Friday, not the Friday after


def test_an_answer_giving_each_requested_thing_its_own_day_dates_each():
    items = _items([
        ("黃太", "阿傑，你禮拜五前整報價同合約。"),
        ("Marco Lee 李文傑", "報價我聽日俾你，合約要問埋老闆，下個禮拜二得唔得？"),
        ("黃太", "得。"),
    ])
    assert sorted((t, d) for _, t, d in items) == [("整合約", "2026-03-17"), ("整報價", "2026-03-12")]
    items = _items([
        ("黃太", "Ivy，你 send 份 price list 同埋 update 個 floor plan 俾我。"),
        ("Ivy Chan 陳詩韻", "Price list 我今日 send，floor plan 禮拜五先搞掂，OK 嗎？"),
        ("黃太", "OK。"),
    ])
    assert sorted(d for _, _, d in items) == ["2026-03-11", "2026-03-13"]


def test_a_when_question_about_a_thing_answered_with_a_day_and_to_you():
    assert _items([("Ivy Chan 陳詩韻", "阿傑，份 inventory list 幾時有？"), ("Marco Lee 李文傑", "禮拜一俾你。")]) \
        == [("Marco Lee 李文傑", "準備好 inventory list", "2026-03-16")]


def test_then_another_task_in_one_request_is_its_own_item():
    items = _items([("黃太", "阿傑，你聽日 check 晒啲 backup log，再同 vendor 開個 call。")])
    assert len(items) == 2 and all(d == "2026-03-12" for _, _, d in items)
    assert any("vendor" in t for _, t, _ in items) and any("backup" in t for _, t, _ in items)


def test_handing_on_with_a_bare_give_to_leaves_the_work_with_the_one_it_is_given_to():
    items = _items([
        ("黃太", "阿傑，你幫我換部打印機嘅碳粉。"),
        ("Marco Lee 李文傑", "我聽日要去分店，交俾 Ivy 啦。"),
        ("Ivy Chan 陳詩韻", "OK，我聽日換。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12")]
    assert "碳粉" in items[0][1] and "分店" not in items[0][1]


def test_a_thing_then_a_name_then_help_me_asks_that_person():
    assert _items([("黃太", "張新表格阿傑幫我印。"), ("Marco Lee 李文傑", "好。")]) == [("Marco Lee 李文傑", "印新表格", None)]
    assert _items([("黃太", "上次阿傑幫我印表格好快。"), ("Marco Lee 李文傑", "多謝。")]) == []  # how it went, no request


def test_a_thing_asked_of_one_and_handed_on_keeps_its_words_without_the_first_name():
    items = _items([
        ("黃太", "張新表格我要阿傑幫我印。"),
        ("Marco Lee 李文傑", "我唔得閒，交俾 Ivy 啦。"),
        ("Ivy Chan 陳詩韻", "好，我聽日印。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "印新表格", "2026-03-12")]


def test_a_long_wait_for_somebody_then_the_work_keeps_the_work():
    items = _items([("黃太", "份月報呢？"), ("Ivy Chan 陳詩韻", "我等阿傑 send 晒上個月啲銷售數字同成本過嚟，然後聽日出月報。")])
    assert items == [("Ivy Chan 陳詩韻", "出月報", "2026-03-12")]


def test_i_then_a_day_answers_when_a_thing_will_be_ready():
    [(owner, task, deadline)] = _items([("黃太", "Ivy，份宣傳計劃幾時有？"), ("Ivy Chan 陳詩韻", "我禮拜一俾你。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-16") and "宣傳計劃" in task


def test_not_for_now_inside_what_somebody_is_told_is_the_telling():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，你聽日話俾裝修師傅知我哋唔開工住。"), ("Marco Lee 李文傑", "好。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12") and "裝修師傅" in task


def test_the_option_taken_then_who_tells_people_is_a_decision():
    said = [("黃太", "揀 B 間酒店，Ivy 你今日通知旅行社。"), ("Ivy Chan 陳詩韻", "好。")]
    assert _decisions(said) == ["揀 B 間酒店"]
    assert _items(said) == [("Ivy Chan 陳詩韻", "通知旅行社", "2026-03-11")]
    assert _decisions([("黃太", "揀邊間酒店好呢，Ivy 你今日問下旅行社。"), ("Ivy Chan 陳詩韻", "好。")]) == []


def test_the_day_looked_into_is_no_due_day_and_stays_in_the_task():
    [(owner, task, deadline)] = _items([("黃太", "Ivy，你 check 下個禮拜三禮堂有冇位，聽日覆我。"), ("Ivy Chan 陳詩韻", "好。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12") and "下個禮拜三禮堂" in task


def test_a_need_said_after_a_but_is_what_a_bare_verb_takes_up():
    items = _items([
        ("Ivy Chan 陳詩韻", "我今朝已經將部機抹咗一次。不過按規矩，有客受傷我哋要呈報保險公司。"),
        ("黃太", "咁 Ivy 你今日之內呈報埋佢。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "呈報保險公司", "2026-03-11")]


@pytest.mark.parametrize("said, due", [
    ("阿傑，你聽日出封電郵俾全部同事，講清楚新系統點樣登入同埋要改啲咩。", "2026-03-12"),  # what the email explains
    ("阿傑，老闆想知今年行政部同會計部大概仲要買幾多部新電腦，你禮拜五之前整個預算俾我。", "2026-03-13"),  # what the boss wants to know
])
def test_a_question_word_inside_what_is_told_or_wanted_known_asks_nothing(said, due):
    [(owner, _, deadline)] = _items([("黃太", said), ("Marco Lee 李文傑", "好。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", due)


def test_my_own_errand_said_before_the_day_i_offer_instead_is_no_task():
    items = _items([
        ("黃太", "阿傑，你禮拜五之前整份保養報價俾我。"),
        ("Marco Lee 李文傑", "禮拜五我要去機場裝 wifi，成日都喺度。下個禮拜一俾你得唔得？"),
        ("黃太", "得。"),
    ])
    assert items == [("Marco Lee 李文傑", "整保養報價俾黃太", "2026-03-16")]


def test_get_rid_of_a_thing_said_with_its_perfective_is_asked_and_saying_it_again_calls_nothing_off():
    items = _items([("黃太", "Ivy你cancel咗個酒店房佢。"), ("Ivy Chan 陳詩韻", "好，我cancel佢。")])
    assert items == [("Ivy Chan 陳詩韻", "cancel 酒店房", None)]


def test_away_that_day_then_another_day_offered_and_taken_keeps_the_work_with_who_offered_it():
    items = _items([
        ("黃太", "Ivy，你聽日交份計劃書。"),
        ("Ivy Chan 陳詩韻", "聽日我要去睇醫生，成個朝早都唔喺度。後日俾你得唔得？"),
        ("黃太", "OK。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "交計劃書", "2026-03-13")]


def test_the_asker_conceding_the_day_offered_by_naming_it_settles_it():
    items = _items([
        ("黃太", "阿傑，禮拜五你陪我去睇場地。"),
        ("Marco Lee 李文傑", "禮拜五唔得喎，我嗰日要帶阿媽去覆診。禮拜一得唔得？"),
        ("黃太", "禮拜一都 OK，咁就禮拜一。"),
    ])
    assert items == [("Marco Lee 李文傑", "陪睇場地", "2026-03-16")]


def test_my_own_work_handed_on_after_a_reason_is_the_takers_and_a_when_question_dates_it():
    items = _items([
        ("Ivy Chan 陳詩韻", "份 guest list 我本來跟緊，不過我下個禮拜放假，交俾阿傑啦。"),
        ("Marco Lee 李文傑", "幾時要？"),
        ("黃太", "禮拜五前搞掂佢。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-13")]
    assert "guest list" in items[0][1] and "放假" not in items[0][1]


def test_a_place_of_mine_is_no_work_of_mine_and_the_first_clause_reads_verb_first():
    items = _items([("黃太", "張表阿傑幫我印，聽朝十點前放我枱面。"), ("Marco Lee 李文傑", "好。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-12T10:00:00+08:00")]
    assert items[0][1].startswith("印表")


def test_a_name_inside_the_alias_the_meeting_uses_is_not_written_twice():
    attendees = [{"name": "May", "aliases": ["阿May"]}, {"name": "Ivy"}, {"name": "黃太"}]
    items = _items([("黃太", "Ivy，你聽日 send 份報價俾阿May。"), ("Ivy", "好。")], attendees=attendees)
    assert items == [("Ivy", "send 報價俾 May", "2026-03-12")]


def test_we_choose_is_a_decision():
    said = [("黃太", "我哋揀 A 方案，Ivy 你今日下晝通知供應商。"), ("Ivy Chan 陳詩韻", "好。")]
    assert _decisions(said) == ["我哋揀 A 方案"]
    assert _items(said) == [("Ivy Chan 陳詩韻", "通知供應商", "2026-03-11")]


def test_your_thing_that_i_will_do_something_about_by_a_day_is_mine():
    [(owner, _, deadline)] = _items([("黃太", "Ivy，你份 budget 我禮拜一俾你意見。"), ("Ivy Chan 陳詩韻", "好。")])
    assert (owner, deadline) == ("黃太", "2026-03-16")


def test_what_i_give_you_by_a_day_is_mine_and_what_you_do_with_it_yours():
    items = _items([("黃太", "Ivy，我禮拜一俾你份合約，你睇完簽咗佢。"), ("Ivy Chan 陳詩韻", "好。")])
    assert ("黃太", "俾 Ivy 合約", "2026-03-16") in items
    assert [o for o, _, _ in items] == ["黃太", "Ivy Chan 陳詩韻"]


def test_asking_for_somebody_else_then_a_volunteer_confirmed_moves_the_work_and_keeps_a_decision_said_with_it():
    said = [
        ("黃太", "阿傑，員工手冊要更新，你月尾之前改埋佢。"),
        ("Marco Lee 李文傑", "我呢排忙到飛起，可唔可以搵第個？"),
        ("Ivy Chan 陳詩韻", "不如我接咗佢啦，我熟啲。"),
        ("黃太", "好，咁 Ivy 你做，都係月尾。由下個月開始新同事入職都要簽手冊。"),
    ]
    assert _items(said) == [("Ivy Chan 陳詩韻", "更新員工手冊", "2026-03-31")]
    assert _decisions(said) == ["由下個月開始新同事入職都要簽手冊"]


def test_the_first_day_back_said_day_first_dates_the_task():
    items = _items([("黃太", "阿傑，你放完假第一日返工就 send 份報價俾客。"), ("Marco Lee 李文傑", "好。")], date="2026-12-21")
    assert items == [("Marco Lee 李文傑", "send 報價俾客", "2026-12-28")]


def test_a_party_who_asked_is_who_a_reply_goes_to_and_not_yet_replied_is_no_promise():
    items = _items([
        ("Ivy Chan 陳詩韻", "業主今朝打電話嚟問幾時修好部冷氣，我未覆佢。"),
        ("黃太", "你今日之內覆佢。"),
        ("Ivy Chan 陳詩韻", "好，我今日覆佢。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "覆業主", "2026-03-11")]


@pytest.mark.parametrize("asked, answer, thing", [
    ("張 invoice 幾時搞掂？", "張 invoice 我禮拜一俾你。", "invoice"),  # the thing fronted, then 俾你
    ("份 budget 幾時有？", "我禮拜一俾你。", "budget"),  # nobody named: who answers
])
def test_i_will_give_it_to_you_on_a_day_answers_a_when_question_asked_of_nobody_by_name(asked, answer, thing):
    [(owner, task, deadline)] = _items([("黃太", asked), ("Ivy Chan 陳詩韻", answer)])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-16") and thing in task


def test_a_thing_wanted_by_a_day_is_asked_of_the_one_called():
    assert _items([("黃太", "Ivy，份 budget 禮拜五前要。"), ("Ivy Chan 陳詩韻", "好。")]) \
        == [("Ivy Chan 陳詩韻", "準備好 budget", "2026-03-13")]


def test_whatever_is_done_again_is_a_verb_and_my_own_meeting_is_why_by_then():
    items = _items([("黃太", "阿傑，你聽朝十點前再數多次啲貨，將結果 send 俾我，我十點半要同老闆開會。"), ("Marco Lee 李文傑", "好。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-12T10:00:00+08:00")]
    assert "開會" not in items[0][1]
    [(owner, task, deadline)] = _items([("黃太", "阿傑，你聽日再數多次啲貨。"), ("Marco Lee 李文傑", "好。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12") and task.startswith("數") and "貨" in task


def test_a_when_question_put_to_the_owner_of_a_plan_dates_it_whatever_words_the_answer_uses():
    items = _items([
        ("Ivy Chan 陳詩韻", "部影印機成日卡紙，我想叫人嚟整下。"),
        ("黃太", "好，幾時得？"),
        ("Ivy Chan 陳詩韻", "後日我約師傅上嚟。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")]


def test_what_a_thing_is_said_before_the_work_is_no_part_of_it():
    items = _items([
        ("Ivy Chan 陳詩韻", "份合約係英國法律管嘅，我可以寫個 memo 講下點處理。"),
        ("黃太", "好，幾時俾到我？"),
        ("Ivy Chan 陳詩韻", "我禮拜五俾你。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")]
    assert "memo" in items[0][1] and "係" not in items[0][1]


def test_the_first_working_day_of_a_month_and_the_day_back_agreed_is_a_due_day_not_a_decision():
    said = [
        ("黃太", "Ivy，月尾之前交份報告俾我得唔得？"),
        ("Ivy Chan 陳詩韻", "月尾太趕，不如七月頭第一個工作天俾你？"),  # 1 July 2026 is a holiday
        ("黃太", "得，咁就放完假返嚟嗰日，唔好再遲。"),
        ("Ivy Chan 陳詩韻", "冇問題。"),
    ]
    assert _items(said, date="2026-06-29") == [("Ivy Chan 陳詩韻", "交報告俾黃太", "2026-07-02")]
    assert _decisions(said, date="2026-06-29") == []


def test_a_do_not_before_a_verb_of_saying_is_no_party_who_asked():
    items = _items([("Ivy Chan 陳詩韻", "個客今朝打電話嚟問幾時有貨。"), ("黃太", "你今日之內覆佢，唔好講得太實。")])
    assert items == [("Ivy Chan 陳詩韻", "覆客", "2026-03-11")]


def test_a_thing_asked_after_and_reported_ready_is_what_the_next_bare_verb_works_on():
    items = _items([
        ("黃太", "咁通告呢？"),
        ("Marco Lee 李文傑", "通告我寫好咗，你頭先都簽咗。"),
        ("黃太", "哦係。咁你放假前要派晒。"),
    ], date="2026-04-01")  # the Easter days off start on Friday 3 April
    assert items == [("Marco Lee 李文傑", "派晒通告", "2026-04-02")]


def test_a_question_turned_down_for_its_day_with_another_day_taken_stays_with_who_was_asked():
    said = [
        ("黃太", "咁你放假前要派晒通告。"),
        ("Marco Lee 李文傑", "好，我聽日派。"),
        ("黃太", "仲有學校網頁，阿傑，聽日 post 埋個旅行安排上去？"),
        ("Marco Lee 李文傑", "聽日又派信又派通告，實做唔切喎。下個禮拜三返嚟先 update 得唔得？反正放假都冇乜家長睇。"),
        ("黃太", "都得，咁就下個禮拜三。"),
    ]
    items = _items(said, date="2026-04-01")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-04-02"), ("Marco Lee 李文傑", "2026-04-08")]
    assert "通告" in items[0][1] and "旅行安排" in items[1][1]


def test_giving_it_all_to_you_by_a_time_answers_when_and_a_day_offered_for_work_handed_in_is_no_decision():
    said = [
        ("黃太", "Ivy，份報價大概幾時有？"),
        ("Ivy Chan 陳詩韻", "我下個禮拜一朝早九點前俾晒報價你，得唔得？"),
        ("黃太", "OK，就咁。"),
    ]
    assert _items(said) == [("Ivy Chan 陳詩韻", "將報價俾黃太", "2026-03-16T09:00:00+08:00")]
    assert _decisions(said) == []


def test_a_name_then_help_me_then_any_one_character_verb_asks_that_person():
    items = _items([("黃太", "張表阿傑幫我印，Ivy 幫我釘。"), ("Ivy Chan 陳詩韻", "好。")])
    assert [o for o, _, _ in items] == ["Marco Lee 李文傑", "Ivy Chan 陳詩韻"] and "釘" in items[1][1]


def test_check_then_what_is_looked_into_asks_nothing_when_said_to_a_name():
    assert _items([("黃太", "Ivy，禮拜三之前 check 下會議室有冇位。"), ("Ivy Chan 陳詩韻", "好。")]) \
        == [("Ivy Chan 陳詩韻", "check 下會議室有冇位", "2026-03-18")]


def test_sending_it_by_a_time_that_day_after_another_speaks_is_the_work_asked_given_its_time():
    items = _items([
        ("黃太", "阿傑你今日寫個 draft 俾 Ivy。"),
        ("Ivy Chan 陳詩韻", "冇問題，我聽朝印好寄出。"),
        ("Marco Lee 李文傑", "好，我今日四點前 send 俾你。"),
    ])
    assert items[0] == ("Marco Lee 李文傑", "寫 draft 俾 Ivy", "2026-03-11T16:00:00+08:00") and len(items) == 2


@pytest.mark.parametrize("today, due", [
    ("2026-12-02", "2027-01-04"),  # in December 新年 is 1 January (a Friday; the Monday after is the first day back)
    ("2027-01-11", "2027-02-10"),  # after it, the Lunar New Year (Sat 6 to Tue 9 February 2027)
])
def test_a_bare_new_year_is_whichever_new_year_comes_first(today, due):
    [(_, _, deadline)] = _items([("黃太", "阿傑，你新年放完假返嚟第一日交份年度報告俾我。"), ("Marco Lee 李文傑", "好。")], date=today)
    assert deadline == due


def test_a_festival_said_alone_before_work_handed_in_is_by_that_day_and_no_part_of_the_task():
    [(owner, task, deadline)] = _items([("黃太", "Ivy，聖誕交埋 expense claim。"), ("Ivy Chan 陳詩韻", "好。")], date="2026-12-02")
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-12-25") and "聖誕" not in task
    assert _items([("黃太", "Ivy，你搞聖誕派對。"), ("Ivy Chan 陳詩韻", "好。")], date="2026-12-02") == [
        ("Ivy Chan 陳詩韻", "搞聖誕派對", None)]  # a thing named after the festival is no due day


def test_my_meeting_after_a_request_to_a_name_without_you_leaves_the_request_theirs():
    items = _items([("黃太", "Ivy，份 deck 十點前 send 俾我，我十點半要同個客開會。"), ("Ivy Chan 陳詩韻", "好。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-11T10:00:00+08:00")]


def test_i_take_it_over_offered_and_a_bare_yes_moves_the_work():
    items = _items([
        ("黃太", "阿傑，員工手冊要更新，你禮拜五之前改埋佢。"),
        ("Marco Lee 李文傑", "我呢排忙到飛起，可唔可以搵第個？"),
        ("Ivy Chan 陳詩韻", "不如我接咗佢啦，我熟啲。"),
        ("黃太", "好。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "更新員工手冊", "2026-03-13")]


def test_a_question_request_turned_down_for_its_day_with_only_another_day_offered_and_a_yes():
    items = _items([("黃太", "Ivy，張海報聽日印埋佢？"), ("Ivy Chan 陳詩韻", "聽日唔得呀，下個禮拜一得唔得？"), ("黃太", "好。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-16")] and "海報" in items[0][1]


def test_a_day_haggled_and_settled_keeps_the_work_when_a_later_topic_names_someone_else():
    items = _items([
        ("黃太", "阿傑，聽日換埋三樓部 printer 個碳粉？"),
        ("Marco Lee 李文傑", "聽日實趕唔切喎。禮拜五先換得唔得？"),
        ("黃太", "都得，咁就禮拜五。"),
        ("黃太", "下一樣，周年晚宴。Ivy 你負責，同酒店 book 實場地。"),
        ("Ivy Chan 陳詩韻", "好。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-13"), ("Ivy Chan 陳詩韻", None)]
    assert "碳粉" in items[0][1] and "酒店" in items[1][1]


def test_how_far_it_has_got_with_not_yet_is_no_work_of_the_one_addressed():
    assert _items([
        ("Ivy Chan 陳詩韻", "黃太，之前你叫我搵場地開周年晚宴，我睇咗三間，都未落實。"),
        ("Marco Lee 李文傑", "咁好喎。"),
    ]) == []


def test_a_question_request_turned_down_and_taken_over_is_the_takers_with_the_day_they_say():
    items = _items([
        ("黃太", "有個客投訴我哋送貨遲。阿傑，你打個電話俾個客解釋下？"),
        ("Marco Lee 李文傑", "黃太，我呢兩日要搬 server，真係分身不暇…"),
        ("Ivy Chan 陳詩韻", "我接咗佢啦，嗰個客本身都係我跟開嘅。兩個工作天內覆佢。"),
        ("黃太", "好，Ivy 跟。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")] and "打電話" in items[0][1]


def test_a_question_request_turned_down_and_left_is_nobodys_work():
    assert _items([
        ("黃太", "阿傑，你今晚幫手執埋個貨倉？"),
        ("Marco Lee 李文傑", "今晚唔得喎，我要接個仔放學。"),
        ("黃太", "咁算啦，遲啲先。"),
    ]) == []


def test_a_thing_said_before_its_verb_and_taken_up_by_it_reads_verb_first():
    assert _items([("黃太", "Ivy，五十個禮物包聽日包好佢，得唔得？"), ("Ivy Chan 陳詩韻", "得，聽日搞掂。")]) \
        == [("Ivy Chan 陳詩韻", "包好五十個禮物包", "2026-03-12")]


def test_asking_after_what_somebody_said_before_asks_no_new_work():
    assert _items([
        ("黃太", "年會場地呢？阿傑，你上次話你跟？"),
        ("Marco Lee 李文傑", "係，不過我呢排好多嘢做，Ivy 得唔得幫手？"),
        ("Ivy Chan 陳詩韻", "我都唔係好得閒喎。"),
        ("黃太", "咁不如 Priya 跟啦。Priya，下個禮拜一 book 好場地，得唔得？"),
        ("Priya Shah", "得。"),
    ]) == [("Priya Shah", "book 好場地", "2026-03-16")]


def test_another_day_offered_and_taken_with_a_time_that_day_keeps_the_work_and_decides_nothing():
    said = [
        ("黃太", "阿傑，你負責整下個月嘅值日表，禮拜五俾我。"),
        ("Marco Lee 李文傑", "禮拜五有啲趕喎，好多同事未話我知放唔放假。下個禮拜一得唔得？"),
        ("黃太", "得，不過下個禮拜一朝早十點前一定要俾我。"),
        ("Marco Lee 李文傑", "OK，冇問題。"),
    ]
    assert [(o, d) for o, _, d in _items(said)] == [("Marco Lee 李文傑", "2026-03-16T10:00:00+08:00")]
    assert _decisions(said) == []


@pytest.mark.parametrize("said", [
    "黃太，我 check 過上個禮拜嘅記錄，三號嗰日做咗兩次。",  # looked through
    "黃太，講開文具，我上個禮拜提過想加訂啲文件夾，三樓嗰邊仲未夠。",  # mentioned before
    "係，我收到通知，下個禮拜三朝早十點消防演習。",  # received
])
def test_what_one_has_looked_through_or_mentioned_or_received_is_no_work(said):
    assert _items([("Ivy Chan 陳詩韻", said)]) == []


def test_work_turned_out_unneeded_is_called_off_and_the_new_request_keeps_its_thing():
    items = _items([
        ("黃太", "阿傑，你幫手訂多十卷膠紙啦。"),
        ("Marco Lee 李文傑", "其實唔使喎，上個禮拜已經到咗二十卷，擺喺倉。"),
        ("黃太", "咁好，咁唔使訂喇。咁你後日搞掂貨倉門口，圍好佢。"),
        ("Marco Lee 李文傑", "後日冇問題。"),
    ])
    assert items == [("Marco Lee 李文傑", "圍好貨倉門口", "2026-03-13")]


def test_a_request_that_asks_when_takes_the_time_answered():
    assert _items([("黃太", "阿傑，啲消防證書你 check 下有冇過期，幾時得？"), ("Marco Lee 李文傑", "兩個工作天內 check 完俾你。")]) \
        == [("Marco Lee 李文傑", "check 下消防證書有冇過期", "2026-03-13")]


def test_a_reminder_after_a_greeting_to_everyone_is_nobody_in_particulars():
    items = _items([
        ("黃太", "阿傑，你將貨倉執好。"),
        ("Marco Lee 李文傑", "OK。"),
        ("黃太", "好，就咁，大家新年快樂，記得鎖好門。"),
    ])
    assert [o for o, _, _ in items if o] == ["Marco Lee 李文傑"]


def test_two_names_said_for_whose_one_thing_is_is_one_task():
    [(owner, task, due)] = _items([("黃太", "阿傑，Facebook 同 Instagram 嘅廣告申請你負責，下個禮拜一 submit。"), ("Marco Lee 李文傑", "OK。")])
    assert (owner, due) == ("Marco Lee 李文傑", "2026-03-16") and "Facebook 同 Instagram 嘅廣告申請" in task and "submit" in task


@pytest.mark.parametrize("asked, answer, task", [
    ("Ivy，收到相之後份 brochure 要幾耐？", "三日左右，不過禮拜六日唔返工，最快都要下個禮拜二。", "完成 brochure"),  # how long, hedged
    ("Ivy，份 brochure 幾時整好？", "最快都要下個禮拜二。", "整好 brochure"),
])
def test_a_when_question_answered_only_with_a_day_after_a_hedge_is_the_work_by_then(asked, answer, task):
    assert _items([("黃太", asked), ("Ivy Chan 陳詩韻", answer), ("黃太", "好，brochure 就下個禮拜二。")]) \
        == [("Ivy Chan 陳詩韻", task, "2026-03-17")]


@pytest.mark.parametrize("turns, due", [
    ([("Ivy Chan 陳詩韻", "我下個禮拜一至三放假。"), ("黃太", "咁份報告你放完假返嚟嗰日交俾我。"), ("Ivy Chan 陳詩韻", "好。")],
     "2026-03-19"),  # off Monday to Wednesday: back on Thursday
    ([("黃太", "阿傑，份報告你放完假返嚟第一日交俾我。"), ("Marco Lee 李文傑", "好，我聽日同後日請咗假。")], "2026-03-16"),  # the leave said after
])
def test_back_from_ones_own_leave_is_the_first_working_day_after_it(turns, due):
    [(_, task, deadline)] = _items(turns)
    assert deadline == due and task.startswith("交報告") and "假" not in task


def test_work_under_way_then_a_day_answers_when():
    assert _items([("黃太", "Ivy，份報告幾時有？"), ("Ivy Chan 陳詩韻", "我整緊，下個禮拜二俾你。")]) \
        == [("Ivy Chan 陳詩韻", "準備好報告", "2026-03-17")]


def test_a_thing_then_a_name_then_help_me_and_any_one_character_verb_is_that_persons():
    assert _items([("黃太", "呢份合約 Ivy 幫我釘。"), ("Ivy Chan 陳詩韻", "好。")]) == [("Ivy Chan 陳詩韻", "釘合約", None)]


def test_somebody_there_is_who_is_meant_without_the_there_is():
    assert _items([("黃太", "有個客 email 嚟問價。阿傑，你覆佢禮拜五啦。"), ("Marco Lee 李文傑", "好。")]) \
        == [("Marco Lee 李文傑", "覆客", "2026-03-13")]


def test_a_terse_decision_repeating_a_proposal_says_what_was_proposed():
    assert _decisions([
        ("Ivy Chan 陳詩韻", "會議室最多坐二十個，全部同事一齊就會好逼。"),
        ("Marco Lee 李文傑", "不如分兩場？朝早十點一場，下晝三點一場。"),
        ("黃太", "分兩場好，大家都聽得清楚啲。就咁話，分兩場。"),
    ]) == ["分兩場，朝早十點一場，下晝三點一場"]


def test_work_taken_over_then_offered_to_another_who_says_yes_moves_again():
    assert _items([
        ("黃太", "阿傑，你聽日整好份報價。"),
        ("Marco Lee 李文傑", "我聽日放假喎。"),
        ("Ivy Chan 陳詩韻", "我接咗佢啦。"),
        ("黃太", "Ivy 你都好忙，Priya 得唔得？"),
        ("Priya Shah", "得，我接。"),
    ]) == [("Priya Shah", "整好報價", "2026-03-12")]


def test_where_the_speaker_goes_after_a_request_is_no_work_of_theirs():
    assert _items([("黃太", "張單 Ivy 幫我影印，我而家要出去。"), ("Ivy Chan 陳詩韻", "好。")]) == [("Ivy Chan 陳詩韻", "影印單", None)]


def test_who_will_then_i_will_with_why_then_what_exactly_is_the_volunteers_work_by_the_day_said():
    assert _items([
        ("黃太", "另外，寫字樓想換咖啡機，要幾個報價。邊個跟？"),
        ("Ivy Chan 陳詩韻", "我啦，我之前識兩間做咖啡機嘅。"),
        ("黃太", "好，先攞三個報價再決定，下個禮拜五俾我。"),
        ("Ivy Chan 陳詩韻", "OK。"),
    ]) == [("Ivy Chan 陳詩韻", "攞三個報價再決定，俾黃太", "2026-03-20")]


def test_whom_to_call_back_is_who_complained_whatever_else_the_turn_says():
    [(owner, task, _)] = _items([
        ("黃太", "仲有，三樓有租戶投訴冷氣漏水，仲話漏咗成個禮拜。阿傑，你打個電話俾佢解釋下。"),
        ("Marco Lee 李文傑", "好。"),
    ])
    assert owner == "Marco Lee 李文傑" and "三樓租戶" in task.replace(" ", "") and "仲" not in task


def test_a_thing_you_yourself_then_its_verb_with_more_said_after_reads_verb_first():
    assert _items([("黃太", "阿傑，年報嗰份你自己寫，禮拜五前交稿。"), ("Marco Lee 李文傑", "OK。")]) \
        == [("Marco Lee 李文傑", "寫年報，交稿", "2026-03-13")]


def test_them_called_is_the_party_just_said_to_be_told():
    assert _items([
        ("Marco Lee 李文傑", "今年唔去酒樓，搵咗 catering 送嚟公司，按金都俾埋。"),
        ("黃太", "好。不過改咗時間要同 catering 講聲。"),
        ("Marco Lee 李文傑", "係，我聽日打俾佢哋。"),
    ]) == [("Marco Lee 李文傑", "打俾 catering", "2026-03-12")]


def test_a_title_of_the_other_gender_is_no_guess_at_an_attendee():
    # Ivy Chan 陳詩韻 is called 陳小姐: 陳生 is somebody else
    assert [o for o, _, _ in _items([("黃太", "陳生，你聽日覆我。"), ("Marco Lee 李文傑", "陳生今日冇嚟喎。")])] == [None]
    assert [o for o, _, _ in _items([("黃太", "陳小姐，你聽日覆我。"), ("Ivy Chan 陳詩韻", "好。")])] == ["Ivy Chan 陳詩韻"]


@pytest.mark.parametrize("asked, answer, agreed", [
    ("Ivy，你聽日買啲文具返嚟。", "倉度仲有好多，唔使買住啩？", "係喎，咁唔好買住。"),
    ("Ivy，禮拜五前印五十份小冊子。", "其實唔使印喎，上次仲有剩。", "啱喎，咁唔使印。"),
])
def test_work_called_off_when_the_asker_agrees_it_is_not_needed(asked, answer, agreed):
    assert _items([("黃太", asked), ("Ivy Chan 陳詩韻", answer), ("黃太", agreed)]) == []


def test_the_speakers_own_leave_in_a_request_says_when_not_who():
    assert _items([
        ("黃太", "我下個禮拜一至三放假。"),
        ("黃太", "阿傑，份報告我放完假返嚟嗰日交俾我。"),
        ("Marco Lee 李文傑", "好。"),
    ]) == [("Marco Lee 李文傑", "交報告俾黃太", "2026-03-19")]


@pytest.mark.parametrize("agreed, due", [
    ("得，不過下個禮拜一十點前。", "2026-03-16T10:00:00+08:00"),  # the day offered, by a time the asker adds
    ("得，不過十點前。", "2026-03-16T10:00:00+08:00"),
    ("唔緊要，下個禮拜一都得。", "2026-03-16"),  # conceded after a no-matter
])
def test_another_day_offered_and_taken_keeps_the_time_the_asker_adds(agreed, due):
    assert _items([("黃太", "阿傑，你禮拜五前整好份合約。"), ("Marco Lee 李文傑", "禮拜五有啲難，下個禮拜一得唔得？"), ("黃太", agreed)]) \
        == [("Marco Lee 李文傑", "整好合約", due)]


def test_what_someone_said_they_will_do_told_to_another_by_name_is_only_theirs():
    assert _items([("黃太", "Ivy，阿傑話佢聽日會交份報告。"), ("Ivy Chan 陳詩韻", "好。")]) \
        == [("Marco Lee 李文傑", "交報告", "2026-03-12")]


@pytest.mark.parametrize("taken, due", [
    ("我接咗佢啦，聽日打。", "2026-03-12"),  # the day the one taking over says
    ("我接手啦，佢聽日要出差。", None),  # why the other cannot: no day for the work
])
def test_taking_over_with_a_day_of_ones_own(taken, due):
    assert _items([
        ("黃太", "阿傑，你打電話俾業主問下幾時可以交吉。"),
        ("Ivy Chan 陳詩韻", taken),
    ]) == [("Ivy Chan 陳詩韻", "打電話俾業主問下幾時可以交吉", due)]


def test_a_question_word_in_what_is_to_be_found_out_leaves_a_yes_no_request():
    assert _items([("黃太", "阿傑，你打電話俾業主問下佢幾時得閒？"), ("Marco Lee 李文傑", "好，聽日打。")]) \
        == [("Marco Lee 李文傑", "打電話俾業主問下佢幾時得閒", "2026-03-12")]
    assert _items([  # turned down, then taken over
        ("黃太", "阿傑，你同業主 check 下幾時可以交吉？"),
        ("Marco Lee 李文傑", "我今日唔得閒喎，成日喺地盤。"),
        ("Ivy Chan 陳詩韻", "我接咗佢啦，聽日打。"),
    ]) == [("Ivy Chan 陳詩韻", "同業主 check 下幾時可以交吉", "2026-03-12")]


def test_him_is_a_name_when_written_as_one():
    people = ATTENDEES + [{"name": "羅仲謙", "aliases": ["Him"]}]
    assert _items([("黃太", "Him，你聽日交份報價。"), ("羅仲謙", "好。")], attendees=people) == [("羅仲謙", "交報價", "2026-03-12")]
    assert [o for o, _, _ in _items([("Ivy Chan 陳詩韻", "我聽日 call him 問吓個 status。")], attendees=people)] == ["Ivy Chan 陳詩韻"]


def test_a_bare_follow_up_takes_the_need_its_own_turn_states_and_a_busy_refusal_lets_the_asker_take_it():
    given = [
        ("黃太", "阿傑，你聽日整好份報價。"),
        ("Marco Lee 李文傑", "冇問題。"),
        ("黃太", "Ivy，新餐牌個設計，印刷廠話要我哋再 check 個尺寸，你幫手跟一跟。"),
    ]
    items = _items(given)
    assert [o for o, _, _ in items] == ["Marco Lee 李文傑", "Ivy Chan 陳詩韻"]
    assert "尺寸" in items[1][1] and "報價" not in items[1][1]
    items = _items(given + [
        ("Ivy Chan 陳詩韻", "呢排我要搞兩張單，月尾仲要做盤點，真係分唔到身。"),  # the month end is why, no day offered
        ("黃太", "咁好啦，新餐牌我自己跟，禮拜五前 check 咗佢。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-12"), ("黃太", "2026-03-13")]


def test_what_the_work_must_give_is_no_step_of_it():
    [(owner, task, _)] = _items([("黃太", "即刻安排後備車去機場接貨，阿傑你而家搞，聽日朝早要有車。")])
    assert owner == "Marco Lee 李文傑" and "後備車" in task and "有車" not in task


def test_a_thing_named_then_you_with_whom_and_the_verb_is_a_request():
    [(owner, task, _)] = _items([("Marco Lee 李文傑", "個供應商話份報價要改。"), ("黃太", "咁嗰份報價你同佢哋再 check 一次。")])
    assert owner == "Marco Lee 李文傑" and task.startswith("同") and task.endswith("check 報價")


def test_the_limit_a_new_plan_still_meets_is_not_its_due_day():
    assert _items([
        ("黃太", "Ivy，你月尾前同保險公司續咗份保單。"),
        ("Ivy Chan 陳詩韻", "份續保表要老闆簽，但老闆下個禮拜二先返，月尾前好難喎。"),
        ("黃太", "咁就等佢返嚟，下個禮拜二簽完即日交返俾保險公司，都趕得切月中。"),
        ("Ivy Chan 陳詩韻", "好。"),
    ])[0] == ("Ivy Chan 陳詩韻", "同保險公司續保單", "2026-03-17")


def test_confirming_with_them_what_was_just_settled_says_what():
    [(owner, task, _)] = _items([
        ("Ivy Chan 陳詩韻", "係，佢哋報價四千八，做全層，包埋地毯。"),
        ("黃太", "四千八OK，就咁做，禮拜六做全層清潔。你同佢confirm埋。"),
        ("Ivy Chan 陳詩韻", "好。"),
    ])
    assert owner == "Ivy Chan 陳詩韻" and "confirm" in task and "全層清潔" in task


def test_a_volunteer_giving_why_them_and_then_when():
    [(owner, task, due)] = _items([
        ("黃太", "邊個幫手打去保險公司問下？"),
        ("Ivy Chan 陳詩韻", "我打啦，我熟嗰個 account manager。禮拜五前問清楚佢。"),
    ])
    assert (owner, due) == ("Ivy Chan 陳詩韻", "2026-03-13") and "保險公司" in task
    [(owner, task, due)] = _items([("黃太", "禮拜二夜晚開到九點，邊個得閒頂？"), ("Marco Lee 李文傑", "我嚟啦，我禮拜二夜晚冇嘢做。")])
    assert (owner, due) == ("Marco Lee 李文傑", "2026-03-17") and "九點" in task  # how long it opens, no time due


def test_the_asker_takes_the_work_back_when_its_owner_asks_for_more_time():
    assert _items([
        ("黃太", "Ivy，你寫份回覆俾嗰個客啦。"),
        ("Ivy Chan 陳詩韻", "我今日要打晒啲電話，回覆可唔可以遲少少？"),
        ("黃太", "咁我自己寫啦，我係負責人。我禮拜二之前 send 俾佢。"),
    ])[0] == ("黃太", "寫回覆俾客", "2026-03-17")


def test_a_farewell_with_a_day_and_cheering_on_are_no_work():
    assert _items([("黃太", "好，今日差唔多。大家清明放假注意安全，禮拜二見。")]) == []
    assert _items([("黃太", "Q2 仲差三單，大家加把勁。")]) == []


def test_each_person_is_everyone_and_what_the_asker_looks_for_is_no_work():
    assert _items([("黃太", "大家加把勁。四個工作天內每人交一份跟緊嘅客 list 俾我，睇下邊幾單有機會成交。")]) \
        == [(None, "交跟緊嘅客 list 俾黃太", "2026-03-17")]


def test_them_after_a_party_that_gave_notice_is_that_party_and_their_lead_time_is_no_work():
    assert _items([
        ("Ivy Chan 陳詩韻", "麵粉頂多夠用到禮拜四。另外供應商上個月通知咗加價百分之六。"),
        ("黃太", "冇得揀，照落啦。你禮拜三下晝三點前同佢哋落埋張單，佢哋要兩日先送到。"),
    ]) == [("Ivy Chan 陳詩韻", "同供應商落單", "2026-03-18T15:00:00+08:00")]


def test_another_day_granted_with_more_asked_after_it_stands():
    [(owner, _, due)] = _items([
        ("黃太", "Ivy，你聽日搵師傅上嚟整返部冷氣啦。"),
        ("Ivy Chan 陳詩韻", "聽日唔得喎，我頭先問過，佢哋最快後日先有人。後日朝早得唔得？"),
        ("黃太", "後日都得，但係一定要趕喺開會之前整好，整完叫佢出份報告。"),
    ])
    assert (owner, due) == ("Ivy Chan 陳詩韻", "2026-03-13")


def test_the_owner_offers_a_day_for_work_a_colleague_gave_and_the_chair_says_yes():
    assert _items([
        ("Ivy Chan 陳詩韻", "好，我做示範，阿傑負責拍同剪片。"),
        ("Marco Lee 李文傑", "我哋想先拍頭兩套，下下個禮拜一之前剪好俾你睇得唔得？"),
        ("黃太", "得，就咁。"),
    ]) == [("Ivy Chan 陳詩韻", "做示範", None), ("Marco Lee 李文傑", "拍同剪片", "2026-03-23")]


def test_when_a_thing_made_is_ready_asked_of_the_room_is_the_answerers_to_check():
    [item] = _extract([("黃太", "份報價幾時可以出到？"), ("Marco Lee 李文傑", "禮拜五。")])["action_items"]
    assert (item["owner"], item["task"], item["deadline"], item["needs_review"]) == ("Marco Lee 李文傑", "出報價", "2026-03-13", True)
    for asked in ("幾時出糧？", "新倉幾時入伙？"):  # when something happens: nobody's work
        assert _items([("黃太", asked), ("Marco Lee 李文傑", "禮拜五。")]) == [], asked


def test_a_volunteer_on_their_way_there():
    assert _items([("黃太", "邊個可以聽日去銀行入票？"), ("Ivy Chan 陳詩韻", "我順路，我去啦。")]) \
        == [("Ivy Chan 陳詩韻", "去銀行入票", "2026-03-12")]


def test_somebody_elses_decision_reported_and_a_plan_to_wait_are_no_decisions_and_since_when_keeps_its_rule():
    assert _decisions([("Ivy Chan 陳詩韻", "個 candidate 話佢決定留低，唔過檔喇。"), ("黃太", "咁就等佢返嚟先簽。")]) == []
    assert _decisions([("黃太", "咁以後遲到超過十五分鐘，一定要預先通知客，由今日開始。")]) \
        == ["以後遲到超過十五分鐘，一定要預先通知客，由今日開始"]


@pytest.mark.parametrize("taken, due", [
    ("我接咗佢啦，今晚收工之前睇下份範本先。", "2026-03-31"),  # a first look, not the work done
    ("我接咗佢啦，客聽日會 send 埋資料過嚟。", "2026-03-31"),  # the client's day
    ("我接咗佢啦，聽日我成日喺寫字樓。", "2026-03-31"),
    ("我接咗佢啦，聽日同客開會，後日做。", "2026-03-13"),  # the day it is done
])
def test_a_takeover_keeps_the_day_unless_the_taker_says_when_they_do_it(taken, due):
    assert _items([("黃太", "阿傑，你月尾前整好份標書。"), ("Marco Lee 李文傑", "月尾我要去深圳，走唔開。"), ("Ivy Chan 陳詩韻", taken)]) \
        == [("Ivy Chan 陳詩韻", "整好標書", due)]


def test_break_it_findings_on_busy_days_recipients_reminders_and_who_is_named():
    assert _items([("黃太", "Ivy，你跟下個客嘅投訴。"), ("Ivy Chan 陳詩韻", "我呢兩日要去培訓。")])[0][2] is None  # busy, no day
    assert [o for o, _, _ in _items([("黃太", "阿傑，你每人派一份講義，聽日開會用。")])] == ["Marco Lee 李文傑"]  # whom for
    assert [o for o, _, _ in _items([("黃太", "阿傑，你提醒啲師傅注意安全。")])] == ["Marco Lee 李文傑"]  # a reminder to pass on
    [(_, task, _)] = _items([("黃太", "九龍塘嗰單嘅冷氣機仲未送到，阿傑你跟一跟。")])
    assert "阿傑" not in task and "冷氣機" in task
    [(_, task, _)] = _items([("黃太", "個客話想改廚房，Ivy 你同佢 confirm 埋。")])
    assert "Ivy" not in task
    assert _items([("Ivy Chan 陳詩韻", "客已經通知咗我哋佢哋要改設計。"), ("黃太", "Ivy，你約佢哋見面。")]) \
        == [("Ivy Chan 陳詩韻", "約客見面", None)]
    assert _items([  # the day the owner offered, turned down after a colleague's yes
        ("黃太", "阿傑負責剪片。"), ("Marco Lee 李文傑", "下下個禮拜一之前剪好俾你睇得唔得？"),
        ("Ivy Chan 陳詩韻", "得，就咁。"), ("黃太", "唔得，太遲，今個禮拜五。"),
    ])[0][2] != "2026-03-23"


@pytest.mark.parametrize("asked, granted, due", [
    ("可唔可以遲多兩日？", "咁好啦，禮拜一啦。", "2026-03-16"),
    ("聽日唔得，可唔可以畀多兩日時間我？", "好，下個禮拜二前啦。", "2026-03-17"),
    ("可唔可以遲啲？", "唔得，聽日一定要。", "2026-03-12"),  # refused: the day asked for stands (passes both ways)
    ("可以寬限多幾日嗎？", "咁好啦，禮拜一啦。", "2026-03-16"),
    ("可唔可以下個禮拜先交？", "OK，禮拜二啦。", "2026-03-17"),  # a week asked for, a day in it granted
])
def test_the_day_granted_when_more_time_is_asked_for(asked, granted, due):
    assert _items([
        ("黃太", "Ivy，份預算你聽日交俾我。"),
        ("Ivy Chan 陳詩韻", asked),
        ("黃太", granted),
    ]) == [("Ivy Chan 陳詩韻", "交預算俾黃太", due)]


def test_at_once_when_something_arrives_is_not_today_nor_a_call():
    for said in ("阿傑，你收到供應商張發票即日入數。", "阿傑，個客一簽約你就即刻開單。"):
        [item] = _extract([("黃太", said)])["action_items"]
        assert (item["owner"], item["deadline"], item["priority"]) == ("Marco Lee 李文傑", None, "app"), said
    [item] = _extract([("黃太", "阿傑，份合約你即日處理。")])["action_items"]  # today itself (passes both ways)
    assert (item["deadline"], item["priority"]) == ("2026-03-11", "call")


def test_a_name_then_the_speakers_own_news_then_you_asks_the_one_named():
    [(owner, _, deadline)] = _items([("黃太", "阿傑，我今朝收到份報價，你聽日 check 下。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12")


def test_another_day_offered_and_granted_with_a_but():
    [(owner, task, deadline)] = _items([
        ("黃太", "Ivy，你聽日可唔可以打電話俾個客傾下？"),
        ("Ivy Chan 陳詩韻", "聽日我成日都要見客喎，禮拜五得唔得？"),
        ("黃太", "咁好啦，禮拜五，但係一定要打。"),
    ])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13") and task.startswith("打電話俾客")


def test_ones_own_work_gets_the_day_said_when_asked_when_it_is_done():
    assert _items([
        ("Ivy Chan 陳詩韻", "我要 send 份報價俾個客。"),
        ("黃太", "幾時搞得掂？"),
        ("Ivy Chan 陳詩韻", "兩個工作天內 send 晒。"),
    ]) == [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-13")]
    items = _items([  # when somebody comes back is not when work is done
        ("Ivy Chan 陳詩韻", "我要去睇醫生。"),
        ("黃太", "幾時返？"),
        ("Ivy Chan 陳詩韻", "聽日。"),
    ])
    assert all(deadline != "2026-03-12" for _, _, deadline in items)


def test_closing_the_meeting_today_gives_no_day():
    [(owner, _, deadline)] = _items([
        ("Ivy Chan 陳詩韻", "我想整理一套培訓教材。"),
        ("黃太", "好主意，Ivy 你得閒就整，唔趕。"),
        ("Ivy Chan 陳詩韻", "OK。"),
        ("黃太", "好，咁今日散會。"),
    ])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", None)


@pytest.mark.parametrize("said", ["年度晚宴不如阿傑你跟吖。", "年度晚宴就阿傑你跟啦。"])
def test_a_thing_then_who_takes_it_with_a_particle(said):
    assert _items([("黃太", said), ("Marco Lee 李文傑", "冇問題。")]) == [("Marco Lee 李文傑", "跟年度晚宴", None)]


def test_the_first_day_granted_is_the_works_not_a_later_one_for_something_else():
    items = _items([
        ("黃太", "Ivy，份預算你聽日交俾我。"),
        ("Ivy Chan 陳詩韻", "可唔可以遲多兩日？"),
        ("黃太", "咁好啦，禮拜一啦，但係禮拜五要俾個初稿我睇。"),
    ])
    assert ("Ivy Chan 陳詩韻", "交預算俾黃太", "2026-03-16") in items


def test_the_speakers_news_before_a_request_is_no_item_of_theirs():
    assert _items([("黃太", "阿傑，我收到供應商嘅 email，你聽日覆佢。")])[0][::2] == ("Marco Lee 李文傑", "2026-03-12")
    assert len(_items([("黃太", "阿傑，我收到供應商嘅 email，你聽日覆佢。")])) == 1
    assert _items([("黃太", "Ivy，我啱啱見完個客，你禮拜五前出份建議書。")]) == [("Ivy Chan 陳詩韻", "出建議書", "2026-03-13")]
    # what the speaker will do stays theirs (passes both ways)
    assert ("黃太", "send 報告俾 Ivy", "2026-03-12") in _items([("黃太", "Ivy，我聽日 send 份報告俾你，你睇完覆我。")])


@pytest.mark.parametrize("said, due, priority", [
    ("阿傑，客人過咗數之後你即日出貨。", None, "app"),
    ("阿傑，當個客簽咗約你即刻開戶口。", None, "app"),
    ("阿傑，開完會之後你即刻 send 份紀錄俾大家。", "2026-03-11", "call"),  # this meeting: today (passes both ways)
    ("阿傑，客已經過咗數，你即日出貨。", "2026-03-11", "call"),  # it has happened: today (passes both ways)
])
def test_at_once_after_or_when_something_happens_is_not_today(said, due, priority):
    [item] = _extract([("黃太", said)])["action_items"]
    assert (item["owner"], item["deadline"], item["priority"]) == ("Marco Lee 李文傑", due, priority)


def test_this_afternoon_said_alone_is_today():
    assert _items([("黃太", "阿傑，你下晝覆供應商封 email。")])[0][2] == "2026-03-11"
    assert _items([("黃太", "阿傑，你禮拜五 下晝三點前覆供應商封 email。")])[0][2] == "2026-03-13T15:00:00+08:00"  # passes both ways


@pytest.mark.parametrize("between", [[], [("Ivy Chan 陳詩韻", "好。")]])
def test_a_due_day_said_in_the_askers_next_turn(between):
    assert _items([("黃太", "Ivy，你整理份客戶名單。"), *between, ("黃太", "今日內搞掂佢。")]) == \
        [("Ivy Chan 陳詩韻", "整理客戶名單", "2026-03-11")]


@pytest.mark.parametrize("answer", ["應該禮拜一得。", "禮拜一先得。"])
def test_a_hedged_day_answers_when_it_is_done(answer):
    assert _items([
        ("黃太", "Ivy，你整理份客戶名單。"),
        ("Ivy Chan 陳詩韻", "好。"),
        ("黃太", "幾時搞得掂？"),
        ("Ivy Chan 陳詩韻", answer),
    ]) == [("Ivy Chan 陳詩韻", "整理客戶名單", "2026-03-16")]


@pytest.mark.parametrize("topic, reason, answer, item", [
    ("跟住年報，原本係阿傑跟年報設計嘅，但阿傑呢排忙到飛起。", "係呀，我真係做唔切。", "冇問題，我嚟啦。",
     ("Ivy Chan 陳詩韻", "跟年報設計", None)),
    ("周年晚宴嗰邊，原本係阿傑跟場地佈置嘅，但係嗰日佢要出差喎。", "係呀，我走唔開。", "我嚟啦，下個禮拜五之前搞掂場地佈置。",
     ("Ivy Chan 陳詩韻", "跟場地佈置", "2026-03-20")),
    ("仲有新 office 嘅傢俬，原本係阿傑跟訂貨嘅，不過佢下個禮拜放假。", "係，我唔喺度。", "我嚟啦，禮拜五之前訂好傢俬。",
     ("Ivy Chan 陳詩韻", "跟新 office 嘅傢俬", "2026-03-13")),
])
def test_work_handed_on_in_one_turn_after_it_was_named(topic, reason, answer, item):
    assert _items([
        ("黃太", topic),
        ("Marco Lee 李文傑", reason),
        ("黃太", "不如 Ivy 你跟吖，原本阿傑跟，轉俾你。"),
        ("Ivy Chan 陳詩韻", answer),
    ]) == [item]


def test_another_day_offered_with_a_reason_after_it_is_taken():
    assert _items([
        ("黃太", "Ivy，你聽日可唔可以打電話俾個客傾下？"),
        ("Ivy Chan 陳詩韻", "聽日我成日要見客喎，禮拜五得唔得？禮拜四我要去深圳。"),
        ("黃太", "咁好啦，禮拜五，但係一定要打。"),
    ]) == [("Ivy Chan 陳詩韻", "打電話俾客傾下", "2026-03-13")]


@pytest.mark.parametrize("said", ["禮拜五嗰日，你又有單出殯喎。", "但係禮拜五你又有單出殯喎。"])
def test_what_the_day_already_holds_for_you_is_no_request(said):
    assert _items([("黃太", said), ("Marco Lee 李文傑", "係呀。")]) == []


@pytest.mark.parametrize("said", [
    "喂，大家坐低先，阿傑你 mute 咗自己呀，講嘢大聲啲。",
    "好，今日快快手傾完大家早啲收工。",
    "個客上個禮拜打過嚟，我話會叫 Ivy 覆佢。",  # what was said to the client then, no new work
])
def test_the_call_itself_and_what_was_said_before_are_no_items(said):
    assert _items([("黃太", said)]) == []


def test_when_free_is_no_part_of_the_work_and_it_is_the_thing_named_before():
    assert _items([
        ("Ivy Chan 陳詩韻", "仲有公司網站個 FAQ page，好耐冇 update 喇。"),
        ("黃太", "Ivy 你得閒就 update 咗佢啦，唔急。"),
    ]) == [("Ivy Chan 陳詩韻", "update 公司網站 FAQ page", None)]
    assert _items([
        ("Ivy Chan 陳詩韻", "我想整理一套培訓教材，俾新同事用。"),
        ("黃太", "好主意，Ivy 你得閒就整，唔趕。"),
    ]) == [("Ivy Chan 陳詩韻", "整理一套培訓教材", None)]


@pytest.mark.parametrize("speaker, said, item", [
    ("黃太", "年度晚宴不如阿傑你跟進喇。", ("Marco Lee 李文傑", "跟進年度晚宴", None)),
    ("黃太", "新客嗰單不如阿傑你負責啦。", ("Marco Lee 李文傑", "新客單", None)),
    ("Marco Lee 李文傑", "公司旅行不如 Ivy 你搞吖嘛。", ("Ivy Chan 陳詩韻", "搞公司旅行", None)),
])
def test_a_thing_then_who_takes_it_with_any_particle(speaker, said, item):
    assert _items([(speaker, said)]) == [item]


def test_work_asked_about_as_once_somebody_elses_is_what_the_taker_takes():
    assert _items([
        ("黃太", "跟住係聖誕大食會。Ivy，原本係你跟訂自助餐嘅？"),
        ("Ivy Chan 陳詩韻", "係，不過我下個禮拜放大假，驚跟唔切。我已經問咗兩間酒樓報價。"),
        ("黃太", "咁原本 Ivy 跟，不如阿傑你接手跟吖。"),
        ("Marco Lee 李文傑", "我嚟啦。"),
    ]) == [("Marco Lee 李文傑", "跟訂自助餐", None)]


@pytest.mark.parametrize("answers, due", [
    ([("Ivy Chan 陳詩韻", "得。")], "2026-03-12"),
    ([("Ivy Chan 陳詩韻", "聽日我要去深圳喎。禮拜五得唔得？"), ("黃太", "咁好啦，禮拜五 send 報價俾客。")], "2026-03-13"),
])
def test_a_when_question_with_a_day_proposed_after_it_is_a_request(answers, due):
    [(owner, task, deadline)] = _items([("黃太", "Ivy，份報價幾時 send 俾客？聽日得唔得？"), *answers])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", due) and "報價" in task and "send" in task


def test_cannot_get_away_is_no_decision():
    assert _extract([("黃太", "周年晚宴嗰日你要出差喎。"), ("Marco Lee 李文傑", "係呀，我走唔開。")])["decisions"] == []


def test_another_day_offered_plainly_then_its_reason_is_the_day_taken():
    assert _items([
        ("黃太", "阿傑，份 proposal 幾時交俾客？禮拜五得唔得？"),
        ("Marco Lee 李文傑", "下個禮拜一啦，禮拜五我放假。"),
        ("黃太", "咁好啦。"),
    ]) == [("Marco Lee 李文傑", "交 proposal 俾客", "2026-03-16")]


def test_a_refusal_of_the_day_offered_is_no_yes_to_it():
    items = _items([
        ("黃太", "阿傑，份月結報表你聽日交俾我。"),
        ("Marco Lee 李文傑", "禮拜五得唔得？禮拜四我放假。"),
        ("黃太", "唔得呀，老細禮拜五朝早要睇，你今日做埋佢。"),
    ])
    assert all(deadline != "2026-03-13" for _, _, deadline in items)


def test_work_handed_on_that_somebody_was_doing_is_the_thing_not_the_aspect():
    for topic in ("仲有季度報告，原本係阿傑跟開嘅，不過佢而家好忙。", "季度報告原本係阿傑跟開嘅，不過佢而家好忙。"):
        [(owner, task, _)] = _items([
            ("黃太", topic),
            ("Marco Lee 李文傑", "係呀，我真係做唔切。"),
            ("黃太", "不如 Ivy 你跟吖，原本阿傑跟，轉俾你。"),
            ("Ivy Chan 陳詩韻", "我嚟啦。"),
        ])
        assert owner == "Ivy Chan 陳詩韻" and "季度報告" in task, topic


@pytest.mark.parametrize("said", ["我呢排行唔開。", "我一個人搬唔開。"])
def test_cannot_move_is_no_decision(said):
    assert _extract([("Marco Lee 李文傑", said)])["decisions"] == []


def test_who_had_the_work_is_no_part_of_it_when_they_are_not_on_the_list():
    [(owner, task, deadline)] = _items([
        ("黃太", "仲有，原本係阿祖跟新年 campaign 嘅，不過佢放假。"),
        ("Marco Lee 李文傑", "係，佢下個禮拜先返。"),
        ("黃太", "不如 Ivy 你跟吖。"),
        ("Ivy Chan 陳詩韻", "我嚟啦，禮拜五之前出初稿。"),
    ])
    assert (owner, task, deadline) == ("Ivy Chan 陳詩韻", "跟新年 campaign", "2026-03-13")


def test_a_remark_on_what_else_somebody_has_on_is_no_task():
    assert _items([("黃太", "阿傑，你又有單 site visit 喎。"), ("Marco Lee 李文傑", "係呀。")]) == []
    # guard (passes both ways): what is still to be done, said as a reminder, stays a task
    assert [o for o, _, _ in _items([("黃太", "阿傑，你仲有份報告要交喎，禮拜五前。")])] == ["Marco Lee 李文傑"]


@pytest.mark.parametrize("answer", ["我聽日抽唔開身，下個禮拜一交啦。", "我聽日抽唔出時間，下個禮拜一交啦。"])
def test_no_time_that_day_then_another_day_is_a_counter_offer(answer):
    assert _items([
        ("黃太", "阿傑，份報告聽日交得唔得？"),
        ("Marco Lee 李文傑", answer),
        ("黃太", "好。"),
    ]) == [("Marco Lee 李文傑", "交報告", "2026-03-16")]


def test_sharing_the_screen_and_a_monitor_are_no_work_and_no_monday():
    assert _items([("黃太", "大家等等，我 share 個 screen 先。")]) == []
    assert _items([("黃太", "等我 share 個 mon 先。")]) == []
    [(owner, _, deadline)] = _items([("黃太", "我換個 mon 先，Ivy 你 Mon 之前 send 份 report 俾我。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-16")


@pytest.mark.parametrize("question, task", [
    ("份 quotation 幾時可以 send 俾客，阿傑？", "send quotation 俾客"),
    ("阿傑，份報告幾時交得俾老闆？", "交報告俾老闆"),
])
def test_a_when_question_names_who_is_asked_and_what_goes_to_whom(question, task):
    assert _items([("黃太", question), ("Marco Lee 李文傑", "禮拜五。")]) == [("Marco Lee 李文傑", task, "2026-03-13")]


def test_an_answer_naming_the_asker_first_with_a_plan_changed_is_read_not_raised():
    # this raised ValueError (the sentence read had lost its vocative) and lost the whole meeting
    result = _extract([
        ("黃太", "阿傑，聖誕個 schedule 搞成點？"),
        ("Marco Lee 李文傑", "黃太，我原本諗住聖誕節休半日，禮拜六都唔開，休到禮拜日。"),
    ])
    assert any("休到禮拜日" in d["text"] for d in result["decisions"])


def test_a_request_with_its_own_words_and_time_after_the_owner_said_it_needs_doing_is_the_task():
    assert _items([
        ("Ivy Chan 陳詩韻", "咁我要通知晒啲客，唔係佢哋以為我哋休到禮拜日。"),
        ("黃太", "係，Ivy 你 send 個 email 通知客新年時間，聽朝十點前得唔得？"),
        ("Ivy Chan 陳詩韻", "聽朝十點……得，我今晚寫好，聽朝一返嚟就 send。"),
    ]) == [("Ivy Chan 陳詩韻", "send email 通知客新年時間", "2026-03-12T10:00:00+08:00")]


@pytest.mark.parametrize("before", ["唔好即刻買，十幾萬唔係講笑。", "阿Ivy之前話個客戶名單整理咗。"])
def test_no_joke_and_no_colleague_are_the_party_a_pronoun_means(before):
    [(owner, task, _)] = _items([("黃太", before), ("Marco Lee 李文傑", "咁我約佢哋嚟開會啦，禮拜五。")])
    assert owner == "Marco Lee 李文傑" and task.startswith("約佢哋")


def test_an_order_with_no_subject_and_a_limit_taken_by_who_spoke_before_is_theirs():
    assert _items([
        ("Ivy Chan 陳詩韻", "師傅話最好做個全面 service。"),
        ("黃太", "咁 book 埋個全面 service 啦，三個工作天內 book 好佢。"),
        ("Ivy Chan 陳詩韻", "好，三個工作天內。"),
    ]) == [("Ivy Chan 陳詩韻", "book 全面 service", "2026-03-16")]
    # guard (passes both ways): a plan of their own, approved, is not asked again
    assert len(_items([
        ("Ivy Chan 陳詩韻", "我想做個買二送一。"),
        ("黃太", "做買二送半價啦。下個禮拜四之前出個 proposal，計埋成本。"),
        ("Ivy Chan 陳詩韻", "OK，冇問題。"),
    ])) <= 1


def test_a_view_the_speaker_has_thought_over_is_nobodys_work():
    assert _items([("黃太", "我諗過，廿四號太近新年，家家戶戶要大掃除，要執屋。")]) == []
    # guard (passes both ways): the view followed straight by the work is still the speaker's
    assert [o for o, _, _ in _items([("Marco Lee 李文傑", "我諗過，聽日交份報告啦。")])] == ["Marco Lee 李文傑"]


@pytest.mark.parametrize("reply, expected", [("發夢啦你！", 0), ("好啦好啦，我安排。", 1)])
def test_a_request_said_laughing_is_a_joke_unless_taken_up(reply, expected):
    assert len(_items([
        ("Ivy Chan 陳詩韻", "咁阿傑你自己派大封利是俾我哋補數啦，哈哈。"),
        ("Marco Lee 李文傑", reply),
    ])) == expected


def test_a_question_after_calling_somebody_who_has_just_spoken_is_asked_of_them():
    items = _items([
        ("Marco Lee 李文傑", "新年更表我仲整緊。"),
        ("黃太", "阿傑，咁新年更表下禮拜一之前排好俾我？"),
        ("Marco Lee 李文傑", "可唔可以俾多兩日，下個禮拜三先交俾你？"),
        ("黃太", "得，下個禮拜三。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-18")]


def test_a_bare_day_of_the_month_agreed_is_in_the_month_haggled_over():
    assert _items([
        ("黃太", "阿傑，份模擬卷十月中交得唔得？"),
        ("Marco Lee 李文傑", "十月中有啲趕，十月二十號得唔得？"),
        ("黃太", "好，就二十號。"),
    ], date="2026-08-20") == [("Marco Lee 李文傑", "交模擬卷", "2026-10-20")]


@pytest.mark.parametrize("said", ["咁月餅我負責訂。", "哈哈，好，我嚟訂月餅。"])
def test_the_thing_said_before_who_is_charged_and_a_laugh_are_no_part_of_the_wording(said):
    assert _items([("Ivy Chan 陳詩韻", said)]) == [("Ivy Chan 陳詩韻", "訂月餅", None)]


def test_when_something_was_last_done_and_what_will_expire_ask_no_work():
    assert _items([
        ("黃太", "阿傑，後備發電機上次試機係幾時？"),
        ("Marco Lee 李文傑", "五月尾，當時冇問題。不過啲後備糧食我點過，有一批下個月就過期。"),
    ]) == []
    # guard (passes both ways): work due before something expires is work
    assert [o for o, _, _ in _items([("黃太", "阿傑，份合約月尾到期，你到期前續約。")])] == ["Marco Lee 李文傑"]


def test_a_handover_asked_after_a_reason_that_names_somebody_goes_to_who_takes_it():
    items = _items([
        ("黃太", "阿傑，你約檢驗員嚟驗，十八號之前搞掂。"),
        ("Marco Lee 李文傑", "黃太，我又要搞報價又要帶 Priya，不如交俾 Ivy？"),
        ("Ivy Chan 陳詩韻", "都得，嗰個檢驗員我識，我約佢。十八號之前冇問題。"),
    ])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-18")]


def test_a_time_granted_with_a_word_against_delay_is_the_due_time():
    [(_, _, deadline)] = _items([
        ("黃太", "阿傑，你聽日對晒啲紀錄表。"),
        ("Marco Lee 李文傑", "聽日我返中更，下晝先做得唔得？"),
        ("黃太", "得，聽日下晝五點前搞掂佢，呢樣唔可以拖。"),
    ])
    assert deadline == "2026-03-12T17:00:00+08:00"


def test_all_of_a_thing_is_no_statement_about_it():
    assert _items([("黃太", "阿傑，三樓所有紀錄表，你聽日改好佢。")]) == [("Marco Lee 李文傑", "改好三樓所有紀錄表", "2026-03-12")]


def test_a_thing_then_you_with_somebody_reads_the_same_with_a_day_in_between():
    assert _items([("黃太", "阿傑，份合約你禮拜五前同律師睇一次。")]) == [("Marco Lee 李文傑", "同律師睇合約", "2026-03-13")]


def test_the_day_others_are_free_is_no_due_day_of_an_offer():
    assert _items([
        ("Ivy Chan 陳詩韻", "我可以問下附近幾間中學有冇學生義工，佢哋禮拜五放學得閒。"),
        ("黃太", "好，Ivy，你聯絡兩三間中學。"),
        ("Ivy Chan 陳詩韻", "我聽日開始打，月尾之前應該搞掂。"),
    ]) == [("Ivy Chan 陳詩韻", "聯絡兩三間中學", "2026-03-31")]


@pytest.mark.parametrize("reply", ["咁都公道。", "OK，我冇問題。"])
def test_an_arrangement_put_to_the_room_and_found_fair_is_decided(reply):
    decisions = _extract([
        ("黃太", "咁禮拜六開半日，禮拜日休息。大家覺得點？"),
        ("Marco Lee 李文傑", reply),
    ])["decisions"]
    assert [d["text"] for d in decisions] == ["禮拜六開半日，禮拜日休息"]
    # guard (passes both ways): a task taken is no decision
    assert _extract([("黃太", "阿傑，你聽日交報告。"), ("Marco Lee 李文傑", reply)])["decisions"] == []


def test_them_called_after_who_was_said_first_are_those_people():
    [(owner, task, deadline)] = _items([
        ("黃太", "Ivy，四號已經 book 咗嘅客你通知埋佢哋改期。"),
        ("Ivy Chan 陳詩韻", "四號有三單 booking，我聽朝十一點前打晒俾佢哋。"),
    ])
    assert owner == "Ivy Chan 陳詩韻" and "book 咗嘅客" in task and "佢" not in task and deadline == "2026-03-12T11:00:00+08:00"


@pytest.mark.parametrize("said", ["咁個家長，Ivy 你係佢個女嘅班主任，你覆一覆佢。", "咁個家長，Ivy 你覆一覆佢。"])
def test_the_person_named_first_is_who_to_answer_and_who_somebody_is_is_no_work(said):
    assert _items([("黃太", said)]) == [("Ivy Chan 陳詩韻", "覆家長", None)]


@pytest.mark.parametrize("answer", ["禮拜五交到。", "禮拜五可以交到。", "禮拜五交得到。"])
def test_a_when_answer_that_says_it_can_be_handed_in_by_then_dates_the_work(answer):
    assert _items([("黃太", "阿傑，份月報幾時可以交？"), ("Marco Lee 李文傑", answer)]) == [("Marco Lee 李文傑", "交月報", "2026-03-13")]


def test_a_change_put_to_the_room_is_decided_only_when_agreed():
    assert _extract([("黃太", "今年花紅延遲到七月發。大家覺得點？"), ("Ivy Chan 陳詩韻", "唔公道。"), ("Marco Lee 李文傑", "我反對。")])["decisions"] == []
    assert [d["text"] for d in _extract([("黃太", "今年花紅延遲到七月發。大家覺得點？"), ("Ivy Chan 陳詩韻", "我冇問題。")])["decisions"]] \
        == ["今年花紅延遲到七月發"]


def test_you_are_dreaming_is_no_task():
    assert _items([("Ivy Chan 陳詩韻", "阿傑，你請我哋全組飲茶啦，哈哈。"), ("Marco Lee 李文傑", "你發夢啦。")]) == []


@pytest.mark.parametrize("speakers", [("A", "B"), ("SPEAKER_00", "SPEAKER_01")])
def test_a_request_to_somebody_on_no_list_is_kept_for_review_not_dropped(speakers):
    result = _extract([(speakers[0], "阿傑，份報告禮拜五前交俾我。"), (speakers[1], "好，禮拜五前交。")], date="2026-12-02", attendees=[])
    [item] = result["action_items"]
    assert (item["owner"], item["deadline"], item["needs_review"]) == (None, "2026-12-04", True) and "報告" in item["task"]
    # guard (passes both ways): a capitalised word that is no name asks nobody
    assert _extract([("A", "Sorry，份報告禮拜五前交俾我。")], date="2026-12-02", attendees=[])["action_items"] == []


@pytest.mark.parametrize("said, task", [
    ("Ivy，你係佢哋嘅直屬上司，你禮拜五前同新同事做試用期評估。", "同新同事做試用期評估"),
    ("Ivy，你係陳太嘅聯絡人，你禮拜五前打俾佢。", "打俾陳太"),
])
def test_who_somebody_is_is_no_part_of_the_task_but_says_whom_they_speak_for(said, task):
    assert _items([("黃太", said)]) == [("Ivy Chan 陳詩韻", task, "2026-03-13")]


def test_an_attendee_called_with_a_title_and_full_stop_is_no_stranger():
    attendees = [*ATTENDEES, {"name": "Dr. Chan", "role": "醫務總監"}]
    turns = [("Ivy Chan 陳詩韻", "Dr. Chan，個新 system 一上線，啲同事要 training 㗎。"),
             ("Dr. Chan", "係。Ivy，你同供應商約 training，月尾前要做晒。")]
    assert _items(turns, attendees=attendees) == [("Ivy Chan 陳詩韻", "同供應商約 training", "2026-03-31")]


def test_the_speaker_saying_they_thought_it_over_is_no_part_of_the_task():
    assert _items([("黃太", "我諗過，阿傑你聽日負責去接個客。")]) == [("Marco Lee 李文傑", "去接客", "2026-03-12")]


def test_counting_stock_through_is_work():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，啲存貨你禮拜一前點完佢。"), ("Marco Lee 李文傑", "好。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-16") and "點完" in task and "存貨" in task


def test_a_name_glued_between_who_and_the_request_still_asks_them():
    [(owner, task, _)] = _items([("黃太", "下個禮拜一講座取消咗，已經報咗名嘅會員Ivy你通知埋佢哋。")])
    assert owner == "Ivy Chan 陳詩韻" and task.startswith("通知") and "會員" in task


@pytest.mark.parametrize("said", ["阿媽，份報告禮拜五前交俾我。", "Next，份報告禮拜五前交俾我。", "陳太，你份報價我哋收到，唔該晒。",
                                  "陳生，佢叫我哋聽日覆佢。"])
def test_a_family_word_an_english_opener_thanks_or_a_report_is_no_request_to_somebody_unlisted(said):
    assert _extract([("SPEAKER_00", said), ("SPEAKER_01", "好。")], attendees=[])["action_items"] == []


def test_what_somebody_did_last_time_is_no_task():
    assert _items([("黃太", "Ivy，你上次通知咗佢哋。")]) == []
    # guard (passes both ways): the thing from last time, to be done now, is a task
    assert [o for o, _, _ in _items([("黃太", "Ivy，上次嗰份報告你改咗佢。")])] == ["Ivy Chan 陳詩韻"]


def test_more_work_given_with_a_deferral_granted_is_a_task_of_its_own_and_no_decision():
    turns = [("SPEAKER_00", "咁就咁定：下個月起週會改喺禮拜三開。阿傑，你更新埋會議室 booking 同日曆邀請。"),
             ("SPEAKER_01", "黃太，我今日要趕份報告，聽日先做得唔得？"),
             ("SPEAKER_00", "得，聽日放工前改好佢，順手 WhatsApp 通知受影響嘅同事。"),
             ("SPEAKER_01", "冇問題。")]
    result = _extract(turns)
    assert [(a["owner"], a["task"], a["deadline"]) for a in result["action_items"]] == [
        ("Marco Lee 李文傑", "更新會議室 booking 同日曆邀請", "2026-03-12"),
        ("Marco Lee 李文傑", "WhatsApp 通知受影響嘅同事", "2026-03-12")]
    assert [d["text"] for d in result["decisions"]] == ["下個月起週會改喺禮拜三開"]


def test_own_work_planned_then_asked_if_it_can_be_done_takes_the_day_settled():
    turns = [("黃太", "下個月嘅員工培訓點安排？"),
             ("Ivy Chan 陳詩韻", "我想自己寫一份教材，唔再用顧問公司嗰份。"),
             ("Marco Lee 李文傑", "自己寫好費時㗎喎 Ivy，你做唔做得切？"),
             ("Ivy Chan 陳詩韻", "我諗做得切，月尾交得到。"),
             ("黃太", "月尾太遲喇，下個禮拜五得唔得？"),
             ("Ivy Chan 陳詩韻", "好，下個禮拜五。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-20") and task.startswith("寫教材")


def test_the_thing_found_wanting_after_a_but_is_what_a_bare_verb_mends():
    turns = [("黃太", "阿傑，部 server 上次 backup 係幾時？"),
             ("Marco Lee 李文傑", "上個月尾，當時冇問題。不過啲 UPS 電池我睇過，有兩粒下個月就過期。"),
             ("黃太", "咁換咗佢啦。"),
             ("Marco Lee 李文傑", "好，我今個禮拜內換返。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13") and "UPS 電池" in task and "冇問題" not in task


def test_options_offered_are_no_task_until_one_is_given():
    turns = [("黃太", "講座嘅茶點上年係一間餅店送嘅，今年佢話只可以送一半。咁另一半點算？"),
             ("Marco Lee 李文傑", "我可以寫信去幾間酒店問下，或者開個網上眾籌。"),
             ("Ivy Chan 陳詩韻", "網上眾籌要申請牌照㗎，好麻煩。"),
             ("黃太", "咁唔搞網上眾籌喇。阿傑，你寫信俾酒店。"),
             ("Marco Lee 李文傑", "好，我下個禮拜五之前寄出。")]
    assert _items(turns) == [("Marco Lee 李文傑", "寫信俾酒店", "2026-03-20")]


def test_a_part_taken_on_then_given_in_full_is_one_task():
    turns = [("Ivy Chan 陳詩韻", "禮拜四嗰場就我負責，我有班熟手義工。"),
             ("黃太", "好，Ivy，下個禮拜四係十九號，你排好嗰日啲義工。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-19") and "義工" in task


def test_since_when_alone_answering_a_report_is_no_decision():
    turns = [("黃太", "第二樣，文具。Ivy 話影印紙加價一成。"), ("Ivy Chan 陳詩韻", "係呀，由下個月一號開始。我問過第二間，平兩成。")]
    assert _decisions(turns) == []
    # guard (passes both ways): what starts, said with its since, is decided
    assert _decisions([("黃太", "由下個月一號開始，影印紙改向第二間買。")]) != []


def test_a_later_day_offered_and_still_in_time_is_the_due_day_and_no_task_of_its_own():
    turns = [("黃太", "好主意。阿傑，你點一點倉，睇下要入幾多，十三號之前落 order。"),
             ("Marco Lee 李文傑", "十三號……十三號唔得喎，啲供應商放假，我最快十六號先落到。"),
             ("黃太", "十六號都仲趕得切，OK 啦。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-16") and "落 order" in task


def test_doing_it_of_work_said_before_is_that_work_without_why():
    turns = [("黃太", "仲有，後備發電機都再試一次啦，安全啲。"), ("Marco Lee 李文傑", "咁都係我做埋佢，下個禮拜一之前試。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-16")
    assert "後備發電機" in task and "試" in task and not task.startswith("做") and "安全" not in task


def test_what_to_tell_the_person_contacted_stays_in_the_task():
    turns = [("黃太", "好。咁個客，Ivy 你係佢嘅 account manager，你覆一覆佢，話我哋已經安排咗換貨。"),
             ("Ivy Chan 陳詩韻", "好，我今晚打俾佢。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-11")
    assert task.startswith("覆客") and task.endswith("話我哋已經安排咗換貨") and "account manager" not in task


def test_away_until_a_day_is_no_day_offered_and_the_stand_in_named_after_it_takes_the_task():
    turns = [("黃太", "至於嗰個客，阿傑，佢係你嘅 VIP 客，你打個電話俾佢道個歉。"),
             ("Marco Lee 李文傑", "黃太，我聽日同後日放假，下個禮拜一先返喎。"),
             ("黃太", "噢，咁 Ivy 你幫手打啦，兩個工作天內打咗佢。"),
             ("Ivy Chan 陳詩韻", "冇問題，我禮拜五之前打。")]
    assert _items(turns) == [("Ivy Chan 陳詩韻", "打電話俾客道歉", "2026-03-13")]


def test_the_thing_then_its_verb_negated_calls_the_task_off():
    turns = [("黃太", "OK。Ivy，你順手幫手印三百張單張，拎去附近嗰兩個商場派。"),
             ("Ivy Chan 陳詩韻", "印單張要四五日先有貨喎，趕唔趕得切二十號？"),
             ("黃太", "嗯……咁算啦，單張唔印喇，淨係做 Facebook 同店內海報算。")]
    assert _items(turns) == []
    # guard (passes both ways): how things are (「唔夠喇」) calls nothing off
    assert len(_items([("黃太", "Ivy，你聽日訂二十張枱。"), ("Ivy Chan 陳詩韻", "好。"), ("黃太", "啲枱唔夠喇。")])) == 1


def test_a_rule_decided_with_the_speakers_own_part_gives_both():
    result = _extract([("黃太", "由今日開始，茶水間個垃圾桶每晚收工前都要清一次，我今日會同清潔公司講。"), ("Marco Lee 李文傑", "好。")])
    assert [d["text"] for d in result["decisions"]] == ["由今日開始，茶水間個垃圾桶每晚收工前都要清一次"]
    assert [(a["owner"], a["task"], a["deadline"]) for a in result["action_items"]] == [("黃太", "同清潔公司講", "2026-03-11")]


def test_checking_now_and_then_is_a_habit_no_task():
    assert _items([("黃太", "由今日開始，茶水間每晚收工前都要清一次。"), ("Marco Lee 李文傑", "好，咁我都會不時 check 吓。")]) == []


def test_the_next_step_after_one_done_is_a_task_of_its_own():
    assert _items([("黃太", "阿傑，你即刻落 order 啦，落咗之後 send 張報價單俾 Ivy 入數。"), ("Marco Lee 李文傑", "明白。")]) == [
        ("Marco Lee 李文傑", "落 order", "2026-03-11"), ("Marco Lee 李文傑", "send 報價單俾 Ivy 入數", "2026-03-11")]


def test_more_said_to_the_one_just_asked_is_no_decision():
    turns = [("黃太", "阿傑，你即刻落 order 啦。未換之前部機貼張「暫停使用」，唔好俾同事用住先。"), ("Marco Lee 李文傑", "明白。")]
    assert _decisions(turns) == []
    # guard (passes both ways): what everybody is to do from now on is decided
    assert _decisions([("黃太", "阿傑，你即刻落 order 啦。由今日開始大家唔好用部舊機住。")]) != []


def test_a_stand_in_asked_if_free_who_says_yes_takes_the_task():
    turns = [("黃太", "好。阿傑，啲樣板做好之後你負責送，十三號下晝四點前一定要送到客度。"),
             ("Marco Lee 李文傑", "黃太，十三號我要去機場接人，可能趕唔切。"),
             ("黃太", "咁……Ivy，你嗰日得唔得？你有車。"),
             ("Ivy Chan 陳詩韻", "得，我嗰日朝早開完會就送過去。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13T16:00:00+08:00") and "樣板" in task


def test_how_this_meeting_runs_is_no_decision():
    assert _decisions([("黃太", "好，開工前傾十五分鐘。今日主要講兩單 job。"), ("Marco Lee 李文傑", "好。"),
                       ("黃太", "OK，冇其他就開工。")]) == []


def test_a_problem_or_the_last_update_is_no_party_and_no_thing_to_do():
    # 問題 is no one asking (「壓縮機有問題」): 佢哋 stays as said, not 「壓縮機有」
    [(_, task, _)] = _items([("Ivy Chan 陳詩韻", "應該係壓縮機有問題，要搵供應商上嚟維修。"), ("黃太", "Ivy，你今日就打俾佢哋 book 實個時間。")])
    assert "壓縮機有" not in task
    [(_, task, _), _] = _items([("黃太", "跟住，消防處下個月會嚟巡查，個滅火筒清單要更新。"), ("Ivy Chan 陳詩韻", "上次更新係三月，之後入咗好多新嘢。"),
                                ("黃太", "Ivy 你同阿傑一齊做，你哋兩個自己分。")])
    assert "滅火筒清單" in task and "三月" not in task


def test_a_fault_said_again_to_somebody_asks_them_nothing():
    assert _items([("Marco Lee 李文傑", "黃太，部影印機又卡紙。"), ("黃太", "噢，咁你今個禮拜內搵人嚟整吓。")]) == [
        ("Marco Lee 李文傑", "搵人嚟整吓", "2026-03-13")]


def test_a_few_words_before_work_and_who_stays_in_charge_are_no_decisions():
    assert _decisions([("黃太", "好，趁未開舖講幾句，今日 booking 好密。"), ("Ivy Chan 陳詩韻", "好。"),
                       ("黃太", "仲有下個月嘅 IG post，Ivy，照舊你負責，每個禮拜三篇。")]) == []


def test_work_handed_on_when_asked_is_worded_as_the_one_settling_it_says():
    turns = [("黃太", "仲有下個月嘅 IG post，Ivy，照舊你負責，每個禮拜三篇。"),
             ("Ivy Chan 陳詩韻", "黃太，我下個月頭兩個禮拜要返鄉下，可唔可以俾阿傑做？"),
             ("Marco Lee 李文傑", "我 OK 呀，我鍾意影相。"),
             ("黃太", "咁下個月 IG 就阿傑做，月尾前整好第一個禮拜嘅相同 caption 俾我睇。"),
             ("Marco Lee 李文傑", "冇問題。")]
    assert _items(turns) == [("Marco Lee 李文傑", "整好第一個禮拜嘅相同 caption 俾黃太睇", "2026-03-31")]


@pytest.mark.parametrize("said, deadline", [("個客今日打嚟投訴，阿傑，你聽日覆佢。", "2026-03-12"),
                                            ("今日，阿傑，你聽日整好份報價單。", "2026-03-12")])
def test_the_day_said_to_the_owner_is_due_not_the_day_of_the_topic_before(said, deadline):
    [(owner, _, due)] = _items([("黃太", said)])
    assert (owner, due) == ("Marco Lee 李文傑", deadline)


def test_a_doctors_appointment_declines_and_a_stand_in_told_to_go_for_them_takes_it():
    turns = [("黃太", "Ivy，你禮拜五去睇場。"), ("Ivy Chan 陳詩韻", "我禮拜五要覆診喎。"), ("黃太", "咁阿傑你代佢去啦。"), ("Marco Lee 李文傑", "好。")]
    assert _items(turns) == [("Marco Lee 李文傑", "睇場", "2026-03-13")]


@pytest.mark.parametrize("said", ["阿傑，你 reply 個客，話我哋下個禮拜一 ship 貨。", "阿傑你覆佢話我哋下個禮拜一送貨"])
def test_a_day_in_what_somebody_is_told_is_no_due_day_whatever_the_verb_or_punctuation(said):
    [(owner, _, due)] = _items([("黃太", said)])
    assert (owner, due) == ("Marco Lee 李文傑", None)


def test_a_thing_named_with_its_pronoun_after_it_is_what_doing_it_means():
    [(owner, task, due)] = _items([("黃太", "個後門把鎖都換埋佢啦，安全啲。"), ("Marco Lee 李文傑", "咁我做埋佢，禮拜五之前換。")])
    assert (owner, task, due) == ("Marco Lee 李文傑", "換後門把鎖", "2026-03-13")


def test_a_day_of_the_month_this_month_has_not_is_no_deadline_and_is_checked():
    [item] = _extract([("黃太", "Ivy，你三十一號之前交份報告。")], date="2026-11-09")["action_items"]
    assert (item["owner"], item["deadline"], item["needs_review"]) == ("Ivy Chan 陳詩韻", None, True)


def test_an_hour_no_clock_has_is_no_time_of_day():
    [(_, _, deadline)] = _items([("黃太", "Ivy，你聽日二十五點前 send 報價俾客。")])
    assert deadline == "2026-03-12"


def test_done_when_back_is_due_the_day_the_owner_said_they_are_back():
    turns = [("黃太", "阿傑，你聽日整好份月結。"), ("Marco Lee 李文傑", "我聽日同後日放假，下個禮拜一先返喎。"), ("黃太", "咁你返嚟先整啦。")]
    assert _items(turns) == [("Marco Lee 李文傑", "整好月結", "2026-03-16")]


def test_where_a_speaker_will_be_when_a_time_is_picked_is_no_task():
    turns = [
        ("黃太", "季度 review 會定喺禮拜五好唔好？"),
        ("Ivy Chan 陳詩韻", "禮拜五朝早我要上堂，改下個禮拜一得唔得？"),
        ("Marco Lee 李文傑", "禮拜一下晝我要開董事會，朝早就得。"),
        ("Priya Shah", "我禮拜一要見客喎。"),
        ("黃太", "咁就下個禮拜二朝早十點。Ivy，你聽日 send invite 俾大家。"),
    ]
    assert _items(turns) == [("Ivy Chan 陳詩韻", "send invite 俾大家", "2026-03-12")]
    assert _items([("黃太", "下個禮拜邊日得？"), ("Ivy Chan 陳詩韻", "我禮拜二要去深圳見客，禮拜三得。"),
                   ("Marco Lee 李文傑", "禮拜四我要返總部開會。")]) == []
    # guard (passes both ways): a meeting the speaker is asked to hold is work
    assert _items([("黃太", "Ivy，你禮拜五同 vendor 開個會傾價。")]) != []


def test_the_details_of_a_plan_put_forward_are_no_tasks():
    turns = [("Ivy Chan 陳詩韻", "我諗住搞一個舊客回購計劃，買滿五百蚊送一張禮券，憑收據換領，下個月一號開始。"),
             ("黃太", "好，就咁做。")]
    assert _items(turns) == []
    assert _decisions(turns) != []
    # guard (passes both ways): a task given after the plan, with 同埋, is still work
    assert _items([("黃太", "我諗住搞個回購計劃，同埋 Ivy 你聽日整份 proposal 俾我。")]) != []


def test_a_clock_agreed_after_a_day_in_the_same_sentence_is_on_that_day():
    items = _items([
        ("黃太", "阿傑，份 roster 你改好佢，然後 send 上個 group。"),
        ("Marco Lee 李文傑", "OK，聽朝我一返到公司就改，十一點前 send。"),
    ])
    assert ("Marco Lee 李文傑", "send 上 group", "2026-03-12T11:00:00+08:00") in items
    assert all(deadline == "2026-03-12T11:00:00+08:00" for _, _, deadline in items)


def test_a_plan_given_when_asked_if_work_is_done_names_the_work_asked_about():
    turns = [("黃太", "另外阿傑，你份 tender document 交咗未？"),
             ("Marco Lee 李文傑", "仲未，截止係三月二十號，我想禮拜五之前交。"),
             ("黃太", "好，早啲交都好。")]
    assert _items(turns) == [("Marco Lee 李文傑", "交 tender document", "2026-03-13")]
    assert _decisions(turns) == []  # 「早啲交都好」 is a comment on the plan, nothing decided


def test_how_many_to_order_names_the_thing_running_low():
    assert _items([("Ivy Chan 陳詩韻", "貨倉啲氣泡袋就快用完喇。"), ("黃太", "咁阿傑你聽日訂二十卷啦。")]) == [
        ("Marco Lee 李文傑", "訂二十卷氣泡袋", "2026-03-12")]
    assert _items([("Ivy Chan 陳詩韻", "啲碳粉唔夠喇，淨返一支。"), ("Marco Lee 李文傑", "咁我今日訂多三支。")]) == [
        ("Marco Lee 李文傑", "訂多三支碳粉", "2026-03-11")]


def test_what_a_party_said_of_the_work_is_not_the_work_a_pronoun_means():
    [(owner, task, _)] = _items([("Marco Lee 李文傑", "仲有部冷氣機下個月要做年檢。"),
                                 ("Marco Lee 李文傑", "師傅話要預早兩個禮拜 book。"),
                                 ("黃太", "咁你今個月尾之前 book 咗佢。")])
    assert owner == "Marco Lee 李文傑" and "冷氣機" in task and "師傅話" not in task
    [(_, task, _)] = _items([("黃太", "部 server 要換硬碟，供應商話要預早一個禮拜 book。"), ("黃太", "阿傑，咁你月尾之前 book 咗佢。")])
    assert "server" in task and "供應商話" not in task


TWO_ASKED = [("黃太", "阿傑，你今日約 vendor 上嚟睇吓部 UPS。Ivy，你幫我擬一封通告俾租戶，聽日中午前俾我睇。"),
             ("Marco Lee 李文傑", "好，我而家就約。"),
             ("Ivy Chan 陳詩韻", "好，通告我聽日十一點前 send 俾你。")]


def test_an_answer_after_another_answered_first_is_still_the_answer_to_its_request():
    assert _items(TWO_ASKED) == [("Marco Lee 李文傑", "約 vendor 上嚟睇吓部 UPS", "2026-03-11"),
                                 ("Ivy Chan 陳詩韻", "擬一封通告俾租戶，俾黃太睇", "2026-03-12T12:00:00+08:00")]


def test_a_label_answering_one_of_several_requests_is_the_one_its_words_answer():
    people = [Person(a["name"], aliases=tuple(a.get("aliases", ()))) for a in ATTENDEES]
    turns = [("SPEAKER_00", "阿傑，你今日約 vendor 上嚟睇吓部 UPS。Ivy，你幫我擬一封通告俾租戶，聽日中午前俾我睇。"),
             ("SPEAKER_01", "好，通告我聽日十一點前 send 俾你。"),
             ("SPEAKER_02", "我而家就約 vendor。")]
    assert name_speakers(turns, people).get("SPEAKER_01") == "Ivy Chan 陳詩韻"


def test_weekends_worked_are_shifts_not_a_deadline():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，你今日之內搵 agency 請多兩個兼職做週末。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-11") and "週末" in task
    [(_, _, deadline)] = _items([("黃太", "阿傑，你請多兩個兼職做週末。")])
    assert deadline is None
    [(_, _, deadline)] = _items([("黃太", "阿傑，你搵兩個同事週末返工。")])
    assert deadline is None
    # guard (passes both ways): a weekend said as a limit is one
    assert _items([("黃太", "阿傑，你週末前 send 份報價俾我。")])[0][2] == "2026-03-14"


def test_whatever_the_reason_opens_a_request_not_a_question():
    items = _items([("Ivy Chan 陳詩韻", "我估係卡咗喺海關，上次佢哋話要補文件。"),
                    ("黃太", "無論係咩原因，你都寫份 incident report 俾我講清楚成件事，禮拜五下晝三點前。")])
    assert items == [("Ivy Chan 陳詩韻", "寫 incident report 俾黃太講清楚成件事", "2026-03-13T15:00:00+08:00")]


def test_more_work_on_a_later_day_in_a_yes_does_not_move_the_task_asked():
    items = _items([("黃太", "Ivy，你聽日打去酒店 book 房，順便 confirm 埋價錢。"),
                    ("Ivy Chan 陳詩韻", "收到。咁下個禮拜一返工嗰日，我一齊 collect 埋同事嘅報名表，再同酒店 confirm 最後人數。")])
    assert ("Ivy Chan 陳詩韻", "打去酒店 book 房", "2026-03-12") in items
    assert any("報名表" in task and deadline == "2026-03-16" for _, task, deadline in items)
    items = _items([("黃太", "Ivy 你禮拜五前 send 份名單俾我。"), ("Ivy Chan 陳詩韻", "收到。咁下個禮拜一，我一齊 collect 埋報名表。")])
    assert items == [("Ivy Chan 陳詩韻", "send 名單俾黃太", "2026-03-13"), ("Ivy Chan 陳詩韻", "collect 報名表", "2026-03-16")]


def test_after_the_meeting_says_when_and_is_no_verb_of_the_task():
    items = _items([("黃太", "阿傑，你今日下晝去分店睇吓部機。Ivy，你同 vendor 開個 case，叫佢哋聽朝十點前派人上分店。"),
                    ("Marco Lee 李文傑", "我兩點前去到。"),
                    ("Ivy Chan 陳詩韻", "收到，我開完會即刻 call vendor。")])
    assert [(owner, deadline) for owner, _, deadline in items] == [
        ("Marco Lee 李文傑", "2026-03-11T14:00:00+08:00"), ("Ivy Chan 陳詩韻", "2026-03-12T10:00:00+08:00")]
    assert _items([("黃太", "Ivy，你散會之後即刻 send 份 minutes 俾大家。")]) == [
        ("Ivy Chan 陳詩韻", "散會之後 send minutes 俾大家", "2026-03-11")]


def test_from_next_month_is_when_a_change_starts_not_a_deadline():
    items = _items([("黃太", "下個月起全公司用 MFA，阿傑你禮拜五前 send 個通告俾全公司。")])
    assert ("Marco Lee 李文傑", "send 通告俾全公司", "2026-03-13") in items
    assert all(deadline is None for owner, _, deadline in items if owner is None)
    assert all(deadline is None for _, _, deadline in _items([("黃太", "我哋決定下個月起全公司用 MFA。")]))


def test_a_time_of_day_no_clock_shows_is_checked():
    for said in ("二十五點前", "十點六十分前", "25:00 前"):
        [item] = _extract([("黃太", f"Ivy，你聽日{said} send 份報價俾我。")])["action_items"]
        assert item["deadline"] == "2026-03-12" and item["needs_review"], said
    [item] = _extract([("黃太", "Ivy，你聽日十點前 send 份報價俾我。")])["action_items"]
    assert item["deadline"] == "2026-03-12T10:00:00+08:00" and not item["needs_review"]


def test_an_answer_that_only_says_when_it_is_sent_dates_the_work_asked():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，份 proposal 幾時可以交？"), ("Marco Lee 李文傑", "聽日十點前 send 俾你。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12T10:00:00+08:00") and "proposal" in task
    [(owner, _, deadline)] = _items([("黃太", "Ivy，你整份報價。禮拜五前 email 俾我。"), ("Ivy Chan 陳詩韻", "好。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13")


def test_a_bare_weekday_in_the_answer_is_in_the_week_asked():
    # 2026-03-11 is a Wednesday: 「禮拜一」 alone is 16 March, in 「下下個禮拜」 23 March
    [(owner, task, deadline)] = _items([("黃太", "阿傑，下下個禮拜你約何生傾續約。"), ("Marco Lee 李文傑", "好，我禮拜一約佢。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-23") and "何生" in task
    [(_, _, deadline)] = _items([("黃太", "阿傑，下個禮拜你約何生傾續約，得唔得？"), ("Marco Lee 李文傑", "好，我禮拜一前約佢。")])
    assert deadline == "2026-03-16"
    items = _items([("黃太", "三樓裝修延到下個禮拜。"), ("Marco Lee 李文傑", "咁我禮拜五前搬走啲電腦。")])
    assert items == [("Marco Lee 李文傑", "搬走啲電腦", "2026-03-13")]


def test_a_one_word_name_is_written_in_full_for_the_alias_said():
    attendees = [{"name": "陳淑儀", "aliases": ["陳姑娘", "Shirley"]}, {"name": "吳家豪", "aliases": ["阿豪"]},
                 {"name": "周國強", "aliases": ["經理"]}, {"name": "林嘉敏", "aliases": ["阿敏"]}]
    items = _items([("林嘉敏", "阿豪，你聽日收齊報名表，send 俾陳姑娘。"), ("吳家豪", "好。")], attendees=attendees)
    assert items == [("吳家豪", "收齊報名表，send 俾陳淑儀", "2026-03-12")]
    assert _items([("陳淑儀", "阿豪，你搵個經理簽名，聽日交俾我。")], attendees=attendees) == [
        ("吳家豪", "搵經理簽名，交俾陳淑儀", "2026-03-12")]


def test_what_a_proposal_spares_people_calls_nothing_off():
    items = _items([("黃太", "Ivy，你後日打電話俾何生解釋吓點收費。"), ("Ivy Chan 陳詩韻", "好，後日打俾佢。"),
                    ("Marco Lee 李文傑", "我建議整個網上預約系統，啲客唔使成日打電話嚟。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")]


def test_hanging_or_pinning_up_a_thing_is_work():
    assert _items([("黃太", "阿傑，你而家去掛個「暫停使用」牌。")]) == [("Marco Lee 李文傑", "掛個「暫停使用」牌", "2026-03-11")]
    assert _items([("黃太", "Ivy，你聽日釘張通告喺大堂。")]) == [("Ivy Chan 陳詩韻", "釘張通告喺大堂", "2026-03-12")]


def test_calling_the_party_named_is_how_the_task_asked_is_done():
    items = _items([("黃太", "阿傑，你今日去倉庫點貨；Ivy，你今日之內叫冷氣公司嚟睇。"), ("Marco Lee 李文傑", "好。"),
                    ("Ivy Chan 陳詩韻", "我而家打俾冷氣公司。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-11"), ("Ivy Chan 陳詩韻", "2026-03-11")]


def test_a_price_or_what_runs_now_is_no_work():
    assert _items([("Ivy Chan 陳詩韻", "黃太，冷氣嘅報價收咗，連安裝四萬八。")]) == []
    assert _items([("Marco Lee 李文傑", "我講句老實，上個禮拜壞咗一部機，而家得一部機開緊。")]) == []
    assert _items([("黃太", "阿傑，你聽日俾訂金三千蚊。")]) == [("Marco Lee 李文傑", "俾訂金三千蚊", "2026-03-12")]


def test_a_bare_title_in_an_alias_is_nobody_in_the_task():
    attendees = ATTENDEES + [{"name": "周俊傑", "aliases": ["傑仔", "周師傅"]}]
    [(owner, task, _)] = _items([("黃太", "傑仔，零件聽日到，你叫師傅即日裝，裝好同我講聲。")], attendees=attendees)
    assert owner == "周俊傑" and "周俊傑" not in task and "師傅" in task


def test_a_proposal_for_a_case_put_off_is_nobodys_task():
    said = [("Marco Lee 李文傑", "搬寫字樓嘅話，我提議順便換晒啲舊電腦。"), ("黃太", "預算未批，到時先睇下，遲啲再講。")]
    assert _items(said) == []


def test_a_thing_by_its_due_day_as_a_topic_is_no_work_and_its_day_said_again_is_the_reporters():
    items = _items([("Ivy Chan 陳詩韻", "黃太，月尾要交嘅季度報告，我仲等緊會計啲數。"),
                    ("黃太", "季度報告照樣月尾交。你今日就 send email 催會計俾數。")])
    assert items == [("Ivy Chan 陳詩韻", "季度報告交", "2026-03-31"), ("Ivy Chan 陳詩韻", "send email 催會計俾數", "2026-03-11")]


def test_a_when_question_answered_part_by_part_dates_each_task():
    items = _items([("黃太", "Ivy，你整個新版報價單俾我，另外要影印出嚟派俾每間分店。"), ("Ivy Chan 陳詩韻", "幾時要？"),
                    ("黃太", "新版報價單今個禮拜五俾我；影印同派就等我批咗先，下個禮拜三要派晒。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13"), ("Ivy Chan 陳詩韻", "2026-03-18")]


def test_a_handover_then_its_hand_in_day_is_one_task_without_who_had_it():
    items = _items([("黃太", "原本話阿傑排下個月嘅更表，不過阿傑要搞系統，改由 Ivy 排。Ivy，下個禮拜五俾我得唔得？"),
                    ("Ivy Chan 陳詩韻", "得。")])
    assert items == [("Ivy Chan 陳詩韻", "排下個月嘅更表", "2026-03-20")]


def test_following_them_up_means_the_party_spoken_to():
    items = _items([("黃太", "天文台話呢個禮拜尾可能有颱風。Ivy，個網站上次係咪出咗問題？"),
                    ("Ivy Chan 陳詩韻", "係，我已經同 vendor 講咗，佢哋話出咗 patch。"),
                    ("黃太", "咁你 follow up 佢哋，禮拜四前試完個 patch。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12")]
    assert "vendor" in items[0][1] and "天文台" not in items[0][1]


def test_a_handover_naming_who_had_it_moves_only_their_task():
    items = _items([("黃太", "Ivy，你聽日喺展覽現場留意下啲客嘅反應。"), ("Ivy Chan 陳詩韻", "冇問題，我會喺現場睇住。"),
                    ("黃太", "第二樣，培訓講座。原本係 Priya 負責，不過佢要出差，所以改由阿傑跟。阿傑，你三個工作天內同講者 confirm 日子。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12"), ("Marco Lee 李文傑", "2026-03-16")]


def test_wanting_to_ask_now_is_no_work():
    assert _items([("Ivy Chan 陳詩韻", "黃太，想問下年假。人事部嘅新制度下個月開始，我哋今年係咪照舊？")]) == []
    assert _items([("黃太", "阿傑，你聽日問下供應商有冇貨。")]) == [("Marco Lee 李文傑", "問下供應商有冇貨", "2026-03-12")]



def test_it_is_the_thing_a_when_question_asked_about():
    items = _items([("黃太", "最後，阿傑，部影印機嘅保養合約幾時到期？"), ("Marco Lee 李文傑", "四月尾，供應商話要預早兩個禮拜續。"),
                    ("黃太", "咁你今個月尾之前續咗佢。"), ("Marco Lee 李文傑", "好。")])
    assert items == [("Marco Lee 李文傑", "續影印機嘅保養合約", "2026-03-31")]


def test_a_handover_with_its_hand_in_day_moves_the_declined_task():
    asked = [("黃太", "阿傑，你禮拜五之前整理好供應商名單得唔得？"), ("Marco Lee 李文傑", "我禮拜五要去深圳，真係抽唔到身。")]
    for handover in ("咁改由 Ivy 跟，下個禮拜一收工前交俾我。", "咁改由 Ivy 跟，下個禮拜一前整理好交俾我。"):
        items = _items(asked + [("黃太", handover), ("Ivy Chan 陳詩韻", "冇問題。")])
        assert items == [("Ivy Chan 陳詩韻", "整理好供應商名單", "2026-03-16")], handover


def test_an_alias_inside_a_longer_word_is_no_person():
    for alias, said, kept in (("文華", "Ken，你聽日 book 文華酒店個宴會廳。", "文華酒店"), ("家樂", "Ken，你聽日去家樂福買嘢。", "家樂福"),
                              (None, "Ken，你聽日同國強集團傾合約。", "國強集團")):
        attendees = [{"name": "Ken"}, {"name": "王國強" if alias is None else f"陳{alias}", "aliases": [alias] if alias else []}]
        [(_, task, _)] = _items([("S1", said)], attendees=attendees)
        assert kept in task and "陳" not in task and "王" not in task, said


def test_what_a_party_is_asked_to_do_stays_with_the_call():
    # 「叫佢哋…」, 「問佢哋…」 after a call says what the call is for; its day is theirs, not the caller's
    assert _items([("黃太", "阿傑，你聽日打俾清潔公司，叫佢哋禮拜五前派多個人嚟。")]) == [
        ("Marco Lee 李文傑", "打俾清潔公司，叫佢哋禮拜五前派多個人嚟", "2026-03-12")]
    assert _items([("黃太", "Ivy，你今日 email 印刷廠，問佢哋幾時交得到貨。")]) == [
        ("Ivy Chan 陳詩韻", "email 印刷廠，問佢哋幾時交得到貨", "2026-03-11")]
    # guard: a pronoun in the call itself still leans on what was said before
    assert leans_on_context("覆佢，叫佢哋等多兩日") and not leans_on_context("打俾清潔公司，叫佢哋等多兩日")


def test_what_is_asked_in_the_same_call_is_one_task():
    # 「順便問…」 after a call is asked on that call; 「順便執…」 is other work
    assert _items([("黃太", "Ivy，你聽日打俾業主，順便問埋維修費點計。")]) == [
        ("Ivy Chan 陳詩韻", "打俾業主，問維修費點計", "2026-03-12")]
    assert len(_items([("黃太", "Ivy，你聽日打俾業主，順便執埋個倉。")])) == 2
    # talking a client through something is contacting them: what they are told stays
    assert _items([("黃太", "Ivy，你同客解釋吓，話我哋會賠。")]) == [("Ivy Chan 陳詩韻", "同客解釋吓，話我哋會賠", None)]


def test_a_favour_asked_with_tung_ngo_and_the_one_you_mentioned():
    # 「同我問吓」 asks a favour (as 幫我 does); 「你講嗰間紙行」 names the shop by who mentioned it; 「俾我參考」 who gets it
    assert _items([("黃太", "阿傑，你同我問吓你講嗰間紙行嘅報價，俾我參考吓。")]) == [
        ("Marco Lee 李文傑", "問吓紙行嘅報價，俾黃太參考吓", None)]
    # guard: 「同我傾」 is done with the speaker
    assert _items([("黃太", "阿傑，你同我傾吓嗰間紙行嘅報價。")]) == [("Marco Lee 李文傑", "同黃太傾吓紙行嘅報價", None)]


def test_a_verb_said_again_with_the_day_adds_nothing():
    assert _items([("黃太", "供應商啲紙下個月加價，要趕住落單。"), ("Marco Lee 李文傑", "咁張 order 我落啦，我下個禮拜五之前落。")]) == [
        ("Marco Lee 李文傑", "落 order", "2026-03-20")]


def test_a_semicolon_then_also_goes_on_asking_the_same_person():
    assert _items([("黃太", "阿傑，你聽日印好通告；仲有同清潔公司約時間。")]) == [
        ("Marco Lee 李文傑", "印好通告", "2026-03-12"), ("Marco Lee 李文傑", "同清潔公司約時間", "2026-03-12")]
    # guard: a semicolon before somebody else starts another sentence
    assert [o for o, _, _ in _items([("黃太", "阿傑，你聽日印好通告；Ivy 你禮拜五前約清潔公司。")])] == [
        "Marco Lee 李文傑", "Ivy Chan 陳詩韻"]


def test_a_leak_reported_to_the_chair_is_no_task_and_it_names_the_thing_not_the_rain():
    # 「滴到落地下」 says where it drips (落 after 到 is no verb); 佢 is the fridge, not 「琴晚落雨」
    assert _items([("Ivy Chan 陳詩韻", "黃太，茶水間嗰部雪櫃，琴晚落雨又漏水，滴到落地下。"),
                   ("黃太", "咁唔得。阿傑，你聽日搵人整好佢。")]) == [("Marco Lee 李文傑", "搵人整好茶水間部雪櫃", "2026-03-12")]


def test_things_gone_out_of_date_are_what_is_restocked():
    # 「運動會」 is no verb of transport; 佢 is the plasters found out of date, not the chair called
    assert _items([("Ivy Chan 陳詩韻", "黃太，我點過個藥箱，入面啲膠布好多都過咗期。"),
                   ("黃太", "咁唔得，運動會嗰日實有人跌親。阿傑，你禮拜五前補返齊佢。")]) == [
        ("Marco Lee 李文傑", "補返齊膠布", "2026-03-13")]


def test_a_reason_then_another_day_offered_is_a_counter_offer_not_a_refusal():
    assert _items([("黃太", "Ivy，份報告你禮拜一前 send 俾客。"),
                   ("Ivy Chan 陳詩韻", "黃太，禮拜一係公眾假期，放假喎。而且會計下個禮拜三先俾到啲數我，下個禮拜四得唔得？"),
                   ("黃太", "哦係喎。得，就下個禮拜四，唔好再遲。")]) == [("Ivy Chan 陳詩韻", "send 報告俾客", "2026-03-19")]


def test_yes_to_one_thing_then_no_to_another_declines_only_that_one():
    assert _items([("黃太", "阿傑，你聽日印好回條；仲有同旅遊巴公司 book 車。"),
                   ("Marco Lee 李文傑", "回條冇問題。不過旅遊巴我禮拜四請咗假，驚跟唔切。")]) == [
        ("Marco Lee 李文傑", "印好回條", "2026-03-12"), (None, "同旅遊巴公司 book 車", "2026-03-12")]


def test_a_task_asked_of_everyone_then_given_to_one_person_is_theirs():
    assert _items([("Ivy Chan 陳詩韻", "你哋下個禮拜一前 send 份 user list 俾我。"), ("黃太", "阿傑，user list 你嚟 handle。"),
                   ("Marco Lee 李文傑", "好。")]) == [("Marco Lee 李文傑", "send user list 俾 Ivy", "2026-03-16")]


def test_a_thing_called_off_after_its_progress_is_no_task_of_the_reporter():
    assert _items([("Ivy Chan 陳詩韻", "黃太，上次講嘅聖誕聯歡，我仲未訂場地。"),
                   ("黃太", "聖誕聯歡唔使搞喇，公司下個禮拜開始搬 office，老闆都同意今年唔搞。你唔使訂喇。")]) == []


def test_yes_and_the_first_step_ending_on_the_verb_asked_is_no_task_of_its_own():
    assert _items([("黃太", "阿傑，你追物業公司，三個工作天內攞到維修報告。"), ("Marco Lee 李文傑", "明白，我今日下晝就打電話去追。")]) == [
        ("Marco Lee 李文傑", "追物業公司，攞到維修報告", "2026-03-16")]


def test_away_until_a_day_then_handed_on_leaves_one_task_with_the_new_owner():
    # 「由禮拜五放到二十號，返嚟先可以再跟」: when the speaker could, no promise; 「改由阿傑跟」 then the work said in full
    assert _items([("黃太", "Ivy，上次叫你問三間公司攞冷氣保養嘅 quote，點呀？"),
                   ("Ivy Chan 陳詩韻", "問咗一間咋。不過我由禮拜五放到二十號，返嚟先可以再跟。"),
                   ("黃太", "咁唔得。冷氣保養 quote 改由阿傑跟啦。阿傑，你下個禮拜五前攞齊三間嘅 quote 俾我。"),
                   ("Marco Lee 李文傑", "得。")]) == [("Marco Lee 李文傑", "攞齊三間嘅 quote 俾黃太", "2026-03-20")]
    # guard: putting a thing somewhere is work
    assert [(o, d) for o, _, d in _items([("黃太", "阿傑，你聽日將份文件放到我枱面。")])] == [("Marco Lee 李文傑", "2026-03-12")]


def test_asr_text_with_who_and_when_split_off_by_a_space_and_a_photocopier_is_no_verb():
    # 「部影印機」 named with the one called is a topic, no task; 「那你禮拜五前 同…book…」 is one request, 順便 on the same call
    assert _items([("黃太", "第三樣 部影印機 阿傑"), ("Marco Lee 李文傑", "有部影印機是下個禮拜三保養 即是那日用不到"),
                   ("黃太", "那你禮拜五前 同租印表機公司book一部後備機 順便confirm埋價錢"), ("Marco Lee 李文傑", "沒問題")]) == [
        ("Marco Lee 李文傑", "同租印表機公司book 後備機，confirm 價錢", "2026-03-13")]


def test_your_team_said_to_the_one_reporting_is_theirs_unless_they_hand_it_on():
    said = [("黃太", "最後 客服 Ivy"), ("Ivy Chan 陳詩韻", "上個禮拜系統壞咗 積壓咗三十單投訴仲未回"),
            ("黃太", "三十單 你哋禮拜五前要全部回覆")]
    assert [(o, d) for o, _, d in _items(said + [("Ivy Chan 陳詩韻", "好 明白")])] == [("Ivy Chan 陳詩韻", "2026-03-13")]
    assert [o for o, _, _ in _items(said + [("Ivy Chan 陳詩韻", "好。阿傑，你幫手回一半。")]) if o == "Ivy Chan 陳詩韻"] == []


def test_what_comes_to_mind_about_number_three_cold_room_is_no_task_and_may_not_is_no_promise():
    # 「三號凍房」 is a room, not the 3rd; 「溫度計」 no verb; 「我頭先諗起」 what comes to mind; 「未必攞到」 no promise
    assert _items([("Marco Lee 李文傑", "黃太，仲有，三號凍房個溫度計，我頭先諗起，個供應商禮拜五之後都放假，聽日未必攞到新嘅。"),
                   ("黃太", "咁你今日就去五金舖買個數字溫度計頂住先。")]) == [
        ("Marco Lee 李文傑", "去五金舖買數字溫度計頂住", "2026-03-11")]


def test_a_bill_not_yet_paid_and_a_hold_on_paying_are_no_tasks():
    assert _items([("Ivy Chan 陳詩韻", "黃太，順帶一提，佢哋上個月張 invoice 我哋都未找，仲有四萬幾。")]) == []
    assert _items([("黃太", "Ivy，張 invoice 你暫時唔好過數住。")]) == []


def test_a_later_day_offered_with_a_clock_and_taken_is_the_due_time_of_the_work_asked():
    # the answer's 「十一點前」 is on the day it named (後日), not the day asked; 「Ivy 要等貨開工」 is why, no task
    assert _items([("黃太", "阿傑，你聽日之前搵多三間報價。"),
                   ("Marco Lee 李文傑", "聽日有啲難喎。不如俾我到後日禮拜五朝早？我盡量十一點前 send 三個報價俾你。"),
                   ("黃太", "禮拜五十一點……好啦，就禮拜五朝早十一點，唔好再遲，Ivy 要等貨開工。")]) == [
        ("Marco Lee 李文傑", "搵多三間報價", "2026-03-13T11:00:00+08:00")]


def test_a_handover_named_briefly_then_said_in_full_keeps_the_full_words():
    assert _items([("Ivy Chan 陳詩韻", "黃太，分店部蒸櫃爆咗喉，要我即刻過去睇，下晝 book 車我驚做唔切。"),
                   ("黃太", "咁 book 車改由阿傑跟啦。阿傑，你今日下晝四點前打去貨車公司，book 兩架五噸半。"),
                   ("Marco Lee 李文傑", "好，我嚟跟。")]) == [
        ("Marco Lee 李文傑", "打去貨車公司，book 兩架五噸半", "2026-03-11T16:00:00+08:00")]


def test_asking_more_shops_whether_they_have_stock_is_work_and_when_goods_come_is_news():
    assert _items([("黃太", "咁你今晚八點前問多兩間檔口 有冇白菊現貨 whatsapp個價俾我"),
                   ("Marco Lee 李文傑", "ok 冇問題 八點前")]) == [
        ("Marco Lee 李文傑", "問多兩間檔口，有冇白菊現貨 whatsapp 價俾黃太", "2026-03-11T20:00:00+08:00")]
    assert _items([("黃太", "啲貨夠唔夠 阿傑"),
                   ("Marco Lee 李文傑", "我禮拜二去咗倉 訂咗八十箱 日本嗰批禮拜六先到 韓國嗰批就冇貨喇")]) == []


def test_when_the_doer_asks_when_a_thing_is_due_the_bare_answer_does_that_thing():
    # 「幾時要出？」 「下下個禮拜五前出晒啦，清明忙完先。」: 出晒 the invoices asked about; after the rush is no work
    assert _items([("Ivy Chan 陳詩韻", "黃太，公司客嗰啲三月份月結嘅 invoice 幾時要出？"),
                   ("黃太", "下下個禮拜五前出晒啦，清明忙完先。"), ("Ivy Chan 陳詩韻", "OK。")]) == [
        ("Ivy Chan 陳詩韻", "出晒公司客三月份月結嘅 invoice", "2026-03-27")]


def test_asked_in_the_same_call_after_the_message_is_part_of_the_call_and_its_day():
    # new-user report: 「順便問埋價錢」 after 「叫佢哋禮拜四前送貨」 was split off with Thursday as its due day
    assert _items([("黃太", "阿傑，你打俾供應商，叫佢哋禮拜四前送貨，順便問埋價錢。"), ("Marco Lee 李文傑", "我今日下晝打。")]) == [
        ("Marco Lee 李文傑", "打俾供應商，問價錢，叫佢哋禮拜四前送貨", "2026-03-11")]


def test_break_it_new_rules_do_not_eat_real_work():
    # break-it report: a place after 放到, 印/影印 of 機票, 度計劃書, 要等你, 場刊/檔期 after a date, a limit after the message
    assert _items([("黃太", "Ivy，聽日啲新貨放到二十號貨架。")], date="2026-03-04")[0][::2] == ("Ivy Chan 陳詩韻", "2026-03-05")
    assert _items([("黃太", "Ivy，你聽日印機票俾大家。")], date="2026-03-04")[0][::2] == ("Ivy Chan 陳詩韻", "2026-03-05")
    assert _items([("黃太", "阿傑，你禮拜五前度計劃書。")], date="2026-03-04")[0][::2] == ("Marco Lee 李文傑", "2026-03-06")
    assert _items([("黃太", "阿傑，個倉要等你開門，你聽日八點前返到。")], date="2026-03-04")[0][::2] == (
        "Marco Lee 李文傑", "2026-03-05T08:00:00+08:00")
    assert _items([("黃太", "阿傑，你十五號場刊要交俾印刷廠。")], date="2026-03-04")[0][::2] == ("Marco Lee 李文傑", "2026-03-15")
    assert _items([("黃太", "Priya，你十號檔期要 confirm 埋。")], date="2026-03-04")[0][::2] == ("Priya Shah", "2026-03-10")
    assert _items([("黃太", "阿傑，你打俾供應商，叫佢哋送貨，禮拜五前搞掂。")], date="2026-03-04")[0][::2] == (
        "Marco Lee 李文傑", "2026-03-06")
    # a space after the semicolon still goes on asking the same person
    assert [o for o, _, _ in _items([("黃太", "阿傑，你聽日印好通告； 仲有 同旅遊巴公司 book 車。")], date="2026-03-04")] == [
        "Marco Lee 李文傑", "Marco Lee 李文傑"]


def test_break_it_everyone_stays_everyone_and_a_person_meant_is_no_thing_restocked():
    assert _items([("Marco Lee 李文傑", "四十八單投訴仲未回。"), ("黃太", "你哋所有人禮拜五前交 timesheet。"),
                   ("Marco Lee 李文傑", "收到。")], date="2026-03-04")[0][0] is None
    assert _items([("Marco Lee 李文傑", "倉仲未盤點，Ivy 同我都好忙。"), ("黃太", "你哋禮拜五前盤點好個倉。"),
                   ("Marco Lee 李文傑", "好。")], date="2026-03-04")[0][0] is None
    assert all("滅火筒" not in t for _, t, _ in _items([("Marco Lee 李文傑", "啲滅火筒過咗期。"),
                                                       ("黃太", "陳師傅好熟，Ivy 你搵佢禮拜五前嚟換。")], date="2026-03-04"))
    # a second quote asked as more work is no handover said in full
    assert len(_items([("黃太", "阿傑，你跟停車場 CCTV quote。阿傑，你禮拜五前攞埋冷氣嘅 quote。")], date="2026-03-04")) == 2
    # what comes to mind is no part of the task
    assert _items([("黃太", "我頭先諗起，阿傑你聽日要續埋個域名。")], date="2026-03-04") == [("Marco Lee 李文傑", "續域名", "2026-03-05")]


def test_break_it_a_call_asked_with_a_question_for_them_and_called_off_after_a_correction():
    assert _items([("黃太", "阿傑，你聽日打俾供應商，順便問佢哋有冇現貨。")], date="2026-03-04")[0][::2] == (
        "Marco Lee 李文傑", "2026-03-05")
    said = [("黃太", "阿傑，你聽日打俾供應商，叫佢哋禮拜五前送貨。"), ("Marco Lee 李文傑", "好。")]
    assert _items(said + [("黃太", "啊唔係，送貨取消咗，唔使打喇。")], date="2026-03-04") == []
    # guard: the other task given with it stays
    assert [o for o, _, _ in _items([("黃太", "阿傑，你聽日打俾供應商。Ivy，你今日 email 份報告俾我。"),
                                     ("黃太", "啊唔係，送貨取消咗，唔使打喇。")], date="2026-03-04")] == ["Ivy Chan 陳詩韻"]


def test_a_thing_of_two_places_said_once_is_one_task():
    items = _items([("黃太", "阿傑，大堂同升降機嘅防疫告示你跟。")], date="2026-03-04")
    assert [(o, t) for o, t, _ in items] == [("Marco Lee 李文傑", "跟大堂同升降機嘅防疫告示")]
    # guard: two things each with its own name are still two tasks
    assert len(_items([("黃太", "阿傑，新菜牌同埋 staff 嘅更表你跟。")], date="2026-03-04")) == 2


def test_a_task_handed_on_then_said_with_how_the_person_is_reached_is_one_task_by_the_owners_day():
    said = [("黃太", "有兩個供應商報咗價。Ivy，你呢個禮拜內約佢哋嚟開會。"), ("Ivy Chan 陳詩韻", "我禮拜四、五放假喎。"),
            ("黃太", "咁阿傑幫手約。"), ("Marco Lee 李文傑", "冇問題，我聽日打電話約佢哋。")]
    items = _items(said, date="2026-03-03")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-04")]


def test_a_thing_named_in_one_word_is_what_a_pronoun_after_it_means():
    said = [("黃太", "阿傑，你攞埋昨晚倉門口嘅 CCTV 片段俾我。"),
            ("Marco Lee 李文傑", "CCTV 只係留三日，我今晚七點前 copy 咗佢出嚟。")]
    items = _items(said, date="2026-03-03")
    assert all("只" not in t for _, t, _ in items)
    assert [t.replace("咗", "") for _, t, _ in _items([("Marco Lee 李文傑", "UPS 淨係撐到半個鐘，我聽日換咗佢。")],
                                                      date="2026-03-03")] == ["換 UPS"]


def test_reminding_them_with_a_thing_sent_is_work_and_wanting_to_mention_is_not():
    items = _items([("黃太", "阿傑，send 份報價單提一提佢哋。")], date="2026-03-04")
    assert [o for o, _, _ in items] == ["Marco Lee 李文傑"] and "報價單" in items[0][1]
    # guard: the speaker flagging a point is still no task
    assert _items([("黃太", "我想提一提，下個禮拜一大廈洗水缸。")], date="2026-03-04") == []


def test_a_day_turned_down_with_where_the_owner_is_then_another_day_keeps_the_task_by_that_day():
    said = [("Ivy Chan 陳詩韻", "我下個禮拜一 email 份活動流程俾阿傑。"), ("黃太", "下個禮拜一係公眾假期喎。禮拜五得唔得？"),
            ("Ivy Chan 陳詩韻", "禮拜五我成日喺大埔睇場……咁我聽晚八點前 email 啦。")]
    items = _items(said, date="2026-03-04")
    assert items == [("Ivy Chan 陳詩韻", "email 活動流程俾阿傑", "2026-03-05T20:00:00+08:00")]


def test_who_is_off_at_the_weekend_is_no_due_day_and_the_yes_after_it_is_the_task_asked():
    said = [("黃太", "阿傑，你同場地 confirm 禮堂同課室都留住。"), ("Marco Lee 李文傑", "場地職員禮拜六日唔返，我聽日搞掂。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-05")] and "confirm" in items[0][1]


def test_a_draft_to_check_by_one_day_and_the_hand_in_by_another_are_two_tasks():
    items = _items([("黃太", "阿傑，整好份標書，十二號之前俾我睇，十三號交俾政府。")], date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-12"), ("Marco Lee 李文傑", "2026-03-13")]
    assert "政府" in items[1][1]
    # guard: a hand-in said after undated work is still the one task
    assert [d for _, _, d in _items([("黃太", "阿傑，整好份標書，十三號之前交俾政府。")], date="2026-03-04")] == ["2026-03-13"]


def test_a_request_said_with_what_to_use_and_a_review_that_said_something_is_what_is_answered():
    said = [("Ivy Chan 陳詩韻", "Google Maps 上面有個 review 話我哋啲侍應好慢。"),
            ("黃太", "你用公司個 account 覆一覆佢，話我哋已經加咗人手。")]
    items = _items(said, date="2026-03-04")
    assert [o for o, _, _ in items] == ["Ivy Chan 陳詩韻"] and "review" in items[0][1] and "佢" not in items[0][1].split("，")[0]
    # guard: a question about what was spent is no request
    assert _items([("Ivy Chan 陳詩韻", "部咖啡機壞咗。"), ("黃太", "你用咗幾多錢整部咖啡機？")], date="2026-03-04") == []


def test_the_speakers_own_zone_then_the_same_time_plainer_is_the_speakers_commitment():
    said = [("Priya Shah", "份 contract 差唔多 ready，我 London 時間今日收工前，即係五點之前 send 咗佢。")]
    items = _items(said, date="2026-01-14")  # Priya is in London: 17:00 GMT is 01:00 the next day in Hong Kong
    assert items == [("Priya Shah", "send contract", "2026-01-15T01:00:00+08:00")]


def test_a_yes_then_a_name_and_a_verb_gives_that_person_the_work_just_asked():
    said = [("黃太", "阿傑，週年晚宴你負責得唔得？"), ("Marco Lee 李文傑", "可以，不過場地要 Ivy 幫手。"),
            ("黃太", "OK，阿傑統籌，月尾前搞掂；Ivy 禮拜五前 book 好場地。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-31"), ("Ivy Chan 陳詩韻", "2026-03-06")]
    assert "晚宴" in items[0][1]


def test_opening_hours_a_point_raised_and_a_decision_after_a_request_are_no_work():
    said = [("Ivy Chan 陳詩韻", "我問過印刷廠，佢哋禮拜六開到中午十二點。")]
    assert _items(said, date="2026-03-04") == []
    said = [("Marco Lee 李文傑", "黃太，我都講埋，供應商話下個禮拜啲貨會遲兩日。")]
    assert _items(said, date="2026-03-04") == []
    said = [("黃太", "阿傑，你搵多兩個散工，人工照計。禮拜六朝早八點搬倉，就咁定。"), ("Marco Lee 李文傑", "好，我聽日收工前搵齊人。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-05")] and "搬倉" not in items[0][1]
    # guard: a sentence going on with the work is still part of it
    said = [("黃太", "阿傑，你搵多兩個散工。禮拜五前搵齊。")]
    assert [d for _, _, d in _items(said, date="2026-03-04")] == ["2026-03-06"]


def test_pressing_somebody_is_done_to_a_person_not_to_what_was_put_off():
    said = [("黃太", "咁……好啦，唔換住。阿傑，你逼實佢，叫佢最遲禮拜五送到。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-06")] and "換" not in items[0][1]


def test_a_thing_named_between_two_owners_is_the_second_ones_and_a_tours_day_is_no_due_day():
    said = [("黃太", "阿傑，十五號嗰團嘅行程表你改好 send 俾 Ivy，poster 就 Ivy 你整，放埋上網。"),
            ("Marco Lee 李文傑", "行程表我聽日 send 俾佢。"), ("Ivy Chan 陳詩韻", "Poster 我禮拜五之前整好放上網。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-05"), ("Ivy Chan 陳詩韻", "2026-03-06")]
    assert "行程表" in items[0][1] and "poster" in items[1][1].casefold()
    assert "poster" not in items[0][1].casefold()


def test_sent_to_him_after_a_request_naming_the_recipient_is_sent_to_that_person():
    said = [("黃太", "阿傑，行程表你禮拜五前改好 send 俾 Ivy。"), ("Marco Lee 李文傑", "初稿我聽日 send 俾佢先。")]
    assert ("Marco Lee 李文傑", "send 初稿俾 Ivy", "2026-03-05") in _items(said, date="2026-03-04")


def test_sending_to_them_answers_the_sending_asked_to_a_person_off_the_list():
    said = [("黃太", "阿傑，你 send 三款地板樣辦俾何太揀，叫佢禮拜五之前覆。"), ("Marco Lee 李文傑", "好，我聽朝十點前 send 俾佢。")]
    items = _items(said, date="2026-03-04")
    assert len(items) == 1 and items[0][0] == "Marco Lee 李文傑" and "地板樣辦" in items[0][1] and "何太" in items[0][1]


def test_a_team_said_as_we_after_a_yes_with_a_day_is_the_speakers():
    said = [("Priya Shah", "我禮拜四 send invoice 俾阿傑。"),
            ("Marco Lee 李文傑", "好，咁我哋禮拜五收到就即日找數，同埋 book 埋報關行。")]
    items = _items(said, date="2026-03-04")
    assert [o for o, _, _ in items].count("Marco Lee 李文傑") == 2


def test_what_does_not_fit_or_cannot_be_reached_in_time_is_no_work():
    said = [("Ivy Chan 陳詩韻", "黃太，禮拜六嗰個講座報咗四十個人，會議室坐唔落。")]
    assert _items(said, date="2026-03-04") == []
    said = [("黃太", "阿傑，禮拜五朝早九點前你送得唔得份合約去中環？"),
            ("Marco Lee 李文傑", "禮拜五朝早我要送貨去葵涌倉，九點前返唔到中環喎。")]
    items = _items(said, date="2026-03-04")  # turned down: nobody's until somebody takes it
    assert [o for o, _, _ in items] == [None] and all("葵涌" not in t for _, t, _ in items)


def test_a_recap_naming_a_task_in_a_word_is_that_task():
    said = [("黃太", "阿傑，你今日下晝四點前打去貨車公司，book 兩架貨車。"), ("Marco Lee 李文傑", "好。"),
            ("黃太", "好，總結下：阿傑四點前 book 車，Ivy 聽日交報告。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items if o == "Marco Lee 李文傑"] == [("Marco Lee 李文傑", "2026-03-04T16:00:00+08:00")]


def test_a_number_handed_over_as_asked_and_waiting_until_talked_are_no_work_left():
    said = [("Ivy Chan 陳詩韻", "阿傑，貨車公司個電話俾我。"), ("Marco Lee 李文傑", "我而家 send 咗俾你喇。")]
    assert _items(said, date="2026-03-04") == []
    said = [("Ivy Chan 陳詩韻", "佢哋上個月張 invoice 我哋都未找。"),
            ("黃太", "Ivy，咁張 invoice 你暫時唔好過數住，等我同佢傾完先。")]
    assert _items(said, date="2026-03-04") == []
    # guard: 「等我…」 as "let me" is still the speaker's work
    assert [o for o, _, _ in _items([("黃太", "阿傑，等我 send 份報價俾你先。")], date="2026-03-04")] == ["黃太"]


def test_what_to_do_while_doing_the_task_just_taken_is_how_not_another_task():
    said = [("Marco Lee 李文傑", "供應商話要加價。"), ("黃太", "唔得，張 PO 寫明咗價錢。咁啦，我今日收工前自己打俾佢哋老闆傾。"),
            ("Ivy Chan 陳詩韻", "黃太，順帶一提，佢哋上個月張 invoice 我哋都未找，仲有四萬幾。你傾嘅時候可以攞嚟講吓。")]
    assert [o for o, _, _ in _items(said, date="2026-03-04")] == ["黃太"]


def test_a_title_before_the_week_after_next_and_translating_as_the_speakers_own_work():
    said = [("Ivy Chan 陳詩韻", "冇問題，李sir 下下個禮拜一 send 英文版俾我，我下下個禮拜三前譯好中文版。")]
    items = _items(said, date="2026-03-04", attendees=ATTENDEES + [{"name": "李國強", "aliases": ["李sir"]}])
    assert ("李國強", "2026-03-16") in [(o, d) for o, _, d in items]
    assert ("Ivy Chan 陳詩韻", "2026-03-18") in [(o, d) for o, _, d in items]


def test_a_check_done_too_and_finishing_before_leaving_are_no_new_work():
    said = [("Marco Lee 李文傑", "嗰三個同事我已經即日 reset 咗 password，亦都 scan 過佢哋部機，冇中毒。")]
    assert _items(said, date="2026-03-04") == []
    said = [("黃太", "阿傑，你今晚八點前寫好份 incident report send 俾我。"), ("Marco Lee 李文傑", "今晚八點前……OK，我寫完先走。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-04")] == [("Marco Lee 李文傑", "2026-03-04T20:00:00+08:00")]


def test_why_this_person_is_no_part_of_the_work_handed_on():
    said = [("黃太", "橫額原本阿傑負責，不過阿傑要跟 server，改由 Ivy 跟啦，你揸車去印刷廠方便。Ivy，今個禮拜五之前攞齊兩條橫額。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-06")] and "方便" not in items[0][1]


def test_taking_the_day_asked_then_a_sooner_first_step_keeps_the_day_asked():
    said = [("黃太", "阿傑，你今個禮拜五之前買齊八十份禮物包。"), ("Marco Lee 李文傑", "禮拜五冇問題，我聽日收工就去深水埗買。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-04")] == [("Marco Lee 李文傑", "2026-03-06")]


def test_a_holiday_worked_out_then_yes_is_no_refusal():
    said = [("黃太", "Ivy，你三個工作天內更新好風險評估。"), ("Ivy Chan 陳詩韻", "三個工作天……禮拜五放假，即係下個禮拜二。冇問題。")]
    assert [o for o, _, _ in _items(said, date="2026-04-01")] == ["Ivy Chan 陳詩韻"]


def test_opening_closing_and_thanks_for_what_came_are_no_work():
    said = [("黃太", "Good afternoon 各位，我哋開始。"), ("黃太", "好，今日就咁多，大家開舖啦。"),
            ("黃太", "阿傑，上個月嘅出席紀錄收到喇，唔該。")]
    assert _items(said, date="2026-03-04") == []


def test_a_count_of_the_thing_just_handed_over_names_it_and_an_event_moved_is_a_decision():
    said = [("黃太", "宣傳單張原本係 Ivy 跟，不過 Ivy 要搞展覽，改由阿傑跟啦。阿傑，禮拜五之前印好五百張，分去四間舖。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-06")] and "宣傳單" in items[0][1]
    extracted = _extract([("黃太", "所以周年晚宴，我決定改喺四月六號禮拜一晚搞。")], date="2026-03-04")
    assert extracted["action_items"] == [] and len(extracted["decisions"]) == 1


def test_a_quoted_sign_keeps_both_quote_marks():
    [(owner, task, _)] = _items([("黃太", "阿傑，你喺門口貼張「維修中」。")], date="2026-03-04")
    assert owner == "Marco Lee 李文傑" and task.endswith("「維修中」")


def test_a_sentence_on_another_thing_after_a_request_is_a_task_of_its_own_with_the_day_answered():
    said = [("黃太", "阿傑，你即刻同供應商落 order 啦。未到貨之前部影印機貼張告示，唔好俾同事用住先。"),
            ("Marco Lee 李文傑", "明白，張告示我開完會即刻貼。Order 我聽日落。")]
    items = _items(said, date="2026-03-04")
    assert sorted(d for _, _, d in items) == ["2026-03-04", "2026-03-05"]
    posted = next(t for _, t, d in items if d == "2026-03-04")
    assert "貼" in posted and "影印機" in posted and "未到貨" not in posted and "唔好" not in posted


def test_closing_the_meeting_and_news_of_a_decision_made_above_are_no_decisions():
    said = [("黃太", "書展攤位呢樣遲啲再講，下次再傾。"), ("黃太", "好，今日就講到呢度，辛苦晒大家。")]
    assert _extract(said, date="2026-03-04")["decisions"] == []
    said = [("黃太", "總部決定咗下個月開始全公司轉用新 email 系統。阿傑，你禮拜五前列出我哋要轉嘅戶口。")]
    extracted = _extract(said, date="2026-03-04")
    assert extracted["decisions"] == [] and [a["owner"] for a in extracted["action_items"]] == ["Marco Lee 李文傑"]
    said = [("Ivy Chan 陳詩韻", "嗰日係咪照平時嘅更？"), ("黃太", "係，照舊。冇其他嘢就散會，多謝大家。")]
    assert all("散會" not in d["text"] for d in _extract(said, date="2026-03-04")["decisions"])


def test_a_thing_lost_or_not_yet_settled_is_no_decision():
    said = [("Ivy Chan 陳詩韻", "倉務話有一箱貨唔見喇，價值幾萬蚊。"), ("Marco Lee 李文傑", "場地我仲冇同酒店落實。")]
    assert _extract(said, date="2026-03-04")["decisions"] == []


def test_a_fault_reported_and_holding_off_as_asked_are_no_work():
    said = [("Ivy Chan 陳詩韻", "黃太，仲有，茶水間部雪櫃又開始漏水。")]
    assert _items(said, date="2026-03-04") == []
    said = [("黃太", "阿傑，嗰張 invoice 你暫時唔好過數住，等我同供應商傾完先。"), ("Marco Lee 李文傑", "明白，我 hold 住先。")]
    extracted = _extract(said, date="2026-03-04")
    assert extracted["action_items"] == [] and all("hold" not in d["text"] for d in extracted["decisions"])


def test_when_said_after_a_reason_is_the_time_of_the_task_before():
    said = [("Ivy Chan 陳詩韻", "收到之後我同客傾，爭取禮拜六之前 confirm 款式。"),
            ("Marco Lee 李文傑", "佢一揀好我就落單，不過花墟清明休息，最快八號開工第一時間落。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-04-01")] == [
        ("Ivy Chan 陳詩韻", "2026-04-04"), ("Marco Lee 李文傑", "2026-04-08")]


def test_a_later_day_asked_back_after_a_reason_is_no_task_of_the_asker():
    said = [("黃太", "阿傑，禮拜五前裝好十部新電腦。"),
            ("Marco Lee 李文傑", "禮拜五有啲趕，server 嗰單都未知搞幾耐。下個禮拜一朝早十點前裝好得唔得？"),
            ("黃太", "好，最遲十點。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-04")] == [("Marco Lee 李文傑", "2026-03-09T10:00:00+08:00")]


def test_it_of_a_thing_nearly_ready_in_another_persons_turn_is_that_thing():
    said = [("黃太", "阿傑？"), ("Marco Lee 李文傑", "份 proposal 差唔多 ready，我今晚八點前 send 咗佢。"),
            ("Ivy Chan 陳詩韻", "OK，咁我聽朝返到公司 check 埋佢。")]
    items = {o: (t, d) for o, t, d in _items(said, date="2026-03-04")}
    assert items["Ivy Chan 陳詩韻"] == ("check proposal", "2026-03-05")


def test_work_both_must_do_goes_to_each_part_and_a_part_handed_on_together_moves():
    said = [("黃太", "Ivy，一樓到三樓你負責；阿傑，四樓到六樓你負責，兩個都要喺禮拜五之前換晒啲滅火筒。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-06"), ("Marco Lee 李文傑", "2026-03-06")]
    assert all("滅火筒" in t for _, t, _ in items) and "一樓到三樓" in items[0][1] and "四樓到六樓" in items[1][1]
    said.append(("黃太", "咁好啦，四樓到六樓嗰啲改由 Ivy 一齊跟，阿傑你專心搞好個 server 先。"))
    assert [o for o, _, _ in _items(said, date="2026-03-04")] == ["Ivy Chan 陳詩韻", "Ivy Chan 陳詩韻"]


def test_where_the_owner_will_do_it_is_no_second_task_and_the_askers_hour_stands():
    said = [("黃太", "阿傑，啲新同事嘅安全帽你自己負責買，聽朝八點前要派晒。"), ("Marco Lee 李文傑", "唉，好啦，我今晚去旺角買。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-05T08:00:00+08:00")] and "安全帽" in items[0][1]


def test_whose_thing_it_is_names_no_owner():
    for said in ("阿傑，我嘅出差申請你跟，禮拜五前交俾 HR。", "阿傑，我同 Ivy 嘅出差申請你跟進，禮拜五前交俾 HR。",
                 "阿傑，Ivy 同我嘅出差申請你跟，禮拜五前交俾 HR。"):
        [(owner, task, deadline)] = _items([("黃太", said)], date="2026-03-04")
        assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-06") and "黃太" in task and "出差申請" in task


def test_what_i_decide_a_past_request_a_reminder_and_what_one_cannot_manage_are_no_work():
    said = [("Ivy Chan 陳詩韻", "好多同事想請禮拜五嗰日假。"), ("黃太", "我決定禮拜五照開，不過大家可以 work from home。"),
            ("Ivy Chan 陳詩韻", "黃太，內聯網啲舊通告已經過咗期，你上次叫我執。"),
            ("Priya Shah", "之後同香港淨係差七個鐘，大家約 call 記住。"), ("黃太", "阿傑，你一個人做唔嚟，改由 Ivy 跟吧。")]
    extracted = _extract(said, date="2026-03-04")
    assert [d["text"] for d in extracted["decisions"]] == ["我決定禮拜五照開"]
    assert all(a["owner"] != "黃太" and "記" not in a["task"] and "上次" not in a["task"] for a in extracted["action_items"])


def test_my_side_with_a_clock_is_the_speakers_zone_and_done_by_a_limit_is_still_to_do():
    said = [("Priya Shah", "阿傑，你下個禮拜一我呢邊朝早九點前 email 份 server list 俾我得唔得？"), ("Marco Lee 李文傑", "得。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-09T17:00:00+08:00") and "Priya" in task
    said = [("黃太", "Ivy，咁你五個工作天內交咗續牌申請，文件唔夠就話我知。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, task, deadline) == ("Ivy Chan 陳詩韻", "交續牌申請", "2026-03-11")  # what to do if it goes wrong is no part


def test_asr_text_spaced_at_its_pauses_is_read_clause_by_clause():
    said = [("黃太", "好 大家早晨 我們開始吧 下個星期一就是清明 那個長週末客人会好多 阿傑你先講一下倉那边")]
    extracted = _extract(said, date="2026-03-31")
    assert extracted["action_items"] == [] and extracted["decisions"] == []


def test_why_the_day_asked_cannot_be_kept_is_no_decision():
    said = [("黃太", "阿傑，咁你下個禮拜一前整好部影印機。"), ("Marco Lee 李文傑", "黃太，下個禮拜一係復活節星期一喎，我哋唔開工。禮拜六收工前搞掂佢啦。")]
    extracted = _extract(said, date="2026-03-31")
    assert extracted["decisions"] == [] and [a["owner"] for a in extracted["action_items"]] == ["Marco Lee 李文傑"]


def test_doing_some_of_the_counted_things_tonight_and_the_rest_later_are_steps_of_the_task():
    said = [("黃太", "阿傑，咁你聽朝八點前換晒三部電腦嘅 RAM。"),
            ("Marco Lee 李文傑", "八點有啲趕，我今晚做埋兩部，聽朝七點返嚟做埋最後一部，八點前搞掂。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-04")] == [("Marco Lee 李文傑", "2026-03-05T08:00:00+08:00")]


def test_someone_found_after_a_handover_is_the_new_owners_to_arrange_for_the_thing_handed():
    said = [("Ivy Chan 陳詩韻", "黃太，茶水間部抽油煙機好耐冇洗，啲油積到好厚。"),
            ("黃太", "抽油煙機原本係阿傑跟，阿傑而家頂住個 server 搬遷，改由 Ivy 你跟。下下個禮拜一前搵人嚟洗。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-16") and "抽油煙機" in task and "洗" in task and "server" not in task


def test_in_asr_text_spaced_at_pauses_a_misheard_name_is_called_and_what_i_decide_is_a_decision():
    attendees = ATTENDEES + [{"name": "周家寶", "aliases": ["阿寶"]}]
    said = [("黃太", "聖誕那幾天客人會好多 我決定 二十三號到二十七號 每天加開一更"),
            ("黃太", "那你找其他分店借人 阿保 三個工作天內交聖誕的加班更表給我")]
    extracted = _extract(said, date="2026-12-14", attendees=attendees)
    assert [(a["owner"], a["deadline"]) for a in extracted["action_items"]] == [("周家寶", "2026-12-17")]
    assert "更表" in extracted["action_items"][0]["task"] and len(extracted["decisions"]) == 1


def test_a_day_asked_back_in_a_sentence_of_its_own_keeps_the_task_and_an_offer_to_take_another_thing_moves_only_that():
    said = [("黃太", "Ivy，你今個禮拜五前印好新嘅防騙海報，貼喺大堂。"),
            ("Ivy Chan 陳詩韻", "禮拜五我全日喺展覽幫手，應該冇時間。下個禮拜二開工第一日先貼得唔得？"),
            ("黃太", "都得，下個禮拜二啦。"),
            ("Marco Lee 李文傑", "另外，續約通知信原本 Ivy 跟，但 Ivy 要搞展覽，不如我接手。"),
            ("黃太", "好，改由阿傑跟。月尾之前要寄晒。")]
    items = _items(said, date="2026-03-04")
    assert ("Ivy Chan 陳詩韻", "2026-03-10") in [(o, d) for o, _, d in items]
    assert ("Marco Lee 李文傑", "2026-03-31") in [(o, d) for o, _, d in items]
    assert all("通知信" in t for o, t, _ in items if o == "Marco Lee 李文傑")


def test_telling_people_while_at_it_is_a_task_of_that_day_and_the_day_it_tells_is_the_news():
    said = [("黃太", "阿傑，你聽日 check 晒所有部 printer，順便同前台同事講清楚禮拜五只收預約呢個安排。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-05"), ("Marco Lee 李文傑", "2026-03-05")]
    assert "講清楚" in items[1][1]


def test_a_partys_question_or_rule_told_to_the_lead_is_news_and_work_passed_on_is_the_new_owners():
    said = [("Ivy Chan 陳詩韻", "黃太，倉嗰邊業主問可唔可以下個月開始禮拜日開工。")]
    assert _items(said, date="2026-03-04") == []
    said = [("Ivy Chan 陳詩韻", "黃太，報關嗰邊，嗰批樣板要出口報關，海關要三個工作天內交齊文件。"),
            ("黃太", "阿傑，咁你三個工作天內交齊嗰批樣板嘅報關文件。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-04")] == [("Marco Lee 李文傑", "2026-03-09")]


def test_a_mock_exam_is_no_drafting():
    assert _items([("Ivy Chan 陳詩韻", "黃太，模擬試嗰日三班，課室得兩間，唔夠用。")], date="2026-03-04") == []
    assert [o for o, _, _ in _items([("黃太", "Ivy，你聽日擬封道歉信俾客。")], date="2026-03-04")] == ["Ivy Chan 陳詩韻"]


def test_a_day_said_to_all_after_thanks_is_their_task_and_a_day_granted_keeps_the_hour_asked():
    said = [("Priya Shah", "London 時間禮拜四下晝五點前我會 send UK 嘅 pricing 俾大家。"),
            ("黃太", "唔該 Priya。大家記得禮拜三前填埋個 survey。")]
    items = _items(said, date="2026-03-10")
    assert [(o, d) for o, _, d in items] == [("Priya Shah", "2026-03-13T01:00:00+08:00"), (None, "2026-03-11")]
    said = [("黃太", "Ivy，你禮拜五前出份 launch plan 俾我。"), ("Ivy Chan 陳詩韻", "下個禮拜一中午十二點前得唔得？"),
            ("黃太", "OK，就禮拜一。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-10")] == [("Ivy Chan 陳詩韻", "2026-03-16T12:00:00+08:00")]


def test_a_handover_that_names_its_thing_first_moves_only_that_thing():
    said = [("黃太", "Ivy，你聽朝十點前影印好三十份 agenda，同埋執好會議室。"), ("Ivy Chan 陳詩韻", "OK。"),
            ("黃太", "仲有展覽嘅當值更表，原本 Ivy 跟，不過 Ivy 要準備展覽，改由阿傑跟。阿傑，下個禮拜三前排好。")]
    items = _items(said, date="2026-03-04")
    assert [o for o, t, _ in items if "agenda" in t or "會議室" in t] == ["Ivy Chan 陳詩韻"] * 2
    assert [(o, d) for o, t, d in items if "更表" in t] == [("Marco Lee 李文傑", "2026-03-11")]


def test_a_grudging_yes_takes_the_day_offered_and_an_emojis_leftover_mark_breaks_no_name():
    for yes in ("咁都得。", "勉強啦，咁就禮拜五。"):
        said = [("黃太", "Priya，聽日交份 budget 俾我。"), ("Priya Shah", "聽日趕唔切。禮拜五得唔得？"), ("黃太", yes)]
        assert [(o, d) for o, _, d in _items(said, date="2026-03-04")] == [("Priya Shah", "2026-03-06")]
    said = [("黃太", "Ivy❤️，你聽日覆個客☺️。"), ("黃太", "阿傑✔️ 你禮拜五前交份報價。")]
    assert _items(said, date="2026-03-04") == [("Ivy Chan 陳詩韻", "覆客", "2026-03-05"), ("Marco Lee 李文傑", "交報價", "2026-03-06")]


def test_a_second_thing_that_finds_out_a_number_is_still_asked_of_the_one_called():
    said = [("黃太", "Ivy，你下個禮拜五前準備好報價單同樣板，同埋 email 個客 confirm 要幾多件。"), ("Ivy Chan 陳詩韻", "下個禮拜五，OK。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")] * 2
    assert "報價單" in items[0][1] and "幾多件" in items[1][1]


def test_getting_somebody_to_help_is_no_self_introduction():
    people = [Person("Ken Wong", aliases=("Ken",)), Person("Ah Yin", aliases=("阿然",)), Person("Mandy")]
    turns = [("S1", "Ken，你今日放工前執好貨倉嗰堆紙箱。"), ("S2", "收到，紙箱我叫阿然幫手，今日搞掂。"), ("S3", "係我整污糟嘅。")]
    assert name_speakers(turns, people).get("S2") == "Ken Wong"
    assert name_speakers([("S1", "大家好，我叫阿然，係新嚟嘅。"), ("S2", "歡迎。")], people) == {"S1": "Ah Yin"}


def test_the_same_day_said_back_without_a_clock_keeps_the_hour_asked():
    said = [("黃太", "阿傑，你今日放工前執好貨倉嗰堆紙箱，同埋聽朝十點前打俾冷氣公司，叫佢哋派人嚟整部冷氣。"),
            ("Marco Lee 李文傑", "收到，紙箱我叫阿然幫手，今日搞掂；冷氣公司我聽朝一返工就打。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-04")] \
        == [("Marco Lee 李文傑", "2026-03-04"), ("Marco Lee 李文傑", "2026-03-05T10:00:00+08:00")]


def test_an_owner_restating_a_haggled_number_with_a_day_words_the_task():
    said = [("Ivy Chan 陳詩韻", "黃太，下個月展覽嗰幾日要加人，我想請八個臨時工。"), ("黃太", "八個太多，請五個，唔夠再話我知。"),
            ("Ivy Chan 陳詩韻", "好，五個。咁我嚟搞，禮拜五之前搵齊五個臨時工，排好佢哋嘅更。"), ("黃太", "好，Ivy 跟。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-06") and "五個" in task and "八個" not in task


def test_a_thing_described_by_what_happened_to_it_is_still_work_to_do():
    said = [("黃太", "阿傑，你下個禮拜三前更新晒系統入面過咗期嘅客戶紀錄。"), ("Marco Lee 李文傑", "好。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-11") and "客戶紀錄" in task


def test_a_handover_of_work_another_had_moves_nothing_just_taken_by_somebody_else():
    said = [("Ivy Chan 陳詩韻", "我想下個月搞個客戶講座，我嚟搞，月尾前 book 好場地。"), ("黃太", "好，Ivy 跟。"),
            ("Priya Shah", "黃太，原本阿傑負責每個禮拜更新客戶紀錄，不過阿傑而家跟新客好忙。"), ("黃太", "咁改由 Priya 跟啦。"),
            ("Priya Shah", "冇問題。")]
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, t, d in items if "場地" in t] == [("Ivy Chan 陳詩韻", "2026-03-31")]
    assert [o for o, t, _ in items if "客戶紀錄" in t] == ["Priya Shah"]
    said[3] = ("黃太", "咁改由 Priya 跟。Priya，你下個禮拜三前更新晒客戶紀錄。")
    items = _items(said, date="2026-03-04")
    assert [(o, d) for o, t, d in items if "客戶紀錄" in t] == [("Priya Shah", "2026-03-11")]


def test_who_the_asker_hands_the_work_on_to_is_why_it_is_asked():
    said = [("黃太", "Ivy，你下個禮拜五前寫好上個月嘅銷售報告，我要交俾總公司。"), ("Ivy Chan 陳詩韻", "冇問題。")]
    assert [o for o, _, _ in _items(said, date="2026-03-04")] == ["Ivy Chan 陳詩韻"]


def test_how_easy_the_tool_is_says_what_the_pronoun_means():
    said = [("黃太", "財務部想用網上收報銷單，唔想用紙。阿傑，你做唔做到？"),
            ("Marco Lee 李文傑", "可以，用 Google Form 好簡單，我今晚十點前整好佢，send 俾 Ivy。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-04T22:00:00+08:00")
    assert "Google Form" in task and "簡單" not in task and "Ivy" in task


def test_can_you_do_it_takes_the_words_of_the_answer():
    said = [("Ivy Chan 陳詩韻", "还有一件事 財務部他們想用網上收報銷單 不想用紙"), ("黃太", "阿傑 你可以做嗎"),
            ("Marco Lee 李文傑", "可以 我今晚十點前整好個網上表格 send 給Ivy")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-04T22:00:00+08:00") and "表格" in task and "嗎" not in task


def test_a_place_in_a_remote_time_is_no_verb_said_as_done_and_a_clock_explained_is_no_thing():
    said = [("黃太", "Priya，倫敦有個新同事要用香港嘅 CRM，你下個禮拜一倫敦時間朝早九點之前開好佢嘅戶口。"),
            ("Priya Shah", "下個禮拜一倫敦已經轉咗冬令時間，九點即係香港下晝五點。冇問題，我禮拜一做好。")]
    items = _items(said, date="2026-10-21")
    assert [(o, d) for o, _, d in items] == [("Priya Shah", "2026-10-26T17:00:00+08:00")] and "戶口" in items[0][1]
    said = [("黃太", "Priya，你下個禮拜一紐約時間下晝五點之前開好新同事嘅戶口。"), ("Priya Shah", "紐約已經轉咗冬令時間。")]
    assert [(o, d) for o, _, d in _items(said, date="2035-10-31")] == [("Priya Shah", "2035-11-06T06:00:00+08:00")]


def test_a_city_said_right_before_a_time_of_day_is_that_citys_clock():
    said = [("黃太", "Priya，份 UK 嘅 pricing，麻煩你下個禮拜一倫敦朝早十點前 send 晒俾我。"),
            ("Priya Shah", "到禮拜一倫敦就慢香港八個鐘，十點即係香港下晝六點。冇問題，我一定 send 到。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, deadline) == ("Priya Shah", "2026-03-09T18:00:00+08:00")
    assert task == "send 晒 UK 嘅 pricing 俾黃太"
    assert [d for _, _, d in _items([("黃太", "Ivy，你聽日 Sydney 5pm 前 call 返個客。")], date="2026-03-04")] \
        == ["2026-03-05T14:00:00+08:00"]


def test_a_thing_said_before_a_request_that_only_names_who_gets_it_is_what_is_sent():
    said = [("Priya Shah", "阿傑，新同事嘅入職文件，麻煩你禮拜五前 send 晒俾我。"), ("Marco Lee 李文傑", "好。")]
    assert _items(said, date="2026-03-04") == [("Marco Lee 李文傑", "send 晒新同事嘅入職文件俾 Priya", "2026-03-06")]


def test_a_case_inside_what_is_to_be_found_out_is_part_of_the_task():
    for ask in ("問清楚落雨嘅話室內宴會廳仲有冇得用", "問清楚如果落雨有冇後備場地"):
        said = [("黃太", f"阿傑，你今日之內打俾酒店，{ask}。"), ("Marco Lee 李文傑", "好，我開完會即刻打。")]
        [(owner, task, deadline)] = _items(said, date="2026-03-04")
        assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-04") and "落雨" in task and "酒店" in task
    assert _items([("黃太", "大家記住，遲到嘅話要扣錢。")], date="2026-03-04") == []


def test_when_somebody_already_hired_starts_is_news():
    said = [("黃太", "發佈日期係八月二十號，設計七月尾就要開始做。"), ("Ivy Chan 陳詩韻", "設計師我已經約好，七月三十號開工。"),
            ("黃太", "好。")]
    assert _items(said, date="2026-07-03") == []


def test_a_verb_made_of_two_verbs_with_nothing_after_it_leans_on_the_turn_before():
    assert leans_on_context("補交晒") and not leans_on_context("訂房")


def test_nothing_to_add_is_nobody_taking_work():
    said = [("黃太", "聽落好齊。仲有冇人有嘢補充？"), ("Ivy Chan 陳詩韻", "冇喇。"), ("Marco Lee 李文傑", "我都冇。"),
            ("黃太", "好，散會。")]
    assert _items(said, date="2026-03-04") == []


def test_a_second_thing_joined_by_and_shares_the_day_said_for_the_first():
    said = [("黃太", "Ken，聽日下晝四點前，你 send 份報價俾我，同埋幫我 check 吓啲型號啱唔啱，上次錯咗一個。"),
            ("Ken Wong", "冇問題，聽日四點前兩樣都搞掂。")]
    people = ATTENDEES + [{"name": "Ken Wong", "aliases": ["Ken"]}]
    items = _items(said, date="2026-03-04", attendees=people)
    assert [(o, d) for o, _, d in items] == [("Ken Wong", "2026-03-05T16:00:00+08:00")] * 2 and "型號" in items[1][1]
    said = [("黃太", "Ken，你聽日 send 份報價俾我，同埋下個禮拜一前 check 晒啲型號。"), ("Ken Wong", "好。")]
    assert [d for _, _, d in _items(said, date="2026-03-04", attendees=people)] == ["2026-03-05", "2026-03-09"]


def test_a_yes_then_the_work_without_a_subject_is_the_answerers_with_its_day():
    said = [("黃太", "Ivy，你跟實張單。"), ("Ivy Chan 陳詩韻", "明白，季尾前追個客簽返張單。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-18")] == [("Ivy Chan 陳詩韻", "2026-03-31")]


def test_a_thing_that_must_be_done_is_what_the_pronoun_after_it_means():
    said = [("黃太", "嗰張單一定要季尾前簽返，如果唔係就計落下季。Ivy，你跟實佢。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-18")
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-31") and "單" in task and "簽返" not in task


def test_a_problem_is_no_asking_and_the_one_i_do_said_first_is_the_thing():
    said = [("Marco Lee 李文傑", "比較表我已經 email 咗俾 Ivy。"), ("Ivy Chan 陳詩韻", "收到，我睇過，冇問題。")]
    assert _items(said, date="2026-03-04") == []
    said = [("Ivy Chan 陳詩韻", "新聞稿我嚟做，禮拜五前出。"), ("黃太", "好。")]
    assert _items(said, date="2026-03-04") == [("Ivy Chan 陳詩韻", "出新聞稿", "2026-03-06")]


def test_questions_listed_after_a_verb_of_asking_are_what_is_asked():
    said = [("黃太", "阿傑，你聽朝十點前打俾洗衣房問清楚點解少咗，仲欠幾多，幾時補。"), ("Marco Lee 李文傑", "好，我聽朝一返工就打。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-05T10:00:00+08:00")
    assert "洗衣房" in task and "幾多" in task and "幾時補" in task


def test_how_easy_a_part_is_is_no_part_of_the_work():
    said = [("Ivy Chan 陳詩韻", "報告其他部分我寫，第一部分嗰啲問題比較簡單，我下個禮拜五之前寫好初稿。"), ("黃太", "好。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04")
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13") and "初稿" in task and "簡單" not in task


def test_a_particle_a_shop_or_an_object_named_like_a_city_is_no_clock():
    for said, due in (("Ivy，你快啲 la 五點前 send 份 quotation 俾我。", "2026-03-04T17:00:00+08:00"),
                      ("Ivy，你聽日去 Pacific Place 3pm 前攞返啲貨。", "2026-03-05T15:00:00+08:00"),
                      ("Ivy，聽日喺倫敦酒樓下晝三點前訂位。", "2026-03-05T15:00:00+08:00"),
                      ("Ivy，去完日本城聽日三點前交單。", "2026-03-05T15:00:00+08:00"),
                      ("Ivy，你聽日三點前打俾東京。", "2026-03-05T15:00:00+08:00")):
        assert [d for _, _, d in _items([("黃太", said)], date="2026-03-04")] == [due], said
    [(_, task, due)] = _items([("黃太", "Ivy，你打俾東京三點前。")], date="2026-03-04")
    assert "東京" in task and due == "2026-03-04T15:00:00+08:00"


def test_a_year_word_before_a_month_reads_it_in_next_year():
    for said, due in (("Ivy，出年三月前交年度計劃。", "2027-02-28"), ("Ivy，明年年尾之前搞掂新網站。", "2027-12-31"),
                      ("Ivy，下年尾前更新合約範本。", "2027-12-31"), ("Ivy，三月尾前交年度計劃。", "2026-03-31")):
        assert [d for _, _, d in _items([("黃太", said)], date="2026-03-18")] == [due], said


def test_next_quarters_end_is_the_end_of_the_quarter_after_this_one():
    for said, due in (("Ivy，下個季尾前交銷售報告。", "2026-06-30"), ("Ivy，季尾前交銷售報告。", "2026-03-31")):
        assert [d for _, _, d in _items([("黃太", said)], date="2026-03-18")] == [due], said
    assert [d for _, _, d in _items([("黃太", "Ivy，下個季尾前交銷售報告。")], date="2026-11-18")] == ["2027-03-31"]


def test_a_yes_then_another_matter_gives_the_request_no_day_of_its_own():
    said = [("黃太", "好。Ivy，今年全年嘅應收帳，年尾之前要整理好。"),
            ("Ivy Chan 陳詩韻", "明白。另外黃太，十二月份嘅糧單我今晚八點前 send 俾你 approve，好唔好？"),
            ("黃太", "好，今晚我會睇。")]
    items = {t: d for _, t, d in _items(said, date="2026-12-16")}
    assert items[next(t for t in items if "應收帳" in t)] == "2026-12-31"
    assert items[next(t for t in items if "糧單" in t)] == "2026-12-16T20:00:00+08:00"
    assert len(items) == 2  # 「好，今晚我會睇」: reading what one is sent is no item of its own


def test_what_the_reply_brought_up_does_not_move_the_day_asked_before():
    said = [("黃太", "Ivy，推廣計劃三個工作天內出俾客。"),
            ("Ivy Chan 陳詩韻", "好。另外舊年嗰個客仲有筆數未找。"),
            ("黃太", "嗯，呢筆好重要，年尾之前一定要收埋。")]
    items = _items(said, date="2026-11-04")
    assert ("Ivy Chan 陳詩韻", "2026-11-09") in [(o, d) for o, t, d in items if "推廣計劃" in t]


def test_a_request_by_name_after_the_owners_own_plan_is_new_work():
    said = [("Marco Lee 李文傑", "我聽日排更。"),
            ("黃太", "阿傑，三月份嘅盤點報告，下個禮拜三交俾我，得唔得？"),
            ("Marco Lee 李文傑", "得，冇問題。")]
    items = _items(said, date="2026-03-04")
    assert ("Marco Lee 李文傑", "2026-03-05") in [(o, d) for o, t, d in items if "排更" in t]
    assert [d for o, t, d in items if "盤點報告" in t] == ["2026-03-11"]
    # another time for the same work, asked back, is still that work's day
    said = [("Marco Lee 李文傑", "份盤點報告我聽日 send 俾你。"), ("黃太", "聽日太遲，今晚 send 俾我得唔得？"),
            ("Marco Lee 李文傑", "好，冇問題。")]
    assert [d for _, _, d in _items(said, date="2026-03-04")] == ["2026-03-04"]


MANAGED = [*ATTENDEES, {"name": "Ken Wong 王健朗", "aliases": ["阿朗"], "manager": "黃太"},
           {"name": "Sam Ho 何森", "aliases": ["阿森"], "manager": "Tina Lo 盧婷"}]


def test_your_boss_told_to_do_the_work_is_the_managers_item():
    said = [("Ivy Chan 陳詩韻", "仲有保險續期嗰份表，阿朗，你叫你老闆下個禮拜一之前簽咗佢。"), ("Ken Wong 王健朗", "好。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04", attendees=MANAGED)
    assert (owner, deadline) == ("黃太", "2026-03-09") and task.startswith("簽") and "表" in task
    # a manager who is not at the meeting owns it too; their name is what the directory calls them
    said = [("Ivy Chan 陳詩韻", "阿森，你叫你上司聽日 approve 份報價。")]
    assert [o for o, _, _ in _items(said, date="2026-03-04", attendees=MANAGED)] == ["Tina Lo 盧婷"]
    # 你 is who spoke before, not who only said 「嗯嗯」
    said = [("Sam Ho 何森", "份報價我整好咗。"), ("Ken Wong 王健朗", "嗯嗯。"), ("Ivy Chan 陳詩韻", "你叫你上司聽日 approve 佢。")]
    assert [o for o, _, _ in _items(said, date="2026-03-04", attendees=MANAGED)] == ["Tina Lo 盧婷"]
    # without a manager on the list, or when the boss is only talked about, nothing is guessed
    assert [o for o, _, _ in _items([("黃太", "阿傑，你叫你老闆聽日簽份表。")], date="2026-03-04")] != ["黃太"]
    said = [("Ivy Chan 陳詩韻", "阿朗，你老闆話份表要改，你聽日改好佢。")]
    assert [o for o, _, _ in _items(said, date="2026-03-04", attendees=MANAGED)] == ["Ken Wong 王健朗"]


def test_your_boss_needed_or_missing_is_the_managers_item_and_so_is_who_it_points_back_to():
    said = [("Ivy Chan 陳詩韻", "阿朗，份保險續期表咁要你老闆過目先交俾我，七日內啦。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-04", attendees=MANAGED)] == [("黃太", "2026-03-11")]
    said = [("Ivy Chan 陳詩韻", "阿朗，份保險續期表咁要你老板过目先交俾我，七日內啦。")]  # Simplified 老板
    assert [o for o, _, _ in _items(said, date="2026-03-04", attendees=MANAGED)] == ["黃太"]
    said = [("Ivy Chan 陳詩韻", "阿森，份報價我收到喇，不過未有你上司簽名，要佢禮拜五之前簽好交返俾我。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-04", attendees=MANAGED)] == [("Tina Lo 盧婷", "2026-03-06")]
    # 你 asked to get the boss's signature stays the one responsible
    said = [("Ivy Chan 陳詩韻", "阿森，你要你上司簽咗份報價，禮拜五之前交返俾我。")]
    assert [o for o, _, _ in _items(said, date="2026-03-04", attendees=MANAGED)] == ["Sam Ho 何森"]
    # read first, then handed in: 睇過先 is no work done before
    said = [("黃太", "阿傑，份合約要睇過先交俾我，聽日之內。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-04")] == [("Marco Lee 李文傑", "2026-03-05")]


def test_the_one_told_is_the_owner_and_not_part_of_the_task():
    said = [("黃太", "Ivy，你叫阿傑聽日 send 份報價俾客。")]
    assert _items(said, date="2026-03-04") == [("Marco Lee 李文傑", "send 報價俾客", "2026-03-05")]


def test_work_for_somebody_with_who_left_for_later_is_nobodys_yet():
    for said in ("咁先記低，冷氣機月尾前要有人搵師傅整，派邊個我再諗下。", "咁先 park 住，條款頁下個禮拜三前要有人 update，我諗下派邊個。"):
        [item] = _extract([("黃太", said)], date="2026-03-04")["action_items"]
        assert item["owner"] is None and item["needs_review"], said
        assert item["deadline"] in ("2026-03-31", "2026-03-11") and not item["task"].startswith(("記低", "park")), said


def test_reading_what_one_is_sent_is_no_item():
    said = [("Ivy Chan 陳詩韻", "份推廣計劃我今晚 send 俾你 approve。"), ("黃太", "好，今晚我會睇。")]
    assert [o for o, _, _ in _items(said, date="2026-03-04")] == ["Ivy Chan 陳詩韻"]


def test_what_is_settled_on_with_jiu_ding_is_a_decision():
    assert any("火鍋" in d for d in _decisions([("黃太", "燒烤太熱，咁就定火鍋，下個禮拜五晚，八個人。")]))
    assert any("一百蚊" in d for d in _decisions([("黃太", "咁每份禮物嘅預算就定一百蚊，唔好超。")]))
    assert any("禮拜六" in d for d in _decisions([("黃太", "好，咁搬倉就定喺禮拜六做，唔再改期喇。")]))
    assert _decisions([("Ivy Chan 陳詩韻", "我聽日就定咗佢個 schedule 未呀？")]) == []
    for said in ("唔好咁快就定三月二十號。", "可能就定三月二十號，但要問下老闆。"):
        assert _decisions([("黃太", said)]) == [], said


def test_a_short_decision_does_not_take_the_work_given_after_it():
    roles = [*ATTENDEES, {"name": "Amy Ho 何美", "role": "會計部主任"}]
    said = [("黃太", "OK，就揀葉記。會計部嗰邊五個工作天內覆核份合約嘅收費條款。")]
    assert _decisions(said, attendees=roles) == ["揀葉記"]
    assert [o for o, _, _ in _items(said, attendees=roles)] == ["Amy Ho 何美"]


def test_the_year_said_is_no_part_of_the_task_and_somebody_needed_stands_without_a_day():
    [(_, task, due)] = _items([("黃太", "阿傑，你出年三月前搞掂新系統嘅 data migration。")], date="2026-03-12")
    assert due == "2027-02-28" and "出年" not in task and "data migration" in task
    assert [d for _, _, d in _items([("黃太", "阿傑，你出年 三月前交份報告。")], date="2026-03-12")] == ["2027-02-28"]
    assert [d for _, _, d in _items([("黃太", "阿傑，你後年三月前交份報告。")], date="2026-03-12")] == ["2028-02-29"]
    for said in ("要有人搵師傅整冷氣。", "另外，會議室冷氣又漏水，要有人搵師傅整，派邊個我再諗下。"):
        [item] = _extract([("黃太", said)], date="2026-03-12")["action_items"]
        assert item["owner"] is None and item["needs_review"] and "師傅" in item["task"], said
    assert _items([("黃太", "有人話冷氣漏水。")], date="2026-03-12") == []


def test_what_needs_the_bosss_approval_is_the_managers_to_approve():
    said = [("Ivy Chan 陳詩韻", "加班費要批㗎喎。阿朗，你老闆批咗未？聽日之前要搞掂。"), ("黃太", "未呀，得，我聽日批埋佢。")]
    assert _items(said, date="2026-03-04", attendees=MANAGED) == [("黃太", "批加班費", "2026-03-05")]
    said = [("Ivy Chan 陳詩韻", "阿朗，加班費要你老闆批㗎喎。"), ("黃太", "得，我聽日批埋佢。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04", attendees=MANAGED)
    assert (owner, deadline) == ("黃太", "2026-03-05") and "加班費" in task and "批" in task
    for said_so in ("阿朗，份報價要你老闆批架。", "阿朗，份報價要經你老闆批㗎。", "阿朗，份報價一定要你老闆簽名㗎。"):  # 架 as ASR writes 㗎
        [(owner, task, deadline)] = _items([("Ivy Chan 陳詩韻", said_so), ("黃太", "得，我聽日批埋佢。")], date="2026-03-04", attendees=MANAGED)
        assert (owner, deadline) == ("黃太", "2026-03-05") and "報價" in task and "架" not in task, said_so
    # approved first, then the work of the one spoken to: theirs
    said = [("Ivy Chan 陳詩韻", "阿朗，採購單要你老闆批咗先落得單，禮拜五之前落埋。")]
    assert [o for o, _, _ in _items(said, date="2026-03-04", attendees=MANAGED)] == ["Ken Wong 王健朗"]


def test_passing_the_work_on_to_the_boss_is_no_item_of_its_own():
    said = [("黃太", "今日主要傾三樣嘢：週年晚飯、新系統同埋冷氣。"), ("Ivy Chan 陳詩韻", "阿朗，你叫你 boss 聽日之前簽咗份表。"),
            ("Ken Wong 王健朗", "好，我今日同佢講。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-12", attendees=MANAGED)] == [("黃太", "2026-03-13")]
    said = [("Ivy Chan 陳詩韻", "阿朗，你同個客講聲改期。"), ("Ken Wong 王健朗", "好，我今日同佢講。")]
    assert [(o, d) for o, _, d in _items(said, date="2026-03-12", attendees=MANAGED)] == [("Ken Wong 王健朗", "2026-03-12")]


def test_another_thing_with_its_own_day_after_a_request_is_another_task():
    said = [("黃太", "Ivy，推廣計劃你聽日出初稿俾我，FAQ 就禮拜五之前 update 埋。")]
    items = _items(said, date="2026-03-11")
    assert [(o, d) for o, t, d in items if "初稿" in t] == [("Ivy Chan 陳詩韻", "2026-03-12")]
    assert [(o, t, d) for o, t, d in items if "FAQ" in t] == [("Ivy Chan 陳詩韻", "update 埋 FAQ", "2026-03-13")]
    said = [("黃太", "Ivy，你聽日打電話俾客改期。另外復活節嘅開放時間，禮拜五之前要 SMS 通知晒啲會員。")]
    items = _items(said, date="2026-03-11")
    assert [(o, d) for o, t, d in items if "會員" in t] == [("Ivy Chan 陳詩韻", "2026-03-13")]
    said = [("黃太", "Ivy，你聽日打電話俾客改期。另外新年嘅開放時間，我已經貼咗出去。")]
    assert len(_items(said, date="2026-03-11")) == 1


def test_a_quarter_naming_the_thing_stays_in_the_task_and_also_is_no_part_of_it():
    said = [("黃太", "好，第四季嗰份都係 Ivy 你跟，季尾之前交。")]
    assert _items(said, date="2026-10-20") == [("Ivy Chan 陳詩韻", "交第四季", "2026-12-31")]
    said = [("黃太", "第二期嘅工程 Ivy 你跟，月尾之前搞掂。")]
    assert ["第二期" in t for _, t, _ in _items(said, date="2026-10-20")] == [True]


def test_somebody_needed_then_a_volunteer_is_the_volunteers():
    for reply in ("我得閒，我做啦。", "我嚟啦。"):
        said = [("黃太", "要有人星期五之前整好份 deck，派邊個我再諗下。"), ("Marco Lee 李文傑", reply)]
        assert _items(said) == [("Marco Lee 李文傑", "整好 deck", "2026-03-13")], reply


def test_help_offered_and_taken_is_the_offerers_by_the_day_answered():
    said = [("Marco Lee 李文傑", "陳詞大綱使唔使我幫你準備？"), ("黃太", "好呀，禮拜五之前俾我。")]
    assert _items(said) == [("Marco Lee 李文傑", "準備陳詞大綱", "2026-03-13")]
    said = [("Marco Lee 李文傑", "使唔使我幫你 book 埋酒店？"), ("黃太", "好呀，唔該。")]
    assert [(o, t) for o, t, _ in _items(said)] == [("Marco Lee 李文傑", "book 酒店")]
    for reply in ("好多謝，不過唔使喇。", "唔使喇，我自己搞。"):
        said = [("Marco Lee 李文傑", "使唔使我幫你 book 埋酒店？"), ("黃太", reply)]
        assert "Marco Lee 李文傑" not in [o for o, _, _ in _items(said)], reply


def test_away_only_after_the_due_day_or_after_a_yes_is_no_turning_down():
    asked = ("黃太", "阿傑，你星期五之前交份報價。")
    for reply in ("明白。另外，下個禮拜一我放假。", "下個禮拜一我放假喎。", "明白。另外，我聽日放假。"):
        assert _items([asked, ("Marco Lee 李文傑", reply)]) == [("Marco Lee 李文傑", "交報價", "2026-03-13")], reply
    [item] = _extract([asked, ("Marco Lee 李文傑", "我聽日放假喎。")])["action_items"]
    assert item["owner"] is None and item["needs_review"]


def test_a_pronoun_takes_the_thing_put_first_in_a_report_turns_before():
    fixed = _items([
        ("黃太", "新年嘅宣傳單張我畫咗個草圖，不過顏色太暗。"),
        ("Marco Lee 李文傑", "Ivy，咁你調光啲再改過佢，禮拜五前印好。"),
    ])
    read = _items([
        ("黃太", "供應商嗰份合約我琴日收到，佢哋改咗付款條款。"),
        ("Marco Lee 李文傑", "Ivy，你逐條睇清楚佢，禮拜四之前寫個 summary 俾我。"),
    ])
    [(owner, task, deadline)] = fixed
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13")
    assert "再改過新年嘅宣傳單張" in task and "佢" not in task  # 「再改過」 is to redo, not a report of it done
    [(owner, task, deadline)] = read
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12")
    assert "供應商合約" in task and "佢" not in task and "俾 Marco" in task  # the 我 of the asking turn is still Marco


def test_a_notice_named_first_is_the_thing_made_and_sent_on():
    [(owner, task, deadline)] = _items([("Marco Lee 李文傑", "嗰份通知我嚟整，聽朝十點前 send 咗佢俾全部租戶。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12T10:00:00+08:00")
    assert task == "整通知，send 俾全部租戶"  # 「份通知」 is a notice, not telling somebody


def test_a_thing_named_alone_or_returned_to_is_what_the_request_does():
    for topic in ("Acme 嗰張單，", "返轉頭講 Acme 嗰張單。"):
        [(owner, task, deadline)] = _items([("黃太", f"{topic}阿傑，你禮拜五前改好佢。")])
        assert (owner, task, deadline) == ("Marco Lee 李文傑", "改好 Acme 單", "2026-03-13")


def test_a_handover_naming_its_own_work_leaves_the_earlier_owners_other_work():
    items = _items([
        ("黃太", "Marco，你禮拜五前改好張單。"),
        ("Marco Lee 李文傑", "好，冇問題，我改好會 cc 埋 Ivy。"),
        ("黃太", "跟住係大阪嗰批海鮮。原本係 Marco 跟 cold room 嘅 booking，不過 Marco 呢兩日要成日喺機場，改由 Ivy 跟啦。"),
        ("Ivy Chan 陳詩韻", "得，我接手。"),
    ])
    assert ("Marco Lee 李文傑", "改好單", "2026-03-13") in items
    assert [task for owner, task, _ in items if owner == "Ivy Chan 陳詩韻"] == ["跟進 cold room 嘅 booking"]


def test_a_pronoun_takes_the_thing_a_sentence_said_needs_that_verb_whoever_it_asked():
    items = _items([
        ("Marco Lee 李文傑", "Ivy，嗰張採購單要你老闆簽名先得。"),
        ("Ivy Chan 陳詩韻", "係。"),
        ("黃太", "我聽日簽咗佢。"),
    ])
    assert ("黃太", "簽採購單", "2026-03-12") in items


def test_the_answer_to_who_does_a_thing_names_it_by_its_own_verb_and_not_the_speakers_own_name():
    for answer in ("我嚟，禮拜五前出。", "我嚟，我 Ivy 禮拜五前出。"):
        items = _items([("黃太", "另外聖誕假期嘅值班表邊個整？"), ("Ivy Chan 陳詩韻", answer)])
        assert items == [("Ivy Chan 陳詩韻", "出聖誕假期嘅值班表", "2026-03-13")]


def test_a_fault_a_thing_has_is_what_is_fixed_and_how_bad_it_is_is_no_part_of_the_task():
    items = _items([
        ("Ivy Chan 陳詩韻", "最大嘅問題係 login page 有個 bug，有時會重複登入。"),
        ("黃太", "呢個好嚴重，阿傑你今晚八點前 fix 咗佢。"),
    ])
    assert items == [("Marco Lee 李文傑", "fix login page 嘅 bug", "2026-03-11T20:00:00+08:00")]
    unpunctuated = _items([("Ivy Chan 陳詩韻", "最大嘅問題係 login page 有個 bug 有時會重複登入"),
                           ("黃太", "呢個好嚴重 阿傑你今晚八點前 fix 咗佢")])  # ASR text
    assert unpunctuated == items


def test_a_thing_named_before_its_measure_word_is_what_the_verb_said_of_it_does():
    items = _items([("Ivy Chan 陳詩韻", "阿傑，change order 嗰份要你老闆 sign 咗，我先批到。"), ("黃太", "冇問題，我今日 sign 咗佢。")])
    assert ("黃太", "sign change order", "2026-03-11") in items


def test_a_bare_verb_after_a_handover_does_the_work_that_was_somebodys():
    items = _items([
        ("Priya Shah", "地毯嘅報價原本我跟緊，不過我最近成日喺工場，走唔開。"),
        ("黃太", "咁改由 Ivy 跟啦。Ivy，下下個禮拜二前交。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "交地毯嘅報價", "2026-03-24")]


def test_the_people_said_just_before_are_them_and_a_name_before_a_thing_without_a_comma_is_whose():
    assert _items([("黃太", "另外 Ivy 生日會下個禮拜五前要訂好場地")]) == []  # a party for Ivy: nobody is asked
    assert _items([("黃太", "阿傑，頭先講嗰三個工人，你下個禮拜一前跟進佢哋續期。")]) == \
        [("Marco Lee 李文傑", "跟進三個工人續期", "2026-03-16")]


def test_things_listed_for_one_verb_after_taking_charge_are_one_task():
    [(owner, task, deadline)] = _items([("黃太", "Ivy，套票嘅單張同 voucher 你負責派去各間分店，禮拜五前要派晒。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13")
    assert "派" in task and "單張" in task and "voucher" in task


def test_a_need_said_to_nobody_is_taken_by_a_yes_that_says_the_work():
    items = _items([
        ("Ivy Chan 陳詩韻", "仲有六單未交，兩單等緊客人補文件。"),
        ("黃太", "年尾之前要 submit 晒，唔好拖落明年。"),
        ("Ivy Chan 陳詩韻", "好，年尾前 submit 晒啲 pending 單。"),
    ])
    assert items == [("Ivy Chan 陳詩韻", "submit 晒 pending 單", "2026-12-31")]


def test_a_thing_said_partly_done_is_what_a_bare_verb_after_it_does():
    items = _items([
        ("Ivy Chan 陳詩韻", "黃太，員工嘅體檢表收返咗大半，仲有啲未交。"),
        ("黃太", "阿傑，你可唔可以跟？"),
        ("Marco Lee 李文傑", "可以，我嚟整理，五個工作天內搞掂。"),
    ])
    [(owner, task, deadline)] = items  # 「仲有啲未交」 says how many are still out: nobody's task
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-18") and "員工嘅體檢表" in task


def test_a_no_to_what_was_asked_leaves_the_thing_asked_about_for_a_pronoun():
    items = _items([
        ("黃太", "仲有禮堂個咪，要唔要問報價先？"),
        ("Marco Lee 李文傑", "唔使，上年有後備，我喺貨倉搵到一個。"),
        ("黃太", "咁阿傑你下個禮拜二前換咗佢。"),
    ])
    assert items == [("Marco Lee 李文傑", "換禮堂咪", "2026-03-17")]


def test_who_volunteers_for_a_thing_not_yet_done_this_month_does_that_thing():
    items = _items([("黃太", "好。荃灣嘅盤點今個月仲未做，邊個得閒？"), ("Ivy Chan 陳詩韻", "我嚟啦，我禮拜五前點好佢。")])
    assert items == [("Ivy Chan 陳詩韻", "點好荃灣嘅盤點", "2026-03-13")]


@pytest.mark.parametrize("said", [
    "呢個下個月先再諗，暫時唔郁住。", "今年唔好搞住，人手唔夠。", "咁月尾前要揀好，遲啲睇下邊個得閒先。",  # left for later
    "全日唔開又唔得，啲客都要出貨。", "平安夜好多客都會臨時 cancel。", "系統商揀咗八月十二號。",  # why, what happens, others' choice
    "法團嗰邊要開會通過先。", "好，先講併購案。", "今日差唔多喇，辛苦晒。",
])
def test_deferrals_reasons_and_reports_decide_nothing(said):
    assert _decisions([("黃太", said)]) == []


def test_agreeing_with_a_proposal_is_no_other_proposal_for_the_decision_after_it():
    decisions = _decisions([
        ("黃太", "仲有一樣：以後新客第一次做 treatment，一律要簽 consent form。"),
        ("Ivy Chan 陳詩韻", "早就應該咁做，上次嗰單投訴就係冇簽。"),
        ("Marco Lee 李文傑", "同意。"),
        ("黃太", "好，就咁定。"),
    ])
    assert len(decisions) == 1 and "consent form" in decisions[0] and "投訴" not in decisions[0]
    said = _decisions([("黃太", "咁我哋由下個禮拜一開始全部用 e-form，大家 OK 嘛？"),
                       ("Ivy Chan 陳詩韻", "OK，反正大部分同事都用開。")])
    assert not any("用開" in d for d in said)  # the reason given with a yes decides nothing


def test_a_team_named_as_whose_thing_stays_in_the_task():
    people = ATTENDEES + [{"name": "Oliver Grant", "aliases": ["Oliver"], "role": "UK 代理"}]
    items = _items([("Oliver Grant", "我聽日同碼頭 confirm 埋個倉位。"),
                    ("黃太", "好。另外 UK 嗰邊嘅 delivery schedule 都要畀返我哋。")], attendees=people)
    assert any(owner == "Oliver Grant" and "UK 嗰邊嘅 delivery schedule" in task for owner, task, _ in items)


def test_who_chairs_and_what_the_meeting_is_about_is_no_task():
    assert _items([("黃太", "好，我哋開始啦。我係黃太，今日我主持，主要傾重陽節嘅活動，同埋第四季幾樣嘢。")]) == []


@pytest.mark.parametrize("said", [
    "所以我哋最後揀咗 Acme。", "OK 揀咗 Acme。", "唔使再諗喇，就用 Acme。", "因為成本太高，所以取消今年嘅旅行。",
    "跟住講埋，決定咗延期到四月。", "咁就要加人，請多兩個 part-time。", "老闆揀咗喺九龍灣開新舖。",
])
def test_a_decision_with_a_reason_a_lead_or_a_chooser_is_still_one(said):
    assert len(_decisions([("黃太", said)])) == 1


def test_a_pronoun_is_not_resolved_against_what_does_not_stand_for_it():
    assert _items([("黃太", "個 server，要唔要換新？"), ("Marco Lee 李文傑", "唔使，加多條記憶體就得。"),
                   ("黃太", "咁你禮拜五前搞掂佢。")])[0][1] == "加多條記憶體"  # the no offers the work instead
    assert _items([("Ivy Chan 陳詩韻", "嗰個 vendor 要我哋 confirm 數量先出貨。"), ("Marco Lee 李文傑", "我聽日 confirm 咗佢。")]) \
        == [("Marco Lee 李文傑", "confirm 數量先出貨", "2026-03-12")]  # what is confirmed is said after the verb
    assert _items([("黃太", "新嚟嗰個 intern 有啲問題。"), ("黃太", "Ivy，你聽日同佢傾下。")])[0][1] == "同新嚟 intern 傾下"
    assert _items([("黃太", "Ivy，你聽日聯絡業主，催佢俾返按金。")])[0][1] == "聯絡業主，催佢俾返按金"  # 佢 is the owner
    assert _items([("黃太", "份報告有幾個錯字。"), ("黃太", "Ivy，你聽日改好佢。")])[0][1] == "改好報告嘅錯字"


def test_you_after_naming_who_takes_charge_is_that_person():
    items = _items([("黃太", "客戶 seminar 個場地，邊個負責？"), ("Marco Lee 李文傑", "我唔得閒。"),
                    ("黃太", "Ivy 負責，你聽日之前打去酒店訂場。")])
    assert items == [("Ivy Chan 陳詩韻", "打去酒店訂場", "2026-03-12")]


def test_a_thing_put_first_is_found_past_a_clause_that_says_it_must_change():
    items = _items([("Marco Lee 李文傑", "份合約我琴日收到，法律部話有幾條條款要改。"), ("黃太", "阿傑，你睇清楚佢，下個禮拜一前覆我。")])
    assert items == [("Marco Lee 李文傑", "睇清楚合約，覆黃太", "2026-03-16")]  # 「要改」 moves no time


def test_things_listed_for_each_to_be_done_are_one_item_each_whatever_the_verb():
    assert _items([("黃太", "季度報告同埋客戶名單，阿傑，你兩樣都下個禮拜一之前交畀我。")]) == [
        ("Marco Lee 李文傑", "交季度報告畀黃太", "2026-03-16"), ("Marco Lee 李文傑", "交客戶名單畀黃太", "2026-03-16")]
    assert _items([("黃太", "阿傑你場地 layout 同嘉賓名單兩樣禮拜五前都要準備好")]) == [
        ("Marco Lee 李文傑", "準備好場地 layout", "2026-03-13"), ("Marco Lee 李文傑", "準備好嘉賓名單", "2026-03-13")]
    assert [t for _, t, _ in _items([("黃太", "Ivy，新網頁 banner 同產品相你一齊跟埋，禮拜五之前搞掂。")])] == \
        ["跟進新網頁 banner", "跟進產品相"]
    # without 兩樣/都/一齊 one verb with its own place still sends both at once
    assert len(_items([("黃太", "Ivy，新網頁 banner 同產品相你 send 去印刷廠。")])) == 1


def test_a_bare_who_asked_after_the_someone_needed_is_answered_by_the_one_who_takes_it():
    for question in ("要有人聽朝去貨倉點貨。邊個得閒？", "聽朝要有人去貨倉點貨，邊個得閒？"):
        for answer in ("我嚟。", "我嚟，我住得近。", "我嚟，我聽朝冇外勤。"):
            assert _items([("黃太", question), ("Marco Lee 李文傑", answer)]) == \
                [("Marco Lee 李文傑", "去貨倉點貨", "2026-03-12")], (question, answer)
    # staff asked for an event is no work anybody takes on
    assert _items([("黃太", "下個月嘅展覽，我哋要出三個人。邊個得閒？"), ("Marco Lee 李文傑", "我得。")]) == []


def test_your_boss_as_the_one_to_do_it_is_the_manager():
    assert _items([("Ivy Chan 陳詩韻", "阿森，你老闆禮拜五之前要簽埋份合約。")], attendees=MANAGED) == \
        [("Tina Lo 盧婷", "簽合約", "2026-03-13")]
    # what the boss asked for is the listener's work; a question about the boss asks nobody
    assert [o for o, _, _ in _items([("Ivy Chan 陳詩韻", "阿森，你老闆要求你禮拜五前交計劃書。")], attendees=MANAGED)] == ["Sam Ho 何森"]
    assert _items([("Ivy Chan 陳詩韻", "阿森，你老闆會唔會同意？")], attendees=MANAGED) == []


def test_what_to_do_if_it_fails_and_what_the_receiver_does_next_are_no_part_of_the_task():
    assert _items([("黃太", "阿傑，你三個工作天內同供應商對返條數，對唔到就 escalate 畀 Ivy。")]) == \
        [("Marco Lee 李文傑", "同供應商對返條數", "2026-03-16")]
    assert _items([("黃太", "阿傑，今晚八點前你 send 份報價俾客，客聽朝要拎去開會。")]) == \
        [("Marco Lee 李文傑", "send 報價俾客", "2026-03-11T20:00:00+08:00")]


def test_an_unpunctuated_handover_after_a_latin_word_moves_the_work():
    assert _items([("黃太", "推廣電郵 原本係 Marco 跟 但 Marco 要趕 tender 改由 Ivy 跟")]) == \
        [("Ivy Chan 陳詩韻", "跟進推廣電郵", None)]


def test_a_name_then_the_thing_then_you_calls_on_that_person():
    turns = [("S1", "Ivy 呢份報告你聽日 check 下"), ("S2", "好"), ("S1", "阿傑 份合約你簽埋"), ("S3", "OK")]
    people = [Person(a["name"], a.get("role"), tuple(a.get("aliases", ()))) for a in ATTENDEES]
    assert name_speakers(turns, people) == {"S2": "Ivy Chan 陳詩韻", "S3": "Marco Lee 李文傑"}


def test_it_after_a_verb_done_to_papers_is_the_document_named_not_the_last_thing_said():
    said = [("Ivy Chan 陳詩韻", "講開供應商，清潔公司今年嘅新合約已經 email 咗過嚟，淨係加咗價。"), ("黃太", "加幾多？"),
            ("Ivy Chan 陳詩韻", "每個月加三百蚊。")]
    assert _items(said + [("黃太", "可以接受。阿傑，你月尾之前 sign 咗佢。")]) == \
        [("Marco Lee 李文傑", "sign 清潔公司今年嘅新合約", "2026-03-31")]
    said = [("Ivy Chan 陳詩韻", "我有嘢講。嗰張執貨檢查表我改好咗新版。"), ("黃太", "好，審計下個月會嚟。"),
            ("Marco Lee 李文傑", "新版易唔易填？"), ("Ivy Chan 陳詩韻", "易好多，剔格就得。")]
    assert _items(said + [("黃太", "咁阿傑，你聽日之前 print 咗佢，貼晒兩個倉。")]) == \
        [("Marco Lee 李文傑", "print 執貨檢查表，貼晒兩個倉", "2026-03-12")]
    # a thing named by its measure word stands (「嗰份表」)
    assert _items([("黃太", "仲有保險續期嗰份表，阿傑，你禮拜五之前簽咗佢。")]) == [("Marco Lee 李文傑", "簽保險續期表", "2026-03-13")]


def test_sending_everyone_back_to_work_closes_the_meeting_and_asks_nothing():
    assert _items([("黃太", "好，今日就咁多，大家返去做嘢啦。")]) == []


def test_a_need_said_to_nobody_then_given_to_someone_names_what_it_hands_over():
    for said in ("最緊要係份年報，一定要喺月尾之前出畀股東。Ivy 你跟。", "份年報，一定要喺月尾之前出畀股東。Ivy 你跟。",
                 "最緊要係份年報，Ivy 你月尾之前 send 畀股東。"):
        [(owner, task, deadline)] = _items([("黃太", said)])
        assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-31") and "年報" in task and "股東" in task, said


def test_work_said_not_done_is_what_finishing_it_means():
    assert _items([("黃太", "最後，我自己嘅嘢：公司網頁啲相好耐冇更新，我月尾之前搞掂佢。")]) == \
        [("黃太", "更新公司網頁啲相", "2026-03-31")]
    assert _items([("Ivy Chan 陳詩韻", "新同事嘅 email 戶口仲未開。"), ("黃太", "阿傑，你今日搞掂佢。")]) == \
        [("Marco Lee 李文傑", "開新同事嘅 email 戶口", "2026-03-11")]


def test_a_thing_asked_about_before_is_what_is_confirmed_back_not_the_step_before():
    for said in ("仲有你哋之前問嘅交貨期，我聽日 confirm 返畀你哋。", "仲有你哋之前問嘅交貨期，我要同工廠再傾下，我聽日 confirm 返畀你哋。"):
        assert _items([("Ivy Chan 陳詩韻", said)]) == [("Ivy Chan 陳詩韻", "confirm 返交貨期畀你哋", "2026-03-12")], said


def test_what_the_speaker_needs_to_receive_by_a_time_is_handed_in_by_the_one_spoken_to():
    for said in ("Ivy，份宣傳海報我要下個禮拜二朝早十點前收到 final 版。", "Ivy，份宣傳海報我要收到 final 版，下個禮拜二朝早十點前。"):
        assert _items([("黃太", said)]) == [("Ivy Chan 陳詩韻", "交宣傳海報 final 版俾黃太", "2026-03-17T10:00:00+08:00")], said


def test_things_listed_to_follow_up_take_the_work_said_next():
    assert [t for _, t, _ in _items([("黃太", "Ivy，場地同旅遊巴你跟，禮拜三之前 confirm 埋。")])] == ["confirm 場地", "confirm 旅遊巴"]
    assert [t for _, t, _ in _items([("黃太", "Ivy，場地同旅遊巴你跟，禮拜三之前。")])] == ["跟進場地", "跟進旅遊巴"]
    # reporting back to the speaker is not what following them up is
    assert [t for _, t, _ in _items([("黃太", "Ivy，場地同旅遊巴你跟埋，禮拜五之前同我 report。")])] == ["跟進場地", "跟進旅遊巴"]


def test_no_time_for_the_next_need_does_not_turn_down_work_taken_before_in_the_same_month():
    items = _items([
        ("Ivy Chan 陳詩韻", "今個月嘅客戶報告，我今個月最後一個禮拜五前出埋。"),
        ("黃太", "好。"),
        ("Marco Lee 李文傑", "新倉嘅貨架，要有人去睇樣板。"),
        ("Ivy Chan 陳詩韻", "我今個月真係抽唔到時間。"),
    ])
    assert ("Ivy Chan 陳詩韻", "出今個月嘅客戶報告", "2026-03-27") in items


def test_work_shown_at_a_meeting_on_a_day_is_due_that_day():
    for said, due in (("阿傑，你整理好份問卷，下下個禮拜一開會嗰陣 present 畀大家睇。", "2026-03-23"),
                      ("阿傑，你整理好份問卷，下個禮拜三開會用。", "2026-03-18")):
        [(_, _, deadline)] = _items([("黃太", said)])
        assert deadline == due, said
    # the meeting's day alone, with the work talked over then, is no deadline
    assert _items([("黃太", "阿傑，你諗下份問卷點改，下個禮拜三開會再傾。")]) == [("Marco Lee 李文傑", "諗下問卷點改", None)]


def test_a_thing_then_what_it_needs_by_when_then_who_runs_it_keeps_the_work_and_the_day():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，三間分店嘅新價目牌，要喺七一之後第一個工作天之前全部換好，你統籌。")], date="2026-06-02")
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-07-02") and "換好" in task and "價目牌" in task


def test_the_one_who_takes_on_the_someone_needed_keeps_their_own_day_and_reason():
    need = ("黃太", "聽朝要有人去貨倉點貨。邊個得閒？")
    assert _items([need, ("Marco Lee 李文傑", "我嚟，我住得近。不過我禮拜五先得。")]) == \
        [("Marco Lee 李文傑", "去貨倉點貨", "2026-03-13")]
    assert _items([need, ("Marco Lee 李文傑", "我住得近，我嚟。")]) == [("Marco Lee 李文傑", "去貨倉點貨", "2026-03-12")]


def test_your_manager_said_without_a_pause_after_the_name_is_the_manager():
    for said in ("阿森你老闆禮拜五之前要簽埋份合約。", "阿森，你經理禮拜五之前要簽埋份合約。"):
        assert _items([("Ivy Chan 陳詩韻", said)], attendees=MANAGED) == [("Tina Lo 盧婷", "簽合約", "2026-03-13")], said
    [(owner, _, deadline)] = _items([("黃太", "Ivy，下下個禮拜一開會嗰陣你 present 份 proposal。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-23")


def test_your_boss_in_a_later_sentence_of_a_turn_to_someone_named_is_their_manager():
    items = _items([("S1", "阿森，你月尾前睇埋份合約。你老闆要簽份合約，下個禮拜三之前搞掂。"), ("S2", "好。")], attendees=MANAGED)
    assert ("Tina Lo 盧婷", "簽合約", "2026-03-18") in items


def test_who_made_a_thing_names_what_a_later_it_is():
    items = _items([("黃太", "仲有，新加坡分公司嗰份預算分析係 Marco 做嘅。Ivy，你禮拜五前 check 埋佢。")])
    assert items == [("Ivy Chan 陳詩韻", "check 新加坡分公司預算分析", "2026-03-13")]


def test_a_name_the_thing_and_you_in_asr_text_keeps_the_thing():
    items = _items([("S1", "Marco test plan 你下個禮拜一之前寫好 send 俾我 check")])
    [(owner, task, deadline)] = items
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-16") and "test plan" in task


def test_this_one_said_before_you_is_the_thing_named_in_the_turn_before():
    turns = [("黃太", "仲有報名表嗰頁，啲家長話太長，填唔晒。")]
    for said in (("黃太", "Ivy，呢個你 simplify 一下，下個禮拜三前出個新版。"), ("S2", "Ivy 這個你 simplify 一下 下個禮拜三前出個新版")):
        [(owner, task, deadline)] = _items(turns + [said])
        assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-18") and "報名表頁" in task and "simplify" in task, said
    said = [turns[0], ("Marco Lee 李文傑", "嗰頁係舊系統嚟嘅，改唔難。"), ("黃太", "Ivy，呢個你 simplify 一下。")]
    [(_, task, _)] = _items(said)
    assert "報名表頁" in task  # 「嗰頁係…」 says something of the page named before, it names none


def test_a_thing_under_way_then_when_it_is_sent_is_the_speakers_sending_of_it():
    items = _items([("Ivy Chan 陳詩韻", "新分店嘅開張宣傳計劃我寫緊，聽日下晝三點之前 send 俾黃太。")])
    assert items == [("Ivy Chan 陳詩韻", "send 新分店嘅開張宣傳計劃俾黃太", "2026-03-12T15:00:00+08:00")]
    # under way, and when it will be ready, is no new work
    assert _items([("黃太", "份計劃點呀？"), ("Ivy Chan 陳詩韻", "我寫緊，禮拜五應該得。")]) == []


def test_somebody_arriving_said_after_the_work_is_why_not_more_work():
    items = _items([("黃太", "好。Ivy，今年全年嘅報銷單，月尾之前要整理好，審計師下個月會嚟。")])
    assert items == [("Ivy Chan 陳詩韻", "整理好今年全年嘅報銷單", "2026-03-31")]


def test_somebody_who_wrote_in_to_complain_is_news_and_whom_a_reply_goes_to():
    complaint = ("Ivy Chan 陳詩韻", "黃太，有個家長寫 email 嚟投訴，話校車成日遲到。")
    assert _items([complaint]) == []
    assert _items([complaint, ("黃太", "Ivy，你聽日覆佢。")]) == [("Ivy Chan 陳詩韻", "覆家長", "2026-03-12")]


def test_a_greeting_to_everyone_and_a_supply_cut_are_no_work():
    assert _items([("黃太", "各位早晨，仲有十日就開學，我哋今日過一過課室嘅準備。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "黃太，另外大廈下個禮拜六停電做保養。")]) == []
    assert _items([("黃太", "大廈下個禮拜六停電，阿傑你禮拜五前 backup 晒啲 data。")]) == \
        [("Marco Lee 李文傑", "backup 晒 data", "2026-03-13")]


def test_somebody_needed_with_who_found_out_later_is_an_unowned_item_with_its_thing():
    need = ("Ivy Chan 陳詩韻", "新倉嘅貨架樣板，我哋想睇實物先，要有人去 showroom 揀。")
    items = _items([need, ("黃太", "呢個……阿傑同 Priya 都好忙。"), ("Marco Lee 李文傑", "我今個月真係抽唔到時間。"),
                    ("黃太", "咁月尾前要揀好，遲啲睇下邊個得閒先。")])
    [(owner, task, deadline)] = items
    assert (owner, deadline) == (None, "2026-03-31") and "貨架樣板" in task and "揀" in task


def test_it_after_two_others_answer_is_what_the_speaker_said_before():
    items = _items([("黃太", "荃灣店個雪櫃又壞咗，禮拜五前一定要搞掂。有冇人識相熟嘅師傅？"),
                    ("Ivy Chan 陳詩韻", "我識嗰個師傅退休咗喇。"), ("Marco Lee 李文傑", "我都唔識喎。"),
                    ("黃太", "咁……總之禮拜五前要有人整好佢，遲啲再睇邊個得閒。")])
    [(owner, task, deadline)] = items
    assert (owner, deadline) == (None, "2026-03-13") and "雪櫃" in task and "佢" not in task


def test_an_english_verb_of_accounts_is_work():
    assert _items([("黃太", "Ivy，final account 要季尾前 settle 好。")]) == [("Ivy Chan 陳詩韻", "settle 好 final account", "2026-03-31")]


def test_this_one_needing_work_is_the_fault_another_reported_on_their_own_thing():
    items = _items([("Priya Shah", "講開 email，我部 notebook 由今朝開始 login 唔到，喺屋企完全做唔到嘢。"),
                    ("黃太", "IT 嗰邊，呢個今日一定要搞掂，唔係 Priya 今晚做唔到嘢。")])
    assert items == [("Marco Lee 李文傑", "完成 Priya 嘅 notebook", "2026-03-11")]


def test_what_is_left_undone_and_a_news_story_named_are_no_work():
    assert _items([("Ivy Chan 陳詩韻", "係，不過我今個禮拜要頂埋 AP 嗰邊，仲有二十幾張單未入，真係有啲頂唔順。")]) == []
    assert _items([("黃太", "Ivy，仲有一樣，上個月嗰篇分店結業報道，有讀者投訴話我哋寫錯咗地址。")]) == []
    [(owner, task, deadline)] = _items([("黃太", "仲有二十幾張單未入，Ivy 你今日入埋佢。")])  # what is left is the work asked
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-11") and task.startswith("入") and "單" in task


def test_who_made_a_thing_is_whom_a_call_goes_to_and_has_no_task():
    assert _items([("黃太", "個網頁係阿傑整嘅。")]) == []
    assert _items([("黃太", "個 budget 表係 Ivy 做嘅。阿傑，你禮拜五前 call 佢。")]) == [("Marco Lee 李文傑", "call Ivy", "2026-03-13")]


def test_an_acronym_alias_is_no_pronoun_and_a_greeting_still_asks_everyone():
    team = [*ATTENDEES, {"name": "Derek Tsui 徐浩然", "aliases": ["Derek", "IT"]}]
    [(owner, _, _)] = _items([("黃太", "Ivy，it 個 bug 你禮拜五前 fix 咗佢。")], attendees=team)
    assert owner == "Ivy Chan 陳詩韻"
    assert _items([("黃太", "Ivy，個 repair 師傅聽日嚟。")]) == []
    assert _items([("黃太", "各位早晨，記得禮拜五前交 timesheet。")]) == [(None, "交 timesheet", "2026-03-13")]


def test_it_after_a_thing_that_arrived_in_the_same_turn_is_that_thing():
    items = _items([("黃太", "阿傑，你聽日三點前 send 份 IT 清單俾我。"), ("Marco Lee 李文傑", "OK。"),
                    ("黃太", "另外，新 office 份租約 renewal 已經到咗。Ivy，你月尾前 sign 咗佢。")])
    assert ("Ivy Chan 陳詩韻", "sign 新 office 租約 renewal", "2026-03-31") in items


def test_names_each_with_a_day_split_an_unpunctuated_turn():
    # ASR text: no commas, each request opens with a name then its day, no 你
    assert _items([("S1", "Ivy聽日之前send份報價俾客 阿傑禮拜五之前check下份合約 Priya下個禮拜一之前book好會議室")]) == [
        ("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12"), ("Marco Lee 李文傑", "check 合約", "2026-03-13"),
        ("Priya Shah", "book好會議室", "2026-03-16")]
    assert _items([("S1", "Ivy 聽日之前 send 份報價俾客 Marco 禮拜五之前 check 下份合約")]) == [
        ("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12"), ("Marco Lee 李文傑", "check 合約", "2026-03-13")]
    # a name after a contract or an opinion is called, not met or asked: 合約, 意見 are nouns
    assert _items([("S1", "Ivy聽日之前改好份合約 Marco禮拜五之前send份意見書")]) == [
        ("Ivy Chan 陳詩韻", "改好合約", "2026-03-12"), ("Marco Lee 李文傑", "send 意見書", "2026-03-13")]


def test_a_name_then_a_thing_with_its_measure_word_calls_that_person():
    assert _items([("S1", "Ivy 份報價聽日之前send俾客")]) == [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12")]
    assert _items([("S1", "Ivy，份報價聽日之前要 send 俾客。")]) == [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12")]
    assert _items([("黃太", "Ivy 份報價我聽日 send 俾客")]) == [("黃太", "send 報價俾客", "2026-03-12")]  # the speaker's own


def test_apologising_and_shortlisting_are_work():
    assert _items([("黃太", "Ivy，你聽日之前同個客道歉。")]) == [("Ivy Chan 陳詩韻", "同客道歉", "2026-03-12")]
    assert _items([("黃太", "阿傑，你禮拜五之前 shortlist 三個 candidate。")]) == [
        ("Marco Lee 李文傑", "shortlist 三個 candidate", "2026-03-13")]
    assert _items([("黃太", "個客好嬲，話要我哋道歉。")]) == []


def test_a_label_that_names_itself_after_i_or_before_here_is_that_attendee():
    items = _items([
        ("S1", "好，開始啦。"),
        ("S2", "財務嗰邊，我阿傑禮拜五之前會同會計部對好數。"),
        ("S3", "Ivy 呢度。我下個禮拜一之前出推廣計劃。"),
    ])
    assert {o for o, _, _ in items} == {"Marco Lee 李文傑", "Ivy Chan 陳詩韻"}
    assert _items([("S1", "Ivy，你聽日交份報價。"), ("S2", "我同阿傑講咗，聽日交。")])[0][0] == "Ivy Chan 陳詩韻"


def test_a_name_then_just_and_a_verb_in_a_list_of_assignments_is_theirs():
    items = _items([("黃太", "Ivy 你負責聯絡講者，阿傑就 book 埋個禮堂，兩樣都禮拜五之前搞掂。")])
    assert items == [("Ivy Chan 陳詩韻", "聯絡講者", "2026-03-13"), ("Marco Lee 李文傑", "book 禮堂", "2026-03-13")]


def test_that_document_fronted_before_you_is_what_the_first_verb_is_done_to():
    items = _items([("黃太", "新嘅保養報告出咗未？"), ("Marco Lee 李文傑", "供應商琴日交咗嚟，我仲未簽。"),
                    ("黃太", "嗰份你禮拜五之前簽咗交返畀我。")])
    assert items == [("Marco Lee 李文傑", "簽新嘅保養報告交返畀黃太", "2026-03-13")]
    # a document somebody sent in, two turns before, is what 嗰份 means
    items = _items([("Priya Shah", "律師今朝 send 咗份租約嘅 scan 過嚟。"), ("黃太", "Ivy，嗰份你聽日 review 完 send 返畀我。")])
    assert items == [("Ivy Chan 陳詩韻", "review 完租約嘅 scan send 返畀黃太", "2026-03-12")]


def test_a_bare_follow_before_a_thing_is_follow_up():
    assert _items([("黃太", "阿傑你跟埋份評估，下個禮拜三之前交俾我。")]) == [
        ("Marco Lee 李文傑", "跟進評估，交俾黃太", "2026-03-18")]
    [(_, task, _)] = _items([("黃太", "Ivy，你聽日跟 ABC 公司傾下價錢。")])  # 跟 is with
    assert not task.startswith("跟進")


def test_the_agenda_thanks_the_floor_taken_and_the_round_closed_are_no_work():
    assert _items([("黃太", "今日主要 check 下大家準備成點。")]) == []
    assert _items([("黃太", "好，人齊喇。Ivy，唔該你專登過嚟。")]) == []
    assert _items([("Marco Lee 李文傑", "我講下機房。上個禮拜有部 server 死咗，已經換咗。")]) == []
    assert _items([("黃太", "好喇，大家 update 完，冇其他嘢就散會。")]) == []


def test_flying_out_to_a_meeting_and_what_a_thing_is_for_are_no_work():
    assert _items([("黃太", "你哋去啦，我十八號要飛去上海開會。")]) == []
    assert _items([("黃太", "阿傑，你下個禮拜飛去上海見客。")]) == [("Marco Lee 李文傑", "飛去上海見客", "2026-03-20")]
    items = _items([("Marco Lee 李文傑", "我今晚八點前會將新嘅數據 upload 上 shared drive，Ivy 寫報告要用。")])
    assert [o for o, _, _ in items] == ["Marco Lee 李文傑"]


def test_what_is_agreed_to_after_i_agree_is_the_plan_not_a_task():
    assert _items([("Ivy Chan 陳詩韻", "我同意，旺角店禮拜日先暫停營業，請到人先再開。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "我唔同意，旺角店禮拜日照開。")]) == []
    assert _items([("Ivy Chan 陳詩韻", "好，我贊成，下個禮拜起旺角店七點關門。")]) == []
    [(owner, task, deadline)] = _items([("Ivy Chan 陳詩韻", "我同意，我聽日就通知旺角店。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12") and "通知旺角店" in task


def test_a_numbered_machine_is_no_day_of_the_month():
    [(owner, _, deadline)] = _items([("黃太", "阿傑，三號冷氣機你聽日搵人整好佢。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12")


def test_that_thing_then_the_name_called_then_you_is_their_work_on_the_thing_wanted():
    items = _items([("Priya Shah", "另外，我哋總部想要一份今年嘅冷氣機維修記錄。"),
                    ("黃太", "呢份嘢阿傑你 export 出嚟，send 俾 Priya。")])
    assert items == [("Marco Lee 李文傑", "export 今年嘅冷氣機維修記錄出嚟，send 俾 Priya", None)]


def test_a_second_task_said_while_at_it_keeps_its_own_day():
    items = _items([("黃太", "阿傑，口罩同手套你下個工作天落單，順便問埋其他供應商攞新報價，下個禮拜五之前俾我睇。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-12"), ("Marco Lee 李文傑", "2026-03-20")]
    assert "落單" in items[0][1] and "報價" in items[1][1]


def test_the_asker_taking_a_task_back_mid_sentence_keeps_it_with_the_day_said_after():
    for said in ("咁份名單阿傑你跟，呀唔係，我自己跟，月尾前 confirm 晒。",
                 "咁份名單改由阿傑跟，呀唔係，阿傑太多嘢喇，改由我自己跟，月尾前 confirm 晒。"):
        items = _items([("黃太", said)])
        assert [(o, d) for o, _, d in items] == [("黃太", "2026-03-31")], said
        assert "名單" in items[0][1]


def test_a_word_with_a_place_in_it_after_a_name_names_no_speaker():
    items = _items([("SPEAKER_00", "阿傑喺唔喺度？"), ("SPEAKER_01", "喺度。"),
                    ("SPEAKER_00", "好，我聽日之前 send 份 agenda 俾大家。"), ("SPEAKER_01", "我禮拜五之前整好份報價。")])
    assert ("Marco Lee 李文傑", "send agenda 俾大家", "2026-03-12") not in items


@pytest.mark.timeout(120)  # read blank by blank, this turn took minutes (2,000 spaces: 472 s on 2 cores)
def test_a_long_run_of_blanks_is_read_as_one():
    [(owner, task, deadline)] = _items([("黃太", "Ivy 你" + " " * 2000 + "聽日 send 份報價" + "\n" * 400)])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12") and "報價" in task


def test_the_day_of_an_outing_or_a_closure_said_first_is_not_the_requests_day():
    assert _items([("黃太", "禮拜六公司旅行，Ivy 你聽日 book 車。")]) == [("Ivy Chan 陳詩韻", "公司旅行，book 車", "2026-03-12")]
    [(owner, _, deadline)] = _items([("黃太", "旺角店禮拜日先暫停營業，阿傑你聽日通知業主。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12")


def test_a_number_before_a_thing_whose_day_is_said_after_it_is_the_things_number():
    assert _items([("黃太", "阿傑，三號冷氣聽日整好佢。")]) == [("Marco Lee 李文傑", "整好三號冷氣", "2026-03-12")]
    assert _items([("黃太", "阿傑，你十三號之前交份報告。")]) == [("Marco Lee 李文傑", "交報告", "2026-03-13")]


def test_a_department_asked_by_its_name_is_the_attendee_holding_that_role():
    turns = [("黃太", "麻煩 IT 聽日裝好部 printer。"), ("黃太", "叫 IT 禮拜五之前換埋個 router。"),
             ("黃太", "麻煩會計部月尾前出埋張單。")]
    assert _items(turns) == [("Marco Lee 李文傑", "裝好 printer", "2026-03-12"), ("Marco Lee 李文傑", "換 router", "2026-03-13"),
                             (None, "會計部出單", "2026-03-31")]
    run_on = [("黃太", "麻煩IT聽日裝好部printer麻煩會計部禮拜五之前出埋張單")]
    assert _items(run_on) == [("Marco Lee 李文傑", "裝好 printer", "2026-03-12"), (None, "會計部出單", "2026-03-13")]


def test_a_name_glued_on_after_a_request_with_its_own_day_opens_another():
    said = [("黃太", "Ivy你聽日之前send份報價俾客Marco禮拜五之前check份合約")]
    assert sorted(_items(said)) == [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12"), ("Marco Lee 李文傑", "check 合約", "2026-03-13")]


def test_run_on_requests_joined_by_then_or_and_or_said_day_first_are_apart():
    expected = [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12"), ("Marco Lee 李文傑", "check 合約", "2026-03-13")]
    for said in ("Ivy你聽日之前send份報價俾客Marco就禮拜五之前check份合約", "Ivy你聽日之前send份報價俾客同埋Marco禮拜五之前check份合約",
                 "禮拜五之前Marco check份合約聽日之前Ivy send份報價俾客"):
        assert sorted(_items([("黃太", said)])) == expected, said


def test_no_then_i_cannot_make_it_turns_the_request_down():
    turns = [("黃太", "Ivy，你聽日之前 send 份報價俾客。"), ("Ivy Chan 陳詩韻", "唔係，我做唔切。")]
    assert _items(turns) == [(None, "send 報價俾客", "2026-03-12")]
    assert _items(turns + [("黃太", "咁 Marco 你 send 啦。")]) == [("Marco Lee 李文傑", "send 報價俾客", "2026-03-12")]


def test_who_is_free_is_no_part_of_a_task_nobody_has_taken():
    said = [("黃太", "咁大家睇下邊個有空先，總之禮拜五之前一定要有人同運輸公司傾好。")]
    assert _items(said) == [(None, "同運輸公司傾好", "2026-03-13")]


def test_a_thing_taken_on_then_its_verb_with_a_day_is_one_task():
    assert _items([("Ivy Chan 陳詩韻", "OK，展廳我嚟，下個禮拜五之前擺好。")]) == [("Ivy Chan 陳詩韻", "擺好展廳", "2026-03-20")]


def test_what_the_talk_turns_to_and_who_wants_to_see_it_are_not_the_thing():
    turns = [("Marco Lee 李文傑", "講開中秋，有樣嘢要講，POS 機而家未有中秋套餐個掣。"), ("黃太", "咁阿傑你禮拜五五點前加咗佢啦。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-13T17:00:00+08:00") and "套餐" in task and "講開" not in task
    turns = [("黃太", "Priya，你哋上個月嘅銷售數字可唔可以 send 過嚟？老闆想睇下。"), ("Priya Shah", "可以，我聽日 send 畀你。")]
    assert _items(turns) == [("Priya Shah", "send 上個月嘅銷售數字畀你", "2026-03-12")]


def test_what_a_thing_needs_said_after_a_but_is_the_work_a_generic_verb_means():
    turns = [("Ivy Chan 陳詩韻", "不過停電之前要搬機，我份搬遷時間表要更新，因為多咗兩部機。"), ("黃太", "咁 Ivy 你聽日搞掂佢。")]
    assert _items(turns) == [("Ivy Chan 陳詩韻", "更新搬遷時間表", "2026-03-12")]


def test_a_request_to_one_called_then_what_the_speaker_does_with_it_is_theirs():
    said = [("黃太", "阿傑，三個工作天內交返份檢查報告畀我，我要交上頭。")]
    assert _items(said) == [("Marco Lee 李文傑", "交返檢查報告畀黃太", "2026-03-16")]
    said = [("黃太", "IT 嗰邊，三個工作天內交返份檢查報告畀我，我要交上頭。")]
    assert [o for o, _, _ in _items(said)] == ["Marco Lee 李文傑"]


def test_a_suggestion_said_after_when_it_is_for_is_nobodys_task():
    turns = [("Marco Lee 李文傑", "停機期間我建議轉用五號機頂住，五號啱啱做完保養。"), ("黃太", "好，停機期間就用五號。")]
    assert _items(turns) == []


def test_an_ordinal_before_a_measure_word_names_the_thing():
    turns = [("黃太", "阿傑，第三本點呀？"), ("Marco Lee 李文傑", "第三本有好多夜景，要逐個鏡執，慢過預期。"),
             ("黃太", "咁你下個禮拜五之前搞掂佢得唔得？"), ("Marco Lee 李文傑", "得。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-20") and "第三本" in task


def test_how_two_share_out_the_work_is_no_part_of_either_task():
    said = [("黃太", "節目同輪椅你哋兩個分下工：陳小姐搞表演節目，阿傑就負責借多五部輪椅，兩樣都下個禮拜一之前搞掂。")]
    assert sorted(_items(said)) == [("Ivy Chan 陳詩韻", "搞表演節目", "2026-03-16"), ("Marco Lee 李文傑", "借多五部輪椅", "2026-03-16")]


def test_sent_to_them_after_what_a_party_wants_to_see_sends_that_thing_to_that_party():
    said = [("黃太", "阿傑，社署要睇最新嘅更表，你聽日下晝三點前 send 畀佢哋。")]
    assert _items(said) == [("Marco Lee 李文傑", "send 最新嘅更表畀社署", "2026-03-12T15:00:00+08:00")]


def test_work_that_was_someones_taken_over_by_the_speaker_after_a_reason_is_the_speakers():
    said = [("黃太", "巡查文件原本係陳小姐你準備，不過你呢個禮拜要搞推廣，我諗改由我自己搞。")]
    assert _items(said) == [("黃太", "準備巡查文件", None)]
    said = [("黃太", "巡查文件原本係陳小姐你準備，不過你呢個禮拜要搞推廣，改由阿傑搞。")]
    assert _items(said) == [("Marco Lee 李文傑", "準備巡查文件", None)]


def test_work_someone_had_taken_over_in_a_later_turn_is_named_by_what_it_was():
    turns = [("黃太", "下個月消防處嚟驗。啲驗收文件原本係陳小姐準備。"), ("Ivy Chan 陳詩韻", "係，不過我呢兩個禮拜要跟推廣，驚搞唔掂。"),
             ("黃太", "咁改由我自己搞，下個禮拜三之前準備好。")]
    assert _items(turns) == [("黃太", "準備好驗收文件", "2026-03-18")]


def test_the_managers_own_yes_names_the_work_they_approve():
    said = [("Ivy Chan 陳詩韻", "另外有個客話佢租咗我哋個舖三年，想減租。"), ("Marco Lee 李文傑", "阿朗，呢啲要你老闆批㗎。"), ("黃太", "得，呢單減租我月尾之前審批埋佢。")]
    [(owner, task, deadline)] = _items(said, date="2026-03-04", attendees=MANAGED)
    assert (owner, deadline) == ("黃太", "2026-03-31") and "減租" in task and "審批" in task and "佢" not in task


def test_more_ways_of_saying_i_cannot_turn_the_request_down():
    asked = ("黃太", "Ivy，你禮拜五之前 send 份報價俾客。")
    for answer in ("唔係喎，我都好忙。", "我 handle 唔到。", "唔係好得閒喎。", "不是，我來不及。", "我應付唔嚟呀。", "唔係喎，我手頭上好多嘢。"):
        assert _items([asked, ("Ivy Chan 陳詩韻", answer)]) == [(None, "send 報價俾客", "2026-03-13")], answer


def test_run_on_requests_asking_the_next_person_with_a_telling_word_are_apart():
    said = [("黃太", "Ivy你聽日之前send份報價俾客叫阿傑禮拜五之前check份合約")]
    assert sorted(_items(said)) == [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12"), ("Marco Lee 李文傑", "check 合約", "2026-03-13")]


def test_taking_over_work_said_after_what_the_talk_turns_to_moves_no_other_item():
    turns = [("Ivy Chan 陳詩韻", "阿傑，你聽日之前 update 個網站。"), ("Marco Lee 李文傑", "得。"),
             ("黃太", "講開供應商個 demo，原本係陳小姐準備，不過佢太忙，改由我自己搞，下個禮拜三之前。")]
    assert sorted(_items(turns)) == [("Marco Lee 李文傑", "update 網站", "2026-03-12"), ("黃太", "準備供應商 demo", "2026-03-18")]
    turns = [("Ivy Chan 陳詩韻", "阿傑，你聽日之前 update 個網站。"), ("Marco Lee 李文傑", "得。"), ("黃太", "改由我自己搞。")]
    assert _items(turns) == [("Marco Lee 李文傑", "update 網站", "2026-03-12")]  # a takeover naming no work of the speaker's


def test_not_that_day_but_another_said_alone_corrects_the_day_just_given():
    asked = ("黃太", "Ivy，你禮拜五之前 send 份報價俾客。")
    for who in ("Ivy Chan 陳詩韻", "黃太"):
        assert _items([asked, (who, "唔係禮拜五，係禮拜四。")]) == [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12")], who


def test_cannot_make_that_day_then_another_moves_the_day_and_keeps_the_owner():
    asked = ("黃太", "Ivy，你禮拜五之前 send 份報價俾客。")
    for answer in ("唔係，我做唔切，我禮拜一先得。", "禮拜五趕唔切，禮拜一先得。"):
        turns = [asked, ("Ivy Chan 陳詩韻", answer), ("黃太", "好啦，禮拜一啦。")]
        assert _items(turns) == [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-16")], answer


def test_so_i_will_by_a_day_is_a_commitment_and_otherwise_is_no_refusal():
    turns = [("黃太", "下晝停電，咁部 server 點算？"), ("Marco Lee 李文傑", "所以我聽日之前備份晒啲資料先，唔係做唔到嘢。")]
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12") and "備份" in task


def test_who_takes_other_work_takes_no_earlier_task_that_shares_a_word():
    turns = [("Marco Lee 李文傑", "我負責同保安公司聯絡，聽日之內約好檢查時間。"), ("黃太", "好。"),
             ("黃太", "仲有下個月嗰兩個實習生，迎新邊個搞？"), ("Ivy Chan 陳詩韻", "我嚟，禮拜五之前排好時間表。")]
    assert sorted((o, d) for o, _, d in _items(turns)) == [("Ivy Chan 陳詩韻", "2026-03-13"), ("Marco Lee 李文傑", "2026-03-12")]


def test_a_thing_said_alone_then_the_work_on_it_is_one_task():
    assert _items([("Ivy Chan 陳詩韻", "份推廣計劃，我聽日 send 俾你。")]) == [("Ivy Chan 陳詩韻", "send 推廣計劃俾你", "2026-03-12")]
    assert _items([("黃太", "Ivy，份報價你親自 send 俾客，禮拜五之前。")]) == [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-13")]
    turns = [("Marco Lee 李文傑", "舊 server 嗰啲帳戶，我可以幫手清。"), ("黃太", "好呀，不過唔急，你做完 firewall 先，月尾前搞掂就得。")]
    assert _items(turns) == [("Marco Lee 李文傑", "清舊 server 帳戶", "2026-03-31")]


def test_run_on_requests_with_each_day_said_after_its_work_keep_their_days():
    items = _items([("黃太", "Ivy你send份報價俾客聽日之前阿傑就check份合約禮拜五之前")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12"), ("Marco Lee 李文傑", "2026-03-13")]
    assert "報價" in items[0][1] and "合約" in items[1][1]


def test_someone_on_leave_today_does_not_make_the_request_due_today():
    for said in ("Henry 今日請咗病假喎。", "Henry 今日 sick leave 喎。"):
        [(owner, _, deadline)] = _items([("黃太", "叫Henry聽日之前send份報告俾我。"), ("Ivy Chan 陳詩韻", said)])
        assert (owner, deadline) == (None, "2026-03-12"), said


def test_doing_something_over_again_is_work_not_done():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，你月底之前同兩間供應商重新傾過價錢。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-31") and "價錢" in task


def test_a_department_called_names_the_label_that_answers():
    people = [Person(a["name"], role=a["role"], aliases=tuple(a.get("aliases", ()))) for a in ATTENDEES]
    turns = [("S1", "IT 嗰邊，三樓部 server 點呀？"), ("S2", "仲等緊零件。"), ("S1", "咁你禮拜五之前裝好佢。")]
    assert name_speakers(turns, people).get("S2") == "Marco Lee 李文傑"


def test_a_name_between_pauses_before_a_question_names_the_label_that_answers():
    people = [Person(a["name"], aliases=tuple(a.get("aliases", ()))) for a in ATTENDEES]
    turns = [("S1", "好 第一件事 阿傑 部 server 仲有幾多空間"), ("S2", "仲有一半左右"), ("S1", "咁你下個禮拜清咗佢")]
    assert name_speakers(turns, people).get("S2") == "Marco Lee 李文傑"


def test_both_things_handed_in_together_share_the_day_and_are_no_task_of_their_own():
    items = _items([("黃太", "Ivy，你整份新價目表，另外幫我數吓倉仲有幾多張舊海報，兩樣嘢禮拜五一齊交俾我。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")] * 2
    assert "價目表" in items[0][1] and "海報" in items[1][1]


def test_two_things_promised_with_their_own_days_are_two_items():
    items = _items([("Ivy Chan 陳詩韻", "份 slides 我聽日改完，海報禮拜五前印好。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12"), ("Ivy Chan 陳詩韻", "2026-03-13")]


def test_the_other_spelling_of_then_still_calls_the_name_after_it():
    [(owner, _, deadline)] = _items([("黃太", "噉 Ivy，你聽日 book 會議室。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-12")


def test_not_for_long_asks_no_question():
    [(owner, task, deadline)] = _items([("黃太", "阿傑，你今日之內搵人整好部冷氣，房入面熱到頂唔到幾耐。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-11") and "冷氣" in task


def test_why_the_asker_wants_it_handed_in_is_not_their_task_and_the_request_goes_on():
    items = _items([("黃太", "阿傑，你今日之內約供應商上嚟睇部影印機。"), ("Marco Lee 李文傑", "明白，我朝早打。"),
                    ("黃太", "順便問埋兩款新機幾錢，報價禮拜五之前俾我，我要交上去批。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-11"), ("Marco Lee 李文傑", "2026-03-13")]
    assert "報價" in items[1][1]


def test_writing_an_introduction_is_work():
    [(owner, task, deadline)] = _items([("黃太", "Ivy，你寫段公司介紹俾阿傑，禮拜五前得唔得？"), ("Ivy Chan 陳詩韻", "冇問題。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13") and "介紹" in task


def test_handing_files_over_is_work():
    [(owner, _, deadline)] = _items([("Marco Lee 李文傑", "我啲 file 同 password 可以交低俾 Ivy。"),
                                     ("黃太", "好，咁你聽日之前 handover 埋俾 Ivy 啦。")])
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-12")


def test_a_pause_after_a_final_particle_closes_the_sentence_before_a_name_called():
    [(owner, task, deadline)] = _items([("黃太", "唔使等喇 Ivy你今晚之前先把海報發到各個群組")])
    assert (owner, deadline[:10]) == ("Ivy Chan 陳詩韻", "2026-03-11") and "海報" in task and "群組" in task


def test_the_owner_saying_it_is_not_needed_calls_it_off_when_the_asker_agrees():
    asked = [("黃太", "阿傑，你搵三間公司報價換走廊啲冷氣。"), ("Marco Lee 李文傑", "黃太，嗰個唔使搞喇，業主下個月會成棟換。")]
    assert _items(asked + [("黃太", "咁好，慳返。")]) == []
    assert [o for o, _, _ in _items(asked + [("黃太", "唔得，都要報價。")])] == ["Marco Lee 李文傑"]


def test_two_people_handing_in_both_things_to_someone_else_share_the_day():
    items = _items([("黃太", "Ivy 你 send 份出席紀錄，阿傑你 send 份 server log，兩份都係聽日三點前俾 Priya。"),
                    ("Ivy Chan 陳詩韻", "OK。"), ("Marco Lee 李文傑", "收到。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-12T15:00:00+08:00"),
                                             ("Marco Lee 李文傑", "2026-03-12T15:00:00+08:00")]


@pytest.mark.parametrize("asked, answer, due", [
    ("禮拜五之前搞掂佢啦。", "好。", "2026-03-13"),
    ("禮拜五之前交俾我，得唔得？", "得。", "2026-03-13"),
    ("呢個禮拜五之前搞掂佢，得唔得？", "禮拜五真係做唔切，要等供應商回覆，下個禮拜一先得。", "2026-03-16"),
])
def test_a_request_with_no_subject_is_for_the_one_who_just_spoke_and_answers_it(asked, answer, due):
    turns = [("黃太", "份意外報告呢？"), ("Marco Lee 李文傑", "我寫緊。"), ("黃太", asked), ("Marco Lee 李文傑", answer)]
    if "先得" in answer:
        turns.append(("黃太", "好啦，禮拜一，唔好再遲。"))
    [(owner, task, deadline)] = _items(turns)
    assert (owner, deadline) == ("Marco Lee 李文傑", due) and "報告" in task


def test_what_an_outside_party_will_do_is_nobodys_task():
    assert _items([("Marco Lee 李文傑", "黃太，業主下個月會成棟大廈換冷氣。")]) == []


def test_asr_written_refusal_and_taking_it_back_move_the_task_to_the_asker():
    [(owner, task, deadline)] = _items([("黃太", "Ivy 你順便出埋那個週年的post吧"),
                                        ("Ivy Chan 陳詩韻", "我真的做不切啊 片都還沒剪完 你叫其他人吧"),
                                        ("黃太", "那好吧 週年post我自己星期四出")])
    assert (owner, deadline) == ("黃太", "2026-03-12") and "post" in task


def test_a_day_offered_back_with_a_written_tag_is_agreed_by_a_yes():
    [(owner, _, deadline)] = _items([("Priya Shah", "好。"), ("黃太", "仲有，Priya，嗰幾份合約你都幫我哋睇一睇啲條款。"),
                                     ("Priya Shah", "呢個要啲時間，十日內俾你可以嗎？"), ("黃太", "可以，就咁。")])
    assert (owner, deadline) == ("Priya Shah", "2026-03-21")


def test_work_under_way_is_not_the_thing_the_request_names():
    [(owner, task, _)] = _items([("黃太", "咁份意外報告呢？兩間保險公司都要求睇。"),
                                 ("Marco Lee 李文傑", "我寫緊，不過仲等師傅嘅 test result。"),
                                 ("黃太", "禮拜五之前搞掂佢啦。"), ("Marco Lee 李文傑", "好。")])
    assert owner == "Marco Lee 李文傑" and "意外報告" in task and "寫" not in task


@pytest.mark.parametrize("said", ["Ivy，我可唔可以講埋先？我十點要同 Priya 開會。", "黃太，我下個月要去新加坡上嗰個 course，兩個禮拜唔喺度。"])
def test_where_the_speaker_will_be_is_no_task(said):
    assert _items([("Marco Lee 李文傑", said)]) == []


def test_why_a_list_is_handed_in_after_what_it_holds_is_no_task():
    items = _items([("Marco Lee 李文傑", "好。"), ("黃太", "今晚八點前你俾張名單我，邊部已經維修好、邊部仲等零件，我要同總部報告。"),
                    ("Marco Lee 李文傑", "八點前，冇問題。")])
    assert [(o, d) for o, _, d in items] == [("Marco Lee 李文傑", "2026-03-11T20:00:00+08:00")]


def test_a_yes_with_only_when_keeps_the_work_asked_and_takes_the_day_offered():
    [(owner, task, deadline)] = _items([("黃太", "Ivy，你今晚整定張後備人手 list 俾我？"),
                                        ("Ivy Chan 陳詩韻", "我開完會即刻做，五點前俾你，得唔得？"), ("黃太", "得，五點就五點。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-11T17:00:00+08:00") and "list" in task


def test_back_from_the_new_year_holidays_is_the_first_working_day_after_them_and_a_threat_is_no_task():
    [(owner, task, deadline)] = _items([("Ivy Chan 陳詩韻", "仲有十二萬未收。"),
                                        ("黃太", "放完年假返工第一天你就發個 reminder 俾佢哋，再唔俾錢就要停佢哋嘅 credit。"),
                                        ("Ivy Chan 陳詩韻", "OK。")], date="2027-02-04")  # Thursday before the 2027 Lunar New Year
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2027-02-10") and "reminder" in task


def test_how_much_asked_in_written_chinese_is_a_question_and_not_much_is_none():
    assert asks("會計部那邊 Ivy 那些客還有多少沒有pay")
    assert not asks("多多少少都要做埋佢") and not asks("部冷氣頂唔到幾耐")


def test_run_on_requests_with_each_time_of_day_said_after_its_work_keep_their_times():
    items = _items([("黃太", "Ivy你執好會議室三點之前阿傑就覆個供應商五點之前")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-11T15:00:00+08:00"),
                                             ("Marco Lee 李文傑", "2026-03-11T17:00:00+08:00")]


def test_the_owner_calling_their_own_task_off_leaves_the_others_of_that_turn():
    items = _items([("黃太", "阿傑，聽日幫我裝好部 printer，Ivy 你禮拜五 send 份報價。"), ("Marco Lee 李文傑", "嗰個唔使搞喇。"),
                    ("黃太", "好。")])
    assert [(o, d) for o, _, d in items] == [("Ivy Chan 陳詩韻", "2026-03-13")]


def test_called_off_by_the_owner_with_the_asker_named_and_an_outside_firm_doing_it():
    assert _items([("黃太", "阿傑，聽日幫我裝好部 printer。"), ("Marco Lee 李文傑", "黃太，嗰個唔使搞喇，影印機公司會嚟裝。"),
                   ("黃太", "噢，咁好，唔使喇。")]) == []


def test_the_one_called_keeps_the_request_when_the_asker_says_why_after_it():
    [(owner, task, deadline)] = _items([("Ivy Chan 陳詩韻", "份預算仲差少少。"),
                                        ("黃太", "Ivy，份預算禮拜五交俾我，我要交上去批。"), ("Ivy Chan 陳詩韻", "好。")])
    assert (owner, deadline) == ("Ivy Chan 陳詩韻", "2026-03-13") and "預算" in task


def test_a_request_with_no_subject_answered_with_another_day_is_due_then():
    [(owner, task, deadline)] = _items([("黃太", "份報價呢？"), ("Ivy Chan 陳詩韻", "我寫緊。"), ("黃太", "禮拜五之前搞掂佢，得唔得？"),
                                        ("Ivy Chan 陳詩韻", "禮拜五唔得，下個禮拜二啦。"), ("黃太", "好。")])
    assert (owner, task, deadline) == ("Ivy Chan 陳詩韻", "完成報價", "2026-03-17")


def test_what_somebody_asked_of_the_speaker_is_not_the_task_of_the_one_called():
    for said in ("黃太，Priya 叫我聽日幫佢 check 份合約。", "Ivy，老細叫我禮拜五前裝好部 server。"):
        assert [o for o, _, _ in _items([("Marco Lee 李文傑", said)])] not in (["黃太"], ["Ivy Chan 陳詩韻"]), said


def test_a_name_reported_as_saying_something_names_no_label():
    people = [Person(a["name"], aliases=tuple(a.get("aliases", ()))) for a in ATTENDEES]
    assert name_speakers([("S1", "Ivy 話份預算搞成點？"), ("S2", "我聽日問下佢。")], people) == {}


@pytest.mark.timeout(60)  # read as one sentence, a list of 3,000 parts took minutes (each part against all the others)
def test_a_sentence_listing_thousands_of_things_is_read_in_runs():
    items = _items([("黃太", "我哋" + "報價、" * 3000 + "都要聽日做。Ivy，你聽日 send 份報價俾客。")])
    assert items == [("Ivy Chan 陳詩韻", "send 報價俾客", "2026-03-12")]


def test_a_handover_with_a_long_topic_or_to_the_one_called_as_you_moves_the_work():
    [(owner, task, _)] = _items([("黃太", "London office 嘅 VPN 測試原本 Ivy 跟，改由阿傑跟。")])
    assert owner == "Marco Lee 李文傑" and "VPN 測試" in task
    [(owner, task, deadline)] = _items([("黃太", "Priya，新加坡 office 嘅 VPN 測試原本 Ivy 跟，改由你跟。London 時間禮拜五朝早十點前做完。"),
                                        ("Priya Shah", "OK，冇問題。")])
    assert (owner, deadline) == ("Priya Shah", "2026-03-13T18:00:00+08:00") and "VPN 測試" in task


def test_what_the_speaker_reports_on_first_and_todays_agenda_are_no_work():
    assert _items([("黃太", "好，開始啦。今日主要 review 吓上個禮拜嗰三單 case，同埋新系統嘅培訓。"),
                   ("Marco", "黃太你哋講，我聽吓先。"),
                   ("Ivy", "咁我講 quotation 先。上個月嗰四份報價全部都 send 咗出去，客已經覆晒。")]) == []


def test_what_the_asker_wants_to_see_after_asking_everyone_is_no_task_of_theirs():
    items = _items([("黃太", "大家將手上嘅 leads 禮拜五之前入晒落 system，我要睇埋數。")])
    assert [(owner, deadline) for owner, _, deadline in items] == [(None, "2026-03-13")]
    assert "睇" not in items[0][1]


def test_a_recurring_call_keeps_how_often_and_its_first_time_is_no_other_task():
    items = _items([("黃太", "嗰個業主好緊張，成日打嚟問進度。阿傑，你每個禮拜一 call 佢 report 一次啦，第一次就下個禮拜一。")])
    assert len(items) == 1
    owner, task, deadline = items[0]
    assert (owner, deadline) == ("Marco Lee 李文傑", "2026-03-16")
    assert "每個禮拜一" in task and "業主" in task and "成日" not in task


def test_a_test_that_went_fine_is_no_work():
    assert _items([("S1", "阿傑，禮堂嗰套新音響搞成點？"), ("S2", "上個禮拜已經裝好，全部試過。"),
                   ("S3", "係，我今朝喺禮堂彩排試過，二十幾支咪一齊用都冇問題。")]) == []


def test_a_holiday_misheard_as_a_homophone_still_gives_the_deadline():
    items = _items([("黃太", "阿傑，份年報你聖旦假之前最後一個工作天交俾我。")], date="2026-12-14")
    assert [(owner, deadline) for owner, _, deadline in items] == [("Marco Lee 李文傑", "2026-12-24")]
    items = _items([("黃太", "Ivy，啲月餅禮盒終秋節之前要派晒俾客。")], date="2026-09-14")
    assert [(owner, deadline) for owner, _, deadline in items] == [("Ivy Chan 陳詩韻", "2026-09-25")]


def test_work_done_again_names_what_was_done_before():
    items = _items([("S1", "上個月嗰張單，個客仲未俾錢。"), ("Ivy", "我上個禮拜已經 email 咗 statement 俾佢。"),
                    ("S1", "阿傑，你聽日再 email 一次，cc 埋佢老闆。")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Marco Lee 李文傑", "2026-03-12")]
    assert "statement" in items[0][1] and "再" in items[0][1]


def test_a_name_then_whose_or_which_thing_in_asr_text_is_the_one_called():
    items = _items([("S1", "Ivy 三月份嘅 overtime 同 leave record 月尾前交俾我")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Ivy Chan 陳詩韻", "2026-03-31")]
    assert "overtime" in items[0][1]


def test_the_time_said_at_the_latest_in_another_zone_beats_a_partys_event():
    items = _items([("Priya", "仲有 佢哋 finance 月尾 close account 我最遲要 London time 三月二十號朝早九點 send 份 invoice 俾佢哋")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Priya Shah", "2026-03-20T17:00:00+08:00")]


def test_a_question_word_after_confirm_is_what_is_confirmed_not_a_question():
    items = _items([("黃太", "Ivy 你聽日之前 WhatsApp 晒啲學員 確認佢哋揀邊個導師")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Ivy Chan 陳詩韻", "2026-03-12")]


def test_in_a_moment_is_today_and_what_the_asker_lacks_is_what_is_sent():
    items = _items([("Marco", "好啦，不過我手上冇供應商嘅報價單喎。"), ("Ivy", "我一陣間 send 俾你。")])
    assert items == [("Ivy Chan 陳詩韻", "send 供應商嘅報價單俾 Marco", "2026-03-11")]


def test_keeping_time_free_for_an_event_or_flying_back_is_no_work():
    assert _items([("黃太", "下個禮拜五下晝三點喺總部開年會，大家預留時間。"),
                   ("Priya", "I see. 我下個禮拜三返香港，可以直接上 office 開會。")]) == []


def test_these_i_will_handle_makes_the_needs_said_before_the_speakers():
    items = _items([("Ivy", "Marco，講開下個月消防處嘅巡查，佢哋要我哋月尾之前交走火路線圖，同埋 update 埋滅火筒記錄。呢啲我嚟搞。")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Ivy Chan 陳詩韻", "2026-03-31")] * 2


def test_after_someone_elses_step_the_one_called_does_it_by_when_a_party_wants_it():
    items = _items([("黃太", "Ivy，Marco 整好份報價之後你就 send 份合約俾客，業主想禮拜五之前收到。")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Ivy Chan 陳詩韻", "2026-03-13")]
    assert "合約" in items[0][1] and "業主" not in items[0][1]


def test_what_the_asker_passes_on_after_the_work_is_no_task_of_theirs():
    items = _items([("黃太", "阿傑，你聽日中午之前改好份平面圖，我要 send 俾業主 confirm。")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Marco Lee 李文傑", "2026-03-12T12:00:00+08:00")]


def test_yes_then_others_on_leave_keeps_the_task_of_the_one_asked():
    items = _items([("黃太", "阿傑，更表你禮拜五之前 send 俾我。"),
                    ("Marco", "收到。不過黃太，觀塘有兩個同事請咗假，人手好緊，可唔可以借一個過嚟？")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Marco Lee 李文傑", "2026-03-13")]


def test_finding_out_then_answering_later_is_a_commitment_with_no_day():
    items = _items([("Marco", "觀塘人手好緊，可唔可以借一個過嚟？"), ("黃太", "我問吓荃灣嗰邊，再覆你。")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("黃太", None)]
    assert "荃灣" in items[0][1]


def test_a_handover_naming_the_work_by_its_topic_moves_it_from_turns_before():
    items = _items([("黃太", "Ivy，周生嗰批窗簾你繼續跟，下個禮拜五之前同佢 confirm 晒布料同尺寸。"),
                    ("Ivy Chan 陳詩韻", "OK，我約咗佢禮拜六去睇 showroom。"),
                    ("黃太", "另外，Ivy 你今晚改好會議室個平面圖。"),
                    ("Marco Lee 李文傑", "黃太，Ivy 又要改平面圖又要搞 café 嘅 mood board，我驚佢做唔切。窗簾嗰 part 不如我嚟跟啦，我下個禮拜本身都要約周生睇 site。"),
                    ("黃太", "都好。咁周生嗰批窗簾改由阿傑跟，deadline 照舊。")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Marco Lee 李文傑", "2026-03-20"), ("Ivy Chan 陳詩韻", "2026-03-11")]
    assert "窗簾" in items[0][1] and "繼續跟" not in items[0][1]


def test_work_based_on_another_step_names_only_its_own_verb():
    items = _items([("Marco", "咁如果改 layout，我嗰邊個 3D render 都要跟住改㗎喎。"),
                    ("黃太", "係。Marco，Ivy 改好個 drawing 之後你就跟返佢出過個 render。")])
    assert [(owner, task) for owner, task, _ in items] == [("Marco Lee 李文傑", "出過 render")]


def test_checking_the_call_and_starting_the_meeting_are_no_decisions():
    assert _decisions([("黃太", "喂，倫敦嗰邊 Priya 聽唔聽到？"), ("Priya", "聽到，好清楚，我哋呢邊啱啱八點。"),
                       ("黃太", "好，咁開始。今日講兩樣嘢：年報同埋新 office。")]) == []


def test_tasks_given_by_name_stay_theirs_when_the_speaker_follows_them_up():
    items = _items([("黃太", "阿傑禮拜五前整好 server，Ivy 聽日 send 宣傳 email，呢啲我嚟跟進。")])
    assert [(owner, deadline) for owner, _, deadline in items if deadline] == [
        ("Marco Lee 李文傑", "2026-03-13"), ("Ivy Chan 陳詩韻", "2026-03-12")]


@pytest.mark.parametrize("said, kept", [("阿傑，你幫我訂四月美國嘅機票。", "四月美國"), ("Ivy，今年美國個 trade show 由你負責報名。", "美國"),
                                        ("Ivy，你打俾日月美容院問吓佢哋嘅報價。", "日月美容院"),
                                        ("Ivy，份報價唔急，你遲一陣先 send 俾客。", "send"),
                                        ("Ivy，下個禮拜開會嗰一陣你提吓大家交 timesheet。", "timesheet")])
def test_words_that_only_sound_like_a_day_or_a_while_later_give_no_deadline(said, kept):
    [(_, task, deadline)] = _items([("黃太", said)])
    assert deadline is None and kept in task


@pytest.mark.parametrize("said", ["Ivy、阿傑，聽日個 training 你哋講解新系統。", "Ivy，你幫我預留時間見供應商，下個禮拜五之前。",
                                  "Priya，你禮拜五前 send 啲樣板返香港。", "Ivy，老細想禮拜五前收到份報告。",
                                  "阿傑 今日主要跟進個 server migration 收工前搞掂佢"])
def test_work_that_shares_words_with_agenda_talk_or_whereabouts_stays_work(said):
    assert _items([("黃太", said)])


def test_a_view_is_nothing_to_send_and_a_thing_said_since_is_not_sent_again():
    assert _items([("Marco", "份報價我冇問題喎。"), ("Ivy", "好，咁我聽日 send 俾你。")]) == [
        ("Ivy Chan 陳詩韻", "send 俾 Marco", "2026-03-12")]
    [(_, task, _)] = _items([("Marco", "我琴日 send 咗份 invoice 俾供應商。"), ("Ivy", "個客話收唔到份報價。"), ("黃太", "Ivy，你再 send 一次。")])
    assert "invoice" not in task


def test_an_english_opener_before_a_name_still_calls_that_person():
    items = _items([("黃太", "阿傑，你今日之內 check 埋份合約。"), ("Marco Lee 李文傑", "得，冇問題。"),
                    ("Priya", "Also Ivy, please book the boardroom for Friday, it's urgent.")])
    assert ("Ivy Chan 陳詩韻", "2026-03-13") in [(owner, deadline) for owner, _, deadline in items]
    assert all(owner != "Marco Lee 李文傑" or deadline == "2026-03-11" for owner, _, deadline in items)


def test_an_event_named_by_its_day_moving_leaves_the_tasks_given_before():
    items = _items([("S1", "好 阿傑 你 聽日 十點前 update 埋個 server patch 得唔得"), ("S2", "得 冇問題"),
                    ("S1", "OK 咁 禮拜五 嘅 launch party 改 下個禮拜一")])
    assert [(owner, deadline) for owner, _, deadline in items] == [("Marco Lee 李文傑", "2026-03-12T10:00:00+08:00")]
