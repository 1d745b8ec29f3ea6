"""Checking a model's raw items against the transcript (no model needed: raw replies written here)."""

from assistant.extract.ground import ground
from assistant.extract.schema import RawExtraction, RawItem
from assistant.extract.transcript import Transcript

MEETING = Transcript.from_dict({
    "date": "2026-05-06",  # a Wednesday
    "attendees": [{"name": "梁生", "role": "經理"}, {"name": "Ivy", "role": "主任"}, {"name": "阿豪", "role": "IT"}],
    "turns": [
        {"speaker": "梁生", "text": "宣傳單張都要改，下個月要用。"},
        {"speaker": "Ivy", "text": "我星期五前交新版本俾你睇。"},
        {"speaker": "阿豪", "text": "明白。"},
    ],
})


def _ground(*items: RawItem) -> list[tuple[str, int, str]]:
    out = ground(RawExtraction(action_items=list(items)), MEETING)
    return [(i.owner, i.turn, i.deadline) for i in out.action_items]


def test_the_speaker_is_not_the_owner_without_a_cue():
    assert _ground(RawItem(turn=0, owner="梁生", task="改宣傳單張", deadline="")) == []


def test_turn_owner_and_deadline_come_from_the_sentence_holding_the_task():
    item = RawItem(turn=2, owner="梁生", task="交新版本", deadline="下個禮拜五")
    assert _ground(item) == [("Ivy", 1, "星期五")]


def test_an_acknowledgement_is_not_a_task():
    assert _ground(RawItem(turn=2, owner="阿豪", task="明白", deadline="")) == []
