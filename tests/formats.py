"""Parsers used by the tests to read our subtitle files back."""

from __future__ import annotations

import re

CUE_TIME = re.compile(r"(\d\d):(\d\d):(\d\d)[,.](\d\d\d) --> (\d\d):(\d\d):(\d\d)[,.](\d\d\d)")


def seconds(h, m, s, ms) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def parse_srt(text: str) -> list[tuple[float, float, str]]:
    cues = []
    for block in text.strip().split("\n\n"):
        lines = block.strip().splitlines()
        assert lines[0].isdigit(), block
        match = CUE_TIME.fullmatch(lines[1])
        assert match, lines[1]
        g = match.groups()
        cues.append((seconds(*g[:4]), seconds(*g[4:]), "\n".join(lines[2:])))
    return cues


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    assert text.startswith("WEBVTT")
    cues = []
    for block in text.split("\n\n")[1:]:
        lines = block.strip().splitlines()
        if not lines:
            continue
        match = CUE_TIME.fullmatch(lines[0])
        assert match, lines[0]
        g = match.groups()
        cues.append((seconds(*g[:4]), seconds(*g[4:]), "\n".join(lines[1:])))
    return cues
