"""``sum.counts``: an enumeration of counts adds up to the total it states.

Three shapes, found per sentence among counts of one measure word (``rules/checks/counts.yaml``):

- a total, then its parts: "现有人员50人，其中行政人员20人，事业人员30人" (a part list may be partial:
  parts that fall short of the total are ``unknown``, parts that exceed it fail; so in brackets);
- parts, then a cue-marked total: "A 3个、B 4个，共计7个";
- a total in brackets after a count: "局本级187人（在职139人、退休8人、协管员40人）";
- parts that share a noun ("…专窗77个，…专窗32个"), whose total is a same-unit count stated
  elsewhere with that noun ("111个办事窗口"): only agreement is reported, as such a total is a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from docparse.checks.figures import Figure
from docparse.checks.registry import block_text, register
from docparse.checks.results import compare, make
from docparse.model import Mention, Report
from docparse.model.report import CheckResult
from docparse.rules import rule_file

CHECK = "sum.counts"
_OPEN, _CLOSE = "（(", "）)"
_CJK = re.compile(r"[\u3400-\u9fff]")


@cache
def count_rules() -> dict[str, Any]:
    return rule_file("checks/counts.yaml", ["total_cues", "item_cues", "sentence_ends", "max_gap",
                                              "noun_window_blocks", "noun_stop", "min_items", "part_breaks",
                                              "attribute_words"])


@dataclass
class Enumeration:
    """Parts of a count enumeration and the total it states (``None`` when stated elsewhere)."""

    items: list[Mention]
    total: Mention | None
    shape: str  # "parts_after", "parts_before", "bracket", "noun"
    block: int
    noun: str = ""


def _usable(m: Mention) -> bool:
    p = m.provenance
    return (m.kind == "count" and not m.is_range and m.qualifier is None and m.unit is not None
            and p.block is not None and p.start is not None and p.end is not None)


def _flatten(text: str) -> tuple[str, list[int]]:
    """The text with bracketed parts blanked out, and the bracket depth at every character."""
    depth, out, depths = 0, [], []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        depths.append(depth)
        out.append(ch if depth == 0 else " ")
        if ch in _CLOSE and depth > 0:
            depth -= 1
    return "".join(out), depths


def _cue_in(text: str, cues: list[str]) -> bool:
    return any(cue in text for cue in cues)


def _total_cue(gap: str) -> bool:
    """A total cue right before a number ("共计", "合计", "总数为" …), not inside a word like 公共."""
    tail = gap[-8:]
    for word in ("公共", "共同", "共享", "共建", "共治", "共性", "共产"):
        tail = tail.replace(word, "  ")
    return _cue_in(tail, count_rules()["total_cues"])


def _noun_before(text: str, start: int, floor: int) -> str:
    """The CJK characters right before ``start`` back to a separator (the noun a part is counted by)."""
    i = start
    while i > floor and _CJK.match(text[i - 1]):
        i -= 1
    return text[i:start]


def _noun_after(text: str, end: int) -> str:
    j = end
    while j < len(text) and j - end < 8 and _CJK.match(text[j]):
        j += 1
    return text[end:j]


def _common_suffix(words: list[str]) -> str:
    if not words or not all(words):
        return ""
    out = words[0]
    for w in words[1:]:
        n = 0
        while n < min(len(out), len(w)) and out[-1 - n] == w[-1 - n]:
            n += 1
        out = out[len(out) - n:] if n else ""
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    ends = count_rules()["sentence_ends"]
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ends:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def block_enumerations(text: str, mentions: list[Mention]) -> list[Enumeration]:
    """The count enumerations of one block, with the totals they state in that block."""
    rules = count_rules()
    flat, depths = _flatten(text)
    block = mentions[0].provenance.block or 0
    out: list[Enumeration] = []
    # bracketed parts after a count: "187人（139人、8人、40人）"
    for m in mentions:
        end = m.provenance.end or 0
        rest = text[end:end + 2]
        if not rest or rest[0] not in _OPEN:
            continue
        close = end
        while close < len(text) and not (text[close] in _CLOSE and depths[close] == depths[end]):
            close += 1
        inner = [n for n in mentions if end < (n.provenance.start or 0) < close and n.unit == m.unit
                 and depths[n.provenance.start or 0] == depths[end]]
        nouns = [_noun_before(text, n.provenance.start or 0, end + 1) for n in inner]
        if (len(inner) >= rules["min_items"] and depths[m.provenance.start or 0] == depths[end] - 1
                and not any(_cue_in(w, rules["attribute_words"]) for w in nouns)):
            out.append(Enumeration(inner, m, "bracket", block))
    # parts and totals outside brackets, per sentence and measure word
    for s_start, s_end in _sentences(text):
        here = [m for m in mentions if s_start <= (m.provenance.start or 0) < s_end
                and depths[m.provenance.start or 0] == 0]
        for unit in dict.fromkeys(m.unit for m in here):
            seq = [m for m in here if m.unit == unit]
            out.extend(_sequence(flat, seq, s_start, block))
    return out


def _gap(flat: str, seq: list[Mention], k: int, floor: int) -> str:
    """The text between part ``k - 1`` (or the sentence start) and part ``k``, brackets left out."""
    start = seq[k - 1].provenance.end if k > 0 else floor
    return flat[start or floor:seq[k].provenance.start or 0].replace(" ", "")


def _sequence(flat: str, seq: list[Mention], floor: int, block: int) -> list[Enumeration]:
    rules = count_rules()
    n, min_items = len(seq), rules["min_items"]
    if n < min_items:
        return []
    gaps = [_gap(flat, seq, k, floor) for k in range(n)]
    for k in range(n - 1):  # a total followed by 其中 …
        if _cue_in(gaps[k + 1], rules["item_cues"]) and len(gaps[k + 1]) <= rules["max_gap"]:
            items = []
            for j in range(k + 1, n):
                if j > k + 1 and (_total_cue(gaps[j]) or len(gaps[j]) > rules["max_gap"]
                                  or _cue_in(gaps[j], rules["part_breaks"])):
                    break
                items.append(seq[j])
            nouns = [_noun_before(flat, m.provenance.start or 0, floor) for m in items]
            if len(items) >= min_items and not any(_cue_in(w, rules["attribute_words"]) for w in nouns):
                return [Enumeration(items, seq[k], "parts_after", block)]
            return []
    for k in range(min_items, n):  # … then 共计 a total
        if _total_cue(gaps[k]):
            first = k - 1
            while first > 0 and len(gaps[first]) <= rules["max_gap"] and not _total_cue(gaps[first]):
                first -= 1
            if k - first < min_items:
                return []
            return [Enumeration(seq[first:k], seq[k], "parts_before", block)]
    if any(_total_cue(g) for g in gaps):
        return []
    nouns = [_noun_before(flat, m.provenance.start or 0, floor) for m in seq]
    # the longest run of neighbouring parts counted by one noun ("…专窗77个，…专窗32个")
    best: list[int] = []
    for i in range(n):
        for j in range(i + min_items, n + 1):
            if all(len(gaps[t]) <= rules["max_gap"] for t in range(i + 1, j)):
                noun = _common_suffix(nouns[i:j])
                if _noun_chars(noun) and j - i > len(best):
                    best = list(range(i, j))
    if not best:
        return []
    noun = _common_suffix([nouns[t] for t in best])
    return [Enumeration([seq[t] for t in best], None, "noun", block, noun)]


def _noun_chars(noun: str) -> set[str]:
    stop = set(count_rules()["noun_stop"])
    return {ch for ch in noun if ch not in stop}


def _noun_total(report: Report, enum: Enumeration, counts: list[Mention]) -> Mention | None:
    """A same-unit count stated nearby with the parts' noun ("111个办事窗口" for "专窗"), if only one."""
    window = count_rules()["noun_window_blocks"]
    chars = _noun_chars(enum.noun[-1:])
    unit = enum.items[0].unit
    biggest = max(m.low for m in enum.items)
    found: dict[Decimal, Mention] = {}
    for m in counts:
        p = m.provenance
        if m in enum.items or m.unit != unit or abs((p.block or 0) - enum.block) > window or m.low <= biggest:
            continue
        text = block_text(p.block or 0) or ""
        around = _noun_after(text, p.end or 0) + _noun_before(text, p.start or 0, max(0, (p.start or 0) - 8))
        if chars & set(around):
            found.setdefault(m.low, m)
    return next(iter(found.values())) if len(found) == 1 else None


