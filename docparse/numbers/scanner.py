"""Find figures written with their unit in a text: money, percent, percentage points, counts.

Works on one string; patterns, units and qualifier words come from ``rules/numbers/``. Bare numbers
whose unit stands elsewhere (a table header) are left to :mod:`docparse.numbers.govern`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from docparse.lexicon import marks
from docparse.numbers.data import nonmentions, numerals, qualifiers, units
from docparse.numbers.found import Found
from docparse.numbers.normalise import normalise_chars, parse_approx_pair, parse_number, parse_yuan
from docparse.numbers.ocr import (
    lookalike_percent_ok,
    ocr_rules,
    read_comparator_lookalike,
    read_glued_rate,
    read_repeated_cells,
)

_SPACE = "[ \u00a0\u3000]"
_SPACES = " \u00a0\u3000"


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Patterns:
    main: re.Pattern[str]
    range: re.Pattern[str]
    prefixed: re.Pattern[str]
    unit_kind: dict[str, str]


@cache
def _patterns() -> _Patterns:
    num_rules, unit_rules, q = numerals(), units(), qualifiers()
    cn_digits = "".join(num_rules.digits)
    small = "".join(num_rules.small_units)
    big = "".join(num_rules.big_units)
    money_alt = _alt(list(unit_rules.money))
    # digit groups set apart by spaces ("1 234 567.89 元", "2 380 000元"): a lead of one or two digits,
    # two groups or a decimal part, and a money unit right after; never inside a longer run of numbers
    gap = r"[ \u00a0\u2009]"
    spaced = (rf"(?<!\d{gap})[1-9]\d?(?:(?:{gap}\d{{3}}){{2,}}(?:\.\d+)?|{gap}\d{{3}}\.\d+)"
              rf"(?=[ \u00a0]?(?:{money_alt}))")
    # a comma typed with a space after it between thousands ("2, 150.00 万元") before a money unit
    comma_spaced = rf"[1-9]\d{{0,2}}(?:,\d{{3}})*(?:, \d{{3}})(?:,? ?\d{{3}})*(?:\.\d+)?(?=[ \u00a0]?(?:{money_alt}))"
    arabic = (rf"(?<![0-9A-Za-z.])(?:{spaced}|{comma_spaced}|[1-9]\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?"
              r"|(?:0|[1-9]\d*)(?:\.\d+)?)(?![0-9])")
    arabic_expr = rf"{arabic}(?:[{small}{big}]+(?:\d+(?:\.\d+)?[{small}{big}]+)*)?"
    tens = "".join(k for k, v in num_rules.small_units.items() if v == 10)  # 十二 starts with 十
    cn_expr = (rf"[{cn_digits}{tens}][{cn_digits}{small}{big}]*"
               rf"(?:{re.escape(num_rules.point)}[{cn_digits}]+[{big}]?)?")
    numexpr = rf"(?:{arabic_expr}|{cn_expr})"
    unit_kind: dict[str, str] = {}
    for m in unit_rules.measures:
        unit_kind[m] = "count"
    for m in unit_rules.money:
        unit_kind[m] = "money"
    for w in unit_rules.stray_before_yuan:
        unit_kind[w + "元"] = "money"
    for m in (*unit_rules.percent, *ocr_rules().percent_lookalikes):
        unit_kind[m] = "percent"
    for m in unit_rules.points:
        unit_kind[m] = "ratio_points"
    unit_alt = _alt(list(unit_kind))
    infix = _alt(list(q.infix))
    fen = f"(?:零?[{cn_digits}0-9](?:{_alt(num_rules.jiao)}))?(?:零?[{cn_digits}0-9](?:{_alt(num_rules.fen)}))?"
    guard = f"(?![{re.escape(num_rules.exact_not_followed_by)}])" if num_rules.exact_not_followed_by else ""
    exact = f"(?:{_alt(num_rules.exact_suffixes)}){guard}" if num_rules.exact_suffixes else "整"
    gloss = f"(?:{unit_rules.inline_gloss})?" if unit_rules.inline_gloss else ""  # 520萬(wàn)元
    main = re.compile(
        # a money unit may stand in brackets right after its number ("5.00（万元）", as forms print it)
        rf"(?P<num>{numexpr})(?P<infix>{infix})?{gloss}{_SPACE}?(?P<open>[（(])?(?P<unit>{unit_alt})(?(open)[）)])"
        rf"(?:(?<=[元圆])(?P<fen>{fen})(?P<exact>{exact})?)?"
    )
    seps = _alt(q.range_separators)
    rng = re.compile(
        rf"(?P<n1>{numexpr})(?P<u1>{unit_alt})?{_SPACE}?(?P<sep>{seps}){_SPACE}?"
        rf"(?P<n2>{numexpr})(?P<infix>{infix})?{_SPACE}?(?P<u2>{unit_alt})"
    )
    pre_alt = _alt(list(unit_rules.percent_prefix))
    sign_alt = _alt(list(unit_rules.money_prefix_signs)) or "￥"
    hundred = "".join(k for k, v in num_rules.small_units.items() if v == 100)  # 百分之百
    prefixed = re.compile(
        rf"(?P<pre>{pre_alt})(?P<num>{numexpr}|[{hundred}](?![{cn_digits}{small}{big}]))"
        rf"|(?P<sign>{sign_alt}){_SPACE}?(?P<snum>{arabic})(?P<yuan>元)?"  # ￥1,234.00元
    )
    return _Patterns(main, rng, prefixed, unit_kind)


@cache
def _scale_chars() -> str:
    n = numerals()
    return "".join(n.small_units) + "".join(n.big_units)


def _unit_value(kind: str, unit: str) -> Decimal:
    u = units()
    if kind == "money":
        return u.money[unit]
    if kind == "percent":
        return u.percent.get(unit, Decimal(1))  # a look-alike sign ($ for %) is a plain percent
    return Decimal(1)


def _money_unit(num_text: str, unit: str) -> tuple[str, Decimal]:
    """Unit as written: a plain number followed by 万/亿 before 元 reads as 万元/亿元."""
    u = units()
    stripped = num_text.rstrip(_scale_chars())
    tail = num_text[len(stripped):]
    if tail and stripped and re.fullmatch(r"[0-9.,]+", stripped) and tail + unit in u.money:
        return tail + unit, u.money[tail + unit]
    return unit, u.money[unit]


def _iter(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """All matches, retrying one character later when a match's number cannot be read."""
    pos = 0
    while pos <= len(text):
        m = pattern.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


