"""The extraction input: who said what, who attended, and the meeting date.

Speakers that are diarisation labels (S1, S2) are named from what the meeting says when the
attendee list allows it (speakers.py); the rest keep their label and own nothing by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from assistant.deadlines import check_timezone
from assistant.extract.dates import in_week_asked
from assistant.extract.owners import Person, resolver_for
from assistant.extract.sounds_like import calendar_respelled, respelled
from assistant.extract.speakers import name_speakers
from assistant.extract.text import normalise, without_pauses, words_joined
from assistant.minutes import Minutes

DEFAULT_TIMEZONE = "Asia/Hong_Kong"
# Labels diarisation and meeting tools give unnamed voices (S1, SPEAKER_00, Speaker A, Guest-1, 講者2,
# UNKNOWN, a bare 0): nobody an item can be owned by.
DIARISATION_LABEL = re.compile(r"^(?:(?:S|SPEAKER[_ -]?|spk[_ -]?|guest[_ -]?|participant[_ -]?|講者|讲者|發言人|发言人|說話人|说话人)\d+"
                               r"|speaker[_ -]?[A-Z]|\d+|unknown(?:[_ -]?speaker)?|未知(?:講者|讲者|發言人|发言人)?)$",
                               re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    index: int  # position of the turn in the meeting
    speaker: str
    text: str  # normalised: Hong Kong Traditional, spoken Cantonese


@dataclass(frozen=True)
class Transcript:
    date: date
    timezone: str
    people: tuple[Person, ...]
    lines: tuple[Line, ...]

    def previous_speaker(self, index: int) -> str | None:
        for line in reversed(self.lines[:index]):
            if line.speaker != self.lines[index].speaker:
                return line.speaker
        return None

    @classmethod
    def from_dict(cls, data: dict[str, Any], meeting_date: str | None = None,
                  people: tuple[Person, ...] = ()) -> Transcript:
        """A transcript JSON ({date, timezone, attendees, turns}) or a minutes.json ({meeting, speakers,
        turns}); ``people`` are attendees given besides the file's (the same name adds its aliases).
        ValueError names what is malformed: not an object, no turns, turns not a list of objects
        with text, an unknown time zone, a date that is not YYYY-MM-DD."""
        if not isinstance(data, dict) or not ("meeting" in data or "turns" in data):
            missing = 'no "turns" list: ' if isinstance(data, dict) else "not a JSON object: "
            raise ValueError(missing + 'expected a transcript ({"date", "timezone", "attendees", "turns": '
                             '[{"speaker", "text"}]}) or a minutes.json written by `assistant process`')
        if "meeting" in data:
            try:
                return cls.from_minutes(Minutes.from_dict(data), meeting_date, people)
            except (TypeError, KeyError, AttributeError, OverflowError) as e:  # a hand-edited copy: a field missing,
                # misnamed, of another type or out of range
                raise ValueError(f"not a minutes.json as `assistant process` writes it ({e}); a transcript needs "
                                 'only {"turns": [{"speaker", "text"}]}') from e
        timezone = check_zone(data.get("timezone") or DEFAULT_TIMEZONE)
        attendees = data.get("attendees") or []
        if not isinstance(attendees, list):
            raise ValueError("attendees must be a list")
        # the file's attendees are read and checked as the CLI's and the upload form's are (names, zones)
        from assistant import attendees as attendee_specs

        listed = _with_aliases(list(attendee_specs.people(attendee_specs.merged(
            attendee_specs.from_object(a) for a in attendees))), people)
        turns = data.get("turns")
        if not isinstance(turns, list) or not all(isinstance(t, dict) for t in turns):
            raise ValueError("turns must be a list of objects ({speaker, text})")
        if not all(isinstance(t.get("text", ""), str) and isinstance(t.get("speaker", ""), str) for t in turns):
            raise ValueError("each turn's speaker and text must be strings")
        missing = next((i for i, t in enumerate(turns) if "text" not in t), None)
        if missing is not None:  # a typo in the key would drop what was said without a word
            raise ValueError(f'turn {missing} has no "text" (write "" for a turn where nothing was said)')
        return cls._build(meeting_date or data.get("date"), timezone, listed,
                          [(t.get("speaker") or "", t.get("text") or "") for t in turns])

    @classmethod
    def from_minutes(cls, minutes: Minutes, meeting_date: str | None = None,
                     people: tuple[Person, ...] = ()) -> Transcript:
        """``people``: what the directory knows of identified speakers (aliases), for owner resolution."""
        info = minutes.meeting
        timezone = check_zone(info.timezone or DEFAULT_TIMEZONE)
        when = meeting_date or info.date or _local_date(info.processed_at, timezone)
        turns = [(minutes.speaker_name(t.speaker), t.text) for t in minutes.turns]
        # a hand-edited minutes.json is checked as a transcript is: 「Mars/Base」 is no zone
        attendees = [Person(a.name, a.role, tuple(a.aliases), a.timezone and check_zone(a.timezone), a.manager)
                     for a in info.attendees]
        return cls._build(when, timezone, _with_aliases(attendees, people), turns)

    @classmethod
    def _build(cls, when: str | None, timezone: str, people: list[Person],
               turns: list[tuple[str, str]]) -> Transcript:
        if when is not None and not isinstance(when, str):
            raise ValueError(f"the date must be text YYYY-MM-DD (got {when!r})")
        try:
            moment = datetime.fromisoformat(when) if when and len(when) > 10 else None
            day = moment.astimezone(ZoneInfo(timezone)).date() if moment and moment.tzinfo else \
                date.fromisoformat(when[:10]) if when else datetime.now(ZoneInfo(timezone)).date()  # a moment: its local day
        except ValueError as exc:
            raise ValueError(f"the date {when!r} is not a date YYYY-MM-DD ({exc})") from exc
        if not 2000 <= day.year <= 2100:  # 「聽日」 after 9999-12-31 has no date
            raise ValueError(f"the date {when!r} is not between the years 2000 and 2100")
        spans = resolver_for(tuple(people)).spans
        turns = [(speaker, without_pauses(words_joined(text, [(start, end) for _, start, end in spans(text)])))
                 for speaker, text in (_label_typed(speaker, respelled(calendar_respelled(normalise(text)), tuple(people)), spans)
                                       for speaker, text in turns)]
        turns = [(speaker, in_week_asked(turns[i - 1][1], text) if i and turns[i - 1][0] != speaker else text)
                 for i, (speaker, text) in enumerate(turns)]
        named = name_speakers(turns, people)
        turns = [(named.get(speaker, speaker), text) for speaker, text in turns]
        turns = _managers_named(turns, people)
        known = {p.name for p in people}
        attendees = resolver_for(tuple(people))
        for speaker, _ in turns:  # named speakers missing from the attendee list still own items
            if speaker and speaker not in known and not DIARISATION_LABEL.match(speaker) \
                    and not attendees.find_name(speaker):  # "Ken" for the attendee Ken Lee is no one new
                people.append(Person(speaker))
                known.add(speaker)
        lines = tuple(Line(i, speaker, text) for i, (speaker, text) in enumerate(turns))
        return cls(day, timezone, tuple(people), lines)


# 「叫你老闆…」, 「搵你上司…」: the direct manager of whom 你 or 我 is, told to do the work (not 「你老闆話…」, 「俾你老闆」)
_BOSS_WORD = r"(?:嘅|個)?\s*(?:老闆|老板|老細|上司|主管|經理|(?<![A-Za-z])(?:boss|manager)(?![A-Za-z]))\s*"
# …and 「你老闆禮拜五之前要 sign 埋份合約」 opening a clause or after a name: the manager as the one who is to do it
# or asked whether they have yet (「你老闆批咗未？」), (not 「你老闆要求…」, 「要你…」, 「會唔會…」)
_BOSS_DOES = rf"(?=[你我](?!哋)\s*{_BOSS_WORD}[^，,。！？!?]{{0,12}}?(?:(?<!唔)要(?!求|[你我佢]|大家)|(?<!唔)會(?!唔|議)|需要|記得|咗未))"
# 「加班費要你老闆批㗎」: what needs the manager's approval, said anywhere, is the manager's to approve
# (not 「採購單要你老闆批咗先落得單」: approved first, then the work of the one spoken to)
_BOSS_APPROVES = rf"(?<=要)\s*(?:經\s*)?(?=[你我](?!哋)\s*{_BOSS_WORD}(?:批|簽(?:名|字)?|審批|批准|過目|(?<![A-Za-z])(?:approve|sign)(?![A-Za-z]))\s*(?:㗎|架|喎|嘅|啦|呀|啊|[，,。！!]|$))"
BOSS = re.compile(rf"(?:(?<=[叫請搵])\s*|(?<=未有|要有)\s*|(?:(?<=^要)|(?<=[，,。！？!?\s]要)|(?<=[咁噉就都]要))\s*|{_BOSS_DOES}|{_BOSS_APPROVES})"
                  rf"(?P<who>你|我)(?!哋)\s*{_BOSS_WORD}", re.IGNORECASE)


BACKCHANNEL = re.compile(r"[\s，,。！!]*(?:嗯|哦|係|好|OK|ok|mm|hmm)[嗯哦係好\s，,。！!]*")  # 「嗯嗯。」: who listens, not who is spoken to


def _managers_named(turns: list[tuple[str, str]], people: list[Person]) -> list[tuple[str, str]]:
    """Turns with 「叫你老闆」 and 「叫我老闆」 said with the manager's name when that person's manager is known
    (an attendee's ``manager``): 你 is the last person named before it in the sentence, else in the turn,
    else the speaker of the turn before; 我 the speaker. A manager who is no attendee joins ``people`` (owners are checked
    against them)."""
    resolver = resolver_for(tuple(people))
    managers = {p.name: p.manager for p in people if p.manager}
    if not managers:
        return turns
    out: list[tuple[str, str]] = []
    for i, (speaker, text) in enumerate(turns):
        before = next((s for s, said in reversed(turns[:i]) if s != speaker and not BACKCHANNEL.fullmatch(said)), None)

        def named(m: re.Match[str]) -> str:
            start = max(text.rfind(mark, 0, m.start()) for mark in "。！？!?") + 1
            called = [name for name, _, end in resolver.spans(text[start:m.start()]) if name != resolver.find_name(speaker)] \
                or [name for name, _, end in resolver.spans(text[:start]) if name != resolver.find_name(speaker)]  # 「Grace，…。你老闆…」
            whose = resolver.find_name(speaker) if m["who"] == "我" else called[-1] if called else resolver.find_name(before or "")
            manager = managers.get(whose or "")
            told = re.search(r"(?:[叫請搵要]|未有|要有)\s*$", text[:m.start()])  # 「要你老闆過目」, 「未有你老闆簽名」
            opens = not m.start() or re.search(r"[，,。！？!?]\s*$", text[:m.start()])
            after_name = any(end == len(text[:m.start()].rstrip()) for _, _, end in resolver.spans(text[:m.start()]))
            if not manager or not (told or opens or after_name):  # the boss as the one to do it opens a clause, or follows who
                return m.group(0)
            apart = "" if told or opens else "，"  # 「阿森你老闆…」: 阿森, then who
            return apart + (resolver.find_name(manager) or manager)

        out.append((speaker, BOSS.sub(named, text)))
    known = {p.name for p in people}
    for manager in dict.fromkeys(managers.values()):
        if not resolver.find_name(manager) and manager not in known:
            people.append(Person(manager))
    return out


def _label_typed(speaker: str, text: str, spans) -> tuple[str, str]:
    """A turn whose text opens with an attendee's label (「黃太：阿強，你…」, pasted from typed notes):
    that attendee said it, without the label; any other turn as it is."""
    label = re.match(r"\s*(?P<name>[^：:，,。\s]{1,20}(?: [A-Za-z]+)?)\s*[：:]\s*(?=\S)", text)
    named = spans(label["name"]) if label else []
    if named and named[0][1] == 0 and named[0][2] == len(label["name"]):
        return named[0][0], text[label.end():]
    return speaker, text


def _with_aliases(people: list[Person], more: tuple[Person, ...]) -> list[Person]:
    """``people`` then those of ``more`` not among them; a name in both gains the other's aliases."""
    extra = {p.name: p for p in more}
    out = []
    for p in people:
        same = extra.pop(p.name, None)
        out.append(replace(p, aliases=tuple(dict.fromkeys([*p.aliases, *same.aliases])),
                           timezone=p.timezone or same.timezone, role=p.role or same.role,
                           manager=p.manager or same.manager) if same else p)
    return out + list(extra.values())


def check_zone(name: Any) -> str:
    """The IANA time zone name names, in its canonical spelling (as everywhere else:
    assistant.deadlines.check_timezone); ValueError otherwise."""
    if not isinstance(name, str):
        raise ValueError(f"unknown time zone {name!r} (an IANA name such as Asia/Hong_Kong)")
    return check_timezone(name)


def _local_date(timestamp: str | None, timezone: str) -> str | None:
    if not timestamp:
        return None
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp[:10]
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(timezone))
    return moment.date().isoformat()
