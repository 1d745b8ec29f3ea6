"""Speech to text with faster-whisper: Cantonese by default, word timestamps, guarded output."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.audio import Audio
from assistant.cantonese import to_hong_kong
from assistant.config import AsrSettings
from assistant.minutes import Word
from assistant.spacing import space_words

# Text whisper is known to invent on silence or music (subtitle credits, channel outros).
HALLUCINATIONS = re.compile(
    r"(字幕(由|提供|製作|組)|subtitles?\s+by|amara\.org|請不吝|點贊|打賞支持|明鏡與點點|"
    r"thank(s| you) for watching|(謝謝|感謝|多謝)(觀看|收看|收聽))",
    re.IGNORECASE,
)
MAX_REPEATS = 3


@dataclass
class Segment:
    start: float
    end: float
    text: str
    words: list[Word]
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float


@dataclass
class Transcript:
    language: str
    segments: list[Segment]
    dropped: list[Segment] = field(default_factory=list)  # failed the guards

    @property
    def words(self) -> list[Word]:
        return [w for s in self.segments for w in s.words]


def decoding_language(model, requested: str) -> str:
    """Whisper's token for Cantonese exists only in large-v3 and its fine-tunes; read the tokenizer."""
    if requested == "yue" and model.hf_tokenizer.token_to_id("<|yue|>") is None:
        return "zh"
    return requested


def spoken_language(model, audio: Audio, settings: AsrSettings) -> str:
    """The configured language, unless the recording is clearly in another one (an all-English meeting).

    Forcing ``zh`` on English speech makes whisper loop ("Hello. Hello. …"), so a confident
    detection of a language other than Chinese wins. Code-switched Cantonese is detected as Chinese.
    """
    expected = decoding_language(model, settings.language)
    if settings.language_switch_probability >= 1.0:
        return expected
    # The first minutes are enough, and VAD over a whole multi-hour file is not free.
    detected, probability, _ = model.detect_language(
        audio.samples[: 180 * audio.sample_rate], vad_filter=True, language_detection_segments=3
    )
    if detected not in {"zh", "yue", expected} and probability >= settings.language_switch_probability:
        return detected
    return expected


def build_prompt(settings: AsrSettings, vocabulary: Sequence[str] = (), extra: str | None = None) -> str:
    parts = [extra or settings.initial_prompt]
    if vocabulary:
        parts.append("詞彙：" + "、".join(v.strip() for v in vocabulary if v.strip()) + "。")
    return "".join(p for p in parts if p)


def collapse_repeats(words: list[Word], max_repeats: int = MAX_REPEATS) -> list[Word]:
    """Cut runs of the same 1–4-word pattern repeated more than ``max_repeats`` times (decoder loops)."""
    out: list[Word] = []
    for word in words:
        out.append(word)
        for n in range(1, 5):
            span = n * (max_repeats + 1)
            if len(out) < span:
                break
            tail = [w.text.strip() for w in out[-span:]]
            pattern = tail[:n]
            if all(tail[i] == pattern[i % n] for i in range(span)):
                del out[-n:]
                break
    return out


def passes_guards(segment: Segment, settings: AsrSettings) -> bool:
    if segment.compression_ratio > settings.max_compression_ratio:
        return False
    if segment.no_speech_prob > settings.max_no_speech_prob and segment.avg_logprob < -0.5:
        return False
    if segment.avg_logprob < settings.min_avg_logprob:
        return False
    return not HALLUCINATIONS.search(segment.text)


def _decode(model, samples, language: str, prompt: str | None, settings: AsrSettings, clip=None):
    """faster-whisper over the speech regions (VAD), or over one clip [start, end] of the recording."""
    options = dict(
        language=language,
        beam_size=settings.beam_size,
        temperature=list(settings.temperatures),
        compression_ratio_threshold=settings.max_compression_ratio,
        log_prob_threshold=-1.0,
        no_speech_threshold=0.6,
        # Conditioning on earlier text is how one hallucinated loop spreads to the next window.
        condition_on_previous_text=False,
        initial_prompt=prompt,
        word_timestamps=True,
    )
    if clip is None:
        options.update(vad_filter=True, vad_parameters={
            "min_silence_duration_ms": settings.vad_min_silence_ms,
            "speech_pad_ms": settings.vad_speech_pad_ms,
            "max_speech_duration_s": settings.max_chunk_s,
        })
    else:
        options.update(clip_timestamps=list(clip))
    segments, _ = model.transcribe(samples, **options)
    return segments


def blocks(audio: Audio, block_s: float) -> Iterator[tuple[float, np.ndarray]]:
    """(offset, samples) pieces of at most ``block_s``, cut at the quietest 0.1 s of each piece's last 5 s.

    faster-whisper computes features for everything it is given at once; decoding a long
    recording block by block keeps that memory bounded whatever the recording's length.
    """
    rate = audio.sample_rate
    size, search, frame = int(block_s * rate), 5 * rate, rate // 10
    total, start = len(audio.samples), 0
    while start < total:
        end = min(total, start + size)
        if end < total:
            tail = audio.samples[end - search: end]
            energy = np.abs(tail[: len(tail) // frame * frame]).reshape(-1, frame).mean(axis=1)
            end = end - search + int(np.argmin(energy)) * frame + frame // 2
        yield start / rate, audio.samples[start:end]
        start = end


def _segment(raw, cantonese: bool, offset: float) -> Segment:
    words = [
        Word(round(w.start + offset, 3), round(w.end + offset, 3), to_hong_kong(w.word, cantonese),
             round(w.probability, 3))
        for w in (raw.words or [])
    ]
    words = collapse_repeats([w for w in words if w.text.strip()])
    return Segment(
        start=raw.start + offset,
        end=raw.end + offset,
        text="".join(w.text for w in words).strip(),
        words=words,
        avg_logprob=raw.avg_logprob,
        no_speech_prob=raw.no_speech_prob,
        compression_ratio=raw.compression_ratio,
    )


def transcribe(
    model,
    audio: Audio,
    settings: AsrSettings,
    vocabulary: Sequence[str] = (),
    initial_prompt: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> Transcript:
    expected = decoding_language(model, settings.language)
    language = spoken_language(model, audio, settings)
    prompt = build_prompt(settings, vocabulary, initial_prompt) if language == expected else None
    cantonese = settings.cantonese_style and settings.language == "yue" and language in {"zh", "yue"}
    kept: list[Segment] = []
    dropped: list[Segment] = []
    for offset, samples in blocks(audio, settings.block_s):
        for raw in _decode(model, samples, language, prompt, settings):
            segment = _segment(raw, cantonese, offset)
            if segment.words and passes_guards(segment, settings):
                kept.append(segment)
            elif prompt and segment.compression_ratio > settings.max_compression_ratio:
                # A prompt can seed a loop ("係，係，係…"); decode that stretch once more without it.
                retried = [_segment(r, cantonese, offset)
                           for r in _decode(model, samples, language, None, settings, clip=(raw.start, raw.end))]
                good = [r for r in retried if r.words and passes_guards(r, settings)]
                kept += good
                dropped += [segment] if not good else []
            else:
                dropped.append(segment)
            if progress:
                progress(min(1.0, segment.end / audio.duration))
    kept.sort(key=lambda x: x.start)
    space_words(w for s in kept for w in s.words)
    for segment in kept:
        segment.text = "".join(w.text for w in segment.words).strip()
    return Transcript(language=language, segments=kept, dropped=dropped)
