"""One sentence read clause by clause for the rules extractor (rules.py): which clauses are
actions, and whose.

A clause that is only a name, or that opens with one (「Tony，…」), addresses that person for the
rest of the sentence. A clause is an action when it holds a task verb and is not a question, a
report of work done, a suggestion, a deferral or a cancellation. Its owner is, by the first cue
that applies:
- an assignment: 「交俾阿明」, 「改由 Ken 跟」, 「Mary 負責」, 「海報 Ivy 搞」;
- a request: 「你…」 or an imperative with a due time, to the person addressed (else the
  previous speaker); a trailing 「得唔得？」 (with or without a comma) keeps it a request, which
  the answer in the next turn can refuse (「唔得」) or give another date (「禮拜五先得」);
- a commitment: 「我會/我嚟/我聽日…」 is the speaker's;
- a group: 「大家…」, 「各部門…」, 「邊個得閒就搞」 is nobody's (owner None);
- a role: 「IT 嗰邊要…」 is the attendee whose role or alias says so; a department nobody present
  is in (「HR 聽日出 offer letter」) is somebody to choose on the page (owner unknown);
- a commitment reported for somebody (「Ken 話佢聽日會…」) is theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from assistant.extract.answers import (
    ALSO_FINE, BARE, BY, OFFERS_ANOTHER_TIME, THEIR_TEAM, asks_when_done, counter_taken, excused, proposes_another, turns_down,
)
from assistant.extract.clock import find_clocks, zone_spans
from assistant.extract.corrections import after_refusal
from assistant.extract.cues import (
    ACCEPTS, ASKED_IN_TURN, CONDITION, FIND_OUT, GLUED_TAG, HANDOVER, HANDOVER_VERB, IMPERATIVE, NOT_ACTION, NOT_SUBJECT, NOT_YES, OPENER, QUESTION, REMIND,
    SELF, SOMEONE, TELLS, WE, YES, YOU_REQUEST, delivered_to_me,
)
from assistant.extract.dates import find_time_phrases
from assistant.extract.decisions import APPROVED, CUE_ONLY
from assistant.extract.deadlines import RECEIVED, Deadline, find_deadline, has_time_words, limit_said, without_times
from assistant.extract.leave import BACK_FROM_LEAVE
from assistant.extract.owners import DEPARTMENTS, OwnerResolver, resolver_for
from assistant.extract.schema import RawItem
from assistant.extract.tasks import (
    AWAY, BECAUSE, CONNECTIVE, CUT_OFF, DELIVERY_VERBS, FOLLOW_UP, GIVEN_ME, HELPS_ME, NEAR_VERB, NOUN_PHRASE, OBJECT_OF, OBSERVATION,
    EXPIRES, MADE_BY, ONE_CHARACTER_VERB, OWN_PLAN, PAST_WHEN, TAKES_CHARGE, THINKING, TO_ME,
    VERB, VERB_WORD, WAS, WITH_WHOM,
    only_moved,
)
from assistant.extract.text import clauses, pause_spaced, sentences, shared_grams
from assistant.extract.transcript import Line, Transcript


FOR_YOU = re.compile(rf"{NOT_SUBJECT}我(?!哋)\s*(?:都|可以|會|嚟|先)?\s*(?:幫|代)\s*你(?!哋)")  # 「Peter，我幫你 send」: the speaker's
COMMIT_MARK = r"會|嚟|去|負責|可以|自己|而家|即刻|馬上|盡快|今日|今晚|聽日|聽朝|打算|順便|順手|consider"
SELF_COMMIT = re.compile(rf"{NOT_SUBJECT}我(?!哋)[^，,。]{{0,6}}?(?:{COMMIT_MARK})[^，,。]{{0,8}}?{VERB_WORD}"
                         rf"|^(?:好|OK|ok|得)?[，,\s]*(?:咁|噉)\s*(?:就)?\s*(?:[^，,。]{{1,12}}?(?:嗰邊|那邊|方面))?\s*我(?!哋)\s*{VERB_WORD}"  # 「咁(Jason 嗰邊)我通知佢」: then I will
                         rf"|^我(?!哋)\s*(?:先\s*(?!講|介紹|報告|update|share){VERB_WORD}|(?!講|介紹|報告){VERB_WORD}[^，,。]{{0,16}}先$)"  # 「我問清楚資產登記嗰邊先」: I'll first
                         rf"|{NOT_SUBJECT}我(?!哋)\s*{VERB_WORD}[^，,。]{{0,4}}?埋"
                         r"|^(?:咁|噉)?\s*我(?!哋)\s*(?:通知|打俾|打畀|同[^，,。]{1,8}?講(?:聲)?)(?:返)?\s*佢"  # 「唔使喇，我通知佢唔使嚟」: I tell them
                         r"|^(?:咁|噉)?\s*我(?!哋)\s*(?:去|再)?\s*搵(?![唔咗到過緊])\s*[^，,。我你]{1,24}?(?:嚟|來|過嚟)\s*(?:幫|整|做|睇|搞|執|修)"  # 「我搵 vendor 派個 contractor 嚟幫你手」
                         rf"|(?:一|等)[^，,。]{{0,10}}?(?:到|好|完|返)(?:咗)?[，,\s]*我(?!哋)\s*(?:就|即刻|馬上|會)[^，,。]{{0,4}}?{VERB_WORD}"  # 「名單一到我就編排座位」
                         rf"|(?<![A-Za-z])(?:I'll|I will|I can|let me|I'm going to|(?:my|our) team(?:'ll| will| can)|we'll|we will)(?![A-Za-z])(?! need| have to)",
                         re.IGNORECASE)
WE_COMMIT = re.compile(rf"{NOT_SUBJECT}我哋[^，,。]{{0,10}}?(?:可以|會|去|盡量|一定)[^，,。]{{0,6}}?{VERB_WORD}")
WE_FIRST = re.compile(rf"^(?:我哋|我們)\s*(?:呢邊|這邊)?\s*(?=[^，,。]*?{VERB_WORD})", re.IGNORECASE)  # 「我哋聽朝九點前 send…」: by a limit
# 「Notice 你搞」, 「呢樣你跟」: the thing, then who does it
THING_YOU_DO = re.compile(rf"[^\s，,你]\s*你(?!哋)\s*(?:嚟|去)?(?:(?:搞|跟進|跟|做|負責|處理|handle|follow)(?:埋|住|吓)?"
                          rf"|(?:{VERB_WORD})(?:埋|住|佢|好|晒)?)\s*(?:啦|吖|喇)?\s*嘛?\s*$", re.IGNORECASE)  # 「份 proposal 阿傑你寫」, 「…你搞吖嘛」
# 「咁你寫封 email 俾 insurer。」: a clause that opens with 你 and its verb tells the listener to do it
# (not 「你寫得好清楚」, which says how it was done)
LOOK_FOR = re.compile(r"(?:等我|俾我|我)?\s*(?:睇下|睇吓|睇睇|睇一睇|了解下|了解吓)"  # what the one handed it looks for,
                      # or passes on (「…俾我，我要交上去批」, 「…俾我，我要拎去開會」)
                      r"|(?:因為)?\s*我\s*(?:要|會|仲要|再)\s*(?:交|拎|攞|send|present|報|呈|遞)\s*(?:上去|上頭|去開會|俾\s*(?:老闆|老細|上頭|管理層|總部|董事會|boss))"
                      r"\s*(?:批|審批|睇|過目|簽|參考)?\s*(?:㗎|喎|嘛|呀)?$"
                      r"|(?:因為)?\s*我\s*(?:要|會|仲要)\s*同\s*(?:老闆|老細|上頭|管理層|總部|董事會|客|客戶|[^，,。\s你]{1,6}?)\s*(?:報告|交代|匯報)\s*(?:㗎|喎|嘛|呀)?$", re.IGNORECASE)
# 「三十幾個學生一齊登入都冇問題」: how a test went, no work (「我幫你搞都冇問題」 offers, 「聽日交都冇問題」 says when)
WORKS_FINE = re.compile(r"^[^，,。我你]{2,}都\s*(?:冇|無|沒有)\s*問題\s*(?:㗎|喎|啦|呀|嘅)?$")
# 「陳太想中秋節之前睇到」: when a party wants it, said after the request; no work of the party's
# 「我問吓沙田嗰邊，再覆你」: the speaker finds out, then answers: a commitment with no day
FINDS_OUT = re.compile(r"問|check|查|了解|confirm|確認|睇(?:吓|下)", re.IGNORECASE)
REPLY_LATER = re.compile(r"(?:再|然後|之後|遲啲)\s*(?:覆|回覆|話|通知|answer)\s*(?:返)?\s*你(?!哋)")
BURDEN = re.compile(r"又要[^，,。]{1,20}?又要")  # 「Fiona 又要改 drawing 又要搞 mood board」: how loaded somebody is
THEY_WANT_IT = re.compile(r"(?P<who>[^，,。你我佢]{1,8}?)\s*(?:都)?\s*(?:要求|想|希望)\s*(?:喺)?\s*(?:(?:或)?(?:之前|以前|前))?\s*(?:睇到|收到|攞到|見到)\s*(?:喎|呀|啊|㗎|嘅|啦)?")
WANT_TO_SEE = re.compile(r"(?:因為)?\s*我\s*(?:要|想)\s*(?:睇(?:埋|吓|下|返|到)?\s*[^，,。\s你佢]{0,6}?"  # the asker's own look,
                         r"|(?:send|交|拎|轉)\s*(?:去|過|返)?\s*(?:俾|畀|給)\s*[^，,。\s你]{1,8}?\s*(?:confirm|確認|睇|批|簽|過目))"  # or who it goes on to
                         r"\s*(?:㗎|喎|嘛|呀)?", re.IGNORECASE)
THING_NAMED = re.compile(r"(?:嗰|呢|啲|個|份|張|條|部|封|本|批)|[A-Za-z]")  # how a noun phrase opens
WITH_WHAT = r"用(?!咗|過|完|晒|緊)\s*[^，,。你我？?]{1,16}?\s*"  # the means: 「用酒店個 account」
SELF_TOO = re.compile(r"自己|親自|我(?:哋)?\s*(?:嚟|去|會|負責|跟)")
I_DECIDE = re.compile(r"我(?:哋)?\s*(?:已經)?\s*(?:決定|定咗|揀咗)")
MOVED_TO_DAY = re.compile(r"改(?:喺|到|做|為|去)")  # 「…改喺十月六號搞」: when an event now is
YOU_FIRST = re.compile(rf"^你(?!哋)\s*(?:{WITH_WHOM}|{WITH_WHAT})?(?:{VERB_WORD}|參考|按照|根據)(?!\s*得)",
                       re.IGNORECASE)  # 「你同客 confirm 份 JD」, 「你用公司 account 覆」: with whom or what, then the verb
YOU_WITH = re.compile(rf"^你(?!哋)\s*{WITH_WHOM}(?:{VERB_WORD})(?!\s*得)", re.IGNORECASE)
REMINDER = re.compile(rf"^(?:順便\s*)?(?:{REMIND}|remember to)\s*(?:要|順便|埋)*\s*", re.IGNORECASE)  # a reminder with its verb
REQUEST = re.compile(r"要|記得|幫手|負責|一定|務必|need to|must|please", re.IGNORECASE)
STATE = re.compile(r"(?<!即)係|(?<!過)咗|過咗(?![^，,。]{1,10}?(?:之後|以後|後))|(?<![嚟來])緊(?!要|張|急)|開(?=緊|住|咗|晒|着)|一向|一直|通常|平時|已經|仲未|未有|有(?:啲|幾|好多|少少|d)?\s*(?:人|份|張|個|位|單)?\s*未(?!必)|(?<!有)冇|唔會|"
                   rf"(?:今朝|今早|頭先|啱啱|琴日|尋日|噚日|前日)\s*{RECEIVED}")  # 「我今朝收到份報價」: it came in; 「仲有啲未交」: how many are out
NEWS = re.compile(rf"{RECEIVED}|啱啱|頭先|[\u3400-\u9fff](?:完|過)(?![^，,。]*(?:之後|以後|後|先|就))")  # what has just happened
# 「你上次通知咗佢哋」: done before (not 「上次嗰份報告你改咗佢」, the report from last time)
DONE_BEFORE = re.compile(r"(?:上次|上一次|琴日|尋日|噚日|頭先|啱啱|上個?(?:禮拜|星期|月))(?!\s*(?:嗰|個|份|張|啲|條|部|批))")
YOU_HAVE = re.compile(r"你(?!哋)\s*(?:(?:又|都|仲|亦)\s*有(?!冇)[^，,。]*|有(?!冇|時間|空)[^，,。]*喎)$")  # 「你又有單出殯喎」: how the day is
MEETING_SET = re.compile(r"約(?:咗|好)[^，,。]{0,16}?(?:開會|見面|見|傾|會面|meeting)", re.IGNORECASE)
MEETING_ABOUT = re.compile(r"(?:傾|討論|講|睇|商量|匯報|報告|(?<![A-Za-z])(?:review|discuss|go through)(?![A-Za-z]))", re.IGNORECASE)
# what has been going on lately, or how a thing keeps failing (「部機成日 error」), unless asked now:
POLITE = re.compile(r"^(?:唔該|麻煩|請)\s*")
# 「Ivy 同 vendor 講聲」: to tell a party that is no attendee (two attendees are a pair, read before)
TELL_PARTY = re.compile(r"^\s*同\s*(?![我你佢])[^，,。]{1,12}?(?:講|傾|確認|聯絡|跟進|(?<![A-Za-z])(?:confirm|follow|check)(?![A-Za-z]))",
                        re.IGNORECASE)
HABIT = re.compile(r"^(?:呢排|近排|最近|成日|一向|通常|平時|呢幾日)"
                   r"|不時|唔時|時不時|(?<![一二兩三四五六七八九十幾每呢嗰邊哪])間中(?!學)|偶然|有時(?!間)"  # 「我都會不時 check 吓」: a habit
                   r"|every now and then|from time to time"
                   r"|(?:成日|經常|不停|久唔久|又)\s*(?:都)?\s*(?:壞|死機|出錯|出事|甩|跳掣|漏水|當機|卡紙|卡機|塞|唔夠凍|唔夠熱|唔夠光"
                   r"|(?<![A-Za-z])(?:error|hang|crash|down)(?![A-Za-z]))",  # 「部影印機又卡紙」: how it keeps failing
                   re.IGNORECASE)
# 「禮拜三朝早我要上堂」, 「我禮拜五要見客」: where the speaker will be (said when a time is picked), no work to do
ENGAGED = re.compile(r"^(?:朝早|早上|上晝|中午|晏晝|下晝|夜晚|晚上|成日)?\s*(?:我|我哋)?\s*(?:都|仲|已經)?\s*(?:要|會|有|約咗)\s*(?:(?:去|返)\s*(?:[^，,。\s你]{1,6}?\s*)??)?"
                     r"(?:同\s*(?:[A-Za-z]+(?: [A-Za-z]+)?|[^，,。\s你]{1,6}?)\s*)?"  # 「我十點要同 Helen 開會」: with whom
                     r"(?:上堂|上課|上\s*(?:嗰|呢)?\s*個?\s*(?:course|課程|training)|教(?:書|堂|[一兩三四五六七八九十幾\d]\s*堂)|教\s*(?:[一兩三四五六七八九十幾\d]\s*堂\s*)?"
                     r"(?:tutorial|lecture|class|workshop|course)|開[^，,。\s你]{0,4}會|見客|探客|見工|出差|放假|休假|考試|覆診|睇醫生"
                     r"|飲(?:喜)?酒|去旅行|飛)(?![A-Za-z])\s*(?:喎|呀|啊|㗎|嘛)?$", re.IGNORECASE)
ASKED_NOW = re.compile(r"你(?!哋)|要|記得|一定|請|麻煩|唔該|幫|(?:得|可以)唔(?:得|可以)|[？?]")  # 「呢排你幫手睇住個 inbox」
CALL_IT_OFF = re.compile(r"(?:cancel|取消|撤銷)\s*(?:咗|埋)?\s*佢(?!哋)\s*(?:啦|喇|吧|吖)?", re.IGNORECASE)
FROM_THEN = re.compile(r"(?:由|從|自)?\s*(?:開始|起)(?:計)?")
PROHIBITED = re.compile(r"^(?:你|你哋|大家)?\s*(?:先|暫時|千祈)?\s*唔好(?!意思|忘記|唔記得|漏|遲)"  # 「你先唔好同啲買家講住」: what not to do
                        r"|^[^，,。你]{1,12}?(?:你|你哋)\s*(?:先|暫時|千祈)\s*唔好(?!意思|忘記|唔記得|漏|遲)"  # 「張 invoice 你暫時唔好過數住」
                        r"|(?:唔想|唔准|唔可以|不准|禁止)(?:再)?(?:有人|任何人|大家|同事)"  # 「我唔想再有人喺廚房用手機」: a rule
                        r"|^[^你，,。]{0,8}?(?:條例|法例|規定|規例|合約|政策|指引|守則|規矩)[^，,。]{0,6}(?:寫明|列明|規定|話明|訂明)"
                        r"(?!嘅)"  # a rule quoted, not 「跟返合約寫明嘅條款」
                        r"|(?:^|[,，]\s*)(?:please\s+)?(?:don'?t|do not|never)\s", re.IGNORECASE)  # "Marco, don't send the quotation yet"
META = re.compile(r"^(?:你|我)?(?:都|亦)?(?:先)?(?:想)?講(?:下|先|吓|埋)?$|(?:今日|今次)?\s*(?:我|你)\s*(?:嚟)?\s*主持|^主要\s*(?:傾|講|討論)|"
                  r"^(?:我哋|大家|各位)?\s*(?:而家|宜家|就)?\s*(?:開始|開舖|開鋪|開門|開工|返工)(?:啦|喇|吖|囉|吧)?$|^(?:大家|各位)?\s*(?:早晨|早安|午安|good (?:morning|afternoon))$|同大家\s*(?:一齊)?\s*(?:跟進|傾|講|睇|討論|review|update)\s*(?:吓|下|一下)|(?<![你佢])\s*(?:今日|今次)\s*(?:主要)?\s*(?:傾|討論)(?!掂|好|完|妥|埋)|講錯|講先|發夢|做夢|(?<![同俾畀話])你哋\s*(?:先)?\s*講\s*(?:先|啦|吖|喇)?\s*$|(?<![同俾畀話])你\s*(?:先|嚟|黎)?\s*講(?!\s*(?:嗰|呢|嘅|過|個|啲|開))|(?:自我|(?:^|[我你])\s*(?:先|嚟)?)\s*介紹(?![信書稿])|介紹\s*(?:下|吓|一下)?\s*(?:自己|大家|新同事|我哋|你哋)|散會(?!\s*(?:之後|以後|後))|到此為止|講(?:少少|幾樣|兩樣|三樣)|(?:^|[我你])\s*報告先|開心|出去(?:搵食|食飯)|辛苦|加油|坐低|開始啦|"
                  # the call itself: 「你 mute 咗自己呀，講嘢大聲啲」, 「傾完大家早啲收工」
                  r"大聲(?:啲|少少|一點)|細聲(?:啲|少少)|(?<![A-Za-z])(?:un)?mute(?![A-Za-z])|開咪|熄咪|share\s*(?:個|下|吓)?\s*(?:screen|mon|螢幕|畫面)|(?:分享|投)\s*(?:個|下|吓)?\s*(?:螢幕|畫面|mon)|早啲(?:收工|放工)|"
                  r"^[^同跟約搵和俾畀]*傾下|睇下\s*status|^(?:我|[^，,。]{0,8}?想)?\s*提一提(?!\s*佢)|想提吓|"  # not 「send 張 invoice 提一提佢哋」
                  r"聽下大家|update 下大家|^(?:我哋|大家)?\s*(?:今日|而家|宜家|趁而家)?\s*(?:快快手|快啲|一齊)?\s*(?:傾|講|討論)(?:埋|晒|完)\s*佢(?:哋)?\s*(?:啦|喇|吖|先)?$|"  # 「快快手傾埋佢」: this meeting's talk
                  # a topic opened or a remark flagged: 「講開 server，…」, 「順帶提下，…」
                  r"^(?:順帶|順便|另外|仲有)?\s*提(?:吓|下|一下)$|^(?:順帶|順便)\s*一提$|^(?:講開|講起|說起|speaking of)|"
                  r"^(?:我)?\s*(?:頭先|啱啱|突然)?\s*(?:諗起|記起)(?:咗)?$|"  # 「我頭先諗起，…」: what comes to mind follows
                  # what the speaker reports on first, today's agenda: 「我講住 renewal 先」, 「今日主要跟進幾單 file」
                  r"^(?:咁|好)?\s*(?:我|等我)\s*(?:先)?\s*講(?:住|下|吓)?(?![住下吓])\s*(?!(?:個|啲|嗰個|班)?\s*(?:客|老闆|老細|供應商|業主|人))[^，,。你佢]{1,20}?\s*先$|"
                  r"^(?:我哋)?\s*今日\s*主要\s*(?:跟進|傾|講|討論|睇|review)\s*(?:吓|下)?\s*[^，,。]{0,8}?(?:幾|兩|三|四|五|一啲)|"
                  r"(?:講句老實|老實講|講真(?:話|嘢)?|坦白講|說實話)(?:話|啦|呀|啊)?$|^想問(?:下|吓|一下|多句|句)|"  # 「我周俊傑講句老實，…」: how frankly; 「陳姑娘，想問下流感針」: asking now
                  # the meeting's own business, no thing named: 「快快傾埋啲嘢」, 「有幾樣嘢要搞掂」, 「大家坐埋嚟」
                  r"(?:傾|講|搞|搞掂|處理|討論|跟)(?:埋|下|吓|一下)?\s*(?:啲|幾樣|兩樣|三樣|一啲|呢啲|好多)\s*(?:嘢|事)(?![\u3400-\u9fffA-Za-z])|"
                  r"有(?:幾|兩|三|四|好多)(?:樣|件)(?:嘢|事)|坐(?:埋|低)(?:嚟|啦)|"
                  # the agenda, thanks for coming, the floor taken, the round closed: 「今日主要 check 下大家準備成點」,
                  # 「唔該你專登落嚟」, 「我講下夜班」, 「今日大家 update 完」
                  r"(?:今日|今次)\s*(?:主要)\s*(?:係|是)?\s*(?:睇|check|講|傾|討論|review|update|匯報)|(?:唔該|多謝|謝謝)(?:晒)?\s*(?:你|大家|各位|你哋)?\s*(?:專登|特登|抽時間)|"
                  r"^(?:我)?\s*(?:先)?\s*講(?:下|吓|一下)\s*[^，,。俾畀同佢你]{1,12}$|(?:大家|各位)\s*(?:都)?\s*update\s*(?:完|晒)|"
                  # said now, in the meeting: 「我哋講一下上個月嘅數字」, 「你報告吓進度」 (not 「講一下俾客人聽」, 「update 吓個 budget sheet」)
                  r"(?:^|你|我|大家|先)\s*(?:想)?\s*(?:講|報告|分享|update)\s*(?:一)?[下吓](?!\s*(?:個|份|張|啲|嗰|呢|條|間|部|[A-Za-z])|.*(?:俾|畀|給|同)\S{0,8}(?:聽|知))|"
                  r"^(?:咁|好)?\s*(?:聽日|後日|下次|到時|(?:下(?:個)?)?(?:禮拜|星期|週)\S?|\S{1,4}[號号]|遲啲|假期後|節後|新年後|年後)\s*再?見(?:啦|喇|囉|吖)?$|"  # 「廿八號見」, 「禮拜二見」: goodbye
                  r"快樂|好好休息|保重|恭喜發財|身體健康|merry christmas|happy (?:new year|holidays?)|"
                  # wishes said to everyone (「大家清明放假注意安全」; 「你提醒啲師傅注意安全」 is work)
                  r"^(?:(?:大家|各位|你哋)[^，,。]{0,8}?)?(?:注意(?:安全|身體)|早啲休息|玩得開心|加把勁|繼續努力)(?:啦|喇|呀|啊|吖)?$|"
                  r"^(?:各位|大家)?\s*(?:早晨|早安|午安|晚安|好)\s*(?:呀|啊|晒)?$|good (?:morning|afternoon)|hello (?:everyone|all)", re.IGNORECASE)
GROUP = re.compile(r"大家|你哋(?!兩|三|四|幾)|全部同事|所有同事|全部人|所有人|個個|各部門|各個部門|各位|全組|全體|全公司|每個人|每位同事|(?:每人|各人)(?=\s*(?:都|要|記得|自己)?\s*(?:交|寫|填|出|準備|帶|做|send|submit|提交|報))|everyone|all of you|let's all|let us all|all of us|"
                   + SOMEONE,
                   re.IGNORECASE)
ASSIGN = re.compile(r"交返俾|交返畀|交俾|交畀|交給|轉交|改由|由|請|麻煩|叫|(?<![唔我])要(?!求)|assign to|hand to|handed to", re.IGNORECASE)
I_TELL = re.compile(r"我(?!哋)\s*(?:會|就|而家|即刻|等陣|自己|去)?\s*$")  # 「我叫…」: the speaker passes it on
GIVEN_FOR = re.compile(r"交(?:返)?(?:俾|畀|給)")  # handing work on, or handing a thing in
# what the one handed a thing does with it (「交俾 Ken 簽」, 「…睇」): not the work itself
CHECKS_IT = re.compile(r"(?:簽|睇|批|審|過目|核對|覆核|蓋印|存檔|歸檔|(?<![A-Za-z])(?:check|approve|review|sign)(?![A-Za-z]))",
                       re.IGNORECASE)
AFTER_THEN_YOU = re.compile(r"(?<=之後|以後)\s*(?=你(?!哋)\s*(?:就|先|再)?)")
PARTICLE_THEN_PERSON = re.compile(r"(?<=[喎啦喇囉吖嘛])\s*(?=(?:你|我)(?!哋))")
BARE_HANDOVER = re.compile(r"(?:咁|噉)\s*(?:就)?\s*(?:你)?\s*(?:嚟)?\s*(?:跟進|跟|負責|搞|做|處理)(?:埋|住)?(?:佢)?\s*(?:啦|喇|吖)?\s*(?:之前|前)?")
WHOSE = re.compile(r"\s*(?:嘅|嗰\s*(?:份|個|張|單|啲|間|批)|(?:啲|份|張|單|批)(?=\s*[\u3400-\u9fffA-Za-z]))")  # 「Tom 嗰份 contract」, 「Dr Leung 啲 booking」: whose
THING_FIRST = 12  # characters a thing said between a name and 你 may take (「Leo test case 你…寫好」)
MY_CLOCK = re.compile(r"我(?!哋)\s*(?:呢|嗰)邊\s*(?:嘅)?\s*(?:時間)?\s*(?=[^，,。]{0,4}?(?:朝早|上晝|下晝|晏晝|夜晚|晚上|凌晨|[一二三四五六七八九十兩\d]+\s*點))")
OURS = re.compile(r"\s*(?:我(?!哋))?\s*(?:同\s*[^，,。你]{1,8}?)?\s*嘅")  # 「我同 Ivy 嘅…」, 「Ivy 同我嘅…」: whose
HANDED_TO_ME = re.compile(rf"(?:你)?\s*(?:要|可以|就)?\s*(?:{DELIVERY_VERBS})?\s*(?:返|埋|晒)?\s*(?:俾|畀|給)\s*我(?!哋)\s*"
                          r"(?:得唔得|可唔可以|好唔好|OK唔OK|啦|吖|喇)?", re.IGNORECASE)  # 「（禮拜五）俾我得唔得？」
DONE_HANDED_IN = re.compile(rf"(?:(?:{VERB_WORD})\s*(?:好|晒|埋|完)\s*)?(?:{HANDED_TO_ME.pattern})", re.IGNORECASE)  # 「整理好交俾我」
SHORT_PHRASE = 40  # characters 「禮拜五前整理好交俾我得唔得」 takes at most: longer text never is one, and matching it is slow


def handed_to_me_only(text: str, done_first: bool = False) -> bool:
    """Whether text only says it is handed to the speaker (「交俾我得唔得」; with ``done_first``, after the
    verb of the work done, 「整理好交俾我」)."""
    text = text.strip(" ，,。？?")
    return len(text) <= SHORT_PHRASE and bool((DONE_HANDED_IN if done_first else HANDED_TO_ME).fullmatch(text))


TAKES_IT_OVER = re.compile(r"\s*(?:嚟|去)?\s*(?:接手|接咗佢|頂上)(?:佢)?(?:啦|喇|吖|囉|先)?[。！!]?")
# 「咁陳太啲 loose furniture 改由 Wilson 跟」: a handover naming its topic, then who takes it
HANDED_TOPIC = re.compile(r"^(?P<topic>[^，,。]{2,24}?)\s*(?:改由|改為由|轉由)\s*(?P<who>[^\s，,。]{1,12}?|[A-Za-z]+(?: [A-Za-z]+)?)\s*"
                          r"(?:跟進|跟|負責|處理|做|搞)")
NAMED_GO = re.compile(r"\s*(?:就)?\s*(?:跟進|跟|負責|處理|做|搞)(?:埋|住)?(?:佢)?(?:啦|喇|吖|囉)?[。！!]?")
AWAY_ONLY = re.compile(rf"[^，,。]{{0,16}}?(?:{AWAY})[^，,。]{{0,4}}")
WITH_SOMEONE = re.compile(r"(?:同|搵|問|約|見|打俾|打畀|(?<![A-Za-z])(?:call|email|whatsapp|ping|meet))\s*(?:吓|下|一下|埋|返)?\s*(?=\S)",
                          re.IGNORECASE)  # 「聽日同 Ivy 對吓數」: Ivy is who it is done with, not who does it
ASSIGNED = re.compile(rf"^(?:去|嚟|幫手|幫|負責|接手|自己)?{VERB_WORD}", re.IGNORECASE)  # after "交畀 <name>"
NAMED = re.compile(rf"^(?:就|則)?\s*(?:你|負責|跟進|跟|嚟|會|去|處理|接手|要|幫(?=\s*\S{{1,8}}?\s*{VERB_WORD})|will|to|{VERB_WORD})", re.IGNORECASE)
THING_THEN_VERB = re.compile(rf"(?:個|份|張|啲|封|單|批|條)\s*[^，,。你我佢]{{1,12}}?\s*(?:要|就|都)?\s*(?:{VERB_WORD})\s*(?:好|晒|埋|掂)?\s*(?:啦|吖|喇)?",
                             re.IGNORECASE)  # after a name with a due time: the name's thing and its verb, no comma between
PRAISED = re.compile(r"(?:好|真係|幾|咁)?(?:積極|叻|醒|勤力|犀利|辛苦|加油|努力|專心|快手|小心)(?:啲|晒|喇|啦|呀|吖)?")
STANDS_IN = re.compile(r"(?:咁|噉)?\s*(?:不如)?\s*我(?:嚟|去|做|跟|頂|幫佢)(?:啦|喇|吖|囉)?[。！!]?")
# 「refund 嗰part 我嚟啦」: which of the tasks just given
TAKEN_PART = re.compile(r"^(?P<topic>[^，,。]{1,20}?)\s*(?:(?:嗰|呢)\s*(?:part|樣|部分|部份|份|個)\s*(?=我)|(?=我自己))", re.IGNORECASE)
# 「我嚟啦」, 「不如我嚟做」 straight after a task given to somebody else: the speaker takes it on
WHY_THEM = re.compile(r"^(?:因為|始終)?\s*佢(?:哋)?\s*(?:負責|熟|識|做開|跟開|專門|比較熟|有經驗|得閒)")  # 「…交俾 Sam 跟，佢負責物流」
TO_STRANGER = re.compile(r"(?:(?:咁|噉)\s*)?(?:(?:嗰|呢)\s*(?:part|樣|部分)\s*)?(?:交俾|交畀|改由|改為由|轉交俾?|轉俾)\s*\S{1,8}?\s*"
                         r"(?:跟進|跟|做|搞|負責)\s*(?:啦|喇|吖)?", re.IGNORECASE)
GIVEN_ON = re.compile(r"(?:咁|噉|就|都係|不如|或者)*\s*(?:交俾|交畀|交返俾|轉俾|轉交俾?)\s*")  # 「都係交俾 Ivy 啦」
STILL_DO = re.compile(rf"(?:照|照樣|照舊|仍然|繼續|都係要|都要)\s*(?:{VERB_WORD})", re.IGNORECASE)
NOT_NEEDED = r"(?:唔使|唔駛|唔洗|唔好|不用)\s*(?:喇|啦|住|了)?"  # 「唔使喇」: thanks, no
# after a no: 「咁比較表我自己做啦」, 「咁我自己打啦」, 「咁算，我自己聽日去」 (the day is read out first)
SELF_TAKE_OVER = re.compile(rf"我自己\s*(?:嚟|去)?\s*(?:{VERB_WORD}|[\u3400-\u9fff])?\s*(?:埋|掂|返)?\s*(?:佢)?(?:啦|喇|吖|呀|囉)?[。！!]?",
                            re.IGNORECASE)
LET_IT_GO = re.compile(r"(?:咁|噉)?\s*算(?:啦|喇|數)?[，,\s]*")  # 「咁算，…」: giving up on asking anyone else
BARE_TAKE_OVER = re.compile(r"(?:不如)?我(?:嚟|來)(?:做|搞|跟|處理|負責)?(?:佢)?(?:啦|喇|吖|呀|囉)?[。！!]?")
TAKE_OVER = re.compile(r"(?:不如)?(?:我(?:嚟)?(?:接手.*|接(?:咗|埋)?\s*(?:佢)?\s*(?:啦|喇|吖|囉|先)?|幫\s*(?:佢|你|[A-Za-z]+|\S{1,3})\s*(?:做|搞|跟)|跟埋|做埋)|(?:份|個|嗰|呢)?\S{0,8}交(?:返)?俾我)"
                       r"(?:啦|喇|吖|呀|囉)?[。！!]?|(?:I'?ll|I will|let me) (?:take (?:it |this |that )?over|do (?:it|this|that) instead)[.!]?",
                       re.IGNORECASE)
GIVEN_TO = re.compile(r"(?<![交送寄send ])(?:俾|畀)\s*(?P<rest>\S.*)$")  # 「份報價俾 Ken 跟」, not 「交俾客」
GIVEN_WORK = re.compile(rf"(?:去|嚟)?{HANDOVER_VERB}(?:埋|住|手)?\s*(?:啦|吖|喇|la)?\s*", re.IGNORECASE)
HANDED_THING = ("", "呢樣", "嗰樣", "呢個", "嗰個", "呢件事", "嗰件事", "咁", "咁就", "就", "嗰part", "呢part")  # says no task of its own
ROLE_ONLY = re.compile(r"^(?P<who>[A-Za-z]{2,}(?:\s*[\u3400-\u9fff]{1,3})?|[\u3400-\u9fff]{2,4})\s*(?:嗰邊|那邊|部門|team|組)?(?:方面|呢)?$",
                       re.IGNORECASE)  # 「IT 主任，…」 addresses the IT officer
ROLE = re.compile(r"(?P<who>[A-Za-z]{2,}|[\u3400-\u9fff]{2,4})\s*(?:嗰邊|那邊|部門|team|組)", re.IGNORECASE)
# a department of the company named as the subject (「HR 聽日出 offer letter」, 「會計部要…」); 「X 嗰邊」 may
# be another company (「順豐嗰邊…」), so it names an owner only when an attendee holds that role
_LATIN_DEPARTMENTS = "|".join(f"(?-i:{k.upper()})" if len(k) == 2 else k  # 「IT」, not "fix it"
                              for names in DEPARTMENTS for k in names if k.isascii())
_CHINESE_DEPARTMENTS = "|".join(k for names in DEPARTMENTS for k in names if not k.isascii())
DEPARTMENT = re.compile(rf"^(?P<who>(?<![A-Za-z])(?:{_LATIN_DEPARTMENTS})(?![A-Za-z])|(?:{_CHINESE_DEPARTMENTS})部)"
                        r"(?!\s*(?:嗰邊|那邊)?\s*(?:話|講|問|覺得|想|估|認為|要(?:我|你|求)|叫|said|says|thinks?|wants?)(?![A-Za-z]))",
                        re.IGNORECASE)  # 「HR 話…」 reports, 「HR 要我哋…」 asks somebody else
# a person's name that is no attendee's: a capitalised Latin name, 阿X, X生/X小姐/X太
STRANGER = re.compile(r"\s*(?P<who>(?<![A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z])|阿[\u3400-\u9fff]|[\u3400-\u9fff](?:生|小姐|太|sir|Sir))\s*")
# a Chinese name as said to somebody (「阿傑」, 「陳生」, 「李小姐」), not a family word (「阿媽」): English capitals open too
# many sentences (Next, Google) to be read as names of people on no list
CALLED_UNLISTED = re.compile(r"阿(?![爸媽爺嫲婆公伯嬸叔姨哥姐妹弟仔女])[\u3400-\u9fff]|[\u3400-\u9fff](?:生|小姐|太|sir|Sir)")
SPLIT_WORK = re.compile(r"\s*(?:一人一半|各做一半|各自一半|分開做|平分|分一半|each take half|split)", re.IGNORECASE)
TOGETHER = re.compile(r"(?:你|[A-Za-z\u3400-\u9fff])\s*(?:同埋|同|and)\s*(?=\S+\s*(?:一齊|兩個|一同))")
DELIVERY = re.compile(DELIVERY_VERBS, re.IGNORECASE)
STEP_DONE = rf"(?:{VERB_WORD})\S*\s*(?:完|好|咗)\s*(?:之後|以後)?\s*"  # 「(Toby) upgrade 完」: when a step is done
DONE_FIRST = re.compile(STEP_DONE + "$", re.IGNORECASE)
THEN_YOU = re.compile(r"\s*" + STEP_DONE + r"你(?!哋)", re.IGNORECASE)  # 「(Toby) upgrade 完你…」: you, after it
BARE_GO = re.compile(r"(?:你)?\s*(?:去|嚟|來)?\s*(?:去|做|跟|搞掂|搞定|搞|嚟|來|交|跟進|負責|處理|頂|代|接|幫手|幫忙|take over|cover|handle)(?:下|吓|佢|埋|手|住|it)?\s*"
                     r"(?:先)?\s*(?:啦|吖|喇|吧|la)?|(?:please\s+|can you\s+|you\s+)?(?:do|take|handle|cover|take over)(?: it| this| that)?"
                     r"(?: then| instead| please)?[.!]?", re.IGNORECASE)
VOLUNTEER = re.compile(r"我(?:嚟|來|去)?\s*(?:跟|做|搞|負責|處理|頂|接手|take over|cover)(?:佢|埋)?(?:啦|吖|喇|吧)?[。！!]?", re.IGNORECASE)
WILL_TRY = re.compile(r"我(?:可以|都可以)?\s*試(?:吓|下|一試)(?:啦|吖|喇|吧)?[。！!]?")  # 「我可以試吓，…下個禮拜三交」: with a day, a yes
OWN_VERBS = {"搞", "做", "跟", "搵", "去", "嚟", "整", "處理", "負責"}  # say nothing of which work on their own
STAND_IN_OPENER = re.compile(r"^(?:(?:啦|喇|吖|呀)[，,\s]*)?(?:咁|噉|嗰|那|不如|就|算啦|唔緊要)[，,\s]*")  # 「好啦，咁 Amy 跟啦」
ROLE_ADDRESSED = re.compile(r"(?P<who>[A-Za-z]{2,}\s*[\u3400-\u9fff]{1,3}|[\u3400-\u9fff]{2,6}?)\s*(?=你)")  # 「IT 主任你…」
WHO_FREE = re.compile(r"^(?:邊個|邊位|有人)(?:得閒|有空|有時間)?(?:就|嘅話)?(?:搞|做|跟|處理|負責)?(?:啦|吖)?$")
APPROVAL = re.compile(r"^(?:好主意|好提議|好建議|好idea|good idea|你講得啱|你話得啱)", re.IGNORECASE)


NOW = re.compile(r"而家|宜家|依家|現在|目前|暫時")  # 「而家得一部機開緊」: how things stand now, no due time
PROGRESSIVE = re.compile(r"(?<=[\u3400-\u9fffA-Za-z])(?<![嚟來])緊(?!要|張|急)")  # 「做緊」: work under way, a status unless a due time is said
RECEIVES = re.compile(r"(?:俾|畀|同|話|問|叫|等|幫|對|跟|知|給|提|email|send|cc|call|brief|whatsapp|tell|remind|to|update|通知|提醒|inform|notify|message|ping)\s*$",
                      re.IGNORECASE)


# 「麻煩你 book 咗個房」, 「記得交咗份表先」: a request to have it done, 咗 of the result asked for
DONE_FOR_ME = re.compile(r"(?:麻煩|唔該|請)\s*你[^，,。]{0,8}?咗|(?:記得|幫我|幫手)[^，,。]{0,8}?咗|咗[^，,。]{0,16}(?:先啦|先|吖)$"
                         r"|^\s*你(?!哋)\s*[^，,。咗]{1,10}?咗\s*(?:佢|嗰|呢)?\s*(?:個|份|張|啲|部|架|條|封|批|間|單)(?![^，,。]*(?:喇|嘞|未|[？?])\s*$)")  # 「你 check 咗個 log，同埋…」
# 「大家記得填 timesheet」: a group reminded of work with a thing to do is a task with no day yet
GROUP_REMINDED = re.compile(rf"^\s*(?:都|一定)?\s*(?:{REMIND})\s*(?:要)?\s*(?:{VERB_WORD})\s*\S{{2,}}", re.IGNORECASE)
REMINDED = re.compile(r"(?<=提醒|提提)(?:大家|各位|全部同事|所有同事)[^，,。]{0,12}?(?:要|記得|一定要)")  # 「提提大家…要交 timesheet」


GIVEN_TO_SOME = re.compile(r"(?:俾|畀|通知|email|send|cc)\s*[^，,。\s]{0,4}\s*(?:座|樓|層|區|部|組)?\s*$", re.IGNORECASE)  # 「俾 B 座全體住客」


GREETED = re.compile(r"\s*(?:早晨|早安|午安|晚安|好(?=\s*[，,。！!]|\s*$))|\s*(?:good (?:morning|afternoon|evening))", re.IGNORECASE)  # 「各位早晨」: hello


REMINDED_FIRST = re.compile(r"\s*(?:記得|麻煩|唔該|請|要)")


def group_in(text: str) -> re.Match[str] | None:
    """A group that is to act, not one that receives (「send 份 minutes 俾大家」, 「email 大家」, 「提大家…」)
    or whose thing the work is about (「check 埋全部同事嘅 MPF 供款」)."""
    return next((m for m in GROUP.finditer(text) if (not RECEIVES.search(text[:m.start()]) or REMINDED.match(text, m.start()))
                 and not GREETED.match(text, m.end())
                 and not GIVEN_TO_SOME.search(text[:m.start()]) and not (WHOSE.match(text, m.end()) and VERB.search(text[:m.start()]))), None)

BARE_COMMIT = re.compile(r"^(?:好|OK|ok|得|冇問題|明白|收到|可以)?[，,\s]*(?:呢樣|呢個|嗰個)?\s*我(?:自己)?(?:(?:會|嚟|去)?(?:幫\s*(?:佢|你))?"
                         r"(?:搞|跟|做|負責|處理|寫|跟進|頂|cover|交|出)(?:埋|住|掂|定)?|(?:會|嚟)?幫\s*(?:佢|你)|嚟|得|可以|去)?(?:啦|喇|吖|佢)?[。！!]?$"
                         r"|^(?:I can|I can do (?:it|that)|I'll do (?:it|that)|I'll handle (?:it|that)|leave it (?:to|with) me|me)[.!]?$",
                         re.IGNORECASE)  # 「邊個得閒？」 「我啦。」, 「邊個可以幫我…？」 「我幫你啦。」


SAID = r"\s*(?:嗰邊|那邊)?\s*(?:琴日|尋日|頭先|啱啱|今朝|上個禮拜)?\s*(?:(?<![電說對笑廢])話|講(?![座師稿義解價台])|said|says)"  # 「Ken 琴日話…」; 講座, 講師 are things
UNKNOWN = "?"  # an owner the transcript points at but no attendee matches: needs review


@dataclass
class Clause:
    """One clause of a sentence as read: its words, the owner its cue names, whether it gives one,
    whether it is an action (work to do)."""
    text: str
    owner: str | None  # the cue's owner in this clause, if any
    has_owner_cue: bool
    action: bool
    turns_to: bool = False  # another person is addressed from here on


FREE_ASKED = re.compile(r"(?:你)?\s*(?:嗰日|嗰陣|嗰朝|嗰晚|聽日|今日|今晚)?\s*(?:得唔得(?:閒)?|可唔可以|OK\s*唔\s*OK|有冇(?:時間|空))\s*[？?]?$",
                        re.IGNORECASE)  # 「你嗰日得唔得？」: asked if free to stand in
RECIPIENT_REACH = 40  # characters RECIPIENT_BEFORE and THING_BEFORE can span: read no further back (a long run-on turn)
# 合約, 合同, 意見, 顧問 end in 約/同/見/問 and are nouns: no one after them is met or asked
RECIPIENT_BEFORE = re.compile(r"(?:俾|畀|給|(?<![合相共一不])同|(?<![顧疑學])問|搵|叫|(?<![合契條公預簽和])約|(?<![意會])見|通知|打俾|打畀|(?<![A-Za-z])(?:to|cc|call|email|whatsapp|ping|meet))"
                              r"\s*(?:吓|下|一下|埋|返)?\s*$"
                              r"|(?:俾|畀)\s*(?:返|埋)?\s*(?:份|個|張|啲|封|條)[^，,。？?你我]{1,12}?\s*$", re.IGNORECASE)
# 「…俾 Ivy，」, 「俾份報價 Ivy，」: not calling Ivy


YES_ME = re.compile(rf"我(?!哋)\s*(?:{VERB_WORD})", re.IGNORECASE)
YES_FIRST = re.compile(r"^(?:好|OK|ok|okay|得|可以|冇問題|無問題|收到|明白|知道|yes|sure|no problem)(?:呀|啊|喇|啦)?[，,\s]*",
                       re.IGNORECASE)
# what ends a point before the next request, in ASR text without commas: 「咁就咁決定」, 「OK 就咁話」
CLOSED_BEFORE = re.compile(r"(?:決定|定咗|就咁(?:話|定|做)?|係咁(?:話)?|(?<![A-Za-z])OK|冇問題)(?:啦|喇|吖|囉)?\s+$", re.IGNORECASE)


MOVED = re.compile(r"(?:改為|改做|改成|改喺|改去|改到|延到|延遲到|延期到|押後到|提前到)")
TO_YOU = re.compile(rf"(?<![A-Za-z])(?:{DELIVERY_VERBS})(?![A-Za-z])[^，,。你我]{{0,16}}?(?:俾|畀|給)\s*你(?!哋)", re.IGNORECASE)
MAY_THEN = re.compile(r"(?:咁)?\s*你(?!哋)\s*(?:就|都)?\s*可以(?!唔)")
# 「有咩問題，禮拜五前話我知」: "if anything comes up, tell me", no work of its own
IF_ANY = re.compile(r"(?:大家|你哋|你)?\s*(?:如果|假如|萬一)?\s*有(?:咩|乜嘢|乜|什麼|甚麼|任何)")
# 「等總公司寄嚟就得」, 「等客覆先」: waiting on others is no work (「等我搞」 is "let me")
WAITING = re.compile(r"(?:我哋|我|你|大家)?\s*(?:就|先)?\s*等(?!我|陣|一陣|下|吓|埋|等)[^，,。]{1,24}?(?:就得|就可以|就OK|先|啦|喇)?[。！!]?$"
                     r"|^等(?:我|佢)(?:哋)?[^，,。]{1,16}?(?:完|好|咗)\s*(?:之後|先)[。！!]?$"  # 「等我同佢傾完先」: until then
                     r"|^[^，,。你我]{1,8}?\s*(?:都|仲)?\s*要等\s*(?!你)[^，,。]{1,16}$"  # 「業哥要等貨開工」: why it is urgent
                     r"|^[^，,。你我]{0,8}?忙完\s*(?:之後|先)[。！!]?$", re.IGNORECASE)  # 「清明忙完先」: after the rush
# 「你要 copy 就搵我」, 「唔明就問阿傑」: where to turn if need be, no work
IF_NEEDED = re.compile(r"(?:^|你|你哋|大家)\s*(?:如果|假如)?\s*(?:有需要|需要|要|想要|想|唔明|唔識|唔清楚|唔肯定|有疑問)[^，,。]{0,16}?就\s*(?:搵|問)\s*"
                       r"(?P<who>[^，,。]{1,10}?)\s*(?:啦|喇|吖|la)?[。！!]?$", re.IGNORECASE)
TELL_ME = re.compile(r"(?:之前|以前|前)?\s*(?:你|大家|你哋)?\s*(?:即刻|記得|就)?\s*(?:話(?:返)?(?:俾|畀)?我知|通知我|搵我|(?:WhatsApp|call|email|message)\s*(?:俾|畀)?\s*我|同我講|出聲|let me know)"
                     r"(?:啦|吖|喇|呀|la)?", re.IGNORECASE)


class Reader:
    """Reads one transcript's sentences with its attendees."""

    def __init__(self, transcript: Transcript):
        self.transcript = transcript
        self.people = resolver_for(transcript.people)
        self._called: dict[int, str] = {}  # turn → the person its sentences last called by name

    def speaker(self, line: Line) -> str | None:
        return self.people.find_name(line.speaker)

    def addressee(self, line: Line, addressed: str | None) -> str | None:
        if addressed:
            return addressed
        if line.index in self._called:  # 「阿業，你今日通知…；另外，你聽朝約好…」: still the one called
            return self._called[line.index]
        before = line.index - 1  # the same speaker going on in a turn of its own: still the one called
        if before in self._called and self.transcript.lines[before].speaker == line.speaker:
            return self._called[before]
        previous = self.transcript.previous_speaker(line.index)
        if previous and self.people.left_out(line.text, self.people.find_name(previous)):
            # 「咁唔好預 Ivy。你…」 said after Ivy's turn: the one before her, not Ivy
            earlier = [said.speaker for said in reversed(self.transcript.lines[:line.index]) if said.speaker not in (line.speaker, previous)]
            return self.people.find_name(earlier[0]) if earlier else None
        if previous:
            return self.people.find_name(previous)
        after = self.transcript.lines[line.index + 1] if line.index + 1 < len(self.transcript.lines) else None
        # the meeting's first words: 「你聽日交份報價。」 「好。」 were said to who takes them
        return self.people.find_name(after.speaker) if after and after.speaker != line.speaker \
            and ACCEPTS.match(after.text.strip()) else None

    def _state(self, clause: str) -> re.Match[str] | None:
        """What makes clause a state, not work to do; 咗 after a limit is work done by then
        (「我十五號前一定砌好咗部機」)."""
        return STATE.search(clause.replace("咗", "") if limit_said(clause, self.transcript.date) else clause)

    def clause_owner(self, clause: str, sentence: str, line: Line, addressed: str | None) -> tuple[bool, str | None]:
        """(whether the clause gives its owner, that owner; None for a group, UNKNOWN when the
        person pointed at is no attendee). Only frames that assign work count: a request, a
        commitment, an assignment, or a named person or group with a due time."""
        shared = self._shared_between(clause)
        if shared:  # 「Backlog 就 Ivy 同 Joyce 一人一半，月尾前清晒」: each does a part
            return True, shared
        if META.search(clause) or not VERB.search(clause) or AWAY_ONLY.fullmatch(without_times(clause, self.transcript.date).strip()):
            return False, None  # 「Ivy 請咗假，阿強你頂住先」: Ivy is away, not asked
        timed = has_time_words(sentence, self.transcript.date) or self._when_answered(line)
        speaker = self.speaker(line)
        for m in ASSIGN.finditer(clause):
            hit = self.people.leading(clause[m.end():])
            if hit and GIVEN_FOR.match(m.group(0)) and CHECKS_IT.match(without_times(hit[1], self.transcript.date).strip()):
                continue  # 「將合約交俾 Ken 簽」: Ken signs what is handed to him, the work stays with the one asked
            if hit and ASSIGNED.search(BY.sub("", without_times(hit[1], self.transcript.date).strip())):
                return True, hit[0]  # 「叫 Ken 聽日 call 返個供應商」
            them = re.match(r"\s*佢(?!哋)", clause[m.end():])
            if them and VERB.search(without_times(clause[m.end() + them.end():], self.transcript.date)):
                meant = self._third_person(line, sentence, max(sentence.find(clause), 0) + m.start(), speaker)
                if meant:  # 「Ken 今日冇嚟，叫佢聽日 upload」: Ken is told to, whoever passes it on
                    return True, meant
            unit = DEPARTMENT.match(clause[m.end():].lstrip())
            after = clause[m.end():].lstrip()[unit.end():] if unit else ""
            if unit and ASSIGNED.search(BY.sub("", without_times(re.sub(r"^\s*(?:嗰邊|那邊|team)", "", after), self.transcript.date).strip())):
                return True, self.people.by_role(unit["who"]) or UNKNOWN  # 「麻煩 IT 聽日裝好部 printer」: that role's
            stranger = STRANGER.match(clause, m.end())
            if stranger and not self.people.find_name(stranger["who"]) \
                    and ASSIGNED.search(BY.sub("", without_times(clause[stranger.end():], self.transcript.date).strip())):
                if speaker and m.group(0) == "叫" and I_TELL.search(without_times(clause[:m.start()], self.transcript.date)):
                    return True, speaker  # 「我聽日叫阿明整」: the speaker tells somebody off the list, and answers for it
                return True, UNKNOWN  # 「叫 Jason 禮拜五前覆個客」: somebody not in the list, chosen on the page
        stranger = STRANGER.match(OPENER.sub("", clause))
        if stranger and timed and not self.people.find_name(stranger["who"]) and not self.people.leading(OPENER.sub("", clause)) \
                and not self._a_thing(stranger["who"], line) \
                and NAMED.search(BY.sub("", without_times(OPENER.sub("", clause)[stranger.end():], self.transcript.date).strip())):
            return True, UNKNOWN  # 「Kenny 聽日交份 stock report」: somebody not in the list, chosen on the page
        bare = without_times(OPENER.sub("", clause), self.transcript.date).strip()
        hit = self.people.leading(OPENER.sub("", clause)) \
            or (None if WITH_SOMEONE.match(bare) else self.people.leading(BY.sub("", bare))) \
            or self._with_team(OPENER.sub("", clause).strip())  # 「九月中之前阿May…」, 「Kenneth team 交…」
        after = BY.sub("", without_times(THEIR_TEAM.sub("", hit[1]), self.transcript.date).strip()) if hit else ""
        if hit and hit[0] != speaker and VERB.search(hit[1]) and not THEN_YOU.match(hit[1]) \
                and (NAMED.search(after) or timed and THING_THEN_VERB.fullmatch(after)):  # 「Ivy 個 deck 下個禮拜四交」
            # 「Ken 聽日會交」, 「Kenneth team 下星期五交」
            return True, self._with_partner(hit[0], clause)
        if not STATE.search(clause):  # 「海報 Ivy 搞，三月一號出」, 「部新電腦 Ken 幫我裝」
            for name, start, end in self.people.spans(clause):
                helps = HELPS_ME.match(clause[end:]) if not PAST_WHEN.search(clause[:start]) else None  # 「上次 Ken 幫我裝」: how it went
                after = BY.sub("", without_times(clause[end + (helps.end() if helps else 0):end + NEAR_VERB], self.transcript.date).lstrip())
                if name != speaker and (timed or helps) and not OBJECT_OF.search(clause[:start]) \
                        and not RECEIVES.search(clause[:start]) and not THEN_YOU.match(clause[end:]) \
                        and (ASSIGNED.search(after) or helps and ONE_CHARACTER_VERB.fullmatch(after)):  # 「文件 Ivy 幫我釘」
                    return True, name
                you = re.match(r"\s*你(?!哋)\s*", clause[end:])
                if name != speaker and you and THING_FIRST_SAID.fullmatch(OPENER.sub("", clause[:start]).strip()) \
                        and ASSIGNED.search(BY.sub("", without_times(clause[end + you.end():], self.transcript.date).strip())):
                    return True, name  # 「呢份嘢 Peter 你 export 出嚟」: the thing, then who is called, then the work
        department = DEPARTMENT.match(OPENER.sub("", clause))
        roles = [m["who"] for m in ROLE.finditer(clause) if not OBJECT_OF.search(clause[:m.start("who")])]  # 「…俾 sales team 試」
        for role in roles + ([department["who"]] if department else []):
            who = self.people.by_role(role)
            if who and who != self.speaker(line) and (timed or REQUEST.search(clause)):
                return True, who  # the speaker's own department (「客服那邊好多客問…」) is a topic, no request
            if who and who == self.speaker(line) and department and timed and not re.search(r"你|[A-Za-z]*you", clause) \
                    and not [n for n in self.people.mentioned(clause) if self.people.find_name(n) != who]:
                return True, who  # 「人事部下個禮拜一前要出新指引」 said by the head of HR: theirs
        group = group_in(clause)
        if group and (timed or GROUP_REMINDED.search(clause[group.end():]) or group.group(0) == "要有人" and VERB.search(clause[group.end():])) \
                and not (addressed and group.group(0) in ("搵人", "有人", "你哋")) \
                and not (group.group(0) == "搵人" and re.search(r"[我你](?!哋)[^，,。]{0,8}$", clause[:group.start()])):
            # 「阿傑，聽日搵人嚟整」 is 阿傑's, 「咁我搵人嚟整」 the speaker's, 「咁你今日之內搵人嚟整」 the one spoken to;
            # 「要有人搵師傅整」 asks for somebody, a day said or not
            return True, None
        you = YOU_REQUEST.search(clause) or YOU_REQUEST.search(without_times(clause, self.transcript.date)) \
            and re.search(r"你(?!哋)", clause)  # 「你下個禮拜三之前同財務部對數」: the verb is far from 你
        you = None if you and YOU_HAVE.search(without_times(clause, self.transcript.date)) else you
        yes = YES_FIRST.match(sentence)
        me = SELF_COMMIT.search(clause) or FOR_YOU.search(clause) \
            or (SELF.search(clause) if (timed or REPLY_LATER.search(sentence) and FINDS_OUT.search(clause)) and not self._state(clause)
                and not self._news_before_you(clause, sentence) else None) \
            or (YES_ME.match(clause) if yes and sentence[yes.end():].startswith(clause) else None)  # 「明白，我 send 個 email…」
        me = None if me and TELLS.search(clause[:me.start()]) else me  # 「講清楚我哋幾時搞掂」: what is told
        me = None if me and OURS.match(clause, me.start()) else me  # 「我同 Ivy 嘅出差申請你跟」: whose, not who
        zone = MY_CLOCK.match(clause, me.start()) if me else None  # 「…我呢邊朝早九點前 email 俾我」: the speaker's zone, to the speaker
        me = None if zone and re.search(r"[俾畀給]\s*我(?!哋)", clause) \
            and not re.search(r"(?<![俾畀給])\s我(?!哋)|(?<![俾畀給\s])我(?!哋)", clause[zone.end():]) else me
        me = None if me and re.search(r"[俾畀給][^，,。]{1,48}$", clause[:me.start()]) else me  # 「俾個報價我睇」: to me
        me = None if me and NEEDS_ANOTHER.match(clause[me.start():]) else me  # 「我要佢幫我開權限」: the work is another's
        decided = I_DECIDE.match(clause[me.start():]) if me else None  # 「我決定改喺十月六號搞」, 「我決定禮拜四照開」: a decision,
        me = None if decided and (MOVED_TO_DAY.search(clause) or not SELF_TOO.search(clause[me.start() + decided.end():])) else me  # not 「…我自己跟」
        me = None if me and BACK_FROM_LEAVE.match(re.sub(r"^\s*我(?:哋)?\s*", "", clause[me.start():])) else me  # 「份報告我放完假返嚟嗰日交俾我」: when, not who
        if you and not (me and (me.start() < you.start() or YOUR_THING.match(clause, you.start())
                                      and has_time_words(clause, self.transcript.date))) \
                and (timed or REQUEST.search(clause) or addressed or IMPERATIVE.search(clause) or THING_YOU_DO.search(clause)
                     or YOU_FIRST.match(OPENER.sub("", clause)) or self._topic_then_you(clause)):
            before_you = clause[:you.start()]
            named = [n for n, _, end in self.people.spans(before_you) if n != speaker
                     and not DONE_FIRST.search(before_you[end:])  # 「Toby upgrade 完你…」: Toby's work comes first, 你 is another
                     and not WHOSE.match(before_you[end:]) and not OURS.match(before_you[end:])]  # 「Tom 嗰份 contract 你…」: whose
            return True, self._with_partner(named[-1] if named else self.addressee(line, addressed) or UNKNOWN, clause)
        reminded = REMINDER.match(without_times(OPENER.sub("", clause), self.transcript.date).strip())
        if reminded and not me and VERB.match(re.sub(r"^(?:之前|以前|前|之內|以內|內)?\s*", "", without_times(
                OPENER.sub("", clause), self.transcript.date).strip()[reminded.end():])):
            if group_in(sentence[:max(sentence.find(clause), 0)]):
                return True, None  # 「大家新年快樂，記得鎖好門」: said to everyone
            told = self.addressee(line, addressed)  # 「記得順便 renew 埋個 SSL cert」: said to the one spoken to
            if told and told != speaker:
                return True, told
        bare = re.sub(r"^(?:之前|以前|前|之內|以內|內)?\s*(?:要|記得|麻煩|唔該)?\s*", "",
                      without_times(OPENER.sub("", clause), self.transcript.date).strip())
        given = _to_me(bare)  # 「三十號前俾個 draft 我睇先」, 「我想早少少聽日俾個 draft 我睇吓」: asked of the one spoken to
        if given and (not me or re.fullmatch(r"我(?!哋)\s*(?:想|要|希望)[^，,。我你]{0,6}", bare[:given.start()].strip())):
            told = self.addressee(line, addressed)
            if told and told != speaker:
                return True, told
        if me:
            return True, speaker or UNKNOWN
        we = WE_COMMIT.search(clause) or (WE_FIRST.match(OPENER.sub("", clause)) if limit_said(clause, self.transcript.date)
                                          or yes and has_time_words(clause, self.transcript.date) else None)  # 「好，咁我哋禮拜五…找數」
        if timed and we and not TELLS.search(clause[:we.start()]) and not CONDITION.match(sentence):  # 「報價我哋下個禮拜之前可以出」: the speaker's team
            return True, speaker or UNKNOWN
        if department and (timed or REQUEST.search(clause)):  # a department no attendee is in: to be chosen on the page
            return True, UNKNOWN
        taker = self._told_and_taken(clause, sentence, line)
        if taker:  # 「咁 book 埋個全面 service 啦，三個工作天內 book 好佢。」 「好，三個工作天內。」
            return True, taker
        return False, None

    def _told_and_taken(self, clause: str, sentence: str, line: Line) -> str | None:
        """Who the first clause with no subject (a verb first) of a sentence with a limit and no 我 or 你 was said
        to, when the one who spoke just before answers the turn with a yes; None otherwise."""
        def bare(said: str) -> str:
            return re.sub(r"^(?:之前|以前|前|之內|以內|內)?\s*(?:(?:一定要|要|記得)\s*(?=\S*\s*\S))?", "",  # 「年尾之前要 submit 晒」
                          without_times(OPENER.sub("", said), self.transcript.date).strip(" ，,。！!"))
        if QUESTION.search(sentence) or GLUED_TAG.search(sentence) or re.search(r"[我你]", sentence) \
                or not limit_said(sentence, self.transcript.date):
            return None  # asked, or said by or to somebody: read first, as the clauses are read for every clause
        first = next((c for c in clauses(sentence) if VERB.match(bare(c))), None)
        if first is None or bare(first) != bare(clause):
            return None
        after = self.transcript.lines[line.index + 1] if line.index + 1 < len(self.transcript.lines) else None
        previous = self.transcript.previous_speaker(line.index)
        if after is None or after.speaker != previous or after.speaker == line.speaker \
                or not ACCEPTS.match(after.text.strip()) or NOT_YES.search(after.text) \
                or OWN_PLAN.search(self.transcript.lines[line.index - 1].text):
            return None  # 「我想做…」 「…下個禮拜四之前出個 proposal」: the plan approved is theirs already
        verb = VERB.match(bare(first))
        if re.search(r"要|記得", first[:first.find(verb.group(0))]) and not re.search(re.escape(verb.group(0)), after.text, re.IGNORECASE):
            return None  # 「年尾之前要 submit 晒」 「好，年尾前 submit 晒啲單」: a need said to nobody, taken by saying the work
        return self.people.find_name(after.speaker)

    def _topic_then_you(self, clause: str) -> bool:
        """Whether a clause names a thing, then asks 你 to do something with it with somebody (「嗰份 JD 你同客再
        confirm 一次」; 「份報告你睇吓」 is a look now)."""
        at = clause.find("你")
        topic = OPENER.sub("", clause[:at]).strip() if at > 0 else ""
        return bool(topic) and bool(THING_NAMED.match(topic)) and not STATE.search(topic) \
            and not has_time_words(topic, self.transcript.date) and bool(YOU_WITH.match(clause[at:]))

    def _part_of_a_name(self, word: str) -> bool:
        """Whether word is a piece of an attendee's name or alias (「Wong」 of 「Dr. Wong」, cut at its full stop)."""
        return any(re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", said)
                   for person in self.transcript.people for said in (person.name, *person.aliases))

    def _a_thing(self, word: str, line: Line) -> bool:
        """Whether a capitalised word opening a clause is a day or a place ("Friday", "London"), or a
        thing (「Notice 你搞」) said in the turns just before, in lower case or after a classifier
        (「門口個 notice」): not a person."""
        if find_time_phrases(word, self.transcript.date) or zone_spans(f"{word} time"):
            return True  # 「Ivy，Friday 前交 logo」, 「London 嗰邊」: a day or a place
        said = " ".join(said.text for said in self.transcript.lines[max(0, line.index - 3):line.index + 1])
        return bool(re.search(rf"(?<![A-Za-z]){re.escape(word.lower())}(?![A-Za-z])", said)
                    or re.search(rf"[個份張啲條嘅的]\s*{re.escape(word)}(?![A-Za-z])", said))

    def _third_person(self, line: Line, sentence: str, at: int, speaker: str | None) -> str | None:
        """The attendee a 佢 at ``at`` in sentence points back to: the last one named before it in the
        turn, not the speaker and not the one spoken to (「Mandy 你…」)."""
        before = line.text[:max(line.text.find(sentence), 0)] + sentence[:at]
        named = [name for name, _, end in self.people.spans(before)
                 if name != speaker and not re.match(r"[，,\s]*你(?!哋)", before[end:])]
        return named[-1] if named else None

    def _after_someone_then_you(self, sentence: str) -> str:
        """sentence with a comma before the 你 that follows another attendee's step, said after the one called
        (「Grace，Fiona 改好個 drawing 之後你就跟返佢…」): when, then who is asked; not after a thing's (「份合約簽咗之後你
        send 俾客」) nor after a name that opens the sentence (「Ivy 整好份報價之後你就…」: Ivy is called)."""
        found = list(AFTER_THEN_YOU.finditer(sentence))
        starts = {start for _, start, _ in self.people.spans(sentence)} if found else set()
        for after in reversed(found):
            opens = max(sentence.rfind(mark, 0, after.start()) for mark in "，,。") + 1
            said = sentence[opens:after.start()]
            if opens and opens + len(said) - len(said.lstrip()) in starts:  # 「Grace，Fiona 改好…」: a name called before
                sentence = f"{sentence[:after.start()]}，{sentence[after.end():]}"
        return sentence

    def punctuate(self, sentence: str) -> str:
        """ASR text without commas, several requests run together: a break before each name or
        group that opens one (「May 你聽日交份報價 Ken 你後日 check 個 server 大家禮拜五前填 timesheet」,
        「葉老師 後日 改完 卷 Kelvin 今晚 出 補課 通告」)."""
        if not re.search(r"[，,]", sentence):  # 「咁唔得喎你今日之內搵 agency」: a sentence particle ends a clause
            sentence = PARTICLE_THEN_PERSON.sub("，", sentence)
            for _, start, end in reversed(self.people.spans(sentence)):  # 「唔好等喇 Maggie你今晚…」: …and so does a pause before a name called
                pause = re.search(r"(?<=[喎啦喇囉吖嘛吧呀啊嘞])\s+$", sentence[:start])
                if pause and re.match(r"\s*你(?!哋)", sentence[end:]):
                    sentence = f"{sentence[:pause.start()]}，{sentence[start:]}"
        sentence = self._after_someone_then_you(sentence)
        spaced = bool(re.search(r"[\u3400-\u9fff]\s+[\u3400-\u9fff]", sentence))  # words apart, as ASR writes them
        first = next(((start, end) for _, start, end in self.people.spans(sentence) if start == 0), None)
        you = re.search(r"\s你(?!哋)", sentence[first[1]:]) if first and re.match(r"\s+(?!你)", sentence[first[1]:]) \
            and not WHOSE.match(sentence[first[1]:]) else None  # 「Tom 嗰份 contract 你…」: whose, not who is called
        if you and "，" not in sentence and "," not in sentence and not self.people.mentioned(sentence[first[1]:first[1] + you.start()]):
            # 「Sunny 韓國團個導遊病咗 你今晚之前搵人頂」: the name called, what is the matter, then the request
            at = first[1] + you.start()
            matter = sentence[first[1]:at].strip()
            # 「Leo test case 你…寫好」: a thing with no verb is what the request is about, said first
            thing = len(matter) <= THING_FIRST and not re.search(r"[咗過緊]", matter) and not DEPARTMENT.match(matter) \
                and (not VERB.search(matter) or re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+)+", matter))  # 「test case」: Latin words, a name
            return f"{sentence[:first[1]]}，{matter}{' ' if thing else '，'}{sentence[at:].strip()}"
        if first and "，" not in sentence and "," not in sentence \
                and re.match(r"\s+(?:(?:份|個|張|啲|封|條|批|部|單)\s*[^\s你我佢]|[^\s你我佢，,]{1,8}嘅\s*[^\s你我佢])", sentence[first[1]:]) \
                and has_time_words(sentence[first[1]:], self.transcript.date) and VERB.search(sentence[first[1]:]):
            return f"{sentence[:first[1]]}，{sentence[first[1]:].strip()}"  # 「Ivy 份報價聽日之前 send 俾客」, 「Ivy 三月份嘅報表…」: Ivy is called, then the thing
        one_sentence = not re.search(r"。(?=\s*\S)", sentence)
        opens = [start for _, start, end in self.people.spans(sentence)
                 if (start == 0 or sentence[start - 1].isspace() and not RECIPIENT_BEFORE.search(sentence[max(0, start - RECIPIENT_REACH):start]))
                 and (re.match(r"\s*(?:你(?!哋)|[，,])", sentence[end:]) or spaced and re.match(r"\s", sentence[end:])
                      and self._opens_work(sentence[end:]))
                 # 「Ivy你聽日send份deck俾客阿強你後日整份quote」, 「…取消咗，…會員Ivy你通知埋佢哋」: no spaces, a name and 你 still open a request
                 or start > 0 and re.match(r"[\u3400-\u9fffA-Za-z]", sentence[start - 1]) and re.match(r"你(?!哋)", sentence[end:])
                 and not RECIPIENT_BEFORE.search(sentence[max(0, start - RECIPIENT_REACH):start]) and one_sentence
                 and not re.search(r"(?:本來|原本|原先|原定)\s*(?:係|由)?\s*$", sentence[:start])  # 「巡查文件原本係盧姑娘你準備」: whose it was
                 # 「Ivy聽日之前send份報價 Ken禮拜五之前check份合約」: no commas, each name then its day
                 or (start == 0 or sentence[start - 1].isspace()) and one_sentence and not re.search(r"[，,]", sentence)
                 and not RECIPIENT_BEFORE.search(sentence[max(0, start - RECIPIENT_REACH):start]) and self._time_first(sentence[end:])
                 # 「Ivy你聽日之前send份報價俾客Marco禮拜五之前check份合約」: glued on, after a request with its own day
                 or start > 0 and re.match(r"[\u3400-\u9fff]", sentence[start - 1]) and one_sentence and not re.search(r"[，,]", sentence)
                 and not RECIPIENT_BEFORE.search(sentence[max(0, start - RECIPIENT_REACH):start]) and self._time_first(sentence[end:])
                 and has_time_words(sentence[:start], self.transcript.date) and VERB.search(without_times(sentence[:start], self.transcript.date))]
        groups = [m.start() for m in re.finditer(r"(?<=\s)(?:大家|各位|全部同事|所有同事)", sentence)
                  if not RECEIVES.search(sentence[:m.start()])]
        units = [] if re.search(r"[，,]", sentence) else [  # 「麻煩IT聽日裝好部printer麻煩會計部禮拜五之前出埋張單」: each department asked
            m.start() for m in re.finditer(r"(?<![申邀])(?:麻煩|叫|請)\s*(?=\S)", sentence)
                       if m.start() and DEPARTMENT.match(sentence[m.end():]) and has_time_words(sentence[:m.start()], self.transcript.date)
                       and VERB.search(without_times(sentence[:m.start()], self.transcript.date))]
        cuts = [start for start in opens if start > 0] + groups + units + self._day_first_cuts(sentence, one_sentence)
        verb = VERB.search(sentence)  # the first verb, once: a long run-on turn is read in one pass
        glued = [start for start in cuts if start in opens and re.match(r"[\u3400-\u9fff]", sentence[start - 1])
                 and not spaced and verb and verb.end() <= start  # 「…同意端午後先換陳太你同…約…」: ASR, no commas
                 and not THING_BEFORE.search(sentence[max(0, start - RECIPIENT_REACH):start])]  # 「…所以份報價May你幫我交」: the thing, then who
        if (len(opens) + len(groups) < 2 or not cuts) and not glued and not set(cuts) - set(opens) - set(groups):
            return sentence  # one name inside a sentence is read as said (「…開 miss ho 你出…」)
        ends = {start: end for _, start, end in self.people.spans(sentence)}
        for at in sorted(set(cuts), reverse=True):
            rest = sentence[at:]
            if at in ends:  # 「…Marco就禮拜五之前check份合約」: Marco is asked, as 「Marco，禮拜五之前…」
                name, after = rest[:ends[at] - at], re.sub(r"^\s*就\s*(?=\S)", "", rest[ends[at] - at:])
                rest = name + (" " if re.match(r"[A-Za-z]", after) and name[-1:].isascii() else "") + after
            sentence = sentence[:at].rstrip() + "，" + rest
        # each request is now a clause of its own: the spaces inside it are no breaks, unless they fall only at pauses
        return re.sub(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])", "", sentence) if spaced and not pause_spaced(sentence) else sentence

    def _recipient_said_once(self, sentence: str) -> str:
        """The sentence without a 你 that only says again who something goes to (「send 俾 Anna 你睇」 → 「send
        俾 Anna 睇」): Anna receives it, nobody is asked."""
        for _, start, end in reversed(self.people.spans(sentence)):
            again = re.match(r"\s*你(?!哋)\s*", sentence[end:])
            if again and re.search(r"(?:俾|畀|給)\s*$", sentence[:start]):
                sentence = f"{sentence[:end]} {sentence[end + again.end():]}".replace("  ", " ")
        return sentence

    def without_called_back(self, sentence: str, line: Line) -> str:
        """A yes that calls the one who asked by name (「冇問題張生，今晚寄出」, 「好，張生，我今晚寄」), or
        the asker's name then what the speaker says of themselves (「黃太，唔好意思，聽日我有個 surgery」),
        without that name: it says who is answered, not who does the work."""
        yes = YES_FIRST.match(sentence)
        asker = self.transcript.previous_speaker(line.index)
        hit = self.people.leading(sentence[yes.end():]) if yes and asker else None
        if hit and hit[0] == self.people.find_name(asker) and hit[0] != self.speaker(line) \
                and not re.match(r"\s*(?:你|[A-Za-z]|同|都|會|負責|跟)", hit[1]) \
                and not (re.match(r"\s*[^\s，,]", hit[1]) and VERB.match(hit[1].strip())):  # 「OK，Sophie 統籌」: Sophie's
            return f"{sentence[:yes.end()].rstrip(' ，,')}，{hit[1].lstrip(' ，,')}"
        called = self.people.strip_leading(sentence) if not yes and asker else None
        unlabelled = self.people.find_name(asker or "") is None and "你" not in (called[1] if called else "")
        said = "，".join(c for c in clauses(called[1]) if not LOOK_FOR.match(OPENER.sub("", c).strip())) if called else ""  # not 「…，我要交上去批」
        if called and (called[0] == self.people.find_name(asker) or unlabelled) and called[0] != self.speaker(line) \
                and re.match(r"\s*[，,]", called[1]) and re.match(r"[^你]*?(?<![俾畀給幫同問話搵叫教])(?<![俾畀給幫同問話搵叫教]\s)我(?!哋)", said):
            # 「黃太，唔好意思，聽日我有個 surgery」: said to the asker, about the speaker (not 我 as whom it is
            # for: 「強哥，…交俾我，得唔得？」 asks 強哥)
            return called[1].lstrip(" ，,")
        return sentence

    def closed_apart(self, sentence: str) -> list[str]:
        """ASR text without punctuation: a point closed (「咁就咁決定」) and a request to a named person
        after it (「Fiona 你聽日…」) are two sentences."""
        for _, start, end in self.people.spans(sentence):
            if start and re.match(r"\s*你(?!哋)", sentence[end:]) and (CLOSED_BEFORE.search(sentence[:start])
                                                                  or self._day_settled(sentence[:start])):
                return [sentence[:start].rstrip(), sentence[start:]]
        return [sentence]

    def _day_settled(self, before: str) -> bool:
        """「咁就下個禮拜二啦，但係 Ivy 你…」: the day settled on closes a point of its own."""
        said = re.sub(r"[，,]\s*(?:但係|但|不過|另外|仲有|同埋)?\s*$", "", before)
        if said == before:
            return False
        said = "，".join(re.split(r"[，,]", said)[-2:])  # the point just closed, not the whole turn before it
        phrases = find_time_phrases(said, self.transcript.date)
        return len(phrases) == 1 and bool(DUE_MOVED.search(said[:phrases[0].start])) \
            and not BARE.sub("", said[phrases[0].end:]).strip("啦喇吖囉。 ")

    def _day_first_cuts(self, sentence: str, one_sentence: bool) -> list[int]:
        """Where another request opens in ASR text without commas that, after a request with its verb,
        says a day and then who (「禮拜五之前Marco check份合約聽日之前Ivy send份報價」: at 聽日) or joins the
        next person with 同埋/仲有 or asks them with 叫/交俾 (「…俾客同埋Marco禮拜五之前check份合約」: at 同埋)."""
        if not one_sentence or re.search(r"[，,]", sentence):
            return []
        spans = self.people.spans(sentence)
        phrases = sorted([*find_time_phrases(sentence, self.transcript.date), *find_clocks(sentence)], key=lambda p: p.start)  # 「三點之前」 too
        # 「…send份報價俾客聽日之前Marco就check份合約禮拜五之前」: each day said after its work, so a day before a name closes the request before it
        days_last = any(not re.sub(r"[\s。！!]|(?:或)?(?:之前|以前|前)|[啦喇吖囉呀]", "", sentence[p.end:]) for p in phrases)
        cuts = []
        for _, start, end in spans:
            if not start or not VERB.search(sentence[end:]):
                continue
            before = [start if days_last and not self._time_first(sentence[end:]) else p.start for p in phrases
                      if 0 < p.start and p.end <= start and re.fullmatch(r"\s*(?:或)?(?:之前|以前|前)?\s*", sentence[p.end:start])
                      and any(s < p.start for _, s, _ in spans)]
            joined = re.search(r"(?:同埋|仲有|另外|(?<![申邀])叫|請|麻煩|交(?:俾|畀|給))\s*$", sentence[:start])
            at = before[0] if before else joined.start() if joined and self._time_first(sentence[end:]) else None
            if at and at not in cuts and VERB.search(without_times(sentence[:at], self.transcript.date)) \
                    and not RECIPIENT_BEFORE.search(sentence[max(0, at - RECIPIENT_REACH):at]):
                cuts.append(at)
        return cuts

    def _time_first(self, after: str) -> bool:
        """Whether the words after a name open with a day or a time of day (after 就/會/要), and a verb follows it."""
        after = re.sub(r"^\s*(?:就|會|要)?\s*", "", after)
        times = [p for p in find_time_phrases(after, self.transcript.date) if p.start == 0] + [c for c in find_clocks(after) if c.start == 0]
        return bool(times) and bool(VERB.search(after[max(t.end for t in times):]))

    def _opens_work(self, after: str) -> bool:
        """Whether the words after a name start its work: a time or a verb (「Kelvin 今晚 出 補課 通告」)."""
        words = after.split()
        return bool(words) and (has_time_words(words[0], self.transcript.date) or bool(VERB.match(words[0])))

    def handed_on(self, sentence: str, line: Line) -> str | None:
        """Who a handover that names no task hands to (「嗰樣改由 Ken 跟啦」): then the task just
        given moves."""
        sentence = "，".join(c for c in clauses(sentence) if not WHY_THEM.match(c.strip())) or sentence
        moved = HANDED_TOPIC.match(OPENER.sub("", sentence).strip())
        named = self.people.find_name(moved["who"]) if moved else None
        if named and named != self.speaker(line):  # 「咁周生嗰批窗簾改由阿傑跟」: to them
            return named
        named = [c for c in clauses(sentence) if self.people.spans(c)]
        for name, start, end, clause in ((*span, c) for c in named for span in self.people.spans(c)):  # 「諗諗吓都係阿強接手啦，…」
            if (TAKES_IT_OVER.fullmatch(clause[end:]) or GIVEN_ON.fullmatch(clause[:start]) and re.fullmatch(r"\s*(?:啦|吖|喇)?[？?]?", clause[end:])) \
                    and name != self.speaker(line):
                return name  # 「都係交俾 Ivy 啦」, 「老細，我又要帶阿輝，不如交俾鄧師傅？」: to them
        first = named[0] if named else ""
        for name, start, end in self.people.spans(first):
            if line.index and name == self.speaker(self.transcript.lines[line.index - 1]) and not first[:start].strip() \
                    and NAMED_GO.fullmatch(first[end:]):
                return name  # 「我接咗佢啦，…」 「好，Ivy 跟。」: the one who just offered, confirmed
        said = [c for c in self.read(sentence, line) if (c.action or c.has_owner_cue)  # 「算啦，俾 Ken 做啦」
                and not NOT_ACTION.search(c.text)  # 「…，你專心搞 tender」: no work of its own
                and not (c.text and not c.has_owner_cue and OBSERVATION.search(c.text))  # 「我呢排好忙，嗰part交俾Tom跟啦」
                and not (handed_to_me_only(re.sub(r"^\s*(?:之前|以前|前|之內|以內|內)", "", without_times(c.text, self.transcript.date)), done_first=True)
                         and has_time_words(c.text, self.transcript.date))]  # 「咁改由 Joyce 跟，下個禮拜一前（整理好）交俾我」: when
        if len(said) == 1 and said[0].has_owner_cue and said[0].owner not in (None, UNKNOWN, self.speaker(line)) \
                and BARE_HANDOVER.fullmatch(re.sub(r"[\s，,。]", "", without_names(without_times(said[0].text, self.transcript.date), self.people))):
            return said[0].owner  # 「咁 Ivy 你跟，禮拜五前」 after 「logo 係我跟開㗎」
        if len(said) == 1 and said[0].has_owner_cue and not said[0].action and not said[0].text \
                and said[0].owner not in (None, UNKNOWN) and (HANDOVER.search(sentence) or GIVEN_TO.search(sentence)):
            return said[0].owner
        if len(said) == 1 and said[0].owner == UNKNOWN and TO_STRANGER.fullmatch(said[0].text.strip(" 。！!")):
            return UNKNOWN  # 「嗰part交俾阿強跟啦」, 阿強 not on the list: nobody we can send it to, flagged
        return None

    def takes_over(self, sentence: str, line: Line, just_given: bool, turned_down: bool = False) -> str | None:
        """The speaker, when a sentence opens with taking over the task just given and names no
        other (「我接手啦，Ivy 太忙」, 「份報價交俾我啦」, "I'll take it over"); a bare 「我嚟啦」 only
        when the task was given in the turn just before (``just_given``), not after another question;
        「我自己做啦」 only after its owner turned it down (``turned_down``), else it is the speaker's own work."""
        said = clauses(sentence) or [""]
        said = said[1:] if len(said) > 1 and any(YES.fullmatch(s) for s in (said[0].strip(), OPENER.sub("", said[0]).strip())) else said  # 「得，我接。」, 「咁好啦，…」
        first = said[0]
        if len(said) == 2 and re.search(AWAY, said[0]) and STANDS_IN.fullmatch(OPENER.sub("", said[1]).strip()):
            return self.speaker(line)  # 「阿強聽日請咗假喎，我去啦」: the one away is covered
        if delivered_to_me(first, self.transcript.date):  # 「份報告聽日交俾我啦」: a delivery, not a handover
            return None
        first = TAKEN_PART.sub("", OPENER.sub("", first).strip())
        given_up = LET_IT_GO.fullmatch(first) and len(said) > 1 and without_times(said[1], self.transcript.date).strip()
        return self.speaker(line) if TAKE_OVER.fullmatch(first) or just_given and BARE_TAKE_OVER.fullmatch(first) \
            or turned_down and SELF_TAKE_OVER.fullmatch(given_up or without_times(first, self.transcript.date).strip()) else None

    def turns_away(self, sentence: str, volunteer: str, just_offered: bool = False) -> bool:
        """Whether a sentence opens by turning down the volunteer's offer (「唔使喇 Tom」, 「Tom，唔好喇」), or,
        when the volunteer offered in the turn just before (``just_offered``) and another is named after, without
        the name (「唔好喇，你上次整到好核突，Ivy 整」)."""
        said = clauses(sentence) or [""]
        first = OPENER.sub("", said[0]).strip()
        if just_offered and re.fullmatch(NOT_NEEDED, first) and any(self.names_another(part, {volunteer}) for part in said[1:]):
            return True
        named = self.people.strip_leading(re.sub(NOT_NEEDED, "", first, count=1).strip(" ，,"))
        return bool(re.match(NOT_NEEDED, first) or re.search(NOT_NEEDED + r"$", first)) and named is not None \
            and named[0] == volunteer and not re.sub(NOT_NEEDED, "", named[1]).strip(" ，,")

    def names_another(self, text: str, owners: set[str]) -> bool:
        """Whether text names an attendee other than ``owners`` (to take the task instead)."""
        return any(self.people.find_name(name) not in owners for name in self.people.mentioned(text))

    def stands_in(self, sentence: str, line: Line, recent: list[RawItem]) -> tuple[str, list[RawItem], str] | None:
        """(who, the tasks, the work in the new words or "") when somebody is named for the tasks just given
        to one person who has declined them since (「Ivy 你聽日去見客。」 「我聽日唔得閒喎。」 「咁 Ken 你去啦。」): a
        sentence opening with one other attendee that says only a go-ahead or the same work again; the
        work in its words when they say more of it (「咁 Ken 你約 supplier 嚟換噴油房個 filter」)."""
        instead = after_refusal(sentence)  # 「禮拜一太遲，Mandy 你聽日去啦」
        declined = [i for i in recent if not i.group and (i.declined or i.owner == UNKNOWN and i.turn == line.index - 1 or any(
            self.speaker(between) == i.owner and (turns_down((sentences(between.text) or [""])[0], self.people, self.transcript.date)
                                                  or bool(instead) and (excused(between.text, self.people)
                                                                        or has_time_words(between.text, self.transcript.date)))
            for between in self.transcript.lines[i.turn + 1:line.index]))
            and not (i.turn + 2 < line.index and counter_taken(self, self.transcript, self.transcript.lines[i.turn], i.owner))]
        if not declined or len({i.owner for i in declined}) != 1:
            return None
        asked = self.transcript.lines[line.index - 1] if line.index else None
        asked_free = asked is not None and asked.speaker != line.speaker and any(
            (named := self.people.strip_leading(STAND_IN_OPENER.sub("", re.sub(r"^[…\.\s，,]+", "", OPENER.sub("", s))).strip()))
            and named[0] == self.speaker(line)
            and FREE_ASKED.match((clauses(named[1]) or [""])[0].strip()) for s in sentences(asked.text))
        if asked_free and YES_FIRST.match(sentence.strip()) and not turns_down(sentence, self.people, self.transcript.date):
            return self.speaker(line), declined, ""  # 「咁……阿強，你嗰日得唔得？」 「得，我嗰日朝早就送過去。」: theirs
        proposed = {proposes_another(between.text, self.people) for between in self.transcript.lines[declined[0].turn + 1:line.index]
                    if self.speaker(between) == declined[0].owner}
        if self.speaker(line) is not None and self.speaker(line) in proposed and (ACCEPTS.search(sentence) or ALSO_FINE.search(sentence)) \
                and not turns_down(sentence, self.people, self.transcript.date):
            return self.speaker(line), declined, ""  # 「不如 Keith 幫我落訂？」 「都得，…」: Keith's
        said = STAND_IN_OPENER.sub("", OPENER.sub("", instead or sentence).strip())  # after 「禮拜一太遲，」: who instead
        parts = clauses(said)
        claims = parts and re.fullmatch(r"我\s*(?P<verb>\S+?)\s*(?:啦|吖|喇)?", parts[-1])  # 「陳小姐，聽日 book…」 「我 book 啦」
        claims = claims and any(claims["verb"] in i.task for i in declined)
        offers = [p for p in parts if VOLUNTEER.fullmatch(p) or BARE_COMMIT.match(p)  # 「得，我嚟搞，星期一交俾醫生」
                  or WILL_TRY.fullmatch(p) and has_time_words(said, self.transcript.date)]
        if parts and (offers and not any(self.people.strip_leading(p) for p in parts) or claims) \
                and self.speaker(line) not in (None, declined[0].owner):  # 「係，我 team 嘅，我嚟跟啦」
            return self.speaker(line), declined, ""  # 「得，我跟。」
        named = self.people.strip_leading(said)
        role = ROLE_ADDRESSED.match(said) if not named else None
        if role and self.people.by_role(role["who"]):  # 「咁 IT 主任你跟啦」
            named = (self.people.by_role(role["who"]), said[role.end("who"):])
        if not named or named[0] == declined[0].owner:
            return None
        rest = without_times(named[1], self.transcript.date).strip(" ，,。！!")
        rest = re.sub(r"^(你)?\s*(?:或)?(?:之前|以前|前|之內|以內|內)\s*", r"\1", rest)  # 「你聽日十點前搞掂佢」: by then
        work = self._work(rest)
        same_work = any(work == self._work(i.task) or work and shared_grams(work, self._work(i.task)) for i in declined)
        first = (clauses(rest) or [""])[0]  # 「Heidi 你做，下個禮拜五之前啦」, 「Ivy 你寫，三個工作天內俾我」
        told = re.fullmatch(rf"(?:你\s*)?(?:先|至|才|再|就)?\s*(?:幫手|幫忙|幫我|代(?:佢|我)?)?\s*(?P<verb>{VERB_WORD}|[\u3400-\u9fff])"
                            r"(?:下|吓|埋|佢|\s*咗\s*佢)?\s*(?P<tail>啦|吖|喇)?", first, re.IGNORECASE)  # 「…，Ivy 整」, 「咁 Ken 你幫手出」
        go = BARE_GO.fullmatch(rest) or BARE_GO.fullmatch(first) or told and (
            VERB.fullmatch(told["verb"]) or told["tail"] and any(told["verb"] in i.task for i in declined))  # 「咁 Ivy 你幫手打啦」 after 「你打個電話俾佢」
        if go:
            return named[0], declined, ""
        if not same_work or self.people.mentioned(named[1]):
            return None
        says_more = len(declined) == 1 and len(work) > len(self._work(declined[0].task))  # 「咁 Ken 你約 supplier 嚟換噴油房個 filter」
        return named[0], declined, named[1].strip(" ，,") if says_more else ""

    def replaced(self, sentence: str, line: Line, recent: list[RawItem]) -> list[RawItem]:
        """The tasks just turned down that their asker now gives another attendee in other words with the
        same verb (「Oscar 你換埋個 filter」 「我唔識搞喎」 「咁 Alex 你約供應商嚟換」): the new request is the task."""
        named = self.people.strip_leading(STAND_IN_OPENER.sub("", OPENER.sub("", sentence).strip()))
        if not named:
            return []
        verbs = {v.lower() for v in VERB.findall(without_times(named[1], self.transcript.date))} - OWN_VERBS
        return [i for i in recent if i.declined and i.owner not in (None, named[0])
                and self.speaker(self.transcript.lines[i.turn]) == self.speaker(line)
                and verbs & {v.lower() for v in VERB.findall(i.task)}]

    def reoffers(self, sentence: str, line: Line, recent: list[RawItem]) -> list[RawItem]:
        """The tasks just turned down that the asker gives the same person again, with another time
        (「禮拜一我可能唔喺度喎」 「咁你聽日畀我都得」: due then) or naming the work (「咁初稿都係 Ken 你寫」)."""
        declined = [i for i in recent if i.declined and i.owner and i.owner != self.speaker(line)
                    and self.speaker(self.transcript.lines[i.turn]) == self.speaker(line)]  # only the asker gives it again
        named = [n for n, _, _ in self.people.spans(sentence)][:1]  # 「都係 Ivy 你寫，阿傑 support 你」: Ivy's
        to_them = [i for i in declined if (named == [i.owner] or not named and (re.search(r"(?<![俾畀給])(?<![俾畀給] )你(?!哋)", sentence)
                                                                                  or self._same_verb(sentence, i.task)))
                   and (has_time_words(sentence, self.transcript.date) and not self._other_work(sentence, i.task)
                        or shared_grams(self._work(sentence), self._work(i.task)))]
        return to_them if not turns_down(sentence, self.people, self.transcript.date) else []

    def _other_work(self, sentence: str, task: str) -> bool:
        """Whether a sentence gives work of another verb than the task's (「Terry 你返嚟之後 review 埋」
        after Terry turned down writing the specs): something else for them to do, not the task again."""
        return any(verb.lower() not in task.lower() and not BARE_GO.fullmatch(verb) and not DELIVERY.fullmatch(verb)
                   for verb in VERB.findall(without_times(sentence, self.transcript.date)))

    def _same_verb(self, sentence: str, task: str) -> bool:
        """Whether a sentence says a verb of the task again (「咁禮拜二先交」 after 「份 mockup 禮拜一交啦」)."""
        return any(verb.group(0) in task for verb in VERB.finditer(without_times(sentence, self.transcript.date)))

    def _with_team(self, clause: str) -> tuple[str, str] | None:
        """(attendee, the rest) when a clause opens with an attendee's team (「Kenneth team 下星期五交…」)."""
        named = self.people.strip_leading(clause)
        return named if named and THEIR_TEAM.match(named[1]) else None

    def _shared_between(self, clause: str) -> str | None:
        """「A 同 B」 when the clause splits the work between two attendees (「Ivy 同 Joyce 一人一半」)."""
        spans = self.people.spans(clause)
        for (first, _, end), (second, start, after) in zip(spans, spans[1:]):
            if first != second and re.fullmatch(r"\s*(?:同埋|同|and|&)\s*", clause[end:start]) and SPLIT_WORK.match(clause, after):
                return f"{first} 同 {second}"
        return None

    def _with_partner(self, who: str, clause: str) -> str:
        """「A 同 B」 when the clause has the owner do it together with another attendee (「Phoebe，你同
        Jenny 一齊整理…」, 「Ivy 你聽日同 Ken 一齊去見客」): both do it; else ``who``."""
        together = TOGETHER.search(without_times(clause, self.transcript.date))
        partner = self.people.strip_leading(together.string[together.end():]) if together else None
        if partner and who != UNKNOWN and partner[0] != who and re.match(r"\s*(?:一齊|兩個|一同)", partner[1]):
            return f"{who} 同 {partner[0]}"
        return who

    def _requests(self, clause: str) -> bool:
        """Whether a clause opening with 所以/但係/不過 goes on to ask somebody for work (「所以 Ken 你聽日…」);
        the speaker's own 「但係我而家…」 is an excuse more often than a promise."""
        rest = CONNECTIVE.sub("", clause)
        return rest != clause and bool(YOU_REQUEST.search(rest) or group_in(rest) or self.people.leading(rest)
                                       or STILL_DO.match(rest))  # 「報價唔使改喇，但係照 send 俾客」

    def _work(self, text: str) -> str:
        """What a task works on, without its verbs, people, times and small words (「Ivy 你聽日交份報價」 → 「」,
        「交份合約」 → 「合約」)."""
        for _, start, end in reversed(self.people.spans(text)):
            text = text[:start] + text[end:]
        text = GLUED_TAG.sub("", without_times(text, self.transcript.date))  # 「…得唔得？」
        return BARE.sub("", re.sub(r"[份個張啲條封本啦吖喇呀]", "", VERB.sub("", text)))

    def pair(self, clause: str) -> tuple[str, str] | None:
        """(「A 同 B」, the rest) when a clause opens with two attendees' names and goes on to work."""
        first = self.people.strip_leading(clause)
        joined = re.match(r"\s*(?:同埋|同|、|和|and|&)\s*", first[1], re.IGNORECASE) if first else None
        second = self.people.strip_leading(first[1][joined.end():]) if joined else None
        if not second or second[0] == first[0]:
            return None
        rest = second[1].strip(" ，,")
        return (f"{first[0]} 同 {second[0]}", rest) if VERB.search(without_times(rest, self.transcript.date)) else None

    def several(self, clause: str) -> list[str]:
        """The attendees a clause names when it is only their names (「Ivy 同 Ken」), two or more."""
        parts = [p for p in re.split(r"\s*(?:同埋|同|、|和|and|&)\s*", clause.strip(), flags=re.IGNORECASE) if p]
        hits = [self.people.strip_leading(p) for p in parts]
        names = [hit[0] if hit and not hit[1].strip(" ，,。") else None for hit in hits]  # a name, nothing after it
        return names if len(names) >= 2 and all(names) and len(set(names)) == len(names) else []

    def assigns(self, sentence: str, line: Line) -> bool:
        """Whether the sentence gives someone a task (then it is an action item, not a decision)."""
        return any(c.has_owner_cue and c.action for c in self.read(sentence, line))

    def read(self, sentence: str, line: Line) -> list[Clause]:
        sentence = self._recipient_said_once(sentence)
        out: list[Clause] = []
        addressed: str | None = None
        since = 0  # where the clauses said to ``addressed`` begin
        named_before = False  # the clause before was only a name: 「Ivy、Ken，…」 addresses both
        heard = False  # a clause before told what others said or want (「audit 嗰邊仲想我哋…」)
        because = False  # a clause before gave a reason: the clauses after it in the sentence go on with it

        def hand_to(who: str | None, start: int) -> None:
            """The first unowned work said to ``who`` is theirs (「Ivy，二樓嗰兩間房聽朝九點前執好」) when no clause names
            another owner than the speaker, and before any that names one (「Henry，…交返份報告畀我，我要交上頭」: the report
            is Henry's, the rest the speaker's)."""
            cued = {c.owner for c in out[start:] if c.has_owner_cue}
            for c in out[start:] if who and cued <= {self.speaker(line)} else ():
                if c.has_owner_cue:
                    break
                if c.action and not self._state(CONNECTIVE.sub("", c.text)) and not ASKED_OF_ME.search(c.text) \
                        and (not cued or TO_ME.search(c.text)):  # 「Yvonne，禮拜五前出咗篇 post」: done by then
                    c.owner, c.has_owner_cue = who, True  # (「黃太，…要加人，我想請八個臨時工」: a need, told the boss)
                    break

        def turn_to(who: str | None) -> str | None:
            """Another person addressed: the work said to the one before stays theirs (ASR text
            without commas: 「Ken 你 聽日 交份報價 Ivy 你 禮拜五前 整好份 slides」)."""
            nonlocal since
            if addressed and who != addressed and len(out) > since:
                hand_to(addressed, since)
                out.append(Clause("", None, False, False, turns_to=True))
                since = len(out)
            return who

        parts = self._who_and_when_joined(clauses(sentence))
        work_after = [False] * len(parts)  # whether a later clause of the sentence names work, before one said to a person
        for at in range(len(parts) - 2, -1, -1):  # (「…改由華姐跟，阿明你專心搞 pest control」: 阿明's)
            work_after[at] = not self.people.strip_leading(OPENER.sub("", parts[at + 1]).strip()) \
                and (work_after[at + 1] or bool(VERB.search(without_times(parts[at + 1], self.transcript.date))))
        for at, clause in enumerate(parts):
            said_after = work_after[at]
            if out and out[-1].action and ASKED_IN_TURN.search(out[-1].text) and QUESTION.search(clause) \
                    and not re.search(r"[你我]", clause) and not self.people.mentioned(clause):
                out[-1] = replace(out[-1], text=f"{out[-1].text}，{clause}")  # 「問清楚點解少咗，仲欠幾多，幾時補」: one asking
                continue
            several = self.several(OPENER.sub("", clause))
            if several:  # 「Ivy 同 Ken，你哋兩個…」 addresses both
                addressed, named_before = turn_to(" 同 ".join(several)), False
                continue
            pair = self.pair(OPENER.sub("", clause))
            if pair:  # 「Ivy 同 Ken 禮拜五前交報告」: both, for the work that follows
                addressed, clause = turn_to(pair[0]), pair[1]
            if self.people.names_several(OPENER.sub("", clause)):  # 「May，…」 with two Mays: nobody is guessed
                addressed, named_before = turn_to(UNKNOWN), False
                continue
            hit = self.people.leading(OPENER.sub("", clause))
            if hit and not hit[1] and at + 1 < len(parts) and re.match(r"我(?!哋)", parts[at + 1]) and not OURS.match(parts[at + 1]) \
                    and not any(_to_me(p) or re.match(r"\s*(?:咁|噉)?\s*你(?!哋)", p) for p in parts[at + 1:]):
                # 「Ken，我想早啲，…俾個 draft 我睇」, 「阿傑，我今朝收到份合約，你聽日處理」 still ask Ken, 阿傑
                continue  # 「揀好一半但係 張生 我覺得…」: called while the speaker says what they think
            if hit and hit[1] and hit[0] != self.speaker(line) and at == 0 and said_after and PRAISED.fullmatch(hit[1]):
                hit = (hit[0], "")  # 「阿強積極啲，聽日交份 report」, 「阿強好叻，…」: a word to him, then the request
            if hit and not hit[1] and hit[0] != self.speaker(line):  # a clause that is only a name
                addressed = f"{addressed} 同 {hit[0]}" if named_before and addressed else turn_to(hit[0])
                named_before = True
                continue
            stranger = CALLED_UNLISTED.fullmatch(OPENER.sub("", clause).strip())
            if stranger and at == 0 and at + 1 < len(parts) and VERB.search(without_times(parts[at + 1], self.transcript.date)) \
                    and not re.search(r"^\s*(?:咁|噉)?\s*佢|(?<![俾畀給同幫搵話問])我", OPENER.sub("", parts[at + 1])) and not hit \
                    and not self.people.find_name(stranger.group(0)) and not self._part_of_a_name(stranger.group(0)):
                addressed, named_before = turn_to(UNKNOWN), False  # 「阿傑，份報告禮拜五前交俾我」, 阿傑 on no list: flagged
                continue
            if hit and hit[0] != self.speaker(line) and TAKES_CHARGE.fullmatch(hit[1].strip(" ，,。啦吖")) \
                    and at + 1 < len(parts) and re.match(r"\s*(?:咁|噉)?\s*你(?!哋)", parts[at + 1]):
                addressed = turn_to(hit[0])  # 「May 負責，你聽日打去酒店訂場」: 你 is May
            named_before = False
            role = ROLE_ONLY.match(OPENER.sub("", clause))
            if role and self.people.by_role(role["who"]) not in (None, self.speaker(line)):  # 「製作部嗰邊，…」 addresses that role
                addressed = turn_to(self.people.by_role(role["who"]))
                continue
            bare = OPENER.sub("", clause)
            asked = self.people.leading(POLITE.sub("", bare)) if POLITE.match(bare) else hit  # 「唔該 Ivy 你…」
            if asked and asked[0] != self.speaker(line) and (re.match(r"^(?:你|,|，)", asked[1]) or TELL_PARTY.match(asked[1])):
                addressed = turn_to(asked[0])
            handover = HANDOVER.search(clause)
            if handover:
                taker = self.people.strip_leading(handover["rest"])
                me = re.match(rf"\s*我(?!哋)\s*(?:自己)?\s*(?:嚟)?\s*(?={HANDOVER_VERB})", handover["rest"]) \
                    if self.speaker(line) and re.match(r"改|轉|換", handover.group(0)) else None
                taker = taker or ((self.speaker(line), handover["rest"][me.end():]) if me else None)  # 「改由我自己搞」: the speaker
                you = re.match(rf"\s*你(?!哋)\s*(?:嚟)?\s*(?={HANDOVER_VERB})", handover["rest"]) if not taker else None
                called = self.addressee(line, addressed) if you else None
                taker = taker or ((called, handover["rest"][you.end():]) if called and called != self.speaker(line) else None)  # 「Priya，…改由你跟」
                if taker:  # 「改由華姐一齊跟」, 「改由 Ivy 你跟」: 跟
                    taker = (taker[0], re.sub(r"^\s*(?:你(?!哋)\s*)?(?:一齊|一併)?\s*(?=\S)", "", taker[1]))
                # 「份 guest list 我本來跟緊，不過我下個禮拜放假，交俾阿豪啦」: the plan a reason or two before
                k, planned, was = _plan_said(out)
                if taker and not re.sub(rf"^{HANDOVER_VERB}", "", taker[1].strip()).strip(" ，,。啦吖喇") and was \
                        and all(not c.action or OBSERVATION.search(c.text) or REASON_BETWEEN.match(c.text) for c in out[k + 1:]) \
                        and re.fullmatch(r"(?:而家|宜家|現在|今次|咁|就|我諗|我覺得|不如)*", clause[:handover.start()].strip(" ，,")):
                    # 「個 server 升級原本係 Ken 負責，而家交俾 Mandy」: the plan before names the work
                    addressed = turn_to(taker[0])
                    topic = re.sub(r"\s*(?:我|你)(?:哋)?$", "", was["topic"])  # 「份 guest list 我本來跟緊」: the list
                    done_by = [v for v in VERB.findall(planned[was.end("topic"):]) if not re.fullmatch(HANDOVER_VERB, v)]
                    work = f"{done_by[-1]}{' ' if re.match(r'[A-Za-z0-9]', topic) else ''}{topic}" if done_by else topic  # 「…原本係你準備」: prepared
                    out[k:] = [Clause(_handed_work(work, "跟", said_after, self.transcript.date), taker[0], True, True)]
                    continue  # the reasons between are no part of the work
                handed = re.sub(r"\s+", "", OPENER.sub("", clause[:handover.start()].strip(" ，,")).lower())
                whose = self.people.strip_leading(handed)  # 「咁 Ken 嗰part 交俾 Grace」: Ken's task
                if whose and whose[1].strip() in HANDED_THING:
                    handed = whose[1].strip()
                if taker and not taker[1].strip(" ，,。") and handed in HANDED_THING and not me:
                    addressed = turn_to(taker[0])  # 「呢樣交俾 Ken，禮拜二前同保安公司 confirm」: what follows is Ken's
                    if not said_after:  # 「好，咁交俾 Ricky。」: the task just given is handed on
                        out.append(Clause("", taker[0], True, False))
                    continue
                if taker and re.match(HANDOVER_VERB, BY.sub("", without_times(taker[1], self.transcript.date).strip())):
                    topic = TOPIC_MARK.sub("", OPENER.sub("", re.sub(r"\s*(?:就|都)$", "", clause[:handover.start()].strip(" ，,"))))  # 「咁報價嗰樣」: 報價
                    topic = "" if re.fullmatch(r"(?:咁|嗰|那|所以|好|不如|嗰樣|呢樣|嗰個|呢個|我諗|我覺得|我|你|我哋|而家|宜家|現在|今次)*(?:就)?",
                                                topic) or handed in HANDED_THING else topic
                    was = _was(out[-1].text) if out and not topic else None
                    if was:  # 「年報本來係 Ivy 跟，改由 Ken 跟」: the plan before names the work
                        topic, out[-1].action, out[-1].has_owner_cue = was["topic"], False, False
                    if me and not topic:  # 「…改由我自己搞」 naming no work: no other person's item moves to the speaker
                        out.append(Clause(clause, None, False, False))
                        continue
                    addressed = turn_to(taker[0])
                    out.append(Clause(_handed_work(topic, taker[1], said_after, self.transcript.date), taker[0], True, bool(topic)))
                    continue
            given = GIVEN_TO.search(clause)
            taker = self.people.strip_leading(given["rest"]) if given else None
            topic = clause[:given.start()].strip(" ，,") if given else ""
            if taker and GIVEN_WORK.fullmatch(BY.sub("", without_times(taker[1], self.transcript.date).strip())) \
                    and (not VERB.search(topic) or NOUN_PHRASE.match(topic)) and not re.search(r"我|你", topic):
                # 「呢單嘢俾 Ken 做啦」: the work said before is Ken's (「我 send 份報價俾 Ken 跟進」 is mine)
                addressed = turn_to(taker[0])
                handed = topic not in HANDED_THING
                out.append(Clause(_handed_work(topic, taker[1], said_after, self.transcript.date) if handed else topic, taker[0], True, handed))
                continue
            if CUE_ONLY.fullmatch(clause) or APPROVED.search(clause):  # 「…照俾，我批」: approving decides, no task
                out.append(Clause(clause, None, False, False))
                continue
            named, owner = self.clause_owner(clause, sentence, line, addressed)
            if not named and AFTER_DONE.match(clause):  # 「fix 出咗之後我做 regression test」: who, after what it waits for
                named, owner = self.clause_owner(AFTER_DONE.sub("", clause), sentence, line, addressed)
            if named and owner and self._shared_between(clause) == owner:  # what is shared, without who shares it
                clause = re.sub(r"\s*(?:就|由)$", "", clause[:self.people.spans(clause)[0][1]].strip()) \
                    + SPLIT_WORK.sub("", clause[self.people.spans(clause)[1][2]:], count=1)
            told = TOLD_TO.search(clause)
            if told and owner not in (None, UNKNOWN) \
                    and owner == self._third_person(line, sentence, max(sentence.find(clause), 0) + told.end(), self.speaker(line)):
                clause = clause[told.end():]  # 「叫佢聽日 upload」: Ken's task is the upload
            asked = TOLD_BY_NAME.search(clause)
            asked = asked and self.people.leading(clause[asked.end():])
            if asked and owner not in (None, UNKNOWN) and asked[0] == owner:
                clause = asked[1].strip()  # 「我會叫 Keith 聽日 send 份 spec」: Keith's task is the send
            told_unit = re.match(rf"(?:{TOLD_BY_NAME.pattern}|麻煩\s*)", clause)
            unit = told_unit and DEPARTMENT.match(clause[told_unit.end():])
            if unit and owner not in (None, UNKNOWN) and self.people.by_role(unit["who"]) == owner:
                clause = re.sub(r"^\s*(?:嗰邊|那邊|team)?\s*", "", clause[told_unit.end() + unit.end():])  # 「叫 IT 禮拜五前換 router」: IT's task is the change
            if named and owner is None and not group_in(clause):
                named = False
            past = NOT_ACTION.search(AFTER_DONE.sub("", CONNECTIVE.sub("", clause) if self._requests(clause) else clause))
            if past and past.group(0) == "咗" and ((YOU_REQUEST.search(clause) or group_in(clause))
                                                   and (has_time_words(clause, self.transcript.date)
                                                        or limit_said(sentence, self.transcript.date))
                                                   or limit_said(clause, self.transcript.date)):
                past = None  # 「最遲十五號一定砌好咗個模型」: done by a limit, still to do
            if past and past.group(0) == "咗" and DONE_FOR_ME.search(clause) and not re.search(r"已經|未[？?]?$", clause):
                past = None  # 「麻煩你 book 咗個大會議室」: asked to get it done
            if past and re.fullmatch(r"唔使|唔駛|唔洗|不用|唔\s*\S+?\s*住", past.group(0)) \
                    and TELLS.search(clause[:max(clause.find(past.group(0)), 0)]):
                past = None  # 「我通知佢唔使做喇」, 「話俾供應商知唔落單住」: what they are told is no work, the telling is
            if past and re.fullmatch(r"如果|假如|若果|萬一", past.group(0)) and FIND_OUT.match(CONNECTIVE.sub("", clause)):
                past = None  # 「問清楚如果落雨有冇後備場地」 (「…落雨嘅話…」): the case is part of what is found out
            if past and re.fullmatch(r"照舊|照常|如常", past.group(0)) and limit_said(clause, self.transcript.date):
                past = None  # 「份合約照舊禮拜五前交」: the day stands, still to do
            later = clauses(sentence[max(sentence.find(clause), 0) + len(clause):])
            ongoing = PROGRESSIVE.search(clause) and not has_time_words(NOW.sub("", clause), self.transcript.date) \
                and not any(has_time_words(c, self.transcript.date) and not VERB.search(without_times(c, self.transcript.date))
                            for c in later)  # 「…，禮拜五前應該得」: when it is done; 「…整緊，聽日 send 俾 Jason」: the sending is
            announced = ANNOUNCED.match(OPENER.sub("", clause).strip())
            heard_said = HEARSAY.match(OPENER.sub("", clause))
            hearsay = bool(heard_said and not (FIND_OUT.match(OPENER.sub("", clause)) and re.search(r"(?:嘅|的)話$", heard_said.group(0)))) \
                or bool(announced and not self.people.mentioned(announced["party"])) \
                or bool(COMPLAINED.match(OPENER.sub("", clause).strip())) \
                or bool((cut := CUT_OFF.match(OPENER.sub("", clause).strip())) and not VERB.search(cut["before"]))  # news, a complaint, a cut
            told = bool(out) and out[-1].action and TOLD_CONTENT.match(clause) and CONTACTS.search(out[-1].text)
            if out and out[-1].action and re.search(r"[俾畀給]\s*你(?!哋)", out[-1].text) and MAY_THEN.match(OPENER.sub("", clause)):
                told = True  # 「我 send 埋 sales figures 俾你，你可以夾埋落 presentation」: what they may do with it
            if out and CALL_IT_OFF.fullmatch(OPENER.sub("", clause).strip()) and re.search(r"唔使|唔駛|唔洗|不用", out[-1].text):
                told = True  # 「頭先叫阿豪整員工證嗰樣就唔使喇，cancel 咗佢」: the work before is called off, no more work
            if out and IF_ANY.match(out[-1].text) and TELL_ME.fullmatch(without_times(clause, self.transcript.date).strip()):
                out[-1] = replace(out[-1], action=False)
                told = True
            action = bool(VERB.search(clause)) and not past and not ongoing and not META.search(clause) \
                and not PROHIBITED.search(clause) and not hearsay and not (heard and not named) and not told \
                and not FROM_THEN.fullmatch(without_times(clause, self.transcript.date).strip()) \
                and not only_moved(OPENER.sub("", clause), self.transcript.date) \
                and not ((need := IF_NEEDED.search(clause)) and not VERB.search(need["who"])) \
                and not WAITING.match(OPENER.sub("", clause).strip()) \
                and not (WORKS_FINE.search(clause) and not has_time_words(clause, self.transcript.date)) \
                and not BURDEN.search(clause) \
                and not (THEY_WANT_IT.fullmatch(without_times(OPENER.sub("", clause), self.transcript.date).strip(" 。！!"))
                         and not self.people.mentioned(clause)) \
                and not (YOU_HAVE.search(without_times(clause, self.transcript.date)) and clause.endswith("喎")
                         and not REQUEST.search(clause)) \
                and not EXPIRES.search(clause) and not (ONLY_WHEN_BACK.search(clause) and "你" not in clause) \
                and not NO_PROBLEM.fullmatch(OPENER.sub("", clause).strip(" 。！!")) \
                and not (EVENT_STARTS.fullmatch(without_times(OPENER.sub("", clause), self.transcript.date).strip())
                         and has_time_words(clause, self.transcript.date)) \
                and not self._away_until(clause) \
                and not UNSURE.search(clause) \
                and not (DONE_BEFORE.search(clause) and re.search(r"[\u3400-\u9fffA-Za-z]\s*咗", clause)) \
                and not ENGAGED.match(without_times(OPENER.sub("", clause), self.transcript.date).strip()) \
                and not (HABIT.search(OPENER.sub("", clause).strip()) and not ASKED_NOW.search(clause)) \
                and not MADE_BY.match(OPENER.sub("", clause).strip()) \
                and not NEEDED_FOR.search(clause.strip(" 。！!")) \
                and not (any(AGREES.fullmatch(OPENER.sub("", p).strip(" 。！!")) for p in parts[:at]) and not re.search(r"[我你佢]", clause)
                         and not self.people.mentioned(clause))  # 「呢排個個 OT 到十一點」, 「個表係 Ivy 做嘅」; 「我同意，荃灣先暫停開診」: the plan agreed
            if ONCE_PLANNED.match(OPENER.sub("", clause).strip()):  # 「我本來想叫阿樂整…，都係算啦」: a plan given up, nobody's
                action, named, owner = False, False, None
            heard = heard or hearsay  # what follows says more of what they said
            if not action and not addressed and said_after and YOU_FIRST.match(OPENER.sub("", clause)):
                addressed = turn_to(self.addressee(line, None))  # 「你參考返份通告，寫個回覆」: the work after it is theirs
            if BECAUSE.match(OPENER.sub("", clause)):  # 「因為之後要 send 去印，印刷公司要成個禮拜」: the rest is the reason
                because = True
            elif because and not named and not YOU_REQUEST.search(clause):
                action = False
            elif out and MEETING_SET.search(out[-1].text) and MEETING_ABOUT.match(OPENER.sub("", clause).strip()) \
                    and not named and not YOU_REQUEST.search(clause):
                action = False  # 「金管局約咗我哋二十號開會，傾牌照嘅進度」: what the meeting is for
            if action and not named and WE_COULD.match(OPENER.sub("", clause).strip()) \
                    and not has_time_words(clause, self.transcript.date):
                action = False  # 「Eric，其實我哋可以用 AI generate test case」: an idea put to Eric, nobody's task yet
            if action and not named and self._to_you_only(clause) and not self._asked_before(line) \
                    and has_time_words(clause, self.transcript.date) and not re.match(r"(?:咁|噉)?\s*(?:佢|他|她)", OPENER.sub("", clause).strip()):
                # 「份年報…，聽日 send 俾你」: 你 gets it, the speaker sends (a reply to a request is that request)
                owner, named = self.speaker(line) or UNKNOWN, True
            out.append(Clause(clause, owner, named, action))
        for i, c in enumerate(out):  # 「聽日前要執好個貨倉，邊個得閒就搞」: the group takes the task before it
            if c.has_owner_cue and c.owner is None and WHO_FREE.search(c.text) and i > 0 \
                    and out[i - 1].action and not out[i - 1].has_owner_cue:
                out[i - 1].owner, out[i - 1].has_owner_cue = None, True
                c.action = False
        speaker = self.speaker(line)
        for k, c in enumerate(out):  # 「(你)聽朝十點前…send俾我，我十點半要同個客開會」: why by then, not work
            if k and c.action and c.owner == speaker and MY_APPOINTMENT.search(c.text) \
                    and any(o.owner != speaker and o.action for o in out[:k]):
                out[k] = _no_work(c)
        if addressed is None and APPROVAL.match(sentence) and not re.search(r"我(?!哋)", sentence):  # 「好主意，訂十張」: the one who proposed it
            addressed = self.addressee(line, None)
        elif addressed in self.people.keys:  # one attendee, by name
            self._called[line.index] = addressed
        hand_to(addressed, since)
        if not any(c.has_owner_cue for c in out) and has_time_words(sentence, self.transcript.date):
            subject = self._subject(out, line)  # 「咁我返到公司之後，今晚之前 send 晒啲相」
            if subject is not False:
                for c in out:
                    if c.action and not STATE.search(c.text) and not MOVED.match(c.text):  # 「…，改為月尾搞」: the event moves
                        c.owner, c.has_owner_cue = subject, True
                        break
        if not any(c.has_owner_cue for c in out) and len(out) > 1 and YES.match(out[0].text.strip()) and not out[0].action \
                and self._asked_before(line) and limit_said(sentence, self.transcript.date) and self.speaker(line) \
                and not re.search(r"你|大家|佢", sentence):
            for c in out[1:]:  # 「Ken，你跟實張單。」 「明白，季尾前追個客簽返張單。」: yes, and the work in the answerer's words
                if c.action and not STATE.search(c.text) and not MOVED.match(c.text):
                    c.owner, c.has_owner_cue = self.speaker(line), True
                    break
        if addressed is None and line.index in self._called and not any(c.has_owner_cue for c in out) \
                and limit_said(sentence, self.transcript.date) and not re.search(r"我|你哋|大家", sentence) \
                and not self.people.mentioned(sentence) \
                and not VERB.match(re.sub(r"^[\s，,]*(?:之前|以前|前|之內|以內|內)?[\s，,]*", "",
                                          without_times(OPENER.sub("", sentence), self.transcript.date))):
            # 「Cindy，…洗咗佢；contract 唔急，二月尾前傾好就得」: a thing of its own, still Cindy's (a verb first goes on
            # with the work just asked: 「…出通告。聽日之內貼晒三座大堂。」)
            hand_to(self._called[line.index], 0)
        if addressed is None and not any(c.has_owner_cue for c in out) and self.told_back(sentence, line):
            hand_to(self.people.find_name(self.transcript.lines[line.index - 1].speaker), 0)
        for k, c in enumerate(out[1:], start=1):  # 「下個禮拜四我要上深圳，改做下個禮拜五」: why the day moves, no work
            moved = MOVED.search(c.text)
            before = out[k - 1]
            # 「我禮拜五要陪師傅整凍房，報價我禮拜四晚 send 俾你（得唔得？）」: why another day is offered
            other_day = c.action and c.owner == speaker and has_time_words(c.text, self.transcript.date) \
                and MY_ERRAND.search(before.text) and find_deadline(c.text, self.transcript.date) != find_deadline(before.text, self.transcript.date)
            if (moved and has_time_words(c.text[moved.end():], self.transcript.date) or other_day) and not YOU_REQUEST.search(c.text) \
                    and before.action and before.owner == self.speaker(line) and SELF.search(before.text) \
                    and has_time_words(before.text, self.transcript.date):
                out[k - 1] = _no_work(before)
        for k, c in enumerate(out[1:], start=1):  # 「…交份客 list 俾我，睇下邊幾單有機會成交」: why it is handed in, no work
            if c.action and LOOK_FOR.match(OPENER.sub("", c.text).strip()) and (re.search(r"[俾畀給]\s*我(?!哋)\s*$", out[k - 1].text)
                                                                          or any(_to_me(b.text) for b in out[:k] if b.action)) \
                    or c.action and WANT_TO_SEE.fullmatch(OPENER.sub("", c.text).strip(" 。！!")) and out[k - 1].action \
                    and out[k - 1].owner != speaker:  # 「大家…update 晒落 CRM，我要睇埋數」: why the others do it
                out[k] = _no_work(c)
        offered = self._day_offered_next(sentence, line)
        for k, c in enumerate(out):  # 「禮拜五我要上高院，成日都喺度。下個禮拜一俾你得唔得？」: why not that day
            if offered and c.action and c.owner == speaker and MY_ERRAND.search(c.text) \
                    and find_deadline(c.text, self.transcript.date) not in (None, offered):
                out[k] = _no_work(c)
        return out

    def _who_and_when_joined(self, parts: list[str]) -> list[str]:
        """The clauses with one that says only who and by when joined to the next, as ASR text breaks them at a
        space (「咁你下個禮拜一前 同租車公司 book 兩架車」)."""
        joined: list[str] = []
        for part in parts:
            bare = without_times(joined[-1], self.transcript.date).strip() if joined else ""
            if joined and (WHO_AND_WHEN.fullmatch(bare) or not bare and re.match(r"(?:咁|噉|好|OK)?\s*(?:你|我)(?!哋)", joined[-1].strip())) \
                    and has_time_words(joined[-1], self.transcript.date):  # 「我 London 時間今日收工前，即係…」: in the speaker's zone
                joined[-1] = f"{joined[-1]} {part}"
            else:
                joined.append(part)
        return joined

    def told_back(self, sentence: str, line: Line) -> bool:
        """Whether a request with no subject (「禮拜五之前搞掂佢，得唔得？」) is said to the one who spoke just before,
        who answers it next: a limit and a verb first, nobody named, and that person's yes or other day after it."""
        lines = self.transcript.lines
        if not 0 < line.index < len(lines) - 1:
            return False
        before, after = lines[line.index - 1], lines[line.index + 1]
        bare = re.sub(r"^[\s，,]*(?:之前|以前|前|之內|以內|內)?[\s，,]*", "", without_times(OPENER.sub("", sentence), self.transcript.date))
        answer = OPENER.sub("", after.text).strip()
        return before.speaker != line.speaker and after.speaker == before.speaker and limit_said(sentence, self.transcript.date) is not None \
            and bool(VERB.match(bare)) and not re.search(r"[我你佢]|大家|各位", re.sub(r"[俾畀給]\s*我(?!哋)|佢(?!哋)", "", sentence)) \
            and not self.people.mentioned(sentence) and bool(self.people.find_name(before.speaker)) \
            and bool(YES_FIRST.match(after.text.strip()) or ACCEPTS.match(answer) or re.search(r"先(?:得|可以|搞得掂|做得切|交得到)", answer)
                     or has_time_words(answer, self.transcript.date) and re.search(r"(?:啦|吖|得唔得|好唔好)[？?。！!]?$", answer))  # 「禮拜五唔得，下個禮拜二啦。」

    def _away_until(self, clause: str) -> bool:
        """Whether a clause says the speaker is off until a day (「由禮拜五放到二十二號」), not 「將文件放到枱面」."""
        until = AWAY_UNTIL.search(clause)
        return bool(until) and not re.search(r"[你將把]", clause[:until.start()]) \
            and has_time_words(until["until"], self.transcript.date) \
            and not without_times(until["until"], self.transcript.date).strip(" 。！!")  # 「放到二十號貨架」: a place

    def _day_offered_next(self, sentence: str, line: Line) -> Deadline | None:
        """The deadline the turn's next sentence puts back as a question to the one who asked
        (「下個禮拜一俾你得唔得？」), when this turn answers somebody else's; else None."""
        said = sentences(line.text)
        if not self._asked_before(line) or sentence not in said or said.index(sentence) + 1 >= len(said):
            return None
        following = said[said.index(sentence) + 1]
        return find_deadline(following, self.transcript.date) \
            if OFFERS_ANOTHER_TIME.search(following) and not YOU_REQUEST.search(following) else None

    def _news_before_you(self, clause: str, sentence: str) -> bool:
        """Whether a clause of the speaker's news, with no time of its own, comes before a clause asking 你
        (「阿傑，我收到客嘅 email，你聽日覆佢」, 「我啱啱見完客，你…」): the reason, not the speaker's work."""
        said = clauses(sentence)
        later = said[said.index(clause) + 1:] if clause in said else []
        return bool(NEWS.search(clause)) and not has_time_words(clause, self.transcript.date) \
            and any(re.match(r"(?:咁|噉|所以)?\s*你(?!哋)", OPENER.sub("", c).strip()) for c in later)

    def _when_answered(self, line: Line) -> bool:
        """Whether somebody asks when it is done, asking nobody else by name, in the next turn (「幾時搞得掂？」), and
        this turn's speaker answers with a time in the turn after (「兩個工作天內 send 晒」)."""
        if line.index + 2 >= len(self.transcript.lines):
            return False
        asked, answer = self.transcript.lines[line.index + 1], self.transcript.lines[line.index + 2]
        named = {self.people.find_name(n) for n in self.people.mentioned(asked.text)}
        return asked.speaker != line.speaker and answer.speaker == line.speaker and asks_when_done(asked.text, line.text) \
            and not named - {self.speaker(line)} and has_time_words(answer.text, self.transcript.date)

    def _asked_before(self, line: Line) -> bool:
        """Whether somebody else's turn just before turns to this turn's speaker (by name or 你)."""
        before = self.transcript.lines[line.index - 1] if line.index else None
        if before is None or before.speaker == line.speaker:
            return False
        return bool(re.search(r"你(?!哋)", before.text)) or any(name == self.speaker(line) for name, _, _ in self.people.spans(before.text))

    def _to_you_only(self, clause: str) -> bool:
        """Whether the only person a clause names is 你 receiving what is handed over (「聽日 send 俾你」)."""
        return bool(TO_YOU.search(clause)) and len(re.findall(r"你(?!哋)|我", clause)) == 1 and not self.people.mentioned(clause) \
            and not group_in(clause)

    def _subject(self, clauses_: list[Clause], line: Line) -> str | None | bool:
        """The subject a sentence states in a clause without a verb of its own, carried to its task
        (Chinese drops it in the clauses that follow): the speaker, a group (None), or False."""
        for k, c in enumerate(clauses_):
            if c.action:
                return False
            greeted = any(GREETED.match(c.text, m.end()) for m in GROUP.finditer(c.text))
            if group_in(c.text) or greeted and k + 1 < len(clauses_) and REMINDED_FIRST.match(OPENER.sub("", clauses_[k + 1].text)):
                return None  # 「各位早晨，記得禮拜五前交 timesheet」: a greeting, then what everyone is to do
            if THINKING.fullmatch(OPENER.sub("", c.text).strip()) and not (k + 1 < len(clauses_) and clauses_[k + 1].action):
                return False  # 「我諗過，廿四號太近新年，家家戶戶要大掃除…」: a view, nobody's work (not 「我諗過，聽日交啦」)
            if I_DECIDE.match(OPENER.sub("", c.text).strip()):
                return False  # 「我決定，二十九號到七號，每日加開一場」: what is decided, nobody's work
            if SELF.search(c.text) or WE.search(c.text):
                work = next((d for d in clauses_ if d.action), None)
                if work and _to_me(work.text):  # 「我想早少少，三十號前俾個 draft 我睇」: the speaker gets it
                    return False
                if work and re.match(r"(?:咁|噉)?\s*(?:佢|他|她)(?![哋們])", OPENER.sub("", work.text).strip()):
                    return False  # 「我問咗業主，佢禮拜五會俾答覆」: the one asked will, not the speaker
                return self.speaker(line) or UNKNOWN
        return False


