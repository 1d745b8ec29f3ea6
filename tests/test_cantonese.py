from assistant.cantonese import spoken_cantonese, to_hong_kong


def test_simplified_to_hong_kong_traditional_keeps_english():
    assert to_hong_kong("这个 project 的 deadline 在里面", cantonese=False) == "這個 project 的 deadline 在裏面"


def test_written_function_words_become_spoken_cantonese():
    assert to_hong_kong("他们是不是在这里") == "佢哋係唔係喺呢度"
    assert spoken_cantonese("我們沒有時間") == "我哋冇時間"


def test_words_that_are_also_cantonese_are_kept():
    assert spoken_cantonese("不過現在的士司機不同") == "不過而家的士司機不同"
    assert spoken_cantonese("為了了解目的") == "為了了解目的"
    assert spoken_cantonese("派利是，是但啦，是不是") == "派利是，是但啦，係唔係"  # 利是: a red packet
    assert spoken_cantonese("他還沒有還書，借還機還要試") == "佢仲冇還書，借還機仲要試"  # 還 as "give back" is Cantonese too


def test_half_width_punctuation_after_chinese_becomes_full_width():
    assert to_hong_kong("好,我哋開始?OK, go!") == "好，我哋開始？OK, go!"


def test_the_cantonese_particle_stays_as_hong_kong_writes_it():
    assert to_hong_kong("报告全部做晒") == "報告全部做晒"


def test_written_verbs_become_spoken_but_words_that_need_them_stay():
    assert spoken_cantonese("誰可以找供應商拿報價給我") == "邊個可以搵供應商攞報價俾我"
    assert spoken_cantonese("找數之前要確認供給") == "找數之前要確認供給"


def test_written_no_need_and_do_not_become_spoken():
    assert spoken_cantonese("不用等法團，不要用舊版，不要緊") == "唔使等法團，唔好用舊版，唔緊要"


def test_written_then_and_no_longer_become_spoken_but_that_and_done_stay():
    assert spoken_cantonese("那今年不去了 明年再看") == "咁今年唔去喇 明年再睇"
    assert spoken_cantonese("那就照舊，不用改了") == "咁就照舊，唔使改喇"
    assert spoken_cantonese("那間酒樓的訂金都給了") == "嗰間酒樓嘅訂金都俾咗"


def test_the_homophone_of_give_becomes_give_but_compare_stays():
    assert spoken_cantonese("分析交比你，再 send 比大家") == "分析交俾你，再 send 俾大家"
    assert spoken_cantonese("你聽日比返啲數據我。") == "你聽日俾返啲數據我。"
    assert spoken_cantonese("佢比我快，比較一下先") == "佢比我快，比較一下先"


def test_written_disposal_ba_becomes_jiang_but_the_measure_word_stays():
    assert spoken_cantonese("你今晚把份合約交給他") == "你今晚將份合約交俾佢"
    assert spoken_cantonese("帶一把遮，把握時間") == "帶一把遮，把握時間"


def test_then_before_a_name_called_becomes_spoken_then():
    assert spoken_cantonese("那陳生你跟一跟") == "咁陳生你跟一跟"
    assert spoken_cantonese("那阿May你打俾佢") == "咁阿May你打俾佢"
    assert spoken_cantonese("那位先生到了") == "嗰位先生到咗"


def test_hong_kong_forms_of_group_bed_and_peak():
    assert to_hong_kong("群组 床单 山峰", cantonese=False) == "群組 床單 山峰"


def test_written_closing_ba_and_also_become_spoken_but_a_bar_stays():
    assert spoken_cantonese("那好吧 你也叫其他人吧") == "咁好啦 你都叫其他人啦"
    assert spoken_cantonese("去酒吧傾，也許好啲") == "去酒吧傾，也許好啲"
