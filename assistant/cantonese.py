"""Hong Kong Traditional characters, and spoken Cantonese wording for whisper's written Chinese.

Whisper models without a Cantonese token (base, small, medium) write standard written
Chinese for Cantonese speech: 「他們是不是在這裏」 for 「佢哋係唔係喺呢度」. A Hong Kong
reader expects the spoken form in minutes, so common function words and verbs (找 → 搵,
拿 → 攞, 給 → 俾) are rewritten.
Words and phrases in which the written form is also correct Cantonese are protected.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

# Longest match first; each left side is written Chinese after s2hk conversion.
SPOKEN = {
    "他們": "佢哋", "她們": "佢哋", "它們": "佢哋", "我們": "我哋", "你們": "你哋", "咱們": "我哋",
    "沒有": "冇", "是不是": "係唔係", "不是": "唔係", "不用": "唔使", "不要": "唔好", "不要緊": "唔緊要", "就是": "就係", "但是": "但係", "還是": "定係",
    "這裏": "呢度", "這裡": "呢度", "那裏": "嗰度", "那裡": "嗰度", "哪裏": "邊度", "哪裡": "邊度",
    "這個": "呢個", "那個": "嗰個", "哪個": "邊個", "這些": "呢啲", "那些": "嗰啲",
    "這樣": "咁樣", "那樣": "咁樣", "那就": "咁就", "那麼": "咁",  # 「那就照舊」: then
    "怎樣": "點樣", "怎麼樣": "點樣", "怎麼": "點", "為甚麼": "點解",
    "為什麼": "點解", "甚麼": "乜嘢", "什麼": "乜嘢", "東西": "嘢", "現在": "而家", "一起": "一齊",
    "知道": "知", "看看": "睇睇", "看到": "睇到", "看見": "睇見", "說話": "講嘢", "喜歡": "鍾意",
    "漂亮": "靚", "他": "佢", "她": "佢", "它": "佢", "是": "係", "的": "嘅",
    "不": "唔", "沒": "冇", "在": "喺", "這": "呢", "那": "嗰", "看": "睇", "說": "講", "給": "俾",
    "找": "搵", "拿": "攞", "誰": "邊個",
    "吃": "食", "喝": "飲", "很": "好", "還": "仲", "了": "咗", "們": "哋", "也": "都",
    "曬": "晒",  # s2hk reads the particle 晒 (做晒, all done) as Simplified for 曬 (sun-dry)
    "嚇": "吓",  # …and the particle 吓 (睇吓, check 吓: a little) as Simplified for 嚇 (scare)
    # whisper's homophones for 聽 (tomorrow) in day words: 亭日 is no word, and a wrong day reaches a phone
    "亭日": "聽日", "亭朝": "聽朝", "亭晚": "聽晚", "廳日": "聽日", "廳朝": "聽朝",
}
# Written forms that are also Cantonese (or names): left untouched.
KEEP = (
    "不過", "不斷", "不如", "不同", "不管", "不良", "不足", "不論", "不得不", "不可", "不停", "不鏽鋼", "不銹鋼", "不動產",
    "不合格", "不符", "不滿", "不便", "不適", "不利", "不當", "是否", "於是", "利是", "是但", "是非",
    "目的", "的確", "的士", "存在", "在於", "正在", "實在", "現在式", "自在", "所在", "了解", "為了",
    "除了", "好了", "算了", "罷了", "看法", "小說", "說明", "聽說", "據說", "給予", "還原", "歸還", "借還", "交還", "退還", "償還", "送還", "還書", "還錢", "還款", "還債", "還價", "還手", "還願",
    "這麼", "其他", "他人", "吃力", "也許", "也罷",
    "找數", "找錢", "找續", "找贖", "找換", "尋找", "拿手", "拿督", "誰人", "誰知", "供給", "補給", "配給",
    "嚇親", "嚇死", "嚇倒", "嚇怕", "驚嚇", "恐嚇", "嚇人", "嚇一跳",
)
_HALF_WIDTH = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；"}
_CJK_PUNCT = re.compile(r"(?<=[\u3400-\u9fff])[,?!:;]")
_TOKEN = re.compile("|".join(sorted(map(re.escape, set(KEEP) | set(SPOKEN)), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2hk")


# 「不去了」 is "not going any more": 了 after a negated verb, closing the clause, is the particle 喇, not 咗
_NO_LONGER = re.compile(r"(?<=[不沒][\u3400-\u9fff])了(?=\s*(?:[，。！？,.!?；;\s]|$))|(?<=[不沒][\u3400-\u9fff]{2})了(?=\s*(?:[，。！？,.!?；;\s]|$))")


# 「那今年不去了」, 「那你聽日交」, 「那石生你…」: 那 opening a clause before who (a name) or when is "then" (咁), not "that" (嗰)
_THEN = re.compile(r"(?:^|(?<=[，。！？,.!?；;\s]))那(?=\s*(?:我|你|佢|他|她|大家|今|明|下|聽|後日|[A-Za-z]|阿\S|好\s*(?:吧|啦|喇)|算|改(?:由|為|做)|不如"
                   r"|(?!個|些|邊|裏|裡|度|種|次|位|張|份|間|部|件|條|批|架|啲|樣|時|陣|日|晚|年|天|本|隻|對|堆|場|輪|期|家|款|筆|單|封|頁|段|首|班|組|套|麼|就)"
                   r"[\u3400-\u9fff]{1,2}\s*(?:生|小姐|太|sir|姐|哥)))")  # 「那石生你…」: then, to 石生


# whisper writes 俾 (give, to) as its homophone 比 (compare): after a verb of handing over
# (「交比你」, 「send 比大家」), or before a thing and who gets it (「比啲數據我」); 「比你快」 stays
_GIVE = re.compile(r"(?:(?<=[交送寄])|(?<=[交送寄返埋] )|(?<=send)|(?<=send )|(?<=email)|(?<=email ))\s*比"
                   r"(?=\s*(?:返|埋)?\s*(?:我|你|佢|大家|各位|阿|[A-Z]))"
                   r"|比(?=\s*(?:返|埋)?\s*(?:份|個|張|啲|封|條)[^，。！？,.!?]{1,12}?(?:我|你|佢)(?:哋|們)?\s*(?:[，。！？,.!?]|$))",
                   re.IGNORECASE)


# 「把報名表發到家長群組」: written Chinese's 把 before a thing and what is done with it is 將 (not 一把遮, 把握, 把關)
_DISPOSAL = re.compile(r"(?<![一兩幾呢嗰每火車])把(?![握關手風聲口遮刀鎖尺持])(?=\s*[^，。！？,.!?\s]{1,16}?"
                       r"(?:發|交|給|俾|放|送|寄|改|整|搬|拿|攞|帶|傳|轉|貼|上載|印|影印|做|寫|填|搞|完成|處理|send|email|upload|forward))", re.IGNORECASE)


# 「你叫其他人吧」: Mandarin's closing 吧 is Cantonese's 啦 (not 酒吧, 網吧)
_CLOSING_BA = re.compile(r"(?<![酒網水氧])吧(?=\s*(?:[，。！,.!；;\s]|$))")  # 「冇問題吧？」 asks, and stays


def spoken_cantonese(text: str) -> str:
    """Whisper's written Chinese function words and verbs in their spoken Cantonese form (SPOKEN, 把 → 將, 那 → 咁, 比 → 俾, 吧 → 啦);
    the KEEP words stay as written."""
    text = _CLOSING_BA.sub("啦", _DISPOSAL.sub("將", text))
    text = _GIVE.sub(lambda m: m[0].replace("比", "俾"), _THEN.sub("咁", _NO_LONGER.sub("喇", text)))
    return _TOKEN.sub(lambda m: SPOKEN.get(m.group(0), m.group(0)), text)


# OpenCC's s2hk keeps the old variants 羣, 牀, 峯 where Hong Kong writes 群, 床, 峰 (常用字字形表)
HONG_KONG_FORMS = str.maketrans("羣牀峯", "群床峰")


def to_hong_kong(text: str, cantonese: bool = True) -> str:
    """Simplified or mixed text → Hong Kong Traditional; Latin text passes through unchanged."""
    converted = _CJK_PUNCT.sub(lambda m: _HALF_WIDTH[m.group(0)], _converter().convert(text).translate(HONG_KONG_FORMS))
    return spoken_cantonese(converted) if cantonese else converted