def _to_me(text: str) -> re.Match[str] | None:
    """「俾個 draft 我睇」 in text: something handed to the speaker."""
    given = GIVEN_ME.search(text)
    return given if given and given["who"] == "我" else None


def _no_work(clause: Clause) -> Clause:
    """A clause read as why or when (「我禮拜五要陪師傅」 said with another day offered): nobody's work."""
    return replace(clause, action=False, has_owner_cue=False, owner=None)


# 「黃太，Henry 叫我聽日幫佢 check 份合約」: what somebody asked of the speaker, told to the one called; not theirs
ASKED_OF_ME = re.compile(r"[^，,。你]{1,12}?(?:叫|請|要|吩咐)\s*我(?!哋)")
REASON_BETWEEN = re.compile(r"^(?:不過|但係|但|因為|由於)")  # 「…原本係你準備，不過你呢個禮拜要搞疫苗，改由我搞」: why, not work


def _was(text: str) -> re.Match[str] | None:
    """The plan before a handover, with the work as ``topic``: 「年報本來係 Ivy 跟」, 「原本阿Ken負責個 poster」."""
    return WAS.match(text) or WAS_WHO_FIRST.match(OPENER.sub("", text).strip())


def _plan_said(out: list[Clause]) -> tuple[int, str, re.Match[str] | None]:
    """(where the latest plan before a handover starts in ``out``, its text, the plan) or (0, "", None); a plan whose
    thing was said in the clause before it (「講開 vendor 個 demo」, 「原本係 Winnie 準備」) starts there."""
    for k in reversed(range(len(out))):
        joined = f"{out[k - 1].text}，{out[k].text}" if k else ""
        was = SPOKEN_OF_WAS.match(OPENER.sub("", joined).strip()) if joined else None
        if was:
            return k - 1, OPENER.sub("", joined).strip(), was
        was = _was(out[k].text)
        if was:
            return k, out[k].text, was
    return 0, "", None


