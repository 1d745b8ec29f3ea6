"""Words to speaker turns, with hand-made words and diarisation."""

from __future__ import annotations

from assistant.config import MergeSettings
from assistant.diarize import SpeakerTurn
from assistant.merge import assign_speaker, speaker_table, words_to_turns
from assistant.minutes import Word


def w(start, end, text):
    return Word(start, end, text, 0.9)


DIARIZATION = [SpeakerTurn(0.0, 4.0, "S1"), SpeakerTurn(4.2, 8.0, "S2"), SpeakerTurn(7.5, 9.0, "S1")]


def test_word_takes_the_speaker_it_overlaps_most():
    starts = [t.start for t in DIARIZATION]
    assert assign_speaker(w(1.0, 1.5, "好"), DIARIZATION, starts) == "S1"
    assert assign_speaker(w(5.0, 5.4, "係"), DIARIZATION, starts) == "S2"
    # 7.6–8.4 overlaps S2 by 0.4 s and S1 by 0.8 s
    assert assign_speaker(w(7.6, 8.4, "啦"), DIARIZATION, starts) == "S1"


def test_word_in_a_gap_goes_to_the_nearest_speaker():
    starts = [t.start for t in DIARIZATION]
    assert assign_speaker(w(4.05, 4.15, "嗯"), DIARIZATION, starts) in {"S1", "S2"}
    assert assign_speaker(w(10.0, 10.5, "拜拜"), DIARIZATION, starts) == "S1"


def test_turns_split_on_speaker_change_and_long_pause():
    words = [w(0.1, 0.5, "我"), w(0.5, 0.9, "哋"), w(1.0, 1.4, "開會"),
             w(4.5, 5.0, "好"), w(5.0, 5.5, "呀"),
             w(8.6, 8.8, "OK"), w(20.0, 20.5, "完")]
    turns = words_to_turns(words, DIARIZATION + [SpeakerTurn(19.0, 21.0, "S1")], MergeSettings(max_pause=2.0))
    assert [t.speaker for t in turns] == ["S1", "S2", "S1", "S1"]
    assert turns[0].text == "我哋開會。"
    assert turns[1].text == "好呀。"
    assert [len(t.words) for t in turns] == [3, 2, 1, 1]


def test_timestamps_are_monotonic_and_words_inside_turns():
    words = [w(0.1, 0.6, "一"), w(0.55, 0.9, "二"), w(0.8, 0.85, "三"), w(5.0, 5.3, "四")]
    turns = words_to_turns(words, DIARIZATION)
    flat = [x for t in turns for x in t.words]
    assert all(a.end <= b.start for a, b in zip(flat, flat[1:]))
    for t in turns:
        assert all(t.start <= x.start <= x.end <= t.end for x in t.words)


def test_english_words_keep_their_spaces_and_leading_punctuation_is_dropped():
    words = [w(0.0, 0.3, "，"), w(0.3, 0.6, " Let's"), w(0.6, 0.9, " go"), w(0.9, 1.0, ".")]
    turns = words_to_turns(words, DIARIZATION)
    assert turns[0].text == "Let's go."


def test_speaker_table_counts_overlapping_talk_time():
    table = speaker_table(words_to_turns([w(0.1, 0.5, "好")], DIARIZATION), DIARIZATION)
    assert [s.id for s in table] == ["S1", "S2"]
    assert table[0].talk_time == 5.5 and table[1].talk_time == 3.8
