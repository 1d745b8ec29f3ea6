"""Spacing of recognised words: none inside Chinese, kept between Latin words."""

from __future__ import annotations

import re

from assistant.merge import words_to_turns
from assistant.minutes import MeetingInfo, Minutes, Speaker, Word
from assistant.spacing import space_words, spaced
from assistant.writers import to_markdown, to_srt, to_vtt

# Whisper's words as it gives them: a leading space at each boundary it saw.
RAW = ["通", "閃", " 上人", " 咁", "一", "出", "，", " 萬", "神通", " 居然", " Peter", " Chan", " 話", " OK", "，",
       " deadline", " 係", " 星期五", "。", " 好", "！", " 𠮶", " 個"]
EXPECTED = "通閃上人咁一出，萬神通居然 Peter Chan 話 OK，deadline 係星期五。好！𠮶個"
CJK_SPACE = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff\u3000-\u303f\uff00-\uff65]\s+[\u3400-\u9fff]"
                       r"|[\u3000-\u303f\uff00-\uff65] ")


def words() -> list[Word]:
    out = [Word(round(i * 0.3, 2), round(i * 0.3 + 0.25, 2), text, 0.9) for i, text in enumerate(RAW)]
    space_words(out)
    return out


def test_spaced_rules():
    assert spaced("閃", " 上人") == "上人"
    assert spaced("出，", " 萬") == "萬"  # after full-width punctuation
    assert spaced("OK", " ，") == "，"  # before it
    assert spaced("Peter", "  Chan") == " Chan"  # between Latin words: one space
    assert spaced("居然", " Peter") == " Peter" and spaced("Chan", " 話") == " 話"  # Latin and Chinese: as spoken
    assert spaced("", " 大家好") == "大家好"
    assert spaced("好", "嘅") == "嘅"


def test_words_join_without_spaces_inside_chinese():
    assert "".join(w.text for w in words()) == EXPECTED


def test_turns_subtitles_and_markdown_carry_no_spaces_inside_chinese():
    turns = words_to_turns(words(), [])
    info = MeetingInfo("m.wav", 7.0, "yue", {}, "2026-03-12T10:00:00+08:00")
    minutes = Minutes(info, [Speaker("S1")], turns)
    assert [t.text for t in turns] == [EXPECTED + "。"]  # a turn ends with a full stop
    transcript = to_markdown(minutes).split("## 逐字稿 Transcript")[1]
    for text in (to_srt(minutes), to_vtt(minutes), transcript):
        assert not CJK_SPACE.search(text), text
        assert "Peter Chan" in text
