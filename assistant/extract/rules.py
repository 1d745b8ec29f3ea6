"""Candidate action items and decisions found by cue phrases, over every turn, without a model.

Each sentence is read clause by clause (see text.clauses). A clause that is only a name, or
that opens with one (「Tony，…」), addresses that person for the rest of the sentence. A clause
is an action when it holds a task verb and is not a question, a report of work done, a
suggestion, a deferral or a cancellation. Its owner is, by the first cue that applies:
- an assignment: 「交俾阿明」, 「改由 Ken 跟」, 「Mary 負責」, 「海報 Ivy 搞」;
- a request: 「你…」 or an imperative with a due time, to the person addressed (else the
  previous speaker); a trailing 「得唔得？」 (with or without a comma) keeps it a request, which
  the answer in the next turn can refuse (「唔得」) or give another date (「禮拜五先得」);
- a commitment: 「我會/我嚟/我聽日…」 is the speaker's;
- a group: 「大家…」, 「各部門…」, 「邊個得閒就搞」 is nobody's (owner None);
- a role: 「IT 嗰邊要…」 is the attendee whose role or alias says so; a department nobody present
  is in (「HR 聽日出 offer letter」) is somebody to choose on the page (owner unknown);
- a commitment reported for somebody (「Ken 話佢聽日會…」) is theirs.
When the person asked declines (「我聽日唔得閒喎」) and somebody else is named for it (「咁 Ken 你去啦」),
or says it is somebody else's (「唔係我呀，係 Ken 負責」), the task moves; corrections of who and when
said in passing are read by corrections.py. What others said (「佢哋話今晚會 send」) is no task.
Consecutive action clauses of one owner are one item; a clause opened by 同埋/仲有/另外 with a
verb of its own starts another (compound turns give several items). A bare 「我嚟搞」 takes its
task from the request it answers; a yes/no question asking someone to do something (「Marco，聽日換得好個
projector 嘛？」) is their task once they say yes in the next turn. Plans described as past (本來/原本) assign nothing.
An answer to a "when" question (「嗰啲 invoice 幾時入得晒？」 「我聽日中午前入晒」) takes the thing
asked about into its task, and a time of day said in the next turn by somebody else for the
same day and task (「好，聽日中午十二點之前要通知晒」) completes the item's due time. The answer to a
request (a yes with a time, a no, another time offered, work already done) is read by answers.py.

Each sentence is also read for decisions (decisions.py); a vote or a standing rule gives no task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from assistant.extract.answers import (
    ALREADY, ALSO_FINE, BARE, BY, COUNTER_OFFER, OFFERS_ANOTHER_TIME, THEIR_TEAM, accepted_with_time, asked_before, cannot,
    counter_accepted, done_already, insisted, insisted_time, proposes_another, the_answer, timed_after, turns_down,
    with_when_answer,
)
from assistant.extract.clock import PART_OF_DAY_WORDS, find_clocks, zone_spans
from assistant.extract.conditions import condition_apart
from assistant.extract.corrections import (
    TAKEN_BACK, before_event, corrected_items, correction_of_who, corrections_apart, only_time, time_corrected, time_referred,
    time_said_again,
)
from assistant.extract.cues import (
    ACCEPTS, CONDITION, GENERIC_WORK, GLUED_TAG, HANDOVER, HANDOVER_VERB, IMPERATIVE, NOT_ACTION, NOT_SUBJECT, NOT_YES, OPENER,
    QUESTION, REFUSAL, REMIND, SELF, SOMEONE, TELLS, WE, YES, YOU_REQUEST, asks, delivered_to_me,
)
from assistant.extract.dates import DELAY, find_time_phrases, shifted
from assistant.extract.decisions import APPROVED, CUE_ONLY, RECURRING, decided_in
from assistant.extract.deadlines import dates_a_thing, find_deadline, has_time_words, limit_said, without_times
from assistant.extract.owners import DEPARTMENTS, OwnerResolver, resolver_for
from assistant.extract.schema import RawDecision, RawExtraction, RawItem
from assistant.extract.tasks import (
    AWAY, BECAUSE, CONNECTIVE, DELIVERY_VERBS, FOLLOW_UP, TO_ME, DONE, NEAR_VERB, NOUN_PHRASE, OBSERVATION, ONLY_RECIPIENT, PRONOUN_OBJECT, VERB, VERB_WORD, WAS,
    leans_on_context,
)
from assistant.extract.text import clauses, sentences, shared_grams
from assistant.extract.transcript import Line, Transcript

FOR_YOU = re.compile(rf"{NOT_SUBJECT}我(?!哋)\s*(?:都|可以|會|嚟|先)?\s*(?:幫|代)\s*你(?!哋)")  # 「Peter，我幫你 send」: the speaker's
COMMIT_MARK = r"會|嚟|去|負責|可以|自己|而家|即刻|馬上|盡快|今日|今晚|聽日|聽朝|打算|consider"
SELF_COMMIT = re.compile(rf"{NOT_SUBJECT}我(?!哋)[^，,。]{{0,6}}?(?:{COMMIT_MARK})[^，,。]{{0,8}}?{VERB_WORD}"
                         rf"|^(?:好|OK|ok|得)?[，,\s]*(?:咁|噉)\s*(?:就)?\s*我(?!哋)\s*{VERB_WORD}"  # 「咁我通知家屬」: then I will
                         rf"|^我(?!哋)\s*(?:先\s*(?!講|介紹|報告|update|share){VERB_WORD}|(?!講|介紹|報告){VERB_WORD}[^，,。]{{0,16}}先$)"  # 「我問清楚資產登記嗰邊先」: I'll first
                         rf"|{NOT_SUBJECT}我(?!哋)\s*{VERB_WORD}[^，,。]{{0,4}}?埋"
                         rf"|(?:一|等)[^，,。]{{0,10}}?(?:到|好|完|返)(?:咗)?[，,\s]*我(?!哋)\s*(?:就|即刻|馬上|會)[^，,。]{{0,4}}?{VERB_WORD}"  # 「名單一到我就編排座位」
                         rf"|(?<![A-Za-z])(?:I'll|I will|I can|let me|I'm going to|(?:my|our) team(?:'ll| will| can)|we'll|we will)(?![A-Za-z])(?! need| have to)",
                         re.IGNORECASE)
WE_COMMIT = re.compile(rf"{NOT_SUBJECT}我哋[^，,。]{{0,10}}?(?:可以|會|去|盡量|一定)[^，,。]{{0,6}}?{VERB_WORD}")
WE_FIRST = re.compile(rf"^(?:我哋|我們)\s*(?:呢邊|這邊)?\s*(?=[^，,。]*?{VERB_WORD})", re.IGNORECASE)  # 「我哋聽朝九點前 send…」: by a limit
# A request asked as a question: "Priya, could you send … by Friday?", 「你可唔可以聽日交？」
# 「…可唔可以 share 俾我…？」: a question that asks to be given something
ASKED_FOR = re.compile(rf"(?:可唔可以|可否|可不可以)[^，,。？?]{{0,12}}?(?:{DELIVERY_VERBS}|share)\s*(?:返|埋)?\s*(?:俾|畀|給)\s*我(?!哋)"
                       r"[^？?]*[？?]\s*$", re.IGNORECASE)
POLITE_REQUEST = re.compile(r"(?<![A-Za-z])(?:could|can|would|will) you(?![A-Za-z])|please|你[^，,。？?]{0,8}?可唔可以|你可以.{0,12}嗎|你[^，,。？?]{0,8}?得唔得",
                            re.IGNORECASE)
# 「Notice 你搞」, 「呢樣你跟」: the thing, then who does it
THING_YOU_DO = re.compile(r"[^\s，,你]\s*你(?!哋)\s*(?:嚟|去)?(?:搞|跟進|跟|做|負責|處理|handle|follow)(?:埋|住|吓)?\s*$", re.IGNORECASE)
# 「咁你寫封 email 俾 insurer。」: a clause that opens with 你 and its verb tells the listener to do it
# (not 「你寫得好清楚」, which says how it was done)
YOU_FIRST = re.compile(rf"^你(?!哋)\s*(?:{VERB_WORD}|參考|按照|根據)(?!\s*得)", re.IGNORECASE)
REMINDER = re.compile(rf"^(?:順便\s*)?(?:{REMIND}|remember to)\s*(?:要|順便|埋)*\s*", re.IGNORECASE)  # a reminder with its verb
REQUEST = re.compile(r"要|記得|幫手|負責|一定|務必|need to|must|please", re.IGNORECASE)
STATE = re.compile(r"(?<!即)係|(?<!過)咗|過咗(?![^，,。]{1,10}?(?:之後|以後|後))|(?<![嚟來])緊(?!要|張|急)|開(?=緊|住|咗|晒|着)|一向|一直|通常|平時|已經|仲未|未有|(?<!有)冇|唔會")
EVENT_TURNS = 60  # how far back 「壽宴前三日」 looks for the day the event was given
FROM_THEN = re.compile(r"(?:由|從|自)?\s*(?:開始|起)(?:計)?")
PROHIBITED = re.compile(r"^(?:你|你哋|大家)?\s*(?:先|暫時|千祈)?\s*唔好(?!意思|忘記|唔記得|漏|遲)"  # 「你先唔好同啲買家講住」: what not to do
                        r"|(?:唔想|唔准|唔可以|不准|禁止)(?:再)?(?:有人|任何人|大家|同事)"  # 「我唔想再有人喺廚房用手機」: a rule
                        r"|^[^你，,。]{0,8}?(?:條例|法例|規定|規例|合約|政策|指引|守則|規矩)[^，,。]{0,6}(?:寫明|列明|規定|話明|訂明)"
                        r"(?!嘅)")  # a rule quoted, not 「跟返合約寫明嘅條款」
META = re.compile(r"^(?:你|我)?(?:先)?(?:想)?講(?:下|先|吓)?$|(?<![你佢])\s*(?:今日|今次)\s*(?:主要)?\s*(?:傾|討論)(?!掂|好|完|妥|埋)|講錯|講先|(?<![同俾畀話])你\s*(?:先|嚟|黎)?\s*講|介紹|散會|到此為止|講(?:少少|幾樣|兩樣|三樣)|報告先|開心|出去(?:搵食|食飯)|辛苦|加油|坐低|開始啦|^[^同跟約搵和]*傾下|睇下\s*status|提一提|想提吓|"
                  r"聽下大家|update 下大家|^(?:今日|而家|宜家|趁而家)?\s*(?:快快手|快啲|一齊)?\s*(?:傾|講|討論)(?:埋|晒|完)\s*佢(?:哋)?\s*(?:啦|喇|吖|先)?$|"  # 「快快手傾埋佢」: this meeting's talk
                  # a topic opened or a remark flagged: 「講開 server，…」, 「順帶提下，…」
                  r"^(?:順帶|順便|另外|仲有)?\s*提(?:吓|下|一下)$|^(?:講開|講起|說起|speaking of)|"
                  # the meeting's own business, no thing named: 「快快傾埋啲嘢」, 「有幾樣嘢要搞掂」, 「大家坐埋嚟」
                  r"(?:傾|講|搞|搞掂|處理|討論|跟)(?:埋|下|吓|一下)?\s*(?:啲|幾樣|兩樣|三樣|一啲|呢啲|好多)\s*(?:嘢|事)(?![\u3400-\u9fffA-Za-z])|"
                  r"有(?:幾|兩|三|四|好多)(?:樣|件)(?:嘢|事)|坐(?:埋|低)(?:嚟|啦)|"
                  # said now, in the meeting: 「我哋講一下上個月嘅數字」, 「你報告吓進度」 (not 「講一下俾客人聽」)
                  r"(?:^|你|我|大家|先)\s*(?:想)?\s*(?:講|報告|分享|update)\s*(?:一)?[下吓](?!.*(?:俾|畀|給|同)\S{0,8}(?:聽|知))|"
                  r"^(?:聽日|後日|下(?:個)?(?:禮拜|星期|週)\S?|\S{1,4}[號号]|遲啲|假期後|節後|新年後|年後)\s*再?見(?:啦|喇|囉)?$|"  # 「廿八號見」: goodbye
                  r"快樂|好好休息|保重|恭喜發財|身體健康|merry christmas|happy (?:new year|holidays?)", re.IGNORECASE)
GROUP = re.compile(r"大家|你哋(?!兩|三|四|幾)|全部同事|所有同事|全部人|所有人|個個|各部門|各個部門|各位|全組|全體|全公司|每個人|每位同事|everyone|all of you|let's all|let us all|all of us|"
                   + SOMEONE,
                   re.IGNORECASE)
ASSIGN = re.compile(r"交返俾|交返畀|交俾|交畀|交給|轉交|改由|由|請|麻煩|叫|assign to|hand to|handed to", re.IGNORECASE)
GIVEN_FOR = re.compile(r"交(?:返)?(?:俾|畀|給)")  # handing work on, or handing a thing in
# what the one handed a thing does with it (「交俾 Ken 簽」, 「…睇」): not the work itself
CHECKS_IT = re.compile(r"(?:簽|睇|批|審|過目|核對|覆核|蓋印|存檔|歸檔|(?<![A-Za-z])(?:check|approve|review|sign)(?![A-Za-z]))",
                       re.IGNORECASE)
BARE_HANDOVER = re.compile(r"(?:咁|噉)\s*(?:你)?\s*(?:嚟)?\s*(?:跟進|跟|負責|搞|做|處理)(?:埋|住)?(?:佢)?\s*(?:啦|喇|吖)?\s*(?:之前|前)?")
WHOSE = re.compile(r"\s*(?:嘅|嗰\s*(?:份|個|張|單|啲|間|批))")  # 「Tom 嗰份 contract」: whose
TAKES_IT_OVER = re.compile(r"\s*(?:嚟|去)?\s*(?:接手|接咗佢|頂上)(?:佢)?(?:啦|喇|吖|囉|先)?[。！!]?")
AWAY_ONLY = re.compile(rf"[^，,。]{{0,16}}?(?:{AWAY})[^，,。]{{0,4}}")
WITH_SOMEONE = re.compile(r"(?:同|搵|問|約|見|打俾|打畀|(?<![A-Za-z])(?:call|email|whatsapp|ping|meet))\s*(?:吓|下|一下|埋|返)?\s*(?=\S)",
                          re.IGNORECASE)  # 「聽日同 Ivy 對吓數」: Ivy is who it is done with, not who does it
ASSIGNED = re.compile(rf"^(?:去|嚟|幫手|幫|負責|接手|自己)?{VERB_WORD}", re.IGNORECASE)  # after "交畀 <name>"
NAMED = re.compile(rf"^(?:你|負責|跟進|跟|嚟|會|去|處理|接手|要|幫(?=\s*\S{{1,8}}?\s*{VERB_WORD})|will|to|{VERB_WORD})", re.IGNORECASE)
CALLED_THEN_ASKED = re.compile(r"[^，,]{1,16}[，,]\s*(?:可唔可以|可否|可不可以)\s*(?:幫(?:我|手)?)?")  # 「阿強，可唔可以幫我…？」
HYPOTHETICAL = re.compile(r"^(?:如果|假如|若果)我係你|^換轉(?:係)?我|^if I were you", re.IGNORECASE)
PRAISED = re.compile(r"(?:好|真係|幾|咁)?(?:積極|叻|醒|勤力|犀利|辛苦|加油|努力|專心|快手|小心)(?:啲|晒|喇|啦|呀|吖)?")
STANDS_IN = re.compile(r"(?:咁|噉)?\s*(?:不如)?\s*我(?:嚟|去|做|跟|頂|幫佢)(?:啦|喇|吖|囉)?[。！!]?")
# 「refund 嗰part 我嚟啦」: which of the tasks just given
TAKEN_PART = re.compile(r"^(?P<topic>[^，,。]{1,12}?)\s*(?:嗰|呢)\s*(?:part|樣|部分|部份|份|個)\s*(?=我)", re.IGNORECASE)
# 「我嚟啦」, 「不如我嚟做」 straight after a task given to somebody else: the speaker takes it on
WHY_THEM = re.compile(r"^(?:因為|始終)?\s*佢(?:哋)?\s*(?:負責|熟|識|做開|跟開|專門|比較熟|有經驗|得閒)")  # 「…交俾 Sam 跟，佢負責物流」
TO_STRANGER = re.compile(r"(?:(?:咁|噉)\s*)?(?:(?:嗰|呢)\s*(?:part|樣|部分)\s*)?(?:交俾|交畀|改由|改為由|轉交俾?|轉俾)\s*\S{1,8}?\s*"
                         r"(?:跟進|跟|做|搞|負責)\s*(?:啦|喇|吖)?", re.IGNORECASE)
STILL_DO = re.compile(rf"(?:照|照樣|照舊|仍然|繼續|都係要|都要)\s*(?:{VERB_WORD})", re.IGNORECASE)
NOT_NEEDED = r"(?:唔使|唔駛|唔洗|唔好|不用)\s*(?:喇|啦|住|了)?"  # 「唔使喇」: thanks, no
BARE_TAKE_OVER = re.compile(r"(?:不如)?我(?:嚟|來)(?:做|搞|跟|處理|負責)?(?:佢)?(?:啦|喇|吖|呀|囉)?[。！!]?")
TAKE_OVER = re.compile(r"(?:不如)?(?:我(?:嚟)?(?:接手.*|接|幫\s*(?:佢|你|[A-Za-z]+|\S{1,3})\s*(?:做|搞|跟)|跟埋|做埋)|(?:份|個|嗰|呢)?\S{0,8}交(?:返)?俾我)"
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
_LATIN_DEPARTMENTS = "|".join(k for names in DEPARTMENTS for k in names if k.isascii())
_CHINESE_DEPARTMENTS = "|".join(k for names in DEPARTMENTS for k in names if not k.isascii())
DEPARTMENT = re.compile(rf"^(?P<who>(?<![A-Za-z])(?:{_LATIN_DEPARTMENTS})(?![A-Za-z])|(?:{_CHINESE_DEPARTMENTS})部)"
                        r"(?!\s*(?:嗰邊|那邊)?\s*(?:話|講|問|覺得|想|估|認為|要(?:我|你|求)|叫|said|says|thinks?|wants?)(?![A-Za-z]))",
                        re.IGNORECASE)  # 「HR 話…」 reports, 「HR 要我哋…」 asks somebody else
# a person's name that is no attendee's: a capitalised Latin name, 阿X, X生/X小姐/X太
STRANGER = re.compile(r"\s*(?P<who>(?<![A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z])|阿[\u3400-\u9fff]|[\u3400-\u9fff](?:生|小姐|太|sir|Sir))\s*")
SPLIT_WORK = re.compile(r"\s*(?:一人一半|各做一半|各自一半|分開做|平分|分一半|each take half|split)", re.IGNORECASE)
TOGETHER = re.compile(r"(?:你|[A-Za-z\u3400-\u9fff])\s*(?:同埋|同|and)\s*(?=\S+\s*(?:一齊|兩個|一同))")
GIVE_AWAY = re.compile(r"搵(?:第二個|其他|另一個|第個)(?:同事|人)|叫\S{1,6}幫(?:我|手)")  # 「可唔可以搵第二個同事跟？」
DELIVERY = re.compile(DELIVERY_VERBS, re.IGNORECASE)
REVIEWS = re.compile(r"(?:我|I)[^，,。]{0,8}?(?:睇|批|審批|check|review|approve|過目)[^，,。]{0,4}$", re.IGNORECASE)
THEN_THAT = re.compile(r"^(?P<thing>[^，,。\s就]{1,16}?|[A-Za-z][\w .-]{0,24}?)\s*就\s*(?P<when>\S.*)$")  # 「screenshots 就五一前」
ALL_DONE = re.compile(rf"(?:要|都要)?\s*(?:{VERB_WORD})\s*(?:晒|哂|齊|完)(?:佢|佢哋)?\s*(?:啦|喇)?", re.IGNORECASE)  # 「send 晒」
STEP_DONE = rf"(?:{VERB_WORD})\S*\s*(?:完|好|咗)\s*(?:之後|以後)?\s*"  # 「(Toby) upgrade 完」: when a step is done
DONE_FIRST = re.compile(STEP_DONE + "$", re.IGNORECASE)
THEN_YOU = re.compile(r"\s*" + STEP_DONE + r"你(?!哋)", re.IGNORECASE)  # 「(Toby) upgrade 完你…」: you, after it
BARE_GO = re.compile(r"(?:你)?\s*(?:去|嚟|來)?\s*(?:去|做|跟|搞|嚟|來|交|跟進|負責|處理|頂|代|接|take over|cover|handle)(?:下|吓|佢|埋|手|it)?\s*"
                     r"(?:啦|吖|喇|吧|la)?|(?:please\s+|can you\s+|you\s+)?(?:do|take|handle|cover|take over)(?: it| this| that)?"
                     r"(?: then| instead| please)?[.!]?", re.IGNORECASE)
VOLUNTEER = re.compile(r"我(?:嚟|來|去)?\s*(?:跟|做|搞|負責|處理|頂|接手|take over|cover)(?:佢|埋)?(?:啦|吖|喇|吧)?[。！!]?", re.IGNORECASE)
WILL_TRY = re.compile(r"我(?:可以|都可以)?\s*試(?:吓|下|一試)(?:啦|吖|喇|吧)?[。！!]?")  # 「我可以試吓，…下個禮拜三交」: with a day, a yes
STAND_IN_OPENER = re.compile(r"^(?:(?:啦|喇|吖|呀)[，,\s]*)?(?:咁|噉|嗰|那|不如|就|算啦|唔緊要)[，,\s]*")  # 「好啦，咁 Amy 跟啦」
ROLE_ADDRESSED = re.compile(r"(?P<who>[A-Za-z]{2,}\s*[\u3400-\u9fff]{1,3}|[\u3400-\u9fff]{2,6}?)\s*(?=你)")  # 「IT 主任你…」
WHO_FREE = re.compile(r"^(?:邊個|邊位|有人)(?:得閒|有空|有時間)?(?:就|嘅話)?(?:搞|做|跟|處理|負責)?(?:啦|吖)?$")
APPROVAL = re.compile(r"^(?:好主意|好提議|好建議|好idea|good idea|你講得啱|你話得啱)", re.IGNORECASE)
SPLIT = re.compile(r"^(?:同埋|仲有|另外|然後|跟住|再|順便|and then|also)", re.IGNORECASE)
# 「send 份報價，同埋 cc 埋 Marco」: who is copied is a detail of the email, no task of its own
COPY_IN = re.compile(r"^(?:同埋|仲有|and|also)?\s*(?:記得|記住|要|都要|remember to)?\s*(?:cc|bcc|抄送|副本)(?![A-Za-z])",
                     re.IGNORECASE)
TAG = re.compile(r"^(?:得唔得|好唔好|OK唔OK|ok嗎|得嗎|可唔可以|明唔明|係咪|okay|ok|alright|可以嗎|好嗎|好冇|得冇|OK冇|ok冇|行唔行|"
                 r"冇問題(?:吖嘛|吧|嘛)|(?:明白|清楚)(?:嗎|未|冇)|right)(?:呀|啊|先|呢)?$", re.IGNORECASE)


PROGRESSIVE = re.compile(r"(?<=[\u3400-\u9fffA-Za-z])(?<![嚟來])緊(?!要|張|急)")  # 「做緊」: work under way, a status unless a due time is said
RECEIVES = re.compile(r"(?:俾|畀|同|話|問|叫|等|幫|對|跟|知|給|提|email|send|cc|call|brief|whatsapp|tell|remind|to)\s*$",
                      re.IGNORECASE)


# 「今日主要講三樣：…」: the chair's agenda lists topics, not tasks; the items listed after it too
AGENDA = re.compile(r"(?:講|傾|討論|報告|匯報|交代|cover|go through)(?:下|吓|一下)?\s*(?:[一兩二三四五六七八九十幾]|\d+)\s*"
                    r"(?:樣|件事|個(?:議題|題目|topic|item|point|重點|範疇|部分)|點(?!鐘)|things|items|topics)"
                    r"|今日(?:\S{0,6}會議?)?(?:主要)(?:係)?(?:想)?(?:講|傾|討論|update|匯報|報告)", re.IGNORECASE)  # 「今日主要講…」
TOPICS_TODAY = re.compile(r"今日[^，,。]{0,16}?(?:要|想)?(?:講|傾|討論)(?:下|吓|一下)")  # 「各位，今日傾吓…」, to nobody
ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十\d]|[一二三四五六七八九]係|首先|其次|跟住|最後|another|first|second|third|lastly)",
                     re.IGNORECASE)


REMINDED = re.compile(r"(?<=提醒|提提)(?:大家|各位|全部同事|所有同事)[^，,。]{0,12}?(?:要|記得|一定要)")  # 「提提大家…要交 timesheet」


GIVEN_TO_SOME = re.compile(r"(?:俾|畀|通知|email|send|cc)\s*[^，,。\s]{0,4}\s*(?:座|樓|層|區|部|組)?\s*$", re.IGNORECASE)  # 「俾 B 座全體住客」


def _group(text: str) -> re.Match[str] | None:
    """A group that is to act, not one that receives (「send 份 minutes 俾大家」, 「email 大家」, 「提大家…」)."""
    return next((m for m in GROUP.finditer(text) if (not RECEIVES.search(text[:m.start()]) or REMINDED.match(text, m.start()))
                 and not GIVEN_TO_SOME.search(text[:m.start()])), None)


GROUP_TASK_PRONOUN = re.compile(r"^(?:呢樣|呢個|嗰樣|嗰個|呢啲|嗰啲|呢件事|this|that)\s*", re.IGNORECASE)
BARE_COMMIT = re.compile(r"^(?:好|OK|ok|得|冇問題|明白|收到|可以)?[，,\s]*(?:呢樣|呢個|嗰個)?\s*我(?:自己)?(?:(?:會|嚟|去)?(?:幫\s*(?:佢|你))?"
                         r"(?:搞|跟|做|負責|處理|寫|跟進|頂|cover)(?:埋|住|掂|定)?|(?:會|嚟)?幫\s*(?:佢|你)|嚟|得|可以|去)?(?:啦|喇|吖|佢)?[。！!]?$"
                         r"|^(?:I can|I can do (?:it|that)|I'll do (?:it|that)|I'll handle (?:it|that)|leave it (?:to|with) me|me)[.!]?$",
                         re.IGNORECASE)  # 「邊個得閒？」 「我啦。」, 「邊個可以幫我…？」 「我幫你啦。」
# after 「邊個打俾保險公司？」, naming another to do it: 「阿傑打就得」, 「Ivy 跟啦」 (the rest after the name)
NAMES_DOER = re.compile(r"^\s*(?:去|嚟|會)?\s*(?:[^\s你]{1,2}?|[A-Za-z]+)?\s*(?:就得|就可以|就OK|就ok|得喇|啦|吖|喇|囉)[。！!]*$")
SELF_DOER = re.compile(r"^\s*(?:嚟|去)?\s*(?:[^\s你]{1,2}?|[A-Za-z]+)?\s*(?:啦|喇|吖|囉)?[。！!]*$")  # 「我打。」, 「我 book 啦」
# A yes/no question that asks someone to do something, and that person's yes in the next turn:
# 「Marco，聽日換得好個 projector 嘛？」 「聽日可以。」
WH_QUESTION = re.compile(r"幾時|幾點|幾號|邊日|點解|點樣|點算|邊個|邊位|邊度|乜嘢|咩|幾多|幾耐|定係|\b(?:what|when|who|how|why|where|which)\b",
                         re.IGNORECASE)
YES_BY = re.compile(r"(?<![唔未冇不])(?:可以|得|冇問題|OK|ok)(?:呀|啊|啦|喇)?[。.！!]*$")  # 「禮拜五先得」: yes, by then
# Not a request: asking after work (未, 咗, did you), offering one's own help (我), a complaint or
# a negated verb (「你又唔 check…？」), or checking a fact (係咪).
NOT_REQUEST = re.compile(r"未[呀啊呢吖]?[？?\s]*$|咗|唔|冇|未|係咪|係唔係|一齊|\b(?:did|have|has|had|is|are|was)\b",
                         re.IGNORECASE)
PROMPTED = re.compile(r"得唔得閒|有冇時間|有冇空|得(?:到)?(?=\s*[^\s])|(?<=[\u3400-\u9fff])到(?=\s*(?:嗎|嘛|呀|啊|未)?[？?\s]*$)|(?<=[A-Za-z])\s*到(?=\s*[份個張啲條封本])|(?:嘛|呀|啊|嗎|好嗎|好唔好)[？?\s]*$")  # 「send 得到份報價嘛？」 → send 份報價
DUE_AFTER = re.compile(r"(?:前|之前|內|之內|以內)\s*(?:要|一定要)?\s*(?:搞掂|搞定|完成|做完|做好|交|俾|畀)?(?:佢|晒|埋|哂)?"
                       r"[。！!]*$|^(?:by|before)\b", re.IGNORECASE)
# A sentence that only gives the due time of the tasks said just before it: 「兩樣都禮拜五前搞掂。」
DUE_ONLY = re.compile(r"^(?:(?:嗯|呃|哦|好|OK|唔急|唔使急|唔駛急|唔使咁急|冇咁急|最好)[，,\s]*)*"  # 「唔急，月尾啦。」 answers 「幾時要？」
                      r"(?:(?:兩|三|四|幾)(?:樣|份|件)(?:嘢)?|全部|所有|呢啲|以上|all)?\s*(?:都)?\s*(?:要|一定要|最遲)?\s*(?:喺|by|before)?\s*"
                      r"(?:前|之前|或之前|內|之內|以內)?\s*(?:要|一定要)?\s*(?:搞掂|搞定|完成|做完|做好|交|俾|畀|done)?"
                      r"(?:佢|佢哋|晒|哂|埋)?\s*(?:(?:返)?(?:俾|畀|給)\s*我)?\s*(?:啦|喇|吖|呀|啊|la)?[，,\s]*(?:唔該|please|thanks|thank you)?$", re.IGNORECASE)


# 「三個工作天內啦，唔好拖，唔係佢又會再寫」: urging and why, after the due time
URGING = re.compile(r"(?:唔好|咪)(?:拖|遲|等|再拖)|盡快|越快越好|快啲|愈快愈好|唔該|thanks|(?:唔係|否則|不然|因為|費事|免得)")


def _without_urging(sentence: str) -> str:
    """The sentence without the urging and the reasons after its first clause, when that is all they are."""
    head, *rest = clauses(sentence) or [sentence]
    return head if rest and all(URGING.match(c.strip()) for c in rest) else sentence


SAID = r"\s*(?:嗰邊|那邊)?\s*(?:琴日|尋日|頭先|啱啱|今朝|上個禮拜)?\s*(?:(?<![電說對笑廢])話|講|said|says)"  # 「Ken 琴日話…」
SAID_THEY = re.compile(SAID + r"(?:過)?\s*(?:佢哋|佢|they|he|she)?\s*(?![我你知俾畀])", re.IGNORECASE)


def _reported_commitment(sentence: str, reader: Reader) -> str:
    """A commitment reported for somebody named (「Ken 話佢聽日會搞掂個 bug」, 「IT 嗰邊話聽日裝好部 printer」,
    「我同 Mandy 講咗，佢話佢今晚會處理」) read as theirs: 「Ken 聽日會搞掂個 bug」. What they said was done
    (咗, 已經) or no work stays as said."""
    starts = [end for _, _, end in reader.people.spans(sentence)]
    starts += [m.end("who") for m in ROLE.finditer(sentence)] + [m.end("who") for m in [DEPARTMENT.match(sentence)] if m]
    for end in sorted(starts, reverse=True):
        said = SAID_THEY.match(sentence, end)
        if not said or said.end() == end or not re.search(r"話|講|said|says", said.group(0), re.IGNORECASE):
            continue
        rest = re.split(r"[，,。]", sentence[said.end():])[0]
        if VERB.search(rest) and not DONE.search(rest) and not TRIP.search(rest) \
                and (re.search(r"會|will", rest) or has_time_words(rest, reader.transcript.date)):
            sentence = sentence[:end] + " " + sentence[said.end():]
    them = re.search(rf"(?:^|[，,\s])(?P<them>佢)(?!哋)(?={SAID})", sentence)
    named = [name for name, _, _ in reader.people.spans(sentence[:them.start("them")])] if them else []
    if named:  # 「我同 Mandy 講咗，佢話佢今晚會處理」: Mandy's
        return _reported_commitment(sentence[:them.start("them")] + named[-1] + sentence[them.end("them"):], reader)
    return sentence


# 「佢下個禮拜要去新加坡見客」: where somebody will be, news rather than a task given
TRIP = re.compile(r"(?:要|會)?\s*(?:去|飛|返)\s*[^，,。\s]{2,6}?\s*(?:見客|出差|開會|參展|睇展|公幹)?\s*$")


# 「我想你聽日交」, 「我希望 Ken 跟」, 「我要你份報價」: the speaker wants somebody else to do it
WANTS = re.compile(r"(?:我|我哋)\s*(?:都|真係|好)?\s*(?P<when>[^，,。！!？?你我]{0,12}?)\s*(?:都|真係|好)?\s*"
                   r"(?:想|要|希望|建議|提議|需要)(?:請|叫)?\s*$")


THANKS_FIRST = re.compile(r"^(?:(?:好|OK|ok)[，,\s]*)?(?:多謝|唔該晒|thanks|thank you)(?:晒|哂|你|大家|all)?\s*", re.IGNORECASE)


def _thanks_apart(sentence: str, reader: Reader) -> str:
    """A sentence without the thanks it opens with when a request follows (「多謝晒，Ivy 你聽日交份報告」,
    "Thanks Ivy, please send the deck by Friday"); thanks for what was done (「多謝 Ivy 幫手」) stay."""
    thanks = THANKS_FIRST.match(sentence)
    rest = sentence[thanks.end():] if thanks else ""
    if thanks and re.match(r"[，,!！.。]", rest) and rest.strip(" ，,!！.。"):
        return rest.lstrip(" ，,!！.。")
    spans = reader.people.spans(rest) if thanks else []
    if spans and spans[0][1] == 0 and re.match(r"\s*[，,]", rest[spans[0][2]:]):
        return rest
    done = re.match(r"[^，,。]{0,8}[，,]\s*", rest[spans[0][2]:]) if spans and spans[0][1] == 0 else None
    after = rest[spans[0][2] + done.end():] if done else ""
    if after and VERB.search(after) and (REMINDER.match(without_times(after, reader.transcript.date).strip())
                                         or re.match(r"你(?!哋)", without_times(after, reader.transcript.date).strip())):
        return f"{rest[:spans[0][2]]}，{after}"  # 「多謝 Ivy 幫手，聽日記得 send 埋份 slides 俾我」: asked of Ivy
    return sentence


def _vocative_first(sentence: str, reader: Reader) -> str:
    """A sentence that names who it is said to at its end (「呢樣你跟，Mandy。」, "Could you …, May?") with
    the name first, as a request usually opens. A name nobody on the list has, said apart before 你
    (「Kelvin，你聽日 check 部 server」), is the one asked, as without the comma."""
    opened = OPENER.match(sentence)
    stranger = STRANGER.match(sentence, opened.end() if opened else 0)
    if stranger and re.match(r"[，,]\s*你(?!哋)", sentence[stranger.end():]) and not reader.people.find_name(stranger["who"]):
        return f"{sentence[:stranger.end()].rstrip()} {sentence[stranger.end():].lstrip(' ，,')}"
    spans = reader.people.spans(sentence)
    if spans and re.fullmatch(r"[\s。！!？?.]*", sentence[spans[-1][2]:]) and re.search(r"[，,]\s*$", sentence[:spans[-1][1]]) \
            and spans[-1][1] > 0:
        name, start, end = spans[-1]
        return f"{sentence[start:end]}，{sentence[:start].rstrip(' ，,')}{sentence[end:]}"
    said_to = GIVEN_AFTER.fullmatch(sentence[spans[-1][2]:]) if spans else None
    before = sentence[:spans[-1][1]].rstrip(" ，,") if spans else ""
    if said_to and re.search(r"[，,]\s*$", sentence[:spans[-1][1]]) and VERB.search(without_times(before, reader.transcript.date)) \
            and not reader.people.mentioned(before) and not re.search(r"我|你", before):
        name, start, end = spans[-1]  # 「禮拜五前訂枱，阿傑你跟。」: the work before is 阿傑's
        return f"{sentence[start:end]}，{before}。"
    return sentence


GIVEN_AFTER = re.compile(r"\s*(?:你)?\s*(?:跟|跟進|負責|搞|做|處理)(?:埋|住)?\s*(?:啦|吖|喇|la)?[\s。！!.]*")


def _wanted_of(sentence: str, reader: Reader) -> str:
    """A request said as the speaker's wish read as the request itself: 「Mandy，報價單我想你負責」 →
    「Mandy，報價單你負責」, so the one wanted of, not the speaker, owns it; a time said between stays
    (「我禮拜五前要你交份報告」 → 「禮拜五前你交份報告」)."""
    starts = [start for _, start, _ in reader.people.spans(sentence)]
    starts += [m.start() for m in re.finditer(r"你(?!哋嘅|地)", sentence)]
    for start in sorted(starts, reverse=True):
        wants = WANTS.search(sentence, 0, start)
        if wants and only_time(wants["when"], reader.transcript.date):
            sentence = sentence[:wants.start()] + wants["when"] + sentence[start:]
    return sentence


# 「幾時開會好？」 asks for a time, 「倫敦嗰邊幾點開會？」 when something happens: no task (「幾時寫好？」 asks for work done)
WHEN_SUITS = re.compile(r"(?:好|啱|方便|得閒|有空)$|^(?:開會|開始|開|到|出發|起飛|落機|放假|截止|完|收工|開工|返工)$")


def _when_suits(asked: str) -> bool:
    """Whether 「幾時…」 asks when something suits or happens, not when work is done (「寫好」: a verb and its 好)."""
    return bool(WHEN_SUITS.search(asked)) and not (asked.endswith("好") and re.search(rf"(?:{VERB_WORD})\s*好$", asked, re.IGNORECASE))


HAND_IN = re.compile(r"(?:要|都要)?\s*(?:交|出|搞掂|搞定|完成|做完|send|submit)(?:晒|埋)?\s*(?:啦|喇)?", re.IGNORECASE)  # 「…，禮拜五前交」
EACH_DONE = re.compile(r"(?:(?:兩|三|四|幾)(?:樣|份|件)(?:嘢)?|全部|所有)\s*(?:都)?\s*(?:之前|以前|前|之內|以內|內)?\s*(?:要|一定要)?\s*"
                       r"(?:之前|以前|前|之內|以內|內)?\s*(?:搞掂|搞定|完成|做完|做好|交|俾)(?:晒)?\s*(?:啦|喇)?")  # 「…，兩樣都聽日搞掂」: when each is due
ALL_OF_THEM = re.compile(r"^(?:(?:兩|三|四|幾)(?:樣|份|件)|全部|所有|呢啲|以上|all)", re.IGNORECASE)  # every task of the turn
NEED = re.compile(r"要|需要|邊個|need|搵人")
WHO_WILL = re.compile(r"(?:邊個|邊位|有冇人)(?:得閒|有空|有時間)?|(?:需要|要)有人|who(?: can| will)?|(?:I|we) need (?:someone|somebody) to|"
                      r"(?:can|could) (?:someone|somebody|anyone)|anyone (?:free|able) to", re.IGNORECASE)


BARE_OBJECT = re.compile(r"(?:個|份|張|啲|嗰個|嗰啲|呢個|呢啲|埋)\s*(?:[A-Za-z]+|[\u3400-\u9fff]{1,2})\s*(?:啦|喇|吖)?$")
UNKNOWN = "?"  # an owner the transcript points at but no attendee matches: needs review
SINCE_DECLINED = 6  # turns back within which a task its owner names and turns down is found


@dataclass
class _Clause:
    text: str
    owner: str | None  # the cue's owner in this clause, if any
    has_owner_cue: bool
    action: bool
    turns_to: bool = False  # another person is addressed from here on


def _strip_tag(sentence: str) -> tuple[str, bool]:
    """The sentence without a question tag (「…，得唔得？」, or glued on as ASR text has it:
    「…交份報告得唔得？」), and whether it had one."""
    parts = clauses(sentence)
    if len(parts) > 1 and TAG.match(parts[-1]):
        return "，".join(parts[:-1]), True
    glued = GLUED_TAG.search(sentence)
    if glued and glued.start() > 0:
        return sentence[:glued.start()], True
    return sentence, False


RECIPIENT_BEFORE = re.compile(r"(?:俾|畀|給|同|問|搵|叫|約|見|通知|打俾|打畀|(?<![A-Za-z])(?:to|cc|call|email|whatsapp|ping|meet))"
                              r"\s*(?:吓|下|一下|埋|返)?\s*$", re.IGNORECASE)  # 「…俾 Ivy，」: not calling Ivy


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
        timed = has_time_words(sentence, self.transcript.date)
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
            stranger = STRANGER.match(clause, m.end())
            if stranger and not self.people.find_name(stranger["who"]) \
                    and ASSIGNED.search(BY.sub("", without_times(clause[stranger.end():], self.transcript.date).strip())):
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
        if hit and hit[0] != speaker and VERB.search(hit[1]) and not THEN_YOU.match(hit[1]) \
                and NAMED.search(BY.sub("", without_times(THEIR_TEAM.sub("", hit[1]), self.transcript.date).strip())):
            # 「Ken 聽日會交」, 「Kenneth team 下星期五交」
            return True, self._with_partner(hit[0], clause)
        if timed and not STATE.search(clause):  # 「海報 Ivy 搞，三月一號出」
            for name, start, end in self.people.spans(clause):
                if name != speaker and not re.search(r"(?:[俾畀同話搵問等將幫對跟帶約見]|打俾|打畀|打去|(?<![A-Za-z])(?:call|email|whatsapp|ping|meet|cc))"
                                                     r"\s*(?:吓|下|一下|埋|返)?\s*$|[俾畀]\s*(?:份|個|張|啲|封|本)[^，,。我你]{1,12}$",
                                                     clause[:start], re.IGNORECASE) \
                        and not RECEIVES.search(clause[:start]) and not THEN_YOU.match(clause[end:]) \
                        and ASSIGNED.search(BY.sub("", without_times(clause[end:end + NEAR_VERB], self.transcript.date).lstrip())):
                    return True, name
        department = DEPARTMENT.match(OPENER.sub("", clause))
        for role in [m["who"] for m in ROLE.finditer(clause)] + ([department["who"]] if department else []):
            who = self.people.by_role(role)
            if who and who != self.speaker(line) and (timed or REQUEST.search(clause)):
                return True, who  # the speaker's own department (「客服那邊好多客問…」) is a topic, no request
            if who and who == self.speaker(line) and department and timed and not re.search(r"你|[A-Za-z]*you", clause) \
                    and not [n for n in self.people.mentioned(clause) if self.people.find_name(n) != who]:
                return True, who  # 「人事部下個禮拜一前要出新指引」 said by the head of HR: theirs
        group = _group(clause)
        if group and timed and not (addressed and group.group(0) in ("搵人", "有人", "你哋")) \
                and not (group.group(0) == "搵人" and re.search(r"[我你](?!哋)[^，,。]{0,8}$", clause[:group.start()])):
            # 「阿傑，聽日搵人嚟整」 is 阿傑's, 「咁我搵人嚟整」 the speaker's, 「咁你今日之內搵人嚟整」 the one spoken to
            return True, None
        you = YOU_REQUEST.search(clause) or YOU_REQUEST.search(without_times(clause, self.transcript.date)) \
            and re.search(r"你(?!哋)", clause)  # 「你下個禮拜三之前同財務部對數」: the verb is far from 你
        yes = YES_FIRST.match(sentence)
        me = SELF_COMMIT.search(clause) or FOR_YOU.search(clause) \
            or (SELF.search(clause) if timed and not self._state(clause) else None) \
            or (YES_ME.match(clause) if yes and sentence[yes.end():].startswith(clause) else None)  # 「明白，我 send 個 email…」
        me = None if me and TELLS.search(clause[:me.start()]) else me  # 「講清楚我哋幾時搞掂」: what is told
        me = None if me and re.search(r"[俾畀給][^，,。]{1,12}$", clause[:me.start()]) else me  # 「俾個報價我睇」: to me
        if you and not (me and me.start() < you.start()) \
                and (timed or REQUEST.search(clause) or addressed or IMPERATIVE.search(clause) or THING_YOU_DO.search(clause)
                     or YOU_FIRST.match(OPENER.sub("", clause))):
            before_you = clause[:you.start()]
            named = [n for n, _, end in self.people.spans(before_you) if n != speaker
                     and not DONE_FIRST.search(before_you[end:])  # 「Toby upgrade 完你…」: Toby's work comes first, 你 is another
                     and not WHOSE.match(before_you[end:])]  # 「Tom 嗰份 contract 你…」: whose contract, not who
            return True, self._with_partner(named[-1] if named else self.addressee(line, addressed) or UNKNOWN, clause)
        reminded = REMINDER.match(without_times(OPENER.sub("", clause), self.transcript.date).strip())
        if reminded and not me and VERB.match(re.sub(r"^(?:之前|以前|前|之內|以內|內)?\s*", "", without_times(
                OPENER.sub("", clause), self.transcript.date).strip()[reminded.end():])):
            told = self.addressee(line, addressed)  # 「記得順便 renew 埋個 SSL cert」: said to the one spoken to
            if told and told != speaker:
                return True, told
        if me:
            return True, speaker or UNKNOWN
        we = WE_COMMIT.search(clause) or (WE_FIRST.match(OPENER.sub("", clause)) if limit_said(clause, self.transcript.date) else None)
        if timed and we and not TELLS.search(clause[:we.start()]) and not CONDITION.match(sentence):  # 「報價我哋下個禮拜之前可以出」: the speaker's team
            return True, speaker or UNKNOWN
        if department and (timed or REQUEST.search(clause)):  # a department no attendee is in: to be chosen on the page
            return True, UNKNOWN
        return False, None

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

    def punctuate(self, sentence: str) -> str:
        """ASR text without commas, several requests run together: a break before each name or
        group that opens one (「May 你聽日交份報價 Ken 你後日 check 個 server 大家禮拜五前填 timesheet」,
        「葉老師 後日 改完 卷 Kelvin 今晚 出 補課 通告」)."""
        spaced = bool(re.search(r"[\u3400-\u9fff]\s+[\u3400-\u9fff]", sentence))  # words apart, as ASR writes them
        first = next(((start, end) for _, start, end in self.people.spans(sentence) if start == 0), None)
        you = re.search(r"\s你(?!哋)", sentence[first[1]:]) if first and re.match(r"\s+(?!你)", sentence[first[1]:]) \
            and not WHOSE.match(sentence[first[1]:]) else None  # 「Tom 嗰份 contract 你…」: whose, not who is called
        if you and "，" not in sentence and "," not in sentence and not self.people.mentioned(sentence[first[1]:first[1] + you.start()]):
            # 「Sunny 韓國團個導遊病咗 你今晚之前搵人頂」: the name called, what is the matter, then the request
            at = first[1] + you.start()
            return f"{sentence[:first[1]]}，{sentence[first[1]:at].strip()}，{sentence[at:].strip()}"
        opens = [start for _, start, end in self.people.spans(sentence)
                 if (start == 0 or sentence[start - 1].isspace() and not RECIPIENT_BEFORE.search(sentence[:start]))
                 and (re.match(r"\s*(?:你(?!哋)|[，,])", sentence[end:]) or spaced and re.match(r"\s", sentence[end:])
                      and self._opens_work(sentence[end:]))
                 # 「Ivy你聽日send份deck俾客阿強你後日整份quote」: no spaces, a name and 你 still open a request
                 or start > 0 and re.match(r"[\u3400-\u9fffA-Za-z]", sentence[start - 1]) and re.match(r"你(?!哋)", sentence[end:])
                 and not RECIPIENT_BEFORE.search(sentence[:start]) and not re.search(r"[，,。]", sentence)]
        groups = [m.start() for m in re.finditer(r"(?<=\s)(?:大家|各位|全部同事|所有同事)", sentence)
                  if not RECEIVES.search(sentence[:m.start()])]
        cuts = [start for start in opens if start > 0] + groups
        if len(opens) + len(groups) < 2 or not cuts:
            return sentence  # one name inside a sentence is read as said (「…開 miss ho 你出…」)
        for at in sorted(cuts, reverse=True):
            sentence = sentence[:at].rstrip() + "，" + sentence[at:]
        # each request is now a clause of its own: the spaces inside it are no breaks
        return re.sub(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])", "", sentence) if spaced else sentence

    def without_called_back(self, sentence: str, line: Line) -> str:
        """A yes that calls the one who asked by name (「冇問題張生，今晚寄出」, 「好，張生，我今晚寄」)
        without that name: it says who is answered, not who does the work."""
        yes = YES_FIRST.match(sentence)
        asker = self.transcript.previous_speaker(line.index)
        hit = self.people.leading(sentence[yes.end():]) if yes and asker else None
        if hit and hit[0] == self.people.find_name(asker) and hit[0] != self.speaker(line) \
                and not re.match(r"\s*(?:你|[A-Za-z]|同|都|會|負責|跟)", hit[1]):
            return f"{sentence[:yes.end()].rstrip(' ，,')}，{hit[1].lstrip(' ，,')}"
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
        phrases = find_time_phrases(said, self.transcript.date)
        return said != before and len(phrases) == 1 and bool(DUE_MOVED.search(said[:phrases[0].start])) \
            and not BARE.sub("", said[phrases[0].end:]).strip("啦喇吖囉。 ")

    def _opens_work(self, after: str) -> bool:
        """Whether the words after a name start its work: a time or a verb (「Kelvin 今晚 出 補課 通告」)."""
        words = after.split()
        return bool(words) and (has_time_words(words[0], self.transcript.date) or bool(VERB.match(words[0])))

    def handed_on(self, sentence: str, line: Line) -> str | None:
        """Who a handover that names no task hands to (「嗰樣改由 Ken 跟啦」): then the task just
        given moves."""
        sentence = "，".join(c for c in clauses(sentence) if not WHY_THEM.match(c.strip())) or sentence
        first = next((c for c in clauses(sentence) if self.people.spans(c)), "")
        for name, _, end in self.people.spans(first):  # 「諗諗吓都係阿強接手啦，…」: 阿強 takes it over
            if TAKES_IT_OVER.fullmatch(first[end:]) and name != self.speaker(line):
                return name
        said = [c for c in self.read(sentence, line) if (c.action or c.has_owner_cue)  # 「算啦，俾 Ken 做啦」
                and not NOT_ACTION.search(c.text)  # 「…，你專心搞 tender」: no work of its own
                and not (c.text and not c.has_owner_cue and OBSERVATION.search(c.text))]  # 「我呢排好忙，嗰part交俾Tom跟啦」
        if len(said) == 1 and said[0].has_owner_cue and said[0].owner not in (None, UNKNOWN, self.speaker(line)) \
                and BARE_HANDOVER.fullmatch(re.sub(r"[\s，,。]", "", _without_names(without_times(said[0].text, self.transcript.date), self.people))):
            return said[0].owner  # 「咁 Ivy 你跟，禮拜五前」 after 「logo 係我跟開㗎」
        if len(said) == 1 and said[0].has_owner_cue and not said[0].action and not said[0].text \
                and said[0].owner not in (None, UNKNOWN) and (HANDOVER.search(sentence) or GIVEN_TO.search(sentence)):
            return said[0].owner
        if len(said) == 1 and said[0].owner == UNKNOWN and TO_STRANGER.fullmatch(said[0].text.strip(" 。！!")):
            return UNKNOWN  # 「嗰part交俾阿強跟啦」, 阿強 not on the list: nobody we can send it to, flagged
        return None

    def takes_over(self, sentence: str, line: Line, just_given: bool) -> str | None:
        """The speaker, when a sentence opens with taking over the task just given and names no
        other (「我接手啦，Ivy 太忙」, 「份報價交俾我啦」, "I'll take it over"); a bare 「我嚟啦」 only
        when the task was given in the turn just before (``just_given``), not after another question."""
        said = clauses(sentence) or [""]
        first = said[0]
        if len(said) == 2 and re.search(AWAY, said[0]) and STANDS_IN.fullmatch(OPENER.sub("", said[1]).strip()):
            return self.speaker(line)  # 「阿強聽日請咗假喎，我去啦」: the one away is covered
        if delivered_to_me(first, self.transcript.date):  # 「份報告聽日交俾我啦」: a delivery, not a handover
            return None
        first = TAKEN_PART.sub("", OPENER.sub("", first).strip())
        return self.speaker(line) if TAKE_OVER.fullmatch(first) or just_given and BARE_TAKE_OVER.fullmatch(first) else None

    def turns_away(self, sentence: str, volunteer: str) -> bool:
        """Whether a sentence opens by turning down the volunteer's offer (「唔使喇 Tom」, 「Tom，唔好喇」)."""
        first = OPENER.sub("", (clauses(sentence) or [""])[0]).strip()
        named = self.people.strip_leading(re.sub(NOT_NEEDED, "", first, count=1).strip(" ，,"))
        return bool(re.match(NOT_NEEDED, first) or re.search(NOT_NEEDED + r"$", first)) and named is not None \
            and named[0] == volunteer and not re.sub(NOT_NEEDED, "", named[1]).strip(" ，,")

    def names_another(self, text: str, owners: set[str]) -> bool:
        """Whether text names an attendee other than ``owners`` (to take the task instead)."""
        return any(self.people.find_name(name) not in owners for name in self.people.mentioned(text))

    def stands_in(self, sentence: str, line: Line, recent: list[RawItem]) -> tuple[str, list[RawItem]] | None:
        """(who, the tasks) when somebody is named for the tasks just given to one person who has
        declined them since (「Ivy 你聽日去見客。」 「我聽日唔得閒喎。」 「咁 Ken 你去啦。」): a sentence
        opening with one other attendee that says only a go-ahead or the same work again."""
        declined = [i for i in recent if not i.group and (i.declined or i.owner == UNKNOWN and i.turn == line.index - 1 or any(
            self.speaker(between) == i.owner and turns_down((sentences(between.text) or [""])[0], self.people, self.transcript.date)
            for between in self.transcript.lines[i.turn + 1:line.index]))]
        if not declined or len({i.owner for i in declined}) != 1:
            return None
        proposed = {proposes_another(between.text, self.people) for between in self.transcript.lines[declined[0].turn + 1:line.index]
                    if self.speaker(between) == declined[0].owner}
        if self.speaker(line) is not None and self.speaker(line) in proposed and (ACCEPTS.search(sentence) or ALSO_FINE.search(sentence)) \
                and not turns_down(sentence, self.people, self.transcript.date):
            return self.speaker(line), declined  # 「不如 Keith 幫我落訂？」 「都得，…」: Keith's
        said = STAND_IN_OPENER.sub("", OPENER.sub("", sentence).strip())
        parts = clauses(said)
        claims = parts and re.fullmatch(r"我\s*(?P<verb>\S+?)\s*(?:啦|吖|喇)?", parts[-1])  # 「陳小姐，聽日 book…」 「我 book 啦」
        claims = claims and any(claims["verb"] in i.task for i in declined)
        offers = [p for p in parts if VOLUNTEER.fullmatch(p) or BARE_COMMIT.match(p)  # 「得，我嚟搞，星期一交俾醫生」
                  or WILL_TRY.fullmatch(p) and has_time_words(said, self.transcript.date)]
        if parts and (offers and not any(self.people.strip_leading(p) for p in parts) or claims) \
                and self.speaker(line) not in (None, declined[0].owner):  # 「係，我 team 嘅，我嚟跟啦」
            return self.speaker(line), declined  # 「得，我跟。」
        named = self.people.strip_leading(said)
        role = ROLE_ADDRESSED.match(said) if not named else None
        if role and self.people.by_role(role["who"]):  # 「咁 IT 主任你跟啦」
            named = (self.people.by_role(role["who"]), said[role.end("who"):])
        if not named or named[0] == declined[0].owner:
            return None
        rest = without_times(named[1], self.transcript.date).strip(" ，,。！!")
        work = self._work(rest)
        same_work = any(work == self._work(i.task) or work and shared_grams(work, self._work(i.task)) for i in declined)
        first = (clauses(rest) or [""])[0]  # 「Heidi 你做，下個禮拜五之前啦」, 「Ivy 你寫，三個工作天內俾我」
        go = BARE_GO.fullmatch(rest) or BARE_GO.fullmatch(first) \
            or re.fullmatch(rf"你\s*(?:先|至|才|再|就)?\s*(?:{VERB_WORD})(?:下|吓|埋|佢)?\s*(?:啦|吖|喇)?", first, re.IGNORECASE)
        return (named[0], declined) if go or same_work and not self.people.mentioned(named[1]) else None

    def reoffers(self, sentence: str, line: Line, recent: list[RawItem]) -> list[RawItem]:
        """The tasks just turned down that the asker gives the same person again, with another time
        (「禮拜一我可能唔喺度喎」 「咁你聽日畀我都得」: due then) or naming the work (「咁初稿都係 Ken 你寫」)."""
        declined = [i for i in recent if i.declined and i.owner and i.owner != self.speaker(line)
                    and self.speaker(self.transcript.lines[i.turn]) == self.speaker(line)]  # only the asker gives it again
        named = [n for n, _, _ in self.people.spans(sentence)][:1]  # 「都係 Ivy 你寫，阿傑 support 你」: Ivy's
        to_them = [i for i in declined if (named == [i.owner] or not named and (re.search(r"你(?!哋)", sentence)
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
        return rest != clause and bool(YOU_REQUEST.search(rest) or _group(rest) or self.people.leading(rest)
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

    def read(self, sentence: str, line: Line) -> list[_Clause]:
        out: list[_Clause] = []
        addressed: str | None = None
        since = 0  # where the clauses said to ``addressed`` begin
        named_before = False  # the clause before was only a name: 「Ivy、Ken，…」 addresses both
        heard = False  # a clause before told what others said or want (「audit 嗰邊仲想我哋…」)
        because = False  # a clause before gave a reason: the clauses after it in the sentence go on with it

        def hand_to(who: str | None, start: int) -> None:
            """The first unowned work said to ``who`` is theirs (「Ivy，二樓嗰兩間房聽朝九點前執好」)."""
            said = out[start:]
            if who and not any(c.has_owner_cue for c in said):
                for c in said:
                    if c.action and not self._state(CONNECTIVE.sub("", c.text)):  # 「Yvonne，禮拜五前出咗篇 post」: done by then
                        c.owner, c.has_owner_cue = who, True
                        break

        def turn_to(who: str | None) -> str | None:
            """Another person addressed: the work said to the one before stays theirs (ASR text
            without commas: 「Ken 你 聽日 交份報價 Ivy 你 禮拜五前 整好份 slides」)."""
            nonlocal since
            if addressed and who != addressed and len(out) > since:
                hand_to(addressed, since)
                out.append(_Clause("", None, False, False, turns_to=True))
                since = len(out)
            return who

        parts = clauses(sentence)
        work_after = [False] * len(parts)  # whether a later clause of the sentence names work
        for at in range(len(parts) - 2, -1, -1):
            work_after[at] = work_after[at + 1] or bool(VERB.search(without_times(parts[at + 1], self.transcript.date)))
        for at, clause in enumerate(parts):
            said_after = work_after[at]
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
            if hit and not hit[1] and at + 1 < len(parts) and re.match(r"我(?!哋)", parts[at + 1]):
                continue  # 「揀好一半但係 張生 我覺得…」: called while the speaker says what they think
            if hit and hit[1] and hit[0] != self.speaker(line) and at == 0 and said_after and PRAISED.fullmatch(hit[1]):
                hit = (hit[0], "")  # 「阿強積極啲，聽日交份 report」, 「阿強好叻，…」: a word to him, then the request
            if hit and not hit[1] and hit[0] != self.speaker(line):  # a clause that is only a name
                addressed = f"{addressed} 同 {hit[0]}" if named_before and addressed else turn_to(hit[0])
                named_before = True
                continue
            named_before = False
            role = ROLE_ONLY.match(OPENER.sub("", clause))
            if role and self.people.by_role(role["who"]) not in (None, self.speaker(line)):  # 「製作部嗰邊，…」 addresses that role
                addressed = turn_to(self.people.by_role(role["who"]))
                continue
            if hit and hit[0] != self.speaker(line) and re.match(r"^(?:你|,|，)", hit[1]):
                addressed = turn_to(hit[0])
            handover = HANDOVER.search(clause)
            if handover:
                taker = self.people.strip_leading(handover["rest"])
                was = WAS.match(out[-1].text) if out else None
                if taker and not taker[1].strip(" ，,。") and was \
                        and re.fullmatch(r"(?:而家|宜家|現在|今次|咁|就)*", clause[:handover.start()].strip(" ，,")):
                    # 「個 server 升級原本係 Ken 負責，而家交俾 Mandy」: the plan before names the work
                    addressed = turn_to(taker[0])
                    out[-1] = _Clause(_handed_work(was["topic"], "跟", said_after, self.transcript.date), taker[0], True, True)
                    continue
                handed = re.sub(r"\s+", "", OPENER.sub("", clause[:handover.start()].strip(" ，,")).lower())
                whose = self.people.strip_leading(handed)  # 「咁 Ken 嗰part 交俾 Grace」: Ken's task
                if whose and whose[1].strip() in HANDED_THING:
                    handed = whose[1].strip()
                if taker and not taker[1].strip(" ，,。") and handed in HANDED_THING:
                    addressed = turn_to(taker[0])  # 「呢樣交俾 Ken，禮拜二前同保安公司 confirm」: what follows is Ken's
                    if not said_after:  # 「好，咁交俾 Ricky。」: the task just given is handed on
                        out.append(_Clause("", taker[0], True, False))
                    continue
                if taker and re.match(HANDOVER_VERB, BY.sub("", without_times(taker[1], self.transcript.date).strip())):
                    topic = TOPIC_MARK.sub("", OPENER.sub("", re.sub(r"\s*(?:就|都)$", "", clause[:handover.start()].strip(" ，,"))))  # 「咁報價嗰樣」: 報價
                    topic = "" if re.fullmatch(r"(?:咁|嗰|那|所以|好|不如|嗰樣|呢樣|嗰個|呢個|我|你|我哋|而家|宜家|現在|今次)*(?:就)?",
                                                topic) or handed in HANDED_THING else topic
                    was = WAS.match(out[-1].text) if out and not topic else None
                    if was:  # 「年報本來係 Ivy 跟，改由 Ken 跟」: the plan before names the work
                        topic, out[-1].action, out[-1].has_owner_cue = was["topic"], False, False
                    addressed = turn_to(taker[0])
                    out.append(_Clause(_handed_work(topic, taker[1], said_after, self.transcript.date), taker[0], True, bool(topic)))
                    continue
            given = GIVEN_TO.search(clause)
            taker = self.people.strip_leading(given["rest"]) if given else None
            topic = clause[:given.start()].strip(" ，,") if given else ""
            if taker and GIVEN_WORK.fullmatch(BY.sub("", without_times(taker[1], self.transcript.date).strip())) \
                    and (not VERB.search(topic) or NOUN_PHRASE.match(topic)) and not re.search(r"我|你", topic):
                # 「呢單嘢俾 Ken 做啦」: the work said before is Ken's (「我 send 份報價俾 Ken 跟進」 is mine)
                addressed = turn_to(taker[0])
                handed = topic not in HANDED_THING
                out.append(_Clause(_handed_work(topic, taker[1], said_after, self.transcript.date) if handed else topic, taker[0], True, handed))
                continue
            if CUE_ONLY.fullmatch(clause) or APPROVED.search(clause):  # 「…照俾，我批」: approving decides, no task
                out.append(_Clause(clause, None, False, False))
                continue
            named, owner = self.clause_owner(clause, sentence, line, addressed)
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
            if named and owner is None and not _group(clause):
                named = False
            past = NOT_ACTION.search(CONNECTIVE.sub("", clause) if self._requests(clause) else clause)
            if past and past.group(0) == "咗" and ((YOU_REQUEST.search(clause) or _group(clause))
                                                   and (has_time_words(clause, self.transcript.date)
                                                        or limit_said(sentence, self.transcript.date))
                                                   or limit_said(clause, self.transcript.date)):
                past = None  # 「最遲十五號一定砌好咗個模型」: done by a limit, still to do
            ongoing = PROGRESSIVE.search(clause) and not has_time_words(sentence, self.transcript.date)
            hearsay = bool(HEARSAY.match(OPENER.sub("", clause)))
            told = bool(out) and out[-1].action and TOLD_CONTENT.match(clause) and CONTACTS.search(out[-1].text)
            if out and out[-1].action and re.search(r"[俾畀給]\s*你(?!哋)", out[-1].text) and MAY_THEN.match(OPENER.sub("", clause)):
                told = True  # 「我 send 埋 sales figures 俾你，你可以夾埋落 presentation」: what they may do with it
            if out and IF_ANY.match(out[-1].text) and TELL_ME.fullmatch(without_times(clause, self.transcript.date).strip()):
                out[-1] = replace(out[-1], action=False)
                told = True
            action = bool(VERB.search(clause)) and not past and not ongoing and not META.search(clause) \
                and not PROHIBITED.search(clause) and not hearsay and not (heard and not named) and not told \
                and not FROM_THEN.fullmatch(without_times(clause, self.transcript.date).strip())  # 「由聽日開始」: since when
            heard = heard or hearsay  # what follows says more of what they said
            if not action and not addressed and said_after and YOU_FIRST.match(OPENER.sub("", clause)):
                addressed = turn_to(self.addressee(line, None))  # 「你參考返份通告，寫個回覆」: the work after it is theirs
            if BECAUSE.match(OPENER.sub("", clause)):  # 「因為之後要 send 去印，印刷公司要成個禮拜」: the rest is the reason
                because = True
            elif because and not named and not YOU_REQUEST.search(clause):
                action = False
            if action and not named and self._to_you_only(clause) and not self._asked_before(line) \
                    and has_time_words(clause, self.transcript.date):
                # 「份年報…，聽日 send 俾你」: 你 gets it, the speaker sends (a reply to a request is that request)
                owner, named = self.speaker(line) or UNKNOWN, True
            out.append(_Clause(clause, owner, named, action))
        for i, c in enumerate(out):  # 「聽日前要執好個貨倉，邊個得閒就搞」: the group takes the task before it
            if c.has_owner_cue and c.owner is None and WHO_FREE.search(c.text) and i > 0 \
                    and out[i - 1].action and not out[i - 1].has_owner_cue:
                out[i - 1].owner, out[i - 1].has_owner_cue = None, True
                c.action = False
        if addressed is None and APPROVAL.match(sentence):  # 「好主意，訂十張」: the one who proposed it
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
        return out

    def _asked_before(self, line: Line) -> bool:
        """Whether somebody else's turn just before turns to this turn's speaker (by name or 你)."""
        before = self.transcript.lines[line.index - 1] if line.index else None
        if before is None or before.speaker == line.speaker:
            return False
        return bool(re.search(r"你(?!哋)", before.text)) or any(name == self.speaker(line) for name, _, _ in self.people.spans(before.text))

    def _to_you_only(self, clause: str) -> bool:
        """Whether the only person a clause names is 你 receiving what is handed over (「聽日 send 俾你」)."""
        return bool(TO_YOU.search(clause)) and len(re.findall(r"你(?!哋)|我", clause)) == 1 and not self.people.mentioned(clause) \
            and not _group(clause)

    def _subject(self, clauses_: list[_Clause], line: Line) -> str | None | bool:
        """The subject a sentence states in a clause without a verb of its own, carried to its task
        (Chinese drops it in the clauses that follow): the speaker, a group (None), or False."""
        for c in clauses_:
            if c.action:
                return False
            if _group(c.text):
                return None
            if SELF.search(c.text) or WE.search(c.text):
                return self.speaker(line) or UNKNOWN
        return False


# what a message says (「email 啲會員，話報名二十八號截止」): part of sending it, its date not the due day
CONTACTS = re.compile(r"(?<![A-Za-z])(?:email|send|whatsapp|message|call|ping|notice|memo)(?![A-Za-z])|通知|打(?:俾|畀|去|電話)|"
                      r"出(?:個|張)?\s*(?:通告|告示)|貼(?:張|個)?\s*(?:通告|告示)|同\S{1,8}講", re.IGNORECASE)
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
NOT_TOPIC = re.compile(r"^[一兩三四五幾](?:樣|件事)(?:嘢)?$|諗住|覺得|係咁|我(?:哋)?(?:都|就)?(?:係|想)|(?:去|返|出)咗|" + AWAY)  # 「咁我諗住係咁，…」, 「Ken 今日冇嚟」 say something; a topic only names a thing


def _items_in(clauses_: list[_Clause], date: date) -> list[tuple[str | None, str]]:
    """(owner, task text) per item of one sentence."""
    items: list[tuple[str | None, list[str]]] = []
    owner: str | None = None
    owned = False
    topic: list[str] = []  # verbless clauses before the first owned one: 「另外季尾報表，Ivy，你…」
    shared = ""  # what an owned clause without a verb names for the next one (「Backlog 就 A 同 B 一人一半」)
    before: list[str] = []  # any unowned clauses before it, for a task whose object is only 「份/個…」
    for c in clauses_:
        if c.turns_to:  # 「…，Ivy 你 禮拜五前 整好份 slides」: a due time after this is the next task's
            owned, topic, before = False, [], []
            continue
        if not owned and not c.has_owner_cue and not c.action and c.text and not VERB.search(c.text) \
                and len(c.text) <= 16 and not NOT_TOPIC.search(c.text):
            topic.append(OPENER.sub("", c.text))
            continue
        if not owned and not c.has_owner_cue and c.text:
            before.append(OPENER.sub("", c.text))
        if c.has_owner_cue:
            if not owned or c.owner != owner:
                lead = [t for t in topic if t] if not owned else []
                if not owned and not lead and before and BARE_OBJECT.search(c.text) and len(before[-1]) <= 24 \
                        and not NOT_ACTION.search(before[-1]) and not NOT_TOPIC.search(before[-1]) \
                        and not has_time_words(before[-1], date):  # 「今日唔使做，聽日先 send 份 newsletter」; 「下個禮拜開會傾預算，…」: its own time
                    lead = [before[-1]]  # 「週會講新制度，Ivy，你準備好份 slides」
                items.append((c.owner, lead))
                if not c.action and c.text and not VERB.search(c.text) and len(c.text) <= 16 and not NOT_TOPIC.search(c.text):
                    owner, owned, shared = c.owner, True, OPENER.sub("", c.text)  # 「Backlog 就 Ivy 同 Joyce 一人一半，…」
                    continue
            owner, owned = c.owner, True
        if not owned:
            continue
        other = THEN_THAT.match(c.text) if not c.action and items and items[-1][1] and not VERB.search(c.text) else None
        if other and has_time_words(other["when"], date) and not has_time_words(other["thing"], date):
            said = items[-1][1][0]  # 「Key art 你下個禮拜五前 finalise，screenshots 就五一前」: two things, one verb
            verb = VERB.search(without_times(said[said.rfind("你") + 1:], date))
            if verb:
                items.append((owner, [f"{other['when']} {verb.group(0)} {other['thing']}"]))
                continue
        timing = not c.action and (has_time_words(c.text, date) and not VERB.search(c.text) or _zone_only(c.text))
        if timing and items and items[-1][1]:
            items[-1][1].append(c.text)  # 「Ivy 你整啦，星期五前」, "…before 10am tomorrow, London time": when, said after the task
            continue
        if timing and len(items) > 1 and not items[-1][1] and items[-2][1] and items[-2][0] == items[-1][0]:
            items[-2][1].append(c.text)  # 「你對一下編號，上次好多錯，下個工作天之前俾 Ivy」: after a comment
            continue
        if not c.action and items and items[-1][1] and c.text.startswith("同埋") and not VERB.search(c.text) \
                and not COPY_IN.match(c.text) and not NOT_ACTION.search(c.text) and not STATE.search(c.text):
            verb = VERB.search(items[-1][1][-1])  # 「你換埋部 printer，同埋會議室個 projector」
            if verb:
                items.append((owner, [verb.group(0) + SPLIT.sub("", c.text).strip()]))
                continue
        if not c.action:
            if items and items[-1][1] and c.text:
                items.append((owner, []))  # a comment ends the task; a later clause may start another
            continue
        if shared and not items[-1][1]:  # 「…，月尾前清晒」: what they share is what the verb acts on
            said = re.sub(r"\s*佢(?!哋)\s*$", "", c.text)
            c = replace(c, text=said + ("" if re.match(r"[\u3400-\u9fff]", shared) and re.search(r"[\u3400-\u9fff]$", said)
                                        else " ") + shared)  # a space between two Chinese words breaks a clause
        shared = ""
        if not items[-1][1] and len(items) > 1 and items[-2][0] == owner and items[-2][1] \
                and ONLY_RECIPIENT.fullmatch(BY.sub("", without_times(c.text, date).strip()).strip(" 。！!")):
            items.pop()  # 「你出份 summary，入住率、投訴點收尾，五月十號前 send 俾我」: handing in what was asked
        if items[-1][1] and SPLIT.search(c.text) and VERB.search(SPLIT.sub("", c.text)):
            said = next((p for p in reversed(items[-1][1]) if VERB.search(p)), "")
            limit = _limit_before_verb(said, date) if not has_time_words(c.text, date) and not WHEN_FREE.search(c.text) else ""
            items.append((owner, [limit] if limit else []))  # 「你禮拜三前 train 新同事，同埋寫低手冊」: by Wednesday, both
        elif items[-1][1] and VERB.search(without_times(c.text, date)) and _other_limit(items[-1][1], c.text, date):
            items.append((owner, []))  # 「聽日中午前入晒發票，報價禮拜五前搞掂」: two limits, two tasks
        items[-1][1].append(c.text)
    return [(o, "，".join(parts)) for o, parts in items if any(VERB.search(p) for p in parts)]


WHEN_FREE = re.compile(r"(?:有時間|得閒|有空|方便)\s*(?:嘅話|的話)?\s*就|唔急|慢慢|遲啲")  # 「…同埋部 printer 有時間就睇下」: no limit


def _limit_before_verb(clause: str, date: date) -> str:
    """The limit a clause gives before its verb (「你下個禮拜三前 train…」 → 「下個禮拜三前」), which reaches
    the work joined to it by 同埋; empty when it has none there."""
    verb = VERB.search(clause)
    for phrase in find_time_phrases(clause, date):
        mark = LIMIT_MARK.match(clause, phrase.end)
        if mark and mark.end() > phrase.end and verb and mark.end() <= verb.start():
            return clause[phrase.start:mark.end()]
    return ""


def _when_of_earlier(owner: str | None, task: str, earlier: list[RawItem], today: date) -> RawItem | None:
    """The owner's undated task of the turn or the two before that a timed task with the same verb and
    a pronoun for its object (「我聽日十點前 send 佢」, "I'll send it by 5pm") only gives a due time."""
    if owner is None or not PRONOUN_OBJECT.search(task) or not has_time_words(task, today):
        return None
    verbs = {v.lower() for v in VERB.findall(without_times(task, today))}
    return next((item for item in reversed(earlier) if item.owner == owner and not item.agreed_due
                 and not item.shared_due and not has_time_words(item.task, today)
                 and verbs & {v.lower() for v in VERB.findall(item.task)}), None)


def _yes_then_day(answer: str, today: date) -> bool:
    """Whether an answer says yes and ends with only a day (「冇問題，但係要等我執好先，禮拜四啦。」)."""
    said = clauses(answer)
    last = re.sub(r"[啦喇吖囉呀啊]+$", "", said[-1]) if said else ""
    return len(said) > 1 and bool(YES_FIRST.match(answer)) and has_time_words(last, today) and only_time(last, today)


def _zone_only(clause: str) -> bool:
    """Whether a clause only names a time zone ("London time", 「新加坡時間」)."""
    spans = zone_spans(clause)
    rest = "".join(ch for i, ch in enumerate(clause) if not any(a <= i < b for a, b in spans))
    return bool(spans) and not rest.strip(" ，,。.")


SAID_BEFORE = 6  # clauses of the task before that may hold its limit


def _other_limit(said: list[str], clause: str, date: date) -> bool:
    """Whether a clause sets its own limit (「…前」, "by …"), or opens with its own day
    (「禮拜一做 load test」), other than the one the task before it set."""
    said = said[-SAID_BEFORE:]  # a turn of hundreds of clauses would be read again for each of them
    now, before = limit_said(clause, date), limit_said("，".join(said), date)
    if not now and _opens_with_time(clause, date):  # 「下個禮拜一講，禮拜五前準備」 stays one
        now, before = find_deadline(clause, date), find_deadline("，".join(said), date)
    elif now and not before and _acts_on_something(clause, date) and said and _acts_on_something(said[-1], date):  # 「聽日整理 refund list，禮拜五前覆客人個 email」
        day_said = find_deadline("，".join(said), date)  # a limit before it is preparing for that day (「禮拜一講，禮拜五前準備好 material」)
        before = day_said if day_said and day_said.day < now.day else None
    return bool(now and before and (now.day, now.at) != (before.day, before.at))


def _acts_on_something(clause: str, date: date) -> bool:
    """Whether a clause's verb has an object of its own (「覆客人個 email」, not 「準備」 or 「開工」)."""
    rest = without_times(clause, date)
    verb = VERB.search(rest)
    return bool(verb) and len(re.sub(r"\W|[埋晒好返咗個份張啲]", "", rest[verb.end():])) >= 2


def _opens_with_time(clause: str, date: date) -> bool:
    phrases = find_time_phrases(clause, date)
    return bool(phrases) and not re.sub(r"^(?:再|然後|跟住|之後)", "", OPENER.sub("", clause[:phrases[0].start]).strip(" ，,")).strip()


def _taken_up(reader: Reader, transcript: Transcript, line: Line, question: str) -> str | None:
    """Who says yes, in the next turn, to a yes/no question asking them (你, or by name) to do something."""
    if WH_QUESTION.search(question) or NOT_REQUEST.search(ASKS_A_FAVOUR.sub("", question)) or SELF.search(question) \
            or _group(question) or not VERB.search(question) or line.index + 1 >= len(transcript.lines):
        return None
    reply = transcript.lines[line.index + 1]
    taker = reader.speaker(reply)
    if not taker or reply.speaker == line.speaker:
        return None
    named = [n for n in reader.people.mentioned(question) if n != reader.speaker(line)]
    # the one person asked: named, or 「你」 to whoever answers when nobody is named
    asked = named == [taker] or (not named and re.search(r"你(?!哋)|\byou\b", question, re.IGNORECASE))
    said = sentences(reply.text) or [""]
    first = (clauses(said[0]) or [""])[0]
    said_yes = YES.match(said[0]) or (YES.match(first) and not REFUSAL.match(said[0])) or (YES_BY.search(said[0]) and has_time_words(said[0], transcript.date)
                                      and len(said[0]) <= 12) \
        or (has_time_words(said[0], transcript.date)  # 「十一點前。」: a due time alone says yes by then
            and DUE_ONLY.match(without_times(said[0], transcript.date).strip(" 。！!，,")))
    if not said_yes and has_time_words(reply.text, transcript.date) and (not REFUSAL.match(said[0]) or DAY_TURNED_DOWN.match(said[0])) \
            and (OFFERS_ANOTHER_TIME.search(reply.text) or OWN_DAY.search(said[-1])) and _asker_agrees(transcript, line):
        said_yes = True  # 「聽日公眾假期喎，禮拜五得唔得？」 「好啦。」: by the day offered
    # a yes followed by the task in the answerer's own words is read from those words instead
    restated = any(VERB.search(s) and SELF.search(s) for s in ["，".join(clauses(said[0])[1:]), *said[1:]])
    return taker if asked and said_yes and not NOT_YES.search(ASKS_A_FAVOUR.sub("", DAY_TURNED_DOWN.sub("", reply.text))) \
        and not restated else None


ASKS_A_FAVOUR = re.compile(r"可唔可以|得唔得(?!閒)|好唔好")  # 「阿傑，今晚可唔可以 restore…？」 asks, it is no negated verb
OWN_DAY = re.compile(r"(?:前|之前)?\s*(?:啦|吖|囉)[。！!]*$")  # 「八點趕唔切，十點前啦」: the day the answer offers


def _asker_agrees(transcript: Transcript, line: Line) -> bool:
    """Whether the asker says yes in the turn after the answer to their question (the day it offers
    stands): 「好啦。」, or a yes that says that day again (「OK，禮拜五啦。」), not another one."""
    after = transcript.lines[line.index + 2] if line.index + 2 < len(transcript.lines) else None
    if not after or after.speaker != line.speaker:
        return False
    said = clauses((sentences(after.text) or [""])[0]) or [""]
    rest = "，".join(said[1:])
    offered = find_deadline(DAY_TURNED_DOWN.sub("", transcript.lines[line.index + 1].text), transcript.date)
    return bool(YES.match(said[0])) and (not has_time_words(rest, transcript.date)
                                         or offered is not None and find_deadline(rest, transcript.date) == offered)


def _yes_after(transcript: Transcript, line: Line) -> bool:
    """Whether somebody else's next turn opens with a yes (「得。」, 「好，…」) to what this turn asks."""
    after = transcript.lines[line.index + 1] if line.index + 1 < len(transcript.lines) else None
    return bool(after and after.speaker != line.speaker and YES.match((clauses((sentences(after.text) or [""])[0]) or [""])[0]))


WHEN = re.compile(r"幾時|幾點|幾號|幾耐|(?<![A-Za-z])(?:when|what time|how long)(?![A-Za-z])", re.IGNORECASE)
_POTENTIAL = re.compile(r"得(?:到|切|及)?(?=晒|哂|掂|完|好|埋|$)")  # 「入得晒」 → 「入晒」: can-do, not the task


def _when_asked(reader: Reader, transcript: Transcript, line: Line, asked_of: bool = False) -> tuple[str, str] | None:
    """What a "when" question in the turn before asked this turn's speaker about: (the words
    before 幾時, the words after it), e.g. 「阿May，嗰三十幾張 invoice 幾時入得晒？」 →
    (「三十幾張 invoice」, 「入晒」). Asked of the speaker by name, or of nobody named."""
    if line.index == 0:
        return None
    previous = transcript.lines[line.index - 1]
    speaker = reader.speaker(line)
    if previous.speaker == line.speaker or not speaker:
        return None
    for sentence in reversed(sentences(previous.text)):
        when = WHEN.search(sentence)
        if not when:
            continue
        named = {reader.people.find_name(n) or n for n in reader.people.mentioned(sentence)} - {reader.speaker(previous)}
        if named - {speaker} or (asked_of and speaker not in named and not re.search(r"你(?!哋)", sentence)):
            return None  # ``asked_of``: the speaker asked by name or 你 (「幾時出糧？」 asks nobody to do anything)
        hit = reader.people.strip_leading(OPENER.sub("", sentence))
        text = hit[1] if hit else sentence
        before = re.sub(r"^[，,\s]*(?:你|阿?\s*)?(?:嗰|呢|那|這)?", "", text[:text.find(when.group(0))]
                        if when.group(0) in text else "").strip(" ，,")
        before = re.sub(r"\s*你(?!哋)$", "", before)  # 「份 proposal 你幾時…」
        after = _POTENTIAL.sub("", sentence[when.end():].rstrip("？? 。")).strip(" ，,")
        after = re.sub(r"(?:呀|啊|呢|嘛|喎)$", "", after)
        asker = reader.speaker(previous)
        if asker:  # 「俾到我」 in the question is the asker
            before, after = (re.sub(r"([俾畀給同](?:到|返)?)我(?!哋)", lambda m: m[1] + asker, part)
                             for part in (before, after))
        return before, after
    return None


def _due_asked(reader: Reader, transcript: Transcript, line: Line, items: list[RawItem], by_owner: bool) -> list[RawItem]:
    """The undated tasks of the last few turns that a "when" question in the turn before is about,
    which this turn answers: asked by their owner of the one who gave them (``by_owner``:
    「阿傑，你寫個 proposal。」 「幾時要？」 「下個禮拜三啦。」), or by the giver of their owner
    (「阿傑，迎新包你設計埋佢。」 「好呀。」 「幾時搞得掂？」 「禮拜五啦。」)."""
    if line.index == 0:
        return []
    question = transcript.lines[line.index - 1]
    owner, giver = (reader.speaker(question), line.speaker) if by_owner else (reader.speaker(line), question.speaker)
    if not owner or question.speaker == line.speaker or not any(
            WHEN.search(s) and QUESTION.search(s) for s in sentences(question.text)):
        return []
    since = 3 if by_owner else SINCE_ASKED
    return [i for i in items if i.owner == owner and line.index - since <= i.turn < line.index - 1
            and transcript.lines[i.turn].speaker == giver and not i.agreed_due and not i.shared_due
            and not has_time_words(i.task, transcript.date)]


INVITATION = re.compile(r"(?:有空|得閒|有時間|有興趣)\s*(?:嘅話|的話)?\s*(?:就|都)?\s*(?:可以|歡迎)|(?:if|when) you(?:'re| are)? (?:free|interested)", re.IGNORECASE)
WANTS_TREAT = re.compile(r"想\s*(?:飲|食|要|嘆|試)|(?<![A-Za-z])wants?\s+(?:a\s+|some\s+)?(?:coffee|tea|drink|lunch|food)", re.IGNORECASE)
SINCE_ASKED = 4  # turns between a task given and 「幾時搞得掂？」 about it


def _previous_need(transcript: Transcript, line: Line) -> tuple[Line, str] | None:
    """For a bare 「我嚟搞」: the request or question it answers, in the turns before, and its turn."""
    for previous in reversed(transcript.lines[max(0, line.index - 2):line.index]):
        said = sentences(previous.text)
        for sentence in reversed(said):
            if WHO_WILL.search(sentence):  # 「邊個食咗飯？」 asks about the past, 「有冇人想飲咖啡？」 what people like
                return None if DONE.search(sentence) or WANTS_TREAT.search(sentence) \
                    else (previous, WHO_WILL.sub("", sentence).rstrip("？?"))
            asked = next((s for s in said[:said.index(sentence)] if WHO_WILL.search(s) and not DONE.search(s)
                          and not leans_on_context(WHO_WILL.sub("", s))), None)
            if asked and has_time_words(sentence, transcript.date):
                return previous, WHO_WILL.sub("", asked).rstrip("？?")  # 「…邊個跟一跟？要禮拜五之前出。」: the work asked
            if NEED.search(sentence) and VERB.search(sentence):
                return previous, sentence
    return None


def _for_asker(reader: Reader, asked: Line, need: str) -> str:
    """The work asked for with the asker named for 我 (「幫我影印圖則」 → 「幫 Kelvin 影印圖則」)."""
    asker = reader.speaker(asked)
    return re.sub(r"(?<=[幫俾畀給])\s*(?:下|吓|手)?\s*我(?!哋)", asker, need) if asker else need


def _due_said_after(line: Line, need: str, transcript: Transcript) -> str:
    """The sentence after a need in its turn when it only says when (「份 press release 邊個跟？要禮拜五之前出。」)."""
    said = sentences(line.text)
    at = next((i for i, s in enumerate(said) if need in s or need in WHO_WILL.sub("", s)), len(said))
    return next((s for s in said[at + 1:] if has_time_words(s, transcript.date)), "")


def _self_named(clause: str, speaker: str | None) -> tuple[str, str] | None:
    """(the speaker, the rest) for a clause that names the speaker as the doer: 「我打。」, 「好，我 book 啦」."""
    said = OPENER.sub("", clause.strip())
    me = re.match(r"^我(?!哋)", said)
    return (speaker, said[me.end():]) if me and speaker and SELF_DOER.match(said[me.end():]) else None


def _doer_named(reader: Reader, transcript: Transcript, line: Line, said: list[str]) -> RawItem | None:
    """The work asked for in the turns before (「邊個打電話俾保險公司？」), given to the person a clause
    names to do it (「我今日好忙，阿傑打就得。」); its other clauses say nothing to do (a reason)."""
    named = [(c, reader.people.strip_leading(c.strip())) for c in said]
    doers = [(c, n) for c, n in named if n and NAMES_DOER.match(without_times(n[1], transcript.date))]
    doers += [(c, me) for c in said if not BARE_COMMIT.match(c)  # 「我跟啦」 is read as a bare commitment
              for me in [_self_named(c, reader.speaker(line))] if me and (VERB.match(me[1].strip()) or len(said) == 1)]
    if len(doers) != 1 or any(VERB.search(c) for c in said if c != doers[0][0]):  # 「我順路，我拎啦」: why, then who
        return None
    need = _previous_need(transcript, line)
    if not need or not WHO_WILL.search(need[0].text):
        return None  # evidence: the turn that said the work (this one may give a reason with a day, 「我今日好忙」)
    due = "，".join([doers[0][0], *(c for c in said if c != doers[0][0] and only_time(c, transcript.date))])
    return RawItem(turn=need[0].index, owner=doers[0][1][0], task=_for_asker(reader, *need), agreed_due=due,
                   shared_due=_due_said_after(need[0], need[1], transcript))


CORRECTS_TIME = re.compile(r"^(?:唔好意思|sorry|啊|哦|呃)?[，,\s]*(?:(?:唔係|我?講錯|更正)(?:[，,\s]*我?(?:講錯|唔係))*[，,\s]*(?:係|應該係)?"
                           r"|應該係)", re.IGNORECASE)  # 「唔係，…今晚八點前要」, 「Sorry，應該係禮拜四」
DUE_MOVED = re.compile(r"(?:改為|改到|改去|改喺|改做|改成|延到|延遲到|延期到|延至|押後到|推遲到|推到|提前到|提早到|拖到)\s*$"
                       r"|^(?:咁|就|不如|那|噉)*\s*(?:改|提早|提前|押後)(?:咗|做|成)?\s*$"  # 「咁改禮拜三」
                       r"|^(?:(?:好|OK|ok|得|可以|冇問題)(?:啦|喇)?[，,\s]*)?(?:咁|噉)\s*就?\s*$"  # 「好，咁就下個禮拜二」: the day settled on
                       r"|^(?:其實)?\s*(?:唔使(?:咁)?(?:趕|急)|唔急|冇咁急|唔駛(?:咁)?(?:趕|急)|慢慢嚟)(?:喎|啦)?[，,\s]*(?:其實)?\s*$")  # 「唔使咁趕，聽日中午前得喇」


def _without_names(text: str, people: OwnerResolver) -> str:
    """text without the attendees' names said in it."""
    for _, start, end in reversed(people.spans(text)):
        text = text[:start] + text[end:]
    return text


def _moved(sentence: str, recent: list[RawItem], transcript: Transcript, line: Line,
           earlier: list[RawItem] = ()) -> list[RawItem]:
    """The items a sentence gives another day (「份報價改為禮拜五交」, 「延到下個禮拜二先交」, or the one
    who gave them correcting it, 「唔係，budget sheet 今晚八點前要」): the ones it names by their words,
    or the last one when it names none; nobody else is named. Addressing the owner by name
    (「咁阿峰你下個禮拜五先 order 啦」) reaches back to ``earlier`` items a few turns before."""
    sentence = DAY_TURNED_DOWN.sub("", sentence)  # 「禮拜一唔得，改做禮拜四啦」: the day asked for is not the new one
    phrases = find_time_phrases(sentence, transcript.date) or find_clocks(sentence)
    people = resolver_for(transcript.people)
    if asks(sentence) and not _yes_after(transcript, line):
        return []  # 「可唔可以改做下個禮拜一？」 「唔得，…」: asked, not agreed
    corrects = CORRECTS_TIME.match(sentence)
    if corrects:  # only the giver corrects: the items said in their own turns
        recent = [i for i in recent if people.find_name(transcript.lines[i.turn].speaker) == people.find_name(line.speaker)]
    named_owner = {people.find_name(n) for n in people.mentioned(sentence)}
    if named_owner and len(named_owner) == 1 and named_owner <= {i.owner for i in recent}:
        recent = [i for i in recent if i.owner in named_owner]  # 「Ivy，改做八點前啦」: Ivy's task moves
        sentence = re.sub(r"^[\s，,]+|[\s，,]+(?=[。！!]?$)", "", _without_names(sentence, people))
        phrases = find_time_phrases(sentence, transcript.date) or find_clocks(sentence)
    later = ONLY_THEN.match(sentence, phrases[0].end) if phrases and named_owner else None
    again = [i for i in earlier if later and i.owner in named_owner and line.index - i.turn <= NAMED_TURNS
             and later["verb"].casefold() in i.task.casefold()]
    if again and not people.mentioned(_without_names(sentence, people)):  # 「咁阿峰你遲啲，下個禮拜五先 order 啦」: the same work, only then
        return again
    if not recent or not phrases or not (DUE_MOVED.search(sentence[:phrases[0].start]) or corrects) \
            or people.mentioned(sentence) or dates_a_thing(sentence, phrases[0].start, phrases[0].end) \
            and not DUE_MOVED.search(sentence[:phrases[0].start]):  # 「改做下個禮拜四」 moves it; 「下個禮拜嘅報告」 names one
        return []
    named = [i for i in recent if shared_grams(without_times(i.task, transcript.date), without_times(sentence, transcript.date))]
    before = CORRECTS_TIME.sub("", sentence[:phrases[0].start])
    said = BARE.sub("", without_times(VERB.sub("", DUE_MOVED.sub("", before)), transcript.date))
    last = clauses(before)[-1:] if len(clauses(before)) > 1 else []
    bare_move = last and DUE_MOVED.search(last[0]) and not BARE.sub("", DUE_MOVED.sub("", last[0])) \
        or corrects and re.search(r"[，,]\s*$", sentence[:phrases[0].start])  # 「唔係，稅局延期咗，月尾先交都得」
    # 「唔好意思，客要提早，改做下個禮拜二」: a reason, then only the move
    return named or ([recent[-1]] if len(said) <= 2 or bare_move else [])


DAY_TURNED_DOWN = re.compile(r"^[^，,。]{1,12}?(?:唔得|太遲|太早|唔啱|唔方便|not ok|too late)[喎呀啊囉]?\s*[，,]\s*(?=\S)", re.IGNORECASE)
THAT_TASK = re.compile(r"^(?:[^，,。]{0,6}[，,]\s*)?(?P<topic>[^，,。]{1,12}?)\s*(?:嗰|呢)\s*(?:part|樣|部分|部份|份)", re.IGNORECASE)


def _delayed(sentence: str, recent: list[RawItem], transcript: Transcript, line: Line) -> list[tuple[RawItem, date]]:
    """(item, its new day) for the tasks the speaker gave that a sentence moves by so long (「遲一個禮拜都得」):
    the ones it names by their words, else the last one."""
    if not DELAY.search(sentence) or asks(sentence):
        return []
    people = resolver_for(transcript.people)
    mine = [i for i in recent if not i.group and people.find_name(transcript.lines[i.turn].speaker) == people.find_name(line.speaker)]
    named = [i for i in mine if shared_grams(without_times(i.task, transcript.date), without_times(sentence, transcript.date))]
    out = []
    for item in named or mine[-1:]:
        due = next((d for d in (find_deadline(t, transcript.date) for t in (item.agreed_due, item.shared_due, item.task) if t) if d), None)
        day = shifted(due.day, sentence) if due else None
        if day:
            out.append((item, day))
    return out


def _and_then(sentence: str) -> str:
    """Two pieces of work joined by 同埋 in one clause parted (「出份報表同埋發 reminder」 → 「出份報表，同埋發 reminder」),
    when a verb comes before it as well; 「報表同埋 reminder」 names two things of one task."""
    def part(m: re.Match[str]) -> str:
        before = re.split(r"[，,。]", sentence[:m.start()])[-1]
        return "，同埋" if VERB.search(before) else m.group(0)
    return re.sub(rf"(?<=\S)\s*同埋\s*(?=(?:{VERB_WORD}))", part, sentence, flags=re.IGNORECASE)


def _needed(asked: str) -> str:
    """A thing asked about then its verb (「份租約聽日交到嗎？」 → 「份租約聽日交」) read as what is needed
    (「份租約聽日要交」), so the task is written verb first like any other (「交租約」)."""
    return re.sub(rf"(?<=[\u3400-\u9fffA-Za-z0-9\s])(?=(?:{VERB_WORD})$)", "要", asked, count=1) \
        if not VERB.match(asked.strip()) and not re.search(r"要\s*(?:" + VERB_WORD + r")$", asked) else asked


def _chosen(reader: Reader, sentence: str, line: Line, items: list[RawItem]) -> list[RawItem]:
    """The other volunteers' items when the one who asked picks one of several (「Sam 你搞啦」)."""
    named = reader.people.strip_leading(OPENER.sub("", sentence).strip())
    if not named or not BARE_HANDOVER.fullmatch("咁" + re.sub(r"[\s，,。！!]", "", named[1])):  # 「Sam 你搞啦」
        return []
    asked_here = [i for i in items if 0 < line.index - i.turn <= 3 and i.owner not in (UNKNOWN, "")
                  and reader.transcript.lines[i.turn].speaker == line.speaker]
    task = next((i.task for i in asked_here if i.owner == named[0]), None)
    same = [i for i in asked_here if i.task == task]
    return [i for i in same if i.owner != named[0]] if len({i.owner for i in same}) > 1 else []


def _about(said: str, task: str) -> bool:
    """Whether words about one task of several (「備份嗰樣…」) are about this one; words naming none are about all."""
    named = THAT_TASK.match(OPENER.sub("", said).strip())
    return not named or bool(shared_grams(named["topic"], task))


NAMED_TURNS = 4  # how far back addressing a task's owner by name reaches
ONLY_THEN = re.compile(rf"\s*(?:之前|前)?\s*(?:至|先|才)\s*(?P<verb>{VERB_WORD})", re.IGNORECASE)
# 「佢哋話今晚會 send」, 「IT 話清明之後先有人上嚟換」, 「Singapore 嗰邊話 stowage plan 要改」: what others said
HEARSAY = re.compile(r"(?:佢哋|佢|[^，,。\s我你]{1,12}?)(?:" + SAID + r"(?!俾|畀|給|返俾|\S{0,6}知)"
                     r"|\s*(?:嗰邊|那邊)?\s*(?:仲|都|亦)?\s*(?:想|要求|希望)\s*(?=我哋|我們))",  # 「audit 嗰邊仲想我哋搞…」: their wish, told
                     re.IGNORECASE)
TOLD_TO = re.compile(r"^.*?叫\s*佢(?!哋)\s*")
TOLD_BY_NAME = re.compile(r"^(?:我|我哋)?\s*(?:會|等陣|而家|即刻)?\s*(?:叫|請)\s*")
# a proposal that names nobody to do it (「我建議…」, 「不如…」) asks nothing of anyone yet
PROPOSES = re.compile(r"^(?:(?:咁|所以|其實)\s*)?(?:我|我哋)?(?:會|想)?\s*(?:建議|提議|suggest|propose)|^(?:咁|所以)?\s*不如|"
                      r"^(?:想提一提|想提吓|提一提)?[，,\s]*(?:[^，,\s]{1,6}?[，,\s]*){0,2}(?:我|我哋)\s*(?:都)?想(?!問|知|請|叫|你|佢)")
PERSON = re.compile(r"我|你|佢|大家|各位|(?<![A-Za-z])(?:I|you|we)(?![A-Za-z])")


def extract_rules(transcript: Transcript, lines: tuple[Line, ...] | None = None) -> RawExtraction:
    """Candidate items and decisions in lines (default: the whole transcript)."""
    reader = Reader(transcript)
    items: list[RawItem] = []
    decisions: list[RawDecision] = []
    offers: list[tuple[RawItem, str, str, int]] = []  # (item, its owner before, who offered to take it, turn)
    for line in lines if lines is not None else transcript.lines:
        said_before: list[RawItem] = []  # the items of the sentence before, in this turn
        in_turn: list[RawItem] = []  # …and of all the turn's sentences so far
        previous = ""
        answered = False  # whether a "when" question before has had its answer in this turn
        agenda = False  # the turn has listed the meeting's topics
        spoken = [reader.without_called_back(part, line) for sentence in sentences(line.text)
                  for part in reader.closed_apart(sentence)]
        so_far = [said.text for said in transcript.lines[max(0, line.index - EVENT_TURNS):line.index]]
        for raw_sentence in corrections_apart(spoken, transcript.date):
            earlier = [said.text for said in transcript.lines[max(0, line.index - 2):line.index]]
            punctuated = before_event(condition_apart(reader.punctuate(_and_then(raw_sentence)), reader.people, transcript.date),
                                      so_far + [line.text], transcript.date)
            sentence, tagged = _strip_tag(time_corrected(time_referred(
                _wanted_of(_reported_commitment(_vocative_first(_thanks_apart(punctuated, reader), reader), reader), reader),
                earlier, transcript.date), transcript.date))
            if HYPOTHETICAL.match(sentence):  # 「如果我係你，我會聽日即刻 call 個客」: advice, nobody's task
                continue
            if AGENDA.search(sentence) or (agenda and ORDINAL.match(sentence) or TOPICS_TODAY.search(sentence)) \
                    and not reader.people.mentioned(sentence) and not re.search(r"你(?!哋)", sentence):
                agenda = True
                continue
            tagged = tagged or bool(POLITE_REQUEST.search(sentence) and QUESTION.search(sentence)) \
                or bool((ASKED_FOR.search(sentence) or CALLED_THEN_ASKED.match(OPENER.sub("", sentence)))
                        and reader.people.strip_leading(OPENER.sub("", sentence)))
            # "could you …?", 「Ricky，啲相可唔可以 share 俾我？」
            due_part = _without_urging(sentence)
            if has_time_words(due_part, transcript.date) \
                    and DUE_ONLY.match(re.sub(PART_OF_DAY_WORDS, "", without_times(due_part, transcript.date)).strip(" 。！!，,")):
                # 「整好份報價，同埋 book 埋會議室。兩樣都禮拜五前搞掂。」: the due time of the tasks before
                targets = in_turn if ALL_OF_THEM.match(sentence) else said_before
                if ALL_OF_THEM.match(sentence) and not in_turn:  # 「Ken 整時間表，Tom 聯絡客戶。」 … 「全部禮拜三前搞掂。」
                    targets = [i for i in items if 0 < line.index - i.turn <= NAMED_TURNS and not i.group
                               and not i.agreed_due and transcript.lines[i.turn].speaker == line.speaker]
                for item in targets:
                    if not has_time_words(item.task, transcript.date):
                        item.shared_due = item.shared_due or sentence
                told = _due_asked(reader, transcript, line, items, by_owner=False) if not previous else []
                asked = _when_asked(reader, transcript, line, asked_of=True) if not previous and not told else None
                if asked and (VERB.search(asked[1]) or re.search(r"俾|畀|給", asked[1])) \
                        and not _when_suits(asked[1]):  # 「份 proposal 幾時俾到我？」 「禮拜五。」
                    before, after = asked
                    task = f"{after}{before}" if len(after) <= 3 else "，".join(p for p in (before, after) if p)
                    items.append(RawItem(turn=line.index, owner=reader.speaker(line) or UNKNOWN, task=task,
                                         agreed_due=sentence))
                    in_turn.append(items[-1])
                    previous, answered = sentence, True
                    continue
                waiting = (told or _due_asked(reader, transcript, line, items, by_owner=True)) if not previous else []
                for item in waiting:  # 「阿傑，你寫個 proposal。」 「幾時要？」 「下個禮拜三啦。」
                    item.agreed_due = sentence
                if targets or not previous or waiting:
                    continue
                sentence = f"{previous.rstrip('。.！!')}，{sentence}"  # 「大家記得填 timesheet。禮拜五前。」
            recent = [i for i in items if line.index - 2 <= i.turn < line.index and not i.group]  # 「我聽日放假。」 between
            last = said_before or [i for i in recent if i.turn == max(r.turn for r in recent)]
            corrected, due = correction_of_who(sentence, transcript.date)
            taker = (reader.speaker(line) if corrected["who"] == "我" else reader.people.find_name(corrected["who"])) \
                if corrected else None  # 「唔係喎，份 budget 係我跟㗎」: the speaker's
            if taker and last:  # 「Ivy，你聽日交份報價。唔係，係阿傑交。」, the owner's 「唔係我呀，係阿傑負責。」
                for item in corrected_items(last, corrected["verb"]):
                    item.owner, item.group, item.declined = taker, False, False
                    item.shared_due = due or item.shared_due  # 「唔係，Ivy 你寫，月尾前發出」
                continue
            back = TAKEN_BACK.match(sentence)
            mine = [i for i in last if i.owner not in (reader.speaker(line), None)  # the asker's own words, this turn or the one before
                    and reader.speaker(transcript.lines[i.turn]) == reader.speaker(line) and line.index - i.turn <= 2]
            if back and mine:  # 「Ken 你聽日覆傳媒……唔係，我自己覆」: the asker's own, or nobody's yet
                for item in corrected_items(mine, None):
                    item.owner = reader.speaker(line) or UNKNOWN if back["me"].startswith("我") else UNKNOWN
                continue
            refused = [(item, before) for item, before, volunteer, at in offers
                       if line.index - at <= 2 and reader.speaker(line) != volunteer and reader.turns_away(sentence, volunteer)]
            chosen = _chosen(reader, sentence, line, items)
            if chosen:  # 「邊個得閒跟？」 「我得閒。」 「我都得。」 「Sam 你搞啦。」: the others' offers are not taken
                items[:] = [i for i in items if all(i is not other for other in chosen)]
                continue
            volunteered = [i for i in items if line.index - 2 <= i.turn < line.index and not i.group  # 「邊個跟？」 「我搞。」
                           and i.owner == reader.speaker(transcript.lines[i.turn]) != reader.speaker(line)
                           and all(o[0] is not i for o in offers) and reader.turns_away(sentence, i.owner)]
            if volunteered and ALREADY.search(sentence):  # 「我聽日會 email 份 statement。」 「唔使喇，我今朝已經 send 咗。」
                items[:] = [i for i in items if all(i is not v for v in volunteered)]
                continue
            refused += [(item, UNKNOWN) for item in volunteered]
            if refused:  # 「Mandy，你寫好通訊。」 「我嚟啦。」 「唔使喇 Tom，Mandy 搞得掂。」: the offer is turned down
                for item, before in refused:
                    item.owner, item.declined = before, before == UNKNOWN  # nobody's, unless another is named next
                offers = [o for o in offers if all(o[0] is not item for item, _ in refused)]
                kept = {before for _, before in refused}
                named = [i for i, part in enumerate(clauses(sentence)) if i and reader.names_another(part, kept)]
                if not named:
                    continue
                # 「唔好喇 Tom，你太忙，Sam 你搞」: somebody else is named, as after 「咁」
                sentence = "咁" + re.sub(r"^(?:咁|噉)\s*", "", "，".join(clauses(sentence)[named[0]:]))
            taker = reader.handed_on(sentence, line) \
                or reader.takes_over(sentence, line, any(i.turn == line.index - 1 for i in last))
            turned_back = [i for i in items if i.declined and line.index - SINCE_DECLINED <= i.turn < line.index]
            if taker and (turned_back or last):  # 「Ivy，你聽日交份報價。」 「改由 Ken 跟。」: the task just given moves
                moving = turned_back or corrected_items(last, None)
                part = TAKEN_PART.match(OPENER.sub("", (clauses(sentence) or [""])[0]).strip())
                moving = [i for i in moving if shared_grams(part["topic"], i.task)] if part else moving
                offers += [(item, item.owner, taker, line.index) for item in moving if item.owner not in (UNKNOWN, taker)]
                for item in moving:  # …or the one its owner asked to give away
                    before = reader.people.strip_leading(item.task)
                    if before and before[0] == item.owner:  # 「阿強跟 logo 嘅 design」 is Ivy's now: not 阿強
                        item.task = before[1].strip(" ，,")
                    item.owner, item.group, item.declined = taker, False, False
                continue
            again = reader.reoffers(sentence, line, recent + [i for i in turned_back if i not in recent])
            if again:
                for item in again:
                    item.declined = False
                    item.agreed_due = sentence if has_time_words(sentence, transcript.date) else item.agreed_due
                continue
            stand_in = reader.stands_in(sentence, line, recent + [  # 「咁……欣欣你得唔得？」 「我可以試吓」 「好，Heidi 你做」
                i for i in items if i.declined and i not in recent and line.index - SINCE_DECLINED <= i.turn < line.index])
            if stand_in:  # 「我聽日唔得閒喎。」 「咁 Ken 你去啦。」: and a day said with it stands
                taker, declined = stand_in
                for item in declined:
                    item.owner, item.declined = taker, False
                    item.agreed_due = sentence if has_time_words(sentence, transcript.date) else item.agreed_due
                continue
            again = time_said_again(sentence, transcript.date)
            if again and last:  # 「Ken 你禮拜三前交份報價。」 「唔係，禮拜四。」
                for item in last:
                    item.agreed_due = again
                continue
            delayed = _delayed(sentence, said_before + recent, transcript, line)
            if delayed:  # 「部手提遲一個禮拜都得」: the day it had, moved by so long
                for item, day in delayed:
                    item.agreed_due = day.isoformat()
                continue
            moved = _moved(sentence, said_before + recent, transcript, line, items) \
                if not tagged or _yes_after(transcript, line) else []  # 「改做下個禮拜一得唔得？」 「唔得。」: asked, not agreed
            if moved:  # 「Ken 你聽日交份報價。」 「份報價改為禮拜五交。」: the later day stands
                for item in moved:
                    item.agreed_due = CORRECTS_TIME.sub("", sentence, count=1)  # 「…講錯，係下個禮拜五」: the day, not 「係…」
                    item.declined = False  # 「禮拜五我放假喎。」 「咁禮拜四啦。」: another day, the task stays theirs
                continue
            turned_down = [i for i in recent if i.turn == line.index - 1 and i.owner == reader.speaker(line)] \
                or [i for i in items if line.index - SINCE_DECLINED <= i.turn < line.index and i.owner == reader.speaker(line)
                    and (shared_grams(i.task, sentence) >= 2 or GIVE_AWAY.search(sentence))]
            # 「梁Sir，圖書館嗰份 proposal，…可唔可以搵第二個同事跟？」: a task given a while ago, named
            done = [i for i in turned_down if done_already(sentence, i.task, transcript.date)]
            if done:  # 「Yoyo 你即刻打俾 Ricoh」 「我頭先已經打咗」: nothing left to do
                items[:] = [i for i in items if i not in done]
                recent = [i for i in recent if i not in done]
                continue
            if turned_down and turns_down(raw_sentence, reader.people, transcript.date):  # 「後日我要出差喎」: no task of its own
                for item in turned_down:
                    item.declined = True
                continue
            said_before, previous = [], sentence
            decided, only = decided_in(reader, line, sentence, raw_sentence)
            decisions += decided
            if only:
                continue
            if asks(sentence) and not tagged and not POLITE_REQUEST.search(sentence):
                taker = _taken_up(reader, transcript, line, sentence)
                if taker:
                    asked = PROMPTED.sub("", sentence.rstrip("？? "))
                    task = _items_in(reader.read(asked, line), transcript.date)
                    reply = transcript.lines[line.index + 1].text  # 「聽日公眾假期喎，禮拜五得唔得？」: the day offered last
                    offered = [c for c in clauses(reply) if has_time_words(c, transcript.date)][-1:]
                    kept = insisted_time(transcript, line)  # 「唔得，聽日一定要。」 「好啦。」: the asker's day
                    if kept and find_deadline(kept, transcript.date) and _yes_after(transcript, transcript.lines[line.index + 2]):
                        offered = [kept]
                    items += [RawItem(turn=line.index, owner=taker, task=_needed(t), agreed_due="".join(offered))
                              for owner, t in task[:1] if owner != reader.speaker(line)]
                continue
            said = clauses(sentence)
            doer = _doer_named(reader, transcript, line, said)
            if doer:
                items.append(doer)
                continue
            timed = [c for c in said if not BARE_COMMIT.match(c) and (only_time(c, transcript.date) or has_time_words(c, transcript.date)
                     and DUE_ONLY.match(without_times(c, transcript.date).strip(" 。！!，,")))]  # 「禮拜二前搞掂」
            if any(BARE_COMMIT.match(c) for c in said) and all(BARE_COMMIT.match(c) or c in timed or YES.match(c) for c in said):
                need = _previous_need(transcript, line)  # 「我得，我嚟啦。」, 「我嚟啦，禮拜五前。」
                yes_first = not all(BARE_COMMIT.match(c) or c in timed for c in said)  # 「OK，我搞。」 answers who, not a handover
                if need and (not yes_first or WHO_WILL.search(need[0].text)):
                    items[:] = [i for i in items if not (i.turn == need[0].index and (i.group or i.owner in ("", UNKNOWN))
                                                         and shared_grams(i.task, need[1]))]  # 「要有人…」: nobody's no more
                    items.append(RawItem(turn=line.index, owner=reader.speaker(line) or UNKNOWN, task=_for_asker(reader, *need),
                                         shared_due=_due_said_after(need[0], need[1], transcript),
                                         agreed_due="，".join(timed)))
                continue
            if RECURRING.search(sentence) and re.search(r"建議|不如|我想|我哋想", sentence):
                continue  # 「我建議由下個月開始每個月尾點一次」: a standing rule proposed, no one-off task
            called = reader.people.strip_leading(sentence)  # 「黃太，我想 suggest…」: said to someone, asking nobody
            body = called[1].lstrip(" ，,") if called else sentence
            proposed = PROPOSES.match(body)
            if proposed and not reader.people.mentioned(body) and not PERSON.search(body, proposed.end()):
                continue  # 「我建議設返個門檻，五千蚊以下直接入下個月」: nobody is asked; agreed, it is a decision
            found = _items_in(reader.read(sentence, line), transcript.date)
            me = reader.speaker(line)
            if any(owner != me and TO_ME.search(task) for owner, task in found):  # 「…俾我，我週末會睇」: the giver reads it
                found = [(owner, task) for owner, task in found if owner != me or not REVIEWS.search(task)
                         and has_time_words(task, transcript.date)]  # 「…俾我，我要對數」: what for, unless it has its own day
            asked_help = line.text[:max(line.text.find(sentence), 0)]
            if WHO_WILL.search(asked_help) and re.search(r"幫(?:下|吓|手)?\s*我(?!哋)", asked_help):
                found = [(owner, task) for owner, task in found if owner != me]  # 「邊個可以幫我影印？我聽朝要帶去地盤。」: why
            if cannot(sentence, reader) and not OFFERS_ANOTHER_TIME.search(sentence):  # 「我禮拜五要去深圳，做唔切」: why not
                found = [(owner, task) for owner, task in found if owner != reader.speaker(line)]
            # one owner's tasks said together share a due time said after them all (「…，同埋 B，兩日內搞掂」)
            last = clauses(found[-1][1])[-1] if found else ""
            bare = re.sub(r"^(?:之前|以前|前|之內|以內|內)\s*", "",  # 「Joyce send A，Mandy send B，元旦前 send 晒」: both
                          without_times(last, transcript.date).strip(" ，,。"))
            only_due = (not VERB.search(bare) or ALL_DONE.fullmatch(bare) or EACH_DONE.fullmatch(bare) or HAND_IN.fullmatch(bare)) \
                and reader.speaker(line) not in {owner for owner, _ in found}  # 「Ken 負責 A，Peter 負責 B，禮拜五前」: both
            shared = last if len(found) > 1 and (len({owner for owner, _ in found}) == 1 or only_due) \
                and has_time_words(last, transcript.date) and (DUE_AFTER.search(last) or ALL_DONE.fullmatch(bare)
                                                               or EACH_DONE.fullmatch(bare) or HAND_IN.fullmatch(bare)) else ""
            if shared and only_due and len(clauses(found[-1][1])) > 1:  # 「…，Mandy 執好資料，兩樣都要禮拜五前交」: not Mandy's work
                found[-1] = (found[-1][0], found[-1][1][:found[-1][1].rindex(shared)].rstrip(" ，,"))
            asked = _when_asked(reader, transcript, line) \
                if not answered and found and has_time_words(sentence, transcript.date) else None
            for i, (owner, task) in enumerate(found):
                task = _head_restored(task, [t for _, t in found[:i]] + [item.task for item in in_turn])
                again = _when_of_earlier(owner, task, [i for i in items if line.index - 2 <= i.turn < line.index] + in_turn,
                                         transcript.date)
                if again:  # "I will send you the store list. I'll send it before 10am tomorrow.", "Sure, I'll send it by Friday."
                    again.agreed_due = task
                    continue
                if asked and owner == reader.speaker(line):  # 「嗰啲 invoice 幾時入得晒？」 「我聽日入晒 system」
                    task = with_when_answer(task, *asked, transcript.date)
                    asked, answered = None, True
                answer = the_answer(reader, transcript, line, owner) if tagged else ""
                # 「…得唔得？」 「唔得，…」: nobody's and flagged, unless somebody takes it over
                refused = bool(REFUSAL.match(answer)) and turns_down(answer, reader.people, transcript.date)
                yes_by = (YES_BY.search(answer) or _yes_then_day(answer, transcript.date)) \
                    and has_time_words(answer, transcript.date) and not (COUNTER_OFFER.search(answer) and insisted(transcript, line))
                insisting = insisted_time(transcript, line)  # 「唔得，…最遲星期一中午十二點」: the asker's time, said again
                insisting = insisting if insisting and (limit_said(insisting, transcript.date) or re.search(r"一定要|最遲", insisting)
                                                        and find_deadline(insisting, transcript.date)) else ""
                countered = counter_accepted(reader, transcript, line, owner)
                countered = countered if _about(countered, task) else ""  # 「備份嗰樣改做下個禮拜三得唔得？」: that task only
                agreed = insisting or countered or (answer if yes_by else "") \
                    or timed_after(reader, transcript, line, task) or asked_before(transcript, line, task) \
                    or accepted_with_time(reader, transcript, line, task, owner)
                # 「你聽日約家長見面，順便將嗰幾份改好」: what is done on the same occasion shares its day
                carried = "" if shared or has_time_words(task, transcript.date) or not re.match(r"順便|順手", task) else \
                    next((t for o, t in reversed(found[:i]) if o == owner and has_time_words(t, transcript.date)), "")
                if owner is None and INVITATION.search(task):
                    continue  # 「大家有空可以嚟睇吓」: welcome to, not asked to
                items.append(RawItem(turn=line.index, owner=owner or "", task=task, group=owner is None,
                                     shared_due=shared or carried, agreed_due="" if refused else agreed, declined=refused))
                said_before.append(items[-1])
                in_turn.append(items[-1])
    return RawExtraction(action_items=items, decisions=decisions)


# 「你準備 K3 嘅評估報告；Miss Cheng，你負責 K2 嘅」: the second names only whose, the thing is the first's
ELIDED_HEAD = re.compile(r"^(?P<verb>(?:你|佢|我)?\s*(?:" + VERB_WORD + r")?)\s*(?P<whose>[^\s，,。嘅]{1,12}?)\s*嘅(?:呢|啦|吖|喇)?$",
                         re.IGNORECASE)


def _head_restored(task: str, earlier: list[str]) -> str:
    """A task that ends in 「X 嘅」 completed with the thing the latest earlier task of the turn names
    after its 「嘅」, with its verb when the second's says only who does it (「負責 K2 嘅」 after 「準備 K3 嘅評估報告」:
    「準備 K2 嘅評估報告」); other tasks as they are."""
    elided = ELIDED_HEAD.match(task.strip())
    if not elided:
        return task
    for before in reversed(earlier):
        head = before.rsplit("嘅", 1)[1].strip() if "嘅" in before else ""
        if head and not clauses(head)[1:]:
            verb = elided["verb"]
            if not verb.strip(" 你佢我") or GENERIC_WORK.fullmatch(verb.strip(" 你佢我")):  # 「負責 K2 嘅」: the first's verb
                said = re.sub(r"^(?:你|佢|我)\s*", "", before.rsplit("嘅", 1)[0]).strip()
                verbs = [said[:k] for k in range(1, len(said)) if VERB.fullmatch(said[:k].strip())]  # the longest: 整理, not 整
                verb = f"{verb}{verbs[-1].strip()}" if verbs else verb
            gap = " " if re.search(r"[A-Za-z0-9]$", verb) or re.match(r"[A-Za-z0-9]", elided["whose"]) else ""
            whose = elided["whose"] + (" " if re.search(r"[A-Za-z0-9]$", elided["whose"]) else "")
            return f"{verb.rstrip()}{gap}{whose}嘅{head}"
    return task
