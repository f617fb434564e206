"""Cut block text into table cells and cells into parts: labels, units, numbers, written figures.

Flattened tables come as one cell per line (``238.93 |``), pipe-separated rows, space-separated
rows, or cells glued without any separator; all of them become the same stream of parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from docparse.numbers.data import columns, nonmentions, qualifiers, units
from docparse.numbers.found import Found

_WS = re.compile(r"[ \t\u3000\u00a0]+")
_RUN = re.compile(r"(?<![0-9A-Za-z.])(?:-(?=[0-9]))?\.?[0-9][0-9.,]*[%‰]?")
_PUNCT = " \t\u3000\u00a0：:，,。;；、！？!?·"
_SENTENCE = re.compile(r"[。；;，,！？]")


@dataclass(slots=True)
class Part:
    """One piece of a cell: kind is text, unit, cmp, empty, number or mention."""

    kind: str
    start: int
    end: int
    text: str
    found: Found | None = None
    glued: bool = False


@dataclass(slots=True)
class Cell:
    start: int
    end: int
    text: str
    parts: list[Part]
    prose: bool = False
    has_header: bool = False


def split_cells(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Cell spans of a flattened table line and whether it used explicit ``|`` separators."""
    if "|" in text:
        spans, pos = [], 0
        pieces = text.split("|")
        if text.rstrip().endswith("|"):
            pieces = pieces[:-1]
        for piece in pieces:
            spans.append(_strip_span(text, pos, pos + len(piece)))
            pos += len(piece) + 1
        return spans, True
    spans, pos = [], 0
    for m in _WS.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans, False


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\u3000\u00a0":
        s += 1
    while e > s and text[e - 1] in " \t\u3000\u00a0":
        e -= 1
    return s, e


@cache
def _unit_tokens() -> tuple[str, ...]:
    u = units()
    words = ["%", "‰", *u.percent, *u.money, *u.measures]
    words += ["万" + m for m in u.measures]
    return tuple(sorted(set(words), key=len, reverse=True))


def unit_token(text: str) -> str | None:
    """The unit a cell holds on its own ("%", "万元", "个"), else None."""
    t = text.strip(_PUNCT)
    return t if t in _unit_tokens() else None


def make_cell(norm: str, s: int, e: int, found: list[Found]) -> Cell:
    """Parts of the cell ``norm[s:e]``; ``found`` are written figures of the whole block."""
    parts: list[Part] = []
    inside = [f for f in found if s <= f.start < e]
    pos = s
    for f in inside:
        if f.start > pos:
            _gap(norm, pos, f.start, found, parts)
        parts.append(Part("mention", f.start, f.end, norm[f.start:f.end], found=f,
                          glued=f.start > s and norm[f.start - 1] not in _PUNCT))
        pos = max(pos, f.end)
    if pos < e:
        _gap(norm, pos, e, found, parts)
    text = norm[s:e]
    prose = len(text) >= 25 and bool(_SENTENCE.search(text))
    if not parts:
        parts.append(Part("empty", s, e, ""))
    return Cell(s, e, text, parts, prose)


def _gap(norm: str, s: int, e: int, found: list[Found], parts: list[Part]) -> None:
    pos = s
    for m in _RUN.finditer(norm, s, e):
        rs, re_ = m.start(), m.end()
        while re_ > rs and norm[re_ - 1] in ".,":
            re_ -= 1
        if re_ <= rs or any(f.start < re_ and rs < f.end for f in found):
            continue
        after = norm[re_:re_ + 1]
        before = norm[rs - 1:rs] if rs > 0 else ""
        rules = nonmentions()
        if after and after in rules.bare_not_followed_by and (
                after not in rules.bare_date_characters or "." not in norm[rs:re_]):
            continue
        if after and after in ".．" and not norm[re_ + 1:re_ + 2].isdigit():
            continue
        if before and after and before in "(（" and after in ")）":
            continue
        if before == "第":
            continue
        if rs > pos:
            _text(norm, pos, rs, parts, follows_number=True)
        glued = rs > s and norm[rs - 1] not in _PUNCT
        parts.append(Part("number", rs, re_, norm[rs:re_], glued=glued or (re_ < e and norm[re_] not in _PUNCT)))
        pos = re_
    if pos < e:
        _text(norm, pos, e, parts, follows_number=False)


def _text(norm: str, s: int, e: int, parts: list[Part], follows_number: bool) -> None:
    """A text run; a unit written at its end just before a number becomes its own part."""
    raw = norm[s:e]
    t = raw.strip(_PUNCT)
    if not t:
        return
    off = s + raw.index(t)
    if t in qualifiers().symbols:
        parts.append(Part("cmp", off, off + len(t), t))
        return
    if t in columns().placeholders:
        parts.append(Part("empty", off, off + len(t), t))
        return
    if unit_token(t):
        parts.append(Part("unit", off, off + len(t), t))
        return
    if follows_number and len(t) > 1 and t[-1] in "%‰":
        parts.append(Part("text", off, off + len(t) - 1, t[:-1]))
        parts.append(Part("unit", off + len(t) - 1, off + len(t), t[-1]))
        return
    parts.append(Part("text", off, off + len(t), t))
