"""Who owns an action item: pronouns, roles and name variants → one attendee name.

"我嚟跟" belongs to the speaker; "你" to the person addressed (a name in the same turn,
else the previous speaker); "IT 嗰邊" to the attendee whose role mentions IT; 陳生,
陳先生, Mr Chan and Peter Chan are one person when the attendee list says so. An owner
nobody in the meeting matches is kept as spoken.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.cantonese import to_hong_kong
from assistant.extract.text import FULL_WIDTH_ALNUM, normalise

FIRST_PERSON = {"我", "我哋", "我自己", "本人", "i", "me", "myself", "we", "us", "speaker", "講者", "發言人"}
SECOND_PERSON = {"你", "你哋", "你自己", "you", "閣下"}
# Hong Kong romanisations of common surnames, so "Mr Chan" or "Peter Chan" finds 陳生.
SURNAMES = {
    "chan": "陳", "chen": "陳", "wong": "黃", "huang": "黃", "lee": "李", "li": "李", "cheung": "張",
    "chang": "張", "lau": "劉", "liu": "劉", "ho": "何", "ng": "吳", "lam": "林", "leung": "梁", "cheng": "鄭",
    "yeung": "楊", "tsang": "曾", "chow": "周", "chau": "周", "tang": "鄧", "lai": "黎", "fung": "馮",
    "kwok": "郭", "law": "羅", "lo": "盧", "mak": "麥", "yip": "葉", "choi": "蔡", "tam": "譚", "poon": "潘",
    "tse": "謝", "so": "蘇", "siu": "蕭", "kwan": "關", "wu": "胡", "hui": "許", "yu": "余", "au": "區",
}
# Title → the short Cantonese suffix: 陳先生 = 陳生 = Mr Chan.
TITLES = {
    "先生": "生", "生": "生", "mr": "生", "mister": "生", "sir": "sir", "小姐": "小姐", "姐": "小姐", "miss": "小姐",
    "ms": "小姐", "太太": "太", "太": "太", "mrs": "太", "主任": "主任", "經理": "經理", "老師": "老師",
}
JOB_TITLES = ("經理", "主任", "總監", "主管", "老師", "律師", "醫生", "教授", "工程師", "會計師", "顧問")
TITLE_FORM = re.compile(r"(?:生|先生|小姐|太|太太|sir)$|^(?:mr|mrs|miss|ms|mister)(?=[a-z])")
_ROLE_FILLERS = re.compile(r"(嗰邊|那邊|呢邊|這邊|部門|同事|team|組|方面|嘅人|負責人|side|dept)", re.IGNORECASE)
_SPLIT_OWNERS = re.compile(r"\s*(?:、|，|,|/|同埋|同|和|及|&|\band\b)\s*", re.IGNORECASE)
LEFT_OUT = re.compile(r"(?:唔好|唔使|唔駛|唔洗|不用)\s*(?:再)?\s*(?:預|搵|叫|等|麻煩|指望)\s*$")  # 「唔好預 Ivy」: not her


@dataclass(frozen=True)
class Person:
    name: str
    role: str = ""
    aliases: tuple[str, ...] = ()  # from the people directory: 陳生, Peter Chan for 陳大文
    timezone: str | None = None  # IANA name; None = the meeting's
    manager: str | None = None  # their direct manager's name: who 「你老闆」 said to them is


def _key(text: str) -> str:
    return re.sub(r"[\s.．·]", "", text).casefold()


# one department's names in English and Chinese, as Hong Kong offices call them
DEPARTMENTS = (
    ("hr", "humanresources", "人事", "人力資源"), ("it", "資訊科技", "電腦部"),
    ("finance", "accounts", "accounting", "財務", "會計"), ("legal", "法務", "法律"),
    ("marketing", "市場", "市務"), ("sales", "銷售", "營業"), ("procurement", "purchasing", "採購"),
    ("admin", "administration", "行政"), ("operations", "ops", "營運"), ("pr", "publicrelations", "公關"),
    ("customerservice", "cs", "客服", "客戶服務"), ("logistics", "物流"), ("security", "保安"), ("engineering", "工程"),
    ("design", "設計"), ("qa", "qc", "品質", "品管"),
)


def _names_department(key: str, text: str, whole: bool) -> bool:
    """Whether text (a _key) is (``whole``), or holds (a role as written, lower case), the department
    name key; a Latin name only as a word ("IT" is not in "editor")."""
    if whole:
        return text in (key, f"{key}部", f"{key}dept", f"{key}department")
    if re.match(r"[\u3400-\u9fff]", key):
        return key in text
    words = re.findall(r"[a-z]+", text)
    return key in words or key in ("".join(words[i:i + 2]) for i in range(len(words)))  # "human resources"


def _same_department(words: str, role: str) -> bool:
    """Whether words name the department a role belongs to, in either language (hr ~ 人事部)."""
    return any(any(_names_department(k, words, True) for k in names) and any(_names_department(k, role, False) for k in names)
               for names in DEPARTMENTS)


@lru_cache(maxsize=4096)
def _variants(person: Person) -> frozenset[str]:
    """Lookup keys under which a person may be mentioned; names written in Simplified (李华) are
    also found in the Traditional the transcript is read in (李華)."""
    keys: set[str] = set()
    for name in (person.name, *person.aliases):
        name = name.translate(FULL_WIDTH_ALNUM)
        keys |= _name_variants(name) | _name_variants(to_hong_kong(name, cantonese=False))
    other = {t for t, short in TITLES.items() if short in {"生", "小姐", "太", "sir"} - _titles_of(person.aliases)}
    given = {_key(a) for a in (person.name, *person.aliases)}
    return frozenset(k for k in keys if k in given or not any(k.endswith(t) or k.startswith(t) for t in other))


def _surname_and_given(name: str) -> str | None:
    """The three characters of a Chinese full name (陳詩韻: a surname and a two-character given name),
    not 阿明 or 陳小姐; None otherwise."""
    cjk = re.sub(r"[^\u3400-\u9fff]", "", name)
    ok = len(cjk) == 3 and not cjk.startswith("阿") and cjk == _key(name)[-3:] and not any(name.endswith(t) for t in TITLES)
    return cjk if ok else None


def _titles_of(aliases: tuple[str, ...]) -> set[str]:
    """The short titles a person may be guessed by: all of them, or only one gender's when an alias already
    gives one (「陳小姐」 for Ivy Chan 陳詩韻: 「陳生」 is somebody else)."""
    said = {TITLES[t] for a in aliases for t in TITLES if a.casefold().endswith(t) or a.casefold().startswith(t)}
    male, female = said & {"生", "sir"}, said & {"小姐", "太"}
    return {"生", "sir"} if male and not female else {"小姐", "太"} if female and not male else {"生", "小姐", "太", "sir"}


@lru_cache(maxsize=4096)
def _title_guesses(person: Person) -> frozenset[str]:
    """何生, 何小姐, Mr Ho for 何志強: the surname of a Chinese full name with a title, a guess at gender
    the list never gave, used only where no attendee is called so (and flagged when it names the owner)."""
    cjk = _surname_and_given(person.name)
    if cjk is None:
        return frozenset()
    spellings = [latin for latin, han in SURNAMES.items() if han == cjk[0]]
    shorts = _titles_of(person.aliases) & {"生", "小姐", "太", "sir"}
    return frozenset(key for title, short in TITLES.items() if short in shorts
                     for key in ({cjk[0] + title} if not title.isascii() or title == "sir" else {title + s for s in spellings}))


def _runs_on(key: str, end: int) -> bool:
    """Whether a Latin name ending at key[end] runs on into a longer word (Sam in 「samsung」)."""
    return end < len(key) and key[end - 1:end].isascii() and key[end - 1:end].isalpha() \
        and key[end:end + 1].isascii() and key[end:end + 1].isalpha()


def _found(key: str, variant: str) -> list[int]:
    """Where variant stands in key as a word of its own (not 「ann」 in 「annual」)."""
    out, at = [], key.find(variant)
    while at >= 0:
        before = key[at - 1:at]
        if not (before.isascii() and before.isalpha() and variant[:1].isascii() and variant[:1].isalpha()) \
                and not _runs_on(key, at + len(variant)):
            out.append(at)
        at = key.find(variant, at + 1)
    return out


def _holds(text: str, part: str) -> bool:
    """Whether part (a _key) stands in text (lower case, spaced as written) as words of its own: 「it」 is in
    「it 主任」 and 「manager」 in 「site manager」, but 「it」 is in neither 「editor」 nor 「security」."""
    spaced = r"[\s.．·]*".join(map(re.escape, part))
    edge_before = r"(?<![a-z])" if part[:1].isascii() and part[:1].isalpha() else ""
    edge_after = r"(?![a-z])" if part[-1:].isascii() and part[-1:].isalpha() else ""
    return re.search(f"{edge_before}{spaced}{edge_after}", text) is not None


def _findable(variant: str) -> bool:
    """Whether a variant may be searched for inside running text: one character (明 for 阿明)
    is a name only when said on its own, never inside 明白 or 美國."""
    return len(variant) >= 2


def _name_variants(name: str) -> set[str]:
    keys = {_key(name)}
    latin = re.findall(r"[A-Za-z]+", name)
    cjk = re.sub(r"[^\u3400-\u9fff]", "", name)
    if latin and len(cjk) >= 2:  # 「Ivy Chan 陳詩韻」 is called Ivy Chan or 陳詩韻 as well
        keys |= {"".join(latin).casefold(), cjk}
    # 陳生 / 陳先生 / 陳sir → surname + title; 阿明 → 明
    for title, short in TITLES.items():
        if cjk and name.casefold().endswith(title):
            surname = _key(name)[: -len(title)]
            spellings = [surname] + [latin for latin, han in SURNAMES.items() if han == surname]
            for other, other_short in TITLES.items():
                if other_short == short:
                    keys |= {s + other for s in spellings} | {other + s for s in spellings[1:]}
    if cjk.startswith("阿") and len(cjk) == 2:
        keys.add(cjk[1])
    surname = cjk[0] if _surname_and_given(name) else SURNAMES.get(latin[-1].casefold()) if len(latin) >= 2 else None
    if surname:  # 劉經理, 陳老師: a job title says nothing of gender, unlike 生/小姐
        keys |= {surname + title for title in JOB_TITLES}
    if _surname_and_given(name):
        keys.add(cjk[1:])  # 陳詩韻 is called 詩韻 by colleagues
        keys |= {"阿" + cjk[2], cjk[2] + "哥", cjk[2] + "姐", cjk[2] + "仔"}  # 何志強: 阿強, 強哥, 強仔
    # Peter Chan → peter, chan生, 陳生, mrchan; Miss Lee → 李小姐
    lower = [w.casefold() for w in latin]
    if lower and lower[0] in TITLES and len(lower) >= 2:
        short = TITLES[lower[0]]
        surname = SURNAMES.get(lower[-1])
        for t, s in TITLES.items():
            if s == short:
                keys.add(lower[-1] + t)
                if surname:
                    keys.add(surname + t)
    elif lower:
        keys |= {lower[0], "阿" + lower[0]}  # Ken → 阿Ken, as Cantonese calls people by a given name
        keys |= {lower[0] + suffix for suffix in ("哥", "姐", "仔")}  # Ken 哥, Mandy 姐
        if len(lower) >= 2:
            surname = SURNAMES.get(lower[-1])
            for t, s in TITLES.items():
                if s in ("生", "小姐", "太"):
                    keys.add(lower[-1] + t)
                    if surname:
                        keys.add(surname + t)
    return {k for k in keys if k}


@lru_cache(maxsize=16)
def resolver_for(people: tuple[Person, ...]) -> "OwnerResolver":
    """One resolver per attendee list, shared by every stage of an extraction."""
    return OwnerResolver(people)


# English words that are also given names: in lower case they are the word (「we will send」, "may I")
WORD_NAMES = frozenset({"will", "may", "mark", "bill", "hope", "rose", "sunny", "frank", "art", "pat", "rich", "drew",
                        "guy", "max", "chase", "grace", "joy", "faith", "him"})


# Titles that are also common nouns: an attendee called 「經理」 is not meant by 「有個經理」, 「總經理」 or 「老師傅」
COMMON_TITLES = frozenset({"經理", "老師", "師傅", "主任", "醫生", "姑娘", "律師", "老闆", "總監", "主席", "校長", "秘書",
                           "司機", "保安", "會計", "工程師"})


MEMO_SIZE = 50_000  # texts remembered per memo: a day of meetings, a few MB


def _make_room(memo: dict) -> None:
    if len(memo) >= MEMO_SIZE:
        memo.clear()


class OwnerResolver:
    def __init__(self, people: Sequence[Person]):
        self.people = list(people)
        # every stage asks about the same turns again: a long meeting is otherwise quadratic; the
        # resolver outlives one meeting in a worker, so each memo is emptied when it grows past MEMO_SIZE
        self._spans: dict[str, list[tuple[str, int, int]]] = {}
        self._leading: dict[str, tuple[str, str] | None] = {}
        self._named: dict[str, str | None] = {}
        self.by_key: dict[str, str] = {}
        # a variant two attendees share (陳小姐 for Ivy Chan and Peter Chan, May for two Mays) names nobody
        # unless one attendee is called so outright (an attendee named 陳小姐 keeps it)
        owners: dict[str, set[str]] = {}
        called: dict[str, set[str]] = {}
        for person in self.people:
            for key in _variants(person):
                owners.setdefault(key, set()).add(person.name)
            for word in (person.name, *person.aliases):
                called.setdefault(_key(word.translate(FULL_WIDTH_ALNUM)), set()).add(person.name)
        guesses = {person.name: frozenset(k for k in _title_guesses(person) if k not in owners) for person in self.people}
        for person in self.people:
            for key in guesses[person.name]:
                owners.setdefault(key, set()).add(person.name)
        self.ambiguous = frozenset(k for k, names in owners.items() if len(called.get(k, names)) > 1)
        self.keys = {person.name: frozenset(k for k in _variants(person) | guesses[person.name]
                                            if len(called.get(k, owners[k])) == 1 and person.name in called.get(k, owners[k]))
                     for person in self.people}
        for person in self.people:
            for key in self.keys[person.name]:
                self.by_key.setdefault(key, person.name)
        # an alias written in capitals (「IT」, 「HR」) is an acronym: "it" in a sentence is not that person
        acronyms = {a.casefold(): a for person in self.people for a in person.aliases
                    if a.isascii() and a.isalpha() and a.isupper() and len(a) <= 3}
        self._not_acronym = re.compile(rf"(?<![A-Za-z])(?!(?:{'|'.join(acronyms.values())})(?![A-Za-z]))(?i:{'|'.join(acronyms)})(?![A-Za-z])") \
            if acronyms else None
        # "will", "may": an alias that is also an English word names the person only written as a name
        words = {a.casefold() for person in self.people for a in (person.name, *person.aliases) if a.casefold() in WORD_NAMES}
        self._as_word = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(sorted(words))})(?![A-Za-z])") if words else None
        nouns = {a for person in self.people for a in (person.name, *person.aliases) if a in COMMON_TITLES}
        alternatives = "|".join(sorted(nouns))
        self._as_noun = re.compile(rf"(?<=[個位啲嗰呢班總副幾])\s*(?:{alternatives})|(?:{alternatives})(?=[傅長])") \
            if nouns else None
        # 「陳生」 for "Ivy Chan": a title the list never gave that person says a gender it does not know
        self.guessed = {person.name: frozenset(k for k in self.keys[person.name] if TITLE_FORM.search(k)
                                               and person.name not in called.get(k, set()))
                        for person in self.people}
        # A name as written may have spaces or dots inside ("Peter  Chan", "Dr. Wong"); a Latin
        # name is a word of its own (not Sam in Samsung), a Chinese one may touch a Latin word (「阿森set 好」).
        self._patterns = [
            (person.name, re.compile((r"(?<![A-Za-z])" if variant[:1].isascii() else "")
                                     + r"[\s.．·]*".join(map(re.escape, acronyms.get(variant, variant)))
                                     + (r"(?![A-Za-z])" if variant[-1:].isascii() else ""),
                                     0 if variant in acronyms else re.IGNORECASE))
            for person in self.people for variant in self.keys[person.name]
            if _findable(variant)
        ]

    def find_name(self, text: str) -> str | None:
        """The attendee a name variant refers to, if any."""
        if text not in self._named:
            _make_room(self._named)
            self._named[text] = self._find_name(text)
        return self._named[text]

    def _find_name(self, text: str) -> str | None:
        key = _key(normalise(text))
        if key in self.by_key:
            return self.by_key[key]
        for surname_key in (_key(w) + t for w in re.findall(r"[A-Za-z]+", text)[1:] for t in ("生", "小姐", "太")):
            if surname_key in self.by_key:  # "Peter Chan" for the attendee 陳生
                return self.by_key[surname_key]
        for person in self.people:  # "Peter Chan" when only "Peter" attended, "陳生佢" etc.
            if any(len(v) >= 2 and _found(key, v) for v in self.keys[person.name]):
                return person.name
        return None

    def names_several(self, text: str) -> bool:
        """Whether text is a name two or more attendees answer to (「May」 with May Wong and May Lee)."""
        return _key(normalise(text).translate(FULL_WIDTH_ALNUM)) in self.ambiguous

    def by_role(self, text: str) -> str | None:
        """The attendee whose role a text names (「會計部」, 「IT 主任」); a department said in the other
        language counts too (「HR 嗰邊」 for a role 人事部, 「法律部」 for "Legal counsel"). None when no
        attendee or more than one has that role."""
        spoken = _ROLE_FILLERS.sub("", normalise(text)).casefold()
        words = _key(spoken)
        if len(words) < 2:
            return None
        said = [p.name for p in self.people if p.role and (_holds(normalise(p.role).casefold(), words) or _holds(spoken, _key(p.role))
                                                            or _same_department(words, p.role.casefold()))]
        return said[0] if len(said) == 1 else None  # two in that department: nobody is guessed

    def _unnamed_words(self, text: str) -> str:
        """The text with lower-case English words that are also attendees' names ("we will send"), an acronym
        alias not in capitals ("fix it" for 「IT」), and titles that are an attendee's alias said as a common noun (「有個經理」), blanked out,
        keeping every position."""
        for pattern in (self._as_word, self._as_noun, self._not_acronym):
            text = pattern.sub(lambda m: "#" * len(m[0]), text) if pattern else text
        return text

    def mentioned(self, text: str) -> list[str]:
        """Attendees named in a turn's text, in order of first mention."""
        text = self._unnamed_words(text)
        key = _key(normalise(text))
        hits = []
        for person in self.people:
            positions = [p for v in self.keys[person.name] if _findable(v) for p in _found(key, v)]
            if positions:
                hits.append((min(positions), person.name))
        return [name for _, name in sorted(hits)]

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """(attendee, start, end) of each name said in text, as written: the longest variant where
        several overlap (「阿森」, not 「森」), in order."""
        if text not in self._spans:
            _make_room(self._spans)
            masked = self._unnamed_words(text)
            found = sorted((m.start(), -m.end(), name) for name, pattern in self._patterns for m in pattern.finditer(masked))
            out: list[tuple[str, int, int]] = []
            for start, negative_end, name in found:
                if not out or start >= out[-1][2]:
                    out.append((name, start, -negative_end))
            self._spans[text] = out
        return list(self._spans[text])

    def only_by_title(self, text: str, name: str) -> bool:
        """Whether text names ``name`` only by a surname and a title the attendee list did not give
        them (「陳生」 for "Ivy Chan"): the owner is then a guess, to be checked."""
        said = [_key(text[start:end]) for who, start, end in self.spans(text) if who == name]
        return bool(said) and all(s in self.guessed.get(name, ()) for s in said)

    def leading(self, text: str) -> tuple[str, str] | None:
        """The attendee a text starts with, and the rest of the text (spaces removed, lower case)."""
        key = _key(normalise(self._unnamed_words(text)))
        hits = [(len(v), person.name) for person in self.people for v in self.keys[person.name]
                if key.startswith(v) and _findable(v) and not _runs_on(key, len(v))]
        if not hits:  # "Ivy will follow up…": a Latin name before Latin words, kept apart by the space
            named = self.strip_leading(text.lstrip())
            return (named[0], named[1].strip()) if named and re.match(r"\s+[A-Za-z]", named[1]) else None
        length, name = max(hits)
        said = _key(normalise(text))  # the rest as written, not masked (masking keeps every position)
        return name, (said if len(said) == len(key) else key)[length:]

    def strip_leading(self, text: str) -> tuple[str, str] | None:
        """(attendee, the rest of text as written) when text opens with an attendee's name."""
        if text not in self._leading:
            _make_room(self._leading)
            masked = self._unnamed_words(text)  # the rest is returned as written, not masked
            best: tuple[str, int] | None = None
            for name, pattern in self._patterns:
                m = pattern.match(masked)
                if m and (best is None or m.end() > best[1]):
                    best = (name, m.end())
            self._leading[text] = (best[0], text[best[1]:]) if best else None
        return self._leading[text]

    def left_out(self, text: str, who: str | None) -> bool:
        """Whether text says not to count on ``who`` (「唔好預 Ivy」, 「唔使搵 Ivy」): not the one spoken to."""
        return who is not None and any(name == who and LEFT_OUT.search(text[:start]) for name, start, _ in self.spans(text))

    def addressee(self, text: str, speaker: str, previous_speaker: str | None) -> str | None:
        named = [n for n in self.mentioned(text) if n != speaker and not self.left_out(text, self.find_name(n))]
        if named:
            return named[0]
        return previous_speaker if previous_speaker and previous_speaker != speaker \
            and not self.left_out(text, self.find_name(previous_speaker)) else None

    def resolve(self, owner: str, speaker: str, turn_text: str = "",
                previous_speaker: str | None = None) -> list[str | None]:
        """Attendee names for an owner as written by a rule or a model, several for 'A 同 B';
        None for a part no attendee matches (never the words as said, never guessed)."""
        names: list[str | None] = []
        for part in _SPLIT_OWNERS.split(normalise(owner or "")):
            part = part.strip(" 「」\"'")
            if not part:
                continue
            low = part.casefold()
            if low in FIRST_PERSON:
                name = self.find_name(speaker)
            elif low in SECOND_PERSON:
                addressed = self.addressee(turn_text, speaker, previous_speaker)
                name = self.find_name(addressed) if addressed else None
            else:
                name = self.find_name(part) or self.by_role(part)
            if name not in names:
                names.append(name)
        return names or [self.find_name(speaker)]