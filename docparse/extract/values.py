"""Values as written in tables and indicator statements: numbers, money, typed comparisons, met/not met.

Everything is ``Decimal``; nothing here knows about documents.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from docparse.extract.vocab import rules, simplified, words
from docparse.lexicon import money_unit_pattern, money_units
from docparse.model.report import Comparison
from docparse.tables.vocabulary import is_placeholder as placeholder

# Full-width forms to ASCII, one character for one (offsets stay valid).
_WIDTH = str.maketrans(
    "０１２３４５６７８９．，％：（）＋－＜＞＝　",
    "0123456789.,%:()+-<>= ",
)
NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.])\d+(?:\.\d+)?")


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII; same length as ``text``."""
    return text.translate(_WIDTH)


def to_decimal(digits: str) -> Decimal | None:
    """``"1,234.50"`` → ``Decimal("1234.50")``; ``None`` when it is not a number."""
    try:
        return Decimal(normalise(digits).replace(",", "").strip())
    except InvalidOperation:
        return None


def is_placeholder(text: str) -> bool:
    """An empty cell or a dash/slash standing for "nothing here" (the table vocabulary's placeholders)."""
    return placeholder(normalise(text))


def bare_number(text: str) -> Decimal | None:
    """The number of a cell that holds only a number (and maybe ``%``): ``"89.974"`` → 89.974."""
    t = normalise(text).strip(" |")
    t = t.removesuffix("%").strip()
    if re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?", t):
        return to_decimal(t)
    return None


def money(text: str, default_unit: str | None) -> tuple[Decimal, str] | None:
    """A money cell in yuan: its own unit (``"50万元"``) or the block's (``"89.974"`` with 万元)."""
    t = simplified(normalise(text)).strip(" |")
    m = re.fullmatch(rf"(-?[\d,]+(?:\.\d+)?)\s*({money_unit_pattern()})?", t)
    if not m:
        return None
    value = to_decimal(m.group(1))
    unit = m.group(2) or default_unit or "元"
    factor = money_units().get(unit)
    if value is None or factor is None:
        return None
    return (value * factor).quantize(Decimal("0.01")), unit


def _comparator(prefix: str, suffix: str) -> str | None:
    table: dict[str, list[str]] = rules("indicators")["comparators"]
    suffix_words = set(rules("indicators")["suffix_comparators"])
    best: tuple[int, str] | None = None
    for op, signs in table.items():
        for sign in signs:
            where = suffix if sign in suffix_words else prefix
            hit = sign in where
            if hit and (best is None or len(sign) > best[0]):
                best = (len(sign), op)
    return best[1] if best else None


def comparison(text: str | None) -> Comparison | None:
    """A target or actual as a typed comparison: ``"≥95%"`` → (≥, 95, %); ``"达成预期指标"`` → (=, None)."""
    if text is None:
        return None
    raw = text.strip(" |")
    if is_placeholder(raw):
        return None
    t = normalise(raw)
    m = NUMBER.search(t)
    if m is None:
        return Comparison(op="=", value=None, unit=None, text=raw)
    value = to_decimal(m.group(0))
    prefix, suffix = t[: m.start()], t[m.end():].strip()
    op = _comparator(prefix, suffix) or "="
    for word in words("indicators", "suffix_comparators"):
        if suffix.startswith(word):
            suffix = suffix[len(word):].strip()
    unit_m = re.match(r"[^\d\s,;，；。（）()]{1,6}", suffix)
    unit = unit_m.group(0) if unit_m else None
    if unit in rules("indicators")["percent_units"]:
        unit = "%"
    for word in words("indicators", "suffix_comparators"):
        if unit and unit.endswith(word) and unit != word:
            unit = unit[: -len(word)]
    return Comparison(op=op, value=value, unit=unit, text=raw)


def _in_yuan(c: Comparison) -> Decimal | None:
    if c.value is None:
        return None
    factor = money_units().get(c.unit or "")
    return c.value * factor if factor is not None else None


def _words_say(text: str) -> bool | None:
    t = text.strip()
    if any(w in t for w in words("indicators", "unmet_words")):
        return False
    if any(w in t for w in words("indicators", "met_words")):
        return True
    return None


def meets(target: Comparison | None, actual: Comparison | None) -> bool | None:
    """Whether ``actual`` meets ``target``; ``None`` when it cannot be told."""
    if target is None or actual is None:
        return None
    if target.value is not None and actual.value is not None:
        t, a = target.value, actual.value
        ty, ay = _in_yuan(target), _in_yuan(actual)
        if ty is not None and ay is not None:
            t, a = ty, ay
        elif target.unit and actual.unit and target.unit != actual.unit and not (
            {target.unit, actual.unit} <= {"%", "百分比"}
        ):
            return None
        return {
            "≥": a >= t, "≤": a <= t, ">": a > t, "<": a < t, "=": a == t,
        }[target.op]
    if actual.value is None:
        said = _words_say(actual.text)
        if said is not None:
            return said
        if target.value is None and actual.text.strip() == target.text.strip():
            return True
        return None
    # Qualitative target, numeric actual: nothing to compare.
    return None
