"""Character folding for matching: full/half width and traditional/simplified, length-preserving.

Every fold maps one character to one character, so an offset found in folded text is the same
offset in the original text: rules match on the folded form, results are cut from the original.
"""

from __future__ import annotations

import re
from functools import cache

_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20,
               0xFE59: 0x28, 0xFE5A: 0x29, 0xFE5D: 0x28, 0xFE5E: 0x29})


@cache
def _opencc():  # type: ignore[no-untyped-def]
    try:
        from opencc_purepy import OpenCC
    except ImportError:  # pragma: no cover - optional at run time
        return None
    return OpenCC("t2s")


@cache
def _simplified(ch: str) -> str:
    cc = _opencc()
    if cc is None:
        return ch
    out = cc.convert(ch)
    return out if len(out) == 1 else ch


def fold_width(text: str) -> str:
    """Full-width ASCII and ideographic space to half width (one character for one)."""
    return text.translate(_WIDTH)


def fold(text: str) -> str:
    """Width folding plus traditional → simplified characters, one character for one."""
    text = fold_width(text)
    if text.isascii():
        return text
    return "".join(_simplified(ch) if "\u3400" <= ch <= "\u9fff" else ch for ch in text)


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


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"