# 「講開 vendor 個 demo，原本係 Winnie 準備」: what the talk turns to, then whose it was
SPOKEN_OF_WAS = re.compile(r"^(?:講開|至於|關於)\s*(?P<topic>[^，,。]{2,16}?)\s*[，,]\s*(?:本來|原本|原先|原定)")


WAS_WHO_FIRST = re.compile(r"^(?:本來|原本|原先|原定)\s*(?:係|由)?\s*[^，,。\s]{1,8}?\s*(?:負責|跟進|跟|做|搞)\s*(?P<topic>[^，,。]{2,16})$")
YOUR_THING = re.compile(r"你(?:嘅|的)?\s*(?:份|個|張|啲|部|封|條|嗰份|嗰個)")  # 「你份 budget 我禮拜一俾你意見」: whose, 我 does it
MY_APPOINTMENT = re.compile(r"^(?:咁|因為)?\s*我(?!哋)[^，,。你]{0,10}?要\s*(?:同|見|去)[^，,。]{0,10}?(?:開會|見客|見面|meeting|傾)(?:[^，,。]{0,6})?$",
                            re.IGNORECASE)  # the speaker's own meeting, said with what others must have ready for it
MY_ERRAND = re.compile(r"我(?!哋)[^，,。你]{0,8}?要")
THING_BEFORE = re.compile(r"(?:份|個|張|啲|條|部|批|單|封|嗰)[\u3400-\u9fffA-Za-z]{1,8}$")
# what a message says (「email 啲會員，話報名二十八號截止」): part of sending it, its date not the due day
CONTACTS = re.compile(r"(?<![A-Za-z])(?:email|send|whatsapp|message|call|ping|notice|memo)(?![A-Za-z])|通知|打(?:俾|畀|去|電話)|"
                      r"出(?:個|張)?\s*(?:通告|告示)|貼(?:張|個)?\s*(?:通告|告示)|同\S{1,8}講", re.IGNORECASE)
