"""The rule baseline and the post-processing around it, on transcripts written for these tests."""

from assistant.config import ExtractionSettings
from assistant.extract import extract_transcript

RULES = ExtractionSettings(backend="rules")

MEETING = {
    "date": "2026-05-06",  # a Wednesday
    "attendees": [
        {"name": "梁生", "role": "營運經理"},
        {"name": "Ivy", "role": "市場主任"},
        {"name": "阿豪", "role": "IT 支援"},
    ],
    "turns": [
        {"speaker": "梁生", "start": 0.0, "end": 5.0, "text": "上個月網店訂單升咗一成。"},
        {"speaker": "Ivy", "start": 5.0, "end": 10.0, "text": "我下個禮拜一之前出一份推廣計劃俾你睇。"},
        {"speaker": "梁生", "start": 10.0, "end": 16.0, "text": "好。阿豪你聽日幫手 check 下網站嘅付款頁。"},
        {"speaker": "阿豪", "start": 16.0, "end": 20.0, "text": "冇問題。"},
        {"speaker": "梁生", "start": 20.0, "end": 26.0, "text": "我哋決定母親節優惠改做八折。"},
        {"speaker": "Ivy", "start": 26.0, "end": 30.0, "text": "係咪要再印多啲單張？"},
        {"speaker": "梁生", "start": 30.0, "end": 34.0, "text": "單張遲啲再傾，今日唔決定。"},
    ],
}


def test_commitments_requests_and_decisions():
    out = extract_transcript(MEETING, RULES)
    items = {(a["owner"], a["turn"]): a for a in out["action_items"]}
    assert set(items) == {("Ivy", 1), ("阿豪", 2)}
    assert items[("Ivy", 1)]["deadline"] == "2026-05-11"
    assert items[("Ivy", 1)]["task"] == "出推廣計劃俾梁生睇"
    assert items[("阿豪", 2)]["deadline"] == "2026-05-07"
    assert items[("阿豪", 2)]["priority"] == "app"
    assert [d["turn"] for d in out["decisions"]] == [4]
    assert "八折" in out["decisions"][0]["text"]


def test_written_chinese_from_whisper_is_read_too():
    meeting = {"date": "2026-05-06", "turns": [
        {"speaker": "Ivy", "text": "我们决定下个月开始用新的供应商。"},
        {"speaker": "Tom", "text": "我会在星期五前把合同发给他们。"},
    ]}
    out = extract_transcript(meeting, RULES)
    assert out["decisions"] == [{"text": "我哋決定下個月開始用新嘅供應商", "turn": 0}]
    [item] = out["action_items"]
    assert (item["owner"], item["deadline"], item["turn"]) == ("Tom", "2026-05-08", 1)
    assert "合同" in item["task"]


def test_a_bare_yes_takes_the_task_from_the_request_before():
    meeting = {"date": "2026-05-06", "turns": [
        {"speaker": "梁生", "text": "月尾要交季度報表。"},
        {"speaker": "Ivy", "text": "我嚟搞。"},
    ]}
    [item] = extract_transcript(meeting, RULES)["action_items"]
    assert (item["owner"], item["deadline"], item["turn"]) == ("Ivy", "2026-05-31", 1)
    assert "季度報表" in item["task"]


def test_later_cancellation_removes_the_item():
    meeting = {"date": "2026-05-06", "turns": [
        {"speaker": "Ivy", "text": "我聽日訂酒店房。"},
        {"speaker": "梁生", "text": "酒店房唔使再訂，個活動取消咗。"},
    ]}
    assert extract_transcript(meeting, RULES)["action_items"] == []


def test_empty_transcript_and_a_meeting_without_actions():
    assert extract_transcript({"date": "2026-05-06", "turns": []}, RULES) == {"decisions": [], "action_items": []}
    chat = {"date": "2026-05-06", "turns": [
        {"speaker": "梁生", "text": "今日天氣好好。"},
        {"speaker": "Ivy", "text": "係呀，好耐冇出太陽。"},
    ]}
    assert extract_transcript(chat, RULES) == {"decisions": [], "action_items": []}


def _items(turns, date="2026-05-06"):
    meeting = {"date": date, "attendees": MEETING["attendees"], "turns": [{"speaker": s, "text": t} for s, t in turns]}
    return extract_transcript(meeting, RULES)


def test_a_request_and_its_reply_are_one_item_owned_by_the_one_addressed():
    out = _items([
        ("梁生", "阿豪，付款頁嘅 bug 你要搵供應商跟。"),
        ("阿豪", "收到，我聽日朝早十點前覆你。"),
        ("梁生", "另外，Ivy 負責寫新聞稿，下個禮拜三之前。"),
        ("Ivy", "好，我仲會順便約埋攝影師。"),
    ])
    items = {(a["owner"], a["turn"]): a for a in out["action_items"]}
    assert set(items) == {("阿豪", 0), ("Ivy", 2), ("Ivy", 3)}
    assert items[("阿豪", 0)]["deadline"] == "2026-05-07T10:00:00+08:00"  # the reply's due time joins the request
    assert "付款頁" in items[("阿豪", 0)]["task"]
    assert items[("Ivy", 2)]["deadline"] == "2026-05-13"


def test_a_name_alone_addresses_the_rest_of_the_sentence():
    [item] = _items([("梁生", "阿豪，聽日之前要知道邊部機未裝好系統。")])["action_items"]
    assert (item["owner"], item["deadline"]) == ("阿豪", "2026-05-07")


def test_reports_guesses_and_plans_given_up_are_not_items():
    out = _items([
        ("阿豪", "伺服器我已經重新裝好咗。"),
        ("Ivy", "我估啲單張要多三日先印到。"),
        ("梁生", "本來想叫阿豪整報價，不過佢太忙，Ivy 你整啦，星期五前。"),
    ])
    [item] = out["action_items"]
    assert (item["owner"], item["deadline"], item["turn"]) == ("Ivy", "2026-05-08", 2)
    assert "報價" in item["task"]


def test_a_short_answer_to_who_takes_the_task_from_the_question():
    out = _items([
        ("Ivy", "咁展覽嘅場地平面圖邊個畫？"),
        ("梁生", "阿豪你畫啦，月尾之前。"),
    ])
    [item] = out["action_items"]
    assert (item["owner"], item["deadline"]) == ("阿豪", "2026-05-31")
    assert "場地平面圖" in item["task"]


def test_first_person_with_a_deadline_is_a_commitment():
    [item] = _items([("Ivy", "咁我收到報價之後，下個禮拜一之前揀好供應商。")])["action_items"]
    assert (item["owner"], item["deadline"]) == ("Ivy", "2026-05-11")
    assert item["task"].endswith("揀好供應商")


def test_decision_wording_follows_the_cue():
    out = _items([
        ("梁生", "唔好用舊 logo 喇，我哋決定用新設計。"),
        ("梁生", "以後報銷一律用網上表格，呢個定咗。"),
        ("梁生", "開幕日期就維持五月尾，唔改。"),
    ])
    assert [d["text"] for d in out["decisions"]] == [
        "我哋決定用新設計", "以後報銷一律用網上表格", "開幕日期就維持五月尾，唔改"]


def test_clock_times_and_promises_leave_the_task():
    [item] = _items([("Ivy", "新聞稿我可以準備好，今晚八點前發出去。")])["action_items"]
    assert (item["task"], item["deadline"]) == ("新聞稿準備好，發出去", "2026-05-06T20:00:00+08:00")
