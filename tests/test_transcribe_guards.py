"""Guards against whisper's failure modes, and the Cantonese token check on the real tokenizer."""

from __future__ import annotations

from assistant import loading
from assistant.config import AsrSettings
from assistant.minutes import Word
from assistant.transcribe import Segment, build_prompt, collapse_repeats, decoding_language, passes_guards


def words(texts):
    return [Word(i * 0.2, i * 0.2 + 0.2, t, 0.5) for i, t in enumerate(texts)]


def test_decoder_loops_are_cut():
    looped = words(["我哋", "好", "好", "好", "好", "好", "好", "好", "走"])
    assert [w.text for w in collapse_repeats(looped)] == ["我哋", "好", "好", "好", "走"]
    pairs = words(["多謝", "大家"] * 6)
    assert [w.text for w in collapse_repeats(pairs)] == ["多謝", "大家"] * 3


def test_ordinary_text_is_untouched():
    text = words(["今日", "我哋", "傾", "下", "個", "project", "嘅", "進度"])
    assert collapse_repeats(text) == text


def segment(text, **kw):
    values = {"avg_logprob": -0.3, "no_speech_prob": 0.1, "compression_ratio": 1.5} | kw
    return Segment(0.0, 2.0, text, words([text]), **values)


def test_guards_drop_hallucinations_and_silence():
    settings = AsrSettings()
    assert passes_guards(segment("我哋聽日再傾"), settings)
    assert not passes_guards(segment("字幕由Amara.org社群提供"), settings)
    assert not passes_guards(segment("多謝收看"), settings)
    assert not passes_guards(segment("好好好好好好好好", compression_ratio=3.1), settings)
    assert not passes_guards(segment("嗯", no_speech_prob=0.9, avg_logprob=-0.8), settings)


def test_base_model_has_no_cantonese_token_so_zh_is_used():
    model = loading.whisper_model(AsrSettings())
    assert model.hf_tokenizer.token_to_id("<|zh|>") is not None
    assert decoding_language(model, "yue") == "zh"
    assert decoding_language(model, "en") == "en"


def test_a_gpu_that_cannot_run_whisper_is_skipped_under_auto_and_refused_under_cuda(monkeypatch, caplog):
    import ctranslate2
    import pytest

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine's GPU may well run whisper")
    # CTranslate2 is told it sees a GPU; loading on it then fails for real, as on a machine whose
    # CUDA libraries do not match CTranslate2's build.
    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)
    with caplog.at_level("WARNING", logger="assistant.loading"):
        model = loading.whisper_model(AsrSettings(cpu_threads=1))
    assert model.model.device == "cpu"
    assert "whisper runs on the CPU" in caplog.text
    with pytest.raises(loading.DeviceError, match="whisper cannot run on the GPU"):
        loading.whisper_model(AsrSettings(device="cuda"))


def test_vocabulary_goes_into_the_prompt():
    prompt = build_prompt(AsrSettings(initial_prompt="會議。"), ["陳大文", " DingTalk "])
    assert prompt == "會議。詞彙：陳大文、DingTalk。"


def test_an_english_recording_is_decoded_in_english():
    from assistant.audio import decode
    from bench.datasets import EVAL
    from assistant.transcribe import transcribe

    settings = AsrSettings()
    transcript = transcribe(loading.whisper_model(settings), decode(EVAL / "diarization" / "sample.wav"), settings)
    assert transcript.language == "en"
    text = " ".join(s.text for s in transcript.segments).lower()
    assert "hello" in text and not any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_long_recordings_are_cut_into_blocks_at_quiet_points():
    import numpy as np

    from assistant.audio import Audio
    from assistant.transcribe import blocks

    rate = 16000
    rng = np.random.default_rng(0)
    samples = (rng.standard_normal(rate * 25) * 0.3).astype(np.float32)
    samples[int(8.2 * rate): int(8.6 * rate)] = 0.0  # a pause inside the search window before 10 s
    pieces = list(blocks(Audio(samples, rate, "x.wav"), block_s=10.0))
    assert np.concatenate([p for _, p in pieces]).shape == samples.shape
    offsets = [o for o, _ in pieces]
    assert offsets[0] == 0.0 and 8.2 <= offsets[1] <= 8.6
    assert all(len(p) <= 10 * rate for _, p in pieces)
