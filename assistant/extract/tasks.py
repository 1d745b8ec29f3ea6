"""The task of an action item as a standalone phrase: 「裝埋佢」 → 「裝埋四樓餘下兩部 access point」.

clean_task drops what the table has elsewhere (owner, due time) and what carries no task
(vocatives, 我會/你要, fillers, particles, tag questions). standalone resolves an object
pronoun (佢, 呢個, 嗰樣 …) against the topic said just before: the earlier clauses of the same
turn, else the latest statement of the two turns before.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from datetime import date

from assistant.extract.clock import PART_OF_DAY_WORDS, find_clocks, zone_spans
from assistant.extract.dates import FEST, find_time_phrases
from assistant.extract.deadlines import RECEIVED, THAT_IS, RANGE, dates_a_thing, has_time_words, without_times
from assistant.extract.owners import COMMON_TITLES, OwnerResolver, Person, resolver_for
from assistant.extract.text import clauses, normalise, sentences, shared_grams, word_count
from assistant.extract.transcript import Transcript

# verbs of work, English as said in Hong Kong meetings
VERBS = (
    r"跟進|跟|負責|處理|搞掂|搞定|搞|安排|統籌|協調|(?<!翻)譯(?=好|埋|晒|做|成|咗|返|\s*(?:份|個|篇|啲|中|英))|arrange|coordinate|去一去|(?:去|走|行)一轉|標(?=\s*(?:好|晒|返|埋)?\s*(?:價|籤))|準備|交|出(?!發|差)|寫|整理|整|做|搵|找|聯絡|(?<!收到|接到)通知|打俾|打畀|send|check|update|"
    r"follow|book|訂|買|改|更新|(?<!出)發|寄|(?<![合契條])約|問|覆|回覆|回應|confirm|確認|submit|提交|review|測試|test|fix|修|上載|upload|"
    r"(?<![手以晚早馬])上(?!次|年|晝|午|週|周|禮拜|星期|個(?:月|禮拜|星期|週|季)|面|半)|報(?!道|紙|刊|章)|核對|派|收集|收齊|統計|預備|草擬|(?<!模)擬|簽|申請|申報|release|deploy|set|schedule|prepare|draft|contact|"
    r"call|email|whatsapp|approve|批|講|話俾|話畀|話[^，,。]{0,8}?知(?!道)|跑|放(?!(?:完|咗)?\s*(?:大|產|侍產|病|年|婚|事|聖誕|新年|暑|寒)?假)|睇|執|填|影印(?!機(?!票))|列|登記|預訂|報價|清(?!楚)|解釋|交代|追|貼|張貼|排|"
    r"hold|完成|過目|finalise|finalize|攞|拎|拿|請|招|開|召開|刪|剪|blur|(?<!打)印(?!表?機(?!票))|(?<!到)落(?!雨)|搬|裝|換|加|減|delete|remove|install|"
    r"share|brief|sign|ship|post|publish|phone|meet|見(?!到|過)|探|補(?!充)|核|審|批核|sync|backup|save|rollback|handle|揀|選|畫|設計|design|"
    r"起|砌|(?<!溫度)(?<!體溫)(?<!壓力)計|影(?!印機(?!票))|拍(?!板|手)|錄|bill|quote|pay|付|俾錢|入(?!嚟|去|面|職|住)|傾|push|推出|推(?!廣)|hotfix|patch|"
    r"留意(?!到|咗|過)|升級|upgrade|檢查|驗(?!血|身|孕|到)|更正|研究|分析|設定|設置|調查|培訓|面試|interview|採購|翻譯|校對|investigate|analy[sz]e|translate|"
    r"預留|保留|留位|送(?![一二三四五六七八九十兩])|運(?!動|氣|作|輸署)|拆|租|借|還返|洗|清潔|巡|催|跟單|落單|下單|出單|開單|入數|過數|結數|埋數|對(?:好|返|晒)?數|對(?=\s*(?:一下|下|吓|一對|清楚|好|返|晒))|核數|出糧|付款|"
    r"打(?=多|返|過去|去|電話|晒|哂|完|埋)|(?<=[就先再去早晝晚])打(?=\s*(?:$|[。！!，,]|啦|喇|吖))|抹(?!殺)|度(?=\s*(?:一度|下|吓|尺寸))|簽名|蓋印|收返|提醒|包裝|打包|續(?=\s*(?:咗|埋|好|返|晒|個|份|張|啲|[A-Za-z]))|叫(?=\s*(?:人|師傅|工人|同事|班|啲|佢))|消毒(?![藥水液紙])|叫貨|估價(?!單)|收數(?!員|公司)|(?<![接查])收(?=\s*(?:返)?\s*(?:錢|款|訂金|按金|租|費|尾數|工程款|[。！!，,]|$))|編更(?!表)|調更(?!表)|試(?=\s*(?:下|吓)\s*[^\s，,。！!？?啦喇先])|試(?=用|做|行)|(?:鎖|封|綁|釘|掃|煮|擺|收|抄|磅|黐|扣|摺|疊|噴|鋪|掛|吊|泊|校|調|圍)(?=好|晒|哂|埋|低|起|實|掂|返|乾淨)(?!埋一邊)|(?:鎖|釘|擺|黐|噴|鋪|掛|吊)(?=\s*(?:個|張|塊|幅|條|把|啲)\s*\S)|(?<![麵書錢紅荷背手])包(?=好|晒|起|完|咗|\s*(?:啲|個|份))|盤點|點貨|點倉|(?<![算過結埋入對收核找])數(?=\s*(?:吓|下|一數|清楚|埋|晒|齊)(?!\s*[字據目]))|(?<![零一二兩三四五六七八九十半幾有\d])點(?=完|清|齊|埋|晒|好\s*(?:佢|嗰|呢|啲|批|貨|倉))|教|接待|拜訪|視察|上線|講解|下載|還原|重啟|遷移|重設|重做|重寫|重裝|備份|轉賬|轉帳|匯款|過戶|結(?=好|算|賬|帳|清)|打印|掃描|存檔|歸檔|"
    r"back\s*up|hand\s*over|clean\s*up|wrap\s*up|pick\s*up|set\s*up|sign\s*off|revise|amend|reschedule|reconcile|verify|validate|consolidate|negotiate|resend|rebook|recheck|"
    r"settle|merge|replace|tidy|assess|evaluate|estimate|calculate|compare|hire|recruit|onboard|lodge|"  # not repair, audit, apply:
    r"endorse|manage|propose|recommend|rewrite|redesign|debug|configure|extend|shortlist|export|apologi[sz]e|道歉|致歉|"  # 「repair 師傅」, 「audit team」 name things
    r"接(?=\s*(?:個|啲|班|位|埋|晒|返)?\s*(?:客|機|人|貨|團))|cancel|terminate|renew|scan|photocopy|proofread|fill\s*in|fill|transfer|invite|announce|"
    r"remind|chase|explain|forward|轉寄|轉發|轉告|轉達|頂替|頂更|代班|代更|reserve|rent|deliver|pack|visit|inspect|reply|edit|write|download|restore|config|reset|restart|"
    r"reboot|migrate|launch|present|demo|train|teach|renew|file|claim|cover|escalate|報銷|續期|續約|帶(?!領|住)|撤(?=返|銷|回|走)|"
    r"(?<![A-Za-z])(?:close(?!\s*(?:到|得))|pull|finish|complete|compile|collect|print|(?<!in )order|rerun|notify|inform|monitor|measure|sort out|look into|"
    r"take care of|look after|deal with|work on|ping|take (?:the )?lead|circulate|distribute|organi[sz]e|coordinate|liaise)(?![A-Za-z])|點(?=\s*(?:一次|多一次|多次|清楚|數))|"
    r"(?:have|get)\b[^.,;，。]{0,30}?\bready|report(?=\s*(?:俾|畀|返|上|給|to\b|back|$|[，,。.]))|"
    r"(?<![數份重容流產質度])量(?!度|產)|試(?=\s*(?:一試|用|做|穿))"
    r"|(?<=前)\s*要(?=\s*(?:[。！!，,]|$|啦|喇|吖))"  # 「份 budget 禮拜五前要」: wanted by then
    r"|(?<=再)\s*[\u3400-\u9fff](?=\s*(?:多|一)\s*次)"  # 「再盤多次」: whatever is done again
    # any English word a Cantonese verb ending or a request's object marks as a verb: 「relabel 晒嗰啲 pallet」,
    # 「要 onboard 個新客」, 「你 proofread 份稿」 (not 「你 latest 嗰份」), 「update 吓個 budget sheet」
    r"|(?<![A-Za-z])[a-z]{3,}(?=\s*(?:晒|哂|埋|完|咗|一下|吓|下|好(?=\s*(?:佢|嗰|呢|個|份|張|啲|條|批)))\s*(?:佢|嗰|呢|個|份|張|啲|條|批|第|[0-9一二兩三四五六七八九十幾]))"
    r"|(?<![A-Za-z])[a-z]{3,}(?=\s*(?:一下|吓)(?![晝午]))"  # 「redesign 一下」: an English word done 一下, its object said before
    r"|(?:(?<=要)|(?<=要 )|(?<=記得)|(?<=記得 )|(?<=幫我)|(?<=幫我 ))[a-z]{3,}(?=\s*(?:嗰|呢|個|份|張|啲|條|批|架|部|間))"
    r"|(?<=幫我)[\u3400-\u9fff](?=\s*(?:[。！!，,？?]|$|啦|吖|喇|好|埋|晒|佢|個|份|張|啲|條|部))"  # 「Ivy 幫我釘」: the verb after 幫我
    r"|(?:(?<=你)|(?<=你 ))[a-z]{3,}(?=\s*(?:個|份|張|啲|條|批|架|部|間))"
    # 俾 as the verb, giving something to the speaker or the one spoken to: 「個 proposal 你聽日俾我」, 「俾我份 proposal」,
    # 「俾份 proposal 我」, 「俾你份合約」
    # …or to someone named after the thing: 「俾埋啲數據佢」, 「俾份報價 Ivy」, 「俾 feedback 你」 (not a bare 「俾你」:
    # 「禮拜四俾你得唔得？」 offers a day)
    r"|(?<![交send寄傳])(?<!send )俾(?=\s*(?:返|埋)?\s*我(?!哋)\s*(?:[。！!？?，,]|$|啦|吖|喇|份|個|張|啲|封)"
    r"|\s*(?:返|埋)?\s*你(?!哋)\s*(?:份|個|張|啲|封|[。！!，,]|$|啦|吖|喇)"  # 「我禮拜一俾你份合約」, 「張 invoice 我禮拜一俾你」
    r"|\s*(?:返|埋|晒|哂)?\s*(?:(?:份|個|張|啲|封)[^，,。？?]{1,48}?|[A-Za-z][A-Za-z ]{2,40}?\s*)"
    r"(?:[我你](?!哋)|佢(?:哋)?|(?<![A-Za-z])[A-Z][A-Za-z]+)\s*(?:[。！!？?，,]|$|啦|吖|喇))"
)
# a Latin verb ends a word too, but for its endings: "post" is not in "poster", "print" not in "printer"
LATIN_END = r"(?:(?![A-Za-z])|(?=(?:s|es|ed|d|ing)(?![A-Za-z])))"
# a Latin verb starts a word: "test" is not in "latest", "set" not in "asset"; after an article or
# a determiner it is a noun ("for the launch", "our review")
VERB_WORD = rf"(?:(?<![A-Za-z])(?<!the )(?<!an )(?<!a )(?<!our )(?<!your )(?<!this )(?<!that )(?=[A-Za-z])(?:{VERBS}){LATIN_END}|(?![A-Za-z])(?:{VERBS}))"
VERB = re.compile(VERB_WORD, re.IGNORECASE)
# 呢個/嗰啲 before a Latin word is a determiner (「嗰個 designer」), not an object pronoun
ONE_CHARACTER_VERB = re.compile(r"[\u3400-\u9fff](?:好|埋|晒|佢)?\s*(?:啦|吖|喇)?[。！!]?")  # after 幫我: whatever it is, the work
PRONOUN_OBJECT = re.compile(r"(?<=[\u3400-\u9fffA-Za-z ])(?<!幫)(?:佢哋|佢(?!哋)|(?:呢樣|嗰樣|呢件事|嗰件事)(?!\s*[A-Za-z])"
                            rf"|(?:呢個|嗰個|呢啲|嗰啲)(?!\s*[A-Za-z])(?!(?!{VERBS}|你(?!哋))[\u3400-\u9fff]))"  # 「呢個錢」: which money; 「呢個你改」: it
                            r"(?!話|係|會|要|已經|都|嘅|個|老闆|老細|公司|經理|同事|嗰邊|那邊|部門|客|班|屋企|負責人|知)"  # 「佢哋老闆」: whose
                            r"|(?<![A-Za-z])(?-i:it|them|It|Them)(?![A-Za-z])", re.IGNORECASE)  # IT is a department
# 「將物料訂晒佢」, 「報價嗰樣 cancel 咗佢」: 佢 takes up the object said before the verb in its own
# clause, it points nowhere else (「俾佢」 is somebody)
RESUMPTIVE = re.compile(r"(?P<kept>(?:[將把]|(?:嗰|呢)(?:樣|個|份|啲|批|封|張|條|單|套|本)|(?<![\u3400-\u9fff])(?:啲|個|份))[^，,。]+?[^俾畀同問搵話叫等幫對跟])"
                        r"\s*佢(?!哋)(?=\s*(?:啦|吖|喇)?\s*(?:$|[，,。！!]))")  # 「個鎖都換埋佢啦」: 佢 is the lock
ANAPHOR_CLAUSE = re.compile(r"^(?:呢樣|呢個|嗰樣|嗰個|呢啲|呢件事|咁)\s*(?:我|你)?(?:自己)?(?:會|嚟|去)?(?:搞|跟|做|負責|處理)(?:埋|住)?$")
# 「準備 agenda，搞掂佢」: a closing 「get it done」 after a task that has its own verb
DONE_CLAUSE = re.compile(r"^(?:(?:兩|三|四|幾)樣(?:嘢)?都|全部|所有嘢)?(?:要|一定要)?(?:搞掂|搞定|做完|做好|完成)(?:佢|佢哋|晒|哂|埋)?"
                         r"(?:啦|喇|吖|呀)?$|^(?:(?:兩|三|四|幾)樣(?:嘢)?都?|全部|所有嘢)(?:要|一定要)?(?:之前|前)?(?:交|俾)(?:晒)?(?:啦|喇|吖|呀)?$"
                         r"|^(?:而家|即刻|馬上|盡快|立即)(?:就)?(?:去)?(?:搞|做|處理|跟)(?:啦|喇|吖)?$"
                         r"|^(?:應該|應該會|實)(?:得|冇問題|無問題|OK|搞得掂|做得切|趕得切)(?:嘅|喎|啦)?$"
                         r"|^(?:唔使|唔駛|唔洗|不用)\s*\S{1,12}?\s*(?:喇|啦|住)?$", re.IGNORECASE)  # 「唔使 Ivy 喇，我嚟」
# 「外判就唔使喇，我親自去驗」, 「份 report 唔使你寫喇，Ivy 你寫」: what is turned down is not the task
OPTION_DECLINED = re.compile(r"^[^，,。]{1,10}?(?:(?:就|都)\s*(?:唔使|唔駛|唔洗|不用)|\s*(?:唔使|唔駛|唔洗|不用)\s*(?:你|佢)\S{0,4}?)(?:喇|啦|住)?$")
# 「跟住」 is "then" before a verb, a person or a pause; before a thing it is the verb, to follow (「跟住個技師」)
THEN = rf"跟住(?=\s*(?:[，,、\s]|[A-Za-z]|就|再|我|你|佢|大家|要|會|先|即刻|馬上|$)|\s*(?:{VERB_WORD}))"
JUST_SAID = re.compile(r"(?:頭先|啱啱|之前|上次|尋日|琴日)\s*(?:講|提|話|傾)(?:過|咗|開)?\s*(?=(?:嗰|呢)\s*\S)")
_LEAD = re.compile(
    rf"^(?:(?:(?:得閒|有空|有時間)(?:嘅話|的話)?\s*(?:就|先)|好主意|好提議|好建議|good idea|好|OK|ok|Okay|咁|嗯|明白|收到(?![^\s，,、：:])(?!\s+[A-Za-z0-9])|冇問題|冇所謂|得|可以|另外|仲有|然後|所以|咁樣|同埋|{THEN}|首先|最後|至於|{JUST_SAID.pattern}|返轉頭(?:講|傾)?|(?:返|翻)返?去(?:講|傾)?|講返(?=\s*(?![俾畀你佢我])\S)|即係|係|唔該|麻煩|不如|喎|嗯|哦|呀|啊|而家|之後|到時|唔好意思|sorry|(?:sure|yes|yeah|yep|noted|got it|no problem|will do|of course)(?![A-Za-z])|總結(?:一下)?|小結|recap|summary|to sum up|let's all|let us all|let's|(?:and )?also(?![A-Za-z])|(?:one more|another|last) thing(?![A-Za-z])|by the way(?![A-Za-z])|btw(?![A-Za-z])|plus(?![A-Za-z])|besides(?![A-Za-z])|anyway(?![A-Za-z])|"
    r"(?:注意|提提你|提醒一下|提提大家|(?:順帶|順便)\s*(?:提|講)(?:吓|下|一下)?)(?=\s*(?:[，,：:]|$))|(?:呢|嗰)個\s*(?:……|…|\.{2,})|(?:各位|大家)?\s*(?:早晨|早安|午安)(?=\s*(?:[，,]|$))|總之|其實|反正|始終|淨係|只係|(?:最|至)(?:緊要|重要)(?:嘅)?係|重點係|(?:我|我哋)(?:自己)?(?:呢邊)?嘅(?:嘢|事)(?=\s*(?:[，,：:]|$))|(?:我|我哋)?(?:建議|提議)|嗰(?=我|你|就)|就|第[一二三四五](?![季期本集部個份張間架次輪批期])|(?:仲有|另外)?[一兩三四五幾](?:樣|件事)(?:嘢)?(?=\s*(?:[，,：:]|$))|"
    r"(?:唔使|唔駛|唔洗|不用|唔係|講錯|仲未|未|未呀|仲未呀|(?:咁|噉)?唔(?:得|掂|OK|ok))(?:喇|啦|喎|呀)?(?=\s*(?:[，,]|$))|"  # 「仲未，…」: not yet
    r"(?:梗係|當然|緊係|肯定|應該)(?:唔)?(?:要|使|得|識|會|係|啦)?(?:嘅|啦|喇|呀|㗎)?(?=\s*(?:[，,]|$))|(?:識|唔識|係|冇錯)(?:嘅|呀|㗎|喎)(?=\s*(?:[，,]|$))|"  # 「梗係要，…」: the answer
    r"…+|\.{2,})[，,、：:\s]*)+",
    re.IGNORECASE
)
CONNECTIVE = re.compile(r"^(?:所以|但係|但|不過)\s*(?=\S)")  # a request after a reason opens with one
_SUBJECT = re.compile(r"^(?!我\s*(?:同\s*[^，,。你]{1,8}?\s*)?嘅)(?:(?:喺|在)?\s*(?:我哋|你哋|佢哋|我|你)\s*(?:嗰邊|呢邊|那邊|這邊)|(?:我哋|你哋|佢哋)\s*(?:[兩三四幾]個(?:人)?)?|我|你|佢|大家|各位|全部同事|所有同事|全部人|所有人|個個|每個人|每位同事|每人|各人|(?:要|需要)?有人|(?:let me|I|you|we|(?:my|our) team)(?![A-Za-z]))"
                      r"\s*(?:自己|一定|都|就|先|再|今次|盡量|一齊)*\s*"
                      rf"(?:會|嚟|去(?=\s*(?:{VERB_WORD}))|要|想|打算|諗住|記得|可以|負責|幫忙|幫手|幫|(?:will|can|'ll|need to|have to|should)(?![A-Za-z]))?\s*", re.IGNORECASE)  # not can of cancel; 「去銀行」: 去 is the work
# 「新聞稿我可以準備好」: the owner said after the topic, with a modal
INNER_SUBJECT = re.compile(r"(?<=\S)\s*(?<![俾畀同話搵問叫等將幫對跟])(?:(?:我哋|你哋|我|你)(?!哋)\s*(?:可以|會|自己|一定|都|就|嚟|去|負責|盡量)+"
                           rf"|(?:我哋|你哋|我|你)(?!哋)\s*(?={VERB_WORD}))",
                           re.IGNORECASE)
NOT_A_MODAL = r"(?![議計考員所面客場堂址長前後期])"  # 會 of 會計, 會議, 會員: a word, not "will"
NOT_A_MODAL_AFTER = r"(?<![開完散週周例年早晨茶酒晚舞展峰商工學教大議社機聚約協])"  # 會 of 開會, 週會, 年會, 機會
_MODAL = re.compile(rf"^(?i:(?:could|can|would|will) you(?: please)?\s+|please\s+|(?:will|shall|is going to|needs to|has to)\s+(?=[a-z]))|^(?:可唔可以|可否|能否|得唔得閒|有冇(?:時間|空)|得唔得|一定要|一定|應該要|應該|最好|要|記得|記住|負責|幫忙|幫手|自己|盡快|即刻|馬上|而家|先|都要|都|或者|會{NOT_A_MODAL})\s*")
# 「聽日開舖前」, 「今日收工前」: a day's work marks its limit as well as a clock does
WORKDAY_MARK = r"開舖|開鋪|開門|開店|開工|返工|收舖|收鋪|閂門|交更|落班"
_AFTER_TIME = re.compile(rf"\s*(?:{PART_OF_DAY_WORDS}|(?:晚|夜)(?![飯餐宴會上市班更])|(?:{WORKDAY_MARK})(?=\s*(?:之前|以前|前)))?\s*(?:或)?(?:之前|以前|前|之內|以內|內|為止|或之前|開始|之間|中間|起(?![碼身]))?\s*")  # matched where a time ends
_TIME_LEAD = re.compile(r"(?:(?<![A-Za-z])(?:by|before|until|due|on|at|from|starting)(?:\s+the)?|限|最遲|喺|過咗|過了|由|從|自)\s*$", re.IGNORECASE)  # "by the end of"
_TAIL = re.compile(r"[\s，,。！!？?；;~….—―–\-－⸺]*(?:(?:先|住)\s*(?=[啦喇吖呀]))?(?:(?:啦|喇|吖)\s*嘛|(?:㗎|嘅)\s*喎|啦|喇|囉|呀|啊|嘛|吖|喎|㗎|(?<![一二兩三四五六七八九十幾多每呢嗰拉書衣貨鞋畫支框骨])架|(?<![A-Za-z])(?:la|lor|OK|please)|先|住|得唔得|好唔好|就得|就可以)?[\s，,。！!？?；;~….—―–\-－⸺]*$",  # 「…——」, 「…--」: cut off; 「吖嘛」
                   re.IGNORECASE)
_FILLER = re.compile(r"一定|都|要|會|好|啦|喇|呀|吖|晒|埋|[^\w]")


RECURRING = re.compile(r"(?:每個|每|逢)\s*$")  # 「每個禮拜五 call 佢」: how often, part of the work


def _drop_times(text: str, transcript: Transcript) -> str:
    """The task without its due time; a date that tells which thing is meant, or how often the work
    is done (「每個禮拜五」), stays as said."""
    phrases, clocks = find_time_phrases(text, transcript.date), find_clocks(text)
    # a date and the clock right after it are one time (「聽日三點嘅會」)
    ends = {p: max([c.end for c in clocks if p.end <= c.start <= p.end + 1], default=p.end) for p in phrases}
    kept = [p for p in phrases if dates_a_thing(text, p.start, ends[p]) or RECURRING.search(text[:p.start])]
    spans = sorted([(p.start, p.end) for p in phrases if p not in kept]
                   + [(c.start, c.end) for c in clocks
                      if not dates_a_thing(text, c.start, c.end) and not any(k.start <= c.start <= ends[k] for k in kept)]
                   + (zone_spans(text) if phrases or clocks else []))  # "by Singapore time 3pm"
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # 「聽朝八點」: the date and the clock overlap; 「禮拜一至禮拜三」 is one time
        if merged and (start <= merged[-1][1] or RANGE.fullmatch(text[merged[-1][1]:start])
                       or TIMES_JOINED.fullmatch(text[merged[-1][1]:start])):  # 「今晚十二點同凌晨三點」
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    pieces, at = [], 0  # built in one pass: a long turn has many times
    for start, end in merged:
        pieces.append(_TIME_LEAD.sub("", text[at:start]))
        after = _AFTER_TIME.match(text, end)
        at = after.end() if after else end
        if pieces[-1] and at < len(text) and (_SCRIPTS_MEET.fullmatch(pieces[-1][-1] + text[at])
                                              or re.fullmatch(r"[A-Za-z0-9]{2}", pieces[-1][-1] + text[at])):
            pieces.append(" ")  # 「開完會即刻 send」 → 「開完會 send」; 「Ivy聽日send」 → 「Ivy send」
    return EVENT_LIMIT.sub("", "".join(pieces) + text[at:])


# 「你放假前搞掂」, 「你去新加坡之前記得…」: when, not what
EVENT_LIMIT = re.compile(r"\s*(?:放假|收工|放工|開會|出差|考試|出發|(?:去|飛|返)(?:[\u3400-\u9fff]{1,4}|[A-Za-z]{2,12}))\s*(?:之前|以前|前)\s*(?:記得|要)?\s*")


TIMES_JOINED = re.compile(r"\s*(?:同埋|同|及|或者|或|、|and|or)\s*", re.IGNORECASE)
TOGETHER_WITH = re.compile(r"(?:同埋|同)\s*(?P<who>[A-Za-z]+(?: [A-Za-z]+)?|[^，,\s]{1,8}?)\s*(?:一齊|一同)\s*")
_SCRIPTS_MEET = re.compile(r"[\u3400-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u3400-\u9fff]")
_HANDED = re.compile(r"(?:嗰|那|咁)?\s*(?:改由|改為由|交返俾|交返畀|交俾|交畀|交給|轉交|由)\s*$")
# a department or team said as who does the work (「HR 嗰邊」, 「法律部要」), dropped from the task when it is the owner's
_DEPARTMENT_SAID = re.compile(r"(?P<who>(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])|[\u3400-\u9fff]{2,4}部)\s*(?:嗰邊|那邊|呢邊|team)?\s*"
                              r"(?:要|會|就|負責)?\s*")
_DEPARTMENT_ASKED = re.compile(r"(?:叫|請|麻煩|由)\s*" + _DEPARTMENT_SAID.pattern)
_TAKES = re.compile(r"^\s*(?:你(?!哋))?\s*(?:嚟|去)?(?:跟進|跟|負責|處理|搞)(?:埋|住)?\s*")
# 「個通告 Ivy 你出啦」: the thing first, then who is called and the verb
_CALLED_DOES = re.compile(rf"^\s*你(?!哋)\s*(?:嚟|去|幫手)?\s*(?P<verb>(?:{VERB_WORD})(?:\s*[完好晒哂埋掂齊返實])?)(?:\s*佢(?!哋))?", re.IGNORECASE)
_TOPIC_MARK = re.compile(r"\s*(?:嗰|呢)\s*(?:樣|part|部分|部份|件事)\s*$", re.IGNORECASE)  # 「SMS 嗰樣」: the SMS


def drop_names(text: str, people: OwnerResolver, owner: str | None) -> str:
    """Drop a vocative or the owner's name opening the text (「Tony，」, 「阿傑你」), and the owner
    taking the topic (「海報阿森搞」 → 「海報」)."""
    for name, start, end in reversed(people.spans(text)):
        # a name then 你 is who was called, the owner or the one the work was taken from (「唔係，Ivy 你寫」)
        taken = _TAKES.match(text[end:]) if start > 0 and (name == owner or re.match(r"\s*你(?!哋)", text[end:])) else None
        does = _CALLED_DOES.match(text[end:]) if _a_thing_said(text[:start], people) else None
        if taken:  # with the handover before the name: 「嗰改由輝哥跟」 → 「」
            text = _TOPIC_MARK.sub("", re.sub(r"\s*(?:不如|就)$", "", _HANDED.sub("", text[:start]).rstrip())) + text[end + taken.end():]
        elif does:  # 「個通告 Ivy 你出啦」 → 「出 個通告 啦」
            text = f"{does['verb']} {_TOPIC_MARK.sub('', text[:start].strip())} {text[end + does.end():].strip()}"
        elif name == owner and re.search(r"[啦吖喇呀]\s*$", text[:start]) and not text[end:].strip(" ，,"):
            text = text[:start].rstrip()  # 「你寫啦 Jess」: the name after the go-ahead calls Jess
    for said in reversed(list(_DEPARTMENT_SAID.finditer(text))) if owner else ():
        if people.by_role(said["who"]) != owner or re.match(r"\s*(?:嘅|的)", text[said.end():]):
            continue  # 「UK 嗰邊嘅 delivery schedule」: whose
        taken = _TAKES.match(text[said.end():])
        if taken:  # 「新同事嘅 contract 要 HR 嗰邊跟」 → 「新同事嘅 contract」
            text = _HANDED.sub("", re.sub(r"\s*(?:要|就|都)\s*$", "", text[:said.start()])).rstrip() + text[said.end() + taken.end():]
        elif not text[:said.start()].strip(" ，,"):  # 「法律部要睇份合約」 → 「睇份合約」
            text = text[said.end():]
    while True:
        text = _LEAD.sub("", text.strip(" ，,"))
        hit = people.strip_leading(text)
        if not hit or (hit[0] != owner and not re.match(r"^(?:你|,|，|\s(?!\s*嘅))", hit[1])):  # 「Kelvin 嘅 VPN」: whose
            return text
        text = hit[1]


def _a_thing_said(text: str, people: OwnerResolver) -> bool:
    """Whether text is only a thing, said before who does it: no person, pronoun or clause break, and
    no verb unless a classifier opens it (「個提醒 email」 names an email)."""
    text = text.strip()
    return bool(re.fullmatch(r"[^，,。！!？?你我佢俾畀給同]{1,16}", text)) and not people.mentioned(text) \
        and (not VERB.search(text) or bool(re.match(r"(?:呢|嗰|個|份|張|啲|條|封|本|件|單)", text)))


# A to-do reads as a headline: 「交份報告」 → 「交報告」 (a classifier right after the verb says nothing;
# 「備份」 is backing up).
_CLASSIFIER = re.compile(r"(?P<verb>[交出寫整改訂搵印做填簽覆攞寄埋好完晒掂裝換買租睇俾]|(?<=[準預])備|(?<![A-Za-z])(?:send|book|check|email|update))"
                         r"\s*(?:咗)?\s*一?(?:(?:個|份|啲|張|條|封|本)(?=\s*[\u3400-\u9fffA-Za-z0-9])|(?:篇|部|架)(?=\s*[\u3400-\u9fffA-Za-z0-9]{2}))", re.IGNORECASE)


# 「跟一跟」, 「睇一睇」, "list 一 list": a verb said twice round 一 is the verb; 跟 is following up
_DONE_A_LITTLE = re.compile(r"(?P<verb>[\u3400-\u9fff]|(?<![A-Za-z])[A-Za-z]+)\s*一\s*(?P=verb)(?![A-Za-z])", re.IGNORECASE)
FOLLOW_UP = {"跟": "跟進", "接手": "跟進", "接": "跟進"}  # handover verbs as the work they hand over; others say it as they are


def _clean_clause(text: str, transcript: Transcript, people: OwnerResolver, owner: str | None,
                  keep_short: bool = False) -> str:
    with_whom = _THING_YOU_WITH.match(_drop_times(text, transcript).strip(" 。！!，,"))  # 「…你聽日同客…」: the day is read apart
    if with_whom and not people.mentioned(with_whom["thing"]):  # 「嗰份 JD 你同客再 confirm 一次」 → 「同客再 confirm JD」, not 「Ivy 你同佢…」
        text = f"{with_whom['with']}{with_whom['verb']} {_LEAD.sub('', with_whom['thing']).strip()}"
    thing_first = _THING_YOU_VERB.search(text.strip(" 。！!，,"))  # 「test plan 你寫」
    wanted_by = re.search(r"前\s*要\s*(?:啦|喇|吖)?\s*[。！!]?$", text)  # 「份 budget 禮拜五前要」: wanted by then
    dated_between = _thing_then_limit(text, transcript, people)  # 「contract 二月尾前傾好」
    charged = re.match(r"\s*(?:我|你)?\s*負責\s*(?=\S)", text)
    text = _DONE_A_LITTLE.sub(lambda m: FOLLOW_UP.get(m["verb"].lower(), m["verb"]), _drop_times(text, transcript))
    text = _LEAD.sub("", CONNECTIVE.sub("", _LEAD.sub("", text.strip(" ，,"))))  # 「不過你聽日要交埋份報價」
    text = WHICH_ONE_SAID.sub("", drop_names(text, people, owner))
    for _ in range(2):
        text = _MODAL.sub("", _SUBJECT.sub("", _LEAD.sub("", text.strip())))
    text = FOR_ME_SAID_WITH.sub("", text)
    followed = re.match(r"跟\s*(?:埋|晒)?\s*(?=[A-Za-z]|(?:份|個|張|啲|條|批|單|嗰|呢)\s*\S)", text)
    if followed and not VERB.search(text, followed.end()):  # 「跟埋 VO 12」, 「跟份評估」: follow up (not 「跟 ABC 公司傾價」: with)
        text = f"跟進 {text[followed.end():]}"
    together = TOGETHER_WITH.match(text)
    if together and people.find_name(together["who"]):  # 「同 Ken 一齊整理…」: each of the two has it
        text = text[together.end():]
    text = re.sub(rf"^(?:照樣|照舊|照|仍然|繼續)\s*(?=(?:{VERB_WORD}))", "", text, flags=re.IGNORECASE)  # 「照 send」: still
    text = re.sub(rf"^接手\s*(?=(?:{VERB_WORD})|同\s*\S)", "", text, flags=re.IGNORECASE)  # 「接手同 ITSC 搞」: what is taken over
    text = re.sub(r"(?<=[做寫整改搞執清砌排])緊(?!要|張|急)", "", text)  # 「做緊份報告」 → 「做份報告」
    text = re.sub(r"(?<=[做寫整改搞執清砌排交出])得(?=[掂定完晒齊])", "", text)  # 「搞得掂」 (can do) → 「搞掂」
    text = re.sub(r"(?<![A-Za-z0-9])(?P<word>[A-Za-z0-9]+)\s*咗\s*佢(?!哋)\s*(?=[啦喇吖]?\s*$)",  # 「開張 PO 咗佢」: do it
                  lambda m: m["word"] + (" 佢" if VERB.fullmatch(m["word"]) else ""), text)  # 「send 咗佢」: send it
    text = re.sub(r"咗\s*(?P<thing>[^，,。佢你我]{1,10}?)\s*佢(?!哋)\s*(?=[啦喇吖先]?\s*$)", r" \g<thing>", text)  # 「cancel咗架車佢」: cancel the car
    text = re.sub(r"(?<=[A-Za-z])\s*(?:一下|吓|下)(?!\s*個\s*(?:禮拜|星期|週|周|月))(?=\s*(?:個|份|張|啲|嗰|呢|條|間|部|批|[A-Za-z]))", " ", text)  # 「update 吓個 sheet」
    text = _CLASSIFIER.sub(r"\g<verb> ", INNER_SUBJECT.sub(" ", _TAIL.sub("", text))).strip(" ，,")
    topic_first = bool(thing_first and text.endswith(thing_first["verb"]) or _MODAL_LAST.search(text) or dated_between
                       or charged  # 「負責月餅訂」, from 「月餅我負責訂」
                       or re.match(r"(?:個|份|張|啲|封|單|批|條)\s*[^，,。\s]", text))  # 「個 deck 交」
    text = re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", re.sub(r"\s{2,}", " ", _headline(text)))
    text = _verb_first(text, people) if topic_first else text
    wanted = re.fullmatch(r"(?P<thing>[^，,。我你佢]{2,16}?)\s*要", text) if wanted_by else None
    if wanted:  # 「budget 要」: to have it ready; 「完成報價要」: the work says what, 要 only that it is wanted
        thing = wanted["thing"]
        text = thing if VERB.search(thing) else f"準備好{' ' if thing[:1].isascii() else ''}{thing}"
    return text if len(_FILLER.sub("", text)) >= 2 or keep_short else ""


# 「test plan 你寫」, 「份 proposal 阿傑你寫啦」: the thing, then who writes it
_THING_YOU_VERB = re.compile(rf"^[^，,。你我]*[^\s，,。你我]\s*(?:你|我)(?!哋)\s*(?P<verb>(?:{VERB_WORD})(?:\s*[完好晒哂埋掂齊返實])?)\s*(?:啦|吖)?$",
                             re.IGNORECASE)
# 「嗰份 JD 你同客再 confirm 一次」: the thing, who does it with whom, then the verb
WITH_WHOM = r"(?:同|跟(?!\s*一)|向|替)\s*[^，,。你我]{1,12}?\s*"  # 「同客」, 「向業主」: who the work is done with (not 跟一跟)
_THING_YOU_WITH = re.compile(rf"^(?P<thing>[^，,。你]*[^\s，,。你])\s*你(?!哋)\s*(?P<with>{WITH_WHOM}(?:再|先)?\s*)"
                             rf"(?P<verb>(?:{VERB_WORD})(?:\s*[完好晒哂埋掂齊返實])?)\s*(?:一次|一下|下|吓)?\s*(?:啦|吖)?$", re.IGNORECASE)
# 「員工手冊都要改埋」: the thing said first (the topic), then a modal and the verb last
_MODAL_LAST = re.compile(rf"(?<=\S)\s*(?:要|會{NOT_A_MODAL}|一定要|一定)\s*(?:{VERB_WORD})(?:\s*[完好晒哂埋掂齊返實])?$", re.IGNORECASE)
_VERB_LAST = re.compile(rf"^(?P<topic>[^，,。]{{2,16}}?)\s*(?P<verb>(?:{VERB_WORD})(?:\s*[完好晒哂埋掂齊返實])?)(?:\s*佢(?!哋))?"
                        r"(?P<to>\s*(?:俾|畀|給)\s*[^，,。\s我你佢]{1,8})?$",  # 「報價 send 俾客」: to whom, after the verb
                        re.IGNORECASE)  # 「福袋禮拜二包好佢」: 佢 is the thing said first


def _thing_then_limit(text: str, transcript: Transcript, people: OwnerResolver) -> bool:
    """Whether a clause names a thing, then the time it is due by, then only its verb (「contract 二月尾前傾好」):
    said topic first."""
    phrases = find_time_phrases(text, transcript.date)
    if not phrases or phrases[0].start == 0:
        return False
    thing = drop_names(text[:phrases[0].start], people, None).strip(" ，,")
    rest = re.sub(r"^\s*(?:之前|以前|前|之內|以內|內)?\s*", "", text[phrases[0].end:])
    return len(thing) >= 2 and not re.search(r"[我你佢]", thing) and not VERB.search(thing) and bool(VERB.match(rest))


def _verb_first(text: str, people: OwnerResolver) -> str:
    """A to-do written verb first, as a table reads (「員工手冊改」 → 「改員工手冊」, 「新聞稿出」 → 「出新聞稿」),
    when what comes before the closing verb is only a thing: no verb, person, pronoun or time of its own.
    Only for a clause said topic first (a modal before the closing verb: 「…都要改埋」, or the thing with its
    measure word first: 「個 deck 交」)."""
    said = _VERB_LAST.match(text)
    noun = re.fullmatch(r"[\u3400-\u9fff]{2,3}", said["topic"]) if said else None  # 「報價」, 「計劃書」: one word, a thing
    modifier = re.sub(r"[A-Za-z]+(?=\s+[A-Za-z])", "", said["topic"]) if said else ""  # 「test plan」: a thing, 「test」 its kind
    if not said or VERB.search(modifier) and not noun or people.mentioned(said["topic"]) \
            or re.search(r"[我你佢俾畀給同今聽]|之前|之後|前$|後$|[年月日]$|上次|下次|\d|^(?:[兩三四幾][樣份件]|全部|所有)", said["topic"]) \
            or re.fullmatch(r"\s*(?:一定|必須|務必|盡快|即刻|儘快)\s*", said["topic"]):  # 「一定要搞掂」: how surely, no thing
        return text
    gap = " " if re.search(r"[A-Za-z0-9]$", said["verb"]) or re.match(r"[A-Za-z0-9]", said["topic"]) else ""
    return spaced_scripts(f"{said['verb']}{gap}{said['topic']}{(said['to'] or '').strip()}".strip())


# A to-do reads as a headline: no determiner before what it names (「新買嗰批 laptop」 → 「新買 laptop」), no
# 「as well」 or 「by the way」 (埋, 順便), no perfective (「改咗個名」), no modal between the object
# and its verb (「報關資料都要出」), and 完成 for colloquial 做完/搞掂 before the work (not 「搞掂臨時工」).
_DETERMINER = re.compile(r"(?:嗰|呢)(?:(?:個|啲|條|份|張|樣|件|批|間|位|架|段|封|本)(?!事|嘢|分))?"
                         r"(?=\s*(?:[幾一兩二三四五六七八九十\dA-Za-z]|(?![度邊排陣日晚朝次輪期時會])[\u3400-\u9fff]))")
# 「brochure 個地址」, 「份合約…」: a classifier not counting anything
_BARE_CLASSIFIER = re.compile(r"(?:(?<![一二兩三四五六七八九十百千萬幾呢嗰每邊成某整逐\d])個(?![人別案性體月]|禮拜|星期|鐘)|(?<![一二兩三四五六七八九十百千萬幾呢嗰每邊成某整部股年月備身省\d])份(?![量額子])"
                              r"|^[張啲])\s*(?=[\u3400-\u9fffA-Za-z])")
_ALSO = re.compile(r"(?<=\S)\s*埋(?![單數位尾身頭堆])\s*(?=\S)|(?<=\S)埋$|順便|順手(?=\s*\S)")
_PERFECTIVE = re.compile(r"(?<=[\u3400-\u9fffA-Za-z])\s*咗(?!佢|之後|以後|先|嘅)")
_INNER_MODAL = re.compile(rf"(?<=\S)\s*(?:(?:一定|都|亦)?(?:要|{NOT_A_MODAL_AFTER}會{NOT_A_MODAL})|可唔可以|可不可以|可否)\s*(?={VERB_WORD})",
                          re.IGNORECASE)  # 「開完會」; 「啲相可唔可以 share 俾我」
_THAT_PART = re.compile(r"\s*(?:嗰|呢)\s*(?:part|部分|部份)(?![A-Za-z])", re.IGNORECASE)  # 「invoice 嗰part」: the invoices
_FINISH = re.compile(r"^(?:做完|搞掂|搞定)(?=\s*\S{2})(?!\s*\S{0,4}(?:人|工|車|位|場地|嘢))")


def _headline(text: str) -> str:
    for words in (_THAT_PART, _DETERMINER, _BARE_CLASSIFIER, _PERFECTIVE, _ALSO, _INNER_MODAL):
        text = words.sub(" ", text)
    text = re.sub(r"(?<=[\u3400-\u9fff]) +(?=[\u3400-\u9fff])", "", re.sub(r"\s{2,}", " ", text)).strip()
    text = re.sub(r"([\u3400-\u9fff])一\1(?=\s*\S)", r"\1", text)  # 「睇一睇合約」 → 「睇合約」
    return _FINISH.sub("完成", text)


NOUN_PHRASE = re.compile(r"^(?:嗰|呢|那|這)?(?:[一兩二三四五六七八九十幾]+)?(?:份|個|張|啲|條|封|本|批|部|架)")  # 「份報價」: 報價 a noun
_BARE_VERB = re.compile(r"(?:出|交|上|做|寫|做完|做好|寫好|搞掂|搞定|完成|跟進|處理|send|submit|upload|release|post)",
                        re.IGNORECASE)
_ONE_VERB = re.compile(rf"(?:{VERB_WORD})\s*[完好晒哂埋掂齊返實]?(?:\s*咗)?", re.IGNORECASE)  # 「部機，…砌好」 → 「砌好部機」
_BARE_VERB_ONLY = re.compile(r"[寫做整出交畫拍剪改跟訂搵]|write|draft|do|send", re.IGNORECASE)
AGENDA = re.compile(r"(?:講|傾|討論|報告|匯報|交代|cover|go through)(?:下|吓|一下)?\s*(?:[一兩二三四五六七八九十幾]|\d+)\s*"
                    r"(?:樣|件事|個(?:議題|題目|topic|item|point|重點|範疇|部分)|點(?!鐘)|things|items|topics)"
                    r"|今日[^，,。？?]{0,24}?主要\s*(?:係)?\s*(?:想)?\s*(?:講|傾|討論|update|匯報|報告)", re.IGNORECASE)  # 「今日主要講…」
MOVES_ON = re.compile(r"^(?:好|OK)?[，,\s]*(?:跟住|然後|接住|下一樣|下一個)\s*(?:就)?\s*(?:講|傾|討論|到)\s*(?:返|下|吓|一下)?\s*[^，,。]{1,12}$"
                      r"|^(?:[^，,。]{1,12}[，,]\s*)?(?:講返|講回|傾返|返去|回到)\s*(?!俾|畀|給)[^，,。你我]{1,12}$",
                      re.IGNORECASE)  # 「跟住講盤點」: the meeting moves on; 「Jonathan，講返陳生嗰單」: back to a topic
TOPICS_TODAY = re.compile(r"今日[^，,。]{0,16}?(?:要|想)?(?:講|傾|討論)(?:下|吓|一下)")  # 「各位，今日傾吓…」, to nobody
SELF_INTRO = re.compile(r"^(?:我係|我叫|(?:I'?m|I am|this is)(?![A-Za-z]))\s*\S{1,24}$", re.IGNORECASE)
# the speaker taking the floor (「陳生，我 update 先」, 「等我講先」, 「我先報告吓」): what they say next, no work
FLOOR = re.compile(r"^(?:[^，,。]{1,8}[，,]\s*)?(?:等)?我\s*(?:先)?\s*(?:update|講|報告|匯報|交代|share|分享)\s*(?:下|吓|一下|少少)?\s*(?:先)?\s*[。！!]?$"
                   r"|^(?:咁|噉|好)?[，,\s]*我\s*(?:就)?唔阻(?:住)?(?:大家|你哋|各位)(?:喇|啦|嘞)?"  # 「咁我唔阻大家，我去睇石喇」: leaving
                   r"(?:[，,]\s*我\s*(?:先)?(?:去|走|閃)[^，,。你]{0,8}?(?:喇|啦|嘞|先)?)?\s*[。！!]?$",
                   re.IGNORECASE)
BECAUSE = re.compile(r"(?:因為|由於|無論|不論|不管|唔理|because|since|no matter)(?![A-Za-z])", re.IGNORECASE)  # a reason, or 「無論係咩原因」
WHY_THEM = re.compile(r"(?:你|佢)(?!哋)[^，,。]{0,16}?(?:方便|順路|熟手|熟|有經驗|最啱)(?:啲|D|d|些)?(?:嘛|吖|啦|喎)?"
                      r"|(?:你|佢)(?!哋)\s*(?:手上|嗰度|嗰邊)\s*有[^，,。]{1,16}")
# 「大廈十四號停電做保養」: a supply cut for upkeep, news; no verb of ours comes before it
CUT_OFF = re.compile(r"^(?P<before>[^，,。你我]{0,16}?)(?:會|要)?\s*(?:停電|停水|截水|封路|暫停供水|暫停供電)\s*(?:做|進行)?\s*(?:保養|維修|工程|檢查|測試)?\s*(?:喎|呀|啊)?$")
# 「…，核數師一月會嚟」, 「…，啲貨禮拜五會到」: somebody or something arriving, why it is due, no work of the owner's
ARRIVING = re.compile(r"(?!你|我|佢|大家)[^，,。你我佢]{1,12}?\s*(?:都|就)?\s*會\s*(?:嚟|來|到|過嚟|上嚟|落嚟|返嚟)(?:[^，,。你我]{0,6})?[。！!]?")
BETTER_SO = re.compile(r"(?:咁樣|噉樣|咁|噉)?\s*(?:會|都)?\s*(?:比較)?\s*(?:安全|穩陣|保險|方便|清楚|放心|快)\s*(?:啲|D|d|些)\s*(?:嘛|吖|啦|喎)?[。！!]?")
# 「用 Google Form 好簡單」, 「其實唔難」: how hard the work is, not more of it (``tool``: what it is done with)
EASY = re.compile(r"(?:(?:可以|可)?\s*用\s*(?P<tool>[^，,。你我佢]{2,16}?)\s*(?:就|都)?\s*|[^，,。你我佢]{1,16}?)?(?:其實)?\s*(?:好|幾|都幾|都好|好快|真係|比較)\s*"
                  r"(?:簡單|容易|易做|快手|方便)\s*(?:嘅|㗎|啫|咋|喎|啦)?|(?:其實)?\s*唔難\s*(?:嘅|㗎|啫|咋)?")
# 「…，文件唔夠就話我知」, 「有咩問題即刻通知我」: who to tell if it goes wrong
GIVEN_TO_PARTY = re.compile(r"(?:俾|畀|給)\s*(?P<who>客(?:人|戶)?|供應商|判頭|老闆|老細|業主|師傅|對方)\s*(?:review|睇|check|批|簽)?\s*$", re.IGNORECASE)
IF_WRONG_TELL = re.compile(r"(?:如果|萬一|假如)?\s*[^，,。]{0,10}?(?:唔夠|唔啱|唔到|唔切|有問題|有咩(?:問題|事)|有事|唔得|搞唔掂|出事)\s*(?:嘅話)?\s*"
                           r"(?:(?:就|即刻|記得)*\s*(?:話(?:返)?(?:俾|畀)?我知|通知我|搵我|同我講|打(?:俾|畀)我|call\s*我)\s*(?:啦|吖)?$"
                           r"|(?:就|即刻)\s*\S)", re.IGNORECASE)  # 「…，對唔到就 escalate 畀 Ivy」: what then, not the work
# 「…，唔好俾會員用住先」: who is kept away meanwhile, why the work is done, not more of it
KEPT_AWAY = re.compile(r"(?:唔好|咪|費事|免得|以免)\s*(?:俾|畀|等|讓)\s*[^，,。你我]{1,8}?(?:用|入|掂|行|坐|郁|撞|跌|踩|搭)"
                       r"(?:住|到|親|錯)?\s*(?:先|住)?\s*(?:啦|喇|吖|呀)?[。！!]?")
COMMENT = re.compile(r"^(?:因為|所以|不過|但係|但|如果|假如|即係|話|可能|或者|否則|唔係嘅話|唔係(?=就|會|趕|嚟唔切|做唔切)|"
                     r"趁(?!熱)|前提係|前提是|只要|除非|萬一|since|because|but|if|otherwise|unless|as long as|provided)", re.IGNORECASE)  # 「…，唔係趕唔切落單」: otherwise


# what work is handed in as, not another piece of work (「寫好初稿」 answers 「section 你寫」)
FORM_OF_WORK = re.compile(r"(?:初稿|草稿|初版|第一版|定稿|(?:first |final )?draft|final version|嘢)?", re.IGNORECASE)
NEAR_VERB = 40  # characters after a name within which its verb is looked for
COMPLEMENT = re.compile(r"\s*(?:完|好|晒|哂|埋|掂|齊|返)|(?<=(?P<verb>[\u3400-\u9fff]))一?(?P=verb)")  # 「睇一睇」, 「傾傾」: a little
DELIVERY_VERBS = r"send|email|e-mail|whatsapp|forward|submit|upload|交|俾|畀|寄|傳"  # handing over what was done
TO_ME = re.compile(rf"(?:{DELIVERY_VERBS}|給)\s*(?:返)?\s*(?:俾|畀|給)?\s*我(?!哋)", re.IGNORECASE)  # 「交份報價俾我」
HELPS_ME = re.compile(r"\s*(?:要|會|可以)?\s*幫(?:我|手)(?!哋)")  # a name then 「幫我 V」 asks that person, a day said or not
FOR_ME = re.compile(r"^(?:你\s*)?幫(?:我|佢)(?!哋)\s*(?=\S)")  # 「份報價 May 你幫我交」: the work is 交
# 「你講嗰間紙行」, 「佢介紹嗰個師傅」: which one, by who spoke of it; the thing is named after it
WHICH_ONE_SAID = re.compile(r"(?:你|我|佢)(?:哋)?\s*(?:講|話|提|介紹|推薦|識)(?:過|咗|開)?\s*(?=(?:嗰|呢)(?:間|個|位|部|架|款|隻|份|張|條|啲))")
# 「你同我問吓報價」: 同我 before a verb that is not done with somebody asks a favour, as 幫我 does
FOR_ME_SAID_WITH = re.compile(rf"^同\s*我(?!哋)\s*(?!(?:講|傾|商量|開會|開個會|開\s*meeting|一齊|見|約|解釋|交代|對|discuss|meet)(?![A-Za-z]))(?=(?:{VERB_WORD}))", re.IGNORECASE)
FAVOUR = re.compile(r"^幫(?:我|手|吓)?\s*")  # 「你幫我 send」: the work is send
# a clause that says how things stand or warns (it names no work to be done)
# 「Ken 今日冇嚟」, 「佢今個禮拜喺米蘭」: where somebody is, no work
LEAVE_THING = r"\s*(?:安排|指引|政策|申請|表|紀錄|記錄|通告|制度|日數|結餘|policy|form|record)"  # 「放假安排」, 「請假指引」: a thing, nobody away
AWAY = (r"(?:去)?接(?:個|埋)?(?:仔|女|細路|小朋友)(?:放學|放補習)?|睇(?:醫生|牙醫?|中醫|病)|覆診|(?:一定|早啲)?要走(?=\s*(?:[，,。]|$))|早走|返半(?:日|天)|"  # own errands
        rf"冇嚟|冇返|唔返(?:工|公司|office)?(?![\u3400-\u9fffA-Za-z])|唔喺度|放(?:緊|咗|[一兩二三四五六七八九十幾半\d]+(?:個)?(?:禮拜|星期|日|天|週))?(?:大|產|侍產|病|年|婚|事)?假(?!前|之前|以前|之後|以後|後|返|{LEAVE_THING})|請(?:咗)?(?:[一兩二三四五六七八九十幾半\d]+(?:個)?(?:禮拜|星期|日|天|週))?(?:大|病|事|年)?假(?!{LEAVE_THING})|"
        r"請(?=\s*(?:啦|吖|喇)\s*$)|放心\s*(?:去|走|放)|"  # 「OK，你請啦」, 「你放心去啦」: leave granted
        r"請(?:咗)?\s*[一兩二三四五六七八九十廿\d]+\s*(?:號|日|(?=\s*(?:、|同|至|到|[，,]|(?:啦|吖)?$)))"  # 「你請二十二、二十三號啦」: days off
        r"(?:\s*(?:、|同|至|到)\s*[一兩二三四五六七八九十廿\d]+\s*(?:號|日)?)*|"
        r"(?:大家|各位|我哋)\s*(?:都)?\s*(?:要)?\s*(?:預留|留定|空出|block\s*(?:定)?)\s*(?:時間|嗰日|嗰個(?:上晝|下晝|晚上)|個\s*slot)(?=\s*(?:[，,。！!]|$))|"  # 「大家預留時間」
        r"我\s*約咗\s*[^，,。]{0,12}?去\s*(?:睇|見|開會|飲茶|食飯|行)|"  # 「我約咗佢禮拜六去睇 showroom」: an appointment made
        r"我(?:哋)?\s*同\s*[^，,。\s你]{1,8}?\s*開會(?=\s*(?:[，,。！!]|$))|"  # 「我一陣同客開會」: where the speaker will be
        r"^\s*(?:可以|會)?\s*(?:直接)?\s*(?:上|返)\s*(?:office|公司|寫字樓)\s*開會(?=\s*(?:[，,。！!]|$))|"  # 「…，可以直接上 office 開會」
        r"我(?:哋)?\s*(?:[^，,。\s]{0,8}\s*)?(?:返|飛返)(?:香港|HK|hk)(?:\s*(?:之後|後))?\s*(?:可以)?\s*(?:直接)?\s*(?:(?:上|返)\s*(?:office|公司|寫字樓)\s*開會)?(?=\s*(?:[，,。！!]|$))|"
        rf"病咗|去咗|返咗(?!嚟)|飛(?:去|返)(?:[\u3400-\u9fff]{{1,3}}?|[A-Za-z]{{2,12}})\s*(?:開會|出差|公幹|度假|旅行)?(?=\s*(?:[，,。！!]|$))"  # 「我要飛去北京開會」: away
        r"|佢(?:哋)?\s*(?:今日|聽日|後日|今個(?:禮拜|星期|月)|下個(?:禮拜|星期|月)|呢(?:幾日|排|個禮拜|個星期)|而家|暫時|仲|都|一直|人)*\s*(?:喺|在)(?!度)[^\s，,。]{1,10}$")
OBSERVATION = re.compile(AWAY + r"|(?:而家|宜家|依家|現在)\s*(?:要)?\s*(?:頂住|睇住|忙住|忙緊)|最近|成日|一向|通常|平時|覺得|認為|唔得閒|冇時間|(?:先|至|才)(?:得閒|有空|有時間)|太(?![太子空古平])[\u3400-\u9fff]|好忙|好大件事|好快(?:爆|滿|冇|賣晒|full)|爆滿|唔夠|唔行|頂唔順|有人(?!跟|做|負責)|冇人|"
                         r"好似.{0,12}咁|唔好再|費事|免得|否則|唔係嘅話|"
                         r"(?<![俾畀])比(?:較)?[^，,。]{1,10}?(?:更|仲|重|好|還)?(?:快|慢|忙|多|少|熟|叻|平|貴|早|遲|耐|急|重要)(?![\u3400-\u9fff])")  # 「阿傑比 Ivy 快」
# 「…約唔到喇」, 「我聽日抽唔開身」: cannot, no work; 「…改好 send 俾老師 唔係印唔切」 says why the request is urgent
# …and 「Ivy 搞唔掂個 excel」: the thing somebody cannot do is no work of theirs
UNABLE = (r"^(?![^，,。]*(?:唔係|否則|如果唔))[^，,。]*(?<=[\u3400-\u9fffA-Za-z])\s*唔(?:到|切|掂|落|嚟|來|開身|出(?:時間|身))"  # 「舖頭坐唔落」, 「你一個人做唔嚟」
          r"(?:\s*(?:(?:個|份|張|啲|條|部|批|單|嗰\s*(?:個|份|張|啲|條|部|批|單)?)\s*[^，,。就先要你我佢]{1,12}?|[^，,。就先要你我佢嘅的]{1,4}?))?"
          r"\s*(?:喇|啦|喎|囉|呀|㗎)?$")  # 「九點前返唔到中環喎」: a place not reached in time
CANNOT_KEEP_UP = r"唔(?:到|切|掂|開)"  # 「做唔切」, 「走唔開」: cannot
CANNOT_GO = re.compile(rf"^(?:我|佢)?\s*(?:真係|都|實)?\s*[\u3400-\u9fff]{{1,2}}{CANNOT_KEEP_UP}(?:喇|啦|喎|囉|呀|㗎)?$")  # 「我走唔開」: no work named
IF_NOT = r"^[^，,。你]{0,8}?唔[^，,。]{1,6}?(?:就|便)\s*(?:要等|會|趕唔切|嚟唔切|冇)|^(?:如果)?\s*(?:佢哋|佢)?\s*再\s*唔[^，,。]{1,6}?就\s*(?:要|會)"  # 「假期前唔落就要等到下個禮拜」, 「再唔俾錢就要 stop 佢哋嘅 credit」: what follows if not
URGED = r"^(?:千祈)?唔好(?:再)?(?:拖|遲|等)(?:喇|啦|住)?$"  # 「唔好拖」: how soon, said of the work before


# 「我想改做禮拜四朝早」: a time moved, nothing to do and no thing named
ONLY_MOVED = re.compile(r"(?:(?:個|嗰個|呢個|場|嗰場)?\s*[^，,。你我佢]{0,24}?\s*)?(?:我(?:哋)?\s*)?(?:想|就|不如|可唔可以|可以|要)?\s*"
                        r"(?:改為|改做|改成|改到|改|延到|押後到|提前到)\s*(?:啦|吖|喇|好唔好|得唔得)?\s*[？?。]?")  # 「個 training 我想改做禮拜四」


def only_moved(clause: str, today: date) -> bool:
    """Whether a clause only moves a time (「我想改做禮拜四朝早」, 「改禮拜五啦」)."""
    bare = re.sub(PART_OF_DAY_WORDS, "", without_times(clause, today)).strip()
    return bare != clause.strip() and bool(ONLY_MOVED.fullmatch(bare))  # a time said (「幾條條款要改」 moves none)


def without_whereabouts(text: str) -> str:
    """text without the clauses that only say where somebody is (「佢今個禮拜喺米蘭」, 「Ken 聽日放假」):
    a day said there is when they are away, not when the work is due."""
    kept = [c for c in clauses(text) if not re.search(AWAY, c) or VERB.search(re.sub(AWAY, "", c))]
    return "，".join(kept) if kept else text


BARE_DONE = re.compile(rf"(?:{VERB_WORD})(?:{COMPLEMENT.pattern}|\s*[實定])?", re.IGNORECASE)  # a verb with nothing to act on
ALSO_FINE = re.compile(rf"(?:{DELIVERY_VERBS})?\s*(?:俾|畀)?\s*(?:我|你)?\s*(?:都|就)得(?:啦|喇)?", re.IGNORECASE)
REPORTED = re.compile(r"(?<=[\u3400-\u9fffA-Za-z])(?:咗|(?<!再[\u3400-\u9fff])(?<!重新[\u3400-\u9fff])過)(?!佢|之後|以後|先|嘅|嚟|去|頭|程|期|關|數)|已經")
_REPEAT = re.compile(r"^(?:都要|要)?(?P<verb>\S{1,6}?)\s*(?:晒|哂|埋|好|掂|完|齊)(?:佢|佢哋)?$")


# 「張 order 我落啦，我下個禮拜二之前落」: who and the verb again, with the day (read apart)
_SAID_AGAIN = re.compile(rf"(?:我|你)?\s*(?:會|就|一定)?\s*(?P<verb>{VERB_WORD})\s*(?:啦|喇|吖)?[。！!]?", re.IGNORECASE)


def _repeats(clause: str, before: list[str]) -> bool:
    """Whether a clause only says an earlier clause's verb again, done (「通知晒」 after 「通知所有客戶」)."""
    again = _REPEAT.match(_LEAD.sub("", clause.strip())) or _SAID_AGAIN.fullmatch(_LEAD.sub("", clause.strip()))
    return bool(again) and any(again["verb"] in b and not re.search(rf"(?:唔|冇|未|不用)\S{{0,3}}{re.escape(again['verb'])}", b)
                               for b in before)  # 「份 report 唔使你寫喇，Ivy 你寫」: not said again


