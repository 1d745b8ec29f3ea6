"""Cue words the readers share: the one finding action items (clause_reader.py, rules.py), the one reading the
answers to requests (answers.py) and the one finding decisions (decisions.py). A request (「你…」),
a question, a condition, a clause that is no action now (done, suggested, deferred), a handover
(「改由…」), a yes or a no, the speaker as subject."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from assistant.extract.deadlines import IF_WORDS, has_time_words
from assistant.extract.tasks import ASKED_BEFORE, AWAY, IF_NOT, LET_ME_FINISH, THEN, UNABLE, URGED, VERB_WORD, WHY_THEM
from assistant.extract.text import clauses
from assistant.extract.transcript import Line

# 「俾你」, 「同我」, 「覆我」, 「抄送我」, 「WhatsApp 我」: not the one acting
# somebody not named (「聽日搵人嚟整」): a group's task to a reader, and to be chosen on the page
SOMEONE = r"搵人|要有人|(?<![所])有人|邊個得閒|邊個有空|(?<![A-Za-z])(?:someone|somebody)(?![A-Za-z])"
NOT_SUBJECT = r"(?<![俾畀同話搵問叫等將幫對跟覆提教送埋放擺])(?:" + "".join(
    rf"(?<!{verb})(?<!{verb} )" for verb in ("send", "email", "whatsapp", "call", "cc", "update", "brief", "message", "ping", "phone")) \
    + r"|(?=[我你]\s*(?:自己|會|嚟|去|負責|一定|可以|都(?!得)|就)))"  # 「portal brief 我自己跟」: brief is the thing
# up to ten words between 你 and the verb, an English word counting as one (「你聽日同 dev team confirm…」)
YOU_REQUEST = re.compile(rf"{NOT_SUBJECT}你(?!哋)(?:[A-Za-z][A-Za-z0-9'-]*\s*|[^，,。A-Za-z]){{0,10}}?(?:要|記得|幫|負責|去|參考|按照|根據|將(?!會)|{VERB_WORD})"
                         r"|(?<![A-Za-z])(?:could you|can you|please|you need to|you should)(?![A-Za-z])", re.IGNORECASE)

QUESTION = re.compile(r"[？?]$|係咪|係唔係|點解|點樣|點算|(?<!唔到)(?<!唔係)(?<![冇無唔])(?:幾時|幾耐|幾多|(?<!多)多少(?!少))|邊個(?!得閒|有空|有時間)|乜嘢|咩|嗎|使唔使|要唔要|會唔會|有冇|"
                      r"得未|好未|未呀|咗未|成點|得點|點呀|\b(?:would|could|can|do|does|did|is|are|what|when|who|how)\b.*\?$", re.IGNORECASE)

CONDITION = re.compile(rf"^(?:{IF_WORDS})", re.IGNORECASE)  # 「如果…，我哋可以…」: what could be, no commitment

EMBEDS = re.compile(r"(?:睇|問|知|視乎|諗|決定|check|confirm|ask)[^，,。]{0,16}$", re.IGNORECASE)
# a verb of telling governs a question word in its own clause (「講清楚我哋幾時搞掂」 asks nothing)
TELLS = re.compile(r"(?<![份張個封篇嘅])(?:講(?!座|者|稿|義|台)|話(?:俾|畀)|話\s*(?:返)?\s*(?:俾|畀)?\s*我\s*知|解釋|交代|通知|安排|搞清楚|查清楚|列明|寫明|註明|標明|列出|tell|explain|let \S+ know)[^，,。？?]{0,8}$"
                   r"|(?:講清楚|講明|話清楚|解釋清楚)[^，,。？?]{0,16}$", re.IGNORECASE)  # 「講清楚啲病徵同埋要留意啲咩」: what is told; 「份通知」 is a notice
# 「幾多個人要加保都要列明」: the question word is what a verb after it writes down
TOLD_AFTER = re.compile(r"(?:都|亦)?\s*(?:要|需要)?\s*(?:列明|寫明|註明|標明|講清楚|搞清楚|寫低|記低|列出嚟|列埋)[^，,。？?]{0,4}$")

# 「兩間舖要幾多人、要咩時段，我聽日 send 俾 Kelly」: what the last clause sends is what the question words ask
# 「zirconia block 仲有幾多，你聽日點一點話我知」: …or what it tells
SENT_AFTER = re.compile(r"(?:我|你)(?!哋)[^，,。？?]{0,10}?(?:(?:send|email|交|寄|forward|whatsapp)\s*(?:返|埋|晒)?\s*(?:俾|畀|給|to)"
                        r"|話\s*(?:返)?\s*(?:俾|畀)?\s*(?:我|佢|大家)\s*知|同我講|通知我)",
                        re.IGNORECASE)


def asks(sentence: str) -> bool:
    """Whether a sentence is a question: a question mark, or a question word, unless a verb of
    finding out governs it in a clause before the last (「要睇師傅幾時得閒，我…約好。」 asks nothing;
    「我想知你哋幾時得閒」 does) or a verb of telling in its own (「…，講清楚我哋幾時搞掂」)."""
    if sentence.rstrip().endswith(("？", "?")):
        *before, last_clause = re.split(r"[，,]", sentence) or [""]
        return not (before and FIND_OUT.match(last_clause) and YOU_REQUEST.search("，".join(before)))  # 「你跟返 IT，睇吓佢哋幾時換？」
    sentence = ANYTHING.sub("", sentence)
    last = max((m.end() for m in re.finditer(r"[，,]", sentence)), default=0)
    return any(not TELLS.search(sentence[:m.start()]) and not FIND_OUT_FOR_ME.search(sentence[:m.start()])
               and not (FOUND_OUT_TOO.search(sentence[:m.start()]) and YOU_REQUEST.search(sentence[:m.start()]))
               and not (ASKED_IN_TURN.search(sentence[:m.start()]) and YOU_REQUEST.search(sentence[:m.start()]))
               and not TOLD_AFTER.search(re.split(r"[，,。]", sentence[m.end():])[0])
               and not FIND_OUT.match(re.split(r"[，,]", sentence[:m.start()])[-1])  # 「…，睇吓佢哋幾時換」
               and not FINDS_OUT_RIGHT_BEFORE.search(sentence[:m.start()])  # 「我要睇睇有冇超 budget」
               and (m.start() >= last or not (EMBEDS.search(sentence[:m.start()]) or YOU_REQUEST.search(sentence[:m.start()])
                                              or SENT_AFTER.search(sentence[last:])))
               for m in QUESTION.finditer(sentence))  # 「你寫份報告，成本超咗幾多、…，禮拜三前交」: what it covers


# 「有咩唔妥即刻打俾我」, 「有乜問題就搵 Ken」: "if anything…", no question
ANYTHING = re.compile(r"(?:如果)?有(?:咩|乜嘢|乜|什麼|甚麼)?\s*(?:嘢(?=\s*(?:就|即刻|遲啲|先|可以|WhatsApp|whatsapp|call|打|搵|email))|唔妥|唔啱|問題|事|嘢|需要|異常|變動|update|news)[^，,。？?]*?"
                      r"(?:就|即刻|馬上|再|記得|(?=[，,]))"
                      # 「大家如果有咩數要加，禮拜五前話我知」: "any", when the sentence goes on and asks nothing
                      r"|(?:如果)?有(?:咩|乜嘢|乜|什麼|甚麼)\s*[^，,。？?]{1,12}?(?=[，,][^？?]*$)"  # 「…，有咩唔啱，月中之前話我知。」
                      # 「無論係咩原因，你都寫份 summary 俾我」: whatever it is, no question
                      r"|(?:無論|不論|不管|唔理|(?<![A-Za-z])no matter)[^，,。？?]{0,16}?(?=[，,][^？?]*$)")
FIND_OUT = re.compile(r"\s*(?:(?:睇|問|check|查|confirm)\s*(?:吓|下|清楚|一下|埋)|問\s*佢(?:哋)?)", re.IGNORECASE)  # 「…，問佢哋幾時送貨」  # a clause that finds out
FINDS_OUT_RIGHT_BEFORE = re.compile(r"(?:睇|看|問|check|查|confirm|知道|了解)\s*(?:吓|下|睇|看|一睇|一看|清楚|一下|埋)?\s*$"
                                    r"|(?:睇|看|問|check|查|confirm)\s*(?:吓|下|清楚|一下)?\s*(?:個|份|張|啲|部)[^，,。？?]{1,10}$"
                                    r"|(?:睇|看|問|check|查|confirm)\s*(?:吓|下|一下)\s*[^，,。？?你我]{1,10}$"  # 「check 下會議室有冇位」
                                    r"|問\s*(?:多|埋)\s*[^，,。？?你我]{1,12}$"  # 「問多兩間檔口有冇現貨」
                                    r"|問\s*(?:吓|下|一下|埋)?\s*佢(?:哋)?\s*$"  # 「…，順便問佢哋有冇現貨」
                                    r"|(?:確認|確定|核實|confirm)\s*(?:吓|下|清楚|一下|埋|返)?\s*[^，,。？?你我咗]{1,12}$",  # 「確認佢哋揀邊個時段」
                                    re.IGNORECASE)  # 「check 吓個 budget 有冇 overrun」: what is checked, then the question
# 「你後日之前 check 吓有冇帳篷借」: somebody asked to find out, not a question
FIND_OUT_FOR_ME = re.compile(r"你(?!哋)[^，,。？?]{0,16}(?:睇|問|check|confirm|查|搵)[^，,。？?]{0,8}$", re.IGNORECASE)
# 「你打俾洗衣房問清楚點解少咗，仲欠幾多，幾時補」: the questions listed after a verb of asking are what is asked there
ASKED_IN_TURN = re.compile(r"(?:問清楚|問吓|問下|問一問|查清楚|check\s*清楚|confirm\s*清楚)[^。？?]{0,40}$", re.IGNORECASE)
# 「你寫好份報價，同埋問吓個客要幾多件」: a second thing the one asked does finds out, asking nobody here
FOUND_OUT_TOO = re.compile(r"[，,]\s*(?:同埋|然後|再|仲有|仲要|順便)[^，,。？?]{0,16}(?:睇|問|check|confirm|查|搵)[^，,。？?]{0,8}$", re.IGNORECASE)


# a thing by when it is due, as a topic (「月尾要交嘅季度報告，…」): what is talked about, nobody asked
THING_DUE = r"^[^，,。你我佢]{0,8}?(?:要|需要)\s*(?:[\u3400-\u9fff]{1,2}|[A-Za-z]+)\s*(?:嘅|的)\s*[^，,。你我佢要記]{1,16}$"
# a price said (「連安裝四萬八」, 「總共三千五蚊」, 「每個月 $1,200」): what something costs, no work
AMOUNT = r"(?:HK)?\$\s*[\d,.]+\s*(?:k|K|萬|千)?|[\d一二兩三四五六七八九十百千萬廿卅半]+\s*(?:萬|千|百|蚊|元|k|K)\s*[\d一二三四五六七八九]?\s*(?:蚊|元)?"
PRICE = rf"^(?:連|包埋|包括|總共|一共|合共|大約|大概|平均|每個?月|每個?人|每次)\s*[^，,。你我]{{0,8}}?\s*(?:都係|係|要|收|計)?\s*(?:{AMOUNT})\s*(?:左右|咁上下)?\s*(?:喎|啦|㗎|咋|嘅)?$"
NOT_ACTION = re.compile(r"(?:我|我哋)\s*(?:都|仲|亦)?\s*未\s*[\u3400-\u9fffA-Za-z]{1,4}$|"  # 「張 invoice 我哋都未找」: not yet, a report
                        r"開(?:門|舖|鋪|工)?\s*到\s*(?:[^，,。]{0,6}?(?:點|時|[0-9]))|"  # 「佢哋二十九號開到中午十二點」: opening hours, news
                        r"^(?:亦都|亦|同埋)\s*(?:[A-Za-z]+\s*|[\u3400-\u9fff]{1,2})(?:過|咗)(?!去|嚟|來)|"  # 「…reset 咗 password，亦都 scan 過佢哋部機」: done too
                        r"收到(?:喇|啦|嘞|咗)\s*$|"  # 「Ken，上個月嘅出席紀錄收到喇」: received, thanks
                        r"記住(?:喇|啦|呀|吖)?\s*$|"  # 「大家約 call 記住」: to keep in mind, no work
                        r"^(?:大家|各位)?\s*(?:返去|繼續|開工)?\s*做嘢(?:啦|喇|吖)?$|"  # 「今日就咁多，大家返去做嘢」: the meeting closes
                        rf"{ASKED_BEFORE.pattern}|"  # 「你哋之前問嘅交貨期，…」: a thing named
                        r"^我(?!哋)\s*(?:要|需要)\s*(?:攞去|拎去)?\s*(?:交|send|報|present|匯報)\s*(?:返)?\s*(?:俾|畀|給|去)\s*[^，,。\s]{1,8}\s*(?:嘅|㗎|喎)?$|"  # 「你寫好報告，我要交俾總公司」: why it is asked
                        r"^(?:海關|政府|稅局|銀行|保險公司|法團|管理處|業主|[\u3400-\u9fff]{1,4}(?:署|局))\s*(?:規定|話|講)?\s*(?:要|需要)|"  # 「海關要三個工作天內交齊文件」: their rule, news
                        # 「業主下個月會成棟換」: what an outside party will do, news
                        r"^(?:海關|政府|稅局|銀行|保險公司|法團|管理處|業主|供應商|客戶|大廈|[\u3400-\u9fff]{1,4}(?:署|局)|[A-Za-z\u3400-\u9fff]{1,8}?(?:公司|廠|判頭))"
                        r"[^，,。你我]{0,8}?(?<!唔)會(?!唔)|"
                        r"^(?:我|我哋)?\s*(?:暫時|先)?\s*(?:hold|擱|停|等)\s*住\s*(?:先)?\s*(?:啦|喇|吖)?$|"  # 「我 hold 住先」: holding off, no work
                        r"^[^，,。你我]{0,12}?(?:又|又再|成日|經常)\s*(?:開始)?\s*(?:壞|漏|塞|爆|甩|斷|死機|hang|跳掣|唔work|唔郁|唔凍|唔着)|"  # 「個凍櫃又開始漏水」: a fault, news
                        rf"^(?:{WHY_THEM.pattern})$|"  # 「你揸車去印刷廠方便」: why them
                        r"^[^，,。我你]{1,16}?先(?:至)?\s*(?:到|有|嚟)(?:貨)?$|"  # 「昆明嗰批禮拜六先到」: when goods come, news
                        r"^(?:仲|重|都)有\s*[^，,。你我佢]{1,16}?\s*(?:仲|都)?\s*未(?!必|來)\s*[\u3400-\u9fffA-Za-z]{1,4}$|"  # 「仲有三十張 invoice 未入」: what is left, news
                        r"^(?:但係|但|不過|因為|所以(?!\s*(?:我|你)(?!哋)\s*(?:要|會|就|一定)?\s*[^，,。]{0,10}?(?:之前|以前|前|之內|內)\s*\S)|如果|可能|多謝|唔該晒|thanks?(?![A-Za-z])|即係(?!\s*(?:今|聽|後日|下|呢|這|禮拜|星期|週|周|[一二三四五六七八九十兩\d])))|(?:之後|以後|嘅時候|嗰陣)$|唔(?![使駛洗好])\s*(?:[\u3400-\u9fff]{1,2}|[A-Za-z]+)\s*住(?=[，,。！!]|$)|唔(?:搞|做|用|要|加|開(?:工|門|舖|鋪)?)(?:住|喇|啦|囉|喎)?$|(?<!過)咗(?!佢|之後|以後|[^，,。\s]{0,3}?(?:嘅|嗰(?:班|啲|個|位|間|份))|[^，,。]{1,10}?佢(?!哋)\s*(?:啦|喇|吖|先)?\s*[。！!]?$)|過咗(?![^，,。]{1,10}?(?:之後|以後|後)|[^，,。\s]{0,3}?(?:嘅|嗰(?:班|啲|個|位|間|份)))|唔會(?!唔)|(?<=[問試做睇搞傾講])(?<!重新.)過(?!\s*先)|唔使|唔駛|唔洗|不用|遲啲再|再(?:詳細|慢慢|深入)?傾|再諗|再講|唔決定|未決定|建議(?!書)|或者(?!\s*(?:聽日|後日|今日|今晚|聽晚|禮拜|星期|下個|月尾|[一二三四五六七八九十\d]+\s*(?:號|點)))|可能|我估|估計|我諗|我覺得|(?:大致|基本上|大部分|七七八八)\s*(?:都)?\s*(?:已經)?\s*[\u3400-\u9fff]?(?:好|完|掂|晒|妥)|^(?:佢哋|他們)[^，,。]{0,8}?會(?!唔)|^(?:佢哋|佢|他們)\s*(?:都)?\s*(?:要|需要)\s*[^，,。]{1,8}?先(?:\s*(?:送|到|做|出|交|得|有))|^[^，,。你我]{1,6}?搵(?:緊)?\s*你(?!哋)\s*(?:呀|啊|喎|喇|嘞)?$|^(?:佢哋|佢|他們|他)\s*(?:都|仲|亦|好)?\s*(?:想|希望)(?!\s*(?:你|我哋|大家))|我睇(?!\s*(?:吓|下|睇|一睇|過|完|埋|咗|返|清楚|一下|住))(?=[^，,。]{0,12}?(?:都|就|應該|好似|似乎|差唔多|未必|唔會|冇乜))|"
                        rf"{UNABLE}|"
                        rf"{IF_NOT}|{URGED}|"
                        r"^(?:頭先|啱啱|之前|尋日|琴日|我)*\s*聽(?![日朝晚])(?:到|見)?\s*[^，,。\s]{0,4}?\s*(?:講|話)(?:起|過)?$|"  # 「頭先聽你哋講，…」: what was heard
                        r"^(?:我|我哋)\s*(?:都|仲|重)?\s*未(?!來|必|知|定|婚|經)(?=\s*\S)|"  # 「我未覆佢」: how it stands, not yet a promise
                        r"^(?:我|我哋)\s*(?:已經|都)?\s*(?:同(?:佢|佢哋|客))?\s*話(?:咗|過)?\s*(?:佢|佢哋|客)?\s*(?:知)?\s*(?:會|要)|"  # 「我話會叫 Ivy 覆佢」: what was said
                        r"^我(?:哋)?\s*(?:已經)?\s*[A-Za-z]+\s*過(?!去(?!年)|嚟|來|數|晒|哂|一)|"  # 「我 check 過去年嘅安排」: done
                        r"^我(?:哋)?\s*(?:而家|宜家|等陣|一陣)?\s*(?:要|就|會|得)?\s*(?:出去|走(?:先)?|離開|返屋企|落街)(?:喇|啦|先|住)?$|"  # 「我而家要出去」: where I go
                        r"^(?:都|仲|重|還)\s*未(?!來|必|知|定|婚|經)(?![^，,。]*前)(?=\s*\S)|"  # 「…，都未落實」 (not 「仲未開會之前…」)
                        r"^(?:而家|宜家|現在|今次|咁|就)*\s*(?:(?:改由|改為由|交返?俾)\s*你(?!哋)\s*(?:跟進|跟|負責|處理|搞|做)|"
                        r"(?:轉俾|轉畀|轉交俾?)\s*你(?!哋)\s*(?:跟進|跟|負責|處理|搞|做)?)(?:啦|喇|吖)?$|"  # 「…，而家改由你跟」: who, said of the work before
                        r"已經|搞掂咗|做完(?=咗|喇|了)|做咗(?!佢)|寫咗(?!佢)|done already|already|本來|原本|原先|原定|本身想|"
                        r"originally|如果|假如|萬一|唔好意思|真係有啲|專心|集中精神|^(?:我|我哋|你|佢|佢哋)?\s*(?:上次|之前|頭先|尋日|琴日|上個禮拜)[^，,。]{0,6}?(?:叫|吩咐|要求|話(?![俾畀給])|講過|提過)|(?:sorry|唔好意思|不好意思)\s*(?:要|搞到|累)\s*你|(?:跟|做|搞|寫|整|負責)開(?:㗎|嘅|喎|架|㖞)|"  # 「logo 係我跟開㗎」: mine all along
                        # 「有咩事即刻 WhatsApp 我」: if anything comes up; 「個功能 marketing 要用嚟做 campaign」: what a thing is
                        # for; 「七月一號開始由我哋接手」: a standing arrangement; 「Ivy 睇住你」: who oversees it;
                        # 「你寫——算啦」: taken back; 「我都會出席」: there too
                        r"再見$|拜拜$|(?<![A-Za-z])bye$|快樂$|照\s*[^，,。]{1,8}?(?:排|定|擬|安排|建議)(?:咗|好)?\s*(?:嗰個|嗰份|果個|嘅)|"  # farewells; 「照 Ben 排嗰個」: as arranged
                        r"^有(?:咩|乜|乜嘢|任何)?(?:事|問題|嘢)|^[^，,。你我]+?用(?:嚟|來)|開始\s*(?:由|歸)\s*[^，,。]{1,10}?(?:接手|接管|負責|管理)$|(?:睇住|看住|盯住)\s*(?:你|佢)(?:哋)?\s*(?:啦|喇)?$|(?:—|-|…|\.\.)+\s*算(?:啦|數|吧|喇)?$|^(?:我|我哋)\s*都會\s*(?:出席|參加|列席|join|到)$|"
                        + AWAY + "|" + PRICE + "|" + THING_DUE + "|"  # 「我下個禮拜四開始放一個禮拜假」: away, no work; 「連安裝四萬八」: a price
                        # praise: 「做得好好」, 「繼續保持」, "well done" say how work went, not what to do
                        r"(?:做|搞|寫|執|整|處理)得(?:好|幾好|唔錯|非常好|好好|出色|靚|叻|快|清楚)|繼續保持|keep (?:it|this) up|well done|good job|"
                        # carrying on as before is no new work: 「你照舊用人手 WhatsApp 提醒啦」, 「今年照舊收費」
                        r"照舊|照常|如常|"
                        # a wish to hold a meeting is the plan the meeting agrees (「四月九號我想同 James 開個 case conference」)
                        r"(?:我|我哋)\s*(?:都)?想\s*(?:同[^，,。]{1,12}?)?\s*開\s*(?:個|次|一個|一次)?\s*[^，,。]{0,12}?(?:會議?|meeting|conference|call)|"
                        # how far it is: 「準備得七七八八」, 「做得差唔多」, 「寫得一半」
                        r"[\u3400-\u9fff]得(?:七七八八|八八九九|差唔多|差不多|[一二三四五六七八九]成|一半|幾多)(?:喇|啦|咋|㗎|嘅)?(?=$|[，,。！!])|"
                        # whose turn it is to speak: 「Susan，最後講埋 budget」, 「跟住到你講吓 IT」
                        r"^(?:最後|跟住|然後|下一樣|下一個|先)?\s*(?:到你|輪到你)?\s*(?:講|傾|報告|匯報|update)(?:埋|吓|下|一下)\s*[^，,。]{1,12}$|"
                        rf"^(?:{LET_ME_FINISH.pattern})$|"
                        # what others said they will do: 「…話禮拜五佢哋會統一做 induction」
                        r"話\s*[^，,。]{0,8}?佢哋\s*(?:會|就會|將會)|"
                        r"^(?:我|等我)\S{0,10}?話(?:返)?(?:俾|畀|給)\s*\S{1,8}?\s*知$", re.IGNORECASE)  # 「我話返俾佢知」: passing word on

# words that remind somebody of work: 「記得…」 with a new verb is a task for the one spoken to (rules.py);
# with 留意/小心 on the task just given it says how to do it (merge.py)
REMIND = r"記得|記住|唔好忘記|唔好唔記得"

REFUSAL = re.compile(r"^(?:唔得|唔可以|唔得閒|做唔到|做唔切|趕唔切|冇可能|冇時間|no\b|sorry|can't|cannot)", re.IGNORECASE)
GENERIC_WORK = re.compile(r"跟進|負責|處理")  # the verb a handover gives work that was named before
HANDOVER_VERB = r"(?:跟進|跟|負責|做|搞|處理|接手|接|交)"

HANDOVER = re.compile(r"(?:改由|交返俾|交返畀|交俾|交畀|交給|轉交|轉俾|改為由|改為|由)\s*(?P<rest>.+)$")


DELIVERED_TO_ME = re.compile(r"交(?:返)?[俾畀給]我")


def delivered_to_me(clause: str, today: date) -> bool:
    """Whether a clause asks for something to be handed to the speaker by a time (「份報告聽日交俾我」):
    a delivery, not the speaker taking the task over (「份報價交俾我啦」)."""
    return bool(DELIVERED_TO_ME.search(clause)) and has_time_words(clause, today)


# an answer that takes the task on, whatever else it says (「我下個禮拜放假，所以我禮拜五前一定搞掂」, "sorry, yes, I'll…")
ACCEPTS = re.compile(r"^(?:好|OK|ok|okay|得|可以|冇問題|無問題|收到|明白|yes|sure|no problem)(?![A-Za-z唔])|我會|我(?:一定|盡量|再)|一定(?:搞掂|做|交)|"
                     r"做埋|搞掂佢|(?<![A-Za-z])(?:I'll|I will|will do)(?![A-Za-z])|冇問題|唔影響", re.IGNORECASE)
BARE_NO = re.compile(r"(?:唔得|唔可以|唔行|冇可能|做唔到|no|nope|sorry)(?:呀|喎|啊|囉)?", re.IGNORECASE)
# the owner turning a task down (「我聽日唔得閒喎」), and a bare go-ahead to somebody else (「咁 Ken 你去啦」)
# what the speaker cannot do (「…，做唔切」), and more ways of turning a task down (on leave, not mine)
CANNOT = re.compile(r"[\u3400-\u9fff]唔(?:切|及)|做唔(?:到|完)|(?<![A-Za-z])handle\s*唔(?:到|嚟|掂)|應付唔(?:到|嚟|掂|過嚟)|唔識(?:搞|做|整|裝|弄|處理|修|寫|揸|用)|做唔咗|做唔嚟|搞唔掂|(?:跟|搞|出|交|寫|處理|負責|改|去|返|嚟|走|推|調|幫)唔(?:到|切|掂|嚟|開)|分唔(?:到|開)身|唔得閒|冇時間|冇空|未必(?:有時間|有空|得閒|趕得切|做得切)|抽唔(?:到|出|開)(?:身|時間|人)|(?<![A-Za-z])(?:can't|cannot) (?:do|make|finish|manage)",
                    re.IGNORECASE)  # not "I can't wait", "I can't find the template, but…"
# 「可唔可以搵第二個同事跟？」, 「…搵第個？」: somebody else asked for (not 「搵第二個供應商」)
SOMEBODY_ELSE = r"搵(?:第二個|其他|另一個|第個)(?:同事|人)|搵(?:第二個|另一個|第個)(?=\s*(?:跟|做|搞|幫|啦|呀|啊|吖|[？?，,。！!]|$))"
DECLINE = re.compile(rf"{CANNOT.pattern}|(?<!得)唔得|走唔開|唔喺度|放(?:咗)?(?:大|年|病)?假|請(?:咗)?假|出差|公幹|覆診|睇(?:醫生|醫|牙)|做手術|入(?:咗)?院|病咗|唔舒服|唔喺香港|(?:返|去)(?:咗)?(?:大陸|內地|深圳|鄉下|外國)|唔方便|唔關我事|唔係我(?:嘅|跟|負責|出|做|交|寫)(?!得)|"
                     rf"{SOMEBODY_ELSE}|冇(?:\S{{0,4}})?權限|太多嘢|分身[不唔]暇|分唔(?:到|開)身|忙(?:到)?唔過嚟|(?:好|太|幾|都好)忙|唔係好得閒|(?:手頭上?|手上)\s*(?:有)?\s*好多嘢|"
                     r"(?<![A-Za-z])(?:I'm busy|I am busy|on leave|not available|no time)(?![A-Za-z])", re.IGNORECASE)
GLUED_TAG = re.compile(r"(?<![唔可])(?:得唔得|好唔好|可唔可以|OK唔OK|可以嗎|得嗎)(?:呀|啊|先)?[？?。！!\s]*$", re.IGNORECASE)  # 「可以嗎」: ASR's written form
IMPERATIVE = re.compile(r"(?:先|啦|吖|喇|la)[。！!]?$|幫我|俾我|畀我", re.IGNORECASE)
NOT_YES = re.compile(r"(?<!得)唔得|(?<!可)唔可以|唔肯定|未必|唔知|睇下先|再睇|再講|可能|not sure|can't|cannot", re.IGNORECASE)
OPENER = re.compile(rf"^(?:(?:咁|噉)\s*就|好主意|好提議|好建議|good idea|(?:perfect|great|sure|noted|alright|got it|sounds good|also|and|then|next|one more thing|by the way|btw)(?![A-Za-z])|好|OK|ok|Okay|咁|另外|仲有|同埋|不如|所以|就|嗯|噢|哦|喔|哎(?:呀|吔)?|係|得|明白|收到(?![^\s，,、：:])|冇問題|最後|然後|{THEN}|首先|(?:仲有|另外)?一樣|哈+|(?:ha){2,}(?![A-Za-z]))"
                    r"(?:啦|喇|吖|囉)?[，,\s]*", re.IGNORECASE)  # 「好啦，我交」, 「哈哈，…」
# 「我要見到份 schedule」, 「我要下個禮拜二前收到 final 版」: the speaker receives, the work is somebody else's
SELF = re.compile(rf"{NOT_SUBJECT}我(?!哋)(?![^，,。你佢]{{0,30}}?(?:要|想|需要)[^，,。你佢]{{0,30}}?(?:見到|睇到|收到|攞到|知道))"
                  r"|(?<![A-Za-z])(?:I'll|I will|I can|let me)(?![A-Za-z])", re.IGNORECASE)
WE = re.compile(rf"{NOT_SUBJECT}我哋")
YES = re.compile(r"^(?:(?:好|OK|ok|okay|得|可以|冇問題|無問題|收到|明白|嗯|no problem|sure|noted|yes|perfect|great|alright|got it)(?:呀|啊|啦|喇|吖)?"
                 r"[，,。.！!\s]*)+$", re.IGNORECASE)


def two_turns_back(lines: Sequence[Line], index: int) -> int:
    """The index of the second turn before turn ``index``, not counting bare yeses between (「好」, 「嗯」), which
    leave what is being settled open: 「阿傑你寫報告」 「好」 「嗯」 「唔係喎，改由 Ivy 寫」."""
    at, counted = index, 0
    while at > 0 and counted < 2:
        at -= 1
        counted += not YES.match(lines[at].text.strip())
    return at


# more work begins (「倉底仲有四個新嘅」 says what there still is)
NEW_TOPIC = re.compile(r"另外|(?<![\u3400-\u9fff])仲有|(?<=[咁好啦喇呀啊])仲有|仲會|同埋|順便|順手|also|another", re.IGNORECASE)


def before_more_work(text: str) -> str:
    """What a turn says before a clause that opens more work (「好，我聽日打去問，順便攞埋報價」 → 「好，我聽日打去問」):
    that clause is an item of its own."""
    said = clauses(text)
    at = next((k for k, c in enumerate(said) if k and NEW_TOPIC.match(c.strip())), len(said))
    return "，".join(said[:at])