WHO_AND_WHEN = re.compile(r"(?:咁|噉|那|好|OK)?\s*(?:你|我)(?!哋)\s*(?:要|就|會|一定要)?\s*(?:之前|以前|前)?")  # 「咁你下個禮拜一前」
AWAY_UNTIL = re.compile(r"放(?:假)?\s*到\s*(?P<until>[^，,。]{1,12})$")
UNSURE = re.compile(r"未必|唔一定")  # 「聽日未必攞到新嘅」: may not happen, no work promised
# 「…放到二十二號，返嚟先可以再跟」: the earliest the speaker can, said as why not now; no work promised
ONLY_WHEN_BACK = re.compile(r"(?:返嚟|返到|返工|放完假|返咗嚟)\s*(?:之後|以後)?\s*(?:先|至|先至|才)\s*(?:可以|得|能夠)")
TOLD_CONTENT = re.compile(r"^(?:話|講明|話明|話俾\S{1,8}知|講俾\S{1,8}知|提佢哋|叫佢哋)")
# 「invoice 嗰part」 names invoice, 「佢份 checklist」 the checklist
TOPIC_MARK = re.compile(r"(?<=\S)\s*(?:嗰|呢)\s*(?:樣|part|部分|邊)$|^(?:佢|你|我)(?:哋)?\s*(?:份|個|張|啲|嘅|單)\s*(?=\S)", re.IGNORECASE)