def _figures(enum: Enumeration, total: Mention) -> list[Figure]:
    items = [Figure("item", m.low, "count", m.text, m.provenance) for m in enum.items]
    return [*items, Figure("total", total.low, "count", total.text, total.provenance)]


@register(CHECK)
def count_sums(report: Report) -> list[CheckResult]:
    """Every count enumeration that states its total, against that total."""
    counts = [m for m in report.mentions if _usable(m)]
    by_block: dict[int, list[Mention]] = {}
    for m in counts:
        by_block.setdefault(m.provenance.block or 0, []).append(m)
    results: list[CheckResult] = []
    for block, mentions in by_block.items():
        text = block_text(block)
        if text is None:
            continue
        mentions.sort(key=lambda m: m.provenance.start or 0)
        for enum in block_enumerations(text, mentions):
            total = enum.total or _noun_total(report, enum, counts)
            if total is None or any(m.low >= total.low for m in enum.items):
                continue  # a part as large as the total: a breakdown, not a partition
            found = sum((m.low for m in enum.items), Decimal(0))
            unit = enum.items[0].unit or ""
            what = f"{len(enum.items)}项（{unit}）"
            figures = _figures(enum, total)
            if found != total.low and (enum.shape == "noun" or (enum.shape in ("parts_after", "bracket")
                                                              and found < total.low)):
                if enum.shape == "noun":
                    continue  # a guessed total that does not match says nothing
                results.append(make(CHECK, "unknown", figures, what=what, expected=str(found),
                                    found=str(total.low), note="其中所列可能只是部分 / the parts listed may be "
                                                           "only some of the total"))
                continue
            results.append(compare(CHECK, total.low, found, Decimal(0), "count", figures, what,
                                   f"{len(enum.items)} parts ({unit})"))
    return results