# 「俾個比較表我」: give a thing to me, the thing first
GIVEN_ME = re.compile(r"(?<![A-Za-z])[俾畀]\s*(?:埋|返|晒|哂)?\s*(?P<thing>(?=\S)[^，,。我你佢俾畀]{2,48}?\s*)(?P<who>我|你|佢)(?![哋地])"
                      r"(?:\s*(?:睇|聽|過目|check)(?:\s*(?:吓|下|一下))?)?(?:\s*(?:先|住))?(?:\s*(?:啦|吖|喇|呀|啊))?(?=$|[，,。])",
                      re.IGNORECASE)


def _handed_to(given: re.Match[str], name: str | None = None) -> str:
    """「俾份報告我」 said as 「將份報告俾我」 (or 「…俾」 the name of who 我/你/佢 is), so that who gets it reads as such."""
    thing = re.sub(r"^(?:份|個|張|啲|封|本|條)\s*(?=\S)", "", given["thing"].strip())
    return f"將{' ' if thing[:1].isascii() else ''}{thing}{' ' if thing[-1:].isascii() else ''}俾{name or given['who']}"


MOSTLY_DONE = re.compile(r"(?:大致|基本上|大部分|七七八八|差唔多)\s*(?:都)?\s*(?:已經)?\s*(?:[\u3400-\u9fff]?(?:好|完|掂|晒|妥)|(?<![A-Za-z])(?:ready|done|OK)(?![A-Za-z]))\s*(?:喇|啦|咗)?$")