def _handed_work(topic: str, rest: str, said_after: bool, today: date) -> str:
    """The work a handover gives (「份報價改由 Ken 禮拜五前跟」 → 「禮拜五前跟進份報價」): the topic with the
    handover's verb when the topic is only a thing and no work is said after it (「…改由 Ivy 跟，月尾前做完」),
    and the due time said with it, before or after the verb (「部冷氣交俾 Ivy 處理三個工作天內要修好」)."""
    verb = re.search(rf"(?:去|嚟)?(?P<verb>{HANDOVER_VERB})", rest)
    if not topic or not verb:
        return topic
    after = rest[verb.end():]
    spans = sorted([(p.start, p.end) for p in find_time_phrases(after, today)] + [(c.start, c.end) for c in find_clocks(after)])
    limits = [after[start:end] + (m[0] if (m := LIMIT_MARK.match(after, end)) else "") for start, end in spans]
    when = rest[:verb.start()].strip() + "".join(limits)
    if said_after:
        return f"{when}{topic}"
    gap = " " if re.match(r"[A-Za-z0-9]", topic) else ""
    work = topic if VERB.match(topic) else FOLLOW_UP.get(verb["verb"], verb["verb"]) + gap + topic  # 「出報告」 is work, 「年報」 a thing
    return f"{when}{work}"


