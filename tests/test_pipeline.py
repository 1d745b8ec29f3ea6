"""The whole job on the bundled sample with the real models: invariants, not exact strings."""

from __future__ import annotations

import opencc
from pyannote.metrics.diarization import DiarizationErrorRate

from assistant.writers import to_markdown, to_srt, to_vtt
from bench.datasets import read_rttm
from tests.conftest import SAMPLE, SAMPLE_REFERENCE
from tests.formats import parse_srt, parse_vtt


def test_finds_several_speakers_close_to_the_reference(processed_sample):
    reference = read_rttm(SAMPLE_REFERENCE)["meeting_yue"]
    hypothesis = processed_sample.diarization
    assert len(hypothesis.speakers) >= 2
    assert abs(len(hypothesis.speakers) - len(reference.labels())) <= 2
    from pyannote.core import Annotation, Segment

    annotation = Annotation(uri="meeting_yue")
    for t in hypothesis.turns:
        annotation[Segment(t.start, t.end)] = t.speaker
    assert DiarizationErrorRate(collar=0.25)(reference, annotation) < 0.35


def test_timestamps_are_monotonic_and_words_sit_inside_their_turns(processed_sample):
    minutes = processed_sample.minutes
    assert minutes.turns
    assert all(a.start <= b.start for a, b in zip(minutes.turns, minutes.turns[1:]))
    for turn in minutes.turns:
        assert turn.words and turn.text
        assert turn.start == turn.words[0].start and turn.end == turn.words[-1].end
        assert all(turn.start <= w.start <= w.end <= turn.end for w in turn.words)
        assert all(0.0 <= w.probability <= 1.0 for w in turn.words)
    assert minutes.turns[-1].end <= minutes.meeting.duration + 0.5


def test_text_is_hong_kong_traditional(processed_sample):
    text = "".join(t.text for t in processed_sample.minutes.turns)
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) > 100
    # whisper base writes Simplified characters for Cantonese; none of the common ones may remain
    simplified_only = set("们这个说还对时会过来发现经长开关门问间车东见让给认证话读书买卖钱电脑网图")
    assert not simplified_only & set(text)
    assert opencc.OpenCC("t2s").convert(text) != text  # and the text really is Traditional


def test_speakers_and_talk_time(processed_sample):
    minutes = processed_sample.minutes
    ids = {s.id for s in minutes.speakers}
    assert {t.speaker for t in minutes.turns} <= ids
    assert all(s.talk_time > 0 for s in minutes.speakers)
    total = sum(s.talk_time for s in minutes.speakers)
    assert 0.5 * minutes.meeting.duration < total < 1.2 * minutes.meeting.duration


def test_subtitles_parse_back(processed_sample):
    minutes = processed_sample.minutes
    srt, vtt = parse_srt(to_srt(minutes)), parse_vtt(to_vtt(minutes))
    assert len(srt) == len(vtt) >= len(minutes.turns)
    assert all(start < end or start == end for start, end, _ in srt)
    assert all(text.startswith("<v ") for _, _, text in vtt)


def test_no_spaces_inside_chinese_in_any_output(processed_sample):
    from tests.test_spacing import CJK_SPACE

    minutes = processed_sample.minutes
    texts = [t.text for t in minutes.turns] + ["".join(w.text for t in minutes.turns for w in t.words)]
    texts += [to_srt(minutes), to_vtt(minutes), to_markdown(minutes).split("## 逐字稿 Transcript")[1]]
    for text in texts:
        assert not CJK_SPACE.search(text), CJK_SPACE.search(text)


def test_a_long_recording_is_diarised_before_transcription_with_the_same_result(processed_sample):
    """Also: without enrolled people and with no voices to keep (the CLI), no voice is computed."""
    from assistant.config import get_settings
    from assistant.pipeline import ProcessOptions, process

    settings = get_settings()
    serial = settings.model_copy(update={"diarization": settings.diarization.model_copy(
        update={"beside_transcription_max_s": 0.0})})
    stages = []
    result = process(SAMPLE, ProcessOptions(keep_voices=False), settings=serial,
                     progress=lambda stage, fraction: stages.append((stage, fraction)))
    assert stages.index(("diarise", 1.0)) < stages.index(("transcribe", 0.0))
    assert [(t.speaker, t.text) for t in result.minutes.turns] == \
        [(t.speaker, t.text) for t in processed_sample.minutes.turns]
    assert result.voices == {} and "identify" not in result.timings
    assert processed_sample.voices and set(processed_sample.voices) <= {s.id for s in processed_sample.minutes.speakers}