OTHERWISE = re.compile(r"(?<=[\u3400-\u9fffA-Za-z])\s*[，,]?\s*(?:唔係|否則|唔然)(?!\s*[我你佢])[^，,。]{1,20}$")  # 「…，唔係印唔切」: or else


THINKING = re.compile(r"我(?:哋)?\s*(?:都|亦|就)?\s*(?:諗|覺得|認為|估|相信|睇)(?:過|咗|吓|下)?(?:呢|啦|喇)?")  # 「我諗過」: a view follows
NEEDS_DONE = re.compile(rf"(?P<thing>[^，,。我你佢要話講]{{2,12}}?)(?<!嗰邊)(?<!那邊)\s*(?:一定|都)?\s*要\s*(?:[^，,。我你佢]{{1,24}}?\s*)?(?P<verb>{VERB_WORD})\s*(?:埋|好|晒)?\s*[㗎架喎啦喇呀啊嘅囉]*[。！!]?",
                        re.IGNORECASE)  # 「加班費要(你老闆)批㗎喎」: a thing and what must be done to it
# 「講開中秋，有樣嘢要講，…」: what the talk turns to, and that something is to be said: the thing comes after
# 「我寫緊，不過仲等廠商嘅 test result」: the work under way, and what it waits for; no thing named
UNDER_WAY = re.compile(rf"(?:我|我哋)?\s*(?:而家|宜家|依家)?\s*(?:{VERB_WORD})緊(?:喇|啦|㗎)?|(?:不過|但係|但)\s*(?:仲|都)?\s*(?:要)?\s*等[^，,。]*", re.IGNORECASE)
SPEAKING_OF = re.compile(r"(?:講開|講起|提起|說起|至於)\s*[^，,。]{1,10}|(?:我)?有(?:樣|件|個|啲)\s*(?:嘢|事|問題)\s*(?:要|想)\s*(?:講|提|報告|同大家講)(?:下|吓|一下)?")
THING_ASKED_FOR = re.compile(r"(?:(?:你|佢)(?:哋)?\s*(?:嘅)?\s*)?(?P<thing>[^，,。我你佢]{2,20}?)\s*(?:可唔可以|可不可以|可否|得唔得|能唔能夠)\s*(?=\S)")
NOT_YET_HAS = re.compile(r"(?P<where>[^，,。]{2,12}?)\s*(?:而家|宜家|依家|現在|暫時|目前)?\s*(?:都|仲)?\s*未有\s*(?P<thing>[^，,。]{2,16})")
# 「社署要睇最新更表」 (who wants which thing) or 「老闆想睇下。」 (why it was asked for; no thing)
WANTS_TO_SEE = re.compile(r"(?P<who>[^，,。你我佢]{1,8}?)\s*(?:都)?\s*(?:要求|要|想|希望)\s*(?:睇|知|了解|check|review|攞|收|見)\s*(?:下|吓|埋|一下|清楚)?\s*"
                          r"(?:(?P<thing>[^，,。你我佢]{2,20}?)|(?:喎|呀|啊|㗎|嘅)?)", re.IGNORECASE)
SAID_OF_IT = re.compile(r"(?<=[\u3400-\u9fffA-Za-z])\s*(?<![電說笑嘅的])話(?![題事俾畀我你佢晒齊])")  # 「老闆話啲字太細」: reported speech
PARTICLES = re.compile(r"[\s㗎喎啦喇呀啊吖嘅囉咩嘛。！!]*")  # sentence-final particles only
SHARED_OUT = re.compile(r"[^，,。：:]{0,16}?(?:你哋|大家|佢哋)\s*(?:兩個|三個|幾個)?\s*(?:自己)?\s*分(?:下|吓|一下)?(?:工|配)")
WHO_IS_FREE = re.compile(r"(?:大家|你哋)?\s*(?:睇|看)\s*(?:下|吓|一下)?\s*邊(?:個|位)\s*(?:有空|得閒|有時間|方便|搞得掂)\s*(?:先)?\s*[。！!]?")
IDENTITY = re.compile(r"^(?:你|佢)(?:哋)?\s*(?:都|就|亦)?\s*係\s*(?!咪|唔係)(?P<whose>[^，,。]{0,12}?)\s*嘅\s*[^，,。嘅]{1,16}$")  # 「你係佢個女嘅班主任」: who somebody is


# who does it is left for later (「派邊個我再諗下」, 「我諗下派邊個」)
_LATER = r"\s*(?:我|我哋)?\s*(?:再|遲啲|之後|稍後|等陣)\s*(?:再)?\s*(?:諗|決定|定|安排|講|傾|派|算)(?:下|吓|過)?"
WHO_DECIDED_LATER = (rf"(?:至於)?\s*(?:派|搵|叫|揀|交俾)?\s*邊個(?:去|嚟)?(?:跟|做|負責|搞|處理)?{_LATER}"
                     r"|(?:我|我哋)\s*(?:再|遲啲|之後)?\s*諗(?:下|吓)?\s*(?:派|搵|叫|揀)\s*邊個(?:去|嚟)?(?:跟|做|負責|搞|處理)?")
FREE_LATER_WORDS = r"(?:遲啲|之後|稍後|等陣)\s*(?:再)?\s*(?:睇|諗|決定)\s*(?:下|吓)?\s*邊個\s*(?:得閒|有空|有時間|可以|方便)(?:先)?"
# 「派我再諗下」: 邊個 read out already; 「遲啲再睇邊個得閒」: who is free, found out later (somebody is still needed)
DECIDED_LATER = re.compile(rf"{WHO_DECIDED_LATER}|(?:派|搵|叫|揀){_LATER}"
                           rf"|{FREE_LATER_WORDS}")
NOTED = re.compile(r"(?:咁|好|OK)?\s*(?:我)?\s*(?:先|就)?\s*(?:記低|記住|記錄低|(?:park|hold)\s*住|擺住)\s*(?:先)?\s*(?:佢)?\s*(?:啦|喇|吖)?", re.IGNORECASE)
TOLD_BEFORE = re.compile(r"(?:[你我](?!哋)\s*(?:會|就|去|而家|即刻|幫我)?\s*)?(?:叫|請|(?<!唔)要)\s*$")  # 「要你老闆過目」


FIRST_OF_ALL = re.compile(r"(?:完|好|掂)\s*[^，,。]{0,12}?\s*先\s*$")  # 「你做完 AP 先」: what comes first
WHILE_WORD = re.compile(r"(?:呢排|近排|最近|而家|宜家|今次|上次|下次|之前|到時|遲啲|第時|一陣|等陣|平時|通常)")  # when, not what


def _without_measure(thing: str) -> str:
    """A thing without its measure word (「份報價」 → 「報價」), unless one character would be left (「部機」)."""
    bare = NOUN_PHRASE.sub("", thing).strip()
    return bare if len(bare) > 1 or not re.fullmatch(r"[\u3400-\u9fff]", bare) else thing.strip()


def _topic_alone(clause: str, transcript: Transcript) -> bool:
    """Whether a clause only names a thing (「第二期工程款」, 「份報價」): no verb, person, time or lead word."""
    bare = clause.strip(" 。！!")
    measure = NOUN_PHRASE.match(bare)  # 「份報價」: 報 opens a noun, 「份年報大致寫好」 says how far it is
    return 2 <= len(bare) and word_count(bare) <= 8 and not VERB.search(bare, measure.end() + 1 if measure else 0) \
        and not re.search(r"[我你佢唔就都要會喇啦吖嘅]|係|有|冇|咗|過", bare) and not re.search(FEST, bare) and not WHILE_WORD.match(bare) \
        and not _LEAD.match(bare) and not has_time_words(bare, transcript.date) and not resolver_for(transcript.people).mentioned(bare) \
        and not COMMENT.match(bare) and not BECAUSE.match(bare)


def _thing_named(head: str) -> bool:
    """Whether the words before a subject name a thing by a measure word (「嗰份通知」, 「張單」), not only point back (「呢樣」)."""
    return bool(re.fullmatch(r"\s*(?:嗰|呢)?\s*(?:份|張|封|條|批|單|套|本|篇)\s*[^\s，,。你我佢嘢]{2,12}\s*", head))


WHOSE_JOB = re.compile(r"^(?P<thing>[^，,。你我佢]{2,16}?)\s*(?:係|都係)\s*(?P<verb>負責|跟進|處理)$")


# what the speaker needs to receive, said to the one who is to hand it in (「份海報我要收到 final 版」)
RECEIVED_BY_ME = re.compile(r"(?:^|(?<=[，,]))\s*(?P<thing>[^，,。我你佢]{2,16}?)\s*我(?!哋)[^，,。你佢]{0,30}?(?:要|想|需要)[^，,。你佢]{0,30}?"
                            r"(?:見到|睇到|收到|攞到)\s*(?P<more>[^，,。我你佢]{0,12}?)\s*(?=$|[，,。])")


def _to_me(m: re.Match[str]) -> str:
    return spaced_scripts(f"交{m['thing'].strip()}{m['more'].strip()}俾我")


# 「呢個你改一改」, 「呢個今日一定要搞掂」: it, said before who does it or what it needs
IT_FIRST_NAMED = re.compile(r"^\s*(?:呢|嗰|那)(?:個|樣|件事|份|張|封|本|批|單)(?:嘢)?\s*(?P<name>[^，,。你我佢\s]{1,12}|[A-Za-z]+(?: [A-Za-z]+)?)\s*(?=你(?!哋))")
IT_FIRST = re.compile(rf"^\s*(?:呢|嗰|那)(?:個|樣|件事|份|張|封|本|批|單)(?:嘢)?\s*(?=你(?!哋)|[^，,。你我佢]{{0,10}}?(?:一定|都|必須)?\s*要\s*(?:{VERB_WORD}))", re.IGNORECASE)


KEEP_ON = re.compile(r"(?<=\S)\s*你(?!哋)\s*(?:繼續|照舊|一路|照)\s*(?:跟進|跟|負責|處理)\s*(?:住)?\s*(?=[，,]\s*\S)")


FOLLOWING_IT = re.compile(rf"跟(?:返|住)\s*佢(?!哋)\s*(?=(?:{VERB_WORD}))", re.IGNORECASE)


