"""Text helpers shared by the extraction modules: normalisation, clauses, similarity."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import opencc

from assistant.cantonese import spoken_cantonese, to_hong_kong

# a semicolon and 「仲有」 or 「同埋」 go on with the sentence (「你聽日印好回條；仲有同旅遊巴公司 book 車」)
_CLAUSE_END = re.compile(r"(?<=[。！？!?])\s*|(?<=[；;])(?!\s*(?:仲有|同埋|以及|還有)(?!\s*[，,]))\s*|(?<=[.])\s+")
# ASR text often has no punctuation: a space between two Chinese characters is a clause break.
# a dash breaks off a thought as a comma does (「…settlement range——啊唔係，…」); 「你寫——算啦」 takes it back (cues.NOT_ACTION);
# the whole run of dashes is one break (possessive: a long run must not be tried at every length)
# 「等 Oscar 收到按金先 Alex 你…」: after a condition closed by 先, a name and 你 open the request; a space
# before 改由 or 但係 parts clauses after a Latin word too (「但 Marco 要趕 submission 改由 Natalie 跟」)
_COMMA = re.compile(r"[，：、；;]\s*|[,:]\s+|(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])|(?<=先)\s+(?=[A-Z][a-z]+\s*你(?!哋))|(?<=[A-Za-z0-9])\s+(?=改由|改為由|交由|但係|不過)|(?:…|\.{3})+\s*(?=\S)|\s*(?:[—―]++|-{2,}+)(?!\s*算)\s*(?=\S)")  # 「…喎……不過」
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_NOT_CJK = re.compile(r"[^\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


# OpenCC calls these Simplified, but Hong Kong writing uses them in their own right: 晒 the
# Cantonese particle (做晒), 吓 (問吓, 睇吓), 准 (唔准, 批准), 干 (干擾), 台 (電台), 里 (公里), 后 (皇后), 咸 (咸水),
# and 群, 床, 峰, which OpenCC turns into the old variants 羣, 牀, 峯.
HONG_KONG_TOO = frozenset("晒吓准干台里后咸群床峰")


@lru_cache(maxsize=8192)
def _script(char: str) -> str:
    """"t" for a Traditional-only character, "s" for a Simplified one, "" for one both share."""
    if _to_simplified().convert(char) != char:
        return "t"
    return "s" if _to_traditional().convert(char) != char and char not in HONG_KONG_TOO else ""


# Full-width letters and digits (「Ｉｖｙ」, 「３點」, typed with a CJK input method) are the ASCII ones;
# full-width punctuation stays, as the clause splitter reads 「，」 and 「,」 differently.
FULL_WIDTH_ALNUM = {code: code - 0xFEE0 for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
                     for code in range(start, end + 1)}


_EMOJI_MARK = re.compile("[\ufe00-\ufe0f\u20e3\U000e0100-\U000e01ef]")  # variation selectors and the keycap an emoji leaves behind


def normalise(text: str) -> str:
    """Hong Kong Traditional, spoken Cantonese function words (whisper writes 他們/是/的).
    Full-width letters and digits become ASCII.

    Control and invisible format characters (NUL, a right-to-left override) are dropped first; a run of
    blanks becomes one (a run with a line break, one line break).
    Text in Simplified is converted by phrases (OpenCC s2hk). Text mostly in Traditional is left
    as written: s2hk would rewrite its words (報名表 → 報名錶, 葵涌 → 葵湧), but its Simplified
    characters (ASR output half corrected: 「听朝」) take what s2hk makes of them in their phrase,
    so 批准 stays and 准时 becomes 準時.
    """
    # control, invisible and emoji-like symbol characters say nothing of the task (「🔥 May，你…」)
    text = "".join(c for c in text if (unicodedata.category(c) not in ("Cc", "Cf", "Cs", "So", "Sk") or c in "\t\n")
                   and not _EMOJI_MARK.match(c)).strip()
    text = text.translate(FULL_WIDTH_ALNUM)
    # a long run of blanks says no more than one (and costs the clause readers quadratic time)
    text = re.sub(r"\s*\n\s*", "\n", re.sub(r"[^\S\n]{2,}", " ", text))
    scripts = [_script(c) for c in text if "\u3400" <= c <= "\u9fff"]
    simplified, traditional = scripts.count("s"), scripts.count("t")
    if not traditional:
        converted = to_hong_kong(text, cantonese=False)
    elif simplified:
        # s2hk by phrases knows 批准 from 准时; only the Simplified characters take its answer
        whole = to_hong_kong(text, cantonese=False)
        converted = "".join(w if _script(c) == "s" else c for c, w in zip(text, whole)) \
            if len(whole) == len(text) else text
    else:
        converted = text
    return spoken_cantonese(converted).replace("噉", "咁")  # two spellings of one word (「噉 Marco，你…」); the readers know 咁


# 「Ken 你呢，聽日之前呢，就幫我 check 下」: 呢 and a pause after a topic or a name join it to what follows
_PAUSE = re.compile(r"(?<=[\u3400-\u9fffA-Za-z0-9])\s*(?:呢|嘛|吖嘛|啊|呀)\s*[，,]\s*(?=[\u3400-\u9fffA-Za-z0-9])")


_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_CONNECTIVE = re.compile(r"反而|但係|不過|所以|然後|跟住|另外|同埋|因為")  # a space before one still parts two clauses
WORD_SPACED_RUN = 2.5  # mean characters between spaces: Cantonese words are one to three characters, clauses longer


def word_spaced(text: str) -> bool:
    """Whether ASR put a space after every word (「我 而家 返去 改 份 合約」), not only at pauses."""
    runs = _CJK_RUN.findall(text)
    return len(runs) >= 3 and len(_CJK_SPACE.findall(text)) >= 2 and sum(map(len, runs)) / len(runs) <= WORD_SPACED_RUN


PHRASE_SPACED_RUN = 4  # mean characters between spaces of text spaced at its pauses (「好 大家早晨 我哋開始吧 …」)


def pause_spaced(text: str) -> bool:
    """Whether ASR put spaces only at the pauses between phrases, three or more of them: each is a clause break."""
    runs = _CJK_RUN.findall(text)
    return len(_CJK_SPACE.findall(text)) >= 3 and sum(map(len, runs)) / len(runs) >= PHRASE_SPACED_RUN


def words_joined(text: str, names: Sequence[tuple[int, int]] = ()) -> str:
    """ASR text with a space after every word (「我 而家 返去 改 份 合約 今晚 十一點 前」) written as
    Chinese is, without them: there a space is no clause break (as it is in text spaced only at
    pauses, 「好我哋開始 今日主要講下進度」). The spaces beside ``names`` ((start, end) of each
    person named) and before a connective (反而, 但係, 然後…) stay: they part one request or thought
    from the next. Other text is returned as it is."""
    if not word_spaced(text):
        return text
    edges = {at for start, end in names for at in (start, end)}
    return _CJK_SPACE.sub(lambda m: m[0] if m.start() in edges or m.end() in edges or _CONNECTIVE.match(text, m.end())
                          else "", text)


# 「今晚……呃……十點前」: a hesitation inside a time of day, between its part of the day and its hour
_HESITATED_TIME = re.compile(r"(?<=今晚|今夜|聽晚|聽朝|朝早|上晝|下晝|晏晝|夜晚|晚上|下午|上午)"
                             r"(?:\s+|\s*(?:[，,、]\s*)?(?:…+|\.{2,}|呃|嗯|啊|(?<![A-Za-z])(?:er|um|uh)(?![A-Za-z]))"
                             r"(?:\s*[，,、…]|\.{2,}|\s)*)+"
                             r"(?=(?:凌晨|半夜)?[一二三四五六七八九十兩\d]{1,2}\s*[點点])")


def without_pauses(text: str) -> str:
    """The text without pause particles that only hold the floor (「咁呢，」, 「Ken 你呢，」), so a
    request said with them reads as one clause; 「你呢？」 (a question) stays. A hesitation inside a
    time of day goes too (「今晚……呃……十點前」 and 「今晚，嗯，十點前」 are 「今晚十點前」)."""
    text = _HESITATED_TIME.sub("", text)

    def pause(m: re.Match[str]) -> str:
        said = re.split(r"[，,。！!？?]", text[:m.start()])[-1]
        if re.search(r"[啊呀]", m.group(0)) and len(re.sub(r"\s", "", said)) > SHORT_TOPIC:
            return m.group(0)  # 「聽日交份 report 呀，阿強」: the end of a request, then who it is said to
        if re.fullmatch(r"\s*(?:仲)?未\s*", said):
            return "，"  # 「未呀，得，…」: "not yet", an answer of its own, not 「未得」
        return " " if re.match(r"[A-Za-z0-9]", text[m.end():m.end() + 1]) or \
            re.match(r"[A-Za-z0-9]", text[m.start() - 1:m.start()]) else ""
    return _PAUSE.sub(pause, text)


SHORT_TOPIC = 6  # characters before 「呀，」 that are a name or a topic held (「Ken 呀，」), not a whole request


def word_count(text: str) -> int:
    """How long text is as spoken, a Chinese character or an English word counting one
    (「zirconia block 仲有幾多」: 6)."""
    return len(re.sub(r"[A-Za-z0-9]+", "w", re.sub(r"\s", "", text)))


SENTENCE_CLAUSES = 60  # the most comma-separated parts read as one sentence; a list of thousands is read in runs of this


def sentences(text: str) -> list[str]:
    """The text's sentences; one of more than SENTENCE_CLAUSES parts (「報價、報價、…」) comes in runs of that many
    (each sentence is read clause by clause against its other clauses: quadratic in its length)."""
    return [run for s in _CLAUSE_END.split(text) if s and s.strip() for run in _runs(s.strip())]


def _runs(sentence: str) -> list[str]:
    cuts = [m.end() for k, m in enumerate(_COMMA.finditer(sentence), start=1) if k % SENTENCE_CLAUSES == 0]
    return [part for part in (sentence[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(sentence)])) if part]


def clauses(sentence: str) -> list[str]:
    """A sentence's comma-separated parts, end punctuation dropped; a text of several sentences gives
    the parts of each (a whole answer is often passed)."""
    return [c for s in _CLAUSE_END.split(sentence) for c in map(_without_marks, _COMMA.split(s)) if c]


_CLAUSE_MARKS = " 。！？!?；;「」『』“”\"'～~…"  # end marks and quotes around a clause
_QUOTES = ("「」", "『』", "“”")


def _without_marks(clause: str) -> str:
    """The clause without the end marks and quotes around it; a quote it opens or closes inside keeps
    its other mark (「貼張「暫停使用」」 → 「貼張「暫停使用」」, not 「貼張「暫停使用」)."""
    inner = clause.strip(_CLAUSE_MARKS)
    for opening, closing in _QUOTES:
        unclosed = inner.count(opening) - inner.count(closing)
        inner = inner + closing * unclosed if unclosed > 0 else opening * -unclosed + inner
    return inner


@lru_cache(maxsize=8192)  # merging compares every pair of items
def _grams(text: str) -> frozenset[str]:
    text = text.casefold()
    cjk = _NOT_CJK.sub("", text)
    bigrams = {cjk[i : i + 2] for i in range(len(cjk) - 1)} or set(cjk)
    return frozenset(_LATIN_WORD.findall(text)) | bigrams


def similarity(a: str, b: str) -> float:
    """Dice overlap of CJK character bigrams and Latin words, 0..1."""
    ga, gb = _grams(a), _grams(b)
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


def shared_grams(a: str, b: str) -> int:
    """How many CJK bigrams and Latin words a and b share."""
    return len(_grams(a) & _grams(b))


def coverage(part: str, whole: str) -> float:
    """Share of part's bigrams and words found in whole, 0..1."""
    gp, gw = _grams(part), _grams(whole)
    return len(gp & gw) / len(gp) if gp else 0.0
