"""Numbers as reports write them: amounts in 万元/元/亿元, 大写 capitals, percents, counts."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from corpus.generate.model import Mention

CENT = Decimal("0.01")
WAN = Decimal(10000)
YI = Decimal(100000000)
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ["", "拾", "佰", "仟"]
_BIG = ["", "万", "亿", "万亿"]
_CN = "〇一二三四五六七八九"


def yuan(value: Decimal) -> str:
    """Gold money value: yuan with two decimals."""
    return str(value.quantize(CENT, ROUND_HALF_UP))


def plain(value: Decimal) -> str:
    """A number without exponent or trailing zeros (``98.50`` → ``98.5``)."""
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", ""} else text


def rounded(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def grouped(value: Decimal, places: int) -> str:
    """``1234567.5`` → ``1,234,567.50``."""
    return f"{rounded(value, places):,.{places}f}"


def chinese_count(n: int) -> str:
    """Word's chineseCounting: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


IDEOGRAPH = "甲乙丙丁戊己庚辛壬癸"


def daxie(value: Decimal) -> str:
    """Amount in 大写 capitals: 120000 → 壹拾贰万元整, 100500.3 → 壹拾万零伍佰元叁角."""
    value = rounded(value)
    whole = int(value)
    cents = int((value - whole) * 100)
    out: list[str] = []
    digits = str(whole)
    zero = False
    for i, ch in enumerate(digits):
        pos = len(digits) - 1 - i
        d = int(ch)
        small, big = pos % 4, pos // 4
        if d == 0:
            zero = True
            if small == 0 and (whole // 10 ** (4 * big)) % 10000:
                out.append(_BIG[big])
        else:
            if zero and out:
                out.append("零")
            zero = False
            out.append(_DIGITS[d] + _SMALL[small])
            if small == 0:
                out.append(_BIG[big])
    text = "".join(out) or "零"
    jiao, fen = divmod(cents, 10)
    if not cents:
        return text + "元整"
    text += "元"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif whole:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    return text


def wan_str(value: Decimal) -> str:
    """Yuan → the 万元 figure as usually typed (no trailing zeros)."""
    return plain(value / WAN)


class Writer:
    """Chooses written forms for amounts according to the document's amount style.

    Styles: ``wan`` (万元 throughout), ``yuan`` (元 with thousands separators), ``mixed``
    (万元, 元, 亿元 and an occasional 大写 capital amount).
    """

    def __init__(self, rng: random.Random, style: str = "wan") -> None:
        self.rng = rng
        self.style = style

    def money(self, value: Decimal, form: str | None = None) -> Mention:
        form = form or self._form(value)
        if form == "wan":
            text = wan_str(value) + "万元"
            unit = "万元"
        elif form == "wan2":
            text = f"{rounded(value / WAN, 2):.2f}万元"
            unit = "万元"
        elif form == "wan_sep":
            text = grouped(value / WAN, 2) + "万元"
            unit = "万元"
        elif form == "yuan_sep":
            text = grouped(value, 2) + "元"
            unit = "元"
        elif form == "yuan":
            text = plain(rounded(value)) + "元"
            unit = "元"
        elif form == "yi":
            text = plain(value / YI) + "亿元"
            unit = "亿元"
        elif form == "daxie":
            text = daxie(value)
            unit = "元"
        else:
            raise ValueError(form)
        return Mention("money", text, yuan(value), unit=unit)

    def _form(self, value: Decimal) -> str:
        if self.style == "wan":
            return "wan"
        if self.style == "yuan":
            return "yuan_sep"
        if value >= YI and value % (YI / 100) == 0:
            return "yi"
        return self.rng.choice(["wan", "wan", "wan2", "wan_sep", "yuan_sep", "yuan"])

    def money_range(self, low: Decimal, high: Decimal) -> Mention:
        if self.style == "yuan":
            text = f"{grouped(low, 0)}元至{grouped(high, 0)}元"
        else:
            text = self.rng.choice([f"{wan_str(low)}万至{wan_str(high)}万元",
                                    f"{wan_str(low)}-{wan_str(high)}万元"])
        return Mention("money", text, [yuan(low), yuan(high)], qualifier="range",
                       unit="元" if self.style == "yuan" else "万元")

    def money_about(self, value: Decimal, how: str) -> tuple[str, Mention, str]:
        """(prefix, mention, suffix) for 约/余/以上 amounts; prefix and suffix stay outside the text."""
        if how == "approx":
            m = self.money(value, "wan")
            return "约", Mention("money", m.text, m.value, "approx", unit="万元"), ""
        if how == "more_than":
            text = wan_str(value) + "万余元"
            return "", Mention("money", text, yuan(value), "more_than", unit="万元"), ""
        m = self.money(value, "wan")
        return "", Mention("money", m.text, m.value, "at_least", unit="万元", comparator="以上"), "以上"


def percent(value: Decimal, places: int | None = None, qualifier: str | None = None,
            comparator: str | None = None) -> Mention:
    text = (f"{rounded(value, places):.{places}f}" if places is not None else plain(value)) + "%"
    return Mention("percent", text, plain(value), qualifier, comparator=comparator)


def points(value: Decimal) -> Mention:
    return Mention("ratio_points", plain(value) + "个百分点", plain(value))


def count(n: int | Decimal, unit: str, qualifier: str | None = None,
          comparator: str | None = None) -> Mention:
    num = plain(Decimal(n))
    text = f"{num}余{unit}" if qualifier == "more_than" else f"{num}{unit}"
    return Mention("count", text, num, qualifier, unit=unit, comparator=comparator)