def clean_task(task: str, transcript: Transcript, owner: str | None) -> str:
    """The task without its owner, due time, fillers and 我會/你要; clauses that say nothing else
    and comments after the task (因為…, 不過…) go."""
    people = resolver_for(transcript.people)
    task = GIVEN_ME.sub(_handed_to, OTHERWISE.sub("", normalise(task)))  # 「俾份報告我睇」: 我 is who gets it, not who reads
    task = TAG_AFTER.sub("", task)  # 「可唔可以俾 Ken 做？」 read as 「做可唔可以」: the asking is no part of the work
    task = JUST_SAID.sub("", task)  # 「頭先講嗰三個工人」: the three workers
    task = KEEP_ON.sub("", task)  # 「陳太啲 loose furniture 你繼續跟，同佢 confirm…」: the topic, then the work
    task = FOLLOWING_IT.sub("", task)  # 「跟返佢出過個 render」: based on what was just done, the work is the render
    task = RECEIVED_BY_ME.sub(_to_me, task)  # 「份海報我要收到 final 版」: 交份海報 final 版俾我
    called = people.strip_leading(task)
    called = called if called and called[0] == owner else None
    thing_then_name = IT_FIRST_NAMED.match(task) if not called else None
    if thing_then_name and owner is not None and people.find_name(thing_then_name["name"]) == owner:
        task = f"{task[:thing_then_name.start('name')]}{task[thing_then_name.end('name'):]}"  # 「呢份嘢 Peter 你 export 出嚟」
    fronted = IT_FIRST.match(called[1].lstrip(" ，,") if called else task)
    if fronted:  # 「(Stephanie) 呢個你 redesign 一下」: what the first verb is done to, said first
        first, comma, rest = (called[1].lstrip(" ，,") if called else task)[fronted.end():].partition("，")
        first = first.rstrip(' 。！!啦吖喇')
        verb = VERB.search(first)
        done = verb and re.compile(r"(?:\s*[完好晒哂埋掂齊返咗])*(?:\s*(?:一下|吓|下)(?!\s*[個啲]))?").match(first, verb.end())
        then = done and re.match(rf"\s*(?:{DELIVERY_VERBS}|{VERB_WORD})", first[done.end():], re.IGNORECASE)
        at = done.end() if then else len(first)  # 「嗰份你簽咗交返畀我」: 佢 after the first verb, the one done to it
        left, right = first[:at].rstrip(), first[at:].lstrip()
        task = f"{left}{' ' if re.search(r'[A-Za-z0-9]$', left) else ''}佢{' ' if re.match(r'[A-Za-z0-9]', right) else ''}{right}{comma}{rest}" \
            if not PRONOUN_OBJECT.search(first) \
            else f"{first}{comma}{rest}"
    for name, start, end in reversed(people.spans(task)):  # 「你叫阿May簽咗份表」: 阿May's task is to sign it
        told = TOLD_BEFORE.search(task[:start])
        if owner is not None and name == owner and told and task[start:end] not in COMMON_TITLES \
                and not re.match(r"\s*(?:話|講|知)", task[end:]):  # not 「叫師傅…」: a bare title is whoever it is
            task = task[:told.start()] + task[end:].lstrip()
        elif owner is not None and name == owner and re.search(r"我(?!哋)\s*$", task[:start]):
            task = task[:start].rstrip() + task[end:]  # 「我 Vivian 禮拜三前出」: who is speaking, named
    parts = list(dict.fromkeys(clauses(task)))  # a clause said again adds nothing
    if len(parts) > 1 and GENERIC_DONE.fullmatch(re.sub(r"\s*(?:就|都)?\s*(?:得|OK|ok|可以)?\s*(?:啦|喇|吖)?$", "", _drop_times(parts[-1], transcript).strip(" 。！!"))):
        first = [p for p in parts[:-1] if FIRST_OF_ALL.search(p)]  # 「(不過唔急，)你做完 AP 先，年尾前搞掂就得」: the order, not the work
        parts = [p for p in parts[:-1] if VERB.search(p) and p not in first] + parts[-1:] if first else parts
    said = [p for p in parts if not THAT_IS.match(p) or THAT_IS.sub("", _drop_times(p, transcript)).strip(" ，,。")]
    parts = said if len(said) == 1 else parts  # 「Key art 你放假前搞掂，即係下個禮拜三」: the time said again
    if len(parts) > 1 and any(THAT_IS.match(p) for p in parts[1:]):  # 「我今日收工前，即係六點之前 merge PR」: the same time, plainer
        parts = [THAT_IS.sub("", p, count=1).strip() if THAT_IS.match(p) else p for p in parts
                 if THAT_IS.match(p) or not re.fullmatch(r"\s*(?:咁|噉|好)?\s*[我你]?\s*", _drop_times(p, transcript))]
    if len(parts) > 1:  # 「因為客禮拜五嚟，整好 proposal」: the reason (or 「無論點」) said first is not the work
        parts = [p for p in parts if not BECAUSE.match(_LEAD.sub("", p).strip())] or parts
    if len(parts) > 1:  # 「咁先記低，…要有人 update」: the note-taking, no part of the work
        parts = [p for p in parts if not NOTED.fullmatch(p.strip(" 。！!")) and not DECIDED_LATER.fullmatch(p.strip(" 。！!"))] or parts
    if len(parts) > 1:  # 「通知所有客戶，通知晒」, 「張 order 我落啦，我聽日落」: a verb said again adds nothing
        parts = [p for i, p in enumerate(parts) if not i or not _repeats(_drop_times(p, transcript), parts[:i])]
    if len(parts) > 1 and _topic_alone(parts[0], transcript) and not re.search(r"份|個|張|啲|條|封|本|批|部|架|單", parts[1]) \
            and not zone_spans(parts[1]) and "咗" not in parts[1] \
            and VERB.match(re.sub(r"^\s*(?:我|你)(?:哋)?\s*(?:自己|親自|會|嚟|去|一定|都|就|想|可以|幫手)*\s*", "", _drop_times(parts[1], transcript).strip())):
        parts = [f"{parts[0].strip()}{parts[1].strip()}", *parts[2:]]  # 「第二期工程款，我月尾之前同陳太收」: the thing, then its work
    later = parts[1:]  # 「張表阿May幫我印，聽朝十點前放我枱面」: the first clause read so, the rest kept
    if parts:  # 「海報 Ivy 禮拜五前出」, 「份報價你聽日交」: the owner between the topic and the verb
        subjects = [(True, start, end) for name, start, end in people.spans(parts[0])
                    if name == owner or HELPS_ME.match(parts[0][end:])]  # asked, then handed on
        subjects += [(False, m.start(), m.end()) for m in re.finditer(r"(?<=[\u3400-\u9fffA-Za-z ])[你我](?!哋)", parts[0])]
        for named, start, end in sorted(subjects, key=lambda s: s[1])[:SUBJECTS_READ]:
            rest = FAVOUR.sub("", re.sub(r"^(?:自己|親自|會|嚟|去|一定|都|就|想|打算|諗住|全部|通通|可唔可以|可否|得唔得閒|可以)+\s*", "",
                                         _SUBJECT.sub("", FOR_ME.sub("", _drop_times(parts[0][end:], transcript).strip()))))
            rest = re.sub(r"(?<![俾畀給同話問叫幫搵覆話])\s*(?:咗\s*)?佢(?!哋)\s*$", "", rest)  # 「firewall rules 你 set 好佢」: 佢 is the rules
            rest = re.sub(r"(?<=[\u3400-\u9fffA-Za-z])\s*住?先\s*(?:啦|喇|吖)?$", "", rest)  # 「報價由 Tom 跟住先」: for now
            if later and (not named and parts[0][start:end] == "我" and not _thing_named(parts[0][:start])
                          or TAKES_CHARGE.fullmatch(rest.strip())):
                continue  # with more said, only a thing, a name or 你 then the work itself (not 「呢樣我自己搞，…」, 「Banner 阿森搞，…」)
            said = VERB.match(rest) or (re.match(r"[\u3400-\u9fff]", rest)
                                        if HELPS_ME.match(parts[0][end:]) and ONE_CHARACTER_VERB.fullmatch(rest) else None)  # 「文件 Ivy 幫我釘」
            if said and re.match(r"[\u3400-\u9fff]", rest[said.end():]) and not COMPLEMENT.match(rest, said.end()) \
                    and not NOUN_PHRASE.match(rest[said.end():]) and not VERB.match(rest, said.end()) \
                    and not (re.match(r"[俾畀給同]|[啦吖喇嘛]+$", rest[said.end():])
                             and not re.search(r"(?:唔使|唔駛|唔洗|不用|唔好)\s*$", parts[0][:start])):
                said = None  # 「整理」: the verb goes on (not 「跟吖」, 「跟進喇」; 「唔使你寫喇」 lets off)
            needs = re.search(r"(?<=\S)\s*(?:我(?!哋)\s*)?要\s*$", parts[0][:start])  # 「部新電腦(我)要 Ken 幫我裝」: the thing, then who
            head = parts[0][:needs.start() if needs else start]
            if head and not re.search(r"(?:要|叫|請|等|俾|畀|同|搵|問|話|幫|替|代)\s*$", head) and said:
                topic = re.sub(r"\s*(?:嗰邊|那邊|(?:嗰|呢)\s*(?:份|個|條|張|啲|批|單)|不如|就|都|亦|又)$", "",
                               drop_names(head, people, owner).strip(" ，,"))  # 「合約嗰邊」, 「年報嗰份」, 「flyer 不如 Ken 你跟」
                if CALLED.fullmatch(topic) and parts[0][start:end] != "我":  # 「Ken 你聽日交報告」, Ken not on the list: who, not what
                    # (「Poster 我禮拜三前整好」: the poster)
                    parts, topic = [rest, *later], ""
                done = COMPLEMENT.match(rest, said.end()) or re.compile(r"\s*(?:一下|下|吓)(?!\s*(?:個|星期|禮拜))").match(rest, said.end())
                verb_end = done.end() if done else said.end()  # 「文件你準備好」 → 「準備好文件」, 「證書你 check 下」
                after = rest[verb_end:]
                # 「報價你聽日交」, not 「…你交份報價」, 「…你做咗」 or a topic that says more than a thing
                if topic and word_count(topic) <= 12 and not NOUN_PHRASE.match(after) \
                        and not re.match(r"\s*咗", rest[said.end():]) \
                        and not any(not dates_a_thing(topic, p.start, p.end) for p in find_time_phrases(topic, transcript.date)) \
                        and not find_clocks(topic) and not people.mentioned(topic) \
                        and not re.search(r"咗|過|之後|以後|嘅時候", topic) and not POINTS_BACK.match(topic):  # 「合約簽咗之後你 send 俾客」: when
                    parts = [re.sub(r"(?<=[\u3400-\u9fff]) +(?=[\u3400-\u9fff])", "",
                                    f"{rest[:verb_end]} {_without_measure(topic)} {after}".strip()), *later]
                elif named:
                    parts = [parts[0][:start].strip(), parts[0][end:].strip(), *later]
                break
    if len(parts) > 1:  # 「我係 Ken，…」: who is speaking, not what is to be done; 「禮拜五……即係年三十」: what a day is
        parts = [p for p in parts if not SELF_INTRO.match(p) and not _what_a_day_is(p, transcript) and not HOW_MANY_THINGS.match(p)
                 and THAT_IS.sub("", _drop_times(p, transcript)).strip(" ，,。….")] or parts
    if len(parts) > 1:  # 「呢個好嚴重，你今晚 fix 咗佢」: how the thing said before stands, no part of the work
        parts = [p for p in parts if not (POINTS_BACK.match(_LEAD.sub("", p).strip()) and not VERB.search(p))] or parts
    if len(parts) > 1:  # 「我諗過，阿傑你聽日去接個客」, 「大家睇下邊個有空先，…」: the speaker's thinking, or who is free, not the work
        parts = [p for p in parts if not THINKING.fullmatch(_LEAD.sub("", p).strip()) and not WHO_IS_FREE.fullmatch(_LEAD.sub("", p).strip())
                 and not SHARED_OUT.fullmatch(_LEAD.sub("", p).strip(" ：:"))] or parts  # 「節目同輪椅你哋兩個分下工：…」: how, not what
    if len(parts) > 1:  # 「Yoyo 你係佢個女嘅班主任，你覆一覆佢」: who somebody is, not the work
        parts = [p for p in parts if not IDENTITY.match(_LEAD.sub("", drop_names(p, people, None)).strip())] or parts
    if len(parts) >= 2 and NOUN_PHRASE.match(_LEAD.sub("", parts[0]).strip()) and not VERB.search(parts[0]) \
            and all(re.match(r"話(?![俾畀])", p) for p in parts[2:]):  # 「個家長，你覆一覆佢(，話…)」: 覆家長
        them = re.search(r"(?<=[\u3400-\u9fff])\s*佢(?!哋)", parts[1])
        if them and PERSON_VERB.search(_DONE_A_LITTLE.sub(r"\g<verb>", parts[1][:them.start()])):
            parts = [f"{parts[1][:them.start()]}{NOUN_PHRASE.sub('', _LEAD.sub('', parts[0]).strip())}{parts[1][them.end():]}",
                     *parts[2:]]
    message = [p for i, p in enumerate(parts) if i and TOLD.match(p) and re.search(CONTACT_VERBS, parts[i - 1], re.IGNORECASE)]
    parts = [p for p in parts if p not in message]  # 「覆佢，話我哋已經安排咗維修」: what to tell them, kept as said
    if len(parts) > 1 and VERB.search(parts[0]):  # 「個海報我改，上次出嗰個 draft 老闆話啲字太細」: what somebody said of it, why
        parts = parts[:1] + [p for p in parts[1:] if not (SAID_OF_IT.search(p) and not re.search(r"[你我](?!哋)", p))]
    for i, part in enumerate(parts[1:], start=1):
        asks = CONNECTIVE.match(part) and (re.search(r"你(?!哋)", part) or any(n == owner for n, _, _ in people.spans(part)))
        if COMMENT.match(part) and not asks:  # 「…，所以 Mandy 你聽日幫佢覆客」 is the request itself
            parts = parts[:i]
            break
    if len(parts) > 1:  # 「交咗續牌申請，文件唔夠就話我知」: what to do if it goes wrong, not the work
        parts = parts[:1] + [p for p in parts[1:] if not IF_WRONG_TELL.match(p.strip())]
    easy = [p for p in parts if EASY.fullmatch(_LEAD.sub("", p).strip(" 。！!"))] if len(parts) > 1 else []
    if easy and len(easy) < len(parts):  # 「用 Google Form 好簡單，我今晚整好佢」: how hard it is, and the 佢 it means
        used = EASY.fullmatch(_LEAD.sub("", easy[0]).strip(" 。！!"))["tool"]
        after = parts[parts.index(easy[0]) + 1:]
        at = next((i for i, p in enumerate(parts) if p in after and PRONOUN_OBJECT.search(p)), None) if used else None
        if at is not None:
            them = PRONOUN_OBJECT.search(parts[at])
            parts[at] = f"{parts[at][:them.start()]}{' ' if re.match(r'[A-Za-z0-9]', used) else ''}{used}{parts[at][them.end():]}"
        parts = [p for p in parts if p not in easy]
    if len(parts) > 1:  # a supply cut is why, not the work
        cut = [p for p in parts if (m := CUT_OFF.match(_LEAD.sub("", p).strip())) and not VERB.search(m["before"])]
        parts = [p for p in parts if p not in cut] if len(cut) < len(parts) else parts  # 「大廈十四號停電，你…backup」
    if len(parts) > 1:  # 「發電機再試一次，安全啲」: why, not more work
        parts = parts[:1] + [p for p in parts[1:] if not BETTER_SO.fullmatch(p.strip()) and not KEPT_AWAY.fullmatch(p.strip())
                             and not ARRIVING.fullmatch(_LEAD.sub("", p).strip())]
    if len(parts) > 1:  # 「禮物包…，你揸車去批發舖方便」, 「…，佢手上有出勤紀錄」: why this person, not more work
        parts = [p for p in parts if not WHY_THEM.fullmatch(_LEAD.sub("", p).strip(" 。！!"))] or parts
    if len(parts) > 1:
        parts = [p for p in parts if not ANAPHOR_CLAUSE.match(_LEAD.sub("", p))] or parts
    if len(parts) > 1:  # 「你交份報價俾我，我要拎去俾老細批」: what the giver does with it next is theirs
        handed = next((i for i, p in enumerate(parts) if TO_ME.search(p)), None)
        if handed is not None:
            parts = parts[:handed + 1] + [p for p in parts[handed + 1:] if not re.match(r"(?:咁|然後)?\s*我(?!哋)", p)]
    given = [(i, m["who"]) for i, p in enumerate(parts[:-1]) if (m := GIVEN_TO_PARTY.search(p))]
    if given:  # 「send 新版 icon 俾客，客聽朝要 present 俾佢哋老闆」: what the one given it does next is theirs
        at, who = given[0]
        parts = parts[:at + 1] + [p for p in parts[at + 1:] if not re.match(rf"(?:咁|然後|因為)?\s*(?:{re.escape(who)}|佢)", _LEAD.sub("", p).strip())]
    if len(parts) > 1:  # 「…俾我，聽日 email 我都得」: how it may be handed in, a permission
        allowed = [p for p in parts if ALSO_FINE.fullmatch(_drop_times(p, transcript).strip())]
        if any(VERB.search(p) for p in parts if p not in allowed):
            parts = [p for p in parts if p not in allowed]
    if len(parts) > 1:  # 「準備 agenda，搞掂佢」, 「推 hotfix，而家搞」: says when or that, not what
        done = [p for p in parts if DONE_CLAUSE.match(_SUBJECT.sub("", _LEAD.sub("", _drop_times(p, transcript).strip())))]
        if done and any(ACTION_VERB.search(p) or "做" in p or any(v.group(0).isascii() for v in VERB.finditer(p))
                        for p in parts if p not in done):  # "cancel the restaurant，我今晚搞掂"
            parts = [p for p in parts if p not in done]
    if len(parts) > 1:  # 「外判就唔使喇，我親自去驗」: the option turned down is not the task
        declined = [p for p in parts if OPTION_DECLINED.match(_LEAD.sub("", p.strip()))]
        if declined and any(VERB.search(p) for p in parts if p not in declined):
            topics = {p: re.split(r"\s*(?:就|都)?\s*(?:唔使|唔駛|唔洗|不用)", _LEAD.sub("", p.strip()))[0] for p in declined}
            parts = [p if p not in declined else topics[p] for p in parts if p not in declined or NOUN_PHRASE.match(topics[p])]
    states = [(p, m) for p in parts if (m := MOSTLY_DONE.search(p))] if len(parts) > 1 else []
    if states and len(states) < len(parts):  # 「份年報大致寫好，聽日 send 俾你」: how far the work is, not the work
        thing = NOUN_PHRASE.sub("", states[0][0][:states[0][1].start()].strip())
        parts = [p for p in parts if p not in dict(states)]
        handed = ONLY_RECIPIENT.search(parts[0])
        if thing and handed and ONLY_RECIPIENT.fullmatch(_drop_times(parts[0], transcript).strip()):  # send 年報俾你
            at = handed.start("to")
            parts[0] = f"{parts[0][:at].rstrip()} {thing}{parts[0][at:]}"
        elif len(re.sub(r"\W", "", thing)) >= 2 and not PRONOUN_OBJECT.search(thing):  # 「PR 差唔多 ready，…merge 咗佢」: the PR
            parts[0] = re.sub(r"(?:\s*咗)?\s*佢(?!哋)", f" {thing}", parts[0], count=1)
    if len(parts) > 1:  # 「Ivy 聽日放假，所以 Mandy 你…」: how another person is, never the owner's task
        about_others = [p for p in parts if OBSERVATION.search(p) and not VERB.search(OBSERVATION.sub("", p))
                        and any(name != owner for name, _, _ in people.spans(p))]
        parts = [p for p in parts if p not in about_others] or parts
    if len(parts) > 1:  # 「我啱啱見完客，你禮拜五前出份報價」: what has just happened, not the work
        parts = [p for p in parts if not JUST_HAPPENED.match(_LEAD.sub("", p).strip())] or parts
    other_day = next((i for i, p in enumerate(parts) if i and SO_I.match(p.strip())
                      and has_time_words(p, transcript.date)), None)
    if other_day and all(has_time_words(p, transcript.date) and not re.search(r"你(?!哋)", p) for p in parts[:other_day]):
        parts = parts[other_day:]  # 「禮拜五我成日喺西貢佈置另一場，咁我聽晚 send 啦」: why not that day, then the day offered
    if len(parts) > 1:  # 「我聽日返半日，三點前 send 俾你」: where the owner will be, not the work
        parts = [p for p in parts if not only_whereabouts(p)] or parts
    if len(parts) > 1:  # 「手上嘢太多，聽日搞掂份報告」, 「…，唔好好似舊年咁拖」: how things are, not what to do
        rest = [p for p in parts if (not OBSERVATION.search(p) or VERB.search(OBSERVATION.sub("", p))) and not HOW_IT_IS.match(p.strip())]
        if any(not leans_on_context(_clean_clause(p, transcript, people, owner)) for p in rest):
            parts = rest
    if len(parts) > 1:  # 「幾個鏡頭我檢查過，搵供應商報價」: what was done is a report, not the task
        todo = [p for p in parts if not REPORTED.search(p)  # 「你五個工作天內交咗份申請」: have it done by then, still to do
                or re.search(r"你(?!哋)", p) and "已經" not in p and has_time_words(p, transcript.date)]
        if todo != parts and any(VERB.search(p) and not leans_on_context(_clean_clause(p, transcript, people, owner))
                                 for p in todo):
            parts = todo
    relaxed = NOT_URGENT.fullmatch(parts[0].strip()) if len(parts) == 2 else None
    parts = [relaxed["thing"], parts[1]] if relaxed else parts  # 「contract 唔急，二月尾前傾好就得」: the contract, no rush
    verb = _MODAL.sub("", _SUBJECT.sub("", _TAIL.sub("", _drop_times(parts[1], transcript).strip()))) if len(parts) == 2 else ""
    topic = drop_names(parts[0], people, owner) if verb else ""
    taken = re.sub(r"\s*(?:你|我)(?!哋)\s*(?:(?:嚟|去)?(?:跟進|跟|負責|處理|搞|做)|嚟)(?:埋|住)?\s*$", "", topic)  # 「新聞稿你跟，…出」, 「英文嗰份我嚟(做)，…出」
    taken_thing = taken != topic and 0 < len(taken) <= THING_SAID and not VERB.search(taken) and not re.search(r"[你我佢]", taken)  # 「展廳我嚟，…擺好」
    topic = taken
    if (_BARE_VERB.fullmatch(verb) or (relaxed or taken_thing or NOUN_PHRASE.match(topic) or _bare_thing(topic)) and _ONE_VERB.fullmatch(verb)) and topic \
            and not VERB.fullmatch(topic.strip()) and (relaxed or not ACTION_VERB.search(topic) or NOUN_PHRASE.match(topic) and verb not in topic):  # 「海報阿森搞，禮拜五前出」 → 「出海報」
        parts = [verb + (" " if re.match(r"[A-Za-z0-9]", topic) or re.search(r"[A-Za-z0-9]$", verb) else "") + topic]
    if len(parts) > 1:  # 「你寫啦，first draft」: a bare verb, then what
        first = _clean_clause(parts[0], transcript, people, owner, keep_short=True)
        second = _clean_clause(parts[1], transcript, people, owner)
        if _BARE_VERB_ONLY.fullmatch(first) and second and not VERB.match(second) and not re.match(r"[俾畀給將把]", second):
            parts = [f"{first} {second}", *parts[2:]]
    if len(parts) > 1:  # 「退貨流程個 SOP 要 update，你月尾之前改埋佢」: 佢 is the thing the clause before names
        again = [p for p in parts[1:] if IT_AGAIN.fullmatch(_clean_clause(p, transcript, people, owner, keep_short=True))]
        if again and THING_NEEDS.search(parts[0]) and not leans_on_context(_clean_clause(parts[0], transcript, people, owner)):
            parts = [p for p in parts if p not in again]
    kept = [c for c in (_clean_clause(p, transcript, people, owner) for p in parts) if c] \
        or [c for c in (_clean_clause(p, transcript, people, owner, keep_short=True) for p in parts) if VERB.search(c)]
    kept = [re.sub(r"(?<=[\u3400-\u9fffA-Za-z])\s*(?:都係|都|亦|就)$", "", k) for k in kept]  # 「換後門把鎖都」, 「update 埋 FAQ 就」: the adverb of a topic moved
    kept = [re.sub(r"(?<=[\u3400-\u9fffA-Za-z])\s*先\s*(?:走|收工|放工|落班|返屋企)$", "", k) or k for k in kept]  # 「寫完先走」: before leaving
    kept = [k[m.end():] if (m := LEAD_WHEN.match(k)) and VERB.search(k[m.end():]) else k for k in kept]  # 「未換之前部機貼張告示」
    handed = ONLY_RECIPIENT.fullmatch(kept[1]) if len(kept) == 2 and _bare_thing(kept[0]) else None
    if handed:  # 「新同事嘅入職文件，你禮拜五前 send 晒俾我」: the thing is what is sent
        kept = [spaced_scripts(f"{kept[1][:handed.start('to')].rstrip()}{NOUN_PHRASE.sub('', kept[0]).strip()}{kept[1][handed.start('to'):]}")]
    kept += [m.strip(" 。！!") for m in message] if kept else []
    kept = [WHOSE_JOB.sub(lambda m: spaced_scripts(f"{m['verb']}{m['thing']}"), k) for k in kept]  # 「新年海報係(邊個)負責」
    return "，".join(kept) or (drop_names(_drop_times(normalise(task), transcript), people, owner).strip(" ，,")
                              if parts else "")


# 「未換之前」, 「返到公司」: until or after something else, said first: when the work is done
LEAD_WHEN = re.compile(r"^(?:未[^，,。\s你我佢]{1,6}?(?:之前|前)|(?:返|翻)?到(?:咗)?\s*(?:公司|office|辦公室|寫字樓|舖頭|學校|地盤)\s*(?:之後|以後|後)?\s*(?:就)?)\s*",
                       re.IGNORECASE)
SO_I = re.compile(r"(?:咁|噉|所以)\s*(?:就)?\s*我(?!哋)")
TAG_AFTER = re.compile(r"(?<=[\u3400-\u9fffA-Za-z])\s*(?:可唔可以|得唔得|好唔好|OK\s*唔\s*OK|嗎|吗)\s*[？?]*\s*$", re.IGNORECASE)
# 「…，話…」, 「…，叫佢哋…」 after a verb of contacting: what they are told or asked
TOLD = re.compile(r"(?:話(?![俾畀])|(?:順便|順手)?\s*(?:叫|請|要求|提醒|建議|問)\s*(?:吓|下|一下)?\s*佢(?:哋)?(?!\s*[，,。]))\s*\S")


LIMIT_AFTER = re.compile(r"(?:之前|以前|前)\s*(?:要)?\s*(?:搞掂|搞定|做好|完成|做完|處理好|攪掂)\s*(?:佢)?\s*[啦喇吖]?$")


def without_message(text: str) -> str:
    """``text`` without what a person contacted is to be told (「email 會員，話報名二十八號截止」 → 「email 會員」):
    its dates are the news, not the due time."""
    parts = clauses(text)
    cut = next((i for i, p in enumerate(parts) if i and TOLD.match(p) and re.search(CONTACT_VERBS, parts[i - 1], re.IGNORECASE)), None)
    if cut is not None:  # 「…，叫佢哋送貨，禮拜五前搞掂」: a limit said after the message is the call's
        limit = next((p for p in parts[cut + 1:] if LIMIT_AFTER.search(p) and not TOLD.match(p)), "")
        return text[:text.find(parts[cut])].rstrip(" ，,") + (f"，{limit}" if limit else "")
    glued = re.search(rf"(?:{CONTACT_VERBS})[^，,。]{{0,10}}?(?=話(?![俾畀題])\s*\S)", text, re.IGNORECASE)  # 「覆佢話我哋…送貨」
    told = re.search(r"同[^，,。]{1,10}?(?:講清楚|講明|交代清楚)(?=\s*\S)", text)  # 「同同事講清楚禮拜五只做預約客」: the news
    return text[:glued.end()] if glued else text[:told.end()] if told else text
THING_NEEDS = re.compile(rf"[^，,。你我佢\s]{{2,}}\s*(?:都|亦)?\s*(?:要|需要)\s*(?:{VERB_WORD})", re.IGNORECASE)  # 「SOP 要 update」
# 「我份高空工作風險評估要更新」: somebody's thing, and the work it needs
OWN_THING_NEEDS = re.compile(rf"(?:(?:我|你)(?:哋)?\s*(?:嘅)?\s*)?(?:份|個|張|啲|部|條|批)\s*(?P<thing>[^，,。你我佢]{{2,16}}?)\s*(?:都|亦)?\s*(?:要|需要)\s*(?P<verb>{VERB_WORD})",
                             re.IGNORECASE)
IT_AGAIN = re.compile(rf"(?:{VERB_WORD})\s*(?:埋|好|晒|返|掂)?\s*佢(?!哋)", re.IGNORECASE)
HOW_IT_IS = re.compile(r"^[^，,。你我佢]{2,30}?係[^，,。]{1,30}嘅$")  # 「份 contract 係 English law govern 嘅」: what a thing is
NO_RUSH = r"唔急|唔趕|冇咁急|慢慢(?:嚟)?|不急"
NOT_URGENT = re.compile(rf"(?P<thing>[^，,。你我佢]{{2,16}}?)\s*(?:就|都)?\s*(?:{NO_RUSH})(?:嘅)?")
SUBJECTS_READ = 8  # 你/我 or the owner's name read for where the topic ends: a looping ASR turn has thousands
CALLED = re.compile(r"[A-Z][a-z]{1,12}|阿[\u3400-\u9fff]|[\u3400-\u9fff](?:生|小姐|太|sir|Sir)")  # a name, as said to someone
ACTION_VERB = re.compile(r"要|需要|記得|幫手|負責|搞掂|跟進|安排|準備|交|出|寫|整|搵|聯絡|通知|send|check|update|follow|book|訂|改|"
                         r"約|覆|confirm|submit|review|fix|修|上載|upload|推(?!廣)|push|提交|申請|報價|hotfix|deploy", re.IGNORECASE)
WHO = re.compile(r"(?:邊個|邊位)(?:得閒|有空|有時間)?|(?<![A-Za-z])who(?![A-Za-z])", re.IGNORECASE)
DONE = re.compile(r"咗(?!佢)|已經|做完|搞掂咗|done|already", re.IGNORECASE)
# a thing reported broken: what a request about 「佢」 in the next turn sees to
FAULT = re.compile(r"\s*(?:上次|琴日|尋日|今朝|頭先|又|成日|經常|時時|由今朝開始|由琴日開始|由尋日開始)?\s*"
                   r"(?:壞咗|壞晒|死咗|冧咗|甩咗|塞咗|爆咗|漏水|hang\s*咗|hang機|冇反應|唔\s*work|(?:login|log in|登入|連|開|上)\s*唔到)",
                   re.IGNORECASE)