def scan(text: str) -> list[Found]:
    """Every figure written with its unit in ``text``, in order, non-overlapping."""
    norm = normalise_chars(text)
    pats = _patterns()
    cands: list[Found] = []
    for m in _iter(pats.range, norm):
        f = _from_range(m, pats)
        if f is not None:
            cands.append(f)
    for m in _iter(pats.main, norm):
        f = _from_main(m, pats)
        if f is not None:
            cands.append(f)
    for m in _iter(pats.prefixed, norm):
        f = _from_prefixed(m)
        if f is not None:
            cands.append(f)
    cands.extend(_scale_only(norm))
    cands.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in cands:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    if not kept:
        return []
    excluded = _excluded(norm)
    masks = nonmentions().masked_before
    out = []
    for f in kept:
        if any(s <= f.start and f.end <= e for s, e in excluded):
            continue
        if f.start and norm[f.start - 1] in masks:
            continue
        if f.kind == "count" and not _count_ok(norm, f):
            continue
        _qualify(norm, f)
        read_glued_rate(norm, f)
        read_comparator_lookalike(norm, f)
        out.append(f)
    read_repeated_cells(norm, out)
    return out


def _excluded(norm: str) -> list[tuple[int, int]]:
    rules = nonmentions()
    spans = [(m.start(), m.end()) for p in rules.patterns for m in p.finditer(norm)]
    for phrase in rules.phrases:
        start = norm.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = norm.find(phrase, start + 1)
    return spans


def _count_ok(norm: str, f: Found) -> bool:
    u = units()
    after = norm[f.end:f.end + 2]
    if any(after.startswith(w) for w in u.measure_not_followed_by):
        return False
    if f.unit in u.measure_arabic_only and not re.fullmatch(r"[0-9.,]+", norm[f.start:f.end - len(f.unit)]):
        return False
    caps = numerals().capitals
    if caps and all(ch in caps or ch == "零" for ch in norm[f.start:f.end - len(f.unit or "")]):
        return False
    before = norm[max(0, f.start - 2):f.start]
    return not any(before.endswith(w) for w in u.measure_not_preceded_by)