LIMIT_MARK = re.compile(r"\s*(?:之前|以前|前|之內|以內|內)")
DUE_MOVED = re.compile(r"(?:改為|改到|改去|改喺|改做|改成|延到|延遲到|延期到|延至|押後到|推遲到|推到|提前到|提早到|拖到)\s*$"
                       r"|^(?:咁|就|不如|那|噉)*\s*(?:改|提早|提前|押後)(?:咗|做|成)?\s*$"  # 「咁改禮拜三」
                       r"|^(?:(?:好|OK|ok|得|可以|冇問題)(?:啦|喇)?[，,\s]*)?(?:咁|噉)\s*就?\s*$"  # 「好，咁就下個禮拜二」: the day settled on
                       r"|^(?:其實)?\s*(?:唔使(?:咁)?(?:趕|急)|唔急|冇咁急|唔駛(?:咁)?(?:趕|急)|慢慢嚟)(?:喎|啦)?[，,\s]*(?:其實)?\s*$")  # 「唔使咁趕，聽日中午前得喇」


def without_names(text: str, people: OwnerResolver) -> str:
    """text without the attendees' names said in it."""
    for _, start, end in reversed(people.spans(text)):
        text = text[:start] + text[end:]
    return text
# 「佢哋話今晚會 send」, 「IT 話清明之後先有人上嚟換」, 「Singapore 嗰邊話 stowage plan 要改」: what others said
NO_PROBLEM = re.compile(r"(?:都|應該|完全)?\s*(?:冇|無|沒有)\s*問題\s*(?:喇|啦|嘅|㗎|呀)?")  # 「我睇過，冇問題」: a verdict, 問 no verb
# 「(剪接師我已經約好，)七月三十號開工」: when somebody starts, news (not 「我聽日開始」, 「你哋聽日開工」)
EVENT_STARTS = re.compile(r"(?:就|會|先)?\s*(?:開工|開始|開拍|開幕|開課|入職|上班|返工|出發|抵達)\s*(?:喇|啦|㗎|嘅)?")
HEARSAY = re.compile(r"(?!(?:順便|順手|記得|再|要|去)?\s*同(?!事))(?:佢哋|佢|[^，,。\s我你]{1,12}?)(?:" + SAID + r"(?!俾|畀|給|返俾|\S{0,6}知)"
                     r"|\s*(?:嗰邊|那邊)?\s*(?:仲|都|亦)?\s*(?:想|要求|希望)\s*(?=我哋|我們)"  # 「audit 嗰邊仲想我哋搞…」: their wish, told
                     r"|\s*(?:嗰邊|那邊)?\s*(?:琴日|尋日|頭先|啱啱|今朝)?\s*問(?:我哋|我)?\s*(?=可唔可以|可否|使唔使|要唔要|得唔得|會唔會|點解|幾時))",  # 「承建商問可唔可以…」: their question
                     re.IGNORECASE)