EXPIRES = re.compile(r"(?<!有冇)(?<!有無)(?:過期|到期|expire)\s*(?:喇|啦|㗎|喎|囉|嘞)?[。！!]?$", re.IGNORECASE)  # 「有一批下個月就過期」: what will happen (「check 下有冇過期」 is work)
# 「啲後備電池我點過，有兩粒下個月就過期」: the thing before who checked it, found wanting
PROBLEM_FOUND = re.compile(rf"^(?P<thing>[^，,]{{2,20}}?)\s*(?:我|我哋|佢|佢哋)?\s*(?:睇|check|點|數|試|查)(?:過|咗)[^，,]{{0,4}}[，,](?=[^。]*(?:{EXPIRES.pattern}|{FAULT.pattern}|用晒|用完|唔夠))",
                           re.IGNORECASE)
MENDED = re.compile(r"(?:整返|修(?:好|返|理)?|維修|(?<![A-Za-z])(?:fix|repair))\s*(?:好)?\s*佢(?!哋)", re.IGNORECASE)  # 佢: something broken
MOST_URGENT = re.compile(r"^(?:最(?:急|緊要|麻煩)(?:嘅)?(?:係|就係))\s*")  # 「最急係嗰架 Toyota」: the car


NO_THING = re.compile(r"琴晚|尋晚|琴日|尋日|噚日|今朝|頭先|啱啱|上次|又|成日|經常|落(?:大)?雨|打風|行雷|翻風|\s")


def _broken_thing(said: str) -> str:
    """The thing a fault is reported of, from the words before the fault: the clause it is said in, with the
    thing before it when that clause is only a part of it (「最急係嗰架白色 Toyota，個死火掣」 → 「嗰架白色 Toyota
    個死火掣」)."""
    parts = [MOST_URGENT.sub("", _LEAD.sub("", c)) for c in clauses(said)]
    parts = [p for p in parts if NO_THING.sub("", p).strip()] or parts  # 「…水管，琴晚落雨又漏水」: when, no thing
    if not parts:
        return said.strip(" ，,")
    if len(parts) > 1 and NOUN_PHRASE.match(parts[-1]) and re.match(r"(?:嗰|呢)", parts[-2]) and not VERB.search(parts[-2]):
        return f"{parts[-2]} {parts[-1]}"
    return parts[-1]


FILLER_WORDS = re.compile(r"今年|今次|呢次|今屆|呢屆|統籌|協調")  # 「你今年統籌」: this time, see to it; nothing named
FILLER_CHARS = re.compile(r"[我你佢哋呢嗰個樣啲件事搞掂定做跟埋好晒先咗緊會要去嚟幫手處理負責可以得啦喇吖呀囉喎咁就都再實而家即刻自己盡量一齊"
                          r"到時之後然後俾畀]|[^\w]")


def only_whereabouts(clause: str) -> bool:
    """Whether a clause says only where somebody is or will be (「我聽日返半日」, 「公司放假」), no work."""
    return bool(re.search(AWAY, clause)) and not VERB.search(re.sub(AWAY, "", clause))


# 「你幫我做兩樣嘢：…」: how many things follow, not one of them
HOW_MANY_THINGS = re.compile(r"^\s*(?:你|我)?\s*(?:幫我|要)?\s*(?:做|搞|跟|處理)\s*(?:[一兩三四幾]|\d)\s*(?:樣|件)(?:嘢|事)?\s*[：:]?\s*$")


def _what_a_day_is(clause: str, transcript: Transcript) -> bool:
    """Whether a clause only says what a day is (「禮拜五係 Good Friday」, 「聽日係公眾假期」), slips on one
    (「我禮拜五……唔係」) or says which day a thing falls on (「截止係三月二十號」)."""
    clause = clause.strip(" 。！!")
    said = find_time_phrases(clause, transcript.date)
    falls_on = bool(said) and said[-1].end == len(clause) and bool(re.search(r"(?:係|是|喺)\s*$", clause[:said[-1].start])) \
        and not VERB.search(clause[:said[-1].start])
    return falls_on or bool(said) and said[0].start <= 1 \
        and bool(re.match(r"\s*(?:…+|\.+|—+)?\s*(?:就係|又係|即係|係|唔係)", clause[said[0].end:]))


def leans_on_context(task: str) -> bool:
    """Whether the task still points at something said before (佢, 呢個) or says too little to
    stand alone (「而家搞」, 「幫手清」): fewer than three characters of substance, a Latin word
    counting two, unless they are a verb and its object (「訂房」)."""
    latin = re.findall(r"[A-Za-z]{2,}", task)
    substance = len(FILLER_CHARS.sub("", re.sub(r"[A-Za-z0-9]+", "", FILLER_WORDS.sub("", task)))) + 2 * len(latin)
    return bool(PRONOUN_OBJECT.search(without_message(task))) or substance < 3 and not _verb_and_object(task) \
        or bool(ONLY_RECIPIENT.fullmatch(task.strip()))


def _verb_and_object(task: str) -> bool:
    """「訂房」, 「寫稿」: a verb and its object, which stand alone short as they are."""
    pair = VERB_AND_OBJECT.fullmatch(task.strip())
    # no object: 「開工」 (working), 「約三個」 (how many), 「打去問」 and 「計落去」 (where), 「跟會計部」 (with whom)
    return bool(pair) and bool(FILLER_CHARS.sub("", pair["object"])) and not VERB.fullmatch(task.strip()) \
        and pair["object"][0] not in "完好晒哂掂埋咗緊過返齊實定進工會一二三四五六七八九十兩幾個份張啲去嚟俾畀下吓" \
        and pair["object"][-1] not in "部組處科去嚟來" and not BARE_DONE.fullmatch(pair["object"])  # 「補交晒」: 交晒 is no object


# 「email 俾 Peter」, 「整好俾 Peter」: handing over, to somebody, nothing named
ONLY_RECIPIENT = re.compile(rf"(?:(?<![A-Za-z])(?:{DELIVERY_VERBS})(?![A-Za-z])|(?:整|做|寫|執|準備|搞)(?:好|掂)|(?<![A-Za-z])出|(?<![A-Za-z])(?:confirm|update)(?![A-Za-z])|覆|回覆)\s*(?:返|埋|晒|咗)?\s*(?P<to>(?:俾|畀|給|to)\s*[^，,。\s]{{1,12}}(?:\s[A-Za-z]+){{0,2}}(?:\s[\u3400-\u9fff]{{2,4}})?)",
                            re.IGNORECASE)


NOT_NEEDED = re.compile(r"^\s*(?:唔使|唔駛|唔洗|唔好|不用)\s*(?:喇|啦|住|了)?\s*")  # 「唔使喇 Ivy」: let off
HANDOVER_CLAUSE = re.compile(r"(?:改由|改為由|交返俾|交返畀|交俾|交畀|交給|轉交|轉俾)\s*\S{1,16}?\s*(?:跟進|跟|負責|處理|搞|做)"
                             r"|(?:交俾|交畀|轉交俾?|轉俾)\s*[^\s，,。]{1,8}?\s*(?:啦|吖)\s*(?:[，,。！!]|$)")  # 「…，交俾阿輝啦」
PAST_PLAN = re.compile(r"^.*?(?:本來|原本|原先|原定)\s*(?:係|都係)?\s*(?:想|打算|諗住)?\s*(?:叫|搵|俾|畀|交俾|由|話(?:咗|過)?)?\s*")


def _was_somebodys(sentence: str, transcript: Transcript, people: OwnerResolver) -> str | None:
    """The work a sentence says was somebody's before it is handed on: the thing named first (「仲有 crew 酒店，
    原本係 Jason 跟 booking 嘅」 → 「crew 酒店」, 「季度報告原本係阿傑跟開嘅」 → 「季度報告」), else the work said after
    原本 without who had it (「原本係 Kin仔跟代客拜祭嘅」 → 「跟代客拜祭」, also 「阿May，原本係你跟訂月餅嘅？」 and a
    name not on the list); None when it names neither."""
    said = clauses(_LEAD.sub("", sentence))
    was = next((k for k, c in enumerate(said) if PAST_PLAN.match(c)), None)
    if was is None:
        return None
    before = WAS.match(said[was])
    topic = _LEAD.sub("", said[was - 1]).strip(" ，,") if was else before["topic"].strip() if before else ""
    if topic and not VERB.match(_drop_times(topic, transcript)) and not re.search(r"(?:嗰邊|那邊|呢邊|方面)$", topic) \
            and not people.strip_leading(topic):
        return topic
    planned = _planned_work(said[was], people)  # 「重陽嗰日和合石嗰邊，原本係…」: a place and day are no thing
    if not planned or TAKES_CHARGE.fullmatch(re.sub(r"^(?:你|佢)(?!哋)|開|嘅|[？?]", "", planned).strip()):
        return None  # 「原本係阿傑跟開嘅」: only that somebody had it
    return re.sub(r"^[^，,。\s]{1,4}?(?=(?:跟進|跟|負責)\s*\S)|\s*(?:嘅|㗎)[？?]?$", "", planned)


def _planned_work(clause: str, people: OwnerResolver) -> str | None:
    """The work a past plan names (「本來想叫阿豪整報價」 → 「整報價」), when it says more than a verb."""
    rest = PAST_PLAN.sub("", clause)
    named = people.strip_leading(rest)
    rest = (named[1] if named else rest).strip(" ，,")
    return rest if rest and not leans_on_context(rest) else None
WAS = re.compile(r"^(?P<topic>[^，,。]{2,24}?)\s*(?:本來|原本|原先|原定)")
# 「恒發嗰份分析係 Mandy 做嘅」: who made a thing, said of the thing (a later 「review 埋佢」 is that thing)
MADE_BY = re.compile(r"^(?P<topic>[^，,。]{2,24}?)\s*(?:都)?係\s*(?P<maker>[^，,。\s]{1,12})\s*(?:做|寫|整|出|畫|砌|準備)(?:開)?嘅\s*[。！!]?$")
# 「印刷方面，…」, 「至於場地，…」: a sentence that names its topic says what a later 佢 is
TOPIC = re.compile(r"^(?:至於|關於|講返)?\s*(?P<topic>[^，,。]{2,16}?)\s*(?:方面|嗰方面|呢方面|嗰邊|呢邊)[，,]")
# work a sentence says must be done (「…，要我哋更新廢物處理牌照嘅記錄冊」), and a bare taking charge of it
NEEDED_WORK = re.compile(rf"^(?:(?:佢哋|佢)?\s*(?:要|需要|要求)\s*(?:我哋|我們)?)\s*(?P<work>(?:{VERB_WORD})[^，,。]{{2,24}})$", re.IGNORECASE)
TAKES_CHARGE = re.compile(r"(?:你|我)?\s*(?:嚟)?\s*(?:負責|跟進|跟|搞|處理|handle|follow)(?:埋|住|吓)?(?:啦|吖)?", re.IGNORECASE)


def _for_someone_else(sentence: str, speaker: str, transcript: Transcript, owner: str, listener: str | None = None) -> bool:
    """Whether a sentence gives another person than the owner a task: it names attendees and
    not the owner (「Ivy，你聽日通知晒啲客」 is not the context of Ken's 「見客」), or its speaker,
    not the owner, commits to it (「我聽日通知晒」). A plan said as past (「原本係我跟」) is the
    topic of a handover, nobody's task. A sentence that only calls ``listener``, the one now giving
    the task, tells them something (「姚律師，大埔嗰個買家仲未簽」)."""
    if re.search(r"本來|原本|原先|原定", sentence) or any(MADE_BY.match(_LEAD.sub("", c).strip()) for c in clauses(sentence)):
        return False
    people = resolver_for(transcript.people)
    called = people.strip_leading(sentence)
    if called and listener and called[0] == people.find_name(listener) and re.match(r"\s*[，,]", called[1]) \
            and not re.search(r"你(?!哋)", called[1]):
        sentence = called[1]
    named = {people.find_name(n) or n for n in people.mentioned(sentence)}
    if named:
        return owner not in named
    unit = _DEPARTMENT_ASKED.search(sentence)
    if unit and people.by_role(unit["who"]) != owner:
        return True  # 「叫 IT 禮拜五之前換埋個 router」 is not the context of accounts' 「出埋張單」
    return bool(re.search(r"我(?!哋|\s*(?:個|嘅|部|份|張|啲|間|架|條)(?![人]))", sentence)) and people.find_name(speaker) != owner  # not 「我個 VPN」


TURNED_DOWN = re.compile(r"^(?:唔得|唔可以|唔行|no\b|sorry)", re.IGNORECASE)
POINTS_BACK = re.compile(r"^(?:呢|嗰|這|那)(?:個|樣|件事|啲|頁|份|張|段|款|部|條)\s*(?=最|好|太|真係|都|係|就|要|唔|冇|有|會)")  # a pronoun subject, not 「呢個報價」
LET_ME_FINISH = re.compile(r"(?:等|俾|畀)\s*我\s*講(?:埋|完)\s*(?:先)?\s*(?:啦|喇|吖|呀|啊)?[！!。]?")  # 「等我講埋先啦！」: who speaks, no work
APOLOGY = re.compile(r"^\s*(?:sorry|thanks|thank you|apologies|唔好意思|多謝|對唔住)", re.IGNORECASE)
NEEDED_OR_NOT = re.compile(r"要唔要|使唔使|駛唔駛|洗唔洗")  # 「使唔使加埋新司機？」 asks whether the work is wanted
A_NOT_A = re.compile(r"要唔要|使唔使|駛唔駛|洗唔洗|會唔會|可唔可以|好唔好|係唔係")
# a question whether something is done yet: 「…你處理咗未？」, 「…到咗未？」, 「…搞掂未呀？」
PROGRESS_ASKED = re.compile(r"\s*(?:你|佢)?(?:哋)?\s*[^\s，,。？?]{0,6}?(?:咗|好|掂|完|晒)未[？?\s呀啊呢]*$")
PAST_REPORT = re.compile(r"^(?:上次|上年|舊年|之前|以前|上個月)\s*(?:都)?\s*(?:[^，,。\s]{1,4}?\s*)?係")  # 「上次更新係三月」
NOT_MINE = re.compile(r"^(?:唔係我|唔係佢|唔關我事|唔關佢事|唔係(?:喎|呀|啊)?[，,][^。]{0,16}?係\S{1,12}?(?:跟|負責|做|搞|交)(?:開)?(?:㗎|嘅|喎)?)")  # 「唔係我呀，係 Ken 負責嘅」 says who, not what
MODAL_VERB = re.compile(r"需要|要|記得|幫手|負責|搞掂|搞定")  # say nothing of which task


def _clause_with(verb: str, sentence: str, transcript: Transcript) -> str | None:
    """The clause of sentence that has ``verb`` and stands alone (not done, no pronoun object)."""
    for clause in clauses(_LEAD.sub("", sentence)):
        clause = _LEAD.sub("", clause)
        if REPORTER.match(clause.strip()):
            continue  # 「…，供應商話要預早一個禮拜 book」: what a party said of the work, not the work
        if verb in clause and not DONE.search(clause) and not leans_on_context(_drop_times(clause, transcript)) \
                and not re.search(rf"(?:冇|未|唔)\s*{re.escape(verb)}|{re.escape(verb)}{CANNOT_KEEP_UP}", clause):
            # 「好耐冇 update 喇」, 「驚跟唔切」: how it is, no work
            planned = re.match(r"(?:我|我哋)?\s*(?:想|打算|諗住|計劃)\s*", clause)  # 「我想整理…」 「好主意，你得閒就整」: the work
            return clause[planned.end():] if planned and VERB.match(clause, planned.end()) else clause
    return None


OWN_PLAN = re.compile(r"(?:我|我哋)\s*(?:想|打算|諗住|計劃)\s*(?=\S)")  # the owner's own plan, then approved


def _plain(text: str) -> str:
    """Text without the small words a cleaned task drops (「你報咗佢」 is said for 「報佢」)."""
    return re.sub(r"[咗埋晒個份張啲\s]", "", text)


# 「如果客唔覆你」, 「萬一供應商再遲」: who the condition is about
CONDITION_SUBJECT = re.compile(r"^(?:如果|假如|若果|萬一)\s*(?P<who>(?!我|你|佢|大家)[\u3400-\u9fffA-Za-z]{1,6}?)\s*(?:唔|冇|再|仲|都|又|已經|問|要|覆|嚟|打)")
# 「客今朝又打咗嚟」, 「個供應商尋日 email 咗嚟」, 「供應商話貨櫃卡咗」: who got in touch or said so, the
# person a reply to 佢 is for
CALLER = re.compile(r"^(?:個|位|嗰個|嗰位|呢個|呢位)?\s*(?P<who>(?!我|你|佢|大家)[\u3400-\u9fffA-Za-z]{1,6}?)\s*(?:今朝|今日|尋日|琴日|頭先|啱啱|上晝|下晝|(?:禮拜|星期)[一二三四五六日天])?"
                    r"\s*(?:[零一二三四五六七八九十兩\d]+\s*點\s*(?:半|[一二三四五六七八九十\d]+\s*(?:分)?|幾)?)?\s*(?:又|再|已經)?\s*(?:(?:打|call|email|WhatsApp|send|寫|問|投訴|搵)[^，,。]{0,4}?(?:咗\s*(?:嚟|電話|email)|過\s*(?:嚟|來))|(?:嗰邊|那邊)?\s*(?<![電笑])話(?![俾畀]))",
                    re.IGNORECASE)


def _person_meant(task: str) -> bool:
    """Whether the task's 佢 (佢哋) is the object of a verb of contacting (「覆佢」, 「同佢哋 follow」): a person."""
    pronoun = PRONOUN_OBJECT.search(task)
    return bool(pronoun and pronoun.group(0) in ("佢", "佢哋") and PERSON_VERB.search(task[:pronoun.start()]))


def _condition_about(clause: str, task: str) -> str | None:
    """Who or what a condition clause is about, when the task's 佢 points at it: a person after a
    verb of contacting (「如果客唔覆你，…call 佢」), a thing named with its classifier otherwise
    (「如果份報告唔夠詳細，…改好佢」); or who got in touch, to be answered (「客今朝打咗嚟，…覆佢」)."""
    who = CONDITION_SUBJECT.match(clause)
    pronoun = PRONOUN_OBJECT.search(task)
    caller = CALLER.match(clause)
    if caller and _person_meant(task):
        return caller["who"]  # 「客今朝打咗嚟，你聽日覆佢」: 覆客
    if not who or not pronoun or pronoun.group(0) != "佢":
        return None
    if PERSON_VERB.search(task[:pronoun.start()]):
        return who["who"]
    return NOUN_PHRASE.sub("", who["who"]) if NOUN_PHRASE.match(who["who"]) else None


JUST_HAPPENED = re.compile(rf"^(?:我|我哋)?\s*(?:啱啱|頭先|今朝|琴日|尋日|噚日)\s*[^，,。]{{0,8}}?(?:完|過|咗|{RECEIVED})")
BEFORE_NOW = re.compile(r"(?:我|你|佢)(?:哋)?\s*(?:上次|上一次|之前|琴日|尋日|舊年)")  # what somebody did before