def _from_main(m: re.Match[str], pats: _Patterns) -> Found | None:
    num_text, unit = m.group("num"), m.group("unit")
    kind = pats.unit_kind[unit]
    if m.group("open") and (kind != "money" or unit not in units().money):
        return None  # only a money unit is written in brackets after its number
    if kind == "money" and unit not in units().money:
        return _stray_yuan(m, num_text, unit)
    if kind == "percent" and unit not in units().percent and not lookalike_percent_ok(m.string, m.end()):
        return None
    try:
        number = parse_number(num_text)
    except ValueError:
        pair = parse_approx_pair(num_text)
        if pair is None or m.group("fen"):
            return None
        scale = units().money[unit] if kind == "money" else _unit_value(kind, unit)
        return Found(kind, m.start(), m.end(), (pair[0] * scale, pair[1] * scale), unit=unit, scale=scale,
                     qualifier="approx")
    scale: Decimal
    if kind == "money":
        unit, scale = _money_unit(num_text, unit)
        if m.group("fen"):
            try:
                value = parse_yuan(num_text + "元" + m.group("fen"))
            except ValueError:
                return None
        else:
            value = number * units().money[m.group("unit")]
    else:
        scale = _unit_value(kind, unit)
        value = number * scale
        joined = num_text[-1] + unit
        if kind == "count" and joined in units().measures and re.fullmatch(r"[0-9.,]+", num_text[:-1]):
            unit, value = joined, parse_number(num_text[:-1])  # 2.4千米 is 2.4 of 千米, not 2400 米
    f = Found(kind, m.start(), m.end(), value, unit=unit, scale=scale)
    if m.group("infix"):
        f.qualifier = qualifiers().infix[m.group("infix")]
        f.comparator = m.group("infix")
    return f


# (not before a line end: "73.72万" / "元" wrapped by a PDF is read with its 元 by the unit governor)
_SCALE_ONLY = re.compile(
    r"(?<![0-9A-Za-z.,])(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?([万亿])"
    rf"(?=[{re.escape(marks('clause_marks', 'sentence_ends'))}、）)])")


def _scale_only(norm: str) -> list[Found]:
    """"完成投资1.2亿，": an amount missing 元 after a money word (see units.yaml, scale_only_money)."""
    u = units()
    if not u.scale_only_money:
        return []
    out = []
    for m in _SCALE_ONLY.finditer(norm):
        before = norm[max(0, m.start() - u.scale_only_within):m.start()]
        if not any(w in before for w in u.scale_only_money):
            continue
        unit = m.group(1) + "元"
        if unit not in u.money:
            continue
        number = Decimal(m.group(0)[:-1].replace(",", ""))
        out.append(Found("money", m.start(), m.end(), number * u.money[unit], unit=unit, scale=u.money[unit]))
    return out


def _stray_yuan(m: re.Match[str], num_text: str, unit: str) -> Found | None:
    """"3万亩元": a measure word slipped between the scale and 元 — money in 万元 (see units.yaml);
    after a plain number ("300亩元") the figure is a count of the measure word."""
    try:
        number = parse_number(num_text)
    except ValueError:
        return None
    measure = unit[:-1]
    if num_text[-1] not in _scale_chars() or m.group("infix"):
        if measure not in units().measures:
            return None
        return Found("count", m.start(), m.end() - 1, number, unit=measure, scale=Decimal(1))
    money_unit, scale = _money_unit(num_text, "元")
    return Found("money", m.start(), m.end(), number, unit=money_unit, scale=scale)