# 「有業主寫信投訴升降機嘈」, 「有個病人 email 嚟投訴」: what somebody outside did, news; what follows says more of it
THING_FIRST_SAID = re.compile(r"(?:呢|嗰|那)\s*(?:個|份|張|封|本|批|單|樣|啲|件)\s*(?:嘢|[^，,。你我佢\s]{1,8})?")  # 「呢份嘢」, 「嗰份報告」
NEEDED_FOR = re.compile(r"(?:要|(?<![開例週周年機議])會|需要)\s*用(?:到)?\s*(?:嘅|㗎|喎|架)?$")  # 「…upload 上 shared drive，Elaine 寫報告要用」: what it is for
AGREES = re.compile(r"(?:我|我哋)?\s*(?:都|亦)?\s*(?:唔)?(?:同意|贊成|支持|反對)|(?:我|我哋)?\s*(?:都)?\s*冇意見")  # 「我(唔)同意，…」: the plan (dis)agreed to
COMPLAINED = re.compile(r"^有\s*(?:個|位|啲|班|間|幾個|[一兩三四五六七八九十]+個)?\s*[^，,。你我\s]{1,6}?\s*"
                        r"(?:(?:寫|send|發)\s*(?:信|email|message)|打(?:電話)?|email)?\s*(?:嚟|過嚟)?\s*(?:投訴|反映|查詢)")