@lru_cache(maxsize=256)  # every task of a long turn reads the same turn
def _own_clauses(text: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """((sentence, clause) of each clause of a turn, in order), and each clause in plain form for finding a verb."""
    own = tuple((s, c) for s in sentences(text) for c in clauses(s))
    return own, tuple(_plain(_DONE_A_LITTLE.sub(r"\g<verb>", c)) for _, c in own)


OWN_CLAUSES_READ = 12  # clauses of its own turn a fragment looks back over: its object is said near it, and a turn of
# thousands of clauses would otherwise be read again for every task in it
PUT_OFF_FOR_NOW = re.compile(r"(?:唔|不)\s*\S{1,4}?\s*住(?:先)?(?:啦|喇|吖)?")  # 「唔轉住」


CLOCK_TALK = re.compile(r"即係|即是|等於")
CLOCK_CHANGE = re.compile(r"冬令時間|夏令時間|冬令時|夏令時|daylight saving|(?:快|慢)\s*(?:過)?\s*(?:香港|我哋|我地)\s*[一二三四五六七八九十兩\d]+\s*個?\s*(?:半)?\s*(?:鐘|小時)|(?<![A-Za-z])(?:DST|BST|GMT|EST|EDT)(?![A-Za-z])", re.IGNORECASE)


def context_for(task: str, transcript: Transcript, turn: int, topic_only: bool = True,
                owner: str | None = None) -> str | None:
    """What a fragment leans on: the earlier clauses of its own turn, else the latest statement
    of the two turns before (a request or a need, not a question, not one that names other
    people than ``owner`` when an owner is given); of a statement that names its topic
    (「印刷方面，…」) only the topic when ``topic_only``."""
    line = transcript.lines[turn]
    people = resolver_for(transcript.people)
    own, plain = _own_clauses(line.text)
    first = normalise(task).split("，")[0]
    forms = {_plain(first)} | {spoken for spoken, written in FOLLOW_UP.items() if first == written}  # 「跟一跟」 is cleaned to 跟進
    at = max((i for i, said in enumerate(plain) if first and any(f in said for f in forms)), default=0)  # a bare verb: its last saying
    for sentence, clause in reversed(own[max(0, at - OWN_CLAUSES_READ):at]):
        if owner is not None and sentence != own[at][0] and _for_someone_else(sentence, line.speaker, transcript, owner):
            return None  # 「Leo 月尾出 readership report。阿鋒今晚換人。」: Leo's is not 阿鋒's
        if sentence != own[at][0] and TURNED_DOWN.match(sentence):
            continue  # 「唔得呀，星期一要報俾投資方。咁你今晚 send 俾我」: why not, not the work
        if SELF_INTRO.match(clause.strip()) or PUT_OFF_FOR_NOW.fullmatch(_LEAD.sub("", clause).strip(" 。！!")) \
                or LET_ME_FINISH.fullmatch(clause.strip()):
            continue  # 「我係 Amy，…傾埋佢」: who is speaking, not what 佢 is; 「好啦，唔轉住」: not done for now
        if APOLOGY.match(clause) or OBSERVATION.search(clause) and not VERB.search(OBSERVATION.sub("", clause)):
            continue  # "Sorry for the delay earlier — yes, I'll fix it", 「我聽日放假喎，不過我今晚做埋佢」: no thing to do
        if BEFORE_NOW.match(clause.strip()):
            continue  # 「唔好喇，你上次整到好核突，Ivy 整」: how it went last time, not the thing to do
        identity = IDENTITY.match(_LEAD.sub("", drop_names(clause, people, None)).strip())
        if identity:  # 「Yoyo 你係佢個女嘅班主任，你覆一覆佢」: who somebody is, not whom 佢 means
            if _person_meant(task) and not re.search(r"[我你佢]", identity["whose"]):
                return identity["whose"]  # 「你係陳太嘅聯絡人，你聽日打俾佢」: 陳太
            continue
        if re.search(UNABLE, clause.strip(" 。！!")):
            continue  # 「呢個禮拜約唔到，…」: when it cannot be done, not the thing to do
        if MENDED.search(task) and not FAULT.search(clause):
            continue  # 「下個禮拜一要印年報，你整返佢」: why it is urgent; what is mended was said to be broken
        if CLOCK_TALK.search(clause) and has_time_words(clause, transcript.date) or CLOCK_CHANGE.search(clause):
            continue  # 「倫敦轉咗冬令時間，五點即係香港禮拜二朝早六點。我禮拜一做好」: what a time is there, not the thing
        if _what_a_day_is(clause, transcript) or SO_I.match(own[at][1].strip()) and has_time_words(clause, transcript.date):
            continue  # 「我禮拜五……唔係，禮拜五係 Good Friday，咁我禮拜四 upload 啦」: why not that day, not the thing
        if owner is not None and re.match(r"(?:我|你|佢)(?:哋)?(?!\s*(?:嗰|個|份|部|張|啲))", _LEAD.sub("", clause).strip()) \
                and not VERB.search(clause):
            continue  # 「咁交俾 Ivy 做，佢熟 WMS。…叫佢禮拜三前做好」: how a person stands, not the thing to do
        clause = _LEAD.sub("", clause)
        if HANDOVER_CLAUSE.search(clause):  # 「改由 Ivy 跟」 says who, not what
            continue
        if ONLY_RECIPIENT.fullmatch(task.strip()) and re.match(r"(?:我|我哋)\s*(?:要|會|先|再)*\s*(?:同|問|搵)", clause.strip()):
            continue  # 「…交貨期，我要同工廠再傾下，我聽日 confirm 返畀你哋」: a step before, not what is confirmed
        named = people.strip_leading(clause)
        if named and not named[1].strip(" ，,"):  # 「周小姐，你…」: who is spoken to, not what
            continue
        unasked = people.strip_leading(NOT_NEEDED.sub("", clause, count=1)) if NOT_NEEDED.match(clause) else None
        if unasked and not unasked[1].strip(" ，,"):  # 「唔使喇 Ivy，阿傑做」: who is let off, not what
            continue
        if named and owner is not None and named[0] != owner:  # 「Ken 負責 firewall，Peter 負責 backup」: Ken's
            return None
        was = WAS.match(clause) or MADE_BY.match(clause.strip())  # 「年報本來係 Ivy 跟」: the topic before 本來
        if was:
            if was.re is MADE_BY:  # 「…係 Ivy 做嘅」: 「call 佢」 is Ivy, 「review 佢」 the thing
                return was["maker"] if _person_meant(task) else WHICH_MARK.sub("", was["topic"])
            return was["topic"]
        who = _condition_about(clause, task)
        if who:
            return who  # 「如果客唔覆你，你聽日再 call 佢」: 佢 is the client
        if _person_meant(task) and re.match(r"佢(?!哋)", clause.strip()):
            continue  # 「客打咗嚟，佢想同你傾，你打返俾佢」: what the person wants, not who they are
        if COMMENT.match(clause):  # 「不過佢冇時間」
            continue
        if PAST_PLAN.search(clause):  # 「本來想叫阿豪整報價」: what, without who was meant to do it
            planned = _planned_work(clause, people)
            if planned:
                return planned
            continue
        begun = BEGUN.match(clause.strip())
        if begun and PRONOUN_OBJECT.search(task) and not _person_meant(task):
            return begun["thing"]  # 「英文 copy 我已經寫咗一半，I'll finish it…」: the copy, half written
        fronted = FRONTED.fullmatch(clause.strip())
        if fronted and (ONLY_RECIPIENT.fullmatch(task.strip()) or PRONOUN_OBJECT.search(task)) and not _person_meant(task) \
                and _names_a_thing(fronted["thing"], transcript):  # 「股權架構圖我整緊，聽日 send 俾 Jason」: the chart, sent
            return WHICH_MARK.sub("", fronted["thing"])
        arrived = ARRIVED.fullmatch(clause.strip(" 。！!")) if PRONOUN_OBJECT.search(task) and not _person_meant(task) else None
        if arrived and _names_a_thing(arrived["thing"], transcript):  # 「新 office 份租約已經到咗。…sign 咗佢」: the lease
            return NOUN_PHRASE.sub("", arrived["thing"]).strip()
        stated = _stated_thing(clause) if DONE.search(clause) and PRONOUN_OBJECT.search(task) and not _person_meant(task) else None
        if stated:
            return stated  # 「部影印機又壞咗，…整返佢」: a state the thing is in, not work done
        if not PRONOUN_OBJECT.search(clause) and not DONE.search(clause) \
                and not leans_on_context(_drop_times(named[1] if named else clause, transcript)):  # 「Wah仔你跟吖」 leans too
            let_off = re.search(rf"(?:唔使|唔駛|唔洗|不用)\s*(?=(?P<verb>{VERB_WORD}))", clause, re.IGNORECASE)
            if let_off and let_off["verb"].casefold() in task.casefold():  # 「你唔使 send 份 memo 喇，我自己 send」: the memo, sent
                clause = clause[:let_off.start()] + clause[let_off.end():]
            others = [start for name, start, _ in people.spans(clause) if owner is not None and name != owner]
            topic = clause[:others[0]].strip(" ，,") if others else ""
            # 「promo rules Cherry 今日 send，阿森 set 好」: the topic, not Cherry's work
            return topic if topic and not leans_on_context(topic) else clause
    bare = _drop_times(MODAL_VERB.sub("", first), transcript)
    verb = ACTION_VERB.search(bare)
    verb = verb.group(0) if verb else None
    any_verb = verb or (VERB.search(bare) or [None])[0]  # 「報埋佢」: any verb a need said after a but repeats
    earlier = list(transcript.lines[max(0, turn - 2):turn])
    own = next((said for said in reversed(transcript.lines[max(0, turn - OWN_TURN_BACK):max(0, turn - 2)])
                if said.speaker == line.speaker), None) if PRONOUN_OBJECT.search(task) and not _person_meant(task) else None
    again = next((said for said in reversed(transcript.lines[max(0, turn - OWN_TURN_BACK):max(0, turn - 2)])
                  if any_verb and re.search(re.escape(any_verb), said.text, re.IGNORECASE)), None) \
        if own is None and any_verb and _ONE_VERB.fullmatch(bare.strip()) else None
    own = own or again  # 「要有人去 showroom 揀」 … 「咁月尾前要揀好」: the need said with the same verb
    for previous in reversed(([own] if own else []) + earlier):  # 「部冷氣又壞咗」 … (two others answer) … 「整好佢」: the speaker's own
        for sentence in reversed(sentences(previous.text)):
            sentence = RESUMPTIVE.sub(r"\g<kept>", sentence)
            wants = WANTS_TO_SEE.fullmatch(_LEAD.sub("", sentence).strip(" 。！!"))
            if wants and not wants["thing"]:
                continue  # 「…可唔可以 send 過嚟？老闆想睇下。」: who wants it, why; the thing was asked for before
            if own is previous:  # 「…，邊個識師傅？」 asked by the speaker: the thing is what they said of it
                sentence = "" if sentence.rstrip().endswith(("？", "?")) else "，".join(c for c in clauses(sentence) if not WHO.search(c))
                if not sentence:
                    continue
            if all(REPORTER.match(_LEAD.sub("", c).strip()) or not _drop_times(c, transcript).strip(" ，,。") or UNDER_WAY.fullmatch(_LEAD.sub("", c).strip(" 。！!"))
                   for c in clauses(sentence)):  # 「九月尾，師傅話要預早兩個禮拜 book」: when, and what a party said of
                continue  # the work; the work was named before; 「我寫緊，不過…」: how it stands, the thing was asked before
            spent = next((m for c in clauses(sentence) if (m := USED_UP.match(_LEAD.sub("", c).strip()))), None)
            if spent and REPLENISH.search(task) and not _person_meant(task) and len(FILLER_CHARS.sub("", spent["thing"])) >= 2 \
                    and not find_time_phrases(spent["thing"], transcript.date):  # 「有一批下個月就過期」: how many, and when
                return spent["thing"]  # 「…點過個急救箱，入面啲藥水同膠布好多都過咗期」: the things to replace
            needed = _needed_for_verb(sentence, task, transcript.date)
            if needed:
                return needed
            if WHO.search(sentence):  # 「場地平面圖邊個畫？」 answered by 「阿豪你畫啦」
                asked = _LEAD.sub("", WHO.sub("", sentence).rstrip("？? 呀啊呢"))
                return re.sub(r"\s*(?:係|都係)\s*(?:負責|跟進|跟|處理|搞)$|(?<![一吓下])\s*(?:負責|跟進)$", "", asked) or asked  # 「M1係邊個負責？」: M1
            asked_if_done = PROGRESS_ASKED.search(sentence)
            if asked_if_done:  # 「上個月啲 expense claim 你處理咗未？」 「仲未，我聽日搞掂」: the claims
                named = people.strip_leading(_LEAD.sub("", sentence[:asked_if_done.start()]).strip())
                thing = (named[1] if named else _LEAD.sub("", sentence[:asked_if_done.start()])).strip(" ，,")
                thing = re.sub(r"^(?:你|佢)(?:哋)?\s*(?:嘅)?\s*(?=(?:份|個|張|啲|條|批|封|本|套|單)\s*\S)", "", thing)  # 「你份 proposal」: it
                if thing and not leans_on_context(_drop_times(thing, transcript)) and not re.match(r"[你我佢]", thing) \
                        and not people.find_name(thing):  # 「你老闆批咗未？」: who is asked, not the thing
                    return thing
                continue
            if re.match(r"(?:唔使|唔駛|唔洗|不用)\s*(?:喇|啦|喎)?\s*[，,]", sentence.strip()) and PRONOUN_OBJECT.search(task) \
                    and not re.search(r"就(?:得|夠|可以|OK)", sentence):  # 「唔使，加多條記憶體就得」 offers the work instead
                continue  # 「唔使，上年有後備，…搵到一個」: no to what was asked; 佢 is the thing asked about
            if PAST_REPORT.match(_LEAD.sub("", sentence)):  # 「上次係阿傑整嘅」: how it was done before, not the work
                continue
            if any(only_moved(_LEAD.sub("", c), transcript.date) for c in clauses(sentence)):
                continue  # 「…，我想改做禮拜四朝早」: when something happens, no thing to do
            ready = MADE_READY_BY_ME.match(_LEAD.sub("", sentence).strip())
            if ready and owner is not None and people.find_name(previous.speaker) == owner:
                return ready["thing"]  # 「通告我寫好咗」 … 「咁你放假前要派晒」: the notices, ready for what comes next
            called = people.strip_leading(_LEAD.sub("", sentence).strip())
            said_to = called[1].lstrip(" ，,") if called and re.match(r"\s*[，,]", called[1]) else _LEAD.sub("", sentence)
            partly = PARTLY_DONE.match(said_to.strip()) \
                if TAKES_CHARGE.fullmatch(first.strip()) or _ONE_VERB.fullmatch(first.strip()) or PRONOUN_OBJECT.search(task) else None
            if partly and not _person_meant(task) and _names_a_thing(partly["thing"], transcript) \
                    and re.search(r"嘅|^[A-Za-z]", partly["thing"]):  # 「陳sir，iPad 嘅登記表收返咗大半，仲有啲未交」 「你跟」: the forms
                return partly["thing"]
            sent_in = next((m for c in clauses(sentence) if (m := SENT_IN.match(_LEAD.sub("", c).strip())
                                                              or WANTED.fullmatch(_LEAD.sub("", c).strip(" 。！!")))), None) \
                if PRONOUN_OBJECT.search(task) and not _person_meant(task) else None
            if sent_in and _names_a_thing(sent_in["thing"], transcript):  # 「客今朝 send 咗份租約過嚟」 「嗰份你 review 完佢」: the lease
                return NOUN_PHRASE.sub("", sent_in["thing"]).strip()
            fronted = FRONTED.fullmatch(_LEAD.sub("", clauses(sentence)[0]).strip()) if clauses(sentence) else None
            if fronted and PRONOUN_OBJECT.search(task) and not _person_meant(task) and _names_a_thing(fronted["thing"], transcript):
                return WHICH_MARK.sub("", fronted["thing"])  # 「份合約我琴日收到，佢哋改咗條款」 「你睇清楚佢」: the contract
            topic_asked = TOPIC_ASKED.match(_LEAD.sub("", sentence).strip())
            if topic_asked and (not VERB.match(topic_asked["thing"]) or re.match(r"(?:份|個|張|啲|封|本|條|批|部)\s*\S", topic_asked["thing"])):
                # 「咁通告呢？」 … 「咁你放假前要派晒」: the notices (「份報價呢？」: after a measure word, a thing)
                return topic_asked["thing"]
            agenda = AGENDA.search(sentence) or TOPICS_TODAY.search(sentence)
            sentence = sentence[agenda.end():].strip(" ，,：:") if agenda else sentence  # 「今日主要傾吓新 office 嘅 network」
            handed = _was_somebodys(sentence, transcript, people) \
                if TAKES_CHARGE.fullmatch(first.strip()) or _BARE_VERB.fullmatch(first.strip()) else None
            if handed:  # 「…，原本係 Jason 跟 booking 嘅」 … 「Vivian 你跟吖」
                return handed
            was = WAS.match(_LEAD.sub("", sentence).strip()) if _ONE_VERB.fullmatch(bare.strip()) else None
            if was and not leans_on_context(was["topic"]) and not re.search(r"[我你佢]", was["topic"]):
                return NOUN_PHRASE.sub("", was["topic"].strip())  # 「啲驗收文件原本係 Winnie 準備」 … 「我…準備好」: the documents
            called = people.strip_leading(_LEAD.sub("", sentence).strip())
            when_of = WHEN_OF.match((called[1] if called else _LEAD.sub("", sentence)).strip(" ，,"))
            if when_of and not leans_on_context(when_of["thing"]):
                return when_of["thing"]  # 「部海德堡嘅年檢幾時到期？」 … 「咁你月尾前 book 咗佢」: the inspection
            if sentence.rstrip().endswith(("？", "?")) and (not (ACTION_VERB.search(sentence) or NEEDED_OR_NOT.search(sentence) and VERB.search(sentence))
                                                            or re.search(r"我(?!哋)", sentence)):
                continue  # 「要唔要我幫手拉數？」 offers help, it is not the work
            sentence = _LEAD.sub("", sentence)
            but = re.match(r"(?:不過|但係|但)\s*", sentence)
            needed = _clause_with(any_verb, sentence[but.end():], transcript) if but and any_verb else None
            if needed:  # 「不過按規矩，…我哋要通報衛生防護中心」 「你今日報埋佢」: what is needed, said after a but
                return needed
            owed = next((m for c in clauses(sentence[but.end():]) if (m := OWN_THING_NEEDS.fullmatch(_LEAD.sub("", c).strip(" 。！!")))), None) \
                if but and GENERIC_DONE.fullmatch(PRONOUN_OBJECT.sub("", first).strip()) and PRONOUN_OBJECT.search(task) else None
            if owed:  # 「不過…，我份風險評估要更新，…」 「你下個工作天搞掂佢」: the update is the work
                return spaced_scripts(f"{owed['verb']}{owed['thing']}")
            found = PROBLEM_FOUND.match(sentence[but.end():]) if but else None
            if found and not leans_on_context(found["thing"]):  # 「不過啲後備電池我點過，有兩粒就過期」 「咁換咗佢啦」: the batteries
                return found["thing"]
            if COMMENT.match(sentence) or NOT_MINE.match(sentence):  # 「不過大埔嗰個攝記今晚做火警」: a reason, not the work
                continue
            called = people.strip_leading(sentence)
            if all(TAKES_CHARGE.fullmatch(c.strip(" ？?")) or re.search(r"幾時|when(?![A-Za-z])", c, re.IGNORECASE)
                   for c in clauses(called[1] if called else sentence)):
                continue  # 「Mandy，你負責，幾時搞得掂？」: who and when, the work was said before
            if all(not re.sub(FEST, "", _drop_times(c, transcript)).strip(" ，,喎呀啊嘛")
                   or only_whereabouts(c) or _what_a_day_is(c, transcript)
                   for c in clauses(sentence)):
                continue  # 「聽日七一喎，公司放假」, 「下個禮拜一係聖誕喎」: when, and who is off, not the work
            if EVENT_HELD.search(sentence.rstrip("。！!.")) and find_time_phrases(sentence, transcript.date):
                continue  # 「報告可唔可以早啲？董事會禮拜五有個 online 會」: when something is on, not the work
            if POINTS_BACK.match(sentence) or HANDOVER_CLAUSE.search(sentence):  # 「呢個最緊急，…」 is about what was said
                continue  # before it; 「交俾 Ivy 做啦」 says who, not what
            if (re.match(r"(?:我|你|佢)(?:哋)?(?!\s*(?:嗰|個|份|部|張|啲))", sentence) or OBSERVATION.match(sentence)) \
                    and not VERB.search(sentence):
                continue  # 「我手上有一半」, 「係，成日都喺大學」: how a person stands, not the thing to do
            named = people.strip_leading(sentence)
            if named and re.match(r"\s*(?:同|都|又|亦|仲|好|太|成日|冇|唔)", named[1]) and not VERB.search(sentence) \
                    and not re.search(r"[，,]", sentence):
                continue  # 「華哥同 Karen 都好忙」: how people are, not the thing to do
            if any(CANNOT_GO.match(c.strip(" 。！!")) for c in clauses(sentence)):
                continue  # 「係呀，撞咗，我走唔開」: why not them, not the work
            if re.search(r"已經|頭先|啱啱", sentence) and all(DONE.search(c) or not VERB.search(c) for c in clauses(sentence)):
                continue  # 「我已經問咗兩間餅家報價，…」: what was done, not the work handed on
            nearly = next(((c, m) for c in clauses(sentence) if (m := MOSTLY_DONE.search(c))), None)
            thing = NOUN_PHRASE.sub("", nearly[0][:nearly[1].start()].strip()) if nearly else ""
            if len(re.sub(r"\W", "", thing)) >= 2 and not PRONOUN_OBJECT.search(thing) and PRONOUN_OBJECT.search(task) \
                    and not _person_meant(task):
                return thing  # 「PR 差唔多 ready，我今晚 merge 咗佢」 「我聽朝 review 埋佢」: the PR, whoever's work it was
            marked = _thing_for_verb(sentence, task)
            if marked:  # 「嗰個 exception 要你老闆 approve 先得」 「我聽日 approve 咗佢」: whoever was asked, the exception
                return marked
            if owner is not None and _for_someone_else(sentence, previous.speaker, transcript, owner, line.speaker):
                return None
            same_verb = _clause_with(verb, sentence, transcript) if verb else None
            if same_verb:  # 「約五個」 after 「我可以約啲 user 做 interview，了解下佢哋…」
                return same_verb
            plan = OWN_PLAN.search(sentence)
            if plan and owner is not None and people.find_name(previous.speaker) == owner:
                planned = sentence[plan.end():].strip(" ，,。！!")  # 「我想逐個回覆，再送張折扣券」 「好，你禮拜五前搞掂」
                if VERB.search(planned) and not leans_on_context(_drop_times(planned, transcript)):
                    return planned
            called = people.strip_leading(sentence)
            said = called[1].lstrip(" ，,") if called and re.match(r"\s*[，,]", called[1]) else sentence  # 「黃太，…」
            fault = FAULT.search(said)
            if fault and not leans_on_context(_drop_times(said[:fault.start()], transcript)):
                return _broken_thing(said[:fault.start()])  # 「禮堂個咪上次壞咗」: the thing to see to
            sentence = said if said != sentence and not people.mentioned(said) else sentence  # 「區主任，…」: who is told
            undone = [c for c in clauses(sentence) if not DONE.search(c)]
            if DONE.search(sentence) and undone and undone[0] == clauses(sentence)[0]:
                sentence = undone[0]  # 「抽油煙機成日響，隔籬鋪都投訴咗兩次」: the thing, not what was done about it
            if not DONE.search(sentence) and not leans_on_context(_drop_times(sentence, transcript)):
                asked = next((A_NOT_A.sub("", c).strip() for c in clauses(sentence) if A_NOT_A.search(c)), "")
                topic = _LEAD.sub("", clauses(sentence)[0]).strip() if asked and len(clauses(sentence)) > 1 else ""
                done = VERB.search(task[:PRONOUN_OBJECT.search(task).start()]) if PRONOUN_OBJECT.search(task) and not _person_meant(task) else None
                if done and topic and not VERB.search(topic) and _names_a_thing(topic, transcript) \
                        and not re.search(re.escape(done.group(0)), asked, re.IGNORECASE):
                    return NOUN_PHRASE.sub("", topic)  # 「禮堂個咪，要唔要問報價先？」 「你換咗佢」: the mic, not the quote
                if asked and not leans_on_context(_drop_times(asked, transcript)):
                    return asked  # 「社交媒體嗰邊，…，要唔要出條長片？」: the long video, not social media
                needed = next((m for c in clauses(sentence) if (m := NEEDED_WORK.match(c.strip()))), None)
                if needed and TAKES_CHARGE.fullmatch(first.strip()):  # 「…，要我哋更新記錄冊。」 「Mandy，你負責。」
                    return needed["work"]
                # 「講開中秋，有樣嘢要講，…」: what the talk turns to, and that something is to be said, are no thing
                sentence = "，".join(c for c in clauses(sentence) if not SPEAKING_OF.fullmatch(_LEAD.sub("", c).strip())) or sentence
                topic = (TOPIC.match(sentence) or WAS.match(sentence)) if topic_only else None
                # 「咁要唔要貼通告通知病人？」: what is asked, not 「唔貼」; 「…，唔好拖，唔落就要等」: no part of the work
                said = "，".join(c for c in clauses(sentence) if not re.search(f"{IF_NOT}|{URGED}", c.strip())) or sentence
                return topic["topic"] if topic else A_NOT_A.sub("", said).rstrip("。！!.；;？? ")
    return None


# 「經紀今朝 send 咗份合約嘅 scan 過嚟」, 「廠商琴日交咗份報告嚟」: a thing somebody sent in
SENT_IN = re.compile(r"[^，,。你我]{0,16}?\s*(?:send|email|寄|交|傳|fax)\s*(?:咗|了)\s*(?P<thing>(?:份|個|張|封|啲|批|本)\s*[^，,。你我佢]{2,24}?)"
                     r"\s*(?:過嚟|過來|嚟|來|返嚟|返來)(?:喇|啦)?", re.IGNORECASE)
# 「我哋總部想要一份今年嘅運行記錄」: a thing somebody wants
WANTED = re.compile(r"[^，,。你]{0,16}?(?:想要|需要|要)\s*(?:[一兩三四五六七八九十]\s*)?(?P<thing>(?:份|個|張|封|啲|批|本|套)\s*[^，,。你我佢]{2,24}?)"
                    r"\s*(?:喎|呀|啊|嘅|㗎)?")
ARRIVED = re.compile(r"(?P<thing>[^，,。你我佢]{2,24}?)\s*(?:已經|啱啱|頭先)?\s*(?:寄|送|send|email|交)?\s*(?:到|過嚟|返嚟)咗(?:喇|啦)?", re.IGNORECASE)
OWN_TURN_BACK = 4  # how far back a 佢 looks for the speaker's own turn when the two turns before name nothing
# 「入面啲藥水同膠布好多都過咗期」: things gone out of date or used up, to be replaced
USED_UP = re.compile(r"^(?:入面|裏面|入邊|裡面)?\s*(?:啲|嗰啲|呢啲|個|嗰個|D|d)?\s*(?P<thing>(?!有)[^，,。你我佢]{2,16}?)\s*(?:好多|大部分|有啲|有幾|全部|成半|差唔多)?\s*"
                     r"(?:都|已經|就快|快)?\s*(?:過(?:咗)?期|用晒|用完|冇晒|爛(?:咗|晒))")
REPLENISH = re.compile(r"補|換|買|訂|添|入貨|(?<![A-Za-z])order(?![A-Za-z])", re.IGNORECASE)  # what is done with things used up
THING_SAID = 24  # characters a thing named in a turn before may take to complete a bare verb (「出晒」 + 「公司客三月份月結嘅 invoice」)
WHEN_OF = re.compile(r"^(?:嗰|呢)?(?:部|個|份|張|架|條|批)?\s*(?P<thing>[^，,。？?你我佢]{2,24}?)\s*(?:幾時|邊日)\s*(?:到期|截止|完|過期|開始|要(?:出|交|做|send|submit))[^，,。]{0,4}[？?]?$")
MADE_READY_BY_ME = re.compile(r"(?P<thing>[^，,。你我佢]{2,12}?)\s*我(?:哋)?\s*(?:已經)?\s*[\u3400-\u9fff]{1,2}(?:好|完|晒)咗")
# 「講座嘅海報我整咗初稿」, 「供應商嗰份合約佢哋琴日 send 咗嚟」: a thing put first, then who did what to it
FRONTED = re.compile(r"(?:[份個張篇啲條封批]\s*)?(?P<thing>[^，,。？?你我佢]{2,24}?)\s*(?:我|佢)(?:哋)?\s*(?:已經|琴日|尋日|頭先|啱啱|今朝|上個?(?:禮拜|星期)|上次)?\s*"
                     r"(?:[^，,。\s]{1,3}(?:咗|過|到)|[^，,。\s]{1,3}緊).*")
# 「登記表收返咗大半」, 「啲回條收咗一半」: a thing, and how far it has got, said with no one doing it
PARTLY_DONE = re.compile(rf"(?P<thing>[^，,。？?你我佢]{{2,16}}?)\s*(?:已經)?\s*(?:{VERB_WORD})\s*(?:返|晒|好|齊|埋)?\s*咗\s*"
                         r"(?:大半|一半|少少|一部分|大部分|七七八八|好多|幾成|[一二三四五六七八九]成)", re.IGNORECASE)
WHICH_MARK = re.compile(r"(?:嗰|呢)\s*(?:份|個|張|條|封|批|單|套|本)\s*")  # 「供應商嗰份合約」: the supplier's contract


NAMING_MEASURES = "頁段款"  # measure words that are nouns too (a page, a paragraph, a model)
MARKED_THING = re.compile(r"(?:(?:嗰|呢)\s*(?:份|個|張|條|封|批|單|套|本|部|架|頁|段|款)\s*(?P<thing>[^，,。？?你我佢]{2,16}?)"
                          r"|(?<![^\s，,。])(?P<first>[^，,。？?你我佢\s][^，,。？?你我佢]{1,15}?)\s*(?:嗰|呢)\s*(?:份|個|張|條|封|批|單|套|本|部|架|頁|段|款))"
                          r"\s*(?=[，,]|要|需要|都要|係咪|要唔要|使唔使|$)")  # 「嗰張採購單要…」, 「variation order 嗰份要…」


def _needed_for_verb(sentence: str, task: str, today: date) -> str | None:
    """What a clause of the sentence says must have done to it the verb the task does to its 佢, with no measure
    word (「加班費要(你老闆)批㗎喎」 for 「批埋佢」: 加班費); None otherwise."""
    pronoun = PRONOUN_OBJECT.search(task)
    if not pronoun or pronoun.group(0) != "佢" or _person_meant(task):
        return None
    verb = re.search(rf"(?:{VERB_WORD})(?=\s*(?:咗|埋|晒|返|好|下)?\s*$)", task[:pronoun.start()], re.IGNORECASE)
    needs = next((m for c in clauses(sentence) if (m := NEEDS_DONE.fullmatch(_LEAD.sub("", c).strip()))
                  and m["verb"].casefold() == verb.group(0).casefold()), None) if verb else None
    return needs["thing"].strip() if needs and not leans_on_context(needs["thing"]) and not has_time_words(needs["thing"], today) else None


def _thing_for_verb(sentence: str, task: str) -> str | None:
    """What a sentence names with 嗰/呢 and a measure word and then says is to be done by the verb the task does to
    its 佢 (「嗰張申請表要你老闆簽名」 for 「簽咗佢」): the thing, whoever the sentence asks; None otherwise."""
    pronoun = PRONOUN_OBJECT.search(task)
    if not pronoun or pronoun.group(0) != "佢" or _person_meant(task):
        return None
    verb = re.search(rf"(?:{VERB_WORD})(?=\s*(?:咗|埋|晒|返|好|下)?\s*$)", task[:pronoun.start()], re.IGNORECASE)
    marked = MARKED_THING.search(sentence) if verb else None
    again = re.search(re.escape(verb.group(0)), sentence[marked.end():], re.IGNORECASE) if marked else None
    if not again or not re.match(r"\s*(?:名|咗|埋|好|晒)?\s*(?:先得|先|就得|$|[，,。！!])", sentence[marked.end() + again.end():]):
        return None  # 「嗰個 vendor 要我哋 confirm 數量」: what is confirmed is said after the verb
    return marked_name(marked)


def marked_name(marked: re.Match[str]) -> str:
    """The thing a MARKED_THING match names: 「variation order 嗰份」 → 「variation order」; a measure word that is
    itself a noun stays (「私隱政策嗰頁」 → 「私隱政策頁」)."""
    if marked["thing"]:
        return marked["thing"].strip()
    measure = marked.group(0).rstrip()[-1]
    return marked["first"].strip() + (measure if measure in NAMING_MEASURES else "")


def _names_a_thing(words: str, transcript: Transcript) -> bool:
    """Whether ``words`` name a thing: not a time, a person, work done or under way, or words that point back."""
    plain = _drop_times(words, transcript).strip(" ，,")
    return plain == words.strip(" ，,") and len(re.sub(r"\W", "", plain)) >= 2 and not re.search(r"咗|緊|頭先|啱啱|已經", plain) \
        and not resolver_for(transcript.people).mentioned(plain) and not PRONOUN_OBJECT.search(plain) and not POINTS_BACK.match(plain) \
        and not _LEAD.match(plain)


TOPIC_ASKED = re.compile(r"(?:咁|噉|仲有)?\s*(?P<thing>[^，,。？?你我佢]{2,12}?)\s*呢\s*[？?]$")  # 「咁通告呢？」: how that thing stands
PERIOD_AFTER = re.compile(r"(?<=\S)\s*(?:今個|呢個|這個)(?:月|禮拜|星期)|(?<=\S)\s*(?:今年|今季)$")
PAST_WHEN = re.compile(r"\s*(?:上個?(?:禮拜|星期|週|周|月)|尋日|琴日|頭先|啱啱|上次)\s*")  # when something went wrong
EVENT_HELD = re.compile(r"有(?:個|一個|場|一場)?\s*[^，,。]{0,10}?(?:會|meeting|活動|考試|面試|展覽|講座)$", re.IGNORECASE)
# 「send 份 list 俾你」, 「交返俾我」: a person pronoun after a verb of giving or contacting
RECIPIENT = re.compile(r"(?P<verb>[俾畀給同問搵覆幫]|抄送(?:埋)?|通知|提醒|話(?=[我你]知)|(?<![A-Za-z])(?:send|call|email|cc|brief|update|whatsapp) ?)"
                       r"(?P<who>我|你|佢)(?![哋地])"
                       r"|(?P<en_verb>(?<![A-Za-z])(?:send|give|email|call|tell|brief|show|update|to|cc) )(?P<en_who>me|you)(?![A-Za-z])",
                       re.IGNORECASE)


# what comes before someone acted upon, not acting (「見黃太」, 「同 Ken」, 「打俾陳生」, 「俾份報價 Ivy」): met or sent to, not spoken to
OBJECT_OF = re.compile(r"(?:[俾畀同話搵問等將幫對跟帶見]|(?<![合契條預公])約|打俾|打畀|打去|(?<![A-Za-z])(?:call|email|whatsapp|ping|meet|cc))"
                       r"\s*(?:吓|下|一下|埋|返)?\s*$|[俾畀]\s*(?:份|個|張|啲|封|本)[^，,。我你]{1,12}$", re.IGNORECASE)


ASKER_TURNS = 3  # how far back the turn that called an answer's speaker by name is looked for


def _asked_by(transcript: Transcript, turn: int) -> str | None:
    """Who called the speaker of ``turn`` by name in the ASKER_TURNS before (「阿傑，…。Ivy，你擬封道歉信…」
    「好，我而家就約。」 「好，道歉信我聽日 send 俾你」: 你 is the one who asked Ivy, not 阿傑); None if nobody did."""
    people = resolver_for(transcript.people)
    speaker = people.find_name(transcript.lines[turn].speaker)
    for previous in reversed(transcript.lines[max(0, turn - ASKER_TURNS):turn]):
        if previous.speaker == transcript.lines[turn].speaker:
            return None
        if speaker and any(name == speaker for name, _, _ in people.spans(previous.text)):
            return previous.speaker
    return None


def name_persons(task: str, transcript: Transcript, turn: int | None, owner: str | None) -> str:
    """The task with 我/你 after a verb of giving or contacting replaced by who they are, since the
    table is read without the turn: 我 is the turn's speaker, 你 (in the owner's own words) the
    person they answer. A pronoun whose person is not an attendee stays as said; in a group's task
    (owner None) only 我 is named."""
    if turn is None:
        return task
    people = resolver_for(transcript.people)
    line = transcript.lines[turn]
    speaker = people.find_name(line.speaker)

    def person(m: re.Match) -> str:
        if m["en_who"]:  # "send me the quote", "to you"
            return m["en_verb"] + (person_named("我" if m["en_who"].lower() == "me" else "你") or m["en_who"])
        name = person_named(m["who"])
        if name is None:
            return m[0]
        left = " " if re.match(r"[A-Za-z0-9]", name) or re.search(r"[A-Za-z0-9]\s*$", m["verb"]) else ""
        return m["verb"].rstrip() + left + name + (" " if re.search(r"[A-Za-z0-9]$", name) else "")

    def person_named(who: str) -> str | None:
        if who == "我":
            name = speaker if speaker and speaker != owner else None
        elif who == "佢":  # the last person named before it, not one called to (「阿傑，佢係你嘅客」): 「咁 Ivy 寫，…阿傑你俾埋啲數據佢」
            before = line.text[:line.text.rfind("佢")]
            named = [(start, n) for n, start, end in people.spans(before) if n not in (owner, speaker)
                     and not (re.match(r"\s*[，,]", before[end:]) and re.search(r"你(?!哋)", before[end:]))] \
                + [(m.start(), None) for m in CALLED.finditer(before) if not people.find_name(m[0])]
            name = max(named, key=lambda n: n[0])[1] if named else None
        else:
            said = line.text
            for _, start, end in reversed([s for s in people.spans(said) if OBJECT_OF.search(said[:s[1]])]):
                said = said[:start] + said[end:]
            heard = people.addressee(said, line.speaker, _asked_by(transcript, turn) or transcript.previous_speaker(turn)) \
                if owner is not None and speaker == owner else None  # 「我今晚見黃太，順便幫你問埋」: 你 is who asked
            name = people.find_name(heard) if heard else None
        return None if name is None or name == owner else name

    task = GIVEN_ME.sub(lambda m: _handed_to(m, person_named(m["who"])), task)  # 「俾比較表我」 → 「將比較表俾黃太」
    task = MINE.sub(lambda m: person_named("我") or m[0], task)  # 「我同 Ivy 嘅出差申請」: 黃太同 Ivy 嘅
    return re.sub(r"\s{2,}", " ", RECIPIENT.sub(person, task)).strip()



MINE = re.compile(r"(?:^|(?<=[，,\s]))我(?!哋)(?=\s*(?:同\s*[^，,。你]{1,8}?\s*)?嘅)")  # 「我嘅…」, 「我同 Ivy 嘅…」: whose


# 「三樓所有紀錄表」: 所有 is all, no 有 of a statement
STATED = re.compile(r"(?:一定|必須|務必)\s*要|(?:已經)?(?:好|咁)耐(?=\s*(?:都)?\s*(?:冇|未|唔))|(?:仲|都|已經|又|只|淨)?(?:係|(?<!所)有|冇|太|唔|未)|(?:好|幾|非常|十分|超|勁|真係)(?=急|趕|緊要|重要|麻煩|嚴重|危險|慢|亂|舊|殘|爛|貴|多|少|污糟|複雜|難搞)|成日|經常|時時|不停|一直|又(?=壞|死|卡|漏|塞|唔|冇)|壞(?:咗|晒)?(?!賬|帳|人|處|蛋|習慣)|\s*就(?=\s*(?:先|要|會|\S{0,2}[整修換改做搞]))")  # 「個喇叭就先整返」: the topic before 就


ASKED_BEFORE = re.compile(r"^(?:仲有|另外|至於)?\s*(?:你哋|你|佢哋|佢|我哋)?\s*(?:之前|上次|頭先|琴日|尋日)\s*(?:問|講|提|話|要)(?:過|咗)?嘅\s*")
MUST = re.compile(r"\s*(?:一定|必須|務必)\s*要")
NOT_DONE = re.compile(rf"(?:冇|未)\s*(?:人)?\s*(?P<verb>{VERB_WORD})(?=\s*(?:喇|啦|囉|呀|㗎|喎)?\s*[。！!]?$)", re.IGNORECASE)  # 「冇更新」, 「仲未改」
ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9]*[A-Z0-9]")  # 「CCTV」, 「UPS」: a thing named in one word


