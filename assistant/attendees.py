"""Who attended, as typed by people: ``--attendee`` specs, attendee files, the upload form's field.

One attendee spec is ``NAME|ALIAS|ALIAS|ZONE``: the name first, then other names they are called
by, and optionally their IANA time zone (any field that is one, e.g. ``Europe/London``):
``"Ivy Chan 陳詩韻|Ivy|陳小姐"``, ``"Tom Baker|Tom|Europe/London"``. A file is JSON (a list of specs
or of objects ``{name, aliases, role, timezone, manager}``), CSV with a header (``name,aliases,role,timezone``,
optionally ``manager``; aliases separated by ``|`` or ``;``) or text (one spec a line; ``#`` starts a comment).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

from assistant.deadlines import check_timezone
from assistant.extract.owners import Person
from assistant.extract.text import FULL_WIDTH_ALNUM
from assistant.minutes import Attendee

MAX_NAME = 200
MAX_ATTENDEES = 200
_ALIAS_SPLIT = re.compile(r"[|;]")


_ZONE_LIKE = re.compile(r"^(UTC|[A-Za-z][A-Za-z_]+(/[A-Za-z0-9_+-]+)+)$", re.IGNORECASE)


def _zone_or_none(field: str) -> str | None:
    """The field as a time zone when it looks like one (a misspelt zone is an error, not an alias)."""
    return check_timezone(field) if _ZONE_LIKE.match(field) else None


@lru_cache(maxsize=1)
def _zone_cities() -> dict[str, str]:
    """「london」 → Europe/London: the last part of every IANA zone name, for a city typed as a zone."""
    return {zone.rsplit("/", 1)[-1].replace("_", " ").casefold(): zone for zone in available_timezones() if "/" in zone}


def parse_spec(spec: str) -> Attendee:
    """``NAME|ALIAS…|ZONE`` → Attendee. ValueError when the name is empty or too long, or a field
    after the name is a city whose zone was meant (「Tom|London」: give Europe/London)."""
    fields = [f.strip() for f in spec.split("|")]
    name, rest = fields[0], [f for f in fields[1:] if f]
    for field in rest:
        city = _zone_cities().get(field.casefold())
        if city:
            raise ValueError(f"{field!r} is a place: give its time zone as {city} (an alias that is a city name "
                             "can be given in a JSON list instead)")
    zones = [_zone_or_none(f) for f in rest]
    timezone = next((z for z in zones if z), None)
    aliases = [f for f, zone in zip(rest, zones) if not zone]
    return make(name, aliases, "", timezone)


def make(name: str, aliases: Iterable[str] = (), role: str = "", timezone: str | None = None,
         person_id: str | None = None, manager: str | None = None) -> Attendee:
    """A checked Attendee: a name of 1–200 characters, distinct aliases, an IANA zone or None, and the
    name of their direct manager or None."""
    name = _printable((name or "").strip())
    if not name or len(name) > MAX_NAME:
        raise ValueError(f"an attendee needs a name of 1 to {MAX_NAME} characters (got {name!r})")
    clean = [_printable(a.strip()[:MAX_NAME]) for a in aliases if a and a.strip() and a.strip() != name]
    pronoun = next((a for a in [name, *clean] if PRONOUN.fullmatch(a)), None)
    if pronoun:  # every 你 in a meeting would be that person
        raise ValueError(f"{pronoun!r} is a pronoun, not a name: give the attendee's name or nickname")
    role = _printable((role or "").strip()[:MAX_NAME])
    zone = check_timezone(timezone) if timezone else None
    manager = _printable((manager or "").strip()[:MAX_NAME]) or None
    return Attendee(name, list(dict.fromkeys(clean)), role, zone, person_id or None,
                    manager if manager != name else None)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# "Him" is a Hong Kong English name (from 謙), told from the pronoun by its capital (owners.WORD_NAMES)
PRONOUN = re.compile(r"[我你佢他她您][哋們]?|大家|(?i:i|me|you|he|she|her|we|us|they|them)|it|It|him|HIM")  # IT is a department


def _printable(text: str) -> str:
    """The text, when it can be stored and shown: no control characters (NUL), no lone surrogates
    (「\\ud800」 in JSON). ValueError otherwise."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{text!r} is not valid text (a lone surrogate)") from None
    if _CONTROL.search(text):
        raise ValueError(f"{text!r} holds a control character")
    return text


def from_object(value: Any) -> Attendee:
    """A JSON attendee: a spec string or ``{name, aliases, role, timezone, person_id, manager}``."""
    if isinstance(value, str):
        return parse_spec(value)
    if not isinstance(value, dict):
        raise ValueError("an attendee is a name or an object with a name")
    aliases = value.get("aliases") or []
    if isinstance(aliases, str):
        aliases = _ALIAS_SPLIT.split(aliases)
    fields = [value.get(k) for k in ("name", "role", "timezone", "person_id", "manager")]
    if not isinstance(aliases, list) or not all(isinstance(v, str | None) for v in [*aliases, *fields]):
        raise ValueError("an attendee's name, aliases, role, timezone, person_id and manager are text")
    name, role, timezone, person_id, manager = fields
    return make(name or "", aliases, role or "", timezone or None, person_id, manager)


