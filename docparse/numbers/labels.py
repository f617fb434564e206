"""Table header labels: which column a label names (money, rate, weight, score, target, actual …)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from docparse.numbers.data import columns

# labels inside a longer text count as a header only when this many columns stand together
_MIN_RUN = 3
# a target or actual column whose header note is a percent sign holds rates
_TAKES_NOTE_UNIT = ("target", "actual")
_PERCENT_NOTES = ("%", "‰")
VALUE_KINDS = ("money", "rate", "weight", "score", "target", "actual", "unit", "nature", "other")


@dataclass(frozen=True, slots=True)
class LabelRun:
    """Labels found in a text: text before them, their kinds, and where the text after them starts."""

    prefix_end: int
    kinds: tuple[str, ...]
    suffix_start: int


def declared_unit(text: str) -> tuple[str, int, int] | None:
    """A unit declaration in a cell ("单位：万元", "（万元）"): unit and the span it occupies."""
    for pat in columns().declarations:
        m = pat.search(text)
        if m:
            return m.group("unit"), m.start(), m.end()
    return None


def header_only(text: str) -> bool:
    """A cell that names a column only inside a header row (2022年, 上年同期)."""
    pat = columns().header_only
    return pat is not None and pat.fullmatch(text.strip(" ：:")) is not None


def noted_money_label(text: str) -> bool:
    """A short label whose money note was removed (偏差 of 偏差（万元）): a money column in a header row."""
    pat = columns().noted_money_label
    return pat is not None and pat.fullmatch(text.strip(" ：:")) is not None


def _label_at(text: str, pos: int) -> tuple[str, int] | None:
    """The longest label starting at ``pos`` (with an optional note such as (A) or (分))."""
    rules = columns()
    best: tuple[str, int] | None = None
    for kind, pat in rules.labels:
        m = pat.match(text, pos)
        if m and m.end() > pos and (best is None or m.end() > best[1]):
            best = (kind, m.end())
    if best is None:
        return None
    note = rules.notes.match(text, best[1])
    if note is None:
        return best
    kind = best[0]
    if kind in _TAKES_NOTE_UNIT and any(sign in note.group(0) for sign in _PERCENT_NOTES):
        kind = "rate"  # 完成值（%）: the values below are percents
    return kind, note.end()


def _cover(text: str, pos: int) -> tuple[list[str], int]:
    """Consecutive labels from ``pos`` (separators between them allowed)."""
    kinds: list[str] = []
    while pos < len(text):
        while pos < len(text) and text[pos] in " 、：:":
            pos += 1
        got = _label_at(text, pos)
        if got is None:
            break
        kinds.append(got[0])
        pos = got[1]
    return kinds, pos


@lru_cache(maxsize=4096)
def label_run(text: str) -> LabelRun | None:
    """Header labels in a cell: the whole cell, or a run of three or more labels inside it."""
    rules = columns()
    if rules.label_any.search(text) is None:
        return None
    kinds, end = _cover(text, 0)
    if kinds and end >= len(text.rstrip(" ：:")):
        return LabelRun(0, tuple(kinds), len(text))
    best: LabelRun | None = None
    for m in rules.label_starts.finditer(text):
        start = m.start()
        if best is not None and start < best.suffix_start:
            continue
        kinds, end = _cover(text, start)
        values = [k for k in kinds if k in ("money", "rate", "weight", "score", "target", "actual")]
        columns_named = [k for k in kinds if k != "label"]
        if len(columns_named) >= _MIN_RUN and values and (best is None or len(kinds) > len(best.kinds)):
            best = LabelRun(start, tuple(kinds), end)
    return best