FRAMED = re.compile(r"^\s*(?:最大|主要|唯一|最麻煩)?\s*(?:嘅|的)?\s*(?:問題|難題|麻煩|重點)\s*(?:就|都)?\s*(?:係|是)\s*(?=\S)")
# 「login page 有個 bug」: a thing and a fault it has (the fault is what is fixed)
FAULT_IN = re.compile(r"^(?P<thing>[^，,。？?]{2,16}?)\s*(?:有|出現)\s*(?:個|條|啲|一個|幾個|少少|d)?\s*"
                      r"(?P<fault>bug|issue|error|錯字|錯誤|漏洞|故障)(?![A-Za-z])", re.IGNORECASE)  # not 問題: a person has them too


def _what_a_statement_is_about(context: str) -> str:
    """The subject of a statement a pronoun points back to (「investor deck 啲數字仲係十月嘅」 →
    「investor deck 啲數字」); the whole context when it has no predicate of that kind."""
    fault = FAULT_IN.match(FRAMED.sub("", context, count=1))  # 「最大嘅問題係 login page 有個 bug」: the bug
    if fault and not re.search(r"[我你佢]", fault["thing"]):  # 「login page 有個 bug」 → 「login page 嘅 bug」
        return spaced_scripts(f"{fault['thing'].strip()}嘅{fault['fault']}")
    parts = clauses(context)
    topic = MARKED_THING.fullmatch(_LEAD.sub("", parts[0]).strip()) if len(parts) > 1 and not VERB.search(parts[0]) else None
    if topic:  # 「私隱政策嗰頁，客話要改，字太細」: the thing named on its own first
        return marked_name(topic)
    asked = THING_ASKED_FOR.match(context.strip())
    if asked and not leans_on_context(asked["thing"]):  # 「你哋上個月嘅銷售數字可唔可以 send 過嚟？」: the sales figures
        return asked["thing"].strip()
    missing = NOT_YET_HAS.fullmatch(context.strip(" 。！!"))
    if missing and not re.search(r"[我你佢]", missing["where"]):  # 「POS 機而家未有中秋套餐個掣」: the button still to add
        return spaced_scripts(f"{missing['where'].strip()}{missing['thing'].strip()}")
    subject = STATED.split(context, maxsplit=1)[0].strip(" ，,")
    named = subject != context and not leans_on_context(subject) \
        or subject != context and NOUN_PHRASE.match(subject) and len(NOUN_PHRASE.sub("", subject).strip()) >= 2 \
        or subject != context and 2 <= len(subject) <= 8 and not re.search(r"[我你佢]", subject) \
        and re.match(r"\s*(?:就|都)?\s*(?:唔使|唔駛|唔洗|不用)", context[context.find(subject) + len(subject):]) \
        or subject != context and ACRONYM.fullmatch(subject) \
        or subject != context and bool(NOUN_PHRASE.match(subject)) and bool(MUST.match(context[context.find(subject) + len(subject):]))
    # 「報價唔使改」, 「CCTV 只係保留七日」, 「嗰張單一定要季尾前簽返」
    if named:
        return subject
    kept = [c for c in clauses(context) if not REPORTER.match(_LEAD.sub("", c).strip())]
    return "，".join(kept) if kept else context  # 「部 server 要換硬碟，供應商話要預早 book」: not what the supplier said


def _who_asked(transcript: Transcript, turn: int) -> tuple[str, str] | None:
    """(the thing, the verb) of a 「邊個…？」 question by somebody else in the turn before (「press release
    邊個寫？」 → ("press release", "寫")), which the turn answers by naming who."""
    line = transcript.lines[turn]
    previous = transcript.lines[turn - 1] if turn > 0 else None
    if previous is None or previous.speaker == line.speaker:
        return None
    for sentence in reversed(sentences(previous.text)):
        who = WHO.search(sentence)
        if who:  # the thing is said before 邊個, the verb after it
            thing = _headline(_LEAD.sub("", sentence[:who.start()]).strip(" ，,"))  # 「份報價」 → 「報價」
            verb = VERB.search(sentence, who.end())  # only a verb after it: 「…邊個寫入 SOP？」 says more
            verb = verb if verb and re.fullmatch(r"[\s？?呀啊呢先好]*", sentence[verb.end():]) else None
            if verb and len(re.sub(r"\W", "", thing)) >= 2 and not PRONOUN_OBJECT.search(thing) \
                    and not find_time_phrases(thing, transcript.date):
                return thing, verb.group(0)
            return None
    return None


ADDRESSEE_LEAD = re.compile(r"^(?:(?:你|您)(?:哋)?\s*(?:(?:可唔可以|可以|要|記得|幫我|幫手)\s*)*"
                            r"|(?:(?:can|could|would|will) you|please)(?![A-Za-z])\s*(?:please\s*)?)", re.IGNORECASE)
CONTACT_VERBS = r"約|問|搵|打(?:返|晒|埋)?[俾畀]|通知(?:埋|晒)?|聯絡|覆(?:返)?|提醒|催|回覆|同[^，,。]{1,8}?(?:解釋|交代)|(?<![A-Za-z])(?:email|call|whatsapp|ping|remind|reply|message|sms)"
# whom work is chased with: 「follow up 佢哋」, 「逼實佢哋」 (the vendor said before)
FOLLOWED_UP = re.compile(r"(?:follow\s*up|chase|push|跟進|逼實|逼|盯實|盯住|追)\s*(?:吓|下|一下|埋|實)?\s*$", re.IGNORECASE)
PERSON_VERB = re.compile(rf"(?:{CONTACT_VERBS}|話俾|話畀|叫|同|逼實|逼|追實|盯實)\s*$", re.IGNORECASE)  # verbs whose object is a person
GIVEN_TO = re.compile(r"(?:[俾畀給]|(?<![A-Za-z])(?:send|email|cc|to))\s*$", re.IGNORECASE)  # 「send 份報價俾佢哋」
ASKED = re.compile(r"可唔可以|可不可以|得唔得|好唔好|[？?]\s*$")  # a question, never what 佢 stands for


# 「供應商話…」, 「個客今朝 email 嚟問…」: a party that said or asked something
REPORTER = re.compile(r"^(?:[^，,。]{0,4}?(?:嗰邊|嗰度)|[^，,。]{1,20}?(?:上面|入面)\s*)?(?!唔|咪|不|冇|都|就|仲|再|要|如果|假如|萬一|若果)"
                      r"(?P<who>有\s*(?:個|則|條|篇)\s*[A-Za-z][A-Za-z0-9-]*|[^，,。\s我你佢哋]{2,8}?)(?<![唔冇未])(?<!唔係)\s*"  # 「booking.com 上面有個 review 話…」
                      r"(?:(?:今朝|尋日|琴日|頭先|啱啱|今日)?\s*(?:都|又)?\s*(?:有)?\s*(?:(?:寫|send|發)\s*)?(?:email|WhatsApp|message|信|打電話|打)?\s*(?:嚟|過嚟)\s*)?"
                      r"(?:已經|又|都|亦)?\s*(?:(?<!電)話(?!題)|講(?!笑)|覆|回覆|問(?!題)|投訴|(?:上個月|上個禮拜|頭先|之前)?\s*通知(?:咗)?)(?![我你]知|過|咗)", re.IGNORECASE)
PARTY_TURNS = 2  # how far back a party that said something is looked for
PERSON_SAID = 4  # characters a person is called by at most (「物流公司」); a longer context with a verb is a clause


HOW_OFTEN = re.compile(r"成日|經常|時時|不時|日日|次次|一直")
STATE_OF = re.compile(r"(?P<who>[^，,。？?我你佢]{2,10}?)\s*(?:好|都|又|已經|仲|真係|非常|幾)")  # 「荃灣嗰個客好緊張」: the client


def _reported_party(transcript: Transcript, turn: int) -> str | None:
    """The party whose words a turn just before reported (「供應商話下個月先開工」 → 「供應商」): who a 「同佢
    confirm」 then means; None when none was reported."""
    for line in reversed(transcript.lines[max(0, turn - PARTY_TURNS):turn + 1]):
        said_clauses = [c for s in sentences(line.text) for c in clauses(s)]
        for at in reversed(range(len(said_clauses))):
            said = REPORTER.match(_LEAD.sub("", said_clauses[at]).strip())
            if said and HOW_OFTEN.fullmatch(said["who"]):  # 「荃灣嗰個客好緊張，成日打嚟問」: who calls is said before
                said = STATE_OF.match(_LEAD.sub("", said_clauses[at - 1]).strip()) if at else None
            if said and not VERB.match(said["who"]) and not resolver_for(transcript.people).mentioned(said["who"]):
                # 「有個客…」: a client, not 「有客」; 「客已經…」: the client; 「彤彤之前話…」: a colleague, no party
                who = re.sub(r"(?<=\S)(?:已經|又|都|亦)$", "", said["who"])
                return re.sub(r"有(?!限)\s*(?:[一兩二三四五幾]\s*)?(?:個|位|間|班|啲)?\s*(?=\S)", "", who, count=1) or who
    return None


# 「要同 catering 講聲」: the party somebody is to talk to, then 「我打俾佢哋」 means them
SPOKEN_TO = re.compile(r"(?:同|搵|問|通知|聯絡|打俾|打畀)\s*(?P<who>[A-Za-z][A-Za-z ]{1,24}?|[\u3400-\u9fff]{2,6}?)\s*"
                       r"(?:講|傾|confirm|確認|說|check|對|交代)", re.IGNORECASE)


# 「四號已經 book 咗嘅客你通知埋佢哋改期」: who, said first, then to contact them
THEM_SAID_FIRST = re.compile(rf"(?P<who>[^，,。？?你我佢]{{2,16}}?)\s*你(?!哋)\s*(?:{CONTACT_VERBS})\s*(?:埋|返|晒)?\s*佢(?:哋)?",
                             re.IGNORECASE)


def _party_spoken_to(transcript: Transcript, turn: int) -> str | None:
    """The party (no attendee, no pronoun) the turn or the one before says to talk to (「要同 catering 講聲」):
    who a 「打俾佢哋」 then means; None when none is named."""
    people = resolver_for(transcript.people)
    for line in reversed(transcript.lines[max(0, turn - 1):turn + 1]):
        said = line.text
        for _, start, end in reversed(people.spans(said)):  # 「…嘅會員Ivy你通知埋佢哋」: who is asked stands between
            said = said[:start] + said[end:]
        for m in reversed(list(SPOKEN_TO.finditer(line.text)) + list(THEM_SAID_FIRST.finditer(said))):
            who = _LEAD.sub("", m["who"]).strip()
            if not re.search(r"[我你佢]|大家|各位", who) and not people.mentioned(who):
                return who
    return None


def spaced_scripts(text: str) -> str:
    """text with a space wherever Chinese and Latin letters or digits meet (「send 咗單」, not 「send咗單」)."""
    return re.sub(r"(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])", " ", text)


# a thing, then how far the speaker has got with it (「份 deck 我已經做咗一半」, 「篇稿我寫緊」)
BEGUN = re.compile(r"^(?:[份個張篇啲條封]\s*)?(?P<thing>[^，,。我你佢]{2,16}?)\s*我(?:哋)?\s*(?:已經|啱啱|頭先)?\s*"
                   r"(?:[^，,。\s]{1,3}咗\s*(?:一半|少少|一部分|大半|大部分|七七八八)|[^，,。\s]{1,3}緊)")


def _stated_thing(statement: str) -> str | None:
    """The thing a statement is about, without its measure word (「部影印機又壞咗」 → 「影印機」, 「呢張單好急」 →
    「單」); None when the statement names no thing before its predicate (a person, a verb, no predicate)."""
    statement = statement.strip(" ，,")
    subject = STATED.split(statement, maxsplit=1)[0].strip(" ，,")
    thing = NOUN_PHRASE.sub("", subject).strip()
    if thing == statement or not re.search(r"[\u3400-\u9fffA-Za-z]", thing) or re.search(r"[我你佢]", thing) \
            or VERB.match(thing) and not NOUN_PHRASE.match(subject):  # 「部影印機」: a measure word makes 影印 a noun's
        return None
    return thing


HELPED = re.compile(rf"(?P<for>(?:幫|同)\s*(?P<who>[^，,。\s]{{1,12}}?)\s*)(?P<verb>(?:{VERB_WORD})\s*[埋晒返]?)", re.IGNORECASE)  # 「幫你問埋」


def _verb_object_said_before(task: str, transcript: Transcript, turn: int, owner: str | None) -> str | None:
    """For a task that is a verb alone (「開」 of 「我今日幫你開」), the verb and its object as a need said in the two
    turns before last said them (「…我要佢幫我開權限」 → 「開權限」); None when they did not, or when that sentence
    asks it of 你 or of someone other than ``owner`` (then the answer is another's offer, for review)."""
    people = resolver_for(transcript.people)
    verb = _ONE_VERB.fullmatch(task.strip())
    if not verb:
        return None
    word = VERB.match(task.strip())
    said = re.compile(rf"{re.escape(word.group(0))}\s*(?:[好返埋晒]\s*)?(?P<thing>[^，,。！!？?\s我你佢咗]"
                      rf"[^，,。！!？?我你佢]{{1,15}}?)\s*(?:[吖呀啊啦喇嘅]\s*)*(?=[，,。！!？?]|$)", re.IGNORECASE)
    for previous in reversed(transcript.lines[max(0, turn - 2):turn]):
        for sentence in reversed(sentences(previous.text)):
            called = people.strip_leading(sentence)
            if re.search(r"你(?!哋)", sentence) or called and called[0] != owner:  # asked of somebody: their work, not a need
                continue
            found = [m for m in said.finditer(sentence) if without_times(m["thing"], transcript.date) == m["thing"]
                     and not VERB.fullmatch(m["thing"])]
            if found:
                return spaced_scripts(f"{task.strip()}{found[-1]['thing']}")
    return None


# 「再 send 一次」, 「email 多次」: the same work once more, its object said when it was done before
AGAIN = re.compile(rf"^(?P<pre>[^，,。]*?(?:再\s*)?)(?P<verb>{VERB_WORD})\s*(?P<times>(?:多)?\s*(?:一|兩|二|三)?\s*(?:次|轉|round))\s*$",
                   re.IGNORECASE)


def _done_again(task: str, transcript: Transcript, turn: int) -> tuple[str, str] | None:
    """(the task with its object, the words it came from) when the task only repeats a verb (「再 send 一次」)
    that the turn just before said done with its object (「我上個禮拜已經 send 咗 reminder」); None otherwise."""
    again = AGAIN.match(task.strip())
    if not again:
        return None
    done = re.compile(rf"{re.escape(again['verb'])}\s*(?:咗|過|埋|返)?\s*(?P<thing>[^，,。！!？?\s我你佢俾畀給][^，,。！!？?我你佢]{{0,15}}?)"
                      rf"\s*(?:[吖呀啊啦喇嘅㗎喎]\s*)*(?=[俾畀給]|[，,。！!？?]|$)", re.IGNORECASE)
    for previous in transcript.lines[max(0, turn - 1):turn]:
        found = [m for s in sentences(previous.text) for m in done.finditer(s)
                 if without_times(m["thing"], transcript.date) == m["thing"] and not VERB.fullmatch(m["thing"])]
        if found:
            thing = found[-1]["thing"].strip()
            pre = again["pre"] if "再" in again["pre"] else f"{again['pre']}再"  # done before: once more
            return spaced_scripts(f"{pre}{again['verb']}{again['times']} {thing}"), found[-1].group(0)
    return None


# 「我手上冇家屬嘅聯絡 list 喎」: what the speaker lacks, for the one who answers to hand over
LACKS = re.compile(r"(?:冇|未有|唔見咗|搵唔到|冇晒)\s*(?!問題|意見|所謂|嘢|事|時間|空|辦法|咩|乜|興趣|需要|必要|得|可能)(?P<thing>[^，,。？?\s我你佢][^，,。？?我你佢]{1,15}?)\s*(?:[喎呀啊㗎囉嘛]\s*)*$")


def _lacked_before(transcript: Transcript, turn: int) -> str | None:
    """What the turn before, by another speaker, says its speaker lacks (「我手上冇家屬嘅聯絡 list 喎」 → 「家屬嘅聯絡
    list」); None when it says no such thing."""
    if turn == 0 or transcript.lines[turn - 1].speaker == transcript.lines[turn].speaker:
        return None
    for clause in reversed([c for s in sentences(transcript.lines[turn - 1].text) for c in clauses(s)]):
        lacks = LACKS.search(clause.strip(" 。！!"))
        if lacks and re.search(r"我", clause[:lacks.start()]) and not find_time_phrases(lacks["thing"], transcript.date):
            return lacks["thing"].strip()
    return None


def _verb_said_again(task: str) -> str | None:
    """The task without its last clause when that clause says a verb of an earlier clause again with 佢
    (「約供應商嚟換，三個工作天內約到佢」: 佢 is the supplier already named); None otherwise."""
    parts = clauses(task)
    pronoun = PRONOUN_OBJECT.search(parts[-1]) if len(parts) > 1 else None
    verb = VERB.search(parts[-1][:pronoun.start()]) if pronoun else None
    if verb is None or any(PRONOUN_OBJECT.search(p) for p in parts[:-1]):
        return None
    again = re.compile(rf"{re.escape(verb.group(0))}\s*(?:[好返埋晒]\s*)?(?=[\u3400-\u9fffA-Za-z])(?![到咗佢])", re.IGNORECASE)
    return "，".join(parts[:-1]) if any(again.search(p) for p in parts[:-1]) else None


SENT_ON = re.compile(r"\s*(?:咗\s*)?佢(?!哋)\s*(?=[俾畀給])")  # 「send 咗佢俾全部租戶」: have it sent to them


def _sent_on(task: str) -> str | None:
    """The task with the 佢 of what its last clause sends on left out when the first clause makes the thing
    (「整通知，send 咗佢俾全部租戶」 → 「整通知，send 俾全部租戶」); None otherwise."""
    parts = clauses(task)
    sent = SENT_ON.search(parts[-1]) if len(parts) > 1 else None
    if sent is None or any(PRONOUN_OBJECT.search(p) for p in parts[:-1]) or not VERB.match(parts[0].strip()) \
            or not VERB.search(parts[-1][:sent.start()]) or PERSON_VERB.search(parts[-1][:sent.start()]):  # 「催佢俾返按金」: a person
        return None
    return "，".join([*parts[:-1], spaced_scripts(parts[-1][:sent.start()].rstrip() + parts[-1][sent.end():])])


def _done_then_how(task: str) -> str | None:
    """The task with its closing 佢 replaced by the object of the clause before, when that clause only
    says to get it done (「搞掂八樓嗰邊，圍好佢」 → 「圍好八樓嗰邊」): the second verb says how."""
    parts = clauses(task)
    if len(parts) < 2:
        return None
    done = re.fullmatch(r"(?P<verb>搞掂|搞定|完成|做完|做好|做掂)\s*(?P<thing>[^，,。我你佢]{2,16})", parts[-2].strip())
    pronoun = PRONOUN_OBJECT.search(parts[-1])
    if not done or not pronoun or pronoun.group(0) != "佢" or PERSON_VERB.search(parts[-1][:pronoun.start()]) \
            or not VERB.search(parts[-1][:pronoun.start()]):
        return None
    last = spaced_scripts(f"{parts[-1][:pronoun.start()].rstrip()}{done['thing']}{parts[-1][pronoun.end():]}").strip()
    return "，".join(parts[:-2] + [last])


