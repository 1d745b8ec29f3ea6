"""Words as speech recognition misspells them: attendees' names (「阿建你…」 for 阿健, 「美奇你…」 for
美琪) and the holidays and deadline words a due time is read from (「聖旦」 for 聖誕).

A name said to somebody (at the start of a clause, followed by 你 or a comma) that no attendee has
is read as the attendee whose Chinese name sounds the same in Cantonese, syllable by syllable with
the tones left out (ASR swaps near-homophones: 建 gin3 for 健 gin6). Pronunciations come from
ToJyutping (the Cantonese Computational Linguistics Infrastructure Development Workgroup's
dictionary). Only when exactly one attendee sounds so: two candidates are left as said, to be
resolved on the review page.

A calendar word (a Hong Kong holiday, 工作天) is respelled only where the text says the same
syllables with the same tones: a homophone the recogniser chose, not a near one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from assistant.extract.owners import Person

# 2–3 characters opening a clause and said to someone: 「阿建你…」, 「美奇，…」, and in ASR text spaced at its
# pauses 「蚊仔 明天開場前…」
CALLED = re.compile(r"(?:^|(?<=[，,。！!？?\s]))(?P<name>[\u3400-\u9fff]{2,3}?)(?=\s*(?:你(?!哋)|[，,])|\s+(?=\S))")


@lru_cache(maxsize=4096)
def syllables(text: str) -> tuple[str, ...] | None:
    """Toneless Jyutping syllables of a Chinese text (「阿健」 → ("aa", "gin")); None when a character has none."""
    import ToJyutping  # its dictionary takes a second to load: only when a name is not found as said

    said = [jyutping for _, jyutping in ToJyutping.get_jyutping_list(text)]
    if not said or any(not j for j in said):
        return None
    return tuple(re.sub(r"\d", "", j.split()[0]) for j in said)


def _forms(person: Person) -> Iterable[str]:
    """The Chinese forms a person is called by: name parts and aliases of two or three characters,
    and of a three-character full name its given name and 阿 with its last character (林美琪: 美琪, 阿琪)."""
    for said in (person.name, *person.aliases):
        for part in re.findall(r"[\u3400-\u9fff]+", said):
            if 2 <= len(part) <= 3:
                yield part
            if len(part) == 3:
                yield from (part[1:], f"阿{part[-1]}")


def respelled(text: str, people: tuple[Person, ...]) -> str:
    """text with each name said to somebody that no attendee has, but that sounds like exactly one
    attendee's, written as that attendee's form."""
    forms = {form: person.name for person in people for form in _forms(person)}
    if not forms:
        return text

    def spelled(m: re.Match[str]) -> str:
        said = m["name"]
        if said in forms:
            return said
        heard = syllables(said)
        alike = {form: name for form, name in forms.items() if len(form) == len(said) and heard and syllables(form) == heard}
        return next(iter(alike)) if len(set(alike.values())) == 1 else said

    return CALLED.sub(spelled, text)


# holidays a deadline is said by: three syllables or more, or 聖誕 and 佛誕 (誕 daan3, 旦 the same), so that no
# common word or name is said the same way (月尾 jyut6 mei5 is also the end of 「五月美國展」, 國慶 a name 郭慶)
CALENDAR_WORDS = ("聖誕", "佛誕", "復活節", "中秋節", "農曆新年", "端午節", "重陽節", "清明節", "工作天", "返工日")


@lru_cache(maxsize=1)
def _calendar_sounds() -> dict[tuple[str, ...], str]:
    import ToJyutping

    return {tuple(j for _, j in ToJyutping.get_jyutping_list(word)): word for word in CALENDAR_WORDS}


def calendar_respelled(text: str) -> str:
    """text with each run of Chinese characters said exactly as a calendar word (same syllables and
    tones, 「聖旦」 sing3 daan3) written as that word (「聖誕」)."""
    if not re.search(r"[\u3400-\u9fff]", text):
        return text
    import ToJyutping

    said = [jyutping for _, jyutping in ToJyutping.get_jyutping_list(text)]
    if len(said) != len(text):  # a character the dictionary splits or joins: leave the text as it is
        return text
    sounds = _calendar_sounds()
    chars, at = list(text), 0
    while at < len(text):
        for size in (4, 3, 2):
            word = sounds.get(tuple(said[at:at + size])) if None not in said[at:at + size] else None
            if word:
                chars[at:at + size] = list(word)
                at += size
                break
        else:
            at += 1
    return "".join(chars)