def _from_range(m: re.Match[str], pats: _Patterns) -> Found | None:
    u2 = m.group("u2")
    kind = pats.unit_kind[u2]
    u1 = m.group("u1")
    if u1 is not None and pats.unit_kind[u1] != kind:
        return None
    try:
        a, b = parse_number(m.group("n1")), parse_number(m.group("n2"))
    except ValueError:
        return None
    if kind == "money":
        unit, scale = _money_unit(m.group("n2"), u2)
        f2 = units().money[u2]
        if u1 is not None:
            f1 = units().money[u1]
        elif m.group("n1")[-1] in _scale_chars():
            f1 = f2
        else:
            f1 = scale
        lo, hi = a * f1, b * f2
    else:
        scale = _unit_value(kind, u2)
        unit = u2
        n1, n2 = m.group("n1"), m.group("n2")
        if (u1 is None and n1[-1] not in _scale_chars() and n2[-1] in _scale_chars()
                and n2.rstrip(_scale_chars())):
            # 3至5万人: the first number shares the scale of the second
            a *= b / parse_number(n2.rstrip(_scale_chars()))
        lo, hi = a * scale, b * scale
    if lo > hi:
        return None
    f = Found(kind, m.start(), m.end(), (lo, hi), unit=unit, scale=scale, qualifier="range",
              comparator=m.group("sep"))
    return f


def _from_prefixed(m: re.Match[str]) -> Found | None:
    if m.group("pre"):
        try:
            num = m.group("num")
            number = parse_number("一" + num if len(num) == 1 and num in numerals().small_units else num)
        except ValueError:
            return None
        factor = units().percent_prefix[m.group("pre")]
        return Found("percent", m.start(), m.end(), number * factor, unit=m.group("pre"), scale=factor)
    try:
        number = parse_number(m.group("snum"))
    except ValueError:
        return None
    return Found("money", m.start(), m.end(), number, unit="元", scale=Decimal(1))


@cache
def _by_length(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _inside_word(text: str, word: str, not_after: dict[str, str]) -> bool:
    """``word`` ends ``text`` but is the tail of a longer word (节约, 最近, 新增)."""
    before = text[-len(word) - 1:-len(word)] if len(text) > len(word) else ""
    return bool(before) and before in not_after.get(word, "")


def _qualify(norm: str, f: Found) -> None:
    """Sign, qualifier words before/after, comparator symbols and the direction of a change."""
    q = qualifiers()
    _sign(norm, f)
    for word in _by_length(tuple(q.suffix)):  # 以上, 左右 … join the surface text
        if norm.startswith(word, f.end):
            if f.qualifier is None:
                f.qualifier, f.comparator = q.suffix[word], word
            f.end += len(word)
            break
    back = norm[max(0, f.start - 10):f.start]
    stripped = back.rstrip(_SPACES)
    head = _prefix(stripped, len(back) - len(stripped), f)
    hit = _word_before(stripped[:head], q.down + q.up)
    if hit is not None:
        f.direction = "down" if hit in q.down else "up"


def _sign(norm: str, f: Found) -> None:
    """A minus sign or 负 right before the number (not a dash between two numbers)."""
    start = f.start
    if start < 1 or norm[start - 1] not in "-负" or f.qualifier == "range":
        return
    if start >= 2 and re.match(r"[0-9A-Za-z.%)）]", norm[start - 2]):
        return
    f.start = start - 1
    if isinstance(f.value, Decimal):
        f.value = -f.value


def _word_before(text: str, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` that ends ``text``, allowing a few filler characters after it (了, 达到)."""
    q = qualifiers()
    cut = len(text)
    for _ in range(3):
        seg = text[:cut]
        hit = next((w for w in _by_length(words) if seg.endswith(w) and not _inside_word(seg, w, q.not_after)),
                   None)
        if hit is not None:
            return hit
        if not cut or text[cut - 1] not in q.filler:
            return None
        cut -= 1
    return None


def _prefix(text: str, gap: int, f: Found) -> int:
    """Set the qualifier written before the number; return where the text before it ends."""
    q = qualifiers()
    word = _word_before(text, tuple(q.prefix))
    if word is None:
        return len(text)
    end = text.rindex(word)
    qual = q.prefix[word]
    if f.qualifier is None and qual is not None:
        f.qualifier = qual
    if f.comparator is None:
        f.comparator = word
    if word in q.symbols and end + len(word) == len(text):
        f.start -= gap + len(word)  # ≥ / ≤ belong to the surface ("≥90%")
    return end