def _stated_then_asked(task: str) -> str | None:
    """The request alone, its 佢 replaced by what a statement before it in the task is about
    (「呢張單好急，send 咗佢」 → 「send 咗單」, 「份合約有幾個錯字，改好佢」 → 「改好合約」); None when the
    task is not of that shape (a condition, 佢 a person, a statement about nothing named)."""
    parts = clauses(task)
    pronoun = PRONOUN_OBJECT.search(parts[-1]) if len(parts) > 1 else None
    counted = COUNTED_PEOPLE.fullmatch(_LEAD.sub("", "，".join(parts[:-1])).strip()) if pronoun and pronoun.group(0) == "佢哋" else None
    if counted:  # 「嗰三個工人，你跟進佢哋續期」 → 「跟進三個工人續期」
        last = parts[-1]
        return spaced_scripts(f"{last[:pronoun.start()].rstrip()}{counted['people']}{last[pronoun.end():]}").strip()
    if not pronoun or pronoun.group(0) != "佢" or PERSON_VERB.search(parts[-1][:pronoun.start()]) \
            or re.match(r"\s*嗰", parts[-1][pronoun.end():]) \
            or any(CONDITION_SUBJECT.match(p) or CALLER.match(p) for p in parts[:-1]) or not VERB.search(parts[-1]):
        return None
    said = "，".join(parts[:-1])
    named = NOUN_PHRASE.sub("", WHICH_MARK.sub("", said)).strip()
    thing = _stated_thing(said) or (named if _bare_thing(said) or _bare_thing(WHICH_MARK.sub("嘅", said))
                                    or len(clauses(said)) == 1 and len(said) <= THING_SAID and not VERB.search(said)
                                    and not re.search(r"[你我佢]|[日朝晚點前後月]|禮拜|星期", said) and len(re.sub(r"\W", "", named)) >= 2
                                    and not re.match(r"\s*(?:喺|在|去|返|到|由|從|同|俾|畀|向|對|就|都|再|先|要|唔|冇|好|係)", said) else None)
    if not thing:  # 「Acme 嗰張單，你改好佢」: the thing named alone, then the request
        return None
    last = parts[-1]
    return spaced_scripts(f"{last[:pronoun.start()].rstrip()}{thing}{last[pronoun.end():]}").strip()


COUNTED_PEOPLE = re.compile(r"(?:嗰|呢|那|這)?\s*(?P<people>[一二兩三四五六七八九十幾\d]+\s*(?:個|位|名)\s*[\u3400-\u9fffA-Za-z]{1,8})")
POSSESSED = re.compile(r"[^，,。你我佢嘅]{1,12}?嘅\s*[^，,。你我佢嘅]{1,8}")  # 「地毯嘅報價」: whose or of what, then the thing


def _bare_thing(text: str) -> bool:
    """Whether text only names a thing (「攝影隊嘅護照副本」): one short clause, no verb of work, nobody, nothing done."""
    return len(clauses(text)) == 1 and len(text) <= THING_SAID and not ACTION_VERB.search(text) \
        and bool(re.search(r"嘅", text) or NOUN_PHRASE.match(text)) \
        and not re.search(r"[你我佢]|咗|過|[\u3400-\u9fff](?:齊|好|晒|埋|完|掂)", text)


def standalone(task: str, transcript: Transcript, turn: int | None, topic_only: bool = True,
               owner: str | None = None) -> tuple[str, str | None]:
    """(task made standalone, the context it was given or None). An object pronoun is replaced
    by the context (only the topic a sentence names, unless not ``topic_only``: a decision keeps
    the whole sentence); a fragment without one gets the context in front. An item's ``owner``
    keeps another person's request in the turns before out of its context."""
    task = RESUMPTIVE.sub(r"\g<kept>", task)
    stated = _stated_then_asked(task) or _verb_said_again(task) or _done_then_how(task) or _sent_on(task)
    if stated:
        return stated, None
    repeated = _done_again(task, transcript, turn) if turn is not None else None
    if repeated:
        return repeated
    about = next((who for c in clauses(task) if (who := _condition_about(c, task))), None)
    if about:  # 「萬一供應商再遲，打俾佢」: the condition said with the task names 佢
        pronoun = PRONOUN_OBJECT.search(task)
        return f"{task[:pronoun.start()]}{about}{task[pronoun.end():]}", None
    asked = _who_asked(transcript, turn) if turn is not None else None
    said = re.search(rf"{re.escape(asked[1])}(?=\s|$|[A-Za-z0-9])", task) if asked else None  # not 寫 of 寫入
    if said and asked[0] not in task and not shared_grams(asked[0], task):
        at = said.end()  # 「press release 邊個寫？」 「你寫啦，first draft」
        task = f"{task[:at]} {asked[0]} {task[at:].strip()}".strip()
        return re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", task), asked[0]
    if asked and shared_grams(asked[0], task) and VERB.search(task):
        return task, None  # 「Design 邊個整？」 「我嚟跟 design 啦」: the thing asked about is named, in the answer's verb
    own_verb = re.fullmatch(rf"\s*(?:{VERB_WORD})\s*[完好晒哂埋掂齊返實]?\s*", task, re.IGNORECASE) if asked else None
    if own_verb:  # 「值班表邊個整？」 「我嚟，禮拜三前出」: the thing asked about, by the answer's verb
        thing = re.sub(r"\s*(?:都係|係)$", "", asked[0])  # 「場地係邊個負責？」
        return spaced_scripts(f"{task.strip()}{thing}"), thing
    helped = HELPED.fullmatch(task.strip()) if turn is not None else None
    helped = helped if helped and (helped["who"] in ("你", "佢", "佢哋") or resolver_for(transcript.people).find_name(helped["who"])) else None
    verb_object = _verb_object_said_before(helped["verb"], transcript, turn, owner) if helped else None
    if verb_object:  # 「我想問下新人可唔可以轉芍藥」 「我…順便幫你問埋」: what is asked, for whom
        return f"{name_persons(helped['for'], transcript, turn, owner)}{verb_object}", verb_object
    if turn is None or not leans_on_context(task):
        return task, None
    handed = ONLY_RECIPIENT.fullmatch(task.strip())
    lacked = _lacked_before(transcript, turn) if handed else None
    if lacked:  # 「我手上冇家屬嘅聯絡 list 喎」 「我一陣間 send 俾你」: the list, sent
        at = handed.start("to")
        return spaced_scripts(f"{task[:at].rstrip()}{lacked}{task[at:].strip()}"), lacked
    pronoun = PRONOUN_OBJECT.search(task)
    party = (_reported_party(transcript, turn) if pronoun.group(0) == "佢"
             else _party_spoken_to(transcript, turn) or _reported_party(transcript, turn)) \
        if pronoun and (PERSON_VERB.search(task[:pronoun.start()])
                        or pronoun.group(0) == "佢哋" and FOLLOWED_UP.search(task[:pronoun.start()])) else None
    if party:  # 「個客今朝 email 嚟問…」 「你今日覆佢」, 「C座有住戶投訴…，你打個電話俾佢」: the client, the residents
        return spaced_scripts(f"{task[:pronoun.start()]}{party}{task[pronoun.end():]}"), party
    context = _whose_said(context_for(task, transcript, turn, topic_only, owner), transcript, turn)
    document = _document_meant(task, pronoun, context, transcript, turn) if pronoun else None
    if document:
        done = re.search(r"咗\s*$", task[:pronoun.start()])  # 「sign 咗佢」: have it signed, still to do
        return spaced_scripts(f"{task[:done.start() if done else pronoun.start()]}{document}{task[pronoun.end():]}"), document
    if context is None:  # 「我要佢幫我開權限」 「我今日幫你開」: the rights, opened
        verb_object = _verb_object_said_before(task, transcript, turn, owner)
        return (verb_object, verb_object) if verb_object else (task, None)
    pronoun = PRONOUN_OBJECT.search(task)
    if pronoun and pronoun.group(0) == "佢" and re.search(r"[俾畀給]\s*$", task[:pronoun.start()]):
        to = [context[start:end] for _, start, end in resolver_for(transcript.people).spans(context)
              if re.search(r"[俾畀給]\s*$", context[:start])]  # 「…行程表你改好 send 俾 Lawrence」 「我聽日 send 俾佢」: Lawrence
        if to:
            return spaced_scripts(f"{task[:pronoun.start()]}{to[-1]}{task[pronoun.end():]}"), to[-1]
        verb = VERB.match(task.strip())
        asked = re.search(rf"{re.escape(verb.group(0))}\s*(?P<thing>[^，,。俾畀給]{{1,20}}?)\s*(?P<to>[俾畀給])\s*(?P<who>[^，,。\s]{{1,4}}?)"
                          rf"(?=揀|睇|簽|批|覆|check|[，,。\s]|$)", context, re.IGNORECASE) if verb else None
        if asked and ONLY_RECIPIENT.fullmatch(task.strip()):  # 「你 send 三款爐頭俾陳太揀」 「我聽朝 send 俾佢」: the same sending
            return spaced_scripts(f"{verb.group(0)} {asked['thing'].strip()}{asked['to']}{asked['who']}"), context
    context = drop_names(context, resolver_for(transcript.people), None) or context  # 「Ken，聽日買 laptop」: not Ken
    wanted = WANTS_TO_SEE.fullmatch(_LEAD.sub("", context).strip(" 。！!")) if pronoun else None
    handed = ONLY_RECIPIENT.fullmatch(task.strip()) if wanted and wanted["thing"] else None
    if handed and re.fullmatch(r"(?:俾|畀|給)\s*佢(?:哋)?", handed["to"].strip()):  # 「社署要睇最新更表，你…send 畀佢哋」
        return spaced_scripts(f"{task[:handed.start('to')].rstrip()}{wanted['thing'].strip()}{handed['to'].strip()[0]}{wanted['who'].strip()}"), context
    if pronoun and pronoun.group(0) == "佢哋" and (re.search(r"我|你|佢", context) or GIVEN_TO.search(task[:pronoun.start()])
                                                  or PERSON_VERB.search(task[:pronoun.start()])):  # 「約佢哋」: people
        return task, None  # 「佢哋」 are people: not a statement about us (「百分之三我哋頂唔順」), not what they are sent
    said = VERB.search(task[:pronoun.start()]) if pronoun else None
    if said and pronoun.group(0) == "佢哋" and re.search(rf"{re.escape(said.group(0))}\s*[埋晒返]?\s*(?!佢)[\u3400-\u9fffA-Za-z]", context) \
            and len(clauses(context)) == 1:
        return context, context  # 「使唔使加埋新司機？」 「…你加咗佢哋落去」: the work asked about, said in full
    if pronoun:
        thing = _what_a_statement_is_about(context)
        # 「部影印機上個禮拜」: when it was said about is no part of the thing; quote marks open and close elsewhere
        thing = PAST_WHEN.sub("", re.sub(r"[「」『』“”]", "", _drop_times(thing, transcript))).strip(" ，,") or thing
        thing = PERIOD_AFTER.sub("", thing) or thing  # 「荃灣嘅盤點今個月仲未做」: the stock take, not this month
        # 「你禮拜五前整好個 server 吖」 → 「整好個 server」, to meet the verb again in 「我聽日整好佢」
        asked = ADDRESSEE_LEAD.sub("", _drop_times(thing, transcript).strip()).rstrip("吖呀啊啦喇。！!")
        again = VERB.match(asked)
        before = re.search(rf"(?:{VERB_WORD})(?=\s*(?:咗|埋|晒|返|好)?\s*$)", task[:pronoun.start()], re.IGNORECASE)
        within = re.search(rf"{re.escape(before.group(0))}\s*(?:埋|晒|返|好)?\s*(?=\S)", asked) if before and not again else None
        if again and re.search(rf"{re.escape(again.group(0))}\s*(?:埋|晒|返|好)?\s*$", task[:pronoun.start()]):
            thing = NOUN_PHRASE.sub("", re.sub(r"^\s*(?:埋|晒|返|好)?\s*", "", asked[again.end():]))  # 「send 埋佢」: the quote
        elif within and not leans_on_context(asked[within.end():]) and not PARTICLES.fullmatch(asked[within.end():]):
            # 「消防處要我哋交份計劃」 「你交咗佢」: the plan (not 「加班費要批㗎喎」: nothing after the verb)
            thing = NOUN_PHRASE.sub("", asked[within.end():])
        if pronoun.group(0) == "佢" and PERSON_VERB.search(task[:pronoun.start()]) \
                and (ASKED.search(thing) or len(re.sub(r"\W", "", thing)) > PERSON_SAID and VERB.search(thing)):
            party = _reported_party(transcript, turn)  # 「你約佢…」 after 「可唔可以用視像做？」: 佢 is somebody, not what was asked
            if party:
                return spaced_scripts(f"{task[:pronoun.start()]}{party}{task[pronoun.end():]}"), party
            bare = re.fullmatch(rf"\s*(?:{VERB_WORD})\s*(?:埋|下|吓|返|實)?\s*", task[pronoun.end():], re.IGNORECASE)
            if bare and not ASKED.search(thing) and re.search(r"同\s*$", task[:pronoun.start()]):
                return spaced_scripts(f"{task.rstrip()} {thing}"), context  # 「同佢 confirm 埋」: confirm what was just settled
            return task, None
        finished = re.search(r"(?:搞掂|搞定|處理|做)\s*(?:埋|晒|返|好)?\s*$", task[:pronoun.start()])
        left = NOT_DONE.search(context) if finished and thing != context else None
        left = left if left and (left["verb"].isascii() or len(left["verb"]) <= 2) else None  # not 「對好數」, a verb with its object
        if left:  # 「公司網頁啲相好耐冇更新，我月尾前搞掂佢」: what was not done is the work (更新)
            return spaced_scripts(f"{task[:finished.start()]}{left['verb']}{thing}{task[pronoun.end():]}"), context
        generic = re.search(r"(?:做|搞(?P<done>掂|定)?|處理)\s*(?:埋|晒|返)?\s*$", task[:pronoun.start()])
        if generic and VERB.search(_drop_times(thing, transcript)) and (not generic["done"] or VERB.match(thing.strip())):
            # 「發電機再試一次啦」 「我做埋佢」: that work, said; 「搞掂佢」 for 「更新風險評估」: the update
            return spaced_scripts(f"{task[:generic.start()]}{thing}{task[pronoun.end():]}"), context
        done = re.search(r"咗\s*$", task[:pronoun.start()])  # 「你月尾前交咗佢」: have it handed in, still to do
        task = task[:done.start()] + task[pronoun.start():] if done else task
        return spaced_scripts(PRONOUN_OBJECT.sub(lambda _: thing, task, count=1)), context
    needed = re.sub(r"^(?:一定|都|就|必須|務必|趕)+", "", _drop_times(MODAL_VERB.sub("", context), transcript).strip(" ，,。"))
    if ONLY_RECIPIENT.fullmatch(needed) and context not in task:  # 「份年報，一定要月尾前出畀股東。Ivy 你跟。」: the report
        resolved = standalone(needed, transcript, turn, topic_only, owner)[0]
        return (resolved if GENERIC_DONE.fullmatch(task.strip()) else f"{resolved}，{task}"), context
    handed = ONLY_RECIPIENT.fullmatch(task.strip())
    asked_before = ASKED_BEFORE.match(context) if handed else None
    context = context[asked_before.end():] if asked_before else context  # 「你哋之前問嘅交貨期」: the delivery date, a thing
    thing = _what_a_statement_is_about(context) if handed else ""
    named = len(clauses(context)) == 1 and not VERB.search(context) and len(context) <= THING_SAID and _names_a_thing(context, transcript)
    if handed and (thing != context or _bare_thing(context) or named or asked_before and len(clauses(context)) == 1):  # 「護照副本，send 晒俾我」  # 「份報價單太舊」, 「email 俾 Ivy」 → 「email 報價單俾 Ivy」
        at = handed.start("to")
        return spaced_scripts(f"{task[:at].rstrip()}{thing}{task[at:].strip()}"), context
    bare_task = _drop_times(task, transcript).strip(" ，,")  # 「下個禮拜三之前準備好」: the verb, by then
    if (_BARE_VERB.fullmatch(task.strip()) or BARE_DONE.fullmatch(task.strip()) or BARE_DONE.fullmatch(bare_task) and not VERB.match(context)) \
            and len(clauses(context)) == 1 \
            and len(context) <= THING_SAID and (not ACTION_VERB.search(context) and not VERB.search(context)
                                                or re.search(rf"(?:{DOCUMENT})$", context) and not _plain(context).startswith(_plain(bare_task)[:1])
                                                # 「驗收文件」: a document, whatever its kind (not 「排下個月嘅更表」 for 「排」: said in full)
                                                or POSSESSED.fullmatch(context) and not DONE.search(context) and not VERB.match(context)):
        # 「做完」 + 「年報」, 「set 好」 + 「promo rules」, 「交」 + 「地毯嘅報價」
        return task.strip() + (" " if re.match(r"[A-Za-z0-9]", context) else "") + context, context
    if GENERIC_DONE.fullmatch(task.strip()) or len(_plain(task)) >= 4 and _plain(task) in _plain(context) \
            or re.fullmatch(r"有[^，,]{1,8}", task.strip()):  # 「好，你禮拜五前搞掂」: the work is what was said; 「…要有車」 what it gives
        return context, context
    return f"{context}，{task}", context


SPEAKERS_OWN = re.compile(r"^我\s*(?:個|嘅|部|份|張|啲)\s*(?=\S)")  # 「我個 VPN」: whose thing


def _whose_said(context: str | None, transcript: Transcript, turn: int) -> str | None:
    """``context`` with a thing of the speaker's (「我個 VPN」) named by whose it is when another attendee said it in a
    turn before (「Kelvin 嘅 VPN」); as it is otherwise."""
    mine = SPEAKERS_OWN.match(context) if context else None
    if not mine or context in transcript.lines[turn].text or VERB.search(context) or len(clauses(context)) > 1:
        return context
    said = next((line for line in reversed(transcript.lines[:turn]) if context in line.text), None)
    name = resolver_for(transcript.people).find_name(said.speaker) if said else None
    person = next((p for p in transcript.people if p.name == name), None)
    return spaced_scripts(f"{called_by(person, transcript)}嘅{context[mine.end():]}") if person else context


# what a pronoun after these verbs means is a document (「sign 咗佢」, 「print 咗佢」): general knowledge of office work
DOCUMENT = (r"合約|合同|協議書?|申請表|檢查表|登記表|報名表|時間表|更表|表格|文件|報告|計劃書|建議書|報價單?|清單|名單|通告|"
            r"通知書|海報|單張|菜單|價目表|價目牌|收據|發票|回條|圖則|(?<![A-Za-z])(?:menu|invoice|contract|agreement|form|report|"
            r"letter|quotation|poster|flyer|PO)(?![A-Za-z])")
DOCUMENT_VERB = re.compile(r"(?:簽|(?<![A-Za-z])(?:sign|print|scan)|影印|打印|(?<![影打])印|填|貼)\s*(?:咗|埋|好|晒|返)?\s*$", re.IGNORECASE)
# a document by its name, or by a measure word for paper (「嗰張採購單」, 「份 proposal」)
DOCUMENT_NAMED = re.compile(rf"[份張封](?!\s*(?:工|人|嘢|要|會|係|都|就|已|仲|先|唔|我|你|佢))\s*(?P<measured>[^，,。！？!?我你佢咗緊嘅\s]{{1,10}}?)(?=要|會|係|都|就|已|仲|唔|先|[，,。！？!?\s我你佢咗緊嘅]|$)|"
                            rf"(?P<thing>[^，,。！？!?我你佢咗緊]{{0,14}}?(?:{DOCUMENT}))", re.IGNORECASE)
DOCUMENT_TURNS = 6  # how far back 「sign 咗佢」 looks for the document


def _document_meant(task: str, pronoun: re.Match[str], context: str | None, transcript: Transcript, turn: int) -> str | None:
    """The document 佢 is, after a verb done to documents (「你月尾之前 sign 咗佢」): the last one named in the
    context found for it, else in the turn before the task, else in the DOCUMENT_TURNS before (「凍肉嗰間嘅新合約
    已經 send 咗過嚟」 … 「每次送貨加五十蚊」 … 「sign 咗佢」: the contract, not the charge); None when the verb
    is none of those, the context names a thing by its measure word (「嗰份表」) or no document was named."""
    if pronoun.group(0) != "佢" or not DOCUMENT_VERB.search(task[:pronoun.start()]) \
            or context and re.search(r"[份張封本]\s*[\u3400-\u9fffA-Za-z]", context):  # 「保險續期嗰份表」: a thing named so
        return None
    line = transcript.lines[turn]
    said = [line.text[:line.text.find(task)] if task in line.text else "", context or ""]  # the turn's own words first
    for text in said + [previous.text for previous in reversed(transcript.lines[max(0, turn - DOCUMENT_TURNS):turn])]:
        for clause in reversed(clauses(text)):
            found = [m["measured"] or m["thing"] for m in DOCUMENT_NAMED.finditer(_LEAD.sub("", clause).strip())]
            if found:
                thing = re.split(r"[份張封]", found[-1])[-1].strip()  # 「倉務嗰份執貨檢查表」: the form
                first = VERB.match(thing)
                if first and re.match(r"\s|咗|好|埋|晒|返", thing[first.end():]):  # 「改好合約」: the contract (not 清 of 清潔公司)
                    thing = re.sub(r"^\s*(?:咗|好|埋|晒|返)?", "", thing[first.end():]).strip()
                return thing or None
    return None


GOODS = re.compile(r"(?:嗰|呢)?(?P<measure>批|堆|單)\s*嘢")  # 「嗰批嘢」: the batch named before by its measure word
GOODS_TURNS = 3  # how far back 「嗰批嘢」 looks for 「嗰批 kraft paper」


def goods_named(task: str, transcript: Transcript, turn: int) -> str:
    """The task with 「(嗰)批嘢」 replaced by what the turn or the GOODS_TURNS before it last named with the
    same measure word (「上次訂嗰批 kraft paper 同絲帶」 → 「kraft paper 同絲帶」); as it is when none did."""
    goods = GOODS.search(task)
    if not goods:
        return task
    named = re.compile(rf"{goods['measure']}\s*(?!嘢)(?P<thing>[^，,。！!？?\s](?:[^，,。！!？?嘢]{{0,15}}[^，,。！!？?\s嘢])?)")
    line = transcript.lines[turn]
    for said in [line.text[:line.text.find(goods.group(0))]] + [l.text for l in reversed(transcript.lines[max(0, turn - GOODS_TURNS):turn])]:
        found = [m["thing"] for m in named.finditer(said) if not VERB.match(m["thing"])]
        if found:
            return task[:goods.start()] + found[-1] + task[goods.end():]
    return task


VERB_AND_OBJECT = re.compile(rf"(?:{VERB_WORD})(?P<object>[\u3400-\u9fff]{{1,2}})", re.IGNORECASE)  # 「訂房」, 「搞樣板」
GENERIC_DONE = re.compile(r"(?:搞掂|搞定|處理|搞|handle|做好|做完|做掂|完成)(?:佢|晒|埋|好)?", re.IGNORECASE)


def called_by(person: Person, transcript: Transcript) -> str:
    """What the meeting calls a person: a name of one word (陳淑儀, 黃太) or one said as it is written,
    else the form said most often (「阿傑」 for 「Marco Lee 李文傑」), else the first alias given. A form
    names one attendee only (OwnerResolver drops shared ones), so the short form is unambiguous in the table."""
    if len(person.name.split()) == 1:
        return person.name
    people = resolver_for(transcript.people)
    said = Counter(line.text[start:end] for line in transcript.lines
                   for name, start, end in people.spans(line.text) if name == person.name)
    if person.name in said:  # 「Raymond」, 「陳Sir」: said as the name
        return person.name
    if said:
        return said.most_common(1)[0][0]
    return person.aliases[0] if person.aliases else person.name


# where a name is a person's, not part of a longer word (「book 文華酒店」, 「同國強集團傾」, 「搵張經理簽名」): right after
# a verb of giving or contacting, and before a pause or a word of what is done with them
PERSON_SLOT = re.compile(r"(?:[俾畀給同問搵約見催覆]|通知|提醒|話俾|話畀|打俾|打畀|(?<![A-Za-z])(?:cc|send|email|call|whatsapp))\s*(?:吓|下|一下|埋|返)?\s*$",
                         re.IGNORECASE)
PERSON_AFTER = re.compile(r"\s*(?:$|[，,。！!？?；;、\s]|[A-Za-z]|講|傾|知|睇|確認|簽|批|過目|審批|參考|入數|揀|跟進|處理|報告|匯報|聽|check|confirm)",
                          re.IGNORECASE)


def in_spoken_names(task: str, transcript: Transcript) -> str:
    """The task with attendees' full names (put in for 我/你 and the like) written as the meeting
    calls them: 「send 報價俾 Stephen Ma 馬國強」 → 「send 報價俾 Stephen」; a name of one word is
    written in full instead of the alias said where it names the person (「交俾陳姑娘」 → 「交俾陳淑儀」),
    as minutes name people: after a verb of giving or contacting and before a pause or what is done
    with them (PERSON_SLOT, PERSON_AFTER: not 「book 文華酒店」), never a common title (「搵經理簽名」)
    or a surname and title the list did not give (「陳生」 may be a client)."""
    people = resolver_for(transcript.people)
    for name, start, end in reversed(people.spans(task)):
        said = task[start:end]
        if len(name.split()) == 1 and said != name and said not in COMMON_TITLES \
                and not people.only_by_title(said, name) and PERSON_SLOT.search(task[:start]) and PERSON_AFTER.match(task[end:]):
            task = task[:start] + name + task[end:]
    for person in transcript.people:
        if person.name in task:
            called = called_by(person, transcript)
            inner = called.find(person.name) if called != person.name else -1  # 「阿May」 holds 「May」

            def spaced(m: re.Match[str]) -> str:  # a space only next to Latin letters or digits
                at = m.start() + len(m[1]) - inner
                if inner >= 0 and task[at:at + len(called)] == called:
                    return m.group(0)  # already as the meeting calls them
                before = " " if m.start() and re.match(r"[A-Za-z0-9]", called) and re.match(r"[^\s，,]", task[m.start() - 1]) \
                    or m[1] and re.search(r"[A-Za-z0-9]", task[max(0, m.start() - 1):m.start()]) else ""
                follows = task[m.end():m.end() + 1]
                after = " " if re.search(r"[A-Za-z0-9]$", called) and re.match(r"[\u3400-\u9fffA-Za-z0-9]", follows) \
                    or m[2] and re.match(r"[A-Za-z0-9]", follows) else ""
                return before + called + after

            task = re.sub(rf"(\s*){re.escape(person.name)}(\s*)", spaced, task)
    return task.strip()