def parse_text(text: str) -> list[Attendee]:
    """The upload form's and the API's field: JSON (as in a file) or one spec a line."""
    text = text.strip().lstrip("\ufeff").strip()  # a byte-order mark from a file pasted in
    if not text:
        return []
    if text[0] == '"' and text[-1] == '"':  # one name as a JSON string
        try:
            text = json.loads(text)
        except ValueError:
            raise ValueError("attendees: the quoted name is not valid JSON") from None
        if not isinstance(text, str):
            raise ValueError("attendees must be a list")
        return _checked([parse_spec(text)]) if text.strip() else []
    if text[0] in "[{":
        try:
            data = json.loads(text)
        except RecursionError:  # 「[[[[…」 thousands deep: Python's parser gives up
            raise ValueError("attendees: the JSON is nested too deeply") from None
        return _checked([from_object(r) for r in _rows(data)])
    if _JSON_SCALAR.fullmatch(text):
        raise ValueError(f"{text!r} is not an attendee: give names, one a line, or a JSON list")
    return _checked([parse_spec(line) for line in _lines(text)])


# What a script sends for "no attendees" or by mistake (null, 42, true): never a person's name.
_JSON_SCALAR = re.compile(r"null|none|true|false|nan|-?infinity|undefined|-?\d+(\.\d+)?([eE][+-]?\d+)?", re.IGNORECASE)


def _rows(data: Any) -> list:
    """A JSON list, ``{"attendees": [...]}``, or one attendee object ``{"name": ...}``."""
    if isinstance(data, dict):
        if "attendees" in data:
            data = data["attendees"]
        elif "name" in data:
            data = [data]
        else:
            raise ValueError("an object needs 'attendees' (a list) or one attendee's 'name'")
    if not isinstance(data, list):
        raise ValueError("attendees must be a list")
    return data


def _decoded(data: bytes) -> str:
    """A file's text: UTF-16 when it opens with that byte-order mark (Excel's "Unicode text"), else UTF-8,
    else Big5-HKSCS (Excel's CSV on a Hong Kong Traditional Chinese Windows). ValueError when none reads it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "big5hkscs"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("the file is not UTF-8, UTF-16 or Big5-HKSCS text: save it as UTF-8")


def read_file(path: Path) -> list[Attendee]:
    """Attendees from a JSON, CSV or text file (see the module's doc). ValueError when malformed."""
    text = _decoded(path.read_bytes())
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "name" not in [f.strip().lower() for f in reader.fieldnames]:
            raise ValueError("a CSV needs a header row with a 'name' column")
        rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in row.items()} for row in reader]
        return _checked([from_object(r) for r in rows if r.get("name")])
    return parse_text(text)


def _lines(text: str) -> list[str]:
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


def _checked(attendees: list[Attendee]) -> list[Attendee]:
    if len(attendees) > MAX_ATTENDEES:
        raise ValueError(f"at most {MAX_ATTENDEES} attendees")
    return merged(attendees)


def merged(attendees: Iterable[Attendee]) -> list[Attendee]:
    """One entry per name: a repeated name adds its aliases (and a missing zone or role) to the first.
    ValueError when one alias (or name) is given to two attendees: their tasks could not be told apart."""
    merged: dict[str, Attendee] = {}
    for a in attendees:
        if a.name in merged:
            first = merged[a.name]
            first.aliases = list(dict.fromkeys([*first.aliases, *a.aliases]))
            first.timezone = first.timezone or a.timezone
            first.role = first.role or a.role
            first.manager = first.manager or a.manager
        else:
            merged[a.name] = a
    called: dict[str, str] = {}
    for a in merged.values():
        for word in dict.fromkeys(w.translate(FULL_WIDTH_ALNUM).casefold() for w in [a.name, *a.aliases]):
            other = called.setdefault(word, a.name)
            if other != a.name:
                raise ValueError(f"{word!r} is given to both {other!r} and {a.name!r}: "
                                 "an alias must name one attendee")
    return list(merged.values())


def bind_aliases(args: Sequence[str]) -> list[str]:
    """Command-line words with each ``--alias X`` (and ``--attendee-timezone Z``) folded into the
    ``--attendee`` before it, as ``NAME|X|Z``. ValueError for an --alias with no attendee before it,
    or a zone that is not a Region/City IANA name (「London」 and 「GMT」 would read as aliases)."""
    out: list[str] = []
    last: int | None = None  # index in ``out`` of the latest attendee spec
    words = list(args)
    i = 0
    while i < len(words):
        word = words[i]
        flag, eq, inline = word.partition("=")
        if flag in ("--alias", "--attendee-timezone") and word.startswith("--"):
            value = inline if eq else (words[i + 1] if i + 1 < len(words) else "")
            i += 1 if eq else 2
            if last is None:
                raise ValueError(f"{flag} {value!r} must follow the --attendee it belongs to")
            if flag == "--attendee-timezone" and not (_ZONE_LIKE.match(value) and check_timezone(value)):
                raise ValueError(f"--attendee-timezone {value!r}: use a Region/City IANA name such as Europe/London or Etc/GMT")
            out[last] += f"|{value}"
            continue
        if word == "--":
            out += words[i:]
            break
        out.append(word)
        if flag == "--attendee":
            if not eq and i + 1 < len(words):
                out.append(words[i + 1])
                i += 1
            last = len(out) - 1
            if eq:
                out[last] = word
        i += 1
    return out


def people(attendees: Sequence[Attendee]) -> tuple[Person, ...]:
    """Attendees as the extractor's candidates for owners."""
    return tuple(Person(a.name, a.role, tuple(a.aliases), a.timezone, a.manager) for a in attendees)


def names(attendees: Sequence[Attendee]) -> list[str]:
    """Everything an attendee may be known by in the directory (for preferring their voiceprints)."""
    return [n for a in attendees for n in (a.name, *a.aliases, a.person_id) if n]


def timezone_of(attendees: Sequence[Attendee], owner: str | None) -> str | None:
    """The IANA zone of the attendee called ``owner`` (by name or alias), when they have one."""
    key = (owner or "").strip().casefold()
    for a in attendees:
        if key and key in {n.casefold() for n in (a.name, *a.aliases)}:
            return a.timezone
    return None
