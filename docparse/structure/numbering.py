"""Heading numbers: which family a line's opening number belongs to, and its counter value."""

from __future__ import annotations

from dataclasses import dataclass

from docparse.lexicon import capitals_to_lower, digit_values
from docparse.structure.rules import numbering

_CN_DIGITS = digit_values()
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_ENCLOSED = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
_DIGIT_STOPS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_CAPITALS = capitals_to_lower()
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"


def cn_number(text: str) -> int | None:
    """Chinese numerals up to 99: 一 → 1, 十二 → 12, 二十 → 20."""
    if not text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens) if tens else 1
        o = _CN_DIGITS.get(ones) if ones else 0
        return None if t is None or o is None else t * 10 + o
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    return None


def to_int(raw: str) -> int | None:
    if raw.isdigit() and raw.isascii():
        return int(raw)
    if raw in _CIRCLED:
        return _CIRCLED.index(raw) + 1
    if raw in _PAREN_DIGITS:
        return _PAREN_DIGITS.index(raw) + 1
    if raw in _ENCLOSED:
        return _ENCLOSED.index(raw) + 1
    if raw in _DIGIT_STOPS:
        return _DIGIT_STOPS.index(raw) + 1
    if len(raw) == 1 and raw in _STEMS:
        return _STEMS.index(raw) + 1
    if len(raw) == 1 and raw in _ROMAN:
        return _ROMAN.index(raw) + 1
    return cn_number(raw.translate(_CAPITALS))


@dataclass(frozen=True, slots=True)
class Marker:
    """The heading number at the start of a line: family key, counter, and its span."""

    family: str
    number: int
    rank: float
    start: int
    end: int  # end of the marker including trailing spaces

    def label(self, text: str) -> str:
        return text[self.start:self.end].strip()


def find_marker(folded: str) -> Marker | None:
    """The numbering that opens ``folded`` (width-folded text), or None."""
    rules = numbering()
    if rules["list_openings"].match(folded):
        return None
    for family in rules["families"]:
        m = family.pattern.match(folded)
        if not m:
            continue
        groups = m.groupdict()
        raw = groups.get("num") or groups.get("alt") or ""
        value = to_int(raw)
        if value is None or value == 0:
            continue
        start = m.start("num") if groups.get("num") else m.start("alt")
        # the visible label starts at the first non-space character
        lead = len(folded) - len(folded.lstrip())
        return Marker(family.key, value, family.rank, min(lead, start), m.end())
    return None
