"""Write numbers the way reports do: Chinese numerals, financial capitals, Arabic with separators.

The inverse of :mod:`docparse.numbers.normalise`, used by the corpus generator and by property
tests (render a value, parse it back, get the same value).
"""

from __future__ import annotations

from decimal import Decimal

_LOWER = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"
_SMALL_LOWER = ("", "十", "百", "千")
_SMALL_UPPER = ("", "拾", "佰", "仟")
_BIG = ("", "万", "亿", "万亿")


def _section(n: int, digits: str, small: tuple[str, ...], drop_leading_one: bool) -> str:
    """0 < n < 10000 as numerals, with 零 for inner gaps."""
    out = []
    zero = False
    for power in range(3, -1, -1):
        d = n // 10**power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        if not (drop_leading_one and d == 1 and power == 1 and not out):
            out.append(digits[d])
        out.append(small[power])
    return "".join(out)


def integer_to_chinese(n: int, capitals: bool = False) -> str:
    """``1203000`` → 一百二十万零三千 (or 壹佰贰拾万零叁仟 with ``capitals``)."""
    if n < 0:
        return "负" + integer_to_chinese(-n, capitals)
    digits = _UPPER if capitals else _LOWER
    small = _SMALL_UPPER if capitals else _SMALL_LOWER
    if n == 0:
        return digits[0]
    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    if len(sections) > len(_BIG):
        raise ValueError("number too large to write in numerals")
    out: list[str] = []
    need_zero = False
    higher = 0
    for i in range(len(sections) - 1, -1, -1):
        sec = sections[i]
        if sec == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or sec < 1000 or higher % 10 == 0):
            out.append(digits[0])
        text = _section(sec, digits, small, drop_leading_one=not out and not capitals)
        out.append(text + _BIG[i])
        need_zero = False
        higher = sec
    return "".join(out)


def decimal_to_chinese(value: Decimal) -> str:
    """``Decimal('12.5')`` → 十二点五."""
    sign = "负" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, frac = text.partition(".")
    out = integer_to_chinese(int(whole))
    if frac.rstrip("0"):
        out += "点" + "".join(_LOWER[int(d)] for d in frac.rstrip("0"))
    return sign + out


def yuan_to_capitals(value: Decimal) -> str:
    """An amount in yuan (two decimals at most) as financial capitals: 贰拾叁万肆仟伍佰陆拾柒元捌角玖分."""
    if value < 0:
        return "负" + yuan_to_capitals(-value)
    cents = int((value * 100).to_integral_value())
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    out = integer_to_chinese(yuan, capitals=True) + "元" if yuan or not (jiao or fen) else ""
    if jiao:
        out += _UPPER[jiao] + "角"
    elif fen and yuan:
        out += "零"
    if fen:
        out += _UPPER[fen] + "分"
    if not fen:
        out += "整"
    return out


def with_separators(value: Decimal) -> str:
    """``Decimal('1234567.89')`` → ``1,234,567.89``."""
    sign = "-" if value < 0 else ""
    whole, dot, frac = format(abs(value), "f").partition(".")
    return f"{sign}{int(whole):,}{dot}{frac}"


def full_width(text: str) -> str:
    """ASCII digits, point and percent as full-width characters (１２．５％)."""
    return text.translate(str.maketrans("0123456789.%-", "０１２３４５６７８９．％－"))
