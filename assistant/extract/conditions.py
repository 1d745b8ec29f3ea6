"""A condition or a reason said before a request, as ASR writes it without a comma.

Cantonese puts the condition (如果…, 萬一…, 有咩…) or the reason (因為…) first and the main clause
after it, opened by 就 or 所以 or by its own subject (「因為下個禮拜要交你禮拜五前寫好份報告」). The
clause readers part a sentence at its commas, so without one the request reads as part of the
condition (nobody's task) or of the reason (no work). :func:`condition_apart` writes the comma.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.extract.clock import find_clocks
from assistant.extract.dates import find_time_phrases
from assistant.extract.owners import OwnerResolver
from assistant.extract.tasks import VERB

# what opens a condition or a reason; 「有咩問題」 is "if anything comes up"
OPENS = re.compile(r"(?:(?:你|你哋|大家)\s*)?(?:如果|假如|若果|萬一|一旦|因為|由於|有(?:咩|乜嘢|乜|任何))")  # 「Ken 你有咩問題…」
# where the main clause starts: 「…就…」, 「…所以…」 (not 就係, 就咁, 就算, 就快, 就嚟, 就到, 就近, 就手)
THEN = re.compile(r"(?:咁)?就(?![係咁算快嚟到近手])|所以")
SUBJECT = re.compile(r"你(?!哋)")
# what a request says first after its subject: an adverb of when or how, a modal or a favour
REQUEST_START = re.compile(r"\s*(?:即刻|馬上|記得|一定|要|幫|再|先|同|搵|負責|跟|send|check|call|email)", re.IGNORECASE)
CONDITION_WORDS = 2  # characters a condition says at least before its main clause


def condition_apart(sentence: str, people: OwnerResolver, today: date) -> str:
    """The sentence with a comma after each condition or reason that opens a clause of it (after
    a name called, if any) and runs into the main clause without one.

    「如果客唔覆你就聽日再 call 佢」 → 「如果客唔覆你，就聽日再 call 佢」,
    「Ivy因為下個禮拜要交你禮拜五前寫好份報告」 → 「Ivy因為下個禮拜要交，你禮拜五前寫好份報告」.
    """
    return "".join(_apart(part, people, today) if i % 2 == 0 else part
                   for i, part in enumerate(re.split(r"([，,、]\s*)", sentence)))


def _apart(clause: str, people: OwnerResolver, today: date) -> str:
    called = next((end for _, start, end in people.spans(clause) if start == 0), 0)
    opened = OPENS.match(clause, called + len(clause[called:]) - len(clause[called:].lstrip()))
    if not opened:
        return clause
    start = opened.end() + CONDITION_WORDS
    cuts = {m.start() for m in THEN.finditer(clause, start)} | _subjects(clause, start, people, today)
    if not cuts:
        return clause
    at = min(cuts)
    name = f"{clause[:called].rstrip()}，" if called else ""  # 「阿傑，如果…」: the name called is a clause too
    return f"{name}{clause[called:at].strip()}，{clause[at:].lstrip()}"


def _subjects(sentence: str, start: int, people: OwnerResolver, today: date) -> set[int]:
    """Where 你, or a name then 你, opens a request after ``start``: what follows is a time, an
    adverb or modal of a request, or a verb."""
    found = set()
    for m in SUBJECT.finditer(sentence, start):
        named = [s for _, s, end in people.spans(sentence) if end <= m.start() and not sentence[end:m.start()].strip()]
        after = sentence[m.end():]
        if named:  # 「…Ken你就幫手整」: after a name 你 is who acts (「問你就話…」: 你 is asked)
            after = re.sub(r"^\s*(?:就|都)", "", after)
        times = [p.start for p in find_time_phrases(after, today)] + [c.start for c in find_clocks(after)]
        if REQUEST_START.match(after) or VERB.match(after.lstrip()) or min(times, default=-1) in (0, len(after) - len(after.lstrip())):
            found.add(named[-1] if named and named[-1] >= start else m.start())
    return found