# what another party announced (「IT 通知，禮拜六 GPS 系統升級」, 「水務署通知十月八號停水」): news, no work of ours
ANNOUNCED = re.compile(r"^(?:補充一樣[，,]?\s*|我補充一樣[，,]?\s*)?(?P<party>[^，,。\s我你]{1,12}?)\s*(?:嗰邊|那邊)?\s*(?:啱啱|頭先|琴日|尋日|今朝)?\s*"
                       r"(?:通知|公布|宣布|出(?:咗)?通告)(?:咗)?\s*(?:我哋|話)?\s*(?=[，,：:]|$|[^，,。]*?(?:停水|停電|維修|升級|暫停|關閉|封路|截水|檢查))")
WE_COULD = re.compile(r"^(?:其實|或者|我覺得)?\s*(?:我哋|我們)\s*(?:都|其實)?\s*(?:可以|可唔可以|不如|或者)")
ONCE_PLANNED = re.compile(r"(?:我|我哋)?\s*(?:本來|原本|原先)\s*(?:都)?\s*(?:想|打算|諗住)")
AFTER_DONE = re.compile(r"^[^，,。]{1,24}?(?:咗|完|好)\s*(?:之後|以後)\s*(?=[^，,。\s])")  # 「fix 出咗之後我做 regression test」: when, then the work
NEEDS_ANOTHER = re.compile(r"我\s*(?:要|需要|想|等)\s*(?:佢|[^，,。\s我你]{1,8}?)\s*(?:幫|同)\s*我(?!哋)")
TOLD_TO = re.compile(r"^.*?叫\s*佢(?!哋)\s*")
TOLD_BY_NAME = re.compile(r"^(?:我|我哋)?\s*(?:會|等陣|而家|即刻)?\s*(?:叫|請)\s*")
