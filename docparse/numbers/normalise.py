"""Pure number normaliser: written numbers (Arabic, Chinese, financial capitals, mixed) → ``Decimal``.

Nothing here knows about documents. Every function takes a string and returns an exact value or
raises :class:`ValueError`. Characters are first mapped one-to-one (full-width digits, traditional
forms), so offsets found on normalised text hold for the original text too.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from docparse.numbers.data import numerals

_ARABIC = re.compile(r"[+-]?(?:\d{1,3}(?:[,，] ?\d{3})+|\d{1,3}(?:[ \u00a0\u2009]\d{3})+|\d+)(?:\.\d+)?")
_GROUP_MARKS = ",， \u00a0\u2009"  # thousands separators: commas, or spaces between digit groups
_TOKEN = re.compile(r"\d+(?:\.\d+)?|.", re.S)


def normalise_chars(text: str) -> str:
    """Map full-width digits, signs and traditional numeral forms to their plain forms (same length)."""
    return text.translate(numerals().table)


def parse_arabic(text: str) -> Decimal:
    """``"1,234,567.89"`` / ``"1 234 567.89"`` / ``"１２．５"`` / ``"-5.2"`` → Decimal; thousands separators
    (commas or spaces) must be well placed."""
    s = normalise_chars(text).strip()
    if not _ARABIC.fullmatch(s):
        raise ValueError(f"not an Arabic number: {text!r}")
    try:
        return Decimal(s.translate({ord(c): None for c in _GROUP_MARKS}))
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise ValueError(f"not an Arabic number: {text!r}") from exc


def parse_numeral(text: str) -> Decimal:
    """Chinese, capital, Arabic or mixed numerals without unit: 一百二十万零三千, 1亿2千万, 两千三百, 1.2亿."""
    rules = numerals()
    s = normalise_chars(text).strip().replace(",", "").replace("，", "")
    if not s:
        raise ValueError("empty number")
    if rules.point in s:
        whole, _, frac = s.partition(rules.point)
        frac_digits = frac
        scale = Decimal(1)
        while frac_digits and frac_digits[-1] in rules.big_units:
            scale *= rules.big_units[frac_digits[-1]]
            frac_digits = frac_digits[:-1]
        if not frac_digits or any(ch not in rules.digits for ch in frac_digits):
            raise ValueError(f"bad decimal numeral: {text!r}")
        value = _integer_part(whole, text) if whole else Decimal(0)
        value += Decimal("0." + "".join(str(rules.digits[ch]) for ch in frac_digits))
        return value * scale
    return _integer_part(s, text)


def _integer_part(s: str, original: str) -> Decimal:
    rules = numerals()
    total = Decimal(0)   # parts closed by 亿
    wan = Decimal(0)     # parts closed by 万 (already multiplied)
    section = Decimal(0)  # below 万
    num: Decimal | None = None
    prev_digit = False
    seen = False
    unit_seen = False
    for tok in _TOKEN.findall(s):
        if tok[0].isdigit():
            if prev_digit:
                raise ValueError(f"two numbers in a row: {original!r}")
            num = Decimal(tok)
            prev_digit, seen = True, True
        elif tok in rules.digits:
            d = Decimal(rules.digits[tok])
            if d == 0 and unit_seen:
                prev_digit, seen = False, True
                continue
            if prev_digit and (unit_seen or not any(z in s for z in "零〇○")):
                # digit by digit only in year-like strings (二〇二三); 两三 is a rough pair, not 23
                raise ValueError(f"numerals run on: {original!r}")
            num = num * 10 + d if (prev_digit and num is not None) else d
            prev_digit, seen = True, True
        elif tok in rules.small_units:
            section += (num if num is not None else Decimal(1)) * rules.small_units[tok]
            num, prev_digit, seen, unit_seen = None, False, True, True
        elif tok in rules.big_units:
            mult = rules.big_units[tok]
            part = section + (num or 0)
            if not seen:
                raise ValueError(f"scale without a number: {original!r}")
            if mult >= 100000000:
                total += (wan + part) * mult
                wan = Decimal(0)
            else:
                wan += part * mult
            section, num, prev_digit, unit_seen = Decimal(0), None, False, True
        else:
            raise ValueError(f"not a numeral: {original!r}")
    if not seen:
        raise ValueError(f"no digits: {original!r}")
    return total + wan + section + (num or 0)


def parse_approx_pair(text: str) -> tuple[Decimal, Decimal] | None:
    """Two neighbouring numerals for a rough figure: 两三 → (2, 3), 三四十 → (30, 40), 七八百 → (700, 800)."""
    rules = numerals()
    s = normalise_chars(text).strip()
    if len(s) < 2 or s[0] not in rules.digits or s[1] not in rules.digits:
        return None
    a, b = rules.digits[s[0]], rules.digits[s[1]]
    if not (a > 0 and (b == a + 1 or s[:2] in rules.rough_pairs)):
        return None
    rest = s[2:]
    try:
        lo = parse_numeral(s[0] + rest) if rest else Decimal(a)
        hi = parse_numeral(s[1] + rest) if rest else Decimal(b)
    except ValueError:
        return None
    return lo, hi


def parse_number(text: str) -> Decimal:
    """Any written number, signed: ``-5.2``, ``负5.2``, ``１２．５``, ``九十九``, ``50余万`` (余/多 dropped)."""
    rules = numerals()
    s = normalise_chars(text).strip()
    sign = 1
    for word in ("-", "+", *rules.minus_words):
        if s.startswith(word):
            sign = -1 if word != "+" else 1
            s = s[len(word):].lstrip()
            break
    s = s.replace("余", "").replace("多", "")
    try:
        value = parse_arabic(s)
    except ValueError:
        value = parse_numeral(s)
    return -value if sign < 0 else value


def parse_yuan(text: str) -> Decimal:
    """An amount written with 元/圆 and optional 角/分/整: 贰拾叁万肆仟伍佰陆拾柒元捌角玖分 → 234567.89."""
    rules = numerals()
    s = normalise_chars(text).strip()
    for word in ("-", *rules.minus_words):
        if s.startswith(word) and len(s) > len(word):
            return -parse_yuan(s[len(word):])
    for suffix in rules.exact_suffixes:
        if s.endswith(suffix):
            s = s[: -len(suffix)]
    jiao = fen = Decimal(0)
    for marks, factor in ((rules.fen, Decimal("0.01")), (rules.jiao, Decimal("0.1"))):
        for mark in marks:
            if s.endswith(mark):
                head = s[: -len(mark)]
                digit = head[-1:] if head else ""
                if not digit:
                    raise ValueError(f"{mark} without a digit: {text!r}")
                value = Decimal(digit) if digit.isdigit() else Decimal(rules.digits.get(digit, -1))
                if value < 0:
                    raise ValueError(f"bad digit before {mark}: {text!r}")
                if factor == Decimal("0.01"):
                    fen = value * factor
                else:
                    jiao = value * factor
                s = head[:-1]
                if s.endswith("零"):
                    s = s[:-1]
                break
    for mark in ("元", "圆"):
        if s.endswith(mark):
            s = s[:-1]
            break
    base = parse_number(s) if s else Decimal(0)
    frac = jiao + fen
    return base - frac if base < 0 else base + frac
