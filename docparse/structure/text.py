"""Character folding for matching: full/half width and traditional/simplified, length-preserving.

Every fold maps one character to one character, so an offset found in folded text is the same
offset in the original text: rules match on the folded form, results are cut from the original.
"""

from __future__ import annotations

import re

from docparse.chars import fold_width, to_simplified
from docparse.lexicon import digit_values, digits

__all__ = ["digit_years", "fold", "fold_width", "is_cjk", "match_key", "without_pinyin"]


def fold(text: str) -> str:
    """Width folding plus traditional → simplified characters, one character for one."""
    return to_simplified(fold_width(text))


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
_NOT_CHAR = re.compile(r"[^\u3400-\u9fffA-Za-z0-9]+")


def match_key(text: str, *, drop_asides: bool = True) -> str:
    """Characters that carry meaning for fuzzy matching: no punctuation, no bracketed asides."""
    text = fold(text)
    if drop_asides:
        stripped = _BRACKETED.sub("", text)
        if _NOT_CHAR.sub("", stripped):
            text = stripped
    return _NOT_CHAR.sub("", text)


# the lexicon's lower-case digits and zeros, and the letter O typed for 〇
_YEAR_DIGITS = {ch: str(v) for ch, v in digit_values().items() if ch in digits() or v == 0} | {"Ｏ": "0", "O": "0"}
_CN_YEAR = re.compile(rf"[{digits()[1:3]}][{''.join(_YEAR_DIGITS)}]{{3}}(?=\s*年)")  # 一九…/二〇…


def digit_years(text: str) -> str:
    """Years written in Chinese numerals as digits, one character for one ("二〇二三年" → "2023年")."""
    if "年" not in text:
        return text
    return _CN_YEAR.sub(lambda m: "".join(_YEAR_DIGITS[c] for c in m.group()), text)


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,12}\)")


def without_pinyin(folded: str) -> tuple[str, list[int]]:
    """``folded`` without the pinyin mirror sites put after characters ("績(jī)效" → "績效"), and for
    each offset of the result (and its end) the offset in ``folded``."""
    if "(" not in folded:
        return folded, list(range(len(folded) + 1))
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _PINYIN.finditer(folded):
        for i in range(pos, m.start()):
            out.append(folded[i])
            where.append(i)
        pos = m.end()
    for i in range(pos, len(folded)):
        out.append(folded[i])
        where.append(i)
    where.append(len(folded))
    return "".join(out), where
